"""The kind of an organisation named in a release: known, described, or read from its name.

The kind decides roles the text leaves open: a contract research or
manufacturing organisation is the provider, a university or institute licenses
its patents out, a public agency funds rather than invests, a regulator is
never a party. In order: the gazetteer's kind (:mod:`.gazetteer`,
:mod:`.agencies`); the apposition ("a global contract research, development and
manufacturing organization"); the form of the name ("Ghent University",
"Walloon Region", "National Medical Products Administration").
"""

from __future__ import annotations

import re

from .agencies import kind_from_name
from .clusters import Cluster

__all__ = ["ACADEMIC_KINDS", "CHARITABLE_FUNDERS", "FUNDER_KINDS", "infer_kind", "kind_of"]

#: Kinds that fund grants and programmes rather than invest or partner.
FUNDER_KINDS = frozenset({"government_agency", "public_private_partnership"})
#: Research charities of the built-in table (kind ``other`` in the taxonomy) that fund grants like agencies do.
CHARITABLE_FUNDERS = frozenset({"wellcome", "gates-foundation"})
#: Kinds that license their research out.
ACADEMIC_KINDS = frozenset({"university", "research_institute", "hospital", "tech_transfer_office"})

_KINDS = (
    (r"venture capital|investment company|investor|\bfund\b|capital firm", "venture_capital"),
    (r"\buniversity\b", "university"),
    (r"institute|research cent", "research_institute"),
    (r"hospital", "hospital"),
    (r"\bagency\b|ministry|government", "government_agency"),
    (r"\bCDMO\b|\bCMO\b|\bCRDMO\b|development and manufacturing|contract manufactur|manufacturing organi[sz]ation",
     "cmo"),
    (r"\bCRO\b|contract research|research contractor|service provider|services provider", "cro"),
    (r"manufactur", "cmo"),
    (r"diagnostic", "diagnostics"),
    (r"medtech|medical device", "medtech"),
    (r"spin-?off|spin-?out|start-?up|biotech|gene therapy|cell therapy|clinical-stage|biopharmaceutical", "new_biotech_firm"),
    (r"pharmaceutical", "specialty_pharma"),
)
_COUNTRIES = {
    "belgian": "BE", "dutch": "NL", "french": "FR", "german": "DE", "swiss": "CH", "british": "GB", "uk": "GB",
    "swedish": "SE", "danish": "DK", "norwegian": "NO", "finnish": "FI", "italian": "IT", "spanish": "ES",
    "american": "US", "us": "US", "u.s.": "US", "chinese": "CN", "japanese": "JP", "korean": "KR", "israeli": "IL",
    "irish": "IE", "austrian": "AT", "canadian": "CA", "australian": "AU", "flemish": "BE", "walloon": "BE",
}


def infer_kind(descriptor: str | None) -> tuple[str, str | None]:
    """Organisation kind and country from an apposition such as "a Belgian biotech company".

    Examples
    --------
    >>> infer_kind("Belgian biotech company")
    ('new_biotech_firm', 'BE')
    >>> infer_kind(None)
    ('other', None)
    """
    if not descriptor:
        return "other", None
    kind = _kind_of_description(descriptor)
    country = next((c for word, c in _COUNTRIES.items() if re.search(rf"(?<!\w){re.escape(word)}(?!\w)",
                                                                      descriptor, re.I)), None)
    return kind, country


_KIND_PATTERNS = tuple((re.compile(pattern, re.I), kind) for pattern, kind in _KINDS)


def _kind_of_description(descriptor: str) -> str:
    return next((kind for pattern, kind in _KIND_PATTERNS if pattern.search(descriptor)), "other")


_ACADEMIC_NAME = re.compile(r"\b(?:Universit\w*|College|School of|Institut\w*|Hospital|Medical Cent(?:er|re)|"
                            r"Cent(?:er|re) for|Academy|Laboratory|VIB|Fraunhofer|Max Planck)\b|\bUniversity$")
_UNIVERSITY_NAME = re.compile(r"Universit|College|School")


def kind_of(cluster: Cluster) -> str | None:
    """The kind of the organisation of ``cluster``, or ``None`` when nothing tells.

    Examples
    --------
    >>> kind_of(Cluster("x", ["Ghent University"])), kind_of(Cluster("y", ["Zeta Bio"], descriptor="CDMO"))
    ('university', 'cmo')
    """
    if cluster.entry is not None and cluster.entry.kind:
        return cluster.entry.kind
    name = cluster.name
    by_name = kind_from_name(name)
    if by_name:
        return by_name
    if cluster.descriptor:
        kind = _kind_of_description(cluster.descriptor)
        if kind != "other":
            return kind
    if _ACADEMIC_NAME.search(name):
        return "university" if _UNIVERSITY_NAME.search(name) else "research_institute"
    return None
