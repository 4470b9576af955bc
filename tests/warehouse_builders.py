"""Consultations, documents and files built from the model dataclasses, for the warehouse tests."""

import dataclasses
import hashlib
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from contract.records import KIND_VERSLAG as DOC_KIND_VERSLAG
from contract.records import DocumentKind, DocumentRecord, FetchedFile
from parsers.model import (
    KIND_INBRENG,
    KIND_VERSLAG,
    AnswerRef,
    Association,
    Commitment,
    Consultation,
    DocumentInfo,
    Footnote,
    KamerstukRef,
    Pair,
    ParseIssue,
    Quality,
    Section,
    Subject,
    Unassigned,
)
from warehouse.consultation_rows import CHILD_TABLES

EXAMPLE = Path(__file__).parent / "fixtures" / "corpus" / "schriftelijk-overleg-jbz-2022-12-08.txt"
FRACTIES = ("VVD", "D66", "PvdA en GroenLinks")


def document_info(kind: DocumentKind = KIND_VERSLAG, agenda: str = "32317-790") -> DocumentInfo:
    return DocumentInfo(
        dossier="32317",
        ondernummer=None,
        kind=kind,
        title=f"{agenda}       JBZ-Raad op 8 en 9 december 2022 in Brussel",
        date="2022-12-20",
        council_date="2022-12-08/2022-12-09",
        committee="vaste commissie voor Justitie en Veiligheid",
        chair="Van Meenen",
        clerk="Meijer",
        addressee="staatssecretaris",
        subjects=(
            Subject(f"Geannoteerde agenda van de JBZ-Raad ({agenda})", (agenda,), None),
            Subject("Schengentoetreding van Roemenië, Bulgarije en Kroatië", (), "2022Z23952"),
        ),
        toc_fracties=FRACTIES,
        dossier_number="32317",
        kind_evidence="title",
        associations=(Association("D66", ("VVD",)),),
    )


def make_consultation(
    pairs_per_fractie: int = 3,
    *,
    kind: DocumentKind = KIND_VERSLAG,
    agenda: str = "32317-790",
    tag: str = "",
) -> Consultation:
    """A consultation with every kind of child row; `tag` alters every text."""
    sections = tuple(
        Section(f, tuple(f.split(" en ")), f"Vragen van de {f}-fractie", False, 10 + 100 * i)
        for i, f in enumerate(FRACTIES)
    )
    pairs: list[Pair] = []
    for f in FRACTIES:
        for k in range(pairs_per_fractie):
            seq = len(pairs) + 1
            refs = (AnswerRef("VVD", 1),) if f != "VVD" and k == 0 else ()
            answer = None if kind == KIND_INBRENG else f"Antwoord {seq} over Schengen{tag}."
            pairs.append(Pair(seq, f, "Schengen" if k % 2 else None, f"Vraag {seq}{tag}? En?",
                              answer, 2, refs, (1,) if k == 0 else (), 20 + seq))  # fmt: skip
    return Consultation(
        document=document_info(kind, agenda),
        sections=sections,
        pairs=tuple(pairs),
        footnotes=(Footnote(1, f"https://example.org/noot{tag}", 99), Footnote(2, "Kamerstuk", 98)),
        kamerstuk_references=(
            KamerstukRef("32317", None, "790", "Kamerstuk 32317, nr. 790"),
            KamerstukRef("36200", "VI", "24", "Kamerstuk 36200 VI, nr. 24"),
        ),  # fmt: skip
        unassigned=(Unassigned(f"los{tag}", 5),),
        issues=(ParseIssue("footnote_text_missing", f"noot 3{tag}", 7),),
        source_format="txt",
        parser_version="test-1",
        layout="interleaved",
        quality=Quality("suspect", ("text_cut_off",)),
        commitments=(Commitment(1, f"Het kabinet zal uw Kamer informeren{tag}.", "inform_kamer"),),
    )


def with_fewer_pairs(c: Consultation, keep: int) -> Consultation:
    return dataclasses.replace(c, pairs=c.pairs[:keep], footnotes=c.footnotes[:1], issues=())


def record(n: int = 1, *, modified: datetime | None = None, **changes: object) -> DocumentRecord:
    base = DocumentRecord(
        document_id=f"tk:doc-{n}",
        source="tk",
        source_id=f"doc-{n}",
        kind=DOC_KIND_VERSLAG,
        soort="Verslag van een schriftelijk overleg",
        title=f"Verslag {n}",
        dossier="32317",
        ondernummer=str(800 + n),
        document_number=f"2022D{n:05d}",
        document_date=datetime(2022, 12, 20).date(),
        modified_at=modified or datetime(2022, 12, 20, 10, 0, tzinfo=UTC),
        deleted=False,
        version="1",
        koop_id=f"kst-32317-{800 + n}",
        file_url=f"https://example.org/{n}",
        raw_json='{"Id": "x"}',
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def fetched(data: bytes, fmt: str = "pdf") -> FetchedFile:
    return FetchedFile(data, hashlib.sha256(data).hexdigest(), fmt, "https://example.org/f", None)


def snapshot(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[object, ...]]]:
    """Every parsed row, sorted, without the load timestamps: equal snapshots = equal content."""
    out = {
        "consultations": con.execute(
            "SELECT * EXCLUDE (parsed_at) FROM consultations ORDER BY ALL"
        ).fetchall(),
        "parse_issues": con.execute(
            "SELECT * EXCLUDE (recorded_at) FROM parse_issues ORDER BY ALL"
        ).fetchall(),
    }
    for table in CHILD_TABLES:
        out[table] = con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
    return out


def publish_example(folder: Path, *, meetings: bool = False) -> Path:
    """The example report parsed, loaded into a working database in `folder` (with its Council
    meeting when asked) and published; returns the snapshot path (JBZ_DB)."""
    from parsers.api import parse_document
    from warehouse import councils, db, load, publish

    c = parse_document(EXAMPLE.read_bytes(), EXAMPLE.name)
    f = fetched(EXAMPLE.read_bytes(), "txt")
    with db.connect(folder / "jbz.work.duckdb") as con:
        load.upsert_documents(con, [record(1)], db.db_now())
        load.store_file(con, "tk:doc-1", f, db.db_now(), "1")
        load.load_consultation(con, "tk:doc-1", f.sha256, c)
        if meetings:
            councils.load_council_meetings(con)
        publish.publish(con, folder / "jbz.duckdb")
    return folder / "jbz.duckdb"
