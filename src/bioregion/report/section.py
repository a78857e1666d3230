"""A report section and the template environment every section renders with.

A section builder is any callable ``builder(ecosystem) -> Section | None``
(``None`` leaves the section out, e.g. when the data have nothing to show).
Builders render their HTML with :func:`render`, whose Jinja2 environment
autoescapes every value: organisation names come from scraped documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable, Optional

from markupsafe import Markup

if TYPE_CHECKING:  # pragma: no cover
    import jinja2

    from ..ecosystem import Ecosystem

__all__ = ["Section", "SectionBuilder", "render", "environment"]


@dataclass(frozen=True)
class Section:
    """One numbered section of a report.

    Attributes
    ----------
    title : str
        The heading (escaped when rendered).
    html : markupsafe.Markup
        The body: trusted HTML, built from escaped data (use :func:`render`).
    id : str
        The anchor; by default derived from the title.
    landscape : bool
        Print the section on landscape pages (wide tables).
    """

    title: str
    html: Markup
    id: str = ""
    landscape: bool = False

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", re.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-") or "section")
        if not isinstance(self.html, Markup):
            raise TypeError("Section.html must be markupsafe.Markup built from escaped data; see report.render")


#: The signature of a section builder.
SectionBuilder = Callable[["Ecosystem"], Optional[Section]]


@lru_cache(maxsize=1)
def environment() -> "jinja2.Environment":
    """The report's Jinja2 environment: package templates, autoescape always on."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("bioregion.report", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["words"] = lambda name: str(name).replace("_", " ")
    env.filters["number"] = _number
    env.filters["percent"] = lambda share: f"{100 * share:.0f} %" if share is not None else "n/a"
    return env


def render(template: str, **context: Any) -> Markup:
    """Render a template of ``bioregion/report/templates`` to trusted HTML."""
    return Markup(environment().get_template(template).render(**context))


def _number(value: Any) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.1f}".replace(",", "\u202f")
    return f"{int(value):,}".replace(",", "\u202f")
