"""Loading consultations built from the model: exact replacement, errors, open consultations."""

import dataclasses
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from parsers.model import KIND_INBRENG, Consultation, Footnote, Quality
from tests.warehouse_builders import make_consultation, record, snapshot, with_fewer_pairs
from warehouse import db, load
from warehouse.db import WarehouseRefusal

T0 = datetime(2026, 1, 5, 9, 0)


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    rows = con.execute(sql).fetchall()
    return int(rows[0][0])


def test_every_part_of_a_consultation_is_stored(tmp_path: Path) -> None:
    c = make_consultation(3)
    with db.connect(tmp_path / "w.duckdb") as con:
        assert load.load_consultation(con, "tk:doc-1", "sha-a", c) == 9
        head = con.execute(
            "SELECT consultation_id, kind, council_date, council_end, report_date, agenda_key, "
            "pair_count, unassigned_count, issue_count, toc_fracties, sha256 FROM consultations"
        ).fetchall()
        pair = con.execute(
            "SELECT fractie, parties, topic, question, answer, question_count, answer_line "
            "FROM qa_pairs WHERE seq = 7"
        ).fetchall()
        counts = {t: _count(con, f"SELECT count(*) FROM {t}") for t in snapshot(con)}
        kamerstukken = con.execute("SELECT kamerstuk FROM kamerstuk_references ORDER BY n")
        assert [k for (k,) in kamerstukken.fetchall()] == ["32317-790", "36200-VI-24"]
        refs = con.execute("SELECT seq, n, ref_fractie, ref_seq FROM answer_references ORDER BY 1")
        assert refs.fetchall() == [(4, 1, "VVD", 1), (7, 1, "VVD", 1)]
    assert head == [
        ("tk:doc-1", "verslag_schriftelijk_overleg", datetime(2022, 12, 8).date(),
         datetime(2022, 12, 9).date(), datetime(2022, 12, 20).date(), "kst:32317-790", 9, 1, 1,
         ["VVD", "D66", "PvdA en GroenLinks"], "sha-a")
    ]  # fmt: skip
    assert pair == [
        ("PvdA en GroenLinks", ["PvdA", "GroenLinks"], None, "Vraag 7? En?",
         "Antwoord 7 over Schengen.", 2, 27)
    ]  # fmt: skip
    assert counts == {
        "consultations": 1, "parse_issues": 1, "consultation_subjects": 2, "sections": 3,
        "qa_pairs": 9, "answer_references": 2, "footnotes": 2, "pair_footnotes": 3,
        "kamerstuk_references": 2, "unassigned_text": 1, "consultation_associations": 1,
        "commitments": 1,
    }  # fmt: skip


def test_reload_is_identical_and_a_changed_parse_replaces_exactly(tmp_path: Path) -> None:
    with db.connect(tmp_path / "w.duckdb") as con:
        load.load_consultation(con, "tk:doc-1", "sha-a", make_consultation(3))
        load.load_consultation(con, "tk:doc-2", "sha-b", make_consultation(2, agenda="32317-791"))
        first = snapshot(con)
        load.load_consultation(con, "tk:doc-1", "sha-a", make_consultation(3))
        assert snapshot(con) == first

        smaller = with_fewer_pairs(make_consultation(3, tag=" (nieuw)"), 2)
        load.load_consultation(con, "tk:doc-1", "sha-c", smaller)
        expected = {"qa_pairs": 2, "answer_references": 0, "footnotes": 1, "pair_footnotes": 1}
        for table, n in expected.items():
            sql = f"SELECT count(*) FROM {table} WHERE consultation_id = 'tk:doc-1'"
            assert _count(con, sql) == n, table
        texts = con.execute(
            "SELECT question FROM qa_pairs WHERE consultation_id = 'tk:doc-1' ORDER BY seq"
        ).fetchall()
        assert texts == [("Vraag 1 (nieuw)? En?",), ("Vraag 2 (nieuw)? En?",)]
        assert _count(con, "SELECT count(*) FROM parse_issues WHERE document_id = 'tk:doc-1'") == 0
        sha = con.execute("SELECT sha256 FROM consultations WHERE document_id = 'tk:doc-1'")
        assert sha.fetchall() == [("sha-c",)]
        # the other document is untouched
        after = snapshot(con)
    for table, rows in first.items():
        key = 0  # consultation_id / document_id is the first column everywhere
        assert [r for r in after[table] if r[key] == "tk:doc-2"] == [
            r for r in rows if r[key] == "tk:doc-2"
        ], table


