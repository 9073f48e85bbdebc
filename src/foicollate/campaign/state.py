"""Where each body's request stands, in WhatDoTheyKnow's words, derived when read.

Only outcomes are stored; "awaiting", "overdue" and "long overdue" depend on today's date
and are worked out every time a state is asked for, never saved.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from foicollate.campaign.clock import Clock
from foicollate.model import Status


class State(StrEnum):
    AWAITING = "awaiting_response"
    CLARIFICATION = "waiting_clarification"
    OVERDUE = "overdue"
    LONG_OVERDUE = "long_overdue"
    SUCCESSFUL = "successful"
    PARTIALLY_SUCCESSFUL = "partially_successful"
    NOT_HELD = "not_held"
    REFUSED = "refused"
    REFERRED = "referred"
    TO_REVIEW = "to_review"  # a reply came but no outcome could be read from it yet

    @property
    def label(self) -> str:
        return STATE_LABELS[self]


STATE_LABELS: dict[State, str] = {
    State.AWAITING: "Awaiting response",
    State.CLARIFICATION: "Awaiting clarification",
    State.OVERDUE: "Overdue",
    State.LONG_OVERDUE: "Long overdue",
    State.SUCCESSFUL: "Successful",
    State.PARTIALLY_SUCCESSFUL: "Partially successful",
    State.NOT_HELD: "Information not held",
    State.REFUSED: "Refused",
    State.REFERRED: "Referred elsewhere",
    State.TO_REVIEW: "Reply to review",
}

#: The states of a body that has replied.
REPLY_STATES = frozenset({
    State.SUCCESSFUL, State.PARTIALLY_SUCCESSFUL, State.NOT_HELD, State.REFUSED,
    State.REFERRED, State.TO_REVIEW,
})

#: When no question was answered, the outcome named most often wins; ties go in this order.
_TIE_ORDER = (Status.REFUSED, Status.REFERRED, Status.NOT_HELD)


def outcome_counts(statuses: Iterable[Status | str]) -> dict[str, int]:
    """How many questions had each outcome, every outcome listed (zeros included)."""
    c = Counter(Status(s) for s in statuses)
    return {str(s): c.get(s, 0) for s in Status}


def reply_state(counts: Mapping[str, int]) -> State:
    """The state of a body that has replied, from its per-question outcome counts.

    Every question answered: successful; some: partially successful. None answered:
    the commonest of refused / referred / not held (ties in that order); nothing read
    at all: to review.
    """
    answered = counts.get(Status.ANSWERED, 0)
    total = sum(counts.values())
    if answered and answered == total:
        return State.SUCCESSFUL
    if answered:
        return State.PARTIALLY_SUCCESSFUL
    best = max(_TIE_ORDER, key=lambda s: (counts.get(s, 0), -_TIE_ORDER.index(s)))
    if counts.get(best, 0) == 0:
        return State.TO_REVIEW
    return {
        Status.REFUSED: State.REFUSED,
        Status.REFERRED: State.REFERRED,
        Status.NOT_HELD: State.NOT_HELD,
    }[best]


def waiting_state(clock: Clock, today: date) -> State:
    """The state of a body that has not replied, on `today`."""
    if clock.paused:
        return State.CLARIFICATION
    due = clock.due
    long_from = clock.long_overdue_from
    if long_from is not None and today > long_from:
        return State.LONG_OVERDUE
    if due is not None and today > due:
        return State.OVERDUE
    return State.AWAITING


@dataclass(frozen=True)
class Referral:
    """A body that said another holds the information, and who that is."""

    from_body: str  # the referring body's id
    question: str
    referred_to: str  # as the reply (or a person) wrote it
    target_id: str | None  # the campaign's target it resolved to, if any

    @property
    def todo(self) -> bool:
        """True when the body pointed to was never asked."""
        return self.target_id is None
