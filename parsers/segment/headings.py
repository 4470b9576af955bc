"""Which units are fractie headings, topic subheadings, "Antwoord" markers or part headings."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from parsers import lexicon as ph
from parsers.lexicon import fracties as fx
from parsers.segment.units import Unit, join_lines

KNOWN_PARTIES = ph.KNOWN_PARTIES
_END_PUNCT = ".?!,;:"
_FUNCTION_WORDS = frozenset({
    "de", "het", "een", "van", "en", "op", "te", "in", "die", "dat", "met", "voor", "om",
    "aan", "naar", "bij", "tot", "over", "door", "als", "of", "is", "zijn", "wordt", "worden",
    "er", "ook", "niet", "dan", "zo", "tussen", "tegen", "onder", "binnen", "buiten", "zonder",
    "na", "sinds", "tijdens", "waar", "wat", "hoe", "dit", "deze", "hun", "haar", "ons",
    "onze", "uw",
})  # fmt: skip


_NONE_KNOWN: frozenset[str] = frozenset()


@dataclass(frozen=True)
class SectionHead:
    fractie: str
    parties: tuple[str, ...]
    singular: bool


def parse_section_heading(text: str, next_text: str, known: Iterable[str]) -> SectionHead | None:
    """The fractie a heading line introduces, or None when it is not a fractie heading.

    A heading starts with a capital (or a number); "de leden van de D66-fractie" on a line of its
    own is the end of a wrapped sentence ("… verwijst naar de beantwoording van" / "de leden …").
    Steps: drop the numbering ("1. "), the inline-answer suffix (" en reactie van de
    bewindspersoon") and the lead ("Vragen en opmerkingen van "), then read who asks and the name.
    """
    raw = text.strip()
    if not raw[:1].isupper() and not raw[:1].isdigit() and raw[:1] not in "•·–-":
        return None
    known_set = known if isinstance(known, frozenset) else frozenset(known)
    low = raw.lower()
    if "fractie" not in low and raw not in known_set and not _may_lead(low):
        return None  # the fast way out for the thousands of body lines
    number = ph.HEADING_NUMBER_RE.match(raw)
    core = raw[number.end() :] if number else raw
    lead = fx.SECTION_LEAD_RE.match(core)
    if lead is None and raw not in known_set and "fractie" not in low:
        return None
    if ph.QUESTION_PART_RE.match(raw):  # "Vragen en opmerkingen vanuit de fractie en reactie …"
        return None
    if _may_have_suffix(low):
        core = ph.SECTION_SUFFIX_RE.sub("", core)
    core = core.rstrip(" :")
    lead = fx.SECTION_LEAD_RE.match(core)
    rest = core[lead.end() :] if lead else core
    who = ph.SECTION_WHO_RE.match(rest)
    singular = bool(who and who.group("who").lower() == "het lid")
    rest = rest[who.end() :] if who else rest
    name = _explicit_name(rest)
    if name is None and lead is not None:
        sloppy = ph.SECTION_SLOPPY_RE.match(rest)
        name = sloppy.group("name") if sloppy and sloppy.group("name") in known_set else None
    if name is None and lead is None and who is None and raw in known_set:
        # "PVV" on its own, then "De leden van de PVV-fractie zijn pertinent tegen …"
        if f"{raw}-fractie" in next_text:
            return SectionHead(raw, (raw,), "het lid van" in next_text.lower()[:60])
        return None
    if name is None or (lead is None and who is None and len(name.split()) > 4):
        return None
    parties = split_fractie_name(name)
    return SectionHead(" en ".join(parties), parties, singular) if parties else None


def _may_lead(low: str) -> bool:
    """Could `SECTION_LEAD_RE` match in this lowercased line? Each of its leads holds one of
    `LEAD_GATE_WORDS` ("vragen": "Vragen en opmerkingen van", "Reactie op de vragen van";
    "nbreng": "Inbreng van", since "İnbreng" lowercases to "i̇nbreng"); a substring test is
    cheaper than the pattern."""
    return any(word in low for word in fx.LEAD_GATE_WORDS)


def _may_have_suffix(low: str) -> bool:
    """Could `SECTION_SUFFIX_RE` ("… en reactie van de bewindspersoon", "… en antwoorden van
    het kabinet") match in this lowercased line? The pattern is searched at every position;
    the line of a question paragraph holds neither word ("react": "İ" lowercases to two)."""
    return "react" in low or "antwoord" in low


def _may_end_in_fractie(rest: str) -> bool:
    """Could `SECTION_NAME_FRACTIE_RE` match? It ends in "fractie" (and a colon): a sentence
    that only names a fractie ("VVD-fractie hebben kennisgenomen van …") does not."""
    return "fract" in rest[-9:].lower()


def _explicit_name(rest: str) -> str | None:
    """ "fractie van de VVD" -> "VVD"; "GroenLinks- en PvdA-fractie" -> "GroenLinks- en PvdA"."""
    m = ph.SECTION_FRACTIE_OF_RE.match(rest) or (
        ph.SECTION_NAME_FRACTIE_RE.match(rest) if _may_end_in_fractie(rest) else None
    )
    if m is None:
        return None
    name = m.group("name").strip()
    if not name or len(name) > 60 or name.lower().startswith(("fracties", "fractie")):
        return None
    return name


def split_fractie_name(name: str) -> tuple[str, ...]:
    """ "PvdA en GroenLinks" -> ("PvdA", "GroenLinks")."""
    return tuple(p.strip(" ,") for p in ph.JOINT_SPLIT_RE.split(name) if p.strip(" ,"))


def is_answer_marker(text: str) -> bool:
    return bool(ph.ANSWER_RE.match(text.strip()))


def is_answer_part(text: str) -> bool:
    return bool(ph.ANSWER_PART_RE.match(text.strip()))


def is_question_part(text: str) -> bool:
    return bool(ph.QUESTION_PART_RE.match(text.strip()))


def is_other_part(text: str) -> bool:
    return bool(ph.OTHER_PART_RE.match(text.strip()))


def topic_name(units: Sequence[Unit]) -> str:
    """A topic subheading as printed, numbering included ("8. Asiel en migratie", as the gold
    annotation of the example keeps it)."""
    return join_lines([u.text for u in units])


def speaker(text: str) -> str | None:
    """The fractie a paragraph says is speaking ("De leden van de VVD-fractie vragen …")."""
    m = ph.SPEAKER_RE.match(text)
    if m is None:
        return None
    name = m.group("name") or m.group("joint") or ""
    parties = split_fractie_name(name)
    # a name, not a clause: each party short ("CDA, PVV, SP, PvdA, GroenLinks, ChristenUnie, SGP
    # en 50PLUS", kst-33506-AB, is eight short names)
    return " en ".join(parties) if parties and all(len(p) <= 30 for p in parties) else None


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
    if not _no_end_punct(text) or "?" in text:
        return False
    # A subheading does not end in a function word, a wrapped sentence often does ("… van de").
    if text.rsplit(None, 1)[-1].lower() in _FUNCTION_WORDS or ph.ANSWER_RE.match(text):
        return False
    if i > 0 and ph.ANSWER_RE.match(units[i - 1].text):
        return False  # the answer text itself follows "Antwoord"
    if i > 0 and not u.gap_before and not _heading_may_follow(units[i - 1].text):
        return False
    # Question text names the fractie; a subheading never does (the costliest test: last)
    return not (_may_name_members(text) and ph.MEMBERS_RE.search(text))


def _heading_may_follow(prev: str) -> bool:
    """Without a blank line, a subheading comes right after a finished sentence, a fractie
    heading ("Vragen en opmerkingen van de leden van de D66-fractie" / "Ministeriële
    bijeenkomsten …") or a part heading ("I Vragen en opmerkingen vanuit de fracties" /
    "1. Inleiding", 2019D23340)."""
    if prev[-1:] in ".?!:" or ph.QUESTION_PART_RE.match(prev) or ph.OTHER_PART_RE.match(prev):
        return True
    return parse_section_heading(prev, "", _NONE_KNOWN) is not None


def _may_name_members(text: str) -> bool:
    """Could `MEMBERS_RE` match? Substring tests, cheaper than the pattern. Under IGNORECASE an
    "i" also matches "İ" (which lowercases to "i" + U+0307) and "ı": a text with those goes to
    the pattern."""
    low = text.lower()
    return "fractie" in low or "leden" in low or "lid" in low or "\u0307" in low or "\u0131" in low


def _question_follows(units: Sequence[Unit], j: int, same_paragraph: bool = True) -> bool:
    texts = [units[j].text]
    for u in units[j + 1 : j + 12] if same_paragraph else ():
        if u.gap_before:
            break
        texts.append(u.text)
    return bool(ph.ASKS_RE.search(" ".join(texts)))


def _no_end_punct(text: str) -> bool:
    return text.rstrip()[-1:] not in _END_PUNCT


def _starts_sentence(text: str) -> bool:
    return text[:1].isupper() or text[:1] in "“\"‘'"
