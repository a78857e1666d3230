"""The dashboard pages, each with its ``.json`` twin (same data, no markup)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import RedirectResponse, Response

from ..taxonomy import BUSINESS_MODELS, ORGANISATION_KINDS, RELATION_TYPES, STAGES
from .auth import reader
from .changes import get_change, list_changes
from .listing import ORG_COLUMNS, RELATION_COLUMNS, list_organisations, list_relations
from .network import SIZE_METRICS, gexf_bytes, map_data, map_script_json
from .palette import map_palette
from .profile import organisation_profile
from .region_analysis import BROKER_ROLES
from .regions import compare_regions, region_choices

__all__ = ["router"]

router = APIRouter(dependencies=[Depends(reader)])


def snapshot(request: Request):
    """The current snapshot of the served store."""
    return request.app.state.store_state.snapshot()


@router.get("/", include_in_schema=False)
async def home() -> Response:
    return RedirectResponse("/overview", status_code=307)


def _twin(path: str, template: str, cached: bool = False):
    from .render import twin

    return twin(router, path, template, cached)


@_twin("/overview", "overview.html", cached=True)
async def overview(request: Request) -> dict[str, Any]:
    snap = snapshot(request)
    return {"data": snap.overview, "title": "Overview"}


@_twin("/orgs", "orgs.html", cached=True)
async def organisations(request: Request, q: str = "", kind: str = "", region: str = "", business_model: str = "",
                        sort: str = "name", order: str = "", page: int = Query(1, ge=1),
                        per_page: int = Query(50, ge=1, le=500)) -> dict[str, Any]:
    snap = snapshot(request)
    result = list_organisations(snap, q=q, kind=kind, region=region, business_model=business_model, sort=sort,
                                order=order, page=page, per_page=per_page)
    items = [{k: v for k, v in row.items() if k != "search"} for row in result.items]
    return {"data": result.as_dict(items), "title": "Organisations", "columns": ORG_COLUMNS,
            "kinds": list(ORGANISATION_KINDS), "regions": region_choices(snap), "business_models": BUSINESS_MODELS,
            "filters": {"q": q, "kind": kind, "region": region, "business_model": business_model},
            "sort": sort, "order": order}


@_twin("/orgs/{org_id}", "org.html", cached=True)
async def organisation(request: Request, org_id: str) -> dict[str, Any]:
    data = organisation_profile(snapshot(request), org_id)
    return {"data": data, "title": data["organisation"]["name"]}


@_twin("/relations", "relations.html", cached=True)
async def relations(request: Request, type: str = "", year: int | None = None, year_from: int | None = None,
                    year_to: int | None = None, stage: str = "", region: str = "", org: str = "", q: str = "",
                    sort: str = "date", order: str = "", page: int = Query(1, ge=1),
                    per_page: int = Query(50, ge=1, le=500)) -> dict[str, Any]:
    snap = snapshot(request)
    result = list_relations(snap, type=type, year=year, year_from=year_from, year_to=year_to, stage=stage,
                            region=region, org=org, q=q, sort=sort, order=order, page=page, per_page=per_page)
    return {"data": result.as_dict(), "title": "Relations", "columns": RELATION_COLUMNS, "types": list(RELATION_TYPES),
            "stages": STAGES, "regions": region_choices(snap), "years": snap.years,
            "filters": {"type": type, "year_from": year_from or year, "year_to": year_to or year, "stage": stage,
                        "region": region, "org": org, "q": q}}


@_twin("/relations/{relation_id}", "relation.html", cached=True)
async def relation(request: Request, relation_id: str) -> dict[str, Any]:
    from ..errors import NotFoundError
    from .profile import _evidence

    snap = snapshot(request)
    row = snap.relation_index.get(relation_id)
    if row is None:
        raise NotFoundError(f"no relation '{relation_id}'; browse /relations")
    return {"data": {**row, "evidence": _evidence(snap, "relations", relation_id)}, "title": f"Relation {relation_id}"}


@_twin("/map", "map.html", cached=True)
async def network_map(request: Request, limit: int = Query(2000, ge=1, le=5000), types: str = "") -> dict[str, Any]:
    snap = snapshot(request)
    chosen = [t for t in types.split(",") if t]
    data = {**map_data(snap, limit=limit, types=chosen), "palette": map_palette()}
    return {"data": data, "data_json": map_script_json(snap, data, limit=limit, types=chosen), "title": "Network map",
            "limit": limit, "types": types, "all_types": list(RELATION_TYPES), "size_metrics": SIZE_METRICS}


@router.get("/map.gexf", include_in_schema=False)
async def network_gexf(request: Request) -> Response:
    return Response(gexf_bytes(snapshot(request)), media_type="application/xml",
                    headers={"Content-Disposition": 'attachment; filename="network.gexf"'})


@_twin("/regions", "regions.html", cached=True)
async def regions(request: Request, ids: list[str] = Query(default=[], alias="region")) -> dict[str, Any]:
    snap = snapshot(request)
    return {"data": compare_regions(snap, ids), "title": "Regions", "choices": region_choices(snap),
            "broker_roles": BROKER_ROLES}


@_twin("/changes", "changes.html")
async def changes(request: Request, page: int = Query(1, ge=1)) -> dict[str, Any]:
    with request.app.state.store_state.engine.connect() as conn:
        items = list_changes(conn, limit=50, offset=(page - 1) * 50)
    return {"data": {"page": page, "items": items}, "title": "Changes"}


@_twin("/changes/{change_id}", "change.html")
async def change(request: Request, change_id: int) -> dict[str, Any]:
    with request.app.state.store_state.engine.connect() as conn:
        data = get_change(conn, change_id)
    return {"data": data, "title": f"Change {change_id}"}


@_twin("/orgs/{org_id}/suggestions", "suggestions.html", cached=True)
async def suggestions(request: Request, org_id: str) -> dict[str, Any]:
    """Openness (Michelino et al. 2015; Laursen & Salter 2006) and suggested partners from bioregion.analysis."""
    from .analysis_views import organisation_analysis

    data = organisation_analysis(snapshot(request), org_id)
    return {"data": data, "title": f"Openness and partners: {data['name']}"}
