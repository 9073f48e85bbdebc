"""Policies and attachments: telling them from replies, and their passages per question.

A reference document answers no request, but its passages bear on the questions (a
remote-working policy on which devices staff get). Each question gets the passages
that share the most distinctive words with it, its options and its items.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from foicollate.model import Answer, Document, DocumentKind, Evidence, Questionnaire, Status

_REPLY_MARKERS = re.compile(
    r"freedom\s+of\s+information|\bFOI\b|\bFOISA\b|\bEIR\b|environmental\s+information\s+regulations|"
    r"your\s+(?:request|enquiry|email)|information\s+(?:that\s+)?you\s+(?:have\s+)?requested|our\s+ref|"
    r"we\s+(?:do\s+not\s+)?hold\s+(?:this|the|any)|request\s+for\s+information|disclosure\s+log|"
    r"\bresponse\s*:|thank\s+you\s+for\s+your",
    re.I,
)


def classify(doc: Document, questionnaire: Questionnaire) -> DocumentKind:
    """Reply or reference material: replies speak of the request; policies do not."""
    if _REPLY_MARKERS.search(doc.text[:20000]):
        return DocumentKind.RESPONSE
    if len(doc.text) < 1200:
        return DocumentKind.RESPONSE  # a note this short is a reply, however informal; policies run longer
    if len(doc.text) < 3000 and re.search(r"^\s*(?:dear|hi|hello)\b|\b(?:kind\s+regards|yours\s+sincerely|"
                                           r"many\s+thanks|best\s+wishes)\b", doc.text, re.I | re.M):
        return DocumentKind.RESPONSE  # a short note to the requester is a reply, however informal
    # numbered answers that follow the questionnaire's own labels make a reply too
    from foicollate.markers import labels_match, normalise_label, parse_marker

    keys = [normalise_label(q.label or q.id) for q in questionnaire.questions]
    answerish = re.compile(r"\d|\b(?:yes|no|none|nil|not\s+held|do\s+not|does\s+not)\b", re.I)
    labelled = {k for line in doc.text.splitlines()[:400] if (mk := parse_marker(line))
                and answerish.search(mk.rest) for k in keys if labels_match(mk.key, k)}
    if len(labelled) >= max(2, len(keys) // 2):
        return DocumentKind.RESPONSE
    return DocumentKind.REFERENCE


_ABBREV = re.compile(r"(?:\b(?:e\.g|i\.e|etc|vs|no|nos|mr|mrs|ms|dr|st|cf|approx|incl)|\b[A-Za-z])\.$", re.I)
_GENERIC = frozenset({
    "how", "many", "much", "what", "which", "who", "when", "where", "why", "do", "does", "did", "are", "is", "was",
    "were", "have", "has", "had", "can", "could", "will", "would", "should", "your", "you", "these", "those",
    "this", "that", "their", "they", "them", "our", "we", "any", "all", "some", "following", "below", "above",
    "please", "provide", "able", "tell", "number", "staff", "employees", "employee", "work", "working",
    "organisation", "council", "information"})


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: split at ., ! or ? before a space or a newline, not after "e.g." or an initial."""
    out = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        for m in re.finditer(r"[.!?]+(?=\s|$)", para.group(0)):
            end = para.start() + m.end()
            if _ABBREV.search(text[max(start, end - 8):end]):
                continue
            out.append((start, end))
            start = end
        if start < para.end():
            out.append((start, para.end()))
    spans = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e - s >= 25:
            spans.append((s, e))
    return spans


def _words(text: str) -> set[str]:
    from foicollate.segment import stem

    return {stem(w) for w in re.findall(r"[a-z][a-z'’-]+", text.lower()) if w not in _GENERIC and len(w) > 2}


def evidence_answers(doc: Document, questionnaire: Questionnaire, top: int = 3) -> list[Answer]:
    """Per question, the passages of a reference document that bear on it, best first.

    A passage scores by the distinctive words it shares with the question and, more, with
    any one of its options or items (a policy speaks of laptops, not of "devices below").
    """
    sents = _sentences(doc.text)
    bags = [_words(doc.text[s:e]) for s, e in sents]
    df: Counter[str] = Counter()
    for b in bags:
        df.update(b)
    n = max(len(sents), 1)

    def overlap(bag: set[str], terms: set[str]) -> float:
        shared = bag & terms
        return math.fsum(math.log(1 + n / df[t]) for t in shared) / math.sqrt(len(terms) + 2) if shared else 0.0

    out: list[Answer] = []
    for q in questionnaire.questions:
        qterms = _words(q.text)
        cterms = [_words(o.text) for o in q.choices]
        scored = []
        for (s, e), bag in zip(sents, bags, strict=True):
            score = overlap(bag, qterms) + max((1.2 * overlap(bag, c) for c in cterms), default=0.0)
            if score > 0:
                scored.append((score / math.sqrt(math.sqrt(len(bag) + 4)), s, e))
        scored.sort(reverse=True)
        evidence = [Evidence(s, e, doc.text[s:e]) for _score, s, e in scored[:top]]
        best = scored[0][0] if scored else 0.0
        out.append(Answer(question=q.id, status=Status.NOT_ANSWERED, evidence=evidence,
                          confidence=min(0.9, best / 4), method="reference:passages"))
    return out
