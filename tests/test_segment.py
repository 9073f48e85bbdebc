"""Segmenting a reply: each layout a real reply uses finds each question's passage."""

from __future__ import annotations

import pytest

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
    got = {a.question: (str(a.status), a.value) for a in collate_document(Document(id="r", text=text), q).answers}
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
        got = {a.question: a.value for a in collate_document(Document(id="r", text=text), q).answers}
        assert got == {"a1": 41300000, "a2": 2.1, "b": False}, text


def test_request_quoted_then_one_unlabelled_answer_a_row() -> None:
    """A disclosure-log page: the request as bullets, then under "Our response" one table row per question."""
    text = ("Request\n- How many library staff do you employ?\n- Do you use volunteers in your libraries?\n"
            "- Which of these services do you offer? Tick all that apply.\nOur response\n| Response |\n|---|\n"
            "| 42 |\n| No |\n| (i) and (ii) |\nIf you are dissatisfied you may ask for an internal review.\n")
    assert read(text) == EXPECTED
