"""The statutory clock against hand-worked cases across Christmas and Easter in each nation.

Hand-working (day 1 is the day after receipt; weekends and the nation's bank holidays skipped):
- Received Mon 20 Dec 2021, England: 21-24 Dec (4), 27-28 Dec holidays, 29-31 Dec (7),
  3 Jan holiday, 4-7 Jan (11), 10-14 Jan (16), 17-20 Jan (20) -> Thu 20 Jan 2022.
  Scotland also closes on 4 Jan (the 2 January holiday, substituted) -> Fri 21 Jan 2022.
- Received Mon 28 Mar 2022, England: 29 Mar-1 Apr (4), 4-8 Apr (9), 11-14 Apr (13),
  15 Apr Good Friday, 18 Apr Easter Monday, 19-22 Apr (17), 25-27 Apr (20) -> Wed 27 Apr.
  Scotland works Easter Monday, so 18 Apr is day 14 and day 20 is Tue 26 Apr.
"""

from __future__ import annotations

from datetime import date

import pytest

from foicollate.campaign import clock as clk
from foicollate.campaign.clock import ClockEvent, run_clock
from foicollate.errors import CampaignError


@pytest.mark.parametrize(
    ("received", "nation", "due"),
    [
        (date(2021, 12, 20), "England", date(2022, 1, 20)),
        (date(2021, 12, 20), "Scotland", date(2022, 1, 21)),
        (date(2021, 12, 20), "Wales", date(2022, 1, 20)),
        (date(2021, 12, 20), "Northern Ireland", date(2022, 1, 20)),
        (date(2022, 3, 28), "England", date(2022, 4, 27)),
        (date(2022, 3, 28), "Scotland", date(2022, 4, 26)),
        (date(2022, 3, 28), "Wales", date(2022, 4, 27)),
        # NI: St Patrick's Day (Thu 17 Mar) is day 1's candidate and is skipped:
        # 18 Mar (1), 21-25 (6), 28 Mar-1 Apr (11), 4-8 (16), 11-14 (20) -> 14 Apr
        (date(2022, 3, 16), "Northern Ireland", date(2022, 4, 14)),
        (date(2022, 3, 16), "England", date(2022, 4, 13)),
        # no holiday in the way: 20 weekdays
        (date(2022, 6, 6), "England", date(2022, 7, 4)),
    ],
)
def test_due_date(received: date, nation: str, due: date) -> None:
    assert clk.due_date(received, nation) == due


def test_received_on_a_weekend_counts_from_the_next_working_day() -> None:
    # Sat 5 Feb 2022: Mon 7 Feb is day 1, so day 20 is Fri 4 Mar
    assert clk.due_date(date(2022, 2, 5), "England") == date(2022, 3, 4)


def test_working_days_taken_matches_the_due_date() -> None:
    assert clk.working_days_between(date(2021, 12, 20), date(2022, 1, 20), "England") == 20
    assert clk.working_days_between(date(2021, 12, 20), date(2022, 1, 21), "England") == 21
    assert clk.working_days_between(date(2021, 12, 20), date(2022, 1, 21), "Scotland") == 20
    assert clk.working_days_between(date(2022, 1, 10), date(2022, 1, 10), "England") == 0


def test_holidays_are_weekdays_only() -> None:
    # Christmas Day 2021 was a Saturday: the package lists it, the clock must not
    hols = clk.bank_holidays("England", [2021])
    assert date(2021, 12, 25) not in hols
    assert {date(2021, 12, 27), date(2021, 12, 28)} <= hols
    assert all(d.weekday() < 5 for d in clk.bank_holidays("Scotland", [2021, 2022, 2026]))


def test_nation_specific_holidays() -> None:
    assert not clk.is_working_day(date(2021, 11, 30), "Scotland")  # St Andrew's Day
    assert clk.is_working_day(date(2021, 11, 30), "England")
    assert not clk.is_working_day(date(2022, 8, 1), "Scotland")  # Scottish summer holiday
    assert clk.is_working_day(date(2022, 8, 1), "England")
    assert not clk.is_working_day(date(2022, 7, 12), "Northern Ireland")  # Battle of the Boyne


def test_source_of_holidays_is_the_holidays_package() -> None:
    # The `holidays` package lists a Scottish holiday on Mon 15 Jun 2026 that GOV.UK's list
    # lacks; we use the package, so this pins which source the clock follows.
    assert not clk.is_working_day(date(2026, 6, 15), "Scotland")
    assert clk.is_working_day(date(2026, 6, 15), "England")


def test_internal_review_due_is_40_working_days_after_the_reply() -> None:
    # reply Fri 21 Jan 2022 England: 24 Jan is day 1; 8 weeks of weekdays -> Fri 18 Mar
    assert clk.internal_review_due(date(2022, 1, 21), "England") == date(2022, 3, 18)


def test_pause_then_resume_keeps_the_days_used() -> None:
    # England, received 20 Dec 2021; paused on Fri 7 Jan, which is day 11 (21-24 Dec,
    # 29-31 Dec, 4-7 Jan); resumed Mon 17 Jan: 9 days left from 18 Jan: 18-21 (4),
    # 24-28 (9) -> Fri 28 Jan
    c = run_clock(date(2021, 12, 20), "England",
                  [ClockEvent("pause", date(2022, 1, 7)), ClockEvent("resume", date(2022, 1, 17))])
    assert c.used == 11
    assert c.due == date(2022, 1, 28)
    assert c.days_taken(date(2022, 1, 28)) == 20


def test_paused_clock_has_no_due_date() -> None:
    c = run_clock(date(2021, 12, 20), "Scotland", [ClockEvent("pause", date(2022, 1, 5))])
    assert c.paused and c.due is None and c.long_overdue_from is None


def test_restart_counts_twenty_days_from_the_clarification() -> None:
    # Scotland, restarted Mon 10 Jan 2022: 11-14 (4), 17-21 (9), 24-28 (14), 31 Jan-4 Feb (19),
    # 7 Feb (20)
    c = run_clock(date(2021, 12, 20), "Scotland",
                  [ClockEvent("pause", date(2022, 1, 5)), ClockEvent("restart", date(2022, 1, 10))])
    assert not c.paused
    assert c.due == date(2022, 2, 7)


def test_events_apply_in_date_order_whatever_order_they_were_given() -> None:
    events = [ClockEvent("restart", date(2022, 1, 10)), ClockEvent("pause", date(2022, 1, 5))]
    assert run_clock(date(2021, 12, 20), "Scotland", events).due == date(2022, 2, 7)


def test_long_overdue_is_40_working_days() -> None:
    c = run_clock(date(2021, 12, 20), "England", [])
    # 20 more working days after 20 Jan: 21 (21), 24-28 (26), 31-4 (31), 7-11 (36), 14-17 (40)
    assert c.long_overdue_from == date(2022, 2, 17)


@pytest.mark.parametrize("raw", ["scotland", "SCT", "Scottish", " scotland "])
def test_nation_spellings(raw: str) -> None:
    assert clk.normalise_nation(raw) == "Scotland"


def test_unknown_nation_says_what_to_use() -> None:
    with pytest.raises(CampaignError, match="England, Wales, Scotland or Northern Ireland"):
        clk.normalise_nation("Cornwall")
