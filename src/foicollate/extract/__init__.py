"""Reading each answer passage by question type: outcome first, then the value.

Sentences that state an outcome (a refusal, not held, a referral) are set aside; if the
rest of the passage still gives a value, the question was answered (in part); if not,
the outcome stands. A question the segmenter found no passage for takes the reply's
global outcome (a blanket referral or refusal) if it has one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from foicollate import authorities
from foicollate.extract.bilingual import english_half
from foicollate.extract.numbers import (
    WORD_NUMBERS,
    YEAR,
    NumberReading,
    as_number,
    figure_about,
    question_units,
    read_number,
    row_shares,
    sentence_about,
    year_in,
)
from foicollate.extract.options import (
    asked_terms,
    by_negative_option,
    pick_choice,
    pick_matrix,
    pick_multi,
    yes_no,
)
from foicollate.extract.outcome import RIGHTS_WORDS, Cue, find_cues, neither_confirm_nor_deny
from foicollate.extract.tables import SEE_TABLE, pointed_table, table_text
from foicollate.markers import labels_match, normalise_label, parse_marker
from foicollate.metadata import guess_authority_name
from foicollate.model import (
    Answer,
    Document,
    Evidence,
    Question,
    Questionnaire,
    QuestionType,
    Status,
)
from foicollate.questionnaire_types import asks as reads_as_question
from foicollate.segment import Block, Segmentation, content_words, table_cells

__all__ = ["read_answer", "resolve_cross_references", "split_shared_figures"]

_ANCHOR_CONF = {"text": 1.0, "multi": 0.95, "table": 0.95, "label": 0.9, "heading": 0.8, "ordinal": 0.75, "prose": 0.7}
_SEE = re.compile(
    r"^\W*(?:as\s+above|see\s+above|please\s+see\s+(?:the\s+)?above|same\s+as\s+(?:above|previous)|"
    r"(?:please\s+)?(?:see|refer\s+to)\s+(?:our\s+|the\s+)?(?:answer|response|reply)s?\s+(?:to|for|at|given\s+(?:to|in))\s+"
    r"(?:(?:question\s+|q\.?\s*)?(?P<ref>[a-z]?[0-9]{1,2}[a-z]?|[ivx]{1,5}|[a-z])\b|"
    r"\((?P<ref3>[a-z]|[ivx]{1,5})\)(?=\W*$))|"  # "See response to (a)." (a letter in brackets ends it)
    r"(?:please\s+)?see\s+(?:question\s+|q\.?\s*)(?P<ref2>[a-z]?[0-9]{1,2}[a-z]?|[ivx]{1,5}|[a-z])\b)",
    re.I,
)
_SEE_LINE = re.compile(_SEE.pattern, re.I | re.M)
_ATTACHED = re.compile(r"^\W*(?:[\w' ]{0,60}:\s*)?(?:please\s+)?(?:see|refer\s+to|find)\s+(?:[\w'’,-]+\s+){0,8}?"
                       r"(?:attached|enclosed)\b", re.I | re.M)
# where an attachment is named ("tab 2", "(FOI 2401-1183 placements.xlsx)"): its digits are no answer
_ATTACHMENT_NAMES = re.compile(r"\b(?:tab|sheet|page|appendix|annex|table)\s+\d+|" r'"[^"\n]{1,60}"|“[^”\n]{1,60}”|'
                               r"\([^()\n]*\.(?:xlsx?|csv|ods|pdf|docx?|odt)\)|"
                               r"[\w-]*\d[\w-]*\.(?:xlsx?|csv|ods|pdf|docx?|odt)\b", re.I)
# a count can be there only with a digit, a number word or a "no ... recorded" (numbers.figures reads them)
_MAY_COUNT = re.compile(r"\d|\b(?:" + "|".join(WORD_NUMBERS) + r")\b|\bno\b|\bnot\s+(?:had|received)", re.I)
# (each word from its start: "current" holds no rent, "discharged" no charge; "costs", "charged" still count)
_MONEY_Q = re.compile(r"£|\b(?:how\s+much|cost|spend|spent|paid|pay|payments?|amount|budget|value|expenditure|price|"
                      r"income|revenue|fees?|compensation|salary|salaries|rents?|charges?|pounds|gbp|grants?|"
                      r"funding|allowances?|wages?|fines?)", re.I)
_COUNT_Q = re.compile(r"\bhow\s+many\b|\bnumber\s+of\b", re.I)
_SURE_MONEY_Q = re.compile(r"how\s+much|£|pounds|\bgbp\b|spen[dt]|\bcost|expenditure|budget", re.I)


def _asks_money(question: str) -> bool:
    """Whether a number question asks for an amount of money ("How many grants did you approve?" does not)."""
    if not _MONEY_Q.search(question):
        return False
    return not _COUNT_Q.search(question) or bool(_SURE_MONEY_Q.search(question))


# rates, averages and times do not add up: the first figure is the answer
# a number question that asks for its parts too ("in each of the years", "how many of each")
_ASKS_PARTS = re.compile(r"\b(?:in\s+)?each\s+(?:of\s+(?:the\s+)?(?:\w+\s+)?(?:years|financial|calendar|last)|year|month|"
                         r"quarter)|\bbroken\s+down|\bbreak(?:\s+|-)?down|\bbreak\s+(?:this|it|these|them|that)\s+down|\bby\s+(?:year|type|category|team|service|"
                         r"department|speed|age|gender|ethnicity)|\bhow\s+many\s+(?:of\s+)?(?:each|which)|\bsplit\s+(?:by|between)|"
                         r"\bseparately\b|\b(?:19|20)\d\d\s?[/-]\s?\d{2,4}\s*(?:,|and)\s*(?:19|20)\d\d", re.I)
# a refusal said of the answer itself: "this information is exempt", "it is exempt", "holds this information but"
_THIS_INFORMATION = re.compile(r"\b(?:this|the|that|such|requested)\s+information\b|\bit\s+is\s+(?:therefore\s+)?exempt\b|"
                               r"\bwithhold(?:ing)?\s+(?:it|them|this|these|the\s+names?)\b", re.I)
@lru_cache(maxsize=1024)
def _asks_parts(question: str) -> bool:
    return _ASKS_PARTS.search(question) is not None


_PERCENT_Q = re.compile(r"percent|%|proportion|rate\b|average|mean\b|median|how\s+long|per\s+(?:fte|head|person)",
                        re.I)
# prices do not add up either: "the annual rent for a plot", "the weekly allowance"
_PRICE_Q = re.compile(r"\b(?:rent|price|fee|tariff)\s+(?:for|of|per)\b|\bper\s+(?:week|month|year|annum|hour|day|"
                      r"night|plot|child|session|visit)\b|\b(?:weekly|hourly|daily)\s+(?:rate|rent|fee|charge|"
                      r"allowance|cost|pay)|"
                      # "What is your current charge for a rat treatment?", "What is the annual fee, in GBP, ...?"
                      r"\bwhat\s+(?:is|was|are|were)\s+(?:the|your)\s+(?:(?!total\b)[a-z]+\s+){0,3}?"
                      r"(?:rent|price|fee|tariff|charge)s?\b(?!\s+(?:income|revenue))", re.I)
_ALL_REF = re.compile(r"^\W*(?:all\s+of\s+(?:the\s+)?(?:above|these|them|those)|all\s+(?:the\s+)?above|"
                      r"all\s+(?:of\s+)?(?:these|those|them|our)?\s*(?:staff|employees|officers|workers)\b|"
                      r"the\s+same\s+(?:number|figure))\b", re.I)


def _ev(doc: Document, start: int, end: int) -> Evidence:
    while start < end and doc.text[start].isspace():
        start += 1
    while end > start and doc.text[end - 1].isspace():
        end -= 1
    return Evidence(start=start, end=end, text=doc.text[start:end])


def _to_doc(spans: list[tuple[int, int]], local: int) -> int:
    """An offset in spans' texts joined by newlines -> the document's offset."""
    pos = 0
    for s, e in spans:
        n = e - s
        if local <= pos + n:
            return s + (local - pos)
        pos += n + 1
    return spans[-1][1] if spans else 0


def read_answer(doc: Document, q: Question, seg: Segmentation, answers: dict[str, Answer]) -> Answer:
    """The Answer to one question from its block (or the reply's global text)."""
    block = seg.blocks.get(q.id) or Block()
    if block.empty:
        return _global_answer(doc, q, seg)
    text = english_half(block.text(doc))
    anchor_conf = _ANCHOR_CONF.get(block.anchor.kind if block.anchor else "", 0.7)

    def span(s: int, e: int) -> Evidence:
        return _ev(doc, _to_doc(block.spans, s), _to_doc(block.spans, e))

    if _ATTACHED.search(text) and len(text.strip()) < 200 and not re.search(r"\d", _ATTACHMENT_NAMES.sub("", text)):
        # "Please see the attached spreadsheet": the answer is in a file this reply does not contain
        return Answer(question=q.id, confidence=0.6, evidence=[span(0, len(text))], method="see-attached",
                      note="refers to an attachment")
    see = _see(text)
    if see and len(text) < 160 and not find_cues(text[see.end():], seg.scottish, seg.own_names):
        # (not "See above – these should be directed to X": that is the outcome it points at)
        ref = (see.group("ref") or see.group("ref2") or see.group("ref3") or "").lower() or None
        return Answer(question=q.id, status=Status.ANSWERED, evidence=[span(see.start(), see.end())],
                      confidence=0.6 * anchor_conf, method=f"see:{ref or 'above'}", note="as above")

    cues = find_cues(text, seg.scottish, seg.own_names)
    outcome_spans = [(c.start, c.end) for c in cues]
    rest = _without(text, outcome_spans)
    ans = _read_value(q, rest, block, answers)
    if q.type == QuestionType.YESNO and cues and cues[0].status == Status.NOT_HELD:
        # "We do not currently have a damp and mould policy" answers "Do you have one?": no
        val, sp, conf = yes_no(text, q.text)
        first = text.strip().split(".")[0]
        if val is False and sp and not re.search(r"\b(?:information|data|records?|figures|statistics|details|anything)\b",
                                                  first, re.I):
            ans = _Value(False, [sp], min(conf, 0.75), "yesno", count=0)
            cues = [c for c in cues if c.status != Status.NOT_HELD]
    if q.type == QuestionType.CHOICE and ans is None and cues and cues[0].status == Status.NOT_HELD:
        # "we do not have a policy on it" answers "Do you have a written policy? ... No"
        neg = next((o for o in q.options if re.fullmatch(r"\W*(?:no|none|not\s+applicable)\W*", o.text, re.I)), None)
        have_not = re.search(r"\b(?:do|does)\s+not\s+have\s+(?:a|an|any)\s+(?!information|data|records?|figures)\w+",
                             text, re.I)
        if neg is not None and have_not:
            ans = _Value(neg.id, [(have_not.start(), have_not.end())], 0.7, "choice:not-have")
            cues = [c for c in cues if c.status != Status.NOT_HELD]
        denied = by_negative_option(text, 0, q.options, asked_terms(q.text)) if ans is None else None
        if denied is not None:
            # "has not yet adopted a net zero target date" picks "the Fund has not set a net zero target"
            ans = _Value(denied.ids[0], denied.spans, denied.confidence, "choice:denied")
            cues = [c for c in cues if c.status != Status.NOT_HELD]
    if ans is None and q.type in (QuestionType.CHOICE, QuestionType.MULTI) and cues and all(
            c.status == Status.REFERRED and not _REDIRECT.search(text[c.start:c.end]) for c in cues):
        # "Which of these runs the service?" - "The service was transferred to Kingsford Culture Trust": who
        # provides it is the answer, not a pointer elsewhere (a referral asks you to contact or redirect)
        again = _read_value(q, text, block, answers)
        if again is not None:
            ans = replace(again, conf=min(again.conf, 0.7), method=f"{again.method}:provider")
            cues = []
    if ans is None and q.type == QuestionType.TEXT and cues and all(c.link_only for c in cues):
        # "Our policy is published at https://...": the link asked for is the answer (no exemption is named)
        again = _read_value(q, text, block, answers)
        if again is not None:
            ans, cues = again, []
    figure_set_aside = False
    lead = len(text) - len(text.lstrip())
    first_refusal = next((c for c in cues if c.status == Status.REFUSED), None)
    opens_with_refusal = first_refusal is not None and first_refusal.start <= lead and (
        first_refusal.strength >= 0.9 or q.type == QuestionType.TEXT and first_refusal.strength >= 0.85)
    # "Yes, but on fewer than five occasions (s40)": the yes is given, the count withheld
    plain_yes_no = False
    if q.type == QuestionType.YESNO and (ans is None or first_refusal is not None):  # (read again only if needed)
        val, sp, conf = yes_no(text, q.text)
        plain_yes_no = val is not None and sp is not None and conf >= 0.95  # (only a bare "Yes"/"No" reads so sure)
        if plain_yes_no and ans is None and sp:
            ans = _Value(val, [sp], 0.8, "yesno")
    if first_refusal and not plain_yes_no and (
            opens_with_refusal and (q.type != QuestionType.NUMBER or neither_confirm_nor_deny(text))
                          or q.type == QuestionType.TEXT and first_refusal.start <= lead + 200
                          and first_refusal.grounds in ("s21", "s25") and not first_refusal.link_only
                          # "... will be published in October. We consider this information exempt under s22"
                          or q.type in (QuestionType.TEXT, QuestionType.YESNO) and any(
                              c.status == Status.REFUSED and c.strength >= 0.95 and c.grounds
                              and (_THIS_INFORMATION.search(text[c.start:c.end]) or neither_confirm_nor_deny(
                                  text[c.start:c.end])) for c in cues)):
        ans = None  # a reply that opens with a cited exemption: what follows explains the refusal
    if ans is not None and q.type == QuestionType.NUMBER and _refusal_outweighs(cues, ans, rest):
        ans = None
    held_not = next((c for c in cues if c.status == Status.NOT_HELD and c.strength >= 0.9), None)
    if held_not is not None and ans is not None and q.type == QuestionType.NUMBER:
        # "The Council does not hold this information ... For your information, the Council approved 164
        # grants under its own scheme": a figure given as an aside to a not-held answer is not the answer
        asides = [(m.start(), _sentence_end(text, m.end())) for m in _ASIDE.finditer(text, held_not.end)]
        if asides and _read_value(q, _without(rest, asides), block, answers) is None:
            ans, figure_set_aside = None, True
        elif (ans.value == 0 and held_not.start <= lead + 2
              and not re.search(r"\b0\b|\b(?:none|nil|zero)\b", text, re.I)):
            # "Not held. As the council does not use AI, there is no spend and no DPIAs have been carried out":
            # a none read from the explanation under "not held" is the reason nothing is held, not a count
            ans = None
    if ans is not None and q.type == QuestionType.NUMBER and ans.conf < 0.9 and not ans.breakdown and any(
            c.status == Status.REFUSED and c.strength >= 0.95 and c.grounds for c in cues):
        # "The council considers the contract values commercially sensitive. Two of the contracts ... section 43":
        # one figure read loosely from a passage that cites an exemption is the refusal's reasoning, not the
        # answer (figures year by year beside "the latest year is exempt under s22" are a partial answer)
        ans, figure_set_aside = None, True
    if ans is not None and (q.type in (QuestionType.CHOICE, QuestionType.MULTI, QuestionType.MATRIX)
                            or q.type == QuestionType.YESNO and not plain_yes_no) and any(
            c.status == Status.REFUSED and c.strength >= 0.85 and c.grounds in ("s12", "s14", "r12(4)(b)")
            for c in cues):
        ans = None  # options (or a yes) named while explaining what the search would cost are no answer
    if ans is not None and q.type == QuestionType.YESNO and not plain_yes_no and ans.conf < 0.8 and any(
            c.status == Status.REFUSED and c.strength >= 0.9 and c.grounds
            or c.status == Status.REFERRED and c.strength >= 0.85 and _REDIRECT.search(text[c.start:c.end])
            for c in cues):
        # a yes or no read between the lines beside a cited exemption, or beside "please redirect your
        # questions to X": the exemption or the referral is the answer
        ans = None
    na = _NOT_APPLICABLE.match(text)
    if na and q.type != QuestionType.TEXT and not any(c.status in (Status.REFUSED, Status.REFERRED) for c in cues):
        # "Not applicable – we do not operate this service" / "as no funerals were arranged": nothing held to
        # give; for "how many" it is none (a text question keeps the words as its answer)
        end = _sentence_end(text, na.start() + 20)
        if q.type == QuestionType.NUMBER and _COUNT_Q.search(q.text) and not _asks_money(q.text):
            return Answer(question=q.id, status=Status.ANSWERED, value=0, evidence=[span(na.start(), end)],
                          confidence=0.7 * anchor_conf, method="not-applicable:none")
        return Answer(question=q.id, status=Status.NOT_HELD, evidence=[span(na.start(), end)],
                      confidence=0.7 * anchor_conf, method="not-applicable")
    if ans is not None:
        value, spans, conf = ans.value, ans.spans, ans.conf
        if cues:
            conf *= 0.85  # an answer beside an outcome statement: partly answered
        if na or RIGHTS_WORDS.search(text):
            # "Not applicable – we do not ...": nothing, or none, or not held? A person decides.
            # (and a passage that runs on into the letter's closing rights has no clear end)
            conf = min(conf, 0.7)
        out = Answer(question=q.id, status=Status.ANSWERED, value=value, breakdown=ans.breakdown,
                     count=ans.count, confidence=conf * anchor_conf, method=ans.method,
                     evidence=[span(s, e) for s, e in spans] or [span(0, min(len(text), 300))])
        if (q.type == QuestionType.NUMBER and isinstance(value, (int, float)) and not ans.breakdown
                and (parts := _pointed_parts(doc, q, text, block, seg, value))):
            out.breakdown, more = parts
            out.evidence += more
            out.method += ":table-parts"
        return out
    if cues:
        out = _from_cue(doc, q, cues, span, anchor_conf)
        if figure_set_aside:
            out.confidence = min(out.confidence, 0.8)  # a figure was set aside for the refusal: look
        if out.status == Status.NOT_HELD and (
                q.type == QuestionType.NUMBER and read_number(text) is not None
                or q.type == QuestionType.YESNO and yes_no(text, q.text)[0] is not None):
            # "We do not hold a breakdown by ward; the total was 45": part held, part not: look
            out.confidence = min(out.confidence, 0.8)
        return out
    if not text.strip():
        return Answer(question=q.id, confidence=0.6)
    if q.type == QuestionType.NUMBER and (pointed := _from_pointed_table(doc, q, text, block, seg)):
        pointed.confidence *= anchor_conf
        return pointed
    # words but no value we could read: answered in prose
    conf = 0.85 if q.type == QuestionType.TEXT else 0.35
    quote = text.strip()[:300]
    return Answer(question=q.id, status=Status.ANSWERED, value=_short(quote) if q.type == QuestionType.TEXT else None,
                  evidence=[span(0, min(len(text), 300))], confidence=conf * anchor_conf, method="prose")


_ASIDE = re.compile(r"(?<![\w,] )\b(?:for\s+(?:your\s+)?information|by\s+way\s+of\s+(?:advice|assistance|background|"
                    r"context|information)|you\s+(?:may|might)\s+(?:also\s+)?(?:be\s+interested|wish\s+to\s+know)|"
                    r"(?:as|by)\s+way\s+of\s+context)\b", re.I)


_REDIRECT = re.compile(r"\b(?:contact|redirect|direct|refer|forward|send|write\s+to|approach|submit|address|"
                       r"transferred\s+your|passed\s+your)(?:s|e?d|r?ed|r?ing|ted|ting|ral|rals)?\b", re.I)
_NOT_APPLICABLE = re.compile(r"^\W*(?:amherthnasol\W*/\s*)?(?:not\s+applicable|n/a)\b", re.I)


def _see(text: str) -> re.Match[str] | None:
    """"See response to (a)", at the start of the answer or on the line under a heading that restates the
    question ("empty for two years or more" / "See response to Question 1a.")."""
    low = text[:200].lower()
    if "see" not in low and "above" not in low and "refer" not in low and "same as" not in low:
        return None
    see = _SEE.match(text)
    nl = text.find("\n")
    if see is None and 0 < nl < 100 and not re.search(r"[.!?:;]\W*$", text[:nl]):
        see = _SEE_LINE.match(text, nl + 1)
    return see


def _sentence_end(text: str, start: int) -> int:
    """End of the sentence going on at `start`, across hard line wraps (to a stop or a blank line)."""
    m = _SENTENCE_STOP.search(text, start)
    return m.end() if m else len(text)


_SENTENCE_STOP = re.compile(r"[.!?](?=\s|$)|\n\s*\n")


def _restates(text: str, question: str) -> bool:
    """Whether a passage is only (part of) the question's wording."""
    t = " ".join(text.lower().split())
    return 20 <= len(t) <= len(question) + 10 and fuzz.partial_ratio(t, " ".join(question.lower().split())) >= 92


def _refusal_outweighs(cues: list[Cue], ans: _Value, rest: str) -> bool:
    """A cited refusal beats a figure read beside it when the figure is only the refusal's
    own workings (the s12 estimate: "reading each of the 2,930 reports") or a number word
    ("two of the contracts")."""
    cited = [c for c in cues if c.status == Status.REFUSED and c.strength >= 0.85]
    if not cited:
        return False
    if any(c.grounds in ("s12", "s14", "r12(4)(b)") for c in cited):
        return True  # a cost or burden refusal: its figures are the estimate, not the answer
    words = [rest[s:e] for s, e in ans.spans]
    return not any(re.search(r"\d", w) for w in words)


def _from_cue(doc: Document, q: Question, cues: list[Cue], span, anchor_conf: float) -> Answer:  # type: ignore[no-untyped-def]
    order = {Status.REFERRED: 0, Status.REFUSED: 1, Status.NOT_HELD: 2}
    best = sorted(cues, key=lambda c: (order.get(c.status, 3), -c.strength))[0]
    cited = [c for c in cues if c.status == Status.REFUSED and c.strength >= 0.9]
    if best.status == Status.REFERRED and best.strength < 0.7 and cited:
        best = cited[0]  # "the County Council is responsible for 212 schools ... section 12(1)": a refusal
    eir = [c for c in cues if c.grounds and c.grounds.startswith("r")]
    if best.status == Status.REFUSED and eir and not (best.grounds or "").startswith("r"):
        best = eir[0]  # the EIR exception is the operative one; FOIA sections are only explained
    # a refusal read from keywords alone (no section cited) does not outweigh a stated not-held
    first = cues[0]
    if best.status == Status.REFUSED and best.strength < 0.8 and first.status == Status.NOT_HELD:
        best = first
    held_not = [c for c in cues if c.status == Status.NOT_HELD and c.strength >= 0.9]
    # ("this information is held by Arran Leisure Trust and not by the Council": another body is said to
    # hold it, which is a referral whatever the letter says of its own records)
    holder = any(c.status == Status.REFERRED and c.holder and not c.advice for c in cues)
    if best.status == Status.REFERRED and held_not and not holder and (
            all(c.advice for c in cues if c.status == Status.REFERRED) or not any(c.instruct for c in cues)):
        # "The Trust does not hold any of the information. You may wish to contact X Council, which may
        # hold it" or "... The programme is run by X Council": not held, with advice (a referral sends
        # the request on: "please redirect your request to X", "we have transferred it")
        best = replace(held_not[0], strength=min(held_not[0].strength, 0.8))  # (a judgement: look)
    eir_not_held = [c for c in cues if c.grounds in ("r12(4)(a)", "r10(4)(a)")]
    if best.status == Status.NOT_HELD and eir_not_held:
        best = eir_not_held[0]  # "does not hold it ... under regulation 12(4)(a)": the EIR's own not-held exception
    referred_to = best.referred_to
    if best.status == Status.REFERRED and referred_to == "the County Council":
        referred_to = _county_for(doc)  # a district pointing to "the County Council": which one
    return Answer(question=q.id, status=best.status, grounds=best.grounds, referred_to=referred_to,
                  evidence=[span(best.start, best.end)], confidence=best.strength * anchor_conf,
                  method=f"outcome:{best.status}")


def _county_for(doc: Document) -> str | None:
    """'the County Council' in a district's reply: its county, from the register if we know it."""
    name = guess_authority_name(doc)
    if not name:
        return None
    county = authorities.county_of(name)
    return county.name if county else None


def _global_answer(doc: Document, q: Question, seg: Segmentation) -> Answer:
    """A question without its own passage: the reply's blanket outcome, if it states one."""
    text = seg.global_text(doc)
    if seg.global_cues is None:
        taken = [sp for b in seg.blocks.values() for sp in b.spans]
        seg.global_cues = []
        for c in find_cues(text, seg.scottish, seg.own_names):
            if c.status != Status.ANSWERED:
                at = _to_doc(seg.global_spans, c.start)
                seg.global_cues.append((c, any(a <= at < b for a, b in taken)))
    # a refusal inside the passage that answers another question is about that answer ("The 2022/23
    # figure will be published ... exempt under section 22"), unless its paragraph names this one
    cues = [c for c, inside in seg.global_cues if not inside or _names(text, c, q)]
    if not cues:
        return Answer(question=q.id, confidence=0.6 if any(not b.empty for b in seg.blocks.values()) else 0.4)

    def span(s: int, e: int) -> Evidence:
        return _ev(doc, _to_doc(seg.global_spans, s), _to_doc(seg.global_spans, e))

    ans = _from_cue(doc, q, cues, span, 0.75)  # a blanket outcome is read for every question: check it
    ans.method = "blanket:" + ans.method
    return ans


def _names(text: str, cue: Cue, q: Question) -> bool:
    """Whether the paragraph of an outcome cue is about a question: by its label ("your
    questions D, F, G and I") or by two of its words ("your question about energy efficiency works")."""
    para = text[text.rfind("\n", 0, cue.start) + 1: (text.find("\n", cue.end) + 1 or len(text) + 1) - 1]
    if q.label and re.search(r"\bquestions?\s+(?:[\w()]+(?:,\s*|\s+and\s+|\s*[-–]\s*))*" + re.escape(
            normalise_label(q.label)) + r"\b", para, re.I):
        return True
    return len(content_words(para) & content_words(q.text)) >= 2


_YEAR_FIGURE = re.compile(YEAR + r"\s*(?::|=|–|—|-)\s*£?\d[\d,]*(?:\.\d+)?(?![\d/])")


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with outcome sentences blanked (offsets kept), except the per-year figures
    they give ("2021: 512 2022: 690 2023: exempt under s22" answers two years of three)."""
    chars = list(text)
    for s, e in spans:
        keep = {i for m in _YEAR_FIGURE.finditer(text, s, e) for i in range(m.start(), m.end())}
        for i in range(s, e):
            if chars[i] != "\n" and i not in keep:
                chars[i] = " "
    return "".join(chars)


@dataclass
class _Value:
    """A value read from a passage, before it becomes an Answer."""

    value: Any
    spans: list[tuple[int, int]]
    conf: float
    method: str
    breakdown: dict[str, Any] | None = None
    count: float | None = None


def _with_years(q: Question) -> str:
    """The question's text and, when only its preamble names the years ("For each of the financial years
    2021/22, 2022/23 and 2023/24"), those years: "212, 198, 231" is then one figure a year."""
    if not q.context or year_in(q.text):
        return q.text
    years = year_in(q.context)
    return f"{q.text} (each of {', '.join(years)})" if len(years) >= 2 else q.text


def _whole_ask(q: Question) -> str:
    """What a question asks: its text, or, when the text is only a part of a question its preamble asks
    ("aged 0 to 4" under "What was the weekly allowance paid for a child"), both."""
    if not q.context or "?" in q.text or reads_as_question(q.text):
        return q.text
    return f"{q.context} {q.text}"


def _number_for(q: Question, text: str, columns: list[str] | None = None) -> NumberReading | None:
    """The number a passage gives for a number question, read as the question asks (an amount, a rate, a
    price; in its units; year by year)."""
    ask = _whole_ask(q)
    return read_number(text, money=_asks_money(ask), percent=bool(_PERCENT_Q.search(ask)),
                       price=bool(_PRICE_Q.search(ask)), columns=columns, units=question_units(ask),
                       question=_with_years(q))


def _read_value(q: Question, rest: str, block: Block, answers: dict[str, Answer]) -> _Value | None:
    if not rest.strip():
        return None
    if q.type == QuestionType.NUMBER:
        rest = _own_table_row(rest, q)
        r = _number_for(q, rest, block.columns)
        if r is not None and (r.value is not None or r.breakdown):
            spans = _line_spans(rest, [(f.start, f.end) for f in r.used])
            conf = r.confidence
            if not r.breakdown and len(r.used) == 1 and len(rest) > 40 and _asks_parts(q.text):
                conf = min(conf, 0.7)  # asked year by year or part by part, and read as one figure: look
            return _Value(as_number(r.value), spans, conf, "number",
                          breakdown={k: as_number(v) for k, v in r.breakdown.items()} if r.breakdown else None)
        m = _ALL_REF.match(rest.strip())
        if m:
            prev = _previous_number(q, answers)
            if prev is not None:
                s = len(rest) - len(rest.lstrip())
                return _Value(prev, [(s, s + len(rest.strip().split("\n")[0]))], 0.6, "number:all-above")
        return None
    if q.type == QuestionType.YESNO:
        val, sp, conf = yes_no(rest, q.text)
        if val is None:
            return None
        r = read_number(rest) if _MAY_COUNT.search(rest) else None  # "Yes – 12 cases": the count
        count = as_number(r.value) if r and r.value is not None else (0 if val is False else None)
        return _Value(val, [sp] if sp else [], conf, "yesno", count=count)
    if q.type == QuestionType.MULTI:
        p = pick_multi(rest, q.options, asked_terms(q.text))
        if p is None:
            return None
        return _Value(p.ids, _line_spans(rest, p.spans), p.confidence, "multi")
    if q.type == QuestionType.CHOICE:
        p = pick_choice(rest, q.options, asked_terms(q.text))
        if p is None:
            return None
        # one of several options read from words: measured a little less sure than the other types
        return _Value(p.ids[0], p.spans, p.confidence * 0.95, "choice")
    if q.type == QuestionType.MATRIX:
        vals, spans, conf = pick_matrix(rest, q.items, asked_terms(q.text))
        if conf == 0.0:
            return None
        known = sum(v is not None for v in vals.values()) / max(len(vals), 1)
        conf *= 0.7 + 0.3 * known  # items the reply is silent on may be answered elsewhere
        return _Value(vals, _line_spans(rest, spans), conf, "matrix")
    quote = rest.strip()
    if len(re.findall(r"[^\W\d_]{2,}", quote)) < 2:
        return None  # "|" or "–" left beside an outcome statement: nothing more is said
    s = len(rest) - len(rest.lstrip())
    # (only the question's own words, quoted back: the answer is elsewhere, or nowhere)
    return _Value(_short(quote), [(s, s + min(len(quote), 300))], 0.5 if _restates(quote, q.text) else 0.85, "text")


def _pointed_region(doc: Document, text: str, block: Block,
                    seg: Segmentation) -> tuple[re.Match[str], tuple[int, int]] | None:
    """The pointer to a table outside the answer ("Please see Table 1 below") and the table's doc offsets."""
    m = SEE_TABLE.search(text)
    if m is None:
        return None
    at = _to_doc(block.spans, m.start())
    pointer = SEE_TABLE.match(doc.text, at)
    if pointer is None:
        return None
    by_label = {normalise_label(k): b.spans for k, b in seg.blocks.items() if b.spans}
    region = pointed_table(doc.text, at, pointer, block.spans, by_label)
    if region is None or any(a <= region[0] < b for a, b in block.spans):
        return None  # (a table inside this answer was read with it)
    return m, region


def _pointed_parts(doc: Document, q: Question, text: str, block: Block, seg: Segmentation,
                   value: float) -> tuple[dict[str, float], list[Evidence]] | None:
    """"Please see the table below (Table 1). In total the Council provides 934 plots": the table's rows that
    add up to the total the answer gives are its breakdown."""
    low = text.lower()
    if "table" not in low and "breakdown" not in low:
        return None
    found = _pointed_region(doc, text, block, seg)
    if found is None:
        return None
    a, b = found[1]
    table = table_text(doc.text, (a, b))
    r = _number_for(q, table)
    if r is None or not r.breakdown or r.value is None or abs(r.value - value) > 0.005 * abs(value) + 0.01:
        return None
    return ({k: as_number(v) for k, v in r.breakdown.items()},
            [_ev(doc, a + s, a + e) for s, e in _line_spans(table, [(f.start, f.end) for f in r.used])])


def _from_pointed_table(doc: Document, q: Question, text: str, block: Block, seg: Segmentation) -> Answer | None:
    """"Please see Table 1 below" / "see the table in our response to question 2": this question's row
    of the table the answer points at."""
    found = _pointed_region(doc, text, block, seg)
    if found is None:
        return None
    m, region = found
    a, b = region
    table = table_text(doc.text, region)
    lines = table.split("\n")
    want = content_words(q.text)
    # the rows that give figures (not the header of years), by how many of the question's words they use
    rows = {i: row_shares(ln, want) for i, ln in enumerate(lines)
            if i and re.search(r"\d", ln) and not re.match(r"\W*" + YEAR, ln)}
    best = max(rows.values(), default=0)
    whole = _number_for(q, table) if len(rows) > 2 else None
    if whole is not None and whole.value is not None and whole.breakdown and len(whole.breakdown) >= len(rows) - 1:
        pass  # rows that add up to the table's total: the whole table is the answer, parts and all
    elif len(rows) > 1:
        if best == 0 or list(rows.values()).count(best) > 1:
            return None  # a table of other things, or two rows alike: a person reads it
        table = "\n".join(ln if i not in rows or rows[i] == best else " " * len(ln) for i, ln in enumerate(lines))
    r = _number_for(q, table)
    if r is None or r.value is None and not r.breakdown or not r.used:
        return None
    spans = _line_spans(table, [(f.start, f.end) for f in r.used])
    evidence = [_ev(doc, _to_doc(block.spans, m.start()), _to_doc(block.spans, _sentence_end(text, m.start())))]
    evidence += [_ev(doc, a + s, a + e) for s, e in spans]
    return Answer(question=q.id, status=Status.ANSWERED, value=as_number(r.value) if r.value is not None else None,
                  breakdown={k: as_number(v) for k, v in r.breakdown.items()} if r.breakdown else None,
                  evidence=evidence, confidence=min(r.confidence, 0.75) * 0.8, method="number:pointed-table")


def _own_table_row(text: str, q: Question) -> str:
    """A table answering several questions, one row each: keep the header and this question's row."""
    key = normalise_label(q.label or q.id)
    lines = text.split("\n")
    rows = [i for i, ln in enumerate(lines) if "|" in ln and (mk := parse_marker(ln)) and mk.key != key
            and any(c.isdigit() for c in mk.rest)]
    own = [i for i, ln in enumerate(lines) if "|" in ln and (mk := parse_marker(ln)) and labels_match(mk.key, key)]
    if not rows or len(own) != 1:
        return text
    # blank the other rows, keeping offsets
    return "\n".join(ln if i not in rows else " " * len(ln) for i, ln in enumerate(lines))


def _previous_number(q: Question, answers: dict[str, Answer]) -> float | None:
    for a in reversed(list(answers.values())):
        if a.status == Status.ANSWERED and isinstance(a.value, (int, float)) and not isinstance(a.value, bool):
            return a.value
    return None


def _line_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Widen each span to its whole line, merged, so evidence reads as a sentence."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        ls = text.rfind("\n", 0, s) + 1
        le = text.find("\n", e)
        le = len(text) if le < 0 else le
        if out and ls <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], le))
        else:
            out.append((ls, le))
    return out


