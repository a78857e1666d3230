"""The event log of a run written as ecosystem records.

Every simulated alliance becomes a ``relations`` row with its ``parties`` and
``terms``; every agent an ``organisations`` row (status closed or acquired with
the quarter it ended); the scenario's regions become ``regions`` rows. The
result passes :meth:`bioregion.ecosystem.Ecosystem.from_records`, so the
analysis module and the report read simulated and observed ecosystems alike.
"""

from __future__ import annotations

from typing import Any

from ..taxonomy import STAGES
from .state import FIRM, MODELS

__all__ = ["to_records", "quarter_date"]

_STAGE_NAMES = ("preclinical", "phase1", "phase2", "phase3", "filed", "approved")


def quarter_date(start_year: int, step: int) -> str:
    """The ``YYYY-MM`` date of the first month of a step's quarter.

    Examples
    --------
    >>> quarter_date(2000, 5)
    '2001-04'
    """
    year, quarter = divmod(step, 4)
    return f"{start_year + year:04d}-{3 * quarter + 1:02d}"


def to_records(model) -> dict[str, list[dict[str, Any]]]:
    """Return ``{table: [rows]}`` for the model's agents and event log.

    Rows use the schema's column names (:mod:`bioregion.schema`); amounts are
    in USD, royalty rates in ``%``. A ``sources`` row names the scenario and
    seed that produced the records.
    """
    scenario = model.scenario
    source_id = f"simulation-{scenario.name}"
    records: dict[str, list[dict[str, Any]]] = {
        "sources": [{"id": source_id, "kind": "simulation",
                     "title": f"bioregion simulation of scenario {scenario.name}, seed {model.seed}"}],
        "regions": [{"id": r.id, "name": r.name, "level": 4, "centroid_lat": r.lat, "centroid_lon": r.lon}
                    for r in scenario.regions],
        "organisations": _organisations(model),
        "relations": [], "parties": [], "terms": [],
        "policies": [{"id": p.id, "name": p.id, "region_id": p.regions[0] if len(p.regions) == 1 else None,
                      "start": str(p.start), "end": str(p.end) if p.end < 2200 else None,
                      "instrument": p.instrument, "budget": p.budget or None,
                      "currency": "EUR" if p.budget else None} for p in scenario.policies],
        "programs": _programs(model),
    }
    for number, event in enumerate(model.events):
        _add_event(records, scenario.start_year, f"sim-r{number}", event)
    return records


def _organisations(model) -> list[dict[str, Any]]:
    a, scenario = model.agents, model.scenario
    regions = model.env.region_ids
    rows = []
    for i in range(a.n):
        ended = model.closures.get(i)
        region = regions[a.region[i]]
        rows.append({
            "id": a.ids[i], "name": a.names[i], "kind": a.org_kinds[i],
            "region_id": None if region == "abroad" else region,
            "founded": str(scenario.start_year + int(a.founded[i]) // 4),
            "ended": quarter_date(scenario.start_year, ended[0]) if ended else None,
            "status": ended[1] if ended else "active",
            "business_model": MODELS[a.model[i]] if a.kind[i] == FIRM else None,
            "listed": ["SIM"] if a.listed[i] else [],
        })
    return rows


def _programs(model) -> list[dict[str, Any]]:
    p, a = model.programs, model.agents
    as_of = quarter_date(model.scenario.start_year, model.t)
    return [{"id": f"sim-p{i}", "organisation_id": a.ids[p.owner[i]], "name": f"Simulated program {i}",
             "stage": "marketed" if p.stage[i] == 5 else _STAGE_NAMES[p.stage[i]],
             "partner_id": a.ids[p.partner[i]] if p.partner[i] >= 0 else None, "as_of": as_of}
            for i in p.live()]


def _add_event(records: dict, start_year: int, rid: str, event: tuple) -> None:
    step, kind, parties, stage, terms = event
    stage_name = stage if isinstance(stage, str) else (_STAGE_NAMES[stage] if 0 <= stage < 6 else None)
    records["relations"].append({
        "id": rid, "type": kind, "date_announced": quarter_date(start_year, step),
        "status": "completed" if kind in ("acquisition", "ipo", "spin_off", "venture_round") else "active",
        "stage_at_signing": stage_name if stage_name in STAGES else None, "notes": "simulated",
    })
    records["parties"] += [{"relation_id": rid, "organisation_id": _id(records, p), "role": role}
                           for p, role in parties]
    for component, amount in terms.items():
        records["terms"].append({"relation_id": rid, "component": component, "amount": float(amount),
                                 "currency": "%" if component == "royalty" else "USD", "disclosed": True})


def _id(records: dict, row: int) -> str:
    return records["organisations"][row]["id"]
