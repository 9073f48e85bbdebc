"""Yes/no, choice, multi and matrix answers: options named by letter, by text or by a close
synonym, "all of the above", and per-item yes/no."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import Stemmer
from rapidfuzz import fuzz

from foicollate.extract.bilingual import welsh_share
from foicollate.extract.numbers import MONTHS, WORD_NUMBERS, word_value
from foicollate.markers import ORDINAL_WORDS, to_roman
from foicollate.model import Option
from foicollate.segment import initials

# (Welsh answers too: "Ydy" / "Ydym" / "Oes" / "Ie" is yes, "Nac ydy" / "Nac oes" / "Naddo" is no)
_YES_START = re.compile(r"^\W*(?:yes|yep|correct|(?:ydy|ydym|ydyn|ydynt|oes|ie)\b(?=\s*[.,;/–-]|\s*$)|(?:we|the\s+\w+)\s+(?:do|does|has|have|is|are|can)\b(?!\s*n[o']t|\s+(?:\w+\s+)?not\b))", re.I)
# the Welsh half before " / Yes": one word ("Na / No"), or a phrase ("Do, tri. / Yes, three.")
_WELSH_WORD_FIRST = re.compile(r"^\W*[\w']+\s*/\s*(?=(?:yes|no)\b)", re.I)
_WELSH_FIRST = re.compile(r"^([^/\n]{1,300}?)\s/\s*(?=(?:yes|no)\b)", re.I)
_CONFIRM = re.compile(r"^\W*(?:we|i|the\s+\w+(?:\s+council)?)\s+(?:can|am\s+able\s+to|are\s+able\s+to|is\s+able\s+to|"
                      r"would\s+like\s+to|wish\s+to)\s+confirm\s+(?:that\s+)?", re.I)
# the rest of a restated question: "If so, please name the contractor ..."
_ASKING = re.compile(r"^\W*(?:if\s+(?:so|yes|not|applicable)\b|please\s+(?:name|provide|state|give|list|tell|"
                     r"describe|include|specify|confirm))", re.I)
_NO_START = re.compile(r"^\W*(?:nac\s+(?:ydy|ydym|ydyn|ydynt|oes)\b|naddo\b|no\b(?!\s+(?:\w+\s+){0,3}(?:information|data|records?)\s+(?:is|are)\s+held)|none\b|nil\b|never\b|not\s+(?:to\s+our\s+knowledge|aware|applicable)\b)", re.I)
_NEG = re.compile(
    r"\b(?:do|does|did|have|has|had|are|is|was|were|can|could|will|would)\s*(?:n[o']t|not)\b|\bnever\b|"
    r"\bnot\s+aware\b|\bthere\s+(?:are|is|were|was|have\s+been|has\s+been)\s+no\b|\bno\s+(?:\w+\s+){0,2}"
    r"(?:have|has|were|was|are|is)\s+(?:been\s+)?(?:recorded|reported|identified|received|made|found|used|"
    r"deployed|purchased|issued)|\bnone\b|\bno\s+(?:such|known|recorded|reported)\b|\bnot\s+(?:currently\s+)?"
    r"(?:use|have|hold|operate|provide|employ|offer|permit|allow|own)\b", re.I)
_POS = re.compile(r"\b(?:we|the\s+(?:council|trust|force|authority|service|board))\s+(?:do|does|did|have|has|are|is|can|"
                  r"currently|routinely|use|uses|operate|operates|provide|provides|offer|offers|employ|employs|"
                  r"permit|permits|allow|allows|own|owns|holds?|keeps?|records?|publish(?:es)?)\b(?!\s+not)|\bthere\s+(?:are|is|were|was|have\s+been|"
                  r"has\s+been)\s+(?!no\b)", re.I)
_ALL = re.compile(
    r"\ball\s+(?:of\s+)?(?:the\s+)?(?:above|options?|listed|these|those|of\s+them|areas|items|the\s+(?:devices|"
    r"tasks|options|above))|\byes\s+to\s+all\b|\ball\s+(?:\w+\s+){0,5}(?:above|listed|asked\s+for|you\s+(?:list|mention|name)\w*)|"
    r"\b(?:each|every)\s+of\s+(?:the\s+)?(?:above|these|options)|"
    r"^\W*all\b(?=\s*[,–—-]?\s*(?:except|other\s+than|apart\s+from|but\s+not|excluding)\b)|"  # "All except F."
    r"\beverything\s+(?:(?:on|in)\s+(?:your|the)\s+list|(?:that\s+)?you\s+(?:list|name|mention)\w*)|"
    r"\b(?:each|every)\s+one\b(?!\s+of\s+(?:our|its|their|the\s+\w+s)\b)",
    re.I,
)
_ALL_WELSH = re.compile(r"\b[pb]ob\s+un\b", re.I)  # "Ydym, i bob un." (an English "all" beside it comes first)
# "All five are available to staff.": all, counted, when the count is the number of options or items
_ALL_COUNTED = re.compile(r"\b(?:all|each\s+of|every\s+one\s+of)\s+(?:the\s+|these\s+)?(?P<n>\d{1,2}|"
                          + "|".join(WORD_NUMBERS) + r")\b(?!\s*(?:%|per\s*cent|of\s+(?:our|its|their|the)\b))", re.I)


def _all_of(text: str, n: int) -> re.Match[str] | None:
    """"All of the above", "Yes to all", or "all five" when there are five to choose from."""
    m = _ALL.search(text)
    if m:
        return m
    counted = next((c for c in _ALL_COUNTED.finditer(text) if word_value(c.group("n")) == n), None)
    return counted or _ALL_WELSH.search(text)
_NONE = re.compile(r"\bnone\s+of\s+(?:the\s+)?(?:above|these|them|those|options)|\bno\s+to\s+all\b|^\W*none\W*$", re.I)
_LETTER_GROUP = re.compile(
    r"\(\s*((?:[ivx]{1,4}|[a-z])(?:\s*(?:,|and|or|&|-|–|to|/)\s*(?:[ivx]{1,4}|[a-z]))*)\s*\)|"
    r"\boptions?\s+\(?((?:[ivx]{1,4}|[a-z0-9])"
    r"(?:\)?\s*(?:,|and|or|&|-|–|to)\s*\(?(?:[ivx]{1,4}|[a-z0-9]))*)\b",
    re.I,
)
# How often (and how it is done), said many ways: each phrase to one token, so "quarterly" meets
# "Every three months" and "runs its own Staff Bank Office" meets "An in-house bank".
_FREQUENCY = [
    (re.compile(r"\b(?:daily|every\s+day|each\s+day)\b", re.I), "freq_day"),
    (re.compile(r"\b(?:weekly|every\s+week|once\s+a\s+week)\b", re.I), "freq_week"),
    (re.compile(r"\b(?:monthly|every\s+month|once\s+(?:a|every)\s+month|each\s+month)\b", re.I), "freq_month"),
    (re.compile(r"\b(?:quarterly|every\s+(?:three|3)\s+months|once\s+a\s+quarter)\b", re.I), "freq_quarter"),
    (re.compile(r"\b(?:six-monthly|half-yearly|every\s+(?:six|6)\s+months|twice\s+a\s+year)\b", re.I), "freq_half"),
    (re.compile(r"\b(?:annually|yearly|annual|every\s+year|once\s+a\s+year|each\s+year|"
                r"every\s+(?:12|twelve)\s+months)\b", re.I), "freq_year"),
    (re.compile(r"\b(?:never|not\s+at\s+all)\b", re.I), "freq_never"),
    # ("are both provided by X Ltd" is two services from one provider, not a mix)
    (re.compile(r"\b(?:a\s+)?(?:mix|mixed|mixture|combination|blend)\b|(?<!\bare )(?<!\bwere )(?<!\bis )\bboth\b", re.I),
     "kind_mixed"),
    # who does the work: the body itself, or someone paid to do it for it
    (re.compile(r"(?<!\bno )(?<!\bnot )\bin[- ]?house\b|\b(?:our|its|their|[A-Z][\w-]*(?:'s?|’s?))\s+own\s+(?:[\w-]+\s+){0,3}?(?:staff|team|teams|officers|"
                r"employees|surveyors|office|service|department|unit|workforce)\b|\bruns?\s+its\s+own\b|"
                r"\bdirectly\s+employed\b|\bruns?\s+(?:[\w-]+\s+){1,3}?directly\b|\b(?:run|managed|delivered|provided)\s+directly\s+by\s+(?:the|our)\b|\bemployed\s+by\s+(?:the|our)\s+(?:council|trust|board|authority|force|"
                r"service|organisation)\b|\b(?:trust|board|council|authority|force)\s+itself\b", re.I), "kind_own"),
    # a company the council owns ("wholly owned by the Council (a Teckal company)"), or an ALMO
    (re.compile(r"\bwholly[- ]owned\b|\bteckal\b|\btrading\s+company\b|\blocal\s+authority\s+(?:owned\s+)?company\b|"
                r"\b(?:council|authority)[- ]owned\s+company\b", re.I), "kind_company"),
    (re.compile(r"\barm['’]?s[- ]length\s+management\s+organi[sz]ation\b", re.I), "kind_almo"),
    (re.compile(r"\bcontractors?\b|\bcontracted\b|\bunder\s+(?:a\s+)?contract\b|\boutsourced\b|"
                r"\bon\s+(?:our|its|their)\s+behalf\b|\bexternal\s+(?:providers?|compan(?:y|ies)|firms?|suppliers?|organisations?|agenc(?:y|ies)|contractors?)\b|"
                r"\bprivate\s+(?:company|firm|operator|provider)\b|(?-i:\b[A-Z][\w&-]*\s+(?:Ltd|Limited|plc|LLP)\b)", re.I),
     "kind_paid"),
]


_MOSTLY = re.compile(r"\b(?:most(?:ly)?|mainly|(?:the\s+)?majority|largely|primarily|predominantly)\b", re.I)
_OWN_OR_PAID = [(pat, tok) for pat, tok in _FREQUENCY if tok in ("kind_own", "kind_paid")]


@lru_cache(maxsize=4096)
def _kinds(text: str) -> frozenset[str]:
    kinds = {tok for pat, tok in _FREQUENCY if pat.search(text)}
    if "kind_company" in kinds:
        kinds.discard("kind_paid")  # "X Ltd, a company wholly owned by the Council": the council's own company
    most = _MOSTLY.search(text)
    if most:
        # "Mostly in-house, with contractors for some works" / "Most works are done by contractors; our own
        # team ...": which of the two comes first after "mostly" says which it mostly is
        after = text[most.end():]
        firsts = [(m.start(), tok) for pat, tok in _OWN_OR_PAID if (m := pat.search(after))]
        if firsts:
            kinds.add("most_" + min(firsts)[1])
    return frozenset(kinds)



@dataclass
class Picked:
    ids: list[str]
    spans: list[tuple[int, int]]
    confidence: float


@lru_cache(maxsize=1024)  # (read_answer may ask more than once of one passage)
def yes_no(text: str, question: str = "") -> tuple[bool | None, tuple[int, int] | None, float]:
    """(value, span of the deciding sentence, confidence) for a yes/no answer."""
    stripped = text.lstrip()
    off = len(text) - len(stripped)
    first_end = _sentence_end(stripped)
    head, nl, _after = stripped.partition("\n")
    if nl and _after.strip() and len(head.split()) <= 8 and not re.search(r"[.!?:;,]\s*$", head) \
            and not re.match(r"^\W*(?:\w+\s*/\s*)?(?:yes|no|none|nil)\b", head, re.I):
        # a heading line ("Ransom payments") before the answer
        rest = stripped[len(head) + 1:]
        off += len(head) + 1 + len(rest) - len(rest.lstrip())
        stripped = rest.lstrip()
        first_end = _sentence_end(stripped)
    m = _WELSH_WORD_FIRST.match(stripped)
    if m is None:
        m = _WELSH_FIRST.match(stripped)
        if m and welsh_share(m.group(1)) < 0.25 and len(m.group(1).split()) > 3:
            m = None  # (an English sentence before "/ Yes" is no Welsh half)
    if m:  # "Na / No", "Ie / Yes", "Do, tri. / Yes, three.": the English after a bilingual pair
        off += m.end()
        stripped = stripped[m.end():]
        first_end = _sentence_end(stripped)
    m = re.match(r"\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s*(?=(?:yes|no)\b)", stripped, re.I)
    if m:  # "(c) Yes.": the answer under its own label
        off += m.end()
        stripped = stripped[m.end():]
        first_end = _sentence_end(stripped)
    while first_end < len(stripped) and (stripped[:first_end].rstrip().endswith("?") or _ASKING.match(stripped)):
        # a restated question before the answer
        rest = stripped[first_end:]
        skip = len(rest) - len(rest.lstrip())
        off += first_end + skip
        stripped = rest.lstrip()
        first_end = _sentence_end(stripped)
    first = stripped[:first_end]
    span = (off, off + first_end)
    first = _CONFIRM.sub("", first, count=1)  # "We can confirm that the Council has not ...": what it confirms
    if _YES_START.match(first):
        return True, span, 0.95 if re.match(r"^\W*yes\b", first, re.I) else 0.8
    if _NO_START.match(first):
        return False, span, 0.95 if re.match(r"^\W*no\b", first, re.I) else 0.85
    if _NEG.search(first):
        return False, span, 0.75
    if _POS.search(first):
        return True, span, 0.7
    if question and not _CLAUSE_NEG.search(first):
        # "We closed three libraries" answers "Have any libraries closed?": the question's own verb, unnegated
        shared = _terms(question) & _terms(first)
        if shared:
            return True, span, 0.6
    if question:
        # "11.8 km is segregated. We have not removed any cycle lane since April 2020.": a later sentence that
        # says no to the question in its own words
        asked = _terms(question)
        for later in re.finditer(r"[^.!?\n]+[.!?]?", stripped[first_end:first_end + 400]):
            sent = later.group(0)
            if _NEG.search(sent) and len(asked & _terms(sent)) >= 2:
                at = off + first_end + later.start()
                return False, (at, at + len(sent)), 0.6
    return None, None, 0.0


def _sentence_end(s: str) -> int:
    m = re.search(r"[.!?\n](?=\s|$)", s)
    return m.end() if m else len(s)


def _letters(group: str) -> list[str]:
    toks = [t.strip("() ") for t in re.split(r"\s*(,|and|or|&|-|–|to|/)\s*", group.lower())]
    out: list[str] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if i >= 2 and toks[i - 1] in ("-", "–", "to") and out and len(t) == 1 and len(out[-1]) == 1:
            out.extend(chr(c) for c in range(ord(out[-1]) + 1, ord(t) + 1))
        elif t and t not in (",", "and", "or", "&", "/"):
            out.append(t)
        i += 2
    return out


def option_letters(options: list[Option]) -> dict[str, str]:
    """label -> option id: the request's own letters, else a, b, c ... by position (and 1, 2, 3)."""
    out: dict[str, str] = {}
    for i, o in enumerate(options):
        out.setdefault(chr(ord("a") + i), o.id)
        out.setdefault(str(i + 1), o.id)
    for i, o in enumerate(options):
        out.setdefault(to_roman(i + 1), o.id)  # "(iii)" for the third, unless a letter already claims it
    for o in options:
        if o.label:
            out[o.label.lower()] = o.id
    return out


