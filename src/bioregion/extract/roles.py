"""Roles of the parties in a masked sentence of a known relation type.

One reader per type of DESIGN's taxonomy (:data:`ROLE_READERS`): licensor
and licensee, acquirer and target, investor and investee, parent and
offspring, funder and recipient, client and provider, or partners for the
symmetric types. A reader returns ``None`` when the sentence names the type
but not who does what to whom in an event (a background spin-off, a stake
bought rather than a company).
"""

from __future__ import annotations

import re

from .triggers import ORG, TRIGGERS, Finding, org_number
from .triggers import masked_pattern as _c

__all__ = ["ROLE_READERS"]

_SPIN_BACKGROUND = _c(r"{O},\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}spin-?(?:off|out)\b|\bis an? [^@]{0,60}spun (?:out|off)|"
                      r"spun (?:out|off) [^.]{0,60}\bin (?:19|20)\d\d")
#: "announced the launch of X, a new spin-off": the apposition names the new company, it is no background.
_SPIN_LAUNCH = _c(r"\b(?:launch|creation|formation|establishment|founding) of {O},\s+(?:a|an|the)\s+(?:new(?:ly)?\s+)")
#: "announced the founding of X": the new company; every other party (but funders) a parent.
_FOUNDING = re.compile(r"\b(?:launch|creation|formation|establishment|founding) of")
_FOUNDING_OF = re.compile(_FOUNDING.pattern + r" (@\d+@)")
#: "X, officially launched today as a spin-off of Y,": X the offspring, Y the parent.
_SPIN_AS = _c(r"({O}),?[^@;]{0,60}?\b(?:launch\w*|founded|established|created|formed|incorporated|set up)\b[^@;]{0,30}?"
              r"\bas (?:a |an )?(?:new |independent )?spin-?(?:off|out) (?:of|from) (?:the )?({O})")
#: "... has become X, the newest spin-out from Y": the apposition names the new company.
_SPIN_NEWS = _c(r"({O}),\s+(?:the|its) (?:newest|latest|most recent) spin-?(?:off|out)\b")
#: The sentence subject as parent only when its verb makes the spin-off ("X launches new spin-off Y"), not
#: when the spin-off is a description of another event's party ("X awards ... to Oxford spin-out Y").
_SPIN_SUBJECT = _c(r"\s*(?:[A-Z]?[a-z-]+\s+){0,3}?({O})[^@]{0,40}?\b(?:launch\w*|creat\w*|form\w*|establish\w*|"
                   r"found\w*|announc\w*|unveil\w*|spin\w*|spun|incorporat\w*|set\w* up|complet\w*|finali[sz]\w*)\b")
#: "Edinburgh spin-out Kestrel Genomics raises £12 million": the spin-off describes the party of another event.
_ANOTHER_EVENT = re.compile(r"(?:['’]s)?\s+(?:\w+\s+)?(?:raises?|closes?|secures?|receives?|signs?|wins?|enters?|"
                            r"completes?|appoints?|announces?|reports?|doses?|obtains?|lands?|bags?|nets?|awarded)\b")
_STAKE = re.compile(r"\b(?:shares|stake|equity|interest|private placement)\b", re.I)
#: Shares bought in a placement or an equity investment are no acquisition of the company.
_STOCK_DEAL = _c(r"\b(?:common stock|ordinary shares|preferred (?:stock|shares)|private placement|equity investment|"
                 r"minority (?:stake|interest))\b")
_NOT_ACQ = _c(r"\b(?:acquisition of (?:data|patients|images)|acquir\w* (?:a |an )?(?:\d+(?:\.\d+)?%? )?"
              r"(?:minority )?(?:stake|interest|shares)|"
              r"(?:buy|purchas)\w* [$€£][\d.,]+ (?:million |billion )?worth of)")
_ALL_SHARES = _c(r"\ball (?:of )?(?:the |its |their )?(?:outstanding|issued|shares\b)|\b100%|\bremaining shares\b|"
                 r"\bper share in cash\b")


def _unique(keys: list[int]) -> list[int]:
    return list(dict.fromkeys(keys))


def _pair(masked: str, orgs: list[int], patterns: list[tuple[re.Pattern[str], str, str]], rel_type: str,
          roles: tuple[str, str]) -> Finding | None:
    for pattern, first_role, second_role in patterns:
        match = pattern.search(masked)
        if match:
            a, b = org_number(match, "a"), org_number(match, "b")
            if a != b:
                return Finding(rel_type, {a: first_role, b: second_role}, strength=0.85)
    others = _unique(orgs)
    if len(others) >= 2:
        return Finding(rel_type, {}, strength=0.55, unresolved=others)
    return None


