"""Shortcuts taken for speed give what the patterns they stand for give."""

import re

from bioregion.extract.triggers import BACKGROUND, EVENT, TRIGGERS, FoldedPattern, WordCues, folded

_SENTENCES = [
    "@0@ today announced it has entered into a license agreement with @1@.",
    "@0@ CONTINUES TO work with @1@ under its existing collaboration.",
    "@0@ previously announced a deal; @1@ Was Founded in 2001.",
    "Die @0@ und @1@ ÜBERNEHMEN — “Signed” the ſtake, İnked, ınked and K deals.",
    "The İstanbul office of @0@ has been partnered with @1@ for years.",
    "",
]


def test_event_and_background_cues_are_the_ignorecase_search():
    for pattern in (EVENT, BACKGROUND):
        assert isinstance(pattern, WordCues)
        assert all(isinstance(part, FoldedPattern) for part in (pattern._start, pattern._after))
        original = re.compile(pattern.pattern, pattern.flags)
        for text in _SENTENCES + ["Signed by @0@", "(signed) by @0@", "co-signed", "resigned", "@0@,announced"]:
            assert pattern.search(text) is bool(original.search(text)), text


def test_folded_patterns_searching_texts_in_turn_each_read_their_own_text():
    # the last folded text is kept: texts searched in turn, equal or not, must not read each other's fold
    license = TRIGGERS["license"]
    original = re.compile(license.pattern, license.flags)
    texts = _SENTENCES + [_SENTENCES[0][:-1] + "!", "".join(_SENTENCES[1])] + _SENTENCES[::-1]
    for text in texts + texts:
        expected, got = original.search(text), license.search(text)
        assert (expected and expected.span()) == (got and got.span()), text
        assert [m.span() for m in original.finditer(text)] == [m.span() for m in license.finditer(text)], text
        assert EVENT.search(text) is bool(re.search(EVENT.pattern, text, EVENT.flags)), text


def test_folded_keeps_patterns_it_cannot_lower():
    mixed = re.compile(r"\bseries [A-F]\b", re.I)
    assert folded(mixed) is mixed
    assert folded(mixed).search("a Series b round").group() == "Series b"


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


def test_every_list_slot_is_read():
    from bioregion.extract.mentions import _slots
    phrases = ["led by X", "co-led by X", "joined by X", "backed by X", "participation from X", "investors include X",
               "investor X", "partners are X", "partner X", "brings together X", "comprising X", "consists of X",
               "members are X", "member X", "funding from X", "a grant of EUR 2 million from X", "round from X",
               "acquisition of X", "to acquire X", "acquired X", "will buy X", "merger with X", "merge with X",
               "agreement with X", "collaboration with X", "partnership with X", "deal with X", "alliance with X",
               "pact with X", "stake in X", "investment in X", "invests in X", "invested in X", "licensed from X",
               "licenced from X", "contract to X", "task order to X", "award from X", "subsidy from X"]
    for phrase in phrases:
        for text in (phrase, "The " + phrase, "(" + phrase + ")"):
            assert [m.group("span").rstrip(")") for m in _slots(text)][-1:] == ["X"], text


def test_people_are_found_by_a_title_before_or_after_their_name():
    from bioregion.extract.mentions import _persons
    found = _persons(["CEO John Hood, Ph.D., told reporters.", "Pascal Soriot, the CEO of Hartwell, said so.",
                      "\"It works,\" said Jane Doe.", "Maria Rossi, chief scientific officer, added."])
    assert {"John Hood", "Hood", "Pascal Soriot", "Soriot", "Jane Doe", "Doe", "Maria Rossi", "Rossi"} <= found
    assert "Novartis Pharma" not in _persons(["\"We are pleased,\" said Novartis Pharma."])


def test_folded_triggers_hit_where_the_ignorecase_triggers_hit():
    from bioregion.extract.triggers import TRIGGERS, FoldedPattern

    texts = ["@0@ ACQUIRED @1@ for EUR 5 million to support a Series B; the JV and the CRO",
             "@0@ Licensed rights from @1@ under a Horizon Europe project, a NIH grant, an IPO",
             "@0@ and @1@ will Co-Develop and Co-Commercialise; Biologics License Application", "İnked ſtake K", ""]
    for rel_type, trigger in TRIGGERS.items():
        assert isinstance(trigger, FoldedPattern), rel_type
        original = re.compile(trigger.pattern, trigger.flags)
        for text in texts:
            assert [m.span() for m in trigger.finditer(text)] == [m.span() for m in original.finditer(text)], rel_type


