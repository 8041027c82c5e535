"""The Pagefind step: French index of every page type, rebuilt only when pages change."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def _index(site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "tools" / "search_index.py"), str(site)],
                          capture_output=True, text=True, check=False)


def test_index_is_french_and_kept_when_pages_do_not_change(built_site: Path,
                                                           tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("pagefind"))
    first = _index(site)
    assert first.returncode == 0, first.stderr
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["fr"]
    assert "kept" in _index(site).stdout
    page = site / "acteurs" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("Acteurs", "Acteurs !"),
                    encoding="utf-8")
    third = _index(site)
    assert third.returncode == 0 and "kept" not in third.stdout
