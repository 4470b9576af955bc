"""One spelling of the document kinds: the SQL compares DocumentKind values, older files move."""

import re
from pathlib import Path

import duckdb

from contract.kinds import DocumentKind
from warehouse import db

INSERT = (
    "INSERT INTO consultations (consultation_id, document_id, kind, council_date, pair_count,"
    " unassigned_count, issue_count, sha256, parsed_at) VALUES (?, ?, ?, DATE '2022-12-08', 1,"
    " 0, 0, 'ab', now()::TIMESTAMP)"
)


def test_the_views_compare_only_document_kind_values(tmp_path: Path) -> None:
    with db.connect(tmp_path / "w.duckdb") as con:
        sql = " ".join(r[0] for r in con.execute("SELECT sql FROM duckdb_views()").fetchall())
    compared = set(re.findall(r"kind\s*=\s*'([^']*)'", sql))
    assert compared == {DocumentKind.VERSLAG.value, DocumentKind.INBRENG.value}


def test_a_file_with_the_old_spelling_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    assert db.migrate(con, target=2) == [1, 2]
    con.execute(INSERT, ["c1", "c1", "inbreng schriftelijk overleg"])
    con.execute(INSERT, ["c2", "c2", "verslag schriftelijk overleg"])
    con.close()

    with db.connect(path) as con:
        kinds = con.execute("SELECT kind FROM consultations ORDER BY consultation_id").fetchall()
        assert kinds == [("inbreng_schriftelijk_overleg",), ("verslag_schriftelijk_overleg",)]
        # the verslag of the same Council (no agenda key on either side) hides the inbreng
        shown = con.execute("SELECT consultation_id FROM v_consultations").fetchall()
        assert shown == [("c2",)]
