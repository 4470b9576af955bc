"""The layout table (`parsers/segment/layouts.py`) is the segmenter's only choice of layout: every
entry is reached by a real or sample report, an entry added at run time is used, and no other
module of parsers/ names a layout."""

import ast
from collections.abc import Sequence
from pathlib import Path

import pytest

from parsers.api import parse_document
from parsers.segment import layouts
from parsers.segment.events import PARA, Event
from parsers.segment.layouts import LAYOUTS, Layout
from parsers.segment.paired import Draft, Paired
from tests.parser_samples import INBRENG, OLD_LAYOUT

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLE = FIXTURES / "corpus" / "schriftelijk-overleg-jbz-2022-12-08.txt"
LETTER = FIXTURES / "layouts" / "ek-letter-33328-AI.txt"
PARSERS = Path(__file__).resolve().parent.parent / "parsers"


def _layout_of(data: bytes) -> str:
    return parse_document(data).layout


def test_every_layout_of_the_table_is_reached() -> None:
    seen = {
        _layout_of(EXAMPLE.read_bytes()),
        _layout_of(LETTER.read_bytes()),
        _layout_of(OLD_LAYOUT.encode()),
        _layout_of(INBRENG.encode()),
    }
    assert seen == {layout.name for layout in LAYOUTS}
    assert LAYOUTS[-1].detect([])  # the last entry holds for any body


def _pair_first_paragraph(events: Sequence[Event]) -> Paired:
    first = next(ev for ev in events if ev.kind == PARA)
    return Paired((Draft("Fake", None, list(first.units)),), ())


def test_a_layout_added_at_run_time_is_detected_and_pairs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake = Layout("fake", lambda events: True, _pair_first_paragraph)
    monkeypatch.setattr(layouts, "LAYOUTS", (fake, *LAYOUTS))
    c = parse_document(EXAMPLE.read_bytes())
    assert c.layout == "fake"
    assert [p.fractie for p in c.pairs] == ["Fake"]
    assert c.pairs[0].answer is None


def test_a_layout_whose_test_fails_is_passed_over(monkeypatch: pytest.MonkeyPatch) -> None:
    never = Layout("never", lambda events: False, _pair_first_paragraph)
    monkeypatch.setattr(layouts, "LAYOUTS", (never, *LAYOUTS))
    assert _layout_of(EXAMPLE.read_bytes()) == "interleaved"


def test_no_other_parser_module_names_a_layout_or_calls_a_pairing_step() -> None:
    """The names and the pairing steps are the table's: a second dispatch would have to name
    them again ("letter" is also an event kind, `events.LETTER`). Only the separate-answer
    layout's step calls another (its question part pairs as questions only)."""
    names = [f'"{layout.name}"' for layout in LAYOUTS if layout.name != layouts.LETTER_NAME]
    steps = {layout.pair.__name__ for layout in LAYOUTS}
    allowed = {("layouts.py", step) for step in steps}
    allowed.add(("answer_part.py", "pair_questions_only"))
    offenders = []
    for p in sorted(PARSERS.rglob("*.py")):
        text = p.read_text(encoding="utf-8")
        if p.name != "layouts.py":
            offenders += [(p.name, name) for name in names if name in text]
        tree = ast.parse(text)
        imported = {
            a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) for a in n.names
        }
        offenders += [(p.name, s) for s in sorted(imported & steps) if (p.name, s) not in allowed]
    assert offenders == []
