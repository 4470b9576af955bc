"""Front matter: everything before the body (the first fractie, topic or part heading).

Layouts seen (lines quoted in `parsers.lexicon.frontmatter`):
- Tweede Kamer PDF: " 32317-790       JBZ-Raad op 8 en 9 december 2022 in Brussel (…" / "Verslag
  van een schriftelijk overleg" / "Binnen de vaste commissie voor Justitie en Veiligheid hebben de
  onderstaande fracties …" / bullets "• … (Kamerstuk 32317, nr. 790)" / signatures / TOC.
- KOOP (officielebekendmakingen): "21 501-32 Landbouw- en Visserijraad" / "Nr. 1459 VERSLAG VAN
  EEN SCHRIFTELIJK OVERLEG" / "Vastgesteld 12 september 2022" / intro / signatures.
- tweedekamer.nl / tkconv inbreng: "2019D23340 INBRENG VERSLAG VAN EEN SCHRIFTELIJK OVERLEG" /
  intro / signatures / TOC; sometimes flattened onto one line (2026D10904).
- Eerste Kamer: "33 328 …" / "35 112 …" (two dossiers) / "AI1 VERSLAG VAN EEN SCHRIFTELIJK
  OVERLEG" / "Vastgesteld …" / intro naming the fracties / "De griffier …, Bergman".
The header (dossier, number, type, date) is the text before the committee's opening sentence.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from parsers import lexicon as ph
from parsers.model import Subject
from parsers.references import format_ref, parse_kamerstuk_refs
from parsers.segment.units import Unit, join_lines

_BULLET_RE = re.compile(r"^[•\-–▪·]\s*")
_ZAAK_RE = re.compile(r"\b(\d{4}Z\d{5})\b")
_DOC_NUMBER_RE = re.compile(r"^\d{4}D\d{5}\s+")  # "2019D23340 INBRENG VERSLAG …"
_HEADER_UNITS = 12  # without an intro sentence, the header is at most this many units


@dataclass(frozen=True)
class FrontInfo:
    dossier: str | None  # as printed without spaces: "21501-32"
    dossier_number: str | None  # "21501"
    toevoeging: str | None  # "32"
    co_dossiers: tuple[str, ...]  # further dossier headers ("35112" in kst-33328-AI)
    ondernummer: str | None
    title_kind: str | None  # "verslag" | "inbreng" from the document-type line, or None
    nader: bool  # "VERSLAG VAN EEN NADER SCHRIFTELIJK OVERLEG"
    number_unfilled: bool  # "Nr." printed with no number, or a placeholder ("Nr. xxx")
    title: str | None
    date: str | None
    date_unfilled: bool  # "Vastgesteld …………. 2025": the template was never filled in
    council_date: str | None
    committee: str | None
    chair: str | None
    clerk: str | None
    addressee: str | None
    subjects: tuple[Subject, ...]


def parse_front(units: Sequence[Unit]) -> FrontInfo:
    texts = [u.text for u in units]
    flat = join_lines(texts)
    intro = ph.INTRO_RE.search(flat)
    header = flat[: intro.start()] if intro else join_lines(texts[:_HEADER_UNITS])
    header_units = _header_units(texts, len(header))
    dossiers = [m for t in header_units if (m := ph.DOSSIER_RE.match(t))]
    doc_type = ph.DOC_TYPE_RE.search(header)
    number, unfilled = _number(header)
    date = ph.DATE_FIXED_RE.search(flat)
    title = _title(units)
    subjects = _subjects(units) or _inline_subjects(flat)
    return FrontInfo(
        dossier=_dossier(dossiers[0]) if dossiers else None,
        dossier_number=dossiers[0].group("nr").replace(" ", "") if dossiers else None,
        toevoeging=dossiers[0].group("toev") if dossiers else None,
        co_dossiers=tuple(dict.fromkeys(_dossier(m) for m in dossiers[1:])),
        ondernummer=number,
        title_kind=_title_kind(doc_type),
        nader=bool(doc_type and doc_type.group("nader")),
        number_unfilled=unfilled,
        title=title,
        date=_iso(date.group(1), date.group(2), date.group(3)) if date else None,
        date_unfilled=date is None and bool(ph.DATE_ANY_RE.search(header)),
        council_date=_council_date_of(title, subjects, flat),
        committee=_committee(flat[intro.start() :] if intro else flat),
        chair=_signature(texts, ph.CHAIR_RE),
        clerk=_signature(texts, ph.CLERK_RE),
        addressee=(m.group(1).lower() if (m := ph.ADDRESSEE_RE.search(flat)) else None),
        subjects=subjects,
    )


def _header_units(texts: Sequence[str], header_len: int) -> list[str]:
    """The units that make up the first `header_len` characters of the joined text."""
    out: list[str] = []
    used = 0
    for t in texts[:_HEADER_UNITS]:
        if used >= header_len:
            break
        out.append(t)
        used += len(" ".join(t.split())) + 1
    return out


def _dossier(m: re.Match[str]) -> str:
    nr = m.group("nr").replace(" ", "")
    return f"{nr}-{m.group('toev')}" if m.group("toev") else nr


def _title_kind(m: re.Match[str] | None) -> str | None:
    if m is None:
        return None
    return "inbreng" if m.group("inbreng") else "verslag"


def _number(header: str) -> tuple[str | None, bool]:
    """The report's number and whether a number line was left unfilled."""
    ek = ph.EK_NUMBER_RE.search(header)
    if ek:
        return ek.group("n"), False
    m = ph.NUMBER_RE.search(header)
    if m is None:
        return None, False
    value = m.group("n")
    if ph.NUMBER_DIGITS_RE.fullmatch(value):
        return value, False
    return None, True  # "Nr." alone, "Nr. xxx", "Nr. Verslag van een schriftelijk overleg"


