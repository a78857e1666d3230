"""Colours and shapes of the network map, one fixed style per organisation kind.

Every kind has its own colour; the node shape gives the kind's default
triple-helix sphere (industry a circle, university a triangle, government a
diamond, civil society a star, other a square), so colours only need to be
told apart within one sphere. The colours come from the colour-blind-safe
qualitative schemes of Okabe & Ito (2008) and Tol (2021); within each sphere
they stay at least 15 CIELAB units apart for normal vision and under simulated
protanopia and deuteranopia (Machado et al. 2009), which
``tests/test_web_pages.py`` checks.

References
----------
Okabe, M., Ito, K. (2008). Color universal design (CUD): how to make figures and presentations
that are friendly to colorblind people. https://jfly.uni-koeln.de/color/
Tol, P. (2021). Colour schemes. SRON technical note SRON/EPS/TN/09-002, issue 3.2.
Machado, G. M., Oliveira, M. M., Fernandes, L. A. F. (2009). A physiologically-based model for
simulation of color vision deficiency. IEEE TVCG 15(6), 1291-1298.
"""

from __future__ import annotations

from typing import Any

from ..taxonomy import ORGANISATION_KINDS

__all__ = ["KIND_COLOURS", "SPHERE_SHAPES", "CATEGORY_COLOURS", "OTHER_COLOUR", "map_palette"]

#: One colour per organisation kind (distinct across all kinds).
KIND_COLOURS: dict[str, str] = {
    # industry (circles)
    "new_biotech_firm": "#D55E00", "biotech": "#CC79A7", "big_pharma": "#0077BB", "specialty_pharma": "#99DDFF",
    "diagnostics": "#117733", "medtech": "#CCBB44", "cro": "#AA3377", "cmo": "#FFAABB",
    "technology_supplier": "#EE8866", "venture_capital": "#CC6677", "corporate_venture": "#EEDD88",
    "industry_association": "#F0E442",
    # university (triangles)
    "university": "#009988", "hospital": "#EE3377", "research_institute": "#CC3311", "tech_transfer_office": "#AAAA00",
    # government (diamonds)
    "government_agency": "#555555", "regulator": "#999933", "public_investor": "#56B4E9",
    "cluster_organisation": "#AA4499", "incubator": "#44BB99", "public_private_partnership": "#EE6677",
    # civil society (star) and other (square)
    "patient_organisation": "#E69F00", "other": "#BBBBBB",
}

#: Node shape (Cytoscape.js shape names) per sphere.
SPHERE_SHAPES: dict[str, str] = {"I": "ellipse", "U": "triangle", "G": "diamond", "civil": "star",
                                 "other": "round-rectangle"}

#: Colours for regions and communities, most frequent first (Okabe & Ito; Tol).
CATEGORY_COLOURS: tuple[str, ...] = ("#0072B2", "#D55E00", "#44BB99", "#EEDD88", "#66CCEE", "#555555", "#F0E442",
                                     "#EE6677", "#CCBB44", "#117733", "#EE8866", "#FFAABB")
#: Colour of the categories beyond :data:`CATEGORY_COLOURS`.
OTHER_COLOUR = "#DDDDDD"

_SPHERE_NAMES = {"I": "industry", "U": "university", "G": "government", "civil": "civil society", "other": "other"}


def map_palette() -> dict[str, Any]:
    """The map's styles as JSON: kinds (colour, shape, sphere), the spheres in legend order, category colours."""
    order = list(SPHERE_SHAPES)
    kinds = sorted(ORGANISATION_KINDS, key=lambda k: order.index(ORGANISATION_KINDS[k]))
    return {"kinds": {k: {"colour": KIND_COLOURS[k], "shape": SPHERE_SHAPES[ORGANISATION_KINDS[k]],
                          "sphere": _SPHERE_NAMES[ORGANISATION_KINDS[k]]} for k in kinds},
            "spheres": [_SPHERE_NAMES[s] for s in order], "categories": list(CATEGORY_COLOURS), "other": OTHER_COLOUR}
