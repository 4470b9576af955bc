"""KOOP SRU against the replay server: startRecord paging, Eerste Kamer kept apart, identifiers
and file URLs read from the records, files fetched; plus the one real gzd record."""

import dataclasses
from collections.abc import Iterator

import pytest
from defusedxml import ElementTree as SafeET

from contract.records import KIND_AGENDA, KIND_COUNCIL_REPORT, KIND_VERSLAG
from devtools.replay import Fault, ReplayServer
from devtools.replay_data import SruRecord, minimal_koop_xml
from flows.config import load_config
from flows.sources.http import BadResponse, HttpClient, SoftNotFound, SourceUnavailable
from flows.sources.koop import iter_koop_records, parse_sru_page, read_koop_record
from tests.replay_fixtures import SAMPLES, iter_fetch_outcomes, serve_samples


@pytest.fixture
def replay_server() -> Iterator[ReplayServer]:
    yield from serve_samples()


def test_paging_by_start_record_until_past_number_of_records(replay_server: ReplayServer) -> None:
    cfg = replay_server.config("v5", JBZ_KOOP_PAGE_SIZE="10")
    total = len(replay_server.scenario.sru_records)
    with HttpClient(cfg) as client:
        records = list(iter_koop_records(client, cfg, include_ek=True))
    asked = replay_server.requests_matching(r"^/sru\?")
    assert [int(a.query["startRecord"]) for a in asked] == list(range(1, total + 1, 10))
    assert all("w.dossiernummer==32317" in a.query["query"] for a in asked)
    assert len(records) == total and len({r.koop_id for r in records}) == total


def test_eerste_kamer_records_come_by_default_marked_ek(replay_server: ReplayServer) -> None:
    cfg = replay_server.config("v5")
    off = replay_server.config("v5", JBZ_INCLUDE_EK="false")
    with HttpClient(cfg) as client:
        tk_only = list(iter_koop_records(client, off))
        both = list(iter_koop_records(client, cfg))
    ek = [r for r in both if r.chamber == "EK"]
    assert sorted(r.koop_id or "" for r in ek) == ["kst-32317-DQ", "kst-32317-DR"]
    assert all(r.chamber == "TK" for r in tk_only) and len(tk_only) == len(both) - 2
    # an EK written-consultation report still says what it is, but stays EK; the chamber is
    # read from dcterms:creator ("Eerste Kamer der Staten-Generaal")
    assert next(r for r in ek if r.koop_id == "kst-32317-DR").kind == KIND_VERSLAG
    xml = minimal_koop_xml("kst-1030001", "32 317", "A", "Brief", "2025-10-20")
    replay_server.scenario.sru_records.append(
        SruRecord("kst-1030001", "Brief", "Brief", "32317", "7", "2025-10-20", xml, chamber="EK")
    )
    with HttpClient(cfg) as client:
        by_creator = next(r for r in iter_koop_records(client, cfg) if r.koop_id == "kst-1030001")
    assert by_creator.chamber == "EK"


def test_identifiers_and_urls_are_read_not_built(replay_server: ReplayServer) -> None:
    # A Kamerstuk with a numeric identifier like the real `kst-1027638` (RSS sample).
    ident = "kst-1027638"
    title = "Verslag van een schriftelijk overleg over de geannoteerde agenda JBZ-Raad"
    xml = minimal_koop_xml(ident, "32 317", "974", title, "2025-10-20")
    replay_server.scenario.sru_records.append(
        SruRecord(ident, title, "Verslag", "32317", "974", "2025-10-20", xml)
    )
    cfg = replay_server.config("v5")
    with HttpClient(cfg) as client:
        records = {r.ondernummer: r for r in iter_koop_records(client, cfg)}
        rec = records["974"]
        assert rec.koop_id == ident and rec.document_id == f"koop:{ident}"
        assert rec.file_url and rec.file_url.endswith(f"/{ident}/1/xml/{ident}.xml")
        assert rec.kind == KIND_VERSLAG and str(rec.document_date) == "2025-10-20"
        outcomes = list(iter_fetch_outcomes(client, cfg, records.values()))
    assert all(o.ok and o.file and o.file.fmt == "xml" for o in outcomes)
    got = next(o.file for o in outcomes if o.record.ondernummer == "956")
    expected = (SAMPLES / "koop_kst-32317-956_via_DocumentPublicatie_resource.xml").read_bytes()
    assert got is not None and got.data == expected