_ACQ = [
    (_c(r"(?P<b>{O})\s+surviving as a (?:wholly[- ]owned |direct |indirect )*subsidiary of (?P<a>{O})"),
     "acquirer", "target"),
    (_c(r"\bsubsidiary of (?P<a>{O})\s+(?:will|shall|would) merge with and into (?P<b>{O})"), "acquirer", "target"),
    (_c(r"(?P<b>{O}){G80}\b(?:agree\w* to sell|agreement to sell|to sell|will sell|is selling|sells|sold|divest\w*|"
        r"dispos\w*(?: of)?)\b[^@]{0,250}?\bto (?P<a>{O})"), "acquirer", "target"),
    # "CTI has agreed to be acquired by Sweden's Sobi", "Labopharm has agreed to be bought by Paladin Labs"
    (_c(r"(?P<b>{O}){G80}\b(?:has been|was|were|to be|will be|is being) (?:acquired|bought|purchased|taken over) by "
        r"(?:[\w-]+['’]s |(?:[a-z][\w-]* ){1,3})?(?P<a>{O})"), "acquirer", "target"),
    (_c(r"\bacquisition of (?P<b>{O}) by (?P<a>{O})"), "acquirer", "target"),
    # "X ... has approved a Business Transfer Agreement with Y for the acquisition of its portfolio": Y sells; so
    # does Y in "X has entered into an agreement with Y to acquire two of its brands".
    (_c(r"(?P<a>{O})[^@]{0,200}?\bagreement\b[^@]{0,60}?\bwith (?P<b>{O})(?:\s*\((?:[^()@]|@\d+@)*\))?[^@]{0,40}?\b"
        r"(?:for (?:the )?"
        r"(?:acquisition|purchase) of|to (?:acquire|buy|purchase)(?: [\w-]+(?: [\w-]+)? of)?) (?:its|their)\b"),
     "acquirer", "target"),
    # "Lilly said Friday it completed a tender offer worth about $6 billion for ImClone"
    (_c(r"(?P<a>{O}){G80}\b(?:complet\w*|clos\w*|commenc\w*|launch\w*)\s+(?:its |a |the )?(?:[\w$.,-]+\s+){0,5}?"
        r"tender offer\b[^@]{0,60}?\bfor (?:all (?:of )?(?:the )?(?:outstanding )?shares of )?(?P<b>{O})"),
     "acquirer", "target"),
    (_c(r"(?P<a>{O}){G80}\b(?:to acquire|will acquire|has acquired|have acquired|acquired|acquires|acquire|"
        r"acquisition of|agreed to (?:acquire|buy)|to buy|will buy|buys|bought|to purchase|will purchase|purchased|"
        r"takeover of|snap(?:s|ped)? up|to snap up|scoop(?:s|ed)? up|to scoop up)\b"
        r"(?:[^@]{0,120}?\bfrom |\s*all (?:of )?(?:the )?(?:issued and )?outstanding (?:capital stock|shares|"
        r"equity)[^@]{0,20}?\bof\b[^@]{0,80}?|[^@]{0,60}?)(?P<b>{O})"), "acquirer", "target"),
]


#: "acquired a 55 percent stake in Dunmore Pharma": a majority stake is control, an acquisition (Hagedoorn 2002).
_MAJORITY = _c(r"\b(?:5[1-9]|[6-9]\d)(?:\.\d+)?\s?(?:%|per ?cent)(?: (?:controlling |majority )?(?:stake|interest|of the "
               r"(?:shares|share capital|equity)))|\bmajority (?:stake|interest|shareholding)|\bcontrolling (?:stake|interest)")
#: "Velmont will acquire sole commercialization rights for Ostrava's biosimilar": rights, not the company.
_RIGHTS_BOUGHT = _c(r"\b(?:acquir\w*|buy\w*|purchas\w*|obtain\w*)\s+(?:the\s+)?(?:sole\s+|exclusive\s+)?"
                    r"(?:commerciali[sz]ation|marketing|distribution|promotion|sales)\s+rights\b")


