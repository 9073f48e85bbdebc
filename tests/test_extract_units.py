"""Reading one passage: outcomes and grounds, numbers and their distractors, options."""

from __future__ import annotations

import pytest

from foicollate.extract.bilingual import english_half
from foicollate.extract.numbers import _year_key, question_units, read_number, year_in
from foicollate.extract.options import asked_terms, pick_choice, pick_matrix, pick_multi, yes_no
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
        ("Due to the small numbers involved, the figure is withheld.", "refused", "s40"),
    ],
)
def test_outcome_cues(text: str, status: str, grounds: str | None) -> None:
    cues = find_cues(text, scottish="(Scotland)" in text)
    assert cues and cues[0].status == Status(status)
    assert cues[0].grounds == grounds


def test_a_small_number_described_is_no_refusal() -> None:
    assert find_cues("Three wards still have a small number of shared rooms.") == []


def test_referral_names_the_body() -> None:
    cue = find_cues("Therefore, please refer your FOI request to Westshire County Council who will help.")[0]
    assert cue.referred_to == "Westshire County Council"
    cue = find_cues("This information is held by the Glen Arn Licensing Board, a separate authority.")[0]
    assert (cue.status, cue.referred_to) == (Status.REFERRED, "Glen Arn Licensing Board")


@pytest.mark.parametrize(
    ("text", "value", "breakdown"),
    [
        ("Adult social care = 1202\nChildrens social care = 502", 1704, [1202, 502]),
        ("Total = 591, 373 are in Family Services and 218 are in Adults and Health", 591, [373, 218]),
        ("2020/21: 120\n2021/22: 98\n2022/23: 143", None, [120, 98, 143]),
        ("We employ 338.5 FTE.", 338.5, None),
        ("None.", 0, None),
        ("There were 45 claims, as at 31 March 2023 (ref FOI-2023-0412, tel 01632 960 123).", 45, None),
        # words that open a sentence name no part: the first figure is the answer, not the sum
        ("There were 14 branches in April 2019 and there are 12 today.", 14, None),
        ("The library service employs 186.4 FTE staff (231 people).", 186.4, None),
        # a year with a note after it is still a year: no total
        ("Year        2021    2022    2023 (to 30 September)\nDeployments  403     577     468", None, [403, 577, 468]),
        # "Of the ... two suites ..., 41 were": the opening clause only sets the scene
        ("Of the people brought to our two suites during 2022, 41 were under 18.", 41, None),
        # a later sentence about what the yearly figures include is an aside
        ("2021/22: 611; 2022/23: 702. These figures include 212 claims still open.", None, [611, 702]),
        # a total, an aside ("on 9 sites") and then the parts that make it up
        ("We provide 350 plots on 9 sites, made up of 260 full plots and 90 half plots.", 350, [260, 90]),
        ("In total 1,130 homes were void. Of these, 910 were general needs homes and 220 were sheltered.",
         1130, [910, 220]),
        # parts that add up only with a figure from two sentences on are no breakdown
        ("We hold 120 records in 4 stores. They date from 1990. Staff review them. 70 were opened and 50 closed.",
         120, None),
        # two decimals make a figure, not a time of day
        # the year of the first figure comes just before the second, after an aside
        ("We arranged 19 funerals under section 87 of the 1948 Act in 2021/22, 24 in 2022/23 and 22 in 2023/24.",
         None, [19, 24, 22]),
        # "respectively" after a list that follows other figures; the total said before it
        ("We hold 212 buildings, 38 of which are tall. A total of 333 audits were done (96, 104 and 133 in "
         "2021/22, 2022/23 and 2023/24 respectively).", 333, [96, 104, 133]),
        ("Our officers worked 12.50 FTE in 2023.", 12.5, None),
        # "X of our Y": the whole the figure is part of is no part to add
        ("At 31 March 2023, 15,880 of our 17,204 street lights had been converted to LED.", 15880, None),
        # small totals whose parts the reply says make them up, in words or figures
        ("Seven: five libraries (Ash, Elm, Oak, Yew and Bay) and two mobile libraries.", 7, [5, 2]),
        ("6 in total, of which 2 closed permanently and 4 closed temporarily", 6, [2, 4]),
        ("The 9 open sites comprise five depots and four yards.", 9, [5, 4]),
    ],
)
def test_numbers(text: str, value: float | None, breakdown: list[float] | None) -> None:
    r = read_number(text)
    assert r is not None
    assert r.value == value
    assert sorted((r.breakdown or {}).values()) == sorted(breakdown or [])


def test_a_figure_after_in_total_of_which_is_a_part_not_the_total() -> None:
    r = read_number("There are 520 plots in total, of which 401 are on the 12 council sites and 119 are on leased sites.")
    assert r is not None and r.value == 520


_BY_YEAR_FY = "How much did you spend in each of 2021/22, 2022/23 and 2023/24?"
_BY_YEAR = "How many were there in each of the financial years 2021/22, 2022/23 and 2023/24?"


@pytest.mark.parametrize(("text", "breakdown"), [
    # each year beside its own figure, in words, with a distractor figure in the same sentence
    ("In 2021/22 we recorded 412 cases across our 3,050 properties, rising to 468 in 2022/23 and falling to "
     "431 in 2023/24.", {"2021/22": 412, "2022/23": 468, "2023/24": 431}),
    # "none in X or Y": a list of years takes the one figure
    ("The service reported two incidents to the regulator in 2022/23, both involving phishing emails that led "
     "to a mailbox being compromised, and none in 2021/22 or 2023/24.", {"2021/22": 0, "2022/23": 2, "2023/24": 0}),
    # a reply by calendar year to a question by financial year: its own years
    ("Our figures are by calendar year. In 2021 there were 1,204 falls across our 1,050 beds, rising to 1,317 "
     "in 2022 before falling to 1,289 in 2023.", {"2021": 1204, "2022": 1317, "2023": 1289}),
    # the same figure every year
    ("Seven in each of the three years.", {"2021/22": 7, "2022/23": 7, "2023/24": 7}),
])
def test_year_by_year_in_words(text: str, breakdown: dict[str, float]) -> None:
    r = read_number(text, question=_BY_YEAR)
    assert r is not None and r.breakdown == breakdown


def test_a_year_not_given_is_no_year_by_year_answer() -> None:
    r = read_number("There were 412 cases in 2022/23; we cannot give earlier years.", question=_BY_YEAR)
    assert r is not None and r.breakdown is None and r.value == 412


def test_years_in_words_figures_before_or_after_their_years() -> None:
    # "nothing in 2021/22": the figure before a year written after "in", not the nearer one after it
    r = read_number("The trust spent nothing on agency porters in 2021/22, £31,200 in 2022/23 and £40,050 in "
                    "2023/24 - a total of £71,250.", money=True, question=_BY_YEAR_FY)
    assert r is not None and r.breakdown == {"2021/22": 0, "2022/23": 31200, "2023/24": 40050}
    # "2021/22: £0, 2022/23: ...": years that label what follows take the figure after them
    r = read_number("Spend was as follows. 2021/22: £0, 2022/23: £9,400, 2023/24: £12,000.", money=True,
                    question=_BY_YEAR_FY)
    assert r is not None and r.breakdown == {"2021/22": 0, "2022/23": 9400, "2023/24": 12000}


