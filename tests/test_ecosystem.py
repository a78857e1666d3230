"""The in-memory ecosystem: DataFrames and the organisation network."""

import networkx as nx


def test_dataframes_have_schema_columns(ecosystem):
    orgs = ecosystem.organisations
    assert list(orgs.columns)[:4] == ["id", "name", "aliases", "kind"]
    assert len(orgs) == 5
    assert ecosystem.parties.shape == (8, 3)


def test_graph_has_roles_types_and_dates(ecosystem):
    g = ecosystem.graph()
    assert g.vcount() == 5 and g.ecount() == 4
    lic = g.es.find(relation_id="r1")
    assert (lic["type"], lic["date"], lic["year"]) == ("license", "2015-12-16", 2015)
    assert (g.vs[lic.source]["name"], lic["source_role"]) == ("galapagos", "licensor")
    assert (g.vs[lic.target]["name"], lic["target_role"]) == ("gilead", "licensee")
    assert g.vs.find(name="vib")["sphere"] == "U"


def test_graph_year_window_and_types(ecosystem):
    assert sorted(ecosystem.graph(year=2011).es["relation_id"]) == ["r2", "r4"]
    assert ecosystem.graph(year=2011, window=5).es["relation_id"] == ["r4"]
    assert ecosystem.graph(year=2013).es["relation_id"] == ["r2"]  # r4 ended in 2012
    assert ecosystem.graph(types=["license"]).es["relation_id"] == ["r1"]


def test_to_networkx_keeps_multi_edges_and_attributes(ecosystem):
    g = ecosystem.to_networkx()
    assert isinstance(g, nx.MultiGraph)
    assert g.number_of_edges("galapagos", "abbvie") == 1
    assert g.nodes["gilead"]["kind"] == "big_pharma"
    assert g.edges["galapagos", "gilead", "r1"]["source_role"] == "licensor"
