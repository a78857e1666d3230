"""The picture of the organisation network: colour by kind, marker by region group.

The layout is igraph's Fruchterman-Reingold force-directed layout on the
simple graph (parallel ties merged into a weight), started from positions drawn
from ``numpy.random.default_rng(seed)`` and run with igraph's random number
generator temporarily bound to ``random.Random(seed)``: the same data and seed
give the same picture. Organisations without any tie are left out of the
picture and counted in the caption.

References
----------
Fruchterman, T. M. J. & Reingold, E. M. (1991). Graph drawing by force-directed
placement. *Software: Practice and Experience* 21(11), 1129-1164.
"""

from __future__ import annotations

import contextlib
import math
import random
from dataclasses import dataclass
from typing import Iterator

from markupsafe import Markup

from ..ecosystem import Ecosystem
from .figures import INK, KIND_COLOURS, label, new_figure, svg, _rc
from .geography import ABROAD, UNKNOWN, Geography

__all__ = ["NetworkPicture", "network_picture", "MARKERS"]

#: Marker per region group, in the order of :meth:`Geography.groups` (home regions first).
MARKERS = ("o", "s", "D", "p", "h", "v", "P", "X")
_ABROAD_MARKER = "^"
_UNKNOWN_MARKER = "x"


@dataclass(frozen=True)
class NetworkPicture:
    """The drawn network and what it leaves out."""

    svg: Markup
    drawn: int
    isolates: int
    ties: int
    labelled: tuple[str, ...]


@contextlib.contextmanager
def _seeded_igraph(seed: int) -> Iterator[None]:
    """Bind igraph's random number generator to a private ``random.Random(seed)``, then restore it."""
    import igraph

    igraph.set_random_number_generator(random.Random(seed))
    try:
        yield
    finally:
        igraph.set_random_number_generator(random)


def _layout(graph, seed: int) -> list[tuple[float, float]]:
    import numpy as np

    start = np.random.default_rng(seed).uniform(-1, 1, size=(graph.vcount(), 2)).tolist()
    with _seeded_igraph(seed):
        layout = graph.layout_fruchterman_reingold(seed=start, weights="weight", niter=600)
    return [tuple(xy) for xy in layout.coords]


def _simple(ecosystem: Ecosystem):
    graph = ecosystem.graph()
    graph.es["weight"] = [1] * graph.ecount()
    graph.simplify(multiple=True, loops=True, combine_edges={"weight": "sum"})
    isolates = [v.index for v in graph.vs if v.degree() == 0]
    graph.delete_vertices(isolates)
    return graph, len(isolates)


def network_picture(ecosystem: Ecosystem, geo: Geography, seed: int = 2017, labels: int = 24,
                    width: float = 7.2, height: float = 6.4) -> NetworkPicture:
    """Draw the organisation network.

    Parameters
    ----------
    ecosystem : Ecosystem
    geo : Geography
        Gives each organisation its region group (marker shape).
    seed : int
        Seed of the layout.
    labels : int
        How many of the best-connected organisations get a name label.
    width, height : float
        Size in inches.
    """
    graph, isolates = _simple(ecosystem)
    figure = new_figure(width, height)
    if graph.vcount() == 0:
        return NetworkPicture(svg(figure, "No ties to draw"), 0, isolates, 0, ())
    coords = _layout(graph, seed)
    groups = [geo.group(name) for name in graph.vs["name"]]
    markers = _markers(geo)
    with _rc():
        axes = figure.add_subplot()
        axes.set_axis_off()
        _draw_edges(axes, graph, coords)
        degree = graph.strength(weights="weight")
        for group in dict.fromkeys(groups):
            _draw_group(axes, graph, coords, degree, [i for i, g in enumerate(groups) if g == group], markers[group])
        labelled = _draw_labels(axes, graph, coords, degree, labels)
        _legends(figure, axes, graph, markers, groups)
    return NetworkPicture(svg(figure, "The organisation network"), graph.vcount(), isolates, graph.ecount(), labelled)


