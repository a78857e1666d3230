"""Alternations written so that Python's regex engine scans them fast.

A pattern whose every branch opens on a plain character gets a *charset
prefix*: the engine jumps to the next character that can open a branch and
tries the branches only there. A pattern opening on ``\\b`` or a lookaround is
tried at every position of the text, which for a long alternation costs more
than the rest of the match. These helpers write the fast form of an
alternation; the matches are those of the plain form (tests compare them).
"""

from __future__ import annotations

import re

__all__ = ["at_boundary", "branches_by_first_char", "by_first_letter", "word_starts", "words_at_boundary"]


def by_first_letter(words: list[str]) -> str:
    """An alternation of literal ``words`` grouped by first letter, each group in the given order.

    Only words opening with the letter at hand can match there, so the first of them to match is the one
    the flat alternation picks; the regex engine tests one letter instead of every word at each position.

    Examples
    --------
    >>> by_first_letter(["licence", "license", "grant"])
    'l(?:icence|icense)|g(?:rant)'
    """
    return branches_by_first_char([re.escape(word) for word in words])


def branches_by_first_char(branches: list[str]) -> str:
    r"""An alternation of regex ``branches`` grouped by their first character, each group in the given order.

    Each branch opens on a plain character or an escaped one (``\(``). At a given position only the branches
    opening with its character can match, and they are tried in the given order, so the matches are those
    of the flat alternation; the engine tests one character instead of every branch.

    Examples
    --------
    >>> branches_by_first_char(["Inc\\.?", "AG", "Incorporated", r"\(publ\)"])
    'I(?:nc\\.?|ncorporated)|A(?:G)|\\((?:publ\\))'
    """
    groups: dict[str, list[str]] = {}
    for branch in branches:
        head = branch[:2] if branch.startswith("\\") else branch[:1]
        if not head or head in "()[]{}.^$|?*+" or head[-1:] in "dDwWsSbBAZ" and len(head) == 2:
            raise ValueError(f"branch {branch!r} must open on a plain character")
        groups.setdefault(head, []).append(branch[len(head):])
    return "|".join(head + "(?:" + "|".join(group) + ")" for head, group in groups.items())


def at_boundary(branch: str) -> str:
    r"""``\b`` + ``branch``, written to open on the branch's first letter (for :func:`branches_by_first_char`).

    Examples
    --------
    >>> at_boundary("grant (?:from|of)")
    'g(?<=\\bg)rant (?:from|of)'
    """
    if not branch[:1].isalpha():
        raise ValueError(f"branch {branch!r} must open on a letter")
    return rf"{branch[0]}(?<=\b{branch[0]}){branch[1:]}"


def words_at_boundary(branches: list[str]) -> str:
    r"""``\b(?:branch|branch|...)`` written to open on a letter: branches grouped by their first letter.

    Each branch is a regex whose first character is a plain letter (:func:`at_boundary`, then
    :func:`branches_by_first_char`).

    Examples
    --------
    >>> words_at_boundary(["led by", "co-led by", "comprises"])
    '(?:l(?:(?<=\\bl)ed by)|c(?:(?<=\\bc)o-led by|(?<=\\bc)omprises))'
    """
    return "(?:" + branches_by_first_char([at_boundary(branch) for branch in branches]) + ")"


def word_starts(branches: list[str]) -> tuple[str, str]:
    r"""``\b(?:branches)`` as two patterns that open on a character class the regex engine skips to.

    :func:`words_at_boundary` still tests ``\b`` at every letter a branch opens on: about half the letters
    of a text. The first pattern reads the branches at the text's start (for ``match``); the second reads the
    non-word character before them, then the branches (for ``search`` and ``finditer``; its matches open one
    character early). Each branch opens on a plain letter.

    Examples
    --------
    >>> word_starts(["led by", "co-led by"])
    ('(?:l(?:ed by)|c(?:o-led by))', '[^\\w](?:l(?:ed by)|c(?:o-led by))')
    """
    grouped = branches_by_first_char(branches)
    return f"(?:{grouped})", rf"[^\w](?:{grouped})"
