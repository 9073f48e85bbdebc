"""The workspace commands through the real entry point: help, errors, progress, init --request."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from foicollate.cli import cli

COMMANDS = ["init", "add", "extract", "status", "show", "set", "assign", "clock", "db-path"]
BODIES = "name,nation\nLondon Borough of Barnet,England\nDevon County Council,England\n" \
         "Mid Devon District Council,England\n"
QUESTIONNAIRE = "title: T\nquestions:\n  - id: a\n    text: How many?\n    type: number\n"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert "foicollate" in result.output.split("Example:")[1] or command == "db-path"


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    (tmp_path / "q.yaml").write_text(QUESTIONNAIRE, encoding="utf-8")
    (tmp_path / "bodies.csv").write_text(BODIES, encoding="utf-8")
    r = CliRunner().invoke(cli, ["init", str(tmp_path / "ws"), "--questionnaire",
                                 str(tmp_path / "q.yaml"), "--targets",
                                 str(tmp_path / "bodies.csv"), "--sent", "2022-01-10"])
    assert r.exit_code == 0, r.output
    return tmp_path / "ws"


def run(ws: Path, *args: str) -> tuple[int, str]:
    r = CliRunner().invoke(cli, list(args),
                           env={"FOICOLLATE_CAMPAIGN": str(ws)})
    return r.exit_code, r.output


def test_outside_a_workspace_says_what_to_do(tmp_path: Path) -> None:
    r = CliRunner().invoke(cli, ["status", "--campaign", str(tmp_path)])
    assert r.exit_code == 2
    assert "is not a campaign workspace; run `foicollate init`" in r.output


def test_ambiguous_body_lists_the_candidates(ws: Path) -> None:
    code, out = run(ws, "show", "dev")
    assert code == 2
    assert "'dev' matches Devon County Council, Mid Devon District Council; give more" in out


def test_set_needs_something_to_set(ws: Path) -> None:
    code, out = run(ws, "set", "barnet", "a")
    assert code == 2 and "say what to set" in out


def test_set_and_show(ws: Path) -> None:
    code, out = run(ws, "set", "barnet", "a", "--value", "45", "--who", "carol")
    assert code == 0, out
    assert "London Borough of Barnet, question a: not_answered -> answered, value 45" in out
    code, out = run(ws, "show", "barnet")
    assert "corrected by carol" in out and "Answered: 45" in out


def test_bad_value_is_one_sentence(ws: Path) -> None:
    code, out = run(ws, "set", "barnet", "a", "--value", "lots")
    assert code == 2 and out.startswith("Error: 'lots' is not a value for question a")


def test_extract_progress_bar(ws: Path, tmp_path: Path) -> None:
    (tmp_path / "barnet-reply.txt").write_text("Barnet Council\n\n1. 45\n", encoding="utf-8")
    assert run(ws, "add", str(tmp_path / "barnet-reply.txt"))[0] == 0
    r = CliRunner().invoke(cli, ["extract", "--progress"], env={"FOICOLLATE_CAMPAIGN": str(ws)})
    assert r.exit_code == 0, r.output
    assert "1/1" in r.stderr and "Extracted 1 file(s)" in r.stdout


def test_clock_command(ws: Path) -> None:
    code, out = run(ws, "clock", "barnet", "pause", "2022-01-12")
    assert code == 0 and "clock paused" in out
    code, out = run(ws, "clock", "barnet", "restart", "2022-01-17")
    # 18-21 Jan (4), 24-28 (9), 31 Jan-4 Feb (14), 7-11 Feb (19), 14 Feb (20)
    assert code == 0 and "now due 2022-02-14" in out


def test_init_from_a_request(tmp_path: Path) -> None:
    (tmp_path / "request.txt").write_text(
        "Dear Sir or Madam,\n\nPlease tell me:\n\n1. How many parks do you maintain?\n"
        "2. How many park rangers do you employ?\n\nYours faithfully,\nA. Person\n",
        encoding="utf-8",
    )
    (tmp_path / "bodies.csv").write_text(BODIES, encoding="utf-8")
    r = CliRunner().invoke(cli, ["init", str(tmp_path / "ws"), "--request",
                                 str(tmp_path / "request.txt"), "--targets",
                                 str(tmp_path / "bodies.csv"), "--sent", "2022-01-10"])
    assert r.exit_code == 0, r.output
    assert "3 bodies, 2 questions" in r.output
    assert (tmp_path / "ws" / "request.txt").is_file()
    assert "How many parks" in (tmp_path / "ws" / "questionnaire.yaml").read_text(encoding="utf-8")
