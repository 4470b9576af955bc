"""Pairing for the older layout with a separate part "II Antwoord / Reactie van de minister".

Rule (see also `parsers.segment.pairs`): questions are the paragraphs of the fractie sections
before the part heading. In the answer part, a paragraph repeating a question (same first twelve
words, case and whitespace ignored) opens that question's answer; following paragraphs up to the
next repeated question or fractie heading belong to it. A fractie section in the answer part that
repeats none of its questions is matched by order when it has exactly as many paragraphs as the
fractie has questions; otherwise its text is unassigned.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

from parsers.model import ParseIssue
from parsers.segment.events import ANSWER, PARA, PART, SECTION, Event
from parsers.segment.pairs import Draft, pair_questions_only
from parsers.segment.units import Unit, join_lines

_KEY_WORDS = 12


def _key(units: Sequence[Unit]) -> str:
    return " ".join(join_lines([u.text for u in units]).lower().split()[:_KEY_WORDS])


@dataclass
class _Chunk:
    fractie: str | None
    target: int | None  # index of the draft whose question this chunk repeats
    repeat: list[Unit] = field(default_factory=list)  # the repeated question text
    paras: list[list[Unit]] = field(default_factory=list)


def pair_answer_part(
    events: Sequence[Event],
) -> tuple[list[Draft], list[Unit], list[Unit], list[ParseIssue]]:
    """Drafts, orphan units, repeated-question units (headings bucket), issues."""
    cut = next(i for i, ev in enumerate(events) if ev.kind == PART)
    drafts, orphans = pair_questions_only(events[:cut])
    keys = {(d.fractie, _key(d.question)): i for i, d in enumerate(drafts)}
    chunks = _chunks(events[cut + 1 :], keys)
    repeats: list[Unit] = []
    issues: list[ParseIssue] = []
    by_fractie: dict[str | None, list[_Chunk]] = {}
    for ch in chunks:
        by_fractie.setdefault(ch.fractie, []).append(ch)
        repeats.extend(ch.repeat)
    for fractie, group in by_fractie.items():
        if any(ch.target is not None for ch in group):
            for ch in group:
                _attach(drafts, ch, orphans)
            continue
        paras = [p for ch in group for p in ch.paras]
        own = [i for i, d in enumerate(drafts) if d.fractie == fractie]
        if fractie is not None and paras and len(paras) == len(own):
            for i, p in zip(own, paras, strict=True):
                drafts[i].answer = list(p)
        elif paras:
            orphans.extend(u for p in paras for u in p)
            line = paras[0][0].line
            msg = f"answers of {fractie or 'unknown fractie'} could not be matched to questions"
            issues.append(ParseIssue("answers_unmatched", msg, line))
    return drafts, orphans, repeats, issues


def _attach(drafts: list[Draft], ch: _Chunk, orphans: list[Unit]) -> None:
    if ch.target is None:
        orphans.extend(u for p in ch.paras for u in p)
        return
    d = drafts[ch.target]
    d.answer = [u for p in ch.paras for u in p]
    d.answer_line = ch.paras[0][0].line if ch.paras else None


def _chunks(events: Sequence[Event], keys: dict[tuple[str, str], int]) -> list[_Chunk]:
    chunks: list[_Chunk] = []
    fractie: str | None = None
    for ev in events:
        if ev.kind == SECTION and ev.head:
            fractie = ev.head.fractie
            chunks.append(_Chunk(fractie, None))
        elif ev.kind == PARA:
            key = _key(ev.units)
            hit = keys.get((fractie, key)) if fractie else None
            if hit is None and fractie is None:
                hit = next((i for (_f, k), i in keys.items() if k == key), None)
            if hit is not None:
                chunks.append(_Chunk(fractie, hit, list(ev.units)))
            elif chunks:
                chunks[-1].paras.append(list(ev.units))
            else:
                chunks.append(_Chunk(fractie, None, [], [list(ev.units)]))
        elif ev.kind in (ANSWER, PART):
            continue
    return chunks