def _short(s: str) -> str:
    s = re.sub(r"\s+", " ", s).strip()
    return s if len(s) <= 300 else s[:297].rsplit(" ", 1)[0] + "..."


def _labelled(questionnaire: Questionnaire, ref: str) -> str | None:
    """The id of the question a reply's reference ("2", "b", "1a") names."""
    return next((q.id for q in questionnaire.questions
                 if labels_match(normalise_label(ref), normalise_label(q.label or q.id)) or q.id == ref), None)


def resolve_cross_references(doc: Document, questionnaire: Questionnaire, seg: Segmentation,
                             answers: dict[str, Answer]) -> None:
    """"As above" / "see our answer to 2": copy the referenced answer's outcome and value."""
    ids = questionnaire.ids
    for i, qid in enumerate(ids):
        a = answers[qid]
        if not a.method.startswith("see:"):
            continue
        ref = a.method.split(":", 1)[1]
        target: str | None = None
        if ref == "above":
            target = ids[i - 1] if i > 0 else None
        else:
            own = normalise_label(questionnaire.get(qid).label or qid)
            target = _labelled(questionnaire, ref)
            if target is None and len(ref) == 1 and ref.isalpha() and own[:1].isdigit():
                # "(a)" under question 3b is 3a: a letter alone is a part of the same numbered question
                target = _labelled(questionnaire, own.rstrip("abcdefghijklmnopqrstuvwxyz") + ref)
        src = answers.get(target) if target and target != qid else None
        if src is None:
            a.status = Status.NOT_ANSWERED
            a.confidence = 0.3
            continue
        a.status, a.grounds, a.referred_to = src.status, src.grounds, src.referred_to
        q = questionnaire.get(qid)
        same_type = questionnaire.get(src.question).type == q.type
        a.value = src.value if same_type else None
        a.breakdown = src.breakdown if same_type else None
        block = seg.blocks.get(src.question)
        if same_type and q.type == QuestionType.NUMBER and src.status == Status.ANSWERED and block is not None:
            # "418 issued, of which 296 have been paid" / "Q2b: As above": the figure this question asks about
            fig = figure_about(block.text(doc), q.text, questionnaire.get(src.question).text)
            if fig is not None:
                a.value, a.breakdown = as_number(fig.value), None
                a.evidence = a.evidence + [_ev(doc, _to_doc(block.spans, fig.start), _to_doc(block.spans, fig.end))]
        if not same_type and src.status == Status.ANSWERED and block is not None and not block.empty:
            # "Written policy? See response to Question 4" (yes, published): read this question from that answer
            again = read_answer(doc, q, replace(seg, blocks={**seg.blocks, qid: block}), answers)
            if again.status == Status.ANSWERED and again.value is not None:
                a.value, a.breakdown, a.count = again.value, again.breakdown, again.count
        a.evidence = a.evidence + src.evidence
        a.confidence = min(a.confidence, src.confidence) * 0.9
        a.method = f"see:{src.question}"


