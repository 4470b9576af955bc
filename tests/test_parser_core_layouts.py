"""parse_blocks on the other layouts: older separate answer part, inbreng, KOOP, no fracties."""

import re
from pathlib import Path

from parsers.consultation import parse_blocks
from parsers.model import KIND_INBRENG, KIND_VERSLAG
from parsers.readers.text import read_text
from parsers.segment.events import ANY_MARKER_RE, MARKER_PATTERNS
from tests.parser_samples import INBRENG, NO_FRACTIES, OLD_LAYOUT, koop_blocks


def test_old_layout_matches_repeated_questions_and_falls_back_to_order() -> None:
    c = parse_blocks(read_text(OLD_LAYOUT))
    assert c.document.kind == KIND_VERSLAG
    assert [s.fractie for s in c.sections] == ["VVD", "SP"]  # repeated headings: no new sections
    assert [(p.fractie, p.question_count) for p in c.pairs] == [("VVD", 1), ("VVD", 2), ("SP", 1)]
    assert c.pairs[0].answer == "De minister zet in op versterking van Frontex."
    assert c.pairs[1].answer == (
        "Een akkoord wordt in juni verwacht (zie ook Kamerstuk 32317, nr. 271). "
        "Een evaluatie volgt in 2017."
    )
    # The SP answer does not repeat its question: matched by order (one question, one answer).
    assert c.pairs[2].answer == "De minister acht de richtlijn evenwichtig."
    assert c.unassigned == ()
    assert not [i for i in c.issues if i.code == "answers_unmatched"]


def test_old_layout_toc_entry_is_not_the_answer_part() -> None:
    """The TOC line "II Antwoord / Reactie van de minister    3" has a page number: no part."""
    toc_only = OLD_LAYOUT.split("II Antwoord / Reactie van de minister\n")[0]
    c = parse_blocks(read_text(toc_only))
    assert [p.answer for p in c.pairs] == [None, None, None]
    # The title says "Verslag", so it is one; that its answers are missing is a quality finding.
    assert (c.document.kind, c.document.kind_evidence) == (KIND_VERSLAG, "title")
    assert c.quality.verdict == "suspect"
    assert "verslag_without_answers" in c.quality.reasons


def test_old_layout_unmatched_answers_are_kept_unassigned() -> None:
    # Two SP answer paragraphs for one SP question and no repeated question: cannot be matched.
    text = OLD_LAYOUT + "\n \nDaarnaast volgt een brief."
    c = parse_blocks(read_text(text))
    assert c.pairs[2].answer is None
    assert [u.text for u in c.unassigned] == [
        "De minister acht de richtlijn evenwichtig.",
        "Daarnaast volgt een brief.",
    ]
    assert [i.code for i in c.issues] == ["answers_unmatched", "question_without_answer"]


def test_old_layout_answers_opened_by_antwoord_are_matched_by_order() -> None:
    sp_question = "De leden van de SP-fractie vragen waarom de minister de richtlijn steunt. Is dat"
    text = OLD_LAYOUT.replace(
        sp_question,
        "De leden van de SP-fractie vragen naar de kosten. Hoe hoog zijn die?\n \n" + sp_question,
        1,
    )
    text = text.replace(
        "De minister acht de richtlijn evenwichtig.",
        "Antwoord\n \nDe kosten zijn laag.\n \nZe dalen zelfs.\n \n"
        "Antwoord\nDe minister acht de richtlijn evenwichtig.",
    )
    # "Antwoord" right after a repeated question only marks the answer that follows.
    text = text.replace("Komt er een evaluatie?\n \nEen akkoord", "Komt er een evaluatie?\n"
                        "Antwoord\nEen akkoord")  # fmt: skip
    c = parse_blocks(read_text(text))
    assert [(p.fractie, p.answer) for p in c.pairs] == [
        ("VVD", "De minister zet in op versterking van Frontex."),
        ("VVD", "Een akkoord wordt in juni verwacht (zie ook Kamerstuk 32317, nr. 271). "
                "Een evaluatie volgt in 2017."),
        ("SP", "De kosten zijn laag. Ze dalen zelfs."),
        ("SP", "De minister acht de richtlijn evenwichtig."),
    ]  # fmt: skip
    assert c.unassigned == () and c.issues == ()


