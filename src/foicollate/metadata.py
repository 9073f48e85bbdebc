"""Who sent a reply, their reference, and its dates — each only when the text supports it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from foicollate import authorities
from foicollate.model import Document
from foicollate.names import body_key as _key
from foicollate.names import find_bodies, letterhead_names, tidy_body
from foicollate.segment import QUOTED_EMAIL

_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
_MON = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATE = (rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON},?\s+\d{{4}}|{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
        rf"\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}-{_MON}-\d{{2,4}})")
# "Dyddiad / Date: 7 Chwefror 2024 / 7 February 2024": the Welsh words before a slash
_WELSH = r"(?:[^\W\d][^\n/:|]{0,30}/[ \t]*)?"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"  # "Tuesday, " or an e-mail's "Tue, "
_RECEIVED = re.compile(
    rf"(?i:received(?:\s+by(?:\s+[\w'’-]+){{1,5}}?|\s+your\s+(?:request|e-?mail|letter))?\s+on\s*:?|date\s+(?:foi\s+|request\s+)?received\s*:?|"
    rf"received(?:\s+date)?\s*[:|\t]|request\s+(?:was\s+)?received\s*:?|date\s+of\s+(?:your\s+)?request\s*[:|\t])"
    rf"\s*[*_]*\s*\|?\s*(?:\w+day,?\s+)?(?P<d>{DATE})",
    re.I,
)
_REQUEST_OF = re.compile(rf"your\s+(?:request|email|letter|correspondence)\s+(?:of|dated)\s+(?:\w+day,?\s+)?(?P<d>{DATE})", re.I)
_RESPONDED = re.compile(
    rf"(?:^|\n|[ \t]{{3}}|\t)[ \t]*(?:\|[ \t]*)?[*_]{{0,2}}{_WELSH}(?:date(?:\s+of\s+(?:this\s+|our\s+)?(?:response|reply|letter|notice))?|(?:response|reply)\s+date|"
    rf"date\s+(?:sent|responded|of\s+issue)|sent|responded)\s*[:\-|\t]?\s*[*_]*\s*\|?\s*(?:[^\n/:|]{{1,30}}/[ \t]*)?{_WEEKDAY}(?P<d>{DATE})",
    re.I,
)
_DATE_LINE = re.compile(rf"^[ \t]*(?:\w+day,?\s+)?(?P<d>{DATE})\b(?:\s*(?:our\s+ref|ref)\b.*)?[ \t]*$", re.I | re.M)
# where a requester's e-mail is quoted below the reply (the segmenter's own test, line by line)
_QUOTED_MAIL = re.compile(QUOTED_EMAIL.pattern, re.I | re.M)
_REF_VALUE = r"(?P<r>(?:[A-Z]{2,5}[ ])?[A-Z0-9][A-Za-z0-9/_\-.]*\d[A-Za-z0-9/_\-]*)"
_REF = re.compile(  # (the look-ahead names every phrase's first letter: the engine skips other positions fast)
    r"(?=[oOfFeEiIrRcC])(?i:\b(?:our\s+ref(?:erence)?(?:\s+(?:no|number))?|"
    r"(?:foi|eir|foisa|information|freedom\s+of\s+information)\s+(?:request\s+)?(?:ref(?:erence)?|number|no\.?|id)|"
    r"(?:foi|eir|information)\s+request|request\s+(?:id|reference|ref|number|no\.?)|"
    r"case\s+(?:ref(?:erence)?|number|no\.?)|reference\s+(?:number|no\.?)|(?<!your\s)ref(?:erence)?))"
    r"[\s:*|#.\[(]*" + _REF_VALUE,
    re.M,
)
_REF_TITLE = re.compile(r"\b(?P<r>(?:[A-Z]{2,6}[ /\-])?(?:FOI|EIR)[ /\-]?[A-Z0-9/_\-]*\d[\w/\-]*)")


@dataclass
class Metadata:
    authority: str | None = None
    reference: str | None = None
    date_received: str | None = None
    date_responded: str | None = None


def parse_date(s: str) -> str | None:
    """A UK-style date as ISO ("11/02/2020" is 11 February)."""
    s = s.strip().lower().replace(",", " ")
    s = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", s)
    s = re.sub(r"\bof\b", " ", s)
    try:
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s)
        if m:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})", s)
        if m:
            y = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
            return date(y, int(m[2]), int(m[1])).isoformat()
        parts = re.split(r"[\s\-.]+", s)
        parts = [p for p in parts if p]
        nums = [p for p in parts if p.isdigit()]
        mons = [p for p in parts if p[:3] in _MONTHS]
        if len(nums) == 2 and mons:
            d, y = (int(nums[0]), int(nums[1])) if len(nums[1]) >= 2 and int(nums[0]) <= 31 else (0, 0)
            if y < 100:
                y += 2000
            return date(y, _MONTHS[mons[0][:3]], d).isoformat()
    except ValueError:
        return None
    return None


def _first_ref(text: str) -> re.Match[str] | None:
    """The body's own reference: "Our ref" first, then other labels, then "FOI request N"."""
    found = []
    for m in _REF.finditer(text):
        value = m.group("r")
        if len(value) < 3 or re.fullmatch(r"(19|20)\d\d", value):
            continue
        label = m.group(0)[: m.start("r") - m.start()].lower()
        rank = 0 if "our" in label else 2 if re.search(r"request\s*$|request[\s:*|#.\[(]*$", label) else 1
        found.append((rank, m.start(), m))
    return min(found, key=lambda x: (x[0], x[1]))[2] if found else None


