"""The parser's knowledge of Dutch phrases, in one place: every pattern with the real line that
needs it. Adding a wording is one line here; the code that uses a pattern does not change.

Lines are quoted from the example report and the dev set (tests/fixtures/devset, by id).
"""

import re

_MONTH_NAMES = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip
MONTHS = {m: i + 1 for i, m in enumerate(_MONTH_NAMES)}
MONTH = "(?:" + "|".join(MONTHS) + ")"

# ---------------------------------------------------------------------------------------------
# Front matter
# ---------------------------------------------------------------------------------------------

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
# Where a table of contents starts: "Inhoudsopgave", "Inhoud" (2023D35130).
TOC_START_RE = re.compile(r"^(?:Inhoudsopgave|Inhoud)$", re.IGNORECASE)
# Table-of-contents furniture: "blz.", "Blz." (2022D31701), page numbers alone ("2", "00", "0"),
# part numbers alone ("I", "II.", "1."), bullets alone ("•", 2026D08333).
TOC_FURNITURE_RE = re.compile(r"^(?:blz\.?|\d{1,3}|[IVX]{1,4}\.?|\d{1,2}\.|[•·\-–▪])$", re.I)
# A page number after an entry: "…VVD-fractie    2", "… PvdA en GroenLinks-fractie  10",
# "I. Vragen en opmerkingen vanuit de fracties 2" (kst-32620-257), "…bewindspersonen 00".
TOC_PAGE_RE = re.compile(r"(?:\s+|\t|\.{3,}\s*)\d{1,3}$")
# Numbering before a heading: "I Vragen en opmerkingen vanuit de fracties", "II. Reactie …",
# "1. Vragen en opmerkingen vanuit de VVD-fractie", "• Inbreng van de leden van de VVD-fractie"
# (2023D35130), "· Vragen en opmerkingen van de leden van de VVD" (kst-21501-30-248),
# "– Vragen en opmerkingen vanuit de fracties" (kst-21501-30-248).
HEADING_NUMBER_RE = re.compile(r"^(?:[IVX]{1,4}\.?|\d{1,2}\.|[•·\-–▪])\s+")

# ---------------------------------------------------------------------------------------------
# Body headings
# ---------------------------------------------------------------------------------------------

