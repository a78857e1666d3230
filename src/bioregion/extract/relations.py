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
from dataclasses import dataclass, field

__all__ = ["Finding", "classify_sentence", "payment_roles"]

_O = r"@\d+@"
_G = r"[^@]{0,%d}?"
_ORG = re.compile(r"@(\d+)@")


@dataclass
class Finding:
    """A relation read from one sentence: type, ``{cluster number: role}``, option, strength."""

    type: str
    roles: dict[int, str]
    option: bool = False
    strength: float = 0.8
    unresolved: list[int] = field(default_factory=list)


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern.replace("{O}", _O).replace("{G40}", _G % 40).replace("{G60}", _G % 60)
                      .replace("{G80}", _G % 80).replace("{G20}", _G % 20), re.I)


_EVENT = _c(r"\b(?:announc\w*|enter\w*|sign\w*|ink\w*|form\w*|launch\w*|establish\w*|agree\w*|expand\w*|extend\w*|"
            r"team\w* up|forg\w*|strik\w*|struck|conclud\w*|today|will|complet\w*|close[sd]?|closing|rais\w*|"
            r"secur\w*|award\w*|receiv\w*|select\w*|acquir\w*|creat\w*|obtain\w*|grant\w*|licen[cs]\w*|price[sd]?|"
            r"pricing|invest\w*|made|purchas\w*|found\w*|coordinat\w*|partner\w* with|join\w*|led by|"
            r"participation)\b")
_BACKGROUND = _c(r"\b(?:continues? to|continued|previously|formerly|existing (?:partner|collaboration)|largely from|"
                 r"revenue|income from|established in (?:19|20)\d\d|is preparing|was founded|were founded|"
                 r"includ(?:e|es|ing) (?:{O}|the)|partners include)\b")

_TRIGGERS = {
    "acquisition": _c(r"\b(?:acquir\w*|acquisition|buy\w*|bought|takeover|take over|purchas\w*)\b"),
    "merger": _c(r"\b(?:merg(?:e|er|ers|ing)|combine|business combination)\b"),
    "license": _c(r"\b(?:(?:in-|out-|sub)?licen[cs](?:e[sd]?|ing|or|ee)\b(?! fees?\b)|exclusive (?:worldwide |global )?rights|option to licen\w+)"),
    "co_development": _c(r"\b(?:co-?develop\w*|jointly develop\w*|co-commerciali\w*|share (?:development )?costs)\b"),
    "joint_venture": _c(r"\b(?:joint venture|JV)\b"),
    "consortium": _c(r"\b(?:consortium|public-private partnership|Horizon 2020 project)\b"),
    "contract_services": _c(r"\b(?:(?:contract )?manufactur\w* (?:agreement|contract|services?|partner)|supply agreement|"
                            r"services? agreement|contract research organi[sz]ation|CRO|CDMO|CMO|"
                            r"development and manufacturing|fee-for-service|to manufacture)\b|\bselected {O} as\b"),
    "marketing_distribution": _c(r"\b(?:distribut\w*|co-promot\w*|promotion agreement|marketing agreement|"
                                 r"marketing and distribution|commerciali[sz]ation agreement)\b"),
    "equity_investment": _c(r"\b(?:equity investment|minority stake|stake in|private placement|"
                            r"purchased? [\d,]+ (?:ordinary |common )?shares)\b"),
    "venture_round": _c(r"\b(?:series [A-F]\d?|seed (?:round|financing|funding|capital|investment)|"
                        r"(?:financing|funding|investment) round|venture (?:round|financing)|crossover (?:round|financing)|"
                        r"growth (?:round|financing)|the round|(?:round|financing|investment|funding) (?:was|is) "
                        r"(?:co-)?led by)\b"),
    "spin_off": _c(r"\b(?:spin-?off|spin-?out|spun (?:out|off)|spins? (?:out|off))\b"),
    "grant": _c(r"(?:\b(?:a|an|the|million|billion|research|innovation|EIC|NIH|government|public) grant\b|"
                r"\bgrant (?:from|of)\b|\baward(?:ed)?\b|\bsubsid\w+)"),
    "ipo": _c(r"\b(?:initial public offering|IPO|went public|go public)\b"),
    "rd_collaboration": _c(r"\b(?:(?:research|strategic|discovery|drug discovery|scientific|r&d) )?"
                           r"(?:collaboration|partnership|alliance)\b|\bcollaborat(?:e|es|ing)\b|\bteam(?:s|ed)? up\b|"
                           r"\bresearch agreement\b"),
}
#: Words one of which every trigger contains: a cheap test before the patterns.
_GUARD_WORDS = ("acqui", "buy", "bought", "takeover", "take over", "purchas", "merg", "combin", "licen", "rights",
                "develop", "commerciali", "costs", "joint venture", "jv", "consortium", "public-private", "horizon",
                "manufactur", "supply", "service", "cro", "cmo", "distribut", "promot", "marketing", "equity",
                "stake", "placement", "shares", "series", "seed", "round", "financing", "funding", "venture", "spin",
                "spun", "grant", "award", "subsid", "public", "ipo", "collaborat", "partnership", "alliance",
                "team", "research agreement", "selected", "led by")
