"""The web page in a real browser: Debian's Chromium, driven by Playwright, against one real
server for the module (its own claim store, so the speaker page and the screenshots do not
depend on other tests). The screenshots in docs/screenshots are written here, as the README
links them; the parts that vary between runs (the pipeline's milliseconds and version) are
masked, so the files change only with the page.
"""

from __future__ import annotations

import json
import os
import shutil
import urllib.request

import pytest
from conftest import ROOT
from zitat_server.serving.config import DEFAULT_MAX_DOCUMENT_BYTES
from zitat_server.serving.launch import running_endpoints
from zitat_server.training.corpora import EXAMPLES

try:  # a missing Playwright fails the tests with advice (the browser fixture), not the collection
    from playwright.sync_api import expect, sync_playwright
except ImportError:
    expect = sync_playwright = None

pytestmark = pytest.mark.slow

SCREENSHOTS = ROOT / "docs" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
NARROW = {"width": 390, "height": 844}
OUTLETS = (("Ukrinform", "2024-09-03"), ("Kyiv Independent", "2024-09-05"), ("Deutsche Welle", "2024-09-24"))


def chromium() -> str:
    path = os.environ.get("ZITAT_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail(
            "Chromium is missing, and the page tests need it: run `bash scripts/install_browser.sh` "
            "(Debian: apt-get install -y chromium) or set ZITAT_CHROMIUM to a Chromium binary",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="module")
def site(tmp_path_factory, example_text) -> str:
    store = tmp_path_factory.mktemp("web") / "claims.sqlite3"
    # Rules only: it starts in seconds, and finds the same four quotes of the example article.
    with running_endpoints("--rules-only", "--store", str(store)) as started:
        lines = [
            {"document": {"id": f"{o}/umjerow", "text": example_text, "outlet": o, "publishedAt": f"{d}T09:00:00Z"}}
            for o, d in OUTLETS
        ]
        req = urllib.request.Request(
            f"{started.http}/v1/documents:ingest", data="\n".join(map(json.dumps, lines)).encode(), method="POST"
        )
        with urllib.request.urlopen(req, timeout=120) as resp:
            assert all('"INGEST_STATUS_CREATED"' in line for line in resp.read().decode().splitlines())
        yield started.http


@pytest.fixture(scope="module")
def browser():
    if sync_playwright is None:
        pytest.fail("playwright is missing: pip install -e './server[dev]' (scripts/install.sh)", pytrace=False)
    expect.set_options(timeout=20_000)  # the machine is shared: waits are generous, never sleeps
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium())
        yield b
        b.close()


@pytest.fixture
def open_page(browser, site):
    """Open the page at a viewport and path; at the end, no script error, no missing file and
    no request that left the server (the page works offline)."""
    contexts, errors, foreign = [], [], []

    def open_(path: str = "/", viewport: dict = DESKTOP):
        context = browser.new_context(viewport=viewport)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        # API errors are the tests' business (the browser logs each as a failed load); a missing
        # page file or a script error is not.
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" and "Failed to load" not in m.text
                else None)
        page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 and "/v1/" not in r.url
                else None)
        page.on("request", lambda r: None if r.url.startswith((site, "data:")) else foreign.append(r.url))
        page.goto(site + path)
        return page

    yield open_
    for c in contexts:
        c.close()
    assert errors == []
    assert foreign == []


def extract(page, text: str) -> None:
    page.fill("#article", text)
    page.click("#extract-button")
    page.wait_for_selector("#doc [data-anchor]")


def detail(page) -> dict[str, str]:
    """The selected-quote panel as {term: value}."""
    return page.eval_on_selector_all(
        "#detail dt", "dts => Object.fromEntries(dts.map(dt => [dt.textContent, dt.nextElementSibling.innerText]))"
    )


