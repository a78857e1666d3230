"""Organisation names: legal suffixes, normal forms and a small built-in alias table.

Press releases name one organisation in many ways ("Galapagos NV", "Galapagos",
"Merck & Co., Inc.", "MSD"). :func:`normalise` removes what does not identify
the organisation (case, punctuation, legal suffixes, a leading "the") and
:data:`BUILTIN_ORGANISATIONS` maps the aliases of big pharma, agencies and
service providers that no legal suffix rule can guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .fastre import branches_by_first_char

__all__ = ["KnownOrganisation", "BUILTIN_ORGANISATIONS", "LEGAL_SUFFIX", "normalise", "strip_suffix"]

#: Legal-form suffixes, longer forms before their prefixes ("Company, Limited" before "Company").
_LEGAL_SUFFIXES = [
    r"S\.A\.B?\.? de C\.V\.?", r"Co\.?,?\s*(?:Ltd|LTD)\.?",
    r"CO\.?,?\s*(?:Ltd|LTD)\.?", r"GmbH\s*&\s*Co\.?\s*KG", r"Company,?\s+Limited", "Company",
    r"INC\.?", r"LTD\.?", r"CORP\.?", "LIMITED", r"S\.R\.L\.", r"S\.P\.A\.", "KG", r"Pty\.?\s+Ltd\.?", r"Inc\.?",
    "Incorporated", r"Corp\.?", "Corporation", r"Co\.", r"Ltd\.?", "Limited", r"L\.?L\.?C\.?", r"L\.P\.", "LP", "plc",
    "PLC", "Plc", r"N\.\s?V\.", "NV", r"B\.\s?V\.", "BV", r"S\.A\.S\.", "SAS", r"S\.A\.", "SA", "AG", "SE", "GmbH", "A/S",
    "ASA", "AB", "Oyj", "Oy", r"S\.p\.A\.", "SpA", r"S\.r\.l\.", "Srl", "SRL", r"S\.L\.", r"K\.K\.", r"a\.s\.", r"A\.S\.",
    "BVBA", "bvba", "CVBA", "SARL", r"S\.à\.r\.l\.", r"Pte\.?\s+Ltd\.?", r"Pvt\.?\s+Ltd\.?", r"Private\s+Limited",
    r"Sdn\.?\s+Bhd\.?", r"\(publ\)",
]
#: A legal-form suffix at the end of a name, the suffixes grouped by first letter (:mod:`.fastre`): the chunk
#: pattern tries it after every name.
LEGAL_SUFFIX = "(?:" + branches_by_first_char(_LEGAL_SUFFIXES) + ")"
_SUFFIX_TAIL = re.compile(r"(?:,?\s+" + LEGAL_SUFFIX + r")+\s*$")
_PUNCT = re.compile(r"[^\w&+]+")
_SPACES = re.compile(r"\s+")
_AND_TAIL = re.compile(r"(?: and)+(?: co)?$")   # "Merck & Co" (its "Co" without a full stop) is "Merck"
_POSSESSIVE = re.compile(r"['’]s?$")


def strip_suffix(name: str) -> str:
    """Return ``name`` without its trailing legal-form suffixes.

    Examples
    --------
    >>> strip_suffix("Jiangsu Hengrui Medicine Co., Ltd.")
    'Jiangsu Hengrui Medicine'
    >>> strip_suffix("Gilead Sciences, Inc.")
    'Gilead Sciences'
    """
    stripped = _SUFFIX_TAIL.sub("", name.strip())
    return stripped.strip(" ,") or name.strip()


@lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """Return the matching key of an organisation name.

    Lower case, without legal suffixes, possessive, punctuation or a leading
    "the"; "&" and "and" compare equal; "University of Ulm" is "Ulm University".

    Examples
    --------
    >>> normalise("Galapagos NV") == normalise("GALAPAGOS")
    True
    >>> normalise("Merck & Co., Inc.")
    'merck'
    >>> normalise("University of Ulm") == normalise("Ulm University")
    True
    """
    text = _POSSESSIVE.sub("", strip_suffix(name))
    text = _PUNCT.sub(" ", text.replace("&", " and ").replace("+", " plus ")).lower()
    text = _SPACES.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    if text.startswith("university of ") and text.count(" ") == 2:
        text = text[14:] + " university"   # "University of Ulm" is "Ulm University"
    return _AND_TAIL.sub("", text)


@dataclass(frozen=True)
class KnownOrganisation:
    """An organisation of the built-in table: id, name, aliases, kind, parent."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    kind: str = "big_pharma"
    parent_id: str | None = None
    country: str | None = None
    extra: dict = field(default_factory=dict, compare=False, hash=False)


