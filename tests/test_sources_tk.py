"""TK OData against the replay server on a real socket: paging, cursor, tombstones, files, v4/v5."""

import dataclasses
import json
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest

from contract.records import ALL_KINDS, DocumentRecord
from devtools.replay import ReplayServer
from devtools.replay_data import minimal_pdf
from flows.config import Config
from flows.sources.cursor import format_cursor, needs_fetch, next_cursor
from flows.sources.fetch import iter_fetch_outcomes
from flows.sources.http import BadResponse, HttpClient
from flows.sources.tk_odata import (
    fetch_tk_file,
    iter_tk_documents,
    iter_tk_tombstones,
    read_tk_record,
)
from tests.replay_fixtures import SAMPLES, sample_records, serve_samples

# 131 sample records + the Document of kst-32317-898 from its Zaak sample
SCENARIO_SIZE = 132


@pytest.fixture
def replay_server() -> Iterator[ReplayServer]:
    yield from serve_samples()


def list_all(srv: ReplayServer, cfg: Config, since: str | None = None) -> list[DocumentRecord]:
    with HttpClient(cfg) as client:
        return list(iter_tk_documents(client, cfg, since))


@pytest.mark.parametrize("version", ["v4", "v5"])
def test_every_document_found_classified_and_fetched(
    replay_server: ReplayServer, version: str
) -> None:
    cfg = replay_server.config(version)
    with HttpClient(cfg) as client:
        records = list(iter_tk_documents(client, cfg, None))
        outcomes = list(iter_fetch_outcomes(client, cfg, records))
    real_ids = {r["Id"] for r in sample_records()}
    assert {r.source_id for r in records} >= real_ids and len(records) == SCENARIO_SIZE
    pages = replay_server.requests_matching(r"/Document\?")
    assert len(pages) == 6  # 132 records, 25 a page: five nextLinks followed
    assert [p.query.get("$skiptoken") for p in pages] == [None, "25", "50", "75", "100", "125"]
    times = [r.modified_at for r in records if r.modified_at is not None]
    assert len(times) == len(records) and times == sorted(
        times
    )  # GewijzigdOp asc: the cursor can follow
    assert all(r.kind in ALL_KINDS for r in records)
    by_nr = {r.ondernummer: r for r in records if r.ondernummer}
    assert by_nr["909"].document_number and by_nr["909"].document_number.startswith("2024D")
    assert all(o.ok for o in outcomes), [str(o.error) for o in outcomes if o.error]
    fmts = Counter(o.file.fmt for o in outcomes if o.file)
    raw_types = Counter(r["ContentType"] for r in sample_records())
    docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert fmts["docx"] == raw_types[docx]
    assert fmts["xml"] == 2  # kst-32317-898 and -956 through DocumentPublicatie
    assert fmts["pdf"] == SCENARIO_SIZE - fmts["docx"] - 2


def test_koop_xml_preferred_when_published(replay_server: ReplayServer) -> None:
    cfg = replay_server.config("v5")
    records = {r.koop_id: r for r in list_all(replay_server, cfg)}
    rec = records["kst-32317-956"]
    assert rec.file_url and "DocumentPublicatie(" in rec.file_url
    with HttpClient(cfg) as client:
        got = fetch_tk_file(client, cfg, rec)
    expected = (SAMPLES / "koop_kst-32317-956_via_DocumentPublicatie_resource.xml").read_bytes()
    assert got.fmt == "xml" and got.data == expected
    # a listed publication the server does not (yet) serve: fall back to the TK file
    del replay_server.scenario.publications[rec.file_url.split("(")[1].split(")")[0]]
    with HttpClient(cfg) as client:
        fallback = fetch_tk_file(client, cfg, rec)
    assert fallback.fmt == "pdf" and fallback.url.endswith("/resource")


