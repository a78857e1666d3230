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

__all__ = ["complementarity", "partner_scores", "choose", "learn"]


def complementarity(profile: np.ndarray, others: np.ndarray) -> np.ndarray:
    """Return ``4 s (1 - s)`` for the cosine similarity ``s`` of one profile to each row.

    Examples
    --------
    >>> a = np.array([1.0, 0.0])
    >>> complementarity(a, np.array([[1.0, 0.0], [0.0, 1.0]])).tolist()
    [0.0, 0.0]
    """
    norms = np.linalg.norm(others, axis=1) * np.linalg.norm(profile)
    s = (others @ profile) / np.where(norms > 0, norms, 1.0)
    return 4.0 * s * (1.0 - s)


def partner_scores(model, searcher: int, candidates: np.ndarray, proximity_weight: float = 1.0) -> np.ndarray:
    """Score ``candidates`` as partners of ``searcher`` (see the module docstring)."""
    agents, cal = model.agents, model.calibration
    w_prox, w_tie, w_deg, w_comp = cal.partner_weights
    distance = model.distance_now[agents.region[searcher], agents.region[candidates]]
    degree = agents.degree[candidates]
    top = max(int(agents.degree[: agents.n].max()), 1)
    ties = model.ties.get(searcher)
    tied = np.fromiter((c in ties for c in candidates), bool, len(candidates)) if ties else 0.0
    return (
        w_prox * proximity_weight * np.exp(-distance / cal.distance_scale_km)
        + w_tie * tied
        + w_deg * np.log1p(degree) / np.log1p(top)
        + w_comp * complementarity(agents.profile[searcher], agents.profile[candidates])
    )


def choose(model, searcher: int, pool: np.ndarray, proximity_weight: float = 1.0) -> int:
    """Pick one partner for ``searcher`` from ``pool`` (a sample of ``search_breadth``)."""
    rng = model.rng
    breadth = model.search_breadth
    sample = pool if len(pool) <= breadth else pool[rng.integers(0, len(pool), breadth)]
    weights = np.exp(partner_scores(model, searcher, sample, proximity_weight))
    cumulative = np.cumsum(weights)
    return int(sample[np.searchsorted(cumulative, rng.random() * cumulative[-1], side="right")])


def learn(model, a: int, b: int) -> None:
    """Both partners move their profiles towards the other's stronger capabilities."""
    profile, rate = model.agents.profile, model.calibration.learning_rate
    gain_a = np.maximum(profile[b] - profile[a], 0.0)
    gain_b = np.maximum(profile[a] - profile[b], 0.0)
    profile[a] += rate * gain_a
    profile[b] += rate * gain_b
