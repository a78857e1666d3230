"""``bioregion analyze`` topics: time, portfolio, openness, business-models, triple-helix, regions, hypotheses, partners."""

from __future__ import annotations

import click

from ..analysis import business_models as bm
from ..analysis import hypotheses as hyp
from ..analysis import openness as op
from ..analysis import partners as pa
from ..analysis import portfolio as pf
from ..analysis import regional as rg
from ..analysis import temporal as tm
from ..analysis import triple_helix as th
from ._options import ecosystem_options, open_ecosystem
from ._output import emit_json, emit_rows, format_option, note
from .analyze import analyze_group

__all__ = ["analyze_group"]


def _records(frame):
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


@analyze_group.command("time")
@ecosystem_options
@click.option("--lifetime", default=5, show_default=True, help="Years a tie lives without an end date.")
@click.option("--attachment", is_flag=True, help="Estimate Powell et al.'s attachment logics instead.")
@click.option("--seed", default=0, show_default=True, help="Seed of the control-dyad sample.")
@format_option()
def time_command(ecosystem, lifetime: int, attachment: bool, seed: int, fmt: str) -> None:
    """Yearly snapshots (growth, density) or, with --attachment, the attachment-logic coefficients."""
    if attachment:
        result = tm.attachment_logics(ecosystem, lifetime=lifetime, seed=seed)
        note(f"{result['cases']} new ties, {result['controls']} control dyads; dropped: {result['dropped'] or 'none'}")
        emit_rows(_records(result["coefficients"]), fmt, title="Attachment logics (logit)")
        return
    frame = tm.snapshots(ecosystem, lifetime=lifetime)
    if "densification" in frame.attrs:
        note(f"densification exponent a = {frame.attrs['densification']:.3f} (edges ~ nodes^a)")
    emit_rows(_records(frame), fmt, title="Yearly snapshots")


@analyze_group.command("portfolio")
@click.argument("org")
@ecosystem_options
@format_option()
def portfolio_command(org: str, ecosystem, fmt: str) -> None:
    """The alliance portfolio of ORG: types, stages, partners, Blau diversity, exploration/exploitation."""
    result = pf.portfolio(ecosystem, org)
    if fmt == "json":
        emit_json(result)
        return
    summary = {k: result[k] for k in ("n_alliances", "by_type", "by_stage", "by_orientation", "by_partner_kind",
                                      "by_partner_country", "blau_partner_kind", "blau_partner_country",
                                      "share_big_pharma")}
    summary["deal_values"] = result["deal_values"]["by_currency"]
    emit_rows([{"measure": k, "value": v} for k, v in summary.items()], fmt, title=result["organisation"]["name"])


@analyze_group.command("openness")
@ecosystem_options
@click.option("--depth-threshold", default=3, show_default=True, help="Ties with a partner kind that make it deep.")
@format_option()
def openness_command(ecosystem, depth_threshold: int, fmt: str) -> None:
    """Inbound, outbound, coupled activity, breadth, depth and openness class, with the Table 4 agreement."""
    frame = op.openness(ecosystem, depth_threshold=depth_threshold)
    agreement = op.openness_agreement(ecosystem, frame)
    if fmt == "json":
        emit_json({"organisations": _records(frame), "agreement": agreement})
        return
    t = frame.attrs["thresholds"]
    note(f"thresholds: hardly_open <= {t['low']} < fairly_open <= {t['high']} < very_open")
    if agreement["n"]:
        note(f"agreement with curated labels: {agreement['agree']:.2f} of {agreement['n']} (kappa {agreement['kappa']})")
    emit_rows(_records(frame), fmt, title="Openness")


@analyze_group.command("business-models")
@ecosystem_options
@format_option()
def business_models_command(ecosystem, fmt: str) -> None:
    """Derived and curated business model of each firm, with the evidence that decided it."""
    emit_rows(_records(bm.business_models(ecosystem)), fmt, title="Business models")


