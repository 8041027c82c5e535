"""Incremental page builds: only changed pages are written, removed ones leave no trace, and any
sequence of edits ends byte-identical to a cold build of the same inputs."""

from __future__ import annotations

import gzip
import json
import random
import shutil
from pathlib import Path
from typing import Any

import pytest
from briefing import incremental

from tests.conftest import ROOT, SEEDS, pelican_build, search_index
from tools.resident import Worker

# Seeds a test starts from; the others are added and removed by the edits.
FIRST = 3
SENTENCE = "Les discussions doivent reprendre la semaine prochaine, selon une source diplomatique."
NOTE = """Title: Vérification ajoutée numéro {n}
Briefing: {briefing}
Claim: Les discussions doivent reprendre la semaine prochaine.
Claimant: une source diplomatique
Verdict: Manque de contexte
Date: 2024-01-{day:02d}

Aucune autre source ne confirme cette date à ce jour (version {n}).
"""
ACTOR = """Title: Source diplomatique {n}
Kind: person
Aliases: Diplomate {n}

Une personne citée dans les tests (version {n}).
"""
SOURCE = """Language: fr

Une note sur la source de ce briefing, écrite par la rédaction (version {n}).
"""


def _project(tmp: Path) -> Path:
    shutil.copytree(ROOT / "content", tmp / "content")
    (tmp / "seeds").mkdir()
    for seed in SEEDS[:FIRST]:
        shutil.copy(seed, tmp / "seeds" / seed.name)
    return tmp


def _build(tmp: Path, out: str, *extra: str) -> str:
    settings = {"SEEDS_PATH": str(tmp / "seeds"), "CACHE_PATH": str(tmp / "cache")}
    result = pelican_build(tmp / out, content=tmp / "content",
                           extra=("-e", "BRIEFING=" + json.dumps(settings), *extra))
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def _cold(tmp: Path) -> None:
    out = tmp / "cold"
    shutil.rmtree(out, ignore_errors=True)
    incremental.manifest_path(tmp / "cache", out).unlink(missing_ok=True)
    _build(tmp, "cold")


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and not p.relative_to(root).parts[0].startswith("pagefind")}


def _search_text(site: Path) -> str:
    """Every URL and text of the Pagefind index (fragments are gzipped JSON)."""
    return "\n".join(gzip.decompress(p.read_bytes()).decode("utf-8", "replace")
                     for p in sorted((site / "pagefind" / "fragment").iterdir()))


def test_one_note_edit_writes_only_the_pages_showing_it(tmp_path: Path) -> None:
    tmp = _project(tmp_path)
    _build(tmp, "output")
    home = tmp / "output" / "index.html"
    stamp = home.stat().st_mtime_ns
    note = next((tmp / "content" / "notes").glob("*.md"))
    note.write_text(note.read_text(encoding="utf-8") + "\nUne phrase de plus.\n",
                    encoding="utf-8")
    stdout = _build(tmp, "output")
    rendered = int(stdout.split(" page(s) rendered")[0].rsplit("briefing: ", 1)[1])
    assert 1 <= rendered <= 8, stdout
    assert home.stat().st_mtime_ns == stamp  # the home page does not show notes


def test_a_removed_seed_leaves_no_trace(tmp_path: Path) -> None:
    tmp = _project(tmp_path)
    _build(tmp, "output")
    extra = SEEDS[FIRST]
    (tmp / "seeds" / extra.name).write_bytes(extra.read_bytes())
    _build(tmp, "output")
    assert search_index(tmp / "output").returncode == 0
    briefings = json.loads((tmp / "output" / "api" / "briefings.json").read_text())
    added = next(b for b in briefings if b["id"] == extra.stem)
    folder = tmp / "output" / added["url"]
    assert (folder / "index.html").is_file() and (folder / "source.txt").is_file()
    assert added["url"] in (tmp / "output" / "sitemap.xml").read_text(encoding="utf-8")
    assert added["url"] in _search_text(tmp / "output")

    (tmp / "seeds" / extra.name).unlink()
    _build(tmp, "output")
    assert search_index(tmp / "output").returncode == 0
    assert not folder.exists()
    for path, data in _files(tmp / "output").items():
        text = data.decode("utf-8", "replace")
        assert added["url"] not in text and extra.stem not in text, path
    assert added["url"] not in _search_text(tmp / "output")
    assert extra.stem not in _search_text(tmp / "output")


