"""Text to candidate relations: the steps of :func:`extract_document` in order.

1. read the layout (:mod:`.layout`): date the release from its dateline
   (else the first date near the top), keep the preamble without kickers,
   cut the boilerplate from its first heading, drop quoted speech;
2. find organisations (:mod:`.mentions`), leave regulators out and mask the
   others as ``@k@``;
3. read type and roles per sentence (:mod:`.relations`), leaving out past
   deals told as background (:mod:`.background`) and, in a results release,
   everything not said to happen today; add members and investors listed in
   sentences of their own; settle roles a sentence leaves open
   (:mod:`.settle`);
4. merge what several sentences say about one relation, one type per deal,
   and attach the amounts (:mod:`.terms`) to the relation whose terms they are.

The method follows literature-based alliance counting (Hagedoorn 2002).

References
----------
Hagedoorn, J. (2002). Inter-firm R&D partnerships: an overview of major trends
and patterns since 1960. *Research Policy* 31(4), 477-492.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from .background import is_recap
from .chunks import HEADS, has_legal_suffix
from .clusters import Cluster
from .dates import find_dates
from .gazetteer import Gazetteer, builtin_gazetteer
from .kinds import CHARITABLE_FUNDERS, FUNDER_KINDS, kind_of
from .layout import read_layout
from .mentions import DocumentMentions, find_mentions, list_items
from .programmes import programme_recipients
from .readers import Document, read_documents
from .relations import Finding, classify_sentence, develops_and_sells, without_appositions
from .settle import settle_roles, upgrade_to_license
from .terms import News, relation_terms, term
from .triggers import ORG, folded

__all__ = ["Candidate", "extract_document", "extract_paths"]

_TODAY = re.compile(r"\b[Tt]oday\b")
_TITLE_WORD = re.compile(r"\b[A-Za-z][a-z]{3,}\b")
_MANY_ROLES = {"investor", "partner", "parent"}


@dataclass
class Candidate:
    """A candidate relation found in a document (the JSON line of ``bioregion extract``)."""

    source: str
    type: str
    parties: list[dict[str, str]]
    date: str | None
    terms: list[dict[str, object]] = field(default_factory=list)
    option: bool = False
    evidence: str = ""
    confidence: float = 0.5
    title: str = ""
    descriptors: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        """The DESIGN section 4 record."""
        record = {"source": self.source, "type": self.type, "parties": self.parties, "date": self.date,
                  "terms": self.terms, "option": self.option, "evidence": self.evidence,
                  "confidence": round(self.confidence, 2)}
        record["context"] = {"title": self.title, "descriptors": self.descriptors}
        return record


@dataclass
class _Draft:
    finding: Finding
    sentence: int
    #: An award of a programme (:mod:`.programmes`): its value is the amount its own recipient is given.
    award: bool = False


def extract_paths(paths: Iterable[str], gazetteer: Gazetteer | None = None) -> Iterator[Candidate]:
    """Yield the candidate relations of every document under ``paths``."""
    gazetteer = gazetteer or builtin_gazetteer()
    for document in read_documents(paths):
        yield from extract_document(document, gazetteer)


def extract_document(document: Document, gazetteer: Gazetteer | None = None) -> list[Candidate]:
    """Return the candidate relations stated by one document.

    Examples
    --------
    >>> from bioregion.extract.readers import document_from_text
    >>> doc = document_from_text("pr.txt", "Deal\\n\\nBOSTON, Jan. 5, 2016 -- Acme Therapeutics, Inc. "
    ...     "today announced that it has acquired Zeta Bio Ltd for $40 million.")
    >>> [(c.type, c.parties, c.date, c.terms) for c in extract_document(doc)]   # doctest: +NORMALIZE_WHITESPACE
    [('acquisition', [{'name': 'Acme Therapeutics, Inc.', 'role': 'acquirer'},
      {'name': 'Zeta Bio Ltd', 'role': 'target'}], '2016-01-05',
      [{'component': 'value', 'amount': 40000000, 'currency': 'USD'}])]
    """
    gazetteer = gazetteer or builtin_gazetteer()
    date, texts, title_used, lead = _sentences(document)
    if not texts:
        return []
    mentions = find_mentions(texts, gazetteer, first_body=min(lead, len(texts) - 1))
    keys = list(mentions.clusters)
    kinds = [kind_of(mentions.clusters[k]) for k in keys]
    regulators = {k for k, kind in zip(keys, kinds) if kind == "regulator"}
    masked = [_mask(text, [m for m in ms if m.key not in regulators and not _territory(text, m)], keys)
              for text, ms in zip(texts, mentions.sentences)]
    funders = {i for i, kind in enumerate(kinds) if kind in FUNDER_KINDS or keys[i][3:] in CHARITABLE_FUNDERS}
    news = News(texts, date)
    recap = is_recap(document.title or texts[0])
    drafts = []
    _resolve_epithets(masked)
    for index, sentence in enumerate(masked):
        if "@" not in sentence or (recap and not _TODAY.search(sentence)):
            continue
        findings = classify_sentence(sentence, funders)
        if findings and "contract" in sentence:
            _procurement(findings, sentence)
        if findings and not news.is_history(index):
            drafts.extend(_Draft(finding, index) for finding in findings)
    announcer = keys.index(mentions.announcer) if mentions.announcer in keys else None
    _drop_products_sold(drafts, masked, [mentions.clusters[k] for k in keys])
    _add_listed_members(drafts, masked, funders, news)
    _funded_partnerships(drafts, masked, funders)
    _selected_for_funding(drafts, masked, funders, news)
    _consortium_grant(drafts, masked, funders, news)
    _agency_contracts(drafts, masked, funders, news)
    drafts.extend(_Draft(finding, index, award=True) for index, finding in programme_recipients(
        masked, funders, lead, news.is_history))
    settle_roles(drafts, masked, kinds, announcer)
    upgrade_to_license(drafts, masked, " ".join(texts), kinds, announcer)
    _co_development_by_purpose(drafts, masked)
    title_last = sorted(drafts, key=lambda d: (d.sentence < lead, d.sentence))
    merged = [d for d in _merge(title_last, announcer) if not _fund_raising(d, kinds)]
    _venture_named(merged, masked)
    _round_investee(merged, masked)
    return [_candidate(document, d, texts, news, mentions, keys, date, merged, title_used) for d in merged]


#: "The New Jersey drugmaker has agreed to buy X": a sentence opening on an epithet names the last sentence's subject.
_EPITHET = re.compile(r"^(?:The|the) (?:[A-Z][\w.-]*(?: [A-Z][\w.-]*)* |[\w-]+ ){0,2}(?:drugmaker|pharma(?:ceutical)? "
                      r"(?:company|giant|group|major)|biotech|buyer|acquirer|suitor|pharma)\b(?! \w+ @)")
_SUBJECT = re.compile(r"^\s*(@\d+@)(?:['’]s)?\s+(?!\()")


#: "has been awarded a contract by BARDA": an agency buying development or supplies is a client, not a funder.
_CONTRACT_AWARD = re.compile(r"\b(?:awards?|awarded|received|won|secured|signed)(?: @\d+@(?:\s*\([^()]*\))?)? "
                             r"(?:a |an |the )?(?:[\w$€£.,-]+ ){0,3}contract\b")
_GRANT_WORD = re.compile(r"\bgrant\b|\bcooperative agreement\b", re.I)


def _procurement(findings: list[Finding], sentence: str) -> None:
    """A public funder's contract ("awarded a contract by BARDA") is contract services: the agency the client."""
    if not _CONTRACT_AWARD.search(sentence) or _GRANT_WORD.search(sentence):
        return
    for finding in findings:
        if finding.type == "grant" and finding.roles:
            finding.type = "contract_services"
            finding.roles = {k: ("client" if role == "funder" else "provider") for k, role in finding.roles.items()}


