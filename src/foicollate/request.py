"""Request text -> questionnaire: questions with stable ids, labels, types, options.

Numbered lists ("1.", "1)", "1a.", "Q1", "a.", "(a)", "- a.", "i.") and bullets are read
as a two-level outline: a top-level sequence of questions, and under a question either
options/items (answers to pick from) or sub-questions ("1. ... a) How many ...?").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from foicollate.markers import first_of_sequence, next_label, parse_bullet, parse_marker
from foicollate.model import Option, Question, Questionnaire, QuestionType
from foicollate.questionnaire_types import infer_type, is_question_like

__all__ = ["parse_request"]


@dataclass
class _Node:
    key: str | None  # normalised label; None for a bullet
    raw: str | None
    text: str
    indent: int
    style: str
    children: list[_Node] = field(default_factory=list)
    context: str | None = None


_ROMAN_KEY = re.compile(r"^(?=[ivx]+$)x{0,3}(ix|iv|v?i{0,3})$")
_CLOSING = re.compile(
    r"^(many thanks|thanks|thank you|kind regards|regards|yours|best wishes|if it'?s easier|"
    r"if answering|if this request|i would be grateful if you could confirm|i look forward)",
    re.I,
)


def parse_request(text: str, title: str = "Questionnaire") -> Questionnaire:
    """Infer the questionnaire of a request's text (see module docstring)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    tops: list[_Node] = []
    preamble: list[str] = []
    context: str | None = None
    top_style: str | None = None
    top_indent = 0
    cur: _Node | None = None
    sub_style: str | None = None
    last_kind = "blank"  # what the previous non-blank line was: top | sub | para | blank
    first_item = next((ln for ln in lines if parse_marker(ln) or parse_bullet(ln)), None)
    # bullets first means the bullets are the questions and any numbering is their options
    numbered = first_item is not None and parse_marker(first_item) is not None

    for line in lines:
        if not line.strip():
            last_kind = "blank" if last_kind != "para" else "para_end"
            continue
        mk = parse_marker(line)
        if mk is not None and not mk.rest.strip():
            mk = None
        if mk is not None and not numbered:
            if cur is not None:  # a lettered option under a bulleted question
                cur.children.append(_Node(mk.key, mk.raw, mk.rest.strip(), mk.indent, mk.style))
                last_kind = "sub"
                continue
            mk = None
        if mk is not None and cur is not None and cur.children and cur.children[-1].key is not None:
            sub = cur.children[-1]
            # a third level: options under a sub-question ("2b. How often ...?" then "A) Every six months")
            ostyle = mk.style
            if sub.children:
                prev = sub.children[-1]
                if prev.style == "roman" and _ROMAN_KEY.match(mk.key):
                    ostyle = "roman"  # "v" after "iv" is five, not the letter v
                opt_next = ostyle == prev.style and mk.key in next_label(prev.key or "", prev.style)
            else:
                opt_next = (first_of_sequence(mk.key) and mk.style not in (sub_style, top_style)
                            and is_question_like(sub.text) and not is_question_like(mk.rest))
                if mk.key == "i":
                    ostyle = "roman"  # options "i.", "ii.", ...: roman, not the ninth letter
            if opt_next:
                sub.children.append(_Node(mk.key, mk.raw, mk.rest.strip(), mk.indent, ostyle))
                last_kind = "opt"
                continue
        if mk is not None:
            mstyle = mk.style
            if "roman" in (top_style, sub_style) and _ROMAN_KEY.match(mk.key):
                mstyle = "roman"  # "v" after "iv" is five, not the letter v
            is_next_top = top_style is None or (
                mstyle == top_style and (not tops or mk.key in next_label(tops[-1].key or "", top_style))
            )
            if cur is not None and cur.children and cur.children[-1].key is not None:
                last_sub = cur.children[-1]
                is_next_sub = (mstyle == sub_style or mk.style == sub_style) and mk.key in next_label(
                    last_sub.key or "", sub_style or mstyle)
            else:
                is_next_sub = cur is not None and mk.style != "dotted" and (
                    first_of_sequence(mk.key) or mk.key == f"{cur.key}a")
            if is_next_top and is_next_sub:
                # both sequences continue: indentation decides, then whether it reads as a question
                if mk.indent > top_indent or mk.bullet and mk.indent > top_indent:
                    as_top = False
                elif cur is not None and cur.children and mk.indent < cur.children[-1].indent:
                    as_top = True
                else:
                    as_top = is_question_like(mk.rest) or top_style != mk.style
            elif is_next_top:
                as_top = True
            elif is_next_sub:
                as_top = False
            else:
                as_top = mstyle == top_style and (mk.indent <= top_indent or cur is None)
            if as_top or cur is None:
                if top_style is None:
                    # a list that starts at "i." is roman, not the ninth letter
                    top_style = "roman" if mk.key == "i" else mk.style
                    top_indent = mk.indent
                cur = _Node(mk.key, mk.raw, mk.rest.strip(), mk.indent, mk.style, context=context)
                tops.append(cur)
                sub_style = None
                last_kind = "top"
            else:
                if not cur.children:
                    sub_style = mk.style
                cur.children.append(_Node(mk.key, mk.raw, mk.rest.strip(), mk.indent, mk.style))
                last_kind = "sub"
            continue
        bl = parse_bullet(line)
        if bl is not None:
            indent, rest, _ = bl
            if not numbered and (cur is None or indent <= cur.indent and (
                    is_question_like(rest) or not cur.text.rstrip().endswith(":")
                    or (cur.children and indent < cur.children[-1].indent))):
                cur = _Node(None, None, rest.strip(), indent, "bullet", context=context)
                tops.append(cur)
                last_kind = "top"
            elif cur is not None and cur.children and cur.children[-1].key is not None and \
                    is_question_like(cur.children[-1].text) and indent > cur.children[-1].indent:
                cur.children[-1].children.append(_Node(None, None, rest.strip(), indent, "bullet"))
                last_kind = "opt"
            elif cur is not None:
                cur.children.append(_Node(None, None, rest.strip(), indent, "bullet"))
                last_kind = "sub"
            continue
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if cur is not None and indent > cur.indent and (last_kind == "plain" or (
                last_kind == "top" and not cur.children and re.search(r"[?:.]\s*$", cur.text)
                and is_question_like(cur.text))):
            # plain indented lines under a question that ends its sentence are its options
            cur.children.append(_Node(None, None, stripped, indent, "plain"))
            last_kind = "plain"
            continue
        if last_kind in ("top", "sub", "plain") and cur is not None and not _CLOSING.match(stripped):
            # a wrapped line continues the question or option above it
            target = cur.children[-1] if last_kind == "sub" and cur.children else cur
            target.text = f"{target.text} {stripped}"
            continue
        if not numbered and stripped.endswith("?") and not _CLOSING.match(stripped):
            cur = _Node(None, None, stripped, 0, "para", context=context)
            tops.append(cur)
            last_kind = "top"
            continue
        if tops:
            if not _CLOSING.match(stripped) and last_kind != "para":
                context = stripped  # a note such as "All the below questions relate to ..."
            elif last_kind == "para" and context:
                context = f"{context} {stripped}"
            last_kind = "para"
        else:
            preamble.append(stripped)
            last_kind = "para"

    questions = _questions(tops)
    return Questionnaire(
        title=title.strip().capitalize() if title.islower() else title.strip(),
        questions=questions,
        preamble=" ".join(preamble) or None,
    )


