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
    """Every internal link reaches a file, and every #fragment an element of that page."""
    broken = []
    ids: dict[Path, set[str]] = {}
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
            elif parsed.fragment and path.suffix == ".html":
                if path not in ids:
                    ids[path] = {t["id"] for t in _soup(path).select("[id]")}
                if parsed.fragment not in ids[path]:
                    broken.append(f"{rel} -> {url} (no #{parsed.fragment})")
    assert broken == []


def _load(site: Path, name: str) -> list[dict]:
    return json.loads((site / "api" / name).read_text(encoding="utf-8"))


def test_every_export_matches_its_schema(built_site: Path) -> None:
    for name in ("actors", "chronology", "notes"):
        schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
        jsonld_data = _load(built_site, f"{name}.json")
        assert jsonld_data, f"{name}.json is empty"
        jsonschema.validate(jsonld_data, schema)


def test_one_actor_page_per_real_person_whatever_the_spelling(built_site: Path) -> None:
    actors = _load(built_site, "actors.json")
    persons = {a["name"]: a for a in actors if a["kind"] == "person"}
    pachinian = persons["Nikol Pachinian"]
    assert {"Pashinyan", "Pashinian", "Pachinian"} <= set(pachinian["aliases"])
    assert sum("pachinian" in a["id"] or "pashin" in a["id"] for a in actors) == 1
    for a in actors:
        assert (built_site / a["url"] / "index.html").is_file()
    names = " ".join(a["name"] + " " + " ".join(a["aliases"]) for a in actors)
    for boilerplate in ("DARAGON", "Stringer", "Refuser", "Veuillez", "Red'Action"):
        assert boilerplate not in names
    assert {a["kind"] for a in actors if a["name"] in ("Kremlin", "OSCE")} == {"organisation"}
    assert {a["kind"] for a in actors if a["name"] in ("TASS", "AFP")} == {"media"}
    assert persons.keys() >= {"Vladimir Poutine", "Ilham Aliyev", "Sergueï Lavrov",
                              "Maria Zakharova", "Youri Ouchakov"}


def test_briefing_links_actors_and_events_both_ways(built_site: Path) -> None:
    briefings = {b["id"]: b for b in _briefings(built_site)}
    chronology = {e["id"]: e for e in _load(built_site, "chronology.json")}
    actors = {a["id"]: a for a in _load(built_site, "actors.json")}
    for b in briefings.values():
        for eid in b["events"]:
            assert b["id"] in chronology[eid]["briefings"]
        for aid in b["actors"]:
            assert b["id"] in actors[aid]["briefings"]
    b = briefings["004_a1c3856fd1dc1f34"]
    soup = _soup(built_site / b["url"] / "index.html")
    text_links = {a["href"].rstrip("/").rsplit("/", 1)[-1]
                  for a in soup.select(".text a.actor-link")}
    assert "maria-zakharova" in text_links
    assert len(soup.select(".text a.date-link")) >= 3
    assert soup.select_one(".panel .events") is not None


def test_cross_source_events_are_merged_and_disputes_found(built_site: Path) -> None:
    entries = _load(built_site, "chronology.json")
    by_date = {}
    for e in entries:
        by_date.setdefault(e["date"], []).append(e)
    war = [e for e in by_date["2020-09-27"] if e["status"] == "corroborated"]
    assert len(war) == 1 and war[0]["sources"] == 2
    talks = [e for e in by_date["2020-10-09"] if e["sources"] == 2]
    assert len(talks) == 1
    assert {e["status"] for e in by_date["1991"]} == {"disputed"}
    assert all(e["status"] in {"corroborated", "single-source", "disputed"} for e in entries)
    assert all(e["sources"] == len(set(e["briefings"])) for e in entries)


def test_publication_dates_are_never_falsely_confirmed(built_site: Path) -> None:
    briefings = {b["id"]: b for b in _briefings(built_site)}
    b003 = briefings["003_73ec17e6855bd39d"]
    assert (b003["date"], b003["date_status"]) == ("2020-10-09", "inferred")
    assert "9 octobre" in b003["date_basis"]
    assert not any(b["date_status"] == "confirmed" for b in briefings.values())
    for b in briefings.values():
        if b["date_status"] == "unknown":
            assert b["date"] is None and b["date_range"]


def test_notes_attach_to_their_pages_with_claimreview(built_site: Path) -> None:
    notes = _load(built_site, "notes.json")
    assert len(notes) >= 3
    for note in notes:
        soup = _soup(built_site / note["url"] / "index.html")
        (script,) = soup.select('script[type="application/ld+json"]')
        data = json.loads(script.string)
        assert data["@type"] == "ClaimReview"
        assert data["claimReviewed"] == note["claim"]
        assert data["reviewRating"]["alternateName"] == note["verdict_label"]
        assert data["reviewRating"]["bestRating"] == 6
        for bid in note["briefings"]:
            page = built_site / next(b["url"] for b in _briefings(built_site) if b["id"] == bid)
            links = _soup(page / "index.html").select(".panel .notes a")
            assert any(note["url"].rstrip("/") in a["href"] for a in links)


def test_every_page_is_french_with_one_h1(built_site: Path) -> None:
    for page in sorted(built_site.rglob("*.html")):
        if "pagefind" in page.parts:
            continue
        soup = _soup(page)
        assert soup.html.get("lang") == "fr", page
        assert len(soup.find_all("h1")) == 1, page


def test_a_page_of_an_unseen_outlet_reads_as_its_article(tmp_path: Path) -> None:
    """A regional page from the corpus, built alone: intertitles are headings, the date the
    page prints is « lue sur la page », the kicker above the headline is not the title."""
    from tests.conftest import pelican_build

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    sample = ROOT / "tests" / "corpus" / "dev" / "sud-ouest" / "incendies-gironde-cazaux.txt"
    (seeds / sample.name).write_bytes(sample.read_bytes())
    out = tmp_path / "output"
    result = pelican_build(out, seeds=seeds)
    assert result.returncode == 0, result.stdout + result.stderr
    page = _soup(out / "briefings" / "incendies-gironde-cazaux" / "index.html")
    assert page.h1.get_text(" ", strip=True).startswith("Incendies en Gironde\u00a0: Cazaux évacué")
    assert [h.get_text(strip=True) for h in page.select(".text h2.subheading")] == [
        "Une piste criminelle à Landiras"]
    assert "date lue sur la page, non vérifiée" in page.select_one("p.meta").get_text(" ")
