"""Tables of the web dashboard: accounts, API tokens, login sessions and the change log.

They live in the same store as the ecosystem, so every edit and its record in
``changes`` are written in one transaction. Secrets are never stored: passwords
as scrypt hashes, tokens and session ids as SHA-256 digests.
"""

from __future__ import annotations

import sqlalchemy as sa

from .migrations import migration

__all__ = ["WEB_METADATA", "USERS", "TOKENS", "SESSIONS", "CHANGES"]

WEB_METADATA = sa.MetaData()

USERS = sa.Table(
    "web_users",
    WEB_METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.Text, nullable=False, unique=True),
    sa.Column("password_hash", sa.Text),
    sa.Column("can_edit", sa.Boolean, nullable=False, default=True),
    sa.Column("created_at", sa.Text, nullable=False),
)

TOKENS = sa.Table(
    "web_tokens",
    WEB_METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("web_users.id"), nullable=False),
    sa.Column("label", sa.Text, nullable=False),
    sa.Column("token_hash", sa.Text, nullable=False, unique=True),
    sa.Column("created_at", sa.Text, nullable=False),
    sa.Column("revoked", sa.Boolean, nullable=False, default=False),
)

SESSIONS = sa.Table(
    "web_sessions",
    WEB_METADATA,
    sa.Column("id_hash", sa.Text, primary_key=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("web_users.id"), nullable=False),
    sa.Column("csrf_token", sa.Text, nullable=False),
    sa.Column("expires_at", sa.Text, nullable=False),
)

#: One row per edit: who, when, what (the row-level diff as JSON) and its reversal.
CHANGES = sa.Table(
    "changes",
    WEB_METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.Text, nullable=False),
    sa.Column("user_name", sa.Text, nullable=False),
    sa.Column("action", sa.Text, nullable=False),
    sa.Column("summary", sa.Text, nullable=False),
    sa.Column("diff", sa.Text, nullable=False),
    sa.Column("reverts", sa.Integer),
    sa.Column("reverted_by", sa.Integer),
)


@migration("0002_web_accounts_and_changes")
def _web_accounts_and_changes(conn: sa.Connection) -> None:
    WEB_METADATA.create_all(conn)
