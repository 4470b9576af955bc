"""Recognise a downloaded file's format from its bytes (never its name or the server's type).

The parsers' own `parsers.sniff.sniff_format` decides, so the warehouse records the format the
parser will read; what it rejects (empty files, odt, unknown binary) is "unknown" here.
"""

from parsers.errors import ParseError
from parsers.sniff import sniff_format


def sniff(data: bytes) -> str:
    """pdf | docx | doc | xml | html | txt, or "unknown"."""
    try:
        return sniff_format(data)
    except ParseError:
        return "unknown"
