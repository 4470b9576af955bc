"""When the questions were sent and when the government answered (front matter).

Each pattern with the real line that needs it (the example report, or the dev set
tests/fixtures/devset by id)."""

import re

from parsers.lexicon.dates import MONTH

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