def screenshot(page, name: str, height: int | None = None, top: str | None = None) -> None:
    """The page's top ``height`` pixels, or the viewport scrolled to the element ``top`` (or to
    the top); without the mouse and what varies between runs and pipelines (milliseconds,
    pipeline version: hidden through the DOM, as Playwright's injected style would break the
    page's CSP), so that the files change only with the page."""
    page.mouse.move(0, 0)
    page.evaluate("document.querySelectorAll('#extract-ms, #version').forEach(e => e.style.visibility = 'hidden')")
    to = "t => window.scrollTo(0, t ? Math.round(document.querySelector(t).getBoundingClientRect().top + scrollY) : 0)"
    page.evaluate(to, top)
    if height is None:
        page.screenshot(path=SCREENSHOTS / name)
    else:
        clip = {"x": 0, "y": 0, "width": 1280, "height": height}
        page.screenshot(path=SCREENSHOTS / name, full_page=True, clip=clip)


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_extract_marks_the_four_quotes_and_their_speaker(open_page, example_text):
    page = open_page()
    extract(page, example_text)
    anchors = page.locator("#doc [data-anchor]")
    assert anchors.count() == 4
    labels = [anchors.nth(i).get_attribute("aria-label") for i in range(4)]
    assert labels == [
        "Quote 1 of 4, indirect, Rustem Umjerow",
        "Quote 2 of 4, direct, Rustem Umjerow",
        "Quote 3 of 4, direct, Rustem Umjerow",
        "Quote 4 of 4, direct, Rustem Umjerow",
    ]
    assert page.locator("#doc .q.form-direct").count() >= 3 and page.locator("#doc .q.form-indirect").count() >= 1
    assert page.inner_text("#speaker-legend") == "Rustem Umjerow (person, Verteidigungsminister) — 4 quotes"
    assert page.inner_text("#extract-summary").startswith("4 quotes, 1 speaker")

    page.locator("#doc .q", has_text="Das Hauptthema war").first.click()  # a piece of the second quote
    info = detail(page)
    assert info["Cue"] == "schrieb" and info["Source mention"] == "Umjerow"
    assert info["Speaker"].startswith("Rustem Umjerow")
    assert page.locator("#doc .sel-cue").inner_text() == "schrieb"
    assert page.locator("#doc .sel-src").inner_text() == "Umjerow"
    screenshot(page, "extract-1280.png", height=1250)


def test_hovering_shows_a_quote_and_leaving_shows_the_selected_one_again(open_page, example_text):
    page = open_page()
    extract(page, example_text)
    page.click('[data-anchor="0"]')
    page.locator("#doc .q", has_text="besonderes Augenmerk").first.hover()
    assert detail(page)["Cue"] == "zufolge"
    assert page.locator("#doc .hov-cue").inner_text() == "zufolge"
    assert page.locator("#doc .hov-src").inner_text() == "Ihm"
    page.mouse.move(5, 5)  # out of the article
    assert detail(page)["Cue"] == "teilte … mit"
    assert page.locator("#doc .hov-cue").count() == 0


def test_an_article_opens_from_a_text_file(open_page, example_text):
    page = open_page()
    page.set_input_files("#article-file", EXAMPLES / "umjerow-boeing.txt")
    page.wait_for_function("document.querySelector('#article').value.length > 0")
    assert page.input_value("#article") == example_text
    assert page.inner_text("#article-size").startswith("2.8 kB")


def test_keyboard_alone_reaches_and_selects_every_quote(open_page, example_text):
    page = open_page()
    extract(page, example_text)
    page.focus("#extract-button")
    reached = []
    for _ in range(12):
        page.keyboard.press("Tab")
        q = page.evaluate("document.activeElement.dataset.anchor ?? null")
        if q is not None:
            reached.append(int(q))
        if len(reached) == 4:
            break
    assert reached == [0, 1, 2, 3]  # in reading order, each in one Tab
    assert page.get_attribute('[data-anchor="3"]', "aria-pressed") == "true"  # focus selects
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert page.get_attribute('[data-anchor="2"]', "aria-pressed") == "true"
    assert detail(page)["Cue"] == "zufolge"
    page.keyboard.press("Home")
    assert page.evaluate("document.activeElement.dataset.anchor") == "0"
    assert detail(page)["Cue"] == "teilte … mit"
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.dataset.anchor") == "1"
    page.keyboard.press("Escape")
    assert page.locator("#doc .sel").count() == 0


def test_narrow_screen_keeps_one_column_and_shows_the_selected_quote(open_page, example_text):
    page = open_page(viewport=NARROW)
    extract(page, example_text)
    assert no_sideways_scroll(page)
    page.focus('[data-anchor="1"]')
    sheet = page.locator("#detail-panel").bounding_box()
    assert sheet["y"] + sheet["height"] <= NARROW["height"] + 1 and sheet["width"] >= 380  # a sheet at the bottom
    assert detail(page)["Source mention"] == "Umjerow"
    screenshot(page, "extract-390.png", top="#extract-summary")
    page.click("#detail-close")
    assert not page.locator("#detail-panel").is_visible()
    assert page.evaluate("document.activeElement.dataset.anchor") == "1"


