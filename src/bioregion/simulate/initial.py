"""Initial populations: a synthetic generator, or an ecosystem back-cast to a start year.

Both return a list of :class:`Founding` rows; the model creates the agents whose
founding year is not after the start year at step 0 and the later knowledge
producers, pharma and investors at their founding quarter. Firms founded after
the start year are left to the model to create (they are what it simulates,
and what ``simulate calibrate`` compares with).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

import numpy as np

from ..errors import NotFoundError
from .scenario import Scenario
from .state import FIRM, MODELS, kind_of

__all__ = ["Founding", "synthetic_population", "ecosystem_population", "population", "prior_ties"]


@dataclass(frozen=True)
class Founding:
    """One organisation to create: id, name, taxonomy kind, region id, founding year."""

    id: str
    name: str
    org_kind: str
    region: str
    year: int
    business_model: str | None = None


def synthetic_population(counts: Mapping[str, Mapping[str, int]], start_year: int) -> list[Founding]:
    """Organisations from ``{region: {kind: count}}``, all present at the start.

    Examples
    --------
    >>> [f.id for f in synthetic_population({"BE2": {"university": 2}}, 2000)]
    ['BE2-university-0', 'BE2-university-1']
    """
    out = []
    for region, by_kind in counts.items():
        for kind, count in by_kind.items():
            out += [Founding(f"{region}-{kind}-{i}", f"{kind} {i} ({region})", kind, region, start_year)
                    for i in range(count)]
    return out


def ecosystem_population(records: Mapping[str, list[dict]], region_ids: list[str], start_year: int) -> list[Founding]:
    """Organisations of an ecosystem's records, with their regions and founding years.

    Organisations outside the scenario's regions are placed abroad; unknown
    founding years count as present at the start.
    """
    out = []
    for row in records.get("organisations", []):
        if row.get("status") in ("closed", "merged", "acquired") and _year(row.get("ended")) and \
                _year(row.get("ended")) <= start_year:
            continue
        region = row.get("region_id") if row.get("region_id") in region_ids else "abroad"
        model = row.get("business_model") if row.get("business_model") in MODELS else None
        out.append(Founding(row["id"], row.get("name") or row["id"], row["kind"], region,
                            _year(row.get("founded")) or start_year, model))
    return out


def prior_ties(records: Mapping[str, list[dict]], start_year: int) -> list[tuple[str, str]]:
    """Pairs of organisations allied (any relation type) up to ``start_year`` or undated."""
    dated = {r["id"]: _year(r.get("date_announced")) for r in records.get("relations", [])}
    members: dict[str, list[str]] = {}
    for party in records.get("parties", []):
        year = dated.get(party["relation_id"])
        if year is None or year <= start_year:
            members.setdefault(party["relation_id"], []).append(party["organisation_id"])
    return [(a, b) for orgs in members.values() for i, a in enumerate(orgs) for b in orgs[i + 1:] if a != b]


def population(scenario: Scenario, ecosystem: Any = None) -> tuple[list[Founding], list[tuple[str, str]]]:
    """The initial organisations and prior ties of a scenario.

    Parameters
    ----------
    scenario : Scenario
    ecosystem : Ecosystem or dict of records, optional
        Overrides ``initial.ecosystem``; an object with ``records()`` or a
        ``{table: [rows]}`` mapping shaped like :mod:`bioregion.schema`. An
        ecosystem replaces ``initial.synthetic``; ``initial.abroad`` is kept.
    """
    initial = scenario.initial
    ids = [r.id for r in scenario.regions]
    rows = synthetic_population({"abroad": initial.get("abroad", {})}, scenario.start_year)
    ties: list[tuple[str, str]] = []
    if ecosystem is None and initial.get("ecosystem"):
        ecosystem = _load_dataset(initial["ecosystem"])
    if ecosystem is None:  # an ecosystem replaces the synthetic counts of the regions
        rows += synthetic_population(initial.get("synthetic", {}), scenario.start_year)
    else:
        records = ecosystem.records() if hasattr(ecosystem, "records") else ecosystem
        rows += ecosystem_population(records, ids, scenario.start_year)
        ties = prior_ties(records, scenario.start_year)
    return rows, ties


def _load_dataset(name: str) -> Any:
    try:
        from ..ecosystem import Ecosystem
    except ImportError:
        raise NotFoundError(
            f"cannot load dataset '{name}': bioregion.ecosystem is not available in this build; "
            "use initial.synthetic in the scenario"
        ) from None
    return Ecosystem.from_dataset(name)


def _year(value: Any) -> int | None:
    if value is None:
        return None
    text = str(value)
    return int(text[:4]) if text[:4].isdigit() else None


def initial_profiles(rng: np.random.Generator, count: int, capabilities: int) -> np.ndarray:
    """Knowledge profiles with a few strong capabilities (expertise in [0, 1])."""
    return rng.random((count, capabilities)) ** 3


def is_firm(row: Founding) -> bool:
    """True when the organisation becomes a firm agent."""
    return kind_of(row.org_kind) == FIRM
