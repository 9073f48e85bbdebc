"""A reply -> the passage that answers each question.

Every line is scored as a possible *anchor* for each question: a restatement of the
question's text (verbatim, reworded, wrapped over lines), its label ("1a." for "a.",
"Q3", "Question 3"), a multi-label ("Questions 1 and 2:"), or a row of a flattened
table. The best chain of anchors in question order is chosen, preferring anchors that
are followed by answer content (so a request quoted in full before a "Response"
heading loses to the answers after it). A question's block is the content between its
anchor and the next; text outside any block (an opening paragraph, a "Response"
section without per-question anchors) is the reply's *global* text, which answers
every question the blocks leave empty (a blanket referral or refusal).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz, process

from foicollate.markers import (
    ORDINAL_WORDS,
    label_style,
    labels_match,
    multi_labels,
    normalise_label,
    ordinal,
    parse_bullet,
    parse_marker,
    to_roman,
)
from foicollate.model import Document, Question, Questionnaire, QuestionType, Status
from foicollate.names import body_key, find_bodies, letterhead_names
from foicollate.questionnaire_types import asks as reads_as_question
from foicollate.questionnaire_types import is_question_like

if TYPE_CHECKING:
    from foicollate.extract.outcome import Cue

# Lines that end the answers: rights, signatures, re-use notices.
_CLOSING = re.compile(
    r"^\W*(?:if\s+you(?:\s+are|'re|\s+remain)\s+(?:unhappy|dissatisfied|not\s+(?:happy|satisfied|content))|your\s+rights?\b|"
    r"right\s+(?:of|to)\s+(?:appeal|review|complain)|internal\s+review\b|requesting\s+an\s+internal\s+review|"
    r"if\s+you\s+(?:have\s+any|require\s+any)\s+(?:further\s+)?(?:queries|questions|enquiries)|"
    r"yours\s+(?:sincerely|faithfully)|kind\s+regards|best\s+regards|regards\b|with\s+best\s+wishes|"
    r"further\s+information\s*$|advice\s+and\s+assistance|re-?use\s+of\s+(?:public\s+sector\s+)?information|"
    r"copyright\b|complaints?\s+procedure|how\s+to\s+complain|if\s+you\s+wish\s+to\s+(?:complain|appeal|"
    r"request\s+a\s+review)|you\s+(?:have\s+the\s+right|can\s+(?:ask|request)\s+(?:for\s+)?an?\s+(?:internal\s+)?review)|"
    r"the\s+information\s+commissioner|we\s+hope\s+this|i\s+hope\s+this|please\s+quote\s+the\s+reference)",
    re.I,
)
# The requester's own email quoted below a reply: nothing after it is the body's answer.
QUOTED_EMAIL = re.compile(r"^\W*(?:-{2,}\s*original\s+message|on\s.{4,200}\swrote:\s*$|from:\s.{3,80}\ssent:\s)", re.I)
# Headings that start the answers after a quoted request.
_RESPONSE_HEADING = re.compile(
    r"^\W*(?:our\s+|the\s+council'?s\s+|council\s+|trust\s+|force\s+)?(?:response|reply|answers?|decision|"
    r"information\s+(?:provided|released|disclosed))\b[\w\s()]{0,40}[:.]?\s*(?:\([^)]*[A-Za-z]{3}.*\))?\s*$",
    re.I,
)
# Lines of the request itself that a reply quotes: notes about the questions, the
# requester's own first-person closing lines.
_QUESTIONS_TALK = re.compile(
    r"\b(?:the\s+)?(?:below|above|following)\s+questions\b|\bquestions?\s+[a-z0-9]{1,3}\.?\s+(?:and|to|-)\s+"
    r"[a-z0-9]{1,3}\.?\s+above\b",
    re.I,
)
_REQUESTER_LINE = re.compile(
    r"^\W*(?:i\s+(?:would\s+(?:be\s+grateful|like|appreciate)|am\s+(?:more\s+than\s+)?"
    r"happy\s+to\s+receive|am\s+writing|look\s+forward)|if\s+it'?s\s+easier|many\s+thanks|thanks\s+in\s+advance|"
    r"if\s+answering\s+the\s+above|if\s+this\s+request\s+is|please\s+can\s+you\s+answer|"
    r"please\s+(?:choose|select|tick|indicate|pick)\s+(?:one|all|any)\b[^.]{0,30}\.?\s*$|"
    r"(?:if\s+possible,?\s+)?please\s+(?:break|provide|list|give|state|tell|include|send|specify|also\s+provide)\b|"
    r"(?:tick|select|choose)\s+(?:all|one)\s+(?:that|which)\s+appl(?:y|ies)\.?\s*$)",
    re.I,
)

# a table row whose first cell opens with a numbered part's label and names it: "| 1a Permanent exclusions | 58 |"
_ROW_LABEL = re.compile(r"^\s*\|?\s*(?:Q\.?\s?)?(?P<k>\d{1,2}[a-z])\s+(?P<b>[A-Za-z]{3}[^|\d]*\|)", re.I)

# (patterns run on every figure, line or name: compiled once)
_CELL_FIGURE = re.compile(r"(\||\t| {2,})\s*[£\d]")
_DIGIT = re.compile(r"\d")
_CELL_SPLIT = re.compile(r"\s*\|\s*|\t+| {2,}")


TABLE_RULE = re.compile(r"^\s*\|?[\s:|-]*-{3,}[\s:|-]*\|?\s*$")
_ANSWER_HEAD_CELL = re.compile(r"^\W*(?:our\s+)?(?:response|answer|reply)s?\W*$", re.I)


def _answers_after_heading(lines: list[Line], chain: list[Anchor], blocks: dict[str, Block], heads: list[int],
                           closing: int, idx: _QuestionIndex, covered: list[tuple[int, int]]) -> None:
    """The request quoted first, then under a "Response" heading one unlabelled answer a line (or a table
    row) per question in the request's order: pair them by place when the counts agree."""
    after = [h for h in heads if h > chain[-1].line]
    if not after:
        return
    items: list[tuple[int, int, int]] = []  # (line, start, end) of each answer's text
    for i in range(after[0] + 1, closing):
        ln = lines[i]
        body = ln.text.strip()
        if not body or TABLE_RULE.match(body) or _ANSWER_HEAD_CELL.match(body.strip("|")):
            continue
        lead = len(ln.text) - len(ln.text.lstrip(" \t|"))
        tail = len(ln.text) - len(ln.text.rstrip(" \t|"))
        items.append((i, ln.start + lead, ln.end - tail))
    while items and len(items) > min(len(chain), len(idx.questions)) and _INTRO_LINE.search(
            lines[items[0][0]].text):
        items.pop(0)  # "The Council's responses are given in the table below, in the same order as your questions."
    rows = [lines[i].text.lstrip().startswith("|") for i, _, _ in items]
    if rows and rows[0] and not all(rows):
        items = items[:rows.index(False)]  # a table of answers ends at its last row (a note may follow)
    owners = [a.questions[0] for a in chain] if len(items) == len(chain) else \
        list(range(len(idx.questions))) if len(items) == len(idx.questions) else []
    for qi, (i, start, end) in zip(owners, items, strict=False):
        b = blocks[idx.questions[qi].id]
        b.anchor, b.spans = Anchor(i, [qi], 40.0, "ordinal", start), [(start, end)]
        covered.append((lines[i].start, lines[i].end))


_INTRO_LINE = re.compile(r"\b(?:below|following|as\s+follows|set\s+out|same\s+order)\b|:\s*$", re.I)


_SIGN_OFF = re.compile(r"^\W*(?:yours\s+(?:sincerely|faithfully|truly)|(?:kind|best|warm)\s+regards|regards)\b", re.I)


def _letter_break(lines: list[Line], chain: list[Anchor]) -> int | None:
    """The sign-off line of a letter followed closely by another letter's greeting, between the first and the
    last anchor (the request, then the reply under it), if any."""
    if len(chain) < 2:
        return None
    for i in range(chain[0].line + 1, chain[-1].line):
        if _SIGN_OFF.match(lines[i].text) and any(_GREETING.match(ln.text) for ln in lines[i + 1:i + 6]):
            return i
    return None


def _few_answered(blocks: dict[str, Block], doc: Document, cut: int | None = None) -> bool:
    """Do at most a fifth of the blocks hold an answer (not just the rest of a quoted question), reading each
    only up to offset `cut` if given?"""
    filled = [b for b in blocks.values() if any(cut is None or s < cut for s, _ in b.spans)]
    most = len(blocks) // 5
    if len(filled) <= most:
        return True
    answered = 0
    for b in filled:
        answered += not _still_asking(b.text(doc, cut))
        if answered > most:
            return False
    return True


def _still_asking(text: str) -> bool:
    """A block that only goes on asking: the rest of a quoted question ("If you can, please split this ...",
    "For each of the following, please tell me whether ...") rather than an answer."""
    t = text.strip()
    # (or a heading over the parts asked under it: "1. Breakfast clubs in the 2023/24 academic year:")
    return bool(re.match(r"^\W*(?:if\s+(?:you\s+can|possible|so)\b|please\b)", t, re.I)) or is_question_like(t) or (
        "\n" not in t and t.endswith(":") and len(t) < 80)


def _request_talk(line: str) -> bool:
    """Lines of the request itself that a reply quotes: notes about "the below questions", the
    requester's own first-person lines and instructions ("please tick all that apply")."""
    return bool(_REQUESTER_LINE.match(line) or "uestion" in line and _QUESTIONS_TALK.search(line))


_BILINGUAL_LABEL = re.compile(r"/\s*\W*(?:Question|Q)\.?\s*(\d{1,3}[a-z]?|[a-z]|[ivx]{2,4})\W*$", re.I)
_BILINGUAL_PREFIX = re.compile(r"^\W*(?:[^\W\d_]{3,20}\s+[^/\n]{1,25}?\s*/\s*(?=(?:Questions?|Q)\.?\s*\(?\w)|"
                               # "C1 / Q1": the Welsh label's number is the English one's
                               r"[^\W\d_]{1,3}\.?\s?(?P<n>\d{1,3}[a-z]?)\s*/\s*(?=(?:Questions?|Q)\.?\s*\(?(?P=n)\b))", re.I)
_PAGE_OF = re.compile(r"\bpage\s+\d+\s+(?:of|/)\s+\d+\b", re.I)
_PAGE_FURNITURE = re.compile(_PAGE_OF.pattern + r"|^\s*-?\s*\d+\s*-?\s*$", re.I)
_ANSWER_PREFIX = re.compile(r"^\W*(?:[\w']+\s*/\s*)?(?:answer|response|reply|a)\s*[:.\-–][*_\s]*", re.I)
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    ["a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "is", "are", "was", "were", "be", "been", "do", "does", "did", "you", "your", "yours", "we", "our", "us", "it", "its", "this", "that", "these", "those", "with", "by", "as", "at", "from", "any", "all", "per", "e", "g", "eg", "i", "ie", "please", "can", "could", "would", "will"]
)


@dataclass
class Line:
    start: int
    end: int
    text: str  # the line as written
    marker_key: str | None
    body: str  # the line without its marker
    body_start: int
    body_norm: str = ""  # the body's lower-case words
    heading: bool = False  # a "Response" heading
    talk: bool = False  # the requester's own words quoted (see _request_talk)
    lead: int = 0  # where the English label starts after a Welsh one ("Cwestiwn 2 / Question 2")


@dataclass
class Anchor:
    line: int  # index into lines
    questions: list[int]  # question indexes this anchor opens (several for "Questions 1 and 2")
    score: float
    kind: str  # "text" | "label" | "ordinal" | "multi" | "table"
    answer_start: int  # character offset where the answer may begin (after the restated text)


@dataclass
class Block:
    """The content that answers one question: spans of the document's text."""

    spans: list[tuple[int, int]] = field(default_factory=list)
    anchor: Anchor | None = None
    columns: list[str] | None = None  # header cells of a flattened table row, if any

    def text(self, doc: Document, before: int | None = None) -> str:
        """The block's passage (only its spans that start before offset `before`, if given)."""
        return "\n".join(doc.text[s:e] for s, e in self.spans if before is None or s < before)

    @property
    def empty(self) -> bool:
        return not self.spans


@dataclass
class Segmentation:
    lines: list[Line]
    blocks: dict[str, Block]
    global_spans: list[tuple[int, int]]  # text outside every block, before the closing lines
    scottish: bool = False  # a FOISA reply: section numbers mean other things
    # outcome cues of the global text, read once, each with whether it lies inside some question's passage
    global_cues: list[tuple[Any, bool]] | None = None
    own_names: AbstractSet[str] = frozenset()  # keys of bodies in the letterhead and signature

    def global_text(self, doc: Document) -> str:
        return "\n".join(doc.text[s:e] for s, e in self.global_spans)


