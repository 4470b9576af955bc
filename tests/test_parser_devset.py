"""Every real document opening of the dev set (tests/fixtures/devset, 2010–2026, both chambers,
many dossiers) is a test: its header fields, its first fractie heading, the fracties it shows
asking, Eerste Kamer associations and co-dossiers, against the hand-made gold annotation.
"""

import re

import pytest

from tests.devset_score import devset_gold, devset_ids, parse_devset, score, score_all

THRESHOLD = 0.97
# Openings whose gold names the asking fracties but that hold no question block the parser can
# take: the text stops at the first fractie heading (kst-21501-33-1064), or the Eerste Kamer
# letter names its fracties inside the committee's own paragraph and stops there or goes on
# under an unnamed topic (kst-30573-J "… van GroenLinks-PvdA aanleiding om een aantal vragen …",
# kst-31549-M, kst-33328-AI).
NO_QUESTION_TEXT = frozenset({"kst-21501-33-1064", "kst-30573-J", "kst-31549-M", "kst-33328-AI"})


def _fractie(name: str) -> str:
    return re.sub(r"\s+", " ", name.lower().replace("-fractie", "").replace(" en ", "+")).strip()


def test_devset_fields_at_least_97_percent() -> None:
    ok, total, misses = score_all()
    for miss in misses:
        print(miss)  # shown with -s, and on failure
    assert total == 201
    assert ok / total >= THRESHOLD, "\n".join(str(m) for m in misses)


@pytest.mark.parametrize("ident", devset_ids())
def test_devset_header_fields(ident: str) -> None:
    _n, misses = score(ident)
    assert misses == [], "\n".join(str(m) for m in misses)


@pytest.mark.parametrize("ident", devset_ids())
def test_devset_first_fractie_heading_and_askers(ident: str) -> None:
    gold, c = devset_gold(ident), parse_devset(ident)
    heading = c.sections[0].heading if c.sections else None
    assert heading == gold["first_fractie_heading"]
    asking = [_fractie(f) for f in gold["fracties_asking"] or []]
    found = list(dict.fromkeys(_fractie(p.fractie) for p in c.pairs))
    # the opening is cut: the fracties found so far come in the gold order
    assert found == asking[: len(found)], (found, asking)
    if asking and ident not in NO_QUESTION_TEXT:
        assert found, "fracties ask in this opening, but no question was found"
    if ident in NO_QUESTION_TEXT:  # and the parse says so instead of guessing
        assert (c.pairs, c.quality.verdict) == ((), "failed")


@pytest.mark.parametrize("ident", ["kst-33328-AI", "kst-31549-M"])
def test_devset_eerste_kamer_associations(ident: str) -> None:
    gold, c = devset_gold(ident), parse_devset(ident)
    assert [a.fractie for a in c.document.associations] == gold["fracties_associating"]


def test_devset_association_targets_and_co_dossier() -> None:
    d = parse_devset("kst-33328-AI").document
    assert [(a.fractie, a.joins) for a in d.associations] == [
        ("D66", ("GroenLinks-PvdA",)),
        ("BBB", ("GroenLinks-PvdA", "VVD")),
        ("50PLUS", ("BBB", "GroenLinks-PvdA", "VVD")),
    ]
    assert (d.dossier, d.co_dossiers, d.ondernummer) == ("33328", ("35112",), "AI")


def test_devset_dossier_with_toevoeging_is_split() -> None:
    d = parse_devset("kst-21501-32-1459").document
    assert (d.dossier, d.dossier_number, d.toevoeging) == ("21501-32", "21501", "32")
    assert d.council_date == "2022-09-14/2022-09-16"  # "… Visserijraad 14-16 september 2022"


def test_devset_kind_evidence() -> None:
    kinds = {i: parse_devset(i).document for i in ("2026D10904", "2025D18687", "kst-30573-J")}
    # "VERSLAG …" with "Nr. xxx": an unnumbered template is an inbreng
    assert kinds["2026D10904"].kind_evidence == "template"
    assert "inbreng" in kinds["2026D10904"].kind
    # "VERSLAG …" without a number line: the title decides
    assert (kinds["2025D18687"].kind_evidence, "verslag" in kinds["2025D18687"].kind) == (
        "title",
        True,
    )
    # no title survives: "De Minister heeft op 7 januari 2025 gereageerd."
    assert kinds["kst-30573-J"].kind_evidence == "answers"


def test_devset_hint_decides_an_ambiguous_template() -> None:
    from parsers.api import parse_document
    from tests.devset_score import devset_text

    data = devset_text("2026D10904").encode("utf-8")
    hinted = parse_document(data, kind_hint="Verslag van een schriftelijk overleg").document
    assert (hinted.kind_evidence, "verslag" in hinted.kind) == ("hint", True)
    # a hint never overrides a clear title
    data = devset_text("2019D23340").encode("utf-8")
    clear = parse_document(data, kind_hint="Verslag van een schriftelijk overleg").document
    assert (clear.kind_evidence, "inbreng" in clear.kind) == ("title", True)


def test_devset_unfilled_template_date_is_an_issue() -> None:
    c = parse_devset("2025D27305")
    assert c.document.date is None
    assert "date_unfilled" in [i.code for i in c.issues]


def test_quality_not_ok_on_an_opening_that_stops_mid_section() -> None:
    q = parse_devset("2021D22107").quality  # TOC lists six fracties, the text stops in the first
    assert q.verdict == "suspect"
    assert "toc_fracties_missing_in_body" in q.reasons
    assert parse_devset("kst-21501-02-2516").quality.verdict == "failed"  # no question at all


def test_run_summary_lists_the_parses_to_look_at() -> None:
    from flows.pipeline import RunTally
    from flows.report import render_markdown

    tally = RunTally("r1", "ingest", {})
    tally.consultation("tk:a", "inbreng 2021D22107", "new", parse_devset("2021D22107"))
    tally.consultation("tk:b", "verslag", "new", parse_devset("kst-21501-30-685"))
    text = render_markdown(tally.as_summary())
    assert "## Parses to look at (2)" in text
    assert "| tk:a | suspect | toc_fracties_missing_in_body, text_cut_off |" in text


def test_council_date_is_the_meeting_discussed_not_an_earlier_report() -> None:
    dates = {
        i: parse_devset(i).document.council_date
        for i in ("2025D40762", "2025D47686", "kst-21501-02-2516", "kst-32317-567")
    }
    assert dates == {
        # "(Formele) Raad voor Concurrentievermogen/Interne markt en industrie, onderzoek en
        # ruimtevaart (29–30 september 2025)"
        "2025D40762": "2025-09-29/2025-09-30",
        # "Raad Werkgelegenheid en Sociaal Beleid van 1 december 2025"
        "2025D47686": "2025-12-01",
        # only "het verslag van de Raad Buitenlandse Zaken van 20 juni 2022" carries a date
        "kst-21501-02-2516": None,
        # not "het verslag van de JBZ-Raad van 6 en 7 juni 2019"
        "kst-32317-567": "2019-07-18/2019-07-19",
    }


def test_the_pipeline_passes_the_sources_soort_and_format_to_the_parser() -> None:
    from flows.parsing import parse_file
    from parsers.model import Consultation
    from tests.devset_score import devset_text

    data = devset_text("2026D10904").encode("utf-8")  # "VERSLAG …" template with "Nr. xxx"
    parsed = parse_file("tk:x", data, "txt", "Inbreng verslag schriftelijk overleg")
    assert isinstance(parsed, Consultation)
    assert (parsed.document.kind_evidence, parsed.source_format) == ("hint", "txt")
    assert "inbreng" in parsed.document.kind
