"""The ``bioregion analyze`` group: one subcommand per analysis topic.

Topic modules register their subcommands on :data:`analyze_group`.
"""

from __future__ import annotations

import click

__all__ = ["analyze_group"]


@click.group("analyze")
def analyze_group() -> None:
    """Analyse an ecosystem: network, brokerage, time, portfolio, openness, ... (see each topic)."""
