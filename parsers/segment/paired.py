"""What every layout's pairing step gives: question blocks with their answers (`Draft`s), and
the text it could not place, in one shape (`Paired`) whichever layout paired them."""

from dataclasses import dataclass, field

from parsers.model import ParseIssue
from parsers.segment.units import Unit


@dataclass
class Draft:
    """A question block and its answer while pairing (the separate-answer layout fills in the
    answer after the question: mutable); `build.build_pairs` makes the `Pair`s."""

    fractie: str
    topic: str | None
    question: list[Unit] = field(default_factory=list)
    answer: list[Unit] | None = None
    answer_line: int | None = None


@dataclass(frozen=True)
class Paired:
    """One layout's pairing of a report's events."""

    drafts: tuple[Draft, ...]
    orphans: tuple[Unit, ...]  # text no question block holds: unassigned
    repeated: tuple[Unit, ...] = ()  # questions repeated in an answer part (headings bucket)
    issues: tuple[ParseIssue, ...] = ()