_BARE_LETTER = re.compile(
    r"(?<![\w'’(&])([a-h]|[ivx]{1,4})(?!&\w)(?:(?=\s*(?:,|\.|;|\band\b|\bor\b|&|$))|(?<=(?:,|&)\s[a-hivx])(?![\w'’])|"
    r"(?<=\band\s[a-hivx])(?![\w'’])|(?<=\bor\s[a-hivx])(?![\w'’]))", re.I)
_CLOSED_LETTER = re.compile(r"(?<![\w'’(])([a-h]|[ivx]{1,4})\)(?=[\s,.;]|$)", re.I)
_ORDINAL_OPTION = re.compile(r"\b(" + "|".join(ORDINAL_WORDS) + r")\b(?=[\w\s,]*\boptions?\b)", re.I)
_LABEL_JOIN = r"\s*(?:,|and|&|or|/)\s*"
_LABEL_LIST = rf"(\(?[a-z0-9]{{1,4}}\)?(?:{_LABEL_JOIN}\(?[a-z0-9]{{1,4}}\)?)*)"  # "i and ii", "b", "2, 4"
_ANSWER_LABELS = re.compile(r"^[ \t]*\W*(?:our\s+)?(?:answer|response|reply)\s*[:.\-–—]\s*" + _LABEL_LIST + r"\W*$",
                            re.I | re.M)
_BARE_LABELS = re.compile(r"^\W*" + _LABEL_LIST + r"\W*$", re.I)


def _label_ids(group: str, letters: dict[str, str]) -> list[str] | None:
    """The options a list of labels names ("1, 2 and 4"), or None where one of them labels no option."""
    keys = [k.strip("()").lower() for k in re.split(_LABEL_JOIN, group)]
    if keys and all(k in letters for k in keys):
        return list(dict.fromkeys(letters[k] for k in keys))
    return None


def _answer_line(text: str, options: list[Option]) -> Picked | None:
    """ "Response: 1, 2 and 4." under the options restated: the labels the reply gives as its answer."""
    letters = option_letters(options)
    for m in _ANSWER_LABELS.finditer(text):
        ids = _label_ids(m.group(1), letters)
        if ids:
            return Picked(ids, [m.span(1)], 0.85)
    return None


