"""Final records from the drafts: `Pair`s (texts, counts, footnotes, cross references),
`Section`s, and issues about footnotes."""

import re
from collections.abc import Sequence
from dataclasses import replace

from parsers.model import Footnote, Pair, ParseIssue, Section
from parsers.segment.crossrefs import Pointer, find_pointers
from parsers.segment.events import SECTION, Event
from parsers.segment.markers import CleanLine, Marker
from parsers.segment.paired import Draft
from parsers.segment.questions import indirect_questions
from parsers.segment.referrals import PairText, resolve_all
from parsers.segment.units import Unit, join_flat, join_lines

# A question sentence ends in "?" ("… (asiel)migranten?  "), possibly before a closing quote:
# the rule `question_count` counts without running it (a test holds the two together).
_QUESTION_END_RE = re.compile(r"\?+(?=[\s\"”’')]|$)")
_AFTER_QUESTION = "\"”’')"


def question_count(text: str) -> int:
    """The matches of `_QUESTION_END_RE`, found without running it (it tries every position):
    the text cut at each "?"; a run of "?" ends where a piece is not empty, and counts when
    that piece starts with a space, quote or bracket, or the run ends the text."""
    pieces = text.split("?")
    last = len(pieces) - 1
    count = 0
    for k in range(1, last + 1):
        nxt = pieces[k]
        if nxt:
            count += nxt[0] in _AFTER_QUESTION or nxt[0].isspace()
        elif k == last:
            count += 1
    return count


def _text(units: Sequence[Unit], cleaned: dict[int, CleanLine], flat: Sequence[str]) -> str:
    """The units' text without footnote markers; `flat` holds every unit's text flattened."""
    positions = [u.pos for u in units]
    if cleaned.keys().isdisjoint(positions):
        return join_flat([flat[p] for p in positions])
    return join_lines([cleaned[u.pos].text if u.pos in cleaned else u.text for u in units])


def _markers(units: Sequence[Unit], cleaned: dict[int, CleanLine]) -> list[int]:
    out: list[int] = []
    for u in units:
        for m in cleaned[u.pos].markers if u.pos in cleaned else ():
            if m.n not in out:
                out.append(m.n)
    return out


def build_pairs(
    drafts: Sequence[Draft], cleaned: dict[int, CleanLine], flat: Sequence[str]
) -> tuple[Pair, ...]:
    """Pairs from the drafts; `cleaned` holds the lines that had footnote markers, `flat` every
    unit's text flattened (by unit position). Referrals are resolved once all pairs are read."""
    fracties = list(dict.fromkeys(d.fractie for d in drafts))
    pairs: list[Pair] = []
    pointers: list[list[Pointer]] = []
    for seq, d in enumerate(drafts, start=1):
        question = _text(d.question, cleaned, flat)
        answer = _text(d.answer, cleaned, flat) if d.answer is not None else None
        pointers.append(find_pointers(answer or "", d.fractie, fracties))
        notes = _markers(d.question, cleaned)
        notes += [n for n in _markers(d.answer or [], cleaned) if n not in notes]
        direct = question_count(question)
        pairs.append(
            Pair(
                seq=seq,
                fractie=d.fractie,
                topic=d.topic,
                question=question,
                answer=answer,
                question_count=direct,
                refers_to=(),
                footnotes=tuple(notes),
                answer_line=d.answer_line,
                questions_direct=direct,
                questions_indirect=indirect_questions(question),
            )
        )
    if not any(pointers):
        return tuple(pairs)
    texts = [PairText(p.seq, p.fractie, p.question, p.answer or "") for p in pairs]
    refs = resolve_all(texts, pointers)
    return tuple(replace(p, refers_to=r) if r else p for p, r in zip(pairs, refs, strict=True))


def build_sections(events: Sequence[Event]) -> tuple[Section, ...]:
    sections: list[Section] = []
    seen: set[str] = set()
    for ev in events:
        if ev.kind != SECTION or ev.head is None or ev.head.fractie in seen:
            continue  # a fractie heading repeated in a separate answer part is not a new section
        seen.add(ev.head.fractie)
        u = ev.units[0]
        sections.append(Section(ev.head.fractie, ev.head.parties, u.text, ev.head.singular, u.line))
    return tuple(sections)


def pair_issues(pairs: Sequence[Pair], answered: bool) -> tuple[ParseIssue, ...]:
    """Pairs a person should look at: no question text, or no answer in a verslag."""
    issues: list[ParseIssue] = []
    for p in pairs:
        if not p.question:
            msg = f"pair {p.seq} ({p.fractie}) has an answer but no question text"
            issues.append(ParseIssue("empty_question", msg, p.answer_line))
        if answered and not p.answer:
            msg = f"pair {p.seq} ({p.fractie}) has no answer"
            issues.append(ParseIssue("question_without_answer", msg, p.answer_line))
    return tuple(issues)


def footnote_issues(
    markers: Sequence[Marker], footnotes: Sequence[Footnote]
) -> tuple[ParseIssue, ...]:
    """Markers whose footnote text is missing from the input, and texts without a marker."""
    issues: list[ParseIssue] = []
    texts = {f.n for f in footnotes}
    marked = {m.n for m in markers}
    for m in markers:
        if m.n not in texts:
            msg = f"footnote {m.n} is referred to but its text is not in the document"
            issues.append(ParseIssue("footnote_text_missing", msg, m.line))
    for f in footnotes:
        if f.n not in marked:
            msg = f"footnote {f.n} has no marker in the body text"
            issues.append(ParseIssue("footnote_marker_missing", msg, f.line))
    return tuple(issues)
