"""Tooling, not the product: the replay server, the file builders and the demo scenario.

Used by the tests, `bench/` and `jbz demo` (registered as a `jbz.commands` entry point, so the
product's CLI finds it without importing it). May import the product (`contract`, `parsers`,
`warehouse`, `flows`); the product never imports `devtools`.
"""
