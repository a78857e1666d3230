"""Shortcuts taken for speed give what the patterns they stand for give."""

import re

from bioregion.extract.triggers import BACKGROUND, EVENT, search_lowered

_SENTENCES = [
    "@0@ today announced it has entered into a license agreement with @1@.",
    "@0@ CONTINUES TO work with @1@ under its existing collaboration.",
    "@0@ previously announced a deal; @1@ Was Founded in 2001.",
    "Die @0@ und @1@ ÜBERNEHMEN — “Signed” the ſtake, İnked, ınked and K deals.",
    "The İstanbul office of @0@ has been partnered with @1@ for years.",
    "",
]


def test_search_lowered_is_the_ignorecase_search():
    for pattern in (EVENT, BACKGROUND):
        for text in _SENTENCES:
            expected, got = pattern.search(text), search_lowered(pattern, text)
            assert (expected and expected.span()) == (got and got.span()), text


def test_search_lowered_keeps_patterns_it_cannot_lower():
    mixed = re.compile(r"\bseries [A-F]\b", re.I)
    assert search_lowered(mixed, "a Series b round").group() == "Series b"


def test_trigger_word_scan_finds_what_the_flat_alternation_finds():
    from bioregion.extract.triggers import _ANY_WORD, GUARD_WORDS

    flat = re.compile("|".join(re.escape(w) for w in sorted(GUARD_WORDS, key=len, reverse=True)))
    text = ("@0@ agreed to merge with @1@ and sell its contract research agreement; a jv, a series a round, "
            "public-private consortium project, spin-out, co-development costs, licensed rights, granted awards.")
    assert _ANY_WORD.findall(text) == flat.findall(text) != []


def test_currency_marks_cover_the_currency_hint():
    from bioregion.extract.money import _HINT, _HINT_MARKS

    source = _HINT.pattern.replace("(?![a-z])", "").replace(r"\b", "")
    for token in re.findall(r"[A-Za-z]{2,}|[^\w\s()|?:!\[\]\\]", source):
        assert any(mark in token for mark in _HINT_MARKS), token


def test_folded_cues_hit_where_the_cues_hit():
    from bioregion.extract.money import _CUES
    from bioregion.extract.triggers import FoldedPattern, folded

    texts = ["an Upfront payment of", "MILESTONE and Royalty payments, valued at", "Equity stake; ſhares of",
             "K Contingent Value Rights", "the İnitial payment", ""]
    assert any(isinstance(cue, FoldedPattern) for _, cue in _CUES)
    for _, cue in _CUES:
        original = re.compile(cue.pattern, cue.flags)
        for text in texts:
            assert [m.span() for m in cue.finditer(text)] == [m.span() for m in original.finditer(text)]
            assert (cue.search(text) or re.match("", "x")).span() == (original.search(text) or re.match("", "x")).span()
    mixed = re.compile(r"R&D funding", re.I)
    assert folded(mixed) is mixed


def test_date_hint_covers_the_date_words():
    from bioregion.extract.background import _DATE_HINT, _DATE_WORD

    words = re.findall(r"[A-Z][a-z]+", _DATE_WORD.pattern) + ["1999", "2024"]
    assert all(_DATE_HINT.search(word) for word in words) and words


def test_every_date_form_has_a_year():
    from bioregion.extract.dates import _YEAR, DATE_REGEX

    forms = re.split(r"\|(?=\(\?P<)", DATE_REGEX[3:-1])
    assert len(forms) >= 4 and all(_YEAR in form for form in forms)
