"""The outcome a passage states: refused (and under which section), not held, referred
(and to whom). FOIA, FOISA (Scotland) and EIR cite different numbers for the same idea."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace

from foicollate.model import Status
from foicollate.names import body_key, find_bodies

# a sentence ends at . ! ? before a space or the end; "s.12", "4.6" and "foi@x.gov.uk" do not end one
# a hard-wrapped line that goes on in lower case ("... does not\nhold this information") is one sentence
# (as is one broken after "of the", "under", "by" ...: "section 33 of the\nEnvironmental Protection Act")
# (and one broken before a section number: "exempt under section\n21"); a wrapped table cell goes on indented
_WRAP_AFTER = "|".join(f"(?<=\\s{w})\\n" for w in ("the", "of", "to", "and", "by", "in", "for", "under", "with", "a", "an",
                                                 "section", "regulation"))
_SENT = re.compile(r"(?:[^.!?\n|]|\n(?=[ \t]*[a-z])|" + _WRAP_AFTER + r"|[.!?](?![\s.!?]|$))+(?:[.!?]+(?=\s|$)|\n|\||$)")


_DIGIT = re.compile(r"\d")


@dataclass
class Cue:
    status: Status
    start: int  # offsets within the passage given
    end: int
    grounds: str | None = None
    referred_to: str | None = None
    strength: float = 0.9
    advice: bool = False  # a referral given only as advice ("you may wish to contact X, which may hold it")
    instruct: bool = False  # its sentence sends the request on ("please redirect your request to X", "transferred")
    holder: bool = False  # a referral whose sentence says the other body holds it ("is held by X, not the Council")
    link_only: bool = False  # a refusal read from a link alone ("published at https://..."), no exemption named


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (also split at newlines), trimmed of surrounding space."""
    out = []
    for m in _SENT.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


# Sections that are refusal grounds; procedural ones (1 right of access, 16 advice,
# 17 refusal notice, 10 time limit, 50 ICO) are never grounds.
_FOIA_GROUNDS = {12, 14, 21, 22, 23, 24, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41,
                 42, 43, 44}
_FOISA_GROUNDS = {12, 14, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41}
_SECTION = re.compile(
    r"(?:\bsection\s{0,3}|(?:\bsec\.?|\bs\.?|§)\s?)(\d{1,2})(?:\s?\((\d)\))?(?:\s?\(([a-z])\))?(?!\d)", re.I)
_REGULATION = re.compile(r"\breg(?:ulation|\.)?\s?(10|12|13)\s?(?:\((\d)\)\s?(?:\(([a-z])\))?)?", re.I)

