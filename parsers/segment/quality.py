"""The parser's own verdict on a parse, from checks that need no gold.

"failed": nothing usable (no body, or no question found). "suspect": something a person should
look at; each reason is a short code. "ok": none of the checks fired. Checks:
- toc_fracties_missing_in_body: a fractie the table of contents lists has no section or pair;
- section_without_pairs: a fractie heading with no question under it;
- fractie_without_heading: in a report with fractie headings, a fractie asks outside both a
  heading of its own and a topic a headed fractie shares ("Inleiding", 2021D27012): its heading
  was not read (or was read as a topic of its own);
- verslag_without_answers / questions_without_answers: a verslag where none, or only some,
  questions got an answer;
- unassigned_text: more than 5 % of the text's characters could not be placed;
- text_cut_off: the last question or answer stops mid-sentence (a truncated file);
- and the issues that say a field or an answer did not read (date_unfilled in a verslag,
  number_unfilled, answers_unmatched, empty_question, unknown_fractie);
- speaker_mismatch: a question, or an answer sentence that starts with it, names as speaking
  a fractie its section does not speak for (a fractie heading in a wording the lexicon lacks
  credits its questions to the fractie before; segment/fractie_ids.py).
"""

from collections.abc import Sequence

from parsers.model import KIND_VERSLAG, DocumentInfo, Pair, ParseIssue, Quality, Section, Unassigned
from parsers.segment.kind import DATE_UNFILLED_MESSAGE
from parsers.segment.units import Unit

_UNASSIGNED_SHARE = 0.05
_ISSUE_REASONS = frozenset(
    {
        "number_unfilled",
        "answers_unmatched",
        "empty_question",
        "speaker_mismatch",
        "unknown_fractie",
    }
)
_SENTENCE_END = '.?!)"”’:;'


def assess(
    doc: DocumentInfo,
    sections: Sequence[Section],
    pairs: Sequence[Pair],
    unassigned: Sequence[Unassigned],
    issues: Sequence[ParseIssue],
    units: Sequence[Unit],
) -> Quality:
    if not pairs:
        return Quality("failed", ("no_pairs",))
    reasons: list[str] = []
    asked = {p.fractie for p in pairs}
    if any(f not in asked for f in doc.toc_fracties):
        reasons.append("toc_fracties_missing_in_body")
    if any(s.fractie not in asked for s in sections):
        reasons.append("section_without_pairs")
    if _fractie_without_heading(sections, pairs):
        reasons.append("fractie_without_heading")
    if doc.kind == KIND_VERSLAG:
        answered = sum(1 for p in pairs if p.answer)
        if answered == 0:
            reasons.append("verslag_without_answers")
        elif answered < len(pairs):
            reasons.append("questions_without_answers")
        if any(i.message == DATE_UNFILLED_MESSAGE for i in issues):  # the Vastgesteld date
            reasons.append("date_unfilled")
    body = sum(len(u.text) for u in units) or 1
    if sum(len(u.text) for u in unassigned) / body > _UNASSIGNED_SHARE:
        reasons.append("unassigned_text")
    last = pairs[-1].answer or pairs[-1].question
    if last and last.rstrip()[-1:] not in _SENTENCE_END:
        reasons.append("text_cut_off")
    reasons += sorted({i.code for i in issues if i.code in _ISSUE_REASONS})
    return Quality("suspect" if reasons else "ok", tuple(reasons))


def _fractie_without_heading(sections: Sequence[Section], pairs: Sequence[Pair]) -> bool:
    headed = {s.fractie for s in sections}
    if not headed:
        return False  # a report organised by topic: speakers name themselves (kst-32317-68)
    shared = {p.topic for p in pairs if p.fractie in headed and p.topic is not None}
    return any(p.fractie not in headed and p.topic not in shared for p in pairs)
