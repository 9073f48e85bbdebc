"""The number a passage gives as its answer: a total, a breakdown, or per-period figures,
ignoring the numbers that are not answers (years, sections, hours, dates, phone numbers)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import overload

from foicollate.segment import (  # the segmenter's stemming and table rows
    content_words,
    initials,
    table_cells,
)

_WORDNUM = {
    "zero": 0, "nil": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100,
}
_NUM = re.compile(
    r"(?:(?<![\w.,/£$€-])|(?<=\bc\.)|(?<=\bca\.))(?P<money>[£$€]\s?)?(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?P<dec>\.\d+)?(?P<k>\s?(?:k|m|bn|million|billion|thousand|miliwn|biliwn|filiwn)\b)?"
    r"(?P<pct>\s?%|\s?per\s?cent)?(?P<glued>(?<=\d)(?:km|kms|t|kg|kwh|mwh|gwh|ha|fte|hrs|mins)\b)?(?![\w/]|[.,]\d|-\d)",
    re.I,
)
WORD_NUMBERS = tuple(_WORDNUM)


def word_value(word: str) -> float | None:
    """"12" or "twelve" as a number; None for anything else."""
    return float(word) if word.isdigit() else _WORDNUM.get(word.lower())


# ("sixty-two", "twenty one": the tens and the unit together)
_WORD = re.compile(r"\b(?:(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ]"
                   r"(?P<unit>one|two|three|four|five|six|seven|eight|nine)|(?P<w>" + "|".join(_WORDNUM) + r"))\b")
_ZERO = re.compile(r"\b(?:do|does|did)\s+not\s+(?:currently\s+)?(?:operate|run|employ|own|use|have)\s+any\s+"
                   r"(?!(?:such\s+|relevant\s+|recorded\s+)?(?:information|data|records?|figures|details))|\bno\s+(?:\w+\s+){0,2}(?:have\s+been|has\s+been|were|was|are|is)?\s*(?:recorded|reported|"
                   r"received|made|identified|logged|paid|issued)|\bthere\s+(?:have|has)\s+been\s+no\b|"
                   r"\bthere\s+(?:are|were|was|is)\s+no\b|\bnot\s+(?:had|received)\s+any\b|"
                   r"\b(?:have|has|had)\s+not\s+(?:used|bought|purchased|applied)\s+any\s+"
                   r"(?!(?:such\s+|relevant\s+|recorded\s+)?(?:information|data|records?|figures|details))|"
                   # "No homes have been sold", "No site has closed": nothing of what was asked happened
                   r"\bno\s+(?!(?:such\s+|relevant\s+|recorded\s+)?(?:information|data|records?|figures|details)\b)"
                   r"(?:[\w-]+\s+){0,2}(?:have|has)\s+(?:yet\s+)?(?:been\s+)?(?:\w+ed|sold|paid|made|taken|given|spent|held|won|"
                   r"brought|built|run|undertaken)\b|"
                   r"^\W*dim\W*$", re.I)  # ("Dim." is Welsh for none)
#: a year as replies write it: "2023", "2022/23", "2022-2023", "2022 / 23"; two digits after the dash must end
#: as the next year does ("2021 - 96" is a year and then its figure)
_NEXT_YEAR = "|".join(f"{d}\\s?[/-]\\s?(?:(?:19|20)\\d\\d|\\d{(d + 1) % 10})(?!\\d)" for d in range(10))
YEAR = rf"(?:19|20)\d(?:{_NEXT_YEAR}|\d)"
SPLIT_YEAR = rf"(?:19|20)\d(?:{_NEXT_YEAR})"  # "2019/20", "2019-2020": the split part required
MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
           r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b")
_WEB = re.compile(r"https?://\S+|www\.\S+|\S+@\S+")  # links and e-mail addresses
_MASKS = [
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTHS}\.?,?\s+\d{{2,4}}\b", re.I),  # 11 February 2020
    re.compile(rf"\b{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b", re.I),
    re.compile(rf"\b{MONTHS}\s+\d{{4}}\b", re.I),  # March 2021
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTHS}\b", re.I),  # 31 March
    re.compile(rf"\b{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?\b", re.I),  # March 31
    re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b"),  # 11/02/2020
    re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
    re.compile(r"(?:\+44\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b"),  # phone
    re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b"),  # postcode
    re.compile(rf"\b{SPLIT_YEAR}\b(?!,\d{{3}})"),  # 2019/20 (not "2022 - 10,306")
    re.compile(r"(?:\bsection|\bs\.?|\breg(?:ulation)?\.?|\breoliad|\badran|\barticle|\bparagraph|\bpara\.?|\bschedule|\bpart|"
               r"\bquestions?|\bq\.?|\bno\.|\bref(?:erence)?\.?:?|\bfoi\s?(?:ref\w*)?:?|\bcase|\bpage|\bappendix|"
               r"\btable|\bannex|\bannexe|\bfigure|\bchart|\benclosure|\battachment|"
               r"\bitem|\bpoint|\bchapter|\btel\.?:?|\bphone:?|\bextension|\bext\.?|\bversion|\bv\.|\btier|\blevel|"
               r"\bband|\bgrade|\bfloor|\broom|\bunit|\broute|\bbus|\bward|\bstage|\bphase|\bstep|\bm\d)\s?\(?\d+[\d()a-z.]*", re.I),
    re.compile(r"\b[A-Z]{2,}[-/_]?\d[\w/-]*"),  # FOI-2023-0412, HBC_FOI_20200136
    # a school year group or key stage: "Year 7", "(Year 11)", "Key Stage 2", "KS2"
    re.compile(r"\b(?:year|yr)\s?\d{1,2}(?![\d,./]|\s*(?:[-–]|to)\s*\d)\b|\bkey\s+stage\s+\d\b", re.I),
    _WEB,
    # times, not £0.00 or 3.05%: a dotted "10.30" is a time only with am/pm or after "at", "from", "until" ...
    re.compile(r"\b\d+\s?(?:am|pm)\b|(?<![£$€])\b\d{1,2}(?::\d{2}\s?(?:am|pm)?|\.\d{2}\s?(?:am|pm))\b|"
               r"(?:(?<=\bat\s)|(?<=\bfrom\s)|(?<=\buntil\s)|(?<=\bto\s)|(?<=\bby\s)|(?<=\band\s)|(?<=\bbefore\s)|"
               r"(?<=\bafter\s)|(?<=\bbetween\s))\d{1,2}\.\d{2}\b(?!\s?%|\s?per\s?cent)", re.I),
    re.compile(r"\b(?:covid|ms|windows|office|iso|gdpr)[-\s]?\d+", re.I),
]
_UNIT_AFTER = re.compile(  # (whole words: "1 secondary school", "3 ambulances" are counts)
    r"^(?:\s?(?:(?:working|academic|financial|calendar|school|full|separate|consecutive)\s+)?(?:hours?|hrs?|"
    r"minutes?|mins?|seconds?|days?|weeks?|months?|years?(?!\s+old)|"
    r"am|pm|miles?|kms?|kilomet(?:re|er)s?|metres?|meters?|mph|per\s?cent|percent|th|st|nd|rd)\b|\s?%)", re.I)
# one name per unit, so "How many kilometres" accepts "71.4 km"
_UNIT_NAMES = {"kilometre": "km", "kilometer": "km", "meter": "metre", "hr": "hour", "min": "minute",
               "mins": "minute", "hrs": "hour", "kms": "km", "km": "km"}
_TOTAL = re.compile(r"\b(?:total|in\s+total|overall|altogether|in\s+all|grand\s+total|combined|sum)\b", re.I)
# (a year with a note after it is still a year: "2023 (to 30 September)", "2022/23*")
_YEARISH = re.compile(r"^(?:(?:fy|financial\s+year|year|calendar\s+year)\s*)?" + YEAR +
                      r"(?:\s*\*|\s*\([^()]{1,40}\))?$|"
                      r"^\d\d/\d\d$|"
                      r"^(?:19|20)\d\d$|^(?:q[1-4]|quarter)\b", re.I)

# (patterns run on every figure, line or name: compiled once)
_WELSH_BEFORE = re.compile(r"[^\W\d_]+\s*/\s*$")
_ASIDE_IN_LABEL = re.compile(r"\s*\([^()\n]{1,40}\)(?=\s*[:=–—-])")
_LABEL_CUT = re.compile(r",(?!\d{3})|[;(]|\.\s|\band\b|\bof\s+which\b|\bwith\b")
_CELL_GAP = re.compile(r"\s{3,}|\|")
_LEAD_MARK = re.compile(r"^\W*(?:[a-z0-9]{1,3}[.)]\s+)?")
_TRAILING_VERB = re.compile(r"\b(?:is|are|was|were|were\s+there|of|=)$")
_LETTER = re.compile(r"[A-Za-z]")
_WORDS_AFTER = re.compile(r"\s*([A-Za-z][\w &'’-]{1,40}?)(?=[,.;)]|\s+and\b|\s*$)")
_SPACES = re.compile(r"\s+")
_SENTENCE_BREAK = re.compile(r"[.;]\s")


@dataclass
class Figure:
    value: float
    start: int
    end: int
    money: bool
    percent: bool
    label: str
    total: bool


_DIGIT = re.compile(r"\d")
# two passes, case-sensitive masks first: a phone number goes before "tel 01632" can take its first part
_MASK_CS = re.compile("|".join(f"(?:{p.pattern})" for p in _MASKS if not p.flags & re.I))
_MASK_I = re.compile("|".join(f"(?:{p.pattern})" for p in _MASKS if p.flags & re.I), re.I)


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


def _masked(text: str) -> str:
    """The text with dates, phone numbers, references and the like blanked (offsets kept).

    Only lines with a digit can hide a number, so only those are searched (most of a reply's prose has none).
    """
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if _DIGIT.search(line):
            lines[i] = _masked_line(line)
    return "\n".join(lines)


_DIGITS = re.compile(r"\d+")


def _masked_line(line: str) -> str:
    """One line masked, searching only the stretches near its digits.

    Every mask match either holds a digit and starts at most 40 characters before it and ends at
    most 25 after one, or is a token without spaces; so stretches from 40 before a digit run to 25
    after it, widened to the spaces around them, see every match whole. Long prose lines with one
    figure stay cheap."""
    if "@" in line or "www." in line or "http" in line:
        line = _WEB.sub(_blank, line)  # a link or address without digits is masked too
    windows: list[list[int]] = []
    for m in _DIGITS.finditer(line):
        s = max(0, m.start() - 40)
        s = line.rfind(" ", 0, s) + 1 if s else 0
        e = _token_end(line, m.end() + 25)
        if windows and s <= windows[-1][1]:
            windows[-1][1] = e
        else:
            windows.append([s, e])
    out: list[str] = []
    done = 0  # line[:done] is in out
    for a, b in windows:
        out += [line[done:a], _MASK_I.sub(_blank, _MASK_CS.sub(_blank, line[a:b]))]
        done = b
    out.append(line[done:])
    return "".join(out)


def _token_end(line: str, at: int) -> int:
    if at >= len(line):
        return len(line)
    end = line.find(" ", at)
    return len(line) if end < 0 else end


_ONE_AFTER = re.compile(r"\s+(?:of|off|another|way|should|must|can)\b", re.I)
_ONE_BEFORE = re.compile(r"\b(?:each|every|any|no|this|that|which|the|a|some|last)\s+$", re.I)
_ONLY_BEFORE = re.compile(r"\bonly\s+$", re.I)
_OWN_ONLY_BEFORE = re.compile(r"\b(?:the|our|their|its|an?)\s+only\s+$", re.I)
_NOUN_AFTER = re.compile(r"\s+(?!(?:that|which|who|we|they|i)\b)[a-z]")


def _pronoun_one(before: str, after: str) -> bool:
    """Whether "one" between these stands for a thing rather than counts: "each one", "no one", "one of",
    "the only one we use" (but "only one cemetery" is a count)."""
    if _ONE_AFTER.match(after) or _ONE_BEFORE.search(before):
        return True
    return bool(_ONLY_BEFORE.search(before)) and (bool(_OWN_ONLY_BEFORE.search(before)) or not _NOUN_AFTER.match(after))


def figures(text: str, units: frozenset[str] = frozenset()) -> list[Figure]:
    """Candidate answer numbers in a passage, in order, with labels from nearby words.

    `units` are the units the question itself asks in ("days", "km"): figures in them are
    answers, where "18 hours" beside a refusal is not.
    """
    # (fresh Figures each call: callers move them about)
    return [Figure(*f) for f in _figures(text, units)]


_FigureFields = tuple[float, int, int, bool, bool, str, bool]


@lru_cache(maxsize=1024)  # (one passage is often read for figures more than once)
def _figures(text: str, units: frozenset[str]) -> tuple[_FigureFields, ...]:
    """figures' work, as the fields of each Figure."""
    masked = _masked(text)
    out: list[Figure] = []
    for m in _NUM.finditer(masked):
        raw = m.group("n").replace(",", "")
        value = float(raw + (m.group("dec") or ""))
        after = masked[m.end(): m.end() + 20]
        unit = _UNIT_AFTER.match(after)
        if unit and not m.group("pct") and _unit_word(unit.group(0)) not in units:
            continue
        glued = (m.group("glued") or "").lower()  # "356km", "5,000t", "12.5FTE"
        if glued in ("km", "kms", "hrs", "mins") and _unit_word(glued) not in units:
            continue
        if not m.group("money") and not m.group("dec") and "," not in m.group("n"):
            if re.fullmatch(r"(19|20)\d\d", raw):
                line_start = masked.rfind("\n", 0, m.start()) + 1
                before = masked[max(line_start, m.start() - 12): m.start()]
                if re.match(r"\s*[:–—-]", after) or not re.search(r"(=|:|total|of)\s*$", before, re.I):
                    continue  # a year, or a year labelling the figure after it ("2021: 96,310")
            if len(raw) >= 7:
                continue  # a reference or account number
        if re.search(r"\b(?:fewer|less)\s+than\s*$|\b(?:below|under|up\s+to)\s*$", masked[max(0, m.start() - 12): m.start()],
                     re.I):
            continue  # "fewer than 5" is a suppressed figure, not an answer
        k = (m.group("k") or "").strip().lower()
        value *= _SCALE.get(k, 1)
        out.append(Figure(value, m.start(), m.end(), bool(m.group("money")), bool(m.group("pct")),
                          _label(text, m.start(), m.end()), False))
    for m in _WORD.finditer(masked.lower()):  # (lower-cased: the pattern runs faster without IGNORECASE)
        after = masked[m.end(): m.end() + 20]
        if _UNIT_AFTER.match(after):
            continue
        if re.search(r"\b(?:fewer|less)\s+than\s*$|\b(?:below|under)\s*$", masked[max(0, m.start() - 12): m.start()], re.I):
            continue
        w = m.group("w") or ""
        if w == "one" and _pronoun_one(masked[max(0, m.start() - 16): m.start()], after):
            continue
        line_start = masked.rfind("\n", 0, m.start()) + 1
        if re.search(r"\d[^\n()]*\(\s*$", masked[line_start:m.start()]):
            continue  # "0.5 FTE (one part-time officer)": an aside on the figure before it
        value = _WORDNUM[w] if w else _WORDNUM[m.group("tens")] + _WORDNUM[m.group("unit")]
        out.append(Figure(float(value), m.start(), m.end(), False, False,
                          _label(text, m.start(), m.end()), False))
    zero = None if out else _ZERO.search(masked)
    if zero:
        out.append(Figure(0.0, zero.start(), zero.end(), False, False, "", False))
    out.sort(key=lambda f: f.start)
    for f in out:
        line_start = text.rfind("\n", 0, f.start) + 1
        before = text[max(0, f.start - 40): f.start]
        tm = _TOTAL.search(before)
        if tm and _YEARISH.match(_clean(f.label)) and re.search(r"(?:19|20)\d\d", before[tm.end():]):
            tm = None  # "£212,400 in total: 2020/21 £0, ...": the year's own figure, after the total
        if tm and _PART_OF.search(before[tm.end():]):
            tm = None  # "782 plots in total, of which 641 are ...": a part of the total before it
        if tm and re.search(r"\b(?:capacity|limit|maximum|target|budget|threshold)\b", before[tm.end():], re.I):
            tm = None  # "96% of their combined capacity of 8,000 tonnes": a limit, not a total of the answer
        f.total = bool(tm
                       or re.match(r"\s*(?:(?:[a-z-]+\s+){0,3}?(?:in\s+total|in\s+all|altogether)\b|overall|over\s+the\s+(?:\w+\s+){0,2}"
                                   r"(?:years|period)|across\s+(?:the|all)\b)", text[f.end: f.end + 40], re.I)
                       or re.match(r"\W*(?:grand\s+)?total\b", text[line_start:f.start], re.I))
    return tuple((f.value, f.start, f.end, f.money, f.percent, f.label, f.total) for f in out)


_SCALE = {"k": 1e3, "m": 1e6, "bn": 1e9, "thousand": 1e3, "million": 1e6, "billion": 1e9, "miliwn": 1e6, "filiwn": 1e6,
          "biliwn": 1e9}


def _unit_word(s: str) -> str:
    w = re.sub(r"^(?:working|academic|financial|calendar|school|full|separate|consecutive)\s+", "", s.strip().lower())
    w = w.rstrip("s") if len(w) > 3 else w
    return _UNIT_NAMES.get(w, w)


@lru_cache(maxsize=1024)
def question_units(question: str) -> frozenset[str]:
    """Units a question asks in: "How many days ...", "length in km", "litres of glyphosate"."""
    # "in the past 12 months" is the question's window, not the unit of its answer
    q = re.sub(r"\b(?:\d+|one|two|three|four|five|six|twelve)\s+(?:working\s+|calendar\s+)?[a-z]+", " ", question.lower())
    words = re.findall(r"[a-z]+", q)
    found = {_unit_word(w) for w in words if _UNIT_AFTER.match(" " + w)}
    return frozenset(found - {"th", "st", "nd", "rd", "am", "pm"})


# "612 in 2021/22", "£4,873,900 during the financial year 2022/23": the year just after a figure
_YEAR_AFTER = re.compile(r"\s*(?:\w+\s+){0,2}?(?:in|for|during)\s+(?:the\s+)?(?:(?:financial|calendar)\s+year\s+|"
                         r"(?:year|winter|fy)\s+)?((?:fy\s*)?(?:" + YEAR + r"|\d\d/\d\d))\b", re.I)
_YEAR_IN_BRACKETS = re.compile(r"\s*\(\s*(" + YEAR + r")\s*\)")
_YEAR_OPENS = re.compile(r"^\s*(?:in|during|for)\s+(?:the\s+)?(?:(?:financial|calendar)\s+year\s+|year\s+)?"
                         r"(" + YEAR + r"),?\s+(?:\w+\s+){0,5}?$", re.I)
# (a holiday or season with its year names a period of its own: "Easter 2023: 1,204; Summer 2023: 4,310")
_SEASON = r"(?:(?:easter|summer|spring|autumn|winter|christmas|whitsun|(?:spring\s+|summer\s+|autumn\s+)?half[- ]term)\s+)?"
_YEAR_JUST_BEFORE = re.compile(r"(?:^|[\s|(])(" + _SEASON + r"(?:fy\s*)?" + YEAR + r")(?:\s*[:=–—-]\s*|\s{2,}|\t)"
                               r"(?:[^\W\d_]+\s*/\s*)?$", re.I)

# "2021/22 £38,410 / 2022/23 £41,985": a year opening an item of a list, one space before its figure
_YEAR_ITEM_BEFORE = re.compile(r"(?:^|[/,;|\t]\s*)(" + _SEASON + r"(?:fy\s*)?" + YEAR + r")\s$", re.I)


def _label(text: str, start: int, end: int) -> str:
    """Words that name a figure: "Adult social care = 1202" / "373 are in Family Services"."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end0 = text.find("\n", end)
    after0 = text[end: line_end0 if line_end0 >= 0 else len(text)]
    if not after0.strip():  # "£4,873,900\nin 2021/22": a hard-wrapped line goes on below
        after0 = text[end: end + 40].split("\n\n")[0].replace("\n", " ")
    m0 = _YEAR_AFTER.match(after0)
    if m0:
        return m0.group(1)
    m0 = _YEAR_IN_BRACKETS.match(after0)
    if m0:
        return m0.group(1)  # "640 (2021), 705 (2022)"
    before = text[line_start:start]
    cut = before.find(" ", len(before) - 48) if len(before) > 48 else -1
    near = before[cut:] if cut > 0 else before  # (the year is just before the figure: its last words will do)
    yr = _YEAR_JUST_BEFORE.search(near) or _YEAR_ITEM_BEFORE.search(near)
    if yr:
        return yr.group(1)  # "2021: 512 2022: 690", "2020/21   £0.00": the year just before the figure
    before = _WELSH_BEFORE.sub("", before)  # "2020/21: Dim / Nil": the Welsh word beside the English
    before = _ASIDE_IN_LABEL.sub("", before)  # "Police staff (including PCSOs): 9,870"
    before = _LABEL_CUT.split(before)[-1]
    # "2021/22   £86,412.50", "| 2021/22 | 8 |", "2020/21: £96,400 | 2021/22: ...": the nearest cell before
    before = ([p for p in _CELL_GAP.split(before) if p.strip()] or [""])[-1]
    pieces = [p for p in before.split(":") if p.strip()]
    if len(pieces) > 1 and _YEARISH.match(pieces[-1].strip(" -–—=")):
        before = pieces[-1]  # "Combined loans: 2021: 96,310" is labelled by its year
    m1 = _YEAR_OPENS.match(before)
    if m1:
        return m1.group(1)  # "In 2020 there were 612 ...", "During 2021/22 the Council received 45"
    before = _LEAD_MARK.sub("", before).strip(" :=-–—|\t")
    before = _TRAILING_VERB.sub("", before).strip(" :=-–—|\t")
    if before and len(before) <= 60 and (_LETTER.search(before) or _YEARISH.match(before)):
        return "" if _CLAUSE_LABEL.match(before) else before
    # (a year after the figure was taken above, by _YEAR_AFTER on the same words)
    after = text[end: line_end0 if line_end0 >= 0 else len(text)]
    m = re.match(r"\s*(?:are|is|were|was|work|worked|based|employed)?\s*(?:in|at|within|for|from)\s+(?:the\s+)?"
                 r"([A-Za-z][\w &'’-]{1,50}?)(?=[,.;]|\s+and\b|\s*$)", after)
    if m:
        return m.group(1).strip()
    m = _WORDS_AFTER.match(after)
    return m.group(1).strip() if m else ""


@dataclass
class NumberReading:
    value: float | None
    breakdown: dict[str, float] | None
    used: list[Figure]
    confidence: float


def read_number(text: str, money: bool = False, percent: bool = False, price: bool = False,
                columns: list[str] | None = None, units: frozenset[str] = frozenset(),
                question: str = "") -> NumberReading | None:
    """The answer number of a passage, or None when it gives none (see _read_any)."""
    r = _read_any(text, money, percent, price, columns, units, question)
    if r is not None and r.breakdown and r.value is not None and len(r.breakdown) >= 2 and all(
            _PERIOD_KEY.match(k) for k in r.breakdown) and not any(f.total for f in r.used):
        # per holiday or season of a year, with no total said: the periods, as with years
        return NumberReading(None, r.breakdown, r.used, r.confidence)
    return r


_PERIOD_KEY = re.compile(r"(?=[a-z])" + _SEASON + YEAR + "$", re.I)  # (a season's name required)


def _read_any(text: str, money: bool = False, percent: bool = False, price: bool = False,
              columns: list[str] | None = None, units: frozenset[str] = frozenset(),
              question: str = "") -> NumberReading | None:
    """The answer number of a passage, or None when it gives none.

    `money`/`percent` say the question asks for an amount or a rate, so those figures are
    the answer rather than distractors; `price` that it asks for a price, which does not add up
    with the other prices beside it. `columns` are the header cells of a table row;
    `question` picks its column of a table with several ("Eligible for FSM | Took FSM on census day").
    """
    resp = _respectively(text, money, units, question) if "respectively" in text else None
    if resp is None and ":" in text:
        resp = _years_then_figures(text, units)
    if resp is not None:
        return resp
    asked_for = _in_the_terms_asked(text, units, question)
    if asked_for is not None:
        return asked_for
    flat = unflatten_cells(text)  # a table copied out one cell a line, back in rows (same length: offsets hold)
    down = _years_down(flat, question, money) if question and ("|" in flat or "\t" in flat) else None
    if down is not None:
        return down
    across = _total_row_across(flat) if "|" in flat or "\t" in flat else None
    if across is not None:
        return across
    r = _read_number(text, flat, money, percent, price, columns, units, question)
    asked = {_year_key(y) for y in year_in(question)}
    if not percent and not price and (r is None or not r.breakdown or _misses_years(r.breakdown, asked)):
        prose = _years_in_prose(text, asked, money, units)
        if prose is not None and prose.breakdown and (r is None or r.value is None or prose.value == r.value
                                                      or r.value in prose.breakdown.values()):
            return prose
    if r is None or r.value is not None or not r.breakdown or len(r.breakdown) < 2:
        return r
    if len(asked) == 1 and not _SEVERAL_YEARS.search(question):
        # "How many in 2022/23?" - "In 2022/23 there were 45, compared with 38 in 2021/22": the year asked
        hit = [(k, f) for k, f in zip(r.breakdown, r.used, strict=False) if _year_key(k) in asked]
        if len(hit) == 1 and len(r.used) == len(r.breakdown):
            return NumberReading(hit[0][1].value, None, [hit[0][1]], r.confidence)
    return r


def _in_the_terms_asked(text: str, units: frozenset[str], question: str) -> NumberReading | None:
    """A figure the question's own terms single out: the reply's "longest" for "What was the longest ...?", the
    figure in tonnes for "How much salt, in tonnes?", the one figure in FTE for "How many FTE officers?"."""
    most = _SUPERLATIVE.search(question)
    asked_in = _ASKED_IN.search(question)
    fte_asked = _FTE.search(question)
    if not (most or asked_in or fte_asked):
        return None
    figs = figures(text, units)
    if most and len(figs) >= 2 and len(year_in(question)) < 2:
        # "What was the longest period ...?" - "7 households ... and the longest continuous stay ... was 19
        # weeks": the first figure after the passage's own "longest", in its sentence
        said = re.search(r"\b" + most.group(0) + r"\b[^.;\n]{0,100}?", text, re.I)
        after = [f for f in figs if said and said.end() <= f.start
                 and not _SENTENCE_BREAK.search(text[said.end():f.start]) and not f.percent]
        if after:
            return NumberReading(after[0].value, None, [after[0]], 0.75)
    if asked_in:
        # "How much salt, in tonnes, ...?" - "our two salt barns held 7,650 tonnes, 96% of their capacity of
        # 8,000 tonnes": the first figure given in the unit asked for
        unit = asked_in.group(1).lower().rstrip("s")[:5]
        counted = [f for f in figs if not f.percent]
        given = [f for f in counted if re.match(r"\s*" + unit, text[f.end:f.end + 12], re.I)]
        words_only = all(text[f.start:f.end].isalpha() for f in counted if f not in given)  # ("our two barns")
        if given and words_only and (len(given) == 1 or not any(f.total for f in given) and re.search(
                r"\b(?:capacity|limit|maximum)\b", text, re.I)):
            return NumberReading(given[0].value, None, [given[0]], 0.8)
    if fte_asked:
        # "We have 3 empty homes officers (2.6 FTE).": asked in full-time equivalents, the one figure given
        # in them (several in them - a total and its parts - are read as usual)
        fte = [f for f in figs if _FTE.match(text, f.end) and not f.money and not f.percent]
        other = [f for f in figs if f not in fte]
        if len({f.value for f in fte}) == 1 and (not other or len(other) == 1 and re.fullmatch(
                r"[^\d()]{0,40}\(\s*", text[other[0].end:fte[0].start])):
            return NumberReading(fte[0].value, None, [fte[0]], 0.85)  # (not "four officers and a manager (0.5 FTE)")
    return None


def _total_row_across(text: str) -> NumberReading | None:
    """A table with a year in each column and a row per part, closed by a Total row ("Cost code | 2020/21 |
    2021/22" / "Devices | £38,400 | £12,900" / "Total | £112,610 | £92,730"): the Total row, year by year."""
    header: list[str] | None = None
    parts = 0
    for m in re.finditer(r"[^\n]*", text):
        line, pos = m.group(0), m.start()
        cells = table_cells(line)
        if header is None:
            if len(cells) >= 3 and all(_YEARISH.match(c) for c in cells[1:]) and not _YEARISH.match(cells[0]):
                header = cells
        elif len(cells) == len(header):
            figs = figures(line)
            if len(figs) != len(header) - 1 or _DIGIT.search(cells[0]):
                return None
            if not _TOTAL.match(cells[0]):
                parts += 1
                continue
            if parts < 2:
                return None
            for f in figs:
                f.start, f.end = f.start + pos, f.end + pos
            return NumberReading(None, {_year_key(y): f.value for y, f in zip(header[1:], figs, strict=True)},
                                 figs, 0.8)
        elif header is not None and line.strip():
            return None
    return None


_SUPERLATIVE = re.compile(r"\b(?:longest|shortest|highest|lowest|largest|smallest|maximum|minimum)\b", re.I)
_ASKED_IN = re.compile(r"\b(?:in|how\s+many)\s+(tonnes|litres|kilograms|gallons|hectares|acres|cubic\s+metres)\b", re.I)
_FTE = re.compile(r"\s*(?:\b(?:fte|wte)\b|(?:full|whole)[- ]time[- ]equivalents?\b)", re.I)


def _years_down(text: str, question: str, money: bool = False) -> NumberReading | None:
    """A table with a year on each row and several columns ("Financial year | Patients and visitors | Staff
    permits | Total"): the column the question names (a Total column when it asks for everything or for
    two of them; else the one column of amounts when it asks for an amount), year by year; a Total row
    gives the value."""
    header: list[str] | None = None
    rows: list[tuple[str, list[Figure]]] = []
    total_row: list[Figure] | None = None
    pos = 0
    for line in text.split("\n"):
        cells = table_cells(line)
        if len(cells) >= 3:
            first = cells[0].strip()
            if header is None and not rows and not any(_DIGIT.search(c) for c in cells[1:]):
                header = [c.strip() for c in cells]
            elif header and len(cells) == len(header) and (_YEARISH.match(first) or _TOTAL.match(first.lower())):
                figs = [f for f in figures(line) if not (_YEARISH.match(line[f.start:f.end]) and f.start < len(first) + 2)]
                if len(figs) == len(header) - 1:
                    for f in figs:
                        f.start, f.end = f.start + pos, f.end + pos
                    if _TOTAL.match(first.lower()):
                        total_row = figs
                    else:
                        rows.append((first, figs))
        pos += len(line) + 1
    if header is None or len(rows) < 2:
        return None
    want = content_words(question)
    names = header[1:]
    score = [len(content_words(n) & want) for n in names]
    totals = [i for i, n in enumerate(names) if _TOTAL.search(n)]
    best = max(score)
    if totals and (_TOTAL.search(question) or sum(1 for x in score if x) >= 2 or best == 0):
        col = totals[0]
    elif best > 0 and score.count(best) == 1:
        col = score.index(best)
    elif money and len(amounts := [i for i, n in enumerate(names) if "£" in n or all(f[i].money for _y, f in rows)]) == 1:
        col = amounts[0]  # "Financial year | Bookings | Spend (£)" for "How much did you spend ...?"
    else:
        return None
    breakdown = {_year_key(y): figs[col].value for y, figs in rows}
    used = [figs[col] for _y, figs in rows]
    value = total_row[col].value if total_row else None
    return NumberReading(value, breakdown, used + ([total_row[col]] if total_row else []), 0.8)


def _respectively(text: str, money: bool, units: frozenset[str], question: str) -> NumberReading | None:
    """"31, 24 and 19 in 2020, 2021 and 2022 respectively"; "arranged 38, 45 and 51 funerals respectively"
    for "in each of 2021/22, 2022/23 and 2023/24": each figure goes with the year in the same place."""
    m = re.search(r"\brespectively\b", text)
    if m is None:
        return None
    start = max(text.rfind(". ", 0, m.start()) + 1, text.rfind("\n\n", 0, m.start()) + 1, 0)
    stop = m.end()
    every = figures(text, units)
    figs = [f for f in every if start <= f.start < stop and not f.percent]
    if money and any(f.money for f in figs):
        figs = [f for f in figs if f.money]
    years = list(dict.fromkeys(y.group(0) for y in _YEAR_IN_QUESTION.finditer(text, start, stop)))
    if not years:
        years = year_in(question)
    if len(years) >= 2 and len(figs) > len(years):
        # "contains 212 buildings, 38 of which ..., and carried out 96, 104 and 133 audits": the list itself
        tail = figs[-len(years):]
        if all(re.fullmatch(r"\s*(?:,|and|,\s*and|&)\s*", text[a.end:b.start])
               for a, b in zip(tail, tail[1:], strict=False)):
            figs = tail
    if len(years) > len(figs) >= 2:
        # "Under the Housing Act 1985 ... completed 96, 104 and 133 sales in 2021, 2022 and 2023 respectively":
        # the years listed after the figures
        later = list(dict.fromkeys(y.group(0) for y in _YEAR_IN_QUESTION.finditer(text, figs[-1].end, stop)))
        years = later if len(later) == len(figs) else years
    if len(figs) < 2 or len(figs) != len(years):
        return None
    total = sum(f.value for f in figs)
    # "4, 6 and 3 respectively (13 in total)"
    # (or before them: "A total of 333 claims ... (96, 104 and 133 respectively)")
    said = next((f for f in every if (stop <= f.start < stop + 60 or start <= f.start < stop and f not in figs)
                 and abs(f.value - total) < 0.01), None)
    return NumberReading(said.value if said else None, {y: f.value for y, f in zip(years, figs, strict=True)},
                         [*figs, said] if said else figs, 0.8)


_YEARS_THEN_FIGURES = re.compile(
    r"(?<![\w/])((?:" + YEAR + r")(?:\s*(?:,|and|&)\s*(?:" + YEAR + r"))+)\s*[:=–—]\s*"
    r"([£$€]?\d[\d,.]*(?:\s*(?:,|and|&)\s*[£$€]?\d[\d,.]*)+)(?![\w/])")


def _years_then_figures(text: str, units: frozenset[str]) -> NumberReading | None:
    """"2021/22 and 2022/23: 12 and 15": the years listed, then their figures in the same order."""
    m = _YEARS_THEN_FIGURES.search(text)
    if m is None:
        return None
    years = [y.group(0) for y in re.finditer(YEAR, m.group(1))]
    figs = [f for f in figures(text, units) if m.start(2) <= f.start < m.end(2)]
    if len(years) < 2 or len(figs) != len(years) or len(set(years)) != len(years):
        return None
    return NumberReading(None, {_year_key(y): f.value for y, f in zip(years, figs, strict=True)}, figs, 0.8)


# a sentence, or a line's part of one ("£10.25" is not a sentence's end)
_SENTENCE = re.compile(r"(?:[^.!?\n]|(?<=\d)\.(?=\d))+[.!?]?")
_YEAR_LIST_GAP = re.compile(r"\s*(?:,|or|and|&|nor|,\s*(?:or|and))\s*")
_EACH_YEAR = re.compile(r"\s+(?:[a-z]+\s+){0,3}?(?:in|for)\s+(?:each|every|all)\s+(?:of\s+(?:the|those|these)\s+)?"
                        r"(?:(?:two|three|four|five|\d)\s+)?(?:financial\s+|calendar\s+)?years?\b", re.I)
_LABEL_MARK = re.compile(r"(?:\s*[:=–—]|\s+-)\s*£?\d")
_IN_THE_YEAR = r"\b(?:in|during|for)\s+(?:the\s+)?(?:(?:financial|calendar)\s+)?(?:year\s+)?"  # "during the financial year"
_IN_YEAR = re.compile(_IN_THE_YEAR + "$", re.I)
_WRONG_SIDE = 40  # characters: how much further a figure on the side a year does not point to may be
_NONE_IN_YEAR = re.compile(r"\b(?:none|nil|zero|nothing)\b|\bno\b(?=[^.,;:\d]{0,60}?" + _IN_THE_YEAR + YEAR + ")", re.I)


def _misses_years(breakdown: dict[str, float], asked: set[str]) -> bool:
    """A breakdown by year that leaves out, or mislabels, a year the question asks for (`asked`)."""
    return len(asked) >= 2 and all(_YEAR_IN_QUESTION.search(k) for k in breakdown) and \
        {_year_key(k) for k in breakdown} != asked


def _years_in_prose(text: str, asked: set[str], money: bool, units: frozenset[str]) -> NumberReading | None:
    """"In 2021 there were 1,204 falls, rising to 1,317 in 2022 and 1,289 in 2023"; "two incidents in 2021/22
    and none in 2020/21 or 2022/23", for a question that asks year by year: each year (or list of years, "in
    2021 or 2022") takes the figure nearest it in its sentence, each figure used once. `asked`: the question's
    years."""
    if len(asked) < 2 or "|" in text or "\t" in text:
        return None
    found = figures(text, units)
    every = [f for f in found if not f.percent]
    if len(every) == 1 and _EACH_YEAR.match(text, every[0].end):
        # "7 in each year", "£12,000 a year in each of the three years": the same figure every year asked
        years = sorted(asked)
        return NumberReading(None, {y: every[0].value for y in years}, every, 0.6)
    got: dict[str, Figure] = {}
    for sm in _SENTENCE.finditer(text):
        s, sent = sm.start(), sm.group(0)
        groups: list[tuple[int, int, list[str]]] = []  # (start, end, years) of each run of years
        for ym in _YEAR_IN_QUESTION.finditer(sent):
            y = _year_key(ym.group(0))
            if groups and _YEAR_LIST_GAP.fullmatch(sent[groups[-1][1]:ym.start()]):
                groups[-1] = (groups[-1][0], ym.end(), [*groups[-1][2], y])
            else:
                groups.append((ym.start(), ym.end(), [y]))
        if not groups:
            continue
        figs = [f for f in figures(sent, units) if not f.percent and (f.money or not money)
                and not _YEAR_IN_QUESTION.fullmatch(sent[f.start:f.end])]
        figs += [Figure(0.0, z.start(), z.end(), False, False, "", False) for z in _NONE_IN_YEAR.finditer(sent)
                 if (not money or z.group(0).lower() in ("nil", "nothing"))
                 and not any(f.start <= z.start() < f.end for f in figs)]
        # "2021/22: £0, 2022/23: £215,000": a year that labels what follows takes a figure after it, not the
        # nearer one before
        after = any(_LABEL_MARK.match(sent, ge) for _gs, ge, _ys in groups)
        # "nothing in 2021/22, £215,000 in 2022/23": a year after "in" takes, before a nearer one after it,
        # the figure before it
        back = [bool(_IN_YEAR.search(sent, max(0, gs - 30), gs)) for gs, _ge, _ys in groups]
        pairs = sorted((max(f.start - ge, gs - f.end, 0) + (_WRONG_SIDE if back[gi] and f.start >= ge else 0), gi, fi)
                       for gi, (gs, ge, _ys) in enumerate(groups)
                       for fi, f in enumerate(figs) if not after or f.start >= ge)
        done_g: set[int] = set()
        done_f: set[int] = set()
        for _d, gi, fi in pairs:
            if gi in done_g or fi in done_f:
                continue
            done_g.add(gi)
            done_f.add(fi)
            f = figs[fi]
            for y in groups[gi][2]:
                got.setdefault(y, replace(f, start=f.start + s, end=f.end + s))
    keep = {y: f for y, f in got.items() if y in asked}
    if not keep:
        # a reply by calendar year to a question by financial year (or the other way): its own years,
        # when they fall within the years asked
        lo, hi = min(asked)[:4], str(int(max(asked)[:4]) + ("/" in max(asked)))
        keep = {y: f for y, f in got.items() if lo <= y[:4] <= hi}
    if len(keep) != len(asked):
        return None  # (a year not given, or a table row's years: not a year-by-year answer in words)
    years = sorted(keep)
    used = [keep[y] for y in years]
    total = sum(f.value for f in used)
    said = next((f for f in found if f.total and abs(f.value - total) < 0.01), None)
    return NumberReading(said.value if said else None, {y: keep[y].value for y in years},
                         [*{(f.start, f.end): f for f in used}.values(), *([said] if said else [])], 0.6)


_SEVERAL_YEARS = re.compile(r"\b(?:each|since|from\s+(?:19|20)\d\d|between|annually|per\s+year|by\s+year|to\s+date|"
                            r"(?:last|past|previous|\d+|two|three|four|five|six|ten)\s+(?:\w+\s+)?years)\b", re.I)


def year_in(text: str) -> list[str]:
    """The distinct years a text names, in order ("2021/22", "2023")."""
    return list(dict.fromkeys(_YEAR_IN_QUESTION.findall(text)))


def _year_key(label: str) -> str:
    """"2022/23", "2022-2023", "FY 2022/23" -> "2022/23"; "2022" -> "2022"."""
    m = re.search(r"((?:19|20)\d\d)(?:\s?[/-]\s?(?:19|20)?(\d\d))?", label)
    if not m:
        return label.strip().lower()
    return m.group(1) + (f"/{m.group(2)}" if m.group(2) else "")


def _read_number(text: str, flat: str, money: bool, percent: bool, price: bool, columns: list[str] | None,
                 units: frozenset[str], question: str) -> NumberReading | None:
    """read_number's general case; `flat` is `text` with its one-cell-a-line tables back in rows."""
    every = figures(text, units)
    figs = [f for f in every if _as_asked(f, money, percent)]
    if not figs and not money and not percent and len(every) == 1 and every[0].money:
        # "£1,450 per licence" for "What is the licence fee?": an amount is the only figure given
        return NumberReading(every[0].value, None, every, 0.6)
    if percent and any(f.percent for f in figs):
        figs = [f for f in figs if f.percent]  # "What percentage of the Fund's value": the rate, not the £
    elif money and any(f.money for f in figs):
        # "2020/21: Nil" beside £ figures (not the 0 of an age band, "0 to 4")
        figs = [f for f in figs if f.money or f.total or f.value == 0 and not _RANGE_AFTER.match(text, f.end)]
    if money and len(figs) >= 2 and _SPENT.search(question) and not _BUDGET.search(question):
        # "a capital budget of £95,000 ... The outturn was £88,212.60" for "How much did you spend": what was
        # set aside is not what was spent
        figs = [f for f in figs if not _BUDGET.search(text[max(0, f.start - 30):f.start])] or figs
    if len(figs) >= 2 and ("ask" in text or "scope" in text):
        # "... and 38 family entertainment centre permits, which you did not ask about": the figure it follows
        told = {max((i for i, f in enumerate(figs) if f.end <= m.start()), key=lambda i: figs[i].end, default=-1)
                for m in _NOT_ASKED.finditer(text)}
        figs = [f for i, f in enumerate(figs) if i not in told] or figs
    if len(figs) == 2 and figs[0].value < figs[1].value and re.search(
            r"\bbetween\s*[£$€]?$", text[:figs[0].start], re.I) and re.fullmatch(r"\s*and\s*[£$€]?", text[figs[0].end:figs[1].start]):
        # "We estimate that between 2,600 and 2,900 pupils attended": a range, no one figure
        return NumberReading(None, None, figs, 0.6)
    if len(figs) >= 2 and "of" in text:
        # "203 empty homes, out of a total stock of 6,350", "15,880 of our 17,204 lights": the whole it is
        # part of is no answer
        figs = [f for f in figs if not _OUT_OF.search(text[max(0, f.start - 40):f.start])] or figs
    # "Of the 1,204 people brought to our two suites, 87 were under 18": the opening clause only sets the scene
    scene = [m.span() for m in _OF_THE.finditer(text)] if len(figs) >= 2 else []
    if scene:
        figs = [f for f in figs if not any(a <= f.start < b for a, b in scene)] or figs
    if not figs:
        return None
    if flat != text:
        # "Financial year / Claims / 2020/21 / 45 / 2021/22 / 52 / 2022/23* / 61": a table copied out one cell
        # a line, whose rows' years label the figures
        by_year = [f for f in figures(flat, units) if _as_asked(f, money, percent)]
        labels = [_clean(f.label) for f in by_year]
        if len(by_year) >= 2 and all(_YEARISH.match(lab) for lab in labels) and len(set(labels)) == len(labels):
            figs = by_year
    text = flat
    by_column = _column_of_table(text, question) if question and ("|" in text or "\t" in text) else None
    if by_column is not None:
        return by_column
    table = _table_in(text, question, money)
    if table is not None:
        columns, figs = table
    if columns and len(figs) >= 2:
        cells = figs[-len(columns):] if len(figs) >= len(columns) else figs
        rows = _rows_of(text, figs, len(columns))
        if rows:
            # "Stop and searches | 3,406 | 3,118 | 3,592" over "Searches resulting in arrest | 611 | 540": the row
            # the question asks about, else a Total row, else the first
            want = content_words(question) if question else frozenset()
            scored = [(len(content_words(name) & want), bool(_TOTAL.match(name.strip().lower())), -i, row)
                      for i, (name, row) in enumerate(rows)]
            cells = max(scored, key=lambda x: x[:3])[3]
        names = columns[-len(cells):]
        total_i = [i for i, n in enumerate(names) if _TOTAL.search(n)]
        bd = {n: f.value for n, f in zip(names, cells, strict=True) if not _TOTAL.search(n)}
        if total_i:
            return NumberReading(cells[total_i[0]].value, bd, cells, 0.9)
        if all(_YEARISH.match(n.strip()) or _DATE_CELL.match(n.strip()) for n in names):
            return NumberReading(None, bd, cells, 0.85)
        return NumberReading(sum(bd.values()), bd, cells, 0.75)
    if len(figs) == 1:
        f = figs[0]
        # (a lone figure beside a pointer to an attachment or a link may be that file's name: look)
        sure = len(text) < 400 and not _POINTER.search(text)
        return NumberReading(f.value, None, figs, 0.95 if sure else 0.8)
    # "8 (6 owned, 2 leased)": a figure and, in brackets after it, the parts that make it up
    for i, t in enumerate(figs[:-2]):
        close = text.find(")", t.end)
        if text[t.end: t.end + 3].lstrip().startswith("(") and close > 0:
            parts = [f for f in figs[i + 1:] if f.end <= close]
            if len(parts) >= 2 and abs(sum(f.value for f in parts) - t.value) < 0.005 * t.value + 0.01:
                bd = _named_parts(parts)
                return NumberReading(t.value, bd, [t, *parts], 0.9)
    # one figure that is the sum of all the others is their total ("21: unit A 12, unit B 9")
    if len(figs) >= 3:
        year_labels = {lab for lab in (_clean(f.label) for f in figs) if _YEARISH.match(lab)}
        for t in (figs[0], figs[-1]):
            rest = [f for f in figs if f is not t]
            if (_YEARISH.match(_clean(t.label)) and len(year_labels) > 1) or (t.value < 10 and len(rest) < 3):
                continue  # one more year's figure, or small numbers that add up by chance
            if t.value > 0 and abs(sum(f.value for f in rest) - t.value) < 0.005 * t.value + 0.01:
                return NumberReading(t.value, _named_parts(rest), figs, 0.9)
    split = _total_then_parts(figs, text)
    if split is not None:
        return split
    totals = [f for f in figs if f.total]
    if totals:
        t = totals[0]
        others = [x for x in figs if x is not t and not x.total and x.value != t.value]
        ok = abs(sum(x.value for x in others) - t.value) < 0.01 * max(t.value, 1)
        if not ok:
            # keep only the labelled figures on the lines next to the total (its own list)
            near = [x for x in others if abs(text.count("\n", 0, x.start) - text.count("\n", 0, t.start)) <= 8
                    and _clean(x.label)]
            if near and abs(sum(x.value for x in near) - t.value) < 0.01 * max(t.value, 1):
                others, ok = near, True
            # "Other sites (23 sites)   446": a figure in brackets in a row's name is no part
            bare = [x for x in (near or others) if not _in_brackets(text, x.start)]
            if not ok and len(bare) >= 2 and abs(sum(x.value for x in bare) - t.value) < 0.01 * max(t.value, 1):
                others, ok = bare, True
            first_of_year: dict[str, Figure] = {}  # (a later "in 2023 the 3,388 reports ..." restates one)
            for x in others:
                if _YEARISH.match(lab := _clean(x.label)):
                    first_of_year.setdefault(lab, x)
            yearly = list(first_of_year.values())
            if not ok and len(yearly) >= 2 and abs(sum(x.value for x in yearly) - t.value) < 0.01 * max(t.value, 1):
                others, ok = yearly, True  # the years add up to the total; other figures are asides
        # "(13 in total). ... none required onward reporting": a later sentence's "none" is no part of it
        others = [x for x in others if x.value or x.start < t.start or not _SENTENCE_BREAK.search(text[t.end:x.start])]
        named = _named_parts(others)
        return NumberReading(t.value, named if ok and named else None, figs, 0.9 if ok else 0.7)
    labels = [_clean(f.label) for f in figs]
    if len(figs) >= 3 and not _YEARISH.match(labels[0]) and all(_YEARISH.match(lab) for lab in labels[1:]) and \
            len(set(labels[1:])) == len(labels) - 1:
        # "The force carried out 2,311 stop and searches in 2021, 2,087 in 2022 and 2,540 in 2023": the
        # first figure's year comes a few words after it, like the others'
        m = re.match(r"[^\W\d]*(?:\s+[^\W\d]+){0,4}?\s+(?:in|for|during)\s+(" + YEAR + r")\b",
                     text[figs[0].end:figs[1].start])
        if m is None:
            # "arranged 19 funerals under section 87 of the 1948 Act in 2021/22, 24 in 2022/23": the year
            # just before the second figure
            m = re.search(r"\b(?:in|for|during)\s+((?:fy\s*)?" + YEAR + r")[\s,;]*$",
                          text[figs[0].end:figs[1].start], re.I)
        if m and m.group(1) not in labels:
            labels[0] = m.group(1)
            figs[0] = replace(figs[0], label=m.group(1))
    if len(figs) >= 2 and all(_YEARISH.match(lab) for lab in labels) and len(set(labels)) == len(labels):
        return NumberReading(None, dict(zip(labels, (f.value for f in figs), strict=True)), figs, 0.85)
    asked = _YEAR_IN_QUESTION.findall(question)
    if len(figs) == len(asked) >= 2 and not any(labels) and len(text.strip()) <= 80:
        # "31 / 35 / 40" for "in each of 2021/22, 2022/23 and 2023/24": the years asked, in order
        return NumberReading(None, dict(zip(asked, (f.value for f in figs), strict=True)), figs, 0.7)
    years: list[Figure] = []
    for f, lab in zip(figs, labels, strict=True):  # the leading run of figures labelled by distinct years
        if not _YEARISH.match(lab) or lab in {_clean(y.label) for y in years}:
            break
        years.append(f)
    if len(years) >= 2 and all(
            f.start > years[-1].end and (_SENTENCE_BREAK.search(text[years[-1].end:f.start]) or _bracketed(text, f))
            for f in figs if f not in years):
        # "2021/22: 611  2022/23: 702. These figures include 212 claims ...": a later sentence is an aside,
        # and so is a bracket after the last year's figure ("£1,456,789 (including £12,345 for BSL)")
        return NumberReading(None, {_clean(f.label): f.value for f in years}, years, 0.7)
    coordinated = None if percent or price else _coordinated_parts(figs, text, question)
    if coordinated is not None:
        return coordinated
    if percent or price or any(re.search(r"\b(?:of\s+which|of\s+whom|of\s+these|including|includes?|exclud\w*|"
                                 r"not\s+included|for\s+comparison|compared\s+(?:with|to)|previous\s+year|"
                                 r"equates?|equivalent|headcount|made\s+up|comprising|consisting|a\s+further|"
                                 r"typically|on\s+average)\b",
                                 _ASIDE_IN_LABEL.sub("", text[max(0, f.start - 60): f.end])
                                 + re.split(r"\n|\.\s", text[f.end: f.end + 25])[0],
                                 re.I) for f in figs[1:]):
        # rates do not add up, and "63, of which 12 ..." names a part of the first figure
        return NumberReading(figs[0].value, None, figs[:1], 0.6)
    lead = len(text) - len(text.lstrip())
    if len(figs) == 2 and figs[0].start <= lead + 40 and "\n" not in text[figs[0].end:figs[1].start] and \
            re.search(r"\.\s+\W*[A-Z]", text[figs[0].end:figs[1].start]) and not all(
                re.search(r":\s*[£$€]?$", text[:f.start]) for f in figs):  # ("Officers: 14,102. Staff: 9,870.")
        # "12 vehicles. Of the pool cars, 3 are hybrids.": the answer opens the passage; a later
        # sentence's figure is an aside, not a part to add
        return NumberReading(figs[0].value, None, figs[:1], 0.6)
    if all(labels) and len(set(labels)) == len(labels) and not any(_CLAUSE_LABEL.match(lab) for lab in labels):
        bd = dict(zip(labels, (f.value for f in figs), strict=True))
        if all(_YEARISH.match(lab) for lab in labels):
            return NumberReading(None, bd, figs, 0.85)
        # labelled parts on their own lines add up to the answer
        return NumberReading(sum(bd.values()), bd, figs, 0.75)
    # "45 staff, of whom 12 ..." : the first figure is the answer
    return NumberReading(figs[0].value, None, figs[:1], 0.5)


# what between two figures says the second is no sibling of the first: a part of it, a comparison, a rate
_NOT_SIBLINGS = re.compile(r"\b(?:of\s+which|of\s+whom|of\s+these|including|includes?|exclud\w*|than|compared|"
                           r"previous|per|each|equates?|equivalent|out\s+of|a\s+further|total|overall|between|"
                           r"to|from\s+\S+\s+to|rose|fell|up|down|increase\w*|decrease\w*|whom|which|were\s+\w+ed)\b|"
                           r"[.;:!?]\s|[=/]", re.I)
_JOINED = re.compile(r"(?:,|\band|\bplus|\bwith)\s*[£$€]?\s*$", re.I)


_RANGE_AFTER = re.compile(r"\s*(?:-|–|to)\s*\d")
_SPENT = re.compile(r"\b(?:spend|spent|expenditure|cost)\b", re.I)
_BUDGET = re.compile(r"\b(?:budget|allocation|allocated)", re.I)
_NOT_ASKED = re.compile(r"\byou\s+(?:did\s+not|didn[’']t)\s+ask\b|\bnot\s+(?:part\s+of\s+|within\s+)?(?:the\s+scope\s+of\s+)?"
                        r"your\s+(?:question|request)\b|\boutside\s+the\s+scope\b", re.I)


def _coordinated_parts(figs: list[Figure], text: str, question: str) -> NumberReading | None:
    """Figures joined by commas and "and" in the passage's opening sentence, each followed by words of one kind,
    are the parts of the answer: "1,305 are slow chargers, 94 are fast chargers and 13 are rapid chargers",
    "All 48 of our primary schools and 3 of our secondary schools", "£395,000 from the ORCS fund and £126,400
    from the LEVI fund". Later sentences' figures are asides; "12 officers and 3 vehicles" are no parts of
    one answer (their words share nothing, nor does each name a thing the question asks about)."""
    if len(figs) < 2 or any(f.total or f.percent or _YEARISH.match(_clean(f.label)) for f in figs):
        return None
    lead = len(text) - len(text.lstrip())
    if figs[0].start > lead + 60 or "\n" in text[lead:figs[0].start]:
        return None
    if re.search(r"\b(?:between|from)\s*[£$€]?$", text[:figs[0].start], re.I):
        return None  # "between 2,600 and 2,900 pupils": a range, not two parts
    run = [figs[0]]
    for f in figs[1:]:
        gap = text[run[-1].end:f.start]
        if "\n" in gap or _NOT_SIBLINGS.search(gap) or not _JOINED.search(gap):
            break
        run.append(f)
    if len(run) < 2 or any(f.money != run[0].money for f in run):
        return None
    rest = figs[len(run):]
    if rest and not _SENTENCE_BREAK.search(text[run[-1].end:rest[0].start]):
        return None  # the sentence goes on with another figure: no plain list
    ends = [f.start for f in run[1:]] + [_clause_end(text, run[-1].end)]
    # the words after each figure, up to the next comma, bracket or "and" (six at most)
    said = [" ".join(re.split(r"[,(]|\band\b", text[f.end:e])[0].split()[:6]) for f, e in zip(run, ends, strict=True)]
    kinds = [content_words(w) for w in said]
    shared = frozenset.intersection(*kinds)
    starts = {(w.split() or [""])[0].lower() for w in said}
    asked = content_words(question)
    if not shared and not (run[0].money and len(starts) == 1 and starts != {""}) and \
            not (asked and all(k & asked for k in kinds)):
        return None  # (or each names a thing the question asks of: "held directly ... and through pooled funds")
    # each part by the words after it ("slow chargers", "fast chargers"), else by its own label
    names = [_LEAD_WORDS.sub("", w).strip(" .") or _clean(f.label)
             for w, f in zip(said, run, strict=True)]
    bd = dict(zip(names, (f.value for f in run), strict=True))
    if len(bd) < len(run) or not all(names):
        bd = {(n or f"part {i + 1}") + ("" if names.count(n) == 1 else f" ({i + 1})"): f.value
              for i, (n, f) in enumerate(zip(names, run, strict=True))}
    return NumberReading(sum(f.value for f in run), bd, run, 0.6)


_LEAD_WORDS = re.compile(r"^(?:(?:are|is|were|was|of|our|the|from|in|through|via|at|for|on|its|their|\d+)\s+)+", re.I)


def _bracketed(text: str, f: Figure) -> bool:
    """Whether a figure stands inside brackets on its line ("(including £12,345 for BSL)")."""
    line_start = text.rfind("\n", 0, f.start) + 1
    opened = text.rfind("(", line_start, f.start)
    return opened >= 0 and ")" not in text[opened:f.start]


def _as_asked(f: Figure, money: bool, percent: bool) -> bool:
    """Whether a figure can answer: an amount or a rate only where the question asks for one."""
    return (money or not f.money) and (percent or not f.percent)


def _total_then_parts(figs: list[Figure], text: str) -> NumberReading | None:
    """A figure and, soon after it, a run of two or more figures that add up to it: the total and its parts.

    "268 plots on 7 sites, made up of 201 full plots and 67 half plots", "412 homes were void ... Of these,
    338 were general needs and 74 sheltered": the figures in between ("7 sites") are asides. The parts must
    follow one another and sit within the next two sentences, and small totals are left alone (2 + 3 = 5 by
    chance is too easy)."""
    if len(figs) < 3:
        return None
    breaks = [m.start() for m in _SENTENCE_BREAK.finditer(text)]  # (counted between figures by bisection)
    order = sorted(range(len(figs)), key=lambda i: not figs[i].total)  # a figure said to be the total first
    for i in order:
        t = figs[i]
        if t.percent or _YEARISH.match(_clean(t.label)):
            continue
        # a small total only where the reply says the parts make it up and they are all the sentence's
        # figures ("Seven: five leisure centres and two pools", "The 11 sites comprise seven ... and four ...")
        small = t.value < 20
        if small and not (t.total or _PARTS_FOLLOW.match(text, t.end)):
            continue
        first_break = bisect_left(breaks, t.end)
        for j in range(i + 1, len(figs) - 1):
            if bisect_left(breaks, figs[j].start) - first_break > 1:
                break
            run = 0.0
            for k in range(j, len(figs)):
                f = figs[k]
                if f.percent or f.money != t.money:
                    break
                run += f.value
                if k > j and abs(run - t.value) < 0.005 * t.value + 0.01:
                    parts = figs[j:k + 1]
                    if small and (j != i + 1 or bisect_left(breaks, f.end) != first_break or k + 1 < len(figs)
                                  and bisect_left(breaks, figs[k + 1].start) == first_break
                                  and not _in_brackets(text, figs[k + 1].start)):
                        break  # (a figure in brackets after the last part is its aside: "(two posts at 0.8)")
                    return NumberReading(t.value, _distinct_parts(parts), [t, *parts], 0.8)
                if run > t.value * 1.01:
                    break
        if not small and _PARTS_FOLLOW.match(text, t.end):
            # "782 plots in total, of which 641 are on the 29 sites ... and 141 are on the two sites": with
            # "of which" after the total, one aside between two parts is passed over
            near = [f for f in figs[i + 1:i + 6]
                    if not f.percent and f.money == t.money and bisect_left(breaks, f.start) - first_break <= 1]
            for skip in range(1, len(near) - 1):
                parts = [f for n, f in enumerate(near) if n != skip]
                for k in range(2, len(parts) + 1):
                    if abs(sum(f.value for f in parts[:k]) - t.value) < 0.005 * t.value + 0.01 and skip < k:
                        return NumberReading(t.value, _distinct_parts(parts[:k]), [t, *parts[:k]], 0.75)
            listed = _listed_parts(t, figs[i + 1:], text)
            if listed:
                return NumberReading(t.value, _named_parts(listed), [t, *listed], 0.7)
    return None


def _listed_parts(t: Figure, after: list[Figure], text: str) -> list[Figure]:
    """ "£612,385 in total, of which the five most requested languages accounted for: Polish £96,120; Romanian
    £88,410; ...": a list of three or more named parts after a colon, that need not make up the whole."""
    colon = text.find(":", t.end, t.end + 120)
    if colon < 0 or not _PART_OF.search(text[t.end:colon]):
        return []
    listed: list[Figure] = []
    at = colon
    for f in after:
        if f.percent or f.money != t.money or re.search(r"[.!?]\s|\n\s*\n", text[at:f.start]):
            break
        listed.append(f)
        at = f.end
    # each part's name is the words between it and the part before (or the colon)
    ends = [colon + 1] + [f.end for f in listed[:-1]]
    labels = [re.sub(r"^[\s;,]*(?:and\s+)?|[\s:–-]*$", "", text[e:f.start]) for e, f in zip(ends, listed, strict=True)]
    if (len(listed) < 3 or not all(re.search(r"[^\W\d]{2}", x) and len(x) <= 60 for x in labels)
            or len(set(labels)) < len(labels) or any(_YEARISH.match(x) for x in labels)):
        return []
    return [replace(f, label=x) for f, x in zip(listed, labels, strict=True)] if sum(
        f.value for f in listed) < t.value else []


def _in_brackets(text: str, at: int) -> bool:
    """Whether position `at` is inside an open bracket on its line."""
    before = text[text.rfind("\n", 0, at) + 1:at]
    return before.count("(") > before.count(")")


# words that say the figures after them are parts of the one before: "of which", "made up of", "comprising"
_PART_WORDS = r"(?:of\s+(?:which|whom|these|those)|made\s+up\s+of|compris\w*|consist\w*\s+of)\b"
_PART_OF = re.compile(r"\b" + _PART_WORDS, re.I)
_PARTS_FOLLOW = re.compile(r"\s*(?:[a-z-]+\s+){0,5}?(?:[a-z-]+\s*)?(?::|\(|,?\s*(?:in\s+total|in\s+all|altogether)?,?\s*"
                           + _PART_WORDS + ")", re.I)


def _distinct_parts(parts: list[Figure]) -> dict[str, float]:
    """The parts by their labels, or numbered where two are named alike (rather than lose one)."""
    bd = _named_parts(parts)
    return bd if len(bd) == len(parts) else {f"part {n + 1}": p.value for n, p in enumerate(parts)}


def _named_parts(parts: list[Figure]) -> dict[str, float]:
    """The parts of a total by their labels ("part 2" where a part has none)."""
    return {(_clean(f.label) or f"part {i + 1}"): f.value for i, f in enumerate(parts)}


# words before a figure that open a sentence rather than name a part: "There were 14 ...", "The Council had 63",
# "Around 1,200", "231 people"
_CLAUSE_LABEL = re.compile(r"^(?:there|it|we|i|they|this|these|around|about|approximately|approx|roughly|some|"
                           r"over|under|at|of|to|by|people|staff|persons?|in|on|an?|the)$|"
                           r"^(?:the|our|this|these|we|i|it)\b.*\b(?:had|has|have|employs?|employed|receives|"
                           r"spends|pays|holds?|held|operates?|operated|issued|made|was|were|is|are|includes?)$|"
                           r"^of\s+the\b|"
                           # "The Council's licensing register shows", "Please see the table below", "The Council
                           # reported", any label of seven words or more: a clause that leads to a figure names no part of it
                           r"^\S.*\s(?:reported|reports|shows?|showed|completed|confirms?|confirmed|totall?ed|amounted|"
                           r"recorded|received|spent|paid)$|^please\b|\b(?:below|above)$|^\S+(?:\s+\S+){6}",
                           re.I)
_POINTER = re.compile(r"\b(?:attached|enclosed|spreadsheet|appendix|annex|tab|see\s+(?:our|the)\s+website|"
                      r"https?://|www\.)", re.I)
_OF_THE = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))[ \t]*of\s+(?:the|these|those|all|our|its)\b"
                     r"(?:[^,.;:\n]|(?<=\d)[,.](?=\d))*,(?=\s*(?:\d|[a-z]+\s+(?:\(\d|\d)))", re.I)
