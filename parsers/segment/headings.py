"""Which units are fractie headings, topic subheadings, "Antwoord" markers or part headings."""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from parsers.segment.units import Unit

# "Vragen en opmerkingen van de leden van de VVD-fractie", "… van het lid van de BBB-fractie",
# "… van de leden van de PvdA- en GroenLinks-fractie", "Inbreng vanuit de SP-fractie"; a TOC
# line ends in a page number instead.
_LEAD = r"^(?:(?:Vragen en opmerkingen|Inbreng|Opmerkingen en vragen|Vragen|Reactie op vragen)"
_SECTION_RE = re.compile(
    _LEAD + r" (?:van|vanuit) )?(?:(?P<who>de leden|het lid) van )?de (?P<name>[^.?!:]+?)"
    r"-?fractie:?$",
    re.IGNORECASE,
)
# "Vragen en opmerkingen van de leden van de fracties van GroenLinks en PvdA"
_JOINT_RE = re.compile(
    _LEAD + r" (?:van|vanuit) )?(?P<who>de leden) van de fracties van (?:de )?(?P<name>[^.?!:]+)$",
    re.IGNORECASE,
)
# Parties known to print a bare heading, as in "PVV" followed by "De leden van de PVV-fractie …"
KNOWN_PARTIES = (
    "VVD", "D66", "PVV", "CDA", "SP", "PvdA", "GroenLinks", "GL-PvdA", "GroenLinks-PvdA",
    "ChristenUnie", "SGP", "PvdD", "Partij voor de Dieren", "DENK", "FvD", "JA21", "Volt",
    "BBB", "NSC", "50PLUS", "BIJ1", "Groep Van Haga", "Fractie Den Haan",
)  # fmt: skip
# "PvdA- en GroenLinks", "GroenLinks en PvdA", "VVD-fractie en de leden van de CDA"
_JOINT_SPLIT_RE = re.compile(r"-?(?:fractie)?\s+en\s+(?:de leden van\s+)?(?:de\s+)?")
# "Antwoord", "Antwoord   " (trailing spaces), "Antwoord:", "Reactie van de staatssecretaris";
# never "II Antwoord / Reactie …" (the part heading of the older layout).
_ANSWER_RE = re.compile(
    r"^(?:Antwoord|Reactie)(?: van (?:het kabinet|de regering|de minister|de staatssecretaris)"
    r"(?: van [\w ,]+)?)?\s*:?$",
    re.IGNORECASE,
)
# "II Antwoord / Reactie van de staatssecretaris": the separate answer part of the older layout.
_ANSWER_PART_RE = re.compile(r"^II\.?\s+(?:Antwoord|Reactie)\b(?!.*\s\d+$)")
_END_PUNCT = ".?!,;:"
_FUNCTION_WORDS = frozenset({
    "de", "het", "een", "van", "en", "op", "te", "in", "die", "dat", "met", "voor", "om",
    "aan", "naar", "bij", "tot", "over", "door", "als", "of", "is", "zijn", "wordt", "worden",
    "er", "ook", "niet", "dan", "zo", "tussen", "tegen", "onder", "binnen", "buiten", "zonder",
    "na", "sinds", "tijdens", "waar", "wat", "hoe", "dit", "deze", "hun", "haar", "ons",
    "onze", "uw",
})  # fmt: skip


@dataclass(frozen=True)
class SectionHead:
    fractie: str
    parties: tuple[str, ...]
    singular: bool


def parse_section_heading(text: str, next_text: str, known: Iterable[str]) -> SectionHead | None:
    """The fractie a heading line introduces, or None when it is not a fractie heading.

    A heading starts with a capital; "de leden van de D66-fractie" on a line of its own is the
    end of a wrapped sentence ("… verwijst naar de beantwoording van" / "de leden van de …")."""
    if not text.strip()[:1].isupper():
        return None
    m = _SECTION_RE.match(text.strip()) or _JOINT_RE.match(text.strip())
    if m:
        parties = split_fractie_name(m.group("name"))
        return SectionHead(
            " en ".join(parties), parties, (m.group("who") or "").lower() == "het lid"
        )
    bare = text.strip()
    # "PVV" on its own, then "De leden van de PVV-fractie zijn pertinent tegen …"
    # (a known party, or one named in the table of contents)
    if bare in set(known) and f"{bare}-fractie" in next_text:
        return SectionHead(bare, (bare,), "het lid van" in next_text.lower()[:60])
    return None


