"""The vocabulary of bioRegions: organisation kinds, relation types and roles, stages.

These names are stable: code, files, the command line and the web API all use
them (DESIGN.md section 2). Sources: the triple-helix spheres follow Etzkowitz &
Leydesdorff (2000); the relation types follow the alliance modalities of
Hagedoorn (2002) and Segers (2017, ch. 2); the open-innovation reading follows
Dahlander & Gann (2010) and Chesbrough (2003); openness classes follow
Michelino et al. (2015).
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

__all__ = [
    "ORGANISATION_KINDS",
    "SPHERES",
    "RelationType",
    "RELATION_TYPES",
    "STAGES",
    "CLINICAL_STAGES",
    "BUSINESS_MODELS",
    "OPENNESS_CLASSES",
    "ORGANISATION_STATUSES",
    "RELATION_STATUSES",
    "TERM_COMPONENTS",
    "POLICY_INSTRUMENTS",
    "SOURCE_KINDS",
    "CURRENCIES",
    "default_sphere",
    "roles_of",
]

#: Organisation kind -> default triple-helix sphere (U, I, G; ``civil`` for patients).
ORGANISATION_KINDS: Mapping[str, str] = MappingProxyType(
    {
        "new_biotech_firm": "I",
        "biotech": "I",
        "big_pharma": "I",
        "specialty_pharma": "I",
        "diagnostics": "I",
        "medtech": "I",
        "cro": "I",
        "cmo": "I",
        "technology_supplier": "I",
        "university": "U",
        "hospital": "U",
        "research_institute": "U",
        "tech_transfer_office": "U",
        "government_agency": "G",
        "regulator": "G",
        "public_investor": "G",
        "venture_capital": "I",
        "corporate_venture": "I",
        "cluster_organisation": "G",
        "industry_association": "I",
        "incubator": "G",
        "public_private_partnership": "G",
        "patient_organisation": "civil",
        "other": "other",
    }
)

#: Spheres an organisation row may name (``U``niversity, ``I``ndustry, ``G``overnment).
SPHERES: tuple[str, ...] = ("U", "I", "G", "civil", "other")


@dataclass(frozen=True)
class RelationType:
    """A relation type with the roles its parties may take.

    Attributes
    ----------
    name : str
        The stable type name, e.g. ``"license"``.
    roles : tuple of str
        The allowed roles; a single role means the parties are symmetric partners.
    reading : str
        The open-innovation reading (Dahlander & Gann 2010).
    """

    name: str
    roles: tuple[str, ...]
    reading: str

    @property
    def symmetric(self) -> bool:
        """True when every party takes the same role (``partner``)."""
        return len(self.roles) == 1 or self.roles == ("partner", "offspring")


def _types(*rows: tuple[str, tuple[str, ...], str]) -> Mapping[str, RelationType]:
    return MappingProxyType({name: RelationType(name, roles, reading) for name, roles, reading in rows})


RELATION_TYPES: Mapping[str, RelationType] = _types(
    ("rd_collaboration", ("partner",), "coupled"),
    ("co_development", ("partner",), "coupled"),
    ("joint_venture", ("partner", "offspring"), "coupled"),
    ("consortium", ("partner",), "coupled, non-pecuniary"),
    ("license", ("licensor", "licensee"), "licensee inbound pecuniary, licensor outbound pecuniary"),
    ("contract_services", ("client", "provider"), "client inbound pecuniary"),
    ("marketing_distribution", ("partner",), "coupled downstream"),
    ("acquisition", ("acquirer", "target"), "acquirer inbound pecuniary"),
    ("merger", ("partner",), "none"),
    ("equity_investment", ("investor", "investee"), "financial"),
    ("venture_round", ("investor", "investee"), "financial"),
    ("ipo", ("issuer",), "financial"),
    ("spin_off", ("parent", "offspring"), "parent outbound (venturing)"),
    ("grant", ("funder", "recipient"), "none"),
    ("membership", ("member", "host"), "none"),
)

#: Pipeline stages in their natural order.
STAGES: tuple[str, ...] = (
    "discovery",
    "preclinical",
    "phase1",
    "phase2",
    "phase3",
    "filed",
    "approved",
    "marketed",
    "platform",
    "unknown",
)

#: Stages of clinical development, in order (used by pipeline analyses).
CLINICAL_STAGES: tuple[str, ...] = ("phase1", "phase2", "phase3", "filed", "approved")

BUSINESS_MODELS: tuple[str, ...] = (
    "fipco",
    "product",
    "platform",
    "hybrid",
    "services",
    "diagnostics",
    "pdc",
    "virtual",
)

OPENNESS_CLASSES: tuple[str, ...] = ("hardly_open", "fairly_open", "very_open")

ORGANISATION_STATUSES: tuple[str, ...] = ("active", "acquired", "closed", "merged")

RELATION_STATUSES: tuple[str, ...] = ("announced", "active", "completed", "terminated", "expired")

TERM_COMPONENTS: tuple[str, ...] = (
    "upfront",
    "milestones",
    "royalty",
    "equity",
    "value",
    "research_funding",
    "other",
)

POLICY_INSTRUMENTS: tuple[str, ...] = (
    "grant",
    "tax",
    "incubator",
    "public_vc",
    "cluster_org",
    "research_centre",
    "programme",
)

SOURCE_KINDS: tuple[str, ...] = (
    "seed",
    "press_release",
    "annual_report",
    "prospectus",
    "registry",
    "dataset",
    "article",
    "website",
    "simulation",
    "other",
)

#: ISO 4217 codes accepted for deal terms and budgets (the currencies of the
#: world's biopharma deal flow; extend when a user needs another).
CURRENCIES: frozenset[str] = frozenset(
    "USD EUR GBP CHF JPY CNY HKD SEK DKK NOK CAD AUD KRW INR SGD ILS BRL PLN CZK HUF "
    "NZD TWD RUB ZAR MXN BEF FRF DEM NLG ITL".split()
)


def default_sphere(kind: str) -> str:
    """Return the default triple-helix sphere of an organisation kind.

    Examples
    --------
    >>> default_sphere("university")
    'U'
    """
    return ORGANISATION_KINDS[kind]


def roles_of(relation_type: str) -> tuple[str, ...]:
    """Return the roles allowed for a relation type.

    Examples
    --------
    >>> roles_of("license")
    ('licensor', 'licensee')
    """
    return RELATION_TYPES[relation_type].roles