def test_since_reads_newest_first_and_stops_past_the_cursor(replay_server: ReplayServer) -> None:
    cfg = replay_server.config("v5")
    with HttpClient(cfg) as client:
        recent = list(iter_koop_records(client, cfg, since="2025-09-02T00:00:00+00:00"))
    (asked,) = replay_server.requests_matching(r"^/sru\?")  # a no-change run costs 1 request
    assert "dt.modified" not in asked.query["query"]  # no real client uses it: a diagnostic
    assert asked.query["query"].endswith("sortBy dt.date/sort.descending")
    assert recent and all(r.modified_at and str(r.modified_at) >= "2025-09-01" for r in recent)
    assert len(recent) < len(replay_server.scenario.sru_records)


def test_a_record_changed_after_younger_ones_is_found(replay_server: ReplayServer) -> None:
    """SRU sorts by document date, not by change time: a verslag dated 20 November but published
    on the 27th comes after a brief dated and published on the 24th. A cursor of the 25th must
    still find the verslag (an older version of this code stopped at the brief)."""
    records = replay_server.scenario.sru_records
    records.clear()
    for ident, day, changed in [
        ("kst-32317-990", "2025-11-24", "2025-11-24"),  # before the cursor: not listed
        ("kst-32317-989", "2025-11-20", "2025-11-27"),  # late: listed
        ("kst-32317-988", "2025-11-18", "2025-11-18"),
        ("kst-32317-980", "2025-10-10", "2025-10-10"),  # dated past the floor: paging ends
        ("kst-32317-970", "2025-09-01", "2025-11-30"),  # changed far later: only a backfill
        ("kst-32317-960", "2025-08-01", "2025-08-01"),
    ]:
        nr = ident.rsplit("-", 1)[1]
        records.append(SruRecord(ident, "Brief", "Brief", "32317", nr, changed, None, date=day))
    cfg = replay_server.config("v5", JBZ_KOOP_PAGE_SIZE="2", JBZ_CURSOR_OVERLAP_HOURS="0")
    with HttpClient(cfg) as client:
        found = [r.koop_id for r in iter_koop_records(client, cfg, since="2025-11-25")]
        asked = replay_server.requests_matching(r"^/sru\?")
        everything = [r.koop_id for r in iter_koop_records(client, cfg)]
    assert found == ["kst-32317-989"]
    assert len(asked) == 2  # the page holding 10 October ends it; 1 September is not read
    assert "kst-32317-970" in everything  # a backfill (no cursor) reads all


def test_an_unknown_sru_index_is_a_diagnostic_error(replay_server: ReplayServer) -> None:
    cfg = replay_server.config("v5")
    params = {"query": "w.dossiernummer==32317 AND dt.modified>=2025-01-01", "startRecord": "1"}
    with HttpClient(cfg) as client:
        body = client.get(cfg.koop_sru_url, params).data  # HTTP 200, the error inside
    with pytest.raises(BadResponse, match=r"SRU diagnostic: Unsupported index \(dt.modified\)"):
        parse_sru_page(body, cfg)


def test_koop_titles_in_their_real_form_are_classified(replay_server: ReplayServer) -> None:
    """ "JBZ-Raad; Brief regering; Geannoteerde agenda …": the agenda letters and Council reports
    came out as `other` (never fetched) when the title was classified from its start."""
    cfg = replay_server.config("v5")
    with HttpClient(cfg) as client:
        records = {r.ondernummer: r for r in iter_koop_records(client, cfg)}
        agenda = records["907"]
        assert (
            agenda.kind == KIND_AGENDA and agenda.title and agenda.title.startswith("Geannoteerde")
        )
        assert records["925"].kind == KIND_COUNCIL_REPORT and records["909"].kind == KIND_VERSLAG
        assert records["956"].kind == "other"  # "JBZ-Raad; Motie; Motie van …"
        got = next(iter_fetch_outcomes(client, cfg, [agenda]))
    assert got.ok and got.file and got.file.fmt == "xml"
    # fetched through the redirect to the repository host
    assert any(e.path.startswith("/officielepublicaties/kst-32317-907/") for e in replay_server.log)


