"""Reading one passage: outcomes and grounds, numbers and their distractors, options."""

from __future__ import annotations

import pytest

from foicollate.extract.numbers import read_number
from foicollate.extract.options import pick_choice, pick_matrix, pick_multi, yes_no
from foicollate.extract.outcome import find_cues
from foicollate.model import Option, Status


@pytest.mark.parametrize(
    ("text", "status", "grounds"),
    [
        ("To locate this would exceed the appropriate limit of £450 (18 hours).", "refused", "s12"),
        ("This information is exempt under section 40(2) of the Act.", "refused", "s40"),
        ("We can neither confirm nor deny whether we hold this, by virtue of section 31(3).", "refused", "s31"),
        ("The contract value is withheld as commercially sensitive.", "refused", "s43"),
        ("This information is not held by the Council.", "not_held", None),
        ("We do not record this data.", "not_held", None),
        ("The information you have requested is not held, under section 17 of the Freedom of Information "
         "(Scotland) Act 2002.", "not_held", None),
        ("The Council does not hold this information and regulation 12(4)(a) applies.", "refused", "r12(4)(a)"),
        ("Please redirect your request to Northshire County Council, which provides this service.",
         "referred", None),
    ],
)
def test_outcome_cues(text: str, status: str, grounds: str | None) -> None:
    cues = find_cues(text, scottish="(Scotland)" in text)
    assert cues and cues[0].status == Status(status)
    assert cues[0].grounds == grounds


def test_referral_names_the_body() -> None:
    cue = find_cues("Therefore, please refer your FOI request to Westshire County Council who will help.")[0]
    assert cue.referred_to == "Westshire County Council"


@pytest.mark.parametrize(
    ("text", "value", "breakdown"),
    [
        ("Adult social care = 1202\nChildrens social care = 502", 1704, [1202, 502]),
        ("Total = 591, 373 are in Family Services and 218 are in Adults and Health", 591, [373, 218]),
        ("2020/21: 120\n2021/22: 98\n2022/23: 143", None, [120, 98, 143]),
        ("We employ 338.5 FTE.", 338.5, None),
        ("None.", 0, None),
        ("There were 45 claims, as at 31 March 2023 (ref FOI-2023-0412, tel 01632 960 123).", 45, None),
    ],
)
def test_numbers(text: str, value: float | None, breakdown: list[float] | None) -> None:
    r = read_number(text)
    assert r is not None
    assert r.value == value
    assert sorted((r.breakdown or {}).values()) == sorted(breakdown or [])


def test_money_only_when_asked() -> None:
    assert read_number("We received 12 claims and paid £4,500 in total.", money=True).value == 4500
    assert read_number("We received 12 claims costing £4,500.").value == 12


@pytest.mark.parametrize(
    ("text", "value"),
    [("Yes – 12 cases.", True), ("No. We do not know.", False),
     ("There have been no incidents recorded in relation to this.", False),
     ("We do not currently use drones.", False)],
)
def test_yes_no(text: str, value: bool) -> None:
    assert yes_no(text)[0] is value


OPTS = [Option("basic", "Basic mobile phone", "a"), Option("smart", "Smartphone", "b"),
        Option("tablet", "Tablet", "c"), Option("laptop", "Laptop computer", "d")]


def test_multi_by_letters_and_synonyms() -> None:
    p = pick_multi("We offer both simple voice phones and smartphones (a, b) and a device (c or d).", OPTS)
    assert p is not None and p.ids == ["basic", "smart", "tablet", "laptop"]
    assert pick_multi("Staff have access to all options above.", OPTS).ids == [o.id for o in OPTS]


def test_choice_quoted_option_at_start() -> None:
    opts = [Option("all", "Yes, we prevent all tasks"), Option("some", "Yes, we prevent some tasks"),
            Option("no", "No")]
    assert pick_choice("Yes, we prevent some tasks – policies apply.", opts).ids == ["some"]


def test_matrix_item_by_item() -> None:
    items = [Option("x", "Bus lanes", "a"), Option("y", "Car parks", "b"), Option("z", "Schools", "c")]
    values, _spans, conf = pick_matrix("a) Yes b) No", items)
    assert values == {"x": True, "y": False, "z": None} and conf > 0
