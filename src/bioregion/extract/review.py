"""Accepted candidates into the store: organisations, relations, parties, terms, sources, evidence.

The review queue is a JSONL file of candidates (the ``bioregion extract
--format jsonl`` records), by default ``<store file>.review.jsonl`` beside a
SQLite store. :func:`plan_import` turns accepted candidates into rows for
:meth:`bioregion.store.Store.import_records`:

* a party is matched to an existing organisation by name or alias (after
  :func:`~.names.normalise`), else to the built-in alias table, else created
  with the kind and country its apposition suggests ("a Belgian biotech
  company": ``new_biotech_firm``, ``BE``) or ``other``;
* the same alliance reported by several documents (same type, same
  organisations, announcement dates within ``window_days``) is one relation
  with one evidence row per document;
* each document becomes a ``sources`` row (kind ``press_release``).
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

try:  # POSIX; elsewhere the queue is guarded within one process only
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None

from ..errors import InputFormatError
from .gazetteer import Entry, Gazetteer
from .kinds import infer_kind
from .names import normalise, strip_suffix

__all__ = ["plan_import", "read_candidates", "queue_path", "infer_kind"]

_WINDOW_DAYS = 90


def queue_path(db: str) -> Path:
    """The review queue beside a store: ``eco.db`` -> ``eco.db.review.jsonl``."""
    if "://" in db:
        return Path("bioregion.review.jsonl")
    return Path(str(db) + ".review.jsonl")


@contextlib.contextmanager
def queue_lock(path: str | Path) -> Iterator[None]:
    """Hold an exclusive lock on a review queue across processes (``<queue>.lock``, ``flock``).

    ``extract --enqueue`` appends, ``review`` and the dashboard rewrite the file:
    each does so under this lock, so no line written by one is lost to another.
    """
    lock_path = Path(str(path) + ".lock")
    with lock_path.open("a") as handle:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(handle, fcntl.LOCK_UN)


def append_candidates(path: str | Path, records: Iterable[Mapping[str, Any]]) -> None:
    """Append candidates to a review queue under :func:`queue_lock`."""
    with queue_lock(path), Path(path).open("a", encoding="utf-8") as queue:
        queue.write("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records))


def remove_candidates(path: str | Path, decided: Iterable[Mapping[str, Any]]) -> None:
    """Take ``decided`` records (as they were read) out of the queue, keeping lines added meanwhile.

    The file is re-read under :func:`queue_lock` and rewritten atomically, so candidates
    enqueued while a reviewer was deciding stay in the queue.
    """
    with queue_lock(path):
        rewrite_without(path, decided)


def rewrite_without(path: str | Path, decided: Iterable[Mapping[str, Any]]) -> None:
    """Rewrite the queue atomically without one line per ``decided`` record; the caller holds :func:`queue_lock`."""
    path = Path(path)
    to_remove = Counter(json.dumps(record, ensure_ascii=False, sort_keys=True) for record in decided)
    kept = []
    for record in read_candidates(path) if path.exists() else []:
        key = json.dumps(record, ensure_ascii=False, sort_keys=True)
        if to_remove[key] > 0:
            to_remove[key] -= 1
        else:
            kept.append(record)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in kept), encoding="utf-8")
    temporary.replace(path)


def read_candidates(path: str | Path) -> list[dict[str, Any]]:
    """Read candidates from a JSONL file; lines marked ``"review": "reject"`` are kept with the mark."""
    rows = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise InputFormatError(f"{path}: line {number} is not JSON ({error.msg}); one object per line") from None
    return rows


def plan_import(candidates: Iterable[Mapping[str, Any]], existing: Mapping[str, list[Mapping[str, Any]]],
                window_days: int = _WINDOW_DAYS) -> dict[str, list[dict[str, Any]]]:
    """Rows to import for accepted candidates, given the store's current records.

    Parameters
    ----------
    candidates : iterable of mapping
        Accepted candidate records (``bioregion extract`` JSON lines).
    existing : mapping
        The store's records (``Store.load().records()``): organisations and relations are matched.
    window_days : int
        Reports of one type between the same organisations this close in time are one relation.
    """
    organisations = list(existing.get("organisations", []))
    store_names = Gazetteer([(o["id"], o["name"], o.get("aliases") or []) for o in organisations], builtin=False)
    builtin = Gazetteer([], builtin=True)
    known_ids = {o["id"] for o in organisations}
    relations = _relation_index(existing)
    out: dict[str, list[dict[str, Any]]] = {k: [] for k in ("organisations", "sources", "relations", "parties",
                                                               "terms", "evidence")}
    for candidate in candidates:
        if str(candidate.get("review", "")).lower() == "reject":
            continue
        context = candidate.get("context") or {}
        party_ids = []
        for party in candidate["parties"]:
            org_id = _organisation(party["name"], context.get("descriptors", {}), store_names, builtin, known_ids, out)
            party_ids.append((org_id, party["role"]))
        source_id = _source(candidate, context, out)
        relation_id = _relation(candidate, party_ids, relations, window_days, out)
        out["evidence"].append({"source_id": source_id, "subject_table": "relations", "subject_id": relation_id,
                                "locator": "sentence", "quote": candidate.get("evidence", "")})
    return {k: v for k, v in out.items() if v}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalise(text)).strip("-")[:60] or "org"


def _organisation(name: str, descriptors: Mapping[str, str], store_names: Gazetteer, builtin: Gazetteer,
                  known_ids: set[str], out: dict) -> str:
    hit = store_names.lookup(name)
    if hit:
        return hit.id
    known = builtin.lookup(name)
    org_id = known.id if known else _slug(name)
    if org_id not in known_ids:
        kind, country = (known.kind or "other", known.country) if known else infer_kind(descriptors.get(name))
        row = {"id": org_id, "name": known.name if known else strip_suffix(name), "kind": kind, "country": country,
               "aliases": [name] if normalise(name) != normalise(known.name if known else name) or name != strip_suffix(
                   name) else []}
        if known and known.parent_id and known.parent_id in known_ids:
            row["parent_id"] = known.parent_id
        out["organisations"].append(row)
        known_ids.add(org_id)
        store_names.add(Entry(org_id, row["name"]), [name, row["name"]])
    return org_id


def _source(candidate: Mapping[str, Any], context: Mapping[str, Any], out: dict) -> str:
    path = str(candidate["source"])
    source_id = "press-" + hashlib.sha1(path.encode()).hexdigest()[:12]
    if not any(s["id"] == source_id for s in out["sources"]):
        out["sources"].append({"id": source_id, "title": context.get("title") or Path(path).name,
                               "kind": "press_release", "url": path, "date": candidate.get("date"),
                               "retrieved": _dt.date.today().isoformat()})
    return source_id


def _relation_index(existing: Mapping[str, list[Mapping[str, Any]]]) -> list[tuple[str, str, frozenset, str | None]]:
    parties: dict[str, set] = {}
    for party in existing.get("parties", []):
        parties.setdefault(party["relation_id"], set()).add(party["organisation_id"])
    return [(r["id"], r["type"], frozenset(parties.get(r["id"], ())), r.get("date_announced"))
            for r in existing.get("relations", [])]


def _days_apart(a: str | None, b: str | None) -> float:
    if not a or not b:
        return 0.0 if a == b else float("inf")
    parse = lambda d: _dt.date.fromisoformat((d + "-01-01")[:10] if len(d) == 4 else (d + "-01")[:10])
    return abs((parse(a) - parse(b)).days)


def _relation(candidate: Mapping[str, Any], party_ids: list[tuple[str, str]], relations: list, window_days: int,
              out: dict) -> str:
    orgs = frozenset(org for org, _ in party_ids)
    date = candidate.get("date")
    for relation_id, rel_type, members, when in relations:
        if rel_type == candidate["type"] and members == orgs and _days_apart(date, when) <= window_days:
            return relation_id
    digest = hashlib.sha1(f"{candidate['type']}|{sorted(orgs)}|{date}".encode()).hexdigest()[:10]
    relation_id = f"rel-{candidate['type']}-{digest}"
    out["relations"].append({"id": relation_id, "type": candidate["type"], "date_announced": date,
                             "status": "announced", "option": bool(candidate.get("option"))})
    for org, role in dict.fromkeys(party_ids):
        out["parties"].append({"relation_id": relation_id, "organisation_id": org, "role": role})
    for term in candidate.get("terms") or []:
        out["terms"].append({"relation_id": relation_id, "component": term["component"], "amount": term["amount"],
                             "currency": term["currency"], "disclosed": True})
    relations.append((relation_id, candidate["type"], orgs, date))
    return relation_id
