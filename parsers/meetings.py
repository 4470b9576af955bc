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

MONTHS = {
    m: n
    for n, m in enumerate(
        (
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ),
        1,
    )
}
_MONTH = "|".join(MONTHS)

# Council names, most specific first. Each alternative is needed by a real title:
_COUNCIL = (
    r"(?P<council>"
    # "Verslag van de informele Raad Justitie en Binnenlandse Zaken (iJBZ-Raad) op 22 en 23 juli"
    r"Raad Justitie en Binnenlandse Zaken"
    # "Geannoteerde agenda JBZ-Raad 12-13 december 2024", "iJBZ-Raad", "JBZ Raad (Luxemburg) 10
    # en 11 oktober 2024", "geannoteerde agenda formele OJCS-Raad 25 en 26 november 2024"
    r"|i?[A-Z]{2,5}[- ]Raad"
    # "geannoteerde agenda Raad voor Concurrentievermogen van 26 en 27 februari 2026",
    # "Raad Werkgelegenheid en Sociaal Beleid van 13 juni 2019", "Raad Algemene Zaken van 19
    # maart 2024", "Raad Buitenlandse Zaken van 16 maart 2026". Capitalised words only, so "Raad
    # van Europa" (not an EU Council) is no match.
    r"|Raad (?:voor )?[A-Z][a-zé]+(?:(?:, | en | )[A-Z][a-zé]+)*"
    # "informele Landbouw- en Visserijraad van 13-15 juni 2021", "Transportraad 6 oktober 2011",
    # "informele Telecomraad 11 en 12 april 2024", "EU-Gezondheidsraad van 20 juni 2025",
    # "formele EU Gezondheidsraad d.d. 2 december 2025"
    r"|(?:EU[- ])?[A-Z][a-z]+(?:- en [A-Z][a-z]+)?raad"
    r")"
)
# "informele"/"formele" right before the name: "agenda informele JBZ-Raad 22-23 juli 2025",
# "Geannoteerde agenda van de formele JBZ-Raad 13 14 oktober 2025", "Informele JBZ Raad 30 – 31
# januari 2025", "Geannoteerde Agenda Formele Raad Werkgelegenheid en Sociaal Beleid".
_FORMALITY = r"(?:(?P<formality>[Ii]nformele|[Ff]ormele)\s+)?"
# Between the name and the date: "(iJBZ-Raad) op", "JBZ Raad (Luxemburg) 10", "(Denemarken)
# 22-23 Juli 2025", "JBZ-Raad van 12 en 13 December", "Gezondheidsraad d.d. 2 december 2025".
_GAP = r"(?P<gap>(?:\s*\([^)]*\))*)\s*(?:(?:van|op|d\.d\.)\s+)?"
# The date span: "12-13 december 2024", "12 – 13 juni 2025", "12 en 13 december 2024", "5 en 7
# maart 2025", "13 14 oktober 2025", "13-15 juni 2021", "20 juni 2025", and without a year
# "12 en 13 December in Brussel", "18-19 juli te Helsinki", "29 en 30 september".
_SPAN = (
    r"(?P<d1>\d{1,2})(?:(?:\s*[-–]\s*|\s+en\s+|\s+)(?P<d2>\d{1,2}))?\s+"
    rf"(?P<month>(?i:{_MONTH}))\b(?:\s+(?P<year>(?:19|20)\d\d)\b)?"
)
# The place after the date: "op 22 en 23 juli 2025 in Kopenhagen", "12 – 13 juni 2025 te
# Luxemburg", "12 en 13 December in Brussel", "14-16 september 2022 in Praag".
_PLACE = r"(?:,?\s+(?:te|in)\s+(?P<place>[A-Z][a-zé]+))?"
MEETING_RE = re.compile(_FORMALITY + _COUNCIL + _GAP + _SPAN + _PLACE)
# A place in brackets after the name: "JBZ Raad (Luxemburg) 10 en 11 oktober 2024", "Informele
# JBZ Raad (Denemarken) 22-23 Juli 2025"; not "(iJBZ-Raad)" and not "(algemeen)".
_BRACKET_PLACE_RE = re.compile(r"\(([A-Z][a-zé]+)\)")
# Any full date, for a year the span leaves out: "Verslag van een commissiedebat, gehouden op
# 11 december 2024, over de JBZ-Raad van 12 en 13 December in Brussel".
_FULL_DATE_RE = re.compile(rf"\b(\d{{1,2}})\s+(?i:({_MONTH}))\s+((?:19|20)\d\d)\b")
# A debate named after the Council ("commissiedebat JBZ-Raad"), dated with "van": "verzoek om
# informatie voor het commissiedebat JBZ-Raad van 2 oktober 2025" is the debate's date, the
# Council met on 13-14 October. Only when the title dates the debate itself ("Herziene
# convocatie commissiedebat JBZ-Raad van 13-14 oktober 2025 te Luxemburg op 2 oktober 2025") is
# the "van" date the Council's.
_DEBATE_NAMED_RE = re.compile(r"\bcommissiedebat\s+(?:de\s+)?$", re.IGNORECASE)
_DEBATE_DATED_RE = re.compile(rf"\b(?:op|d\.d\.)\s+\d{{1,2}}\s+(?i:{_MONTH})\b")
# The Kamerstuk a title cites: "over de geannoteerde agenda JBZ-Raad 12-13 december 2024
# (Kamerstuk 32317-907)", "(Kamerstuk 21501-31-528)".
# A Kamerstuk's number as printed: dossier, toevoeging, ondernummer (digits, or the Eerste
# Kamer's letters): "32317-907", "21501-31-528", "32317-DQ". Every reader of one uses this.
KAMERSTUK_NUMBER = r"\d{5}(?:-[A-Z0-9]+)?-[A-Z0-9]+"
_CITED_RE = re.compile(rf"\(Kamerstuk ({KAMERSTUK_NUMBER})\)")

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
    key = re.sub(r"^(i?[A-Z]{2,5}|EU) (Raad|[A-Z])", r"\1-\2", key)  # "JBZ Raad" -> "JBZ-Raad"
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
        other = _FULL_DATE_RE.search(title)
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
        if re.search(r"\biJBZ\b", text):
            informal = True
        bracket = _BRACKET_PLACE_RE.search(m.group("gap") or "")
        place = m.group("place") or (bracket.group(1) if bracket else None)
        return MeetingMention(canonical_council(m.group("council")), informal, *span, place)
    return None


def _debate_date(m: re.Match[str], text: str) -> bool:
    """Is the date after "commissiedebat <Raad> van" the debate's own (see _DEBATE_NAMED_RE)?"""
    if not _DEBATE_NAMED_RE.search(text[: m.start()]):
        return False
    return not _DEBATE_DATED_RE.search(text[m.end() :])


def parse_cited_kamerstukken(title: str | None) -> tuple[str, ...]:
    """ "… (Kamerstuk 32317-907)" -> ("32317-907",): the documents a title says it is about."""
    return tuple(_CITED_RE.findall(title or ""))