def by_letters(text: str, options: list[Option]) -> Picked | None:
    letters = option_letters(options)
    ids: list[str] = []
    spans: list[tuple[int, int]] = []
    bare = _BARE_LABELS.match(text.strip())
    if bare:  # the whole answer is labels: "i and ii", "b", "2, 4"
        said = _label_ids(bare.group(1), letters)
        if said:
            off = len(text) - len(text.lstrip())
            return Picked(said, [(off, len(text.rstrip()))], 0.85)
    for m in _LETTER_GROUP.finditer(text):
        group = m.group(1) or m.group(2)
        picked = [letters[x] for x in _letters(group) if x in letters]
        if picked:
            ids.extend(picked)
            spans.append((m.start(), m.end()))
    if not ids:
        # "a or b depending on the road, and d" / "b, c and d." / "Usually a) or c).": bare letters
        closed = list(_CLOSED_LETTER.finditer(text))
        bare = closed if len(closed) >= 2 else list(_BARE_LETTER.finditer(text))
        if len(bare) >= 2 and all(m.group(1).lower() in letters for m in bare):
            ids = [letters[m.group(1).lower()] for m in bare]
            spans = [(m.start(), m.end()) for m in bare]
    for m in _ORDINAL_OPTION.finditer(text):  # "the first, second and fourth options"
        n = ORDINAL_WORDS[m.group(1).lower()]
        if n <= len(options):
            ids.append(options[n - 1].id)
            spans.append((m.start(), m.end()))
    if not ids:
        return None
    return Picked(list(dict.fromkeys(ids)), spans, 0.85)


_STEMMER = Stemmer.Stemmer("english")


@lru_cache(maxsize=16384)
def _stem(w: str) -> str:
    """The Snowball (Porter 2) stem, so "redecorate" meets "redecorated" and "policy" "policies"."""
    return _STEMMER.stemWord(w.lower())


_NUMWORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
             "eight": "8", "nine": "9", "ten": "10", "twelve": "12"}


@lru_cache(maxsize=8192)
def _terms(text: str) -> frozenset[str]:
    stop = {"a", "an", "the", "of", "to", "on", "for", "and", "or", "with", "e", "g", "eg", "in", "we", "our",
            "your", "their", "they", "it", "is", "are", "be", "that", "this", "any", "all", "some", "use", "using",
            "computer", "device", "devices"}
    return frozenset(_NUMWORDS.get(w, _stem(w)) for w in re.findall(r"[a-z][a-z'-]+|\d+", text.lower()) if w not in stop)


def asked_terms(question: str) -> frozenset[str]:
    """A question's own words, which tell none of its options apart."""
    return _terms(question)


@lru_cache(maxsize=16384)
def own_terms(text: str, asked: frozenset[str]) -> frozenset[str]:
    """An option's words less those of its question ("school" tells no option of a schools question apart)."""
    terms = _terms(text)
    return (terms - asked) or terms


@lru_cache(maxsize=4096)
def _others_terms(texts: tuple[str, ...], own: str, asked: frozenset[str]) -> frozenset[str]:
    """The words of every option but one (less the question's)."""
    return frozenset().union(*(own_terms(t, asked) for t in texts if t != own))


def _literal_at(o: Option, text: str, low: str) -> tuple[int, int]:
    """Where an option's own text (or one of its " / " names, or a near copy of it) stands in a passage: (start, end), or (-1, -1)."""
    ot = " ".join(re.findall(r"[a-z0-9]+", o.text.lower()))
    pos = low.find(o.text.lower()) if len(ot) >= 3 else -1
    if pos >= 0:
        return pos, pos + len(o.text)
    for alt in _aliases(o.text):  # "GC" for "Gambling Commission"; "Care Inspectorate" for "regulator ratings (CQC, Care Inspectorate or CIW)"
        m = re.search(rf"(?<![\w-]){re.escape(alt)}(?![\w-])", text if alt.isupper() else low)
        if m:
            return m.start(), m.end()
    if " / " in o.text:  # "Black bags / household waste": either name will do
        alts = [x.strip().lower() for x in o.text.split(" / ") if len(x.strip()) >= 4]
        at = next((p for p in (re.search(rf"\b{re.escape(x)}\b", low) for x in alts) if p), None)
        if at:
            return at.start(), at.end()
    if len(ot) >= 6:
        al = fuzz.partial_ratio_alignment(o.text.lower(), low)
        if al and al.score >= 90:
            # widen to whole words so "ping enforcement" inside "fly-tipping" does not count
            a, b = al.dest_start, al.dest_end
            while a > 0 and (low[a - 1].isalnum() or low[a - 1] == "-"):
                a -= 1
            while b < len(low) and low[b].isalnum():
                b += 1
            if fuzz.ratio(o.text.lower(), low[a:b]) >= 88:
                return a, b
    return -1, -1


_WORD = re.compile(r"[a-z][a-z'-]+")  # a word of a lower-cased passage
_EXAMPLES_LEAD = re.compile(r"^\s*(?:e\.?g\.?|including|such\s+as)\b\W*", re.I)


