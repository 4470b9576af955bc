"""`jbz export` writes Parquet that reads back; `jbz sql` prints tables and refuses writes."""

from pathlib import Path

import duckdb
import pytest

from flows.cli import main
from flows.sql_cmd import format_table
from tests.warehouse_builders import fetched, make_consultation, record
from tests.warehouse_builders import snapshot as parsed_rows
from warehouse import db, load
from warehouse.export import list_relations


@pytest.fixture
def warehouse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "jbz.duckdb"
    monkeypatch.setenv("JBZ_DB", str(path))
    with db.connect(path) as con:
        load.upsert_documents(con, [record(1)], db.db_now())
        load.store_file(con, "tk:doc-1", fetched(b"%PDF-1.7 \x00\xff bytes"), db.db_now(), "1")
        load.load_consultation(con, "tk:doc-1", "sha", make_consultation(2))
    return path


def test_export_writes_every_table_and_view_readable_back(
    warehouse: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "export"
    assert main(["export", "--to", str(out)]) == 0
    with duckdb.connect(str(warehouse), read_only=True) as con:
        names = [n for n, _ in list_relations(con)]
        expected = {n: con.execute(f"SELECT * FROM {n} ORDER BY ALL").fetchall() for n in names}
    assert sorted(p.stem for p in out.glob("*.parquet")) == sorted(names)
    reader = duckdb.connect()
    for name, rows in expected.items():
        back = reader.execute(
            f"SELECT * FROM read_parquet('{out / name}.parquet') ORDER BY ALL"
        ).fetchall()
        assert back == rows, name
    raw = reader.execute(f"SELECT data FROM read_parquet('{out}/raw_files.parquet')").fetchall()
    assert raw == [(b"%PDF-1.7 \x00\xff bytes",)]
    assert "qa_pairs" in capsys.readouterr().out


def test_sql_prints_an_aligned_table(warehouse: Path, capsys: pytest.CaptureFixture[str]) -> None:
    query = "SELECT fractie, pairs FROM v_questions_per_fractie ORDER BY fractie"
    assert main(["sql", query]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "fractie            | pairs",
        "-------------------+------",
        "D66                | 2",
        "PvdA en GroenLinks | 2",
        "VVD                | 2",
        "(3 rows)",
    ]


@pytest.mark.parametrize(
    "statement",
    [
        "DELETE FROM qa_pairs",
        "INSERT INTO runs VALUES ('x', now()::TIMESTAMP, NULL, NULL, NULL)",
        "DROP TABLE qa_pairs",
        "CREATE TABLE t AS SELECT 1",
        "COPY qa_pairs TO '/tmp/jbz-should-not-exist.csv'",
        "SELECT 1; DELETE FROM qa_pairs",
    ],
)
def test_sql_refuses_writes(
    warehouse: Path, statement: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with db.connect(warehouse) as con:
        before = parsed_rows(con)
    assert main(["sql", statement]) == 2
    err = capsys.readouterr().err
    assert err.startswith("jbz sql: ") and ("read-only" in err or "exactly one" in err)
    with db.connect(warehouse) as con:
        assert parsed_rows(con) == before


def test_sql_reports_a_missing_warehouse_and_bad_sql(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("JBZ_DB", str(tmp_path / "none.duckdb"))
    assert main(["sql", "SELECT 1"]) == 1
    assert "no warehouse at" in capsys.readouterr().err
    db.connect(tmp_path / "none.duckdb").close()
    assert main(["sql", "SELECT nope FROM qa_pairs"]) == 2
    assert "nope" in capsys.readouterr().err


def test_wide_rows_are_shown_one_field_per_line() -> None:
    text = format_table(["seq", "answer"], [(1, "lang antwoord\nover twee regels")], width=20)
    assert text.splitlines() == [
        "-[ row 1 ]",
        "seq    | 1",
        "answer | lang antwoord",
        "over twee regels",
        "(1 row)",
    ]
