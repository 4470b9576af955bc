"""Where the body starts, and the table of contents before it.

A table of contents follows "Inhoudsopgave" (or "Inhoud") and is printed in many ways: page
numbers on the same line ("…VVD-fractie    2"), on their own line ("2", placeholders "00" and
"0": kst-22112-3950, 2021D27012), part numbers on their own line ("I" / "Vragen en opmerkingen
vanuit de fracties": 2021D22107), bullets ("• Inbreng van de leden van de VVD-fractie":
2023D35130), wrapped entries ("3. Verslag Informele Raad WSBVC, … 10 en 11 april" / "2019 te
Boekarest, Roemenië": 2019D23340), parts only ("I. Vragen en opmerkingen vanuit de fracties 2" /
"II. Reactie van de Minister voor Medische Zorg 8": kst-32620-257), a part heading above
"Inhoudsopgave" (2023D06019). The body starts where an entry is printed again ("I Vragen en
opmerkingen vanuit de fracties" after "… II Antwoord / Reactie van de staatssecretaris 19"); the
comparison ignores numbering, page numbers, case and the source's doubled words ("vanuit de
fracties en en reactie", kst-21501-33-1064). Without a repeat, the body starts at the first line
of prose.

Without a table of contents the body starts at the first heading after the signatures ("De
voorzitter van de commissie, …" / "Adjunct-griffier …, Meijer"), or at the first fractie heading.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from parsers import lexicon as ph
from parsers.segment.headings import (
    is_answer_part,
    is_other_part,
    is_question_part,
    parse_section_heading,
)
from parsers.segment.units import Unit

_TOC_SEARCH = 160  # the table of contents starts within this many units
_PROSE_CHARS = 160


@dataclass(frozen=True)
class BodyStart:
    start: int | None  # index of the first body unit; None when the text has no body
    toc_fracties: tuple[str, ...]
    has_toc: bool


def entry_key(text: str) -> str:
    """An entry without numbering, page number, case and doubled words."""
    t = ph.TOC_PAGE_RE.sub("", ph.HEADING_NUMBER_RE.sub("", text.strip())).lower()
    t = re.sub(r"\b(\w+)(\s+\1\b)+", r"\1", t)
    return " ".join(t.split())


def _is_prose(text: str) -> bool:
    return len(text) > _PROSE_CHARS or (text.endswith(".") and len(text.split()) >= 10)


def find_body(units: Sequence[Unit], known: Sequence[str]) -> BodyStart:
    toc = next(
        (i for i, u in enumerate(units[:_TOC_SEARCH]) if ph.TOC_START_RE.match(u.text)), None
    )
    if toc is not None:
        return _after_toc(units, toc, known)
    return BodyStart(_first_heading(units, known), (), False)


def _after_toc(units: Sequence[Unit], toc: int, known: Sequence[str]) -> BodyStart:
    seen: set[str] = set()
    entries: list[int] = []
    start: int | None = None
    for j in range(toc + 1, len(units)):
        text = units[j].text
        if ph.TOC_FURNITURE_RE.match(text):
            continue
        key = entry_key(text)
        if key in seen or _is_prose(text):
            start = j if key in seen else _back_to_heading(units, j, toc)
            break
        seen.add(key)
        entries.append(j)
    if start is not None:
        entries = [j for j in entries if j < start]
    return BodyStart(start, _fracties(units, entries, known), True)


def _back_to_heading(units: Sequence[Unit], j: int, toc: int) -> int:
    """Prose at `j` right after the table of contents: its heading is the unit before."""
    if j - 1 > toc and not _is_prose(units[j - 1].text):
        return j - 1
    return j


def _fracties(
    units: Sequence[Unit], entries: Sequence[int], known: Sequence[str]
) -> tuple[str, ...]:
    names: list[str] = []
    for j in entries:
        text = ph.TOC_PAGE_RE.sub("", units[j].text).strip()
        head = parse_section_heading(text, "", known)
        if head and head.fractie not in names:
            names.append(head.fractie)
    return tuple(names)


def _first_heading(units: Sequence[Unit], known: Sequence[str]) -> int | None:
    """The first heading after the signatures; or the first fractie heading of the text."""
    # the first block of signatures (chair, clerk); a letter later in the text is signed too
    first = next((i for i in range(min(len(units), _TOC_SEARCH)) if _is_signature(units, i)), None)
    if first is not None:
        signed = max(i for i in range(first, min(len(units), first + 4)) if _is_signature(units, i))
        for i in range(signed + 1, min(len(units), signed + 4)):
            if _is_heading(units, i, known):
                return i
        return _after_name(units, signed)
    for i, u in enumerate(units):
        nxt = units[i + 1].text if i + 1 < len(units) else ""
        if len(u.text) <= 120 and parse_section_heading(u.text, nxt, known):
            return i
    return None


def _is_signature(units: Sequence[Unit], i: int) -> bool:
    return bool(ph.CHAIR_RE.match(units[i].text) or ph.CLERK_RE.match(units[i].text))


def _after_name(units: Sequence[Unit], signed: int) -> int | None:
    """The unit after the last signature's name (on its line or the next)."""
    m = ph.CHAIR_RE.match(units[signed].text) or ph.CLERK_RE.match(units[signed].text)
    nxt = signed + 1 if m and m.group("name").strip() else signed + 2
    return nxt if nxt < len(units) else None


def _is_heading(units: Sequence[Unit], i: int, known: Sequence[str]) -> bool:
    text = units[i].text
    nxt = units[i + 1].text if i + 1 < len(units) else ""
    return bool(
        is_question_part(text)
        or is_answer_part(text)
        or is_other_part(text)
        or ph.LETTER_RE.match(text)
        or (len(text) <= 120 and parse_section_heading(text, nxt, known))
    )
