"""The EU Council meeting a document title names: council, informal flag, dates, place. Pure.

Titles spell one meeting many ways ("Geannoteerde agenda JBZ-Raad 12-13 december 2024",
"Verslag JBZ-Raad van 12 en 13 december 2024", "… informele Raad Justitie en Binnenlandse Zaken
(iJBZ-Raad) op 22 en 23 juli 2025 in Kopenhagen", even "Verslag JBZ-Raad van 5 en 7 maart 2025"
for the meeting of 6–7 March). This module only reads what one title says; deciding that two
spellings are one meeting is warehouse/councils.py's job (overlapping dates, same council).

The meeting is the first council name that is directly followed by a date: in "Verslag van een
commissiedebat, gehouden op 9 oktober 2024, over JBZ Raad (Luxemburg) 10 en 11 oktober 2024" the
debate date comes before the council name and is not the meeting.
"""

import re
from dataclasses import dataclass
from datetime import date

from parsers.lexicon.dates import MONTHS
from parsers.lexicon.meetings import (
    BRACKET_PLACE_RE,
    CITED_RE,
    COUNCIL_SPACED_RE,
    DEBATE_DATED_RE,
    DEBATE_NAMED_RE,
    FULL_DATE_RE,
    IJBZ_RE,
    MEETING_RE,
)

# One name per council however it is printed.
CANONICAL_COUNCILS = {
    "raad justitie en binnenlandse zaken": "JBZ-Raad",
    "jbz-raad": "JBZ-Raad",
    "ijbz-raad": "JBZ-Raad",
    "gezondheidsraad": "EU-Gezondheidsraad",
    "eu-gezondheidsraad": "EU-Gezondheidsraad",
}


@dataclass(frozen=True)
class MeetingMention:
    """What one title says about the Council meeting it concerns."""

    council: str  # canonical: "JBZ-Raad", "Raad Algemene Zaken", "Landbouw- en Visserijraad"
    informal: bool | None  # True "informele"/"iJBZ", False "formele", None when not said
    starts_on: date
    ends_on: date  # = starts_on for a one-day meeting
    place: str | None  # "Kopenhagen", "Luxemburg", where the title says


def canonical_council(printed: str) -> str:
    """ "JBZ Raad", "iJBZ-Raad", "Raad Justitie en Binnenlandse Zaken" -> "JBZ-Raad"."""
    key = re.sub(r"\s+", " ", printed.strip())
    key = COUNCIL_SPACED_RE.sub(r"\1-\2", key)  # "JBZ Raad" -> "JBZ-Raad"
    return CANONICAL_COUNCILS.get(key.lower(), key)


def _year_near(day: int, month: int, near: date) -> int | None:
    """The year that puts day-month closest to `near` (agendas precede a meeting, reports
    follow it, by weeks: "12 en 13 December" in a title dated 20 January is last December)."""
    best: tuple[int, int] | None = None
    for year in (near.year - 1, near.year, near.year + 1):
        try:
            distance = abs((date(year, month, day) - near).days)
        except ValueError:
            continue
        if best is None or distance < best[0]:
            best = (distance, year)
    return None if best is None else best[1]


def _span(m: re.Match[str], title: str, near: date | None) -> tuple[date, date] | None:
    month = MONTHS[m.group("month").lower()]
    d1 = int(m.group("d1"))
    d2 = int(m.group("d2") or d1)
    if m.group("year"):
        year: int | None = int(m.group("year"))
    else:
        other = FULL_DATE_RE.search(title)
        if other is not None:
            near = date(int(other.group(3)), MONTHS[other.group(2).lower()], int(other.group(1)))
        year = _year_near(d1, month, near) if near is not None else None
    if year is None or d2 < d1:
        return None
    try:
        return date(year, month, d1), date(year, month, d2)
    except ValueError:  # "31 februari": not a date, so not a meeting
        return None


def parse_meeting_title(title: str | None, near: date | None = None) -> MeetingMention | None:
    """The meeting a title names, or None. `near` (the document's date) supplies a year the
    title leaves out; without it such a title gives None."""
    text = re.sub(r"\s+", " ", title or "")
    for m in MEETING_RE.finditer(text):
        span = _span(m, text, near)
        if span is None or _debate_date(m, text):
            continue
        formality = (m.group("formality") or "").lower()
        informal = True if formality == "informele" else False if formality == "formele" else None
        if IJBZ_RE.search(text):
            informal = True
        bracket = BRACKET_PLACE_RE.search(m.group("gap") or "")
        place = m.group("place") or (bracket.group(1) if bracket else None)
        return MeetingMention(canonical_council(m.group("council")), informal, *span, place)
    return None


def _debate_date(m: re.Match[str], text: str) -> bool:
    """Is the date after "commissiedebat <Raad> van" the debate's own (see DEBATE_NAMED_RE)?"""
    if not DEBATE_NAMED_RE.search(text[: m.start()]):
        return False
    return not DEBATE_DATED_RE.search(text[m.end() :])


def parse_cited_kamerstukken(title: str | None) -> tuple[str, ...]:
    """ "… (Kamerstuk 32317-907)" -> ("32317-907",): the documents a title says it is about."""
    return tuple(CITED_RE.findall(title or ""))
