"""The pages in a real browser: Debian's Chromium, headless, driven by Playwright, against `zangraph serve` on
loopback. Every request the pages make to anywhere else is refused and recorded, so the pages are shown to work
offline. Each test saves screenshots in its own folder under test-output/pages/ (ZANGRAPH_TEST_OUTPUT moves it).

Expected values are read off the sources: order 220 of 2023 restated the annex of order 360 from 01.07.2023
("вводится в действие с 01.07.2023"); order 201 of 2023 ended order 350 of 2018 from 1 July 2023 ("вводится в
действие с 1 июля 2023 года"); point 54 as worded by order 316 of 2024 (English text) and by order 309 of 2025
(Russian and Kazakh texts, 004_02f4d226a4fb9b82.txt line 1511)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import ROOT, serving

CHROMIUM = shutil.which("chromium")
# `make test` installs Chromium; run bare, outside CI, the tests say they were skipped rather than fail.
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"), reason="chromium is not installed")]
AXE = ROOT / "tests" / "vendor" / "axe-core-4.14.1" / "axe.min.js"
OUTPUT = Path(os.environ.get("ZANGRAPH_TEST_OUTPUT", ROOT / "test-output")) / "pages"
# As the machine's Chromium needs them: no sandbox as root, and no calls home (the network is closed).
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
CONSULTANT = "/positions/social-work-consultant"
POINT_54 = "/parts/order-2017-360~att_1!order-2023-220__chp_2__sec_6__para_54"


@pytest.fixture(scope="module")
def server(published) -> Iterator[str]:
    with serving(published) as (url, _):
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    assert CHROMIUM, "chromium is needed (make test installs it)"
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


class Visit:
    """A page in a browser context of its own, with what went wrong on it: script errors, console errors (a
    refused Content-Security-Policy among them) and requests to anywhere but the server."""

    def __init__(self, browser, server: str, folder: Path, width: int = 1440, bypass_csp: bool = False):
        self.server, self.folder = server, folder
        self.context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=bypass_csp)
        self.elsewhere: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)

    def _route(self, route) -> None:
        if route.request.url.startswith(self.server):
            route.continue_()
        else:
            self.elsewhere.append(route.request.url)
            route.abort()

    def open(self, path: str) -> object:
        response = self.page.goto(self.server + path)
        assert response is not None and response.status == 200, path
        return self.page

    def shot(self, name: str) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{name}.png"
        self.page.screenshot(path=path, full_page=False)
        return path

    def close(self) -> None:
        self.context.close()
        assert not self.elsewhere, f"requests to elsewhere: {self.elsewhere}"
        assert not self.errors, f"errors in the browser: {self.errors}"


@pytest.fixture
def visit(browser, server, request) -> Iterator[Visit]:
    opened = Visit(browser, server, OUTPUT / request.node.name.replace("/", "_"))
    yield opened
    opened.close()


def _acts(page) -> list[str]:
    return page.eval_on_selector_all("#governing-acts a", "links => links.map(a => a.dataset.act)")


def test_moving_the_date_across_01_07_2023_changes_what_governs_the_consultant(visit):
    page = visit.open(CONSULTANT + "?at=2023-06-30")
    assert page.locator("h1").inner_text() == "Social work consultant"
    assert _acts(page) == ["order-2017-360", "order-2018-350", "order-2019-292"]
    part = page.locator('section.source[data-act="order-2017-360"]')
    assert part.get_attribute("data-part") == "order-2017-360~att_1__chp_2__sec_2"  # the wording of 2017
    assert part.locator("table.ladder tbody tr").count() == 4  # highest, first, second, without a category
    visit.shot("before")
    page.fill("#as-at", "2023-07-01")
    page.click("form.settings button")
    page.wait_for_url("**at=2023-07-01**")
    assert page.locator("#as-at-date").inner_text() == "01.07.2023"
    assert _acts(page) == ["order-2017-360", "order-2019-292"]  # order 350 of 2018 no longer in force
    part = page.locator('section.source[data-act="order-2017-360"]')
    assert part.get_attribute("data-part") == "order-2017-360~att_1!order-2023-220__chp_2__sec_2"
    visit.shot("after")


def test_comparing_two_dates_shows_the_ladders_side_by_side_with_the_changes(visit):
    page = visit.open(CONSULTANT + "?at=2023-06-30")
    page.fill("#cmp-to", "2023-07-01")
    page.click("form[action$='/compare'] button")
    page.wait_for_url("**/compare?**")
    columns = page.locator(".side > section")
    assert columns.count() == 2
    assert columns.nth(0).locator("section.source").evaluate_all("s => s.map(x => x.dataset.act)") == [
        "order-2017-360", "order-2018-350", "order-2019-292"]
    assert columns.nth(1).locator("section.source").evaluate_all("s => s.map(x => x.dataset.act)") == [
        "order-2017-360", "order-2019-292"]
    changes = page.locator("#changes li").all_inner_texts()
    # Order 350's four rungs went with it; order 220 restated order 360's ladder with the same rungs.
    assert changes == [f"order-2018-350: high level, rung {n} ({c}): removed" for n, c in (
        (1, "the highest category"), (2, "the first category"), (3, "the second category"), (4, "without a category"))]
    visit.shot("compare")


def test_the_timeline_of_order_360(visit):
    page = visit.open("/acts/order-2017-360")
    marks = page.locator("svg.timeline a.event")
    acts = set(marks.evaluate_all("m => m.map(a => a.dataset.act)"))
    assert {"order-2023-220", "order-2024-316", "order-2025-309", "order-2026-73"} <= acts

    def dashes(act: str) -> set[str]:
        return set(page.locator(f'svg.timeline a.event[data-act="{act}"] circle').evaluate_all(
            "cs => cs.map(c => getComputedStyle(c).strokeDasharray)"))

    # 220: "shall be enforced from 01.07.2023", exact; 316 and 309: ten days after publication, estimated.
    assert dashes("order-2023-220") == {"none"}
    assert "none" not in dashes("order-2024-316") and "none" not in dashes("order-2025-309")
    visit.shot("timeline")
    page.locator('svg.timeline a.event[data-act="order-2023-220"]').first.click()
    row = page.locator("tr:target")
    assert "order-2023-220" in row.inner_text() and "01.07.2023" in row.inner_text()
    visit.shot("event")


def test_the_history_and_diff_of_point_54(visit):
    page = visit.open(POINT_54)
    rows = page.locator("#versions tbody tr")
    assert [rows.nth(i).locator("td").nth(0).inner_text() for i in range(rows.count())] == [
        "order-2023-220", "order-2024-316", "order-2025-309"]
    assert [rows.nth(i).locator("td").nth(1).inner_text() for i in range(rows.count())] == [
        "01.07.2023", "26.08.2024", "17.10.2025"]
    visit.shot("history")
    rows.nth(2).locator("a.diff-link").click()
    page.wait_for_url("**from=2024-08-26**")
    changes = page.locator("#structured-changes li").all_inner_texts()
    # 316 (English): "higher category ... at least 3 years", "of the first category ... not less than 2 years";
    # 309 (Russian): "наставник", "кейс-менеджер ... не менее 3 лет".
    assert "high level, rung 1 (mentor): category the highest category → mentor" in changes
    assert "high level, rung 2 (case manager): experience 2 → 3 years" in changes
    sides = page.locator("#word-diff .panel")
    assert "higher category" in sides.nth(0).inner_text() and "наставник" in sides.nth(1).inner_text()
    visit.shot("diff")
    # Where two versions share a language, the words: order 488 of 2021 restated the preamble without the
    # Labour Code's date.
    page = visit.open("/parts/order-2017-360~preamble?lang=ru&from=2017-12-17&to=2022-01-03")
    assert page.locator("#word-diff del").all_inner_texts() == ["от 23 ноября 2015 года "]
    assert page.locator("#word-diff ins").count() == 0
    visit.shot("words")


@pytest.mark.parametrize(("word", "lang", "part"), [
    # "Консультант по социальной работе": the heading of the section of order 360's annex (order 220's wording).
    ("консультант", "ru", "order-2017-360~att_1!order-2023-220__chp_2__sec_2"),
    # "әлеуметтік" (social), in the Kazakh texts only.
    ("әлеуметтік", "kk", None),
], ids=["russian", "kazakh"])
def test_searching_a_word_reaches_the_part(visit, word, lang, part):
    page = visit.open("/search")
    page.fill("#q", word)
    page.click("form[role=search] button")
    page.wait_for_url("**q=**")
    hits = page.locator(f".hits li[lang={lang}] a")
    assert hits.count() > 0
    assert page.locator(f".hits li[lang={lang}] mark").first.inner_text().lower().startswith(word)
    visit.shot("results")
    target = hits.first if part is None else page.locator(f'.hits li a[href^="/parts/{part}"]').first
    target.click()
    page.wait_for_url("**/parts/**")
    assert word in page.locator("#text-now").inner_text().lower()
    visit.shot("part")


def test_a_cookbook_query_runs_in_the_sparql_editor(visit):
    page = visit.open("/sparql")
    page.select_option("#cookbook", "positions")
    page.click("#cookbook-form button")
    assert page.locator("#cookbook-answers").inner_text().startswith("every position with its titles")  # positions.rq
    page.locator(".yasqe_queryButton").click()
    page.wait_for_selector(".yasr table tbody tr")
    assert [h.strip() for h in page.locator(".yasr table thead th").all_inner_texts() if h.strip()] == [
        "position", "title", "parts"]
    cells = page.locator(".yasr table tbody tr td:nth-child(2)").all_inner_texts()
    assert cells and all(c.startswith("<https://zangraph.example/position/") for c in cells)
    visit.shot("results")


def test_the_api_reference_works_offline(visit):
    page = visit.open("/docs")
    page.wait_for_selector(".swagger-ui .info")
    assert "Zangraph" in page.locator(".swagger-ui .info").inner_text()
    visit.shot("docs")


def test_the_part_page_of_the_graph_shows_its_text_and_versions(visit):
    page = visit.open("/id/akn/kz/act/order/2017/360/~att_1!order-2023-220__chp_2__sec_6__para_54?lang=ru")
    assert page.locator("h1").inner_text() == \
        "Приказ № 360 2017 года, приложение 1 в редакции order-2023-220, глава 2, параграф 6, пункт 54"
    assert page.locator("#versions tbody tr td:first-child").all_inner_texts() == [
        "order-2023-220", "order-2024-316", "order-2025-309"]
    assert "54. Требования к квалификации:" in page.locator(".panel.text").inner_text()  # today: 309's words
    visit.shot("resource")


def test_the_keyboard_reaches_the_skip_link_then_the_date_and_the_language(visit):
    page = visit.open("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    focused: list[str] = []
    while "home-q" not in focused and len(focused) < 40:  # a date field takes a tab stop per day, month, year
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement.id || document.activeElement.textContent"))
    assert focused.index("as-at") < focused.index("language") < focused.index("home-q")
    page.keyboard.type("наставник")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=**")
    assert page.locator(".hits mark").count() > 0


PAGES = ["/", "/search?q=консультант", "/search?q=әлеуметтік&when=any", CONSULTANT + "?at=2023-07-01&lang=kk",
         CONSULTANT + "/compare?from=2023-06-30&to=2023-07-01&lang=ru", "/acts/order-2017-360", POINT_54,
         POINT_54 + "?from=2024-08-26&to=2025-10-17", "/findings", "/sparql",
         "/id/akn/kz/act/order/2017/360/~att_1!order-2023-220__chp_2__sec_6__para_54"]


@pytest.mark.parametrize("width", [390, 1440])
def test_pages_fit_the_width_and_pass_axe(browser, server, width, request):
    failures = {}
    for i, path in enumerate(PAGES):
        # axe is injected as a script of the page: the page's policy is set aside for this test only.
        visit = Visit(browser, server, OUTPUT / request.node.name, width=width, bypass_csp=True)
        page = visit.open(path)
        if path == "/sparql":
            page.wait_for_selector(".yasqe")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{path} scrolls sideways"
        page.add_script_tag(path=str(AXE))
        # YASGUI's own widgets are its authors' to fix; the page around them is checked. WCAG 2.1 A and AA, and
        # axe's best practices (headings in order, one main landmark, unique landmarks).
        found = page.evaluate("""async () => (await axe.run({exclude: [['#yasgui']]}, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})).violations
            .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))""")
        if found:
            failures[path] = found
        visit.shot(f"page-{i}")
        visit.close()
    assert not failures, failures
