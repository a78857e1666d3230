"""Throughput of ``bioregion.extract`` on ~3 KB press releases, next to a keyword baseline.

Documents: every text of ``tests/corpus/press`` padded to about 3 KB with
paragraphs of the no-alliance releases (so each document has the size of a
real release and the same mix of positive and negative text).

Baseline: the naive approach a user would script in ten minutes - split
sentences at ``. ``, keep sentences containing a deal keyword (license,
acquire, collaboration, Series, grant, ...), and take capitalised word runs as
parties. It finds far more false relations; it is here to show the price of
doing the job properly.

Run: ``python benchmarks/extract/bench_extract.py [--docs 1000] [--cold]`` (one core).
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

from bioregion.extract import Gazetteer, extract_document
from bioregion.extract.readers import document_from_text, read_document

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "corpus" / "press"
_KEYWORDS = re.compile(r"licen[cs]|acqui|collaborat|partnership|Series [A-F]|grant|joint venture|merger|"
                       r"distribution|spin-off|consortium|investment|initial public offering", re.I)
_CAPS = re.compile(r"(?:[A-Z][\w&.-]+\s?){1,4}")


def documents(count: int) -> list:
    files = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".md", ".html"))
    docs = [read_document(p) for p in files]
    filler = [d.text for d in docs if "_neg_" in d.source]
    padded = []
    for i in range(count):
        doc = docs[i % len(docs)]
        text, j = doc.text, i
        while len(text) < 3000:
            text += "\n\n" + filler[j % len(filler)].split("\n", 2)[-1]
            j += 1
        padded.append(document_from_text(doc.source, doc.title + "\n" + text[:3200]))
    return padded


def baseline(doc) -> list:
    found = []
    for sentence in doc.text.split(". "):
        if _KEYWORDS.search(sentence):
            found.append((sentence, _CAPS.findall(sentence)))
    return found


def timed(function, docs) -> tuple[float, float]:
    """Documents per second of wall-clock time and of this process's CPU time.

    The CPU figure is the one to read on a loaded machine: other jobs stretch
    the wall clock but not the CPU time this process gets.
    """
    start, cpu = time.perf_counter(), time.process_time()
    for doc in docs:
        function(doc)
    return len(docs) / (time.perf_counter() - start), len(docs) / (time.process_time() - cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--cold", action="store_true",
                        help="clear Python's regex cache before each document, as if every release were new "
                             "(the benchmark repeats each text about ten times)")
    args = parser.parse_args()
    docs = documents(args.docs)
    size = sum(len(d.title) + len(d.text) for d in docs) / len(docs)
    gazetteer = Gazetteer()
    extract = lambda doc: extract_document(doc, gazetteer)  # noqa: E731
    if args.cold:
        extract = lambda doc: (re.purge(), extract_document(doc, gazetteer))  # noqa: E731
    extract(docs[0])
    (ours, ours_cpu), (base, base_cpu) = timed(extract, docs), timed(baseline, docs)
    print(f"documents: {len(docs)}, mean size {size:.0f} chars")
    print(f"bioregion.extract      : {ours:8.0f} docs/s wall, {ours_cpu:8.0f} docs/s CPU")
    print(f"keyword baseline       : {base:8.0f} docs/s wall, {base_cpu:8.0f} docs/s CPU")
    print(f"ratio (ours/baseline)  : {ours / base:8.3f} wall, {ours_cpu / base_cpu:8.3f} CPU")
    print(f"target >= 500 docs/s   : {'met' if ours_cpu >= 500 else 'NOT met'} (CPU time, one core)")


if __name__ == "__main__":
    main()
