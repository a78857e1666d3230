"""Brokerage roles and the geography of ties: who bridges which regions.

Gould & Fernandez (1989) classify every two-path ``i -> j -> k`` with ``i``
and ``k`` not tied by the groups of the three nodes; the broker is ``j``:

================  ==========================  ===========================
role              groups                      reading
================  ==========================  ===========================
coordinator       i, j, k in one group        brokers inside its group
itinerant         i, k in one group, j not    outside consultant
representative    i with j, k elsewhere       speaks for its group outward
gatekeeper        j with k, i elsewhere       controls access to its group
liaison           all three groups differ     links two other groups
================  ==========================  ===========================

**Orientation.** Alliance ties are undirected. Each tie is counted in both
directions, as UCINET does for symmetric data, so an open path ``i - j - k``
yields the two two-paths ``i->j->k`` and ``k->j->i``: coordinator, itinerant
and liaison counts are even, and representative equals gatekeeper for each
broker. Computed on the simple graph; nodes without a group form the group
``"unknown"``.
"""

from __future__ import annotations

import igraph as ig
import numpy as np
import pandas as pd

from ..errors import ValidationError
from ._csr import edge_array, to_csr
from .network import node_names, simple_graph

__all__ = ["ROLES", "brokerage_roles", "tie_geography", "interregional_matrix", "region_rollup"]

ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")


def _groups(graph: ig.Graph, attribute: str) -> tuple[np.ndarray, np.ndarray]:
    if attribute not in graph.vs.attributes():
        raise ValidationError(f"the graph has no vertex attribute '{attribute}' to group nodes by")
    labels = ["unknown" if v in (None, "") else str(v) for v in graph.vs[attribute]]
    codes, names = pd.factorize(pd.Series(labels, dtype=object))
    return codes.astype(np.int64), np.asarray(names)


def brokerage_roles(graph: ig.Graph, group: str = "region") -> pd.DataFrame:
    """Gould & Fernandez brokerage counts per node, raw and against expectation.

    Parameters
    ----------
    graph : igraph.Graph
        Undirected ecosystem graph; made simple first.
    group : str
        Vertex attribute holding the group (region by default).

    Returns
    -------
    DataFrame
        Index node id; columns ``group``, the five raw role counts, ``total``,
        ``<role>_expected`` (expected count under random assignment of the
        group labels with the observed group sizes, given the node's total
        brokerage) and ``<role>_ratio`` (raw / expected, NaN when expected is 0).

    References
    ----------
    .. [1] Gould, R. V., & Fernandez, R. M. (1989). Structures of mediation: a
       formal approach to brokerage in transaction networks. *Sociological
       Methodology*, 19, 89-126.
    """
    simple = simple_graph(graph)
    codes, names = _groups(simple, group)
    counts = _role_counts(simple, codes, names.size)
    table = pd.DataFrame(counts, columns=list(ROLES), index=pd.Index(node_names(simple), name="id"))
    table.insert(0, "group", names[codes] if codes.size else [])
    table["total"] = counts.sum(axis=1)
    expected = table["total"].to_numpy()[:, None] * _role_probabilities(codes, names.size)
    for i, role in enumerate(ROLES):
        table[f"{role}_expected"] = expected[:, i]
        with np.errstate(divide="ignore", invalid="ignore"):
            table[f"{role}_ratio"] = np.where(expected[:, i] > 0, counts[:, i] / expected[:, i], np.nan)
    return table


def _role_counts(simple: ig.Graph, codes: np.ndarray, q: int) -> np.ndarray:
    """Ordered open two-paths per broker and role: all neighbour pairs minus closed ones."""
    n = simple.vcount()
    csr = to_csr(simple)
    per_group = np.bincount(csr.sources * q + codes[csr.indices], minlength=n * q).reshape(n, q)
    own = per_group[np.arange(n), codes].astype(float)
    other = csr.degree - own
    pairs_other = (per_group * (per_group - 1)).sum(axis=1) - own * (own - 1)
    square_other = (per_group.astype(float) ** 2).sum(axis=1) - own**2
    counts = np.stack([own * (own - 1), pairs_other, own * other, other * own,
                       other**2 - square_other], axis=1)
    return counts - _closed_counts(simple, codes, n)


def _closed_counts(simple: ig.Graph, codes: np.ndarray, n: int) -> np.ndarray:
    """Ordered neighbour pairs of each broker that are tied themselves (triangles)."""
    closed = np.zeros((n, len(ROLES)))
    triangles = np.asarray(simple.list_triangles(), np.int64).reshape(-1, 3)
    for b, i, k in ((0, 1, 2), (1, 0, 2), (2, 0, 1)):
        broker, gi, gk = triangles[:, b], codes[triangles[:, i]], codes[triangles[:, k]]
        gb = codes[broker]
        same_i, same_k = gi == gb, gk == gb
        role = np.select(
            [same_i & same_k, ~same_i & ~same_k & (gi == gk), same_i ^ same_k],
            [0, 1, 2], default=4)
        one_side = role == 2
        np.add.at(closed, (broker[~one_side], role[~one_side]), 2.0)
        np.add.at(closed, (broker[one_side], 2), 1.0)
        np.add.at(closed, (broker[one_side], 3), 1.0)
    return closed


