"""Questions with and without a question mark, against a hand annotation of the example
(tests/fixtures/corpus/annotations/questions.json, with its rule)."""

import json
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

from parsers import lexicon as ph
from parsers.api import parse_document
from parsers.model import Consultation
from parsers.segment.questions import indirect_questions, may_ask

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
EXAMPLE = CORPUS / "schriftelijk-overleg-jbz-2022-12-08.txt"


@cache
def _hand() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CORPUS / "annotations" / "questions.json").read_text())
    return data


@cache
def _example() -> Consultation:
    return parse_document(EXAMPLE.read_bytes(), EXAMPLE.name)


def _hand_indirect(seq: int) -> int:
    return len(_hand()["indirect"].get(str(seq), []))


def _hand_direct(question: str) -> int:
    """The rule's direct count, read off the text: each run of "?" that ends a sentence."""
    runs = question.replace("??", "?").split("?")
    return sum(1 for after in runs[1:] if not after or not after[0].isalnum())


def test_direct_questions_are_the_question_marks() -> None:
    for p in _example().pairs:
        assert p.questions_direct == p.question_count == _hand_direct(p.question), p.seq


def test_indirect_questions_per_pair_against_the_hand_annotation() -> None:
    pairs = _example().pairs
    right = sum(p.questions_indirect == _hand_indirect(p.seq) for p in pairs)
    assert right / len(pairs) >= 0.95  # measured: 97 of 98 (pair 18's elliptical "En op …")
    assert sum(_hand_indirect(p.seq) for p in pairs) == 60


def test_question_totals_per_fractie_within_ten_percent_of_the_hand_count() -> None:
    parsed: Counter[str] = Counter()
    hand: Counter[str] = Counter()
    for p in _example().pairs:
        parsed[p.fractie] += p.questions_direct + p.questions_indirect
        hand[p.fractie] += _hand_direct(p.question) + _hand_indirect(p.seq)
    assert parsed.keys() == hand.keys()
    for fractie, n in hand.items():
        assert abs(parsed[fractie] - n) <= 0.1 * n, (fractie, parsed[fractie], n)


def test_blocks_that_ask_without_a_question_mark_now_count() -> None:
    zero = [p for p in _example().pairs if p.question_count == 0]
    assert len(zero) == 16  # the count of blocks with no "?"
    asking = [p for p in zero if _hand_indirect(p.seq) > 0]
    counted = [p.seq for p in asking if p.questions_indirect > 0]
    assert len(asking) == 15 and len(counted) >= 14  # measured: all but pair 18 ("En op …")
    assert all(p.questions_indirect == 0 for p in zero if _hand_indirect(p.seq) == 0)


def test_each_wording_counts_once_and_announcements_do_not() -> None:
    asks = [
        "Deze leden vragen de staatssecretaris de actieplannen naar de Kamer te sturen.",
        "Wat betekent dit in de praktijk, zo vragen deze leden.",
        "De leden van de D66-fractie horen graag waarom de staatssecretaris dit doet.",
        "Deze leden ontvangen graag een overzicht van alle voorstellen.",
        "Deze leden verzoeken de regering de Kamer te informeren.",
        "Kan de staatssecretaris reflecteren op de vraag of dit zo is.",
    ]
    assert [indirect_questions(s) for s in asks] == [1] * len(asks)
    announce = "Zij hebben hierover de volgende vragen en opmerkingen. Wat betreft Frontex: goed."
    assert indirect_questions(announce) == 0
    assert indirect_questions("Hoe gaat dat? Deze leden vragen ook of het werkt.") == 1


def test_the_gate_lets_through_every_sentence_the_patterns_match() -> None:
    sentences = [s for p in _example().pairs for s in p.question.split(". ")]
    matched = [s for s in sentences if any(rx.search(s) for rx in ph.INDIRECT_QUESTION_RES)]
    assert len(matched) >= 50 and all(may_ask(s) for s in matched)
    for wording in (
        "De leden vragen of", "Zij vragen de minister", "Daarom vragen zij", "zij stellen de vraag",
        "De vraag van deze leden is", "Zij horen graag", "Zij willen weten",
        "Zij willen daarover geïnformeerd worden", "Graag een reactie", "Zij verzoeken de regering",
        "het lid dat de staatssecretaris oproept", "Zij dringen erop aan",
    ):  # fmt: skip
        assert any(rx.search(wording) for rx in ph.INDIRECT_QUESTION_RES), wording
        assert may_ask(wording), wording
