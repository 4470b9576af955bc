"""OData `$filter` text within the live TK service's limits (SOURCES.md section 5). Pure.

The live service refuses a nested `any()`/`all()` and a filter of more than 100 nodes (HTTP 400),
and gives up on a filter that ORs a lambda with another predicate after ~30 s (HTTP 500). So the
listing sends only flat filters, counts each one's nodes before sending it (`count_filter_nodes`,
an upper bound of the service's count) and splits a list of alternatives into several filters
of at most NODE_BUDGET nodes (`split_alternatives`).
"""

import re
from collections.abc import Sequence
from datetime import UTC, datetime

NODE_LIMIT = 100  # "The node count limit of '100' has been exceeded"; exactly 100 passes
NODE_BUDGET = 90  # what a filter may cost here: headroom for a cost the measurements missed
_TOKEN = re.compile(
    r"\s*(?:(?P<str>'(?:[^']|'')*')|(?P<guid>[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12})"
    r"|(?P<dt>\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:\d\d))"
    r"|(?P<num>-?\d+(?:\.\d+)?)|(?P<name>[A-Za-z_$][\w$]*)|(?P<punct>[()/,:]))"
)
_COMPARE = {"eq", "ne", "gt", "ge", "lt", "le"}
_HEAVY = {"dt", "guid"}  # plus the names true, false, null
_FUNCTIONS = {"startswith", "endswith", "contains"}


class FilterTooHeavy(ValueError):
    """A single filter alternative does not fit NODE_BUDGET on its own (a bug in the caller)."""


def odata_datetime(when: datetime) -> str:
    """A DateTimeOffset literal (unquoted), in UTC: 2025-10-01T00:00:00.000Z."""
    return when.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def odata_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _tokens(text: str) -> list[tuple[str, str]]:
    return [(m.lastgroup or "", m.group(m.lastgroup or 0)) for m in _TOKEN.finditer(text)]


def _path_before(tokens: list[tuple[str, str]], end: int) -> int:
    """How many segments the path ending just before index `end` has (`d/Nummer`: 2)."""
    segments, i = 0, end - 1
    while i >= 0 and tokens[i][0] == "name":
        segments += 1
        if i >= 1 and tokens[i - 1][1] == "/":
            i -= 2
        else:
            break
    return max(segments, 1)


def _heavy(token: tuple[str, str]) -> bool:
    return token[0] in _HEAVY or token[1] in ("true", "false", "null")


def _in_cost(tokens: list[tuple[str, str]], at: int, extra: int) -> int:
    """`x in (a, b, …)` counted as the ORed comparisons it stands for (not measured live)."""
    items, cost, i = 0, 0, at + 2
    while i < len(tokens) and tokens[i][1] != ")":
        if tokens[i][1] != ",":
            items += 1
            cost += 4 + _heavy(tokens[i]) + extra
        i += 1
    return cost + 2 * max(items - 1, 0)


def count_filter_nodes(text: str) -> int:
    """An upper bound of the node count the live service computes for `$filter=text`, with its
    measured costs: a comparison 4 (5 with a date, GUID or Boolean literal), +1 per extra path
    segment; and/or 1, +1 where a nullable and a non-nullable Boolean meet (always counted
    here, so the bound never undercounts); startswith()/contains() 4; any()/all() 5 plus body."""
    tokens, cost = _tokens(text), 0
    for i, (kind, word) in enumerate(tokens):
        if kind != "name":
            continue
        if word in ("and", "or"):
            cost += 2
        elif word == "not":
            cost += 1
        elif word in _FUNCTIONS and i + 1 < len(tokens) and tokens[i + 1][1] == "(":
            comma = next((j for j in range(i, len(tokens)) if tokens[j][1] == ","), i + 3)
            cost += 4 + _path_before(tokens, comma) - 1
        elif word in ("any", "all") and i >= 1 and tokens[i - 1][1] == "/":
            cost += 5 + _path_before(tokens, i - 1) - 1
        elif word in _COMPARE and i + 1 < len(tokens):
            cost += 4 + _heavy(tokens[i + 1]) + _path_before(tokens, i) - 1
        elif word == "in" and i + 1 < len(tokens) and tokens[i + 1][1] == "(":
            cost += _in_cost(tokens, i, _path_before(tokens, i) - 1)
    return cost


def nesting_depth(text: str) -> int:
    """How deeply `any()`/`all()` nest in `text` (the live service allows 1)."""
    depth, deepest, stack = 0, 0, []
    tokens = _tokens(text)
    for i, (_, word) in enumerate(tokens):
        opens_lambda = word == "(" and i >= 1 and tokens[i - 1][1] in ("any", "all")
        if word == "(":
            stack.append(opens_lambda)
            depth += opens_lambda
            deepest = max(deepest, depth)
        elif word == ")" and stack:
            depth -= stack.pop()
    return deepest


def split_alternatives(
    fixed: str, alternatives: Sequence[str], budget: int = NODE_BUDGET
) -> list[str]:
    """`fixed and (a or b or …)` filters, as few as fit `budget` nodes each, covering every
    alternative once. FilterTooHeavy when one alternative alone does not fit."""
    filters: list[str] = []
    chunk: list[str] = []

    def text(parts: list[str]) -> str:
        either = " or ".join(parts)
        return f"{fixed} and ({either})" if fixed else either

    for alt in alternatives:
        if count_filter_nodes(text([*chunk, alt])) <= budget:
            chunk.append(alt)
            continue
        if not chunk:
            raise FilterTooHeavy(f"one alternative exceeds {budget} nodes: {text([alt])}")
        filters.append(text(chunk))
        chunk = [alt]
        if count_filter_nodes(text(chunk)) > budget:
            raise FilterTooHeavy(f"one alternative exceeds {budget} nodes: {text(chunk)}")
    if chunk:
        filters.append(text(chunk))
    return filters


def checked_filter(text: str) -> str:
    """`text` if the live service would take it; FilterTooHeavy before anything is sent."""
    if nesting_depth(text) > 1:
        raise FilterTooHeavy(f"any()/all() nested deeper than 1: {text}")
    if count_filter_nodes(text) > NODE_BUDGET:
        raise FilterTooHeavy(f"{count_filter_nodes(text)} nodes (budget {NODE_BUDGET}): {text}")
    return text
