"""docx bytes -> Blocks, straight from the Office Open XML parts.

No python-docx: it is not a dependency, it cannot read footnotes, and it hands the XML to lxml
with default settings. Three parts are enough — word/document.xml (paragraphs), word/styles.xml
(which style ids are headings: "Heading1" in English Word, "Kop1" in Dutch Word, both named
"heading 1") and word/footnotes.xml — read through `parsers.safety` (zip-bomb checks, capped
reads, defusedxml).
"""

import io
import zipfile
from collections.abc import Iterator
from xml.etree.ElementTree import Element

from parsers.blocks import Block, BlockKind
from parsers.errors import ParseError
from parsers.lexicon.readers import DOCX_HEADING_STYLE_RE
from parsers.safety import check_input_size, check_zip, parse_xml, read_zip_member

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TITLE_NAMES = {"title", "titel"}
_SKIP = {W + "delText", W + "instrText", W + "footnoteRef", W + "txbxContent", W + "rPr", W + "pPr"}


def read_docx(data: bytes) -> tuple[Block, ...]:
    check_input_size(data, "docx")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ParseError(f"corrupt or truncated docx (zip): {exc}") from exc
    with zf:
        check_zip(zf)
        body = parse_xml(read_zip_member(zf, "word/document.xml"), "word/document.xml")
        names = set(zf.namelist())
        levels = _heading_levels(zf) if "word/styles.xml" in names else {}
        notes = _footnote_texts(zf) if "word/footnotes.xml" in names else {}
    return tuple(_BodyReader(levels, notes).blocks(body))


def _heading_levels(zf: zipfile.ZipFile) -> dict[str, int]:
    """Style id -> heading level, from the style names ("heading 2", "Kop 2", "Title")."""
    root = parse_xml(read_zip_member(zf, "word/styles.xml"), "word/styles.xml")
    levels: dict[str, int] = {}
    for style in root.iter(W + "style"):
        sid = style.get(W + "styleId")
        name_el = style.find(W + "name")
        name = (name_el.get(W + "val") if name_el is not None else None) or ""
        m = DOCX_HEADING_STYLE_RE.match(name.strip())
        if sid and m:
            levels[sid] = int(m.group(1))
        elif sid and name.strip().lower() in _TITLE_NAMES:
            levels[sid] = 1
    return levels


def _footnote_texts(zf: zipfile.ZipFile) -> dict[str, str]:
    root = parse_xml(read_zip_member(zf, "word/footnotes.xml"), "word/footnotes.xml")
    texts: dict[str, str] = {}
    for note in root.iter(W + "footnote"):
        if note.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        paras = ["".join(_run_text(p, _Numbers())) for p in note.iter(W + "p")]
        texts[note.get(W + "id") or ""] = " ".join(" ".join(paras).split())
    return texts


class _Numbers:
    """Footnote id -> printed number, in reference order (Word numbers notes as referenced)."""

    def __init__(self) -> None:
        self.by_id: dict[str, int] = {}
        self.pending: str | None = None  # a customMarkFollows reference awaiting its mark text

    def auto(self, fid: str) -> int:
        return self.by_id.setdefault(fid, len(self.by_id) + 1)


def _run_text(el: Element, numbers: _Numbers) -> Iterator[str]:
    """The visible text of a paragraph, footnote references as their number (glued)."""
    for child in el:
        tag = child.tag
        if tag in _SKIP:
            continue
        if tag == W + "t":
            text = child.text or ""
            if numbers.pending is not None:  # the custom mark is the printed number
                mark = text.strip()
                numbers.by_id[numbers.pending] = (
                    int(mark) if mark.isdigit() else len(numbers.by_id) + 1
                )
                numbers.pending = None
            yield text
        elif tag in (W + "tab", W + "ptab"):
            yield "\t"
        elif tag == W + "br" and child.get(W + "type") != "page":
            yield " "
        elif tag == W + "noBreakHyphen":
            yield "-"
        elif tag == W + "footnoteReference":
            fid = child.get(W + "id") or ""
            if child.get(W + "customMarkFollows") in ("1", "true", "on"):
                numbers.pending = fid
            else:
                yield str(numbers.auto(fid))
        else:
            yield from _run_text(child, numbers)


class _BodyReader:
    def __init__(self, levels: dict[str, int], notes: dict[str, str]) -> None:
        self.levels = levels
        self.notes = notes
        self.numbers = _Numbers()
        self.count = 0

    def _block(
        self,
        kind: BlockKind,
        text: str,
        level: int | None = None,
        footnote_n: int | None = None,
        page_break: bool = False,
    ) -> Block:
        self.count += 1
        return Block(kind, text, self.count, level, footnote_n, page_break)

    def blocks(self, root: Element) -> Iterator[Block]:
        for para in root.iter(W + "p"):
            before = set(self.numbers.by_id)
            text = "".join(_run_text(para, self.numbers))
            level = self._level(para)
            if text.strip():
                kind = BlockKind.PARAGRAPH if level is None else BlockKind.HEADING
                yield self._block(kind, text, level=level)
            elif not _has_page_break(para):
                yield self._block(BlockKind.BLANK, "")
            for fid in [f for f in self.numbers.by_id if f not in before]:
                note = self.notes.get(fid)
                if note is not None:
                    note = _strip_mark(note, self.numbers.by_id[fid])
                    yield self._block(BlockKind.FOOTNOTE, note, footnote_n=self.numbers.by_id[fid])
            if _has_page_break(para):
                yield self._block(BlockKind.BLANK, "", page_break=True)

    def _level(self, para: Element) -> int | None:
        ppr = para.find(W + "pPr")
        if ppr is None:
            return None
        style = ppr.find(W + "pStyle")
        sid = style.get(W + "val") if style is not None else None
        if sid in self.levels:
            return self.levels[sid]
        if sid and (
            m := DOCX_HEADING_STYLE_RE.match(sid)
        ):  # styles.xml left out: "Heading2", "Kop2"
            return int(m.group(1))
        outline = ppr.find(W + "outlineLvl")
        value = outline.get(W + "val") if outline is not None else None
        return int(value) + 1 if value is not None and value.isdigit() and int(value) < 9 else None


def _strip_mark(note: str, number: int) -> str:
    """Footnote text without a printed custom mark ("7 Kamerstuk …" -> "Kamerstuk …")."""
    mark = str(number)
    if note.startswith(mark) and note[len(mark) : len(mark) + 1] in (" ", ""):
        return note[len(mark) :].strip()
    return note


def _has_page_break(para: Element) -> bool:
    return any(br.get(W + "type") == "page" for br in para.iter(W + "br"))