_PRIORITY = ("acquisition", "merger", "joint_venture", "consortium", "spin_off", "ipo", "venture_round",
             "equity_investment", "grant", "contract_services", "marketing_distribution", "co_development",
             "license", "rd_collaboration")

_SPIN_BACKGROUND = _c(r"{O},\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}spin-?(?:off|out)\b|\bis an? [^@]{0,60}spun (?:out|off)|"
                      r"spun (?:out|off) [^.]{0,60}\bin (?:19|20)\d\d")
#: "announced the launch of X, a new spin-off": the apposition names the new company, it is no background.
_SPIN_LAUNCH = _c(r"\b(?:launch|creation|formation|establishment|founding) of {O},\s+(?:a|an|the)\s+(?:new(?:ly)?\s+)")
#: The sentence subject as parent only when its verb makes the spin-off ("X launches new spin-off Y"), not
#: when the spin-off is a description of another event's party ("X awards ... to Oxford spin-out Y").
_SPIN_SUBJECT = _c(r"\s*({O})[^@]{0,40}?\b(?:launch\w*|creat\w*|form\w*|establish\w*|found\w*|announc\w*|"
                   r"unveil\w*|spin\w*|spun|incorporat\w*|set\w* up)\b")
_APPOSITION = re.compile(r"(@\d+@),\s+(?:a|an|the)\s+[^,@]{0,80}(?:@\d+@[^,@]{0,80})*,")
_STAKE = re.compile(r"\b(?:shares|stake|equity|interest|private placement)\b", re.I)
_NOT_ACQ = _c(r"\b(?:acquisition of (?:data|patients|images)|acquir\w* (?:a |an )?(?:\d+(?:\.\d+)?%? )?"
              r"(?:minority )?(?:stake|interest|shares))")
_ALL_SHARES = _c(r"\ball (?:of )?(?:the )?(?:outstanding|issued)|\b100%|\bremaining shares\b|\bper share in cash\b")


def classify_sentence(masked: str, funders: set[int]) -> list[Finding]:
    """Return the relations stated by a masked sentence (see the module docstring)."""
    lower = masked.lower()
    if not any(word in lower for word in _GUARD_WORDS):
        return []
    masked = _APPOSITION.sub(r"\1", masked)
    orgs = [int(k) for k in _ORG.findall(masked)]
    if not orgs or not _EVENT.search(masked) or _BACKGROUND.search(masked):
        return []
    found = [t for t in _PRIORITY if _TRIGGERS[t].search(masked)]
    findings = []
    for rel_type in found:
        finding = _ROLE_READERS[rel_type](masked, orgs, funders)
        if finding is not None:
            findings.append(finding)
            if rel_type in ("acquisition", "merger", "joint_venture", "consortium"):
                break
    return _drop_collab_duplicates(findings)


def _drop_collab_duplicates(findings: list[Finding]) -> list[Finding]:
    """A licence or co-development sentence that also says 'collaboration' is one relation."""
    types = {f.type for f in findings}
    if types & {"license", "co_development", "marketing_distribution", "contract_services", "joint_venture",
                "consortium", "spin_off"}:
        findings = [f for f in findings if f.type != "rd_collaboration"]
    if "co_development" in types:
        findings = [f for f in findings if f.type != "license"]
    return findings


def _unique(keys: list[int]) -> list[int]:
    return list(dict.fromkeys(keys))


def _num(match: re.Match[str], group: str) -> int:
    return int(match.group(group).strip("@"))


