"""The bodies a request went to: loaded from the user's CSV, and matched to replies.

A reply names its sender in many ways: "London Borough of Barnet", "Barnet Council",
foi@barnet.gov.uk, a file saved as barnet-reply.pdf. Each target is reduced to a *core*
(its name without the generic words every council shares) and to the domain of its
email, and a reply's hints are compared with those, exactly first, then with rapidfuzz.
A hint that fits two bodies equally well matches neither: the user is asked instead.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rapidfuzz import fuzz, process

from foicollate.campaign.clock import normalise_nation
from foicollate.errors import CampaignError

#: Words nearly every body's name has, so they say nothing about which body it is.
GENERIC = frozenset({
    "council", "borough", "county", "city", "district", "metropolitan", "london", "of",
    "the", "and", "royal", "unitary", "authority", "comhairle", "cyngor", "sir", "mbc",
    "cc", "dc", "bc", "lbo", "lb",
})
#: Domain endings of UK public bodies, stripped to leave the label that names the body.
DOMAIN_SUFFIXES = (
    ".gov.uk", ".gov.scot", ".gov.wales", ".llyw.cymru", ".org.uk", ".nhs.uk",
    ".police.uk", ".ac.uk", ".sch.uk", ".co.uk", ".org", ".com", ".scot", ".wales",
)
#: Words in file names that are not part of any body's name.
FILENAME_NOISE = frozenset({
    "reply", "response", "foi", "foia", "eir", "foisa", "request", "letter", "final",
    "redacted", "answer", "answers", "attachment", "copy", "scan", "scanned", "pdf", "docx",
    "doc", "email", "re", "fw", "fwd", "internal", "review", "outcome", "decision", "notice",
    "ref", "our", "your", "from", "to",
})

_EMAIL = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
_SENDER_LINE = re.compile(r"^\s*(?:From|Sender)\s*:\s*(.+)$", re.I | re.M)
_TITLE_SEPARATORS = re.compile(r"\s[|\u2013\u2014:-]\s|\|")
_DOMAIN = re.compile(r"\b((?:[a-z0-9-]+\.)+(?:gov\.uk|gov\.scot|gov\.wales|llyw\.cymru|org\.uk|nhs\.uk|police\.uk))\b", re.I)


@dataclass(frozen=True)
class Target:
    """One body the request went to."""

    id: str  # a slug of the name, unique in the campaign
    name: str
    nation: str  # England | Wales | Scotland | Northern Ireland
    sent: date  # the day the request was sent (taken as the day it was received)
    email: str | None = None

    @property
    def domain(self) -> str | None:
        if self.email and "@" in self.email:
            return self.email.rsplit("@", 1)[1].strip().lower()
        return None


@dataclass(frozen=True)
class Match:
    target: Target
    score: float  # 0-100
    method: str  # filename | email | authority | text | name


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "body"


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("&", " and ").replace("'", ""))


def core(name: str) -> str:
    """'London Borough of Barnet' -> 'barnet'; a name of only generic words keeps them all."""
    ws = words(name)
    kept = [w for w in ws if w not in GENERIC]
    return " ".join(kept or ws)


def domain_label(domain: str) -> str:
    """'www.barnet.gov.uk' -> 'barnet'; 'foi.northshire.gov.uk' -> 'northshire'."""
    d = domain.lower().strip().strip(".")
    for suffix in DOMAIN_SUFFIXES:
        if d.endswith(suffix):
            d = d[: -len(suffix)]
            break
    labels = [p for p in d.split(".") if p and p not in ("www", "foi", "mail", "email")]
    return labels[-1] if labels else d


def load_targets(path: str | Path, default_sent: date | None = None) -> list[Target]:
    """Read the targets CSV: name, nation, optional email and date sent (ISO) per row.

    Headers are matched loosely (Name/Body/Authority, Nation/Country, Email, Sent/Date
    sent); a row without a date takes `default_sent`.
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CampaignError(f"{p}: cannot read the targets CSV ({exc}); save it as UTF-8 CSV") from exc
    rows = list(csv.reader(text.splitlines()))
    if not rows:
        raise CampaignError(f"{p}: the targets CSV is empty; give one row per body: name,nation")
    header = [h.strip().lower() for h in rows[0]]
    cols = _columns(header)
    if cols["name"] is None or cols["nation"] is None:
        raise CampaignError(
            f"{p}: the first row must name the columns, with at least 'name' and 'nation' "
            "(optional: email, sent)"
        )
    targets: list[Target] = []
    seen: dict[str, int] = {}
    for lineno, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue

        def cell(key: str, row: list[str] = row) -> str:
            i = cols[key]
            return row[i].strip() if i is not None and i < len(row) else ""

        name = cell("name")
        if not name:
            raise CampaignError(f"{p}: line {lineno} has no name; fill it in or delete the row")
        try:
            nation = normalise_nation(cell("nation"))
        except CampaignError as exc:
            raise CampaignError(f"{p}: line {lineno}: {exc}") from exc
        sent_raw = cell("sent")
        if sent_raw:
            try:
                sent = date.fromisoformat(sent_raw)
            except ValueError as exc:
                raise CampaignError(
                    f"{p}: line {lineno}: date sent {sent_raw!r} is not YYYY-MM-DD; correct it"
                ) from exc
        elif default_sent is not None:
            sent = default_sent
        else:
            raise CampaignError(
                f"{p}: line {lineno} has no date sent; add one or pass --sent for the whole campaign"
            )
        tid = slugify(name)
        if tid in seen:
            raise CampaignError(
                f"{p}: line {lineno} repeats {name!r} (first on line {seen[tid]}); remove one"
            )
        seen[tid] = lineno
        targets.append(Target(id=tid, name=name, nation=nation, sent=sent,
                              email=cell("email") or None))
    if not targets:
        raise CampaignError(f"{p}: the targets CSV has no bodies; give one row per body")
    return targets


