"""Reply styles met in real round-robin replies, each read end to end by collate_document.

Each case is a short fictional reply in one style; the assertions name what a careful person
would record from it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from replies import by_question, collate_text

from foicollate.collate import collate_document
from foicollate.extract.numbers import question_units, read_number
from foicollate.extract.outcome import find_cues
from foicollate.markers import multi_labels, parse_marker
from foicollate.metadata import read_metadata
from foicollate.model import Document, Option, Question, Questionnaire, QuestionType, Status
from foicollate.names import find_bodies

Q = Questionnaire(
    title="empty homes",
    questions=[
        Question("1a", "How many dwellings were recorded as long-term empty on your October 2023 return?",
                 QuestionType.NUMBER, "1a"),
        Question("1b", "How many of those dwellings had been empty for two years or more?", QuestionType.NUMBER, "1b"),
        Question("2a", "Do you currently charge a council tax premium on long-term empty homes?",
                 QuestionType.YESNO, "2a"),
        Question("2b", "Have you made any compulsory purchase orders since 2021?", QuestionType.YESNO, "2b"),
        Question("3", "How many full-time equivalent (FTE) empty homes officers does the council employ?",
                 QuestionType.NUMBER, "3"),
        Question("4", "Which of the following measures has the council used? Please indicate all that apply.",
                 QuestionType.MULTI, "4",
                 options=[Option("loans", "Empty homes loans or grants", "a"), Option("sale", "Enforced sale", "b"),
                          Option("edmo", "Empty Dwelling Management Orders", "c"),
                          Option("cpo", "Compulsory purchase orders", "d")]),
        Question("5", "Please describe your policy on reducing the premium.", QuestionType.TEXT, "5"),
    ],
)


def read(text: str) -> dict[str, tuple[str, Any]]:
    out = collate_document(Document(id="r", text=text), Q)
    for a in out.answers:
        for ev in a.evidence:
            assert text[ev.start:ev.end] == ev.text
    return {a.question: (str(a.status), a.value) for a in out.answers}


QUOTED = """YOUR REQUEST

1a. How many dwellings were recorded as long-term empty on your October 2023 return?
1b. How many of those dwellings had been empty for two years or more?
2a. Do you currently charge a council tax premium on long-term empty homes?
2b. Have you made any compulsory purchase orders since 2021?
3. How many full-time equivalent (FTE) empty homes officers does the council employ?
4. Which of the following measures has the council used? Please indicate all that apply.
5. Please describe your policy on reducing the premium.

OUR RESPONSE

1(a)
Response: 1,142 dwellings.

1(b)
Response: 488.

2(a) and 2(b)
Response: Yes.

3.
Response: 0.8 FTE.

4.
Response: (a, b, d)

