"""Welsh bodies answer in both languages, Welsh first: "Tua 60 / Around 60", "Na / No",
"Nifer y pwyntiau gwefru ar 31 Mawrth 2024 / Number of charge points on 31 March 2024".
Reading both halves would count every figure twice and take "Na" for a word of no meaning,
so the Welsh half of such a line is blanked (offsets kept) before an answer is read."""

from __future__ import annotations

import re

# frequent Welsh words that are not also English words ("a", "i", "o", "am", "cost" are both, so left out)
_WELSH = frozenset(re.findall(r"\w+", """
yr yn mae ydy ydym ydyn ydynt nac na nid oes dim tua cyfanswm ateb ymateb cwestiwn blwyddyn ar wedi heb rydym
cyngor gyda ddim rhif pob neu hyd cyf dyddiad annwyl gwybodaeth diwrnod diwrnodau mwy llai allan gwasanaeth
gwasanaethau nifer amser costau ein eich y cyfnod ers rhwng gan fel hefyd ond sydd oedd bod fod
cynghorau ysgol ysgolion plant oedolion tai ffordd ffyrdd swyddog adran mis misoedd wythnos wythnosau blynedd
blynyddoedd gwariant incwm polisi cynllun cyhoeddus ydi oeddent bydd byddwn heddlu bwrdd iechyd ie naddo
mathau tanwydd danwydd trydan pwyntiau gwefru hygyrchedd adroddiadau namau cyflogedig yw yng lleol
awdurdodau awdurdod berthnasol perthnasol cymorth gyda sesiynau sgiliau benthyg dyfeisiau hawliadau
miliwn biliwn filiwn cynnwys gyfer ceir parcio adeiladau arolygiadau achub tân gweler hateb atebion gwestiwn chwestiwn
cwestiynau gwestiynau
"""))
_WORD = re.compile(r"[^\W\d_]+")
_FIGURE = re.compile(r"\d[\d,.]*")
_CELL_END = re.compile(r"[:|\t;()–—]|[.,!?](?=\s|$)|\s-\s")


def welsh_share(s: str) -> float:
    """The share of a text's words that are Welsh (of the frequent Welsh words that are not English)."""
    words = [w.lower() for w in _WORD.findall(s)]
    return sum(w in _WELSH for w in words) / len(words) if words else 0.0


def english_half(text: str) -> str:
    """The text with the Welsh half of each "Welsh / English" pair blanked; same length.

    A pair is the words either side of " / " up to a colon, dash, semicolon, bracket, bar,
    tab, a sentence's end or the line's, so "- HVO: Na / No" blanks only "Na". A figure only the Welsh half gives is kept
    ("32, yn ein pedwar depo / across our four depots")."""
    if " / " not in text:
        return text
    chars: list[str] | None = None
    for m in re.finditer(r" / ", text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        cy_end = m.start()
        while cy_end > line_start and text[cy_end - 1] in ".,;:!?":
            cy_end -= 1  # "... yng Nghymru. / The NHS ...": the Welsh sentence's own full stop
        seps = [x.end() for x in _CELL_END.finditer(text, line_start, cy_end)]
        start = seps[-1] if seps else line_start
        nxt = _CELL_END.search(text, m.end(), line_end)
        end = nxt.start() if nxt else line_end
        slash = text.find(" / ", m.end(), end)
        end = slash if slash >= 0 else end
        cy, en = text[start:m.start()], text[m.end():end]
        if welsh_share(cy) < 0.25 or welsh_share(en) > 0.0:
            continue
        keep = {i for f in _FIGURE.finditer(cy) if f.group(0).rstrip(",.") not in en
                for i in range(start + f.start(), start + f.end())}
        chars = chars if chars is not None else list(text)
        for i in range(start, m.end()):
            if i not in keep:
                chars[i] = " "
    return "".join(chars) if chars is not None else text
