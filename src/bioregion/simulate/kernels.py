"""Compiled (numba) code of the model, behind the ``sim`` extra.

A model step runs its rules in one compiled call, :func:`compiled_quarter` (the code is
in :mod:`bioregion.simulate.compiled`), instead of some sixty numpy calls:
loops over agents and programs that write events, ties and counters in the
same pass. :func:`choose_partners` is the compiled partner choice for
samples and draws made by the caller.

All random numbers come from the model's ``numpy.random.Generator`` (the
compiled code draws from it), so a run stays reproducible bit for bit for a
given seed. numba is imported lazily, on the first call: :func:`available`
tells whether it is installed; without it the model runs the numpy rules of
:mod:`bioregion.simulate.lifecycle`, :mod:`~bioregion.simulate.deals` and
:mod:`~bioregion.simulate.partners`, which follow the same rules but draw
their random numbers in another order, so trajectories differ between the two
paths (never between runs of one path). Compiled code is cached on disk
(``cache=True``): the compile cost (some seconds) is paid once per machine.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

__all__ = ["available", "choose_partners", "compiled_quarter"]

_KERNELS: dict[str, bool] = {}


def available() -> bool:
    """Whether numba is installed, so the compiled code can be used."""
    if "ok" not in _KERNELS:
        try:
            import numba  # noqa: F401  (installed?)
        except ImportError:
            _KERNELS["ok"] = False
        else:
            _KERNELS["ok"] = True
    return _KERNELS["ok"]


def compiled_quarter(model) -> Callable[[], None] | None:
    """The compiled quarter of ``model`` (call it to run the rules after entries and spin-offs); None
    without numba. See :mod:`bioregion.simulate.compiled`."""
    if not available():
        return None
    from .compiled import Quarter

    return Quarter(model)


def choose_partners(searchers: np.ndarray, sample: np.ndarray, draws: np.ndarray, proximity_weight: np.ndarray,
                    region: np.ndarray, proximity: np.ndarray, degree: np.ndarray, profile: np.ndarray,
                    tie_table: np.ndarray, new_keys: np.ndarray, weights: tuple[float, float, float, float],
                    top_degree: int) -> np.ndarray:
    """Pick one partner per searcher among its row of ``sample``; -1 when none can be picked.

    Parameters
    ----------
    searchers : ndarray of int, shape (k,)
    sample : ndarray of int, shape (k, B)
        Candidate rows of each searcher.
    draws : ndarray of float, shape (k,)
        Uniform [0, 1) numbers, one per searcher.
    proximity_weight : ndarray of float, shape (k,)
    region, degree, profile : ndarray
        Agent columns.
    proximity : ndarray (R, R)
        ``exp(-distance / distance_scale_km)`` between regions.
    tie_table : ndarray of int64
        Hash table of the pair keys of past alliances (:class:`bioregion.simulate.ties.Ties`).
    new_keys : ndarray of int64
        Sorted pair keys (``min << 32 | max``) of this quarter's alliances.
    weights : tuple of float
        Weights of proximity, prior ties, degree and complementarity.
    top_degree : int
        Highest degree of any agent.

    See :mod:`bioregion.simulate.partners` for the score.
    """
    from .compiled import Search, choose_drawn, norms_of

    search = Search(region, proximity, profile, norms_of(profile, len(profile)), np.asarray(weights, dtype=np.float64),
                    sample.shape[1])
    return choose_drawn(search, searchers.astype(np.int64, copy=False), sample.astype(np.int64, copy=False),
                        draws, proximity_weight, degree, tie_table, new_keys, int(top_degree))
