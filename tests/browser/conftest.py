"""Headless Chromium (Debian's, driven by Playwright) over the built site served on 127.0.0.1.

A missing browser skips these tests with the reason, except under `CI=true` where it fails:
CI must never go green without having looked at the pages.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest

from tests.conftest import ROOT

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Playwright's own browser download is unavailable: we launch the distribution's Chromium.
# No sandbox (tests run as root in CI containers), no GPU, no calls home during tests.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
ARTIFACTS = ROOT / "tests" / "artifacts"
# Phone and desktop widths the issue asks for.
WIDTHS = {"phone": 360, "desktop": 1280}


def missing_browser() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import axe_playwright_python  # noqa: F401
        import playwright.sync_api  # noqa: F401
    except ImportError as exc:
        return f"{exc.name} is not installed: run `make test` (installs requirements-dev.txt)"
    if not (shutil.which(CHROMIUM) or Path(CHROMIUM).is_file()):
        return (f"no Chromium at {CHROMIUM}: `make system-deps` as root "
                "(apt-get install chromium), or set CHROMIUM=/path/to/chromium")
    return None


def skip_or_fail(reason: str) -> None:
    """Skip with the reason, but fail in CI, where a missing tool is a broken set-up."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true and {reason}")
    pytest.skip(reason)


class SiteHandler(SimpleHTTPRequestHandler):
    """Static files like a real host: the site's own 404.html for missing paths, no logging."""

    # Raw seeds are UTF-8; a host must say so or browsers fall back to Windows-1252.
    extensions_map: ClassVar[dict[str, str]] = {**SimpleHTTPRequestHandler.extensions_map,
                                                ".txt": "text/plain; charset=utf-8"}

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site over http (Pagefind fetches its index, which file:// forbids)."""
    handler = functools.partial(SiteHandler, directory=str(built_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One Chromium for the whole session."""
    reason = missing_browser()
    if reason:
        skip_or_fail(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page_at(browser: Any) -> Iterator[Any]:
    """A factory of fresh pages (own context) at a given width, closed after the test."""
    contexts: list[Any] = []

    def open_page(width: int = WIDTHS["desktop"], *, javascript: bool = True) -> Any:
        context = browser.new_context(viewport={"width": width, "height": 800},
                                      java_script_enabled=javascript, locale="fr-FR")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def page_paths(built_site: Path) -> dict[str, str]:
    """One URL (relative to the site root) per page type, taken from the JSON exports."""
    api = built_site / "api"
    paths = {"home": "", "chronology": "chronologie/", "search": "recherche/"}
    briefings = json.loads((api / "briefings.json").read_text(encoding="utf-8"))
    paths["briefing"] = briefings[0]["url"]
    actors_file = api / "actors.json"
    if actors_file.is_file():
        actors = json.loads(actors_file.read_text(encoding="utf-8"))
        person = next((a for a in actors if a["kind"] == "person"), None)
        if person is not None:
            paths["actor"] = person["url"]
    return paths


def screenshot(page: Any, name: str) -> Path:
    """A full-page PNG kept under tests/artifacts/ (git-ignored; CI uploads it)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
