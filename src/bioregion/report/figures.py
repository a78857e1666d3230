"""Charts for the report, drawn with matplotlib and inlined as SVG.

Figures are built on :class:`matplotlib.figure.Figure` objects (no pyplot, no
global state) and serialised to SVG inside an ``rc_context``: text stays text
(small, selectable), mathtext is off (a ``$`` in an organisation name is just a
dollar sign), and ids are salted with a fixed string so the same data give the
same bytes. Matplotlib escapes the text it writes, so names from scraped
documents cannot inject markup.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Mapping, Sequence

from markupsafe import Markup

from ..taxonomy import ORGANISATION_KINDS, RELATION_TYPES

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

__all__ = ["KIND_COLOURS", "TYPE_COLOURS", "new_figure", "svg", "svg_document", "bar_chart", "stacked_bars",
           "label"]

_PALETTE = (
    "#1f4e79", "#c0504d", "#4f9a3a", "#e69f00", "#7b4f9d", "#2a9d8f", "#d4a017", "#8c564b",
    "#56b4e9", "#cc79a7", "#6b8e23", "#b22222", "#4682b4", "#9e9e9e", "#ff7f0e", "#17becf",
    "#8b008b", "#556b2f", "#a0522d", "#708090", "#20b2aa", "#bc8f8f", "#483d8b", "#c7c7c7",
)
#: A fixed colour per organisation kind, the same in every figure and report.
KIND_COLOURS: Mapping[str, str] = {kind: _PALETTE[i % len(_PALETTE)] for i, kind in enumerate(ORGANISATION_KINDS)}
#: A fixed colour per relation type.
TYPE_COLOURS: Mapping[str, str] = {name: _PALETTE[i % len(_PALETTE)] for i, name in enumerate(RELATION_TYPES)}

INK = "#222222"
MUTED = "#6b6b6b"
ACCENT = "#1f4e79"
_RC = {
    "svg.fonttype": "none",
    "svg.hashsalt": "bioregion-report",
    "text.parse_math": False,
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Liberation Sans", "Arial"],
    "font.size": 8.5,
    "axes.edgecolor": "#999999",
    "axes.labelcolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def label(name: str) -> str:
    """A taxonomy name as words: ``new_biotech_firm`` -> ``new biotech firm``."""
    return name.replace("_", " ")


def new_figure(width: float, height: float) -> "Figure":
    """A figure of ``width`` x ``height`` inches, not attached to any pyplot state."""
    from matplotlib.figure import Figure

    with _rc():
        return Figure(figsize=(width, height), layout="constrained")


def svg(figure: "Figure", title: str) -> Markup:
    """The figure as an inline ``<svg>`` element with an accessible title.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
    title : str
        Read by screen readers; escaped.
    """
    buffer = io.StringIO()
    with _rc():
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    text = buffer.getvalue()
    text = text[text.index("<svg"):]
    text = re.sub(r'\swidth="([\d.]+)pt"\s+height="([\d.]+)pt"', _fluid, text, count=1)
    title_tag = f"<title>{Markup.escape(title)}</title>"
    text = re.sub(r"(<svg[^>]*>)", lambda m: m.group(1) + title_tag, text, count=1)
    return Markup(text)


def svg_document(figure_svg: str) -> str:
    """An inline figure of :func:`svg` as a standalone SVG file (for ``<img src>``), sized from its viewBox.

    Examples
    --------
    >>> svg_document('<svg width="72pt" style="max-width:100%" role="img" viewBox="0 0 72 36"></svg>')[:75]
    '<?xml version="1.0" encoding="utf-8"?>\n<svg width="72pt" height="36pt" viewBox'
    """
    width, height = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', figure_svg).groups()
    text = re.sub(r'<svg[^>]*?\swidth="[\d.]+pt" style="max-width:100%" role="img"',
                  lambda m: m.group(0).split(" width=")[0] + f' width="{width}pt" height="{height}pt"',
                  figure_svg, count=1)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + text


def _fluid(match: re.Match[str]) -> str:
    # No height: browsers and WeasyPrint take it from the viewBox's aspect ratio. WeasyPrint (70) lays an svg
    # with ``height: auto`` out in a square box, the figure floating in blank space.
    width, _ = match.groups()
    return f' width="{width}pt" style="max-width:100%" role="img"'


def _rc():
    import matplotlib

    return matplotlib.rc_context(_RC)


def bar_chart(counts: Mapping[str, int], title: str, colours: Mapping[str, str] | None = None,
              width: float = 3.4) -> Markup:
    """A horizontal bar chart of counts, largest first, each bar labelled with its value."""
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    height = 0.6 + 0.22 * max(len(items), 1)
    figure = new_figure(width, height)
    with _rc():
        axes = figure.add_subplot()
        names = [label(k) for k, _ in reversed(items)]
        values = [v for _, v in reversed(items)]
        colour = [(colours or {}).get(k, ACCENT) for k, _ in reversed(items)]
        bars = axes.barh(names, values, color=colour, height=0.7)
        axes.bar_label(bars, padding=2, fontsize=7.5, color=INK)
        axes.set_xlim(0, max(values or [1]) * 1.15)
        axes.xaxis.set_visible(False)
        axes.spines["bottom"].set_visible(False)
        axes.tick_params(axis="y", length=0)
    return svg(figure, title)


def stacked_bars(years: Sequence[int], series: Mapping[str, Sequence[int]], title: str,
                 colours: Mapping[str, str] | None = None, width: float = 7.0, height: float = 3.0) -> Markup:
    """Bars per year stacked by series (e.g. relation type), with a legend below."""
    figure = new_figure(width, height)
    with _rc():
        axes = figure.add_subplot()
        bottom = [0] * len(years)
        for name, values in series.items():
            axes.bar(years, values, bottom=bottom, label=label(name), width=0.8,
                     color=(colours or {}).get(name, ACCENT), linewidth=0)
            bottom = [b + v for b, v in zip(bottom, values)]
        axes.set_ylabel("relations announced")
        axes.yaxis.get_major_locator().set_params(integer=True)
        if years:
            axes.set_xlim(min(years) - 0.7, max(years) + 0.7)
        axes.xaxis.get_major_locator().set_params(integer=True)
        axes.grid(axis="y", color="#e5e5e5", linewidth=0.6)
        axes.set_axisbelow(True)
        figure.legend(loc="outside lower center", ncols=min(4, max(len(series), 1)), frameon=False, fontsize=7.5)
    return svg(figure, title)
