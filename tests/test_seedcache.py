"""The per-seed record cache: an edit recomputes exactly the seeds whose inputs it changed."""

from __future__ import annotations

import logging
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from briefing import cleaning, nlpcache, pipeline, seedcache
from briefing.generator import CONTENT_FOLDERS, read_markdown
from briefing.pipeline import build_site
from briefing.records import ContentFile, SeedFile
from briefing.seedcache import SeedCache, code_version
from briefing.settings import SettingsError, validate

from tests.conftest import ROOT, SEEDS, pelican_build

PROSE = ("Les ministres des Affaires étrangères se sont réunis {day} à Genève pour reprendre "
         "les discussions sur le corridor, a indiqué un diplomate européen cité par l’AFP. "
         "La rencontre a duré plus de six heures et doit reprendre la semaine prochaine.")


def seed(name: str, text: str) -> SeedFile:
    return SeedFile(name, text.encode("utf-8"))


def article(title: str, day: str, extra: str = "") -> str:
    """A small seed: headline, three paragraphs of prose, optional furniture lines."""
    body = "\n\n".join(PROSE.format(day=f"{day} {i}") for i in ("mardi", "mercredi", "jeudi"))
    return f"{title}\n\n{body}\n{extra}"


def content() -> dict[str, list[ContentFile]]:
    """The project's real authors' files (actors, outlets, notes, sources)."""
    return {f: [read_markdown(f"content/{f}/{p.name}", p.read_text(encoding="utf-8-sig"), {})
                for p in sorted((ROOT / "content" / f).glob("*.md"))]
            for f in CONTENT_FOLDERS}


class Recorder:
    """A memo over a SeedCache that records which (stage, seed) it had to compute.

    The whole-site stages (`texts`, `site`) are counted apart, in `sites`; the memory-only
    one (`assemble`) is not counted.
    """

    def __init__(self, folder: Path, code: str = "test") -> None:
        self.cache = SeedCache(folder, code)
        self.computed: set[tuple[str, str]] = set()
        self.sites = 0

    def __call__(self, stage: str, parts: tuple, compute: Callable[[], Any]) -> Any:
        if stage in seedcache.MEMORY_ONLY:  # assembled every time outside a resident process
            return self.cache(stage, parts, compute)

        def run() -> Any:
            if stage in seedcache.SINGLE_SLOT:
                self.sites += 1
            else:
                self.computed.add((stage, parts[0]))
            return compute()
        return self.cache(stage, parts, run)


@pytest.fixture
def corpus() -> list[SeedFile]:
    return [seed("a.txt", article("Réunion à Genève sur le corridor", "le 3 mars 2021")),
            seed("b.txt", article("Les discussions reprennent", "le 4 mars 2021")),
            seed("c.txt", article("Un diplomate européen s’exprime", "le 5 mars 2021"))]


def test_warm_build_computes_nothing_and_gives_the_same_site(tmp_path: Path,
                                                             corpus: list[SeedFile]) -> None:
    cold = build_site(corpus, content(), memo=Recorder(tmp_path))
    again = Recorder(tmp_path)
    assert build_site(corpus, content(), memo=again) == cold
    assert again.computed == set()
    assert cold == build_site(corpus, content())  # and the same as without any cache


def test_a_changed_seed_recomputes_only_itself(tmp_path: Path, corpus: list[SeedFile]) -> None:
    build_site(corpus, content(), memo=Recorder(tmp_path))
    edited = [corpus[0], seed("b.txt", article("Les discussions reprennent", "le 6 mars 2021")),
              corpus[2]]
    memo = Recorder(tmp_path)
    site = build_site(edited, content(), memo=memo)
    assert {s for _, s in memo.computed} <= {"b.txt", "b"}
    assert {stage for stage, _ in memo.computed} >= {"read", "clean", "actors", "figures"}
    assert site == build_site(edited, content())


