"""read_text: the classification of lines of PDF text, on the example report and small cases."""

from functools import cache
from pathlib import Path

from parsers.blocks import Block, BlockKind
from parsers.readers.text import read_text

REPORT = Path(__file__).parent / "fixtures" / "corpus" / "schriftelijk-overleg-jbz-2022-12-08.txt"


@cache
def by_line() -> dict[int, list[Block]]:
    out: dict[int, list[Block]] = {}
    for b in read_text(REPORT.read_text(encoding="utf-8")):
        out.setdefault(b.line, []).append(b)
    return out


def kind(line: int) -> BlockKind:
    return by_line()[line][0].kind


def test_one_block_per_line_plus_artefacts() -> None:
    lines = REPORT.read_text(encoding="utf-8").split("\n")
    assert sorted(by_line()) == list(range(1, len(lines) + 1))
    assert {n: len(bs) for n, bs in by_line().items() if len(bs) > 1} == {25: 2, 26: 2}


def test_word_artefacts_are_cut_out_as_furniture() -> None:
    para, artefact = by_line()[25]
    assert (para.kind, para.text) == (BlockKind.PARAGRAPH, "De op 5 december ")
    assert artefact.kind is BlockKind.FURNITURE and artefact.text.startswith("Fout! Bladwijzer")
    assert by_line()[26][0].text == "2022 toegezonden vragen en "


def test_blank_lines_and_page_breaks() -> None:
    assert [by_line()[n][0].page_break for n in (129, 130, 131)] == [True, True, True]
    assert kind(121) is BlockKind.BLANK and not by_line()[121][0].page_break  # " " separator
    assert kind(3) is BlockKind.BLANK and not by_line()[3][0].page_break  # a single empty line


def test_footnote_zones() -> None:
    first = by_line()[192][0]
    assert (first.kind, first.footnote_n, first.text) == (
        BlockKind.FOOTNOTE,
        1,
        "Kamerstukken 2022/2023, 2036200, nr. 23 ",
    )
    assert [(by_line()[n][0].kind, by_line()[n][0].footnote_n) for n in (194, 195, 196)] == [
        (BlockKind.FOOTNOTE, 3),
        (BlockKind.FOOTNOTE, 3),  # the URL on the next line continues footnote 3
        (BlockKind.FOOTNOTE, 4),
    ]
    # Footnote 9 is printed between "Antwoord" and the answer, which resumes with a space.
    assert [kind(n) for n in (770, 771, 772)] == [
        BlockKind.FOOTNOTE,
        BlockKind.FOOTNOTE,
        BlockKind.PARAGRAPH,
    ]
    assert kind(1086) is BlockKind.PARAGRAPH  # " herstelplan  Deze wetgeving …"


def test_url_debris_after_footnotes_is_furniture() -> None:
    assert [kind(n) for n in (198, 199, 1417)] == [BlockKind.FURNITURE] * 3


def test_numbers_at_line_start_are_not_footnotes_out_of_sequence() -> None:
    text = "\n".join(
        [
            "De leden vragen naar de cijfers.",
            " ",
            "3 Kamerstuk 32317, nr. 790",
            " ",
            "2 december is de datum van de brief.",  # a lower number: not footnote 2
            "4 Zie de brief.",  # not after a blank line: not a footnote
        ]
    )
    kinds = [(b.kind, b.footnote_n) for b in read_text(text)]
    assert kinds == [
        (BlockKind.PARAGRAPH, None),
        (BlockKind.BLANK, None),
        (BlockKind.FOOTNOTE, 3),
        (BlockKind.BLANK, None),
        (BlockKind.PARAGRAPH, None),
        (BlockKind.PARAGRAPH, None),
    ]


def test_url_debris_right_after_a_footnote_is_furniture() -> None:
    # as pypdf prints a page end: no empty line between the footnote zone and the link targets
    text = "\n".join(
        [
            "einde van de pagina",
            "",
            "3 Mededeling over migratie en asiel: ",
            "https://ec.europa.eu/info/com_2022_740.pdf  ",
            "4 Beschikbaar via: https://ec.europa.eu/ip_22_7447  ",
            "https://ec.europa.eu/info/com_2022_740.pdf",
            "https://ec.europa.eu/ip_22_7447",
        ]
    )
    kinds = [(b.kind, b.footnote_n) for b in read_text(text)]
    assert kinds[2:] == [
        (BlockKind.FOOTNOTE, 3),
        (BlockKind.FOOTNOTE, 3),  # after "asiel:" the URL is the footnote's own
        (BlockKind.FOOTNOTE, 4),
        (BlockKind.FURNITURE, None),
        (BlockKind.FURNITURE, None),
    ]
