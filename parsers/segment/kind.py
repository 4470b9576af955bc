"""Which kind of document this is (questions only, or questions with answers), and what decided.

Evidence, strongest first:
- the document-type line: "INBRENG VERSLAG VAN EEN SCHRIFTELIJK OVERLEG" is an inbreng;
  "VERSLAG VAN EEN (NADER) SCHRIFTELIJK OVERLEG" is a verslag (`title`);
- but some inbreng templates call themselves "Verslag" and leave the number open ("Nr. xxx",
  2026D10904; "Nr. Verslag van een schriftelijk overleg", 2026D04020). A verslag is published as a
  numbered Kamerstuk; an inbreng never gets a number. So a "Verslag" whose number line is unfilled
  and that shows no answers is an inbreng (`template`), unless the source says otherwise (`hint`);
- without a document-type line: answers found, or the intro says they exist ("Bij brief van 18
  juli 2022 zijn de vragen beantwoord", "De Minister heeft op 30 januari 2023 gereageerd") make a
  verslag (`answers`); then the source's hint; else an inbreng (`default`).
"""

from collections.abc import Sequence

from contract.kinds import DocumentKind
from parsers import lexicon as ph
from parsers.model import KIND_INBRENG, KIND_VERSLAG, ParseIssue
from parsers.segment.frontmatter import FrontInfo
from parsers.segment.units import Unit, join_lines


def hint_kind(hint: str | None) -> DocumentKind | None:
    """The source's label ("Inbreng verslag schriftelijk overleg", "Verslag van een schriftelijk
    overleg", or a kind of ours) as a kind, or None when it names neither."""
    low = (hint or "").lower()
    if "inbreng" in low:
        return KIND_INBRENG
    return KIND_VERSLAG if "verslag" in low else None


def decide_kind(
    front: FrontInfo, answered: bool, hint: str | None, front_units: Sequence[Unit]
) -> tuple[DocumentKind, str]:
    """(kind, evidence) for the document."""
    hinted = hint_kind(hint)
    said = answered or bool(ph.ANSWERED_RE.search(join_lines([u.text for u in front_units])))
    if front.title_kind == "inbreng":
        return KIND_INBRENG, "title"
    if front.title_kind == "verslag":
        if said or not front.number_unfilled:
            return KIND_VERSLAG, "title"
        return (hinted, "hint") if hinted else (KIND_INBRENG, "template")
    if said:
        return KIND_VERSLAG, "answers"
    return (hinted, "hint") if hinted else (KIND_INBRENG, "default")


# The report's own date unfilled: a quality reason in a verslag (an unfilled answer-letter date,
# parsers/segment/timing.py, is the same issue code but the source's own template habit).
DATE_UNFILLED_MESSAGE = "the 'Vastgesteld' date is an unfilled template; date left empty"


def front_issues(front: FrontInfo, kind: str) -> tuple[ParseIssue, ...]:
    """Header fields that did not read. An inbreng has no date or number of its own, so an
    unfilled template there is normal; in a verslag it is worth a look."""
    issues: list[ParseIssue] = []
    if front.date_unfilled:
        issues.append(ParseIssue("date_unfilled", DATE_UNFILLED_MESSAGE))
    if front.number_unfilled and kind == KIND_VERSLAG:
        msg = "the 'Nr.' line has no number (or a placeholder); ondernummer left empty"
        issues.append(ParseIssue("number_unfilled", msg))
    return tuple(issues)
