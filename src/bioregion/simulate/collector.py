"""Time series of a run: a Mesa-like ``DataCollector`` of model-level reporters.

Each quarter gives one row: the step and year, firms alive (in total, by
region, by business model and by both), and the quarter's counts of spin-offs,
failures, acquisitions, IPOs, approvals, FIPCOs, capital raised, public money
paid and alliances by relation type.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .state import FIRM, MODELS

__all__ = ["DataCollector", "FLOWS", "ALLIANCE_TYPES"]

#: Per-quarter counters every row carries (zero when nothing happened).
FLOWS = ("spin_offs", "failures", "acquisitions", "ipos", "approvals", "fipcos", "capital_raised", "grants_paid")
#: Relation types the model signs, counted as ``alliances:<type>``.
ALLIANCE_TYPES = ("spin_off", "venture_round", "ipo", "license", "rd_collaboration", "co_development",
                  "marketing_distribution", "acquisition")


class DataCollector:
    """Collect one row of model variables per step.

    Parameters
    ----------
    model : BioRegionModel
    reporters : dict of name -> callable(model), optional
        Extra model-level reporters, as in Mesa's ``model_reporters``.
    """

    def __init__(self, model, reporters: dict | None = None) -> None:
        self.model = model
        self.reporters = dict(reporters or {})
        self.rows: list[dict] = []
        regions = model.env.region_ids
        self._keys = (["firms_alive"] + [f"firms_alive:{r}" for r in regions] + [f"firms_alive:{b}" for b in MODELS]
                      + [f"firms:{r}:{b}" for r in regions for b in MODELS])
        self._flows = list(FLOWS) + [f"alliances:{kind}" for kind in ALLIANCE_TYPES]

    def collect(self) -> None:
        """Record the current quarter."""
        m = self.model
        row: dict = {"step": m.t, "year": m.scenario.start_year + m.t / 4}
        row.update(self._firms())
        counters = m.counters
        row.update({name: counters.get(name, 0) for name in self._flows})
        for name, reporter in self.reporters.items():
            row[name] = reporter(m)
        self.rows.append(row)

    def _firms(self) -> dict:
        a, regions = self.model.agents, self.model.env.region_ids
        firms = a.mask(FIRM)
        cells = np.bincount(a.region[: a.n][firms].astype(np.int64) * len(MODELS) + a.model[: a.n][firms],
                            minlength=len(regions) * len(MODELS)).reshape(len(regions), len(MODELS))
        values = [int(cells.sum()), *cells.sum(axis=1).tolist(), *cells.sum(axis=0).tolist(), *cells.ravel().tolist()]
        return dict(zip(self._keys, values))

    def get_model_vars_dataframe(self) -> pd.DataFrame:
        """The time series as a DataFrame, one row per step (Mesa's name)."""
        return pd.DataFrame(self.rows)