_COST = re.compile(
    r"appropriate\s+limit|cost\s+limit|18\s+hours|24\s+hours|£\s?450\b|£\s?600\b|cost\s+of\s+compliance|"
    r"exceed(?:s|ed)?\s+the\s+(?:cost|time|appropriate)|(?:cost|time)\s+(?:limit|threshold)|excessive\s+cost",
    re.I,
)
_KEYWORD_GROUNDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"vexatious|repeated\s+request", re.I), "s14"),
    (re.compile(r"reasonably\s+accessible|accessible\s+to\s+(?:you|the\s+applicant)\s+by\s+other\s+means|"
                r"otherwise\s+accessible", re.I), "s21"),
    (re.compile(r"(?:intended|intention)\s+(?:for|to)\s+(?:future\s+)?publi|future\s+publication", re.I), "s22"),
    (re.compile(r"law\s+enforcement|prevention\s+or\s+detection\s+of\s+crime", re.I), "s31"),
    (re.compile(r"commercial(?:ly)?\s+(?:interests?|sensitive|confidential)|trade\s+secret", re.I), "s43"),
    (re.compile(r"personal\s+(?:data|information)|(?:fewer|less)\s+than\s+(?:5|five|10|ten)\b|"
                r"(?:below|under)\s+(?:5|five)\b|small\s+numbers|could\s+(?:lead\s+to\s+the\s+)?identif", re.I),
     "s40"),
    (re.compile(r"legal\s+professional\s+privilege", re.I), "s42"),
    (re.compile(r"national\s+security", re.I), "s24"),
    (re.compile(r"health\s+and\s+safety|endanger", re.I), "s38"),
]
_STANCE = re.compile(  # word starts only ("cannot be disclosed" by its own alternative)
    r"\b(?:exempt|exemption|withh[oe]ld|refus|(?:can)?not\s+(?:be\s+)?(?:disclos|provid|releas|supplied|able\s+to\s+(?:provide|"
    r"disclose|release|comply))|unable\s+to\s+(?:provide|disclose|release|comply|supply|answer)|cannot\s+"
    r"(?:provide|disclose|release|comply|supply)|can\s?not\s+(?:provide|disclose)|neither\s+confirm\s+nor\s+deny|"
    r"would\s+exceed|will\s+exceed|exceeds?\b|applies|applied|engaged|relying\s+on|rely\s+on|redact|"
    r"decline|not\s+obliged|not\s+required\s+to|outside\s+the\s+scope|not\s+in\s+the\s+public\s+interest)",
    re.I,
)
# another body said to hold the information: "is held by X", "X holds this information"
_HELD_BY = re.compile(r"\b(?:is|are|would\s+be)\s+held\s+by\b|\bholds?\s+(?:this|that|these|the|all|any)\s+"
                      r"(?:\w+\s+)?(?:information|data|records?|figures)\b", re.I)
_SMALL_NUMBER = re.compile(r"\b(?:fewer|less)\s+than\s+(?:5|five|10|ten|3|three)\b|\b(?:<|under)\s?5\b", re.I)
# ("a small number of shared rooms" only describes; "small numbers" suppressed to protect people is a refusal)
_FEWER_THAN_FIVE = re.compile(r"\b(?:fewer|less)\s+than\s+(?:5|five)\b|<\s?5\b", re.I)
_SMALL_NUMBERS = re.compile(r"\bsmall\s+numbers?\b", re.I)
_PROTECTING = re.compile(r"\b(?:identif|withh[oe]ld|suppress|redact|protect|disclos|personal|confidential|anonym)", re.I)
_PUBLISHED = re.compile(
    r"\b(?:published|available|accessible|found|viewed|set\s+out|can\s+be\s+(?:seen|read|downloaded))\s+"
    r"(?:\w+\s+){0,3}?(?:at|on|via|from|in)\s+(?:our\s+website\s*(?:at\s*)?)?(?:<?https?://\S+|www\.\S+)",
    re.I,
)
# Words that any _STANCE match contains (a cheap check before the pattern itself).
_STANCE_KEYS = ("exempt", "withh", "refus", "not", "unable", "cannot", "can not", "neither", "exceed", "appl",
                "engaged", "rely", "relying", "redact", "declin", "oblig", "required", "scope", "public interest")
_NCND = re.compile(r"neither\s+confirm(?:s|ing)?\s+n?or\s+den(?:y|ies|ying)|\bncnd\b", re.I)

