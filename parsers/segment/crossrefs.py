"""Answers that point to another answer, resolved to the pair referred to where possible.

A sentence of an answer counts when it has a pointer verb or noun ("verwijst", "verwijs",
"antwoord", "beantwoording", "geantwoord") and names a fractie of this report:
- "Het kabinet verwijst naar het antwoord op de vraag van de leden van de VVD-fractie" -> VVD
- "de beantwoording van de vraag van de SP" (without "-fractie") -> SP
- "de beantwoording van de fracties van PvdA en GroenLinks en de D66-fractie" -> both, in order
A pointer back to the same fractie's earlier answer gives its own name: "bovenstaand antwoord",
"het antwoord op de hierboven staande vraag", "geantwoord op uw eerdere gelijkluidende vraag".
Not counted: unnamed "eerdere vragen hierover van de leden van andere fracties", "Zoals
hierboven gesteld", letters, motions and BNC-fiches (no fractie is named there).

Resolution (`AnswerRef.seq`): among the earlier pairs of that fractie, the one whose question
and answer share the most content words (six letters or more, e.g. "dublin-verordening",
"instrumentalisering") with the referring pair's question and answer, where words of the pointing
sentence itself ("… over het Actieplan Westelijke Balkan") count five times and a shared topic
adds three; ties go to the nearest (latest) pair. So a pair on the same topic wins unless
another is clearly closer in content, and without any overlap the fractie's last earlier pair is
taken. None when that fractie has no earlier pair (a pointer forward or to an unknown answer).
"""

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from parsers.model import AnswerRef

# "verwijst", "verwijs", "verwijzen", "antwoord", "beantwoording", "geantwoord" (not
# "verwijzingen naar de Procedureverordening").
_POINTER_RE = re.compile(
    r"\bverwij(?:st|s|zen)\b|\bantwoord(?:en)?\b|\bbeantwoording\b|\bgeantwoord\b", re.IGNORECASE
)
_SELF_RE = re.compile(
    r"bovenstaande? antwoord|hierboven\s?staande vra|uw eerdere (?:gelijkluidende )?vra",
    re.IGNORECASE,
)
_SENTENCE_RE = re.compile(r"[^.?!]+(?:[.?!]+|$)")


def find_referred_fracties(answer: str, own: str, fracties: Sequence[str]) -> tuple[list[str], str]:
    """Fractie names an answer points to (each once, in order of first mention), and the text of
    the pointing sentences ("… over het Actieplan Westelijke Balkan") for resolving them."""
    hits: list[tuple[int, str]] = []
    pointing: list[str] = []
    for start, sentence in _sentences_with_pointer_words(answer):
        if not _POINTER_RE.search(sentence):
            continue
        found = [(start + pos, name) for pos, name in _mentions(sentence, fracties)]
        found += [(start + m.start(), own) for m in _SELF_RE.finditer(sentence)]
        if found:
            hits.extend(found)
            pointing.append(sentence)
    out: list[str] = []
    for _pos, name in sorted(hits):
        if name not in out:
            out.append(name)
    return out, " ".join(pointing)


def _sentences_with_pointer_words(answer: str) -> list[tuple[int, str]]:
    """(start, text) of the `_SENTENCE_RE` sentences that hold "verw" or "antwoord" (each
    pointer word of `_POINTER_RE` does), in order. Found from those words: most sentences and
    most answers hold neither, and a walk over every sentence costs more. A sentence runs from
    after the last ".", "?" or "!" before the word to the end of the run of them after it."""
    low = answer.lower()
    if len(low) != len(answer):  # a letter that lowercases to two ("İ"): walk the sentences
        return [(m.start(), m.group(0)) for m in _SENTENCE_RE.finditer(answer) if _may_point(m[0])]
    starts: set[int] = set()
    for word in ("antwoord", "verw"):
        pos = low.find(word)
        while pos != -1:
            starts.add(max(low.rfind(".", 0, pos), low.rfind("?", 0, pos), low.rfind("!", 0, pos)))
            pos = low.find(word, pos + 1)
    out = []
    for before in sorted(starts):
        m = _SENTENCE_RE.match(answer, before + 1)
        if m is not None:
            out.append((m.start(), m.group(0)))
    return out


def _may_point(text: str) -> bool:
    """A cheap test that lets through every text `_POINTER_RE` matches (each pointer word holds
    "verw" or "antwoord"): a substring test is many times faster than the regex."""
    low = text.lower()
    return "antwoord" in low or "verw" in low


def _aliases(fracties: Sequence[str]) -> list[tuple[str, str]]:
    """(printed name, fractie) pairs, longest first: a joint fractie ("PvdA en GroenLinks") is
    matched before its parties, and a party named alone ("de GroenLinks-fractie") stands for
    the joint fractie when it has no section of its own."""
    names = set(fracties)
    aliases = {(name, name) for name in names}
    for name in names:
        aliases |= {(p, name) for p in name.split(" en ") if p not in names and " en " in name}
    return sorted(aliases, key=lambda a: (-len(a[0]), a[0]))


