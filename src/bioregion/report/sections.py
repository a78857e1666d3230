"""The default sections of the ecosystem report, one builder per section.

Each builder takes an ecosystem and returns a :class:`~.section.Section` (or
``None`` when there is nothing to show). All numbers are counted from the
ecosystem's rows at build time.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from ..ecosystem import Ecosystem, relation_year
from .figures import KIND_COLOURS, TYPE_COLOURS, bar_chart, stacked_bars
from .geography import ABROAD, UNKNOWN, Geography
from .network_figure import network_picture
from .portfolio import ALLIANCE_TYPES, DEAL_TYPES, portfolio_rows
from .section import Section, render

__all__ = [
    "glance_section", "network_section", "portfolio_section", "timeline_section", "countries_section",
    "NETWORK_SEED",
]

#: Seed of the network layout (stated in the report).
NETWORK_SEED = 2017


def glance_section(ecosystem: Ecosystem) -> Section:
    """Key figures and organisation counts by kind and region group."""
    geo = Geography(ecosystem)
    orgs = ecosystem.rows("organisations")
    groups = geo.groups()
    cross: dict[str, Counter[str]] = defaultdict(Counter)
    for org in orgs:
        cross[org["kind"]][geo.group(org["id"])] += 1
    kinds = sorted(cross, key=lambda k: (-sum(cross[k].values()), k))
    by_group = Counter(geo.group(o["id"]) for o in orgs)
    html = render(
        "glance.html.j2", figures=_key_figures(ecosystem, geo), groups=groups, kinds=kinds, cross=cross,
        by_group=by_group, total=len(orgs), home=geo.home_name,
        kind_chart=bar_chart({k: sum(cross[k].values()) for k in kinds}, "Organisations by kind", KIND_COLOURS),
        group_chart=bar_chart(dict(by_group), "Organisations by region"),
    )
    return Section("The ecosystem at a glance", html, id="glance")


def _key_figures(ecosystem: Ecosystem, geo: Geography) -> list[dict[str, Any]]:
    orgs = ecosystem.rows("organisations")
    relations = ecosystem.rows("relations")
    years = sorted(y for y in (relation_year(r["date_announced"]) for r in relations) if y)
    home = [o for o in orgs if geo.is_home(o["id"])]
    partners = _alliance_partners(ecosystem, geo)
    known = [c for c in partners.values() if c]
    abroad = sum(1 for c in known if c != geo.home)
    return [
        {"label": "organisations", "value": len(orgs), "note": f"{len(home)} in {geo.home_name}"},
        {"label": "new biotech firms", "value": sum(1 for o in home if o["kind"] == "new_biotech_firm"),
         "note": f"in {geo.home_name}"},
        {"label": "relations", "value": len(relations),
         "note": f"{years[0]}\u2013{years[-1]}" if years else "no dated relation"},
        {"label": "alliances", "value": sum(1 for r in relations if r["type"] in ALLIANCE_TYPES),
         "note": f"{sum(1 for r in relations if r['type'] in DEAL_TYPES)} acquisitions and mergers"},
        {"label": "alliance partners abroad", "value": f"{100 * abroad / len(known):.0f} %" if known else "n/a",
         "note": f"{abroad} of {len(known)} partners"},
        {"label": "pipeline programs", "value": len(ecosystem.rows("programs")), "note": ""},
        {"label": "sources", "value": len(ecosystem.rows("sources")),
         "note": f"{len(ecosystem.rows('evidence'))} evidence rows"},
    ]


def network_section(ecosystem: Ecosystem) -> Section:
    """The organisation network, coloured by kind and shaped by region group."""
    geo = Geography(ecosystem)
    picture = network_picture(ecosystem, geo, seed=NETWORK_SEED)
    graph = ecosystem.graph()
    names = graph.vs["name"]
    ties = Counter()
    partners: dict[str, set[str]] = defaultdict(set)
    for edge in graph.es:
        a, b = names[edge.source], names[edge.target]
        ties[a] += 1
        ties[b] += 1
        partners[a].add(b)
        partners[b].add(a)
    index = ecosystem.organisation_index
    top = sorted(partners, key=lambda o: (-len(partners[o]), -ties[o], index[o]["name"]))[:12]
    hubs = [{"name": index[o]["name"], "kind": index[o]["kind"], "place": geo.place(o),
             "partners": len(partners[o]), "ties": ties[o]} for o in top]
    html = render("network.html.j2", picture=picture, hubs=hubs, seed=NETWORK_SEED)
    return Section("The network of organisations", html, id="network")


def portfolio_section(ecosystem: Ecosystem) -> Section | None:
    """The Table-3-style alliance portfolio of the home firms."""
    rows = portfolio_rows(ecosystem)
    if not rows:
        return None
    blocks = {block: [r for r in rows if r.block == block] for block in ("new_biotech_firms", "pharma")}
    html = render("portfolio.html.j2", blocks=blocks, home=Geography(ecosystem).home_name,
                  alliance_types=ALLIANCE_TYPES, deal_types=DEAL_TYPES)
    return Section("Alliance portfolios of the home firms", html, id="portfolio", landscape=True)


def timeline_section(ecosystem: Ecosystem) -> Section | None:
    """Alliances, acquisitions and mergers per year and type; undated ones counted apart."""
    relations = ecosystem.rows("relations")
    if not relations:
        return None
    charted = ALLIANCE_TYPES + DEAL_TYPES
    dated = [(relation_year(r["date_announced"]), r["type"]) for r in relations if r["date_announced"]]
    years = [y for y, t in dated if t in charted]
    span = list(range(min(years), max(years) + 1)) if years else []
    counts = Counter((y, t) for y, t in dated)
    present = [t for t in charted if any(counts[(y, t)] for y in span)]
    series = {t: [counts[(y, t)] for y in span] for t in present}
    by_type = _type_table(relations, charted)
    undated = sum(row["undated"] for row in by_type if row["charted"])
    chart = stacked_bars(span, series, "Alliances and deals per year", TYPE_COLOURS) if span else None
    html = render("timeline.html.j2", chart=chart, by_type=by_type, undated=undated,
                  charted_total=sum(row["total"] for row in by_type if row["charted"]), span=span)
    return Section("Alliances over time", html, id="timeline")


def _type_table(relations: list[dict[str, Any]], charted: tuple[str, ...]) -> list[dict[str, Any]]:
    rows = []
    for kind in sorted({r["type"] for r in relations}, key=lambda t: (t not in charted, t)):
        own = [r for r in relations if r["type"] == kind]
        years = sorted(relation_year(r["date_announced"]) for r in own if r["date_announced"])
        rows.append({"type": kind, "total": len(own), "dated": len(years), "undated": len(own) - len(years),
                     "first": years[0] if years else None, "last": years[-1] if years else None,
                     "charted": kind in charted})
    return rows


def _alliance_partners(ecosystem: Ecosystem, geo: Geography) -> dict[str, str | None]:
    """Partners (id -> country) of the home organisations in alliance-type relations.

    A partner is any other party of an alliance with a home organisation; home
    organisations allied with each other count as partners from the home country.
    """
    types = {r["id"]: r["type"] for r in ecosystem.rows("relations")}
    out: dict[str, str | None] = {}
    for relation_id, parties in ecosystem.parties_by_relation.items():
        if types[relation_id] not in ALLIANCE_TYPES:
            continue
        ids = {p["organisation_id"] for p in parties}
        homes = {o for o in ids if geo.is_home(o)}
        for other in ids:
            if homes - {other}:
                out[other] = geo.country(other)
    return out


def countries_section(ecosystem: Ecosystem) -> Section | None:
    """Home countries of the alliance partners of the home organisations."""
    geo = Geography(ecosystem)
    partners = _alliance_partners(ecosystem, geo)
    if not partners:
        return None
    counts = Counter(geo.country_name(c) if c else UNKNOWN for c in partners.values())
    known = sum(n for name, n in counts.items() if name != UNKNOWN)
    home = counts.get(geo.home_name, 0)
    rows = [{"country": name, "partners": n, "share": n / known if known and name != UNKNOWN else None,
             "home": name == geo.home_name,
             "examples": sorted(ecosystem.organisation_index[o]["name"] for o, c in partners.items()
                                if (geo.country_name(c) if c else UNKNOWN) == name)[:4]}
            for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    chart = bar_chart(dict(counts.most_common(14)), "Alliance partners by home country")
    html = render("countries.html.j2", rows=rows, chart=chart, known=known, home=geo.home_name,
                  home_count=home, abroad=known - home, unknown=counts.get(UNKNOWN, 0), abroad_label=ABROAD)
    return Section("Where the partners come from", html, id="countries")
