"""TK `Soort`: the Soorten that name a document kind of their own, read in one place (the
sources' classifier, the warehouse's Council meetings). Pure."""

import re

from contract.kinds import DocumentKind

# Soorten that decide on their own (lower case). Attachments and invitations carry the subject of
# the document they belong to: "Beslisnota bij het verslag van een schriftelijk overleg over …"
# (Bijlage) or "Convocatie inbreng schriftelijk overleg JBZ-Raad …" are neither report nor inbreng.
# The inbreng's Soort as TK prints it (the listing asks for it by this exact value).
INBRENG_SOORT = "Inbreng verslag schriftelijk overleg"
DECISIVE_SOORTEN: dict[str, DocumentKind] = {
    "verslag van een schriftelijk overleg": DocumentKind.VERSLAG,
    INBRENG_SOORT.lower(): DocumentKind.INBRENG,
    "verslag van een commissiedebat": DocumentKind.DEBATE,
    # the commissiedebat's name before 2021
    "verslag van een algemeen overleg": DocumentKind.DEBATE,
    "bijlage": DocumentKind.OTHER,
    "convocatie commissieactiviteit": DocumentKind.OTHER,
    "besluitenlijst procedurevergadering": DocumentKind.OTHER,
    "verslag van een werkbezoek": DocumentKind.OTHER,
    "motie": DocumentKind.OTHER,
    "motie (gewijzigd/nader)": DocumentKind.OTHER,
    "amendement": DocumentKind.OTHER,
    "brief commissie aan bewindspersoon": DocumentKind.OTHER,
}


def soort_kind(soort: str | None) -> DocumentKind | None:
    """The kind a Soort decides on its own (spacing and case as printed do not matter), None
    when the subject must decide."""
    return DECISIVE_SOORTEN.get(re.sub(r"\s+", " ", (soort or "").strip().lower()))
