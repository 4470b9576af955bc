"""The Council meeting a document title names (`parsers/meetings.py`): the council's names, the
date span, the place, and the dates that are a debate's, not the meeting's. Each alternative with
the real title that needs it."""

import re

from parsers.lexicon.dates import MONTHS

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
BRACKET_PLACE_RE = re.compile(r"\(([A-Z][a-zé]+)\)")
# Any full date, for a year the span leaves out: "Verslag van een commissiedebat, gehouden op
# 11 december 2024, over de JBZ-Raad van 12 en 13 December in Brussel".
FULL_DATE_RE = re.compile(rf"\b(\d{{1,2}})\s+(?i:({_MONTH}))\s+((?:19|20)\d\d)\b")
# A debate named after the Council ("commissiedebat JBZ-Raad"), dated with "van": "verzoek om
# informatie voor het commissiedebat JBZ-Raad van 2 oktober 2025" is the debate's date, the
# Council met on 13-14 October. Only when the title dates the debate itself ("Herziene
# convocatie commissiedebat JBZ-Raad van 13-14 oktober 2025 te Luxemburg op 2 oktober 2025") is
# the "van" date the Council's.
DEBATE_NAMED_RE = re.compile(r"\bcommissiedebat\s+(?:de\s+)?$", re.IGNORECASE)
DEBATE_DATED_RE = re.compile(rf"\b(?:op|d\.d\.)\s+\d{{1,2}}\s+(?i:{_MONTH})\b")
# The Kamerstuk a title cites: "over de geannoteerde agenda JBZ-Raad 12-13 december 2024
# (Kamerstuk 32317-907)", "(Kamerstuk 21501-31-528)".
# A Kamerstuk's number as printed: dossier, toevoeging, ondernummer (digits, or the Eerste
# Kamer's letters): "32317-907", "21501-31-528", "32317-DQ". Every reader of one uses this.
KAMERSTUK_NUMBER = r"\d{5}(?:-[A-Z0-9]+)?-[A-Z0-9]+"
CITED_RE = re.compile(rf"\(Kamerstuk ({KAMERSTUK_NUMBER})\)")
# An informal meeting by its short name: "… informele Raad Justitie en Binnenlandse Zaken
# (iJBZ-Raad) op 22 en 23 juli 2025 in Kopenhagen".
IJBZ_RE = re.compile(r"\biJBZ\b")
# A short council name printed with a space where the canonical one has a hyphen: "JBZ Raad
# (Luxemburg) 10 en 11 oktober 2024", "EU Gezondheidsraad" ("formele EU Gezondheidsraad d.d. 2
# december 2025").
COUNCIL_SPACED_RE = re.compile(r"^(i?[A-Z]{2,5}|EU) (Raad|[A-Z])")
