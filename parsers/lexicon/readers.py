"""Words of the formats themselves, not of the report: Word's error text, style names, the
containers of an HTML page's footnotes."""

import re

# "Fout! Bladwijzer niet gedefinieerd." = Word's "Error! Bookmark not defined.", may wrap lines
# (the example's intro: "De op 5 december Fout! Bladwijzer niet gedefinieerd.Fout! Bladwijzer
# niet" / "gedefinieerd. …2022 toegezonden vragen"). The text reader and the timing look for
# "Fout!" first.
ARTEFACT_RE = re.compile(r"Fout!\s+Bladwijzer\s+niet\s+gedefinieerd\.")
# A docx heading style, in English or Dutch Word: "Heading 2", "heading2", "Kop 2", "Kop2".
DOCX_HEADING_STYLE_RE = re.compile(r"^(?:heading|kop)\s*(\d)$", re.IGNORECASE)
# The element of an HTML page that holds the footnotes, by class or id: "voetnoten" / "noten"
# (officielebekendmakingen.nl), "footnotes".
HTML_NOTES_CONTAINER_RE = re.compile(r"voetnoten|footnotes|noten", re.IGNORECASE)
