"""The :class:`Store`: an ecosystem kept in SQLite (one file) or PostgreSQL (a URL)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import sqlalchemy as sa

from ..ecosystem import Ecosystem, coerce_records
from ..errors import MissingExtraError, NotFoundError, StoreError
from ..integrity import KnownKeys, Origin, check_integrity
from ..schema import TABLES, row_key
from ._tables import SQL_TABLES, from_sql_row, to_sql_row
from .migrations import apply_pending

__all__ = ["Store", "ImportReport", "engine_url", "read_known_keys"]


@dataclass
class ImportReport:
    """What an import changed: rows added, updated and unchanged per table."""

    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)

    @property
    def total_added(self) -> int:
        """Rows added over all tables."""
        return sum(self.added.values())

    @property
    def total_updated(self) -> int:
        """Rows updated over all tables."""
        return sum(self.updated.values())

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready summary."""
        tables = sorted(set(self.added) | set(self.updated) | set(self.unchanged), key=list(TABLES).index)
        return {
            "added": self.total_added,
            "updated": self.total_updated,
            "tables": {t: {"added": self.added.get(t, 0), "updated": self.updated.get(t, 0),
                           "unchanged": self.unchanged.get(t, 0)} for t in tables},
        }


def engine_url(target: str | os.PathLike[str]) -> str:
    """The SQLAlchemy URL of a store: a file path becomes SQLite, ``postgresql://`` uses psycopg."""
    text = str(target)
    if text.startswith(("postgresql://", "postgres://")):
        try:
            import psycopg  # noqa: F401
        except ImportError:
            raise MissingExtraError("psycopg", "postgres") from None
        return "postgresql+psycopg://" + text.split("://", 1)[1]
    if text.startswith("postgresql+"):
        return text
    if text.startswith("sqlite:"):
        return text
    return "sqlite:///" + str(Path(text).expanduser().resolve())


