"""The front matter: document type, number, dossier, date, committee, chair and clerk, the Council
meeting, and the chamber a document is from.

Each pattern with the real line that needs it (the example report, or the dev set
tests/fixtures/devset by id)."""

import re

from parsers.lexicon.dates import MONTH

# The document-type line, the first one in the text (an intro may cite other verslagen later:
# 2025D27305 "… inzake Verslag van een schriftelijk overleg over de geannoteerde agenda …"):
# "INBRENG VERSLAG VAN EEN SCHRIFTELIJK OVERLEG" (2019D23340), "Nr. \t\tInbreng verslag van een
# schriftelijk overleg" (2017D07968), "Nr. 1459 VERSLAG VAN EEN SCHRIFTELIJK OVERLEG", "AB VERSLAG
# VAN EEN NADER SCHRIFTELIJK OVERLEG" (kst-33506-AB), "Verslag van een schriftelijk overleg" (the
# example report).
DOC_TYPE_RE = re.compile(
    r"(?P<inbreng>\binbreng\s+)?\bverslag\s+van\s+een\s+(?P<nader>nader\s+)?schriftelijk\s+overleg",
    re.IGNORECASE,
)
# The report's own number: "Nr. 774", "Nr. 974 Verslag van een schriftelijk overleg", on a line of
# its own or flattened into one ("… Vastgesteld, ⦠2026 Nr. xxx Binnen …", 2026D10904), but never
# a number inside a citation ("(Kamerstuk 21501-02, Nr. 3355)", 2026D10904): no comma before it.
NUMBER_RE = re.compile(r"(?<!,)(?<!, )\bNr\.[ \t]*(?P<n>[^\s,;()]*)")
# A number is digits; anything else after "Nr." is an unfilled template: "Nr. xxx" (2026D10904),
# "Nr. Verslag van een schriftelijk overleg" (2026D04020), "Nr." alone (2025D27305).
NUMBER_DIGITS_RE = re.compile(r"\d+[A-Z]?")
# Eerste Kamer numbers are letters before the title: "AB VERSLAG VAN EEN NADER SCHRIFTELIJK
# OVERLEG" (kst-33506-AB), "BM VERSLAG …" (kst-25295-BM), "M VERSLAG …" (kst-31549-M), and
# "AI1 VERSLAG …" with a footnote digit glued on (kst-33328-AI: the number is "AI").
EK_NUMBER_RE = re.compile(r"(?:^|(?<=\s))(?P<n>[A-Z]{1,3})\d{0,2}\s+VERSLAG\s+VAN\s+EEN\b")
# A dossier header: "21 501-32 Landbouw- en Visserijraad", "32317\t\tJBZ-Raad" (2017D07968),
# "32 317 JBZ-Raad", "21 501-30" alone (kst-21501-30-476), "21501 VERSLAG VAN EEN …" (2026D10904,
# flattened), " 32317-790       JBZ-Raad op 8 en 9 december 2022" (the example: dossier and the
# agenda's number). Never "2019D23340 INBRENG …" (a document number) or "Vergaderjaar 2019-".
# A numeric toevoeging has two digits ("21 501-02"); "32317-790" is the agenda's number.
DOSSIER_RE = re.compile(r"^(?P<nr>\d{2} ?\d{3})(?:-(?P<toev>[A-Z]{1,5}|\d{2})(?=\s|$)|(?=[\s-]|$))")
# "Vastgesteld 24 maart 2014", "Vastgesteld16 april 2010" (no space), "Vastgesteld, 3 mei 2021".
DATE_FIXED_RE = re.compile(rf"Vastgesteld[,:]?\s*(\d{{1,2}})\s+({MONTH})\s+(\d{{4}})", re.I)
# An unfilled template: "Vastgesteld …………. 2025" (2025D27305), "Vastgesteld … " (2017D07968),
# "Vastgesteld, .. xxxx 2025" (2025D18687), "Vastgesteld, ⦠2026" (2026D10904).
DATE_ANY_RE = re.compile(r"Vastgesteld\b", re.I)
# Where the committee's opening sentence starts; the header (dossier, number, type, date) is
# before it: "Binnen de vaste commissie voor …", "De vaste commissie voor …", "In de vaste
# commissie voor … bestond …" (2025D27305), "De leden van de vaste commissies voor …"
# (kst-25295-BM).
INTRO_RE = re.compile(
    r"\b(?:Binnen de|De|In de|De leden van de) (?:vaste )?commissies? voor\b", re.IGNORECASE
)
# The committee, up to its verb: "De vaste commissie voor Justitie en Veiligheid heeft …",
# "Binnen de vaste commissie voor Infrastructuur en Milieu1 hebben …" (footnote digit glued on,
# kst-21501-33-341), "In de vaste commissie voor Volksgezondheid, Welzijn en Sport bestond …"
# (2025D27305), "De vaste commissie voor Immigratie en Asiel/JBZ-Raad1 van de Eerste Kamer der
# Staten-Generaal heeft …" (kst-30573-J), "De leden van de vaste commissies voor Justitie en
# Veiligheid1, voor Volksgezondheid, Welzijn en Sport2, en voor Binnenlandse Zaken en de Hoge
# Colleges van Staat / Algemene Zaken en Huis van de Koning3 hebben …" (kst-25295-BM).
COMMITTEE_RE = re.compile(
    r"\b(?P<name>(?:vaste )?commissies? voor [A-Z][^.;()]*?)\s+"
    r"(?:van de Eerste Kamer der Staten-Generaal\s+)?(?:heeft|hebben|bestond)\b"
)
# A footnote digit glued to a word of a name: "Milieu1", "Zaken2", "JBZ-raad1".
GLUED_DIGIT_RE = re.compile(r"(?<=[^\W\d_])\d{1,2}(?=[\s,]|$)")
# Signatures, the name on the same line or the next: "De voorzitter van de commissie, Hamer",
# "De voorzitter van de commissie," / "Kuiken", "Voorzitter van de commissie, Agnes Mulder"
# (2019D34326), "De fungerend voorzitter van de commissie, Agnes Mulder" (2021D27012), "De
# waarnemend griffier van de commissie, Tielens-Tripels" (kst-32317-567), "Adjunct-griffier van
# de commissie, Kraaijenoord" (2019D23340), Eerste Kamer "De griffier van de vaste commissie voor
# Binnenlandse Zaken, Bergman" (kst-33328-AI), "De griffier voor dit verslag, De Boer"
# (kst-25295-BM).
_FUNCTION = r"^(?:De\s+)?(?:(?:fungerend|waarnemend|plaatsvervangend)\s+)?"
_OF = r"\s+(?:van de (?:vaste )?commissies?(?: voor .+)?|voor dit verslag)\s*,"
CHAIR_RE = re.compile(_FUNCTION + r"voorzitter" + _OF + r"\s*(?P<name>[^,]*)$", re.IGNORECASE)
CLERK_RE = re.compile(_FUNCTION + r"(?:adjunct-)?griffier" + _OF + r"\s*(?P<name>[^,]*)$", re.I)
# Initials before a surname: "K. van Dooren" (kst-31549-M) -> "van Dooren".
INITIALS_RE = re.compile(r"^(?:[A-Z]\.\s*)+(?=\S)")
ADDRESSEE_RE = re.compile(
    r"(?:voor te leggen aan|voorgelegd aan|gericht aan|door|gestuurd aan) de "
    r"(minister-president|minister|staatssecretaris)",
    re.IGNORECASE,
)
# A Council meeting named with its dates: "JBZ-Raad op 8 en 9 december 2022", "JBZ-Raad van 8 en
# 9 december 2022", "informele JBZ-Raad d.d. 18 en 19 juli 2011" (kst-32317-68), "Landbouw- en
# Visserijraad 14-16 september 2022" (kst-21501-32-1459), "Raad WSB van 13 juni 2019"
# (2019D23340), "Telecomraad 11 en 12 april 2024" (kst-21501-33-1064), "Raad voor
# Concurrentievermogen (29–30 september 2025)" (2025D40762).
COUNCIL_RE = re.compile(r"(?:raad|Raad)\b")
COUNCIL_DATE_RE = re.compile(
    rf"(?P<d1>\d{{1,2}})(?:\s+(?P<m1>{MONTH}))?\s*(?:[-–]|\s+en\s+)\s*(?P<d2>\d{{1,2}})\s+"
    rf"(?P<m2>{MONTH})\s+(?P<y>\d{{4}})|(?P<d>\d{{1,2}})\s+(?P<m>{MONTH})\s+(?P<yy>\d{{4}})"
)
# The earlier meeting whose report is among the documents: "Verslag van de formele JBZ-Raad van
# 13 en 14 oktober 2022" — its date is not the consultation's Council date.
REPORT_OF_COUNCIL_RE = re.compile(r"\bverslag\b[^()]{0,40}$", re.IGNORECASE)
AGENDA_RE = re.compile(r"\bagenda\b", re.IGNORECASE)
# An Eerste Kamer document names its chamber in the front matter: "De vaste commissie voor
# Immigratie en Asiel/JBZ-Raad1 van de Eerste Kamer der Staten-Generaal heeft …" (kst-30573-J),
# "Aan de Voorzitter van de Eerste Kamer der Staten-Generaal" (an answer letter). Its number is
# letters ("BM VERSLAG …", kst-25295-BM): a Tweede Kamer number is digits.
EK_CHAMBER_RE = re.compile(r"\bEerste Kamer der Staten-Generaal\b")
EK_ONDERNUMMER_RE = re.compile(r"^[A-Z]{1,3}$")
# Between "Raad" and its date only the rest of the Council's name and a connector: "Raad
# Werkgelegenheid en Sociaal Beleid van 1 december 2025" (2025D47686), "Raad voor
# Concurrentievermogen/Interne markt en industrie, onderzoek en ruimtevaart (29–30 september
# 2025)" (2025D40762), "Raad d.d. 19 maart 2024".
COUNCIL_GAP_RE = re.compile(r"[\s(]*(?:[^\W\d]+[\s/,()-]+){0,9}?(?:d\.d\.\s*)?")
# Where the opening sentence names the documents asked about (KOOP layout, no bulleted list):
# "… voorgelegd aan de Staatssecretaris … over de geannoteerde agenda van de JBZ-Raad van 8 en 9
# december 2022 (Kamerstuk 32 317, nr. 790) en de brief van 2 december 2022 (2022Z23952)."
SUBJECTS_ANCHOR_RE = re.compile(r"(?:voorgelegd aan|voor te leggen aan)[^()]*?\bover\s")
# Each document so named, chained by "en" or ",": "de geannoteerde agenda van de JBZ-Raad van 8
# en 9 december 2022 (Kamerstuk 32 317, nr. 790)", "de brief van 2 december 2022 (2022Z23952)".
INLINE_SUBJECT_RE = re.compile(
    r"(?:(?<=\s)|,\s|\sen\s)(?P<title>(?:de|het)\s[^()]+?)\s*"
    r"\((?P<ref>Kamerstuk[^)]*|\d{4}Z\d{5})\)"
)
# The citation after a bulleted subject, left out of its title: "• Geannoteerde agenda … (Kamerstuk
# 32317, nr. 790)", "… (2022Z23952)" (the example).
PAREN_REF_RE = re.compile(r"\s*\((?:Kamerstuk|\d{4}Z\d{5})[^)]*\)")
