"""Words that make a masked sentence an event of a relation type.

Organisations are masked as ``@k@`` (see :mod:`.relations`); patterns are
written with ``{O}`` for one masked organisation and ``{G40}`` for a gap of at
most 40 characters without one. A sentence states a relation when it has an
event word (announced, signed, acquired, ...), no background cue ("continues
to", "previously") and the trigger of a type (:data:`TRIGGERS`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from .fastre import at_boundary, branches_by_first_char, by_first_letter, word_starts, words_at_boundary

__all__ = ["BACKGROUND", "EVENT", "Finding", "GUARD_WORDS", "ORG", "PRIORITY", "TRIGGERS", "TRIGGER_WORDS",
           "FoldedPattern", "candidate_types", "folded", "masked_pattern", "org_number"]

_O = r"@\d+@"
_G = r"[^@]{0,%d}?"
ORG = re.compile(r"@(\d+)@")


@dataclass
class Finding:
    """A relation read from one sentence: type, ``{cluster number: role}``, option, strength."""

    type: str
    roles: dict[int, str]
    option: bool = False
    strength: float = 0.8
    unresolved: list[int] = field(default_factory=list)


def masked_pattern(pattern: str) -> re.Pattern[str]:
    """Compile a pattern written with ``{O}`` (a masked organisation) and ``{G20}``..``{G80}`` (gaps)."""
    return re.compile(pattern.replace("{O}", _O).replace("{G40}", _G % 40).replace("{G60}", _G % 60)
                      .replace("{G80}", _G % 80).replace("{G20}", _G % 20), re.I)


_c = masked_pattern

#: Characters on which ``str.lower`` and ``re.IGNORECASE`` disagree (İ ı ſ and the Kelvin sign K).
_CASE_TRAPS = re.compile("[\u0130\u0131\u017f\u212a]")


def _lowercase_twin(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The same pattern without IGNORECASE, to run on lower-cased text; ``None`` when that would differ.

    An IGNORECASE pattern spends most of its time folding case at every position; when it is written in
    lower case (no upper-case letter, so no ``\\S``, ``\\W``, ``[A-Z]``, no inline flags, no cased non-ASCII
    letter), matching it case-sensitively on the lower-cased text gives the same matches.
    """
    source = pattern.pattern
    if (pattern.flags != re.I | re.U or any(c.isupper() for c in source) or re.search(r"\(\?[a-z-]", source)
            or any(not c.isascii() and c.lower() != c.upper() for c in source)):
        return None
    return re.compile(source)


