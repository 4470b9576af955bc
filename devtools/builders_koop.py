"""Build KOOP XML (`officiele-publicatie`) and officielebekendmakingen-style HTML of a report.

Both use the paragraph layout of `devtools.builders_layout`: the report's own front matter lines
after the Tweede Kamer cover line become `al` paragraphs under the published front matter
("32 317 JBZ-Raad", "Nr. …", "VERSLAG VAN EEN SCHRIFTELIJK OVERLEG", "Vastgesteld …"); the part
heading and fractie headings become `divisie/kop/titel`, topic headings `tussenkop`, footnotes
`noot[@type='voet']` at their marker.
"""

from collections.abc import Callable, Collection
from dataclasses import dataclass
from xml.sax.saxutils import escape

from devtools.builders_layout import Item, Layout, lay_out

_COVER_LINES = ("verslag van een schriftelijk overleg",)


def _body_items(layout: Layout) -> list[Item]:
    """Items after the TK cover (dossier line, "Verslag van een schriftelijk overleg")."""
    items = list(layout.items)
    for idx, item in enumerate(items[:5]):
        if item.text.strip().lower() in _COVER_LINES:
            return items[idx + 1 :]
    return items


def _inline(item: Item, layout: Layout, note: Callable[[int, int, str], str]) -> str:
    """The item's text with each footnote reference rendered by `note(id, number, text)`."""
    out = []
    for piece in item.pieces:
        if isinstance(piece, str):
            out.append(escape(piece))
        else:
            n, text = layout.notes[piece - 1]
            out.append(note(piece, n, text))
    return "".join(out)


def _xml_note(fid: int, n: int, text: str) -> str:
    return (
        f'<noot id="n{fid}" type="voet"><noot.nr>{n}</noot.nr>'
        f"<noot.al>{escape(text)}</noot.al></noot>"
    )


def _html_note(fid: int, n: int, text: str) -> str:
    return f'<sup><a class="nootnum" href="#n{fid}">{n}</a></sup>'


def _xml_inline(item: Item, layout: Layout) -> str:
    return _inline(item, layout, _xml_note)


def _html_inline(item: Item, layout: Layout) -> str:
    return _inline(item, layout, _html_note)


@dataclass(frozen=True)
class FrontMatter:
    """The published front matter: "32 317 JBZ-Raad / Nr. 1 / … / Vastgesteld 15 december 2022"."""

    dossier: str = "32 317"
    dossier_title: str = "JBZ-Raad"
    number: str = "1"
    vastgesteld: str = "15 december 2022"


def build_koop_xml_from_text(
    text: str, heading_lines: Collection[int] = (), front: FrontMatter = FrontMatter()
) -> bytes:
    layout = lay_out(text, heading_lines)
    dossier, dossier_title = front.dossier, front.dossier_title
    number, vastgesteld = front.number, front.vastgesteld
    body: list[str] = []
    open_divs = 0
    for item in _body_items(layout):
        if item.kind == "heading" and item.level in (1, 2):
            close = max(open_divs - (item.level - 1), 0)
            body.append("</divisie>" * close)
            open_divs -= close
            body.append(f"<divisie><kop><titel>{_xml_inline(item, layout)}</titel></kop>")
            open_divs += 1
        elif item.kind == "heading":
            body.append(f"<tussenkop>{_xml_inline(item, layout)}</tussenkop>")
        else:
            body.append(f"<al>{_xml_inline(item, layout)}</al>")
    body.append("</divisie>" * open_divs)
    doc = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<officiele-publicatie><metadata>'
        f'<meta name="OVERHEIDop.dossiernummer" content="{escape(dossier)}"/></metadata>'
        "<kamerstuk><kamerstukkop>"
        '<tekstregel inhoud="kameraanduiding">Tweede Kamer der Staten-Generaal</tekstregel>'
        "</kamerstukkop>"
        f"<dossier><dossiernummer><dossiernr>{escape(dossier)}</dossiernr></dossiernummer>"
        f"<titel>{escape(dossier_title)}</titel></dossier>"
        f'<stuk><stuknr>Nr. <ondernummer kamer="2">{escape(number)}</ondernummer></stuknr>'
        "<titel>VERSLAG VAN EEN SCHRIFTELIJK OVERLEG</titel>"
        f"<datumtekst>Vastgesteld <datum>{escape(vastgesteld)}</datum></datumtekst>"
        f"<algemeen><vrije-tekst><tekst>{''.join(body)}</tekst></vrije-tekst></algemeen>"
        "</stuk></kamerstuk></officiele-publicatie>\n"
    )
    return doc.encode("utf-8")


def build_html_from_text(
    text: str, heading_lines: Collection[int] = (), front: FrontMatter = FrontMatter()
) -> bytes:
    layout = lay_out(text, heading_lines)
    dossier, dossier_title = front.dossier, front.dossier_title
    number, vastgesteld = front.number, front.vastgesteld
    body = [
        f'<p class="dossiernummer">{escape(dossier)} {escape(dossier_title)}</p>',
        f'<p class="stuknr">Nr. {escape(number)}</p>',
        '<h1 class="stuktitel">VERSLAG VAN EEN SCHRIFTELIJK OVERLEG</h1>',
        f'<p class="datumtekst">Vastgesteld {escape(vastgesteld)}</p>',
    ]
    for item in _body_items(layout):
        if item.kind == "heading":
            level = (item.level or 3) + 1
            body.append(f"<h{level}>{_html_inline(item, layout)}</h{level}>")
        else:
            body.append(f"<p>{_html_inline(item, layout)}</p>")
    notes = "".join(
        f'<li id="n{fid}"><span class="nootnum">{n}</span> <p>{escape(t)}</p></li>'
        for fid, (n, t) in enumerate(layout.notes, start=1)
    )
    doc = (
        '<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8">'
        "<title>Verslag van een schriftelijk overleg</title></head><body>"
        f'<div id="broodtekst" class="stuk">{"".join(body)}</div>'
        f'<div class="voetnoten"><h2>Noten</h2><ol>{notes}</ol></div></body></html>\n'
    )
    return doc.encode("utf-8")