@functools.lru_cache(maxsize=64)
def _alias_patterns(fracties: tuple[str, ...]) -> tuple[tuple[str, re.Pattern[str], str], ...]:
    """One compiled pattern per printed name, built once per report's fracties, with the
    literal a match must start with (a substring test rules most sentences out cheaply)."""
    out = []
    for printed, name in _aliases(fracties):
        parts = printed.split(" en ")
        pattern = r"-?\s+en\s+(?:de\s+)?".join(re.escape(p) for p in parts)
        out.append((parts[0], re.compile(rf"(?<![\w-]){pattern}(?:-fractie)?(?![\w])"), name))
    return tuple(out)


def _mentions(sentence: str, fracties: Sequence[str]) -> list[tuple[int, str]]:
    """Positions of fractie names in a sentence."""
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for first, rx, name in _alias_patterns(tuple(fracties)):
        if first not in sentence:
            continue
        for m in rx.finditer(sentence):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), name))
    return found


_WORD_RE = re.compile(r"[^\W\d_][\w-]{5,}")


@dataclass(frozen=True)
class Earlier:
    seq: int
    fractie: str
    topic: str | None
    text: str  # question and answer

    @functools.cached_property
    def words(self) -> frozenset[str]:
        """Its content words, read when this pair points to a fractie with more than one
        earlier pair; taken from `loose`, which a later pointer to this pair reads again."""
        return _content(self.loose)

    @functools.cached_property
    def loose(self) -> frozenset[str]:
        """A superset of `words` (see `loose_words`), read only when a later answer points to
        this pair's fractie: all a score needs, since it meets only sets of content words."""
        return loose_words(self.text)


# Words of the pointing itself and of every answer; they say nothing about which answer is meant.
_STOP = frozenset({
    "kabinet", "verwijst", "verwijzen", "verwijs", "antwoord", "antwoorden", "beantwoording",
    "geantwoord", "gelijkluidende", "eerdere", "vragen", "hierover", "staatssecretaris",
    "minister", "graag", "bovenstaand", "bovenstaande", "hierboven", "staande", "strekking",
    "daarnaast", "volledigheidshalve",
})  # fmt: skip
# Not in `_WORD_RE`'s "[\w-]", so they end a match as whitespace does: "lidstaten." and
# "(asiel)migranten?" become tokens of letters only, which need no regex.
_PUNCTUATION = ".,?():;"


def content_words(text: str) -> frozenset[str]:
    """`_WORD_RE` matches of the lowercased text, minus stop words and fractie words: the
    `loose_words` six letters long or more that are neither."""
    return _content(loose_words(text))


def _content(loose: frozenset[str]) -> frozenset[str]:
    return frozenset(w for w in loose if len(w) >= 6 and w not in _STOP and "fractie" not in w)


def loose_words(text: str) -> frozenset[str]:
    """The tokens of letters only (any length) and the `_WORD_RE` matches in the other tokens.

    A match never holds whitespace or punctuation, so it is found within one token of the text
    cut at both; a token of letters only is its own match when six long, and shorter ones hold
    none. Only the other tokens ("eu-lidstaten", "2021-verordening") need the regex: the same
    words at a fraction of the cost of running it over the whole text, and C loops only."""
    low = text.lower()
    for mark in _PUNCTUATION:
        low = low.replace(mark, " ")
    tokens = set(low.split())
    words = set(filter(str.isalpha, tokens))
    if len(words) != len(tokens):
        words.update(_WORD_RE.findall(" ".join(tokens - words)))
    return frozenset(words)


def resolve(
    names: Sequence[str], current: Earlier, pointing: str, earlier: Sequence[Earlier]
) -> tuple[AnswerRef, ...]:
    """AnswerRefs for `names` given the referring pair (`current`: its topic, question and
    answer) and its pointing sentences (whose content words count five times). `current` is the
    record the pair becomes for later pairs, so its words are found once."""
    refs: list[AnswerRef] = []
    pointed: frozenset[str] | None = None
    for name in names:
        candidates = [e for e in earlier if e.fractie == name]
        if len(candidates) <= 1:  # nothing to choose: no words needed
            refs.append(AnswerRef(name, candidates[0].seq if candidates else None))
            continue
        pointed = content_words(pointing) if pointed is None else pointed
        best = max(_score(e, current, pointed) for e in candidates)  # ties: the latest
        refs.append(AnswerRef(name, best[1]))
    return tuple(refs)


def _score(e: Earlier, current: Earlier, pointed: frozenset[str]) -> tuple[int, int]:
    # content words meet e's loose words: their common part is that with e's content words
    score = len(current.words & e.loose) + 5 * len(pointed & e.loose)
    return score + (3 if current.topic and e.topic == current.topic else 0), e.seq
