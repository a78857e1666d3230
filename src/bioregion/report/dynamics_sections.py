"""Report sections on how the network grew and how the regions compare.

The growth section uses :mod:`bioregion.analysis.temporal` (yearly snapshots
with a tie lifetime; Powell et al. 2005 attachment logics); the regions section
uses :mod:`bioregion.analysis.regional` and the ``indicators`` table, each value
shown with its source.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..analysis.regional import compare_regions
from ..analysis.temporal import attachment_logics, snapshots
from ..ecosystem import Ecosystem
from ..errors import MissingExtraError, ValidationError
from .geography import Geography
from .section import Section, render

__all__ = ["growth_section", "regions_section", "DYNAMICS_SECTIONS"]

#: The seed of the control sample of the attachment model, so the report is reproducible.
ATTACHMENT_SEED = 2005


def growth_section(ecosystem: Ecosystem) -> Section | None:
    """Yearly snapshots (tie lifetime 5 years) and Powell et al.'s attachment logics."""
    frame = snapshots(ecosystem, lifetime=5)
    frame = frame[frame["ties"] > 0]
    if frame.empty:
        return None
    try:
        model = attachment_logics(ecosystem, lifetime=5, seed=ATTACHMENT_SEED)
        coefficients = model["coefficients"].to_dict("records")
        cases, missing = model["cases"], None
    except (MissingExtraError, ValidationError) as error:  # an extra to install, or too few dated ties
        coefficients, cases, missing = [], 0, str(error)
    html = render("growth.html.j2", years=frame.to_dict("records"), coefficients=coefficients, cases=cases,
                  seed=ATTACHMENT_SEED, missing=missing)
    return Section("How the network grew", html)


def regions_section(ecosystem: Ecosystem) -> Section | None:
    """The home country's regions side by side, with the indicators the data hold for them."""
    geo = Geography(ecosystem)
    regions = {r["id"]: r for r in ecosystem.rows("regions")}
    home = [rid for rid, r in regions.items() if r["country"] == geo.home and (r["level"] or 0) >= 1]
    if not home:
        return None
    compared = compare_regions([ecosystem], regions=home).to_dict("records")
    return Section("The regions side by side", render("regions.html.j2", regions=compared,
                                                      indicators=_indicator_rows(ecosystem, home)),
                   landscape=False)


def _indicator_rows(ecosystem: Ecosystem, region_ids: list[str]) -> list[dict[str, Any]]:
    """One row per (indicator, source): the latest year's value in each region."""
    latest: dict[tuple[str, str], dict[str, Any]] = defaultdict(dict)
    for row in ecosystem.rows("indicators"):
        if row["region_id"] not in region_ids or row["value"] is None:
            continue
        key = (row["indicator"], row["source_id"] or "")
        cell = latest[key].get(row["region_id"])
        if cell is None or row["year"] > cell["year"]:
            latest[key][row["region_id"]] = {"year": row["year"], "value": row["value"], "unit": row["unit"]}
    return [{"indicator": indicator, "source": source, "cells": cells,
             "unit": next(iter(cells.values()))["unit"], "years": sorted({c["year"] for c in cells.values()})}
            for (indicator, source), cells in sorted(latest.items())]


#: The dynamics sections, in report order.
DYNAMICS_SECTIONS = (growth_section, regions_section)
