"""Output of a parsed consultation: the JSON shape of `jbz parse` and a readable outline.

JSON shape (extra keys may be added, these never change):
{"document": {dossier, ondernummer, kind, title, date, council_date, committee, chair, clerk,
  addressee, subjects: [{title, kamerstukken: ["32317-790"], zaak}], toc_fracties: [...],
  dossier_number, toevoeging, co_dossiers, kind_evidence, nader, associations: [{fractie, joins}],
  chamber, questions_sent, answers_sent},
 "sections": [{fractie, parties, heading, singular_member, chamber, fractie_ids}],
 "pairs": [{seq, fractie, topic, question, answer, question_count,
  refers_to: [{fractie, seq, confidence}], footnotes: [n, ...], questions_direct,
  questions_indirect, chamber, fractie_ids}],
 "footnotes": [{n, text}], "kamerstuk_references": [{dossier, toevoeging, ondernummer, text,
  seq, part}],
 "unassigned": [...], "issues": [...], "layout", "quality": {verdict, reasons: [...]},
 "commitments": [{seq, sentence, kind}]}
"""

import json
import textwrap
from typing import Any

from parsers.model import Consultation, DocumentInfo, Pair


def to_json_dict(c: Consultation) -> dict[str, Any]:
    return {
        "document": _document_dict(c.document),
        "sections": [
            {
                "fractie": s.fractie,
                "parties": list(s.parties),
                "heading": s.heading,
                "singular_member": s.singular_member,
                "line": s.line,
                "chamber": s.chamber,
                "fractie_ids": list(s.fractie_ids),
            }
            for s in c.sections
        ],
        "pairs": [_pair_dict(p) for p in c.pairs],
        "footnotes": [{"n": f.n, "text": f.text, "line": f.line} for f in c.footnotes],
        "kamerstuk_references": [
            {
                "dossier": r.dossier,
                "toevoeging": r.toevoeging,
                "ondernummer": r.ondernummer,
                "text": r.text,
                "seq": r.seq,
                "part": r.part,
            }
            for r in c.kamerstuk_references
        ],  # fmt: skip
        "unassigned": [{"text": u.text, "line": u.line} for u in c.unassigned],
        "issues": [{"code": i.code, "message": i.message, "line": i.line} for i in c.issues],
        "layout": c.layout,
        "quality": {"verdict": c.quality.verdict, "reasons": list(c.quality.reasons)},
        "source_format": c.source_format,
        "parser_version": c.parser_version,
        "commitments": [
            {"seq": m.seq, "sentence": m.sentence, "kind": m.kind} for m in c.commitments
        ],
    }


def _document_dict(d: DocumentInfo) -> dict[str, Any]:
    return {
        "dossier": d.dossier,
        "ondernummer": d.ondernummer,
        "kind": d.kind,
        "title": d.title,
        "date": d.date,
        "council_date": d.council_date,
        "committee": d.committee,
        "chair": d.chair,
        "clerk": d.clerk,
        "addressee": d.addressee,
        "subjects": [
            {"title": s.title, "kamerstukken": list(s.kamerstukken), "zaak": s.zaak}
            for s in d.subjects
        ],
        "toc_fracties": list(d.toc_fracties),
        "dossier_number": d.dossier_number,
        "toevoeging": d.toevoeging,
        "co_dossiers": list(d.co_dossiers),
        "kind_evidence": d.kind_evidence,
        "nader": d.nader,
        "associations": [{"fractie": a.fractie, "joins": list(a.joins)} for a in d.associations],
        "chamber": d.chamber,
        "questions_sent": d.questions_sent,
        "answers_sent": d.answers_sent,
    }


def _pair_dict(p: Pair) -> dict[str, Any]:
    return {
        "seq": p.seq,
        "fractie": p.fractie,
        "topic": p.topic,
        "question": p.question,
        "answer": p.answer,
        "question_count": p.question_count,
        "refers_to": [
            {"fractie": r.fractie, "seq": r.seq, "confidence": r.confidence} for r in p.refers_to
        ],
        "footnotes": list(p.footnotes),
        "answer_line": p.answer_line,
        "questions_direct": p.questions_direct,
        "questions_indirect": p.questions_indirect,
        "chamber": p.chamber,
        "fractie_ids": list(p.fractie_ids),
    }


def render_json(c: Consultation) -> str:
    return json.dumps(to_json_dict(c), ensure_ascii=False, indent=2)


def render_text(c: Consultation) -> str:
    """An outline for a person: front matter, then per fractie the pairs, shortened."""
    d = c.document
    out = [
        d.title or "(no title)",
        f"  kind: {d.kind}   dossier: {d.dossier or '-'}   nr: {d.ondernummer or '-'}",
        f"  council: {d.council_date or '-'}   adopted: {d.date or '-'}",
        f"  committee: {d.committee or '-'}   chair: {d.chair or '-'}   clerk: {d.clerk or '-'}",
        f"  addressed to: {d.addressee or '-'}",
        f"  layout: {c.layout}   kind from: {d.kind_evidence}   quality: {c.quality.verdict}"
        + (f" ({', '.join(c.quality.reasons)})" if c.quality.reasons else ""),
    ]
    out += [f"  subject: {s.title} ({', '.join(s.kamerstukken) or s.zaak})" for s in d.subjects]
    headings = {s.fractie: s.heading for s in c.sections}
    # every fractie that asked, also where no heading names it (reports organised by topic)
    for fractie in dict.fromkeys([*headings, *(p.fractie for p in c.pairs)]):
        own = [p for p in c.pairs if p.fractie == fractie]
        heading = headings.get(fractie, "(no fractie heading: named in the text)")
        out += ["", f"== {fractie} ({len(own)} pairs) — {heading}"]
        out += [_pair_text(p) for p in own]
    cited = len(c.kamerstuk_references)
    out += ["", f"footnotes: {len(c.footnotes)}   Kamerstukken cited: {cited}"]
    out += [f"unassigned (line {u.line}): {_short(u.text)}" for u in c.unassigned]
    out += [f"issue {i.code} (line {i.line}): {i.message}" for i in c.issues]
    return "\n".join(out) + "\n"


def _pair_text(p: Pair) -> str:
    refs = ", ".join(f"{r.fractie}#{r.seq}" if r.seq else r.fractie for r in p.refers_to)
    lines = [f"  #{p.seq} [{p.topic or '-'}] {p.question_count} question(s)"]
    lines.append(textwrap.indent(f"Q: {_short(p.question)}", "    "))
    lines.append(textwrap.indent(f"A: {_short(p.answer) if p.answer else '(none)'}", "    "))
    if refs:
        lines.append(f"    refers to: {refs}")
    return "\n".join(lines)


def _short(text: str, width: int = 160) -> str:
    return textwrap.shorten(text, width=width, placeholder=" …")
