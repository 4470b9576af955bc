"""The body as a stream of events: fractie heading, topic subheading, "Antwoord", answer part,
paragraph. Built once, consumed by the pairing rules in `parsers.segment.pairs`."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from parsers.segment.headings import (
    SectionHead,
    is_answer_marker,
    is_answer_part,
    paragraph_topic,
    parse_section_heading,
    topic_span,
)
from parsers.segment.units import Unit

SECTION, TOPIC, ANSWER, PART, PARA = "section", "topic", "answer", "part", "para"


@dataclass(frozen=True)
class Event:
    kind: str  # SECTION | TOPIC | ANSWER | PART | PARA
    units: tuple[Unit, ...]
    head: SectionHead | None = None


def find_first_section(units: Sequence[Unit], known: Iterable[str]) -> int | None:
    """The first fractie heading of the body. A table of contents without page numbers lists
    the headings one after another; a body heading is followed by text, not by another heading
    ("Vragen en opmerkingen van de leden van de VVD-fractie" / "… D66-fractie" is the TOC)."""
    known_set = tuple(known)
    for i, u in enumerate(units):
        nxt = units[i + 1].text if i + 1 < len(units) else ""
        if not (_heading_allowed(u) and parse_section_heading(u.text, nxt, known_set)):
            continue
        after = units[i + 2].text if i + 2 < len(units) else ""
        if nxt and not parse_section_heading(nxt, after, known_set) and not is_answer_part(nxt):
            return i
    return None


def _heading_allowed(u: Unit) -> bool:
    return len(u.text) <= 120


def build_events(units: Sequence[Unit], known: Iterable[str], line_based: bool) -> list[Event]:
    """Classify body units (starting at the first fractie heading) and group paragraphs."""
    known_set = tuple(known)
    events: list[Event] = []
    i = 0
    while i < len(units):
        u = units[i]
        nxt = units[i + 1].text if i + 1 < len(units) else ""
        head = parse_section_heading(u.text, nxt, known_set) if _heading_allowed(u) else None
        if head:
            events.append(Event(SECTION, (u,), head))
        elif is_answer_marker(u.text):
            events.append(Event(ANSWER, (u,)))
        elif is_answer_part(u.text):
            events.append(Event(PART, (u,)))
        elif (span := _topic(units, i, line_based)) > 0:
            events.append(Event(TOPIC, tuple(units[i : i + span])))
            i += span
            continue
        elif events and events[-1].kind == PARA and not u.gap_before:
            events[-1] = Event(PARA, (*events[-1].units, u))
        else:
            events.append(Event(PARA, (u,)))
        i += 1
    return events


def _topic(units: Sequence[Unit], i: int, line_based: bool) -> int:
    if units[i].heading:
        return 1
    return topic_span(units, i) if line_based else paragraph_topic(units, i)
