"""The search index: a SQLite copy of the consultations with an FTS5 index (sqlite-utils).

One index serves `jbz search` and the Datasette page (`jbz browse`). FTS5 ranks (BM25) and marks
the snippets; what we add is Dutch word forms. The FTS5 table `pairs_fts` indexes four columns:

- `question`, `answer`: the text as written; the `unicode61 remove_diacritics 2` tokenizer folds
  case and accents ("Oekraïne" = "oekraine"). Datasette's search box and prefix queries use them.
- `question_stems`, `answer_stems`: the Dutch Snowball stem (PyStemmer) of every word, one stem
  per word in the same order ("toetredingen" and "toetreden" both give "toetreed").

The FTS table takes its content from the view `pairs_fts_content`, which gives the text as
written for the stem columns too. FTS5 marks a snippet by token position and re-reads the text
from that view, so a match on a stem marks the word as written.
"""

import re
import sqlite3
import unicodedata
from collections.abc import Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import duckdb
import sqlite_utils
import Stemmer

from warehouse import search_tables
from warehouse.db import WarehouseRefusal

TOKENIZE = "unicode61 remove_diacritics 2"
# the index's ranking: BM25 with a word in the question weighing ten times one in the answer
# (users look for what a fractie asked; with equal weights a pair that repeats the words in a
# long answer outranks the one that asked about it). Order: question, answer, and their stems.
RANK = "bm25(1.0, 0.1, 1.0, 0.1)"
FTS_COLUMNS = ("question", "answer", "question_stems", "answer_stems")
# Words as FTS5's unicode61 tokenizer cuts them: runs of letters and digits (no underscore).
_WORD = re.compile(r"[^\W_]+")
_BATCH = 5000
READ_MMAP_BYTES = 1 << 30  # address space only: pages are shared with the OS file cache
READ_CACHE_KIB = 128 * 1024


@cache
def _stemmer() -> Any:
    # PyStemmer keeps a cache of recent words; one stemmer per process (it is not thread-safe,
    # and each Datasette thread builds its query strings under the GIL one at a time)
    return Stemmer.Stemmer("dutch")


