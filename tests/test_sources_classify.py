"""Classification on Soort AND Onderwerp, checked on all 131 real JBZ-Raad records."""

from collections import Counter

from contract.records import (
    KIND_AGENDA,
    KIND_COUNCIL_REPORT,
    KIND_DEBATE,
    KIND_INBRENG,
    KIND_OTHER,
    KIND_VERSLAG,
)
from flows.sources.classify import classify_document
from tests.replay_fixtures import sample_records

# Read by hand from the records' Onderwerp (Kamerstuk numbers = Volgnummer).
AGENDAS = {907, 927, 932, 948, 967, 973}  # "Geannoteerde agenda (informele) JBZ-Raad …"
COUNCIL_REPORTS = {925, 931, 935, 964, 970}  # "Verslag JBZ-Raad van …", "Verslag van de informele…"
VERSLAGEN = {909, 928, 929, 933, 934, 936, 949, 968, 969}


def expected_kind(r: dict[str, object]) -> str:
    if r["Soort"] == "Inbreng verslag schriftelijk overleg":
        return KIND_INBRENG  # all eight have Volgnummer -1: never a numbered Kamerstuk
    if r["Soort"] == "Verslag van een commissiedebat":
        return KIND_DEBATE  # the oral alternative (nrs. 904, 926, 950, 971)
    nr = r["Volgnummer"]
    if nr in VERSLAGEN:
        return KIND_VERSLAG
    if nr in AGENDAS:
        return KIND_AGENDA
    if nr in COUNCIL_REPORTS:
        return KIND_COUNCIL_REPORT
    return KIND_OTHER


def test_every_real_record_is_classified_as_read_by_hand() -> None:
    records = sample_records()
    assert len(records) == 131
    wrong = [
        (r["Soort"], r["Onderwerp"], classify_document(r["Soort"], r["Onderwerp"]))
        for r in records
        if classify_document(r["Soort"], r["Onderwerp"]) != expected_kind(r)
    ]
    assert wrong == []
    kinds = Counter(classify_document(r["Soort"], r["Onderwerp"]) for r in records)
    assert kinds[KIND_VERSLAG] == 9 and kinds[KIND_INBRENG] == 8
    assert kinds[KIND_AGENDA] == 6 and kinds[KIND_COUNCIL_REPORT] == 5 and kinds[KIND_DEBATE] == 4


def test_a_report_sent_as_brief_regering_is_still_a_report() -> None:
    subject = (
        "Verslag van een schriftelijk overleg over o.a. de geannoteerde agenda JBZ-Raad "
        "12-13 december 2024 (Kamerstuk 32317-907)"
    )
    assert classify_document("Brief regering", subject) == KIND_VERSLAG
    assert classify_document(None, subject) == KIND_VERSLAG  # KOOP record without a type
    inbreng = "Inbreng verslag van een schriftelijk overleg over de JBZ-Raad (Kamerstuk 32317-927)"
    assert classify_document("Brief regering", inbreng) == KIND_INBRENG


def test_attachments_and_invitations_with_report_subjects_are_other() -> None:
    beslisnota = "Beslisnota bij het verslag van een schriftelijk overleg over o.a. de agenda"
    assert classify_document("Bijlage", beslisnota) == KIND_OTHER
    convocatie = "Convocatie inbreng schriftelijk overleg JBZ-Raad van 12 en 13 December"
    assert classify_document("Convocatie commissieactiviteit", convocatie) == KIND_OTHER
    debat = "Verslag van een commissiedebat, gehouden op 9 oktober 2024, over JBZ Raad"
    assert classify_document("Verslag van een commissiedebat", debat) == KIND_DEBATE
    assert classify_document("Verslag", debat) == KIND_DEBATE  # KOOP's coarse type
    werkbezoek = "Verslag van een werkbezoek aan de Raad van Europa"
    assert classify_document("Brief regering", werkbezoek) == KIND_OTHER


def test_council_reports_and_agendas_by_subject() -> None:
    assert classify_document("Brief regering", "Verslag JBZ-Raad van 12 en 13 juni 2025") == (
        KIND_COUNCIL_REPORT
    )
    informal = "Verslag van de informele Raad Justitie en Binnenlandse Zaken (iJBZ-Raad) op 22 juli"
    assert classify_document("Brief", informal) == KIND_COUNCIL_REPORT
    agenda = "Geannoteerde agenda van de formele JBZ-Raad 13 14 oktober 2025"
    assert classify_document("Brief regering", agenda) == KIND_AGENDA
    assert classify_document("Brief regering", "Implementatie Asiel- en Migratiepact") == KIND_OTHER


def test_every_council_and_koop_title_form() -> None:
    from flows.sources.koop import split_koop_title

    reports = [
        "Verslag van de Raad Algemene Zaken van 19 maart 2024",
        "Verslag Landbouw- en Visserijraad 11 en 12 december 2023",
        "Verslag van de Europese Raad van 26 en 27 juni 2025",
        "Verslag van de formele EU-Gezondheidsraad van 20 juni 2025",
    ]
    assert {classify_document("Brief regering", t) for t in reports} == {KIND_COUNCIL_REPORT}
    assert classify_document("Brief regering", "Verslag van het gesprek met de Raad van State") == (
        KIND_OTHER
    )
    agenda = "Geannoteerde agenda voor de Raad Algemene Zaken van 19 maart 2024"
    assert classify_document("Brief regering", agenda) == KIND_AGENDA
    nader = "Verslag van een nader schriftelijk overleg (communicatieplan)"
    assert classify_document("Verslag", nader) == KIND_VERSLAG
    # KOOP's "dossier title; type; title" and the older "dossier title; title"
    koop = split_koop_title(
        "JBZ-Raad; Brief regering; Geannoteerde agenda JBZ-Raad 12-13 december 2024"
    )
    assert koop == ("Brief regering", "Geannoteerde agenda JBZ-Raad 12-13 december 2024")
    assert classify_document(*koop) == KIND_AGENDA
    older = split_koop_title(
        "Landbouw- en Visserijraad; Verslag van een schriftelijk overleg (geannoteerde agenda …)"
    )
    assert classify_document(None, older[1]) == KIND_VERSLAG
    assert classify_document(
        *split_koop_title("JBZ-Raad; Motie; Motie van de leden Vondeling")
    ) == (KIND_OTHER)


def test_every_real_devset_title_is_a_written_consultation() -> None:
    """The 37 real titles of the shared dev set (verslagen and inbrengen of every Council and
    the Eerste Kamer, 2010-2026), in their TK or KOOP form."""
    import json
    from pathlib import Path

    from flows.sources.koop import split_koop_title

    # the dev set's gold, copied into the fixtures (the project never reads ../shared)
    gold = Path(__file__).resolve().parent / "fixtures" / "devset" / "gold"
    titles = [json.loads(p.read_text())["title"] for p in sorted(gold.glob("*.json"))]
    assert len(titles) == 37
    kinds = {t: classify_document(None, split_koop_title(t)[1]) for t in titles}
    # each title on its own: an inbreng where the title says "Inbreng", else a verslag
    want = {t: KIND_INBRENG if t.startswith("Inbreng") else KIND_VERSLAG for t in titles}
    assert kinds == want