_NOT_HELD = re.compile(
    r"\bnot\s+held\b|^\W*not\s+(?:currently\s+|centrally\s+|routinely\s+|separately\s+)?(?:recorded|collected|"
    r"collated|kept|logged|captured|available|known)\b|\b(?:do|does|did)\s*(?:n[o']t|not)\s+(?:currently\s+|centrally\s+|routinely\s+|specifically\s+)?"
    r"(?:hold|have|keep|record|collect|collate|retain|capture|maintain|log|store|monitor|track|compile|gather)"
    r"(?:\s+(?:or\s+)?(?:hold|have|keep|record|collect|collate|retain|capture|maintain|log|store|monitor|track))?"
    r"(?!\s+(?:any\s+)?(?:plans?|intention|contracts?|staff|employees|drones|cameras|devices|policy|policies|"
    r"incidents?|cases?|complaints?|claims?|vacancies|vehicles|any\s+(?:staff|employees)))|"
    r"\b(?:is|are|was|were|has\s+been|have\s+been)\s+not\s+(?:currently\s+|centrally\s+|routinely\s+|specifically\s+)?"
    r"(?:held|recorded|collected|collated|kept|logged|captured|retained|maintained|monitored|tracked|available)\b|"
    r"\bno\s+(?:such\s+|specific\s+|central\s+|relevant\s+|recorded\s+)?(?:records?|data|information|metrics|figures|"
    r"statistics)\s+(?:is\s+|are\s+|was\s+|were\s+)?(?:held|exists?|kept|available|recorded|in\s+the\s+terms)|"
    r"\bthere\s+(?:are|is|were|was)\s+no\s+(?:specific\s+|such\s+|central\s+|relevant\s+)?(?:records?|data|metrics|"
    r"figures|statistics|information)\b|"
    r"\bholds?\s+no\s+(?:recorded\s+)?(?:information|data|records?)|\bno\s+recorded\s+information|"
    r"\bwe\s+have\s+no\s+(?:information|data|records?)\b|\b(?:information|data)\s+(?:is|are)\s+not\s+"
    r"(?:held|recorded|available)|\bnot\s+(?:hold|record|collect|collate)\s+(?:this|that|the|any|such)|"
    r"\bnot\s+(?:something|information|data)\s+(?:that\s+)?(?:we|the\s+council)\s+(?:hold|record|collect|keep)|"
    r"\bunable\s+to\s+locate\s+any|\bdoes\s+not\s+exist\b|"
    # "The Council has no policy on ...", as "does not have a policy" (a document that is not there)
    r"\b(?:has|have|had)\s+no\s+(?:written\s+|formal\s+|specific\s+|such\s+|agreed\s+|published\s+)?"
    r"(?:policy|policies|procedure|strategy)\b|"
    r"\b(?:holds?|have|has|keeps?)\s+none\s+of\s+the\s+(?:\w+\s+)?(?:information|data|records?|details)\b",
    re.I,
)
_REFER = re.compile(  # every phrase starts a word: the \b lets the engine skip the other positions fast
    r"\b(?:(?:re)?direct\s+(?:(?:your|the|this|these|those|that)\s+)?(?:request|enquiry|query|questions?|parts?)|"
    r"refer\s+(?:(?:your|the|this|these)\s+)?(?:foi\s+|freedom\s+of\s+information\s+)?(?:request|enquiry|query|questions?)|"
    r"(?:please\s+)?(?:contact|approach|write\s+to|apply\s+to|submit\s+(?:your|a)\s+request\s+to)\s+(?=[A-Z]|the\s+)|"
    r"(?:is|are)\s+(?:the\s+)?responsib(?:le|ility)\s+(?:of|for)|(?:is|are)\s+(?:a\s+)?(?:matter|function)\s+for|"
    r"(?:is|are|would\s+be|may\s+be)\s+(?:all\s+|also\s+|now\s+|instead\s+)?(?:owned\s+and\s+)?(?:held|provided|managed|run|administered|dealt\s+with|delivered|"
    r"commissioned|responsible|maintained|operated|carried\s+out|funded)\s+by|"
    r"(?:send|forward|address|submit|make)\s+(?:your|the|this|a)\s+(?:request|enquiry|questions?)\s+(?:to|direct)|"
    r"(?:should|must|would\s+need\s+to|will\s+need\s+to|need\s+to)\s+(?:therefore\s+|instead\s+)?be\s+(?:sent|directed|"
    r"addressed|made|submitted|redirected|forwarded|referred)\s+to|"
    r"(?:you\s+(?:may|might|will|would)\s+(?:wish|need|want)\s+to|we\s+suggest\s+(?:that\s+)?you|we\s+would\s+"
    r"(?:advise|suggest)\s+(?:that\s+)?you|i\s+would\s+suggest\s+(?:that\s+)?you)\s+(?:contact|approach|direct|"
    r"submit|write\s+to|send|re-?submit|redirect|make)|"
    r"not\s+(?:provided|delivered|held)\s+at\s+(?:a\s+)?(?:district|borough|county)\s+level|"
    r"not\s+(?:a\s+)?(?:function|responsibility|service)\s+(?:of|provided\s+by)\s+(?:this|the)\s+(?:council|authority)|"
    r"(?:transferred|forwarded|passed)\s+(?:your\s+request\s+)?(?:on\s+)?to|"
    r"(?:may|might|will|would)\s+(?:be\s+able\s+to\s+help|hold\s+(?:this|the|that|some))|"
    r"(?<!not\s)(?<!n't\s)(?<!\bdo\s)(?<!\bwe\s)\b(?:holds|keeps|hold|keep)\s+(?:this|the|that)\s+(?:information|data)\b)",
    re.I,
)


