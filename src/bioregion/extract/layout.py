"""The parts of a press release: preamble, dateline, news and boilerplate.

Releases on the wires and on company sites share one layout. Kickers
("FOR IMMEDIATE RELEASE", "RNS Number : 4417K", "Regulated information"),
subtitles and summary bullets come before the dateline; the dateline
(:func:`~.sentences.locate_dateline`) opens the lead sentence; the news ends
where the boilerplate starts: "About ..." paragraphs, forward-looking
statements, contacts, disclaimers, "Additional Information and Where to Find
It". :func:`read_layout` keeps the preamble (subtitles state the deal too)
without its kickers, and cuts everything from the first boilerplate heading on,
structurally, whatever the paragraphs there say. Quoted speech ("“We are
delighted ...,” said ...") is an opinion, not a report of the deal, and is
replaced by an ellipsis; short quotes that define a name (``("Oculex")``)
stay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .sentences import find_dateline, iter_sentences, locate_dateline, split_sentences

__all__ = ["Layout", "is_boilerplate_heading", "read_layout", "strip_speech"]

#: Kicker lines of the preamble: wire and regulatory labels, not news.
_KICKER = re.compile(
    r"(?i)\b(?:for immediate release|press releases?|news releases?|media releases?|regulated information|inside "
    r"information|rns number|embargo(?:ed)?|not for (?:release|publication|distribution))\b"
)
_LOWER = re.compile(r"[a-z]")
#: The exchange's legend atop a listed company's announcement ("Hong Kong Exchanges and Clearing Limited and The
#: Stock Exchange of Hong Kong Limited take no responsibility for the contents of this announcement"): no news.
_LEGEND = re.compile(r"(?:^|\n\n)[^\n]*?\btakes? no responsibility for the contents of this (?:announcement|document|"
                     r"notice)[^\n]*?(?:\.(?=\s)|(?=\n|$))")
#: A journalist's byline ("By Eleanor Pryce, University News Office", "By Nate Oyelaran · March 11, 2025"): no news,
#: and its office is not the company the story is about.
_BYLINE = re.compile(r"(?m)^By [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}(?:(?:,| ·| \|| -| –)[^\n]{0,80})?$")
#: A link to another story inside a news page ("RELATED: Genentech forms $1B discovery collaboration with Lodo",
#: "Read more: ..."): its headline is that story's news, not this one's.
_LINK_LABELS = ("RELATED", "Related", "READ MORE", "Read more", "Read More", "SEE ALSO", "See also", "ALSO READ",
                "Also read", "Also Read")
_RELATED_LINK = re.compile(r"(?m)^[ \t]*(?:" + "|".join(_LINK_LABELS) + r"):[^\n]*$")
#: A listed company's sign-off ("By order of the Board", "On behalf of the Board") ends the announcement.
_SIGN_OFF = re.compile(r"(?:By order|On behalf) of the [Bb]oard\b")
#: Headings that open the boilerplate. "About the Agreement" (and the like) still reports the news.
_SECTION = re.compile(
    r"(?:About|ABOUT)\s+(?!(?:the|The|THE)\s+(?:[\w-]+\s+){0,2}(?:Agreements?|Collaboration|Transactions?|Deal|"
    r"Acquisition|Merger|Financing|Offering|Partnership|Licen[cs]e|Consortium|Project|Joint Venture|Grant|Award|Round|"
    r"Tender Offer|Terms|Alliance|Spin-[Oo]ff|Investment)\b)\S"
    r"|(?:Forward|FORWARD)[- ]?(?:[Ll]ooking|LOOKING)|Cautionary|CAUTIONARY|Safe [Hh]arbou?r|SAFE HARBOU?R|Disclaimers?|"
    r"DISCLAIMER|Legal [Nn]otice|Important (?:Additional )?Information|Additional Information|No Offer or Solicitation|"
    r"Participants in the Solicitation|"
    r"(?:(?:Media|Investors?|Press|Company|Corporate)(?: (?:and|&) (?:Media|Investors?))?\s+)?"
    r"(?:Contacts?|CONTACTS?|Enquiries|ENQUIRIES|Inquiries|Relations)\b|For (?:further|more) information|"
    r"Notes? (?:to|for) [Ee]ditors|(?:By order|On behalf) of the [Bb]oard\b|SOURCE\b|Source:|#{3}|# # #|-#{3}-|END$"
)
#: A sentence that says the release contains forward-looking statements opens the legal boilerplate.
_LEGAL = re.compile(
    r"(?:This|The|Certain statements in this)\s+(?:press\s+|news\s+)?(?:release|announcement|communication|document)"
    r"\b[^.]{0,60}?\b(?:contains?|may contain|includes?|may include)\b[^.]{0,40}?\bforward[- ]looking", re.I
)
_SPEECH = re.compile(r"“[^“”]*”|«[^«»]*»|\"[^\"\n]*(?:\n(?![ \t]*\n)[^\"\n]*)*\"")
_SPEECH_WORDS = 6
#: "X today announced that “it has entered into an agreement with Y ...”": a story quoting the announcement itself
#: reports the news; the quote stays.
_QUOTED_ANNOUNCEMENT = re.compile(r"\b(?:announced|announces|stated|states|disclosed|discloses|reported|reports|"
                                  r"confirmed|confirms|informed|informs) that,?\s*$")


@dataclass(frozen=True)
class Layout:
    """The news sentences of a release (preamble first), the index of its lead sentence and its date."""

    date: str | None
    sentences: list[str]
    lead: int


def is_boilerplate_heading(sentence: str) -> bool:
    """Whether ``sentence`` opens the boilerplate: a section heading or the forward-looking legend.

    Examples
    --------
    >>> [is_boilerplate_heading(s) for s in ("About Kerberos Therapeutics", "About the Transaction",
    ...  "Forward-looking statements: this release contains...", "About 40 patients were dosed.")]
    [True, False, True, False]
    """
    text = sentence.lstrip("#*_ \t")
    if text[:1] in ("T", "t", "C", "c") and _LEGAL.match(text):   # a cheap test of the case-blind pattern's start
        return True
    if not _SECTION.match(text):
        return False
    if text[:5].lower() == "about":
        return len(text) <= 90 and not text.rstrip().endswith((".", "!", "?", ","))
    return True


def strip_speech(text: str) -> str:
    """Replace quoted speech of six words or more by an ellipsis in quotes.

    A quote of the announcement itself ("announced that “it has acquired ...”") is the news and stays.

    Examples
    --------
    >>> strip_speech('“We are delighted to partner with Acme on this,” said Dr. Smith of Zeta Bio ("Zeta").')
    '“…” said Dr. Smith of Zeta Bio ("Zeta").'
    >>> strip_speech('Zeta announced that "it has entered into an agreement with Acme Ltd."')
    'Zeta announced that "it has entered into an agreement with Acme Ltd."'
    """
    if '"' not in text and "“" not in text and "«" not in text:
        return text
    return _SPEECH.sub(lambda m: _speech_or_ellipsis(text, m), text)


def _speech_or_ellipsis(text: str, match: re.Match[str]) -> str:
    quote, start = match.group(), match.start()
    if len(quote.split()) < _SPEECH_WORDS or (text.find("that", max(0, start - 8), start) >= 0
                                              and _QUOTED_ANNOUNCEMENT.search(text, max(0, start - 30), start)):
        return quote
    return quote[0] + "…" + quote[-1]


def read_layout(body: str) -> Layout:
    """Date a release from its dateline and return its news sentences, boilerplate cut off.

    Parameters
    ----------
    body : str
        The release text without its title.

    Returns
    -------
    Layout
        ``lead`` is the index of the first sentence after the dateline (0 without one).
    """
    if "responsibility" in body:
        body = _LEGEND.sub("", body)
    if "By " in body:
        body = _BYLINE.sub("", body, count=1)
    body = _without_links(body)
    sign_off = _SIGN_OFF.search(body) if "of the" in body else None
    signed = _signed_date(body[sign_off.end():]) if sign_off else None
    body = body[:sign_off.start()] if sign_off else body
    dateline = locate_dateline(body)
    if dateline is None:
        preamble, news, date = "", body, signed
    else:
        preamble, news, date = _drop_kickers(body[:dateline.start]), body[dateline.end:], dateline.date
    before = [s.text for s in split_sentences(strip_speech(preamble)) if not is_boilerplate_heading(s.text)]
    return Layout(date, before + _news_sentences(strip_speech(news)), len(before))


def _without_links(body: str) -> str:
    """``body`` without its links to other stories (:data:`_RELATED_LINK`); a scan of its colons first."""
    colon = body.find(":")
    while colon >= 0:
        if body.endswith(_LINK_LABELS, 0, colon):
            return _RELATED_LINK.sub("", body)
        colon = body.find(":", colon + 1)
    return body


def _signed_date(tail: str) -> str | None:
    """The date under a listed company's sign-off ("By order of the Board ... Suzhou, the PRC, 15 July 2024")."""
    for line in tail.split("\n"):
        date, offset = find_dateline(line.strip())
        if date and offset >= len(line.strip()) - 1:
            return date
    return None


def _drop_kickers(preamble: str) -> str:
    lines = [line for line in preamble.split("\n")
             if not line.strip() or (_LOWER.search(line) and not _KICKER.search(line))]
    return "\n".join(lines)


def _news_sentences(text: str) -> list[str]:
    """The sentences of ``text`` up to the first boilerplate heading after the news has begun.

    A heading met before the first full sentence (a company block's "Contact: ..." line in a
    Japanese notice, a cookie banner's "Legal notice") is dropped, not taken for the end.
    """
    out, begun = [], False
    for sentence in iter_sentences(text):
        if is_boilerplate_heading(sentence.text):
            if begun:
                break
            continue
        out.append(sentence.text)
        begun = begun or _is_full_sentence(sentence.text)
    return out


def _is_full_sentence(text: str) -> bool:
    """A sentence of the news, not a label: at least ten words ending with a full stop."""
    return text.endswith((".", ".”", ".\"")) and text.count(" ") >= 9
