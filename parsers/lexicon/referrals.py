"""Which answer a referral means (`segment/referrals.py`); lines from the example report, by
pair.

Each pattern with the real line that needs it (the example report, or the dev set
tests/fixtures/devset by id)."""

import re

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

# A sentence that points to an answer: "Het kabinet verwijst naar het antwoord op de vraag van de
# leden van de VVD-fractie …" (pair 27), "Ik verwijs u ook naar het eerdere antwoord …" (pair
# 54), "… de beantwoording van de vraag van de SP …" (pair 71), "geantwoord
# op uw eerdere gelijkluidende vraag"; not "verwijzingen naar de Procedureverordening".
# Each alternative holds "verwij" or "antwoord": `crossrefs._may_point` looks for those first.
POINTER_RE = re.compile(
    r"\bverwij(?:st|s|zen)\b|\bantwoord(?:en)?\b|\bbeantwoording\b|\bgeantwoord\b", re.IGNORECASE
)
# A pointer to the answerer's own earlier answer: "bovenstaand antwoord", "het antwoord op de
# hierboven staande vraag" (the pair just before), "geantwoord op uw eerdere gelijkluidende vraag".
SELF_REFERENCE_RE = re.compile(
    r"bovenstaande? antwoord|hierboven\s?staande vra|uw eerdere (?:gelijkluidende )?vra",
    re.IGNORECASE,
)
