"""Edits of the ecosystem: create, update and merge organisations, create, update and delete relations.

Each operation reads the rows it touches inside the caller's transaction, coerces
the submitted values with :func:`bioregion.schema.coerce_row` (so a form, the
API and an import share one validation), turns the result into diffs and hands
them to :func:`bioregion.web.changes.apply_change`, which validates references,
writes and records the change. Evidence may come with any edit: an existing
source id, or a new source given by its title (and address).
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Mapping

import sqlalchemy as sa

from ..errors import NotFoundError, ValidationError
from ..schema import TABLES, coerce_row
from .accounts import User
from .changes import Diff, apply_change, diff_rows, fetch_rows

__all__ = ["save_organisation", "save_relation", "delete_relation", "merge_organisations", "slug"]

Raw = Mapping[str, Any]


def slug(text: str) -> str:
    """A key from a name: ``"Galapagos NV"`` -> ``"galapagos-nv"``."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "row"


def _coerce(table: str, raw: Raw) -> dict[str, Any]:
    return coerce_row(TABLES[table], {k: v for k, v in raw.items() if k in TABLES[table].column_names or v})


def _free_id(conn: sa.Connection, table: str, base: str) -> str:
    candidate, n = base, 1
    while fetch_rows(conn, table, id=candidate):
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _one(conn: sa.Connection, table: str, row_id: str) -> dict[str, Any]:
    rows = fetch_rows(conn, table, id=row_id)
    if not rows:
        raise NotFoundError(f"no {table[:-1]} '{row_id}'; check the id")
    return rows[0]


def _evidence_diffs(conn: sa.Connection, subject_table: str, subject_id: str, evidence: Iterable[Raw]) -> list[Diff]:
    """Diffs adding sources (new ones named by title) and evidence rows for one subject."""
    sources, rows = [], []
    for item in evidence:
        source_id = (item.get("source_id") or "").strip()
        if not source_id:
            title = (item.get("source_title") or "").strip()
            if not title:
                raise ValidationError("evidence needs a source_id or a source_title", field="source_id")
            source_id = _free_id(conn, "sources", "web-" + slug(title))
            sources.append(_coerce("sources", {"id": source_id, "title": title, "url": item.get("source_url"),
                                               "kind": item.get("source_kind") or "other",
                                               "date": item.get("source_date")}))
        rows.append(_coerce("evidence", {"source_id": source_id, "subject_table": subject_table,
                                         "subject_id": subject_id, "locator": item.get("locator"),
                                         "quote": item.get("quote")}))
    existing = {r["id"] for r in fetch_rows(conn, "evidence", subject_table=subject_table, subject_id=subject_id)}
    return diff_rows("sources", [], sources) + diff_rows("evidence", [], [r for r in rows if r["id"] not in existing])


def save_organisation(conn: sa.Connection, user: User, values: Raw, *, org_id: str | None = None,
                      evidence: Iterable[Raw] = ()) -> tuple[int, str]:
    """Create (``org_id`` None) or update an organisation; return ``(change id, organisation id)``.

    On update only the given fields change; an empty value clears a field.
    """
    if org_id is None:
        name = str(values.get("name") or "").strip()
        if not name:
            raise ValidationError("is required; fill in the organisation's name", field="name")
        new_id = str(values.get("id") or "").strip() or _free_id(conn, "organisations", slug(name))
        if fetch_rows(conn, "organisations", id=new_id):
            raise ValidationError(f"organisation '{new_id}' exists already; edit it instead", field="id")
        before, after = None, _coerce("organisations", {**values, "id": new_id})
    else:
        before = _one(conn, "organisations", org_id)
        if values.get("id") not in (None, "", org_id):
            raise ValidationError("the id of an organisation cannot change; merge it into another instead", field="id")
        after = _coerce("organisations", {**before, **values, "id": org_id})
    diffs = diff_rows("organisations", [before] if before else [], [after])
    diffs += _evidence_diffs(conn, "organisations", after["id"], evidence)
    verb = "create" if before is None else "update"
    change = apply_change(conn, user, f"{verb}_organisation", f"{verb} organisation {after['id']} ({after['name']})", diffs)
    return change, after["id"]


def save_relation(conn: sa.Connection, user: User, values: Raw, *, relation_id: str | None = None,
                  parties: Iterable[Raw] | None = None, terms: Iterable[Raw] | None = None,
                  evidence: Iterable[Raw] = (), remove_evidence: Iterable[str] = ()) -> tuple[int, str]:
    """Create or update a relation with its parties and terms (given lists replace the stored ones).

    ``evidence`` adds sources and evidence rows; ``remove_evidence`` names
    evidence rows of this relation to take away.
    """
    if relation_id is None:
        kind = str(values.get("type") or "relation")
        new_id = str(values.get("id") or "").strip() or _free_id(conn, "relations", f"web-{slug(kind)}")
        if fetch_rows(conn, "relations", id=new_id):
            raise ValidationError(f"relation '{new_id}' exists already; edit it instead", field="id")
        before, after = None, _coerce("relations", {**values, "id": new_id})
        if parties is None:
            raise ValidationError("a new relation needs its parties (organisation and role)", field="parties")
    else:
        before = _one(conn, "relations", relation_id)
        if values.get("id") not in (None, "", relation_id):
            raise ValidationError("the id of a relation cannot change", field="id")
        after = _coerce("relations", {**before, **values, "id": relation_id})
    rid = after["id"]
    diffs = diff_rows("relations", [before] if before else [], [after])
    if parties is not None:
        new_parties = [_coerce("parties", {**p, "relation_id": rid}) for p in parties]
        if not new_parties:
            raise ValidationError("a relation needs at least one party", field="parties")
        diffs += diff_rows("parties", fetch_rows(conn, "parties", relation_id=rid), new_parties)
    if terms is not None:
        new_terms = [_coerce("terms", {**t, "relation_id": rid}) for t in terms]
        diffs += diff_rows("terms", fetch_rows(conn, "terms", relation_id=rid), new_terms)
    diffs += _removed_evidence(conn, rid, remove_evidence)
    diffs += _evidence_diffs(conn, "relations", rid, evidence)
    verb = "create" if before is None else "update"
    return apply_change(conn, user, f"{verb}_relation", f"{verb} relation {rid} ({after['type']})", diffs), rid


