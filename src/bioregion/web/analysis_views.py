"""Analysis results for one organisation, from :mod:`bioregion.analysis`, cached per store version.

Openness follows Michelino et al. (2015) and Laursen & Salter (2006)
(:func:`bioregion.analysis.openness.openness`); suggested partners come from
:func:`bioregion.analysis.partners.partner_candidates`, with its reasons.
"""

from __future__ import annotations

from typing import Any

from ..errors import NotFoundError
from .snapshot import Snapshot

__all__ = ["organisation_analysis"]


def _records(frame: Any) -> list[dict[str, Any]]:
    import json

    return json.loads(frame.to_json(orient="records", default_handler=str))


def organisation_analysis(snap: Snapshot, org_id: str) -> dict[str, Any]:
    """Openness row and the ten best-fit partner candidates of ``org_id``."""
    if org_id not in snap.eco.organisation_index:
        raise NotFoundError(f"no organisation '{org_id}'; search the list at /orgs")

    def build() -> dict[str, Any]:
        from ..analysis.openness import openness
        from ..analysis.partners import partner_candidates

        table = snap.lazy("openness", lambda: openness(snap.eco))
        rows = _records(table[table["organisation_id"] == org_id])
        return {"id": org_id, "name": snap.eco.organisation_index[org_id]["name"],
                "openness": rows[0] if rows else None,
                "suggested_partners": _records(partner_candidates(snap.eco, org_id, top=10))}

    return snap.lazy(("analysis", org_id), build)
