"""`jbz browse` in a real headless Chromium (Debian's; `make chromium`), on the example report.

Publishes the example (real parser) as `jbz ingest` does and starts `jbz browse` as a user
would. One test per behaviour of the page: the home page, the ranked and marked search (its
first result is `jbz search`'s), the facets, the pair view and the referring answer's link, the
consultations with their verdict and citable links, the Council meeting page, the feed, and a
new publish seen by the running server. Screenshots go to test-output/browse/ (the ones in
docs/ are copies of them).
"""

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import pytest
import requests

from parsers.api import parse_document
from parsers.model import Consultation
from tests.conftest import TEST_OUTPUT, free_port
from tests.test_browser_ui import CHROMIUM, CHROMIUM_ARGS
from tests.warehouse_builders import EXAMPLE, fetched, make_consultation, record
from warehouse import councils, db, load, publish

if TYPE_CHECKING:
    from playwright.sync_api import Page

SHOTS = TEST_OUTPUT / "browse"
pytestmark = pytest.mark.browser


def _load_and_publish(work: Path, target: Path, docs: dict[int, Consultation]) -> None:
    with db.connect(work) as con:
        load.upsert_documents(con, [record(n) for n in docs], db.db_now())
        for n, c in docs.items():
            f = fetched(EXAMPLE.read_bytes() + str(n).encode(), "txt")
            load.store_file(con, f"tk:doc-{n}", f, db.db_now(), "1")
            load.load_consultation(con, f"tk:doc-{n}", f.sha256, c)
        councils.load_council_meetings(con)
        publish.publish(con, target)


@pytest.fixture(scope="module")
def browse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """`jbz browse` on the published example; yields its base URL and the JBZ_DB path."""
    tmp = tmp_path_factory.mktemp("browse")
    target = tmp / "jbz.duckdb"
    example = parse_document(EXAMPLE.read_bytes(), EXAMPLE.name)
    _load_and_publish(tmp / "jbz.work.duckdb", target, {1: example})
    port = free_port()
    env = dict(os.environ) | {"JBZ_DB": str(target)}
    log_path = tmp / "browse.log"
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
            if requests.get(f"{base}/jbz/qa.json", timeout=5).ok:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.5)
    raise AssertionError("jbz browse did not answer")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture()
def page(browser: Any) -> Iterator["Page"]:
    pg = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        yield pg
    finally:
        pg.close()


