"""Who is asking: an API token (``Authorization: Bearer ...``), a login session cookie, or nobody.

Anonymous visitors may read (unless the app is private); editing needs a user
with ``can_edit``. Requests authenticated by the session cookie must also carry
the session's CSRF token (form field ``csrf_token`` or header ``X-CSRF-Token``)
on every unsafe method, and a cross-site ``Origin`` is refused; bearer-token
requests carry no ambient credentials and need no CSRF token.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from fastapi import Request

from .accounts import User, session_user, user_for_token
from .errors import ApiError

__all__ = ["Auth", "authenticate", "reader", "editor", "SESSION_COOKIE", "LOGIN_CSRF_COOKIE"]

SESSION_COOKIE = "bioregion_session"
LOGIN_CSRF_COOKIE = "bioregion_login_csrf"
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


@dataclass(frozen=True)
class Auth:
    """The requester: ``user`` is ``None`` for anonymous visitors."""

    user: User | None = None
    via: str | None = None
    csrf_token: str | None = None


def authenticate(request: Request) -> Auth:
    """Resolve the requester once per request."""
    cached = getattr(request.state, "auth", None)
    if cached is not None:
        return cached
    engine = request.app.state.store_state.engine
    auth = Auth()
    header = request.headers.get("authorization")
    if header:
        scheme, _, token = header.partition(" ")
        user = user_for_token(engine, token.strip()) if scheme.lower() == "bearer" and token.strip() else None
        if user is None:
            raise ApiError(401, "invalid or revoked API token; create one with 'bioregion tokens create USER'",
                           headers={"WWW-Authenticate": "Bearer"})
        auth = Auth(user, "token")
    elif request.cookies.get(SESSION_COOKIE):
        found = session_user(engine, request.cookies[SESSION_COOKIE])
        if found:
            auth = Auth(found[0], "session", found[1])
    request.state.auth = auth
    return auth


async def reader(request: Request) -> Auth:
    """Dependency of every read: refuses anonymous visitors on a private dashboard."""
    auth = authenticate(request)
    if auth.user is None and not request.app.state.anonymous_read:
        raise ApiError(401, "this dashboard is private; log in at /login or send an API token")
    return auth


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin")
    if not origin:
        return True
    host = request.headers.get("host", "")
    return origin.split("://", 1)[-1] == host


async def check_csrf(request: Request, expected: str | None) -> None:
    """Refuse an unsafe request without the expected CSRF token or from another site."""
    if not _same_origin(request):
        raise ApiError(403, "cross-site request refused", "csrf_failed")
    sent = request.headers.get("x-csrf-token")
    if sent is None and "form" in request.headers.get("content-type", ""):
        sent = (await request.form()).get("csrf_token")
    if not expected or not isinstance(sent, str) or not hmac.compare_digest(sent, expected):
        raise ApiError(403, "missing or wrong CSRF token; reload the page and submit again", "csrf_failed")


async def editor(request: Request) -> User:
    """Dependency of every write: an authenticated user who may edit (CSRF-checked for cookies)."""
    auth = authenticate(request)
    if auth.user is None:
        raise ApiError(401, "editing needs a login (/login) or an API token (Authorization: Bearer ...)",
                       headers={"WWW-Authenticate": "Bearer"})
    if not auth.user.can_edit:
        raise ApiError(403, f"user '{auth.user.name}' may read but not edit")
    if auth.via == "session" and request.method in UNSAFE:
        await check_csrf(request, auth.csrf_token)
    return auth.user
