"""All settings in one place: source URLs, TK field names per API version, HTTP knobs.

Every setting comes from an environment variable (`jbz config` lists them). Tests and the demo
point the URLs at the local replay server (devtools/replay.py); nothing else changes.
"""

import os
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from contract import paths

DEFAULT_TK_ODATA_URL = "https://gegevensmagazijn.tweedekamer.nl/OData/v5"
DEFAULT_KOOP_SRU_URL = "https://repository.overheid.nl/sru"
DEFAULT_KOOP_BASE_URL = "https://zoek.officielebekendmakingen.nl"
API_VERSIONS = ("v4", "v5")
# KOOP files redirect there (tkconv fetches them from it directly)
KOOP_REDIRECT_HOST = "repository.officiele-overheidspublicaties.nl"
DOSSIER = re.compile(r"^(\d{4,6})(?:-([0-9A-Za-z]{1,6}))?$")


@dataclass(frozen=True)
class TkFieldNames:
    """Names of the `Document` fields that differ between TK OData versions.

    The v5 names come from a 2026 public client measured against the live v5 API; the full
    rename list is not public, so both are overridable by env var.
    """

    document_number: str  # v4 DocumentNummer, v5 Nummer (e.g. "2024D49082")
    ondernummer: str  # v4 Volgnummer, v5 Ondernummer (e.g. 909; -1 when not a Kamerstuk)


TK_FIELDS: dict[str, TkFieldNames] = {
    "v4": TkFieldNames(document_number="DocumentNummer", ondernummer="Volgnummer"),
    "v5": TkFieldNames(document_number="Nummer", ondernummer="Ondernummer"),
}


@dataclass(frozen=True)
class Config:
    tk_odata_url: str
    tk_api_version: str  # "v4" | "v5"
    tk_field_document_number: str
    tk_field_ondernummer: str
    koop_sru_url: str
    koop_base_url: str
    dossiers: tuple[str, ...]  # as printed: "32317", "21501-02"
    include_ek: bool
    db_path: str
    work_db_path: str
    contact: str
    schedule_cron: str
    timezone: str
    sweep_cron: str  # "off": no sweep schedule
    sweep_days: int
    connect_timeout_seconds: float
    read_timeout_seconds: float
    retries: int
    backoff_seconds: float
    backoff_max_seconds: float
    retry_after_max_seconds: float
    politeness_delay_seconds: float
    max_file_bytes: int
    extra_allowed_hosts: tuple[str, ...]
    cursor_overlap_hours: float
    tombstone_batch: int
    missing_after_days: int
    koop_page_size: int
    backfill_window_days: float
    backfill_start: str
    tk_metadata_max_age_hours: float

    @property
    def dossier(self) -> str:
        """The first dossier (the one a single-dossier command such as check-source uses)."""
        return self.dossiers[0]

    @property
    def tk_fields(self) -> TkFieldNames:
        return TkFieldNames(self.tk_field_document_number, self.tk_field_ondernummer)

    @property
    def allowed_hosts(self) -> frozenset[str]:
        """Hosts the client may talk to: those of the configured URLs plus JBZ_ALLOWED_HOSTS."""
        urls = (self.tk_odata_url, self.koop_sru_url, self.koop_base_url)
        hosts = {(urlsplit(u).hostname or "").lower() for u in urls}
        if "officielebekendmakingen.nl" in self.koop_base_url:
            hosts.add(KOOP_REDIRECT_HOST)
        hosts.update(h.lower() for h in self.extra_allowed_hosts)
        hosts.discard("")
        return frozenset(hosts)

    @property
    def user_agent(self) -> str:
        contact = f" (contact: {self.contact})" if self.contact else ""
        return f"jbz-warehouse/0.1{contact} python-requests"


def infer_api_version(url: str) -> str:
    """`…/OData/v4/2.0` is v4; anything else (the v5 default) is v5."""
    return "v4" if "/v4" in urlsplit(url).path.lower() else "v5"


def _version(v: str) -> str:
    if v not in API_VERSIONS:
        raise ValueError(f"must be one of {', '.join(API_VERSIONS)}")
    return v


def split_dossier(printed: str) -> tuple[int, str | None]:
    """ "21501-02" -> (21501, "02"); "32317" -> (32317, None). ValueError for anything else."""
    m = DOSSIER.match(printed.strip())
    if m is None:
        raise ValueError(f"{printed!r} is not a dossier number such as 32317 or 21501-02")
    return int(m.group(1)), m.group(2)