# Every kind of edit an author makes; the random sequence applies each at least once.
EDITS = tuple(f"{verb} {what}" for what in ("seed", "note", "actor", "source")
              for verb in ("add", "change", "remove"))


def _edit(rng: random.Random, tmp: Path, n: int, action: str) -> str:
    """Apply one edit (`verb what`) to a random file; returns what it did."""
    verb, what = action.split()
    folder = tmp / "seeds" if what == "seed" else tmp / "content" / f"{what}s"
    existing = sorted(folder.glob("*.txt" if what == "seed" else "*.md"))
    seeds = sorted((tmp / "seeds").glob("*.txt"))
    if what == "seed" and verb == "add":
        absent = [s for s in SEEDS if not (tmp / "seeds" / s.name).exists()]
        if not absent:  # every real seed is there: add a variant of one
            path = tmp / "seeds" / f"9{n:02d}_variante.txt"
            path.write_text(rng.choice(SEEDS).read_text(encoding="utf-8", errors="replace")
                            + f"\n{SENTENCE} Variante {n}.\n", encoding="utf-8")
            return f"{action} {path.name}"
        seed = rng.choice(absent)
        shutil.copy(seed, tmp / "seeds" / seed.name)
        return f"{action} {seed.name}"
    if what == "source" and verb == "add":
        bare = [s for s in seeds if not (folder / f"{s.stem}.md").exists()] or seeds
        path = folder / f"{rng.choice(bare).stem}.md"
        path.write_text(SOURCE.format(n=n), encoding="utf-8")
        return f"{action} {path.name}"
    if verb == "add":
        path = folder / (f"900-ajout-{n}.md" if what == "note" else f"diplomate-{n}.md")
        text = (NOTE.format(n=n, briefing=rng.choice(seeds).stem, day=n % 28 + 1)
                if what == "note" else ACTOR.format(n=n))
        path.write_text(text, encoding="utf-8")
        return f"{action} {path.name}"
    if not existing or (what == "seed" and verb == "remove" and len(existing) < 2):
        return f"{action}: nothing to edit"
    path = rng.choice(existing)
    if verb == "remove":
        path.unlink()
    elif what == "seed":
        path.write_text(path.read_text(encoding="utf-8", errors="replace") + f"\n{SENTENCE}\n",
                        encoding="utf-8")
    else:
        path.write_text(path.read_text(encoding="utf-8") + f"\nPrécision {n}.\n",
                        encoding="utf-8")
    return f"{action} {path.name}"


def _resident(tmp: Path) -> Worker:
    """A resident build process over the test project (as `make devserver` runs one)."""
    settings = {"SEEDS_PATH": str(tmp / "seeds"), "CACHE_PATH": str(tmp / "cache")}
    return Worker([str(tmp / "content"), "-o", str(tmp / "output"), "-s",
                   str(ROOT / "pelican.conf.py"), "-e", "BRIEFING=" + json.dumps(settings)])


@pytest.mark.slow
@pytest.mark.parametrize(("seed", "resident"), [(13, False), (29, True), (7, True)])
def test_random_edits_end_like_a_cold_build(tmp_path: Path, seed: int, resident: bool) -> None:
    """Fresh `pelican` processes, or one resident process (make devserver) for every build."""
    tmp = _project(tmp_path)
    rng = random.Random(seed)
    worker = _resident(tmp) if resident else None

    def build() -> None:
        if worker is None:
            _build(tmp, "output")
        else:
            outcome = worker.build()
            assert outcome["ok"], outcome

    try:
        _random_edits(tmp, rng, build)
    finally:
        if worker is not None:
            worker.close()


def _random_edits(tmp: Path, rng: random.Random, build: Any) -> None:
    build()
    done = []
    actions = rng.sample(EDITS, len(EDITS)) + [rng.choice(EDITS) for _ in range(3)]
    for n, action in enumerate(actions, start=1):
        done.append(_edit(rng, tmp, n, action))
        build()
        _cold(tmp)
        incremental_files, cold_files = _files(tmp / "output"), _files(tmp / "cold")
        assert sorted(incremental_files) == sorted(cold_files), done
        different = [p for p in cold_files if incremental_files[p] != cold_files[p]]
        assert different == [], (done, different)
    # The search index follows: the same pages give the same index.
    assert search_index(tmp / "output").returncode == 0
    assert search_index(tmp / "cold").returncode == 0
    assert _search_text(tmp / "output") == _search_text(tmp / "cold")
