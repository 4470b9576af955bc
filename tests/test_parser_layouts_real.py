"""Layouts other than the example's, on real lines: reports organised by topic, a shared
"Inleiding", a three-part inbreng, answer-centred headings, and the Eerste Kamer letter format."""

from pathlib import Path

from parsers.api import parse_document
from tests.devset_score import parse_devset

LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"


def test_organised_by_topic_the_paragraph_names_the_fractie() -> None:
    # 2019D34326: "Inleiding" / "De leden van de VVD-fractie hebben met interesse …" / "De leden
    # van de CDA-fractie …" with no blank lines and no fractie headings
    c = parse_devset("2019D34326")
    assert [(p.fractie, p.topic) for p in c.pairs][:5] == [
        ("VVD", "Inleiding"),
        ("CDA", "Inleiding"),
        ("D66", "Inleiding"),
        ("GroenLinks", "Inleiding"),
        ("SP", "Inleiding"),
    ]
    assert c.sections == ()


def test_numbered_topic_part_heading_and_speaker() -> None:
    # kst-32317-68: "I. VRAGEN EN OPMERKINGEN VANUIT DE FRACTIES" / "1. Gemeenschappelijk
    # Europees asielstelsel" / "De leden van de VVD-fractie vragen …"
    c = parse_devset("kst-32317-68")
    assert {(p.fractie, p.topic) for p in c.pairs} == {
        ("VVD", "1. Gemeenschappelijk Europees asielstelsel")
    }
    assert c.pairs[0].question.startswith("De leden van de VVD-fractie vragen wat de stand")


def test_shared_inleiding_then_bare_fractie_headings() -> None:
    # 2023D06019: TOC "Inleiding" / "VVD-fractie" / …; every fractie's opening in "Inleiding"
    c = parse_devset("2023D06019")
    assert c.document.toc_fracties == ("VVD", "D66", "GroenLinks", "Partij voor de Dieren", "BBB")
    opening = [(p.fractie, p.topic) for p in c.pairs if p.topic == "Inleiding"]
    assert opening == [("VVD", "Inleiding"), ("D66", "Inleiding"), ("GroenLinks", "Inleiding"),
                       ("Partij voor de Dieren", "Inleiding"), ("BBB", "Inleiding")]  # fmt: skip


def test_three_part_inbreng_agenda_is_neither_question_nor_answer() -> None:
    # 2026D08333: "I" / "Vragen en opmerkingen vanuit de fracties" / … / "II" / "Agenda" /
    # bullets / "III" / "Antwoord/Reactie van het kabinet" in the TOC; the body starts again at
    # "I Vragen en opmerkingen vanuit de fracties"
    c = parse_devset("2026D08333")
    assert c.document.toc_fracties == ("D66", "VVD", "GroenLinks-PvdA", "PVV", "CDA")
    assert [p.fractie for p in c.pairs] == ["D66"]
    assert all("Geannoteerde agenda Raad" not in p.question for p in c.pairs)


def test_three_part_agenda_in_the_body_is_kept_out_of_questions() -> None:
    text = "\n \n".join(  # paragraphs separated by a line holding a space, as in PDF text
        [
            "I Vragen en opmerkingen vanuit de fracties",
            "Vragen en opmerkingen van de leden van de D66-fractie",
            "De leden van de D66-fractie vragen naar de inzet van het kabinet?",
            "II Agenda",
            "• Geannoteerde agenda Raad voor Concurrentievermogen van 26 en 27 februari 2026"
            " (brief\nvan de Minister van Economische Zaken, V.P.G. Karremans – 21 501-30-687)",
            "III Antwoord/Reactie van het kabinet",
            "De leden van de D66-fractie vragen naar de inzet van het kabinet?",
            "Het kabinet zet in op een sterke interne markt.",
        ]
    )
    c = parse_document(text.encode("utf-8"))
    assert [(p.fractie, p.question, p.answer) for p in c.pairs] == [
        (
            "D66",
            "De leden van de D66-fractie vragen naar de inzet van het kabinet?",
            "Het kabinet zet in op een sterke interne markt.",
        )
    ]
    assert c.layout == "separate_part" and c.unassigned == ()


def test_answer_centred_heading_with_numbered_questions() -> None:
    # kst-21501-30-685: "Antwoorden op de vragen van de leden van de GroenLinks-PvdA-fractie" /
    # "1. De leden van de GroenLinks-PvdA-fractie hebben enkele vragen …" / "Antwoord" / …
    c = parse_devset("kst-21501-30-685")
    assert c.layout == "interleaved"
    assert [s.fractie for s in c.sections] == ["GroenLinks-PvdA"]
    p = c.pairs[0]
    assert p.question.startswith("1. De leden van de GroenLinks-PvdA-fractie hebben enkele vragen")
    assert (p.answer or "").startswith("De derde pijler van het EU")


def test_eerste_kamer_letter_format_numbered_questions_and_answer_letter() -> None:
    c = parse_document((LAYOUTS / "ek-letter-33328-AI.txt").read_bytes())
    assert c.layout == "letter"
    assert (c.document.dossier, c.document.ondernummer, c.document.clerk) == (
        "33328",
        "AI",
        "Bergman",
    )
    assert [(p.fractie, p.question.split()[0]) for p in c.pairs] == [
        ("BBB", "1."),
        ("BBB", "2."),
        ("GroenLinks-PvdA", "3."),
        ("VVD", "4."),
    ]
    assert [p.answer for p in c.pairs] == [
        "Gemeenten ontvangen via het gemeentefonds een structurele bijdrage voor de uitvoering "
        "van de Woo.",
        "De evaluatie is voorzien in 2025.",
        "Het Adviescollege Openbaarheid en Informatiehuishouding rapporteert daar jaarlijks over.",
        None,  # the answer letter leaves the VVD question open
    ]
    assert [a.fractie for a in c.document.associations] == ["D66", "BBB", "50PLUS"]
    assert c.quality.verdict == "suspect" and "questions_without_answers" in c.quality.reasons
