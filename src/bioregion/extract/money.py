"""Deal terms: amounts with currency and scale, and the component each one pays.

"$1.35 billion", "EUR 25 million", "€3.9bn", "up to US$665 million in
milestones", "CHF 290 million", "£4 million", "¥1.5 billion", "C$3 million"
become amounts in units with an ISO 4217 code. Each amount gets the term
component (DESIGN section 2) named by the nearest cue around it: an upfront
payment or licence fee, milestones, royalties, equity, research funding, or
the value of the whole deal when nothing narrower is said. Per-share prices
are not terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .fastre import by_first_letter
from .triggers import folded

__all__ = ["Amount", "find_amounts"]

_SYMBOLS = {
    "$": "USD", "us$": "USD", "usd": "USD", "us dollars": "USD", "dollars": "USD", "€": "EUR", "eur": "EUR",
    "euro": "EUR", "euros": "EUR", "£": "GBP", "gbp": "GBP", "pounds": "GBP", "¥": "JPY", "jpy": "JPY",
    "yen": "JPY", "chf": "CHF", "swiss francs": "CHF", "dkk": "DKK", "sek": "SEK", "nok": "NOK",
    "c$": "CAD", "ca$": "CAD", "cad": "CAD", "a$": "AUD", "au$": "AUD", "aud": "AUD", "rmb": "CNY",
    "cny": "CNY", "yuan": "CNY", "hk$": "HKD", "hkd": "HKD", "krw": "KRW", "won": "KRW", "inr": "INR",
    "s$": "SGD", "sgd": "SGD", "ils": "ILS", "nis": "ILS", "bef": "BEF", "rs": "INR", "rs.": "INR", "₹": "INR",
}
_PREFIX = (r"(?P<pre>(?:US\$|U\.S\.\s?\$|C\$|CA\$|A\$|AU\$|HK\$|S\$|\$|€|£|¥|₹)\s?|Rs\.?\s?|"
           r"(?:USD|EUR|GBP|CHF|JPY|DKK|SEK|NOK|CAD|AUD|RMB|CNY|HKD|KRW|INR|SGD|ILS|BEF)\s?)")
_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = (r"(?:\s?(?P<scale>trillion|tn|billion|bn|million|mln|mn|m|M|thousand|k|K|b|B|BN|Million|Billion|crores?|"
          r"lakhs?)\b\.?)?")
_SUFFIX = r"(?:\s+(?P<post>USD|EUR|GBP|CHF|JPY|DKK|SEK|NOK|CAD|AUD|RMB|CNY|euros?|dollars|pounds|yen|yuan|won|Swiss francs)\b)"
_AMOUNT_PREFIXED = re.compile(rf"(?<![\w$€£¥]){_PREFIX}{_NUMBER}{_SCALE}")
_AMOUNT_SUFFIXED = re.compile(rf"(?<![\w.,$€£¥]){_NUMBER}{_SCALE}{_SUFFIX}")
_SCALES = {"trillion": 1e12, "tn": 1e12, "crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5, "billion": 1e9, "bn": 1e9, "b": 1e9, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
           "thousand": 1e3, "k": 1e3}
_PER_UNIT = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:per|a)\s+(?:share|ADS|American Depositary Share|unit)\b|^\s*/\s*share",
                       re.I)
_HINT = re.compile(r"[$€£¥₹]|\b(?:USD|EUR|GBP|CHF|JPY|DKK|SEK|NOK|CAD|AUD|RMB|CNY|HKD|KRW|INR|SGD|ILS|BEF|Rs)(?![a-z])|"
                   r"euro|dollar|pound|yen|yuan|franc|\bwon\b")
#: Every match of ``_HINT`` contains one of these: a cheap test before the pattern (which opens on ``\b``,
#: so the regex engine tries it at every position of the sentence).
_HINT_MARKS = ("$", "€", "£", "¥", "₹", "USD", "EUR", "GBP", "CHF", "JPY", "DKK", "SEK", "NOK", "CAD", "AUD", "RMB",
               "CNY", "HKD", "KRW", "INR", "SGD", "ILS", "BEF", "Rs", "euro", "dollar", "pound", "yen", "yuan", "franc",
               "won")
#: The marks as one pattern of plain words grouped by first character: the regex engine jumps to the characters a
#: mark can start with and tries only the marks that open on it.
_HINT_MARK = re.compile(by_first_letter(list(_HINT_MARKS)))
_DIGIT = re.compile(r"\d")
_NEXT_AMOUNT = re.compile(r"[;.]\s|[$€£¥]|\b(?:USD|EUR|GBP|CHF|JPY|DKK|SEK|CAD)\b|\bplus\b")
_CUES = (
    ("upfront", re.compile(r"up-?\s?front|upfront|initial payment|license fee|licen[cs]e fee|signing fee|option fee|(?:on|upon) closing|"
                           r"upon signing|at closing|in cash at", re.I)),
    ("milestones", re.compile(r"milestone|contingent|earn-?out|deferred consideration|contingent value|\b(?:upon|subject to) (?:the )?(?:achievement|approval|"
                              r"acceptance|initiation|start|first|successful|regulatory|marketing|commercial)", re.I)),
    ("royalty", re.compile(r"royalt", re.I)),
    ("research_funding", re.compile(r"research (?:funding|support|payments?)|fund research|R&D funding|"
                                    r"(?:research|development|R&D) costs|"
                                    r"\bfund(?:s|ing)? (?:an? |the |its |their )?(?:[\w-]+ ){0,3}(?:research|R&D)\b", re.I)),
    ("research_funding", re.compile(r"\b(?:will|to|shall|would) fund (?:up to )?$")),
    ("value", re.compile(r"equity value|enterprise value|total (?:potential )?(?:deal |transaction |contract )?(?:value|amount)|"
                         r"valued at|worth|aggregate(?! of\b)(?! (?:[\w,-]+ ){0,3}?(?:milestone|royalt|upfront|research))|"
                         r"transaction value|total consideration|gross proceeds|capitali[sz]ed with|"
                         r"total budget", re.I)),
    ("equity", re.compile(r"equity|stake|private placement|shares? of|purchase of shares|subscri|common stock|"
                          r"ordinary shares|newly[- ]issued", re.I)),
    # Not a component of DESIGN: an amount a public funder grants; the grant's value, no other relation's term.
    ("grant", re.compile(r"\b(?:a|an|the|\w+-year|research|development|innovation|non-dilutive|government|public|"
                         r"million|billion|[A-Z]{2,6}) grants?\b|\bgrants? (?:of|from|funding)\b|\baward(?:s|ed|ing)?\b|"
                         r"\bsubsid(?:y|ies)\b|non-dilutive|recoverable (?:cash )?advances?")),
    ("grant", re.compile(r"\bgranted (?:the company |it |(?:[A-Z][\w&.-]*\s){1,4})?$")),
    ("other", re.compile(r"(?:option )?exercise (?:fee|payment)", re.I)),
)
#: Cues written in lower case run case-sensitively on the lower-cased text: the same hits, sooner.
_CUES = tuple((component, folded(cue)) for component, cue in _CUES)
#: Words one of which, in lower case, every hit of each cue holds (in the order of ``_CUES``): a cheap test of
#: the text before a cue's pattern runs on it.
_CUE_WORDS = (
    ("front", "initial payment", "fee", "closing", "signing", "in cash at"),
    ("milestone", "contingent", "earn", "deferred consideration", "upon", "subject to"),
    ("royalt",),
    ("research", "fund", "r&d", "development costs"),
    ("fund",),
    ("value", "worth", "aggregate", "total", "proceeds", "capitali"),
    ("equity", "stake", "placement", "share", "subscri", "stock", "newly"),
    ("grant", "award", "subsid", "non-dilutive", "recoverable"),
    ("granted",),
    ("exercise",),
)
#: The cues with their words and whether each must end right before the amount (a ``$`` anchor): no search
#: after it.
_CUE_TABLE = tuple((component, cue, words, cue.pattern.endswith("$"))
                   for (component, cue), words in zip(_CUES, _CUE_WORDS, strict=True))
#: "of which EUR 20 million relate to near-term events": a part of the amount before, not another one.
_PART = re.compile(r"\b(?:of which|of this|including|includes)\s+(?:up to |approximately |about )?$", re.I)

# A contingent value right or an earn-out is paid only if a milestone is met, whatever "worth up to" says.
_CONTINGENT_INSTRUMENT = re.compile(r"(?:contingent value rights?|\bCVRs?\b|earn-?outs?\b|contingent (?:payments?|consideration))"
                                    r"[^$€£¥\d]{0,60}$", re.I)
#: "..., excluding royalties and the equity investment": what a total leaves out names no component of it.
_EXCLUDED = re.compile(r"\b(?:excluding|excl\.|not including|exclusive of|in addition to|on top of)\b", re.I)
#: The words of ``_EXCLUDED``, ``_CONTINGENT_INSTRUMENT`` and ``_PART`` in lower case: cheap tests before them.
_EXCLUDED_WORDS = ("excl", "not including", "exclusive of", "in addition to", "on top of")
_CONTINGENT_WORDS = ("contingent", "cvr", "earn")
_PART_WORDS = ("of which", "of this", "includ")


#: "KRW 28 billion (about USD 20.5 million)": an amount in brackets right after another is its conversion.
_CONVERSION = re.compile(r"\s*\(\s*(?:(?:about|approx\.?|approximately|around|roughly|c\.|ca\.|~|equivalent to|"
                         r"equal to)\s*){0,2}$", re.I)

#: "cash and cash equivalents of A$38.2 million", "revenue from operations of Rs 312 crore", "expected to have
#: approximately $410 million in cash": figures, not terms.
_NOT_A_TERM = re.compile(r"\b(?:cash(?: and cash equivalents| and (?:short-term )?investments| position| balance| reserves)?|"
                         r"revenues?(?: from operations)?|turnover|net (?:loss|income|profit))"
                         r"(?: (?:for|in|at|as of) [^,;]{0,30})? of (?:approximately |about )?$|"
                         r"\b(?:to have|will have|has|had|holds?|held) (?:approximately |about |roughly |over )?$", re.I)
#: "the total contract value, including development ... milestones, amounts to": an inserted clause names no cue.
_INSERTED = re.compile(r",\s+(?:including|excluding|comprising)\b[^;]{0,80}?,(?=\s+(?:amounts?|is|are|was|totals?|comes?|"
                       r"reach\w*|stands?|of|will|could|may)\b)")
#: "$120 million in cumulative cost synergies", "$2.1 billion in annual sales": no term of a deal.
_NOT_A_TERM_AFTER = re.compile(r"\s+(?:in|of) (?:[\w-]+ ){0,2}(?:synergies|savings|(?:annual|peak) (?:sales|revenues?))\b"
                               r"(?![\s-]+\w*\s?milestone)", re.I)
_BRACKETED = re.compile(r"^\s*\([^()]{0,50}\)")


@dataclass(frozen=True)
class Amount:
    """An amount of money found in a sentence.

    Attributes
    ----------
    amount : float
        In units (not millions).
    currency : str
        ISO 4217 code.
    component : str
        The term component it pays (upfront, milestones, royalty, equity,
        research_funding, value, other); ``grant`` for an amount granted by a
        funder, ``part`` for a part of the amount before it ("of which ...").
    start : int
        Offset in the sentence.
    """

    amount: float
    currency: str
    component: str
    start: int


def find_amounts(sentence: str) -> list[Amount]:
    """Return the amounts of ``sentence`` with the component each one pays.

    Examples
    --------
    >>> [(a.amount, a.currency, a.component) for a in find_amounts(
    ...     "Gilead will pay an upfront fee of $300 million and up to US$665 million in milestones.")]
    [(300000000.0, 'USD', 'upfront'), (665000000.0, 'USD', 'milestones')]
    >>> find_amounts("at a price of EUR 58 per share")
    []
    """
    found: list[Amount] = []
    if not _DIGIT.search(sentence) or not _HINT_MARK.search(sentence) or not _HINT.search(sentence):
        return found
    previous_end = -1
    for match in _matches(sentence):
        value = _value(match)
        if value is None or _PER_UNIT.match(sentence, match.end()):
            continue
        if previous_end >= 0 and _CONVERSION.match(sentence[previous_end:match.start()]):
            continue
        tail = sentence[max(0, match.start() - 30):match.start()]
        if (("of " in tail or "ha" in tail or "hol" in tail or "held" in tail)
                and _NOT_A_TERM.search(sentence, max(0, match.start() - 80), match.start())) or (
                sentence[match.end():match.end() + 4] in (" in ", " of ") and _NOT_A_TERM_AFTER.match(sentence, match.end())):
            continue
        amount, currency = value
        component = _component(sentence, match.start(), match.end())
        total = _total_of_part(sentence, found, match.start(), amount, currency) if found else None
        if total is not None and (component in (total.component, "value", "part") or not _INCLUDING.search(
                sentence, total.start, match.start())):
            component = "part"
        previous_end = match.end()
        found.append(Amount(amount, currency, component, match.start()))
    return found


#: "up to $1.2 billion in milestones, consisting of up to $340 million ... and up to $860 million ...": parts.
#: "up to US$372 million in aggregate, including up to US$62 million in development and regulatory milestones
#: and up to US$310 million in sales milestones": parts of the same component as the total; parts of another
#: component ("EUR 100 million, including EUR 20 million upfront") stay terms of their own.
_INCLUDING = re.compile(r"\b(?:including|includes|which includes?)\b", re.I)
_BREAKDOWN = re.compile(r"\b(?:consisting of|comprising|comprised of|made up of|split (?:into|between|among)|"
                        r"broken down (?:into|as)|divided (?:into|between)|including|includes)\b", re.I)


def _total_of_part(sentence: str, found: list[Amount], start: int, amount: float, currency: str) -> Amount | None:
    """The total of which an amount is one of the parts a breakdown ("consisting of ...") lists, if it is one."""
    parts: list[Amount] = []
    for earlier in reversed(found):
        if earlier.component != "part":
            break
        parts.append(earlier)
    total = found[-1 - len(parts)] if len(parts) < len(found) else None
    if total is None or total.currency != currency:
        return None
    first = parts[-1].start if parts else start
    if not _BREAKDOWN.search(sentence, total.start, first) or ";" in sentence[total.start:start]:
        return None
    return total if sum(p.amount for p in parts) + amount <= total.amount * 1.001 else None


def _matches(sentence: str) -> list[re.Match[str]]:
    matches = list(_AMOUNT_PREFIXED.finditer(sentence))
    if any(marker in sentence for marker in ("euro", "EUR", "USD", "dollar", "pound", "yen", "yuan", "CHF", "franc", " won")):
        taken = [(m.start(), m.end()) for m in matches]
        matches += [m for m in _AMOUNT_SUFFIXED.finditer(sentence)
                    if not any(a <= m.start() < b for a, b in taken)]
    return sorted(matches, key=lambda m: m.start())


def _value(match: re.Match[str]) -> tuple[float, str] | None:
    groups = match.groupdict()
    marker = (groups.get("pre") or groups.get("post") or "").strip().lower().replace(" ", "")
    marker = "us$" if marker.startswith("u.s.") else marker
    currency = _SYMBOLS.get(marker) or _SYMBOLS.get(marker.rstrip("s"))
    number = float(match.group("num").replace(",", ""))
    scale = (match.group("scale") or "").lower()
    if currency is None:
        return None
    if not scale and number < 1000:
        return None
    return round(number * _SCALES.get(scale, 1.0), 2), currency

_CLAUSE_BREAK = re.compile(r"[;]|\band\b|,\s(?:and|plus|as well as)\b")


def _component(sentence: str, start: int, end: int) -> str:
    """The component of the nearest cue: within the clause before, else just after.

    Cues ending in ``$`` ("will fund up to", "granted the company") must end right before the amount.
    """
    before = _INSERTED.sub(" ", sentence[max(0, start - 150):start])[-90:]
    before = _CLAUSE_BREAK.split(before)[-1]
    after = _NEXT_AMOUNT.split(_BRACKETED.sub("", sentence[end:end + 100])[:60])[0]
    if _has(after.lower(), _EXCLUDED_WORDS):
        after = _EXCLUDED.split(after)[0]
    lower_before, lower_after = before.lower(), after.lower()
    if _has(lower_before, _CONTINGENT_WORDS) and _CONTINGENT_INSTRUMENT.search(before):
        return "milestones"
    if _has(lower_before, _PART_WORDS) and _PART.search(before):
        hit = [component for component, cue, words, anchored in _CUE_TABLE
               if not anchored and _has(lower_after, words) and cue.search(after)]
        return hit[0] if hit else "part"
    best, distance, size = "value", None, len(before)
    for component, cue, words, anchored in _CUE_TABLE:
        if _has(lower_before, words):
            for hit in cue.finditer(before):
                gap = size - hit.end()
                if distance is None or gap < distance:
                    best, distance = component, gap
        if distance == 0:
            break   # a cue right before the amount: no later cue is nearer
        if anchored or (distance is not None and distance <= 15) or not _has(lower_after, words):
            continue   # a cue after the amount counts 15 characters further than it is
        hit = cue.search(after)
        if hit and (distance is None or hit.start() + 15 < distance):
            best, distance = component, hit.start() + 15
    return best


def _has(lower: str, words: tuple[str, ...]) -> bool:
    """Whether lower-cased text holds one of ``words`` (a cheap test before a pattern)."""
    return any(word in lower for word in words)
