"""The event log of a run as preallocated columns, grown when full.

Every alliance a rule signs is one row: the quarter, an event code (what kind
of relation, which party roles, which terms), the one or two parties (agent
rows), the stage at signing and up to three term amounts. The compiled quarter
(:mod:`bioregion.simulate.compiled`) writes rows straight into these columns,
the numpy rules through :meth:`EventLog.append`; :meth:`EventLog.tuples` gives
the ``(step, relation type, parties, stage, terms)`` tuples that
:func:`bioregion.simulate.events.to_records` writes as ecosystem records.

Examples
--------
>>> log = EventLog()
>>> log.append(3, VENTURE_ROUND, np.array([7]), np.array([2]), np.array([1]), (np.array([8e6]),))
>>> log.tuples()
[(3, 'venture_round', ((7, 'investor'), (2, 'investee')), 1, {'equity': 8000000.0})]
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

__all__ = ["EventLog", "EVENT_KINDS", "SPIN_OFF", "VENTURE_ROUND", "IPO", "LICENSE", "PLATFORM_LICENSE",
           "MARKETING", "RD_COLLABORATION", "CO_DEVELOPMENT", "ACQUISITION", "STEP", "CODE", "FIRST", "SECOND",
           "STAGE"]

#: Per event code: relation type, party roles, term names, and the stage name when fixed by the code.
EVENT_KINDS: tuple[tuple[str, tuple[str, ...], tuple[str, ...], str | None], ...] = (
    ("spin_off", ("parent", "offspring"), (), "discovery"),
    ("venture_round", ("investor", "investee"), ("equity",), None),
    ("ipo", ("issuer",), ("value",), None),
    ("license", ("licensor", "licensee"), ("upfront", "milestones", "royalty"), None),
    ("license", ("licensor", "licensee"), ("upfront", "royalty"), "platform"),
    ("marketing_distribution", ("partner", "partner"), ("upfront", "milestones", "royalty"), None),
    ("rd_collaboration", ("partner", "partner"), (), None),
    ("co_development", ("partner", "partner"), ("research_funding",), None),
    ("acquisition", ("acquirer", "target"), ("value",), None),
)
(SPIN_OFF, VENTURE_ROUND, IPO, LICENSE, PLATFORM_LICENSE, MARKETING, RD_COLLABORATION, CO_DEVELOPMENT,
 ACQUISITION) = range(len(EVENT_KINDS))
#: Columns of :attr:`EventLog.ints` (``SECOND`` is -1 for one-party events).
STEP, CODE, FIRST, SECOND, STAGE = range(5)
_TERMS = 3


class EventLog:
    """Rows of events: ``ints`` (step, code, parties, stage) and ``floats`` (terms), ``n`` rows used."""

    def __init__(self) -> None:
        self.n = 0
        self.ints = np.zeros((0, 5), dtype=np.int64)
        self.floats = np.zeros((0, _TERMS))

    def reserve(self, size: int) -> None:
        """Make room for ``size`` rows in all (doubling, so appends stay amortised O(1))."""
        if size <= len(self.ints):
            return
        new = max(size, 2 * len(self.ints), 256)
        ints, floats = np.zeros((new, 5), dtype=np.int64), np.zeros((new, _TERMS))
        ints[: self.n], floats[: self.n] = self.ints[: self.n], self.floats[: self.n]
        self.ints, self.floats = ints, floats

    def append(self, step: int, code: int, first: np.ndarray, second: np.ndarray | None, stage: Any,
               terms: Sequence[Any] = ()) -> None:
        """Add one row per element of ``first``; ``stage`` and ``terms`` broadcast over them."""
        count = len(first)
        self.reserve(self.n + count)
        rows = slice(self.n, self.n + count)
        self.ints[rows, STEP], self.ints[rows, CODE], self.ints[rows, FIRST] = step, code, first
        self.ints[rows, SECOND] = -1 if second is None else second
        self.ints[rows, STAGE] = stage
        for column, values in enumerate(terms):
            self.floats[rows, column] = values
        self.n += count

    def tuples(self) -> list[tuple]:
        """The rows as ``(step, relation type, ((row, role), ...), stage, {term: amount})`` tuples."""
        return [_decode(row, amounts) for row, amounts in zip(self.ints[: self.n].tolist(),
                                                              self.floats[: self.n].tolist())]


def _decode(row: list[int], amounts: list[float]) -> tuple:
    kind, roles, terms, fixed_stage = EVENT_KINDS[row[CODE]]
    parties = tuple(zip((row[FIRST], row[SECOND]), roles))
    return (row[STEP], kind, parties, fixed_stage or row[STAGE], dict(zip(terms, amounts)))
