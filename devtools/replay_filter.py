"""The replay server's OData query language: $filter, $select, $expand checked against $metadata.

A small real evaluator (not regexes over the query text) so the replay answers like the live API
where it matters: a name the entity type does not have is an HTTP 400 with an OData error body
("Could not find a property named 'Volgnummer' on type 'TK.DA.GGM.OData.Document'."), `and`,
`or`, `not`, parentheses, `eq ne gt ge lt le`, `in (…)`, and `nav/any(x: …)` over collections.
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from defusedxml import ElementTree as SafeET

NAMESPACE = "TK.DA.GGM.OData"
TOKEN = re.compile(
    r"\s*(?:(?P<str>'(?:[^']|'')*')|(?P<guid>[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12})"
    r"|(?P<dt>\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:\d\d))"
    r"|(?P<num>-?\d+(?:\.\d+)?)|(?P<name>[A-Za-z_]\w*)|(?P<punct>[()/,:]))"
)
COMPARE = {"eq", "ne", "gt", "ge", "lt", "le"}
Schema = dict[str, dict[str, str | None]]  # entity -> property -> target entity (nav) or None
Pred = Callable[[Mapping[str, Any], dict[str, Any]], Any]


class ODataError(ValueError):
    """A query the server refuses (HTTP 400); the message is what the real server says."""


@lru_cache(maxsize=8)
def read_schema(metadata: bytes) -> Schema:
    root = SafeET.fromstring(metadata)
    schema: Schema = {}
    for el in root.iter():
        if el.tag.rsplit("}", 1)[-1] != "EntityType":
            continue
        props: dict[str, str | None] = {}
        for c in el:
            kind = c.tag.rsplit("}", 1)[-1]
            if kind == "Property":
                props[c.get("Name", "")] = None
            elif kind == "NavigationProperty":
                target = c.get("Type", "").removeprefix("Collection(").rstrip(")")
                props[c.get("Name", "")] = target.rsplit(".", 1)[-1]
        schema[el.get("Name", "")] = props
    return schema


def check_property(schema: Schema, entity: str, name: str) -> str | None:
    if name not in schema.get(entity, {}):
        raise ODataError(
            f"Could not find a property named '{name}' on type '{NAMESPACE}.{entity}'."
        )
    return schema[entity][name]


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


def _either(a: Pred, b: Pred) -> Pred:
    return lambda r, env: bool(a(r, env) or b(r, env))


def _both(a: Pred, b: Pred) -> Pred:
    return lambda r, env: bool(a(r, env) and b(r, env))


def _compare(op: str, a: Any, b: Any) -> bool:
    a, b = _value(a), _value(b)
    if op in ("eq", "ne"):
        return bool((a == b) == (op == "eq"))
    if a is None or b is None:
        return False
    return bool({"gt": a > b, "ge": a >= b, "lt": a < b, "le": a <= b}[op])


@dataclass
class _Parser:
    tokens: list[tuple[str, str]]
    schema: Schema
    pos: int = 0

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

    def expr(self, scope: dict[str, str]) -> Pred:
        left = self.conj(scope)
        while self.peek() == "or":
            self.take()
            left = _either(left, self.conj(scope))
        return left

    def conj(self, scope: dict[str, str]) -> Pred:
        left = self.unary(scope)
        while self.peek() == "and":
            self.take()
            left = _both(left, self.unary(scope))
        return left

    def unary(self, scope: dict[str, str]) -> Pred:
        if self.peek() == "not":
            self.take()
            inner = self.unary(scope)
            return lambda r, env: not inner(r, env)
        if self.peek() == "(":
            self.take("(")
            inner = self.expr(scope)
            self.take(")")
            return inner
        return self.comparison(scope)

    def comparison(self, scope: dict[str, str]) -> Pred:
        left = self.operand(scope)
        op = self.peek()
        if op in COMPARE:
            self.take()
            right = self.operand(scope)
            return lambda r, env: _compare(op, left(r, env), right(r, env))
        if op == "in":
            self.take()
            self.take("(")
            values = [self.operand(scope)]
            while self.peek() == ",":
                self.take()
                values.append(self.operand(scope))
            self.take(")")
            return lambda r, env: any(_compare("eq", left(r, env), v(r, env)) for v in values)
        return left  # a boolean path or an any()

    def operand(self, scope: dict[str, str]) -> Pred:
        kind, text = self.take()
        if kind == "str":
            return _const(text[1:-1].replace("''", "'"))
        if kind in ("dt", "guid"):
            return _const(text)
        if kind == "num":
            return _const(float(text) if "." in text else int(text))
        if kind == "name" and text in ("true", "false", "null"):
            return _const({"true": True, "false": False}.get(text))
        if kind != "name":
            raise ODataError(f"Unexpected '{text}' in $filter.")
        return self.path(text, scope)

    def path(self, first: str, scope: dict[str, str]) -> Pred:
        var = first if first in scope and first != "$it" else None
        entity = scope[var] if var else scope["$it"]
        steps: list[str] = [] if var else [first]
        if not var:
            entity = check_property(self.schema, entity, first) or entity
        while self.peek() == "/":
            self.take("/")
            _, name = self.take()
            if name == "any":
                return self.any_of(var, steps, entity, scope)
            target = check_property(self.schema, entity, name)
            steps.append(name)
            entity = target or entity
        return lambda r, env: _walk(env[var] if var else r, steps)

    def any_of(self, var: str | None, steps: list[str], entity: str, scope: dict[str, str]) -> Pred:
        self.take("(")
        _, name = self.take()
        self.take(":")
        body = self.expr(scope | {name: entity})
        self.take(")")

        def pred(r: Mapping[str, Any], env: dict[str, Any]) -> bool:
            items = _walk(env[var] if var else r, steps) or []
            return any(body(r, env | {name: item}) for item in items)

        return pred


def _walk(value: Any, steps: list[str]) -> Any:
    for step in steps:
        if not isinstance(value, Mapping):
            return None
        value = value.get(step)
    return value


def compile_filter(text: str, schema: Schema, entity: str) -> Pred:
    """A predicate for records of `entity`; ODataError for unknown names or bad syntax."""
    parser = _Parser(_tokens(text), schema)
    pred = parser.expr({"$it": entity})
    if parser.pos != len(parser.tokens):
        raise ODataError(f"Syntax error: unexpected '{parser.peek()}' in $filter.")
    return pred


def split_top(text: str, sep: str) -> list[str]:
    """`text` split at `sep` outside parentheses."""
    parts, depth, current = [], 0, ""
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        if ch == sep and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    return [p.strip() for p in [*parts, current] if p.strip()]


def shape(
    record: Mapping[str, Any], schema: Schema, entity: str, select: str | None, expand: str | None
) -> dict[str, Any]:
    """The record as the server renders it: $select'ed properties (all when absent) plus each
    $expand'ed navigation property, shaped by its own nested options."""
    props = {k for k, v in schema[entity].items() if v is None}
    wanted = props if not select else set(select.split(","))
    for name in wanted:
        check_property(schema, entity, name.strip())
    out = {k: record.get(k) for k in sorted(wanted & props) if k in record or k in props}
    for item in split_top(expand or "", ","):
        name, _, rest = item.partition("(")
        target = check_property(schema, entity, name.strip())
        if target is None:
            raise ODataError(
                f"Property '{name}' on type '{NAMESPACE}.{entity}' is not a navigation property."
            )
        options = dict(o.split("=", 1) for o in split_top(rest[:-1], ";")) if rest else {}
        value = record.get(name.strip())
        sel, exp = options.get("$select"), options.get("$expand")
        if isinstance(value, list):
            out[name.strip()] = [shape(v, schema, target, sel, exp) for v in value]
        else:
            out[name.strip()] = None if value is None else shape(value, schema, target, sel, exp)
    return out
