"""Which amounts of a release are the terms of which of its relations.

Amounts and their components come from :mod:`.money`. A relation takes the
amounts of its own sentence, then those of news sentences no other relation
of the release owns; history sentences (:func:`~.background.is_background`)
give none. The type decides what an amount is: cash for a minority stake is
equity, cash a partner contributes to a joint venture for its interest is
equity while the capital the venture is set up with is its value, a grant's
value is the amount granted, and "$15 million in cash and up to $55 million
in milestones" in an acquisition makes the cash the upfront (not for a public
company bought at a price per share).
"""

from __future__ import annotations

import re
from typing import Protocol, Sequence

from .background import is_background, written_year
from .money import find_amounts
from .relations import Finding

__all__ = ["News", "relation_terms", "term"]

_COMPONENTS = {
    "equity_investment": {"equity", "value"},
    "venture_round": {"value", "equity"},
    "grant": {"value"},
    "ipo": {"value"},
    "consortium": {"value"},
    "acquisition": {"value", "upfront", "milestones"},
    "joint_venture": {"equity", "value", "milestones"},
    "merger": {"value"}, "spin_off": set(),
}
_DEAL_COMPONENTS = {"upfront", "milestones", "royalty", "research_funding", "value", "equity", "other"}


class _Draft(Protocol):
    finding: Finding
    sentence: int


class News(list):
    """The sentences of a release, each read once for whether it is history and for its amounts."""

    def __init__(self, texts: list[str], date: str | None) -> None:
        super().__init__(texts)
        #: What history is dated against: the release's date, else the latest year an undated story tells.
        self.reference_date = date or written_year(texts)
        self._history: dict[int, bool] = {}
        self._amounts: dict[int, list] = {}

    def is_history(self, index: int) -> bool:
        """Whether the sentence tells a past deal (:func:`~.background.is_background`)."""
        if index not in self._history:
            self._history[index] = is_background(self[index], self.reference_date)
        return self._history[index]

    def amounts(self, index: int) -> list:
        """The amounts of the sentence; none for history."""
        if index not in self._amounts:
            found = find_amounts(self[index])
            self._amounts[index] = found if not found or not self.is_history(index) else []
        return self._amounts[index]


def relation_terms(draft: _Draft, texts: News, merged: Sequence[_Draft]) -> list[dict[str, object]]:
    """The terms of ``draft``: amounts of its sentence, and of news sentences no other relation owns.

    A grant's value is the amount granted ("a non-dilutive grant of EUR 2.5 million") wherever the release
    says it, before any other amount of its sentence ("blended financing of up to EUR 12.5 million").
    """
    rel_type = draft.finding.type
    allowed = _COMPONENTS.get(rel_type, _DEAL_COMPONENTS)
    own = {d.sentence for d in merged}
    has_equity = any(d.finding.type == "equity_investment" for d in merged)
    main = next((d for d in merged if d.finding.type not in ("equity_investment",)), merged[0])
    paired = _licence_pair(draft, merged)
    if paired is not None:
        # A collaboration and licence agreement: the research funding is the collaboration's, the rest the licence's.
        allowed = {"research_funding"} if rel_type == "rd_collaboration" else allowed - {"research_funding"}
    sentences = [draft.sentence] + [i for i in range(len(texts)) if i not in own and (draft is main or (
        rel_type == "equity_investment" and i > 0) or paired is main)]
    totals: dict[str, tuple[float, str]] = {}
    for index in sentences:
        for amount in texts.amounts(index):
            component = _component_of(rel_type, amount.component, texts[index], amount.start)
            if component == "equity" and rel_type != "equity_investment" and has_equity:
                continue
            if component not in allowed or (index != draft.sentence and rel_type == "equity_investment"
                                            and amount.component != "equity"):
                continue
            if rel_type == "joint_venture" and component == "equity" and "equity" in totals \
                    and totals["equity"] != (amount.amount, amount.currency):
                component = f"equity {len([c for c in totals if c.startswith('equity')]) + 1}"
            _add_term(totals, component, amount.amount, amount.currency, index == draft.sentence)
    if rel_type == "grant":
        # The nearest amount granted, the next sentence's before the last one's.
        order = sorted(range(len(texts)), key=lambda i: (abs(i - draft.sentence), i < draft.sentence))
        granted = next(((a.amount, a.currency) for i in order for a in texts.amounts(i)
                        if a.component == "grant"), None)
        if granted:
            totals["value"] = granted
    if not any(_PER.search(texts[index]) and _PER_SHARE.search(texts[index]) and not texts.is_history(index)
               for index in sentences):
        _cash_is_upfront(totals, rel_type)
    return [term(c.split()[0], a, cur) for c, (a, cur) in totals.items()]


