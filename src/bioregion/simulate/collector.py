"""Time series of a run: a Mesa-like ``DataCollector`` of model-level reporters.

Each quarter gives one row: the step and year, firms alive (in total, by
region, by business model and by both), and the quarter's counts of spin-offs,
failures, acquisitions, IPOs, approvals, FIPCOs, capital raised, public money
paid and alliances by relation type. The rules keep these in two arrays of
the model, ``flows`` (the quarter's counters, :data:`FLOW_NAMES` order) and
``cells`` (firms alive by region and business model), so collecting a quarter
copies two small arrays; the table is built once, by
:meth:`DataCollector.get_model_vars_dataframe`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .state import MODELS

__all__ = ["DataCollector", "FLOWS", "ALLIANCE_TYPES", "FLOW_NAMES", "MONEY_FLOWS"]

#: Per-quarter counters every row carries (zero when nothing happened).
FLOWS = ("spin_offs", "failures", "acquisitions", "ipos", "approvals", "fipcos", "capital_raised", "grants_paid")
#: Relation types the model signs, counted as ``alliances:<type>``.
ALLIANCE_TYPES = ("spin_off", "venture_round", "ipo", "license", "rd_collaboration", "co_development",
                  "marketing_distribution", "acquisition")
#: Names of the entries of a model's ``flows`` array.
FLOW_NAMES = FLOWS + tuple(f"alliances:{kind}" for kind in ALLIANCE_TYPES)
#: Flows in USD (the others are counts).
MONEY_FLOWS = ("capital_raised", "grants_paid")


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
        self._steps: list[int] = []
        self._cells: list[np.ndarray] = []
        self._flows: list[np.ndarray] = []
        self._extra: list[dict] = []

    def collect(self) -> None:
        """Record the current quarter."""
        m = self.model
        self._steps.append(m.t)
        self._cells.append(m.cells.ravel().copy())
        self._flows.append(m.flows.copy())
        if self.reporters:
            self._extra.append({name: reporter(m) for name, reporter in self.reporters.items()})

    def get_model_vars_dataframe(self) -> pd.DataFrame:
        """The time series as a DataFrame, one row per step (Mesa's name)."""
        m = self.model
        regions, steps = m.env.region_ids, np.array(self._steps, dtype=np.int64)
        cells = np.array(self._cells, dtype=np.int64).reshape(len(steps), len(regions), len(MODELS))
        flows = np.array(self._flows, dtype=np.float64).reshape(len(steps), len(FLOW_NAMES))
        columns = {"step": steps, "year": m.scenario.start_year + steps / 4, "firms_alive": cells.sum(axis=(1, 2))}
        columns.update({f"firms_alive:{r}": cells[:, i].sum(axis=1) for i, r in enumerate(regions)})
        columns.update({f"firms_alive:{b}": cells[:, :, j].sum(axis=1) for j, b in enumerate(MODELS)})
        columns.update({f"firms:{r}:{b}": cells[:, i, j] for i, r in enumerate(regions) for j, b in enumerate(MODELS)})
        columns.update({name: flows[:, k] if name in MONEY_FLOWS else flows[:, k].astype(np.int64)
                        for k, name in enumerate(FLOW_NAMES)})
        frame = pd.DataFrame(columns)
        if self.reporters:
            frame = pd.concat([frame, pd.DataFrame(self._extra)], axis=1)
        return frame
