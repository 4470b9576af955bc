"""The replay server's OData query language: $filter, $select, $expand checked against $metadata.

A small real evaluator (not regexes over the query text) so the replay answers like the live API
where it matters: a name the entity type does not have is an HTTP 400 with an OData error body
("Could not find a property named 'Volgnummer' on type 'TK.DA.GGM.OData.Document'."), `and`,
`or`, `not`, parentheses, `eq ne gt ge lt le`, `in (…)`, `startswith`/`endswith`/`contains`, and
`nav/any(x: …)`/`nav/all(x: …)` over collections. It is as strict as the live service
(SOURCES.md section 5): a nested any()/all() and a filter of more than 100 nodes are refused
with the service's own texts, and a filter that ORs a lambda with another predicate is flagged
(the live service gives up on it after ~30 s with HTTP 500; replay_odata answers so).
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from devtools.replay_schema import ODataError, Schema, check_property

TOKEN = re.compile(
    r"\s*(?:(?P<str>'(?:[^']|'')*')|(?P<guid>[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12})"
    r"|(?P<dt>\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:\d\d))"
    r"|(?P<num>-?\d+(?:\.\d+)?)|(?P<name>[A-Za-z_]\w*)|(?P<punct>[()/,:]))"
)
COMPARE = {"eq", "ne", "gt", "ge", "lt", "le"}
Pred = Callable[[Mapping[str, Any], dict[str, Any]], Any]


def _tokens(text: str) -> list[tuple[str, str]]:
    out, pos = [], 0
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            if text[pos:].strip() == "":
                break
            raise ODataError(f"Syntax error at position {pos} in '{text}'.")
        kind = m.lastgroup or ""
        out.append((kind, m.group(kind)))
        pos = m.end()
    return out


def _value(v: Any) -> Any:
    if isinstance(v, str) and re.match(r"\d{4}-\d\d-\d\dT", v):
        return datetime.fromisoformat(v.replace("Z", "+00:00"))
    return v


def _const(value: Any) -> Pred:
    return lambda r, env: value


def _compare(op: str, a: Any, b: Any) -> bool:
    a, b = _value(a), _value(b)
    if op in ("eq", "ne"):
        return bool((a == b) == (op == "eq"))
    if a is None or b is None:
        return False
    return bool({"gt": a > b, "ge": a >= b, "lt": a < b, "le": a <= b}[op])


@dataclass(frozen=True)
class Node:
    """A parsed (sub)expression: its predicate and what the live service's validator sees in it:
    the node count with the costs measured on the live API (SOURCES.md section 5), whether its
    Boolean is nullable, and whether it holds a lambda (`any`/`all`)."""

    pred: Pred
    cost: int
    nullable: bool = True
    lambdas: bool = False
    literal: str = ""  # kind of a literal operand (str, num, dt, guid, bool, null), else ""
    segments: int = 1  # path segments of a property operand (a range variable counts as one)


# Measured on the live service (SOURCES.md section 5): `Field eq 'x'` 4; a date, GUID or Boolean
# literal comparison 5; each extra path segment +1; and/or 1, +1 where a nullable and a
# non-nullable Boolean are joined; contains()/startswith() 4; any() 5 plus its body.
# Not measured, counted conservatively: `x in (a, b, …)` as the ORed comparisons it stands for.
HEAVY_LITERALS = {"dt", "guid", "bool", "null"}
FUNCTIONS = {"startswith", "endswith", "contains"}


def _comparison_cost(left: Node, right: Node) -> int:
    literal = left.literal or right.literal
    extra = max(left.segments, right.segments) - 1
    return 4 + (literal in HEAVY_LITERALS) + extra


def _join(op: str, a: Node, b: Node) -> Node:
    cost = a.cost + b.cost + 1 + (a.nullable != b.nullable)
    if op == "or":

        def pred(r: Mapping[str, Any], env: dict[str, Any]) -> Any:
            return bool(a.pred(r, env) or b.pred(r, env))

    else:

        def pred(r: Mapping[str, Any], env: dict[str, Any]) -> Any:
            return bool(a.pred(r, env) and b.pred(r, env))

    return Node(pred, cost, a.nullable or b.nullable, a.lambdas or b.lambdas)


@dataclass
class _Parser:
    tokens: list[tuple[str, str]]
    schema: Schema
    keys: frozenset[str] = frozenset()
    pos: int = 0
    depth: int = 0  # any()/all() nesting while parsing
    lambda_or: bool = False  # an `or` with a lambda on one side was seen

    def peek(self) -> str:
        return self.tokens[self.pos][1] if self.pos < len(self.tokens) else ""

    def take(self, expected: str | None = None) -> tuple[str, str]:
        if self.pos >= len(self.tokens):
            raise ODataError("Unexpected end of $filter.")
        tok = self.tokens[self.pos]
        if expected is not None and tok[1] != expected:
            raise ODataError(f"Expected '{expected}' but found '{tok[1]}'.")
        self.pos += 1
        return tok

    def expr(self, scope: dict[str, str]) -> Node:
        left = self.conj(scope)
        while self.peek() == "or":
            self.take()
            right = self.conj(scope)
            self.lambda_or = self.lambda_or or left.lambdas or right.lambdas
            left = _join("or", left, right)
        return left

    def conj(self, scope: dict[str, str]) -> Node:
        left = self.unary(scope)
        while self.peek() == "and":
            self.take()
            left = _join("and", left, self.unary(scope))
        return left

    def unary(self, scope: dict[str, str]) -> Node:
        if self.peek() == "not":
            self.take()
            inner = self.unary(scope)
            return Node(lambda r, env: not inner.pred(r, env), inner.cost + 1, inner.nullable,
                        inner.lambdas)  # fmt: skip
        if self.peek() == "(":
            self.take("(")
            inner = self.expr(scope)
            self.take(")")
            return inner
        if self.peek() in FUNCTIONS:
            return self.function(scope)
        return self.comparison(scope)

    def function(self, scope: dict[str, str]) -> Node:
        name = self.take()[1]
        self.take("(")
        subject = self.operand(scope)
        self.take(",")
        needle = self.operand(scope)
        self.take(")")
        test = {"startswith": str.startswith, "endswith": str.endswith,
                "contains": str.__contains__}[name]  # fmt: skip

        def pred(r: Mapping[str, Any], env: dict[str, Any]) -> bool:
            s, n = subject.pred(r, env), needle.pred(r, env)
            return isinstance(s, str) and isinstance(n, str) and bool(test(s, n))

        return Node(pred, 4 + subject.segments - 1, nullable=False)

    def comparison(self, scope: dict[str, str]) -> Node:
        left = self.operand(scope)
        op = self.peek()
        if op in COMPARE:
            self.take()
            right = self.operand(scope)
            nullable = left.nullable or right.nullable

            def pred(r: Mapping[str, Any], env: dict[str, Any]) -> bool:
                return _compare(op, left.pred(r, env), right.pred(r, env))

            return Node(pred, _comparison_cost(left, right), nullable)
        if op == "in":
            return self.membership(left, scope)
        return left  # a boolean path or an any()

    def membership(self, left: Node, scope: dict[str, str]) -> Node:
        self.take("in")
        self.take("(")
        values = [self.operand(scope)]
        while self.peek() == ",":
            self.take()
            values.append(self.operand(scope))
        self.take(")")
        cost = sum(_comparison_cost(left, v) for v in values) + len(values) - 1

        def pred(r: Mapping[str, Any], env: dict[str, Any]) -> bool:
            return any(_compare("eq", left.pred(r, env), v.pred(r, env)) for v in values)

        return Node(pred, cost, left.nullable)

    def operand(self, scope: dict[str, str]) -> Node:
        kind, text = self.take()
        if kind == "str":
            return Node(_const(text[1:-1].replace("''", "'")), 1, False, literal="str")
        if kind in ("dt", "guid"):
            return Node(_const(text), 1, False, literal=kind)
        if kind == "num":
            return Node(_const(float(text) if "." in text else int(text)), 1, False,
                        literal="num")  # fmt: skip
        if kind == "name" and text in ("true", "false", "null"):
            value = {"true": True, "false": False}.get(text)
            return Node(_const(value), 1, False, literal="null" if value is None else "bool")
        if kind != "name":
            raise ODataError(f"Unexpected '{text}' in $filter.")
        return self.path(text, scope)

    def path(self, first: str, scope: dict[str, str]) -> Node:
        var = first if first in scope and first != "$it" else None
        entity = scope[var] if var else scope["$it"]
        steps: list[str] = [] if var else [first]
        last = None if var else f"{entity}.{first}"
        if not var:
            entity = check_property(self.schema, entity, first) or entity
        while self.peek() == "/":
            self.take("/")
            _, name = self.take()
            if name in ("any", "all"):
                return self.lambda_of(name, var, steps, entity, scope)
            last = f"{entity}.{name}"
            target = check_property(self.schema, entity, name)
            steps.append(name)
            entity = target or entity
        segments = len(steps) + (var is not None)

        def pred(r: Mapping[str, Any], env: dict[str, Any]) -> Any:
            return _walk(env[var] if var else r, steps)

        return Node(pred, 3, last not in self.keys, segments=segments)

    def lambda_of(
        self, kind: str, var: str | None, steps: list[str], entity: str, scope: dict[str, str]
    ) -> Node:
        if self.depth >= 1:
            raise ODataError(NESTING_LIMIT)
        self.take("(")
        _, name = self.take()
        self.take(":")
        self.depth += 1
        body = self.expr(scope | {name: entity})
        self.depth -= 1
        self.take(")")
        every = kind == "all"

        def pred(r: Mapping[str, Any], env: dict[str, Any]) -> bool:
            items = _walk(env[var] if var else r, steps) or []
            test = (body.pred(r, env | {name: item}) for item in items)
            return all(test) if every else any(test)

        extra = len(steps) + (var is not None) - 1
        return Node(pred, 5 + body.cost + extra, nullable=False, lambdas=True)


def _walk(value: Any, steps: list[str]) -> Any:
    for step in steps:
        if not isinstance(value, Mapping):
            return None
        value = value.get(step)
    return value


NESTING_LIMIT = (
    "The query specified in the URI is not valid. The Any/All nesting limit of '1' has been "
    "exceeded. 'MaxAnyAllExpressionDepth' can be configured on ODataQuerySettings or "
    "EnableQueryAttribute."
)
NODE_LIMIT = 100
NODE_LIMIT_TEXT = (
    "The query specified in the URI is not valid. The node count limit of '100' has been "
    "exceeded. To increase the limit, set the 'MaxNodeCount' property on EnableQueryAttribute "
    "or ODataValidationSettings."
)


@dataclass(frozen=True)
class Compiled:
    pred: Pred
    nodes: int  # the node count the live validator computes (limit NODE_LIMIT)
    lambda_or: bool  # ORs a lambda with another predicate: the live service gives up (HTTP 500)


def compile_filter(text: str, schema: Schema, entity: str) -> Compiled:
    """The filter as the live service takes it; ODataError (HTTP 400, its own text) for unknown
    names, bad syntax, a nested any()/all() or more than NODE_LIMIT nodes."""
    keys = frozenset(f"{e}.Id" for e in schema)  # the only Nullable="false" properties live
    parser = _Parser(_tokens(text), schema, keys)
    node = parser.expr({"$it": entity})
    if parser.pos != len(parser.tokens):
        raise ODataError(f"Syntax error: unexpected '{parser.peek()}' in $filter.")
    if node.cost > NODE_LIMIT:
        raise ODataError(NODE_LIMIT_TEXT)
    return Compiled(node.pred, node.cost, parser.lambda_or)
