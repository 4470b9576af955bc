"""Prefect environment defaults for the `jbz` commands; import this BEFORE importing prefect.

Prefect reads its settings once, when it is first imported, so the defaults must be in
`os.environ` by then: PREFECT_HOME in `.prefect/` of the working directory, beside `data/`
(git-ignored in a checkout; an installed package has no project folder), so state and caches
don't leak into ~/.prefect, and analytics off (offline machines otherwise log telemetry
errors and "database is locked" noise).
"""

import os
from pathlib import Path


def ensure_prefect_env() -> None:
    """Fill in defaults for variables the user did not set; never overrides a set value."""
    os.environ.setdefault("PREFECT_HOME", str(Path(".prefect").resolve()))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # `jbz ingest` without a server starts Prefect's temporary local API; its first start in a
    # fresh PREFECT_HOME runs the database migrations, 18-30 s here and more on a busy machine,
    # while Prefect gives up after 20 s by default ("Timed out while attempting to connect to
    # ephemeral Prefect API server"): seen in CI on a fresh clone.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")


ensure_prefect_env()
