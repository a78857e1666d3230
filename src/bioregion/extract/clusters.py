"""The organisations of one document: a cluster per organisation, with its names and short forms.

Names found in a document are keyed by the gazetteer's id when known, else by
their normal form (:func:`~.names.normalise`); a short form ("Galapagos" for
"Galapagos NV", "Hengrui" for "Jiangsu Hengrui Medicine") joins the cluster of
the one name it shortens. The registry then builds the pattern that marks every
name and short form in the sentences.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field
from functools import lru_cache

from ..taxonomy import default_sphere
from .chunks import COMMON, HEADS, INSTITUTION, STOP_LEAD, SUFFIXED, has_legal_suffix
from .gazetteer import Entry, Gazetteer
from .names import normalise

__all__ = ["Cluster", "NameRegistry"]


@dataclass
class Cluster:
    """One organisation of a document: every name it goes by there."""

    key: str
    names: list[str] = field(default_factory=list)
    entry: Entry | None = None
    descriptor: str | None = None

    @property
    def name(self) -> str:
        """The fullest name as written: the longest one with a legal suffix, else the longest; not in capitals.

        A known public body goes by its canonical name when the text writes it ("Walloon Region", not the
        longer name of its administration, "Service public de Wallonie"; "CARB-X", not its expansion). A
        firm goes by its fullest name as written ("GlaxoSmithKline plc", not "GSK"; "Janssen Biotech, Inc.",
        not "Janssen"), as a reader counting alliances from the text would name it.
        """
        if self.entry is not None and _public_body(self.entry):
            canonical = [n for n in self.names if normalise(n) == normalise(self.entry.name)]
            if canonical:
                return max(canonical, key=len)
        suffixed = [n for n in self.names if has_legal_suffix(n)]
        # A letterhead's capitals ("ZEPHYRA BIOPHARMA CO., LTD.") give way to the name as the text writes it.
        return max(suffixed or self.names, key=lambda n: (not n.isupper(), len(n)))


def _public_body(entry: Entry) -> bool:
    """Whether a known organisation is a public body: its kind's sphere is government
    (:func:`~bioregion.taxonomy.default_sphere`)."""
    return entry.kind is not None and default_sphere(entry.kind) == "G"


class NameRegistry:
    """Names found in pass one, each with its cluster key and short forms."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.clusters: dict[str, Cluster] = {}
        self.variants: dict[str, str] = {}
        #: Chunk text -> the context-free part of the test in ``_collect`` (chunks recur in a document).
        self.seen: dict[str, tuple[bool, bool]] = {}
        #: People the document names ("CEO Martin Aldous"), and their surnames: no organisations.
        self.persons: frozenset[str] = frozenset()
        #: Names already added: their short forms are all in ``variants`` (which only grows).
        self._added: set[str] = set()

    def _key(self, piece: str) -> tuple[str, Entry | None]:
        entry = self.gazetteer.lookup(piece)
        if entry:
            return "id:" + entry.id, entry
        norm = normalise(piece)
        if norm.endswith(_TRAILING_KEYS):
            # "Parexel International Corp." is the known "Parexel", however the text named it first.
            entry = self.gazetteer.lookup_key(norm.rsplit(" ", 1)[0])
            if entry:
                return "id:" + entry.id, entry
        if piece in self.variants:
            return self.variants[piece], None
        if " " not in norm:
            owners = {k for k in self.clusters if norm in k.split()[1:]}
            if len(owners) == 1:
                return owners.pop(), None
        return norm, None

    def add(self, piece: str, descriptor: str | None = None) -> str:
        """Register a name found in the text (with its apposition, if any); return its cluster key."""
        key, entry = self._key(piece)
        cluster = self.clusters.get(key) or self.clusters.setdefault(key, Cluster(key, entry=entry))
        if piece not in cluster.names:
            cluster.names.append(piece)
        cluster.descriptor = cluster.descriptor or descriptor
        if piece not in self._added:
            self._added.add(piece)
            for variant in _variants(piece):
                self.variants.setdefault(variant, key)
        return key

    def alias(self, acronym: str, key: str) -> None:
        """Register an acronym given in brackets after a name ("National Institutes of Health (NIH)")."""
        if acronym not in COMMON:
            self.variants.setdefault(acronym, key)
            self.clusters[key].names.append(acronym)

    def merge_short_forms(self) -> None:
        """Fold a cluster whose name is a short form of exactly one other ("Hengrui", "Fred Hutch")."""
        for key in [k for k in self.clusters if not k.startswith("id:")]:
            owners = [k for k in self.clusters if k != key and _is_short_form(key, k)]
            if len(owners) > 1:
                owners = [k for k in owners if any(has_legal_suffix(n) for n in self.clusters[k].names)]
            if len(owners) == 1:
                self._fold(key, owners[0])
        for key in [k for k in self.clusters if k.startswith("id:")]:
            owner = self._owner_of_bare_alias(key)
            if owner is not None:
                self._fold(key, owner)

    def drop_products(self, products: set[str]) -> None:
        """Forget the clusters every name of which the document marks as a product ("Cimzia®", "CT-P13 (Remsima)").

        A name is found as a company in one sentence ("Remsima has been commercialized in 80 countries") and
        as a product in another; a product is no party anywhere in the document.
        """
        for key in [k for k, c in self.clusters.items() if c.entry is None and set(c.names) <= products]:
            del self.clusters[key]
            for variant in [v for v, k in self.variants.items() if k == key]:
                del self.variants[variant]

    def _fold(self, key: str, owner: str) -> None:
        self.clusters[owner].names.extend(self.clusters.pop(key).names)
        self.variants.update({v: owner for v, k in self.variants.items() if k == key})

    def _owner_of_bare_alias(self, key: str) -> str | None:
        """The known organisation a bare alias of another one stands for ("Merck" in a story on "Merck KGaA").

        "Merck" is an alias of Merck & Co.; a story that names Merck KGaA, and never Merck & Co. by its own
        name, means Merck KGaA by it.
        """
        cluster = self.clusters[key]
        if cluster.entry is None or len(cluster.names) != 1 or cluster.names[0] == cluster.entry.name:
            return None
        bare = normalise(cluster.names[0])
        if " " in bare:
            return None
        owners = [k for k, c in self.clusters.items() if k != key and c.entry is not None
                  and normalise(c.entry.name).startswith(bare + " ")]
        return owners[0] if len(owners) == 1 else None

    def find_in(self, texts: list[str]) -> list[list[tuple[int, int, str]]]:
        """Every registered name and short form in each text as ``(start, end, key)``, leftmost-longest first.

        A plain substring search per name over the texts joined: compiling one alternation of a document's
        names costs more than all the searches (and every document has other names).
        """
        joined = "\n".join(texts)
        starts = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
        found: list[list[tuple[int, int, str]]] = [[] for _ in texts]
        for variant, key in self.variants.items():
            start = joined.find(variant)
            while start >= 0:
                end = start + len(variant)
                if (start == 0 or not _word_before(joined[start - 1])) and (
                        end == len(joined) or not _word_after(joined[end])):
                    index = bisect.bisect_right(starts, start) - 1
                    found[index].append((start - starts[index], -len(variant), key))
                start = joined.find(variant, start + 1)
        return [_leftmost_longest(hits) for hits in found]


