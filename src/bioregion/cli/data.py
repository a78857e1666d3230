"""Commands that move ecosystems: datasets, load, template, import, export."""

from __future__ import annotations

import click

from ..datasets import dataset_info, dataset_names, load_dataset
from ..io import EXPORT_FORMATS, TABLE_FORMATS, export_ecosystem, read_tables, write_template
from ..errors import ValidationError
from ..store import Store
from ._options import ecosystem_options
from ._output import emit_json, emit_rows, format_option, note

__all__ = ["datasets_command", "load_command", "template_command", "import_command", "export_command"]


@click.command("datasets")
@format_option()
def datasets_command(fmt: str) -> None:
    """List the embedded datasets."""
    rows = []
    for name in dataset_names():
        info, eco = dataset_info(name), load_dataset(name)
        counts = eco.counts()
        rows.append({"name": name, "title": info.title, "organisations": counts["organisations"],
                     "relations": counts["relations"], "programs": counts["programs"],
                     "indicators": counts["indicators"], "sources": counts["sources"]})
    emit_rows(rows, fmt, title="Embedded datasets")


@click.command("load")
@click.argument("name")
@click.option("--db", required=True, metavar="PATH", help="Store to write: SQLite file or postgresql:// URL.")
@click.option("--replace", is_flag=True, help="Empty the store first.")
@format_option()
def load_command(name: str, db: str, replace: bool, fmt: str) -> None:
    """Write the embedded dataset NAME into a store."""
    ecosystem = load_dataset(name)
    with Store.open(db) as store:
        report = store.write_ecosystem(ecosystem, replace=replace)
    note(f"loaded {name} into {db}: {report.total_added} rows added, {report.total_updated} updated")
    _emit_report(report, fmt)


@click.command("template")
@click.option("--out", required=True, metavar="DIR|FILE", help="Folder for CSV, or .xlsx/.json file.")
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx", "json"]), default="csv", show_default=True)
def template_command(out: str, fmt: str) -> None:
    """Write an empty import template (one CSV per table, or one XLSX/JSON); see docs/template.md."""
    path = write_template(out, fmt)
    note(f"wrote an empty {fmt} template to {path}")


@click.command("import")
@click.argument("source", type=click.Path(exists=False))
@click.option("--db", required=True, metavar="PATH", help="Store to write: SQLite file or postgresql:// URL.")
@click.option("--replace", is_flag=True, help="Empty the store first (same transaction).")
@click.option("--show-errors", is_flag=True, help="List every problem found (up to 20), one per line.")
@format_option()
def import_command(source: str, db: str, replace: bool, show_errors: bool, fmt: str) -> None:
    """Import SOURCE (CSV folder, .xlsx or .json) into a store, all or nothing."""
    records, origins = read_tables(source)
    with Store.open(db) as store:
        try:
            report = store.import_records(records, origins=origins, replace=replace)
        except ValidationError as error:
            if show_errors and error.others:
                for problem in [error, *error.others]:
                    note(f"error: {problem.one_line()}")
                raise SystemExit(1) from None
            raise
    note(f"imported {source} into {db}: {report.total_added} rows added, {report.total_updated} updated")
    _emit_report(report, fmt)


@click.command("export")
@ecosystem_options
@click.option("--format", "fmt", type=click.Choice(list(EXPORT_FORMATS)), required=True,
              help="csv and parquet write a folder; the others one file.")
@click.option("--out", required=True, metavar="PATH")
def export_command(ecosystem, fmt: str, out: str) -> None:
    """Export an ecosystem as tables (csv, xlsx, json, parquet) or a network (gexf, graphml)."""
    path = export_ecosystem(ecosystem, out, fmt)
    kind = "tables" if fmt in TABLE_FORMATS else "network"
    note(f"exported the {kind} of {ecosystem.name} as {fmt} to {path}")


def _emit_report(report, fmt: str) -> None:
    summary = report.as_dict()
    if fmt == "json":
        emit_json(summary)
    else:
        rows = [{"table": t, **v} for t, v in summary["tables"].items()]
        emit_rows(rows, fmt, ["table", "added", "updated", "unchanged"])