def test_a_new_seed_sharing_a_line_invalidates_exactly_that_seed(tmp_path: Path,
                                                                 corpus: list[SeedFile]) -> None:
    widget = "\nSuivez-nous sur Mastodon\n"
    corpus[0] = seed("a.txt", article("Réunion à Genève sur le corridor", "le 3 mars 2021",
                                      widget))
    build_site(corpus, content(), memo=Recorder(tmp_path))
    grown = [*corpus, seed("d.txt", article("Nouvelle réunion", "le 9 mars 2021", widget))]
    memo = Recorder(tmp_path)
    site = build_site(grown, content(), memo=memo)
    assert {s for stage, s in memo.computed if stage == "clean"} == {"a.txt", "d.txt"}
    a = next(b for b in site.briefings if b.id == "a")
    assert any(d.rule == "cross-seed" and d.text == "Suivez-nous sur Mastodon"
               for d in a.decisions)
    assert site == build_site(grown, content())


def test_registry_change_reextracts_actors_and_nothing_else(tmp_path: Path,
                                                             corpus: list[SeedFile]) -> None:
    authors = content()
    build_site(corpus, authors, memo=Recorder(tmp_path))
    actors = authors["actors"]
    # A biography is rendered, never read by extraction: editing it recomputes nothing.
    bio = [ContentFile(f.path, f.metadata, f.body_html + "<p>Ajout.</p>", f.lines)
           for f in actors]
    memo = Recorder(tmp_path)
    build_site(corpus, {**authors, "actors": bio}, memo=memo)
    assert memo.computed == set()
    # A new alias may name someone in any seed: every seed's actors are extracted again.
    first = actors[0]
    alias = ContentFile(first.path, {**first.metadata,
                                     "aliases": first.metadata.get("aliases", "") + ", Genève"},
                        first.body_html, first.lines)
    changed = {**authors, "actors": [alias, *actors[1:]]}
    memo = Recorder(tmp_path)
    site = build_site(corpus, changed, memo=memo)
    assert {s for stage, s in memo.computed if stage == "actors"} == {"a", "b", "c"}
    assert not {stage for stage, _ in memo.computed} & {"read", "clean", "figures", "date"}
    assert site == build_site(corpus, changed)


def test_a_note_edit_reads_the_settled_site_whole(tmp_path: Path,
                                                  corpus: list[SeedFile]) -> None:
    authors = content()
    build_site(corpus, authors, memo=Recorder(tmp_path))
    note = read_markdown("content/notes/nouvelle.md",
                         "Title: Nouvelle note\nbriefing: b\nclaim: Les discussions "
                         "reprennent.\nverdict: Vrai\ndate: 2021-03-05\n\nConfirmé.\n", {})
    edited = {**authors, "notes": [*authors["notes"], note]}
    memo = Recorder(tmp_path)
    site = build_site(corpus, edited, memo=memo)
    assert (memo.sites, memo.computed) == (0, set())
    assert memo.cache.hits == {"texts": 1, "site": 1}
    assert site == build_site(corpus, edited)
    assert any(n.slug == "nouvelle" or "b" in n.briefings for n in site.notes)
    # A source note dates and names a seed: the settled site is recomputed, not reused.
    source = read_markdown("content/sources/a.md", "Outlet: Le Monde\ndate: 2021-03-02\n", {})
    sourced = {**edited, "sources": [*authors["sources"], source]}
    memo = Recorder(tmp_path)
    site = build_site(corpus, sourced, memo=memo)
    assert memo.sites == 1
    assert site == build_site(corpus, sourced)
    assert next(b for b in site.briefings if b.id == "a").date == "2021-03-02"


def test_a_ner_provider_without_a_key_is_never_memoised_whole(tmp_path: Path,
                                                              corpus: list[SeedFile]) -> None:
    def ner(bodies: Any) -> dict[str, Any]:
        return {sid: [() for _ in paragraphs] for sid, paragraphs in bodies.items()}

    build_site(corpus, content(), ner=ner, memo=Recorder(tmp_path))
    memo = Recorder(tmp_path)
    build_site(corpus, content(), ner=ner, memo=memo)
    assert "site" not in memo.cache.hits and "site" not in memo.cache.misses
    build_site(corpus, content(), ner=ner, memo=memo, ner_key="model 1")
    assert memo.cache.misses["site"] == 1
    build_site(corpus, content(), ner=ner, memo=memo, ner_key="model 1")
    assert memo.cache.hits["site"] == 1
    build_site(corpus, content(), ner=ner, memo=memo, ner_key="model 2")
    assert memo.cache.misses["site"] == 2


