"""``bioregion extract`` (text to candidate relations) and ``bioregion review`` (into the store)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import click

from ..errors import NotFoundError


@click.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "table"]), default="jsonl", show_default=True)
@click.option("--db", help="Store whose organisation names and aliases are recognised (file or postgresql:// URL).")
@click.option("--score", "gold", type=click.Path(exists=True, dir_okay=False),
              help="Gold JSONL: print precision, recall, F1 and amount/date exactness instead of relations.")
@click.option("--enqueue", is_flag=True, help="Append the candidates to the review queue of --db.")
@click.option("--min-confidence", type=float, default=0.0, show_default=True, help="Drop weaker candidates.")
def extract_command(paths: tuple[str, ...], fmt: str, db: str | None, gold: str | None, enqueue: bool,
                    min_confidence: float) -> None:
    """Find alliances in press releases (text, Markdown, HTML, PDF files or folders)."""
    from ..extract import Gazetteer, extract_paths, read_gold, score
    from ..extract.readers import read_documents
    from ..extract.review import append_candidates, queue_path

    gazetteer = Gazetteer(_store_organisations(db)) if db else Gazetteer()
    candidates = [c for c in extract_paths(paths, gazetteer) if c.confidence >= min_confidence]
    records = [c.as_dict() for c in candidates]
    if gold:
        sources = [d.source for d in read_documents(paths)]
        result = score(records, read_gold(gold), sources).as_dict()
        click.echo(json.dumps(result, indent=2) if fmt != "table" else _score_table(result))
        return
    if enqueue:
        if not db:
            raise click.UsageError("--enqueue needs --db (the store whose queue to fill)")
        append_candidates(queue_path(db), records)
        click.echo(f"{len(records)} candidates queued in {queue_path(db)}", err=True)
        return
    _print(records, fmt)


def _store_organisations(db: str) -> list[tuple]:
    from ..store import Store

    if "://" not in db and not Path(db).exists():
        raise NotFoundError(f"no store at {db}; create one with 'bioregion load' or 'bioregion import'")
    with Store.open(db, create=False) as store:
        rows = store.load().records().get("organisations", [])
    return [(r["id"], r["name"], r.get("aliases") or []) for r in rows]


def _print(records: list[dict], fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(records, indent=2, ensure_ascii=False))
    elif fmt == "table":
        for r in records:
            parties = "; ".join(f"{p['name']} ({p['role']})" for p in r["parties"])
            click.echo(f"{Path(r['source']).name}\t{r['type']}\t{parties}\t{r['date']}\t{r['confidence']}")
    else:
        for r in records:
            click.echo(json.dumps(r, ensure_ascii=False))


def _score_table(result: dict) -> str:
    return "\n".join(f"{k}\t{v}" for k, v in result.items())


@click.command("review")
@click.option("--db", required=True, help="Store to write accepted relations into (file or postgresql:// URL).")
@click.option("--accept-file", type=click.Path(exists=True, dir_okay=False),
              help="Batch mode: import every candidate of this JSONL file not marked \"review\": \"reject\".")
@click.option("--queue", "queue_file", type=click.Path(dir_okay=False),
              help="Review queue to walk (default: <db>.review.jsonl).")
@click.option("--window-days", type=int, default=90, show_default=True,
              help="Reports of the same alliance this close in time become one relation.")
def review_command(db: str, accept_file: str | None, queue_file: str | None, window_days: int) -> None:
    """Accept, edit or reject candidate relations and store the accepted ones with their evidence."""
    from ..extract.review import queue_path, read_candidates, remove_candidates

    if accept_file:
        accepted = read_candidates(accept_file)
        _import(db, accepted, window_days)
        return
    path = Path(queue_file) if queue_file else queue_path(db)
    if not path.exists():
        raise NotFoundError(f"no review queue at {path}; fill it with 'bioregion extract PATH --db {db} --enqueue'")
    pending = read_candidates(path)
    as_read = [copy.deepcopy(record) for record in pending]
    accepted, kept = _interactive(pending)
    _import(db, accepted, window_days)
    kept_ids = {id(record) for record in kept}
    remove_candidates(path, [original for original, record in zip(as_read, pending) if id(record) not in kept_ids])


def _interactive(pending: list[dict]) -> tuple[list[dict], list[dict]]:
    from rich.console import Console
    from rich.prompt import Prompt

    from ..taxonomy import RELATION_TYPES

    console = Console(stderr=True)
    accepted, kept = [], []
    for index, record in enumerate(pending):
        console.rule(f"{index + 1}/{len(pending)}  {Path(record['source']).name}")
        console.print(f"[bold]{record['type']}[/]  {record.get('date')}  confidence {record.get('confidence')}")
        for party in record["parties"]:
            console.print(f"  {party['role']:>10}: {party['name']}")
        console.print(f"  terms: {record.get('terms')}")
        console.print(f"  [italic]{record.get('evidence', '')}[/]")
        choice = Prompt.ask("[a]ccept, [e]dit, [r]eject, [s]kip, [q]uit", choices=list("aersq"), default="a",
                            console=console)
        if choice == "q":
            kept.extend(pending[index:])
            break
        if choice == "s":
            kept.append(record)
        elif choice == "e":
            record["type"] = Prompt.ask("type", choices=list(RELATION_TYPES), default=record["type"], console=console)
            roles = list(RELATION_TYPES[record["type"]].roles)
            for party in record["parties"]:
                party["name"] = Prompt.ask("name", default=party["name"], console=console)
                party["role"] = Prompt.ask("role", choices=roles, default=party["role"] if party["role"] in roles
                                           else roles[0], console=console)
            record["date"] = Prompt.ask("date (YYYY[-MM[-DD]])", default=record.get("date") or "", console=console) or None
            accepted.append(record)
        elif choice == "a":
            accepted.append(record)
    return accepted, kept


def _import(db: str, accepted: list[dict], window_days: int) -> None:
    from ..extract.review import plan_import
    from ..store import Store

    with Store.open(db) as store:
        rows = plan_import(accepted, store.load().records(), window_days)
        report = store.import_records(rows) if rows else None
    counts = report.as_dict() if report else {}
    click.echo(json.dumps({"accepted": len([a for a in accepted if a.get("review") != "reject"]), "import": counts}),
               nl=True)
