"""Per-body states in WhatDoTheyKnow's vocabulary, from stored outcomes and today's date."""

from __future__ import annotations

from datetime import date

import pytest

from foicollate.campaign.clock import ClockEvent, run_clock
from foicollate.campaign.state import State, outcome_counts, reply_state, waiting_state


def counts(**kw: int) -> dict[str, int]:
    return outcome_counts(s for s, n in kw.items() for _ in range(n))


@pytest.mark.parametrize(
    ("kw", "state"),
    [
        ({"answered": 3}, State.SUCCESSFUL),
        ({"answered": 2, "refused": 1}, State.PARTIALLY_SUCCESSFUL),
        ({"answered": 1, "not_answered": 2}, State.PARTIALLY_SUCCESSFUL),
        ({"not_held": 3}, State.NOT_HELD),
        ({"refused": 2, "not_answered": 1}, State.REFUSED),
        ({"referred": 2, "not_held": 1}, State.REFERRED),
        ({"referred": 1, "refused": 1}, State.REFUSED),  # a tie goes to refused
        ({"referred": 1, "not_held": 1}, State.REFERRED),
        ({"not_answered": 3}, State.TO_REVIEW),
    ],
)
def test_reply_state(kw: dict[str, int], state: State) -> None:
    assert reply_state(counts(**kw)) == state


def test_outcome_counts_lists_every_outcome() -> None:
    assert counts(answered=2) == {
        "answered": 2, "not_held": 0, "refused": 0, "referred": 0, "not_answered": 0,
    }


@pytest.mark.parametrize(
    ("today", "state"),
    [
        (date(2022, 1, 20), State.AWAITING),  # the due day itself is not overdue
        (date(2022, 1, 21), State.OVERDUE),
        (date(2022, 2, 17), State.OVERDUE),
        (date(2022, 2, 18), State.LONG_OVERDUE),
    ],
)
def test_waiting_state_from_dates(today: date, state: State) -> None:
    assert waiting_state(run_clock(date(2021, 12, 20), "England", []), today) == state


def test_paused_clock_is_waiting_for_clarification() -> None:
    c = run_clock(date(2021, 12, 20), "England", [ClockEvent("pause", date(2022, 1, 5))])
    assert waiting_state(c, date(2022, 6, 1)) == State.CLARIFICATION


def test_states_have_labels() -> None:
    assert State.LONG_OVERDUE.label == "Long overdue"
    assert all(s.label for s in State)
