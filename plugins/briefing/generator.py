"""Pelican glue: gather seeds and authors' files, run the pipeline, then write every page."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import markdown
from pelican.generators import Generator

from . import export, render
from .pipeline import ContentFile, SeedFile, Site, build_site
from .settings import BriefingSettings, validate

logger = logging.getLogger(__name__)

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
        seeds = self._read_seeds()
        content = {folder: self._read_markdown(folder) for folder in CONTENT_FOLDERS}
        self.site = build_site(seeds, sources=content["sources"])
        for problem in self.site.problems:
            logger.warning("briefing: %s", problem)
        self.context["briefing_site"] = self.site
        self.context["briefings"] = self.site.briefings

    def generate_output(self, writer: Any) -> None:
        """Write pages (through Pelican's writer) and exports (plain files)."""
        assert self.site is not None
        site, cfg = self.site, self.config
        relative = self.settings["RELATIVE_URLS"]
        pages = render.site_pages(site, cfg)
        for page in pages:
            writer.write_file(page.save_as, self.get_template(page.template), self.context,
                              relative_urls=relative, **page.context)
        out = Path(self.output_path)
        for briefing in site.briefings:
            raw = out / render.briefing_dir(briefing, cfg) / "source.txt"
            raw.parent.mkdir(parents=True, exist_ok=True)
            raw.write_bytes(self._seed_bytes[briefing.filename])
        export.write_all(site, cfg, out)
        logger.info("briefing: %d briefings written", len(site.briefings))

    def _read_seeds(self) -> list[SeedFile]:
        folder = self.config.SEEDS_PATH
        if not folder.is_dir():
            logger.warning("briefing: seeds folder %s does not exist", folder)
            self._seed_bytes: dict[str, bytes] = {}
            return []
        seeds = [SeedFile(p.name, p.read_bytes())
                 for p in sorted(folder.iterdir()) if p.suffix == ".txt" and p.is_file()]
        self._seed_bytes = {s.name: s.data for s in seeds}
        return seeds

    def _read_markdown(self, folder: str) -> list[ContentFile]:
        """Authors' Markdown files of one folder: raw metadata (no date guessing), body HTML."""
        base = Path(self.path) / folder
        if not base.is_dir():
            return []
        files: list[ContentFile] = []
        for path in sorted(base.glob("*.md")):
            rel = os.path.relpath(path, Path(self.path).parent)
            try:
                text = path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as exc:  # one bad note never stops the site
                logger.warning("briefing: %s: unreadable file: %s", rel, exc)
                continue
            files.append(read_markdown(rel, text, self.settings.get("MARKDOWN", {})))
        return files


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
