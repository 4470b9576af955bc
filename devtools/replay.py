"""A local replay of the public sources on a real socket (127.0.0.1, ephemeral port).

Serves a Scenario (devtools/replay_data.py) as the TK OData API v4 (`/OData/v4/2.0`) and v5
(`/OData/v5`, v4 payloads with the v5 renames), the KOOP SRU endpoint (`/sru`) and KOOP files
(`/frbr/…`, `/koop/<id>.xml`). Keeps a request log and injects one fault at a time, targeted at
a path pattern. Used by tests, `jbz demo` and bench/sync.py.
"""

import re
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from devtools.replay_data import Scenario, load_sample_scenario, v5_metadata
from devtools.replay_odata import ERROR_TYPE, collection_page, error_body
from devtools.replay_schema import Schema, read_schema
from devtools.replay_sru import sru_response
from flows.config import Config, load_config

JSON_TYPE = "application/json;odata.metadata=minimal;odata.streaming=true;charset=utf-8"
TK_BASES = {"/OData/v4/2.0": "v4", "/OData/v5": "v5"}
FAULT_KINDS = (
    "500", "503", "429", "timeout", "reset", "truncated", "html200", "error_redirect",
    "foreign_redirect", "wrong_content_type", "oversize", "oversize_stream", "malformed_json",
)  # fmt: skip
ERROR_PAGE = b"<!DOCTYPE html><html><head><title>Pagina niet gevonden</title></head><body>" + (
    b"<h1>Er is iets misgegaan</h1><p>De pagina kon niet worden gevonden.</p></body></html>"
)
FOREIGN_HOST = "http://elders.example.invalid"
# KOOP's files redirect to repository.officiele-overheidspublicaties.nl; here the second host is
# "localhost" (same server, another host name): a client must allow it to follow the redirect
KOOP_FILE_HOST = "localhost"
PAGE_SIZE = 250  # the live API's page size


@dataclass
class Fault:
    """One injected fault: applies to the next `times` requests whose path+query match `pattern`."""

    kind: str
    pattern: str = ""
    times: int = 1
    retry_after: float = 1.0  # 503/429
    delay: float = 3.0  # timeout: sleep longer than the client's read timeout
    size: int = 60 * 1024 * 1024  # oversize bodies

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault {self.kind!r}; one of {FAULT_KINDS}")


@dataclass(frozen=True)
class LoggedRequest:
    path: str
    query: dict[str, str]
    at: float  # time.monotonic()
    fault: str | None
    user_agent: str = ""
    target: str = ""  # unquoted "path?query", what fault and log patterns are matched against


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str = "application/octet-stream"
    headers: dict[str, str] = field(default_factory=dict)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"  # one request per connection: close-delimited bodies work

    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        replay: ReplayServer = self.server.replay  # type: ignore[attr-defined]
        replay.handle(self)

    def log_message(self, format: str, *args: Any) -> None:
        return  # the ReplayServer keeps its own log


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request: Any, client_address: Any) -> None:
        return  # clients hanging up on injected faults are expected


def _send(h: BaseHTTPRequestHandler, r: Reply, length: int | None = None) -> None:
    h.send_response(r.status)
    h.send_header("Content-Type", r.content_type)
    for k, v in r.headers.items():
        h.send_header(k, v)
    h.send_header("Content-Length", str(len(r.body) if length is None else length))
    h.end_headers()
    h.wfile.write(r.body)