5.
Response: Reductions are considered case by case for owners renovating the property.
"""


def test_request_quoted_then_labels_alone_with_response_lines() -> None:
    """"1(a)", "2(a) and 2(b)" and a bare "3." alone on their lines, each with "Response:" below."""
    got = read(QUOTED)
    assert got["1a"] == ("answered", 1142)
    assert got["1b"] == ("answered", 488)
    assert got["2a"] == ("answered", True) and got["2b"] == ("answered", True)
    assert got["3"] == ("answered", 0.8)
    assert got["4"] == ("answered", ["loans", "sale", "cpo"])
    assert got["5"][0] == "answered"


def test_a_bare_number_without_a_response_line_stays_an_answer() -> None:
    assert parse_marker("3.") is not None  # the marker parses, but alone it is a figure ...
    got = read("1a.\n42.\n")
    assert got["1a"] == ("answered", 42)


def test_subject_line_sharing_a_questions_words_is_not_its_answer() -> None:
    """A letter's title shares most words with question 2a without restating it; the blanket
    referral below it is the answer to every question."""
    got = read("Freedom of Information request: long-term empty homes and the council tax premium\n\n"
               "Thank you for your request. Council tax is billed by the district councils, not by this "
               "County Council. You may wish to send your request to each of the district councils: Ashmoor "
               "District Council, Corvey District Council and Wold Borough Council.\n\nYours sincerely\n")
    assert {s for s, _v in got.values()} == {"referred"}


def test_see_above_that_redirects_is_a_referral() -> None:
    got = read("1a. 612\n1b. See response to 1a.\n"
               "Questions 3 to 4\nPlease see above - these should be directed to Crane Valley District Council.\n")
    assert got["3"] == ("referred", None) and got["4"] == ("referred", None)


def test_wrapped_table_rows_keep_their_labels() -> None:
    """A tab table whose cells wrap onto lines with an empty first cell."""
    got = read("No.\tQuestion (summarised)\tResponse\n"
               "1a\tLong-term empty dwellings on\t864 (snapshot taken on 2 October\n"
               "\tthe October 2023 return\t2023 for the return)\n"
               "1b\tOf those, empty for two years\tWe do not collate this data. The\n"
               "\tor more\tsystem does not report on length of vacancy.\n"
               "3\tFTE empty homes officers\t0.5 FTE (one part-time officer in\n"
               "\t\tPrivate Sector Housing)\n"
               "5\tPolicy on reducing\tAvailable on our website at\n"
               "\tthe premium\twww.example.gov.uk/discounts - exempt under section\n"
               "\t\t21 (accessible by other means).\n")
    assert got["1a"] == ("answered", 864)
    assert got["1b"][0] == "not_held"
    assert got["3"] == ("answered", 0.5)
    assert got["5"][0] == "refused"


@pytest.mark.parametrize(
    ("line", "key"),
    [("Q.2 part (a) Length segregated", "2a"), ("Question 3 part b: 45", "3b"), ("Request 1a", "1a"),
     ("Request 2: yes", "2"), ("Q2 participation", "2")],
)
def test_label_forms(line: str, key: str) -> None:
    m = parse_marker(line)
    assert m is not None and m.key == key


def test_request_a_review_is_no_label() -> None:
    assert parse_marker("Request a review") is None


@pytest.mark.parametrize(("line", "keys"), [("2(a) and 2(b)", ["2a", "2b"]), ("2a & 2b", ["2a", "2b"])])
def test_sub_question_labels_alone(line: str, keys: list[str]) -> None:
    got = multi_labels(line)
    assert got is not None and got[0] == keys


@pytest.mark.parametrize("line", ["a and b", "3 and 4"])
def test_option_letters_alone_are_an_answer_not_labels(line: str) -> None:
    assert multi_labels(line) is None


def test_units_named_in_full_accept_their_abbreviation() -> None:
    units = question_units("How many kilometres are physically segregated from motor traffic?")
    r = read_number("71.4 km.", units=units)
    assert r is not None and r.value == 71.4
    assert read_number("71.4 km.") is None  # a distance beside a count question is no answer


def test_section_number_on_the_next_line_is_still_cited() -> None:
    cues = find_cues("The policy is on our website and is exempt under section\n\t\t21 (accessible by other means).")
    assert cues and cues[0].status == Status.REFUSED and cues[0].grounds == "s21"


@pytest.mark.parametrize(
    ("text", "received", "responded"),
    [
        ("Date: 28 November 2023\n\nWe received your request on 2 November 2023.", "2023-11-02", "2023-11-28"),
        ("Our ref: SC/1\nDate: 24 November 2023\nYour request, which was received by Strathannick Council on "
         "30 October 2023.", "2023-10-30", "2023-11-24"),
        ("Request number: BC-23-0987                       Date of issue: 17/11/2023\n", None, "2023-11-17"),
    ],
)
def test_dates(text: str, received: str | None, responded: str | None) -> None:
    meta = read_metadata(Document(id="x", text=text), {})
    assert meta.date_received == received
    assert meta.date_responded == responded


def test_body_names() -> None:
    assert [b[2] for b in find_bodies("Yours sincerely\nLondon Borough of Hollins Park\nTown Hall")] == \
        ["London Borough of Hollins Park"]
    assert [b[2] for b in find_bodies("the Royal Borough of Kingston upon Thames is")] == \
        ["Royal Borough of Kingston upon Thames"]
    # a post and a policy named like bodies are not bodies
    assert find_bodies("Our Empty Homes Officer applies the Council's Council Tax Policy.") == []


def test_one_line_email_with_q_labels_singly_and_in_groups() -> None:
    got = read("Hi,\n\nQ1a - please see the attached spreadsheet. Q1b - 214. Q2a and Q2b - no, the scheme ended "
               "in 2021. Q3 - not recorded. Q4 - (a) and (d). Q5 - none.\n\nThanks,\nTom\n")
    assert got["1a"][0] == "not_answered"  # only an attachment
    assert got["1b"] == ("answered", 214)
    assert got["2a"] == ("answered", False) and got["2b"] == ("answered", False)
    assert got["3"][0] == "not_held"
    assert got["4"] == ("answered", ["loans", "cpo"])


def test_a_list_inside_a_sentence_is_not_numbering() -> None:
    """"a notice which: (a) states that fact, (b) ... (c) ..." in a blanket s12 refusal."""
    got = read("Section 17 of the Act requires us, when refusing, to give you a notice which: (a) states that fact, "
               "(b) specifies the exemption in question and (c) states why the exemption applies.\n\n"
               "Answering your questions would exceed the appropriate limit of £450 (18 hours), so we refuse "
               "your request in full under section 12(1) of the Act.\n\nYours sincerely\n")
    assert {s for s, _v in got.values()} == {"refused"}


def test_summary_table_first_then_answers_in_full() -> None:
    """A summary table up top; the answers in full below under the questions restated in bold."""
    got = read("| Question | Summary |\n|---|---|\n| 1a | Provided |\n| 1b | Withheld |\n| 3 | Provided |\n"
               "| 5 | Provided |\n\n"
               "**How many dwellings were recorded as long-term empty on your October 2023 return?**\n\n"
               "1,903 dwellings.\n\n"
               "**How many of those dwellings had been empty for two years or more?**\n\n"
               "This figure will be published in December and is exempt under section 22 of the Act.\n\n"
               "**How many full-time equivalent (FTE) empty homes officers does the council employ?**\n\n"
               "2.5 FTE.\n")
    assert got["1a"] == ("answered", 1903)
    assert got["1b"][0] == "refused"
    assert got["3"] == ("answered", 2.5)
    assert got["2a"][0] == "not_answered"  # not in the table's words either


def test_neither_confirm_nor_deny_that_it_holds_is_a_refusal() -> None:
    cues = find_cues("Tarnwick Police can neither confirm nor deny that it holds the information you have "
                     "requested, by virtue of section 40(5B) of the Act.")
    assert cues and cues[0].status == Status.REFUSED and cues[0].grounds == "s40"


def test_markdown_letter_metadata() -> None:
    meta = read_metadata(Document(id="x", text="# Freedom of Information response — FOI 000612/23\n\n"
                                               "**Date of response:** 7 June 2023\n**Request received:** 10 May 2023\n"), {})
    assert (meta.reference, meta.date_received, meta.date_responded) == ("FOI 000612/23", "2023-05-10", "2023-06-07")


ROMAN_Q = Questionnaire(
    title="asbestos",
    questions=[
        Question(k, t, ty, k) for k, t, ty in [
            ("i", "How many schools contain asbestos?", QuestionType.NUMBER),
            ("ii", "How many management surveys were carried out?", QuestionType.NUMBER),
            ("iii", "How much did you spend on asbestos removal in 2022/23?", QuestionType.NUMBER),
            ("iv", "Have there been any exposure incidents?", QuestionType.YESNO),
            ("v", "How many officers work on asbestos management (FTE)?", QuestionType.NUMBER),
        ]
    ],
)


def test_parts_lettered_for_a_roman_request_answered_out_of_order() -> None:
    """"Part A" ... "Part E" for questions i. to v., grouped by service (so out of order)."""
    text = ("Thank you for your request. We have labelled your questions Part A to Part E.\n\n"
            "Part A (schools with asbestos)\n67 schools.\n\n"
            "Part C (spend in 2022/23)\n£96,200.\n\n"
            "Part E (FTE)\nNil.\n\n"
            "Part B (surveys)\nThe Council does not hold this information.\n\n"
            "Part D (incidents)\nNo incidents have been recorded.\n\nYours sincerely\n")
    out = collate_document(Document(id="r", text=text), ROMAN_Q)
    got = {a.question: (str(a.status), a.value) for a in out.answers}
    assert got == {"i": ("answered", 67), "ii": ("not_held", None), "iii": ("answered", 96200),
                   "iv": ("answered", False), "v": ("answered", 0)}


def test_blanket_cost_refusal_that_says_what_the_council_is_responsible_for() -> None:
    got = read("The County Council is responsible for 212 maintained schools, and the information is held in each "
               "school's file. We estimate that answering would take 53 hours, well beyond the appropriate limit "
               "of £450 (18 hours), so section 12(1) of the Act applies to the whole request.\n\nYours sincerely\n")
    assert {s for s, _v in got.values()} == {"refused"}


def test_options_named_while_costing_a_search_are_no_answer() -> None:
    got = read("4. To find which measures were used for each empty home we would need to read every case file, "
               "including those on enforced sale, which would exceed the appropriate limit of £450 under "
               "section 12 of the Act.\n")
    assert got["4"] == ("refused", None)


def test_parts_answered_together() -> None:
    got = multi_labels("Parts 5 and 8")
    assert got is not None and got[0] == ["5", "8"]
    assert parse_marker("Parts 5 and 8").key == "5"  # type: ignore[union-attr]


def test_nhs_body_names_in_full() -> None:
    names = [b[2] for t in ("Kingsbarrow University Hospitals NHS Foundation Trust is the host",
                            "Yours, NHS Loch Eilde", "Cwm Elan University Health Board\nFOI")
             for b in find_bodies(t)]
    assert names == ["Kingsbarrow University Hospitals NHS Foundation Trust", "NHS Loch Eilde",
                     "Cwm Elan University Health Board"]
    # two councils side by side stay two
    assert len(find_bodies("Northshire County Council and Kingsford County Council")) == 2


MATRIX_Q = Questionnaire(
    title="m",
    questions=[Question("7", "For each of the following, have you paid above the cap?", QuestionType.MATRIX, "7",
                        items=[Option("nurses", "Registered nurses", "a"), Option("doctors", "Doctors", "b"),
                               Option("ahps", "Allied health professionals", "c"),
                               Option("hcsw", "Healthcare support workers", "d")])],
)


def test_a_sentence_naming_the_items_is_an_answer_not_their_restatement() -> None:
    text = ("7. We hold payment records for registered nurses and healthcare support workers, and no agency worker "
            "in either group was paid above the cap. We do not hold the information for doctors or allied health "
            "professionals.\n")
    out = collate_document(Document(id="r", text=text), MATRIX_Q)
    assert out.answers[0].status == Status.ANSWERED


def test_matrix_item_answered_no_in_words() -> None:
    from foicollate.extract.options import pick_matrix

    values, _spans, _conf = pick_matrix("Registered nurses – yes; Doctors – we do not use agency doctors; "
                                        "Healthcare support workers – yes", MATRIX_Q.questions[0].items)
    assert values == {"nurses": True, "doctors": False, "ahps": None, "hcsw": True}


def test_matrix_items_answered_line_by_line_then_in_a_sentence() -> None:
    from foicollate.extract.options import pick_matrix

    values, _spans, _conf = pick_matrix("Registered nurses: Yes. Healthcare support workers: Yes. We do not use "
                                        "agency doctors.", MATRIX_Q.questions[0].items)
    assert values == {"nurses": True, "doctors": False, "ahps": None, "hcsw": True}


PROSE_LETTER = """Dear Ms Quill