_OUT_OF = re.compile(r"\bout\s+of\s+(?:a|an|the|our|its|their)?\s*(?:total|overall)?\s*(?:[a-z-]+\s+){0,3}?(?:of\s+)?$|"
                     r"\b(?:of|from)\s+a\s+(?:total|overall)\s+(?:[a-z-]+\s+){0,2}?of\s+$|"
                     r"\d%?\)?\s+(?:[a-z-]+\s+){0,2}?of\s+(?:our|the|its|their|all|all\s+our)\s+$", re.I)
_YEAR_IN_QUESTION = re.compile(r"\b" + YEAR + r"\b")
_YEAR_CELL = re.compile(r"^(?:fy\s*)?" + YEAR + r"\b(?!\s*[:=])", re.I)


_DATE_CELL = re.compile(r"^(?:\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d\d|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+(?:19|20)\d\d)$")


def row_shares(line: str, want: frozenset[str]) -> int:
    """How many of a question's words a table row's name (its first cell) uses."""
    return len(content_words((table_cells(line) or [""])[0]) & want)


def _rows_of(text: str, figs: list[Figure], width: int) -> list[tuple[str, list[Figure]]]:
    """Lines holding `width` figures or more (table rows under a header given elsewhere): (row name, its last
    `width` figures)."""
    out: list[tuple[str, list[Figure]]] = []
    at = 0
    for line in text.split("\n"):
        end = at + len(line)
        row = [f for f in figs if at <= f.start < end]
        if len(row) >= width:
            out.append(((table_cells(line) or [""])[0], row[-width:]))
        at = end + 1
    return out


