"""Kamerstuk citations normalised by parse_kamerstuk_refs, and footnote markers."""

import random

import pytest

from parsers.lexicon.citations import REF_RE as _REF_RE
from parsers.references import _iter_citations, format_ref, parse_kamerstuk_refs
from parsers.segment.crossrefs import find_pointers, find_referred_fracties
from parsers.segment.markers import strip_markers
from parsers.segment.referrals import PairText, resolve_all
from parsers.segment.units import join_lines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kamerstuk 32317, nr. 790", [("32317", None, "790")]),
        ("Kamerstukken 2022/2023 32 317, nr. 781", [("32317", None, "781")]),
        ("Kamerstuk 21501-20, nr. 1849", [("21501", "20", "1849")]),
        ("motie-Brekelmans (Kamerstuk\n36200-VI, nr. 24)?", [("36200", "VI", "24")]),
        ("de motie-Ceder (Kamerstuk 36 200 VI, nr. 33) al", [("36200", "VI", "33")]),
        ("Kamerstukken 2022/2023, 19637 nr. 3005", [("19637", None, "3005")]),
        ("Kamerstukken 2021/2022 36023, nr. C", [("36023", None, "C")]),
        ("Kamerstuk 23 987, nr. 390", [("23987", None, "390")]),
        (
            "(Kamerstuk 32317, nr. 772 en Kamerstuk 32317, nr. 773)",
            [("32317", None, "772"), ("32317", None, "773")],
        ),
        ("Kamerstukken II 2021/22, 36 045, nr. 1", [("36045", None, "1")]),
        (
            "Kamerstuk 32317, nrs. 772, 773 en 774.",
            [("32317", None, "772"), ("32317", None, "773"), ("32317", None, "774")],
        ),
        ("Kamerstuk 32317, nr. 790 en 2023", [("32317", None, "790")]),
        ("Kamerstukken 2022/2023, 2036200, nr. 23", []),  # garbled: seven digits
        ("Kamerstukken 2022/2023, nr. 23952", []),  # no dossier
        ("in 2015/2016 en artikel 25bis", []),
    ],
)
def test_parse_kamerstuk_refs(text: str, expected: list[tuple[str, str | None, str]]) -> None:
    refs = parse_kamerstuk_refs(text)
    assert [(r.dossier, r.toevoeging, r.ondernummer) for r in refs] == expected
    for r in refs:
        assert " ".join(r.text.split()) in " ".join(text.split())


def test_format_ref() -> None:
    a, b = parse_kamerstuk_refs("Kamerstuk 32317, nr. 790 en 36200-VI, nr. 24")
    assert (format_ref(a), format_ref(b)) == ("32317-790", "36200-VI-24")


def test_markers_are_removed_in_sequence() -> None:
    lines = [
        (1, "De motie Brekelmans1 ziet het"),
        (2, "zoals gemeld in mijn brief van 8 november jl.2, naar welke"),
        (3, "uitgebracht.3 In Q1 2023 en artikel 25bis, art.25bis, 2015/2016, ca. 2.575"),
        (4, "in het CVM-rapport van 20194 stelt"),
        (5, "de motie Ceder5. Het"),
    ]
    out = strip_markers(lines)
    assert list(out) == [0, 1, 2, 3, 4]
    assert [c.text for c in out.values()] == [
        "De motie Brekelmans ziet het",
        "zoals gemeld in mijn brief van 8 november jl., naar welke",
        "uitgebracht. In Q1 2023 en artikel 25bis, art.25bis, 2015/2016, ca. 2.575",
        "in het CVM-rapport van 2019 stelt",
        "de motie Ceder. Het",
    ]
    assert [[m.n for m in c.markers] for c in out.values()] == [[1], [2], [3], [4], [5]]


def test_out_of_sequence_digits_are_not_markers() -> None:
    # "Q1" while marker 14 is due is a quarter, not footnote 1.
    out = strip_markers([(9, "gepland voor uiterlijk Q1 2023")], first=14)
    assert out == {}  # the line is unchanged


def test_referred_fracties() -> None:
    fracties = ["VVD", "D66", "PvdA en GroenLinks", "SP", "Volt"]
    cases = {
        "Het kabinet verwijst naar het antwoord op de vraag van de leden van de VVD-fractie.": [
            "VVD"
        ],
        "Zie de beantwoording van de fracties van PvdA en GroenLinks en de D66-fractie.": [
            "PvdA en GroenLinks",
            "D66",
        ],
        "Het kabinet verwijst naar de beantwoording van de vraag van de SP over visa.": ["SP"],
        "Het kabinet verwijst naar het antwoord aan de GroenLinks-fractie.": ["PvdA en GroenLinks"],
        "Zoals ook geantwoord op uw eerdere gelijkluidende vraag, is de inzet gelijk.": ["Volt"],
        "Het kabinet verwijst ook naar bovenstaand antwoord.": ["Volt"],
        "Het kabinet deelt de zorgen van de leden van de VVD-fractie.": [],  # no pointer
        "Zoals hierboven gesteld, zijn de landen geëvalueerd.": [],
        "Zie eerdere vragen hierover van de leden van andere fracties": [],
        "Het voorstel bevat verwijzingen naar de D66-fractie.": [],  # "verwijzingen" is no pointer
    }
    for answer, expected in cases.items():
        assert find_referred_fracties(answer, "Volt", fracties) == expected, answer


