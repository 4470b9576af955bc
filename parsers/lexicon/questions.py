"""Questions asked without a question mark (`segment/questions.py`); lines from the example
report, by pair.

Each pattern with the real line that needs it (the example report, or the dev set
tests/fixtures/devset by id)."""

import re

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

# What reads as asking, when the interleaved layout walks back from an "Antwoord" to find where
# the question block starts (`interleaved.question_like`): "?", "Tegelijkertijd vragen zij of …"
# (pair 9), "Daarnaast vragen deze leden of …" (pair 30), "…, zo vragen de leden van de
# PVV-fractie." (pair 27), "De leden van de D66-fractie horen graag …" (pair 12), "… ontvangen
# graag een overzicht …" (pair 62), "Graag een reactie hierop." (pair 63), "Deze leden zouden dit
# graag toegelicht krijgen" (pair 80), "verzoeken" (issue 18's list).
# Each alternative holds "?", "vra", "verzoek" or "graag": `question_like` looks for those first.
ASKING_RE = re.compile(
    r"\?|\b(?:vragen|vraagt|verzoeken|verzoekt) (?:de leden|het lid|zij|deze leden|dit lid)"
    r"|\bzo vragen\b|\bhoren graag\b|\bontvangen graag\b|\bgraag een reactie\b"
    r"|\bgraag toegelicht\b",
    re.IGNORECASE,
)
# How question paragraphs begin, for PDF text without blank lines cut at sentence ends
# (`interleaved._opens_question`): "…grensbeheer." / "De leden van de CDA-fractie …", "Deze leden
# vragen de staatssecretaris …" (pair 71), "Daarnaast vragen deze leden of …" (pair 30), "Kan de
# staatssecretaris reflecteren op de vraag of …." (pair 32), "Hoe zorgt Nederland …" (pair 48),
# "Deelt de staatssecretaris de mening …" (pair 87).
QUESTION_OPENING_RE = re.compile(
    r"(?:De leden|Deze leden|Het lid|Dit lid|Zij |Ook |Daarnaast|Verder|Tot slot|Voorts|Kan |"
    r"Is |Wat |Hoe |Welke |Waarom |Wanneer |Zijn |Heeft |Hebben |Wordt |Deelt |Ziet |Acht )"
)
