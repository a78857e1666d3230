"""Public funders, public investors and regulators, by name and by the form of a name.

Grants come from agencies, regions, ministries, research councils and
charities; releases also name regulators ("approval by China's National
Medical Products Administration") that are never a party to an alliance.
:data:`AGENCIES` lists the ones releases name most (public facts: names,
acronyms, kinds); :func:`kind_from_name` reads the kind of other names from
their form ("Bavarian Ministry of Economic Affairs", "Flemish Government",
"Therapeutic Goods Administration").
"""

from __future__ import annotations

import re

from .names import KnownOrganisation

__all__ = ["AGENCIES", "kind_from_name"]


def _a(id_: str, name: str, aliases: str = "", kind: str = "government_agency", country: str | None = None,
       parent: str | None = None) -> KnownOrganisation:
    return KnownOrganisation(id_, name, tuple(a for a in aliases.split("|") if a), kind, parent, country)


#: Public funders (``government_agency``), public investors, public-private partnerships, research charities
#: and regulators that releases name.
AGENCIES: tuple[KnownOrganisation, ...] = (
    # United States: the NIH institutes and centres, other federal and state funders, regulators.
    _a("niaid", "National Institute of Allergy and Infectious Diseases", "NIAID", country="US", parent="nih"),
    _a("nci", "National Cancer Institute", "NCI", country="US", parent="nih"),
    _a("nhlbi", "National Heart, Lung, and Blood Institute", "NHLBI|National Heart, Lung and Blood Institute",
       country="US", parent="nih"),
    _a("nia", "National Institute on Aging", "NIA", country="US", parent="nih"),
    _a("nimh", "National Institute of Mental Health", "NIMH", country="US", parent="nih"),
    _a("ninds", "National Institute of Neurological Disorders and Stroke", "NINDS", country="US", parent="nih"),
    _a("niddk", "National Institute of Diabetes and Digestive and Kidney Diseases", "NIDDK", country="US",
       parent="nih"),
    _a("nida", "National Institute on Drug Abuse", "NIDA", country="US", parent="nih"),
    _a("nigms", "National Institute of General Medical Sciences", "NIGMS", country="US", parent="nih"),
    _a("ncats", "National Center for Advancing Translational Sciences", "NCATS", country="US", parent="nih"),
    _a("nei", "National Eye Institute", "NEI", country="US", parent="nih"),
    _a("nichd", "Eunice Kennedy Shriver National Institute of Child Health and Human Development", "NICHD",
       country="US", parent="nih"),
    _a("arpa-h", "Advanced Research Projects Agency for Health", "ARPA-H", country="US"),
    _a("darpa", "Defense Advanced Research Projects Agency", "DARPA", country="US"),
    _a("us-dod", "U.S. Department of Defense", "Department of Defense|DoD|US Department of Defense", country="US"),
    _a("cdmrp", "Congressionally Directed Medical Research Programs", "CDMRP", country="US"),
    _a("hhs", "U.S. Department of Health and Human Services", "Department of Health and Human Services|HHS",
       country="US"),
    _a("cdc", "Centers for Disease Control and Prevention", "CDC|Centers for Disease Control", country="US"),
    _a("nsf", "National Science Foundation", "NSF", country="US"),
    _a("cprit", "Cancer Prevention and Research Institute of Texas", "CPRIT", country="US"),
    _a("cirm", "California Institute for Regenerative Medicine", "CIRM", country="US"),
    _a("mlsc", "Massachusetts Life Sciences Center", "MLSC", country="US"),
    _a("carb-x", "CARB-X", "Combating Antibiotic-Resistant Bacteria Biopharmaceutical Accelerator",
       kind="public_private_partnership"),
    _a("sec", "U.S. Securities and Exchange Commission", "Securities and Exchange Commission|SEC", kind="regulator",
       country="US"),
    # Europe.
    _a("eic-fund", "EIC Fund", "European Innovation Council Fund", kind="public_investor"),
    _a("eif", "European Investment Fund", "EIF", kind="public_investor"),
    _a("erc", "European Research Council", "ERC"),
    _a("ihi", "Innovative Health Initiative", "IHI|IHI JU|Innovative Health Initiative Joint Undertaking",
       kind="public_private_partnership"),
    _a("eit-health", "EIT Health", "", kind="public_private_partnership"),
    _a("walloon-region", "Walloon Region", "Wallonia Region|Région wallonne|Walloon Government|Government of Wallonia|"
       "Service public de Wallonie|SPW", country="BE"),
    _a("flemish-government", "Flemish Government", "Government of Flanders|Flemish Region|Vlaamse Overheid",
       country="BE"),
    _a("brussels-region", "Brussels-Capital Region", "Brussels Capital Region|Brussels Region", country="BE"),
    _a("innoviris", "Innoviris", "", country="BE"),
    _a("fwo", "Research Foundation Flanders", "Research Foundation - Flanders|Research Foundation – Flanders|FWO",
       country="BE"),
    _a("fnrs", "Fund for Scientific Research", "F.R.S.-FNRS|FNRS", country="BE"),
    _a("wallonie-entreprendre", "Wallonie Entreprendre", "", kind="public_investor", country="BE"),
    _a("noshaq", "Noshaq", "Meusinvest", kind="public_investor", country="BE"),
    _a("sfpim", "SFPIM", "Federal Holding and Investment Company|Belgian Federal Holding and Investment Company|SFPI|"
       "FPIM|SFPI-FPIM", kind="public_investor", country="BE"),
    _a("finance-brussels", "finance&invest.brussels", "finance.brussels", kind="public_investor", country="BE"),
    _a("lombardy-region", "Lombardy Region", "Regione Lombardia", country="IT"),
    _a("rvo", "Netherlands Enterprise Agency", "RVO", country="NL"),
    _a("nwo", "Dutch Research Council", "NWO", country="NL"),
    _a("zonmw", "ZonMw", "", country="NL"),
    _a("invest-nl", "Invest-NL", "Invest NL", kind="public_investor", country="NL"),
    _a("bmbf", "Federal Ministry of Education and Research", "BMBF", country="DE"),
    _a("dfg", "German Research Foundation", "Deutsche Forschungsgemeinschaft|DFG", country="DE"),
    _a("htgf", "High-Tech Gründerfonds", "HTGF|High-Tech Grunderfonds", kind="public_investor", country="DE"),
    _a("anr", "French National Research Agency", "Agence Nationale de la Recherche|ANR", country="FR"),
    _a("ukri", "UK Research and Innovation", "UKRI", country="GB"),
    _a("mrc", "Medical Research Council", "MRC", country="GB"),
    _a("nihr", "National Institute for Health and Care Research", "NIHR|National Institute for Health Research",
       country="GB"),
    _a("british-business-bank", "British Business Bank", "", kind="public_investor", country="GB"),
    _a("scottish-enterprise", "Scottish Enterprise", "", country="GB"),
    _a("innosuisse", "Innosuisse", "Swiss Innovation Agency", country="CH"),
    _a("snsf", "Swiss National Science Foundation", "SNSF", country="CH"),
    _a("vinnova", "Vinnova", "VINNOVA", country="SE"),
    _a("business-finland", "Business Finland", "", country="FI"),
    _a("innovation-fund-denmark", "Innovation Fund Denmark", "Innovationsfonden", country="DK"),
    _a("cdti", "CDTI", "Centre for the Development of Industrial Technology", country="ES"),
    _a("israel-innovation-authority", "Israel Innovation Authority", "", country="IL"),
    # Asia-Pacific and Canada.
    _a("amed", "Japan Agency for Medical Research and Development", "AMED", country="JP"),
    _a("kddf", "Korea Drug Development Fund", "KDDF", country="KR"),
    _a("nhmrc", "National Health and Medical Research Council", "NHMRC", country="AU"),
    _a("mrff", "Medical Research Future Fund", "MRFF", country="AU"),
    _a("cihr", "Canadian Institutes of Health Research", "CIHR", country="CA"),
    # Research charities that award grants.
    _a("cff", "Cystic Fibrosis Foundation", "CFF", kind="patient_organisation", country="US"),
    _a("mjff", "Michael J. Fox Foundation", "MJFF|The Michael J. Fox Foundation for Parkinson's Research",
       kind="patient_organisation", country="US"),
    _a("cruk", "Cancer Research UK", "CRUK", kind="patient_organisation", country="GB"),
    _a("lifearc", "LifeArc", "", kind="other", country="GB"),
    _a("novo-nordisk-foundation", "Novo Nordisk Foundation", "", kind="other", country="DK"),
    # Regulators: never a party to an alliance.
    _a("nmpa", "National Medical Products Administration", "NMPA|China National Medical Products Administration",
       kind="regulator", country="CN"),
    _a("pmda", "Pharmaceuticals and Medical Devices Agency", "PMDA", kind="regulator", country="JP"),
    _a("mhlw", "Ministry of Health, Labour and Welfare", "MHLW|Japanese Ministry of Health, Labour and Welfare",
       kind="regulator", country="JP"),
    _a("mhra", "Medicines and Healthcare products Regulatory Agency", "MHRA", kind="regulator", country="GB"),
    _a("health-canada", "Health Canada", "", kind="regulator", country="CA"),
    _a("swissmedic", "Swissmedic", "", kind="regulator", country="CH"),
    _a("tga", "Therapeutic Goods Administration", "TGA", kind="regulator", country="AU"),
    _a("anvisa", "ANVISA", "Brazilian Health Regulatory Agency", kind="regulator", country="BR"),
    _a("mfds", "Ministry of Food and Drug Safety", "MFDS", kind="regulator", country="KR"),
    # Patent offices grant patents, not alliances.
    _a("uspto", "United States Patent and Trademark Office", "USPTO|U.S. Patent and Trademark Office|"
       "US Patent and Trademark Office", kind="regulator", country="US"),
    _a("epo", "European Patent Office", "EPO", kind="regulator"),
    _a("jpo", "Japan Patent Office", "JPO", kind="regulator", country="JP"),
    _a("ukipo", "UK Intellectual Property Office", "UKIPO|Intellectual Property Office", kind="regulator",
       country="GB"),
)

