"""When the questions were sent and when the government answered, from the front matter
("De op 5 december 2022 toegezonden vragen …", "Bij brief van 29 januari 2025 zijn de vragen
beantwoord"). An unfilled template ("bij brief van …") leaves the date empty, with the issue
`date_unfilled`."""

import re
from dataclasses import dataclass

from parsers import lexicon as ph
from parsers.lexicon.readers import ARTEFACT_RE
from parsers.model import ParseIssue


@dataclass(frozen=True)
class Timing:
    questions_sent: str | None  # ISO dates
    answers_sent: str | None
    issues: tuple[ParseIssue, ...]


def read_timing(front_text: str) -> Timing:
    text = ARTEFACT_RE.sub("", front_text) if "Fout!" in front_text else front_text
    asked, asked_unfilled = _latest(ph.QUESTIONS_SENT_RE, text)
    answered, answered_unfilled = _latest(ph.ANSWERS_SENT_RE, text)
    issues = []
    if asked is None and asked_unfilled:
        msg = "the date the questions were sent is an unfilled template; questions_sent left empty"
        issues.append(ParseIssue("date_unfilled", msg))
    if answered is None and answered_unfilled:
        msg = "the date of the answer letter is an unfilled template; answers_sent left empty"
        issues.append(ParseIssue("date_unfilled", msg))
    return Timing(asked, answered, tuple(issues))


def _latest(pattern: re.Pattern[str], text: str) -> tuple[str | None, bool]:
    """The latest date the pattern's phrases name, and whether a phrase named none (a
    template's "…"): answers sent in two letters are all in by the second."""
    dates: list[str] = []
    unfilled = False
    for m in pattern.finditer(text):
        when = next(g for g in m.groups() if g is not None)
        found = _dates(when)
        dates += found
        unfilled = unfilled or not found
    return (max(dates) if dates else None), unfilled


def _dates(when: str) -> list[str]:
    """ISO dates in "5 december 2022" or "22 februari en 2 april 2013" (the year of the last)."""
    found = list(ph.SENT_DATE_RE.finditer(when))
    years = [m.group("y") for m in found]
    out = []
    for i, m in enumerate(found):
        year = next((y for y in years[i:] if y), None)
        if year is not None:
            out.append(f"{year}-{ph.MONTHS[m.group('m').lower()]:02d}-{int(m.group('d')):02d}")
    return out