#: "proposing to acquire Wendt Bio", "an unsolicited offer", "a non-binding proposal": no agreed deal.
_PROPOSAL = _c(r"\bpropos\w* to (?:acquire|buy|purchase)|\b(?:option|right of first (?:refusal|negotiation|offer)) to "
               r"(?:acquire|buy|purchase)|\b(?:unsolicited|non-binding|indicative|hostile)\b|"
               r"\b(?:buyout|takeover) (?:offer|proposal|bid)\b|\boffer(?:ed|s|ing)? to (?:acquire|buy)")

_ACQUISITION_OF_ORG = re.compile(r"\bacquisition of @")
_ASSET_PURCHASE = re.compile(r"asset purchase|acquisition of", re.I)
#: "... merge to form a new company named X": the new name is no party.
_NAMED = re.compile(r"\b(?:named|called|renamed|known as)\s+(@\d+@)")
_WITH_END = re.compile(r"\bwith\s+$")
_WITH_LICENSEE = re.compile(r"\bwith\s+@\d+@[^@]{0,30}?\b(?:obtained|obtains|gains?|gained|secured)\b")
_OPTION = re.compile(r"\boption\b", re.I)
_BUYING = re.compile(r"\bacqui|\bbuy|\bbought|\bpurchas")
#: A spin-off's parent: "spun out from the X", or named just before the trigger ("X's spin-off").
_PARENT_AFTER = re.compile(r"(?:from|of) (?:its |the )?(@\d+@)")
_PARENT_BEFORE = re.compile(r"(@\d+@)(?:['’]s)?(?:\s*\([^()@]*\))?\s+(?:\w+\s+)?$")
_PATENT_GRANT = re.compile(r"\bgranted (?:a |the )?patent|patent (?:grant|was granted)", re.I)
#: "Hanbit grants the Company an exclusive, royalty-bearing license": a licence, no grant.
_GRANTS_RIGHTS = re.compile(r"\bgrant(?:s|ed|ing)?\s+(?:to\s+)?@\d+@\s+(?:an?\s+|the\s+)?(?:[\w,-]+\s+){0,4}?"
                            r"(?:licen[cs]es?|sublicen[cs]es?|rights?|options?)\b")
#: An IPO still to come, considered or withdrawn, or a later offering: no IPO now.
_NOT_AN_IPO = re.compile(r"\b(?:follow-on|secondary|proposed|intends? to|confidential(?:ly)? submi|could|would|might|"
                         r"plans? to|consider\w*|pre-IPO|ahead of (?:an?|its|the) (?:IPO|initial)|case to go public|"
                         r"withdr[ae]w\w*)", re.I)


def _acquisition(masked: str, orgs: list[int], funders: set[int]) -> Finding | None:
    if _PROPOSAL.search(masked):
        return None
    if _RIGHTS_BOUGHT.search(masked) and not _ACQUISITION_OF_ORG.search(masked):
        return None
    if (_NOT_ACQ.search(masked) or _STOCK_DEAL.search(masked)) and not _ALL_SHARES.search(masked) \
            and not _MAJORITY.search(masked):
        return None
    if TRIGGERS["license"].search(masked) and not _ASSET_PURCHASE.search(masked):
        return None
    for pattern, first, second in _ACQ:
        match = pattern.search(masked)
        if match and org_number(match, "a") != org_number(match, "b"):
            between = masked[match.start():match.end()]
            if _STAKE.search(between) and not _ALL_SHARES.search(masked) and not _MAJORITY.search(masked):
                return None
            return Finding("acquisition", {org_number(match, "a"): first, org_number(match, "b"): second}, strength=0.85)
    return None


#: Where a sentence starts naming the investors of a financing: they are not partners of its deal.
_INVESTOR_SLOT = _c(r"\b(?:(?:co-)?led by|participation (?:from|of|by)|investors?|syndicate|backed by)\b")


def _investors(masked: str) -> set[int]:
    slot = _INVESTOR_SLOT.search(masked) if "nvest" in masked or "led by" in masked or "syndicate" in masked else None
    return {int(k) for k in ORG.findall(masked, slot.end())} if slot else set()


def _symmetric(rel_type: str):
    def read(masked: str, orgs: list[int], funders: set[int]) -> Finding | None:
        others = grant_funders(masked) | (funders if rel_type == "consortium" else _investors(masked))
        keys = [k for k in _unique(orgs) if k not in others]
        if rel_type == "merger":
            named = _NAMED.search(masked)
            keys = [k for k in keys if not named or k != int(named.group(1).strip("@"))]
        if len(keys) < 2:
            return None
        return Finding(rel_type, {k: "partner" for k in keys}, strength=0.8)
    return read


