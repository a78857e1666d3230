"""Triple-helix synergy: Leydesdorff's mutual information in three dimensions.

Each event (a relation, a co-authored paper, a patent) is a cell of a 2x2x2
table: whether a university (U), industry (I) and government (G) party takes
part. From the cell counts the transmission (mutual information in three
dimensions) is

    T(UIG) = H(U) + H(I) + H(G) - H(UI) - H(UG) - H(IG) + H(UIG)

in bits. Unlike the bilateral mutual informations T(UI) = H(U) + H(I) - H(UI),
which are never negative, T(UIG) can be negative: a negative value means the
three spheres reduce uncertainty together beyond their pairwise relations,
which Leydesdorff reads as synergy in the configuration.

Closed forms (tested): three identical variables give +1 bit, three
independent fair variables 0, and G = U XOR I with independent fair U, I gives
-1 bit.

References
----------
.. [1] Leydesdorff, L. (2003). The mutual information of university-industry-
   government relations: an indicator of the triple helix dynamics.
   *Scientometrics* 58(2), 445-467.
.. [2] Leydesdorff, L., & Ivanova, I. A. (2014). Mutual redundancies in
   interhuman communication systems: steps toward a calculus of processing
   meaning. *Journal of the Association for Information Science and
   Technology* 65(2), 386-399.
"""

from __future__ import annotations

import csv
import math
from collections import Counter
from itertools import product
from pathlib import Path
from typing import Any, Iterable, Mapping

import pandas as pd

from ..ecosystem import Ecosystem, relation_year
from ..errors import InputFormatError, ValidationError

__all__ = [
    "transmission",
    "read_counts",
    "sphere_counts",
    "triple_helix",
    "triple_helix_table",
]

Cell = tuple[int, int, int]
_AXES = "uig"


def _entropy(counts: Iterable[float]) -> float:
    values = [c for c in counts if c > 0]
    total = sum(values)
    if total <= 0:
        return 0.0
    return -sum(c / total * math.log2(c / total) for c in values)


def _marginal(cells: Mapping[Cell, float], axes: tuple[int, ...]) -> list[float]:
    out: Counter = Counter()
    for cell, count in cells.items():
        out[tuple(cell[a] for a in axes)] += count
    return list(out.values())


def transmission(cells: Mapping[Cell, float]) -> dict[str, Any]:
    """Mutual information in three dimensions (bits) from a (u, i, g) -> count table.

    Parameters
    ----------
    cells : mapping
        ``(u, i, g)`` (each 0 or 1: the sphere takes part or not) to the number
        of events in that cell. Missing cells count 0.

    Returns
    -------
    dict
        ``T`` (T(UIG), negative = synergy), ``T_ui``, ``T_ug``, ``T_ig`` (the
        bilateral mutual informations, never negative), the entropies ``H``
        (``u``, ``i``, ``g``, ``ui``, ``ug``, ``ig``, ``uig``) and ``n`` (events).

    Examples
    --------
    >>> xor = {(0, 0, 0): 1, (0, 1, 1): 1, (1, 0, 1): 1, (1, 1, 0): 1}
    >>> transmission(xor)["T"]
    -1.0

    References
    ----------
    Leydesdorff (2003); Leydesdorff & Ivanova (2014).
    """
    _check_cells(cells)
    h = {name: _entropy(_marginal(cells, axes)) for name, axes in (
        ("u", (0,)), ("i", (1,)), ("g", (2,)), ("ui", (0, 1)), ("ug", (0, 2)), ("ig", (1, 2)), ("uig", (0, 1, 2)))}
    t = h["u"] + h["i"] + h["g"] - h["ui"] - h["ug"] - h["ig"] + h["uig"]
    return {
        "T": _clean(t),
        "T_ui": _clean(h["u"] + h["i"] - h["ui"]),
        "T_ug": _clean(h["u"] + h["g"] - h["ug"]),
        "T_ig": _clean(h["i"] + h["g"] - h["ig"]),
        "H": {k: _clean(v) for k, v in h.items()},
        "n": float(sum(cells.values())),
        "cells": {"".join(map(str, c)): float(cells.get(c, 0)) for c in product((0, 1), repeat=3)},
    }


def _clean(value: float) -> float:
    rounded = round(value, 12)
    return 0.0 if rounded == 0 else rounded


def _check_cells(cells: Mapping[Cell, float]) -> None:
    for cell, count in cells.items():
        if len(cell) != 3 or any(v not in (0, 1) for v in cell):
            raise ValidationError(f"cell {cell} is not a (u, i, g) triple of 0/1 values")
        if count < 0 or not math.isfinite(count):
            raise ValidationError(f"cell {cell} has count {count}; counts are finite and not negative")
    if sum(cells.values()) <= 0:
        raise ValidationError("no events: every count is zero; give at least one positive count")


