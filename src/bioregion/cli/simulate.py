"""``bioregion simulate ...``: the pipeline process, scenario runs, comparisons and sweeps."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterator

import click

from ._output import emit_json, emit_rows, note
from ..simulate.pipeline import simulate_pipeline

__all__ = ["simulate_group"]

_FORMATS = click.Choice(["table", "json", "csv"])
_REPORT = click.option("--report", "report", type=click.Choice(["html", "pdf", "none"]), default="html",
                       show_default=True,
                       help="Charts of the results: OUT/report.html; pdf also writes OUT/report.pdf (extra 'pdf').")


@click.group("simulate")
def simulate_group() -> None:
    """Simulate a bioRegion: pipelines, scenarios, comparisons and sweeps."""


@simulate_group.command("pipeline")
@click.option("--programs", type=click.IntRange(min=1), default=100_000, show_default=True,
              help="Programs entering phase I.")
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed.")
@click.option("--format", "fmt", type=_FORMATS, default="table", show_default=True)
def pipeline_command(programs: int, seed: int, fmt: str) -> None:
    """Run the drug-pipeline attrition process from phase I (default calibration)."""
    result = simulate_pipeline(programs, seed=seed)
    if fmt == "json":
        emit_json(result)
        return
    rows = [{"key": k, "value": v} for k, v in result.items() if k != "phase_transition"]
    rows += [{"key": f"phase_transition.{k}", "value": v} for k, v in result["phase_transition"].items()]
    emit_rows(rows, fmt, ["key", "value"])


@simulate_group.command("scenarios")
@click.option("--format", "fmt", type=_FORMATS, default="table", show_default=True)
def scenarios_command(fmt: str) -> None:
    """List the scenarios shipped with bioregion."""
    from ..simulate.scenario import shipped_scenarios

    rows = [{"name": k, "description": v} for k, v in shipped_scenarios().items()]
    emit_json(rows) if fmt == "json" else emit_rows(rows, fmt, ["name", "description"])


@simulate_group.command("run")
@click.argument("scenario")
@click.option("--replicates", type=click.IntRange(min=1), default=10, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--out", type=click.Path(file_okay=False), required=True, help="Results folder.")
@click.option("--dataset", metavar="NAME", help="Initialise from this embedded ecosystem instead.")
@_REPORT
def run_command(scenario: str, replicates: int, seed: int, out: str, dataset: str | None, report: str) -> None:
    """Run REPLICATES replicates of SCENARIO (a shipped name or a .yaml path) into OUT."""
    from ..simulate import runs
    from ..simulate.scenario import load_scenario

    spec = load_scenario(scenario)
    _check_pdf(report)
    with _progress(replicates, f"{spec.name}") as advance:
        folder = runs.run_scenario(spec, replicates, seed, out, dataset=dataset, progress=advance)
    note(f"wrote {folder}/timeseries.parquet, summary.csv, ecosystem.json, scenario.yaml, run.json")
    _write_report(folder, report)


@simulate_group.command("compare")
@click.argument("scenarios", nargs=-1, required=True)
@click.option("--replicates", type=click.IntRange(min=1), default=10, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--out", type=click.Path(file_okay=False),
              help="Also write the series, comparison.csv and charts (report.html) here.")
@click.option("--format", "fmt", type=_FORMATS, default="table", show_default=True)
@_REPORT
def compare_command(scenarios: tuple[str, ...], replicates: int, seed: int, out: str | None, fmt: str,
                    report: str) -> None:
    """Compare SCENARIOS (the first is the baseline): mean and 90% interval over replicates of each outcome."""
    from ..simulate import runs
    from ..simulate.scenario import load_scenario

    specs = [load_scenario(s) for s in scenarios]
    if len({s.name for s in specs}) < len(specs):
        raise click.UsageError("give scenarios of different names; each is compared with the first")
    if report == "pdf" and not out:
        raise click.UsageError("--report pdf needs --out DIR for the results and their charts")
    _check_pdf(report if out else "none")
    with _progress(replicates * len(specs), "compare") as advance:
        table = runs.compare_scenarios(specs, replicates, seed, out=out, progress=advance)
    if out:
        _write_report(out, report)
    rows = table.to_dict("records")
    emit_json(rows) if fmt == "json" else emit_rows(rows, fmt, list(table.columns))


def _check_pdf(report: str) -> None:
    """Fail before a long run when the PDF cannot be printed."""
    if report == "pdf":
        from ..report.document import require_pdf

        require_pdf()


def _write_report(folder, report: str) -> None:
    if report == "none":
        return
    from ..report.simulation import build_simulation_report
    from ..simulate.results import load_results

    paths = build_simulation_report(load_results(folder), folder, pdf=report == "pdf")
    note(f"wrote {paths.html}" + (f" and {paths.pdf}" if paths.pdf else ""))


@simulate_group.command("sweep")
@click.argument("scenario")
@click.option("--replicates", type=click.IntRange(min=1), default=10, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--param", "params", multiple=True, metavar="KEY=V1,V2",
              help="A parameter and its values, e.g. calibration.ipo_probability=0.03,0.06 (repeatable).")
@click.option("--scheduler", default="local", show_default=True, help="tcp://HOST:PORT, or local.")
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True,
              help="Workers of a local cluster.")
@click.option("--out", type=click.Path(file_okay=False), required=True, help="Results folder.")
def sweep_command(scenario: str, replicates: int, seed: int, params: tuple[str, ...], scheduler: str,
                  workers: int, out: str) -> None:
    """Run a parameter sweep of SCENARIO on a Dask cluster; save Parquet, scenario and seeds."""
    from ..simulate import runs
    from ..simulate.replicates import parse_param, tasks
    from ..simulate.scenario import load_scenario

    spec = load_scenario(scenario)
    parameters = dict(parse_param(p) for p in params)
    with _progress(len(tasks(replicates, parameters)), f"sweep {spec.name}") as advance:
        folder = runs.sweep_scenario(spec, replicates, seed, parameters, scheduler, out, workers, advance)
    note(f"wrote {folder}/timeseries.parquet, summary.csv, scenario.yaml, run.json")


@simulate_group.command("calibrate")
@click.argument("scenario")
@click.option("--param", "param", required=True, metavar="KEY=V1,V2,...",
              help="The parameter to fit and its candidate values, e.g. calibration.spin_off_probability=0.02,0.05,0.1.")
@click.option("--targets", type=click.Path(exists=True, dir_okay=False), help="CSV with columns year,value.")
@click.option("--dataset", metavar="NAME", help="Or: firms alive per year in this embedded ecosystem.")
@click.option("--metric", default="firms_alive", show_default=True, help="Simulated yearly series to fit.")
@click.option("--replicates", type=click.IntRange(min=1), default=5, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--format", "fmt", type=_FORMATS, default="table", show_default=True)
def calibrate_command(scenario: str, param: str, targets: str | None, dataset: str | None, metric: str,
                      replicates: int, seed: int, fmt: str) -> None:
    """Fit one parameter of SCENARIO to yearly targets by grid search; report the fit."""
    from ..simulate import calibrate
    from ..simulate.replicates import parse_param
    from ..simulate.scenario import load_scenario

    if bool(targets) == bool(dataset):
        raise click.UsageError("give exactly one of --targets FILE or --dataset NAME")
    spec = load_scenario(scenario)
    key, values = parse_param(param)
    if targets:
        goal = calibrate.targets_from_csv(targets)
    else:
        from ..ecosystem import Ecosystem

        years = range(spec.start_year, spec.start_year + spec.years)
        goal = calibrate.targets_from_ecosystem(Ecosystem.from_dataset(dataset), years, [r.id for r in spec.regions])
    result = calibrate.fit(spec, key, values, goal, replicates, seed, metric)
    if fmt == "json":
        emit_json(result)
        return
    note(f"best {key} = {result['best']} (RMSE {result['rmse']:.3g} on {metric})")
    emit_rows(result["grid"], fmt, ["value", "rmse"])


@contextmanager
def _progress(total: int, label: str) -> Iterator[Callable[[int], None]]:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from ._output import console

    with Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console(stderr=True), transient=False) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n: bar.advance(task, n)
