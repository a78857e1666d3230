"""Roles a sentence leaves open, settled from the rest of the release.

"Kerberos has entered into an exclusive license agreement with Boehringer
Ingelheim" says there is a licence, not who licenses what to whom. The roles
come, in order, from another sentence about the same deal that says it
("Jinghua will provide Aldermoor with ..."), from who pays whom ("Kerberos will
receive an upfront payment": the payee is the licensor), from what the parties
are (a university or institute licenses its patents out, a contract research
or manufacturing organisation is the provider, big pharma in-licenses and buys
services), and last from who issued the release.
"""

from __future__ import annotations

import re
from typing import Protocol, Sequence

from .kinds import ACADEMIC_KINDS
from .relations import Finding, payment_roles
from .triggers import ORG

__all__ = ["settle_roles", "upgrade_to_license"]

_WITH_GROUP = re.compile(r"\bwith ((?:@\d+@(?:['’]s)?(?:,\s*and\s+|,\s*|\s+and\s+)?)+)")


class _Draft(Protocol):
    finding: Finding
    sentence: int


def settle_roles(drafts: Sequence[_Draft], masked: list[str], kinds: list[str | None], announcer: int | None) -> None:
    """Give roles to parties a sentence names without saying who does what (see the module docstring)."""
    if all(d.finding.roles or not d.finding.unresolved for d in drafts):
        return
    paying = _paying(masked)
    for draft in drafts:
        finding = draft.finding
        if finding.roles or not finding.unresolved:
            continue
        said = _said_elsewhere(finding, drafts)
        if said:
            finding.roles = said
            continue
        first, second = _sides(masked[draft.sentence], finding.unresolved)
        if finding.type == "license":
            finding.roles = _licence_roles(first, second, paying, kinds, announcer)
        elif finding.type == "contract_services":
            providers = [k for k in first + second if kinds[k] in ("cro", "cmo")]
            if providers:
                provider_side = first if providers[0] in first else second
            else:   # big pharma buys the service; otherwise the party the agreement is "with" provides it
                provider_side = first if any(kinds[k] == "big_pharma" for k in second) else second
            finding.roles = {k: ("provider" if k in provider_side else "client") for k in first + second}


#: Costs or profits shared, research run jointly: a coupled collaboration, whatever royalties it also pays.
_JOINT_WORK = re.compile(r"share[sd]? (?:\w+ )?(?:costs|profits)|\bjointly (?:run|conduct|perform|carry out|discover|"
                         r"research|identify)|"
                         r"\bjoint (?:research|steering) (?:programme|program|committee)", re.I)

_LICENCE_MONEY = re.compile(r"\blicen[cs]e fee", re.I)


def upgrade_to_license(drafts: Sequence[_Draft], masked: list[str], whole: str, kinds: list[str | None],
                       announcer: int | None) -> None:
    """A collaboration that pays a licence fee is a licence (deal databases count it so).

    Royalties alone do not make one: a release that calls its deal a research collaboration, with milestones
    and royalties on what it finds, is counted as that collaboration by readers counting alliances. Not when
    the partners share costs or profits or run the research jointly (a joint research committee): that is a
    coupled R&D collaboration (Hagedoorn 2002), its royalties a term of it.
    """
    if any(d.finding.type == "license" for d in drafts) or not any(
            d.finding.type == "rd_collaboration" for d in drafts):
        return
    if not _LICENCE_MONEY.search(whole) or _JOINT_WORK.search(whole):
        return
    paying = _paying(masked)
    for draft in drafts:
        if draft.finding.type == "rd_collaboration" and len(draft.finding.roles) == 2:
            first, second = ([k] for k in draft.finding.roles)
            draft.finding.type = "license"
            draft.finding.roles = _licence_roles(first, second, paying, kinds, announcer)


def _said_elsewhere(finding: Finding, drafts: Sequence[_Draft]) -> dict[int, str] | None:
    """The roles another sentence gives the same parties in a relation of the same type."""
    parties = set(finding.unresolved)
    for other in drafts:
        roles = other.finding.roles
        if other.finding.type == finding.type and roles and len(set(roles) & parties) >= 2:
            return {k: roles[k] for k in finding.unresolved if k in roles}
    return None


def _sides(masked: str, parties: list[int]) -> tuple[list[int], list[int]]:
    """The two sides of a deal: "A has entered into an agreement with B and C" gives [A], [B, C]."""
    group = _WITH_GROUP.search(masked)
    if group:
        others = [k for k in dict.fromkeys(int(x) for x in ORG.findall(group.group(1))) if k in parties]
        rest = [k for k in parties if k not in others]
        if others and rest:
            return rest[:1], others
    return parties[:1], parties[1:2]


def _paying(masked: list[str]) -> dict[int, str]:
    paying: dict[int, str] = {}
    for sentence in masked:
        if "pa" in sentence or "receiv" in sentence or "eligible" in sentence or "fund" in sentence:
            for key, role in payment_roles(sentence).items():
                paying.setdefault(key, role)
    return paying


def _licence_roles(first: list[int], second: list[int], paying: dict[int, str], kinds: list[str | None],
                   announcer: int | None) -> dict[int, str]:
    """Licensee and licensor sides: the payer in-licenses, an academic side licenses out, big pharma in-licenses."""
    licensee = _licensee_side(first, second, paying, kinds, announcer)
    return {k: "licensee" if k in licensee else "licensor" for k in first + second}


def _licensee_side(first: list[int], second: list[int], paying: dict[int, str], kinds: list[str | None],
                   announcer: int | None) -> list[int]:
    for side, other in ((first, second), (second, first)):
        if any(paying.get(k) == "payer" for k in side):
            return side
    for side, other in ((first, second), (second, first)):
        if any(paying.get(k) == "payee" for k in side):
            return other
    academic = [all(kinds[k] in ACADEMIC_KINDS for k in side) for side in (first, second)]
    if academic[0] != academic[1]:
        return second if academic[0] else first
    for side in (first, second):
        if any(kinds[k] == "big_pharma" for k in side):
            return side
    return second if first[0] == announcer or announcer not in first + second else first
