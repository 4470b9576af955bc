"""The body as a stream of events: fractie heading, topic subheading, "Antwoord", answer part,
question part, a part that is neither (with its text), letter headings, paragraph. Built once,
consumed by the layouts' pairing steps (`parsers.segment.layouts`)."""

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from parsers import lexicon as ph
from parsers.segment.headings import (
    SectionHead,
    paragraph_topic,
    parse_section_heading,
    speaker,
    topic_span,
)
from parsers.segment.units import Unit, sentence_boundary

SECTION, TOPIC, ANSWER, PART, PARA = "section", "topic", "answer", "part", "para"
QPART, OTHER, LETTER = "question_part", "other_part", "letter"
HEADINGS = frozenset({SECTION, TOPIC, ANSWER, PART, QPART, OTHER, LETTER})


class Event(NamedTuple):
    """A NamedTuple for the reason `Block` is one (hundreds per report)."""

    kind: str  # SECTION | TOPIC | ANSWER | PART | PARA
    units: tuple[Unit, ...]
    head: SectionHead | None = None


# The marker and part patterns `_heading` tries in turn, as one pattern: most lines match none
# of them, and one failed match costs less than seven. Built from the patterns themselves, so a
# wording added in `phrases` is in it; each is case-insensitive (tests/test_parser_core_layouts).
MARKER_PATTERNS = (
    ph.ANSWER_RE, ph.ANSWER_PART_RE, ph.ANSWER_LETTER_RE, ph.LETTER_LINE_RE,
    ph.QUESTION_PART_RE, ph.LETTER_RE, ph.OTHER_PART_RE,
)  # fmt: skip
ANY_MARKER_RE = re.compile("|".join(f"(?:{rx.pattern})" for rx in MARKER_PATTERNS), re.I)


def _heading_allowed(u: Unit) -> bool:
    return len(u.text) <= 120


def build_events(units: Sequence[Unit], known: Iterable[str], line_based: bool) -> list[Event]:
    """Classify body units (starting at the first fractie heading) and group paragraphs."""
    known_set = frozenset(known)
    # (kind, units, head) while building: paragraphs grow in place, Events are made once
    drafts: list[tuple[str, list[Unit], SectionHead | None]] = []
    sectioned = False  # a fractie heading has been seen
    i = 0
    while i < len(units):
        u = units[i]
        last = drafts[-1][0] if drafts else None
        # a continuation line (lowercase) is never a heading or a marker
        head = None if u.text[:1].islower() else _heading(units, i, known_set, line_based, last)
        if head is not None:
            drafts.append((head.kind, list(head.units), head.head))
            sectioned = sectioned or head.kind == SECTION
            i += len(head.units)
            continue
        if last == OTHER or (
            last == PARA and not u.gap_before and (sectioned or not _new_speaker(units, i))
        ):
            drafts[-1][1].append(u)
        else:
            drafts.append((PARA, [u], None))
        i += 1
    return [Event(kind, tuple(us), head) for kind, us, head in drafts]


def _heading(
    units: Sequence[Unit], i: int, known: frozenset[str], line_based: bool, last: str | None
) -> Event | None:
    """The heading or marker that starts at unit `i` (with the units it spans), or None;
    `last` is the kind of the event before it."""
    u = units[i]
    text = u.text  # stripped: the phrase patterns apply as they are
    nxt = units[i + 1].text if i + 1 < len(units) else ""
    head = parse_section_heading(text, nxt, known) if _heading_allowed(u) else None
    if head:
        return Event(SECTION, (u,), head)
    marker = _marker(units, i) if ANY_MARKER_RE.match(text) else None
    if marker is not None:
        return marker
    if last == OTHER:
        return None  # the agenda part's list runs on to the next part heading
    span = _topic(units, i, line_based)
    return Event(TOPIC, tuple(units[i : i + span])) if span > 0 else None


def _marker(units: Sequence[Unit], i: int) -> Event | None:
    """The "Antwoord" marker, part heading or letter line at unit `i`, or None."""
    u = units[i]
    text = u.text
    if ph.ANSWER_RE.match(text):
        return Event(ANSWER, (u,))
    if ph.ANSWER_PART_RE.match(text) or ph.ANSWER_LETTER_RE.match(text):
        return Event(PART, (u,))
    if ph.LETTER_LINE_RE.match(text):
        return Event(LETTER, tuple(units[i : i + _letter_span(units, i)]))
    if ph.QUESTION_PART_RE.match(text):
        return Event(QPART, (u,))
    if ph.LETTER_RE.match(text):
        return Event(LETTER, (u,))
    if ph.OTHER_PART_RE.match(text):
        return Event(OTHER, (u,))
    return None


def _letter_span(units: Sequence[Unit], i: int) -> int:
    """A letter's signature line ("Hoogachtend," / "De voorzitter van de vaste commissie voor
    Binnenlandse Zaken,") takes the name on the next line with it ("Dittrich")."""
    nxt = units[i + 1].text if i + 1 < len(units) else ""
    short_name = 0 < len(nxt) <= 40 and nxt[-1:] not in ".?!:" and not ph.LETTER_LINE_RE.match(nxt)
    return 2 if units[i].text.endswith(",") and short_name else 1


def _new_speaker(units: Sequence[Unit], i: int) -> bool:
    """Line-based text without blank lines, where no fractie heading is in force yet: a
    sentence ends and the next line names a new speaker ("… hebben hierover nog enkele vragen
    en opmerkingen." / "De leden van de CDA-fractie hebben met belangstelling …", 2019D34326):
    a new paragraph."""
    return (
        i > 0
        and sentence_boundary(units[i - 1].text, units[i].text)
        and bool(speaker(units[i].text))
    )


def _topic(units: Sequence[Unit], i: int, line_based: bool) -> int:
    if units[i].heading:
        return 1
    return topic_span(units, i) if line_based else paragraph_topic(units, i)
