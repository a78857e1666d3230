"""Templates, filters and the page/JSON twin registration."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Awaitable, Callable
from urllib.parse import urlencode

import jinja2
import markupsafe
import pydantic_core
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates

from .auth import authenticate
from .page_cache import cached_page

__all__ = ["make_templates", "render", "twin", "json_bytes", "script_json", "FastJSONResponse", "HERE"]

HERE = Path(__file__).parent


def _label(value: Any) -> str:
    return "" if value is None else str(value).replace("_", " ")


def _number(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.4g}" if abs(value) < 1 else f"{value:,.2f}"
    return f"{int(value):,}"


def json_bytes(data: Any) -> bytes:
    """Compact UTF-8 JSON, serialised by pydantic-core (Rust; 2-3 times faster than :mod:`json`).

    NaN and infinities become ``null``; sets and tuples become arrays.
    """
    return pydantic_core.to_json(data, inf_nan_mode="null")


_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026", ord("'"): "\\u0027"}


def script_json(data: Any) -> markupsafe.Markup:
    """JSON safe inside ``<script type="application/json">`` (Jinja's ``tojson`` escapes, faster)."""
    return markupsafe.Markup(json_bytes(data).decode().translate(_SCRIPT_ESCAPES))


class FastJSONResponse(JSONResponse):
    """A JSON response serialised by :func:`json_bytes`."""

    def render(self, content: Any) -> bytes:
        return json_bytes(content)


_DICT_ATTRIBUTES = frozenset(dir(dict))


class _Environment(jinja2.Environment):
    """Jinja2 with a direct lookup of ``row.name`` on the plain dicts of a snapshot.

    Jinja tries ``getattr(row, "name")`` first, which raises and catches an
    ``AttributeError`` for every dict key a template prints; for a name that is
    no attribute of ``dict`` the result is ``row["name"]`` either way, so look it
    up first (a list page prints about a thousand such values).
    """

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


def make_templates() -> Jinja2Templates:
    """The Jinja2 environment: autoescaping on, undefined values fail loudly in tests.

    Templates are read once (no modification check per request): restart the
    server after editing one.
    """
    env = _Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                       trim_blocks=True, lstrip_blocks=True, auto_reload=False)
    env.filters["label"] = _label
    env.filters["number"] = _number
    return Jinja2Templates(env=env)


def query_url(request: Request, **changes: Any) -> str:
    """This page's URL with some query parameters replaced (``None`` removes one)."""
    params = dict(request.query_params)
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = str(value)
    return request.url.path + ("?" + urlencode(params) if params else "")


def render(request: Request, template: str, context: dict[str, Any], status_code: int = 200) -> Response:
    """Render a page with the requester, CSRF token and URL helper in its context."""
    auth = authenticate(request)
    extra = {"auth": auth, "csrf_token": auth.csrf_token, "query_url": functools.partial(query_url, request),
             "json_url": request.url.path + ".json" + (f"?{request.url.query}" if request.url.query else "")}
    return request.app.state.templates.TemplateResponse(request, template, {**context, **extra}, status_code=status_code)


def twin(router: APIRouter, path: str, template: str,
         cached: bool = False) -> Callable[[Callable[..., Awaitable[dict[str, Any]]]], Any]:
    """Register a page at ``path`` and its JSON twin at ``path.json``.

    The handler returns a context with ``data`` (the JSON twin's body) and any
    extra values the template needs; it must take ``request: Request``. With
    ``cached``, the page depends on nothing but the snapshot, the URL and the
    requester, and its HTML is kept until the next edit (:mod:`.page_cache`).
    """
    def register(fn: Callable[..., Awaitable[dict[str, Any]]]) -> Any:
        @functools.wraps(fn)
        async def as_json(*args: Any, **kwargs: Any) -> Response:
            return FastJSONResponse((await fn(*args, **kwargs))["data"])

        @functools.wraps(fn)
        async def as_html(*args: Any, **kwargs: Any) -> Response:
            async def page() -> Response:
                return render(kwargs["request"], template, await fn(*args, **kwargs))

            return await cached_page(kwargs["request"], page) if cached else await page()

        router.add_api_route(path + ".json", as_json, methods=["GET"], name=fn.__name__ + "_json",
                             include_in_schema=False)
        router.add_api_route(path, as_html, methods=["GET"], name=fn.__name__, include_in_schema=False,
                             response_class=HTMLResponse)
        return fn

    return register
