"""Collate a reply written inline in a test, for the segmenting and reply-style tests."""

from __future__ import annotations

from foicollate.collate import collate_document
from foicollate.model import Answer, Document, Questionnaire


def collate_text(text: str, q: Questionnaire) -> list[Answer]:
    """The answers foicollate reads from `text` (a reply with the document id "r") for questionnaire `q`."""
    return collate_document(Document(id="r", text=text), q).answers


def by_question(text: str, q: Questionnaire) -> dict[str, Answer]:
    """The answers of collate_text, by question id."""
    return {a.question: a for a in collate_text(text, q)}
