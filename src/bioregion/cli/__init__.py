"""The ``bioregion`` command line: a thin Click layer over the library.

Results go to stdout (``--format table|json|csv``); progress and diagnostics go
to stderr. A user error prints one line and exits 1; bad usage exits 2.
Each command group lives in its own module and is registered below.
"""

from __future__ import annotations

from ._base import main
from .report import report_command; main.add_command(report_command)  # noqa: E702
from .analyze import analyze_group
from .metrics import metrics_command; main.add_command(metrics_command)  # noqa: E702
from .data import datasets_command, export_command, import_command, load_command, template_command
from .explore import search_command, show_group, stats_command
from .extract import extract_command, review_command; main.add_command(extract_command); main.add_command(review_command)  # noqa: E702

for _command in (datasets_command, load_command, template_command, import_command, export_command,
                 show_group, search_command, stats_command, analyze_group):
    main.add_command(_command)

__all__ = ["main"]
