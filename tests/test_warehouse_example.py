"""The example report through the real parser into a real warehouse file, and the views on it."""

import dataclasses
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from parsers.api import PARSER_VERSION, parse_document
from parsers.model import Consultation
from tests.warehouse_builders import EXAMPLE, fetched, record, snapshot
from warehouse import db, load

T0 = datetime(2026, 1, 5, 9, 0)
PER_FRACTIE = {
    "VVD": 8, "D66": 15, "PVV": 4, "CDA": 25, "SP": 7, "PvdA en GroenLinks": 15,
    "ChristenUnie": 6, "Volt": 17, "BBB": 1,
}  # fmt: skip


@pytest.fixture(scope="module")
def example() -> Consultation:
    return parse_document(EXAMPLE.read_bytes(), EXAMPLE.name)


def _ingest(con: duckdb.DuckDBPyConnection, c: Consultation) -> str:
    """What the ingest flow does: list the document, keep the bytes, load the parse."""
    f = fetched(EXAMPLE.read_bytes(), "txt")
    load.upsert_documents(con, [record(1)], T0)
    load.store_file(con, "tk:doc-1", f, T0, "1")
    load.load_consultation(con, "tk:doc-1", f.sha256, c)
    return f.sha256


def test_views_give_the_numbers_of_the_example_report(
    tmp_path: Path, example: Consultation
) -> None:
    with db.connect(tmp_path / "w.duckdb") as con:
        _ingest(con, example)
        per = con.execute(
            "SELECT council_date, fractie, pairs, questions FROM v_questions_per_fractie"
        ).fetchall()
        qa = con.execute("SELECT count(*), count(*) FILTER (WHERE answered) FROM v_qa").fetchall()
        referring = con.execute("SELECT seq, refers_to FROM v_referring_answers").fetchall()
        topics = con.execute("SELECT sum(pairs) FROM v_pairs_by_topic").fetchall()
        open_ = con.execute("SELECT count(*) FROM v_open_consultations").fetchall()
        questions = con.execute(
            "SELECT sum(questions_direct + questions_indirect) FROM qa_pairs"
        ).fetchall()
        direct = con.execute(
            "SELECT sum(questions_direct), sum(questions_indirect) FROM v_questions_per_fractie"
        ).fetchall()
        marks = con.execute("SELECT sum(question_count) FROM qa_pairs").fetchall()
    assert {f: n for _, f, n, _ in per} == PER_FRACTIE
    assert {d for d, _, _, _ in per} == {datetime(2022, 12, 8).date()}
    assert sum(q for _, _, _, q in per) == questions[0][0]  # direct + indirect
    assert direct[0][0] == marks[0][0] and direct[0][1] > 0
    assert qa == [(98, 98)]
    assert len(referring) == 22
    assert dict(referring)[88] == "PvdA en GroenLinks, D66"
    assert topics == [(98,)]
    assert open_ == [(0,)]


def test_the_users_question_is_one_query(tmp_path: Path, example: Consultation) -> None:
    """ "What did the PVV ask about Schengen in 2022-2025 and what was answered?" """
    with db.connect(tmp_path / "w.duckdb") as con:
        _ingest(con, example)
        rows = con.execute(
            "SELECT seq, question, answer FROM v_qa WHERE fractie = 'PVV' "
            "AND council_date BETWEEN DATE '2022-01-01' AND DATE '2025-12-31' "
            "AND (question ILIKE '%schengen%' OR answer ILIKE '%schengen%') ORDER BY seq"
        ).fetchall()
    expected = [p for p in example.pairs if p.fractie == "PVV"]
    expected = [p for p in expected if "schengen" in (p.question + (p.answer or "")).lower()]
    assert expected and [r[0] for r in rows] == [p.seq for p in expected]
    assert [(r[1], r[2]) for r in rows] == [(p.question, p.answer) for p in expected]


def test_loading_twice_changes_nothing(tmp_path: Path, example: Consultation) -> None:
    with db.connect(tmp_path / "w.duckdb") as con:
        _ingest(con, example)
        first = snapshot(con)
        files = con.execute("SELECT * FROM document_files").fetchall()
        _ingest(con, example)
        assert snapshot(con) == first
        assert con.execute("SELECT * FROM document_files").fetchall() == files
        assert con.execute("SELECT count(*) FROM raw_files").fetchall() == [(1,)]
    assert len(first["qa_pairs"]) == 98


