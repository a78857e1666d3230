"""The HTML form editing an existing relation: type, dates, status, stage, parties with roles, terms, evidence.

``GET /relations/{id}/edit`` shows the stored values; posting it (with the
session's CSRF token) saves through :func:`bioregion.web.edits.save_relation`,
the same code as ``PATCH /api/relations/{id}``, so the edit is validated as an
import is, recorded in the change log with who and when, and reversible.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from ..errors import BioregionError, NotFoundError
from .accounts import User
from .auth import editor, reader
from .edits import save_relation
from .forms import REL_FIELDS, _choices, _form_evidence, _form_values
from .profile import _evidence
from .relation_lines import parse_parties, parse_terms, parties_text, terms_text
from .render import render

__all__ = ["router"]

router = APIRouter(include_in_schema=False, dependencies=[Depends(reader)])


def _stored(request: Request, relation_id: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The relation as the snapshot holds it (its columns, ``parties`` and ``terms``) and its evidence."""
    snap = request.app.state.store_state.snapshot()
    row = snap.relation_index.get(relation_id)
    if row is None:
        raise NotFoundError(f"no relation '{relation_id}'; browse /relations")
    return row, _evidence(snap, "relations", relation_id)


def _form_page(request: Request, relation_id: str, row: dict[str, Any], parties: str, terms: str,
               error: str = "", status: int = 200) -> Response:
    _, evidence = _stored(request, relation_id)
    return render(request, "edit_relation.html", {
        "title": f"Edit relation {relation_id}", "relation_id": relation_id, "row": row, "parties": parties,
        "terms": terms, "evidence": evidence, "error": error, **_choices()}, status)


@router.get("/relations/{relation_id}/edit")
async def edit_relation_form(request: Request, relation_id: str, user: User = Depends(editor)) -> Response:
    row, _ = _stored(request, relation_id)
    return _form_page(request, relation_id, row, parties_text(row["parties"]), terms_text(row["terms"]))


@router.post("/relations/{relation_id}/edit")
async def update_relation(request: Request, relation_id: str, user: User = Depends(editor)) -> Response:
    form = await request.form()
    values = _form_values(form, REL_FIELDS)
    parties, terms = str(form.get("parties", "")), str(form.get("terms", ""))
    try:
        with request.app.state.store_state.write() as conn:
            save_relation(conn, user, values, relation_id=relation_id, parties=parse_parties(parties),
                          terms=parse_terms(terms), evidence=_form_evidence(form),
                          remove_evidence=[str(e) for e in form.getlist("remove_evidence")])
    except NotFoundError:
        raise
    except BioregionError as error:
        row, _ = _stored(request, relation_id)
        return _form_page(request, relation_id, {**row, **values}, parties, terms, str(error), 422)
    return RedirectResponse(f"/relations/{relation_id}", status_code=303)
