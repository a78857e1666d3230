"""The alliance portfolio of each home firm, as in Table 3 of Segers (2017).

One row per focal firm: its spin-offs and spin-outs, technology platforms,
product portfolio (programs with their stage), strategic alliances (the
partners of alliance-type relations), acquisitions and takeovers, and its
location. Everything is read from the ecosystem's tables, so the table changes
when the data do.

Which firms get a row
---------------------
* first block, *new biotechnology firms*: organisations of kind
  ``new_biotech_firm`` in the home country, plus those abroad whose profile is
  curated (they list technology platforms or programs, as Table 3 does for a
  few French firms);
* second block, *pharmaceutical companies of the home region*: ``big_pharma``
  and ``specialty_pharma`` organisations of the home country (UCB in Table 3).

A firm's own spin-offs and spin-outs that have a row follow their parent's row.

References
----------
Segers, J.-P. (2017), Table 3: sample of Belgian new biotechnology firms and
strategic alliances portfolio.
Hagedoorn, J. (2002). Inter-firm R&D partnerships: an overview of major trends
and patterns since 1960. *Research Policy* 31(4), 477-492 (literature-based
alliance counting).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..ecosystem import Ecosystem
from .geography import Geography

__all__ = ["ALLIANCE_TYPES", "DEAL_TYPES", "PortfolioRow", "Alliance", "portfolio_rows", "firm_blocks"]

#: Relation types whose counterparts count as strategic alliance partners (Table 3's column).
ALLIANCE_TYPES: tuple[str, ...] = (
    "rd_collaboration", "co_development", "license", "joint_venture", "consortium",
    "contract_services", "marketing_distribution", "equity_investment", "venture_round",
)
#: Relation types shown as acquisitions and takeovers.
DEAL_TYPES: tuple[str, ...] = ("acquisition", "merger")

FIRM_KINDS = ("new_biotech_firm",)
PHARMA_KINDS = ("big_pharma", "specialty_pharma")
_ACADEMIC = ("university", "research_institute", "hospital", "tech_transfer_office")
_TYPE_LABEL = {
    "rd_collaboration": "R&D", "co_development": "co-development", "joint_venture": "joint venture",
    "consortium": "consortium", "contract_services": "services", "marketing_distribution": "marketing",
    "equity_investment": "equity", "venture_round": "investor",
}
_LICENCE_LABEL = {"licensee": "in-licence", "licensor": "out-licence"}


@dataclass(frozen=True)
class Alliance:
    """A partner of a firm with the kinds of ties between them."""

    partner_id: str
    name: str
    ties: tuple[str, ...]
    first_date: str | None


@dataclass
class PortfolioRow:
    """One firm of the portfolio table (every field comes from the data)."""

    id: str
    name: str
    block: str
    listed: bool
    origin: list[str] = field(default_factory=list)
    offspring: list[dict[str, str]] = field(default_factory=list)
    parent: str | None = None
    nested: bool = False
    platforms: list[str] = field(default_factory=list)
    programs: list[dict[str, Any]] = field(default_factory=list)
    alliances: list[Alliance] = field(default_factory=list)
    deals: list[dict[str, Any]] = field(default_factory=list)
    place: str = ""
    relation_ids: list[str] = field(default_factory=list)


def firm_blocks(ecosystem: Ecosystem, geo: Geography) -> dict[str, list[str]]:
    """Organisation ids of each block of the table (see the module docstring)."""
    firms, pharma = [], []
    for org in ecosystem.rows("organisations"):
        curated = bool(org["technology_platforms"]) or _has_programs(ecosystem, org["id"])
        if org["kind"] in FIRM_KINDS and (geo.is_home(org["id"]) or curated):
            firms.append(org["id"])
        elif org["kind"] in PHARMA_KINDS and geo.is_home(org["id"]):
            pharma.append(org["id"])
    return {"new_biotech_firms": firms, "pharma": pharma}


def portfolio_rows(ecosystem: Ecosystem, geo: Geography | None = None) -> list[PortfolioRow]:
    """The rows of the Table-3-style portfolio table, parents followed by their offspring.

    Parameters
    ----------
    ecosystem : Ecosystem
    geo : Geography, optional
        The placement to use (default: the ecosystem's guessed home country).

    Returns
    -------
    list of PortfolioRow
        First the new biotech firms by region group and name, then the home pharma.
    """
    geo = geo or Geography(ecosystem)
    context = _Context(ecosystem, geo)
    rows = []
    for block, ids in firm_blocks(ecosystem, geo).items():
        built = {org_id: context.row(org_id, block) for org_id in ids}
        rows += _ordered(list(built.values()), geo)
    return rows


def _ordered(rows: list[PortfolioRow], geo: Geography) -> list[PortfolioRow]:
    groups = {name: i for i, name in enumerate(geo.groups())}
    by_id = {row.id: row for row in rows}
    children = {child["id"] for row in rows for child in row.offspring if child["id"] != row.id}
    top = [r for r in rows if r.id not in children]
    top.sort(key=lambda r: (groups.get(geo.group(r.id), len(groups)), r.name.casefold()))
    out: list[PortfolioRow] = []

    def visit(row: PortfolioRow) -> None:
        if row in out:
            return
        out.append(row)
        for child in row.offspring:
            if child["id"] in by_id:
                by_id[child["id"]].nested = True
                visit(by_id[child["id"]])

    for row in top:
        visit(row)
    return out + [r for r in rows if r not in out]


def _has_programs(ecosystem: Ecosystem, org_id: str) -> bool:
    return any(p["organisation_id"] == org_id for p in ecosystem.rows("programs"))


class _Context:
    """Indexes shared by the rows of one table."""

    def __init__(self, ecosystem: Ecosystem, geo: Geography) -> None:
        self.eco, self.geo = ecosystem, geo
        self.orgs = ecosystem.organisation_index
        self.relations = {r["id"]: r for r in ecosystem.rows("relations")}
        self.by_org: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for party in ecosystem.rows("parties"):
            self.by_org[party["organisation_id"]].append((party["relation_id"], party["role"]))
        self.programs: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for program in ecosystem.rows("programs"):
            self.programs[program["organisation_id"]].append(program)

    def name(self, org_id: str) -> str:
        return self.orgs[org_id]["name"]

    def row(self, org_id: str, block: str) -> PortfolioRow:
        org = self.orgs[org_id]
        row = PortfolioRow(id=org_id, name=org["name"], block=block, listed=bool(org["listed"]),
                           platforms=list(org["technology_platforms"]), place=self.geo.place(org_id))
        row.programs = [self._program(p) for p in sorted(self.programs[org_id], key=lambda p: p["name"].casefold())]
        self._lineage(row, org)
        row.alliances = self._alliances(org_id)
        row.deals = self._deals(org_id)
        row.relation_ids = sorted({rid for rid, _ in self.by_org[org_id]})
        return row

    def _program(self, program: dict[str, Any]) -> dict[str, Any]:
        partner = self.name(program["partner_id"]) if program["partner_id"] else None
        stage = program["stage"] if program["stage"] not in (None, "unknown") else None
        stage = stage.replace("phase", "phase ") if stage else None
        return {"name": program["name"], "stage": stage, "indication": program["indication"], "partner": partner}

    def _others(self, relation_id: str, org_id: str) -> list[tuple[str, str]]:
        return [(p["organisation_id"], p["role"]) for p in self.eco.parties_by_relation.get(relation_id, [])
                if p["organisation_id"] != org_id]

    def _lineage(self, row: PortfolioRow, org: dict[str, Any]) -> None:
        """Where the firm comes from (spin-off of, joint venture of) and its own offspring."""
        for relation_id, role in self.by_org[row.id]:
            kind = self.relations[relation_id]["type"]
            others = self._others(relation_id, row.id)
            if kind == "spin_off" and role == "offspring":
                for parent_id, _ in others:
                    label = "spin-off" if self.orgs[parent_id]["kind"] in _ACADEMIC else "spin-out"
                    row.origin.append(f"{label} of {self.name(parent_id)}")
                    row.parent = row.parent or parent_id
            elif kind == "joint_venture" and role == "offspring":
                parents = " & ".join(self.name(o) for o, r in others if r == "partner")
                row.origin.append(f"joint venture of {parents}")
            elif kind in ("spin_off", "joint_venture") and role in ("parent", "partner"):
                label = "spin-out" if kind == "spin_off" else "joint venture"
                row.offspring += [self._child(o, label) for o, r in others if r == "offspring"]
        known = {child["id"] for child in row.offspring}
        row.offspring += [self._child(o["id"], "subsidiary") for o in self.eco.rows("organisations")
                          if o["parent_id"] == row.id and o["id"] not in known]
        if row.parent is None and org["parent_id"]:
            row.parent = org["parent_id"]

    def _child(self, org_id: str, label: str) -> dict[str, str]:
        return {"id": org_id, "name": self.name(org_id), "label": label}

    def _alliances(self, org_id: str) -> list[Alliance]:
        ties: dict[str, list[tuple[str | None, str]]] = defaultdict(list)
        for relation_id, role in self.by_org[org_id]:
            relation = self.relations[relation_id]
            if relation["type"] not in ALLIANCE_TYPES or role == "offspring":
                continue
            label = _LICENCE_LABEL.get(role) if relation["type"] == "license" else _TYPE_LABEL[relation["type"]]
            for other, other_role in self._others(relation_id, org_id):
                if other_role != "offspring":
                    ties[other].append((relation["date_announced"], label))
        out = []
        for partner_id, found in ties.items():
            dates = sorted(d for d, _ in found if d)
            labels = tuple(dict.fromkeys(label for _, label in sorted(found, key=_date_key)))
            out.append(Alliance(partner_id, self.name(partner_id), labels, dates[0] if dates else None))
        return sorted(out, key=lambda a: (a.first_date is None, a.first_date or "", a.name.casefold()))

    def _deals(self, org_id: str) -> list[dict[str, Any]]:
        deals = []
        for relation_id, role in self.by_org[org_id]:
            relation = self.relations[relation_id]
            if relation["type"] not in DEAL_TYPES:
                continue
            names = ", ".join(self.name(o) for o, _ in self._others(relation_id, org_id)) or "undisclosed party"
            text = {"acquirer": f"acquisition of {names}", "target": f"acquired by {names}"}.get(role,
                                                                                               f"merger with {names}")
            deals.append({"date": relation["date_announced"], "text": text, "relation_id": relation_id})
        deals += self._divestments(org_id)
        return sorted(deals, key=lambda d: _date_key((d["date"], d["text"])))

    def _divestments(self, org_id: str) -> list[dict[str, Any]]:
        """Acquisitions of the firm's subsidiaries by others (sales of divisions)."""
        out = []
        for child in (o for o in self.eco.rows("organisations") if o["parent_id"] == org_id):
            for relation_id, role in self.by_org[child["id"]]:
                relation = self.relations[relation_id]
                if relation["type"] == "acquisition" and role == "target":
                    buyers = [o for o, r in self._others(relation_id, child["id"]) if r == "acquirer" and o != org_id]
                    if buyers:
                        text = f"{child['name']} sold to {', '.join(self.name(b) for b in buyers)}"
                        out.append({"date": relation["date_announced"], "text": text, "relation_id": relation_id})
        return out


def _date_key(item: tuple[str | None, str]) -> tuple[bool, str, str]:
    date, label = item
    return (date is None, date or "", label)