def _resolve_epithets(masked: list[str]) -> None:
    """Journalists name the buyer by an epithet after naming it ("Vantor is going all in ... The New Jersey
    drugmaker has agreed to buy Cellwright"): the epithet opening a sentence is the previous sentence's subject."""
    for index in range(1, len(masked)):
        sentence = masked[index]
        if sentence[:4] not in ("The ", "the "):
            continue
        epithet = _EPITHET.match(sentence)
        subject = _SUBJECT.match(masked[index - 1]) if epithet else None
        if subject:
            masked[index] = subject.group(1) + sentence[epithet.end():]


#: "will register, distribute and promote Eurartesim", "co-promote Primsol", "marketing rights to Binotal": what a
#: deal develops or sells.
_SOLD = re.compile(r"\b(?:develop|market|commerciali[sz]e|promote|co-promote|distribute|sell|launch|register)"
                   r"(?:s|d|ed|ing)? (?:the |its )?@(\d+)@(?!['’])|"
                   r"\brights (?:to|for|of) (?:the |its )?@(\d+)@(?!['’])")


def _drop_products_sold(drafts: list[_Draft], masked: list[str], clusters: list[Cluster]) -> None:
    """A partner that is what the deal develops or sells, and whose name is no organisation's (no legal suffix,
    no head word, not known), is a product ("distribute and promote Eurartesim"): no party. Two partners stay."""
    for draft in drafts:
        roles = draft.finding.roles
        if set(roles.values()) != {"partner"}:
            continue
        for match in _SOLD.finditer(masked[draft.sentence]):
            key = int(match.group(1) or match.group(2))
            if key in roles and len(roles) > 2 and _product_like(clusters[key]):
                del roles[key]


