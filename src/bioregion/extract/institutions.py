"""Research institutes, universities and hospitals whose names the chunk reader cannot form.

Capitalised chunks stop at "and", at a comma and at a possessive, so "Walter
and Eliza Hall Institute of Medical Research", "University of California, San
Francisco" and "Brigham and Women's Hospital" come out cut in two.
:data:`INSTITUTIONS` lists the best-known of them (public facts: names,
acronyms, kinds); the gazetteer finds them literally.
"""

from __future__ import annotations

from .names import KnownOrganisation

__all__ = ["INSTITUTIONS"]


def _i(id_: str, name: str, aliases: str, kind: str, country: str) -> KnownOrganisation:
    return KnownOrganisation(id_, name, tuple(a for a in aliases.split("|") if a), kind, None, country)


_UC_CAMPUSES = (("ucsf", "San Francisco", "UCSF|UC San Francisco"), ("ucla", "Los Angeles", "UCLA"),
                ("ucsd", "San Diego", "UCSD|UC San Diego"), ("uc-berkeley", "Berkeley", "UC Berkeley"),
                ("uc-davis", "Davis", "UC Davis"), ("uc-irvine", "Irvine", "UC Irvine"))

#: Institutions named with "and", a comma or a possessive; straight and curly apostrophes both.
INSTITUTIONS: tuple[KnownOrganisation, ...] = (
    _i("wehi", "Walter and Eliza Hall Institute of Medical Research", "WEHI|Walter and Eliza Hall Institute",
       "research_institute", "AU"),
    _i("ansto", "Australian Nuclear Science and Technology Organisation",
       "ANSTO|Australia's Nuclear Science and Technology Organisation|"
       "Australia’s Nuclear Science and Technology Organisation", "research_institute", "AU"),
    _i("brigham", "Brigham and Women's Hospital", "Brigham and Women’s Hospital", "hospital", "US"),
    _i("chop", "Children's Hospital of Philadelphia", "CHOP|Children’s Hospital of Philadelphia", "hospital", "US"),
    _i("md-anderson", "University of Texas MD Anderson Cancer Center", "MD Anderson|MD Anderson Cancer Center",
       "hospital", "US"),
    _i("mskcc", "Memorial Sloan Kettering Cancer Center", "Memorial Sloan-Kettering Cancer Center|MSKCC",
       "hospital", "US"),
    _i("broad", "Broad Institute of MIT and Harvard", "Broad Institute", "research_institute", "US"),
    _i("unc", "University of North Carolina at Chapel Hill",
       "University of North Carolina, Chapel Hill|UNC-Chapel Hill", "university", "US"),
    *(_i(id_, f"University of California, {campus}", aliases, "university", "US")
      for id_, campus, aliases in _UC_CAMPUSES),
    _i("alzheimers-association", "Alzheimer's Association", "Alzheimer’s Association", "patient_organisation", "US"),
    _i("gamrif", "Global Antimicrobial Resistance Innovation Fund", "GAMRIF", "government_agency", "GB"),
    _i("bd", "Becton, Dickinson and Company", "BD|Becton Dickinson|BD Biosciences", "medtech", "US"),
    _i("smith-nephew", "Smith & Nephew", "Smith+Nephew|Smith and Nephew", "medtech", "GB"),
)
