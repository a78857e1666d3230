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

from .dates import DATE_PATTERN, DATE_REGEX, parse_date_match

__all__ = ["Sentence", "split_sentences", "find_dateline"]

_ABBREVIATIONS = frozenset(
    """inc co corp ltd plc no nos dr mr mrs ms prof st sr jr vs etc al approx est dept univ
    jan feb mar apr jun jul aug sep sept oct nov dec mass calif conn fla ill md mich minn
    pa tex va wash ariz colo ga ind ky la mo nev okla ore tenn wis ave blvd fig e.g i.e u.s
    u.k n.v s.a b.v s.p.a s.r.l k.k a.s l.l.c l.p n.j n.y n.c d.c s.a.s ph.d m.d u.s.a""".split()
)
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"“'(\[]?[A-Z0-9])")
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")
_NEWLINE = re.compile("\n")
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*(?:[-*•]\s|#))")
_WIRE = r"(?:\s*[/(]\s*(?:PR ?Newswire|GLOBE ?NEWSWIRE|BUSINESS ?WIRE|Business Wire|Globe Newswire|" \
        r"ACCESSWIRE|Marketwired|EQS[- ]\w+|PRWeb|CNW)\s*[)/])?"
_DATELINE = re.compile(
    r"\s*(?:[*_]+)?(?P<place>[A-Z][^\n]{0,120}?)?[\s,(–—-]*(?P<date>" + DATE_REGEX + r")"
    + _WIRE + r"\s*(?:\)\s*)?(?:[*_]+\s*)?(?:--|[–—:]|-(?=\s)|\n)\s*"
)
_WIRE_PREFIX = re.compile(r"^[A-Z][A-Z .,'&/-]{1,60}--\((?:BUSINESS WIRE|Business Wire|GLOBE NEWSWIRE)\)--")


@dataclass(frozen=True)
class Sentence:
    """A sentence with its paragraph number and offset in the body text."""

    text: str
    paragraph: int
    start: int


def find_dateline(paragraph: str) -> tuple[str | None, int]:
    """Return the ISO date of a dateline opening ``paragraph`` and where the text begins.

    Examples
    --------
    >>> find_dateline("MECHELEN, Belgium, 16 December 2015 -- Galapagos NV today announced")
    ('2015-12-16', 39)
    >>> find_dateline("SAN DIEGO--(BUSINESS WIRE)--Feb. 14, 2017-- Pyxant")[0]
    '2017-02-14'
    """
    text = paragraph
    prefix = _WIRE_PREFIX.match(text)
    offset = prefix.end() if prefix else 0
    match = _DATELINE.match(text, offset)
    if not match or (match.group("place") and len(match.group("place")) > 120):
        return None, 0
    date = parse_date_match(DATE_PATTERN.search(match.group("date")))
    return date, match.end()


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences, keeping paragraph numbers.

    Examples
    --------
    >>> [s.text for s in split_sentences("Merck & Co., Inc. and Ablynx N.V. signed. Dr. Smith said so.")]
    ['Merck & Co., Inc. and Ablynx N.V. signed.', 'Dr. Smith said so.']
    """
    sentences: list[Sentence] = []
    position = 0
    for number, block in enumerate(_PARAGRAPH.split(text)):
        start = text.find(block, position)
        position = max(position, start)
        flat = _join_lines(block)
        for piece_start, piece in _split_block(flat):
            sentences.append(Sentence(piece, number, start + piece_start))
    return sentences


def _join_lines(block: str) -> str:
    """Join wrapped lines with spaces; keep a break after a short unpunctuated line (a heading)."""
    lines = [" ".join(line.split()) for line in block.strip().split("\n")]
    lines = [line for line in lines if line]
    width = max((len(line) for line in lines), default=0)
    out = []
    for line, following in zip(lines, lines[1:] + [""]):
        heading = following[:1].isupper() and not line.endswith((".", "!", "?", ",", ";", ":")) and (
            len(line) < 0.6 * width)
        out.append(line + ("\n" if heading else " "))
    return "".join(out).strip()


def _split_block(block: str) -> list[tuple[int, str]]:
    pieces, begin = [], 0
    for line_end in _NEWLINE.finditer(block):
        pieces.append((begin, block[begin:line_end.start()].strip()))
        begin = line_end.end()
    for match in _BOUNDARY.finditer(block):
        if _is_abbreviation(block[begin:match.start() + 1]):
            continue
        pieces.append((begin, block[begin:match.end()].strip()))
        begin = match.end()
    if block[begin:].strip():
        pieces.append((begin, block[begin:].strip()))
    return pieces


def _is_abbreviation(chunk: str) -> bool:
    if not chunk.endswith("."):
        return False
    words = chunk.rsplit(None, 1)
    word = words[-1].lstrip("(\"'“").rstrip(".").lower() if words else ""
    if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return True
    return bool(_INITIALS.fullmatch(word))
