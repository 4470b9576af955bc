"""Each section and pair gets its chamber and the canonical fracties it speaks for
(`parsers/fracties.py`); a printed name that matches none is the issue `unknown_fractie`."""

import dataclasses
from collections.abc import Sequence

from parsers import lexicon as ph
from parsers.fracties import normalize, resolve
from parsers.model import DocumentInfo, Pair, ParseIssue, Section
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


def speaker_mismatches(doc: DocumentInfo, pairs: Sequence[Pair]) -> tuple[ParseIssue, ...]:
    """Pairs whose question names as its speaker ("De leden van de SP-fractie vragen …") a
    fractie its section does not speak for, or whose answer has a sentence that does: the
    questions of a fractie whose heading was not read are credited to the fractie before it.
    A fractie of a joint block may speak alone ("De leden van de GroenLinks-fractie …" under
    "PvdA en GroenLinks")."""
    on = reference_date(doc)
    issues: list[ParseIssue] = []
    for p in pairs:
        for who in _speakers(p.question, False) + _speakers(p.answer or "", True):
            if not _speaks_for(who, p, doc.chamber, on):
                msg = f"pair {p.seq} ({p.fractie}) names the {who}-fractie as speaking"
                issues.append(ParseIssue("speaker_mismatch", msg, p.answer_line))
                break
    return tuple(issues)


def _speakers(text: str, sentence_start: bool) -> list[str]:
    """The fracties `SPEAKER_MENTION_RE` finds ("PvdA- en GroenLinks" as "PvdA en GroenLinks");
    with `sentence_start`, only those that begin a sentence."""
    if "fractie" not in text:  # most answers name none: a substring test first
        return []
    out = []
    for m in ph.SPEAKER_MENTION_RE.finditer(text):
        if sentence_start and m.start() > 0 and text[: m.start()].rstrip()[-1:] not in ".?!":
            continue
        out.append(" en ".join(split_fractie_name(m.group("name"))))
    return out


def _speaks_for(who: str, p: Pair, chamber: str, on: str | None) -> bool:
    if normalize(who) == normalize(p.fractie):
        return True
    ids, unknown = resolve(who, split_fractie_name(who), chamber, on)
    if unknown or not p.fractie_ids:  # a name not in the data: compare the names only
        return normalize(who) in {normalize(n) for n in split_fractie_name(p.fractie)}
    return set(ids) <= set(p.fractie_ids)
