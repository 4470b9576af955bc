"""Batched loading (`load.load_consultations`, used by `jbz reparse`): the same rows as one
document at a time, and a document the warehouse refuses fails alone."""

import dataclasses
from pathlib import Path

import duckdb
import pytest

from parsers.model import Consultation
from tests import warehouse_builders
from tests.warehouse_builders import make_consultation, snapshot
from warehouse import consultations, db, load
from warehouse.consultation_rows import CHILD_TABLES


def _parses(tag: str = "") -> list[tuple[str, str, Consultation]]:
    return [(f"tk:doc-{n}", f"sha-{n}", make_consultation(n, tag=tag)) for n in (1, 2, 3)]


def test_a_batch_gives_the_rows_of_loading_one_by_one(tmp_path: Path) -> None:
    with db.connect(tmp_path / "one.duckdb") as one, db.connect(tmp_path / "batch.duckdb") as b:
        for document_id, sha, c in _parses():
            load.load_consultation(one, document_id, sha, c)
        result = load.load_consultations(b, _parses())
        assert result.loaded == {"tk:doc-1": 3, "tk:doc-2": 6, "tk:doc-3": 9}
        assert result.failed == {}
        assert snapshot(b) == snapshot(one)
        # a second batch replaces every document wholly (a reparse after a parser change)
        for document_id, sha, c in _parses(tag=" v2"):
            load.load_consultation(one, document_id, sha, c)
        load.load_consultations(b, _parses(tag=" v2"))
        assert snapshot(b) == snapshot(one)
        assert b.execute(
            "SELECT count(*) FROM qa_pairs WHERE question LIKE '% v2%'"
        ).fetchall() == [(18,)]


def test_a_refused_document_fails_alone_and_keeps_its_old_parse(tmp_path: Path) -> None:
    good = make_consultation(2)
    duplicate_seq = dataclasses.replace(good, pairs=(good.pairs[0], good.pairs[0]))
    too_big = dataclasses.replace(
        good, pairs=(dataclasses.replace(good.pairs[0], question_count=2**40),)
    )
    with db.connect(tmp_path / "w.duckdb") as con:
        load.load_consultation(con, "tk:doc-9", "sha-old", make_consultation(1))
        result = load.load_consultations(
            con,
            [
                ("tk:doc-1", "sha-1", good),
                ("tk:doc-2", "sha-2", duplicate_seq),  # refused before the transaction
                ("tk:doc-9", "sha-9", too_big),  # refused by DuckDB: INTEGER out of range
                ("tk:doc-3", "sha-3", good),
            ],
        )
        assert result.loaded == {"tk:doc-1": 6, "tk:doc-3": 6}
        assert set(result.failed) == {"tk:doc-2", "tk:doc-9"}
        assert "not unique" in result.failed["tk:doc-2"]
        assert result.failed["tk:doc-9"].startswith("ConversionException")  # what DuckDB said
        rows = con.execute(
            "SELECT consultation_id, sha256, pair_count FROM consultations ORDER BY ALL"
        ).fetchall()
        assert rows == [
            ("tk:doc-1", "sha-1", 6),
            ("tk:doc-3", "sha-3", 6),
            ("tk:doc-9", "sha-old", 3),
        ]


# the keys the tables had as PRIMARY KEY before migration 0008: unique by construction now
KEYS = {
    "consultation_subjects": "consultation_id, position",
    "sections": "consultation_id, position",
    "qa_pairs": "consultation_id, seq",
    "answer_references": "consultation_id, seq, n",
    "footnotes": "consultation_id, n",
    "pair_footnotes": "consultation_id, seq, footnote_n",
    "kamerstuk_references": "consultation_id, n",
    "unassigned_text": "consultation_id, n",
    "consultation_associations": "consultation_id, position",
    "commitments": "consultation_id, n",  # 0014, numbered by the loader
    "parse_issues": "document_id, n",
}


def _doubled_keys(con: duckdb.DuckDBPyConnection, keys: dict[str, str] = KEYS) -> dict[str, int]:
    doubled = {}
    for table, key in keys.items():
        n = con.execute(
            f"SELECT count(*) FROM (SELECT {key} FROM {table} GROUP BY ALL HAVING count(*) > 1)"
        ).fetchall()[0][0]
        doubled[table] = n
    return doubled


def test_reloading_in_batches_and_one_by_one_never_doubles_a_key(tmp_path: Path) -> None:
    with db.connect(tmp_path / "w.duckdb") as con:
        load.load_consultations(con, _parses())
        load.load_consultations(con, _parses(tag=" v2") + _parses(tag=" v3"))  # twice in one
        for document_id, sha, c in _parses(tag=" v4"):
            load.load_consultation(con, document_id, sha, c)
        load.load_consultations(con, _parses(tag=" v5"))
        assert con.execute("SELECT count(*) FROM qa_pairs").fetchall() == [(18,)]
        assert all(table in KEYS for table in CHILD_TABLES)
        assert _doubled_keys(con) == dict.fromkeys(KEYS, 0)
        tags = con.execute("SELECT DISTINCT regexp_extract(question, ' v\\d') FROM qa_pairs")
        assert tags.fetchall() == [(" v5",)]


def test_a_batch_is_one_transaction_one_parsed_at(tmp_path: Path) -> None:
    with db.connect(tmp_path / "w.duckdb") as con:
        load.load_consultations(con, _parses())
        assert con.execute("SELECT count(DISTINCT parsed_at) FROM consultations").fetchall() == [
            (1,)
        ]
        # FSST is left out of that batch's commit only: later writes compress as usual
        setting = "SELECT current_setting('disabled_compression_methods')"
        assert con.execute(setting).fetchall() == [("",)]
        for document_id, sha, c in _parses():
            load.load_consultation(con, document_id, sha, c)
        assert con.execute("SELECT count(DISTINCT parsed_at) FROM consultations").fetchall() == [
            (3,)
        ]


def test_migration_0008_keeps_the_rows_and_drops_the_child_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a file of migration 0007 has no `commitments` table (0014): load and compare the rest
    old_tables = tuple(t for t in CHILD_TABLES if t != "commitments")
    monkeypatch.setattr(consultations, "CHILD_TABLES", old_tables)
    monkeypatch.setattr(warehouse_builders, "CHILD_TABLES", old_tables)
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    db.migrate(con, target=7)
    load.load_consultations(con, _parses())
    before = snapshot(con)
    old_keys = {t: k for t, k in KEYS.items() if t != "commitments"}
    assert _doubled_keys(con, old_keys) == dict.fromkeys(old_keys, 0)
    keyed = (
        "SELECT DISTINCT table_name FROM duckdb_constraints() "
        "WHERE constraint_type IN ('PRIMARY KEY', 'UNIQUE')"
    )
    assert set(old_keys) <= {t for (t,) in con.execute(keyed).fetchall()}
    con.close()
    with db.connect(path) as con:  # the newer code migrates the file
        assert snapshot(con) == before
        tables = {t for (t,) in con.execute(keyed).fetchall()}
        assert not tables & set(KEYS)
        assert "consultations" in tables  # one consultation per document stays a key
        monkeypatch.undo()  # the migrated file has every table
        load.load_consultations(con, _parses(tag=" v2"))
        assert con.execute("SELECT count(*) FROM v_qa").fetchall() == [(18,)]
