"""The import template: empty tables, and their documentation generated from the schema."""

from __future__ import annotations

import os
from pathlib import Path

from ..schema import TABLES
from .tables import write_tables

__all__ = ["write_template", "template_markdown"]

_KIND_TEXT = {
    "id": "key", "text": "text", "int": "whole number", "float": "number", "bool": "true/false",
    "date": "YYYY, YYYY-MM or YYYY-MM-DD", "list": "list, ;-separated", "mapping": "key=value; ...",
    "choice": "one of the names", "country": "ISO 3166-1 alpha-2",
}


def write_template(out: str | os.PathLike[str], fmt: str = "csv") -> Path:
    """Write an empty ecosystem (headers only) in ``fmt`` to ``out``."""
    return write_tables({}, out, fmt)


def template_markdown() -> str:
    """The template documentation (``docs/template.md``), generated from the schema."""
    lines = [
        "# The ecosystem template",
        "",
        "One table per CSV file (`<table>.csv` in a folder), XLSX sheet or JSON array; write an empty",
        "one with `bioregion template --out DIR [--format csv|xlsx|json]` and read it back with",
        "`bioregion import DIR --db PATH`. The header is row 1; errors name the file, row and field.",
        "Imports are all or nothing: rows are matched by key, new keys are added, changed rows updated.",
        "",
        "This page is generated from `bioregion.schema` (`python -m bioregion.io.template`);",
        "a test fails when it drifts.",
        "",
    ]
    for table in TABLES.values():
        lines += [f"## `{table.name}`", "", table.doc, "", f"Key: {', '.join(table.key)}.", "",
                  "| column | value | required | meaning |", "|---|---|---|---|"]
        for col in table.columns:
            value = _KIND_TEXT[col.kind] + (f" (`{col.ref}`)" if col.ref else "")
            if col.choices:
                value += ": " + ", ".join(f"`{c}`" for c in col.choices)
            lines.append(f"| `{col.name}` | {value} | {'yes' if col.required else ''} | {col.doc} |")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    print(template_markdown(), end="")
