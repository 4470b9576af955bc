"""Document kind from TK `Soort` AND `Onderwerp` (or KOOP KamerstukType + title). Pure.

The same written procedure runs for every EU Council (32317 JBZ-Raad, 21501-02 Raad Algemene
Zaken, 21501-20 Europese Raad, 21501-32 Landbouw- en Visserijraad, …), so the patterns name no
particular Council. `Soort` is not always right: a written-consultation report once came through
as "Brief regering". So only the Soorten that name a kind of their own decide alone; for every
other Soort (letters, unknown or new Soorten, KOOP's coarse "Verslag"/"Brief") the subject
decides. KOOP titles ("JBZ-Raad; Brief regering; Geannoteerde agenda …") are split by the KOOP
source first (flows.sources.koop.split_koop_title): only the last part is the subject.
"""

import re

from contract.kinds import DocumentKind
from contract.records import (
    KIND_AGENDA,
    KIND_COUNCIL_REPORT,
    KIND_DEBATE,
    KIND_INBRENG,
    KIND_OTHER,
    KIND_VERSLAG,
)
from contract.soorten import soort_kind

# A Council in a report's subject: "JBZ-Raad", "iJBZ-Raad", "Raad Algemene Zaken", "Europese
# Raad", "Landbouw- en Visserijraad", "EU-Gezondheidsraad", "Transportraad", "OJCS-Raad",
# "Eurogroep", within the first words after "Verslag (van de) (in)formele".
_COUNCIL = (
    r"(?:(?!(?:met|over|aan|het|een|bij|door) )[\w.-]+ ){0,4}?"
    r"(?!raad van state)(?:[\w-]*raad\b|eurogroep\b)"
)

# Subject patterns, tried in order on the start of `Onderwerp`.
SUBJECT_PATTERNS: tuple[tuple[re.Pattern[str], DocumentKind], ...] = (
    # "Inbreng verslag van een schriftelijk overleg over de geannoteerde agenda JBZ-Raad …"
    (re.compile(r"inbreng (?:voor het )?verslag\b"), KIND_INBRENG),
    # "Verslag van een (nader) schriftelijk overleg over o.a. de geannoteerde agenda …"
    (re.compile(r"verslag van (?:een )?(?:nader )?schriftelijk overleg\b"), KIND_VERSLAG),
    # "Verslag van een commissiedebat, gehouden op 9 oktober 2024, over JBZ Raad"
    (re.compile(r"verslag van (?:een )?(?:commissiedebat|algemeen overleg)\b"), KIND_DEBATE),
    # other "Verslag van een …" (werkbezoek, rondetafelgesprek, …) are no Council report
    (re.compile(r"verslag van een\b"), KIND_OTHER),
    # "Geannoteerde agenda JBZ-Raad 12-13 december 2024", "Geannoteerde agenda voor de Raad
    # Algemene Zaken van 19 maart 2024", "Geannoteerde agenda van de formele JBZ-Raad …"
    (re.compile(r"geannoteerde agenda\b"), KIND_AGENDA),
    # "Verslag JBZ-Raad van 12 en 13 december 2024", "Verslag van de informele Raad Justitie en
    # Binnenlandse Zaken (iJBZ-Raad) op 22 en 23 juli 2025", "Verslag van de Raad Algemene Zaken"
    (
        re.compile(
            rf"verslag (?:van )?(?:de )?(?:\(?in\)?formele )?(?:bijeenkomst van de )?{_COUNCIL}"
        ),
        KIND_COUNCIL_REPORT,
    ),
)


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").strip().lower())


def classify_document(soort: str | None, onderwerp: str | None) -> DocumentKind:
    """The document's kind."""
    decided = soort_kind(soort)
    if decided is not None:
        return decided
    subject = _norm(onderwerp)
    for pattern, kind in SUBJECT_PATTERNS:
        if pattern.match(subject):
            return kind
    return KIND_OTHER