@analyze_group.command("triple-helix")
@click.option("--counts", "counts_file", type=click.Path(dir_okay=False), help="A CSV with columns u,i,g,count.")
@click.option("--db", metavar="PATH", help="A store: SQLite file or postgresql:// URL.")
@click.option("--dataset", metavar="NAME", help="An embedded dataset.")
@click.option("--by", type=click.Choice(["all", "region", "year"]), default="all", show_default=True)
@click.option("--region", help="Only relations with a party in this region.")
@click.option("--year", type=int, help="Only relations announced in this year.")
@format_option()
def triple_helix_command(counts_file, db, dataset, by: str, region, year, fmt: str) -> None:
    """Leydesdorff's T(UIG) in bits (negative = synergy) and the bilateral T's."""
    if counts_file:
        if db or dataset:
            raise click.UsageError("give --counts FILE or --db/--dataset, not both")
        result = th.transmission(th.read_counts(counts_file))
    else:
        ecosystem = open_ecosystem(db, dataset)
        if by != "all":
            emit_rows(_records(th.triple_helix_table(ecosystem, by=by)), fmt, title=f"T(UIG) by {by}")
            return
        result = th.triple_helix(ecosystem, region=region, year=year)
    if fmt == "json":
        emit_json(result)
    else:
        emit_rows([{"measure": k, "value": result[k]} for k in ("n", "T", "T_ui", "T_ug", "T_ig")], fmt,
                  title="Triple helix (bits)")


@analyze_group.command("regions")
@ecosystem_options
@click.option("--lq", type=click.Choice(["kind", "sphere", "therapeutic_area", "technology_platforms"]),
              help="Location quotients / RTA by this category instead of the side-by-side table.")
@click.option("--scoreboard", "year", type=int, metavar="YEAR",
              help="EIS performance groups of the regions' Summary Innovation Index in YEAR (e.g. with "
                   "--dataset europe-indicators).")
@click.option("--compare", is_flag=True,
              help="Flanders, Wallonia, Brussels, Lombardy and Beijing side by side from the embedded datasets.")
@format_option()
def regions_command(ecosystem, lq, year, compare: bool, fmt: str) -> None:
    """Regions side by side, location quotients (Balassa) / RTA (Soete), or EIS performance groups."""
    if compare:
        from ..datasets import load_dataset

        ecosystems = [load_dataset(n) for n in ("belgium-2016", "lombardy", "beijing")]
        frame = rg.compare_regions(ecosystems, ["BE2", "BE3", "BE1", "ITC4", "CN-BJ"])
        emit_rows(_records(frame), fmt, title="bioRegions side by side")
        return
    if year:
        frame = rg.scoreboard(ecosystem, year)
        emit_rows(_records(frame.reset_index()), fmt, title=f"Performance groups {year}")
        return
    if lq in ("kind", "sphere"):
        frame = rg.location_quotients(ecosystem, by=lq)
    elif lq:
        frame = rg.revealed_technological_advantage(ecosystem, field=lq)
    else:
        emit_rows(_records(rg.compare_regions([ecosystem])), fmt, title="Regions")
        return
    emit_rows(_records(frame.reset_index().rename(columns={"region": "region_id"})), fmt, title=f"LQ by {lq}")


@analyze_group.command("hypotheses")
@ecosystem_options
@click.option("--alpha", default=0.05, show_default=True)
@click.option("--window", default=10, show_default=True, help="H1: years before and after a programme's start.")
@format_option()
def hypotheses_command(ecosystem, alpha: float, window: int, fmt: str) -> None:
    """Segers's H1-H4: hypothesis, operationalisation, statistic, result, p-value and caveats."""
    results = hyp.hypotheses(ecosystem, alpha=alpha, window=window)
    if fmt == "json":
        emit_json(results)
        return
    emit_rows([{k: r[k] for k in ("id", "hypothesis", "statistic", "p_value", "supported")}
               | {"caveats": r["caveats"]} for r in results], fmt, title="Hypotheses")


@analyze_group.command("partners")
@click.argument("org")
@ecosystem_options
@click.option("--top", default=10, show_default=True)
@format_option()
def partners_command(org: str, ecosystem, top: int, fmt: str) -> None:
    """Rank candidate partners of ORG with the reasons (common partners, fit, pipeline gap, proximity, ties)."""
    emit_rows(_records(pa.partner_candidates(ecosystem, org, top=top)), fmt, title="Candidate partners")