Thank you for your request, which we received on 3 March 2024.

The council recorded 412 dwellings as long-term empty on its October 2023 return, out of a total stock of
58,200 homes. Of those dwellings, 96 had been empty for two years or more. We have charged the council tax
premium on long-term empty homes since April 2019. No compulsory purchase orders have been made since 2021.
The council employs 2.5 FTE empty homes officers.

Yours sincerely
"""


def test_a_letter_in_prose_without_labels_is_read_sentence_by_sentence() -> None:
    got = read(PROSE_LETTER)
    assert got["1a"] == ("answered", 412)  # (not the stock it is "out of")
    assert got["1b"] == ("answered", 96)
    assert got["2a"] == ("answered", True)
    assert got["2b"] == ("answered", False)
    assert got["3"] == ("answered", 2.5)
    assert got["4"][0] == "not_answered"


def test_prose_that_skips_labels_fills_the_questions_between() -> None:
    text = ("In answer to your first question, 412 dwellings were recorded as long-term empty on the October 2023 "
            "return. Of those dwellings, 96 had been empty for two years or more.\n\n"
            "The council employs 2.5 FTE empty homes officers.\n\n"
            "Yours sincerely\n")
    got = read(text)
    assert got["1a"] == ("answered", 412)
    assert got["1b"] == ("answered", 96)
    assert got["3"] == ("answered", 2.5)


def test_a_blanket_letter_in_prose_stays_blanket() -> None:
    text = ("Dear Mr Hale\n\nThank you for your request about long-term empty dwellings, the council tax premium, "
            "compulsory purchase orders and empty homes officers.\n\nI can confirm that Eastfield Parish Council "
            "does not hold any of the information you have requested, as council tax and empty homes work are "
            "functions of Eastfield District Council.\n\nYours sincerely\n")
    got = read(text)
    assert {s for s, _v in got.values()} == {"not_held"}


def test_a_table_with_several_figure_columns_gives_each_question_its_column() -> None:
    q = Questionnaire(title="t", questions=[
        Question("a", "How many pupils were eligible for free school meals at the census?", QuestionType.NUMBER, "a"),
        Question("b", "How many pupils took a free school meal on census day?", QuestionType.NUMBER, "b")])
    text = ("(a) and (b) Eligibility and take-up\n| Phase | Eligible for FSM | Took a meal on census day |\n"
            "|---|---|---|\n| Primary | 520 | 461 |\n| Secondary | 337 | 263 |\n| Total | 857 | 724 |\n")
    got = {a.question: (a.value, a.breakdown) for a in collate_text(text, q)}
    assert got["a"] == (857, {"Primary": 520, "Secondary": 337})
    assert got["b"] == (724, {"Primary": 461, "Secondary": 263})


def test_a_word_table_flattened_one_cell_a_line() -> None:
    text = ("Financial year\nSpend on installation (£)\nGrant received (£)\n2021/22\n412,380\n301,000\n"
            "2022/23\n1,106,540\n842,600\nTotal\n1,518,920\n1,143,600\n")
    r = read_number(text, money=True, question="How much did you spend on installation in each year?")
    assert r is not None and r.value == 1518920 and r.breakdown == {"2021/22": 412380, "2022/23": 1106540}
    r = read_number(text, money=True, question="How much grant funding have you received?")
    assert r is not None and r.value == 1143600


def test_year_figures_by_cell_with_one_withheld() -> None:
    text = "| Measure | 2021/22 | 2022/23 | 2023/24 |\n| Average re-let time | 71 | 84 | Withheld (s22) |\n"
    r = read_number(text, percent=True)
    assert r is not None and r.value is None and r.breakdown == {"2021/22": 71, "2022/23": 84}


def test_bare_figures_stand_for_the_years_asked_in_order() -> None:
    r = read_number("31 / 35 / 40", percent=True,
                    question="What was the average re-let time in each of 2021/22, 2022/23 and 2023/24?")
    assert r is not None and r.value is None and r.breakdown == {"2021/22": 31, "2022/23": 35, "2023/24": 40}


def test_millions_in_words() -> None:
    r = read_number("We spent £14.6 million.", money=True)
    assert r is not None and r.value == 14_600_000


def test_matrix_items_by_their_initials_and_an_only() -> None:
    from foicollate.extract.options import pick_matrix

    items = [Option("ehcp", "Pupils with an education, health and care (EHC) plan", "a"),
             Option("fsm", "Pupils eligible for free school meals", "b"),
             Option("cla", "Children looked after", "c"),
             Option("grt", "Pupils from Gypsy, Roma and Traveller backgrounds", "d")]
    values, _s, _c = pick_matrix("Yes for EHC plans and children looked after. We don't split the figures by FSM "
                                 "or by GRT background.", items)
    assert values == {"ehcp": True, "fsm": False, "cla": True, "grt": False}
    values, _s, _c = pick_matrix("Only for children looked after.", items)
    assert values == {"ehcp": False, "fsm": False, "cla": True, "grt": False}


def test_what_a_body_confirms_decides_the_yes_or_no() -> None:
    from foicollate.extract.options import yes_no

    assert yes_no("We can confirm the Council has not paid a ransom.")[0] is False
    assert yes_no("I can confirm that we do use body-worn cameras.")[0] is True


def test_request_quoted_in_full_then_a_reply_in_prose_under_its_own_greeting() -> None:
    request = "\n".join(f"{q.label}. {q.text}" for q in Q.questions)
    text = (f"Dear Eastfield District Council,\n{request}\nYours faithfully,\nA. Requester\n\n"
            "Dear Ms Requester,\nThank you for your request.\n" + PROSE_LETTER.split("\n\n", 2)[2])
    got = read(text)
    assert got["1a"] == ("answered", 412)
    assert got["3"] == ("answered", 2.5)


def test_a_request_naming_both_acts_does_not_make_a_reply_scottish() -> None:
    from foicollate.extract.outcome import is_scottish

    assert not is_scottish("Request under the Freedom of Information Act 2000 (Scottish councils: Freedom of "
                           "Information (Scotland) Act 2002)\nThe information is exempt under section 43(2).")
    assert is_scottish("You may apply to the Scottish Information Commissioner.")


def test_a_text_answer_that_explains_a_refusal_is_the_refusal() -> None:
    text = ("5. The council is drafting a new empty homes policy, which will be published in October 2024. We "
            "consider this information exempt under section 22 of the Freedom of Information Act (information "
            "intended for future publication).\n")
    assert read(text)["5"] == ("refused", None)


def test_where_to_send_an_internal_review_is_no_referral() -> None:
    cues = find_cues("Internal review requests should be submitted within 40 working days to Eastfield District "
                     "Council, Information Governance, Town Hall.")
    assert not any(c.status == Status.REFERRED for c in cues)


def test_choice_by_a_figure_in_an_options_range() -> None:
    from foicollate.extract.options import pick_choice

    opts = [Option("le31", "31 days or less", "a"), Option("d32_90", "32 to 90 days", "b"),
            Option("d91_6m", "91 days to 6 months", "c"), Option("gt6m", "More than 6 months", "d"),
            Option("none", "No fixed period", "e")]
    got = pick_choice("Non-evidential footage is retained for 12 months before deletion.", opts)
    assert got is not None and got.ids == ["gt6m"]
    got = pick_choice("We keep it for 60 days.", opts)
    assert got is not None and got.ids == ["d32_90"]
    pct = [Option("up", "increased", "a"), Option("less", "fallen by less than 10%", "b"),
           Option("more", "fallen by 10% or more", "c")]
    got = pick_choice("Weekly opening hours since April 2019\tDecreased – by about 12%", pct)
    assert got is not None and got.ids == ["more"]


def test_choice_by_an_option_letter_opening_a_line_or_ending_a_row() -> None:
    from foicollate.extract.options import pick_choice

    opts = [Option("in_house", "In-house surveyors", "a"), Option("firm", "A single contracted firm", "b"),
            Option("framework", "A framework of several approved contractors", "c")]
    got = pick_choice("Please choose one:\nC. Surveys are commissioned through our Property Framework 2021.", opts)
    assert got is not None and got.ids == ["framework"]
    got = pick_choice("Who carries out surveys\tii", opts)
    assert got is not None and got.ids == ["firm"]
    got = pick_choice("3 – a framework run by the county", opts)
    assert got is not None and got.ids == ["framework"]
    got = pick_choice("(X) A single contracted firm\nThe contract runs to 2027.", opts)
    assert got is not None and got.ids == ["firm"]


def test_a_yes_no_question_answered_with_a_refusal_is_refused() -> None:
    text = ("2b. The council neither confirms nor denies whether it holds this information, by virtue of "
            "section 31(3) of the Act, as confirming either way would prejudice an ongoing investigation.\n")
    assert read(text)["2b"] == ("refused", None)


def test_a_plain_yes_with_the_details_withheld_is_a_yes() -> None:
    text = ("2a. Do you currently charge a council tax premium on long-term empty homes? If so, please state "
            "the rate.\nYes. We are withholding the rate under section 43(2) of the Act while it is reviewed.\n")
    assert read(text)["2a"] == ("answered", True)


@pytest.mark.parametrize(("line", "keys"), [
    ("i.–iii.  None.", ["i", "ii", "iii"]), ("v–ix. Not applicable", ["v", "vi", "vii", "viii", "ix"]),
    ("1.-3. None", ["1", "2", "3"]), ("x-xii. no", ["x", "xi", "xii"])])
def test_ranges_of_labels_roman_and_dotted(line: str, keys: list[str]) -> None:
    got = multi_labels(line)
    assert got is not None and got[0] == keys


def test_not_applicable_is_none_for_a_count_and_not_held_otherwise() -> None:
    got = read("Dear Ms Smith\n\n1a. Not applicable – the Council has no empty homes team.\n\n"
               "1b. 12\n\n2a. Not applicable – we do not charge council tax in this area.\n\n"
               "5. Not applicable – there is no such policy.\n")
    assert got["1a"] == ("answered", 0)
    assert got["1b"] == ("answered", 12)
    assert got["2a"][0] == "not_held"
    assert got["5"][0] == "answered"  # a text question keeps the words


def test_prose_letter_one_clause_per_question_split_at_semicolons() -> None:
    got = read("Dear Mr Jones\n\nIn answer to your questions, 412 dwellings were recorded as long-term empty on the "
               "October 2023 return; 97 of those dwellings had been empty for two years or more; the council employs "
               "2.5 FTE empty homes officers.\n\nYours sincerely\n\nA Clerk\n")
    assert got["1a"] == ("answered", 412)
    assert got["1b"] == ("answered", 97)
    assert got["3"] == ("answered", 2.5)


ROMAN = Questionnaire(title="funerals", questions=[
    Question("i", "How many public health funerals did the council arrange in 2023/24?", QuestionType.NUMBER, "i"),
    Question("ii", "What was the total cost of these funerals?", QuestionType.NUMBER, "ii"),
    Question("iii", "Do you publish the names of the deceased?", QuestionType.YESNO, "iii"),
    Question("iv", "Did you refer any estates to the Government Legal Department?", QuestionType.YESNO, "iv"),
    Question("v", "Please describe your policy on public health funerals.", QuestionType.TEXT, "v"),
])


def test_reply_numbering_a_roman_request_by_place_covers_a_range_of_questions() -> None:
    text = ("Dear Dr Marsh\n\nWe have numbered your questions 1 to 5 in the order you asked them.\n\n"
            "Q1 – 44\n\nQ2 – £91,650.00\n\nQuestions 3 to 5\n\nUnfortunately we are unable to answer the remaining "
            "questions within the cost limit, as each of the 130 paper case files would have to be read.\n"
            "We are relying on section 12(1) of the Freedom of Information Act in respect of questions 3 to 5.\n\n"
            "Yours sincerely\n\nA Officer\n")
    got = {a.question: (str(a.status), a.grounds) for a in collate_document(Document(id="r", text=text), ROMAN).answers}
    assert got["i"][0] == "answered"
    assert all(got[k] == ("refused", "s12") for k in ("iii", "iv", "v"))


def test_answers_above_a_quoted_request_with_a_long_email_header() -> None:
    text = ("Dear Rowan,\n\nThe answers are below, in the order the teams replied.\n\nQ2 - £5,120 in total.\n\n"
            "Q1 - 12 funerals.\n\nQ4 - No.\n\nQ3 - Yes, on our website.\n\n"
            "Kind regards,\n\nPriya\n\nOn 4 May 2023, at 19:06, Rowan Achterberg "
            "<request-88214-a61f3b02@whatdotheyknow.com> wrote:\n\n> Dear council,\n>\n"
            "> i. How many public health funerals did the council arrange in 2023/24?\n>\n"
            "> ii. What was the total cost of these funerals?\n")
    got = {a.question: a.value for a in collate_document(Document(id="r", text=text), ROMAN).answers}
    assert got["i"] == 12 and got["ii"] == 5120 and got["iii"] is True and got["iv"] is False


def test_one_answer_for_two_number_questions_gives_each_its_own_figure() -> None:
    """"**1a and 1b.**" in bold over one paragraph with both figures: each question takes the figure its words
    describe, and the total keeps its parts."""
    got = read("Dear Ms Hale\n\n**1a and 1b.** On our October 2023 return 1,390 dwellings were recorded as "
               "long-term empty: 1,010 in the north and 380 in the south. Of those dwellings, 466 had been empty "
               "for two years or more.\n\n**2a.** Yes.\n")
    assert got["1a"] == ("answered", 1390)
    assert got["1b"] == ("answered", 466)


def test_one_answer_for_two_questions_gives_a_per_year_list_to_the_question_it_describes() -> None:
    """"Q1 and Q2" over a per-year list (no total) and a total: the per-year list answers the question whose
    words it shares, not the other question's figures."""
    q = Questionnaire(title="claims", questions=[
        Question("1", "How many compensation claims did you receive in each of the years 2021/22 and 2022/23?",
                 QuestionType.NUMBER, "Q1"),
        Question("2", "Of the claims received, how many resulted in a payment to the claimant?",
                 QuestionType.NUMBER, "Q2")])
    text = ("Q1 and Q2\nClaims received: 2021/22 = 388, 2022/23 = 517.\n"
            "A total of 237 claims resulted in a payment over the two years (104 and 133 respectively).\n")
    got = {a.question: a for a in collate_document(Document(id="r", text=text), q).answers}
    assert got["1"].value is None and got["1"].breakdown == {"2021/22": 388, "2022/23": 517}
    assert got["1"].evidence[0].text.startswith("Claims received")
    assert got["2"].value == 237