def test_a_changed_parse_leaves_only_the_new_rows(tmp_path: Path, example: Consultation) -> None:
    kept = [dataclasses.replace(p, answer=f"{p.answer} (herzien)") for p in example.pairs[:40]]
    changed = dataclasses.replace(example, pairs=tuple(kept), footnotes=example.footnotes[:3])
    with db.connect(tmp_path / "w.duckdb") as con:
        sha = _ingest(con, example)
        load.load_consultation(con, "tk:doc-1", sha, changed)
        after = snapshot(con)
        answers = con.execute("SELECT answer FROM qa_pairs ORDER BY seq").fetchall()
    assert len(after["qa_pairs"]) == 40
    assert [a for (a,) in answers] == [p.answer for p in kept]
    # exactly the kept pairs' links: none left over from pairs 41-98, none lost from 1-40
    assert {r[1] for r in after["answer_references"]} == {p.seq for p in kept if p.refers_to}
    assert {r[1] for r in after["pair_footnotes"]} == {p.seq for p in kept if p.footnotes}
    assert [r[1] for r in after["footnotes"]] == [f.n for f in example.footnotes[:3]]


def test_the_raw_bytes_give_back_the_same_parse(tmp_path: Path, example: Consultation) -> None:
    """Every row can be traced to the bytes it came from, and those bytes re-parse the same."""
    with db.connect(tmp_path / "w.duckdb") as con:
        sha = _ingest(con, example)
        (raw,) = list(load.iter_raw_files(con))
        source = con.execute("SELECT sha256, parser_version FROM consultations").fetchall()
    assert source == [(sha, PARSER_VERSION)]
    assert raw.sha256 == sha and raw.data == EXAMPLE.read_bytes()
    assert parse_document(raw.data) == example


def test_fracties_of_both_chambers_and_the_pairs_they_speak_for(
    tmp_path: Path, example: Consultation
) -> None:
    from warehouse.fracties import sync_fracties

    with db.connect(tmp_path / "w.duckdb") as con:
        _ingest(con, example)
        chambers = con.execute("SELECT chamber, count(*) FROM fracties GROUP BY 1").fetchall()
        joint = con.execute(
            "SELECT DISTINCT chamber, fractie_ids FROM v_qa WHERE fractie = 'PvdA en GroenLinks'"
        ).fetchall()
        per = con.execute(
            "SELECT chamber, fractie_ids, pairs FROM v_questions_per_fractie WHERE fractie = 'BBB'"
        ).fetchall()
        named = con.execute(
            "SELECT f.name FROM v_qa q, unnest(q.fractie_ids) u(id) JOIN fracties f "
            "ON f.fractie_id = u.id WHERE q.seq = 1"
        ).fetchall()
        alias = con.execute(
            "SELECT fractie_ids FROM fractie_aliases WHERE alias = 'PvdA en GroenLinks'"
        ).fetchall()
        assert sync_fracties(con) is False  # loaded once: the same file is not loaded again
    assert dict(chambers).keys() == {"TK", "EK"} and min(dict(chambers).values()) > 20
    assert joint == [("TK", ["tk-pvda", "tk-gl"])]
    assert per == [("TK", ["tk-bbb"], 1)]
    assert named == [("Volkspartij voor Vrijheid en Democratie",)]
    assert alias == [(["tk-pvda", "tk-gl"],)]


def test_v_consultations_has_the_dates_sent_and_the_days_to_answer(
    tmp_path: Path, example: Consultation
) -> None:
    other = Path(__file__).parent / "fixtures" / "devset" / "docs" / "kst-21501-02-2516.txt"
    answered = parse_document(other.read_bytes(), other.name)
    with db.connect(tmp_path / "w.duckdb") as con:
        _ingest(con, example)
        load.load_consultation(con, "tk:doc-2", "ab", answered)  # no document row: still shown
        rows = con.execute(
            "SELECT consultation_id, chamber, questions_sent, answers_sent, days_to_answer "
            "FROM v_consultations ORDER BY consultation_id"
        ).fetchall()
    d = datetime(2022, 1, 1).date().replace
    assert rows == [
        ("tk:doc-1", "TK", d(month=12, day=5), None, None),  # "bij brief van …": unfilled
        ("tk:doc-2", "TK", d(month=7, day=12), d(month=7, day=18), 6),
    ]


def test_commitments_and_citations_per_pair_are_one_query(
    tmp_path: Path, example: Consultation
) -> None:
    with db.connect(tmp_path / "w.duckdb") as con:
        _ingest(con, example)
        kinds = con.execute("SELECT kind, count(*) FROM v_commitments GROUP BY kind").fetchall()
        first = con.execute(
            "SELECT seq, fractie, kind, date FROM v_commitments ORDER BY n LIMIT 1"
        ).fetchall()
        cites = con.execute(
            "SELECT seq, part, fractie FROM v_citations WHERE kamerstuk = '32317-781' ORDER BY n"
        ).fetchall()
        front = con.execute("SELECT count(*) FROM v_citations WHERE seq IS NULL").fetchall()
    assert sum(n for _, n in kinds) == len(example.commitments) == 30
    assert dict(kinds).keys() == {m.kind for m in example.commitments}
    # "Het kabinet zal tijdens de bijeenkomst … bespreken …" (pair 1); no answer date printed
    assert first == [(1, "VVD", "act_in_council", datetime(2022, 12, 8).date())]
    assert cites == [(77, "question", "ChristenUnie"), (77, "footnote", "ChristenUnie")]
    assert front == [(5,)]
