"""HTML (officielebekendmakingen.nl .html, or any report saved as HTML) -> Blocks.

beautifulsoup4 over the lxml HTML parser: tolerant of broken markup, and the HTML parser
expands no custom entities and fetches nothing. Layout read:
- h1…h6 and `p.tussenkop` are HEADING blocks, `p` and `li` (without inner `p`) PARAGRAPH blocks;
- a footnote marker is a `<sup>` (or `a.nootnum`) holding only digits; it is printed glued to
  the word before it ("Brekelmans1"), as in PDF text;
- footnote texts sit in a container whose class or id names them ("voetnoten", "footnotes");
  each entry's leading number (`span.nootnum`, `sup` or plain digits) is its footnote number.
  A FOOTNOTE block follows the paragraph that refers to it; unreferenced notes come last.
"""

import re

from bs4 import BeautifulSoup
from bs4.element import NavigableString, Tag

from parsers.blocks import Block, BlockKind
from parsers.errors import ParseError
from parsers.lexicon.readers import HTML_NOTES_CONTAINER_RE
from parsers.safety import check_input_size

_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_MARK = "\x00"
_GLUE = re.compile(r"\s*\x00(\d+)")
_LEADING_NUMBER = re.compile(r"^\s*\x00?(\d{1,3})\b\s*")


def read_html(data: bytes) -> tuple[Block, ...]:
    check_input_size(data, "HTML")
    try:
        soup = BeautifulSoup(data, "lxml")
    except (ValueError, TypeError, LookupError) as exc:
        raise ParseError(f"unreadable HTML: {exc}") from exc
    for tag in soup(["script", "style", "head", "nav", "header", "footer", "noscript"]):
        tag.decompose()
    _mark_footnote_refs(soup)
    notes = _footnotes(soup)
    blocks = _body_blocks(soup, notes)
    if not blocks:
        raise ParseError("HTML holds no text paragraphs")
    return tuple(blocks)


def _is_marker(tag: Tag) -> bool:
    text = tag.get_text().strip()
    classes = " ".join(tag.get("class") or [])
    return text.isdigit() and len(text) <= 3 and (tag.name == "sup" or "noot" in classes)


def _mark_footnote_refs(soup: BeautifulSoup) -> None:
    for tag in soup.find_all(["sup", "a", "span"]):
        if isinstance(tag, Tag) and tag.parent is not None and _is_marker(tag):
            tag.replace_with(NavigableString(_MARK + tag.get_text().strip()))


def _containers(soup: BeautifulSoup) -> list[Tag]:
    found = []
    for tag in soup.find_all(["div", "section", "ol", "ul", "aside"]):
        names = " ".join([*(tag.get("class") or []), str(tag.get("id") or "")])
        if HTML_NOTES_CONTAINER_RE.search(names) and not any(p in found for p in tag.parents):
            found.append(tag)
    return found


def _footnotes(soup: BeautifulSoup) -> dict[int, str]:
    notes: dict[int, str] = {}
    for container in _containers(soup):
        entries = container.find_all("li") or container.find_all(["p", "div"], recursive=False)
        for entry in entries:
            text = " ".join(entry.get_text(" ").split())
            m = _LEADING_NUMBER.match(text)
            if m:
                notes[int(m.group(1))] = text[m.end() :].replace(_MARK, "").strip()
        container.decompose()
    return notes


def _clean(text: str) -> str:
    return _GLUE.sub(r"\1", " ".join(text.split()))


def _kind(tag: Tag) -> tuple[BlockKind, int | None]:
    if tag.name in _HEADINGS:
        return BlockKind.HEADING, _HEADINGS[tag.name]
    if "tussenkop" in (tag.get("class") or []):
        return BlockKind.HEADING, None
    return BlockKind.PARAGRAPH, None


def _body_blocks(soup: BeautifulSoup, notes: dict[int, str]) -> list[Block]:
    blocks: list[Block] = []
    seen: set[int] = set()
    names = [*list(_HEADINGS), "p", "li"]
    for tag in soup.find_all(names):
        if tag.name == "li" and tag.find("p") is not None:
            continue
        if tag.find_parent(["p", *list(_HEADINGS)]) is not None:
            continue
        raw = tag.get_text()
        text = _clean(raw)
        if not text:
            continue
        kind, level = _kind(tag)
        blocks.append(Block(kind, text, len(blocks) + 1, level=level))
        for n in (int(m) for m in re.findall(r"\x00(\d+)", raw)):
            if n in notes and n not in seen:
                seen.add(n)
                blocks.append(Block(BlockKind.FOOTNOTE, notes[n], len(blocks) + 1, footnote_n=n))
    for n in sorted(set(notes) - seen):
        blocks.append(Block(BlockKind.FOOTNOTE, notes[n], len(blocks) + 1, footnote_n=n))
    return blocks
