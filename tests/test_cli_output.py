"""`jbz sql --format`, `jbz export --format csv --table`, `v_qa_export` and closed pipes, on the
example report loaded by the real parser and published as `jbz ingest` publishes it."""

import csv
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

import duckdb
import pytest

from flows.cli import main
from tests.warehouse_builders import publish_example
from warehouse import publish

PER_FRACTIE = (
    "SELECT fractie, count(*) AS pairs FROM v_qa GROUP BY fractie ORDER BY pairs DESC, fractie"
)


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return publish_example(tmp_path_factory.mktemp("cli-output"), meetings=True)


@pytest.fixture()
def jbz_db(published: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("JBZ_DB", str(published))
    return published


def _expected(published: Path, sql: str) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(published), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_sql_csv_has_a_header_and_every_row(
    jbz_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sql", PER_FRACTIE, "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == ["fractie,pairs", "CDA,25"]  # the done-when
    expected = _expected(jbz_db, PER_FRACTIE)
    assert [tuple(r) for r in csv.reader(lines[1:])] == [(f, str(n)) for f, n in expected]


def test_sql_csv_quotes_texts_and_writes_lists_as_duckdb_does(
    jbz_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sql = "SELECT seq, parties, question, refers_to_seqs FROM v_qa WHERE seq IN (27, 88) ORDER BY 1"
    assert main(["sql", sql, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    expected = _expected(jbz_db, sql)
    assert [r["question"] for r in rows] == [e[2] for e in expected]
    assert [r["refers_to_seqs"] for r in rows] == [
        "[" + ", ".join(map(str, e[3])) + "]" for e in expected
    ]


def test_sql_json_is_one_array_of_objects(jbz_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sql = "SELECT council_date, seq, fractie, parties, answered FROM v_qa ORDER BY seq LIMIT 3"
    assert main(["sql", sql, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    expected = _expected(jbz_db, sql)
    assert rows == [
        {"council_date": d.isoformat(), "seq": s, "fractie": f, "parties": p, "answered": a}
        for d, s, f, p, a in expected
    ]


def test_export_csv_of_chosen_tables(
    jbz_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "csv"
    args = ["export", "--to", str(out), "--format", "csv", "--table", "v_qa_export"]
    assert main([*args, "--table", "qa_pairs"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["qa_pairs.csv", "v_qa_export.csv"]
    with (out / "v_qa_export.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    expected = _expected(jbz_db, "SELECT pair_id, question FROM v_qa_export ORDER BY pair_id")
    assert sorted((r["pair_id"], r["question"]) for r in rows) == expected
    assert "v_qa_export" in capsys.readouterr().out
    # several names after one --table, as the issue writes it
    both = tmp_path / "both"
    assert main(["export", "--to", str(both), "--table", "v_qa_export", "qa_pairs"]) == 0
    assert sorted(p.name for p in both.iterdir()) == ["qa_pairs.parquet", "v_qa_export.parquet"]
    assert main(["export", "--to", str(out), "--table", "nope"]) == 2
    assert "no table or view named nope" in capsys.readouterr().err


def test_qa_export_is_v_qa_with_meeting_links_and_quality(jbz_db: Path) -> None:
    rows = _expected(
        jbz_db,
        "SELECT e.pair_id, e.fractie, e.question, e.answer, e.chamber, e.quality, "
        "[e.page_url, e.kamerstuk_url, e.tk_url], e.file_url, q.seq, e.meeting_id "
        "FROM v_qa_export e JOIN v_qa q USING (consultation_id, seq)",
    )
    assert len(rows) == len(_expected(jbz_db, "SELECT * FROM v_qa")) == 98
    assert {(r[4], r[5]) for r in rows} == {("TK", "ok")}
    meetings = _expected(jbz_db, "SELECT meeting_id FROM council_meetings")
    assert {r[9] for r in rows} == {m for (m,) in meetings} and len(meetings) == 1
    assert all(r[0] == f"tk:doc-1#{r[8]}" for r in rows)
    documents = _expected(jbz_db, "SELECT koop_id, document_number, file_url FROM documents")
    (koop_id, number, file_url), *_ = documents
    # a Kamerstuk is cited by its officielebekendmakingen page, the TK page beside it
    kamerstuk = f"https://zoek.officielebekendmakingen.nl/{koop_id}.html"
    tk = f"https://www.tweedekamer.nl/kamerstukken/detail?id={number}&did={number}"
    assert {tuple(r[6]) for r in rows} == {(kamerstuk, kamerstuk, tk)}
    assert {r[7] for r in rows} == {file_url}


def _shell(published: Path, command: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ) | {"JBZ_DB": str(published)}
    jbz = f"{sys.executable} -m flows.cli"
    return subprocess.run(
        ["bash", "-c", command.replace("jbz ", f"{jbz} ")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_closed_pipe_ends_quietly(published: Path) -> None:
    # far more than a pipe holds: the writer is still writing when `head` has gone
    big = _shell(published, 'jbz sql "SELECT * FROM range(300000)" --format csv | head -1')
    assert (big.stdout, big.stderr) == ("range\n", "")
    done = _shell(published, f'jbz sql "{PER_FRACTIE}" --format csv | head -2')
    assert (done.stdout, done.stderr) == ("fractie,pairs\nCDA,25\n", "")
    councils = _shell(published, "jbz councils | head -1")
    assert councils.stdout.startswith("-[ row 1 ]") and councils.stderr == ""
    table = _shell(published, 'jbz sql "SELECT * FROM v_qa" | head -1')
    assert table.stdout and table.stderr == ""


def test_browse_says_so_when_the_index_is_older_than_the_page(
    published: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    old = tmp_path / "jbz.sqlite"
    shutil.copy(publish.search_path(published), old)
    with closing(sqlite3.connect(old)) as con:
        con.execute("DROP VIEW qa")  # as an index of the version before the page view
    monkeypatch.setenv("JBZ_DB", str(old.with_suffix(".duckdb")))
    assert main(["browse", "--port", "1"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("jbz browse: the search index at") and "jbz reparse" in err


def test_qa_export_speaks_for_the_canonical_fracties_of_each_pair(jbz_db: Path) -> None:
    """Migration 0016: the export row carries the pair's fractie_ids and chamber (issue 18)."""
    rows = _expected(
        jbz_db,
        "SELECT e.fractie_ids, array_to_string(q.fractie_ids, ', '), e.chamber, q.chamber, "
        "e.questions_direct + e.questions_indirect, q.questions_direct + q.questions_indirect "
        "FROM v_qa_export e JOIN v_qa q USING (consultation_id, seq)",
    )
    assert len(rows) == 98 and all(r[0] == r[1] and r[2] == r[3] and r[4] == r[5] for r in rows)
    joint = _expected(
        jbz_db, "SELECT fractie_ids FROM v_qa_export WHERE fractie LIKE '%GroenLinks%'"
    )
    assert joint and all(ids == "tk-pvda, tk-gl" for (ids,) in joint)
