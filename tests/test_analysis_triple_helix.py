"""Triple helix T(UIG): closed forms, the u,i,g,count CLI contract, relations by effective sphere."""

import json
from itertools import product

import pytest
from click.testing import CliRunner

from bioregion.analysis.triple_helix import read_counts, sphere_counts, transmission, triple_helix
from bioregion.cli import main
from bioregion.ecosystem import Ecosystem
from bioregion.errors import InputFormatError, ValidationError

XOR = {(u, i, u ^ i): 1 for u, i in product((0, 1), repeat=2)}
IDENTICAL = {(0, 0, 0): 5, (1, 1, 1): 5}
INDEPENDENT = {cell: 3 for cell in product((0, 1), repeat=3)}


def test_closed_forms():
    assert transmission(XOR)["T"] == pytest.approx(-1.0, abs=1e-12)
    assert transmission(IDENTICAL)["T"] == pytest.approx(1.0, abs=1e-12)
    assert transmission(INDEPENDENT)["T"] == pytest.approx(0.0, abs=1e-12)
    xor = transmission(XOR)
    assert (xor["T_ui"], xor["T_ug"], xor["T_ig"]) == (0.0, 0.0, 0.0)  # pairwise independent
    assert transmission(IDENTICAL)["T_ui"] == pytest.approx(1.0)


def test_bilateral_t_against_hand_computation():
    # u and i perfectly dependent, g constant: T(UI) = H(U) = 1 bit, T(UIG) = 0.
    result = transmission({(0, 0, 1): 2, (1, 1, 1): 2})
    assert result["T_ui"] == pytest.approx(1.0) and result["T"] == pytest.approx(0.0)


def test_bad_cells_are_refused():
    with pytest.raises(ValidationError):
        transmission({(0, 2, 1): 1})
    with pytest.raises(ValidationError):
        transmission({(0, 0, 1): 0})


def _write(path, rows):
    path.write_text("u,i,g,count\n" + "".join(f"{u},{i},{g},{c}\n" for (u, i, g), c in rows.items()))
    return path


@pytest.mark.parametrize("cells, expected", [(XOR, -1.0), (IDENTICAL, 1.0), (INDEPENDENT, 0.0)])
def test_cli_counts_contract(tmp_path, cells, expected):
    path = _write(tmp_path / "counts.csv", cells)
    result = CliRunner().invoke(main, ["analyze", "triple-helix", "--counts", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["T"] == pytest.approx(expected, abs=1e-9)
    assert {"T_ui", "T_ug", "T_ig", "H", "n"} <= set(data)


def test_cli_bad_counts_file_exits_1(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("u,i,count\n1,0,3\n")
    result = CliRunner().invoke(main, ["analyze", "triple-helix", "--counts", str(path), "--format", "json"])
    assert result.exit_code == 1 and "missing column" in result.output
    with pytest.raises(InputFormatError):
        read_counts(tmp_path / "nope.csv")


def test_relations_by_effective_sphere(ecosystem):
    # r1 gilead-galapagos (I), r2 vib-ablynx (U+I), r3 ablynx-abbvie (I), r4 galapagos-abbvie (I)
    assert sphere_counts(ecosystem) == {(0, 1, 0): 3, (1, 1, 0): 1}
    assert sphere_counts(ecosystem, year=2001) == {(1, 1, 0): 1}
    assert sphere_counts(ecosystem, region="US") == {(0, 1, 0): 3}
    assert triple_helix(ecosystem, region="BE")["n"] == 4.0  # BE2 lies inside BE


def test_sphere_override_changes_the_cell(records):
    records["organisations"][2]["sphere"] = "G"  # VIB read as government
    eco = Ecosystem.from_records(records)
    assert sphere_counts(eco, year=2001) == {(0, 1, 1): 1}