def test_second_run_asks_only_for_what_changed(replay_server: ReplayServer) -> None:
    cfg = replay_server.config("v5")
    first = list_all(replay_server, cfg)
    cursor = next_cursor(None, first)
    assert cursor == format_cursor(max(r.modified_at for r in first if r.modified_at))
    replay_server.clear_log()
    second = list_all(replay_server, cfg, cursor)
    asked = replay_server.requests_matching(r"/Document\?")
    start = datetime.fromisoformat(cursor) - timedelta(hours=cfg.cursor_overlap_hours)
    assert len(asked) == 1 and f"GewijzigdOp gt {start:%Y-%m-%dT%H:%M:%S}" in asked[0].query[
        "$filter"
    ].replace(".000Z", "")
    inside_overlap = [r for r in first if r.modified_at and r.modified_at > start]
    assert [r.source_id for r in second] == [r.source_id for r in inside_overlap]
    assert len(second) < 5  # the overlap window only
    previous = {r.document_id: r for r in first}
    assert not any(needs_fetch(r, previous[r.document_id]) for r in second)
    assert replay_server.requests_matching("resource|Resource") == []

    # a PDF replaces a docx: new GewijzigdOp and Versienummer -> listed and fetched again
    docx = next(r for r in first if r.raw_json and "wordprocessingml" in r.raw_json)
    later = (datetime.fromisoformat(cursor) + timedelta(days=3)).isoformat()
    replay_server.scenario.replace_file(docx.source_id, minimal_pdf("definitief"), later)
    third = list_all(replay_server, cfg, cursor)
    changed = [r for r in third if needs_fetch(r, previous.get(r.document_id))]
    assert [r.source_id for r in changed] == [docx.source_id]
    assert changed[0].version == "2" and previous[docx.document_id].version == "1"
    with HttpClient(cfg) as client:
        assert fetch_tk_file(client, cfg, changed[0]).fmt == "pdf"
    assert next_cursor(cursor, third) == format_cursor(datetime.fromisoformat(later))


def test_cursor_stops_before_a_failed_document() -> None:
    base = datetime.fromisoformat("2025-06-01T10:00:00+02:00")
    recs = [
        DocumentRecord(f"tk:{i}", "tk", str(i), "other", None, None, "32317", None, None, None,
                       base + timedelta(hours=i), False, "1", None, None)
        for i in range(5)
    ]  # fmt: skip
    held = next_cursor(None, recs[:2] + recs[3:], failed=[recs[2]])
    assert held == format_cursor(base + timedelta(hours=1))  # stored 3 and 4 wait for 2
    assert next_cursor(None, []) is None
    later = format_cursor(base + timedelta(days=9))
    assert next_cursor(later, recs) == later  # never backwards
    # a source time without an offset counts as UTC instead of failing to compare
    naive = dataclasses.replace(recs[0], modified_at=datetime(2025, 6, 1, 12, 30))
    assert next_cursor(format_cursor(base), [naive]) == "2025-06-01T12:30:00.000000+00:00"


def test_outage_halfway_leaves_the_cursor_at_the_last_stored_page(
    replay_server: ReplayServer,
) -> None:
    from devtools.replay import Fault
    from flows.sources.http import SourceUnavailable

    cfg = replay_server.config("v5", JBZ_HTTP_RETRIES="1")
    replay_server.inject(Fault("503", r"skiptoken=50", times=99, retry_after=0))
    stored: list[DocumentRecord] = []
    with HttpClient(cfg) as client, pytest.raises(SourceUnavailable):
        for record in iter_tk_documents(client, cfg, None):
            stored.append(record)
    assert len(stored) == 50
    cursor = next_cursor(None, stored)
    replay_server.clear_fault()
    rest = list_all(replay_server, cfg, cursor)
    assert {r.source_id for r in stored} | {r.source_id for r in rest} == {
        r.source_id for r in list_all(replay_server, cfg)
    }