# How a fractie heading begins: "Vragen en opmerkingen van de leden van de VVD-fractie",
# "Vragen en opmerkingen vanuit de VVD-fractie" (numbered "1. …" in some reports), "Inbreng van
# de leden van de VVD-fractie" (2023D35130), "Vragen en opmerkingen uit de fracties" (part),
# "Antwoorden op de vragen van de leden van de GroenLinks-PvdA-fractie" (kst-21501-30-685).
# Each lead holds "vragen" or "inbreng": `headings._may_lead` looks for those before trying it.
SECTION_LEAD_RE = re.compile(
    r"^(?:Vragen en opmerkingen|Opmerkingen en vragen|Inbreng|Vragen|Reactie op (?:de )?vragen"
    r"|Antwoorden op de vragen)\s+(?:van|vanuit|uit)\s+",
    re.IGNORECASE,
)
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
# "Antwoord", "Antwoord   ", "Antwoord:", "Reactie van de staatssecretaris", "Reactie van het
# kabinet"; never "II Antwoord / Reactie …" (the part heading of the separate-answer layout).
# A government heading per topic: "Inleiding van het kabinet" (kst-21501-20-1141).
ANSWER_RE = re.compile(
    r"^(?:Inleiding|Reactie|Antwoord) van het kabinet:?$"
    r"|^(?:Antwoord|Reactie)(?: (?:van|door) (?:het kabinet|de regering|de minister|de "
    r"staatssecretaris|de bewindspersonen?)(?: van [\w ,]+)?)?\s*:?$",
    re.IGNORECASE,
)
# The separate answer part: "II Antwoord / Reactie van de staatssecretaris" (example), "II
# Reactie van de Minister van Buitenlandse Zaken" (2023D35130), "II. Reactie van de Minister"
# (2025D46870), "III Antwoord/Reactie van het kabinet" (2026D08333), "III. Reactie van de
# ministers …" (kst-32317-567), "– Reactie van de minister" (kst-21501-30-248 TOC), "II" /
# "Antwoord / Reactie van de Minister" on two lines (2021D22107 TOC). A TOC line ending in a page
# number is never the part itself.
ANSWER_PART_RE = re.compile(
    r"^(?:(?:I{1,3}|IV)\.?|[–-])\s+(?:Antwoord|Reactie)\b(?!.*\s\d+$)", re.IGNORECASE
)
# A part that holds neither questions nor answers: "II Agenda" (2026D08333, a list of letters),
# "III Volledige agenda" (2021D22107).
OTHER_PART_RE = re.compile(r"^(?:I{1,3}|IV)\.?\s+(?:Volledige\s+)?agenda$", re.IGNORECASE)
# The question part: "I Vragen en opmerkingen vanuit de fracties", "I. VRAGEN EN OPMERKINGEN"
# (kst-21501-33-341), "I Vragen en opmerkingen uit de fracties" (2023D35130), "Vragen en
# opmerkingen vanuit de fractie en reactie van de bewindspersoon" (kst-21501-32-1459), "I.
# VRAGEN EN OPMERKINGEN VANUIT DE FRACTIES" (kst-32317-68).
QUESTION_PART_RE = re.compile(
    r"^(?:(?:I|1)\.?\s+|[–-]\s+)?Vragen en opmerkingen(?:\s+(?:vanuit|uit|van)\s+de\s+fracties?)?"
    r"(?:\s+en\s+(?:en\s+)?reactie\b.*)?$",
    re.IGNORECASE,
)
# Eerste Kamer letters: "BRIEF VAN DE VOORZITTER VAN DE VASTE COMMISSIE VOOR …" (kst-33328-AI),
# "BRIEF AAN DE STAATSSECRETARIS VAN VEILIGHEID EN JUSTITIE" (kst-31549-M), the answer "BRIEF VAN
# DE MINISTER VAN …", and a letter without heading: "Aan de Minister van Asiel en Migratie" /
# "Den Haag, 23 oktober 2024" (kst-30573-J).
LETTER_RE = re.compile(r"^BRIEF (?:VAN|AAN) DE\b|^Aan de (?:Minister|Staatssecretaris)\b", re.I)
# The furniture of a letter: "Den Haag, 23 oktober 2024", "Aan de Voorzitter van de Eerste Kamer
# der Staten-Generaal", "De commissie ziet uw reactie met belangstelling tegemoet.", "Hoogachtend,",
# and its signature "De voorzitter van de vaste commissie
# voor Binnenlandse Zaken," / "De Staatssecretaris van Binnenlandse Zaken en
# Koninkrijksrelaties," with the name on the next line.
LETTER_LINE_RE = re.compile(
    rf"^Den Haag, \d{{1,2}} {MONTH} \d{{4}}$|^Aan de Voorzitter van de\b|^Hoogachtend,?$"
    r"|^De commissie ziet [^.]{0,60} tegemoet\.$"
    r"|^De (?:voorzitter|griffier) van de (?:vaste )?commissies? voor [^.]+,$"
    r"|^De (?:Minister|Staatssecretaris)(?: van| voor) [^.]+,$",
    re.IGNORECASE,
)
ANSWER_LETTER_RE = re.compile(r"^BRIEF VAN DE (?:MINISTER|STAATSSECRETARIS)\b", re.IGNORECASE)
# "De leden van de D66-fractie sluiten zich aan bij de vragen van de leden van de
# GroenLinks-PvdA-fractie." (kst-33328-AI), "De leden van de fracties van de PvdA, de SP en D66
# sluiten zich hierbij aan" (kst-31549-M).
ASSOCIATION_RE = re.compile(
    r"De leden van de (?:fracties van (?P<many>[^.]+?)|(?P<one>[^.,]+?)-fractie) sluiten zich "
    r"(?:hierbij |daarbij )?aan(?: bij (?P<joins>[^.]+))?"
)
# Where the answers are said to exist: "Bij brief van 18 juli 2022 zijn de vragen beantwoord."
# (kst-21501-02-2516), "De minister heeft deze vragen beantwoord bij brief van 5 oktober 2011"
# (kst-21501-33-341), Eerste Kamer "De Minister heeft op 30 januari 2023 gereageerd."
# (kst-25295-BM), "De commissie brengt bijgaand verslag uit van het gevoerde schriftelijk
# overleg." Not the template "Bij brief van âŠâŠ zijn deze vragen … beantwoord" (2026D04020).
ANSWERED_RE = re.compile(
    rf"Bij brie(?:f|ven) van \d{{1,2}} {MONTH}[^.]*?beantwoord|beantwoord bij brief van \d"
    rf"|heeft (?:op|bij brieven? van) \d{{1,2}} [^.]*?gereageerd|brengt bijgaand verslag uit",
    re.IGNORECASE,
)

