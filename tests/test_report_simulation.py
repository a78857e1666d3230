"""Simulation charts in the report: sections, figures, escaping, the CLI surface and the PDF layout of figures."""

from __future__ import annotations

import json
import re

import pytest
import yaml
from click.testing import CliRunner

from bioregion.cli import main
from bioregion.report.figures import new_figure, svg, svg_document
from bioregion.report.simulation import render_simulation_html, simulation_charts, with_simulation
from bioregion.simulate import batch_run, load_scenario
from bioregion.simulate.results import results_from_frames

HOSTILE = "<script>alert(1)</script>"


def _results(*names, years=3, replicates=3, seed=2):
    specs = [load_scenario(n).with_parameter("years", years) for n in names]
    return results_from_frames([batch_run(s, replicates, seed) for s in specs], specs, seed)


@pytest.fixture(scope="module")
def compared():
    return _results("baseline-belgium", "no-regional-policy")


def test_every_chart_is_drawn_for_a_comparison(compared):
    charts = simulation_charts(compared)
    assert list(charts) == ["firms-by-region", "firms-by-model", "alliances", "exits", "capital", "changes"]
    regions = charts["firms-by-region"][1]
    for title in ("all regions", "Flanders", "Wallonia", "Brussels-Capital Region", "baseline-belgium (baseline)"):
        assert f">{title}<" in regions
    assert ">licences<" in charts["alliances"][1] and ">IPOs<" in charts["exits"][1]
    assert "change against the baseline" in charts["changes"][1]


def test_html_report_is_self_contained_with_tables_and_figures(compared):
    html = render_simulation_html(compared)
    assert "<script" not in html.lower() and not re.search(r"(src|href)=\"?https?://", html)
    for anchor in ("simulation", "simulated-firms", "simulated-alliances", "simulated-exits", "simulated-changes"):
        assert f'id="{anchor}"' in html
    assert html.count("<svg") == 6 and "Scenarios against baseline-belgium" in html
    assert "2000\u20132030, 2.4 bn USD" in html and '<td class="strong">none</td>' in html  # VIB, then no VIB
    assert "common random numbers" in html


def test_a_single_run_has_no_comparison():
    html = render_simulation_html(_results("beijing-north-south-synergy", years=2, replicates=2))
    assert 'id="simulated-changes"' not in html and html.count("<svg") == 5
    assert "Simulated bioRegion: beijing-north-south-synergy" in html


def test_hostile_scenario_text_is_escaped():
    raw = yaml.safe_load(load_scenario("beijing-north-south-synergy").source)
    raw.update(name=HOSTILE, description=HOSTILE, years=2)
    from bioregion.simulate.scenario import parse_scenario

    spec = parse_scenario(raw)
    html = render_simulation_html(results_from_frames([batch_run(spec, 2, 0)], [spec], 0))
    assert HOSTILE not in html and "&lt;script&gt;" in html


def test_figures_have_no_fixed_height_so_the_pdf_keeps_their_shape():
    figure = new_figure(2, 1)
    figure.add_subplot().plot([0, 1], [0, 1])
    inline = svg(figure, "a line")
    head = re.search(r"<svg[^>]*>", inline).group(0)
    assert 'width="144pt"' in head and "height=" not in head and "height:auto" not in head
    document = svg_document(inline)
    assert document.startswith("<?xml") and 'height="72pt"' in document and "max-width" not in document


def test_simulation_sections_go_before_the_sources(compared):
    from bioregion.report import DEFAULT_SECTIONS
    from bioregion.report.provenance import sources_section

    sections = with_simulation(DEFAULT_SECTIONS, compared)
    assert sections[-1] is sources_section and len(sections) == len(DEFAULT_SECTIONS) + 5


def _short_yaml(tmp_path, name, years=2):
    raw = yaml.safe_load(load_scenario(name).source)
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(raw | {"years": years}))
    return str(path)


def test_cli_run_and_compare_write_charts(tmp_path):
    runner = CliRunner()
    base, other = _short_yaml(tmp_path, "baseline-belgium"), _short_yaml(tmp_path, "interregional-megacluster")
    ran = runner.invoke(main, ["simulate", "run", base, "--replicates", "2", "--out", str(tmp_path / "run")])
    assert ran.exit_code == 0, ran.output
    assert "Simulated firms over time" in (tmp_path / "run" / "report.html").read_text()
    done = runner.invoke(main, ["simulate", "compare", base, other, "--replicates", "2", "--out", str(tmp_path / "cmp"),
                                "--format", "json"])
    assert done.exit_code == 0, done.output
    assert {r["scenario"] for r in json.loads(done.stdout)} == {"baseline-belgium", "interregional-megacluster"}
    assert "Scenarios against the baseline" in (tmp_path / "cmp" / "report.html").read_text()
    none = runner.invoke(main, ["simulate", "run", base, "--replicates", "1", "--out", str(tmp_path / "bare"),
                                "--report", "none"])
    assert none.exit_code == 0 and not (tmp_path / "bare" / "report.html").exists()
    same = runner.invoke(main, ["simulate", "compare", base, base, "--replicates", "1"])
    assert same.exit_code == 2 and "different names" in same.output


def test_cli_report_from_results_folders(tmp_path):
    runner = CliRunner()
    base = _short_yaml(tmp_path, "baseline-belgium")
    assert runner.invoke(main, ["simulate", "run", base, "--replicates", "2", "--out", str(tmp_path / "a"),
                                "--report", "none"]).exit_code == 0
    assert runner.invoke(main, ["simulate", "run", _short_yaml(tmp_path, "funding-winter"), "--replicates", "2",
                                "--seed", "1", "--out", str(tmp_path / "b"), "--report", "none"]).exit_code == 0
    both = runner.invoke(main, ["report", "--simulation", str(tmp_path / "a"), "--simulation", str(tmp_path / "b"),
                                "--out", str(tmp_path / "rep"), "--no-pdf", "--format", "json"])
    assert both.exit_code == 0, both.output
    html = (tmp_path / "rep" / "report.html").read_text()
    assert "Scenarios against baseline-belgium" in html and "paired by number only" in html
    missing = runner.invoke(main, ["report", "--simulation", str(tmp_path / "nowhere"), "--out", str(tmp_path / "x")])
    assert missing.exit_code == 1 and missing.output.startswith("error: ") and "no run.json" in missing.output
    nothing = runner.invoke(main, ["report", "--out", str(tmp_path / "x")])
    assert nothing.exit_code == 2 and "--simulation" in nothing.output


def test_cli_report_appends_simulations_to_an_ecosystem_report(tmp_path, records):
    from bioregion.store import Store

    db = str(tmp_path / "eco.db")
    with Store.open(db) as store:
        store.import_records(records)
    runner = CliRunner()
    assert runner.invoke(main, ["simulate", "run", _short_yaml(tmp_path, "baseline-belgium"), "--replicates", "1",
                                "--out", str(tmp_path / "a"), "--report", "none"]).exit_code == 0
    result = runner.invoke(main, ["report", "--db", db, "--simulation", str(tmp_path / "a"), "--out",
                                  str(tmp_path / "rep"), "--no-pdf"])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "rep" / "report.html").read_text()
    assert html.index('id="simulated-firms"') < html.index('id="sources"')
    assert "bioRegion ecosystem report" in html


def test_pdf_of_a_simulation(tmp_path, compared):
    pytest.importorskip("weasyprint")
    from bioregion.report.simulation import build_simulation_report

    paths = build_simulation_report(compared, tmp_path / "rep")
    assert paths.pdf.read_bytes().startswith(b"%PDF") and paths.html.is_file()

