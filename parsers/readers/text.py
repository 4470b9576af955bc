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
import re

from parsers.blocks import Block, BlockKind

# "Fout! Bladwijzer niet gedefinieerd." = Word's "Error! Bookmark not defined.", may wrap lines.
_ARTEFACT_RE = re.compile(r"Fout!\s+Bladwijzer\s+niet\s+gedefinieerd\.")
_FOOTNOTE_START_RE = re.compile(r"^(\d{1,3}) (\S.*)$")
_BARE_URL_RE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$")
_MAX_FOOTNOTE_JUMP = 12  # footnote texts may be missing ("5, 6, 10 … absent"), but not many


def read_text(text: str) -> tuple[Block, ...]:
    """Blocks for PDF text: one per line (line = 1-based index in text.split("\\n"))."""
    lines = text.split("\n")
    cleaned, artefacts = _cut_artefacts(lines)
    kinds = _classify(cleaned)
    blocks: list[Block] = []
    for idx, (line, kind) in enumerate(zip(cleaned, kinds, strict=True)):
        number = idx + 1
        blocks.append(_make_block(line, kind, number))
        for piece in artefacts.get(idx, ()):
            blocks.append(Block(BlockKind.FURNITURE, piece, number))
    return tuple(_mark_page_breaks(blocks))


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


def _make_block(line: str, kind: tuple[BlockKind, int | None], number: int) -> Block:
    block_kind, footnote_n = kind
    if block_kind is BlockKind.FOOTNOTE and footnote_n is not None:
        m = _FOOTNOTE_START_RE.match(line)
        if m and int(m.group(1)) == footnote_n:  # the line that starts the note
            return Block(block_kind, m.group(2), number, footnote_n=footnote_n)
        return Block(block_kind, line, number, footnote_n=footnote_n)
    return Block(block_kind, line, number)


def _cut_artefacts(lines: list[str]) -> tuple[list[str], dict[int, list[str]]]:
    """Remove Word artefacts; return the cleaned lines and the removed pieces per line index.

    Only the lines a match touches are rebuilt (an artefact may wrap over lines)."""
    joined = "\n".join(lines)
    if not _ARTEFACT_RE.search(joined):
        return lines, {}
    starts: list[int] = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    cut_spans: dict[int, list[tuple[int, int]]] = {}  # line index -> spans within the line
    for m in _ARTEFACT_RE.finditer(joined):
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


def _classify(lines: list[str]) -> list[tuple[BlockKind, int | None]]:
    """Kind and footnote number for every line (footnote zones, URL debris, blanks)."""
    out: list[tuple[BlockKind, int | None]] = []
    last_n = 0
    current: int | None = None  # the footnote being continued, None outside a zone
    after_zone = False  # URL debris may follow a footnote zone until body text resumes
    for idx, line in enumerate(lines):
        if not line.strip():
            out.append((BlockKind.BLANK, None))
            current = None
            continue
        start = _FOOTNOTE_START_RE.match(line)
        prev_blank = idx > 0 and not lines[idx - 1].strip()
        n = int(start.group(1)) if start else 0
        if start and last_n < n <= last_n + _MAX_FOOTNOTE_JUMP and (prev_blank or current):
            out.append((BlockKind.FOOTNOTE, n))
            last_n, current, after_zone = n, n, True
        elif current is not None and _continues_note(lines[idx - 1], line):
            out.append((BlockKind.FOOTNOTE, current))
        elif after_zone and _BARE_URL_RE.match(line):
            # hyperlink debris, also with no blank line before it (PDF text has none inside a
            # page): "…ip_22_7447" / "https://ec.europa.eu/info/…pdf" repeats a link target
            out.append((BlockKind.FURNITURE, None))
            current = None
        else:
            out.append((BlockKind.PARAGRAPH, None))
            current, after_zone = None, False
    return out


def _mark_page_breaks(blocks: list[Block]) -> list[Block]:
    """Runs of two or more truly empty lines are page breaks; single ones are separators."""
    out = list(blocks)
    i = 0
    while i < len(out):
        j = i
        while j < len(out) and out[j].kind is BlockKind.BLANK and out[j].text == "":
            j += 1
        if j - i >= 2:
            for k in range(i, j):
                b = out[k]
                out[k] = Block(b.kind, b.text, b.line, page_break=True)
        i = max(j, i + 1)
    return out
