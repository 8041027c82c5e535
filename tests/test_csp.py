"""Content-Security-Policy: every page carries a strict one, and nothing on a page needs more."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import ROOT

# The policy of every page but the search page: nothing runs, nothing comes from elsewhere.
STRICT = {"default-src": ["'none'"], "script-src": ["'none'"], "style-src": ["'self'"],
          "img-src": ["'self'"], "base-uri": ["'none'"], "form-action": ["'none'"]}
# The search page adds Pagefind: its scripts, Web Worker, WebAssembly, index files, and the
# icon its stylesheet draws as a `data:` SVG.
SEARCH = {**STRICT, "script-src": ["'self'", "'wasm-unsafe-eval'"], "worker-src": ["'self'"],
          "connect-src": ["'self'"], "img-src": ["'self'", "data:"]}
# What only an HTTP header can say (ignored in a <meta>).
HEADER_ONLY = "frame-ancestors 'none'"


def parse_policy(text: str) -> dict[str, list[str]]:
    """A policy as {directive: sources}, in the order written."""
    out: dict[str, list[str]] = {}
    for part in text.split(";"):
        words = part.split()
        if words:
            assert words[0] not in out, f"directive {words[0]} given twice in {text!r}"
            out[words[0]] = words[1:]
    return out


def pages(site: Path) -> list[Path]:
    """Every HTML page of the site, the search index's own files excepted (none are HTML)."""
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts)


def policy_of(html: str) -> tuple[str, BeautifulSoup]:
    """The page's one CSP <meta>, which must come before anything it governs."""
    soup = BeautifulSoup(html, "html.parser")
    metas = soup.find_all("meta", attrs={"http-equiv": re.compile("^content-security-policy$",
                                                                   re.IGNORECASE)})
    assert len(metas) == 1, f"{len(metas)} CSP <meta> elements"
    meta = metas[0]
    assert meta.parent.name == "head"
    before = [t.name for t in meta.find_all_previous(["link", "script", "style", "base"])]
    assert before == [], f"loaded before the policy: {before}"
    return meta["content"], soup


def test_every_page_has_the_strict_policy_and_search_only_adds_pagefind(
    built_site: Path,
) -> None:
    checked = 0
    for page in pages(built_site):
        rel = page.relative_to(built_site).as_posix()
        content, _ = policy_of(page.read_text(encoding="utf-8"))
        expected = SEARCH if rel == "recherche/index.html" else STRICT
        assert parse_policy(content) == expected, rel
        checked += 1
    # Home, briefings, actors, chronology, notes, pages, search, 404: far more than a handful.
    assert checked >= 30


def test_no_page_needs_an_inline_script_style_or_handler(built_site: Path) -> None:
    problems = []
    for page in pages(built_site):
        rel = page.relative_to(built_site).as_posix()
        _, soup = policy_of(page.read_text(encoding="utf-8"))
        for tag in soup.find_all(True):
            if tag.name == "style":
                problems.append(f"{rel}: <style> element")
            if tag.name == "script" and (tag.get("type") != "application/ld+json"
                                         and (tag.string or "").strip()):
                problems.append(f"{rel}: inline script {str(tag)[:80]}")
            if tag.name == "script" and tag.get("src") and rel != "recherche/index.html":
                problems.append(f"{rel}: script {tag['src']} on a page that runs none")
            for attr in tag.attrs:
                if attr == "style" or attr.lower().startswith("on"):
                    problems.append(f"{rel}: {attr}= on <{tag.name}>")
    assert problems == [], "\n".join(problems)


def test_the_search_page_loads_its_code_from_files(built_site: Path) -> None:
    _, soup = policy_of((built_site / "recherche" / "index.html").read_text(encoding="utf-8"))
    sources = [s["src"] for s in soup.find_all("script") if s.get("src")]
    assert [s.rsplit("/", 2)[-2:] for s in sources] == [
        ["pagefind", "pagefind-modular-ui.js"], ["js", "pagefind-search.js"]]
    assert (built_site / "theme" / "js" / "pagefind-search.js").is_file()


@pytest.mark.parametrize("fence", ["nginx", "_headers"])
def test_readme_headers_are_the_search_page_policy(built_site: Path, fence: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    deploy = readme[readme.index("## Deploying"):]
    if fence == "nginx":
        block = re.search(r"```nginx\n(.*?)```", deploy, re.DOTALL)[1]
        header = re.search(r'add_header Content-Security-Policy "([^"]+)" always;', block)[1]
    else:
        block = re.search(r"```\n/\*\n(.*?)```", deploy, re.DOTALL)[1]
        header = re.search(r"^  Content-Security-Policy: (.+)$", block, re.MULTILINE)[1]
    search, _ = policy_of((built_site / "recherche" / "index.html").read_text(encoding="utf-8"))
    assert parse_policy(header) == {**parse_policy(search), **parse_policy(HEADER_ONLY)}
    assert "nosniff" in block


@pytest.mark.parametrize("text", ["script-src 'none'; script-src 'self'"])
def test_a_repeated_directive_is_caught(text: str) -> None:
    with pytest.raises(AssertionError):
        parse_policy(text)
