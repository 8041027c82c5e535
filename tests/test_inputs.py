"""Inputs stay inside the project, every file of seeds/ is read or named, a copy takes no id."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from briefing.generator import read_markdown
from briefing.pipeline import SeedFile, Site, build_site

from tests.conftest import ROOT, pelican_build
from tests.test_reproducible import files

# Text of a file outside the project: it must never reach the output, in any form.
SECRET = "SECRET-HORS-PROJET root:x:0:0"
ORIGINAL = "000_b9a13394d245251e"
# An exact copy whose name sorts first ('-' before '_'): the case.
COPY = "000-b9a13394d245251e"
NOTE = """Title: Une note sur le briefing 000
Slug: note-{n}
Date: 2026-11-22
Briefing: {briefing}
Claim: Une phrase du texte.
Verdict: Vrai
Sources: Une source

Le texte de la note.
"""


def _data(name: str) -> bytes:
    return (ROOT / "seeds" / f"{name}.txt").read_bytes()


def _warnings(log: str) -> list[str]:
    """The build's warning lines, without the log prefix (the summary repeats them)."""
    return [re.sub(r"\s+\w+\.py:\d+$", "", line.split("WARNING", 1)[1].strip())
            for line in log.splitlines() if "WARNING" in line]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder (content, seeds) and, beside it, a secret file outside the project."""
    root = tmp_path / "projet"
    shutil.copytree(ROOT / "content", root / "content")
    for folder in ("notes", "sources"):  # they describe seeds absent here
        shutil.rmtree(root / "content" / folder)
    (root / "content" / "notes").mkdir()
    (root / "seeds").mkdir()
    shutil.copy(ROOT / "seeds" / f"{ORIGINAL}.txt", root / "seeds")
    outside = tmp_path / "ailleurs"
    outside.mkdir()
    (outside / "secret.txt").write_text(f"Title: Secret\n\n{SECRET}\n", encoding="utf-8")
    return root


def _build(root: Path, *extra: str) -> tuple[str, int]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("COLUMNS", "400")
        done = pelican_build(root / "output", content=root / "content", extra=(
            "-e", "BRIEFING=" + json.dumps({"SEEDS_PATH": str(root / "seeds"),
                                            "CACHE_PATH": str(root / "cache"), "NLP": False}),
            *extra))
    return done.stdout + done.stderr, done.returncode


def test_links_outside_the_project_are_refused_and_never_published(project: Path) -> None:
    secret = project.parent / "ailleurs" / "secret.txt"
    (project / "seeds" / "passwd.txt").symlink_to(secret)
    (project / "content" / "notes" / "lien.md").symlink_to(secret)
    (project / "content" / "pages" / "lien.md").symlink_to(secret)
    # A link that stays inside the project is an ordinary seed (here, a copy).
    (project / "seeds" / "dedans.txt").symlink_to(project / "seeds" / f"{ORIGINAL}.txt")
    log, code = _build(project)
    assert code == 0, log
    warnings = _warnings(log)
    refused = f"lien vers {secret}, hors du projet : refusé, jamais publié"
    for where in ("seeds/passwd.txt", "content/notes/lien.md", "content/pages/lien.md"):
        assert f"briefing: {where}: {refused}" in " ".join(warnings), log
    leaks = [rel for rel, path in files(project / "output").items()
             if SECRET.encode() in path.read_bytes() or b"passwd" in path.read_bytes()]
    assert leaks == []
    ids = [b["id"] for b in json.loads((project / "output" / "api" / "briefings.json")
                                       .read_text(encoding="utf-8"))]
    assert ids == [ORIGINAL]


def test_a_named_pipe_is_refused_without_hanging_the_build(project: Path) -> None:
    os.mkfifo(project / "seeds" / "tube.txt")
    log, code = _build(project)
    assert code == 0, log
    assert ("briefing: seeds/tube.txt: un tube nommé (FIFO), pas un fichier ordinaire : refusé, "
            "jamais publié") in _warnings(log)


def test_every_other_file_of_seeds_is_named_once_and_strict_fails(project: Path) -> None:
    seeds = project / "seeds"
    (seeds / "article.docx").write_bytes(b"PK\x03\x04")
    (seeds / "lisez-moi.md").write_text("# notes\n", encoding="utf-8")
    (seeds / "sans extension").write_text("texte\n", encoding="utf-8")
    (seeds / "page.html").write_text("<html><body><p>Un article</p></body></html>\n")
    (seeds / "archives").mkdir()
    log, code = _build(project)
    assert code == 0, log
    unknown = ("type de fichier non pris en charge ({}) : ignoré, non publié ; seeds/ attend "
               "des articles en texte .txt ou des pages enregistrées .html")
    expected = [
        "briefing: seeds/archives: dossier dans seeds/ : les sous-dossiers ne sont pas lus",
        f"briefing: seeds/article.docx: {unknown.format('.docx')}",
        f"briefing: seeds/lisez-moi.md: {unknown.format('.md')}",
        f"briefing: seeds/sans extension: {unknown.format('sans extension')}",
        "briefing: seeds/page.html: presque aucun texte après extraction (2 mots) : coquille "
        "vide ou page d’attente, pas un article, ignorée",
    ]
    assert _warnings(log) == expected
    # Named again (not silently skipped) by a rebuild that finds nothing changed.
    again, _ = _build(project)
    assert "à jour" in again
    assert all(line in again for line in expected)
    _, strict = _build(project, "--fatal", "warnings")
    assert strict != 0


# --------------------------------------------------------------------------- stable ids


def _site(names: list[str], notes: tuple[str, ...] = (),
          previous: dict[str, str] | None = None) -> Site:
    seeds = [SeedFile(f"{n}.txt", _data(ORIGINAL)) for n in names]
    content = {"notes": [read_markdown(f"content/notes/n{i}.md", NOTE.format(briefing=b, n=i), {})
                         for i, b in enumerate(notes)]}
    return build_site(seeds, content, previous_ids=previous)


def _copy_warning(site: Site) -> str:
    return next(str(p) for p in site.problems if "copie exacte" in str(p))


def test_a_copy_sorting_first_does_not_take_a_cited_id() -> None:
    site = _site([COPY, ORIGINAL], notes=(ORIGINAL,))
    assert [b.id for b in site.briefings] == [ORIGINAL]
    assert site.briefings[0].duplicates == (f"{COPY}.txt",)
    assert _copy_warning(site) == (
        f"seeds/{COPY}.txt: copie exacte de seeds/{ORIGINAL}.txt : publiée une fois, sous "
        f"l’identifiant {ORIGINAL} (identifiant cité par les fichiers des auteurs)")
    assert [n.briefings for n in site.notes] == [(ORIGINAL,)]


def test_without_citation_the_previous_build_decides_then_the_name_order() -> None:
    sha = _site([ORIGINAL]).briefings[0].sha256
    kept = _site([COPY, ORIGINAL], previous={sha: ORIGINAL})
    assert [b.id for b in kept.briefings] == [ORIGINAL]
    assert _copy_warning(kept).endswith("(identifiant de la construction précédente)")
    first = _site([COPY, ORIGINAL])
    assert [b.id for b in first.briefings] == [COPY]
    assert _copy_warning(first) == (
        f"seeds/{ORIGINAL}.txt: copie exacte de seeds/{COPY}.txt : publiée une fois, sous "
        f"l’identifiant {COPY} (premier nom dans l’ordre alphabétique)")


def test_a_note_citing_the_copy_follows_it_to_the_kept_id() -> None:
    # Both ids are cited: the first in name order is kept, the other note is moved, not lost.
    site = _site([COPY, ORIGINAL], notes=(ORIGINAL, COPY))
    assert [b.id for b in site.briefings] == [COPY]
    assert [n.briefings for n in site.notes] == [(COPY,), (COPY,)]
    assert (f"content/notes/n0.md:4: champ « briefing »: « {ORIGINAL} » est une copie exacte de "
            f"« {COPY} » : la note est rattachée à « {COPY} »") in map(str, site.problems)


def test_the_previous_build_keeps_its_id_when_a_copy_appears(project: Path) -> None:
    log, code = _build(project)
    assert code == 0, log
    shutil.copy(project / "seeds" / f"{ORIGINAL}.txt", project / "seeds" / f"{COPY}.txt")
    log, code = _build(project)
    assert code == 0, log
    assert (f"briefing: seeds/{COPY}.txt: copie exacte de seeds/{ORIGINAL}.txt : publiée une "
            f"fois, sous l’identifiant {ORIGINAL} (identifiant de la construction précédente)"
            ) in _warnings(log)
    data = json.loads((project / "output" / "api" / "briefings.json").read_text("utf-8"))
    assert [(b["id"], b["duplicates"]) for b in data] == [(ORIGINAL, [f"{COPY}.txt"])]


def test_a_removed_seed_leaves_no_page_export_or_index_entry(project: Path) -> None:
    shutil.copy(ROOT / "seeds" / "001_ce33e93aea62c78b.txt", project / "seeds")
    log, code = _build(project)
    assert code == 0, log
    (project / "seeds" / "001_ce33e93aea62c78b.txt").unlink()
    log, code = _build(project)
    assert code == 0, log
    out = project / "output"
    assert not (out / "briefings" / "001-ce33e93aea62c78b").exists()
    assert b"001-ce33e93aea62c78b" not in (out / "sitemap.xml").read_bytes()
    assert b"001_ce33e93aea62c78b" not in (out / "api" / "briefings.json").read_bytes()