def words(s: str) -> list[str]:
    return _WORD.findall(s.lower())


@lru_cache(maxsize=65536)
def stem(w: str) -> str:
    """A light stem so "felled"/"fell", "planted"/"plant", "trees"/"tree", "bodies"/"body" meet."""
    if len(w) > 5 and w.endswith("ing"):
        return w[:-3]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"  # "cemeteries"/"cemetery"
    if len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
        return w[:-1] if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "ls" else w
    w = w.rstrip("s") if len(w) > 3 else w
    # "closures"/"closed", "failure"/"failed": the -ure noun meets its verb
    return w[:-3] if len(w) >= 7 and w.endswith("ure") else w


@lru_cache(maxsize=65536)
def content_words(s: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words(s) if w not in _STOP)


_INLINE_LABEL = re.compile(
    r"(?:^|(?<=\s))\(?(?P<k>[a-z]|[ivx]{1,4}|\d{1,2}[a-z]?)\)\s+(?=\S)"
    # "5a/5b) we don't hold anything for these": two labels answered at once
    r"|(?:^|(?<=\s))(?P<k4>\d{1,2}[a-z]?(?:\s*/\s*\d{1,2}[a-z]?)+)\)\s+(?=\S)"
    # "d £8,120; e yes; f external provider", "answers: A 96, B none, C nil": bare labels after ; , or :
    r"|(?<=[;,:]\s)(?P<k2>[a-z]|\d{1,2}[a-z]?)\s+(?=\S)"
    # "Q1 - see attached. Q2a-2b - not held. Q3 and Q4 - no scheme.": Q-labels, alone or several at once
    r"|(?:^|(?<=[\s.;,]))(?P<k3>Q\.?\s?\d{1,2}[a-z]?(?:\s*(?:-|–|and|&|to)\s*(?:Q\.?\s?)?\d{1,2}[a-z]?)*)"
    r"\s*[-–—:.)]\s+(?=\S)",
    re.I,
)


@lru_cache(maxsize=4096)
def initials(text: str, sizes: tuple[int, ...] = (3, 4)) -> frozenset[str]:
    """Initials a reply may use for an item: "Pupils eligible for free school meals" -> "fsm",
    "Gypsy, Roma and Traveller backgrounds" -> "grt" (runs of three or four of its words; of two as well for
    an acronym written in capitals, "PCs" for "Public computers")."""
    ws = [w for w in re.findall(r"[A-Za-z]+", text) if w.lower() not in ("and", "of", "the", "for", "a", "an", "with", "or")]
    out = set()
    for n in sizes:
        for i in range(len(ws) - n + 1):
            out.add("".join(w[0] for w in ws[i:i + n]).lower())
    return frozenset(out)


def _inline_pieces(raw: str) -> list[tuple[int, int, str | None, int]]:
    """ "a) 4,210  b) see attached  c) 6.5 days": one line answering several questions in
    sequence is read as one line per label (spans within the line)."""
    if raw.count(")") + raw.count(";") + raw.count(",") < 3 and raw.count("Q") < 3:
        return [(0, len(raw), None, 0)]
    marks = list(_INLINE_LABEL.finditer(raw))
    if len(marks) < 3:
        return [(0, len(raw), None, 0)]
    from foicollate.markers import follows, normalise_label

    keys, lasts = [], []
    for m in marks:
        k4 = m.group("k4")
        # "Q3 and Q4", "5a/5b)": the next label follows the last of them
        ml = multi_labels(m.group("k3")) if m.group("k3") else None
        group = ml[0] if ml else [normalise_label(k) for k in re.split(r"\s*/\s*", k4)] if k4 else None
        keys.append(group[0] if group else normalise_label(m.group("k") or m.group("k2") or m.group("k3")))
        lasts.append(group[-1] if group else keys[-1])
    run: list[int] = []
    for first in range(len(marks) - 2):  # the longest run of labels in sequence ("Hello Tom, a to c ...; d ...")
        cand = [first]
        for i in range(first + 1, len(marks)):
            if follows(lasts[cand[-1]], keys[i]):
                cand.append(i)
        if len(cand) > len(run):
            run = cand
    if len(run) < 3 or marks[run[0]].start() > 3 and parse_marker(raw) is not None:
        # "vi. a) Yes b) Yes c) No": the letters answer items of question vi, not questions
        return [(0, len(raw), None, 0)]
    cuts = [marks[i].start() for i in run]
    if re.search(r"\b(?:which|that|whether|to|must|should|will|would|may|can|who|where)\s*:?\s*$", raw[:cuts[0]], re.I):
        return [(0, len(raw), None, 0)]  # "a notice which: (a) states that fact, (b) ...": a list inside a sentence
    pieces = [(a, b, keys[i], marks[i].end() - a)
              for i, a, b in zip(run, cuts, [*cuts[1:], len(raw)], strict=True)]
    head: list[tuple[int, int, str | None, int]] = [(0, cuts[0], None, 0)] if cuts[0] > 0 else []
    return head + pieces


# "In relation to your first question, ...", "... listed in your fifth question.": prose that answers in order
_ORDINAL_REF = re.compile(r"(?<!\()\b(?:your|the)\s+(?P<o>" + "|".join(ORDINAL_WORDS) + r")\s+(?:question|point)\b", re.I)


def _ordinal_pieces(raw: str) -> list[tuple[int, int, str | None, int]]:
    """A letter in prose: each sentence naming "your Nth question" starts the answer to question N (key "#N")."""
    if "uestion" not in raw and "oint" not in raw:
        return [(0, len(raw), None, 0)]
    cuts: list[tuple[int, str]] = []
    for m in _ORDINAL_REF.finditer(raw):
        ends = [e.end() for e in re.finditer(r"[.;!?]\s+(?=[A-Z])", raw[: m.start()])]
        at = ends[-1] if ends else 0
        if not cuts or at > cuts[-1][0]:
            cuts.append((at, f"#{ORDINAL_WORDS[m.group('o').lower()]}"))
    if not cuts:
        return [(0, len(raw), None, 0)]
    pieces: list[tuple[int, int, str | None, int]] = [(0, cuts[0][0], None, 0)] if cuts[0][0] > 0 else []
    for (a, key), b in zip(cuts, [c[0] for c in cuts[1:]] + [len(raw)], strict=True):
        pieces.append((a, b, key, 0))
    return pieces


def _running_furniture(raw_lines: list[str]) -> set[int]:
    """Indexes of a PDF's running headers and footers: the same line (page numbers aside) beside
    every page break ("OFFICIAL", "Northshire County Council   Freedom of Information response")."""
    breaks = [i for i, ln in enumerate(raw_lines) if "\f" in ln or _PAGE_OF.search(ln)]
    if not breaks:
        return set()
    near: dict[tuple[str, int], set[int]] = {}
    for b in breaks:
        for i in range(max(0, b - 3), min(len(raw_lines), b + 4)):
            key = re.sub(r"\d+", "#", " ".join(raw_lines[i].replace("\f", " ").split())).lower()
            # the same words the same distance from two page breaks ("Question #" headings are not furniture)
            if len(re.findall(r"[a-z]", key)) >= 3 and not re.match(r"\W*(?:question|q)\W*#", key):
                near.setdefault((key, i - b), set()).add(i)
    return {i for at in near.values() if len(at) >= 2 for i in at}


def split_lines(text: str) -> list[Line]:
    out: list[Line] = []
    pos = 0
    raw_lines = text.split("\n")
    furniture = _running_furniture(raw_lines) if "\f" in text or len(_PAGE_OF.findall(text)) >= 2 else set()
    for n, whole in enumerate(raw_lines):
        line_start = pos
        pos += len(whole) + 1
        if n in furniture:
            continue
        for s, e, raw, key, body, body_start, norm, heading, talk, lead in _raw_line(whole):
            out.append(Line(line_start + s, line_start + e, raw, key, body, line_start + body_start, norm, heading,
                            talk, lead))
    for i in range(len(out) - 1):
        ln = out[i]
        if ln.marker_key is None and len(ln.text) <= 12 and _ANSWER_PREFIX.match(out[i + 1].text):
            mk = parse_marker(ln.text)
            if mk is not None and not mk.rest.strip() and mk.key.isdigit():
                # "3." alone with "Response: ..." under it: a label after all
                out[i] = _as_label(ln, mk.key)
    _bare_number_run(out)
    return out


# a Line's fields in order, its offsets counted from the start of its line of the text
_LineFields = tuple[int, int, str, str | None, str, int, str, bool, bool, int]


@lru_cache(maxsize=4096)
def _raw_line(whole: str) -> tuple[_LineFields, ...]:
    """The Lines one line of the text reads as, offsets from its start: replies repeat lines (restated
    questions, boilerplate), so each is read once (split_lines makes the Lines, in place)."""
    out: list[Line] = []
    pieces = _inline_pieces(whole)
    for a, b, key, body_at in pieces:
        if key is None:
            for a2, b2, key2, at2 in _ordinal_pieces(whole[a:b]):
                # "2. a) £182 b) £201": the head keeps its label for the parts after it
                out.extend(_line(whole[a + a2:a + b2].rstrip(), a + a2, key2, at2, head=len(pieces) > 1))
            continue
        out.extend(_line(whole[a:b].rstrip(), a, key, body_at))
    return tuple((ln.start, ln.end, ln.text, ln.marker_key, ln.body, ln.body_start, ln.body_norm, ln.heading, ln.talk,
                  ln.lead) for ln in out)


def _as_label(ln: Line, key: str) -> Line:
    """A line read as a label alone after all ("3." over "Response: ..."), its answer on the lines below."""
    return Line(ln.start, ln.end, ln.text, key, "", ln.end)


def _bare_number_run(out: list[Line]) -> None:
    """"3." / "4." / "5." each alone on a line with the answer under it: a run of three or more numbers
    going up one by one is numbering, though one "42." alone would be an answer."""
    bare = [(i, int(m.group(1))) for i, ln in enumerate(out[:-1])
            if ln.marker_key is None and len(ln.text) <= 6 and (m := _BARE_NUMBER.fullmatch(ln.text))]
    # a two-column table flattened one cell a line ("Question" / "1" / "Answer" / "12"): without a dot, a
    # number is numbering when each is the cell under the same repeated header line
    undotted = [(i, int(ln.text)) for i, ln in enumerate(out[1:-1], 1)
                if ln.marker_key is None and re.fullmatch(r"\s*\d{1,2}\s*", ln.text)]
    heads = Counter(out[i - 1].text.strip().lower() for i, _ in undotted)
    bare = sorted(bare + [(i, n) for i, n in undotted if heads[out[i - 1].text.strip().lower()] >= 3
                          and re.search(r"[A-Za-z]", out[i - 1].text) and len(out[i - 1].text) <= 40])
    runs: list[list[tuple[int, int]]] = []
    for item in bare:
        if runs and item[1] == runs[-1][-1][1] + 1:
            runs[-1].append(item)
        else:
            runs.append([item])
    for i, n in (item for run in runs if len(run) >= 3 for item in run):
        out[i] = _as_label(out[i], str(n))
    # "1." alone over a table, then "2. Fewer than 5." / "3. Nil.": numbering, as the labels around it say
    for i, n in bare:
        if out[i].marker_key is not None:
            continue
        before = next((x.marker_key for x in reversed(out[:i]) if x.marker_key), None)
        after = next((x.marker_key for x in islice(out, i + 1, None) if x.marker_key), None)
        if after == str(n + 1) and before in (None, str(n - 1)):
            out[i] = _as_label(out[i], str(n))


_BARE_NUMBER = re.compile(r"\s*(\d{1,2})\.\s*")