class FoldedPattern:
    """An IGNORECASE pattern whose ``search`` and ``finditer`` run its lower-case twin on lower-cased text.

    The matches are against the lower-cased text (same offsets): read their spans, not their text.
    """

    __slots__ = ("pattern", "flags", "_pattern", "_twin")

    def __init__(self, pattern: re.Pattern[str], twin: re.Pattern[str]) -> None:
        self.pattern, self.flags, self._pattern, self._twin = pattern.pattern, pattern.flags, pattern, twin

    def search(self, text: str) -> re.Match[str] | None:
        """``pattern.search(text)``, spans only."""
        lower = _lowered(text)
        return self._pattern.search(text) if lower is None else self._twin.search(lower)

    def match(self, text: str) -> re.Match[str] | None:
        """``pattern.match(text)``, span only."""
        lower = _lowered(text)
        return self._pattern.match(text) if lower is None else self._twin.match(lower)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``, spans only."""
        lower = _lowered(text)
        return self._pattern.finditer(text) if lower is None else self._twin.finditer(lower)


#: The last two texts folded and their lower-cased forms (None when one holds a case trap), newest first: a
#: sentence is searched by the event, background and trigger patterns in turn, and an amount's cues search the
#: words before it and after it in turn. Each entry holds its text, so ``is`` cannot mistake a new string for it.
_LAST_FOLDED: list[tuple[str, str | None]] = [("", ""), ("", "")]


def _lowered(text: str) -> str | None:
    newest, older = _LAST_FOLDED
    if newest[0] is text:
        return newest[1]
    if older[0] is text:
        return older[1]
    lower = None if _CASE_TRAPS.search(text) else text.lower()
    _LAST_FOLDED[0], _LAST_FOLDED[1] = (text, lower), newest
    return lower


def folded(pattern: re.Pattern[str]) -> re.Pattern[str] | FoldedPattern:
    """``pattern`` as a :class:`FoldedPattern` when it has a lower-case twin, else itself."""
    twin = _lowercase_twin(pattern)
    return pattern if twin is None else FoldedPattern(pattern, twin)


class WordCues:
    """Whether a text holds one of the whole words or phrases ``branches`` (case-blind), found fast.

    The plain form, ``pattern``, tests ``\\b`` at every letter a branch opens on: half the letters of a text.
    This reads a branch at the text's start or after the non-word character before it
    (:func:`.fastre.word_starts`), each a lower-case twin run on the lower-cased text (:class:`FoldedPattern`).
    """

    __slots__ = ("pattern", "flags", "_start", "_after")

    def __init__(self, branches: list[str], tail: str = "") -> None:
        plain = _c(words_at_boundary(branches) + tail)
        self.pattern, self.flags = plain.pattern, plain.flags
        self._start, self._after = (folded(_c(start + tail)) for start in word_starts(branches))

    def search(self, text: str) -> bool:
        """Whether ``pattern`` occurs in ``text``."""
        return bool(self._start.match(text) or self._after.search(text))


#: Event words (whole words, :class:`WordCues`): the test runs on every sentence with a trigger word.
_EVENT_WORDS = (
    r"announc\w*|has become|is to|are to|newest|enter\w*|sign\w*|ink\w*|form\w*|launch\w*|establish\w*|agree\w*|"
    r"expand\w*|"
    r"extend\w*|team\w* up|team\w* with|co-develop|collaborate|taps|tapped|hire[sd]?|enlist\w*|outsourc\w*|"
    r"snap\w* up|scoop\w* up|buy\w*|bought|merge[sd]|merging|finali[sz]\w*|co-promot\w*|would|forg\w*|strik\w*|"
    r"struck|conclud\w*|today|will|complet\w*|close[sd]?|closing|rais\w*|"
    r"secur\w*|award\w*|receiv\w*|select\w*|acquir\w*|creat\w*|obtain\w*|grant\w*|licen[cs]\w*|price[sd]?|"
    r"pricing|invest\w*|made|purchas\w*|found\w*|coordinat\w*|partner\w* with|join\w*|led by|participation|"
    r"attract\w*|has (?:co-)?led|have (?:co-)?led|had (?:co-)?led|co-leads|leads|co-led|led @|authori[sz]\w*|"
    r"spinning off|spinning out|spend\w*|is selling|are selling").split("|")
EVENT = WordCues(_EVENT_WORDS, r"\b")
def _each(words: str, rest: str) -> list[str]:
    """``word + rest`` for each of the ``|``-separated ``words``."""
    return [word + rest for word in words.split("|")]


def _licensed_after(letter: str) -> str:
    """Lookbehinds for what was licensed before, written right before "licensed from" ("technology licensed
    from Garvan"); placed after the branch's first ``letter`` so that the branch opens on it (:mod:`.fastre`)."""
    return "(?:" + "|".join(f"(?<={word} {letter})" for word in (
        "technology", "technologies", "compound", "drug", "product", "candidate", "asset", "platform", "program",
        "programme", "molecule", "antibody", "patents", "ip", "originally", "previously", "exclusively")) + ")"


def _partners_before(letter: str) -> str:
    """Lookbehinds for two partners named right before a verb ("@1@ and @2@ agreed", "@1@ (@1@) and @12@ have"),
    keys of one or two digits; placed after the verb's first ``letter`` so that the branch opens on it
    (:mod:`.fastre`)."""
    return "(?:" + "|".join(f"(?<={before} and @{digits}@ {letter})" for before in ("@", r"@\)")
                            for digits in (r"\d", r"\d\d")) + ")"


#: Background cues: the deal told is an old one, still running, or ending (whole words, :class:`WordCues`).
_BACKGROUND_BRANCHES = [
    *_each("updated|amended|revised|modified|restated|renegotiated", r" (?:the )?(?:terms of )?(?:their|its|the|our) "
           r"(?:[\w-]+ ){0,4}(?:agreements?|collaboration|licen[cs]e|partnership|deal)"),
    "continues? to", "continued", "previously(?![- ]announced)", "formerly", "being (?:co-)?developed",
    *_each("existing|ongoing|current|long-?standing", r" (?:[\w-]+ ){0,2}(?:partner\w*|collaboration|agreements?|"
           r"licen[cs]e|alliance|deal|contract|relationship|arrangement|co-development|cooperation)"),
    "largely from", "revenue", "income from", r"established in (?:19|20)\d\d", "is preparing", "was founded",
    "were founded", r"includ(?:e|es|ing) @\d+(?=@)",
    # "partners including the University of X"; not the places of a licence ("including the United States")
    r"including the(?! (?:united|u\.s\.|u\.k\.|european|eu|americas|middle east|asia|rest of)\b)",
    # "its partner Eli Lilly would hand back its licensed candidate": a licence ending
    r"hand(?:s|ed|ing)? back",
    *_each("partners|collaborators|customers|clients|licensees|investors", r" (?:\w+ )?includ(?:e|es|ing) the"),
    "partners include", "which (?:it|the company|we) (?:had )?(?:in-)?licen[cs]ed",
    *_each("discovered|developed|identified|generated|designed|created|conducted|performed|carried out|published|"
           "presented|obtained|run", r" (?:in collaboration|jointly|together|in partnership|under (?:a|an|the|its|their) "
           r"(?:[\w-]+ )?(?:collaboration|agreement|partnership))"),
    *_each("under|through", r" (?:its|their|our) (?:[\w-]+ ){0,3}(?:collaboration|agreement|partnership|licen[cs]e|alliance)"),
    *_each("its|their|our|the company['’]s", r" (?:[\w-]+ ){0,2}(?:partnership|collaboration|alliance|relationship) with"),
    # "Taisho has started a phase I trial under a GPCR-focused partnership with Arena": the news is the trial
    *_each("under|through", r" (?:a|an) (?:[\w-]+ ){0,3}(?:collaboration|partnership|licen[cs]e|alliance|agreement) "
           r"with"),
    r"previous (?:[\w-]+ ){0,3}(?:deals?|investments?|acquisitions?|agreements?|collaborations?|partnerships?|"
    r"transactions?)",
    *_each("was|were", r" (?:formed|created|born) [^.@]{0,30}?\b(?:through|by|from|via) (?:the |a )?"
           r"(?:merger|combination)"),
    *_each("terminat|discontinu", r"\w* (?:of )?(?:the |its |their |our )?(?:[\w-]+ ){0,4}(?:agreements?|collaboration|"
           r"partnership|licen[cs]e|alliance)"),
    "rights? (?:will |shall )?revert", "remains? (?:licensed|partnered|in (?:place|effect|force))", "continues? unchanged",
    "unaffected", "had been (?:partnered|collaborating|working)", r"will continue\b",
    # "has already worked in close collaboration with X since 2015": a relationship older than the news
    "already (?:worked|collaborated|cooperated|partnered)",
    *_each("worked|collaborated|cooperated", r" [^.@]{0,80}?@\d+@[^.@]{0,80}? since (?:19|20)\d\d"),
    r"trigger(?:s|ed|ing)? (?:a |an |the )?(?:[\w-]+ ){0,3}milestone",
    r"under (?:the terms of )?that (?:[\w-]+ )?(?:licen[cs]e|agreement|collaboration)",
    # "the Series A comes just a few months after X announced a licensing deal with Y": the deal is older
    *_each("comes|came|coming", r" (?:just |only )?(?:a |about |some )?(?:few |couple of |several |[\w-]+ )?"
           r"(?:days|weeks|months|years) after"),
    # "The license agreement follows two research pacts by Hengrui, including one with MD Anderson": older deals
    *_each("follows|followed", r" (?:[\w-]+ ){0,3}(?:pacts?|deals?|agreements?|collaborations?|partnerships?|"
           r"alliances?|licen[cs]es?|acquisitions?|investments?) (?:by|with|between|of)"),
    # "Abbott, which has an established partnership with Bigfoot", "their co-developed biosimilar has been approved"
    r"an established (?:[\w-]+ )?(?:partnership|collaboration|relationship|alliance)",
    *_each("their|its|our", " co-?developed"),
    *_each("is |are |be ", "not affected"),
    # "RaNa holds an exclusive license to the technology": a licence it has, not one it signs
    *_each("holds|hold|held", r" (?:an |the |a )?(?:exclusive |worldwide |global )*(?:licen[cs]e|rights|option)"),
    # "The company's lead product, codeveloped with Amgen, is ...", "based on technology licensed from Garvan"
    *_each("co-developed|codeveloped|co-owned", r" with @\d+@,"),
    "l" + _licensed_after("l") + "icen[cs]ed from", "i" + _licensed_after("i") + "n-licen[cs]ed from",
]
BACKGROUND = WordCues(_BACKGROUND_BRANCHES, r"\b")

#: A grant's words, grouped by first letter (:mod:`.fastre`): the grant trigger runs on every sentence that
#: says "award", "receive", "selected", ...
_GRANT_BRANCHES = [
    *(at_boundary(f"{word} grant\\b") for word in (
        "a", "an", "the", "million", "billion", "research", "innovation", "development", "eic", "nih", "government",
        "public", "non-dilutive", "five-year", "three-year", "two-year", "multi-year")),
    at_boundary(r"grant (?:from|of)\b"), at_boundary(r"award(?:s|ed|ing)?\b"), at_boundary(r"subsid(?:y|ies|ised|ized)\b"),
    at_boundary(r"non-dilutive (?:funding|financing|capital)\b"), at_boundary(r"recoverable (?:cash )?advances?\b"),
    *(rf"{currency}\s?[\d.,]+\s?(?:m|bn|million|billion)?\b[^@.;]{{0,40}}?\bto (?:support|fund)\b"
      for currency in (r"\$", "€", "£", "eur", "usd", "gbp")),
    at_boundary(r"receiv\w*\s+(?:a |an )?(?:[$€£]|eur|usd|gbp)\s?[\d.,]+[^@.;]{0,60}?\bfrom\b"),
    at_boundary(r"granted (?:the company )?(?:{O} )?(?:a total of |up to )?(?:[$€£¥]|eur|usd|gbp|chf|sek|dkk)"),
    at_boundary(r"selected by (?:the )?{O}(?:\s*\([^)]*\))? to receive\b"),
]
#: Written in lower case: each runs as its lower-case twin on the lower-cased sentence (:func:`folded`).
TRIGGERS = {
    "acquisition": _c(r"\b(?:acquir\w*|acquisition|buy\w*|bought|takeover|take over|tender offer|purchas\w*|"
                      r"snap(?:s|ped|ping)? up|scoop(?:s|ed|ing)? up|"
                      r"(?:agree\w* )?to sell|(?:is|are) selling|"
                      r"sells|sold|divest\w*|dispos(?:al|e|es|ed|ing))\b|\bmerge with and into\b|"
                      r"\bsurviving as a (?:wholly[- ]owned )?subsidiary\b"),
    "merger": _c(r"\b(?<!-)(?<!short-form )(?<!second-step )(?:merg(?:e(?! @\d+@['’]s)|er(?! sub)|ers)|"
                 r"merging(?= with| @| the | their | its | our )|merged(?! (?:company|entity|group|business|firm))|"
                 r"(?:proposed |planned )?combination of (?:the|both|their) (?:two )?(?:companies|businesses)|"
                 r"combine(?!\s+(?!(?:their|the|its|our|in|to|with|forces|"
                 r"into|businesses|operations)\b)[a-z]|\s+@\d+@['’]s)|business combination)\b"),
    "license": _c(r"\b(?:(?<!biologics )(?:in-|out-|sub)?licen[cs](?:e[sd]?|ing|or|ee)\b(?! fees?\b| application)|"
                 r"exclusive (?:(?!distribution|marketing|sales|promotion|commerciali|production|"
                 r"manufactur|supply)[\w-]+ ){0,2}rights|"
                 r"option to licen\w+|option to commerciali[sz]e|"
                 r"option agreement|technology transfer (?:agreement|deal|contract|pact)|"
                 r"transfer (?:of )?(?:its |the |their )?(?:[\w-]+ )?technology)"),
    # Co-promotion is co-commercialisation (DESIGN's taxonomy): both partners sell the product.
    "co_development": _c(r"\b(?:co-?develop\w*|jointly develop\w*|joint development (?:agreement|deal|pact)|"
                         # "A and B agreed to develop and commercialize", "A (ABC) and B have agreed to ..."
                         + "|".join(f"{verb[0]}{_partners_before(verb[0])}{verb[1:]} to (?:jointly )?develop and "
                                    r"commerciali[sz]e" for verb in ("agreed?", "have agreed", "will agree")) +
                         r"|co-commerciali\w*|co-?promot\w*|joint(?:ly)? promot\w*|"
                         r"share (?:[\w-]+ ){0,2}?(?:development )?costs)\b"),
    "joint_venture": _c(r"\b(?:joint venture|jv|joint company)\b"),
    "consortium": _c(r"\b(?:consortium|public-private partnership|(?:horizon 2020|horizon europe|imi|ihi|eu-funded) "
                     r"project)\b"),
    "contract_services": _c(r"\b(?:(?:contract )?manufactur\w* (?:agreement|contract|services?|partner)|supply agreement|"
                            r"services? agreement|contract research organi[sz]ation|cro|cdmo|cmo|"
                            r"development and manufacturing|fee-for-service|(?<!rights )to manufacture|"
                            r"(?:supply|provide)\w* [^.;]{0,30}?\bwith (?:[\w-]+ ){0,2}manufacturing capacity|"
                            r"to provide (?:[\w-]+ ){0,2}(?:manufacturing|production) (?:services )?(?:of|for)|"
                            r"preferred[- ](?:service )?providers?)\b|\bselected {O} as\b|"
                            # "X taps Y to manufacture", "X hires Y to run its trial", "outsources manufacturing to Y"
                            r"\b(?:taps|tapped|hires|hired|enlists|enlisted) {O} to (?:manufacture|make|produce|run|"
                            r"conduct|supply|provide)\b|\boutsourc\w* (?:the |its )?(?:[\w-]+ ){0,3}?to {O}"),
    "marketing_distribution": _c(r"\b(?:distribut\w*(?! (?:from|of (?:about |approximately )?[$€£]|to (?:its |the )?"
                                 r"(?:share)?holders))|"
                                 r"(?<!co-)(?<!co)(?<!joint )promotion agreement|marketing agreement|"
                                 r"marketing and distribution|commerciali[sz]ation agreement|co-?operat\w* (?:in|on) (?:the )?(?:marketing|"
                                 r"distribution|commerciali[sz]ation)|(?:acquir\w*|obtain\w*|gain\w*|receiv\w*|"
                                 r"secur\w*)\s+(?:the\s+)?(?:sole |exclusive )?(?:commerciali[sz]ation|marketing|"
                                 r"distribution|promotion|sales) rights)\b"),
    "equity_investment": _c(r"\b(?:equity investment|minority stake|stake in|(?:equity|minority) interest in|"
                            r"private placement|third[- ]party allotment|"
                            r"(?:inject\w*|pour\w*) [^@.;]{0,30}?(?:[$€£¥]|usd |eur )[\d.,]+ ?"
                            r"(?:million|billion|m|bn)?\b[^@.;]{0,20}?\binto(?= (?:[\w-]+ ){0,4}?{O})|"
                            r"subscri(?:be|bes|bed|bing|ption) (?:for|to) [^@.;]{0,60}?\b(?:new |newly[- ]issued )?"
                            r"(?:{O}(?:['’]s)? )?(?:ordinary |common |preferred )?shares|"
                            r"invest\w* (?:about |approximately |up to |an additional )?(?:[$€£¥]|usd |eur )"
                            r"[\d.,]+ ?"
                            r"(?:million|billion|m|bn)? in [^@.;]{0,30}?(?:{O}(?:['’]s)? )?(?:\([^()]*\) )?"
                            r"(?:registered direct |public |follow-on |private )?offering|"
                            r"(?<!option to )(?:purchased?|invest) (?:[$€£¥][\d.,]+ (?:million |billion )?(?:of |in )"
                            r"(?:newly[- ]issued )?(?:{O}(?:['’]s)? )?|[\d,]+ )(?:ordinary |common |preferred )?"
                            r"(?:shares|stock)|(?<!option to )(?:purchas\w*|buy\w*|acquir\w*) "
                            r"(?:[\d.,]+ ?% (?:of )?)?(?:newly[- ]issued|new) "
                            r"(?:{O}(?:['’]s)? )?(?:ordinary |common |preferred )?(?:shares|stock))\b"),
    "venture_round": _c(r"\b(?:series [a-f]\d?(?![- ](?:stage|compan))|"
                        r"seed (?:round|financing|funding|capital|investment)|(?:financing|funding|investment) round|"
                        r"venture (?:round|financing)|crossover (?:round|financing)|growth (?:round|financing)|the round|"
                        r"(?:round|financing|investment|funding|extension|tranche)\b[^@.;]{0,60}?\b(?:co-)?led by)\b"),
    "spin_off": _c(r"\b(?:spin-?off|spin-?out|spun (?:out|off)|spins? (?:out|off)|spinning (?:out|off)|demerg\w*)\b"),
    "grant": _c(branches_by_first_char(_GRANT_BRANCHES)),
    "ipo": _c(r"\b(?:initial public offering|ipo|went public|go public)\b"),
    "rd_collaboration": _c(r"\b(?:(?:research|strategic|discovery|drug discovery|scientific|r&d) )?"
                           r"(?:collaboration|partnership|alliance)\b|\bcollaborat(?:e|es|ing)\b|\bteam(?:s|ed)? up\b|"
                           # "X teams with Y", "has partnered with Y to develop", "X and Y are joining forces"
                           r"\bteam(?:s|ed)? with @|\bpartner(?:s|ed)? with @|\bjoin(?:s|ed|ing)? forces\b|"
                           r"\bresearch agreement\b|\b(?:research |scientific |strategic |r&d )?cooperation agreement\b|"
                           r"\bresearch cooperation\b|\bcooperative research and development agreement\b|\bcrada\b|"
                           r"\bwill work (?:closely |together )?with (?:the )?(?:[\w.'’-]+ ){0,3}?@\d+@,? (?:on|to)\b|"
                           r"\b(?:drug |target |drug target )?discovery agreement\b"),
}
TRIGGERS = {rel_type: folded(trigger) for rel_type, trigger in TRIGGERS.items()}
#: For each type, words one of which its trigger contains: cheap substring tests before the patterns.
TRIGGER_WORDS = {
    "acquisition": ("acqui", "buy", "bought", "takeover", "take over", "purchas", "sell", "sold", "divest", "dispos",
                    "merge with", "surviving", "tender offer", "snap", "scoop"),
    "merger": ("merg", "combin"),
    "license": ("licen", "rights", "transfer", "option agreement", "option to commerciali"),
    "co_development": ("develop", "commerciali", "costs", "promot"),
    "joint_venture": ("joint venture", "jv", "joint company"),
    "consortium": ("consortium", "public-private", "project"),
    "contract_services": ("manufactur", "supply", "service", "contract research", "cro", "cmo", "cdmo", "selected",
                          "preferred", "taps", "tapped", "hire", "enlist", "outsourc"),
    "marketing_distribution": ("distribut", "promot", "marketing", "commerciali", "rights"),
    "equity_investment": ("equity", "stake", "interest in", "placement", "shares", "stock", "inject", "pour",
                          "offering", "allotment"),
    "venture_round": ("series", "seed", "round", "financing", "funding", "venture", "crossover", "growth", "extension",
                      "tranche", "investment"),
    "spin_off": ("spin", "spun", "demerg"),
    "grant": ("grant", "award", "subsid", "non-dilutive", "recoverable", "selected", "receiv", "to support", "to fund"),
    "ipo": ("public", "ipo"),
    "rd_collaboration": ("collaborat", "partnership", "alliance", "team", "research agreement", "cooperation",
                         "work with", "discovery agreement", "partnered with", "partners with", "forces",
                         "cooperative research", "crada"),
}
#: Words one of which every trigger contains: a cheap test before the patterns.
GUARD_WORDS = tuple(dict.fromkeys(word for words in TRIGGER_WORDS.values() for word in words))
_WORD_TYPES = {word: frozenset(t for t, words in TRIGGER_WORDS.items() if any(w in word for w in words))
               for word in GUARD_WORDS}


_ANY_WORD = re.compile(by_first_letter(sorted(GUARD_WORDS, key=len, reverse=True)))


def candidate_types(lower: str) -> set[str]:
    """The types whose trigger words a lower-cased sentence contains (one scan)."""
    return {t for word in set(_ANY_WORD.findall(lower)) for t in _WORD_TYPES[word]}
PRIORITY = ("acquisition", "merger", "joint_venture", "consortium", "spin_off", "ipo", "venture_round",
             "equity_investment", "grant", "contract_services", "marketing_distribution", "co_development",
             "license", "rd_collaboration")


def org_number(match: re.Match[str], group: str) -> int:
    """The cluster number of the masked organisation captured by ``group``."""
    return int(match.group(group).strip("@"))
