"""HTML forms for people: log in and out, create and edit organisations, create relations, merge, revert.

The relation edit form is in :mod:`.relation_forms`, the review queue's forms in :mod:`.review_pages`.

Each form posts back with the session's CSRF token; success redirects (303) to
the page of the changed row, a validation error shows the form again with the
one-line message (status 422).
"""

from __future__ import annotations

import secrets
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from ..errors import BioregionError
from ..schema import TABLES
from ..taxonomy import BUSINESS_MODELS, ORGANISATION_KINDS, RELATION_STATUSES, RELATION_TYPES, STAGES
from .accounts import User, close_session, open_session
from .auth import LOGIN_CSRF_COOKIE, SESSION_COOKIE, check_csrf, editor, reader
from .edits import delete_relation, merge_organisations, save_organisation, save_relation
from .changes import revert_change
from .errors import ApiError
from .relation_lines import parse_parties, parse_terms
from .render import render

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
ORG_FIELDS = [c.name for c in TABLES["organisations"].columns if c.name != "id"]
REL_FIELDS = [c.name for c in TABLES["relations"].columns if c.name != "id"]


@router.get("/login")
async def login_form(request: Request, error: str = "") -> Response:
    token = secrets.token_urlsafe(24)
    response = render(request, "login.html", {"title": "Log in", "login_csrf": token, "error": error})
    response.set_cookie(LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict", max_age=3600)
    return response


@router.post("/login")
async def login(request: Request) -> Response:
    form = await request.form()
    await check_csrf(request, request.cookies.get(LOGIN_CSRF_COOKIE))
    opened = open_session(request.app.state.store_state.engine, str(form.get("name", "")), str(form.get("password", "")))
    if opened is None:
        raise ApiError(401, "wrong user name or password")
    response = RedirectResponse(str(form.get("next") or "/overview"), status_code=303)
    if not response.headers["location"].startswith("/") or response.headers["location"].startswith("//"):
        response.headers["location"] = "/overview"
    response.set_cookie(SESSION_COOKIE, opened[0], httponly=True, samesite="lax", max_age=14 * 86400,
                        secure=request.url.scheme == "https")
    response.delete_cookie(LOGIN_CSRF_COOKIE)
    return response


@router.post("/logout")
async def logout(request: Request, user: User = Depends(editor)) -> Response:
    close_session(request.app.state.store_state.engine, request.cookies.get(SESSION_COOKIE, ""))
    response = RedirectResponse("/overview", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


def _form_values(form: Any, fields: list[str]) -> dict[str, Any]:
    return {f: form.get(f) for f in fields if f in form}


def _form_evidence(form: Any) -> list[dict[str, Any]]:
    if not (form.get("source_id") or form.get("source_title")):
        return []
    return [{k: form.get(k) or None for k in ("source_id", "source_title", "source_url", "locator", "quote")}]


def _choices() -> dict[str, Any]:
    return {"kinds": list(ORGANISATION_KINDS), "business_models": BUSINESS_MODELS, "types": list(RELATION_TYPES),
            "stages": STAGES, "statuses": RELATION_STATUSES,
            "roles_by_type": {name: list(t.roles) for name, t in RELATION_TYPES.items()}}


async def _org_form(request: Request, org_id: str | None, error: str = "", values: dict | None = None,
                    status: int = 200) -> Response:
    snap = request.app.state.store_state.snapshot()
    row = values or (snap.eco.organisation_index.get(org_id) if org_id else {}) or {}
    if org_id and org_id not in snap.eco.organisation_index:
        raise ApiError(404, f"no organisation '{org_id}'")
    return render(request, "edit_org.html", {"title": "Edit organisation" if org_id else "New organisation",
                                             "org_id": org_id, "row": row, "error": error, **_choices()}, status)


@router.get("/orgs/new", dependencies=[Depends(reader)])
async def new_org_form(request: Request, user: User = Depends(editor)) -> Response:
    return await _org_form(request, None)


@router.get("/orgs/{org_id}/edit", dependencies=[Depends(reader)])
async def edit_org_form(request: Request, org_id: str, user: User = Depends(editor)) -> Response:
    return await _org_form(request, org_id)


async def _save_org(request: Request, user: User, org_id: str | None) -> Response:
    form = await request.form()
    values = _form_values(form, ORG_FIELDS + ([] if org_id else ["id"]))
    try:
        with request.app.state.store_state.write() as conn:
            _, saved = save_organisation(conn, user, values, org_id=org_id, evidence=_form_evidence(form))
    except BioregionError as error:
        return await _org_form(request, org_id, str(error), dict(values), status=422)
    return RedirectResponse(f"/orgs/{saved}", status_code=303)


@router.post("/orgs/new")
async def create_org(request: Request, user: User = Depends(editor)) -> Response:
    return await _save_org(request, user, None)


@router.post("/orgs/{org_id}/edit")
async def update_org(request: Request, org_id: str, user: User = Depends(editor)) -> Response:
    return await _save_org(request, user, org_id)


@router.post("/orgs/{org_id}/merge")
async def merge_org(request: Request, org_id: str, user: User = Depends(editor)) -> Response:
    into = str((await request.form()).get("into", "")).strip()
    with request.app.state.store_state.write() as conn:
        merge_organisations(conn, user, into, org_id)
    return RedirectResponse(f"/orgs/{into}", status_code=303)


@router.get("/relations/new", dependencies=[Depends(reader)])
async def new_relation_form(request: Request, user: User = Depends(editor), org: str = "") -> Response:
    return render(request, "edit_relation.html", {"title": "New relation", "row": {}, "parties": f"{org} " if org else "",
                                                  "terms": "", "error": "", **_choices()})


@router.post("/relations/new")
async def create_relation(request: Request, user: User = Depends(editor)) -> Response:
    form = await request.form()
    values = _form_values(form, REL_FIELDS)
    parties, terms = parse_parties(str(form.get("parties", ""))), parse_terms(str(form.get("terms", "")))
    try:
        with request.app.state.store_state.write() as conn:
            _, rid = save_relation(conn, user, values, parties=parties, terms=terms, evidence=_form_evidence(form))
    except BioregionError as error:
        return render(request, "edit_relation.html", {"title": "New relation", "row": values, "error": str(error),
                                                      "parties": form.get("parties", ""), "terms": form.get("terms", ""),
                                                      **_choices()}, 422)
    return RedirectResponse(f"/relations/{rid}", status_code=303)


@router.post("/relations/{relation_id}/delete")
async def remove_relation(request: Request, relation_id: str, user: User = Depends(editor)) -> Response:
    with request.app.state.store_state.write() as conn:
        delete_relation(conn, user, relation_id)
    return RedirectResponse("/changes", status_code=303)


@router.post("/changes/{change_id}/revert")
async def revert(request: Request, change_id: int, user: User = Depends(editor)) -> Response:
    with request.app.state.store_state.write() as conn:
        new_id = revert_change(conn, user, change_id)
    return RedirectResponse(f"/changes/{new_id}", status_code=303)