def test_an_unwritable_cache_only_warns(tmp_path: Path, corpus: list[SeedFile],
                                        caplog: pytest.LogCaptureFixture) -> None:
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="briefing.seedcache"):
        site = build_site(corpus, content(), memo=SeedCache(blocked, "test"))
    assert site == build_site(corpus, content())
    # Entries are unreadable (recomputed); the first failed write is said once, then no more
    # writes are tried.
    written = [m for m in caplog.messages if "not written" in m]
    assert written == [f"briefing: per-seed cache {blocked} not written (Not a directory): "
                       "the build goes on without it"]
    assert all(m.startswith(f"briefing: cache entry {blocked}/") for m in caplog.messages
               if m not in written)


def test_code_version_is_part_of_the_key(tmp_path: Path, corpus: list[SeedFile]) -> None:
    build_site(corpus, content(), memo=Recorder(tmp_path / "cache", code="v1"))
    memo = Recorder(tmp_path / "cache", code="v2")
    build_site(corpus, content(), memo=memo)
    assert {s for stage, s in memo.computed if stage == "read"} == {"a.txt", "b.txt", "c.txt"}
    # The code version is a hash of the plugin's source files: editing one changes it.
    plugin = shutil.copytree(ROOT / "plugins" / "briefing", tmp_path / "briefing",
                             ignore=shutil.ignore_patterns("__pycache__"))
    before = code_version([plugin])
    assert code_version([plugin]) == before
    lexicon = plugin / "actor_lexicon.py"
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert code_version([plugin]) != before


