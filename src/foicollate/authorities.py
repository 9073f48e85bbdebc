"""A register of UK public bodies (councils, police, fire) and matching loose names to it.

FOI replies name their authority loosely ("Barnet Council", "LB Barnet", "foi@barnet.gov.uk",
a file called "north-devon.pdf") and referrals name another body ("the County Council",
"Hertfordshire County Council"). `find` resolves such a hint to one register entry, and
returns None rather than guess: a wrong body is worse than none. `find_in_text` lists the
bodies a text names in full ("Hertsmere Borough Council", "barnet.gov.uk"), with spans.

The register is package data (`data/uk_authorities.csv`), loaded once and indexed once.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from rapidfuzz import fuzz, process

__all__ = [
    "Authority",
    "canonical",
    "county_of",
    "find",
    "find_in_text",
    "load_register",
    "normalise",
    "same_body",
]

KINDS = frozenset({
    "county", "district", "unitary", "metropolitan", "london_borough", "city_of_london",
    "welsh_principal", "scottish_council", "ni_district", "police", "fire", "other",
})
#: Kinds whose bare place name ("Devon", "Barnet") may stand for the body itself.
COUNCIL_KINDS = KINDS - {"police", "fire"}


@dataclass(frozen=True)
class Authority:
    """One body of the register."""

    name: str  # official style: "Devon County Council", "London Borough of Barnet"
    kind: str  # one of KINDS
    nation: str  # England | Wales | Scotland | Northern Ireland
    place: str  # the bare place name: "Devon", "Barnet"
    county: str | None  # a district's county council (its register name); else None
    aliases: tuple[str, ...]  # common forms: "Barnet Council", "LB Barnet", "barnet.gov.uk"
    domain: str | None  # usual web and email domain, when known

    def __str__(self) -> str:
        return self.name


# ---------------------------------------------------------------------------- normalising

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|&")
_GENERIC = frozenset({
    "the", "council", "borough", "county", "district", "city", "metropolitan", "of", "cyngor",
})
_SUFFIXES = frozenset({"cc", "dc", "bc", "mbc", "cbc", "lbc"})
_PROTECTED = (("city", "of", "london"),)  # kept whole: "London" alone names no single body


def _fold(token: str) -> str:
    """Lower-case, no accents, no apostrophes, '&' -> 'and', 'saint' -> 'st'."""
    t = token.lower()
    if not t.isascii():
        t = "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c))
    if "'" in t or "’" in t:
        t = t.replace("'", "").replace("’", "")
    if t == "&":
        return "and"
    return "st" if t == "saint" else t


def _words(text: str) -> list[str]:
    return [_fold(t) for t in _TOKEN.findall(text)]


def _key_tokens(tokens: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    n = len(tokens)
    while i < n:
        t = tokens[i]
        protected = next((p for p in _PROTECTED if tuple(tokens[i:i + len(p)]) == p), None)
        if protected:
            out.append(" ".join(protected))
            i += len(protected)
            continue
        nxt = tokens[i + 1] if i + 1 < n else ""
        if t in ("london", "royal") and nxt == "borough":  # "London Borough of", "Royal Borough of"
            i += 1
            continue
        # "metropolitan" is generic except in "Metropolitan Police"
        if t not in _GENERIC or (t == "metropolitan" and nxt == "police"):
            out.append(t)
        i += 1
    if len(out) > 1 and out[-1] in _SUFFIXES:  # "Herts CC", "Mole Valley DC"
        out.pop()
    if len(out) > 1 and out[0] in ("lb", "rb"):  # "LB Barnet", "RB Greenwich"
        out.pop(0)
    while out and out[0] == "and":  # "City and County of Swansea" -> "swansea"
        out.pop(0)
    while out and out[-1] == "and":  # "St Albans City and District Council" -> "st albans"
        out.pop()
    return out


def normalise(name: str) -> str:
    """A matching key: lower-case, '&' -> 'and', no punctuation, no 'the', no generic words.

    normalise("The London Borough of Barnet") == normalise("Barnet Council") == "barnet".
    Only for comparing names; never show it to a person.
    """
    return " ".join(_key_tokens(_words(name)))


# ---------------------------------------------------------------------------- the register

@cache
def load_register() -> list[Authority]:
    """Every body in the register, in file order (read once, then cached)."""
    raw = resources.files("foicollate").joinpath("data/uk_authorities.csv").read_text("utf-8")
    out: list[Authority] = []
    for row in csv.DictReader(io.StringIO(raw)):
        out.append(Authority(
            name=row["name"].strip(),
            kind=row["kind"].strip(),
            nation=row["nation"].strip(),
            place=row["place"].strip(),
            county=row["county"].strip() or None,
            aliases=tuple(a.strip() for a in row["aliases"].split(";") if a.strip()),
            domain=row["domain"].strip().lower() or None,
        ))
    return out


def _is_domain(form: str) -> bool:
    return " " not in form and "." in form


#: Words that make a form name an institution rather than a place.
_INSTITUTION = frozenset({
    "council", "constabulary", "police", "fire", "brigade", "corporation", "comhairle",
    "authority", "cyngor",
})
#: Words saying a hint is about some other kind of body, so a bare place in it is no match.
_OTHER_BODY = frozenset({
    "police", "constabulary", "fire", "rescue", "brigade", "nhs", "trust", "university",
    "college", "school", "academy", "hospital", "ccg", "icb", "board", "commissioner", "pcc",
    "water", "town", "parish", "community", "health", "ambulance", "partnership",
    "association", "combined", "mayor", "mp", "bishop", "diocese", "port", "airport",
    "federation", "union", "society", "foundation", "charity", "ltd", "limited", "plc",
    "company", "institute",
})
#: Tokens that may sit beside a place in a file name ("barnet-foi-response-2024").
_FILLER = frozenset({
    "foi", "foia", "foisa", "eir", "response", "responses", "reply", "replies", "letter",
    "final", "redacted", "request", "requests", "answer", "answers", "outcome", "decision",
    "notice", "copy", "scan", "scanned", "attachment", "attachments", "doc", "document",
    "part", "page", "re", "fw", "fwd", "internal", "review", "council", "county", "borough",
    "district", "city", "metropolitan", "of", "the", "and", "cc", "dc", "bc", "mbc", "lb",
    "appendix", "annex", "disclosure", "info", "information", "data", "reference", "ref",
})
#: Capitalised words that may stand next to a place without making it part of another name.
_ADJACENT_OK = frozenset({
    "council", "county", "borough", "district", "city", "metropolitan", "royal", "the", "of",
    "and", "foi", "eir", "foisa", "re", "fw", "fwd", "dear", "from", "to",
})
#: Places that are also everyday words or names: never matched bare inside a sentence.
_COMMON_WORD_PLACES = frozenset({
    "reading", "bury", "hart", "rugby", "harrow", "highland", "angus", "hull", "stoke",
    "kingston", "richmond", "newport", "boston", "sutton", "brent", "wyre", "swale", "arun",
    "test valley", "three rivers", "new forest", "high peak", "castle point", "melton", "moray",
    "fife", "rother", "halton", "medway", "mole valley", "dover", "gosport",
})
#: Direction words: "East Lothian" and "West Lothian" are never typos of each other.
_DIRECTIONAL = frozenset({
    "north", "south", "east", "west", "mid", "central", "upper", "lower", "great", "greater",
    "new", "old", "northern", "southern", "eastern", "western",
})
_FILE_EXT = re.compile(
    r"\.(?:pdf|docx?|odt|rtf|txt|md|html?|eml|msg|xlsx?|ods|csv|zip|png|jpe?g|tiff?)$", re.I
)
_EMAIL = re.compile(r"[\w.+'-]+@((?:[a-z0-9-]+\.)+[a-z]{2,})", re.I)
_URLISH = re.compile(r"^(?:https?://)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?:[:/?#]\S*)?$", re.I)


@dataclass(frozen=True)
class _Form:
    tokens: tuple[str, ...]
    index: int  # into the register
    domain: str | None = None  # set for domain forms: the span must read exactly this


@dataclass(frozen=True)
class _Index:
    register: tuple[Authority, ...]
    keys: dict[str, frozenset[int]]  # normalised name / alias / council place -> bodies
    domains: dict[str, frozenset[int]]
    by_name: dict[str, int]
    mentions: dict[str, tuple[_Form, ...]]  # first token -> full forms, longest first
    places: dict[str, tuple[_Form, ...]]  # first token -> bare council places, longest first
    key_list: tuple[str, ...]  # keys, for fuzzy search
    anchors: tuple[str, ...]  # lower-case strings at least one of which every mention holds
    reach: int  # the longest mention, in characters


def _group(forms: Iterable[_Form]) -> dict[str, tuple[_Form, ...]]:
    grouped: dict[str, list[_Form]] = {}
    for f in forms:
        bucket = grouped.setdefault(f.tokens[0], [])
        if f not in bucket:
            bucket.append(f)
    return {k: tuple(sorted(v, key=lambda f: -len(f.tokens))) for k, v in grouped.items()}


@cache
def _index() -> _Index:
    register = tuple(load_register())
    keys: dict[str, set[int]] = {}
    domains: dict[str, set[int]] = {}
    mentions: list[_Form] = []
    places: list[_Form] = []
    mention_texts: list[str] = []
    for i, a in enumerate(register):
        names = [a.name, *a.aliases]
        if a.domain:
            names.append(a.domain)
        for form in names:
            if _is_domain(form):
                d = form.lower()
                domains.setdefault(d, set()).add(i)
                mentions.append(_Form(tuple(_words(d)), i, domain=d))
                mention_texts.append(d)
                continue
            key = normalise(form)
            if key:
                keys.setdefault(key, set()).add(i)
            words = _words(form)
            if form == a.name or _INSTITUTION.intersection(words) or words[:1] in (["lb"], ["rb"]):
                mentions.append(_Form(tuple(words), i))
                mention_texts.append(form.lower())
        if a.kind in COUNCIL_KINDS:
            for bare in (a.place, *(x for x in a.aliases if not _is_domain(x))):
                key = normalise(bare)
                if not key:
                    continue
                keys.setdefault(key, set()).add(i)
                if not _INSTITUTION.intersection(_words(bare)):
                    places.append(_Form(tuple(_words(bare)), i))
                places.append(_Form(tuple(key.split()), i))
    return _Index(
        register=register,
        keys={k: frozenset(v) for k, v in keys.items()},
        domains={k: frozenset(v) for k, v in domains.items()},
        by_name={a.name.lower(): i for i, a in enumerate(register)},
        mentions=_group(mentions),
        places=_group(places),
        key_list=tuple(keys),
        anchors=_anchors(mention_texts),
        reach=max(map(len, mention_texts)),
    )


#: Cheap substrings that nearly every full name holds; find_in_text only reads around them.
_ANCHOR_WORDS = (
    "council", "police", "constabulary", "fire", "brigade", "borough", "corporation",
    "comhairle", "authority", "cyngor", "county", "lb", "rb",
)


def _anchors(mention_texts: list[str]) -> tuple[str, ...]:
    anchors: set[str] = set()
    for m in mention_texts:
        if _is_domain(m):  # "barnet.gov.uk" -> ".gov.uk"
            anchors.add(m[m.index("."):])
            continue
        anchors.add(next((w for w in _ANCHOR_WORDS if w in m), m))  # else the form itself
    return tuple(sorted(anchors))


# ---------------------------------------------------------------------------- finding

def _one(indices: Iterable[int]) -> Authority | None:
    found = set(indices)
    return _index().register[found.pop()] if len(found) == 1 else None


def _by_domain(domain: str) -> Authority | None:
    """The one body using a domain or a parent of it ("foi.barnet.gov.uk" -> Barnet)."""
    labels = domain.lower().strip(".").split(".")
    domains = _index().domains
    for k in range(len(labels) - 1):
        hit = domains.get(".".join(labels[k:]))
        if hit:
            return _one(hit)
    return None


def _fuzzy(key: str) -> Authority | None:
    """A key one token away from a register key by a typo ("Hertfordshre" -> Hertfordshire)."""
    idx = _index()
    toks = key.split()
    scored: list[tuple[float, frozenset[int]]] = []
    for cand, _score, _pos in process.extract(
        key, idx.key_list, scorer=fuzz.ratio, score_cutoff=85, limit=25
    ):
        ctoks = cand.split()
        if len(ctoks) != len(toks):
            continue
        diff = [(a, b) for a, b in zip(toks, ctoks, strict=True) if a != b]
        if len(diff) != 1:
            continue
        a, b = diff[0]
        score = fuzz.ratio(a, b)
        if (min(len(a), len(b)) >= 5 and a[0] == b[0] and a not in _DIRECTIONAL
                and b not in _DIRECTIONAL and score >= 88):
            scored.append((score, idx.keys[cand]))
    if not scored:
        return None
    scored.sort(key=lambda s: -s[0])
    best_score, best = scored[0]
    rivals = [s for s, bodies in scored[1:] if bodies != best]
    if rivals and best_score - rivals[0] < 5:  # "Hertfordshre" is nearer Hertfordshire than
        return None  # Herefordshire, but a closer race than 5 points is a guess
    return _one(best)


def _scan(
    text: str, table: dict[str, tuple[_Form, ...]], need_capital: bool
) -> list[tuple[int, int, int, int, int]]:
    """Longest forms of `table` in text: (start, end, register index, first token, last token)."""
    spans = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    words = [_fold(t) for _, _, t in spans]
    out: list[tuple[int, int, int, int, int]] = []
    i, n = 0, len(words)
    while i < n:
        forms = table.get(words[i])
        hit = None
        if forms:
            for f in forms:
                k = len(f.tokens)
                if tuple(words[i:i + k]) != f.tokens:
                    continue
                start, end = spans[i][0], spans[i + k - 1][1]
                if f.domain is not None:
                    if text[start:end].lower() != f.domain:
                        continue
                else:
                    if need_capital and not text[start].isupper():
                        continue
                    gaps = (text[spans[j][1]:spans[j + 1][0]] for j in range(i, i + k - 1))
                    if any(g.strip(" \t\n\r-,") for g in gaps):  # "Barnet. Council tax" is no name
                        continue
                hit = (start, end, f.index, i, i + k - 1)
                break
        if hit:
            out.append(hit)
            i = hit[4] + 1
        else:
            i += 1
    return out


def _bare_place(hint: str) -> Authority | None:
    """A council's bare place inside a longer hint: "Devon operates ...", "barnet-foi-2024"."""
    tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(hint)]
    words = [_fold(t) for _, t in tokens]
    if _OTHER_BODY.intersection(words):
        return None
    slug = not any(c.isspace() for c in hint.strip())
    hits = _scan(hint, _index().places, need_capital=not slug)
    if not hits:
        return None
    for _s, _e, _idx, first, last in hits:
        if not slug and " ".join(words[first:last + 1]) in _COMMON_WORD_PLACES:
            return None  # "Reading the request ...", "Angus Smith"
        if slug:
            extras = words[:first] + words[last + 1:]
            if any(not (w in _FILLER or w.isdigit() or len(w) <= 2) for w in extras):
                return None
            continue
        for j in (first - 1, last + 1):
            if not 0 <= j < len(words):
                continue
            word = tokens[j][1]
            if not word[:1].isupper() or words[j] in _ADJACENT_OK:
                continue
            if j == first - 1 and (j == 0 or hint[:tokens[j][0]].rstrip()[-1:] in ".!?:\n"):
                continue  # a capital that only starts the sentence
            return None  # "Bury St Edmunds", "South Devon College": part of another name
    return _one(h[2] for h in hits)


