"""Score extracted relations against gold labels.

Matching rule. A predicted relation matches a gold relation of the same
document (compared by file name) when the types are equal and the parties
with their roles are the same sets. Two party names are the same when, after
:func:`~bioregion.extract.names.normalise` (case, punctuation, legal
suffixes such as Inc., N.V., AG, plc removed), they are equal, name the same
organisation of the built-in alias table ("MSD" and "Merck & Co., Inc."), or
one is the leading words of the other ("Novo Holdings A/S" and "Novo
Holdings"), or one is the short form the other defines in brackets
("CDC" and "Centers for Disease Control (CDC)"). Each gold relation matches at most one prediction.

For matched pairs, amount exactness is the share of gold terms (component,
amount, currency) found exactly in the prediction, and date exactness the
share of pairs with the same date.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

from ..errors import InputFormatError
from .gazetteer import Gazetteer, builtin_gazetteer
from .names import normalise

__all__ = ["Score", "read_gold", "score"]


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 on (type, parties with roles), and term and date exactness."""

    true_positives: int
    predicted: int
    gold: int
    amounts_exact: int
    amounts_total: int
    dates_exact: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """The figures as a JSON-ready mapping."""
        return {
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
            "true_positives": self.true_positives, "predicted": self.predicted, "gold": self.gold,
            "amount_exactness": round(self.amounts_exact / self.amounts_total, 4) if self.amounts_total else None,
            "amounts_exact": self.amounts_exact, "amounts_total": self.amounts_total,
            "date_exactness": round(self.dates_exact / self.true_positives, 4) if self.true_positives else None,
        }


def read_gold(path: str | Path) -> list[dict]:
    """Read a gold JSONL file (one relation per line, the ``bioregion extract`` record)."""
    rows = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputFormatError(f"{path}: line {number} is not JSON ({error.msg}); write one object per line") from None
        if not {"source", "type", "parties"} <= set(row):
            raise InputFormatError(f"{path}: line {number} needs source, type and parties")
        rows.append(row)
    return rows


def score(predicted: Iterable[Mapping], gold: Iterable[Mapping], sources: Iterable[str] | None = None) -> Score:
    """Score predictions against gold relations (see the module docstring for the matching rule).

    Parameters
    ----------
    predicted, gold : iterables of relation records
        Records with ``source``, ``type``, ``parties`` and optionally ``terms`` and ``date``.
    sources : iterable of str, optional
        The documents read; gold relations of other documents are ignored.
    """
    gazetteer = builtin_gazetteer()
    names = {Path(s).name for s in sources} if sources is not None else None
    gold = [g for g in gold if names is None or Path(g["source"]).name in names]
    predicted = list(predicted)
    unused = list(range(len(predicted)))
    tp = amounts_exact = amounts_total = dates_exact = 0
    for relation in gold:
        match = next((i for i in unused if _same(predicted[i], relation, gazetteer)), None)
        if match is None:
            continue
        unused.remove(match)
        tp += 1
        found = predicted[match]
        for term in relation.get("terms") or []:
            amounts_total += 1
            amounts_exact += any(t.get("component") == term["component"] and t.get("currency") == term["currency"]
                                 and abs(float(t.get("amount") or 0) - float(term["amount"])) < 1
                                 for t in found.get("terms") or [])
        dates_exact += found.get("date") == relation.get("date")
    return Score(tp, len(predicted), len(gold), amounts_exact, amounts_total, dates_exact)


def _same(predicted: Mapping, gold: Mapping, gazetteer: Gazetteer) -> bool:
    if Path(predicted["source"]).name != Path(gold["source"]).name or predicted["type"] != gold["type"]:
        return False
    left, right = list(predicted["parties"]), list(gold["parties"])
    if len(left) != len(right):
        return False
    for party in right:
        hit = next((p for p in left if p["role"] == party["role"] and same_name(p["name"], party["name"], gazetteer)),
                   None)
        if hit is None:
            return False
        left.remove(hit)
    return True


#: "Centers for Disease Control (CDC)": a name with the short form the text defines for it in brackets.
_DEFINED_SHORT = re.compile(r"\s*\((?P<short>[A-Z][\w&.-]*[A-Z][\w&.-]*)\)")


def _written_forms(name: str) -> list[str]:
    """The name, and for "Long Name (ACR) Ltd" also "Long Name Ltd" and "ACR"."""
    defined = _DEFINED_SHORT.search(name)
    if defined is None:
        return [name]
    return [name, name[:defined.start()] + name[defined.end():], defined.group("short")]


def same_name(a: str, b: str, gazetteer: Gazetteer | None = None) -> bool:
    """Whether two written names are the same organisation under the matching rule.

    A name written with the short form its text defines for it in brackets
    ("Centers for Disease Control (CDC)") matches either form.

    Examples
    --------
    >>> same_name("CDC", "Centers for Disease Control (CDC)"), same_name("CDC", "Centers (China) Ltd")
    (True, False)
    """
    return any(_same_written(x, y, gazetteer) for x in _written_forms(a) for y in _written_forms(b))


def _same_written(a: str, b: str, gazetteer: Gazetteer | None) -> bool:
    x, y = normalise(a), normalise(b)
    if x == y:
        return True
    if gazetteer is not None:
        ex, ey = gazetteer.lookup_key(x), gazetteer.lookup_key(y)
        if ex is not None and ex is ey:
            return True
    short, long_ = sorted((x.split(), y.split()), key=len)
    return bool(short) and long_[: len(short)] == short