def test_a_figure_in_the_reasoning_of_a_cited_exemption_is_no_answer() -> None:
    got = read("1a. The council holds this information but considers it exempt under section 31(1)(a) of the Act. "
               "Empty properties have been targeted by thieves on four occasions, and publishing the list would "
               "help them.\n\n1b. 2022/23: 41\n2023/24: the figure will be published in May and is exempt under "
               "section 22.\n")
    assert got["1a"] == ("refused", None)
    assert got["1b"][0] == "answered"


def test_who_provides_a_service_answers_a_choice_rather_than_referring() -> None:
    q = Questionnaire(title="libraries", questions=[
        Question("5", "Who runs your library service?", QuestionType.CHOICE, "5",
                 options=[Option("council", "The council directly", "a"),
                          Option("trust", "A charitable trust or mutual", "b"),
                          Option("company", "A private company", "c")])])
    run = collate_document(Document(id="r", text="5. The service was transferred to Ashmoor Culture Trust, a "
                                    "registered charity, in April 2019.\n"), q).answers[0]
    assert (str(run.status), run.value) == ("answered", "trust")
    sent = collate_document(Document(id="r", text="5. Please redirect this question to Ashmoor Culture Trust, "
                                     "which runs the service.\n"), q).answers[0]
    assert str(sent.status) == "referred"