def test_lower_case_names_read_back_from_their_suffixes_are_the_pattern_matches():
    from bioregion.extract.chunks import _LOWER_SUFFIXED, _lower_suffixed

    texts = ["argenx SE and uniQure N.V. signed; (bioMérieux SA) ab_cd AG, XYabc SE, x7Yabc AB, mAbxience Ltd",
             "@argenx SE, eTheRNA GmbH, a SE", "idorsia Ltd.", "Inc. plc", ""]
    for text in texts:
        assert [m.span() for m in _lower_suffixed(text)] == [m.span() for m in _LOWER_SUFFIXED.finditer(text)]


def test_every_lower_case_head_word_holds_a_cheap_hint():
    from bioregion.extract.chunks import _LOWER_HEADS

    assert all("bio" in word or "pharma" in word or "therap" in word for word in _LOWER_HEADS)


def test_slots_read_after_the_character_before_them_are_the_flat_patterns_matches():
    from bioregion.extract.mentions import _SLOT_OPENERS, _SLOT_SPAN, _slots

    flat = re.compile(r"\b(?:" + "|".join(_SLOT_OPENERS) + r")\s+(?=" + _SLOT_SPAN[len(r"(?=\s+"):])
    texts = ["The round was co-led by @0@ and misled by none; partners including @1@, @2@ agreed to acquire @3@.",
             "@0@ will buy @1@ after a deal with @2@ and funding of EUR 5 million from @3@; rebuy, abuy, members are",
             "investors, including @0@; its investment in @1@; invested in @2@; licensed from @3@; task order to @4@",
             "the project is coordinated by X", "led by partners including X", "led by  X (backed by Y) \nled by Z",
             "funding from\nAcme Ltd., and Zeta Co. and Beta Inc. agreed", "self-funded by X, co-led by Y", "led by",
             ""]
    for text in texts:
        expected = [m.span("span") for m in flat.finditer(text)]
        assert [m.span("span") for m in _slots(text)] == expected, text
        assert expected or text in ("led by", "")


def test_event_words_grouped_by_letter_match_as_the_flat_alternation():
    from bioregion.extract.triggers import _EVENT_WORDS, EVENT

    flat = re.compile(r"\b(?:" + "|".join(_EVENT_WORDS) + r")\b", re.I)
    texts = ["@0@ has co-led the round; @1@ co-leads, @2@ leads and will close; it was pricing today",
             "Unannounced, re-signed, forsaken; the newest partner with @0@ had led", "@0@ Acquired @1@", ""]
    for text in texts:
        assert EVENT.search(text) is bool(flat.search(text)), text
    for words in ("@0@ co-leads", "@0@ leads", "had led", "pricing today", "newest", "(newest)", "unannounced"):
        assert EVENT.search(words) is bool(flat.search(words)), words


def test_legal_suffixes_grouped_by_letter_match_as_the_flat_alternation():
    from bioregion.extract.names import _LEGAL_SUFFIXES, LEGAL_SUFFIX

    flat = re.compile(rf",?\s+(?:{'|'.join(_LEGAL_SUFFIXES)})(?!\w)")
    grouped = re.compile(rf",?\s+{LEGAL_SUFFIX}(?!\w)")
    texts = ["Acme Co., Ltd. and Zeta GmbH & Co. KG, Beta Company, Limited; Gamma S.A. de C.V. Delta S.A.S. Eps SA",
             "Kappa Pty Ltd, Lambda Inc. Incorporated, Mu AB (publ), Nu S.à.r.l., Xi L.L.C. Omicron N. V. Pi Co",
             "no suffix here", ""]
    for text in texts:
        assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_grant_and_background_cues_grouped_by_letter_match_as_the_flat_alternations():
    from bioregion.extract.triggers import _BACKGROUND_BRANCHES, _GRANT_BRANCHES, BACKGROUND, TRIGGERS

    at_boundary = re.compile(r"^(\w)\(\?<=\\b\1\)")
    flat_grant = re.compile("|".join(at_boundary.sub(r"\\b\1", b) for b in _GRANT_BRANCHES).replace(
        "{O}", r"@\d+@"), re.I)
    flat_background = re.compile(r"\b(?:" + "|".join(_BACKGROUND_BRANCHES) + r")\b", re.I)
    texts = ["@0@ received a EUR 2.5 million grant from @1@; €5m to support @2@; the NIH grant of USD 3m",
             "@0@ was awarded; granted @1@ up to EUR 4 million; selected by the @2@ (EIC) to receive; a subsidy",
             "@0@ continues to work under its existing collaboration with @1@, which it had in-licensed; unaffected",
             "Revenue, the company's long-standing partnership with @0@; termination of the agreement; is not affected",
             "A Grant, An award, The Five-Year Grant", ""]
    for text in texts:
        assert [m.span() for m in TRIGGERS["grant"].finditer(text)] == [m.span() for m in flat_grant.finditer(text)]
        for part in [text] + text.split("; "):
            assert BACKGROUND.search(part) is bool(flat_background.search(part)), part


