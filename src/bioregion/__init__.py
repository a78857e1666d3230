"""bioregion: map, analyse and simulate regional biopharma innovation ecosystems.

The public API is what ``__all__`` lists; modules whose names start with an
underscore, and names not listed here, may change without notice.
"""

from ._version import __version__
from .ecosystem import Ecosystem
from .errors import (
    BioregionError,
    InputFormatError,
    MissingExtraError,
    NotFoundError,
    StoreError,
    ValidationError,
)
from .store import Store

__all__ = [
    "__version__",
    "Ecosystem",
    "Store",
    "BioregionError",
    "InputFormatError",
    "MissingExtraError",
    "NotFoundError",
    "StoreError",
    "ValidationError",
]
