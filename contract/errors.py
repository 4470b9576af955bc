"""The one error root. Every error the project raises on purpose derives from `JbzError`.

The CLI and the flows catch `JbzError` (and its trees: `SourceError` in flows/sources/http.py,
`WarehouseBusy` and `MigrationError` in warehouse/db.py, `ParseError` in parsers/errors.py);
anything else is a bug and fails the run loudly, with its traceback.
"""


class JbzError(Exception):
    """An expected failure, with a message for people (the first line says what went wrong)."""
