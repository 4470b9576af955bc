"""The search index of the example report (real parser, real DuckDB, real SQLite FTS5), searched
the way `jbz search` does, and `jbz search` itself in a subprocess."""

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from tests.warehouse_builders import publish_example
from warehouse import publish
from warehouse.db import WarehouseRefusal
from warehouse.search import SearchFilters, search_pairs
from warehouse.search_index import fold, match_expression, open_index, stems
from warehouse.search_marks import marks, rank_positions

KEYS = ["document_id", "seq", "fractie", "topic", "council", "date", "score", "snippet",
        "question", "answer"]  # fmt: skip


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example report loaded and published; returns the snapshot path (JBZ_DB)."""
    return publish_example(tmp_path_factory.mktemp("search"))


@pytest.fixture()
def index(published: Path) -> Iterator[sqlite3.Connection]:
    with closing(open_index(publish.search_path(published))) as con:
        yield con


def test_dutch_word_forms_rank_the_pvv_schengen_pair_first(index: sqlite3.Connection) -> None:
    hits = search_pairs(index, "toetredingen Schengen", SearchFilters(fractie="PVV"))
    assert [h.seq for h in hits][:1] == [24]
    assert {h.fractie for h in hits} == {"PVV"}
    assert hits[0].score >= hits[-1].score
    # the text has "toetreden" and "toetreding", never "toetredingen": found by their stem
    assert "toetredingen" not in (hits[0].question + (hits[0].answer or "")).lower()
    assert "<mark>" in hits[0].snippet


def test_a_stem_match_marks_the_word_as_written(index: sqlite3.Connection) -> None:
    (hit,) = search_pairs(index, "toetredingen", SearchFilters(fractie="PVV", limit=1))
    assert "<mark>toetreding</mark>" in hit.snippet or "<mark>toetreden</mark>" in hit.snippet
    assert stems("toetredingen toetreden toetreding") == "toetreed toetreed toetreed"


def test_accents_are_folded_both_ways(index: sqlite3.Connection) -> None:
    plain = search_pairs(index, "Oekraine", SearchFilters(limit=100))
    accented = search_pairs(index, "Oekraïne", SearchFilters(limit=100))
    assert plain and [h.seq for h in plain] == [h.seq for h in accented]
    assert all("oekraïne" in (h.question + (h.answer or "")).lower() for h in plain)


def test_phrase_prefix_and_operators(index: sqlite3.Connection) -> None:
    phrase = search_pairs(index, '"toetreden tot Schengen"', SearchFilters(limit=100))
    assert phrase and all(
        "toetreden tot schengen" in (h.question + " " + (h.answer or "")).lower() for h in phrase
    )
    prefix = search_pairs(index, "Schengentoetred*", SearchFilters(limit=100))
    assert prefix and all("schengentoetred" in h.snippet.lower() for h in prefix)
    both = {h.seq for h in search_pairs(index, "Kroatië", SearchFilters(limit=100))}
    without = {h.seq for h in search_pairs(index, "Schengen NOT Kroatië", SearchFilters(limit=100))}
    assert both and not both & without
    with pytest.raises(WarehouseRefusal, match="nothing to search"):
        match_expression('"" *')


def test_filters_on_date_and_dossier(index: sqlite3.Connection) -> None:
    assert search_pairs(index, "Schengen", SearchFilters(since=date(2022, 12, 8)))
    assert search_pairs(index, "Schengen", SearchFilters(since=date(2022, 12, 9))) == []
    assert search_pairs(index, "Schengen", SearchFilters(until=date(2022, 12, 7))) == []
    assert search_pairs(index, "Schengen", SearchFilters(dossier="32317"))
    assert search_pairs(index, "Schengen", SearchFilters(dossier="99999")) == []
    assert len(search_pairs(index, "Schengen", SearchFilters(limit=3))) == 3


def _jbz(published: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ) | {"JBZ_DB": str(published)}
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", *args], env=env, capture_output=True, text=True
    )


def test_jbz_search_json_has_exactly_the_keys(published: Path) -> None:
    done = _jbz(published, "search", "toetredingen Schengen", "--fractie", "PVV", "--format",
                "json")  # fmt: skip
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert rows and all(list(r) == KEYS for r in rows)
    assert (rows[0]["seq"], rows[0]["fractie"], rows[0]["date"]) == (24, "PVV", "2022-12-08")
    text = _jbz(published, "search", "Schengen", "--limit", "2")
    assert text.returncode == 0 and text.stdout.count(" · seq ") == 2
    bad = _jbz(published, "search", "Schengen AND", "--limit", "2")
    # a dangling operator is dropped, not an error: the same answer as "Schengen"
    assert (bad.returncode, bad.stdout) == (0, text.stdout)
    missing = _jbz(published.with_name("none.duckdb"), "search", "Schengen")
    assert missing.returncode == 1 and "no search index" in missing.stderr


def test_search_in_questions_or_answers_only(index: sqlite3.Connection) -> None:
    def seqs(search_in: str) -> set[int]:
        found = search_pairs(index, "Schengen", SearchFilters(limit=200, search_in=search_in))
        for h in found:
            text = {"question": h.question, "answer": h.answer or ""}.get(search_in)
            assert text is None or "schengen" in text.lower(), (search_in, h.seq)
        return {h.seq for h in found}

    questions, answers, both = seqs("question"), seqs("answer"), seqs("both")
    assert questions and answers and questions != answers
    assert both == questions | answers
    done = _jbz(index_path(index), "search", "Schengen", "--in", "answer", "--format", "json",
                "--limit", "200")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert {r["seq"] for r in json.loads(done.stdout)} == answers


def index_path(index: sqlite3.Connection) -> Path:
    """The snapshot beside the open index (JBZ_DB for a `jbz search` subprocess)."""
    (_, _, file), *_ = index.execute("PRAGMA database_list").fetchall()
    return Path(file).with_suffix(".duckdb")


@pytest.mark.parametrize(
    "query", ["Schengen", "toetredingen", "asiel", '"toetreden tot"', "schen*"]
)
@pytest.mark.parametrize("fractie", [None, "PVV", "Volt"])
def test_the_page_ranks_as_jbz_search(
    index: sqlite3.Connection, query: str, fractie: str | None
) -> None:
    hits = search_pairs(index, query, SearchFilters(fractie=fractie, limit=1000))
    ranks = rank_positions(index, query)
    pairs = {
        int(r[0]): (r[1], int(r[2]), r[3])
        for r in index.execute("SELECT id, document_id, seq, fractie FROM pairs").fetchall()
    }
    page = [pairs[i][:2] for i in sorted(ranks, key=ranks.__getitem__)]
    page = [key for key in page if fractie is None or pairs_fractie(pairs, key) == fractie]
    assert page == [(h.document_id, h.seq) for h in hits]
    assert hits or fractie is not None  # each query finds pairs, not of every fractie


def pairs_fractie(pairs: dict[int, tuple[str, int, str]], key: tuple[str, int]) -> str:
    return next(f for d, s, f in pairs.values() if (d, s) == key)


def test_marks_are_the_words_the_search_matched(index: sqlite3.Connection) -> None:
    # a word matches by its stem or, from five letters on, as the start of a compound
    for query in ("toetredingen", "Schengen", "Oekraine"):
        ranks = rank_positions(index, query)
        assert ranks
        for pair_id in list(ranks)[:20]:
            found = marks(index, query, pair_id)
            words = [m.text[a:b] for m in found.values() for a, b in m.spans]
            assert words, (query, pair_id)
            assert all(
                stems(w) == stems(query) or fold(w).startswith(fold(query)) for w in words
            ), (query, pair_id, words)
    assert marks(index, "Schengen", 10**9) == {}


def test_fractie_filter_matches_any_of_a_pairs_fracties(index: sqlite3.Connection) -> None:
    # the joint block "PvdA en GroenLinks" speaks for both fracties: either name finds it
    joint = search_pairs(index, "Schengen", SearchFilters(fractie="GroenLinks", limit=100))
    assert joint and {h.fractie for h in joint} == {"PvdA en GroenLinks"}
    assert all("schengen" in (h.question + " " + (h.answer or "")).lower() for h in joint)
    by_pvda = search_pairs(index, "Schengen", SearchFilters(fractie="pvda", limit=100))
    by_abbreviation = search_pairs(index, "Schengen", SearchFilters(fractie="GL", limit=100))
    assert [h.seq for h in by_pvda] == [h.seq for h in by_abbreviation] == [h.seq for h in joint]
    # a name of no fractie of the pair finds nothing; the printed name still works
    assert search_pairs(index, "Schengen", SearchFilters(fractie="Groen")) == []
    assert search_pairs(index, "Schengen", SearchFilters(fractie="PvdA en GroenLinks"))
