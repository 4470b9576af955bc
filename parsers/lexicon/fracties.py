"""Fracties: the fractie headings in every wording, who speaks in a paragraph, associations.

Each pattern with the real line that needs it (the example report, or the dev set
tests/fixtures/devset by id)."""

import re
from collections.abc import Sequence

# What `from parsers.lexicon import *` takes: not the heading wordings and what is built from
# them, which `add_fractie_heading_lead` rebinds (read them here: `lexicon.fracties.X`).
__all__ = [
    "ASKS_RE",
    "ASSOCIATION_LEAD_RE",
    "ASSOCIATION_LIST_SPLIT_RE",
    "ASSOCIATION_NAME_TRIM_RE",
    "ASSOCIATION_RE",
    "JOINT_SPLIT_RE",
    "KNOWN_PARTIES",
    "MEMBERS_RE",
    "SECTION_FRACTIE_OF_RE",
    "SECTION_NAME_FRACTIE_RE",
    "SECTION_SLOPPY_RE",
    "SECTION_SUFFIX_RE",
    "SECTION_WHO_RE",
    "SPEAKER_MENTION_RE",
    "SPEAKER_RE",
]

# How a fractie heading begins, one wording a line (plain words; "van", "vanuit" or "uit" follows):
# adding a wording is one line here, the heading pattern and its gate are built from the list.
FRACTIE_HEADING_LEADS: tuple[str, ...] = (
    # "Vragen en opmerkingen van de leden van de VVD-fractie" (example), "Vragen en opmerkingen
    # vanuit de VVD-fractie" (numbered "1. …" in some reports), "… uit de fracties" (part)
    "Vragen en opmerkingen",
    "Opmerkingen en vragen",  # no line in the fixtures: kept from the first parser
    "Inbreng",  # "Inbreng van de leden van de VVD-fractie" (2023D35130)
    "Vragen",  # no line in the fixtures: kept from the first parser
    "Reactie op vragen",  # no line in the fixtures: kept from the first parser
    "Reactie op de vragen",  # no line in the fixtures: kept from the first parser
    # "Antwoorden op de vragen van de leden van de GroenLinks-PvdA-fractie" (kst-21501-30-685)
    "Antwoorden op de vragen",
)


def section_lead_re(leads: Sequence[str]) -> re.Pattern[str]:
    """The heading's lead: any of the wordings, then "van", "vanuit" or "uit"."""
    for lead in leads:
        if not re.fullmatch(r"[^\W\d_]+(?:[ -][^\W\d_]+)*", lead):
            raise ValueError(f"a fractie heading lead is plain words: {lead!r}")
    return re.compile(r"^(?:" + "|".join(leads) + r")\s+(?:van|vanuit|uit)\s+", re.IGNORECASE)


def lead_gate_words(leads: Sequence[str]) -> tuple[str, ...]:
    """Words of which every lead holds one, for `headings._may_lead` to look for before the
    pattern: a lead's longest run of letters without "i", "s" or "k" (under IGNORECASE those also
    match "İ", "ı", "ſ" and the Kelvin sign, which lowercase to something else), unless it holds
    a word already chosen: ("vragen", "nbreng") for the wordings above."""
    words: list[str] = []
    for lead in leads:
        low = lead.lower()
        if not any(w in low for w in words):
            runs = re.findall(r"[a-hjlmnoprt-z]+", low)
            words.append(max(runs, key=len))
    return tuple(words)


def add_fractie_heading_lead(lead: str) -> None:
    """A wording added at run time (the tests; in the code it is one line in the list above)."""
    global FRACTIE_HEADING_LEADS, SECTION_LEAD_RE, LEAD_GATE_WORDS
    FRACTIE_HEADING_LEADS = (*FRACTIE_HEADING_LEADS, lead)
    SECTION_LEAD_RE = section_lead_re(FRACTIE_HEADING_LEADS)
    LEAD_GATE_WORDS = lead_gate_words(FRACTIE_HEADING_LEADS)


