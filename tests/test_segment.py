"""Segmenting a reply: each layout a real reply uses finds each question's passage."""

from __future__ import annotations

import pytest
from replies import by_question, collate_text

from foicollate.collate import collate_document
from foicollate.model import Document, Option, Question, Questionnaire, QuestionType

Q = Questionnaire(
    title="t",
    questions=[
        Question("a", "How many library staff do you employ?", QuestionType.NUMBER, "a"),
        Question("b", "Do you use volunteers in your libraries?", QuestionType.YESNO, "b"),
        Question("c", "Which of these services do you offer? Tick all that apply.", QuestionType.MULTI, "c",
                 options=[Option("wifi", "Free Wi-Fi", "i"), Option("pcs", "Public computers", "ii"),
                          Option("mobile", "Mobile library", "iii")]),
    ],
)


def read(text: str) -> dict[str, tuple[str, object]]:
    out = collate_document(Document(id="r", text=text), Q)
    for a in out.answers:
        for ev in a.evidence:  # every span is the text's own
            assert text[ev.start:ev.end] == ev.text
    return {a.question: (str(a.status), a.value) for a in out.answers}


EXPECTED = {"a": ("answered", 42), "b": ("answered", False), "c": ("answered", ["wifi", "pcs"])}


@pytest.mark.parametrize(
    "text",
    [
        # interleaved, question restated
        "Dear Sir\na. How many library staff do you employ?\n42.\nb. Do you use volunteers in your libraries?\n"
        "No, we do not.\nc. Which of these services do you offer?\n(i) and (ii).\nYours sincerely\n",
        # numbered answers without the question, renumbered 1..3
        "Dear Sir\n1. 42\n2. No.\n3. Free Wi-Fi and public computers.\nKind regards\n",
        # answers inline on one line
        "Hi, answers below.\na) 42  b) No  c) i and ii\nRegards\n",
        # request quoted first, answers after a Response heading
        "Your request:\na. How many library staff do you employ?\nb. Do you use volunteers in your libraries?\n"
        "c. Which of these services do you offer?\nResponse\na. 42\nb. No\nc. Free Wi-Fi and public computers\n",
        # a table of question and answer
        "Question | Answer\nStaff employed | 42\nVolunteers used | No\nServices offered | (i), (ii)\n",
    ],
    ids=["interleaved", "numbered", "inline", "quoted-request", "table"],
)
def test_layouts(text: str) -> None:
    assert read(text) == EXPECTED


def test_blanket_referral_applies_to_every_question() -> None:
    got = read("Dear Sir\nLibraries are not provided at district level. Please redirect your request to "
               "Westshire County Council, which runs the library service.\nYours faithfully\n")
    assert {s for s, _v in got.values()} == {"referred"}


def test_unanswered_question_is_not_answered() -> None:
    got = read("Dear Sir\na. 42\nc. Free Wi-Fi only\nKind regards\n")
    assert got["b"] == ("not_answered", None)
    assert got["c"] == ("answered", ["wifi"])


def test_as_above_copies_the_previous_answer() -> None:
    got = read("a. 42 staff are employed, none of them volunteers.\nb. No.\nc. As above.\n")
    assert got["a"] == ("answered", 42)


def test_section_numbered_answers() -> None:
    """Questions numbered within lettered sections ("A1.", "B2.") answered as "A1 – 356km"."""
    q = Questionnaire(title="t", questions=[
        Question("a1", "What length of road do you treat, in kilometres?", QuestionType.NUMBER, "A1"),
        Question("a2", "Can residents request a grit bin?", QuestionType.YESNO, "A2"),
        Question("b1", "How many grit bins do you maintain?", QuestionType.NUMBER, "B1"),
    ])
    text = "Hi Eleanor\nAnswers below.\nA1 – 356km\nA2 – Yes\nB1 – 480\nThanks\nJo"
    got = {a.question: (str(a.status), a.value) for a in collate_text(text, q)}
    assert got == {"a1": ("answered", 356), "a2": ("answered", True), "b1": ("answered", 480)}


def test_reply_numbered_by_the_requests_groups() -> None:
    """A request's "A1", "A2", "B" answered as "1(a)", "1(b)", "2"; or all of them as "1" to "3"."""
    q = Questionnaire(title="t", questions=[
        Question("a1", "What was the value of the holdings?", QuestionType.NUMBER, "A1"),
        Question("a2", "What percentage of the fund was that?", QuestionType.NUMBER, "A2"),
        Question("b", "Has the fund committed to divest?", QuestionType.YESNO, "B"),
    ])
    for text in ("Dear Ms X\nOur answers:\n1(a)  £41.3 million\n1(b)  2.1%\n2     No\nYours sincerely",
                 "Dear Ms X\nOur answers:\n1. £41.3 million\n2. 2.1%\n3. No\nYours sincerely"):
        got = {a.question: a.value for a in collate_text(text, q)}
        assert got == {"a1": 41300000, "a2": 2.1, "b": False}, text


