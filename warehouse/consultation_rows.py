"""The rows of one parsed consultation, per warehouse table (pure: no SQL).

Built before a transaction opens, so loading a batch keeps its transaction short. Each list of
values is in the column order of its table (0001_init.sql, 0007, 0008, 0010-0014):
warehouse/bulk.py inserts by position.
"""

import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from parsers.lexicon.meetings import KAMERSTUK_NUMBER
from parsers.model import Consultation, Footnote, KamerstukRef, ParseIssue, Subject
from warehouse.db import WarehouseRefusal

CHILD_TABLES = (
    "consultation_subjects",
    "sections",
    "qa_pairs",
    "answer_references",
    "footnotes",
    "pair_footnotes",
    "kamerstuk_references",
    "unassigned_text",
    "consultation_associations",
    "commitments",  # 0014
)
# a title that starts with the Kamerstuk it is about: "32317-790 …" (or an EK "32317-DQ …")
_KAMERSTUK_RE = re.compile(rf"^\s*({KAMERSTUK_NUMBER})\b")


def _iso_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text.strip()) if text else None
    except ValueError:
        return None


def _council_span(council_date: str | None) -> tuple[date | None, date | None]:
    """ "2022-12-08/2022-12-09" -> (start, end); one date -> (d, d)."""
    if not council_date:
        return None, None
    start, _, end = council_date.partition("/")
    first = _iso_date(start)
    return first, _iso_date(end) if end else first


def agenda_key(c: Consultation) -> str | None:
    """What an inbreng and its verslag share: the annotated agenda they discuss.

    The first subject titled "Geannoteerde agenda …" with a Kamerstuk, else a Kamerstuk at the
    start of the title ("32317-790       JBZ-Raad op 8 en 9 december 2022 …"), else the Council
    dates with committee and addressee (the two reports per Council differ in addressee).
    """
    d = c.document
    for s in d.subjects:
        if s.title.lower().startswith("geannoteerde agenda") and s.kamerstukken:
            return f"kst:{s.kamerstukken[0]}"
    m = _KAMERSTUK_RE.match(d.title or "")
    if m:
        return f"kst:{m.group(1)}"
    if d.council_date:
        return f"council:{d.council_date}|{d.committee or ''}|{d.addressee or ''}"
    return None


def _date_issues(c: Consultation) -> list[ParseIssue]:
    """Dates the warehouse cannot store as DATE are kept as NULL; say so instead of hiding it."""
    d = c.document
    texts = [("date", d.date), ("questions_sent", d.questions_sent)]
    texts += [("answers_sent", d.answers_sent)]
    if d.council_date:
        texts += [("council_date", part) for part in d.council_date.split("/", 1)]
    return [
        ParseIssue("unreadable_date", f"{name} {text!r} is not an ISO date; stored as NULL")
        for name, text in texts
        if text and _iso_date(text) is None
    ]


def _consultation_row(
    document_id: str, sha256: str, c: Consultation, n_issues: int, now: datetime
) -> list[Any]:
    d = c.document
    start, end = _council_span(d.council_date)
    return [
        document_id,
        document_id,
        d.kind,
        d.dossier,
        d.ondernummer,
        d.title,
        _iso_date(d.date),
        d.council_date,
        start,
        end,
        d.committee,
        d.chair,
        d.clerk,
        d.addressee,
        list(d.toc_fracties),
        agenda_key(c),
        len(c.pairs),
        len(c.unassigned),
        n_issues,
        c.source_format,
        c.parser_version,
        sha256,
        now,
        int(d.dossier_number) if d.dossier_number else None,  # INTEGER, as on documents
        d.toevoeging,
        list(d.co_dossiers),
        d.kind_evidence,
        c.layout,
        c.quality.verdict,
        list(c.quality.reasons),
        d.chamber,  # 0010
        _iso_date(d.questions_sent),  # 0011
        _iso_date(d.answers_sent),
    ]


def _subject_rows(cid: str, subjects: Sequence[Subject]) -> list[list[Any]]:
    return [[cid, i, s.title, list(s.kamerstukken), s.zaak] for i, s in enumerate(subjects, 1)]


