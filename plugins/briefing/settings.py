"""The plugin's one settings dict (`BRIEFING`), its defaults, and its validation."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

# Every key an author may set in `BRIEFING = {...}`; documented in the README (a test checks).
DEFAULTS: dict[str, Any] = {
    # Folder of raw seed articles (*.txt), relative to the folder holding pelican.conf.py.
    "SEEDS_PATH": "seeds",
    # Where per-seed NLP results are cached (content hash + pipeline version).
    "CACHE_PATH": ".cache/briefing",
    # Run spaCy NER; False builds without actors from the model (registry only), for quick drafts.
    "NLP": True,
    # spaCy model package name (installed from PyPI, never downloaded at run time); loaded on a
    # cache miss only, with its `ner` component alone; part of the NER cache key.
    "NLP_MODEL": "fr_core_news_md",
    # Processes for spaCy when many seeds miss the cache (a cold build): "auto" = the cores this
    # process may use; 1 = in process. Small batches always run in process.
    "NLP_PROCESSES": "auto",
    # Skip the whole pipeline and writing when no input changed and the output is intact.
    "INCREMENTAL": True,
    # URL patterns, folder-style so that no two pages collide.
    "BRIEFING_URL": "briefings/{slug}/",
    "ACTOR_URL": "acteurs/{slug}/",
    "NOTE_URL": "verifications/{slug}/",
    "EVENT_URL": "chronologie/",
    # Folder of the JSON exports in the output.
    "API_PATH": "api",
    # Name of the organisation that publishes the site (schema.org author of ClaimReviews).
    "PUBLISHER": "Briefings vérifiés",
}


@dataclass(frozen=True)
class BriefingSettings:
    """Validated plugin settings, paths resolved."""

    SEEDS_PATH: Path
    CACHE_PATH: Path
    NLP: bool
    NLP_MODEL: str
    NLP_PROCESSES: int
    INCREMENTAL: bool
    BRIEFING_URL: str
    ACTOR_URL: str
    NOTE_URL: str
    EVENT_URL: str
    API_PATH: str
    PUBLISHER: str


class SettingsError(ValueError):
    """A `BRIEFING` setting that cannot be used."""


def validate(settings: dict[str, Any]) -> BriefingSettings:
    """Merge `settings["BRIEFING"]` over the defaults and check every value once."""
    given = settings.get("BRIEFING") or {}
    unknown = sorted(set(given) - set(DEFAULTS))
    for key in unknown:
        logger.warning("briefing: unknown setting BRIEFING[%r] ignored", key)
    merged = {**DEFAULTS, **{k: v for k, v in given.items() if k in DEFAULTS}}
    base = Path(settings.get("PATH", ".")).resolve().parent
    for key in ("SEEDS_PATH", "CACHE_PATH"):
        path = Path(os.path.expanduser(str(merged[key])))
        merged[key] = path if path.is_absolute() else base / path
    for key in ("BRIEFING_URL", "ACTOR_URL", "NOTE_URL"):
        if "{slug}" not in merged[key] or not merged[key].endswith("/"):
            raise SettingsError(
                f"briefing: BRIEFING[{key!r}] must contain {{slug}} and end with '/': "
                f"{merged[key]!r}"
            )
    if merged["NLP_PROCESSES"] == "auto":
        from .nlpcache import default_processes

        merged["NLP_PROCESSES"] = default_processes()
    processes = merged["NLP_PROCESSES"]
    if isinstance(processes, bool) or not isinstance(processes, int) or processes < 1:
        raise SettingsError(
            f"briefing: BRIEFING['NLP_PROCESSES'] must be \"auto\" or a positive integer: "
            f"{processes!r}"
        )
    if not isinstance(merged["NLP_MODEL"], str) or not merged["NLP_MODEL"].strip():
        raise SettingsError(
            f"briefing: BRIEFING['NLP_MODEL'] must name a spaCy model package: "
            f"{merged['NLP_MODEL']!r}"
        )
    merged["NLP"] = bool(merged["NLP"])
    merged["INCREMENTAL"] = bool(merged["INCREMENTAL"])
    return BriefingSettings(**{f.name: merged[f.name] for f in fields(BriefingSettings)})