def test_a_year_then_its_figure_is_no_year_range() -> None:
    # "2021 - 96": a year and its figure, not the range "2021-96"
    assert [_year_key(y) for y in year_in("2021 - 96, 2022 - 104")] == ["2021", "2022"]
    assert [_year_key(y) for y in year_in("in 2021-22 and 2022/2023")] == ["2021/22", "2022/23"]
    # nor is it a split year to blank out of the figures: each calendar year keeps its figure
    r = read_number("Interments by year: 2021 - 96, 2022 - 104, 2023 - 131.",
                    question="How many interments were there in each of 2021, 2022 and 2023?")
    assert r is not None and r.breakdown == {"2021": 96, "2022": 104, "2023": 131}


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


def test_matrix_option_words_shared_with_the_question_tell_nothing() -> None:
    items = [Option("ehcp", "Pupils with an education, health and care plan"),
             Option("fsm", "Pupils eligible for free school meals"), Option("cla", "Children looked after")]
    question = "For each of the following groups of pupils, do you monitor exclusion rates in each school?"
    from foicollate.extract.options import asked_terms
    values, _spans, _conf = pick_matrix("Only for children looked after, through the Virtual School.", items,
                                        asked_terms(question))
    assert values == {"ehcp": False, "fsm": False, "cla": True}


def test_stems_meet_across_word_forms() -> None:
    items = [Option("redecorated", "All rooms redecorated before letting"),
             Option("safety", "Gas and electrical safety checks completed")]
    values, _spans, _conf = pick_matrix("We do not redecorate. Gas and electrical safety checks are always done.", items)
    assert values == {"redecorated": False, "safety": True}


@pytest.mark.parametrize(
    ("text", "english"),
    [("Tua 60 / Around 60", "Around 60"),
     ("- HVO: Na / No", "- HVO: No"),
     ("32, yn ein pedwar depo / across our four depots.", "32, across our four depots."),
     ("Wi-Fi am ddim / free Wi-Fi – Ie / Yes; benthyg dyfeisiau / device lending – Na / No",
      "free Wi-Fi – Yes; device lending – No"),
     ("Yes / No", "Yes / No"),  # no Welsh: left alone
     ("2020/21 – 3,115 (cyfanswm / total 9,437)", "2020/21 – 3,115 ( total 9,437)")],
)
def test_welsh_half_of_a_bilingual_line_is_blanked(text: str, english: str) -> None:
    out = english_half(text)
    assert len(out) == len(text)  # offsets kept
    assert " ".join(out.split()) == " ".join(english.split())


def test_welsh_and_english_figures_are_not_added_up() -> None:
    r = read_number(english_half("Adroddiadau namau 2023/24 / Fault reports 2023/24\nTua 60 / Around 60"))
    assert r is not None and r.value == 60


def test_matrix_run_of_yes_and_no_goes_by_position() -> None:
    items = [Option("a", "A roads"), Option("b", "B roads"), Option("c", "Cycle paths")]
    assert pick_matrix("Yes / Yes / No", items)[0] == {"a": True, "b": True, "c": False}
    assert pick_matrix("Yes; No", items)[2] < 0.8  # two for three items: not read by position


@pytest.mark.parametrize(
    ("text", "breakdown"),
    [
        # a hard-wrapped line puts "in 2021/22" under its figure; a later sentence's year is an aside
        ("Revenue spend was £6,104,220 in 2020/21, £4,873,900\nin 2021/22 and £7,012,655 in 2022/23. These "
         "figures exclude capital spend of\n£1.2 million in 2021/22 on eight gritters.",
         {"2020/21": 6104220, "2021/22": 4873900, "2022/23": 7012655}),
        ("In 2020 there were 612 detentions. In 2021 the figure was 655.", {"2020": 612, "2021": 655}),
        ("The force carried out 2,311 stop and searches in 2021, 2,087 in 2022 and 2,540 in 2023.",
         {"2021": 2311, "2022": 2087, "2023": 2540}),
        ("Salt use was 9,420 tonnes in winter 2020/21, 6,118 tonnes in 2021/22 and 10,877 tonnes in 2022/23. "
         "On 1 October 2023 we held 6,200 tonnes at our depot.",
         {"2020/21": 9420, "2021/22": 6118, "2022/23": 10877}),
    ],
)
def test_years_named_after_their_figures_in_prose(text: str, breakdown: dict[str, int]) -> None:
    r = read_number(text, money="£" in text)
    assert r is not None and r.value is None and r.breakdown == breakdown


def test_matrix_items_by_their_labels_in_prose() -> None:
    items = [Option("protocol", "A written protocol agreed with the local NHS trust"),
             Option("training", "Mental health awareness training for frontline officers"),
             Option("lead", "A dedicated mental health lead"),
             Option("ambulance", "An agreement with the ambulance service on conveyance")]
    values, _spans, _conf = pick_matrix("We have items (i) and (iii) in place, but not item (ii). The agreement "
                                        "with the ambulance service has not yet been completed.", items)
    assert values == {"protocol": True, "training": False, "lead": True, "ambulance": False}


def test_matrix_yes_to_all_other_than_one() -> None:
    items = [Option("teens", "16 and 17 year olds"), Option("leavers", "Care leavers aged under 21"),
             Option("pregnant", "Pregnant women with no other children")]
    values, _spans, _conf = pick_matrix("Yes to all, other than 16 and 17 year olds, who are accommodated by "
                                        "Children's Services rather than in B&B.", items)
    assert values == {"teens": False, "leavers": True, "pregnant": True}


def test_matrix_item_takes_the_clause_that_names_it_most() -> None:
    items = [Option("wifi", "free public Wi-Fi"), Option("benefits", "help with online benefit claims")]
    values, _spans, _conf = pick_matrix('Free Wi-Fi is in all libraries. We lend laptops through the "Get '
                                        'Online" scheme. We do not provide help with online benefit claims.',
                                        items)
    assert values == {"wifi": True, "benefits": False}


def test_the_one_year_asked_among_years_given() -> None:
    text = "In 2022/23 the Council issued 3,412 summonses, compared with 3,100 in 2021/22."
    r = read_number(text, question="How many summonses did you issue in 2022/23?")
    assert r is not None and r.value == 3412 and r.breakdown is None
    r = read_number(text, question="How many summonses did you issue in each year since 2021/22?")
    assert r is not None and r.value is None and r.breakdown == {"2022/23": 3412, "2021/22": 3100}


def test_years_in_brackets_after_their_figures() -> None:
    r = read_number("At 1 April: 640 (2021), 705 (2022), 731 (2023)")
    assert r is not None and r.value is None and r.breakdown == {"2021": 640, "2022": 705, "2023": 731}


def test_a_table_or_annex_number_is_no_answer() -> None:
    assert read_number("Please see Table 1 at the end of this letter, which sets out income by year.") is None
    assert read_number("The figures are in Annex 2; in total 45 cases.").value == 45


def test_a_referral_sends_the_request_on_or_only_advises() -> None:
    nh, told = find_cues("We do not hold this information. Libraries here are all run by Westshire County Council.")
    assert (nh.status, told.status, told.referred_to) == (Status.NOT_HELD, Status.REFERRED, "Westshire County Council")
    assert not told.instruct and not told.advice  # a fact about who runs it: with "not held", not held
    sent = find_cues("Please redirect your request to Westshire County Council.")[0]
    assert sent.instruct and not sent.advice
    # contact details after advice stay advice: the next sentence names no body of its own
    advice, more = find_cues("You may wish to contact Northshire County Council, which may hold it. "
                             "Its Information Governance Team will be able to help.")
    assert advice.advice and more.advice and more.referred_to == "Northshire County Council"
    more = find_cues("Northshire County Council holds this. Its team will be able to help.")[-1]
    assert not more.advice