def _dossiers(v: str) -> tuple[str, ...]:
    found = tuple(dict.fromkeys(d.strip() for d in v.split(",") if d.strip()))
    if not found:
        raise ValueError("name at least one dossier")
    for d in found:
        split_dossier(d)
    return found


def _bool(v: str) -> bool:
    if v.lower() in ("1", "true", "yes", "on"):
        return True
    if v.lower() in ("0", "false", "no", "off"):
        return False
    raise ValueError("must be true or false")


def _day(v: str) -> str:
    return date.fromisoformat(v).isoformat()


def _hosts(v: str) -> tuple[str, ...]:
    return tuple(h.strip() for h in v.split(",") if h.strip())


def _bounded(kind: Callable[[str], Any], *, positive: bool) -> Callable[[str], Any]:
    """Parse with `kind` (int or float) and refuse negatives, and 0 too when `positive` (a
    negative retry count would send no request at all; requests refuses a timeout of 0)."""

    def parse(v: str) -> Any:
        x = kind(v)
        if not (x > 0 if positive else x >= 0):  # `not` also refuses nan
            raise ValueError("must be more than 0" if positive else "must not be negative")
        return x

    return parse


_TIMEOUT = _bounded(float, positive=True)
_SECONDS = _bounded(float, positive=False)
_COUNT = _bounded(int, positive=False)
_SIZE = _bounded(int, positive=True)


@dataclass(frozen=True)
class Setting:
    field: str
    env: str
    default: str | None  # None: derived from another setting (see _derived)
    parse: Callable[[str], Any]
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("tk_odata_url", "JBZ_TK_ODATA_URL", DEFAULT_TK_ODATA_URL, str, "TK OData base URL"),
    Setting("tk_api_version", "JBZ_TK_API_VERSION", None, _version, "v4 or v5 (default: from URL)"),
    Setting(
        "tk_field_document_number",
        "JBZ_TK_FIELD_DOCUMENT_NUMBER",
        None,
        str,
        "Document number field (v4 DocumentNummer, v5 Nummer)",
    ),
    Setting(
        "tk_field_ondernummer",
        "JBZ_TK_FIELD_ONDERNUMMER",
        None,
        str,
        "Kamerstuk number field (v4 Volgnummer, v5 Ondernummer)",
    ),
    Setting("koop_sru_url", "JBZ_KOOP_SRU_URL", DEFAULT_KOOP_SRU_URL, str, "KOOP SRU endpoint"),
    Setting("koop_base_url", "JBZ_KOOP_BASE_URL", DEFAULT_KOOP_BASE_URL, str, "KOOP files"),
    Setting(
        "dossiers",
        "JBZ_DOSSIERS",
        "32317",
        _dossiers,
        "Kamerstukdossiers to follow, comma-separated, as printed (32317,21501-02)",
    ),
    Setting("include_ek", "JBZ_INCLUDE_EK", "true", _bool, "also Eerste Kamer stukken (KOOP)"),
    Setting("db_path", paths.DB_ENV, str(paths.DEFAULT_DB), str, "the published warehouse"),
    Setting("work_db_path", paths.WORK_DB_ENV, None, str, "the warehouse the pipeline writes"),
    Setting("contact", "JBZ_CONTACT", "", str, "contact (e-mail/URL) sent in the User-Agent"),
    Setting("schedule_cron", "JBZ_SCHEDULE_CRON", "0 * * * 1-5", str, "ingest schedule"),
    Setting("timezone", "JBZ_TIMEZONE", "Europe/Amsterdam", str, "schedule time zone"),
    Setting("sweep_cron", "JBZ_SWEEP_CRON", "30 3 * * 0", str, "sweep schedule ('off': none)"),
    Setting("sweep_days", "JBZ_SWEEP_DAYS", "400", _SIZE, "days of each dossier a sweep re-lists"),
    Setting(
        "connect_timeout_seconds",
        "JBZ_HTTP_CONNECT_TIMEOUT_SECONDS",
        "10",
        _TIMEOUT,
        "TCP connect timeout",
    ),
    Setting(
        "read_timeout_seconds",
        "JBZ_HTTP_READ_TIMEOUT_SECONDS",
        "60",
        _TIMEOUT,
        "read timeout (between bytes)",
    ),
    Setting("retries", "JBZ_HTTP_RETRIES", "4", _COUNT, "retries on 429/5xx/connection errors"),
    Setting(
        "backoff_seconds",
        "JBZ_HTTP_BACKOFF_SECONDS",
        "1.0",
        _SECONDS,
        "first backoff delay (doubles each retry, with jitter)",
    ),
    Setting(
        "backoff_max_seconds",
        "JBZ_HTTP_BACKOFF_MAX_SECONDS",
        "60",
        _SECONDS,
        "longest backoff delay",
    ),
    Setting(
        "retry_after_max_seconds",
        "JBZ_HTTP_RETRY_AFTER_MAX_SECONDS",
        "300",
        _SECONDS,
        "longest Retry-After we wait for (longer: give up)",
    ),
    Setting(
        "politeness_delay_seconds",
        "JBZ_POLITENESS_DELAY_SECONDS",
        "0.25",
        _SECONDS,
        "minimum time between two requests",
    ),
    Setting(
        "max_file_bytes",
        "JBZ_MAX_FILE_BYTES",
        str(50 * 1024 * 1024),
        _SIZE,
        "largest response body accepted",
    ),
    Setting(
        "extra_allowed_hosts",
        "JBZ_ALLOWED_HOSTS",
        "",
        _hosts,
        "extra hosts allowed besides those of the URLs (comma-separated)",
    ),
    Setting(
        "cursor_overlap_hours",
        "JBZ_CURSOR_OVERLAP_HOURS",
        "24",
        _SECONDS,
        "re-list documents changed this long before the cursor",
    ),
    Setting(
        "tombstone_batch",
        "JBZ_TOMBSTONE_BATCH",
        "25",
        _SIZE,
        "at most this many ids per by-id query (fewer when the node limit says so)",
    ),
    Setting(
        "missing_after_days",
        "JBZ_MISSING_AFTER_DAYS",
        "14",
        _COUNT,
        "a file not served this long is reported missing at the source (retried weekly)",
    ),
    Setting("koop_page_size", "JBZ_KOOP_PAGE_SIZE", "100", _SIZE, "SRU maximumRecords"),
    Setting(
        "backfill_window_days",
        "JBZ_BACKFILL_WINDOW_DAYS",
        "180",
        _TIMEOUT,
        "a backfill lists the TK API in windows of this many days",
    ),
    Setting(
        "backfill_start",
        "JBZ_BACKFILL_START",
        "2008-01-01",
        _day,
        "where a backfill without --since starts (the API times, ApiGewijzigdOp)",
    ),
    Setting(
        "tk_metadata_max_age_hours",
        "JBZ_TK_METADATA_MAX_AGE_HOURS",
        "24",
        _SECONDS,
        "re-read the TK $metadata (field names) after this long, or after an HTTP 400",
    ),
)


