"""Blocks (from any reader) -> `Consultation`: the segmenter.

Steps: body units with paragraph breaks (`segment.units`) -> front matter up to the first
fractie heading (`segment.frontmatter`) -> events: fractie heading, topic subheading,
"Antwoord", answer part, paragraph (`segment.events`) -> the layout, detected once, and its
pairing step (`segment.layouts.LAYOUTS`: letter, separate answer part, interleaved answers,
questions only) -> footnote markers removed (`segment.markers`) -> cross references
(`segment.crossrefs`).

Nothing is lost: every unit lands in exactly one bucket of `Accounting` (front matter, heading,
question, answer, unassigned), footnote and furniture blocks are kept as such, and removed
footnote markers are listed; `parse_blocks_accounted` returns that ledger for the conservation
test.
"""

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from contract.kinds import DocumentKind
from parsers.blocks import Block, BlockKind
from parsers.model import (
    KIND_VERSLAG,
    Consultation,
    DocumentInfo,
    Footnote,
    Pair,
    ParseIssue,
    Unassigned,
)
from parsers.references import kamerstuk_refs_in_flat, parse_kamerstuk_refs
from parsers.segment.answer_part import has_answer_part
from parsers.segment.associations import parse_associations
from parsers.segment.build import build_pairs, build_sections, footnote_issues, pair_issues
from parsers.segment.citations import place_citations
from parsers.segment.commitments import find_commitments
from parsers.segment.events import HEADINGS, PARA, Event, build_events
from parsers.segment.fractie_ids import assign_fracties, document_chamber, speaker_mismatches
from parsers.segment.frontmatter import FrontInfo, parse_front
from parsers.segment.headings import KNOWN_PARTIES
from parsers.segment.interleaved import has_answer_markers
from parsers.segment.kind import decide_kind, front_issues
from parsers.segment.layouts import detect_layout
from parsers.segment.markers import CleanLine, Marker, strip_markers
from parsers.segment.quality import assess
from parsers.segment.timing import read_timing
from parsers.segment.toc import find_body
from parsers.segment.units import (
    LINE_FORMATS,
    Unit,
    build_units,
    flatten_all,
    join_flat,
    join_lines,
)


@dataclass(frozen=True)
class Accounting:
    """Where the text went that `Consultation` does not carry verbatim."""

    front: tuple[Unit, ...]  # front matter lines (title, committee, TOC, …)
    headings: tuple[Unit, ...]  # fractie headings, subheadings, "Antwoord", part headings
    repeated: tuple[Unit, ...]  # questions repeated in a separate answer part
    furniture: tuple[Block, ...]  # URL debris, Word artefacts
    markers: tuple[Marker, ...]  # footnote markers removed from body text


def parse_blocks(
    blocks: Sequence[Block], source_format: str = "txt", kind_hint: str | None = None
) -> Consultation:
    """Segment the blocks of one report; never raises on odd input (issues are recorded).

    `kind_hint` is the source's own label (the TK `Soort`, "Inbreng verslag schriftelijk
    overleg"); it decides the kind only where the text is ambiguous."""
    return parse_blocks_accounted(blocks, source_format, kind_hint)[0]


def parse_blocks_accounted(
    blocks: Sequence[Block], source_format: str = "txt", kind_hint: str | None = None
) -> tuple[Consultation, Accounting]:
    units = build_units(blocks, source_format in LINE_FORMATS)
    furniture, footnotes, loose = _side_blocks(blocks)
    body = find_body(units, KNOWN_PARTIES)
    if body.start is None:
        return _without_sections(
            units, footnotes, loose, furniture, source_format, kind_hint, body.toc_fracties
        )
    known = KNOWN_PARTIES + body.toc_fracties
    front = parse_front(units[: body.start])
    events = build_events(units[body.start :], known, source_format in LINE_FORMATS)
    layout = detect_layout(events)
    paired = layout.pair(events)
    cleaned = _clean_body(events, footnotes)
    markers = tuple(m for c in cleaned.values() for m in c.markers)
    flat = flatten_all([u.text for u in units])  # unit texts are stripped, never empty
    pairs = build_pairs(paired.drafts, cleaned, flat)
    answered = has_answer_part(events) or has_answer_markers(events)
    kind, evidence = decide_kind(front, answered, kind_hint, units[: body.start])
    # flat: the units' texts, then the footnotes' (join_lines made them flat)
    all_text = " ".join([join_flat(flat), *(f.text for f in footnotes if f.text)])
    front_text = join_flat(flat[: body.start])
    document, sent = _document(front, kind, evidence, body.toc_fracties, all_text, front_text)
    unassigned = (*_unassigned(paired.orphans, cleaned), *loose)
    all_issues = (
        *front_issues(front, kind),
        *sent,
        *paired.issues,
        *pair_issues(pairs, kind == KIND_VERSLAG and answered),
        *footnote_issues(markers, footnotes),
        *_loose_issues(loose),
    )
    texts = (units, all_text, front_text)
    consultation = _consultation(
        document,
        events,
        pairs,
        footnotes,
        unassigned,
        all_issues,
        (source_format, layout.name),
        texts,
    )
    heads = tuple(u for ev in events if ev.kind in HEADINGS for u in ev.units)
    ledger = Accounting(tuple(units[: body.start]), heads, paired.repeated, furniture, markers)
    return consultation, ledger


