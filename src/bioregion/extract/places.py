"""Capitalised names that are places or products, told by the words after them.

Datelines and addresses name places the way releases name companies
("MECHELEN, Belgium", "SOUTH SAN FRANCISCO, Calif.", "Gosselies, Belgium,
23 May 2024"), and brands stand where companies stand ("VELTRENZA
(velsotinib)", "Zentrapine(R)"). A chunk followed by a country, a state or a
date is a place; one followed by a trademark sign or a lower-case generic name
in brackets is a product. :mod:`.mentions` applies this to chunks that are
not organisations by their own form.
"""

from __future__ import annotations

import re

from .dates import DATE_REGEX

__all__ = ["BRAND_MARK", "COUNTRIES", "COUNTRY", "is_place_or_product"]

#: Countries as releases write them (a regex alternation).
COUNTRIES = (
    "Belgium|the Netherlands|Netherlands|Germany|France|Switzerland|Denmark|Sweden|Norway|Finland|Austria|Italy|"
    "Spain|Portugal|Ireland|Luxembourg|Poland|Czech Republic|Hungary|Greece|Turkey|Israel|United Kingdom|UK|U\\.K\\.|"
    "England|Scotland|Wales|United States|USA|U\\.S\\.A\\.|U\\.S\\.|US|Canada|Mexico|Brazil|Argentina|China|"
    "P\\.R\\. China|PRC|Hong Kong|Taiwan|Japan|South Korea|Korea|Singapore|India|Australia|New Zealand|South Africa|"
    "Russia|Saudi Arabia|United Arab Emirates|UAE|"
    "Qatar|Egypt|Thailand|Vietnam|Malaysia|Indonesia|Philippines|Chile|Colombia|Iceland|Estonia|Lithuania|Slovenia|"
    "Croatia|Romania|Bulgaria|Ukraine|Iran|Pakistan"
)
#: A country as a whole word ("Taiwan", not "Taiwanese"): ``match`` at a position, or ``fullmatch`` a name.
COUNTRY = re.compile(rf"(?:{COUNTRIES})(?![\w'’-])")
_STATES = (
    "Alabama|Arizona|California|Colorado|Connecticut|Delaware|Florida|Georgia|Illinois|Indiana|Maryland|"
    "Massachusetts|Michigan|Minnesota|Missouri|New Jersey|New York|North Carolina|Ohio|Oregon|Pennsylvania|"
    "Texas|Utah|Virginia|Washington|Wisconsin|Ontario|Quebec|Québec|British Columbia|Alberta|"
    "Ala|Ariz|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Md|Mass|Mich|Minn|Mo|N\\.J|N\\.Y|N\\.C|Ore|Pa|Tenn|Tex|Va|Wash|Wis|"
    "D\\.C|CA|CO|CT|FL|GA|IL|MA|MD|MI|MN|NC|NJ|NY|OH|PA|TX|UT|VA|WA|ON|QC|BC"
)
_PLACE_NEXT = re.compile(rf",\s+(?:{COUNTRIES}|(?:{_STATES})\.?)(?:-based)?(?![\w'’-])(?!\s+[A-Z])|,?\s+(?:{DATE_REGEX})")
_TRADEMARK = r"\s?(?:®|™|\((?:R|TM)\))"
_GENERIC_NAME = r"[a-z][a-z\-]{4,}"
_PRODUCT_NEXT = re.compile(rf"{_TRADEMARK}|\s\((?:{_GENERIC_NAME}(?: [a-z\-]+)?)\)")
#: "Cimzia®", "Zentrapine(R)", "VELTRENZA (velsotinib)": a trademark sign or a one-word generic name after a brand.
BRAND_MARK = re.compile(rf"{_TRADEMARK}|\s\({_GENERIC_NAME}\)")


def is_place_or_product(text: str, end: int) -> bool:
    """Whether the chunk ending at ``end`` of ``text`` is a place or a product by what follows it.

    Examples
    --------
    >>> [is_place_or_product(t, len(t.split()[0].rstrip(","))) for t in ("MECHELEN, Belgium, 12 February 2025",
    ...  "VELTRENZA (velsotinib) tablets", "Lonza, a CDMO", "Orbimed, Israel Biotech Fund and PMV")]
    [True, True, False, False]
    >>> is_place_or_product("Zentrapine(R) generated revenue", 10)
    True
    """
    follow = text[end:end + 40]
    if not follow or follow[0] not in ", ®™(\u00a0":
        return False
    return bool(_PLACE_NEXT.match(follow) or _PRODUCT_NEXT.match(follow))
