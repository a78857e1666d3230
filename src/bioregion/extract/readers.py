"""Readers: plain text, Markdown, HTML and PDF files, or folders of them, as documents.

HTML loses its boilerplate (navigation, headers, footers, scripts, styles,
forms, asides) before its text is taken block by block; PDF gives its text
layer (scanned PDFs without one give an empty document). BeautifulSoup, lxml
and pypdf come with the ``extract`` extra.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputFormatError, MissingExtraError, NotFoundError
from .sentences import find_dateline

__all__ = ["Document", "read_document", "read_documents", "document_from_text", "SUFFIXES"]

#: File suffixes read, by format.
SUFFIXES = {
    ".txt": "text", ".text": "text", "": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".pdf": "pdf",
}
_BOILERPLATE = ("script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe", "svg",
                "button", "menu", "template")
_BOILERPLATE_CLASS = re.compile(r"(?:^|[\s_-])(?:nav|navbar|menu|footer|header|breadcrumbs?|cookie\w*|sidebar|"
                                r"share|social|related|subscribe|skip)(?:$|[\s_-])", re.I)
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "div", "section", "article", "blockquote",
           "pre", "dd", "dt", "figcaption", "br", "tr")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARK = re.compile(r"(?m)^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+(?=\S)|\d+\.\s+)|(?<!\w)[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?!\w)|`")


@dataclass(frozen=True)
class Document:
    """A document to read: where it came from, its title and its text (without the title)."""

    source: str
    title: str
    text: str


def read_documents(paths: Iterable[str | Path]) -> Iterator[Document]:
    """Yield the documents of files and folders (folders recursively, known suffixes only).

    Raises
    ------
    NotFoundError
        When a path does not exist.
    """
    for path in map(Path, paths):
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                                and not p.name.startswith(".") and p.suffix):
                yield read_document(child)
        elif path.is_file():
            yield read_document(path)
        else:
            raise NotFoundError(f"no such file or folder: {path}; give press release files or folders")


def read_document(path: str | Path) -> Document:
    """Read one file as a :class:`Document`, choosing the reader by suffix."""
    path = Path(path)
    kind = SUFFIXES.get(path.suffix.lower(), "text")
    if kind == "pdf":
        title, text = _read_pdf(path)
        return document_from_text(str(path), text, title=title)
    raw = _read_text(path)
    if kind == "html" or (kind == "text" and raw.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))):
        title, text = _html_text(raw)
        return document_from_text(str(path), text, title=title)
    if kind == "markdown":
        raw = _markdown_text(raw)
    return document_from_text(str(path), raw)


def document_from_text(source: str, text: str, title: str | None = None) -> Document:
    """Make a document from text whose first non-empty line is the title (unless ``title`` is given)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    if title is None:
        lines = text.lstrip().split("\n", 1)
        first = lines[0].strip()
        if len(first) <= 200 and not re.search(r"[.!?]\s*$", first) and len(lines) > 1 and not _wrapped(text):
            return Document(source, first, lines[1])
        return Document(source, "", text)
    title = " ".join(title.split())
    body = text.lstrip()
    if body.startswith(title):
        body = body[len(title):]
    return Document(source, title, body)


def _wrapped(text: str) -> bool:
    """Whether the first line of ``text`` is the first line of a hard-wrapped paragraph, not a title.

    The next line goes on with a lower-case word ("Photocure (OSE: PHO), a Norwegian specialty" /
    "pharmaceutical company ..."), or the first four lines are all of a newswire's wrap width
    ("SEATTLE Jan 30 The Bill & Melinda Gates" / "Foundation said on Friday it had awarded ...").
    """
    lines = [line.strip() for line in text.lstrip().split("\n", 4)[:4]]
    if len(lines) < 2 or not lines[1] or re.search(r"[.!?:|]$", lines[0]):
        return False
    return lines[1][0].islower() or (len(lines) == 4 and all(35 <= len(line) <= 80 for line in lines))


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputFormatError(f"{path}: cannot decode the text; save it as UTF-8")  # pragma: no cover


