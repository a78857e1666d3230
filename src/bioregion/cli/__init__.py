"""The ``bioregion`` command line: a thin Click layer over the library.

Results go to stdout (``--format table|json|csv``); progress and diagnostics go
to stderr. A user error prints one line and exits 1; bad usage exits 2.
Each command or group lives in its own module and is registered below.
"""

from __future__ import annotations

from . import analyze_topics  # noqa: F401  (registers the analysis topics on analyze_group)
from ._base import main
from .analyze import analyze_group
from .data import datasets_command, export_command, import_command, load_command, template_command
from .explore import search_command, show_group, stats_command
from .extract import extract_command, review_command
from .metrics import metrics_command
from .report import report_command
from .serve import serve_command, tokens_group, users_group
from .simulate import simulate_group

for _command in (datasets_command, load_command, template_command, import_command, export_command,
                 show_group, search_command, stats_command, report_command, analyze_group, metrics_command,
                 extract_command, review_command, simulate_group, serve_command, users_group, tokens_group):
    main.add_command(_command)

__all__ = ["main"]