_REGULATOR_FORM = re.compile(
    r"\b(?:Food and Drug Administration|Medical Products Administration|Medicines Agency|"
    r"Regulatory (?:Agency|Authority)|Drug Administration|Therapeutic Goods|Health Authority|Medicines Evaluation Board|Securities and Exchange|"
    r"Patent (?:and Trademark )?Office|Intellectual Property Office|Stock Exchange|Exchanges and Clearing|Korea Exchange|"
    r"BSE Limited)\b"
)
_AGENCY_FORM = re.compile(
    r"^(?:The\s+|the\s+)?(?:(?:Ministry|Government|Secretariat)\s+(?:of|for)\b|"
    r"(?:[A-Z][\w'’.-]*\s+){1,3}(?:Ministry|Government|Region|Agency|Authority|Research Council)"
    r"(?:\s+(?:of|for)\s+.*)?$)"
)


def kind_from_name(name: str) -> str | None:
    """The kind a name's form says: ``regulator``, ``government_agency`` or ``None``.

    Examples
    --------
    >>> [kind_from_name(n) for n in ("Bavarian Ministry of Economic Affairs", "Flemish Government",
    ...                               "Therapeutic Goods Administration", "Aquilon Therapeutics")]
    ['government_agency', 'government_agency', 'regulator', None]
    """
    if _REGULATOR_FORM.search(name):
        return "regulator"
    if _AGENCY_FORM.match(name):
        return "government_agency"
    return None
