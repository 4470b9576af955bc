"""The one error type the parsers raise for input they cannot read."""

from contract.errors import JbzError


class ParseError(JbzError, ValueError):
    """Input that cannot be parsed; the message names the problem in plain words."""
