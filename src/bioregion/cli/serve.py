"""``bioregion serve`` (the dashboard), ``bioregion users add`` and ``bioregion tokens create``."""

from __future__ import annotations

import getpass

import click

from ..errors import MissingExtraError, ValidationError
from ..store import Store
from ._output import emit_json, note

__all__ = ["serve_command", "users_group", "tokens_group"]


@click.command("serve")
@click.option("--db", required=True, metavar="PATH", help="Store to serve: SQLite file or postgresql:// URL.")
@click.option("--port", default=8000, show_default=True, type=int, help="TCP port.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--private", is_flag=True, help="Refuse anonymous visitors (reading needs a login or token too).")
@click.option("--review-queue", type=click.Path(dir_okay=False),
              help="Extraction review queue shown at /review (default: <db>.review.jsonl).")
@click.option("--simulations", type=click.Choice(["anyone", "users", "off"]), default="anyone", show_default=True,
              help="Who may run simulations on /simulate: every reader (capped replicates), logged-in users, nobody.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes (about one per core); each holds the data in memory and sees the others' edits.")
def serve_command(db: str, port: int, host: str, private: bool, review_queue: str | None, simulations: str,
                  workers: int) -> None:
    """Serve the dashboard and JSON API for the store at --db."""
    try:
        import fastapi  # noqa: F401
        import httptools  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as error:
        raise MissingExtraError(error.name or "uvicorn", "web") from None
    from ..web.serving import serve

    Store.open(db).close()          # create and migrate once, before any worker opens it
    note(f"bioregion dashboard on http://{host}:{port}/ (API: /docs, /openapi.json), {workers} worker(s); "
         "ready once the data is loaded; Ctrl-C stops")
    serve(db, host=host, port=port, workers=workers, anonymous_read=not private, simulations=simulations,
          review_queue=review_queue)


@click.group("users")
def users_group() -> None:
    """Dashboard logins."""


@users_group.command("add")
@click.argument("name")
@click.option("--db", required=True, metavar="PATH", help="The store the dashboard serves.")
@click.option("--password-stdin", is_flag=True, help="Read the password from stdin instead of prompting.")
@click.option("--read-only", is_flag=True, help="The user may log in and read a private dashboard, not edit.")
def users_add(name: str, db: str, password_stdin: bool, read_only: bool) -> None:
    """Create the login NAME (the password is asked for, or read from stdin)."""
    from ..web.accounts import add_user

    password = click.get_text_stream("stdin").readline().rstrip("\n") if password_stdin else getpass.getpass("password: ")
    if not password:
        raise ValidationError("give a password of at least 8 characters")
    with Store.open(db) as store:
        user = add_user(store.engine, name, password, can_edit=not read_only)
    note(f"user '{user.name}' created; log in at /login")


@click.group("tokens")
def tokens_group() -> None:
    """API tokens for scripts."""


@tokens_group.command("create")
@click.argument("user")
@click.option("--db", required=True, metavar="PATH", help="The store the dashboard serves.")
@click.option("--label", default="api", show_default=True, help="What the token is for.")
def tokens_create(user: str, db: str, label: str) -> None:
    """Create an API token for USER and print it once (send it as 'Authorization: Bearer TOKEN')."""
    from ..web.accounts import create_token

    with Store.open(db) as store:
        token = create_token(store.engine, user, label)
    emit_json({"user": user, "label": label, "token": token})
