"""The agent-based bioRegion model, scenarios, calibration and sweeps.

The vocabulary follows Mesa: a :class:`BioRegionModel` advances by
:meth:`~BioRegionModel.step` (one quarter), a :class:`DataCollector` of
reporters records time series, and :func:`batch_run` runs replicates and
parameter sweeps. Unlike Mesa, agents are rows of numpy arrays, so a step costs
a few array operations whatever the number of firms.
"""

from __future__ import annotations

from .calibration import Calibration
from .pipeline import simulate_pipeline

__all__ = ["Calibration", "simulate_pipeline"]