def _product_like(cluster: Cluster) -> bool:
    """Whether a cluster's names are all a product's: none known, none with a legal suffix or a head word."""
    return cluster.entry is None and not any(
        has_legal_suffix(name) or name.split()[-1] in HEADS for name in cluster.names)


#: "officially launched on 3 April 2024"; "On June 16, 2025, the Company signed the License Agreement".
_EVENT_ON = re.compile(r"\b(?:launched|announced|signed|closed|completed|unveiled|agreed) on (?=\d|[A-Z][a-z]+ \d)|"
                       r"(?:^|[\n.]\s*)On (?=(?:\d|[A-Z][a-z]+ \d)[^.\n]{0,20}?,[^.\n]{0,80}?\b(?:signed|entered into|"
                       r"announced|completed|closed|agreed|executed)\b)")


def _sentences(document: Document) -> tuple[str | None, list[str], bool, int]:
    """The date, the news sentences (title first when it reads as a sentence), and the lead's index."""
    body = document.text.strip()
    layout = read_layout(body)
    date = layout.date
    if date is None:
        near = find_dates(body[:400]) or find_dates(document.title)
        if not near:
            # A story without a dateline: the date it gives its event ("officially launched on 3 April 2024").
            event = _EVENT_ON.search(body[:3000])
            near = find_dates(body[event.end():event.end() + 40]) if event else []
        date = near[0][1] if near else None
    texts = layout.sentences
    title = document.title.strip()
    words = _TITLE_WORD.findall(title)
    title_case = words and sum(w[0].isupper() for w in words) / len(words) > 0.6
    if title and not title_case:
        return date, [title] + texts, True, layout.lead + 1
    return date, texts, False, layout.lead


#: "in the United States and the European Union": the Union as a territory, not as a funder.
_IN_TERRITORY = re.compile(r"\b(?:in|across|throughout|within|outside|into|markets? of|territor(?:y|ies) of)\s+(?:the\s+)?"
                           r"(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*,?\s+(?:and|or)\s+(?:the\s+)?)?$")


def _territory(text: str, mention) -> bool:
    """Whether a mention of the European Union names the territory ("in the United States and the EU")."""
    return text[mention.start:mention.end] in ("European Union", "EU") and bool(
        _IN_TERRITORY.search(text, max(0, mention.start - 60), mention.start))


def _mask(text: str, mentions, keys: list[str]) -> str:
    out, position = [], 0
    for mention in mentions:
        if mention.start < position:
            continue
        out.append(text[position:mention.start])
        out.append(f"@{keys.index(mention.key)}@")
        position = mention.end
    out.append(text[position:])
    return "".join(out)


#: "The other partners are ...", "The consortium also includes ...": members listed in a sentence of their own;
#: "The extension was led by X, with participation from Y": investors, likewise.
_LISTS = {
    "consortium": ("partner", re.compile(
        r"\b(?:partners|members|participants)\b(?: (?:of|in) the (?:consortium|project))? (?:are|include|includes|"
        r"comprise)\b|\b(?:consortium|project) (?:also )?(?:includes|comprises|brings together|consists of)\b|"
        r"\bbrings together\b(?=[^.]*:$)", re.I)),
    "venture_round": ("investor", re.compile(
        r"\b(?:co-)?led by\b|\bparticipation (?:from|of|by)\b|\binvestors? (?:in (?:the|this) (?:[\w-]+ ){0,2}?"
        r"(?:round|financing) )?(?:include|includes|included|including|are|were)\b|\b(?:investors?|backers?) (?=@)|"
        r"\b(?:round|financing) (?:also )?(?:featured|included|includes|drew)\b", re.I)),
}
_LISTS = {rel_type: (role, folded(listing)) for rel_type, (role, listing) in _LISTS.items()}


