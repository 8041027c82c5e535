"""Resident builds: one process keeps Pelican, the spaCy model and the last build's records.

`make devserver` builds through a `Worker`, a child process that reads the settings once and runs
the same Pelican object again on each change, as Pelican's own autoreload does. Between builds it
keeps in memory what a fresh `pelican` process would load again: Python, Pelican and the plugin
imported, the spaCy model (loaded on the first seed that needs it), and every per-seed and
whole-site record of the last build (`seedcache.keep_in_memory`), each under the key of its
inputs. A note edit then reuses the whole settled site (actors resolved, chronology merged)
without reading it; a one-seed edit recomputes that seed and the cross-seed stages from the
other seeds' records in memory. Output is the same as a cold build's: keys are content hashes,
memory only saves reading them.

A build that fails (a Python error, or a warning under `--fatal warnings`) is reported and the
worker keeps running; a worker that dies is started again on the next change. The server keeps
serving the last good output meanwhile. The plugin's code and the settings are read once per
worker: the server starts a new worker when `plugins/` or `pelican.conf.py` change.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import resource
import signal
import sys
import time
import traceback
from collections.abc import Sequence
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from jinja2.bccache import Bucket, BytecodeCache

ROOT = Path(__file__).resolve().parent.parent


def peak_rss_mb() -> float:
    """This process's peak resident memory, in MB (Linux reports kilobytes)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


class MemoryBytecodeCache(BytecodeCache):
    """Jinja's compiled templates, kept in this process between builds."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


class Builder:
    """Pelican in this process: settings read once, `run()` again for each build."""

    def __init__(self, argv: Sequence[str]) -> None:
        from pelican import get_instance, parse_arguments
        from pelican.log import init as init_logging

        sys.path.insert(0, str(ROOT / "plugins"))
        from briefing import seedcache

        self.args = parse_arguments(list(argv))
        init_logging(level=self.args.verbosity, fatal=self.args.fatal, name="pelican",
                     logs_dedup_min_level=getattr(logging, self.args.logs_dedup_min_level))
        self.pelican, self.settings = get_instance(self.args)
        # Each run makes new Jinja environments: compiled templates are kept here instead
        # (Jinja checks each template's source against its checksum, so an edit is seen).
        self.settings["JINJA_ENVIRONMENT"] = {**self.settings["JINJA_ENVIRONMENT"],
                                              "bytecode_cache": MemoryBytecodeCache()}
        self.memory = seedcache.keep_in_memory()

    def preload(self) -> None:
        """Load the spaCy model and the per-seed stages' tables now, between builds: the
        first seed edit then finds them (a first build from a warm cache needs none)."""
        from briefing import nlpcache, pipeline
        from briefing.settings import validate

        try:
            cfg = validate(self.settings)
            if cfg.NLP:
                nlpcache.load_model(cfg.NLP_MODEL, cfg.CACHE_PATH / "regex")
            pipeline.warm_up()
        except Exception:  # a missing model is reported by the build that needs it
            traceback.print_exc()

    def build(self) -> dict[str, Any]:
        """One build; never raises: the outcome says whether it worked, and why not."""
        from pelican.log import LimitFilter

        # Pelican shows each warning once per process: each build must report its own again
        # (a warning is what fails a strict build).
        LimitFilter._raised_messages.clear()
        LimitFilter._group_count.clear()
        self.memory.next_build()
        started = time.perf_counter()
        error = None
        try:
            self.pelican.run()
        except Exception as exc:  # any failure of one build: reported, the process goes on
            error = f"{type(exc).__name__}: {exc}"
            traceback.print_exc()
        return {"ok": error is None, "error": error,
                "seconds": round(time.perf_counter() - started, 3), "rss_mb": peak_rss_mb()}


def serve(conn: Connection, argv: Sequence[str], log: str | None = None) -> None:
    """The worker's loop: build on each request, answer with the outcome, until told to stop."""
    if log is not None:  # the bench keeps each worker's output in a file
        fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
    # Ctrl-C in the terminal reaches the whole process group: the server stops this process
    # itself (after it has written its cache), never a build half done.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.chdir(ROOT)
    try:
        builder = Builder(argv)
    except Exception as exc:  # bad settings: every request gets the same answer
        traceback.print_exc()
        failure = {"ok": False, "error": f"{type(exc).__name__}: {exc}", "seconds": 0.0,
                   "rss_mb": peak_rss_mb()}
        try:
            while conn.recv() is not None:
                conn.send(failure)
        except EOFError:  # the server went away
            pass
        return
    loaded = False
    while True:
        try:
            request = conn.recv()
        except EOFError:  # the server died: nothing to answer
            request = None
        if request is None:  # stopping: the next one-shot build finds the whole site
            builder.memory.flush()
            return
        if request == "build":
            conn.send(builder.build())
        elif request == "ready":  # answered once the model is loaded
            conn.send({"ok": True})
        sys.stdout.flush()
        sys.stderr.flush()
        # Between builds, while the author reads: what the build keeps (a site's records,
        # millions of objects) leaves the cyclic collector's scans, which otherwise walk it
        # again and again during the next build. Only cyclic garbage among those objects would
        # be kept; reference counting still frees the rest.
        gc.collect()
        gc.freeze()
        if not loaded:  # after the first answer: the server is up, the author not yet editing
            builder.preload()
            loaded = True


class Worker:
    """A resident builder in a child process, started on the first build and after a crash."""

    def __init__(self, argv: Sequence[str], log: Path | None = None) -> None:
        self.argv = list(argv)
        self.log = str(log) if log is not None else None
        self.process: Any = None
        self.conn: Connection | None = None

    def start(self) -> None:
        """A new child (spawned: it imports the plugin's code as it is now)."""
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(target=serve, args=(child, self.argv, self.log),
                                       daemon=True)
        self.process.start()
        child.close()

    def build(self) -> dict[str, Any]:
        """One build in the child; a child that died is reported and replaced next time."""
        if self.process is None or not self.process.is_alive():
            self.start()
        assert self.conn is not None
        try:
            self.conn.send("build")
            return self.conn.recv()
        except (EOFError, OSError):
            self.process.join(5)
            code = self.process.exitcode
            self.process = None
            return {"ok": False, "error": f"the build process died (exit {code})",
                    "seconds": None, "rss_mb": None}

    def ready(self) -> None:
        """Wait until the child is idle (its model loaded after the first build)."""
        if self.process is not None and self.conn is not None:
            try:
                self.conn.send("ready")
                self.conn.recv()
            except (EOFError, OSError):
                pass

    def restart(self) -> None:
        """Forget the child: code or settings changed (the next build starts a new one)."""
        self.close()

    def close(self) -> None:
        """Stop the child, if any."""
        if self.process is None:
            return
        try:
            assert self.conn is not None
            self.conn.send(None)
        except (OSError, AssertionError):
            pass
        self.process.join(30)  # it writes the whole-site cache entries first
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(5)
        self.process = None
