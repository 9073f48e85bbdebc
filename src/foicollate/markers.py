"""Numbering markers ("1.", "1a)", "(b)", "Q3", "Question 3:", "iv.") and their sequences.

Shared by the request parser (to find questions) and the segmenter (to find where a
reply answers them), so both read numbering the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# "__1.__" (Markdown emphasis) counts as a bullet; a rule of underscores must not backtrack
_BULLET = r"(?:[-–—*•·▪◦‣○●■□☐➢►>#|]\s*|\(\s?\)\s*|\[\s?\]\s*|_{1,2}(?=[A-Za-z0-9(*])|o\s+(?=[A-Z(]))"
_MARKER = re.compile(
    rf"""^(?P<indent>[ \t]*)(?P<bullet>{_BULLET}*)
    (?:(?:our\s+)?(?:response|answer|reply)s?\s+(?:to|for)\s+(?=(?:question|q|\(|\d|[a-z][.):\s]))
      | (?:on|regarding|re|as\s+for|turning\s+to|with\s+regard\s+to|in\s+(?:relation|respect|answer|response)\s+to)
        \s+(?:your\s+)?(?=question\s|q\d))?
    (?:
        (?P<qword>Q(?:uestions?)?|Qu\.?|Items?|Parts?)\.?\s*
            (?P<qlabel>\d{{1,3}}(?:\.\d{{1,2}})?(?:\s?part\s?(?=\(?[a-z]\b))?\s?\(?(?:[ivx]{{2,4}}(?=\W|$)|[a-z])?\)?|[ivx]{{1,5}}\b|[a-z]\d{{1,2}}[a-z]?\b|[a-z]\b|\([a-z0-9]{{1,4}}\))
            \s*(?:[.):\-–—]+|,(?=\s)|\s|$)[*_]*\s*
      | (?P<aword>Answers?|Responses?|Reply)\s*(?P<alabel2>\d{{1,3}}[a-z]?|\([a-z0-9]{{1,4}}\)|[a-z]\d{{1,2}}[a-z]?)
            \s*[.):\-–—]+[*_]*\s*
      | (?P<rword>Request)\s+(?P<rlabel>\d{{1,3}}\s?\(?[a-z]?\)?)\s*(?:[.):\-–—]+|\s|$)[*_]*\s*
      | (?P<dotted>\d{{1,3}}\.\d{{1,2}})(?:[.)]?)[*_]*\s+
      | (?P<alabel>[a-z]\d{{1,2}}[a-z]?)(?:[.)][*_]*|\s?[–—-]|:|(?=\t))(?=\s|$)\s*
      | \(?(?P<label>\d{{1,3}}\s?\(?(?:[ivx]{{2,4}}|[a-z])\)?|\d{{1,3}}|[a-z]|[ivx]{{2,5}})(?:[.)][*_]*|\s?[–—-]|(?<=\d):)(?=\s|$)\s*
      | \((?P<plabel>[a-z0-9]{{1,5}})\)[*_]*\s*[:.\-–—]?\s*
      | (?P<tlabel>\d{{1,3}}[a-z]?(?=\t|[ ]{{2,}}\S|\s*\|)|(?:[a-z]|[ivx]{{2,5}})(?=\t|\s*\|))[\t |]*
    )
    (?P<rest>.*)$""",
    re.IGNORECASE | re.VERBOSE,
)
_BULLET_ONLY = re.compile(rf"^(?P<indent>[ \t]*){_BULLET}+(?P<rest>\S.*)$")
_ROMAN = re.compile(r"^(?=[ivxlc]+$)m*(c[md]|d?c{0,3})(x[cl]|l?x{0,3})(i[xv]|v?i{0,3})$")


# "the third option", "your fifth question": ordinal words and the positions they name
ORDINAL_WORDS = {w: i for i, w in enumerate(["first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                                              "eighth", "ninth", "tenth", "eleventh", "twelfth"], 1)}


@dataclass(frozen=True)
class Marker:
    raw: str  # the label as written, without punctuation: "1a", "Q3", "b"
    key: str  # normalised: "1a", "3", "b"
    indent: int
    bullet: bool
    rest: str  # the line after the marker
    rest_offset: int  # where `rest` starts in the line
    style: str  # "num", "numalpha", "alphanum", "alpha", "ALPHA", "roman", "dotted"
    prefixed: bool  # written with a word: Q / Question / Part / Answer


#: "(your Q3)", "(your question 3)", "[Q3 in your request]", "(request question 3b)"
_YOUR_LABEL = re.compile(
    r"\s*[(\[]\s*(?:(?:your|original|request|requester'?s?)\s+(?:question|q)\.?\s*(?P<label>\d{1,2}\s?\(?[a-z]?\)?)|"
    r"(?:question|q)\.?\s*(?P<label2>\d{1,2}\s?\(?[a-z]?\)?)\s+(?:of|in|from)\s+your\s+(?:request|e-?mail|letter))"
    r"\s*[)\]][\s:.\-\u2013]*", re.I)


def parse_marker(line: str) -> Marker | None:
    """The numbering marker that starts a line, if any."""
    m = _MARKER.match(line)
    if not m:
        return None
    raw = (m.group("qlabel") or m.group("alabel2") or m.group("rlabel") or m.group("dotted") or m.group("alabel") or m.group("label")
           or m.group("plabel") or m.group("tlabel") or "")
    key = normalise_label(raw)
    if not key:
        return None
    # "I can confirm" / "A total of" are words, not markers: single capitals need punctuation
    rest, rest_offset = m.group("rest"), m.start("rest")
    yours = _YOUR_LABEL.match(rest)
    if yours:  # "Question 4 (your Q3)": a reply numbered its own way says which of the request's it answers
        key = normalise_label(yours.group("label") or yours.group("label2"))
        rest, rest_offset = rest[yours.end():], rest_offset + yours.end()
    indent = len(m.group("indent").expandtabs(4))
    qword = m.group("qword") or m.group("aword") or m.group("rword")
    return Marker(
        raw=qword + raw.strip("()") if qword else raw.strip("()"),
        key=key,
        indent=indent,
        bullet=bool(m.group("bullet")),
        rest=rest,
        rest_offset=rest_offset,
        style=label_style(raw),
        prefixed=bool(qword),
    )


def parse_bullet(line: str) -> tuple[int, str, int] | None:
    """(indent, text, text offset) for an unnumbered bullet line."""
    m = _BULLET_ONLY.match(line)
    if not m or parse_marker(line):
        return None
    return len(m.group("indent").expandtabs(4)), m.group("rest"), m.start("rest")


@lru_cache(maxsize=4096)
def normalise_label(raw: str) -> str:
    """ "Q1" -> "1", "1(a)" -> "1a", "(b)" -> "b", "1.2" -> "1.2"."""
    s = raw.strip().lower()
    s = re.sub(r"^(question|qu|q|item|part|request)\.?\s*", "", s)
    s = re.sub(r"(?<=\d)\s*part\s*(?=\(?[a-z]\)?$)", "", s)  # "Q2 part (a)"
    s = re.sub(r"[()\s]", "", s).rstrip(".")
    return s


@lru_cache(maxsize=4096)
def label_style(raw: str) -> str:
    s = re.sub(r"[()\s]", "", raw.strip())
    if re.fullmatch(r"\d+\.\d+", s):
        return "dotted"
    if s.isdigit():
        return "num"
    if re.fullmatch(r"\d+[a-zA-Z]", s):
        return "numalpha"
    if re.fullmatch(r"[a-zA-Z]\d+[a-zA-Z]?", s):
        return "alphanum"  # "A1", "B3": a section letter and the question's number in it
    if len(s) > 1 and _ROMAN.match(s.lower()):
        return "roman"
    if len(s) == 1 and s.isalpha():
        return "ALPHA" if s.isupper() else "alpha"
    return "other"


def ordinal(key: str) -> int | None:
    """Position of a label in its own sequence: "3" -> 3, "c" -> 3, "iv" -> 4, "2b" -> 2."""
    if key.isdigit():
        return int(key)
    if len(key) == 1 and key.isalpha():
        return ord(key) - ord("a") + 1
    if _ROMAN.match(key):
        return roman_value(key)
    m = re.fullmatch(r"(\d+)[a-z]", key)
    if m:
        return int(m.group(1))
    return None


def roman_value(s: str) -> int:
    vals = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=False):
        v = vals[a]
        total += -v if b != " " and vals.get(b, 0) > v else v
    return total


def next_label(key: str, style: str) -> set[str]:
    """Labels that would follow `key` in the same sequence ("i" is both alpha and roman)."""
    out: set[str] = set()
    if style == "num" and key.isdigit():
        out.add(str(int(key) + 1))
    elif style in ("alpha", "ALPHA") and len(key) == 1:
        out.add(chr(ord(key) + 1))
    elif style == "roman":
        out.add(to_roman(roman_value(key) + 1))
    elif style == "numalpha":
        m = re.fullmatch(r"(\d+)([a-z])", key)
        if m:
            out.add(m.group(1) + chr(ord(m.group(2)) + 1))
            out.add(str(int(m.group(1)) + 1) + "a")
            out.add(str(int(m.group(1)) + 1))
    elif style == "alphanum":
        m = re.fullmatch(r"([a-z])(\d+)[a-z]?", key)
        if m:  # "a2" follows "a1"; a new section starts at "b1"
            out |= {f"{m.group(1)}{int(m.group(2)) + 1}", f"{chr(ord(m.group(1)) + 1)}1"}
    elif style == "dotted":
        a, b = key.split(".")
        out |= {f"{a}.{int(b) + 1}", f"{int(a) + 1}.1", str(int(a) + 1)}
    if key == "h" or (style == "roman" and key == "i"):
        out.add("i" if key == "h" else "ii")
    return out


def to_roman(n: int) -> str:
    pairs = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for v, s in pairs:
        while n >= v:
            out += s
            n -= v
    return out


def follows(prev: str, key: str) -> bool:
    """Could `key` come right after `prev` in one reply's numbering? ("1" -> "2a", "2a" -> "2b", "2b" -> "3")."""
    if key in next_label(prev, label_style(prev)):
        return True
    a, b = re.fullmatch(r"(\d+)([a-z]?)", prev), re.fullmatch(r"(\d+)([a-z]?)", key)
    if not a or not b:
        return False
    na, nb = int(a.group(1)), int(b.group(1))
    if nb == na + 1:
        return b.group(2) in ("", "a")
    return nb == na and bool(b.group(2)) and (not a.group(2) or ord(b.group(2)) == ord(a.group(2)) + 1)


