"""The alliance portfolio of one organisation: types, stages, partners, diversity, exploration, deal values.

Exploration and exploitation (Rothaermel & Deeds 2004) are read from the
stage of the asset at signing and the relation type:

* ``exploration``: an alliance signed at ``discovery``, ``preclinical`` or
  ``platform`` stage, or an ``rd_collaboration`` or ``consortium`` with no
  stage given (upstream research);
* ``exploitation``: an alliance signed at ``phase1`` or later (clinical
  development, filing, approval, marketing), or any ``marketing_distribution``
  (downstream commercialisation);
* ``unknown``: an alliance with no stage and no telling type (e.g. a licence
  of unknown stage).

Alliances are the relation types ``rd_collaboration``, ``co_development``,
``joint_venture``, ``consortium``, ``license``, ``contract_services`` and
``marketing_distribution``; the other relations (equity, rounds, grants,
acquisitions ...) appear in the timeline only.

References
----------
.. [1] Rothaermel, F. T., & Deeds, D. L. (2004). Exploration and exploitation
   alliances in biotechnology: a system of new product development.
   *Strategic Management Journal* 25(3), 201-221.
.. [2] Blau, P. M. (1977). *Inequality and Heterogeneity: A Primitive Theory
   of Social Structure*. Free Press.
.. [3] Hagedoorn, J. (2002). Inter-firm R&D partnerships: an overview of
   major trends and patterns since 1960. *Research Policy* 31(4), 477-492.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, Iterable, Mapping

from ..ecosystem import Ecosystem
from ..queries import find_organisation, partners_of

__all__ = ["ALLIANCE_TYPES", "blau_index", "alliance_orientation", "portfolio"]

ALLIANCE_TYPES = ("rd_collaboration", "co_development", "joint_venture", "consortium", "license",
                  "contract_services", "marketing_distribution")

_EXPLORATION_STAGES = ("discovery", "preclinical", "platform")
_EXPLOITATION_STAGES = ("phase1", "phase2", "phase3", "filed", "approved", "marketed")


def blau_index(counts: Mapping[Any, float] | Iterable[Any]) -> float | None:
    """Blau's heterogeneity index ``1 - sum(p_k ** 2)`` over categories.

    Parameters
    ----------
    counts : mapping or iterable
        Category -> count, or the category of each item.

    Returns
    -------
    float or None
        0 when every item is in one category, approaching ``1 - 1/K`` for an
        even spread over K categories; ``None`` for no items.

    Examples
    --------
    >>> blau_index({"big_pharma": 2, "university": 1, "biotech": 1})
    0.625

    References
    ----------
    Blau (1977).
    """
    values = list(counts.values()) if isinstance(counts, Mapping) else list(Counter(counts).values())
    total = float(sum(values))
    if total <= 0:
        return None
    return 1.0 - sum((v / total) ** 2 for v in values)


def alliance_orientation(relation_type: str, stage: str | None) -> str | None:
    """``exploration``, ``exploitation`` or ``unknown`` for an alliance; ``None`` for other relations.

    Examples
    --------
    >>> alliance_orientation("license", "phase2"), alliance_orientation("rd_collaboration", None)
    ('exploitation', 'exploration')

    References
    ----------
    Rothaermel & Deeds (2004).
    """
    if relation_type not in ALLIANCE_TYPES:
        return None
    if stage in _EXPLORATION_STAGES:
        return "exploration"
    if stage in _EXPLOITATION_STAGES or relation_type == "marketing_distribution":
        return "exploitation"
    if relation_type in ("rd_collaboration", "consortium") and stage in (None, "unknown"):
        return "exploration"
    return "unknown"


def _deal_totals(ecosystem: Ecosystem, relation_ids: set[str]) -> dict[str, Any]:
    totals: dict[str, float] = defaultdict(float)
    disclosed = undisclosed = 0
    for term in ecosystem.rows("terms"):
        if term["relation_id"] not in relation_ids or term["currency"] == "%":
            continue
        if term["disclosed"] and term["amount"] is not None:
            totals[term["currency"]] += term["amount"]
            disclosed += 1
        else:
            undisclosed += 1
    return {"by_currency": dict(sorted(totals.items())), "disclosed_terms": disclosed,
            "undisclosed_terms": undisclosed}


def portfolio(ecosystem: Ecosystem, organisation: str) -> dict[str, Any]:
    """The alliance portfolio of an organisation.

    Parameters
    ----------
    ecosystem : Ecosystem
    organisation : str
        Id, name or alias (see :func:`bioregion.queries.find_organisation`).

    Returns
    -------
    dict
        ``organisation``; ``alliances`` (one row per alliance: date, type, role,
        stage, orientation, partners with kind and home region/country);
        counts ``by_type``, ``by_stage``, ``by_partner_kind``, ``by_partner_region``,
        ``by_partner_country``, ``by_orientation``; ``blau_partner_kind`` and
        ``blau_partner_country`` (Blau 1977); ``share_big_pharma`` (alliances with
        a big pharma partner); ``deal_values`` (sums of disclosed terms per
        currency, royalty rates left out); ``timeline`` (every relation, dated first).

    References
    ----------
    Rothaermel & Deeds (2004); Blau (1977); Hagedoorn (2002).
    """
    org = find_organisation(ecosystem, organisation)
    relations = {r["id"]: r for r in ecosystem.rows("relations")}
    timeline = partners_of(ecosystem, org["id"])
    alliances = [_alliance_row(ecosystem, relations[r["relation_id"]], r) for r in timeline
                 if r["type"] in ALLIANCE_TYPES]
    partner_rows = [p for a in alliances for p in a["partners"]]
    count = lambda key: dict(Counter(p[key] or "unknown" for p in partner_rows).most_common())  # noqa: E731
    n = len(alliances)
    return {
        "organisation": {"id": org["id"], "name": org["name"], "kind": org["kind"]},
        "alliances": alliances,
        "n_alliances": n,
        "by_type": dict(Counter(a["type"] for a in alliances).most_common()),
        "by_stage": dict(Counter(a["stage_at_signing"] or "unknown" for a in alliances).most_common()),
        "by_orientation": dict(Counter(a["orientation"] for a in alliances).most_common()),
        "by_partner_kind": count("kind"),
        "by_partner_region": count("region_id"),
        "by_partner_country": count("country"),
        "blau_partner_kind": blau_index([p["kind"] for p in partner_rows]),
        "blau_partner_country": blau_index([p["country"] or "unknown" for p in partner_rows]),
        "share_big_pharma": (sum(any(p["kind"] == "big_pharma" for p in a["partners"]) for a in alliances) / n
                             if n else None),
        "deal_values": _deal_totals(ecosystem, {a["relation_id"] for a in alliances}),
        "timeline": [{k: r[k] for k in ("date", "type", "role", "relation_id", "asset")}
                     | {"partners": [p["name"] for p in r["partners"]]} for r in timeline],
    }


def _alliance_row(ecosystem: Ecosystem, relation: dict[str, Any], entry: dict[str, Any]) -> dict[str, Any]:
    partners = []
    for partner in entry["partners"]:
        row = ecosystem.organisation_index[partner["id"]]
        partners.append({"id": row["id"], "name": row["name"], "role": partner["role"], "kind": row["kind"],
                         "region_id": row["region_id"], "country": row["country"]})
    return {"relation_id": relation["id"], "date": relation["date_announced"], "type": relation["type"],
            "role": entry["role"], "stage_at_signing": relation["stage_at_signing"], "asset": relation["asset"],
            "orientation": alliance_orientation(relation["type"], relation["stage_at_signing"]),
            "partners": partners}
