"""End to end in headless Chromium: choose a scenario, change a lever, run a small simulation, see its charts."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from conftest import mini_records  # noqa: E402

from bioregion.store import Store  # noqa: E402

from .conftest import start_server  # noqa: E402

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from bioregion.web import create_app

    db = str(tmp_path_factory.mktemp("e2e-simulate") / "eco.db")
    with Store.open(db) as store:
        store.import_records(mini_records())
    base, stop = start_server(create_app(db))
    yield base
    stop()


def test_run_a_small_simulation_and_see_the_charts(server, page):
    page.goto(server + "/simulate")
    page.click("header nav a[href='/simulate']")
    page.select_option("#scenario", "beijing-north-south-synergy")       # the page reloads with its levers
    page.wait_for_selector("input[name='policy.zgc-research.budget_musd']")
    page.fill("input[name=years]", "4")
    page.fill("input[name=replicates]", "3")
    page.fill("input[name='policy.zgc-research.budget_musd']", "0")
    page.click("#run-button")
    page.wait_for_url("**/simulate/runs/*")
    page.wait_for_selector("#sim-done", timeout=120_000)                  # polled until done, then reloaded
    assert "zgc-research: budget 0 USD" in page.inner_text("main")
    charts = page.locator("img.sim-chart")
    assert charts.count() == 6
    drawn = "() => Array.from(document.querySelectorAll('img.sim-chart')).every(i => i.complete && i.naturalWidth > 0)"
    page.wait_for_function(drawn)
    assert page.locator("#sim-outcomes tbody tr").count() >= 10
    page.click("text=Change the levers")
    assert page.locator("#scenario").input_value() == "beijing-north-south-synergy"
