"""What the workspace API returns: added files, extraction reports, states, answers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from foicollate.campaign.state import Referral, State
from foicollate.model import Answer, Question


def iso(d: date | None) -> str | None:
    return d.isoformat() if d else None



@dataclass
class AddedFile:
    name: str
    sha256: str
    new: bool  # False: the same content was already in the workspace
    body: str | None = None  # the body's name, when matched
    method: str | None = None  # how it was matched
    supersedes: str | None = None  # sha256 of the earlier version from the same path


@dataclass
class ExtractReport:
    extracted: list[str] = field(default_factory=list)  # file names
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file name, sentence)
    skipped: int = 0  # already extracted, unchanged
    unmatched: list[str] = field(default_factory=list)  # files no body was found for


@dataclass
class FileInfo:
    sha256: str
    name: str
    added_at: str
    body_id: str | None
    match_method: str | None
    kind: str | None  # response | reference | None (not extracted yet)
    error: str | None
    reply_date: date | None
    reply_date_source: str | None  # received (given on add) | letter | added
    # the statutory clock for this reply (filled in for a body's page)
    working_days_taken: int | None = None
    late: bool | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "sha256": self.sha256, "name": self.name, "added_at": self.added_at,
            "body": self.body_id, "matched_by": self.match_method, "kind": self.kind,
            "error": self.error, "reply_date": iso(self.reply_date),
            "reply_date_source": self.reply_date_source,
            "working_days_taken": self.working_days_taken, "late": self.late,
        }


@dataclass
class BodyStatus:
    id: str
    name: str
    nation: str
    state: State
    sent: date
    due: date | None  # None while the clock is paused
    replied: date | None
    reply_date_source: str | None
    working_days_taken: int | None
    late: bool | None
    internal_review_due: date | None
    referred_to: list[Referral]
    outcomes: dict[str, int]
    files: int
    corrections: int
    clock_paused: bool
    answers: dict[str, str] = field(default_factory=dict)  # question id -> outcome

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "nation": self.nation,
            "state": str(self.state),
            "state_label": self.state.label,
            "sent": iso(self.sent),
            "due": iso(self.due),
            "replied": iso(self.replied),
            "reply_date_source": self.reply_date_source,
            "working_days_taken": self.working_days_taken,
            "late": self.late,
            "internal_review_due": iso(self.internal_review_due),
            "referred_to": [
                {"question": r.question, "name": r.referred_to, "body": r.target_id}
                for r in self.referred_to
            ],
            "outcomes": self.outcomes,
            "files": self.files,
            "corrections": self.corrections,
            "clock_paused": self.clock_paused,
            "answers": self.answers,
        }


@dataclass
class CampaignStatus:
    today: date
    bodies: list[BodyStatus]
    unmatched: list[FileInfo]
    todo: list[Referral]  # referrals to bodies the campaign has not asked
    # per question, how many of the bodies that replied gave each outcome
    questions: dict[str, dict[str, int]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "bodies": [b.to_json() for b in self.bodies],
            "questions": self.questions,
            "unmatched": [f.to_json() for f in self.unmatched],
            "todo": [
                {"from": r.from_body, "question": r.question, "referred_to": r.referred_to}
                for r in self.todo
            ],
        }


@dataclass
class Correction:
    question: str
    old: dict[str, Any] | None
    new: dict[str, Any] | None
    who: str
    at: str
    note: str | None
    source: str

    def to_json(self) -> dict[str, Any]:
        return {"question": self.question, "old": self.old, "new": self.new, "who": self.who,
                "at": self.at, "note": self.note, "source": self.source}


@dataclass
class BodyAnswer:
    """One question's answer for a body: what extraction read, and what a person set."""

    question: Question
    answer: Answer  # the answer that counts (a person's when there is one)
    file: str | None  # name of the file it was read from
    extracted: Answer | None  # what extraction read, even when a person overrode it
    corrected: Correction | None  # the latest correction, when a person set it
    history: list[Correction]

    def to_json(self) -> dict[str, Any]:
        return {
            **self.answer.to_json(),
            "file": self.file,
            "extracted": self.extracted.to_json() if self.extracted else None,
            "corrected": self.corrected.to_json() if self.corrected else None,
            "history": [c.to_json() for c in self.history],
        }


@dataclass
class BodyDetail:
    status: BodyStatus
    email: str | None
    answers: list[BodyAnswer]
    files: list[FileInfo]
    clock_events: list[dict[str, Any]]

    def to_json(self) -> dict[str, Any]:
        return {
            **self.status.to_json(),
            "email": self.email,
            "answers": [a.to_json() for a in self.answers],
            "file_list": [f.to_json() for f in self.files],
            "clock_events": self.clock_events,
        }