_JV_CHILD = _c(r"joint venture,?\s+(?:company\s+)?(?:called |named )?({O})|\b(?:named|called|name of)\s+({O})|"
               r"({O})\s*\(the\s+[\"“]?(?:JV|Joint Venture)\b|"
               r"\b(?:formation|creation|establishment|launch) of ({O}),?\s+(?:a|an|the)\s+(?:new\s+)?"
               r"(?:[\w-]+\s+){0,2}joint venture|"
               r"\b(?:establish\w*|set up|sets up|form\w*|creat\w*|launch\w*)\s+({O})\s+as\s+(?:a|an|the|their)\s+"
               r"(?:[\w-]+\s+){0,2}joint venture")


def _joint_venture(masked: str, orgs: list[int], funders: set[int]) -> Finding | None:
    child = _JV_CHILD.search(masked)
    offspring = int(next(g for g in child.groups() if g).strip("@")) if child else None
    partners = [k for k in _unique(orgs) if k != offspring]
    if len(partners) < 2:
        return None
    roles = {k: "partner" for k in partners}
    if offspring is not None:
        roles[offspring] = "offspring"
    return Finding("joint_venture", roles, strength=0.85)


_LICENSE = [
    (_c(r"(?P<a>{O}){G60}\b(?:has been|have been|was|were|is|been) granted\b[^@]{0,80}?\bby (?:the )?(?P<b>{O})"),
     "licensee", "licensor"),
    (_c(r"(?P<a>{O}){G60}\b(?:has |have |will )?(?:granted|grants|grant|to grant)\s+(?P<b>{O})"), "licensor", "licensee"),
    (_c(r"(?P<a>{O}){G60}\b(?:in-licens\w+|obtain\w*|acquired|secured|receive[sd]?|licen[cs](?:ed|es)|gain\w*|purchas\w*|"
        r"bought)\b"
        r"[^@]{0,120}?\bfrom\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?(?P<b>{O})"), "licensee", "licensor"),
    (_c(r"(?P<a>{O}){G20}\b(?:out-)?licen[cs]es?\b[^@]{0,80}?\bto\s+(?P<b>{O})"), "licensor", "licensee"),
    (_c(r"(?P<b>{O}){G60}\blicen[cs]ed?\b[^@]{0,60}?\bfrom (?P<a>{O})"), "licensor", "licensee"),
    (_c(r"(?P<a>{O}){G60}\blicen[cs]ing (?:pact|deal|agreement)?[^@]{0,30}?\bfor (?P<b>{O})['’]s"), "licensee", "licensor"),
    # "AstraZeneca has formed an agreement with Kyowa Hakko Kirin for an exclusive option to commercialize X"
    (_c(r"(?P<a>{O}){G60}\bagreement with (?P<b>{O})[^@]{0,30}?\bfor an? (?:exclusive )?option to "
        r"(?:licen|commerciali)"), "licensee", "licensor"),
]
_LICENSEE_ALONE = _c(r"(?P<a>{O})[^@]{0,30}?\b(?:has |will |to )?(?:obtained|obtains|obtain|gains?|gained|secured|"
                     r"(?:has|have|was|were) been granted)\b"
                     r"[^@]{0,40}?\b(?:licen|rights|option)")
#: "under which Y receives an exclusive license": received rights, not money received for them.
_LICENSE_RECEIVED = _c(r"(?P<a>{O})[^@]{0,30}?\b(?:receives?|received|receiving)\s+(?:an?\s+|the\s+)?"
                       r"(?:(?:exclusive|non-exclusive|worldwide|global|royalty-bearing),?\s+){0,3}"
                       r"(?:licen|rights|option)")
_INLICENSED = _c(r"(?P<a>{O})[^@]{0,30}?\bin-licens")


def _license(masked: str, orgs: list[int], funders: set[int]) -> Finding | None:
    if "licensed from" in masked and len(_unique(orgs)) < 2:
        return None
    finding = _pair(masked, orgs, _LICENSE, "license", ("licensor", "licensee"))
    if finding and not finding.roles:
        alone = _LICENSEE_ALONE.search(masked) or _LICENSE_RECEIVED.search(masked) or _INLICENSED.search(masked)
        if alone:
            licensee = org_number(alone, "a")
            if _WITH_END.search(masked[: alone.start("a")]) and not _WITH_LICENSEE.search(masked):
                # "X has entered into a licence agreement with Y ..., to obtain exclusive rights": X obtains them.
                licensee = int(ORG.search(masked).group(1))
            finding = Finding("license", {k: ("licensee" if k == licensee else "licensor")
                                          for k in finding.unresolved}, strength=0.75)
    if finding:
        finding.option = bool(_OPTION.search(masked))
    return finding


