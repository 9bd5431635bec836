"""The web UI in a real browser: Debian's Chromium driven by Playwright against a uvicorn server on a free
port, serving a store of hand-coded articles. Code an article and see its event and quote, filter events
and trace one, draw the dyad chart, search quotes."""
from __future__ import annotations

import os
import re
import socket
import threading
import time

import pytest
from playwright.sync_api import expect, sync_playwright

from test_api import MEETING, hand_coded_store

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
TIMEOUT_MS = 20_000  # the first coding request builds the pipeline's stages


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory, nlp):
    import uvicorn

    from tacitus.api import create_app

    db = hand_coded_store(tmp_path_factory.mktemp("web") / "hand.duckdb")
    app = create_app(db, nlp=nlp)
    port = free_port()
    uv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not uv.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the test server did not start"
        time.sleep(0.05)
    app.state.service.warm_up()  # load the coder once, outside the timed browser steps
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (`make test` installs it first)")

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context()
    context.set_default_timeout(TIMEOUT_MS)
    outside: list[str] = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server)
                  else (outside.append(route.request.url), route.abort()))
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    yield tab
    context.close()
    assert not errors, f"script errors: {errors}"
    assert not outside, f"the page asked for other hosts: {outside}"


def test_code_an_article_shows_its_event_quote_and_evidence(page, server):
    page.goto(server + "/")
    page.get_by_label("Article text (English)").fill(MEETING)
    page.get_by_label("Publication date").fill("2024-05-08")
    page.get_by_role("button", name="Code", exact=True).click()
    events = page.locator("#code-events tbody tr")
    events.filter(has_text="040").first.wait_for()
    assert "Aino Virtanen" in events.filter(has_text="040").first.inner_text()
    quotes = page.locator("#code-quotes tbody tr")
    assert "guard the sea together" in quotes.first.inner_text()
    doc = page.locator("#code-doc")
    assert doc.inner_text() == MEETING  # the text is shown whole, highlights only wrap it
    assert doc.locator("mark.evidence").count() and doc.locator("mark.quote").count()
    events.filter(has_text="040").first.get_by_role("button").click()
    assert "met" in " ".join(doc.locator("mark.active").all_inner_texts())
    page.get_by_label("Publication date").fill("")
    page.get_by_label("Article text (English)").fill("")
    page.get_by_label("Article text (English)").fill("Der Präsident hat heute in Berlin gesagt, dass die "
                                                     "Regierung mit der Opposition sprechen wird und gibt.")
    page.get_by_role("button", name="Code", exact=True).click()
    expect(page.locator("#code-error")).to_have_text(re.compile(r"^text: does not look like English"))


def test_store_views_appear_with_a_store(page, server):
    page.goto(server + "/")
    page.get_by_role("link", name="Summary").click()
    page.locator("#summary-counts dd").first.wait_for()
    assert page.locator("#summary-counts").inner_text().split("\n")[:2] == ["Articles", "6"]
    assert page.locator("#code-store").is_hidden()  # read-only: nothing may be stored


def test_filter_events_and_trace_one(page, server):
    page.goto(server + "/#events")
    page.get_by_label("Actor", exact=True).fill("BLR")
    page.get_by_role("button", name="Show events").click()
    page.get_by_text("3 events.").wait_for()
    assert page.locator("#events-table tbody tr").count() == 3
    page.get_by_label("Type").fill("AGREE")
    page.get_by_role("button", name="Show events").click()
    page.get_by_text("1 events.").wait_for()
    assert "057" in page.locator("#events-table tbody tr").inner_text()
    page.get_by_label("Type").fill("04")
    page.locator("#events-start").fill("2024-01-01")
    page.locator("#events-end").fill("2024-01-31")
    page.get_by_role("button", name="Show events").click()
    page.get_by_text("1 events.").wait_for()
    page.get_by_role("link", name="trace").click()
    mentions = page.locator("#event-mentions tbody tr")
    mentions.nth(1).wait_for()
    assert {"Wire A", "Wire B"} <= {cell for row in mentions.all_inner_texts() for cell in row.split("\t")}
    assert "Consult" in page.locator("#event-heading").inner_text()
    page.goto(server + "/#events")
    page.get_by_label("Type").fill("MEET")
    page.get_by_role("button", name="Show events").click()
    expect(page.locator("#events-error")).to_have_text(re.compile(r"^type: use a CAMEO code prefix"))


def test_dyad_chart_is_drawn(page, server):
    page.goto(server + "/#dyad")
    page.get_by_label("Actor A").fill("BLR")
    page.get_by_label("Actor B").fill("RUS")
    page.get_by_role("button", name="Draw").click()
    chart = page.locator("#dyad-chart svg")
    chart.wait_for()
    points = chart.locator("circle.point")
    assert points.count() == 2
    assert [points.nth(i).get_attribute("data-period") for i in range(2)] == ["2024-01-01", "2024-03-01"]
    assert [points.nth(i).get_attribute("data-events") for i in range(2)] == ["2", "1"]
    assert chart.locator("rect.bar").count() == 2  # one quad class a month here
    # January's point (mean Goldstein +4.5) sits above March's (-2)
    assert float(points.nth(0).get_attribute("cy")) < float(points.nth(1).get_attribute("cy"))
    assert page.locator("#dyad-table tbody tr").count() == 2


def test_quotes_and_top_actors(page, server):
    page.goto(server + "/#quotes")
    page.get_by_label("Speaker").fill("Rogozin")
    page.get_by_role("button", name="Search quotes").click()
    page.get_by_text("1 quotes.").wait_for()
    assert "NATO is moving closer to our borders" in page.locator("#quotes-table tbody").inner_text()
    page.goto(server + "/#actors")
    page.get_by_role("button", name="Show actors").click()
    first = page.locator("#actors-table tbody tr").first
    first.wait_for()
    assert first.inner_text().split("\t")[:2] == ["Belarus", "BLR"]
