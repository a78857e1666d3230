"""Reader of Eurostat ``rd_e_gerdreg`` regional R&D expenditure CSVs (NUTS 0/1/2) into indicator rows.

The files (as reshaped by nestauk/eurito_indicators) have the columns
``year, nuts_id, nuts_year_spec, <variable>`` where the variable is
``r&d_private_eur_hab`` (business enterprise sector) or
``r&d_government_eur_hab`` (government sector), in EUR per inhabitant.
Empty values are left out.

Data: Eurostat, CC BY 4.0 (via nestauk/eurito_indicators, MIT).

References
----------
.. [1] Eurostat (2021). Intramural R&D expenditure (GERD) by sectors of
   performance and NUTS 2 regions (``rd_e_gerdreg``).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import InputFormatError

__all__ = ["EUROSTAT_SOURCE_ID", "EUROSTAT_VARIABLES", "read_eurostat_rd"]

EUROSTAT_SOURCE_ID = "eurostat_rd"
#: File variable -> (indicator name, unit).
EUROSTAT_VARIABLES = {
    "r&d_private_eur_hab": ("rd_business_eur_per_inhabitant", "EUR/inhabitant"),
    "r&d_government_eur_hab": ("rd_government_eur_per_inhabitant", "EUR/inhabitant"),
}


def read_eurostat_rd(path: str | Path) -> pd.DataFrame:
    """Read one ``randd_*_eur_hab.nutsN.csv`` file into indicator rows.

    Returns
    -------
    pandas.DataFrame
        ``region_id`` (NUTS code), ``level`` (NUTS level from the code length),
        ``indicator, year, value, unit, source_id``.
    """
    path = Path(path)
    if not path.is_file():
        raise InputFormatError(f"{path}: no such file; give a Eurostat rd_e_gerdreg CSV")
    frame = pd.read_csv(path, dtype={"nuts_id": str})
    variables = [c for c in frame.columns if c in EUROSTAT_VARIABLES]
    if not {"year", "nuts_id"} <= set(frame.columns) or len(variables) != 1:
        raise InputFormatError(f"{path.name}: expected columns year, nuts_id and one of "
                               f"{', '.join(EUROSTAT_VARIABLES)}")
    variable = variables[0]
    indicator, unit = EUROSTAT_VARIABLES[variable]
    frame = frame.dropna(subset=[variable])
    return pd.DataFrame({"region_id": frame["nuts_id"], "level": frame["nuts_id"].str.len() - 2,
                         "indicator": indicator, "year": frame["year"].astype(int),
                         "value": frame[variable].astype(float), "unit": unit,
                         "source_id": EUROSTAT_SOURCE_ID}).reset_index(drop=True)
