"""An accepted candidate enters the store as ``bioregion review`` puts it there, as one reversible change.

The rows come from :func:`bioregion.extract.review.plan_import` (parties matched
to organisations by name and alias or created, one source per document, the
same alliance reported within its window merged into one relation with one
evidence row per report), coerced by :func:`bioregion.ecosystem.coerce_records`;
a row that exists with other values is updated, as
:meth:`bioregion.store.Store.import_records` does. The difference from the
command line: the rows are written by :func:`bioregion.web.changes.apply_change`,
so the change log records who accepted what and when, and a revert undoes it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

import sqlalchemy as sa

from ..ecosystem import coerce_records
from ..errors import ValidationError
from ..extract.review import plan_import
from ..schema import TABLES, row_key
from .accounts import User
from .changes import Diff, apply_change, diff_rows, fetch_rows

__all__ = ["accept_candidate", "preview_candidate", "MATCHED_TABLES"]

#: The tables :func:`plan_import` matches candidates against.
MATCHED_TABLES = ("organisations", "relations", "parties")


def _planned(record: Mapping[str, Any], existing: Mapping[str, list[Mapping[str, Any]]]) -> dict[str, list[dict]]:
    return coerce_records(plan_import([record], existing))


def _relation_of(rows: Mapping[str, list[dict[str, Any]]]) -> str:
    return next(e["subject_id"] for e in rows["evidence"] if e["subject_table"] == "relations")


def _upsert_diffs(conn: sa.Connection, table: str, rows: list[dict[str, Any]]) -> list[Diff]:
    spec = TABLES[table]
    stored = [r for row in rows for r in fetch_rows(conn, table, **dict(zip(spec.key, row_key(spec, row))))]
    return diff_rows(table, stored, rows)


def accept_candidate(conn: sa.Connection, user: User, record: Mapping[str, Any]) -> tuple[int, str]:
    """Write an accepted candidate inside the caller's transaction; return ``(change id, relation id)``.

    Raises
    ------
    ValidationError
        A planned row breaks the schema, or the store holds the candidate already.
    """
    rows = _planned(record, {t: fetch_rows(conn, t) for t in MATCHED_TABLES})
    relation_id = _relation_of(rows)
    diffs = [d for table in TABLES if rows.get(table) for d in _upsert_diffs(conn, table, rows[table])]
    if not diffs:
        raise ValidationError(f"the store holds this candidate already (relation {relation_id}); reject it to "
                              "clear it from the queue")
    merged = not rows.get("relations")
    names = ", ".join(str(p["name"]) for p in record["parties"])
    summary = (f"accept candidate from {Path(str(record['source'])).name}: {record['type']} {names} "
               f"{'as more evidence for' if merged else 'as'} relation {relation_id}")
    return apply_change(conn, user, "accept_candidate", summary, diffs), relation_id


def preview_candidate(existing: Mapping[str, list[Mapping[str, Any]]], record: Mapping[str, Any]) -> dict[str, Any]:
    """What accepting would write, given the store's organisations, relations and parties.

    Returns the relation id (and whether it is new or an existing one the
    candidate merges into), the parties as matched or created, and the
    organisations that would be created; a record that does not validate
    gives its error instead.
    """
    try:
        rows = _planned(record, existing)
    except ValidationError as error:
        return {"error": str(error)}
    new_orgs = [{k: o[k] for k in ("id", "name", "kind", "country")} for o in rows.get("organisations", [])]
    return {"relation_id": _relation_of(rows), "new_relation": bool(rows.get("relations")),
            "parties": [{"organisation_id": p["organisation_id"], "role": p["role"]} for p in rows.get("parties", [])],
            "new_organisations": new_orgs, "error": None}
