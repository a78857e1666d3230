"""Past deals told as background: the sentence dates its event well before the release.

A release reports what happens today; deals it dates in the past ("In 2019
the company entered into a research collaboration with Servier", "where she
served as CFO from 2017 until the company's acquisition by AstraZeneca in
2021", "under the co-commercialization agreement entered into by the companies
in September 2020") are the history of its parties, counted from their own
releases (Hagedoorn 2002). A sentence is background when it carries a date
at least :data:`PAST_DAYS` before the release's and does not say "today";
dates that describe an organisation ("founded in 2012", "listed since 2018")
do not count.

References
----------
Hagedoorn, J. (2002). Inter-firm R&D partnerships: an overview of major trends
and patterns since 1960. *Research Policy* 31(4), 477-492.
"""

from __future__ import annotations

import re

from .dates import _MONTH, _month_number

__all__ = ["PAST_DAYS", "is_background", "is_recap", "written_year"]

#: How far before the release a dated event is history rather than news (about two months).
PAST_DAYS = 60
_PAST_DATE = re.compile(
    r"\b(?i:in|since|during|from|on|of|until|dated|as of)\s+(?:(?:early|late|mid)[- ]|(?:the )?(?:first|second|third|"
    r"fourth) (?:quarter|half) of |Q[1-4] |H[12] )?(?:(?:(?P<day1>[0-3]?\d)(?:st|nd|rd|th)?\s+)?(?P<month>"
    + _MONTH + r"),?\s+(?:[0-3]?\d(?:st|nd|rd|th)?,?\s+)?)?(?P<year>(?:19|20)\d\d)$"
)
_DESCRIBES = re.compile(r"\b(?:founded|established|incorporated|created|listed|headquartered|founding|inception|"
                        r"based|operating|employs|traded|trading)\b[^.;]{0,40}$", re.I)
#: "In July, the company signed ...": a month without a year is this year's (or last year's, when still to come).
_PAST_MONTH = re.compile(r"\b(?i:in|since|during|on|of)\s+(?:(?:early|late|mid)[- ])?(?:[0-3]?\d(?:st|nd|rd|th)?\s+)?"
                         r"(?P<month>" + _MONTH + r")(?!\w)(?!\.?,?\s*(?:[0-3]?\d(?:st|nd|rd|th)?,?\s*)?(?:19|20)\d\d)")
#: ", which led the company's seed round in 2021,": a relative clause dates a party, not the event.
_RELATIVE = re.compile(r",\s+(?:which|who)\s+[^,.;]{0,120},")
#: "agreed to buy Marrow Pharma last month", "a $90 million series B that closed two years ago": history, whatever
#: the release's date.
_RELATIVE_PAST = re.compile(r"\b(?:last (?:month|year|spring|summer|autumn|fall|winter|quarter|" + _MONTH + r")|"
                            r"(?:a|one|two|three|four|five|six|several|a few|\d+) (?:years?|months?) ago|"
                            r"earlier this year|(?:the )?previous year|"
                            r"in (?:early |late )?(?:last|the previous) year)\b", re.I)
_FUTURE = re.compile(r"\b(?:will|expect\w*|plan\w*|anticipat\w*|schedul\w*|intend\w*|should|would|may)\b")
_TODAY = re.compile(r"\b[Tt]oday\b")
#: A year, or a month's name: where to look for a date (one scan of the sentence).
_DATE_WORD = re.compile(r"\b(?:(?P<y>(?:19|20)\d\d)\b|(?:January|February|March|April|May|June|July|August|September|"
                        r"October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.))")

#: Every match of ``_DATE_WORD`` holds one of these: a quick scan (only at digits and capitals) before it.
_DATE_HINT = re.compile(r"19|20|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")