def _row_each(doc: Document, questionnaire: Questionnaire, block: Block, answers: dict[str, Answer],
              qids: list[str]) -> None:
    """"b) and c)" over a table with a row for each ("Audits of ..." / "Enforcement notices ..."): each question
    reads the row named by the words that are its own (not the words the questions share)."""
    text = english_half(block.text(doc))
    lines = text.split("\n")
    rows = [i for i, ln in enumerate(lines) if len(cells := table_cells(ln)) >= 2 and not re.match(r"\W*" + YEAR, ln)
            and any(re.search(r"\d", c) and not re.fullmatch(r"\W*" + YEAR + r"\W*", c) for c in cells[1:])]
    if len(rows) < 2:
        return
    for qid in qids:
        q, a = questionnaire.get(qid), answers[qid]
        want = content_words(q.text) - content_words(" ".join(questionnaire.get(o).text for o in qids if o != qid))
        # (of two rows that share as many, the one that is most nearly all the question's: "BSL" over "Spoken
        # language" for "... British Sign Language (BSL) interpreting")
        shares = {i: _share_of_row(lines[i], want) for i in rows}
        best = max(shares.values())
        if best[0] == 0 or list(shares.values()).count(best) > 1:
            continue
        table = "\n".join(ln if i not in rows or shares[i] == best else " " * len(ln) for i, ln in enumerate(lines))
        r = _number_for(q, table, block.columns)
        if r is None or (r.value is None and not r.breakdown) or not r.used:
            continue
        value = as_number(r.value) if r.value is not None else None
        breakdown = {k: as_number(v) for k, v in r.breakdown.items()} if r.breakdown else None
        if (value, breakdown) == (a.value, a.breakdown):
            continue
        a.value, a.breakdown = value, breakdown
        a.evidence = [_ev(doc, _to_doc(block.spans, s), _to_doc(block.spans, e))
                      for s, e in _line_spans(table, [(f.start, f.end) for f in r.used])]
        a.confidence = min(a.confidence, r.confidence, 0.75)
        a.method = f"{a.method}:row"


