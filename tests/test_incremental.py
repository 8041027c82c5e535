"""Up-to-date check: an unchanged rebuild writes nothing; any change rebuilds."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS, pelican_build


def _settings(tmp: Path, **extra: object) -> tuple[str, ...]:
    return ("-e", "BRIEFING=" + json.dumps({"SEEDS_PATH": str(tmp / "seeds"),
                                            "CACHE_PATH": str(tmp / "cache"), **extra}))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "seeds").mkdir()
    for seed in SEEDS[:3]:
        shutil.copy(seed, tmp_path / "seeds" / seed.name)
    return tmp_path


def _build(tmp: Path, *extra: str, **settings: object):
    return pelican_build(tmp / "output", extra=(*_settings(tmp, **settings), *extra))


def test_unchanged_rebuild_writes_nothing(project: Path) -> None:
    first = _build(project)
    assert first.returncode == 0, first.stderr
    page = project / "output" / "acteurs" / "index.html"
    stamp = page.stat().st_mtime_ns
    second = _build(project)
    assert "à jour" in second.stdout
    assert page.stat().st_mtime_ns == stamp


def test_changed_seed_rebuilds(project: Path) -> None:
    _build(project)
    seed = next((project / "seeds").iterdir())
    # A paragraph of article length: a short line after the page footer reads as a comment.
    added = "Une phrase ajoutée au texte, assez longue pour être lue comme un paragraphe."
    seed.write_text(seed.read_text(encoding="utf-8") + f"\n{added}\n", encoding="utf-8")
    again = _build(project)
    assert "à jour" not in again.stdout
    briefings = json.loads((project / "output" / "api" / "briefings.json").read_text())
    assert any(added in b["paragraphs"] for b in briefings)


def test_damaged_output_is_rebuilt(project: Path) -> None:
    _build(project)
    victim = project / "output" / "chronologie" / "index.html"
    victim.unlink()
    again = _build(project)
    assert "à jour" not in again.stdout
    assert victim.is_file()


def test_warnings_are_repeated_and_strict_still_fails(project: Path) -> None:
    (project / "seeds" / "vide.txt").write_bytes(b"")
    _build(project)
    again = _build(project)
    assert "à jour" in again.stdout
    assert "seeds/vide.txt" in again.stdout + again.stderr
    strict = _build(project, "--fatal", "warnings")
    assert strict.returncode != 0


def test_switch_off_always_rebuilds(project: Path) -> None:
    _build(project, INCREMENTAL=False)
    again = _build(project, INCREMENTAL=False)
    assert "à jour" not in again.stdout
    assert "3 briefings" in again.stdout


def test_theme_change_rebuilds(project: Path, tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    _build(project, "-e", f"THEME={json.dumps(str(theme))}")
    css = theme / "static" / "css" / "style.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* changed */\n", encoding="utf-8")
    again = _build(project, "-e", f"THEME={json.dumps(str(theme))}")
    assert "à jour" not in again.stdout


def test_a_manifest_of_an_older_version_still_deletes_the_pages_no_longer_produced(
    project: Path,
) -> None:
    """After an upgrade (another manifest format), a removed seed's pages still go: the old
    manifest is not trusted to skip work, but the files it lists are known to be ours."""
    first = _build(project)
    assert first.returncode == 0, first.stderr
    briefings = json.loads((project / "output" / "api" / "briefings.json").read_text())
    gone = next(b for b in briefings)
    page = project / "output" / gone["url"] / "index.html"
    assert page.is_file()
    for manifest in (project / "cache").glob("manifest-*.json"):
        data = json.loads(manifest.read_text(encoding="utf-8"))
        manifest.write_text(json.dumps({**data, "version": "older"}), encoding="utf-8")
    next((project / "seeds").glob(f"{gone['id']}*")).unlink()
    again = _build(project)
    assert again.returncode == 0, again.stderr
    assert not page.exists()
    assert "file(s) removed" in again.stdout and "0 file(s) removed" not in again.stdout


def _entries(cache: Path) -> dict[str, int]:
    """Per-seed cache entries by stage (whole-site slots aside)."""
    return {stage.name: sum(1 for f in stage.rglob("*") if f.is_file())
            for stage in (cache / "seeds").iterdir()
            if stage.is_dir() and stage.name not in {"texts", "site"}}


def test_the_per_seed_cache_keeps_only_what_a_build_uses(project: Path) -> None:
    """An edited seed's old entries go at the end of the next build: the cache does not grow
    with every edit (nor with every code version)."""
    first = _build(project)
    assert first.returncode == 0, first.stderr
    before = _entries(project / "cache")
    assert before.get("clean") == 3, before  # one entry per seed and stage
    seed = next((project / "seeds").iterdir())
    added = "Une phrase ajoutée au texte, assez longue pour être lue comme un paragraphe."
    seed.write_text(seed.read_text(encoding="utf-8") + f"\n{added}\n", encoding="utf-8")
    again = _build(project)
    assert again.returncode == 0, again.stderr
    assert _entries(project / "cache") == before
