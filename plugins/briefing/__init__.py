"""Pelican plugin: raw French news seeds to fact-checked briefing, actor and chronology pages."""

from __future__ import annotations

from typing import Any

from pelican import signals


def get_generators(pelican: Any) -> type:
    """Add our generator after Pelican's own (articles and pages are read first)."""
    # Imported here so that `import briefing.cleaning` (tests, tools) stays light.
    from .generator import BriefingGenerator

    return BriefingGenerator


def content_written(path: str, context: Any = None) -> None:
    """French typography on every HTML page written, ours and Pelican's."""
    from .typography import on_content_written

    on_content_written(path, context)


def register() -> None:
    """Wire signals only; all work happens in the generator."""
    signals.get_generators.connect(get_generators)
    signals.content_written.connect(content_written)
