"""parsers/meetings.py over every real title: the 131 TK records of devtools/recorded/samples
and the dev set's gold titles (other Councils, other years). Expected values are hand-checked
readings, written council|informal|starts_on|ends_on|place ("-" for None)."""

from datetime import date
from pathlib import Path

import pytest

from parsers.meetings import (
    MeetingMention,
    canonical_council,
    parse_cited_kamerstukken,
    parse_meeting_title,
)
from tests.replay_fixtures import sample_records

SAMPLE_TITLES = Path(__file__).parent / "fixtures" / "meetings" / "sample_titles.tsv"


def sample_meetings() -> dict[str, str]:
    """title -> expected reading, from the hand-checked table (comment lines start with #)."""
    rows = SAMPLE_TITLES.read_text(encoding="utf-8").splitlines()
    pairs = [line.split("\t", 1) for line in rows if line and not line.startswith("#")]
    return {title: reading for reading, title in pairs}


# The dev set's gold titles (real; /work/shared/devset) with the document's date where printed.
DEVSET_MEETINGS: list[tuple[str, date | None, str | None]] = [
    (
        "Inbreng verslag van een schriftelijk overleg over de geannoteerde agenda JBZ-Raad 27 en "
        "28 maart 2017 (Kamerstuk 32317-461)",
        None,
        "JBZ-Raad|-|2017-03-27|2017-03-28|-",
    ),
    (
        "Inbreng verslag van een schriftelijk overleg over o.a. de geannoteerde agenda Raad "
        "Werkgelegenheid en Sociaal Beleid van 13 juni 2019 (Kamerstuk 21501-31-528)",
        None,
        "Raad Werkgelegenheid en Sociaal Beleid|-|2019-06-13|2019-06-13|-",
    ),
    (
        "Inbreng verslag van een schriftelijk overleg over o.a. de geannoteerde agenda "
        "Transportraad 20 september 2019 te Brussel",
        None,
        "Transportraad|-|2019-09-20|2019-09-20|Brussel",
    ),
    (
        "Inbreng verslag van een schriftelijk overleg over de de geannoteerde agenda informele "
        "Landbouw- en Visserijraad van 13-15 juni 2021 (Kamerstuk 21501-32-1303)",
        None,
        "Landbouw- en Visserijraad|informal|2021-06-13|2021-06-15|-",
    ),
    (
        "Inbreng verslag van een schriftelijk overleg over de geannoteerde agenda voor de Raad "
        "Algemene Zaken van 19 maart 2024 (Kamerstuk 21501-02-2841)",
        None,
        "Raad Algemene Zaken|-|2024-03-19|2024-03-19|-",
    ),
    (
        "Inbreng verslag schriftelijk overleg over de EU-Gezondheidsraad van 20 juni 2025 "
        "(Kamerstuk 21501-31-788)",
        None,
        "EU-Gezondheidsraad|-|2025-06-20|2025-06-20|-",
    ),
    (
        "Inbreng verslag van een schriftelijk overleg over o.a. Geannoteerde agenda formele EU "
        "Gezondheidsraad d.d. 2 december 2025 (Kamerstuk 21501-31-804)",
        None,
        "EU-Gezondheidsraad|formal|2025-12-02|2025-12-02|-",
    ),
    (
        "Inbreng verslag van een schriftelijk overleg over de Geannoteerde Agenda Formele Raad "
        "Werkgelegenheid en Sociaal Beleid van 1 december 2025 (Kamerstuk 21501-31-806)",
        None,
        "Raad Werkgelegenheid en Sociaal Beleid|formal|2025-12-01|2025-12-01|-",
    ),
    (  # no year in the title: it comes from the document's date
        "Inbreng verslag van een schriftelijk overleg over de geannoteerde Agenda Raad voor "
        "Concurrentievermogen 29 en 30 september (Kamerstuk 21501-30-678)",
        date(2025, 9, 24),
        "Raad voor Concurrentievermogen|-|2025-09-29|2025-09-30|-",
    ),
    (  # two meetings named: the agenda's comes first
        "Inbreng verslag van een schriftelijk overleg over o.a. de geannoteerde agenda voor de "
        "Raad Buitenlandse Zaken van 16 maart 2026 en verslag Raad Buitenlandse Zaken van 1 maart "
        "2026 (Kamerstuk 21501-02-3355)",
        None,
        "Raad Buitenlandse Zaken|-|2026-03-16|2026-03-16|-",
    ),
    (
        "Landbouw- en Visserijraad; Verslag van een schriftelijk overleg (geannoteerde agenda "
        "informele Landbouw- en Visserijraad 14-16 september 2022 in Praag)",
        date(2022, 9, 12),
        "Landbouw- en Visserijraad|informal|2022-09-14|2022-09-16|Praag",
    ),
    (  # the dossier's name first, the meeting in brackets
        "Raad voor Vervoer, Telecommunicatie en Energie; Verslag van een schriftelijk overleg "
        "(geannoteerde agenda informele Telecomraad 11 en 12 april 2024)",
        date(2024, 4, 9),
        "Telecomraad|informal|2024-04-11|2024-04-12|-",
    ),
    (
        "Verslag van een schriftelijk overleg over o.a. de geannoteerde agenda formele OJCS-Raad "
        "25 en 26 november 2024 (Kamerstuk 21501-34-427)",
        date(2024, 11, 21),
        "OJCS-Raad|formal|2024-11-25|2024-11-26|-",
    ),
    (
        "Verslag van een schriftelijk overleg over o.a. de geannoteerde agenda voor de informele "
        "JBZ-Raad van 18-19 juli te Helsinki",
        date(2019, 7, 19),
        "JBZ-Raad|informal|2019-07-18|2019-07-19|Helsinki",
    ),
    (
        "JBZ-Raad; Verslag van een schriftelijk overleg (geannoteerde agenda informele JBZ-Raad 18 "
        "en 19 juli 2011)",
        date(2011, 7, 18),
        "JBZ-Raad|informal|2011-07-18|2011-07-19|-",
    ),
    # no EU Council meeting in these titles
    (
        "Inbreng verslag van een schriftelijk overleg over de Implementatie van het EU "
        "Migratiepact (Kamerstuk 32317-908)",
        None,
        None,
    ),
    (
        "Europese Raad; Verslag van een schriftelijk overleg over de uitvoering van de afspraken "
        "tussen de Europese Unie en Turkije over migratiebeheer",
        date(2016, 7, 27),
        None,
    ),
    (  # the Raad van Europa is not an EU Council
        "Verslag van een schriftelijk overleg over o.a. Antwoorden op vragen commissie over o.a. "
        "de Reactie op verzoek commissie over de Kabinetsinzet t.a.v. de ministeriële vergadering "
        "van de Raad van Europa van 16-17 mei in Straatsburg en terugblik op het afgelopen jaar "
        "(Kamerstuk 20043-142) (Kamerstuk 20043-143)",
        date(2025, 5, 1),
        None,
    ),
]


