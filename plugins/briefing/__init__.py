"""Pelican plugin: raw French news seeds to fact-checked briefing, actor and chronology pages."""

from __future__ import annotations

from typing import Any

from pelican import signals


def get_generators(pelican: Any) -> type:
    """Add our generator after Pelican's own (articles and pages are read first)."""
    # Sent at the start of every run, before anything is read, cleaned or written.
    hold_output_lock(pelican)
    # Imported here so that `import briefing.cleaning` (tests, tools) stays light.
    from .generator import BriefingGenerator

    return BriefingGenerator


def content_written(path: str, context: Any = None) -> None:
    """French typography on every HTML page written, ours and Pelican's."""
    from .typography import on_content_written

    on_content_written(path, context)


# The output folder's lock, held from the start of a run to its end (released by the kernel if the
# build dies); see safeio.py.
_LOCKS: dict[int, Any] = {}


def hold_output_lock(pelican: Any) -> None:
    """Wait for any other build of the same output folder, then sweep what a killed one left."""
    from pathlib import Path

    from . import safeio

    output = Path(pelican.output_path)
    # `pelican -r` runs again in the same process, still holding the lock if a run failed.
    handle = _LOCKS.get(id(pelican)) or safeio.acquire(output)
    _LOCKS[id(pelican)] = handle
    if safeio.interrupted(handle):
        safeio.sweep(output)
    safeio.mark(handle, running=True)


def finalized(pelican: Any) -> None:
    """The build ended well: clear its mark and release the output folder's lock."""
    from . import safeio

    handle = _LOCKS.pop(id(pelican), None)
    if handle is not None:
        safeio.mark(handle, running=False)
        safeio.release(handle)


def get_writer(pelican: Any) -> type:
    """Pelican's writer, writing each page under a temporary name, then renaming it."""
    from .safeio import AtomicWriter

    return AtomicWriter


def drop_outside(generator: Any) -> None:
    """Pelican's own pages and static files: none that resolves outside the project."""
    from .inputs import drop_outside as drop

    drop(generator)


def compiled_templates(pelican: Any) -> None:
    """Keep Jinja's compiled templates in the plugin's cache: each build compiled them all.

    Jinja checks each template's source against the checksum stored with its code, so an
    edited template is compiled again; the folder is named after Jinja's version and the
    environment's options, which the compiled code depends on. A build that already has a
    bytecode cache (a resident one keeps them in memory) keeps its own.
    """
    import contextlib
    import hashlib
    import json

    import jinja2
    from jinja2 import FileSystemBytecodeCache

    from .settings import validate

    settings = pelican.settings
    options = dict(settings.get("JINJA_ENVIRONMENT") or {})
    if options.get("bytecode_cache") is not None:
        return
    described = json.dumps(options, sort_keys=True, default=repr)
    if " at 0x" in described:  # options known by their address only: no stable folder
        return
    key = hashlib.sha256(f"{jinja2.__version__}\n{described}".encode()).hexdigest()[:16]
    try:
        folder = validate(settings).CACHE_PATH / "jinja" / key
        folder.mkdir(parents=True, exist_ok=True)
    except Exception:  # bad settings (the generator reports them) or a read-only cache
        return
    class QuietBytecodeCache(FileSystemBytecodeCache):
        """Jinja's file cache, whose failures (a full disk) only cost a compilation."""

        def load_bytecode(self, bucket: Any) -> None:
            with contextlib.suppress(OSError):
                super().load_bytecode(bucket)

        def dump_bytecode(self, bucket: Any) -> None:
            with contextlib.suppress(OSError):
                super().dump_bytecode(bucket)

    settings["JINJA_ENVIRONMENT"] = {**options, "bytecode_cache": QuietBytecodeCache(
        str(folder))}


def register() -> None:
    """Wire signals only; all work happens in the generator."""
    signals.initialized.connect(compiled_templates)
    signals.get_writer.connect(get_writer)
    signals.get_generators.connect(get_generators)
    signals.page_generator_finalized.connect(drop_outside)
    signals.static_generator_finalized.connect(drop_outside)
    signals.content_written.connect(content_written)
    signals.finalized.connect(finalized)
