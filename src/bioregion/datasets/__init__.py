"""Embedded ecosystems with their sources.

Each dataset is a folder of CSV files in the template layout (see
``docs/template.md``) with a ``README.md`` whose first heading is its title;
every row has evidence pointing at its source.

>>> "belgium-2016" in dataset_names()
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..ecosystem import Ecosystem
from ..errors import NotFoundError

__all__ = ["DatasetInfo", "dataset_names", "dataset_info", "dataset_path", "load_dataset"]


@dataclass(frozen=True)
class DatasetInfo:
    """An embedded dataset: its name, title and summary."""

    name: str
    title: str
    summary: str
    path: Path


def _root() -> Path:
    return Path(str(resources.files(__name__)))


def dataset_names() -> list[str]:
    """Names of the embedded datasets (folder ``belgium_2016`` is dataset ``belgium-2016``)."""
    return sorted(p.name.replace("_", "-") for p in _root().iterdir()
                  if p.is_dir() and (p / "organisations.csv").exists())


def dataset_path(name: str) -> Path:
    """The folder of dataset ``name``."""
    if name not in dataset_names():
        raise NotFoundError(f"no dataset '{name}'; 'bioregion datasets' lists them: {', '.join(dataset_names())}")
    return _root() / name.replace("-", "_")


def dataset_info(name: str) -> DatasetInfo:
    """Title and summary of a dataset, read from its README."""
    path = dataset_path(name)
    readme = path / "README.md"
    lines = readme.read_text(encoding="utf-8").splitlines() if readme.exists() else []
    title = next((l.lstrip("# ").strip() for l in lines if l.startswith("#")), name)
    summary = next((l.strip() for l in lines if l.strip() and not l.startswith("#")), "")
    return DatasetInfo(name, title, summary, path)


@lru_cache(maxsize=8)
def load_dataset(name: str) -> Ecosystem:
    """Read and validate an embedded dataset (cached: ecosystems are immutable)."""
    from ..io import read_ecosystem

    return read_ecosystem(dataset_path(name), name=name)
