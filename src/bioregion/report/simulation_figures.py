"""Charts of simulated scenarios: medians with 90 % bands over replicates, and changes against the baseline.

Every chart is a grid of small panels, one per metric, each with its own
y-axis from zero; in each panel a line per scenario is the median over
replicates and the shaded band the central 90 % of replicates (5th to 95th
percentile), so the spread of outcomes the model gives is visible next to the
typical path. The change chart shows, per outcome, each scenario's difference
from the baseline replicate by replicate, as a percentage of the baseline's
mean. Figures are matplotlib ``Figure`` objects inlined as SVG by
:func:`~bioregion.report.figures.svg`, the same in the HTML, the PDF and the
dashboard.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping, Sequence

import pandas as pd
from markupsafe import Markup

from ..taxonomy import BUSINESS_MODELS
from .figures import ACCENT, INK, MUTED, _rc, label, new_figure, svg

__all__ = ["Panel", "ChartSpec", "chart_specs", "band_chart", "change_chart", "scenario_colours", "metric_label",
           "SCENARIO_COLOURS"]

#: Colours of the scenarios in order: the baseline is the report's accent colour.
SCENARIO_COLOURS = (ACCENT, "#c0504d", "#4f9a3a", "#e69f00", "#7b4f9d", "#2a9d8f", "#8c564b", "#cc79a7")

_LABELS = {
    "firms_alive": "firms alive", "spin_offs": "spin-offs", "failures": "failures",
    "acquisitions": "firms acquired", "ipos": "IPOs", "approvals": "drug approvals", "fipcos": "new FIPCOs",
    "capital_raised": "capital raised", "grants_paid": "public money paid",
    "alliances:license": "licences", "alliances:rd_collaboration": "R&D collaborations",
    "alliances:co_development": "co-developments", "alliances:acquisition": "acquisition deals",
    "alliances:spin_off": "spin-offs", "alliances:venture_round": "venture rounds", "alliances:ipo": "IPOs",
    "alliances:marketing_distribution": "marketing and distribution",
}
_MONEY = ("capital_raised", "grants_paid")


def metric_label(metric: str) -> str:
    """A metric of the series in words: ``alliances:license`` -> ``licences``."""
    if metric in _LABELS:
        return _LABELS[metric]
    return label(metric.split(":")[-1])


@dataclass(frozen=True)
class Panel:
    """One small chart: a metric of the yearly series and its title."""

    metric: str
    title: str


@dataclass(frozen=True)
class ChartSpec:
    """A grid of panels drawn as one figure.

    Attributes
    ----------
    key : str
        A stable name (``firms-by-region``), used for anchors and file names.
    title : str
        What the figure shows (its caption and accessible title).
    unit : str
        The y-axis label shared by the panels.
    panels : tuple of Panel
    """

    key: str
    title: str
    unit: str
    panels: tuple[Panel, ...]


def chart_specs(columns: Sequence[str], regions: Mapping[str, str]) -> list[ChartSpec]:
    """The standard charts for series with these columns.

    Parameters
    ----------
    columns : sequence of str
        Columns of the quarterly series.
    regions : mapping of region id to name
        The simulated regions (firms abroad are left out).
    """
    have = set(columns)
    by_region = [Panel("firms_alive", "all regions")] + [
        Panel(f"firms_alive:{rid}", name) for rid, name in regions.items() if f"firms_alive:{rid}" in have]
    by_model = [Panel(c, label(c.split(":")[1])) for c in columns
                if c.startswith("firms_alive:") and c.split(":")[1] in BUSINESS_MODELS]
    alliances = [Panel(c, metric_label(c)) for c in columns if c.startswith("alliances:")]
    exits = [Panel(c, metric_label(c)) for c in ("spin_offs", "failures", "acquisitions", "ipos", "fipcos",
                                                   "approvals") if c in have]
    money = [Panel(c, metric_label(c)) for c in _MONEY if c in have]
    specs = [
        ChartSpec("firms-by-region", "Biotech firms alive at year end, by region", "firms", tuple(by_region)),
        ChartSpec("firms-by-model", "Firms alive at year end, by business model", "firms", tuple(by_model)),
        ChartSpec("alliances", "Alliances signed per year, by relation type", "per year", tuple(alliances)),
        ChartSpec("exits", "Firm births, failures and exits per year", "per year", tuple(exits)),
        ChartSpec("capital", "Capital raised by firms and public money paid to them per year", "USD million",
                  tuple(money)),
    ]
    return [s for s in specs if s.panels]


def scenario_colours(names: Sequence[str]) -> dict[str, str]:
    """A fixed colour per scenario, the baseline (first) in the accent colour."""
    return {name: SCENARIO_COLOURS[i % len(SCENARIO_COLOURS)] for i, name in enumerate(names)}


def band_chart(bands: pd.DataFrame, spec: ChartSpec, names: Sequence[str], replicates: int,
               width: float = 7.0) -> Markup:
    """Small multiples of medians with 90 % bands, one panel per metric, a line per scenario.

    Parameters
    ----------
    bands : pandas.DataFrame
        Columns ``scenario, metric, year, median, low, high``
        (:meth:`bioregion.simulate.results.Results.bands`).
    spec : ChartSpec
    names : sequence of str
        Scenarios to draw, baseline first.
    replicates : int
        Replicates per scenario, stated in the legend.
    """
    columns = min(4, len(spec.panels)) if len(spec.panels) != 6 else 3
    rows = math.ceil(len(spec.panels) / columns)
    figure = new_figure(width, 0.5 + 1.65 * rows)
    colours = scenario_colours(names)
    scale = 1e-6 if spec.unit == "USD million" else 1.0
    with _rc():
        grid = figure.subplots(rows, columns, squeeze=False)
        for axes, panel in zip(grid.flat, spec.panels):
            data = bands[bands["metric"] == panel.metric]
            for name in reversed(names):  # the baseline drawn last, on top
                _band(axes, data[data["scenario"] == name], colours[name], scale)
            _style(axes, panel.title, integer=scale == 1.0)
        for axes in list(grid.flat)[len(spec.panels):]:
            axes.set_visible(False)
        for axes in grid[:, 0]:
            axes.set_ylabel(spec.unit, color=MUTED)
        _legend(figure, names, colours, replicates)
    return svg(figure, spec.title)


def _band(axes, data: pd.DataFrame, colour: str, scale: float) -> None:
    if data.empty:
        return
    years = data["year"].to_numpy()
    axes.fill_between(years, data["low"] * scale, data["high"] * scale, color=colour, alpha=0.16, linewidth=0)
    axes.plot(years, data["median"] * scale, color=colour, linewidth=1.5)


def _style(axes, title: str, integer: bool) -> None:
    axes.set_title(title, fontsize=8, color=INK, loc="left")
    axes.set_ylim(bottom=0, top=max(axes.get_ylim()[1], 1.0))
    axes.margins(x=0)
    axes.grid(axis="y", color="#e5e5e5", linewidth=0.6)
    axes.set_axisbelow(True)
    axes.tick_params(labelsize=7.5)
    axes.xaxis.get_major_locator().set_params(integer=True, nbins=4)
    axes.yaxis.get_major_locator().set_params(nbins=4, integer=integer)


def _legend(figure, names: Sequence[str], colours: Mapping[str, str], replicates: int) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles = [Line2D([], [], color=colours[n], linewidth=1.5) for n in names]
    labels = [f"{n} (baseline)" if i == 0 and len(names) > 1 else n for i, n in enumerate(names)]
    handles.append(Patch(color=MUTED, alpha=0.25, linewidth=0))
    labels.append(f"90 % of {replicates} replicates; line: median")
    columns = 3 if max(len(text) for text in labels) <= 32 else 2
    figure.legend(handles, labels, loc="outside lower center", ncols=min(len(labels), columns), frameon=False,
                  fontsize=7.5)


def change_chart(differences: pd.DataFrame, names: Sequence[str], title: str, width: float = 7.0) -> Markup | None:
    """Each outcome's change against the baseline, in % of the baseline's mean, median and 90 % interval.

    Parameters
    ----------
    differences : pandas.DataFrame
        :meth:`bioregion.simulate.results.Results.differences`.
    names : sequence of str
        All scenarios, baseline first (for the colours).
    title : str
        The accessible title.

    Returns
    -------
    markupsafe.Markup or None
        ``None`` when no outcome has a baseline to compare with.
    """
    shown = differences.dropna(subset=["change_pct"])
    metrics = list(dict.fromkeys(shown["metric"]))
    if not metrics:
        return None
    others = [n for n in names[1:] if n in set(shown["scenario"])]
    colours = scenario_colours(names)
    figure = new_figure(width, 0.9 + 0.26 * len(metrics) * max(1, len(others) ** 0.5))
    step = 0.7 / max(len(others), 1)
    with _rc():
        axes = figure.add_subplot()
        for j, name in enumerate(others):
            rows = shown[shown["scenario"] == name].set_index("metric")
            for i, metric in enumerate(metrics):
                if metric not in rows.index:
                    continue
                y = len(metrics) - 1 - i + (len(others) - 1) / 2 * step - j * step
                row = rows.loc[metric]
                axes.plot([row["change_pct_low"], row["change_pct_high"]], [y, y], color=colours[name], linewidth=2,
                          alpha=0.45, solid_capstyle="butt")
                axes.plot([row["change_pct"]], [y], "o", color=colours[name], markersize=4.5,
                          label=name if i == 0 else None)
        axes.axvline(0, color=MUTED, linewidth=0.8)
        axes.set_yticks(range(len(metrics)), [metric_label(m) for m in reversed(metrics)])
        axes.tick_params(axis="y", length=0)
        axes.set_xlabel("change against the baseline, % of its mean (dot: median; bar: 90 % of replicates)",
                        color=MUTED)
        axes.grid(axis="x", color="#e5e5e5", linewidth=0.6)
        axes.set_axisbelow(True)
        if len(others) > 1:
            columns = 3 if max(len(name) for name in others) <= 32 else 2
            figure.legend(loc="outside lower center", ncols=min(len(others), columns), frameon=False, fontsize=7.5)
    return svg(figure, title)
