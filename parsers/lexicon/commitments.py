"""Commitments: answer sentences in which the government binds itself to a future act
(`segment/commitments.py`); lines from the example report, by pair.

Each pattern with the real line that needs it (the example report, or the dev set
tests/fixtures/devset by id)."""

import re

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