def test_request_quoted_then_one_unlabelled_answer_a_row() -> None:
    """A disclosure-log page: the request as bullets, then under "Our response" one table row per question."""
    text = ("Request\n- How many library staff do you employ?\n- Do you use volunteers in your libraries?\n"
            "- Which of these services do you offer? Tick all that apply.\nOur response\n| Response |\n|---|\n"
            "| 42 |\n| No |\n| (i) and (ii) |\nIf you are dissatisfied you may ask for an internal review.\n")
    assert read(text) == EXPECTED


def test_running_page_headers_do_not_split_a_table() -> None:
    """A PDF's running footer and header between two rows of a table flattened one cell a line."""
    q = Questionnaire(title="t", questions=[
        Question("a", "How much salt, in tonnes, did you use in each winter?", QuestionType.NUMBER, "A")])
    page = "\nREF/23-1172                      Page {} of 3\n\fOFFICIAL\n\nNorthshire Council     FOI response\n\n"
    text = ("Dear Ms X\nA. Salt use is below.\nWinter\nSalt used (tonnes)\nActions\n2020/21\n38,412\n96\n"
            "2021/22\n24,905\n71" + page.format(1) + "2022/23\n41,276\n104\nTotal\n104,593\n271\n"
            + page.format(2) + "Yours sincerely\nJo Bloggs")
    (ans,) = collate_text(text, q)
    assert ans.value == 104593
    assert ans.breakdown == {"2020/21": 38412, "2021/22": 24905, "2022/23": 41276}


def test_refusal_inside_another_answer_is_not_blanket() -> None:
    """Prose answers in request order: the s22 said of one year's figure does not spread to the
    question the letter does not answer."""
    q = Questionnaire(title="t", questions=[
        Question("a", "How much did you spend on winter service in each year?", QuestionType.NUMBER, "1"),
        Question("b", "How many grit bins do you maintain?", QuestionType.NUMBER, "2"),
        Question("c", "Can residents request a new grit bin?", QuestionType.YESNO, "3"),
        Question("d", "Which weather forecasting provider do you use?", QuestionType.TEXT, "4"),
    ])
    text = ("Dear Dr Quayle\nThank you for your request.\nOur winter service spend was £2,310,450 in 2020/21. "
            "The 2022/23 figure will be published in our accounts, so it is exempt under section 22 of the "
            "Act.\nThere are 1,038 grit bins that we maintain. Residents can request a new grit bin with our "
            "online form.\nYours sincerely\nJo Bloggs")
    got = by_question(text, q)
    assert got["b"].value == 1038 and got["c"].value is True
    assert str(got["d"].status) == "not_answered"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # bodies named only as advice: not held
        ("Dear Sir\nThe Trust does not hold any of the information you have requested. Funerals are the "
         "responsibility of local authorities. You may wish to contact Harnwick Council, which may hold the "
         "information.\nYours faithfully\nJo Bloggs", "not_held"),
        ("Dear Sir\nThe ICB does not hold any of the information you have requested. By way of advice and "
         "assistance, the trusts that may hold it are Castlebeck Hospitals NHS Trust and Sorrelby NHS Trust.\n"
         "Yours faithfully\nJo Bloggs", "not_held"),
        ("Dear Sir\nThe ICB does not hold any of the information you have requested. The NHS trusts in our "
         "area are Castlebeck Hospitals NHS Trust and Sorrelby NHS Trust. You may wish to contact them directly.\n"
         "Yours faithfully\nJo Bloggs", "not_held"),
        # told where to send it: referred
        ("Dear Sir\nThe County Council does not hold this information. Please redirect your request to "
         "Eastmoor District Council, which runs this service.\nYours faithfully\nJo Bloggs", "referred"),
        ("Dear Sir\nWe do not hold this information. These questions should be directed to the district "
         "councils, which hold this information.\nYours faithfully\nJo Bloggs", "referred"),
    ],
)
def test_advice_to_contact_another_body_is_not_a_referral(text: str, status: str) -> None:
    assert {s for s, _v in read(text).values()} == {status}


