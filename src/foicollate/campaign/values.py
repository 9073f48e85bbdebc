"""Values a person types for an answer, read by the question's type."""

from __future__ import annotations

import json
from typing import Any

from foicollate.errors import CampaignError
from foicollate.model import Question, QuestionType


def parse_value(q: Question, raw: str) -> Any:
    """A value typed by a person, read by the question's type."""
    text = raw.strip()
    try:
        if q.type == QuestionType.NUMBER:
            n = float(text.replace(",", ""))
            return int(n) if n.is_integer() else n
        if q.type == QuestionType.YESNO:
            low = text.lower()
            if low in ("yes", "y", "true", "1"):
                return True
            if low in ("no", "n", "false", "0"):
                return False
            raise ValueError(text)
        if q.type in (QuestionType.CHOICE, QuestionType.MULTI):
            ids = {o.id for o in q.options}
            picked = [p.strip() for p in text.split(",") if p.strip()]
            bad = [p for p in picked if p not in ids]
            if bad:
                raise CampaignError(
                    f"{', '.join(bad)} is not an option of question {q.id}; use "
                    + ", ".join(sorted(ids))
                )
            if q.type == QuestionType.CHOICE:
                if len(picked) != 1:
                    raise ValueError(text)
                return picked[0]
            return picked
        if q.type == QuestionType.MATRIX:
            value = json.loads(text)
            if not isinstance(value, dict):
                raise ValueError(text)
            return value
    except (ValueError, json.JSONDecodeError) as exc:
        hint = {
            QuestionType.NUMBER: "a number such as 45",
            QuestionType.YESNO: "yes or no",
            QuestionType.CHOICE: "one option id",
            QuestionType.MATRIX: 'JSON such as {"item_id": true}',
        }.get(q.type, "a value")
        raise CampaignError(f"{raw!r} is not a value for question {q.id}; give {hint}") from exc
    return text