def _iso(day: str, month: str, year: str) -> str:
    return f"{int(year):04d}-{ph.MONTHS[month.lower()]:02d}-{int(day):02d}"


def _committee(text: str) -> str | None:
    m = ph.COMMITTEE_RE.search(text)
    if m is None:
        return None
    return " ".join(ph.GLUED_DIGIT_RE.sub("", m.group("name")).split())


def _signature(texts: Sequence[str], rx: re.Pattern[str]) -> str | None:
    """The name after "De voorzitter van de commissie," on the same line or the next."""
    for i, t in enumerate(texts):
        m = rx.match(t)
        if m is None:
            continue
        name = m.group("name").strip() or (texts[i + 1] if i + 1 < len(texts) else "")
        name = ph.INITIALS_RE.sub("", name.strip()).strip()
        return name or None
    return None


def _council_date_of(title: str | None, subjects: Sequence[Subject], flat: str) -> str | None:
    """The meeting the consultation is about: the title's, else the agenda's among the subjects,
    else the first subject's, else the intro's; never an earlier meeting's whose report is among
    the documents ("Verslag van de formele JBZ-Raad van 13 en 14 oktober 2022")."""
    agenda = [s.title for s in subjects if ph.AGENDA_RE.search(s.title)]
    others = [s.title for s in subjects if not ph.AGENDA_RE.search(s.title)]
    for text in (title or "", *agenda, *others[:1], flat):
        found = _council_date(text)
        if found:
            return found
    return None


def _council_date(text: str) -> str | None:
    """ "JBZ-Raad op 8 en 9 december 2022" -> "2022-12-08/2022-12-09"; one day -> one date."""
    for anchor in ph.COUNCIL_RE.finditer(text):
        if ph.REPORT_OF_COUNCIL_RE.search(text[max(0, anchor.start() - 60) : anchor.start()]):
            continue
        rest = text[anchor.end() : anchor.end() + 120]
        m = ph.COUNCIL_DATE_RE.search(rest)
        if m is None or not ph.COUNCIL_GAP_RE.fullmatch(rest[: m.start()]):
            continue
        if m.group("d"):
            return _iso(m.group("d"), m.group("m"), m.group("yy"))
        start = _iso(m.group("d1"), m.group("m1") or m.group("m2"), m.group("y"))
        return f"{start}/{_iso(m.group('d2'), m.group('m2'), m.group('y'))}"
    return None


def _title(units: Sequence[Unit]) -> str | None:
    """The first paragraph without the Kamerstuk number it starts with (" 32317-790       JBZ-Raad
    op 8 en 9 december 2022 in Brussel (…" -> "JBZ-Raad op …"); in the KOOP layout the dossier
    number stands alone ("32 317") and the dossier title follows ("JBZ-Raad")."""
    texts = [u.text for u in units]
    while texts and (ph.TOC_FURNITURE_RE.match(texts[0]) or texts[0].startswith("Tweede Kamer")):
        texts = texts[1:]
    first = _first_paragraph(units[len(units) - len(texts) :])
    if (
        len(first) == 1
        and re.fullmatch(r"\d{2}\s?\d{3}(?:-\w+)?", first[0].text)
        and len(units) > 1
    ):
        first = _first_paragraph(units[units.index(first[0]) + 1 :])
    title = join_lines([u.text for u in first])
    title = _DOC_NUMBER_RE.sub("", title)
    return re.sub(r"^\d{2}\s?\d{3}(?:-[\w-]+)?\s+(?=\S)", "", title) or None


def _first_paragraph(units: Sequence[Unit]) -> list[Unit]:
    out: list[Unit] = []
    for u in units:
        if out and u.gap_before:
            break
        out.append(u)
    return out


def _inline_subjects(flat: str) -> tuple[Subject, ...]:
    """Without a bulleted list (KOOP layout) the documents are named in the opening sentence:
    "… voorgelegd aan de Staatssecretaris … over de geannoteerde agenda van de JBZ-Raad van 8 en 9
    december 2022 (Kamerstuk 32 317, nr. 790) en de brief van 2 december 2022 (2022Z23952)."."""
    anchor = ph.SUBJECTS_ANCHOR_RE.search(flat)
    if not anchor:
        return ()
    subjects: list[Subject] = []
    pos = anchor.end()
    for m in ph.INLINE_SUBJECT_RE.finditer(flat, pos):
        if m.start() - pos > 6:  # only items chained by "en" or ","
            break
        refs = tuple(format_ref(r) for r in parse_kamerstuk_refs(m.group("ref")))
        zaak = _ZAAK_RE.search(m.group("ref"))
        subjects.append(Subject(m.group("title"), refs, zaak.group(1) if zaak else None))
        pos = m.end()
    return tuple(subjects)


def _subjects(units: Sequence[Unit]) -> tuple[Subject, ...]:
    items: list[list[str]] = []
    for u in units:
        if ph.TOC_START_RE.match(u.text):
            break
        if _BULLET_RE.match(u.text):
            items.append([_BULLET_RE.sub("", u.text)])
        elif items and not u.gap_before and len(items[-1]) < 4:
            items[-1].append(u.text)
        elif items:
            break
    subjects = []
    for lines in items:
        text = join_lines(lines)
        zaak = _ZAAK_RE.search(text)
        refs = tuple(format_ref(r) for r in parse_kamerstuk_refs(text))
        title = ph.PAREN_REF_RE.sub("", text).strip()
        subjects.append(Subject(title, refs, zaak.group(1) if zaak else None))
    return tuple(subjects)
