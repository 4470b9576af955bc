"""Text extracted from a PDF -> one `Block` per line (plus a FURNITURE block for Word artefacts).

Classification, each rule motivated by the extracted text of the reports:
- BLANK: empty or only spaces. Paragraph separators are lines holding a single space; a run of
  two or more truly empty lines is a page break (`page_break=True`): "…gelijkgestemde" / "" / ""
  / "" / "landen in Noordwest-Europa…".
- FOOTNOTE: the footnote zone printed at a page end: after a blank line, a line
  "13 Voortgangsrapport beschikbaar via https://…" starts footnote 13 (`footnote_n` set, text
  without the number), the following lines that do not start with a space continue it
  ("498_en. Technisch rapport …"); a line that starts with a space ends the zone because the
  body resumes there (" herstelplan  Deze wetgeving …"), and so does a long capitalised line
  unless the footnote broke off at "-" or ":" (see `_continues_note`). Footnote numbers only go
  up, so "2015/2016)?" or a body line starting with a low number is not taken for a footnote.
- FURNITURE: bare URL lines after a footnote zone ("https://ec.europa.eu/…pdf", hyperlink debris).
  Word artefacts "Fout! Bladwijzer niet gedefinieerd." (which may wrap over lines) are cut out of
  the line's text and emitted as an extra FURNITURE block with the same line number, so the
  characters stay accounted for.
- PARAGRAPH otherwise (headings are left to the segmenter).
"""

import bisect
import itertools
import re

from parsers.blocks import Block, BlockKind
from parsers.lexicon.readers import ARTEFACT_RE

_FOOTNOTE_START_RE = re.compile(r"^(\d{1,3}) (\S.*)$")
_BARE_URL_RE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$")
_MAX_FOOTNOTE_JUMP = 12  # footnote texts may be missing ("5, 6, 10 … absent"), but not many


def read_text(text: str) -> tuple[Block, ...]:
    """Blocks for PDF text: one per line (line = 1-based index in text.split("\\n"))."""
    lines = text.split("\n")
    cleaned, artefacts = _cut_artefacts(lines, text)
    kinds = _classify(cleaned)
    breaks = _page_break_lines(cleaned, artefacts)
    paragraph = BlockKind.PARAGRAPH
    blocks = [
        Block(paragraph, line, idx + 1)  # most lines: no footnote number to read
        if kind is paragraph
        else _make_block(line, kind, idx + 1, idx in breaks)
        for idx, (line, kind) in enumerate(zip(cleaned, kinds, strict=True))
    ]
    for idx in sorted(artefacts, reverse=True):  # after their line; from the end: indices hold
        blocks[idx + 1 : idx + 1] = [Block(BlockKind.FURNITURE, p, idx + 1) for p in artefacts[idx]]
    return tuple(blocks)


def _continues_note(prev: str, line: str) -> bool:
    """Does `line` continue the footnote on `prev`? Body text resumes after a footnote printed
    mid-page with a leading space (" Zoals aangegeven in het BNC-fiche …"); without that space a
    long capitalised line after a footnote that does not break off at "-" or ":" is body text
    too ("…communique-morocco-the-netherlands" / "Zoals aangegeven in het BNC-fiche …"), while
    "https://…" after "asiel:" and "498_en. Technisch …" after "…2019-" continue it."""
    if line[:1].isspace():
        return False
    if _BARE_URL_RE.match(line):
        # a URL continues a note only after "asiel:" (or a break at "-"), never after a note
        # that is complete ("(europa.eu)", "…ip_22_7447"): that is hyperlink debris
        return prev.rstrip()[-1:] in "-:"
    broken = prev.rstrip()[-1:] in "-:"
    return broken or len(line.strip()) < 60 or not line[:1].isupper()


