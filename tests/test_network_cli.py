"""``bioregion analyze network`` and ``analyze brokerage`` on the embedded Belgian dataset."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from click.testing import CliRunner

from bioregion.cli import main

ecosystem = pytest.importorskip("bioregion.ecosystem")


def invoke(*args):
    result = CliRunner().invoke(main, ["analyze", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_analyze_network_matches_networkx_on_belgium():
    out = json.loads(invoke("network", "--dataset", "belgium-2016", "--format", "json"))
    G = nx.Graph(ecosystem.Ecosystem.from_dataset("belgium-2016").to_networkx())
    G.remove_edges_from(list(nx.selfloop_edges(G)))
    assert out["graph"]["nodes"] == G.number_of_nodes()
    assert out["graph"]["edges"] == G.number_of_edges()
    between = nx.betweenness_centrality(G)
    for node, value in between.items():
        assert out["nodes"][node]["betweenness"] == pytest.approx(value, abs=1e-6)


def test_analyze_brokerage_tables():
    out = json.loads(invoke("brokerage", "--dataset", "belgium-2016", "--format", "json"))
    assert set(out) == {"roles", "geography", "interregional"}
    flanders = next(r for r in out["geography"] if r["region"] == "BE2")
    assert flanders["inside"] + flanders["rest_of_country"] + flanders["abroad"] == flanders["ties"]
    matrix = {r["from"]: r for r in out["interregional"]}
    assert matrix["Flanders"]["Wallonia"] == matrix["Wallonia"]["Flanders"]
    for row in out["roles"]:
        assert row["representative"] == row["gatekeeper"]


def test_analyze_needs_one_source():
    result = CliRunner().invoke(main, ["analyze", "network"])
    assert result.exit_code == 2
