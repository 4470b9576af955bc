"""Batched loading (`load.load_consultations`, used by `jbz reparse`): the same rows as one
document at a time, and a document the warehouse refuses fails alone."""

import dataclasses
from pathlib import Path

from parsers.model import Consultation
from tests.warehouse_builders import make_consultation, snapshot
from warehouse import db, load


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
        rows = con.execute(
            "SELECT consultation_id, sha256, pair_count FROM consultations ORDER BY ALL"
        ).fetchall()
        assert rows == [
            ("tk:doc-1", "sha-1", 6),
            ("tk:doc-3", "sha-3", 6),
            ("tk:doc-9", "sha-old", 3),
        ]
