"""Referrals resolved to the pair whose answer they mean, against a hand annotation of the
example (tests/fixtures/corpus/annotations/referrals.json, with its rule and a reason per
answer)."""

import json
from functools import cache
from pathlib import Path
from typing import Any

from parsers.api import parse_document
from parsers.model import Consultation

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
EXAMPLE = CORPUS / "schriftelijk-overleg-jbz-2022-12-08.txt"


@cache
def _hand() -> dict[str, list[tuple[str, int]]]:
    data: dict[str, Any] = json.loads((CORPUS / "annotations" / "referrals.json").read_text())
    return {k: [(r["fractie"], r["seq"]) for r in v] for k, v in data["referrals"].items()}


@cache
def _example() -> Consultation:
    return parse_document(EXAMPLE.read_bytes(), EXAMPLE.name)


def _parsed() -> dict[str, list[tuple[str, int | None]]]:
    return {str(p.seq): [(r.fractie, r.seq) for r in p.refers_to] for p in _example().pairs}


def test_the_referring_answers_are_those_of_the_annotation() -> None:
    found = {seq for seq, refs in _parsed().items() if refs}
    assert found == set(_hand())


def test_referral_targets_right_for_at_least_95_percent_of_referring_answers() -> None:
    parsed = _parsed()
    right = [seq for seq, want in _hand().items() if sorted(parsed[seq]) == sorted(want)]
    assert len(right) / len(_hand()) >= 0.95  # measured: 21 of 22 (pair 88's PvdA-GL answer)
    referrals = [r for want in _hand().values() for r in want]
    found = [r for seq, want in _hand().items() for r in want if r in parsed[seq]]
    assert len(found) / len(referrals) >= 0.95  # measured: 23 of 24


def test_every_referral_of_an_answer_is_kept() -> None:
    # "… over de kabinetsinzet voor de bijeenkomst over de Dublin-verordening." and "Zoals
    # gesteld in het antwoord van de vragen van de leden van de VVD-fractie …" (pair 98)
    assert _parsed()["98"] == [("VVD", 1), ("VVD", 2)]
    assert [r.fractie for r in _example().pairs[87].refers_to] == ["PvdA en GroenLinks", "D66"]


def test_the_issues_three_wrong_targets_are_right_now() -> None:
    parsed = _parsed()
    assert parsed["29"] == [("VVD", 3)]  # "samenwerking met ons omringende landen …"
    assert parsed["33"] == [("D66", 13)]  # "gelijkluidende vraag": Bulgaria freeing capacity


def test_confidence_is_a_share_and_explicit_pointers_are_sure() -> None:
    refs = [r for p in _example().pairs for r in p.refers_to]
    assert all(0.5 <= r.confidence <= 1.0 for r in refs)
    by_seq = {p.seq: p.refers_to for p in _example().pairs}
    assert by_seq[86][0].confidence == by_seq[91][0].confidence == 1.0  # "bovenstaand" etc.
