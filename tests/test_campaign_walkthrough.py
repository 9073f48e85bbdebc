"""A fictional 30-body campaign walked through the CLI: init -> add in three batches ->
extract -> corrections -> re-extract -> status.

States are asserted only where they follow from dates or from answers a person set, so
the test holds whatever the extraction engine reads from the plain replies. Due dates
are hand-worked in test_campaign_clock.py's docstring: received Mon 20 Dec 2021 -> due
20 Jan 2022 in England, Wales and Northern Ireland, 21 Jan in Scotland; received Mon 28
Mar 2022 -> due 27 Apr in England, 26 Apr in Scotland (which works Easter Monday).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from foicollate.cli import cli

QUESTIONNAIRE = """\
title: Pothole repairs
questions:
  - id: "1"
    label: "1"
    text: How many potholes did you repair in 2021?
    type: number
  - id: "2"
    label: "2"
    text: How many claims for pothole damage did you receive in 2021?
    type: number
"""

# name, nation, email, sent (blank: the campaign's --sent, Mon 20 Dec 2021)
BODIES = [
    ("London Borough of Ashcombe", "England", "foi@ashcombe.gov.uk", ""),
    ("Brackenfield District Council", "England", "foi@brackenfield.gov.uk", ""),
    ("Colderwick City Council", "England", "", ""),
    ("Dunmere County Council", "England", "", ""),
    ("Elmstead Borough Council", "England", "", ""),
    ("Farrowdale Council", "England", "", ""),
    ("Greywater Metropolitan Borough Council", "England", "", ""),
    ("Hollinsford District Council", "England", "", ""),
    ("Ivelmoor Council", "England", "", ""),
    ("North Juniper Council", "England", "", ""),
    ("Juniper Council", "England", "", ""),
    ("Kestrel Vale Council", "England", "", "2022-03-28"),
    ("Larkhill Borough Council", "England", "", "2022-03-28"),
    ("Millbourne City Council", "England", "", "2022-03-28"),
    ("Netherby County Council", "England", "", "2022-03-28"),
    ("Cyngor Sir Afon", "Wales", "", ""),
    ("Bryncoed County Borough Council", "Wales", "", ""),
    ("Caerwyn Council", "Wales", "", ""),
    ("Dyffryn Council", "Wales", "", ""),
    ("Eglwys Valley Council", "Wales", "", ""),
    ("Carrick Glen Council", "Scotland", "", ""),
    ("Balloch Shore Council", "Scotland", "", ""),
    ("Dunmore Firth Council", "Scotland", "", ""),
    ("Glenrannoch Council", "Scotland", "", ""),
    ("Inverkeld Council", "Scotland", "", "2022-03-28"),
    ("Strathmuir Council", "Scotland", "", "2022-03-28"),
    ("Ardglass and Moyle District Council", "Northern Ireland", "", ""),
    ("Bannside Borough Council", "Northern Ireland", "", ""),
    ("Lough Erne District Council", "Northern Ireland", "", ""),
    ("Mourne Coast Council", "Northern Ireland", "", ""),
]


def reply(body: str, a: str = "45", b: str = "We do not hold this information.") -> str:
    return (f"{body}\nInformation Governance Team\n\nDear Requester,\n\n"
            f"Freedom of Information request: pothole repairs\n\n1. {a}\n2. {b}\n\n"
            "Yours sincerely,\nInformation Officer\n")


class Workspace:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.runner = CliRunner()

    def run(self, *args: str) -> Result:
        result = self.runner.invoke(
            cli, [*args], env={"FOICOLLATE_CAMPAIGN": str(self.root), "FOICOLLATE_USER": "alice"},
            catch_exceptions=False,
        )
        assert result.exit_code == 0, result.output
        return result

    def status(self, today: str) -> dict[str, Any]:
        data = json.loads(self.run("status", "--json", "--today", today).stdout)
        return data

    def bodies(self, today: str) -> dict[str, dict[str, Any]]:
        return {b["name"]: b for b in self.status(today)["bodies"]}


def write_files(folder: Path, files: dict[str, str]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [str(folder / n) for n in files]


@pytest.fixture(scope="module")
def walked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Workspace, dict[str, list[str]]]:
    """The whole campaign walked once; the tests below read what it left."""
    tmp = tmp_path_factory.mktemp("walk")
    (tmp / "questionnaire.yaml").write_text(QUESTIONNAIRE, encoding="utf-8")
    (tmp / "bodies.csv").write_text(
        "name,nation,email,sent\n" + "".join(f"{n},{na},{e},{s}\n" for n, na, e, s in BODIES),
        encoding="utf-8",
    )
    root = tmp / "pothole-campaign"
    ws = Workspace(root)
    out: dict[str, list[str]] = {}
    r = CliRunner().invoke(cli, ["init", str(root), "--questionnaire", str(tmp / "questionnaire.yaml"),
                                 "--targets", str(tmp / "bodies.csv"), "--sent", "2021-12-20"])
    assert r.exit_code == 0, r.output
    out["init"] = [r.output]

    batch1 = write_files(tmp / "batch1", {
        "ashcombe-foi-reply.txt": reply("Ashcombe Council"),
        "brackenfield.txt": reply("Brackenfield District Council"),
        "carrick-glen-response.txt": reply("Carrick Glen Council"),
        "balloch-shore.txt": reply("Balloch Shore Council"),
        "bryncoed-reply.txt": reply("Bryncoed County Borough Council"),
        "bannside-reply.txt": reply("Bannside Borough Council"),
    })
    out["add1"] = [ws.run("add", *batch1, "--received", "2022-01-21").output]
    batch2 = write_files(tmp / "batch2", {
        "colderwick-reply.txt": reply("Colderwick City Council"),
        "dunmere-reply.txt": reply("Dunmere County Council"),
        "glenrannoch-reply.txt": reply("Glenrannoch Council"),
        "dyffryn-reply.txt": reply("Dyffryn Council"),
        "scan0001.txt": reply("Elmstead Borough Council"),  # matched by its letterhead
        "response.txt": "From: foi@farrowdale.gov.uk\n\n1. 12\n2. 3\n",  # by the email in it
        "reply-99.txt": reply("Our reference FOI/2022/99", "5", "6"),  # by nothing: assigned
    })
    out["add2"] = [ws.run("add", *batch2, "--received", "2022-01-14").output]
    # the clock: one body asked for clarification and got it, one is still waiting
    ws.run("clock", "dunmore", "pause", "2022-01-05", "--note", "asked which roads")
    ws.run("clock", "dunmore", "restart", "2022-01-10")
    ws.run("clock", "ardglass", "pause", "2022-01-05")

    out["extract1"] = [ws.run("extract").output]
    out["assign"] = [ws.run("assign", "reply-99", "hollinsford").output]

    # corrections a person makes after reading the letters
    ws.run("set", "ashcombe", "1", "--value", "45")
    ws.run("set", "ashcombe", "2", "--value", "12")
    ws.run("set", "brackenfield", "1", "--value", "3")
    ws.run("set", "brackenfield", "2", "--status", "refused", "--grounds", "s12",
           "--note", "checked the letter")
    for q in ("1", "2"):
        ws.run("set", "carrick", q, "--status", "not_held")
        ws.run("set", "balloch", q, "--status", "refused", "--grounds", "s40")
        ws.run("set", "colderwick", q, "--status", "referred",
               "--referred-to", "Hertfordshire County Council")
    ws.run("set", "dunmere", "1", "--status", "referred", "--referred-to", "Ashcombe Council")
    ws.run("set", "dunmere", "2", "--value", "7")

    batch3 = write_files(tmp / "batch3", {
        "kestrel-vale-reply.txt": reply("Kestrel Vale Council"),
        "inverkeld-reply.txt": reply("Inverkeld Council"),
        "juniper-reply.txt": reply("Juniper Council"),
    })
    out["add3"] = [ws.run("add", *batch3, batch1[0], "--received", "2022-04-27").output]
    out["extract2"] = [ws.run("extract").output]
    out["extract3"] = [ws.run("extract").output]
    out["extract_force"] = [ws.run("extract", "--force").output]
    return ws, out


TODAY = "2022-05-10"


def test_workspace_layout(walked: tuple[Workspace, dict[str, list[str]]]) -> None:
    ws, out = walked
    assert "30 bodies, 2 questions" in out["init"][0]
    assert (ws.root / "campaign.db").is_file()
    assert (ws.root / "questionnaire.yaml").read_text(encoding="utf-8") == QUESTIONNAIRE
    originals = sorted(p.name for p in (ws.root / "originals").iterdir())
    assert len(originals) == 16  # 6 + 7 + 3, the repeated file kept once
    assert all(len(Path(n).stem) == 64 and n.endswith(".txt") for n in originals)
    assert Path(ws.run("db-path").output.strip()) == ws.root / "campaign.db"


def test_adding_the_same_file_again_is_a_no_op(walked: tuple[Workspace, dict[str, list[str]]]) -> None:
    _, out = walked
    assert "ashcombe-foi-reply.txt: already in the workspace" in out["add3"][0]


def test_extract_is_incremental(walked: tuple[Workspace, dict[str, list[str]]]) -> None:
    _, out = walked
    assert "Extracted 13 file(s)" in out["extract1"][0]
    assert "Extracted 3 file(s); 13 already done" in out["extract2"][0]
    assert "Extracted 0 file(s); 16 already done" in out["extract3"][0]
    assert "Extracted 16 file(s)" in out["extract_force"][0]


def test_replies_matched_by_file_name_letterhead_and_email(
    walked: tuple[Workspace, dict[str, list[str]]],
) -> None:
    ws, out = walked
    assert "reply-99.txt" in out["extract1"][0] and "not matched" in out["extract1"][0]
    assert "reply-99.txt -> Hollinsford District Council" in out["assign"][0]
    detail = {
        name: json.loads(ws.run("show", name, "--json").stdout)
        for name in ("elmstead", "farrowdale", "hollinsford", "juniper council", "north juniper")
    }
    assert [f["name"] for f in detail["elmstead"]["file_list"]] == ["scan0001.txt"]
    assert detail["elmstead"]["file_list"][0]["matched_by"] in ("text", "authority")
    assert [f["name"] for f in detail["farrowdale"]["file_list"]] == ["response.txt"]
    assert detail["hollinsford"]["file_list"][0]["matched_by"] == "person"
    assert [f["name"] for f in detail["juniper council"]["file_list"]] == ["juniper-reply.txt"]
    assert detail["north juniper"]["file_list"] == []
    assert ws.status(TODAY)["unmatched"] == []


@pytest.mark.parametrize(
    ("body", "due", "replied", "days", "late"),
    [
        # received 20 Dec 2021, reply 21 Jan 2022: a day late except in Scotland
        ("London Borough of Ashcombe", "2022-01-20", "2022-01-21", 21, True),
        ("Brackenfield District Council", "2022-01-20", "2022-01-21", 21, True),
        ("Bryncoed County Borough Council", "2022-01-20", "2022-01-21", 21, True),
        ("Bannside Borough Council", "2022-01-20", "2022-01-21", 21, True),
        ("Carrick Glen Council", "2022-01-21", "2022-01-21", 20, False),
        ("Balloch Shore Council", "2022-01-21", "2022-01-21", 20, False),
        # reply 14 Jan 2022: 16 working days in England and Wales, 15 in Scotland (4 Jan)
        ("Colderwick City Council", "2022-01-20", "2022-01-14", 16, False),
        ("Dyffryn Council", "2022-01-20", "2022-01-14", 16, False),
        ("Glenrannoch Council", "2022-01-21", "2022-01-14", 15, False),
        ("Hollinsford District Council", "2022-01-20", "2022-01-14", 16, False),
        # received 28 Mar 2022 across Easter, reply 27 Apr: on time in England, late in Scotland
        ("Kestrel Vale Council", "2022-04-27", "2022-04-27", 20, False),
        ("Inverkeld Council", "2022-04-26", "2022-04-27", 21, True),
    ],
)
def test_due_dates_and_lateness(
    walked: tuple[Workspace, dict[str, list[str]]],
    body: str, due: str, replied: str, days: int, late: bool,
) -> None:
    b = walked[0].bodies(TODAY)[body]
    assert (b["due"], b["replied"], b["working_days_taken"], b["late"]) == (due, replied, days, late)
    assert b["reply_date_source"] == "received"


def test_internal_review_deadline(walked: tuple[Workspace, dict[str, list[str]]]) -> None:
    # reply Fri 21 Jan 2022 England: 40 working days later is Fri 18 Mar
    assert walked[0].bodies(TODAY)["London Borough of Ashcombe"]["internal_review_due"] == "2022-03-18"


@pytest.mark.parametrize(
    ("body", "state"),
    [
        ("London Borough of Ashcombe", "successful"),
        ("Brackenfield District Council", "partially_successful"),
        ("Carrick Glen Council", "not_held"),
        ("Balloch Shore Council", "refused"),
        ("Colderwick City Council", "referred"),
        ("Dunmere County Council", "partially_successful"),
        # no reply: derived from dates on 10 May 2022
        ("Ivelmoor Council", "long_overdue"),  # due 20 Jan, long overdue after 17 Feb
        ("Larkhill Borough Council", "overdue"),  # due 27 Apr
        ("Strathmuir Council", "overdue"),  # due 26 Apr
        ("Dunmore Firth Council", "long_overdue"),  # clock restarted 10 Jan: due 7 Feb
        ("Ardglass and Moyle District Council", "waiting_clarification"),
    ],
)
def test_states(walked: tuple[Workspace, dict[str, list[str]]], body: str, state: str) -> None:
    assert walked[0].bodies(TODAY)[body]["state"] == state


def test_states_are_derived_from_today_never_stored(
    walked: tuple[Workspace, dict[str, list[str]]],
) -> None:
    ws = walked[0]
    assert ws.bodies("2022-04-20")["Larkhill Borough Council"]["state"] == "awaiting_response"
    assert ws.bodies("2022-01-20")["Ivelmoor Council"]["state"] == "awaiting_response"
    assert ws.bodies("2022-01-21")["Ivelmoor Council"]["state"] == "overdue"
    dunmore = ws.bodies(TODAY)["Dunmore Firth Council"]
    assert dunmore["due"] == "2022-02-07"
    assert ws.bodies(TODAY)["Ardglass and Moyle District Council"]["due"] is None


def test_replied_bodies_without_corrections_have_a_reply_state(
    walked: tuple[Workspace, dict[str, list[str]]],
) -> None:
    reply_states = {"successful", "partially_successful", "not_held", "refused", "referred",
                    "to_review"}
    bodies = walked[0].bodies(TODAY)
    for name in ("Bryncoed County Borough Council", "Glenrannoch Council", "Juniper Council",
                 "Elmstead Borough Council", "Farrowdale Council"):
        assert bodies[name]["state"] in reply_states, name
        assert sum(bodies[name]["outcomes"].values()) == 2


def test_outcome_counts(walked: tuple[Workspace, dict[str, list[str]]]) -> None:
    b = walked[0].bodies(TODAY)["Brackenfield District Council"]
    assert b["outcomes"] == {"answered": 1, "not_held": 0, "refused": 1, "referred": 0,
                             "not_answered": 0}


def test_referrals_resolved_or_listed_as_to_do(walked: tuple[Workspace, dict[str, list[str]]]) -> None:
    st = walked[0].status(TODAY)
    bodies = {b["name"]: b for b in st["bodies"]}
    assert bodies["Dunmere County Council"]["referred_to"] == [
        {"question": "1", "name": "Ashcombe Council", "body": "london-borough-of-ashcombe"}
    ]
    assert [r["body"] for r in bodies["Colderwick City Council"]["referred_to"]] == [None, None]
    assert st["todo"] == [{"from": "colderwick-city-council", "question": "1",
                           "referred_to": "Hertfordshire County Council"}]
    text = walked[0].run("status", "--today", TODAY).output
    assert ("you were pointed to Hertfordshire County Council, which you have not asked"
            in text)


def test_corrections_survive_re_extraction(walked: tuple[Workspace, dict[str, list[str]]]) -> None:
    ws = walked[0]
    detail = json.loads(ws.run("show", "brackenfield", "--json").stdout)
    b = {a["question"]: a for a in detail["answers"]}
    assert b["1"]["status"] == "answered" and b["1"]["value"] == 3
    assert b["2"]["status"] == "refused" and b["2"]["grounds"] == "s12"
    assert b["2"]["method"] == "human"
    assert b["2"]["corrected"]["who"] == "alice"
    assert b["2"]["corrected"]["note"] == "checked the letter"
    assert b["2"]["corrected"]["new"]["status"] == "refused"
    assert b["2"]["extracted"] is not None  # what extraction read is still kept beside it
    assert detail["corrections"] == 2


def test_status_table_is_scannable(walked: tuple[Workspace, dict[str, list[str]]]) -> None:
    text = walked[0].run("status", "--today", TODAY).output
    lines = text.splitlines()
    assert lines[0].split()[:4] == ["Body", "Nation", "State", "Due"]
    rows = lines[2:32]
    assert len(rows) == 30
    assert any(r.startswith("London Borough of Ashcombe") and "Successful" in r and "LATE" in r
               for r in rows)
    assert "30 bodies on 2022-05-10" in text


def test_show_text_names_the_corrector(walked: tuple[Workspace, dict[str, list[str]]]) -> None:
    text = walked[0].run("show", "brackenfield").output
    assert "Brackenfield District Council (England) — Partially successful" in text
    assert "Refused (s12)" in text
    assert "corrected by alice" in text and "checked the letter" in text
