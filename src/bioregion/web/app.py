"""The dashboard application: :func:`create_app` serves one store.

Pages and their ``.json`` twins (:mod:`.pages`), forms (:mod:`.forms`) and the
JSON API (:mod:`.api`, OpenAPI at ``/openapi.json``) read a per-version
:class:`~bioregion.web.snapshot.Snapshot`; writes go through the store in one
transaction and into the change log. Every response carries a strict
Content-Security-Policy: scripts only from this server, no inline script.

``bioregion serve --workers N`` runs N processes (:mod:`.serving`); each holds
its own snapshot and sees the edits made through the others (:mod:`.state`).
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from .._version import __version__
from ..store import Store
from ..errors import ValidationError
from .errors import ApiError, error_body, install_error_handlers
from .levers import Limits
from .render import HERE, make_templates
from .simulate_views import MODES
from .simulations import SimulationRunner
from .state import StoreState

__all__ = ["create_app", "MAX_BODY_BYTES"]

MAX_BODY_BYTES = 1_000_000
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


def create_app(store_url: str, *, anonymous_read: bool = True, recheck_seconds: float = 5.0,
               simulations: str = "anyone", simulation_limits: Limits | None = None,
               preload: bool = False) -> FastAPI:
    """The dashboard for the store at ``store_url`` (SQLite path or ``postgresql://`` URL).

    Parameters
    ----------
    store_url : str
        The store to serve; it is created and migrated if needed.
    anonymous_read : bool
        Let visitors who are not logged in read (never write).
    recheck_seconds : float
        How often to look for writes by other processes outside the dashboard.
    simulations : {"anyone", "users", "off"}
        Who may run simulations on ``/simulate``: every reader, logged-in users, nobody.
    simulation_limits : Limits, optional
        Replicates, horizon, budgets and concurrent runs allowed (default :class:`Limits`).
    preload : bool
        Serve: build the snapshot and the default network map now rather than
        on the first request, and keep snapshots out of the garbage
        collector's passes (see :mod:`.state`); ``bioregion serve`` does.
    """
    if simulations not in MODES:
        raise ValidationError(f"simulations is '{simulations}'; use one of: {', '.join(MODES)}")
    app = FastAPI(title="bioregion dashboard", version=__version__,
                  description="Pages have .json twins; /api is the scripting interface.")
    app.state.store_state = StoreState(Store.open(store_url), recheck_seconds, freeze=preload)
    app.state.templates = make_templates()
    app.state.anonymous_read = anonymous_read
    app.state.simulate_mode = simulations
    app.state.simulations = SimulationRunner(simulation_limits)
    app.router.on_shutdown.append(app.state.simulations.close)
    install_error_handlers(app)

    from . import api, forms, hypotheses_view, pages, relation_forms, review_pages, simulate_views

    app.include_router(api.router)
    app.include_router(review_pages.api_router)
    app.include_router(simulate_views.api_router)
    app.include_router(forms.router)
    app.include_router(relation_forms.router)
    app.include_router(review_pages.router)
    app.include_router(hypotheses_view.router)
    app.include_router(pages.router)
    app.include_router(simulate_views.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_middleware(_Guard)
    if preload:
        from .network import map_data

        map_data(app.state.store_state.snapshot())
    return app


class _Guard:
    """ASGI middleware: refuse oversized bodies (413), add security headers to every response that lacks them."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope["headers"])
        length = headers.get(b"content-length", b"")
        if length.isdigit() and int(length) > MAX_BODY_BYTES:
            response = JSONResponse(error_body(413, f"request body over {MAX_BODY_BYTES} bytes"), status_code=413)
            return await response(scope, receive, send)

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":  # a response may set its own, stricter, policy
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                message["headers"] = headers + [h for h in _SECURITY_HEADERS if h[0] not in present]
            await send(message)

        await self.app(scope, receive, send_with_headers)


_SECURITY_HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                     (b"referrer-policy", b"same-origin")]


__all__ += ["ApiError"]