def _table_in(text: str, question: str = "", money: bool = False) -> tuple[list[str], list[Figure]] | None:
    """A header of years, dates (or a Total column) and one row of figures under it, in the passage;
    of several rows, the one whose name shares most words with the question (of two alike, the one
    in pounds when it asks for an amount: "Funerals arranged" and "Cost (£)" for "the cost of these funerals")."""
    found: list[tuple[float, str, tuple[list[str], list[Figure]]]] = []
    want = content_words(question) if question else frozenset()
    for line, got in _table_rows(text):
        name = table_cells(line)[0]
        shared = row_shares(line, want) if want else 0
        found.append((shared + (0.5 if shared and money and "£" in line else 0), name, got))
        if not want:
            break
    if not found:
        return None
    best = max(found, key=lambda x: x[0])  # (the first of equals: the first row when none is named)
    tied = [f for f in found if f[0] == best[0]]
    total = [f for f in found if _TOTAL.match(f[1].strip().lower())]
    if len(tied) >= 2 and total:
        return total[0][2]  # "e-book and e-audiobook loans": both rows asked for, so their Total row
    return best[2]


def _table_rows(text: str) -> Iterator[tuple[str, tuple[list[str], list[Figure]]]]:
    lines = text.split("\n")
    pos = 0
    header: list[str] | None = None
    for line in lines:
        cells = table_cells(line)
        yearish = [c for c in cells if _YEARISH.match(c) or _YEAR_CELL.match(c) or _DATE_CELL.match(c)
                   or _TOTAL.fullmatch(c.lower())]
        if len(yearish) >= 2 and len(yearish) >= len(cells) - 1:
            header = yearish
        elif header and len(cells) >= len(header):
            row = [f for f in figures(line)]
            if len(row) < len(header) and len(cells) in (len(header), len(header) + 1):
                # "| Average re-let time | 71 | 84 | Withheld (s22) |": the cells that give a figure
                kept, figs_kept = [], []
                for name, c, at in zip(header, cells[-len(header):], _cell_starts(line, cells)[-len(header):],
                                       strict=True):
                    got = figures(c)
                    if len(got) == 1:
                        f = got[0]
                        f.start, f.end = f.start + at + pos, f.end + at + pos
                        kept.append(name)
                        figs_kept.append(f)
                if len(kept) >= 2:
                    yield line, (kept, figs_kept)
            elif len(row) >= len(header):
                row = row[-len(header):]
                for f in row:
                    f.start += pos
                    f.end += pos
                yield line, (header, row)
        pos += len(line) + 1


