"""Past alliances as a hash set of pair keys (prior ties of partner choice).

A pair of agent rows ``(a, b)`` has the key ``min(a, b) << 32 | max(a, b)``.
:class:`Ties` keeps the keys of the pairs allied before the current quarter in
an open-addressing hash table (linear probing, a multiplicative hash folded
by a shift, at most half full), so that a lookup costs a probe or two however many alliances a long run
has signed. The numpy rules note the quarter's pairs with :meth:`Ties.add` and
fold them in with :meth:`Ties.merge` at the end of the quarter; the compiled
quarter (:mod:`bioregion.simulate.compiled`) reads and fills the same table
with the same hash.

Examples
--------
>>> ties = Ties()
>>> ties.add(np.array([3, 1]), np.array([1, 2]))
>>> ties.tied(np.array([1, 2]), np.array([3, 3])).tolist()
[True, False]
>>> ties.merge()
>>> ties.keys().tolist() == sorted([pair_keys(1, 3), pair_keys(1, 2)])
True
"""

from __future__ import annotations

import numpy as np

__all__ = ["Ties", "pair_keys", "EMPTY", "HASH"]

#: Marks a free slot of the table (keys are never negative).
EMPTY = -1
#: Multiplier of the hash: with ``h = key * HASH mod 2**64``, ``slot = (h ^ h >> 32) mod capacity``.
HASH = np.uint64(0x9E3779B97F4A7C15)


_NONE = np.zeros(0, dtype=np.int64)


def pair_keys(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """One integer per unordered pair of rows."""
    a, b = np.asarray(a, dtype=np.int64), np.asarray(b, dtype=np.int64)
    return np.minimum(a, b) << 32 | np.maximum(a, b)


class Ties:
    """Keys of past alliances in ``table`` (``n`` of them), and the pairs this quarter added."""

    def __init__(self) -> None:
        self.n = 0
        self.table = np.full(1024, EMPTY, dtype=np.int64)
        self.fresh = np.zeros(0, dtype=np.int64)   # scratch of the compiled quarter
        self._new: list[np.ndarray] = []
        self._new_sorted: np.ndarray | None = None

    def reserve(self, new_pairs: int) -> None:
        """Make scratch room for ``new_pairs`` keys of the compiled quarter."""
        if new_pairs > len(self.fresh):
            self.fresh = np.zeros(max(new_pairs, 2 * len(self.fresh)), dtype=np.int64)

    def keys(self) -> np.ndarray:
        """Sorted keys of the pairs allied before this quarter."""
        return np.sort(self.table[self.table != EMPTY])

    def add(self, a: np.ndarray, b: np.ndarray) -> None:
        """Note that each ``a[i]`` allied with ``b[i]`` this quarter."""
        self._new.append(pair_keys(a, b))
        self._new_sorted = None

    def take_new(self) -> np.ndarray:
        """This quarter's keys so far (for the compiled quarter to fold in), forgotten here."""
        if not self._new:
            return _NONE
        keys = np.concatenate(self._new)
        self._new, self._new_sorted = [], None
        return keys

    def new_keys(self) -> np.ndarray:
        """Sorted keys of the pairs allied so far this quarter (not yet merged)."""
        if self._new_sorted is None:
            self._new_sorted = np.sort(np.concatenate([np.zeros(0, np.int64), *self._new]))
        return self._new_sorted

    def tied(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Whether ``a`` and ``b`` (broadcast) have allied before, this quarter included."""
        keys = pair_keys(a, b)
        known = self._contains(keys.ravel()).reshape(keys.shape)
        if self._new:
            known |= np.isin(keys, self.new_keys())
        return known

    def merge(self) -> None:
        """Fold this quarter's pairs into the table."""
        if self._new:
            self.absorb(np.unique(np.concatenate(self._new)))
            self._new, self._new_sorted = [], None

    def absorb(self, keys: np.ndarray) -> None:
        """Add distinct ``keys`` to the table (those already in it are skipped); grow it when half full."""
        keys = keys[~self._contains(keys)]
        if 2 * (self.n + len(keys)) > len(self.table):
            old = self.table[self.table != EMPTY]
            size = len(self.table)
            while 2 * (self.n + len(keys)) > size:
                size *= 2
            self.table = np.full(size, EMPTY, dtype=np.int64)
            self._insert(old)
        self._insert(keys)
        self.n += len(keys)

    def _slots(self, keys: np.ndarray) -> np.ndarray:
        mixed = keys.astype(np.uint64) * HASH
        return ((mixed ^ (mixed >> np.uint64(32))) & np.uint64(len(self.table) - 1)).astype(np.int64)

    def _contains(self, keys: np.ndarray) -> np.ndarray:
        found = np.zeros(len(keys), bool)
        slots, todo, mask = self._slots(keys), np.arange(len(keys)), len(self.table) - 1
        while len(todo):
            stored = self.table[slots[todo]]
            found[todo[stored == keys[todo]]] = True
            todo = todo[(stored != EMPTY) & (stored != keys[todo])]
            slots[todo] = (slots[todo] + 1) & mask
        return found

    def _insert(self, keys: np.ndarray) -> None:
        """Place distinct keys, absent from the table, in it (linear probing, several keys at once)."""
        slots, todo, mask = self._slots(keys), np.arange(len(keys)), len(self.table) - 1
        while len(todo):
            free = todo[self.table[slots[todo]] == EMPTY]
            _, first = np.unique(slots[free], return_index=True)   # one key per free slot and round
            self.table[slots[free[first]]] = keys[free[first]]
            todo = np.setdiff1d(todo, free[first], assume_unique=True)
            taken = todo[self.table[slots[todo]] != EMPTY]
            slots[taken] = (slots[taken] + 1) & mask