class Store:
    """An ecosystem store on SQLite or PostgreSQL.

    Use :meth:`open`; every write is one transaction, so a failed import leaves
    the store as it was.

    Examples
    --------
    >>> with Store.open("sqlite://") as store:   # in-memory SQLite
    ...     report = store.import_records({
    ...         "organisations": [{"id": "vib", "name": "VIB", "kind": "research_institute"}]})
    ...     report.total_added, len(store.load())
    (1, 1)
    """

    def __init__(self, engine: sa.Engine, label: str) -> None:
        self.engine = engine
        self.label = label

    @classmethod
    def open(cls, target: str | os.PathLike[str], *, create: bool = True) -> "Store":
        """Open (and, with ``create``, create and migrate) the store at ``target``.

        Parameters
        ----------
        target : str or path
            A SQLite file path, ``sqlite://`` for an in-memory store, or a
            ``postgresql://user@host:port/db`` URL.
        create : bool
            Create the SQLite file when it does not exist. When false, a missing
            file is a :class:`NotFoundError`.
        """
        url = engine_url(target)
        if url.startswith("sqlite:///") and not create and not Path(url[len("sqlite:///"):]).exists():
            raise NotFoundError(f"no store at {target}; create one with 'bioregion load' or 'bioregion import'")
        if url.startswith("sqlite:///"):
            Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
        try:
            engine = _make_engine(url)
            apply_pending(engine)
        except sa.exc.SQLAlchemyError as error:
            raise StoreError(f"cannot open store {target}: {_first_line(error)}") from None
        return cls(engine, str(target))

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading ----------------------------------------------------------------------
    def load(self) -> Ecosystem:
        """Read the whole ecosystem."""
        with self.engine.connect() as conn:
            records = {name: [from_sql_row(TABLES[name], r) for r in conn.execute(sa.select(SQL_TABLES[name]))]
                       for name in TABLES}
        return Ecosystem(records, name=self.label)

    def known_keys(self) -> KnownKeys:
        """The keys the store holds, for validating an import against it."""
        with self.engine.connect() as conn:
            return read_known_keys(conn)

    def counts(self) -> dict[str, int]:
        """Number of rows per table."""
        with self.engine.connect() as conn:
            return {name: conn.execute(sa.select(sa.func.count()).select_from(SQL_TABLES[name])).scalar_one()
                    for name in TABLES}

    def snapshot(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every row of every table as sorted tuples (for comparing store states)."""
        with self.engine.connect() as conn:
            return {name: sorted(tuple(r) for r in conn.execute(sa.select(SQL_TABLES[name])))
                    for name in TABLES}

    # -- writing ----------------------------------------------------------------------
    def import_records(
        self,
        records: Mapping[str, list[Mapping[str, Any]]],
        *,
        origins: Mapping[str, Origin] | None = None,
        replace: bool = False,
        typed: bool = False,
    ) -> ImportReport:
        """Validate rows and write them in one transaction (all or nothing).

        Rows are matched by key: a new key is added, an existing key with other
        values is updated, an identical row is left alone.

        Parameters
        ----------
        records : mapping
            Table name to rows (raw values unless ``typed``).
        origins : mapping, optional
            Where each table's rows came from, for error messages.
        replace : bool
            Empty the store first (in the same transaction).
        typed : bool
            The rows are already typed (e.g. from :meth:`Ecosystem.records`).

        Raises
        ------
        ValidationError
            Before anything is written.
        """
        rows = {k: list(v) for k, v in records.items()} if typed else coerce_records(records, origins)
        check_integrity(rows, origins, None if replace else self.known_keys())
        report = ImportReport()
        try:
            with self.engine.begin() as conn:
                if replace:
                    for name in reversed(list(TABLES)):
                        conn.execute(SQL_TABLES[name].delete())
                for name in TABLES:
                    if rows.get(name):
                        _upsert(conn, name, rows[name], report)
        except sa.exc.SQLAlchemyError as error:
            raise StoreError(f"the import into {self.label} failed and was rolled back: {_first_line(error)}") from None
        return report

    def write_ecosystem(self, ecosystem: Ecosystem, *, replace: bool = False) -> ImportReport:
        """Write an :class:`Ecosystem` (validated already) in one transaction."""
        return self.import_records(ecosystem.records(), replace=replace, typed=True)


def read_known_keys(conn: sa.Connection) -> KnownKeys:
    """The keys, relation types and relations with parties, read on an open connection
    (inside a transaction, it sees that transaction's own writes)."""
    ids = {name: {r[0] for r in conn.execute(sa.select(SQL_TABLES[name].c.id))}
           for name, table in TABLES.items() if table.key == ("id",)}
    relations = SQL_TABLES["relations"]
    types = {r.id: r.type for r in conn.execute(sa.select(relations.c.id, relations.c.type))}
    with_parties = {r[0] for r in conn.execute(sa.select(SQL_TABLES["parties"].c.relation_id).distinct())}
    return KnownKeys(ids=ids, relation_types=types, relations_with_parties=with_parties)


def _make_engine(url: str) -> sa.Engine:
    if url == "sqlite://" or url == "sqlite:///:memory:":
        return sa.create_engine(url, poolclass=sa.pool.StaticPool, connect_args={"check_same_thread": False})
    if url.startswith("sqlite:"):
        return sa.create_engine(url, connect_args={"check_same_thread": False})
    return sa.create_engine(url, pool_pre_ping=True)


def _upsert(conn: sa.Connection, name: str, rows: list[dict[str, Any]], report: ImportReport) -> None:
    table, sql_table = TABLES[name], SQL_TABLES[name]
    existing = {row_key(table, r): r for r in (from_sql_row(table, x) for x in conn.execute(sa.select(sql_table)))}
    inserts, updates, same = [], [], 0
    for row in rows:
        old = existing.get(row_key(table, row))
        if old is None:
            inserts.append(to_sql_row(table, row))
        elif old != row:
            updates.append(to_sql_row(table, row))
        else:
            same += 1
    if inserts:
        conn.execute(sql_table.insert(), inserts)
    for values in updates:
        condition = sa.and_(*(sql_table.c[k] == values[k] for k in table.key))
        conn.execute(sql_table.update().where(condition).values(**values))
    report.added[name] = len(inserts)
    report.updated[name] = len(updates)
    report.unchanged[name] = same


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0][:300]
