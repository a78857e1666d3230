"""Agents and programs as rows of numpy arrays.

Every agent of the model (knowledge producer, new biotech firm, big pharma,
investor) is one row of :class:`Agents`; every drug program is one row of
:class:`Programs`. Rules read and write whole columns at once, so a model step
costs a few array operations whatever the number of agents (the Mesa vocabulary
without one Python object per agent).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

__all__ = [
    "PRODUCER", "FIRM", "PHARMA", "INVESTOR", "OTHER", "AGENT_KINDS",
    "MODELS", "PRODUCT", "PLATFORM", "HYBRID", "FIPCO", "STATUSES", "ACTIVE", "CLOSED", "ACQUIRED",
    "Agents", "Programs", "kind_of",
]

#: Agent kinds of the model (rows of :class:`Agents`).
PRODUCER, FIRM, PHARMA, INVESTOR, OTHER = range(5)
AGENT_KINDS: tuple[str, ...] = ("producer", "firm", "pharma", "investor", "other")

#: Business models a simulated firm can hold (DESIGN.md taxonomy names).
MODELS: tuple[str, ...] = ("product", "platform", "hybrid", "fipco")
PRODUCT, PLATFORM, HYBRID, FIPCO = range(4)

#: Organisation status of an agent (closed and acquired agents have ended).
STATUSES: tuple[str, ...] = ("active", "closed", "acquired")
ACTIVE, CLOSED, ACQUIRED = range(3)

_KIND_OF = {
    "university": PRODUCER, "hospital": PRODUCER, "research_institute": PRODUCER,
    "new_biotech_firm": FIRM, "biotech": FIRM, "diagnostics": FIRM, "technology_supplier": FIRM,
    "big_pharma": PHARMA, "specialty_pharma": PHARMA,
    "venture_capital": INVESTOR, "corporate_venture": INVESTOR, "public_investor": INVESTOR,
}


def kind_of(organisation_kind: str) -> int:
    """Map an organisation kind of the taxonomy to an agent kind of the model.

    Examples
    --------
    >>> AGENT_KINDS[kind_of("university")]
    'producer'
    """
    return _KIND_OF.get(organisation_kind, OTHER)


@dataclass
class Agents:
    """Columns of every agent; grown by :meth:`add`.

    Attributes
    ----------
    ids, names, org_kinds : list of str
        Organisation id, name and taxonomy kind (for the event log).
    kind, region, founded, model : ndarray of int
        Agent kind, region index, founding step, business model (firms).
    alive, listed : ndarray of bool
    status, ended : ndarray of int
        Organisation status (:data:`STATUSES`) and the step the agent ended at.
    cash, fund : ndarray of float
        Cash of firms; yearly fund supply of investors.
    degree : ndarray of int
        Number of alliances signed (network position).
    products : ndarray of float
        Marketed products of big pharma not modelled as programs.
    profile : ndarray (n, capabilities)
        Knowledge profile: expertise per capability in [0, 1] (SKIN family).
    """

    capabilities: int
    n: int = 0
    ids: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    org_kinds: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._size = 0
        for name, dtype in _AGENT_COLUMNS.items():
            setattr(self, name, np.zeros(0, dtype=dtype))
        self.profile = np.zeros((0, self.capabilities))

    def add(self, count: int, *, ids: list[str], names: list[str], org_kinds: list[str],
            profile: np.ndarray, **columns: np.ndarray) -> np.ndarray:
        """Append ``count`` agents and return their row indices."""
        start = self.n
        self._reserve(start + count)
        rows = np.arange(start, start + count)
        for name, values in columns.items():
            getattr(self, name)[rows] = values
        self.profile[rows] = profile
        self.alive[rows] = True
        self.ids += ids
        self.names += names
        self.org_kinds += org_kinds
        self.n = start + count
        return rows

    def _reserve(self, size: int) -> None:
        if size <= self._size:
            return
        new = max(size, 2 * self._size, 64)
        for name in _AGENT_COLUMNS:
            old = getattr(self, name)
            grown = np.zeros(new, dtype=old.dtype)
            grown[: self.n] = old[: self.n]
            setattr(self, name, grown)
        grown = np.zeros((new, self.capabilities))
        grown[: self.n] = self.profile[: self.n]
        self.profile = grown
        self._size = new

    def mask(self, kind: int) -> np.ndarray:
        """Boolean mask over the first ``n`` rows: alive agents of ``kind``."""
        return self.alive[: self.n] & (self.kind[: self.n] == kind)


_AGENT_COLUMNS = {
    "kind": np.int8, "region": np.int16, "founded": np.int32, "model": np.int8,
    "alive": bool, "listed": bool, "cash": np.float64, "fund": np.float64,
    "degree": np.int32, "products": np.float64, "status": np.int8, "ended": np.int32,
}

_PROGRAM_COLUMNS = {
    "owner": np.int32, "partner": np.int32, "stage": np.int8, "remaining": np.int16,
    "alive": bool, "origin": np.int32,
}


@dataclass
class Programs:
    """Columns of every drug program.

    ``stage`` indexes preclinical (0), phase1 (1) ... filed (4), marketed (5);
    ``remaining`` is the number of quarters left in the stage (the exclusivity
    left once marketed); ``owner`` develops it; ``partner`` is the licensee
    (-1 when unpartnered) who pays its costs and shares its revenue.
    """

    n: int = 0

    def __post_init__(self) -> None:
        self._size = 0
        for name, dtype in _PROGRAM_COLUMNS.items():
            setattr(self, name, np.zeros(0, dtype=dtype))

    def add(self, owners: np.ndarray, stages: np.ndarray, remaining: np.ndarray) -> np.ndarray:
        """Append programs and return their row indices."""
        count = len(owners)
        start = self.n
        self._reserve(start + count)
        rows = np.arange(start, start + count)
        self.owner[rows] = owners
        self.origin[rows] = owners
        self.partner[rows] = -1
        self.stage[rows] = stages
        self.remaining[rows] = remaining
        self.alive[rows] = True
        self.n = start + count
        return rows

    def _reserve(self, size: int) -> None:
        if size <= self._size:
            return
        new = max(size, 2 * self._size, 256)
        for name in _PROGRAM_COLUMNS:
            old = getattr(self, name)
            grown = np.zeros(new, dtype=old.dtype)
            grown[: self.n] = old[: self.n]
            setattr(self, name, grown)
        self._size = new

    def live(self) -> np.ndarray:
        """Indices of programs still alive."""
        return np.flatnonzero(self.alive[: self.n])
