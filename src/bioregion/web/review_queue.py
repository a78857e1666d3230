"""The extraction review queue as the dashboard sees it: pending candidates, edits, rejection.

The queue is the JSONL file that ``bioregion extract --enqueue`` fills and
``bioregion review`` walks (:func:`bioregion.extract.review.queue_path`: by
default ``<store file>.review.jsonl``). A candidate's id is a digest of its
record, so it stays put while lines are added or removed around it. Accepted
and rejected candidates leave the queue; a rejected one is appended, marked
``"review": "reject"`` with who rejected it and when, to
``<queue>.rejected.jsonl``, a file ``bioregion review --accept-file`` would skip.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import threading
from pathlib import Path
from typing import Any, Iterator, Mapping

from ..errors import NotFoundError, ValidationError
from ..extract.review import queue_lock, read_candidates, rewrite_without
from ..schema import TABLES, coerce_row, coerce_value
from ..taxonomy import RELATION_TYPES

__all__ = ["ReviewQueue", "candidate_id", "candidate_view", "apply_edits"]

_LOCKS: dict[str, threading.RLock] = {}
_GUARD = threading.Lock()
_HELD = threading.local()


def candidate_id(record: Mapping[str, Any]) -> str:
    """A short, stable id of a queued record: the start of the SHA-1 of its canonical JSON."""
    text = json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha1(text.encode()).hexdigest()[:12]


class ReviewQueue:
    """The pending candidates of one queue file (a missing file is an empty queue)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.rejected_path = self.path.with_name(self.path.name.removesuffix(".jsonl") + ".rejected.jsonl")

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold this queue's lock while reading and rewriting it.

        Re-entrant within a thread; across threads and across processes (``extract --enqueue``,
        ``bioregion review``, other server workers) through :func:`~bioregion.extract.review.queue_lock`.
        """
        key = str(self.path.resolve())
        with _GUARD:
            lock = _LOCKS.setdefault(key, threading.RLock())
        held = _HELD.__dict__.setdefault("paths", set())
        with lock:
            if key in held:
                yield
                return
            with queue_lock(self.path):
                held.add(key)
                try:
                    yield
                finally:
                    held.discard(key)

    def _records(self) -> list[dict[str, Any]]:
        return read_candidates(self.path) if self.path.exists() else []

    def pending(self) -> list[tuple[str, dict[str, Any]]]:
        """``(id, record)`` of every candidate not marked ``"review": "reject"``, in queue order."""
        return [(candidate_id(r), r) for r in self._records() if str(r.get("review", "")).lower() != "reject"]

    def find(self, cid: str) -> dict[str, Any]:
        """The pending candidate ``cid``; :class:`NotFoundError` when it has left the queue."""
        for found, record in self.pending():
            if found == cid:
                return record
        raise NotFoundError(f"no candidate '{cid}' in the review queue (accepted or rejected already?); "
                            "reload /review")

    def remove(self, cid: str) -> None:
        """Take the first record with id ``cid`` out of the queue file (rewritten atomically)."""
        with self.locked():
            record = next((r for r in self._records() if candidate_id(r) == cid), None)
            if record is not None:
                rewrite_without(self.path, [record])

    def reject(self, cid: str, user_name: str) -> dict[str, Any]:
        """Move candidate ``cid`` to the rejected file, marked with who rejected it and when."""
        with self.locked():
            record = self.find(cid)
            marked = {**record, "review": "reject", "reviewed_by": user_name,
                      "reviewed_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}
            with self.rejected_path.open("a", encoding="utf-8") as out:
                out.write(json.dumps(marked, ensure_ascii=False) + "\n")
            self.remove(cid)
        return marked


def candidate_view(cid: str, record: Mapping[str, Any]) -> dict[str, Any]:
    """A queued record for the page and its JSON twin: evidence, source, confidence, type, parties, terms."""
    context = record.get("context") or {}
    source = str(record.get("source", ""))
    return {"id": cid, "type": record.get("type"), "date": record.get("date"), "option": bool(record.get("option")),
            "confidence": record.get("confidence"), "evidence": record.get("evidence", ""),
            "source": source, "source_name": Path(source).name, "title": context.get("title"),
            "parties": [{"name": p.get("name"), "role": p.get("role")} for p in record.get("parties") or []],
            "terms": [dict(t) for t in record.get("terms") or []]}


def _check_type(kind: Any) -> str:
    if kind not in RELATION_TYPES:
        raise ValidationError(f"unknown relation type '{kind}'; choose one of {', '.join(RELATION_TYPES)}", field="type")
    return str(kind)


def _check_parties(parties: Any, kind: str) -> list[dict[str, str]]:
    roles = RELATION_TYPES[kind].roles
    out = []
    for party in parties:
        name, role = str(party.get("name") or "").strip(), str(party.get("role") or "").strip()
        if not name:
            continue
        if role not in roles:
            raise ValidationError(f"role '{role}' of {name} does not fit a {kind}; use {' or '.join(roles)}",
                                  field="parties")
        out.append({"name": name, "role": role})
    if not out:
        raise ValidationError("a candidate needs at least one party with a name", field="parties")
    return out


def _check_terms(terms: Any) -> list[dict[str, Any]]:
    out, seen = [], set()
    for term in terms:
        if term.get("amount") in (None, ""):
            raise ValidationError(f"term '{term.get('component')}' needs an amount and a currency; accepted "
                                  "candidates record disclosed amounts only", field="terms")
        row = coerce_row(TABLES["terms"], {"relation_id": "candidate", "disclosed": True, **term})
        if row["component"] in seen:
            raise ValidationError(f"term '{row['component']}' is given twice; one line per component", field="terms")
        seen.add(row["component"])
        out.append({"component": row["component"], "amount": row["amount"], "currency": row["currency"]})
    return out


def apply_edits(record: Mapping[str, Any], edits: Mapping[str, Any]) -> dict[str, Any]:
    """The record with a reviewer's edits of type, date, option, parties (name, role) and terms.

    Keys missing from ``edits`` keep the record's values. Validated as an
    import would be (:mod:`bioregion.schema`); a bad value raises
    :class:`ValidationError` naming the field.
    """
    out = dict(record)
    kind = _check_type(edits.get("type", record.get("type")))
    out["type"] = kind
    if "date" in edits:
        date_column = next(c for c in TABLES["relations"].columns if c.name == "date_announced")
        out["date"] = coerce_value(date_column, edits["date"] or None)
    if "option" in edits:
        out["option"] = bool(edits["option"])
    out["parties"] = _check_parties(edits.get("parties", record.get("parties") or []), kind)
    if "terms" in edits:
        out["terms"] = _check_terms(edits["terms"])
    return out
