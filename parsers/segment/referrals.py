"""Each pointer of an answer (`crossrefs.find_pointers`) resolved to the pair whose answer it
means, with a confidence.

The candidates are the earlier pairs of the fractie named. How they are compared:
- "bovenstaand antwoord", "het antwoord op de hierboven staande vraag": the pair just before;
- a pointer that names its subject ("… van de VVD-fractie over de kabinetsinzet voor de
  bijeenkomst over de Dublin-verordening", "Ten aanzien van definitie van 'instrumentalisering'
  verwijst …"): that subject (three times), the rest of the sentence and the referring question,
  against each candidate's question and answer. Pointers of one fractie with the same subject in
  other words ("samenwerken met ons omringende landen op het gebied van grensbeleid" / "…
  grensbeheer", pairs 27 and 29) mean the same answer: their scores add up;
- "gelijkluidende vraag", "vraag van gelijke strekking": the referring question against each
  candidate's question (the likeness of the questions);
- otherwise the referring question and the pointing sentence against question and answer.
Without a subject, the question just before (same fractie) is context: "Hoe denkt de
staatssecretaris aan zo'n definitie bij te kunnen dragen?" (pair 76) is about the definition its
previous question names. A pair a recent referral of the same fractie resolved to (within three
pairs) weighs 1.2 times: a block that points to one answer again means it again.

Texts are compared as TF-IDF over character 4-grams of their words (four letters or more, stop
words out), which matches Dutch compounds and inflections ("intensivering" / "intensiveren",
"grenscontroles" / "binnengrenscontroles"), with IDF over the pairs of the fracties pointed to;
a candidate's score is divided by the square root of its vector's length. Ties go to the latest
pair. `confidence` is the best score's share of the best two (1.0 when one candidate or an
explicit "bovenstaand"; 0.5 for a tie).
"""

import functools
import math
import operator
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

from parsers import lexicon as ph
from parsers.model import AnswerRef
from parsers.segment.crossrefs import Pointer

_WORD_RE = re.compile(r"[^\W\d_]{4,}")
_NGRAM = 4
# Words of the pointing itself and function words: they say nothing about which answer is meant.
_STOP = frozenset({
    "kabinet", "verwijst", "verwijzen", "verwijs", "antwoord", "antwoorden", "beantwoording",
    "geantwoord", "gelijkluidende", "gelijke", "strekking", "eerdere", "vragen", "vraag",
    "hierover", "staatssecretaris", "minister", "graag", "bovenstaand", "bovenstaande",
    "hierboven", "staande", "daarnaast", "volledigheidshalve", "leden", "fractie", "fracties",
    "deze", "over", "naar", "heeft", "hebben", "wordt", "worden", "zijn", "zich", "niet", "voor",
    "door", "maar", "zoals", "gesteld", "eerste", "deel",
})  # fmt: skip
_SUBJECT_WEIGHT = 3.0
_CONTEXT_WEIGHT = 0.3  # the question before the referring one
_RECENT_BONUS = 1.2
_SAME_SUBJECT = 0.5  # Jaccard of two subjects' 4-grams from which they mean the same answer


@dataclass(frozen=True)
class PairText:
    seq: int
    fractie: str
    question: str
    answer: str


def grams(text: str) -> Counter[str]:
    """The 4-grams of a text with their counts."""
    return Counter(chain.from_iterable(map(_word_grams, _WORD_RE.findall(text.lower()))))


@functools.lru_cache(maxsize=65536)
def _word_grams(word: str) -> tuple[str, ...]:
    """The 4-grams of one lowercased word, "_" marking its ends (none for a stop word); a
    report repeats its words, so each is cut once."""
    if word in _STOP or "fractie" in word:
        return ()
    padded = f"_{word}_"
    return tuple(padded[i : i + _NGRAM] for i in range(len(padded) - _NGRAM + 1))


class _Index:
    """4-gram vectors of the pairs given (question + answer; the question alone when a likeness
    pointer needs it), with IDF over them; question vectors and norms made when first needed."""

    def __init__(self, pairs: Sequence[PairText]) -> None:
        self.pairs = {p.seq: p for p in pairs}
        self.full = {p.seq: grams(p.question + " " + p.answer) for p in pairs}
        df: Counter[str] = Counter()
        for vec in self.full.values():
            df.update(vec.keys())
        self.idf = {g: math.log(len(pairs) / n) for g, n in df.items()}
        self.questions: dict[int, Counter[str]] = {}
        self.norms: dict[tuple[int, bool], float] = {}
        self.memo: dict[str, Counter[str]] = {}

    def grams(self, text: str) -> Counter[str]:
        """`grams`, once per text in this report: a question is read for its own pointers and
        as context of the next one (callers only read the Counter)."""
        if text not in self.memo:
            self.memo[text] = grams(text)
        return self.memo[text]

    def _vector(self, seq: int, questions_only: bool) -> Counter[str]:
        if not questions_only:
            return self.full[seq]
        if seq not in self.questions:
            self.questions[seq] = self.grams(self.pairs[seq].question)
        return self.questions[seq]

    def _norm(self, seq: int, questions_only: bool) -> float:
        key = (seq, questions_only)
        if key not in self.norms:
            vec = self._vector(seq, questions_only)
            # |idf * tf|: the products made and squared in C (a pair has ~600 distinct 4-grams)
            weights = map(operator.mul, map(self.idf.__getitem__, vec.keys()), vec.values())
            self.norms[key] = math.hypot(*weights) or 1.0
        return self.norms[key]

    def weigh(self, query: dict[str, float]) -> dict[str, float]:
        """The query's weights times IDF, for the 4-grams some pair has."""
        idf = self.idf
        return {g: idf[g] * w for g, w in query.items() if g in idf}

    def score(self, weighed: dict[str, float], seq: int, questions_only: bool) -> float:
        """`weighed` (see `weigh`) against a pair: the query's 4-grams the pair has, looked up
        in C (no set built per candidate), the sum divided by the square root of its norm."""
        vec = self._vector(seq, questions_only)
        hit = sum(map(weighed.__getitem__, filter(vec.__contains__, weighed)))
        return hit / math.sqrt(self._norm(seq, questions_only))