_OWN_TEAM = re.compile(r"\s*(?:the\s+|our\s+|a\s+)?(?:[A-Z][\w&-]*\s+){0,4}(?:team|department|directorate|division|"
                       r"unit|section|officers?|manager)\b", re.I)
_SOME_BODY = re.compile(
    r"\b(?:the\s+)?(?:district|borough|county|city|parish|town|unitary|relevant|local|appropriate|other)\s+"
    r"(?:and\s+\w+\s+)?(?:councils?|authorit(?:y|ies))\b|\bthe\s+(?:relevant|appropriate)\s+(?:body|bodies|"
    r"organisation|department)|\bthe\s+police\b|\bpolice\s+force\b|\bnhs\b|\bthe\s+(?:school|academy|trust)\b|"
    r"\bgovernment\s+department|\bthe\s+chief\s+constable\b",
    re.I,
)


_OTHER_ACT = re.compile(r"\s*(?:\(\w\)\s*)*of\s+the\s+(?!(?i:freedom\s+of\s+information|foi|act\b|data\s+protection|"
                        r"environmental\s+information))"
                        r"[A-Z][\w ]{2,60}?\b(?:Act|Regulations)\b")


_FOI_CONTEXT = re.compile(r"\b(?:the\s+act|foi(?:a|sa)?|freedom\s+of\s+information|eir|environmental\s+information|"
                          r"regulations?|exemption|public\s+interest)\b", re.I)


def grounds_in(text: str, scottish: bool) -> list[tuple[int, int, str]]:
    """Section or regulation citations that are refusal grounds, in order."""
    out: list[tuple[int, int, str]] = []
    valid = _FOISA_GROUNDS if scottish else _FOIA_GROUNDS
    for m in _SECTION.finditer(text):
        # "s.12" inside words such as "courses 12" is excluded by requiring a word start
        if m.group(0)[0].lower() == "s" and m.start() > 0 and text[m.start() - 1].isalnum():
            continue
        if _OTHER_ACT.match(text, m.end()):
            continue  # "section 42 of the Care Act 2014" is not an exemption
        n = int(m.group(1))
        if n in valid:
            out.append((m.start(), m.end(), f"s{n}"))
        elif scottish and n == 17:
            out.append((m.start(), m.end(), "s17"))
    for m in _REGULATION.finditer(text):
        if m.group(1) == "10" and m.group(2) not in ("4", "5"):
            continue  # EIR regulation 10 transfers a request; only the Scottish 10(4)/(5) are exceptions
        g = f"r{m.group(1)}"
        if m.group(2):
            g += f"({m.group(2)})"
            if m.group(3):
                g += f"({m.group(3).lower()})"
        out.append((m.start(), m.end(), g))
    out.sort()
    return out


_SCOTTISH = re.compile(r"\(Scotland\)\s+Act|FOISA|FOI\(S\)A|Scottish\s+Information\s+Commissioner")


