"""The layouts a report comes in, as one table: the only place the segmenter chooses one.

Each entry is a name (the `layout` of the output), a test on the body's events and the pairing
step, which gives one shape (`paired.Paired`) whichever layout it is. The first entry whose test
holds is the layout, detected once; the last one holds for any body. Adding a layout is one entry
here and the module with its test and its pairing step.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from parsers.segment.answer_part import has_answer_part, pair_answer_part
from parsers.segment.events import Event
from parsers.segment.interleaved import has_answer_markers, pair_interleaved
from parsers.segment.letter import is_letter
from parsers.segment.paired import Paired
from parsers.segment.questions_only import always, pair_questions_only


@dataclass(frozen=True)
class Layout:
    name: str
    detect: Callable[[Sequence[Event]], bool]
    pair: Callable[[Sequence[Event]], Paired]


def pair_as_parts(events: Sequence[Event]) -> Paired:
    """A letter pairs by the first other layout its events have (its answer letter is an
    answer part; a letter without answers is questions only)."""
    others = tuple(layout for layout in LAYOUTS if layout.name != LETTER_NAME)
    return detect_layout(events, others).pair(events)


LETTER_NAME = "letter"

# In the order they are tried: a letter first (its answer letter is also an answer part), then
# a separate answer part ("II Antwoord / Reactie …"), then "Antwoord" markers; else questions.
LAYOUTS: tuple[Layout, ...] = (
    Layout(LETTER_NAME, is_letter, pair_as_parts),
    Layout("separate_part", has_answer_part, pair_answer_part),
    Layout("interleaved", has_answer_markers, pair_interleaved),
    Layout("questions_only", always, pair_questions_only),
)


def detect_layout(events: Sequence[Event], table: Sequence[Layout] | None = None) -> Layout:
    """The first layout of `table` (the module's `LAYOUTS`) whose test holds for the events."""
    for layout in LAYOUTS if table is None else table:
        if layout.detect(events):
            return layout
    raise ValueError("no layout holds: the last entry of a table must hold for any body")