@lru_cache(maxsize=4096)
def _aliases(text: str) -> tuple[str, ...]:
    """Other names an option gives itself: the initials of a capitalised name ("GC" for "Gambling Commission",
    in capitals), and each example in its brackets ("CQC", "Care Inspectorate" in "ratings (CQC, Care
    Inspectorate or CIW)"), lower-case unless in capitals."""
    out: list[str] = []
    for run in re.finditer(r"\b[A-Z][a-z]+(?:\s+(?:of\s+|and\s+)?[A-Z][a-z]+){1,3}\b", text):
        out.append("".join(w[0] for w in run.group(0).split() if w[0].isupper()))
    head = text.split("(")[0].strip()
    if "(" in text and len(head.split()) >= 2:
        out.append(head.lower())  # "Passenger assistants" for "Passenger assistants (escorts)"
    for inner in re.findall(r"\(([^()]{2,80})\)", text):
        inner = _EXAMPLES_LEAD.sub("", inner)
        alts = [a.strip() for a in re.split(r"\s*(?:,|/|\bor\b|\band\b)\s*", inner)]
        for alt in alts:
            if len(alt) >= 3 and (alt.isupper() or re.fullmatch(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+", alt)):
                out.append(alt if alt.isupper() else alt.lower())
            elif re.fullmatch(r"[a-z]+(?:[ -][a-z]+)+", alt) or len(alts) == 1 and re.fullmatch(r"[a-z]{6,}", alt):
                out.append(alt)  # "neutral vendor" in "(master or neutral vendor)", "(escorts)"
    return tuple(out)


def by_text(text: str, options: list[Option], asked: frozenset[str] = frozenset()) -> Picked:
    """Options whose words (or close synonyms) the passage uses, not negated; `asked` is the question's words."""
    low = text.lower()
    at = {o.id: _literal_at(o, text, low) for o in options}
    quoted = [at[o.id] for o in options if at[o.id][0] >= 0]
    found = list(_WORD.finditer(low))
    words = [m.group(0) for m in found]
    stems = {_stem(w) for w in words}
    free = {_stem(m.group(0)) for m in found if not any(a <= m.start() < b for a, b in quoted)}
    ids: list[str] = []
    spans: list[tuple[int, int]] = []
    for o in options:
        pos = at[o.id][0]
        hit = pos >= 0
        if not hit:
            terms = own_terms(o.text, asked)
            if terms:
                others = _others_terms(tuple(x.text for x in options), o.text, asked)
                direct = terms & stems
                # half the option's words, one of them its own ("parking" in "Parking enforcement")
                by_words = len(direct) * 2 >= len(terms) + (1 if len(terms) > 2 else 0) and bool(
                    direct - others or direct == terms)
                head_word = next((w for w in _WORD.findall(o.text.lower())
                                  if _NUMWORDS.get(w, _stem(w)) in terms), None)
                head = _NUMWORDS.get(head_word, _stem(head_word)) if head_word else None
                # the option's own first word, which no other option uses ("Letters to parents ..."), written
                # as the option writes it (not "automatically" for "Automatic enrolment")
                by_words = by_words or (head is not None and head not in others and len(head) >= 4
                                        and bool({head_word, head_word + "s", head_word.rstrip("s")} & set(words)))
                # two words no other option uses, half of those it has ("Outreach team" for "An inclusion or
                # behaviour outreach team", where "inclusion" names another option too)
                unique = terms - others
                by_words = by_words or len(direct & unique) >= 2 and 2 * len(direct & unique) >= len(unique)
                # an option whose every word lies inside another option quoted whole is not named ("owned by the
                # council and operated by a contractor" does not also say "owned and operated by the council";
                # "attachment of earnings and of benefits" still says "attachment of benefits")
                hit = by_words and bool(terms & free)
            # "a 24/7 SOC" for "A 24/7 security operations centre": its initials, in capitals, no other option's
            hit = hit or any(_acronym_of(text, a) for a in _own_acronyms(o, options))
        if hit:
            ids.append(o.id)
            if pos >= 0:
                spans.append(at[o.id])
    return Picked(ids, spans, 0.7)


def _own_acronyms(o: Option, options: list[Option]) -> frozenset[str]:
    """Capital initials that stand for this option alone: written in its text ("(EDR)", "HRA stock", "B&B") or
    the initials of three or four of its words."""
    return _acronyms_alone(o.text, tuple(x.text for x in options))


@lru_cache(maxsize=4096)
def _acronyms_alone(text: str, texts: tuple[str, ...]) -> frozenset[str]:
    return _acronyms(text) - frozenset().union(*(_acronyms(x) for x in texts if x != text))


@lru_cache(maxsize=4096)
def _acronyms(text: str) -> frozenset[str]:
    return initials(text, (3, 4)) | _bracketed_acronyms(text) | {
        a.lower() for a in re.findall(r"(?<![\w&])([A-Z][A-Z&]{1,4})(?![\w&])", text)}  # "HRA stock", "B&B"


def _bracketed_acronyms(text: str) -> frozenset[str]:
    """The short names an option gives itself in brackets: "(EDR)", "(PICU)"."""
    return frozenset(a.lower() for a in re.findall(r"\(([A-Z][A-Za-z]{1,5})\)", text))


def _acronym_of(text: str, acronym: str) -> bool:
    return re.search(rf"\b{re.escape(acronym.upper())}s?\b", text) is not None


_CLAUSE_NEG = re.compile(r"n[’']t\b|\b(?:not|no\s+longer|never|withdrawn|discontinued|ceased|none|neither|nor|"
                         r"except|other\s+than|rather\s+than|apart\s+from|excluding|(?:have|has|had|there\s+(?:is|are|was|were))\s+no)\b", re.I)


# "PAM – no, planned for 2024/25": a name given its verdict
_VERDICT_NO = re.compile(r"\w\s*(?:[–—:]|\s-)\s*no\b", re.I)


def _denies(clause: str) -> bool:
    """Does a clause say no ("not", "never", "no longer", a bare "no")?"""
    return bool(_CLAUSE_NEG.search(clause) or re.search(r"\bno\b", clause, re.I))


def _negated_ids(text: str, options: list[Option], asked: frozenset[str] = frozenset()) -> set[str]:
    """Options named only in clauses that deny them ("we have not offered golden hellos"), or named only
    across the sentences by words of their own that only a denial uses ("We do not use ... third-party
    websites")."""
    pos_ids: set[str] = set()
    neg_ids: set[str] = set()
    pos_terms: set[str] = set()
    neg_terms: set[str] = set()
    for clause in re.split(r"[.;]\s+|,\s+(?:and|but)\s+|\n", unwrapped(text)):
        if not clause.strip():
            continue
        # (or a clause that opens with "No": "No charging orders or bankruptcy.")
        negative = bool(_CLAUSE_NEG.search(clause) or _VERDICT_NO.search(clause) or re.match(r"\W*no\s+[a-z]", clause, re.I))
        (neg_ids if negative else pos_ids).update(by_text(clause, options, asked).ids)
        (neg_terms if negative else pos_terms).update(_terms(clause))
    texts = tuple(o.text for o in options)
    for o in options:
        own = own_terms(o.text, asked) - _others_terms(texts, o.text, asked)
        if own & neg_terms and not own & pos_terms:
            neg_ids.add(o.id)
    return neg_ids - pos_ids


_ONLY_THESE = re.compile(r"\s*([^.;:\n]{3,120}?)\s+only\s*(?:[.;]|$)", re.I)
_TICKED = re.compile(r"^\W*(?:\[\s*[xX✓✔]\s*\]|\(\s*[xX✓✔]\s*\)|[☒☑✓✔])\s*(?P<rest>.+)$", re.M)
_BOX = re.compile(r"^\W*(?:\[\s*[xX✓✔ ]?\s*\]|\(\s*[xX✓✔ ]?\s*\)|[☒☑☐✓✔])", re.M)


def _ticked(text: str, options: list[Option]) -> Picked | None:
    """Options restated as a checklist with the chosen ones ticked ("[x] Several agencies")."""
    boxes = len(_BOX.findall(text))
    if boxes == 0:
        return None
    ids: list[str] = []
    spans: list[tuple[int, int]] = []
    letters = option_letters(options)
    text_of = {o.id: o.text.lower() for o in options}
    for m in _TICKED.finditer(text):
        rest = m.group("rest")
        key = re.match(r"\(?([a-z]|[ivx]{1,4})[).]\s", rest, re.I)
        if key and key.group(1).lower() in letters:  # "[X] (d) Whether the outcome ...": its letter says which
            ids.append(letters[key.group(1).lower()])
            spans.append((m.start(), m.end()))
            continue
        hit = by_text(rest, options)
        if hit.ids and (boxes >= 2 or len(hit.ids) == 1):  # (one ticked line alone must name one option)
            # the option the line is closest to ("... linked to the object of the search" is not "The object")
            best = max(hit.ids, key=lambda i: fuzz.ratio(text_of[i], rest.lower()))
            ids.append(best)
            spans.append((m.start(), m.end()))
    return Picked(list(dict.fromkeys(ids)), spans, 0.9) if boxes >= 2 or ids else None


def pick_multi(text: str, options: list[Option], asked: frozenset[str] = frozenset()) -> Picked | None:
    ticked = _ticked(text, options)
    if ticked is not None:
        return ticked
    said = _answer_line(text, options)
    if said is not None:
        return said
    # the bare labels after something else: the English half of a bilingual list ("(2) a (3). / (2) and (3).")
    # or the lines under a heading ("Mandatory training\n1, 2 and 4.")
    head, nl, below = text.strip().partition("\n")
    for part in (text.rsplit(" / ", 1)[1].strip() if " / " in text else "",
                 below if nl and len(head.split()) <= 6 and not re.search(r"[.!?:;,]\s*$", head) else ""):
        if part and _BARE_LABELS.match(part.strip()):
            at = text.rindex(part)
            labels = pick_multi(part, options, asked)
            if labels is not None:
                return Picked(labels.ids, [(s + at, e + at) for s, e in labels.spans], labels.confidence)
    if _NONE.search(text):
        m = _NONE.search(text)
        assert m
        return Picked([], [(m.start(), m.end())], 0.85)
    m = _all_of(text, len(options))
    if m:
        left_out = _excepted(text[m.end():], options, asked)
        # "all of the above" with a qualifier after it ("except (e)", "but only ..."): read, but look
        return Picked([o.id for o in options if o.id not in left_out], [(m.start(), m.end())],
                      0.8 if _QUALIFIED.match(text[m.end():]) else 0.9)
    verdicts = _line_verdicts(text, options)
    if len({v[0] for v in verdicts}) >= 2:  # the options listed, each with yes or no after it
        chosen = {i for i, yes, _ in verdicts if yes}
        return Picked([o.id for o in options if o.id in chosen], [sp for _, yes, sp in verdicts if yes], 0.85)
    # "a) Yes  b) No  c) No  d) Yes" at the start: the options by letter, each with yes or no
    lettered = _lettered_verdicts(text, options)
    lead = len(text) - len(text.lstrip())
    if len(lettered) >= 2 and min(sp[0] for _, sp in lettered.values()) <= lead + 40:
        return Picked([o.id for o in options if lettered.get(o.id, (False,))[0]],
                      [sp for yes, sp in lettered.values() if yes], 0.85)
    negated = _negated_ids(text, options, asked)
    picked = by_letters(text, options)
    named = by_text(text, options, asked)
    named.ids = [i for i in named.ids if i not in negated]
    alone = _ONLY_THESE.match(text)
    if alone:  # "Cars and small vans only. The minibuses and gritters are diesel": the first sentence says which
        said = set(by_text(alone.group(1), options, asked).ids)
        if said:
            named.ids = [i for i in named.ids if i in said]
    opens = picked is not None and min(a for a, _ in picked.spans) <= lead + 3
    only = re.search(r"\bonly\b", text[:lead + 40], re.I) if opens and picked else None
    if picked and only:  # "Option (b) only: ... A joint venture, option (e), is being procured": (b) alone
        kept = [(i, sp) for i, sp in zip(picked.ids, picked.spans, strict=False) if sp[0] < only.start()]
        if kept and len(picked.ids) == len(picked.spans):
            picked = Picked([i for i, _ in kept], [sp for _, sp in kept], picked.confidence)
    if picked and (opens or not set(picked.ids) < set(named.ids)):
        # options named by letter: the letters say it; the prose after them only explains
        return Picked([o.id for o in options if o.id in picked.ids], picked.spans, 0.85)
    if picked:  # "(a) and (b), and we also grit footways and cycle routes": some by letter, more by name
        return Picked([o.id for o in options if o.id in named.ids], picked.spans + named.spans, 0.7)
    if named.ids:
        return Picked([o.id for o in options if o.id in named.ids], named.spans, 0.7)
    return None


_LETTER_VERDICT = re.compile(r"^[ \t]*\(?([a-h]|[ivx]{1,4})[).:]\s*(?:[^\W\d_]+\s*/\s*)?(yes|no)\b(?:\s*/\s*[^\W\d_]+)?"
                             r"[\s.,;:–—-]*(?:$|(?=[A-Z(]))", re.I | re.M)


def _lettered_verdicts(text: str, options: list[Option]) -> dict[str, tuple[bool, tuple[int, int]]]:
    """Lines "a) Yes" / "b) Ydym / Yes" / "(c) No": option id -> (yes?, span), each option once."""
    letters = option_letters(options)
    out: dict[str, tuple[bool, tuple[int, int]]] = {}
    for m in _LETTER_VERDICT.finditer(text):
        oid = letters.get(m.group(1).lower())
        if oid is None or oid in out:
            return {}
        out[oid] = (m.group(2).lower() == "yes", (m.start(), m.end()))
    return out


_EXCEPT = re.compile(r"[\s,]*(?:except|other\s+than|apart\s+from|but\s+not|excluding)\b([^.;]*?)"
                     r"(?:,\s*(?:which|who|where|as|because|since)\b|[.;]|\((?!\s*(?:[a-z]|[ivx]{1,4})\s*\))|$)", re.I | re.S)


_QUALIFIED = re.compile(r"[^.;\n]*\b(?:except|other\s+than|apart\s+from|but|excluding|only|however|although|"
                        r"not)\b", re.I)


def _excepted(tail: str, options: list[Option], asked: frozenset[str] = frozenset()) -> set[str]:
    """Options left out of an "all of the above" by what follows it: "except (e)", "other than CCTV"."""
    # ("apart from printing (20p per page) and reservations (60p)": a price in brackets is an aside, not the end)
    exc = _EXCEPT.match(re.sub(r"\((?=[^()]*\d)[^()]*\)", lambda m: " " * len(m.group(0)), tail))
    if not exc:
        return set()
    named = by_letters(exc.group(1), options)
    return set(by_text(exc.group(1), options, asked).ids) | set(named.ids if named else [])


def pick_choice(text: str, options: list[Option], asked: frozenset[str] = frozenset()) -> Picked | None:
    ticked = _ticked(text, options)
    if ticked is not None and len(ticked.ids) == 1:
        return ticked
    stripped = text.lstrip()
    off = len(text) - len(stripped)
    head, nl, after = stripped.partition("\n")
    if nl and after.strip() and len(head.split()) <= 8 and not re.search(r"[.!?:;,]\s*$", head):
        off += len(head) + 1 + len(after) - len(after.lstrip())  # a heading line before the answer
        stripped = after.lstrip()
    low = stripped.lower()
    # an option quoted at the very start of the answer ("Yes, we prevent some tasks – ...")
    best: tuple[float, Option] | None = None
    for o in options:
        # (or without its aside in brackets: "We challenge calls before deciding" for "We challenge calls (call
        # filtering) before deciding")
        for ol in dict.fromkeys((o.text.lower().rstrip("."), re.sub(r"\s*\([^()]*\)", "", o.text.lower()).rstrip("."))):
            starts = low.startswith(ol) and (len(low) == len(ol) or not low[len(ol)].isalnum())
            if starts and (best is None or len(ol) > len(best[1].text)):
                best = (100.0, o)
    if best:
        return Picked([best[1].id], [(off, off + len(best[1].text))], 0.95)
    letters = option_letters(options)
    m = re.match(r"^\W*(?:option\s+)?\(?([a-z0-9])[).:]+\s|^\W*option\s+([a-z0-9])\b|^\W*([0-9])\s+[-–—]\s",
                 stripped, re.I)
    if m:
        key = (m.group(1) or m.group(2) or m.group(3)).lower()
        if key in letters:
            return Picked([letters[key]], [(off + m.start(), off + m.end())], 0.9)
    # one line of the answer opens with an option's letter ("C. Surveys are commissioned through our framework"),
    # or a table row ends with it ("Highest premium charged<tab>ii")
    keyed = [(k.group(1) or k.group(2)).lower() for k in _KEY_LINE.finditer(stripped)]
    keyed = [k for k in keyed if k in letters]
    if len(set(keyed)) == 1:
        k = next(x for x in _KEY_LINE.finditer(stripped) if (x.group(1) or x.group(2)).lower() == keyed[0])
        return Picked([letters[keyed[0]]], [(off + k.start(), off + k.end())], 0.75)
    lg = by_letters(stripped, options)
    if lg and len(lg.ids) == 1:
        return Picked(lg.ids, [(off + s, off + e) for s, e in lg.spans], 0.85)
    denied = by_negative_option(stripped, off, options, asked)
    if denied is not None:
        return denied
    ranged = _by_range(stripped, off, options)
    if ranged is not None:
        return ranged
    picked = _by_kind(stripped, off, options)
    if picked is not None:
        return picked
    scores = []
    for o in options:
        ol = o.text.lower()
        if len(ol) >= 8:
            al = fuzz.partial_ratio_alignment(ol, low[:400])
            if al is not None and not _CLAUSE_NEG.search(_clause_at(low, al.dest_start)):
                scores.append((al.score, o))
    scores.sort(key=lambda x: -x[0])
    if scores and scores[0][0] >= 88 and (len(scores) == 1 or scores[0][0] - scores[1][0] >= 5):
        return Picked([scores[0][1].id], [(off, off + min(len(stripped), 200))], 0.8)
    first = stripped[: _sentence_end(stripped)]
    # ("provided on behalf of the Council by OnFife Cultural Trust": the council is who it is done for, not by)
    terms = _terms(_ON_BEHALF.sub(" ", first))
    # the words of the clauses that deny ("We do not carry out routine inspections; we respond to reports"):
    # they name no option but one that denies too
    clauses = [(_terms(c), _denies(c)) for c in re.split(r"[;,]\s+", first)]
    denied = set().union(*(t for t, no in clauses if no)) - set().union(*(t for t, no in clauses if not no))
    terms_of = {o.id: terms if _NEGATIVE_OPTION.search(o.text) else terms - denied for o in options}
    own = {o.id: own_terms(o.text, asked) for o in options}
    for words_of in (own, {o.id: _terms(o.text) for o in options}):
        # an option's own words first; then with the question's too ("an alternative provision academy")
        # (an option that shares only the question's words with the answer is not named by it: "The Council
        # adopted its Local Enforcement Plan" does not say "We do not have a Local Enforcement Plan")
        overlap = sorted(((len(words_of[o.id] & terms_of[o.id]) / max(len(words_of[o.id]), 1), o) for o in options
                          if words_of[o.id] and not re.match(r"^\W*(yes|no)\b", o.text, re.I)
                          and (words_of[o.id] & terms_of[o.id]) - asked - _NEG_TERMS),
                         key=lambda x: -x[0])
        if overlap and overlap[0][0] >= 0.5 and (len(overlap) == 1 or overlap[0][0] > overlap[1][0]):
            return Picked([overlap[0][1].id], [(off, off + len(first))], 0.6)
    words_of = own
    # one option alone shares a word no other option has ("a charitable trust", "a framework")
    distinct = []
    for o in options:
        if re.match(r"^\W*(yes|no)\b", o.text, re.I):
            continue  # "Yes, ..." / "No, but ..." options are told apart by polarity below
        others = set().union(*(words_of[x.id] for x in options if x.id != o.id))
        if (words_of[o.id] - others) & terms_of[o.id]:
            distinct.append(o)
    if len(distinct) == 1:
        return Picked([distinct[0].id], [(off, off + len(first))], 0.55)
    return (_by_polarity(stripped, off, options) or _by_later_words(stripped, off, options, asked)
            or _by_other(stripped, off, options))


_ON_BEHALF = re.compile(r"\bon\s+(?:the\s+)?behalf\s+of\s+(?:the\s+|our\s+)?[\w'’-]+", re.I)
_OTHER_OPTION = re.compile(r"^\W*(?:an?other|other|something\s+else)\b", re.I)


def _by_other(text: str, off: int, options: list[Option]) -> Picked | None:
    """"The Trust uses Ulysses Safeguard." for "... another system (please name it)": an answer that names
    something of its own, where no other option is said and one option is for anything else."""
    others = [o for o in options if _OTHER_OPTION.match(o.text)]
    first = text[: _sentence_end(text)]
    named = re.search(r"(?<=\w\s)[A-Z][A-Za-z]{2,}|^\W*[A-Z][A-Za-z]+\W*$", first)
    if len(others) != 1 or not named or _CLAUSE_NEG.search(first):
        return None
    return Picked([others[0].id], [(off, off + len(first))], 0.5)


def _clause_at(text: str, pos: int) -> str:
    """The clause (between stops, semicolons and line ends) that holds `pos`."""
    start = max(text.rfind(c, 0, pos) for c in ".;\n") + 1
    ends = [e for e in (text.find(c, pos) for c in ".;\n") if e >= 0]
    return text[start:min(ends, default=len(text))]


def _by_later_words(text: str, off: int, options: list[Option], asked: frozenset[str]) -> Picked | None:
    """An option named only further into the answer ("... The service is therefore delivered in-house"):
    most of one option's own words in one sentence, not denied there, and no other option near it."""
    clauses = [(_terms(m.group()), (m.start(), m.end())) for m in re.finditer(r"[^.;\n]+", text)
               if not _CLAUSE_NEG.search(m.group())]
    scored: list[tuple[float, Option, tuple[int, int]]] = []
    for o in options:
        words = own_terms(o.text, asked)
        if not words or re.match(r"^\W*(yes|no)\b", o.text, re.I):
            continue
        best = (0.0, (0, 0))
        for terms, where in clauses:
            share = len(words & terms) / len(words)
            if share > best[0]:
                best = (share, where)
        scored.append((best[0], o, best[1]))
    scored.sort(key=lambda x: -x[0])
    if not scored or scored[0][0] < 0.75 or (len(scored) > 1 and scored[0][0] - scored[1][0] < 0.5):
        return None
    s, e = scored[0][2]
    return Picked([scored[0][1].id], [(off + s, off + e)], 0.5)


_KEY_LINE = re.compile(r"^[ \t]*\(?([A-Ha-h]|[ivx]{1,4})[).]\s+(?=[A-Z])|[\t|][ \t]*\(?([a-h]|[ivx]{1,4}|\d)\)?[ \t|]*$",
                       re.M)
_RANGE_NUM = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*(%|per\s?cent|days?|weeks?|months?|years?)?", re.I)
_DAYS = {"day": 1, "week": 7, "month": 30.4, "year": 365}


def _quantities(text: str) -> list[tuple[float, str, float]]:
    """Figures with their unit and its size in days: "12 months" -> (12, "day", 30.4), "12%" -> (12, "%", 1)."""
    out = []
    for m in _RANGE_NUM.finditer(text):
        v, unit = float(m.group(1)), (m.group(2) or "").lower()
        if unit.startswith(("%", "per")):
            out.append((v, "%", 1.0))
        elif unit:
            out.append((v, "day", _DAYS[unit.rstrip("s")]))
        else:
            out.append((v, "", 1.0))
    return out


def _interval(text: str) -> tuple[float, float, str] | None:
    """An option that is a range: "32 to 90 days", "fallen by 10% or more", "2030 or earlier", "More than 6 months"."""
    qs = _quantities(text)
    if not qs or len(qs) > 2:
        return None
    v, unit, size = qs[-1]
    if len(qs) == 2:
        lo, lo_unit, lo_size = qs[0]
        return (lo * (lo_size if lo_unit else size), v * size, unit)  # ("32 to 90 days": both in days)
    v *= size
    low = text.lower()
    if re.search(r"\b(?:or\s+(?:less|fewer|earlier|under|below)|up\s+to|less\s+than|under|below|fewer\s+than|"
                 r"before)\b", low):
        return (float("-inf"), v - (1e-9 if re.search(r"less\s+than|under|below|fewer|before", low) else 0), unit)
    if re.search(r"\b(?:or\s+(?:more|over|later|above|greater)|more\s+than|over|above|at\s+least|later\s+than|"
                 r"after)\b", low):
        return (v + (1e-9 if re.search(r"more\s+than|over|above|later\s+than|after", low) else 0), float("inf"), unit)
    return (v, v, unit) if unit else None  # "200% (three times the standard charge)"


_ASIDE_FIGURE = re.compile(rf"\(\s*\d[^()]{{0,20}}\)|\b{MONTHS}\.?\s+\d+", re.I)


def by_negative_option(text: str, off: int, options: list[Option], asked: frozenset[str]) -> Picked | None:
    """The one option that says "not" ("the Fund has not set a net zero target") and an answer whose opening
    sentences deny the same thing in other words ("has not yet adopted a net zero target date")."""
    negs = [o for o in options if _NEGATIVE_OPTION.search(o.text)]
    if len(negs) != 1:
        return None
    o = negs[0]
    own = own_terms(o.text, asked) - _NEG_TERMS
    if not own:
        return None
    end = _sentence_end(text)
    end += _sentence_end(text[end:])  # the first two sentences
    for m in re.finditer(r"[^.;]+", text[:end]):
        clause = m.group(0)
        if re.search(r"\b(?:not|no|never|yet\s+to)\b|n[’']t\b", clause, re.I) and own & _terms(clause):
            return Picked([o.id], [(off + m.start(), off + m.end())], 0.6)
    return None


_NEGATIVE_OPTION = re.compile(r"\b(?:not|no|none|never)\b|n[’']t\b", re.I)
_NEG_TERMS = frozenset({"not", "no", "none", "never", "yet"})


def _by_range(text: str, off: int, options: list[Option]) -> Picked | None:
    """A figure in the answer that falls in one option's range ("retained for 12 months" -> "More than 6 months")."""
    ranges = [(o, _interval(o.text)) for o in options]
    ranges = [(o, r) for o, r in ranges if r is not None]
    if len(ranges) < 2:
        return None
    units = {r[2] for _o, r in ranges}
    first = text[: max(_sentence_end(text), 1)]
    # (a figure in brackets or after a month is a date or an aside: "The Statement (2022) sets ... by 2040")
    first_bare = _ASIDE_FIGURE.sub(lambda m: " " * len(m.group(0)), first)
    for raw, unit, size in _quantities(first_bare):
        v = raw * size
        if unit not in units and not (unit == "" and units == {""}):
            continue
        hits = [o for o, r in ranges if r[0] <= v <= r[1] and r[2] == unit]
        if len(hits) == 1:
            return Picked([hits[0].id], [(off, off + len(first))], 0.7)
    return None


def _by_kind(text: str, off: int, options: list[Option]) -> Picked | None:
    """An answer and exactly one option that say the same frequency or "a mix of both"."""
    first = text[: _sentence_end(text)]
    if re.fullmatch(r"\W*(?:yes|no)\W*", first, re.I):  # "Yes. Both are provided by X Ltd under contract."
        first = text[: len(first) + _sentence_end(text[len(first):])]
    said = _kinds(first)
    if not said:
        return None
    if {"kind_own", "kind_paid"} <= said:
        said |= {"kind_mixed"}  # "our own technical officers and two specialist contractors"
    hits = [o for o in options if _kinds(o.text) & said]
    most = said & {"most_kind_own", "most_kind_paid"}
    if len(hits) > 1 and most:
        hits = [o for o in hits if most <= _kinds(o.text)] or hits
    if len(hits) > 1 and "kind_mixed" in said:  # "A combination – ... in-house team and ... contractors"
        hits = [o for o in hits if "kind_mixed" in _kinds(o.text)] or hits
    if len(hits) > 1:  # the one option that says all of it ("A combination of in-house staff and contractors")
        hits = [o for o in hits if _kinds(o.text) == said] or hits
    if len(hits) != 1:
        return None
    named = [o for o in options if len(o.text.split()) >= 2 and o.text.lower() in first.lower()]
    if named and hits[0] not in named:
        return None  # "our own team, using forecasts supplied by RoadCast Weather Services": the option named
    return Picked([hits[0].id], [(off, off + len(first))], 0.7)


def _by_polarity(text: str, off: int, options: list[Option]) -> Picked | None:
    """No option quoted: agree the answer's polarity and words with each option's."""
    yes, span, _conf = yes_no(text)
    if yes is None:
        if re.search(r"\b(?:does|do|will|can|is|are)\s+(?:\w+\s+){0,2}(?:prevent|restrict|block|require|allow)",
                     text, re.I):
            yes = True
        else:
            return None
    pol = [(o, re.match(r"^\W*(yes|no)\b", o.text, re.I)) for o in options]
    cands = [o for o, m in pol if m and (m.group(1).lower() == "yes") == yes]
    if not cands:
        return None
    terms = _terms(text)
    qualified = re.search(r"\b(?:some|certain|partial|partly|limited|specific|precautions?|where|unless|"
                          r"unauthori[sz]ed)\b", text, re.I)
    total = re.search(r"\b(?:all|any|every|completely|entirely|fully|total)\b", text, re.I)

    def score(o: Option) -> float:
        ot = _terms(o.text)
        s = len(ot & terms) / max(len(ot), 1)
        if re.search(r"\bsome\b", o.text, re.I) and qualified:
            s += 0.5
        if re.search(r"\ball\b", o.text, re.I) and total and not qualified:
            s += 0.5
        # the bare "No"/"Yes" option fits a bare answer
        if len(ot) == 0:
            s += 0.2
        return s

    cands.sort(key=score, reverse=True)
    sp = span or (0, min(len(text), 200))
    return Picked([cands[0].id], [(off + sp[0], off + sp[1])], 0.55)


_YES_NO_RUN = re.compile(r"(?:yes|no)(?:\s*[;,/|]?\s*(?:yes|no))+\W*", re.I)
_REST_OF_ITEMS = re.compile(
    r"[^.;\n]*\b(?:the\s+)?(?:other|remaining)\s+(?:two|three|four|five|six|\d|items?|matters?|ones?|options?|"
    r"areas?|measures?|controls?)\b[^.;\n]*|[^.;\n]*\b(?:none|neither)\s+of\s+the\s+others?\b[^.;\n]*|"
    r"(?P<only>\bonly\b\W*$|\bnothing\s+else\b[^.;\n]*|(?:^|(?<=[.;]\s))\W*only\s+(?:for|in|on|at|by|to|with|where|when)\b[^.;\n]*)",
    re.I,
)


_ITEM_REFS = re.compile(r"\b(?:items?|points?|parts?)\s+(?P<keys>\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)?"
                        r"(?:\s*(?:,|and|&|or)\s*\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)?)*)(?![\w(])", re.I)


def _items_by_label(text: str, letters: dict[str, str]) -> list[tuple[str, bool, tuple[int, int]]]:
    """Items named by their labels in a clause that says yes or no to them ("items (i) and (iii)
    are in place, but not item (ii)")."""
    out: list[tuple[str, bool, tuple[int, int]]] = []
    for m in re.finditer(r"[^\n.;]+", text):
        for part in re.finditer(r"(?:(?!,?\s+but\s)[^\n])+", m.group(0)):
            clause = part.group(0)
            refs = list(_ITEM_REFS.finditer(clause))
            if not refs:
                continue
            keys = [k.lower() for r in refs for k in re.findall(r"[a-z]+|\d+", r.group("keys"), re.I)
                    if k.lower() not in ("and", "or")]
            if not keys or not all(k in letters for k in keys):
                continue
            rest = _ITEM_REFS.sub(" ", clause)
            negative = _denies(rest)
            at = m.start() + part.start()
            out.extend((letters[k], not negative, (at, at + len(clause))) for k in keys)
    return out


def _matrix_by_clauses(text: str, items: list[Option], values: dict[str, bool | None],
                       spans: list[tuple[int, int]], asked: frozenset[str] = frozenset()) -> float:
    """Items named in a line or sentence take its polarity ("EDR: deployed", "has no bus lanes")."""
    words_of = {it.id: own_terms(it.text, asked) | initials(it.text) for it in items}
    best: dict[str, tuple[int, bool]] = {}  # item -> (its words the clause names, the clause's polarity)
    named_in: dict[int, tuple[int, int]] = {}
    others_of = {it.id: set().union(*(words_of[x.id] for x in items if x.id != it.id)) for it in items}
    item_negations = _item_negations(tuple(it.text for it in items))
    for m in re.finditer(r"[^\n.;]+", unwrapped(text)):
        clause = m.group(0)
        # (initials count only written in capitals: "FSM", not the word "car")
        terms = (_terms(clause) - {w for it in items for w in initials(it.text)}) | {
            a.lower() for a in re.findall(r"\b[A-Z]{3,4}(?=s?\b)", clause)}
        hits = []
        for it in items:
            own = words_of[it.id] - others_of[it.id]
            if own & terms or (words_of[it.id] and len(words_of[it.id] & terms) * 2 > len(words_of[it.id])):
                hits.append(it.id)
        if not hits or _SAID_NOT_APPLICABLE.search(clause):
            continue  # ("Emergency department: N/A": neither yes nor no)
        # (an item's own "no" is no denial: "because no local adult acute bed was available" for the item
        # "No local adult acute bed available")
        negative = _denies(item_negations.sub(" ", clause) if item_negations else clause)
        if "free" in asked and not re.search(r"\bfree\b", clause, re.I) and _CHARGED.search(clause):
            negative = True  # "is each free of charge?" – "Reservations: £1.00", "printing is charged at 15p a page"
        for h in hits:
            # (the clause that names most of an item's words speaks of it: not the "Get Kelbrook
            # Online" scheme but "We do not provide help with online benefit claims")
            n = len(words_of[h] & terms)
            if values.get(h) is None and n > best.get(h, (0, False))[0]:
                best[h] = (n, not negative)
                named_in[m.start()] = (m.start(), m.end())
    for h, (_, verdict) in best.items():
        values[h] = verdict
    spans.extend(named_in.values())
    return 0.6 if len(best) >= 2 else 0.0


# "All free except printing", "Everything is free apart from ...": every item, less those excepted
_ALL_ARE = re.compile(r"^\W*(?:all|everything)(?:\s+(?:of\s+)?(?:them|these|the\s+above|items|services))?\s+(?:is\s+|are\s+)?"
                      r"(?:free|available|offered|provided|in\s+place)\b", re.I)
_CHARGED = re.compile(r"[£$€]\s?\d|\b\d+(?:\.\d+)?p\b|\bcharg|\bcosts?\b|\bfees?\b|\bpaid\b|\bpay\b", re.I)
_SAID_NOT_APPLICABLE = re.compile(r"\bn/a\b|\bnot\s+applicable\b", re.I)  # (anywhere in a clause)


@lru_cache(maxsize=1024)
def _item_negations(texts: tuple[str, ...]) -> re.Pattern[str] | None:
    """The "no X" / "not X" phrases of items' own words ("no local", "not provided"), as one pattern."""
    pairs = {m.group(0).lower() for t in texts for m in re.finditer(r"\b(?:no|not)\s+[a-z]+", t, re.I)}
    if not pairs:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(pairs)) + r")\b", re.I)


