"""The tables of an ecosystem, their columns, and the coercion of one field.

One ecosystem is a set of tables (DESIGN.md section 2). Every reader (CSV,
XLSX, JSON, the embedded datasets, the web forms) hands raw values to
:func:`coerce_row`, which returns typed values or raises a
:class:`~bioregion.errors.ValidationError` naming the field and how to fix it.
Checks that need several rows (a role that must belong to its relation type, a
party naming an organisation that exists) live in :mod:`bioregion.integrity`.

Value kinds
-----------
``id``       a key: letters, digits and ``_ . : -``, no spaces
``text``     free text
``int``      a whole number
``float``    a number
``bool``     true/false, yes/no, 1/0
``date``     ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (partial dates are honest dates);
             empty or ``unknown`` means not known
``list``     several texts, ``;``-separated in CSV and XLSX, a JSON array in JSON
``mapping``  ``key=value`` pairs, ``;``-separated in CSV and XLSX, a JSON object in JSON
``choice``   one name of a taxonomy (see :mod:`bioregion.taxonomy`)
"""

from __future__ import annotations

import datetime as _dt
import difflib
import math
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from . import taxonomy as tx
from .errors import ValidationError

__all__ = ["Column", "Table", "TABLES", "TABLE_ORDER", "coerce_row", "format_value", "row_key"]

LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Column:
    """One column of a table.

    Attributes
    ----------
    name : str
        The column name used in files, the store and the API.
    kind : str
        The value kind (see the module docstring).
    required : bool
        Whether an empty value is refused.
    choices : tuple of str, optional
        The allowed names for a ``choice`` column.
    ref : str, optional
        The table whose ``id`` this column names.
    doc : str
        One line for the template documentation.
    """

    name: str
    kind: str = "text"
    required: bool = False
    choices: tuple[str, ...] | None = None
    ref: str | None = None
    doc: str = ""


