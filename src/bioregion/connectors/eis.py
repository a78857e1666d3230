"""Reader of the European Innovation Scoreboard 2023 country file (long format) into indicator rows.

The file has the columns ``Year, Country, CountryName, Zone, performance_group,
Indicator, Value``; values are scores relative to the EU in 2016 (= 100).
Each row becomes an ``indicators`` row: ``region_id`` the EIS country code
(``EU`` for the EU average; NUTS spells Greece ``EL``), ``indicator`` a slug of
the EIS name prefixed ``eis_`` (``eis_summary_innovation_index``), ``unit``
``index`` (relative to the EU in 2016 = 100). With ``groups=True`` the performance group of each
country and year is added as a categorical ``eis_performance_group`` row.

Data (c) European Union, CC BY 4.0.

References
----------
.. [1] European Commission (2023). *European Innovation Scoreboard 2023*.
   Publications Office of the European Union. doi:10.2777/119961.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

import pandas as pd

from ..errors import InputFormatError

__all__ = ["EIS_SOURCE_ID", "EIS_UNIT", "read_eis", "eis_indicator_name"]

EIS_SOURCE_ID = "eis2023"
EIS_UNIT = "index"  # relative to the EU in 2016 = 100
_COLUMNS = ("Year", "Country", "CountryName", "Zone", "performance_group", "Indicator", "Value")


def eis_indicator_name(label: str) -> str:
    """The indicator slug of an EIS label.

    Examples
    --------
    >>> eis_indicator_name("2.1.1 R&D expenditure in the public sector")
    'eis_rd_expenditure_in_the_public_sector'
    >>> eis_indicator_name("0 Summary Innovation Index")
    'eis_summary_innovation_index'
    """
    text = re.sub(r"^[\d.,]+\s*", "", label).replace("R&D", "rd").replace("(SD)", "")
    return "eis_" + re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def read_eis(path: str | Path, indicators: Iterable[str] | None = None, groups: bool = False) -> pd.DataFrame:
    """Read the EIS long CSV into indicator rows.

    Parameters
    ----------
    path : path
        ``eis2023_country_indicators_long.csv``.
    indicators : iterable of str, optional
        Keep these EIS labels (as in the file, e.g. ``"0 Summary Innovation Index"``).
    groups : bool
        Add ``eis_performance_group`` category rows (one per country and year).

    Returns
    -------
    pandas.DataFrame
        ``region_id, name, indicator, label, year, value, category, unit, source_id``.
    """
    path = Path(path)
    if not path.is_file():
        raise InputFormatError(f"{path}: no such file; give the EIS 2023 long CSV")
    frame = pd.read_csv(path)
    missing = [c for c in _COLUMNS if c not in frame.columns]
    if missing:
        raise InputFormatError(f"{path.name}: missing column(s) {', '.join(missing)}; expected {', '.join(_COLUMNS)}")
    frame = frame.drop_duplicates(["Country", "Indicator", "Year"])
    if indicators is not None:
        frame = frame[frame["Indicator"].isin(list(indicators))]
    frame = frame.dropna(subset=["Value"])
    region = frame["Country"].replace({"EU Average": "EU"})
    rows = pd.DataFrame({"region_id": region, "name": frame["CountryName"].replace({"EU": "European Union"}),
                         "indicator": frame["Indicator"].map(eis_indicator_name), "label": frame["Indicator"],
                         "year": frame["Year"].astype(int), "value": frame["Value"].astype(float), "category": None,
                         "unit": EIS_UNIT, "source_id": EIS_SOURCE_ID})
    if groups:
        rows = pd.concat([rows, _groups(frame, region)], ignore_index=True)
    return rows.reset_index(drop=True)


def _groups(frame: pd.DataFrame, region: pd.Series) -> pd.DataFrame:
    first = frame.assign(region_id=region).drop_duplicates(["region_id", "Year"])
    first = first[first["region_id"] != "EU"]
    return pd.DataFrame({"region_id": first["region_id"], "name": first["CountryName"],
                         "indicator": "eis_performance_group", "label": "performance group",
                         "year": first["Year"].astype(int), "value": None,
                         "category": first["performance_group"].str.lower(), "unit": None, "source_id": EIS_SOURCE_ID})