def _line(raw: str, start: int, key: str | None = None, body_at: int = 0, head: bool = False) -> list[Line]:
    """One non-blank line (or piece of one) with its marker, body and flags."""
    if not raw.strip():
        return []
    if key is not None:  # a piece of a line split at inline labels: its label is known
        body = raw[body_at:]
        return [Line(start, start + len(raw), raw, key, body, start + body_at,
                     body_norm=" ".join(words(body)))]
    mk = parse_marker(raw)
    if mk is not None and not mk.rest.strip() and not mk.prefixed and mk.key.isdigit() and not head:
        mk = None  # "42." alone is an answer, not a label; "Question 3" or "A." alone is a heading
    if mk is None and len(raw) <= 60:
        bi = _BILINGUAL_LABEL.search(raw)
        if bi:  # "## Cwestiwn ch / Question d": the English label of a bilingual heading
            return [Line(start, start + len(raw), raw, normalise_label(bi.group(1)), "", start + len(raw),
                         body_norm="")]
    lead = 0
    if mk is None and "/" in raw:
        bp = _BILINGUAL_PREFIX.match(raw)
        if bp:  # "Cwestiwn 1 / Question 1: How many ...? 31": read the English label after the slash
            mk = parse_marker(raw[bp.end():])
            lead = bp.end() if mk or multi_labels(raw[bp.end():]) else 0
        elif len(raw) <= 40 and re.match(r"^\s*\d", raw):
            # "1 a 2 / 1 and 2": the English half of a bilingual label for two questions
            cut = raw.index("/") + 1
            after = raw[cut:]
            lead = cut + len(after) - len(after.lstrip()) if multi_labels(after.lstrip(), bilingual=True) else 0
    body = mk.rest if mk else raw
    body_start = start + (mk.rest_offset + lead if mk else 0)
    row = _ROW_LABEL.match(raw) if mk is None and "|" in raw else None
    if row:  # "1a Permanent exclusions | 58 | 66 | 81": a summary table's row names its question
        body = raw[row.start("b"):]
        return [Line(start, start + len(raw), raw, row.group("k").lower(), body, start + row.start("b"),
                     body_norm=" ".join(words(body)))]
    if mk is None:
        bl = parse_bullet(raw)
        if bl:
            body, body_start = bl[1], start + bl[2]
    return [Line(start, start + len(raw), raw, mk.key if mk else None, body, body_start,
                 body_norm=" ".join(words(body)), heading=bool(_RESPONSE_HEADING.match(raw)),
                 talk=_request_talk(raw), lead=lead)]


class _QuestionIndex:
    """The questionnaire's texts, normalised once per questionnaire."""

    def __init__(self, q: Questionnaire) -> None:
        self.questions = q.questions
        self.norms = [" ".join(words(x.text)) for x in q.questions]
        self.content = [content_words(x.text) for x in q.questions]
        self.choice_norms = [[" ".join(words(o.text)) for o in x.choices] for x in q.questions]
        self.short_choices = {n for ns in self.choice_norms for n in ns if n and len(n) < 6}
        self.long_choices = [n for ns in self.choice_norms for n in ns if len(n) >= 6]
        self.restates_choice: dict[str, bool] = {}  # line norm -> restates an option (asked many times a line)
        self._labelled: dict[str, set[int]] = {}  # reply label -> the questions it can stand for
        self._restated: dict[tuple[str, bool], list[tuple[int, float]]] = {}  # see restated_by
        self._similarity: dict[tuple[str, int, float, bool], float] = {}  # see similarity
        self._heading_scores: dict[str, list[tuple[float, int]]] = {}  # see heading_scores
        self.labels = [(x.label or x.id).lower() for x in q.questions]
        self.label_keys = [_key(x) for x in q.questions]
        # the request's questions as a reader counts them: "2a" and "2b" are both its second question
        heads: dict[str, list[int]] = {}
        for j, k in enumerate(self.label_keys):
            m = re.fullmatch(r"(\d+)[a-z]{1,2}|([a-z])\d{1,2}[a-z]?", k)  # "2a", "2b"; "a1", "a2" (section A)
            heads.setdefault((m.group(1) or m.group(2)) if m else k or str(j), []).append(j)
        self.groups = list(heads.values())
        # "2" for a request whose question 2 is asked only in parts ("2a" ... "2d"): all its parts
        self.parts_of = {k: g for k, g in heads.items() if len(g) > 1 and k.isdigit() and k not in self.label_keys}
        self.nested = any(len(g) > 1 for g in self.groups)
        # questions of one or two content words: any line may restate them
        self.few_words = {j for j, c in enumerate(self.content) if len(c) <= 2}
        # the request is numbered i., ii., iii. ... (so a reply's "Part A" ... stand for them by position)
        keys = set(self.label_keys)
        self.roman = sum(k in ("i", "v", "x") or label_style(k) == "roman" for k in keys) >= max(3, 0.8 * len(keys))
        self.context_norms = [" ".join(words(x.context)) for x in q.questions if x.context]
        self.by_word: dict[str, list[int]] = {}
        for j, c in enumerate(self.content):
            for w in c:
                self.by_word.setdefault(w, []).append(j)
        df: dict[str, int] = {}
        for c in self.content:
            for w in c:
                df[w] = df.get(w, 0) + 1
        n = max(len(self.content), 1)
        self.idf = {w: math.log(1 + n / k) for w, k in df.items()}
        self.weight = [sum(self.idf[w] for w in c) or 1.0 for c in self.content]
        # each option's or item's own words (those its question's wording does not already use)
        self.choice_content = [[content_words(o.text) - c for o in x.choices]
                               for x, c in zip(q.questions, self.content, strict=True)]

    def near(self, words_of_line: AbstractSet[str]) -> dict[int, int]:
        """Question index -> how many of the line's content words it shares."""
        near: dict[int, int] = {}
        for w in words_of_line:
            for j in self.by_word.get(w, ()):
                near[j] = near.get(j, 0) + 1
        return near

    def similarity(self, body_norm: str, j: int, lw: frozenset[str], cutoff: float, shared: int,
                   by_words: bool) -> float:
        """text_similarity of a line's words (`lw` its content words, sharing `shared` with question j's)
        and question j, worked out once a line's words, cutoff and by_words."""
        key = (body_norm, j, cutoff, by_words)
        score = self._similarity.get(key)
        if score is None:
            if len(self._similarity) > 50000:
                self._similarity.clear()
            score = self._similarity[key] = text_similarity(body_norm, self.norms[j], self.content[j], lw, cutoff,
                                                            shared, by_words=by_words)
        return score

    def names_an_item(self, phrase: str) -> bool:
        """Whether a short phrase names one of a matrix question's items ("Register of algorithmic tools")."""
        norm = " ".join(words(phrase))
        return any(q.type == QuestionType.MATRIX and any(fuzz.token_set_ratio(norm, n) >= 90 for n in ns)
                   for q, ns in zip(self.questions, self.choice_norms, strict=True))

    def heading_scores(self, phrase: str) -> list[tuple[float, int]]:
        """(share of a heading's weighted words, question index) for the questions it shares words with, best
        first (not to be changed: worked out once a phrase)."""
        scores = self._heading_scores.get(phrase)
        if scores is not None:
            return scores
        scores = []
        pw = content_words(phrase)
        if pw:
            # (words of when, "for the last financial year", say less of which question than words of what)
            weigh = [(w, self.idf.get(w, math.log(1 + len(self.questions))) * (0.4 if w in _PERIOD_WORDS else 1.0))
                     for w in pw]
            weight = sum(x for _w, x in weigh)
            for j, qc in enumerate(self.content):
                sc = sum(x for w, x in weigh if w in qc)
                if sc:
                    scores.append((sc / weight, j))
            scores.sort(reverse=True)
        if len(self._heading_scores) > 50000:
            self._heading_scores.clear()
        self._heading_scores[phrase] = scores
        return scores

    def restated_by(self, body_norm: str, asks: bool) -> list[tuple[int, float]]:
        """The questions an unlabelled line restates closely enough to anchor them, with the scores."""
        hit = self._restated.get((body_norm, asks))
        if hit is not None:
            return hit
        lw = content_words(body_norm)
        near = self.near(lw)
        hit = []
        for j in sorted({j for j, k in near.items() if k >= 2} | self.few_words):
            short = len(body_norm) <= 1.3 * len(self.norms[j]) + 10
            if not asks and not short:
                continue  # an unlabelled statement longer than the question cannot restate it
            score = text_similarity(body_norm, self.norms[j], self.content[j], lw, 72.0 if asks else 85.0,
                                    near.get(j, 0), by_words=asks)
            if (score >= 72 and asks) or (score >= 85 and short):
                hit.append((j, score))
        if len(self._restated) > 50000:
            self._restated.clear()
        self._restated[(body_norm, asks)] = hit
        return hit

    def by_place(self, key: str, nested: bool = False) -> int | None:
        """The question a reply's own numbering stands for by place: the third for "3" (or "c"), or, numbered
        by the request's groups ("A1", "A2", "B" ...), the first group's second for "1(b)"."""
        if nested:
            m = re.fullmatch(r"(\d+)([a-z]?)", key)
            n = int(m.group(1)) if m else ordinal(key)
            if n is None or not 0 < n <= len(self.groups):
                return None
            group = self.groups[n - 1]
            part = ord(m.group(2)) - ord("a") if m and m.group(2) else 0
            return group[part] if part < len(group) and (m and m.group(2) or len(group) == 1) else None
        pos = ordinal(key)
        return pos - 1 if pos is not None and 0 < pos <= len(self.questions) else None

    def labelled(self, key: str) -> set[int]:
        """The questions a reply's label ("3", "2b", "c") can stand for."""
        hit = self._labelled.get(key)
        if hit is None:
            hit = self._labelled[key] = {j for j, k in enumerate(self.label_keys) if labels_match(key, k)}
        return hit

    def labelled_any(self, keys: list[str]) -> list[int]:
        """The questions any of several labels ("Questions 3 and 4") can stand for, in order ("Questions 1 to 6"
        takes 1a and 1b for a request whose question 1 has parts, when every label stands for some question)."""
        hits = [self.labelled(k) for k in keys]
        parts = [h or set(self.parts_of.get(k, ())) for k, h in zip(keys, hits, strict=True)]
        return sorted(set().union(*(parts if all(parts) else hits)))


_INDEX_CACHE: dict[int, tuple[Questionnaire, _QuestionIndex]] = {}


def _index(q: Questionnaire) -> _QuestionIndex:
    hit = _INDEX_CACHE.get(id(q))
    if hit is None or hit[0] is not q:
        hit = (q, _QuestionIndex(q))
        _INDEX_CACHE.clear()
        _INDEX_CACHE[id(q)] = hit
    return hit[1]


def _key(q: Question) -> str:
    from foicollate.markers import normalise_label

    return normalise_label(q.label or q.id)


def text_similarity(line_norm: str, q_norm: str, q_content: AbstractSet[str], lw: AbstractSet[str] | None = None,
                    cutoff: float = 0.0, shared: int | None = None, by_words: bool = True) -> float:
    """How closely (0-100) a line restates a question: whole, wrapped over lines, or with its answer after it.

    Scores below `cutoff` may come back lower than they are (the caller has no use for them).
    `by_words=False` scores the wording only, not the share of the question's words (a title
    such as "Re: empty homes and the council tax premium" shares words with a question without
    restating it).
    """
    if len(line_norm) < 12 or not q_norm:
        return 0.0
    if lw is None:
        lw = content_words(line_norm)
    if shared is None:  # (the caller may know how many content words the line and question share)
        shared = len(lw & q_content)
    if shared < 2 and len(q_content) > 2:
        return 0.0
    ratio = fuzz.ratio(line_norm, q_norm, score_cutoff=cutoff)
    short, long_ = (line_norm, q_norm) if len(line_norm) <= len(q_norm) else (q_norm, line_norm)
    coverage = len(short) / max(len(long_), 1)
    score = ratio
    wrapped_or_inline = short is q_norm or coverage >= 0.4
    partial = 0.0
    # a close alignment shares most of the shorter text's words (a cheap test before the costly one)
    short_words = q_content if short is q_norm else lw
    if len(short) >= 25 and wrapped_or_inline and ratio < 95 and 2 * shared >= len(short_words):
        partial = fuzz.partial_ratio(short, long_, score_cutoff=85)
    if partial >= 85:
        if short is q_norm:  # the whole question is inside the line (answer on the same line)
            score = max(score, partial)
        elif coverage >= 0.4:  # the line is the first part of a wrapped question
            score = max(score, partial * (0.85 + 0.15 * coverage))
    jacc = shared / max(len(q_content), 1)
    if by_words and jacc >= 0.6 and shared >= 3:
        score = max(score, 60 + 35 * jacc)
    return score


def _figure_row(body: str) -> bool:
    """A table row that gives a figure ("| Long-term empty dwellings | 1,204 |")."""
    return bool(_CELL_BREAK.search(body) and _DIGIT.search(body))


_CELL_BREAK = re.compile(r"\S\s*[|\t]\s*\S")


