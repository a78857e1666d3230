"""The simulation page (``/simulate``), a run's page with progress and charts, and their API.

Who may run: everyone who may read the dashboard when it is served with
``--simulations anyone`` (the default: a run reads a shipped scenario and
never changes the store), anonymous visitors with fewer replicates than users;
only logged-in users (or API tokens) with ``--simulations users``; nobody with
``--simulations off``. Starting a run is a POST with a CSRF token: the
session's for a login, a double-submit cookie set by ``/simulate`` for
anonymous visitors; bearer tokens need none.
"""

from __future__ import annotations

import secrets
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from ..errors import ValidationError
from ..report.figures import svg_document
from ..report.simulation import money
from ..simulate.scenario import shipped_scenarios
from .auth import Auth, authenticate, check_csrf, reader
from .errors import ApiError
from .levers import Limits, apply_levers, levers_of
from .render import render, twin
from .simulations import Run, SimulationRunner

__all__ = ["router", "api_router", "SIMULATE_CSRF_COOKIE", "MODES"]

router = APIRouter(dependencies=[Depends(reader)], include_in_schema=False)
api_router = APIRouter(prefix="/api", tags=["simulations"], dependencies=[Depends(reader)])
SIMULATE_CSRF_COOKIE = "bioregion_simulate_csrf"
#: Who may start simulations.
MODES = ("anyone", "users", "off")
DEFAULT_SCENARIO = "baseline-belgium"
#: Charts are matplotlib SVG: inline style attributes, no script, no external resource.
_SVG_HEADERS = {"Cache-Control": "private, max-age=3600",
                "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"}


def _runner(request: Request) -> SimulationRunner:
    return request.app.state.simulations


def _why_not(request: Request, auth: Auth) -> str | None:
    mode = request.app.state.simulate_mode
    if mode == "off":
        return "simulations are switched off on this dashboard (bioregion serve --simulations anyone|users)"
    if mode == "users" and auth.user is None:
        return "running simulations on this dashboard needs a login (/login) or an API token"
    return None


async def _authorise(request: Request) -> tuple[str, bool]:
    """The requester's name (user, or address) and whether anonymous; refuses with 401/403."""
    auth = authenticate(request)
    why = _why_not(request, auth)
    if why:
        raise ApiError(401 if auth.user is None and request.app.state.simulate_mode == "users" else 403, why)
    if auth.via == "session":
        await check_csrf(request, auth.csrf_token)
    elif auth.via is None:
        await check_csrf(request, request.cookies.get(SIMULATE_CSRF_COOKIE))
    if auth.user is not None:
        return f"user:{auth.user.name}", False
    return f"address:{request.client.host if request.client else 'unknown'}", True


def _limits_data(limits: Limits) -> dict[str, Any]:
    return {"max_replicates": limits.max_replicates, "max_replicates_anonymous": limits.max_replicates_anonymous,
            "max_years": limits.max_years, "budget_factor": limits.budget_factor, "max_active": limits.max_active,
            "deadline_seconds": limits.deadline_seconds}


def _page_context(request: Request, scenario: str, error: str = "", values: dict | None = None) -> dict[str, Any]:
    auth = authenticate(request)
    limits = _runner(request).limits
    chosen = scenario if scenario in shipped_scenarios() else DEFAULT_SCENARIO
    why = _why_not(request, auth)
    cap = limits.max_replicates if auth.user else limits.max_replicates_anonymous
    data = {"scenarios": [{"name": k, "description": v} for k, v in shipped_scenarios().items()],
            "scenario": levers_of(chosen, limits), "limits": _limits_data(limits), "may_run": why is None,
            "why_not": why, "max_replicates": cap}
    return {"data": data, "title": "Simulate", "error": error, "values": values or {}}


def _render_form(request: Request, context: dict[str, Any], status_code: int = 200) -> Response:
    """The form page, with the double-submit CSRF cookie anonymous visitors post back."""
    token = request.cookies.get(SIMULATE_CSRF_COOKIE) or secrets.token_urlsafe(24)
    context["form_token"] = authenticate(request).csrf_token or token
    response = render(request, "simulate.html", context, status_code=status_code)
    response.set_cookie(SIMULATE_CSRF_COOKIE, token, httponly=True, samesite="strict", max_age=86400,
                        secure=request.url.scheme == "https")
    return response


@router.get("/simulate")
async def simulate_page(request: Request, scenario: str = DEFAULT_SCENARIO) -> Response:
    return _render_form(request, _page_context(request, scenario))


@router.get("/simulate.json")
async def simulate_page_json(request: Request, scenario: str = DEFAULT_SCENARIO) -> Response:
    return JSONResponse(_page_context(request, scenario)["data"])