def _pair(masked: str, orgs: list[int], patterns: list[tuple[re.Pattern[str], str, str]], rel_type: str,
          roles: tuple[str, str]) -> Finding | None:
    for pattern, first_role, second_role in patterns:
        match = pattern.search(masked)
        if match:
            a, b = _num(match, "a"), _num(match, "b")
            if a != b:
                return Finding(rel_type, {a: first_role, b: second_role}, strength=0.85)
    others = _unique(orgs)
    if len(others) >= 2:
        return Finding(rel_type, {}, strength=0.55, unresolved=others)
    return None


_ACQ = [
    (_c(r"(?P<b>{O}){G40}\b(?:has been|was|were|to be|will be|is being) acquired by (?P<a>{O})"), "acquirer", "target"),
    (_c(r"\bacquisition of (?P<b>{O}) by (?P<a>{O})"), "acquirer", "target"),
    (_c(r"(?P<a>{O}){G80}\b(?:to acquire|will acquire|has acquired|have acquired|acquired|acquires|acquire|"
        r"complet\w+ (?:the |its )?acquisition of|clos\w+ (?:the |its )?acquisition of|announc\w+ (?:the |its )?"
        r"acquisition of|agreed to (?:acquire|buy)|to buy|buys|bought|to purchase|purchased|takeover of)\b"
        r"(?:[^@]{0,120}?\bfrom |[^@]{0,60}?)(?P<b>{O})"), "acquirer", "target"),
]


def _acquisition(masked: str, orgs: list[int], funders: set[int]) -> Finding | None:
    if _NOT_ACQ.search(masked) and not _ALL_SHARES.search(masked):
        return None
    if _TRIGGERS["license"].search(masked) and not re.search(r"asset purchase|acquisition of", masked, re.I):
        return None
    for pattern, first, second in _ACQ:
        match = pattern.search(masked)
        if match and _num(match, "a") != _num(match, "b"):
            between = masked[match.start():match.end()]
            if _STAKE.search(between) and not _ALL_SHARES.search(masked):
                return None
            return Finding("acquisition", {_num(match, "a"): first, _num(match, "b"): second}, strength=0.85)
    return None


def _symmetric(rel_type: str):
    def read(masked: str, orgs: list[int], funders: set[int]) -> Finding | None:
        keys = [k for k in _unique(orgs) if k not in funders or rel_type not in ("consortium",)]
        if rel_type == "merger":
            named = re.search(r"\b(?:named|called|renamed|known as)\s+(@\d+@)", masked)
            keys = [k for k in keys if not named or k != int(named.group(1).strip("@"))]
        if len(keys) < 2:
            return None
        return Finding(rel_type, {k: "partner" for k in keys}, strength=0.8)
    return read


def _joint_venture(masked: str, orgs: list[int], funders: set[int]) -> Finding | None:
    child = re.search(r"joint venture,?\s+(?:called |named )?(@\d+@)|\b(?:named|called)\s+(@\d+@)", masked, re.I)
    offspring = int((child.group(1) or child.group(2)).strip("@")) if child else None
    partners = [k for k in _unique(orgs) if k != offspring]
    if len(partners) < 2:
        return None
    roles = {k: "partner" for k in partners}
    if offspring is not None:
        roles[offspring] = "offspring"
    return Finding("joint_venture", roles, strength=0.85)


_LICENSE = [
    (_c(r"(?P<a>{O}){G60}\b(?:has |have |will )?(?:granted|grants|grant|to grant)\s+(?P<b>{O})"), "licensor", "licensee"),
    (_c(r"(?P<a>{O}){G60}\b(?:in-licens\w+|obtain\w*|acquired|secured|receive[sd]?|licen[cs](?:ed|es)|gain\w*)\b"
        r"[^@]{0,120}?\bfrom\s+(?P<b>{O})"), "licensee", "licensor"),
    (_c(r"(?P<a>{O}){G20}\b(?:out-)?licen[cs]es?\b[^@]{0,80}?\bto\s+(?P<b>{O})"), "licensor", "licensee"),
    (_c(r"(?P<b>{O}){G60}\blicen[cs]ed?\b[^@]{0,60}?\bfrom (?P<a>{O})"), "licensor", "licensee"),
    (_c(r"(?P<a>{O}){G60}\blicen[cs]ing (?:pact|deal|agreement)?[^@]{0,30}?\bfor (?P<b>{O})['’]s"), "licensee", "licensor"),
]
_LICENSEE_ALONE = _c(r"(?P<a>{O})[^@]{0,30}?\b(?:has |will |to )?(?:obtained|obtains|obtain|gains?|gained|secured)\b"
                     r"[^@]{0,40}?\b(?:licen|rights|option)")