def test_pdf_when_there_is_no_xml_and_fout404_is_not_found(replay_server: ReplayServer) -> None:
    cfg = replay_server.config("v5")
    title = "Verslag van de Raad Algemene Zaken van 19 maart 2024"
    replay_server.scenario.sru_records.append(
        SruRecord("kst-21501-02-2842", title, "Brief", "21501-02", "2842", "2024-03-25", None,
                  dossier_title="Raad Algemene Zaken", title_type="Brief regering")
    )  # fmt: skip
    with HttpClient(cfg) as client:
        (rec,) = list(iter_koop_records(client, cfg, "21501-02"))
        assert (rec.kind, rec.dossier, rec.dossier_number, rec.toevoeging) == (
            KIND_COUNCIL_REPORT, "21501-02", 21501, "02")  # fmt: skip
        assert rec.file_url and rec.file_url.endswith(".pdf")
        assert next(iter_fetch_outcomes(client, cfg, [rec])).file.fmt == "pdf"  # type: ignore[union-attr]
        # an XML the record lists but KOOP does not serve (fout404): the PDF it also lists
        listed = dataclasses.replace(rec, file_url=f"{cfg.koop_base_url}/kst-0-0.xml")
        (fallback,) = list(iter_fetch_outcomes(client, cfg, [listed]))
        assert fallback.file and fallback.file.fmt == "pdf"
        # nothing else listed: the fout404 is the record's error
        missing = dataclasses.replace(listed, raw_json=None)
        (outcome,) = list(iter_fetch_outcomes(client, cfg, [missing]))
    assert isinstance(outcome.error, SoftNotFound) and "fout404" in str(outcome.error)


def test_soft_404_on_a_koop_file_fails_only_that_document(replay_server: ReplayServer) -> None:
    cfg = replay_server.config("v5")
    with HttpClient(cfg) as client:
        records = list(iter_koop_records(client, cfg))[:8]
        target = records[2]
        # every manifestation of it (XML, then PDF, then HTML) ends on an error page
        replay_server.inject(Fault("error_redirect", rf"/{target.koop_id}\.", times=99))
        outcomes = list(iter_fetch_outcomes(client, cfg, records))
    failed = [o for o in outcomes if not o.ok]
    assert [o.record.koop_id for o in failed] == [target.koop_id]
    assert isinstance(failed[0].error, SoftNotFound)
    assert failed[0].error.document_id == target.document_id
    assert any(e.path == "/foutpagina" for e in replay_server.log)  # the redirect was followed


def test_sru_html_or_malformed_answer_is_an_error(replay_server: ReplayServer) -> None:
    cfg = replay_server.config("v5", JBZ_HTTP_RETRIES="1")
    replay_server.inject(Fault("html200", r"^/sru", times=99))
    with HttpClient(cfg) as client, pytest.raises(BadResponse, match="HTML"):
        list(iter_koop_records(client, cfg))
    replay_server.inject(Fault("truncated", r"^/sru", times=99))
    with HttpClient(cfg) as client, pytest.raises(SourceUnavailable, match="truncated"):
        list(iter_koop_records(client, cfg))
    replay_server.inject(Fault("truncated", r"^/sru", times=1))
    with HttpClient(cfg) as client:
        every = replay_server.scenario.sru_records  # Eerste Kamer included (JBZ_INCLUDE_EK)
        assert len(list(iter_koop_records(client, cfg))) == len(every)  # retried, then whole


def test_the_real_gzd_record_is_read() -> None:
    cfg = load_config({})
    gzd = SafeET.fromstring((SAMPLES / "koop_sru_gzd_record_example_gmb.xml").read_bytes())
    rec = read_koop_record(gzd, cfg)
    assert rec.koop_id == "gmb-2023-174296" and rec.source == "koop"
    assert rec.file_url == (
        "https://repository.overheid.nl/frbr/officielepublicaties/gmb/2023/gmb-2023-174296/1/xml/"
        "gmb-2023-174296.xml"
    )
    assert rec.modified_at is not None and rec.modified_at.isoformat().startswith(
        "2023-04-20T09:21"
    )
    assert rec.title and rec.title.startswith("Ingekomen melding")


def test_sru_diagnostic_is_an_error() -> None:
    body = (
        b'<sru:searchRetrieveResponse xmlns:sru="http://docs.oasis-open.org/ns/search-ws/'
        b'sruResponse"><sru:numberOfRecords>0</sru:numberOfRecords><sru:diagnostics>'
        b"<diag:diagnostic xmlns:diag='http://docs.oasis-open.org/ns/search-ws/diagnostic'>"
        b"<diag:message>Query syntax error</diag:message></diag:diagnostic></sru:diagnostics>"
        b"</sru:searchRetrieveResponse>"
    )
    with pytest.raises(BadResponse, match="Query syntax error"):
        parse_sru_page(body, load_config({}))


def test_an_sru_record_with_an_unreadable_date_is_a_bad_response() -> None:
    record = (SAMPLES / "koop_sru_gzd_record_example_gmb.xml").read_bytes()
    broken = record.replace(b"<date>2023-04-20</date>", b"<date>20 april 2023</date>")
    assert broken != record
    with pytest.raises(BadResponse, match="unreadable SRU record gmb-2023-174296"):
        read_koop_record(SafeET.fromstring(broken), load_config({}))
