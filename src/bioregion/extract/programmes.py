"""Recipients of a funding programme named in sentences of their own.

A funder's announcement of a round of awards names the funder in its lead
("The Wellcome Trust has made the first awards under its Seeding Drug
Discovery initiative") and each recipient in a later sentence that does not
name the funder again ("Prolysis, an Oxford-based biotech company, has been
awarded £3.48 million"; "Recipients include X, which ..."; "The second grant
to X, of $27.5 million, ..."). Each such recipient has a grant from the
funder that last announced funding before it. As in literature-based
alliance counting (Hagedoorn 2002), each award is a relation of its own
between the funder and its recipient, told wherever the text tells it.

References
----------
Hagedoorn, J. (2002). Inter-firm R&D partnerships: an overview of major trends
and patterns since 1960. *Research Policy* 31(4), 477-492.
"""

from __future__ import annotations

import re
from typing import Callable

from .relations import without_appositions
from .triggers import ORG, Finding

__all__ = ["programme_recipients"]

# The patterns are written in lower case and read the lower-cased sentence: a case-blind pattern of
# alternatives costs tens of microseconds a sentence.
#: A sentence that announces funding: the funder is a party of the programme, not of one award.
_ANNOUNCES = re.compile(r"\b(?:grants?|awards?|awarded|awarding|fund(?:s|ed|ing)?|commitment|commits|committed)\b")
_AMOUNT = r"(?:[$€£¥]|\b(?:us\$|usd|eur|gbp|chf)\s?)\s?[\d.,]+(?:\s?(?:million|billion|mn|m|bn|k)\b)?"
#: "The funds will be awarded through the @1@": the programme that awards them.
_THROUGH = re.compile(r"\bthrough (?:the |its )?@(\d+)@")
#: How a sentence of its own says a party is a recipient.
_RECIPIENT = (
    # "Recipients include @2@, which ...; @3@, which ...; and @4@"
    # "The grant recipient organizations include @1@, the @2@ and @3@"
    re.compile(r"\b(?:recipients|awardees|grantees|winners|(?:recipient|awardee|grantee) (?:organi[sz]ations|"
               r"institutions|companies|teams))(?: of [^@]{0,40})? (?:include|includes|included|are|were)\b"
               r"(?P<list>.*)"),
    # "@2@ was the first recipient of funding", "@1@ is one of the first recipients to receive funding"
    re.compile(r"(?P<one>@\d+@)(?:\s*\([^()]*\))?(?:,[^@]{0,80}?,)? (?:was|is|has been|will be|becomes|became) "
               r"(?:also )?(?:the |a |an |one of the )?(?:\w+ ){0,2}(?:recipients?|awardees?|grantees?)\b"),
    # "@2@, an Oxford-based biotech company, has been awarded £3.48 million", "... has been funded by £2.8 million"
    re.compile(r"(?P<one>@\d+@)(?:\s*\([^()]*\))?(?:,[^@]{0,80}?,)? (?:has |have |had )?(?:also )?"
               r"(?:been |was |were |will be )(?:also )?(?:awarded|granted|funded)\b(?! by @)"),
    # "@3@, a spin-out from the university, also received a grant", "@3@ will receive $1 million"
    re.compile(r"(?P<one>@\d+@)(?:\s*\([^()]*\))?(?:,[^@]{0,80}?,)? (?:also |will also |has also )?"
               r"(?:received|receives|will receive|has received|won|wins|has won|secured|obtained) "
               r"(?:a |an |the )?(?:[\w.,-]+ ){0,4}?(?:grant|award|" + _AMOUNT + r")"),
    # "The grants will fund research at the @3@, @4@ and the @2@"
    re.compile(r"\b(?:grants|awards|funds|funding) will (?:fund|support|finance) (?:[\w-]+ ){0,3}?(?:at|by|in) "
               r"(?:the )?(?P<list>@\d+@(?:(?:,|,? and) (?:[\w-]+ ){0,4}?@\d+@)*)"),
    # "The second grant to @1@, of $27.5 million", "an award of $4 million to @4@", "The contracts, to @1@, @2@ and @3@"
    re.compile(r"\b(?:grant|award|funding|contract)s?,? (?:of " + _AMOUNT + r" )?(?:goes |went |will go )?to "
               r"(?P<list>@\d+@(?:(?:,|,? and) (?:[\w-]+ ){0,4}?@\d+@)*)"),
)
#: "Recipients include @2@, a spin-out from @5@": an organisation a recipient's description names is none.
_OWNED = re.compile(r"\b(?:of|from|by|with|at|in|for)\s+(?:the\s+)?$")
#: Words one of which every recipient pattern holds: a cheap test of the lower-cased sentence before them (a
#: case-blind pattern of alternatives would cost more than all of them).
_CUE_WORDS = ("recipient", "awardee", "grantee", "winner", "award", "grant", "fund", "receiv", "won", "wins", "secured",
              "obtained", "contract")
