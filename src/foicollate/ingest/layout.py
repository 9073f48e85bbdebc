"""Printed lines with positions -> text a reader can segment: paragraphs, columns, pages.

A PDF's text layer and an OCR'd scan both give one line per printed line, wrapped as the
page's width forced, with blank lines lost. Here a gap between lines wider than the usual
line step becomes a blank line, a line the writer wrapped is joined back to its paragraph
(so a paragraph is one line, as in a text reply), and a wide gap between words (a table's
columns) becomes a tab. Positions are in any unit with y growing up the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: A gap between lines this many times the usual line step is a paragraph break.
PARAGRAPH_GAP = 1.4
#: A gap between lines this many times the text's height always holds a blank line.
BLANK_LINE_GAP = 1.8
#: A gap between words wider than this many times the text's height separates columns.
COLUMN_GAP = 0.6
#: ... and wider than this many times the page's usual gap between words.
COLUMN_WORD_GAPS = 2.0
#: Slack, in text heights, when asking whether the next word would have fitted on a line
#: (a space, and OCR word boxes that are tighter than the words' printed widths).
WRAP_SLACK = 0.8

_LIST_MARKER = re.compile(r"(Q?\d+[a-z]?[.):]|\(?[a-z]{1,3}\)|[•·▪◦–-])\s")


@dataclass
class Word:
    text: str
    left: float
    right: float


@dataclass
class Line:
    words: list[Word]  # left to right
    bottom: float  # baseline or box bottom; larger is higher up the page
    height: float  # about the font size

    @property
    def left(self) -> float:
        return self.words[0].left

    @property
    def right(self) -> float:
        return self.words[-1].right

    @property
    def first_word(self) -> float:
        return self.words[0].right - self.words[0].left

    def gaps(self) -> list[float]:
        return [b.left - a.right for a, b in zip(self.words, self.words[1:], strict=False)]

    def text(self, column_gap: float = 0.0) -> str:
        """Words joined by a space, or by a tab where the gap is wider than a column's."""
        wide = max(column_gap, COLUMN_GAP * self.height)
        out = [self.words[0].text]
        for gap, word in zip(self.gaps(), self.words[1:], strict=False):
            out.append("\t" if gap > wide else " ")
            out.append(word.text)
        return "".join(out)


@dataclass
class PageText:
    text: str  # ends with "\n" unless empty
    last: Line | None = None  # its last line, to tell if a paragraph runs on overleaf
    margin: float = 0.0
    first_word: float = 0.0  # width of the first word on the page
    lines: list[Line] = field(default_factory=list, repr=False)

    def runs_into(self, following: PageText) -> bool:
        """Whether this page's last paragraph carries on at the top of `following`."""
        if self.last is None or not self.text or not following.text:
            return False
        last_line = self.text.rstrip("\n").rsplit("\n", 1)[-1]
        return (wraps(self.last, following.first_word, self.margin)
                and runs_on(last_line, following.text.split("\n", 1)[0]))


def wraps(line: Line, next_word: float, margin: float) -> bool:
    """True when the next word would not have fitted on this line: the writer wrapped it."""
    return line.right + next_word + WRAP_SLACK * line.height > margin


def runs_on(line: str, following: str) -> bool:
    """Whether `following` can continue `line`'s paragraph, judged by their words alone.

    Not after a table row, not before a list item ("2.", "b)", "Q3"), and not where a
    sentence ends and a capitalised line starts: two short paragraphs that reach the
    margin by chance stay apart, at the price of splitting a paragraph there.
    """
    nxt = following.lstrip()
    if not nxt or "\t" in line or _LIST_MARKER.match(nxt):
        return False
    return not (line.rstrip()[-1:] in ".?!:;)" and (nxt[0].isupper() or nxt[0].isdigit()))


def lay_out(lines: list[Line], page_width: float) -> PageText:
    """A page's lines (top to bottom) as text with paragraphs, joined wraps and columns."""
    if not lines:
        return PageText("")
    # the usual line step: the low end of the gaps between lines, ignoring gaps smaller
    # than a line's height (superscripts, table cells side by side)
    heights = sorted(ln.height for ln in lines)
    height = heights[len(heights) // 2]
    gaps = sorted(a.bottom - b.bottom for a, b in zip(lines, lines[1:], strict=False)
                  if a.bottom - b.bottom >= 0.8 * height)
    spacing = gaps[len(gaps) // 10] if gaps else 0.0
    # where a line must wrap: letters keep their left and right margins alike
    margin = page_width - min(ln.left for ln in lines)
    # a column gap is also well over the page's usual gap between words (OCR's word
    # boxes are tight, so a space between them varies more than a PDF's)
    # (the low quartile: on a page that is mostly a table, most gaps are columns)
    word_gaps = sorted(g for ln in lines for g in ln.gaps())
    column_gap = COLUMN_WORD_GAPS * word_gaps[len(word_gaps) // 4] if word_gaps else 0.0
    out: list[str] = []
    previous: Line | None = None
    for line in lines:
        text = line.text(column_gap)
        gap = previous.bottom - line.bottom if previous is not None else 0.0
        if out and (spacing and gap > PARAGRAPH_GAP * spacing
                    or gap > BLANK_LINE_GAP * height):
            out.append("")
        elif (previous is not None and out and 0 < gap <= PARAGRAPH_GAP * spacing
              and wraps(previous, line.first_word, margin) and runs_on(out[-1], text)):
            out[-1] += text if out[-1].endswith("-") else " " + text
            previous = line
            continue
        out.append(text)
        previous = line
    return PageText("\n".join(out) + "\n", previous, margin, lines[0].first_word, lines)


def join_pages(pages: list[PageText]) -> list[str]:
    """Each page's text; a page whose last paragraph runs on loses its final newline."""
    texts = [p.text for p in pages]
    for i in range(len(pages) - 1):
        if pages[i].runs_into(pages[i + 1]):
            texts[i] = texts[i].rstrip("\n")
    return texts
