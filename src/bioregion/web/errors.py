"""One error shape for every 4xx and 5xx response.

JSON clients (``.json`` twins, ``/api/...``, anything not asking for HTML) get::

    {"error": {"status": 404, "code": "not_found", "message": "no organisation 'x' ..."}}

Browsers asking for an HTML page get the same status, code and message on an
error page. Library errors map to statuses: :class:`ValidationError` 422,
:class:`NotFoundError` 404, :class:`ConflictError` 409, other
:class:`BioregionError` 400; anything unexpected is a 500 without details.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import BioregionError, NotFoundError, StoreError, ValidationError
from .changes import ConflictError

__all__ = ["ApiError", "install_error_handlers", "error_body", "wants_html"]

log = logging.getLogger("bioregion.web")

_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
          409: "conflict", 413: "payload_too_large", 415: "unsupported_media_type", 422: "invalid", 429: "too_many_requests",
          500: "internal_error"}


class ApiError(Exception):
    """An HTTP error with a status, a stable code and a one-line message."""

    def __init__(self, status: int, message: str, code: str | None = None, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.code, self.headers = status, message, code or _CODES.get(status, "error"), headers


def error_body(status: int, message: str, code: str | None = None) -> dict[str, Any]:
    """The error document."""
    return {"error": {"status": status, "code": code or _CODES.get(status, "error"), "message": message}}


def wants_html(request: Request) -> bool:
    """True for a browser page request (not a ``.json`` twin, not the API)."""
    path = request.url.path
    if path.endswith((".json", ".gexf")) or path.startswith("/api/") or path == "/openapi.json":
        return False
    return "text/html" in request.headers.get("accept", "")


def _respond(request: Request, status: int, message: str, code: str | None = None,
             headers: dict[str, str] | None = None) -> Response:
    body = error_body(status, message, code)
    if wants_html(request) and hasattr(request.app.state, "templates"):
        from .auth import Auth

        auth = getattr(request.state, "auth", None) or Auth()
        return request.app.state.templates.TemplateResponse(
            request, "error.html", {"error": body["error"], "auth": auth, "csrf_token": auth.csrf_token,
                                    "json_url": "/openapi.json"}, status_code=status, headers=headers)
    return JSONResponse(body, status_code=status, headers=headers)


def _status_of(error: BioregionError) -> int:
    if isinstance(error, ValidationError):
        return 422
    if isinstance(error, NotFoundError):
        return 404
    if isinstance(error, ConflictError):
        return 409
    if isinstance(error, StoreError):
        return 500
    return 400


def install_error_handlers(app: FastAPI) -> None:
    """Route every error through :func:`error_body`."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, error: ApiError) -> Response:
        return _respond(request, error.status, error.message, error.code, error.headers)

    @app.exception_handler(BioregionError)
    async def _library_error(request: Request, error: BioregionError) -> Response:
        return _respond(request, _status_of(error), str(error))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, error: StarletteHTTPException) -> Response:
        message = error.detail if isinstance(error.detail, str) else _CODES.get(error.status_code, "error")
        if error.status_code == 404 and message == "Not Found":
            message = f"no page at {request.url.path}"
        return _respond(request, error.status_code, message, headers=getattr(error, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _request_error(request: Request, error: RequestValidationError) -> Response:
        first = error.errors()[0] if error.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("body", "query", "path"))
        return _respond(request, 422, f"{where or 'request'}: {first.get('msg', 'invalid value')}")

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, error: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return _respond(request, 500, "internal error; the server log has the details")