def test_the_body_holding_the_information_itself_is_no_referral() -> None:
    assert find_cues("The Trust holds this information. Please see the table below.") == []
    assert find_cues("Eastmoor District Council holds this information.")[0].status == Status.REFERRED


@pytest.mark.parametrize(
    ("text", "question", "value", "breakdown"),
    [
        ("The objective was exceeded at 31, 24 and 19 locations in 2020, 2021 and 2022 respectively.", "",
         None, {"2020": 31, "2021": 24, "2022": 19}),
        # the years only in the question: each figure takes the year in the same place
        ("In the three years you asked about, we arranged 38, 45 and 51 funerals respectively.",
         "How many funerals did you arrange in each of 2021/22, 2022/23 and 2023/24?",
         None, {"2021/22": 38, "2022/23": 45, "2023/24": 51}),
        ("In 2020/21, 2021/22 and 2022/23 there were 4, 6 and 3 incidents respectively (13 in total).", "",
         13, {"2020/21": 4, "2021/22": 6, "2022/23": 3}),
        ("2021/22 £38,410 / 2022/23 £41,985 / 2023/24 £44,120", "",
         None, {"2021/22": 38410, "2022/23": 41985, "2023/24": 44120}),
    ],
)
def test_figures_paired_with_years_respectively(text: str, question: str, value: float | None,
                                                breakdown: dict[str, int]) -> None:
    r = read_number(text, money="£" in text, question=question)
    assert r is not None and r.value == value and r.breakdown == breakdown


def test_table_row_named_by_the_question_under_a_header_of_dates() -> None:
    text = ("| Date | 01/04/2021 | 01/04/2022 | 01/04/2023 |\n| Plots let | 776 | 779 | 782 |\n"
            "| People on waiting list | 2,104 | 2,388 | 2,517 |\n")
    r = read_number(text, question="How many people were on the waiting list on 1 April in each of 2021 and 2022?")
    assert r is not None and r.value is None
    assert r.breakdown == {"01/04/2021": 2104, "01/04/2022": 2388, "01/04/2023": 2517}


@pytest.mark.parametrize(("text", "picked"), [
    ("The Board runs its own Staff Bank Office within the Workforce Directorate.", "in_house"),
    ("Our car parks are managed on our behalf by Civic Parking Ltd under a management contract.", "contractor"),
    ("A combination of our own technical officers and two specialist contractors.", "mixed"),
])
def test_choice_of_who_does_the_work_in_own_words(text: str, picked: str) -> None:
    options = [Option("in_house", "An in-house team employed by the organisation"),
               Option("contractor", "A private contractor acting on your behalf"),
               Option("mixed", "A mix of in-house staff and contractors"),
               Option("none", "We do not provide this service")]
    got = pick_choice(text, options)
    assert got is not None and got.ids == [picked]


def test_two_decimal_figures_are_not_times() -> None:
    assert read_number("4.15%", percent=True).value == 4.15  # type: ignore[union-attr]
    assert read_number("The office opens at 9.30 and 45 calls were taken.").value == 45  # type: ignore[union-attr]


NET_ZERO = [Option("early", "2030 or earlier", "a"), Option("mid", "2031 to 2040", "b"),
            Option("late", "2041 to 2050", "c"), Option("none", "the Fund has not set a net zero target", "d")]


@pytest.mark.parametrize(
    ("text", "picked"),
    [
        # a year in brackets names a document, not the answer
        ("The Fund's Investment Strategy Statement (2022) sets a target of net zero by 2036.", "mid"),
        # the one option that says "not", denied in other words
        ("A target was discussed in March 2023. A formal target date has not yet been set.", "none"),
    ],
)
def test_choice_by_range_and_by_denial(text: str, picked: str) -> None:
    p = pick_choice(text, NET_ZERO, frozenset({"year", "fund", "net", "zero", "reach"}))
    assert p is not None and p.ids == [picked]


def test_year_items_after_a_tab_and_rows_under_a_header_given_elsewhere() -> None:
    # a header cell and then "2021/22 £…" items after a tab: each item is its year's
    r = read_number("Book fund 2021/22 to 2023/24\t2021/22 £604,118.00; 2022/23 £587,430.00; 2023/24 £559,902.50",
                    money=True)
    assert r is not None and r.value is None and sorted(r.breakdown.values()) == [559902.5, 587430, 604118]  # type: ignore[union-attr]
    # rows under a header given elsewhere: the row asked about (else the first), not the last figures
    rows = "Stop and searches | 3,406 | 3,118 | 3,592\nResulting in arrest | 611 | 540 | see below"
    r = read_number(rows, columns=["2021", "2022", "2023"], question="How many stop and searches were there?")
    assert r is not None and sorted(r.breakdown.values()) == [3118, 3406, 3592]  # type: ignore[union-attr]
    # two rows both asked about: their Total row
    table = ("Format          2021       2022\nE-books        151,206    160,943\nE-audiobooks    88,410     97,302\n"
             "Total          239,616    258,245")
    r = read_number(table, question="How many e-book and e-audiobook loans were there in 2021 and 2022?")
    assert r is not None and sorted(r.breakdown.values()) == [239616, 258245]  # type: ignore[union-attr]


def test_a_later_sentences_figure_is_an_aside_not_a_part() -> None:
    """'41 electric vehicles. Of the pool cars, 6 are hybrids.': the answer opens the passage."""
    r = read_number("41 electric vehicles are in the fleet. Of the pool cars, 6 are plug-in hybrids.")
    assert r is not None and (r.value, r.breakdown) == (41, None)
    # labelled parts, each its own sentence, still add up
    r = read_number("Police officers: 14,102 days. Police staff: 9,870 days.",
                    units=question_units("How many working days were lost to sickness?"))
    assert r is not None and r.value == 23972 and r.breakdown == {"Police officers": 14102, "Police staff": 9870}


def test_a_year_table_copied_out_one_cell_a_line() -> None:
    """'Financial year / Claims / 2020/21 / 45 / ... / 2022/23* / 61' and a footnote: one figure a year."""
    text = "Financial year\nNumber of claims\n2020/21\n45\n2021/22\n52\n2022/23*\n61\n* provisional figure"
    r = read_number(text, question="How many claims were received in each of 2020/21, 2021/22 and 2022/23?")
    assert r is not None and r.value is None
    assert r.breakdown is not None and list(r.breakdown.values()) == [45, 52, 61]


def test_an_amount_that_is_the_only_figure_is_the_answer() -> None:
    """'The fee is £1,450 per licence.' for a question not worded as money: the amount is still read."""
    r = read_number("The fee is £1,450 per licence.")
    assert r is not None and r.value == 1450 and r.confidence < 0.85
    # beside a count, an amount is still a distractor
    r = read_number("We received 12 claims costing £4,500.")
    assert r is not None and r.value == 12


PEST_SERVICE = [Option("own", "Council pest control officers", "a"), Option("contract", "An external contractor", "b"),
                Option("none", "No pest control service is offered", "c")]


@pytest.mark.parametrize(
    ("text", "picked"),
    [
        # the option is named in a later sentence, after an account that names none
        ("Treatments for rats and mice are booked through the contact centre. Since April 2022 this has been "
         "done by Vermex Ltd, a contractor that is external to us.", "contract"),
        # a later sentence that denies an option does not pick it
        ("Treatments are booked online. We have not used an external contractor since 2019; bookings are "
         "handled by Council officers.", "own"),
    ],
)
def test_choice_named_further_into_the_answer(text: str, picked: str) -> None:
    p = pick_choice(text, PEST_SERVICE, frozenset({"pest", "control", "servic", "provid"}))
    assert p is not None and p.ids == [picked]


