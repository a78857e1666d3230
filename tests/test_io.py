"""Import and export: lossless round trips in every table format; graphs that other tools read."""

import json

import igraph
import networkx as nx
import pytest

from bioregion.ecosystem import Ecosystem
from bioregion.errors import InputFormatError, ValidationError
from bioregion.io import export_ecosystem, read_ecosystem, read_tables, write_template
from bioregion.store import Store


@pytest.mark.parametrize("fmt, name", [("csv", "csvdir"), ("xlsx", "eco.xlsx"), ("json", "eco.json"),
                                       ("parquet", "pqdir")])
def test_export_import_round_trip_is_lossless(tmp_path, ecosystem, fmt, name):
    out = export_ecosystem(ecosystem, tmp_path / name, fmt)
    again = read_ecosystem(out)
    assert again == ecosystem
    with Store.open(tmp_path / "round.db") as store:
        store.import_records(*read_tables(out)[:1])
        assert store.load() == ecosystem


def test_json_export_import_export_is_identical(tmp_path, ecosystem):
    first = export_ecosystem(ecosystem, tmp_path / "a.json", "json")
    with Store.open(tmp_path / "b.db") as store:
        records, origins = read_tables(first)
        store.import_records(records, origins=origins)
        second = export_ecosystem(store.load(), tmp_path / "b.json", "json")
    assert first.read_bytes() == second.read_bytes()


def test_template_is_empty_and_importable(tmp_path):
    for fmt, name in (("csv", "t"), ("xlsx", "t.xlsx"), ("json", "t.json")):
        path = write_template(tmp_path / name, fmt)
        assert read_ecosystem(path).counts() == {t: 0 for t in read_ecosystem(path).counts()}
    header = (tmp_path / "t" / "terms.csv").read_text().splitlines()
    assert header == ["relation_id,component,amount,currency,disclosed"]


def test_csv_errors_name_file_row_and_field(tmp_path, ecosystem):
    folder = export_ecosystem(ecosystem, tmp_path / "csv", "csv")
    text = (folder / "organisations.csv").read_text().replace("big_pharma", "bigpharma", 1)
    (folder / "organisations.csv").write_text(text)
    line = next(i for i, l in enumerate(text.splitlines(), start=1) if "bigpharma" in l)
    with pytest.raises(ValidationError) as info:
        read_ecosystem(folder)
    assert str(info.value).startswith(f"organisations.csv, row {line}, field 'kind': unknown kind 'bigpharma'")


def test_misnamed_file_is_refused(tmp_path, ecosystem):
    folder = export_ecosystem(ecosystem, tmp_path / "csv", "csv")
    (folder / "organisations.csv").rename(folder / "organisation.csv")
    with pytest.raises(InputFormatError, match="did you mean organisations.csv"):
        read_tables(folder)


def test_graphml_is_read_by_networkx_and_igraph(tmp_path, ecosystem):
    path = export_ecosystem(ecosystem, tmp_path / "eco.graphml", "graphml")
    g = nx.read_graphml(path)
    assert g.nodes["galapagos"]["name"] == "Galapagos"
    assert g.nodes["galapagos"]["sphere"] == "I" and g.nodes["vib"]["region"] == "BE2"
    data = [d for _, _, d in g.edges(data=True) if d["relation_id"] == "r1"][0]
    assert (data["type"], data["date"], data["source_role"], data["target_role"]) == \
        ("license", "2015-12-16", "licensor", "licensee")
    ig = igraph.Graph.Read_GraphML(str(path))
    assert ig.vcount() == 5 and ig.ecount() == 4 and "kind" in ig.vs.attributes()


def test_gexf_has_time_intervals(tmp_path, ecosystem):
    path = export_ecosystem(ecosystem, tmp_path / "eco.gexf", "gexf")
    text = path.read_text()
    assert 'mode="dynamic"' in text
    g = nx.read_gexf(path)
    assert g.nodes["galapagos"]["kind"] == "new_biotech_firm"
    edge = [d for _, _, d in g.edges(data=True) if d.get("relation_id") == "r4"][0]
    assert edge["start"] == "2010-01-01" and edge["end"] == "2012-01-01"


def test_json_document_shape(tmp_path, ecosystem):
    path = export_ecosystem(ecosystem, tmp_path / "eco.json", "json")
    document = json.loads(path.read_text())
    assert document["format"] == "bioregion-ecosystem"
    assert document["tables"]["organisations"][0]["aliases"] == []  # abbvie, sorted first
    assert Ecosystem.from_records(document["tables"]) == ecosystem