def test_each_pointer_resolves_to_the_answer_it_means() -> None:
    pairs = [
        PairText(
            1, "VVD", "Wat is de inzet op de conferentie over de Dublinverordening?", "Inzet."
        ),
        PairText(2, "VVD", "Hoe staat het met de Schengentoetreding van Roemenië?", "Goed."),
        PairText(3, "D66", "Wat vindt de staatssecretaris van Frontex?", "Frontex werkt."),
        PairText(4, "D66", "Wat is de stand van de Schengentoetreding van Bulgarije?", "Later."),
        PairText(5, "PVV", "Waarom Schengentoetreding van Bulgarije en Roemenië?", ""),
    ]
    answer = (
        "Het kabinet verwijst naar het antwoord op de vraag van de leden van de VVD-fractie over "
        "de conferentie over de Dublinverordening. Zie ook het antwoord aan de VVD-fractie over "
        "Roemenië. Het kabinet verwijst naar een gelijkluidende vraag van de D66-fractie en naar "
        "de vraag van de SP."
    )
    pointers = find_pointers(answer, "PVV", ["VVD", "D66", "PVV", "SP"])
    assert [p.fractie for p in pointers] == ["VVD", "VVD", "D66", "SP"]
    refs = resolve_all(pairs, [[], [], [], [], pointers])[4]
    # every pointer, not only the first: two VVD answers; D66: the like question; SP: none
    assert [(r.fractie, r.seq) for r in refs] == [("VVD", 1), ("VVD", 2), ("D66", 4), ("SP", None)]
    assert all(0.5 <= r.confidence <= 1.0 for r in refs[:3]) and refs[3].confidence == 0.0


def test_bovenstaand_antwoord_is_the_pair_just_before() -> None:
    pairs = [PairText(n, "Volt", f"Vraag {n} over migratie?", "Antwoord.") for n in (1, 2, 3)]
    pointers = find_pointers("Het kabinet verwijst naar bovenstaand antwoord.", "Volt", ["Volt"])
    refs = resolve_all(pairs, [[], [], pointers])[2]
    assert [(r.fractie, r.seq, r.confidence) for r in refs] == [("Volt", 2, 1.0)]


def test_citations_found_near_nr_are_those_of_a_full_scan() -> None:
    """`_iter_citations` searches only near each "nr"; it must give what trying every position
    gives, also for citations that run into each other, numbers glued to words and near-misses."""
    pieces = [
        "Kamerstuk 32317, nr. 790", "Kamerstukken 2022/2023 32 317, nr. 781",
        "Kamerstuk 21501-20, nr. 1849", "36200-VI, nr. 24", "Kamerstuk 36 200 VI, nr. 33",
        "Kamerstukken 2022/2023, 19637 nr. 3005", "Kamerstukken 2021/2022 36023, nr. C",
        "Kamerstukken II 2021/22, 36 045, nr. 1", "Kamerstuk 32317, nrs. 772 en 773",
        "Kamerstukken 2022/2023, 2036200, nr. 23", "nr. 5", "nrs. 1, 2", "32317", "2022/2023",
        "Kamerstukken", "de brief", "(", ")", ",", "K", "nr", "12", "a", "1234567, nr. 8",
    ]  # fmt: skip
    rng = random.Random(8)
    for _ in range(400):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", ", "]) for _ in range(12))
        flat = " ".join(text.split())
        expected = [m.span() for m in _REF_RE.finditer(flat)]
        assert [m.span() for m in _iter_citations(flat)] == expected, flat


def _join_line_by_line(lines: list[str]) -> str:
    """The rule `join_lines` implements, one line at a time."""
    parts: list[str] = []
    for raw in lines:
        line = " ".join(raw.split())
        if not line:
            continue
        if parts and not (parts[-1][-1] == "-" and len(parts[-1]) > 1 and parts[-1][-2] != " "):
            parts.append(" ")
        parts.append(line)
    return "".join(parts)


def test_join_lines_follows_the_line_rule() -> None:
    assert join_lines(["de EU-", "lidstaten en", "", "  het  -", "-", "x"]) == (
        "de EU-lidstaten en het - - x"
    )
    pieces = ["EU-", "-", " -", "a", " ", "", "\t", "b c", "d  e ", "\u00a0f", "g-", "--", "h"]
    rng = random.Random(12)
    for _ in range(2000):
        lines = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 3))) for _ in range(6)]
        assert join_lines(lines) == _join_line_by_line(lines), lines