@pytest.mark.parametrize(
    ("question", "answer", "value"),
    [
        # a price is read as money and not added to the other prices beside it
        ("What is the annual rent for a standard 10-rod plot, in pounds?",
         "£112.00 for 2023/24. Most plots are 5 rods, for which the rent is £56.00.", 112),
        ("What is the annual rent for a standard plot?", "£58.75 for 2023/24 (10-rod plot, including water).", 58.75),
        # "how many ... grants" counts grants: the £ value beside the count is no answer
        ("How many Disabled Facilities Grants did you approve in 2022/23?",
         "In 2022/23 the Council approved 87 grants, with a total approved value of £612,340.", 87),
    ],
)
def test_prices_and_counts_of_money_things(question: str, answer: str, value: float) -> None:
    q = Questionnaire(title="t", questions=[Question("a", question, QuestionType.NUMBER, "1")])
    text = f"Dear Sir\n1. {answer}\nYours sincerely\nJo Bloggs"
    (ans,) = collate_text(text, q)
    assert ans.value == value


def test_intro_line_under_the_response_heading_is_no_answer() -> None:
    """The request quoted, then "Our response", a sentence about the table, and one row per question."""
    text = ("Dear Sir\nYou asked:\n\"a. How many library staff do you employ?\nb. Do you use volunteers in your "
            "libraries?\nc. Which of these services do you offer? Tick all that apply.\"\nOUR RESPONSE\n"
            "The Council's responses are given in the table below, in the same order as your questions.\n"
            "Response\n42\nNo\n(i) and (ii)\nYours sincerely\nJo Bloggs")
    assert read(text) == EXPECTED


@pytest.mark.parametrize(
    "text",
    [
        # questions restated loosely, each in the same "Q: ...?" shape, none close enough to anchor alone
        "Dear Sir\nQ: Staff numbers?\nAnswer: 42.\nQ: Volunteers?\nAnswer: No, we do not.\n"
        "Q: Services available?\nAnswer: Free Wi-Fi and public computers.\nYours sincerely\nJo Bloggs",
        # the request quoted as a tight list, options inline, then a one-column table of answers and a note
        "Dear Sir\n## Your request\na. How many library staff do you employ?\nb. Do you use volunteers in your "
        "libraries?\nc. Which of these services do you offer? Options: Free Wi-Fi / Public computers / Mobile library.\n"
        "## Response\n| Response |\n|---|\n| 42 |\n| No |\n| Free Wi-Fi and public computers |\n"
        "Note: figures are as at 31 March 2023.\nYours sincerely\nJo Bloggs",
        # a summary table whose rows point down to the detail, in roman numerals
        "Dear Sir\nQuestion\tResponse\ni\t42\nii\tNo\niii\tSee detail below\n\nDetail\n\nQuestion iii (services)\n"
        "We offer free Wi-Fi and public computers.\nYours sincerely\nJo Bloggs",
        # a two-column table flattened one cell a line under repeated header cells
        "Dear Sir\nCwestiwn / Question\n1\nAteb / Answer\n42\nCwestiwn / Question\n2\nAteb / Answer\nNo\n"
        "Cwestiwn / Question\n3\nAteb / Answer\nFree Wi-Fi and public computers\nYours sincerely\nJo Bloggs",
    ],
)
def test_more_layouts(text: str) -> None:
    q = Q if "Question iii" not in text else Questionnaire(title="t", questions=[
        Question(x.id, x.text, x.type, label, options=x.options) for x, label in zip(Q.questions, ("i", "ii", "iii"),
                                                                                       strict=True)])
    out = collate_document(Document(id="r", text=text), q)
    assert {a.question: (str(a.status), a.value) for a in out.answers} == EXPECTED


def test_options_denied_by_their_own_words_are_not_picked() -> None:
    """'We do not use ... third-party websites': an option named only in a denial is not ticked."""
    text = ("Dear Sir\nc. We offer free Wi-Fi and public computers via our website. We have no mobile library.\n"
            "Yours sincerely\nJo Bloggs")
    assert read(text)["c"] == ("answered", ["wifi", "pcs"])


def test_label_cell_of_a_table_row_is_not_the_answer() -> None:
    """'| C3 / Q3 – policy | Not held |': the label's own cell is no text answer."""
    q = Questionnaire(title="t", questions=[Question("3", "Please set out your policy on pesticide use.",
                                                     QuestionType.TEXT, "3")])
    text = ("Dear Ms P,\n| Cwestiwn / Question | Ateb / Answer |\n|---|---|\n"
            "| C3 / Q3 – policy | Not held – the Council has no written policy. |\nYours sincerely,\nSian")
    (ans,) = collate_text(text, q)
    assert str(ans.status) == "not_held"