BINS = [Option("residual", "Residual waste", "a"), Option("dmr", "Mixed recycling", "b"),
        Option("food", "Food waste", "c"), Option("garden", "Garden waste", "d")]


def test_multi_some_options_by_letter_and_more_by_name() -> None:
    # a letter in passing names one option; the others are named in words
    p = pick_multi("We collect residual waste and mixed recycling fortnightly, plus food waste (option c) weekly.", BINS)
    assert p is not None and p.ids == ["residual", "dmr", "food"]
    # letters that open the answer say it; the words after them only explain
    p = pick_multi("C and D. Food waste goes to anaerobic digestion and garden waste is composted, unlike residual "
                   "waste.", BINS)
    assert p is not None and p.ids == ["food", "garden"]


@pytest.mark.parametrize(
    ("question", "money"),
    [
        ("What is the current average wait in weeks?", False),  # "rent" inside "current"
        ("What share of patients were discharged within 24 hours?", False),  # "charge" inside "discharged"
        ("What is the longest time a defined case stayed open?", False),  # "fine" inside "defined"
        ("What were the charges for a rat treatment?", True),
        ("How much was spent on agency staff?", True),
        ("What was the £ value of fines issued?", True),
    ],
)
def test_a_money_question_is_told_by_whole_words(question: str, money: bool) -> None:
    from foicollate.extract import _asks_money

    assert _asks_money(question) is money


SUPPLY = [Option("council_operated", "owned and operated by the council"),
          Option("contractor_operated", "owned by the council and operated by a contractor"),
          Option("concession", "concession (the operator funds, owns and runs the charge points)"),
          Option("joint_venture", "a joint venture with a private operator")]


def test_option_inside_another_quoted_option_is_not_named() -> None:
    """"Owned by the council and operated by a contractor" quotes one option; the words of "owned and operated by
    the council" lie inside it and name nothing more."""
    got = pick_multi("Owned by the Council and operated by a contractor.", SUPPLY)
    assert got is not None and got.ids == ["contractor_operated"]
    pay = [Option("earnings", "Attachment of earnings"), Option("benefits", "Attachment of benefits")]
    got = pick_multi("We used attachment of earnings and, for residents on benefits, deductions.", pay)
    assert got is not None and got.ids == ["earnings", "benefits"]


def test_letter_said_to_be_the_only_one() -> None:
    got = pick_multi("Option (b) only: the points are run by our contractor. A joint venture, option (d), is being "
                     "procured but no contract has been awarded.", SUPPLY)
    assert got is not None and got.ids == ["contractor_operated"]


SUPPORT = [Option("outreach", "An inclusion or behaviour outreach team", "a"),
           Option("moves", "A managed moves protocol", "b"),
           Option("units", "Funding for in-school inclusion units", "c"),
           Option("partners", "Joint work with the Gambling Commission", "d"),
           Option("ratings", "Regulator ratings (CQC, Care Inspectorate or CIW)", "e"),
           Option("pam", "Privileged access management (PAM)", "f")]


@pytest.mark.parametrize(("text", "ids"), [
    # two words no other option uses, though its first word names another option too
    ("Outreach team; managed moves.", ["outreach", "moves"]),
    # an option's initials, in capitals, and the examples in its brackets
    ("We work with the GC on test purchasing.", ["partners"]),
    ("We use Care Inspectorate grades.", ["ratings"]),
    ("Managed moves – yes. PAM – no, planned for 2025.", ["moves"]),
    # a sentence wrapped across lines keeps its "not"
    ("We have a managed moves protocol. We do not\nfund inclusion units in schools.", ["moves"]),
    # "X only." first: the options that sentence names, not those mentioned after it
    ("Managed moves only. Inclusion units in schools were funded by the academies.", ["moves"]),
    # lower-case "gc" is no acronym
    ("A managed moves protocol, plus gc checks.", ["moves"]),
])
def test_multi_by_other_names(text: str, ids: list[str]) -> None:
    picked = pick_multi(text, SUPPORT, frozenset())
    assert picked is not None and picked.ids == ids


@pytest.mark.parametrize(("text", "breakdown"), [
    # a table copied out one cell a line, headed by its columns: the amounts column for an amount
    ("Spend by year\nFinancial year\nBookings\nSpend (£)\n2021/22\n1,234\n£45,678\n2022/23\n1,456\n£56,789\n"
     "2023/24*\n1,678\n£67,890\n* 2023/24 provisional", [45678, 56789, 67890]),
    # year and figure lines in turn with no header, a footnote below
    ("Flights\n2021/22\n1,234\n2022/23\n1,456\n2023/24*\n1,678\n*2023/24 covers 1 April 2023 to 29 February 2024",
     [1234, 1456, 1678]),
    # a bracket after the last year's figure is an aside, not a fourth part
    ("- 2021/22: £1,234,567\n- 2022/23: £1,345,678\n- 2023/24: £1,456,789 (including £12,345 for BSL)",
     [1234567, 1345678, 1456789]),
])
def test_figures_by_year_in_lists_copied_from_tables(text: str, breakdown: list[float]) -> None:
    r = read_number(text, money="£" in text,
                    question="How much did you spend in each of the financial years 2021/22, 2022/23 and 2023/24?")
    assert r is not None and r.value is None
    assert list((r.breakdown or {}).values()) == breakdown


def test_a_one_column_web_table_is_a_list_of_lines() -> None:
    from foicollate.ingest.html import html_to_text

    rows = "".join(f"<tr><td>{c}</td></tr>" for c in ("Financial year", "Spend", "2021/22", "£1,234", "2022/23", "£2,345"))
    page = (f"<html><body><main><h1>Response</h1><p>1. How much did you spend on agency staff in each year?</p>"
            f"<table>{rows}</table><p>2. Which years?</p><table><tr><td>Year</td><td>Spend</td></tr></table></main></body></html>")
    text = html_to_text(page)
    assert "2021/22\n£1,234\n2022/23" in text
    assert "| Year | Spend |" in text  # a table of two columns keeps its bars


def test_year_dash_figure_pairs_are_not_year_ranges() -> None:
    r = read_number("Under 18: 2021 - 9,812; 2022 - 10,306; 2023 - 10,977. This gives a total of 31,095 over the "
                    "three years.", question="How many reports in each of the calendar years 2021, 2022 and 2023?")
    assert r is not None and r.value == 31095 and r.breakdown == {"2021": 9812, "2022": 10306, "2023": 10977}


def test_a_year_restated_in_a_note_under_a_year_table_is_not_another_part() -> None:
    text = ("1. The number of missing person reports for children aged under 18 recorded on the force's missing "
            "persons system (COMPACT) for each calendar year is shown below.\nYear\tReports\n2021\t2,914\n2022\t3,206\n2023\t3,388\nTotal\t9,508\n"
            "Please note that a single child may be the subject of several reports; in 2023 the 3,388 reports related "
            "to 1,052 individual children.")
    r = read_number(text, question="How many reports in each of the calendar years 2021, 2022 and 2023?")
    assert r is not None and r.value == 9508 and r.breakdown == {"2021": 2914, "2022": 3206, "2023": 3388}