#: Titles of releases that recap a period: results, business updates, annual and interim reports.
_RECAP = re.compile(r"(?i)\b(?:(?:first|second|third|fourth)[- ]quarter|Q[1-4]|(?:half|full|fiscal)[- ]year|"
                    r"nine[- ]months?|six[- ]months?|annual|interim|half-yearly|quarterly)\b.{0,60}\b(?:results|report|"
                    r"update|highlights)\b|\b(?:financial results|business update|corporate update|business review|"
                    r"operational update|shareholder letter|letter to shareholders)\b")


def is_recap(title: str) -> bool:
    """Whether a release recaps a period (results, business update): its deals were news before, unless "today".

    Examples
    --------
    >>> is_recap("Orvalis reports third quarter 2024 financial results and business update")
    True
    >>> is_recap("Kerberos enters into license agreement with Boehringer Ingelheim")
    False
    """
    return bool(_RECAP.search(title))


def is_background(sentence: str, release_date: str | None) -> bool:
    """Whether ``sentence`` tells a past event: dated :data:`PAST_DAYS` or more before ``release_date``.

    Examples
    --------
    >>> is_background("In 2019 the company entered into a research collaboration with Servier.", "2025-02-12")
    True
    >>> is_background("Kerberos, founded in 2012, today signed a licence with Boehringer.", "2025-02-12")
    False
    >>> is_background("The deal is expected to close in the first quarter of 2025.", "2024-11-18")
    False
    >>> is_background("Kurma, which led the seed round in 2021, also participated.", "2024-09-12")
    False
    >>> is_background("In July, Halvane entered into a license agreement with Merck.", "2024-11-07")
    True
    """
    if "ago" in sentence or "last" in sentence or "earlier" in sentence or "previous" in sentence:
        if _RELATIVE_PAST.search(sentence) and not _TODAY.search(sentence):
            return True
    if not release_date:
        return False
    if "which" in sentence or "who" in sentence:
        sentence = _RELATIVE.sub("", sentence)
    dates = list(_DATE_WORD.finditer(sentence)) if _DATE_HINT.search(sentence) else []
    if not dates or "oday" in sentence and _TODAY.search(sentence):
        return False
    years = [d for d in dates if d.group("y")]
    months_said = [d for d in dates if not d.group("y")]
    year, month = int(release_date[:4]), int(release_date[5:7]) if len(release_date) >= 7 else 12
    if months_said and len(release_date) >= 7 and not _FUTURE.search(sentence):
        for word in months_said:
            match = _PAST_MONTH.search(sentence, max(0, word.start() - 30), word.end() + 30)
            said = _month_number(match.group("month")) if match else None
            if said and month - said > 0 and (month - said) * 30 >= PAST_DAYS:
                return True
    for found in years:
        match = _PAST_DATE.search(sentence, max(0, found.start() - 50), found.end())
        if match is None or _DESCRIBES.search(sentence, max(0, match.start() - 60), match.start()):
            continue
        if len(release_date) < 7:   # a year alone ("2021", from :func:`written_year`): only earlier years count
            months = 12 * (year - int(match.group("year")))
        else:
            months = (year - int(match.group("year"))) * 12 + month - (
                _month_number(match.group("month")) or 12 if match.group("month") else 12)
        if months * 30 >= PAST_DAYS:
            return True
    return False


#: A line of the page's frame, not the story: a copyright notice.
_FRAME = re.compile(r"©|\(c\)|[Cc]opyright|[Aa]ll rights reserved")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def written_year(texts: list[str]) -> str | None:
    """The latest year an undated release writes outside future plans and its page frame: its year, at least.

    An undated news story ("the companies said on Wednesday") still dates its history ("the acquisition of
    BlueRock in 2019"); the latest year it tells as past or present is a lower bound of its own date.

    Examples
    --------
    >>> written_year(["Bayer buys Asklepios.", "Its previous deals include BlueRock in 2019 and Vividion in 2021.",
    ...               "Sales are expected to start in 2026.", "Copyright 2024 Reuters."])
    '2021'
    """
    years = [int(y) for text in texts if ("19" in text or "20" in text) and not _FUTURE.search(text)
             and not _FRAME.search(text) for y in _YEAR.findall(text)]
    return str(max(years)) if years else None