YEARS = Questionnaire(title="t", questions=[
    Question("1a", "How many inpatient falls were reported?", QuestionType.NUMBER, "1a",
             context="For each of the financial years 2021/22, 2022/23 and 2023/24"),
    Question("1b", "How many of those caused moderate or severe harm?", QuestionType.NUMBER, "1b",
             context="For each of the financial years 2021/22, 2022/23 and 2023/24"),
])


def test_years_named_only_in_the_preamble_key_a_bare_list() -> None:
    """'1a) 212, 198, 231' for years the request's preamble names: one figure a year, no total."""
    text = "Dear Dr O\n1a) 212, 198, 231\n1b) 9, 7, 11\nKind regards\nInformation Governance"
    got = {a.question: a.breakdown for a in collate_document(Document(id="r", text=text), YEARS).answers}
    assert got["1a"] == {"2021/22": 212, "2022/23": 198, "2023/24": 231}
    assert got["1b"] == {"2021/22": 9, "2022/23": 7, "2023/24": 11}


def test_two_labels_answered_at_once_inline() -> None:
    """'... 2a/2b) ...' in one paragraph of inline answers: the joint label opens both questions."""
    q = Questionnaire(title="t", questions=[
        Question("1", "How many collections were missed?", QuestionType.NUMBER, "1"),
        Question("2a", "Does your contractor pay a penalty for missed collections?", QuestionType.YESNO, "2a"),
        Question("2b", "How much was paid in penalties?", QuestionType.NUMBER, "2b"),
        Question("3", "How can a resident report a missed collection?", QuestionType.TEXT, "3"),
    ])
    text = ("Hi Priya - sorry for the delay. 1) 812 last year. 2a/2b) we don't hold anything for these because "
            "there is no contractor. 3) report it online by the next day and we come back within 2 working days."
            "\n\nThanks, Kevin")
    got = {a.question: (str(a.status), a.value) for a in collate_text(text, q)}
    assert got["1"] == ("answered", 812)
    assert got["2a"][0] == got["2b"][0] == "not_held"
    assert got["3"][0] == "answered" and "online" in str(got["3"][1])


def test_everything_on_the_list_and_nothing_else() -> None:
    q = Questionnaire(title="t", questions=[
        Question("m", "Which of these bins do you collect? Tick all that apply.", QuestionType.MULTI, "1",
                 options=[Option("res", "Residual waste", "a"), Option("food", "Food waste", "b"),
                          Option("glass", "Glass", "c")]),
        Question("x", "Do you record the following for each missed collection?", QuestionType.MATRIX, "2",
                 items=[Option("reason", "The reason it was missed", "a"), Option("fix", "When it was put right", "b"),
                        Option("repeat", "Whether it was a repeat miss", "c")]),
    ])
    text = ("Hi Priya, 1) everything on your list except glass, which goes in the recycling bin. "
            "2) we only log the reason it was missed, nothing else. 3) n/a. Thanks")
    got = {a.question: a.value for a in collate_text(text, q)}
    assert got["m"] == ["res", "food"]
    assert got["x"] == {"reason": True, "fix": False, "repeat": False}


def test_a_summary_row_gives_way_to_its_own_section_below() -> None:
    """'iii | £231,075' up top and 'Question iii (spend)' with the breakdown below: the section is read, and
    a clause on what a figure leaves out ('which are not recorded') does not hide the figure."""
    q = Questionnaire(title="t", questions=[
        Question("i", "How many schools do you maintain?", QuestionType.NUMBER, "i"),
        Question("ii", "How many surveys were carried out in each of 2020/21, 2021/22 and 2022/23?",
                 QuestionType.NUMBER, "ii"),
        Question("iii", "What was the total spent on removal work in 2022/23?", QuestionType.NUMBER, "iii"),
        Question("iv", "Do you have a register?", QuestionType.YESNO, "iv"),
    ])
    text = ("Dear Ms A\nQuestion\tResponse\ni\t64\nii\tSee detail below\niii\t£231,075\niv\tYes\n\nDetail\n\n"
            "Question ii (surveys per year)\nApproximately 60 surveys were carried out over the three years, but "
            "this excludes surveys that schools commissioned themselves, which are not recorded by the Council:\n"
            "    2020/21 - 17\n    2021/22 - 22\n    2022/23 - 21\n\n"
            "Question iii (spend in 2022/23)\nThe total of £231,075 is made up as follows:\n"
            "    Licensed removal          £168,420\n    Encapsulation             £41,905\n"
            "    Air testing               £20,750\n    Total                     £231,075\n\n"
            "Yours sincerely\nFiona")
    got = {a.question: (a.value, a.breakdown) for a in collate_text(text, q)}
    assert got["i"] == (64, None)
    assert got["ii"] == (60, {"2020/21": 17, "2021/22": 22, "2022/23": 21})
    assert got["iii"][0] == 231075 and got["iii"][1] == {"Licensed removal": 168420, "Encapsulation": 41905,
                                                         "Air testing": 20750}
    assert got["iv"] == (True, None)


