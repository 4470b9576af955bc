"""The table of contents: where it starts, its furniture and page numbers, heading numbers.

Each pattern with the real line that needs it (the example report, or the dev set
tests/fixtures/devset by id)."""

import re

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