# ---------------------------------------------------------------------------------------------
# Chamber, and when the questions and answers were sent
# ---------------------------------------------------------------------------------------------

# An Eerste Kamer document names its chamber in the front matter: "De vaste commissie voor
# Immigratie en Asiel/JBZ-Raad1 van de Eerste Kamer der Staten-Generaal heeft …" (kst-30573-J),
# "Aan de Voorzitter van de Eerste Kamer der Staten-Generaal" (an answer letter). Its number is
# letters ("BM VERSLAG …", kst-25295-BM): a Tweede Kamer number is digits.
EK_CHAMBER_RE = re.compile(r"\bEerste Kamer der Staten-Generaal\b")
EK_ONDERNUMMER_RE = re.compile(r"^[A-Z]{1,3}$")
# A fractie named as the one speaking, anywhere in a question: "De leden van de VVD-fractie
# onderschrijven …" (example, pair 1), "…, zo vragen de leden van de PVV-fractie." (example, pair
# 25), "Het is om deze redenen dat het lid van de BBB-fractie de staatssecretaris oproept …"
# (example, pair 98); never the fractie of a question pointed to ("de vraag van de leden van de
# VVD-fractie", example pair 27's answer). In an answer only where a sentence starts: a question
# paragraph left in the answer before it ("Het lid van de BBB-fractie is ervan overtuigd …").
SPEAKER_MENTION_RE = re.compile(
    r"(?<!van )\b(?:[Dd]e leden|[Hh]et lid) van de (?P<name>[^.?!:;,]+?)(?:-|\s)fractie\b"
)
# When the committee sent its questions: "De op 5 december 2022 toegezonden vragen en opmerkingen
# zijn met de door de staatssecretaris … bij brief van … toegezonden antwoorden hieronder
# afgedrukt." (the example, Word artefacts cut), "De vragen en opmerkingen zijn op 12 juli 2022
# aan de Minister van Buitenlandse Zaken voorgelegd." (kst-21501-02-2516), "De vragen en
# opmerkingen zijn op 27 januari 2025 voorgelegd" (issue 18). `when` is a date or a template's
# placeholder ("…").
QUESTIONS_SENT_RE = re.compile(
    r"\bDe op (?P<when>[^.]{1,40}?) toegezonden vragen"
    rf"|\bvragen(?: en opmerkingen)? zijn op (?P<when2>\d{{1,2}}\s+{MONTH}\s+\d{{4}}|\S{{1,20}})"
    r"\s(?:[^.]{0,200}?\s)?voorgelegd",
    re.IGNORECASE,
)
# When the government answered: "Bij brief van 18 juli 2022 zijn de vragen beantwoord."
# (kst-21501-02-2516), "Bij brief van 16 juli 2019 hebben de ministers … deze vragen en
# opmerkingen beantwoord." (kst-32317-567), "Bij brief van 7 december 2017 zijn de vragen die …
# beantwoord (…). Bij brief van 19 december 2017 zijn de overige vragen beantwoord."
# (kst-21501-32-1074: the last letter counts), "De minister heeft deze vragen beantwoord bij brief
# van 5 oktober 2011." (kst-21501-33-341), "De Minister heeft op 30 januari 2023 gereageerd."
# (kst-25295-BM), "Der staatssecretaris heeft bij brieven van 22 februari en 2 april 2013
# gereageerd." (kst-31549-M), the example's unfilled "… bij brief van … toegezonden antwoorden",
# and 2026D04020's "Bij brief van âŠâŠ zijn deze vragen en opmerkingen beantwoord.".
ANSWERS_SENT_RE = re.compile(
    r"\bBij brie(?:f|ven) van (?P<when>[^.]{1,60}?) (?:zijn|hebben)\s[^.]{0,300}?beantwoord"
    r"|\bbeantwoord bij brie(?:f|ven) van (?P<when2>[^.]{1,60}?)(?=\.|$)"
    r"|\bheeft (?:op |bij brie(?:f|ven) van )(?P<when3>[^.]{1,60}?) gereageerd"
    r"|\bbij brief van (?P<when4>[^.]{1,40}?) toegezonden antwoorden",
    re.IGNORECASE,
)
# A date in such a phrase, its year maybe only on the last one ("22 februari en 2 april 2013").
SENT_DATE_RE = re.compile(rf"(?P<d>\d{{1,2}})\s+(?P<m>{MONTH})(?:\s+(?P<y>\d{{4}}))?", re.I)

