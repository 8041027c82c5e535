"""The seed ids of the last build, by content hash: when two seeds are exact copies, the one that
already had its id keeps it (a copy sorting first never takes the original's id and URL).

One small JSON per output folder in the cache, written atomically after a complete build; kept
apart from the up-to-date manifest (`incremental.py`), which has its own life.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

from . import safeio

# Bump when the file's format changes (an unreadable or other version is simply ignored).
IDMAP_VERSION = 1


def idmap_path(cache: Path, output: Path) -> Path:
    """One map per output folder (several builds may share a cache)."""
    key = hashlib.sha256(str(output.resolve()).encode()).hexdigest()[:16]
    return cache / f"ids-{key}.json"


def load(path: Path) -> dict[str, str]:
    """`{sha256: seed id}` of the last complete build; empty when missing or unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != IDMAP_VERSION:
            return {}
        return {str(k): str(v) for k, v in data["ids"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def save(path: Path, ids: Mapping[str, str]) -> None:
    """Record the ids published by a complete build (temporary file, then one rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    safeio.write_text(path, json.dumps({"version": IDMAP_VERSION,
                                        "ids": dict(sorted(ids.items()))}, indent=0))