def unwrapped(text: str) -> str:
    """The text with hard line wraps inside a sentence turned to spaces (same length, so offsets hold)."""
    return _WRAP.sub(lambda m: " " * len(m.group(0)), text)


_WRAP = re.compile(r"(?<=[\w,)])\n[ \t]*(?=[a-z(])")


@lru_cache(maxsize=4096)
def _names(text: str) -> frozenset[str]:
    """An item's names: its text, and its short name and gloss ("HVO (hydrotreated vegetable oil)")."""
    low = text.lower().strip()
    m = re.match(r"^(.*?)\s*\((.*?)\)\s*$", low)
    return frozenset({low, m.group(1).strip(), m.group(2).strip()} - {""} if m else {low})


def _line_verdicts(text: str, items: list[Option]) -> list[tuple[str, bool, tuple[int, int]]]:
    """Lines naming an item or option then yes or no: "Access centrally stored information – No"."""
    out: list[tuple[str, bool, tuple[int, int]]] = []
    if not items:
        return out
    for line_m in re.finditer(r"[^\n]+", text):
        line = line_m.group(0)
        # (a verdict, not "no" as a word of the sentence: "There is no concession for ...", "No for pensioners")
        yn = re.search(r"(?:[-–:|]|\s)\s*(yes|no|(?-i:[YN])(?![/\w]))\b(?!\s+[a-z])[^\n]*$", line, re.I)
        if not yn:
            continue
        label_part = line[: yn.start()].lower()
        bare = re.sub(r"^[\W\d_]+|[\W_]+$", "", label_part.split("/")[-1])  # "- Disel / Diesel:" -> "diesel"
        best = max(((100 if bare and bare in _names(it.text) else
                     fuzz.partial_ratio(it.text.lower(), label_part) if len(label_part) > 5 else 0, it)
                    for it in items), key=lambda x: x[0])
        hit = _short_name_of(line[: yn.start()], items) or (best[1] if best[0] >= 85 else None)
        if hit is not None:
            out.append((hit.id, yn.group(1).lower() in ("yes", "y"), (line_m.start(), line_m.end())))
    return out


