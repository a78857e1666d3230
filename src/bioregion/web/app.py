"""The dashboard application: :func:`create_app` serves one store.

Pages and their ``.json`` twins (:mod:`.pages`), forms (:mod:`.forms`) and the
JSON API (:mod:`.api`, OpenAPI at ``/openapi.json``) read a per-version
:class:`~bioregion.web.snapshot.Snapshot`; writes go through the store in one
transaction and into the change log. Every response carries a strict
Content-Security-Policy: scripts only from this server, no inline script.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles

from .._version import __version__
from ..store import Store
from .errors import ApiError, install_error_handlers
from .render import HERE, make_templates
from .state import StoreState

__all__ = ["create_app", "MAX_BODY_BYTES"]

MAX_BODY_BYTES = 1_000_000
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


def create_app(store_url: str, *, anonymous_read: bool = True, recheck_seconds: float = 5.0) -> FastAPI:
    """The dashboard for the store at ``store_url`` (SQLite path or ``postgresql://`` URL).

    Parameters
    ----------
    store_url : str
        The store to serve; it is created and migrated if needed.
    anonymous_read : bool
        Let visitors who are not logged in read (never write).
    recheck_seconds : float
        How often to look for writes by other processes.
    """
    app = FastAPI(title="bioregion dashboard", version=__version__,
                  description="Pages have .json twins; /api is the scripting interface.")
    app.state.store_state = StoreState(Store.open(store_url), recheck_seconds)
    app.state.templates = make_templates()
    app.state.anonymous_read = anonymous_read
    install_error_handlers(app)

    @app.middleware("http")
    async def guard(request: Request, call_next):
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > MAX_BODY_BYTES:
            from .errors import _respond

            return _respond(request, 413, f"request body over {MAX_BODY_BYTES} bytes")
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    from . import api, forms, pages

    app.include_router(api.router)
    app.include_router(forms.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app


__all__ += ["ApiError"]
