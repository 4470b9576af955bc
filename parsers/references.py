"""Kamerstuk citations in running text, normalised to dossier / toevoeging / ondernummer.

Forms seen in the reports (all map to the same three parts):
- "Kamerstuk 32317, nr. 790"                      -> 32317 / None / 790
- "Kamerstukken 2022/2023 32 317, nr. 781"        -> 32317 / None / 781 (year and space dropped)
- "Kamerstuk 21501-20, nr. 1849"                  -> 21501 / 20 / 1849
- "36200-VI, nr. 24", "Kamerstuk 36 200 VI, nr. 33" -> 36200 / VI / 24
- "Kamerstukken 2022/2023, 19637 nr. 3005"        -> 19637 / None / 3005 (no comma before nr.)
- "Kamerstukken 2021/2022 36023, nr. C"           -> 36023 / None / C (Eerste Kamer letters)
- "Kamerstukken II 2021/22, 36 045, nr. 1"         -> 36045 / None / 1
- "Kamerstuk 32317, nrs. 772 en 773"               -> two references, 772 and 773
Not citations: "Kamerstukken 2022/2023, 2036200, nr. 23" (a garbled number of seven digits),
"Kamerstukken 2022/2023, nr. 23952" (no dossier).
"""

import re
from collections.abc import Iterator

from parsers.lexicon.citations import REF_RE
from parsers.model import KamerstukRef
from parsers.segment.units import flatten

_NUMBER_RE = re.compile(r"\d+|[A-Z]{1,2}\b")
# Every citation holds "nr" ("nr." or "nrs."), at most this many characters after its start in
# flat text: "Kamerstukken II 2021/2022, 36 045-ABCDE, nr" is 41; the margin is for safety.
_REACH = 80
# A search that stops this far after an "nr" still sees all a citation needs up to its number.
_TAIL = _REACH + 8


def parse_kamerstuk_refs(text: str) -> tuple[KamerstukRef, ...]:
    """Every Kamerstuk cited in `text`, in order; whitespace (also line breaks) is normalised.

    "Kamerstuk 32317, nrs. 772 en 773" gives two references with the same `text`.
    """
    return kamerstuk_refs_in_flat(flatten(text))  # line breaks and runs of spaces: one space


def kamerstuk_refs_in_flat(flat: str) -> tuple[KamerstukRef, ...]:
    """`parse_kamerstuk_refs` of a text that is flat already (see `flatten`): the segmenter
    builds its whole text from flat pieces, and a look at 160 KB to learn that is not free."""
    refs: list[KamerstukRef] = []
    for m in _iter_citations(flat):
        numbers = _NUMBER_RE.findall(m.group("nrs")) if m.group("nrs") else [m.group("nr")]
        for number in numbers:
            refs.append(
                KamerstukRef(
                    dossier=m.group("dossier").replace(" ", ""),
                    toevoeging=m.group("toev"),
                    ondernummer=number,
                    text=m.group(0),
                )
            )
    return tuple(refs)


def _iter_citations(flat: str) -> Iterator[re.Match[str]]:
    """The matches `REF_RE.finditer(flat)` gives, found near each "nr" instead of by trying
    every position of the text (the costly part: "nr" is rare, a citation always has one).

    Around each "nr", a search cut off shortly after it proposes where a citation starts (the
    cut can only make the pattern more permissive); a match on the whole text confirms it."""
    pos = 0
    for nr in re.finditer("nr", flat):
        q = nr.start()
        if not flat[q - 1 : q].isspace():
            continue  # "inrichting", "(nr": the pattern has whitespace before its "nr"
        start = max(pos, q - _REACH)
        while start <= q:
            m = REF_RE.search(flat, start, q + _TAIL)
            if m is None or m.start() > q:
                break
            full = REF_RE.match(flat, m.start())
            if full is None:
                start = m.start() + 1
                continue
            yield full
            start = pos = full.end()


def format_ref(ref: KamerstukRef) -> str:
    """The compact form used in `Subject.kamerstukken`: "32317-790", "36200-VI-24"."""
    parts = [ref.dossier, ref.toevoeging, ref.ondernummer]
    return "-".join(p for p in parts if p)