_INLICENSED = _c(r"(?P<a>{O})[^@]{0,30}?\bin-licens")


def _license(masked: str, orgs: list[int], funders: set[int]) -> Finding | None:
    if re.search(r"licensed from", masked) and len(_unique(orgs)) < 2:
        return None
    finding = _pair(masked, orgs, _LICENSE, "license", ("licensor", "licensee"))
    if finding and not finding.roles:
        alone = _LICENSEE_ALONE.search(masked) or _INLICENSED.search(masked)
        if alone:
            licensee = _num(alone, "a")
            finding = Finding("license", {k: ("licensee" if k == licensee else "licensor")
                                          for k in finding.unresolved}, strength=0.75)
    if finding:
        finding.option = bool(re.search(r"\boption\b", masked, re.I))
    return finding


_CONTRACT = [
    (_c(r"(?P<b>{O}){G80}\bselected (?P<a>{O}) as"), "provider", "client"),
    (_c(r"(?P<a>{O}){G80}\b(?:will|to) (?:provide|produce|manufacture|supply|perform|manage|conduct)\b[^@]{0,120}?"
        r"(?P<b>{O})"), "provider", "client"),
    (_c(r"(?P<a>{O}){G80}\bwith (?P<b>{O})[^@]{0,30}?\bto (?:manufacture|produce|supply)"), "provider", "client"),
    (_c(r"(?P<b>{O}){G80}\bwith (?P<a>{O})[^@]{0,60}?\bunder which (?:@\d+@ )?will (?:provide|produce|manufacture)"),
     "client", "provider"),
    (_c(r"(?P<a>{O}){G80}\b(?:will (?:provide|produce|manufacture|supply)|under which (?P=a) will)"), "provider", "client"),
]


def _contract_services(masked: str, orgs: list[int], funders: set[int]) -> Finding | None:
    for pattern, first, second in _CONTRACT:
        match = pattern.search(masked)
        if match and "b" in match.groupdict() and match.group("b"):
            a, b = _num(match, "a"), _num(match, "b")
            if a != b:
                return Finding("contract_services", {a: first, b: second}, strength=0.8)
    others = _unique(orgs)
    return Finding("contract_services", {}, strength=0.5, unresolved=others) if len(others) >= 2 else None


_INVESTOR = _c(r"(?P<a>{O})[^@]{0,60}?\b(?:has made|made|will make|makes|invest\w*|acquir\w*|purchas\w*|takes?|took|"
               r"subscri\w*)\b[^@]{0,80}?\b(?:in|of) (?P<b>{O})")
_PLACEMENT = _c(r"(?P<b>{O})[^@]{0,80}?\bprivate placement[^@]{0,60}?\bto (?P<a>{O})")
_INVESTOR_ONLY = _c(r"(?P<a>{O})[^@]{0,40}?\b(?:has made|made|will make|has purchased|purchased|acquired|has acquired|"
                    r"invested|invests)\b")


def _equity(masked: str, orgs: list[int], funders: set[int]) -> Finding | None:
    for pattern in (_PLACEMENT, _INVESTOR):
        match = pattern.search(masked)
        if match and _num(match, "a") != _num(match, "b"):
            return Finding("equity_investment", {_num(match, "a"): "investor", _num(match, "b"): "investee"}, strength=0.85)
    match = _INVESTOR_ONLY.search(masked)
    if match:
        investor = _num(match, "a")
        rest = [k for k in _unique(orgs) if k != investor]
        if rest:
            return Finding("equity_investment", {investor: "investor", rest[0]: "investee"}, strength=0.7)
        return Finding("equity_investment", {investor: "investor"}, strength=0.6)
    return None


_RAISER = _c(r"(?P<a>{O})[^@]{0,80}?\b(?:rais\w+|clos\w+|secur\w+|complet\w+|announc\w+|receiv\w+|is founded|"
             r"was founded|founded|obtain\w+|lands?|bags?)\b")