def test_a_table_cut_by_a_page_break_keeps_its_rows_and_dates_do_not_add_up() -> None:
    from foicollate.extract.numbers import unflatten_cells
    text = ("The figures are in the table below.\nDate\nSites open\nPeople waiting\n"
            "1 March 2021\n4\n120\n1 March 2022\n5\n133\nDate\nSites open\nPeople waiting\n1 March 2023\n6\n151\n")
    r = read_number(unflatten_cells(text), question="How many people are waiting for a plot?")
    assert r is not None
    assert r.value is None  # (counts at three dates are not one total)
    assert r.breakdown == {"1 March 2021": 120, "1 March 2022": 133, "1 March 2023": 151}


def test_a_clause_leading_to_a_figure_is_no_breakdown_label() -> None:
    # "The Council's register shows 14 ..., and 3 ... were licensed": two kinds of premises, not two parts of
    # one total labelled by the sentence's own opening words
    r = read_number("The Council's register shows 14 betting shops, and 3 adult gaming centres were licensed.")
    assert r is not None
    assert r.value == 14 and r.breakdown is None
    assert r.confidence < 0.7  # the reader was unsure: a person should look


@pytest.mark.parametrize(("text", "value"), [
    ("The council has only one depot.", 1),  # a count
    ("The only one we still run is at Hale Road, with 4 bays.", 4),  # a pronoun: the count is elsewhere
    ("Only one of our 5 depots opens at weekends.", 5),
])
def test_only_one_before_a_noun_is_a_count(text: str, value: float) -> None:
    r = read_number(text, question="How many depots does the council run?")
    assert r is not None and r.value == value


@pytest.mark.parametrize(("text", "money", "question", "value", "parts"), [
    ("Of these, 1,305 are lamp-column slow chargers (about 92%), 94 are fast chargers and 13 are rapid chargers.",
     False, "How many are slow, fast and rapid?", 1412, [13, 94, 1305]),
    ("All 48 of our maintained primary schools and 3 of our 5 maintained secondary schools ran a club. "
     "The borough's 9 academies are not included.", False, "How many schools ran a breakfast club?", 51, [3, 48]),
    ("£395,000 from the On-street Residential Chargepoint Scheme and £126,400 from the LEVI pilot fund.", True,
     "How much did the council spend on installing charge points?", 521400, [126400, 395000]),
    ("The Fund held £3,200,000 in fossil fuel companies directly and £24,750,000 through pooled funds.", True,
     "What was the value of investments? Please split between holdings held directly and through pooled funds.",
     27950000, [3200000, 24750000]),
    # no parts: the things counted share no word and the question asks of only one of them
    ("We have 12 officers and 3 vehicles.", False, "How many enforcement officers do you employ?", 12, None),
    # no parts: the first figure's sentence goes on with a comparison
    ("We issued 310 notices, and 280 were paid compared with 301 notices last year.", False,
     "How many notices did you issue?", 310, None),
])
def test_figures_joined_by_and_are_the_parts_of_the_answer(text: str, money: bool, question: str, value: float,
                                                          parts: list[float] | None) -> None:
    r = read_number(text, money=money, question=question)
    assert r is not None and r.value == value
    assert (sorted(r.breakdown.values()) if r.breakdown else None) == parts


def test_a_word_that_starts_like_a_unit_is_no_unit() -> None:
    """ "1 secondary school" is a count ("second" is a unit only as a whole word), and "43 schools in total" is
    the total of the parts before it."""
    r = read_number("42 primary schools and 1 secondary school ran a breakfast club, 43 schools in total.",
                    question="How many schools ran a breakfast club?")
    assert r is not None and r.value == 43
    assert r.breakdown is not None and sorted(r.breakdown.values()) == [1, 42]
    r = read_number("3 ambulances were held for over an hour.", question="How many ambulances were held?")
    assert r is not None and r.value == 3
    r = read_number("The average wait was 95 seconds.", question="How many ambulances were held?")
    assert r is None or r.value != 95


def test_a_response_line_of_numbers_under_the_restated_options_picks_them() -> None:
    opts = [Option("elearning", "Annual e-learning module"), Option("phishing", "Phishing simulation exercises"),
            Option("classroom", "Face-to-face or classroom training"), Option("members", "Training for elected members")]
    text = ("Mandatory training\n1. Annual e-learning module\n2. Phishing simulation exercises\n"
            "3. Face-to-face or classroom training\n4. Training for elected members\nResponse: 1, 2 and 4.")
    got = pick_multi(text, opts)
    assert got is not None and got.ids == ["elearning", "phishing", "members"]


@pytest.mark.parametrize(("text", "left_out"), [("All except F.", {"f"}), ("All, except E and F.", {"e", "f"})])
def test_all_except_a_letter_leaves_that_option_out(text: str, left_out: set[str]) -> None:
    opts = [Option(x, f"Option {x}") for x in "abcdef"]
    got = pick_multi(text, opts)
    assert got is not None and set(got.ids) == set("abcdef") - left_out


@pytest.mark.parametrize(("text", "expected"), [
    ("All five are available to staff.", {"a": True, "b": True, "c": True, "d": True, "e": True}),
    ("Ydym, i bob un.", {"a": True, "b": True, "c": True, "d": True, "e": True}),
    ("Every one of the five is in place.", {"a": True, "b": True, "c": True, "d": True, "e": True}),
    # a count that is not the number of items is about something else
    ("All 12 of our libraries offer it. Item a: no.", {"a": False, "b": None, "c": None, "d": None, "e": None}),
    ("All three are available to staff.", {"a": None, "b": None, "c": None, "d": None, "e": None}),
])
def test_all_counted_answers_every_item_when_the_count_is_the_number_of_items(
        text: str, expected: dict[str, bool | None]) -> None:
    items = [Option(x, f"Service {x}", x) for x in "abcde"]
    values, _, _ = pick_matrix(text, items)
    assert values == expected


def test_parts_after_of_which_pass_over_one_aside_between_them() -> None:
    r = read_number("There are 782 plots in total, of which 641 are on the 29 sites managed by the council and "
                    "141 are on the two sites leased to the federation.")
    assert r is not None and r.value == 782
    assert r.breakdown is not None and sorted(r.breakdown.values()) == [141, 641]
    # without "of which" the figures are not said to be parts, so no aside is passed over
    r = read_number("There are 782 plots in total. 641 are on the 29 sites managed by the council and 141 are "
                    "on the two sites leased to the federation.")
    assert r is None or not r.breakdown or sorted(r.breakdown.values()) != [141, 641]


VOIDS = [Option("all_own", "All works are carried out by our in-house workforce", "a"),
         Option("most_own", "Mostly in-house, with contractors used for some works", "b"),
         Option("most_paid", "Mostly contractors, with some works done in-house", "c"),
         Option("all_paid", "All works are carried out by external contractors", "d"),
         Option("mixed", "Mixed (more than one of the above)", "e")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Our works are mostly carried out by the Council's own Repairs team, with specialist contractors brought "
     "in for asbestos removal.", "most_own"),
    ("Most works are carried out by local contractors appointed through our framework; the Council's own "
     "Building Services team carries out safety checks.", "most_paid"),
    ("All works are done by Kestrel Homes' own Repairs Service. We do not use external contractors.", "all_own"),
])
def test_mostly_says_which_of_in_house_and_contractors_does_most(text: str, expected: str) -> None:
    got = pick_choice(text, VOIDS[:4])
    assert got is not None and got.ids == [expected]


