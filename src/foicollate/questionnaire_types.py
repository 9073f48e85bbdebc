"""What kind of answer a question asks for, from its wording and its list (if any)."""

from __future__ import annotations

import re

from foicollate.model import QuestionType

_YESNO_START = re.compile(
    r"^(?:and\s+|also\s+|if\s+so,?\s+|(?:since|in|during|over|from|within|for|at)\b[^,?]{2,60},\s*)?"
    r"(do|does|did|are|is|was|were|have|has|had|can|could|will|would|should|shall|may|might)\b",
    re.I,
)
_WHETHER = re.compile(r"^(?:please\s+)?(?:confirm|state|tell me|advise|indicate)\s+(?:whether|if)\b|^whether\b", re.I)
_NUMBER = re.compile(
    r"^(?:\W*)(?:and\s+)?(?:how\s+many|how\s+much|how\s+often|what\s+(?:number|percentage|proportion)|"
    r"what\s+(?:is|was|were|are)\s+(?:the\s+|your\s+)?(?:total|number|amount|sum|average|annual|overall|"
    r"value|cost|budget|spend|expenditure|percentage|proportion|count|mean|median|figure|rate)|"
    r"what\s+(?:is|was|were|are)\s+(?:the\s+|your\s+)?(?:[\w'’]+\s+){0,3}(?:rate|total|number|amount|cost|spend|"
    r"percentage|figure|fund|budget|income|expenditure|spending|turnover)\b|what\s+is\s+your\s+(?:best\s+)?estimate\b|"
    r"(?:please\s+)?(?:provide|state|give|tell\s+me|confirm|supply|list)\s+(?:me\s+)?(?:with\s+)?"
    r"(?:the\s+|your\s+)?(?:total\s+)?(?:number|amount|sum|cost|value|count|spend|expenditure|figure)s?\b|"
    r"the\s+(?:total\s+)?(?:number|amount|cost|value|sum)\s+of|number\s+of|total\s+(?:number|amount|cost|spend))",
    re.I,
)
# a unit the answer is to be given in: "(in tonnes CO2e)", ", in weeks,", "in £"
_UNIT_ASKED = re.compile(r"\(?\bin\s+(?:£|pounds|weeks|days|months|hours|minutes|years|tonnes|kg|km|kilomet\w+|miles|"
                         r"metres|litres|kwh|mwh|gwh|fte|full[-\s]time\s+equivalents?)\b", re.I)
_INTERROGATIVE = re.compile(
    r"^(?:\W*)(?:how|what|which|who|whom|whose|when|where|why|do|does|did|are|is|was|were|have|has|had|"
    r"can|could|will|would|should|shall|please|the number|number of|whether|list|provide|state|describe|"
    r"confirm|give|tell|name|supply|identify|explain|details? of|a copy|copies)\b",
    re.I,
)
_MULTI_CUE = re.compile(
    r"all\s+that\s+(?:apply|are\s+applicable|applies)|tick\s+all|select\s+all|indicate\s+all|"
    r"check\s+all|any\s+of\s+the\s+(?:below|following)|which\s+of\s+the\s+(?:following|below)\s+"
    r"(?!best|most)(?:\w+\s+){0,3}(?:do|does|are|is|have|has)|(?:more\s+than\s+one|multiple)\s+(?:answers?|options?)",
    re.I,
)
_ALL_THAT_APPLY = re.compile(r"all\s+that\s+(?:apply|are\s+applicable|applies)|tick\s+all|select\s+all|indicate\s+all|"
                             r"check\s+all|(?:more\s+than\s+one|multiple)\s+(?:answers?|options?)", re.I)
_CHOICE_CUE = re.compile(
    r"which\s+of\s+the\s+following\s+is\b|\bmain\b|\bprimary\b|\bmajority\b|please\s+(?:select|choose)\s+one|"
    r"best\s+describes?|one\s+of\s+the\s+following|select\s+one|choose\s+one|which\s+one|"
    r"pick\s+one|most\s+(?:closely|accurately)|single\s+answer",
    re.I,
)
_MATRIX_CUE = re.compile(
    r"able\s+to\s+(?:perform|do|carry\s+out|use|access)\s+the\s+following|for\s+each\s+of\s+the\s+following|"
    r"(?:for|against)\s+each\s+(?:item|of\s+these|one)|each\s+of\s+the\s+(?:following|below)|"
    r"yes\s+or\s+no\s+(?:to|for)\s+each|(?:yes|no)\s*/\s*(?:no|yes)\s+for\s+each|the\s+following\s+(?:tasks|"
    r"activities|functions|measures|controls|services)",
    re.I,
)
_ANSWERISH = re.compile(r"^(?:yes|no|don'?t\s+know|do\s+not\s+know|not\s+sure|unknown|other|n/?a|none)\b", re.I)


def first_sentence(text: str) -> str:
    m = re.search(r"[?]|\.(?:\s|$)", text)
    return text[: m.end()] if m else text


def asks(text: str) -> bool:
    """Does a line of a reply read as a question (a restatement, not an answer)?"""
    t = text.strip()
    return t.endswith("?") or bool(_INTERROGATIVE.match(t) and len(t.split()) >= 4)


def is_question_like(text: str) -> bool:
    """Is an item of a request a question (rather than a heading or an option)?"""
    t = text.strip()
    # (a question then an instruction: "Do you treat it? Please answer yes or no for each.")
    return t.endswith("?") or bool(re.search(r"\?\s+(?:please|if|and|or)\b|\(?please\s+(?:pick|choose|select|"
                                             r"tick|indicate)\b|\bwhether\b", t, re.I)) or bool(
        _INTERROGATIVE.match(t) and len(t.split()) >= 4)


def infer_type(text: str, options: list[str]) -> QuestionType:
    """The question's type: options decide between choice/multi/matrix; wording otherwise."""
    head = first_sentence(text.strip())
    if options:
        if re.match(r"^\W*how\b", head, re.I):
            return QuestionType.CHOICE  # "How often ...?" with a list: pick one
        if _ALL_THAT_APPLY.search(text):
            return QuestionType.MULTI
        if _CHOICE_CUE.search(text):
            return QuestionType.CHOICE
        if _MULTI_CUE.search(text):
            return QuestionType.MULTI
        if sum(bool(_ANSWERISH.match(o)) for o in options) * 2 >= len(options):
            return QuestionType.CHOICE
        if _MATRIX_CUE.search(text):
            return QuestionType.MATRIX
        if _YESNO_START.match(head) or _WHETHER.match(head):
            return QuestionType.MATRIX
        if re.match(r"^\W*(which|what)\b", head, re.I):
            return QuestionType.MULTI
        return QuestionType.CHOICE
    if re.match(r"^\W*(?:please\s+)?(?:describe|explain|outline|summarise|summarize|set\s+out)\b", head, re.I):
        return QuestionType.TEXT
    if _NUMBER.match(head) or (re.search(r"\bhow\s+(?:many|much)\b", head, re.I)
                               and not _YESNO_START.match(head)):
        return QuestionType.NUMBER
    if _YESNO_START.match(head) or _WHETHER.match(head):
        return QuestionType.YESNO
    if re.match(r"^\W*what\b", head, re.I) and _UNIT_ASKED.search(head):
        return QuestionType.NUMBER  # "What was the longest period, in weeks, ...": a figure in a unit
    return QuestionType.TEXT