def reading(m: MeetingMention | None) -> str | None:
    if m is None:
        return None
    informal = {True: "informal", False: "formal", None: "-"}[m.informal]
    return f"{m.council}|{informal}|{m.starts_on}|{m.ends_on}|{m.place or '-'}"


def test_every_sample_title() -> None:
    records = sample_records()
    assert len(records) == 131
    got = {}
    for r in records:
        title = r["Onderwerp"]
        got[title] = reading(parse_meeting_title(title, date.fromisoformat(r["Datum"][:10])))
    assert {t: g for t, g in got.items() if g is not None} == sample_meetings()
    assert sum(g is None for g in got.values()) > 40  # moties, letters on other subjects, …


def test_a_debate_named_after_the_council_is_not_the_meeting() -> None:
    """A sample letter dates the debate where the Council's date goes: no meeting is read (the
    Council met on 13-14 October); the convocation that dates the debate with "op" names the
    Council's own dates."""
    letter = (
        "Aan de minister van Justitie en Veiligheid - verzoek om informatie voor het "
        "commissiedebat JBZ-Raad van 2 oktober 2025"
    )
    assert parse_meeting_title(letter, date(2025, 9, 25)) is None
    convocation = (
        "Herziene convocatie commissiedebat JBZ-Raad van 13-14 oktober 2025 te Luxemburg op 2 "
        "oktober 2025"
    )
    assert reading(parse_meeting_title(convocation)) == "JBZ-Raad|-|2025-10-13|2025-10-14|Luxemburg"


