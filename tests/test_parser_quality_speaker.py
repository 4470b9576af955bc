"""No confident misparse: a fractie heading in a wording the lexicon lacks never leaves the
example report `ok`, and the check that catches it stays quiet on every real report."""

from functools import cache
from pathlib import Path

import pytest

from parsers.api import parse_document
from parsers.model import Consultation, Pair
from parsers.segment.fractie_ids import speaker_mismatches

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLE = FIXTURES / "corpus" / "schriftelijk-overleg-jbz-2022-12-08.txt"
REAL = [EXAMPLE, *sorted((FIXTURES / "devset" / "docs").glob("*.txt"))]
REAL += sorted((FIXTURES / "layouts").glob("*.txt"))
# wordings no pattern of parsers/lexicon/ knows ("{}": the fractie, "PvdA- en
# GroenLinks" for the joint block)
WORDINGS = (
    "Bijdrage van de {}-fractie",
    "Wat de {}-fractie wil weten",
    "Namens de {}-fractie",
    "Opmerkingen der {}-fractie",
    "{} vraagt",
)


@cache
def _example() -> Consultation:
    return parse_document(EXAMPLE.read_bytes(), EXAMPLE.name)


def _reworded(heading: str, toc_entry: str, new: str) -> Consultation:
    """The example with one fractie's body heading and its table-of-contents entry reworded."""
    lines = EXAMPLE.read_text(encoding="utf-8").split("\n")
    body = max(i for i, line in enumerate(lines) if line.strip() == heading)
    lines[body] = new
    toc = min(i for i, line in enumerate(lines) if line.strip().startswith(toc_entry))
    lines[toc] = lines[toc].replace(toc_entry, new)
    return parse_document("\n".join(lines).encode("utf-8"), "reworded.txt")


def _toc_entry(fractie: str) -> str:
    # the table of contents prints every fractie in one form, the body not always ("PVV")
    return f"Vragen en opmerkingen van de leden van de {fractie}-fractie"


@pytest.mark.parametrize("wording", WORDINGS)
def test_a_reworded_fractie_heading_is_never_ok(wording: str) -> None:
    assert _example().quality.verdict == "ok"
    for s in _example().sections:
        new = wording.format(s.fractie.replace(" en ", "- en "))
        c = _reworded(s.heading, _toc_entry(s.fractie), new)
        assert c.quality.verdict == "suspect", (s.fractie, new)
        reasons = set(c.quality.reasons)
        assert reasons & {"speaker_mismatch", "fractie_without_heading"}, (s.fractie, new)
        if s != _example().sections[0]:  # the questions went to the fractie before
            assert "speaker_mismatch" in reasons, (s.fractie, new)


def test_the_mismatch_is_an_issue_naming_the_pair() -> None:
    sp = next(s for s in _example().sections if s.fractie == "SP")
    c = _reworded(sp.heading, sp.heading, "Wat de SP-fractie wil weten")
    issues = [i for i in c.issues if i.code == "speaker_mismatch"]
    assert issues and all("CDA" in i.message and "SP-fractie" in i.message for i in issues)


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_no_real_report_has_a_speaker_mismatch(path: Path) -> None:
    c = parse_document(path.read_bytes(), path.name)
    assert not [i for i in c.issues if i.code == "speaker_mismatch"]
    assert "fractie_without_heading" not in c.quality.reasons


def test_a_party_of_a_joint_block_may_speak_alone() -> None:
    joint = next(p for p in _example().pairs if p.fractie == "PvdA en GroenLinks")
    alone = Pair(**{**joint.__dict__, "question": "De leden van de GroenLinks-fractie vragen …"})
    other = Pair(**{**joint.__dict__, "question": "De leden van de SP-fractie vragen …"})
    assert speaker_mismatches(_example().document, [alone]) == ()
    assert len(speaker_mismatches(_example().document, [other])) == 1
