"""Request text -> questionnaire (stub, being written)."""
from __future__ import annotations

from foicollate.model import Questionnaire


def parse_request(text: str, title: str = "Questionnaire") -> Questionnaire:
    return Questionnaire(title=title, questions=[])
