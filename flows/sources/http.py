"""The one HTTP client of the project: every request to a public source goes through `HttpClient`.

Timeouts, retries with exponential backoff and jitter on 429/5xx/connection errors (honouring
Retry-After), a politeness delay between requests, a User-Agent with contact, a host allowlist
checked on every redirect hop (redirects are followed by hand), a maximum body size (declared and
while streaming), sha256 while streaming, and soft-404 detection (an HTML page where a file was
expected). Errors are `SourceError`s with a plain message.
"""

import copy
import dataclasses
import email.utils
import hashlib
import json
import random
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests

from contract.clock import utc_now
from contract.errors import JbzError
from flows.config import Config
from flows.sources.formats import sniff

REDIRECTS = (301, 302, 303, 307, 308)
MAX_REDIRECTS = 5
CHUNK = 64 * 1024
ERROR_PAGE_MARK = "fout404"
ERROR_BODY_CHARS = 300  # of an OData error message quoted in an error


class SourceError(JbzError):
    """A source answered something we cannot use, or could not be asked. Plain-language message."""

    def __init__(
        self,
        message: str,
        *,
        url: str | None = None,
        status: int | None = None,
        document_id: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.url = url
        self.status = status
        self.document_id = document_id

    def for_document(self, document_id: str) -> "SourceError":
        """The same error, reported against one document."""
        err = copy.copy(self)
        err.document_id = document_id
        return err

    def __str__(self) -> str:
        where = f" ({self.url})" if self.url else ""
        who = f"{self.document_id}: " if self.document_id else ""
        return f"{who}{self.message}{where}"


class SourceUnavailable(SourceError):
    """The source could not be reached at all (connection errors, 5xx/429) after all retries."""


class HostNotAllowed(SourceError):
    """A URL or a redirect pointed at a host outside the allowlist."""


class SoftNotFound(SourceError):
    """An error page (HTML, status 200 or after a redirect) where a file was expected; or a 404."""


class TooLarge(SourceError):
    """The body is larger than JBZ_MAX_FILE_BYTES."""


class BadResponse(SourceError):
    """Wrong content type, malformed JSON or an unexpected status."""


@dataclass(frozen=True)
class Download:
    data: bytes
    sha256: str
    url: str  # final URL after redirects
    content_type: str | None
    status: int
    fmt: str | None = None  # sniffed once by get_file: pdf | docx | doc | xml | html | txt


class _Retryable(Exception):
    def __init__(self, reason: str, retry_after: float | None = None, status: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after
        self.status = status


def describe_connection_error(e: Exception) -> str:
    """Plain words for a requests connection/timeout error (its own text is a long repr)."""
    text = str(e)
    if isinstance(e, requests.ConnectTimeout):
        return "connecting timed out"
    if isinstance(e, requests.ReadTimeout) or "Read timed out" in text:
        return "no answer in time (read timeout)"
    for needle, words in (
        ("NameResolution", "host name not found"),
        ("Name or service not known", "host name not found"),
        ("Connection refused", "connection refused"),
        ("reset by peer", "connection reset"),
        ("RemoteDisconnected", "the server closed the connection"),
        ("IncompleteRead", "body truncated (fewer bytes than announced)"),
    ):
        if needle in text:
            return words
    return f"connection failed ({type(e).__name__})"


def error_message(resp: requests.Response) -> str:
    """': <what the server said>' from an error body (the OData `error.message`, else the start
    of the text), '' when it said nothing readable. Closes the response."""
    with resp:
        try:
            head = next(resp.iter_content(8 * 1024), b"")
        except requests.RequestException:
            return ""
    text = head.decode("utf-8", "replace").strip()
    try:
        body = json.loads(text)
        error = body.get("error") if isinstance(body, dict) else None
        inner = error.get("message") if isinstance(error, dict) else None
        if isinstance(inner, dict):  # OData v3 shape: {"message": {"value": "…"}}
            inner = inner.get("value")
        text = str(inner) if inner else text
    except ValueError:
        pass
    text = " ".join(text.split())[:ERROR_BODY_CHARS]
    return f": the server says {text!r}" if text else ""


def json_error(dl: "Download") -> str | None:
    """': <message>' when a file download is a JSON document (an error body, never a file:
    SOURCES.md section 5), else None. Only bodies that start like JSON are parsed."""
    head = dl.data[:64].lstrip()[:1]
    if head not in (b"{", b"[") and "json" not in (dl.content_type or "").lower():
        return None
    try:
        value = json.loads(dl.data)
    except ValueError:
        return None
    error = value.get("error") if isinstance(value, dict) else None
    message = error.get("message") if isinstance(error, dict) else None
    return f": the server says {str(message)[:ERROR_BODY_CHARS]!r}" if message else ""


def parse_retry_after(value: str | None) -> float | None:
    """Retry-After as seconds (delta-seconds or an HTTP date); None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - utc_now()).total_seconds())


class HttpClient:
    """One requests.Session with the project's rules. Thread-safe counters; use as a context."""

    def __init__(self, cfg: Config, session: requests.Session | None = None) -> None:
        self.cfg = cfg
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = cfg.user_agent
        self.request_count = 0  # every request sent, including retries and redirect hops
        self.retry_count = 0
        self._lock = threading.Lock()
        self._next_at = 0.0

    def __enter__(self) -> "HttpClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.session.close()

    def get_json(self, url: str, params: Mapping[str, str] | None = None) -> dict[str, Any]:
        """GET a JSON object; wrong content type or malformed JSON is a BadResponse."""
        dl = self.get(url, params, accept="application/json")
        ctype = (dl.content_type or "").lower()
        if "json" not in ctype:
            raise BadResponse(f"expected JSON but the server sent {ctype or 'no type'}", url=dl.url)
        try:
            value = json.loads(dl.data)
        except ValueError as e:
            raise BadResponse(f"malformed JSON: {e}", url=dl.url) from e
        if not isinstance(value, dict):
            raise BadResponse("expected a JSON object", url=dl.url)
        return value

    def get_file(
        self, url: str, params: Mapping[str, str] | None = None, *, allow_html: bool = False
    ) -> Download:
        """GET a document file; an HTML page instead (200, or after a redirect) is a soft 404,
        unless an HTML publication was asked for (allow_html); an error page never passes."""
        dl = self.get(url, params)
        if ERROR_PAGE_MARK in dl.url:  # KOOP's missing files end on …/fout404 (tkconv)
            raise SoftNotFound(f"redirected to an error page from {url}", url=dl.url)
        if dl.status == 204 or not dl.data:  # tkapi: 204 means "does not exist"
            raise SoftNotFound(f"no content (HTTP {dl.status})", url=dl.url)
        said = json_error(dl)
        if said is not None:  # a permanently missing TK resource: "a kind of 404 in JSON", 200
            why = f"a JSON body instead of a file (HTTP {dl.status}){said}"
            raise SoftNotFound(why, url=dl.url)
        # sniffed once here; the format travels on with the bytes (FetchedFile.fmt, the parser)
        dl = dataclasses.replace(dl, fmt=sniff(dl.data))
        # error pages of both sources are HTML; the parsers' sniffer recognises them
        if allow_html and urlsplit(dl.url).path.lower().endswith((".html", ".htm")):
            return dl  # an HTML publication; an error page a redirect ended on is not one
        if dl.fmt == "html" or "text/html" in (dl.content_type or "").lower():
            moved = f" after a redirect from {url}" if dl.url != url else ""
            raise SoftNotFound(f"got an HTML page instead of a file{moved}", url=dl.url)
        return dl

    def get(
        self, url: str, params: Mapping[str, str] | None = None, *, accept: str = "*/*"
    ) -> Download:
        """GET with retries; raise SourceUnavailable when retries run out."""
        last, last_status = "no attempt", None
        for attempt in range(self.cfg.retries + 1):
            try:
                return self._get_once(url, params, accept)
            except _Retryable as r:
                last, last_status = r.reason, r.status
                if attempt == self.cfg.retries:
                    break
                wait = r.retry_after if r.retry_after is not None else self._backoff(attempt)
                if wait > self.cfg.retry_after_max_seconds:
                    raise SourceUnavailable(
                        f"{r.reason}; the server asks to wait {wait:.0f} s",
                        url=url,
                        status=r.status,
                    ) from None
                with self._lock:
                    self.retry_count += 1
                time.sleep(wait)
        tries = self.cfg.retries + 1
        raise SourceUnavailable(
            f"unreachable after {tries} attempts: {last}", url=url, status=last_status
        )

    def _backoff(self, attempt: int) -> float:
        delay = min(self.cfg.backoff_max_seconds, self.cfg.backoff_seconds * 2**attempt)
        return random.uniform(delay / 2, delay)  # jitter: spread clients that failed together

    def _check_host(self, url: str, origin: str) -> None:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        via = f" (redirected from {origin})" if origin != url else ""
        if host not in self.cfg.allowed_hosts:
            raise HostNotAllowed(f"host {host or '?'} is not in the allowlist{via}", url=url)
        # requests raises its own InvalidSchema (no SourceError) for e.g. ftp:// on an allowed host
        if parts.scheme.lower() not in ("http", "https"):
            raise HostNotAllowed(f"scheme {parts.scheme or '?'} is not allowed{via}", url=url)

    def _polite_wait(self) -> None:
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next_at)
            self._next_at = start + self.cfg.politeness_delay_seconds
            self.request_count += 1
        if start > now:
            time.sleep(start - now)

    def _get_once(self, url: str, params: Mapping[str, str] | None, accept: str) -> Download:
        current, query = url, params
        for _hop in range(MAX_REDIRECTS + 1):
            self._check_host(current, url)
            resp = self._send(current, query, accept)
            if resp.status_code not in REDIRECTS:
                return self._read(resp)
            location = resp.headers.get("Location")
            resp.close()
            if not location:
                raise BadResponse(f"redirect {resp.status_code} without Location", url=current)
            current, query = urljoin(resp.url, location), None
        raise BadResponse(f"more than {MAX_REDIRECTS} redirects", url=url)

    def _send(self, url: str, params: Mapping[str, str] | None, accept: str) -> requests.Response:
        self._polite_wait()
        timeout = (self.cfg.connect_timeout_seconds, self.cfg.read_timeout_seconds)
        try:
            resp = self.session.get(
                url,
                params=params,
                headers={"Accept": accept},
                stream=True,
                allow_redirects=False,
                timeout=timeout,
            )
        except (requests.ConnectionError, requests.Timeout) as e:
            raise _Retryable(describe_connection_error(e)) from e
        status = resp.status_code
        if status == 429 or status >= 500:
            retry_after = parse_retry_after(resp.headers.get("Retry-After"))
            resp.close()
            raise _Retryable(f"HTTP {status}", retry_after, status)
        if status == 404 or status == 410:
            said = error_message(resp)
            raise SoftNotFound(f"not found (HTTP {status}){said}", url=resp.url, status=status)
        if status >= 400 or (status >= 300 and status not in REDIRECTS) or status < 200:
            said = error_message(resp)
            raise BadResponse(f"unexpected HTTP {status}{said}", url=resp.url, status=status)
        return resp

    def _read(self, resp: requests.Response) -> Download:
        limit = self.cfg.max_file_bytes
        declared = resp.headers.get("Content-Length", "")
        with resp:
            if declared.isdigit() and int(declared) > limit:
                raise TooLarge(f"declared size {declared} bytes exceeds {limit}", url=resp.url)
            digest, parts, size = hashlib.sha256(), [], 0
            try:
                for chunk in resp.iter_content(CHUNK):
                    size += len(chunk)
                    if size > limit:
                        raise TooLarge(f"body exceeds {limit} bytes", url=resp.url)
                    digest.update(chunk)
                    parts.append(chunk)
            except (requests.ConnectionError, requests.Timeout) as e:
                raise _Retryable(f"body interrupted: {describe_connection_error(e)}") from e
            except requests.exceptions.ChunkedEncodingError as e:
                raise _Retryable("body truncated (fewer bytes than announced)") from e
            except requests.exceptions.ContentDecodingError as e:
                raise BadResponse(f"undecodable body: {e}", url=resp.url) from e
        return Download(
            data=b"".join(parts),
            sha256=digest.hexdigest(),
            url=resp.url,
            content_type=resp.headers.get("Content-Type"),
            status=resp.status_code,
        )
