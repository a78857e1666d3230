"""Gould & Fernandez brokerage and tie geography on a hand-checked example."""

from __future__ import annotations

import igraph as ig
import pytest

from bioregion.analysis import brokerage_roles, interregional_matrix, tie_geography

# Groups: A = BE2 (Flanders, BE): a1 a2 a3 a4; B = BE3 (Wallonia, BE): b1 b2; C = US-MA (US): c1.
NODES = [("a1", "BE2", "BE"), ("a2", "BE2", "BE"), ("a3", "BE2", "BE"), ("a4", "BE2", "BE"),
         ("b1", "BE3", "BE"), ("b2", "BE3", "BE"), ("c1", "US-MA", "US")]
# a2-b1 appears twice (two alliances between the same pair)
EDGES = [("a1", "a2"), ("a2", "a3"), ("a1", "a3"), ("a2", "a4"), ("a2", "b1"), ("a2", "b1"),
         ("b1", "c1"), ("c1", "b2")]


@pytest.fixture
def graph() -> ig.Graph:
    g = ig.Graph.TupleList(EDGES, directed=False)
    attributes = {name: (region, country) for name, region, country in NODES}
    g.vs["region"] = [attributes[v][0] for v in g.vs["name"]]
    g.vs["country"] = [attributes[v][1] for v in g.vs["name"]]
    return g


def test_roles_counted_by_hand(graph):
    roles = brokerage_roles(graph)
    # a2 (A) has neighbours a1, a3, a4 (A) and b1 (B); a1-a3 are tied, so closed.
    #   open pairs {a1,a4}, {a3,a4}: all A -> coordinator, 2 directions each = 4
    #   open pairs {a1,b1}, {a3,b1}, {a4,b1}: i->a2->b1 representative, b1->a2->i gatekeeper = 3 + 3
    assert roles.loc["a2", ["coordinator", "itinerant", "representative", "gatekeeper", "liaison"]].tolist() == [4, 0, 3, 3, 0]
    # b1 (B) between a2 (A) and c1 (C), untied: three groups -> liaison, both directions = 2
    assert roles.loc["b1", "liaison"] == 2 and roles.loc["b1", "total"] == 2
    # c1 (C) between b1 and b2 (both B), untied -> itinerant, both directions = 2
    assert roles.loc["c1", "itinerant"] == 2 and roles.loc["c1", "total"] == 2
    # a1 and a3 only have tied neighbours; a4, b2 have one neighbour
    assert roles.loc[["a1", "a3", "a4", "b2"], "total"].tolist() == [0, 0, 0, 0]


def test_expected_values_under_random_groups(graph):
    roles = brokerage_roles(graph)
    # N = 7 nodes, group sizes A 4, B 2, C 1; ordered pairs of other nodes: 6 * 5 = 30.
    # a2 (n_g = 4, total 10): coordinator 3*2/30, itinerant (2*1 + 1*0)/30,
    #   representative = gatekeeper 3*3/30, liaison (3^2 - (2^2 + 1^2))/30
    a2 = roles.loc["a2"]
    assert a2["coordinator_expected"] == pytest.approx(10 * 6 / 30)
    assert a2["itinerant_expected"] == pytest.approx(10 * 2 / 30)
    assert a2["representative_expected"] == pytest.approx(10 * 9 / 30)
    assert a2["liaison_expected"] == pytest.approx(10 * 4 / 30)
    assert a2["coordinator_ratio"] == pytest.approx(4 / 2)
    # b1 (n_g = 2, total 2): liaison (5^2 - (4^2 + 1^2))/30 = 8/30
    assert roles.loc["b1", "liaison_ratio"] == pytest.approx(2 / (2 * 8 / 30))


def test_tie_geography_local_buzz_global_pipelines(graph):
    table = tie_geography(graph)
    # BE2 tie ends: 4 internal ties seen from both ends = 8, a2-b1 twice to Wallonia
    assert table.loc["BE2", ["ties", "inside", "rest_of_country", "abroad"]].tolist() == [10, 8, 2, 0]
    # BE3: b1-a2 twice (rest of Belgium), b1-c1 and b2-c1 abroad
    assert table.loc["BE3", ["inside", "rest_of_country", "abroad"]].tolist() == [0, 2, 2]
    assert table.loc["BE2", "inside_share"] == pytest.approx(0.8)


def test_interregional_matrix(graph):
    matrix = interregional_matrix(graph)
    assert matrix.loc["Flanders", "Flanders"] == 4
    assert matrix.loc["Flanders", "Wallonia"] == matrix.loc["Wallonia", "Flanders"] == 2
    assert matrix.loc["Wallonia", "abroad"] == 2
    assert matrix.loc["Brussels"].sum() == 0


def test_missing_group_attribute_is_a_one_line_error(graph):
    from bioregion.errors import ValidationError

    with pytest.raises(ValidationError, match="no vertex attribute 'sector'"):
        brokerage_roles(graph, group="sector")


def test_region_rollup_maps_subregions_to_their_level():
    import pandas as pd

    from bioregion.analysis.brokerage import region_rollup

    regions = pd.DataFrame({"id": ["BE", "BE2", "BE21", "BE211"], "parent_id": [None, "BE", "BE2", "BE21"],
                            "level": [0, 1, 2, 3]})
    assert region_rollup(regions) == {"BE": "BE", "BE2": "BE2", "BE21": "BE2", "BE211": "BE2"}
