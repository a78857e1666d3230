"""Capitalised name chunks of a sentence, and what their form says about them.

A chunk is a run of capitalised words joined by spaces, "&" or a lowercase
connector ("University of Liège", "Merck & Co., Inc."), with its legal
suffixes and a place in brackets before them ("Tianyuan Parvus Biotherapeutics
(Suzhou) Co., Ltd."); possessives ("Wallonia's W.IN.G") and job titles ("Chief Executive
Officer of Kerntide") are split off. A chunk *qualifies* as an organisation by
its form alone when it carries a legal suffix, ends in an organisation word
("Aquilon Therapeutics") or reads as an institution ("Institute of ...");
:mod:`.mentions` decides the other chunks from their context.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Container

from .fastre import branches_by_first_char
from .names import LEGAL_SUFFIX
from .places import COUNTRY

__all__ = ["COMMON", "HEADS", "INSTITUTION", "RIC", "STOP_LEAD", "SUFFIXED", "find_chunks", "has_legal_suffix",
           "is_name_like", "name_form", "named_after_fields", "qualifies_by_form"]

_CONNECT = (r"(?:\s*&\s*|\s+(?:of|for|de|du|des|la|le|für|van|von|der|den|et|di|del|degli|della|dei|delle|do|da)\s+"
            r"(?:the\s+)?|"
            r"(?<=Université)\s+(?:catholique|libre)\s+(?:de\s+)?|[ \t]+)")
#: A word of a name: no legal suffix (tried at every word, so written by first letter: :mod:`.fastre`), no scale.
_SUFFIX_WORD = branches_by_first_char(
    r"Inc|Corp|Co|CO|Ltd|Limited|LLC|LP|plc|PLC|Plc|NV|N\.\s?V|BV|B\.\s?V|SAS|SA|S\.[AprL]|AG|SE|GmbH|A/S|ASA|AB|Oyj|Oy|SpA|"
    r"Srl|SRL|K\.K|BVBA|CVBA|SARL|Company|Incorporated|Corporation|Pty|Pte|Pvt|Sdn|INC|LTD|CORP|LIMITED|KG".split("|"))
_WORD = (rf"(?!(?:{_SUFFIX_WORD})"
    r"(?![\w/\-]))(?!(?:Million|Billion|Trillion|Thousand)\b)(?:[A-Z]\.(?:[A-Z]\.){0,2}(?=\s[A-Z])(?<!U\.S\.)(?<!U\.K\.)|Dr\.(?=\s[A-Z])|[A-Z][\w'’+\-]*(?:\.[A-Z][\w'’]*)*|\d+[A-Za-z][\w\-]*)")
_CHUNK = re.compile(
    rf"(?=[A-Z0-9])(?<![\w@]){_WORD}(?:{_CONNECT}{_WORD})*(?:\s*&\s*Co\.?(?![\w-])|\s+and\s+Company)?"
    rf"(?:\s+\([A-Z][a-z]+\)(?=,?\s+{LEGAL_SUFFIX}))?(?:,?\s+{LEGAL_SUFFIX}(?![\w]))*"
)
#: A name written in lower case ("argenx SE", "uniQure N.V."): only with a legal suffix.
_LOWER_SUFFIX = r"(?:SE|NV|N\.V\.|AG|SA|S\.A\.|Inc\.|Ltd|plc|GmbH|AB|BV|B\.V\.|A/S)(?![\w])"
_LOWER_SUFFIXED = re.compile(rf"(?<![\w@])[a-z][a-z0-9]*[A-Z]?[a-z0-9]* {_LOWER_SUFFIX}")
#: An acronym and a lower-case organisation word ("SK biopharmaceuticals", "GC biopharma"): one name.
_LOWER_HEADS = ("biopharmaceuticals", "biopharma", "bioscience", "biosciences", "biologics", "pharmaceuticals", "pharma",
                "therapeutics", "biotech")
_ACRONYM_LOWER_HEAD = re.compile(rf"(?<![\w@])[A-Z]{{2,4}} (?:{'|'.join(_LOWER_HEADS)})(?![\w-])")
#: Such a word right after a capital: a fast test (it opens on the word's letter) before the pattern.
_LOWER_HEAD_AFTER_CAPITAL = re.compile(branches_by_first_char([rf"{w[0]}(?<=[A-Z] {w[0]}){w[1:]}" for w in _LOWER_HEADS]))
#: The suffix alone opens on its letters, so the regex engine jumps to them; the name is read back from it.
_LOWER_SUFFIX_AT = re.compile(_LOWER_SUFFIX)
SUFFIXED = re.compile(rf"(?:,?\s+{LEGAL_SUFFIX})+$")
_SUFFIX_WORDS = frozenset(
    """Inc. Inc Incorporated Corp. Corp Corporation Co. Ltd. Ltd Limited LLC L.L.C. LP L.P. plc PLC Plc N.V. NV B.V. BV
    S.A.S. SAS S.A. SA AG SE GmbH A/S ASA AB Oyj Oy S.p.A. SpA S.r.l. Srl SRL S.L. K.K. a.s. A.S. BVBA bvba CVBA
    SARL Company INC INC. LTD LTD. CORP. LIMITED S.R.L. S.P.A. KG (publ)""".split()
)
_BAD_CONNECT = re.compile(r"\s+(?:of|for|de|du|des|la|le|für|et|di|del|degli|della|dei|delle|do|da)\s+(?:the\s+)?")
INSTITUTION = re.compile(
    r"^(?:University|Universit[éeà]\w*|Institute|Institutes|Institut|Instituto|Istituto|Bank|Ministry|Department|"
    r"Academy|School|College|Council|Agency|Office|Hospital|Center|Centre|Society|Association|Foundation|"
    r"Federation|Chamber|Commission|Laboratory|Laboratories|Authority|Coalition|Alliance|Fund|Board|Trust|"
    r"National|Flanders|Royal|Imperial|Max|Fraunhofer|Howard|Politecnico|Polytechnic|Polytechnique|Ospedale|"
    r"Fondazione|Fundación|Fundação|Centro|Universidad|Universidade|Hôpital|Hospital|Klinikum|Stiftung)\b"
)
HEADS = frozenset(
    """Therapeutics Pharma Pharmaceuticals Pharmaceutical Pharmaceutica Pharmaceutique Bio Biosciences Bioscience
    Biotech Biotechnology Biotherapeutics Biologics Biologicals Biopharma BioPharma Biopharmaceuticals Biomedical
    Genomics Genetics Oncology Diagnostics Medicines Medicine Medical Sciences Science Health Healthcare Labs
    Laboratories Laboratory Capital Ventures Partners Fund Funds Holdings Investments Investment Invest Foundation
    Trust Institute Institut Instituut Instituto Istituto University Universiteit Université Universität College
    School Hospital Hospitals Clinic Center Centre Council Agency Commission Initiative Consortium Society
    Association Group Bank Insurance Technologies Technology Systems Solutions Industries Company Corporation
    Management Advisors Associates Vaccines Immunotherapeutics Antibodies Therapies Cell Medtech Devices
    Biosystems Incubator Ministry Administration Office Authority Organisation Organization Research Biologic
    Molecular Innovations Immunology Neuroscience Ophthalmics Dermatology Biocapital Holding Innovation Enterprise
    Enterprises BioMedicines Biomedicines BioSciences BioTherapeutics BioPharmaceuticals BioScience BioTech
    BioLogics BioMed Biomed Pharmaceutica Bioworks BioWorks Biolabs BioLabs Biotechnologies Lifesciences LifeSciences
    Biosolutions Bioproducts BioCapital""".split()
)
STOP_LEAD = frozenset(
    """The A An Under Today In On At As For With By From To If This That These Those Its Our Their About Both Each
    Separately Additionally Also Further Furthermore Moreover However Following Upon After Before Through While
    Meanwhile New Dr Dr. Mr. Ms. Mrs. Prof. Professor When Once Since Per Via And But Or Whereas Why How What
    Press Release Contact Contacts Media Investor Investors Source Notes Editors Named Dubbed Called Drugmaker
    Drugmakers""".split()
)
COMMON = frozenset(
    """Proceeds Terms Financial Construction Cash Revenue Net Total Shares Completion Closing Payment Payments
    Details Patients Data Results Sales Management Research Development Treatment Enrollment Company Participants
    Speakers Topline Approval Phase Study Trial Forward Looking Statements Safe Harbor Copyright Privacy Cookies
    Home News Pipeline Partners Investors Chief Executive Officer Director President Vice Head Board Ms Mr
    January February March April May June July August September October November December Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday Belgium Flanders Wallonia Brussels Japan China Greater Europe Asia
    America Latin United States Kingdom Canada Germany France Switzerland Netherlands Sweden Denmark Norway
    Finland Korea India Israel Italy Spain Worldwide Global Under It We They He She Lead Series Seed Round
    Upfront Milestone Milestones Royalties Equity Investment Investments Financing Placement Option Territory Agreement License Licence Collaboration Acquisition Merger Offering
    Directors Committee Compensation Supervisory Executive Audit Advisory Scientific Steering
    To Dear Sub Ref Regd Pursuant Accordingly Notwithstanding Subject Pending Despite Although Given Thereafter Hereby""".split()
)
_CONNECTORS = frozenset("of for de du des la le für van von der den et di del degli della dei delle do da the &".split())
_FIELD_OF = re.compile(r" (?:of|for|on) (?:the )?[A-Z]")
_FIELD = re.compile(r"(?:[A-Z][a-z]+(?:ology|ologies|ics|istry|ine|ment|ences|ical|ious|ive|ing)|Health|Research|"
                    r"Diseases?|Care|Welfare|Technology|Technologies|Stroke|Blood|Aging|Pharmacy|Nutrition|Prevention|"
                    r"Innovation|Biotechnology|Engineering)\b")
_PRODUCT_CODE = re.compile(r"^[A-Z]{1,5}-?(?:[A-Z]{1,5}-?)?\d+[A-Za-z0-9]*$")
_GAP = re.compile(r"[\s&]")
_LEAD_WORD = re.compile(r"[^\s&]+\s*")
#: A possessive splits "Wallonia's W.IN.G" in two names, but not "Dr. Reddy's Laboratories" or "Children's Hospital".
_POSSESSIVE_GAP = re.compile(r"(?<!\bChildren)(?<!\bWomen)(?<!\bReddy)(?<!\bMen)['’]s?\s+")


def find_chunks(text: str) -> list[tuple[int, int, str]]:
    """Return the capitalised name chunks of a sentence as ``(start, end, text)``, in order.

    Examples
    --------
    >>> [c[2] for c in find_chunks("Wallonia's W.IN.G fund and Merck & Co., Inc. joined.")]
    ['Wallonia', 'W.IN.G', 'Merck & Co., Inc.']
    """
    out = []
    matches = list(_CHUNK.finditer(text)) + _lower_suffixed(text)
    # Each of the words holds "bio", "pharma" or "therap" (a test keeps them in step): a cheap test first, for the
    # pattern stops at every "b", "p" and "t".
    if ("bio" in text or "pharma" in text or "therap" in text) and _LOWER_HEAD_AFTER_CAPITAL.search(text):
        # "UK pharma major GSK", "US biotech firm X": a country and a sector word describe the name after them.
        headed = [m for m in _ACRONYM_LOWER_HEAD.finditer(text) if not COUNTRY.match(m.group().split(" ", 1)[0])]
        starts = {m.start() for m in headed}
        matches = [m for m in matches if m.start() not in starts] + headed
    for match in matches:
        start, end = match.span()
        piece = match.group()
        if piece.isalnum() or not _GAP.search(piece):   # most chunks are one plain word
            if piece[-1] in "'’s":
                end -= 2 if piece.endswith(("'s", "’s")) else 1 if piece.endswith(("'", "’")) else 0
                piece = text[start:end]
            if end > start:
                out.append((start, end, piece))
            continue
        for start, end in _split_possessives(text, start, end):
            start, end = _strip_lead(text, start, end)
            piece = text[start:end]
            if piece.endswith(("'s", "’s")):
                end -= 2
            elif piece.endswith(("'", "’")):
                end -= 1
            if "." in piece and end > start:
                end = _without_ric(text, start, end)
            if end > start:
                out.append((start, end, text[start:end]))
    if "-based " in text or "-listed " in text or "-headquartered " in text or "-registered " in text or "-owned " in text:
        out = _drop_based(out)
    if "Company" in text or "Leader" in text:
        out = [c for c in out if not _DESCRIPTION.search(c[2]) or not _INDEFINITE.search(text, max(0, c[0] - 4), c[0])]
    return _join_fields(text, out) if " and " in text else out


#: A Reuters instrument code after a name ("Novartis NOVN.S said"): a ticker, no part of the name.
RIC = re.compile(r" [A-Z]{2,6}\.[A-Z]{1,2}(?![\w.])")


def _without_ric(text: str, start: int, end: int) -> int:
    """The end of the chunk ``text[start:end]`` without the instrument code it ends in."""
    ric = RIC.search(text, start, end)
    return ric.start() if ric is not None and ric.end() == end else end


_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def _lower_suffixed(text: str) -> list[re.Match[str]]:
    """The matches of ``_LOWER_SUFFIXED`` in ``text``, found from their suffixes."""
    found: list[re.Match[str]] = []
    for suffix in _LOWER_SUFFIX_AT.finditer(text):
        start = suffix.start() - 1
        if start < 1 or text[start] != " ":
            continue
        while start and text[start - 1] in _ALNUM:
            start -= 1
        match = _LOWER_SUFFIXED.match(text, start)
        if match and match.end() == suffix.end():
            found.append(match)
    return found


#: "Copenhagen-based Halvorsen Pharma A/S", "San Francisco-based Acme": the place is no part of the name.
_BASED = re.compile(r"^(?:[A-Z][\w'’.]*\s+){0,2}[A-Z][\w'’.+-]*-(?:based|listed|headquartered|registered|owned)\s+")


def _drop_based(chunks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out = []
    for start, end, piece in chunks:
        based = _BASED.match(piece)
        if based:
            start, piece = start + based.end(), piece[based.end():]
        elif piece.endswith(("-based", "-listed", "-headquartered")):
            continue
        out.append((start, end, piece))
    return out


#: "to Create a Leading Neuromuscular Disease Company": a title-case description after "a", no name.
_DESCRIPTION = re.compile(r" (?:Company|Leader)$")
_INDEFINITE = re.compile(r"\b(?:a|an|A|An)\s+$")


def _join_fields(text: str, chunks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Join "Fraunhofer Institute for Translational Medicine" and "Pharmacology ITMP" over their "and".

    An institution named after fields ("Institute of Allergy and Infectious Diseases") goes on after "and"
    when the next words are fields too; a company or university after "and" is another organisation. A common
    noun and a legal suffix after "and" ("Shasun Chemicals and Drugs Ltd") end the name before it: alone, they
    name nothing.
    """
    out = chunks[:1]
    for start, end, piece in chunks[1:]:
        last_start, last_end, last = out[-1]
        if text[last_end:start] == " and " and _goes_on_after_and(last, piece):
            out[-1] = (last_start, end, text[last_start:end])
        else:
            out.append((start, end, piece))
    return out


