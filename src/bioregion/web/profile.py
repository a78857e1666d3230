"""The profile of one organisation: facts, portfolio, pipeline, partners, timeline, evidence."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from ..errors import NotFoundError
from ..taxonomy import STAGES
from .snapshot import Snapshot

__all__ = ["organisation_profile"]


def _relations_of(snap: Snapshot, org_id: str) -> list[dict[str, Any]]:
    out = []
    for rel in snap.relations_by_org.get(org_id, []):
        roles = list(dict.fromkeys(p["role"] for p in rel["parties"] if p["id"] == org_id))
        out.append({"id": rel["id"], "type": rel["type"], "date": rel["date"], "year": rel["year"],
                    "status": rel["status"], "stage": rel["stage"], "asset": rel["asset"], "role": roles[0],
                    "terms": rel["terms_text"],
                    "partners": [{"id": p["id"], "name": p["name"], "role": p["role"]}
                                 for p in rel["parties"] if p["id"] != org_id]})
    return out


def _partners(snap: Snapshot, relations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    acc: dict[str, dict[str, Any]] = {}
    for rel in relations:
        for p in rel["partners"]:
            row = acc.setdefault(p["id"], {"id": p["id"], "name": p["name"], "kind": snap.org_index[p["id"]]["kind"],
                                           "region": snap.org_index[p["id"]]["region"], "relations": 0,
                                           "types": Counter(), "first": None, "last": None})
            row["relations"] += 1
            row["types"][rel["type"]] += 1
            if rel["year"] is not None:
                row["first"] = min(row["first"] or rel["year"], rel["year"])
                row["last"] = max(row["last"] or rel["year"], rel["year"])
    rows = sorted(acc.values(), key=lambda r: (-r["relations"], r["name"].lower()))
    return [{**r, "types": dict(r["types"].most_common())} for r in rows]


def _evidence(snap: Snapshot, table: str, row_id: str) -> list[dict[str, Any]]:
    sources = snap.lazy("sources", lambda: {s["id"]: s for s in snap.eco.rows("sources")})
    by_subject = snap.lazy("evidence_by_subject", lambda: _group_evidence(snap))
    return [{**e, "source_title": sources.get(e["source_id"], {}).get("title"),
             "source_url": sources.get(e["source_id"], {}).get("url")} for e in by_subject.get((table, row_id), [])]


def _group_evidence(snap: Snapshot) -> dict[tuple[str, str], list[dict[str, Any]]]:
    out: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in snap.eco.rows("evidence"):
        out[(row["subject_table"], row["subject_id"])].append(row)
    return dict(out)


def _indicators(snap: Snapshot, org_id: str) -> list[dict[str, Any]]:
    by_org = snap.lazy("indicators_by_org", lambda: _group(snap.eco.rows("indicators"), "organisation_id"))
    return sorted(by_org.get(org_id, []), key=lambda r: (r["indicator"], r["year"]))


def _group(rows: list[dict[str, Any]], column: str) -> dict[Any, list[dict[str, Any]]]:
    out: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        out[row[column]].append(row)
    return dict(out)


RELATIONS_SHOWN = 200


def organisation_profile(snap: Snapshot, org_id: str) -> dict[str, Any]:
    """Everything the profile page shows, as JSON-ready data (cached per store version).

    The most recent :data:`RELATIONS_SHOWN` relations are listed (``relations_total``
    counts them all; ``/relations?org=ID`` pages through every one).

    Raises
    ------
    NotFoundError
        When ``org_id`` is not an organisation id.
    """
    if org_id not in snap.eco.organisation_index:
        raise NotFoundError(f"no organisation '{org_id}'; search the list at /orgs")
    return snap.lazy(("profile", org_id), lambda: _profile(snap, org_id))


def _profile(snap: Snapshot, org_id: str) -> dict[str, Any]:
    row = snap.eco.organisation_index[org_id]
    metrics = snap.org_index[org_id]
    relations = _relations_of(snap, org_id)
    programs = sorted(snap.programs_by_org.get(org_id, []), key=lambda p: (STAGES.index(p["stage"] or "unknown"), p["name"]))
    stage_counts = Counter(p["stage"] or "unknown" for p in programs)
    names = snap.eco.organisation_index
    years = Counter(r["year"] for r in relations if r["year"] is not None)
    return {
        "organisation": {**row, "sphere": metrics["sphere"], "region": metrics["region"],
                         "parent": names[row["parent_id"]]["name"] if row["parent_id"] else None},
        "metrics": {k: metrics[k] for k in ("relations", "partners", "degree", "pagerank", "community", "programs")},
        "programs": [{**p, "partner": names[p["partner_id"]]["name"] if p["partner_id"] else None} for p in programs],
        "pipeline": [{"stage": s, "count": stage_counts[s]} for s in STAGES if stage_counts[s]],
        "partners": _partners(snap, relations),
        "relations": relations[-RELATIONS_SHOWN:][::-1],
        "relations_total": len(relations),
        "relations_by_year": [{"year": y, "count": years[y]} for y in range(min(years), max(years) + 1)] if years else [],
        "business_model": {"value": row["business_model"], "curated": row["business_model"] is not None,
                           "evidence": _evidence(snap, "organisations", org_id)},
        "indicators": _indicators(snap, org_id),
    }