ALLOWANCE = "What was the weekly fostering allowance paid in 2024/25 for a child"
PARTS = Questionnaire(title="t", questions=[
    Question("1", "How many approved fostering households did you have on 31 March 2024?", QuestionType.NUMBER, "1"),
    Question("2a", "aged 0 to 4", QuestionType.NUMBER, "2a", context=ALLOWANCE),
    Question("2b", "aged 5 to 10", QuestionType.NUMBER, "2b", context=ALLOWANCE),
    Question("2c", "aged 11 to 15", QuestionType.NUMBER, "2c", context=ALLOWANCE),
    Question("2d", "aged 16 and over", QuestionType.NUMBER, "2d", context=ALLOWANCE),
    Question("3", "Do you pay a retainer to carers between placements?", QuestionType.YESNO, "3"),
])


@pytest.mark.parametrize(
    ("text", "allowances"),
    [
        # the parts answered inline on their question's line
        ("Dear Sir\n1. 212\n2. a) £182.00 b) £201.50 c) £229.00 d) £268.75\n3. No\nYours sincerely\n",
         [182, 201.5, 229, 268.75]),
        # the question asked whole and answered row by row, each row named by its age band
        ("**Q1. How many approved households?**\n\n212\n\n**Q2. What was the weekly allowance in 2024/25?**\n\n"
         "Our allowances are:\n- 0–4: £180.00\n- 5–10: £199.00\n- 11–15: £226.00\n- 16+: £264.00\n\n"
         "**Q3. Do you pay a retainer?**\n\nNo.\n", [180, 199, 226, 264]),
        # a part restated with its own figures ("aged 0 to 4") before the amount
        ("*Q2. What was the weekly fostering allowance paid in 2024/25 for a child: a) aged 0 to 4, b) aged 5 to 10, "
         "c) aged 11 to 15, d) aged 16 and over?*\n\nThe allowances for 2024/25 were:\n\n- a) aged 0 to 4: £175.00\n- b) aged 5 to 10: £195.00\n"
         "- c) aged 11 to 15: £222.00\n- d) aged 16 and over: £260.00\nQ1. 212\nQ3. No.\n", [175, 195, 222, 260]),
    ],
)
def test_a_question_asked_in_parts(text: str, allowances: list[float]) -> None:
    got = {a.question: a.value for a in collate_document(Document(id="r", text=text), PARTS).answers}
    assert [got[k] for k in ("2a", "2b", "2c", "2d")] == allowances
    assert got["1"] == 212 and got["3"] is False


def test_one_bullet_per_question_in_order() -> None:
    """A disclosure-log page that answers in an unlabelled bullet list, one bullet per question."""
    text = ("FOI 2024/118 - Library staff | Disclosure log\nHome » Council » FOI » Disclosure log\n"
            "Reference: FOI/2024/118\nDate received: 3 May 2024\nResponse\n"
            "- 42 staff, of whom 30 are full time.\n- No\n- Free Wi-Fi and public computers.\n"
            "Contact us, privacy, accessibility, cookies.\n")
    assert read(text) == EXPECTED


@pytest.mark.parametrize("prompt", ["(Yes/No)", "(Yes / No)", "[Y/N]"])
def test_a_yes_no_prompt_after_a_restated_question_is_not_the_answer(prompt: str) -> None:
    q = Questionnaire(title="t", questions=[
        Question("q1", "Does the force use live facial recognition?", QuestionType.YESNO, "1"),
        Question("q2", "How many deployments were there in 2023?", QuestionType.NUMBER, "2"),
    ])
    text = (f"Question 1: Does the force use live facial recognition? {prompt}\n\nYes.\n\n"
            "Question 2: How many deployments were there in 2023?\n\n14\n")
    got = {a.question: a.value for a in collate_text(text, q)}
    assert got == {"q1": True, "q2": 14}


def test_a_repeated_number_before_a_bracket_is_no_crash() -> None:
    # "7/7)" looks like two labels answered at once but names one twice: read on, never raise
    text = "Dear Sir\nOur sites are staffed 7/7) see a) 42; b) no; c) free Wi-Fi and public computers\n"
    got = read(text)
    assert set(got) == {"a", "b", "c"}


