"""Partner search: rank candidate partners of an organisation, each with its reasons.

The score of a candidate is the weighted sum of six components, each in [0, 1]:

======================  ======  ================================================
component               weight  meaning
======================  ======  ================================================
``adamic_adar``         0.25    Adamic-Adar over common partners, scaled by the best
``complementary``       0.20    share of the candidate's platforms the organisation lacks
``area_fit``            0.20    Jaccard overlap of therapeutic areas
``pipeline_gap``        0.15    a pharma/biotech candidate with few late-stage programs
                                in the organisation's areas: ``1 / (1 + n)``
``proximity``           0.10    ``1 / (1 + km / 100)`` between region centroids; same
                                region 1, same country 0.5 when no centroid
``prior_ties``          0.10    ``1 - 1 / (1 + ties)`` (Powell et al.: repeat partners)
======================  ======  ================================================

References
----------
.. [1] Adamic, L. A., & Adar, E. (2003). Friends and neighbors on the Web.
   *Social Networks* 25(3), 211-230.
.. [2] Liben-Nowell, D., & Kleinberg, J. (2007). The link-prediction problem
   for social networks. *JASIST* 58(7), 1019-1031.
.. [3] Powell, W. W., White, D. R., Koput, K. W., & Owen-Smith, J. (2005).
   Network dynamics and field evolution. *American Journal of Sociology* 110(4).
.. [4] Boschma, R. (2005). Proximity and innovation: a critical assessment.
   *Regional Studies* 39(1), 61-74.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

import pandas as pd

from ..ecosystem import Ecosystem
from ..queries import find_organisation
from .business_models import FIRM_KINDS

__all__ = ["WEIGHTS", "partner_candidates"]

WEIGHTS = {"adamic_adar": 0.25, "complementary": 0.20, "area_fit": 0.20, "pipeline_gap": 0.15,
           "proximity": 0.10, "prior_ties": 0.10}
_LATE = ("phase2", "phase3", "filed", "approved", "marketed")
_GAP_KINDS = ("big_pharma", "specialty_pharma", "biotech")


def _haversine(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def _proximity(eco: Ecosystem, a: dict[str, Any], b: dict[str, Any]) -> tuple[float, str | None]:
    centroids = {r["id"]: (r["centroid_lat"], r["centroid_lon"]) for r in eco.rows("regions")
                 if r["centroid_lat"] is not None and r["centroid_lon"] is not None}
    if a["region_id"] in centroids and b["region_id"] in centroids:
        km = _haversine(centroids[a["region_id"]], centroids[b["region_id"]])
        return 1 / (1 + km / 100), f"{km:.0f} km between home regions"
    if a["region_id"] and a["region_id"] == b["region_id"]:
        return 1.0, "same home region"
    if a["country"] and a["country"] == b["country"]:
        return 0.5, "same country"
    return 0.0, None


def partner_candidates(ecosystem: Ecosystem, organisation: str, top: int = 10,
                       kinds: tuple[str, ...] = FIRM_KINDS) -> pd.DataFrame:
    """Rank candidate partners of ``organisation`` with the reasons behind each score.

    Parameters
    ----------
    ecosystem : Ecosystem
    organisation : str
        Id, name or alias.
    top : int
        Number of candidates returned.
    kinds : tuple of str
        Candidate organisation kinds (firms by default).

    Returns
    -------
    pandas.DataFrame
        ``rank, organisation_id, name, kind, score``, one column per component,
        ``common_partners`` and ``reasons`` (list of str), best first.

    References
    ----------
    Adamic & Adar (2003); Liben-Nowell & Kleinberg (2007); Powell et al. (2005); Boschma (2005).
    """
    org = find_organisation(ecosystem, organisation)
    graph = ecosystem.graph()
    names = graph.vs["name"]
    ties = Counter(tuple(sorted((names[e.source], names[e.target]))) for e in graph.es)
    graph.simplify()
    neighbours = {names[v]: {names[u] for u in graph.neighbors(v)} for v in range(graph.vcount())}
    own = neighbours[org["id"]]
    areas = set(org["therapeutic_areas"]) | {p["therapeutic_area"] for p in ecosystem.rows("programs")
                                              if p["organisation_id"] == org["id"] and p["therapeutic_area"]}
    rows = []
    for cand in ecosystem.rows("organisations"):
        if cand["id"] == org["id"] or cand["kind"] not in kinds:
            continue
        rows.append(_candidate_row(ecosystem, org, cand, own, neighbours, areas, ties))
    frame = pd.DataFrame(rows)
    if frame.empty:
        return frame
    best = frame["adamic_adar_raw"].max()
    frame["adamic_adar"] = frame["adamic_adar_raw"] / best if best > 0 else 0.0
    frame["score"] = sum(frame[k] * w for k, w in WEIGHTS.items())
    frame = frame.sort_values(["score", "organisation_id"], ascending=[False, True]).head(top).reset_index(drop=True)
    frame.insert(0, "rank", range(1, len(frame) + 1))
    return frame[["rank", "organisation_id", "name", "kind", "score", *WEIGHTS, "common_partners", "reasons"]]


def _candidate_row(eco, org, cand, own, neighbours, areas, ties) -> dict[str, Any]:
    common = own & neighbours.get(cand["id"], set())
    aa = sum(1 / math.log(len(neighbours[z])) for z in common if len(neighbours[z]) > 1)
    cand_areas = set(cand["therapeutic_areas"]) | {p["therapeutic_area"] for p in eco.rows("programs")
                                                    if p["organisation_id"] == cand["id"] and p["therapeutic_area"]}
    fit = len(areas & cand_areas) / len(areas | cand_areas) if areas | cand_areas else 0.0
    platforms = set(cand["technology_platforms"])
    new_platforms = platforms - set(org["technology_platforms"])
    complementary = len(new_platforms) / len(platforms) if platforms else 0.0
    gap, gap_reason = 0.0, None
    if cand["kind"] in _GAP_KINDS and areas:
        late = [p for p in eco.rows("programs") if p["organisation_id"] == cand["id"] and p["stage"] in _LATE
                and p["therapeutic_area"] in areas]
        gap = 1 / (1 + len(late))
        gap_reason = f"{len(late)} late-stage program(s) in the shared areas (pipeline gap)"
    proximity, where = _proximity(eco, org, cand)
    prior = ties.get(tuple(sorted((org["id"], cand["id"]))), 0)
    reasons = [r for r in (
        f"{len(common)} common partner(s): {', '.join(sorted(common)[:5])}" if common else None,
        f"brings platform(s) {', '.join(sorted(new_platforms))}" if new_platforms else None,
        f"shared therapeutic areas: {', '.join(sorted(areas & cand_areas))}" if areas & cand_areas else None,
        gap_reason, where, f"{prior} prior tie(s)" if prior else None) if r]
    return {"organisation_id": cand["id"], "name": cand["name"], "kind": cand["kind"], "adamic_adar_raw": aa,
            "complementary": complementary, "area_fit": fit, "pipeline_gap": gap, "proximity": proximity,
            "prior_ties": 1 - 1 / (1 + prior), "common_partners": len(common), "reasons": reasons}
