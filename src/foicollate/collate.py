"""Documents x questionnaire -> one row of answers per reply: the API the CLI calls."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from foicollate import extract, metadata, reference, segment
from foicollate.ingest import read_documents
from foicollate.model import (
    Answer,
    CollatedDocument,
    Collation,
    Document,
    DocumentKind,
    Failure,
    Questionnaire,
    Status,
)
from foicollate.names import fullest_name

#: Answers at or above this confidence are "confident": on the fixture corpus they are
#: at least 99 % correct (tests/test_eval_gate.py checks it). Below it, a person should look.
CONFIDENT = 0.85


@dataclass(frozen=True)
class CollateOptions:
    # Who wrote each reply, when the text does not say: file stem (or name) -> body name.
    authorities: dict[str, str] = field(default_factory=dict)
    # Force every document to one kind instead of telling replies from reference material.
    kind: DocumentKind | None = None
    # Answers at or above this confidence are reported as confident.
    confident: float = CONFIDENT


def collate_document(
    doc: Document, questionnaire: Questionnaire, options: CollateOptions | None = None
) -> CollatedDocument:
    """Read one document against the questionnaire: every question gets one Answer."""
    options = options or CollateOptions()
    kind = options.kind or reference.classify(doc, questionnaire)
    out = CollatedDocument(id=doc.id, kind=kind, source=doc.source, format=doc.format,
                           warnings=list(doc.warnings))
    if kind == DocumentKind.REFERENCE:
        out.answers = reference.evidence_answers(doc, questionnaire)
        out.authority = metadata.authority(doc, options.authorities, exclude=())
        return out
    seg = segment.segment(doc, questionnaire)
    answers: dict[str, Answer] = {}
    for q in questionnaire.questions:
        answers[q.id] = extract.read_answer(doc, q, seg, answers)
    extract.resolve_cross_references(doc, questionnaire, seg, answers)
    extract.split_shared_figures(doc, questionnaire, seg, answers)
    out.answers = [answers[q.id] for q in questionnaire.questions]
    for a in out.answers:
        for ev in a.evidence:
            where = doc.locate(ev.start)
            if "page" in where and ev.page is None:
                ev.page = int(where["page"])
            # "attachment: figures.xlsx > Figures!B4": which part of an email, which cell
            ev.where = ev.where or " > ".join(
                w for w in (where.get("part"), where.get("cell")) if w) or None
    for a in out.answers:
        if a.status == Status.REFERRED and a.referred_to:
            a.referred_to = fullest_name(a.referred_to, doc.text)
    referred = {a.referred_to for a in out.answers if a.status == Status.REFERRED and a.referred_to}
    meta = metadata.read_metadata(doc, options.authorities, exclude=referred)
    out.authority = meta.authority
    out.reference = meta.reference
    out.date_received = meta.date_received
    out.date_responded = meta.date_responded
    return out


def collate(
    paths: Iterable[str | Path],
    questionnaire: Questionnaire,
    options: CollateOptions | None = None,
    progress: Callable[[str], None] | None = None,
) -> Collation:
    """Read every file under `paths` and collate it; unreadable files become Failures.

    `progress`, if given, is called once per file with its path (for a progress bar).
    """
    options = options or CollateOptions()
    result = Collation(questionnaire=questionnaire)
    seen: dict[str, int] = {}
    for item in read_documents(paths):
        if progress:
            progress(item.path if isinstance(item, Failure) else (item.source or item.id))
        if isinstance(item, Failure):
            result.failures.append(item)
            continue
        # two files with one stem (letter.pdf, letter.docx) keep distinct ids
        n = seen.get(item.id, 0)
        seen[item.id] = n + 1
        if n:
            item.id = f"{item.id}-{os.path.splitext(item.source or '')[1].lstrip('.') or n}"
        result.documents.append(collate_document(item, questionnaire, options))
    return result
