"""Shared fixtures: the project root, the real seeds, and one built site per test session."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def load_gold(name: str) -> dict:
    """A gold file from tests/gold/."""
    return json.loads((ROOT / "tests" / "gold" / name).read_text(encoding="utf-8"))


def pelican_build(
    output: Path, *, content: Path | None = None, seeds: Path | None = None,
    extra: tuple[str, ...] = (), settings: str = "pelican.conf.py", hash_seed: str = "0",
) -> subprocess.CompletedProcess[str]:
    """Run the real Pelican CLI over the project (or another content/seeds tree)."""
    overrides: list[str] = []
    if seeds is not None:
        overrides += ["-e", "BRIEFING=" + json.dumps({"SEEDS_PATH": str(seeds),
                                                      "CACHE_PATH": str(output.parent / "cache")})]
    cmd = [sys.executable, "-m", "pelican", str(content or ROOT / "content"), "-o", str(output),
           "-s", str(ROOT / settings), *overrides, *extra]
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env, check=False)


def search_index(site: Path, hash_seed: str = "0") -> subprocess.CompletedProcess[str]:
    """Run the Pagefind step (tools/search_index.py) over a built site."""
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    return subprocess.run([sys.executable, str(ROOT / "tools" / "search_index.py"), str(site)],
                          capture_output=True, text=True, env=env, check=False)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once from the real seeds and content."""
    out = tmp_path_factory.mktemp("site") / "output"
    result = pelican_build(out)
    assert result.returncode == 0, result.stdout + result.stderr
    search = search_index(out)
    assert search.returncode == 0, search.stderr
    return out


def copy_tree(src: Path, dst: Path) -> Path:
    """A writable copy of a folder."""
    shutil.copytree(src, dst)
    return dst
