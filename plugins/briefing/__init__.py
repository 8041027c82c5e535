"""Pelican plugin: raw French news seeds to fact-checked briefing, actor and chronology pages."""

from __future__ import annotations

from typing import Any

from pelican import signals


def get_generators(pelican: Any) -> type:
    """Add our generator after Pelican's own (articles and pages are read first)."""
    # Imported here so that `import briefing.cleaning` (tests, tools) stays light.
    from .generator import BriefingGenerator

    return BriefingGenerator


def register() -> None:
    """Wire signals only; all work happens in the generator."""
    signals.get_generators.connect(get_generators)
