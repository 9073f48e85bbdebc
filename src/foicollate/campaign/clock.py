"""The statutory clock: working days in each UK nation, due dates, pauses and restarts.

FOIA s10 and FOISA s10 give a body 20 working days from the day after it received the
request; a working day is any day but a Saturday, a Sunday or a bank holiday of the
body's nation. Bank holidays come from the `holidays` package's UK subdivisions, kept to
weekdays (it also lists the weekend date of a holiday that has a substitute weekday).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import holidays

from foicollate.errors import CampaignError

#: The nations a body can be in, as the targets CSV names them, and their subdivision code.
NATIONS: dict[str, str] = {
    "England": "ENG",
    "Wales": "WLS",
    "Scotland": "SCT",
    "Northern Ireland": "NIR",
}

#: Working days a body has to reply (FOIA s10(1), FOISA s10(1)).
RESPONSE_DAYS = 20
#: Working days after which WhatDoTheyKnow calls a request "long overdue".
LONG_OVERDUE_DAYS = 40
#: Working days the ICO's guidance allows for an internal review.
INTERNAL_REVIEW_DAYS = 40

_ALIASES = {
    "england": "England", "eng": "England", "english": "England",
    "wales": "Wales", "wls": "Wales", "cymru": "Wales", "welsh": "Wales",
    "scotland": "Scotland", "sct": "Scotland", "sco": "Scotland", "scottish": "Scotland",
    "northern ireland": "Northern Ireland", "nir": "Northern Ireland", "ni": "Northern Ireland",
}


def normalise_nation(raw: str) -> str:
    """'scotland', 'SCT', 'Scottish' -> 'Scotland'; CampaignError for anything else."""
    key = " ".join(raw.strip().lower().split())
    if key in _ALIASES:
        return _ALIASES[key]
    raise CampaignError(
        f"unknown nation {raw!r}; use England, Wales, Scotland or Northern Ireland"
    )


@lru_cache(maxsize=64)
def _holidays_of_year(nation: str, year: int) -> frozenset[date]:
    calendar = holidays.UK(subdiv=NATIONS[nation], years=[year])
    return frozenset(d for d in calendar if d.weekday() < 5)


def bank_holidays(nation: str, years: Iterable[int]) -> set[date]:
    """The weekday bank holidays of a nation in the given years."""
    out: set[date] = set()
    for y in years:
        out |= _holidays_of_year(nation, y)
    return out


def is_working_day(day: date, nation: str) -> bool:
    return day.weekday() < 5 and day not in _holidays_of_year(nation, day.year)


def add_working_days(start: date, days: int, nation: str) -> date:
    """The `days`-th working day after `start` (the day after `start` is the first candidate)."""
    if days < 0:
        raise ValueError("days must not be negative")
    day = start
    left = days
    while left:
        day += timedelta(days=1)
        if is_working_day(day, nation):
            left -= 1
    return day


def working_days_between(start: date, end: date, nation: str) -> int:
    """Working days after `start` up to and including `end` (0 when end <= start)."""
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day, nation):
            count += 1
    return count


def due_date(received: date, nation: str) -> date:
    """The 20th working day after the day the request was received."""
    return add_working_days(received, RESPONSE_DAYS, nation)


def internal_review_due(replied: date, nation: str) -> date:
    """The date by which an internal review of a reply sent on `replied` should be done."""
    return add_working_days(replied, INTERNAL_REVIEW_DAYS, nation)


@dataclass(frozen=True)
class ClockEvent:
    """A change to one body's clock.

    pause:   clarification sought on `on`; the clock stops.
    resume:  the clock runs again from `on`, with the working days already used kept.
    restart: the request counts as received afresh on `on` (clarification received:
             FOIA s1(3) and FOISA s1(3) start the 20 days again).
    """

    kind: str  # "pause" | "resume" | "restart"
    on: date


CLOCK_EVENT_KINDS = ("pause", "resume", "restart")


@dataclass(frozen=True)
class Clock:
    """A body's clock as the events leave it."""

    nation: str
    received: date  # the day the running period counts from
    used: int = 0  # working days used before `received` (kept across a pause)
    paused_on: date | None = None

    @property
    def paused(self) -> bool:
        return self.paused_on is not None

    @property
    def due(self) -> date | None:
        """The statutory due date, or None while the clock is paused."""
        if self.paused:
            return None
        return add_working_days(self.received, max(RESPONSE_DAYS - self.used, 0), self.nation)

    @property
    def long_overdue_from(self) -> date | None:
        """The day after which WhatDoTheyKnow would call the request long overdue."""
        if self.paused:
            return None
        return add_working_days(
            self.received, max(LONG_OVERDUE_DAYS - self.used, 0), self.nation
        )

    def days_taken(self, replied: date) -> int:
        """Working days the body took to reply, pauses excluded."""
        return self.used + working_days_between(self.received, replied, self.nation)


def run_clock(received: date, nation: str, events: Iterable[ClockEvent]) -> Clock:
    """Apply a body's clock events in date order to the day its request was received."""
    clock = Clock(nation=nation, received=received)
    for ev in sorted(events, key=lambda e: e.on):
        if ev.kind == "pause" and not clock.paused:
            used = clock.used + working_days_between(clock.received, ev.on, nation)
            clock = Clock(nation, clock.received, used, paused_on=ev.on)
        elif ev.kind == "resume" and clock.paused:
            # the day it resumes counts like a day of receipt: counting starts the day after
            clock = Clock(nation, ev.on, clock.used, paused_on=None)
        elif ev.kind == "restart":
            clock = Clock(nation, ev.on, 0, paused_on=None)
    return clock
