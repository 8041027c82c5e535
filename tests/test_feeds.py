"""Atom feeds and sitemap: well-formed, deterministic, dated only by what the entries know."""

from __future__ import annotations

import json
import random
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from briefing.feeds import (
    FALLBACK_UPDATED,
    FeedEntry,
    SitemapEntry,
    absolute_url,
    atom_datetime,
    atom_feed,
    sitemap_xml,
)

A = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
SITE = "https://exemple.fr"
# Small French records written for these tests (not taken from the seeds).
ENTRIES = [
    FeedEntry("Trêve « humanitaire » à Genève : l’accord tient", f"{SITE}/briefings/a/",
              "2021-03-04", "Les deux ministres se sont rencontrés ; rien n’a filtré."),
    FeedEntry("Sommet R&D <informel>", f"{SITE}/briefings/b/", "2021-03",
              "Date connue au mois près."),
    FeedEntry("Article sans date", f"{SITE}/briefings/c/", None, "Aucune date trouvée.\x0b"),
    FeedEntry("Bilan de l’année", f"{SITE}/briefings/d/", "2019", "Daté à l’année."),
]


def _feed(entries: list[FeedEntry]) -> str:
    return atom_feed(entries, title="Briefings vérifiés", feed_url=f"{SITE}/feeds/b.atom.xml",
                     site_url=f"{SITE}/", author="Rédaction", subtitle="Le Karabakh")


def test_atom_feed_is_well_formed_and_keeps_french_text_intact() -> None:
    root = ET.fromstring(_feed(ENTRIES).encode("utf-8"))
    assert root.tag == f"{A}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    titles = [e.findtext(f"{A}title") for e in root.iter(f"{A}entry")]
    assert "Trêve « humanitaire » à Genève : l’accord tient" in titles
    assert "Sommet R&D <informel>" in titles
    # The stray control character would make the whole feed unreadable: it is dropped.
    summaries = [e.findtext(f"{A}summary") for e in root.iter(f"{A}entry")]
    assert "Aucune date trouvée." in summaries
    for entry in root.iter(f"{A}entry"):
        assert entry.findtext(f"{A}id") == entry.find(f"{A}link").get("href")


def test_entries_latest_first_partial_dates_start_their_period_undated_last() -> None:
    root = ET.fromstring(_feed(ENTRIES))
    got = [(e.find(f"{A}link").get("href").rsplit("/", 2)[1], e.findtext(f"{A}updated"))
           for e in root.iter(f"{A}entry")]
    assert got == [
        ("a", "2021-03-04T00:00:00Z"),
        ("b", "2021-03-01T00:00:00Z"),
        ("d", "2019-01-01T00:00:00Z"),
        # Undated: the latest known date, so the feed never claims a time it does not know.
        ("c", "2021-03-04T00:00:00Z"),
    ]
    assert root.findtext(f"{A}updated") == "2021-03-04T00:00:00Z"


def test_feed_is_byte_identical_whatever_the_input_order() -> None:
    shuffled = ENTRIES[:]
    random.Random(7).shuffle(shuffled)
    assert shuffled != ENTRIES
    assert _feed(shuffled) == _feed(ENTRIES)


def test_a_feed_of_undated_entries_uses_the_fixed_documented_instant() -> None:
    undated = [FeedEntry("Sans date", f"{SITE}/x/", None, "…")]
    root = ET.fromstring(_feed(undated))
    assert root.findtext(f"{A}updated") == FALLBACK_UPDATED
    assert next(root.iter(f"{A}entry")).findtext(f"{A}updated") == FALLBACK_UPDATED
    assert ET.fromstring(_feed([])).find(f"{A}entry") is None


@pytest.mark.parametrize("bad", ["12 octobre 2020", "2020-13", "2020-02-30x", "20-10-12"])
def test_a_date_that_is_not_iso_is_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="not an ISO date"):
        _feed([FeedEntry("t", f"{SITE}/x/", bad, "s")])


def test_relative_urls_are_refused_because_feed_readers_cannot_resolve_them() -> None:
    with pytest.raises(ValueError, match="must be absolute"):
        _feed([FeedEntry("t", "briefings/a/", None, "s")])
    with pytest.raises(ValueError, match="must be absolute"):
        sitemap_xml([SitemapEntry("/acteurs/")])


def test_sitemap_sorted_deduplicated_with_partial_lastmod() -> None:
    xml = sitemap_xml([
        SitemapEntry(f"{SITE}/briefings/b/", "2021-03"),
        SitemapEntry(f"{SITE}/"),
        SitemapEntry(f"{SITE}/briefings/b/", "2021-03-09"),
        SitemapEntry(f"{SITE}/acteurs/lavrov/", None),
    ])
    root = ET.fromstring(xml)
    rows = [(u.findtext(f"{SM}loc"), u.findtext(f"{SM}lastmod")) for u in root]
    assert rows == [
        (f"{SITE}/", None),
        (f"{SITE}/acteurs/lavrov/", None),
        (f"{SITE}/briefings/b/", "2021-03-09"),
    ]


def test_helpers() -> None:
    assert atom_datetime("2020") == "2020-01-01T00:00:00Z"
    assert atom_datetime(None) == FALLBACK_UPDATED
    assert absolute_url("https://exemple.fr/", "/acteurs/x/") == "https://exemple.fr/acteurs/x/"
    assert absolute_url("https://exemple.fr", "") == "https://exemple.fr/"


def test_built_site_has_a_feed_of_every_briefing_and_a_sitemap_of_every_page(
    built_site: Path,
) -> None:
    briefings = json.loads((built_site / "api" / "briefings.json").read_text(encoding="utf-8"))
    feed = ET.parse(built_site / "feeds" / "briefings.atom.xml").getroot()
    links = [e.find(f"{A}link").get("href") for e in feed.iter(f"{A}entry")]
    assert len(links) == len(briefings)
    assert {link.split("/", 3)[3] for link in links} == {b["url"] for b in briefings}
    sitemap = ET.parse(built_site / "sitemap.xml").getroot()
    locs = {u.findtext(f"{SM}loc").split("/", 3)[3] for u in sitemap}
    pages = {p.relative_to(built_site).parent.as_posix() + "/"
             for p in built_site.rglob("index.html") if "pagefind" not in p.parts}
    pages = {"" if p == "./" else p for p in pages}
    assert pages <= locs, sorted(pages - locs)
    assert "404.html" not in locs


def test_each_person_has_a_feed_of_their_briefings(built_site: Path) -> None:
    actors = json.loads((built_site / "api" / "actors.json").read_text(encoding="utf-8"))
    lavrov = next(a for a in actors if a["name"] == "Sergueï Lavrov")
    feed = ET.parse(built_site / "feeds" / "acteurs" / f"{lavrov['id']}.atom.xml").getroot()
    links = {e.find(f"{A}link").get("href").split("/", 3)[3] for e in feed.iter(f"{A}entry")}
    briefings = json.loads((built_site / "api" / "briefings.json").read_text(encoding="utf-8"))
    urls = {b["id"]: b["url"] for b in briefings}
    assert links == {urls[bid] for bid in lavrov["briefings"]}
    assert not (built_site / "feeds" / "acteurs" / "russie.atom.xml").exists()
