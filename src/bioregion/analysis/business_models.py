"""Business models of firms from their programs, platforms, relations and kind, with the evidence.

The rules run in order; the first that fires decides the label and its
evidence says why. A curated ``business_model`` on the organisation wins, but
both are returned.

==  ===============  ========================================================
#   label            rule
==  ===============  ========================================================
1   services         kind ``cro`` or ``cmo``, or provider in contract services
                     with no own program (Dixon 2011: fee-for-service)
2   diagnostics      kind ``diagnostics``, or every own program has a
                     diagnostic modality
3   fipco            kind ``big_pharma`` or ``specialty_pharma``, or an own
                     program ``approved``/``marketed`` without a partner
                     (fully integrated: discovery to market)
4   virtual          own pipeline, client of contract services, no platform,
                     and fewer than 20 employees (virtual R&D / NRDO)
5   pdc              own pipeline, every own program in-licensed, no platform
                     (product definition company, Roth & Cuatrecasas 2010)
6   hybrid           a technology platform and an own pipeline
7   platform         a technology platform (or out-licensing of platform or
                     discovery-stage technology) without own pipeline (RIPCO)
8   product          an own pipeline without platform
==  ===============  ========================================================

"Own pipeline" means programs of the organisation at a stage from discovery
to filed (approved and marketed count for rule 3); "platform" means listed
``technology_platforms``, a program at stage ``platform``, or a licence as
licensor signed at stage ``platform`` or ``discovery``. Organisations that are
not firms (universities, agencies, investors ...) get no label; firms with no
evidence get ``None`` with the reason.

References
----------
.. [1] Dixon, J. (2011). Biotechnology business models. In *Biotechnology
   entrepreneurship*; see also Segers (2017), section on business models.
.. [2] Roth, G. Y., & Cuatrecasas, P. (2010). The product definition company:
   a new business model for biotech. *Nature Biotechnology* 28, 207-208.
.. [3] Fisken, J., & Rutherford, J. (2002). Business models and investment
   trends in the biotechnology industry in Europe. *Journal of Commercial
   Biotechnology* 8(3), 191-199 (product, platform and hybrid models; FIPCO, RIPCO).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pandas as pd

from ..ecosystem import Ecosystem

__all__ = ["FIRM_KINDS", "classify_business_model", "business_models", "fipco_share"]

#: Organisation kinds that have a business model.
FIRM_KINDS = ("new_biotech_firm", "biotech", "big_pharma", "specialty_pharma", "diagnostics", "medtech",
              "cro", "cmo", "technology_supplier")

_PIPELINE = ("discovery", "preclinical", "phase1", "phase2", "phase3", "filed")
_MARKET = ("approved", "marketed")
_DIAGNOSTIC_WORDS = ("diagnostic", "assay", "test", "biomarker")
_VIRTUAL_MAX_EMPLOYEES = 20


def _facts(ecosystem: Ecosystem) -> dict[str, dict[str, Any]]:
    facts: dict[str, dict[str, Any]] = defaultdict(lambda: defaultdict(list))
    for program in ecosystem.rows("programs"):
        facts[program["organisation_id"]]["programs"].append(program)
    relations = {r["id"]: r for r in ecosystem.rows("relations")}
    for relation_id, parties in ecosystem.parties_by_relation.items():
        relation = relations[relation_id]
        for party in parties:
            facts[party["organisation_id"]]["roles"].append((relation["type"], party["role"], relation))
    return facts


def classify_business_model(organisation: dict[str, Any], facts: dict[str, Any]) -> tuple[str | None, list[str]]:
    """Apply the rules of the module docstring to one organisation.

    Parameters
    ----------
    organisation : dict
        The organisation row.
    facts : dict
        ``programs`` (its program rows) and ``roles`` ((type, role, relation) triples).

    Returns
    -------
    (label or None, evidence)

    Examples
    --------
    >>> org = {"id": "x", "kind": "new_biotech_firm", "technology_platforms": ["Nanobody"], "employees": None}
    >>> classify_business_model(org, {"programs": [{"name": "a", "stage": "phase2", "partner_id": None,
    ...                                              "modality": None}], "roles": []})[0]
    'hybrid'
    """
    if organisation["kind"] not in FIRM_KINDS:
        return None, [f"kind {organisation['kind']} is not a firm"]
    programs, roles = facts.get("programs", []), facts.get("roles", [])
    pipeline = [p for p in programs if p["stage"] in _PIPELINE]
    for rule in (_services, _diagnostics, _fipco, _virtual, _pdc, _platform_or_product):
        label, evidence = rule(organisation, programs, pipeline, roles)
        if label:
            return label, evidence
    return None, ["no programs, platforms or telling relations"]


def _services(org, programs, pipeline, roles):
    if org["kind"] in ("cro", "cmo"):
        return "services", [f"kind {org['kind']}"]
    provided = [r for t, role, r in roles if t == "contract_services" and role == "provider"]
    if provided and not programs:
        return "services", [f"provider in {len(provided)} contract_services relation(s), no own program"]
    return None, []


def _diagnostics(org, programs, pipeline, roles):
    if org["kind"] == "diagnostics":
        return "diagnostics", ["kind diagnostics"]
    if programs and all(any(w in (p["modality"] or "").lower() for w in _DIAGNOSTIC_WORDS) for p in programs):
        return "diagnostics", [f"all {len(programs)} program(s) are diagnostics"]
    return None, []


def _fipco(org, programs, pipeline, roles):
    if org["kind"] in ("big_pharma", "specialty_pharma"):
        return "fipco", [f"kind {org['kind']}"]
    own_market = [p for p in programs if p["stage"] in _MARKET and not p["partner_id"]]
    if own_market:
        return "fipco", [f"own {p['stage']} product {p['name']} without partner" for p in own_market]
    return None, []


def _platforms(org, programs, roles) -> list[str]:
    evidence = [f"technology platform {name}" for name in org["technology_platforms"]]
    evidence += [f"platform program {p['name']}" for p in programs if p["stage"] == "platform"]
    evidence += [f"licensor of {r['asset'] or r['id']} at stage {r['stage_at_signing']}" for t, role, r in roles
                 if t == "license" and role == "licensor" and r["stage_at_signing"] in ("platform", "discovery")]
    return evidence


def _virtual(org, programs, pipeline, roles):
    outsourced = [r for t, role, r in roles if t == "contract_services" and role == "client"]
    small = org["employees"] is not None and org["employees"] < _VIRTUAL_MAX_EMPLOYEES
    if pipeline and outsourced and small and not _platforms(org, programs, roles):
        return "virtual", [f"{len(pipeline)} program(s), {len(outsourced)} outsourced contract(s), "
                           f"{org['employees']} employees, no platform"]
    return None, []


def _pdc(org, programs, pipeline, roles):
    licensed = {(r["asset"] or "").lower() for t, role, r in roles if t == "license" and role == "licensee"}
    if pipeline and not _platforms(org, programs, roles) and all(p["name"].lower() in licensed for p in pipeline):
        return "pdc", [f"all {len(pipeline)} program(s) in-licensed, no platform"]
    return None, []


def _platform_or_product(org, programs, pipeline, roles):
    platform = _platforms(org, programs, roles)
    own = [f"own program {p['name']} ({p['stage']})" for p in pipeline]
    if platform and own:
        return "hybrid", platform + own
    if platform:
        return "platform", platform
    if own:
        return "product", own
    return None, []


def business_models(ecosystem: Ecosystem, kinds: tuple[str, ...] = FIRM_KINDS) -> pd.DataFrame:
    """Derived and curated business model of every firm, with the deciding evidence.

    Returns
    -------
    pandas.DataFrame
        ``organisation_id, name, kind, derived, curated, business_model``
        (curated when given, else derived), ``evidence`` (list of str).

    References
    ----------
    Dixon (2011); Roth & Cuatrecasas (2010); Fisken & Rutherford (2002).
    """
    facts = _facts(ecosystem)
    rows = []
    for org in ecosystem.rows("organisations"):
        if org["kind"] not in kinds:
            continue
        derived, evidence = classify_business_model(org, facts.get(org["id"], {}))
        rows.append({"organisation_id": org["id"], "name": org["name"], "kind": org["kind"], "derived": derived,
                     "curated": org["business_model"], "business_model": org["business_model"] or derived,
                     "evidence": evidence})
    return pd.DataFrame(rows, columns=["organisation_id", "name", "kind", "derived", "curated", "business_model",
                                       "evidence"])


def fipco_share(ecosystem: Ecosystem, kind: str = "new_biotech_firm") -> dict[str, Any]:
    """Share of FIPCOs among firms of ``kind`` that have a business model label (curated or derived).

    Returns
    -------
    dict
        ``n`` (labelled firms), ``fipco`` (count), ``share``, ``by_model`` (label -> count).
    """
    frame = business_models(ecosystem, kinds=(kind,))
    labelled = frame.dropna(subset=["business_model"])
    counts = labelled["business_model"].value_counts().to_dict()
    n = len(labelled)
    return {"kind": kind, "n": n, "fipco": int(counts.get("fipco", 0)),
            "share": (counts.get("fipco", 0) / n) if n else None, "by_model": {k: int(v) for k, v in counts.items()}}