@pytest.mark.parametrize("damage", ["truncated", "garbled"])
def test_damaged_entry_is_recomputed_with_a_warning(tmp_path: Path, corpus: list[SeedFile],
                                                    caplog: pytest.LogCaptureFixture,
                                                    damage: str) -> None:
    cold = build_site(corpus, content(), memo=SeedCache(tmp_path, "test"))
    entry = next((tmp_path / "clean").rglob("*"), None)
    while entry is not None and entry.is_dir():
        entry = next(entry.iterdir())
    assert entry is not None
    raw = entry.read_bytes()
    entry.write_bytes(raw[: len(raw) // 2] if damage == "truncated"
                      else raw[:-10] + b"0123456789")
    site = tmp_path / "site" / "last"
    site.write_bytes(site.read_bytes()[:-10] + b"0123456789")  # and the whole-site entry
    cache = SeedCache(tmp_path, "test")
    with caplog.at_level(logging.WARNING, logger="briefing.seedcache"):
        assert build_site(corpus, content(), memo=cache) == cold
    assert caplog.messages == [
        f"briefing: cache entry {site} unreadable (checksum mismatch: truncated or garbled): "
        "recomputed",
        f"briefing: cache entry {entry} unreadable (checksum mismatch: truncated or garbled): "
        "recomputed"]
    assert cache.misses["clean"] == 1
    assert SeedCache(tmp_path, "test")._read(entry)[0]  # rewritten whole


def test_cleaner_reads_shared_lines_only_through_the_keyed_subset() -> None:
    """The clean key holds the seed's shared lines; the cleaner must need no other."""
    files = [SeedFile(p.name, p.read_bytes()) for p in SEEDS]
    read = [pipeline._read(f) for f in files]
    every = frozenset(k for _, (raw, looked_up) in read for k in (*raw, *looked_up))
    for text, (_, looked_up) in read:
        mine = frozenset(looked_up)
        # Everything any seed has is "shared": the subset must decide exactly as the whole.
        assert cleaning.clean(text, every & mine) == cleaning.clean(text, every)


def test_nlp_model_reaches_the_loader_and_the_key(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    loaded: list[tuple[str, list[str]]] = []
    package = tmp_path / "xx_fake_news"
    package.mkdir()
    (package / "meta.json").write_text(
        '{"components": ["tok2vec", "parser", "senter", "ner", "lemmatizer"]}', encoding="utf-8")
    monkeypatch.setattr("spacy.util.get_package_path", lambda name: tmp_path / name)
    monkeypatch.setattr("spacy.load",
                        lambda name, exclude: loaded.append((name, exclude)) or "fake-nlp")
    runs: list[tuple[str, int]] = []

    def run(nlp: str, paragraphs: list[str], n_process: int = 1) -> list[tuple]:
        runs.append((nlp, n_process))
        return [() for _ in paragraphs]

    cfg = validate({"PATH": str(tmp_path / "content"),
                    "BRIEFING": {"NLP_MODEL": "xx_fake_news", "CACHE_PATH": str(tmp_path / "c"),
                                 "NLP_PROCESSES": 4}})
    ner = nlpcache.provider(cfg, run=run)
    assert ner({"a": ["Un paragraphe."]}) == {"a": ((),)}
    assert loaded == [("xx_fake_news", ["tok2vec", "parser", "senter", "lemmatizer", "strings"])]
    assert ner.model_id().startswith("xx_fake_news|")
    assert runs == [("fake-nlp", 1)]  # a small batch never pays for extra processes
    # A cached text loads no model at all.
    again = nlpcache.provider(cfg, run=run)
    again({"a": ["Un paragraphe."]})
    assert (len(loaded), again.hits) == (1, 1)


def test_nlp_processes_default_to_the_cores(tmp_path: Path) -> None:
    assert validate({"PATH": str(tmp_path)}).NLP_PROCESSES == nlpcache.default_processes() >= 1
    for bad in (0, "deux", True):
        with pytest.raises(SettingsError, match="NLP_PROCESSES"):
            validate({"PATH": str(tmp_path), "BRIEFING": {"NLP_PROCESSES": bad}})


def test_huge_regex_is_compiled_once_then_read_back(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    words = [f"mot{i}-{i % 7}" for i in range(nlpcache.LONG_REGEX // 8)]
    pattern = "(?i)(?:" + "|".join(words) + r")\b"
    with nlpcache.regex_cache(tmp_path):
        first = re.compile(pattern)
    re.purge()

    def no_parse(*args: Any) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr("re._parser.parse", no_parse)
    with nlpcache.regex_cache(tmp_path):
        again = re.compile(pattern)
    monkeypatch.undo()
    for text in ("MOT12-5 suite", "mot13-6", "mot3-3x", "autre"):
        assert bool(again.match(text)) == bool(first.match(text))
    assert again.match("MOT12-5 suite").group(0) == "MOT12-5"


def test_incremental_pelican_build_equals_a_cold_one(tmp_path: Path) -> None:
    """Seed edits (touch, add) through the real CLI: the same bytes as a cold build."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for s in SEEDS[:3]:
        shutil.copy(s, seeds / s.name)
    settings = '{"SEEDS_PATH": "%s", "CACHE_PATH": "%s", "NLP": false}'
    inc = ("-e", "BRIEFING=" + settings % (seeds, tmp_path / "cache"))
    assert pelican_build(tmp_path / "inc", extra=inc).returncode == 0
    first = seeds / SEEDS[0].name
    first.write_text(first.read_text(encoding="utf-8").replace(
        "\n", "\nUne phrase ajoutée au texte, pour voir.\n", 1), encoding="utf-8")
    shutil.copy(SEEDS[3], seeds / SEEDS[3].name)
    result = pelican_build(tmp_path / "inc", extra=inc)
    assert result.returncode == 0, result.stderr
    assert "per-seed cache" in result.stdout and "/ 0 miss(es)" not in result.stdout
    cold = ("-e", "BRIEFING=" + settings % (seeds, tmp_path / "cache-cold"))
    assert pelican_build(tmp_path / "cold", extra=cold).returncode == 0
    inc_files = {p.relative_to(tmp_path / "inc") for p in (tmp_path / "inc").rglob("*")
                 if p.is_file()}
    cold_files = {p.relative_to(tmp_path / "cold") for p in (tmp_path / "cold").rglob("*")
                  if p.is_file()}
    assert inc_files == cold_files
    assert [f for f in sorted(inc_files)
            if (tmp_path / "inc" / f).read_bytes() != (tmp_path / "cold" / f).read_bytes()] == []


def test_code_version_covers_python_and_the_packages_stages_call(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Event ids are slugified: a new python-slugify may change them, so it is in the key."""
    (tmp_path / "stage.py").write_text("X = 1\n", encoding="utf-8")
    before = code_version([tmp_path])
    real = seedcache.metadata.version
    monkeypatch.setattr(seedcache.metadata, "version",
                        lambda p: "99.0" if p == "python-slugify" else real(p))
    seedcache._package_versions.cache_clear()  # read once per process: a new process
    try:
        assert code_version([tmp_path]) != before
    finally:
        seedcache._package_versions.cache_clear()
