"""Time: snapshots, cohorts and Powell et al.'s attachment logics on a planted preferential attachment."""

import numpy as np
import pytest

from bioregion.analysis.temporal import attachment_logics, entry_cohorts, logistic_regression, snapshots
from bioregion.ecosystem import Ecosystem


def preferential_attachment(n_orgs=120, start=1990, per_year=8, seed=3):
    """Each year new firms enter and tie to incumbents chosen with probability proportional to 1 + degree."""
    rng = np.random.default_rng(seed)
    orgs, relations, parties, degree = [], [], [], []
    for i in range(n_orgs):
        year = start + i // per_year
        orgs.append({"id": f"o{i}", "name": f"Org {i}", "kind": "biotech", "founded": str(year)})
        degree.append(0)
        for _ in range(2 if i > 2 else 0):
            weights = np.array([(d + 1) ** 1.5 for d in degree[:i]], dtype=float)
            j = int(rng.choice(i, p=weights / weights.sum()))
            rid = f"r{len(relations)}"
            relations.append({"id": rid, "type": "rd_collaboration", "date_announced": str(year)})
            parties += [{"relation_id": rid, "organisation_id": f"o{i}", "role": "partner"},
                        {"relation_id": rid, "organisation_id": f"o{j}", "role": "partner"}]
            degree[i] += 1
            degree[j] += 1
    return Ecosystem.from_records({"organisations": orgs, "relations": relations, "parties": parties})


def test_planted_preferential_attachment_gives_a_positive_significant_coefficient():
    result = attachment_logics(preferential_attachment(), lifetime=50, controls=5, seed=1)
    table = result["coefficients"].set_index("term")
    assert table.loc["accumulative_advantage", "coef"] > 0
    assert table.loc["accumulative_advantage", "p"] < 0.01
    assert "homophily_kind" in result["dropped"]  # every organisation has the same kind
    assert result["cases"] > 100


def test_logistic_regression_recovers_known_coefficients():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(4000, 2))
    p = 1 / (1 + np.exp(-(-0.5 + 1.2 * x[:, 0] - 0.8 * x[:, 1])))
    y = (rng.random(4000) < p).astype(float)
    table = logistic_regression(x, y, ["a", "b"]).set_index("term")
    assert abs(table.loc["a", "coef"] - 1.2) < 4 * table.loc["a", "se"]
    assert abs(table.loc["b", "coef"] + 0.8) < 4 * table.loc["b", "se"]
    sm = pytest.importorskip("statsmodels.api")
    fit = sm.Logit(y, sm.add_constant(x)).fit(disp=0)
    assert (table["note"] == "").all()
    np.testing.assert_allclose(table["coef"].to_numpy(), fit.params, rtol=1e-6)
    np.testing.assert_allclose(table["se"].to_numpy(), fit.bse, rtol=1e-5)


def test_separation_is_flagged():
    x = np.array([[0.0], [0.0], [1.0], [1.0], [0.0], [1.0]])
    y = np.array([0.0, 0.0, 1.0, 1.0, 0.0, 1.0])  # x predicts y perfectly
    table = logistic_regression(x, y, ["x"]).set_index("term")
    assert table.loc["x", "note"].startswith("separation")


def test_snapshots_count_live_ties(ecosystem):
    frame = snapshots(ecosystem, lifetime=5).set_index("year")
    assert frame.loc[2001, "edges"] == 1  # the VIB spin-off
    assert frame.loc[2006, "edges"] == 0  # the spin-off lived 5 years (2001-2005)
    assert frame.loc[2012, "edges"] == 1  # galapagos-abbvie, ended 2012
    assert frame.loc[2013, "edges"] == 0  # spin-off expired (2001 + 5), collaboration ended 2012
    assert frame.loc[2015, ["nodes", "edges", "new_ties"]].tolist() == [2, 1, 1]


def test_entry_cohorts(ecosystem):
    frame = entry_cohorts(ecosystem, period=10)
    got = {(r.cohort, r.kind): r.entrants for r in frame.itertuples()}
    assert got[("2000-2009", "research_institute")] == 1
    assert got[("2010-2019", "new_biotech_firm")] == 1  # galapagos: first tie 2010 (founded 1999)