def _share_of_row(line: str, want: frozenset[str]) -> tuple[int, float]:
    """How many of a question's words a row's name uses, and what share of the name they are."""
    n = row_shares(line, want)
    return n, n / max(len(content_words((table_cells(line) or [""])[0])), 1)


def split_shared_figures(doc: Document, questionnaire: Questionnaire, seg: Segmentation,
                         answers: dict[str, Answer]) -> None:
    """"1a and 1b. Our establishment is 184.5 FTE posts ... Of these posts, 31 were filled by agency staff":
    one answer under two number questions gives each the figure its own words describe."""
    groups: dict[tuple[int, tuple[int, int]], list[str]] = {}
    for q in questionnaire.questions:
        block = seg.blocks.get(q.id)
        a = answers.get(q.id)
        if (block is None or block.empty or block.anchor is None or block.anchor.kind != "multi" or a is None
                or q.type != QuestionType.NUMBER or a.status != Status.ANSWERED or a.method.startswith("see:")):
            continue
        groups.setdefault((block.anchor.line, block.spans[0]), []).append(q.id)
    for qids in groups.values():
        if len(qids) >= 2:
            _row_each(doc, questionnaire, seg.blocks[qids[0]], answers, qids)
        if len(qids) < 2 or len({str(answers[qid].value) for qid in qids}) > 1 or answers[qids[0]].value is None:
            continue  # each already has a figure of its own
        block = seg.blocks[qids[0]]
        text = english_half(block.text(doc))
        others = {qid: " ".join(questionnaire.get(o).text for o in qids if o != qid) for qid in qids}
        about = {qid: sentence_about(text, questionnaire.get(qid).text, others[qid]) for qid in qids}
        distinct = None not in about.values() and len(set(about.values())) == len(qids)
        for qid in qids:
            q, a = questionnaire.get(qid), answers[qid]
            fig = figure_about(text, q.text, others[qid])
            breakdown = None
            if fig is not None:
                value, start, end = fig.value, fig.start, fig.end
            else:
                # "The Council does not operate any continuous stations. We had 23 tube sites.": the sentence
                # about this question, read alone; "Claims received: 2020/21 = 402, 2021/22 = 388." is its
                # per-year figures with no total
                sent = about[qid] if distinct else None
                r = read_number(text[sent[0]:sent[1]], money=_asks_money(q.text)) if sent else None
                if sent is None or r is None or (r.value is None and not r.breakdown):
                    # one figure left standing for several questions: which one it answers is a guess
                    a.confidence = min(a.confidence, 0.6)
                    continue
                value, (start, end) = r.value, sent
                breakdown = None if r.value is not None else {k: as_number(v) for k, v in r.breakdown.items()}
            if value == a.value and breakdown is None:
                continue
            a.value, a.breakdown = as_number(value), breakdown
            a.evidence = [_ev(doc, _to_doc(block.spans, start), _to_doc(block.spans, end))]
            a.confidence = min(a.confidence, 0.7)
            a.method = f"{a.method}:shared"
