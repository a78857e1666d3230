"""The agent-based bioRegion model, scenarios, calibration and sweeps.

The vocabulary follows Mesa: a :class:`BioRegionModel` advances by
:meth:`~BioRegionModel.step` (one quarter), a :class:`DataCollector` of
reporters records time series, and :func:`batch_run` runs replicates and
parameter sweeps (:func:`sweep` runs them on Dask). Unlike Mesa, agents are
rows of numpy arrays, so a step costs a few array operations whatever the
number of firms.
"""

from __future__ import annotations

from .calibration import Calibration
from .collector import DataCollector
from .events import to_records
from .model import BioRegionModel
from .pipeline import simulate_pipeline
from .replicates import batch_run, compare, summarise
from .scenario import Scenario, load_scenario, shipped_scenarios
from .sweep import sweep

__all__ = ["BioRegionModel", "Calibration", "DataCollector", "Scenario", "batch_run", "compare", "load_scenario",
           "shipped_scenarios", "simulate_pipeline", "summarise", "sweep", "to_records"]
