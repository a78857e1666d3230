"""Known organisations: the built-in table plus a store's names and aliases.

A :class:`Gazetteer` answers "which organisation is this name?" across legal
suffixes, case and aliases. Build one from ``(id, name, aliases)`` triples
(e.g. a store's ``organisations`` table) and it keeps the built-in big pharma,
agency and service-provider aliases underneath, store rows winning.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from .agencies import AGENCIES
from .fastre import by_first_letter
from .institutions import INSTITUTIONS
from .names import BUILTIN_ORGANISATIONS, normalise

__all__ = ["Gazetteer", "Entry", "builtin_gazetteer"]

_LITERAL = re.compile(r"^[a-z]|\s(?!(?:of|for|de|du|des|la|le|für|van|von|der|den|et|di|del|the)\s)[a-z]|, |['’]s ")


@dataclass(frozen=True)
class Entry:
    """A known organisation: its id, canonical name, kind and parent."""

    id: str
    name: str
    kind: str | None = None
    parent_id: str | None = None
    country: str | None = None
    builtin: bool = False


class Gazetteer:
    """Organisation names to ids, matched after :func:`~bioregion.extract.names.normalise`.

    Parameters
    ----------
    organisations : iterable of (id, name, aliases)
        Known organisations, e.g. from a store; they take precedence over the
        built-in table when a name is shared.
    builtin : bool
        Whether to include the built-in big pharma and agency table.

    Examples
    --------
    >>> g = Gazetteer([("galapagos", "Galapagos NV", ["GLPG"])])
    >>> g.lookup("GALAPAGOS").id, g.lookup("MSD").id, g.lookup("Merck & Co., Inc.").id
    ('galapagos', 'merck-and-co', 'merck-and-co')
    >>> g.lookup("Janssen Biotech, Inc.").parent_id
    'johnson-and-johnson'
    """

    def __init__(self, organisations: Iterable[Sequence] = (), *, builtin: bool = True) -> None:
        self._by_key: dict[str, Entry] = {}
        self._by_id: dict[str, Entry] = {}
        self.max_tokens = 1
        #: Names the capitalised-chunk reader cannot form (a lower-case word, "and", a comma): found literally.
        self.literal_names: set[str] = set()
        self._literal_pattern: re.Pattern[str] | None = None
        self._literal_prefilter: re.Pattern[str] | None = None
        if builtin:
            for known in BUILTIN_ORGANISATIONS + AGENCIES + INSTITUTIONS:
                entry = Entry(known.id, known.name, known.kind, known.parent_id, known.country, True)
                self._add(entry, (known.name, *known.aliases))
        for row in organisations:
            id_, name, aliases = row[0], row[1], row[2] if len(row) > 2 else ()
            entry = Entry(str(id_), str(name))
            self._add(entry, (name, *(aliases or ())), override=True)

    def _add(self, entry: Entry, names: Iterable[str], override: bool = False) -> None:
        self._by_id[entry.id] = entry
        for name in names:
            if _LITERAL.search(name):
                self.literal_names.add(name)
                self._literal_pattern = None
            key = normalise(name)
            if key and (override or key not in self._by_key):
                self._by_key[key] = entry
                self.max_tokens = max(self.max_tokens, key.count(" ") + 1)

    @property
    def literal_pattern(self) -> re.Pattern[str] | None:
        """One pattern for :attr:`literal_names` (longest first), or ``None`` when there are none."""
        if self._literal_pattern is None and self.literal_names:
            names = by_first_letter(sorted(self.literal_names, key=len, reverse=True))
            self._literal_pattern = re.compile(rf"(?<![\w@])(?:{names})(?!\w)")
            self._literal_prefilter = re.compile(names)
        return self._literal_pattern

    @property
    def literal_prefilter(self) -> re.Pattern[str] | None:
        """:attr:`literal_names` anywhere, word boundaries or not: a quick test before :attr:`literal_pattern`.

        It opens on a name's letter, so the regex engine tries it only where a name could start (the
        boundary test that opens :attr:`literal_pattern` is tried at every position), and there only the
        names with that first letter (:func:`.fastre.by_first_letter`).
        """
        return self._literal_prefilter if self.literal_pattern is not None else None

    def add(self, entry: Entry, names: Iterable[str]) -> None:
        """Add (or override) an organisation under several names."""
        self._add(entry, names, override=True)

    def lookup(self, name: str) -> Entry | None:
        """Return the known organisation called ``name``, or ``None``."""
        return self._by_key.get(normalise(name))

    def lookup_key(self, key: str) -> Entry | None:
        """Return the organisation of an already normalised key."""
        return self._by_key.get(key)

    def get(self, id_: str) -> Entry | None:
        """Return the organisation with id ``id_``."""
        return self._by_id.get(id_)

    def __len__(self) -> int:
        return len(self._by_id)


@functools.lru_cache(maxsize=1)
def builtin_gazetteer() -> Gazetteer:
    """The built-in big pharma and agency table, built once per process.

    Extraction only reads a gazetteer; code that adds names builds its own :class:`Gazetteer`.
    """
    return Gazetteer()
