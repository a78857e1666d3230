"""Reading and writing ecosystems and graphs: CSV/XLSX/JSON templates, Parquet, GEXF, GraphML."""

from .graph_write import GRAPH_FORMATS, write_gexf, write_graphml
from .tables import TABLE_FORMATS, read_tables, write_tables
from .template import template_markdown, write_template

__all__ = [
    "GRAPH_FORMATS",
    "TABLE_FORMATS",
    "read_tables",
    "write_tables",
    "write_gexf",
    "write_graphml",
    "write_template",
    "template_markdown",
    "read_ecosystem",
    "export_ecosystem",
    "EXPORT_FORMATS",
]

EXPORT_FORMATS = TABLE_FORMATS + GRAPH_FORMATS


def read_ecosystem(source, name=None):
    """Read and validate an ecosystem from a CSV/Parquet folder, an .xlsx or a .json file."""
    from ..ecosystem import Ecosystem

    records, origins = read_tables(source)
    return Ecosystem.from_records(records, origins=origins, name=name or str(source))


def export_ecosystem(ecosystem, out, fmt):
    """Write ``ecosystem`` to ``out`` in any of :data:`EXPORT_FORMATS`."""
    from ..errors import InputFormatError

    if fmt in TABLE_FORMATS:
        return write_tables(ecosystem.records(), out, fmt)
    if fmt == "graphml":
        return write_graphml(ecosystem, out)
    if fmt == "gexf":
        return write_gexf(ecosystem, out)
    raise InputFormatError(f"unknown export format '{fmt}'; use one of {', '.join(EXPORT_FORMATS)}")
