"""Named migrations of the store schema, applied in order and recorded by name.

Each migration is a function of a SQLAlchemy connection, registered under a
stable name (as in sqlite-utils' ``Migrations``). A store records the names it
has applied in ``bioregion_migrations``; opening a store applies the missing
ones inside one transaction. Never rename or edit a released migration: add a
new one.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

import sqlalchemy as sa

from ._tables import MIGRATIONS_TABLE, SQL_TABLES

__all__ = ["MIGRATIONS", "migration", "pending", "apply_pending"]

Migration = Callable[[sa.Connection], None]
MIGRATIONS: dict[str, Migration] = {}


def migration(name: str) -> Callable[[Migration], Migration]:
    """Register a migration under ``name`` (applied in registration order)."""

    def register(fn: Migration) -> Migration:
        if name in MIGRATIONS:
            raise ValueError(f"migration {name} registered twice")
        MIGRATIONS[name] = fn
        return fn

    return register


@migration("0001_ecosystem_tables")
def _ecosystem_tables(conn: sa.Connection) -> None:
    for table in SQL_TABLES.values():
        table.create(conn)  # with its indexes (see _tables.INDEXES)


def applied(conn: sa.Connection) -> list[str]:
    """Names of the migrations this store has applied."""
    if not sa.inspect(conn).has_table(MIGRATIONS_TABLE.name):
        return []
    return [r.name for r in conn.execute(sa.select(MIGRATIONS_TABLE.c.name))]


def pending(conn: sa.Connection) -> list[str]:
    """Names of the registered migrations this store has not applied yet."""
    done = set(applied(conn))
    return [name for name in MIGRATIONS if name not in done]


def apply_pending(engine: sa.Engine) -> list[str]:
    """Apply the missing migrations in one transaction; return their names."""
    with engine.connect() as conn:
        todo = pending(conn)
    if not todo:
        return []
    with engine.begin() as conn:
        MIGRATIONS_TABLE.create(conn, checkfirst=True)
        for name in todo:
            MIGRATIONS[name](conn)
            conn.execute(MIGRATIONS_TABLE.insert().values(
                name=name, applied_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")))
    return todo
