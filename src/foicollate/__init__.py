"""foicollate: collate round-robin Freedom of Information replies into one grounded table.

The Python API is the product; the `foicollate` command is a thin layer over it::

    from foicollate import load_questionnaire, collate
    q = load_questionnaire("questionnaire.yaml")
    result = collate(["replies/"], q)
    for doc in result.documents:
        print(doc.authority, [a.status for a in doc.answers])
"""

from foicollate.collate import CollateOptions, collate, collate_document
from foicollate.model import (
    Answer,
    CollatedDocument,
    Collation,
    Document,
    DocumentKind,
    Evidence,
    Question,
    Questionnaire,
    QuestionType,
    Status,
)
from foicollate.questionnaire import dump_questionnaire, load_questionnaire, parse_request

__version__ = "0.1.0"

__all__ = [
    "Answer",
    "CollateOptions",
    "Collation",
    "CollatedDocument",
    "Document",
    "DocumentKind",
    "Evidence",
    "Question",
    "QuestionType",
    "Questionnaire",
    "Status",
    "collate",
    "collate_document",
    "dump_questionnaire",
    "load_questionnaire",
    "parse_request",
]
