"""``bioregion metrics`` through the command line, against NetworkX."""

from __future__ import annotations

import json
import math

import networkx as nx
import pytest
from click.testing import CliRunner

from bioregion.cli import main

FUNCTIONS = {
    "betweenness": nx.betweenness_centrality, "closeness": nx.closeness_centrality,
    "eigenvector": nx.eigenvector_centrality, "pagerank": nx.pagerank,
    "core_number": nx.core_number, "clustering": nx.clustering, "constraint": nx.constraint,
}


def reference(G: nx.Graph) -> dict:
    G = nx.Graph(G)
    G.remove_edges_from(list(nx.selfloop_edges(G)))
    values = {k: f(G) for k, f in FUNCTIONS.items()}
    values["degree"] = dict(G.degree())
    return values


def run(path, *args):
    result = CliRunner().invoke(main, ["metrics", str(path), *args])
    return result


def check(out: dict, G: nx.Graph) -> None:
    expected = reference(G)
    assert set(out["nodes"]) == {str(v) for v in G}
    for metric, values in expected.items():
        tol = 1e-4 if metric in ("eigenvector", "pagerank") else 1e-6
        for node, value in values.items():
            got = out["nodes"][str(node)][metric]
            if isinstance(value, float) and math.isnan(value):
                assert got is None
            else:
                assert got == pytest.approx(value, abs=tol)


@pytest.mark.parametrize("G", [nx.florentine_families_graph(), nx.krackhardt_kite_graph(),
                               nx.gnm_random_graph(50, 45, seed=3)])
def test_graphml_matches_networkx(tmp_path, G):
    G = nx.relabel_nodes(G, {v: str(v) for v in G})
    G.add_node("lonely")
    path = tmp_path / "g.graphml"
    nx.write_graphml(G, path)
    result = run(path, "--format", "json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    check(out, G)
    assert out["graph"]["nodes"] == G.number_of_nodes()
    assert out["graph"]["components"] == nx.number_connected_components(G)


def test_edge_list_with_multi_edges_and_loops(tmp_path):
    rows = ["source,target", "a,b", "b,a", "b,c", "c,c", "c,d", "d,a", "e,f"]
    path = tmp_path / "edges.csv"
    path.write_text("\n".join(rows) + "\n")
    out = json.loads(run(path).output)
    G = nx.Graph([r.split(",") for r in rows[1:]])
    check(out, G)
    assert out["graph"]["edges"] == 5


def test_gexf_and_csv_output(tmp_path):
    G = nx.relabel_nodes(nx.krackhardt_kite_graph(), str)
    path = tmp_path / "kite.gexf"
    nx.write_gexf(G, path)
    check(json.loads(run(path).output), G)
    csv = run(path, "--format", "csv").output.splitlines()
    assert csv[0] == "id,degree,betweenness,closeness,eigenvector,pagerank,core_number,clustering,constraint"
    assert len(csv) == 11


def test_approx_betweenness_is_reported(tmp_path):
    G = nx.relabel_nodes(nx.gnm_random_graph(60, 150, seed=2), str)
    path = tmp_path / "g.graphml"
    nx.write_graphml(G, path)
    out = json.loads(run(path, "--approx-betweenness", "20", "--seed", "4").output)
    assert out["graph"]["approx"]["betweenness"] == {"pivots": 20, "seed": 4}
    exact = nx.betweenness_centrality(G)
    assert sum(v["betweenness"] for v in out["nodes"].values()) == pytest.approx(sum(exact.values()), rel=0.3)


def test_bad_files_give_one_line_errors(tmp_path):
    bad = tmp_path / "bad.graphml"
    bad.write_text("<graphml><oops")
    result = run(bad)
    assert result.exit_code == 1 and "bad.graphml" in result.output
    assert len(result.output.strip().splitlines()) == 1
    weights = tmp_path / "w.csv"
    weights.write_text("a,b,heavy\n")
    result = run(weights)
    assert result.exit_code == 1 and "weight column must be numeric" in result.output
    assert run(tmp_path / "missing.csv").exit_code == 1