def test_a_body_that_runs_some_sites_itself_and_pays_for_others_is_mixed() -> None:
    got = pick_choice("Eight of the 11 sites are operated by a private company under contract; the remaining "
                      "three are run by the Council's own Community Services team.", VOIDS[3:])
    assert got is not None and got.ids == ["mixed"]


def test_an_option_named_outright_beats_a_kind_of_provider() -> None:
    opts = [Option("roadcast", "RoadCast Weather Services", "a"), Option("own", "an in-house forecaster", "b")]
    got = pick_choice("Gritting is carried out by the Council's own Highway Operations team, using forecasts "
                      "supplied by RoadCast Weather Services.", opts)
    assert got is not None and got.ids == ["roadcast"]


def test_a_small_total_before_a_colon_and_its_parts_with_an_aside_in_brackets() -> None:
    r = read_number("The service employs 2.6 WTE in road safety education roles: a 1.0 WTE co-ordinator and "
                    "1.6 WTE instructors (two posts at 0.8 WTE).")
    assert r is not None and r.value == 2.6
    assert r.breakdown is not None and sorted(r.breakdown.values()) == [1.0, 1.6]


def test_items_named_short_each_with_its_verdict_on_one_line() -> None:
    items = [Option("wifi", "Free public Wi-Fi"), Option("pcs", "Public computers with printing"),
             Option("emags", "E-magazines and e-newspapers"), Option("history", "Online family history databases"),
             Option("loans", "Laptop or tablet loans")]
    values, _, _ = pick_matrix("Wi-Fi yes, PCs yes, e-mags yes, family history yes, laptops no", items)
    assert values == {"wifi": True, "pcs": True, "emags": True, "history": True, "loans": False}


def test_a_total_row_under_years_across_gives_the_figures_year_by_year() -> None:
    text = ("Spend is recorded under two cost codes.\nCost code\t2020/21\t2021/22\n"
            "Devices\t£38,400\t£12,900\nLicences\t£74,210\t£79,830\nTotal\t£112,610\t£92,730\n")
    r = read_number(text, money=True)
    assert r is not None and r.value is None
    assert r.breakdown == {"2020/21": 112610, "2021/22": 92730}


def test_in_house_written_as_two_words_is_in_house() -> None:
    opts = [Option("own", "In-house (run directly by the council)"), Option("trust", "Leisure trust"),
            Option("paid", "Private contractor")]
    got = pick_choice("In house", opts)
    assert got is not None and got.ids == ["own"]


@pytest.mark.parametrize(("text", "value"), [
    ("c.1,100", 1100),
    ("ca. 45 pupils", 45),
    ("Dim.", 0),
    ("We have not used any glyphosate since 2019.", 0),
    ("The council has not purchased any such herbicide.", 0),
    ("No homes have been sold under the Right to Buy in these years.", 0),
    ("No penalty notices have yet been issued.", 0),
])
def test_circa_welsh_none_and_nothing_of_the_kind(text: str, value: float) -> None:
    r = read_number(text)
    assert r is not None and r.value == value


@pytest.mark.parametrize("text", ["We have not used any information of that kind.",
                                  "No records have been kept of this."])
def test_no_information_is_no_zero(text: str) -> None:
    r = read_number(text)
    assert r is None or r.value is None


def test_bare_option_numbers_under_a_heading_are_the_answer() -> None:
    opts = [Option(x, f"Training {x}", str(n)) for n, x in enumerate("wxyz", start=1)]
    got = pick_multi("Mandatory training\n1, 2 and 4.", opts)
    assert got is not None and got.ids == ["w", "x", "z"]


@pytest.mark.parametrize(("text", "value"), [
    ("Breakfast clubs ran in sixty-two of our 71 maintained schools.", 62),
    ("Twenty one schools ran a club.", 21),
])
def test_compound_number_words(text: str, value: float) -> None:
    r = read_number(text, question="How many maintained schools ran a breakfast club?")
    assert r is not None and r.value == value


@pytest.mark.parametrize(("text", "value"), [
    ("We have 3 empty homes officers (2.6 FTE).", 2.6),
    # a part given in FTE beside a headcount is no answer in FTE for the whole
    ("The team consists of four full-time officers and a manager who works half-time (0.5 FTE).", None),
])
def test_asked_in_fte_the_figure_given_in_fte(text: str, value: float | None) -> None:
    r = read_number(text, question="How many full-time equivalent (FTE) officers does the council employ?")
    assert r is not None
    if value is None:
        assert r.value != 0.5
    else:
        assert r.value == value


def test_years_listed_then_their_figures_in_the_same_order() -> None:
    r = read_number("2021/22 and 2022/23: 12 and 15. The 2023/24 figure will be published in September.")
    assert r is not None and r.value is None and r.breakdown == {"2021/22": 12, "2022/23": 15}
    # as many figures as years, or it is something else
    r = read_number("2021/22 and 2022/23: 12.")
    assert r is None or r.breakdown != {"2021/22": 12}


@pytest.mark.parametrize(("text", "question", "value"), [
    ("Nac ydy.", "Do you plan to open new sites?", False),
    ("Oes.", "Do you have a policy?", True),
    ("Do, tri. / Yes, three.", "Did you arrange any? If so, how many?", True),
    ("(e)\n(c) Yes.", "Did you provide holiday food?", True),
    ("11.8 km of the network is segregated. We have not removed any cycle lane since April 2020.",
     "Have you removed any cycle lane, or any part of one, since 1 April 2020?", False),
])
def test_yes_or_no_in_welsh_under_a_label_or_in_a_later_sentence(text: str, question: str, value: bool) -> None:
    assert yes_no(text, question)[0] is value


@pytest.mark.parametrize(("text", "options", "expected"), [
    ("Staff complete the e-learning package on joining and every 12 months thereafter.",
     [("induction", "Only on induction"), ("annual", "Every year"), ("six", "Every six months")], "annual"),
    ("Collections are carried out by Millbrook Environmental Services Ltd, a company wholly owned by the Council "
     "(a Teckal company).",
     [("own", "An in-house council service"), ("paid", "A private contractor"),
      ("latco", "A local authority trading company")], "latco"),
    ("The council's homes are managed on its behalf by Stanmoor Homes, our arm's length management organisation.",
     [("council", "Council-owned and managed by the council"),
      ("almo", "Council-owned and managed by an arm's length management organisation")], "almo"),
])
def test_providers_and_frequencies_said_another_way(text: str, options: list[tuple[str, str]], expected: str) -> None:
    got = pick_choice(text, [Option(i, t) for i, t in options])
    assert got is not None and got.ids == [expected]


def test_stage_numbers_and_capacities_are_no_answers() -> None:
    r = read_number("96 frontline (stage 1) complaints were logged about waste collection in 2022/23.")
    assert r is not None and r.value == 96
    q = "How much salt, in tonnes, did you hold in stock on 1 October 2023?"
    r = read_number("On 1 October 2023 our two salt barns held 7,650 tonnes, 96% of their combined capacity of "
                    "8,000 tonnes.", question=q)
    assert r is not None and r.value == 7650


def test_a_figure_the_reply_says_was_not_asked_for_is_no_part() -> None:
    r = read_number("There are also two adult gaming centres, both on the seafront, and 38 family entertainment "
                    "centre permits, which you did not ask about.",
                    question="How many adult gaming centre premises licences were in force?")
    assert r is not None and r.value == 2 and not r.breakdown


