"""The separate_part layout's pairing step: all answers in a part "II Antwoord / Reactie …".

Rule (see also `parsers.segment.interleaved`): questions are the paragraphs of the fractie sections
before the part heading. In the answer part, a paragraph repeating a question (same first twelve
words, case and whitespace ignored) opens that question's answer; following paragraphs up to the
next repeated question or fractie heading belong to it. A fractie section in the answer part that
repeats none of its questions is matched by order: one "Antwoord"-opened chunk per question when
the counts agree, else one paragraph per question when those counts agree; otherwise its text is
unassigned (ParseIssue "answers_unmatched").
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

from parsers.model import ParseIssue
from parsers.segment.events import ANSWER, PARA, PART, SECTION, Event
from parsers.segment.paired import Draft, Paired
from parsers.segment.questions_only import pair_questions_only
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
    marker: int | None = None  # line of the "Antwoord" that opened this chunk


def has_answer_part(events: Sequence[Event]) -> bool:
    """The separate-answer layout's test: a part heading "II Antwoord / Reactie …"."""
    return any(ev.kind == PART for ev in events)


def pair_answer_part(events: Sequence[Event]) -> Paired:
    """Drafts, orphan units, repeated-question units (headings bucket), issues."""
    cut = next(i for i, ev in enumerate(events) if ev.kind == PART)
    questions = pair_questions_only(events[:cut])
    drafts, orphans = list(questions.drafts), list(questions.orphans)
    keys = {(d.fractie, _key(d.question)): i for i, d in enumerate(drafts)}
    chunks = _chunks(events[cut + 1 :], keys)
    issues: list[ParseIssue] = []
    by_fractie: dict[str | None, list[_Chunk]] = {}
    for ch in chunks:
        by_fractie.setdefault(ch.fractie, []).append(ch)
    for fractie, group in by_fractie.items():
        own = [i for i, d in enumerate(drafts) if d.fractie == fractie]
        left = _match_group(drafts, group, own if fractie is not None else [])
        if left:
            orphans.extend(u for p in left for u in p)
            msg = f"answers of {fractie or 'unknown fractie'} could not be matched to questions"
            issues.append(ParseIssue("answers_unmatched", msg, left[0][0].line))
    repeats = tuple(u for ch in chunks for u in ch.repeat)
    return Paired(tuple(drafts), tuple(orphans), repeats, tuple(issues))


def _match_group(drafts: list[Draft], group: list[_Chunk], own: list[int]) -> list[list[Unit]]:
    """Attach a fractie's answer chunks to its drafts; return the paragraphs left over.

    By repeated question text; else one "Antwoord"-opened chunk per question, in order; else one
    paragraph per question, in order."""
    if any(ch.target is not None for ch in group):
        for ch in group:
            if ch.target is not None:
                _answer(drafts[ch.target], ch.paras, ch.paras[0][0].line if ch.paras else None)
        return [p for ch in group if ch.target is None for p in ch.paras]
    marked = [ch for ch in group if ch.marker is not None]
    if own and marked and len(marked) == len(own):
        for i, ch in zip(own, marked, strict=True):
            _answer(drafts[i], ch.paras, ch.marker)
        return [p for ch in group if ch.marker is None for p in ch.paras]
    paras = [p for ch in group for p in ch.paras]
    if own and len(paras) == len(own):
        for i, p in zip(own, paras, strict=True):
            _answer(drafts[i], [p], p[0].line)
        return []
    return paras


def _answer(draft: Draft, paras: list[list[Unit]], line: int | None) -> None:
    draft.answer = [u for p in paras for u in p]
    draft.answer_line = line


def _chunks(events: Sequence[Event], keys: dict[tuple[str, str], int]) -> list[_Chunk]:
    chunks: list[_Chunk] = []
    fractie: str | None = None
    for ev in events:
        if ev.kind == SECTION and ev.head:
            fractie = ev.head.fractie
            chunks.append(_Chunk(fractie, None))
        elif ev.kind == ANSWER:
            last = chunks[-1] if chunks else None
            if last is None or last.target is None or last.paras:
                # "Antwoord" opens an answer; right after a repeated question it only marks it
                chunks.append(_Chunk(fractie, None, marker=ev.units[0].line))
        elif ev.kind == PARA:
            hit = _repeated(keys, fractie, _key(ev.units))
            if hit is not None:
                chunks.append(_Chunk(fractie, hit, list(ev.units)))
            elif chunks:
                chunks[-1].paras.append(list(ev.units))
            else:
                chunks.append(_Chunk(fractie, None, [], [list(ev.units)]))
    return chunks


def _repeated(keys: dict[tuple[str, str], int], fractie: str | None, key: str) -> int | None:
    if fractie is not None:
        return keys.get((fractie, key))
    return next((i for (_f, k), i in keys.items() if k == key), None)