def test_speaker_page_shows_timeline_roles_and_clusters(open_page):
    page = open_page("/#/speakers?name=Umjerow")
    page.click("#search-results >> text=Rustem Umjerow")
    page.wait_for_selector("#timeline canvas")
    page.wait_for_selector("#clusters .cluster")
    assert page.inner_text("#speaker-name") == "Rustem Umjerow"
    assert page.inner_text("#speaker-meta").startswith("12 claims, 2024-09-03 to 2024-09-24")
    assert "Claims per week by outlet" in page.get_attribute("#timeline", "aria-label")
    cells = "rs => rs.map(r => [...r.cells].map(c => c.textContent))"  # the table sits in a closed <details>
    rows = page.eval_on_selector_all("#timeline-table tbody tr", cells)
    assert rows == [
        ["week of 2024-09-02", "0", "4", "4"],
        ["week of 2024-09-09", "0", "0", "0"],
        ["week of 2024-09-16", "0", "0", "0"],
        ["week of 2024-09-23", "4", "0", "0"],
    ]  # columns: Deutsche Welle, Kyiv Independent, Ukrinform
    assert "Verteidigungsminister" in page.inner_text("#roles")
    clusters = page.locator("#clusters .cluster")
    assert clusters.count() == 4
    assert all(clusters.nth(i).inner_text().startswith("3 renderings · first in Ukrinform") for i in range(4))
    assert page.locator("#claims > li").count() == 12
    page.check("input[value=month]")
    assert page.eval_on_selector_all("#timeline-table tbody tr", "rs => rs.length") == 1
    page.check("input[value=week]")
    screenshot(page, "speaker-1280.png", height=1300)


def test_speaker_page_on_a_narrow_screen(open_page):
    page = open_page("/#/speakers?name=Umjerow", viewport=NARROW)
    page.click("#search-results >> text=Rustem Umjerow")
    page.wait_for_selector("#timeline canvas")
    page.wait_for_selector("#clusters .cluster")
    assert no_sideways_scroll(page)
    assert page.locator("#timeline canvas").bounding_box()["width"] <= NARROW["width"]
    screenshot(page, "speaker-390.png")


def test_clear_messages_for_errors(open_page, example_text):
    page = open_page()
    error = page.locator("#extract-error")  # expect() waits for the answer to arrive
    page.click("#extract-button")
    expect(error).to_have_text("There is no text to analyse: paste an article first.")

    page.wait_for_selector("#version:not(:empty)")  # the server's limits are known
    sent = []
    page.on("request", lambda r: sent.append(r.url) if "/v1/extract" in r.url else None)
    page.eval_on_selector("#article", "t => { t.value = 'ä'.repeat(500001); t.dispatchEvent(new Event('input')); }")
    page.click("#extract-button")
    expect(error).to_contain_text(
        "The article is too long for this server: it is 1,000,002 bytes (UTF-8), and the server takes at most "
        f"{DEFAULT_MAX_DOCUMENT_BYTES:,} bytes"
    )
    assert sent == []  # refused before sending

    def answer(status: int, body: dict):
        return lambda route: route.fulfill(status=status, content_type="application/json", body=json.dumps(body))

    page.route("**/v1/extract", answer(401, {"code": 16, "message": "missing bearer token"}))
    page.fill("#article", example_text)
    page.click("#extract-button")
    expect(error).to_contain_text("asks for an access token")
    page.unroute("**/v1/extract")
    page.route("**/v1/extract", answer(503, {"code": 14, "message": "draining"}))
    page.click("#extract-button")
    expect(error).to_contain_text("The server is not ready yet")
    page.unroute("**/v1/extract")
    page.click("#extract-button")
    page.wait_for_selector("#doc [data-anchor]")
    expect(error).to_be_hidden()


def test_a_server_still_loading_is_announced(browser, site):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.route("**/v1/health", lambda r: r.fulfill(status=200, content_type="application/json",
                                                   body='{"status": "NOT_SERVING"}'))
    page.goto(site + "/")
    page.wait_for_selector("#banner:not([hidden])")
    assert page.inner_text("#banner").startswith("The server is not ready yet")
    page.unroute("**/v1/health")
    expect(page.locator("#banner")).to_be_hidden()  # the page checks again (every 2 s)
    context.close()


def test_text_has_readable_contrast(open_page, example_text):
    page = open_page()
    extract(page, example_text)
    page.focus('[data-anchor="1"]')
    ratios = page.evaluate(
        """() => {
        const rgb = (s) => { const v = s.match(/[\\d.]+/g).map(Number);  // rgb(a) 0-255, or color(srgb 0-1)
          return s.startsWith("color(") ? v.map((x, i) => (i < 3 ? x * 255 : x)) : v; };
        const lum = ([r, g, b]) => [r, g, b].map((c) => { c /= 255; return c <= 0.03928 ? c / 12.92
          : ((c + 0.055) / 1.055) ** 2.4; }).reduce((s, c, i) => s + c * [0.2126, 0.7152, 0.0722][i], 0);
        const bg = (el) => { for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor);
          if (c.length < 4 || c[3] > 0) return c.slice(0, 3); } return [255, 255, 255]; };
        const sel = ["#doc .q", "#doc .q.sel", "#doc .anchor", "#doc .anchor.sel", "#doc .cue", ".muted",
                     "button.primary", "#speaker-legend .name", "#detail dd", "nav a"];
        return Object.fromEntries(sel.map((s) => { const el = document.querySelector(s);
          const a = lum(rgb(getComputedStyle(el).color)), b = lum(bg(el));
          return [s, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)]; }));
    }"""
    )
    assert all(r >= 4.5 for r in ratios.values()), ratios
