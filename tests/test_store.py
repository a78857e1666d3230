"""The store on SQLite and on a real PostgreSQL server: migrations, upserts, all-or-nothing writes."""

from pathlib import Path

import pytest
import sqlalchemy as sa

from bioregion.ecosystem import Ecosystem
from bioregion.errors import NotFoundError, ValidationError
from bioregion.store import MIGRATIONS, Store


def _state(target: str, store: Store):
    """Bytes of a SQLite file, or every row of every table on PostgreSQL."""
    if not target.startswith("postgresql"):
        return Path(target).read_bytes()
    return store.snapshot()


def test_import_then_load_gives_the_same_ecosystem(store_target, records, ecosystem):
    with Store.open(store_target) as store:
        report = store.import_records(records)
        assert report.added["organisations"] == 5 and report.total_updated == 0
        assert store.load() == ecosystem


def test_reimport_reports_updates_and_unchanged(store_target, records):
    with Store.open(store_target) as store:
        store.import_records(records)
        records["organisations"][0]["city"] = "Leiden"
        report = store.import_records({"organisations": records["organisations"]})
        assert report.updated["organisations"] == 1 and report.unchanged["organisations"] == 4
        assert store.load().organisation_index["galapagos"]["city"] == "Leiden"


def test_failed_import_leaves_store_unchanged(store_target, records):
    with Store.open(store_target) as store:
        store.import_records(records)
        before = _state(store_target, store)
        bad = {"organisations": [{"id": "newco", "name": "NewCo", "kind": "new_biotech_firm"}],
               "relations": [{"id": "r9", "type": "license", "date_announced": "2016-02-31"}],
               "parties": [{"relation_id": "r9", "organisation_id": "newco", "role": "licensor"}]}
        with pytest.raises(ValidationError, match="relations, row 2, field 'date_announced'"):
            store.import_records(bad)
        assert _state(store_target, store) == before


def test_database_failure_midway_rolls_back(store_target, records, monkeypatch):
    """A failure inside the transaction (after some tables were written) undoes every write."""
    import bioregion.store.store as module

    with Store.open(store_target) as store:
        store.import_records({"sources": records["sources"]})
        before = store.snapshot()
        real = module._upsert

        def failing(conn, name, rows, report):
            if name == "relations":
                conn.execute(sa.text("SELECT * FROM no_such_table"))
            return real(conn, name, rows, report)

        monkeypatch.setattr(module, "_upsert", failing)
        with pytest.raises(module.StoreError, match="rolled back"):
            store.import_records(records)
        assert store.snapshot() == before


def test_import_checks_references_against_the_store(store_target, records):
    with Store.open(store_target) as store:
        store.import_records(records)
        more = {"relations": [{"id": "r5", "type": "license"}],
                "parties": [{"relation_id": "r5", "organisation_id": "ablynx", "role": "licensor"},
                            {"relation_id": "r5", "organisation_id": "nobody", "role": "licensee"}]}
        with pytest.raises(ValidationError, match="'nobody' is not in organisations"):
            store.import_records(more)
        more["parties"][1]["organisation_id"] = "abbvie"
        assert store.import_records(more).added == {"relations": 1, "parties": 2}


def test_migrations_are_named_and_recorded(store_target):
    with Store.open(store_target) as store:
        with store.engine.connect() as conn:
            names = [r[0] for r in conn.execute(sa.text("SELECT name FROM bioregion_migrations ORDER BY name"))]
    assert names == list(MIGRATIONS)


def test_replace_empties_the_store_first(store_target, records):
    with Store.open(store_target) as store:
        store.import_records(records)
        only = Ecosystem.from_records({"organisations": [{"id": "vib", "name": "VIB", "kind": "research_institute"}]})
        store.write_ecosystem(only, replace=True)
        assert store.counts()["organisations"] == 1 and store.counts()["relations"] == 0


def test_missing_sqlite_store_is_not_created_for_reading(tmp_path):
    with pytest.raises(NotFoundError, match="no store at"):
        Ecosystem.from_store(str(tmp_path / "absent.db"))
    assert not (tmp_path / "absent.db").exists()