def test_a_table_is_not_a_list_of_bullets() -> None:
    """A reply whose only layout is a table of as many lines as questions is not one bullet per question."""
    from foicollate.segment import segment

    text = "Dear Sir\nPlease see below.\n| Zone | Permits |\n|---|---|\n| North | 42 |\nRegards\n"
    seg = segment(Document(id="r", text=text), Q)
    assert all(b.anchor is None or b.anchor.kind != "ordinal" for b in seg.blocks.values())


def test_a_yes_no_prompt_is_cut_only_as_a_whole_word() -> None:
    q = Questionnaire(title="t", questions=[
        Question("q1", "Do you record the reason?", QuestionType.YESNO, "1"),
        Question("q2", "How many reports were made?", QuestionType.NUMBER, "2"),
    ])
    text = "1. Do you record the reason? Yes/None held centrally\n2. How many reports were made?\n14\n"
    got = by_question(text, q)
    assert got["q1"].evidence and got["q1"].evidence[0].text.startswith("Yes/None")


def test_answers_written_between_the_lines_of_the_quoted_request() -> None:
    """An email reply that answers under each "> " line of the requester's quoted email."""
    text = ("Dear Ms X,\nThank you for your request.\nWe have now finished our searches.\n"
            "Our answers are below each of your questions.\n-----Original Message-----\n"
            "> a. How many library staff do you employ?\n\nAnswer: 42.\n\n"
            "> b. Do you use volunteers in your libraries?\n\nAnswer: No.\n\n"
            "> c. Which of these services do you offer? Tick all that apply.\n> (i) Free Wi-Fi\n"
            "> (ii) Public computers\n> (iii) Mobile library\n\nAnswer: (i) and (ii).\n\nRegards\n")
    assert read(text) == EXPECTED


def test_a_quoted_request_below_the_reply_is_still_dropped() -> None:
    text = ("Dear Ms X,\nThank you for your request.\na. 42\nb. No\nc. Free Wi-Fi and public computers\n"
            "Regards\nJo\n-----Original Message-----\n> a. How many library staff do you employ?\n"
            "> b. Do you use volunteers in your libraries? I would be grateful for 12 months of figures.\n")
    assert read(text) == EXPECTED


def test_topic_headings_that_name_the_question_in_brackets() -> None:
    """ "**Staffing (Question a)**", "### Services [Qs b and c]": the heading says which questions follow,
    and lettered lines under it are its parts, not the request's questions by place."""
    text = ("Our answers are grouped by topic.\n\n**Staffing (Question a)**\nWe employ 42 people.\n\n"
            "**Volunteers and services (Questions b and c)**\nWe do not use volunteers. We offer free Wi-Fi and "
            "public computers.\n\nRegards\n")
    got = read(text)
    assert got["a"] == ("answered", 42)
    assert got["c"] == ("answered", ["wifi", "pcs"])


def test_a_note_on_which_law_covers_some_questions_is_not_their_answer() -> None:
    """ "Questions B1 to B3 relate to environmental information ..." above answers numbered 1 to n."""
    q = Questionnaire(title="t", questions=[
        Question("a1", "What length of road do you treat, in kilometres?", QuestionType.NUMBER, "A1"),
        Question("b1", "How much salt did you use, in tonnes?", QuestionType.NUMBER, "B1"),
        Question("b2", "How much salt do you hold in stock, in tonnes?", QuestionType.NUMBER, "B2"),
    ])
    text = ("Dear Dr Q\nQuestions B1 to B2 relate to environmental information and have been considered under "
            "the EIR.\nOur answers are numbered 1 to 3 in the order of your questions.\n\n1. 356 km.\n\n"
            "2. 14,260 tonnes.\n\n3. 9,500 tonnes.\n\nRegards")
    got = {a.question: a.value for a in collate_text(text, q)}
    assert got == {"a1": 356, "b1": 14260, "b2": 9500}


def test_stem_meets_a_noun_in_ure_and_its_verb() -> None:
    from foicollate.segment import content_words, stem

    assert stem("closures") == stem("closed") == stem("closure")
    assert stem("failure") == stem("failed")
    assert stem("nature") == "nature"  # short words keep their ending
    assert "clos" in content_words("There have been two closures since April 2021.") & content_words(
        "How many leisure centres have closed since 1 April 2021?")


