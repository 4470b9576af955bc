"""`jbz config`: every setting, the variable that sets it, where its value came from."""

import argparse
import os

from flows.config import SETTINGS, Config, load_config_or_exit


def describe_config(cfg: Config) -> list[tuple[str, str, str, str]]:
    """(env var, value, source, help) for every setting; source is 'env', 'default' or 'derived'."""
    rows = []
    for s in SETTINGS:
        value = getattr(cfg, s.field)
        shown = ",".join(value) if isinstance(value, tuple) else str(value)
        origin = "env" if os.environ.get(s.env) else ("derived" if s.default is None else "default")
        rows.append((s.env, shown, origin, s.help))
    return rows


def cli_config(args: argparse.Namespace) -> int:
    """`jbz config`: every setting, the variable that sets it, and its value."""
    cfg = load_config_or_exit()
    rows = describe_config(cfg)
    width = max(len(r[0]) for r in rows)
    for env, value, origin, help_text in rows:
        print(f"{env:<{width}}  {value or '(empty)'}  [{origin}]  {help_text}")
    print(f"{'(allowed hosts)':<{width}}  {','.join(sorted(cfg.allowed_hosts))}")
    print(f"{'(user agent)':<{width}}  {cfg.user_agent}")
    return 0
