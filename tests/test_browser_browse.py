"""`jbz browse` in a real headless Chromium (Debian's; `make chromium`).

Publishes the example report, starts `jbz browse` as a user would, opens the pairs page,
searches "Schengen" in Datasette's search box, filters on the PVV facet and sees the PVV
Schengen pair with its links; then reads the Atom feed, publishes again and sees the server
serve the new snapshot. Screenshots go to test-output/browse/.
"""

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from parsers.api import parse_document
from tests.conftest import TEST_OUTPUT, free_port
from tests.test_browser_ui import CHROMIUM, CHROMIUM_ARGS
from tests.warehouse_builders import EXAMPLE, fetched, record
from warehouse import db, load, publish

SHOTS = TEST_OUTPUT / "browse"
pytestmark = pytest.mark.browser


def _load_and_publish(work: Path, target: Path, numbers: range) -> None:
    c = parse_document(EXAMPLE.read_bytes(), EXAMPLE.name)
    f = fetched(EXAMPLE.read_bytes(), "txt")
    with db.connect(work) as con:
        load.upsert_documents(con, [record(n) for n in numbers], db.utcnow())
        for n in numbers:
            load.store_file(con, f"tk:doc-{n}", f, db.utcnow(), "1")
            load.load_consultation(con, f"tk:doc-{n}", f.sha256, c)
        publish.publish(con, target)


@pytest.fixture()
def browse(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """`jbz browse` on the published example; yields its base URL and the JBZ_DB path."""
    target = tmp_path / "jbz.duckdb"
    _load_and_publish(tmp_path / "jbz.work.duckdb", target, range(1, 2))
    port = free_port()
    env = dict(os.environ) | {"JBZ_DB": str(target)}
    log_path = tmp_path / "browse.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "flows.cli", "browse", "--port", str(port)],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_for(base, proc)
            yield base, target
        finally:
            proc.terminate()
            proc.wait(timeout=30)
            print(log_path.read_text(errors="replace")[-3000:])


def _wait_for(base: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert proc.poll() is None, "jbz browse exited early"
        try:
            if requests.get(f"{base}/jbz/pairs.json", timeout=5).ok:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.5)
    raise AssertionError("jbz browse did not answer")


def test_search_filter_on_pvv_and_see_the_pair(browse: tuple[str, Path]) -> None:
    from playwright.sync_api import sync_playwright

    base, target = browse
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"{base}/jbz/pairs", timeout=60_000)
            page.screenshot(path=str(SHOTS / "1-pairs.png"), full_page=False)
            page.fill("input[name=_search]", "Schengen")
            page.press("input[name=_search]", "Enter")
            page.wait_for_url("**_search=Schengen**", timeout=60_000)
            page.screenshot(path=str(SHOTS / "2-search-schengen.png"), full_page=False)
            facet = page.locator(".facet-info[data-column=fractie] a", has_text="PVV").first
            facet.click()
            page.wait_for_url("**fractie=PVV**", timeout=60_000)
            page.screenshot(path=str(SHOTS / "3-schengen-pvv.png"), full_page=False)
            seqs = page.locator("table.rows-and-columns td.col-seq").all_inner_texts()
            assert "24" in seqs and set(page.locator("td.col-fractie").all_inner_texts()) == {"PVV"}
            row = page.locator(
                "table.rows-and-columns tr", has=page.locator("td.col-seq:text-is('24')")
            )
            consultation = row.locator("td.col-consultation_id a").first
            assert "/jbz/consultations/" in (consultation.get_attribute("href") or "")
            source = row.locator("td.col-source_url a").first
            assert source.get_attribute("href") == "https://example.org/1"
        finally:
            browser.close()

    # the search box stems like `jbz search`: the text never says "toetredingen"
    stemmed = requests.get(
        f"{base}/jbz/pairs.json?_search=toetredingen&fractie=PVV&_shape=array&_col=seq", timeout=30
    ).json()
    assert 24 in [r["seq"] for r in stemmed]

    # the canonical fracties as an array facet: the joint PvdA/GroenLinks block counts under both
    facets = requests.get(f"{base}/jbz/pairs.json?_search=Schengen", timeout=30).json()
    by_id = {f["value"]: f["count"] for f in facets["facet_results"]["fractie_ids"]["results"]}
    assert by_id["tk-gl"] == by_id["tk-pvda"] > 0 and by_id["tk-pvv"] > 0

    feed = requests.get(f"{base}/jbz/new_consultations.atom", timeout=30)
    assert feed.ok and "<entry>" in feed.text and "Verslag 1" in feed.text

    _load_and_publish(target.with_name("jbz.work.duckdb"), target, range(2, 3))
    rows = requests.get(f"{base}/jbz/consultations.json?_shape=array", timeout=30).json()
    assert sorted(r["consultation_id"] for r in rows) == ["tk:doc-1", "tk:doc-2"]