def first_of_sequence(key: str) -> bool:
    return key in ("1", "a", "i", "1a", "1.1", "a1")


def labels_match(reply_key: str, question_key: str) -> bool:
    """Does a reply's label name the question? "1a" names "a"; "Q3" names "3"."""
    if not reply_key or not question_key:
        return False
    if reply_key == question_key:
        return True
    # renumbered with a prefix: the reply's "1a" for the request's "a"
    if len(question_key) == 1 and question_key.isalpha():
        head = reply_key[:-1]
        return reply_key[-1] == question_key and 1 <= len(head) <= 2 and head.isdigit()
    return False


# one label of a run ("3", "2a", "2(b)", "iv", "c"), and what joins two ("1 and 2", "3, 4 & 5", "2 to 4")
_ATOM = r"\(?(?:\d{1,3}(?:[a-z]|\s?\([a-z]\))?|[a-z]\d{1,2}[a-z]?|[ivx]{1,5}|[a-z])\)?"
_JOIN = r"\s*(?:,|&|\band\b|\bto\b|\+)\s*"

_MULTI = re.compile(
    r"""^\s*(?:[*_]{1,2}|\#{1,6}\s+)?(?:Q(?:uestions?|s)?\.?\s*|(?:Parts?|Items?|Requests?)\s+|Answers?\s+(?:to|for)\s+(?:questions?\s*)?)"""
    r"(?P<labels>" + _ATOM + r"(?:(?:" + _JOIN + r"|\.?[-–—])(?:Q\.?\s*)?" + _ATOM + r"(?![\w']))+)"
    r"""\s*(?:[*_]{1,2})?(?:[.):\-–—]|\s|$)""",
    re.IGNORECASE | re.VERBOSE,
)


