"""Every format built from the example report parses to the same pairs as the .txt path."""

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from devtools.builders import build_docx_from_text, build_pdf_from_text
from devtools.builders_koop import FrontMatter, build_html_from_text, build_koop_xml_from_text
from devtools.recorded import SAMPLES
from parsers import PARSER_VERSION, parse_document
from parsers.model import Consultation

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
EXAMPLE = CORPUS / "schriftelijk-overleg-jbz-2022-12-08.txt"
GOLD = CORPUS / "gold" / "schriftelijk-overleg-jbz-2022-12-08.gold.json"


def _text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


def _heading_lines() -> set[int]:
    """Fractie and topic heading lines, from the gold annotation (a docx would style them)."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    lines = _text().split("\n")
    heads = {s["line"] for s in gold["sections"]}
    topics = {p["topic"] for p in gold["pairs"] if p["topic"]}
    for idx, raw in enumerate(lines):
        line = " ".join(raw.split())
        for topic in topics:
            if line and (topic == line or topic.startswith(line + " ")) and len(line) > 5:
                heads.add(idx + 1)
                if topic == line + " " + " ".join(lines[idx + 1].split()):
                    heads.add(idx + 2)
    return heads


def _pairs(c: Consultation) -> list[tuple[int, str, str | None, str, str | None]]:
    return [(p.seq, p.fractie, p.topic, p.question, p.answer) for p in c.pairs]


@pytest.fixture(scope="module")
def from_txt() -> Consultation:
    return parse_document(EXAMPLE.read_bytes(), EXAMPLE.name)


BUILDERS: dict[str, Callable[[str], bytes]] = {
    "pdf": build_pdf_from_text,
    "docx": lambda t: build_docx_from_text(t, _heading_lines()),
    "xml": lambda t: build_koop_xml_from_text(t, _heading_lines(), FrontMatter(number="799")),
    "html": lambda t: build_html_from_text(t, _heading_lines(), FrontMatter(number="799")),
}


def test_txt_path_has_the_gold_pair_count(from_txt: Consultation) -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    assert from_txt.source_format == "txt"
    assert from_txt.parser_version == PARSER_VERSION
    assert len(from_txt.pairs) == len(gold["pairs"])


@pytest.mark.parametrize("fmt", sorted(BUILDERS))
def test_format_gives_the_same_pairs_as_txt(fmt: str, from_txt: Consultation) -> None:
    data = BUILDERS[fmt](_text())
    c = parse_document(data, f"example.{fmt}")
    assert c.source_format == fmt
    assert c.parser_version == PARSER_VERSION
    assert [s.fractie for s in c.sections] == [s.fractie for s in from_txt.sections]
    assert _pairs(c) == _pairs(from_txt)
    assert [f.n for f in c.footnotes] == [f.n for f in from_txt.footnotes]
    # the PDF too, although pypdf prints no empty line between a footnote zone and the URL
    # debris below it: the text reader still tells debris from a wrapped footnote
    assert {f.n: f.text for f in c.footnotes} == {f.n: f.text for f in from_txt.footnotes}


@pytest.mark.parametrize("fmt", ["xml", "html"])
def test_koop_front_matter_is_read(fmt: str) -> None:
    c = parse_document(BUILDERS[fmt](_text()))
    assert c.document.dossier == "32317"
    assert c.document.ondernummer == "799"
    assert c.document.date == "2022-12-15"


@pytest.mark.parametrize(
    "name",
    [
        "koop_kst-32317-956_via_DocumentPublicatie_resource.xml",
        "koop_kst-32317-898_via_DocumentPublicatie_resource.xml",
    ],
)
def test_real_koop_motie_reads_as_a_partial_result(name: str) -> None:
    c = parse_document((SAMPLES / name).read_bytes(), name)
    assert c.source_format == "xml"
    assert c.pairs == ()
    # a motie has no fractie sections: the parse must say so
    assert [i.code for i in c.issues] == ["no_fractie_headings"]
    assert c.document.dossier == "32317"
