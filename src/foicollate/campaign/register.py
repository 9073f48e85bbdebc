"""What the UK register of public bodies (foicollate.authorities) adds to a campaign:
other names of the bodies asked, one name per body referred to, and which county
"the County Council" means. The register is optional: without it, names are matched
against the targets CSV alone."""

from __future__ import annotations

import re
from collections.abc import Sequence

from foicollate.campaign.targets import Matcher, Target, core


def register_aliases(targets: Sequence[Target]) -> dict[str, list[str]]:
    """Other names of each target from the UK councils register, when it is installed."""
    try:
        from foicollate import authorities
    except ImportError:
        return {}
    out: dict[str, list[str]] = {}
    for t in targets:
        try:
            found = authorities.find(t.name)
        except Exception:  # a register still being written must never break a workspace
            return {}
        # only a register entry that is plainly the same body lends its other names
        if found is not None and core(found.name) == core(t.name):
            out[t.id] = [found.name, *(getattr(found, "aliases", None) or [])]
    return out


def canonical_body(name: str) -> str:
    """One key for the spellings of a body not on the list ("Herts CC", "Hertfordshire CC")."""
    try:
        from foicollate import authorities

        found = authorities.find(name)
    except Exception:  # the register is optional here: fall back to the name's core
        found = None
    return found.name if found is not None else core(name)


#: A referral that names no body, only its tier: "the County Council".
_VAGUE_COUNTY = re.compile(r"^(?:the\s+)?county(?:\s+council)?$", re.I)


def resolve_referral(name: str, referrer: Target, matcher: Matcher) -> tuple[str, str | None]:
    """(who was meant, their target id or None) for a referral `referrer`'s reply made.

    "the County Council" from a district is that district's county (from the UK register).
    """
    hit = matcher.match_name(name)
    if hit:
        return name, hit.target.id
    if _VAGUE_COUNTY.match(name.strip()):
        try:
            from foicollate import authorities

            county = authorities.county_of(referrer.name)
        except Exception:  # the register is optional here
            county = None
        if county is not None:
            hit = matcher.match_name(county.name)
            return county.name, hit.target.id if hit else None
    return name, None
