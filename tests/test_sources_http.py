"""Injected faults against the real client over a real socket: each is retried or refused as it
should be, is reported against its document, and the other documents still load."""

from collections.abc import Iterator

import pytest

from contract.records import DocumentRecord
from devtools.replay import Fault, ReplayServer
from flows.config import Config
from flows.sources.http import (
    BadResponse,
    HostNotAllowed,
    HttpClient,
    SoftNotFound,
    SourceError,
    SourceUnavailable,
    TooLarge,
    parse_retry_after,
)
from flows.sources.tk_odata import iter_tk_documents
from tests.replay_fixtures import FetchOutcome, iter_fetch_outcomes, serve_samples

FAST = {
    "JBZ_HTTP_RETRIES": "2",
    "JBZ_HTTP_READ_TIMEOUT_SECONDS": "0.3",
    "JBZ_MAX_FILE_BYTES": "200000",
}


@pytest.fixture
def replay_server() -> Iterator[ReplayServer]:
    yield from serve_samples()


def setup(srv: ReplayServer) -> tuple[Config, list[DocumentRecord], DocumentRecord]:
    cfg = srv.config("v5", **FAST)
    with HttpClient(cfg) as client:
        records = list(iter_tk_documents(client, cfg, "32317", None))[:12]
    srv.clear_log()
    target = next(r for r in records if r.file_url and r.file_url.endswith("/resource"))
    return cfg, records, target


def fetch_with(srv: ReplayServer, fault: Fault) -> tuple[list[FetchOutcome], DocumentRecord, int]:
    cfg, records, target = setup(srv)
    fault.pattern = f"Document\\({target.source_id}\\)/resource"
    srv.inject(fault)
    with HttpClient(cfg) as client:
        outcomes = list(iter_fetch_outcomes(client, cfg, records))
        retries = client.retry_count
    return outcomes, target, retries


def assert_only_target_failed(outcomes: list[FetchOutcome], target: DocumentRecord) -> SourceError:
    failed = [o for o in outcomes if not o.ok]
    assert [o.record.document_id for o in failed] == [target.document_id]
    assert all(o.file is not None for o in outcomes if o.ok) and len(outcomes) == 12
    err = failed[0].error
    assert err is not None and err.document_id == target.document_id
    assert target.document_id in str(err)
    return err


@pytest.mark.parametrize("kind", ["500", "503", "429", "timeout", "reset", "truncated"])
def test_transient_fault_once_is_retried(replay_server: ReplayServer, kind: str) -> None:
    outcomes, target, retries = fetch_with(replay_server, Fault(kind, times=1, retry_after=0))
    assert all(o.ok for o in outcomes)
    assert retries == 1
    hits = replay_server.requests_matching(f"Document\\({target.source_id}\\)/resource")
    assert [h.fault for h in hits] == [kind, None]


@pytest.mark.parametrize("kind", ["500", "503", "429", "timeout", "reset", "truncated"])
def test_persistent_fault_fails_only_its_document(replay_server: ReplayServer, kind: str) -> None:
    outcomes, target, retries = fetch_with(replay_server, Fault(kind, times=99, retry_after=0))
    err = assert_only_target_failed(outcomes, target)
    assert isinstance(err, SourceUnavailable)
    assert err.status == (int(kind) if kind.isdigit() else None)  # the last answer's status
    assert retries == 2  # JBZ_HTTP_RETRIES


@pytest.mark.parametrize(
    ("kind", "error"),
    [
        ("html200", SoftNotFound),
        ("error_redirect", SoftNotFound),
        ("foreign_redirect", HostNotAllowed),
        ("oversize", TooLarge),
        ("oversize_stream", TooLarge),
    ],
)
def test_refused_fault_is_not_retried(
    replay_server: ReplayServer, kind: str, error: type[SourceError]
) -> None:
    outcomes, target, retries = fetch_with(replay_server, Fault(kind, times=99, size=1_000_000))
    err = assert_only_target_failed(outcomes, target)
    assert isinstance(err, error), err
    assert retries == 0
    assert len(replay_server.requests_matching(f"Document\\({target.source_id}\\)")) == 1
    assert not replay_server.requests_matching("elders")  # the foreign host is never asked


