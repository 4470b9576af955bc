"""Each section and pair gets its chamber and the canonical fracties it speaks for
(`parsers/fracties.py`); a printed name that matches none is the issue `unknown_fractie`."""

import dataclasses
from collections.abc import Sequence

from parsers.fracties import resolve
from parsers.model import DocumentInfo, Pair, ParseIssue, Section
from parsers.segment import phrases as ph
from parsers.segment.headings import split_fractie_name


def document_chamber(ondernummer: str | None, front_text: str) -> str:
    """ "EK" when the number is letters or the front matter names the Eerste Kamer, else "TK"."""
    if ondernummer and ph.EK_ONDERNUMMER_RE.match(ondernummer):
        return "EK"
    return "EK" if ph.EK_CHAMBER_RE.search(front_text) else "TK"


def reference_date(doc: DocumentInfo) -> str | None:
    """The day a printed name is read on: the date adopted, else the Council's first day."""
    for text in (doc.date, (doc.council_date or "").partition("/")[0]):
        if text and len(text) == 10 and text[4] == "-" and text[7] == "-":
            return text
    return None


def assign_fracties(
    doc: DocumentInfo, sections: Sequence[Section], pairs: Sequence[Pair]
) -> tuple[tuple[Section, ...], tuple[Pair, ...], tuple[ParseIssue, ...]]:
    """Sections and pairs with `chamber` and `fractie_ids`, and one issue per unknown name."""
    on = reference_date(doc)
    parties = {s.fractie: s.parties for s in sections}
    found: dict[str, tuple[str, ...]] = {}
    issues: list[ParseIssue] = []
    lines = {s.fractie: s.line for s in sections}
    for p in pairs:
        lines.setdefault(p.fractie, p.answer_line or 0)
    for name in dict.fromkeys([*parties, *(p.fractie for p in pairs)]):
        names = parties.get(name) or split_fractie_name(name)
        ids, unknown = resolve(name, names, doc.chamber, on)
        found[name] = ids
        for u in unknown:
            msg = f"fractie {u!r} matches no {doc.chamber} fractie on {on or 'an unknown date'}"
            issues.append(ParseIssue("unknown_fractie", msg, lines.get(name)))
    chamber = doc.chamber
    return (
        tuple(
            dataclasses.replace(s, chamber=chamber, fractie_ids=found[s.fractie]) for s in sections
        ),
        tuple(dataclasses.replace(p, chamber=chamber, fractie_ids=found[p.fractie]) for p in pairs),
        tuple(issues),
    )
