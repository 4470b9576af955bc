"""Recognise a downloaded file's format from its bytes (never its name or the server's type).

Uses `parsers.sniff.sniff_format` (owned by the parser-formats helper) when it is installed;
until then, and for bytes it rejects, a small local sniff with the same answers.
"""

import importlib
from collections.abc import Callable
from typing import cast

from parsers.errors import ParseError

FORMATS = ("pdf", "docx", "doc", "xml", "html", "txt")


def _local_sniff(data: bytes) -> str:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    low = head.lower()
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"  # a zip; TK serves Word documents as docx (ODT only via KOOP, not fetched)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    if low.startswith(b"<!doctype html") or b"<html" in low[:300]:
        return "html"
    if low.startswith(b"<?xml") or low.startswith(b"<"):
        return "xml"
    try:
        data[:4096].decode("utf-8")
    except UnicodeDecodeError:
        return "unknown"
    return "txt" if data.strip() else "unknown"


def _parser_sniff() -> Callable[[bytes], str] | None:
    try:
        module = importlib.import_module("parsers.sniff")
    except ModuleNotFoundError:
        return None
    return cast(Callable[[bytes], str], getattr(module, "sniff_format", None))


def sniff(data: bytes) -> str:
    """One of FORMATS, or "unknown" (empty or unrecognised binary)."""
    shared = _parser_sniff()
    if shared is not None:
        try:
            return shared(data)
        except ParseError:
            return "unknown"
    return _local_sniff(data)
