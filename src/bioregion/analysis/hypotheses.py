"""Segers's (2017) hypotheses H1-H4 as reproducible tests on any ecosystem.

Each test returns a dict with the ``hypothesis``, its ``operationalisation``,
the ``statistic`` used, the ``result`` (numbers), ``p_value``, ``supported``
(``True``/``False`` at ``alpha``, ``None`` when the data cannot tell) and the
``caveats``. The samples of a single bioRegion are small: read the p-values as
descriptions, not as proof.

References
----------
.. [1] Segers, J.-P. (2017). *The interplay of regional systems of innovation,
   strategic alliances and open innovation: new biotechnology firms in the
   bioRegions of Flanders & Wallonia (Belgium)*. H1-H4, pp. 13-16.
.. [2] Mann, H. B., & Whitney, D. R. (1947). On a test of whether one of two
   random variables is stochastically larger than the other. *Annals of
   Mathematical Statistics* 18(1), 50-60.
.. [3] Spearman, C. (1904). The proof and measurement of association between
   two things. *American Journal of Psychology* 15(1), 72-101.
"""

from __future__ import annotations

from typing import Any

from ..ecosystem import Ecosystem, relation_year
from ..errors import MissingExtraError
from .business_models import fipco_share
from .openness import openness
from .portfolio import ALLIANCE_TYPES

__all__ = ["h1_policy_foundings", "h2_alliances_pipeline", "h3_fipco_share", "h4_openness", "hypotheses"]

_STAGE_RANK = {s: i for i, s in enumerate(("discovery", "preclinical", "phase1", "phase2", "phase3", "filed",
                                           "approved", "marketed"))}
_NBF = "new_biotech_firm"


def _stats():
    try:
        from scipy import stats
    except ImportError:  # pragma: no cover - scipy is in the analysis extra
        raise MissingExtraError("scipy", "analysis") from None
    return stats


def _verdict(p: float | None, alpha: float, direction_ok: bool = True) -> bool | None:
    return None if p is None else bool(p < alpha and direction_ok)


def h1_policy_foundings(ecosystem: Ecosystem, window: int = 10, alpha: float = 0.05) -> dict[str, Any]:
    """H1: regional programmes raised the creation of new biotech firms.

    For each region with policies, the first programme's start year splits the
    ``window`` years before it from the ``window`` years from it on; new biotech
    firms founded in the region (or its sub-regions) are counted in each half.
    Under no effect, foundings after ~ Binomial(n, 1/2); a one-sided exact
    binomial test on the pooled counts.
    """
    from .triple_helix import _region_ancestors

    ancestors = _region_ancestors(ecosystem)
    starts: dict[str, int] = {}
    for policy in ecosystem.rows("policies"):
        year = relation_year(policy["start"])
        if policy["region_id"] and year is not None:
            starts[policy["region_id"]] = min(year, starts.get(policy["region_id"], year))
    rows, before, after = [], 0, 0
    for region, start in sorted(starts.items()):
        years = [relation_year(o["founded"]) for o in ecosystem.rows("organisations")
                 if o["kind"] == _NBF and o["founded"] and region in ancestors.get(o["region_id"], {o["region_id"]})]
        b = sum(start - window <= y < start for y in years)
        a = sum(start <= y < start + window for y in years)
        rows.append({"region_id": region, "start": start, "before": b, "after": a})
        before, after = before + b, after + a
    p = _stats().binomtest(after, before + after, 0.5, alternative="greater").pvalue if before + after else None
    return {"id": "H1", "hypothesis": "More new biotech firms are founded once a region's innovation policy "
            "programmes start (Segers 2017, H1, paraphrased).",
            "operationalisation": f"new biotech firms founded {window} years before vs from the first programme "
            "start year of each region (policies table)",
            "statistic": "exact binomial test, one-sided, H0 p=0.5", "result": {"regions": rows, "before": before,
                                                                               "after": after},
            "p_value": p, "supported": _verdict(p, alpha),
            "caveats": ["founding counts also follow the biotech investment cycle, not only policy",
                        "overlapping programmes cannot be separated", "firms that closed may be missing"]}


