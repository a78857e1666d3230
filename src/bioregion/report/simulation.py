"""Report sections of simulated scenarios, and the simulation report itself.

>>> from bioregion.simulate.results import load_results            # doctest: +SKIP
>>> from bioregion.report.simulation import build_simulation_report  # doctest: +SKIP
>>> build_simulation_report(load_results("runs/cmp"), "out/")       # doctest: +SKIP

The sections read a :class:`~bioregion.simulate.results.Results`: what was
simulated (scenarios, policies, seeds), time series charts (firms alive by
region and business model, alliances by type, births, failures and exits,
capital) with medians and 90 % bands over replicates, and, when there is more
than one scenario, each scenario against the first (the baseline). They form
a report of their own (:func:`build_simulation_report`) or follow the
sections of an ecosystem report (:func:`simulation_builders`).
"""

from __future__ import annotations

import datetime as _dt
import os
from importlib import resources
from typing import Any, Sequence

import pandas as pd

from .._version import __version__
from ..simulate.results import LEVEL, Results
from .section import Section, SectionBuilder, render
from .simulation_figures import ChartSpec, band_chart, change_chart, chart_specs, metric_label, scenario_colours

__all__ = ["simulation_sections", "simulation_builders", "simulation_charts", "render_simulation_html",
           "build_simulation_report", "with_simulation", "money", "interval_text"]

#: Which charts each section shows, in order.
_SECTIONS = (
    ("Simulated firms over time", "simulated-firms", ("firms-by-region", "firms-by-model")),
    ("Simulated alliances over time", "simulated-alliances", ("alliances",)),
    ("Simulated births, failures, exits and capital", "simulated-exits", ("exits", "capital")),
)


def money(value: float | None) -> str:
    """An amount in words: ``2.4e9`` -> ``2.4 bn``, ``1.2e8`` -> ``120 m``.

    Examples
    --------
    >>> money(2.4e9), money(1.2e8), money(0)
    ('2.4 bn', '120 m', '0')
    """
    if not value:
        return "0"
    if abs(value) >= 1e9:
        return f"{value / 1e9:.3g} bn"
    if abs(value) >= 1e6:
        return f"{value / 1e6:.3g} m"
    return f"{value:,.0f}"


def interval_text(mid: float, low: float, high: float, metric: str = "") -> str:
    """``median [low, high]`` with true minus signs; money in USD million.

    Examples
    --------
    >>> interval_text(12.0, -8.5, 15.0)
    '12 [\u22128.5, 15]'
    """
    scale = 1e-6 if metric in ("capital_raised", "grants_paid") else 1.0
    return f"{_short(mid * scale)} [{_short(low * scale)}, {_short(high * scale)}]"


def _short(value: float) -> str:
    if abs(value) >= 100 or float(value).is_integer():
        text = f"{value:,.0f}".replace(",", "\u202f")
    else:
        text = f"{value:.1f}"
    return text.replace("-", "\u2212")


def simulation_charts(results: Results) -> dict[str, tuple[ChartSpec, Any]]:
    """Every standard chart of the results, ``{key: (spec, svg)}``, plus ``changes`` with more than one scenario."""
    bands = results.bands()
    regions = {r.id: r.name for s in results.scenarios for r in s.regions}
    replicates = min(results.replicates.values())
    charts: dict[str, tuple[ChartSpec, Any]] = {}
    for spec in chart_specs(list(results.frame.columns), regions):
        charts[spec.key] = (spec, band_chart(bands, spec, results.names, replicates))
    if len(results.names) > 1:
        spec = ChartSpec("changes", f"Outcomes over the horizon against the baseline {results.baseline}", "%", ())
        chart = change_chart(results.differences(), results.names, spec.title)
        if chart is not None:
            charts["changes"] = (spec, chart)
    return charts


def simulation_sections(results: Results) -> list[Section]:
    """The sections of a simulation: what was run, the charts, and the comparison with the baseline."""
    charts = simulation_charts(results)
    sections = [_overview(results)]
    for title, anchor, keys in _SECTIONS:
        figures = [charts[k] for k in keys if k in charts]
        if figures:
            sections.append(Section(title, render("simulation_charts.html.j2", figures=figures,
                                                  note=_band_note(results)), id=anchor))
    if "changes" in charts:
        sections.append(_changes(results, charts["changes"]))
    return sections


def simulation_builders(results: Results) -> tuple[SectionBuilder, ...]:
    """The simulation sections as builders, to follow the sections of an ecosystem report."""
    sections = simulation_sections(results)
    return tuple((lambda section: lambda ecosystem: section)(s) for s in sections)


