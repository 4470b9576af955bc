"""The questions-only layout's pairing step (an inbreng: no "Antwoord" at all): every paragraph
is a question block with no answer. The separate-answer layout pairs its question part with it.

Where no fractie heading is in force (reports organised by topic), a paragraph that names its
speaker ("De leden van de VVD-fractie vragen …") opens a question block of that fractie under the
current topic; a paragraph with no speaker and no fractie in force is unassigned.
"""

from collections.abc import Sequence

from parsers.segment.events import PARA, PART, SECTION, TOPIC, Event
from parsers.segment.headings import speaker, topic_name
from parsers.segment.paired import Draft, Paired
from parsers.segment.units import Unit


def pair_questions_only(events: Sequence[Event]) -> Paired:
    drafts: list[Draft] = []
    orphans: list[Unit] = []
    fractie: str | None = None
    topic: str | None = None
    by_heading = False
    for ev in events:
        if ev.kind == SECTION and ev.head:
            fractie, topic, by_heading = ev.head.fractie, None, True
        elif ev.kind == TOPIC:
            topic = topic_name(ev.units)
            fractie = fractie if by_heading else None
        elif ev.kind == PARA and not by_heading and (who := speaker(ev.units[0].text)):
            fractie = who
            drafts.append(Draft(fractie, topic, list(ev.units)))
        elif ev.kind in (PARA, PART) and fractie is None:
            orphans.extend(ev.units)
        elif ev.kind in (PARA, PART) and fractie is not None:
            drafts.append(Draft(fractie, topic, list(ev.units)))
    return Paired(tuple(drafts), tuple(orphans))


def always(events: Sequence[Event]) -> bool:
    """The last layout of the table: any body that no other layout claims."""
    return True