def _goes_on_after_and(name: str, piece: str) -> bool:
    """Whether the chunk ``piece`` after "and" is the rest of ``name`` (see :func:`_join_fields`)."""
    if named_after_fields(name) and _FIELD.match(piece) and len(piece.split()) <= 3 and not has_legal_suffix(piece):
        return True
    return " " in name and _noun_with_suffix(piece)


#: Common nouns that end company names ("... Chemicals and Drugs Ltd", "Smith and Nephew plc").
_NAME_NOUNS = HEADS | {"Drugs", "Chemicals", "Chemical", "Sons", "Nephew", "Brothers", "Allied"}


def _noun_with_suffix(piece: str) -> bool:
    """Whether a chunk is one common noun and legal suffixes ("Drugs Ltd"): no company's whole name."""
    bare = SUFFIXED.sub("", piece)
    return bare != piece and bare in _NAME_NOUNS


def _split_possessives(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split "Wallonia's W.IN.G" into "Wallonia" and "W.IN.G", then at bad connectors."""
    segment = text[start:end]
    if "'" not in segment and "’" not in segment:
        return _split_bad_connectors(text, start, end)
    pieces, begin = [], start
    for match in _POSSESSIVE_GAP.finditer(segment):
        pieces.extend(_split_bad_connectors(text, begin, start + match.start()))
        begin = start + match.end()
    return pieces + _split_bad_connectors(text, begin, end)


def _split_bad_connectors(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split "Chief Executive Officer of Kerntide" at "of" unless an institution word precedes it.

    A country after "of" says where a company is ("Halden Pharmaceuticals of the USA"): no part of its name.
    """
    pieces, begin = [], start
    for match in _BAD_CONNECT.finditer(text, start, end):
        head = text[begin:match.start()].split()[-1] if text[begin:match.start()].split() else ""
        country = not INSTITUTION.match(text[begin:match.start()]) and COUNTRY.match(text, match.end())
        if country or (not INSTITUTION.match(head) and head not in HEADS
                       and not INSTITUTION.match(text[begin:match.start()])):
            pieces.append((begin, match.start()))
            begin = match.end()
    pieces.append((begin, end))
    if text.endswith(_TRAILING_TITLES, start, end):
        # "Halvane Pharmaceuticals Chairman and Managing Director Ravi Mendon said": the company, not its office
        last_begin, last_end = pieces[-1]
        pieces[-1] = (last_begin, text.rindex(" ", last_begin, last_end))
    if " " in text[start:end] and _HEADLINE_WORD.search(text, start, end):
        pieces = [part for s, e in pieces for part in _split_headline(text, s, e)]
    return pieces


#: Offices written after a company's name, ending its chunk.
_TRAILING_TITLES = (" Chairman", " Chairwoman", " CEO", " CFO", " COO", " CSO", " CTO", " President", " Founder",
                    " Co-founder")
#: Title-cased headline verbs and prepositions: "Korvath Signs Discovery Deal With Lindqvist Pharma" is two names.
_HEADLINE_WORD = re.compile(
    r"\s(?:Signs|Signed|Inks|Enters|Acquires|Acquire|Buys|Buy|Bought|Raises|Raise|Closes|Completes|Licenses|Licences|"
    r"Licensed|Teams|Taps|Lands|Bags|Nabs|Snags|Gets|Wins|Secures|Announces|Launches|Forms|Agrees|Pays|Expands|"
    r"Extends|Strikes|Joins|Sells|Offloads|Adds|Unveils|Collaborates|Invests|Backs|Leads|Receives|Awards|"
    r"Grants|Selects|Hands|Scoops|Snaps|Picks|Merges|Spins|Debuts|Files|Prices|To|With|From|Into|In|On|At|For|"
    r"Announce|Sign|Enter|Complete|Agree|Form|Collaborate|"
    r"CEO|CFO|COO|CSO|CTO|Chairman|Chairwoman|"
    r"After|Over|Via|As|Deal|Pact|Rights|Up|Out|Off|Deals|Agreement)(?=\s)")


def _split_headline(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a title-cased headline chunk at its verbs and prepositions, dropping them."""
    pieces, begin = [], start
    for match in _HEADLINE_WORD.finditer(text, start, end):
        if match.start() > begin:
            pieces.append((begin, match.start()))
        begin = match.end() + 1
    if begin < end:
        pieces.append((begin, end))
    return pieces


#: "Reddy's Laboratories": a name that goes on after a possessive (a person's title stays before a plain name).
_POSSESSIVE_NAME = re.compile(r"[A-Z][a-z]+['’]s [A-Z]")


#: "New" opens a name that ends on an organisation's head word ("New Enterprise Associates"); a sentence's
#: first word "New" does so only before a place ("New York University": not "New Acme Therapeutics data").
_NEW_NAME = re.compile(r"New(?: [A-Z][\w&.-]*){1,3} (?:" + "|".join(sorted(HEADS)) + r")$")
_NEW_PLACE = re.compile(r"New (?:York|England|Jersey|Zealand|Mexico|Hampshire|South Wales|Haven|Brunswick|Delhi)\b")


def _strip_lead(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading stop words ("The", "Today", "Dr."), but not the "Dr." of a company ("Dr. Reddy's ... Ltd.",
    "Dr Reddy's Laboratories": a possessive name)."""
    while True:
        first = _LEAD_WORD.match(text[start:end])
        if not first or first.end() >= end - start or first.group().strip().rstrip(",") not in STOP_LEAD:
            return start, end
        if first.group().strip() in ("Dr", "Dr.") and (has_legal_suffix(text[start:end]) or _POSSESSIVE_NAME.match(
                text, start + first.end(), end)):
            return start, end
        if first.group().strip() == "New" and _NEW_NAME.match(text, start, end) and (
                text[:start].strip() or _NEW_PLACE.match(text, start)):
            return start, end   # "New Enterprise Associates", "New York University", "New England Biolabs"
        start += first.end()


def named_after_fields(piece: str) -> bool:
    """Whether a chunk is an institution named after fields ("Ministry of Health", "Agency for Science"): the
    names after its "and" or comma may be more fields ("Labour and Welfare", "Technology and Research")."""
    return bool(INSTITUTION.match(piece) and _FIELD_OF.search(piece))


def is_name_like(piece: str, lowered_words: Container[str]) -> bool:
    """Whether a chunk may be a name: no product code, common word or word the document also writes lowercase."""
    form = name_form(piece)
    return form if form is not None else piece.lower() not in lowered_words


@lru_cache(maxsize=65536)
def name_form(piece: str) -> bool | None:
    """:func:`is_name_like` as far as the chunk alone tells: ``None`` for one word the document may also write in
    lower case ("Pipeline" and "pipeline"). Chunks recur across releases ("The", "Phase", "FDA"): kept."""
    words = piece.split()
    if _PRODUCT_CODE.match(piece):
        return False
    if len(words) == 1 and (piece in COMMON or len(piece) < 2):
        return False
    if all(w in COMMON or w in _CONNECTORS for w in words):
        return False
    return None if len(words) == 1 else True


def has_legal_suffix(piece: str) -> bool:
    """Whether a name ends in a legal-form suffix ("Galapagos NV", "Gilead Sciences, Inc.")."""
    last = piece[piece.rfind(" ") + 1:]
    return last in _SUFFIX_WORDS or (last[:1].islower() and bool(SUFFIXED.search(piece)))


def qualifies_by_form(piece: str) -> bool:
    """Whether an unknown chunk is a name by its form (legal suffix, organisation word, institution)."""
    if has_legal_suffix(piece):
        return True
    words = piece.split()
    last = words[-1].rstrip(".,")
    if last[:1].islower():   # "SK biopharmaceuticals"
        last = last.capitalize()
    return (last in HEADS and len(words) > 1 and words[0] not in COMMON) or (
        len(words) > 2 and bool(INSTITUTION.match(piece)) and " of " in piece) or (
        len(words) > 3 and words[0] not in STOP_LEAD and bool(_NAMED_INSTITUTION.match(piece)))


#: "Helmholtz Institute for Pharmaceutical Research Saarland", "Broad Institute of MIT and Harvard": a named
#: institution of a field.
_NAMED_INSTITUTION = re.compile(r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)? (?:Institute|Institut|University|Centre|"
                                r"Center|Foundation|Hospital|School|College|Academy|Society|Council) (?:for|of) ")
