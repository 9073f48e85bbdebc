"""Tables an answer points at: "Please see Table 1 below", "see the table in our response to question 2".

A reply often answers several number questions with one table placed elsewhere (under the letter, or
inside another question's answer) and leaves each question only a pointer to it. This module finds the
table the pointer names, so the question's own row can be read from it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from foicollate.extract.numbers import unflatten_cells
from foicollate.markers import normalise_label
from foicollate.segment import TABLE_RULE

# the pointer: "see Table 2", "see the table below", "in the following table", "see the table in our response to
# question 2", "See the table under B1"
SEE_TABLE = re.compile(
    r"\b(?:see|in|at|under|shown\s+in|set\s+out\s+in|given\s+in|refer\s+to)\s+(?:the\s+|our\s+)?"
    r"(?:table\s+(?P<num>\d{1,2}|(?-i:[A-HJ-Z]))\b|(?P<dir>following|above|below|attached)\s+table\b|"
    r"table\s+(?P<dir2>below|above|overleaf|at\s+the\s+end|that\s+follows|attached)\b|tables?\b|"
    r"(?:[\w-]+\s+)?breakdown\s+(?P<dir3>below|above)\b)",
    re.I)
_WHERE = re.compile(r"\b(?:(?:response|answer|reply)\s+to|under|in)\s+(?:question\s+|q\.?\s*)?\(?"
                    r"(?P<label>[A-Za-z]?\d{1,2}[a-z]?|[a-z]|[ivx]{1,5})\)?(?=[\s.,;:)]|$)", re.I)
_TABLE_LINE = re.compile(r"^[^\n]*(?:\|[^\n|]*\|[^\n]*|\t[^\n\t]*\t[^\n]*)$")
# a plain-text table laid out with spaces or one tab: "Abbey Fields          12", "Site          Plots"
_ALIGNED_LINE = re.compile(r"^[ \t]*\S[^\n]{0,70}?\S(?: {3,}|[ ]*\t[ \t]*)(?:[£$€]?\d[\d,.]*%?|[A-Z][^\d\n]{0,30})[ \t]*$")


def table_text(text: str, region: tuple[int, int]) -> str:
    """A region's text, with a Word table copied out one cell a line put back as rows (same offsets)."""
    return _tables(text)[0][region[0]:region[1]]


def table_regions(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each run of two table rows or more that holds a figure (header, rows, rules)."""
    return _tables(text)[1]


@lru_cache(maxsize=4)
def _tables(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The text with its one-cell-a-line tables put back as rows, and its table regions: read once per
    document, however many of its answers point at a table."""
    text = unflatten_cells(text)
    out: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n") + [""]:
        end = pos + len(line)
        if line.strip() and (_TABLE_LINE.match(line) or _ALIGNED_LINE.match(line) or run and TABLE_RULE.match(line)):
            run.append((pos, end))
        else:
            if len(run) >= 2 and re.search(r"\d", text[run[1][0]:run[-1][1]]):
                out.append((run[0][0], run[-1][1]))
            run = []
        pos = end + 1
    return text, tuple(out)


def pointed_table(text: str, at: int, pointer: re.Match[str], own: list[tuple[int, int]],
                  blocks_by_label: dict[str, list[tuple[int, int]]]) -> tuple[int, int] | None:
    """The table (doc offsets) a pointer at `at` names: by number ("Table 1": the table after its
    caption), by the question whose answer holds it, or by direction (below / above); else the next one.
    `own` are the spans of the answer the pointer is in (a caption there is the pointer itself)."""
    regions = table_regions(text)
    if not regions:
        return None
    num = pointer.group("num")
    if num:
        for m in re.finditer(rf"\btable\s+{re.escape(num)}\b", text, re.I):
            if any(a <= m.start() < b for a, b in own):
                continue
            after = [r for r in regions if m.end() <= r[0] <= m.end() + 400]
            if after:
                return after[0]
        return None
    where = _WHERE.search(text, pointer.end(), min(len(text), pointer.end() + 60))
    if where:
        spans = blocks_by_label.get(normalise_label(where.group("label")))
        if spans:
            inside = [r for r in regions if any(a <= r[0] < b for a, b in spans)]
            return inside[0] if inside else None
    way = (pointer.group("dir") or pointer.group("dir2") or pointer.group("dir3") or "").lower()
    after = [r for r in regions if r[0] >= at]
    before = [r for r in regions if r[1] <= at]
    if way == "above":
        return before[-1] if before else None
    if way or after:
        return after[0] if after else None
    return before[-1] if before else None
