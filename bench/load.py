"""Load 1,000 copies of the example consultation into a temporary warehouse and time it.

Prints pairs/second for the first load and for re-loading (replacing) documents one per
transaction, beside the batched re-load of all of them (`load.load_consultations`, what
`jbz reparse` and a backfill do, BATCH documents per transaction; PASSES times, and their
median), the file size, and how long each view
takes over the 98,000 pairs. The consultation is the real parser's
(parse_document) reading of the example report.
"""

import dataclasses
import hashlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from contract.records import FetchedFile
from devtools.copies import copy_records
from devtools.recorded import EXAMPLE_REPORT
from parsers.api import parse_document
from parsers.model import Consultation
from warehouse import db, load

EXAMPLE = EXAMPLE_REPORT
COPIES = 1000
RELOADS = 100
BATCH = load.BATCH_DOCUMENTS  # documents per transaction of `jbz reparse` and a backfill
PASSES = 3
VIEWS = (
    "v_consultations",
    "v_qa",
    "v_questions_per_fractie",
    "v_referring_answers",
    "v_pairs_by_topic",
    "v_open_consultations",
)
USER_QUERY = (
    "SELECT count(*) FROM v_qa WHERE fractie = 'PVV' AND council_date BETWEEN DATE '2022-01-01' "
    "AND DATE '2025-12-31' AND (question ILIKE '%schengen%' OR answer ILIKE '%schengen%')"
)


def example() -> Consultation:
    return parse_document(EXAMPLE.read_bytes())


def timed(label: str, seconds: float, extra: str = "") -> None:
    print(f"{label:44} {seconds:8.3f} s {extra}")


def bench_loads(path: Path, c: Consultation) -> None:
    data = EXAMPLE.read_bytes()
    raw = FetchedFile(data, hashlib.sha256(data).hexdigest(), "txt", "file:example", None)
    with db.connect(path) as con:
        started = time.perf_counter()
        load.upsert_documents(con, copy_records(COPIES), db.db_now())
        timed(f"upsert_documents ({COPIES} records, one batch)", time.perf_counter() - started)
        started = time.perf_counter()
        for i in range(COPIES):
            load.store_file(con, f"bench:{i:04d}", raw, db.db_now(), "1")
        took = time.perf_counter() - started
        timed(f"store_file x {COPIES} ({len(data):,} bytes, same bytes)", took)
        started = time.perf_counter()
        for i in range(COPIES):
            load.load_consultation(con, f"bench:{i:04d}", raw.sha256, c)
        took = time.perf_counter() - started
        pairs = COPIES * len(c.pairs)
        timed(f"load_consultation x {COPIES}", took, f"{pairs / took:,.0f} pairs/s")
        changed = dataclasses.replace(c, pairs=c.pairs[:-1])
        started = time.perf_counter()
        for i in range(RELOADS):
            load.load_consultation(con, f"bench:{i:04d}", raw.sha256, changed)
        took = time.perf_counter() - started
        rate = RELOADS * len(changed.pairs) / took
        timed(f"re-load (replace) {RELOADS} of them", took, f"{rate:,.0f} pairs/s")
        bench_batched(con, raw.sha256, changed)
        con.execute("CHECKPOINT")


def bench_batched(con: duckdb.DuckDBPyConnection, sha256: str, c: Consultation) -> None:
    """What `jbz reparse` does now: every document replaced, BATCH documents per transaction;
    PASSES times (each replaces every row again), the median printed beside each pass."""
    con.execute("CHECKPOINT")  # the batches must not pay for the WAL the re-loads above left
    rates = []
    for _ in range(PASSES):
        started = time.perf_counter()
        for first in range(0, COPIES, BATCH):
            ids = range(first, min(first + BATCH, COPIES))
            result = load.load_consultations(con, [(f"bench:{i:04d}", sha256, c) for i in ids])
            assert not result.failed, result.failed
        took = time.perf_counter() - started
        rates.append(COPIES * len(c.pairs) / took)
        label = f"batched re-load {COPIES} ({BATCH} per transaction)"
        timed(label, took, f"{rates[-1]:,.0f} pairs/s")
    print(f"batched re-load, median of {PASSES} passes: {statistics.median(rates):,.0f} pairs/s")


def bench_views(path: Path) -> None:
    with db.connect(path, read_only=True) as con:
        total = con.execute("SELECT count(*) FROM qa_pairs").fetchall()[0][0]
        print(f"qa_pairs rows: {total:,}")
        results = []
        for view in VIEWS:
            started = time.perf_counter()
            rows = con.execute(f"SELECT * FROM {view}").fetchall()
            results.append((time.perf_counter() - started, view, len(rows)))
        for took, view, n in results:
            timed(f"SELECT * FROM {view}", took, f"{n:,} rows")
        started = time.perf_counter()
        con.execute(USER_QUERY).fetchall()
        timed("PVV + Schengen ILIKE over v_qa", time.perf_counter() - started)
        took, view, _ = max(results)
        print(f"heaviest view: {view} ({took:.3f} s)")


def main() -> int:
    c = example()
    print(f"duckdb warehouse load bench: {COPIES} copies of {len(c.pairs)} pairs of the example")
    with tempfile.TemporaryDirectory(prefix="jbz-bench-") as tmp:
        path = Path(tmp) / "bench.duckdb"
        bench_loads(path, c)
        size = path.stat().st_size
        per_pair = size / (COPIES * len(c.pairs))
        print(f"file size after CHECKPOINT: {size / 1e6:.1f} MB ({per_pair:,.0f} bytes/pair)")
        bench_views(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
