"""Datelines and sentence segmentation for press releases.

Sentences are split at ``.``, ``!`` or ``?`` followed by a capital, except
after abbreviations (Inc., N.V., S.A., Co., Ltd., Corp., Dr., U.S., Jan., Mass.)
and initials; paragraph breaks always end a sentence. The dateline that opens
the body ("BOSTON, Jan. 5, 2016 /PRNewswire/ --") is cut off its first
sentence and gives the document's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from .dates import _YEAR, DATE_PATTERN, DATE_REGEX, parse_date_match

__all__ = ["Dateline", "Sentence", "find_dateline", "iter_sentences", "locate_dateline", "split_sentences"]

_ABBREVIATIONS = frozenset(
    """inc co corp ltd plc no nos dr mr mrs ms prof st sr jr vs etc al approx est dept univ
    jan feb mar apr jun jul aug sep sept oct nov dec mass calif conn fla ill md mich minn
    pa tex va wash ariz colo ga ind ky la mo nev okla ore tenn wis ave blvd fig e.g i.e u.s
    u.k n.v s.a b.v s.p.a s.r.l k.k a.s l.l.c l.p n.j n.y n.c d.c s.a.s ph.d m.d u.s.a pvt pte pty sdn""".split()
)
#: A legal suffix ends a sentence when a new one plainly starts after it ("... Co., Ltd. Noventra will pay").
_SUFFIX_END = re.compile(r"\b(?:Inc|Corp|Ltd|Co|N\.V|S\.A|B\.V|L\.L\.C|S\.p\.A|K\.K)\.$")
_NEXT_SENTENCE = re.compile(r"(?:The|This|These|Under|In|As|Following|According|Upon|Both|Each|It|Its)\s|"
                            r"[A-Z][\w'’&-]+(?: [A-Z][\w'’&-]+)? (?:will|has|have|is|are|was|were|said|says|also|"
                            r"today|shall|would|"
                            r"can|may|could|expects|intends|plans|announced|reported|received|agreed|believes)\b")
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"“'(\[]?[A-Z0-9])")
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")
_NEWLINE = re.compile("\n")
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*(?:[-*•]\s|#))")
#: A newswire tag after the date: "/PRNewswire/", "(GLOBE NEWSWIRE)", "/ GLOBE NEWSWIRE /", "/CNW/".
_WIRE = r"(?:\s*[/(]\s*[A-Z][A-Za-z .&\-]{1,40}?\s*[)/])?"
#: A time of day after the date: ", 07:30 CET", "7:00 a.m. ET".
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?\s?m\.?)?(?:\s*\(?[A-Z]{2,5}\)?)?)?"
_DATELINE = re.compile(
    r"[ \t]*(?:[*_]+)?(?P<place>[A-Z][^\n]{0,120}?)?[\s,;(–—-]*(?P<date>" + DATE_REGEX + r")" + _TIME
    + _WIRE + r"\s*(?:\)\s*)?(?:[*_]+\s*)?(?:--|[–—:;·|/]|-(?=\s)|\n|$)[ \t]*"
)
#: Every date has a year: a line without one has no dated dateline (a quick test before ``_DATELINE``, whose
#: place part is tried at every length up to 120 characters).
_A_YEAR = re.compile(_YEAR)
#: "SAN DIEGO--(BUSINESS WIRE)--" before the date, or instead of it.
_WIRE_PREFIX = re.compile(r"[A-Z][A-Za-z .,'&/\-]{1,80}?\s*--\s*\(\s*[A-Z][A-Za-z .&\-]{1,30}?\s*\)\s*--\s*")
#: An upper-case place without a date: "GHENT, Belgium -- ", "BOSTON and LONDON, UK – ".
_CITY = r"[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,3}(?:,\s*(?:the\s+)?[A-Z][\w.]*(?: [A-Z][\w.]*)?)*"
#: "HONG KONG, July 28 (Reuters) - ": a wire's place and a day without a year.
_PLACE_ONLY = re.compile(rf"{_CITY}(?:,?\s+(?:and|&)\s+{_CITY})*(?: [0-3]?\d)?\s*"
                         rf"(?:\((?:[A-Z][\w.&'’-]*\s?){{1,4}}\)\s*)?(?:--|[–—]|-\s)\s*")
#: Places and a weekday instead of a date: "Paris and London, Thursday – ".
_MIXED_CITY = r"[A-Z][\w.'’\-]+(?: [A-Z][\w.'’\-]+){0,3}"
_PLACE_WEEKDAY = re.compile(rf"{_MIXED_CITY}(?:(?:,\s*|,?\s+(?:and|&)\s+){_MIXED_CITY})*,\s*"
                            r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s*(?:--|[–—]|-\s)\s*")
#: The lead sentence after a dateline opens with a word, not a time or a "·"-separated list of labels.
_LEAD = re.compile(r"(?![^·|]{0,40}\s[·|]\s)[\"“‘(]?[^\W\d]")
#: A place is a few capitalised words: lower-case words other than these make a sentence, not a place.
_NOT_PLACE = re.compile(r"\b(?!(?:and|the|of|de|la|le|du|des|en|am|im|an|der|sur|upon|near|on|bei)\b)[a-z]{2,}\b|"
                        r"[.!?]\s+[A-Z][a-z]")


@dataclass(frozen=True)
class Sentence:
    """A sentence with its paragraph number and offset in the body text."""

    text: str
    paragraph: int
    start: int


def find_dateline(line: str) -> tuple[str | None, int]:
    """Return the ISO date of a dateline opening ``line`` and where the text after it begins.

    A dateline is a place, a date, an optional time and newswire tag, and a
    dash or colon; a wire prefix ("SAN DIEGO--(BUSINESS WIRE)--") or an
    upper-case place and a dash ("GHENT, Belgium -- ") are datelines without a
    date (``None`` and a positive offset). No dateline gives ``(None, 0)``.

    Examples
    --------
    >>> find_dateline("MECHELEN, Belgium, 16 December 2015 -- Galapagos NV today announced")
    ('2015-12-16', 39)
    >>> find_dateline("SAN DIEGO--(BUSINESS WIRE)--Feb. 14, 2017-- Pyxant")[0]
    '2017-02-14'
    >>> find_dateline("MECHELEN, Belgium, 12 February 2025, 07:30 CET / GLOBE NEWSWIRE / -- Kerberos")
    ('2025-02-12', 69)
    >>> find_dateline("GHENT, Belgium -- Orbelix NV today announced")
    (None, 18)
    >>> find_dateline("Paris and London, Thursday – Brightwater today announced")
    (None, 29)
    >>> find_dateline("HONG KONG, July 28 (Reuters) - China's Hengrui said")
    (None, 31)
    """
    prefix = _WIRE_PREFIX.match(line)
    offset = prefix.end() if prefix else 0
    match = _DATELINE.match(line, offset) if _A_YEAR.search(line, offset) else None
    place = match.group("place") if match else None
    if match and not (place and (len(place) > 120 or _NOT_PLACE.search(place))):
        date = parse_date_match(DATE_PATTERN.search(match.group("date")))
        return date, match.end()
    if prefix:
        return None, offset
    only = _PLACE_ONLY.match(line) or _PLACE_WEEKDAY.match(line)
    return (None, only.end()) if only else (None, 0)


@dataclass(frozen=True)
class Dateline:
    """Where the dateline of a release is: its date, and the span it takes in the text."""

    date: str | None
    start: int
    end: int


def locate_dateline(text: str, window: int = 2500) -> Dateline | None:
    """Find the dateline among the first lines of ``text`` (after titles, subtitles, bullets, kickers).

    The first line that opens with a dateline and goes on with the lead
    sentence wins; else the first dateline standing alone on its line
    ("Brussels, Belgium – 2 December 2024"); else ``None``.

    Examples
    --------
    >>> text = "- Acme to receive $5 million\\n\\nBOSTON, Jan. 5, 2016 /PRNewswire/ -- Acme Inc. today announced"
    >>> found = locate_dateline(text)
    >>> found.date, text[found.end:]
    ('2016-01-05', 'Acme Inc. today announced')
    """
    alone = None
    position = 0
    for line in text[:window].split("\n"):
        start, position = position, position + len(line) + 1
        stripped = len(line) - len(line.lstrip(" \t*_#>"))
        date, offset = find_dateline(line[stripped:])
        if offset == 0 and date is None:
            continue
        rest = line[stripped + offset:].strip(" *_")
        if len(rest) >= 20 and _LEAD.match(rest):
            return Dateline(date or (alone.date if alone else None), start, start + stripped + offset)
        if date and alone is None:
            alone = Dateline(date, start, start + len(line))
    return alone


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences, keeping paragraph numbers.

    Examples
    --------
    >>> [s.text for s in split_sentences("Merck & Co., Inc. and Ablynx N.V. signed. Dr. Smith said so.")]
    ['Merck & Co., Inc. and Ablynx N.V. signed.', 'Dr. Smith said so.']
    """
    return list(iter_sentences(text))