def h2_alliances_pipeline(ecosystem: Ecosystem, alpha: float = 0.05) -> dict[str, Any]:
    """H2: new biotech firms' development depends on alliances.

    Spearman rank correlation, one-sided (positive), between each new biotech
    firm's number of alliances and the most advanced stage of its programs
    (discovery = 0 ... marketed = 7), over firms with at least one staged program.
    """
    counts: dict[str, int] = {}
    types = {r["id"]: r["type"] for r in ecosystem.rows("relations")}
    for relation_id, parties in ecosystem.parties_by_relation.items():
        if types[relation_id] in ALLIANCE_TYPES:
            for party in parties:
                counts[party["organisation_id"]] = counts.get(party["organisation_id"], 0) + 1
    best: dict[str, int] = {}
    for program in ecosystem.rows("programs"):
        rank = _STAGE_RANK.get(program["stage"])
        org = ecosystem.organisation_index[program["organisation_id"]]
        if rank is not None and org["kind"] == _NBF:
            best[org["id"]] = max(rank, best.get(org["id"], rank))
    firms = sorted(best)
    x, y = [counts.get(f, 0) for f in firms], [best[f] for f in firms]
    rho = p = None
    if len(firms) >= 3 and len(set(x)) > 1 and len(set(y)) > 1:
        result = _stats().spearmanr(x, y, alternative="greater")
        rho, p = float(result.statistic), float(result.pvalue)
    return {"id": "H2", "hypothesis": "Firms with more alliances, above all with big pharma, get their programs "
            "further (Segers 2017, H2, paraphrased).",
            "operationalisation": "alliances per new biotech firm vs the most advanced stage of its programs",
            "statistic": "Spearman rank correlation, one-sided (positive)",
            "result": {"n": len(firms), "rho": rho, "firms": [{"organisation_id": f, "alliances": a, "stage_rank": s}
                                                               for f, a, s in zip(firms, x, y)]},
            "p_value": p, "supported": _verdict(p, alpha, (rho or 0) > 0),
            "caveats": ["correlation, not causation: advanced programs also attract partners",
                        "pipelines are observed at one date"]}


def h3_fipco_share(ecosystem: Ecosystem, threshold: float = 0.5, alpha: float = 0.05) -> dict[str, Any]:
    """H3: most new biotech firms do not become FIPCOs.

    Share of FIPCOs among labelled new biotech firms (business-model rules,
    curated labels win); one-sided exact binomial test that the share is below
    ``threshold`` (a majority otherwise).
    """
    share = fipco_share(ecosystem)
    p = (_stats().binomtest(share["fipco"], share["n"], threshold, alternative="less").pvalue
         if share["n"] else None)
    return {"id": "H3", "hypothesis": "Few new biotech firms grow into a FIPCO "
            "(Segers 2017, H3, paraphrased).",
            "operationalisation": "share of FIPCOs among new biotech firms with a business-model label",
            "statistic": f"exact binomial test, one-sided, H0 share >= {threshold}", "result": share,
            "p_value": p, "supported": _verdict(p, alpha),
            "caveats": ["firms without programs or platforms get no label and are left out",
                        "acquired firms stop being candidates"]}


def h4_openness(ecosystem: Ecosystem, alpha: float = 0.05) -> dict[str, Any]:
    """H4: new biotech firms apply open innovation more than big pharma does.

    Mann-Whitney U test, one-sided, of the openness score (open-innovation
    relations in the ecosystem) of new biotech firms vs big pharma; firms of
    either kind without such relations score 0.
    """
    frame = openness(ecosystem)
    score = dict(zip(frame["organisation_id"], frame["score"]))
    groups = {k: [int(score.get(o["id"], 0)) for o in ecosystem.rows("organisations") if o["kind"] == k]
              for k in (_NBF, "big_pharma")}
    u = p = None
    if groups[_NBF] and groups["big_pharma"] and len(set(groups[_NBF] + groups["big_pharma"])) > 1:
        result = _stats().mannwhitneyu(groups[_NBF], groups["big_pharma"], alternative="greater")
        u, p = float(result.statistic), float(result.pvalue)
    return {"id": "H4", "hypothesis": "New biotech firms are more open innovators than big pharma "
            "(Segers 2017, H4, paraphrased).",
            "operationalisation": "openness score of new biotech firms vs big pharma",
            "statistic": "Mann-Whitney U, one-sided (new biotech firms greater)",
            "result": {"n_new_biotech_firm": len(groups[_NBF]), "n_big_pharma": len(groups["big_pharma"]), "U": u,
                       "median_new_biotech_firm": _median(groups[_NBF]),
                       "median_big_pharma": _median(groups["big_pharma"])},
            "p_value": p, "supported": _verdict(p, alpha),
            "caveats": ["a regional dataset sees big pharma only through its ties to the region",
                        "counts ignore firm size (Michelino et al. use financial intensities)"]}


def _median(values: list[int]) -> float | None:
    import statistics

    return float(statistics.median(values)) if values else None


def hypotheses(ecosystem: Ecosystem, alpha: float = 0.05, window: int = 10) -> list[dict[str, Any]]:
    """H1-H4 in order (``window``: H1's years before and after a programme start)."""
    return [h1_policy_foundings(ecosystem, window=window, alpha=alpha), h2_alliances_pipeline(ecosystem, alpha=alpha),
            h3_fipco_share(ecosystem, alpha=alpha), h4_openness(ecosystem, alpha=alpha)]
