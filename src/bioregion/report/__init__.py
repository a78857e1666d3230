"""HTML and PDF reports of an ecosystem, built from its rows.

>>> from bioregion import Ecosystem                                  # doctest: +SKIP
>>> from bioregion.report import build_report                         # doctest: +SKIP
>>> build_report(Ecosystem.from_dataset("belgium-2016"), "out/")      # doctest: +SKIP
ReportPaths(html=PosixPath('out/report.html'), pdf=PosixPath('out/report.pdf'))

The report is one self-contained HTML file (inline CSS and SVG figures, no
scripts, no external resources) and its PDF print (WeasyPrint, extra ``pdf``).

Sections
--------
A report is a sequence of *section builders*: callables
``builder(ecosystem) -> Section | None``. :data:`DEFAULT_SECTIONS` holds the
standard ones (at a glance, network, alliance portfolio, alliances over time,
partner countries, sources and method). To add a section, write a builder and
pass the extended sequence::

    from bioregion.report import DEFAULT_SECTIONS, Section, build_report, render

    def openness_section(ecosystem):
        rows = my_openness_table(ecosystem)            # your analysis
        if not rows:
            return None                                # nothing to show: section left out
        html = render("my_section.html.j2", rows=rows)  # or any escaped Markup
        return Section("Openness of the firms", html, landscape=False)

    build_report(eco, "out/", sections=(*DEFAULT_SECTIONS, openness_section))

``Section.html`` must be :class:`markupsafe.Markup` built from escaped data:
organisation names come from scraped documents. :func:`render` renders a
template of ``bioregion/report/templates`` with autoescape on (a builder in
another package can build ``Markup`` with ``markupsafe.escape`` or its own
autoescaping Jinja2 environment). Figures: :mod:`bioregion.report.figures`
turns a matplotlib figure into inline SVG (:func:`~.figures.svg`). Sections
are numbered in order; ``landscape=True`` prints the section on landscape
pages.

Simulations
-----------
:func:`build_simulation_report` charts the results of ``bioregion simulate
run`` or ``compare`` (:func:`bioregion.simulate.results.load_results`):
medians with 90 % bands over replicates and each scenario against the
baseline; :func:`~.simulation.with_simulation` puts the same sections into an
ecosystem report.
"""

from .document import DEFAULT_SECTIONS, ReportPaths, build_report, build_sections, render_html, render_pdf
from .geography import Geography
from .portfolio import PortfolioRow, portfolio_rows
from .section import Section, SectionBuilder, render
from .simulation import build_simulation_report, render_simulation_html, with_simulation

__all__ = [
    "DEFAULT_SECTIONS",
    "Geography",
    "PortfolioRow",
    "ReportPaths",
    "Section",
    "SectionBuilder",
    "build_report",
    "build_sections",
    "build_simulation_report",
    "portfolio_rows",
    "render",
    "render_html",
    "render_pdf",
    "render_simulation_html",
    "with_simulation",
]
