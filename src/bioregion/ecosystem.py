"""The in-memory ecosystem: validated tables, DataFrames and the organisation network.

An :class:`Ecosystem` is what every analysis, report, simulation and web page
reads. Build one from rows (:meth:`Ecosystem.from_records`), from an embedded
dataset (:meth:`Ecosystem.from_dataset`) or from a store
(:meth:`Ecosystem.from_store`).

Examples
--------
>>> eco = Ecosystem.from_records({
...     "organisations": [
...         {"id": "galapagos", "name": "Galapagos", "kind": "new_biotech_firm"},
...         {"id": "gilead", "name": "Gilead Sciences", "kind": "big_pharma"},
...     ],
...     "relations": [{"id": "r1", "type": "license", "date_announced": "2015-12"}],
...     "parties": [
...         {"relation_id": "r1", "organisation_id": "galapagos", "role": "licensor"},
...         {"relation_id": "r1", "organisation_id": "gilead", "role": "licensee"},
...     ],
... })
>>> g = eco.graph()
>>> g.vcount(), g.ecount(), g.es[0]["type"]
(2, 1, 'license')
"""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property
from itertools import combinations
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

import pandas as pd

from .errors import ValidationError
from .integrity import Origin, check_integrity
from .schema import TABLES, coerce_row, row_key
from .taxonomy import RELATION_TYPES, default_sphere

if TYPE_CHECKING:  # pragma: no cover
    import igraph
    import networkx

__all__ = ["Ecosystem", "relation_year"]

Records = dict[str, list[dict[str, Any]]]


def relation_year(date: str | None) -> int | None:
    """The year of a full or partial ISO date, or ``None`` when unknown."""
    return int(date[:4]) if date else None


