"""Documents and raw files: upserts keyed on the source id, batches deduplicated, bytes kept."""

import dataclasses
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from contract.records import KIND_AGENDA, KIND_OTHER, KIND_VERSLAG, FetchedFile
from tests.warehouse_builders import fetched, record
from warehouse import db, load
from warehouse.db import WarehouseRefusal

T0 = datetime(2026, 1, 5, 9, 0)


def test_new_changed_unchanged(tmp_path: Path) -> None:
    with db.connect(tmp_path / "w.duckdb") as con:
        assert load.upsert_documents(con, [record(1), record(2)], T0) == load.UpsertCounts(2, 0, 0)
        later = T0 + timedelta(hours=1)
        batch = [record(1), record(2, title="Nieuwe titel")]
        assert load.upsert_documents(con, batch, later) == load.UpsertCounts(0, 1, 1)
        rows = con.execute(
            "SELECT document_id, title, first_seen_at, last_seen_at, changed_at FROM documents "
            "ORDER BY document_id"
        ).fetchall()
    assert rows == [
        ("tk:doc-1", "Verslag 1", T0, later, T0),
        ("tk:doc-2", "Nieuwe titel", T0, later, later),
    ]


def test_duplicate_ids_in_one_batch_keep_the_newest_then_the_last(tmp_path: Path) -> None:
    """DuckDB keeps the FIRST of duplicate keys in one statement; we must keep the newest."""
    old = datetime(2022, 1, 1, tzinfo=UTC)
    new = datetime(2023, 1, 1, tzinfo=UTC)
    batch = [
        record(1, modified=new, title="newest"),
        record(1, modified=old, title="older, listed later"),
        record(2, modified=new, title="first of equals"),
        record(2, modified=new, title="last of equals"),
    ]
    with db.connect(tmp_path / "w.duckdb") as con:
        assert load.upsert_documents(con, batch, T0) == load.UpsertCounts(2, 0, 0)
        rows = con.execute("SELECT title, modified_at FROM documents ORDER BY document_id")
        assert rows.fetchall() == [
            ("newest", datetime(2023, 1, 1)),  # stored as naive UTC
            ("last of equals", datetime(2023, 1, 1)),
        ]


def test_tombstone_keeps_metadata_and_deleted_documents_are_not_known(tmp_path: Path) -> None:
    tombstone = dataclasses.replace(
        record(1), deleted=True, title=None, kind=KIND_OTHER, dossier=None, raw_json=None
    )
    with db.connect(tmp_path / "w.duckdb") as con:
        load.upsert_documents(con, [record(1), record(2), record(3)], T0)
        assert load.upsert_documents(con, [tombstone], T0) == load.UpsertCounts(0, 1, 0)
        assert load.upsert_documents(con, [tombstone], T0) == load.UpsertCounts(0, 0, 1)
        assert load.mark_deleted(con, ["tk:doc-2", "tk:doc-2", "tk:doc-1"], T0) == 1
        assert load.mark_deleted(con, ["tk:doc-2"], T0) == 0
        assert load.known_document_ids(con, "tk") == ["tk:doc-3"]
        assert load.known_document_ids(con, "koop") == []
        row = con.execute(
            "SELECT title, dossier, kind, deleted, deleted_at FROM documents "
            "WHERE document_id = 'tk:doc-1'"
        ).fetchall()
        assert row == [("Verslag 1", "32317", "verslag_schriftelijk_overleg", True, T0)]
        # a document that comes back is live again
        assert load.upsert_documents(con, [record(1)], T0).changed == 1
        assert load.known_document_ids(con, "tk") == ["tk:doc-1", "tk:doc-3"]


def test_docx_replaced_by_pdf_keeps_both_files(tmp_path: Path) -> None:
    docx, pdf = fetched(b"PK\x03\x04 docx bytes", "docx"), fetched(b"%PDF-1.7 pdf bytes", "pdf")
    with db.connect(tmp_path / "w.duckdb") as con:
        load.upsert_documents(con, [record(1), record(2)], T0)
        assert load.store_file(con, "tk:doc-1", docx, T0, "1") is True
        assert load.store_file(con, "tk:doc-1", docx, T0 + timedelta(hours=1), "1") is False
        assert load.store_file(con, "tk:doc-1", pdf, T0 + timedelta(days=1), "2") is True
        assert load.store_file(con, "tk:doc-2", pdf, T0, None) is True  # same bytes, 2nd doc
        files = con.execute("SELECT sha256, fmt, size FROM raw_files ORDER BY fmt").fetchall()
        assert files == [(docx.sha256, "docx", len(docx.data)), (pdf.sha256, "pdf", len(pdf.data))]
        versions = con.execute(
            "SELECT sha256, fetched_at, last_fetched_at, version FROM document_files "
            "WHERE document_id = 'tk:doc-1' ORDER BY fetched_at"
        ).fetchall()
        assert versions == [
            (docx.sha256, T0, T0 + timedelta(hours=1), "1"),
            (pdf.sha256, T0 + timedelta(days=1), T0 + timedelta(days=1), "2"),
        ]
        newest = list(load.iter_raw_files(con))
    soort = "Verslag van een schriftelijk overleg"  # the listed Soort: the parser's kind hint
    assert newest == [
        load.RawFile("tk:doc-1", pdf.sha256, "pdf", pdf.data, soort),
        load.RawFile("tk:doc-2", pdf.sha256, "pdf", pdf.data, soort),
    ]