def test_in_total_three_words_after_the_figure_marks_the_total() -> None:
    r = read_number("Of the 14 breaches this year, two involved the same patient on consecutive nights, so 13 patients "
                    "were affected in total.")
    assert r is not None and r.value == 13


def test_asked_for_the_longest_the_figure_after_the_replys_own_longest() -> None:
    q = "What was the longest continuous period, in weeks, that any family spent in B&B during 2022/23?"
    r = read_number("7 households had been in B&B for more than six weeks on 31 March 2023, and the longest "
                    "continuous stay by a family during 2022/23 was 19 weeks.", question=q, units=question_units(q))
    assert r is not None and r.value == 19


def test_the_english_half_of_a_bilingual_list_of_option_labels() -> None:
    opts = [Option(x, f"Service {x}", str(n)) for n, x in enumerate("vwxyz", start=1)]
    got = pick_multi("(2) a (3). / (2) and (3).", opts)
    assert got is not None and got.ids == ["w", "x"]


@pytest.mark.parametrize(("text", "want"), [
    ("Yes. Our EAP and our occupational health service are both provided by Amberfield Health Ltd under a single "
     "contract let in 2020.", "external"),
    ("Our Workforce Office runs the service directly for all staff groups.", "in_house"),
    ("The service is run by Brackley Services Ltd, a company wholly owned by the Council (a Teckal company).",
     "latco"),
])
def test_who_provides_it_read_from_the_answer(text: str, want: str) -> None:
    opts = [Option("in_house", "An in-house team"), Option("external", "An external provider under contract"),
            Option("latco", "A local authority trading company"), Option("mixed", "A mix of in-house and external")]
    got = pick_choice(text, opts)
    assert got is not None and got.ids == [want]


def test_spend_is_the_outturn_not_the_budget() -> None:
    text = ("The Board approved a capital budget of £95,000 for the programme in 2022/23. The outturn reported in "
            "June 2023 was £88,212.60.")
    r = read_number(text, money=True, question="How much did you spend on the programme in 2022/23?")
    assert r is not None and r.value == 88212.6
    asked = read_number(text, money=True, question="What budget did you set for the programme in 2022/23?")
    assert asked is not None and asked.value != 88212.6


@pytest.mark.parametrize("text", [
    "The Council has no policy on transferring libraries to community management.",
    "The Trust has no written policy on this.",
])
def test_has_no_policy_is_not_held(text: str) -> None:
    assert [c.status for c in find_cues(text, False, frozenset())] == [Status.NOT_HELD]


def test_respectively_after_an_older_year_in_the_sentence() -> None:
    r = read_number("Under Part V of the Housing Act 1985 the council completed 96, 104 and 133 sales in 2021, 2022 "
                    "and 2023 respectively.")
    assert r is not None and r.breakdown == {"2021": 96, "2022": 104, "2023": 133}


def test_listed_parts_that_are_not_the_whole() -> None:
    r = read_number("£612,385.40 in total, of which the five most requested languages accounted for: Polish £96,120; "
                    "Romanian £88,410; Arabic £71,905; Urdu £64,300; Bengali £52,770.", money=True)
    assert r is not None and r.value == 612385.4
    assert r.breakdown == {"Polish": 96120, "Romanian": 88410, "Arabic": 71905, "Urdu": 64300, "Bengali": 52770}


_DELIVERY = [Option("in_house", "By an in-house team of interpreters employed by the Trust"),
             Option("external", "By one or more external providers only"),
             Option("mixed", "By a mix of in-house interpreters and external providers"),
             Option("shared", "Through a shared service hosted by another NHS body")]


@pytest.mark.parametrize(("text", "want"), [
    ("Interpreting is provided by Lingo Bridge Ltd under contract.", "external"),
    ("All interpreting is provided by external suppliers: one for telephone and video, and a local agency for "
     "face-to-face.", "external"),
    ("We have no in-house interpreters; all interpreting is bought in from external providers.", "external"),
    ("The service is commissioned from two external providers under a framework agreement.", "external"),
    ("The Trust employs six interpreters directly.", "in_house"),
    ("Face-to-face interpreting is provided by our in-house team; telephone interpreting by an external company.",
     "mixed"),
])
def test_how_a_service_is_delivered(text: str, want: str) -> None:
    got = pick_choice(text, _DELIVERY)
    assert got is not None and got.ids == [want]


_CONTROLS = [Option("mfa_staff", "Multi-factor authentication (MFA) for all staff accounts"),
             Option("mfa_students", "Multi-factor authentication (MFA) for all student accounts"),
             Option("edr", "Endpoint detection and response (EDR) software"),
             Option("backups", "Offline or immutable backups"),
             Option("phishing", "Simulated phishing exercises for staff"),
             Option("soc", "A 24/7 security operations centre (in-house or outsourced)")]


@pytest.mark.parametrize(("text", "want"), [
    ("MFA for staff: Yes\nMFA for students: No\nEDR: Yes\nOffline or immutable backups: Yes\n"
     "Phishing simulations: Yes\n24/7 SOC: No", ["mfa_staff", "edr", "backups", "phishing"]),
    ("MFA (staff and students), EDR, immutable backups and a 24/7 SOC provided by a partner.",
     ["mfa_staff", "mfa_students", "edr", "backups", "soc"]),
    ("We have EDR and offline backups. We do not have a SOC.", ["edr", "backups"]),
])
def test_options_named_by_their_initials(text: str, want: list[str]) -> None:
    got = pick_multi(text, _CONTROLS)
    assert got is not None and got.ids == want


_GROUPS = [Option("benefits", "Residents receiving means-tested benefits"), Option("pensioners", "Pensioners"),
           Option("tenants", "Council tenants")]
_PHASES = [Option("primary", "primary"), Option("secondary", "secondary"), Option("special", "special schools"),
           Option("ap", "alternative provision / pupil referral units")]


@pytest.mark.parametrize(("text", "items", "want"), [
    ("Residents on means-tested benefits receive a 50% discount. There is no concession for pensioners or council "
     "tenants.", _GROUPS, {"benefits": True, "pensioners": False, "tenants": False}),
    ("Yes – residents receiving means-tested benefits get a reduced charge. No for pensioners. Council tenants: "
     "treatment is free as part of the tenancy.", _GROUPS, {"benefits": True, "pensioners": False, "tenants": True}),
    ("Yes for primary and secondary; no for special schools and pupil referral units.", _PHASES,
     {"primary": True, "secondary": True, "special": False, "ap": False}),
    ("Means-tested benefits: Yes\nPensioners: N/A\nCouncil tenants: No", _GROUPS,
     {"benefits": True, "pensioners": None, "tenants": False}),
])
def test_matrix_no_as_a_word_is_no_verdict(text: str, items: list[Option], want: dict[str, bool | None]) -> None:
    assert pick_matrix(text, items)[0] == want


def test_an_option_named_only_by_the_questions_words_is_not_named() -> None:
    q = "Which one of the following best describes your Local Enforcement Plan?"
    opts = [Option("reviewed", "An adopted plan, reviewed within the last five years"),
            Option("not_reviewed", "An adopted plan, not reviewed within the last five years"),
            Option("draft", "A plan in draft or under consultation"),
            Option("none", "We do not have a Local Enforcement Plan")]
    got = pick_choice("Our Local Enforcement Plan was adopted in 2016 and has not been reviewed since.", opts,
                      asked_terms(q))
    assert got is not None and got.ids == ["not_reviewed"]


