"""Pure parsers: bytes of a written consultation (PDF, docx, KOOP XML, HTML, text) -> records.

`import parsers` stays cheap: the readers (pypdf, bs4, defusedxml) load on first use.
No I/O: tests/test_parser_purity.py checks that no network or database library is imported.

May import: contract.
"""

from typing import TYPE_CHECKING, Any

from parsers.errors import ParseError

if TYPE_CHECKING:
    from parsers.api import PARSER_VERSION, parse_document

__all__ = ["PARSER_VERSION", "ParseError", "parse_document"]


def __getattr__(name: str) -> Any:
    if name in ("parse_document", "PARSER_VERSION"):
        from parsers import api

        return getattr(api, name)
    raise AttributeError(f"module 'parsers' has no attribute {name!r}")