@router.post("/simulate")
async def start_from_form(request: Request) -> Response:
    form = await request.form()
    requester, anonymous = await _authorise(request)
    values = {k: str(v) for k, v in form.items() if k != "csrf_token"}
    try:
        levers = apply_levers(form_request(values), _runner(request).limits, anonymous)
    except ValidationError as error:
        context = _page_context(request, values.get("scenario", ""), str(error), values)
        return _render_form(request, context, status_code=422)
    run = _runner(request).start(levers, requester)
    return RedirectResponse(f"/simulate/runs/{run.id}", status_code=303)


def form_request(values: dict[str, str]) -> dict[str, Any]:
    """A run request from the form's fields: ``policy.<id>.<field>``, budgets in USD million."""
    request: dict[str, Any] = {k: values[k] for k in ("scenario", "years", "replicates", "seed") if values.get(k)}
    policies: dict[str, dict[str, Any]] = {}
    for key, value in values.items():
        head, _, rest = key.partition(".")
        pid, _, name = rest.rpartition(".")
        if head != "policy" or not pid or not value.strip():
            continue
        if name == "budget_musd":
            name, value = "budget", _millions(value, key)
        policies.setdefault(pid, {})[name] = value
    request["policies"] = policies
    return request


def _millions(value: str, field: str) -> float:
    try:
        return float(value) * 1e6
    except ValueError:
        raise ValidationError(f"'{value}' is not a number of USD million", field=field) from None


def run_json(run: Run) -> dict[str, Any]:
    """A run as JSON: request, progress and, once done, charts and numbers."""
    levers = run.levers
    return {"id": run.id, "url": f"/simulate/runs/{run.id}", "status": run.status,
            "done": min(run.done, run.total), "total": run.total, "error": run.error,
            "scenario": levers.baseline.name, "changed": levers.scenario.name, "years": levers.scenario.years,
            "start_year": levers.scenario.start_year, "replicates": levers.replicates, "seed": levers.seed,
            "changes": levers.changes, "changes_text": _changes_text(levers.changes),
            "charts": [{"key": k, "title": t, "url": f"/simulate/runs/{run.id}/{k}.svg"} for k, (t, _) in
                       run.charts.items()],
            "results": run.data or None}


def _changes_text(changes: dict[str, dict[str, Any]]) -> list[str]:
    """``vib: budget 1.2 bn USD, end 2020``: the changed levers in words."""
    def value(field: str, number: Any) -> str:
        if field == "budget":
            return f"{money(number)} USD"
        return f"{number:g}" if isinstance(number, float) else str(number)

    return [f"{pid}: " + ", ".join(f"{f.replace('_', ' ')} {value(f, v)}" for f, v in fields.items())
            for pid, fields in changes.items()]


@twin(router, "/simulate/runs/{run_id}", "simulation_run.html")
async def simulation_run(request: Request, run_id: str) -> dict[str, Any]:
    run = _runner(request).get(run_id)
    return {"data": run_json(run), "title": f"Simulation {run.levers.scenario.name}"}


@router.get("/simulate/runs/{run_id}/{key}.svg")
async def simulation_chart(request: Request, run_id: str, key: str) -> Response:
    chart = _runner(request).get(run_id).charts.get(key)
    if chart is None:
        raise ApiError(404, f"no chart '{key}' in run {run_id}")
    return Response(svg_document(chart[1]), media_type="image/svg+xml", headers=_SVG_HEADERS)


class RunIn(BaseModel):
    """A run of a shipped scenario with changed policy levers; the baseline is the same scenario as shipped."""

    scenario: str = Field(..., examples=["baseline-belgium"])
    years: int | None = Field(None, description="Horizon in years (default: the scenario's, within the limit).")
    replicates: int | None = Field(None, description="Replicates per scenario (default 10, within the limit).")
    seed: int = 0
    policies: dict[str, dict[str, int | float | None]] = Field(
        default_factory=dict, examples=[{"vib": {"budget": 1.2e9, "end": 2020}}],
        description="{policy id: {start|end|budget|rate|distance_factor: value}}; budgets in USD.")


@api_router.get("/scenarios", summary="Shipped scenarios with their policy levers and the run limits")
async def api_scenarios(request: Request) -> dict[str, Any]:
    limits = _runner(request).limits
    return {"scenarios": [levers_of(name, limits) for name in shipped_scenarios()], "limits": _limits_data(limits)}


@api_router.post("/simulations", status_code=202, summary="Start a run against the baseline; poll its url")
async def api_start(request: Request, body: RunIn) -> JSONResponse:
    requester, anonymous = await _authorise(request)
    levers = apply_levers(body.model_dump(exclude_none=True), _runner(request).limits, anonymous)
    run = _runner(request).start(levers, requester)
    return JSONResponse(run_json(run), status_code=202, headers={"Location": f"/api/simulations/{run.id}"})


@api_router.get("/simulations/{run_id}", summary="A run's progress (done of total replicates) and results")
async def api_run(request: Request, run_id: str) -> dict[str, Any]:
    return run_json(_runner(request).get(run_id))
