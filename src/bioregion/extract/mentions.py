"""Organisation mentions in a document, grouped into one cluster per organisation.

Two passes. The first finds names: capitalised chunks that carry a legal
suffix ("Galapagos NV"), end in an organisation word ("Aquilon Therapeutics",
"Ghent University"), are known to the :class:`~.gazetteer.Gazetteer`, stand in
an apposition ("Orbelix NV, a Belgian biotech company"), open a sentence as its
subject ("Lonza today announced"), fill a list slot ("led by Sofinnova
Partners with participation from V-Bio Ventures and PMV"), or are listed after
such a name ("Signal Genetics and DiagnoCure announced"). The second pass
marks every occurrence of those names and their short forms ("Galapagos NV",
then "Galapagos"; "National Institutes of Health (NIH)", then "NIH") in every
sentence; "the company" refers to the organisation that issued the release.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .chunks import (COMMON, HEADS, RIC, STOP_LEAD, find_chunks, has_legal_suffix, is_name_like, named_after_fields,
                     qualifies_by_form)
from .clusters import Cluster, NameRegistry
from .fastre import branches_by_first_char, word_starts
from .gazetteer import Gazetteer
from .kinds import ACADEMIC_KINDS, FUNDER_KINDS, kind_of
from .places import BRAND_MARK, COUNTRIES, COUNTRY, is_place_or_product

__all__ = ["Mention", "Cluster", "DocumentMentions", "find_mentions", "list_items"]

_TICKER_PAREN = re.compile(r"\((?=[^()]{0,120}\))[^()]*?(?:NASDAQ|Nasdaq|NYSE|Euronext|SIX|TSX|LSE|AIM|KRX|OTC|ASX|"
                           r"HKEX|SSE|SZSE|Xetra|TSE|Frankfurt|KOSPI|KOSDAQ|SGX|TWSE|TPEx|NSE|BSE|JSE|TASE|WSE|OMX|Oslo|STAR|"
                           r"ChiNext|[Ss]tock [Cc]ode|ticker|“|\")[^()]*\)")
#: A stock ticker right after a name: "(MSE:PHM)", "(STO: BINV)", "($INCY)", "(NASDAQ:BIIB)". Read on the text
#: before :func:`_clean` blanks it; only organisations are listed.
_TICKER_AFTER = re.compile(r"(?:['’]s)?\s{0,2}\((?:[A-Z][A-Za-z]{1,11}(?: [A-Z][a-z]+)?\s?:\s?[A-Z0-9][A-Z0-9.]{0,9}|"
                           r"\$[A-Z]{2,5})(?:[;,][^()]{0,40})?\)")
_ACRONYM = re.compile(r"\s*\((?:“|\"|the\s+)?(?P<acronym>[A-Z][A-Za-z0-9&+\-]{1,11})(?:”|\")?\)")
#: A defined short name in brackets: ("Jinghua", HKEX: 2961), (“Varela”), ("Tianyuan", SSE: 603917).
_DEFINED = re.compile(r"\s*\((?:the\s+)?[“\"](?P<acronym>[A-Z][\w&+\-]*(?: [A-Z][\w&+\-]*){0,2})[”\"][,;)]")
_GENERIC = frozenset("Company Group Joint Venture Parties Party Issuer Purchaser Buyer Seller Target Licensee "
                     "Licensor Investors Shares Notes Transaction Merger Offering Agreement Fund Partnership".split())
_SUBJECT_NEXT = re.compile(
    r"\s*(?:,|\(|today\b|announced\b|announces\b|has\b|have\b|will\b|and\b|said\b|says\b|signed\b|signs\b|"
    r"entered\b|enters\b|completed\b|completes\b|closed\b|closes\b|raised\b|raises\b|received\b|receives\b|"
    r"selected\b|is\b|are\b|to\b|acquires\b|acquired\b|reported\b|reports\b|launch\w*|secur\w+|inks\b|"
    r"grants\b|granted\b|licen[cs]es\b|licen[cs]ed\b|awarded\b|awards\b|obtain\w*|agreed\b|agrees\b|form\w*\b|"
    r"also\b|(?:on|this|last) (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day (?:said|announced)\b)"
)
#: The words that open a slot ("led by", "partners including", "agreement with"): whole words, each opening on a
#: plain letter (:func:`.fastre.word_starts`).
_SLOT_OPENERS = [
    "co-led by", "led by", "joined by", "backed by", "supported by", "funded by", "financed by", "coordinated by",
    "participation (?:from|of|by)", r"investors?\b,?(?: (?:including|such as|include|includes))?",
    r"partners?\b,?(?: (?:are|were|including|such as|include|includes))?", "bring(?:s|ing)? together",
    "compris(?:es|ing)", "consist(?:s|ing) of", "members?(?: are| include| including)?",
    *(rf"{word}\b(?: (?!(?:co-)?led\b|by\b)[\w\-.,$€£]+){{0,5}}? from" for word in
      ("funding", "funds", "financing", "capital", "round", "investment", "grant", "award", "subsidy")),
    "acquisition of", "to acquire[sd]?", "to buy", "will acquire[sd]?", "will buy", "agreed to acquire[sd]?",
    "agreed to buy", "acquire[sd]?", "buy", "merger with", "merge with",
    *(f"{word} with" for word in ("agreement", "collaboration", "partnership", "deal", "alliance", "pact")),
    "stake in", "investment in", "invest(?:s|ed)? in", "licen[cs]ed? from", "contract to", "task order to",
]
#: What a slot introduces: the text after the opener's whitespace, up to the clause's end.
_SLOT_SPAN = (r"(?=\s+(?P<span>(?:[^.;:]+|\.(?=\w)|"
              r"(?:(?<=Ltd)|(?<=Inc)|(?<=Corp)|(?<=Co)|(?<=N\.V)|(?<=S\.A))\.(?=,|,? (?:and|&) ))+))")
#: A slot opening the text, and a slot after the character before its opener (:func:`.fastre.word_starts`: five
#: times cheaper than ``\b`` before the openers). The whitespace after the opener stays unread, for a next opener
#: to stand after it ("led by partners including").
_SLOT_AT_START, _SLOT = (re.compile(start + _SLOT_SPAN) for start in word_starts(_SLOT_OPENERS))
_ITEM_SPLIT = re.compile(r",\s*(?:and\s+|as well as\s+|along with\s+)?|\s+and\s+|\s+as well as\s+|\s+along with\s+")
_ITEM_PREFIX = re.compile(
    r"\s*(?:(?:the|its|their|new|existing|current|other|additional|leading|investors?|partners?|including|such as|"
    r"both|with|from|[a-z\-]+ (?:company|fund|firm|investor|group|institute|agency|bank|university|foundation|"
    r"organi[sz]ation|hospital|capital firm)s?)\s+)*")
_ITEM_STOP = re.compile(r"\s(?:in|at|on|to|into|across|over|during|which|that|who|for|of|will|is|are|was|with)\s")
#: "led by X, with participation from Y, the university's venture fund, and Z": an item that describes the one before.
#: "Ayrlow, an affiliate of Matlock Capital, along with Invus": the item describes the one before.
_AFFILIATE_ITEM = re.compile(r"\s*(?:an?|the|its)\s+(?:[\w-]+\s+)?(?:affiliate|subsidiary|unit|division|arm|vehicle|fund)\s+of\b")
_AFFILIATE_WORDS = ("affiliate", "subsidiary", " unit", "division", " arm", "vehicle")
_DESCRIPTION_ITEM = re.compile(r"\s*(?:the|a|an|its)\s+[^A-Z]{3,80}")
#: Words between two names of one list item ("GSK has launched GNA-NOW") end the list: it was a clause.
_WORDS_BETWEEN = re.compile(r"[a-z]{3,}")
_ITEM_TAIL = re.compile(r"(?:\s*\([^()]*\))?(?:\s+(?:fund|group|syndicate|network|club))?\s*$")
_APPOSITION = re.compile(
    r",\s+(?:a|an|the)\s+(?P<desc>(?:[\w\-]+,?\s+){0,6}?(?:company|firm|biotech|startup|start-up|spin-off|spin-out|"
    r"organi[sz]ation|provider|contractor|manufacturer|investor|fund|agency|institute|university|developer|specialist|leader|"
    r"group|CRO|CDMO|CMO|subsidiary|division|unit|incubator|hospital|centre|center|charity|foundation|joint venture|"
    r"drugmaker|drug maker|pharma major|major|giant))\b"
)
#: The last word of a description before a name ("with US pharma giant Pfizer"): a cheap test before the patterns.
_DESC_HEADS = frozenset("company firm biotech biopharma pharma investor fund agency group university institute CRO "
                        "CDMO incubator organization organisation foundation drugmaker contractor contractors major "
                        "giant maker developer business spin-off spin-out spinout start-up startup subsidiary "
                        "affiliate manufacturer".split())
#: A description right before a name, up to the end of the text before it (its last bracket closes ``desc``).
_DESC_HEAD = "(?:investment company|venture capital firm|" + "|".join(sorted(_DESC_HEADS)) + "))"
_DESC_WORDS = r"(?P<desc>(?:[\w\-]+\s+){0,3}" + _DESC_HEAD + r"\s+$"
#: "from orthopaedic product manufacturer Bioventus", "in infant formula maker Mead Johnson": after a preposition too.
_DESC_BEFORE = re.compile(r"(?:\b(?:the|a|an|with|and|from|by|to|of|for|in|on|[\w.]+-based)|[\w)]['’]s)\s+"
                          + _DESC_WORDS)
#: A nationality or a holding opens the description ("between Belgian biotech Galapagos", "with privately held
#: Italian pharmaceutical company Keryos", "in Chinese biotech company BeiGene's offering").
_DESC_NATIONAL = re.compile(r"(?P<desc>(?:(?:privately[- ]held|private|public|listed|[\w.]+-listed)\s+)?"
                            r"(?:[A-Z][a-z]+(?:an|ese|ish|ch|ss|i)|U\.?S\.?|U\.?K\.?)\s+(?:[\w\-]+\s+){0,2}"
                            + _DESC_HEAD + r"\s+$")
#: "Germany's STADA Arzneimittel", "Japan’s Takeda": a country's company.
_COUNTRY_POSSESSIVE = re.compile(rf"(?<![\w-])(?P<desc>(?:{COUNTRIES}|Britain|America))['’]s\s+$")
#: The same description opening the sentence: "Swedish biotech firm BioInvent saw its shares rise".
_DESC_LEAD = re.compile(r"^\s*" + _DESC_WORDS, re.I)
#: "Jiangsu Ruikang Co., Ltd. (the "Company", together with its subsidiaries, the "Group")".
_COMPANY_DEFINED = re.compile(r"\s*\((?:the\s+)?[“\"](?:Company|Issuer)[”\"]")
_COMPANY_REF = re.compile(r"\b(?:the|The) (?:[Cc]ompany|[Ff]irm)\b(?!['’]s\s+(?:partner))")


#: An upper-case word of six letters or more (a brand, a trial, a kicker) is a name only by form or description.
_SHOUTED = re.compile(r"[A-Z][A-Z\-]{5,}(?: [A-Z][A-Z\-]+)*")
_NOT_COMPANY = ACADEMIC_KINDS | FUNDER_KINDS | {"regulator", "public_investor", "venture_capital"}
_BLANKS = re.compile(r" *")
#: What may open a sentence before its subject: a bullet, an ISO date ("2020-08-04 Biocon announced"), an adverb.
_SENTENCE_LEAD = re.compile(r"\s*(?:[-•*]\s+)?(?:(?:date\s+)?(?:19|20)\d\d-\d\d-\d\d\s+)?"
                            r"(?:(?:Today|Separately|Additionally|In addition|Meanwhile),?\s+)?")
#: What joins two names of one list ("Lonza and Zeta Bio announced", "Eli Lilly, Merck and Pfizer").
_AND_GAP = re.compile(r"(?:,\s*|\s+and\s+|\s*&\s*|,\s+and\s+)")


@dataclass
class Mention:
    """One occurrence of an organisation in a sentence."""

    start: int
    end: int
    text: str
    key: str


@dataclass
class DocumentMentions:
    """The clusters of a document and the mentions of each sentence."""

    clusters: dict[str, Cluster]
    sentences: list[list[Mention]]
    announcer: str | None


def _clean(sentence: str) -> str:
    """Blank what names no organisation, keeping offsets: tickers in brackets, a double hyphen used as a dash
    ("Eli Lilly, Merck and Pfizer--which often compete")."""
    if "--" in sentence:
        sentence = sentence.replace("--", "  ")
    if "(" not in sentence:
        return sentence
    return _TICKER_PAREN.sub(lambda m: " " * len(m.group()), sentence)


def _descriptor(text: str, start: int, end: int) -> str | None:
    comma = _BLANKS.match(text, end).end() if text.startswith(" ", end) else end
    after = _APPOSITION.match(text, comma) if text.startswith(",", comma) else None
    if after:
        return after.group("desc")
    if not text[start - 1:start].isspace():
        return None
    if text.endswith("-based ", 0, start):
        return text[text.rfind(" ", 0, start - 1) + 1:start - 1]   # "with Incheon-based Celltrion"
    last = text[text.rfind(" ", 0, start - 1) + 1:start - 1]   # the word before the name
    if last not in _DESC_HEADS and not (start <= 60 and last.lower() in _DESC_HEADS):
        if last.endswith(("'s", "’s")):
            country = _COUNTRY_POSSESSIVE.search(text, max(0, start - 30), start)
            return country.group("desc") if country else None
        return None
    window = text[max(0, start - 60):start]
    before = _DESC_BEFORE.search(window) or (_DESC_LEAD.match(window) if start <= 60 else None) or \
        _DESC_NATIONAL.search(window)
    return before.group("desc") if before else None


#: A list item of one to four words, the last capitalised: a name, though no chunk was formed of it.
_UNREAD_ITEM = re.compile(r"\s*(?:[\w.&'’-]+\s+){0,3}[A-Z][\w&'’-]*\s*")


def _slot_chunks(text: str, chunks: list[tuple[int, int, str]]) -> set[int]:
    """Indices of chunks that are items of a list introduced by a slot ("led by ...").

    Separators and stop words inside a chunk ("Institute for Translational Medicine and Pharmacology") do
    not end an item.
    """
    picked: set[int] = set()
    slots = _slots(text)
    if not slots:
        return picked

    spans = [(s, e) for s, e, _ in chunks if " " in _]

    def inside(position: int) -> bool:
        return any(s < position < e for s, e in spans)

    for slot in slots:
        begin, end = slot.span("span")
        stop = next((m for m in _ITEM_STOP.finditer(text, begin, end) if not inside(m.start() + 1)
                     and not (text.startswith(" of ", m.start()) and text.endswith(_AFFILIATE_WORDS, 0, m.start()))
                     and not (text.startswith(" with ", m.start()) and text.endswith("along", 0, m.start()))), None)
        end = stop.start() if stop else end
        bounds = [begin] + [p for m in _ITEM_SPLIT.finditer(text, begin, end) if not inside(m.start())
                            for p in m.span()] + [end]
        for item_start, position in zip(bounds[::2], bounds[1::2]):
            members = [i for i, (s, e, _) in enumerate(chunks) if s >= item_start and e <= position]
            if not members and _DESCRIPTION_ITEM.fullmatch(text, item_start, position) or _AFFILIATE_ITEM.match(
                    text, item_start, position):
                continue
            if (not members or not _ITEM_PREFIX.fullmatch(text, item_start, chunks[members[0]][0])) and \
                    _UNREAD_ITEM.fullmatch(text, item_start, position):
                continue   # "iSelect Fund", "T. Rowe Price": a name the chunk reader did not form; the list goes on
            if not members or not _ITEM_PREFIX.fullmatch(text, item_start, chunks[members[0]][0]) or any(
                    _WORDS_BETWEEN.search(text, chunks[a][1], chunks[b][0]) for a, b in zip(members, members[1:])):
                break
            if _ITEM_TAIL.fullmatch(text, chunks[members[-1]][1], position):
                picked.add(members[-1])
    return picked


def _slots(text: str) -> list[re.Match[str]]:
    """The slots of ``text``: the matches of ``\\b(?:openers)\\s+(?=span)``, read fast (see ``_SLOT``)."""
    first = _SLOT_AT_START.match(text)
    return [first, *_SLOT.finditer(text, first.end())] if first else list(_SLOT.finditer(text))


def _is_subject(text: str, start: int, end: int, lead: int, first_end: int | None) -> bool:
    """Whether the chunk at ``start:end`` opens the sentence (after ``lead``) or joins its first chunk."""
    if start != lead:
        if first_end is None or not _AND_GAP.fullmatch(text, first_end, start):
            return False
    return bool(_SUBJECT_NEXT.match(text, end))


_LOWER_WORD = re.compile(r"(?<![\w.])[a-z][a-z\-]{2,}\b")


class LoweredWords:
    """The words a document writes in lower case ("pipeline", "first-in-class"): ``word in words``.

    The words are the matches of ``_LOWER_WORD`` in the document; a word is looked up where the document
    writes it (a few substring searches) rather than every word being collected, which costs more than the
    lookups a document makes. A word after a hyphen ("...-ray") may be part of a longer match: then all the
    words are collected once.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._all: set[str] | None = None

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word[:1].islower():
            return False
        if self._all is not None:
            return word in self._all
        text, position = self.text, self.text.find(word)
        while position >= 0:
            before = text[position - 1:position]
            if before == "-":
                self._all = set(_LOWER_WORD.findall(text))
                return word in self._all
            match = _LOWER_WORD.match(text, position)
            if match and match.end() == position + len(word):
                return True
            position = text.find(word, position + 1)
        return False


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
    lowered = LoweredWords(" ".join(cleaned))
    registry = NameRegistry(gazetteer)
    registry.persons = _persons(cleaned)
    literal = gazetteer.literal_pattern
    if literal is not None:
        joined = "\n".join(cleaned)
        if not gazetteer.literal_prefilter.search(joined) or not literal.search(joined):
            literal = None
    items = list_items(cleaned) if any(s.endswith(":") for s in cleaned) else set()
    products: set[str] = set()
    for index, (text, original) in enumerate(zip(cleaned, sentences)):
        _collect(text, original, registry, gazetteer, lowered, literal, index in items, products)
    if products:
        registry.drop_products(products)
    registry.merge_short_forms()
    marked = [[Mention(start, end, text[start:end], key) for start, end, key in hits]
              for text, hits in zip(cleaned, registry.find_in(cleaned))]
    announcer = next((m.key for m in marked[first_body]), None) if first_body < len(marked) else None
    if announcer is not None and kind_of(registry.clusters[announcer]) == "regulator":
        # A letter to the exchange ("To, BSE Limited ..."): the company is the letterhead's, not the addressee.
        announcer = next((m.key for ms in marked[:first_body] + marked[first_body:] for m in ms
                          if kind_of(registry.clusters[m.key]) != "regulator"), None)
    defined = _defined_company(sentences, marked)
    announcer = announcer or defined
    if announcer is None:
        # A story without a dateline whose lead names nobody: the first company of the next sentences.
        announcer = next((m.key for ms in marked[first_body:first_body + 3] for m in ms
                          if kind_of(registry.clusters[m.key]) not in _NOT_COMPANY), None)
    if announcer:
        company = defined or _company(marked[first_body], registry.clusters) or announcer
        for text, mentions in zip(cleaned, marked):
            _mark_company(text, mentions, company)
    used = {m.key for ms in marked for m in ms}
    clusters = {k: c for k, c in registry.clusters.items() if k in used}
    return DocumentMentions(clusters, marked, announcer)


