"""The drug-pipeline attrition process on its own, vectorised over programs.

This is the process every program of the agent-based model follows, run from
phase I with no firm around it: each program passes phase I, II, III and filing
with the calibrated transition probabilities, spending a gamma-distributed time
in each phase. ``bioregion simulate pipeline`` prints its result (DESIGN.md
section 4 contract).

References
----------
.. [1] BIO, Informa Pharma Intelligence & QLS Advisors (2021). *Clinical
   Development Success Rates and Contributing Factors 2011-2020*.
"""

from __future__ import annotations

import numpy as np

from ..errors import ValidationError
from .calibration import PHASES, Calibration

__all__ = ["simulate_pipeline", "phase_durations"]

#: Index of phase I in the calibration's stage tuples (0 is preclinical).
_FIRST_CLINICAL = 1


def phase_durations(
    rng: np.random.Generator, stage: int | np.ndarray, calibration: Calibration, size: int | None = None
) -> np.ndarray:
    """Draw durations in years for programs entering ``stage``.

    Gamma distributed with the calibrated mean and shape (see
    :mod:`bioregion.simulate.calibration`).

    Examples
    --------
    >>> d = phase_durations(np.random.default_rng(0), 1, Calibration(), size=100_000)
    >>> round(float(d.mean()), 1)
    2.3
    """
    mean = np.asarray(calibration.duration_years)[stage]
    shape = calibration.duration_shape
    return rng.gamma(shape, mean / shape, size=size)


def simulate_pipeline(programs: int, seed: int, calibration: Calibration | None = None) -> dict:
    """Run ``programs`` programs from phase I to approval or failure.

    Parameters
    ----------
    programs : int
        Number of programs entering phase I (> 0).
    seed : int
        Seed of the random generator; the same seed gives the same result.
    calibration : Calibration, optional
        The rates and durations; the published defaults when omitted.

    Returns
    -------
    dict
        ``{"programs", "approved", "likelihood_of_approval",
        "mean_years_to_approval", "phase_transition": {phase: rate}}`` where
        each phase transition rate is the share of programs entering the
        phase that passed it.

    Examples
    --------
    >>> out = simulate_pipeline(100_000, seed=1)
    >>> abs(out["likelihood_of_approval"] - 0.079) < 0.003
    True
    """
    if programs <= 0:
        raise ValidationError(f"programs is {programs}; give a positive number, e.g. --programs 100000")
    calibration = calibration or Calibration()
    rng = np.random.default_rng(seed)
    alive = np.ones(programs, dtype=bool)
    years = np.zeros(programs)
    rates: dict[str, float] = {}
    for offset, phase in enumerate(PHASES):
        stage = _FIRST_CLINICAL + offset
        entered = int(alive.sum())
        years += np.where(alive, phase_durations(rng, stage, calibration, size=programs), 0.0)
        alive &= rng.random(programs) < calibration.transition[stage]
        rates[phase] = float(alive.sum() / entered) if entered else 0.0
    approved = int(alive.sum())
    return {
        "programs": int(programs),
        "approved": approved,
        "likelihood_of_approval": approved / programs,
        "mean_years_to_approval": float(years[alive].mean()) if approved else None,
        "phase_transition": rates,
    }