#: "InterWest, Arch and Clarus co-led the financing.", "Kurma, which led the seed round, is also participating.":
#: investors named before the verb, in a sentence of their own.
_INVESTORS_BEFORE = re.compile(
    r"^\W*(?:(?:[Nn]ew|[Ee]xisting|VC|[Vv]enture|[Ii]nvestment|[Pp]rivate [Ee]quity|[Ii]nvestors?|[Bb]ackers?|firms?)"
    r"\s+){0,3}"
    r"((?:@\d+@(?:\s*\([^()]*\))?(?:,\s*|,?\s+and\s+))*@\d+@)(?:\s*\([^()]*\))?(?:,[^,]{0,120},)?\s+"
    r"(?:(?:co-)?led (?:the|this) (?:[\w$€£.,-]+ ){0,3}?(?:round|financing)|"
    r"(?:(?:is|are|was|were) )?also (?:participat\w*|took part|invested|contributed)|(?:also )?took part\b|"
    r"(?:also )?(?:joined|participated in) (?:the|this) (?:[\w$€£.,-]+ ){0,3}?(?:round|financing))")


def _add_listed_members(drafts: list[_Draft], masked: list[str], funders: set[int], news: News) -> None:
    """Add the members (investors) a later sentence lists to the release's consortium (venture round)."""
    taken = {d.sentence for d in drafts}
    _add_investors_before(drafts, masked, funders, news, taken)
    for rel_type, (role, listing) in _LISTS.items():
        relation = next((d for d in drafts if d.finding.type == rel_type), None)
        items = list_items(masked) if rel_type == "consortium" and any(s.endswith(":") for s in masked) else set()
        if relation is None and items:
            relation = _listed_consortium(masked, items, funders, news)
            if relation is not None:
                drafts.append(relation)
                taken.add(relation.sentence)
        if relation is None:
            continue
        for index, sentence in enumerate(masked):
            listed = listing.search(sentence) if index not in taken and not news.is_history(index) else None
            found = [int(k) for k in ORG.findall(sentence, listed.end())] if listed else []
            if listed and sentence.endswith(":"):
                # "The consortium brings together:" and one member per line.
                following = index + 1
                while following in items:
                    found += [int(k) for k in ORG.findall(masked[following])[:1]]
                    following += 1
            described = {int(k) for k in _AFFILIATE_OF.findall(sentence)}
            for key in found:
                if key not in funders and key not in relation.finding.roles and key not in described:
                    relation.finding.roles[key] = role


def _add_investors_before(drafts: list[_Draft], masked: list[str], funders: set[int], news: News,
                          taken: set[int]) -> None:
    """Add to the release's venture round the investors a later sentence opens on (:data:`_INVESTORS_BEFORE`)."""
    relation = next((d for d in drafts if d.finding.type == "venture_round"), None)
    if relation is None:
        return
    for index, sentence in enumerate(masked):
        listed = _INVESTORS_BEFORE.match(sentence) if index not in taken and "@" in sentence[:40] else None
        if listed is None or news.is_history(index):
            continue
        for key in (int(k) for k in ORG.findall(listed.group(1))):
            if key not in funders and key not in relation.finding.roles:
                relation.finding.roles[key] = "investor"


#: "X, an affiliate of Y,": Y describes X, it is no member of the list.
_AFFILIATE_OF = re.compile(r"\b(?:affiliate|subsidiary|unit|division|arm) of (?:the )?@(\d+)@")
_CONSORTIUM_HEADER = re.compile(r"\b(?:consortium|project|partnership|initiative)\b[^.]{0,40}\b(?:brings together|"
                                r"includes|comprises|consists of|members|partners)\b[^.]*:$", re.I)


def _listed_consortium(masked: list[str], items: set[int], funders: set[int], news: News) -> _Draft | None:
    """"The ARGOS consortium brings together:" and one member per line: a consortium of the listed members."""
    for index, sentence in enumerate(masked):
        if not sentence.endswith(":") or news.is_history(index) or not _CONSORTIUM_HEADER.search(sentence):
            continue
        members, following = [], index + 1
        while following in items:
            members += [int(k) for k in ORG.findall(masked[following])[:1] if int(k) not in funders]
            following += 1
        members = list(dict.fromkeys(members))
        if len(members) >= 2:
            return _Draft(Finding("consortium", {k: "partner" for k in members}, strength=0.7), index)
    return None


