"""Field validation at the boundary: each bad value gets one line naming table, row and field."""

import pytest

from bioregion.ecosystem import Ecosystem
from bioregion.errors import ValidationError
from bioregion.schema import TABLES, coerce_row, parse_date


def _error(records) -> str:
    with pytest.raises(ValidationError) as info:
        Ecosystem.from_records(records)
    message = str(info.value)
    assert "\n" not in message
    return message


def test_mini_ecosystem_is_valid(ecosystem):
    assert ecosystem.counts()["organisations"] == 5
    term = next(t for t in ecosystem.rows("terms") if t["component"] == "upfront")
    assert term == {"relation_id": "r1", "component": "upfront", "amount": 300000000.0, "currency": "USD",
                    "disclosed": True}
    royalty = next(t for t in ecosystem.rows("terms") if t["component"] == "royalty")
    assert royalty["disclosed"] is False and royalty["amount"] is None
    gal = ecosystem.organisation_index["galapagos"]
    assert gal["aliases"] == ["Galàpagos NV", "GLPG"] and gal["founded"] == "1999"


def test_unknown_kind_names_row_field_and_suggests(records):
    records["organisations"][1]["kind"] = "big pharma"
    message = _error(records)
    assert message.startswith("organisations, row 3, field 'kind': unknown kind 'big pharma'")
    assert "did you mean 'big_pharma'" in message


def test_role_must_belong_to_relation_type(records):
    records["parties"][0]["role"] = "partner"
    message = _error(records)
    assert "parties, row 2, field 'role'" in message
    assert "does not belong to a license relation; use licensor or licensee" in message


def test_unknown_relation_type_and_stage(records):
    records["relations"][0]["type"] = "licence"
    assert "did you mean 'license'" in _error(records)
    records["relations"][0]["type"] = "license"
    records["programs"][0]["stage"] = "phase 2"
    assert "programs, row 2, field 'stage'" in _error(records)


@pytest.mark.parametrize("value, words", [
    ("2015-02-30", "not a real calendar date"),
    ("16/12/2015", "write YYYY, YYYY-MM or YYYY-MM-DD"),
    ("2015-13", "not a real calendar date"),
])
def test_bad_dates(records, value, words):
    records["relations"][0]["date_announced"] = value
    message = _error(records)
    assert "relations, row 2, field 'date_announced'" in message and words in message


def test_negative_amount_and_unknown_currency(records):
    records["terms"][0]["amount"] = "-5"
    assert "terms, row 2, field 'amount': amount -5 is negative" in _error(records)
    records["terms"][0]["amount"] = "5"
    records["terms"][0]["currency"] = "EURO"
    assert "unknown currency 'EURO'" in _error(records)


def test_references_must_resolve(records):
    records["parties"][1]["organisation_id"] = "gileadd"
    message = _error(records)
    assert "parties, row 3, field 'organisation_id': 'gileadd' is not in organisations" in message


def test_duplicate_keys_are_refused(records):
    records["organisations"].append(dict(records["organisations"][0]))
    assert "duplicate key 'galapagos' (also on row 2)" in _error(records)


def test_unknown_column_is_refused_not_dropped(records):
    records["organisations"][0]["knd"] = "biotech"
    assert "unknown column 'knd'" in _error(records)


def test_relation_without_parties_is_refused(records):
    records["relations"].append({"id": "r9", "type": "license"})
    assert "relation 'r9' has no parties" in _error(records)


def test_partial_dates_and_unknown():
    assert parse_date("2016") == "2016"
    assert parse_date("unknown") is None
    assert parse_date(2016.0) == "2016"


def test_indicator_and_evidence_ids_are_derived():
    row = coerce_row(TABLES["indicators"], {"region_id": "BE", "indicator": "RIS index", "year": "2016",
                                             "value": "0.5", "source_id": "ris"})
    assert row["id"] == "BE:RIS_index:2016:ris"
    ev = coerce_row(TABLES["evidence"], {"source_id": "s", "subject_table": "relations", "subject_id": "r1"})
    assert ev["id"].startswith("ev-")
