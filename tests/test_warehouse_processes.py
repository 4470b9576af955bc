"""Real processes: one writer at a time (WarehouseBusy), and a load killed with SIGKILL halfway."""

import os
import pickle
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.warehouse_builders import make_consultation, snapshot, with_fewer_pairs
from warehouse import db, load

REPO = Path(__file__).resolve().parents[1]

HOLD = """
import sys, time
from warehouse import db
con = db.connect(sys.argv[1])
print("READY", flush=True)
time.sleep(float(sys.argv[2]))
con.close()
"""

# Loads a pickled consultation; after the old rows are deleted and the new children inserted
# (inside the open transaction) it says MIDDLE with the pair count its transaction sees, and
# waits to be killed.
LOAD_AND_PAUSE = """
import pickle, sys, time
from warehouse import consultations, db, load
insert_children = consultations._insert_children
def pause_after(con, children):
    insert_children(con, children)
    if sys.argv[4] == "pause":
        seen = con.execute("SELECT count(*) FROM qa_pairs WHERE question LIKE '%nieuw%'")
        print("MIDDLE", seen.fetchall()[0][0], flush=True)
        time.sleep(120)
consultations._insert_children = pause_after
with open(sys.argv[3], "rb") as f:
    c = pickle.load(f)
con = db.connect(sys.argv[1])
load.load_consultation(con, sys.argv[2], "sha-new", c)
con.close()
print("DONE", flush=True)
"""


def _start(script: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args], cwd=REPO, stdout=subprocess.PIPE, text=True
    )


def _wait_for(proc: subprocess.Popen[str], word: str) -> None:
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    assert line == word, f"child said {line!r}, exit code {proc.poll()}"


def test_a_second_writer_gets_warehouse_busy(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    db.connect(path).close()
    holder = _start(HOLD, str(path), "30")
    try:
        _wait_for(holder, "READY")
        with pytest.raises(db.WarehouseBusy) as err:
            db.connect(path)
        assert str(err.value) == (
            f"warehouse is busy: {path} is being written by another process (pid {holder.pid})"
        )
        with pytest.raises(db.WarehouseBusy):
            db.connect(path, read_only=True)  # DuckDB: one process per file, even for reading
    finally:
        holder.kill()
        holder.wait()


def test_a_waiting_writer_gets_the_file_when_the_first_one_is_done(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    db.connect(path).close()
    holder = _start(HOLD, str(path), "1.5")
    try:
        _wait_for(holder, "READY")
        started = time.monotonic()
        with db.connect(path, wait_seconds=60) as con:
            assert con.execute("SELECT count(*) FROM qa_pairs").fetchall() == [(0,)]
        assert time.monotonic() - started > 0.5  # it did wait for the holder
        assert holder.wait(timeout=30) == 0
    finally:
        holder.kill()
        holder.wait()


def _load_in_child(path: Path, tmp_path: Path, mode: str) -> subprocess.Popen[str]:
    pickled = tmp_path / "new.pickle"
    new = with_fewer_pairs(make_consultation(4, tag=" (nieuw)"), 5)
    pickled.write_bytes(pickle.dumps(new))
    return _start(LOAD_AND_PAUSE, str(path), "tk:doc-1", str(pickled), mode)


def test_a_load_killed_halfway_leaves_the_old_document_whole(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with db.connect(path) as con:
        load.load_consultation(con, "tk:doc-1", "sha-old", make_consultation(3))
        load.load_consultation(con, "tk:doc-2", "sha-2", make_consultation(2, agenda="32317-9"))
        before = snapshot(con)
    child = _load_in_child(path, tmp_path, "pause")
    try:
        _wait_for(child, "MIDDLE 5")  # the new pairs are in, not yet committed
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        child.kill()
        child.wait()
    with db.connect(path) as con:
        assert snapshot(con) == before


def test_a_finished_load_in_another_process_is_wholly_new(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with db.connect(path) as con:
        load.load_consultation(con, "tk:doc-1", "sha-old", make_consultation(3))
    child = _load_in_child(path, tmp_path, "run")
    _wait_for(child, "DONE")
    assert child.wait(timeout=60) == 0
    with db.connect(path) as con:
        questions = con.execute("SELECT question FROM qa_pairs ORDER BY seq").fetchall()
        sha = con.execute("SELECT sha256 FROM consultations").fetchall()
    assert sha == [("sha-new",)]
    assert [q for (q,) in questions] == [f"Vraag {n} (nieuw)? En?" for n in range(1, 6)]
