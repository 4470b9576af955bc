"""Configuration from env vars, `jbz config`, and `jbz check-source` against real v4 metadata and
a v5 variant DERIVED from it by renaming (devtools.replay_data.v5_metadata; no real v5 sample)."""

import argparse
from collections.abc import Iterator
from datetime import date

import pytest

from devtools.replay import ReplayServer
from devtools.replay_data import Scenario, v5_metadata
from flows.check_cmd import cli_check_source
from flows.config import SETTINGS, load_config
from flows.config_cmd import cli_config
from flows.sources.tk_schema import SchemaMismatch, map_fields
from tests.replay_fixtures import SAMPLES, serve_samples

V4_METADATA = (SAMPLES / "tk_odata_v4_2.0_metadata.xml").read_bytes()


@pytest.fixture
def replay_server() -> Iterator[ReplayServer]:
    yield from serve_samples()


def test_defaults() -> None:
    cfg = load_config({})
    assert cfg.tk_odata_url == "https://gegevensmagazijn.tweedekamer.nl/OData/v5"
    assert cfg.tk_api_version == "v5" and cfg.tk_fields.document_number == "Nummer"
    assert cfg.koop_sru_url == "https://repository.overheid.nl/sru"
    assert cfg.schedule_cron == "0 * * * 1-5" and cfg.timezone == "Europe/Amsterdam"
    assert cfg.sweep_cron == "30 3 * * 0" and cfg.sweep_days == 400
    assert cfg.db_path == "data/jbz.duckdb"
    assert cfg.allowed_hosts == {
        "gegevensmagazijn.tweedekamer.nl",
        "repository.overheid.nl",
        "zoek.officielebekendmakingen.nl",
        "repository.officiele-overheidspublicaties.nl",  # where KOOP's files redirect to
    }
    assert cfg.dossiers == ("32317",) and cfg.include_ek is True
    assert cfg.backfill_window_days == 180 and cfg.tombstone_batch == 25


def test_dossiers_as_printed() -> None:
    cfg = load_config({"JBZ_DOSSIERS": "32317, 21501-02,32317"})
    assert cfg.dossiers == ("32317", "21501-02")
    with pytest.raises(ValueError, match="JBZ_DOSSIERS"):
        load_config({"JBZ_DOSSIERS": "32317,JBZ"})


def test_v4_is_inferred_from_the_url_and_names_follow() -> None:
    cfg = load_config({"JBZ_TK_ODATA_URL": "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/"})
    assert cfg.tk_api_version == "v4" and cfg.tk_odata_url.endswith("/v4/2.0")
    assert (cfg.tk_field_document_number, cfg.tk_field_ondernummer) == (
        "DocumentNummer",
        "Volgnummer",
    )
    fixed = load_config({"JBZ_TK_FIELD_ONDERNUMMER": "Stuknummer"})
    assert fixed.tk_fields.ondernummer == "Stuknummer"


def test_bad_values_name_their_variable() -> None:
    with pytest.raises(ValueError, match="JBZ_HTTP_RETRIES"):
        load_config({"JBZ_HTTP_RETRIES": "many"})
    with pytest.raises(ValueError, match="JBZ_TK_API_VERSION"):
        load_config({"JBZ_TK_API_VERSION": "v9"})


@pytest.mark.parametrize(
    ("env", "value", "words"),
    [
        ("JBZ_HTTP_RETRIES", "-1", "must not be negative"),
        ("JBZ_HTTP_CONNECT_TIMEOUT_SECONDS", "0", "must be more than 0"),
        ("JBZ_HTTP_READ_TIMEOUT_SECONDS", "nan", "must be more than 0"),
        ("JBZ_POLITENESS_DELAY_SECONDS", "-0.5", "must not be negative"),
        ("JBZ_CURSOR_OVERLAP_HOURS", "-24", "must not be negative"),
        ("JBZ_MAX_FILE_BYTES", "0", "must be more than 0"),
        ("JBZ_KOOP_PAGE_SIZE", "0", "must be more than 0"),
        ("JBZ_SWEEP_DAYS", "0", "must be more than 0"),
    ],
)
def test_out_of_range_numbers_name_their_variable(env: str, value: str, words: str) -> None:
    with pytest.raises(ValueError, match=f"{env}='{value}' is not a valid value: {words}"):
        load_config({env: value})
    assert load_config({"JBZ_HTTP_RETRIES": "0", "JBZ_POLITENESS_DELAY_SECONDS": "0"}).retries == 0