# ---------------------------------------------------------------------------------------------
# Questions asked without a question mark (`questions_indirect`); lines from the example report
# ---------------------------------------------------------------------------------------------

# The members ask, as a verb with them as subject: "De leden van de D66-fractie vragen welke
# verwachtingen …" (pair 10), "Deze leden vragen de staatssecretaris de beschikbare actieplannen
# naar de Kamer te sturen …" (pair 71), "De leden van de CDA-fractie vragen bij de discussie over
# de small boats hoeveel …" (pair 31); never the noun ("Deze leden hebben hierover de volgende
# vragen.", pair 60; "… hebben ook vragen over de praktische uitvoering …", pair 69; "… roept bij
# de leden van de ChristenUnie-fractie enkele vragen op.", pair 79).
ASK_SUBJECT_RE = re.compile(
    r"(?:\bleden|\bzij|\blid|-fractie)\s+(?:(?:daarom|daarbij|echter|ook|bijvoorbeeld|tevens"
    r"|verder|hierbij|dan)\s+)?vragen\b(?!\s+en\b)"
)
# The verb first: "Tegelijkertijd vragen zij of …" (pair 9), "Daarnaast vragen deze leden of …"
# (pair 30), "…, zo vragen de leden van de PVV-fractie." (pair 26), "Daarom vragen zij de
# staatssecretaris hoe …" (pair 88), "… delen deze zorgen en vragen daarom aan de staatssecretaris
# hierop te reflecteren." (pair 88), "…, maar vragen of niet ook …" (pair 67).
ASK_VERB_RE = re.compile(
    r"\bvragen\s+(?:zij|deze leden|de leden|dit lid|het lid)\b"
    r"|\bvragen\s+(?:(?:daarom|daarbij|echter|ook|hierbij)\s+)?(?:aan\s+)?de "
    r"(?:staatssecretaris|minister|regering|bewindspersonen?)\b"
    r"|\bvragen\s+(?:of|welke?|wat|hoe|waarom|wanneer|hoeveel|in hoeverre|om)\b"
)
# A question as a noun the members put: "Daarnaast stellen deze leden de vraag wat …" (pair 34),
# "Verder hebben de leden van de Volt-fractie de vraag welke rol …" (pair 82), "De vraag van deze
# leden is hoe de staatssecretaris deze inspanning precies vormgeeft." (pair 72).
ASK_NOUN_RE = re.compile(
    r"\b(?:stellen|hebben)\s+(?:deze leden\s+|de leden[^.]{0,40}?\s+)?de vraag\b"
    r"|\bDe vraag van (?:deze|de) leden\b"
)
# Wanting to hear or receive: "De leden van de D66-fractie horen graag …" (pair 12), "… ontvangen
# graag een overzicht …" (pair 62), "… zouden graag van de staatssecretaris horen of …" (pair 77),
# "… zouden de leden van de ChristenUnie-fractie willen weten hoe …" (pair 78), "Deze leden zouden
# dit graag toegelicht krijgen" (pair 80), "In het bijzonder willen deze leden preciezer
# geïnformeerd worden over …" (pair 63), "Graag een reactie hierop." (pair 63).
WANT_RE = re.compile(
    r"\b(?:horen|ontvangen|vernemen) graag\b"
    r"|\bgraag\b[^.]{0,80}?\b(?:horen|vernemen|ontvangen|toegelicht|krijgen)\b"
    r"|\bwillen (?:graag )?weten\b|\bwillen\b[^.]{0,40}?\bgeïnformeerd worden\b"
    r"|^Graag een (?:reactie|toelichting|overzicht)\b"
)
# A request or call: "… blijven deze leden er bij de staatssecretaris op aandringen om …" (pair
# 73), "Het is om deze redenen dat het lid van de BBB-fractie de staatssecretaris oproept tot drie
# zaken." (pair 98), "verzoeken" (issue 18's list).
REQUEST_RE = re.compile(r"\bverzoek(?:en|t)\b|\boproep(?:t|en)\b|\b(?:aan)?dringen\b")
# A question whose "?" is missing: "Kan de staatssecretaris reflecteren op de vraag of …." (pair
# 32), "Hoe zorgt Nederland alert te blijven op mogelijke dreigingen …" (pair 48, no mark at all),
# "Is de staatssecretaris bereid om per direct Schengen op te schorten …, zo vragen de leden van de
# PVV-fractie." (pair 27), "Zal Nederland aandringen op …, vragen de leden van de Volt-fractie."
# (pair 83), "Deelt de staatssecretaris de mening …" (pair 87). Not "Wat betreft …".
INTERROGATIVE_RE = re.compile(
    r"^(?:Kan|Kunnen|Is|Zal|Zullen|Wil|Deelt|Heeft|Welke?|Hoe|Waarom|Wanneer|Hoeveel"
    r"|In hoeverre|Wat(?! betreft))\b"
)
INDIRECT_QUESTION_RES = (ASK_SUBJECT_RE, ASK_VERB_RE, ASK_NOUN_RE, WANT_RE, REQUEST_RE)

