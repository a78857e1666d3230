"""The ``bioregion`` command line: a thin Click layer over the library.

Results go to stdout (``--format table|json|csv``); progress and diagnostics go
to stderr. A user error prints one line and exits 1; bad usage exits 2.
Each command group lives in its own module and is registered below.
"""

from __future__ import annotations

from ._base import main
from .metrics import metrics_command; main.add_command(metrics_command)  # noqa: E402,E702
from .analyze import analyze_group; main.add_command(analyze_group)  # noqa: E402,E702

__all__ = ["main"]
