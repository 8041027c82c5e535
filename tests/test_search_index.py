"""The Pagefind step: French index of every page type, rebuilt only when pages change."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import search_index


def test_index_is_french_and_kept_when_pages_do_not_change(built_site: Path,
                                                           tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("pagefind"))
    first = search_index(site)
    assert first.returncode == 0, first.stderr
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["fr"]
    assert "kept" in search_index(site).stdout
    page = site / "acteurs" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("Acteurs", "Acteurs !"),
                    encoding="utf-8")
    third = search_index(site)
    assert third.returncode == 0 and "kept" not in third.stdout