def test_iter_raw_files_skips_deleted_unless_asked(tmp_path: Path) -> None:
    one, two = fetched(b"one"), fetched(b"two")
    with db.connect(tmp_path / "w.duckdb") as con:
        load.upsert_documents(con, [record(1), record(2)], T0)
        load.store_file(con, "tk:doc-1", one, T0, None)
        load.store_file(con, "tk:doc-2", two, T0, None)
        load.mark_deleted(con, ["tk:doc-2"], T0)
        assert [f.document_id for f in load.iter_raw_files(con)] == ["tk:doc-1"]
        asked = list(load.iter_raw_files(con, ["tk:doc-2"]))
    assert [(f.document_id, f.data) for f in asked] == [("tk:doc-2", b"two")]


def test_iter_raw_files_leaves_out_files_without_their_bytes(tmp_path: Path) -> None:
    """A published snapshot keeps no bytes (migration 0006): a reparse pointed at one reports
    the document as having no stored file instead of failing on NULL."""
    one, two = fetched(b"one"), fetched(b"two")
    with db.connect(tmp_path / "w.duckdb") as con:
        load.upsert_documents(con, [record(1), record(2)], T0)
        load.store_file(con, "tk:doc-1", one, T0, None)
        load.store_file(con, "tk:doc-2", two, T0, None)
        con.execute("UPDATE raw_files SET data = NULL WHERE sha256 = ?", [two.sha256])
        assert [f.document_id for f in load.iter_raw_files(con)] == ["tk:doc-1"]
        assert list(load.iter_raw_files(con, ["tk:doc-2"])) == []


def test_bytes_that_do_not_match_their_sha256_are_refused(tmp_path: Path) -> None:
    bad = FetchedFile(b"abc", "0" * 64, "pdf", "https://example.org", None)
    with db.connect(tmp_path / "w.duckdb") as con:
        with pytest.raises(WarehouseRefusal, match="sha256 mismatch"):
            load.store_file(con, "tk:doc-1", bad, T0, None)
        assert con.execute("SELECT count(*) FROM raw_files").fetchall() == [(0,)]


def test_cursor_and_runs(tmp_path: Path) -> None:
    with db.connect(tmp_path / "w.duckdb") as con:
        assert load.get_cursor(con, "tk") is None
        assert load.last_run(con) is None
        load.set_cursor(con, "tk", "2026-01-01T00:00:00Z")
        load.set_cursor(con, "tk", "2026-01-02T00:00:00Z")
        assert load.get_cursor(con, "tk") == "2026-01-02T00:00:00Z"
        load.start_run(con, "r1", {"since": datetime(2026, 1, 1).date(), "source": "tk"})
        running = load.last_run(con)
        assert running is not None and running["summary"] is None
        assert running["params"] == {"since": "2026-01-01", "source": "tk"}
        load.finish_run(con, "r1", {"run_id": "r1", "totals": {"new": 3}})
        done = load.last_run(con)
    assert done is not None
    assert done["run_id"] == "r1" and done["summary"] == {"run_id": "r1", "totals": {"new": 3}}
    assert isinstance(done["finished_at"], str)


def test_an_older_run_is_found_by_its_id(tmp_path: Path) -> None:
    with db.connect(tmp_path / "w.duckdb") as con:
        load.start_run(con, "r1", {"source": "tk"})
        load.finish_run(con, "r1", {"totals": {"new": 1}})
        load.start_run(con, "r2", {"source": "koop"})
        older, latest = load.get_run(con, "r1"), load.last_run(con)
        assert load.get_run(con, "nope") is None
    assert older is not None and older["summary"] == {"totals": {"new": 1}}
    assert latest is not None and latest["run_id"] == "r2"


def test_document_ids_of_kinds_leaves_out_other_kinds_and_deleted(tmp_path: Path) -> None:
    agenda = dataclasses.replace(record(3), kind=KIND_AGENDA)
    with db.connect(tmp_path / "w.duckdb") as con:
        load.upsert_documents(con, [record(1), record(2), agenda], T0)
        load.mark_deleted(con, ["tk:doc-2"], T0)
        assert load.document_ids_of_kinds(con, [KIND_VERSLAG]) == ["tk:doc-1"]
        assert load.document_ids_of_kinds(con, [KIND_VERSLAG, KIND_AGENDA]) == [
            "tk:doc-1",
            "tk:doc-3",
        ]
        assert load.document_ids_of_kinds(con, []) == []