#: "The consortium brings together:", "Members are:": a line announcing a list of organisations, one per line.
_LIST_HEADER = re.compile(r"\b(?:brings? together|brought together|members|partners|participants|organi[sz]ations|"
                          r"institutions|companies|consists of|comprises|includes?)\b[^.]{0,120}:\s*$", re.I)
_ITEM_END = re.compile(r"[.!?]\W*$")


def list_items(sentences: list[str]) -> set[int]:
    """The indices of the one-line items that follow a list header (short lines without a full stop)."""
    items: set[int] = set()
    for index, text in enumerate(sentences):
        if text.endswith(":") and _LIST_HEADER.search(text):
            for following in range(index + 1, len(sentences)):
                line = sentences[following]
                if len(line.split()) > 14 or _ITEM_END.search(line) or line.endswith(":"):
                    break
                items.add(following)
    return items


#: "a Joint Venture ... for Allogeneic Cell Therapies in Japan": a title-cased product class, no company.
_FACILITY = re.compile(r"(?:\s*\([^()]{1,20}\))?\s+(?:facility|facilities|site|plant|campus|building)\b")
_WHAT_FOR = re.compile(r"\b(?:for|in|of|on|against)\s+$")
#: Its words all end in "s": a cheap test first.
_PRODUCT_PHRASE = re.compile(r"\s(?:Therapies|Treatments|Medicines|Vaccines|Diseases|Disorders|Products|Drugs|Cancers|"
                             r"Tumou?rs|Antibodies|Conjugates|Inhibitors)$")