def segment(doc: Document, questionnaire: Questionnaire) -> Segmentation:
    """Find each question's answer block in a reply (see module docstring)."""
    idx = _index(questionnaire)
    lines = split_lines(doc.text)
    hard = _quoted_email_start(lines)
    candidates = all_candidates = _candidates(lines[:hard], idx)
    # (a request quoted above the reply puts anchors after the requester's sign-off; a table of figures
    # under the letter whose rows echo the questions does not)
    closing = _closing_line(lines[:hard], _CLOSING, after=max(
        (a.line for a in candidates if not _figure_row(lines[a.line].body)), default=-1))
    candidates, summary = _without_summary_table([a for a in candidates if a.line < closing], lines, closing, idx)
    candidates = _without_own_subheadings(candidates, lines, questionnaire)
    if _WELSH_HINT.search(doc.text):
        candidates = _english_over_welsh(candidates, lines, closing)
    chain = _best_chain(candidates, lines, closing, idx)
    headings = sum(a.kind == "heading" for a in chain)
    if headings and headings < max(2, len(idx.questions) / 4):
        # a stray heading-like line is not a layout: read the reply without them (a table's rows that name
        # the questions in their first cells are one, however few: "| Agency social workers (Q2) | 41 |")
        rows = [a for a in chain if a.kind == "heading" and lines[a.line].text.lstrip().startswith("|")]
        kept = {id(a) for a in rows} if len(rows) >= 2 else set()
        chain = _best_chain([a for a in candidates if a.kind != "heading" or id(a) in kept], lines, closing, idx)
    chain = _add_out_of_order(chain, candidates, lines, closing, idx)
    chain = _fill_gaps(chain, lines, closing, idx) or _bullet_run(lines, closing, idx)
    chain = _ordinal_gaps(chain, lines)
    blocks = {q.id: Block() for q in questionnaire.questions}
    covered: list[tuple[int, int]] = [(lines[i].start, lines[i].end) for i in summary]
    response_heads = [i for i, ln in enumerate(lines[:closing]) if ln.heading]
    _fill_blocks(chain, lines, closing, idx, questionnaire, blocks, covered, summary, response_heads)
    _restated_under_shared_heading(chain, blocks, questionnaire)
    _ordinal_sentence_starts(doc.text, lines, chain, blocks, idx)
    # the requester's letter signed off and the body's greeting under it, between anchors: a request quoted
    # in full whose last block runs on into the reply (a WhatDoTheyKnow page)
    brk = _letter_break(lines, chain)
    few = bool(chain) and _few_answered(blocks, doc, lines[brk].start if brk is not None else None)
    greet = None
    if few:
        # the request quoted in full, then the reply in prose under its own greeting (a WhatDoTheyKnow page)
        greet = next((i for i in range((chain[-1].line if brk is None else brk) + 1, hard)
                      if _GREETING.match(lines[i].text)), None)
        if greet is not None:
            closing = next((i for i in range(greet + 1, hard) if _CLOSING.match(lines[i].text)), hard)
            covered.append((lines[chain[0].line].start, lines[greet].end))
            for b in blocks.values():
                b.anchor, b.spans = None, []
            # the reply's own labels under its greeting ("Questions 1 to 6 ...", "Question 7 – ...")
            chain = _best_chain([a for a in all_candidates if greet < a.line < closing], lines, closing, idx)
            if chain:
                _fill_blocks(chain, lines, closing, idx, questionnaire, blocks, covered)
    # the request quoted as a tight list (options inline: "4. Which ...? Options: A / B / C.") reads as
    # answered on its own lines; answers under a "Response" heading below still take the questions
    compact = len(chain) >= 3 and all(b.line - a.line <= 2 for a, b in zip(chain, chain[1:], strict=False))
    if chain and greet is None and (few or compact):  # (not a WhatDoTheyKnow page after all)
        _answers_after_heading(lines, chain, blocks, response_heads, closing, idx, covered)
    _fill_from_prose(doc.text, lines, chain, blocks, closing, idx)
    global_spans = []
    for ln in lines[:closing]:
        if any(s <= ln.start < e for s, e in covered):
            continue
        if _is_restatement(ln, idx):
            continue
        global_spans.append((ln.start, ln.end))
    # extract imports segment, so its outcome module is imported here rather than at the top
    from foicollate.extract.outcome import is_scottish

    return Segmentation(lines=lines, blocks=blocks, global_spans=global_spans, scottish=is_scottish(doc.text),
                        own_names=OwnNames(doc.text))


def _fill_blocks(chain: list[Anchor], lines: list[Line], closing: int, idx: _QuestionIndex,
                 questionnaire: Questionnaire, blocks: dict[str, Block], covered: list[tuple[int, int]],
                 summary: Sequence[int] = (), response_heads: Sequence[int] = ()) -> None:
    """Give each anchored question the lines under its anchor, up to the next anchor or a "Response" heading."""
    chain_lines = frozenset(a.line for a in chain)
    for n, a in enumerate(chain):
        nxt = chain[n + 1].line if n + 1 < len(chain) else closing
        # a "Response" heading between anchors ends the block (the quoted request stops there)
        heads = [h for h in response_heads if a.line < h < nxt and h not in chain_lines]
        quoted_tail = False
        if heads and not any(c.line > heads[0] for c in chain):
            nxt = heads[0]
            quoted_tail = n == len(chain) - 1 and n > 0
        spans = _content_spans(lines, a, nxt, idx)
        if summary:  # (a summary table's rows that gave way to the detail below are no one's answer)
            spans = [sp for sp in spans if not any(lines[i].start <= sp[0] < lines[i].end for i in summary)]
        if quoted_tail and sum(
            not _content_spans(lines, c, chain[m + 1].line, idx) for m, c in enumerate(chain[:-1])
        ) * 2 >= n:
            spans = []  # the request was quoted in full; its last question's "answer" is its closing
        covered.append((lines[a.line].start, lines[nxt - 1].end if nxt - 1 >= a.line else lines[a.line].end))
        for qi in a.questions:
            b = blocks[questionnaire.questions[qi].id]
            b.anchor = a
            b.spans = spans
            if a.kind == "table" or _is_table_row(lines[a.line].body):
                b.columns = _table_header(lines, a.line, chain_lines)


def _bullet_run(lines: list[Line], closing: int, idx: _QuestionIndex) -> list[Anchor]:
    """Nothing labelled or restated, but one bulleted line per question, in the request's order (a disclosure
    log's "- 14 contracts ...", "- No", "- £1,204,330"): the bullets by position."""
    runs: list[list[int]] = [[]]
    for i, ln in enumerate(lines[:closing]):
        if ln.marker_key is None and parse_bullet(ln.text) is not None and not ln.text.lstrip().startswith(("|", "#", ">")):
            if runs[-1] and runs[-1][-1] != i - 1:
                runs.append([])
            runs[-1].append(i)
    fits = [r for r in runs if len(r) == len(idx.questions) >= 3]
    if len(fits) != 1:
        return []
    return [Anchor(i, [j], 40.0, "ordinal", lines[i].body_start) for j, i in enumerate(fits[0])]