def _warehouse(target: Path, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(target), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def _jbz_search(target: Path, *args: str) -> list[dict[str, Any]]:
    env = dict(os.environ) | {"JBZ_DB": str(target)}
    done = subprocess.run(
        [sys.executable, "-m", "flows.cli", "search", *args, "--format", "json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    rows: list[dict[str, Any]] = json.loads(done.stdout)
    return rows


def _search_pvv_schengen(page: "Page", base: str) -> None:
    page.goto(f"{base}/jbz/qa", timeout=60_000)
    page.fill("input[name=_search]", "Schengen")
    page.press("input[name=_search]", "Enter")
    page.wait_for_url("**_search=Schengen**", timeout=60_000)
    facet = page.locator(".facet-info[data-column=fractie] a", has_text="PVV").first
    facet.click()
    page.wait_for_url("**fractie=PVV**", timeout=60_000)


def test_home_page_says_what_the_data_is_and_hides_internals(
    browse: tuple[str, Path], page: "Page"
) -> None:
    base, _ = browse
    page.goto(f"{base}/", timeout=60_000)
    page.screenshot(path=str(SHOTS / "0-home.png"), full_page=True)
    about = page.locator(".jbz-about").inner_text()
    assert about.count(". ") + about.endswith(".") == 2 and "JBZ-Raad" in about
    body = page.locator("body").inner_text()
    assert "_memory" not in body and "pairs_fts" not in body
    hrefs = page.locator(".jbz-links a").evaluate_all("els => els.map(e => e.pathname)")
    assert {"/jbz/qa", "/jbz/meetings", "/jbz/new_consultations.atom"} <= set(hrefs)
    databases = requests.get(f"{base}/-/databases.json", timeout=30).json()
    assert [d["name"] for d in databases] == ["jbz"]
    page.goto(f"{base}/jbz", timeout=60_000)  # the database page: the SQL box, tables, views
    listed = page.locator("section.content").inner_text()
    assert "pairs_fts" not in listed and "qa" in page.locator("#views ~ ul").inner_text()


def test_search_is_ranked_as_jbz_search_and_marks_the_words(
    browse: tuple[str, Path], page: "Page"
) -> None:
    base, target = browse
    _search_pvv_schengen(page, base)
    page.screenshot(path=str(SHOTS / "1-search-schengen-pvv.png"), full_page=False)
    seqs = [int(s) for s in page.locator("table.rows-and-columns td.col-seq").all_inner_texts()]
    expected = [r["seq"] for r in _jbz_search(target, "Schengen", "--fractie", "PVV")]
    assert seqs[0] == expected[0] and seqs == expected  # the issue: the same first result
    ranks = [int(r) for r in page.locator("td.col-rank").all_inner_texts()]
    assert ranks == sorted(ranks)
    first = page.locator("table.rows-and-columns tbody tr").first
    marked = first.locator("td.col-question mark, td.col-answer mark").all_inner_texts()
    assert marked and all(m.lower().startswith("schengen") for m in marked)
    # the stemmed search box: the text never says "toetredingen"
    stemmed = requests.get(
        f"{base}/jbz/qa.json?_search=toetredingen&fractie=PVV&_shape=array&_col=seq", timeout=30
    ).json()
    assert [r["seq"] for r in stemmed][:1] == [
        r["seq"] for r in _jbz_search(target, "toetredingen", "--fractie", "PVV")
    ][:1]
    # what FTS5 cannot read is searched quoted, not an error page
    for odd in ('"', "NOT", "*", "AND Schengen OR"):
        assert requests.get(f"{base}/jbz/qa", params={"_search": odd}, timeout=30).ok, odd
    # the old address of the page still answers, and an explicit sort by rank works
    old = requests.get(f"{base}/jbz/pairs?_search=Schengen&_sort=rank", timeout=30)
    assert old.ok and old.url.startswith(f"{base}/jbz/qa?")

    # the canonical fracties as an array facet: the joint PvdA/GroenLinks block counts under both
    facets = requests.get(f"{base}/jbz/qa.json?_search=Schengen", timeout=30).json()
    by_id = {f["value"]: f["count"] for f in facets["facet_results"]["fractie_ids"]["results"]}
    assert by_id["tk-gl"] == by_id["tk-pvda"] > 0 and by_id["tk-pvv"] > 0

    feed = requests.get(f"{base}/jbz/new_consultations.atom", timeout=30)
    assert feed.ok and "<entry>" in feed.text and "Verslag 1" in feed.text


def test_facets_on_fractie_parties_chamber_meeting_council_dossier_topic_year(
    browse: tuple[str, Path], page: "Page"
) -> None:
    base, target = browse
    page.goto(f"{base}/jbz/qa", timeout=60_000)
    columns = page.locator(".facet-info").evaluate_all("els => els.map(e => e.dataset.column)")
    wanted = {"fractie", "parties", "chamber", "meeting_id", "council", "dossier", "topic", "year"}
    assert wanted <= set(columns)
    # a joint block counts under each of its parties
    page.locator(".facet-info[data-column=parties] a", has_text="GroenLinks").first.click()
    page.wait_for_url("**parties**", timeout=60_000)
    page.screenshot(path=str(SHOTS / "2-facet-groenlinks.png"), full_page=False)
    fracties = set(page.locator("td.col-fractie").all_inner_texts())
    joint = _warehouse(
        target, "SELECT DISTINCT fractie FROM v_qa WHERE list_contains(parties, 'GroenLinks')"
    )
    assert fracties == {f for (f,) in joint} and fracties


def test_pair_view_shows_everything_and_the_referring_answer_links_its_pair(
    browse: tuple[str, Path], page: "Page"
) -> None:
    base, target = browse
    _search_pvv_schengen(page, base)
    row = page.locator("table.rows-and-columns tr", has=page.locator("td.col-seq:text-is('27')"))
    row.locator("td.col-question a.read-pair").click()
    page.wait_for_url("**/jbz/pair/**", timeout=60_000)
    page.screenshot(path=str(SHOTS / "3-pair-27.png"), full_page=True)
    ((question, answer, refers),) = _warehouse(
        target, "SELECT question, answer, refers_to_seqs FROM v_qa WHERE seq = 27"
    )
    assert page.locator("#question").inner_text() == question
    assert page.locator("#answer").inner_text() == answer
    assert page.locator("#question mark").all_inner_texts() == ["Schengen"]
    assert page.locator(".label-fractie").inner_text() == "PVV"
    cited = page.locator("a.citable").evaluate_all("els => els.map(e => e.hostname)")
    assert cited == ["zoek.officielebekendmakingen.nl", "www.tweedekamer.nl"]
    page.locator("#refers-to a").first.click()
    page.wait_for_url("**/jbz/pair/**", timeout=60_000)
    ((fractie, seq, referred),) = _warehouse(
        target, "SELECT fractie, seq, question FROM v_qa WHERE seq = ?", [refers[0]]
    )
    assert page.locator("h1").inner_text() == f"{fractie}, question {seq}"
    assert page.locator("#question").inner_text() == referred
    assert "PVV, question 27" in page.locator("#referred-by").inner_text()


def test_consultations_show_verdict_pairs_and_citable_links(
    browse: tuple[str, Path], page: "Page"
) -> None:
    base, target = browse
    page.goto(f"{base}/jbz/consultations", timeout=60_000)
    page.screenshot(path=str(SHOTS / "4-consultations.png"), full_page=False)
    assert page.locator("td.col-quality .verdict").all_inner_texts() == ["ok"]
    # the page's stylesheet reaches Datasette's own pages: the verdict is coloured
    colour = page.locator("td.col-quality .verdict").evaluate("e => getComputedStyle(e).background")
    assert "rgb(211, 249, 216)" in colour
    assert page.locator("td.col-pair_count").all_inner_texts() == ["98"]
    ((koop_id, number, file_url),) = _warehouse(
        target, "SELECT koop_id, document_number, file_url FROM documents"
    )
    cite = page.locator("td.col-page_url a.citable")
    assert cite.inner_text() == "officielebekendmakingen.nl"
    assert cite.get_attribute("href") == f"https://zoek.officielebekendmakingen.nl/{koop_id}.html"
    tk = page.locator("td.col-tk_url a.citable")
    assert tk.inner_text() == "tweedekamer.nl"
    assert tk.get_attribute("href") == (
        f"https://www.tweedekamer.nl/kamerstukken/detail?id={number}&did={number}"
    )
    assert page.locator("td.col-source_url a.raw-file").get_attribute("href") == file_url


def test_council_meeting_page_lists_documents_consultations_and_fracties(
    browse: tuple[str, Path], page: "Page"
) -> None:
    base, target = browse
    page.goto(f"{base}/jbz/qa?fractie=PVV", timeout=60_000)
    page.locator("td.col-meeting_id a").first.click()
    page.wait_for_url("**/jbz/meeting/**", timeout=60_000)
    page.screenshot(path=str(SHOTS / "5-meeting.png"), full_page=True)
    per_fractie = page.locator("table.per-fractie tbody tr").all_inner_texts()
    expected = _warehouse(
        target,
        "SELECT fractie, count(*) AS n FROM v_qa GROUP BY fractie ORDER BY n DESC, fractie",
    )
    assert [r.split("\t") for r in per_fractie] == [[f, str(n)] for f, n in expected]
    assert page.locator("table.meeting-consultations .verdict").all_inner_texts() == ["ok"]
    ((label,),) = _warehouse(target, "SELECT dossier || '-' || ondernummer FROM documents")
    doc = page.locator("table.meeting-documents a.citable")
    assert doc.inner_text() == label and "officielebekendmakingen.nl" in str(
        doc.get_attribute("href")
    )


def test_feed_announces_only_consultations_with_pairs_and_a_publish_is_seen(
    browse: tuple[str, Path],
) -> None:
    base, target = browse
    example = parse_document(EXAMPLE.read_bytes(), EXAMPLE.name)
    docs = {2: example, 3: make_consultation(0)}  # doc-3: a report with no pairs
    _load_and_publish(target.with_name("jbz.work.duckdb"), target, docs)
    rows = requests.get(f"{base}/jbz/consultations.json?_shape=array", timeout=30).json()
    assert sorted(r["consultation_id"] for r in rows) == ["tk:doc-1", "tk:doc-2", "tk:doc-3"]
    feed = requests.get(f"{base}/jbz/new_consultations.atom", timeout=30)
    assert feed.ok and feed.text.count("<entry>") == 2
    assert "Verslag 1" in feed.text and "Verslag 2" in feed.text and "Verslag 3" not in feed.text
    assert "zoek.officielebekendmakingen.nl/kst-32317-801.html" in feed.text
