"""Report sections built from :mod:`bioregion.analysis`: open innovation and business
models, the triple helix, and the thesis's hypotheses H1-H4.

Each section states its method and cites it (the analysis functions carry the
full references); a section whose analysis needs a missing extra says which one
to install instead of disappearing.
"""

from __future__ import annotations

from typing import Any

from ..analysis.brokerage import interregional_matrix, region_rollup, tie_geography
from ..analysis.business_models import business_models, fipco_share
from ..analysis.hypotheses import hypotheses
from ..analysis.openness import openness, openness_agreement
from ..analysis.triple_helix import triple_helix, triple_helix_table
from ..ecosystem import Ecosystem
from ..errors import MissingExtraError
from .geography import Geography
from .section import Section, render

__all__ = ["geography_section", "innovation_section", "triple_helix_section", "hypotheses_section", "ANALYSIS_SECTIONS"]

_FIRM_KINDS = ("new_biotech_firm", "big_pharma")


def innovation_section(ecosystem: Ecosystem) -> Section | None:
    """Open-innovation modes and business models of the firms (Michelino et al. 2015; Dixon 2011)."""
    frame = openness(ecosystem)
    frame = frame[frame["kind"].isin(_FIRM_KINDS) & (frame["score"] > 0)]
    if frame.empty:
        return None
    models = business_models(ecosystem)
    labels = {org: model for org, model in zip(models["organisation_id"], models["business_model"])
              if isinstance(model, str)}
    rows = [{**row, "business_model": labels.get(row["organisation_id"])}
            for row in frame.sort_values(["kind", "score"], ascending=[False, False]).to_dict("records")]
    html = render("innovation.html.j2", rows=rows, agreement=openness_agreement(ecosystem),
                  fipco=fipco_share(ecosystem))
    return Section("Open innovation and business models", html, landscape=False)


def geography_section(ecosystem: Ecosystem) -> Section | None:
    """Ties that stay in a region, reach the rest of the country or go abroad (Bathelt et al. 2004)."""
    geo = Geography(ecosystem)
    graph = ecosystem.graph()
    if not graph.ecount() or geo.home is None:
        return None
    rollup = region_rollup(ecosystem.regions)
    regions = {r["id"]: r for r in ecosystem.rows("regions")}
    shares = tie_geography(graph, region_map=rollup)
    home_regions = [rid for rid in shares.index
                    if rid in regions and regions[rid]["country"] == geo.home and (regions[rid]["level"] or 0) >= 1]
    if not home_regions:
        return None
    rows = [{"name": regions[rid]["name"], **shares.loc[rid].to_dict()} for rid in home_regions]
    matrix = interregional_matrix(graph, home=geo.home, region_map=rollup)
    html = render("geography.html.j2", rows=rows, matrix=matrix.to_dict("index"), columns=list(matrix.columns),
                  home=geo.home_name)
    return Section("Local buzz, global pipelines", html)


def triple_helix_section(ecosystem: Ecosystem) -> Section | None:
    """Leydesdorff's T(UIG) over the relations, overall and by region (Leydesdorff 2003)."""
    overall = triple_helix(ecosystem)
    if not overall["n"]:
        return None
    regions = {r["id"]: r["name"] for r in ecosystem.rows("regions")}
    table = triple_helix_table(ecosystem, by="region", min_events=10)
    rows = [{**row, "name": regions.get(row["region"], row["region"])} for row in table.to_dict("records")]
    return Section("The triple helix", render("triple_helix.html.j2", overall=overall, rows=rows))


def hypotheses_section(ecosystem: Ecosystem) -> Section | None:
    """The thesis's hypotheses H1-H4 as tests on this ecosystem (Segers 2017)."""
    try:
        results: list[dict[str, Any]] = hypotheses(ecosystem)
    except MissingExtraError as error:
        return Section("Hypotheses H1-H4", render("hypotheses.html.j2", results=[], missing=str(error)))
    results = [{**h, "result": _summary(h["result"]), "caveats": _sentences(h["caveats"])} for h in results]
    return Section("Hypotheses H1-H4", render("hypotheses.html.j2", results=results, missing=None))


def _sentences(text: Any) -> str:
    """Caveats given as a list become one line of ``;``-separated clauses."""
    return "; ".join(map(str, text)) if isinstance(text, (list, tuple)) else str(text or "")


def _summary(result: Any) -> str:
    """The scalar entries of a test result, e.g. ``before 0, after 1``."""
    if not isinstance(result, dict):
        return "" if result is None else str(result)
    parts = []
    for key, value in result.items():
        if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
            continue
        if isinstance(value, (int, float)):
            value = f"{float(value):.3g}"
        parts.append(f"{key.replace('_', ' ')} {value}")
    return ", ".join(parts)


#: The analysis sections, in report order.
ANALYSIS_SECTIONS = (geography_section, innovation_section, triple_helix_section, hypotheses_section)
