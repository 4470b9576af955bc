"""Tooling, not the product: the replay server, the file builders and the demo scenario.

Used by the tests, `bench/` and `jbz demo` (registered as a `jbz.commands` entry point, so the
product's CLI finds it without importing it). The product never imports `devtools`.

May import: contract, parsers, warehouse, flows.
"""