@dataclass(frozen=True)
class Table:
    """A table of the ecosystem with its key columns."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ("id",)
    doc: str = ""
    column_names: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "column_names", tuple(c.name for c in self.columns))

    def column(self, name: str) -> Column:
        """Return the column called ``name``."""
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)


def _c(name: str, kind: str = "text", doc: str = "", **kw: Any) -> Column:
    return Column(name, kind, doc=doc, **kw)


_ORG = Table(
    "organisations",
    (
        _c("id", "id", "slug, e.g. galapagos", required=True),
        _c("name", "text", "name as commonly written", required=True),
        _c("aliases", "list", "other names, ;-separated"),
        _c("kind", "choice", "organisation kind", required=True, choices=tuple(tx.ORGANISATION_KINDS)),
        _c("sphere", "choice", "triple-helix sphere; empty = the kind's default", choices=tx.SPHERES),
        _c("region_id", "id", "home region (regions.id)", ref="regions"),
        _c("city", "text", "home city"),
        _c("country", "country", "ISO 3166-1 alpha-2 code, e.g. BE"),
        _c("founded", "date", "founding date"),
        _c("ended", "date", "date it ceased to exist independently"),
        _c("status", "choice", "active, acquired, closed or merged", choices=tx.ORGANISATION_STATUSES),
        _c("parent_id", "id", "parent organisation (organisations.id)", ref="organisations"),
        _c("listed", "list", "exchange listings, e.g. EBR:GLPG; NASDAQ:GLPG"),
        _c("identifiers", "mapping", "e.g. wikidata=Q123; lei=...; ror=...; cik=...; openalex=..."),
        _c("technology_platforms", "list", "platforms, ;-separated"),
        _c("therapeutic_areas", "list", "therapeutic areas, ;-separated"),
        _c("employees", "int", "head count"),
        _c("business_model", "choice", "curated business model", choices=tx.BUSINESS_MODELS),
        _c("notes", "text", "free text"),
    ),
    doc="Organisations of the ecosystem and their partners abroad.",
)

_REL = Table(
    "relations",
    (
        _c("id", "id", "relation key", required=True),
        _c("type", "choice", "relation type", required=True, choices=tuple(tx.RELATION_TYPES)),
        _c("date_announced", "date", "announcement date; empty when unknown"),
        _c("date_ended", "date", "end date"),
        _c("status", "choice", "announced, active, completed, terminated or expired", choices=tx.RELATION_STATUSES),
        _c("stage_at_signing", "choice", "stage of the asset at signing", choices=tx.STAGES),
        _c("asset", "text", "the asset, program or technology concerned"),
        _c("therapeutic_area", "text", "therapeutic area"),
        _c("territory", "text", "territory, e.g. worldwide, Japan"),
        _c("option", "bool", "true for an option (to license, to acquire)"),
        _c("notes", "text", "free text"),
    ),
    doc="Alliances, deals and ties between organisations.",
)

_PARTY = Table(
    "parties",
    (
        _c("relation_id", "id", "relations.id", required=True, ref="relations"),
        _c("organisation_id", "id", "organisations.id", required=True, ref="organisations"),
        _c("role", "text", "role allowed by the relation type, e.g. licensor", required=True),
    ),
    key=("relation_id", "organisation_id", "role"),
    doc="Who takes part in a relation, in which role.",
)

_TERM = Table(
    "terms",
    (
        _c("relation_id", "id", "relations.id", required=True, ref="relations"),
        _c("component", "choice", "upfront, milestones, royalty, equity, value, research_funding, other",
           required=True, choices=tx.TERM_COMPONENTS),
        _c("amount", "float", "amount in units (not millions); empty when undisclosed"),
        _c("currency", "text", "ISO 4217 code, e.g. EUR; % for a royalty rate"),
        _c("disclosed", "bool", "false when the term exists but was not disclosed"),
    ),
    key=("relation_id", "component"),
    doc="Financial terms of relations; undisclosed is a value, not a gap.",
)

_PROG = Table(
    "programs",
    (
        _c("id", "id", "program key", required=True),
        _c("organisation_id", "id", "owner (organisations.id)", required=True, ref="organisations"),
        _c("name", "text", "asset name, e.g. filgotinib", required=True),
        _c("modality", "text", "small molecule, antibody, cell therapy, diagnostic ..."),
        _c("indication", "text", "indication"),
        _c("therapeutic_area", "text", "therapeutic area"),
        _c("stage", "choice", "pipeline stage", choices=tx.STAGES),
        _c("partner_id", "id", "partner (organisations.id)", ref="organisations"),
        _c("as_of", "date", "date the stage was observed"),
    ),
    doc="Pipeline assets.",
)

_REGION = Table(
    "regions",
    (
        _c("id", "id", "NUTS code where one exists (BE2), else ISO-based (CN-BJ)", required=True),
        _c("name", "text", "name", required=True),
        _c("parent_id", "id", "enclosing region (regions.id)", ref="regions"),
        _c("level", "int", "0 country, 1-3 NUTS level, 4 city or cluster"),
        _c("country", "country", "ISO 3166-1 alpha-2 code"),
        _c("centroid_lat", "float", "centroid latitude"),
        _c("centroid_lon", "float", "centroid longitude"),
    ),
    doc="Regions, countries and sub-clusters.",
)

_INDICATOR = Table(
    "indicators",
    (
        _c("id", "id", "key; empty = derived from subject, indicator, year and source"),
        _c("region_id", "id", "regions.id (or give organisation_id)", ref="regions"),
        _c("organisation_id", "id", "organisations.id for firm-level indicators", ref="organisations"),
        _c("indicator", "text", "indicator name, e.g. biotech_firms", required=True),
        _c("year", "int", "reference year", required=True),
        _c("value", "float", "numeric value"),
        _c("category", "text", "categorical value, e.g. fairly_open"),
        _c("unit", "text", "unit, e.g. firms, EUR per inhabitant, index"),
        _c("source_id", "id", "sources.id", ref="sources"),
    ),
    doc="Regional and firm-level indicators (RIS, EIS, OECD KBI, Eurostat, openness).",
)

_POLICY = Table(
    "policies",
    (
        _c("id", "id", "policy key", required=True),
        _c("region_id", "id", "regions.id", ref="regions"),
        _c("name", "text", "name", required=True),
        _c("start", "date", "start date"),
        _c("end", "date", "end date"),
        _c("instrument", "choice", "grant, tax, incubator, public_vc, cluster_org, research_centre, programme",
           choices=tx.POLICY_INSTRUMENTS),
        _c("budget", "float", "budget in units"),
        _c("currency", "text", "ISO 4217 code of the budget"),
        _c("notes", "text", "free text"),
    ),
    doc="Regional policies and programmes with their time windows.",
)

_SOURCE = Table(
    "sources",
    (
        _c("id", "id", "source key", required=True),
        _c("title", "text", "title", required=True),
        _c("kind", "choice", "seed, press_release, annual_report, prospectus, registry, dataset, ...",
           choices=tx.SOURCE_KINDS),
        _c("author", "text", "author or publisher"),
        _c("url", "text", "address, if public"),
        _c("date", "date", "publication date"),
        _c("retrieved", "date", "date retrieved"),
        _c("notes", "text", "free text, e.g. licence"),
    ),
    doc="Where facts come from.",
)

_EVIDENCE = Table(
    "evidence",
    (
        _c("id", "id", "key; empty = derived from the other fields"),
        _c("source_id", "id", "sources.id", required=True, ref="sources"),
        _c("subject_table", "choice", "table of the row supported", required=True,
           choices=("organisations", "relations", "programs", "regions", "indicators", "policies")),
        _c("subject_id", "id", "id of the row supported", required=True),
        _c("locator", "text", "table, page, figure or section in the source"),
        _c("quote", "text", "the supporting words"),
    ),
    doc="Which source supports which row.",
)

#: All tables in load order (a table only refers to tables before it, or to itself).
TABLES: Mapping[str, Table] = {
    t.name: t
    for t in (_SOURCE, _REGION, _ORG, _REL, _PARTY, _TERM, _PROG, _INDICATOR, _POLICY, _EVIDENCE)
}
TABLE_ORDER: tuple[str, ...] = tuple(TABLES)

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:\-]{0,159}$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_TRUE = {"true", "yes", "y", "1", "t"}
_FALSE = {"false", "no", "n", "0", "f"}
_UNKNOWN = {"", "unknown", "n/a", "na", "none", "null"}


def _is_empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str) and value.strip().lower() in ("",):
        return True
    if isinstance(value, (list, tuple, dict)) and not value:
        return True
    return False


def _suggest(value: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _to_id(value: Any, col: Column) -> str:
    text = str(value).strip()
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    if not _ID.match(text):
        raise ValidationError(
            f"'{text}' is not a valid key; use letters, digits and _ . : - only, no spaces",
            field=col.name,
        )
    return text


def _to_int(value: Any, col: Column) -> int:
    if isinstance(value, bool):
        raise ValidationError(f"'{value}' is not a whole number", field=col.name)
    try:
        number = float(str(value).strip().replace(",", "")) if not isinstance(value, (int, float)) else value
    except ValueError:
        raise ValidationError(f"'{value}' is not a whole number; write digits only, e.g. 42", field=col.name) from None
    if not float(number).is_integer():
        raise ValidationError(f"'{value}' is not a whole number; write digits only, e.g. 42", field=col.name)
    return int(number)


def _to_float(value: Any, col: Column) -> float:
    if isinstance(value, bool):
        raise ValidationError(f"'{value}' is not a number", field=col.name)
    try:
        number = float(value) if isinstance(value, (int, float)) else float(str(value).strip().replace(",", ""))
    except ValueError:
        raise ValidationError(
            f"'{value}' is not a number; write it in units with a dot for decimals, e.g. 25000000",
            field=col.name,
        ) from None
    if math.isnan(number) or math.isinf(number):
        raise ValidationError(f"'{value}' is not a finite number", field=col.name)
    return number


def _to_bool(value: Any, col: Column) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValidationError(f"'{value}' is not true or false; write true or false", field=col.name)


def parse_date(value: Any, field_name: str = "date") -> str | None:
    """Normalise a full or partial date to ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

    Parameters
    ----------
    value : str, int, datetime.date or None
        The raw value; empty and ``unknown`` give ``None``.
    field_name : str
        The field named in an error.

    Returns
    -------
    str or None

    Examples
    --------
    >>> parse_date("2015-12")
    '2015-12'
    >>> parse_date(2016)
    '2016'
    """
    if _is_empty(value):
        return None
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if text.lower() in _UNKNOWN:
        return None
    match = _DATE.match(text)
    if not match:
        raise ValidationError(
            f"'{text}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (leave empty when unknown)",
            field=field_name,
        )
    year, month, day = match.groups()
    try:
        _dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise ValidationError(f"'{text}' is not a real calendar date; check the month and day", field=field_name) from None
    if int(year) < 1000:
        raise ValidationError(f"'{text}' has an impossible year; write four digits", field=field_name)
    return text


def _to_list(value: Any, col: Column) -> list[str]:
    items = value if isinstance(value, (list, tuple)) else str(value).split(LIST_SEPARATOR)
    out = [str(item).strip() for item in items if not _is_empty(item) and str(item).strip()]
    for item in out:
        if LIST_SEPARATOR in item:
            raise ValidationError(f"item '{item}' contains ';', which separates items; remove it", field=col.name)
    return out


def _to_mapping(value: Any, col: Column) -> dict[str, str]:
    if isinstance(value, Mapping):
        pairs = [(str(k).strip(), str(v).strip()) for k, v in value.items()]
    else:
        pairs = []
        for part in str(value).split(LIST_SEPARATOR):
            if not part.strip():
                continue
            if "=" not in part:
                raise ValidationError(f"'{part.strip()}' is not key=value; write e.g. wikidata=Q123", field=col.name)
            key, _, val = part.partition("=")
            pairs.append((key.strip(), val.strip()))
    for key, val in pairs:
        if not key or LIST_SEPARATOR in val or "=" in key:
            raise ValidationError(f"'{key}={val}' is not a valid key=value pair", field=col.name)
    return dict(sorted(pairs))


def _to_choice(value: Any, col: Column) -> str:
    text = str(value).strip()
    assert col.choices is not None
    if text not in col.choices:
        raise ValidationError(
            f"unknown {col.name.replace('_', ' ')} '{text}'{_suggest(text, col.choices)}; "
            f"use one of: {', '.join(col.choices)}",
            field=col.name,
        )
    return text


def _to_country(value: Any, col: Column) -> str:
    text = str(value).strip().upper()
    if not _COUNTRY.match(text):
        raise ValidationError(f"'{value}' is not an ISO 3166-1 alpha-2 country code; write e.g. BE", field=col.name)
    return text


def _to_text(value: Any, col: Column) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


_COERCE = {
    "id": _to_id,
    "text": _to_text,
    "int": _to_int,
    "float": _to_float,
    "bool": _to_bool,
    "date": lambda v, c: parse_date(v, c.name),
    "list": _to_list,
    "mapping": _to_mapping,
    "choice": _to_choice,
    "country": _to_country,
}


def coerce_value(col: Column, value: Any) -> Any:
    """Coerce one raw value to the column's type; ``None`` for empty values."""
    if _is_empty(value):
        if col.required:
            raise ValidationError(f"is required; fill in {col.doc or col.name}", field=col.name)
        return [] if col.kind == "list" else {} if col.kind == "mapping" else None
    result = _COERCE[col.kind](value, col)
    if col.required and result in (None, ""):
        raise ValidationError(f"is required; fill in {col.doc or col.name}", field=col.name)
    return result


