"""Per-seed NER cache: content hash plus pipeline version, so a warm rebuild runs no model.

Only the model's raw output (entity spans) is cached; every rule applied after it runs on each
build, so changing those rules never needs an invalidation. The key covers everything that
changes the spans: the paragraphs, the model name and version, spaCy's version, the components
kept, and `NER_CACHE_VERSION` (bump it when `actors.ner_spans` itself changes).

The model (`BRIEFING["NLP_MODEL"]`) is loaded on the first miss only, with its `ner` component
alone; a cold build of a large corpus runs it in several processes (`NLP_PROCESSES`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from .actors import NerSpan
from .settings import BriefingSettings

logger = logging.getLogger(__name__)

NER_CACHE_VERSION = "2"
# Briefings sent to the model at once on a cold build.
NER_SLICE = 250
# Below this many briefings to analyse, a progress bar is noise.
PROGRESS_MIN = 50
# Words of one slice below which extra processes cost more than they save: each worker starts
# and receives the texts (about a second), and the model analyses about 10,000 words a second.
PARALLEL_MIN_WORDS = 50_000
# Components the NER of a transformer pipeline listens to (the core pipelines' NER has its own
# token-to-vector layer and needs nothing else).
NER_LISTENS_TO = ("transformer",)


def excluded_components(meta: Mapping[str, Any]) -> list[str]:
    """Every component of a model but `ner` (and what it listens to), from its meta.json."""
    names = meta.get("components") or meta.get("pipeline") or []
    return [n for n in names if n != "ner" and n not in NER_LISTENS_TO]


# Regular expressions at least this long are kept compiled in the cache (see `regex_cache`).
LONG_REGEX = 100_000


@contextlib.contextmanager
def regex_cache(folder: Path | None) -> Iterator[None]:
    """Reuse CPython's compiled form of huge regular expressions from the cache folder.

    spaCy's French tokenizer exceptions are one 1.4 MB alternation whose compilation takes
    most of the model's load time (2 to 6 s), paid by every build with one seed to analyse.
    The compiled program (`re._compiler`'s code list and group tables) is stored like a
    per-seed record, keyed on the exact Python version, pattern and flags, and handed back to
    `_sre.compile`: the same Pattern object, without the parse. Any surprise (another Python,
    another internal API) falls back to the ordinary compilation.
    """
    try:
        import _sre
        from re import _compiler
    except ImportError:  # an interpreter without CPython's regex internals
        yield
        return
    from .seedcache import SeedCache

    original = _compiler.compile
    # Read once per process: never kept in a resident process's memory.
    store = SeedCache(folder, sys.version, resident=False) if folder is not None else None

    def program(pattern: str, flags: int) -> tuple[Any, ...]:
        parsed = _compiler._parser.parse(pattern, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for k, i in groupindex.items():
            indexgroup[i] = k
        # Plain ints: the opcodes are named int constants, which do not pickle.
        code = [int(op) for op in _compiler._code(parsed, flags)]
        return (flags | parsed.state.flags, code,
                parsed.state.groups - 1, groupindex, tuple(indexgroup))

    def compile_cached(p: Any, flags: int = 0) -> Any:
        if store is None or not isinstance(p, str) or len(p) < LONG_REGEX:
            return original(p, flags)
        try:
            args = store("regex", (sys.hexversion, flags, p), lambda: program(p, flags))
            return _sre.compile(p, *args)
        except Exception:  # internals changed: compile as usual
            return original(p, flags)

    _compiler.compile = compile_cached
    try:
        yield
    finally:
        _compiler.compile = original


# Models loaded by this process, by name: a long-running process (the development server
# building in process, the tests) loads each model once.
_LOADED: dict[str, Any] = {}


def load_model(name: str, cache: Path | None = None) -> Any:
    """Load the spaCy model package `name` with only what NER needs (called on a miss only)."""
    if name not in _LOADED:
        _LOADED[name] = _load_model(name, cache)
    return _LOADED[name]


def _load_model(name: str, cache: Path | None) -> Any:
    with regex_cache(cache):
        import spacy
        from spacy.util import get_package_path

        try:
            meta = json.loads((get_package_path(name) / "meta.json").read_text(encoding="utf-8"))
        except (ImportError, OSError, ValueError) as exc:
            raise RuntimeError(
                f"briefing: spaCy model {name!r} (BRIEFING['NLP_MODEL']) is not installed: "
                f"add it to requirements.txt, or set BRIEFING['NLP'] = False ({exc})") from exc
        # "strings" skips the vocabulary's string table (a third of the load left once the
        # regex is cached): entities are found from hashes, vectors and the text itself, and
        # the same spans came out on the 2,406 paragraphs of 250 bench seeds (8,280 spans).
        return spacy.load(name, exclude=[*excluded_components(meta), "strings"])


def default_processes() -> int:
    """Cores this process may run on (its affinity, else the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


def provider(cfg: BriefingSettings, load: Callable[[str], Any] | None = None,
             run: Callable[..., Any] | None = None) -> NerCache:
    """The pipeline's NER provider for these settings: their model, cache and processes."""
    from . import actors

    model, folder = cfg.NLP_MODEL, cfg.CACHE_PATH / "regex"
    load = load or (lambda name: load_model(name, folder))
    return NerCache(cfg.CACHE_PATH / "ner", lambda: load(model), run or actors.ner_spans,
                    cfg.NLP_PROCESSES, model=model)


def progress_bar(total: int) -> Any:
    """A tqdm bar on an interactive terminal for long NER runs; silent in CI and in logs."""
    from tqdm import tqdm

    quiet = (not sys.stderr.isatty() or os.environ.get("CI", "").lower() in {"1", "true"}
             or total < PROGRESS_MIN)
    return tqdm(total=total, desc="briefing: NER", unit="seed", disable=quiet, leave=False)


class NerCache:
    """A `NerProvider` for the pipeline: cached spans, the model loaded only on a miss."""

    def __init__(self, folder: Path, load_nlp: Callable[[], Any], run: Callable[..., Any],
                 processes: int = 1, model: str | None = None) -> None:
        from . import actors

        self.folder = folder
        self.model = model or actors.SPACY_MODEL
        self._load_nlp = load_nlp
        self._run = run
        self._nlp: Any = None
        self.processes = processes
        self.hits = 0
        self.misses = 0
        self.words = 0
        self.seconds = 0.0

    def model_id(self) -> str:
        """What the spans depend on besides the text (cheap: reads installed metadata only)."""
        from importlib import metadata

        from . import actors

        model = self.model

        def version(package: str) -> str:
            # Installed metadata only: importing spaCy costs a second on a fully cached build.
            try:
                return metadata.version(package)
            except metadata.PackageNotFoundError:
                return "?"

        return "|".join([model, version(model.replace("_", "-")), version("spacy"),
                         ",".join(sorted(actors.SPACY_EXCLUDE)), NER_CACHE_VERSION])

    def key(self, model_id: str, paragraphs: Sequence[str]) -> str:
        """Content hash of one briefing's paragraphs under one model id."""
        h = hashlib.sha256(model_id.encode())
        for p in paragraphs:
            h.update(b"\x00")
            h.update(p.encode())
        return h.hexdigest()

    def __call__(self, bodies: Mapping[str, Sequence[str]]
                 ) -> dict[str, tuple[tuple[NerSpan, ...], ...]]:
        """Spans for every briefing: cached ones read, the others computed in one batch."""
        import time

        from .seedcache import resident

        model_id = self.model_id()
        out: dict[str, tuple[tuple[NerSpan, ...], ...]] = {}
        todo: dict[str, str] = {}
        memory = resident()  # a resident process keeps the spans in memory too
        for bid in sorted(bodies):
            key = self.key(model_id, bodies[bid])
            found, cached = memory.get(("ner", key)) if memory else (False, None)
            if not found:
                cached = self._read(key)
            if cached is not None and len(cached) != len(bodies[bid]):
                logger.warning("briefing: NER cache entry %s unreadable (%d paragraphs instead "
                               "of %d): recomputed", self._path(key), len(cached),
                               len(bodies[bid]))
                cached = None
            if cached is not None:
                out[bid] = cached
                self.hits += 1
                if memory is not None:
                    memory.put(("ner", key), cached)
            else:
                todo[bid] = key
        if not todo:
            return out
        self.misses += len(todo)
        if self._nlp is None:
            self._nlp = self._load_nlp()
        pending = list(todo.items())
        bar = progress_bar(len(pending))
        # Slices keep memory bounded and leave finished work in the cache if a build dies.
        for start in range(0, len(pending), NER_SLICE):
            part = pending[start:start + NER_SLICE]
            flat = [p for bid, _ in part for p in bodies[bid]]
            words = sum(len(p.split()) for p in flat)
            processes = self.processes if words >= PARALLEL_MIN_WORDS else 1
            started = time.perf_counter()
            spans = list(self._run(self._nlp, flat, n_process=processes))
            self.seconds += time.perf_counter() - started
            self.words += words
            pos = 0
            for bid, key in part:
                n = len(bodies[bid])
                out[bid] = tuple(spans[pos:pos + n])
                pos += n
                self._write(key, out[bid])
                if memory is not None:
                    memory.put(("ner", key), out[bid])
            bar.update(len(part))
        bar.close()
        return out

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def _read(self, key: str) -> tuple[tuple[NerSpan, ...], ...] | None:
        path = self._path(key)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            spans = tuple(tuple(NerSpan(*span) for span in par) for par in data)
            for s in (s for par in spans for s in par):  # valid JSON is not a valid entry yet
                if not (type(s.start) is type(s.end) is int and 0 <= s.start < s.end
                        and isinstance(s.label, str) and isinstance(s.text, str)):
                    raise ValueError(f"span {s!r}")
            return spans
        except FileNotFoundError:
            return None
        except (ValueError, TypeError) as exc:  # a corrupt entry is recomputed, not fatal
            logger.warning("briefing: NER cache entry %s unreadable (%s): recomputed", path, exc)
            return None

    def _write(self, key: str, spans: tuple[tuple[NerSpan, ...], ...]) -> None:
        if getattr(self, "unwritable", False):
            return
        path = self._path(key)
        data = [[[s.start, s.end, s.label, s.text] for s in par] for par in spans]
        tmp = path.with_suffix(".tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            tmp.replace(path)  # atomic: a crash mid-write never leaves a half entry
        except OSError as exc:
            # The cache only saves time: a full disk never stops a build by itself.
            self.unwritable = True
            with contextlib.suppress(OSError):
                tmp.unlink()
            logger.warning("briefing: NER cache %s not written (%s): the build goes on "
                           "without it", self.folder, exc.strerror or exc)
