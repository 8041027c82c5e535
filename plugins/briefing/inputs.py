"""Input files stay inside the project: only regular files that resolve under an allowed folder.

A seed or an author's file may be a symbolic link (a shared corpus, an editor's habit), but one
that leads outside the project (`seeds/x.txt -> /etc/passwd`) is refused, like a named pipe, a
device or a folder: a build must never publish, or hang on, a file nobody put in the project.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .records import Problem

logger = logging.getLogger(__name__)

# What a non-regular file is, in the warning that names it.
_KINDS = ((stat.S_ISDIR, "un dossier"), (stat.S_ISFIFO, "un tube nommé (FIFO)"),
          (stat.S_ISCHR, "un périphérique"), (stat.S_ISBLK, "un périphérique"),
          (stat.S_ISSOCK, "une socket"))


def project_roots(settings: dict, *folders: Path) -> tuple[Path, ...]:
    """The folders inputs may resolve into: the project (beside content/) and `folders`."""
    project = Path(settings.get("PATH", ".")).resolve().parent
    return (project, *(f.resolve() for f in folders))


def refusal(path: Path, roots: Sequence[Path]) -> str | None:
    """Why `path` may not be read (outside every root, broken link), or None."""
    try:
        real = path.resolve(strict=True)
    except FileNotFoundError:
        target = os.readlink(path) if path.is_symlink() else path
        return f"lien brisé (cible introuvable : {target}) : ignoré"
    except (OSError, RuntimeError) as exc:  # a loop of links, a permission error
        return f"chemin illisible ({exc.strerror if isinstance(exc, OSError) else exc})"
    if not any(real.is_relative_to(root) for root in roots):
        return f"lien vers {real}, hors du projet : refusé, jamais publié"
    return None


def read_inside(path: Path, roots: Sequence[Path]) -> bytes | str:
    """The bytes of a regular file that resolves under one of `roots`, or why it is refused."""
    why = refusal(path, roots)
    if why:
        return why
    real = path.resolve()
    try:
        # Non-blocking: opening a named pipe for reading must not wait for a writer.
        fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    except OSError as exc:
        return f"illisible ({exc.strerror})"
    with os.fdopen(fd, "rb") as file:
        mode = os.fstat(file.fileno()).st_mode
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _KINDS if test(mode)), "pas un fichier")
            return f"{kind}, pas un fichier ordinaire : refusé, jamais publié"
        try:
            return file.read()
        except OSError as exc:
            return f"illisible ({exc.strerror})"


def drop_outside(generator: Any) -> None:
    """Pelican's pages and static files that resolve outside the project: named, never written."""
    roots = project_roots(generator.settings, Path(generator.path))
    for attr in ("pages", "hidden_pages", "draft_pages", "staticfiles"):
        items = getattr(generator, attr, None)
        if not items:
            continue
        kept = []
        for item in items:
            source = Path(generator.path) / item.source_path
            why = refusal(source, roots)
            if why is None:
                kept.append(item)
            else:
                logger.warning("briefing: %s", Problem(
                    os.path.relpath(source, Path(generator.path).parent), why))
        setattr(generator, attr, kept)
        if attr in generator.context:  # the page lists templates read (navigation)
            generator.context[attr] = kept
