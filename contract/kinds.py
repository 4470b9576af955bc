"""Document kinds: the one vocabulary of sources, parser, warehouse, the run form and the SQL.

Stored as the value (`documents.kind`, `consultations.kind`); the `--kinds` option and the
Prefect form take the same values. Sources classify on TK `Soort` + `Onderwerp` or the KOOP
KamerstukType + title; the parser says which of the two parseable kinds a report is.
"""

from enum import StrEnum


class DocumentKind(StrEnum):
    VERSLAG = "verslag_schriftelijk_overleg"  # questions + the government's answers
    INBRENG = "inbreng_schriftelijk_overleg"  # the parties' questions only
    AGENDA = "geannoteerde_agenda"
    COUNCIL_REPORT = "verslag_jbz_raad"  # the government's report of a Council meeting (any)
    DEBATE = "verslag_commissiedebat"  # the oral alternative: a committee debate's report
    OTHER = "other"  # moties, bijlagen, convocaties …: listed and kept as metadata


ALL_KINDS: tuple[DocumentKind, ...] = tuple(DocumentKind)
PARSEABLE_KINDS: tuple[DocumentKind, ...] = (DocumentKind.VERSLAG, DocumentKind.INBRENG)
# What a run fetches unless told otherwise (`--kinds`, the run form): "other" (moties, bijlagen,
# convocaties …) and the commissiedebat reports (long stenograms; their title and date place
# them in a Council meeting) are listed and kept as metadata, not fetched.
DEFAULT_KINDS: tuple[DocumentKind, ...] = tuple(
    k for k in DocumentKind if k not in (DocumentKind.OTHER, DocumentKind.DEBATE)
)