def term(component: str, amount: float, currency: str) -> dict[str, object]:
    """One term as DESIGN's output writes it: a whole amount as an integer."""
    return {"component": component, "amount": int(amount) if float(amount).is_integer() else amount,
            "currency": currency}


def _licence_pair(draft: _Draft, merged: Sequence[_Draft]) -> _Draft | None:
    """The licence of the same parties as a collaboration (or the collaboration of a licence): one agreement."""
    other = {"license": "rd_collaboration", "rd_collaboration": "license"}.get(draft.finding.type)
    return next((d for d in merged if d.finding.type == other and set(d.finding.roles) == set(draft.finding.roles)),
                None) if other else None


def _component_of(rel_type: str, component: str, sentence: str, start: int = 0) -> str:
    """The component an amount pays in a relation of ``rel_type`` (money cues read for a licence by default)."""
    if component == "grant":
        return "value" if rel_type in ("grant", "consortium") else "skip"
    if rel_type == "equity_investment" and component == "value":
        return "equity"
    if rel_type in ("venture_round", "grant", "ipo", "consortium") and component == "equity":
        return "value"
    if rel_type == "joint_venture":
        return _joint_venture_component(sentence, component, start)
    return component


_CAPITAL_CONTRIBUTION = re.compile(r"\bcontribut|\binvest|\b(?:interest|stake|ownership)\b", re.I)
#: "The registered capital of the JV Company shall be RMB250 million, which shall be contributed ...": the venture's value.
_VENTURE_CAPITAL = re.compile(r"\b(?:registered|total|share|initial) capital\b(?:\s*:)?[^;:]{0,60}$|\bcapitali[sz]ed with[^;:]{0,20}$",
                              re.I)


def _joint_venture_component(sentence: str, component: str, start: int = 0) -> str:
    """Cash a partner puts into a joint venture for its interest is equity; other amounts (the capital the
    venture is set up with, its total value) are its value."""
    if _VENTURE_CAPITAL.search(sentence, 0, start):
        return "value"
    if component in ("value", "upfront", "equity") and _CAPITAL_CONTRIBUTION.search(sentence):
        return "equity"
    return "value" if component in ("value", "upfront") else component


def _add_term(totals: dict[str, tuple[float, str]], component: str, amount: float, currency: str, own: bool) -> None:
    if component not in totals:
        totals[component] = (amount, currency)
    elif component == "milestones" and totals[component][1] == currency and totals[component][0] != amount:
        totals[component] = (totals[component][0] + amount, currency)


_PER_SHARE = re.compile(r"\bper (?:share|ADS)\b", re.I)
#: Every match of ``_PER_SHARE`` holds "per " in some case: a quick scan (only at p and P) before it.
_PER = re.compile(r"[pP][eE][rR] ")


def _cash_is_upfront(totals: dict[str, tuple[float, str]], rel_type: str) -> None:
    """'$15 million in cash and up to $55 million in milestones': the cash part is the upfront.

    Not applied to a public company bought at a price per share: the total there is the deal's value.
    """
    if rel_type == "acquisition" and "milestones" in totals and "value" in totals and "upfront" not in totals:
        value = totals.pop("value")
        if value[0] < totals["milestones"][0] * 3:
            totals["upfront"] = value
        else:
            totals["value"] = value
