"""`foicollate text` and how `foicollate collate` reports files it cannot read."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from conftest import DATA
from formats import to_eml_attachment, to_pdf, to_xlsx

from foicollate.cli import cli
from foicollate.ingest import read_documents
from foicollate.model import Document, Failure

LETTER = "Dear Ms Marsh,\n\nWe operate 14 static libraries.\n"


def test_text_marks_pages_and_attachments(tmp_path: Path) -> None:
    (tmp_path / "reply.eml").write_bytes(to_eml_attachment(LETTER))
    result = CliRunner().invoke(cli, ["text", str(tmp_path / "reply.eml")])
    assert result.exit_code == 0, result.output
    assert result.stdout == ("--- email body ---\nPlease find our response attached.\n\n"
                             "--- attachment: response.pdf ---\n[page 1]\n" + LETTER)
    assert "date: 2023-03-14" in result.stderr


def test_text_plain_and_cells(tmp_path: Path) -> None:
    (tmp_path / "figures.xlsx").write_bytes(to_xlsx({"S": [["Libraries", 14]]}))
    result = CliRunner().invoke(cli, ["text", "--cells", str(tmp_path / "figures.xlsx")])
    assert result.stdout == "Sheet: S\nLibraries {S!A1} | 14 {S!B1}\n"
    result = CliRunner().invoke(cli, ["text", "--plain", str(tmp_path / "figures.xlsx")])
    assert result.stdout == "Sheet: S\nLibraries | 14\n"


def test_text_on_a_bad_file_is_one_sentence_and_exit_1(tmp_path: Path) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(to_pdf(LETTER)[:200])
    result = CliRunner().invoke(cli, ["text", str(bad)])
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0
    assert "broken.pdf: the PDF is damaged or incomplete" in result.stderr


def test_text_help_has_an_example() -> None:
    result = CliRunner().invoke(cli, ["text", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and "foicollate text" in result.output


def _batch(tmp_path: Path) -> Path:
    replies = tmp_path / "replies"
    replies.mkdir()
    (replies / "good.pdf").write_bytes(to_pdf(LETTER))
    (replies / "empty.docx").write_bytes(b"")
    (replies / "truncated.pdf").write_bytes(to_pdf(LETTER)[:300])
    (replies / "mystery.bin").write_bytes(bytes(range(256)))
    return replies


def test_read_documents_carries_on_past_bad_files(tmp_path: Path) -> None:
    items = list(read_documents([_batch(tmp_path)]))
    assert [type(i).__name__ for i in items] == ["Failure", "Document", "Failure", "Failure"]
    failures = [i for i in items if isinstance(i, Failure)]
    assert all("\n" not in f.message for f in failures)
    assert isinstance(items[1], Document) and "14 static" in items[1].text


def test_collate_summary_counts_failures_and_exits_non_zero(tmp_path: Path) -> None:
    questionnaire = DATA / "campaigns" / "library-opening-hours" / "questionnaire.yaml"
    result = CliRunner().invoke(cli, ["collate", str(_batch(tmp_path)), "-q",
                                      str(questionnaire), "-o", str(tmp_path / "out.json")])
    assert result.exit_code == 1
    assert "3 file(s) could not be read" in result.stderr
    skipped = [ln for ln in result.stderr.splitlines() if ln.startswith("Skipped ")]
    assert len(skipped) == 3
    assert any("mystery.bin: foicollate cannot read '.bin' files" in ln for ln in skipped)


def test_collate_prints_what_reading_skipped_inside_a_reply(tmp_path: Path) -> None:
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"] = "foi@eastmoor.gov.uk"
    msg["Message-ID"] = "<w@eastmoor.gov.uk>"
    msg.set_content(LETTER)
    msg.add_attachment(to_pdf(LETTER)[:300], maintype="application", subtype="pdf",
                       filename="annex.pdf")
    replies = tmp_path / "replies"
    replies.mkdir()
    (replies / "reply.eml").write_bytes(msg.as_bytes())
    questionnaire = DATA / "campaigns" / "library-opening-hours" / "questionnaire.yaml"
    out = tmp_path / "out.json"
    result = CliRunner().invoke(cli, ["collate", str(replies), "-q", str(questionnaire),
                                      "-o", str(out)])
    assert result.exit_code == 0  # the reply was read; only its annex was not
    warning = [ln for ln in result.stderr.splitlines() if ln.startswith("Warning: ")]
    assert len(warning) == 1 and "reply.eml/annex.pdf: the PDF is damaged" in warning[0]
    import json

    assert json.loads(out.read_text())["documents"][0]["warnings"] == [warning[0][9:]]