@pytest.mark.parametrize(("title", "near", "expected"), DEVSET_MEETINGS)
def test_devset_titles(title: str, near: date | None, expected: str | None) -> None:
    assert reading(parse_meeting_title(title, near)) == expected


def test_one_meeting_however_spelled() -> None:
    spellings = [
        "Geannoteerde agenda JBZ-Raad 12-13 december 2024",
        "Verslag JBZ-Raad van 12 en 13 december 2024",
        "Verslag JBZ Raad 12 en 13 december 2024",
        "Convocatie commissiedebat JBZ-Raad van 12 en 13 December in Brussel (algemeen) op 11 "
        "december 2024",
    ]
    spans = {
        (m.council, m.starts_on, m.ends_on)
        for t in spellings
        if (m := parse_meeting_title(t, date(2024, 12, 4)))
    }
    assert spans == {("JBZ-Raad", date(2024, 12, 12), date(2024, 12, 13))}
    assert canonical_council("iJBZ-Raad") == canonical_council("JBZ Raad") == "JBZ-Raad"
    assert canonical_council("Raad Justitie en Binnenlandse Zaken") == "JBZ-Raad"


def test_a_missing_year_comes_from_the_title_or_the_documents_date() -> None:
    title = "Geannoteerde agenda JBZ-Raad 13-14 oktober"
    assert parse_meeting_title(title) is None  # no year and nothing to take it from
    assert reading(parse_meeting_title(title, date(2025, 9, 29))) == (
        "JBZ-Raad|-|2025-10-13|2025-10-14|-"
    )
    # a report dated in January about "12 en 13 December": last December, not this one
    assert reading(parse_meeting_title("Verslag JBZ-Raad van 12 en 13 December", date(2025, 1, 20)))
    got = parse_meeting_title("Verslag JBZ-Raad van 12 en 13 December", date(2025, 1, 20))
    assert got is not None and got.starts_on == date(2024, 12, 12)


def test_impossible_dates_name_no_meeting() -> None:
    assert parse_meeting_title("Geannoteerde agenda JBZ-Raad 30-31 februari 2025") is None
    assert parse_meeting_title("Geannoteerde agenda JBZ-Raad 13-12 oktober 2025") is None
    assert parse_meeting_title(None) is None and parse_meeting_title("") is None


def test_cited_kamerstukken() -> None:
    assert parse_cited_kamerstukken(
        "Verslag van een schriftelijk overleg over o.a. de geannoteerde agenda informele JBZ-Raad "
        "22-23 juli 2025 (Kamerstuk 32317-967)"
    ) == ("32317-967",)
    assert parse_cited_kamerstukken(
        "… de Raad Algemene Zaken van 19 maart 2024 (Kamerstuk 21501-02-2841)"
    ) == ("21501-02-2841",)
    assert parse_cited_kamerstukken("(Kamerstuk 20043-142) (Kamerstuk 20043-143)") == (
        "20043-142",
        "20043-143",
    )
    assert parse_cited_kamerstukken("Geannoteerde agenda JBZ-Raad 12-13 december 2024") == ()
