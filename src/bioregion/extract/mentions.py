"""Organisation mentions in a document, grouped into one cluster per organisation.

Two passes. The first finds names: capitalised chunks that carry a legal
suffix ("Galapagos NV"), end in an organisation word ("Aquilon Therapeutics",
"Ghent University"), are known to the :class:`~.gazetteer.Gazetteer`, stand in
an apposition ("Orbelix NV, a Belgian biotech company"), open a sentence as its
subject ("Lonza today announced"), or fill a list slot ("led by Sofinnova
Partners with participation from V-Bio Ventures and PMV"). The second pass
marks every occurrence of those names and their short forms ("Galapagos NV",
then "Galapagos"; "National Institutes of Health (NIH)", then "NIH") in every
sentence; "the company" refers to the organisation that issued the release.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .gazetteer import Entry, Gazetteer
from .names import LEGAL_SUFFIX, normalise

__all__ = ["Mention", "Cluster", "DocumentMentions", "find_mentions"]

_CONNECT = r"(?:\s*&\s*|\s+(?:of|for|de|du|des|la|le|für|van|von|der|den|et|di|del)\s+(?:the\s+)?|[ \t]+)"
_WORD = (r"(?!(?:Inc|Corp|Co|Ltd|Limited|LLC|LP|plc|PLC|Plc|NV|N\.\s?V|BV|B\.\s?V|SAS|SA|S\.[AprL]|AG|SE|GmbH|A/S|ASA|AB|"
    r"Oyj|Oy|SpA|Srl|SRL|K\.K|BVBA|CVBA|SARL|Company|Incorporated|Corporation|Pty|Pte|INC|LTD|CORP|LIMITED|KG)"
    r"(?![\w/\-]))(?:[A-Z]\.(?=\s[A-Z])|[A-Z][\w'’+\-]*(?:\.[A-Z][\w'’]*)*|\d+[A-Za-z][\w\-]*)")
_CHUNK = re.compile(
    rf"(?=[A-Z0-9])(?<![\w@]){_WORD}(?:{_CONNECT}{_WORD})*(?:\s*&\s*Co\.|\s+and\s+Company)?(?:,?\s+{LEGAL_SUFFIX}(?![\w]))*"
)
_LOWER_SUFFIXED = re.compile(r"(?<![\w@])[a-z][a-z0-9]*[A-Z]?[a-z0-9]* (?:SE|NV|N\.V\.|AG|SA|S\.A\.|Inc\.|Ltd|plc|GmbH|AB|"
                             r"BV|B\.V\.|A/S)(?![\w])")
_SUFFIXED = re.compile(rf"(?:,?\s+{LEGAL_SUFFIX})+$")
_SUFFIX_WORDS = frozenset(
    """Inc. Inc Incorporated Corp. Corp Corporation Co. Ltd. Ltd Limited LLC L.L.C. LP L.P. plc PLC Plc N.V. NV B.V. BV
    S.A.S. SAS S.A. SA AG SE GmbH A/S ASA AB Oyj Oy S.p.A. SpA S.r.l. Srl SRL S.L. K.K. a.s. A.S. BVBA bvba CVBA
    SARL Company INC INC. LTD LTD. CORP. LIMITED S.R.L. S.P.A. KG""".split()
)
_BAD_CONNECT = re.compile(r"\s+(?:of|for|de|du|des|la|le|für|et|di|del)\s+(?:the\s+)?")
_INSTITUTION = re.compile(
    r"^(?:University|Universit[éeà]\w*|Institute|Institutes|Institut|Instituto|Istituto|Bank|Ministry|Department|"
    r"Academy|School|College|Council|Agency|Office|Hospital|Center|Centre|Society|Association|Foundation|"
    r"Federation|Chamber|Commission|Laboratory|Laboratories|Authority|Coalition|Alliance|Fund|Board|Trust|"
    r"National|Flanders|Royal|Imperial|Max|Fraunhofer|Howard)\b"
)
HEADS = frozenset(
    """Therapeutics Pharma Pharmaceuticals Pharmaceutical Pharmaceutica Pharmaceutique Bio Biosciences Bioscience
    Biotech Biotechnology Biotherapeutics Biologics Biologicals Biopharma BioPharma Biopharmaceuticals Biomedical
    Genomics Genetics Oncology Diagnostics Medicines Medicine Medical Sciences Science Health Healthcare Labs
    Laboratories Laboratory Capital Ventures Partners Fund Funds Holdings Investments Investment Invest Foundation
    Trust Institute Institut Instituut Instituto Istituto University Universiteit Université Universität College
    School Hospital Hospitals Clinic Center Centre Council Agency Commission Initiative Consortium Society
    Association Group Bank Insurance Technologies Technology Systems Solutions Industries Company Corporation
    Management Advisors Associates Vaccines Immunotherapeutics Antibodies Therapies Cell Medtech Devices
    Biosystems Incubator Ministry Administration Office Authority Organisation Organization Research Biologic
    Molecular Innovations Immunology Neuroscience Ophthalmics Dermatology Biocapital Holding""".split()
)
_STOP_LEAD = frozenset(
    """The A An Under Today In On At As For With By From To If This That These Those Its Our Their About Both Each
    Separately Additionally Also Further Furthermore Moreover However Following Upon After Before Through While
    Meanwhile New Dr Dr. Mr. Ms. Mrs. Prof. Professor When Once Since Per Via And But Or Whereas Why How What
    Press Release Contact Contacts Media Investor Investors Source Notes Editors""".split()
)
COMMON = frozenset(
    """Proceeds Terms Financial Construction Cash Revenue Net Total Shares Completion Closing Payment Payments
    Details Patients Data Results Sales Management Research Development Treatment Enrollment Company Participants
    Speakers Topline Approval Phase Study Trial Forward Looking Statements Safe Harbor Copyright Privacy Cookies
    Home News Pipeline Partners Investors Chief Executive Officer Director President Vice Head Board Ms Mr
    January February March April May June July August September October November December Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday Belgium Flanders Wallonia Brussels Japan China Greater Europe Asia
    America Latin United States Kingdom Canada Germany France Switzerland Netherlands Sweden Denmark Norway
    Finland Korea India Israel Italy Spain Worldwide Global Under It We They He She Lead Series Seed Round
    Upfront Milestone Royalties Territory Agreement License Licence Collaboration Acquisition Merger Offering""".split()
)
_TICKER_PAREN = re.compile(r"\((?=[^()]{0,120}\))[^()]*?(?:NASDAQ|Nasdaq|NYSE|Euronext|SIX|TSX|LSE|AIM|KRX|OTC|ASX|"
                           r"HKEX|SSE|SZSE|Xetra|TSE|Frankfurt|ticker|“|\")[^()]*\)")
_ACRONYM = re.compile(r"\s*\((?:“|\"|the\s+)?(?P<acronym>[A-Z][A-Za-z0-9&+\-]{1,11})(?:”|\")?\)")
_SUBJECT_NEXT = re.compile(
    r"\s*(?:,|\(|today\b|announced\b|announces\b|has\b|have\b|will\b|and\b|said\b|says\b|signed\b|signs\b|"
    r"entered\b|enters\b|completed\b|completes\b|closed\b|closes\b|raised\b|raises\b|received\b|receives\b|"
    r"selected\b|is\b|are\b|to\b|acquires\b|acquired\b|reported\b|reports\b|launch\w*|secur\w+|inks\b|"
    r"grants\b|granted\b|licen[cs]es\b|licen[cs]ed\b|awarded\b|awards\b|obtain\w*|agreed\b|agrees\b|form\w*\b)"
)
_SLOT = re.compile(
    r"(?:\b(?:co-)?led by|\b(?:joined|backed|supported|funded|financed|coordinated) by|\bparticipation (?:from|of|by)|"
    r"\binvestors?\b,?(?: (?:including|such as|include|includes))?|\bpartners?\b,?(?: (?:including|such as|include))?|"
    r"\bbring(?:s|ing)? together|\bcompris(?:es|ing)|\bconsist(?:s|ing) of|\bmembers?(?: including)?|"
    r"\b(?:funding|financing|capital|round|investment|grant|award|subsidy)\b(?: (?!(?:co-)?led\b|by\b)[\w\-.,$€£]+){0,5}? from)\s+"
    r"(?=(?P<span>(?:[^.;:]|\.(?=\w))+))"
)
_SLOT_WORDS = ("led by", " by ", "participation", "nvestor", "artner", "together", "ompris", "onsist", "ember", " from")
_ITEM_SPLIT = re.compile(r",\s*(?:and\s+|as well as\s+)?|\s+and\s+|\s+as well as\s+")
_ITEM_PREFIX = re.compile(
    r"\s*(?:(?:the|its|their|new|existing|current|other|additional|leading|investors?|partners?|including|such as|"
    r"both|with|from|[a-z\-]+ (?:company|fund|firm|investor|group|institute|agency|bank|university|foundation|"
    r"organi[sz]ation|hospital|capital firm)s?)\s+)*")
_ITEM_STOP = re.compile(r"\s(?:in|at|on|to|into|across|over|during|which|that|who|for|of|will|is|are|was|with)\s")
_ITEM_TAIL = re.compile(r"(?:\s*\([^()]*\))?(?:\s+(?:fund|group))?\s*$")
_PRODUCT_CODE = re.compile(r"^[A-Z]{1,5}-?\d+[A-Za-z0-9]*$")
_APPOSITION = re.compile(
    r",\s+(?:a|an|the)\s+(?P<desc>(?:[\w\-]+\s+){0,6}?(?:company|firm|biotech|startup|start-up|spin-off|spin-out|"
    r"organi[sz]ation|provider|manufacturer|investor|fund|agency|institute|university|developer|specialist|leader|"
    r"group|CRO|CDMO|CMO|subsidiary|division|unit|incubator|hospital|centre|center|charity|foundation))\b"
)
_DESC_BEFORE = re.compile(
    r"\b(?:the|a|an)\s+(?P<desc>(?:[\w\-]+\s+){0,3}(?:company|firm|biotech|investor|fund|agency|investment company|"
    r"venture capital firm|group|university|institute|CRO|CDMO|incubator))\s+$"
)
_COMPANY_REF = re.compile(r"\b(?:the|The) (?:[Cc]ompany|[Ff]irm)\b(?!['’]s\s+(?:partner))")


_GAP = re.compile(r"[\s&]")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_LEAD_WORD = re.compile(r"[^\s&]+\s*")
_POSSESSIVE_GAP = re.compile(r"['’]s?\s+")
_SENTENCE_LEAD = re.compile(r"\s*(?:(?:Today|Separately|Additionally|In addition|Meanwhile),?\s+)?")
_AND_GAP = re.compile(r"(?:,\s*|\s+and\s+|\s*&\s*|,\s+and\s+)")
#: The last word of a description before a name (``_DESC_BEFORE``): a cheap test before the pattern.
_DESC_HEADS = frozenset("company firm biotech investor fund agency group university institute CRO CDMO incubator".split())


@dataclass
class Mention:
    """One occurrence of an organisation in a sentence."""

    start: int
    end: int
    text: str
    key: str


@dataclass
class Cluster:
    """One organisation of a document: every name it goes by there."""

    key: str
    names: list[str] = field(default_factory=list)
    entry: Entry | None = None
    descriptor: str | None = None

    @property
    def name(self) -> str:
        """The fullest name as written: the longest one with a legal suffix, else the longest."""
        suffixed = [n for n in self.names if has_legal_suffix(n)]
        return max(suffixed or self.names, key=len)


@dataclass
class DocumentMentions:
    """The clusters of a document and the mentions of each sentence."""

    clusters: dict[str, Cluster]
    sentences: list[list[Mention]]
    announcer: str | None


def _clean(sentence: str) -> str:
    return _TICKER_PAREN.sub(lambda m: " " * len(m.group()), sentence)


def _chunks(text: str) -> list[tuple[int, int, str]]:
    out = []
    matches = list(_CHUNK.finditer(text))
    if " SE" in text or " NV" in text or " AG" in text or " Inc" in text or " SA" in text or " plc" in text:
        matches += list(_LOWER_SUFFIXED.finditer(text))
    for match in matches:
        start, end = match.span()
        piece = match.group()
        if not _GAP.search(piece):
            end -= 2 if piece.endswith(("'s", "’s")) else 1 if piece.endswith(("'", "’")) else 0
            if end > start:
                out.append((start, end, text[start:end]))
            continue
        for start, end in _split_possessives(text, start, end):
            start, end = _strip_lead(text, start, end)
            piece = text[start:end]
            if piece.endswith(("'s", "’s")):
                end -= 2
            elif piece.endswith(("'", "’")):
                end -= 1
            if end > start:
                out.append((start, end, text[start:end]))
    return out


def _split_possessives(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split "Wallonia's W.IN.G" into "Wallonia" and "W.IN.G", then at bad connectors."""
    pieces, begin = [], start
    for match in _POSSESSIVE_GAP.finditer(text[start:end]):
        pieces.extend(_split_bad_connectors(text, begin, start + match.start()))
        begin = start + match.end()
    return pieces + _split_bad_connectors(text, begin, end)


