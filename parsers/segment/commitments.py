"""Commitments: sentences of an answer in which the government binds itself to a specific future
act, each with its kind:
- `send_document`: sending the Kamer a document;
- `report_in_council_report`: reporting on it in the report of the Council (the JBZ-Raad);
- `inform_kamer`: informing the Kamer or coming back to a matter;
- `act_in_council`: a stated act, position or call at an upcoming meeting;
- `other`: another specific act.
Standing policy ("zet zich in voor", "zal blijven …") is not one. The phrases are in
`parsers/lexicon/commitments.py`, each with the real line that needs it."""

import re
from collections.abc import Sequence

from parsers import lexicon as ph
from parsers.model import Commitment, Pair

# A sentence ends at ".", "!" or "?" before whitespace and a capital, quote or bracket (not in
# "… op het Coreper van 7 december zal …", where the source lost a capital after a full stop,
# pair 7: that sentence is kept whole with the one before it).
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u201c\"\u2018'(])")
_KINDS = (
    (ph.SEND_DOCUMENT_RE, "send_document"),
    (ph.COUNCIL_REPORT_RE, "report_in_council_report"),
    (ph.INFORM_KAMER_RE, "inform_kamer"),
    (ph.ACT_IN_COUNCIL_RE, "act_in_council"),
)


def find_commitments(pairs: Sequence[Pair]) -> tuple[Commitment, ...]:
    out: list[Commitment] = []
    for p in pairs:
        if not p.answer:
            continue
        for sentence in _SENTENCE_END_RE.split(p.answer.strip()):
            kind = commitment_kind(sentence)
            if kind is not None:
                out.append(Commitment(p.seq, sentence, kind))
    return tuple(out)


# Every wording of `COMMITMENT_RE` holds one of these words: most answer sentences hold none, and
# a substring test is many times cheaper than the pattern (a test holds the two together).
GATE_WORDS = ("zal", "zullen", "voornemens", "organiseert", "gaat")


def may_commit(sentence: str) -> bool:
    return any(word in sentence for word in GATE_WORDS)


def commitment_kind(sentence: str) -> str | None:
    """The kind of commitment a sentence makes, or None when it makes none."""
    if not may_commit(sentence) or not ph.COMMITMENT_RE.search(sentence):
        return None
    if ph.NOT_COMMITMENT_RE.search(sentence):
        return None
    return next((kind for rx, kind in _KINDS if rx.search(sentence)), "other")
