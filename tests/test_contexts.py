"""Each template reads its record's fields and shared globals, nothing else (like Datasette)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import jinja2
import jinja2.meta
import pytest
from briefing import contexts, render
from briefing.generator import CONTENT_FOLDERS, read_markdown
from briefing.pipeline import build_site
from briefing.records import SeedFile
from briefing.settings import validate
from markupsafe import Markup

from tests.conftest import ROOT, SEEDS

TEMPLATES = ROOT / "theme" / "templates"
# Pelican's globals a page may read besides its record: all are in every page's hash
# (settings and Pelican's own pages, see BriefingGenerator._shared_inputs).
SHARED = {"SITENAME", "SITESUBTITLE", "SITEURL", "FEED_DOMAIN", "output_file", "pages",
          "LIVE_RELOAD"}
# Variables an include receives from the template including it (set there, not globals).
INCLUDE_LOCALS = {"item", "e", "b", "note", "st"}


def _env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES))
    render.install_filters(env, validate({"PATH": str(ROOT / "content")}))
    return env


def _undeclared(env: jinja2.Environment, name: str) -> set[str]:
    source = (TEMPLATES / name).read_text(encoding="utf-8")
    return jinja2.meta.find_undeclared_variables(env.parse(source)) - set(env.globals)


@pytest.mark.parametrize("record", contexts.RECORDS, ids=lambda r: r.__name__)
def test_template_reads_only_its_record_and_shared_globals(record: type) -> None:
    env = _env()
    used = _undeclared(env, f"{record.template}.html") | _undeclared(env, "base.html")
    fields = {f.name for f in dataclasses.fields(record)}
    assert used - SHARED == fields, (
        f"{record.template}.html reads {sorted(used - SHARED - fields)} outside its record; "
        f"record fields never read: {sorted(fields - used)}")


def test_includes_read_only_what_their_includers_set() -> None:
    env = _env()
    for include in sorted(TEMPLATES.glob("_*.html")):
        assert _undeclared(env, include.name) <= INCLUDE_LOCALS | SHARED, include.name


def test_every_record_is_documented() -> None:
    for record in contexts.RECORDS:
        assert record.__doc__ and record.template, record.__name__
        assert (TEMPLATES / f"{record.template}.html").is_file()


def real_site_pages() -> list[render.PageSpec]:
    """The plugin's pages over the real seeds and content (NLP off: fast), in-process."""
    cfg = validate({"PATH": str(ROOT / "content"), "BRIEFING": {"NLP": False}})
    seeds = [SeedFile(p.name, p.read_bytes()) for p in SEEDS]
    content = {folder: [read_markdown(str(p.relative_to(ROOT)), p.read_text(encoding="utf-8"),
                                      {})
                        for p in sorted((ROOT / "content" / folder).glob("*.md"))]
               for folder in CONTENT_FOLDERS}
    site = build_site(seeds, content, ner=None)
    ix = render.SiteIndex(site, cfg)
    return render.site_pages(site, cfg, ix, "https://example.org", {"SITENAME": "Test"})


@pytest.fixture(scope="module")
def real_pages() -> list[render.PageSpec]:
    """The plugin's pages over the real seeds and content."""
    return real_site_pages()


def test_real_contexts_are_their_templates_records(real_pages: list[render.PageSpec]) -> None:
    kinds = {type(p.record) for p in real_pages}
    assert kinds == set(contexts.RECORDS)  # every template is exercised by the real site
    for page in real_pages:
        assert isinstance(page.record, contexts.RECORDS)
        assert set(page.context) == {f.name for f in dataclasses.fields(page.record)}
    assert len({p.save_as for p in real_pages}) == len(real_pages)


def test_record_hash_is_stable_and_sensitive(real_pages: list[render.PageSpec]) -> None:
    hashes = [contexts.record_hash(p.record) for p in real_pages]
    assert hashes == [contexts.record_hash(p.record) for p in real_pages]
    briefing = next(p.record for p in real_pages if isinstance(p.record, contexts.BriefingPage))
    changed = dataclasses.replace(briefing, briefing=dataclasses.replace(
        briefing.briefing, title=briefing.briefing.title + "!"))
    assert contexts.record_hash(changed) != contexts.record_hash(briefing)
    # Markup and str render the same: they hash the same.
    assert (contexts.record_hash(contexts.NotesPage(()))
            == contexts.record_hash(contexts.NotesPage(())))
    link = contexts.Link("a/", Markup("x"))
    assert contexts.record_hash(link) == contexts.record_hash(contexts.Link("a/", "x"))


def test_unknown_values_are_refused() -> None:
    with pytest.raises(TypeError, match="cannot hash a PosixPath in a page record"):
        contexts.record_hash(contexts.Link("a/", Path("x")))  # type: ignore[arg-type]
