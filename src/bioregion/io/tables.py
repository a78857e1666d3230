"""Ecosystem tables in and out: a CSV folder, an XLSX workbook, a JSON document, Parquet.

The four hold the same data (see ``docs/template.md``):

* CSV: one ``<table>.csv`` per table in a folder, UTF-8, header row, lists
  ``;``-separated, mappings as ``key=value; key=value``;
* XLSX: one sheet per table, named after the table, the same cells as CSV;
* JSON: ``{"format": "bioregion-ecosystem", "version": 1, "tables": {"<table>": [rows]}}``
  with lists as arrays and mappings as objects;
* Parquet: one ``<table>.parquet`` per table in a folder, typed columns.

Readers return raw rows plus their :class:`~bioregion.integrity.Origin` so that
errors name the file and row; writers write atomically (a temporary file then
a rename), so an interrupted export never leaves half a file.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Mapping

from .._version import __version__
from ..errors import InputFormatError, ValidationError
from ..integrity import FIRST_DATA_ROW, Origin
from ..schema import TABLES, format_value

__all__ = ["read_tables", "write_tables", "TABLE_FORMATS", "JSON_FORMAT_NAME"]

JSON_FORMAT_NAME = "bioregion-ecosystem"
TABLE_FORMATS = ("csv", "xlsx", "json", "parquet")

RawRecords = dict[str, list[dict[str, Any]]]
Origins = dict[str, Origin]


# -- reading ---------------------------------------------------------------------------
def read_tables(source: str | os.PathLike[str]) -> tuple[RawRecords, Origins]:
    """Read a CSV or Parquet folder, an ``.xlsx`` workbook or a ``.json`` export.

    Returns
    -------
    records : dict
        Table name to raw rows (not yet validated).
    origins : dict
        Table name to :class:`Origin` (file and row numbers).
    """
    path = Path(source)
    if not path.exists():
        raise InputFormatError(f"{path}: no such file or folder")
    if path.is_dir():
        return _read_folder(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(path)
    if suffix == ".json":
        return _read_json(path)
    if suffix == ".csv":
        table = _table_for_file(path)
        rows, origin = _read_csv(path)
        return {table: rows}, {table: origin}
    raise InputFormatError(f"{path}: cannot tell the format; give a folder of CSV files, an .xlsx or a .json file")


def _table_for_file(path: Path) -> str:
    name = path.stem
    if name not in TABLES:
        import difflib

        close = difflib.get_close_matches(name, TABLES, n=1)
        hint = f" (did you mean {close[0]}{path.suffix}?)" if close else ""
        raise InputFormatError(f"{path}: '{path.name}' is not a table{hint}; name files after the tables: "
                               f"{', '.join(TABLES)}")
    return name


def _read_folder(folder: Path) -> tuple[RawRecords, Origins]:
    records: RawRecords = {}
    origins: Origins = {}
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".csv", ".parquet"))
    if not files:
        raise InputFormatError(f"{folder}: no .csv or .parquet files; write a template with 'bioregion template'")
    for path in files:
        table = _table_for_file(path)
        if table in records:
            raise InputFormatError(f"{folder}: both {table}.csv and {table}.parquet; keep one")
        reader = _read_parquet if path.suffix.lower() == ".parquet" else _read_csv
        records[table], origins[table] = reader(path)
    return records, origins


def _read_csv(path: Path) -> tuple[list[dict[str, Any]], Origin]:
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            rows, numbers = [], []
            for row in reader:
                if None in row:
                    raise ValidationError("has more cells than the header; quote cells that contain commas",
                                          file=path.name, row=reader.line_num)
                if any((v or "").strip() for v in row.values()):
                    rows.append(row)
                    numbers.append(reader.line_num)
            if reader.fieldnames is None:
                raise InputFormatError(f"{path.name}: empty file; the first line must be the header")
    except UnicodeDecodeError:
        raise InputFormatError(f"{path.name}: not UTF-8 text; save it as CSV UTF-8") from None
    except csv.Error as error:
        raise InputFormatError(f"{path.name}: not valid CSV ({error})") from None
    return rows, Origin(path.name, tuple(numbers))


def _read_xlsx(path: Path) -> tuple[RawRecords, Origins]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise InputFormatError(f"{path.name}: not a readable .xlsx workbook ({type(error).__name__})") from None
    records: RawRecords = {}
    origins: Origins = {}
    for sheet in book.worksheets:
        if sheet.title not in TABLES:
            raise InputFormatError(f"{path.name}: sheet '{sheet.title}' is not a table; name sheets after the "
                                   f"tables: {', '.join(TABLES)}")
        rows_iter = sheet.iter_rows(values_only=True)
        header = [str(h).strip() if h is not None else "" for h in next(rows_iter, ())]
        rows, numbers = [], []
        for number, values in enumerate(rows_iter, start=FIRST_DATA_ROW):
            if any(v not in (None, "") for v in values):
                rows.append({h: v for h, v in zip(header, values) if h})
                numbers.append(number)
        records[sheet.title] = rows
        origins[sheet.title] = Origin(f"{path.name}, sheet {sheet.title}", tuple(numbers))
    book.close()
    return records, origins


def _read_json(path: Path) -> tuple[RawRecords, Origins]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputFormatError(f"{path.name}: not valid JSON ({error})") from None
    tables = document.get("tables", document) if isinstance(document, dict) else None
    if not isinstance(tables, dict):
        raise InputFormatError(f"{path.name}: expected an object {{\"tables\": {{\"organisations\": [...], ...}}}}")
    records: RawRecords = {}
    origins: Origins = {}
    for name, rows in tables.items():
        if name not in TABLES:
            raise InputFormatError(f"{path.name}: '{name}' is not a table; tables are: {', '.join(TABLES)}")
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise InputFormatError(f"{path.name}: tables.{name} must be a list of objects")
        records[name] = rows
        origins[name] = Origin(f"{path.name}, tables.{name}", tuple(range(1, len(rows) + 1)))
    return records, origins


def _read_parquet(path: Path) -> tuple[list[dict[str, Any]], Origin]:
    import pyarrow.parquet as pq

    try:
        rows = pq.read_table(path).to_pylist()
    except Exception as error:  # pyarrow raises ArrowInvalid, OSError ...
        raise InputFormatError(f"{path.name}: not a readable Parquet file ({type(error).__name__})") from None
    for row in rows:
        for key, value in row.items():
            if isinstance(value, list) and value and isinstance(value[0], tuple):
                row[key] = dict(value)
    return rows, Origin(path.name, tuple(range(1, len(rows) + 1)))


# -- writing ---------------------------------------------------------------------------
def write_tables(records: Mapping[str, list[dict[str, Any]]], out: str | os.PathLike[str], fmt: str) -> Path:
    """Write typed rows of every table in ``fmt`` (csv, xlsx, json or parquet) to ``out``.

    ``csv`` and ``parquet`` write a folder; ``xlsx`` and ``json`` write one file.
    """
    path = Path(out)
    writer = {"csv": _write_csv, "xlsx": _write_xlsx, "json": _write_json, "parquet": _write_parquet}.get(fmt)
    if writer is None:
        raise InputFormatError(f"unknown table format '{fmt}'; use one of {', '.join(TABLE_FORMATS)}")
    writer({name: list(records.get(name) or []) for name in TABLES}, path)
    return path


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it over ``path`` on success."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _cells(name: str, row: Mapping[str, Any]) -> list[str]:
    return [format_value(col, row.get(col.name)) for col in TABLES[name].columns]


def _write_csv(records: RawRecords, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in records.items():
        with atomic_path(folder / f"{name}.csv") as tmp, tmp.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(TABLES[name].column_names)
            writer.writerows(_cells(name, row) for row in rows)


def _write_xlsx(records: RawRecords, path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for name, rows in records.items():
        sheet = book.create_sheet(name)
        sheet.append(list(TABLES[name].column_names))
        for row in rows:
            sheet.append([_xlsx_cell(col.kind, row.get(col.name), col) for col in TABLES[name].columns])
    with atomic_path(path) as tmp:
        book.save(tmp)


def _xlsx_cell(kind: str, value: Any, col: Any) -> Any:
    if value is None:
        return None
    if kind in ("int", "float"):
        return value
    return format_value(col, value)


def _write_json(records: RawRecords, path: Path) -> None:
    document = {"format": JSON_FORMAT_NAME, "version": 1, "bioregion": __version__, "tables": records}
    with atomic_path(path) as tmp:
        tmp.write_text(json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False) + "\n", encoding="utf-8")


def _write_parquet(records: RawRecords, folder: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
             "list": pa.list_(pa.string()), "mapping": pa.map_(pa.string(), pa.string())}
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in records.items():
        schema = pa.schema([(c.name, types.get(c.kind, pa.string())) for c in TABLES[name].columns])
        columns = {c.name: [_parquet_value(c.kind, r.get(c.name)) for r in rows] for c in TABLES[name].columns}
        table = pa.Table.from_pydict(columns, schema=schema)
        with atomic_path(folder / f"{name}.parquet") as tmp:
            pq.write_table(table, tmp)


def _parquet_value(kind: str, value: Any) -> Any:
    if kind == "mapping":
        return list((value or {}).items())
    return value
