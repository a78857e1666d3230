"""Parties and terms as the relation forms write them: one per line, words separated by spaces.

Parties: ``organisation_id role`` (``galapagos licensor``). Terms:
``component amount currency`` (``upfront 300000000 USD``, ``royalty 5 %``) or
``component undisclosed`` (``royalty undisclosed``). Values are checked later,
by :mod:`bioregion.schema`, as an import's are.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

__all__ = ["parse_parties", "parse_terms", "parties_text", "terms_text"]


def _lines(text: str) -> list[list[str]]:
    return [line.split() for line in (text or "").splitlines() if line.strip()]


def parse_parties(text: str) -> list[dict[str, Any]]:
    """``organisation_id role`` lines to party rows (a missing role is empty)."""
    return [{"organisation_id": p[0], "role": p[1] if len(p) > 1 else ""} for p in _lines(text)]


def parse_terms(text: str) -> list[dict[str, Any]]:
    """``component amount currency`` lines to term rows; ``undisclosed`` (or no amount) leaves the amount empty."""
    return [{"component": t[0], "amount": t[1] if len(t) > 1 and t[1] != "undisclosed" else None,
             "currency": t[2] if len(t) > 2 else None} for t in _lines(text)]


def parties_text(parties: Iterable[Mapping[str, Any]]) -> str:
    """Party rows (``organisation_id`` or ``id``, ``role``) back to lines."""
    return "\n".join(f"{p.get('organisation_id') or p.get('id')} {p['role']}" for p in parties)


def _amount(value: float) -> str:
    return format(float(value), "f").rstrip("0").rstrip(".")


def terms_text(terms: Iterable[Mapping[str, Any]]) -> str:
    """Term rows back to lines (the inverse of :func:`parse_terms`)."""
    lines = []
    for term in terms:
        if term.get("amount") is None or term.get("disclosed") is False:
            lines.append(f"{term['component']} undisclosed")
        else:
            lines.append(f"{term['component']} {_amount(term['amount'])} {term.get('currency') or ''}".rstrip())
    return "\n".join(lines)