def _markers(geo: Geography) -> dict[str, str]:
    home = [g for g in geo.groups() if g not in (ABROAD, UNKNOWN)]
    out = {group: MARKERS[i % len(MARKERS)] for i, group in enumerate(home)}
    return out | {ABROAD: _ABROAD_MARKER, UNKNOWN: _UNKNOWN_MARKER}


def _size(strength: float) -> float:
    return 14 + 26 * math.sqrt(strength)


def _draw_edges(axes, graph, coords) -> None:
    from matplotlib.collections import LineCollection

    segments = [(coords[e.source], coords[e.target]) for e in graph.es]
    widths = [0.35 + 0.35 * math.log2(w) for w in graph.es["weight"]]
    axes.add_collection(LineCollection(segments, colors="#9aa5b1", linewidths=widths, alpha=0.55, zorder=1))


def _draw_group(axes, graph, coords, degree, members, marker) -> None:
    xs = [coords[i][0] for i in members]
    ys = [coords[i][1] for i in members]
    colours = [KIND_COLOURS.get(graph.vs[i]["kind"], "#999999") for i in members]
    sizes = [_size(degree[i]) for i in members]
    style = {"linewidths": 0.9} if marker == _UNKNOWN_MARKER else {"edgecolors": "white", "linewidths": 0.5}
    axes.scatter(xs, ys, s=sizes, c=colours, marker=marker, zorder=2, **style)


def _draw_labels(axes, graph, coords, degree, count) -> tuple[str, ...]:
    from matplotlib import patheffects

    order = sorted(range(graph.vcount()), key=lambda i: (-degree[i], graph.vs[i]["label"]))[:count]
    halo = [patheffects.withStroke(linewidth=2.2, foreground="white")]
    xs, ys = [x for x, _ in coords], [y for _, y in coords]
    span = (max(xs) - min(xs) or 1.0, max(ys) - min(ys) or 1.0)
    placed: list[tuple[float, float, float]] = []
    shown = []
    for i in order:
        name = graph.vs[i]["label"]
        lift = 5 + math.sqrt(_size(degree[i])) / 2
        for sign in (1, -1):
            spot = (coords[i][0], coords[i][1] + sign * 0.03 * span[1])
            if not any(_overlaps(spot, len(name), other, span) for other in placed):
                axes.annotate(name, coords[i], xytext=(0, sign * lift), textcoords="offset points", ha="center",
                              va="bottom" if sign > 0 else "top", fontsize=6.8, color=INK, zorder=3,
                              path_effects=halo)
                placed.append((*spot, len(name)))
                shown.append(name)
                break
    return tuple(shown)


def _overlaps(spot, length, other, span) -> bool:
    """Whether two centred labels (approximate text boxes) would overlap."""
    half_width = 0.0055 * span[0] * (length + other[2]) / 2
    return abs(spot[0] - other[0]) < half_width and abs(spot[1] - other[1]) < 0.035 * span[1]


def _legends(figure, axes, graph, markers, groups) -> None:
    from matplotlib.lines import Line2D

    kinds = sorted(set(graph.vs["kind"]), key=lambda k: (-graph.vs["kind"].count(k), k))
    kind_handles = [Line2D([], [], marker="o", linestyle="", markersize=6, markerfacecolor=KIND_COLOURS.get(k),
                           markeredgecolor="white", label=f"{label(k)} ({graph.vs['kind'].count(k)})") for k in kinds]
    region_handles = [Line2D([], [], marker=markers[g], linestyle="", markersize=6, color="#555555",
                             label=f"{g} ({groups.count(g)})") for g in dict.fromkeys(markers) if g in groups]
    first = figure.legend(handles=kind_handles, title="organisation kind", loc="outside lower left",
                          ncols=3, frameon=False, fontsize=6.8, title_fontsize=7.2, alignment="left")
    figure.legend(handles=region_handles, title="region", loc="outside lower right", ncols=1, frameon=False,
                  fontsize=6.8, title_fontsize=7.2, alignment="left")
    first.set_in_layout(True)
    axes.margins(0.04)
