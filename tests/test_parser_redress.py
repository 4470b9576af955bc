"""The example report re-dressed in the front matter, table of contents and heading styles of
other real reports (lines taken from the dev set, by id) gives the same 98 pairs each time:
same fracties and topics, same first and last words of every question and answer.

Only the front matter and the headings change; the body text is the example's, line for line.
"""

import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from parsers.consultation import parse_blocks
from parsers.model import Consultation
from parsers.readers.text import read_text

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
TEXT = (CORPUS / "schriftelijk-overleg-jbz-2022-12-08.txt").read_text(encoding="utf-8")
GOLD = json.loads((CORPUS / "gold" / "schriftelijk-overleg-jbz-2022-12-08.gold.json").read_text())
BODY = TEXT.split("\n")[64:]  # from "I Vragen en opmerkingen vanuit de fracties" (line 65)
FRACTIES = ["VVD", "D66", "PVV", "CDA", "SP", "PvdA en GroenLinks", "ChristenUnie", "Volt", "BBB"]
_HEADING_RE = re.compile(
    r"^(\s*)Vragen en opmerkingen van (de leden|het lid) van de (.+)-fractie\s*$"
)

# kst-21501-32-1459 / kst-22112-3950: KOOP header, intro, one-line signatures
KOOP_FRONT = [
    "32 317 JBZ-Raad",
    " ",
    "Nr. 909 VERSLAG VAN EEN SCHRIFTELIJK OVERLEG",
    " ",
    "Vastgesteld 15 december 2022",
    " ",
    "De vaste commissie voor Justitie en Veiligheid heeft een aantal vragen en opmerkingen",
    "voorgelegd aan de Staatssecretaris van Justitie en Veiligheid over de brief van 29 november",
    "2022 over de geannoteerde agenda van de JBZ-Raad van 8 en 9 december 2022 (Kamerstuk",
    "32 317, nr. 790).",
    " ",
    "De vragen en opmerkingen zijn op 5 december 2022 aan de Staatssecretaris van Justitie en",
    "Veiligheid voorgelegd. Bij brief van 7 december 2022 zijn de vragen beantwoord.",
    " ",
    "De voorzitter van de commissie, Van Meenen",
    " ",
    "Adjunct-griffier van de commissie, Meijer",
    " ",
]
# 2024D09496 / 2025D05241: tweedekamer.nl, document number before the type, names on the next line
TK_FRONT = [
    "2022D52641 VERSLAG VAN EEN SCHRIFTELIJK OVERLEG",
    "Binnen de vaste commissie voor Justitie en Veiligheid hebben de onderstaande fracties",
    "de behoefte vragen en opmerkingen voor te leggen aan de staatssecretaris over de",
    "geannoteerde agenda van de JBZ-Raad van 8 en 9 december 2022 (Kamerstuk 32 317, nr. 790).",
    "De fungerend voorzitter van de commissie,",
    "Van Meenen",
    "Adjunct-griffier van de commissie,",
    "Meijer",
]


def classic(name: str, who: str) -> str:
    return f"Vragen en opmerkingen van {who} van de {name}-fractie"


def suffixed(name: str, who: str) -> str:  # kst-22112-3950
    return f"{classic(name, who)} en reactie van de bewindspersoon"


def numbered(name: str, who: str) -> str:  # "1. Vragen en opmerkingen vanuit de VVD-fractie"
    n = FRACTIES.index(name.replace("- en ", " en ")) + 1
    return f"{n}. Vragen en opmerkingen vanuit de {name}-fractie"


def fractie_of(name: str, who: str) -> str:  # kst-21501-30-248
    return f"Vragen en opmerkingen van {who} van de fractie van de {name}"


def inbreng_of(name: str, who: str) -> str:  # 2023D35130
    return f"Inbreng van {who} van de {name}-fractie"


def toc_page_lines(style: Callable[[str, str], str]) -> list[str]:
    """kst-21501-32-1074: page numbers and part numbers on their own lines."""
    out = ["Inhoudsopgave", "blz.", "I", "Vragen en opmerkingen vanuit de fracties", "2"]
    for n, name in enumerate(FRACTIES):
        out += [" ", style(name, "het lid" if name == "BBB" else "de leden"), str(n + 2)]
    return out + ["II", "Antwoord / Reactie van de staatssecretaris", "19"]


