"""Filtering, sorting and paging the organisation and relation lists of a :class:`Snapshot`.

Sorted orders and filter indexes are built once per snapshot (per sort key, per
filter column), so a request intersects precomputed sets and slices one page.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from ..queries import normalise_name
from .snapshot import Snapshot

__all__ = ["ORG_COLUMNS", "RELATION_COLUMNS", "Page", "list_organisations", "list_relations"]

#: Organisation list columns, all sortable (metrics sort largest first by default).
ORG_COLUMNS = ("name", "kind", "region", "country", "founded", "business_model", "relations", "partners",
               "degree", "pagerank", "programs", "community")
NUMERIC = {"relations", "partners", "degree", "pagerank", "programs", "community"}
RELATION_COLUMNS = ("date", "type", "stage", "status", "asset", "id")
MAX_PER_PAGE = 500


@dataclass
class Page:
    """One page of a filtered, sorted list."""

    items: list[dict[str, Any]]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        """Number of pages (at least 1)."""
        return max(1, -(-self.total // self.per_page))

    def as_dict(self, items: list[dict[str, Any]] | None = None) -> dict[str, Any]:
        """Items with the paging figures."""
        return {"total": self.total, "page": self.page, "per_page": self.per_page, "pages": self.pages,
                "items": self.items if items is None else items}


def _sort_key(column: str):
    if column in NUMERIC:
        return lambda row: (row[column] is None, row[column] or 0)
    return lambda row: (row[column] is None, str(row[column] or "").lower())


def _order(snap: Snapshot, table: str, rows: list[dict[str, Any]], column: str, descending: bool) -> list[int]:
    def build() -> list[int]:
        key = _sort_key(column)
        known = [i for i, r in enumerate(rows) if r[column] is not None]
        unknown = [i for i, r in enumerate(rows) if r[column] is None]
        known.sort(key=lambda i: key(rows[i]), reverse=descending)
        return known + unknown          # unknown values last in both directions

    return snap.lazy(("order", table, column, descending), build)


def _index(snap: Snapshot, table: str, rows: list[dict[str, Any]], column: str) -> dict[Any, set[int]]:
    def build() -> dict[Any, set[int]]:
        out: dict[Any, set[int]] = defaultdict(set)
        for i, row in enumerate(rows):
            values = row[column] if isinstance(row[column], list) else [row[column]]
            for value in values:
                out[value].add(i)
        return dict(out)

    return snap.lazy(("index", table, column), build)


def _paged(rows: list[dict[str, Any]], order: list[int], keep: set[int] | None, page: int, per_page: int) -> Page:
    per_page = max(1, min(per_page, MAX_PER_PAGE))
    chosen = order if keep is None else [i for i in order if i in keep]
    page = max(1, min(page, max(1, -(-len(chosen) // per_page))))
    start = (page - 1) * per_page
    return Page([rows[i] for i in chosen[start:start + per_page]], len(chosen), page, per_page)


def _cached(snap: Snapshot, key: tuple, build):
    """Results of recent queries, per snapshot (at most 512 kept)."""
    cache = snap.lazy("query_cache", dict)
    if key not in cache:
        if len(cache) >= 512:
            cache.pop(next(iter(cache)))
        cache[key] = build()
    return cache[key]


def _intersect(sets: list[set[int]]) -> set[int] | None:
    if not sets:
        return None
    sets.sort(key=len)
    out = set(sets[0])
    for other in sets[1:]:
        out &= other
    return out


def list_organisations(snap: Snapshot, *, q: str = "", kind: str = "", region: str = "", business_model: str = "",
                       sort: str = "name", order: str = "", page: int = 1, per_page: int = 50) -> Page:
    """Organisations matching the filters, sorted by any column of :data:`ORG_COLUMNS`."""
    rows = snap.orgs
    sort = sort if sort in ORG_COLUMNS else "name"
    descending = order == "desc" or (order != "asc" and sort in NUMERIC)
    key = ("orgs", q.strip(), kind, region, business_model, sort, descending)
    chosen = _cached(snap, key, lambda: _filtered_orgs(snap, q, kind, region, business_model, sort, descending))
    return _paged(rows, chosen, None, page, per_page)


def _filtered_orgs(snap: Snapshot, q: str, kind: str, region: str, business_model: str, sort: str,
                   descending: bool) -> list[int]:
    rows = snap.orgs
    sets = [_index(snap, "orgs", rows, col).get(value or None, set())
            for col, value in (("kind", kind), ("region_id", region), ("business_model", business_model)) if value]
    if q.strip():
        needle = normalise_name(q)
        sets.append({i for i, r in enumerate(rows) if needle in r["search"]})
    order, keep = _order(snap, "orgs", rows, sort, descending), _intersect(sets)
    return order if keep is None else [i for i in order if i in keep]


def list_relations(snap: Snapshot, *, type: str = "", year: int | None = None, year_from: int | None = None,
                   year_to: int | None = None, stage: str = "", region: str = "", org: str = "", q: str = "",
                   sort: str = "date", order: str = "", page: int = 1, per_page: int = 50) -> Page:
    """Relations matching the filters (a region matches when any party is based there)."""
    rows = snap.relations
    sort = sort if sort in RELATION_COLUMNS else "date"
    descending = order == "desc"
    if year is not None:
        year_from = year_to = year
    key = ("relations", type, year_from, year_to, stage, region, org, q.strip(), sort, descending)
    chosen = _cached(snap, key, lambda: _filtered_relations(snap, type, year_from, year_to, stage, region, org, q,
                                                            sort, descending))
    return _paged(rows, chosen, None, page, per_page)


def _filtered_relations(snap: Snapshot, type: str, year_from: int | None, year_to: int | None, stage: str,
                        region: str, org: str, q: str, sort: str, descending: bool) -> list[int]:
    rows = snap.relations
    sets = [_index(snap, "relations", rows, col).get(value, set())
            for col, value in (("type", type), ("stage", stage), ("region_ids", region)) if value]
    if year_from is not None or year_to is not None:
        lo, hi = year_from or -10**6, year_to or 10**6
        years = _index(snap, "relations", rows, "year")
        sets.append(set().union(*(ids for y, ids in years.items() if y is not None and lo <= y <= hi)))
    if org:
        positions = snap.lazy("relation_positions", lambda: {r["id"]: i for i, r in enumerate(rows)})
        sets.append({positions[r["id"]] for r in snap.relations_by_org.get(org, [])})
    if q.strip():
        needle = normalise_name(q)
        sets.append({i for i, text in enumerate(_relation_texts(snap)) if needle in text})
    order, keep = _order(snap, "relations", rows, sort, descending), _intersect(sets)
    return order if keep is None else [i for i in order if i in keep]


def _relation_texts(snap: Snapshot) -> list[str]:
    def build() -> list[str]:
        fields = ("asset", "therapeutic_area", "notes")
        return [" ".join(normalise_name(v) for v in [*(r[f] for f in fields), *(p["name"] for p in r["parties"])] if v)
                for r in snap.relations]

    return snap.lazy(("search", "relations"), build)