@pytest.mark.parametrize("text", [
    "Means-tested benefits ✓\nPensioners ✗\nCouncil tenants ✓",
    "Benefits – Y; Pensioners – N; Tenants – Y",
])
def test_matrix_ticks_crosses_and_single_letters(text: str) -> None:
    assert pick_matrix(text, _GROUPS)[0] == {"benefits": True, "pensioners": False, "tenants": True}


def test_matrix_n_of_n_a_is_no_verdict() -> None:
    got = pick_matrix("Benefits – N/A, Pensioners – Yes, Tenants – No", _GROUPS)[0]
    assert got == {"benefits": None, "pensioners": True, "tenants": False}


@pytest.mark.parametrize("text", [
    "Easter 2023: 1,204; Summer 2023: 4,310; Christmas 2023: 1,020.",
    "Easter 2023 – 1,204\nSummer 2023 – 4,310\nChristmas 2023 – 1,020",
    "| Holiday | Children |\n|---|---|\n| Easter 2023 | 1,204 |\n| Summer 2023 | 4,310 |\n| Christmas 2023 | 1,020 |",
])
def test_figures_by_holiday_of_a_year(text: str) -> None:
    r = read_number(text, question="How many children attended in each of Easter 2023, Summer 2023 and Christmas 2023?")
    assert r is not None and r.value is None
    assert r.breakdown == {"Easter 2023": 1204, "Summer 2023": 4310, "Christmas 2023": 1020}


_TA = [Option("bnb", "B&B / hotels"), Option("hostels", "Hostels"),
       Option("psl", "Private sector leased (PSL) properties"), Option("stock", "Council-owned or HRA stock"),
       Option("refuges", "Refuges")]


@pytest.mark.parametrize(("text", "options", "want"), [
    ("B&B, hostels, PSL and HRA stock.", _TA, ["bnb", "hostels", "psl", "stock"]),
    ("Passenger assistants and wheelchair-accessible vehicles.",
     [Option("escorts", "Passenger assistants (escorts)"), Option("wheelchair", "Wheelchair-accessible vehicles"),
      Option("crew", "The same driver and passenger assistant each day")], ["escorts", "wheelchair"]),
    ("We use a neutral vendor for all agency social workers.",
     [Option("msp", "Managed service provider (master or neutral vendor)"),
      Option("direct", "Direct engagement with individual agencies")], ["msp"]),
])
def test_options_named_by_their_short_names(text: str, options: list[Option], want: list[str]) -> None:
    got = pick_multi(text, options)
    assert got is not None and got.ids == want


_LIBRARY = [Option("ebooks", "eBook and eAudiobook loans"), Option("wifi", "Wi-Fi"),
            Option("reservations", "Reservations"), Option("printing", "Printing")]


@pytest.mark.parametrize("text", [
    "eBooks and Wi-Fi are free. Reservations cost 50p and printing is charged at 15p a page.",
    "eBook loans: free\nWi-Fi: free\nReservations: £1.00\nPrinting: 10p per sheet",
    "Everything is free apart from printing (20p per page) and reservations (60p).",
])
def test_free_of_charge_items_and_those_with_a_price(text: str) -> None:
    got = pick_matrix(text, _LIBRARY, asked_terms("Please indicate whether each of the following is free of charge."))[0]
    assert got == {"ebooks": True, "wifi": True, "reservations": False, "printing": False}


def test_matrix_short_names_of_hyphened_items_and_not_applicable() -> None:
    items = [Option("hot_food", "hot food vans or trailers"), Option("market", "market-style stalls selling goods"),
             Option("paramedics", "paramedics and ambulance technicians")]
    got = pick_matrix("Hot food vans: yes. Market stalls: no. Paramedics – not applicable (we employ none).", items)[0]
    assert got == {"hot_food": True, "market": False, "paramedics": None}


@pytest.mark.parametrize(("text", "parts"), [
    ("Primary (Reception): 42\nSecondary (Year 7): 118", [42, 118]),
    ("Year 1: 20\nYear 2: 25", [20, 25]),
])
def test_school_year_groups_are_names_not_figures(text: str, parts: list[int]) -> None:
    r = read_number(text)
    assert r is not None and r.value == sum(parts) and sorted((r.breakdown or {}).values()) == parts


def test_an_option_quoted_without_its_aside_in_brackets() -> None:
    opts = [Option("all", "We attend all AFA calls"),
            Option("challenge", "We challenge calls (call filtering) before deciding whether to attend")]
    got = pick_choice("We challenge calls before deciding whether to attend.", opts)
    assert got is not None and got.ids == ["challenge"]


def test_a_clause_opening_with_no_denies_the_options_it_names() -> None:
    opts = [Option("aoe", "Attachment of earnings"), Option("agents", "Enforcement agents"),
            Option("charging", "Charging orders"), Option("bankruptcy", "Bankruptcy proceedings")]
    got = pick_multi("Attachment of earnings and enforcement agents. No charging orders or bankruptcy.", opts)
    assert got is not None and got.ids == ["aoe", "agents"]


@pytest.mark.parametrize(("text", "want"), [
    ("The Trust uses Ulysses Safeguard.", ["other"]),
    ("We use Datix Cloud IQ.", ["datix"]),
])
def test_a_system_named_that_no_option_names_is_another(text: str, want: list[str]) -> None:
    opts = [Option("datix", "Datix (including Datix Cloud IQ)"), Option("in_house", "a system developed in-house"),
            Option("other", "another system (please name it)")]
    got = pick_choice(text, opts)
    assert got is not None and got.ids == want


@pytest.mark.parametrize(("text", "want"), [
    ("We do not carry out routine inspections; we respond to reports of problems.", "reactive"),
    ("There was no public consultation.", "none"),
])
def test_an_option_named_only_in_a_denial_is_not_chosen(text: str, want: str) -> None:
    opts = {"reactive": [Option("routine", "Routine cyclical inspection of all paths"),
                         Option("reactive", "Reactive inspection only, in response to reports"),
                         Option("risk", "Risk-based inspection, with busier paths inspected more often")],
            "none": [Option("online", "an online survey only"), Option("meetings", "public meetings or drop-in sessions"),
                     Option("none", "no consultation was carried out")]}[want]
    got = pick_choice(text, opts)
    assert got is not None and got.ids == [want]


_REASONS = [Option("no_bed", "No local adult acute bed available"), Option("no_picu", "No local PICU bed available"),
            Option("safeguarding", "Safeguarding or safety reasons"), Option("choice", "Patient or family choice")]


@pytest.mark.parametrize(("text", "want"), [
    ("All of our placements were because no local adult acute bed was available.",
     {"no_bed": True, "no_picu": None, "safeguarding": None, "choice": None}),
    ("Yes: no acute bed, no PICU bed. No: safeguarding, patient or family choice.",
     {"no_bed": True, "no_picu": True, "safeguarding": False, "choice": False}),
])
def test_matrix_items_that_say_no_themselves(text: str, want: dict[str, bool | None]) -> None:
    got = pick_matrix(text, _REASONS)[0]
    assert {k: v for k, v in got.items() if want[k] is not None} == {k: v for k, v in want.items() if v is not None}


def test_on_behalf_of_the_council_is_not_the_council() -> None:
    opts = [Option("council", "The council directly"),
            Option("trust", "An arm's-length leisure and culture trust (ALEO)"),
            Option("community", "Community groups (wholly or partly community-run)")]
    got = pick_choice("The service is provided on behalf of the Council by OnFife Cultural Trust.", opts,
                      asked_terms("Who currently operates the library service?"))
    assert got is not None and got.ids == ["trust"]
