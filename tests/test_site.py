"""The real site, built by the real Pelican CLI: pages, links, exports."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin, urlparse

import jsonschema
from bs4 import BeautifulSoup

from tests.conftest import ROOT, SEEDS

SCHEMAS = ROOT / "docs" / "schemas"


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _briefings(site: Path) -> list[dict]:
    return json.loads((site / "api" / "briefings.json").read_text(encoding="utf-8"))


def test_one_briefing_page_per_seed(built_site: Path) -> None:
    data = _briefings(built_site)
    assert sorted(b["id"] for b in data) == sorted(p.stem for p in SEEDS)
    for b in data:
        page = built_site / b["url"] / "index.html"
        assert page.is_file()
        raw = (ROOT / "seeds" / f"{b['id']}.txt").read_bytes()
        assert (built_site / b["raw_url"]).read_bytes() == raw


def test_briefings_json_matches_its_schema(built_site: Path) -> None:
    schema = json.loads((SCHEMAS / "briefings.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(_briefings(built_site), schema)


def test_briefing_page_shows_title_status_gaps_and_audit(built_site: Path) -> None:
    data = {b["id"]: b for b in _briefings(built_site)}
    b = data["004_a1c3856fd1dc1f34"]
    soup = _soup(built_site / b["url"] / "index.html")
    assert soup.html["lang"] == "fr"
    assert soup.h1.get_text(strip=True) == b["title"]
    marks = soup.select(".text p:not(.notice) mark.gap")
    assert len(marks) == len(b["gaps"]) == 10
    audit = soup.select_one("details.audit")
    assert "Texte retiré au nettoyage" in audit.summary.get_text()
    rows = audit.select("tbody tr")
    assert len(rows) == len(b["removed"])
    assert any("wpDiscuz" in r.get_text() for r in rows)
    assert soup.select_one('a[href="source.txt"]') is not None


def test_generated_title_is_marked_on_the_page(built_site: Path) -> None:
    b = next(b for b in _briefings(built_site) if b["id"].startswith("000_"))
    assert b["title_is_generated"]
    soup = _soup(built_site / b["url"] / "index.html")
    assert "Titre rédigé par nous" in soup.select_one("article header").get_text()


def test_index_links_every_briefing(built_site: Path) -> None:
    soup = _soup(built_site / "index.html")
    hrefs = {a["href"] for a in soup.select(".cards a")}
    for b in _briefings(built_site):
        assert f"./{b['url']}" in hrefs or b["url"] in hrefs or f"/{b['url']}" in hrefs


def test_no_broken_internal_link(built_site: Path) -> None:
    broken = []
    for page in sorted(built_site.rglob("*.html")):
        rel = page.relative_to(built_site).as_posix()
        for tag in _soup(page).select("a[href], link[href], script[src], img[src]"):
            url = tag.get("href") or tag.get("src")
            parsed = urlparse(url)
            if parsed.scheme or url.startswith(("#", "mailto:")):
                continue
            target = urlparse(urljoin("http://x/" + rel, parsed.path)).path.lstrip("/")
            path = built_site / target
            if path.is_dir() or target == "" or target.endswith("/"):
                path = path / "index.html"
            if not path.exists():
                broken.append(f"{rel} -> {url}")
    assert broken == []
