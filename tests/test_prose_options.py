"""Letters in plain prose, with no numbering: a sentence that names a question's options or items answers it."""

from __future__ import annotations

from replies import by_question

from foicollate.model import Option, Question, Questionnaire, QuestionType, Status


def _pools() -> Questionnaire:
    opt = [Option(id="in_house", text="In-house (run directly by the council)"),
           Option(id="leisure_trust", text="Leisure trust (charitable or not-for-profit)"),
           Option(id="private_contractor", text="Private contractor")]
    items = [Option(id="under_16s", text="Under-16s"), Option(id="over_65s", text="Over-65s"),
             Option(id="benefits", text="People on means-tested benefits"),
             Option(id="armed_forces", text="Members of the armed forces and veterans")]
    return Questionnaire(title="Leisure", questions=[
        Question(id="1", label="1", type=QuestionType.NUMBER,
                 text="How many council-owned leisure centres were open to the public on 1 April 2024?"),
        Question(id="2", label="2", type=QuestionType.NUMBER,
                 text="How much did the council pay to its leisure operator in management fee in 2023/24?"),
        Question(id="3", label="3", type=QuestionType.CHOICE, options=opt,
                 text="Which of the following best describes how your leisure centres are operated?"),
        Question(id="4", label="4", type=QuestionType.MATRIX, items=items,
                 text="For each of the following groups, please tell me whether you offer a concession:"),
        Question(id="5", label="5", type=QuestionType.TEXT,
                 text="Please describe any plans for future leisure provision, including new facilities."),
    ])


def test_a_prose_sentence_naming_a_matrix_questions_items_answers_it() -> None:
    text = ("Dear Ms Amos,\n\n"
            "We currently have four leisure centres, and all four were open to the public on 1 April 2024.\n\n"
            "The management fee we paid to our leisure operator was £420,000 in 2023/24.\n\n"
            "Our Active Card gives half-price entry to residents on means-tested benefits, and under-16s swim "
            "free at weekends. We do not offer an armed forces or veterans discount.\n\n"
            "Kind regards\n\nJo Bell\nFOI Officer\n")
    got = by_question(text, _pools())
    assert got["1"].value == 4
    assert got["2"].value == 420000
    assert got["4"].status == Status.ANSWERED
    assert isinstance(got["4"].value, dict)
    assert got["4"].value["benefits"] is True and got["4"].value["armed_forces"] is False


def test_a_letter_refusing_to_respond_to_a_repeated_request_refuses_every_question() -> None:
    text = ("Dear Mr Hale,\n\n"
            "Your new request asks for the same information as your request of March, which we answered.\n\n"
            "Section 14(2) of the Freedom of Information Act 2000 provides that a public authority is not obliged "
            "to comply with a request which is substantially similar to a previous request. We will therefore "
            "not be responding to this request. It named leisure centres run in-house, by a leisure trust or by "
            "a private contractor, and concessions for under-16s and people on means-tested benefits.\n\n"
            "Yours sincerely\n\nA Clerk\n")
    got = by_question(text, _pools())
    assert {a.status for a in got.values()} == {Status.REFUSED}
    assert {a.grounds for a in got.values()} == {"s14"}


def test_a_district_letter_naming_options_while_referring_the_rest_keeps_the_referral() -> None:
    text = ("Dear Ms Amos,\n\n"
            "Our leisure centres are run by Tollbridge Leisure Trust, a charitable trust, under a contract.\n\n"
            "Concessions for under-16s and people on means-tested benefits are set by the Trust.\n\n"
            "The remaining information you have requested is held by Wexford County Council, and you may wish "
            "to redirect your request to them.\n\n"
            "Kind regards\n\nJo Bell\nFOI Officer\n")
    got = by_question(text, _pools())
    assert got["1"].status == Status.REFERRED
    assert got["2"].status == Status.REFERRED