def _markdown_text(raw: str) -> str:
    """Markdown without its marks; each list item its own paragraph ("- the European Bioinformatics Institute")."""
    return _MD_MARK.sub("", _MD_LINK.sub(r"\1", _MD_ITEM.sub("\n", raw)))


_MD_ITEM = re.compile(r"(?m)^[ \t]{0,3}[-*+][ \t]+(?=\S)")


def _html_text(raw: str) -> tuple[str, str]:
    try:
        from bs4 import BeautifulSoup
    except ImportError:
        raise MissingExtraError("beautifulsoup4", "extract") from None
    try:
        soup = BeautifulSoup(raw, "lxml")
    except Exception:  # lxml missing: the stdlib parser is slower but fine
        soup = BeautifulSoup(raw, "html.parser")
    for tag in soup.find_all(_BOILERPLATE):
        tag.decompose()
    for tag in soup.find_all(attrs={"class": _BOILERPLATE_CLASS}) + soup.find_all(attrs={"id": _BOILERPLATE_CLASS}):
        if tag.name not in ("body", "main", "article", "html"):
            tag.decompose()
    heading = soup.find("h1") or soup.find("h2")
    title = heading.get_text(" ", strip=True) if heading else (soup.title.get_text(" ", strip=True) if soup.title else "")
    root = soup.find("article") or soup.find("main") or soup.body or soup
    for tag in root.find_all(_BLOCKS):
        tag.insert_before("\n\n")
        tag.insert_after("\n\n")
    text = re.sub(r"[ \t]+", " ", root.get_text())
    return title, re.sub(r"\n\s*\n+", "\n\n", text).strip()


def _read_pdf(path: Path) -> tuple[str | None, str]:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:
        raise MissingExtraError("pypdf", "extract") from None
    try:
        reader = PdfReader(str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
        title = (reader.metadata or {}).get("/Title") if reader.metadata else None
    except (PdfReadError, ValueError, KeyError) as error:
        raise InputFormatError(f"{path}: not a readable PDF ({error}); check the file") from None
    text = "\n\n".join(_pdf_paragraphs(page) for page in pages)
    return (str(title) if title else None), text


_PAGE_FOOTER = re.compile(r"(?i)(?:^|[\s–—-])page \d+(?: of \d+)?\s*$|^\s*\d+\s*(?:/|of)\s*\d+\s*$")
_SENTENCE_END = re.compile(r"[.!?:;”\"’)]$")
_LINE_START = re.compile(r"[A-Z0-9“\"‘(•*–-]")


def _pdf_paragraphs(page: str) -> str:
    """Rebuild the paragraphs of a PDF page from its lines.

    A PDF text layer breaks every line. A line much shorter than the page's
    full lines ends a paragraph (a heading, a title line, the last line of a
    paragraph) when the next line starts like a new one; so does a line before
    a dateline. Other lines are joined, and words hyphenated at a line end are
    rejoined. Page footers ("page 2 of 3") are dropped.
    """
    lines = [line.strip() for line in page.split("\n")]
    lines = [line for line in lines if line and not _PAGE_FOOTER.search(line)]
    if not lines:
        return ""
    widths = sorted(len(line) for line in lines)
    full = widths[int(0.9 * (len(widths) - 1))]
    out = [lines[0]]
    for line, following in zip(lines, lines[1:]):
        short = len(line) < 0.75 * full
        new = _LINE_START.match(following) is not None
        if line.endswith("-") and following[:1].islower():
            out[-1] = out[-1][:-1] + following
            continue
        if (short and new) or (new and _SENTENCE_END.search(line) and len(following) < 0.75 * full) or (
                find_dateline(following)[0] is not None):
            out.append("\n\n" + following)
        else:
            out[-1] += " " + following
    return "".join(out)