def _collect(text: str, original: str, registry: NameRegistry, gazetteer: Gazetteer, lowered: LoweredWords,
             literal: re.Pattern[str] | None, item: bool = False, products: set[str] | None = None) -> None:
    for found in literal.finditer(text) if literal is not None else ():
        key = registry.add(found.group())
        acronym = _ACRONYM.match(text, found.end())
        if acronym:
            registry.alias(acronym.group("acronym"), key)
    chunks = find_chunks(text)
    if not chunks:
        return
    slots = _slot_chunks(text, chunks)
    if item and (chunks[0][0] == 0 or text[:chunks[0][0]] in ("the ", "The ")):
        slots = set(slots) | {0}   # the organisation a list item names, even when a country follows it
    lead = _SENTENCE_LEAD.match(text).end()
    first_end = next((c[1] for c in chunks if c[0] == lead), None)
    seen = registry.seen
    # index -> (descriptor, qualified) for each chunk that may name an organisation here
    eligible: dict[int, tuple[str | None, bool]] = {}
    listed = False   # whether a possible name follows a name: the list test is worth running
    persons = registry.persons
    for index, (start, end, piece) in enumerate(chunks):
        name_like, strong = seen.get(piece) or seen.setdefault(piece, _piece_test(piece, gazetteer, lowered))
        if (piece in persons or persons and piece.count(" ") > 1 and _titled_person(piece, persons)) \
                and not has_legal_suffix(piece):
            continue
        if not name_like:
            continue
        if not strong and products is not None and " " not in piece and _named_as_product(text, start, end, piece):
            products.add(piece)   # "Cimzia®", "CT-P13 (Remsima)", "Varlitinib": a product wherever it is named
            continue
        if not strong and index not in slots and is_place_or_product(text, end):
            continue
        if not strong and _FACILITY.match(text, end):
            continue   # "Brennick's Center for Process Innovation (CPI) facility": a site, no organisation
        follow = original[end:end + 9]
        unusual = "(" in follow or "." in follow or follow[:1] == ","   # a ticker, a wire, a place after it
        if not strong and (unusual or "-" in piece) and _not_an_organisation(text, original, end, piece):
            continue
        if piece[-1] == "s" and _PRODUCT_PHRASE.search(piece) and _WHAT_FOR.search(text, max(0, start - 8), start) \
                and gazetteer.lookup(piece) is None:
            continue
        descriptor = _descriptor(text, start, end)
        qualified = bool(strong or index in slots or descriptor or (unusual and _listed_on_exchange(original, end)) or (
            _is_subject(text, start, end, lead, first_end) and not _SHOUTED.fullmatch(piece)))
        eligible[index] = descriptor, qualified
        listed = listed or (not qualified and eligible.get(index - 1, (None, False))[1])
    if listed:
        _join_coordinated(text, chunks, eligible)
    for index, (descriptor, qualified) in eligible.items():
        if not qualified:
            continue
        start, end, piece = chunks[index]
        key = registry.add(piece, descriptor)
        acronym = _ACRONYM.match(text, end) or _DEFINED.match(original, end) or (
            _BARE_TICKER.match(text, end) if has_legal_suffix(piece) else None)
        if acronym and not set(acronym.group("acronym").split()) <= _GENERIC:
            registry.alias(acronym.group("acronym"), key)