class OwnNames(AbstractSet[str]):
    """Keys of the bodies named in a reply's letterhead and signature, found the first time they are asked for
    (only a referral needs them)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._keys: frozenset[str] | None = None

    def _get(self) -> frozenset[str]:
        if self._keys is None:
            ends = self._text[:300] + "\n" + self._text[-300:]
            self._keys = frozenset(body_key(b[2]) for b in find_bodies(ends)) | frozenset(
                body_key(n) for n in letterhead_names(self._text))
        return self._keys

    def __contains__(self, key: object) -> bool:
        return key in self._get()

    def __iter__(self) -> Iterator[str]:
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())


_HEADER_LINE = re.compile(r"^\s*(?:(?:from|sent|to|cc|date|subject)\s*:|-{3}\s.*\s-{3}\s*$)", re.I)


_SEE_BELOW = re.compile(r"^\W*(?:please\s+)?(?:see|refer\s+to)\b.{0,40}\b(?:below|detail|overleaf|following|attached)\b",
                        re.I)


def _without_summary_table(cands: list[Anchor], lines: list[Line], closing: int,
                           idx: _QuestionIndex) -> tuple[list[Anchor], list[int]]:
    """A summary table up top ("| 2b | Withheld – s22 |") with each answer in full further down
    under its restated question: the full answers are the ones to read. Returns the anchors
    without the table's rows, and the rows' lines (no blanket outcome either)."""
    rows = [a for a in cands if a.kind in ("label", "table") and ("|" in lines[a.line].text or "\t" in lines[a.line].text)]
    if len(rows) < 3:
        return cands, []
    last_row = max(a.line for a in rows)
    starts = sorted({a.line for a in cands})
    later: set[int] = set()
    for a in cands:
        if a.kind in ("text", "heading") and a.score >= 74 and a.line > last_row:
            nxt = next((x for x in starts if x > a.line), closing)
            if _has_content(lines, a, nxt, idx):
                later.update(a.questions)
    if sum(a.questions[0] in later for a in rows) * 2 < len(rows):
        # only some rows point down ("ii | See detail below"): those rows give way to the detail below
        # (and so do rows whose question heads a labelled section of its own there: "Question iii (spend)")
        below = [c for c in cands if c.line > last_row and c.score >= 55]
        asked_below = {tuple(c.questions) for c in below}
        sections = {tuple(c.questions) for c in below if c.kind == "label" and _has_content(
            lines, c, next((x for x in starts if x > c.line), closing), idx)}
        pointing = [a for a in rows if tuple(a.questions) in sections or tuple(a.questions) in asked_below
                    and _SEE_BELOW.match(lines[a.line].text[a.answer_start - lines[a.line].start:])]
        if not pointing:
            return cands, []
        rows = pointing
    dropped = {id(a) for a in rows}
    return [a for a in cands if id(a) not in dropped], sorted({a.line for a in rows})


def _quoted_email_start(lines: list[Line]) -> int:
    """Where the requester's quoted email starts, if below a reply of at least a few lines
    (an email's own From/Sent header at the top is the reply, not a quote)."""
    said = 0
    for i, ln in enumerate(lines):
        if QUOTED_EMAIL.match(ln.text) and said >= 3 and not _inline_replies(lines[i + 1:]):
            return i
        if not _HEADER_LINE.match(ln.text):
            said += 1
    return len(lines)


def _inline_replies(lines: list[Line]) -> bool:
    """Answers written between the lines of the quoted request ("> 1. How many ...?" / "Answer: 12" /
    "> 2. ..."): the quote is the reply's skeleton, not a copy to drop."""
    runs = 0
    quoted = False
    for ln in lines:
        if ln.text.lstrip().startswith(">"):
            if not quoted:
                runs += 1
            quoted = True
        elif quoted and not _HEADER_LINE.match(ln.text):
            quoted = False
            if runs >= 2:
                return True
    return False


def _add_out_of_order(chain: list[Anchor], cands: list[Anchor], lines: list[Line], closing: int,
                      idx: _QuestionIndex) -> list[Anchor]:
    """Questions answered out of order ("e, f, d, a ...") fall outside the best in-order chain;
    a full restatement with its own label and an answer under it still anchors them."""
    done = {q for a in chain for q in a.questions}
    taken = {a.line for a in chain}
    cand_lines = sorted({a.line for a in cands} | taken)
    # a reply laid out under short headings ("**Spend in 2022/23**") may order them its own way
    heading_layout = sum(a.kind == "heading" for a in chain) >= 2
    # the reply labels most questions once each, in its own order ("B - ...", "A - ...", "G - ..."):
    # even single-letter labels are then the questions'
    own = set(idx.label_keys)
    seen = [ln.marker_key for ln in lines[:closing] if ln.marker_key in own]
    permuted = len(seen) == len(set(seen)) >= max(3, 0.6 * len(own))
    # the same for the reply's own numbering standing for the request's by position ("Part A" for i.)
    keys = [ln.marker_key for ln in lines[:closing] if ln.marker_key and not ln.marker_key.startswith("#")]
    ordinal_permuted = len(keys) == len(set(keys)) >= max(3, 0.6 * len(own))
    best_on_line: dict[int, float] = {}
    on_line: dict[int, list[Anchor]] = {}
    for a in cands:
        best_on_line[a.line] = max(best_on_line.get(a.line, 0.0), a.score)
        on_line.setdefault(a.line, []).append(a)
    extra: list[Anchor] = []
    for a in sorted(cands, key=lambda x: -x.score):
        q = a.questions[0]
        if a.line in taken or any(x in done for x in a.questions):
            continue
        if len(a.questions) > 1:  # "F and H - Yes." out of order: explicit labels
            later = [x for x in cand_lines if x > a.line]
            prev = lines[a.line - 1] if a.line else None
            # not "... Questions (e), (f),\n(g) and (h) should be directed to ...": a sentence wrapped onto the line
            wrapped = prev is not None and prev.end + 1 == lines[a.line].start and not re.search(r"[.:?!]\W*$", prev.text)
            if a.kind == "multi" and not wrapped and _has_content(lines, a, later[0] if later else closing, idx):
                extra.append(a)
                done.update(a.questions)
                taken.add(a.line)
            continue
        # (or a question restated in full as a bold title: "**How much did the council spend on ...?**")
        strong_text = a.kind == "text" and (a.score >= 95 or a.score >= 90 and "?" in lines[a.line].text
                                            and _TITLE_LINE.match(lines[a.line].text) is not None)
        # "Q5a – Yes, 7 notices": an explicit question label, exactly the question's own
        # (or a table row's own label: "v | Framework of contractors")
        strong_label = a.kind == "label" and lines[a.line].marker_key == idx.label_keys[q] and (
            len(idx.label_keys[q]) >= 2 or re.match(r"^\W*Q", lines[a.line].text) is not None or permuted
            or "\t" in lines[a.line].text or "|" in lines[a.line].text)
        strong_heading = heading_layout and a.score == best_on_line[a.line] and (
            a.kind == "heading" and a.score >= 65
            # "**How is street triage delivered in your area?**": a question restated as a bold title
            or a.kind == "text" and a.score >= 80 and _TITLE_LINE.match(lines[a.line].text) is not None)
        strong_ordinal = a.kind == "ordinal" and ordinal_permuted
        if not (strong_text or strong_label or strong_heading or strong_ordinal):
            continue
        # the answer runs to the next line that could anchor another question, not to a table header under the
        # restated question that looks like the same question, nor to an item line that only looks like a
        # heading for a question anchored elsewhere ("- Contract monitoring framework: No" under a matrix)
        later = [x for x in cand_lines if x > a.line and (x in taken or any(
            q not in c.questions and not (c.kind == "heading" and set(c.questions) <= done) for c in on_line.get(x, [])))]
        if _has_content(lines, a, later[0] if later else closing, idx):
            extra.append(a)
            done.add(q)
            taken.add(a.line)
    return sorted(chain + extra, key=lambda x: x.line) if extra else chain


_FORM_PREFIX = re.compile(r"^\W*(?:(?:Q|Qu|Question|Request)\s*[:.\-–—]\s*)?\W*", re.I)
_Q_PREFIXES = {"q:", "q.", "q -", "q –", "question:", "question -", "question –"}


def _form(ln: Line) -> tuple[str, bool]:
    """The shape of a line restating a question: its lead-in ("Q:", "**") and whether it asks ('?')."""
    return (_FORM_PREFIX.match(ln.text).group().strip().lower(),  # type: ignore[union-attr]
            ln.text.rstrip(" *_").endswith("?"))


def _fill_gaps(chain: list[Anchor], lines: list[Line], closing: int, idx: _QuestionIndex) -> list[Anchor]:
    """Questions restated too loosely to anchor ("Q: Total working days lost in 2022/23?") between two that
    did: when the reply restates its questions in one shape ("Q: ...?") and a gap between anchored
    questions holds as many lines of that shape as questions are missing there, they take them in order."""
    texts = [a for a in chain if a.kind == "text" and len(a.questions) == 1]
    forms = Counter(_form(lines[a.line]) for a in texts)
    form, n = forms.most_common(1)[0] if forms else (("", False), 0)
    if n < 2 or not (form[0] or form[1]):
        # none restated closely, but every question put as "Q: ...?": the shape alone is the layout
        shapes = Counter(f for ln in lines[:closing] if ln.marker_key is None and (f := _form(ln))[0] in _Q_PREFIXES)
        form, n = shapes.most_common(1)[0] if shapes else (("", False), 0)
        if n < max(3, len(idx.questions) - len(chain)):
            return chain
    done = {q for a in chain for q in a.questions}
    greet = next((i for i, ln in enumerate(lines[:closing]) if _GREETING.match(ln.text)), -1)
    bounds = [(-1, -1, greet)] + [(min(a.questions), max(a.questions), a.line) for a in chain] + [
        (len(idx.questions), len(idx.questions), closing)]
    extra: list[Anchor] = []
    for (_, q0, l0), (q1, _, l1) in zip(bounds, bounds[1:], strict=False):
        missing = [q for q in range(q0 + 1, q1) if q not in done]
        if not missing or l1 - l0 < 2:
            continue
        shaped = [i for i in range(l0 + 1, l1) if lines[i].marker_key is None and _form(lines[i]) == form
                  and lines[i].body_norm]
        if len(shaped) != len(missing):
            continue
        pairs = list(zip(shaped, missing, strict=True))
        if not all(content_words(lines[i].body) & (idx.content[q] | content_words(" ".join(idx.choice_norms[q])))
                   for i, q in pairs):
            continue  # each must at least share a word with the question it stands for
        extra += [Anchor(i, [q], 60.0, "text", _answer_start(lines[i], idx.norms[q])) for i, q in pairs]
    return sorted(chain + extra, key=lambda x: x.line) if extra else chain


def _ordinal_gaps(chain: list[Anchor], lines: list[Line]) -> list[Anchor]:
    """"4. ...", "5. A single contracted surveying firm (B).", "6. ...": a numbered answer that restates an
    option was not taken as an anchor; between the fourth and sixth answers numbered in order, the one line
    numbered 5 answers the fifth question."""
    extra: list[Anchor] = []
    for a, b in zip(chain, chain[1:], strict=False):
        if b.questions[0] != a.questions[0] + 2 or lines[a.line].marker_key != str(a.questions[0] + 1) \
                or lines[b.line].marker_key != str(b.questions[0] + 1):
            continue  # (both numbered by their place in the request: "4." for the fourth question)
        want = str(a.questions[0] + 2)
        hits = [i for i in range(a.line + 1, b.line) if lines[i].marker_key == want]
        if len(hits) == 1:
            extra.append(Anchor(hits[0], [a.questions[0] + 1], 40.0, "ordinal", lines[hits[0]].body_start))
    return sorted(chain + extra, key=lambda x: x.line) if extra else chain


def _closing_line(lines: list[Line], pattern: re.Pattern[str], after: int = -1, floor: int | None = None) -> int:
    """Index of the first closing line in the last two thirds of the reply.

    A sign-off with answer anchors still to come is the requester's, quoting the request
    above the reply (a WhatDoTheyKnow page): the reply's own closing is a later one.
    """
    floor = len(lines) // 3 if floor is None else floor
    last_closing = None
    for i, ln in enumerate(lines):
        if i >= floor and pattern.match(ln.text):
            if i > after:
                return i
            last_closing = i
    return len(lines) if last_closing is None or after >= 0 else last_closing


def _candidates(lines: list[Line], idx: _QuestionIndex) -> list[Anchor]:
    out: list[Anchor] = []
    nq = len(idx.questions)
    seq_keys = [ln.marker_key for ln in lines if ln.marker_key and not ln.marker_key.startswith("#")]
    # one "(your first question)" in passing is no layout; a letter that goes through them is
    prose_layout = len({ln.marker_key for ln in lines if ln.marker_key and ln.marker_key.startswith("#")}) >= 2
    # the reply numbers 1..n where the request lettered a..n: map by position
    own_keys = set(idx.label_keys)
    # (also where the request is quoted with its own labels and the answers after it are numbered 1 to n)
    others = set(seq_keys) - own_keys
    ordinal_ok = len(others) >= 2 and (not set(seq_keys) & own_keys or len(others) >= max(3, 0.6 * nq))
    # headings that name the request's questions ("**Spend (Question 7)**") say the letters under them are parts
    tails = {i: t for i, ln in enumerate(lines) if (t := _tail_reference(ln.text, idx))}
    ordinal_ok = ordinal_ok and len(tails) < 2
    # "1(a)", "1(b)", "2" for a request's "A1", "A2", "B": numbered by group; "1" to "12" for them all: flat
    nested = idx.nested and any(re.fullmatch(r"\d+[a-z]", k) for k in others) and not any(
        k.isdigit() and int(k) > len(idx.groups) for k in others)
    # "Part A" ... "Part I" for a request numbered i. to ix.: letters by position, and "I" is the ninth
    letters_for_roman = idx.roman and len({k for k in seq_keys if len(k) == 1 and k.isalpha()} - {"i", "v", "x"}) >= 2
    ordinal_ok = ordinal_ok or letters_for_roman
    # a reply numbered 1, 2, 3 ... whose letters are the parts of one of its answers
    letters_are_parts = not letters_for_roman and len({k for k in seq_keys if k.isdigit()}) >= 3
    # "We have numbered your questions 1 to 8": numbers for a request lettered a..h
    numbers_for_letters = not any(k.isdigit() for k in own_keys) and len({k for k in seq_keys if k.isdigit()}) >= 2
    parent = ""  # the last number label, whose parts a run of letters may answer
    for i, ln in enumerate(lines):
        # a label's words may be a topic title only if the answer can be below it, not another label
        title_ok = i + 1 < len(lines) and lines[i + 1].marker_key is None
        tail = tails.get(i)
        if tail:
            out.append(Anchor(i, tail, 80.0 * len(tail) if len(tail) > 1 else 75.0,
                              "multi" if len(tail) > 1 else "label", ln.end))
            continue
        ml = multi_labels(ln.text[ln.lead:], bilingual=ln.lead > 0)
        if ml and _SCOPE_NOTE.match(ln.text, ln.lead + ml[1]):
            ml = None  # "Questions B1 to B3 relate to environmental information and ...": a note, not the answer
        if ml and re.match(r"[\s*_#]*\d", ln.text[ln.lead:]) and re.match(r"\s*[£$€]?\d", ln.text[ln.lead + ml[1]:]):
            ml = None  # "5-10: £203.00": an age band (or a range) and its figure, a row of the answer
        if ml:
            qs = idx.labelled_any(ml[0])
            if len(qs) < 2 and (ordinal_ok or numbers_for_letters and all(k.isdigit() for k in ml[0])) and not re.search(
                    r"\(\s*(?:your|request)\b", ln.text[ln.lead + ml[1]:], re.I):  # (not "(your ii and iii)")
                # "Questions 5 to 10" in a reply that numbers a request's i. to x. by place
                qs = sorted({j for k in ml[0] if (j := idx.by_place(k, nested)) is not None})
            if len(qs) >= 2:
                at = ln.start + ln.lead + ml[1]
                out.append(Anchor(i, qs, 80.0 * len(qs), "multi",
                                  ln.end if title_ok and _topic_title(ln.text[at - ln.start:], idx, qs) else at))
                continue
        if ln.marker_key and ln.marker_key.startswith("#"):  # "your third question": the third one asked
            n = int(ln.marker_key[1:])
            if n <= len(idx.groups) and prose_layout:
                qs = idx.groups[n - 1]
                out.append(Anchor(i, qs, 60.0 * len(qs), "multi" if len(qs) > 1 else "label", ln.start))
            continue
        body_norm = ln.body_norm
        if _is_choice_restatement(body_norm, idx) and not _labels_a_question_not_choice(ln, idx):
            continue
        key = ln.marker_key
        if key and key.isdigit():
            parent = key
        elif key and parent and len(key) == 1 and key.isalpha() and key not in own_keys and parent + key in own_keys:
            key = parent + key  # "2." then "a) £182": the request's 2a
        maybe_heading = ":" in ln.body or "|" in ln.text or "\t" in ln.text or _TITLE_LINE.match(ln.text) is not None
        if key is None and len(body_norm) < 12 and not maybe_heading:
            continue  # too short to restate a question, with no label and no heading form
        asks = "?" in ln.body or reads_as_question(ln.body)  # a restatement asks; an answer that echoes does not
        if key is None:
            # an unlabelled line: its matches depend on its words alone, and replies repeat lines (restated
            # questions, boilerplate), so they are worked out once per questionnaire
            out.extend(Anchor(i, [j], score, "text", _answer_start(ln, idx.norms[j]))
                       for j, score in idx.restated_by(body_norm, asks))
        else:
            labelled = idx.labelled(key) if not (letters_for_roman and len(key) == 1) else set()
            # the reply's own numbering standing for the request's by position
            by_position = idx.by_place(key, nested) if ordinal_ok or numbers_for_letters and key.isdigit() else None
            if by_position is not None and letters_are_parts and len(key) == 1 and key.isalpha():
                by_position = None  # "7." then "a) Yes  b) No": the letters are the parts of question 7
            parts = idx.parts_of.get(key, []) if not labelled and not nested else []
            if parts and not _parts_follow(lines, i, idx, parts):
                # "Q2. What was the weekly allowance ...?" over a request's 2a to 2d, not then answered part by part
                out.append(Anchor(i, parts, 30.0 * len(parts), "multi", _label_answer_start(ln, "")))
                continue
            out.extend(_labelled_candidates(i, ln, idx, asks, labelled, by_position, title_ok))
        if maybe_heading and not any(a.line == i and a.kind == "text" for a in out[-nq:]):
            out.extend(_heading_candidates(i, ln, idx))
    return out


_SCOPE_NOTE = re.compile(r"\s*(?:relates?|concerns?|fall|falls|come|comes)\s+(?:to|under|within)\b", re.I)


# a short heading that says which question(s) it answers at its end: "**Opening hours (Question 4)**",
# "Branches (questions 1a and 1b)", "### Staffing [Q3]"
_TAIL_REFERENCE = re.compile(
    r"^[\W_]*(?P<topic>[A-Za-z][^.?!:()\[\]\n]{1,60}?)\s*[(\[]\s*(?P<ref>(?:Q(?:uestions?|s)?\.?\s*)(?:\d{1,3}|[a-z]\d{0,2}\b|[ivx]{1,5}\b)[^()\[\]\n]{0,30}?)"
    r"\s*[)\]][*_#\s:.]*$", re.I)


def _tail_reference(text: str, idx: _QuestionIndex) -> list[int]:
    """The questions a topic heading names in brackets at its end, if it is one (else [])."""
    if not text.rstrip(" \t*_#:.").endswith((")", "]")):
        return []  # (the cheap test first: this runs on every line)
    m = _TAIL_REFERENCE.match(text)
    if not m or len(m.group("topic").split()) > 8:
        return []
    ref = m.group("ref")
    ml = multi_labels(ref)
    keys = ml[0] if ml and ml[1] >= len(ref.rstrip()) - 1 else None
    if keys is None:
        mk = parse_marker(ref)
        if mk is None or not mk.prefixed or mk.rest.strip():
            return []
        keys = [mk.key]
    return idx.labelled_any(keys)


def _parts_follow(lines: list[Line], i: int, idx: _QuestionIndex, parts: list[int]) -> bool:
    """Is the next label after line i a letter, or one of the parts ("a)" or "2a." under "2.")?"""
    after = next((x.marker_key for x in islice(lines, i + 1, None) if x.marker_key), None)
    return after is not None and (len(after) == 1 and after.isalpha() or bool(idx.labelled(after) & set(parts)))


_HEADING = re.compile(r"^[\W_]*?(?:\*\*|__)?(?P<h>[A-Za-z][^:|\n?]{2,70}?)(?:\*\*|__)?\s*:(?:\*\*|__)?(?:\s|$)")


# a line that is only a title: "**Types of accommodation used**", "### Spend on agency staff"
_TITLE_LINE = re.compile(r"^\s*(?:#{2,6}\s+(?P<h>[^#\n]+?)|(?:\*\*|__)(?P<b>[^*_\n]+?)(?:\*\*|__))\s*$")


def _labelled_candidates(i: int, ln: Line, idx: _QuestionIndex, asks: bool, labelled: set[int],
                         by_position: int | None, title_ok: bool) -> list[Anchor]:
    """Anchors of a numbered line: the questions its label names, stands for by place, or its words restate."""
    out: list[Anchor] = []
    body_norm = ln.body_norm
    lw = content_words(body_norm)
    near = idx.near(lw)  # only questions sharing two words with the line can be restated by it
    similar = {j for j, k in near.items() if k >= 2} | idx.few_words
    for j in sorted(similar | labelled | ({by_position} if by_position is not None else set())):
        label_hit = j in labelled
        # unlabelled, a line must restate the question closely to anchor it: skip the rest early
        cutoff = 0.0 if label_hit else 72.0 if asks else 85.0
        if not (label_hit or asks or by_position == j) and len(body_norm) > 1.3 * len(idx.norms[j]) + 10:
            continue  # an unlabelled statement longer than the question cannot restate it
        score = idx.similarity(body_norm, j, lw, cutoff, near.get(j, 0), label_hit or asks) if j in similar else 0.0
        # an unlabelled statement must be a close restatement; a label or a question mark may be looser
        if (score >= 72 and (label_hit or asks)) or (score >= 85 and len(body_norm) <= 1.3 * len(idx.norms[j]) + 10):
            s = score + (12 if label_hit else 0)
            start = _answer_start(ln, idx.norms[j])
            if (label_hit or by_position == j and (ln.marker_key or "").isdigit()) and start >= ln.end and \
                    not reads_as_question(ln.body) and \
                    fuzz.ratio(body_norm, idx.norms[j]) < 95:  # ("a) a child aged 0 to 4" restates it whole)
                # "(b) 902 pupils took a free meal on the day": an answer that echoes the question
                start = ln.body_start
            out.append(Anchor(i, [j], s, "text", start))
        elif label_hit:
            kind = "table" if _is_table_row(ln.body) else "label"
            # a label followed by words that echo the question is stronger
            s = 55 + min(score, 70) * 0.3
            out.append(Anchor(i, [j], s, kind, _label_answer_start(ln, idx.norms[j], idx if title_ok else None, [j])))
        elif by_position == j:
            out.append(Anchor(i, [j], 40.0, "ordinal", ln.body_start))
    return out


_PERIOD_WORDS = frozenset({"year", "financial", "calendar", "academic", "last", "month", "week", "period",
                           "current", "previous", "past", "since", "date"})


_VERDICT_ONLY = re.compile(r"^\W*(?:yes|no|y|n|✓|✔|✗|✘|x|in\s+place|not\s+in\s+place)\W*$", re.I)


def _heading_candidates(i: int, ln: Line, idx: _QuestionIndex) -> list[Anchor]:
    """A short paraphrase of a question as a heading: "**PCNs issued:** ...", a table row's first
    cell ("| Number of CCTV cameras | 312 |"), or a line that is only a short title."""
    phrase, start = None, ln.end
    m = _HEADING.match(ln.body)
    title = _TITLE_LINE.match(ln.text)
    if m and len(m.group("h").split()) <= 10:
        phrase, start = m.group("h"), ln.body_start + m.end()
    elif title and len((title.group("h") or title.group("b")).split()) <= 24:
        phrase = title.group("h") or title.group("b")  # "**Spend on nightly-paid accommodation in 2022/23**": the answer is below
    elif ("|" in ln.text or "\t" in ln.text) and not re.match(r"\t|\s*\|\s*\|", ln.text):
        # (a row whose first cell is empty continues the wrapped row above it)
        cells = table_cells(ln.text)
        if len(cells) >= 2 and re.search(r"[A-Za-z]", cells[0]) and len(cells[0].split()) <= 12 and not (
                _VERDICT_ONLY.match(cells[1]) and idx.names_an_item(cells[0])):
            # ("Register of algorithmic tools | No": a matrix's row, its item and verdict, heads no question)
            phrase = cells[0]
            pos = ln.text.find(cells[0]) + len(cells[0])
            start = ln.start + pos
    if not phrase:
        return []
    scores = idx.heading_scores(phrase)
    out: list[Anchor] = []
    if not scores:
        return out
    top = scores[0][0]
    for rank, (sc, j) in enumerate(scores[:3]):
        if sc < 0.45 or sc < 0.6 * top:
            break
        margin = sc - (scores[rank + 1][0] if rank + 1 < len(scores) else 0)
        out.append(Anchor(i, [j], 45 + 30 * sc + (8 if rank == 0 and margin >= 0.1 else 0), "heading", start))
    return out


def _labels_a_question_not_choice(ln: Line, idx: _QuestionIndex) -> bool:
    """ "5. Directly by the council" answers question 5; "a. Smartphone" restates option a."""
    if not ln.marker_key:
        return False
    if not any(labels_match(ln.marker_key, k) for k in idx.label_keys):
        return False
    # "b. Smartphone" restates the option lettered b; "(e) A commercial contractor appointed by the council"
    # answers question e with the option lettered b
    key, norm = ln.marker_key, ln.body_norm
    return not any(key in ((o.label or "").lower(), chr(ord("a") + i)) and fuzz.ratio(norm, n) >= 88
                   for q, ns in zip(idx.questions, idx.choice_norms, strict=True)
                   for i, (o, n) in enumerate(zip(q.choices, ns, strict=True)))


def _is_table_row(body: str) -> bool:
    return bool(_CELL_FIGURE.search(body)) and len(_DIGIT.findall(body)) >= 2


_QA_HEADER = re.compile(r"^\W*(?:questions?|response|answers?|reply|request|our\s+response)\W*$|"
                        r"^[^/]*/\s*(?:questions?|response|answers?)\W*$", re.I)


def _table_header(lines: list[Line], row: int, rows: frozenset[int] = frozenset()) -> list[str] | None:
    """Header cells of the table a row belongs to: the nearest line above with the same shape that is not
    one of `rows`, the lines that answer questions."""
    cells = table_cells(lines[row].body)
    for k in range(row - 1, max(row - 8, -1), -1):
        if re.fullmatch(r"[\s|:\-–+=]+", lines[k].text):
            continue  # a Markdown separator row
        head = table_cells(lines[k].text)
        if len(head) < 2:
            return None  # the table starts below this line: no header
        if any(_QA_HEADER.search(c) for c in head[1:]):
            return None  # "Question | Response": a table of answers, its columns name no figures
        if k in rows or any(len(c.split()) > 10 for c in head[1:]):
            # another question's row ("1b AGC licences | One"), or a row answered in a sentence: no header
            continue
        if len(head) >= 2 and len(cells) - 1 <= len(head) <= len(cells) + 1 and not any(
            # a header names columns: figures other than years belong to a row ("a | Total 27,508 days")
            re.search(r"\d", re.sub(r"\b(?:19|20)\d\d(?:\s?[/-]\s?\d{2,4})?\b", "", c)) for c in head[1:]
        ):
            return head[-(len(cells) - 1):] if len(cells) > 1 else head
    return None


def table_cells(s: str) -> list[str]:
    """The cells of a table row flattened to text: split at pipes, tabs or runs of spaces."""
    parts = _CELL_SPLIT.split(s.strip().strip("|"))
    return [p.strip() for p in parts if p.strip()]


# the form's prompt after a restated question ("? (Yes/No)", "(Y/N)"): not an answer
_YES_NO_PROMPT = re.compile(r"\s*[\[(]?\s*(?:yes|y)\s*(?:/|or)\s*(?:no|n)\b\s*[\])]?[\s:.*_]*", re.I)


def _answer_start(ln: Line, q_norm: str) -> int:
    """Where the answer can start on a line that restates a question (after a '?' if any)."""
    start = _answer_start_raw(ln, q_norm)
    prompt = _YES_NO_PROMPT.match(ln.text, start - ln.start) if start < ln.end else None
    return ln.start + prompt.end() if prompt else start


def _answer_start_raw(ln: Line, q_norm: str) -> int:
    body = ln.body
    qpos = body.rfind("?")
    if qpos >= 0 and body[qpos + 1 :].strip():
        return ln.body_start + qpos + 1
    if qpos >= 0:
        return ln.end
    hm = _HEADING.match(body)
    if hm and body[hm.end():].strip():
        return ln.body_start + hm.end()  # "Tree replacement policy: Yes. ..."
    norm = " ".join(words(body))
    if len(norm) > len(q_norm) + 15:
        al = fuzz.partial_ratio_alignment(q_norm, norm)
        if al and al.score >= 85:
            # map the end of the match in the normalised text back to the raw line
            ratio = al.dest_end / max(len(norm), 1)
            return ln.body_start + int(len(body) * ratio)
    return ln.end


_LABEL_CELL = re.compile(r"[^|\t\d]{0,60}?[ \t]*[|\t][ \t|]*(?=\S)")


def _label_answer_start(ln: Line, q_norm: str, idx: _QuestionIndex | None = None, qs: list[int] | None = None,
                        rest_at: int | None = None) -> int:
    """Where the answer after a label starts: after a restated question or a short topic title."""
    if "?" in ln.body:
        return _answer_start(ln, q_norm)
    at = ln.body_start if rest_at is None else rest_at
    if ln.text.lstrip().startswith("|") or "\t" in ln.text:
        cell = _LABEL_CELL.match(ln.text, at - ln.start)
        if cell:
            return ln.start + cell.end()  # "| C3 / Q3 – policy | Not held |": the label's cell ends at the pipe
    if idx is not None and qs and _topic_title(ln.text[at - ln.start:], idx, qs):
        return ln.end  # "Question 4 – Kerbside waste streams": the answer is on the lines below
    return at


def _topic_title(rest: str, idx: _QuestionIndex, qs: list[int]) -> bool:
    """A few words naming the questions' topic, not answering them ("– Default notices and deductions")."""
    rest = rest.strip().lstrip(":.-–—*_| \t").rstrip("*_ ")
    if not rest or len(rest.split()) > 8 or re.search(r"\d|[.?!;]", rest) or _ANSWER_WORDS.match(rest):
        return False
    norm = " ".join(words(rest))
    if _is_choice_restatement(norm, idx):
        return False
    cw = content_words(norm)
    topic = set().union(*(idx.content[j] for j in qs))
    return bool(cw) and len(cw & topic) >= 0.6 * len(cw)


_ANSWER_WORDS = re.compile(r"^(?:yes|no|not|none|nil|n/?a|see|as\b|all|please|we|the\s+council)\b", re.I)


_VERDICT_CELL = re.compile(r"\S\s*[\t|]\s*(?:yes|no)\b[^\t|]*\|?\s*$", re.I)


def _is_choice_restatement(norm: str, idx: _QuestionIndex) -> bool:
    """A line that just restates an option or item ("b. Smartphone")."""
    if not norm or len(norm) > 400:
        return False
    if norm in idx.short_choices:  # "No", "Yes": only verbatim
        return True
    known = idx.restates_choice.get(norm)
    if known is None:
        if len(idx.restates_choice) > 50_000:
            idx.restates_choice.clear()  # memory stays flat over a large campaign
        known = idx.restates_choice[norm] = process.extractOne(
            norm, idx.long_choices, scorer=fuzz.ratio, score_cutoff=88) is not None
    return known


def _is_restatement(ln: Line, idx: _QuestionIndex) -> bool:
    norm = ln.body_norm
    if _is_choice_restatement(norm, idx):
        return True
    norm = _YOU_ASKED.sub("", norm)
    lw = content_words(norm)
    asks = "?" in ln.text
    # (a question quoted whole with its options run into it ends with its question mark)
    whole = asks and ln.text.rstrip(" *_").endswith("?")
    return any(asks and text_similarity(norm, q, c, lw, 85.0) >= 85 or fuzz.ratio(norm, q, score_cutoff=90) >= 90
               or whole and len(norm) >= len(q) >= 20 and fuzz.partial_ratio(q, norm, score_cutoff=90) >= 90
               for q, c in zip(idx.norms, idx.content, strict=True))


# the question quoted back under a lead-in: "You asked: ...?", "Your request: ...?"
_ASKED = r"(?:you\s+asked|you\s+requested|your\s+question|your\s+request|question|request)"
_ASKED_LINE = re.compile(rf"^\W*{_ASKED}\W*:.*\?\W*$", re.I)
_YOU_ASKED = re.compile(rf"^{_ASKED}\s+")  # (on a line's normalised words)


def _has_content(lines: list[Line], a: Anchor, stop: int, idx: _QuestionIndex) -> bool:
    return bool(_content_spans(lines, a, stop, idx, first_only=True))


def _content_spans(lines: list[Line], a: Anchor, stop: int, idx: _QuestionIndex,
                   first_only: bool = False) -> list[tuple[int, int]]:
    """The answer's spans after an anchor: not the restated question, options, or context notes."""
    spans: list[tuple[int, int]] = []
    first = lines[a.line]
    if a.answer_start < first.end:
        seg_start = a.answer_start
        text = first.text[seg_start - first.start :]
        lead = len(text) - len(text.lstrip(" \t:.-–—|*_"))
        m = _ANSWER_PREFIX.match(text[lead:])
        seg_start += lead + (m.end() if m else 0)
        rest = first.text[seg_start - first.start :]
        rest_norm = " ".join(words(rest))
        if seg_start < first.end and rest.strip() and not _request_talk(rest) and not _lists_choices(
                rest_norm, idx, a.questions[0]):
            spans.append((seg_start, first.end))
            if first_only:
                return spans
    qi = a.questions[0]
    q_norm = idx.norms[qi]
    restating = True
    restated: list[tuple[int, int]] = []  # lines that restate one option ("Monthly.")
    listed = _listed_options(lines, a.line + 1, stop, idx.choice_norms[qi])
    for k in range(a.line + 1, stop):
        ln = lines[k]
        norm = ln.body_norm
        if k in listed:
            continue
        if restating and not spans and len(norm) >= 8 and len(norm) < len(q_norm) and \
                fuzz.partial_ratio(norm, q_norm) >= 90:
            continue  # the wrapped rest of the restated question
        if _is_choice_restatement(norm, idx) and not _marked(ln.text) and not _VERDICT_CELL.search(ln.text):
            restated.append((ln.start, ln.end))
            continue  # (not "Making an arrest<TAB>No": an item with its verdict in the next cell)
        if _lists_choices(norm, idx, qi):
            continue  # "weekly / monthly / quarterly": the options restated on one line
        if ln.talk or any(fuzz.ratio(norm, c) >= 90 for c in idx.context_norms):
            continue
        if "?" in ln.text and (_ASKED_LINE.match(ln.text) or _is_restatement(ln, idx)):
            continue  # another question of the request, quoted (or this one, in other words: "You asked: ...?")
        # (a bare number under the answer's own title line, "**C1. Number of grit bins**" / "612", is its answer)
        past_title = any(not lines[a.line].start <= sp[0] <= lines[a.line].end for sp in spans)
        furniture = _PAGE_FURNITURE.search(ln.text) and (past_title or not re.fullmatch(r"\s*\d[\d,]*\s*", ln.text)) and not (
            # a bare number packed between other lines is a cell of a table flattened one cell a line
            # (or the answer straight under its question)
            re.fullmatch(r"\s*\d+\s*", ln.text) and lines[k - 1].end + 1 == ln.start
            and (len(lines[k - 1].text) <= 40 or k - 1 == a.line))
        if not norm and _LETTER_ALONE.fullmatch(ln.text):
            spans.append((ln.start, ln.end))  # "(c)" alone under "5.": the option picked
            restating = False
            continue
        if not norm or furniture or ln.text.startswith("#"):
            # a bare ">" or rule, a page header/footer from a PDF, a section title: nothing said
            # (a bare number straight under its label is the answer, not a page number)
            continue
        restating = False
        if ln.heading and len(norm) < 30:
            continue
        s = ln.start
        m = _ANSWER_PREFIX.match(ln.text)
        if m and m.end() < len(ln.text):
            s = ln.start + m.end()
        spans.append((s, ln.end))
        if first_only:
            break
    if not spans and len(restated) == 1 and len(idx.choice_norms[qi]) >= 2:
        return restated  # "Q5" / "Monthly.": one option's words alone under the label are the answer
    return spans


_LETTER_ALONE = re.compile(r"\s*(?:\([a-h]\)|[a-h][.)])\s*", re.I)


def _lists_choices(norm: str, idx: _QuestionIndex, qi: int) -> bool:
    opts = [c for c in idx.choice_norms[qi] if c]
    if len(opts) < 3:
        return False
    padded = f" {norm} "
    hits = [c for c in opts if f" {c} " in padded]  # norms are words joined by single spaces
    # (a sentence that names the options as it answers is longer than the options themselves)
    if not (len(hits) >= max(3, len(opts) - 1) and len(norm) <= 1.3 * sum(len(c) + 1 for c in hits) + 25):
        return False
    for c in hits:
        padded = padded.replace(f" {c} ", " ")
    # "It does not require X or Y": words outside the options that give a verdict make it an answer
    return not _VERDICT_WORDS.search(re.sub(r"\byes\s+or\s+no\b", " ", padded))  # (not the request's "yes or no")


_VERDICT_WORDS = re.compile(r"\b(?:not|none|we|our|does|do|did|is|are|has|have|requires?|includes?|"
                            r"provides?|uses?|yes|no)\b")  # ("Primary - Yes; Secondary - No": each item's verdict)


def _restated_under_shared_heading(chain: list[Anchor], blocks: dict[str, Block], questionnaire: Questionnaire) -> None:
    """"Questions 2a and 2b" then the questions restated as one ("How many spaces (a) for patients? (b) for
    staff?") then one answer: the restatement anchors only one of them, and the heading's own block is empty;
    the answer under the restatement is the whole group's."""
    qs = questionnaire.questions
    for a, b in zip(chain, chain[1:], strict=False):
        if a.kind != "multi" or not set(b.questions) < set(a.questions):
            continue
        spans = blocks[qs[b.questions[0]].id].spans
        rest = [blocks[qs[qi].id] for qi in a.questions if qi not in b.questions]
        if spans and all(r.anchor is a and not r.spans for r in rest):
            for qi in a.questions:
                blocks[qs[qi].id].anchor, blocks[qs[qi].id].spans = a, list(spans)


def _listed_options(lines: list[Line], begin: int, stop: int, choices: list[str]) -> set[int]:
    """The question's options listed again under it, lettered in order, before the answer ("(a) the Trust
    itself", "(b) a private contractor", "(c) a PFI partner", then "(c) - see question 1"): the whole list
    is the question, not a pick. A list that is all there is (or misses an option) may be the answer."""
    if len(choices) < 2:
        return set()
    start = next((k for k in range(begin, min(stop, begin + 3)) if lines[k].marker_key in ("a", "i", "1")), None)
    if start is None:
        return set()
    style = lines[start].marker_key
    run: list[int] = []
    for k in range(start, stop):
        ln, n = lines[k], len(run)
        want = chr(ord("a") + n) if style == "a" else to_roman(n + 1) if style == "i" else str(n + 1)
        if (ln.marker_key != want or n >= len(choices) or _marked(ln.text)
                or fuzz.token_set_ratio(ln.body_norm, choices[n]) < 70):
            break
        run.append(k)
    if len(run) == len(choices) and any(lines[k].text.strip() for k in range(run[-1] + 1, stop)):
        return set(run)
    return set()


def _marked(text: str) -> bool:
    """An option line carrying an answer: a tick, a cross, or a yes/no after it."""
    # ("- List of homes where placements are suspended: Yes, monthly." too; not "Options: Yes / No")
    return bool(re.search(r"[☒☑✓✔✗✘]|\[x\]|\(x\)|[-–:|]\s*(?:y|n)\W*$|[-–:|]\s*(?:yes|no)\b(?!\s*(?:/|or\b))",
                          text, re.I))


def _without_own_subheadings(cands: list[Anchor], lines: list[Line], questionnaire: Questionnaire) -> list[Anchor]:
    """Drop heading-like lines inside an answer that a label has opened: under "Q3", the lines "Damages
    paid: £251,004", "Legal costs: £38,120" echo question 3's words but are its answer's rows, not anchors
    that would cut the label's block short (or outscore the label and lose the first row). Under a matrix
    question's label, a row that starts with one of its items ("Stop and search<TAB>Yes") is its answer too,
    whichever question's words it echoes."""
    by_line: dict[int, list[Anchor]] = {}
    for a in cands:
        by_line.setdefault(a.line, []).append(a)
    opened: set[int] = set()
    inside: set[int] = set()
    for line in sorted(by_line):
        group = by_line[line]
        if all(a.kind == "heading" for a in group):
            if opened and (all(set(a.questions) <= opened for a in group)
                           or _starts_with_an_item(lines[line].body, opened, questionnaire)):
                inside.add(line)
                continue
            opened = set()
        else:
            opened = {q for a in group if a.kind != "heading" for q in a.questions}
    return [a for a in cands if a.line not in inside]


_WELSH_HINT = re.compile(r"\b(?:yn|mae|ydym|ydy|nid|oes|gyda|eich|ein|gan|ateb|cwestiwn)\b")  # (a cheap test first)


def _english_over_welsh(cands: list[Anchor], lines: list[Line], closing: int) -> list[Anchor]:
    """A reply in Welsh and then again in English ("**5.** Nid yw'r wybodaeth hon yn cael ei chofnodi." ...
    "**5.** This information is not recorded."): where a question has anchors in both, the Welsh ones go."""
    from foicollate.extract.bilingual import english_half, welsh_share

    starts = sorted({a.line for a in cands})
    by_q: dict[int, list[Anchor]] = {}
    for a in cands:
        for q in a.questions:
            by_q.setdefault(q, []).append(a)
    if all(len(g) < 2 for g in by_q.values()):
        return cands
    share: dict[int, float] = {}
    for i, line in enumerate(starts):
        stop = min(starts[i + 1] if i + 1 < len(starts) else closing, line + 6)
        # (a line in both languages, "Na / No", is English enough: its Welsh half is blanked first)
        share[line] = welsh_share(english_half("\n".join([lines[line].body, *(ln.text for ln in lines[line + 1:stop])])))
    pairs = [(w, e) for g in by_q.values() for w in g for e in g
             if share[w.line] >= 0.3 and share[e.line] < 0.1 and e.line > w.line]
    if len({q for w, _e in pairs for q in w.questions}) < 2:
        return cands  # (one Welsh line is no Welsh version of the letter)
    # the English version starts at the first English answer to a question also answered in Welsh above it:
    # every anchor before it goes ("3. Un cwmni dan gontract (B)" has too few Welsh words to tell)
    english = min(e.line for _w, e in pairs)
    first_welsh = min(w.line for w, _e in pairs)
    greet = [i for i in range(first_welsh + 1, english) if _GREETING.match(lines[i].text)]
    if greet:
        english = greet[-1]  # "Dear Ms Farrant," opening the English version
    else:
        english = max(a.line for a in cands if a.line < english and share[a.line] >= 0.3) + 1
    return [a for a in cands if a.line >= english]


def _starts_with_an_item(body: str, opened: set[int], questionnaire: Questionnaire) -> bool:
    """"Stop and search<TAB>Yes - mandatory": a row that names one of the open questions' items or options and
    then, after a tab, bar or dash, says something of it."""
    low = body.lower().lstrip()
    for q in opened:
        for it in questionnaire.questions[q].items or questionnaire.questions[q].options:
            name = it.text.lower()
            if len(name) >= 4 and low.startswith(name) and re.match(r"\s*(?:[\t|:–—]|-\s)\s*\S", low[len(name):]):
                return True
    return False


def _best_chain(cands: list[Anchor], lines: list[Line], closing: int, idx: _QuestionIndex) -> list[Anchor]:
    """The highest-scoring chain of anchors increasing in both line and question order."""
    if not cands:
        return []
    cands.sort(key=lambda a: (a.line, a.questions[0]))
    lines_with = sorted({a.line for a in cands})
    # an anchor followed by answer content (before the next candidate line) earns a bonus
    bonus: list[float] = []
    for a in cands:
        later = [x for x in lines_with if x > a.line]
        stop = later[0] if later else closing
        heads = [i for i in range(a.line + 1, stop) if lines[i].heading]
        if heads:
            stop = heads[0]
        bonus.append(60.0 if _has_content(lines, a, stop, idx) else -a.score * 0.5)
    n = len(cands)
    best = [0.0] * n
    prev = [-1] * n
    for i, a in enumerate(cands):
        best[i] = a.score + bonus[i]
        for k in range(i):
            b = cands[k]
            # a multi-label anchor ("Q4 and Q6") does not block the questions between its labels
            ordered = (b.questions[0] < a.questions[0] and a.questions[0] not in b.questions) or (
                b.kind == "multi" and a.kind != "multi" and a.questions[0] in b.questions)
            if b.line < a.line and ordered and best[k] + a.score + bonus[i] > best[i]:
                best[i] = best[k] + a.score + bonus[i]
                prev[i] = k
    i = max(range(n), key=lambda x: best[x])
    chain = []
    while i >= 0:
        chain.append(cands[i])
        i = prev[i]
    return chain[::-1]


# a sentence of prose: ends at . ! ? or ; before a capital, a digit or a pound sign, or at a blank line;
# three clauses or more joined by ; are one per question ("income was £212,400; our 23 sites have 1,450
# spaces; staff do not pay")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9£\"'(])|\n\s*\n")
_CLAUSE_END = re.compile(r"(?<=;)\s+(?=[a-z])")


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of text[start:end] across hard line wraps (outcome.sentences also splits at every newline);
    a sentence of three or more clauses joined by semicolons is one clause per question."""
    out, at = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.start() > at:
            out.append((at, m.start()))
        at = m.end()
    if at < end:
        out.append((at, end))
    split: list[tuple[int, int]] = []
    for s, e in out:
        cuts = list(_CLAUSE_END.finditer(text, s, e))
        # (a run of clauses may have been cut already where one opens with a figure: "...; 97 of those ...")
        after_clause = bool(split) and text[split[-1][1] - 1] == ";"
        if len(cuts) < (1 if after_clause else 2):
            split.append((s, e))
            continue
        for m in cuts:
            split.append((s, m.start()))
            s = m.end()
        split.append((s, e))
    return split


def _ordinal_sentence_starts(text: str, lines: list[Line], chain: list[Anchor], blocks: dict[str, Block],
                             idx: _QuestionIndex) -> None:
    """ "During 2022/23 we used all of the types of\naccommodation listed in your fifth question": the
    answer starts where its sentence does, on the line above (cut from the block before it)."""
    for a in chain:
        ln = lines[a.line]
        if not (ln.marker_key and ln.marker_key.startswith("#")) or ln.start == 0 or text[ln.start - 1] != "\n":
            continue
        back = text[max(0, ln.start - 300):ln.start]
        ends = [m.end() for m in re.finditer(r"[.!?:]\s+|\n\s*\n", back)]
        if not ends or ends[-1] >= len(back):
            continue
        start = ln.start - len(back) + ends[-1]
        for b in blocks.values():
            if b.spans and b.anchor is not a and b.spans[0][0] < start < b.spans[-1][1] + 2:
                b.spans = [(x, min(y, start)) for x, y in b.spans if x < start]
        for q in a.questions:
            b = blocks[idx.questions[q].id]
            if b.spans and b.spans[0][0] > start:
                b.spans = [(start, b.spans[0][1])] + b.spans[1:]


def _fill_from_prose(text: str, lines: list[Line], chain: list[Anchor], blocks: dict[str, Block], closing: int,
                     idx: _QuestionIndex) -> None:
    """Questions skipped by the anchors of a letter in prose ("... 7 households ... Gross expenditure on
    nightly-paid accommodation in 2022/23 was £2.3m. The Council does place some households outside the
    borough ..."): a later sentence of the block above them that speaks of a skipped question's own
    words, in request order, starts that question's answer. A letter with no anchors at all is read
    the same way from its greeting on."""
    at_q = {q: a for a in chain for q in a.questions}
    anchor_lines = sorted({a.line for a in chain})
    n = len(idx.questions)
    # one or two lines that echo a question's words, in a letter of prose, are no layout: read it all as prose
    weak = 0 < len(chain) <= 2 and n >= 5 and all(a.kind == "text" for a in chain)
    if not chain or weak:
        greet = max((i for i, ln in enumerate(lines[:closing]) if _GREETING.match(ln.text)), default=-1)
        if greet + 1 < closing:
            region = (lines[greet + 1].start, lines[closing - 1].end)
            saved = {k: (b.spans, b.anchor) for k, b in blocks.items()}  # (all empty unless weak)
            for b in blocks.values():
                b.spans, b.anchor = [], None
            if not _assign_sentences(text, [], list(range(n)), blocks, idx, region, min_pairs=max(3, n // 3),
                                     veto=lambda: _blanket(text[region[0]:region[1]]), out_of_order=True):
                for k, (sp, an) in saved.items():
                    blocks[k].spans, blocks[k].anchor = sp, an
        return
    j = 1
    while j < n:
        if j in at_q or j - 1 not in at_q:
            j += 1
            continue
        run = []
        while j < n and j not in at_q:
            run.append(j)
            j += 1
        prev = at_q[run[0] - 1]
        following = [x for x in anchor_lines if x > prev.line]
        if j < n and (not following or following[0] != at_q[j].line):
            continue  # (only a stretch between consecutive anchors, in question order)
        first = blocks[idx.questions[prev.questions[0]].id]
        if first.spans:
            _assign_sentences(text, list(prev.questions), run, blocks, idx,
                              (first.spans[0][0], first.spans[-1][1]), skip_first=True)


# an outcome said of the whole request: "does not hold any of the information you have requested"
_WHOLE_REQUEST = re.compile(
    r"\binformation\s+(?:that\s+)?you\s+(?:have\s+)?(?:request|ask|seek)|\bany\s+of\s+the\s+information\b|"
    r"\ball\s+(?:of\s+)?your\s+(?:questions|request)\b|\b(?:redirect|forward|transfer|send|direct)\s+your\s+request\b|"
    r"\byour\s+request\s+(?:should|would|must|may|is\s+better)\s+be\s+(?:re-?)?(?:directed|sent|made|addressed)|"
    r"\b(?:refus|declin)(?:e|es|ed|ing)\s+(?:your|this|the)\s+(?:whole\s+)?request\b|\bcomplying\s+with\s+it\b|"
    r"\bcompl(?:y|ying|iance)\s+with\s+(?:your|this|the|a)\s+request\b|"
    r"\b(?:respond|reply)(?:ing)?\s+(?:further\s+)?to\s+(?:your|this)\s+(?:new\s+|latest\s+)?request\b|"
    r"\b(?:your|this)\s+request\s+(?:is|as)\s+"
    r"(?:vexatious|repeated|manifestly)",
    re.I)


def _letter_cues(text: str) -> list[Cue]:
    """The outcomes (not held, refused, referred) a letter states anywhere in `text`."""
    from foicollate.extract.outcome import find_cues, is_scottish

    return [c for c in find_cues(text, is_scottish(text)) if c.status != Status.ANSWERED]


def _blanket(text: str) -> bool:
    """A letter whose outcome (not held, refused, referred) is said of the whole request."""
    whole = [m.start() for m in _WHOLE_REQUEST.finditer(text)]
    if not whole:
        return False
    # (said in the outcome's own sentence or the next: "... is held by the county councils. I would
    # therefore suggest that you redirect your request to ...")
    return any(any(c.start <= w <= c.end + 300 for w in whole) for c in _letter_cues(text))


def _refers(text: str) -> bool:
    """A letter that says some of the information is held by another body."""
    return any(c.status == Status.REFERRED for c in _letter_cues(text))


_GREETING = re.compile(r"^\W*(?:dear|hello|hi|good\s+(?:morning|afternoon))\b", re.I)


def _assign_sentences(text: str, owners: list[int], run: list[int], blocks: dict[str, Block],
                      idx: _QuestionIndex, region: tuple[int, int], skip_first: bool = False,
                      min_pairs: int = 1, veto: Callable[[], bool] | None = None, out_of_order: bool = False) -> bool:
    """Sentences of `region` that speak of the `run` questions' words start their answers: the best
    pairing in request order (cut from the `owners`' block, whose answer the region's first sentence is)."""
    qs = idx.questions
    end = region[1]
    sents = [(s, e) for s, e in _sentences(text, region[0], end)[1 if skip_first else 0:]
             if not re.search(r"[?|\t]", text[s:e])]  # (a question quoted, or a table: not prose)
    if not sents:
        return False
    score = [[0.0] * len(run) for _ in sents]
    worded = [[False] * len(run) for _ in sents]  # (paired by the question's own words, not its options)
    vocab = frozenset().union(*(idx.content[q] for q in run), *(o for q in run for o in idx.choice_content[q]))
    for i, (s, e) in enumerate(sents):
        sw = content_words(" ".join(words(text[s:e])))
        if len(sw & vocab) < 2:
            continue  # (shares too few words with every question)
        own = max((_coverage(sw, q, idx) for q in owners), default=0.0)
        for j, q in enumerate(run):
            by_words = _coverage(sw, q, idx)
            c = max(by_words, _choice_coverage(sw, q, idx))
            if c >= 0.22 and c >= own + 0.1:
                score[i][j] = c
                worded[i][j] = by_words >= 0.22
    # the best pairing of sentences with questions, both in order (each used at most once)
    m, n = len(sents), len(run)
    best = [[0.0] * (n + 1) for _ in range(m + 1)]
    for i in range(m - 1, -1, -1):
        for j in range(n - 1, -1, -1):
            best[i][j] = max(best[i + 1][j], best[i][j + 1],
                             score[i][j] + best[i + 1][j + 1] if score[i][j] else 0.0)
    pairs = []
    i = j = 0
    while i < m and j < n:
        if score[i][j] and best[i][j] == score[i][j] + best[i + 1][j + 1]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    if len(pairs) < min_pairs or veto is not None and veto():
        return False  # (a letter with no anchors answers several questions in prose, or it is a blanket reply)
    # (sentences that only name options count towards that when two at least use the questions' own words,
    # and not in a letter that says another body holds some of it: its referral must reach every question)
    worded_pairs = sum(worded[i][j] for i, j in pairs)
    if worded_pairs < min_pairs and (worded_pairs < 2 or _refers(text[region[0]:region[1]])):
        return False
    starts = [(sents[i][0], run[j]) for i, j in pairs]
    if out_of_order:
        # a letter that answers "in the order that made most sense": a sentence left over that speaks of a
        # question left over far more than of any other starts its answer too
        used_s = {i for i, _j in pairs}
        paired = {j for _i, j in pairs}
        top = [max(row) for row in score]
        for j, q in enumerate(run):
            if j in paired:
                continue
            pick = max(((score[i][j], i) for i in range(m) if i not in used_s and score[i][j] >= 0.4
                        and score[i][j] == top[i]), default=None)
            if pick is not None:
                used_s.add(pick[1])
                starts.append((sents[pick[1]][0], q))
        starts.sort()
    for k, (s, q) in enumerate(starts):
        for o in owners:
            b = blocks[qs[o].id]
            b.spans = [(a, min(z, s)) for a, z in b.spans if a < s]
        blk = blocks[qs[q].id]
        blk.anchor = Anchor(0, [q], 50.0, "prose", s)
        blk.spans = [(s, starts[k + 1][0] if k + 1 < len(starts) else end)]
        owners = []
    return True


def _choice_coverage(sw: AbstractSet[str], q: int, idx: _QuestionIndex) -> float:
    """A sentence that names the question's options or items ("Leisure is run for us by Brackwater Leisure
    Trust", "50% off for residents on means-tested benefits, and under-16s swim free"): how many it names
    (an option named by all its own words, or by two of them)."""
    named = sum(1 for o in idx.choice_content[q] if o and (len(sw & o) >= 2 or o <= sw))
    return 0.0 if not named else min(0.6, 0.2 + 0.1 * named)


def _coverage(sw: AbstractSet[str], q: int, idx: _QuestionIndex) -> float:
    """How much of a question's wording (by weight) a sentence uses: two words at least."""
    shared = sw & idx.content[q]
    if len(shared) < 2:
        return 0.0
    return sum(idx.idf[w] for w in shared) / idx.weight[q]
