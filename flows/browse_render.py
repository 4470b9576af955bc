"""HTML pieces of `jbz browse`: marked texts, short cells, links a person can cite.

Every text from the index is escaped here before it meets markup; matched words are wrapped in
<mark> from the stretches FTS5 found (warehouse/search_marks.py).
"""

from urllib.parse import quote, urlsplit

from markupsafe import Markup, escape

from warehouse.search_marks import Marked

SHORT_CHARS = 240  # a table cell's excerpt: the table keeps short columns, the pair view all
# the host a citable link is named by
_SITES = {
    "zoek.officielebekendmakingen.nl": "officielebekendmakingen.nl",
    "www.tweedekamer.nl": "tweedekamer.nl",
}


def marked_html(m: Marked, start: int = 0, end: int | None = None) -> Markup:
    """text[start:end] escaped, the matched stretches inside it in <mark>."""
    stop = len(m.text) if end is None else end
    out: list[str] = []
    pos = start
    for s, e in m.spans:
        s, e = max(s, start), min(e, stop)
        if s >= e:
            continue
        out += [str(escape(m.text[pos:s])), "<mark>", str(escape(m.text[s:e])), "</mark>"]
        pos = e
    out.append(str(escape(m.text[pos:stop])))
    return Markup("".join(out))


def excerpt_html(m: Marked, chars: int = SHORT_CHARS) -> Markup:
    """About `chars` characters around the first match (or the start), '…' where cut."""
    first = m.spans[0][0] if m.spans else 0
    start = max(0, first - chars // 3)
    if start:
        space = m.text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(m.text), start + chars)
    if end < len(m.text):
        space = m.text.rfind(" ", start, end)
        end = space if space > first else end
    lead = "…" if start else ""
    tail = "…" if end < len(m.text) else ""
    return Markup(lead) + marked_html(m, start, end) + Markup(tail)


def link(href: str, text: str, css: str = "") -> Markup:
    cls = Markup(' class="{}"').format(css) if css else Markup("")
    return Markup('<a href="{}"{}>{}</a>').format(href, cls, text)


def pair_href(pair_id: object, query: str | None = None) -> str:
    q = f"?q={quote(query)}" if query else ""
    return f"/jbz/pair/{pair_id}{q}"


def meeting_href(meeting_id: str) -> str:
    return f"/jbz/meeting/{quote(meeting_id, safe='')}"


def consultation_href(consultation_id: str) -> str:
    return f"/jbz/consultations/{quote(consultation_id, safe='')}"


def site_name(url: str) -> str:
    """ "officielebekendmakingen.nl" for a Kamerstuk page; the host for anything else."""
    host = urlsplit(url).hostname or url
    return _SITES.get(host, host)


def verdict_html(quality: str | None) -> Markup:
    """The parser's verdict, failed and suspect parses marked as such."""
    verdict = quality or "unknown"
    return Markup('<span class="verdict verdict-{}">{}</span>').format(verdict, verdict)
