"""Output for every command: tables, JSON or CSV on stdout; messages on stderr."""

from __future__ import annotations

import csv
import json
import sys
from typing import Any, Iterable, Mapping, Sequence

import click

__all__ = ["FORMATS", "format_option", "emit_rows", "emit_json", "note", "console"]

FORMATS = ("table", "json", "csv")


def format_option(default: str = "table", choices: Sequence[str] = FORMATS):
    """The ``--format`` option."""
    return click.option("--format", "fmt", type=click.Choice(list(choices)), default=default, show_default=True,
                        help="Output format on stdout.")


def console(stderr: bool = False):
    """A Rich console on stdout (tables) or stderr (progress, notes)."""
    from rich.console import Console

    return Console(stderr=stderr, soft_wrap=False, width=None if sys.stdout.isatty() else 140)


def note(message: str) -> None:
    """A diagnostic line on stderr."""
    click.echo(message, err=True)


def emit_json(data: Any) -> None:
    """Pretty JSON on stdout."""
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}={_cell(v)}" for k, v in value.items())
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def emit_rows(rows: Iterable[Mapping[str, Any]], fmt: str, columns: Sequence[str] | None = None,
              title: str | None = None) -> None:
    """Rows as a Rich table, a JSON array or CSV."""
    rows = list(rows)
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt == "json":
        emit_json([{c: r.get(c) for c in columns} for r in rows])
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([_cell(r.get(c)) for c in columns] for r in rows)
    else:
        from rich.table import Table

        table = Table(title=title, show_lines=False, header_style="bold")
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*(_cell(row.get(c)) for c in columns))
        console().print(table)

