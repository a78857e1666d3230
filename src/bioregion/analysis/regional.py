"""Regional indicators: location quotients, revealed technological advantage, composite indices, groups.

References
----------
.. [1] Balassa, B. (1965). Trade liberalisation and "revealed" comparative
   advantage. *The Manchester School* 33(2), 99-123.
.. [2] Soete, L. (1987). The impact of technological innovation on
   international trade patterns: the evidence reconsidered. *Research
   Policy* 16(2-4), 101-130.
.. [3] European Commission (2023). *European Innovation Scoreboard 2023*,
   Methodology Report: min-max normalisation, unweighted composite, and
   performance groups relative to the EU average (leaders above 125 %,
   strong 100-125 %, moderate 70-100 %, emerging below 70 %).
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

import numpy as np
import pandas as pd

from ..ecosystem import Ecosystem
from ..errors import ValidationError

__all__ = ["revealed_advantage", "location_quotients", "revealed_technological_advantage", "minmax_normalise",
           "composite_index", "performance_group", "performance_groups", "scoreboard", "compare_regions"]

#: EIS 2023 thresholds, as shares of the EU average.
PERFORMANCE_GROUPS = (("leader", 1.25), ("strong", 1.0), ("moderate", 0.7), ("emerging", 0.0))


def revealed_advantage(matrix: pd.DataFrame) -> pd.DataFrame:
    """Balassa's index on a region x category matrix: ``(x_rc / x_r) / (x_c / x)``.

    A value above 1 means the region is specialised in the category.

    Examples
    --------
    >>> m = pd.DataFrame({"a": [2, 1], "b": [2, 5]}, index=["r1", "r2"])
    >>> float(revealed_advantage(m).round(3).loc["r1", "a"])
    1.667

    References
    ----------
    Balassa (1965); Soete (1987).
    """
    values = matrix.astype(float)
    total = values.to_numpy().sum()
    if total <= 0:
        raise ValidationError("the matrix is empty; give positive counts")
    row = values.sum(axis=1).replace(0, np.nan)
    col = values.sum(axis=0).replace(0, np.nan)
    return values.div(row, axis=0).div(col / total, axis=1)


def _count_matrix(pairs: Iterable[tuple[str, str]]) -> pd.DataFrame:
    frame = pd.DataFrame(list(pairs), columns=["region", "category"])
    if frame.empty:
        raise ValidationError("nothing to count: no organisation has both a region and the category")
    return pd.crosstab(frame["region"], frame["category"])


def location_quotients(ecosystem: Ecosystem, by: str = "kind") -> pd.DataFrame:
    """Location quotients of organisation counts per home region and ``by`` (kind or sphere)."""
    pairs = [(o["region_id"], ecosystem.sphere(o["id"]) if by == "sphere" else o[by])
             for o in ecosystem.rows("organisations") if o["region_id"]]
    return revealed_advantage(_count_matrix(p for p in pairs if p[1]))


def revealed_technological_advantage(ecosystem: Ecosystem, field: str = "therapeutic_area") -> pd.DataFrame:
    """RTA of regions in therapeutic areas (programs) or technology platforms (organisations).

    ``field="therapeutic_area"`` counts programs by their owner's home region;
    ``field="technology_platforms"`` counts listed platforms per organisation.

    References
    ----------
    Soete (1987).
    """
    orgs = ecosystem.organisation_index
    if field == "therapeutic_area":
        pairs = [(orgs[p["organisation_id"]]["region_id"], p["therapeutic_area"]) for p in ecosystem.rows("programs")]
    elif field == "technology_platforms":
        pairs = [(o["region_id"], t) for o in orgs.values() for t in o["technology_platforms"]]
    else:
        raise ValidationError(f"unknown field '{field}'; use therapeutic_area or technology_platforms")
    return revealed_advantage(_count_matrix(p for p in pairs if p[0] and p[1]))


def minmax_normalise(frame: pd.DataFrame) -> pd.DataFrame:
    """Rescale each column to [0, 1] over its rows: ``(x - min) / (max - min)``; constant columns give 0.

    References
    ----------
    European Commission (2023), EIS methodology.
    """
    low, high = frame.min(), frame.max()
    span = (high - low).replace(0, np.nan)
    return ((frame - low) / span).fillna(0.0).where(frame.notna())


def composite_index(frame: pd.DataFrame, weights: Mapping[str, float] | None = None) -> pd.Series:
    """Weighted mean of the min-max normalised columns (unweighted by default), ignoring missing cells."""
    normal = minmax_normalise(frame)
    w = pd.Series({c: (weights or {}).get(c, 1.0) for c in normal.columns}, dtype=float)
    present = normal.notna().astype(float) * w
    return (normal.fillna(0.0) * w).sum(axis=1) / present.sum(axis=1).replace(0, np.nan)


def performance_group(value: float, reference: float) -> str:
    """EIS performance group of ``value`` relative to ``reference`` (the EU average).

    Examples
    --------
    >>> performance_group(136.438, 108.467), performance_group(75.443, 108.467)
    ('leader', 'emerging')
    """
    ratio = value / reference
    return next(name for name, low in PERFORMANCE_GROUPS if ratio > low or low == 0.0)


def performance_groups(values: pd.Series, reference: float) -> pd.DataFrame:
    """Relative performance (% of ``reference``) and group of each value."""
    return pd.DataFrame({"value": values, "relative": 100 * values / reference,
                         "group": [performance_group(v, reference) for v in values]})


def scoreboard(ecosystem: Ecosystem, year: int, indicator: str = "eis_summary_innovation_index",
               reference: str = "EU") -> pd.DataFrame:
    """Performance groups of every region for ``indicator`` in ``year``, relative to region ``reference``.

    Curated groups (``eis_performance_group`` rows, as in the ``europe-indicators``
    dataset) are shown next to the computed ones.

    Examples
    --------
    >>> eco = Ecosystem.from_dataset("europe-indicators")
    >>> scoreboard(eco, 2023).loc["BE", "group"]
    'leader'
    """
    rows = [r for r in ecosystem.rows("indicators") if r["year"] == year and r["region_id"]]
    values = {r["region_id"]: r["value"] for r in rows if r["indicator"] == indicator and r["value"] is not None}
    if reference not in values:
        raise ValidationError(f"no {indicator} value for reference region {reference} in {year}; pick another year")
    curated = {r["region_id"]: r["category"] for r in rows if r["indicator"] == "eis_performance_group"}
    others = pd.Series({k: v for k, v in values.items() if k != reference}, dtype=float).sort_values(ascending=False)
    frame = performance_groups(others, values[reference])
    frame["curated"] = [curated.get(k) for k in frame.index]
    frame.index.name = "region_id"
    return frame


def compare_regions(ecosystems: Iterable[Ecosystem], regions: Iterable[str] | None = None) -> pd.DataFrame:
    """Regions side by side across ecosystems: organisations by kind, relations, programs, ties kept inside.

    Each region counts the organisations whose home region is it or lies
    inside it; ``internal_share`` is the share of their ties whose other party
    is in the same region.
    """
    from .triple_helix import _region_ancestors

    rows: list[dict[str, Any]] = []
    wanted = set(regions) if regions else None
    for eco in ecosystems:
        ancestors = _region_ancestors(eco)
        names = {r["id"]: r["name"] for r in eco.rows("regions")}
        for region in names:
            if wanted is not None and region not in wanted:
                continue
            members = {o["id"] for o in eco.rows("organisations")
                       if o["region_id"] and region in ancestors.get(o["region_id"], {o["region_id"]})}
            if members:
                rows.append({"ecosystem": eco.name, "region_id": region, "name": names[region],
                             **_region_counts(eco, members)})
    return pd.DataFrame(rows)


def _region_counts(eco: Ecosystem, members: set[str]) -> dict[str, Any]:
    kinds = pd.Series([eco.organisation_index[m]["kind"] for m in members]).value_counts()
    graph = eco.graph()
    names = graph.vs["name"]
    ties = [(names[e.source], names[e.target]) for e in graph.es]
    touching = [t for t in ties if t[0] in members or t[1] in members]
    inside = sum(1 for a, b in touching if a in members and b in members)
    return {"organisations": len(members), "new_biotech_firms": int(kinds.get("new_biotech_firm", 0)),
            "big_pharma": int(kinds.get("big_pharma", 0)),
            "universities_institutes": int(kinds.get("university", 0) + kinds.get("research_institute", 0)),
            "programs": sum(1 for p in eco.rows("programs") if p["organisation_id"] in members),
            "ties": len(touching), "internal_share": inside / len(touching) if touching else None}
