"""KOOP XML (`officiele-publicatie`, officielebekendmakingen.nl) -> Blocks.

The published layout is kept: "32 317 JBZ-Raad" (dossier), "Nr. 909" (stuknr), "VERSLAG VAN EEN
SCHRIFTELIJK OVERLEG" (stuk/titel), "Vastgesteld 15 december 2022" (datumtekst), then the body:
`tussenkop` and `divisie/kop` ("nr titel") as HEADING blocks, `al` as PARAGRAPH. A footnote
`<noot type="voet"><noot.nr>1</noot.nr><noot.al>…</noot.al></noot>` sits where its marker is
printed; it becomes the digits glued to the preceding word ("Brekelmans1", as PDF text prints
it) and a FOOTNOTE block right after the paragraph. Parsing goes through `parse_xml`
(defusedxml): entity declarations and external references are refused.
"""

import re
from collections.abc import Iterator
from xml.etree.ElementTree import Element

from parsers.blocks import Block, BlockKind
from parsers.errors import ParseError
from parsers.safety import check_input_size, parse_xml

ROOT = "officiele-publicatie"
_GLUE = re.compile(r"\s*\x00")
_SKIP = {"metadata", "meta", "noot"}
_INLINE_BLOCKS = {"stuknr", "datumtekst", "titel", "al", "tussenkop", "tekstregel"}


def read_koop_xml(data: bytes) -> tuple[Block, ...]:
    check_input_size(data, "XML")
    root = parse_xml(data, "KOOP XML")
    if _local(root.tag) != ROOT:
        raise ParseError(f"not a KOOP officiele-publicatie document (root element <{root.tag}>)")
    walker = _Walker()
    walker.walk(root, 0)
    if not any(b.kind is not BlockKind.FURNITURE for b in walker.blocks):
        raise ParseError("KOOP XML holds no text (no dossier, titel or al elements)")
    return tuple(walker.blocks)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _clean(text: str) -> str:
    """Collapse XML layout whitespace; glue each footnote marker to the word before it."""
    return _GLUE.sub("", " ".join(text.split()))


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.notes: list[tuple[int, str]] = []  # footnotes of the current paragraph
        self.seq = 0  # footnotes without a readable noot.nr are numbered on

    def add(self, kind: BlockKind, text: str, level: int | None = None) -> None:
        self.blocks.append(Block(kind, text, len(self.blocks) + 1, level=level))
        for n, note in self.notes:
            self.blocks.append(Block(BlockKind.FOOTNOTE, note, len(self.blocks) + 1, footnote_n=n))
        self.notes = []

    def walk(self, el: Element, depth: int) -> None:
        tag = _local(el.tag)
        if tag in _SKIP:
            return
        if tag == "kamerstukkop":  # "Vergaderjaar 2024-2025", "Tweede Kamer der Staten-Generaal"
            for line in el:
                self._text_block(line, BlockKind.FURNITURE)
        elif tag == "dossier":
            self._dossier(el)
        elif tag == "kop":
            self._text_block(el, BlockKind.HEADING, level=max(depth, 1))
        elif tag == "tussenkop":
            self._text_block(el, BlockKind.HEADING)
        elif tag in _INLINE_BLOCKS:
            self._text_block(el, BlockKind.PARAGRAPH)
        else:
            for child in el:
                self.walk(child, depth + (1 if tag == "divisie" else 0))

    def _dossier(self, el: Element) -> None:
        parts = [
            self.inline(child) for child in el.iter() if _local(child.tag) in ("dossiernr", "titel")
        ]
        text = _clean(" ".join(parts))
        if text:
            self.add(BlockKind.PARAGRAPH, text)

    def _text_block(self, el: Element, kind: BlockKind, level: int | None = None) -> None:
        if kind is BlockKind.HEADING and _local(el.tag) == "kop":
            # <kop><nr>1.</nr><titel>Inleiding</titel></kop> -> "1. Inleiding"
            parts = [self.inline(c) for c in el if _local(c.tag) in ("label", "nr", "titel")]
            text = _clean(" ".join(parts))
        else:
            text = _clean(self.inline(el))
        if text:
            self.add(kind, text, level)

    def inline(self, el: Element) -> str:
        return "".join(self._inline(el))

    def _inline(self, el: Element) -> Iterator[str]:
        yield el.text or ""
        for child in el:
            if _local(child.tag) == "noot":
                yield from self._marker(child)
            elif _local(child.tag) not in ("metadata", "meta"):
                yield from self._inline(child)
            yield child.tail or ""

    def _marker(self, noot: Element) -> Iterator[str]:
        nr = "".join("".join(c.itertext()) for c in noot if _local(c.tag) == "noot.nr").strip()
        self.seq = int(nr) if nr.isdigit() else self.seq + 1
        text = _clean(" ".join(self.inline(c) for c in noot if _local(c.tag) in ("noot.al", "al")))
        self.notes.append((self.seq, text))
        yield "\x00" + str(self.seq)  # glue marker: whitespace before it is dropped below