def fold(word: str) -> str:
    """Lower case without accents: "Oekraïne" -> "oekraine" (as unicode61 folds them)."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str | None) -> list[str]:
    return _WORD.findall(text or "")


@lru_cache(maxsize=500_000)
def stem(word: str) -> str:
    """The Dutch stem of one word, accents folded (a corpus has few distinct words: cached)."""
    folded = fold(word)
    stemmed: str = _stemmer().stemWord(folded)
    return stemmed or folded


def stems(text: str | None) -> str:
    """One Dutch stem per word of `text`, in order (the token positions match the text)."""
    return " ".join(stem(w) for w in words(text))


def _create_fts(sdb: sqlite_utils.Database) -> None:
    """The FTS5 table over the view that gives the text as written for every column."""
    sdb.execute(
        "CREATE VIEW pairs_fts_content AS SELECT id, question, answer, "
        "question AS question_stems, answer AS answer_stems FROM pairs"
    )
    sdb.execute(
        f"CREATE VIRTUAL TABLE pairs_fts USING fts5({', '.join(FTS_COLUMNS)}, "
        f"content='pairs_fts_content', content_rowid='id', tokenize='{TOKENIZE}')"
    )


def _index(sdb: sqlite_utils.Database, rows: Sequence[dict[str, Any]]) -> None:
    sdb.conn.executemany(
        "INSERT INTO pairs_fts (rowid, question, answer, question_stems, answer_stems) "
        "VALUES (?, ?, ?, ?, ?)",
        [
            (r["id"], r["question"], r["answer"], stems(r["question"]), stems(r["answer"]))
            for r in rows
        ],
    )


def _create_tables(sdb: sqlite_utils.Database, con: duckdb.DuckDBPyConnection) -> None:
    """The consultations, the Council meetings and their documents, and the empty pairs."""
    t = search_tables
    consultations = sdb.table("consultations")
    types = {f: str for f in t.CONSULTATION_FIELDS} | {"pair_count": int}
    consultations.create(types, pk="consultation_id")
    consultations.insert_all(t.records(con, t.CONSULTATIONS_SQL, t.CONSULTATION_FIELDS))
    meetings = sdb.table("meetings")
    meetings.create(t.MEETING_TYPES, pk="meeting_id")
    meetings.insert_all(t.records(con, t.MEETINGS_SQL, t.MEETING_FIELDS))
    documents = sdb.table("meeting_documents")
    documents.create({f: str for f in t.MEETING_DOCUMENT_FIELDS})
    documents.insert_all(t.records(con, t.MEETING_DOCUMENTS_SQL, t.MEETING_DOCUMENT_FIELDS))
    documents.create_index(["meeting_id"])
    sdb.table("pairs").create(
        t.PAIR_TYPES,
        pk="id",
        foreign_keys=[
            ("consultation_id", "consultations", "consultation_id"),
            ("meeting_id", "meetings", "meeting_id"),
        ],
    )


def build_search_index(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    """Write the SQLite search index of the warehouse `con` to `path`; returns the pairs."""
    path.unlink(missing_ok=True)
    sdb = sqlite_utils.Database(path)
    _create_tables(sdb, con)
    pairs = sdb.table("pairs")
    _create_fts(sdb)
    sdb.execute(search_tables.PAGE_VIEW)
    total = 0
    with sdb.conn:
        for rows in search_tables.pair_batches(con, _BATCH):
            pairs.insert_all(rows, batch_size=len(rows))
            _index(sdb, rows)
            total += len(rows)
    for column in ("fractie", "date", "dossier", "topic", "meeting_id", "consultation_id"):
        pairs.create_index([column])
    sdb.execute("INSERT INTO pairs_fts (pairs_fts) VALUES ('optimize')")
    sdb.execute("INSERT INTO pairs_fts (pairs_fts, rank) VALUES ('rank', ?)", [RANK])
    sdb.conn.commit()
    sdb.close()
    return total


def open_index(path: Path) -> sqlite3.Connection:
    """A read-only connection to a published index (FileNotFoundError when there is none)."""
    if not path.exists():
        raise FileNotFoundError(f"no search index at {path}: run `jbz ingest` or `jbz demo` first")
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    con.row_factory = sqlite3.Row
    # a common word reads tens of thousands of doclist entries and row sizes: map the file
    # (no read() per page) and keep what a query read for the next one (bench/search.py)
    con.execute(f"PRAGMA mmap_size = {READ_MMAP_BYTES}")
    con.execute(f"PRAGMA cache_size = -{READ_CACHE_KIB}")
    return con


def has_page_view(con: sqlite3.Connection) -> bool:
    """Whether the index has the view of `jbz browse`'s pairs page (indexes built before it
    came have not; a publish writes a new one)."""
    found = con.execute("SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = 'qa'")
    return found.fetchone() is not None


# FTS5 operators a user may type between terms; everything else is a word, "a phrase" or pre*
_OPERATORS = {"AND", "OR", "NOT"}
_QUERY_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
# --in question|answer|both: the FTS5 column filters of the stem and the text columns
SEARCH_IN = {
    "question": ("{question_stems}", "{question}"),
    "answer": ("{answer_stems}", "{answer}"),
    "both": ("{question_stems answer_stems}", "{question answer}"),
}
# shorter words are not taken as the first part of a compound ("EU", "asiel" is the shortest)
COMPOUND_MIN_LETTERS = 5


def _term(text: str, phrase: bool, columns: tuple[str, str]) -> str | None:
    """One FTS5 phrase: stems on the stem columns; a trailing * is a prefix of the text."""
    stem_columns, text_columns = columns
    parts = [fold(w) for w in words(text)]
    if not parts:
        return None
    if text.endswith("*") and not phrase:
        head = f'{stem_columns} : "{stems(" ".join(parts[:-1]))}" AND ' if parts[:-1] else ""
        return f'{head}{text_columns} : "{parts[-1]}"*'
    stemmed = f'{stem_columns} : "{stems(" ".join(parts))}"'
    if len(parts) > 1 or len(parts[0]) < COMPOUND_MIN_LETTERS:
        return stemmed
    # Dutch writes compounds as one word, the modifier first ("Schengengebied",
    # "asielzoekers"): a word also matches the words as written that begin with it
    return f'{stemmed} OR {text_columns} : "{parts[0]}"*'


def match_expression(query: str, search_in: str = "both") -> str:
    """The FTS5 MATCH expression for a user's query, stemmed as the index is.

    Words are matched on their Dutch stem ("toetredingen" finds "toetreden") and, from five
    letters on, as the start of a compound ("Schengen" finds "Schengengebied"); "a phrase" is a
    phrase of stems; `pre*` is a prefix of the word as written (accents folded); AND, OR and
    NOT (in capitals) work as in FTS5; terms without an operator between them must all match.
    `search_in` ("question", "answer", "both") limits every term to those columns.
    ValueError when nothing searchable is left.
    """
    columns = SEARCH_IN[search_in]
    out: list[str] = []
    for m in _QUERY_TOKEN.finditer(query):
        phrase, bare = m.group(1), m.group(2)
        if bare in _OPERATORS:
            if out and out[-1] not in _OPERATORS:
                out.append(bare)
            continue
        term = _term(phrase if phrase is not None else bare, phrase is not None, columns)
        if term is None:
            continue
        if out and out[-1] not in _OPERATORS:
            out.append("AND")
        out.append(f"({term})")
    while out and out[-1] in _OPERATORS:
        out.pop()
    if not out:
        raise WarehouseRefusal(f"nothing to search for in {query!r}")
    return " ".join(out)
