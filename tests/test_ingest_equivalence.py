"""The same reply as .txt, .pdf, scanned .pdf, .docx, .odt and .eml collates the same.

Every .txt reply of the fixture campaigns (tests/data/campaigns/*/docs) is rendered into
each format by tests/formats.py, read back, and collated; the answers (status, value,
grounds, referred_to per question) must equal the .txt reply's. The test asserts
equality across formats, not correctness: the eval gate scores correctness.

OCR tolerance: a scan is OCR'd, and OCR misreads characters (en dash as "-", "1. 214" as
"1.214", "a, c and e" as "a,cande"), so for the scanned PDF at least 90 % of answer cells
must equal the .txt reply's, and its words at least 97 % (rapidfuzz ratio). Measured on
one reply per campaign to keep the suite quick; FOICOLLATE_OCR_ALL=1 runs every reply
(on 57 replies, 70 pages: 474 of 482 cells equal, 98.3 %; words 97.3 % at worst).
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA
from formats import RENDERINGS, to_scanned_pdf
from rapidfuzz import fuzz

from foicollate.collate import CollateOptions, collate_document
from foicollate.ingest import ocr, read_bytes
from foicollate.model import Document, DocumentKind, Questionnaire
from foicollate.questionnaire import load_questionnaire

CAMPAIGNS = sorted(p.parent for p in (DATA / "campaigns").glob("*/questionnaire.yaml"))
REPLIES = [(c, p) for c in CAMPAIGNS for p in sorted((c / "docs").glob("*.txt"))]
OCR_TOLERANCE = 0.90
# both renderings are read as replies, so the reference-document classifier cannot differ
OPTIONS = CollateOptions(kind=DocumentKind.RESPONSE)


@cache
def questionnaire(campaign: Path) -> Questionnaire:
    return load_questionnaire(campaign / "questionnaire.yaml")


def _norm(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, dict):
        return {k: _norm(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_norm(v) for v in value]
    return value


def cells(doc: Document, campaign: Path) -> dict[str, tuple[Any, ...]]:
    """Question id -> what the table would show for it."""
    collated = collate_document(doc, questionnaire(campaign), OPTIONS)
    return {a.question: (str(a.status), _norm(a.value), a.grounds, a.referred_to)
            for a in collated.answers}


def words(text: str) -> str:
    """The words in order; table cell separators (" | " or tabs) do not count."""
    return " ".join(w for w in text.split() if w != "|")


@cache
def baseline(path: Path) -> tuple[Document, dict[str, tuple[Any, ...]]]:
    doc = read_bytes(path.name, path.read_bytes())
    return doc, cells(doc, path.parent.parent)


def test_there_are_replies_to_compare() -> None:
    assert len(REPLIES) >= 4


@pytest.mark.parametrize("rendering", sorted(RENDERINGS))
def test_each_format_collates_like_the_text(rendering: str) -> None:
    ext, render = RENDERINGS[rendering]
    differences: list[str] = []
    for campaign, path in REPLIES:
        text = path.read_text(encoding="utf-8")
        base_doc, expected = baseline(path)
        doc = read_bytes(path.stem + ext, render(text))
        body = doc.text
        if rendering == "eml-pdf":  # the covering note is a part of its own
            part = next(r for r in doc.regions if r.kind == "part" and "attachment" in r.label)
            body = doc.text[part.start:part.end].split("\n", 1)[1]
        if words(body) != words(base_doc.text):
            differences.append(f"{path.name}: text differs")
        got = cells(doc, campaign)
        for qid, want in expected.items():
            if got[qid] != want:
                differences.append(f"{campaign.name}/{path.name} q{qid}: {got[qid]} != {want}")
    assert not differences, f"{len(differences)} differences:\n" + "\n".join(differences)


def _ocr_sample() -> list[tuple[Path, Path]]:
    if os.environ.get("FOICOLLATE_OCR_ALL"):
        return REPLIES
    first: dict[Path, tuple[Path, Path]] = {}
    for campaign, path in REPLIES:
        first.setdefault(campaign, (campaign, path))
    return list(first.values())


@pytest.mark.skipif(not ocr.tesseract_available(), reason="tesseract not installed")
def test_scanned_pdf_collates_like_the_text_within_the_ocr_tolerance() -> None:
    same = total = 0
    differences: list[str] = []
    for campaign, path in _ocr_sample():
        base_doc, expected = baseline(path)
        doc = read_bytes(path.stem + ".pdf", to_scanned_pdf(path.read_text(encoding="utf-8")))
        assert doc.metadata.get("ocr_pages")
        assert fuzz.ratio(words(doc.text), words(base_doc.text)) >= 97, path.name
        got = cells(doc, campaign)
        for qid, want in expected.items():
            total += 1
            if got[qid] == want:
                same += 1
            else:
                differences.append(f"{path.name} q{qid}: {got[qid]} != {want}")
    assert total and same / total >= OCR_TOLERANCE, (
        f"{same}/{total} cells equal:\n" + "\n".join(differences))

