"""Search latency on 100,000 pairs: the published SQLite/FTS5 index, queried as `jbz search` does.

Loads 1,021 copies of the example consultation (the real parser's reading; 100,058 pairs) into
a temporary working database, publishes it (snapshot + search index, timed), then runs each
query REPEAT times and prints its median and the median over all queries. The copies are the
same text, so a common word matches tens of thousands of pairs: ranking them is the hard case.
"""

import hashlib
import statistics
import sys
import tempfile
import time
from contextlib import closing
from datetime import datetime
from pathlib import Path

from contract.records import FetchedFile
from devtools.copies import copy_records
from devtools.recorded import EXAMPLE_REPORT
from parsers.api import parse_document
from warehouse import db, load, publish
from warehouse.search import SearchFilters, search_pairs
from warehouse.search_index import open_index
from warehouse.search_marks import rank_positions

COPIES = 1021
BATCH = load.BATCH_DOCUMENTS
REPEAT = 15
QUERIES: tuple[tuple[str, SearchFilters], ...] = (
    ("toetredingen Schengen", SearchFilters(fractie="PVV")),
    ("toetredingen Schengen", SearchFilters()),
    ("asiel", SearchFilters()),
    ('"toetreden tot"', SearchFilters()),
    ("schen*", SearchFilters(limit=50)),
    ("Oekraïne", SearchFilters(since=datetime(2022, 1, 1).date())),
    ("migratie OR terugkeer", SearchFilters(fractie="Volt")),
    ("frontliniestaat", SearchFilters()),
)


def build(folder: Path) -> Path:
    data = EXAMPLE_REPORT.read_bytes()
    c = parse_document(data)
    raw = FetchedFile(data, hashlib.sha256(data).hexdigest(), "txt", "file:example", None)
    target = folder / "jbz.duckdb"
    with db.connect(folder / "jbz.work.duckdb") as con:
        load.upsert_documents(con, copy_records(COPIES), db.db_now())
        for i in range(COPIES):
            load.store_file(con, f"bench:{i:04d}", raw, db.db_now(), "1")
        for first in range(0, COPIES, BATCH):
            ids = range(first, min(first + BATCH, COPIES))
            load.load_consultations(con, [(f"bench:{i:04d}", raw.sha256, c) for i in ids])
        started = time.perf_counter()
        published = publish.publish(con, target)
        took = time.perf_counter() - started
    size = published.search.stat().st_size / 1e6
    print(f"publish (snapshot + index of {published.pairs:,} pairs)   {took:7.2f} s")
    print(f"search index file                              {size:7.1f} MB")
    return published.search


def _page_ranking(path: Path) -> None:
    """What `jbz browse` adds to a search: ranking every match once (then cached per query)."""
    medians = []
    with closing(open_index(path)) as con:
        for query in dict.fromkeys(q for q, _ in QUERIES):
            times = []
            for _ in range(REPEAT):
                started = time.perf_counter()
                ranked = len(rank_positions(con, query))
                times.append(time.perf_counter() - started)
            medians.append(statistics.median(times) * 1000)
            print(f"  page ranking {query:27} median {medians[-1]:7.1f} ms  ({ranked} matches)")
    print(f"median page ranking over {len(medians)} queries: {statistics.median(medians):.1f} ms")


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="jbz-bench-search-") as tmp:
        path = build(Path(tmp))
        medians = []
        with closing(open_index(path)) as con:
            for query, filters in QUERIES:
                times, hits = [], 0
                for _ in range(REPEAT):
                    started = time.perf_counter()
                    hits = len(search_pairs(con, query, filters))
                    times.append(time.perf_counter() - started)
                median = statistics.median(times) * 1000
                medians.append(median)
                label = f"{query} {filters.fractie or ''}".strip()
                print(f"  {label:40} median {median:7.1f} ms  ({hits} rows)")
        print(
            f"median query latency over {len(QUERIES)} queries: {statistics.median(medians):.1f} ms"
        )
        _page_ranking(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