def _k(id_: str, name: str, aliases: str = "", kind: str = "big_pharma", parent: str | None = None,
       country: str | None = None) -> KnownOrganisation:
    return KnownOrganisation(id_, name, tuple(a for a in aliases.split("|") if a), kind, parent, country)


#: Big pharma, their subsidiaries, funding agencies and service providers whose
#: aliases cannot be derived from the name (public company facts).
BUILTIN_ORGANISATIONS: tuple[KnownOrganisation, ...] = (
    _k("merck-and-co", "Merck & Co.", "MSD|Merck Sharp & Dohme|Merck Sharp and Dohme", country="US"),
    _k("merck-kgaa", "Merck KGaA", "EMD Serono|Merck Darmstadt", country="DE"),
    _k("johnson-and-johnson", "Johnson & Johnson", "J&J|JNJ|Johnson & Johnson Innovation", country="US"),
    _k("janssen", "Janssen", "Janssen Pharmaceutica|Janssen Biotech|Janssen Research & Development|"
       "Janssen Pharmaceuticals|Janssen Sciences Ireland", parent="johnson-and-johnson", country="BE"),
    _k("roche", "Roche", "F. Hoffmann-La Roche|Hoffmann-La Roche|Roche Holding", country="CH"),
    _k("genentech", "Genentech", "", parent="roche", country="US"),
    _k("chugai", "Chugai Pharmaceutical", "Chugai", parent="roche", country="JP"),
    _k("novartis", "Novartis", "Novartis Pharma|Novartis Institutes for BioMedical Research", country="CH"),
    _k("sandoz", "Sandoz", "", country="CH"),
    _k("gsk", "GSK", "GlaxoSmithKline|Glaxo|GSK Vaccines|GlaxoSmithKline Biologicals", country="GB"),
    _k("astrazeneca", "AstraZeneca", "Astra Zeneca", country="GB"),
    _k("medimmune", "MedImmune", "", parent="astrazeneca", country="US"),
    _k("sanofi", "Sanofi", "Sanofi-Aventis|Sanofi Pasteur", country="FR"),
    _k("genzyme", "Genzyme", "Sanofi Genzyme", parent="sanofi", country="US"),
    _k("pfizer", "Pfizer", "", country="US"),
    _k("abbvie", "AbbVie", "", country="US"),
    _k("amgen", "Amgen", "", country="US"),
    _k("gilead", "Gilead Sciences", "Gilead", country="US"),
    _k("kite", "Kite Pharma", "Kite", parent="gilead", country="US"),
    _k("eli-lilly", "Eli Lilly and Company", "Eli Lilly|Lilly", country="US"),
    _k("bms", "Bristol Myers Squibb", "Bristol-Myers Squibb|Bristol-Myers|BMS", country="US"),
    _k("celgene", "Celgene", "", parent="bms", country="US"),
    _k("takeda", "Takeda Pharmaceutical Company", "Takeda|Takeda Pharmaceuticals", country="JP"),
    _k("bayer", "Bayer", "", country="DE"),
    _k("boehringer-ingelheim", "Boehringer Ingelheim", "Boehringer", country="DE"),
    _k("novo-nordisk", "Novo Nordisk", "", country="DK"),
    _k("ucb", "UCB", "UCB Pharma|UCB Biopharma", country="BE"),
    _k("astellas", "Astellas Pharma", "Astellas", country="JP"),
    _k("daiichi-sankyo", "Daiichi Sankyo", "Daiichi Sankyo Company|Daiichi-Sankyo", country="JP"),
    _k("eisai", "Eisai", "", country="JP"),
    _k("otsuka", "Otsuka Pharmaceutical", "Otsuka", country="JP"),
    _k("biogen", "Biogen", "Biogen Idec", country="US"),
    _k("regeneron", "Regeneron Pharmaceuticals", "Regeneron", country="US"),
    _k("vertex", "Vertex Pharmaceuticals", "Vertex", country="US"),
    _k("teva", "Teva Pharmaceutical Industries", "Teva", country="IL"),
    _k("servier", "Servier", "Les Laboratoires Servier", country="FR"),
    _k("ipsen", "Ipsen", "", country="FR"),
    _k("lundbeck", "Lundbeck", "H. Lundbeck", country="DK"),
    _k("csl", "CSL", "CSL Behring", country="AU"),
    _k("lonza", "Lonza", "Lonza Group", kind="cmo", country="CH"),
    _k("catalent", "Catalent", "", kind="cmo", country="US"),
    _k("samsung-biologics", "Samsung Biologics", "", kind="cmo", country="KR"),
    _k("wuxi", "WuXi AppTec", "WuXi Biologics|WuXi", kind="cmo", country="CN"),
    _k("fujifilm-diosynth", "Fujifilm Diosynth Biotechnologies", "FUJIFILM Diosynth", kind="cmo"),
    _k("icon", "ICON", "ICON Clinical Research", kind="cro", country="IE"),
    _k("iqvia", "IQVIA", "Quintiles|QuintilesIMS", kind="cro", country="US"),
    _k("parexel", "Parexel", "PAREXEL", kind="cro", country="US"),
    _k("charles-river", "Charles River Laboratories", "Charles River", kind="cro", country="US"),
    _k("syneos", "Syneos Health", "", kind="cro", country="US"),
    _k("ppd", "PPD", "", kind="cro", country="US"),
    _k("labcorp", "Labcorp", "Covance|LabCorp", kind="cro", country="US"),
    _k("evotec", "Evotec", "", kind="cro", country="DE"),
    _k("nih", "National Institutes of Health", "NIH|National Institute of Health", kind="government_agency",
       country="US"),
    _k("barda", "Biomedical Advanced Research and Development Authority", "BARDA", kind="government_agency",
       country="US"),
    _k("eic", "European Innovation Council", "EIC|EIC Accelerator", kind="government_agency"),
    _k("european-commission", "European Commission", "EC|European Union|EU", kind="government_agency"),
    _k("imi", "Innovative Medicines Initiative", "IMI|IMI2|IMI JU", kind="public_private_partnership"),
    _k("cepi", "Coalition for Epidemic Preparedness Innovations", "CEPI", kind="public_private_partnership"),
    _k("wellcome", "Wellcome Trust", "Wellcome", kind="other", country="GB"),
    _k("gates-foundation", "Bill & Melinda Gates Foundation", "Gates Foundation|Bill and Melinda Gates Foundation",
       kind="other", country="US"),
    _k("vlaio", "VLAIO", "Flanders Innovation & Entrepreneurship|Agentschap Innoveren en Ondernemen|IWT",
       kind="government_agency", country="BE"),
    _k("innovate-uk", "Innovate UK", "", kind="government_agency", country="GB"),
    _k("bpifrance", "Bpifrance", "BPI France", kind="public_investor", country="FR"),
    _k("pmv", "PMV", "ParticipatieMaatschappij Vlaanderen", kind="public_investor", country="BE"),
    _k("sriw", "SRIW", "Société Régionale d'Investissement de Wallonie", kind="public_investor", country="BE"),
    _k("eib", "European Investment Bank", "EIB", kind="public_investor"),
    _k("vib", "VIB", "Flanders Institute for Biotechnology", kind="research_institute", country="BE"),
    _k("imec", "imec", "IMEC", kind="research_institute", country="BE"),
    _k("ku-leuven", "KU Leuven", "Katholieke Universiteit Leuven|University of Leuven", kind="university",
       country="BE"),
    _k("ghent-university", "Ghent University", "UGent|Universiteit Gent", kind="university", country="BE"),
    _k("fda", "U.S. Food and Drug Administration", "FDA|Food and Drug Administration", kind="regulator",
       country="US"),
    _k("ema", "European Medicines Agency", "EMA", kind="regulator"),
)
