"""The body's markers and parts: "Antwoord", the answer part, the question part, a part that is
neither, Eerste Kamer letters, and the intro's word that the answers exist.

Each pattern with the real line that needs it (the example report, or the dev set
tests/fixtures/devset by id)."""

import re

from parsers.lexicon.dates import MONTH

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
