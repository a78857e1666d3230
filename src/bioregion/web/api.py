"""The JSON API under ``/api``, described by OpenAPI at ``/openapi.json``.

Reads are open to anonymous visitors unless the dashboard is private; writes
need a user (API token or login with CSRF token) and are recorded in the change
log. Write bodies carry raw field values, validated by :mod:`bioregion.schema`
exactly as an import is; a bad value is a 422 with one line naming the field.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from .accounts import User
from .auth import editor, reader
from .changes import get_change, list_changes, revert_change
from .edits import delete_relation, merge_organisations, save_organisation, save_relation
from .listing import list_organisations, list_relations
from .network import gexf_bytes, map_data
from .profile import organisation_profile
from .regions import compare_regions

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["api"], dependencies=[Depends(reader)])


class Evidence(BaseModel):
    """A source supporting the edit: an existing ``source_id`` or a new source by title."""

    source_id: str | None = None
    source_title: str | None = None
    source_url: str | None = None
    source_kind: str | None = None
    locator: str | None = None
    quote: str | None = None


class OrganisationIn(BaseModel):
    """Organisation fields (columns of the ``organisations`` table); on PATCH only the given ones change."""

    values: dict[str, Any] = Field(..., examples=[{"name": "Galapagos", "kind": "new_biotech_firm", "region_id": "BE2"}])
    evidence: list[Evidence] = []


class Party(BaseModel):
    organisation_id: str
    role: str


class Term(BaseModel):
    component: str
    amount: float | None = None
    currency: str | None = None
    disclosed: bool | None = None


class RelationIn(BaseModel):
    """Relation fields with its parties and terms (given lists replace the stored ones)."""

    values: dict[str, Any] = Field(..., examples=[{"type": "license", "date_announced": "2015-12"}])
    parties: list[Party] | None = None
    terms: list[Term] | None = None
    evidence: list[Evidence] = []


class MergeIn(BaseModel):
    """Merge the organisation of the path into ``into``."""

    into: str


def _snap(request: Request):
    return request.app.state.store_state.snapshot()


def _changed(change_id: int, **extra: Any) -> JSONResponse:
    return JSONResponse({"change_id": change_id, **extra}, status_code=201 if extra.get("created") else 200)


@router.get("/stats", summary="Key figures by region, kind, type and year")
async def api_stats(request: Request) -> dict[str, Any]:
    return _snap(request).overview


@router.get("/orgs", summary="Organisations: search, filter, sort by any column or metric")
async def api_orgs(request: Request, q: str = "", kind: str = "", region: str = "", business_model: str = "",
                   sort: str = "name", order: str = "", page: int = Query(1, ge=1),
                   per_page: int = Query(50, ge=1, le=500)) -> dict[str, Any]:
    page_ = list_organisations(_snap(request), q=q, kind=kind, region=region, business_model=business_model,
                               sort=sort, order=order, page=page, per_page=per_page)
    return page_.as_dict([{k: v for k, v in r.items() if k != "search"} for r in page_.items])


@router.get("/orgs/{org_id}", summary="One organisation's profile")
async def api_org(request: Request, org_id: str) -> dict[str, Any]:
    return organisation_profile(_snap(request), org_id)


@router.get("/relations", summary="Relations filtered by type, year, stage, region, organisation or text")
async def api_relations(request: Request, type: str = "", year: int | None = None, year_from: int | None = None,
                        year_to: int | None = None, stage: str = "", region: str = "", org: str = "", q: str = "",
                        sort: str = "date", order: str = "", page: int = Query(1, ge=1),
                        per_page: int = Query(50, ge=1, le=500)) -> dict[str, Any]:
    return list_relations(_snap(request), type=type, year=year, year_from=year_from, year_to=year_to, stage=stage,
                          region=region, org=org, q=q, sort=sort, order=order, page=page, per_page=per_page).as_dict()


@router.get("/relations/{relation_id}", summary="One relation with parties and terms")
async def api_relation(request: Request, relation_id: str) -> dict[str, Any]:
    from ..errors import NotFoundError

    row = _snap(request).relation_index.get(relation_id)
    if row is None:
        raise NotFoundError(f"no relation '{relation_id}'")
    return row


@router.get("/regions", summary="Regions side by side")
async def api_regions(request: Request, region: list[str] = Query(default=[])) -> dict[str, Any]:
    return compare_regions(_snap(request), region)


@router.get("/network", summary="Map data: top organisations with layout and folded ties")
async def api_network(request: Request, limit: int = Query(2000, ge=1, le=5000), types: str = "") -> dict[str, Any]:
    return map_data(_snap(request), limit=limit, types=[t for t in types.split(",") if t])


@router.get("/network.gexf", summary="The whole network as dynamic GEXF", response_class=Response)
async def api_gexf(request: Request) -> Response:
    return Response(gexf_bytes(_snap(request)), media_type="application/xml")


@router.get("/changes", summary="The change log, newest first")
async def api_changes(request: Request, limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0)) -> list:
    with request.app.state.store_state.engine.connect() as conn:
        return list_changes(conn, limit=limit, offset=offset)


@router.get("/changes/{change_id}", summary="One change with its before/after rows")
async def api_change(request: Request, change_id: int) -> dict[str, Any]:
    with request.app.state.store_state.engine.connect() as conn:
        return get_change(conn, change_id)


def _evidence(items: list[Evidence]) -> list[dict[str, Any]]:
    return [e.model_dump() for e in items]


@router.post("/orgs", summary="Create an organisation", status_code=201)
def api_create_org(request: Request, body: OrganisationIn, user: User = Depends(editor)) -> JSONResponse:
    with request.app.state.store_state.write() as conn:
        change, org_id = save_organisation(conn, user, body.values, evidence=_evidence(body.evidence))
    return _changed(change, id=org_id, created=True)


@router.patch("/orgs/{org_id}", summary="Edit an organisation")
def api_update_org(request: Request, org_id: str, body: OrganisationIn, user: User = Depends(editor)) -> JSONResponse:
    with request.app.state.store_state.write() as conn:
        change, _ = save_organisation(conn, user, body.values, org_id=org_id, evidence=_evidence(body.evidence))
    return _changed(change, id=org_id)


@router.post("/orgs/{org_id}/merge", summary="Merge an organisation into another")
def api_merge_org(request: Request, org_id: str, body: MergeIn, user: User = Depends(editor)) -> JSONResponse:
    with request.app.state.store_state.write() as conn:
        change = merge_organisations(conn, user, body.into, org_id)
    return _changed(change, id=body.into)


def _relation_args(body: RelationIn) -> dict[str, Any]:
    return {"parties": None if body.parties is None else [p.model_dump() for p in body.parties],
            "terms": None if body.terms is None else [t.model_dump() for t in body.terms],
            "evidence": _evidence(body.evidence)}


@router.post("/relations", summary="Create a relation with parties, terms and evidence", status_code=201)
def api_create_relation(request: Request, body: RelationIn, user: User = Depends(editor)) -> JSONResponse:
    with request.app.state.store_state.write() as conn:
        change, rid = save_relation(conn, user, body.values, **_relation_args(body))
    return _changed(change, id=rid, created=True)


@router.patch("/relations/{relation_id}", summary="Edit a relation")
def api_update_relation(request: Request, relation_id: str, body: RelationIn, user: User = Depends(editor)) -> JSONResponse:
    with request.app.state.store_state.write() as conn:
        change, _ = save_relation(conn, user, body.values, relation_id=relation_id, **_relation_args(body))
    return _changed(change, id=relation_id)


@router.delete("/relations/{relation_id}", summary="Delete a relation with its parties, terms and evidence")
def api_delete_relation(request: Request, relation_id: str, user: User = Depends(editor)) -> JSONResponse:
    with request.app.state.store_state.write() as conn:
        change = delete_relation(conn, user, relation_id)
    return _changed(change, id=relation_id)


@router.post("/changes/{change_id}/revert", summary="Undo a change (recorded as a new change)")
def api_revert(request: Request, change_id: int, user: User = Depends(editor)) -> JSONResponse:
    with request.app.state.store_state.write() as conn:
        new_id = revert_change(conn, user, change_id)
    return _changed(new_id, reverts=change_id)