def iter_sentences(text: str) -> Iterator[Sentence]:
    """The sentences of :func:`split_sentences`, one paragraph at a time (for a reader that stops early)."""
    position = 0
    for number, block in enumerate(_PARAGRAPH.split(text)):
        start = text.find(block, position)
        position = max(position, start)
        flat = _join_lines(block)
        for piece_start, piece in _split_block(flat):
            yield Sentence(piece, number, start + piece_start)


def _join_lines(block: str) -> str:
    """Join wrapped lines with spaces; keep a break after a short unpunctuated line (a heading)."""
    stripped = block.strip()
    if "\n" not in stripped:   # most paragraphs are one line: spaces squeezed is all there is to do
        return " ".join(stripped.split())
    lines = [" ".join(line.split()) for line in stripped.split("\n")]
    lines = [line for line in lines if line]
    width = max((len(line) for line in lines), default=0)
    out = []
    for line, following in zip(lines, lines[1:] + [""]):
        heading = following[:1].isupper() and not line.endswith((".", "!", "?", ",", ";", ":")) and (
            len(line) < 0.6 * width)
        out.append(line + ("\n" if heading else " "))
    return "".join(out).strip()


def _split_block(block: str) -> list[tuple[int, str]]:
    """The sentences of a paragraph: each line (a heading keeps its line break) split at sentence ends."""
    pieces: list[tuple[int, str]] = []
    begin = 0
    for line_end in _NEWLINE.finditer(block):
        pieces.extend(_split_line(block, begin, line_end.start()))
        begin = line_end.end()
    return pieces + _split_line(block, begin, len(block))


def _split_line(block: str, begin: int, end: int) -> list[tuple[int, str]]:
    pieces = []
    for match in _BOUNDARY.finditer(block, begin, end):
        stop = match.start() + 1   # the last word before the boundary: a line holds single spaces (_join_lines)
        if _is_abbreviation(block[max(begin, block.rfind(" ", begin, stop) + 1):stop]) and not (
                _SUFFIX_END.search(block, begin, match.start() + 1) and _NEXT_SENTENCE.match(block, match.end())):
            continue
        pieces.append((begin, block[begin:match.end()].strip()))
        begin = match.end()
    if block[begin:end].strip():
        pieces.append((begin, block[begin:end].strip()))
    return pieces


def _is_abbreviation(chunk: str) -> bool:
    if not chunk.endswith("."):
        return False
    words = chunk.rsplit(None, 1)
    word = words[-1].lstrip("(\"'“").rstrip(".").lower() if words else ""
    if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return True
    return bool(_INITIALS.fullmatch(word))
