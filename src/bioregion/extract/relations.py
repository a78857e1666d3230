"""Relation type and roles of one sentence whose organisations are masked.

Each organisation mention becomes ``@k@`` (``k`` its cluster number in the
document), so the patterns below read like the sentences they match:
``@0@ has granted @1@ an exclusive license`` gives licensor 0, licensee 1.
Types and roles are DESIGN's taxonomy (:data:`bioregion.taxonomy.RELATION_TYPES`).
Background mentions ("X, a spin-off of Y", "continues to collaborate with")
are not events and give nothing.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .roles import ROLE_READERS
from .triggers import BACKGROUND, EVENT, ORG, PRIORITY, TRIGGERS, Finding, candidate_types, org_number
from .triggers import masked_pattern as _c

__all__ = ["Finding", "classify_sentence", "develops_and_sells", "payment_roles", "without_appositions"]

#: "X, a biotech company developing ...,": a description of X, not the event; "X, a new spin-off" is the news.
#: "X, a joint venture between A, B and C, has ...", "Y, a 50-50 joint venture of D and E.": a description of X
#: (to the next comma, or to the end of the sentence). "X, itself the result of a 2005 merger between A and B,"
#: describes X likewise, as do "BARDA, part of the Department of Health & Human Services," and "X, the Waltham,
#: MA-based provider of lab tools," (a place's comma does not end it).
_APPOSITION = re.compile(r"(@\d+@)(?:\s*\((?:[^()@]|@\d+@)*\))?,\s+(?:itself\s+)?(?:a|an|the|one of|part of)\s+"
                         r"(?!(?:new(?:ly|est)?|latest|most recent)\b)"
                         r"(?!@\d+@(?:\s*\([^()]*\))?\s*(?:,|and\b))(?:[^,@]|,(?= [A-Z][\w.]*-based\b)){0,160}"
                         r"(?:@\d+@(?:,\s+(?=@)|,?\s+and\s+(?=@))?[^,@]{0,80})*(?:,|(?=\.?$))")
#: "X, which led the company's seed round in 2021, also participated": a relative clause describes X.
_RELATIVE = re.compile(r"(@\d+@),\s+(?:which|who)\s+[^,@]{0,120}(?:@\d+@[^,@]{0,80})*,")
#: "The University, through its commercialisation arm X, has licensed": the arm acts for the party, it is none.
#: "The Walloon Region, through the Service public de Wallonie Economie, Emploi, Recherche (SPW EER), has granted":
#: the administration acts for the region.
_THROUGH_ARM = re.compile(r",\s+(?:through|via) (?:its|their|the) (?:[\w-]+ ){0,3}@\d+@(?:,|[^@;]{0,80}?(?:@\d+@\)?)?"
                          r"[^@;]{0,20}?,(?=\s+(?:has|have|had|will|would|is|are|was|were|today|also|recently|granted|"
                          r"awarded|signed|agreed|entered|licensed|acquired)\b))")
#: "a co-promotion agreement with Merck KGaA affiliate Dey": the affiliate signs, its parent only names it.
_PARENT_NAMING = re.compile(r"@\d+@\s+(?:affiliate|subsidiary|unit|division)\s+(?=@\d+@)")
#: "upcoming Series A", "potential partnerships": an event that has not happened.
_NOT_YET = re.compile(r"\b(?:upcoming|planned|future|potential|possible|prospective|next|subsequent|anticipated|"
                      r"intended|further)\s+(?:[\w'’@-]+\s+){0,2}$", re.I)


#: "its 2021 initial public offering", "the company's 2019 Series A": an event its year puts in the past.
_PAST_OWN = re.compile(r"(?:\b(?:its|their|our)|['’]s) (?:19|20)\d\d\s+$")


def without_appositions(masked: str) -> str:
    """``masked`` with the appositions that describe a party cut out ("BARDA, part of HHS, has awarded")."""
    return _APPOSITION.sub(r"\1", masked) if "@," in masked or ")," in masked else masked


def classify_sentence(masked: str, funders: set[int]) -> list[Finding]:
    """Return the relations stated by a masked sentence (see the module docstring)."""
    if "@" not in masked:
        return []
    lower = masked.lower()
    types = candidate_types(lower)
    candidates = [t for t in PRIORITY if t in types]
    if not candidates:
        return _by_agreement_purpose(masked, funders) if " with " in masked else []
    masked = without_appositions(masked)
    if "through " in masked or "via " in masked:
        masked = _THROUGH_ARM.sub("", masked)
    if "which" in masked or "who" in masked:
        masked = _RELATIVE.sub(r"\1", masked)
    if "affiliate" in masked or "subsidiary" in masked or "unit " in masked or "division" in masked:
        masked = _PARENT_NAMING.sub("", masked)
    orgs = [int(k) for k in ORG.findall(masked)]
    if not orgs:
        return []
    # The triggers first: they fail more sentences than the event and background patterns, and cost less.
    found = [t for t in candidates if _happens(TRIGGERS[t], masked)]
    if not found:
        return _by_agreement_purpose(masked, funders) if " with " in masked else []
    if not EVENT.search(masked) or BACKGROUND.search(masked):
        return []
    findings = []
    for rel_type in found:
        finding = ROLE_READERS[rel_type](masked, orgs, funders)
        if finding is not None:
            findings.append(finding)
            if rel_type in ("acquisition", "merger", "joint_venture", "consortium"):
                break
    return _drop_collab_duplicates(findings, masked)


#: "X entered into an agreement with Y to develop ...", "signed an agreement with Y for the manufacture and supply
#: of viral vectors", "an agreement with Y for the launch of the test in India": an agreement whose purpose names
#: its type, read only when no trigger of a type does.
_PURPOSE = _c(r"\b(?:agreement|deal|pact|arrangement|memorandum of understanding|mou)\s+with\s+(?:the\s+)?"
              r"(?:[\w.'’-]+\s+){0,4}?(?P<b>{O})"
              r"(?:\s*\([^()@]*\))?,?\s+(?:to|for)\s+(?:the\s+)?(?:joint(?:ly)?\s+)?(?P<what>co-?develop|develop|"
              r"manufactur|supply|suppli|produc|commerciali[sz]|market|distribut|launch|sell|sale)")
_AGREEMENT_WORDS = ("agreement", "deal", "pact", "arrangement", "memorandum of understanding", "mou")
_AGREEMENT_PURPOSES = {"co-develop": "co_development", "codevelop": "co_development", "develop": "co_development",
                  "manufactur": "contract_services", "supply": "contract_services", "suppli": "contract_services",
                  "produc": "contract_services"}


def _by_agreement_purpose(masked: str, funders: set[int]) -> list[Finding]:
    """The relation of an agreement read from its purpose ("an agreement with Y to develop ...").

    An agreement with a funder (an agency's contract "for the development of") is left to the grant and
    contract rules; a service agreement's client and provider are left to :mod:`.settle`.
    """
    lower = masked.lower()
    if not any(word in lower for word in _AGREEMENT_WORDS):
        return []   # a cheap test first: the case-blind pattern costs tens of microseconds a sentence
    purpose = _PURPOSE.search(masked)
    if purpose is None or org_number(purpose, "b") in funders or BACKGROUND.search(masked) or not EVENT.search(masked):
        return []
    what = masked[purpose.start("what"):purpose.end("what")].lower()
    rel_type = _AGREEMENT_PURPOSES.get(what, "marketing_distribution")
    # What the agreement is to develop or sell ("to commercialise Z") is no party.
    described = without_appositions(masked[:purpose.end()])
    orgs = [int(k) for k in ORG.findall(described)]
    if rel_type == "contract_services":
        unique = list(dict.fromkeys(orgs))
        return [Finding(rel_type, {}, strength=0.5, unresolved=unique)] if len(unique) >= 2 else []
    finding = ROLE_READERS[rel_type](described, orgs, funders)
    return [] if finding is None else [replace(finding, strength=min(finding.strength, 0.6))]


#: "a new global collaboration ... to discover, develop and commercialize", "a collaboration agreement ... for late
#: phase development and marketing", "a collaboration agreement to promote X's drug": the partners develop and sell.
_DEVELOP_AND_SELL = re.compile(
    r"\b(?:collaboration|cooperation|partnership|alliance)\b[^.;]{0,120}?\b(?:to (?:jointly )?"
    r"(?:(?:research|discover|identify),? )?develop,? and (?:to )?(?:commerciali[sz]e|market|sell)|"
    r"for (?:[\w-]+ ){0,2}development and (?:commerciali[sz]ation|marketing)|to (?:co-)?promote)\b", re.I)


def develops_and_sells(masked: str) -> bool:
    """Whether a collaboration's partners both develop and sell (or promote) its products."""
    return bool(_DEVELOP_AND_SELL.search(masked))


def _happens(trigger: re.Pattern[str], masked: str) -> bool:
    """Whether a trigger of the sentence names an event, not one still to come ("its upcoming Series A").

    Nor one dated in a past year by a possessive ("the proceeds of its 2021 initial public offering").
    """
    first = trigger.search(masked)
    if first is not None and _PAST_OWN.search(masked, max(0, first.start() - 40), first.start()):
        return any(not _PAST_OWN.search(masked, max(0, m.start() - 40), m.start()) and not _NOT_YET.search(
            masked, max(0, m.start() - 40), m.start()) for m in trigger.finditer(masked))
    if first is None or not _NOT_YET.search(masked, max(0, first.start() - 40), first.start()):
        return first is not None
    return any(not _NOT_YET.search(masked, max(0, m.start() - 40), m.start()) for m in trigger.finditer(masked))


#: "X will obtain an exclusive worldwide license ..., while Y will retain an exclusive option to co-commercialize":
#: the licensor keeps a share of the selling; the deal is the licence.
_RETAINED_CO_SELLING = re.compile(r"\b(?:retain\w*|keep\w*|kept)\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,2}?"
                                  r"(?:option|rights?)\s+to\s+co-?(?:commerciali|promot)", re.I)


def _drop_collab_duplicates(findings: list[Finding], masked: str) -> list[Finding]:
    """A licence or co-development sentence that also names a partnership or an alliance is one relation; so is a
    grant whose sentence also reads, without roles, as a service contract between the same parties.

    A licence told together with a collaboration ("a research collaboration and license agreement", "will
    collaborate ... and license the resulting candidates") is both: alliance counts keep the coupled research
    and the pecuniary licence (Hagedoorn 2002), as the real-text labellers did.
    """
    types = {f.type for f in findings}
    both = types == {"license", "rd_collaboration"} and "ollaboration" in masked
    if types & {"license", "co_development", "marketing_distribution", "contract_services", "joint_venture",
                "consortium", "spin_off"} and not both:
        findings = [f for f in findings if f.type != "rd_collaboration"]
    if "co_development" in types and "license" in types and _RETAINED_CO_SELLING.search(masked):
        findings = [f for f in findings if f.type != "co_development"]
    elif "co_development" in types:
        findings = [f for f in findings if f.type != "license"]
    granted = {k for f in findings if f.type == "grant" for k in f.roles}
    if granted:
        # "pledged a grant to X for components needed to manufacture vaccines": the grant, no service contract.
        findings = [f for f in findings if f.type != "contract_services" or f.roles or not set(f.unresolved) <= granted]
    return findings


_PAYER = _c(r"(?P<a>{O})[^@]{0,30}?\b(?:will|shall|agreed to|is to|to)? ?(?:pay|make|provides?|fund)\w*\b")
_PAYEE = [
    _c(r"(?P<a>{O})[^@]{0,30}?\b(?:will|is|would be|could|may)? ?(?:receive|be eligible|eligible|entitled|earn)\w*\b"),
    _c(r"\b(?:pay|paying|payment to|payments to)\s+(?P<a>{O})"),
]


def payment_roles(masked: str) -> dict[int, str]:
    """Who pays (``payer``) and who is paid (``payee``) in a masked sentence about deal terms."""
    roles: dict[int, str] = {}
    for pattern in _PAYEE:
        for match in pattern.finditer(masked):
            roles.setdefault(org_number(match, "a"), "payee")
    for match in _PAYER.finditer(masked):
        roles.setdefault(org_number(match, "a"), "payer")
    return roles