def _consultation(
    document: DocumentInfo,
    events: Sequence[Event],
    pairs: tuple[Pair, ...],
    footnotes: tuple[Footnote, ...],
    unassigned: tuple[Unassigned, ...],
    issues: tuple[ParseIssue, ...],
    labels: tuple[str, str],
    texts: tuple[Sequence[Unit], str, str],
) -> Consultation:
    """`labels`: the source format and the layout; `texts`: the units, the whole text flat and
    the front matter flat."""
    source_format, layout = labels
    units, all_text, front_text = texts
    sections, pairs, unknown = assign_fracties(document, build_sections(events), pairs)
    issues = (*issues, *unknown, *speaker_mismatches(document, pairs))
    return Consultation(
        document=document,
        sections=sections,
        pairs=pairs,
        footnotes=footnotes,
        kamerstuk_references=place_citations(
            kamerstuk_refs_in_flat(all_text), front_text, pairs, footnotes
        ),
        unassigned=unassigned,
        issues=issues,
        source_format=source_format,
        layout=layout,
        quality=assess(document, sections, pairs, unassigned, issues, units),
        commitments=find_commitments(pairs),
    )


def _clean_body(events: Sequence[Event], footnotes: Sequence[Footnote]) -> dict[int, CleanLine]:
    """Body lines that held footnote markers, without them, keyed by unit position, markers
    read in document order (a unit not in it has no marker).

    Numbering starts at 1, or at the first printed footnote when that is well past 1 (a report
    that continues the numbering of another document)."""
    lowest = min((f.n for f in footnotes), default=1)
    first = lowest if lowest > 4 else 1
    body = [u for ev in events if ev.kind == PARA for u in ev.units]
    cleaned = strip_markers([(u.line, u.text) for u in body], first)
    return {body[idx].pos: c for idx, c in cleaned.items()}


def _unassigned(orphans: Sequence[Unit], cleaned: dict[int, CleanLine]) -> list[Unassigned]:
    out = []
    for u in orphans:
        out.append(Unassigned(cleaned[u.pos].text if u.pos in cleaned else u.text, u.line))
    return out


def _side_blocks(
    blocks: Sequence[Block],
) -> tuple[tuple[Block, ...], tuple[Footnote, ...], tuple[Unassigned, ...]]:
    """Furniture, footnotes and footnote text without a number (kept, unassigned), in one
    pass over the blocks."""
    furniture: list[Block] = []
    groups: dict[int, list[Block]] = {}
    loose: list[Unassigned] = []
    paragraph = BlockKind.PARAGRAPH
    for b in [b for b in blocks if b.kind is not paragraph]:  # most blocks are body text
        if b.kind is BlockKind.FURNITURE:
            furniture.append(b)
        elif b.kind is BlockKind.FOOTNOTE:
            if b.footnote_n is not None:
                groups.setdefault(b.footnote_n, []).append(b)
            elif b.text.strip():
                loose.append(Unassigned(b.text.strip(), b.line))
    footnotes = tuple(
        Footnote(n, join_lines([b.text for b in bs]), bs[0].line) for n, bs in groups.items()
    )
    return tuple(furniture), footnotes, tuple(loose)


def _loose_issues(loose: Sequence[Unassigned]) -> tuple[ParseIssue, ...]:
    msg = "footnote text without a footnote number; kept unassigned"
    return tuple(ParseIssue("footnote_without_number", msg, u.line) for u in loose)


def _document(
    front: FrontInfo,
    kind: DocumentKind,
    evidence: str,
    toc: tuple[str, ...],
    text: str,
    front_text: str,
) -> tuple[DocumentInfo, tuple[ParseIssue, ...]]:
    """The document's fields, and the issues of the dates it says things were sent."""
    timing = read_timing(front_text)
    info = DocumentInfo(
        dossier=front.dossier,
        ondernummer=front.ondernummer,
        kind=kind,
        title=front.title,
        date=front.date,
        council_date=front.council_date,
        committee=front.committee,
        chair=front.chair,
        clerk=front.clerk,
        addressee=front.addressee,
        subjects=front.subjects,
        toc_fracties=toc,
        dossier_number=front.dossier_number,
        toevoeging=front.toevoeging,
        co_dossiers=front.co_dossiers,
        kind_evidence=evidence,
        nader=front.nader,
        associations=parse_associations(text),
        chamber=document_chamber(front.ondernummer, front_text),
        questions_sent=timing.questions_sent,
        answers_sent=timing.answers_sent,
    )
    return info, timing.issues


def _without_sections(
    units: Sequence[Unit],
    footnotes: tuple[Footnote, ...],
    loose: tuple[Unassigned, ...],
    furniture: tuple[Block, ...],
    source_format: str,
    kind_hint: str | None,
    toc: tuple[str, ...] = (),
) -> tuple[Consultation, Accounting]:
    """No body found: a partial result with all text after the front matter unassigned."""
    front = parse_front(units)
    kind, evidence = decide_kind(front, False, kind_hint, units)
    issue = ParseIssue(
        "no_fractie_headings",
        "no heading such as 'Vragen en opmerkingen van de leden van de VVD-fractie' was found; "
        "the text is kept unassigned",
    )
    text = join_lines([u.text for u in units])
    document, sent = _document(front, kind, evidence, toc, text, text)
    unassigned = (*(Unassigned(u.text, u.line) for u in units), *loose)
    issues = (issue, *front_issues(front, kind), *sent, *_loose_issues(loose))
    consultation = Consultation(
        document=document,
        sections=(),
        pairs=(),
        footnotes=footnotes,
        kamerstuk_references=tuple(  # no body: all of it is front matter
            dataclasses.replace(r, part="front") for r in parse_kamerstuk_refs(text)
        ),
        unassigned=unassigned,
        issues=issues,
        source_format=source_format,
        layout="none",
        quality=assess(document, (), (), unassigned, issues, units),
    )
    return consultation, Accounting((), (), (), furniture, ())
