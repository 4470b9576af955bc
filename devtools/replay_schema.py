"""The entity types of the served `$metadata`, as the replay server checks names against them."""

from functools import lru_cache

from defusedxml import ElementTree as SafeET

NAMESPACE = "TK.DA.GGM.OData"
Schema = dict[str, dict[str, str | None]]  # entity -> property -> target entity (nav) or None


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
