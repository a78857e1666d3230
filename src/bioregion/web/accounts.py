"""Accounts of the dashboard: people log in with a password, scripts use API tokens.

Nothing secret is stored in clear: passwords as scrypt hashes (RFC 7914, via
:func:`hashlib.scrypt`), API tokens and session ids as SHA-256 digests, so a
copy of the store does not give anyone a way in. This module knows nothing of
HTTP; :mod:`bioregion.web.auth` turns requests into a :class:`User`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

import sqlalchemy as sa

from ..errors import NotFoundError, ValidationError
from ..store.web_tables import SESSIONS, TOKENS, USERS

__all__ = ["User", "add_user", "create_token", "user_for_token", "open_session", "session_user",
           "close_session", "hash_password", "verify_password", "SESSION_DAYS"]

SESSION_DAYS = 14
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
MIN_PASSWORD = 8


@dataclass(frozen=True)
class User:
    """Who makes a request: ``name`` is what the change log records."""

    id: int
    name: str
    can_edit: bool = True


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def hash_password(password: str) -> str:
    """An scrypt hash with its parameters and salt: ``scrypt$n$r$p$salt$hash``."""
    salt = secrets.token_bytes(16)
    key = hashlib.scrypt(password.encode(), salt=salt, dklen=32, **_SCRYPT)
    return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${salt.hex()}${key.hex()}"


def verify_password(stored: str | None, password: str) -> bool:
    """True when ``password`` matches the stored hash (constant-time comparison)."""
    try:
        scheme, n, r, p, salt, key = (stored or "").split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    got = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=32)
    return hmac.compare_digest(got.hex(), key)


def add_user(engine: sa.Engine, name: str, password: str, *, can_edit: bool = True) -> User:
    """Create a login; refuses an existing name or a password shorter than 8 characters."""
    name = name.strip()
    if not name or len(name) > 80:
        raise ValidationError("a user name needs 1 to 80 characters", field="name")
    if len(password) < MIN_PASSWORD:
        raise ValidationError(f"the password needs at least {MIN_PASSWORD} characters", field="password")
    with engine.begin() as conn:
        if conn.execute(sa.select(USERS.c.id).where(USERS.c.name == name)).first():
            raise ValidationError(f"user '{name}' exists already; pick another name", field="name")
        result = conn.execute(USERS.insert().values(
            name=name, password_hash=hash_password(password), can_edit=can_edit, created_at=_now().isoformat()))
        return User(result.inserted_primary_key[0], name, can_edit)


def _user_row(conn: sa.Connection, name: str) -> sa.Row:
    row = conn.execute(sa.select(USERS).where(USERS.c.name == name)).first()
    if row is None:
        raise NotFoundError(f"no user '{name}'; create one with 'bioregion users add {name}'")
    return row


def create_token(engine: sa.Engine, user_name: str, label: str = "api") -> str:
    """A new API token for ``user_name``; the token itself is shown once and never stored."""
    token = "brt_" + secrets.token_urlsafe(32)
    with engine.begin() as conn:
        user = _user_row(conn, user_name)
        conn.execute(TOKENS.insert().values(user_id=user.id, label=label, token_hash=_digest(token),
                                            created_at=_now().isoformat(), revoked=False))
    return token


def user_for_token(engine: sa.Engine, token: str) -> User | None:
    """The user a bearer token belongs to, or ``None`` for an unknown or revoked token."""
    query = (sa.select(USERS.c.id, USERS.c.name, USERS.c.can_edit)
             .join(TOKENS, TOKENS.c.user_id == USERS.c.id)
             .where(TOKENS.c.token_hash == _digest(token), TOKENS.c.revoked.is_(False)))
    with engine.connect() as conn:
        row = conn.execute(query).first()
    return User(row.id, row.name, bool(row.can_edit)) if row else None


def open_session(engine: sa.Engine, name: str, password: str) -> tuple[str, User] | None:
    """Check a login and open a session; returns ``(session id, user)`` or ``None``."""
    with engine.begin() as conn:
        row = conn.execute(sa.select(USERS).where(USERS.c.name == name.strip())).first()
        if row is None:
            verify_password(hash_password("timing"), password)  # same work for unknown names
            return None
        if not verify_password(row.password_hash, password):
            return None
        session_id = secrets.token_urlsafe(32)
        expires = _now() + dt.timedelta(days=SESSION_DAYS)
        conn.execute(SESSIONS.delete().where(SESSIONS.c.expires_at < _now().isoformat()))
        conn.execute(SESSIONS.insert().values(id_hash=_digest(session_id), user_id=row.id,
                                              csrf_token=secrets.token_urlsafe(32), expires_at=expires.isoformat()))
    return session_id, User(row.id, row.name, bool(row.can_edit))


def session_user(engine: sa.Engine, session_id: str) -> tuple[User, str] | None:
    """The user and CSRF token of a live session, or ``None``."""
    query = (sa.select(USERS.c.id, USERS.c.name, USERS.c.can_edit, SESSIONS.c.csrf_token, SESSIONS.c.expires_at)
             .join(SESSIONS, SESSIONS.c.user_id == USERS.c.id)
             .where(SESSIONS.c.id_hash == _digest(session_id)))
    with engine.connect() as conn:
        row = conn.execute(query).first()
    if row is None or row.expires_at < _now().isoformat():
        return None
    return User(row.id, row.name, bool(row.can_edit)), row.csrf_token


def close_session(engine: sa.Engine, session_id: str) -> None:
    """Log out: forget the session."""
    with engine.begin() as conn:
        conn.execute(SESSIONS.delete().where(SESSIONS.c.id_hash == _digest(session_id)))
