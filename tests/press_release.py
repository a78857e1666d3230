"""Helpers of the extraction tests: a release around an invented body, and what the extractor reads of it."""

from bioregion.extract.gazetteer import Gazetteer
from bioregion.extract.mentions import find_mentions
from bioregion.extract.pipeline import extract_document
from bioregion.extract.readers import document_from_text

DATELINE = "BOSTON, Jan. 5, 2024 -- "


def release_candidates(body, title="Deal", dateline=DATELINE):
    """The candidate relations of a release: a title, a blank line, the dateline and ``body``."""
    return extract_document(document_from_text("pr.txt", f"{title}\n\n{dateline}{body}"))


def relations(body, title="Deal", dateline=DATELINE):
    """``{(type, ((name, role), ...))}`` of a release, parties sorted."""
    return {(c.type, tuple(sorted((p["name"], p["role"]) for p in c.parties)))
            for c in release_candidates(body, title, dateline)}


def mention_names(sentences, gazetteer=None):
    """The organisation mentions of each sentence, as written."""
    found = find_mentions(sentences, gazetteer if gazetteer is not None else Gazetteer())
    return [[m.text for m in ms] for ms in found.sentences]
