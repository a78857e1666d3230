"""The change log: every edit as row-level diffs, written with the edit, and reversible.

A change is a list of diffs ``{"table", "key", "before", "after"}`` (a row is
``None`` where it did not or does not exist). :func:`apply_change` validates the
rows it writes with the same :mod:`bioregion.schema` and
:mod:`bioregion.integrity` code as an import, writes them, refuses to leave a
reference dangling, and records the change, all in one transaction.
:func:`revert_change` applies the inverse diffs, provided nobody has changed
those rows since.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Iterable

import sqlalchemy as sa

from ..errors import BioregionError, NotFoundError, ValidationError
from ..integrity import check_integrity
from ..schema import TABLES, row_key
from ..store._tables import SQL_TABLES, from_sql_row, to_sql_row
from ..store.store import read_known_keys
from ..store.web_tables import CHANGES
from .accounts import User

__all__ = ["ConflictError", "Diff", "apply_change", "revert_change", "list_changes", "get_change",
           "fetch_rows", "diff_rows"]

Diff = dict[str, Any]


class ConflictError(BioregionError):
    """An edit or revert clashes with the current state of the store (HTTP 409)."""


def fetch_rows(conn: sa.Connection, table: str, **where: Any) -> list[dict[str, Any]]:
    """Typed rows of ``table`` whose columns equal the given values."""
    sql = SQL_TABLES[table]
    query = sa.select(sql).where(*(sql.c[k] == v for k, v in where.items()))
    return [from_sql_row(TABLES[table], r) for r in conn.execute(query)]


def diff_rows(table: str, before: Iterable[dict[str, Any]], after: Iterable[dict[str, Any]]) -> list[Diff]:
    """The diffs turning one set of rows of ``table`` into another (matched by key)."""
    spec = TABLES[table]
    old = {row_key(spec, r): r for r in before}
    new = {row_key(spec, r): r for r in after}
    out = []
    for key in list(old) + [k for k in new if k not in old]:
        if old.get(key) != new.get(key):
            out.append({"table": table, "key": list(key), "before": old.get(key), "after": new.get(key)})
    return out


def _validate(conn: sa.Connection, diffs: list[Diff]) -> None:
    known = read_known_keys(conn)
    for diff in diffs:
        if diff["after"] is None and TABLES[diff["table"]].key == ("id",):
            known.ids[diff["table"]].discard(diff["key"][0])
    rows: dict[str, list[dict[str, Any]]] = {}
    for diff in diffs:
        if diff["after"] is not None:
            rows.setdefault(diff["table"], []).append(diff["after"])
    check_integrity({t: rows.get(t, []) for t in TABLES if rows.get(t)}, None, known)


def _where(table: str, key: list[Any]) -> Any:
    sql = SQL_TABLES[table]
    return sa.and_(*(sql.c[k] == v for k, v in zip(TABLES[table].key, key)))


def _check_before(conn: sa.Connection, diff: Diff) -> None:
    current = [from_sql_row(TABLES[diff["table"]], r)
               for r in conn.execute(sa.select(SQL_TABLES[diff["table"]]).where(_where(diff["table"], diff["key"])))]
    if (current[0] if current else None) != diff["before"]:
        raise ConflictError(f"{diff['table']} row {'/'.join(map(str, diff['key']))} was changed since; "
                            "reload the page and edit again")


def _write(conn: sa.Connection, diff: Diff) -> None:
    table, sql = diff["table"], SQL_TABLES[diff["table"]]
    if diff["before"] is not None:
        conn.execute(sql.delete().where(_where(table, diff["key"])))
    if diff["after"] is not None:
        conn.execute(sql.insert().values(**to_sql_row(TABLES[table], diff["after"])))


def _check_no_dangling(conn: sa.Connection, diffs: list[Diff]) -> None:
    for diff in diffs:
        table = diff["table"]
        if diff["after"] is not None or TABLES[table].key != ("id",):
            continue
        row_id = diff["key"][0]
        for name, spec in TABLES.items():
            sql = SQL_TABLES[name]
            for col in spec.columns:
                if col.ref == table and conn.execute(sa.select(sa.literal(1)).where(sql.c[col.name] == row_id)).first():
                    raise ConflictError(f"cannot remove {table} '{row_id}': {name}.{col.name} still refers to it; "
                                        "change or remove those rows first")
        ev = SQL_TABLES["evidence"]
        if conn.execute(sa.select(ev.c.id).where(ev.c.subject_table == table, ev.c.subject_id == row_id)).first():
            raise ConflictError(f"cannot remove {table} '{row_id}': evidence still refers to it")


def apply_change(conn: sa.Connection, user: User, action: str, summary: str, diffs: list[Diff],
                 *, reverts: int | None = None) -> int:
    """Validate, write and record ``diffs`` on an open transaction; return the change id.

    Raises
    ------
    ValidationError
        A written row breaks the schema or a reference (nothing is written).
    ConflictError
        A row differs from the diff's ``before``, or a removed row is still referred to.
    """
    if not diffs:
        raise ValidationError("nothing to change: the submitted values equal the stored ones")
    for diff in diffs:
        _check_before(conn, diff)
    _validate(conn, diffs)
    order = list(TABLES)
    for diff in sorted(diffs, key=lambda d: order.index(d["table"])):
        _write(conn, diff)
    _check_no_dangling(conn, diffs)
    result = conn.execute(CHANGES.insert().values(
        at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), user_name=user.name, action=action,
        summary=summary[:500], diff=json.dumps(diffs, ensure_ascii=False, sort_keys=True), reverts=reverts))
    return int(result.inserted_primary_key[0])


def _as_dict(row: Any, with_diff: bool = True) -> dict[str, Any]:
    out = {"id": row.id, "at": row.at, "user": row.user_name, "action": row.action, "summary": row.summary,
           "reverts": row.reverts, "reverted_by": row.reverted_by}
    if with_diff:
        out["diff"] = json.loads(row.diff)
    return out


def get_change(conn: sa.Connection, change_id: int) -> dict[str, Any]:
    """One change with its diffs."""
    row = conn.execute(sa.select(CHANGES).where(CHANGES.c.id == change_id)).first()
    if row is None:
        raise NotFoundError(f"no change {change_id}; see /changes for the log")
    return _as_dict(row)


def list_changes(conn: sa.Connection, *, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """The most recent changes first, without their diffs."""
    query = sa.select(CHANGES).order_by(CHANGES.c.id.desc()).limit(limit).offset(offset)
    return [_as_dict(r, with_diff=False) for r in conn.execute(query)]


def revert_change(conn: sa.Connection, user: User, change_id: int) -> int:
    """Undo a change by applying its inverse diffs as a new change; return the new change's id."""
    change = get_change(conn, change_id)
    if change["reverted_by"]:
        raise ConflictError(f"change {change_id} was already reverted by change {change['reverted_by']}")
    inverse = [{"table": d["table"], "key": d["key"], "before": d["after"], "after": d["before"]}
               for d in change["diff"]]
    new_id = apply_change(conn, user, "revert", f"revert change {change_id}: {change['summary']}", inverse,
                          reverts=change_id)
    conn.execute(CHANGES.update().where(CHANGES.c.id == change_id).values(reverted_by=new_id))
    return new_id