def test_cli_config_shows_every_setting(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("JBZ_CONTACT", "data@example.org")
    assert cli_config(argparse.Namespace()) == 0
    out = capsys.readouterr().out
    for s in SETTINGS:
        assert s.env in out
    assert "data@example.org  [env]" in out and "Europe/Amsterdam" in out


def test_field_names_come_from_the_servers_metadata() -> None:
    v4, v5 = load_config({"JBZ_TK_API_VERSION": "v4"}), load_config({})
    for cfg in (v4, v5):  # either configuration reads either server
        assert map_fields(cfg, V4_METADATA)["ondernummer"] == "Volgnummer"
        assert map_fields(cfg, v5_metadata(V4_METADATA))["ondernummer"] == "Ondernummer"
        assert map_fields(cfg, v5_metadata(V4_METADATA))["document_number"] == "Nummer"
    # a field renamed to a name no candidate knows: one line naming the concept and the tries
    renamed = v5_metadata(V4_METADATA).replace(b'Name="Ondernummer"', b'Name="Stuknummer"')
    with pytest.raises(SchemaMismatch) as e:
        map_fields(v5, renamed)
    assert str(e.value) == (
        "TK API has no field for the Kamerstuk number (ondernummer) on Document:"
        " tried Ondernummer, Volgnummer"
    )


@pytest.mark.parametrize(("version", "url_version", "code"), [("v4", "v4", 0), ("v5", "v5", 0),
                                                               ("v5", "v4", 0)])  # fmt: skip
def test_cli_check_source(
    replay_server: ReplayServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    version: str,
    url_version: str,
    code: int,
) -> None:
    for k, v in replay_server.env(version).items():
        monkeypatch.setenv(k, v)
    monkeypatch.setenv("JBZ_TK_ODATA_URL", replay_server.tk_url(url_version))
    assert cli_check_source(argparse.Namespace(since=date(2024, 1, 1))) == code
    out = capsys.readouterr().out
    assert "KOOP SRU answers: 73 Kamerstukken in dossier 32317" in out
    expect = "Volgnummer" if url_version == "v4" else "Ondernummer"
    assert "all 20 essential fields found (document_number = " in out
    assert f"ondernummer = {expect}" in out
    # one verdict line per live limit, the nested any() refused by the strict stand-in
    assert "nested any(): refused as expected (HTTP 400" in out
    assert "query dossier 32317: 24 nodes (limit 100), 25 records (more pages) in" in out
    assert "query late publications 1:" in out and "query deletions:" in out
    assert "page 2: nextLink pages with $skiptoken, 25 records" in out
    assert "KOOP change times: 5 of 5 records carry one" in out
    assert "KOOP file host: " in out and "/officielepublicaties/" in out
    # the two inbreng whose only link is the Zaak: the route that misses them shows
    assert "since 2024-01-01, only via Zaak: 2 (Inbreng verslag schriftelijk overleg 2)" in out
    assert "via Kamerstukdossier: 130 (" in out and "via Zaak: 8 (" in out
    # the recorded Fractie set of 2026-09-28: parsers/fracties.json has every one since 2008
    assert "TK Fractie: all 50 fracties active since 2008 are in the fracties table." in out


def test_cli_check_source_unreachable(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = stopped_server_url()
    monkeypatch.setenv("JBZ_TK_ODATA_URL", f"{url}/OData/v5")
    monkeypatch.setenv("JBZ_KOOP_SRU_URL", f"{url}/sru")
    monkeypatch.setenv("JBZ_HTTP_RETRIES", "0")
    assert cli_check_source(argparse.Namespace(since=None)) == 2
    assert "could not be checked" in capsys.readouterr().out


def stopped_server_url() -> str:
    """The address of a replay server that has been stopped: nothing listens there."""
    srv = ReplayServer(Scenario()).start()
    srv.stop()
    return srv.base_url


def test_cli_check_source_exits_1_when_the_server_lacks_a_field(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for server in serve_samples():  # its own server: the scenario is changed for this test
        server.scenario.metadata_v4 = server.scenario.metadata_v4.replace(
            b'Name="Volgnummer"', b'Name="Stuknummer"'
        )
        for k, v in server.env("v4").items():
            monkeypatch.setenv(k, v)
        monkeypatch.setenv("JBZ_TK_ODATA_URL", server.tk_url("v4"))
        assert cli_check_source(argparse.Namespace(since=date(2024, 1, 1))) == 1
    out = capsys.readouterr().out
    assert "Kamerstuk number (ondernummer)" in out and "Volgnummer" in out


def test_check_source_names_a_fractie_the_table_lacks(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for server in serve_samples():  # its own server: the scenario is changed for this test
        server.scenario.fracties.append(
            {"Id": "0f0f0f0f-0000-4000-8000-000000000001", "Verwijderd": False,
             "Afkorting": "NWE", "NaamNL": "Nieuwe Fractie", "NaamEN": "New Group",
             "Nummer": 70001, "AantalZetels": 2, "DatumActief": "2026-10-01T00:00:00+02:00",
             "DatumInactief": None, "GewijzigdOp": None, "ApiGewijzigdOp": None}
        )  # fmt: skip
        for k, v in server.env("v5").items():
            monkeypatch.setenv(k, v)
        assert cli_check_source(argparse.Namespace(since=date(2024, 1, 1))) == 0
    out = capsys.readouterr().out
    assert "TK Fractie: the fracties table lacks 1 of 51 fracties active since 2008: NWE " in out
    assert "Nieuwe Fractie, from 2026-10-01" in out