def coerce_row(table: Table, raw: Mapping[str, Any]) -> dict[str, Any]:
    """Coerce one raw row of ``table`` to typed values.

    Unknown columns are refused (a misspelt header would otherwise lose data
    silently); missing optional columns are empty.

    Parameters
    ----------
    table : Table
        The table the row belongs to.
    raw : mapping
        Column name to raw value (strings from CSV, native values from JSON/XLSX).

    Returns
    -------
    dict
        Column name to typed value, in the table's column order.

    Raises
    ------
    ValidationError
        Naming the field and how to fix it (the caller adds file and row).
    """
    unknown = [k for k in raw if k not in table.column_names and not _is_empty(k)]
    if unknown:
        raise ValidationError(
            f"unknown column '{unknown[0]}'{_suggest(str(unknown[0]), table.column_names)}; "
            f"the columns of {table.name} are: {', '.join(table.column_names)}",
            field=str(unknown[0]),
        )
    row = {col.name: coerce_value(col, raw.get(col.name)) for col in table.columns}
    _check_row(table.name, row)
    return row


def _check_row(table: str, row: dict[str, Any]) -> None:
    check = _ROW_CHECKS.get(table)
    if check:
        check(row)


def _check_term(row: dict[str, Any]) -> None:
    amount, currency = row["amount"], row["currency"]
    if amount is not None and amount < 0:
        raise ValidationError(f"amount {amount:g} is negative; amounts are positive, in units", field="amount")
    if currency is not None:
        currency = currency.upper()
        allowed = tx.CURRENCIES | ({"%"} if row["component"] == "royalty" else set())
        if currency not in allowed:
            raise ValidationError(
                f"unknown currency '{row['currency']}'; write an ISO 4217 code such as EUR or USD",
                field="currency",
            )
        row["currency"] = currency
    if amount is not None and currency is None:
        raise ValidationError("an amount needs a currency; write an ISO 4217 code such as EUR", field="currency")
    if row["disclosed"] is None:
        row["disclosed"] = amount is not None
    if row["disclosed"] and amount is None:
        raise ValidationError("disclosed is true but there is no amount; give the amount or set disclosed to false",
                              field="disclosed")


