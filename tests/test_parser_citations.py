"""Kamerstuk citations per pair: the pair each is in and the part (front, question, answer,
footnote), on the example report."""

from functools import cache
from pathlib import Path

from parsers.api import parse_document
from parsers.model import Consultation
from parsers.render import to_json_dict

EXAMPLE = Path(__file__).parent / "fixtures" / "corpus" / "schriftelijk-overleg-jbz-2022-12-08.txt"


@cache
def _example() -> Consultation:
    return parse_document(EXAMPLE.read_bytes(), EXAMPLE.name)


def test_every_citation_has_its_place() -> None:
    refs = _example().kamerstuk_references
    assert refs and all(r.part in {"front", "question", "answer", "footnote"} for r in refs)
    assert all((r.seq is None) == (r.part == "front") for r in refs)
    front = [f"{r.dossier}-{r.ondernummer}" for r in refs if r.part == "front"]
    # the documents discussed, as listed in the front matter
    assert front == ["32317-790", "32317-785", "32317-772", "32317-773", "32317-787"]


def test_which_question_cites_32317_781() -> None:
    cites = {(r.seq, r.part) for r in _example().kamerstuk_references if r.ondernummer == "781"}
    assert cites == {(77, "question"), (77, "footnote")}
    assert "Kamerstuk 32 317, nr. 781" in _example().pairs[76].question


def test_a_footnote_citation_goes_to_the_pair_that_marks_the_footnote() -> None:
    by_pair = {p.seq: p.footnotes for p in _example().pairs}
    for r in _example().kamerstuk_references:
        if r.part == "footnote":
            assert r.seq is not None and by_pair[r.seq], r
        elif r.part in {"question", "answer"}:
            pair = _example().pairs[r.seq - 1] if r.seq else None
            assert pair is not None and r.dossier[:2] in (pair.question + (pair.answer or ""))


def test_json_gives_seq_and_part() -> None:
    refs = to_json_dict(_example())["kamerstuk_references"]
    assert {"seq", "part", "dossier", "text"} <= set(refs[0])
