"""JSON exports under output/api/ (public contract, schemas in docs/schemas/)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import safeio
from .pipeline import Briefing, Site
from .render import briefing_url
from .settings import BriefingSettings


def briefing_record(b: Briefing, cfg: BriefingSettings) -> dict[str, Any]:
    """One entry of briefings.json (DESIGN.md §4 plus provenance fields)."""
    return {
        "id": b.id,
        "url": briefing_url(b, cfg),
        "raw_url": briefing_url(b, cfg) + "source.txt",
        "title": b.title,
        "title_is_generated": b.title_is_generated,
        "title_basis": b.title_basis,
        "date": b.date,
        "date_status": b.date_status,
        "date_basis": b.date_basis,
        "date_range": b.date_range,
        "source": b.source,
        "source_status": b.source_status,
        "source_basis": b.source_basis,
        "source_url": b.source_url,
        "source_hints": [
            {"outlet": h.outlet, "relation": h.relation, "basis": h.basis, "line": h.line}
            for h in b.hints
        ],
        "paragraphs": [p.text for p in b.paragraphs],
        "removed": [
            {"text": d.text, "reason": d.reason, "kind": d.kind, "rule": d.rule, "line": d.line}
            for d in b.removed
        ],
        "gaps": [
            {"text": g.text, "paragraph": g.paragraph, "offset": g.offset, "reason": g.reason}
            for g in b.gaps
        ],
        "actors": list(b.actors),
        "events": list(b.events),
        "sha256": b.sha256,
        "duplicates": list(b.duplicates),
        "date_updated": b.date_updated,
        "date_updated_basis": b.date_updated_basis or None,
        "byline": b.byline,
        "page": page_record(b),
    }


def page_record(b: Briefing) -> dict[str, Any] | None:
    """What a saved web page said about itself (null for a text seed)."""
    page = b.page
    if page is None:
        return None
    return {
        "title_candidates": [{"source": c.source, "text": c.text, "cleaned": c.cleaned}
                             for c in page.title_candidates],
        "site_name": page.site_name,
        "canonical_url": page.canonical_url,
        "published": page.published,
        "updated": page.updated,
        "author": page.author,
        "description": page.description,
        "language": page.language,
        "encoding": page.encoding,
        "extractor": page.extractor,
        "dropped": {"count": page.dropped_count, "samples": list(page.dropped_samples)},
    }


def dump(path: Path, data: Any) -> None:
    """Write JSON deterministically (sorted keys, UTF-8, final newline)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
    # `<`, `>` and `&` only occur inside JSON strings: escaping them keeps any consumer that
    # pastes the export into HTML safe from seed text such as `<script>`.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    safeio.write_text(path, text + "\n")


def actor_record(a: Any, site: Site, cfg: BriefingSettings) -> dict[str, Any]:
    """One entry of actors.json (DESIGN.md §4)."""
    return {
        "id": a.id,
        "name": a.name,
        "kind": a.kind,
        "aliases": list(a.aliases),
        "url": cfg.ACTOR_URL.format(slug=a.id),
        "curated": a.curated,
        "wikidata": a.wikidata,
        "merge_basis": a.merge_basis,
        "briefings": [bid for bid, _ in a.briefings],
        "mentions": {bid: n for bid, n in a.briefings},
        "roles": [{"text": text, "briefing": bid or None} for text, bid in a.roles],
        "quotes": [{"text": text, "briefing": bid, "paragraph": par}
                   for text, bid, par in a.quotes],
    }


def chronology_record(e: Any, url: str) -> dict[str, Any]:
    """One entry of chronology.json (DESIGN.md §4), every source report kept."""
    return {
        "id": e.id,
        "date": e.date,
        "precision": e.precision,
        "sort_key": e.sort_key,
        "display": e.display,
        "label": e.label,
        "url": url,
        "briefings": list(e.briefings),
        "actors": list(e.actors),
        "sources": e.sources,
        "status": e.status,
        "dispute": e.dispute,
        "disputed_with": list(e.disputed_with),
        "reports": [
            {"briefing": r.briefing, "paragraph": r.paragraph, "sentence": r.sentence,
             "expression": r.timex, "date": r.date, "date_basis": r.date_basis}
            for r in e.reports
        ],
    }


def note_record(n: Any, cfg: BriefingSettings) -> dict[str, Any]:
    """One entry of notes.json: a fact-check with its verdict on the fixed scale."""
    return {
        "id": n.slug,
        "url": cfg.NOTE_URL.format(slug=n.slug),
        "title": n.title,
        "date": n.date,
        "claim": n.claim,
        "claimant": n.claimant,
        "verdict": n.verdict.key,
        "verdict_label": n.verdict.label,
        "rating": n.verdict.rating,
        "briefings": list(n.briefings),
        "actors": list(n.actors),
        "events": list(n.events),
        "sources": [{"label": label, "url": url} for label, url in n.sources],
        "corrections": [{"date": c.date, "text": c.text} for c in n.corrections],
    }


# Exports that read no note: a function of the site but its notes (Site.core_key).
NOTELESS = frozenset({"briefings", "actors", "chronology"})


def write_all(site: Site, cfg: BriefingSettings, output: Path,
              entry_url: Callable[[Any], str],
              unchanged: Callable[[str, str], bool] | None = None,
              same_inputs: Callable[[str], bool] | None = None) -> list[str]:
    """Every export file of the site; returns their paths relative to the output.

    `unchanged(name, digest)` (incremental builds) says whether the file the last build wrote
    came from the same data: then it is not serialised again (the indented form is written by
    json's slow pure-Python encoder; the digest is of the compact form, which its C encoder
    writes ten times faster). `same_inputs(name)`, asked for the exports in NOTELESS, says
    whether the last build wrote that file from the same inputs: then its data is not even
    gathered.
    """
    api = output / cfg.API_PATH
    exports = {
        "briefings": lambda: [briefing_record(b, cfg) for b in site.briefings],
        "actors": lambda: [actor_record(a, site, cfg) for a in site.actors],
        "chronology": lambda: [chronology_record(e, entry_url(e))
                               for e in sorted(site.chronology,
                                               key=lambda e: (e.sort_key, e.id))],
        "notes": lambda: [note_record(n, cfg) for n in site.notes],
    }
    written = []
    for name, make in exports.items():
        rel = f"{cfg.API_PATH}/{name}.json"
        written.append(rel)
        if same_inputs is not None and name in NOTELESS and same_inputs(rel):
            continue
        data = make()
        if unchanged is not None:
            compact = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            if unchanged(rel, hashlib.sha256(compact.encode("utf-8")).hexdigest()):
                continue
        dump(api / f"{name}.json", data)
    return written