class Ecosystem:
    """A validated, immutable set of ecosystem tables.

    Parameters
    ----------
    records : mapping
        Table name to typed rows, already validated (use :meth:`from_records`
        for raw rows).
    name : str, optional
        A label for reports, e.g. the dataset name or the store path.
    """

    def __init__(self, records: Mapping[str, list[dict[str, Any]]], name: str = "ecosystem") -> None:
        self._records: Records = {table: _sorted(table, records.get(table) or []) for table in TABLES}
        self.name = name

    # -- constructors -----------------------------------------------------------------
    @classmethod
    def from_records(
        cls,
        records: Mapping[str, Iterable[Mapping[str, Any]]],
        *,
        name: str = "ecosystem",
        origins: Mapping[str, Origin] | None = None,
    ) -> "Ecosystem":
        """Validate raw rows (strings or native values) and build an ecosystem.

        Raises
        ------
        ValidationError
            For the first bad field, naming the table, row and field.
        """
        unknown = [t for t in records if t not in TABLES]
        if unknown:
            raise ValidationError(f"unknown table '{unknown[0]}'; tables are: {', '.join(TABLES)}")
        typed = coerce_records(records, origins)
        check_integrity(typed, origins)
        return cls(typed, name=name)

    @classmethod
    def from_dataset(cls, name: str) -> "Ecosystem":
        """Load an embedded dataset such as ``"belgium-2016"`` (see ``bioregion datasets``)."""
        from .datasets import load_dataset

        return load_dataset(name)

    @classmethod
    def from_store(cls, url: str) -> "Ecosystem":
        """Load the ecosystem held in a store (SQLite path or ``postgresql://`` URL)."""
        from .store import Store

        with Store.open(url, create=False) as store:
            return store.load()

    # -- tables -----------------------------------------------------------------------
    def records(self) -> Records:
        """Table name to typed rows, sorted by key (a copy)."""
        return {table: [dict(row) for row in rows] for table, rows in self._records.items()}

    def rows(self, table: str) -> list[dict[str, Any]]:
        """The typed rows of one table (read-only by convention)."""
        return self._records[table]

    def table(self, name: str) -> pd.DataFrame:
        """One table as a DataFrame with the schema's columns (lists stay Python lists)."""
        if name not in TABLES:
            raise ValidationError(f"unknown table '{name}'; tables are: {', '.join(TABLES)}")
        return self._frames[name].copy()

    @cached_property
    def _frames(self) -> dict[str, pd.DataFrame]:
        return {
            name: pd.DataFrame(self._records[name], columns=list(TABLES[name].column_names))
            for name in TABLES
        }

    organisations = property(lambda self: self.table("organisations"), doc="Organisations (DataFrame).")
    relations = property(lambda self: self.table("relations"), doc="Relations (DataFrame).")
    parties = property(lambda self: self.table("parties"), doc="Parties with roles (DataFrame).")
    terms = property(lambda self: self.table("terms"), doc="Deal terms (DataFrame).")
    programs = property(lambda self: self.table("programs"), doc="Pipeline programs (DataFrame).")
    regions = property(lambda self: self.table("regions"), doc="Regions (DataFrame).")
    indicators = property(lambda self: self.table("indicators"), doc="Indicators (DataFrame).")
    policies = property(lambda self: self.table("policies"), doc="Policies (DataFrame).")
    sources = property(lambda self: self.table("sources"), doc="Sources (DataFrame).")
    evidence = property(lambda self: self.table("evidence"), doc="Evidence (DataFrame).")

    def counts(self) -> dict[str, int]:
        """Number of rows per table."""
        return {name: len(rows) for name, rows in self._records.items()}

    def __len__(self) -> int:
        return len(self._records["organisations"])

    def __repr__(self) -> str:
        counts = self.counts()
        return (f"<Ecosystem {self.name!r}: {counts['organisations']} organisations, "
                f"{counts['relations']} relations, {counts['programs']} programs>")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Ecosystem) and self._records == other._records

    __hash__ = None  # type: ignore[assignment]

    # -- lookups ----------------------------------------------------------------------
    @cached_property
    def organisation_index(self) -> dict[str, dict[str, Any]]:
        """Organisation id to its row."""
        return {row["id"]: row for row in self._records["organisations"]}

    @cached_property
    def parties_by_relation(self) -> dict[str, list[dict[str, Any]]]:
        """Relation id to its party rows."""
        out: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for party in self._records["parties"]:
            out[party["relation_id"]].append(party)
        return dict(out)

    def sphere(self, organisation_id: str) -> str:
        """The effective triple-helix sphere: the row's own, else its kind's default."""
        row = self.organisation_index[organisation_id]
        return row["sphere"] or default_sphere(row["kind"])

    # -- network ----------------------------------------------------------------------
    def graph(
        self,
        year: int | None = None,
        window: int | None = None,
        types: Sequence[str] | None = None,
    ) -> "igraph.Graph":
        """The organisation network as an undirected igraph multigraph.

        Every organisation is a vertex (isolates included). Each relation adds one
        edge per pair of parties: between the two role groups of a directed type
        (licensor-licensee, investor-investee ...), between every pair of
        ``partner`` parties of a symmetric type, and between each partner and the
        ``offspring`` of a joint venture.

        Parameters
        ----------
        year : int, optional
            Keep the ties alive in this year: signed in or before ``year`` and not
            ended before it. Relations with an unknown date are left out when a
            year is given.
        window : int, optional
            With ``year``: a tie without an end date lives ``window`` years
            (a tie signed in ``year - window + 1`` still counts). Without it,
            ties accumulate.
        types : sequence of str, optional
            Keep only these relation types.

        Returns
        -------
        igraph.Graph
            Vertex attributes ``name`` (organisation id), ``label``, ``kind``,
            ``sphere``, ``region``, ``country``; edge attributes ``relation_id``,
            ``type``, ``date``, ``year``, ``source_role``, ``target_role``.
        """
        import igraph

        _check_types(types)
        orgs = self._records["organisations"]
        index = {row["id"]: i for i, row in enumerate(orgs)}
        edges: list[tuple[int, int]] = []
        attrs: dict[str, list[Any]] = defaultdict(list)
        for relation in self._records["relations"]:
            if not _alive(relation, year, window) or (types and relation["type"] not in types):
                continue
            for (a, role_a), (b, role_b) in _party_pairs(relation, self.parties_by_relation.get(relation["id"], [])):
                edges.append((index[a], index[b]))
                attrs["relation_id"].append(relation["id"])
                attrs["type"].append(relation["type"])
                attrs["date"].append(relation["date_announced"])
                attrs["year"].append(relation_year(relation["date_announced"]))
                attrs["source_role"].append(role_a)
                attrs["target_role"].append(role_b)
        graph = igraph.Graph(n=len(orgs), edges=edges, directed=False)
        graph.vs["name"] = [row["id"] for row in orgs]
        graph.vs["label"] = [row["name"] for row in orgs]
        graph.vs["kind"] = [row["kind"] for row in orgs]
        graph.vs["sphere"] = [row["sphere"] or default_sphere(row["kind"]) for row in orgs]
        graph.vs["region"] = [row["region_id"] for row in orgs]
        graph.vs["country"] = [row["country"] for row in orgs]
        for key in ("relation_id", "type", "date", "year", "source_role", "target_role"):
            graph.es[key] = attrs[key] if edges else []
        return graph

    def to_networkx(self, **kwargs: Any) -> "networkx.MultiGraph":
        """The network of :meth:`graph` as a NetworkX ``MultiGraph`` keyed by organisation id."""
        import networkx as nx

        graph = self.graph(**kwargs)
        out = nx.MultiGraph()
        for vertex in graph.vs:
            attrs = {k: v for k, v in vertex.attributes().items() if k != "name"}
            out.add_node(vertex["name"], **attrs)
        names = graph.vs["name"]
        for edge in graph.es:
            out.add_edge(names[edge.source], names[edge.target], key=edge["relation_id"], **edge.attributes())
        return out


