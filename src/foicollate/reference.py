"""Policies and attachments: telling them from replies, and their passages per question (stub)."""
from __future__ import annotations

from foicollate.model import Answer, Document, DocumentKind, Questionnaire


def classify(doc: Document, questionnaire: Questionnaire) -> DocumentKind:
    return DocumentKind.RESPONSE


def evidence_answers(doc: Document, questionnaire: Questionnaire) -> list[Answer]:
    return [Answer(question=q.id) for q in questionnaire.questions]
