"""The network over time: yearly snapshots, growth, entry cohorts and Powell et al.'s attachment logics.

A tie lives from its announcement year until its end date, or ``lifetime``
years when it has none (default 5, as alliance studies usually assume).

Attachment logics (Powell et al. 2005) are estimated on new ties: for every
year ``t`` with new ties, each dyad that forms a tie in ``t`` is a case, and
``controls`` dyads per case are drawn at random (seeded) among organisations
present in ``t`` (founded or first tied by ``t``) that do not tie in ``t``.
The covariates are measured on the network of ``t - 1``:

* ``accumulative_advantage``: ``log(1 + degree_a) + log(1 + degree_b)``;
* ``homophily_kind``: 1 when both parties have the same organisation kind;
* ``homophily_region``: 1 when both have the same home region;
* ``follow_the_trend``: the share of last year's new ties whose pair of kinds
  equals this dyad's pair of kinds;
* ``multiconnectivity``: ``log(1 + common partners)``;
* ``prior_tie``: 1 when the dyad was ever tied before ``t`` (control).

A logistic regression (our own IRLS in NumPy) gives a coefficient table with
standard errors from the inverse Fisher information. Case-control sampling
shifts only the intercept (King & Zeng 2001). Covariates without variation
are dropped and listed.

References
----------
.. [1] Powell, W. W., White, D. R., Koput, K. W., & Owen-Smith, J. (2005).
   Network dynamics and field evolution: the growth of interorganizational
   collaboration in the life sciences. *American Journal of Sociology*
   110(4), 1132-1205.
.. [2] Leskovec, J., Kleinberg, J., & Faloutsos, C. (2005). Graphs over time:
   densification laws, shrinking diameters and possible explanations. KDD '05.
.. [3] King, G., & Zeng, L. (2001). Logistic regression in rare events data.
   *Political Analysis* 9(2), 137-163.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import Any

import numpy as np
import pandas as pd

from ..ecosystem import Ecosystem, relation_year
from ..errors import ValidationError

__all__ = ["snapshots", "entry_cohorts", "attachment_logics", "logistic_regression", "COVARIATES"]

COVARIATES = ("accumulative_advantage", "homophily_kind", "homophily_region", "follow_the_trend",
              "multiconnectivity", "prior_tie")


def _years(ecosystem: Ecosystem) -> list[int]:
    years = {relation_year(r["date_announced"]) for r in ecosystem.rows("relations")}
    years.discard(None)
    return list(range(min(years), max(years) + 1)) if years else []


def snapshots(ecosystem: Ecosystem, lifetime: int = 5) -> pd.DataFrame:
    """Yearly snapshots: active organisations, ties, density, growth and the densification exponent.

    Returns
    -------
    pandas.DataFrame
        One row per year: ``nodes`` (organisations with a live tie), ``edges``
        (tied pairs), ``ties`` (live relations' edges), ``new_ties``, ``density``,
        ``mean_degree``, ``components``, ``largest_component`` (share of nodes),
        ``node_growth``, ``edge_growth`` (relative change). ``attrs["densification"]``
        holds the exponent ``a`` of ``edges ~ nodes ** a`` fitted over the years
        (Leskovec et al. 2005; ``a > 1`` means densification).
    """
    rows = []
    for year in _years(ecosystem):
        graph = ecosystem.graph(year=year, window=lifetime)
        new = sum(1 for y in graph.es["year"] if y == year) if graph.ecount() else 0
        simple = graph.copy()
        simple.simplify()
        active = simple.vs.select(_degree_gt=0)
        sub = simple.subgraph(active)
        n, m = sub.vcount(), sub.ecount()
        parts = sub.connected_components() if n else []
        rows.append({"year": year, "nodes": n, "edges": m, "ties": graph.ecount(), "new_ties": new,
                     "density": 2 * m / (n * (n - 1)) if n > 1 else 0.0, "mean_degree": 2 * m / n if n else 0.0,
                     "components": len(parts), "largest_component": max(parts.sizes()) / n if n else 0.0})
    frame = pd.DataFrame(rows)
    if not frame.empty:
        frame["node_growth"] = frame["nodes"].pct_change().replace([np.inf, -np.inf], np.nan)
        frame["edge_growth"] = frame["edges"].pct_change().replace([np.inf, -np.inf], np.nan)
        ok = frame[(frame["nodes"] > 1) & (frame["edges"] > 0)]
        if len(ok) >= 2 and ok["nodes"].nunique() > 1:
            frame.attrs["densification"] = float(np.polyfit(np.log(ok["nodes"]), np.log(ok["edges"]), 1)[0])
    return frame


def entry_cohorts(ecosystem: Ecosystem, period: int = 5) -> pd.DataFrame:
    """Organisations by entry cohort (first tie year, else founding year) and kind, in ``period``-year bins."""
    first: dict[str, int] = {}
    relations = {r["id"]: r for r in ecosystem.rows("relations")}
    for relation_id, parties in ecosystem.parties_by_relation.items():
        year = relation_year(relations[relation_id]["date_announced"])
        for party in parties:
            if year is not None:
                first[party["organisation_id"]] = min(year, first.get(party["organisation_id"], year))
    counts: Counter = Counter()
    for org in ecosystem.rows("organisations"):
        year = first.get(org["id"]) or relation_year(org["founded"])
        if year is not None:
            counts[(year - year % period, org["kind"])] += 1
    rows = [{"cohort": f"{c}-{c + period - 1}", "kind": k, "entrants": n} for (c, k), n in sorted(counts.items())]
    return pd.DataFrame(rows, columns=["cohort", "kind", "entrants"])


def logistic_regression(x: np.ndarray, y: np.ndarray, names: list[str], max_iter: int = 50) -> pd.DataFrame:
    """Maximum-likelihood logistic regression by iteratively reweighted least squares.

    Parameters
    ----------
    x : (n, k) array
        Covariates; an intercept is added.
    y : (n,) array of 0/1
    names : list of str
        Covariate names.

    Returns
    -------
    pandas.DataFrame
        ``term, coef, se, z, p`` (two-sided Wald test), indexed from ``intercept``, and ``note``
        flagging (quasi-)separation, where a covariate occurs only among cases or only
        among controls and the likelihood has no finite maximum.
    """
    design = np.column_stack([np.ones(len(y)), x])
    beta = np.zeros(design.shape[1])
    for _ in range(max_iter):
        p = 1 / (1 + np.exp(-np.clip(design @ beta, -30, 30)))
        w = np.clip(p * (1 - p), 1e-10, None)
        info = design.T @ (design * w[:, None])
        step = np.linalg.solve(info + 1e-9 * np.eye(len(beta)), design.T @ (y - p))
        beta = beta + step
        if np.max(np.abs(step)) < 1e-10:
            break
    p = 1 / (1 + np.exp(-np.clip(design @ beta, -30, 30)))
    info = design.T @ (design * (p * (1 - p))[:, None])
    se = np.sqrt(np.diag(np.linalg.pinv(info)))
    z = beta / se
    pvalues = [math.erfc(abs(v) / math.sqrt(2)) for v in z]
    notes = ["separation: not estimable" if (s > 100 or abs(b) > 15) else "" for b, s in zip(beta, se)]
    return pd.DataFrame({"term": ["intercept", *names], "coef": beta, "se": se, "z": z, "p": pvalues,
                         "note": notes})


def _present(ecosystem: Ecosystem, first_tie: dict[str, int]) -> dict[str, int]:
    out = dict(first_tie)
    for org in ecosystem.rows("organisations"):
        founded = relation_year(org["founded"])
        if founded is not None:
            out[org["id"]] = min(founded, out.get(org["id"], founded))
    return out


def _new_ties_by_year(ecosystem: Ecosystem) -> dict[int, set[tuple[str, str]]]:
    graph = ecosystem.graph()
    names = graph.vs["name"]
    out: dict[int, set[tuple[str, str]]] = defaultdict(set)
    for edge in graph.es:
        if edge["year"] is not None:
            out[edge["year"]].add(tuple(sorted((names[edge.source], names[edge.target]))))
    return out


def _dyad_rows(ecosystem, year, dyads, previous, ever, last_new, kinds, regions):
    graph = ecosystem.graph(year=year - 1, window=previous)
    graph.simplify()
    names = graph.vs["name"]
    neighbours = {names[v]: {names[u] for u in graph.neighbors(v)} for v in range(graph.vcount())}
    trend = Counter(tuple(sorted((kinds[a], kinds[b]))) for a, b in last_new)
    total = sum(trend.values())
    rows = []
    for a, b in dyads:
        na, nb = neighbours.get(a, set()), neighbours.get(b, set())
        rows.append([math.log1p(len(na)) + math.log1p(len(nb)), float(kinds[a] == kinds[b]),
                     float(regions[a] is not None and regions[a] == regions[b]),
                     trend[tuple(sorted((kinds[a], kinds[b])))] / total if total else 0.0,
                     math.log1p(len(na & nb)), float((a, b) in ever)])
    return rows


def attachment_logics(ecosystem: Ecosystem, lifetime: int = 5, controls: int = 10, seed: int = 0) -> dict[str, Any]:
    """Estimate Powell et al.'s attachment logics on new ties (see the module docstring).

    Returns
    -------
    dict
        ``coefficients`` (DataFrame ``term, coef, se, z, p``), ``cases``,
        ``controls``, ``years``, ``dropped`` (covariates without variation).

    Raises
    ------
    ValidationError
        With fewer than 10 dated new ties between organisations present in the prior year.
    """
    rng = np.random.default_rng(seed)
    new = _new_ties_by_year(ecosystem)
    first: dict[str, int] = {}
    for year in sorted(new):
        for dyad in new[year]:
            for org in dyad:
                first.setdefault(org, year)
    present = _present(ecosystem, first)
    kinds = {o["id"]: o["kind"] for o in ecosystem.rows("organisations")}
    regions = {o["id"]: o["region_id"] for o in ecosystem.rows("organisations")}
    x, y, ever, years = [], [], set(), []
    for year in sorted(new):
        pool = sorted(o for o, t in present.items() if t <= year)
        cases = sorted(new[year])
        if year - 1 in new or ever:
            sampled = _controls(rng, pool, set(cases), controls * len(cases))
            rows = _dyad_rows(ecosystem, year, cases + sampled, lifetime, ever, new.get(year - 1, set()),
                              kinds, regions)
            x += rows
            y += [1] * len(cases) + [0] * len(sampled)
            years.append(year)
        ever |= new[year]
    if sum(y) < 10:
        raise ValidationError(f"only {sum(y)} dated new ties after the first year; need at least 10 to estimate")
    matrix = np.asarray(x, dtype=float)
    keep = [i for i in range(matrix.shape[1]) if np.ptp(matrix[:, i]) > 0]
    table = logistic_regression(matrix[:, keep], np.asarray(y, dtype=float), [COVARIATES[i] for i in keep])
    return {"coefficients": table, "cases": int(sum(y)), "controls": int(len(y) - sum(y)), "years": years,
            "dropped": [COVARIATES[i] for i in range(matrix.shape[1]) if i not in keep], "lifetime": lifetime}


def _controls(rng: np.random.Generator, pool: list[str], cases: set[tuple[str, str]], n: int) -> list[tuple[str, str]]:
    if len(pool) < 2:
        return []
    out: list[tuple[str, str]] = []
    for _ in range(n * 3):
        if len(out) >= n:
            break
        i, j = rng.choice(len(pool), size=2, replace=False)
        dyad = tuple(sorted((pool[i], pool[j])))
        if dyad not in cases:
            out.append(dyad)  # type: ignore[arg-type]
    return out