_CONTRACT = [
    (_c(r"(?P<b>{O}){G80}\bselected (?P<a>{O}) as"), "provider", "client"),
    # "X taps Y to manufacture its gene therapy", "X hires Y to run its trial", "X outsources manufacturing to Y"
    (_c(r"(?P<b>{O}){G80}\b(?:taps|tapped|hires|hired|enlists|enlisted) (?P<a>{O}) to\b"), "provider", "client"),
    (_c(r"(?P<b>{O}){G80}\boutsourc\w* (?:the |its )?(?:[\w-]+ ){0,3}?to (?P<a>{O})"), "provider", "client"),
    (_c(r"(?P<a>{O}){G80}\b(?:will|to) (?:provide|produce|manufacture|supply|perform|manage|conduct)\b[^@]{0,120}?"
        r"(?P<b>{O})"), "provider", "client"),
    # "Emergent has signed an agreement with AstraZeneca to provide contract development and manufacturing services"
    (_c(r"(?P<a>{O}){G80}\bwith (?P<b>{O})[^@]{0,30}?\bto (?:manufacture|produce|supply|provide|perform)"),
     "provider", "client"),
    (_c(r"(?P<b>{O}){G80}\bwith (?P<a>{O})[^@]{0,60}?\bunder which (?:@\d+@ )?will (?:provide|produce|manufacture)"),
     "client", "provider"),
    (_c(r"(?P<a>{O}){G80}\b(?:will (?:provide|produce|manufacture|supply)|under which (?P=a) will)"), "provider", "client"),
]


def _contract_services(masked: str, orgs: list[int], funders: set[int]) -> Finding | None:
    for pattern, first, second in _CONTRACT:
        match = pattern.search(masked)
        if match and "b" in match.groupdict() and match.group("b"):
            a, b = org_number(match, "a"), org_number(match, "b")
            if a != b:
                return Finding("contract_services", {a: first, b: second}, strength=0.8)
    others = _unique(orgs)
    return Finding("contract_services", {}, strength=0.5, unresolved=others) if len(others) >= 2 else None


_INVESTOR = _c(r"(?P<a>{O})[^@]{0,60}?\b(?:has made|made|will make|makes|invest\w*|acquir\w*|purchas\w*|takes?|took|"
               r"subscri\w*|inject\w*|pour\w*)\b[^@]{0,80}?\b(?:in|of|into) (?:[\w-]+ ){0,4}?(?P<b>{O})")
#: "BMS will pay Lumora $60 million upfront and will purchase $40 million of newly issued Lumora common stock".
_STOCK_BUYER = _c(r"(?P<a>{O})(?:[^@]|@\d+@){0,80}?\b(?:will |to |agreed to |shall )?(?:purchase|buy|subscribe for)\b"
                  r"[^@]{0,80}?\b(?:(?:of|in) (?:newly[- ]issued )?|new )(?P<b>{O})")
#: "an equity investment of up to EUR 10 million by the EIC Fund": the investor; the investee is the issuer.
_INVESTMENT_BY = _c(r"\b(?:equity investment|investment|stake)\b[^@]{0,60}?\bby (?:the )?(?P<a>{O})")
#: "Pfizer will pay BioInvent ..., including a $6 million equity investment in new shares of BioInvent": the payer.
_EQUITY_IN = _c(r"^[^@]{0,40}?(?P<a>{O})[^;]{0,160}?\bequity investment\b[^@]{0,40}?\bin (?:(?:new(?:ly[- ]issued)? )?"
                r"(?:shares|stock) (?:of|in) )?(?P<b>{O})")
_PLACEMENT = _c(r"(?P<b>{O})[^@]{0,80}?\bprivate placement[^@]{0,60}?\bto (?P<a>{O})")
_INVESTOR_ONLY = _c(r"(?P<a>{O})[^@]{0,40}?\b(?:has made|made|will make|has purchased|purchased|acquired|has acquired|"
                    r"invested|invests)\b")


#: "X announced a third-party allotment of new shares to Y" (or "with Y as the lead investor"): Y buys X's shares.
_ALLOTMENT = _c(r"(?P<b>{O}){G80}\ballotment\b[^@]{0,80}?\b(?:to|with) (?:the )?(?P<a>{O})")