def _columns(header: list[str]) -> dict[str, int | None]:
    wanted = {
        "name": ("name", "body", "authority", "public body", "organisation"),
        "nation": ("nation", "country"),
        "email": ("email", "e-mail", "email address", "foi email"),
        "sent": ("sent", "date sent", "date_sent", "sent on", "date"),
    }
    out: dict[str, int | None] = {}
    for key, names in wanted.items():
        out[key] = next((i for i, h in enumerate(header) if h in names), None)
    return out


class Matcher:
    """Finds which target a name, email, file name or letter text belongs to."""

    #: Fuzzy scores below this are not a match.
    THRESHOLD = 88.0
    #: The best candidate must beat the second by this much to count.
    MARGIN = 4.0

    def __init__(self, targets: Sequence[Target], aliases: Mapping[str, Iterable[str]] | None = None):
        self.targets = list(targets)
        self._by_id = {t.id: t for t in self.targets}
        # every spelling -> target ids: cores, full names and any aliases given
        self._cores: dict[str, set[str]] = {}
        self._labels: dict[str, set[str]] = {}
        for t in self.targets:
            self._labels.setdefault(core(t.name).replace(" ", ""), set()).add(t.id)
            if t.domain:
                self._labels.setdefault(domain_label(t.domain), set()).add(t.id)
            for spelling in [t.name, *(aliases or {}).get(t.id, ())]:
                if "." in spelling and " " not in spelling:  # an alias that is a domain
                    self._labels.setdefault(domain_label(spelling), set()).add(t.id)
                    continue
                self._cores.setdefault(core(spelling), set()).add(t.id)
                self._cores.setdefault(" ".join(words(spelling)), set()).add(t.id)
        self._cores.pop("", None)
        self._longest = max((len(k.split()) for k in self._cores), default=1)

    def get(self, target_id: str) -> Target | None:
        return self._by_id.get(target_id)

    def _one(self, ids: set[str], score: float, method: str) -> Match | None:
        return Match(self._by_id[next(iter(ids))], score, method) if len(ids) == 1 else None

    def match_name(self, name: str, method: str = "name") -> Match | None:
        """A body's name as someone wrote it: 'Barnet Council' -> London Borough of Barnet."""
        if not name or not name.strip():
            return None
        for key in (" ".join(words(name)), core(name)):
            if key in self._cores:
                return self._one(self._cores[key], 100.0, method)
        choices = list(self._cores)
        found = process.extract(core(name), choices, scorer=fuzz.ratio, limit=2)
        if not found or found[0][1] < self.THRESHOLD:
            return None
        if len(found) > 1 and found[0][1] - found[1][1] < self.MARGIN and (
            self._cores[found[0][0]] != self._cores[found[1][0]]
        ):
            return None
        return self._one(self._cores[found[0][0]], float(found[0][1]), method)

    def match_domain(self, email_or_domain: str, method: str = "email") -> Match | None:
        """foi@barnet.gov.uk or barnet.gov.uk -> the body with that domain or name."""
        domain = email_or_domain.rsplit("@", 1)[-1].strip().lower().strip(">")
        if not domain:
            return None
        exact = {t.id for t in self.targets if t.domain and (
            t.domain == domain or domain.endswith("." + t.domain) or t.domain.endswith("." + domain)
        )}
        if exact:
            return self._one(exact, 100.0, method)
        label = domain_label(domain).replace("-", "")
        if label in self._labels:
            return self._one(self._labels[label], 95.0, method)
        found = process.extract(label, list(self._labels), scorer=fuzz.ratio, limit=2)
        if found and found[0][1] >= 92 and (
            len(found) == 1 or found[0][1] - found[1][1] >= self.MARGIN
        ):
            return self._one(self._labels[found[0][0]], float(found[0][1]), method)
        return None

    def match_filename(self, filename: str) -> Match | None:
        """'barnet-foi-reply.pdf' -> London Borough of Barnet; the longest name found wins."""
        stem = Path(filename).stem
        tokens = [w for w in words(stem) if not w.isdigit() and w not in FILENAME_NOISE]
        if not tokens:
            return None
        joined = " " + " ".join(tokens) + " "
        best: tuple[int, set[str]] = (0, set())
        for key, ids in [*self._cores.items(), *self._labels.items()]:
            if key and f" {key} " in joined:
                size = len(key)
                if size > best[0]:
                    best = (size, set(ids))
                elif size == best[0]:
                    best[1].update(ids)
        if best[0]:
            return self._one(best[1], 90.0, "filename")
        return self.match_name(" ".join(tokens), method="filename")

    def match_sender(self, text: str, head: int = 2000) -> Match | None:
        """The body in an email's From:/Sender: line, when the text starts with headers."""
        for m in _SENDER_LINE.finditer(text[:head]):
            line = m.group(1)
            for email in _EMAIL.finditer(line):
                hit = self.match_domain(email.group(1))
                if hit:
                    return hit
            display = _EMAIL.sub("", line).strip(" <>\"'")
            hit = self.match_name(display, method="email") if display else None
            if hit:
                return hit
        return None

    def match_title(self, title: str) -> Match | None:
        """A web page's or document's title: "FOI 2023-1187 Agency staff | Cwm Taf Council"."""
        hits = {}
        for part in _TITLE_SEPARATORS.split(title):
            hit = self.match_name(part.strip(), method="title")
            if hit:
                hits[hit.target.id] = hit
        return next(iter(hits.values())) if len(hits) == 1 else None

    def match_text(self, text: str, head: int = 800) -> Match | None:
        """The body a letter is from: its names and email domains, the letterhead counting most."""
        scores: dict[str, float] = {}
        for m in _EMAIL.finditer(text):
            hit = self.match_domain(m.group(1))
            if hit:
                scores[hit.target.id] = scores.get(hit.target.id, 0) + (4 if m.start() < head else 2)
        for m in _DOMAIN.finditer(text):
            hit = self.match_domain(m.group(1))
            if hit:
                scores[hit.target.id] = scores.get(hit.target.id, 0) + (2 if m.start() < head else 1)
        # names, leftmost-longest: "north somerset" is not also read as "somerset"
        toks = words(text)
        head_toks = len(words(text[:head]))
        i = 0
        while i < len(toks):
            for n in range(min(self._longest, len(toks) - i), 0, -1):
                ids = self._cores.get(" ".join(toks[i : i + n]))
                if ids:
                    for tid in ids:
                        scores[tid] = scores.get(tid, 0) + (3 if i < head_toks else 1)
                    i += n
                    break
            else:
                i += 1
        if not scores:
            return None
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        if len(ranked) > 1 and ranked[1][1] * 1.5 > ranked[0][1]:
            return None
        return Match(self._by_id[ranked[0][0]], min(100.0, 60 + 5 * ranked[0][1]), "text")
