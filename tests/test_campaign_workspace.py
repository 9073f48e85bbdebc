"""The workspace API with a stand-in engine, so answers are predictable: incrementality,
corrections against changing extraction, superseded files, lookups and their errors."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from foicollate.campaign.workspace import Campaign
from foicollate.errors import CampaignError
from foicollate.model import Answer, CollatedDocument, Document, DocumentKind, Questionnaire, Status

QUESTIONNAIRE = """\
title: Parks
questions:
  - id: a
    text: How many parks do you maintain?
    type: number
  - id: b
    text: Do you employ park rangers?
    type: yesno
  - id: c
    text: Which of these do your parks have?
    type: multi
    options:
      - {id: toilets, text: Public toilets}
      - {id: cafe, text: Cafe}
"""
BODIES = """name,nation,email
London Borough of Barnet,England,foi@barnet.gov.uk
Devon County Council,England,
Mid Devon District Council,England,
City of Edinburgh Council,Scotland,
"""


class FakeEngine:
    """Answers every question with the last number in the text; counts its calls."""

    def __init__(self, status: Status = Status.ANSWERED) -> None:
        self.calls: list[str] = []
        self.status = status

    def __call__(self, doc: Document, q: Questionnaire, options: Any) -> CollatedDocument:
        self.calls.append(doc.id)
        import re

        numbers = re.findall(r"\d+", doc.text)
        return CollatedDocument(
            id=doc.id, kind=DocumentKind.RESPONSE,
            answers=[Answer(question=x.id, status=self.status,
                            value=int(numbers[-1]) if numbers and self.status == Status.ANSWERED
                            else None)
                     for x in q.questions],
        )


@pytest.fixture
def camp(tmp_path: Path) -> Campaign:
    (tmp_path / "q.yaml").write_text(QUESTIONNAIRE, encoding="utf-8")
    (tmp_path / "bodies.csv").write_text(BODIES, encoding="utf-8")
    c = Campaign.init(tmp_path / "ws", tmp_path / "bodies.csv", questionnaire=tmp_path / "q.yaml",
                      sent=date(2022, 3, 1))
    yield c
    c.close()


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    p = folder / name
    p.write_text(text, encoding="utf-8")
    return p


def test_extract_only_new_files_and_force_redoes_all(camp: Campaign, tmp_path: Path) -> None:
    engine = FakeEngine()
    camp.add([write(tmp_path / "in", "barnet.txt", "Barnet Council\n1. 41")])
    assert camp.extract(collate_fn=engine).extracted == ["barnet.txt"]
    camp.add([write(tmp_path / "in", "devon.txt", "Devon County Council\n1. 7")])
    report = camp.extract(collate_fn=engine)
    assert report.extracted == ["devon.txt"] and report.skipped == 1
    assert camp.extract(collate_fn=engine).extracted == []
    assert engine.calls == ["barnet", "devon"]
    assert len(camp.extract(force=True, collate_fn=engine).extracted) == 2
    assert camp.db.execute("select count(*) from answers").fetchone()[0] == 2 * 3


def test_changed_questionnaire_means_re_extraction(camp: Campaign, tmp_path: Path) -> None:
    engine = FakeEngine()
    camp.add([write(tmp_path / "in", "barnet.txt", "Barnet Council\n1. 41")])
    camp.extract(collate_fn=engine)
    camp.questionnaire_path.write_text(
        QUESTIONNAIRE + "  - id: d\n    text: Any plans?\n    type: text\n", encoding="utf-8"
    )
    camp._questionnaire = None  # a fresh Campaign.open would not have it cached
    assert camp.extract(collate_fn=engine).extracted == ["barnet.txt"]
    assert camp.db.execute("select count(*) from answers").fetchone()[0] == 4


def test_extraction_never_overwrites_a_correction(camp: Campaign, tmp_path: Path) -> None:
    camp.add([write(tmp_path / "in", "barnet.txt", "Barnet Council\n1. 41")])
    camp.extract(collate_fn=FakeEngine())
    camp.set_answer("barnet", "a", value=40, note="letter says 40", who="alice")
    camp.extract(force=True, collate_fn=FakeEngine(Status.NOT_HELD))  # the engine changes its mind
    answers = {a.question.id: a for a in camp.show("barnet").answers}
    assert answers["a"].answer.status == Status.ANSWERED and answers["a"].answer.value == 40
    assert answers["a"].extracted is not None and answers["a"].extracted.status == Status.NOT_HELD
    assert answers["b"].answer.status == Status.NOT_HELD  # uncorrected: follows extraction
    c = answers["a"].corrected
    assert c is not None and (c.who, c.note) == ("alice", "letter says 40")
    assert c.old == {"status": "answered", "grounds": None, "referred_to": None, "value": 41}
    assert c.new == {"status": "answered", "grounds": None, "referred_to": None, "value": 40}


def test_clear_answer_lets_extraction_count_again(camp: Campaign, tmp_path: Path) -> None:
    camp.add([write(tmp_path / "in", "barnet.txt", "Barnet Council\n1. 41")])
    camp.extract(collate_fn=FakeEngine())
    camp.set_answer("barnet", "a", status="refused", grounds="s12", who="alice")
    camp.clear_answer("barnet", "a", who="alice")
    a = next(x for x in camp.show("barnet").answers if x.question.id == "a")
    assert a.answer.value == 41 and a.corrected is None and len(a.history) == 2
    with pytest.raises(CampaignError, match="no correction"):
        camp.clear_answer("barnet", "a")


def test_adding_a_file_twice_is_a_no_op(camp: Campaign, tmp_path: Path) -> None:
    p = write(tmp_path / "in", "barnet.txt", "Barnet Council\n1. 41")
    first = camp.add([p])
    again = camp.add([p, tmp_path / "in"])
    assert first[0].new and not any(a.new for a in again)
    assert camp.db.execute("select count(*) from files").fetchone()[0] == 1
    stored = camp.root / "originals" / f"{first[0].sha256}.txt"
    assert stored.read_text(encoding="utf-8") == "Barnet Council\n1. 41"
    assert not stored.stat().st_mode & 0o222  # never modified: read-only


def test_a_changed_file_replaces_its_earlier_version(camp: Campaign, tmp_path: Path) -> None:
    engine = FakeEngine()
    p = write(tmp_path / "in", "barnet.txt", "Barnet Council\n1. 41")
    camp.add([p])
    camp.extract(collate_fn=engine)
    p.write_text("Barnet Council\n1. 52 (corrected letter)", encoding="utf-8")
    added = camp.add([p])
    assert added[0].new and added[0].supersedes
    assert camp.extract(collate_fn=engine).extracted == ["barnet.txt"]
    a = next(x for x in camp.show("barnet").answers if x.question.id == "a")
    assert a.answer.value == 52
    assert len(camp.files()) == 1  # the earlier version is kept on disk but not counted


def test_unreadable_file_is_reported_and_the_batch_goes_on(camp: Campaign, tmp_path: Path) -> None:
    camp.add([write(tmp_path / "in", "devon-reply.txt", "   "),
              write(tmp_path / "in", "barnet.txt", "Barnet Council\n1. 41")])
    report = camp.extract(collate_fn=FakeEngine())
    assert report.extracted == ["barnet.txt"]
    assert [name for name, _ in report.failed] == ["devon-reply.txt"]
    assert "empty" in report.failed[0][1]
    devon = camp.show("devon county")
    assert devon.files[0].error and devon.status.replied is not None
    assert devon.status.state == "to_review"


def test_an_engine_crash_on_one_file_does_not_stop_the_batch(camp: Campaign, tmp_path: Path) -> None:
    def engine(doc: Document, q: Questionnaire, options: Any) -> CollatedDocument:
        if "Devon" in doc.text:
            raise ValueError("boom")
        return FakeEngine()(doc, q, options)

    camp.add([write(tmp_path / "in", "scan-0001.txt", "Devon County Council\n1. 3"),
              write(tmp_path / "in", "barnet.txt", "Barnet Council\n1. 41")])
    report = camp.extract(collate_fn=engine)
    assert report.extracted == ["barnet.txt"]
    assert "collation engine failed (ValueError: boom)" in report.failed[0][1]
    # the file still counts as Devon's reply, found by its text, for a person to read
    assert [f.name for f in camp.show("devon county").files] == ["scan-0001.txt"]


def test_email_sender_and_date_identify_the_reply(camp: Campaign, tmp_path: Path) -> None:
    eml = (
        "From: Information Team <information@barnet.gov.uk>\r\nTo: me@example.org\r\n"
        "Subject: Your FOI request\r\nDate: Tue, 15 Mar 2022 10:00:00 +0000\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\nDear Requester,\r\n\r\n1. 12\r\n"
    )
    camp.add([write(tmp_path / "in", "message.eml", eml)])
    camp.extract(collate_fn=FakeEngine())
    barnet = camp.show("barnet")
    assert [f.name for f in barnet.files] == ["message.eml"]
    assert barnet.files[0].match_method == "email"
    assert barnet.status.replied == date(2022, 3, 15)
    assert barnet.status.reply_date_source == "letter"


def test_find_body(camp: Campaign) -> None:
    assert camp.find_body("barnet").name == "London Borough of Barnet"
    assert camp.find_body("Barnet Council").name == "London Borough of Barnet"
    assert camp.find_body("devon").name == "Devon County Council"  # its whole name's core
    assert camp.find_body("mid devon").name == "Mid Devon District Council"
    assert camp.find_body("edinb").name == "City of Edinburgh Council"
    with pytest.raises(CampaignError, match="matches .*Devon County Council.*Mid Devon"):
        camp.find_body("dev")
    with pytest.raises(CampaignError, match="no body matches 'Kent'"):
        camp.find_body("Kent")


def test_add_with_an_authority_not_on_the_list(camp: Campaign, tmp_path: Path) -> None:
    with pytest.raises(CampaignError, match="no body matches"):
        camp.add([write(tmp_path / "in", "x.txt", "1. 2")], authority="Kent County Council")
    assert camp.db.execute("select count(*) from files").fetchone()[0] == 0


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"status": "maybe"}, "unknown status"),
        ({"grounds": "s12"}, "--grounds goes with --status refused"),
        ({"status": "answered", "referred_to": "Kent"}, "--referred-to goes with --status referred"),
    ],
)
def test_set_answer_errors(camp: Campaign, kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(CampaignError, match=message):
        camp.set_answer("barnet", "a", **kwargs)


def test_set_answer_unknown_question(camp: Campaign) -> None:
    with pytest.raises(CampaignError, match="the questions are a, b, c"):
        camp.set_answer("barnet", "z", status="not_held")


@pytest.mark.parametrize(
    ("qid", "raw", "value"),
    [("a", "1,204", 1204), ("a", "2.5", 2.5), ("b", "Yes", True), ("b", "no", False),
     ("c", "toilets,cafe", ["toilets", "cafe"])],
)
def test_parse_value_by_question_type(camp: Campaign, qid: str, raw: str, value: Any) -> None:
    assert camp.parse_value(qid, raw) == value


@pytest.mark.parametrize(("qid", "raw", "message"),
                         [("a", "lots", "give a number"), ("b", "perhaps", "yes or no"),
                          ("c", "pool", "not an option")])
def test_parse_value_errors(camp: Campaign, qid: str, raw: str, message: str) -> None:
    with pytest.raises(CampaignError, match=message):
        camp.parse_value(qid, raw)


def test_status_json_shape(camp: Campaign, tmp_path: Path) -> None:
    camp.add([write(tmp_path / "in", "barnet.txt", "Barnet Council\n1. 41")], received=date(2022, 3, 10))
    camp.extract(collate_fn=FakeEngine())
    data = json.loads(json.dumps(camp.status(today=date(2022, 3, 20)).to_json()))
    barnet = next(b for b in data["bodies"] if b["id"] == "london-borough-of-barnet")
    assert {"state", "due", "replied", "working_days_taken", "late", "referred_to",
            "outcomes"} <= set(barnet)
    assert barnet["state"] == "successful" and barnet["due"] == "2022-03-29"
    assert barnet["working_days_taken"] == 7 and barnet["late"] is False


def test_init_errors(tmp_path: Path) -> None:
    (tmp_path / "q.yaml").write_text(QUESTIONNAIRE, encoding="utf-8")
    (tmp_path / "bodies.csv").write_text(BODIES, encoding="utf-8")
    with pytest.raises(CampaignError, match="either --request or --questionnaire"):
        Campaign.init(tmp_path / "ws", tmp_path / "bodies.csv", sent=date(2022, 3, 1))
    with pytest.raises(CampaignError, match="pass --sent"):
        Campaign.init(tmp_path / "ws", tmp_path / "bodies.csv", questionnaire=tmp_path / "q.yaml")
    assert not (tmp_path / "ws").exists()  # nothing written before everything is checked
    Campaign.init(tmp_path / "ws", tmp_path / "bodies.csv", questionnaire=tmp_path / "q.yaml",
                  sent=date(2022, 3, 1)).close()
    with pytest.raises(CampaignError, match="already a campaign workspace"):
        Campaign.init(tmp_path / "ws", tmp_path / "bodies.csv", questionnaire=tmp_path / "q.yaml",
                      sent=date(2022, 3, 1))


def test_open_outside_a_workspace(tmp_path: Path) -> None:
    with pytest.raises(CampaignError, match="is not a campaign workspace; run `foicollate init`"):
        Campaign.open(tmp_path)


def test_register_aliases_help_matching_and_group_to_dos(tmp_path: Path) -> None:
    (tmp_path / "q.yaml").write_text(QUESTIONNAIRE, encoding="utf-8")
    (tmp_path / "bodies.csv").write_text(
        "name,nation\nHertfordshire County Council,England\nDevon County Council,England\n"
        "Mid Devon District Council,England\nLondon Borough of Barnet,England\n", encoding="utf-8")
    with Campaign.init(tmp_path / "ws", tmp_path / "bodies.csv", questionnaire=tmp_path / "q.yaml",
                       sent=date(2022, 3, 1)) as camp:
        # "Herts CC" is in the UK register's aliases, not in the targets CSV
        assert camp.find_body("Herts CC").name == "Hertfordshire County Council"
        camp.set_answer("devon county", "a", status="referred", referred_to="Kent CC")
        camp.set_answer("mid devon", "a", status="referred", referred_to="Kent County Council")
        camp.set_answer("barnet", "a", status="referred", referred_to="Herts CC")
        st = camp.status(today=date(2022, 3, 2))
        assert [r.referred_to for r in st.todo] == ["Kent CC"]  # one to-do for both spellings
        barnet = next(b for b in st.bodies if b.id == "london-borough-of-barnet")
        assert barnet.referred_to[0].target_id == "hertfordshire-county-council"


def test_answers_typed_in_for_a_postal_reply_give_a_reply_state(camp: Campaign) -> None:
    assert camp.show("edinburgh", today=date(2022, 3, 2)).status.state == "awaiting_response"
    camp.set_answer("edinburgh", "a", status="not_held")
    status = camp.show("edinburgh", today=date(2022, 3, 2)).status
    assert status.state == "not_held" and status.replied is None


def test_a_follow_up_reply(camp: Campaign, tmp_path: Path) -> None:
    camp.add([write(tmp_path / "in", "barnet.txt", "Barnet Council\n1. 41")],
             received=date(2022, 3, 10))
    camp.add([write(tmp_path / "in", "barnet-update.txt", "Barnet Council\nCorrection: 44")],
             received=date(2022, 4, 20))
    camp.extract(collate_fn=FakeEngine())
    detail = camp.show("barnet")
    # the body replied when its first reply came; the later reply's answers count
    assert detail.status.replied == date(2022, 3, 10) and detail.status.late is False
    assert next(a for a in detail.answers if a.question.id == "a").answer.value == 44
    # sent Tue 1 Mar 2022, due Tue 29 Mar; the follow-up of 20 Apr took 34 working days
    # (Good Friday 15 Apr and Easter Monday 18 Apr skipped)
    clock = {f.name: (f.working_days_taken, f.late) for f in detail.files}
    assert clock == {"barnet.txt": (7, False), "barnet-update.txt": (34, True)}


def test_a_reused_download_name_from_another_body_replaces_nothing(
    camp: Campaign, tmp_path: Path,
) -> None:
    p = write(tmp_path / "dl", "FOI response.txt", "Barnet Council\n1. 41")
    camp.add([p], authority="barnet")
    p.write_text("Devon County Council\n1. 9", encoding="utf-8")
    added = camp.add([p], authority="devon county")
    assert added[0].new and added[0].supersedes is None
    assert len(camp.files()) == 2


def test_outcome_counts_per_question_across_bodies(camp: Campaign, tmp_path: Path) -> None:
    camp.add([write(tmp_path / "in", "barnet.txt", "Barnet Council\n1. 41"),
              write(tmp_path / "in", "devon.txt", "Devon County Council\n1. 7")])
    camp.extract(collate_fn=FakeEngine())
    camp.set_answer("devon county", "b", status="refused", grounds="s43")
    st = camp.status(today=date(2022, 3, 20))
    assert st.questions["a"]["answered"] == 2
    assert st.questions["b"] == {"answered": 1, "not_held": 0, "refused": 1, "referred": 0,
                                 "not_answered": 0}
    # bodies that have not replied are not counted as "not answered"
    assert sum(st.questions["c"].values()) == 2
    from foicollate.campaign.render import status_table

    table = status_table(st)
    assert any(line.split() == ["b", "1", "0", "1", "0", "0"] for line in table.splitlines())


def test_the_county_council_means_the_districts_county(tmp_path: Path) -> None:
    (tmp_path / "q.yaml").write_text(QUESTIONNAIRE, encoding="utf-8")
    (tmp_path / "bodies.csv").write_text(
        "name,nation\nHertsmere Borough Council,England\nMid Devon District Council,England\n"
        "Devon County Council,England\n", encoding="utf-8")
    with Campaign.init(tmp_path / "ws", tmp_path / "bodies.csv", questionnaire=tmp_path / "q.yaml",
                       sent=date(2022, 3, 1)) as camp:
        camp.set_answer("hertsmere", "a", status="referred", referred_to="the County Council")
        camp.set_answer("mid devon", "a", status="referred", referred_to="the County Council")
        st = camp.status(today=date(2022, 3, 2))
        by_id = {b.id: b for b in st.bodies}
        assert by_id["mid-devon-district-council"].referred_to[0].target_id == "devon-county-council"
        assert [(r.referred_to, r.from_body) for r in st.todo] == [
            ("Hertfordshire County Council", "hertsmere-borough-council")
        ]
