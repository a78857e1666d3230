"""The root command group and the error handling shared by every command."""

from __future__ import annotations

import sys
from typing import Any

import click

from .._version import __version__
from ..errors import BioregionError


class _Root(click.Group):
    """A group that turns :class:`BioregionError` into one line and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BioregionError as error:
            click.echo(f"error: {error}", err=True)
            sys.exit(1)
        except BrokenPipeError:  # pragma: no cover - e.g. `bioregion export ... | head`
            sys.exit(0)


@click.group(cls=_Root, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="bioregion")
def main() -> None:
    """Map, analyse and simulate regional biopharma innovation ecosystems."""