def _equity(masked: str, orgs: list[int], funders: set[int]) -> Finding | None:
    if _MAJORITY.search(masked) and _BUYING.search(masked):
        return None   # a majority stake: the acquisition reader's
    for pattern in (_PLACEMENT, _INVESTOR, _STOCK_BUYER, _EQUITY_IN, _ALLOTMENT):
        match = pattern.search(masked)
        if match and org_number(match, "a") != org_number(match, "b"):
            return Finding("equity_investment", {org_number(match, "a"): "investor", org_number(match, "b"): "investee"}, strength=0.85)
    match = _INVESTOR_ONLY.search(masked) or _INVESTMENT_BY.search(masked)
    if match:
        investor = org_number(match, "a")
        rest = [k for k in _unique(orgs) if k != investor]
        if rest:
            return Finding("equity_investment", {investor: "investor", rest[0]: "investee"}, strength=0.7)
        return Finding("equity_investment", {investor: "investor"}, strength=0.6)
    return None


#: "Synaptiq Bio, launched as a spin-off of Radboud University, has raised": the inserted party raises nothing.
_INSERTED_OF = _c(r"({O}),[^@,;]{0,80}?\b(?:of|from|by|at) (?:the )?$")
_RAISER = _c(r"(?P<a>{O})[^@]{0,80}?\b(?:rais\w+|clos\w+|secur\w+|complet\w+|announc\w+|receiv\w+|is founded|"
             r"was founded|founded|obtain\w+|lands?|bags?|gain(?:s|ed))\b")


#: "Roche Venture Fund and 5AM Ventures led the round": the names before "led" are investors.
_LEADERS = re.compile(r"@\d+@(?:[^@]{0,12}@\d+@)*[^@]{0,20}?\b(?:co-)?led\s+(?:(?:the|this|its)\s+(?:[\w-]+\s+){0,3})?$")
#: "Alta Partners and Rowan Capital led the financing, with new investor X joining ... in the round": the same,
#: wherever the round's own trigger is.
_LED_THE_ROUND = re.compile(r"@\d+@ (?:co-)?led (?:the|this) (?:[\w$€£.,-]+ ){0,3}?(?:round|financing|raise)\b")


#: "Fenway Bridge Capital, Altamira Health Partners and the Tidewater Fund joined the round as new investors".
_JOINED = _c(r"^[^@]{0,40}(?:{O}(?:,\s*|\s+and\s+(?:the\s+)?))*{O}\s+(?:have |has |also |had )*(?:joined|participated in)\s+"
             r"(?:the|this)\s+(?:[\w$€£.,-]+\s+){0,4}?(?:round|financing|syndicate|investment)\b")


#: "X has led a EUR 42 million Series B financing in Y": an investor's own announcement of the round it led.
_LED_IN = _c(r"(?P<a>{O}){G80}\b(?:has |have |had )?(?:co-)?(?:led|leads|participated in|joined|invested in)\s+"
             r"(?:(?:a|an|the|its)\s+)?[^@]{0,80}?\b(?:financing|round|series [a-f]\d?|seed|investment|funding)\b"
             r"[^@]{0,40}?\b(?:in|of|into|for) (?:[\w()-]+ ){0,5}?(?P<b>{O})")


#: "Versant and MPM led Firefly's Series A along with Decheng": the round's owner written as a possessive.
_LED_ITS = _c(r"\b(?:co-)?(?:led|leads|joined|participated in|invested in) (?:the )?(?P<b>{O})['’]s\s+"
              r"(?:[\w$€£.,-]+\s+){0,4}?(?:series [a-f]\d?|seed|round|financing|funding|raise)\b")


#: "VIB and Ghent University launch Lumora Bio with EUR 9.5 million seed financing": the founders found the
#: company, the round is the new company's and its investors are named elsewhere.
_LAUNCHED_WITH = _c(r"^\s*(?:{O}(?:,\s*|\s+and\s+))*{O}\s+(?:\w+\s+)?(?:launch|found|creat|form|establish|unveil|start)"
                    r"\w*\s+(?:(?:a|an|the)\s+(?:new\s+)?(?:[\w-]+\s+){0,2}(?:company|start-?up|spin-?(?:off|out))\s+)?"
                    r"(?P<b>{O})\s+with\b")


