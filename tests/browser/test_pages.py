"""The site as a reader meets it: real Chromium, phone and desktop widths, links, search, a11y."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import WIDTHS, screenshot
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

PAGE_TYPES = ("home", "briefing", "actor", "chronology", "search")
# axe-core impact levels that block a release; "moderate" and "minor" are reviewed by hand.
BLOCKING_IMPACTS = {"serious", "critical"}
# Enough Tab presses to pass the skip link, the brand, the navigation and reach the content.
TAB_PRESSES = 8
# English interface words (library or theme defaults) that must never reach a French reader.
# Polled in the page: scrolls to the first result still loading; true once all have links.
ALL_RESULTS_LOADED = """() => {
  const results = [...document.querySelectorAll('.pagefind-modular-list-result')];
  const waiting = results.find(r => !r.querySelector('a.pagefind-modular-list-link'));
  if (waiting) { waiting.scrollIntoView(); }
  return results.length > 0 && !waiting;
}"""
ENGLISH_UI = re.compile(r"\b(Search|Read more|Next page|Previous|Home|Loading)\b")


def _url(site_url: str, page_paths: dict[str, str], kind: str) -> str:
    if kind not in page_paths:
        pytest.fail(f"no {kind} page in the exports (api/actors.json missing or no person)")
    return site_url + page_paths[kind]


def _open(page: Any, url: str) -> Any:
    """Load a page, failing on an HTTP error, a script error or a failed sub-request."""
    problems: list[str] = []
    listeners = {
        "pageerror": lambda exc: problems.append(f"script error: {exc}"),
        # A request the browser itself cancelled (ERR_ABORTED: a new navigation) is no fault;
        # a missing file shows up as a 4xx response below.
        "requestfailed": lambda req: req.failure != "net::ERR_ABORTED"
        and problems.append(f"request failed: {req.url} ({req.failure})"),
        "response": lambda r: r.status >= 400 and problems.append(f"{r.status} {r.url}"),
    }
    for event, listener in listeners.items():
        page.on(event, listener)
    response = page.goto(url, wait_until="networkidle")
    for event, listener in listeners.items():
        page.remove_listener(event, listener)
    assert response is not None and response.ok, f"{url}: HTTP {response and response.status}"
    assert problems == [], problems
    return response


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_loads_fits_the_width_and_is_french(
    kind: str, width: str, site_url: str, page_paths: dict[str, str], page_at: Any,
) -> None:
    page = page_at(WIDTHS[width])
    _open(page, _url(site_url, page_paths, kind))
    screenshot(page, f"{kind}-{width}")
    assert page.get_attribute("html", "lang") == "fr"
    assert page.title().strip()
    # Nothing wider than the screen: a phone reader never scrolls sideways.
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{kind} overflows {WIDTHS[width]} px by {overflow} px"
    visible = page.inner_text("body")
    assert not ENGLISH_UI.search(visible), ENGLISH_UI.search(visible)


def test_home_leads_to_a_briefing_and_its_raw_source(
    site_url: str, built_site: Path, page_at: Any,
) -> None:
    briefings = json.loads((built_site / "api" / "briefings.json").read_text(encoding="utf-8"))
    titles = {b["title"]: b for b in briefings}
    page = page_at(WIDTHS["phone"])
    _open(page, site_url)
    page.locator(".cards a").first.click()
    page.wait_for_load_state()
    heading = page.locator("h1").inner_text().strip()
    assert heading in titles, heading
    briefing = titles[heading]
    assert page.url == site_url + briefing["url"]
    with page.expect_navigation() as navigation:
        page.locator('a[href="source.txt"]').click()
    assert navigation.value.ok
    assert page.url == site_url + briefing["raw_url"]
    raw = (ROOT / "seeds" / f"{briefing['id']}.txt").read_text(encoding="utf-8")
    shown = page.evaluate("document.body.innerText")
    assert " ".join(shown.split())[:200] == " ".join(raw.split())[:200]


def test_navigation_reaches_every_index(site_url: str, page_at: Any) -> None:
    page = page_at(WIDTHS["desktop"])
    for label, path in (("Acteurs", "acteurs/"), ("Chronologie", "chronologie/"),
                        ("Recherche", "recherche/")):
        _open(page, site_url)
        link = page.get_by_role("navigation").get_by_role("link", name=label, exact=True)
        with page.expect_navigation() as navigation:
            link.click()
        assert navigation.value.ok, f"{label}: HTTP {navigation.value.status}"
        assert page.url == site_url + path, label


def test_actor_page_links_to_briefings_naming_the_actor(
    site_url: str, built_site: Path, page_paths: dict[str, str], page_at: Any,
) -> None:
    actors = json.loads((built_site / "api" / "actors.json").read_text(encoding="utf-8"))
    actor = next(a for a in actors if a["url"] == page_paths.get("actor"))
    page = page_at(WIDTHS["phone"])
    _open(page, _url(site_url, page_paths, "actor"))
    assert actor["name"] in page.locator("h1").inner_text()
    page.locator("main a[href*='briefings/']").first.click()
    page.wait_for_load_state()
    briefings = json.loads((built_site / "api" / "briefings.json").read_text(encoding="utf-8"))
    landed = next(b for b in briefings if page.url == site_url + b["url"])
    assert actor["id"] in landed["actors"]


def test_search_finds_lavrov_as_actor_and_in_briefings(
    site_url: str, page_paths: dict[str, str], page_at: Any,
) -> None:
    page = page_at(WIDTHS["phone"])
    _open(page, _url(site_url, page_paths, "search"))
    assert page.locator("#sans-js").is_hidden()
    box = page.get_by_label("Nom, lieu ou mot à chercher")
    box.fill("Lavrov")
    expect(page.locator("#recherche-resume")).to_contain_text("pour « Lavrov »")
    screenshot(page, "search-lavrov-phone")
    # Results load as they scroll into view, and Pagefind may redraw the list once its index
    # has loaded, so never hold on to one result element: on each animation frame, bring the
    # first result still without its link into view, until every result has one.
    page.wait_for_function(ALL_RESULTS_LOADED, timeout=15_000)
    hrefs = page.locator("a.pagefind-modular-list-link").evaluate_all(
        "els => els.map(e => e.href)")
    assert any("/acteurs/" in h for h in hrefs), hrefs
    assert any("/briefings/" in h for h in hrefs), hrefs
    page.locator("a.pagefind-modular-list-link").first.click()
    page.wait_for_load_state()
    assert "Lavrov" in page.inner_text("main")


def test_search_page_is_light_until_the_first_query(
    site_url: str, page_paths: dict[str, str], page_at: Any,
) -> None:
    page = page_at(WIDTHS["phone"])
    sizes: dict[str, int] = {}
    page.on("requestfinished", lambda r: sizes.__setitem__(r.url, r.sizes()["responseBodySize"]))
    _open(page, _url(site_url, page_paths, "search"))
    page.get_by_label("Nom, lieu ou mot à chercher").focus()
    page.wait_for_timeout(500)
    assert not any("pagefind.js" in u or "wasm" in u for u in sizes), sizes
    assert sum(sizes.values()) <= 100_000, sizes
    page.get_by_label("Nom, lieu ou mot à chercher").fill("Lavrov")
    page.locator(".pagefind-modular-list-result").first.wait_for()
    assert any(u.endswith("/pagefind/pagefind.js") for u in sizes), sizes


def test_search_page_without_javascript_links_to_the_indexes(
    site_url: str, page_paths: dict[str, str], page_at: Any,
) -> None:
    page = page_at(WIDTHS["phone"], javascript=False)
    _open(page, _url(site_url, page_paths, "search"))
    message = page.locator("#sans-js")
    assert message.is_visible()
    assert page.locator("#recherche").is_hidden()  # no form that cannot work
    assert "JavaScript" in message.inner_text()
    targets = message.locator("a").evaluate_all("els => els.map(e => e.href)")
    assert {site_url, site_url + "acteurs/", site_url + "chronologie/"} <= set(targets)
    for target in targets:
        assert page.request.get(target).ok, target


def test_unknown_address_shows_the_styled_french_404(site_url: str, page_at: Any) -> None:
    page = page_at(WIDTHS["phone"])
    response = page.goto(site_url + "briefings/nexiste-pas/encore-moins/")
    assert response is not None and response.status == 404
    assert page.locator("h1").inner_text() == "Page introuvable"
    # The stylesheet loads from a deep path: the 404 page must not use relative URLs.
    assert page.evaluate("document.styleSheets.length") >= 1
    assert page.evaluate("[...document.styleSheets].every(s => s.cssRules.length > 0)")
    assert _blocking_violations(page) == []
    home = page.get_by_role("link", name=re.compile("Accueil"))
    home.click()
    page.wait_for_load_state()
    assert page.url == site_url


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_serious_accessibility_violation(
    kind: str, width: str, site_url: str, page_paths: dict[str, str], page_at: Any,
) -> None:
    page = page_at(WIDTHS[width])
    _open(page, _url(site_url, page_paths, kind))
    assert _blocking_violations(page) == []


def _blocking_violations(page: Any) -> list[str]:
    """axe-core's serious and critical findings, one readable line per element."""
    from axe_playwright_python.sync_playwright import Axe

    # The bundled axe.min.js is injected into the page: nothing is fetched from the network.
    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {node['html'][:120]} — {node['failureSummary']}"
            for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS
            for node in v["nodes"]]


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_keyboard_focus_is_always_visible(
    kind: str, site_url: str, page_paths: dict[str, str], page_at: Any,
) -> None:
    page = page_at(WIDTHS["phone"])
    _open(page, _url(site_url, page_paths, kind))
    seen = []
    for _ in range(TAB_PRESSES):
        page.keyboard.press("Tab")
        focus = page.evaluate("""() => {
            const e = document.activeElement;
            if (!e || e === document.body) return null;
            const s = getComputedStyle(e), r = e.getBoundingClientRect();
            return {tag: e.tagName, text: (e.innerText || e.value || '').slice(0, 40),
                    outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
                    shadow: s.boxShadow !== 'none',
                    inView: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
                            && r.left < innerWidth};
        }""")
        if focus is None:
            break
        seen.append(focus)
        assert focus["outline"] or focus["shadow"], f"no focus indicator on {focus}"
        assert focus["inView"], f"focused element off screen: {focus}"
    assert seen, "Tab focuses nothing"
    assert seen[0]["text"] == "Aller au contenu", "the skip link must come first"


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_headings_in_order_and_images_described(
    kind: str, site_url: str, page_paths: dict[str, str], page_at: Any,
) -> None:
    page = page_at(WIDTHS["desktop"])
    _open(page, _url(site_url, page_paths, kind))
    levels = page.locator("h1, h2, h3, h4, h5, h6").evaluate_all(
        "els => els.map(e => Number(e.tagName[1]))")
    assert levels[:1] == [1], f"{kind}: the first heading must be the only h1: {levels}"
    assert levels.count(1) == 1, f"{kind}: one h1 per page: {levels}"
    jumps = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
    assert jumps == [], f"{kind}: skipped heading levels {jumps} in {levels}"
    undescribed = page.locator("img").evaluate_all(
        "els => els.filter(e => !e.hasAttribute('alt')).map(e => e.src)")
    assert undescribed == []
    description = page.get_attribute('meta[name="description"]', "content") or ""
    assert len(description.strip()) >= 20, f"{kind}: meta description {description!r}"