def subject_of(pointer: Pointer) -> str:
    """What the pointer says the answer is about, or ""."""
    after = ph.REFERRAL_SUBJECT_RE.match(pointer.sentence[pointer.mention_end :])
    if after:
        return after.group("subject")
    lead = ph.REFERRAL_LEAD_RE.match(pointer.sentence)
    return lead.group("subject") if lead else ""


@dataclass(frozen=True)
class _Resolved:
    fractie: str  # the fractie pointed to
    referrer: int  # the referring pair
    referrer_fractie: str
    subject: frozenset[str]
    scores: dict[int, float]
    seq: int | None


def resolve_all(
    pairs: Sequence[PairText], pointers: Sequence[Sequence[Pointer]]
) -> list[tuple[AnswerRef, ...]]:
    """The AnswerRefs of every pair (`pointers[i]` are those of `pairs[i]`), in document order;
    two pointers to the same answer give one AnswerRef."""
    index: _Index | None = None
    done: list[_Resolved] = []
    out: list[tuple[AnswerRef, ...]] = []
    for i, (pair, own) in enumerate(zip(pairs, pointers, strict=True)):
        refs: list[AnswerRef] = []
        for pointer in own:
            candidates = [p.seq for p in pairs[:i] if p.fractie == pointer.fractie]
            if len(candidates) > 1 and not pointer.nearest and index is None:
                # the pairs of the fracties pointed to: the only candidates, and the IDF's
                # documents (a report's other pairs would cost a third more to read)
                named = {q.fractie for ps in pointers for q in ps}
                index = _Index([p for p in pairs if p.fractie in named])
            ref, resolved = _resolve_one(pointer, pair, pairs[:i], candidates, index, done)
            done.append(resolved)
            if all((r.fractie, r.seq) != (ref.fractie, ref.seq) for r in refs):
                refs.append(ref)
        out.append(tuple(refs))
    return out


def _resolve_one(
    pointer: Pointer,
    pair: PairText,
    before: Sequence[PairText],
    candidates: list[int],
    index: _Index | None,
    done: Sequence[_Resolved],
) -> tuple[AnswerRef, _Resolved]:
    subject = subject_of(pointer)
    mark = frozenset(grams(subject))
    if len(candidates) <= 1 or pointer.nearest or index is None:
        seq = candidates[-1] if candidates else None
        resolved = _Resolved(pointer.fractie, pair.seq, pair.fractie, mark, {}, seq)
        return AnswerRef(pointer.fractie, seq, 1.0 if candidates else 0.0), resolved
    query, questions_only = _query(index, pointer, pair, before, subject)
    weighed = index.weigh(query)
    recent = {r.seq for r in done if _recent(r, pointer.fractie, pair)}
    scores = {
        s: index.score(weighed, s, questions_only) * (_RECENT_BONUS if s in recent else 1.0)
        for s in candidates
    }
    total = _with_same_subject(scores, pointer.fractie, mark, done)
    (best, seq), (second, _) = sorted(((v, s) for s, v in total.items()), reverse=True)[:2]
    conf = best / (best + second) if best > 0 else 1 / len(candidates)
    resolved = _Resolved(pointer.fractie, pair.seq, pair.fractie, mark, scores, seq)
    return AnswerRef(pointer.fractie, seq, round(conf, 2)), resolved


def _query(
    index: _Index, pointer: Pointer, pair: PairText, before: Sequence[PairText], subject: str
) -> tuple[dict[str, float], bool]:
    """The 4-grams to look for (weighted), and whether to compare with questions only."""
    rest = pointer.sentence.replace(subject, " ") if subject else pointer.sentence
    query: dict[str, float] = {}
    if subject:
        for text, weight in ((subject, _SUBJECT_WEIGHT), (rest, 1.0), (pair.question, 1.0)):
            _add(query, index.grams(text), weight)
        return query, False
    _add(query, index.grams(pair.question), 1.0)
    _add(query, index.grams(rest), 1.0)
    if pointer.self_ref:  # "uw eerdere gelijkluidende vraag": the sentence repeats its answer
        return query, False
    previous = [p for p in before if p.fractie == pair.fractie]
    if previous:
        _add(query, index.grams(previous[-1].question), _CONTEXT_WEIGHT)
    return query, bool(ph.REFERRAL_LIKENESS_RE.search(pointer.sentence))


def _add(query: dict[str, float], found: Counter[str], weight: float) -> None:
    for g, n in found.items():
        query[g] = query.get(g, 0.0) + n * weight


def _recent(r: _Resolved, fractie: str, pair: PairText) -> bool:
    """A referral of the same fractie, one to three pairs back, to the fractie named now."""
    same = r.fractie == fractie and r.referrer_fractie == pair.fractie
    return same and pair.seq - 3 <= r.referrer < pair.seq


def _with_same_subject(
    scores: dict[int, float], fractie: str, mark: frozenset[str], done: Sequence[_Resolved]
) -> dict[int, float]:
    """The scores plus those of earlier pointers to the same fractie with the same subject."""
    total = dict(scores)
    for r in done:
        if r.fractie != fractie or not mark or not r.subject:
            continue
        if len(mark & r.subject) / len(mark | r.subject) >= _SAME_SUBJECT:
            for s, v in r.scores.items():
                total[s] = total.get(s, 0.0) + v
    return total
