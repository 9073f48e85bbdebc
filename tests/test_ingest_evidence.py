"""Evidence says where it was: the page of a PDF, the cell of a sheet, the part of an email."""

from __future__ import annotations

import importlib

import pytest
from formats import to_eml_attachment, to_pdf, to_xlsx, to_zip

from foicollate.ingest import read_bytes
from foicollate.model import (
    Answer,
    Document,
    DocumentKind,
    Evidence,
    Question,
    Questionnaire,
    Status,
)

collate = importlib.import_module("foicollate.collate")  # the package re-exports a function
QUESTIONNAIRE = Questionnaire("t", [Question("1", "How many libraries?")])


def evidence_for(doc: Document, needle: str, monkeypatch: pytest.MonkeyPatch) -> Evidence:
    """Collate with an extractor that cites `needle`, to see where the evidence points."""
    start = doc.text.index(needle)

    def cite(doc_: Document, q: Question, seg: object, answers: dict[str, Answer]) -> Answer:
        ev = Evidence(start, start + len(needle), needle)
        return Answer(question=q.id, status=Status.ANSWERED, evidence=[ev])

    monkeypatch.setattr(collate.extract, "read_answer", cite)
    monkeypatch.setattr(collate.extract, "resolve_cross_references", lambda *args: None)
    out = collate.collate_document(doc, QUESTIONNAIRE,
                                   collate.CollateOptions(kind=DocumentKind.RESPONSE))
    return out.answers[0].evidence[0]


def test_pdf_evidence_has_its_page(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\n".join(f"Line {i}" for i in range(80)) + "\nWe operate 14 libraries.\n"
    ev = evidence_for(read_bytes("r.pdf", to_pdf(text)), "14 libraries", monkeypatch)
    assert (ev.page, ev.where) == (2, None)


def test_sheet_evidence_has_its_cell(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = read_bytes("r.xlsx", to_xlsx({"Figures": [["Libraries", 14]]}))
    ev = evidence_for(doc, "14", monkeypatch)
    assert (ev.page, ev.where) == (None, "Figures!B1")


def test_email_evidence_names_the_attachment_and_the_page(
        monkeypatch: pytest.MonkeyPatch) -> None:
    doc = read_bytes("r.eml", to_eml_attachment("We operate 14 libraries.", filename="FOI.pdf"))
    ev = evidence_for(doc, "14 libraries", monkeypatch)
    assert (ev.page, ev.where) == (1, "attachment: FOI.pdf")


def test_a_cell_in_a_zip_names_the_file_and_the_cell(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = read_bytes("r.zip", to_zip({"letter.pdf": to_pdf("See the figures."),
                                      "figures.xlsx": to_xlsx({"Figures": [["Libraries", 14]]})}))
    ev = evidence_for(doc, "14", monkeypatch)
    assert (ev.page, ev.where) == (None, "file: figures.xlsx > Figures!B1")
