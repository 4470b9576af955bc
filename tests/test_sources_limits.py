"""The live TK service's query limits (SOURCES.md section 5), enforced by the stand-in with the
service's own texts, and every query the code sends checked against them."""

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import requests

from devtools.replay import ReplayServer
from devtools.replay_data import v5_metadata
from devtools.replay_filter import NESTING_LIMIT, NODE_LIMIT_TEXT, compile_filter
from devtools.replay_schema import read_schema
from flows.config import load_config
from flows.sources.odata_query import (
    NODE_BUDGET,
    count_filter_nodes,
    nesting_depth,
    split_alternatives,
)
from flows.sources.tk_queries import (
    by_id_queries,
    deletion_query,
    document_query,
    publication_queries,
    zaak_document_query,
)
from flows.sources.tk_schema import FieldMap, map_fields
from tests.replay_fixtures import SAMPLES, serve_samples

V4 = (SAMPLES / "tk_odata_v4_2.0_metadata.xml").read_bytes()
START, END = datetime(2024, 1, 1, tzinfo=UTC), datetime(2024, 6, 29, tzinfo=UTC)
GUIDS = [f"{n:08x}-0000-4000-8000-000000000000" for n in range(60)]


@pytest.fixture
def replay_server() -> Iterator[ReplayServer]:
    yield from serve_samples()


def get(srv: ReplayServer, entity: str, **query: str) -> requests.Response:
    return requests.get(f"{srv.tk_url('v5')}/{entity}", params=query, timeout=10)


def test_a_nested_any_is_refused_with_the_live_text(replay_server: ReplayServer) -> None:
    nested = "Zaak/any(z: z/Kamerstukdossier/any(d: d/Nummer eq 32317))"
    r = get(replay_server, "Document", **{"$filter": nested})
    assert r.status_code == 400 and r.json()["error"]["message"] == NESTING_LIMIT
    assert nesting_depth(nested) == 2 and nesting_depth("Zaak/any(z: z/Id eq 1)") == 1


def test_the_node_limit_counts_with_the_measured_costs(replay_server: ReplayServer) -> None:
    schema = read_schema(V4)
    # `Soort eq 'x'` costs 4 and `or` 1 between two nullable comparisons: 20 terms = 99 nodes
    terms = [f"Soort eq 'x{n}'" for n in range(20)]
    assert compile_filter(" or ".join(terms), schema, "Document").nodes == 20 * 4 + 19
    # a date literal costs 5; and/or 1 more where nullable meets non-nullable (any(), Id)
    assert compile_filter("ApiGewijzigdOp gt 2024-01-01T00:00:00Z", schema, "Document").nodes == 5
    mixed = "Verwijderd eq false and Kamerstukdossier/any(d: d/Nummer eq 32317)"
    assert compile_filter(mixed, schema, "Document").nodes == 5 + 2 + 5 + 5
    # exactly 100 passes (one date comparison instead of a string one), one node more is
    # refused with the service's text
    hundred = " or ".join(["Datum eq 2024-01-01T00:00:00Z", *terms[1:]])
    assert compile_filter(hundred, schema, "Document").nodes == 100
    assert get(replay_server, "Document", **{"$filter": hundred}).status_code == 200
    over = hundred + " or Soort eq 'y'"
    r = get(replay_server, "Document", **{"$filter": over})
    assert r.status_code == 400 and r.json()["error"]["message"] == NODE_LIMIT_TEXT
    assert count_filter_nodes(hundred) >= 100 and count_filter_nodes(over) > 100


def test_a_lambda_ored_with_a_predicate_times_out_with_500(replay_server: ReplayServer) -> None:
    replay_server.scenario.slow_query_seconds = 0.5
    ored = "ApiGewijzigdOp gt 2024-01-01T00:00:00Z or Kamerstukdossier/any(d: d/Nummer eq 32317)"
    began = time.monotonic()
    r = get(replay_server, "Document", **{"$filter": ored})
    assert r.status_code == 500 and time.monotonic() - began >= 0.5
    anded = ored.replace(" or ", " and ")
    assert get(replay_server, "Document", **{"$filter": anded}).status_code == 200


def test_pages_follow_skiptokens(replay_server: ReplayServer) -> None:
    replay_server.page_size = 50
    first = get(replay_server, "Document", **{"$select": "Id"}).json()
    link = first["@odata.nextLink"]
    assert "%24skiptoken=" in link and "%24skip=" not in link
    second = requests.get(link, timeout=10).json()
    ids = [v["Id"] for v in first["value"]] + [v["Id"] for v in second["value"]]
    assert len(ids) == len(set(ids)) == 100


def _field_maps() -> list[FieldMap]:
    cfg = {v: load_config({"JBZ_TK_API_VERSION": v}) for v in ("v4", "v5")}
    return [map_fields(cfg["v4"], V4), map_fields(cfg["v5"], v5_metadata(V4))]


def every_query(f: FieldMap) -> list[tuple[str, dict[str, str]]]:
    """(entity, params) of every query shape the listing sends, at their heaviest."""
    dossiers = ["32317", "21501-02", "21501-20", "21501-33", "21501-07", "21501-31", "21501-34"]
    out: list[tuple[str, dict[str, str]]] = []
    for start, end in ((None, None), (START, None), (START, END)):
        out += [("Document", document_query(f, d, start, end)) for d in dossiers]
        out.append(("Document", zaak_document_query(f, start, end)))
        out += [("DocumentPublicatie", q) for q in publication_queries(f, dossiers, start, end)]
    out.append(("Document", deletion_query(f, START)))
    out += [("Document", q) for q in by_id_queries(f, GUIDS)]
    out += [("Document", q) for q in by_id_queries(f, GUIDS, full=False)]
    return out


@pytest.mark.parametrize("version", [0, 1])
def test_every_query_the_code_sends_passes_the_limits(version: int) -> None:
    f = _field_maps()[version]
    schema = read_schema(V4 if version == 0 else v5_metadata(V4))
    queries = every_query(f)
    assert len(queries) > 25
    for entity, params in queries:
        compiled = compile_filter(params["$filter"], schema, entity)  # 400s raise ODataError
        assert not compiled.lambda_or, params["$filter"]
        assert compiled.nodes <= count_filter_nodes(params["$filter"]) <= NODE_BUDGET


def test_every_query_the_code_sends_is_answered_by_the_strict_stand_in(
    replay_server: ReplayServer,
) -> None:
    f = _field_maps()[1]
    for entity, params in every_query(f):
        r = get(replay_server, entity, **params)
        assert r.status_code == 200, (params["$filter"], r.text)
        assert isinstance(json.loads(r.content)["value"], list)


def test_alternatives_split_at_the_budget() -> None:
    alts = [f"Id eq {g}" for g in GUIDS]
    filters = split_alternatives("Verwijderd eq true", alts)
    assert all(count_filter_nodes(t) <= NODE_BUDGET for t in filters)
    assert sum(t.count("Id eq") for t in filters) == len(GUIDS) and len(filters) > 4
    schema = read_schema(V4)
    assert all(compile_filter(t, schema, "Document").nodes <= 100 for t in filters)
