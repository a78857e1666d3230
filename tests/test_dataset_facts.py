"""Checks of the embedded datasets: every row valid, every reference resolved, facts as in the seeds.

The content checks were written by reading the seed texts (Segers 2017 for
``belgium-2016``; Bettanti for ``lombardy``; Zhao for ``beijing``): a number
or partner below that disagrees with the CSV files means one of them is wrong.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import pytest

import bioregion
from bioregion.errors import ValidationError
from bioregion.schema import TABLES, coerce_row, row_key
from bioregion.taxonomy import roles_of

DATASETS = {"belgium-2016": "belgium_2016", "lombardy": "lombardy", "beijing": "beijing"}
SUBJECT_TABLES = ("organisations", "relations", "programs", "regions", "indicators", "policies")


def _folder(name: str) -> Path:
    return Path(bioregion.__file__).parent / "datasets" / DATASETS[name]


@lru_cache(maxsize=None)
def _raw(name: str, table: str) -> tuple[tuple[str, ...], tuple[dict, ...]]:
    with open(_folder(name) / f"{table}.csv", newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        return tuple(reader.fieldnames or ()), tuple(reader)


@lru_cache(maxsize=None)
def _typed(name: str, table: str) -> tuple[dict, ...]:
    return tuple(coerce_row(TABLES[table], raw) for raw in _raw(name, table)[1])


def _ids(name: str, table: str) -> set[str]:
    return {row["id"] for row in _typed(name, table)}


def _by_id(name: str, table: str) -> dict[str, dict]:
    return {row["id"]: row for row in _typed(name, table)}


def _partners(name: str, org: str, types: tuple[str, ...] | None = None) -> set[str]:
    rels = _by_id(name, "relations")
    members = defaultdict(set)
    for party in _typed(name, "parties"):
        members[party["relation_id"]].add(party["organisation_id"])
    out: set[str] = set()
    for rid, orgs in members.items():
        if org in orgs and (types is None or rels[rid]["type"] in types):
            out |= orgs - {org}
    return out


def _relations_between(name: str, a: str, b: str) -> list[dict]:
    rels = _by_id(name, "relations")
    members = defaultdict(dict)
    for party in _typed(name, "parties"):
        members[party["relation_id"]][party["organisation_id"]] = party["role"]
    return [dict(rels[rid], roles=m) for rid, m in members.items() if a in m and b in m]


# ------------------------------------------------------------------ structure, all datasets

@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("table", TABLES)
def test_header_is_schema_column_order(name: str, table: str) -> None:
    header, _ = _raw(name, table)
    assert header == TABLES[table].column_names


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("table", TABLES)
def test_every_row_coerces_and_keys_are_unique(name: str, table: str) -> None:
    seen = set()
    for number, raw in enumerate(_raw(name, table)[1], start=2):
        try:
            row = coerce_row(TABLES[table], raw)
        except ValidationError as exc:  # pragma: no cover - the message is the point
            pytest.fail(f"{name}/{table}.csv line {number}: {exc}")
        key = row_key(TABLES[table], row)
        assert key not in seen, f"{name}/{table}.csv line {number}: duplicate key {key}"
        seen.add(key)


@pytest.mark.parametrize("name", DATASETS)
def test_every_reference_resolves(name: str) -> None:
    for table in TABLES.values():
        for col in table.columns:
            if not col.ref:
                continue
            targets = _ids(name, col.ref)
            for row in _typed(name, table.name):
                if row[col.name] is not None:
                    assert row[col.name] in targets, f"{name}: {table.name}.{col.name} = {row[col.name]!r} not in {col.ref}"
    for ev in _typed(name, "evidence"):
        assert ev["subject_id"] in _ids(name, ev["subject_table"]), f"{name}: evidence for missing {ev['subject_id']}"


@pytest.mark.parametrize("name", DATASETS)
def test_roles_belong_to_relation_type_and_relations_have_parties(name: str) -> None:
    rels = _by_id(name, "relations")
    count = defaultdict(int)
    for party in _typed(name, "parties"):
        rtype = rels[party["relation_id"]]["type"]
        assert party["role"] in roles_of(rtype), f"{name}: role {party['role']} in {rtype} {party['relation_id']}"
        count[party["relation_id"]] += 1
    for rid, rel in rels.items():
        assert count[rid] >= (1 if rel["type"] == "ipo" else 2), f"{name}: relation {rid} has {count[rid]} parties"


@pytest.mark.parametrize("name", DATASETS)
def test_every_subject_row_has_evidence_with_a_short_quote(name: str) -> None:
    covered = defaultdict(set)
    for ev in _typed(name, "evidence"):
        covered[ev["subject_table"]].add(ev["subject_id"])
        assert len((ev["quote"] or "").split()) <= 16, f"{name}: quote too long for {ev['subject_id']}: {ev['quote']}"
    for table in SUBJECT_TABLES:
        missing = _ids(name, table) - covered[table]
        assert not missing, f"{name}: {table} rows without evidence: {sorted(missing)[:5]}"


@pytest.mark.parametrize("name", DATASETS)
def test_organisation_region_matches_country(name: str) -> None:
    regions = _by_id(name, "regions")
    for org in _typed(name, "organisations"):
        if org["region_id"] and org["country"]:
            assert regions[org["region_id"]]["country"] == org["country"], org["id"]


@pytest.mark.parametrize("name", DATASETS)
def test_each_dataset_can_be_compared(name: str) -> None:
    assert len(_typed(name, "indicators")) >= 5
    assert len(_typed(name, "policies")) >= 3
    assert len(_typed(name, "organisations")) >= 12
    assert any(s["kind"] == "seed" for s in _typed(name, "sources"))


# ------------------------------------------------------------------ belgium-2016: the seed's facts

BE = "belgium-2016"
TABLE3_FIRMS = {
    "thrombogenics", "oncurious", "ablynx", "argenx", "galapagos", "fidelta", "tigenix", "movetis", "genticel",
    "bone-therapeutics", "promethera", "celyad", "mithra", "uteron-pharma", "adx-neurosciences", "mastercell",
    "confo-therapeutics", "mdxhealth", "biocartis", "mycartis", "multiplicom", "etherna", "ogeda", "asit-biotech",
    "q-biologicals", "complix", "actogenix", "remynd", "kitozyme", "synolyne-pharma", "iteos", "delphi-genetics",
}
LISTED = {"thrombogenics", "ablynx", "argenx", "galapagos", "tigenix", "movetis", "genticel", "bone-therapeutics",
          "celyad", "mithra", "mdxhealth", "biocartis", "asit-biotech", "ucb"}


def test_table3_firms_are_complete_with_kind_region_and_listing() -> None:
    orgs = _by_id(BE, "organisations")
    table3 = {ev["subject_id"] for ev in _typed(BE, "evidence")
              if ev["subject_table"] == "organisations" and (ev["locator"] or "").startswith("Table 3, p.")}
    assert TABLE3_FIRMS | {"ucb"} <= table3
    for firm in TABLE3_FIRMS:
        assert orgs[firm]["kind"] == "new_biotech_firm", firm
    assert orgs["ucb"]["kind"] == "big_pharma"
    assert {f for f in TABLE3_FIRMS | {"ucb"} if orgs[f]["listed"]} == LISTED
    assert set(orgs["galapagos"]["listed"]) == {"Euronext", "Nasdaq"}
    expected = {"thrombogenics": ("BE2", "Leuven"), "galapagos": ("BE2", "Mechelen"), "ablynx": ("BE2", "Gent"),
                "movetis": ("BE2", "Turnhout"), "multiplicom": ("BE2", "Niel"), "complix": ("BE2", "Diepenbeek"),
                "mithra": ("BE3", "Liège"), "mdxhealth": ("BE3", "Herstal"), "iteos": ("BE3", "Gosselies"),
                "celyad": ("BE3", "Mont-Saint-Guibert"), "etherna": ("BE1", "Jette"), "ucb": ("BE1", "Brussels"),
                "genticel": ("FR", "Paris; Toulouse")}
    for firm, (region, city) in expected.items():
        assert (orgs[firm]["region_id"], orgs[firm]["city"]) == (region, city), firm


def test_ablynx_alliance_portfolio() -> None:
    expected = {"abbvie", "eddingpharm", "taisho", "novartis", "merck-kgaa", "algeta", "novo-nordisk", "genzyme",
                "merck-and-co", "boehringer-ingelheim"}
    assert expected <= _partners(BE, "ablynx", ("rd_collaboration",))


def test_other_table3_portfolios() -> None:
    assert {"gilead", "abbvie", "servier", "morphosys"} <= _partners(BE, "galapagos")
    assert {"cellerix", "grifols", "lonza", "sobi", "biolife-solutions", "takeda", "coretherapix"} <= _partners(BE, "tigenix")
    assert {"exact-sciences", "labcorp", "oncgnostics", "southgenetics", "sumitomo", "merck-and-co", "glaxosmithkline",
            "roche", "pfizer", "qiagen", "noviogendix"} <= _partners(BE, "mdxhealth")
    assert {"janssen-diagnostics", "abbott-molecular", "fast-track-diagnostics", "etpl", "merck-kgaa", "amgen",
            "thermo-fisher"} <= _partners(BE, "biocartis")
    assert {"astrazeneca", "pfizer", "bayer", "neuropore", "lonza", "oncodesign", "dermira", "biogen", "amgen",
            "celltech", "schwarz-pharma"} <= _partners(BE, "ucb")
    assert {"lonza", "leo-pharma", "shire", "eli-lilly", "bird-rock-bio", "abbvie"} <= _partners(BE, "argenx")
    assert {"alcon", "bicycle-therapeutics", "eleven-biotherapeutics", "galapagos", "roche"} <= _partners(BE, "thrombogenics")
    assert {"pfizer", "boehringer-ingelheim", "novartis"} <= _partners(BE, "ogeda")
    assert {"merck-and-co", "gsk-biologicals", "sanofi", "eurogentec"} <= _partners(BE, "delphi-genetics")


def test_galapagos_pipeline_from_fig8() -> None:
    progs = [p for p in _typed(BE, "programs") if p["organisation_id"] == "galapagos"]
    filgotinib = [p for p in progs if p["name"] == "filgotinib"]
    assert {p["indication"] for p in filgotinib} == {"rheumatoid arthritis", "Crohn's disease", "ulcerative colitis"}
    assert all(p["partner_id"] == "gilead" and p["stage"] == "phase2" for p in filgotinib)
    partners = {p["name"]: p["partner_id"] for p in progs}
    assert partners["GLPG1972"] == "servier" and partners["MOR106"] == "morphosys" and partners["GLPG1837"] == "abbvie"
    assert {"GLPG2451", "GLPG1837", "GLPG2222", "GLPG2737", "GLPG1690", "GLPG1972", "MOR106"} <= set(partners)


def test_dated_deals_and_takeovers() -> None:
    def one(a: str, b: str, rtype: str) -> dict:
        rels = [r for r in _relations_between(BE, a, b) if r["type"] == rtype]
        assert len(rels) == 1, (a, b, rtype, rels)
        return rels[0]

    assert one("galapagos", "cangenix", "acquisition")["date_announced"] == "2013-01"
    assert one("promethera", "cytonet", "acquisition")["date_announced"] == "2016-04"
    shire = one("shire", "movetis", "acquisition")
    assert shire["date_announced"] == "2010" and shire["roles"] == {"shire": "acquirer", "movetis": "target"}
    thr = one("galapagos", "thrombogenics", "license")
    assert thr["date_announced"] == "2016-03" and thr["roles"]["thrombogenics"] == "licensee"
    assert one("thrombogenics", "oncurious", "joint_venture")["date_announced"] == "2015-04"
    assert one("johnson-and-johnson", "movetis", "spin_off")["roles"]["movetis"] == "offspring"
    assert one("biocartis", "mycartis", "spin_off")["roles"]["biocartis"] == "parent"
    assert one("mithra", "uteron-pharma", "spin_off")["roles"]["uteron-pharma"] == "offspring"
    assert one("tigenix", "cellerix", "acquisition")["roles"]["tigenix"] == "acquirer"
    # undated Table 3 entries stay undated
    assert one("ablynx", "abbvie", "rd_collaboration")["date_announced"] is None
    assert one("agilent", "multiplicom", "acquisition")["date_announced"] is None


def test_1993_cases() -> None:
    pgs = "plant-genetic-systems"
    assert _by_id(BE, "organisations")[pgs]["founded"] == "1983"
    dates = {r["type"]: r["date_announced"] for r in _relations_between(BE, pgs, "hilleshog")}
    assert dates == {"license": "1987"}
    assert [r["date_announced"] for r in _relations_between(BE, pgs, "japan-tobacco") if r["type"] == "joint_venture"] == ["1989-04"]
    assert [r["date_announced"] for r in _relations_between(BE, pgs, "clause")] == ["1989"]
    assert "1991-03" in {r["date_announced"] for r in _relations_between(BE, pgs, "corvas-international")}
    assert {r["type"] for r in _relations_between(BE, "corvas-international", "centocor")} >= {
        "rd_collaboration", "equity_investment", "license"}
    assert any(r["option"] for r in _relations_between(BE, "corvas-international", "centocor"))
    assert [r["date_announced"] for r in _relations_between(BE, "imec", "mietec")] == ["1991-11"]
    assert [r["date_announced"] for r in _relations_between(BE, "alcatel", "mietec")] == ["1990-01"]
    assert [r["date_announced"] for r in _relations_between(BE, "imec", "teknekron")] == ["1991"]


def test_distinct_entities_and_parents() -> None:
    orgs = _by_id(BE, "organisations")
    assert orgs["merck-and-co"]["country"] == "US" and orgs["merck-kgaa"]["country"] == "DE"
    assert orgs["janssen"]["parent_id"] == "johnson-and-johnson"
    assert orgs["alcon"]["parent_id"] == "novartis"
    assert orgs["mycartis"]["parent_id"] == "biocartis"
    assert orgs["gilead"]["region_id"] == "US" and orgs["taisho"]["region_id"] == "JP"


def test_support_organisations_of_chapter3() -> None:
    orgs = _by_id(BE, "organisations")
    kinds = {"vib": "research_institute", "flandersbio": "cluster_organisation", "biowin": "cluster_organisation",
             "gimv": "public_investor", "pmv": "public_investor", "sriw": "public_investor", "sambrinvest": "public_investor",
             "welbio": "research_institute", "giga": "research_institute", "essenscia": "industry_association",
             "ku-leuven": "university", "ugent": "university", "uclouvain": "university", "ulb": "university",
             "uliege": "university", "vub": "university", "uantwerpen": "university", "uhasselt": "university",
             "imec": "research_institute", "wallonia-biotech": "incubator"}
    for org, kind in kinds.items():
        assert orgs[org]["kind"] == kind, org
    assert orgs["vib"]["founded"] == "1996" and orgs["biowin"]["founded"] == "2006-07"


def test_regions_and_policies() -> None:
    regions = _by_id(BE, "regions")
    for code in ("BE1", "BE2", "BE3"):
        assert regions[code]["parent_id"] == "BE" and regions[code]["level"] == 1
        assert regions[code]["centroid_lat"] and regions[code]["centroid_lon"]
    policies = {p["name"]: p for p in _typed(BE, "policies")}
    starts = {name.split(" ")[0]: p["start"] for name, p in policies.items()}
    assert starts["THIRF"] == "1983" and starts["Opération"] == "1982"
    by_id = _by_id(BE, "policies")
    assert by_id["vib-creation"]["start"] == "1996" and by_id["marshall-plan"]["start"] == "2006"
    assert by_id["biowin"]["start"] == "2006-07" and by_id["biowin"]["instrument"] == "cluster_org"


def _indicator(region: str, indicator: str, year: int, source: str | None = None) -> float:
    hits = [r for r in _typed(BE, "indicators") if (r["region_id"], r["indicator"], r["year"]) == (region, indicator, year)
            and (source is None or r["source_id"] == source)]
    assert len(hits) == 1, (region, indicator, year, hits)
    return hits[0]["value"]


def test_table1_oecd_numbers() -> None:
    src = "oecd-kbi-2015"
    assert _indicator("BE", "biotech_firms", 2011, src) == 350
    assert _indicator("BE", "dedicated_biotech_firms", 2011, src) == 127
    assert _indicator("BE", "dedicated_biotech_firms_share", 2011, src) == 36.3
    assert _indicator("US", "biotech_firms", 2012, src) == 11367
    assert _indicator("DE", "dedicated_biotech_firms_share", 2014, src) == 81.5
    assert _indicator("SE", "biotech_firms", 2013, src) == 102
    assert len([r for r in _typed(BE, "indicators") if r["source_id"] == src]) == 13 * 3


def test_table2_ris_numbers() -> None:
    assert _indicator("BE2", "ris_innovative_smes_collaborating", 2016) == 0.818
    assert _indicator("BE3", "ris_rd_expenditure_business", 2016) == 0.624
    assert _indicator("BE", "ris_rd_expenditure_public", 2014) == 0.381
    assert _indicator("DE", "ris_epo_patent_applications", 2014) == 0.450
    assert _indicator("CH", "ris_rd_expenditure_business", 2014) == 0.626
    ris = [r for r in _typed(BE, "indicators") if r["indicator"].startswith("ris_")]
    assert not [r for r in ris if r["region_id"] == "CH" and r["year"] == 2016]  # n/a in the seed
    assert len(ris) == 9 * 4 * 2 - 4


def test_table4_openness_labels() -> None:
    labels = {r["organisation_id"]: r["category"] for r in _typed(BE, "indicators") if r["indicator"] == "openness_table4"}
    assert labels["ablynx"] == labels["galapagos"] == labels["thrombogenics"] == labels["biocartis"] == "very_open"
    assert labels["tigenix"] == labels["gilead"] == "fairly_open"
    assert labels["ucb"] == labels["merck-and-co"] == labels["merck-kgaa"] == labels["shire"] == "hardly_open"
    assert sum(1 for v in labels.values() if v == "hardly_open") == 16


# ------------------------------------------------------------------ lombardy and beijing

def test_lombardy_region_and_roles() -> None:
    regions = _by_id("lombardy", "regions")
    assert regions["ITC4"]["parent_id"] == "IT"
    kinds = {o["kind"] for o in _typed("lombardy", "organisations")}
    assert {"big_pharma", "university", "hospital", "technology_supplier"} <= kinds


def test_beijing_north_and_south_clusters() -> None:
    regions = _by_id("beijing", "regions")
    assert regions["CN-BJ"]["parent_id"] == "CN"
    children = {rid for rid, r in regions.items() if r["parent_id"] == "CN-BJ"}
    assert {"CN-BJ-N", "CN-BJ-S"} <= children
    orgs = _typed("beijing", "organisations")
    assert {o["region_id"] for o in orgs} >= {"CN-BJ-N", "CN-BJ-S"}


def test_loads_through_ecosystem() -> None:
    from bioregion.ecosystem import Ecosystem

    for name in DATASETS:
        eco = Ecosystem.from_dataset(name)
        assert len(eco.organisations) == len(_typed(name, "organisations"))
        assert len(eco.relations) == len(_typed(name, "relations"))


def _shared() -> Path | None:
    import os

    env = os.environ.get("BIOREGION_SHARED")
    root = Path(__file__).resolve().parents[1]
    for candidate in (Path(env) if env else None, root.parent / "shared", Path("/work/shared")):
        if candidate and candidate.is_dir():
            return candidate
    return None


@pytest.mark.parametrize("name", ["belgium-2016", "lombardy"])
def test_eurostat_indicators_match_the_shared_copy(name: str) -> None:
    shared = _shared()
    if shared is None:
        pytest.skip("shared data folder not found")
    truth = {}
    for sector, indicator in (("private", "rd_expenditure_business_per_inhabitant"),
                              ("government", "rd_expenditure_government_per_inhabitant")):
        for level in (0, 1, 2):
            with open(shared / "data" / "eurostat_nuts2" / f"randd_{sector}_eur_hab.nuts{level}.csv", newline="") as fh:
                for row in csv.DictReader(fh):
                    value = row[list(row)[-1]]
                    if value:
                        truth[(row["nuts_id"], indicator, int(row["year"]))] = float(value)
    rows = [r for r in _typed(name, "indicators") if r["source_id"] == "eurostat-rd-e-gerdreg"]
    assert len(rows) >= 12
    for r in rows:
        assert truth[(r["region_id"], r["indicator"], r["year"])] == r["value"], r["id"]


def test_table3_portfolio_is_recoverable_from_locators() -> None:
    in_table3 = {ev["subject_id"] for ev in _typed(BE, "evidence")
                 if ev["subject_table"] == "relations" and (ev["locator"] or "").startswith("Table 3")}
    partners = defaultdict(set)
    for party in _typed(BE, "parties"):
        if party["relation_id"] in in_table3:
            partners[party["relation_id"]].add(party["organisation_id"])
    galapagos = set().union(*(orgs for orgs in partners.values() if "galapagos" in orgs)) - {"galapagos"}
    assert galapagos == {"gilead", "abbvie", "servier", "morphosys", "thrombogenics", "tibotec-virco", "crucell", "cangenix"}
    mithra = set().union(*(orgs for orgs in partners.values() if "mithra" in orgs)) - {"mithra"}
    assert mithra == {"uteron-pharma", "glaxosmithkline", "fuji-pharma", "zhejiang-xianju", "novalon"}
