"""The review queue in the dashboard: ``/review`` and ``/review/{id}`` (with ``.json`` twins), forms and API.

Anyone who may read sees the pending candidates; an editor accepts one as it
is or edited (type, date, option, parties with roles, terms) or rejects it.
Accepting writes through :func:`.review_accept.accept_candidate` (one change in
the log, reversible) and then takes the candidate out of the queue; rejecting
moves it to the rejected file (:class:`.review_queue.ReviewQueue`).
"""

from __future__ import annotations

from typing import Any, Mapping

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel

from ..errors import BioregionError, NotFoundError
from ..extract.review import queue_path
from ..taxonomy import RELATION_TYPES, TERM_COMPONENTS
from .accounts import User
from .auth import editor, reader
from .changes import get_change
from .relation_lines import parse_terms, terms_text
from .render import render, twin
from .review_accept import MATCHED_TABLES, accept_candidate, preview_candidate
from .review_queue import ReviewQueue, apply_edits, candidate_view

__all__ = ["router", "api_router", "review_queue"]

router = APIRouter(include_in_schema=False, dependencies=[Depends(reader)])
api_router = APIRouter(prefix="/api", tags=["api"], dependencies=[Depends(reader)])
PER_PAGE = 50
ALL_ROLES = sorted({role for t in RELATION_TYPES.values() for role in t.roles})
EXTRA_PARTY_ROWS = 1


def review_queue(request: Request) -> ReviewQueue:
    """The served store's queue: ``app.state.review_queue`` if set, else ``<store file>.review.jsonl``."""
    path = getattr(request.app.state, "review_queue", None)
    return ReviewQueue(path or queue_path(request.app.state.store_state.store.label))


def _queue_page(request: Request, page: int, per_page: int) -> dict[str, Any]:
    queue = review_queue(request)
    pending = queue.pending()
    pages = max(1, -(-len(pending) // per_page))
    page = min(page, pages)
    items = [candidate_view(cid, r) for cid, r in pending[(page - 1) * per_page:page * per_page]]
    return {"queue": queue.path.name, "total": len(pending), "page": page, "per_page": per_page, "pages": pages,
            "items": items}


def _accepted_change(request: Request, change_id: int | None) -> dict[str, Any] | None:
    if change_id is None:
        return None
    with request.app.state.store_state.engine.connect() as conn:
        try:
            return get_change(conn, change_id)
        except NotFoundError:
            return None


@twin(router, "/review", "review.html")
async def review(request: Request, page: int = Query(1, ge=1), per_page: int = Query(PER_PAGE, ge=1, le=500),
                 accepted: int | None = None, rejected: str = "") -> dict[str, Any]:
    """The pending candidates of the review queue, in queue order."""
    return {"data": _queue_page(request, page, per_page), "title": "Review queue",
            "accepted": _accepted_change(request, accepted), "rejected": rejected}


def _candidate_context(request: Request, cid: str, form: Mapping[str, Any] | None = None,
                       error: str = "") -> dict[str, Any]:
    record = review_queue(request).find(cid)
    snap = request.app.state.store_state.snapshot()
    existing = {t: snap.eco.rows(t) for t in MATCHED_TABLES}
    try:
        preview = preview_candidate(existing, apply_edits(record, {}))
    except BioregionError as problem:
        preview = {"error": str(problem)}
    view = candidate_view(cid, record)
    values = dict(form) if form is not None else {
        "type": view["type"], "date": view["date"] or "", "option": view["option"],
        "parties": view["parties"], "terms": terms_text(view["terms"])}
    values["parties"] = list(values["parties"]) + [{"name": "", "role": ""}] * EXTRA_PARTY_ROWS
    return {"data": {**view, "preview": preview}, "title": f"Candidate {cid}", "form": values, "error": error,
            "types": list(RELATION_TYPES), "roles": ALL_ROLES, "components": TERM_COMPONENTS,
            "roles_by_type": {k: list(v.roles) for k, v in RELATION_TYPES.items()}}


@twin(router, "/review/{cid}", "review_candidate.html")
async def review_candidate(request: Request, cid: str) -> dict[str, Any]:
    """One candidate, what accepting it would write, and (for editors) the edit form."""
    return _candidate_context(request, cid)


def _form_edits(form: Any) -> dict[str, Any] | None:
    """Edits from the candidate form, or ``None`` for a plain accept (no ``type`` field)."""
    if "type" not in form:
        return None
    parties, index = [], 0
    while f"party_name_{index}" in form:
        parties.append({"name": str(form.get(f"party_name_{index}", "")), "role": str(form.get(f"party_role_{index}", ""))})
        index += 1
    return {"type": str(form.get("type", "")), "date": str(form.get("date", "")).strip(),
            "option": form.get("option") == "true", "parties": parties,
            "terms": parse_terms(str(form.get("terms", "")))}


def _accept(request: Request, user: User, cid: str, edits: Mapping[str, Any] | None) -> tuple[int, str]:
    queue = review_queue(request)
    with queue.locked():
        record = apply_edits(queue.find(cid), edits or {})
        with request.app.state.store_state.write() as conn:
            change, relation_id = accept_candidate(conn, user, record)
        queue.remove(cid)
    return change, relation_id


@router.post("/review/{cid}/accept")
async def accept_form(request: Request, cid: str, user: User = Depends(editor)) -> Response:
    form = await request.form()
    edits = _form_edits(form)
    try:
        change, _ = _accept(request, user, cid, edits)
    except NotFoundError:
        raise
    except BioregionError as error:
        values = None if edits is None else {
            "type": edits["type"], "date": edits["date"], "option": edits["option"], "terms": str(form.get("terms", "")),
            "parties": [p for p in edits["parties"] if p["name"].strip()]}
        return render(request, "review_candidate.html", _candidate_context(request, cid, values, str(error)), 422)
    return RedirectResponse(f"/review?accepted={change}", status_code=303)


@router.post("/review/{cid}/reject")
async def reject_form(request: Request, cid: str, user: User = Depends(editor)) -> Response:
    review_queue(request).reject(cid, user.name)
    return RedirectResponse(f"/review?rejected={cid}", status_code=303)


class PartyEdit(BaseModel):
    name: str
    role: str


class TermEdit(BaseModel):
    component: str
    amount: float
    currency: str


class CandidateEdits(BaseModel):
    """A reviewer's corrections; fields left out keep the candidate's values."""

    type: str | None = None
    date: str | None = None
    option: bool | None = None
    parties: list[PartyEdit] | None = None
    terms: list[TermEdit] | None = None


@api_router.get("/review", summary="Pending candidates of the extraction review queue")
async def api_review(request: Request, page: int = Query(1, ge=1),
                     per_page: int = Query(PER_PAGE, ge=1, le=500)) -> dict[str, Any]:
    return _queue_page(request, page, per_page)


@api_router.post("/review/{cid}/accept", summary="Accept a candidate (optionally edited) into the store")
def api_accept(request: Request, cid: str, body: CandidateEdits | None = None,
               user: User = Depends(editor)) -> JSONResponse:
    edits = body.model_dump(exclude_unset=True) if body else {}
    change, relation_id = _accept(request, user, cid, edits)
    return JSONResponse({"change_id": change, "relation_id": relation_id})


@api_router.post("/review/{cid}/reject", summary="Reject a candidate (kept in the rejected file)")
def api_reject(request: Request, cid: str, user: User = Depends(editor)) -> JSONResponse:
    marked = review_queue(request).reject(cid, user.name)
    return JSONResponse({"rejected": cid, "by": marked["reviewed_by"], "at": marked["reviewed_at"]})