@lru_cache(maxsize=8192)
def find(hint: str) -> Authority | None:
    """The register body a name, alias, domain, email address or file name stands for.

    Returns None when nothing matches closely or two bodies match equally well: "Devon" is
    Devon County Council (not Mid Devon), "north-devon" is North Devon, "Newcastle" is None.
    """
    hint = (hint or "").strip()
    if not hint:
        return None
    idx = _index()
    if ("/" in hint or "\\" in hint) and not _URLISH.match(hint):  # a path: its file name
        hint = re.split(r"[/\\]", hint)[-1]
    hint = _FILE_EXT.sub("", hint)
    address = _EMAIL.search(hint) or _URLISH.match(hint)
    if address:
        body = _by_domain(address.group(1))
        if body is not None:
            return body
        if address.group(0) == hint:
            return None  # an address of no body we know, or of a service two bodies share
        hint = _EMAIL.sub(" ", hint)  # "Lewes District Council <foi@lewes-eastbourne.gov.uk>"
    exact = idx.by_name.get(" ".join(hint.split()).lower())
    if exact is not None:
        return idx.register[exact]
    key = normalise(hint)
    if not key:
        return None
    if key in idx.keys:
        return _one(idx.keys[key])
    body = _fuzzy(key)
    if body is not None:
        return body
    hits = _scan(hint, idx.mentions, need_capital=False)
    if hits:
        words = _words(hint)
        covered = {j for h in hits for j in range(h[3], h[4] + 1)}
        if any(w in _OTHER_BODY for j, w in enumerate(words) if j not in covered):
            return None  # "Devon and Cornwall Police Federation" is not the police force
        return _one(h[2] for h in hits)
    return _bare_place(hint)


