"""Partner choice: proximity, prior ties, network position and knowledge complementarity.

A searching agent scores a random sample of candidates (bounded search, as in
the SKIN family of models) and picks one with probability proportional to
``exp(score)``. The score adds four terms, weighted by
``Calibration.partner_weights``:

- **proximity**: ``exp(-distance / distance_scale_km)`` between home regions
  (interregional programmes shrink distances); for late-stage deals the weight
  fades, since big pharma licenses from anywhere ("local buzz, global pipelines",
  Bathelt et al. 2004);
- **prior ties**: 1 when the two have allied before (Powell et al. 2005,
  follow-the-trend and multiconnectivity);
- **network position**: ``log(1 + degree) / log(1 + max degree)``
  (accumulative advantage, Powell et al. 2005);
- **complementarity**: ``4 s (1 - s)`` with ``s`` the cosine similarity of the
  knowledge profiles, highest at ``s = 0.5``: enough common ground to absorb,
  enough difference to learn (Nooteboom's optimal cognitive distance, used by
  SKIN; Gilbert, Pyka & Ahrweiler 2001).

References
----------
.. [1] Powell, W. W., White, D. R., Koput, K. W. & Owen-Smith, J. (2005).
   Network dynamics and field evolution. *Am. J. Sociology* 110, 1132-1205.
.. [2] Gilbert, N., Pyka, A. & Ahrweiler, P. (2001). Innovation networks: a
   simulation approach. *JASSS* 4(3). (Re-implemented from the description.)
.. [3] Bathelt, H., Malmberg, A. & Maskell, P. (2004). Clusters and knowledge:
   local buzz, global pipelines. *Progress in Human Geography* 28, 31-56.
"""

from __future__ import annotations

import numpy as np

from . import kernels

__all__ = ["complementarity", "partner_scores", "choose", "learn"]


def complementarity(profiles: np.ndarray, others: np.ndarray) -> np.ndarray:
    """Return ``4 s (1 - s)`` for the cosine similarity ``s`` of each profile to its candidates.

    ``profiles`` is ``(k, K)`` and ``others`` ``(k, B, K)``; the result is ``(k, B)``.

    Examples
    --------
    >>> a = np.array([[1.0, 0.0]])
    >>> complementarity(a, np.array([[[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]])).round(3).tolist()
    [[0.0, 0.0, 0.828]]
    """
    dot = np.einsum("kj,kbj->kb", profiles, others)
    norms = np.linalg.norm(others, axis=2) * np.linalg.norm(profiles, axis=1)[:, None]
    s = dot / np.where(norms > 0, norms, 1.0)
    return 4.0 * s * (1.0 - s)


def partner_scores(model, searchers: np.ndarray, candidates: np.ndarray,
                   proximity_weight: float | np.ndarray = 1.0) -> np.ndarray:
    """Score ``candidates`` (``(k, B)`` rows) as partners of each of ``searchers`` (``k``)."""
    agents, cal = model.agents, model.calibration
    w_prox, w_tie, w_deg, w_comp = cal.partner_weights
    distance = model.distance_now[agents.region[searchers][:, None], agents.region[candidates]]
    top = max(int(agents.degree[: agents.n].max()), 1)
    proximity = np.exp(-distance / cal.distance_scale_km) * np.reshape(proximity_weight, (-1, 1))
    return (
        w_prox * proximity
        + w_tie * model.tied(searchers[:, None], candidates)
        + w_deg * np.log1p(agents.degree[candidates]) / np.log1p(top)
        + w_comp * complementarity(agents.profile[searchers], agents.profile[candidates])
    )


def choose(model, searchers: np.ndarray, pool: np.ndarray, proximity_weight: float | np.ndarray = 1.0) -> np.ndarray:
    """Pick one partner from ``pool`` for each searcher; -1 when none is possible.

    Each searcher scores ``search_breadth`` candidates drawn from the pool
    (all of it when smaller) and picks one with probability proportional to
    ``exp(score)``; itself is never a candidate. Uses the compiled kernel
    of :mod:`bioregion.simulate.kernels` when numba is installed.
    """
    rng, k, agents = model.rng, len(searchers), model.agents
    if k == 0 or len(pool) == 0:
        return np.full(k, -1)
    if len(pool) <= model.search_breadth:
        sample = np.empty((k, len(pool)), dtype=np.int64)
        sample[:] = pool
    else:
        sample = pool[rng.integers(0, len(pool), (k, model.search_breadth))]
    draws = rng.random(k)
    if kernels.available():
        weight = np.empty(k)
        weight[:] = proximity_weight
        return kernels.choose_partners(
            searchers, sample, draws, weight, agents.region, model.proximity_now(), agents.degree, agents.profile,
            model.ties.table, model.new_tie_keys(), model.calibration.partner_weights,
            int(agents.degree[: agents.n].max()))
    weights = np.exp(partner_scores(model, searchers, sample, proximity_weight))
    weights[sample == searchers[:, None]] = 0.0
    cumulative = np.cumsum(weights, axis=1)
    draws = draws * cumulative[:, -1]
    picks = np.minimum((cumulative <= draws[:, None]).sum(axis=1), sample.shape[1] - 1)
    return np.where(cumulative[:, -1] > 0, sample[np.arange(k), picks], -1)


def learn(model, a: np.ndarray, b: np.ndarray) -> None:
    """Partners move their profiles towards each other's stronger capabilities."""
    profile, rate = model.agents.profile, model.calibration.learning_rate
    gain_a = np.maximum(profile[b] - profile[a], 0.0)
    gain_b = np.maximum(profile[a] - profile[b], 0.0)
    np.add.at(profile, a, rate * gain_a)
    np.add.at(profile, b, rate * gain_b)
