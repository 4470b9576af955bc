"""Migrations: ledger, idempotence, in-place upgrade of an older file, edited-migration guard."""

from pathlib import Path

import duckdb
import pytest

from parsers.fracties import load
from warehouse import db

TABLES = {
    "documents", "raw_files", "document_files", "consultations", "consultation_subjects",
    "sections", "qa_pairs", "answer_references", "footnotes", "pair_footnotes",
    "kamerstuk_references", "unassigned_text", "parse_issues", "runs", "sync_state",
    "schema_migrations", "consultation_associations", "council_meetings",
    "council_meeting_documents", "missing_files", "fracties", "fractie_aliases",
    "reference_checksums", "commitments",
}  # fmt: skip
VIEWS = {
    "v_consultations", "v_qa", "v_questions_per_fractie", "v_referring_answers",
    "v_pairs_by_topic", "v_open_consultations", "v_parse_quality", "v_council_timeline",
    "v_missing_files", "v_document_links", "v_qa_export", "v_commitments", "v_citations",
}  # fmt: skip


def _names(con: duckdb.DuckDBPyConnection, kind: str) -> set[str]:
    func = "duckdb_tables()" if kind == "table" else "duckdb_views() WHERE NOT internal"
    col = "table_name" if kind == "table" else "view_name"
    return {str(r[0]) for r in con.execute(f"SELECT {col} FROM {func}").fetchall()}


def test_fresh_file_gets_every_migration_once(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "w.duckdb"
    with db.connect(path) as con:
        ledger = con.execute("SELECT version, name, checksum FROM schema_migrations").fetchall()
        assert _names(con, "table") == TABLES
        assert _names(con, "view") == VIEWS
    expected = [(m.version, m.name, m.checksum) for m in db.list_migrations()]
    assert sorted(ledger) == expected
    assert [m.version for m in db.list_migrations()][:2] == [1, 2]


def test_applying_twice_is_a_no_op(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with db.connect(path) as con:
        first = con.execute("SELECT * FROM schema_migrations ORDER BY version").fetchall()
        assert db.migrate(con) == []
    with db.connect(path) as con:
        assert con.execute("SELECT * FROM schema_migrations ORDER BY version").fetchall() == first


def test_older_file_is_migrated_in_place(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    assert db.migrate(con, target=1) == [1]
    con.execute(
        "INSERT INTO qa_pairs VALUES ('c1', 1, 'VVD', ['VVD'], NULL, 'Vraag?', 'Antwoord.', 1, 3)"
    )
    con.execute(
        "INSERT INTO consultations (consultation_id, document_id, kind, council_date, pair_count,"
        " unassigned_count, issue_count, sha256, parsed_at) VALUES ('c1', 'c1',"
        " 'verslag schriftelijk overleg', DATE '2022-12-08', 1, 0, 0, 'ab', now()::TIMESTAMP)"
    )
    assert _names(con, "view") == set()
    con.close()

    with db.connect(path) as con:  # the newer code opens the older file
        versions = [v for (v,) in con.execute("SELECT version FROM schema_migrations").fetchall()]
        assert sorted(versions) == [m.version for m in db.list_migrations()]
        assert _names(con, "view") == VIEWS
        rows = con.execute(
            "SELECT chamber, fractie, pairs, questions FROM v_questions_per_fractie"
        )  # 0010 gave the stored pair its chamber (its fractie_ids come with a reparse)
        assert rows.fetchall() == [("TK", "VVD", 1, 1)]


def test_an_edited_applied_migration_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with db.connect(path) as con:
        con.execute("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1")
    with pytest.raises(db.MigrationError, match="0001_init.sql was changed"):
        db.connect(path)


def test_read_only_open_of_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no warehouse at"):
        db.connect(tmp_path / "missing.duckdb", read_only=True)


def test_plain_duckdb_reads_every_table_and_view(tmp_path: Path) -> None:
    """No custom types: the DuckDB CLI, pandas or a plain connection can open the file."""
    path = tmp_path / "w.duckdb"
    db.connect(path).close()
    con = duckdb.connect(str(path), read_only=True)
    fracties, aliases = load()
    reference = {
        "fracties": len(fracties),
        "fractie_aliases": len(aliases),
        "reference_checksums": 1,
    }
    for name in TABLES | VIEWS:
        expected = len(db.list_migrations()) if name == "schema_migrations" else 0
        expected = reference.get(name, expected)  # the reference data a write open loads
        assert con.execute(f"SELECT count(*) FROM {name}").fetchall() == [(expected,)]
    found = con.execute(
        "SELECT DISTINCT data_type FROM duckdb_columns() WHERE NOT internal"
    ).fetchall()
    types = {str(t) for (t,) in found}
    assert not {t for t in types if t.startswith(("UNION", "ENUM", "STRUCT", "MAP"))}
    con.close()


def test_default_db_path_follows_jbz_db(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("JBZ_DB", raising=False)
    assert db.default_db_path() == Path("data/jbz.duckdb")
    monkeypatch.setenv("JBZ_DB", str(tmp_path / "x.duckdb"))
    assert db.default_db_path() == tmp_path / "x.duckdb"


def test_the_file_is_readable_by_duckdb_1_0_and_later(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    db.connect(path).close()
    with db.connect(path, read_only=True) as con:
        tags = con.execute("SELECT tags FROM duckdb_databases() WHERE database_name = 'w'")
        assert tags.fetchall() == [({"storage_version": "v1.0.0+"},)]
