"""Dates in press releases: the dateline's date and explicit dates in the text.

A release is dated by its dateline ("MECHELEN, Belgium, 16 December 2015 --",
"BOSTON, Jan. 5, 2016 /PRNewswire/ --"); "today" in the text means that date.
"""

from __future__ import annotations

import re

__all__ = ["DATE_REGEX", "DATE_PATTERN", "find_dates", "parse_date_match"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    "janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
    "januari": 1, "februari": 2, "maart": 3, "mei": 5, "juni": 6, "juli": 7, "augustus": 8,
    "oktober": 10,
}
_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?\.?|July?\.?|Aug(?:ust|\.)?|"
    r"Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:19[5-9]\d|20\d\d)"
#: A full date in the forms press releases use (named groups d1/m1/y1, m2/d2/y2, iso, dmy).
DATE_REGEX = (
    rf"(?:(?P<d1>{_DAY})\s+(?P<m1>{_MONTH})\s*,?\s+(?P<y1>{_YEAR})"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>{_DAY}),?\s+(?P<y2>{_YEAR})"
    rf"|(?P<iso>{_YEAR}-[01]\d-[0-3]\d)"
    rf"|(?P<dmy>[0-3]?\d[/.][01]?\d[/.]{_YEAR}))"
)
DATE_PATTERN = re.compile(rf"\b{DATE_REGEX}\b")


def _month_number(text: str) -> int | None:
    key = text.lower().rstrip(".")
    return _MONTHS.get(key) or _MONTHS.get(key[:3])


def parse_date_match(match: re.Match[str]) -> str | None:
    """Return the ISO date of a :data:`DATE_PATTERN` match, or ``None`` if impossible.

    Examples
    --------
    >>> parse_date_match(DATE_PATTERN.search("BOSTON, Jan. 5, 2016 /PRNewswire/"))
    '2016-01-05'
    """
    groups = match.groupdict()
    if groups["iso"]:
        return groups["iso"]
    if groups["dmy"]:
        day, month, year = re.split(r"[/.]", groups["dmy"])
        return _iso(int(year), int(month), int(day))
    day, month, year = (groups["d1"], groups["m1"], groups["y1"]) if groups["d1"] else (
        groups["d2"], groups["m2"], groups["y2"])
    number = _month_number(month)
    return _iso(int(year), number, int(re.sub(r"\D", "", day))) if number else None


def _iso(year: int, month: int, day: int) -> str | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def find_dates(text: str) -> list[tuple[int, str]]:
    """Return ``(offset, ISO date)`` for every full date in ``text``.

    Examples
    --------
    >>> find_dates("LONDON, UK, 4th April 2019: Zentrix")
    [(12, '2019-04-04')]
    """
    found = []
    for match in DATE_PATTERN.finditer(text):
        iso = parse_date_match(match)
        if iso:
            found.append((match.start(), iso))
    return found
