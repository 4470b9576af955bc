"""The parse of the example report must reproduce the gold annotations exactly.

Gold: tests/fixtures/corpus/gold/schriftelijk-overleg-jbz-2022-12-08.gold.json (see its README
for the "Words" rule used for first/last words of questions and answers).
"""

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from parsers.blocks import Block
from parsers.consultation import parse_blocks
from parsers.model import Consultation, Pair
from parsers.readers.text import read_text

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
TEXT_PATH = CORPUS / "schriftelijk-overleg-jbz-2022-12-08.txt"
GOLD_PATH = CORPUS / "gold" / "schriftelijk-overleg-jbz-2022-12-08.gold.json"


@cache
def gold() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(GOLD_PATH.read_text(encoding="utf-8"))
    return data


@cache
def blocks() -> tuple[Block, ...]:
    return read_text(TEXT_PATH.read_text(encoding="utf-8"))


@cache
def parsed() -> Consultation:
    return parse_blocks(blocks(), source_format="txt")


def words(text: str | None) -> list[str]:
    return (text or "").split()


def test_source_is_the_annotated_file() -> None:
    assert gold()["source"]["file"] == TEXT_PATH.name
    assert hashlib.sha256(TEXT_PATH.read_bytes()).hexdigest() == gold()["source"]["sha256"]


def test_document_front_matter() -> None:
    g, d = gold()["document"], parsed().document
    first_line = TEXT_PATH.read_text(encoding="utf-8").split("\n")[0].strip()
    assert first_line == g["title_line"]
    # The title drops the agenda's Kamerstuk number "32317-790" that line 1 starts with.
    assert d.title == " ".join(g["title_line"].split()[1:]) + " asielonderwerpen)"
    assert (d.dossier, d.kind, d.council_date) == (g["dossier"], g["kind"], g["council_date"])
    assert (d.committee, d.chair, d.clerk) == (g["committee"], g["chair"], g["clerk"])
    assert d.addressee == g["addressee"]
    assert list(d.toc_fracties) == g["toc_fracties"]


def test_documents_discussed() -> None:
    got = [
        {"title": s.title, "refs": list(s.kamerstukken), "zaak": s.zaak}
        for s in parsed().document.subjects
    ]
    assert got == gold()["document"]["documents_discussed"]


def test_sections() -> None:
    c = parsed()
    got = [
        {
            "fractie": s.fractie,
            "heading": s.heading,
            "line": s.line,
            "singular_member": s.singular_member,
            "pairs": sum(1 for p in c.pairs if p.fractie == s.fractie),
            "parties": list(s.parties),
        }
        for s in c.sections
    ]
    assert got == gold()["sections"]


def _pair_view(p: Pair) -> dict[str, Any]:
    return {
        "n": p.seq,
        "fractie": p.fractie,
        "topic": p.topic,
        "question_first_words": " ".join(words(p.question)[:10]),
        "question_last_words": " ".join(words(p.question)[-8:]),
        "answer_marker_line": p.answer_line,
        "answer_first_words": " ".join(words(p.answer)[:10]),
        "answer_last_words": " ".join(words(p.answer)[-8:]),
        # the fracties referred to (gold lists each once; pair 98 points to two VVD answers)
        "refers_to": list(dict.fromkeys(r.fractie for r in p.refers_to)),
        "footnotes": list(p.footnotes),
    }


def test_pair_count() -> None:
    assert len(parsed().pairs) == len(gold()["pairs"]) == 98


@pytest.mark.parametrize("n", range(1, 99))
def test_pair(n: int) -> None:
    expected = gold()["pairs"][n - 1]
    assert _pair_view(parsed().pairs[n - 1]) == expected


def test_footnotes() -> None:
    got = [{"n": f.n, "text": " ".join(f.text.split()), "line": f.line} for f in parsed().footnotes]
    want = [{**f, "text": " ".join(f["text"].split())} for f in gold()["footnotes"]]
    assert got == want


def test_markers_without_text_are_reported() -> None:
    missing = [
        {"n": int(i.message.split()[1]), "marker_line": i.line}
        for i in parsed().issues
        if i.code == "footnote_text_missing"
    ]
    assert missing == gold()["footnote_markers_without_text"]


def test_all_pair_footnotes_are_known_markers() -> None:
    numbers = sorted({n for p in parsed().pairs for n in p.footnotes})
    assert numbers == list(range(1, 24))


def test_nothing_unassigned() -> None:
    assert parsed().unassigned == ()


def test_cross_references_resolve_to_earlier_pairs_of_that_fractie() -> None:
    c = parsed()
    by_seq = {p.seq: p for p in c.pairs}
    for p in c.pairs:
        for ref in p.refers_to:
            assert ref.seq is not None and ref.seq < p.seq
            assert by_seq[ref.seq].fractie == ref.fractie
    # "het antwoord op de hierboven staande vraag" (pair 86) is the Volt pair just before it.
    assert [(r.fractie, r.seq) for r in by_seq[86].refers_to] == [("Volt", 85)]


def test_question_counts() -> None:
    c = parsed()
    assert all(p.question_count == p.question.count("?") for p in c.pairs if "??" not in p.question)
    # "En op de toetreding van Noord-Macedonië …" (line 589) asks without a question mark.
    assert c.pairs[17].question_count == 0