def _short_name_of(label: str, items: list[Option]) -> Option | None:
    """The one item a short label names: each of its words an acronym of the item ("MFA", "SOC", "PCs") or the
    start of one of its words ("MFA for staff", "Phishing simulations", "e-mags", "laptops")."""
    at = _short_name_at(label, tuple(it.text for it in items))
    return items[at] if at is not None else None


@lru_cache(maxsize=16384)
def _short_name_at(label: str, texts: tuple[str, ...]) -> int | None:
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", label) if w.lower() not in _SHORT_STOP]
    if not words or len(words) > 5:
        return None
    # (an acronym may take a plural "s": "PCs")
    acronyms = [(w[:-1] if w.endswith("s") and w[:-1].isupper() else w) for w in words]
    hits = []
    for n, text in enumerate(texts):
        terms, shorts = _short_names(text)
        if all((a.isupper() and a.lower() in shorts) or any(_same_start(t, x) for t in _terms(w) for x in terms)
               for w, a in zip(words, acronyms, strict=True)):
            hits.append(n)
    return hits[0] if len(hits) == 1 else None


@lru_cache(maxsize=4096)
def _short_names(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """An item's words, and the initials it may go by."""
    return _terms(text), initials(text, (2, 3, 4)) | _bracketed_acronyms(text)


_SHORT_STOP = frozenset({"a", "an", "the", "of", "for", "and", "or", "to", "in", "on", "by", "with", "all"})


_CLAUSE = re.compile(r"[^;\n.]+")
_CLAUSE_OR_LISTED = re.compile(r"[^;\n.,]+")
_VERDICT_WORD = re.compile(r"\b(?:yes|no)\b", re.I)


def _item_clauses(text: str) -> list[re.Match[str]]:
    """The clauses of an answer, split at commas too where a clause gives several verdicts ("Wi-Fi yes, PCs no")."""
    out: list[re.Match[str]] = []
    for clause in _CLAUSE.finditer(text):
        if len(_VERDICT_WORD.findall(clause.group(0))) >= 2:
            out.extend(_CLAUSE_OR_LISTED.finditer(text, clause.start(), clause.end()))
        else:
            out.append(clause)
    return out


def _same_start(a: str, b: str) -> bool:
    """"mag" and "magazin", "laptop" and "laptop": one word the start of the other (three letters at least)."""
    if a == b:
        return True
    if "-" not in a and "-" not in b:
        return min(len(a), len(b)) >= 3 and (a.startswith(b) or b.startswith(a))
    # ("market" and "market-styl": any part of a hyphened word)
    return any(x == y or min(len(x), len(y)) >= 3 and (x.startswith(y) or y.startswith(x))
               for x in a.split("-") for y in b.split("-"))


def _verdicts_first(text: str, items: list[Option]) -> list[tuple[str, bool, tuple[int, int]]]:
    """"Yes: no acute bed, no PICU bed. No: safeguarding, patient choice.": each item listed after a verdict."""
    out: list[tuple[str, bool, tuple[int, int]]] = []
    for m in _VERDICT_FIRST.finditer(text):
        for piece in re.finditer(r"[^,]+", m.group(2)):
            name = re.sub(r"^\s*(?:and|or)\s+", "", piece.group(0))
            said = _terms(name)
            it = _short_name_of(name, items) or next(
                (x for x in items if said and said <= _terms(x.text) | initials(x.text)), None)
            if it is not None:
                out.append((it.id, m.group(1).lower() == "yes", (m.start(2) + piece.start(), m.start(2) + piece.end())))
    return out


_VERDICT_FIRST = re.compile(r"(?:^|(?<=[.;\n]))\s*(yes|no)\s*[:–—]\s*([^.;\n]+)", re.I)
_TICKS = str.maketrans({"✓": "Y", "✔": "Y", "☑": "Y", "✗": "N", "✘": "N", "☒": "N"})


def pick_matrix(text: str, items: list[Option], asked: frozenset[str] = frozenset()
                ) -> tuple[dict[str, bool | None], list[tuple[int, int]], float]:
    """Per-item yes/no: "Yes to all", a letter range "(a-h)", or item by item."""
    text = text.translate(_TICKS)  # "Pensioners ✗": a tick or a cross is a yes or a no (one letter: offsets hold)
    values: dict[str, bool | None] = {it.id: None for it in items}
    spans: list[tuple[int, int]] = []
    conf = 0.0
    m = _NONE.search(text) or re.search(r"\bno\s+to\s+all\b", text, re.I)
    if m:
        return {k: False for k in values}, [(m.start(), m.end())], 0.85
    seq = _YES_NO_RUN.fullmatch(text.strip())
    if seq:  # "Yes / Yes / Yes / No / No", "Yes; Yes; No": one per item, in the request's order
        said = re.findall(r"yes|no", seq.group(0), re.I)
        if len(said) == len(items):
            lead = len(text) - len(text.lstrip())
            return ({it.id: w.lower() == "yes" for it, w in zip(items, said, strict=True)},
                    [(lead, lead + len(text.strip()))], 0.8)
    m = _all_of(text, len(items)) or _ALL_ARE.match(text)
    letters = option_letters(items)
    rng = re.search(r"\(\s*([a-z])\s*(?:-|–|to)\s*([a-z])\s*\)", text, re.I)
    if m or (rng and rng.group(1).lower() == "a" and letters.get(rng.group(2).lower()) == items[-1].id):
        hit = m or rng
        assert hit
        left_out = _excepted(text[hit.end():], items, asked) if m else set()  # "Yes to all except (iv)"
        values = {k: k not in left_out for k in values}
        spans.append((hit.start(), hit.end()))
        conf = 0.8 if m and _QUALIFIED.match(text[m.end():]) else 0.9
    # item by item: "a) Yes", "Access centrally stored information – No"
    # (with a Welsh word first: "(i) Ydy / Yes"; or several labels at once: "(i) and (iii) yes")
    for part in re.finditer(r"(?:^|(?<=\s))(?P<keys>\(?(?:[a-z]|[ivx]{2,4}|\d{1,2})[).:]?(?:\s*(?:,|and|&)\s*\(?"
                            r"(?:[a-z]|[ivx]{2,4}|\d{1,2})[).:]?)*)[\s:–-]*(?:[^\W\d_]+(?:\s[^\W\d_]+)?\s*/\s*)?"
                            r"(?P<yn>yes|no)\b", text, re.I):
        keys = [k.lower() for k in re.findall(r"[a-z]+|\d+", part.group("keys"), re.I) if k.lower() != "and"]
        if keys and all(k in letters for k in keys) and (len(keys) > 1 or re.search(r"[).:]", part.group("keys"))):
            for key in keys:
                values[letters[key]] = part.group("yn").lower() == "yes"
            spans.append((part.start(), part.end()))
            conf = max(conf, 0.85)
    for item_id, verdict, span in _items_by_label(text, letters):
        if values[item_id] is None:  # "We have items (i) and (iii) in place, but not item (ii)."
            values[item_id] = verdict
            spans.append(span)
            conf = max(conf, 0.8)
    for item_id, verdict, span in _verdicts_first(text, items):
        if values[item_id] is None:
            values[item_id] = verdict
            spans.append(span)
            conf = max(conf, 0.75)
    for item_id, verdict, span in _line_verdicts(text, items):
        values[item_id] = verdict
        spans.append(span)
        conf = max(conf, 0.8)
    for clause in _item_clauses(text):
        cl = clause.group(0)
        yn = re.search(r"\((yes|no)\)|[-–:]\s*(yes|no|(?-i:[YN])(?![/\w]))\b|\b(yes|no)\s*$", cl, re.I)
        # "Penalty points – we do not operate a penalty points scheme": a no in words
        neg = None if yn else re.search(r"[-–:]\s*(?:(?:we|it|the\s+\w+)\s+)?(?:(?:do|does|did|have|has|had)\s*(?:not|n't)|"
                                        r"never)\b", cl, re.I)
        if not yn and not neg or _SAID_NOT_APPLICABLE.search(cl) and not yn:
            continue  # ("paramedics – not applicable": neither yes nor no)
        terms = _terms(cl[: (yn or neg).start()])
        best_item, best_score = None, 0.0
        for it in items:
            it_terms = _terms(it.text)
            sc = len(it_terms & terms) / max(len(it_terms), 1)
            if sc > best_score:
                best_item, best_score = it, sc
        if best_score < 0.5 and 0 < len(terms) <= 2:
            # "e-mags yes, laptops no": a short name for the item, each of its words the start of one of the item's
            short = _short_name_of(cl[: (yn or neg).start()], items)
            if short is not None:
                best_item, best_score = short, 0.5
        if best_item is not None and best_score >= 0.5 and values.get(best_item.id) is None:
            values[best_item.id] = bool(yn) and (yn.group(1) or yn.group(2) or yn.group(3)).lower() in ("yes", "y")
            spans.append((clause.start(), clause.end()))
            conf = max(conf, 0.7)
    if conf == 0.0:
        conf = _matrix_by_clauses(text, items, values, spans, asked)
    elif any(v is None for v in values.values()):
        # "Food waste: Yes. We do not require Food for Life accreditation.": the rest in sentences
        _matrix_by_clauses(text, items, values, spans, asked)
    rest = _REST_OF_ITEMS.search(text) if any(v is None for v in values.values()) else None
    if rest and (conf or rest.group("only") and any(v is not None for v in values.values())):
        # "we have not held one on the other two" / "Bus lanes and moving traffic only." / "Only for X."
        fill = not _CLAUSE_NEG.search(rest.group(0)) if not rest.group("only") else False
        values = {k: (fill if v is None else v) for k, v in values.items()}
        spans.append((rest.start(), rest.end()))
        conf = conf or 0.6
    if conf == 0.0:
        yes, span, c = yes_no(text)
        if yes is not None and span:
            values = {k: yes for k in values}
            spans.append(span)
            conf = min(c, 0.6)
    return values, spans, conf
