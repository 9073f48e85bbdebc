"""Names of public bodies as replies write them: "Hertfordshire County Council",
"London Borough of Barnet", "Fenland Vale Police", "NHS Westbridge ICB" ..."""

from __future__ import annotations

import re
from functools import lru_cache

_CAP = r"(?:[A-Z][A-Za-z'’\-]+|of|and|upon|on|the|&)"
_PLACE = rf"[A-Z][A-Za-z'’\-]+(?:[ \t]+{_CAP})*?"
# a place name in full, greedily: "Hollins Park", "Kingston upon Thames", "Hammersmith and Fulham"
_NAMED = r"[A-Z][A-Za-z'’\-]+(?:[ \t]+(?:(?:upon|and|on)[ \t]+)?(?!The\b|Royal\b|London\b)[A-Z][A-Za-z'’\-]+)*"
_NAMED_NHS = r"[A-Z][A-Za-z'’\-]+(?:[ \t]+[A-Z][A-Za-z'’\-]+)*"  # "NHS Loch Eilde"
_BODY = re.compile(
    rf"""(?<![A-Za-z])(?:
        (?:London|Royal)\s+Borough\s+of\s+{_NAMED}
      | City\s+of\s+{_PLACE}\s+Council
      | (?:The\s+)?Council\s+of\s+the\s+{_PLACE}
      | {_PLACE}[ \t]+(?:County|Borough|District|City|Town|Parish|Metropolitan\s+Borough|Metropolitan\s+District|
                    Unitary|Islands|Community)?[ \t]*Council
      | {_PLACE}[ \t]+(?:Police(?:\s+Service)?|Constabulary|Fire\s+(?:and|&)\s+Rescue\s+(?:Service|Authority)|
                    Combined\s+Authority|Integrated\s+Care\s+Board|Clinical\s+Commissioning\s+Group|
                    (?:NHS\s+)?(?:Foundation\s+)?Trust|Health\s+Board|Licensing\s+Board|Valuation\s+(?:Joint\s+)?Board|(?:Burial|Cemetery|Crematorium|Joint|Drainage|Harbour|Port\s+Health)\s+(?:Board|Committee)|Police\s+and\s+Crime\s+Commissioner|
                    Limited|Ltd|plc|LLP|Homes|Housing(?:\s+(?:Association|Trust|Group))?|(?:Multi-)?Academy\s+Trust|
                    University|College|Agency|Authority|Ombudsman|Commissioner|Fire\s+Authority)
      | NHS\s+{_NAMED_NHS}
      | Police\s+Scotland | Police\s+Service\s+of\s+Northern\s+Ireland | Transport\s+for\s+London
      | (?:Department|Ministry)\s+(?:for|of)\s+{_PLACE}
      | Home\s+Office | Cabinet\s+Office | HM\s+{_PLACE}
    )""",
    re.VERBOSE,
)
_LEADING_NOISE = re.compile(
    r"^(?:(?:The|To|Please|Contact|Dear|From|By|At|For|Your|Our|This|That|Both|Each|Whilst|While|Cyngor|Regards|"
    r"Therefore|However|As|In|On|Of|And|Or|Not|Which|Within|Request|FOI|Freedom|Information|Act|"
    r"Department|Title|Description)\s+)+"
)
# Named in every reply's rights paragraph; never the sender, never where a request is referred.
_REGULATOR = re.compile(r"Information\s+Commissioner|Ombudsman|Information\s+Tribunal|Children['’]s\s+Commissioner|"
                        r"Commissioner\s+for", re.I)
_GENERIC = re.compile(r"^(?:County|Borough|District|City|Town|Parish|The|This|Our|Your)?\s*Council$", re.I)

# (patterns run on every figure, line or name: compiled once)
_SPACES = re.compile(r"\s+")
_NON_LETTERS = re.compile(r"[^a-z]+")


# words after a name that make a longer name of one body ("Cwm Elan University" + " Health Board")
_WEAK_END = re.compile(r"(?:University|College|Agency|Homes|Housing|Authority)$")
_LONGER = re.compile(r"(?:[ \t]+(?:[A-Z][A-Za-z'’\-]+|of)){0,4}?[ \t]+(?:(?:NHS[ \t]+)?(?:Foundation[ \t]+)?Trust|"
                     r"Health[ \t]+Board|Council|Police|Constabulary)\b")
