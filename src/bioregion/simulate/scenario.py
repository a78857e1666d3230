"""Scenarios: YAML files that say what to simulate, validated with one-line errors.

Schema (every key but ``name`` and ``regions`` is optional)::

    name: baseline-belgium            # text
    description: ...                  # text
    start_year: 1995                  # first simulated year (default 1995)
    years: 30                         # horizon in years (1-100, default 30)
    regions:                          # at least one; distances from the centroids
      - {id: BE2, name: Flanders, lat: 51.05, lon: 4.40}
    abroad_km: 6000                   # distance to partners abroad (default 6000)
    initial:                          # where the agents come from: one of
      ecosystem: belgium-2016         #   an embedded dataset (back-cast to start_year)
      synthetic:                      #   or counts per region and organisation kind
        BE2: {university: 5, new_biotech_firm: 20, venture_capital: 4}
      abroad: {big_pharma: 20, venture_capital: 10}   # partners outside the regions
    policies:                         # instruments with a time window and a budget
      - {id: vib, region: BE2, instrument: research_centre, start: 1996, end: 2024, budget: 9.0e8}
      - {id: interreg, regions: [BE2, BE3], instrument: programme, start: 2020,
         budget: 5.0e7, distance_factor: 0.25}
    shocks:
      - {kind: funding_winter, start: 2001, end: 2003, severity: 0.6}
      - {kind: patent_cliff, start: 2011, severity: 0.4}
    calibration: {spin_off_probability: 0.06}   # overrides of Calibration fields

Instruments (``budget`` is the total over the window, in EUR treated as USD):
``research_centre`` raises discoveries, ``incubator`` raises spin-offs,
``grant`` pays firms of the region, ``tax`` refunds ``rate`` (default 0.3) of
R&D burn, ``public_vc`` raises the chance of venture rounds, ``cluster_org``
raises local collaborations (matchmaking), ``programme`` brings its ``regions``
closer (``distance_factor``) and raises collaborations between them.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Mapping

import yaml

from .. import taxonomy as tx
from ..errors import InputFormatError, NotFoundError, ValidationError
from .calibration import Calibration

__all__ = ["Region", "Policy", "Shock", "Scenario", "load_scenario", "shipped_scenarios", "parse_scenario"]

SHOCK_KINDS = ("funding_winter", "patent_cliff")


@dataclass(frozen=True)
class Region:
    id: str
    name: str
    lat: float
    lon: float


@dataclass(frozen=True)
class Policy:
    id: str
    instrument: str
    regions: tuple[str, ...]
    start: int
    end: int
    budget: float
    rate: float = 0.3
    distance_factor: float = 0.25


@dataclass(frozen=True)
class Shock:
    kind: str
    start: int
    end: int
    severity: float


@dataclass(frozen=True)
class Scenario:
    """A validated scenario (see the module docstring for the YAML schema)."""

    name: str
    regions: tuple[Region, ...]
    description: str = ""
    start_year: int = 1995
    years: int = 30
    abroad_km: float = 6000.0
    initial: Mapping[str, Any] = field(default_factory=dict)
    policies: tuple[Policy, ...] = ()
    shocks: tuple[Shock, ...] = ()
    calibration: Calibration = field(default_factory=Calibration)
    source: str = ""

    @property
    def steps(self) -> int:
        """Number of quarterly steps."""
        return 4 * self.years

    def with_parameter(self, key: str, value: Any) -> "Scenario":
        """Return a copy with one dotted parameter replaced, for sweeps.

        ``calibration.<field>``, ``years``, ``start_year``, ``abroad_km``,
        ``policies.<id>.<field>`` and ``shocks.<index>.<field>`` are accepted.
        """
        head, _, rest = key.partition(".")
        if head == "calibration" and rest:
            return dataclasses.replace(self, calibration=self.calibration.with_overrides({rest: value}))
        if head in ("years", "start_year", "abroad_km") and not rest:
            return dataclasses.replace(self, **{head: type(getattr(self, head))(value)})
        if head in ("policies", "shocks") and rest.count(".") == 1:
            return self._with_item(head, *rest.split("."), value)
        raise ValidationError(
            f"cannot sweep '{key}'; use calibration.<field>, years, policies.<id>.<field> or shocks.<n>.<field>",
            field="param",
        )

    def _with_item(self, table: str, which: str, name: str, value: Any) -> "Scenario":
        items = list(getattr(self, table))
        index = next((i for i, it in enumerate(items) if getattr(it, "id", str(i)) == which or str(i) == which), None)
        if index is None or name not in {f.name for f in dataclasses.fields(items[index])}:
            raise ValidationError(f"no {table} item '{which}' with a field '{name}'", field="param")
        kind = type(getattr(items[index], name))
        items[index] = dataclasses.replace(items[index], **{name: kind(value)})
        return dataclasses.replace(self, **{table: tuple(items)})


def shipped_scenarios() -> dict[str, str]:
    """Return ``{name: description}`` of the scenarios shipped with bioregion."""
    out = {}
    for entry in sorted(resources.files(__package__).joinpath("scenarios").iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".yaml"):
            out[entry.name[:-5]] = str(yaml.safe_load(entry.read_text()).get("description", "")).strip()
    return out


def load_scenario(name_or_path: str | Path) -> Scenario:
    """Load a shipped scenario by name, or a YAML file by path, and validate it."""
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml") or path.exists():
        if not path.exists():
            raise NotFoundError(f"scenario file {path} does not exist; check the path")
        text = path.read_text()
    else:
        shipped = resources.files(__package__).joinpath("scenarios", f"{name_or_path}.yaml")
        if not shipped.is_file():
            raise NotFoundError(
                f"no scenario '{name_or_path}'; use one of: {', '.join(shipped_scenarios())} or a .yaml path"
            )
        text = shipped.read_text()
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise InputFormatError(f"{name_or_path} is not valid YAML: {str(error).splitlines()[0]}") from None
    return parse_scenario(raw, source=text)


def parse_scenario(raw: Any, source: str = "") -> Scenario:
    """Validate a scenario mapping (parsed YAML) and return a :class:`Scenario`."""
    if not isinstance(raw, Mapping):
        raise ValidationError("a scenario is a mapping of keys (name, regions, ...); see `bioregion simulate scenarios`")
    _only(raw, ("name", "description", "start_year", "years", "regions", "abroad_km", "initial",
                "policies", "shocks", "calibration"), "scenario")
    regions = tuple(_region(r, i) for i, r in enumerate(_list(raw, "regions", required=True)))
    ids = {r.id for r in regions}
    start = _int(raw, "start_year", 1995, 1900, 2200)
    return Scenario(
        name=_text(raw, "name", required=True),
        description=_text(raw, "description"),
        start_year=start,
        years=_int(raw, "years", 30, 1, 100),
        regions=regions,
        abroad_km=_float(raw, "abroad_km", 6000.0),
        initial=_initial(raw.get("initial") or {}, ids),
        policies=tuple(_policy(p, i, ids, start) for i, p in enumerate(_list(raw, "policies"))),
        shocks=tuple(_shock(s, i, start) for i, s in enumerate(_list(raw, "shocks"))),
        calibration=Calibration().with_overrides(_mapping(raw, "calibration")),
        source=source,
    )


def _only(raw: Mapping, allowed: tuple[str, ...], where: str) -> None:
    for key in raw:
        if key not in allowed:
            raise ValidationError(f"unknown key '{key}' in {where}; allowed keys: {', '.join(allowed)}", field=str(key))


def _list(raw: Mapping, key: str, required: bool = False) -> list:
    value = raw.get(key)
    if value is None and not required:
        return []
    if not isinstance(value, list) or (required and not value):
        raise ValidationError(f"needs a list{' with at least one item' if required else ''}", field=key)
    return value


def _mapping(raw: Mapping, key: str) -> Mapping:
    value = raw.get(key) or {}
    if not isinstance(value, Mapping):
        raise ValidationError("needs a mapping of key: value", field=key)
    return value


def _text(raw: Mapping, key: str, required: bool = False, where: str = "") -> str:
    value = raw.get(key)
    if value is None or str(value).strip() == "":
        if required:
            raise ValidationError("is required; write a short name", field=where + key)
        return ""
    return str(value).strip()


def _int(raw: Mapping, key: str, default: int, low: int, high: int, where: str = "") -> int:
    value = raw.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(f"'{value}' is not a whole number between {low} and {high}", field=where + key)
    return value


def _float(raw: Mapping, key: str, default: float, where: str = "", high: float | None = None) -> float:
    value = _yaml_number(raw.get(key, default))
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0 or (high and value > high):
        bound = f" and at most {high}" if high else ""
        raise ValidationError(f"'{value}' is not a number >= 0{bound}", field=where + key)
    return float(value)


def _yaml_number(value: Any) -> Any:
    """PyYAML reads ``2.4e9`` (no sign in the exponent) as text: accept it as a number."""
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return value
    return value


def _region(raw: Any, index: int) -> Region:
    where = f"regions[{index}]."
    if not isinstance(raw, Mapping):
        raise ValidationError("needs a mapping {id, name, lat, lon}", field=where[:-1])
    _only(raw, ("id", "name", "lat", "lon"), where[:-1])
    return Region(_text(raw, "id", True, where), _text(raw, "name", True, where),
                  _float_signed(raw, "lat", where), _float_signed(raw, "lon", where))


def _float_signed(raw: Mapping, key: str, where: str) -> float:
    value = raw.get(key)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValidationError(f"'{value}' is not a number; give the centroid in degrees, e.g. 50.8", field=where + key)
    return float(value)


def _initial(raw: Any, ids: set[str]) -> dict:
    if not isinstance(raw, Mapping):
        raise ValidationError("needs a mapping with ecosystem or synthetic", field="initial")
    _only(raw, ("ecosystem", "synthetic", "abroad"), "initial")
    out: dict[str, Any] = {"ecosystem": _text(raw, "ecosystem") or None}
    synthetic = raw.get("synthetic") or {}
    for region, counts in synthetic.items():
        if region not in ids:
            raise ValidationError(f"region '{region}' is not in regions; add it or use one of: {', '.join(sorted(ids))}",
                                  field="initial.synthetic")
        _counts(counts, f"initial.synthetic.{region}")
    _counts(raw.get("abroad") or {}, "initial.abroad")
    out["synthetic"] = {r: dict(c) for r, c in synthetic.items()}
    out["abroad"] = dict(raw.get("abroad") or {})
    return out


def _counts(counts: Any, where: str) -> None:
    if not isinstance(counts, Mapping):
        raise ValidationError("needs a mapping of organisation kind: count", field=where)
    for kind, count in counts.items():
        if kind not in tx.ORGANISATION_KINDS:
            raise ValidationError(f"unknown organisation kind '{kind}'; use one of: {', '.join(tx.ORGANISATION_KINDS)}",
                                  field=where)
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise ValidationError(f"'{count}' is not a count >= 0", field=f"{where}.{kind}")


def _policy(raw: Any, index: int, ids: set[str], start_year: int) -> Policy:
    where = f"policies[{index}]."
    if not isinstance(raw, Mapping):
        raise ValidationError("needs a mapping {id, region, instrument, start, end, budget}", field=where[:-1])
    _only(raw, ("id", "name", "region", "regions", "instrument", "start", "end", "budget", "rate",
                "distance_factor", "notes"), where[:-1])
    instrument = _text(raw, "instrument", True, where)
    if instrument not in tx.POLICY_INSTRUMENTS:
        raise ValidationError(f"unknown instrument '{instrument}'; use one of: {', '.join(tx.POLICY_INSTRUMENTS)}",
                              field=where + "instrument")
    regions = tuple(raw.get("regions") or ([raw["region"]] if raw.get("region") else []))
    for region in regions or ("",):
        if region not in ids:
            raise ValidationError(f"region '{region}' is not in regions; use one of: {', '.join(sorted(ids))}",
                                  field=where + "region")
    first = _int(raw, "start", start_year, 1900, 2200, where)
    return Policy(
        id=_text(raw, "id", True, where), instrument=instrument, regions=regions, start=first,
        end=_int(raw, "end", 2200, first, 2200, where), budget=_float(raw, "budget", 0.0, where),
        rate=_float(raw, "rate", 0.3, where, high=1.0),
        distance_factor=_float(raw, "distance_factor", 0.25, where, high=1.0),
    )


def _shock(raw: Any, index: int, start_year: int) -> Shock:
    where = f"shocks[{index}]."
    if not isinstance(raw, Mapping):
        raise ValidationError("needs a mapping {kind, start, end, severity}", field=where[:-1])
    _only(raw, ("kind", "start", "end", "severity", "notes"), where[:-1])
    kind = _text(raw, "kind", True, where)
    if kind not in SHOCK_KINDS:
        raise ValidationError(f"unknown shock '{kind}'; use one of: {', '.join(SHOCK_KINDS)}", field=where + "kind")
    first = _int(raw, "start", start_year, 1900, 2200, where)
    return Shock(kind, first, _int(raw, "end", first, first, 2200, where),
                 _float(raw, "severity", 0.5, where, high=1.0))
