"""TK OData against the replay server on a real socket: paging, cursor, tombstones, files, v4/v5."""

import dataclasses
import json
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest

from contract.records import ALL_KINDS, KIND_OTHER, DocumentRecord
from devtools.replay import ReplayServer
from devtools.replay_data import minimal_pdf
from flows.config import Config
from flows.sources.cursor import format_cursor, listing_start, next_cursor
from flows.sources.http import BadResponse, HttpClient
from flows.sources.odata_query import NODE_BUDGET, count_filter_nodes
from flows.sources.tk_files import fetch_tk_file
from flows.sources.tk_odata import (
    iter_tk_by_id,
    iter_tk_deletions,
    iter_tk_documents,
    iter_tk_dossier,
    iter_tk_publications,
    iter_tk_tombstones,
)
from flows.sources.tk_records import read_tk_record
from flows.sources.tk_schema import fetch_tk_fields
from tests.replay_fixtures import SAMPLES, iter_fetch_outcomes, sample_records, serve_samples
from warehouse.documents import listing_changed

# 131 sample records + the Document of kst-32317-898 from its Zaak sample
SCENARIO_SIZE = 132


@pytest.fixture
def replay_server() -> Iterator[ReplayServer]:
    yield from serve_samples()


def list_all(srv: ReplayServer, cfg: Config, since: str | None = None) -> list[DocumentRecord]:
    """One listing of dossier 32317 since the cursor minus the overlap, names from $metadata."""
    start = listing_start(since, cfg.cursor_overlap_hours)
    with HttpClient(cfg) as client:
        fields = fetch_tk_fields(client, cfg)
        return list(iter_tk_dossier(client, cfg, "32317", start, None, fields))


@pytest.mark.parametrize("version", ["v4", "v5"])
def test_every_document_found_classified_and_fetched(
    replay_server: ReplayServer, version: str
) -> None:
    cfg = replay_server.config(version)
    with HttpClient(cfg) as client:
        fields = fetch_tk_fields(client, cfg)
        direct = list(iter_tk_documents(client, cfg, "32317", None, None, fields))
        records = list(iter_tk_dossier(client, cfg, "32317", None, None, fields))
        outcomes = list(iter_fetch_outcomes(client, cfg, records))
    real_ids = {r["Id"] for r in sample_records()}
    assert {r.source_id for r in records} >= real_ids and len(records) == SCENARIO_SIZE
    assert len(direct) == SCENARIO_SIZE - 2  # two inbreng hang off their Zaak only
    pages = replay_server.requests_matching(r"/Document\?.*Kamerstukdossier/any")
    assert len(pages) == 2 * 6  # 130 records, 25 a page: five nextLinks followed, twice
    # the live API pages with $skiptoken (the last record's sort key), never $skip
    tokens = [p.query.get("$skiptoken") for p in pages[:6]]
    assert tokens[0] is None and all(t and ",Id-" in t for t in tokens[1:])
    assert not any("$skip" in p.query for p in pages)
    api_times = [
        datetime.fromisoformat(json.loads(r.raw_json or "")["ApiGewijzigdOp"]) for r in direct
    ]
    assert api_times == sorted(api_times)  # ApiGewijzigdOp asc: the cursor can follow
    # the cursor field is the newest API time of the record and its publications
    assert all(r.modified_at and r.modified_at >= t for r, t in zip(direct, api_times, strict=True))
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
    flt = asked[0].query["$filter"].replace(".000Z", "")
    assert len(asked) == 2 and f"ApiGewijzigdOp gt {start:%Y-%m-%dT%H:%M:%S}" in flt
    # no lambda ORed with another predicate (the live service gives up on those): late
    # publications have their own listing (flows/listing.py, tested in test_sources_limits)
    assert " or " not in flt and "DocumentPublicatie" not in flt
    inside_overlap = [r for r in first if r.modified_at and r.modified_at > start]
    assert [r.source_id for r in second] == [r.source_id for r in inside_overlap]
    assert len(second) < 5  # the overlap window only
    previous = {r.document_id: r for r in first}
    assert not any(listing_changed(r, previous[r.document_id]) for r in second)
    assert replay_server.requests_matching("resource|Resource") == []

    # a PDF replaces a docx: new GewijzigdOp and Versienummer -> listed and fetched again
    raws = replay_server.scenario.docs
    docx = next(r for r in first if "wordprocessingml" in str(raws[r.source_id].raw["ContentType"]))
    later = (datetime.fromisoformat(cursor) + timedelta(days=3)).isoformat()
    replay_server.scenario.replace_file(docx.source_id, minimal_pdf("definitief"), later)
    third = list_all(replay_server, cfg, cursor)
    changed = [r for r in third if listing_changed(r, previous.get(r.document_id))]
    assert [r.source_id for r in changed] == [docx.source_id]
    assert changed[0].version == "2" and previous[docx.document_id].version == "1"
    with HttpClient(cfg) as client:
        assert fetch_tk_file(client, cfg, changed[0]).fmt == "pdf"
    assert next_cursor(cursor, third) == format_cursor(datetime.fromisoformat(later))


