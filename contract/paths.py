"""Where the warehouse files are: the one rule, for the warehouse that opens them and for `jbz
config` that shows them. The published snapshot readers open (`JBZ_DB`, default
data/jbz.duckdb, relative to the working folder) and the working database the pipeline writes
(`JBZ_WORK_DB`, default beside the snapshot: data/jbz.work.duckdb)."""

import os
from collections.abc import Mapping
from pathlib import Path

DB_ENV, WORK_DB_ENV = "JBZ_DB", "JBZ_WORK_DB"
DEFAULT_DB = Path("data") / "jbz.duckdb"


def published_path(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    return Path(env.get(DB_ENV) or DEFAULT_DB)


def work_path(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    explicit = env.get(WORK_DB_ENV)
    if explicit:
        return Path(explicit)
    published = published_path(env)
    return published.with_name(f"{published.stem}.work{published.suffix}")