def test_duplicate_footnote_numbers_become_an_issue_not_a_failure(tmp_path: Path) -> None:
    c = make_consultation(1)
    c = dataclasses.replace(c, footnotes=(*c.footnotes, Footnote(1, "andere tekst", 120)))
    with db.connect(tmp_path / "w.duckdb") as con:
        load.load_consultation(con, "tk:doc-1", "sha-a", c)
        notes = con.execute("SELECT n, text FROM footnotes ORDER BY n").fetchall()
        issues = con.execute("SELECT code, message FROM parse_issues ORDER BY n").fetchall()
    assert notes == [(1, "https://example.org/noot"), (2, "Kamerstuk")]
    assert issues[-1] == (
        "duplicate_footnote_number",
        "footnote 1 printed twice; second text: andere tekst",
    )


def test_duplicate_pair_numbers_are_refused_and_leave_the_old_parse(tmp_path: Path) -> None:
    good = make_consultation(2)
    bad = dataclasses.replace(good, pairs=(*good.pairs, good.pairs[0]))
    with db.connect(tmp_path / "w.duckdb") as con:
        load.load_consultation(con, "tk:doc-1", "sha-a", good)
        before = snapshot(con)
        with pytest.raises(WarehouseRefusal, match="not unique"):
            load.load_consultation(con, "tk:doc-1", "sha-b", bad)
        assert snapshot(con) == before


def test_parse_error_is_recorded_once_and_cleared_by_a_good_parse(tmp_path: Path) -> None:
    with db.connect(tmp_path / "w.duckdb") as con:
        load.load_consultation(con, "tk:doc-1", "sha-a", make_consultation(1))
        for _ in range(2):
            load.record_parse_error(con, "tk:doc-1", "sha-b", "parse_error", "geen fracties")
        issues = con.execute("SELECT n, code, sha256 FROM parse_issues ORDER BY n").fetchall()
        assert issues == [(1, "footnote_text_missing", "sha-a"), (2, "parse_error", "sha-b")]
        # the last good parse stays readable
        assert _count(con, "SELECT count(*) FROM v_qa") == 3
        load.load_consultation(con, "tk:doc-1", "sha-c", with_fewer_pairs(make_consultation(1), 3))
        assert _count(con, "SELECT count(*) FROM parse_issues") == 0


def test_inbreng_is_open_until_its_verslag_is_loaded(tmp_path: Path) -> None:
    inbreng = make_consultation(2, kind=KIND_INBRENG)
    with db.connect(tmp_path / "w.duckdb") as con:
        load.load_consultation(con, "tk:inbreng", "sha-i", inbreng)
        load.load_consultation(con, "tk:other", "sha-o", make_consultation(1, agenda="32317-800"))
        open_ = con.execute("SELECT consultation_id, pairs, answered_pairs, reason FROM "
                            "v_open_consultations").fetchall()  # fmt: skip
        assert open_ == [("tk:inbreng", 6, 0, "inbreng without its verslag")]
        assert _count(con, "SELECT count(*) FROM v_qa") == 9

        load.load_consultation(con, "tk:verslag", "sha-v", make_consultation(2))
        assert con.execute("SELECT * FROM v_open_consultations").fetchall() == []
        # the inbreng's questions are not counted twice once the verslag is in
        per = con.execute("SELECT fractie, pairs FROM v_questions_per_fractie ORDER BY fractie")
        assert per.fetchall() == [("D66", 3), ("PvdA en GroenLinks", 3), ("VVD", 3)]


def test_a_verslag_without_any_answer_is_open(tmp_path: Path) -> None:
    c = make_consultation(1)
    c = dataclasses.replace(c, pairs=tuple(dataclasses.replace(p, answer=None) for p in c.pairs))
    with db.connect(tmp_path / "w.duckdb") as con:
        load.load_consultation(con, "tk:doc-1", "sha-a", c)
        rows = con.execute("SELECT reason FROM v_open_consultations").fetchall()
    assert rows == [("no answers yet",)]


def test_deleted_and_duplicate_copies_are_hidden_from_the_views(tmp_path: Path) -> None:
    koop = dataclasses.replace(record(1), document_id="koop:kst-32317-801", source="koop")
    with db.connect(tmp_path / "w.duckdb") as con:
        load.upsert_documents(con, [record(1), koop, record(2)], T0)
        for doc in ("tk:doc-1", "koop:kst-32317-801"):  # the same report from both sources
            load.load_consultation(con, doc, "sha", make_consultation(1))
        load.load_consultation(con, "tk:doc-2", "sha", make_consultation(1, agenda="32317-900"))
        shown = con.execute("SELECT DISTINCT consultation_id FROM v_qa ORDER BY 1").fetchall()
        assert shown == [("koop:kst-32317-801",), ("tk:doc-2",)]
        load.mark_deleted(con, ["tk:doc-2"], T0)
        shown = con.execute("SELECT DISTINCT consultation_id FROM v_qa ORDER BY 1").fetchall()
        assert shown == [("koop:kst-32317-801",)]


