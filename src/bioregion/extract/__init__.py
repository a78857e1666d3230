"""Literature-based alliance counting: text to candidate relations with evidence.

Read press releases (:mod:`.readers`), find organisations (:mod:`.mentions`),
read relations and roles (:mod:`.relations`) and terms (:mod:`.money`),
assemble candidates (:mod:`.pipeline`), score them (:mod:`.scoring`) and
turn accepted ones into store rows (:mod:`.review`).
"""

from .gazetteer import Gazetteer
from .pipeline import Candidate, extract_document, extract_paths
from .readers import Document, read_document, read_documents
from .scoring import Score, read_gold, score

__all__ = ["Candidate", "Document", "Gazetteer", "Score", "extract_document", "extract_paths", "read_document",
           "read_documents", "read_gold", "score"]
