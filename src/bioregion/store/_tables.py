"""SQLAlchemy Core tables mirroring :data:`bioregion.schema.TABLES`.

Lists and mappings are stored as JSON text, partial dates as ISO text, so the
same schema works on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa

from ..schema import TABLES, Column, Table

__all__ = ["METADATA", "SQL_TABLES", "MIGRATIONS_TABLE", "to_sql_row", "from_sql_row"]

METADATA = sa.MetaData()

_SQL_TYPES = {
    "int": sa.BigInteger,
    "float": sa.Float(precision=53),
    "bool": sa.Boolean,
}


def _sql_column(col: Column, table: Table) -> sa.Column:
    sql_type = _SQL_TYPES.get(col.kind, sa.Text)
    return sa.Column(col.name, sql_type, primary_key=col.name in table.key, nullable=col.name not in table.key)


SQL_TABLES: dict[str, sa.Table] = {
    name: sa.Table(name, METADATA, *(_sql_column(c, t) for c in t.columns)) for name, t in TABLES.items()
}

#: Secondary indexes, created with their tables.
INDEXES = (
    sa.Index("ix_parties_organisation", SQL_TABLES["parties"].c.organisation_id),
    sa.Index("ix_evidence_subject", SQL_TABLES["evidence"].c.subject_table, SQL_TABLES["evidence"].c.subject_id),
    sa.Index("ix_programs_organisation", SQL_TABLES["programs"].c.organisation_id),
)

MIGRATIONS_TABLE = sa.Table(
    "bioregion_migrations",
    METADATA,
    sa.Column("name", sa.Text, primary_key=True),
    sa.Column("applied_at", sa.Text, nullable=False),
)


def to_sql_row(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """A typed row as SQL values (lists and mappings as JSON text)."""
    out = {}
    for col in table.columns:
        value = row.get(col.name)
        if col.kind in ("list", "mapping"):
            value = json.dumps(value if value is not None else ([] if col.kind == "list" else {}),
                               ensure_ascii=False, sort_keys=True)
        out[col.name] = value
    return out


def from_sql_row(table: Table, row: Any) -> dict[str, Any]:
    """A SQL result row as a typed row."""
    mapping = row._mapping
    out = {}
    for col in table.columns:
        value = mapping[col.name]
        if col.kind in ("list", "mapping"):
            value = json.loads(value) if value else ([] if col.kind == "list" else {})
        elif col.kind == "float" and value is not None:
            value = float(value)
        elif col.kind == "int" and value is not None:
            value = int(value)
        elif col.kind == "bool" and value is not None:
            value = bool(value)
        out[col.name] = value
    return out
