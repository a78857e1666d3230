"""Read a graph file into igraph: GraphML, GEXF, or a CSV edge list.

The result is an undirected igraph graph whose vertex ``name`` is the node id
written in the file (as text); parallel edges and self-loops are kept (use
:func:`bioregion.analysis.network.simple_graph`), and an edge ``weight`` is
kept when the file has one.
"""

from __future__ import annotations

from pathlib import Path

import igraph as ig
import numpy as np
import pandas as pd

from ..errors import InputFormatError

__all__ = ["read_graph", "GRAPH_FORMATS"]

GRAPH_FORMATS = {".graphml": "graphml", ".xml": "graphml", ".gexf": "gexf",
                 ".csv": "csv", ".tsv": "csv", ".txt": "csv", ".edgelist": "csv"}


def read_graph(path: str | Path, fmt: str | None = None) -> ig.Graph:
    """Read GraphML, GEXF or a ``source,target[,weight]`` CSV edge list.

    Raises
    ------
    InputFormatError
        One line naming the file and what is wrong with it.
    """
    path = Path(path)
    if not path.is_file():
        raise InputFormatError(f"{path}: no such file")
    kind = fmt or GRAPH_FORMATS.get(path.suffix.lower())
    if kind is None:
        raise InputFormatError(f"{path}: unknown graph format '{path.suffix}': use .graphml, .gexf or .csv")
    reader = {"graphml": _read_graphml, "gexf": _read_gexf, "csv": _read_edge_list}[kind]
    try:
        graph = reader(path)
    except InputFormatError:
        raise
    except Exception as error:  # the parsers raise many kinds; report one line
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise InputFormatError(f"{path}: not a readable {kind} file ({first})") from error
    if graph.is_directed():
        graph.to_undirected(mode="each", combine_edges=None)
    return graph


def _read_graphml(path: Path) -> ig.Graph:
    graph = ig.Graph.Read_GraphML(str(path))
    ids = graph.vs["id"] if "id" in graph.vs.attributes() else range(graph.vcount())
    graph.vs["name"] = [str(i) for i in ids]
    return graph


def _read_gexf(path: Path) -> ig.Graph:
    import networkx as nx

    nxg = nx.read_gexf(str(path), node_type=None, relabel=False)
    names = [str(v) for v in nxg.nodes]
    index = {v: i for i, v in enumerate(nxg.nodes)}
    edges = [(index[u], index[v]) for u, v in nxg.edges()]
    graph = ig.Graph(n=len(names), edges=edges)
    graph.vs["name"] = names
    weights = [d.get("weight") for _, _, d in nxg.edges(data=True)]
    if any(w is not None for w in weights):
        graph.es["weight"] = [1.0 if w is None else float(w) for w in weights]
    return graph


def _read_edge_list(path: Path) -> ig.Graph:
    sep = "\t" if path.suffix.lower() == ".tsv" else ","
    frame = pd.read_csv(path, sep=sep, header=None, dtype=str, skipinitialspace=True,
                        comment="#", keep_default_na=False)
    if frame.empty:
        raise InputFormatError(f"{path}: the edge list is empty: write one 'source,target' per line")
    if frame.shape[1] < 2:
        raise InputFormatError(f"{path}: an edge list needs 'source,target[,weight]' columns")
    head = [str(v).strip().lower() for v in frame.iloc[0, :2]]
    if head == ["source", "target"]:
        frame = frame.iloc[1:]
    return _edge_frame_graph(path, frame)


def _edge_frame_graph(path: Path, frame: pd.DataFrame) -> ig.Graph:
    ends = frame.iloc[:, :2].to_numpy(dtype=str)
    if (ends == "").any():
        row = int(np.argwhere((ends == "").any(axis=1))[0, 0]) + 1
        raise InputFormatError(f"{path}: edge {row} has an empty source or target")
    codes, names = pd.factorize(ends.ravel())
    graph = ig.Graph(n=len(names), edges=codes.reshape(-1, 2).tolist())
    graph.vs["name"] = [str(v) for v in names]
    if frame.shape[1] >= 3:
        weight = pd.to_numeric(frame.iloc[:, 2].replace("", "1"), errors="coerce")
        if weight.isna().any():
            raise InputFormatError(f"{path}: the weight column must be numeric")
        graph.es["weight"] = weight.astype(float).tolist()
    return graph