def is_scottish(text: str) -> bool:
    """A reply under FOISA: it cites the Scottish Act or Commissioner (not on a line that names the
    2000 Act beside it, as a round-robin request to bodies in every nation does)."""
    for m in _SCOTTISH.finditer(text):
        line = text[text.rfind("\n", 0, m.start()) + 1: (text.find("\n", m.end()) + 1 or len(text) + 1) - 1]
        if "2000" not in line:
            return True
    return False


_LOWER_WORDS = re.compile(r"[a-z]+")
_REFER_WORDS = frozenset(
    ["direct", "redirect", "refer", "contact", "approach", "write", "apply", "submit", "responsible", "responsibility", "matter", "function", "held", "provided", "managed", "run", "administered", "dealt", "delivered", "commissioned", "maintained", "operated", "carried", "funded", "wish", "need", "want", "suggest", "advise", "district", "borough", "county", "level", "transferred", "forwarded", "passed", "help", "holds", "keeps", "hold", "keep", "send", "forward", "address", "make", "sent", "directed", "addressed", "made", "submitted", "redirected", "referred"])


# Words one of which any outcome statement contains (a cheap test before the patterns).
_MAY_CUE = ("not", "n't", "none", "exempt", "withh", "refus", "unable", "cannot", "limit", "hour", "cost", "£",
            "exceed", "neither", "vexatious", "repeat", "accessib", "publi", "enforcement", "crime", "commercial",
            "trade", "personal", "fewer", "below", "under", "small", "identif", "privilege", "security", "safety",
            "endanger", "hold", "held", "record", "exist", "locate", "collat", "collect", "http", "www.")
_MAY_CUE_RE = re.compile(r"\bno\b|less\s+than")


def _may_cue(low: str) -> bool:
    """Could this (lower-cased) sentence state an outcome at all?"""
    return any(k in low for k in _MAY_CUE) or _MAY_CUE_RE.search(low) is not None


def neither_confirm_nor_deny(text: str) -> bool:
    """Does the text neither confirm nor deny that information is held (a refusal of its own kind)?"""
    return bool(_NCND.search(text))


def _refer(sent: str) -> re.Match[str] | None:
    """The referral phrase in a sentence; the big pattern runs only where its words occur."""
    if _REFER_WORDS.isdisjoint(_LOWER_WORDS.findall(sent.lower())):
        return None
    m = _REFER.search(sent)
    if m and _RIGHTS.search(sent):
        return None  # "Internal review requests should be submitted to X Council": the requester's rights
    if m and m.group(0)[:4].lower() in ("hold", "keep") and _SELF_SUBJECT.match(sent[:m.start()]):
        return None  # "The Trust holds this information": the body itself
    return m


_SELF_SUBJECT = re.compile(r"^\W*(?:the\s+)?(?:trust|council|authority|board|force|service|department|icb|"
                           r"commissioner|partnership|we|i)\s+(?:can\s+confirm\s+(?:that\s+)?(?:it\s+|we\s+)?)?$", re.I)


# a body named as advice, not as the one that holds the information: "By way of advice and assistance,
# you may wish to contact the town councils", "the NHS providers ... that may hold this information are ..."
_ADVICE = re.compile(r"\badvice\s+and\s+assistance\b|\byou\s+(?:may|might)\s+(?:wish|want|like)\s+to\b|"
                     r"\b(?:may|might)\s+(?:hold|be\s+able\s+to\s+(?:help|assist))\b", re.I)
# ... unless it tells the requester where to send the request
_INSTRUCT = re.compile(r"\b(?:re-?direct\w*|refer\s+(?:your|the|this)|(?:forward|transferr?|pass)\w*\s+(?:your|the|this)\s+"
                       r"(?:request|enquiry|query|questions?)|send\s+(?:your|the|this)|"
                       r"submit\s+(?:your|the|this|a)|(?:should|must|would\s+need\s+to)\s+be\s+(?:directed|sent|"
                       r"addressed|made|submitted))\b", re.I)
# the requester's rights at the end of a letter
RIGHTS_WORDS = re.compile(r"\binternal\s+review\b|\bInformation\s+Commissioner", re.I)
_RIGHTS = re.compile(RIGHTS_WORDS.pattern + r"|\bcomplain", re.I)