#: A programme of contracts, not grants: the funder is the client of each recipient, a provider.
_CONTRACT = re.compile(r"\bcontracts?\b")
_GRANT = re.compile(r"\bgrants?\b")


def programme_recipients(masked: list[str], funders: set[int], lead: int,
                         is_history: Callable[[int], bool]) -> list[tuple[int, Finding]]:
    """Awards to the recipients a funder's announcement names in sentences without the funder.

    Parameters
    ----------
    masked : list of str
        The document's sentences with organisations masked as ``@k@``.
    funders : set of int
        The clusters that are public or charitable funders.
    lead : int
        The index of the lead sentence; the funder must announce funding in
        the title or the first two sentences from the lead.
    is_history : callable
        Whether a sentence tells past events (no new relation).

    Returns
    -------
    list of (int, Finding)
        Sentence index and relation for each recipient: a grant (funder, recipient), or a service
        contract (client, provider) when the programme awards contracts.
    """
    if not funders:
        return []
    marks = [f"@{funder}@" for funder in funders]
    announced = {index: funder for index, funder in enumerate(
        _announcer(s, funders) if any(mark in s for mark in marks) else None for s in masked[:lead + 2])
        if funder is not None}
    found: list[tuple[int, Finding]] = []
    for index in range(min(announced, default=len(masked)) + 1, len(masked)):
        sentence = masked[index]
        if "@" not in sentence:
            continue
        lower = sentence.lower()
        if not any(word in lower for word in _CUE_WORDS):
            continue
        plain = without_appositions(sentence)
        named = {int(k) for k in ORG.findall(plain)}
        if named & funders:
            continue
        recipients = _recipients(lower, plain.lower())
        if not recipients or named - set(recipients) or is_history(index):
            continue   # "X will receive $5 million from Y": money from a partner, not the programme's
        at = max(i for i in announced if i < index)
        funder = announced[at]
        contract = not _GRANT.search(lower) and bool(_CONTRACT.search(lower) or _CONTRACT.search(masked[at].lower()))
        rel_type, (giver, receiver) = ("contract_services", ("client", "provider")) if contract else (
            "grant", ("funder", "recipient"))
        for recipient in recipients:
            found.append((index, Finding(rel_type, {funder: giver, recipient: receiver}, strength=0.65)))
    return found


def _announcer(sentence: str, funders: set[int]) -> int | None:
    """The funder a sentence has announce funding: its first organisation, or the one funds go "through"."""
    if not _ANNOUNCES.search(sentence.lower()):
        return None
    through = _THROUGH.search(sentence)
    first = ORG.search(without_appositions(sentence)) if through is None else through
    key = int(first.group(1)) if first else None
    return key if key in funders else None


def _recipients(sentence: str, plain: str) -> list[int]:
    """The parties a lower-cased sentence (``plain``: without its appositions) names as recipients of an award."""
    out: list[int] = []
    for pattern in _RECIPIENT:
        listing = "list" in pattern.groupindex
        for match in pattern.finditer(sentence if listing else plain):
            if listing:
                listed = match.group("list")
                keys = [int(k.group(1)) for k in ORG.finditer(listed) if not _OWNED.search(listed, 0, k.start())]
            else:
                keys = [int(match.group("one").strip("@"))]
            out.extend(k for k in keys if k not in out)
    return out