_VALUE_CELL = re.compile(r"^\s*(?:[£$€]?\s?\d[\d,]*(?:\.\d+)?\s?(?:%|k|m)?\*?|nil|none|n/?a|-|–|—|not\s+held|"
                         r"withheld\b.{0,30}|redacted\b.{0,30}|\*)\s*$", re.I)


def unflatten_cells(text: str) -> str:
    """A Word table copied out one cell a line ("Financial year / Spend (£) / Grant (£) / 2021/22 /
    412,380 / 301,000 / ..."), put back as rows of cells joined by "|" (same length: offsets hold)."""
    if text.count("\n") < 5:
        return text
    lines = text.split("\n")
    run = best_run = 0
    for line in lines:  # (six short lines in a row at least, or there is no such table)
        run = run + 1 if 0 < len(line) <= 60 else 0
        best_run = max(best_run, run)
    if best_run < 6:
        return text
    out: list[str] = []
    i = 0
    while i < len(lines):
        best = None
        for k in (3, 4, 5, 6, 2):
            head = lines[i:i + k]
            if len(head) < k or any(not c.strip() or len(c) > 60 or _VALUE_CELL.match(c) for c in head):
                continue
            rows = _cell_rows(lines, i + k, k)
            if rows >= 2 and (best is None or rows * k > best[1] * best[0]):
                best = (k, rows)
        if best is None:
            pairs = _year_rows(lines, i)  # no header: year and figure lines in turn
            if pairs:
                out.extend("|".join(lines[a:a + 2]) for a in range(i, i + 2 * pairs, 2))
                i += 2 * pairs
            else:
                out.append(lines[i])
                i += 1
            continue
        k, rows = best
        head = lines[i:i + k]
        while rows:
            out.extend("|".join(lines[a:a + k]) for a in range(i, i + (rows + 1) * k, k))  # the header and each row
            i += (rows + 1) * k
            # the header again over the rest (the table went on over a page break): one row is enough
            rows = _cell_rows(lines, i + k, k) if lines[i:i + k] == head else 0
    return "\n".join(out)