def _leftmost_longest(hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    hits.sort()
    out, position = [], 0
    for start, negative_length, key in hits:
        if start >= position:
            position = start - negative_length
            out.append((start, position, key))
    return out


def _word_before(char: str) -> bool:
    return char.isalnum() or char in "_@"


def _word_after(char: str) -> bool:
    return char.isalnum() or char in "_+"


#: Adjectives that open names ("European Medicines Agency", "National Cancer Institute") but alone name nothing.
_ADJECTIVES = frozenset("""european american british english german french swiss dutch belgian flemish danish swedish
    norwegian finnish italian spanish portuguese irish austrian polish japanese chinese korean indian canadian
    australian israeli national international global federal regional""".split())


#: Institutions whose name goes on with what they are commonly called ("Università degli Studi di Milano-Bicocca").
_INSTITUTION_HEADS = frozenset("""university universite université universita università universität universidad
    universidade istituto instituto institute institut politecnico polytechnic ospedale hospital fondazione
    foundation centre center""".split())


@lru_cache(maxsize=65536)
def _is_short_form(short: str, key: str) -> bool:
    """Whether normalised ``short`` names the organisation with key ``key``."""
    words = short.split()
    if len(words) == 1 and words[0] in _ADJECTIVES:
        return False
    full = key[3:].replace("-", " ").split() if key.startswith("id:") else key.split()
    if len(words) >= len(full):
        return False
    if len(words) == 1 and words[0] in full[1:] and len(words[0]) > 3:
        return True
    if len(words) > 1 and full[0] in _INSTITUTION_HEADS and any(
            full[i:i + len(words)] == words for i in range(1, len(full) - len(words) + 1)):
        return True   # "Mario Negri" for "Istituto di Ricerche Farmacologiche Mario Negri IRCCS"
    head, last = full[: len(words)], words[-1]
    if len(words) == 1 and len(last) == 3 and last == full[0]:
        return True   # "PTC receives US$5m award" for "PTC Therapeutics"
    return head[:-1] == words[:-1] and head[-1].startswith(last) and len(last) > 3


#: Places that open company names ("Jiangsu Hengrui Medicine", "Shanghai Tianyuan Pharmaceutical"): the name
#: after them is a short form.
_PLACE_PREFIX = frozenset("""Beijing Shanghai Jiangsu Zhejiang Guangdong Shenzhen Guangzhou Hangzhou Suzhou Nanjing Wuhan
    Chengdu Sichuan Shandong Hubei Hunan Chongqing Tianjin Hebei Henan Fujian Xiamen Anhui Jiangxi Liaoning Jilin Yunnan
    Qilu Zhuhai Hong Kong Taiwan Seoul Korea Tokyo Osaka""".split())


#: Last words a company drops when it names itself short ("BioInvent International" is "BioInvent").
_TRAILING = frozenset(("International", "Worldwide", "Global"))
_TRAILING_KEYS = tuple(" " + word.lower() for word in _TRAILING)


@lru_cache(maxsize=65536)
def _variants(piece: str) -> tuple[str, ...]:
    """The forms a name may also be written in (names recur across releases: kept)."""
    words = SUFFIXED.sub("", piece).strip(" ,").split()
    out = [piece, " ".join(words)]
    if len(words) > 1 and not piece.isupper():
        out.append(" ".join(words).upper())   # "Korea Pharma" is "KOREA PHARMA CO.,LTD" on the letterhead
    if len(words) == 3 and words[:2] == ["University", "of"]:
        out.append(f"{words[2]} University")   # "University of Ulm" is "Ulm University"
    elif len(words) == 2 and words[1] == "University" and words[0] not in COMMON:
        out.append(f"University of {words[0]}")
    if len(words) > 1 and words[0] in _PLACE_PREFIX and words[1][:1].isupper() and words[1] not in HEADS:
        out.append(" ".join(words[1:]))
        out.extend(_variants(" ".join(words[1:]))[1:])
    while len(words) > 1 and (words[-1] in HEADS or words[-1] in _TRAILING) and not INSTITUTION.match(words[0]):
        words = words[:-1]
        if len(words[0]) > 2 and words[0] not in COMMON and words[0] not in STOP_LEAD:
            out.append(" ".join(words))
    return tuple(v for v in dict.fromkeys(out) if v)