def test_a_row_answered_in_words_is_no_table_header() -> None:
    # a question/response table: the row above a figure answers another question, in a word or a sentence,
    # and names no column of the figure's row (the figure is the first one, not the aside's)
    q = Questionnaire(title="t", questions=[
        Question("1", "How many betting shop licences did you hold at 1 April 2024?", QuestionType.NUMBER, "1"),
        Question("2", "Has the council ever paid a ransom to a cyber criminal?", QuestionType.TEXT, "2"),
        Question("3", "What was your total income from gambling licence fees in 2023/24?", QuestionType.NUMBER,
                 "3"),
    ])
    for row2 in ("One", "I can confirm the council has not paid a ransom, and has never authorised a payment to anyone."):
        text = ("Question\tResponse\n1 Betting shop licences at 1 April 2024\t7\n"
                f"2 Ransom paid\t{row2}\n"
                "3 Fee income 2023/24\t£11,204 (fee income); a further £450 was received for a provisional "
                "statement and has been excluded\n")
        got = {a.question: a.value for a in collate_document(Document(id="r", text=text), q).answers}
        assert got["3"] == 11204, row2


def test_a_prose_letter_names_the_question_in_its_singular() -> None:
    """ "the Council has only one allotment site" answers "How many allotment sites ... ?"; "-ies" plurals
    meet their singular ("cemeteries"/"cemetery"), and "only one" before a noun is a count."""
    from foicollate.segment import stem

    assert stem("cemeteries") == stem("cemetery") and stem("bodies") == stem("body")
    q = Questionnaire(title="t", questions=[
        Question("a", "How many cemeteries does the council currently own or manage?", QuestionType.NUMBER, "a"),
        Question("b", "How many burials took place in council cemeteries in 2023?", QuestionType.NUMBER, "b"),
        Question("c", "Do you offer woodland burial?", QuestionType.YESNO, "c"),
    ])
    text = ("Dear Ms Quill\n\nThornleigh is a rural district and the Council has only one cemetery, on Mill Lane. "
            "It is nearly full.\n\nThere were 14 burials there in 2023. We do not offer woodland burial.\n\n"
            "Yours sincerely\n")
    got = {a.question: a.value for a in collate_text(text, q)}
    assert got["a"] == 1 and got["b"] == 14


def test_a_summary_table_whose_rows_name_their_questions() -> None:
    """ "1a Permanent exclusions | 58 | 66 | 81" under a "Question | 2020/21 | ..." header answers 1a by year."""
    q = Questionnaire(title="t", questions=[
        Question("1a", "How many fixed penalty notices for littering did you issue in each of 2021/22 and 2022/23?",
                 QuestionType.NUMBER, "1a"),
        Question("1b", "How many of those notices were paid?", QuestionType.NUMBER, "1b"),
    ])
    text = ("Our response\n\nQuestion | 2021/22 | 2022/23\n1a Littering notices issued | 311 | 402\n\n"
            "1b. 288 were paid.\n")
    got = {a.question: (a.value, a.breakdown) for a in collate_text(text, q)}
    assert got["1a"] == (None, {"2021/22": 311, "2022/23": 402})
    assert got["1b"][0] == 288


def test_rows_under_a_label_that_echo_its_question_stay_in_its_answer() -> None:
    """Under "Q3", "Permanent repairs: ..." and "Temporary repairs: ..." repeat question 3's words: they are its
    answer's rows, so the first row is not lost to an anchor on the second."""
    q = Questionnaire(title="t", questions=[
        Question("1", "How many compensation claims did you receive?", QuestionType.NUMBER, "1"),
        Question("2", "What was the total paid in compensation (please include damages and any legal costs)?",
                 QuestionType.NUMBER, "2"),
        Question("3", "How many highway defects did you repair, and how many of those repairs were temporary?",
                 QuestionType.NUMBER, "3"),
    ])
    text = ("Q1\nClaims received: 402\n\nQ2\nDamages paid: £251,004\nLegal costs: £38,120\nTotal: £289,124\n\n"
            "Q3\nPermanent repairs: 3,120\nTemporary repairs: 1,210\n")
    got = {a.question: (a.value, a.breakdown) for a in collate_text(text, q)}
    assert got["3"] == (4330, {"Permanent repairs": 3120, "Temporary repairs": 1210})
    assert got["2"][0] == 289124
    assert sorted((got["2"][1] or {}).values()) == [38120, 251004]
    assert got["1"][0] == 402


def test_a_matrix_row_under_its_label_stays_in_its_answer_though_it_echoes_another_question() -> None:
    """Under "Question 1", the row "Stop and search<TAB>Yes" names one of question 1's items; that question 2
    asks about stopping recording does not make the row question 2's heading."""
    q = Questionnaire(title="t", questions=[
        Question("1", "For each of the following situations, is it mandatory for officers to record?",
                 QuestionType.MATRIX, "1",
                 items=[Option("search", "Stop and search"), Option("force", "Any use of force"),
                        Option("arrest", "Making an arrest")]),
        Question("2", "What is your policy on starting and stopping recording?", QuestionType.TEXT, "2"),
    ])
    text = ("Question 1 - Situations where recording is mandatory\n\nStop and search\tYes - mandatory\n"
            "Any use of force\tYes - mandatory\nMaking an arrest\tNo\n\n"
            "Question 2 - Starting and stopping recording\n\nOfficers record from deployment until they leave.\n")
    got = {a.question: a for a in collate_text(text, q)}
    assert got["1"].value == {"search": True, "force": True, "arrest": False}
    assert got["2"].evidence and "Officers record" in got["2"].evidence[0].text


