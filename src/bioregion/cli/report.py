"""``bioregion report``: the ecosystem report as self-contained HTML and PDF."""

from __future__ import annotations

import time
from pathlib import Path

import click

from ._options import ecosystem_options
from ._output import emit_json, note

__all__ = ["report_command"]


@click.command("report")
@ecosystem_options
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for report.html and report.pdf (created if missing).")
@click.option("--pdf/--no-pdf", default=True, show_default=True, help="Also print the report to PDF (extra 'pdf').")
@click.option("--title", help="Report title (default: from the home country).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="How to print the paths written.")
def report_command(ecosystem, out_dir: Path, pdf: bool, title: str | None, fmt: str) -> None:
    """Write OUT/report.html (self-contained) and OUT/report.pdf for an ecosystem."""
    from ..report import build_report

    started = time.perf_counter()
    note(f"building the report of {ecosystem.name} ...")
    paths = build_report(ecosystem, out_dir, pdf=pdf, title=title)
    written = {"html": str(paths.html), "pdf": str(paths.pdf) if paths.pdf else None}
    note(f"done in {time.perf_counter() - started:.1f} s")
    if fmt == "json":
        emit_json(written)
    else:
        click.echo("\n".join(p for p in written.values() if p))