def _venture(masked: str, orgs: list[int], funders: set[int]) -> Finding | None:
    trigger = _TRIGGERS["venture_round"].search(masked)
    before = [int(k) for k in _ORG.findall(masked[: trigger.start()])]
    raiser = None
    for match in _RAISER.finditer(masked[: trigger.start()]):
        raiser = _num(match, "a")
    roles = {raiser: "investee"} if raiser is not None else {}
    for key in _unique(orgs):
        if key != raiser and (key not in before or raiser is None and key != (before[0] if before else None)):
            roles.setdefault(key, "investor")
    if raiser is None and before:
        roles[before[0]] = "investee"
    return Finding("venture_round", roles, strength=0.8) if roles else None


def _spin_off(masked: str, orgs: list[int], funders: set[int]) -> Finding | None:
    if _SPIN_BACKGROUND.search(masked) and not _SPIN_LAUNCH.search(masked):
        return None
    trigger = _TRIGGERS["spin_off"].search(masked)
    child = re.search(r"\b(?:launch|creation|formation|establishment) of (@\d+@)", masked) or re.search(
        r"(@\d+@)", masked[trigger.end():])
    if not child:
        return None
    offspring = int(child.group(1).strip("@"))
    parents = []
    if re.search(r"\b(?:launch|creation|formation|establishment) of", masked):
        parents = [k for k in _unique(orgs) if k != offspring and k not in funders]
    after_from = re.search(r"(?:from|of) (?:its |the )?(@\d+@)", masked[trigger.end():])
    just_before = re.search(r"(@\d+@)(?:['’]s)?\s+(?:\w+\s+)?$", masked[: trigger.start()])
    for hit in (after_from, just_before):
        if hit and int(hit.group(1).strip("@")) != offspring and not parents:
            parents = [int(hit.group(1).strip("@"))]
    subject = _SPIN_SUBJECT.match(masked[: trigger.start()])
    if not parents and subject and int(subject.group(1).strip("@")) != offspring:
        parents = [int(subject.group(1).strip("@"))]
    if not parents:
        return None
    roles = {k: "parent" for k in parents}
    roles[offspring] = "offspring"
    return Finding("spin_off", roles, strength=0.8)


_GRANT = [
    (_c(r"(?P<a>{O})(?:\s*\([^)]*\))?[^@]{0,30}?\b(?:has |have )?(?:awarded|awards|granted|grants|will award)\s+"
        r"(?:the company |the firm )?(?P<b>{O})"), "funder", "recipient"),
    (_c(r"(?P<b>{O}){G80}\b(?:awarded|received|receives|secured|secures|wins|won|obtained|been granted)\b"
        r"[^@]{0,120}?\bfrom (?:the )?(?P<a>{O})"), "funder", "recipient"),
    (_c(r"(?P<a>{O})[^@]{0,20}?\bawards [^@]{0,60}?\bto (?P<b>{O})"), "funder", "recipient"),
]


def _grant(masked: str, orgs: list[int], funders: set[int]) -> Finding | None:
    if re.search(r"\bgranted (?:a |the )?patent|patent (?:grant|was granted)", masked, re.I):
        return None
    for pattern, first, second in _GRANT:
        match = pattern.search(masked)
        if match and _num(match, "a") != _num(match, "b"):
            roles = {_num(match, "a"): first, _num(match, "b"): second}
            return Finding("grant", roles, strength=0.85)
    return None


def _ipo(masked: str, orgs: list[int], funders: set[int]) -> Finding | None:
    if re.search(r"\b(?:follow-on|secondary|proposed|intends? to|confidential(?:ly)? submi)", masked, re.I):
        return None
    return Finding("ipo", {orgs[0]: "issuer"}, strength=0.8)


_ROLE_READERS = {
    "acquisition": _acquisition,
    "merger": _symmetric("merger"),
    "license": _license,
    "co_development": _symmetric("co_development"),
    "joint_venture": _joint_venture,
    "consortium": _symmetric("consortium"),
    "contract_services": _contract_services,
    "marketing_distribution": _symmetric("marketing_distribution"),
    "equity_investment": _equity,
    "venture_round": _venture,
    "spin_off": _spin_off,
    "grant": _grant,
    "ipo": _ipo,
    "rd_collaboration": _symmetric("rd_collaboration"),
}

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
            roles.setdefault(_num(match, "a"), "payee")
    for match in _PAYER.finditer(masked):
        roles.setdefault(_num(match, "a"), "payer")
    return roles
