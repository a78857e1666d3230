"""Open innovation per organisation: inbound, outbound and coupled activity, breadth, depth, openness class.

Each party role of a relation reads as an open-innovation mode (DESIGN
section 2, after Dahlander & Gann 2010 and Chesbrough 2003):

================================  ==========================================
role (relation type)              mode
================================  ==========================================
licensee (license)                inbound, pecuniary (acquiring)
client (contract_services)        inbound, pecuniary (acquiring)
acquirer (acquisition)            inbound, pecuniary (acquiring)
licensor (license)                outbound, pecuniary (selling)
parent (spin_off)                 outbound (venturing)
partner (rd_collaboration,        coupled
co_development, joint_venture,
consortium, marketing_distribution)
================================  ==========================================

Financial ties (equity, venture rounds, IPOs), grants, memberships, mergers
and the passive sides (target, provider, offspring, investee) are not read as
open-innovation activity of that party.

Openness class
--------------
The curated labels of Segers (2017, Table 4) follow Michelino et al. (2015),
who scored openness from financial statements. From relations we derive an
openness score, the number of open-innovation relations of the organisation,
and cut it at two thresholds: ``hardly_open`` up to ``low``, ``very_open``
above ``high``, ``fairly_open`` between. By default the thresholds are derived
from the data as the tertiles (1/3 and 2/3 quantiles) of the score over firms
(:data:`~bioregion.analysis.business_models.FIRM_KINDS`) with at least one
such relation, ``high`` at least ``low + 1``; pass them explicitly to fix them.
A regional dataset sees foreign partners only through their ties to the
region, so their scores are low by construction: read the agreement with that
in mind. :func:`openness_agreement` sets the derived labels next to the
curated ``openness_table4`` indicator rows and reports the agreement (share
and Cohen's kappa) without forcing it.

References
----------
.. [1] Chesbrough, H. W. (2003). *Open Innovation: The New Imperative for
   Creating and Profiting from Technology*. Harvard Business School Press.
.. [2] Dahlander, L., & Gann, D. M. (2010). How open is innovation?
   *Research Policy* 39(6), 699-709.
.. [3] Laursen, K., & Salter, A. (2006). Open for innovation: the role of
   openness in explaining innovation performance among U.K. manufacturing
   firms. *Strategic Management Journal* 27(2), 131-150.
.. [4] Michelino, F., Lamberti, E., Cammarano, A., & Caputo, M. (2015). Open
   innovation in the pharmaceutical industry: an empirical analysis on
   context features, internal R&D, and financial performances. *IEEE
   Transactions on Engineering Management* 62(3), 421-435.
.. [5] Cohen, J. (1960). A coefficient of agreement for nominal scales.
   *Educational and Psychological Measurement* 20(1), 37-46.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import numpy as np
import pandas as pd

from ..ecosystem import Ecosystem
from ..taxonomy import OPENNESS_CLASSES

__all__ = ["MODE_OF_ROLE", "open_innovation_modes", "openness", "openness_thresholds", "openness_agreement",
           "cohen_kappa"]

_COUPLED_TYPES = ("rd_collaboration", "co_development", "joint_venture", "consortium", "marketing_distribution")

#: (relation type, role) -> open-innovation mode.
MODE_OF_ROLE: dict[tuple[str, str], str] = {
    ("license", "licensee"): "inbound",
    ("contract_services", "client"): "inbound",
    ("acquisition", "acquirer"): "inbound",
    ("license", "licensor"): "outbound",
    ("spin_off", "parent"): "outbound",
    **{(t, "partner"): "coupled" for t in _COUPLED_TYPES},
}

_COLUMNS = ["organisation_id", "name", "kind", "inbound", "outbound", "coupled", "score", "breadth",
            "breadth_share", "depth", "partner_kinds"]


def open_innovation_modes(ecosystem: Ecosystem) -> list[dict[str, Any]]:
    """One row per (organisation, relation) that is open-innovation activity, with its mode and partner kinds."""
    relations = {r["id"]: r for r in ecosystem.rows("relations")}
    out = []
    for relation_id, parties in ecosystem.parties_by_relation.items():
        kind = relations[relation_id]["type"]
        for party in parties:
            mode = MODE_OF_ROLE.get((kind, party["role"]))
            if mode is None:
                continue
            others = [ecosystem.organisation_index[p["organisation_id"]]["kind"]
                      for p in parties if p["organisation_id"] != party["organisation_id"]]
            out.append({"organisation_id": party["organisation_id"], "relation_id": relation_id,
                        "type": kind, "role": party["role"], "mode": mode, "partner_kinds": sorted(set(others))})
    return out


def openness(ecosystem: Ecosystem, depth_threshold: int = 3, thresholds: tuple[float, float] | None = None,
             kinds: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Inbound, outbound, coupled counts, breadth, depth and a derived openness class per organisation.

    Parameters
    ----------
    ecosystem : Ecosystem
    depth_threshold : int
        A partner kind counts towards depth when the organisation has at least
        this many open-innovation relations with it (Laursen & Salter 2006 count
        a source as deep when it is used to a high degree).
    thresholds : (low, high), optional
        Score cut points; default :func:`openness_thresholds` of the data.
    kinds : tuple of str, optional
        Keep organisations of these kinds (all by default).

    Returns
    -------
    pandas.DataFrame
        ``organisation_id, name, kind, inbound, outbound, coupled, score,
        breadth`` (distinct partner kinds), ``breadth_share`` (over the
        organisation kinds of the taxonomy), ``depth``, ``partner_kinds``,
        ``derived`` (openness class) for organisations with at least one
        open-innovation relation, sorted by score.

    References
    ----------
    Dahlander & Gann (2010); Chesbrough (2003); Laursen & Salter (2006); Michelino et al. (2015).
    """
    from ..taxonomy import ORGANISATION_KINDS

    modes: dict[str, Counter] = defaultdict(Counter)
    partners: dict[str, Counter] = defaultdict(Counter)
    for row in open_innovation_modes(ecosystem):
        modes[row["organisation_id"]][row["mode"]] += 1
        partners[row["organisation_id"]].update(row["partner_kinds"])
    rows = []
    for org_id, counts in modes.items():
        org = ecosystem.organisation_index[org_id]
        if kinds and org["kind"] not in kinds:
            continue
        breadth = len(partners[org_id])
        rows.append({"organisation_id": org_id, "name": org["name"], "kind": org["kind"],
                     "inbound": counts["inbound"], "outbound": counts["outbound"], "coupled": counts["coupled"],
                     "score": sum(counts.values()), "breadth": breadth,
                     "breadth_share": breadth / len(ORGANISATION_KINDS),
                     "depth": sum(1 for n in partners[org_id].values() if n >= depth_threshold),
                     "partner_kinds": dict(sorted(partners[org_id].items()))})
    frame = pd.DataFrame(rows, columns=_COLUMNS)
    if thresholds is None:
        from .business_models import FIRM_KINDS

        thresholds = openness_thresholds(frame.loc[frame["kind"].isin(FIRM_KINDS), "score"])
    low, high = thresholds
    frame["derived"] = [_label(s, low, high) for s in frame["score"]]
    frame.attrs["thresholds"] = {"low": low, "high": high}
    return frame.sort_values(["score", "organisation_id"], ascending=[False, True]).reset_index(drop=True)


