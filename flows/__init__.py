"""The running product: the Prefect flows (`ingest`, `reparse`), the `jbz` command, settings.

`flows.sources` talks to the public sources; the rest of `flows` wires sources, parser and
warehouse together (runtime.py, registry.py, parsing.py, batches.py, stored.py) and runs
them as Prefect flows.

May import: contract, parsers, warehouse.
"""