#: "CT-P13 (Remsima)": a brand in brackets after its product code.
_CODE_BEFORE = re.compile(r"\b[A-Z]{1,5}-?[A-Z]{0,5}-?\d+[A-Za-z0-9]* \($")
#: International nonproprietary name stems (WHO INN): "Varlitinib", "Ociperlimab", "Sotagliflozin"; not the
#: stems companies' names end in too ("-cept": Intercept; "-rsen": Halvorsen, Andersen).
_INN_STEM = re.compile(r"[A-Z][a-z]{3,}(?:tinib|ciclib|parib|lisib|rafenib|degib|zomib|zumab|ximab|limab|tamab|umab|"
                       r"glutide|gliptin|gliflozin|sartan|vastatin|floxacin|platin|taxel|rubicin|tecan|siran|"
                       r"leucel|poetin)")


def _named_as_product(text: str, start: int, end: int, piece: str) -> bool:
    """Whether a one-word chunk is a product by its form or the marks around it (see :data:`_INN_STEM`)."""
    follow = text[end:end + 2]
    return bool(("®" in follow or "™" in follow or "(" in follow) and BRAND_MARK.match(text, end) or (
        start > 2 and text[start - 1] == "(" and _CODE_BEFORE.search(text, max(0, start - 16), start)) or (
        len(piece) > 7 and piece[-1] in "beln" and _INN_STEM.fullmatch(piece)))