def openness_thresholds(scores: pd.Series) -> tuple[float, float]:
    """Tertile cut points of positive scores: ``hardly <= low < fairly <= high < very``.

    Examples
    --------
    >>> openness_thresholds(pd.Series([1, 2, 3, 4, 5, 6]))
    (2.667, 4.333)
    >>> openness_thresholds(pd.Series([1, 1, 1, 1, 2, 5]))
    (1.0, 2.0)
    """
    values = np.asarray([s for s in scores if s > 0], dtype=float)
    if values.size == 0:
        return (1.0, 2.0)
    low, high = np.quantile(values, [1 / 3, 2 / 3])
    return (round(float(low), 3), round(float(max(high, low + 1)), 3))


def _label(score: float, low: float, high: float) -> str:
    if score > high:
        return "very_open"
    if score > low:
        return "fairly_open"
    return "hardly_open"


def openness_agreement(ecosystem: Ecosystem, frame: pd.DataFrame | None = None,
                       indicator: str = "openness_table4") -> dict[str, Any]:
    """Derived openness classes next to the curated labels, with the agreement.

    Organisations with a curated label but no open-innovation relation are
    derived ``hardly_open``.

    Returns
    -------
    dict
        ``rows`` (organisation, curated, derived, score), ``n``, ``agree``
        (share of equal labels), ``kappa`` (Cohen 1960), ``confusion`` (curated
        -> derived -> count) and the ``thresholds`` used.
    """
    frame = openness(ecosystem) if frame is None else frame
    derived = dict(zip(frame["organisation_id"], frame["derived"]))
    scores = dict(zip(frame["organisation_id"], frame["score"]))
    curated = {r["organisation_id"]: r["category"] for r in ecosystem.rows("indicators")
               if r["indicator"] == indicator and r["organisation_id"] and r["category"]}
    rows = [{"organisation_id": org, "name": ecosystem.organisation_index[org]["name"], "curated": label,
             "derived": derived.get(org, "hardly_open"), "score": int(scores.get(org, 0))}
            for org, label in sorted(curated.items())]
    confusion: dict[str, Counter] = {c: Counter() for c in OPENNESS_CLASSES}
    for row in rows:
        confusion.setdefault(row["curated"], Counter())[row["derived"]] += 1
    pairs = [(r["curated"], r["derived"]) for r in rows]
    return {"rows": rows, "n": len(rows), "agree": (sum(a == b for a, b in pairs) / len(pairs)) if pairs else None,
            "kappa": cohen_kappa(pairs), "confusion": {k: dict(v) for k, v in confusion.items()},
            "thresholds": frame.attrs.get("thresholds")}


def cohen_kappa(pairs: list[tuple[str, str]]) -> float | None:
    """Cohen's kappa of paired nominal labels; ``None`` when undefined.

    Examples
    --------
    >>> cohen_kappa([("a", "a"), ("b", "b"), ("a", "b"), ("b", "b")])
    0.5
    """
    if not pairs:
        return None
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[c] * second[c] for c in set(first) | set(second)) / n**2
    return None if expected == 1 else round((observed - expected) / (1 - expected), 12)