def test_lowered_words_looked_up_are_the_words_collected():
    from bioregion.extract.mentions import _LOWER_WORD, LoweredWords

    text = ("The pipeline of first-in-class X-ray drugs. Galapagos and galapagos.x, e.g. partners; the ray "
            "and -ray, pipe café Class class-leading leading, ab abc_d n.v. biotech")
    collected = set(_LOWER_WORD.findall(text))
    words = {w.lower() for w in re.findall(r"[\w.\-]+", text)} | {"ray", "class", "leading", "in", "first", "x-ray"}
    for word in sorted(words):
        assert (word in LoweredWords(text)) == (word in collected), word
    lowered = LoweredWords(text)
    assert [w in lowered for w in ("ray", "pipeline", "class")] == [w in collected for w in ("ray", "pipeline", "class")]


def test_every_cue_hit_holds_one_of_its_cheap_words():
    from pathlib import Path

    from bioregion.extract.money import (_CONTINGENT_INSTRUMENT, _CONTINGENT_WORDS, _CUE_TABLE, _EXCLUDED,
                                         _EXCLUDED_WORDS, _PART, _PART_WORDS)

    phrases = ["an up-front payment of", "an up front fee", "license fee of", "signing fee", "option fee",
               "upon closing", "at closing", "upon signing", "in cash at", "initial payment", "deferred consideration",
               "subject to the achievement of", "upon approval", "earn-out", "earnout", "royalties", "R&D funding",
               "research support", "to fund research", "development costs", "funds the research", "will fund up to",
               "equity value of", "enterprise value", "total potential deal value of", "total amount", "valued at",
               "worth", "aggregate", "total consideration", "gross proceeds", "capitalized with", "total budget",
               "equity", "stake", "private placement", "shares of", "subscribed", "common stock", "newly issued",
               "a grant of", "EIC grant", "grants from", "awarded", "subsidy", "non-dilutive", "recoverable advances",
               "granted the company ", "option exercise fee", "contingent value rights worth ", "CVRs of ",
               "excluding", "excl.", "not including", "exclusive of", "in addition to", "on top of", "of which ",
               "including up to "]
    texts = phrases + [p.read_text(encoding="utf-8") for p in sorted(Path("tests/corpus/press").glob("*/*.txt"))]
    hits = 0
    for text in texts:
        for component, cue, words, _ in _CUE_TABLE:
            for hit in cue.finditer(text):
                hits += 1
                assert any(word in hit.group().lower() for word in words), (component, hit.group())
        for pattern, words in ((_EXCLUDED, _EXCLUDED_WORDS), (_CONTINGENT_INSTRUMENT, _CONTINGENT_WORDS),
                               (_PART, _PART_WORDS)):
            for hit in pattern.finditer(text):
                hits += 1
                assert any(word in hit.group().lower() for word in words), hit.group()
    assert hits > 500


def test_cheap_letter_tests_stand_for_their_patterns():
    from bioregion.extract.layout import _LEGAL
    from bioregion.extract.mentions import _PRODUCT_PHRASE

    product_words = re.fullmatch(r"\\s\(\?:(.*)\)\$", _PRODUCT_PHRASE.pattern).group(1).split("|")
    assert len(product_words) > 10 and all(word.endswith("s") for word in product_words)
    legend_openers = re.match(r"\(\?:([^()]*)\)", _LEGAL.pattern).group(1).split("|")
    assert legend_openers and all(word[0] in "TC" for word in legend_openers) and _LEGAL.flags & re.I
