"""Checks across rows and tables: unique keys, references, roles, evidence subjects.

:func:`bioregion.schema.coerce_row` checks one field at a time; the checks here
need the whole import (and, for an import into a non-empty store, the keys the
store already holds). Every failure is a :class:`ValidationError` naming the
file, the row and the field.

Row numbers follow the spreadsheet convention: the header is row 1, so the
first data row is row 2 (what a user sees in a spreadsheet or a text editor).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from .errors import ValidationError
from .schema import TABLES, row_key
from .taxonomy import RELATION_TYPES

__all__ = ["Origin", "KnownKeys", "check_integrity", "FIRST_DATA_ROW"]

FIRST_DATA_ROW = 2


@dataclass(frozen=True)
class Origin:
    """Where the rows of one table came from, for error messages.

    Attributes
    ----------
    file : str
        The file, sheet or JSON table, as the user named it.
    rows : tuple of int
        The user-visible row number of each row, in order.
    """

    file: str
    rows: tuple[int, ...]

    def row(self, index: int) -> int:
        """The user-visible row number of the ``index``-th row."""
        return self.rows[index] if index < len(self.rows) else index + FIRST_DATA_ROW


@dataclass
class KnownKeys:
    """The keys (and relation types) a store already holds."""

    ids: dict[str, set[str]] = field(default_factory=dict)
    relation_types: dict[str, str] = field(default_factory=dict)
    relations_with_parties: set[str] = field(default_factory=set)

    def has(self, table: str, key: str) -> bool:
        """True when ``table`` already holds a row with id ``key``."""
        return key in self.ids.get(table, ())


def default_origins(records: Mapping[str, list[dict[str, Any]]]) -> dict[str, Origin]:
    """Origins for rows given in memory: file ``<table>``, rows counted from 2."""
    return {name: Origin(name, tuple(range(FIRST_DATA_ROW, FIRST_DATA_ROW + len(rows)))) for name, rows in records.items()}


def check_integrity(
    records: Mapping[str, list[dict[str, Any]]],
    origins: Mapping[str, Origin] | None = None,
    known: KnownKeys | None = None,
) -> None:
    """Check keys, references, roles and evidence subjects across tables.

    Parameters
    ----------
    records : mapping
        Table name to typed rows (as :func:`bioregion.schema.coerce_row` returns them).
    origins : mapping, optional
        Table name to :class:`Origin`, for error messages.
    known : KnownKeys, optional
        Keys already in the store the rows will be written to.

    Raises
    ------
    ValidationError
        The first problem found, in table load order.
    """
    origins = {**default_origins(records), **(origins or {})}
    known = known or KnownKeys()
    ids = _collect_ids(records, origins, known)
    for table_name in TABLES:
        rows = records.get(table_name) or []
        for index, row in enumerate(rows):
            try:
                _check_refs(table_name, row, ids)
            except ValidationError as error:
                origin = origins[table_name]
                raise error.located(file=origin.file, row=origin.row(index)) from None
    _check_roles(records, origins, known)
    _check_relations_have_parties(records, origins, known)


def _collect_ids(records: Mapping[str, list[dict[str, Any]]], origins: Mapping[str, Origin], known: KnownKeys) -> dict[str, set[str]]:
    ids: dict[str, set[str]] = {name: set(known.ids.get(name, ())) for name in TABLES}
    for table_name, table in TABLES.items():
        seen: dict[tuple[Any, ...], int] = {}
        for index, row in enumerate(records.get(table_name) or []):
            key = row_key(table, row)
            if key in seen:
                origin = origins[table_name]
                raise ValidationError(
                    f"duplicate key {_show(key)} (also on row {origin.row(seen[key])}); each row needs its own key",
                    file=origin.file, row=origin.row(index), field=table.key[0],
                )
            seen[key] = index
            if table.key == ("id",):
                ids[table_name].add(key[0])
    return ids


def _show(key: tuple[Any, ...]) -> str:
    return repr(key[0]) if len(key) == 1 else "(" + ", ".join(map(repr, key)) + ")"


def _check_refs(table_name: str, row: dict[str, Any], ids: dict[str, set[str]]) -> None:
    for col in TABLES[table_name].columns:
        value = row.get(col.name)
        if col.ref and value is not None and value not in ids[col.ref]:
            raise ValidationError(
                f"'{value}' is not in {col.ref}; add a row with id '{value}' to {col.ref} or correct the id",
                field=col.name,
            )
    if table_name == "evidence":
        subject_table, subject_id = row["subject_table"], row["subject_id"]
        if subject_id not in ids[subject_table]:
            raise ValidationError(
                f"'{subject_id}' is not in {subject_table}; point subject_id at an existing row",
                field="subject_id",
            )


def _check_roles(records: Mapping[str, list[dict[str, Any]]], origins: Mapping[str, Origin], known: KnownKeys) -> None:
    types = dict(known.relation_types)
    types.update({r["id"]: r["type"] for r in records.get("relations") or []})
    for index, party in enumerate(records.get("parties") or []):
        relation_type = types[party["relation_id"]]
        allowed = RELATION_TYPES[relation_type].roles
        if party["role"] not in allowed:
            origin = origins["parties"]
            raise ValidationError(
                f"role '{party['role']}' does not belong to a {relation_type} relation; use {' or '.join(allowed)}",
                file=origin.file, row=origin.row(index), field="role",
            )


def _check_relations_have_parties(
    records: Mapping[str, list[dict[str, Any]]], origins: Mapping[str, Origin], known: KnownKeys
) -> None:
    with_parties = set(known.relations_with_parties) | {p["relation_id"] for p in records.get("parties") or []}
    for index, relation in enumerate(records.get("relations") or []):
        if relation["id"] not in with_parties:
            origin = origins["relations"]
            raise ValidationError(
                f"relation '{relation['id']}' has no parties; add its organisations and roles to parties",
                file=origin.file, row=origin.row(index), field="id",
            )

