"""The ecosystem report: self-contained HTML, escaping, data-driven portfolio, PDF, CLI."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from markupsafe import Markup

from bioregion.cli import main
from bioregion.ecosystem import Ecosystem
from bioregion.errors import MissingExtraError
from bioregion.report import DEFAULT_SECTIONS, Section, build_report, portfolio_rows, render_html
from tests.conftest import mini_records

HOSTILE = "<script>alert(1)</script>"


def _eco(records=None):
    return Ecosystem.from_records(records or mini_records(), name="mini")


@pytest.fixture(scope="module")
def html():
    return render_html(_eco())


def test_html_is_self_contained(html):
    assert "<script" not in html.lower()
    assert not re.search(r"<(img|link|iframe|object|embed)\b[^>]*(src|href)=\"?(https?:)?//", html, re.I)
    assert not re.search(r"\bsrc=\"?https?://", html, re.I)
    assert not re.search(r"url\(\s*['\"]?https?://", html, re.I)
    assert "<style>" in html and "<svg" in html


def test_html_has_every_section(html):
    for anchor in ("glance", "network", "portfolio", "timeline", "countries", "sources"):
        assert f'id="{anchor}"' in html
    assert "Segers 2017 thesis" in html


def test_hostile_names_are_escaped():
    records = mini_records()
    records["organisations"][0]["name"] = HOSTILE
    records["organisations"][0]["technology_platforms"] = "<b>bold</b>"
    records["sources"][0]["url"] = "javascript:alert(1)"
    html = render_html(_eco(records))
    assert HOSTILE not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="javascript' not in html


def _portfolio_html(html):
    return html[html.index('id="portfolio"'):html.index('id="timeline"')]


def test_portfolio_rows_follow_the_data():
    rows = {row.id: row for row in portfolio_rows(_eco())}
    assert set(rows) == {"galapagos", "ablynx"}
    assert [a.name for a in rows["galapagos"].alliances] == ["AbbVie", "Gilead Sciences"]
    assert rows["galapagos"].alliances[1].ties == ("out-licence",)
    assert rows["ablynx"].origin == ["spin-off of VIB"]
    assert rows["galapagos"].programs[0]["name"] == "filgotinib"
    records = mini_records()
    records["organisations"].append({"id": "novartis", "name": "Novartis", "kind": "big_pharma", "country": "CH"})
    records["relations"].append({"id": "r9", "type": "co_development", "date_announced": "2012"})
    records["parties"] += [{"relation_id": "r9", "organisation_id": "ablynx", "role": "partner"},
                           {"relation_id": "r9", "organisation_id": "novartis", "role": "partner"}]
    records["relations"].append({"id": "r10", "type": "acquisition", "date_announced": "2016-04"})
    records["parties"] += [{"relation_id": "r10", "organisation_id": "galapagos", "role": "acquirer"},
                           {"relation_id": "r10", "organisation_id": "vib", "role": "target"}]
    before = _portfolio_html(render_html(_eco()))
    after = _portfolio_html(render_html(_eco(records)))
    assert "Novartis" not in before and "Novartis" in after
    assert "acquisition of VIB" in after and "acquisition of VIB" not in before


def test_custom_sections_are_added_and_none_is_left_out():
    def extra(ecosystem):
        return Section("Extra analysis", Markup("<p>{} firms</p>").format(len(ecosystem)))

    html = render_html(_eco(), sections=(*DEFAULT_SECTIONS, extra, lambda eco: None))
    assert 'id="extra-analysis"' in html and "<p>5 firms</p>" in html
    with pytest.raises(TypeError):
        Section("raw", "<p>not markup</p>")


def test_build_report_writes_html_and_pdf(tmp_path):
    pytest.importorskip("weasyprint")
    paths = build_report(_eco(), tmp_path / "out")
    assert paths.html.read_text(encoding="utf-8").startswith("<!doctype html>")
    data = paths.pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pypdf = pytest.importorskip("pypdf")
    import io

    assert len(pypdf.PdfReader(io.BytesIO(data)).pages) >= 2


def test_missing_weasyprint_is_a_clear_error_and_writes_nothing(tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_weasyprint(name, *args, **kwargs):
        if name == "weasyprint":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_weasyprint)
    with pytest.raises(MissingExtraError, match=r"bioregion\[pdf\]"):
        build_report(_eco(), tmp_path / "out")
    assert not (tmp_path / "out").exists()
    assert build_report(_eco(), tmp_path / "out", pdf=False).pdf is None


def test_cli_exit_codes(tmp_path):
    runner = CliRunner()
    db = tmp_path / "eco.db"
    from bioregion.store import Store

    with Store.open(str(db)) as store:
        store.write_ecosystem(_eco())
    ok = runner.invoke(main, ["report", "--db", str(db), "--out", str(tmp_path / "r"), "--no-pdf"])
    assert ok.exit_code == 0, ok.output
    assert (tmp_path / "r" / "report.html").exists() and not (tmp_path / "r" / "report.pdf").exists()
    missing = runner.invoke(main, ["report", "--dataset", "no-such", "--out", str(tmp_path / "x")])
    assert missing.exit_code == 1 and missing.stderr.startswith("error: ") and "Traceback" not in missing.output
    (tmp_path / "file").write_text("x")
    blocked = runner.invoke(main, ["report", "--db", str(db), "--out", str(tmp_path / "file"), "--no-pdf"])
    assert blocked.exit_code in (1, 2) and "Traceback" not in blocked.output
    assert runner.invoke(main, ["report", "--out", str(tmp_path / "y")]).exit_code == 2


def test_belgium_2016_portfolio_matches_table_3():
    rows = {row.name: row for row in portfolio_rows(Ecosystem.from_dataset("belgium-2016"))}
    ablynx = {a.name for a in rows["Ablynx"].alliances}
    for partner in ("AbbVie", "Eddingpharm", "Taisho", "Novartis", "Merck KGaA", "Algeta", "Novo Nordisk",
                    "Genzyme", "Merck & Co.", "Boehringer Ingelheim"):
        assert any(name.startswith(partner) for name in ablynx), partner
    ucb = rows["UCB"]
    assert ucb.block == "pharma"
    assert {"AstraZeneca", "Pfizer", "Amgen", "Biogen"} <= {a.name for a in ucb.alliances}
    assert any("Celltech" in deal["text"] for deal in ucb.deals)
    assert any("Cangenix" in deal["text"] for deal in rows["Galapagos"].deals)
    assert "Gilead Sciences" in {a.name for a in rows["Galapagos"].alliances}


def test_analysis_sections_come_from_the_analyses(tmp_path):
    """The triple helix, openness agreement and hypotheses in the report equal the library's numbers."""
    from bioregion import Ecosystem
    from bioregion.analysis.openness import openness_agreement
    from bioregion.analysis.triple_helix import triple_helix
    from bioregion.report import build_report

    eco = Ecosystem.from_dataset("belgium-2016")
    html = build_report(eco, tmp_path, pdf=False).html.read_text()
    assert "The triple helix" in html and "Open innovation and business models" in html
    assert "Local buzz, global pipelines" in html and "Walloon Region (Wallonia)" in html
    assert "How the network grew" in html and "accumulative advantage" in html
    assert "The regions side by side" in html and "725.7" in html  # Eurostat BERD per inhabitant, Flanders 2016
    assert f"{triple_helix(eco)['T']:.3f} bits" in html
    agreement = openness_agreement(eco)
    assert f"{100 * agreement['agree']:.0f} %</strong> of the {agreement['n']} organisations" in html
    for hypothesis in ("H1:", "H2:", "H3:", "H4:"):
        assert hypothesis in html
    assert ">nan<" not in html