def toc_placeholders(style: Callable[[str, str], str]) -> list[str]:
    """kst-22112-3950: "00" for every page."""
    out = ["Inhoudsopgave", "Vragen en opmerkingen vanuit de fracties en reactie van de "
           "bewindspersonen", "00"]  # fmt: skip
    for name in FRACTIES:
        out += [" ", style(name, "de leden"), "00"]
    return out


def toc_bullets(style: Callable[[str, str], str]) -> list[str]:
    """2023D35130: "Inhoud", bullets, the answer part named."""
    out = ["Inhoud", "I Vragen en opmerkingen uit de fracties"]
    out += [f"• {style(name, 'de leden')}" for name in FRACTIES]
    return out + ["II Reactie van de Staatssecretaris van Justitie en Veiligheid"]


def toc_part_above(style: Callable[[str, str], str]) -> list[str]:
    """2023D06019: the part heading above "Inhoudsopgave", no page numbers."""
    return ["I Vragen en opmerkingen vanuit de fracties", "Inhoudsopgave"] + [
        style(name, "de leden") for name in FRACTIES
    ]


def no_toc(style: Callable[[str, str], str]) -> list[str]:
    return []


def dress(front: list[str], toc: Callable[..., list[str]], style: Callable[[str, str], str]) -> str:
    body = []
    for line in BODY:
        m = _HEADING_RE.match(line)
        body.append(f"{m.group(1)}{style(m.group(3), m.group(2))}" if m else line)
    return "\n".join([*front, *toc(style), " ", *body])


CASES = {
    "koop-front/toc-pages-own-line/classic": (KOOP_FRONT, toc_page_lines, classic),
    "koop-front/toc-00/suffix-reactie": (KOOP_FRONT, toc_placeholders, suffixed),
    "tk-front/toc-bullets/inbreng-van": (TK_FRONT, toc_bullets, inbreng_of),
    "tk-front/part-above-toc/numbered": (TK_FRONT, toc_part_above, numbered),
    "koop-front/no-toc/fractie-van-de": (KOOP_FRONT, no_toc, fractie_of),
    "tk-front/toc-pages-own-line/suffix": (TK_FRONT, toc_page_lines, suffixed),
}


@cache
def parsed(case: str) -> Consultation:
    front, toc, style = CASES[case]
    return parse_blocks(read_text(dress(front, toc, style)))


def view(c: Consultation) -> list[tuple[Any, ...]]:
    def w(t: str | None) -> list[str]:
        return (t or "").split()

    return [
        (
            p.fractie,
            p.topic,
            w(p.question)[:10],
            w(p.question)[-8:],
            w(p.answer)[:10],
            w(p.answer)[-8:],
        )
        for p in c.pairs
    ]


def gold_view() -> list[tuple[Any, ...]]:
    return [
        (g["fractie"], g["topic"], g["question_first_words"].split(),
         g["question_last_words"].split(), g["answer_first_words"].split(),
         g["answer_last_words"].split())
        for g in GOLD["pairs"]
    ]  # fmt: skip


@pytest.mark.parametrize("case", sorted(CASES))
def test_redressed_example_gives_the_same_pairs(case: str) -> None:
    c = parsed(case)
    assert len(c.pairs) == 98
    assert [s.fractie for s in c.sections] == [s["fractie"] for s in GOLD["sections"]]
    assert view(c) == gold_view()


@pytest.mark.parametrize("case", sorted(CASES))
def test_redressed_example_front_matter_and_quality(case: str) -> None:
    c = parsed(case)
    d = c.document
    assert (d.chair, d.clerk) == ("Van Meenen", "Meijer")
    assert d.committee == "vaste commissie voor Justitie en Veiligheid"
    assert d.council_date == "2022-12-08/2022-12-09"
    if CASES[case][1] is not no_toc:
        assert list(d.toc_fracties) == FRACTIES
    assert c.quality.verdict == "ok", c.quality.reasons


def test_koop_front_reads_number_date_and_dossier() -> None:
    d = parsed("koop-front/toc-pages-own-line/classic").document
    assert (d.dossier, d.ondernummer, d.date, d.kind_evidence) == (
        "32317", "909", "2022-12-15", "title",
    )  # fmt: skip
