"""The hypotheses page (``/hypotheses`` and ``/hypotheses.json``): Segers's (2017) H1-H4 as
``bioregion analyze hypotheses`` computes them.

The tests are :func:`bioregion.analysis.hypotheses.hypotheses` (exact binomial
tests, Spearman's rho, Mann & Whitney's U; see that module for the references),
kept per store version for the default ``alpha`` and ``window``. The page adds names to
organisation ids and nothing else; non-finite numbers become ``null`` in JSON.
"""

from __future__ import annotations

import math
from typing import Any

from fastapi import APIRouter, Depends, Query, Request

from ..errors import MissingExtraError, ValidationError
from .auth import reader
from .render import twin
from .snapshot import Snapshot

__all__ = ["hypotheses_data", "VERDICTS", "router"]

router = APIRouter(include_in_schema=False, dependencies=[Depends(reader)])

#: How a ``supported`` value reads on the page.
VERDICTS = {True: "supported", False: "not supported", None: "the data cannot tell"}


def _finite(value: Any) -> Any:
    """``value`` with NaN and infinities replaced by ``None`` (JSON has no NaN)."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    return value


def hypotheses_data(snap: Snapshot, alpha: float = 0.05, window: int = 10) -> dict[str, Any]:
    """H1-H4 with their statement, test, result, p-value, verdict and caveats (defaults cached per version).

    Raises
    ------
    ValidationError
        ``alpha`` outside (0, 1) or ``window`` below 1.
    """
    if not 0 < alpha < 1:
        raise ValidationError(f"alpha {alpha:g} must lie between 0 and 1, e.g. 0.05", field="alpha")
    if window < 1:
        raise ValidationError(f"window {window} must be at least 1 year", field="window")

    def build() -> dict[str, Any]:
        from ..analysis.hypotheses import hypotheses

        try:
            results = _finite(hypotheses(snap.eco, alpha=alpha, window=window))
        except MissingExtraError as error:
            return {"alpha": alpha, "window": window, "hypotheses": [], "missing": str(error)}
        return {"alpha": alpha, "window": window, "hypotheses": results, "missing": None}

    if (alpha, window) != (0.05, 10):
        return build()                      # other settings are not kept: a few milliseconds each
    return snap.lazy("hypotheses", build)


@twin(router, "/hypotheses", "hypotheses.html")
async def hypotheses_page(request: Request, alpha: float = Query(0.05, gt=0, lt=1),
                          window: int = Query(10, ge=1, le=100)) -> dict[str, Any]:
    """Each hypothesis with its statement, test, result, p-value, verdict and caveats."""
    snap = request.app.state.store_state.snapshot()
    return {"data": hypotheses_data(snap, alpha, window), "title": "Hypotheses H1-H4", "verdicts": VERDICTS,
            "orgs": snap.eco.organisation_index, "regions": snap.region_names}
