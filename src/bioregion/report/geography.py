"""Where organisations are: the home country, its regions, and abroad.

A bioRegion report groups organisations the way Segers (2017) does for
Belgium: by the region of the home country they sit in (Flanders, Wallonia,
Brussels) or ``Abroad``. Everything here is read from the ``regions`` table
and the organisations' ``region_id`` and ``country``; nothing is assumed
about a particular country.

References
----------
Eurostat (2016). *NUTS - Nomenclature of territorial units for statistics*.
Segers, J.-P. (2017). *The interplay of regional systems of innovation,
strategic alliances and open innovation: new biotechnology firms in the
bioRegions of Flanders & Wallonia (Belgium)*, Table 3.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Mapping

from ..ecosystem import Ecosystem

__all__ = ["Geography", "ABROAD", "UNKNOWN", "short_name"]

ABROAD = "Abroad"
UNKNOWN = "Unknown"


def short_name(name: str) -> str:
    """The common name of a region written ``Official name (common name)``.

    >>> short_name("Flemish Region (Flanders)")
    'Flanders'
    """
    if name.endswith(")") and "(" in name:
        inner = name[name.rindex("(") + 1:-1].strip()
        return inner or name
    return name


class Geography:
    """The home country of an ecosystem and the region group of each organisation.

    Parameters
    ----------
    ecosystem : Ecosystem
        The ecosystem to place.
    home : str, optional
        ISO 3166-1 alpha-2 code of the home country. By default, the country
        holding most new biotech firms (else most organisations).

    Examples
    --------
    >>> eco = Ecosystem.from_records({
    ...     "regions": [{"id": "BE", "name": "Belgium", "level": 0, "country": "BE"},
    ...                 {"id": "BE2", "name": "Flanders", "parent_id": "BE", "level": 1, "country": "BE"}],
    ...     "organisations": [
    ...         {"id": "a", "name": "A", "kind": "new_biotech_firm", "region_id": "BE2"},
    ...         {"id": "b", "name": "B", "kind": "big_pharma", "country": "US"}]})
    >>> geo = Geography(eco)
    >>> geo.home, geo.group("a"), geo.group("b")
    ('BE', 'Flanders', 'Abroad')
    """

    def __init__(self, ecosystem: Ecosystem, home: str | None = None) -> None:
        self._eco = ecosystem
        self._regions: dict[str, Mapping[str, Any]] = {r["id"]: r for r in ecosystem.rows("regions")}
        self.home = home or self._guess_home()

    # -- countries --------------------------------------------------------------------
    def country(self, organisation_id: str) -> str | None:
        """The organisation's country: its own ``country``, else its region's."""
        org = self._eco.organisation_index[organisation_id]
        if org["country"]:
            return org["country"]
        region = self._regions.get(org["region_id"] or "")
        return self._region_country(region) if region else None

    def country_name(self, code: str | None) -> str:
        """A country's name from the ``regions`` table (a level-0 region), else its code."""
        if not code:
            return UNKNOWN
        for region in self._regions.values():
            if region["level"] == 0 and code in (region["country"], region["id"]):
                return region["name"]
        return code

    @property
    def home_name(self) -> str:
        """The home country's name."""
        return self.country_name(self.home)

    def is_home(self, organisation_id: str) -> bool:
        """True when the organisation sits in the home country."""
        return self.home is not None and self.country(organisation_id) == self.home

    # -- region groups ----------------------------------------------------------------
    def group(self, organisation_id: str) -> str:
        """The region group: a first-level region of the home country, ``Abroad`` or ``Unknown``."""
        country = self.country(organisation_id)
        if country is None:
            return UNKNOWN
        if country != self.home:
            return ABROAD
        region = self._top_region(self._eco.organisation_index[organisation_id]["region_id"])
        return short_name(region["name"]) if region else f"{self.home_name} (no region)"

    def groups(self) -> list[str]:
        """Region groups present, home regions first (most organisations first), then Abroad, Unknown."""
        counts = Counter(self.group(org_id) for org_id in self._eco.organisation_index)
        home = [g for g, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if g not in (ABROAD, UNKNOWN)]
        return home + [g for g in (ABROAD, UNKNOWN) if g in counts]

    def place(self, organisation_id: str) -> str:
        """Region group (or country abroad) with the city, e.g. ``Flanders (Leuven)``."""
        org = self._eco.organisation_index[organisation_id]
        where = self.group(organisation_id)
        if where == ABROAD:
            where = self.country_name(self.country(organisation_id))
        return f"{where} ({org['city']})" if org["city"] else where

    # -- helpers ----------------------------------------------------------------------
    def _guess_home(self) -> str | None:
        orgs = self._eco.rows("organisations")
        for pool in ([o for o in orgs if o["kind"] == "new_biotech_firm"], orgs):
            counts = Counter(c for c in (self.country(o["id"]) for o in pool) if c)
            if counts:
                return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        return None

    def _region_country(self, region: Mapping[str, Any]) -> str | None:
        for step in self._ancestry(region):
            if step["country"]:
                return step["country"]
        return None

    def _top_region(self, region_id: str | None) -> Mapping[str, Any] | None:
        """The first-level ancestor (below the country) of a region, or the region itself."""
        region = self._regions.get(region_id or "")
        if region is None:
            return None
        chain = [r for r in self._ancestry(region) if r["level"] != 0]
        if not chain:
            return None
        levelled = [r for r in chain if r["level"] is not None and r["level"] >= 1]
        return min(levelled, key=lambda r: r["level"]) if levelled else chain[-1]

    def _ancestry(self, region: Mapping[str, Any]) -> list[Mapping[str, Any]]:
        chain, seen = [region], {region["id"]}
        while chain[-1]["parent_id"] in self._regions and chain[-1]["parent_id"] not in seen:
            chain.append(self._regions[chain[-1]["parent_id"]])
            seen.add(chain[-1]["id"])
        return chain
