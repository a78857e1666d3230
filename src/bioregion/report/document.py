"""Assemble sections into one self-contained HTML document, print it to PDF, write both atomically."""

from __future__ import annotations

import datetime as _dt
import os
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Callable, Sequence

from ..ecosystem import Ecosystem
from ..errors import InputFormatError, MissingExtraError
from .analysis_sections import ANALYSIS_SECTIONS
from .dynamics_sections import DYNAMICS_SECTIONS
from .geography import Geography
from .provenance import sources_section
from .section import Section, SectionBuilder, render
from .sections import countries_section, glance_section, network_section, portfolio_section, timeline_section

__all__ = ["DEFAULT_SECTIONS", "ReportPaths", "build_sections", "render_html", "render_pdf", "build_report",
           "write_report", "require_pdf"]

#: The sections of the standard report, in order.
DEFAULT_SECTIONS: tuple[SectionBuilder, ...] = (
    glance_section,
    network_section,
    portfolio_section,
    timeline_section,
    *DYNAMICS_SECTIONS,
    countries_section,
    *ANALYSIS_SECTIONS,
    sources_section,
)


@dataclass(frozen=True)
class ReportPaths:
    """The files a report build wrote."""

    html: Path
    pdf: Path | None


def build_sections(ecosystem: Ecosystem, sections: Sequence[SectionBuilder] = DEFAULT_SECTIONS) -> list[Section]:
    """Run each builder, dropping those that return ``None``; anchors are made unique."""
    built = [s for s in (builder(ecosystem) for builder in sections) if s is not None]
    seen: dict[str, int] = {}
    out = []
    for section in built:
        seen[section.id] = seen.get(section.id, 0) + 1
        suffix = f"-{seen[section.id]}" if seen[section.id] > 1 else ""
        out.append(Section(section.title, section.html, section.id + suffix, section.landscape))
    return out


def render_html(
    ecosystem: Ecosystem,
    sections: Sequence[SectionBuilder] = DEFAULT_SECTIONS,
    title: str | None = None,
) -> str:
    """The report as one HTML document: inline CSS and SVG, no scripts, no external resources.

    Parameters
    ----------
    ecosystem : Ecosystem
    sections : sequence of callables
        Section builders ``ecosystem -> Section | None`` (default :data:`DEFAULT_SECTIONS`).
    title : str, optional
        The report title (default: derived from the ecosystem's name).
    """
    geo = Geography(ecosystem)
    css = resources.files(__package__).joinpath("templates", "report.css").read_text(encoding="utf-8")
    return str(render(
        "report.html.j2",
        title=title or f"The {geo.home_name} bioRegion ecosystem",
        name=ecosystem.name,
        counts=ecosystem.counts(),
        sections=build_sections(ecosystem, sections),
        css=css,
        built=_dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d"),
    ))


def _weasyprint():
    try:
        import weasyprint
    except ImportError:
        raise MissingExtraError("weasyprint", "pdf") from None
    except OSError as error:  # Pango missing: weasyprint raises OSError from cffi
        raise MissingExtraError(f"weasyprint (system library: {error})", "pdf") from None
    return weasyprint


def require_pdf() -> None:
    """Raise :class:`MissingExtraError` unless WeasyPrint can print PDFs (check before long work)."""
    _weasyprint()


def render_pdf(html: str) -> bytes:
    """Print the HTML report to PDF with WeasyPrint (extra ``pdf``)."""
    weasyprint = _weasyprint()
    return weasyprint.HTML(string=html, base_url=None).write_pdf()


def build_report(
    ecosystem: Ecosystem,
    out_dir: str | os.PathLike[str],
    pdf: bool = True,
    sections: Sequence[SectionBuilder] = DEFAULT_SECTIONS,
    title: str | None = None,
) -> ReportPaths:
    """Write ``out_dir/report.html`` and (unless ``pdf=False``) ``out_dir/report.pdf``.

    Both files are rendered in memory first and moved into place only when
    everything succeeded, so a failed build leaves an earlier report untouched.

    Raises
    ------
    MissingExtraError
        When ``pdf`` is true and WeasyPrint is not installed.
    InputFormatError
        When ``out_dir`` is a file.
    """
    return write_report(lambda: render_html(ecosystem, sections, title), out_dir, pdf)


def write_report(html: Callable[[], str], out_dir: str | os.PathLike[str], pdf: bool = True) -> ReportPaths:
    """Render ``html()``, print it to PDF unless ``pdf=False``, then write both files into ``out_dir``.

    WeasyPrint is checked before rendering, and the files are moved into place
    only when everything succeeded, so a failed build leaves an earlier report
    untouched.
    """
    out = Path(out_dir)
    if pdf:
        _weasyprint()
    if out.exists() and not out.is_dir():
        raise InputFormatError(f"{out}: is a file; give a folder for the report with --out")
    text = html()
    payload = {"report.html": text.encode("utf-8")}
    if pdf:
        payload["report.pdf"] = render_pdf(text)
    out.mkdir(parents=True, exist_ok=True)
    _write_all(out, payload)
    return ReportPaths(out / "report.html", out / "report.pdf" if pdf else None)


def _write_all(folder: Path, payload: dict[str, bytes]) -> None:
    """Write every file to a temporary name, then rename them all into place."""
    staged: list[tuple[str, Path]] = []
    try:
        for name, data in payload.items():
            handle, temp = tempfile.mkstemp(prefix=f".{name}.", dir=folder)
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            staged.append((temp, folder / name))
        for temp, final in staged:
            os.chmod(temp, 0o644)
            os.replace(temp, final)
    finally:
        for temp, _ in staged:
            if os.path.exists(temp):
                os.unlink(temp)