def _footnotes(c: Consultation) -> tuple[list[Footnote], list[ParseIssue]]:
    """Footnotes unique by number; a second, different text under a number becomes an issue."""
    kept: dict[int, Footnote] = {}
    issues: list[ParseIssue] = []
    for f in c.footnotes:
        if f.n not in kept:
            kept[f.n] = f
        elif kept[f.n].text != f.text:
            issues.append(
                ParseIssue(
                    "duplicate_footnote_number",
                    f"footnote {f.n} printed twice; second text: {f.text}",
                    f.line,
                )
            )
    return list(kept.values()), issues


def _pair_rows(cid: str, c: Consultation) -> dict[str, list[list[Any]]]:
    parties: dict[str, list[str]] = {}
    for s in c.sections:
        parties.setdefault(s.fractie, list(s.parties))
    seqs = [p.seq for p in c.pairs]
    if len(set(seqs)) != len(seqs):
        raise WarehouseRefusal(f"consultation {cid}: pair numbers (seq) are not unique")
    pairs = [
        [cid, p.seq, p.fractie, parties.get(p.fractie, [p.fractie]), p.topic, p.question,
         p.answer, p.question_count, p.answer_line, p.chamber, list(p.fractie_ids),
         p.questions_direct, p.questions_indirect]
        for p in c.pairs
    ]  # fmt: skip
    # most pairs refer to no other answer and cite no footnote: skip them (the batch is hot)
    refs = [
        [cid, p.seq, n, r.fractie, r.seq, r.confidence]
        for p in c.pairs
        if p.refers_to
        for n, r in enumerate(p.refers_to, 1)
    ]
    notes = [[cid, p.seq, n] for p in c.pairs if p.footnotes for n in sorted(set(p.footnotes))]
    return {"pairs": pairs, "refs": refs, "notes": notes}


def _kamerstuk(k: KamerstukRef) -> str:
    return "-".join(x for x in (k.dossier, k.toevoeging, k.ondernummer) if x)


def _child_rows(cid: str, c: Consultation, notes: Sequence[Footnote]) -> dict[str, list[Any]]:
    """Rows per child table, each in the table's column order (see 0001_init.sql)."""
    pairs = _pair_rows(cid, c)
    return {
        "consultation_subjects": _subject_rows(cid, c.document.subjects),
        "sections": [
            [
                cid,
                i,
                s.fractie,
                list(s.parties),
                s.heading,
                s.singular_member,
                s.line,
                s.chamber,
                list(s.fractie_ids),
            ]
            for i, s in enumerate(c.sections, 1)
        ],
        "qa_pairs": pairs["pairs"],
        "answer_references": pairs["refs"],
        "footnotes": [[cid, f.n, f.text, f.line] for f in notes],
        "pair_footnotes": pairs["notes"],
        "kamerstuk_references": [
            [cid, i, _kamerstuk(k), k.dossier, k.toevoeging, k.ondernummer, k.text, k.seq, k.part]
            for i, k in enumerate(c.kamerstuk_references, 1)
        ],
        "unassigned_text": [[cid, i, u.text, u.line] for i, u in enumerate(c.unassigned, 1)],
        "consultation_associations": [
            [cid, i, a.fractie, list(a.joins)] for i, a in enumerate(c.document.associations, 1)
        ],
        "commitments": [
            [cid, i, m.seq, m.kind, m.sentence] for i, m in enumerate(c.commitments, 1)
        ],
    }


def document_rows(
    document_id: str, sha256: str, c: Consultation, now: datetime
) -> dict[str, list[Any]]:
    """Every row of one document, per table; `now` is its parsed_at (one per transaction).

    ValueError for a parse the warehouse refuses (a pair number given twice)."""
    footnotes, extra_issues = _footnotes(c)
    issues = [*c.issues, *extra_issues, *_date_issues(c)]
    rows = _child_rows(document_id, c, footnotes)
    rows["consultations"] = [_consultation_row(document_id, sha256, c, len(issues), now)]
    rows["parse_issues"] = [
        [document_id, i, x.code, x.message, x.line, sha256, now] for i, x in enumerate(issues, 1)
    ]
    return rows