_MULTI_BARE = re.compile(
    r"""^\s*(?:[*_]{1,2}|\#{1,6}\s+)?"""
    r"(?P<labels>" + _ATOM + r"(?:(?:" + _JOIN + r"|\.?[-–—]|/)" + _ATOM + r"(?![\w']))+)"
    r"""\s*(?:[.):\-–—](?:[*_]{1,2})?|[*_]{1,2}[.):\-–—]?)(?:\s|$)""",
    re.IGNORECASE | re.VERBOSE,
)


# "2(a) and 2(b)" alone on its line: sub-question labels, never an answer
_MULTI_ALONE = re.compile(
    r"^\s*(?P<labels>\d{1,3}\s?\(?[a-z]\)?(?:\s*(?:,|&|\band\b|\bto\b|\+|[-–—])\s*\d{1,3}\s?\(?[a-z]\)?)+)\s*$", re.I)


_NUMBERS_ALONE = re.compile(r"^\s*(?P<labels>\d{1,3}(?:\s*(?:,|&|\band\b|\bto\b|[-–—])\s*\d{1,3})+)\s*$", re.I)


def multi_labels(line: str, bilingual: bool = False) -> tuple[list[str], int] | None:
    """ "Questions 1 and 2: ..." / "Q3-5" / "iii and iv – ..." -> (the labels, end of the marker).

    `bilingual`: the line is the English half of a bilingual label ("1 a 2 / 1 and 2"), so even bare
    numbers alone ("1 and 2", which could be options picked) are labels."""
    m = _MULTI.match(line) or _MULTI_BARE.match(line) or _MULTI_ALONE.match(line) or (
        _NUMBERS_ALONE.match(line) if bilingual else None)
    if not m:
        return None
    parts = re.split(r"\s*(,|&|and|to|-|–|—|\+|/)\s*(?:Q\.?\s*)?", m.group("labels"), flags=re.I)
    keys: list[str] = []
    i = 0
    while i < len(parts):
        tok = normalise_label(parts[i])
        if i >= 2 and parts[i - 1].lower() in ("to", "-", "–", "—") and keys:
            a, b = ordinal(keys[-1]), ordinal(tok)
            style = label_style(keys[-1])
            if _ROMAN.match(keys[-1]) and _ROMAN.match(tok) and (style == "roman" or len(tok) > 1):
                # "iii to v": v is five, not the 22nd letter; "i–iii": i is one, not the ninth letter
                a, b, style = roman_value(keys[-1]), roman_value(tok), "roman"
            if a is not None and b is not None and b > a and b - a < 30:
                cur = keys[-1]
                for _ in range(b - a):
                    nxt = sorted(next_label(cur, style), key=len)
                    if not nxt:
                        break
                    cur = nxt[0]
                    keys.append(cur)
                i += 2
                continue
        if tok and keys and len(tok) == 1 and tok.isalpha() and re.fullmatch(r"\d+[a-z]", keys[-1]):
            tok = keys[-1][:-1] + tok  # "2(a) and (b)": the second part of question 2
        if tok:
            keys.append(tok)
        i += 2
    keys = list(dict.fromkeys(keys))
    return (keys, m.end()) if len(keys) >= 2 else None
