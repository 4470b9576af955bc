"""Answers that point to another answer: each pointing sentence and the fractie it names
(the pair it means is found by `segment.referrals`).

A sentence of an answer counts when it has a pointer verb or noun ("verwijst", "verwijs",
"antwoord", "beantwoording", "geantwoord") and names a fractie of this report:
- "Het kabinet verwijst naar het antwoord op de vraag van de leden van de VVD-fractie" -> VVD
- "de beantwoording van de vraag van de SP" (without "-fractie") -> SP
- "de beantwoording van de fracties van PvdA en GroenLinks en de D66-fractie" -> both, in order
A pointer back to the same fractie's earlier answer gives its own name: "bovenstaand antwoord",
"het antwoord op de hierboven staande vraag" (both: the pair just before), "geantwoord op uw
eerdere gelijkluidende vraag". Not counted: unnamed "eerdere vragen hierover van de leden van
andere fracties", "Zoals hierboven gesteld", letters, motions and BNC-fiches (no fractie is named
there). Every pointing sentence is kept: an answer that points to two answers of one fractie
("… over de kabinetsinzet voor de bijeenkomst over de Dublin-verordening." and "Zoals gesteld in
het antwoord van de vragen van de leden van de VVD-fractie …", pair 98) gives two pointers.
"""

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from parsers.lexicon.referrals import POINTER_RE, SELF_REFERENCE_RE

_SENTENCE_RE = re.compile(r"[^.?!]+(?:[.?!]+|$)")


@dataclass(frozen=True)
class Pointer:
    """One fractie named in one pointing sentence; `mention_end` is where the name ends (the
    subject may follow: "… van de VVD-fractie over het Actieplan Westelijke Balkan")."""

    fractie: str
    sentence: str
    mention_end: int
    self_ref: bool  # the answerer's own earlier answer ("bovenstaand antwoord", "uw eerdere vraag")
    nearest: bool  # "bovenstaand antwoord", "hierboven staande vraag": the pair just before


def find_pointers(answer: str, own: str, fracties: Sequence[str]) -> list[Pointer]:
    """Every fractie every pointing sentence of an answer names, in order of mention."""
    out: list[Pointer] = []
    for _start, sentence in _sentences_with_pointer_words(answer):
        if not POINTER_RE.search(sentence):
            continue
        found = [(pos, end, name, False, False) for pos, end, name in _mentions(sentence, fracties)]
        for m in SELF_REFERENCE_RE.finditer(sentence):
            nearest = not m.group(0).lower().startswith("uw")
            found.append((m.start(), m.end(), own, True, nearest))
        out += [
            Pointer(n, sentence, end, self_ref, near)
            for _p, end, n, self_ref, near in sorted(found)
        ]
    return out


def find_referred_fracties(answer: str, own: str, fracties: Sequence[str]) -> list[str]:
    """The fracties an answer points to, each once, in order of first mention."""
    return list(dict.fromkeys(p.fractie for p in find_pointers(answer, own, fracties)))


def _sentences_with_pointer_words(answer: str) -> list[tuple[int, str]]:
    """(start, text) of the `_SENTENCE_RE` sentences that hold "verw" or "antwoord" (each
    pointer word of `POINTER_RE` does), in order. Found from those words: most sentences and
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
    """A cheap test that lets through every text `POINTER_RE` matches (each pointer word holds
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


def _mentions(sentence: str, fracties: Sequence[str]) -> list[tuple[int, int, str]]:
    """Positions (start, end) of fractie names in a sentence."""
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for first, rx, name in _alias_patterns(tuple(fracties)):
        if first not in sentence:
            continue
        for m in rx.finditer(sentence):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), m.end(), name))
    return found