def test_bilingual_reply_numbered_alone_on_lines_with_lettered_parts() -> None:
    """A Welsh/English reply: "1 a 2 / 1 and 2" over one answer for two questions, then "3." ... "5." alone
    on their lines; the "a) ... d)" under 4 are its parts, not questions 1 to 4 by place."""
    text = ("Ein hymateb / Our response\n\n1 a 2 / 1 and 2\nThe council does not have any long-term empty "
            "dwellings on its October 2023 return. Of those empty for two years or more we recorded 38 last "
            "year.\n\n3.\nDim / None.\n\n4.\na) Ydym / Yes\nb) Na / No\nc) Na / No\nd) Ydym / Yes\n\n5.\n"
            "Reductions are considered case by case.\n")
    q = Questionnaire(title="empty homes", questions=[
        *(x for x in Q.questions if x.id in ("1a", "1b", "3")),
        Question("4", "Which of the following measures has the council used?", QuestionType.MULTI, "4",
                 options=Q.get("4").options),
        Q.get("5")])
    q = Questionnaire(title="x", questions=[replace(x, label=str(n)) for n, x in enumerate(q.questions, 1)])
    got = {a.question: (str(a.status), a.value) for a in collate_text(text, q)}
    assert got["1a"] == ("answered", 0)
    assert got["1b"] == ("answered", 38)
    assert got["3"] == ("answered", 0)
    assert got["4"] == ("answered", ["loans", "cpo"])
    assert got["5"][0] == "answered"


POINTED_TABLE = """Dear Mr Adeyemi

1a. Please see Table 1 below.
1b. Please see Table 1.
2a. Yes.
3. 2.5 FTE.

Yours sincerely
Revenues Team

Table 1 - Long-term empty dwellings
| Measure | October 2023 |
|---|---|
| Long-term empty dwellings | 1,204 |
| Empty for two years or more | 311 |
"""


def test_an_answer_pointing_at_a_table_elsewhere_reads_its_own_row() -> None:
    got = read(POINTED_TABLE)
    assert got["1a"] == ("answered", 1204)
    assert got["1b"] == ("answered", 311)  # the row the question names, not the first
    assert got["3"] == ("answered", 2.5)


def test_a_table_with_a_year_on_each_row_gives_the_column_asked_for() -> None:
    table = ("Financial year|Patients and visitors|Staff permits|Total\n2021/22|1,406,220|512,870|1,919,090\n"
             "2022/23|1,688,415|540,212|2,228,627")
    both = read_number(table, money=True, question="What was your total car parking income in each year?")
    assert both is not None and both.breakdown == {"2021/22": 1919090, "2022/23": 2228627}
    staff = read_number(table, money=True, question="How much income came from staff permits?")
    assert staff is not None and staff.breakdown == {"2021/22": 512870, "2022/23": 540212}


PROSE_ANY_ORDER = """Dear Ms Patel

Thank you for your request, which we have answered in the order that best fits our records.

Our empty homes work is carried out by 2.5 full-time equivalent empty homes officers in the housing team.

On our October 2023 return, 1,342 dwellings were recorded as long-term empty.

Of those dwellings, 412 had been empty for two years or more.

We do currently charge a council tax premium on long-term empty homes, at 100% after one year.

Yours sincerely

Council Tax Team
"""


def test_a_letter_in_prose_answering_in_its_own_order() -> None:
    got = read(PROSE_ANY_ORDER)
    assert got["3"] == ("answered", 2.5)  # said first, asked fifth
    assert got["1a"] == ("answered", 1342)
    assert got["1b"] == ("answered", 412)
    assert got["2a"] == ("answered", True)


def test_a_figure_given_as_an_aside_to_not_held_is_not_the_answer() -> None:
    got = read("1a. The Council does not hold this information, as it does not keep a register of empty homes. "
               "For your information, the Council brought 61 empty homes back into use in 2023/24.\n"
               "1b. 45 of them.\n")
    assert got["1a"] == ("not_held", None)
    assert got["1b"] == ("answered", 45)


RENUMBERED = """Freedom of Information response

Question 1 (your Q1a) - Long-term empty dwellings
1,240 dwellings were on the October 2023 return.
Northvale Council          Page 1 of 3
\f
Question 2 (your question 2a)
Yes. The premium applies from one year empty.

Question 3 (your question 2b)
No.
Northvale Council          Page 2 of 3
\f
Question 4 (your Q3)
2.5 FTE officers.

Question 5 (your Q4) - Measures used
  (a) Empty homes loans or grants
  (b) Enforced sale
  (c) Empty Dwelling Management Orders
  (d) Compulsory purchase orders

(a) and (c). An enforced sale was considered in 2022 but not pursued.
Northvale Council          Page 3 of 3
"""


def test_reply_numbered_its_own_way_says_which_request_question() -> None:
    """"Question 4 (your Q3)" answers the request's 3, and the options listed again under "Question 6 (your Q4)"
    are the question, not the answer; a question heading beside a page break is not a running header."""
    got = read(RENUMBERED)
    assert got["1a"] == ("answered", 1240)
    assert got["1b"] == ("not_answered", None)  # the reply skips it, so its own numbers run one behind
    assert got["2a"] == ("answered", True)
    assert got["2b"] == ("answered", False)
    assert got["3"] == ("answered", 2.5)
    assert got["4"] == ("answered", ["loans", "edmo"])


def test_marker_reads_the_requests_label_in_brackets() -> None:
    mk = parse_marker("Question 4 (your question 3b): We hold 12.")
    assert mk is not None and mk.key == "3b" and mk.rest == "We hold 12."
    mk = parse_marker("5. [Q4 of your request] - Yes")
    assert mk is not None and mk.key == "4" and mk.rest == "Yes"
    mk = parse_marker("Question 4 (2023)")
    assert mk is not None and mk.key == "4"


@pytest.mark.parametrize(("text", "value"), [
    ("We employ 2 junior officers.", 2),  # "jun..." is not June
    ("There were 3 market inspections.", 3),  # nor "mar..." March
    ("The council does not have any such records.", None),  # no records is not a count of nought
])
def test_figures_beside_month_like_words(text: str, value: float | None) -> None:
    r = read_number(text)
    assert (r.value if r else None) == value