SECTION_LEAD_RE = section_lead_re(FRACTIE_HEADING_LEADS)
LEAD_GATE_WORDS = lead_gate_words(FRACTIE_HEADING_LEADS)
# The inline-answer suffix: "… van de PVV-fractie en reactie van de bewindspersonen"
# (kst-22112-3950), "… vanuit de fracties en en reactie van de bewindspersonen" (source typo,
# kst-21501-33-1064), "… en reactie van de Minister", cut mid-word ("… bewindsperson").
# It holds "reactie" or "antwoord": `headings._may_have_suffix` looks for those first.
SECTION_SUFFIX_RE = re.compile(
    r"\s+en\s+(?:en\s+)?(?:reactie|antwoord(?:en)?)\s+van\s+(?:de|het)\b.*$", re.IGNORECASE
)
# Who asks: "de leden van de …", "het lid van de BBB-fractie" (one member, 2022D31701), "de
# fractieleden van de PVV" (Eerste Kamer, kst-25295-BM).
SECTION_WHO_RE = re.compile(
    r"^(?P<who>de leden|het lid|de fractieleden|leden) van\s+(?:de\s+|het\s+)?", re.IGNORECASE
)
# The fractie named with "fractie(s) van": "de fractie van de VVD" (kst-21501-30-248), "de
# fracties van GroenLinks en PvdA".
SECTION_FRACTIE_OF_RE = re.compile(
    r"^(?:de\s+)?fracties?\s+van\s+(?:de\s+|het\s+)?(?P<name>.+)$", re.I
)
# The fractie named with "-fractie": "VVD-fractie", "GroenLinks- en PvdA-fractie", "CDA fractie"
# (kst-21501-20-1141 body), "Partij voor de Dieren-fractie" (2023D06019).
# It ends in "fractie": `headings._may_end_in_fractie` looks at the end first.
SECTION_NAME_FRACTIE_RE = re.compile(r"^(?:de\s+)?(?P<name>[^.?!:;]+?)(?:-|\s)fractie:?$", re.I)
# Sloppy table-of-contents entries without "-fractie": "… van de leden van de VVD", "… van het
# CDA", "… van de leden van de van de SP", "… van D66" (kst-21501-30-248): a known party only.
SECTION_SLOPPY_RE = re.compile(r"^(?:(?:van\s+)?(?:de|het)\s+)*(?P<name>.+?)$", re.I)
# "PvdA- en GroenLinks", "GroenLinks en PvdA", "VVD-fractie en de leden van de CDA"
JOINT_SPLIT_RE = re.compile(r"-?(?:fractie)?(?:\s+en|,)\s+(?:de leden van\s+)?(?:de\s+)?")
# Parties known to print a bare heading, as in "VVD" followed by "De leden van de VVD-fractie …"
# (kst-21501-33-341), and the names a sloppy TOC entry may use. Eerste Kamer lists: "De leden van
# de fracties van CDA, PVV, SP, PvdA, GroenLinks, ChristenUnie, SGP en 50PLUS hebben …"
# (kst-33506-AB) is one joint block.
KNOWN_PARTIES = (
    "VVD", "D66", "PVV", "CDA", "SP", "PvdA", "GroenLinks", "GL-PvdA", "GroenLinks-PvdA",
    "ChristenUnie", "SGP", "PvdD", "Partij voor de Dieren", "DENK", "FvD", "JA21", "Volt",
    "BBB", "NSC", "50PLUS", "BIJ1", "Groep Van Haga", "Fractie Den Haan", "Forum voor Democratie",
    "OSF", "Lid Omtzigt",
)  # fmt: skip
# A paragraph that says which fractie speaks, in reports organised by topic (2019D34326
# "Inleiding" / "De leden van de VVD-fractie hebben met interesse kennisgenomen …", kst-32317-68
# "1. Gemeenschappelijk Europees asielstelsel" / "De leden van de VVD-fractie vragen …", 2023D06019
# "Het lid van de BBB-fractie heeft kennisgenomen …").
SPEAKER_RE = re.compile(
    r"^(?:De leden|Het lid) van de (?P<name>[^.?!:;,]+?)(?:-|\s)fractie\b"
    r"|^De leden van de fracties? van (?:de )?"
    r"(?P<joint>[A-Z0-9][\w-]*(?:(?:, (?:de )?| en (?:de )?)[A-Z0-9][\w-]*)*)"
)
# A fractie named as the one speaking, anywhere in a question: "De leden van de VVD-fractie
# onderschrijven …" (example, pair 1), "…, zo vragen de leden van de PVV-fractie." (example, pair
# 25), "Het is om deze redenen dat het lid van de BBB-fractie de staatssecretaris oproept …"
# (example, pair 98); never the fractie of a question pointed to ("de vraag van de leden van de
# VVD-fractie", example pair 27's answer). In an answer only where a sentence starts: a question
# paragraph left in the answer before it ("Het lid van de BBB-fractie is ervan overtuigd …").
SPEAKER_MENTION_RE = re.compile(
    r"(?<!van )\b(?:[Dd]e leden|[Hh]et lid) van de (?P<name>[^.?!:;,]+?)(?:-|\s)fractie\b"
)
# "De leden van de D66-fractie sluiten zich aan bij de vragen van de leden van de
# GroenLinks-PvdA-fractie." (kst-33328-AI), "De leden van de fracties van de PvdA, de SP en D66
# sluiten zich hierbij aan" (kst-31549-M).
ASSOCIATION_RE = re.compile(
    r"De leden van de (?:fracties van (?P<many>[^.]+?)|(?P<one>[^.,]+?)-fractie) sluiten zich "
    r"(?:hierbij |daarbij )?aan(?: bij (?P<joins>[^.]+))?"
)

# Question text names the members who ask; a topic subheading never does (`headings`): "Frontex"
# / "De leden van de PvdA- en GroenLinks-fractie hebben kennisgenomen …" (example), "Het lid van
# de BBB-fractie …" (example, pair 98). `headings._may_name_members` looks for the words first.
MEMBERS_RE = re.compile(r"fractie|\bleden\b|\blid\b", re.IGNORECASE)
# The text after a subheading asks or names a fractie, so the subheading opens a question block:
# "Frontex" / "De leden van de PvdA- en GroenLinks-fractie hebben kennisgenomen …" (example).
ASKS_RE = re.compile(r"\?|fractie|\bleden\b|\blid\b")
# A list of fracties that join another's questions: "De leden van de fracties van de PvdA, de SP
# en D66 sluiten zich hierbij aan" (kst-31549-M), "… van GroenLinks-PvdA en de VVD." (kst-33328-AI).
ASSOCIATION_LIST_SPLIT_RE = re.compile(r",\s*|\s+en\s+")
# What a name in such a list carries: "de PvdA", "de SP" (kst-31549-M), "de VVD" (kst-33328-AI),
# and "-fractie" or "het" where the list is worded so.
ASSOCIATION_NAME_TRIM_RE = re.compile(r"^(?:de|het)\s+|-fractie$", re.I)
# Whose questions are joined: "… sluiten zich aan bij de vragen van de leden van de
# GroenLinks-PvdA-fractie", "… bij de vragen van de leden van de fracties van GroenLinks-PvdA en de
# VVD." (kst-33328-AI).
ASSOCIATION_LEAD_RE = re.compile(
    r"^(?:de\s+)?vragen\s+van\s+(?:de\s+leden\s+van\s+)?(?:de\s+)?(?:fracties?\s+van\s+)?", re.I
)