def _listed_on_exchange(original: str, end: int) -> bool:
    """Whether a stock ticker follows the chunk ending at ``end`` ("Galapagos (Nasdaq: GLPG)")."""
    if "(" in original[end:end + 5]:
        return bool(_TICKER_AFTER.match(original, end))
    return original.startswith(" ", end) and bool(RIC.match(original, end))


#: "TOKYO (dpa-AFX) -": a dateline's city before a wire's name.
_WIRE_AFTER = re.compile(r"\s*\((?:dpa-AFX|Reuters|AFP|AP|PTI|IANS|Xinhua|Yonhap|RTTNews|Kyodo|ANI|UNI|BUSINESS WIRE|"
                         r"Business Wire|PRNewswire|PR Newswire|GLOBE NEWSWIRE|Globe Newswire|MarketWatch)\b[^()]*\)")
#: "acquisition of Burlington, Mass.-based ArQule": the place a company is based in.
_BASED_AFTER = re.compile(r",\s+(?:[A-Z][\w.]*\s?){1,3}-based\b")
#: "Anglo-Swedish drug major AstraZeneca", "Italian-Swiss firm Philogen": nationalities describing the next name.
_NATIONALITIES = re.compile(r"[A-Z][a-z]+-[A-Z][a-z]+(?:ish|ese|an|ch|ss|i)$")
_LOWER_NEXT = re.compile(r" [a-z]")