def test_cursor_stops_before_a_failed_document() -> None:
    base = datetime.fromisoformat("2025-06-01T10:00:00+02:00")
    recs = [
        DocumentRecord(f"tk:{i}", "tk", str(i), KIND_OTHER, None, None, "32317", None, None, None,
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


def test_outage_halfway_through_a_listing_fails_it_whole(replay_server: ReplayServer) -> None:
    """Records are ordered by the document's API time but their cursor field also counts their
    publications, so a half listing must not move a cursor: the whole listing fails, the cursor
    stays, and the next run lists everything."""
    from devtools.replay import Fault
    from flows.sources.http import SourceUnavailable

    cfg = replay_server.config("v5", JBZ_HTTP_RETRIES="1")
    replay_server.inject(Fault("503", r"\$skiptoken=", times=99, retry_after=0))
    with pytest.raises(SourceUnavailable, match="503"):
        list_all(replay_server, cfg)
    listed = replay_server.requests_matching(r"^/OData/v5/Document\?")
    # one page was served; the next ($skiptoken) failed on the first try and on its one retry
    assert [r.fault for r in listed] == [None, "503", "503"]
    assert "$skiptoken=" in listed[-1].target
    replay_server.clear_fault()
    assert len(list_all(replay_server, cfg)) == SCENARIO_SIZE


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
    filters = {q.query["$filter"] for q in queries}
    # 25 ids a query in `Id in (…)` would pass the live node limit (a GUID comparison costs 5):
    # 132 ids go 12 a query (7 nodes each with its `or`: 12 * 7 - 2 = 82 of a budget of 90)
    assert len(filters) == 11 and all(q.fault is None for q in queries)
    assert all(count_filter_nodes(f) <= NODE_BUDGET for f in filters)
    assert sum(f.count(" eq ") for f in filters) == len(known)
    assert not {r.source_id for r in list_all(replay_server, cfg)} & set(gone)


def test_real_tombstone_and_v5_names_are_read() -> None:
    from flows.config import load_config

    examples = json.loads(
        (SAMPLES / "tk_odata_document_tombstone_and_fresh_docx_examples.json").read_text()
    )
    raws = list(examples.values())
    v4, v5 = load_config({"JBZ_TK_API_VERSION": "v4"}), load_config({})
    from flows.sources.tk_schema import map_fields

    v5_from_v4_server = map_fields(v5, (SAMPLES / "tk_odata_v4_2.0_metadata.xml").read_bytes())
    tomb = read_tk_record(raws[0], v5)
    assert tomb.deleted and tomb.kind == "other" and tomb.modified_at is not None
    fresh_v4 = read_tk_record(raws[1], v4)
    assert (fresh_v4.document_number, fresh_v4.ondernummer) == ("2025D42575", "95")
    renamed = {{"DocumentNummer": "Nummer", "Volgnummer": "Ondernummer"}.get(k, k): v
               for k, v in raws[1].items()}  # fmt: skip
    fresh_v5 = read_tk_record(renamed, v5)
    assert (fresh_v5.document_number, fresh_v5.ondernummer) == ("2025D42575", "95")
    # a v5 configuration on a v4 server reads the names the server's $metadata gives
    assert read_tk_record(raws[1], v5, None, v5_from_v4_server).document_number == "2025D42575"
    assert fresh_v5.kind == "verslag_schriftelijk_overleg"


def test_a_publication_that_appears_months_later_is_listed_and_fetched(
    replay_server: ReplayServer,
) -> None:
    """Real kst-32317-898: document 2024-10-10, its DocumentPublicatie rows 2025-04-25. The
    document's own times never move, so only a watermark on the publications sees it."""
    cfg = replay_server.config("v5")
    sc = replay_server.scenario
    doc = next(d for d in sc.docs.values() if d.raw.get("Volgnummer") == 909)
    before = {r.document_id: r for r in list_all(replay_server, cfg)}
    cursor = next_cursor(None, before.values())
    rec = before[f"tk:{doc.raw['Id']}"]
    assert rec.file_url and rec.file_url.endswith("/resource")
    own_times = (doc.raw["GewijzigdOp"], doc.raw["ApiGewijzigdOp"])
    xml = (SAMPLES / "koop_kst-32317-956_via_DocumentPublicatie_resource.xml").read_bytes()
    later = (datetime.fromisoformat(str(cursor)) + timedelta(days=60)).isoformat()
    sc.publish(str(doc.raw["Id"]), "0b7c5d7e-0000-4000-8000-000000000909", xml, later)
    assert (doc.raw["GewijzigdOp"], doc.raw["ApiGewijzigdOp"]) == own_times
    # the document listing cannot see it (it lists only the overlap window's documents)
    assert rec.document_id not in {r.document_id for r in list_all(replay_server, cfg, cursor)}
    # the publications listing does (one query for every dossier), then the document by id
    with HttpClient(cfg) as client:
        f = fetch_tk_fields(client, cfg)
        start = listing_start(cursor, cfg.cursor_overlap_hours)
        pubs = list(iter_tk_publications(client, cfg, ["32317", "21501-02"], start, f))
        assert [(p.document_id, p.dossier) for p in pubs] == [(rec.document_id, "32317")]
        after = list(iter_tk_by_id(client, cfg, [p.document_id for p in pubs], "32317", f))
    changed = [r for r in after if listing_changed(r, before.get(r.document_id))]
    assert [r.document_id for r in changed] == [rec.document_id]
    assert changed[0].modified_at == datetime.fromisoformat(later)  # the cursor moves past it
    with HttpClient(cfg) as client:
        assert fetch_tk_file(client, cfg, changed[0]).data == xml
    assert not listing_changed(changed[0], changed[0])


def test_a_record_that_reaches_the_api_late_is_still_listed(replay_server: ReplayServer) -> None:
    cfg = replay_server.config("v5")
    first = list_all(replay_server, cfg)
    cursor = next_cursor(None, first)
    # changed at the source before the cursor, visible in the API only after it (an outage
    # longer than the overlap window): a GewijzigdOp watermark would lose it for good
    late = dict(sample_records()[5], Id="5e1d2b3c-0000-4000-8000-00000000abcd")
    late["GewijzigdOp"] = "2025-01-01T10:00:00+01:00"
    late["ApiGewijzigdOp"] = (datetime.fromisoformat(str(cursor)) + timedelta(days=3)).isoformat()
    replay_server.scenario.add_document(late)
    again = list_all(replay_server, cfg, cursor)
    assert late["Id"] in {r.source_id for r in again}


def test_inbreng_linked_only_through_its_zaak_is_found_once(replay_server: ReplayServer) -> None:
    cfg = replay_server.config("v4")
    records = list_all(replay_server, cfg)
    inbreng = [r for r in records if r.soort == "Inbreng verslag schriftelijk overleg"]
    assert len(inbreng) == 8 and len({r.document_id for r in records}) == len(records)
    only_zaak = [
        d for d in replay_server.scenario.docs.values() if d.zaak_dossiers and not d.dossier
    ]
    assert len(only_zaak) == 2 and {str(d.raw["Id"]) for d in only_zaak} <= {
        r.source_id for r in inbreng
    }
    last = replay_server.requests_matching(r"/Document\?")[-1].query
    # no nested any(): the inbreng of every dossier, their cases' dossiers expanded and matched
    assert (
        last["$filter"]
        == "Verwijderd eq false and (Soort eq 'Inbreng verslag schriftelijk overleg')"
    )
    assert "Zaak($select=Id;$expand=Kamerstukdossier(" in last["$expand"]


def test_a_dossier_with_a_toevoeging_is_asked_for_as_such(replay_server: ReplayServer) -> None:
    cfg = replay_server.config("v5", JBZ_DOSSIERS="32317,21501-02")
    raw = dict(sample_records()[0], Id="2150102a-0000-4000-8000-000000000001")
    replay_server.scenario.add_document(raw, dossier="21501-02")
    with HttpClient(cfg) as client:
        fields = fetch_tk_fields(client, cfg)
        got = list(iter_tk_documents(client, cfg, "21501-02", None, None, fields))
    assert [r.source_id for r in got] == [raw["Id"]]
    assert (got[0].dossier, got[0].dossier_number, got[0].toevoeging) == ("21501-02", 21501, "02")
    flt = replay_server.requests_matching(r"/Document\?")[-1].query["$filter"]
    assert "Kamerstukdossier/any(d: d/Nummer eq 21501 and d/Toevoeging eq '02')" in flt


def test_deletions_are_one_listing_since_the_cursor(replay_server: ReplayServer) -> None:
    cfg = replay_server.config("v5")
    known = list_all(replay_server, cfg)
    cursor = next_cursor(None, known)
    gone = known[7].source_id
    replay_server.scenario.delete(gone, "2025-10-10T12:00:00+02:00")
    replay_server.clear_log()
    start = listing_start(cursor, cfg.cursor_overlap_hours)
    with HttpClient(cfg) as client:
        tombstones = list(iter_tk_deletions(client, cfg, start, fetch_tk_fields(client, cfg)))
    assert [t.source_id for t in tombstones] == [gone] and tombstones[0].deleted
    (listing,) = replay_server.requests_matching(r"/Document\?")
    assert listing.query["$filter"].startswith("Verwijderd eq true and ApiGewijzigdOp gt ")


def test_an_unknown_field_is_a_400_with_the_servers_words(replay_server: ReplayServer) -> None:
    cfg = replay_server.config("v5")  # v5 names, but the v4 name forced on the server
    forced = replay_server.config("v5", JBZ_TK_FIELD_ONDERNUMMER="Volgnummer")
    from flows.sources.tk_schema import default_fields

    with HttpClient(cfg) as client, pytest.raises(BadResponse) as e:
        list(iter_tk_documents(client, forced, "32317", None, None, default_fields(forced)))
    assert e.value.status == 400
    assert "Could not find a property named 'Volgnummer' on type 'TK.DA.GGM.OData.Document'" in str(
        e.value
    )


def test_an_unreadable_record_is_a_bad_response_not_a_crash() -> None:
    from flows.config import load_config

    raw = dict(sample_records()[0], ApiGewijzigdOp="gisteren")
    with pytest.raises(BadResponse, match="unreadable Document record"):
        read_tk_record(raw, load_config({}))
    with pytest.raises(BadResponse, match="no Id"):
        read_tk_record({"Soort": "Brief regering"}, load_config({}))


def test_a_backfill_since_later_than_the_cursor_keeps_the_cursor() -> None:
    from flows.sources.cursor import backfill_keeps_cursor

    jan = "2025-01-15T10:00:00Z"
    assert backfill_keeps_cursor(date(2025, 6, 1), jan)  # June..now listed: January..June not
    assert not backfill_keeps_cursor(date(2024, 12, 1), jan)  # covers the cursor: may move
    assert not backfill_keeps_cursor(None, jan)  # a plain run from the cursor
    assert not backfill_keeps_cursor(date(2025, 6, 1), None)  # first run: nothing to skip