def read_metadata(doc: Document, authorities: dict[str, str], exclude: Iterable[str] = ()) -> Metadata:
    text = doc.text
    meta = Metadata(authority=authority(doc, authorities, exclude))
    m = _first_ref(text[:3000]) or _first_ref(text)
    if m:
        # "HBC_FOI_20200136Date FOI Received": a web page ran the next label on
        meta.reference = re.sub(r"(?<=\d)[A-Z][a-z]+$", "", m.group("r").rstrip(".-/"))
    else:
        subject = re.search(r"^\W*(?:subject|re)\s*:(.*)$", text[:2000], re.I | re.M)
        heading = re.match(r"\s*#+\s+(.*)", text)  # "# Freedom of Information response — FOI 000612/23"
        for hint in (doc.metadata.get("subject"), doc.metadata.get("title"), subject and subject.group(1),
                     heading and heading.group(1)):
            sm = _REF_TITLE.search(hint or "")
            if sm:
                meta.reference = sm.group("r")
                break
    m = _RECEIVED.search(text) or _REQUEST_OF.search(text)
    if m:
        meta.date_received = parse_date(m.group("d"))
    quoted = _QUOTED_MAIL.search(text, 200)  # "-----Original Message----- ... Sent: 14 January": the request's date
    m = _RESPONDED.search(text[: min(4000, quoted.start() if quoted else 4000)])
    if m:
        meta.date_responded = parse_date(m.group("d"))
    else:
        head = "\n".join(text.split("\n")[:12])
        m2 = _DATE_LINE.search(head)
        if m2:
            meta.date_responded = parse_date(m2.group("d"))
        elif doc.metadata.get("date"):
            meta.date_responded = doc.metadata["date"][:10]
    return meta


def authority(doc: Document, authorities: dict[str, str], exclude: Iterable[str] = ()) -> str | None:
    """The body that wrote the reply: the user's map, then the text, then the register."""
    for key in (doc.id, Path(doc.source or "").name, Path(doc.source or "").stem):
        if key and key in authorities:
            return authorities[key]
    return guess_authority_name(doc, exclude)


def guess_authority_name(doc: Document, exclude: Iterable[str] = ()) -> str | None:
    excluded = {_key(x) for x in exclude if x}
    scores: dict[str, float] = {}
    names: dict[str, str] = {}
    text = doc.text
    n = max(len(text), 1)
    for s, _e, name in find_bodies(text):
        k = _key(name)
        if not k or k in excluded:
            continue
        names.setdefault(k, tidy_body(name))
        pos = s / n
        w = 1.0 + (1.5 if pos < 0.15 else 0) + (1.0 if pos > 0.8 else 0)
        if re.search(r"(?:confirm\s+that|on\s+behalf\s+of|behalf\s+of)\s*(?:the\s+)?$", text[max(0, s - 40):s], re.I):
            w += 3
        if re.search(r"^\s*\(?(?:does\s+not|do\s+not|holds?|has|have)\b", text[_e:_e + 20], re.I):
            w += 1
        scores[k] = scores.get(k, 0) + w
    for name in letterhead_names(text):
        k = _key(name)
        if k and k not in excluded:
            names.setdefault(k, name)
            scores[k] = scores.get(k, 0) + 3.0
    sender = doc.metadata.get("sender", "")
    # the register names a body from the sender's address, or from a file name whose place the text uses
    for h in dict.fromkeys((sender, doc.id, Path(doc.source or "").stem)):  # (the id is usually the stem)
        a = authorities.find(h) if h else None
        if a is not None and _key(a.name) not in excluded and (
                h is sender or re.search(rf"\b{re.escape(a.place)}\b", text)):
            k = _key(a.name)
            names.setdefault(k, a.name)
            scores[k] = scores.get(k, 0) + 2.5
    if not scores:
        return None
    best = max(scores, key=lambda k: scores[k])
    return names[best]


