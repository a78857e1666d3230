"""The ``bioregion`` command line: a thin Click layer over the library.

Results go to stdout (``--format table|json|csv``); progress and diagnostics go
to stderr. A user error prints one line and exits 1; bad usage exits 2.
Each command group lives in its own module and is registered below.
"""

from __future__ import annotations

from ._base import main
from .report import report_command; main.add_command(report_command)  # noqa: E702
from .analyze import analyze_group
from . import analyze_topics  # noqa: F401  (registers the analysis topics on analyze_group)
from .data import datasets_command, export_command, import_command, load_command, template_command
from .explore import search_command, show_group, stats_command
from .extract import extract_command, review_command; main.add_command(extract_command); main.add_command(review_command)  # noqa: E702

for _command in (datasets_command, load_command, template_command, import_command, export_command,
                 show_group, search_command, stats_command, analyze_group):
    main.add_command(_command)
from .simulate import simulate_group; main.add_command(simulate_group)  # noqa: E702,I001

__all__ = ["main"]
