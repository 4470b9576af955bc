"""Footnote markers in body text: find them, remove them, keep their numbers.

A marker is printed as digits glued to the end of a word ("Brekelmans1", "AMMR-verordening10,",
"Kamerbrief15") or right after a full stop ("jl.12", "Wijngaarden.7", "uitgebracht.20"), and once
glued to a year ("CVM-rapport van 201913" = 2019 + marker 13). Lookalikes that are not markers:
"artikel 25bis" (letters follow), "Q1" (a quarter), "2015/2016", "2.575" (digits before the dot).
Markers are numbered 1, 2, 3, … in reading order, so a candidate is accepted only when its number
is the next expected one (or at most three further, when a marker was missed); a year-glued
candidate only when it is exactly the next one. That rejects "Q1" when marker 14 is due.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from parsers.segment.units import indices_holding

_TAIL = r"(?=[\s,.;:)\]\"”’']|$)"
# The marker's digits are ASCII ("[0-9]", not "\d", which takes any script's digits): that is how
# every reader prints them, and `_lines_with_digits` looks for those only.
_WORD_RE = re.compile(r"(?<=[^\W\d_])([0-9]{1,3})" + _TAIL)
_STOP_RE = re.compile(r"(?<=[^\W\d_)]\.)([0-9]{1,3})" + _TAIL)
_YEAR_RE = re.compile(r"(?<![\d/.,])((?:19|20)[0-9]{2})([0-9]{1,2})" + _TAIL)
_MAX_SKIP = 3


@dataclass(frozen=True)
class Marker:
    n: int
    line: int


@dataclass(frozen=True)
class CleanLine:
    text: str  # the line without its markers
    markers: tuple[Marker, ...]


def strip_markers(lines: Sequence[tuple[int, str]], first: int = 1) -> dict[int, CleanLine]:
    """Remove markers from body lines given in reading order as (line number, text).

    Returns the lines that held markers, by their index in `lines`; every other line is
    unchanged."""
    expected = first
    out: dict[int, CleanLine] = {}
    for idx in _lines_with_digits([text for _n, text in lines]):
        number, text = lines[idx]
        spans: list[tuple[int, int, int]] = []  # (start, end, n) of accepted markers
        for start, end, n, exact in _candidates(text):
            ok = n == expected if exact else expected <= n <= expected + _MAX_SKIP
            if ok:
                spans.append((start, end, n))
                expected = n + 1
        if not spans:
            continue
        cleaned = text
        for start, end, _n in reversed(spans):
            cleaned = cleaned[:start] + cleaned[end:]
        out[idx] = CleanLine(cleaned, tuple(Marker(n, number) for _s, _e, n in spans))
    return out


def _lines_with_digits(texts: Sequence[str]) -> list[int]:
    """Indices of the texts holding an ASCII digit (markers are printed in those only)."""
    return indices_holding(texts, "0123456789")


# A marker after a word and one after a full stop, as one pattern: one is preceded by a letter,
# the other by ".", so a run of digits starts at most one of them.
_WORD_OR_STOP_RE = re.compile(f"{_WORD_RE.pattern}|{_STOP_RE.pattern}")
_DIGIT_RUN_RE = re.compile(r"[0-9]+")


def _candidates(text: str) -> list[tuple[int, int, int, bool]]:
    """(start, end, number, year-glued) of each candidate, in order. Every pattern's match
    starts a run of digits (its lookbehind rules out a digit before it), so the patterns are
    tried only there: a search of the whole line tries every position. A year-glued marker
    ("201913") is a whole run of five or six digits."""
    found: list[tuple[int, int, int, bool]] = []
    for run in _DIGIT_RUN_RE.finditer(text):
        start = run.start()
        m = _WORD_OR_STOP_RE.match(text, start)
        if m is not None:
            g = m.lastindex or 1
            found.append((start, m.end(g), int(m.group(g)), False))
        elif 5 <= run.end() - start <= 6 and (y := _YEAR_RE.match(text, start)) is not None:
            found.append((y.start(2), y.end(2), int(y.group(2)), True))
    return found