def _not_an_organisation(text: str, original: str, end: int, piece: str) -> bool:
    """Whether what follows a chunk makes it a dateline's city, a company's base or a pair of nationalities."""
    if "(" in original[end:end + 3] and _WIRE_AFTER.match(original, end):
        return True
    if text.startswith(",", end) and _BASED_AFTER.match(text, end) or text.startswith(".-based", end):
        return True
    return "-" in piece and bool(_NATIONALITIES.search(piece)) and bool(_LOWER_NEXT.match(text, end))


#: "Novavax, Inc. NVAX announced": a ticker written bare after the company's name (its brackets lost).
_BARE_TICKER = re.compile(r" (?P<acronym>[A-Z]{2,5})(?= [a-z])")
_DIGIT_WORD = re.compile(r"(?:^|\s)\d")
_WHERE_BEFORE = re.compile(r"\b(?:of|in|at|near)\s+$")


#: Offices written before a person's name ("CEO Martin Aldous", "Science Minister Jane Roe").
_OFFICES = """CEO CFO COO CSO CTO Chairman Chairwoman President Founder Co-founder Minister Secretary Senator Governor
    Mayor Commissioner Chancellor Ambassador""".split()
#: Job titles written before a person's name inside a capitalised chunk. Not "Dr.": "Labor Dr. Merk Kollegen" is a
#: laboratory.
_JOB_TITLES = frozenset([*_OFFICES, "Director", "Professor"])


def _titled_person(piece: str, persons: frozenset[str]) -> bool:
    """Whether a chunk is a person after a job title ("Science Minister Jane Roe", "CEO Martin Aldous")."""
    words = piece.rsplit(" ", 3)
    return len(words) > 2 and words[-3] in _JOB_TITLES and f"{words[-2]} {words[-1]}" in persons