SHARED_HEADING = """### Questions 1a and 1b

*How many dwellings were recorded as long-term empty on your October 2023 return, and how many of those dwellings had been empty for two years or more?*

**Response:** 1,240 dwellings were long-term empty, of which 312 had been empty for two years or more.

### Question 2a

Yes.
"""


def test_questions_restated_as_one_under_a_shared_heading_share_the_answer() -> None:
    got = read(SHARED_HEADING)
    assert got["1a"] == ("answered", 1240)
    assert got["1b"] == ("answered", 312)
    assert got["2a"] == ("answered", True)


def test_lettered_answer_quoting_an_option_of_another_letter_answers_its_question() -> None:
    """"(c) A commercial contractor appointed by the council." answers question c (the contractor is option b);
    "b. A commercial contractor ..." under a question would restate option b."""
    q = Questionnaire(title="catering", questions=[
        Question("a", "How many schools do you maintain?", QuestionType.NUMBER, "a"),
        Question("b", "Do you offer universal free school meals?", QuestionType.YESNO, "b"),
        Question("c", "Which best describes how school catering is provided? Please choose one.", QuestionType.CHOICE,
                 "c", options=[Option("in_house", "In-house council catering service"),
                               Option("contractor", "A commercial contractor appointed by the council"),
                               Option("own", "Each school makes its own arrangements")]),
    ])
    text = "(a) 84 schools.\n\n(b) No.\n\n(c) A commercial contractor appointed by the council.\n"
    got = {a.question: (str(a.status), a.value) for a in collate_text(text, q)}
    assert got == {"a": ("answered", 84), "b": ("answered", False), "c": ("answered", "contractor")}


@pytest.mark.parametrize("question", [
    "What is your current charge for a rat treatment at a domestic property (in £, including VAT)?",
    "What is the current annual fee, in GBP, for a street trading licence?",
])
def test_a_price_asked_is_one_price_not_the_sum_of_those_beside_it(question: str) -> None:
    q = Questionnaire(title="fees", questions=[Question("1", question, QuestionType.NUMBER, "1")])
    text = "1. Our charge is £78 (standard), with a concession of £62 for people on benefits."
    out = collate_document(Document(id="r", text=text), q)
    assert out.answers[0].value == 78


@pytest.mark.parametrize(("line", "key", "rest"), [
    ("Answer (a): Primary 41, secondary 1,204.", "a", "Primary 41, secondary 1,204."),
    ("Response 2: Yes.", "2", "Yes."),
    ("Reply 3b – not held", "3b", "not held"),
    ("Answer: 12", None, None),  # no label: the word leads the answer
    ("Response 2023: budget", None, None),  # a year, not a label
])
def test_answer_words_lead_a_label(line: str, key: str | None, rest: str | None) -> None:
    m = parse_marker(line)
    assert (m.key, m.rest) == (key, rest) if key else m is None


def test_answers_labelled_answer_a_after_the_request_quoted_in_full() -> None:
    text = ("You asked:\n" + "\n".join(f"({q.label}) {q.text}" for q in Q.questions) + "\n\nOur response\n\n"
            "Answer (1a): 412 dwellings.\nAnswer (1b): 130.\nAnswer (2a): Yes, 100%.\nAnswer (3): 2.5 FTE.\n")
    got = read(text)
    assert got["1a"] == ("answered", 412) and got["1b"] == ("answered", 130) and got["3"] == ("answered", 2.5)


FOSTER = Questionnaire(title="fostering", questions=[
    Question("1", "How many approved fostering households did you have on 31 March 2023?", QuestionType.NUMBER, "1"),
    Question("2a", "a child aged 0 to 4", QuestionType.NUMBER, "2a",
             context="What weekly allowance do you pay a foster carer for each of the following?"),
    Question("2b", "a child aged 5 to 10", QuestionType.NUMBER, "2b",
             context="What weekly allowance do you pay a foster carer for each of the following?"),
    Question("3", "Do you pay a retainer to carers between placements?", QuestionType.YESNO, "3"),
    Question("4", "How many foster carers left the service in 2022/23?", QuestionType.NUMBER, "4"),
])


def test_a_sub_question_restated_whole_is_no_answer_even_with_figures_in_it() -> None:
    # the request quoted in full above the reply: "a) a child aged 0 to 4" is the question, not "0, 4"
    text = ("Dear Ms Reyes,\n\nYou asked:\n"
            "1. How many approved fostering households did you have on 31 March 2023?\n"
            "2. What weekly allowance do you pay a foster carer for each of the following?\n"
            "a) a child aged 0 to 4\nb) a child aged 5 to 10\n"
            "3. Do you pay a retainer to carers between placements?\n"
            "4. How many foster carers left the service in 2022/23?\n\nKind regards,\nPat Lee\n\n"
            "Dear Ms Reyes,\n\nWe had 212 approved fostering households on 31 March 2023. "
            "The weekly allowance for a child aged 0 to 4 is £182 and for a child aged 5 to 10 it is £207. "
            "We do not pay a retainer between placements. 31 foster carers left the service in 2022/23.\n\n"
            "Yours sincerely,\nFostering Team\n")
    got = {a.question: (str(a.status), a.value) for a in collate_document(Document(id="r", text=text), FOSTER).answers}
    assert got["1"] == ("answered", 212) and got["2a"][1] != 4 and got["4"] == ("answered", 31)


def test_table_rows_naming_two_questions_anchor_them() -> None:
    q = Questionnaire(title="social workers", questions=[
        Question("q1", "How many qualified social workers (headcount) did the council directly employ as at "
                       "31 December 2023?", QuestionType.NUMBER, "Q1"),
        Question("q2", "How many agency social workers were engaged by the council as at 31 December 2023?",
                 QuestionType.NUMBER, "Q2"),
        Question("q3", "What was the council's total expenditure on agency social workers in 2022/23?",
                 QuestionType.NUMBER, "Q3"),
        Question("q4", "Do you use a managed service provider for agency staff?", QuestionType.YESNO, "Q4"),
        Question("q5", "How many agency social workers converted to permanent posts in 2023?", QuestionType.NUMBER,
                 "Q5"),
        Question("q6", "Do you pay a market supplement to permanent social workers?", QuestionType.YESNO, "Q6"),
        Question("q7", "How many social work vacancies were there at 31 December 2023?", QuestionType.NUMBER, "Q7"),
        Question("q8", "Please describe your recruitment and retention strategy.", QuestionType.TEXT, "Q8"),
        Question("q9", "Do you have a social work academy for newly qualified staff?", QuestionType.YESNO, "Q9"),
    ])
    text = ("Ref: FOI-2024-0113\n\nDear requester,\n\n"
            "| | Children's services | Adult services | Total |\n|---|---|---|---|\n"
            "| Qualified social workers (Q1) | 212 | 140 | 352 |\n| Agency social workers (Q2) | 41 | 18 | 59 |\n"
            "Q3 - Spend 2022/23\nSpend on agency social workers was £4,512,300.\n"
            "Q4 - Yes.\nQ5 - 7 converted.\nQ6 - No.\nQ7 - 38 vacancies.\nQ8 - Our strategy is attached.\nQ9 - Yes.\n")
    got = {a.question: (str(a.status), a.value) for a in collate_text(text, q)}
    assert got["q1"] == ("answered", 352) and got["q2"] == ("answered", 59) and got["q5"] == ("answered", 7)


