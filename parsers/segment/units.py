"""Body units: the non-blank PARAGRAPH/HEADING blocks, with the paragraph breaks between them.

For line-based input (PDF text) a unit is a line and a paragraph break must be inferred:
- a blank line holding a space (" ") separates paragraphs;
- a page break (a run of empty lines) or a footnote zone does not, because pages end
  mid-sentence ("…gelijkgestemde" / page break / "landen in Noordwest-Europa…"), unless the
  text before it ends a sentence and the text after it starts one ("…geïnformeerd worden." /
  page break / "De Schengengrenscode …").
For paragraph-based input (docx, XML, HTML) every block is a paragraph of its own.
"""

import bisect
import itertools
import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from parsers.blocks import Block, BlockKind

LINE_FORMATS = frozenset({"txt", "pdf"})
_SENTENCE_END_RE = re.compile(r"[.?!][\"”’')]?\d{0,3}$")  # "uitgebracht.20": a marker may follow


class Unit(NamedTuple):
    """A NamedTuple for the reason `Block` is one: one per body line."""

    text: str  # trimmed
    line: int
    gap_before: bool  # a paragraph break precedes this unit
    heading: bool = False  # the reader knew it was a heading (docx style, XML kop)
    level: int | None = None
    pos: int = 0  # index in the unit list: the key for per-unit data (lines may repeat)


def build_units(blocks: Sequence[Block], line_based: bool) -> list[Unit]:
    """Units in order; FOOTNOTE, FURNITURE and BLANK blocks only inform `gap_before`."""
    units: list[Unit] = []
    gap: list[Block] = []
    heading, paragraph = BlockKind.HEADING, BlockKind.PARAGRAPH
    prev = ""  # the previous unit's text
    for block in blocks:
        kind = block.kind
        text = block.text.strip() if kind is paragraph or kind is heading else ""
        if not text:
            gap.append(block)
            continue
        # most lines follow the one before directly: no gap to look at
        brk = True if not line_based or not units else bool(gap) and _is_break(gap, prev, text)
        units.append(Unit(text, block.line, brk, kind is heading, block.level, len(units)))
        gap, prev = [], text
    return units


def _is_break(gap: list[Block], before: str, after: str) -> bool:
    """For a gap that is not empty (`build_units` skips the rest)."""
    soft = any(
        b.kind in (BlockKind.FOOTNOTE, BlockKind.FURNITURE)
        or (b.kind is BlockKind.BLANK and b.page_break)
        for b in gap
    )
    if soft:
        return sentence_boundary(before, after)
    return any(b.kind in (BlockKind.BLANK, BlockKind.PARAGRAPH) for b in gap)


def sentence_boundary(before: str, after: str) -> bool:
    """Does a sentence end with line `before` and a new one start with `after`
    ("…geïnformeerd worden." / "De Schengengrenscode …")?"""
    return bool(_SENTENCE_END_RE.search(before)) and after[:1].isupper()


def join_lines(lines: Sequence[str]) -> str:
    """Trim each line and join with one space; "EU-" + "lidstaten" joins without a space.

    Runs of whitespace inside a line become one space. The lines are joined at once and only
    the hyphen ends are looked at (flat lines hold no newline). When the lines joined with one
    space are flat, every line is flat and none is empty: one look instead of one per line.
    """
    if _is_flat(" ".join(lines)):
        return join_flat(lines)
    return join_flat([line for line in map(flatten, lines) if line])


def join_flat(lines: Sequence[str]) -> str:
    """`join_lines` for lines that are flat and not empty already (see `flatten`)."""
    text = "\n".join(lines)
    if "-\n" in text:
        pieces = text.split("-\n")
        out = [pieces[0]]
        for before, piece in zip(pieces, pieces[1:], strict=False):
            # a non-space before the hyphen glues ("EU-"); a lone "-" or " -" does not
            out.append(("-" if before[-1:] not in ("", " ", "\n") else "-\n") + piece)
        text = "".join(out)
    return text.replace("\n", " ")


def _is_flat(text: str) -> bool:
    """No whitespace but single spaces, none at either end."""
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def flatten(text: str) -> str:
    """`" ".join(text.split())`: runs of whitespace as one space, trimmed. Text that is flat
    already (the space is the only whitespace character that `isprintable` allows) comes back
    as it is, without the cost of splitting it."""
    if _is_flat(text):
        return text
    return " ".join(text.split())


def flatten_all(texts: Sequence[str]) -> list[str]:
    """`flatten` of each text, for texts that are stripped and not empty (unit texts). Most are
    flat already; one look at them joined finds the few that are not ("32317-790       JBZ-Raad
    op 8 en 9 december 2022"), without a call per text. Joined with one space, a run of two
    lies inside one text, and `isprintable` is false for every whitespace but the space."""
    if not " ".join(texts).isprintable():
        return [flatten(t) for t in texts]
    out = list(texts)
    for idx in indices_holding(texts, ("  ",)):
        out[idx] = flatten(texts[idx])
    return out


def indices_holding(texts: Sequence[str], needles: Iterable[str]) -> list[int]:
    """Indices of the texts that hold one of `needles` (none holds a newline), in order. One
    `str.find` per hit on the texts joined, resumed after the hit's text: most texts hold
    none, and this is several times faster than a search per text or a regex that tries
    every position."""
    joined = "\n".join(texts)
    starts = list(itertools.accumulate((len(t) + 1 for t in texts), initial=0))
    found: set[int] = set()
    for needle in needles:
        pos = joined.find(needle)
        while pos != -1:
            idx = bisect.bisect_right(starts, pos) - 1
            found.add(idx)
            pos = joined.find(needle, starts[idx + 1])
    return sorted(found)
