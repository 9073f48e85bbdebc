"""The questionnaire: loaded from YAML (validated, problems reported by line) or inferred
from the request text, and written back as YAML a person can edit."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from foicollate.errors import QuestionnaireError
from foicollate.model import Option, Question, Questionnaire, QuestionType
from foicollate.request import parse_request

__all__ = ["dump_questionnaire", "load_questionnaire", "parse_request", "questionnaire_from_dict"]

_ID = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$")


def load_questionnaire(path: str | Path) -> Questionnaire:
    """Load and validate a questionnaire YAML; QuestionnaireError lists every problem by line."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise QuestionnaireError(str(p), [f"cannot open it ({exc.strerror})"]) from exc
    return loads_questionnaire(text, str(p))


def loads_questionnaire(text: str, name: str = "questionnaire.yaml") -> Questionnaire:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        raise QuestionnaireError(
            name, [f"{where}not valid YAML ({getattr(exc, 'problem', exc)})"]
        ) from exc
    problems: list[str] = []
    if node is None or not isinstance(node, yaml.MappingNode):
        raise QuestionnaireError(name, ["line 1: expected a mapping with 'title' and 'questions'"])
    data = yaml.safe_load(text)
    qnodes = _child(node, "questions")
    if not isinstance(qnodes, yaml.SequenceNode) or not qnodes.value:
        raise QuestionnaireError(name, [f"line {_line(node)}: 'questions' must be a non-empty list"])
    seen: dict[str, int] = {}
    for qnode, qdata in zip(qnodes.value, data.get("questions") or [], strict=False):
        line = _line(qnode)
        if not isinstance(qdata, dict):
            problems.append(f"line {line}: each question must be a mapping with id, text, type")
            continue
        qid = str(qdata.get("id", "")).strip()
        if not qid:
            problems.append(f"line {line}: question has no 'id'")
        elif not _ID.match(qid):
            problems.append(f"line {line}: id {qid!r} may hold only letters, digits, _ . -")
        elif qid in seen:
            problems.append(f"line {line}: id {qid!r} is used twice (first on line {seen[qid]})")
        else:
            seen[qid] = line
        if not str(qdata.get("text") or "").strip():
            problems.append(f"line {line}: question {qid or '?'} has no 'text'")
        qtype = str(qdata.get("type", "text"))
        if qtype not in {t.value for t in QuestionType}:
            problems.append(
                f"line {line}: question {qid or '?'} has type {qtype!r}; "
                "use number, yesno, choice, multi, matrix or text"
            )
            continue
        key = "items" if qtype == "matrix" else "options"
        other = "options" if key == "items" else "items"
        if qtype in ("choice", "multi", "matrix") and not qdata.get(key):
            problems.append(f"line {line}: {qtype} question {qid or '?'} needs a list of '{key}'")
        if qdata.get(other) and qtype in ("choice", "multi", "matrix"):
            problems.append(f"line {line}: {qtype} question {qid or '?'} takes '{key}', not '{other}'")
        onodes = _child(qnode, key)
        oseen: set[str] = set()
        olist = qdata.get(key) or []
        for i, (onode, odata) in enumerate(zip(getattr(onodes, "value", []) or [], olist, strict=False)):
            oline = _line(onode)
            if isinstance(odata, str):
                continue  # a bare string gets an id made from its text
            if isinstance(odata, dict):
                odata = olist[i] = _mend_flow_option(odata, onode, text)
            if not isinstance(odata, dict) or not str(odata.get("text") or "").strip():
                problems.append(f"line {oline}: each of {qid}'s {key} needs 'text'")
                continue
            oid = str(odata.get("id") or "")
            if oid and oid in oseen:
                problems.append(f"line {oline}: {qid} has two {key} with id {oid!r}")
            oseen.add(oid)
    if problems:
        raise QuestionnaireError(name, problems)
    return questionnaire_from_dict(data)


def questionnaire_from_dict(data: dict[str, Any]) -> Questionnaire:
    questions = []
    for qd in data.get("questions") or []:
        qtype = QuestionType(str(qd.get("type", "text")))
        opts = [_option(o, i) for i, o in enumerate(qd.get("options") or [])]
        items = [_option(o, i) for i, o in enumerate(qd.get("items") or [])]
        label = qd.get("label")
        questions.append(
            Question(
                id=str(qd["id"]),
                text=str(qd["text"]).strip(),
                type=qtype,
                label=str(label) if label is not None else None,
                options=opts,
                items=items,
                context=qd.get("context"),
            )
        )
    return Questionnaire(
        title=str(data.get("title") or "Untitled questionnaire"),
        questions=questions,
        preamble=data.get("preamble"),
    )


def _option(o: Any, i: int) -> Option:
    if isinstance(o, dict):
        text = str(o.get("text", "")).strip()
        oid = str(o.get("id") or slug(text) or f"o{i + 1}")
        label = o.get("label")
        return Option(id=oid, text=text, label=str(label) if label is not None else None)
    text = str(o).strip()
    return Option(id=slug(text) or f"o{i + 1}", text=text)


def slug(text: str, max_words: int = 3) -> str:
    """A short stable id from text: "Basic mobile phone" -> "basic_mobile_phone"."""
    stop = {"a", "an", "the", "of", "to", "on", "for", "and", "or", "with", "e", "g", "eg", "in"}
    words = [w for w in re.findall(r"[a-z0-9]+", text.lower().replace("'", "")) if w not in stop]
    return "_".join(words[:max_words])


def dump_questionnaire(q: Questionnaire) -> str:
    """YAML a person can edit; loading it back gives the same questionnaire."""
    out: dict[str, Any] = {"title": q.title}
    if q.preamble:
        out["preamble"] = q.preamble
    out["questions"] = []
    for question in q.questions:
        d: dict[str, Any] = {"id": question.id}
        if question.label:
            d["label"] = question.label
        d["text"] = question.text
        d["type"] = str(question.type)
        if question.context:
            d["context"] = question.context
        for key, opts in (("options", question.options), ("items", question.items)):
            if opts:
                d[key] = [
                    {"id": o.id, "text": o.text, **({"label": o.label} if o.label else {})}
                    for o in opts
                ]
        out["questions"].append(d)
    return yaml.safe_dump(out, sort_keys=False, allow_unicode=True, width=100)


def _mend_flow_option(odata: dict[str, Any], node: yaml.Node, source: str) -> dict[str, Any]:
    """Undo YAML's reading of `{id: no, text: Yes, we prevent all tasks}`.

    In a flow mapping an unquoted comma ends the value and `Yes`/`No` become booleans;
    a person meant the whole phrase, so take the text back from the source line.
    """
    extra = [k for k in odata if k not in ("id", "text", "label")]
    mended = dict(odata)
    for k in ("id", "text"):
        if isinstance(mended.get(k), bool):
            mended[k] = "yes" if mended[k] else "no"
    if extra or isinstance(odata.get("text"), bool):
        raw = source[node.start_mark.index : node.end_mark.index]
        m = re.search(r"\btext:\s*(.*?)\s*\}?\s*$", raw, re.S)
        if m:
            mended["text"] = m.group(1).strip().strip("'\"")
            for k in extra:
                mended.pop(k, None)
    if isinstance(odata.get("text"), bool) and not extra:
        mended["text"] = "Yes" if odata["text"] else "No"
    return mended


def _child(node: yaml.Node, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if getattr(k, "value", None) == key:
                return v
    return None


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1