def test_tombstones_of_known_documents(replay_server: ReplayServer) -> None:
    cfg = replay_server.config("v4")
    known = list_all(replay_server, cfg)
    gone = [known[3].source_id, known[100].source_id]
    for doc_id in gone:
        replay_server.scenario.delete(doc_id, "2025-10-10T12:00:00+02:00")
    replay_server.clear_log()
    with HttpClient(cfg) as client:
        tombstones = list(iter_tk_tombstones(client, cfg, [r.document_id for r in known]))
    assert sorted(t.source_id for t in tombstones) == sorted(gone)
    assert all(t.deleted and t.file_url is None and t.title is None for t in tombstones)
    queries = replay_server.requests_matching(r"/Document\?")
    filters = {q.query["$filter"] for q in queries}  # pages of 25 follow nextLink as usual
    assert len(filters) == 3  # 132 ids, at most 50 per `Id in (…)`
    assert all(f.count(",") < 50 for f in filters)
    assert not {r.source_id for r in list_all(replay_server, cfg)} & set(gone)


def test_real_tombstone_and_v5_names_are_read() -> None:
    from flows.config import load_config

    examples = json.loads(
        (SAMPLES / "tk_odata_document_tombstone_and_fresh_docx_examples.json").read_text()
    )
    raws = list(examples.values())
    v4, v5 = load_config({"JBZ_TK_API_VERSION": "v4"}), load_config({})
    tomb = read_tk_record(raws[0], v5)
    assert tomb.deleted and tomb.kind == "other" and tomb.modified_at is not None
    fresh_v4 = read_tk_record(raws[1], v4)
    assert (fresh_v4.document_number, fresh_v4.ondernummer) == ("2025D42575", "95")
    renamed = {{"DocumentNummer": "Nummer", "Volgnummer": "Ondernummer"}.get(k, k): v
               for k, v in raws[1].items()}  # fmt: skip
    fresh_v5 = read_tk_record(renamed, v5)
    assert (fresh_v5.document_number, fresh_v5.ondernummer) == ("2025D42575", "95")
    # the other version's name is accepted too
    assert read_tk_record(raws[1], v5).document_number == "2025D42575"
    assert fresh_v5.kind == "verslag_schriftelijk_overleg"


def test_needs_fetch_when_the_koop_xml_appears(replay_server: ReplayServer) -> None:
    cfg = replay_server.config("v5")
    before = {r.document_id: r for r in list_all(replay_server, cfg)}
    doc = next(r for r in before.values() if r.ondernummer == "909")
    assert doc.file_url and doc.file_url.endswith("/resource")
    # KOOP publishes the Kamerstuk a day later: TK lists its XML publication, GewijzigdOp moves
    sc = replay_server.scenario
    sc.docs[doc.source_id].xml_publication_id = "0b7c5d7e-0000-4000-8000-000000000909"
    sc.publications["0b7c5d7e-0000-4000-8000-000000000909"] = (
        SAMPLES / "koop_kst-32317-956_via_DocumentPublicatie_resource.xml"
    ).read_bytes()
    sc.docs[doc.source_id].raw["GewijzigdOp"] = "2025-10-05T10:00:00+02:00"
    after = list_all(replay_server, cfg, next_cursor(None, before.values()))
    changed = [r for r in after if needs_fetch(r, before.get(r.document_id))]
    assert [r.document_id for r in changed] == [doc.document_id]
    with HttpClient(cfg) as client:
        assert fetch_tk_file(client, cfg, changed[0]).fmt == "xml"
    assert not needs_fetch(changed[0], changed[0])


def test_an_unreadable_record_is_a_bad_response_not_a_crash() -> None:
    from flows.config import load_config

    raw = dict(sample_records()[0], GewijzigdOp="gisteren")
    with pytest.raises(BadResponse, match="unreadable Document record"):
        read_tk_record(raw, load_config({}))
    with pytest.raises(BadResponse, match="no Id"):
        read_tk_record({"Soort": "Brief regering"}, load_config({}))
