"""The one error type the parsers raise for input they cannot read."""


class ParseError(ValueError):
    """Input that cannot be parsed; the message names the problem in plain words."""
