"""The data commands end to end: exit codes, one-line errors, stdout formats."""

import json

import pytest
from click.testing import CliRunner

from bioregion.cli import main
from bioregion.io import export_ecosystem


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result


def test_template_import_export_cycle(tmp_path, ecosystem):
    assert run("template", "--out", tmp_path / "tpl").exit_code == 0
    assert (tmp_path / "tpl" / "organisations.csv").exists()
    source = export_ecosystem(ecosystem, tmp_path / "src", "csv")
    result = run("import", source, "--db", tmp_path / "eco.db", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["added"] == sum(ecosystem.counts().values())
    result = run("export", "--db", tmp_path / "eco.db", "--format", "json", "--out", tmp_path / "eco.json")
    assert result.exit_code == 0
    assert json.loads((tmp_path / "eco.json").read_text())["tables"]["relations"][0]["id"] == "r1"


def test_bad_import_is_one_line_exit_1_and_store_untouched(tmp_path, ecosystem):
    source = export_ecosystem(ecosystem, tmp_path / "src", "csv")
    db = tmp_path / "eco.db"
    assert run("import", source, "--db", db).exit_code == 0
    before = db.read_bytes()
    path = source / "terms.csv"
    path.write_text(path.read_text().replace("USD", "XYZ", 1))
    result = run("import", source, "--db", db)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output
    assert result.stderr.startswith("error: terms.csv, row 2, field 'currency': unknown currency 'XYZ'")
    assert db.read_bytes() == before


def test_usage_errors_exit_2(tmp_path):
    assert run("export", "--format", "json", "--out", tmp_path / "x.json").exit_code == 2
    assert run("import").exit_code == 2


def test_show_search_stats_on_a_store(tmp_path, ecosystem):
    source = export_ecosystem(ecosystem, tmp_path / "eco.json", "json")
    db = tmp_path / "eco.db"
    run("import", source, "--db", db)
    shown = json.loads(run("show", "org", "galàpagos nv", "--db", db, "--format", "json").stdout)
    assert shown["organisation"]["id"] == "galapagos"
    assert shown["partners_by_type"] == {"license": ["Gilead Sciences"], "rd_collaboration": ["AbbVie"]}
    table = run("show", "org", "Galapagos", "--db", db).stdout
    assert "Gilead Sciences" in table and "filgotinib" in table
    hits = json.loads(run("search", "filgo", "--db", db, "--format", "json").stdout)
    assert {"table": "programs", "id": "p1"}.items() <= hits[0].items()
    stats = json.loads(run("stats", "--db", db, "--format", "json").stdout)
    assert stats["relations_by_type"]["rd_collaboration"] == 2 and stats["relations_by_year"]["unknown"] == 1
    csv_out = run("stats", "--db", db, "--format", "csv").stdout.splitlines()
    assert csv_out[0] == "group,name,count"


def test_unknown_organisation_suggests(tmp_path, ecosystem):
    db = tmp_path / "eco.db"
    run("import", export_ecosystem(ecosystem, tmp_path / "eco.json", "json"), "--db", db)
    result = run("show", "org", "Gallapagos", "--db", db)
    assert result.exit_code == 1 and "closest: galapagos" in result.stderr


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "parquet", "xlsx", "csv"])
def test_export_every_format(tmp_path, ecosystem, fmt):
    db = tmp_path / "eco.db"
    run("import", export_ecosystem(ecosystem, tmp_path / "eco.json", "json"), "--db", db)
    out = tmp_path / f"out.{fmt}"
    assert run("export", "--db", db, "--format", fmt, "--out", out).exit_code == 0
    assert out.exists()


def test_several_problems_are_counted_and_listed(tmp_path, ecosystem):
    source = export_ecosystem(ecosystem, tmp_path / "src", "csv")
    path = source / "organisations.csv"
    path.write_text(path.read_text().replace("big_pharma", "pharma").replace("new_biotech_firm", "nbf"))
    db = tmp_path / "eco.db"
    result = run("import", source, "--db", db)
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert "(and 3 more problems; --show-errors lists them)" in result.stderr
    listed = run("import", source, "--db", db, "--show-errors")
    assert listed.exit_code == 1 and listed.stderr.count("error: organisations.csv, row") == 4