def _split_bad_connectors(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split "Chief Executive Officer of Kerntide" at "of" unless an institution word precedes it."""
    pieces, begin = [], start
    for match in _BAD_CONNECT.finditer(text, start, end):
        head = text[begin:match.start()].split()[-1] if text[begin:match.start()].split() else ""
        if not _INSTITUTION.match(head) and head not in HEADS and not _INSTITUTION.match(text[begin:match.start()]):
            pieces.append((begin, match.start()))
            begin = match.end()
    pieces.append((begin, end))
    return pieces


def _strip_lead(text: str, start: int, end: int) -> tuple[int, int]:
    while True:
        first = _LEAD_WORD.match(text[start:end])
        if not first or first.end() >= end - start or first.group().strip().rstrip(",") not in _STOP_LEAD:
            return start, end
        start += first.end()


def _is_name_like(piece: str, lowered_words: set[str]) -> bool:
    words = piece.split()
    if _PRODUCT_CODE.match(piece):
        return False
    if len(words) == 1 and (piece in COMMON or piece.lower() in lowered_words or len(piece) < 2):
        return False
    return not all(w in COMMON for w in words)


def has_legal_suffix(piece: str) -> bool:
    """Whether a name ends in a legal-form suffix ("Galapagos NV", "Gilead Sciences, Inc.")."""
    last = piece[piece.rfind(" ") + 1:]
    return last in _SUFFIX_WORDS or (last[:1].islower() and bool(_SUFFIXED.search(piece)))


def _qualifies(piece: str) -> bool:
    """Whether an unknown chunk is a name by its form (legal suffix, organisation word, institution)."""
    if has_legal_suffix(piece):
        return True
    words = piece.split()
    last = words[-1].rstrip(".,")
    return (last in HEADS and len(words) > 1 and words[0] not in COMMON) or (
        len(words) > 2 and bool(_INSTITUTION.match(piece)) and " of " in piece)


class _Registry:
    """Names found in pass one, each with its cluster key and short forms."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.clusters: dict[str, Cluster] = {}
        self.variants: dict[str, str] = {}
        #: Chunk text -> the context-free part of the test in ``_collect`` (chunks recur in a document).
        self.seen: dict[str, tuple[bool, bool]] = {}

    def _key(self, piece: str) -> tuple[str, Entry | None]:
        entry = self.gazetteer.lookup(piece)
        if entry:
            return "id:" + entry.id, entry
        norm = normalise(piece)
        if piece in self.variants:
            return self.variants[piece], None
        if " " not in norm:
            owners = {k for k in self.clusters if norm in k.split()[1:]}
            if len(owners) == 1:
                return owners.pop(), None
        return norm, None

    def add(self, piece: str, descriptor: str | None = None) -> str:
        key, entry = self._key(piece)
        cluster = self.clusters.setdefault(key, Cluster(key, entry=entry))
        if piece not in cluster.names:
            cluster.names.append(piece)
        cluster.descriptor = cluster.descriptor or descriptor
        for variant in _variants(piece):
            self.variants.setdefault(variant, key)
        return key

    def alias(self, acronym: str, key: str) -> None:
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
                target = self.clusters[owners[0]]
                target.names.extend(self.clusters.pop(key).names)
                self.variants.update({v: owners[0] for v, k in self.variants.items() if k == key})

    def pattern(self) -> re.Pattern[str] | None:
        if not self.variants:
            return None
        alternatives = "|".join(re.escape(v) for v in sorted(self.variants, key=len, reverse=True))
        firsts = "".join(sorted({re.escape(v[0]) for v in self.variants}))
        return re.compile(rf"(?<![\w@])(?=[{firsts}])(?:{alternatives})(?![\w+])(?:['’]s\b|['’](?!\w))?")


def _is_short_form(short: str, key: str) -> bool:
    """Whether normalised ``short`` names the organisation with key ``key``."""
    words = short.split()
    full = key[3:].replace("-", " ").split() if key.startswith("id:") else key.split()
    if len(words) >= len(full):
        return False
    if len(words) == 1 and words[0] in full[1:] and len(words[0]) > 3:
        return True
    head, last = full[: len(words)], words[-1]
    return head[:-1] == words[:-1] and head[-1].startswith(last) and len(last) > 3


def _variants(piece: str) -> list[str]:
    words = _SUFFIXED.sub("", piece).strip(" ,").split()
    out = [piece, " ".join(words)]
    while len(words) > 1 and words[-1] in HEADS and not _INSTITUTION.match(words[0]):
        words = words[:-1]
        if len(words[0]) > 2 and words[0] not in COMMON and words[0] not in _STOP_LEAD:
            out.append(" ".join(words))
    return [v for v in dict.fromkeys(out) if v]


def _descriptor(text: str, start: int, end: int) -> str | None:
    after = _APPOSITION.match(text, end) if text.startswith(",", end) else None
    if after:
        return after.group("desc")
    window = text[max(0, start - 60):start]
    words = window.split()
    before = _DESC_BEFORE.search(window) if words and words[-1] in _DESC_HEADS and window[-1:].isspace() else None
    return before.group("desc") if before else None


def _slot_chunks(text: str, chunks: list[tuple[int, int, str]]) -> set[int]:
    """Indices of chunks that are items of a list introduced by a slot ("led by ...")."""
    picked: set[int] = set()
    if not any(word in text for word in _SLOT_WORDS):
        return picked
    for slot in _SLOT.finditer(text):
        begin, end = slot.span("span")
        stop = _ITEM_STOP.search(text, begin, end)
        end = stop.start() if stop else end
        position = begin
        for item in _ITEM_SPLIT.split(text[begin:end]):
            item_start = text.find(item, position)
            position = item_start + len(item)
            members = [i for i, (s, e, _) in enumerate(chunks) if s >= item_start and e <= position]
            if not members or not _ITEM_PREFIX.fullmatch(text, item_start, chunks[members[0]][0]):
                break
            if _ITEM_TAIL.fullmatch(text, chunks[members[-1]][1], position):
                picked.add(members[-1])
    return picked


def _is_subject(text: str, start: int, end: int, lead: int, first_end: int | None) -> bool:
    """Whether the chunk at ``start:end`` opens the sentence (after ``lead``) or joins its first chunk."""
    if start != lead:
        if first_end is None or not _AND_GAP.fullmatch(text, first_end, start):
            return False
    return bool(_SUBJECT_NEXT.match(text, end))


def _lowered_words(texts: list[str]) -> set[str]:
    return set(re.findall(r"(?<![\w.])[a-z][a-z\-]{2,}\b", " ".join(texts)))


def find_mentions(sentences: list[str], gazetteer: Gazetteer, first_body: int = 0) -> DocumentMentions:
    """Find the organisations of a document and mark their mentions in each sentence.

    Parameters
    ----------
    sentences : list of str
        The document's sentences (title first, if any).
    gazetteer : Gazetteer
        Known organisations (built-in table and store names).
    first_body : int
        Index of the first body sentence; its first organisation issued the release.

    Returns
    -------
    DocumentMentions
        Mention offsets refer to the sentences as given.

    Examples
    --------
    >>> doc = find_mentions(["Galapagos NV and Gilead Sciences, Inc. today announced a deal.",
    ...                      "Gilead will pay Galapagos $300 million."], Gazetteer())
    >>> [[m.text for m in ms] for ms in doc.sentences]
    [['Galapagos NV', 'Gilead Sciences, Inc.'], ['Gilead', 'Galapagos']]
    """
    cleaned = [_clean(s) for s in sentences]
    lowered = _lowered_words(cleaned)
    registry = _Registry(gazetteer)
    for text in cleaned:
        _collect(text, registry, gazetteer, lowered)
    registry.merge_short_forms()
    pattern = registry.pattern()
    marked = [_mark(text, pattern, registry) for text in cleaned]
    announcer = next((m.key for m in marked[first_body]), None) if first_body < len(marked) else None
    if announcer:
        for text, mentions in zip(cleaned, marked):
            _mark_company(text, mentions, announcer)
    used = {m.key for ms in marked for m in ms}
    clusters = {k: c for k, c in registry.clusters.items() if k in used}
    return DocumentMentions(clusters, marked, announcer)


def _collect(text: str, registry: _Registry, gazetteer: Gazetteer, lowered: set[str]) -> None:
    for name in gazetteer.lowercase_names:
        if name in text and re.search(rf"(?<![\w@]){re.escape(name)}(?!\w)", text):
            registry.add(name)
    chunks = _chunks(text)
    if not chunks:
        return
    slots = _slot_chunks(text, chunks)
    lead = _SENTENCE_LEAD.match(text).end()
    first_end = next((c[1] for c in chunks if c[0] == lead), None)
    seen = registry.seen
    for index, (start, end, piece) in enumerate(chunks):
        name_like, strong = seen.get(piece) or seen.setdefault(piece, _piece_test(piece, gazetteer, lowered))
        if not name_like:
            continue
        descriptor = _descriptor(text, start, end)
        if strong or index in slots or descriptor or _is_subject(
                text, start, end, lead, first_end):
            key = registry.add(piece, descriptor)
            acronym = _ACRONYM.match(text, end)
            if acronym:
                registry.alias(acronym.group("acronym"), key)


def _piece_test(piece: str, gazetteer: Gazetteer, lowered: set[str]) -> tuple[bool, bool]:
    """Whether a chunk may be a name, and whether it is one whatever its context (known or by its form)."""
    known = gazetteer.lookup(piece) is not None
    name_like = known or _is_name_like(piece, lowered)
    return name_like, known or (name_like and _qualifies(piece))


def _mark(text: str, pattern: re.Pattern[str] | None, registry: _Registry) -> list[Mention]:
    if pattern is None:
        return []
    out = []
    for match in pattern.finditer(text):
        surface = _POSSESSIVE_END.sub("", match.group())
        key = registry.variants.get(surface)
        if key:
            out.append(Mention(match.start(), match.start() + len(surface), surface, key))
    return out


def _mark_company(text: str, mentions: list[Mention], announcer: str) -> None:
    if "ompany" not in text and "irm" not in text:
        return
    for match in _COMPANY_REF.finditer(text):
        if not any(m.start <= match.start() < m.end for m in mentions):
            mentions.append(Mention(match.start(), match.end(), match.group(), announcer))
    mentions.sort(key=lambda m: m.start)