def test_a_restated_matrix_question_keeps_its_items_when_an_item_echoes_another_question() -> None:
    q = Questionnaire(title="care homes", questions=[
        Question("1", "How many contract monitoring visits did your council carry out to care homes in 2023/24?",
                 QuestionType.NUMBER, "1"),
        Question("2", "Do you use a risk tool to plan visits?", QuestionType.YESNO, "2"),
        Question("3", "For each of the following, please say whether you publish it:", QuestionType.MATRIX, "3",
                 items=[Option("framework", "Contract monitoring framework"),
                          Option("reports", "Individual care home monitoring reports"),
                          Option("suspended", "List of homes where placements are suspended")]),
    ])
    text = ("**3. For each of the following, please say whether you publish it:**\n\n"
            "- Contract monitoring framework: No\n- Individual care home monitoring reports: No\n"
            "- List of homes where placements are suspended: Yes, monthly.\n\n"
            "**1. How many contract monitoring visits did your council carry out to care homes in 2023/24?**\n\n"
            "We carried out 146 visits.\n\n**2. Do you use a risk tool to plan visits?**\n\nYes.\n")
    got = {a.question: (str(a.status), a.value) for a in collate_text(text, q)}
    assert got["3"] == ("answered", {"framework": False, "reports": False, "suspended": True})
    assert got["1"] == ("answered", 146)


def test_eir_not_held_with_a_suggested_body_is_the_r12_4_a_exception() -> None:
    text = ("Our reference: EIR-24-0142\n\nDear Mr Hale,\n\nWe have considered your request under the Environmental "
            "Information Regulations 2004 (EIR).\n\nThe County Council does not own any empty homes and therefore "
            "does not hold the information you have requested, and under regulation 12(4)(a) of the EIR we are "
            "required to tell you this. As information that is not held cannot be disclosed, the public interest "
            "test does not apply.\n\nEmpty homes are dealt with by Haldon Vale District Council and Wyebridge District "
            "Council. Under regulation 10 we "
            "would suggest that you contact them.\n\nYours sincerely,\nInformation Governance\n")
    got = collate_document(Document(id="r", text=text), Q).answers
    assert {(str(a.status), a.grounds) for a in got} == {("refused", "r12(4)(a)")}


def test_a_request_quoted_above_the_reply_gives_way_to_the_replys_own_question_labels() -> None:
    # a WhatDoTheyKnow page: the request quoted in full and signed off, then the body's letter under its greeting,
    # which answers "Questions 1 to 3" (1a and 1b among them) with a referral and question 5 in prose
    text = ("Dear Holmbridge District Council,\n\n"
            "1. Long-term empty homes:\n"
            "a) How many dwellings were recorded as long-term empty on your October 2023 return?\n"
            "b) How many of those dwellings had been empty for two years or more?\n"
            "2. Do you currently charge a council tax premium on long-term empty homes?\n"
            "3. Have you made any compulsory purchase orders since 2021?\n"
            "4. How many full-time equivalent (FTE) empty homes officers does the council employ?\n"
            "5. Please describe your policy on reducing the premium.\n\n"
            "Yours faithfully,\nSam Ortiz\n\n"
            "Dear Sam Ortiz,\n\nThank you for your request, which we received on 3 June 2024.\n\n"
            "Questions 1 to 3 concern council tax, which Holmbridge District Council does not collect in our "
            "area: Wyvern Shire Council collects it. Please redirect questions 1 to 3 to Wyvern Shire Council "
            "at foi@wyvern.gov.uk.\n\n"
            "Question 5 - reductions to the premium are considered case by case under our discretionary policy.\n\n"
            "Yours sincerely,\nInformation Officer\n")
    q = replace(Q, questions=[Q.questions[0], Q.questions[1], replace(Q.questions[2], id="2", label="2"),
                              replace(Q.questions[3], id="3", label="3"), replace(Q.questions[4], id="4", label="4"),
                              replace(Q.questions[6], id="5", label="5")])
    by_id = by_question(text, q)
    for qid in ("1a", "1b", "2", "3"):
        assert (str(by_id[qid].status), by_id[qid].referred_to) == ("referred", "Wyvern Shire Council"), qid
    assert str(by_id["4"].status) == "not_answered"
    assert str(by_id["5"].status) == "answered" and "case by case" in by_id["5"].value


def test_a_referral_to_a_burial_board_and_a_question_answered_on_its_own() -> None:
    q = Questionnaire(title="cemeteries", questions=[
        Question("a", "How many cemeteries does the council own or manage?", QuestionType.NUMBER, "a"),
        Question("b", "How many burials took place in 2023?", QuestionType.NUMBER, "b"),
        Question("c", "Is there a crematorium in your area?", QuestionType.YESNO, "c"),
    ])
    text = ("Dear Ms Reyes\n\nThornby District Council does not own or manage any cemeteries. The cemetery at Holt "
            "is owned and run by Holt Burial Board, which is administered by Holt Town Council. I have forwarded "
            "your request to the Clerk to the Burial Board, who will answer questions (a) and (b).\n\n"
            "On question (c), there is no crematorium within the district.\n\nYours sincerely\n\nFOI Officer\n")
    got = by_question(text, q)
    assert {(str(got[k].status), got[k].referred_to) for k in "ab"} == {("referred", "Holt Burial Board")}
    assert (str(got["c"].status), got["c"].value) == ("answered", False)


def answer_alone(question: Question, text: str) -> Any:
    """The answer a one-question reply gives to that question."""
    return collate_document(Document(id="r", text=text), Questionnaire(title="t", questions=[question])).answers[0]


@pytest.mark.parametrize(("text", "status", "grounds"), [
    # a link to the policy asked for, with or without a summary, answers the question
    ("1. Our enforcement policy is published at https://www.example.gov.uk/enforcement. In summary, officers "
     "investigate every report on public land.", "answered", None),
    ("1. The Trust's Privacy and Dignity Policy is published at www.example.nhs.uk/policies.", "answered", None),
    # the same link with the exemption named is a refusal under section 21
    ("1. This information is exempt under section 21 of the Act as it is reasonably accessible to you: our "
     "policy is published at https://www.example.gov.uk/enforcement.", "refused", "s21"),
])
def test_a_link_to_the_policy_asked_for_answers_unless_section_21_is_cited(
        text: str, status: str, grounds: str | None) -> None:
    a = answer_alone(Question("1", "Please send me your policy on enforcement, or a link to it.",
                              QuestionType.TEXT, "1"), text)
    assert (a.status.value, a.grounds) == (status, grounds)


@pytest.mark.parametrize(("text", "status", "value"), [
    ("1. Not held. As the council does not use AI tools, there is no spend on such contracts and no "
     "assessments have been carried out.", "not_held", None),
    # a none given outright is still a count of none
    ("1. Not held. We do not use AI tools, so the number of assessments is 0.", "answered", 0),
])
def test_a_none_in_the_reason_nothing_is_held_is_no_count(text: str, status: str, value: object) -> None:
    a = answer_alone(Question("1", "How many data protection impact assessments have you carried out on AI tools?",
                              QuestionType.NUMBER, "1"), text)
    assert (a.status.value, a.value) == (status, value)


@pytest.mark.parametrize(("text", "status", "grounds"), [
    ("1. Less than 10 - mostly payment terminal faults.", "answered", None),
    ("1. Less than 10 years at current rates.", "answered", None),
    # the usual suppression of a count under five, and any small count withheld to protect people
    ("1. Fewer than 5.", "refused", "s40"),
    ("1. Fewer than 10; the exact figure is withheld as it could identify individuals.", "refused", "s40"),
])
def test_less_than_ten_is_a_refusal_only_where_it_protects_someone(text: str, status: str, grounds: str | None) -> None:
    a = answer_alone(Question("1", "How many faults were reported in 2023?", QuestionType.NUMBER, "1"), text)
    assert (a.status.value, a.grounds) == (status, grounds)


