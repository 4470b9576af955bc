"""Nothing is lost: every non-space character of the input ends up in exactly one bucket.

Buckets: front matter, headings (fractie headings, subheadings, "Antwoord", part headings),
questions repeated in a separate answer part, questions, answers, footnotes (number + text), page
furniture (URL debris, Word artefacts), removed footnote markers, and `unassigned`. The check
compares multisets of characters, so a dropped or duplicated line fails it.
"""

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pytest

from parsers.blocks import Block, BlockKind
from parsers.consultation import Accounting, parse_blocks_accounted
from parsers.model import Consultation
from parsers.readers.text import read_text
from tests.parser_samples import INBRENG, NO_FRACTIES, OLD_LAYOUT, koop_blocks

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
TEXTS = {p.name: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}
TEXTS |= {"old_layout": OLD_LAYOUT, "inbreng": INBRENG, "no_fracties": NO_FRACTIES}


def chars(texts: Iterable[str]) -> Counter[str]:
    return Counter(ch for t in texts for ch in t if not ch.isspace())


def buckets(c: Consultation, ledger: Accounting) -> Counter[str]:
    texts: list[str] = [u.text for u in (*ledger.front, *ledger.headings, *ledger.repeated)]
    texts += [p.question for p in c.pairs]
    texts += [p.answer for p in c.pairs if p.answer is not None]
    texts += [f"{f.n}{f.text}" for f in c.footnotes]
    texts += [b.text for b in ledger.furniture]
    texts += [str(m.n) for m in ledger.markers]
    texts += [u.text for u in c.unassigned]
    return chars(texts)


def block_chars(blocks: Iterable[Block]) -> Counter[str]:
    seen: set[int] = set()
    texts = []
    for b in blocks:
        texts.append(b.text)
        if b.kind is BlockKind.FOOTNOTE and b.footnote_n is not None and b.footnote_n not in seen:
            seen.add(b.footnote_n)
            texts.append(str(b.footnote_n))  # the number the reader took off the first line
    return chars(texts)


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_reader_keeps_every_character(name: str) -> None:
    assert block_chars(read_text(TEXTS[name])) == chars([TEXTS[name]])


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_segmenter_keeps_every_character(name: str) -> None:
    c, ledger = parse_blocks_accounted(read_text(TEXTS[name]))
    assert buckets(c, ledger) == chars([TEXTS[name]])


def test_paragraph_blocks_keep_every_character() -> None:
    blocks = koop_blocks()
    c, ledger = parse_blocks_accounted(blocks, source_format="xml")
    assert buckets(c, ledger) == chars(b.text for b in blocks)


def test_repeated_line_numbers_and_unnumbered_footnotes_are_kept() -> None:
    """A reader may give two blocks one position (table cells) or a footnote without number."""
    blocks = (
        Block(BlockKind.HEADING, "Vragen en opmerkingen van de leden van de SP-fractie", 1),
        Block(BlockKind.PARAGRAPH, "De leden van de SP-fractie vragen iets.1 Waarom?", 2),
        Block(BlockKind.PARAGRAPH, "En nog iets?", 2),
        Block(BlockKind.PARAGRAPH, "Antwoord", 3),
        Block(BlockKind.PARAGRAPH, "Daarom.", 4),
        Block(BlockKind.FOOTNOTE, "Kamerstuk 32317, nr. 1", 5, footnote_n=1),
        Block(BlockKind.FOOTNOTE, "Zonder nummer", 6),
    )
    c, ledger = parse_blocks_accounted(blocks, source_format="docx")
    assert buckets(c, ledger) == chars(b.text for b in blocks) + chars(["1"])
    assert c.pairs[0].question == "De leden van de SP-fractie vragen iets. Waarom? En nog iets?"
    assert [(u.text, u.line) for u in c.unassigned] == [("Zonder nummer", 6)]
    assert [i.code for i in c.issues] == ["footnote_without_number"]


def test_check_fails_when_text_is_dropped() -> None:
    """The check is sharp: losing one answer, or one marker, changes the multiset."""
    text = TEXTS["schriftelijk-overleg-jbz-2022-12-08.txt"]
    c, ledger = parse_blocks_accounted(read_text(text))
    shorter = c.pairs[1:]
    fewer = Consultation(c.document, c.sections, shorter, c.footnotes, c.kamerstuk_references)
    assert buckets(fewer, ledger) != chars([text])
    no_markers = Accounting(ledger.front, ledger.headings, ledger.repeated, ledger.furniture, ())
    assert buckets(c, no_markers) != chars([text])


def test_gold_report_places_text_in_the_expected_buckets() -> None:
    c, ledger = parse_blocks_accounted(read_text(TEXTS["schriftelijk-overleg-jbz-2022-12-08.txt"]))
    assert len(ledger.markers) == 23
    assert [b.line for b in ledger.furniture] == [25, 26, 198, 199, 1417]
    # the front matter ends with the table of contents; "I Vragen en opmerkingen vanuit de
    # fracties" (line 64) opens the body as its question-part heading
    assert ledger.front[0].line == 1 and ledger.front[-1].line == 56
    assert sum(1 for u in ledger.headings if u.text == "Antwoord") == 98
