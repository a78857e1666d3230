"""Build the embedded ``europe-indicators`` dataset from the shared EIS 2023 and Eurostat files.

Usage: python scripts/build_europe_indicators.py [SHARED_DATA_DIR]

Reads ``eis/eis2023_country_indicators_long.csv`` and
``eurostat_nuts2/randd_{private,government}_eur_hab.nuts{0,1,2}.csv`` (both
marked "may ship" in shared/data/README.md) and writes
``src/bioregion/datasets/europe_indicators/`` (regions, indicators, sources,
evidence; empty organisation tables) after validating it as an ecosystem.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pandas as pd

from bioregion.connectors.eis import EIS_SOURCE_ID, read_eis
from bioregion.connectors.eurostat import EUROSTAT_SOURCE_ID, read_eurostat_rd
from bioregion.ecosystem import Ecosystem
from bioregion.io import write_tables

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "bioregion" / "datasets" / "europe_indicators"

#: The Summary Innovation Index and six indicators that matter to biopharma clusters.
EIS_LABELS = [
    "0 Summary Innovation Index",
    "1.2.2 Scientific publications among the top 10% most cited",
    "2.1.1 R&D expenditure in the public sector",
    "2.1.2 Venture capital expenditures",
    "2.2.1 R&D expenditure in the business sector",
    "3.2.2 Public-private co-publications",
    "3.3.1 PCT patent applications",
]
#: Names of the NUTS regions the bioRegion datasets use (others keep their code as name).
NUTS_NAMES = {"BE1": "Brussels-Capital Region", "BE2": "Flemish Region (Flanders)", "BE3": "Walloon Region (Wallonia)",
              "BE10": "Brussels-Capital Region (NUTS 2)", "BE21": "Antwerpen", "BE22": "Limburg (BE)",
              "BE23": "Oost-Vlaanderen", "BE24": "Vlaams-Brabant", "BE25": "West-Vlaanderen", "BE31": "Brabant wallon",
              "BE32": "Hainaut", "BE33": "Liège", "BE34": "Luxembourg (BE)", "BE35": "Namur",
              "ITC": "Nord-Ovest", "ITC4": "Lombardia"}
NUTS2_KEPT = ("BE1", "BE2", "BE3", "ITC")
EXTRA_COUNTRIES = {"JP": "Japan", "KR": "South Korea", "RU": "Russia", "US": "United States"}
ISO = {"EL": "GR", "UK": "GB"}


def shared_data() -> Path:
    for candidate in (sys.argv[1] if len(sys.argv) > 1 else None, os.environ.get("BIOREGION_SHARED"),
                      ROOT.parent / "shared", "/work/shared"):
        if candidate and (Path(candidate) / "data").is_dir():
            return Path(candidate) / "data"
        if candidate and (Path(candidate) / "eis").is_dir():
            return Path(candidate)
    sys.exit("shared/data not found; give its path")


def short_code(label: str) -> str:
    """A short key part for an indicator: ``eis2.1.1`` (EIS code), ``eisgroup``, ``rdbus``, ``rdgov``."""
    if label == "performance group":
        return "eisgroup"
    if label.startswith("rd_"):
        return "rdbus" if "business" in label else "rdgov"
    return "eis" + label.split(" ", 1)[0]


def regions(eis: pd.DataFrame, nuts: pd.DataFrame) -> list[dict]:
    names = dict(zip(eis["region_id"], eis["name"])) | EXTRA_COUNTRIES
    rows = {code: {"id": code, "name": name, "level": 0, "country": ISO.get(code, code) if code != "EU" else None}
            for code, name in names.items()}
    for code in sorted(set(nuts["region_id"]) - set(rows), key=len):
        parent = code[:-1] if code[:-1] in rows else code[:2]
        rows[code] = {"id": code, "name": NUTS_NAMES.get(code, code), "parent_id": parent, "level": len(code) - 2,
                      "country": ISO.get(code[:2], code[:2])}
    return list(rows.values())


def main() -> None:
    data = shared_data()
    eis = read_eis(data / "eis" / "eis2023_country_indicators_long.csv", EIS_LABELS, groups=True)
    nuts = pd.concat([read_eurostat_rd(p) for p in sorted((data / "eurostat_nuts2").glob("randd_*_eur_hab.nuts*.csv"))])
    nuts = nuts[~nuts["region_id"].str[:2].isin(["EA", "EU"])]  # euro-area and EU aggregates
    # NUTS 0 and 1 everywhere; NUTS 2 only where the bioRegion datasets are (size: see the README)
    nuts = nuts[(nuts["level"] < 2) | nuts["region_id"].str[:3].isin(NUTS2_KEPT)]
    columns = ["region_id", "indicator", "year", "value", "category", "unit", "source_id"]
    indicators = pd.concat([eis[columns], nuts.assign(category=None)[columns]], ignore_index=True)
    codes = [short_code(label) for label in pd.concat([eis["label"], nuts["indicator"]], ignore_index=True)]
    region_rows = regions(eis, nuts)
    records = {
        "sources": [
            {"id": EIS_SOURCE_ID, "title": "European Innovation Scoreboard 2023, country indicators 2016-2023",
             "kind": "dataset", "author": "European Commission", "date": "2023",
             "url": "https://research-and-innovation.ec.europa.eu/statistics/performance-indicators/european-innovation-scoreboard_en",
             "notes": "(c) European Union, CC BY 4.0; reshaped via DiogoRibeiro7/insights_european_innovation_scoreboard"},
            {"id": EUROSTAT_SOURCE_ID, "title": "Eurostat rd_e_gerdreg: R&D expenditure by sector and NUTS region",
             "kind": "dataset", "author": "Eurostat", "date": "2021",
             "url": "https://ec.europa.eu/eurostat/databrowser/view/rd_e_gerdreg/default/table",
             "notes": "Eurostat, CC BY 4.0; via nestauk/eurito_indicators (MIT), commit 62af93d9"},
        ],
        "regions": region_rows,
        "organisations": [],
        "indicators": indicators.astype(object).where(indicators.notna(), None).to_dict("records"),
        "evidence": [{"source_id": EIS_SOURCE_ID if r["level"] == 0 and r["id"] not in EXTRA_COUNTRIES
                      else EUROSTAT_SOURCE_ID, "subject_table": "regions", "subject_id": r["id"],
                      "locator": "country list" if r["level"] == 0 else "nuts_id column"} for r in region_rows],
    }
    for row, code in zip(records["indicators"], codes):
        row["id"] = f"{row['region_id']}:{code}:{row['year']}"
        records["evidence"].append({"source_id": row["source_id"], "subject_table": "indicators",
                                    "subject_id": row["id"]})
    eco = Ecosystem.from_records(records, name="europe-indicators")
    write_tables(eco.records(), OUT, "csv")
    print(f"wrote {OUT}: {eco.counts()}")


if __name__ == "__main__":
    main()
