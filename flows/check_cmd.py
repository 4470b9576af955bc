"""`jbz check-source`: every registered source checks itself against what the code needs (the
lines are described in docs/sources.md)."""

import argparse
from datetime import date, timedelta

from flows.config import load_config_or_exit
from flows.registry import SOURCES
from flows.sources.http import HttpClient


def cli_check_source(args: argparse.Namespace) -> int:
    """0: everything the code needs is there; 1: fields missing or an SRU index refused; 2: a
    source could not be asked."""
    cfg = load_config_or_exit()
    since: date = args.since or date.today() - timedelta(days=365)
    status = 0
    with HttpClient(cfg) as client:
        for source in SOURCES.values():
            status = max(status, source.check(client, cfg, since, print))
    return status