_FUNDING = re.compile(r"\bfund(?:s|ed|ing)?\b|\bgrant|\baward", re.I)
#: "the European Innovation Council (EIC) has selected Fagnes Biologics in the March 2025 cut-off".
_SELECTED = re.compile(r"(@\d+@)(?:\s*\([^()@]*\))?[^@]{0,30}?\b(?:has |have |had )?(?:selected|chosen|picked)\s+(@\d+@)")


#: "BARDA awarded a $48 million contract to Calloway Biologics"; "X will develop ... under a task order from BARDA".
_AGENCY_CONTRACT = (
    re.compile(r"(?P<a>@\d+@)(?:\s*\([^()]*\))?[^@]{0,30}?\b(?:has |have )?award(?:ed|s)\s+(?:a|an|the)\s+[^@]{0,60}?"
               r"\b(?:contract|task order)\b[^@]{0,40}?\bto (?P<b>@\d+@)"),
    re.compile(r"(?P<b>@\d+@)[^@]{0,200}?\bunder (?:a|an|the) (?:[\w$.,-]+ ){0,4}?(?:contract|task order) "
               r"(?:from|with|awarded by|by) (?:the )?(?P<a>@\d+@)"),
    # "X wins a $10 million contract from BARDA", "X has secured a five-year contract with the NIH"
    re.compile(r"(?P<b>@\d+@)[^@]{0,80}?\b(?:wins|won|has won|secures|secured|has secured|receives|received|"
               r"has received|lands|landed|is awarded|was awarded|has been awarded) (?:a |an |the )?"
               r"(?:[\w$.,-]+ ){0,5}?(?:contract|task order) (?:from|with|by) (?:the )?(?P<a>@\d+@)"),
)


def _agency_contracts(drafts: list[_Draft], masked: list[str], funders: set[int], news: News) -> None:
    """A contract or task order a public agency awards a company: contract services, the agency the client."""
    for index, sentence in enumerate(masked):
        if ("contract" not in sentence and "task order" not in sentence) or news.is_history(index):
            continue
        sentence = without_appositions(sentence)
        for pattern in _AGENCY_CONTRACT:
            found = pattern.search(sentence)
            if found is None:
                continue
            client, provider = (int(found.group(g).strip("@")) for g in ("a", "b"))
            if client in funders and provider not in funders and not any(
                    client in d.finding.roles and provider in d.finding.roles for d in drafts):
                drafts.append(_Draft(Finding("contract_services", {client: "client", provider: "provider"},
                                             strength=0.75), index))
            break


_TO_THE_PARTNERS = re.compile(r"\b(?:the|its|all|our)\s+(?:\w+\s+)?(?:partners|consortium|consortium members|members)\b")


def _consortium_grant(drafts: list[_Draft], masked: list[str], funders: set[int], news: News) -> None:
    """A funder's grant to "the five partners" (or "the consortium") is a grant to each member of the consortium."""
    consortium = next((d for d in drafts if d.finding.type == "consortium"), None)
    if consortium is None or any(d.finding.type == "grant" for d in drafts):
        return
    for index, sentence in enumerate(masked):
        if not _FUNDING.search(sentence) or not _TO_THE_PARTNERS.search(sentence) or news.is_history(index):
            continue
        named = {int(k) for k in ORG.findall(sentence)}
        if len(named) == 1 and named <= funders:
            roles = {named.pop(): "funder"}
            roles.update({k: "recipient" for k in consortium.finding.roles})
            drafts.append(_Draft(Finding("grant", roles, strength=0.7), index))
            return


def _selected_for_funding(drafts: list[_Draft], masked: list[str], funders: set[int], news: News) -> None:
    """A public funder that selects a company, with a grant in that sentence or the next, awards it a grant."""
    for index, sentence in enumerate(masked):
        selected = _SELECTED.search(sentence) if "selected" in sentence or "chosen" in sentence or "picked" in sentence \
            else None
        if selected is None or news.is_history(index):
            continue
        funder, recipient = (int(g.strip("@")) for g in selected.groups())
        said = " ".join(masked[index:index + 2])
        if funder in funders and recipient not in funders and _FUNDING.search(said) and not any(
                d.finding.type == "grant" and funder in d.finding.roles for d in drafts):
            drafts.append(_Draft(Finding("grant", {funder: "funder", recipient: "recipient"}, strength=0.7), index))