def _venture(masked: str, orgs: list[int], funders: set[int]) -> Finding | None:
    trigger = TRIGGERS["venture_round"].search(masked)
    orgs = [k for k in orgs if k not in grant_funders(masked)]
    launched = _LAUNCHED_WITH.search(masked[: trigger.start()])
    if launched:
        founders = {int(k) for k in ORG.findall(masked, 0, launched.start("b"))}
        investee = org_number(launched, "b")
        roles = {k: "investor" for k in _unique(orgs) if k not in founders and k != investee}
        roles[investee] = "investee"
        return Finding("venture_round", roles, strength=0.75)
    led = _LED_IN.search(masked) or _LED_ITS.search(masked)
    if led and ("a" not in led.groupdict() or org_number(led, "a") != org_number(led, "b")):
        investee = org_number(led, "b")
        return Finding("venture_round", {k: "investee" if k == investee else "investor" for k in _unique(orgs)},
                       strength=0.8)
    before = [int(k) for k in ORG.findall(masked[: trigger.start()])]
    raiser = None
    for match in _RAISER.finditer(masked[: trigger.start()]):
        raiser = org_number(match, "a")
        inserted = _INSERTED_OF.search(masked, 0, match.start("a"))
        if inserted and masked.startswith(",", match.end("a")):
            raiser = int(inserted.group(1).strip("@"))
    if _LEADERS.search(masked[: trigger.start()]) or _JOINED.search(masked) or _LED_THE_ROUND.search(masked):
        return Finding("venture_round", {k: "investor" for k in _unique(orgs)}, strength=0.75)
    roles = {raiser: "investee"} if raiser is not None else {}
    for key in _unique(orgs):
        if key != raiser and (key not in before or raiser is None and key != (before[0] if before else None)):
            roles.setdefault(key, "investor")
    if raiser is None and before:
        roles[before[0]] = "investee"
    return Finding("venture_round", roles, strength=0.8) if roles else None


def _spin_off(masked: str, orgs: list[int], funders: set[int]) -> Finding | None:
    if _SPIN_BACKGROUND.search(masked) and not _SPIN_LAUNCH.search(masked) and not _SPIN_NEWS.search(masked):
        return None
    trigger = TRIGGERS["spin_off"].search(masked)
    launched = _SPIN_AS.search(masked)
    if launched:
        return Finding("spin_off", {int(launched.group(2).strip("@")): "parent",
                                    int(launched.group(1).strip("@")): "offspring"}, strength=0.8)
    founding = _FOUNDING.search(masked)
    child = _FOUNDING_OF.search(masked) or _SPIN_NEWS.search(masked) or ORG.search(masked, trigger.end())
    if not child:
        return None
    offspring = int(child.group(1).strip("@"))
    if _ANOTHER_EVENT.match(masked, child.end()) and not founding:
        return None
    parents = []
    if founding:
        parents = [k for k in _unique(orgs) if k != offspring and k not in funders]
    after_from = _PARENT_AFTER.search(masked[trigger.end():])
    just_before = _PARENT_BEFORE.search(masked[: trigger.start()])
    for hit in (after_from, just_before):
        if hit and int(hit.group(1).strip("@")) != offspring and not parents:
            parents = [int(hit.group(1).strip("@"))]
    # "X said it is spinning off its business into Y": the trigger is the subject's verb.
    verb = trigger.group().lower().startswith(("spinning", "spins", "spun"))
    subject = _SPIN_SUBJECT.match(masked[: trigger.end() if verb else trigger.start()])
    if not parents and subject and int(subject.group(1).strip("@")) != offspring:
        parents = [int(subject.group(1).strip("@"))]
    if not parents:
        return None
    roles = {k: "parent" for k in parents}
    roles[offspring] = "offspring"
    return Finding("spin_off", roles, strength=0.8)


