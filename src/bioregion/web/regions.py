"""Regions side by side: organisations by triple-helix sphere, ties inside and across, indicators,
the triple-helix transmission and Gould-Fernandez brokerage roles (:mod:`.region_analysis`).

A region counts the organisations of its sub-regions too (``parent_id``). The
indicator rows show the latest year of each indicator in the ``indicators``
table, with its unit and source, so every figure traces back to a source row.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, Sequence

from .region_analysis import region_brokerage, region_triple_helix
from .snapshot import Snapshot

__all__ = ["compare_regions", "region_choices"]


def _descendants(snap: Snapshot) -> dict[str, set[str]]:
    children: dict[str, list[str]] = defaultdict(list)
    for region in snap.eco.rows("regions"):
        if region["parent_id"]:
            children[region["parent_id"]].append(region["id"])

    def walk(rid: str, seen: set[str]) -> set[str]:
        if rid in seen:
            return seen
        seen.add(rid)
        for child in children.get(rid, []):
            walk(child, seen)
        return seen

    return {r["id"]: walk(r["id"], set()) for r in snap.eco.rows("regions")}


def region_choices(snap: Snapshot) -> list[dict[str, Any]]:
    """Regions with their organisation counts (sub-regions included), largest first."""
    def build() -> list[dict[str, Any]]:
        direct = Counter(o["region_id"] for o in snap.orgs)
        rows = [{"id": r["id"], "name": r["name"], "level": r["level"],
                 "organisations": sum(direct[d] for d in _descendants(snap)[r["id"]])} for r in snap.eco.rows("regions")]
        return sorted(rows, key=lambda r: (-r["organisations"], r["name"]))

    return snap.lazy("region_choices", build)


def _latest_indicators(snap: Snapshot, region_id: str) -> dict[str, dict[str, Any]]:
    latest: dict[str, dict[str, Any]] = {}
    for row in snap.lazy("indicators_by_region", lambda: _by_region(snap)).get(region_id, []):
        if row["indicator"] not in latest or row["year"] > latest[row["indicator"]]["year"]:
            latest[row["indicator"]] = row
    return latest


def _by_region(snap: Snapshot) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in snap.eco.rows("indicators"):
        if row["region_id"]:
            out[row["region_id"]].append(row)
    return dict(out)


def _region_figures(snap: Snapshot, region: dict[str, Any], members: set[str]) -> dict[str, Any]:
    orgs = [o for o in snap.orgs if o["region_id"] in members]
    ids = {o["id"] for o in orgs}
    rels = {rel["id"]: rel for org_id in ids for rel in snap.relations_by_org.get(org_id, [])}
    inside = sum(all(p["id"] in ids for p in rel["parties"]) for rel in rels.values())
    across = len(rels) - inside
    spheres = Counter(o["sphere"] for o in orgs)
    return {
        "id": region["id"], "name": region["name"], "level": region["level"], "country": region["country"],
        "organisations": len(orgs), "new_biotech_firms": sum(o["kind"] == "new_biotech_firm" for o in orgs),
        "spheres": {s: spheres[s] for s in ("U", "I", "G")},
        "relations_inside": inside, "relations_across": across,
        "programs": sum(o["programs"] for o in orgs),
        "indicators": _latest_indicators(snap, region["id"]),
        "triple_helix": region_triple_helix(snap, region["id"]),
        "brokerage": region_brokerage(snap, region["id"], members),
    }


def compare_regions(snap: Snapshot, region_ids: Sequence[str] = ()) -> dict[str, Any]:
    """Figures for the chosen regions (default: the four with most organisations)."""
    known = {r["id"]: r for r in snap.eco.rows("regions")}
    chosen = [r for r in dict.fromkeys(region_ids) if r in known] or [r["id"] for r in region_choices(snap)[:4]]
    descendants = snap.lazy("region_descendants", lambda: _descendants(snap))
    regions = [_region_figures(snap, known[r], descendants[r]) for r in chosen]
    names = sorted({name for r in regions for name in r["indicators"]})
    return {"regions": regions, "indicator_names": names}
