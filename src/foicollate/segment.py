"""A reply -> the passage that answers each question (stub, being written)."""
from __future__ import annotations

from dataclasses import dataclass, field

from foicollate.model import Document, Questionnaire


@dataclass
class Segmentation:
    blocks: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


def segment(doc: Document, questionnaire: Questionnaire) -> Segmentation:
    return Segmentation()