def _join_coordinated(text: str, chunks: list[tuple[int, int, str]], eligible: dict[int, tuple[str | None, bool]]) \
        -> None:
    """A possible name listed after an organisation (joined by a comma or "and") is an organisation too.

    The list is walked on from each qualified name, so "A, B and C" qualifies all three when A does. Not
    passed on: from an institution named after fields ("Ministry of Health, Labour and Welfare", "Agency for
    Science, Technology and Research"); to a country ("Hong Kong, Macau and Taiwan") or a
    place ("Brianza Genomics S.r.l. of Monza and Lariana Biotech S.p.A."), a date ("Wednesday 19th
    October"), a common word or a short or shouted word in capitals ("GMP", "PUBLICATION OR DISTRIBUTION").
    """
    order = list(eligible)   # chunk order
    flags = [eligible[i][1] for i in order]
    for i, (a, b) in enumerate(zip(order, order[1:])):
        if not flags[i] or flags[i + 1] or a + 1 != b:
            continue
        source, (start, _, piece) = chunks[a][2], chunks[b]
        if _AND_GAP.fullmatch(text, chunks[a][1], start) and not named_after_fields(source) \
                and piece.split()[0] not in COMMON and not _DIGIT_WORD.search(piece) \
                and not (piece.isupper() and (len(piece) < 4 or _SHOUTED.fullmatch(piece))) \
                and not _WHERE_BEFORE.search(text, max(0, start - 8), start) and not COUNTRY.fullmatch(piece):
            flags[i + 1] = True
            eligible[b] = eligible[b][0], True


#: News outlets and wires quoted in stories ("Aldous told Fierce Biotech", "Reuters said"): never parties.
_MEDIA = frozenset(name.strip() for name in """Reuters|Bloomberg|Fierce Biotech|FierceBiotech|Fierce Pharma|
    FiercePharma|Endpoints News|Endpoints|STAT|STAT News|BioCentury|GenomeWeb|GenomeWeb News|Dow Jones|
    Wall Street Journal|The Wall Street Journal|Financial Times|PTI|Press Trust of India|Xinhua|BioSpace|Evaluate|
    Nikkei|Associated Press|AFP|CNBC|Business Wire|PR Newswire|GlobeNewswire|Globe Newswire|BioWorld|Scrip|
    Pink Sheet|In Vivo|Pharmaceutical Technology|PharmaTimes|Motley Fool|The Motley Fool|Yahoo Finance|MarketWatch|
    Barron's|Forbes|Business Standard|Economic Times|The Economic Times|Livemint|Moneycontrol|Caixin|SCMP|
    South China Morning Post|Handelsblatt|Les Echos|L'Echo|De Tijd|Il Sole 24 Ore|GEN|
    Genetic Engineering & Biotechnology News|BioPharma Dive|Pharmaphorum|Labiotech|FiercePharma Asia|Nasdaq|NYSE|
    Yonhap|Korea Biomedical Review|Alliance News|Alliance News Limited|AP|RTTNews|dpa-AFX|Kyodo|Kyodo News|IANS|ANI|
    The Investor|Seeking Alpha|TheStreet|The Pharma Letter|ThePharmaLetter|Hindu BusinessLine|The Hindu BusinessLine|
    FirstWord|FirstWord Pharma|MedCity News|Fierce Medtech|BioWorld Today|Sharecast|Benzinga|Zacks|MarketScreener|
    Pharmaceutical Business Review|PharmaVoice|Xconomy|Business Insider|Nikkei Asia|Korea Herald|The Korea Herald|
    Korea Times|The Korea Times|China Daily|Global Times|Caixin Global""".split("|"))
#: Deal and business acronyms written in capitals ("the #1 IPO destination", "investment in R&D"): never names.
_DEAL_WORDS = frozenset("IPO IPOs R&D M&A CEO CFO COO CSO CMO CTO".split())
#: A person named by an honorific without a full stop ("noted Mr Gan"): not "Mr Recordati"'s surname alone, which
#: names his family's firm too.
_HONORIFICS = ("Mr ", "Ms ", "Mrs ", "Mx ")
#: A sector named as a whole ("as the Big Pharma company bets on AI"): no organisation.
_SECTORS = frozenset(("Big Pharma", "Big Pharmas", "Big Biotech", "Big Tech", "Big Biopharma"))
#: Nationalities standing alone before a description ("Biocon and German drug firm Evotec"): never names.
_DEMONYMS = frozenset("""American African Asian European Belgian Dutch Flemish Walloon German French Swiss Italian
    Spanish Portuguese Irish British English Scottish Welsh Danish Swedish Norwegian Finnish Austrian Polish Czech
    Hungarian Greek Turkish Israeli Canadian Mexican Brazilian Argentine Argentinian Chinese Japanese Korean Taiwanese
    Indian Australian Singaporean Russian Nordic Scandinavian Saudi Emirati Thai Vietnamese Malaysian Indonesian
    Filipino Chilean Colombian Icelandic Estonian Lithuanian Slovenian Croatian Romanian Bulgarian Ukrainian Egyptian
    Iranian Pakistani Luxembourgish Slovak""".split()) | {"South Korean", "South African"}
