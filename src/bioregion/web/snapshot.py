"""What the pages need, computed once per store version from the :class:`~bioregion.ecosystem.Ecosystem`.

A :class:`Snapshot` holds list rows with their network metrics, flattened
relations with party names and terms, indexes by organisation, and the
overview figures, so a request only filters, sorts and renders. Slower views
(the map layout, the GEXF file) are computed on first use and kept until the
next write.

Network metrics: degree counts ties (a multigraph, one per relation and pair),
``partners`` counts distinct neighbours; PageRank (Brin & Page 1998) and the
communities (Louvain, Blondel et al. 2008) use the simple graph.

References
----------
Brin, S., Page, L. (1998). The anatomy of a large-scale hypertextual web search engine.
Blondel, V. et al. (2008). Fast unfolding of communities in large networks. J. Stat. Mech. P10008.
"""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from functools import cached_property
from typing import Any, Callable

from ..ecosystem import Ecosystem, relation_year
from ..queries import normalise_name, stats

__all__ = ["Snapshot", "term_text"]


def term_text(term: dict[str, Any]) -> str:
    """A deal term for people: ``upfront USD 300M``, ``royalty undisclosed``."""
    if not term["disclosed"] or term["amount"] is None:
        return f"{term['component']} undisclosed"
    amount = term["amount"]
    if term["currency"] == "%":
        return f"{term['component']} {amount:g}%"
    for scale, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if amount >= scale:
            return f"{term['component']} {term['currency']} {amount / scale:.4g}{suffix}"
    return f"{term['component']} {term['currency']} {amount:g}"


class Snapshot:
    """Precomputed views of one version of the ecosystem (read-only once built)."""

    def __init__(self, ecosystem: Ecosystem, version: int) -> None:
        self.eco = ecosystem
        self.version = version
        self.region_names = {r["id"]: r["name"] for r in ecosystem.rows("regions")}
        self.relations = self._flatten_relations()
        self.relation_index = {r["id"]: r for r in self.relations}
        self.relations_by_org: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for relation in self.relations:
            for org_id in dict.fromkeys(p["id"] for p in relation["parties"]):
                self.relations_by_org[org_id].append(relation)
        self.programs_by_org: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for program in ecosystem.rows("programs"):
            self.programs_by_org[program["organisation_id"]].append(program)
        self.orgs = self._org_rows()
        self.org_index = {o["id"]: o for o in self.orgs}
        self.years = sorted({r["year"] for r in self.relations if r["year"] is not None})
        self._lazy: dict[Any, Any] = {}
        self._lock = threading.RLock()

    # -- relations --------------------------------------------------------------------
    def _flatten_relations(self) -> list[dict[str, Any]]:
        orgs = self.eco.organisation_index
        terms: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for term in self.eco.rows("terms"):
            terms[term["relation_id"]].append(term)
        out = []
        for rel in self.eco.rows("relations"):
            parties = [{"id": p["organisation_id"], "name": orgs[p["organisation_id"]]["name"], "role": p["role"],
                        "region_id": orgs[p["organisation_id"]]["region_id"]}
                       for p in self.eco.parties_by_relation.get(rel["id"], [])]
            out.append({**rel, "date": rel["date_announced"], "year": relation_year(rel["date_announced"]),
                        "stage": rel["stage_at_signing"], "parties": parties,
                        "region_ids": sorted({p["region_id"] for p in parties if p["region_id"]}),
                        "terms": terms.get(rel["id"], []),
                        "terms_text": "; ".join(term_text(t) for t in terms.get(rel["id"], []))})
        out.sort(key=lambda r: (r["date"] is None, r["date"] or "", r["id"]))
        return out

    # -- organisations ----------------------------------------------------------------
    def _org_rows(self) -> list[dict[str, Any]]:
        graph = self.eco.graph()
        degree = graph.degree()
        simple = graph.copy()
        simple.simplify(multiple=True, loops=True)
        partners = simple.degree()
        pagerank = simple.pagerank() if simple.vcount() else []
        community = simple.community_multilevel().membership if simple.ecount() else [0] * simple.vcount()
        rows = []
        for i, org in enumerate(self.eco.rows("organisations")):
            rows.append({
                "id": org["id"], "name": org["name"], "kind": org["kind"], "sphere": graph.vs[i]["sphere"],
                "region_id": org["region_id"], "region": self.region_names.get(org["region_id"], org["region_id"]),
                "country": org["country"], "city": org["city"], "founded": org["founded"], "status": org["status"],
                "business_model": org["business_model"], "relations": len(self.relations_by_org.get(org["id"], ())),
                "partners": partners[i], "degree": degree[i], "pagerank": round(pagerank[i], 6),
                "community": community[i], "programs": len(self.programs_by_org.get(org["id"], ())),
                "search": " ".join(normalise_name(n) for n in [org["id"], org["name"], *org["aliases"]]),
            })
        self.graph = graph
        return rows

    # -- figures ----------------------------------------------------------------------
    @cached_property
    def overview(self) -> dict[str, Any]:
        """Key figures: table counts, organisations by region and kind, relations by year and type."""
        base = stats(self.eco)
        by_region_kind: dict[str, Counter] = defaultdict(Counter)
        for org in self.orgs:
            by_region_kind[org["region"] or "unknown"][org["kind"]] += 1
        regions = sorted(by_region_kind, key=lambda r: -sum(by_region_kind[r].values()))
        kinds = [k for k, _ in Counter(o["kind"] for o in self.orgs).most_common()]
        years = Counter(r["year"] for r in self.relations if r["year"] is not None)
        by_year_type: dict[int, Counter] = defaultdict(Counter)
        for r in self.relations:
            if r["year"] is not None:
                by_year_type[r["year"]][r["type"]] += 1
        return {
            "tables": base["tables"],
            "organisations_by_kind": base["organisations_by_kind"],
            "relations_by_type": base["relations_by_type"],
            "kinds": kinds,
            "by_region_kind": [{"region": r, "total": sum(by_region_kind[r].values()),
                                "kinds": {k: by_region_kind[r][k] for k in kinds}} for r in regions],
            "alliances_by_year": [{"year": y, "count": years[y], "by_type": dict(by_year_type[y])}
                                  for y in range(min(years), max(years) + 1)] if years else [],
            "undated_relations": sum(1 for r in self.relations if r["year"] is None),
        }

    def lazy(self, key: Any, build: Callable[[], Any]) -> Any:
        """A value computed once for this version (the map layout, the GEXF file ...)."""
        if key not in self._lazy:
            with self._lock:
                if key not in self._lazy:
                    self._lazy[key] = build()
        return self._lazy[key]
