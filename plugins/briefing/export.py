"""JSON exports under output/api/ (public contract, schemas in docs/schemas/)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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
    }


def dump(path: Path, data: Any) -> None:
    """Write JSON deterministically (sorted keys, UTF-8, final newline)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                    encoding="utf-8")


def write_all(site: Site, cfg: BriefingSettings, output: Path) -> None:
    """Every export file of the site."""
    api = output / cfg.API_PATH
    dump(api / "briefings.json", [briefing_record(b, cfg) for b in site.briefings])
