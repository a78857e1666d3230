"""The sources section: what each source supports, how well rows are covered, and the method.

Every fact of an ecosystem should carry evidence: a row of the ``evidence``
table pointing at a source, with the table, page or quote that supports it.
This section counts those rows per source and per supported table, and the
share of organisations, relations and programs that have at least one.

References
----------
Hagedoorn, J. (2002). Inter-firm R&D partnerships: an overview of major trends
and patterns since 1960. *Research Policy* 31(4), 477-492.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from ..ecosystem import Ecosystem
from .portfolio import ALLIANCE_TYPES, DEAL_TYPES
from .section import Section, render

__all__ = ["sources_section", "evidence_by_source", "evidence_coverage", "safe_url"]

#: Tables whose rows the coverage line reports.
COVERED_TABLES = ("organisations", "relations", "programs", "indicators", "policies")


def evidence_by_source(ecosystem: Ecosystem) -> list[dict[str, Any]]:
    """Each source with its number of evidence rows, in total and per supported table."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for row in ecosystem.rows("evidence"):
        counts[row["source_id"]][row["subject_table"]] += 1
    out = []
    for source in ecosystem.rows("sources"):
        own = counts.get(source["id"], Counter())
        out.append({**source, "link": safe_url(source["url"]), "evidence": sum(own.values()),
                    "by_table": dict(sorted(own.items()))})
    return sorted(out, key=lambda s: (-s["evidence"], s["title"].casefold()))


def evidence_coverage(ecosystem: Ecosystem) -> list[dict[str, Any]]:
    """For each covered table: rows, rows with evidence, and the share."""
    supported: dict[str, set[str]] = defaultdict(set)
    for row in ecosystem.rows("evidence"):
        supported[row["subject_table"]].add(row["subject_id"])
    out = []
    for table in COVERED_TABLES:
        ids = [r["id"] for r in ecosystem.rows(table) if r.get("id")]
        if ids:
            with_evidence = sum(1 for i in ids if i in supported[table])
            out.append({"table": table, "rows": len(ids), "supported": with_evidence,
                        "share": with_evidence / len(ids)})
    return out


def safe_url(url: str | None) -> str | None:
    """The URL if it is a plain ``http(s)`` address (so it may be a link), else ``None``."""
    if url and url.strip().lower().startswith(("http://", "https://")) and not any(c in url for c in "\"'<> "):
        return url.strip()
    return None


def sources_section(ecosystem: Ecosystem) -> Section:
    """The list of sources, the evidence each supplies, and a note on method and provenance."""
    sources = evidence_by_source(ecosystem)
    tables = sorted({t for s in sources for t in s["by_table"]})
    html = render("sources.html.j2", sources=sources, tables=tables, coverage=evidence_coverage(ecosystem),
                  evidence_total=len(ecosystem.rows("evidence")), alliance_types=ALLIANCE_TYPES,
                  deal_types=DEAL_TYPES, name=ecosystem.name)
    return Section("Sources and method", html, id="sources")