# ---------------------------------------------------------------------------------------------
# Which answer a referral means (segment/referrals.py)
# ---------------------------------------------------------------------------------------------

# The subject after the fractie named: "… naar het antwoord op de vraag van de leden van de
# VVD-fractie over het samenwerken met ons omringende landen op het gebied van grensbeleid."
# (pair 27), "… de beantwoording van de vraag van de SP over het EU-instrumentarium." (pair 71).
REFERRAL_SUBJECT_RE = re.compile(r"^(?:-fractie)?\s+over\s+(?P<subject>[^.?!]+)")
# The subject before the pointer: "Ten aanzien van definitie van ‘instrumentalisering’ verwijst het
# kabinet naar de beantwoording van de fracties van PvdA en GroenLinks en de D66-fractie."
# (pair 88), "Wat betreft …, verwijst …".
REFERRAL_LEAD_RE = re.compile(
    r"^(?:Ten aanzien van|Wat betreft|Voor wat betreft)\s+(?P<subject>[^,]+?)\s*(?:,|\bverwijst\b)"
)
# A question like the referring one: "Het kabinet verwijst naar de beantwoording op een
# gelijkluidende vraag door de D66-fractie." (pair 33), "Ik verwijs u ook naar het eerdere antwoord
# op een vraag van gelijke strekking van de leden van de VVD-fractie." (pair 54).
REFERRAL_LIKENESS_RE = re.compile(r"\bgelijkluidende\b|\bgelijke strekking\b", re.IGNORECASE)

# ---------------------------------------------------------------------------------------------
# Commitments: answer sentences in which the government binds itself to a future act
# (segment/commitments.py); lines from the example report, by pair
# ---------------------------------------------------------------------------------------------