def _funded_partnerships(drafts: list[_Draft], masked: list[str], funders: set[int]) -> None:
    """A public funder's "partnership" that funds the other party is a grant (CEPI, BARDA, IMI as funders)."""
    for draft in drafts:
        finding = draft.finding
        if finding.type == "rd_collaboration" and len(finding.roles) == 2 and _FUNDING.search(masked[draft.sentence]):
            funder = [k for k in finding.roles if k in funders]
            if len(funder) == 1:
                finding.type = "grant"
                finding.roles = {k: "funder" if k == funder[0] else "recipient" for k in finding.roles}


def _co_development_by_purpose(drafts: list[_Draft], masked: list[str]) -> None:
    """A collaboration whose partners both develop and sell the products ("to discover, develop and commercialize",
    "to promote X's drug") is a co-development (co-commercialisation in DESIGN's taxonomy); not when the same
    parties' deal is read as a licence."""
    licensed = [set(d.finding.roles) for d in drafts if d.finding.type in ("license", "co_development")]
    for draft in drafts:
        finding = draft.finding
        if finding.type == "rd_collaboration" and len(finding.roles) >= 2 and not any(
                len(set(finding.roles) & parties) >= 2 for parties in licensed) and develops_and_sells(
                masked[draft.sentence]):
            finding.type = "co_development"


def _fund_raising(draft: _Draft, kinds: list[str | None]) -> bool:
    """An investor raising money closes a fund (limited partners commit to it); that is no venture round."""
    return draft.finding.type == "venture_round" and any(
        kinds[k] in ("venture_capital", "public_investor") for k, role in draft.finding.roles.items()
        if role == "investee")


def _merge(drafts: list[_Draft], announcer: int | None) -> list[_Draft]:
    """One relation per type and party set; every venture round of a release is the same round."""
    merged: list[_Draft] = []
    for draft in drafts:
        finding = draft.finding
        if finding.type == "equity_investment" and len(finding.roles) == 1 and announcer is not None:
            finding.roles.setdefault(announcer, "investee")
        if finding.type == "venture_round" and announcer is not None and "investee" not in finding.roles.values():
            finding.roles.setdefault(announcer, "investee")
        same = next((m for m in merged if m.finding.type == finding.type and (
            finding.type in ("venture_round", "ipo") or set(m.finding.roles) & set(finding.roles))
            and not _other_funder(m.finding, finding) and not _other_counterpart(m.finding, finding)), None)
        if same is None:
            merged.append(draft)
            continue
        filled = set(same.finding.roles.values()) - _MANY_ROLES
        for key, role in finding.roles.items():
            if role not in filled:
                same.finding.roles.setdefault(key, role)
        same.finding.strength = min(0.95, max(same.finding.strength, finding.strength) + 0.05)
        same.finding.option = same.finding.option or finding.option
    merged = [m for m in merged if len(m.finding.roles) >= (1 if m.finding.type == "ipo" else 2)]
    return [m for m in merged if not _subsumed(m, merged)]


#: "(1) Name: HV Cell Therapeutics K.K." in a joint venture's overview: the venture itself.
_VENTURE_NAME = re.compile(r"(?:^|\(\d+\)|\n|\d\.)\s*(?:Name|Company name|Trade name|Name of the (?:joint venture|JV|new)"
                           r"(?: company)?)\s*:\s*(@\d+@)")


#: "Therachon plans to use the proceeds to advance ...": the company that raised the round.
_PROCEEDS_USER = re.compile(r"(@\d+@) (?:plans|intends|expects|will|is going|is expected) to use (?:the )?(?:net )?proceeds")


def _round_investee(merged: list[_Draft], masked: list[str]) -> None:
    """A round whose sentence names only investors: the company that will use the proceeds raised it."""
    rounds = [d for d in merged if d.finding.type == "venture_round" and "investee" not in d.finding.roles.values()]
    for draft in rounds:
        for sentence in masked[draft.sentence + 1:draft.sentence + 6]:
            user = _PROCEEDS_USER.search(sentence)
            if user:
                draft.finding.roles[int(user.group(1).strip("@"))] = "investee"
                break