def read_counts(path: str | Path) -> dict[Cell, float]:
    """Read a ``u,i,g,count`` CSV (DESIGN section 4) into a cell table.

    Rows naming the same cell are added up.

    Raises
    ------
    InputFormatError
        When the file is missing, lacks a column or has a value that is not 0/1
        (``u``, ``i``, ``g``) or a non-negative number (``count``).
    """
    path = Path(path)
    if not path.is_file():
        raise InputFormatError(f"{path}: no such file; give a CSV with columns u,i,g,count")
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        header = [h.strip().lower() for h in reader.fieldnames or []]
        missing = [c for c in ("u", "i", "g", "count") if c not in header]
        if missing:
            raise InputFormatError(f"{path.name}: missing column(s) {', '.join(missing)}; the header is u,i,g,count")
        cells: Counter = Counter()
        for raw in reader:
            row = {k.strip().lower(): (v or "").strip() for k, v in raw.items() if k}
            cells[_parse_cell(row, path.name, reader.line_num)] += _parse_count(row, path.name, reader.line_num)
    return dict(cells)


def _parse_cell(row: Mapping[str, str], name: str, line: int) -> Cell:
    try:
        cell = tuple(int(float(row[a])) for a in _AXES)
    except ValueError:
        cell = (-1, -1, -1)
    if any(v not in (0, 1) for v in cell):
        raise InputFormatError(f"{name}, line {line}: u, i and g must be 0 or 1")
    return cell  # type: ignore[return-value]


def _parse_count(row: Mapping[str, str], name: str, line: int) -> float:
    try:
        count = float(row["count"])
    except ValueError:
        count = -1.0
    if count < 0 or not math.isfinite(count):
        raise InputFormatError(f"{name}, line {line}: count '{row['count']}' must be a number >= 0")
    return count


def _region_ancestors(ecosystem: Ecosystem) -> dict[str, set[str]]:
    parent = {r["id"]: r["parent_id"] for r in ecosystem.rows("regions")}
    out: dict[str, set[str]] = {}
    for region in parent:
        seen, current = set(), region
        while current and current not in seen:
            seen.add(current)
            current = parent.get(current)
        out[region] = seen
    return out


def _relation_regions(ecosystem: Ecosystem, parties: list[dict[str, Any]], ancestors: dict[str, set[str]]) -> set[str]:
    regions: set[str] = set()
    for party in parties:
        region = ecosystem.organisation_index[party["organisation_id"]]["region_id"]
        if region:
            regions |= ancestors.get(region, {region})
    return regions


def sphere_counts(
    ecosystem: Ecosystem, *, region: str | None = None, year: int | None = None, types: Iterable[str] | None = None
) -> dict[Cell, int]:
    """Count relations by the spheres of their parties: the (u, i, g) cell table.

    A relation falls in cell ``(u, i, g)`` where ``u`` is 1 when a party's
    effective sphere (its own, else its kind's default) is ``U``, and so on.

    Parameters
    ----------
    ecosystem : Ecosystem
    region : str, optional
        Keep relations with a party whose home region is ``region`` or lies inside it.
    year : int, optional
        Keep relations announced in that year.
    types : iterable of str, optional
        Keep these relation types only.
    """
    ancestors = _region_ancestors(ecosystem)
    keep = set(types) if types else None
    cells: Counter = Counter()
    for relation in ecosystem.rows("relations"):
        parties = ecosystem.parties_by_relation.get(relation["id"], [])
        if not parties or (keep and relation["type"] not in keep):
            continue
        if year is not None and relation_year(relation["date_announced"]) != year:
            continue
        if region and region not in _relation_regions(ecosystem, parties, ancestors):
            continue
        spheres = {ecosystem.sphere(p["organisation_id"]) for p in parties}
        cells[tuple(int(s in spheres) for s in "UIG")] += 1
    return dict(cells)


def triple_helix(ecosystem: Ecosystem, *, region: str | None = None, year: int | None = None,
                 types: Iterable[str] | None = None) -> dict[str, Any]:
    """T(UIG) and the bilateral T's over the relations of an ecosystem.

    See :func:`sphere_counts` for the selection and :func:`transmission` for the
    values; raises :class:`~bioregion.errors.ValidationError` when no relation
    is selected.

    References
    ----------
    Leydesdorff (2003); Leydesdorff & Ivanova (2014).
    """
    cells = sphere_counts(ecosystem, region=region, year=year, types=types)
    if not cells:
        where = " ".join(p for p in (f"in region {region}" if region else "", f"in {year}" if year else "") if p)
        raise ValidationError(f"no relations with parties {where or 'in this ecosystem'}; widen the selection")
    return {"region": region, "year": year, **transmission(cells)}


def triple_helix_table(ecosystem: Ecosystem, by: str = "region", min_events: int = 1) -> pd.DataFrame:
    """T(UIG) per region (``by="region"``) or per year (``by="year"``).

    Returns
    -------
    pandas.DataFrame
        One row per group with ``n``, ``T``, ``T_ui``, ``T_ug``, ``T_ig``;
        groups with fewer than ``min_events`` relations are left out.
    """
    if by not in ("region", "year"):
        raise ValidationError(f"cannot group by '{by}'; use region or year")
    if by == "region":
        groups: list[Any] = [r["id"] for r in ecosystem.rows("regions")]
    else:
        groups = sorted({y for y in (relation_year(r["date_announced"]) for r in ecosystem.rows("relations")) if y})
    rows = []
    for group in groups:
        cells = sphere_counts(ecosystem, **{by: group})
        if sum(cells.values()) >= max(min_events, 1):
            result = transmission(cells)
            rows.append({by: group, **{k: result[k] for k in ("n", "T", "T_ui", "T_ug", "T_ig")}})
    return pd.DataFrame(rows, columns=[by, "n", "T", "T_ui", "T_ug", "T_ig"])