def split_fractie_name(name: str) -> tuple[str, ...]:
    """ "PvdA en GroenLinks" -> ("PvdA", "GroenLinks")."""
    return tuple(p.strip() for p in _JOINT_SPLIT_RE.split(name) if p.strip())


def is_answer_marker(text: str) -> bool:
    return bool(_ANSWER_RE.match(text.strip()))


def is_answer_part(text: str) -> bool:
    return bool(_ANSWER_PART_RE.match(text.strip()))


def topic_span(units: Sequence[Unit], i: int) -> int:
    """How many units (0, 1 or 2) from `i` form a topic subheading in line-based text.

    A subheading starts a paragraph, has no final punctuation, names no fractie, and opens a
    question block (the text after it asks or names a fractie). It is either followed by a blank
    line, or directly by a longer line of text ("Frontex" / "De leden van de PvdA- en
    GroenLinks-fractie hebben kennisgenomen …"), or wraps over two lines ("Verordening over het
    aanpakken van situaties van instrumentalisering op het gebied van migratie" / "en asiel").
    An answer's first line ("Het kabinet monitort de situatie daarom nauwgezet – onder meer via
    het Europese" / "Blueprint-netwerk, …") is about as long as the next and asks nothing.
    """
    u = units[i]
    nxt = units[i + 1] if i + 1 < len(units) else None
    if nxt is None or len(u.text) > 100 or not _could_start_heading(units, i):
        return 0
    if nxt.gap_before or (_starts_sentence(nxt.text) and len(u.text) < len(nxt.text)):
        return 1 if _question_follows(units, i + 1) else 0
    after = units[i + 2] if i + 2 < len(units) else None
    if (
        nxt.text[:1].islower()
        and len(nxt.text) <= 50
        and _no_end_punct(nxt.text)
        and after is not None
        and (after.gap_before or _starts_sentence(after.text))
        and _question_follows(units, i + 2)
    ):
        return 2
    return 0


def paragraph_topic(units: Sequence[Unit], i: int) -> int:
    """1 when a paragraph of a paragraph-based format (docx, XML) is a subheading set as plain
    text: short, no final punctuation, and followed by a question paragraph ("Frontex" /
    "De leden van de PvdA- en GroenLinks-fractie hebben kennisgenomen …")."""
    u = units[i]
    if len(u.text) > 100 or i + 1 >= len(units) or not _could_start_heading(units, i):
        return 0
    return 1 if _question_follows(units, i + 1, same_paragraph=False) else 0


def _could_start_heading(units: Sequence[Unit], i: int) -> bool:
    u = units[i]
    text = u.text
    if not text[:1].isupper() and not text[:1].isdigit():
        return False
    if not _no_end_punct(text) or "?" in text or is_answer_marker(text):
        return False
    # Question text names the fractie; a subheading never does.
    if re.search(r"fractie|\bleden\b|\blid\b", text, re.IGNORECASE):
        return False
    # A subheading does not end in a function word, a wrapped sentence often does ("… van de").
    if text.split()[-1].lower() in _FUNCTION_WORDS:
        return False
    if i > 0 and is_answer_marker(units[i - 1].text):
        return False  # the answer text itself follows "Antwoord"
    if i == 0 or u.gap_before:
        return True
    prev = units[i - 1].text
    # Right after a fractie heading ("Vragen en opmerkingen van de leden van de D66-fractie" /
    # "Ministeriële bijeenkomsten …") or after a finished sentence.
    return bool(_SECTION_RE.match(prev)) or prev.rstrip()[-1:] in ".?!:"


def _question_follows(units: Sequence[Unit], j: int, same_paragraph: bool = True) -> bool:
    texts = [units[j].text]
    for u in units[j + 1 : j + 12] if same_paragraph else ():
        if u.gap_before:
            break
        texts.append(u.text)
    return bool(re.search(r"\?|fractie|\bleden\b|\blid\b", " ".join(texts)))


def _no_end_punct(text: str) -> bool:
    return text.rstrip()[-1:] not in _END_PUNCT


def _starts_sentence(text: str) -> bool:
    return text[:1].isupper() or text[:1] in "“\"‘'"
