"""The paragraph layout of a report's PDF text, for the docx, KOOP XML and HTML builders.

PDF text has one line per block; Word, KOOP XML and HTML have whole paragraphs. The lines are
grouped back into paragraphs the way the report was written:
- a blank line holding a space ends a paragraph;
- a page break or a footnote zone ends one only when the text before it ends a sentence and the
  text after it starts one ("…gelijkgestemde" / page break / "landen …" stays one paragraph);
- headings, the "Antwoord" marker and, in the front matter, bullets ("• Geannoteerde agenda …"),
  table-of-contents entries ("… VVD-fractie    2") and indented signature lines ("  Van Meenen")
  are paragraphs of their own.
Footnote texts are collected apart, and each marker ("Brekelmans1") becomes a footnote reference.
"""

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from parsers.blocks import Block, BlockKind
from parsers.readers.text import read_text  # it tells footnote zones from body text
from parsers.segment.units import join_lines  # the same joining as the segmenter's

# "Vragen en opmerkingen van de leden van de VVD-fractie" / "… van het lid van de BBB-fractie";
# "I Vragen en opmerkingen vanuit de fracties" is the part heading above them.
FRACTIE_HEADING = re.compile(r"^\s*Vragen en opmerkingen van (de leden|het lid) van de \S.*\S\s*$")
PART_HEADING = re.compile(r"^\s*I+ +Vragen en opmerkingen vanuit de fracties\s*$")
ANSWER_MARKER = re.compile(r"^\s*Antwoord\s*$")
TOC_ENTRY = re.compile(r"\S\s{2,}\d+\s*$")
SENTENCE_END = re.compile(r"[.?!:][\"”’')]?$")


@dataclass(frozen=True)
class Item:
    kind: str  # "para" or "heading"
    pieces: tuple[str | int, ...]  # text, and footnote ids (1-based index into Layout.notes)
    level: int | None = None
    first_line: int = 0

    @property
    def text(self) -> str:
        return "".join(p for p in self.pieces if isinstance(p, str))


@dataclass(frozen=True)
class Layout:
    items: tuple[Item, ...]
    notes: tuple[tuple[int, str], ...]  # (printed number, text); footnote id i is notes[i - 1]


@dataclass
class _Para:
    lines: list[tuple[int, str]]
    heading: bool
    own: bool
    level: int | None = None


def lay_out(text: str, heading_lines: Collection[int] = ()) -> Layout:
    blocks = read_text(text.replace("\r\n", "\n"))
    notes = _group_notes(blocks)
    paras = _group_paragraphs(blocks, set(heading_lines))
    items = [
        Item(
            "heading" if p.heading else "para",
            # A lone line keeps its inner spacing ("VVD-fractie    2" in the contents).
            (p.lines[0][1].strip() if len(p.lines) == 1 else join_lines([t for _, t in p.lines]),),
            p.level,
            p.lines[0][0],
        )
        for p in paras
    ]
    return Layout(tuple(_place_markers(items, notes)), tuple((n, t) for n, _, t in notes))


def _heading_level(line: int, text: str, heading_lines: set[int]) -> int | None:
    if PART_HEADING.match(text):
        return 1
    if FRACTIE_HEADING.match(text):
        return 2
    return 3 if line in heading_lines else None


def _group_paragraphs(blocks: Sequence[Block], heading_lines: set[int]) -> list[_Para]:
    paras: list[_Para] = []
    soft_gap = hard_gap = False
    in_front = True
    for block in blocks:
        text = block.text
        if block.kind in (BlockKind.FOOTNOTE, BlockKind.FURNITURE) or text == "":
            soft_gap = True  # footnote zone, URL debris, page break: truly empty lines
            continue
        if block.kind is BlockKind.BLANK or not text.strip():
            hard_gap = True  # "Paragraph separators are lines holding a single space"
            continue
        level = None if TOC_ENTRY.search(text) else _heading_level(block.line, text, heading_lines)
        in_front = in_front and level is None
        own = level is not None or bool(ANSWER_MARKER.match(text)) or _front_own(in_front, text)
        starts = in_front and text.lstrip().startswith("•")
        prev = paras[-1] if paras else None
        hard_gap = hard_gap and not soft_gap  # a footnote zone or page break in the gap decides
        if prev and not starts and _continues(prev, level, own, hard_gap, soft_gap, text):
            prev.lines.append((block.line, text))
        else:
            paras.append(_Para([(block.line, text)], level is not None, own, level))
        soft_gap = hard_gap = False
    return paras


def _front_own(in_front: bool, text: str) -> bool:
    return bool(TOC_ENTRY.search(text)) or (in_front and text.startswith("  "))


def _continues(
    prev: _Para, level: int | None, own: bool, hard_gap: bool, soft_gap: bool, text: str
) -> bool:
    if hard_gap:
        return False
    if level is not None or prev.heading:  # a topic heading may wrap over two lines
        return level == 3 and prev.level == 3 and not soft_gap
    if own or prev.own:
        return False
    if soft_gap:
        ends = bool(SENTENCE_END.search(prev.lines[-1][1].rstrip()))
        return not (ends and text.strip()[:1].isupper())
    return True


def _group_notes(blocks: Sequence[Block]) -> list[tuple[int, int, str]]:
    """(n, first line, text) per footnote; continuation lines joined like body text."""
    notes: list[tuple[int, int, str]] = []
    for block in blocks:
        if block.kind is not BlockKind.FOOTNOTE or block.footnote_n is None:
            continue
        if notes and notes[-1][0] == block.footnote_n:
            n, line, text = notes[-1]
            notes[-1] = (n, line, join_lines([text, block.text]))
        else:
            notes.append((block.footnote_n, block.line, join_lines([block.text])))
    return notes


def _marker_pattern(n: int) -> re.Pattern[str]:
    # The marker as printed: digits glued to a word or a full stop ("Brekelmans1", "jl.2,",
    # "201913" = 2019 + marker 13), followed by punctuation, a space or the end.
    return re.compile(rf"(?:(?<=[^\s\d])|(?<=\b\d{{4}})){n}(?=[\s,.;:)?]|$)")


def _place_markers(items: list[Item], notes: Sequence[tuple[int, int, str]]) -> list[Item]:
    """Turn each footnote's printed marker, in the nearest paragraph above it, into a reference."""
    marks: dict[int, list[tuple[int, int, int]]] = {}  # item index -> (start, end, footnote id)
    for fid, (n, first_line, _) in enumerate(notes, start=1):
        pattern = _marker_pattern(n)
        for idx in range(len(items) - 1, -1, -1):
            if items[idx].first_line >= first_line:
                continue
            taken = {s for s, _, _ in marks.get(idx, [])}
            found = [m for m in pattern.finditer(items[idx].text) if m.start() not in taken]
            if found:
                marks.setdefault(idx, []).append((found[-1].start(), found[-1].end(), fid))
                break
    out = []
    for idx, item in enumerate(items):
        text, pos = item.text, 0
        pieces: list[str | int] = []
        for start, end, fid in sorted(marks.get(idx, [])):
            pieces += [text[pos:start], fid]
            pos = end
        pieces.append(text[pos:])
        out.append(
            Item(item.kind, tuple(p for p in pieces if p != ""), item.level, item.first_line)
        )
    return out
