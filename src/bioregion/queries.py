"""Questions every front end asks of an ecosystem: find, search, profile, count.

The CLI, the report and the dashboard call these, so the answers agree.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter, defaultdict
from typing import Any

from .ecosystem import Ecosystem, relation_year
from .errors import NotFoundError

__all__ = ["normalise_name", "find_organisation", "search", "organisation_profile", "stats", "partners_of"]

_LEGAL = re.compile(
    r"\b(n\.?v\.?|s\.?a\.?|b\.?v\.?|inc\.?|ltd\.?|plc|ag|gmbh|s\.?p\.?a\.?|corp\.?|co\.?|llc|sas|srl|ab|a/s)$"
)


def normalise_name(name: str) -> str:
    """Fold a name for matching: accents, case, punctuation and a trailing legal form.

    Examples
    --------
    >>> normalise_name("Galàpagos NV")
    'galapagos'
    """
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z0-9&/ .-]+", " ", text).strip(" .,-")
    previous = None
    while previous != text:
        previous, text = text, _LEGAL.sub("", text).strip(" .,-")
    return re.sub(r"\s+", " ", text)


def find_organisation(ecosystem: Ecosystem, text: str) -> dict[str, Any]:
    """The organisation whose id, name or alias matches ``text`` (accent- and case-blind).

    Raises
    ------
    NotFoundError
        With the closest names, when nothing or several organisations match.
    """
    orgs = ecosystem.rows("organisations")
    if text in ecosystem.organisation_index:
        return ecosystem.organisation_index[text]
    wanted = normalise_name(text)
    exact = [o for o in orgs if wanted in {normalise_name(n) for n in [o["name"], *o["aliases"]]}]
    if len(exact) == 1:
        return exact[0]
    partial = exact or [o for o in orgs if wanted and wanted in normalise_name(o["name"])]
    if len(partial) == 1:
        return partial[0]
    if partial:
        names = ", ".join(f"{o['name']} ({o['id']})" for o in partial[:5])
        raise NotFoundError(f"'{text}' matches several organisations: {names}; give the id")
    close = difflib.get_close_matches(wanted, [normalise_name(o["name"]) for o in orgs], n=3, cutoff=0.6)
    hint = f" (closest: {', '.join(close)})" if close else ""
    raise NotFoundError(f"no organisation '{text}' in {ecosystem.name}{hint}; 'bioregion search' finds names")


def search(ecosystem: Ecosystem, text: str) -> list[dict[str, str]]:
    """Rows of any table whose names, aliases, platforms, areas, assets or notes contain ``text``."""
    needle = normalise_name(text)
    hits: list[dict[str, str]] = []
    fields = {
        "organisations": ("name", "aliases", "technology_platforms", "therapeutic_areas", "city", "notes"),
        "programs": ("name", "indication", "therapeutic_area", "modality"),
        "relations": ("asset", "therapeutic_area", "notes"),
        "policies": ("name", "notes"),
        "regions": ("name",),
    }
    for table, names in fields.items():
        for row in ecosystem.rows(table):
            for name in names:
                values = row[name] if isinstance(row[name], list) else [row[name]]
                match = next((v for v in values if v and needle in normalise_name(v)), None)
                if match:
                    hits.append({"table": table, "id": row["id"], "field": name, "match": match,
                                 "label": row.get("name") or row.get("type") or row["id"]})
                    break
    return hits


def partners_of(ecosystem: Ecosystem, organisation_id: str) -> list[dict[str, Any]]:
    """Each relation of an organisation with its role and counterparts, oldest first."""
    relations = {r["id"]: r for r in ecosystem.rows("relations")}
    out = []
    for relation_id, parties in ecosystem.parties_by_relation.items():
        own = [p["role"] for p in parties if p["organisation_id"] == organisation_id]
        if not own:
            continue
        relation = relations[relation_id]
        others = [p for p in parties if p["organisation_id"] != organisation_id]
        out.append({
            "relation_id": relation_id, "type": relation["type"], "date": relation["date_announced"],
            "role": own[0], "status": relation["status"], "asset": relation["asset"],
            "partners": [{"id": p["organisation_id"], "name": ecosystem.organisation_index[p["organisation_id"]]["name"],
                          "role": p["role"]} for p in others],
        })
    return sorted(out, key=lambda r: (r["date"] is None, r["date"] or "", r["relation_id"]))


def organisation_profile(ecosystem: Ecosystem, text: str) -> dict[str, Any]:
    """An organisation with its programs, partners by relation type and dated timeline."""
    org = find_organisation(ecosystem, text)
    relations = partners_of(ecosystem, org["id"])
    by_type: dict[str, list[str]] = defaultdict(list)
    for relation in relations:
        for partner in relation["partners"]:
            if partner["name"] not in by_type[relation["type"]]:
                by_type[relation["type"]].append(partner["name"])
    programs = [p for p in ecosystem.rows("programs") if p["organisation_id"] == org["id"]]
    regions = {r["id"]: r["name"] for r in ecosystem.rows("regions")}
    return {
        "organisation": {**org, "sphere": ecosystem.sphere(org["id"]),
                         "region": regions.get(org["region_id"], org["region_id"])},
        "programs": programs,
        "partners_by_type": dict(sorted(by_type.items())),
        "relations": relations,
        "timeline": [r for r in relations if r["date"]],
    }


def stats(ecosystem: Ecosystem) -> dict[str, Any]:
    """Counts by organisation kind, region, relation type and year."""
    orgs = ecosystem.rows("organisations")
    regions = {r["id"]: r["name"] for r in ecosystem.rows("regions")}
    years = Counter(relation_year(r["date_announced"]) for r in ecosystem.rows("relations"))
    unknown = years.pop(None, 0)
    return {
        "ecosystem": ecosystem.name,
        "tables": ecosystem.counts(),
        "organisations_by_kind": dict(Counter(o["kind"] for o in orgs).most_common()),
        "organisations_by_region": dict(Counter(regions.get(o["region_id"], o["region_id"] or "unknown")
                                                for o in orgs).most_common()),
        "relations_by_type": dict(Counter(r["type"] for r in ecosystem.rows("relations")).most_common()),
        "relations_by_year": {str(y): n for y, n in sorted(years.items())} | ({"unknown": unknown} if unknown else {}),
    }
