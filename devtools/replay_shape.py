"""The replay server's `$select`/`$expand`: a record shaped as the live API renders it, every
name checked against `$metadata` (an unknown one is the live HTTP 400 text)."""

from collections.abc import Mapping
from typing import Any

from devtools.replay_schema import NAMESPACE, ODataError, Schema, check_property


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