#: Sentence adverbs and connectives that open sentences ("Furthermore, ...", "Similarly, ..."): never names.
_ADVERBS = frozenset("""Furthermore Similarly Likewise Additionally Consequently Therefore Thus Hence Nonetheless
    Nevertheless Notably Importantly Finally Initially Subsequently Currently Recently Previously Together Specifically
    Earlier Later Overall Instead Indeed Alternatively Accordingly Elsewhere Otherwise Still Yet Also Besides Next
    Then Now Here There Shares Analysts According Including Among Prior""".split())
#: A person named by a title or a quote ("CEO Martin Aldous, Ph.D.", "Jane Doe, the CEO of", "said Jane Doe"): the
#: title before the name, or the title after a comma, each found first and the name read next to it. The titles
#: are grouped by first letter (:mod:`.fastre`): the regex engine skips to the letters a title can start with.
_NAME = r"[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][\w'’-]+"
_TITLES = [*_OFFICES, "CMO", "founder", "co-founder", r"Dr\.", r"Prof\.", "Professor", "Director", r"Mr\.",
           r"Ms\.", r"Mrs\.", "Chief Executive(?: Officer)?", "Executive Chairman", "analyst", "spokesperson",
           "spokesman", "spokeswoman", "said", "says"]
_TITLE_BEFORE = re.compile(rf"(?:{branches_by_first_char(_TITLES)})\s+({_NAME})")
_TITLE_AFTER = re.compile(
    r",\s+(?:the\s+)?(?:company's\s+|firm's\s+)?(?:Ph\.?\s?D|M\.?\s?D|CEO|chief|Chief|president|President|chairman|"
    r"Chairman|founder|co-founder|head|Head|director|Director|professor|Professor|managing|Managing|partner|Partner|"
    r"vice|Vice|executive|Executive|senior|Senior)\b")
_NAME_BEFORE = re.compile(rf"(?<![\w'’-])({_NAME})$")


def _persons(texts: list[str]) -> frozenset[str]:
    """The people a document names by a title or a quote, with their surnames."""
    names: set[str] = set()
    text = "\x00".join(texts)   # one scan of the document; no pattern crosses a NUL
    found = _TITLE_BEFORE.findall(text)
    for title in _TITLE_AFTER.finditer(text):
        named = _NAME_BEFORE.search(text, max(0, title.start() - 60), title.start())
        if named:
            found.append(named.group(1))
    for name in found:
        words = name.split()
        if words[-1] in HEADS or has_legal_suffix(name) or any(w in COMMON or w in STOP_LEAD for w in words):
            continue   # "said Novartis Pharma": a company quoted, no person
        names.update((name, words[-1]))
    return frozenset(names)


def _piece_test(piece: str, gazetteer: Gazetteer, lowered: LoweredWords) -> tuple[bool, bool]:
    """Whether a chunk may be a name, and whether it is one whatever its context (known or by its form)."""
    never, country, by_form = _piece_facts(piece)
    if never:
        return False, False
    known = gazetteer.lookup(piece) is not None
    if not known and country:
        return False, False   # "to acquire U.S. territorial rights": a country, however placed
    name_like = known or is_name_like(piece, lowered)
    return name_like, known or (name_like and by_form)


@lru_cache(maxsize=65536)
def _piece_facts(piece: str) -> tuple[bool, bool, bool]:
    """What a chunk alone tells (chunks recur across releases): never a name (a news outlet, an adverb, a
    sentence opener), a country, a name by its form."""
    never = piece in _MEDIA or piece in _ADVERBS or piece in STOP_LEAD or piece in _DEMONYMS or piece in _DEAL_WORDS \
        or piece in _SECTORS or piece.startswith(_HONORIFICS)
    return never, bool(COUNTRY.fullmatch(piece) or COUNTRY.fullmatch(piece + ".")), qualifies_by_form(piece)


def _defined_company(texts: list[str], marked: list[list[Mention]]) -> str | None:
    """The organisation a listed company's announcement defines as "the Company" ("X (the "Company", ...)")."""
    for text, mentions in zip(texts, marked):
        if "Company" in text:
            for mention in mentions:
                if _COMPANY_DEFINED.match(text, mention.end):
                    return mention.key
    return None


def _company(lead: list[Mention], clusters: dict[str, Cluster]) -> str | None:
    """What "the company" refers to: the first company of the lead sentence (not a university, agency or fund)."""
    for mention in lead:
        if kind_of(clusters[mention.key]) not in _NOT_COMPANY:
            return mention.key
    return None


def _mark_company(text: str, mentions: list[Mention], announcer: str) -> None:
    if "ompany" not in text and "irm" not in text:
        return
    for match in _COMPANY_REF.finditer(text):
        if not any(m.start <= match.start() < m.end for m in mentions):
            mentions.append(Mention(match.start(), match.end(), match.group(), announcer))
    mentions.sort(key=lambda m: m.start)
