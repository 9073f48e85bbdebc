"""The wide table: one row per reply; per question an outcome column and value column(s).

Multi and matrix questions spread one column per option/item, so a spreadsheet can
count them; grounds and referred_to get columns of their own.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from foicollate.collate import CONFIDENT
from foicollate.model import Answer, CollatedDocument, Collation, Question, QuestionType, Status


def columns(result: Collation) -> list[str]:
    cols = ["id", "kind", "authority", "reference", "date_received", "date_responded"]
    for q in result.questionnaire.questions:
        cols += [f"{q.id}_status", f"{q.id}_grounds", f"{q.id}_referred_to"]
        if q.type in (QuestionType.MULTI, QuestionType.MATRIX):
            cols += [f"{q.id}_{o.id}" for o in q.choices]
        else:
            cols.append(f"{q.id}_value")
        if q.type == QuestionType.NUMBER:
            cols.append(f"{q.id}_breakdown")
        if q.type == QuestionType.YESNO:
            cols.append(f"{q.id}_count")
        cols.append(f"{q.id}_confidence")
    return cols


def _cell(v: Any) -> Any:
    if isinstance(v, bool):
        return "yes" if v else "no"
    return "" if v is None else v


def row(doc: CollatedDocument, questions: list[Question]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": doc.id, "kind": str(doc.kind), "authority": doc.authority or "",
        "reference": doc.reference or "", "date_received": doc.date_received or "",
        "date_responded": doc.date_responded or "",
    }
    answers = {a.question: a for a in doc.answers}
    for q in questions:
        a = answers.get(q.id) or Answer(question=q.id)
        answered = a.status == Status.ANSWERED
        out[f"{q.id}_status"] = str(a.status) if doc.kind == "response" else ""
        out[f"{q.id}_grounds"] = a.grounds or ""
        out[f"{q.id}_referred_to"] = a.referred_to or ""
        if q.type == QuestionType.MULTI:
            picked = set(a.value or []) if answered and isinstance(a.value, list) else None
            for o in q.options:
                out[f"{q.id}_{o.id}"] = "" if picked is None else _cell(o.id in picked)
        elif q.type == QuestionType.MATRIX:
            vals = a.value if answered and isinstance(a.value, dict) else {}
            for it in q.items:
                out[f"{q.id}_{it.id}"] = _cell(vals.get(it.id))
        else:
            out[f"{q.id}_value"] = _cell(a.value) if answered else ""
        if q.type == QuestionType.NUMBER:
            out[f"{q.id}_breakdown"] = json.dumps(a.breakdown, ensure_ascii=False) if a.breakdown else ""
        if q.type == QuestionType.YESNO:
            out[f"{q.id}_count"] = _cell(a.count)
        out[f"{q.id}_confidence"] = round(a.confidence, 2) if doc.kind == "response" else ""
    return out


def write_csv(result: Collation, path: Path | str) -> None:
    """Write the wide CSV (UTF-8 with a BOM so Excel reads £ and accents)."""
    with open(path, "w", newline="", encoding="utf-8-sig") as fh:
        w = csv.DictWriter(fh, fieldnames=columns(result))
        w.writeheader()
        for d in result.documents:
            w.writerow(row(d, result.questionnaire.questions))


def _brief(a: Answer) -> str:
    if a.status == Status.ANSWERED:
        v = a.value
        if isinstance(v, bool):
            s = "yes" if v else "no"
        elif isinstance(v, list):
            s = ",".join(v) or "none"
        elif isinstance(v, dict):
            s = "".join("Y" if x else ("N" if x is False else "?") for x in v.values())
        elif v is None:
            s = "answered" if not a.breakdown else "by " + str(len(a.breakdown))
        else:
            s = str(v)
        s = s if len(s) <= 14 else s[:13] + "…"
    elif a.status == Status.REFUSED:
        s = f"refused {a.grounds or ''}".strip()
    elif a.status == Status.REFERRED:
        s = "referred"
    elif a.status == Status.NOT_HELD:
        s = "not held"
    else:
        s = "-"
    return s + ("" if a.confidence >= CONFIDENT or a.status == Status.NOT_ANSWERED else " ?")


def render_table(result: Collation) -> str:
    """A table a person can scan in a terminal: one row per reply, '?' marks cells to check."""
    qs = result.questionnaire.questions
    header = ["reply", "authority"] + [q.id for q in qs]
    rows = []
    for d in result.documents:
        if d.kind != "response":
            continue
        answers = {a.question: a for a in d.answers}
        rows.append([d.id, (d.authority or "?")[:28]] + [_brief(answers[q.id]) for q in qs])
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for r in rows:
        lines.append("  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    refs = [d for d in result.documents if d.kind != "response"]
    if refs:
        lines.append("")
        lines.append(f"Reference documents (evidence only): {', '.join(d.id for d in refs)}")
    lines.append(f"'?' = confidence below {CONFIDENT}: a person should look.")
    return "\n".join(lines)