def _cell_rows(lines: list[str], j: int, k: int) -> int:
    """How many rows of k cells (a name, then figures), one cell a line, run from line j."""
    rows = 0
    while j + k <= len(lines):
        row = lines[j:j + k]
        if not row[0].strip() or len(row[0]) > 60 or _VALUE_CELL.match(row[0]) and not _YEARISH.match(
                row[0].strip()) or not all(_VALUE_CELL.match(c) for c in row[1:]):
            break
        rows += 1
        j += k
    return rows


def _year_rows(lines: list[str], i: int) -> int:
    """How many year-and-figure pairs run from line i with no header ("2021/22 / 1,234 / 2022/23 / 1,456"):
    two at least, or none."""
    rows = 0
    while i + 2 * rows + 1 < len(lines) and _YEARISH.match(lines[i + 2 * rows].strip()) and \
            _VALUE_CELL.match(lines[i + 2 * rows + 1]) and not _YEARISH.match(lines[i + 2 * rows + 1].strip()):
        rows += 1
    return rows if rows >= 2 else 0


_GENERIC = frozenset({"number", "total", "amount", "count", "figure", "figures", "no"})


def _same_word(a: str, b: str) -> bool:
    """ "installation" and "installing", "re-lets" and "relet": one word for choosing a column."""
    return a == b or len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5]


