"""Home pages paginate folder-style (page/2/) without colliding with other URLs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import SEEDS, pelican_build


def test_home_is_paginated_by_twenty(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    for i in range(23):  # distinct files: exact copies would be published once
        (seeds / f"{i:03d}_copie.txt").write_text(
            texts[i % len(texts)] + f"\nParagraphe ajouté numéro {i} pour ce test de pages.\n",
            encoding="utf-8")
    settings = {"SEEDS_PATH": str(seeds), "CACHE_PATH": str(tmp_path / "cache"), "NLP": False}
    out = tmp_path / "out"
    result = pelican_build(out, extra=("-e", "BRIEFING=" + json.dumps(settings)))
    assert result.returncode == 0, result.stderr
    first = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    second = BeautifulSoup((out / "page" / "2" / "index.html").read_text(encoding="utf-8"),
                           "html.parser")
    assert len(first.select(".cards > li")) == 20
    assert len(second.select(".cards > li")) == 3
    assert first.select_one('a[rel="next"]')["href"].endswith("page/2/")
    assert second.select_one('a[rel="prev"]')["href"] in {"../../", "../..//"}
    assert not (out / "page" / "3").exists()


def test_long_chronologies_are_cut_into_pages() -> None:
    import functools
    from types import SimpleNamespace

    from briefing import contexts, render

    entries = [SimpleNamespace(date="2020-10-09", precision="day", id=str(i)) for i in range(450)]
    ix = SimpleNamespace(event_item=lambda e: e)
    record = functools.partial(contexts.ChronologyPage, filter_label="année 2020",
                               filter_year="2020", filter_actor=None, years=("2020",), persons=())
    pages = render._paginated_chronology("chronologie/2020/", entries, ix, record)
    assert [p.save_as for p in pages] == [
        "chronologie/2020/index.html", "chronologie/2020/page/2/index.html",
        "chronologie/2020/page/3/index.html"]
    sizes = [sum(len(es) for _, months in p.record.groups for _, es in months) for p in pages]
    assert sizes == [200, 200, 50]
    assert pages[1].record.paging.previous_url == "chronologie/2020/"
    assert pages[1].record.paging.next_url == "chronologie/2020/page/3/"
    assert pages[2].record.paging.next_url is None


def test_frequent_actors_pages_are_paged(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing import contexts, render

    from tests.test_contexts import _env, real_site_pages

    monkeypatch.setattr(render, "ACTOR_ITEMS_PER_PAGE", 2)
    pages = [p for p in real_site_pages() if isinstance(p.record, contexts.ActorPage)]
    by_actor: dict[str, list[render.PageSpec]] = {}
    for page in pages:
        by_actor.setdefault(page.record.actor.id, []).append(page)
    actor_id, own = max(by_actor.items(), key=lambda kv: kv[1][0].record.briefing_total)
    first = own[0].record
    assert first.briefing_total >= 3  # the real seeds give some actor several briefings
    assert len(own) == max(-(-first.briefing_total // 2), -(-first.quote_total // 2))
    assert [p.save_as for p in own] == [
        f"acteurs/{actor_id}/index.html",
        *(f"acteurs/{actor_id}/page/{n}/index.html" for n in range(2, len(own) + 1))]
    assert sum(len(p.record.briefings) for p in own) == first.briefing_total
    assert all(len(p.record.briefings) <= 2 and len(p.record.quotes) <= 2 for p in own)
    assert all(p.record.timeline == () and p.record.roles == () for p in own[1:])
    assert own[1].record.paging.previous_url == f"acteurs/{actor_id}/"
    assert own[-1].record.paging.next_url is None
    html = _env().get_template("actor.html").render(
        SITENAME="Test", SITEURL="../../../..", pages=[], **own[1].context)
    assert f"Page 2 sur {len(own)}" in html
    assert f'rel="prev" href="../../../../acteurs/{actor_id}/"' in html
    assert "Chronologie</h2>" not in html  # the timeline is on the first page only
