"""Pelican glue: gather seeds and authors' files, run the pipeline, then write every page."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import markdown
from pelican.generators import Generator
from pelican.log import console

from . import contexts, export, feeds, idmap, incremental, inputs, nlpcache, render, safeio
from . import seedcache as seedcache_mod
from .pipeline import Site, build_site
from .reading import seed_suffix
from .records import ContentFile, Problem, SeedFile
from .seedcache import SeedCache, code_version
from .settings import BriefingSettings, validate

logger = logging.getLogger(__name__)

# Absolute address used in feeds and the sitemap of a development build (make devserver).
DEV_SITE_URL = "http://127.0.0.1:8000"
# Authors' folders under content/ that this plugin reads (Pelican's own generators skip them).
CONTENT_FOLDERS = ("sources", "actors", "notes", "outlets")


class BriefingGenerator(Generator):
    """Briefing, actor, chronology and note pages, plus the JSON exports."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.config: BriefingSettings = validate(self.settings)
        self.site: Site | None = None
        render.install_filters(self.env, self.config)

    def generate_context(self) -> None:
        """Read everything and build the immutable Site before any page is written."""
        self.up_to_date: incremental.Manifest | None = None
        self.started = time.time_ns()  # files written from now on belong to this build
        self.fingerprint = ""
        if self.config.INCREMENTAL:
            self.fingerprint = incremental.fingerprint(self.settings, [
                (self.config.SEEDS_PATH, None), (Path(self.path), None),
                (Path(self.theme), None), (Path(__file__).parent, (".py",))],
                Path(self.output_path))
            manifest = incremental.load(self._manifest_path())
            # A resident process's first build reads everything even when up to date: its
            # memory then holds the records the next edit reuses.
            memory = seedcache_mod.resident()
            if (incremental.up_to_date(manifest, self.fingerprint, Path(self.output_path))
                    and (memory is None or not memory.empty)):
                self.up_to_date = manifest
                for problem in manifest.problems:  # still warnings: strict mode still fails
                    logger.warning("briefing: %s", problem)
                return
        self._refused: list[Problem] = []
        seeds = self._read_seeds()
        content = {folder: self._read_markdown(folder) for folder in CONTENT_FOLDERS}
        ner = None
        if self.config.NLP:
            self.ner_cache = nlpcache.provider(self.config)
            ner = self.ner_cache
        # Keyed on the plugin's own source: any code change recomputes every seed.
        self.seed_cache = SeedCache(self.config.CACHE_PATH / "seeds",
                                    code_version([Path(__file__).parent]))
        self.site = build_site(seeds, content, ner=ner, refused=self._refused,
                               previous_ids=idmap.load(self._idmap_path()),
                               memo=self.seed_cache,
                               ner_key=self.ner_cache.model_id() if ner else None)
        memory = seedcache_mod.resident()
        if memory is not None:  # equal records as the very objects of the last build
            site = self.site
            self.site = replace(
                site, briefings=tuple(memory.same("briefing", b.id, b) for b in site.briefings),
                actors=tuple(memory.same("actor", a.id, a) for a in site.actors),
                chronology=tuple(memory.same("entry", e.id, e) for e in site.chronology))
        for problem in self.site.problems:
            logger.warning("briefing: %s", problem)
        self.context["briefing_site"] = self.site
        self.context["briefings"] = self.site.briefings

    def generate_output(self, writer: Any) -> None:
        """Write changed pages (through Pelican's writer), feeds, sitemap and exports."""
        if self.up_to_date is not None:
            console.print(f"{self.up_to_date.summary} — à jour : aucune entrée n’a changé, "
                          "rien n’a été réécrit", highlight=False, markup=False)
            return
        assert self.site is not None
        site, cfg = self.site, self.config
        out = Path(self.output_path)
        previous = incremental.load(self._manifest_path())
        ix = render.SiteIndex(site, cfg)
        resident = seedcache_mod.resident() is not None
        if resident:
            contexts.next_build()
        else:
            contexts.clear_memo()
        relative = self.settings["RELATIVE_URLS"]
        base_url = self.public_url()
        shared = self._shared_inputs() if cfg.INCREMENTAL else None
        pages = render.site_pages(site, cfg, ix, base_url, self.settings,
                                  lazy=shared is not None)
        hashes: dict[str, str] = {}
        deps: dict[str, str] = {}
        rendered = 0
        for page in pages:
            # The 404 page is served at any depth: only absolute links work there.
            rel = relative and page.save_as != "404.html"
            record = page.record
            if shared is not None:
                template = self._template_hash(page.template)
                digest = None
                if page.deps is not None:
                    # Same inputs as the previous build's page: same hash, record not built.
                    key = deps[page.save_as] = incremental.hash_text(
                        shared, template, page.save_as, str(rel), page.deps)
                    if previous is not None and previous.deps.get(page.save_as) == key:
                        digest = previous.hashes.get(page.save_as)
                if digest is None:
                    record = page.built()
                    digest = incremental.hash_text(shared, template, page.save_as, str(rel),
                                                   contexts.record_hash(record))
                hashes[page.save_as] = digest
                if incremental.unchanged(previous, page.save_as, digest, out):
                    continue
            record = record if record is not None else page.built()
            writer.write_file(page.save_as, self.get_template(page.template), self.context,
                              relative_urls=rel, **contexts.variables(record))
            rendered += 1
        for briefing in site.briefings:
            name = f"{render.briefing_dir(briefing, cfg)}/source.txt"
            # A saved page is never served: its extracted text is the raw source (README).
            data = (briefing.raw_text.encode("utf-8") if briefing.raw_text is not None
                    else self._seed_bytes[briefing.filename])
            digest = hashlib.sha256(data).hexdigest()
            hashes[name] = digest
            if cfg.INCREMENTAL and incremental.unchanged(previous, name, digest, out):
                continue
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            safeio.write_bytes(out / name, data)
        written = [p.save_as for p in pages]
        written += [f"{render.briefing_dir(b, cfg)}/source.txt" for b in site.briefings]

        def export_unchanged(name: str, digest: str) -> bool:
            hashes[name] = digest
            return incremental.unchanged(previous, name, digest, out)

        # The exports that read no note: the same core key and settings as the previous
        # build's, file intact, means the same bytes (hash and key recorded as for feeds).
        def export_same_inputs(name: str) -> bool:
            if shared is None or not site.core_key:
                return False
            key = incremental.hash_text(shared, site.core_key, base_url, "export", name)
            if previous is None or previous.deps.get(name) != key:
                deps[name] = key  # its digest, recorded by export_unchanged, goes with it
                return False
            digest = hashes[name] = previous.hashes.get(name, "")
            deps[name] = key
            return incremental.unchanged(previous, name, digest, out)

        written += export.write_all(site, cfg, out, ix.url,
                                    export_unchanged if cfg.INCREMENTAL else None,
                                    export_same_inputs if cfg.INCREMENTAL else None)
        # Feeds read the briefings and actors only (site.core_key) and the settings: the same
        # key as the previous build's, with files intact, means the same bytes.
        feeds_key = (incremental.hash_text(shared, site.core_key, base_url, "feeds")
                     if shared is not None and site.core_key else None)

        def feed_unchanged(name: str) -> bool:
            if feeds_key is None:
                return False
            hashes[name] = deps[name] = feeds_key
            return incremental.unchanged(previous, name, feeds_key, out)

        written += self._write_feeds(out, ix, base_url, pages, feed_unchanged)
        produced = set(written)
        removed = incremental.remove_stale(
            previous, produced, out, self.started,
            listed=() if previous is not None else incremental.listed_files(self._manifest_path()))
        summary = self.summary(len(pages))
        idmap.save(self._idmap_path(), {b.sha256: b.id for b in site.briefings})
        console.print(f"briefing: {rendered} page(s) rendered, {len(pages) - rendered} "
                      f"unchanged, {len(removed)} file(s) removed", highlight=False,
                      markup=False)
        incremental.save(self._manifest_path(), incremental.Manifest(
            self.fingerprint if cfg.INCREMENTAL else "", incremental.stat_files(out, written),
            tuple(str(p) for p in site.problems), summary,
            {k: v for k, v in hashes.items() if k in produced},
            {k: v for k, v in deps.items() if k in produced}))
        if not resident:
            contexts.clear_memo()
            # The build is recorded: entries of edited or removed seeds and of older code go.
            pruned = self.seed_cache.prune(self.started)
            if pruned:
                logger.info("briefing: %d old per-seed cache entries removed", pruned)

    def _shared_inputs(self) -> str | None:
        """What every page reads besides its record: settings, code, Pelican's own pages."""
        nav = [(p.slug, p.url, p.title, p.save_as) for p in self.context.get("pages", [])]
        return incremental.shared_inputs(self.settings, Path(__file__).parent,
                                         json.dumps(nav, ensure_ascii=False, default=str))

    def _template_hash(self, name: str) -> str:
        """Hash of every template's source: any template edit renders every page again.

        Finer (the page's template and those it extends or includes) meant parsing them all
        on every build, which costs more than a rare template edit re-rendering the site.
        """
        digest = self.__dict__.get("_templates_digest")
        if digest is None:
            h = hashlib.sha256()
            for current in sorted(self.env.list_templates()):
                source, _, _ = self.env.loader.get_source(self.env, current)
                h.update(f"{current}\n".encode() + hashlib.sha256(source.encode()).digest())
            digest = self.__dict__["_templates_digest"] = h.hexdigest()
        return digest

    def _idmap_path(self) -> Path:
        return idmap.idmap_path(self.config.CACHE_PATH, Path(self.output_path))

    def _manifest_path(self) -> Path:
        return incremental.manifest_path(self.config.CACHE_PATH, Path(self.output_path))

    def public_url(self) -> str:
        """The site's absolute address: SITEURL in production, the devserver's otherwise."""
        for key in ("FEED_DOMAIN", "SITEURL"):
            value = self.settings.get(key) or ""
            if value.startswith(("http://", "https://")):
                return value.rstrip("/")
        return DEV_SITE_URL

    def _write_feeds(self, out: Path, ix: render.SiteIndex, base: str,
                     pages: list[render.PageSpec],
                     unchanged: Callable[[str], bool] = lambda name: False) -> list[str]:
        """Atom feeds and the sitemap; returns the files written, relative to the output.

        A feed for which `unchanged(name)` is true is neither generated nor written.
        """
        site, cfg = ix.site, ix.cfg
        persons = [a for a in site.actors if a.kind == "person"]
        names = ["feeds/briefings.atom.xml",
                 *(f"feeds/acteurs/{actor.id}.atom.xml" for actor in persons)]
        if all([unchanged(name) for name in names]):  # every name recorded: no short cut
            return [*names, *self._write_sitemap(out, ix, base, pages)]
        entries = [feeds.FeedEntry(b.title, feeds.absolute_url(base, ix.url(b)), b.date,
                                   b.paragraphs[0].text if b.paragraphs else b.title)
                   for b in site.briefings]
        feed = feeds.atom_feed(entries, title=self.settings["SITENAME"],
                               feed_url=f"{base}/feeds/briefings.atom.xml",
                               site_url=f"{base}/", author=cfg.PUBLISHER,
                               subtitle=self.settings.get("SITESUBTITLE", ""))
        (out / "feeds").mkdir(parents=True, exist_ok=True)
        safeio.write_text(out / "feeds" / "briefings.atom.xml", feed)
        written = ["feeds/briefings.atom.xml"]
        # One feed per person: the briefings that mention them.
        by_id = {e.url: e for e in entries}
        for actor in persons:
            mine = [by_id[feeds.absolute_url(base, ix.url(bid))] for bid, _ in actor.briefings
                    if bid in ix.briefing]
            path = f"feeds/acteurs/{actor.id}.atom.xml"
            written.append(path)
            (out / path).parent.mkdir(parents=True, exist_ok=True)
            safeio.write_text(out / path, feeds.atom_feed(
                mine, title=f"{self.settings['SITENAME']} — {actor.name}",
                feed_url=f"{base}/{path}", site_url=f"{base}/{ix.url(actor)}",
                author=cfg.PUBLISHER))
        return [*written, *self._write_sitemap(out, ix, base, pages)]

    def _write_sitemap(self, out: Path, ix: render.SiteIndex, base: str,
                       pages: list[render.PageSpec]) -> list[str]:
        """The sitemap (it lists notes: written on every build)."""
        site, cfg = ix.site, ix.cfg
        dated = {render.briefing_dir(b, cfg) + "/index.html": b.date for b in site.briefings}
        dated.update({cfg.NOTE_URL.format(slug=n.slug) + "index.html": n.date
                      for n in site.notes})
        urls = [feeds.SitemapEntry(f"{base}/{p.save_as.removesuffix('index.html')}",
                                   dated.get(p.save_as))
                for p in pages if p.save_as.endswith("index.html")]
        urls += [feeds.SitemapEntry(f"{base}/{p.url}") for p in self.context.get("pages", [])]
        safeio.write_text(out / "sitemap.xml", feeds.sitemap_xml(urls))
        return ["sitemap.xml"]

    def summary(self, pages: int) -> str:
        """One line of counts and the list of warnings, at the end of every build."""
        site = self.site
        assert site is not None
        cache = getattr(self, "ner_cache", None)
        nlp = (f", NER cache {cache.hits} hit(s) / {cache.misses} miss(es)" if cache else
               ", NER off")
        seeds = getattr(self, "seed_cache", None)
        if seeds is not None:
            nlp += f", {seeds.summary()}"
        line = (f"briefing: {len(site.briefings)} briefings, {len(site.actors)} actors, "
                f"{len(site.events)} events ({len(site.chronology)} chronology entries), "
                f"{len(site.notes)} notes, {pages} pages, {len(site.problems)} warning(s)")
        # Printed like Pelican's own "Done:" line: visible without -v, after the warnings.
        console.print(line + nlp, highlight=False, markup=False)
        for problem in site.problems:
            console.print(f"briefing:   - {problem}", highlight=False, markup=False)
        return line

    def _read_seeds(self) -> list[SeedFile]:
        """Every file of the seeds folder: read if it is a seed inside the project, else named."""
        folder = self.config.SEEDS_PATH
        self._seed_bytes: dict[str, bytes] = {}
        if not folder.is_dir():
            logger.warning("briefing: seeds folder %s does not exist", folder)
            return []
        roots = inputs.project_roots(self.settings, folder)
        seeds: list[SeedFile] = []
        for path in sorted(folder.iterdir()):
            where = f"seeds/{path.name}"
            if seed_suffix(path.name) is None:
                self._refused.append(Problem(where, _unknown_file(path)))
                continue
            data = inputs.read_inside(path, roots)
            if isinstance(data, str):
                self._refused.append(Problem(where, data))
                continue
            seeds.append(SeedFile(path.name, data))
        self._seed_bytes = {s.name: s.data for s in seeds}
        return seeds

    def _parsed(self, rel: str, text: str) -> ContentFile:
        """`read_markdown`, kept in memory by a resident process (a file per edit, not all)."""
        settings = self.settings.get("MARKDOWN", {})
        memory = seedcache_mod.resident()
        if memory is None:
            return read_markdown(rel, text, settings)
        key = hashlib.sha256(repr((rel, text, settings)).encode()).hexdigest()
        found, parsed = memory.get(("markdown", key))
        if not found:
            parsed = read_markdown(rel, text, settings)
        memory.put(("markdown", key), parsed)
        return parsed

    def _read_markdown(self, folder: str) -> list[ContentFile]:
        """Authors' Markdown files of one folder: raw metadata (no date guessing), body HTML."""
        base = Path(self.path) / folder
        if not base.is_dir():
            return []
        roots = inputs.project_roots(self.settings, Path(self.path))
        files: list[ContentFile] = []
        for path in sorted(base.glob("*.md")):
            rel = os.path.relpath(path, Path(self.path).parent)
            data = inputs.read_inside(path, roots)
            if isinstance(data, str):
                self._refused.append(Problem(rel, data))
                continue
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError as exc:  # one bad note never stops the site
                self._refused.append(Problem(rel, f"fichier illisible : {exc}"))
                continue
            files.append(self._parsed(rel, text))
        return files


def _unknown_file(path: Path) -> str:
    """Why a file of the seeds folder is not read, in the warning that names it."""
    if path.is_dir():
        return "dossier dans seeds/ : les sous-dossiers ne sont pas lus"
    suffix = "".join(path.suffixes[-1:]) or "sans extension"
    return (f"type de fichier non pris en charge ({suffix}) : ignoré, non publié ; "
            "seeds/ attend des articles en texte .txt ou des pages enregistrées .html")


def read_markdown(path: str, text: str, markdown_settings: dict[str, Any]) -> ContentFile:
    """Parse Pelican-style metadata lines and the Markdown body, keeping each key's line."""
    configs = dict(markdown_settings.get("extension_configs", {}))
    configs.pop("markdown.extensions.meta", None)
    md = markdown.Markdown(extensions=[*configs, "markdown.extensions.meta"],
                           extension_configs=configs,
                           output_format="html")
    body = md.convert(text)
    meta = {k.lower(): "\n".join(v).strip() for k, v in getattr(md, "Meta", {}).items()}
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            break
        key = line.split(":", 1)[0].strip().lower()
        if ":" in line and key in meta and key not in lines:
            lines[key] = number
    return ContentFile(path, meta, body, lines)