def _bare_inbreng(addressee: str = "staatssecretaris") -> Consultation:
    """An inbreng whose parse names no agenda Kamerstuk (no subjects, no number in the title)."""
    c = make_consultation(1, kind=KIND_INBRENG)
    info = dataclasses.replace(c.document, subjects=(), title="Inbreng", addressee=addressee)
    return dataclasses.replace(c, document=info)


def test_inbreng_matched_by_the_kamerstuk_in_its_tk_title(tmp_path: Path) -> None:
    titled = record(5, title="Inbreng … geannoteerde agenda JBZ-Raad (Kamerstuk 32317-790)")
    with db.connect(tmp_path / "w.duckdb") as con:
        load.upsert_documents(con, [titled], T0)
        load.load_consultation(con, "tk:doc-5", "sha-i", _bare_inbreng("minister"))
        keys = con.execute("SELECT agenda_key FROM v_open_consultations").fetchall()
        assert keys == [("kst:32317-790",)]
        load.load_consultation(con, "tk:verslag", "sha-v", make_consultation(1))
        assert con.execute("SELECT * FROM v_open_consultations").fetchall() == []


def test_inbreng_without_agenda_matched_by_council_and_addressee(tmp_path: Path) -> None:
    with db.connect(tmp_path / "w.duckdb") as con:
        load.load_consultation(con, "tk:inbreng-1", "sha-1", _bare_inbreng("staatssecretaris"))
        load.load_consultation(con, "tk:inbreng-2", "sha-2", _bare_inbreng("minister"))
        load.load_consultation(con, "tk:verslag", "sha-v", make_consultation(1))  # staatssecr.
        rows = con.execute("SELECT consultation_id, reason FROM v_open_consultations").fetchall()
    assert rows == [("tk:inbreng-2", "inbreng without its verslag")]


def test_an_unreadable_date_is_stored_as_null_and_recorded(tmp_path: Path) -> None:
    c = make_consultation(1)
    info = dataclasses.replace(c.document, date="20 december 2022", council_date="2022-12-08/9")
    with db.connect(tmp_path / "w.duckdb") as con:
        load.load_consultation(con, "tk:doc-1", "sha-a", dataclasses.replace(c, document=info))
        head = con.execute("SELECT report_date, council_date, council_end, issue_count FROM "
                           "consultations").fetchall()  # fmt: skip
        issues = con.execute(
            "SELECT message FROM parse_issues WHERE code = 'unreadable_date' ORDER BY n"
        ).fetchall()
    assert head == [(None, datetime(2022, 12, 8).date(), None, 3)]
    assert issues == [
        ("date '20 december 2022' is not an ISO date; stored as NULL",),
        ("council_date '9' is not an ISO date; stored as NULL",),
    ]


def test_quality_and_associations_are_stored_and_v_parse_quality_lists_what_is_not_ok(
    tmp_path: Path,
) -> None:
    suspect = make_consultation(2)  # the builder's verdict: suspect, text_cut_off
    ok = dataclasses.replace(make_consultation(2), quality=Quality("ok"))
    with db.connect(tmp_path / "w.duckdb") as con:
        load.load_consultation(con, "tk:doc-1", "sha-a", suspect)
        load.load_consultation(con, "tk:doc-2", "sha-b", ok)
        load.record_parse_error(con, "tk:doc-3", "sha-c", "parse_error", "not a PDF")
        # a newer file of doc-2 fails: its good parse stays loaded, and it still needs a look
        load.record_parse_error(con, "tk:doc-2", "sha-b2", "parse_error", "truncated PDF")
        head = con.execute(
            "SELECT quality, quality_reasons, layout, kind_evidence, dossier_number "
            "FROM consultations WHERE document_id = 'tk:doc-1'"
        ).fetchall()
        assoc = con.execute(
            "SELECT fractie, joins FROM consultation_associations WHERE consultation_id = ?",
            ["tk:doc-1"],
        ).fetchall()
        listed = con.execute(
            "SELECT document_id, verdict, reasons FROM v_parse_quality ORDER BY 1"
        ).fetchall()
    assert head == [("suspect", ["text_cut_off"], "interleaved", "title", 32317)]
    assert assoc == [("D66", ["VVD"])]
    assert listed == [
        ("tk:doc-1", "suspect", ["text_cut_off"]),
        ("tk:doc-2", "failed", ["parse_error"]),
        ("tk:doc-3", "failed", ["parse_error"]),
    ]
