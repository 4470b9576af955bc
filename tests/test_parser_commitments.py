"""Commitments against a hand annotation of the example
(tests/fixtures/corpus/annotations/commitments.json, with its rule)."""

import json
from functools import cache
from pathlib import Path
from typing import Any

from parsers import lexicon as ph
from parsers.api import parse_document
from parsers.model import Consultation
from parsers.render import to_json_dict
from parsers.segment.commitments import commitment_kind, may_commit

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
EXAMPLE = CORPUS / "schriftelijk-overleg-jbz-2022-12-08.txt"


@cache
def _hand() -> list[dict[str, Any]]:
    data: dict[str, Any] = json.loads((CORPUS / "annotations" / "commitments.json").read_text())
    commitments: list[dict[str, Any]] = data["commitments"]
    return commitments


@cache
def _example() -> Consultation:
    return parse_document(EXAMPLE.read_bytes(), EXAMPLE.name)


def _key(seq: int, sentence: str) -> tuple[int, str]:
    return seq, " ".join(sentence.split())


def test_precision_and_recall_against_the_hand_annotation() -> None:
    hand = {_key(m["seq"], m["sentence"]) for m in _hand()}
    found = {_key(m.seq, m.sentence) for m in _example().commitments}
    right = hand & found
    precision, recall = len(right) / len(found), len(right) / len(hand)
    assert precision >= 0.9 and recall >= 0.9, (precision, recall)  # measured: 30 of 30, 30 of 30


def test_kinds_against_the_hand_annotation() -> None:
    kinds = {_key(m.seq, m.sentence): m.kind for m in _example().commitments}
    agree = [m for m in _hand() if kinds.get(_key(m["seq"], m["sentence"])) == m["kind"]]
    assert len(agree) / len(_hand()) >= 0.9  # measured: 30 of 30
    assert {m["kind"] for m in _hand()} == {
        "act_in_council", "report_in_council_report", "inform_kamer", "send_document", "other"
    }  # fmt: skip


def test_the_issues_examples_and_what_is_no_commitment() -> None:
    assert commitment_kind("Het kabinet zal uw Kamer na afloop informeren over de uitkomsten.") == (
        "inform_kamer"
    )
    intent = "Het kabinet is voornemens het standpunt tijdens de JBZ-Raad over te brengen."
    assert commitment_kind(intent) == "act_in_council"
    for standing in (
        "Het kabinet zet zich in voor een balans tussen solidariteit en verantwoordelijkheid.",
        "Nederland zal blijven benadrukken dat er voldoende tijd nodig is.",
        "Het kabinet verwacht dat de verschillen niet zullen worden vergroot.",
        "Het Voorzitterschap zal de lidstaten om een mandaat vragen.",
    ):
        assert commitment_kind(standing) is None, standing


def test_json_has_the_commitments() -> None:
    d = to_json_dict(_example())
    assert len(d["commitments"]) == len(_example().commitments) == 30
    assert set(d["commitments"][0]) == {"seq", "sentence", "kind"}


def test_the_gate_lets_through_every_sentence_the_pattern_matches() -> None:
    sentences = [s for p in _example().pairs for s in (p.answer or "").split(". ")]
    sentences += [m["sentence"] for m in _hand()]
    matched = [s for s in sentences if ph.COMMITMENT_RE.search(s)]
    assert len(matched) >= 30 and all(may_commit(s) for s in matched)
    # the gate's words are those of each wording of the pattern
    for wording in (
        "Het kabinet zal dat doen", "Zo zullen wij, waaronder Nederland, het doen",
        "Nederland is voornemens dat te doen", "Het kabinet organiseert een bijeenkomst",
        "Het kabinet gaat met hen in gesprek", "Uw Kamer zal hierover geïnformeerd worden",
    ):  # fmt: skip
        assert ph.COMMITMENT_RE.search(wording) and may_commit(wording), wording
