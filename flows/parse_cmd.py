"""`jbz parse FILE [--format json|text]`: the file reading and printing around the pure parser."""

import argparse
import sys
from pathlib import Path

from parsers.api import parse_document
from parsers.errors import ParseError
from parsers.render import render_json, render_text


def cli_parse(args: argparse.Namespace) -> int:
    """`jbz parse FILE [--format json|text]`: parse one file and print it."""
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        print(f"jbz parse: cannot read {path}: {exc.strerror}", file=sys.stderr)
        return 2
    try:
        consultation = parse_document(data, name=path.name)
    except ParseError as exc:
        print(f"jbz parse: {path}: {exc}", file=sys.stderr)
        return 2
    text = render_text(consultation) if args.format == "text" else render_json(consultation)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0
