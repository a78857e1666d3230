"""Shared fixtures: a small ecosystem, store targets on SQLite and PostgreSQL, the shared data folder."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def shared_folder() -> Path | None:
    """``shared/`` beside the repository (CI), or $BIOREGION_SHARED, or /work/shared."""
    for candidate in (os.environ.get("BIOREGION_SHARED"), ROOT.parent / "shared", Path("/work/shared")):
        if candidate and Path(candidate, "data").is_dir():
            return Path(candidate)
    return None


@pytest.fixture
def shared_data() -> Path:
    folder = shared_folder()
    if folder is None:
        pytest.skip("shared/data is not beside the repository")
    return folder / "data"


def mini_records() -> dict[str, list[dict]]:
    """A small, valid ecosystem in raw (string) form, as a CSV reader would give it."""
    return {
        "sources": [{"id": "seed", "title": "Segers 2017 thesis", "kind": "seed", "date": "2017"}],
        "regions": [
            {"id": "BE", "name": "Belgium", "level": "0", "country": "BE"},
            {"id": "BE2", "name": "Flanders", "parent_id": "BE", "level": "1", "country": "BE"},
            {"id": "US", "name": "United States", "level": "0", "country": "US"},
        ],
        "organisations": [
            {"id": "galapagos", "name": "Galapagos", "aliases": "Galàpagos NV; GLPG", "kind": "new_biotech_firm",
             "region_id": "BE2", "city": "Mechelen", "country": "BE", "founded": "1999",
             "technology_platforms": "SilenceSelect", "listed": "EBR:GLPG; NASDAQ:GLPG"},
            {"id": "gilead", "name": "Gilead Sciences", "kind": "big_pharma", "region_id": "US", "country": "US",
             "identifiers": "wikidata=Q1475120"},
            {"id": "vib", "name": "VIB", "kind": "research_institute", "region_id": "BE2", "country": "BE"},
            {"id": "ablynx", "name": "Ablynx", "kind": "new_biotech_firm", "region_id": "BE2", "city": "Gent",
             "country": "BE"},
            {"id": "abbvie", "name": "AbbVie", "kind": "big_pharma", "region_id": "US", "country": "US"},
        ],
        "relations": [
            {"id": "r1", "type": "license", "date_announced": "2015-12-16", "asset": "filgotinib",
             "stage_at_signing": "phase2"},
            {"id": "r2", "type": "spin_off", "date_announced": "2001"},
            {"id": "r3", "type": "rd_collaboration", "date_announced": "", "notes": "date unknown"},
            {"id": "r4", "type": "rd_collaboration", "date_announced": "2010", "date_ended": "2012"},
        ],
        "parties": [
            {"relation_id": "r1", "organisation_id": "galapagos", "role": "licensor"},
            {"relation_id": "r1", "organisation_id": "gilead", "role": "licensee"},
            {"relation_id": "r2", "organisation_id": "vib", "role": "parent"},
            {"relation_id": "r2", "organisation_id": "ablynx", "role": "offspring"},
            {"relation_id": "r3", "organisation_id": "ablynx", "role": "partner"},
            {"relation_id": "r3", "organisation_id": "abbvie", "role": "partner"},
            {"relation_id": "r4", "organisation_id": "galapagos", "role": "partner"},
            {"relation_id": "r4", "organisation_id": "abbvie", "role": "partner"},
        ],
        "terms": [
            {"relation_id": "r1", "component": "upfront", "amount": "300000000", "currency": "usd"},
            {"relation_id": "r1", "component": "equity", "amount": "425000000", "currency": "USD"},
            {"relation_id": "r1", "component": "royalty", "disclosed": "false"},
        ],
        "programs": [
            {"id": "p1", "organisation_id": "galapagos", "name": "filgotinib", "indication": "rheumatoid arthritis",
             "stage": "phase2", "partner_id": "gilead", "as_of": "2016"},
        ],
        "indicators": [
            {"region_id": "BE", "indicator": "biotech_firms", "year": "2013", "value": "297", "unit": "firms",
             "source_id": "seed"},
            {"organisation_id": "galapagos", "indicator": "openness_table4", "year": "2016",
             "category": "very_open", "source_id": "seed"},
        ],
        "policies": [
            {"id": "vib-1996", "region_id": "BE2", "name": "VIB founded", "start": "1996",
             "instrument": "research_centre"},
        ],
        "evidence": [
            {"source_id": "seed", "subject_table": "relations", "subject_id": "r1", "locator": "Table 3, p. 1",
             "quote": "Gilead Sciences"},
        ],
    }


@pytest.fixture
def records() -> dict[str, list[dict]]:
    return mini_records()


@pytest.fixture
def ecosystem():
    from bioregion.ecosystem import Ecosystem

    return Ecosystem.from_records(mini_records(), name="mini")


def _postgres_url() -> str | None:
    return os.environ.get("BIOREGION_TEST_POSTGRES")


@pytest.fixture
def postgres_url():
    """A fresh, empty PostgreSQL database for one test (dropped afterwards)."""
    base = _postgres_url()
    if not base:
        if os.environ.get("CI"):
            pytest.fail("CI must provide BIOREGION_TEST_POSTGRES (see .ci/run)")
        pytest.skip("no PostgreSQL server: set BIOREGION_TEST_POSTGRES=postgresql://...")
    import sqlalchemy as sa

    name = "bioregion_test_" + uuid.uuid4().hex[:10]
    admin = sa.create_engine(base.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    yield base.rsplit("/", 1)[0] + "/" + name
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def store_target(request, tmp_path):
    """A store location on SQLite (a file) and on PostgreSQL (a fresh database)."""
    if request.param == "sqlite":
        return str(tmp_path / "eco.db")
    return request.getfixturevalue("postgres_url")