def test_a_letter_in_welsh_and_then_in_english_is_read_in_english() -> None:
    """The whole reply in Welsh, then "ENGLISH VERSION" and the same numbered answers: each question is read
    from the English answers, and "3. A single contracted firm (B)." (the option's own words) still answers
    the third question between the second and the fourth."""
    q = Questionnaire(title="t", questions=[
        Question("i", "How many of your schools contain asbestos?", QuestionType.NUMBER, "i"),
        Question("ii", "Have there been any incidents of asbestos exposure since 2020?", QuestionType.YESNO, "ii"),
        Question("iii", "Who carries out your asbestos surveys?", QuestionType.CHOICE, "iii",
                 options=[Option("own", "Our own staff", "A"), Option("firm", "A single contracted firm", "B")]),
        Question("iv", "How many asbestos management surveys were carried out in 2022/23?", QuestionType.NUMBER,
                 "iv"),
    ])
    text = ("Annwyl Ms Achterberg,\n\n1. Mae 38 o ysgolion y Cyngor yn cynnwys asbestos.\n\n"
            "2. Nid oes unrhyw ddigwyddiadau wedi'u cofnodi.\n\n3. Un cwmni dan gontract (B).\n\n"
            "4. Cynhaliwyd 9 o arolygon.\n\nYn gywir,\n\n---\n\nENGLISH VERSION\n\nDear Ms Achterberg,\n\n"
            "1. 38 of the Council's schools contain asbestos.\n\n2. There have been no incidents recorded.\n\n"
            "3. A single contracted firm (B).\n\n4. 9 surveys were carried out.\n\nYours sincerely,\n")
    got = {a.question: a for a in collate_text(text, q)}
    assert got["i"].value == 38
    assert got["ii"].value is False
    assert got["iii"].value == "firm"
    assert got["iv"].value == 9
    assert all(text.index("ENGLISH") < a.evidence[0].start for a in got.values())


def test_a_bare_number_under_the_answers_own_title_is_its_answer() -> None:
    q = Questionnaire(title="t", questions=[
        Question("c1", "How many grit bins for public use do you currently maintain?", QuestionType.NUMBER, "C1"),
        Question("c2", "Can residents request a new grit bin?", QuestionType.YESNO, "C2"),
    ])
    text = ("**C1. Biniau graean / Number of grit bins**\n\n612\n\n"
            "**C2. A all preswylwyr ofyn am fin graean newydd? / Can residents request a new grit bin?**\n\n"
            "Na / No.\n")
    got = {a.question: a for a in collate_text(text, q)}
    assert got["c1"].value == 612
    assert got["c2"].value is False


def test_one_options_words_alone_under_the_label_are_the_answer() -> None:
    q = Questionnaire(title="t", questions=[
        Question("4", "Do you use an external claims handler?", QuestionType.YESNO, "Q4"),
        Question("5", "How frequently are your A roads inspected? Please select one.", QuestionType.CHOICE, "Q5",
                 options=[Option("monthly", "Monthly"), Option("quarterly", "Every three months"),
                          Option("annually", "Annually")]),
        Question("6", "How many defects were repaired?", QuestionType.NUMBER, "Q6"),
    ])
    text = "Q4\nYes.\n\nQ5\nMonthly.\n\nQ6\n1,204\n"
    got = {a.question: a for a in collate_text(text, q)}
    assert got["5"].value == "monthly"
    assert got["6"].value == 1204


def test_two_letter_labels_alone_on_their_line_are_one_anchor() -> None:
    from foicollate.markers import multi_labels
    assert multi_labels("b) and c)") == (["b", "c"], 9)


@pytest.mark.parametrize(("line", "key"), [("Question 2ii: 5", "2ii"), ("2(ii) 5", "2ii"), ("2ii. 5", "2ii"),
                                           ("2(a) 4", "2a")])
def test_number_and_roman_sub_labels(line: str, key: str) -> None:
    from foicollate.markers import parse_marker
    m = parse_marker(line)
    assert m is not None and m.key == key and m.rest == line.split()[-1]
