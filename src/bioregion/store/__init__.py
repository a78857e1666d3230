"""The ecosystem store: one SQLite file per ecosystem by default, PostgreSQL by URL.

>>> from bioregion.store import Store
>>> with Store.open("sqlite://") as store:
...     store.counts()["organisations"]
0
"""

from .migrations import MIGRATIONS
from . import web_tables  # noqa: F401  (registers 0002_web_accounts_and_changes)
from .store import ImportReport, Store, engine_url

__all__ = ["Store", "ImportReport", "MIGRATIONS", "engine_url"]
