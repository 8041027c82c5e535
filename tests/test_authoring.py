"""Authors' mistakes are reported with file, line and field; the site still builds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, pelican_build

BAD_NOTE = """\
Title: Une note mal remplie
Briefing: 999_inexistant
Claim: Le ciel est vert.
Verdict: Peut-être
"""
BAD_ACTOR = """\
Name: Personne Inconnue
Kind: extraterrestre
"""
BAD_SOURCE = """\
Outlet: Journal fantôme
Date: hier
"""


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    base = tmp_path_factory.mktemp("authoring")
    content = base / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "notes" / "mauvaise-note.md").write_text(BAD_NOTE, encoding="utf-8")
    (content / "actors" / "inconnu.md").write_text(BAD_ACTOR, encoding="utf-8")
    (content / "sources" / "003_73ec17e6855bd39d.md").write_text(BAD_SOURCE, encoding="utf-8")
    out = base / "output"
    result = pelican_build(out, content=content)
    return out, result, content


def test_site_still_builds_with_bad_files(bad_build) -> None:
    out, result, _ = bad_build
    assert result.returncode == 0, result.stderr
    assert (out / "index.html").is_file()
    assert not (out / "verifications" / "une-note-mal-remplie").exists()


@pytest.mark.parametrize(
    ("needle_file", "needles"),
    [
        ("notes/mauvaise-note.md", ["briefing", "999_inexistant"]),
        ("notes/mauvaise-note.md", ["verdict", "Peut-être"]),
        ("actors/inconnu.md", ["kind", "extraterrestre"]),
        ("sources/003_73ec17e6855bd39d.md", ["date", "hier"]),
    ],
)
def test_each_author_error_names_file_and_field(bad_build, needle_file: str,
                                                needles: list[str]) -> None:
    _, result, _ = bad_build
    log = " ".join((result.stdout + result.stderr).split())
    lines = [line for line in log.split("briefing: ") if needle_file in line]
    assert any(all(n in line for n in needles) for line in lines), log[-3000:]


def test_author_error_gives_the_line(bad_build) -> None:
    _, result, _ = bad_build
    log = " ".join((result.stdout + result.stderr).split())
    # `Kind:` is line 2 of the bad actor file.
    assert "content/actors/inconnu.md:2" in log


def test_strict_mode_fails_on_author_errors(bad_build, tmp_path: Path) -> None:
    _, _, content = bad_build
    result = pelican_build(tmp_path / "out", content=content, extra=("--fatal", "warnings"))
    assert result.returncode != 0


def test_unknown_setting_is_reported(tmp_path: Path) -> None:
    result = pelican_build(tmp_path / "out", extra=("-e", 'BRIEFING={"SEEDZ_PATH": "x"}'))
    assert "BRIEFING['SEEDZ_PATH']" in result.stdout + result.stderr