_WORDY = re.compile(r"[A-Za-z]{3,}")  # "Employee cost 2023/24 (£)" names a column; "2023/24" does not


def _column_of_table(text: str, question: str) -> NumberReading | None:
    """A table whose header names two or more figure columns ("Phase | Eligible for FSM | Took FSM"),
    a row per part: the column the question asks about, its rows as the breakdown."""
    lines = text.split("\n")
    pos = [0]
    for line in lines:
        pos.append(pos[-1] + len(line) + 1)
    qw = content_words(question) | initials(question)  # ("Eligible for FSM" for "free school meals")
    for h, line in enumerate(lines):
        head = table_cells(line)
        if len(head) < 3 or ("|" not in line and "\t" not in line) or any(
                _DIGIT.search(c) and not _WORDY.search(c) for c in head[1:]):
            continue  # (a row of figures, or a header of years: not a header naming its columns)
        named = [content_words(c) - _GENERIC for c in head]
        hits = [sum(any(_same_word(x, y) for y in qw) for x in w) for w in named]
        # the column naming most of the question's words; of two alike, the one with fewer others
        fit = [(h, h / len(w) if w else 0.0) for h, w in zip(hits, named, strict=True)]
        col = max(range(1, len(head)), key=lambda c: fit[c])
        if fit[col][1] < 0.5 or sum(f == fit[col] for f in fit[1:]) > 1:
            return None
        bd: dict[str, float] = {}
        cells_used: list[Figure] = []
        total: Figure | None = None
        for k in range(h + 1, len(lines)):
            row = lines[k]
            if re.fullmatch(r"[\s|:\-–+=]*", row):
                continue
            cells = table_cells(row)
            if len(cells) != len(head):
                break
            if cells == head:
                continue  # (the header again, after a page break)
            a = _cell_starts(row, cells)[col]
            b = a + len(cells[col])
            figs = figures(row[a:b])
            if len(figs) != 1:
                return None
            f = figs[0]
            f.start, f.end = f.start + a + pos[k], f.end + a + pos[k]
            if _TOTAL.search(cells[0]):
                total = f
            else:
                bd[_clean(cells[0])] = f.value
                cells_used.append(f)
        if len(bd) < 2:
            return None
        if total is not None:
            return NumberReading(total.value, bd, [total, *cells_used], 0.85)
        if all(_YEARISH.match(k.rstrip("*")) or _DATE_CELL.match(k.rstrip("*")) for k in bd):
            return NumberReading(None, bd, cells_used, 0.8)  # (figures at dates or per year add to nothing)
        return NumberReading(sum(bd.values()), bd, cells_used, 0.75)
    return None