def test_wrong_content_type_on_a_file_is_ignored_bytes_decide(replay_server: ReplayServer) -> None:
    outcomes, target, _ = fetch_with(replay_server, Fault("wrong_content_type", times=99))
    assert all(o.ok for o in outcomes)
    got = next(o for o in outcomes if o.record == target).file
    assert got is not None and got.content_type and got.content_type.startswith("text/plain")
    recorded_type = str(replay_server.scenario.docs[target.source_id].raw["ContentType"])
    assert got.fmt == ("docx" if "wordprocessingml" in recorded_type else "pdf")


@pytest.mark.parametrize(
    ("kind", "error"),
    [
        ("wrong_content_type", BadResponse),
        ("html200", BadResponse),
        ("malformed_json", BadResponse),
        ("503", SourceUnavailable),
        ("foreign_redirect", HostNotAllowed),
    ],
)
def test_listing_faults(replay_server: ReplayServer, kind: str, error: type[SourceError]) -> None:
    cfg = replay_server.config("v4", **FAST)
    replay_server.inject(Fault(kind, r"/Document\?", times=99, retry_after=0))
    with HttpClient(cfg) as client, pytest.raises(error):
        list(iter_tk_documents(client, cfg, "32317", None))


def test_retry_after_is_honoured(replay_server: ReplayServer) -> None:
    cfg = replay_server.config("v5", **FAST)
    replay_server.inject(Fault("503", r"/Document\?", times=1, retry_after=1))
    with HttpClient(cfg) as client:
        assert len(list(iter_tk_documents(client, cfg, "32317", None))) > 100
    first, second = replay_server.requests_matching(r"/Document\?")[:2]
    assert first.fault == "503" and second.fault is None
    assert second.at - first.at >= 0.95


def test_too_long_retry_after_gives_up_at_once(replay_server: ReplayServer) -> None:
    cfg = replay_server.config("v5", JBZ_HTTP_RETRY_AFTER_MAX_SECONDS="5")
    replay_server.inject(Fault("429", r"/Document\?", times=99, retry_after=3600))
    with HttpClient(cfg) as client, pytest.raises(SourceUnavailable, match="wait 3600"):
        list(iter_tk_documents(client, cfg, "32317", None))
    assert len(replay_server.requests_matching(r"/Document\?")) == 1


def test_host_allowlist_and_user_agent(replay_server: ReplayServer) -> None:
    cfg = replay_server.config("v5", JBZ_CONTACT="data@example.org")
    with HttpClient(cfg) as client:
        with pytest.raises(HostNotAllowed):
            client.get("http://elders.example.invalid/Document")
        allowed_host = replay_server.base_url.split("//", 1)[1]
        with pytest.raises(HostNotAllowed, match="scheme ftp"):
            client.get(f"ftp://{allowed_host}/Document")
        assert client.request_count == 0
        client.get(f"{replay_server.tk_url('v5')}/$metadata")
    assert "data@example.org" in replay_server.log[-1].user_agent


def test_politeness_delay_spaces_requests(replay_server: ReplayServer) -> None:
    cfg = replay_server.config("v5", JBZ_POLITENESS_DELAY_SECONDS="0.2")
    with HttpClient(cfg) as client:
        for _ in range(3):
            client.get(f"{replay_server.tk_url('v5')}/$metadata")
    times = [e.at for e in replay_server.log]
    assert all(b - a >= 0.18 for a, b in zip(times, times[1:], strict=False))


def test_parse_retry_after() -> None:
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after(None) is None and parse_retry_after("soon") is None
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past


def test_backoff_grows_with_jitter_and_is_capped() -> None:
    from flows.config import load_config

    cfg = load_config({"JBZ_HTTP_BACKOFF_SECONDS": "1", "JBZ_HTTP_BACKOFF_MAX_SECONDS": "5"})
    client = HttpClient(cfg)
    for attempt, (low, high) in enumerate([(0.5, 1), (1, 2), (2, 4), (2.5, 5), (2.5, 5)]):
        waits = {client._backoff(attempt) for _ in range(50)}
        assert all(low <= w <= high for w in waits) and len(waits) > 1
    client.close()