def same_body(a: str, b: str) -> bool:
    """Whether two names stand for one body (one register entry, or equal matching keys)."""
    fa, fb = find(a), find(b)
    if fa is not None and fb is not None:
        return fa == fb
    if (fa is None) != (fb is None):
        return False
    key = normalise(a)
    return bool(key) and key == normalise(b)


def canonical(name: str) -> str:
    """The register's name for a body, else the input with its spacing tidied."""
    body = find(name)
    return body.name if body else " ".join(name.split()).strip(" .,;:")


def county_of(name: str) -> Authority | None:
    """A district's county council ("Hertsmere" -> Hertfordshire County Council); else None."""
    body = find(name)
    if body is None or body.county is None:
        return None
    i = _index().by_name.get(body.county.lower())
    return _index().register[i] if i is not None else None


def find_in_text(text: str) -> list[tuple[int, int, Authority]]:
    """Bodies a text names in full ("Kent County Council", "LB Barnet", "barnet.gov.uk").

    Bare places ("in Kent") are not mentions. Spans are character offsets into `text`,
    in order, not overlapping; the longest form wins ("Mid Devon District Council").
    """
    idx = _index()
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare character whose lower case is longer: read it all
        windows = [(0, len(text))]
    else:
        windows = _windows(lowered, idx.anchors, idx.reach)
    out: list[tuple[int, int, Authority]] = []
    last_end = 0
    for ws, we in windows:
        for s, e, i, _f, _l in _scan(text[ws:we], idx.mentions, True):
            if ws + s >= last_end:
                out.append((ws + s, ws + e, idx.register[i]))
                last_end = ws + e
    return out


def _windows(lowered: str, anchors: tuple[str, ...], reach: int) -> list[tuple[int, int]]:
    """Merged stretches of text within `reach` characters of an anchor, cut at whitespace."""
    spots: list[int] = []
    for a in anchors:
        j = lowered.find(a)
        while j != -1:
            spots.append(j)
            j = lowered.find(a, j + 1)
    if not spots:
        return []
    spots.sort()
    n = len(lowered)
    merged: list[list[int]] = []
    for j in spots:
        lo, hi = max(0, j - reach), min(n, j + reach)
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    out: list[tuple[int, int]] = []
    for lo, hi in merged:
        while lo > 0 and not lowered[lo - 1].isspace():  # never start or end inside a word
            lo -= 1
        while hi < n and not lowered[hi].isspace():
            hi += 1
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out