def _check_policy(row: dict[str, Any]) -> None:
    if row["budget"] is not None and row["budget"] < 0:
        raise ValidationError("budget is negative; budgets are positive, in units", field="budget")
    if row["currency"] is not None:
        row["currency"] = row["currency"].upper()
        if row["currency"] not in tx.CURRENCIES:
            raise ValidationError(f"unknown currency '{row['currency']}'; write an ISO 4217 code", field="currency")
    _check_order(row, "start", "end")


def _check_order(row: dict[str, Any], first: str, last: str) -> None:
    if row[first] and row[last] and row[last] < row[first][: len(row[last])]:
        raise ValidationError(f"{last} {row[last]} is before {first} {row[first]}", field=last)


def _check_organisation(row: dict[str, Any]) -> None:
    if row["employees"] is not None and row["employees"] < 0:
        raise ValidationError("employees is negative", field="employees")
    _check_order(row, "founded", "ended")


def _check_relation(row: dict[str, Any]) -> None:
    if row["option"] is None:
        row["option"] = False
    _check_order(row, "date_announced", "date_ended")


def _check_indicator(row: dict[str, Any]) -> None:
    if not row["region_id"] and not row["organisation_id"]:
        raise ValidationError("give the region_id (or organisation_id) the indicator describes", field="region_id")
    if row["value"] is None and not row["category"]:
        raise ValidationError("give a numeric value or a category", field="value")
    if not row["id"]:
        subject = row["region_id"] or row["organisation_id"]
        row["id"] = f"{subject}:{_slug(row['indicator'])}:{row['year']}" + (
            f":{row['source_id']}" if row["source_id"] else ""
        )