def _venture_named(merged: list[_Draft], masked: list[str]) -> None:
    """The company an overview line names ("Name: X") is the joint venture's offspring, not a partner."""
    ventures = [d for d in merged if d.finding.type == "joint_venture"]
    for sentence in masked if ventures else ():
        named = _VENTURE_NAME.search(sentence)
        if named:
            key = int(named.group(1).strip("@"))
            for draft in ventures:
                draft.finding.roles[key] = "offspring"
            return


def _other_funder(first: Finding, second: Finding) -> bool:
    """Grants from two funders ("Bpifrance has granted ...; in addition, Région Occitanie has awarded ...") are two."""
    funders = [{k for k, role in f.roles.items() if role == "funder"} for f in (first, second)]
    return first.type == "grant" and all(funders) and not funders[0] & funders[1]


#: The roles of a funder's or a buyer's several counterparts: each award or contract is a relation of its own.
_EACH_ITS_OWN = {"grant": "recipient", "contract_services": "provider"}


def _other_counterpart(first: Finding, second: Finding) -> bool:
    """A funder's two awards, an agency's two contracts ("BARDA has awarded a similar contract to VaxInnate").

    The findings share the funder (client) but name two recipients (providers), neither in the other finding.
    """
    role = _EACH_ITS_OWN.get(first.type)
    ones = [{k for k, r in f.roles.items() if r == role} for f in (first, second)]
    return role is not None and all(ones) and not ones[0] & set(second.roles) and not ones[1] & set(first.roles)


#: A deal between the same parties has one type: an acquisition is no merger too (a reverse merger is an
#: acquisition), a co-development includes its co-commercialisation, and rights a licence grants are no
#: acquisition ("Tarvel Acquires Greater China Rights To Morrow Biosciences Antibody" over the in-licence), and
#: the start-up capital a parent puts into its spin-off is part of the spin-off.
_SUBSUMES = {"merger": ("acquisition",), "marketing_distribution": ("co_development",), "acquisition": ("license",),
             "equity_investment": ("spin_off",)}


def _subsumed(draft: _Draft, merged: list[_Draft]) -> bool:
    wider = _SUBSUMES.get(draft.finding.type, ())
    return any(m.finding.type in wider and len(set(m.finding.roles) & set(draft.finding.roles)) >= 2 for m in merged)


def _candidate(document: Document, draft: _Draft, texts: list[str], news: News, mentions: DocumentMentions,
               keys: list[str], date: str | None, merged: list[_Draft], title_used: bool) -> Candidate:
    finding = draft.finding
    parties = [{"name": mentions.clusters[keys[k]].name, "role": role} for k, role in finding.roles.items()]
    descriptors = {mentions.clusters[keys[k]].name: mentions.clusters[keys[k]].descriptor
                   for k in finding.roles if mentions.clusters[keys[k]].descriptor}
    confidence = finding.strength - (0.15 if title_used and draft.sentence == 0 else 0.0)
    terms = _award_terms(draft, news, mentions, keys, merged) if draft.award else relation_terms(draft, news, merged)
    return Candidate(document.source, finding.type, parties, date, terms,
                     finding.option, texts[draft.sentence], round(confidence, 2), document.title, descriptors)


def _award_terms(draft: _Draft, news: News, mentions: DocumentMentions, keys: list[str],
                 merged: list[_Draft]) -> list[dict[str, object]]:
    """The value of one award of a programme: the first amount after its recipient's name and before the next
    recipient's ("Recipients include X, which was awarded $3.9 million ...; Y, which will receive $1 million"), or
    the amount of a sentence that names only its recipient; none when the sentence states none (the programme's
    total in the lead is no award's)."""
    index = draft.sentence
    recipient = next(keys[k] for k, role in draft.finding.roles.items() if role in ("recipient", "provider"))
    others = {keys[k] for d in merged if d.award and d.sentence == index and d is not draft
              for k, role in d.finding.roles.items() if role in ("recipient", "provider")}
    named = mentions.sentences[index]
    start = next((m.start for m in named if m.key == recipient), 0)
    end = min((m.start for m in named if m.key in others and m.start > start), default=len(news[index]))
    amounts = [a for a in news.amounts(index) if start <= a.start < end] or (
        news.amounts(index) if not others else [])
    return [term("value", a.amount, a.currency) for a in amounts[:1]]
