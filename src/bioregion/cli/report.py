"""``bioregion report``: the ecosystem report, simulation charts, or both, as self-contained HTML and PDF."""

from __future__ import annotations

import time
from pathlib import Path

import click

from ._options import open_ecosystem
from ._output import emit_json, note

__all__ = ["report_command"]


@click.command("report")
@click.option("--dataset", metavar="NAME", help="An embedded dataset (see 'bioregion datasets').")
@click.option("--db", metavar="PATH", help="A store: SQLite file or postgresql:// URL.")
@click.option("--simulation", "simulations", multiple=True, type=click.Path(file_okay=False, path_type=Path),
              metavar="RESULTS", help="A folder of 'simulate run' or 'simulate compare --out' (repeatable; the "
                                      "first scenario is the baseline). Alone: a simulation report.")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for report.html and report.pdf (created if missing).")
@click.option("--pdf/--no-pdf", default=True, show_default=True, help="Also print the report to PDF (extra 'pdf').")
@click.option("--title", help="Report title (default: from the home country or the scenarios).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="How to print the paths written.")
def report_command(dataset: str | None, db: str | None, simulations: tuple[Path, ...], out_dir: Path, pdf: bool,
                   title: str | None, fmt: str) -> None:
    """Write OUT/report.html (self-contained) and OUT/report.pdf for an ecosystem and/or simulation results."""
    if not (db or dataset or simulations):
        raise click.UsageError("give --db PATH or --dataset NAME, --simulation RESULTS, or both")
    started = time.perf_counter()
    results = _results(simulations)
    if results is not None and not (db or dataset):
        from ..report.simulation import build_simulation_report

        note(f"building the report of {', '.join(results.names)} ...")
        paths = build_simulation_report(results, out_dir, pdf=pdf, title=title)
    else:
        from ..report import DEFAULT_SECTIONS, build_report
        from ..report.simulation import with_simulation

        ecosystem = open_ecosystem(db, dataset)
        note(f"building the report of {ecosystem.name} ...")
        sections = with_simulation(DEFAULT_SECTIONS, results) if results is not None else DEFAULT_SECTIONS
        paths = build_report(ecosystem, out_dir, pdf=pdf, sections=sections, title=title)
    written = {"html": str(paths.html), "pdf": str(paths.pdf) if paths.pdf else None}
    note(f"done in {time.perf_counter() - started:.1f} s")
    if fmt == "json":
        emit_json(written)
    else:
        click.echo("\n".join(p for p in written.values() if p))


def _results(folders: tuple[Path, ...]):
    if not folders:
        return None
    from ..simulate.results import load_results

    return load_results(*folders)