def _advice_only(sent: str) -> bool:
    """A body named as advice only: "you may wish to contact X", and no "please redirect your request"."""
    return bool(_ADVICE.search(sent)) and not _INSTRUCT.search(sent)


_PLAIN_CUES: dict[tuple[str, bool], Cue | None] = {}


def find_cues(text: str, scottish: bool = False, own: AbstractSet[str] = frozenset()) -> list[Cue]:
    """Outcome cues in a passage, one per sentence at most, in order."""
    cues: list[Cue] = []
    spans = sentences(text)
    for n, (s, e) in enumerate(spans):
        sent = text[s:e]
        if (sent, scottish) in _PLAIN_CUES:  # a sentence seen before (boilerplate, a restated question): the same cue
            known = _PLAIN_CUES[(sent, scottish)]
            if known is not None:
                cues.append(replace(known, start=known.start + s, end=known.end + s))
            continue
        refer = _refer(sent)
        cue = sentence_cue(sent, scottish, refer, own)
        instruct = bool((cue or refer) and _INSTRUCT.search(sent))
        if cue:
            cue.instruct = instruct
        if refer is None:  # (a cue with no referral does not depend on the reply's own names)
            if len(_PLAIN_CUES) > 50000:
                _PLAIN_CUES.clear()
            _PLAIN_CUES[(sent, scottish)] = replace(cue) if cue else None
        if cue is None and refer and not find_bodies(sent):
            # "... is responsible for this. Please contact them": the body is named next door
            near = [text[a:b] for a, b in spans[max(0, n - 1): n + 2] if (a, b) != (s, e)]
            bodies = [(x, t) for t in near for x in find_bodies(t) if body_key(x[2]) not in own]
            if bodies:
                (_a, _b, name), where = bodies[-1]
                # "You may wish to contact X, which may hold it. They can be contacted at ...": still advice
                cue = Cue(Status.REFERRED, 0, len(sent), referred_to=name, strength=0.7, instruct=instruct,
                          advice=_advice_only(sent) or (not instruct and _advice_only(where)),
                          holder=bool(_HELD_BY.search(sent)))
        if cue:
            cue.start += s
            cue.end += s
            cues.append(cue)
    return cues


_EXCLUDING = re.compile(r"\b(?:exclud\w*|except|other\s+than|apart\s+from|(?:does|do)\s+not\s+include)\b", re.I)


