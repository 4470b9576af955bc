"""The published snapshot on real DuckDB and SQLite files: whole, without the raw bytes, and
replaced atomically (a publisher killed halfway leaves the old files whole)."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from parsers.api import parse_document
from parsers.model import Consultation
from tests.warehouse_builders import EXAMPLE, fetched, record
from warehouse import db, load, publish
from warehouse.export import list_relations

T0 = db.db_now()
COPIES = 100  # enough pairs (~10,000) for a publish to take a while: time to kill it


@pytest.fixture(scope="module")
def example() -> Consultation:
    return parse_document(EXAMPLE.read_bytes(), EXAMPLE.name)


def _add_copies(con: duckdb.DuckDBPyConnection, c: Consultation, ids: range) -> None:
    f = fetched(EXAMPLE.read_bytes(), "txt")
    load.upsert_documents(con, [record(n) for n in ids], T0)
    for n in ids:
        load.store_file(con, f"tk:doc-{n}", f, T0, "1")
    result = load.load_consultations(con, [(f"tk:doc-{n}", f.sha256, c) for n in ids])
    assert not result.failed


def _counts(snapshot: Path) -> tuple[int, int]:
    with db.connect(snapshot, read_only=True) as con:
        (row,) = con.execute(
            "SELECT (SELECT count(*) FROM consultations), count(*) FROM v_qa"
        ).fetchall()
        return int(row[0]), int(row[1])


def _index_pairs(path: Path) -> int:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
        return int(con.execute("SELECT count(*) FROM pairs").fetchone()[0])


def test_snapshot_has_every_table_and_view_but_not_the_bytes(
    tmp_path: Path, example: Consultation
) -> None:
    work, target = tmp_path / "jbz.work.duckdb", tmp_path / "jbz.duckdb"
    with db.connect(work) as con:
        _add_copies(con, example, range(1, 3))
        result = publish.publish(con, target)
        relations = list_relations(con)
    assert result.snapshot == target and result.search == tmp_path / "jbz.sqlite"
    assert result.pairs == 196 == _index_pairs(result.search)
    with db.connect(target, read_only=True) as snap:
        assert list_relations(snap) == relations
        sizes = snap.execute("SELECT count(*), count(data), sum(size) FROM raw_files").fetchall()
        assert sizes == [(1, 0, len(EXAMPLE.read_bytes()))]  # listed, bytes left out
        assert snap.execute("SELECT count(*) FROM v_qa WHERE fractie = 'PVV'").fetchall() == [(8,)]
    assert list(tmp_path.glob(".*publishing*")) == []
    with db.connect(work, read_only=True) as con:  # the working database keeps the bytes
        assert con.execute("SELECT count(data) FROM raw_files").fetchall() == [(1,)]


def _publish_in_child(work: Path, target: Path) -> subprocess.Popen[bytes]:
    code = (
        "import sys; from pathlib import Path; from warehouse import db, publish\n"
        "con = db.connect(sys.argv[1]); publish.publish(con, Path(sys.argv[2]))"
    )
    return subprocess.Popen([sys.executable, "-c", code, str(work), str(target)])


def _kill_when(pattern: Path, proc: subprocess.Popen[bytes]) -> None:
    """SIGKILL the publisher as soon as its temporary file `pattern*` exists."""
    deadline = time.monotonic() + 120
    while not list(pattern.parent.glob(pattern.name + "*")):
        assert proc.poll() is None, "the publisher ended before it was killed"
        assert time.monotonic() < deadline
        time.sleep(0.005)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


@pytest.mark.parametrize("stage", ["sqlite", "duckdb"])
def test_a_publisher_killed_halfway_leaves_old_or_new_files_whole(
    tmp_path: Path, example: Consultation, stage: str
) -> None:
    work, target = tmp_path / "jbz.work.duckdb", tmp_path / "jbz.duckdb"
    search = publish.search_path(target)
    with db.connect(work) as con:
        _add_copies(con, example, range(1, 2))
        publish.publish(con, target)  # the old snapshot: one consultation
        _add_copies(con, example, range(2, 2 + COPIES))
    old, new = (1, 98), (1 + COPIES, 98 * (1 + COPIES))
    proc = _publish_in_child(work, target)
    _kill_when(tmp_path / f".{target.stem}.{stage}.publishing-", proc)
    assert proc.returncode == -signal.SIGKILL
    # both files are written before either is renamed: killed while writing either, readers
    # keep the old pair, the snapshot and the index agreeing
    assert _counts(target) == old
    assert _index_pairs(search) == old[1]
    with db.connect(work) as con:  # the next publish finishes and clears the leftovers
        publish.publish(con, target)
    assert _counts(target) == new and _index_pairs(search) == new[1]
    assert list(tmp_path.glob(".*publishing*")) == []


def test_a_warehouse_written_in_place_becomes_the_working_database(
    tmp_path: Path, example: Consultation
) -> None:
    work, target = tmp_path / "jbz.work.duckdb", tmp_path / "jbz.duckdb"
    with db.connect(target) as con:  # as the pipeline wrote it before snapshots
        _add_copies(con, example, range(1, 2))
    assert publish.adopt_existing(work, target)
    assert _counts(work) == (1, 98)
    assert not publish.adopt_existing(work, target)  # once only
    snapshot_only, other = tmp_path / "s.duckdb", tmp_path / "s.work.duckdb"
    with db.connect(work) as con:
        publish.publish_snapshot(con, snapshot_only)
    assert not publish.adopt_existing(other, snapshot_only)  # no bytes: not a warehouse
    assert not other.exists()


def test_default_work_path_sits_beside_the_snapshot(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("JBZ_WORK_DB", raising=False)
    monkeypatch.setenv("JBZ_DB", str(tmp_path / "x.duckdb"))
    assert publish.default_work_path() == tmp_path / "x.work.duckdb"
    monkeypatch.setenv("JBZ_WORK_DB", str(tmp_path / "elsewhere.duckdb"))
    assert publish.default_work_path() == tmp_path / "elsewhere.duckdb"