@pytest.mark.parametrize(("text", "status", "referred_to"), [
    # another body is said to hold it: a referral, whatever the letter says of its own records
    ("1. This information is held by Arran Leisure Trust and not by the Council. The Trust is not a public "
     "authority, so this information is not held by the Trust on the Council's behalf.", "referred",
     "Arran Leisure Trust"),
    # advice that another body may hold it, beside "not held", stays not held
    ("1. The Council does not hold this information. You may wish to contact Arran Leisure Trust, which may "
     "hold it.", "not_held", None),
])
def test_another_body_said_to_hold_it_is_a_referral(text: str, status: str, referred_to: str | None) -> None:
    a = answer_alone(Question("1", "What are the swimming session prices at each of your leisure centres?",
                              QuestionType.TEXT, "1"), text)
    assert (a.status.value, a.referred_to) == (status, referred_to)


def test_not_applicable_in_welsh_and_english_is_not_held() -> None:
    q = Question("1", "For each of the following, do you record it for homes sold under the right to buy?",
                 QuestionType.MATRIX, "1", items=[Option("resale", "Resale within ten years"),
                                                   Option("let", "Let privately")])
    a = answer_alone(q, "1. Amherthnasol / Not applicable - the right to buy ended in Wales in 2019.")
    assert a.status.value == "not_held"


def test_a_range_is_answered_with_no_one_figure() -> None:
    a = answer_alone(Question("1", "How many pupils attended a breakfast club on a typical day?", QuestionType.NUMBER,
                              "1"), "1. We estimate that between 2,600 and 2,900 pupils attended on a typical day.")
    assert (a.status.value, a.value, a.breakdown) == ("answered", None, None)


@pytest.mark.parametrize("pointer", [
    "Question 1b - empty for two years or more\nSee response to Question 1a.",
    "1b.\nSee response to (a).",
    "Question 1b\nGweler ein hateb i gwestiwn 1a. / Please see our answer to question 1a.",
])
def test_see_response_to_another_question_reads_its_figure(pointer: str) -> None:
    got = read("Question 1a - long-term empty dwellings\n612 dwellings were recorded as long-term empty, "
               f"of which 214 had been empty for two years or more.\n\n{pointer}\n")
    assert got["1a"] == ("answered", 612)
    assert got["1b"] == ("answered", 214)


def _numbers(**asked: str) -> Questionnaire:
    """A questionnaire of number questions, labelled by their ids."""
    return Questionnaire(title="t", questions=[Question(k, text, QuestionType.NUMBER, k) for k, text in asked.items()])


def test_one_table_under_two_labels_gives_each_question_its_row() -> None:
    q = _numbers(b="How many fire safety audits of tower blocks did you carry out in each of the years 2021/22 and "
                   "2022/23?",
                 c="How many enforcement notices did you serve on the owners of tower blocks in 2022/23?")
    text = ("Our response\nb) and c)\nResponse: the table below answers both.\n"
            "Activity                          | 2021/22 | 2022/23\n"
            "Audits of tower blocks            |      64 |      71\n"
            "Enforcement notices to owners     |       3 |       5\n")
    got = {k: (a.value, a.breakdown) for k, a in by_question(text, q).items()}
    assert got["b"] == (None, {"2021/22": 64, "2022/23": 71})
    assert got["c"] == (5, None)


def test_a_matrix_row_heads_no_other_question() -> None:
    from foicollate import segment
    q = Questionnaire(title="ai", questions=[
        Question("2", "How much did you spend on the register of algorithmic tools?", QuestionType.NUMBER, "2"),
        Question("4", "For each of the following, please state whether you have it in place.", QuestionType.MATRIX,
                 "4", items=[Option("guidance", "Guidance for staff on the use of generative AI"),
                             Option("register", "A register or inventory of the algorithmic tools you use")]),
    ])
    idx = segment._QuestionIndex(q)
    rows = segment.segment(Document(id="r", text="Register of algorithmic tools\tNo\n"
                                                 "Register of algorithmic tools\t£4,000\n"), q).lines
    assert segment._heading_candidates(0, rows[0], idx) == []  # an item and its verdict
    assert [a.questions for a in segment._heading_candidates(1, rows[1], idx)] == [[0]]  # a figure: a heading


@pytest.mark.parametrize(("answer", "table"), [
    ("1a. Please see the table below (Table 1). In total 934 dwellings were recorded.",
     "Table 1: Dwellings by ward\n\nWard                        Dwellings\nAbbey                          12\n"
     "Brookside                      96\nOther wards (23 wards)        826\nTotal                         934\n"),
    ("1a. 934 - see the ward breakdown below",
     "Dwellings by ward\nWard\tDwellings\nAbbey\t12\nBrookside\t96\nOther wards\t826\nTotal\t934\n"),
])
def test_a_total_with_its_parts_in_a_table_below(answer: str, table: str) -> None:
    text = f"{answer}\n\n1b. 214.\n\n5. This is withheld under section 43 (commercial interests).\n\n{table}"
    out = by_question(text, Q)
    assert out["1a"].value == 934
    assert sorted((out["1a"].breakdown or {}).values()) == [12, 96, 826]
    assert out["1b"].value == 214


def test_matrix_items_with_their_verdicts_on_the_label_line_are_the_answer() -> None:
    q = Questionnaire(title="phones", questions=[
        Question("5", "How many schools are there?", QuestionType.NUMBER, "5"),
        Question("6", "For each of the following phases, do you have a written mobile phone policy? Please answer yes "
                      "or no for each.", QuestionType.MATRIX, "6",
                 items=[Option("primary", "primary"), Option("secondary", "secondary"),
                        Option("special", "special schools")]),
    ])
    got = {k: a.value for k, a in by_question(
        "5. 14 schools.\n\n6. Primary - Yes; Secondary - Yes; Special schools - No.\n\nYours sincerely\n", q).items()}
    assert got["6"] == {"primary": True, "secondary": True, "special": False}


@pytest.mark.parametrize("rows", [
    "0-4: £182.50\n5-10: £203.00\n11-15: £231.00\n16-17: £270.00",
    "| Age band | Weekly allowance |\n|---|---|\n| 0 to 4 | £182.50 |\n| 5 to 10 | £203.00 |\n| 11 to 15 | £231.00 |",
])
def test_age_bands_name_the_rows_of_one_answer(rows: str) -> None:
    q = Questionnaire(title="fostering", questions=[
        Question(k, f"a child aged {band}", QuestionType.NUMBER, k,
                 context="What weekly fostering allowance do you pay in 2023/24 for:")
        for k, band in (("2a", "0 to 4"), ("2b", "5 to 10"), ("2c", "11 to 15"))])
    got = {k: a.value for k, a in by_question(f"2. Our weekly allowances for 2023/24 are:\n{rows}\n\nYours sincerely\n",
                                             q).items()}
    assert got == {"2a": 182.5, "2b": 203, "2c": 231}


def test_two_questions_over_one_table_by_type_and_year() -> None:
    q = _numbers(**{"1a": "What was the total amount you spent on interpreting in each of the financial years "
                          "2021/22 and 2022/23?",
                    "1b": "How much of your 2022/23 spend was on British Sign Language (BSL) interpreting?"})
    text = ("1a and 1b\n| Type | 2021/22 | 2022/23 |\n|---|---|---|\n| Spoken language | £180,200 | £234,290 |\n"
            "| BSL | £21,750 | £14,210 |\n| Total | £201,950 | £248,500 |\n")
    got = {k: (a.value, a.breakdown) for k, a in by_question(text, q).items()}
    assert got["1b"] == (14210, None)
    assert got["1a"][1] == {"2021/22": 201950, "2022/23": 248500}
