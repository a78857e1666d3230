"""The exception tree of bioregion.

Every error the package raises on purpose derives from one root, so a caller
can catch them all with ``except BioregionError``::

    BioregionError
    ├── ValidationError      a field of an input row breaks the domain model
    ├── InputFormatError     a file cannot be read as the format it claims
    ├── NotFoundError        a named organisation, dataset, table ... does not exist
    ├── StoreError           the store cannot be opened, migrated or written
    └── MissingExtraError    an optional dependency is not installed

The command line prints ``str(error)`` as one line and exits with status 1.
"""

from __future__ import annotations

__all__ = [
    "BioregionError",
    "ValidationError",
    "InputFormatError",
    "NotFoundError",
    "StoreError",
    "MissingExtraError",
]


class BioregionError(Exception):
    """Root of every error raised on purpose by bioregion."""


class ValidationError(BioregionError):
    """A value in an input row breaks the domain model.

    Parameters
    ----------
    message : str
        What is wrong and how to fix it.
    file : str, optional
        The file (or sheet, or JSON table) the row came from.
    row : int, optional
        The 1-based data row number (the header is row 0 in CSV terms;
        spreadsheet users see ``row + 1``).
    field : str, optional
        The column name.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        row: int | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.row = row
        self.field = field
        self.others: list[ValidationError] = []
        super().__init__(self.one_line())

    def __str__(self) -> str:
        more = len(self.others)
        if not more:
            return self.one_line()
        return f"{self.one_line()} (and {more} more problem{'s' if more > 1 else ''}; --show-errors lists them)"

    def one_line(self) -> str:
        """This problem alone, as one line (without the count of others)."""
        where = [p for p in (self.file, self._row_text(), self._field_text()) if p]
        return ", ".join(where) + (": " if where else "") + self.message

    def _row_text(self) -> str | None:
        return None if self.row is None else f"row {self.row}"

    def _field_text(self) -> str | None:
        return None if self.field is None else f"field '{self.field}'"

    def located(self, *, file: str | None = None, row: int | None = None) -> "ValidationError":
        """Return a copy of this error with the file and row filled in."""
        return ValidationError(
            self.message,
            file=file if file is not None else self.file,
            row=row if row is not None else self.row,
            field=self.field,
        )


class InputFormatError(BioregionError):
    """A file cannot be read as the format it claims to be."""


class NotFoundError(BioregionError, LookupError):
    """A named thing (organisation, dataset, table, scenario) does not exist."""


class StoreError(BioregionError):
    """The store cannot be opened, migrated or written."""


class MissingExtraError(BioregionError, ImportError):
    """An optional dependency is missing; the message names the extra to install."""

    def __init__(self, package: str, extra: str) -> None:
        self.package = package
        self.extra = extra
        super().__init__(
            f"this feature needs the '{package}' package: pip install 'bioregion[{extra}]'"
        )
