"""JSON shape, text outline and `jbz parse` (through the real CLI entry point)."""

import json
from pathlib import Path

import pytest

from flows.cli import main
from parsers.consultation import parse_blocks
from parsers.readers.text import read_text
from parsers.render import render_json, render_text

REPORT = Path(__file__).parent / "fixtures" / "corpus" / "schriftelijk-overleg-jbz-2022-12-08.txt"

DOCUMENT_KEYS = {
    "dossier", "ondernummer", "kind", "title", "date", "council_date", "committee", "chair",
    "clerk", "addressee", "subjects", "toc_fracties",
}  # fmt: skip
PAIR_KEYS = {
    "seq", "fractie", "topic", "question", "answer", "question_count", "refers_to", "footnotes",
}  # fmt: skip


def test_json_shape() -> None:
    c = parse_blocks(read_text(REPORT.read_text(encoding="utf-8")))
    rendered = render_json(c)
    d = json.loads(rendered)
    assert "\\u" not in rendered and "Roemenië" in rendered  # Dutch text stays readable
    # The JSON carries the parsed values, not only the keys.
    assert [(p["seq"], p["question"], p["answer"]) for p in d["pairs"]] == [
        (p.seq, p.question, p.answer) for p in c.pairs
    ]
    assert d["document"]["title"] == c.document.title
    top = {"document", "sections", "pairs", "footnotes", "kamerstuk_references"}
    assert top | {"unassigned", "issues"} <= set(d)
    assert set(d["document"]) >= DOCUMENT_KEYS
    assert set(d["document"]["subjects"][0]) >= {"title", "kamerstukken", "zaak"}
    assert d["document"]["subjects"][0]["kamerstukken"] == ["32317-790"]
    assert set(d["sections"][0]) >= {"fractie", "parties", "heading", "singular_member"}
    assert all(set(p) >= PAIR_KEYS for p in d["pairs"])
    (ref,) = d["pairs"][8]["refers_to"]  # issue 18 added each item's "confidence"
    assert (ref["fractie"], ref["seq"]) == ("VVD", 1) and 0.5 <= ref["confidence"] <= 1.0
    assert d["pairs"][2]["footnotes"] == [1, 2]
    assert set(d["footnotes"][0]) >= {"n", "text"}
    assert set(d["kamerstuk_references"][0]) >= {"dossier", "toevoeging", "ondernummer", "text"}


def test_text_outline_names_every_fractie() -> None:
    c = parse_blocks(read_text(REPORT.read_text(encoding="utf-8")))
    out = render_text(c)
    for s in c.sections:
        assert f"== {s.fractie} (" in out
    assert "#98 " in out and "refers to: VVD#1" in out


def test_cli_parse_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(REPORT)]) == 0
    d = json.loads(capsys.readouterr().out)
    assert len(d["pairs"]) == 98
    assert d["document"]["council_date"] == "2022-12-08/2022-12-09"


def test_cli_parse_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(REPORT), "--format", "text"]) == 0
    assert "== PvdA en GroenLinks (15 pairs)" in capsys.readouterr().out


def test_cli_parse_error_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "empty.pdf"
    bad.write_bytes(b"")
    assert main(["parse", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("jbz parse: ") and err.count("\n") == 1


def test_cli_parse_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(tmp_path / "nope.txt")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_text_outline_shows_quality_and_fracties_without_a_heading() -> None:
    from tests.devset_score import parse_devset

    out = render_text(parse_devset("2019D34326"))  # organised by topic: no fractie headings
    assert "== CDA (1 pairs) — (no fractie heading: named in the text)" in out
    assert "layout: questions_only   kind from: title   quality: suspect (text_cut_off)" in out
