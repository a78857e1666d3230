"""Commands that look inside an ecosystem: show org, search, stats."""

from __future__ import annotations

import click

from ..queries import organisation_profile, search, stats
from ._options import ecosystem_options
from ._output import console, emit_json, emit_rows, format_option

__all__ = ["show_group", "search_command", "stats_command"]


@click.group("show")
def show_group() -> None:
    """Show one record with its context."""


@show_group.command("org")
@click.argument("name")
@ecosystem_options
@format_option()
def show_org(name: str, ecosystem, fmt: str) -> None:
    """Show organisation NAME (id, name or alias): kind, region, platforms, programs, partners, timeline."""
    profile = organisation_profile(ecosystem, name)
    if fmt == "json":
        emit_json(profile)
        return
    if fmt == "csv":
        emit_rows(_relation_rows(profile), fmt)
        return
    _print_profile(profile)


def _relation_rows(profile):
    return [{"date": r["date"] or "unknown", "type": r["type"], "role": r["role"],
             "partners": ", ".join(f"{p['name']} ({p['role']})" for p in r["partners"]), "asset": r["asset"]}
            for r in profile["relations"]]


def _print_profile(profile) -> None:
    from rich.panel import Panel

    org = profile["organisation"]
    lines = [f"[bold]{org['name']}[/] ({org['id']})", f"kind: {org['kind']}  sphere: {org['sphere']}  "
             f"region: {org['region'] or 'unknown'}  city: {org['city'] or '-'}  country: {org['country'] or '-'}"]
    for label, key in (("founded", "founded"), ("status", "status"), ("business model", "business_model")):
        if org[key]:
            lines.append(f"{label}: {org[key]}")
    for label, key in (("platforms", "technology_platforms"), ("therapeutic areas", "therapeutic_areas"),
                       ("listed", "listed"), ("aliases", "aliases")):
        if org[key]:
            lines.append(f"{label}: {'; '.join(org[key])}")
    out = console()
    out.print(Panel("\n".join(lines), expand=False))
    if profile["programs"]:
        emit_rows(profile["programs"], "table", ["name", "stage", "indication", "therapeutic_area", "partner_id"],
                  title="Programs")
    if profile["partners_by_type"]:
        emit_rows([{"type": t, "partners": ", ".join(p)} for t, p in profile["partners_by_type"].items()],
                  "table", title="Partners by relation type")
    if profile["relations"]:
        emit_rows(_relation_rows(profile), "table", title="Timeline")


@click.command("search")
@click.argument("text")
@ecosystem_options
@format_option()
def search_command(text: str, ecosystem, fmt: str) -> None:
    """Find TEXT in names, aliases, platforms, areas, programs, assets and notes."""
    emit_rows(search(ecosystem, text), fmt, ["table", "id", "label", "field", "match"], title=f"'{text}'")


@click.command("stats")
@ecosystem_options
@format_option()
def stats_command(ecosystem, fmt: str) -> None:
    """Counts by organisation kind, region, relation type and year."""
    data = stats(ecosystem)
    if fmt == "json":
        emit_json(data)
        return
    rows = [{"group": group.replace("_", " "), "name": k, "count": v}
            for group in ("tables", "organisations_by_kind", "organisations_by_region", "relations_by_type",
                          "relations_by_year") for k, v in data[group].items()]
    emit_rows(rows, fmt, ["group", "name", "count"], title=f"{data['ecosystem']}")