def _check_evidence(row: dict[str, Any]) -> None:
    if not row["id"]:
        import hashlib

        digest = hashlib.sha1(
            "|".join(str(row[k] or "") for k in ("source_id", "subject_table", "subject_id", "locator", "quote")).encode()
        ).hexdigest()[:12]
        row["id"] = f"ev-{digest}"


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.\-]+", "_", text.strip()).strip("_")[:80] or "x"


_ROW_CHECKS = {
    "terms": _check_term,
    "policies": _check_policy,
    "organisations": _check_organisation,
    "relations": _check_relation,
    "indicators": _check_indicator,
    "evidence": _check_evidence,
}


def row_key(table: Table, row: Mapping[str, Any]) -> tuple[Any, ...]:
    """Return the key of a typed row."""
    return tuple(row[k] for k in table.key)


def format_value(col: Column, value: Any) -> str:
    """Format a typed value for a CSV or XLSX cell (the inverse of :func:`coerce_value`)."""
    if value is None:
        return ""
    if col.kind == "list":
        return "; ".join(value)
    if col.kind == "mapping":
        return "; ".join(f"{k}={v}" for k, v in value.items())
    if col.kind == "bool":
        return "true" if value else "false"
    if col.kind == "float":
        return repr(float(value)) if not float(value).is_integer() else str(int(value))
    return str(value)