def sentence_cue(sent: str, scottish: bool, refer: re.Match[str] | None | bool = True,
                 own: AbstractSet[str] = frozenset()) -> Cue | None:
    """The outcome one sentence states, if any (`refer`: the _REFER match if already searched)."""
    g = grounds_in(sent, scottish) if _DIGIT.search(sent) else []
    cited = [x for x in g if x[2] != "s17"]
    if any(x[2].startswith("r") for x in cited):
        cited = [x for x in cited if x[2].startswith("r")]  # an EIR reply explaining that FOIA's s12 does not apply
    if scottish and any(x[2] == "s17" for x in g) and not cited:
        return Cue(Status.NOT_HELD, 0, len(sent), strength=0.95)
    for not_held_reg in ("r12(4)(a)", "r10(4)(a)"):  # EIR / Scottish EIR "not held" exception
        if any(x[2] == not_held_reg for x in g) and len(cited) == 1:
            return Cue(Status.REFUSED, 0, len(sent), grounds=not_held_reg, strength=0.9)
    if refer is True:
        refer = _refer(sent)
    if refer and _OWN_TEAM.match(sent, refer.end()):
        refer = None  # "is the responsibility of the Integrated Quality Team": one of the body's own teams
    if refer and _NCND.search(sent):
        refer = None  # "can neither confirm nor deny that it holds the information": a refusal
    if refer:
        assert not isinstance(refer, bool)
        # "services on behalf of X Council are delivered by ...": X is the principal, not where to go
        bodies = [b for b in find_bodies(sent) if b[0] >= refer.start() - 80
                  and not re.search(r"on\s+behalf\s+of\s+(?:the\s+)?$", sent[max(0, b[0] - 20):b[0]], re.I)]
        others = [b for b in bodies if body_key(b[2]) not in own]
        bodies = others or bodies
        # a company that does the work ("collected by Kerbline UK Ltd") answers "who?", it holds no request
        bodies = [b for b in bodies if not re.search(r"\b(?:Ltd|Limited|plc|LLP|CIC)\.?$", b[2])]
        if bodies:
            after = [b for b in bodies if b[0] >= refer.start()]
            start, _end, name = (after or bodies)[0]
            passive = re.search(r"\bby\s+(?:the\s+)?$", sent[max(0, start - 12):start], re.I)
            return Cue(Status.REFERRED, 0, len(sent), referred_to=name, strength=0.75 if passive else 0.85,
                       advice=_advice_only(sent), holder=bool(_HELD_BY.search(sent)))
        if _SOME_BODY.search(sent):
            # "the district and borough councils", "the police": referred, no one body named
            county = bool(re.search(r"\bthe\s+county\s+council\b", sent, re.I))
            return Cue(Status.REFERRED, 0, len(sent), referred_to="the County Council" if county else None,
                       strength=0.6, advice=not _INSTRUCT.search(sent), holder=bool(_HELD_BY.search(sent)))
    low = sent.lower()
    if not cited and not _may_cue(low):
        return None  # nothing here could state an outcome ("Yes, 12 cases.")
    cost = _COST.search(sent) if any(k in low for k in ("limit", "hour", "£", "cost", "exceed")) else None
    stance = _STANCE.search(sent) if any(k in low for k in _STANCE_KEYS) else None
    if cited and (stance or cost or _NCND.search(sent) or _FOI_CONTEXT.search(sent)):
        grounds = cited[0][2]
        if cost and "s12" in {c[2] for c in cited}:
            grounds = "s12"
        return Cue(Status.REFUSED, 0, len(sent), grounds=grounds, strength=0.95)
    if cost and (stance or re.search(r"\bwould\b|\bexceed", sent, re.I)):
        return Cue(Status.REFUSED, 0, len(sent), grounds="s12", strength=0.85)
    if stance:
        for pat, gr in _KEYWORD_GROUNDS:
            if pat.search(sent):
                if scottish:
                    gr = {"s21": "s25", "s22": "s27", "s31": "s35", "s43": "s33", "s40": "s38"}.get(gr, gr)
                return Cue(Status.REFUSED, 0, len(sent), grounds=gr, strength=0.75)
    held_not = _NOT_HELD.search(sent) if any(
        k in low for k in ("not", "n't", "no ", "hold", "does not exist", "unable to locate")) else None
    if held_not and not (_EXCLUDING.search(sent, 0, held_not.start()) and _DIGIT.search(sent, 0, held_not.start())):
        # (not "60 surveys ..., but this excludes surveys schools commission, which are not recorded": a
        # figure given, and what it leaves out is what is not held)
        return Cue(Status.NOT_HELD, 0, len(sent), strength=0.9)
    if ("http" in low or "www." in low) and _PUBLISHED.search(sent) and not re.search(
            r"\d[\d,]*(?!\S*/)", _PUBLISHED.sub("", sent)):
        # "set out in our policy, published at https://...": reasonably accessible elsewhere
        return Cue(Status.REFUSED, 0, len(sent), grounds="s25" if scottish else "s21", strength=0.7, link_only=True)
    if (_SMALL_NUMBER.search(sent) or "small" in low and _SMALL_NUMBERS.search(sent)) and (
            _PROTECTING.search(sent) or _FEWER_THAN_FIVE.search(sent)):
        # "fewer than five": a figure suppressed to protect individuals
        return Cue(Status.REFUSED, 0, len(sent), grounds="s38" if scottish else "s40", strength=0.7)
    return None