def test_inbreng_has_questions_without_answers() -> None:
    c = parse_blocks(read_text(INBRENG))
    assert c.document.kind == KIND_INBRENG
    assert c.document.council_date == "2023-01-26/2023-01-27"
    assert c.document.addressee == "minister"
    assert [(p.fractie, p.topic, p.answer) for p in c.pairs] == [
        ("CDA", None, None),
        ("CDA", "Frontex", None),
        ("BBB", None, None),
    ]
    assert [s.singular_member for s in c.sections] == [False, True]
    assert c.pairs[1].question_count == 1


def test_koop_front_matter_and_paragraph_blocks() -> None:
    c = parse_blocks(koop_blocks(), source_format="xml")
    d = c.document
    assert (d.dossier, d.ondernummer, d.date) == ("32317", "909", "2022-12-15")
    assert d.title == "JBZ-Raad"
    assert d.council_date == "2022-12-08/2022-12-09"
    assert d.committee == "vaste commissie voor Justitie en Veiligheid"
    assert (d.chair, d.clerk, d.addressee) == ("Van Meenen", "Meijer", "staatssecretaris")
    assert [(s.title, s.kamerstukken, s.zaak) for s in d.subjects] == [
        ("de geannoteerde agenda van de JBZ-Raad van 8 en 9 december 2022", ("32317-790",), None),
        ("de brief van 2 december 2022 over Schengentoetreding", (), "2022Z23952"),
    ]
    assert [(p.fractie, p.topic, p.answer_line) for p in c.pairs] == [
        ("VVD", "Frontex", 14),
        ("D66", None, 19),
    ]
    assert c.pairs[0].answer == (
        "Het kabinet steunt Frontex. Het kabinet verwijst ook naar Kamerstuk 21501-20, nr. 1849."
    )
    assert c.pairs[0].refers_to == ()  # a Kamerstuk, not a fractie
    assert [(r.fractie, r.seq) for r in c.pairs[1].refers_to] == [("VVD", 1)]
    refs = [(r.dossier, r.toevoeging, r.ondernummer) for r in c.kamerstuk_references]
    assert refs == [("32317", None, "790"), ("21501", "20", "1849")]


def test_no_fractie_headings_gives_a_partial_result() -> None:
    c = parse_blocks(read_text(NO_FRACTIES))
    assert c.pairs == () and c.sections == ()
    assert [i.code for i in c.issues] == ["no_fractie_headings"]
    assert [u.line for u in c.unassigned] == [1, 3, 4]
    assert c.document.council_date == "2022-12-08/2022-12-09"
    assert [r.ondernummer for r in c.kamerstuk_references] == ["785"]


def test_empty_input_does_not_crash() -> None:
    c = parse_blocks(read_text(""))
    assert c.pairs == () and c.unassigned == ()
    assert [i.code for i in c.issues] == ["no_fractie_headings"]


def test_the_combined_marker_pattern_matches_where_one_of_its_parts_does() -> None:
    """`ANY_MARKER_RE` lets `_heading` skip the marker patterns in one step: it must match
    exactly the lines one of them matches (every fixture line, plus each pattern's own lines)."""
    assert all(rx.flags & re.IGNORECASE for rx in MARKER_PATTERNS)
    fixtures = Path(__file__).parent / "fixtures"
    lines = {
        line.strip()
        for path in fixtures.rglob("*.txt")
        for line in path.read_text(encoding="utf-8").split("\n")
    }
    lines |= {"Antwoord", "II Antwoord / Reactie van de staatssecretaris", "Hoogachtend,",
              "BRIEF VAN DE MINISTER VAN JUSTITIE", "II Agenda", "I. VRAGEN EN OPMERKINGEN",
              "Aan de Minister van Asiel en Migratie", "Den Haag, 23 oktober 2024"}  # fmt: skip
    hits = 0
    for line in lines:
        one = any(rx.match(line) for rx in MARKER_PATTERNS)
        assert bool(ANY_MARKER_RE.match(line)) == one, line
        hits += one
    assert hits > 30  # not vacuous: the fixtures hold many markers
