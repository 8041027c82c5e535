"""Writing the site safely: one build at a time per output folder, and no half-written file.

- A lock (`fcntl`, on a file beside the output folder) makes a second build of the same output
  wait for the first: two builds at once never interleave their files. The kernel releases it
  when a build dies, however it dies.
- Every file is written to a temporary name in its folder, then renamed over the old one: a
  build killed or stopped by a full disk leaves each file either as it was or as it should be,
  never truncated. The lock file says while a build is under way; when the next build finds
  that mark (its holder died), it removes the temporary files left behind. Walking the whole
  output on every build would cost a warm rebuild about 0.4 s at 5,000 seeds.
- A write that fails (disk full, quota, file size limit) stops the build with one clear error.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import sys
from pathlib import Path
from typing import IO, Any

from pelican.writers import FileOverwriteFailedError, Writer

# Marks the temporary files of this module, so that only they are ever swept.
TMP_SUFFIX = ".briefing-tmp"
# What a failed write means to an author, by errno.
_CAUSES = {errno.ENOSPC: "disque plein", errno.EDQUOT: "quota disque dépassé",
           errno.EFBIG: "fichier trop grand pour la limite du système"}


class OutputError(SystemExit):
    """A file of the site could not be written: the build stops, the previous files stay.

    A SystemExit, so that the build ends with this one message and status 1: Pelican logs any
    other exception with a traceback, which would bury the cause (a full disk).
    """


def lock_path(output: Path) -> Path:
    """The lock file of an output folder: beside it, so a clean of the folder keeps it."""
    output = Path(output).resolve()
    return output.parent / f".{output.name}.lock"


def acquire(output: Path) -> IO[str]:
    """Hold the output folder's lock (waiting, with a message, while another build has it)."""
    path = lock_path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = path.open("a+", encoding="utf-8")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        print(f"briefing: une autre construction écrit dans {output} (verrou {path}) : "
              "attente de sa fin…", file=sys.stderr, flush=True)
        fcntl.flock(handle, fcntl.LOCK_EX)
    return handle


def interrupted(handle: IO[str]) -> bool:
    """True when the last build that held this lock died before its end (its mark remains)."""
    handle.seek(0)
    return bool(handle.read().strip())


def mark(handle: IO[str], running: bool) -> None:
    """Say in the lock file whether a build is under way (cleared by a build that ends well)."""
    try:
        handle.seek(0)
        handle.truncate()
        if running:
            handle.write(f"construction en cours (pid {os.getpid()})\n")
        handle.flush()
    except OSError as exc:
        raise failure(handle.name, exc) from exc


def release(handle: IO[str]) -> None:
    """Let the next build of this output folder go."""
    fcntl.flock(handle, fcntl.LOCK_UN)
    handle.close()


def temp_path(path: Path) -> Path:
    """A temporary name beside `path` (same file system, so the final rename is atomic)."""
    return path.with_name(f".{path.name}.{os.getpid()}{TMP_SUFFIX}")


def failure(path: Path | str, exc: OSError) -> OutputError:
    """The one clear error of a write that failed."""
    cause = _CAUSES.get(exc.errno or 0, exc.strerror or str(exc))
    return OutputError(f"briefing: écriture impossible de {path} ({cause}) : construction "
                       "arrêtée ; les fichiers déjà en place dans le dossier de sortie restent "
                       "entiers (ancienne ou nouvelle version, jamais à moitié écrits)")


def write_bytes(path: Path, data: bytes) -> None:
    """Replace `path` by `data` in one rename; a failed write leaves the old file untouched."""
    tmp = temp_path(path)
    try:
        with open(tmp, "wb") as file:
            file.write(data)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise failure(path, exc) from exc


def write_text(path: Path, text: str) -> None:
    """`write_bytes` of UTF-8 text."""
    write_bytes(path, text.encode("utf-8"))


def sweep(output: Path) -> int:
    """Remove the temporary files that killed builds left in the output folder; count them."""
    removed = 0
    for folder, _, names in os.walk(output):
        for name in names:
            if name.endswith(TMP_SUFFIX):
                Path(folder, name).unlink(missing_ok=True)
                removed += 1
    return removed


class AtomicTextFile:
    """A text file opened for writing that appears under its name only once complete."""

    def __init__(self, path: str, encoding: str) -> None:
        self.path = Path(path)
        self.encoding = encoding
        self.tmp = temp_path(self.path)
        try:
            self.file = open(self.tmp, "w", encoding=encoding)  # noqa: SIM115 (closed in exit)
        except OSError as exc:
            raise failure(self.path, exc) from exc

    def write(self, text: str) -> int:
        """Write to the temporary file."""
        try:
            return self.file.write(text)
        except OSError as exc:
            self._discard()
            raise failure(self.path, exc) from exc

    def __enter__(self) -> AtomicTextFile:
        return self

    def __exit__(self, kind: Any, exc: Any, tb: Any) -> None:
        if kind is not None:
            self._discard()
            return
        try:
            self.file.close()
            os.replace(self.tmp, self.path)
        except OSError as error:
            self._discard()
            raise failure(self.path, error) from error

    def _discard(self) -> None:
        with contextlib.suppress(OSError):
            self.file.close()
        self.tmp.unlink(missing_ok=True)


class AtomicWriter(Writer):
    """Pelican's writer, with every page written to a temporary name and then renamed."""

    def _open_w(self, filename: str, encoding: str, override: bool = False) -> Any:
        """Writer._open_w's checks (one write per file unless overridden), then an atomic file."""
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time (was previously '
                    "overwritten)")
            return open(os.devnull, "w", encoding=encoding)
        if filename in self._written_files and not override:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{filename}" as Pelican has already written to it '
                "previously (set `override=True` if intended)")
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return AtomicTextFile(filename, encoding)