def _derived(name: str, values: Mapping[str, Any]) -> Any:
    if name == "work_db_path":
        return str(paths.work_path({paths.DB_ENV: str(values["db_path"])}))
    if name == "tk_api_version":
        return infer_api_version(str(values["tk_odata_url"]))
    names = TK_FIELDS[str(values["tk_api_version"])]
    return names.document_number if name == "tk_field_document_number" else names.ondernummer


def load_config(env: Mapping[str, str] | None = None) -> Config:
    """Read every setting from `env` (default os.environ); raise ValueError on a bad value."""
    source = os.environ if env is None else env
    values: dict[str, Any] = {}
    for s in SETTINGS:
        raw = source.get(s.env, "").strip()
        try:
            if raw:
                values[s.field] = s.parse(raw)
            elif s.default is not None:
                values[s.field] = s.parse(s.default)
            else:
                values[s.field] = _derived(s.field, values)
        except ValueError as e:
            raise ValueError(f"{s.env}={raw!r} is not a valid value: {e}") from e
    values["tk_odata_url"] = str(values["tk_odata_url"]).rstrip("/")
    values["koop_base_url"] = str(values["koop_base_url"]).rstrip("/")
    return Config(**values)


def load_config_or_exit() -> Config:
    """For commands: a bad setting ends the command with one line naming the variable, exit 2."""
    try:
        return load_config()
    except ValueError as e:
        print(f"configuration error: {e}", file=sys.stderr)
        raise SystemExit(2) from None


assert {f.name for f in fields(Config)} == {s.field for s in SETTINGS}