# The government as the one who will act: "Het kabinet zal tijdens de bijeenkomst … bespreken"
# (pair 1), "… zal het kabinet in Coreper de start van de trilogen … steunen." (pair 7), "Nederland
# zal het belang van effectieve inzet van dit instrument benadrukken tijdens de Raad." (pair 58),
# "Daartoe zullen de aanwezige lidstaten, waaronder Nederland (…) de Commissie oproepen …" (pair 1),
# "Het kabinet is voornemens het standpunt … tijdens de JBZ-Raad over te brengen." (pair 44), "… is
# het kabinet voornemens in te stemmen met de Schengentoetreding van Roemenië." (pair 5), "Het
# kabinet organiseert deze bijeenkomst om in gesprek te gaan …" (pair 31), "Het kabinet gaat
# daarom graag met de lidstaten in gesprek over …" (pair 94); the Kamer informed: "Uw Kamer zal
# hier later nader over geïnformeerd worden." (pair 62), "Vanzelfsprekend zal uw Kamer op de hoogte
# worden gebracht van …" (pair 47).
_GOVERNMENT = r"(?:[Hh]et kabinet|Nederland|[Dd]e regering|[Ii]k)"
# The "zal" is the government's own, not that of a clause after "dat"/"die" ("Het kabinet verwacht
# daarom dat de verschillen … niet zullen worden vergroot.", pair 65; "Het kabinet kijkt uit naar
# de evaluatie … die zij uiterlijk eind 2023 uit zal voeren.", pair 72; "Het kabinet gaat er
# voorts vanuit dat alle lidstaten, net als Nederland, … hun keuze zullen maken.", pair 44: nor a
# government named in a comparison).
_OWN_CLAUSE = r"(?:(?!\b(?:dat|die|welke|vanuit)\b)[^.;]){0,120}?"
COMMITMENT_RE = re.compile(
    rf"(?<!als )\b{_GOVERNMENT}\b{_OWN_CLAUSE}\b(?:zal|zullen)\b"
    rf"|\b(?:zal|zullen)\s+{_GOVERNMENT}\b"
    r"|\bzullen\b[^.;]{0,60}\bwaaronder Nederland\b"
    rf"|\b{_GOVERNMENT}\s+is\s+voornemens\b|\bis\s+{_GOVERNMENT}\s+voornemens\b"
    r"|\b[Hh]et kabinet (?:organiseert|gaat\b[^.;]{0,40}\bin gesprek)\b"
    r"|\b(?:(?:[Uu]w|[Dd]e) Kamer zal|zal (?:uw|de) Kamer)\b[^.;]{0,80}"
    r"\b(?:geïnformeerd|op de hoogte)\b"
)
# Not a commitment: standing policy and what goes on anyway: "Nederland zal blijven benadrukken
# …" (pair 8), "… zal het kabinet zich voor blijven inzetten …" (pair 75), "Daar zal het kabinet
# zich voor inzetten, …" (pair 87), "Nederland … zal dat ook blijven doen." (pair 98), "De
# regering zal personen … een veilige plek blijven bieden." (pair 57); a stance, not an act:
# "Nederland zal daarom steun voor de afronding van deze wetsvoorstellen uiteindelijk baseren op
# de balans …" (pair 7); what may happen: "In dat kader zal mogelijk ook de small boats
# problematiek aan de orde komen." (pair 31).
# General effort: "Nederland is voornemens de komende tijd meer aandacht te besteden aan het
# versterken van de inzet van deze agentschappen …" (pair 58).
NOT_COMMITMENT_RE = re.compile(
    r"\bblijven\b|\bblijft\b|\bzich\b[^.;]{0,20}\binzetten\b|\bbaseren op\b|\bzal mogelijk\b"
    r"|\baandacht te besteden\b"
)
# The kind, tried in this order: a document sent ("… zal uw Kamer inderdaad bij verzending van het
# verslag van de JBZ-Raad ook een verslag doen toekomen van de ministeriële bijeenkomsten …", pair
# 30); the Council report ("Het kabinet zal uw Kamer in het verslag van de JBZ-Raad informeren over
# de uitkomsten.", pair 55; "Het kabinet zal in het verslag van de JBZ-Raad dat uw Kamer toekomt,
# ingaan op de uitkomsten …", pair 2); the Kamer informed or a matter come back to ("Het kabinet
# zal uw Kamer na afloop informeren over de uitkomsten.", pair 83; "Het kabinet zal in de uitkomsten
# van deze intensieve exercitie ook terugkomen op …", pair 3); an act at a meeting ("Het kabinet zal
# deze JBZ-Raad dan ook aandacht vragen voor secundaire migratie.", pair 3; "Hier zal Nederland ook
# tijdens de aankomende JBZ-Raad toe oproepen.", pair 71; "… in te stemmen met de
# Schengentoetreding van Roemenië", pair 5); anything else ("… maar zal de resultaten ervan later
# wegen.", pair 12).
SEND_DOCUMENT_RE = re.compile(r"\b(?:doen toekomen|toesturen|toezenden|(?:ver)?sturen)\b")
COUNCIL_REPORT_RE = re.compile(r"\bverslag van de JBZ-[Rr]aad\b")
INFORM_KAMER_RE = re.compile(
    r"\b(?:informeren|geïnformeerd|op de hoogte|berichten|terugkomen|terug te komen)\b"
)
ACT_IN_COUNCIL_RE = re.compile(
    r"\b(?:JBZ-[Rr]aad|Raad|bijeenkomst|Coreper|lunch|conferentie)\b"
    r"|\b(?:instemmen|in te stemmen|steunen|benadrukken|oproepen|aandacht vragen|over te brengen"
    r"|aan de orde stellen|pleiten)\b"
)