# Collects every Content-Security-Policy violation the page reports, from its first byte.
CSP_LISTENER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(
    `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} ` +
    `(${e.sourceFile}:${e.lineNumber})`));
"""


def _csp_paths(built_site: Path, page_paths: dict[str, str]) -> dict[str, str]:
    """Every page type, the ones of test_pages plus a note, a site page, the indexes, the 404."""
    notes = json.loads((built_site / "api" / "notes.json").read_text(encoding="utf-8"))
    return {**page_paths, "actors": "acteurs/", "notes": "verifications/",
            "note": notes[0]["url"], "page": "methodologie/",
            "corrections": "corrections/journal/", "404": "nexiste-pas/"}


def test_no_csp_violation_on_any_page_type(
    site_url: str, built_site: Path, page_paths: dict[str, str], page_at: Any,
) -> None:
    reported: list[str] = []
    for kind, path in sorted(_csp_paths(built_site, page_paths).items()):
        page = page_at(WIDTHS["desktop"])
        page.add_init_script(CSP_LISTENER)
        page.on("console", lambda msg, kind=kind: "Content Security Policy" in msg.text
                and reported.append(f"{kind}: console: {msg.text}"))
        page.goto(site_url + path, wait_until="networkidle")
        policy = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
        assert policy and "default-src 'none'" in policy, kind
        if kind == "search":
            # Exercise everything Pagefind does: WebAssembly, its worker, its index files.
            page.get_by_label("Nom, lieu ou mot à chercher").fill("Lavrov")
            page.locator(".pagefind-modular-list-result").first.wait_for()
            page.keyboard.press("Enter")
            page.wait_for_load_state("networkidle")
        reported.extend(f"{kind}: {v}" for v in page.evaluate("window.__csp"))
    assert reported == []


def test_the_csp_listener_does_see_a_violation(
    site_url: str, page_paths: dict[str, str], page_at: Any,
) -> None:
    # Guards the test above: an inline script on a real page is blocked and reported.
    page = page_at(WIDTHS["desktop"])
    page.add_init_script(CSP_LISTENER)
    page.goto(site_url + page_paths["briefing"], wait_until="networkidle")
    page.evaluate("""() => { const s = document.createElement('script');
                             s.textContent = 'window.__ran = true'; document.body.append(s); }""")
    assert page.evaluate("window.__ran === undefined")
    assert any(v.startswith("script-src") for v in page.evaluate("window.__csp"))