class ReplayServer:
    def __init__(self, scenario: Scenario | None = None, *, page_size: int = PAGE_SIZE) -> None:
        self.scenario = scenario if scenario is not None else load_sample_scenario()
        self.page_size = page_size
        self.log: list[LoggedRequest] = []
        self._fault: Fault | None = None
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.replay = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> "ReplayServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> "ReplayServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def tk_url(self, version: str = "v5") -> str:
        return self.base_url + next(b for b, v in TK_BASES.items() if v == version)

    def env(self, version: str = "v5") -> dict[str, str]:
        """JBZ_* variables pointing every source here, with fast HTTP knobs."""
        return {
            "JBZ_TK_ODATA_URL": self.tk_url(version),
            "JBZ_TK_API_VERSION": version,
            "JBZ_KOOP_SRU_URL": f"{self.base_url}/sru",
            "JBZ_KOOP_BASE_URL": f"{self.base_url}/koop",
            "JBZ_ALLOWED_HOSTS": KOOP_FILE_HOST,
            "JBZ_POLITENESS_DELAY_SECONDS": "0",
            "JBZ_HTTP_BACKOFF_SECONDS": "0.01",
            "JBZ_HTTP_BACKOFF_MAX_SECONDS": "0.05",
            "JBZ_HTTP_CONNECT_TIMEOUT_SECONDS": "2",
            "JBZ_HTTP_READ_TIMEOUT_SECONDS": "1",
        }

    def config(self, version: str = "v5", **overrides: str) -> Config:
        """A Config for this server; overrides are env var names, e.g. JBZ_HTTP_RETRIES="1"."""
        return load_config(self.env(version) | {k: str(v) for k, v in overrides.items()})

    def inject(self, fault: Fault) -> None:
        with self._lock:
            self._fault = fault

    def clear_fault(self) -> None:
        with self._lock:
            self._fault = None

    def clear_log(self) -> None:
        with self._lock:
            self.log.clear()

    def requests_matching(self, pattern: str) -> list[LoggedRequest]:
        """Logged requests whose unquoted "path?query" matches the regex `pattern`."""
        rx = re.compile(pattern)
        with self._lock:
            entries = list(self.log)
        return [e for e in entries if rx.search(e.target)]

    def _take_fault(self, target: str) -> Fault | None:
        with self._lock:
            f = self._fault
            if f is None or f.times <= 0 or not re.search(f.pattern, target):
                return None
            f.times -= 1
            return f

    def handle(self, h: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(h.path)
        path, query = unquote(parts.path), dict(parse_qsl(parts.query, keep_blank_values=True))
        target = path + "?" + unquote(parts.query)
        fault = self._take_fault(target)
        with self._lock:
            self.log.append(
                LoggedRequest(
                    path,
                    query,
                    time.monotonic(),
                    fault.kind if fault else None,
                    h.headers.get("User-Agent", ""),
                    target,
                )
            )
        if fault is not None and self._apply_fault(h, fault, path, query):
            return
        _send(h, self.route(path, query))

    def _apply_fault(
        self, h: BaseHTTPRequestHandler, f: Fault, path: str, query: dict[str, str]
    ) -> bool:
        """Answer with the fault; False when the normal reply follows (after a delay)."""
        k = f.kind
        if k in ("500", "503", "429"):
            hdr = {} if k == "500" else {"Retry-After": str(int(f.retry_after))}
            _send(h, Reply(int(k), b"Service unavailable", "text/plain", hdr))
        elif k == "timeout":
            time.sleep(f.delay)
            return False
        elif k == "reset":
            h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            h.connection.close()
        elif k in ("html200", "error_redirect", "foreign_redirect"):
            if k == "html200":
                _send(h, Reply(200, ERROR_PAGE, "text/html; charset=utf-8"))
            else:
                target = "/foutpagina?status=404" if k == "error_redirect" else FOREIGN_HOST + path
                _send(h, Reply(302, b"", "text/plain", {"Location": target}))
        elif k == "truncated":
            r = self.route(path, query)
            _send(h, Reply(r.status, r.body[: len(r.body) // 2], r.content_type), len(r.body))
        elif k == "wrong_content_type":
            r = self.route(path, query)
            _send(h, Reply(r.status, r.body, "text/plain; charset=utf-8"))
        elif k == "malformed_json":
            _send(h, Reply(200, b'{"value": [{"Id": "1e3fec45-', JSON_TYPE))
        else:  # oversize (declared) / oversize_stream (no Content-Length, bytes keep coming)
            self._oversize(h, f.size, declared=k == "oversize")
        return True

    def _oversize(self, h: BaseHTTPRequestHandler, size: int, declared: bool) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/pdf")
        if declared:
            h.send_header("Content-Length", str(size))
        h.end_headers()
        chunk, sent = b"%PDF-1.4\n" + b"0" * (64 * 1024 - 9), 0
        try:
            while sent < size:
                h.wfile.write(chunk)
                sent += len(chunk)
        except OSError:
            return  # the client stopped reading: that is the point

    def route(self, path: str, query: dict[str, str]) -> Reply:
        for base, version in TK_BASES.items():
            if path.startswith(base + "/"):
                return self._tk(version, path[len(base) + 1 :], query)
        if path.rstrip("/") == "/sru":
            return Reply(200, sru_response(self.scenario, query, self.base_url), "text/xml")
        if path.startswith(("/frbr/", "/koop/")):
            return self._koop_redirect(path)
        if path.startswith("/officielepublicaties/"):
            return self._koop_file(path)
        if path in ("/foutpagina", "/fout404"):
            return Reply(200, ERROR_PAGE, "text/html; charset=utf-8")
        return Reply(404, b"Not found", "text/plain")

    def _koop_redirect(self, path: str) -> Reply:
        """zoek.officielebekendmakingen.nl/<id>.<ext> redirects to the repository host, and a
        file that does not exist there to an error page at `fout404` (status 200)."""
        name = path.rsplit("/", 1)[1]
        ident, _, ext = name.rpartition(".")
        if not any(r.identifier == ident for r in self.scenario.sru_records):
            return Reply(302, b"", "text/plain", {"Location": "/fout404"})
        port = self._server.server_address[1]
        target = f"http://{KOOP_FILE_HOST}:{port}/officielepublicaties/{ident}/{ident}.{ext}"
        return Reply(302, b"", "text/plain", {"Location": target})

    def _koop_file(self, path: str) -> Reply:
        ident, _, ext = path.rsplit("/", 1)[1].rpartition(".")
        for rec in self.scenario.sru_records:
            if rec.identifier == ident:
                if ext == "xml" and rec.xml:
                    return Reply(200, rec.xml, "application/xml")
                if ext == "pdf":
                    return Reply(200, rec.pdf(), "application/pdf")
        return Reply(302, b"", "text/plain", {"Location": "/fout404"})

    def metadata(self, version: str) -> bytes:
        sc = self.scenario
        return sc.metadata_v4 if version == "v4" else v5_metadata(sc.metadata_v4, sc.dropped_fields)

    def schema(self, version: str) -> Schema:
        return read_schema(self.metadata(version))

    def _tk(self, version: str, rest: str, query: dict[str, str]) -> Reply:
        sc = self.scenario
        if rest == "$metadata":
            return Reply(200, self.metadata(version), "application/xml")
        if rest in ("Document", "DocumentPublicatie", "Fractie"):
            url, schema = self.tk_url(version) + "/" + rest, self.schema(version)
            status, body = collection_page(sc, schema, query, self.page_size, url, rest)
            return Reply(status, body, JSON_TYPE if status == 200 else ERROR_TYPE)
        m = re.fullmatch(r"Document\(([-0-9a-fA-F]+)\)/[Rr]esource", rest)
        if m and m.group(1) in sc.docs and not sc.docs[m.group(1)].deleted:
            return self._resource(m.group(1), rest)
        m = re.fullmatch(r"DocumentPublicatie\(([-0-9a-fA-F]+)\)/[Rr]esource", rest)
        if m and m.group(1) in sc.publications:
            return Reply(200, sc.publications[m.group(1)], "application/xml")
        return Reply(404, error_body(f"No HTTP resource was found for '{rest}'."), ERROR_TYPE)

    def _resource(self, doc_id: str, rest: str) -> Reply:
        """A document's file, or the way the live API fails to serve one (Scenario.resource_faults):
        204 without a body, a 404 or a status-200 JSON error (both OData error bodies, as a TK issue
        shows), or a body shorter than the ContentLength the record announces."""
        sc = self.scenario
        fault = sc.resource_faults.get(doc_id)
        if fault == "204":
            return Reply(204, b"", "text/plain")
        if fault in ("404", "json200"):
            body = error_body(f"No HTTP resource was found for '{rest}'.")
            return Reply(404 if fault == "404" else 200, body, ERROR_TYPE)
        data, ctype = sc.body(doc_id), str(sc.docs[doc_id].raw["ContentType"])
        return Reply(200, data[: len(data) // 2] if fault == "short" else data, ctype)


def start_replay(scenario: Scenario | None = None, *, page_size: int = PAGE_SIZE) -> ReplayServer:
    """Start a replay server (stop it with .stop(), or use it as a context manager)."""
    return ReplayServer(scenario, page_size=page_size).start()