def _band_note(results: Results) -> str:
    counts = sorted(set(results.replicates.values()))
    replicates = " to ".join(map(str, counts))
    return (f"Lines are medians over {replicates} replicates; bands hold the central {LEVEL:.0%} of replicates "
            "(5th to 95th percentile). Flows are summed over each year, firms counted at year end.")


def _overview(results: Results) -> Section:
    colours = scenario_colours(results.names)
    years = results.frame.groupby("scenario")["year"].agg(["min", "max"])
    scenarios = [{"name": s.name, "description": s.description, "first": int(years.loc[s.name, "min"]),
                  "last": int(years.loc[s.name, "max"]), "regions": ", ".join(r.name for r in s.regions),
                  "replicates": results.replicates[s.name], "seed": seed, "origin": origin, "colour": colours[s.name]}
                 for s, seed, origin in zip(results.scenarios, results.seeds, results.origins)]
    outcomes = results.outcome_intervals()
    table = [{"metric": metric_label(metric) + (" (USD m)" if metric in ("capital_raised", "grants_paid") else ""),
              "cells": [interval_text(r["median"], r["low"], r["high"], metric)
                        for r in group.to_dict("records")]}
             for metric, group in outcomes.groupby("metric", sort=False)]
    html = render("simulation_overview.html.j2", scenarios=scenarios, policies=_policy_rows(results),
                  names=results.names, outcomes=table, level=LEVEL, paired=results.common_random_numbers)
    return Section("Simulated scenarios", html, id="simulation")


def _policy_rows(results: Results) -> list[dict[str, Any]]:
    """One row per policy id: instrument, regions and each scenario's window and budget."""
    rows: dict[str, dict[str, Any]] = {}
    for index, scenario in enumerate(results.scenarios):
        for policy in scenario.policies:
            row = rows.setdefault(policy.id, {"id": policy.id, "instrument": policy.instrument,
                                              "regions": ", ".join(policy.regions), "cells": [None] * len(results.names)})
            row["cells"][index] = _policy_cell(policy)
    for row in rows.values():
        row["changed"] = [c != row["cells"][0] for c in row["cells"]]
    return list(rows.values())


def _policy_cell(policy: Any) -> str:
    amount = f"rate {policy.rate:.0%}" if policy.instrument == "tax" else f"{money(policy.budget)} USD"
    if policy.instrument == "programme":
        amount += f", distances \u00d7{policy.distance_factor:g}"
    return f"{policy.start}\u2013{policy.end}, {amount}"


def _changes(results: Results, chart: tuple[ChartSpec, Any]) -> Section:
    rows = []
    for row in results.differences().to_dict("records"):
        pct = None if pd.isna(row["change_pct"]) else row["change_pct"]
        rows.append({"scenario": row["scenario"], "metric": metric_label(row["metric"]),
                     "baseline": interval_text(row["baseline"], row["baseline_low"], row["baseline_high"], row["metric"]),
                     "value": interval_text(row["median"], row["low"], row["high"], row["metric"]),
                     "change": interval_text(row["change"], row["change_low"], row["change_high"], row["metric"]),
                     "pct": None if pct is None else f"{pct:+.0f} %".replace("-", "\u2212"), "pairs": row["pairs"]})
    html = render("simulation_changes.html.j2", chart=chart, rows=rows, baseline=results.baseline, level=LEVEL,
                  paired=results.common_random_numbers)
    return Section("Scenarios against the baseline", html, id="simulated-changes")


def render_simulation_html(results: Results, title: str | None = None) -> str:
    """The simulation report as one self-contained HTML document (inline CSS and SVG, no scripts)."""
    css = resources.files(__package__).joinpath("templates", "report.css").read_text(encoding="utf-8")
    names = results.names
    default = f"Simulated bioRegion: {names[0]}" if len(names) == 1 else f"Scenarios against {names[0]}"
    sections = simulation_sections(results)
    return str(render("simulation_report.html.j2", title=title or default, sections=sections, css=css,
                      names=names, replicates=sorted(set(results.replicates.values())),
                      seeds=sorted(set(results.seeds)), version=__version__,
                      built=_dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d")))


def build_simulation_report(results: Results, out_dir: str | os.PathLike[str], pdf: bool = True,
                            title: str | None = None):
    """Write ``out_dir/report.html`` and (unless ``pdf=False``) ``out_dir/report.pdf`` of simulation results.

    Returns
    -------
    ReportPaths
    """
    from .document import write_report

    return write_report(lambda: render_simulation_html(results, title), out_dir, pdf)



def with_simulation(sections: Sequence[SectionBuilder], results: Results) -> tuple[SectionBuilder, ...]:
    """An ecosystem report's builders with the simulation sections inserted before its sources section."""
    from .provenance import sources_section

    sections = tuple(sections)
    at = sections.index(sources_section) if sources_section in sections else len(sections)
    return sections[:at] + simulation_builders(results) + sections[at:]
