"""The data model every stage shares: questionnaire, document, answer, evidence.

Statuses and question types are closed vocabularies with stable keys; display labels
live beside them so the keys never change when wording does.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class QuestionType(StrEnum):
    NUMBER = "number"
    YESNO = "yesno"
    CHOICE = "choice"
    MULTI = "multi"
    MATRIX = "matrix"
    TEXT = "text"


class Status(StrEnum):
    ANSWERED = "answered"
    NOT_HELD = "not_held"
    REFUSED = "refused"
    REFERRED = "referred"
    NOT_ANSWERED = "not_answered"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS: dict[Status, str] = {
    Status.ANSWERED: "Answered",
    Status.NOT_HELD: "Not held",
    Status.REFUSED: "Refused",
    Status.REFERRED: "Referred elsewhere",
    Status.NOT_ANSWERED: "Not answered",
}


class DocumentKind(StrEnum):
    RESPONSE = "response"
    REFERENCE = "reference"


@dataclass(frozen=True)
class Option:
    """An option of a choice/multi question, or an item of a matrix question."""

    id: str
    text: str
    label: str | None = None  # how the request lettered it ("a", "ii"), if it did


@dataclass
class Question:
    id: str
    text: str
    type: QuestionType = QuestionType.TEXT
    label: str | None = None  # how the request numbered it ("1", "a", "2b")
    options: list[Option] = field(default_factory=list)  # choice / multi
    items: list[Option] = field(default_factory=list)  # matrix
    context: str | None = None  # a preamble that applies to this question

    @property
    def choices(self) -> list[Option]:
        """The options or items, whichever this question has."""
        return self.items if self.type == QuestionType.MATRIX else self.options


@dataclass
class Questionnaire:
    title: str
    questions: list[Question]
    preamble: str | None = None

    def get(self, qid: str) -> Question:
        for q in self.questions:
            if q.id == qid:
                return q
        raise KeyError(qid)

    @property
    def ids(self) -> list[str]:
        return [q.id for q in self.questions]


@dataclass(frozen=True)
class Region:
    """A labelled stretch of a document's text: a PDF page, a spreadsheet cell, an email part."""

    start: int
    end: int
    kind: str  # "page" | "cell" | "part"
    label: str  # "3" | "Sheet1!B4" | "attachment: letter.pdf"


@dataclass
class Document:
    """One file's extracted plain text plus where each part of it came from."""

    id: str  # the file stem, unique within a batch
    text: str
    kind: DocumentKind = DocumentKind.RESPONSE
    source: str | None = None  # path of the file it was read from
    format: str = "text"  # reader that produced it: text, html, pdf, docx, eml ...
    regions: list[Region] = field(default_factory=list)
    # hints from the container, not the letter: email From/Date/Subject, PDF title ...
    metadata: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def locate(self, offset: int) -> dict[str, str]:
        """The regions (by kind) that contain a character offset, e.g. {"page": "2"}."""
        found: dict[str, str] = {}
        starts = [r.start for r in self.regions]
        i = bisect.bisect_right(starts, offset)
        for r in reversed(self.regions[:i]):
            if r.start <= offset < r.end and r.kind not in found:
                found[r.kind] = r.label
        return found


@dataclass
class Evidence:
    """An exact slice of a document's text: text == document.text[start:end]."""

    start: int
    end: int
    text: str
    page: int | None = None
    where: str | None = None  # "Sheet1!B4", "attachment: letter.pdf" ...

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text}
        if self.page is not None:
            out["page"] = self.page
        if self.where:
            out["where"] = self.where
        return out


@dataclass
class Answer:
    question: str
    status: Status = Status.NOT_ANSWERED
    grounds: str | None = None  # refused: "s12", "s40", "r12(4)(b)" ...
    referred_to: str | None = None  # referred: the body said to hold it
    value: Any = None
    breakdown: dict[str, float] | None = None
    count: float | None = None  # yesno answers that also give a number
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.0
    method: str = "rules"  # how it was obtained: a rule name, "human" ...
    note: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "status": str(self.status),
            "grounds": self.grounds,
            "referred_to": self.referred_to,
            "value": self.value,
            "breakdown": self.breakdown,
            "count": self.count,
            "evidence": [e.to_json() for e in self.evidence],
            "confidence": round(self.confidence, 3),
            "method": self.method,
            "note": self.note,
        }


@dataclass
class CollatedDocument:
    """One reply (or reference document) read against the questionnaire."""

    id: str
    kind: DocumentKind
    authority: str | None = None
    reference: str | None = None
    date_received: str | None = None  # ISO dates
    date_responded: str | None = None
    answers: list[Answer] = field(default_factory=list)
    source: str | None = None
    format: str | None = None
    # what reading it skipped: an attachment that failed, scanned pages without OCR ...
    warnings: list[str] = field(default_factory=list)

    def answer(self, qid: str) -> Answer:
        for a in self.answers:
            if a.question == qid:
                return a
        raise KeyError(qid)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": str(self.kind),
            "authority": self.authority,
            "reference": self.reference,
            "date_received": self.date_received,
            "date_responded": self.date_responded,
            "source": self.source,
            "format": self.format,
            "answers": [a.to_json() for a in self.answers],
            **({"warnings": self.warnings} if self.warnings else {}),
        }


@dataclass
class Failure:
    """A file that could not be read, with one sentence saying what to do."""

    path: str
    message: str


@dataclass
class Collation:
    """The result of collating a batch: one row per document, plus the files that failed."""

    questionnaire: Questionnaire
    documents: list[CollatedDocument] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "questionnaire": self.questionnaire.title,
            "documents": [d.to_json() for d in self.documents],
            "failures": [{"path": f.path, "message": f.message} for f in self.failures],
        }
