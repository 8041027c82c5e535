"""Records shared by the stages and the Pelican glue: input files and the problems found in them.

They live here, not in the orchestrator, so that any stage (fact-checking, actors) can import
them without importing the orchestrator back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SeedFile:
    """A seed as found on disk: its file name and raw bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class ContentFile:
    """An author's Markdown file: raw metadata (lowercase keys), body HTML, line of each key."""

    path: str
    metadata: dict[str, str]
    body_html: str
    lines: dict[str, int] = field(default_factory=dict)

    def problem(self, key: str, message: str) -> Problem:
        """An author error about one metadata field, located at its line."""
        return Problem(self.path, message, key, self.lines.get(key))


@dataclass(frozen=True)
class Problem:
    """Something wrong in an input file: logged as a warning, fatal only in strict mode."""

    path: str
    message: str
    field: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        if self.field:
            where += f": champ « {self.field} »"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class SourceNote:
    """Verified metadata of a seed, written by an author in content/sources/<seed-id>.md."""

    seed: str
    path: str
    outlet: str | None
    url: str | None
    date: str | None
    language: str | None
    reprint_of: str | None
    body_html: str


def split_values(value: str | None) -> list[str]:
    """An authors' list field: comma- or newline-separated values, stripped, empty ones dropped."""
    return [part.strip() for part in re.split(r"[,\n]", value or "") if part.strip()]
