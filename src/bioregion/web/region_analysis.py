"""Triple helix and brokerage figures of one region, for the regions page.

* **Triple helix**: Leydesdorff's (2003) transmission T(UIG) and the bilateral
  T(UI), T(UG), T(IG) in bits over the relations with a party based in the
  region (or a sub-region), from :func:`bioregion.analysis.triple_helix.sphere_counts`
  and :func:`~bioregion.analysis.triple_helix.transmission`. Negative T(UIG)
  reads as synergy.
* **Brokerage**: Gould & Fernandez (1989) role counts of
  :func:`bioregion.analysis.brokerage.brokerage_roles`, grouped by each
  organisation's home region (as ``bioregion analyze brokerage``), summed over
  the region's organisations, with the sum of expected counts and their ratio.

Both are computed once per store version.

References
----------
Leydesdorff, L. (2003). The mutual information of university-industry-government relations.
Scientometrics 58(2), 445-467.
Gould, R. V., Fernandez, R. M. (1989). Structures of mediation: a formal approach to brokerage in
transaction networks. Sociological Methodology 19, 89-126.
"""

from __future__ import annotations

import math
from typing import Any, Iterable

from .snapshot import Snapshot

__all__ = ["region_triple_helix", "region_brokerage", "BROKER_ROLES"]

#: Gould & Fernandez roles in the order the page shows them.
BROKER_ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")
TOP_BROKERS = 3


def _number(value: Any) -> float | None:
    value = float(value)
    return round(value, 6) if math.isfinite(value) else None


def region_triple_helix(snap: Snapshot, region_id: str) -> dict[str, Any] | None:
    """T(UIG) and the bilateral T's (bits) over the region's relations; ``None`` without relations."""
    def build() -> dict[str, Any] | None:
        from ..analysis.triple_helix import sphere_counts, transmission

        cells = sphere_counts(snap.eco, region=region_id)
        if not cells:
            return None
        result = transmission(cells)
        return {"n": int(result["n"]), **{k: _number(result[k]) for k in ("T", "T_ui", "T_ug", "T_ig")}}

    return snap.lazy(("region_triple_helix", region_id), build)


def _roles_table(snap: Snapshot) -> Any:
    from ..analysis.brokerage import brokerage_roles

    return snap.lazy("brokerage_roles", lambda: brokerage_roles(snap.graph, group="region"))


def region_brokerage(snap: Snapshot, region_id: str, members: Iterable[str]) -> dict[str, Any]:
    """Role counts summed over the organisations based in ``members`` (a region and its sub-regions)."""
    regions = set(members)

    def build() -> dict[str, Any]:
        table = _roles_table(snap)
        inside = {o["id"] for o in snap.orgs if o["region_id"] in regions}
        rows = table[table.index.isin(inside)]
        roles = {}
        for role in BROKER_ROLES:
            count, expected = float(rows[role].sum()), float(rows[f"{role}_expected"].sum())
            roles[role] = {"count": int(count), "expected": _number(expected),
                           "ratio": _number(count / expected) if expected > 0 else None}
        top = rows[rows["total"] > 0].sort_values("total", ascending=False, kind="stable").head(TOP_BROKERS)
        brokers = [{"id": org, "name": snap.org_index[org]["name"], "total": int(total)}
                   for org, total in zip(top.index, top["total"]) if org in snap.org_index]
        return {"roles": roles, "total": int(rows["total"].sum()), "top_brokers": brokers}

    return snap.lazy(("region_brokerage", region_id), build)