_ROLE_KIND = re.compile(r"(?:Homes|Housing|Agency|Group)$")  # kinds that also name posts and plans
_ROLE_AFTER = re.compile(r"[ \t]+(?:Officers?|Managers?|Team|Strategy|Policy|Plan|Fund|Loans?|Grants?|Programme|Scheme|"
                         r"Action|Lead|Co-?ordinator)\b")


@lru_cache(maxsize=16)
def find_bodies(text: str) -> list[tuple[int, int, str]]:
    """Public-body names in a text, with their spans, in order of appearance (do not mutate)."""
    out: list[tuple[int, int, str]] = []
    upto = -1
    for m in _matches(text):
        if m.start() < upto:
            continue  # inside a name already read in full
        name = m.group(0)
        start = m.start()
        longer = _LONGER.match(text, m.end()) if _WEAK_END.search(name) else None
        if longer:  # "Kingsbarrow University" + " Hospitals NHS Foundation Trust": the whole name
            name += longer.group(0)
            upto = longer.end()
        lead = _LEADING_NOISE.match(name)
        if lead and not name.startswith(("London Borough", "Royal Borough", "City of", "Council of")):
            start += lead.end()
            name = name[lead.end():]
        tail = re.match(r"[ \t]+(?:Limited|Ltd|plc|LLP|CIC)\b\.?", text[m.end():])
        if tail:  # "Kingsford Homes Limited": the company's full name
            name += tail.group(0)
        name = _SPACES.sub(" ", name).strip(" ,.;:")
        if not name or _GENERIC.match(name) or len(name) < 6 or " " not in name or _REGULATOR.search(name):
            continue
        if re.match(r"[\w-]+['’]s\s", name):
            continue  # "the Council's Council Tax Policy"
        if _ROLE_KIND.search(name) and _ROLE_AFTER.match(text, start + len(name)):
            continue  # "our Empty Homes Officer": a post or a plan, not a body
        out.append((start, start + len(name), name))
    return out


# Every body name ends in (or, for "NHS ..." and "HM ...", starts with) one of these words: the
# full pattern runs only in a window around them, which is most of the work saved on long letters.
_KIND_WORD = re.compile(r"Council|Police|Constabulary|Rescue|Authority|Board|Group|Trust|Commissioner|Limited|"
                        r"Ltd|plc|LLP|Homes|Housing|Association|University|College|Agency|Ombudsman|NHS|"
                        r"Borough|Scotland|Ireland|London|Office|HM|Department|Ministry")


def _matches(text: str) -> list[re.Match[str]]:
    """_BODY's matches in the text, searching only near the words every body name has."""
    windows: list[list[int]] = []
    for k in _KIND_WORD.finditer(text):
        line_start = text.rfind("\n", 0, k.start()) + 1
        a, b = max(line_start, k.start() - 160), k.end() + 80
        if windows and a <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], b)
        else:
            windows.append([a, b])
    out: list[re.Match[str]] = []
    for a, b in windows:
        out.extend(m for m in _BODY.finditer(text, a, min(b, len(text))) if not out or m.start() >= out[-1].end())
    return out


def tidy_body(name: str) -> str:
    return _SPACES.sub(" ", name).strip(" ,.;:").removeprefix("the ").removeprefix("The ")


def fullest_name(name: str, text: str) -> str:
    """The longest way the text writes a body's name ("Kingsford Homes" -> "Kingsford Homes Limited")."""
    longer = [b[2] for b in find_bodies(text) if b[2].startswith(name) and len(b[2]) > len(name)]
    return max(longer, key=len) if longer else name


@lru_cache(maxsize=4096)
def body_key(name: str) -> str:
    """A body's name without the words every council shares, for telling two names apart."""
    s = name.lower()
    for w in ("the ", "london borough of ", "royal borough of ", "council", "borough", "county", "district",
              "city of ", "city", "metropolitan", "of "):
        s = s.replace(w, " ")
    return _NON_LETTERS.sub(" ", s).strip()


_CAPS_BODY = re.compile(
    r"^[ \t]*([A-Z][A-Z'’&\- ]{2,60}?\s(?:COUNCIL|POLICE|CONSTABULARY|TRUST|BOARD|AUTHORITY|SERVICE|COMMISSIONER))"
    r"[ \t]*$", re.M)


def letterhead_names(text: str) -> list[str]:
    """A body named in capitals at the head of a letter ("LOCH ARRAN COUNCIL"), in title case."""
    head = "\n".join(text.split("\n")[:6])
    return [" ".join(w.capitalize() if w not in ("AND", "OF") else w.lower() for w in m.group(1).split())
            for m in _CAPS_BODY.finditer(head)]
