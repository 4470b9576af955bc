"""Adding a wording is one line: a fractie-heading lead added at run time is found, with the
heading pattern and its substring gate built from the list (`parsers/lexicon/fracties.py`)."""

from pathlib import Path

import pytest

from parsers.api import parse_document
from parsers.lexicon import fracties as fx
from parsers.model import Consultation
from parsers.segment.headings import _may_lead, parse_section_heading

EXAMPLE = Path(__file__).parent / "fixtures" / "corpus" / "schriftelijk-overleg-jbz-2022-12-08.txt"
SP_HEADING = "Vragen en opmerkingen van de leden van de SP-fractie"
NEW = "Bijdrage van de leden van de SP-fractie"  # a wording the lexicon does not know


@pytest.fixture
def restore_leads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever a test adds, the module's wordings are as before afterwards."""
    for name in ("FRACTIE_HEADING_LEADS", "SECTION_LEAD_RE", "LEAD_GATE_WORDS"):
        monkeypatch.setattr(fx, name, getattr(fx, name))


def _sp_reworded() -> Consultation:
    """The example with the SP's heading, in the body and in the table of contents, reworded."""
    text = EXAMPLE.read_text(encoding="utf-8")
    assert text.count(SP_HEADING) == 2
    return parse_document(text.replace(SP_HEADING, NEW).encode("utf-8"), "reworded.txt")


def _sp_pairs(c: Consultation) -> list[tuple[str | None, str | None]]:
    return [(p.question, p.answer) for p in c.pairs if p.fractie == "SP"]


@pytest.mark.usefixtures("restore_leads")
def test_a_fractie_heading_wording_added_at_run_time_is_found() -> None:
    example = parse_document(EXAMPLE.read_bytes(), EXAMPLE.name)
    before = _sp_reworded()
    assert "SP" not in [s.fractie for s in before.sections]
    assert before.quality.verdict == "suspect"

    fx.add_fractie_heading_lead("Bijdrage")

    after = _sp_reworded()
    assert [s.fractie for s in after.sections] == [s.fractie for s in example.sections]
    assert next(s.heading for s in after.sections if s.fractie == "SP") == NEW
    assert _sp_pairs(after) == _sp_pairs(example) != []
    assert after.quality.verdict == "ok"


@pytest.mark.usefixtures("restore_leads")
def test_the_gate_and_the_pattern_follow_the_list() -> None:
    assert list(fx.LEAD_GATE_WORDS) == ["vragen", "nbreng"]
    assert not _may_lead(NEW.lower()[: NEW.index(" de leden")])
    fx.add_fractie_heading_lead("Bijdrage")
    assert list(fx.LEAD_GATE_WORDS) == [
        "vragen",
        "nbreng",
        "jdrage",
    ]  # no "i": "İ" lowercases to two
    assert _may_lead("bijdrage van de vvd")
    head = parse_section_heading("Bijdrage vanuit de VVD", "", frozenset({"VVD"}))
    assert head is not None and head.fractie == "VVD"


def test_a_lead_is_plain_words() -> None:
    with pytest.raises(ValueError, match="plain words"):
        fx.section_lead_re([*fx.FRACTIE_HEADING_LEADS, "Vragen (?:en)"])
