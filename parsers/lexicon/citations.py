"""Kamerstuk citations in running text (`parsers/references.py`, whose docstring lists every form
seen: "Kamerstuk 32317, nr. 790", "Kamerstukken II 2021/22, 36 045, nr. 1", "Kamerstuk 32317,
nrs. 772 en 773", …)."""

import re

# A dossier number has five digits, sometimes printed "32 317"; "(?<![\d/])" keeps the
# "2023" of "2022/2023" and the tail of "2036200" from being read as a dossier. The prefix may
# name the chamber and a short year: "Kamerstukken II 2021/22, 36 045, nr. 1".
REF_RE = re.compile(
    r"(?=[K\d])"  # a citation starts with "Kamerstuk" or a digit: other positions fail at once
    r"(?:Kamerstuk(?:ken)?\s+(?:I{1,2}\s+)?(?:\d{4}/\d{2,4},?\s+)?)?"
    r"(?<![\d/])(?P<dossier>\d{2}\s?\d{3})(?!\d)"
    r"(?:(?:-|\s)(?P<toev>[A-Z]{1,5}|\d{1,3})(?![\d\w]))?"
    r",?\s+(?:nrs\.?\s*(?P<nrs>\d+(?:\s*(?:,|en)\s*\d+(?![\d-]|,?\s+nr))*)"
    r"|nr\.?\s*(?P<nr>\d+|[A-Z]{1,2}\b))"
)
# Every citation holds "nr" ("nr." or "nrs."): `references._iter_citations` looks for it first and
# tries the pattern near each one only (tests/test_parser_core_references.py checks the two agree).