def coerce_records(
    records: Mapping[str, Iterable[Mapping[str, Any]]],
    origins: Mapping[str, Origin] | None = None,
    max_errors: int = 20,
) -> Records:
    """Coerce raw rows of every table, locating each error by file and row.

    Raises
    ------
    ValidationError
        The first bad field; up to ``max_errors`` further ones are in its ``others``.
    """
    typed: Records = {}
    errors: list[ValidationError] = []
    for table_name, rows in records.items():
        table = TABLES[table_name]
        origin = (origins or {}).get(table_name) or Origin(table_name, ())
        out = []
        for index, raw in enumerate(rows):
            try:
                out.append(coerce_row(table, raw))
            except ValidationError as error:
                errors.append(error.located(file=origin.file, row=origin.row(index)))
                if len(errors) > max_errors:
                    break
        typed[table_name] = out
    if errors:
        first = errors[0]
        first.others = errors[1:]
        raise first
    return typed


def _sorted(table: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    spec = TABLES[table]
    return sorted(rows, key=lambda row: tuple(str(v) for v in row_key(spec, row)))


def _check_types(types: Sequence[str] | None) -> None:
    for name in types or ():
        if name not in RELATION_TYPES:
            raise ValidationError(f"unknown relation type '{name}'; use one of: {', '.join(RELATION_TYPES)}")


def _alive(relation: Mapping[str, Any], year: int | None, window: int | None) -> bool:
    if year is None:
        return True
    start = relation_year(relation["date_announced"])
    if start is None or start > year:
        return False
    end = relation_year(relation["date_ended"])
    if end is not None:
        return end >= year
    return window is None or start > year - window


def _party_pairs(relation: Mapping[str, Any], parties: list[dict[str, Any]]) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    roles = RELATION_TYPES[relation["type"]].roles
    by_role: dict[str, list[str]] = defaultdict(list)
    for party in parties:
        by_role[party["role"]].append(party["organisation_id"])
    if roles[0] == "partner":
        partners = [(org, "partner") for org in by_role["partner"]]
        pairs = list(combinations(partners, 2))
        pairs += [(p, (child, "offspring")) for p in partners for child in by_role.get("offspring", [])]
        return [(a, b) for a, b in pairs if a[0] != b[0]]
    if len(roles) < 2:
        return []
    first, second = roles
    return [((a, first), (b, second)) for a in by_role[first] for b in by_role[second] if a != b]
