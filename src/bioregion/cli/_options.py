"""The options that say which ecosystem a command reads: ``--db PATH`` or ``--dataset NAME``."""

from __future__ import annotations

import functools
from typing import Any, Callable

import click

from ..ecosystem import Ecosystem

__all__ = ["ecosystem_options", "open_ecosystem"]


def open_ecosystem(db: str | None, dataset: str | None) -> Ecosystem:
    """The ecosystem named by ``--db`` or ``--dataset`` (exactly one)."""
    if bool(db) == bool(dataset):
        raise click.UsageError("give exactly one of --db PATH or --dataset NAME")
    if dataset:
        return Ecosystem.from_dataset(dataset)
    return Ecosystem.from_store(db)


def ecosystem_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``--db``/``--dataset`` and pass the opened ``ecosystem`` to the command."""

    @click.option("--dataset", metavar="NAME", help="An embedded dataset (see 'bioregion datasets').")
    @click.option("--db", metavar="PATH", help="A store: SQLite file or postgresql:// URL.")
    @functools.wraps(fn)
    def wrapper(*args: Any, db: str | None, dataset: str | None, **kwargs: Any) -> Any:
        return fn(*args, ecosystem=open_ecosystem(db, dataset), **kwargs)

    return wrapper


