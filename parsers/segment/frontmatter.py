"""Front matter: everything before the first fractie heading.

Two layouts:
- Tweede Kamer PDF: " 32317-790       JBZ-Raad op 8 en 9 december 2022 in Brussel (…" / "Verslag
  van een schriftelijk overleg" / "Binnen de vaste commissie voor Justitie en Veiligheid hebben de
  onderstaande fracties de behoefte vragen en opmerkingen voor te leggen aan de staatssecretaris
  over de volgende stukken:" / bullets "• … (Kamerstuk 32317, nr. 790)" / "De voorzitter van de
  commissie," "Van Meenen" / "Adjunct-griffier van de commissie," "Meijer" / "Inhoudsopgave".
- KOOP (officielebekendmakingen): "32 317" "JBZ-Raad" / "Nr. 909" / "VERSLAG VAN EEN SCHRIFTELIJK
  OVERLEG" / "Vastgesteld 15 december 2022" — the dossier and the report's own number are printed.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from parsers.model import Subject
from parsers.references import format_ref, parse_kamerstuk_refs
from parsers.segment.headings import parse_section_heading
from parsers.segment.units import Unit, join_lines

_MONTH_NAMES = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip
MONTHS = {m: i + 1 for i, m in enumerate(_MONTH_NAMES)}
_M = "(" + "|".join(MONTHS) + ")"
_RANGE_RE = re.compile(rf"(\d{{1,2}})(?:\s+{_M})?\s+en\s+(\d{{1,2}})\s+{_M}\s+(\d{{4}})")
_SINGLE_RE = re.compile(rf"(\d{{1,2}})\s+{_M}\s+(\d{{4}})")
_DOSSIER_RE = re.compile(r"^(\d{2}\s?\d{3})(?:-[\w]+)?(?:\s|$)")
_NUMBER_PREFIX_RE = re.compile(r"^\d{2}\s?\d{3}-[\w-]+\s+(?=\S)")
_NR_RE = re.compile(r"^Nr\.\s*(\d+)$")
_COMMITTEE_RE = re.compile(r"\b((?:vaste )?commissie voor [A-Z][\w ,]*?)\s+(?:hebben|heeft)\b")
_ADDRESSEE_RE = re.compile(
    r"(?:voor te leggen aan|voorgelegd aan|gericht aan|door) de "
    r"(minister-president|minister|staatssecretaris)",
    re.IGNORECASE,
)
_BULLET_RE = re.compile(r"^[•\-–▪·]\s*")
_PAREN_REF_RE = re.compile(r"\s*\((?:Kamerstuk|\d{4}Z\d{5})[^)]*\)")
_ZAAK_RE = re.compile(r"\b(\d{4}Z\d{5})\b")
_INLINE_SUBJECT_RE = re.compile(
    r"(?:(?<=\s)|,\s|\sen\s)(?P<title>(?:de|het)\s[^()]+?)\s*"
    r"\((?P<ref>Kamerstuk[^)]*|\d{4}Z\d{5})\)"
)
# A TOC entry ends in a page number after spaces, a tab or dots ("…VVD-fractie    2").
_TOC_PAGE_RE = re.compile(r"(?:\s{2,}|\t|\.{3,}\s*)\d+$")


@dataclass(frozen=True)
class FrontInfo:
    dossier: str | None
    ondernummer: str | None
    title: str | None
    date: str | None
    council_date: str | None
    committee: str | None
    chair: str | None
    clerk: str | None
    addressee: str | None
    subjects: tuple[Subject, ...]
    toc_fracties: tuple[str, ...]


def parse_front(units: Sequence[Unit]) -> FrontInfo:
    texts = [u.text for u in units]
    flat = join_lines(texts)
    title = _title(units)
    vastgesteld = re.search(r"Vastgesteld\s+(\d{1,2}\s+\w+\s+\d{4})", flat)
    return FrontInfo(
        dossier=_dossier(texts),
        ondernummer=next((m.group(1) for t in texts if (m := _NR_RE.match(t))), None),
        title=title,
        date=iso_date(vastgesteld.group(1)) if vastgesteld else None,
        council_date=_council_date(title or "") or _council_date(flat),
        committee=(m.group(1) if (m := _COMMITTEE_RE.search(flat)) else None),
        chair=_after(texts, r"^(?:De )?(?:fungerend )?voorzitter van de (?:vaste )?commissie,?$"),
        clerk=_after(texts, r"^(?:De )?(?:adjunct-)?griffier van de (?:vaste )?commissie,?$"),
        addressee=(m.group(1).lower() if (m := _ADDRESSEE_RE.search(flat)) else None),
        subjects=_subjects(units) or _inline_subjects(flat),
        toc_fracties=_toc(texts),
    )


def _title(units: Sequence[Unit]) -> str | None:
    """The first paragraph without the Kamerstuk number it starts with (" 32317-790       JBZ-Raad
    op 8 en 9 december 2022 in Brussel (…" -> "JBZ-Raad op …"); in the KOOP layout the dossier
    number stands alone ("32 317") and the dossier title follows ("JBZ-Raad")."""
    first = _first_paragraph(units)
    if len(first) == 1 and re.fullmatch(r"\d{2}\s?\d{3}", first[0].text) and len(units) > 1:
        first = _first_paragraph(units[1:])
    title = join_lines([u.text for u in first])
    return _NUMBER_PREFIX_RE.sub("", title) or None


def _first_paragraph(units: Sequence[Unit]) -> list[Unit]:
    out: list[Unit] = []
    for u in units:
        if out and u.gap_before:
            break
        out.append(u)
    return out


def _dossier(texts: Sequence[str]) -> str | None:
    for t in texts[:8]:
        m = _DOSSIER_RE.match(t)
        if m:
            return m.group(1).replace(" ", "")
    return None


def iso_date(text: str) -> str | None:
    m = _SINGLE_RE.search(text)
    if not m:
        return None
    return f"{int(m.group(3)):04d}-{MONTHS[m.group(2)]:02d}-{int(m.group(1)):02d}"


def _council_date(text: str) -> str | None:
    """ "JBZ-Raad op 8 en 9 december 2022" -> "2022-12-08/2022-12-09"; one day -> one date."""
    anchor = re.search(r"(?:JBZ-Raad|Raad)\s+(?:op|van)\s+", text)
    if not anchor:
        return None
    rest = text[anchor.end() : anchor.end() + 60]
    m = _RANGE_RE.match(rest)
    if m:
        d1, m1, d2, m2, year = m.groups()
        start = f"{year}-{MONTHS[m1 or m2]:02d}-{int(d1):02d}"
        return f"{start}/{year}-{MONTHS[m2]:02d}-{int(d2):02d}"
    return iso_date(rest) if _SINGLE_RE.match(rest) else None


def _after(texts: Sequence[str], pattern: str) -> str | None:
    rx = re.compile(pattern, re.IGNORECASE)
    for i, t in enumerate(texts[:-1]):
        if rx.match(t):
            return texts[i + 1]
    return None


def _inline_subjects(flat: str) -> tuple[Subject, ...]:
    """Without a bulleted list (KOOP layout) the documents are named in the opening sentence:
    "… voorgelegd aan de Staatssecretaris … over de geannoteerde agenda van de JBZ-Raad van 8 en 9
    december 2022 (Kamerstuk 32 317, nr. 790) en de brief van 2 december 2022 (2022Z23952)."."""
    anchor = re.search(r"(?:voorgelegd aan|voor te leggen aan)[^()]*?\bover\s", flat)
    if not anchor:
        return ()
    subjects: list[Subject] = []
    pos = anchor.end()
    for m in _INLINE_SUBJECT_RE.finditer(flat, pos):
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
        title = _PAREN_REF_RE.sub("", text).strip()
        subjects.append(Subject(title, refs, zaak.group(1) if zaak else None))
    return tuple(subjects)


def _toc(texts: Sequence[str]) -> tuple[str, ...]:
    """Fracties listed before the body: every fractie heading in the front matter is a TOC
    entry, with or without its page number."""
    names: list[str] = []
    for t in texts:
        head = parse_section_heading(_TOC_PAGE_RE.sub("", t).rstrip(), "", ())
        if head and head.fractie not in names:
            names.append(head.fractie)
    return tuple(names)