def _removed_evidence(conn: sa.Connection, relation_id: str, evidence_ids: Iterable[str]) -> list[Diff]:
    stored = {e["id"]: e for e in fetch_rows(conn, "evidence", subject_table="relations", subject_id=relation_id)}
    gone = list(dict.fromkeys(evidence_ids))
    for evidence_id in gone:
        if evidence_id not in stored:
            raise ValidationError(f"relation {relation_id} has no evidence '{evidence_id}'", field="remove_evidence")
    return diff_rows("evidence", [stored[e] for e in gone], [])


def delete_relation(conn: sa.Connection, user: User, relation_id: str) -> int:
    """Remove a relation with its parties, terms and evidence."""
    relation = _one(conn, "relations", relation_id)
    diffs = (diff_rows("evidence", fetch_rows(conn, "evidence", subject_table="relations", subject_id=relation_id), [])
             + diff_rows("terms", fetch_rows(conn, "terms", relation_id=relation_id), [])
             + diff_rows("parties", fetch_rows(conn, "parties", relation_id=relation_id), [])
             + diff_rows("relations", [relation], []))
    return apply_change(conn, user, "delete_relation", f"delete relation {relation_id} ({relation['type']})", diffs)


def _merged_org(keep: dict[str, Any], drop: dict[str, Any]) -> dict[str, Any]:
    out = dict(keep)
    for key, value in drop.items():
        if out.get(key) in (None, "", [], {}) and key not in ("id", "parent_id"):
            out[key] = value
    aliases = [*keep["aliases"], *[n for n in [drop["name"], *drop["aliases"]] if n != keep["name"]]]
    out["aliases"] = list(dict.fromkeys(aliases))
    if out.get("parent_id") == drop["id"]:
        out["parent_id"] = None
    return out


def _repointed(row: dict[str, Any], columns: tuple[str, ...], old: str, new: str) -> dict[str, Any]:
    return {**row, **{c: new for c in columns if row[c] == old}}


def merge_organisations(conn: sa.Connection, user: User, keep_id: str, drop_id: str) -> int:
    """Merge organisation ``drop_id`` into ``keep_id``: its ties, programs, indicators and evidence move over.

    The dropped organisation's name becomes an alias of the kept one, and fields
    the kept one leaves empty are filled from the dropped one.
    """
    if keep_id == drop_id:
        raise ValidationError("cannot merge an organisation into itself", field="into")
    keep, drop = _one(conn, "organisations", keep_id), _one(conn, "organisations", drop_id)
    diffs = diff_rows("organisations", [keep], [_merged_org(keep, drop)])
    parties = fetch_rows(conn, "parties", organisation_id=drop_id)
    moved = {(p["relation_id"], keep_id, p["role"]): {**p, "organisation_id": keep_id} for p in parties}
    existing = {(p["relation_id"], p["organisation_id"], p["role"]) for p in fetch_rows(conn, "parties", organisation_id=keep_id)}
    diffs += diff_rows("parties", parties, [])
    diffs += diff_rows("parties", [], [p for k, p in moved.items() if k not in existing])
    for table, columns in (("programs", ("organisation_id", "partner_id")), ("organisations", ("parent_id",)),
                           ("indicators", ("organisation_id",))):
        rows = {r["id"]: r for c in columns for r in fetch_rows(conn, table, **{c: drop_id}) if r["id"] != keep_id}
        diffs += diff_rows(table, rows.values(), [_repointed(r, columns, drop_id, keep_id) for r in rows.values()])
    evidence = fetch_rows(conn, "evidence", subject_table="organisations", subject_id=drop_id)
    diffs += diff_rows("evidence", evidence, [])
    diffs += diff_rows("evidence", [], [_coerce("evidence", {**e, "id": None, "subject_id": keep_id}) for e in evidence])
    diffs += diff_rows("organisations", [drop], [])
    diffs = _collapse(diffs)
    return apply_change(conn, user, "merge_organisations", f"merge {drop_id} ({drop['name']}) into {keep_id}", diffs)


def _collapse(diffs: list[Diff]) -> list[Diff]:
    """Fold several diffs of one row into one (first ``before``, last ``after``)."""
    out: dict[tuple[str, tuple[Any, ...]], Diff] = {}
    for diff in diffs:
        key = (diff["table"], tuple(diff["key"]))
        if key in out:
            out[key] = {**out[key], "after": diff["after"]}
        else:
            out[key] = dict(diff)
    return [d for d in out.values() if d["before"] != d["after"]]