def _make_block(line: str, kind: BlockKind | int, number: int, page_break: bool) -> Block:
    """`kind` is the footnote's number for a footnote line (see `_classify`); `page_break` says
    the line is in a run of empty lines."""
    if page_break:
        return Block(BlockKind.BLANK, line, number, page_break=True)
    if isinstance(kind, BlockKind):
        return Block(kind, line, number)
    m = _FOOTNOTE_START_RE.match(line)
    if m and int(m.group(1)) == kind:  # the line that starts the note
        return Block(BlockKind.FOOTNOTE, m.group(2), number, footnote_n=kind)
    return Block(BlockKind.FOOTNOTE, line, number, footnote_n=kind)


def _cut_artefacts(lines: list[str], joined: str) -> tuple[list[str], dict[int, list[str]]]:
    """Remove Word artefacts; return the cleaned lines and the removed pieces per line index
    (`joined` is the text the lines were split from).

    Only the lines a match touches are rebuilt (an artefact may wrap over lines)."""
    if "Fout!" not in joined or not ARTEFACT_RE.search(joined):  # the substring test is faster
        return lines, {}
    starts: list[int] = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    cut_spans: dict[int, list[tuple[int, int]]] = {}  # line index -> spans within the line
    for m in ARTEFACT_RE.finditer(joined):
        first = bisect.bisect_right(starts, m.start()) - 1
        for idx in range(first, len(lines)):
            lo, hi = max(m.start(), starts[idx]), min(m.end(), starts[idx] + len(lines[idx]))
            if starts[idx] > m.end():
                break
            if lo < hi:
                cut_spans.setdefault(idx, []).append((lo - starts[idx], hi - starts[idx]))
    cleaned = list(lines)
    removed: dict[int, list[str]] = {}
    for idx, spans in cut_spans.items():
        line = lines[idx]
        cleaned[idx] = "".join(line[a:b] for a, b in _complement(spans, len(line)))
        removed[idx] = ["".join(line[a:b] for a, b in spans)]
    return cleaned, removed


def _complement(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    out, at = [], 0
    for a, b in sorted(spans):
        out.append((at, a))
        at = b
    return [*out, (at, length)]


def _classify(lines: list[str]) -> list[BlockKind | int]:
    """Kind of every line, or its footnote's number (footnote zones, URL debris, blanks)."""
    out: list[BlockKind | int] = []
    last_n = 0
    current: int | None = None  # the footnote being continued, None outside a zone
    after_zone = False  # URL debris may follow a footnote zone until body text resumes
    prev_blank = False
    for idx, line in enumerate(lines):
        if not line or line.isspace():
            out.append(BlockKind.BLANK)
            current, prev_blank = None, True
            continue
        # a footnote starts with its number: only lines starting with a digit can
        start = _FOOTNOTE_START_RE.match(line) if line[0].isdigit() else None
        n = int(start.group(1)) if start else 0
        if start and last_n < n <= last_n + _MAX_FOOTNOTE_JUMP and (prev_blank or current):
            out.append(n)
            last_n, current, after_zone = n, n, True
        elif current is not None and _continues_note(lines[idx - 1], line):
            out.append(current)
        elif after_zone and _BARE_URL_RE.match(line):
            # hyperlink debris, also with no blank line before it (PDF text has none inside a
            # page): "…ip_22_7447" / "https://ec.europa.eu/info/…pdf" repeats a link target
            out.append(BlockKind.FURNITURE)
            current = None
        else:
            out.append(BlockKind.PARAGRAPH)
            current, after_zone = None, False
        prev_blank = False
    return out


def _page_break_lines(lines: list[str], artefacts: dict[int, list[str]]) -> set[int]:
    """Indices of truly empty lines in runs of two or more: page breaks (single ones are
    separators). An artefact cut from a line sits between it and the next one."""
    empty = [i for i, line in enumerate(lines) if not line]
    out: set[int] = set()
    for a, b in itertools.pairwise(empty):
        if b == a + 1 and a not in artefacts:
            out.update((a, b))
    return out