def _cell_starts(line: str, cells: list[str]) -> list[int]:
    """Where each of a table row's cells (from table_cells) starts in the line."""
    starts, at = [], 0
    for c in cells:
        at = line.find(c, at)
        starts.append(at)
        at += len(c)
    return starts


def _clean(label: str) -> str:
    return _SPACES.sub(" ", label).strip(" :=-–—|*")


@overload
def as_number(v: float) -> float: ...
@overload
def as_number(v: None) -> None: ...
def as_number(v: float | None) -> float | None:
    """A figure as JSON shows it: 12 rather than 12.0; decimals to four places."""
    if v is None:
        return None
    return int(v) if float(v).is_integer() else round(v, 4)


def figure_about(text: str, question: str, other_question: str) -> Figure | None:
    """Of several figures in another question's answer, the one this question asks about: the figure whose
    own words ("296 have been paid") share words with this question that the other question lacks."""
    figs = figures(text)
    if len(figs) < 2:
        return None
    own = content_words(question) - content_words(other_question)
    # the question's own figures ("aged 0 to 4" over "- 0–4: £180") name a row; they are not its answer
    echoed = {float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", question)}
    scored = []
    for i, f in enumerate(figs):
        if f.value in echoed and not f.money:
            continue  # the row's own label: the figure after it is scored on the whole line ("0–4: £180.00")
        lo = max(figs[i - 1].end if i else 0, _clause_start(text, f.start))
        hi = min(figs[i + 1].start if i + 1 < len(figs) else len(text), _clause_end(text, f.end))
        line = text[text.rfind("\n", 0, f.start) + 1:f.start]
        row = bool(echoed) and len(line) <= 40 and not re.search(r"[.;]\s", line)  # a short row's label, not a sentence
        near = content_words(text[lo:hi]) | (content_words(line) if row else frozenset())
        # "0-4: £182.50" for "a child aged 0 to 4": the row whose name gives the question's own figures
        named = row and len(echoed) >= 2 and echoed <= {float(n) for n in re.findall(r"\d+", line)}
        scored.append((len(near & own) + (10 if named else 0), i))
    scored.sort(reverse=True)
    if not scored or scored[0][0] == 0 or len(scored) > 1 and scored[0][0] == scored[1][0]:
        return None
    return figs[scored[0][1]]


def sentence_about(text: str, question: str, other_question: str) -> tuple[int, int] | None:
    """Of the sentences of an answer shared with another question, the one this question asks about: the
    sentence sharing the most words with this question that the other lacks (None if no single one does)."""
    own = content_words(question) - content_words(other_question)
    scored = []
    for m in _SENTENCE.finditer(text):
        if m.group(0).strip():
            scored.append((len(content_words(m.group(0)) & own), m.start(), m.end()))
    scored.sort(key=lambda x: -x[0])
    if len(scored) < 2 or scored[0][0] == 0 or scored[0][0] == scored[1][0]:
        return None
    return scored[0][1], scored[0][2]


def _clause_start(text: str, at: int) -> int:
    cut = max((m.end() for m in re.finditer(r"[.;:,\n]|\bof\s+which\b|\band\b", text[:at])), default=0)
    return cut


def _clause_end(text: str, at: int) -> int:
    m = re.search(r"[.;:,\n]|\bof\s+which\b|\band\b", text[at:])
    return at + m.start() if m else len(text)