def _questions(tops: list[_Node]) -> list[Question]:
    out: list[Question] = []
    n = 0
    for node in tops:
        children = node.children
        subq = children and sum(is_question_like(c.text) for c in children) * 2 > len(children)
        if subq:
            parent = infer_type(node.text, [])
            if node.text.rstrip().endswith("?"):
                n += 1
                out.append(_question(node, [], n))
            for child in children:
                n += 1
                key = None
                if node.key and child.key:  # "1a." under "1)" is already "1a"
                    key = child.key if child.key.startswith(node.key) else f"{node.key}{child.key}"
                q = _question(child, child.children, n)
                if q.type == QuestionType.TEXT and not q.choices and parent in (QuestionType.NUMBER, QuestionType.YESNO):
                    q.type = parent  # "How many spaces do you provide:" over "a) for patients?", "b) for staff?"
                q.id = key or f"q{n}"
                q.label = (child.raw if child.raw and node.raw and child.raw.startswith(node.raw)
                           else f"{node.raw}{child.raw}" if node.raw and child.raw else None)
                q.context = _tidy(node.text)
                out.append(q)
        else:
            n += 1
            out.append(_question(node, children, n))
    # stable, unique ids
    seen: set[str] = set()
    for i, q in enumerate(out, 1):
        if q.id in seen:
            q.id = f"q{i}"
        seen.add(q.id)
    return out


def _question(node: _Node, children: list[_Node], n: int) -> Question:
    from foicollate.questionnaire import slug

    opts: list[Option] = []
    used: set[str] = set()
    if not children:
        children = [_Node(None, None, t, 0, "inline") for t in inline_options(node.text)]
    for j, c in enumerate(children, 1):
        oid = slug(c.text) or f"o{j}"
        while oid in used:
            oid = f"{oid}_{j}"
        used.add(oid)
        opts.append(Option(id=oid, text=_tidy(c.text), label=c.key))
    qtype = infer_type(node.text, [o.text for o in opts])
    q = Question(
        id=node.key or f"q{n}",
        text=_tidy(node.text),
        type=qtype,
        label=node.raw,
        context=node.context,
    )
    if qtype == QuestionType.MATRIX:
        q.items = opts
    elif qtype in (QuestionType.CHOICE, QuestionType.MULTI):
        q.options = opts
    elif opts:
        # a list under a number/yes-no/text question: keep it as the question's own text
        q.text = _tidy(q.text + " " + "; ".join(o.text for o in opts))
    return q


_INLINE = re.compile(
    r"(?:choose|select|pick|tick|indicate)\s+(?:one|all|any)(?:\s+(?:of|from))?(?:\s+the\s+following)?"
    r"(?:\s+that\s+apply)?\s*:\s*(?P<list>[^:?]+?)\.?\s*$|\((?P<paren>[^()]*?(?:\s/\s[^()]*?){2,})\)",
    re.I,
)


def inline_options(text: str) -> list[str]:
    """Options written inside the question: "Please choose one: weekly / monthly / never" or
    "(Directly by the council / By a trust / By a contractor)"."""
    m = _INLINE.search(text)
    if not m:
        return []
    items = m.group("list") or m.group("paren") or ""
    if " / " in items:
        parts = items.split(" / ")
    else:
        parts = re.split(r",\s*(?:or\s+|and\s+)?|\s+or\s+", items)
    parts = [p.strip(" .;") for p in parts if p.strip(" .;")]
    return parts if 2 <= len(parts) <= 12 and all(len(p) <= 80 for p in parts) else []


def _tidy(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()
