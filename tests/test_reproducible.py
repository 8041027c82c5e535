"""Two builds of the same inputs are byte-identical, whatever the hash seed or the cache."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest

from tests.conftest import ROOT, pelican_build, search_index

# Python salts str hashes per process: set iteration order leaks show up between these two.
HASH_SEEDS = ("0", "1")


def build(output: Path, cache: Path, hash_seed: str) -> Path:
    """The real site and its search index, with its own NLP cache and hash seed."""
    overrides = {"SEEDS_PATH": str(ROOT / "seeds"), "CACHE_PATH": str(cache)}
    result = pelican_build(output, extra=("-e", "BRIEFING=" + json.dumps(overrides)),
                           hash_seed=hash_seed)
    assert result.returncode == 0, result.stdout + result.stderr
    search = search_index(output, hash_seed)
    assert search.returncode == 0, search.stdout + search.stderr
    return output


def files(site: Path) -> dict[str, Path]:
    """Every file of a built site, by path relative to the site root."""
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*")) if p.is_file()}


def first_difference(a: Path, b: Path) -> str | None:
    """The first file that differs between two sites, with a diff excerpt; None if identical."""
    fa, fb = files(a), files(b)
    if set(fa) != set(fb):
        only_a, only_b = sorted(set(fa) - set(fb)), sorted(set(fb) - set(fa))
        return f"file lists differ: only in first {only_a[:5]}, only in second {only_b[:5]}"
    for rel in sorted(fa):
        da, db = fa[rel].read_bytes(), fb[rel].read_bytes()
        if da == db:
            continue
        try:
            la = da.decode("utf-8").splitlines()
            lb = db.decode("utf-8").splitlines()
        except UnicodeDecodeError:
            pairs = enumerate(zip(da, db, strict=False))
            at = next((i for i, (x, y) in pairs if x != y), min(len(da), len(db)))
            return (f"{rel}: binary files differ at byte {at} "
                    f"({da[at:at + 24]!r} vs {db[at:at + 24]!r})")
        diff = difflib.unified_diff(la, lb, "first/" + rel, "second/" + rel, n=1, lineterm="")
        excerpt = [line[:200] for line in diff][:20]
        return f"{rel} differs:\n" + "\n".join(excerpt)
    return None


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Cold builds under two hash seeds, and a warm rebuild from the first one's cache."""
    base = tmp_path_factory.mktemp("repro")
    cold_cache = base / "cache-a"
    return {
        "cold-0": build(base / "a" / "output", cold_cache, HASH_SEEDS[0]),
        "cold-1": build(base / "b" / "output", base / "cache-b", HASH_SEEDS[1]),
        "warm-1": build(base / "c" / "output", cold_cache, HASH_SEEDS[1]),
    }


@pytest.mark.parametrize("other", ["cold-1", "warm-1"])
def test_builds_are_byte_identical(builds: dict[str, Path], other: str) -> None:
    assert first_difference(builds["cold-0"], builds[other]) is None


def test_the_search_index_is_compared_too(builds: dict[str, Path]) -> None:
    listed = files(builds["cold-0"])
    assert any(rel.startswith("pagefind/fragment/") for rel in listed)
    assert any(rel.endswith("/source.txt") for rel in listed)


def test_first_difference_names_the_file_and_shows_the_change(tmp_path: Path) -> None:
    for name, text in (("a", "<p>un</p>\n<p>deux</p>\n"), ("b", "<p>un</p>\n<p>trois</p>\n")):
        (tmp_path / name / "x").mkdir(parents=True)
        (tmp_path / name / "x" / "index.html").write_text(text, encoding="utf-8")
        (tmp_path / name / "same.txt").write_text("pareil\n", encoding="utf-8")
    report = first_difference(tmp_path / "a", tmp_path / "b")
    assert report is not None
    assert report.startswith("x/index.html differs")
    assert "-<p>deux</p>" in report and "+<p>trois</p>" in report
    (tmp_path / "b" / "x" / "index.html").write_bytes((tmp_path / "a" / "x" / "index.html")
                                                     .read_bytes())
    assert first_difference(tmp_path / "a", tmp_path / "b") is None
