"""The web dashboard and JSON API (``bioregion serve``); needs the ``web`` extra."""

from __future__ import annotations

from typing import Any

from ..errors import MissingExtraError

__all__ = ["create_app"]


def create_app(store_url: str, **options: Any) -> Any:
    """Build the FastAPI app serving ``store_url`` (see :func:`bioregion.web.app.create_app`)."""
    try:
        from .app import create_app as build
    except ImportError as error:
        raise MissingExtraError(error.name or "fastapi", "web") from None
    return build(store_url, **options)
