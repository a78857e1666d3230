"""Policy levers of a shipped scenario that a visitor may change, within limits the server sets.

A lever is a field of one of the scenario's policy instruments: its time
window (``start``, ``end``), its total ``budget`` (all instruments but the tax
credit), the refunded ``rate`` of a tax credit, the ``distance_factor`` of an
interregional programme; plus the horizon (``years``), the number of
replicates and the seed of the run. :func:`apply_levers` checks every value
and returns the changed scenario (through :meth:`Scenario.with_parameter`,
as a sweep would) and the shipped one with the same horizon, its baseline.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Mapping

from ..errors import ValidationError
from ..simulate.scenario import Policy, Scenario, load_scenario, shipped_scenarios

__all__ = ["Limits", "Levers", "levers_of", "apply_levers", "policy_fields"]


@dataclass(frozen=True)
class Limits:
    """What one run may ask for, so that a visitor cannot overload the server.

    Attributes
    ----------
    max_replicates, max_replicates_anonymous : int
        Replicates per scenario for users who logged in, and for anonymous visitors.
    max_years : int
        Longest horizon.
    budget_factor : float
        A budget may rise to this multiple of the shipped budget.
    max_active : int
        Runs queued or running on the server at once.
    max_active_per_requester : int
        Runs queued or running per user (or per address for anonymous visitors).
    deadline_seconds : float
        A run still going after this long is stopped between two replicates.
    keep : int
        Finished runs kept in memory to be looked at.
    """

    max_replicates: int = 30
    max_replicates_anonymous: int = 10
    max_years: int = 40
    budget_factor: float = 4.0
    max_active: int = 3
    max_active_per_requester: int = 1
    deadline_seconds: float = 300.0
    keep: int = 20


@dataclass(frozen=True)
class Levers:
    """A validated run request: the changed scenario, its baseline, replicates and seed."""

    scenario: Scenario
    baseline: Scenario
    replicates: int
    seed: int
    changes: dict[str, dict[str, Any]]


def policy_fields(policy: Policy) -> tuple[str, ...]:
    """The fields of a policy a visitor may change."""
    amount = ("rate",) if policy.instrument == "tax" else ("budget",)
    extra = ("distance_factor",) if policy.instrument == "programme" else ()
    return ("start", "end") + amount + extra


def _budget_cap(policy: Policy, limits: Limits) -> float:
    return limits.budget_factor * (policy.budget or 1e8)


def levers_of(name: str, limits: Limits) -> dict[str, Any]:
    """A shipped scenario's levers with their shipped values and bounds (for the form and the API)."""
    scenario = _shipped(name)
    policies = []
    for p in scenario.policies:
        bounds = {"start": [1900, 2200], "end": [1900, 2200], "budget": [0, _budget_cap(p, limits)],
                  "rate": [0, 1], "distance_factor": [0, 1]}
        policies.append({"id": p.id, "instrument": p.instrument, "regions": list(p.regions),
                         "values": {f: getattr(p, f) for f in policy_fields(p)},
                         "bounds": {f: bounds[f] for f in policy_fields(p)}})
    return {"name": scenario.name, "description": scenario.description, "start_year": scenario.start_year,
            "years": min(scenario.years, limits.max_years), "regions": [r.name for r in scenario.regions],
            "policies": policies}


def _shipped(name: str) -> Scenario:
    if name not in shipped_scenarios():
        raise ValidationError(f"no shipped scenario '{name}'; choose one of: {', '.join(shipped_scenarios())}",
                              field="scenario")
    return load_scenario(name)


def apply_levers(request: Mapping[str, Any], limits: Limits, anonymous: bool) -> Levers:
    """Check a run request and build the changed scenario and its baseline.

    Parameters
    ----------
    request : mapping
        ``scenario`` (a shipped name), ``years``, ``replicates``, ``seed`` and
        ``policies``: ``{policy id: {field: value}}`` for the fields of
        :func:`policy_fields`; missing values keep the shipped ones.
    limits : Limits
    anonymous : bool
        Whether the requester is an anonymous visitor (fewer replicates).

    Raises
    ------
    ValidationError
        One line naming the field that is out of bounds.
    """
    shipped = _shipped(str(request.get("scenario") or ""))
    cap = limits.max_replicates_anonymous if anonymous else limits.max_replicates
    years = _whole(request.get("years", min(shipped.years, limits.max_years)), "years", 1, limits.max_years)
    replicates = _whole(request.get("replicates", min(10, cap)), "replicates", 1, cap,
                        " (log in for more)" if anonymous and cap < limits.max_replicates else "")
    seed = _whole(request.get("seed", 0), "seed", 0, 2**31 - 1)
    baseline = shipped.with_parameter("years", years)
    scenario, changes = baseline, {}
    policies = request.get("policies") or {}
    if not isinstance(policies, Mapping):
        raise ValidationError("needs a mapping {policy id: {field: value}}", field="policies")
    known = {p.id: p for p in shipped.policies}
    for pid, values in policies.items():
        if pid not in known:
            raise ValidationError(f"no policy '{pid}' in {shipped.name}; use one of: {', '.join(known)}",
                                  field="policies")
        for field, value in _policy_values(known[pid], values, limits).items():
            if value != getattr(known[pid], field):
                scenario = scenario.with_parameter(f"policies.{pid}.{field}", value)
                changes.setdefault(pid, {})[field] = value
    _check_windows(scenario)
    name = f"{shipped.name} with your levers" if changes else f"{shipped.name} (unchanged)"
    return Levers(dataclasses.replace(scenario, name=name, source=""), baseline, replicates, seed, changes)


def _policy_values(policy: Policy, values: Any, limits: Limits) -> dict[str, Any]:
    if not isinstance(values, Mapping):
        raise ValidationError("needs a mapping {field: value}", field=f"policies.{policy.id}")
    allowed = policy_fields(policy)
    out: dict[str, Any] = {}
    for field, value in values.items():
        where = f"policies.{policy.id}.{field}"
        if field not in allowed:
            raise ValidationError(f"cannot change '{field}' of a {policy.instrument} policy; change: "
                                  f"{', '.join(allowed)}", field=where)
        if value is None or value == "":
            continue
        if field in ("start", "end"):
            out[field] = _whole(value, where, 1900, 2200)
        else:
            high = _budget_cap(policy, limits) if field == "budget" else 1.0
            out[field] = _number(value, where, high)
    return out


def _check_windows(scenario: Scenario) -> None:
    for policy in scenario.policies:
        if policy.end < policy.start:
            raise ValidationError(f"ends in {policy.end}, before it starts in {policy.start}",
                                  field=f"policies.{policy.id}.end")


def _whole(value: Any, field: str, low: int, high: int, hint: str = "") -> int:
    try:
        number = float(str(value).strip())
    except ValueError:
        number = float("nan")
    if not number.is_integer():
        raise ValidationError(f"'{value}' is not a whole number", field=field)
    if not low <= number <= high:
        raise ValidationError(f"{number:.0f} is not between {low} and {high}{hint}", field=field)
    return int(number)


def _number(value: Any, field: str, high: float) -> float:
    try:
        number = float(str(value).strip())
    except ValueError:
        raise ValidationError(f"'{value}' is not a number", field=field) from None
    if not 0 <= number <= high:  # also refuses nan
        raise ValidationError(f"{number:g} is not between 0 and {high:g}", field=field)
    return number