def _role_probabilities(codes: np.ndarray, q: int) -> np.ndarray:
    """Chance that a random ordered pair of other nodes makes each role (G&F 1989).

    The endpoints are drawn without replacement from the ``N - 1`` other
    nodes; ``n_g`` is the size of the broker's group.
    """
    big_n = codes.size
    if big_n < 3:
        return np.zeros((big_n, len(ROLES)))
    sizes = np.bincount(codes, minlength=q).astype(float)
    n_g = sizes[codes]
    pairs = (big_n - 1.0) * (big_n - 2.0)
    others_same = (sizes * (sizes - 1)).sum() - n_g * (n_g - 1)
    others_cross = (big_n - n_g) ** 2 - ((sizes**2).sum() - n_g**2)
    return np.stack([(n_g - 1) * (n_g - 2), others_same, (n_g - 1) * (big_n - n_g),
                     (big_n - n_g) * (n_g - 1), others_cross], axis=1) / pairs


def region_rollup(regions: pd.DataFrame, level: int = 1) -> dict[str, str]:
    """Map every region of the ``regions`` table to its ancestor at ``level``.

    Regions at or above ``level`` (e.g. countries, level 0) map to themselves;
    a NUTS2 code maps to its NUTS1 parent with ``level=1``.
    """
    parent = dict(zip(regions["id"], regions["parent_id"]))
    depth = dict(zip(regions["id"], regions["level"]))
    rollup = {}
    for region in parent:  # one row per region, not per tie
        current = region
        while depth.get(current, 0) > level and isinstance(parent.get(current), str):
            current = parent[current]
        rollup[region] = current
    return rollup


def _ties(graph: ig.Graph, group: str, country: str, region_map: dict | None) -> pd.DataFrame:
    """One row per tie end: the focal node's region and country, the partner's."""
    for attribute in (group, country):
        if attribute not in graph.vs.attributes():
            raise ValidationError(f"the graph has no vertex attribute '{attribute}'")
    region = pd.Series(graph.vs[group], dtype=object).fillna("unknown")
    if region_map:
        region = region.map(lambda r: region_map.get(r, r))
    nation = pd.Series(graph.vs[country], dtype=object).fillna("unknown")
    edges = edge_array(graph)
    edges = edges[edges[:, 0] != edges[:, 1]]
    ends = np.concatenate([edges, edges[:, ::-1]])
    return pd.DataFrame({
        "region": region.to_numpy()[ends[:, 0]], "country": nation.to_numpy()[ends[:, 0]],
        "partner_region": region.to_numpy()[ends[:, 1]],
        "partner_country": nation.to_numpy()[ends[:, 1]],
    })


def tie_geography(
    graph: ig.Graph, group: str = "region", country: str = "country",
    region_map: dict[str, str] | None = None,
) -> pd.DataFrame:
    """Per region, the share of ties inside it, to the rest of its country, and abroad.

    Every relation pair (edge of the multigraph) is a tie; loops are ignored.
    ``region_map`` rolls sub-regions up to the region level (e.g. a NUTS2
    code to its NUTS1 parent, from the ``regions`` table's ``parent_id``).

    References
    ----------
    .. [1] Bathelt, H., Malmberg, A., & Maskell, P. (2004). Clusters and
       knowledge: local buzz, global pipelines and the process of knowledge
       creation. *Progress in Human Geography*, 28(1), 31-56.
    """
    ties = _ties(graph, group, country, region_map)
    scope = np.where(ties["region"] == ties["partner_region"], "inside",
                     np.where(ties["country"] == ties["partner_country"], "rest_of_country", "abroad"))
    table = pd.crosstab(ties["region"], scope).reindex(
        columns=["inside", "rest_of_country", "abroad"], fill_value=0)
    table.insert(0, "ties", table.sum(axis=1))
    for column in ("inside", "rest_of_country", "abroad"):
        table[f"{column}_share"] = table[column] / table["ties"]
    return table


def interregional_matrix(
    graph: ig.Graph, regions: dict[str, str] | None = None, home: str = "BE",
    group: str = "region", country: str = "country", region_map: dict[str, str] | None = None,
) -> pd.DataFrame:
    """Ties between regions of the home country and abroad (symmetric; diagonal = inside).

    ``regions`` maps region ids to labels, by default Flanders ``BE2``,
    Wallonia ``BE3`` and Brussels ``BE1``; home-country nodes of other
    regions go to ``"other <home>"`` and foreign nodes to ``"abroad"``.
    """
    regions = regions or {"BE2": "Flanders", "BE3": "Wallonia", "BE1": "Brussels"}
    ties = _ties(graph, group, country, region_map)

    def label(region: pd.Series, nation: pd.Series) -> pd.Series:
        named = region.map(regions)
        return named.where(named.notna(), np.where(nation == home, f"other {home}", "abroad"))

    a, b = label(ties["region"], ties["country"]), label(ties["partner_region"], ties["partner_country"])
    order = list(regions.values()) + [f"other {home}", "abroad"]
    matrix = pd.crosstab(a, b).reindex(index=order, columns=order, fill_value=0)
    diagonal = np.diag(matrix.to_numpy()) // 2
    values = matrix.to_numpy().copy()
    np.fill_diagonal(values, diagonal)
    return pd.DataFrame(values, index=order, columns=order)