_GRANT = [
    (_c(r"(?P<b>{O}){G80}\bselected by (?:the )?(?P<a>{O})(?:\s*\([^)]*\))? to receive\b"), "funder", "recipient"),
    (_c(r"(?P<a>{O})(?:\s*\([^)]*\))?[^@]{0,60}?\b(?:has |have |is |are )?(?:awarded|awards|awarding|granted|grants|"
        r"will award)\s+"
        r"(?:the company |the firm )?(?P<b>{O})"), "funder", "recipient"),
    (_c(r"(?P<b>{O}){G80}\b(?:awarded|received|receives|secured|secures|wins|won|obtained|been granted)\b"
        r"(?:[^@]|@\d+@(?=[\s)]*(?:\([^)]*\)[\s)]*)?(?:grant|award)))"
        r"{0,120}?\bfrom (?:the )?(?P<a>{O})"), "funder", "recipient"),
    (_c(r"(?P<b>{O}){G80}\b(?:awarded|received|receives|secured|secures|wins|won|obtained)\b[^@]{0,60}?(?P<a>{O})"
        r"(?:\s*\([^)]*\))?\s+(?:grant|award)\b(?! from)"), "funder", "recipient"),
    (_c(r"(?P<a>{O})[^@]{0,20}?\b(?:awards|(?:has |have |had )?(?:awarded|granted)) [^@]{0,60}?\bto (?:the )?"
        r"(?:[\w-]+ ){0,3}?(?P<b>{O})"), "funder", "recipient"),
    # "The foundation is providing X with a $3 million grant".
    (_c(r"(?P<a>{O})[^@]{0,60}?\b(?:provid\w*|gives|gave|given) (?P<b>{O}) with (?:a |an )?[^@]{0,40}?"
        r"\b(?:grant|award)"), "funder", "recipient"),
]


#: "... and it has been awarded a development grant of EUR 1.2 million by VLAIO".
_GRANTED_BY = _c(r"\b(?:has |have |had )?(?:been|was|were) (?:awarded|granted)\b[^@]{0,120}?\b(?:by|from) "
                 r"(?:the )?(?P<a>{O})")
_PRONOUN_END = re.compile(r"\b(?:it|they|the company)\s+$", re.I)


#: "Tamsin will receive £1.1m immediately from the Wellcome Trust": money from a public or charitable funder.
_FROM_FUNDER = _c(r"(?P<b>{O}){G80}\b(?:will |to )?receiv\w*\s+(?:a |an )?(?:[$€£]|EUR|USD|GBP)[^@]{0,60}?\bfrom (?:the )?"
                  r"(?P<a>{O})")


#: "The Federal Ministry of Education and Research announced an additional €80 million to support CEPI", "pledged
#: a $30 million grant to the Seattle-based X".
_FUNDS_TO = _c(r"(?P<a>{O})[^@]{0,80}?\b(?:announc\w*|commit\w*|pledg\w*|provid\w*|contribut\w*|donat\w*|will give|gives)\b"
               r"[^@]{0,60}?(?:[$€£]|EUR|USD|GBP)[^@]{0,60}?\bto (?:support |fund )?(?:the )?(?:[\w-]+ ){0,3}?"
               r"(?P<b>{O})")


def _grant(masked: str, orgs: list[int], funders: set[int]) -> Finding | None:
    # Money a funder gives (the recipient may fund others, as CEPI does) or a company receives from a funder.
    for word, pattern, recipient_may_fund in (("to ", _FUNDS_TO, True), ("receiv", _FROM_FUNDER, False)):
        match = pattern.search(masked) if word in masked else None
        if match:
            funder, recipient = org_number(match, "a"), org_number(match, "b")
            if funder in funders and funder != recipient and (recipient_may_fund or recipient not in funders):
                return Finding("grant", {funder: "funder", recipient: "recipient"}, strength=0.75)
    if _PATENT_GRANT.search(masked):
        return None
    if _GRANTS_RIGHTS.search(masked):
        return None   # "Hanbit grants the Company an exclusive, royalty-bearing license": a licence, no grant.
    for pattern, first, second in _GRANT:
        match = pattern.search(masked)
        if match and org_number(match, "a") != org_number(match, "b"):
            roles = {org_number(match, "a"): first, org_number(match, "b"): second}
            return Finding("grant", roles, strength=0.85)
    match = _GRANTED_BY.search(masked)
    if match:
        funder, before = org_number(match, "a"), [int(k) for k in ORG.findall(masked[:match.start()])]
        before = [k for k in before if k != funder]
        if before:
            recipient = before[0] if _PRONOUN_END.search(masked, 0, match.start()) else before[-1]
            return Finding("grant", {funder: "funder", recipient: "recipient"}, strength=0.8)
    return None


def grant_funders(masked: str) -> set[int]:
    """Organisations a sentence names as the funders of a grant ("awarded a grant ... by X")."""
    if "grant" not in masked and "award" not in masked:
        return set()
    return {org_number(m, "a") for m in _GRANTED_BY.finditer(masked)}


def _ipo(masked: str, orgs: list[int], funders: set[int]) -> Finding | None:
    if _NOT_AN_IPO.search(masked):
        return None
    return Finding("ipo", {orgs[0]: "issuer"}, strength=0.8)


ROLE_READERS = {
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
