"""Two-mode projections: organisations tied by shared programs or consortia.

An organisation x program (or organisation x consortium) affiliation network
is projected onto the organisations: two organisations are tied when they
share an affiliation, with ``weight`` the number they share (Breiger 1974).
"""

from __future__ import annotations

from typing import Iterable

import igraph as ig
import numpy as np
import pandas as pd

from ..errors import ValidationError

__all__ = ["project_two_mode", "affiliation_graph", "program_projection", "consortium_projection"]


def affiliation_graph(pairs: pd.DataFrame | Iterable[tuple[str, str]]) -> ig.Graph:
    """A bipartite igraph from ``(organisation, affiliation)`` pairs.

    Vertices carry ``name`` and ``type`` (False organisation, True affiliation);
    repeated pairs are kept once.
    """
    frame = pd.DataFrame(pairs).iloc[:, :2].dropna().astype(str).drop_duplicates()
    if frame.shape[1] < 2:
        raise ValidationError("a two-mode edge list needs two columns: organisation, affiliation")
    orgs, org_codes = np.unique(frame.iloc[:, 0].to_numpy(), return_inverse=True)
    affs, aff_codes = np.unique(frame.iloc[:, 1].to_numpy(), return_inverse=True)
    edges = np.stack([org_codes, aff_codes + orgs.size], axis=1)
    graph = ig.Graph(n=orgs.size + affs.size, edges=edges.tolist())
    graph.vs["name"] = list(orgs) + list(affs)
    graph.vs["type"] = [False] * orgs.size + [True] * affs.size
    return graph


def project_two_mode(bipartite: ig.Graph | pd.DataFrame | Iterable[tuple[str, str]]) -> ig.Graph:
    """Project a two-mode network onto its first mode (``type`` False).

    Parameters
    ----------
    bipartite : igraph.Graph or DataFrame or iterable of pairs
        A bipartite igraph with a boolean vertex ``type``, or
        ``(organisation, affiliation)`` pairs.

    Returns
    -------
    igraph.Graph
        Organisations, with ``weight`` = number of shared affiliations per tie.

    References
    ----------
    .. [1] Breiger, R. L. (1974). The duality of persons and groups.
       *Social Forces*, 53(2), 181-190.
    """
    graph = bipartite if isinstance(bipartite, ig.Graph) else affiliation_graph(bipartite)
    if "type" not in graph.vs.attributes():
        raise ValidationError("a bipartite graph needs a boolean vertex attribute 'type'")
    projected = graph.bipartite_projection(types="type", multiplicity=True, which=0)
    if projected.ecount():
        projected.es["weight"] = [float(w) for w in projected.es["weight"]]
    return projected


def program_projection(programs: pd.DataFrame) -> ig.Graph:
    """Organisations tied by shared pipeline programs (owner and partner).

    ``programs`` has the schema columns ``id``, ``organisation_id`` and
    ``partner_id`` (empty when unpartnered).
    """
    owners = programs[["organisation_id", "id"]].set_axis(["org", "program"], axis=1)
    partners = programs[["partner_id", "id"]].set_axis(["org", "program"], axis=1)
    pairs = pd.concat([owners, partners]).replace("", np.nan).dropna()
    return project_two_mode(pairs)


def consortium_projection(relations: pd.DataFrame, parties: pd.DataFrame) -> ig.Graph:
    """Organisations tied by shared consortia (relations of type ``consortium``)."""
    ids = relations.loc[relations["type"] == "consortium", "id"]
    members = parties[parties["relation_id"].isin(ids)]
    return project_two_mode(members[["organisation_id", "relation_id"]])
