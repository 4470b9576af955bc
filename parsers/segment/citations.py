"""Each Kamerstuk citation with the pair it is in and the part: `front` (front matter, no pair),
`question`, `answer` or `footnote` (the pair whose text carries the footnote's marker first).

The document's citations (`references.kamerstuk_refs_in_flat` over the whole text) keep their
order; each is matched, by its dossier, toevoeging and number, to the next unclaimed citation
of the same Kamerstuk found in the front matter, the pairs (in order) and the footnotes. One
that none of those holds (a topic heading, unassigned text) keeps `seq` and `part` empty."""

import dataclasses
from collections import deque
from collections.abc import Sequence

from parsers.model import Footnote, KamerstukRef, Pair
from parsers.references import kamerstuk_refs_in_flat, parse_kamerstuk_refs

_Key = tuple[str, str | None, str | None]


def _key(r: KamerstukRef) -> _Key:
    return r.dossier, r.toevoeging, r.ondernummer


def place_citations(
    refs: Sequence[KamerstukRef],
    front_flat: str,
    pairs: Sequence[Pair],
    footnotes: Sequence[Footnote],
) -> tuple[KamerstukRef, ...]:
    places: dict[_Key, deque[tuple[int | None, str]]] = {}

    def claim(found: Sequence[KamerstukRef], seq: int | None, part: str) -> None:
        for r in found:
            places.setdefault(_key(r), deque()).append((seq, part))

    claim(kamerstuk_refs_in_flat(front_flat), None, "front")
    for p in pairs:
        claim(parse_kamerstuk_refs(p.question), p.seq, "question")
        claim(parse_kamerstuk_refs(p.answer or ""), p.seq, "answer")
    first_use: dict[int, int] = {}
    for p in pairs:
        for n in p.footnotes:
            first_use.setdefault(n, p.seq)
    for f in footnotes:
        claim(parse_kamerstuk_refs(f.text), first_use.get(f.n), "footnote")
    out = []
    for r in refs:
        queue = places.get(_key(r))
        seq, part = queue.popleft() if queue else (None, None)
        out.append(dataclasses.replace(r, seq=seq, part=part))
    return tuple(out)
