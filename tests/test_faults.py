"""Faults a build and a publish survive: killed, truncated cache, two at once, disk full, network.

Each fault is followed by an ordinary build (or publish), and the site must then equal a clean
build of the same inputs, byte for byte.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import random
import resource
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from briefing import safeio

from tests.conftest import ROOT, SEEDS
from tests.test_publish import current_release, fake_site
from tests.test_reproducible import files, first_difference
from tools import deploy

pytestmark = pytest.mark.slow

# The first build's seeds; the faulty builds add one (a change, so nothing is up to date).
FIRST_SEEDS = SEEDS[:3]
ADDED_SEED = SEEDS[3]
# Runs Pelican with os.replace patched: the build kills itself (SIGKILL, like `kill -9`) just
# before the Nth rename into the output folder, so its temporary file is left behind.
KILL_HOOK = """
import os, signal, sys
output, at = os.environ["FAULT_OUTPUT"], int(os.environ["FAULT_KILL_AT"])
real, seen = os.replace, [0]
def replace(src, dst, *args, **kwargs):
    if str(dst).startswith(output):
        seen[0] += 1
        if seen[0] == at:
            os.kill(os.getpid(), signal.SIGKILL)
    return real(src, dst, *args, **kwargs)
os.replace = replace
from pelican import main
sys.argv[0] = "pelican"
main()
"""
# Kill points of the hook, as fractions of the renames of a whole build.
KILL_FRACTIONS = (0.0, 0.5, 0.95)
# Random kill times (seeded), as fractions of a clean build's duration.
RANDOM_KILLS = 3


def pelican_cmd(output: Path, seeds: Path, cache: Path, **briefing: object) -> list[str]:
    """The Pelican command line of a build of `seeds` into `output`, NLP off unless asked."""
    settings = {"SEEDS_PATH": str(seeds), "CACHE_PATH": str(cache), "NLP": False, **briefing}
    return ["-m", "pelican", str(ROOT / "content"), "-o", str(output),
            "-s", str(ROOT / "pelican.conf.py"), "-e", "BRIEFING=" + json.dumps(settings)]


def run(cmd: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run the project's Python on `cmd`, with a fixed hash seed and a wide log."""
    env = {**os.environ, "PYTHONHASHSEED": "0", "COLUMNS": "1000", **kwargs.pop("env", {})}
    return subprocess.run([sys.executable, *cmd], cwd=ROOT, capture_output=True, text=True,
                          env=env, check=False, **kwargs)


def seeds_folder(folder: Path, seeds: list[Path]) -> Path:
    """A seeds folder holding copies of `seeds`."""
    folder.mkdir(parents=True)
    for seed in seeds:
        shutil.copy(seed, folder / seed.name)
    return folder


def leftovers(site: Path) -> list[str]:
    """Temporary files of a writer that did not finish."""
    return sorted(p.name for p in site.rglob(f"*{safeio.TMP_SUFFIX}"))


class Project:
    """A tiny project: its seeds, a complete first output, and a clean build after the change."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.seeds = seeds_folder(base / "seeds", [*FIRST_SEEDS, ADDED_SEED])
        first = seeds_folder(base / "first-seeds", list(FIRST_SEEDS))
        self.first = base / "first" / "output"
        done = run(pelican_cmd(self.first, first, base / "first-cache"))
        assert done.returncode == 0, done.stderr
        self.clean = base / "clean" / "output"
        started = time.monotonic()
        done = run(pelican_cmd(self.clean, self.seeds, base / "clean-cache"))
        self.seconds = time.monotonic() - started
        assert done.returncode == 0, done.stderr
        self.renames = len(files(self.clean))

    def output_from_first(self, name: str) -> Path:
        """A copy of the first build's output: the site a faulty build starts from."""
        out = self.base / name / "output"
        shutil.copytree(self.first, out)
        return out

    def build(self, output: Path, kill_at: int | None = None
              ) -> subprocess.CompletedProcess[str]:
        """A build of the changed seeds into `output`, killed at the `kill_at`th rename."""
        cmd = pelican_cmd(output, self.seeds, output.parent / "cache")
        if kill_at is None:
            return run(cmd)
        return run(["-c", KILL_HOOK, *cmd[2:]],
                   env={"FAULT_OUTPUT": str(output), "FAULT_KILL_AT": str(kill_at)})


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return Project(tmp_path_factory.mktemp("faults"))


# --------------------------------------------------------------------------- killed builds


@pytest.mark.parametrize("fraction", KILL_FRACTIONS)
def test_build_killed_mid_write_then_rebuilt_equals_a_clean_build(
    project: Project, fraction: float,
) -> None:
    out = project.output_from_first(f"killed-{fraction}")
    at = 1 + int(fraction * (project.renames - 1))
    killed = project.build(out, kill_at=at)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert len(leftovers(out)) == 1  # killed between writing a file and renaming it
    # The dead build's mark tells the next one to sweep (a build that ends well clears it).
    assert safeio.lock_path(out).read_text().startswith("construction en cours (pid ")
    again = project.build(out)
    assert safeio.lock_path(out).read_text() == ""
    assert again.returncode == 0, again.stderr
    assert leftovers(out) == []
    assert first_difference(project.clean, out) is None


def test_build_killed_at_random_times_then_rebuilt_equals_a_clean_build(
    project: Project,
) -> None:
    rng = random.Random(15)
    for n in range(RANDOM_KILLS):
        out = project.output_from_first(f"random-{n}")
        delay = rng.uniform(0.1, 1.0) * project.seconds
        proc = subprocess.Popen([sys.executable, *pelican_cmd(out, project.seeds,
                                                              out.parent / "cache")],
                                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                env={**os.environ, "PYTHONHASHSEED": "0"})
        time.sleep(delay)
        proc.kill()
        proc.wait()
        again = project.build(out)
        assert again.returncode == 0, again.stderr
        assert leftovers(out) == []
        assert first_difference(project.clean, out) is None, f"killed after {delay:.2f} s"


# --------------------------------------------------------------------------- NER cache


def test_truncated_or_garbled_cache_entry_is_recomputed_with_a_warning(
    project: Project, tmp_path: Path,
) -> None:
    cache = tmp_path / "cache"
    seeds = seeds_folder(tmp_path / "seeds", list(FIRST_SEEDS))
    first = run(pelican_cmd(tmp_path / "a" / "output", seeds, cache, NLP=True))
    assert first.returncode == 0, first.stderr
    entries = sorted((cache / "ner").rglob("*.json"))
    assert len(entries) == len(FIRST_SEEDS)
    good = {e: e.read_bytes() for e in entries}
    truncated, garbled, wrong_count = entries
    truncated.write_bytes(good[truncated][: len(good[truncated]) // 2])
    garbled.write_text('[["abcd"]]', encoding="utf-8")  # valid JSON, not spans
    wrong_count.write_text("[]", encoding="utf-8")
    # Another output folder, same NER cache, no record cache (the whole settled site would be
    # read from it, and no NER entry with it): a full build that reads every NER entry.
    shutil.rmtree(cache / "seeds")
    again = run(pelican_cmd(tmp_path / "b" / "output", seeds, cache, NLP=True))
    assert again.returncode == 0, again.stderr
    log = again.stdout + again.stderr
    for entry in entries:
        assert f"NER cache entry {entry} unreadable" in log, log
    assert "NER cache 0 hit(s) / 3 miss(es)" in log
    assert {e: e.read_bytes() for e in entries} == good
    assert first_difference(tmp_path / "a" / "output", tmp_path / "b" / "output") is None


# --------------------------------------------------------------------------- two builds at once


def test_a_second_build_waits_for_the_first(project: Project) -> None:
    out = project.output_from_first("locked")
    lock = safeio.lock_path(out).open("a+")
    fcntl.flock(lock, fcntl.LOCK_EX)  # a build in progress
    proc = subprocess.Popen(
        [sys.executable, *pelican_cmd(out, project.seeds, out.parent / "cache")], cwd=ROOT,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONHASHSEED": "0", "COLUMNS": "1000"})
    assert proc.stderr is not None
    line = proc.stderr.readline()
    assert line == (f"briefing: une autre construction écrit dans {out.resolve()} (verrou "
                    f"{safeio.lock_path(out)}) : attente de sa fin…\n")
    # Blocked: it has written nothing while the lock is held.
    assert proc.poll() is None
    assert first_difference(project.first, out) is None
    fcntl.flock(lock, fcntl.LOCK_UN)
    lock.close()
    proc.communicate()
    assert proc.returncode == 0
    assert first_difference(project.clean, out) is None


def test_two_builds_at_once_leave_a_clean_site(project: Project) -> None:
    out = project.output_from_first("twice")
    procs = [subprocess.Popen([sys.executable, *pelican_cmd(out, project.seeds,
                                                            out.parent / f"cache-{n}")],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env={**os.environ, "PYTHONHASHSEED": "0"})
             for n in range(2)]
    for proc in procs:
        proc.communicate()
        assert proc.returncode == 0
    assert leftovers(out) == []
    assert first_difference(project.clean, out) is None


# --------------------------------------------------------------------------- disk full


def _file_size_limit(limit: int) -> None:
    """In the child: writes past `limit` bytes fail with EFBIG, as on a full disk."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # else the kernel kills the writer
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_disk_full_mid_build_keeps_every_file_whole_and_says_why(project: Project) -> None:
    out = project.output_from_first("full")
    sizes = sorted(p.stat().st_size for p in files(project.clean).values())
    limit = sizes[len(sizes) // 2]  # half the files fit, the others do not
    full = subprocess.run([sys.executable, *pelican_cmd(out, project.seeds,
                                                         out.parent / "cache")],
                          cwd=ROOT, capture_output=True, text=True, check=False,
                          env={**os.environ, "PYTHONHASHSEED": "0", "COLUMNS": "1000"},
                          preexec_fn=lambda: _file_size_limit(limit))
    assert full.returncode != 0
    log = " ".join((full.stdout + full.stderr).split())
    assert "briefing: écriture impossible de " + str(out) in log, log
    assert "(fichier trop grand pour la limite du système) : construction arrêtée" in log
    assert "Traceback" not in log
    # Every file is the first build's or the new one's, whole; nothing half-written remains.
    assert leftovers(out) == []
    before, clean = files(project.first), files(project.clean)
    for rel, path in files(out).items():
        data = path.read_bytes()
        assert data in {p.read_bytes() for p in (before.get(rel), clean.get(rel)) if p}, rel
    assert set(before) <= set(files(out))
    again = project.build(out)
    assert again.returncode == 0, again.stderr
    assert first_difference(project.clean, out) is None


def test_a_full_disk_is_named_as_such() -> None:
    error = safeio.failure(Path("output/index.html"), OSError(errno.ENOSPC, "No space left"))
    assert str(error).startswith("briefing: écriture impossible de output/index.html "
                                 "(disque plein) : construction arrêtée")


# --------------------------------------------------------------------------- publish

FAKE_RSYNC = """#!/bin/sh
# Upload part of the site, then die with the publish, as `kill -9` or a lost session would.
PATH="$REAL_PATH" rsync --exclude=index.html "$@"
kill -9 $PPID
exit 137
"""

needs_rsync = pytest.mark.skipif(shutil.which("rsync") is None, reason="rsync is not installed")


def deploy_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """tools/deploy.py as the Makefile runs it."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("PUBLISH_")}
    return run([str(ROOT / "tools" / "deploy.py"), *args], env={**environ, **(env or {})})


def tree(folder: Path) -> dict[str, bytes | str]:
    """Everything under a folder: files' bytes, links' targets (to prove nothing changed)."""
    if not folder.exists():
        return {}
    out: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        out[rel] = (f"-> {os.readlink(path)}" if path.is_symlink()
                    else path.read_bytes() if path.is_file() else "dir")
    return out


@needs_rsync
def test_publish_killed_mid_upload_keeps_current_and_the_next_one_succeeds(
    tmp_path: Path,
) -> None:
    site = tmp_path / "www"
    output = fake_site(tmp_path / "output", "édition 1")
    assert deploy_cli("publish", "--target", str(site), "--output", str(output)).returncode == 0
    first = current_release(site)
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    (fake_bin / "rsync").write_text(FAKE_RSYNC)
    (fake_bin / "rsync").chmod(0o755)
    fake_site(output, "édition 2")
    killed = deploy_cli("publish", "--target", str(site), "--output", str(output),
                        env={"PATH": f"{fake_bin}:{os.environ['PATH']}",
                             "REAL_PATH": os.environ["PATH"]})
    assert killed.returncode == -signal.SIGKILL
    partial = [p.name for p in (site / "releases").iterdir() if p.name.endswith(".partial")]
    assert len(partial) == 1  # the half upload is there, under a name nothing serves
    assert current_release(site) == first
    assert "édition 1" in (site / "current" / "index.html").read_text()
    listed = deploy_cli("list", "--target", str(site))
    assert listed.stdout.splitlines() == [f"* {first}"]

    done = deploy_cli("publish", "--target", str(site), "--output", str(output))
    assert done.returncode == 0, done.stderr
    assert f"removed {partial[0]}, left by an interrupted publish" in done.stdout
    second = current_release(site)
    assert "édition 2" in (site / "current" / "index.html").read_text()
    assert sorted(p.name for p in (site / "releases").iterdir()) == [first, second]
    back = deploy_cli("rollback", "--target", str(site))
    assert back.returncode == 0, back.stderr
    assert current_release(site) == first


def _closed_port() -> int:
    """A local TCP port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@needs_rsync
@pytest.mark.skipif(shutil.which("ssh") is None, reason="no ssh client")
def test_unreachable_target_is_a_clear_error_and_changes_nothing(tmp_path: Path) -> None:
    output = fake_site(tmp_path / "output", "édition 1")
    before = tree(tmp_path)
    ssh = (f"-p {_closed_port()} -o BatchMode=yes -o ConnectTimeout=5 "
           "-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null")
    for command in ("publish", "rollback"):
        extra = ("--output", str(output)) if command == "publish" else ()
        done = deploy_cli(command, "--target", "deploy@127.0.0.1:/srv/briefings", *extra,
                          env={"PUBLISH_SSH_OPTS": ssh})
        assert done.returncode == 2
        assert done.stderr.startswith("deploy: cannot reach deploy@127.0.0.1 over SSH: ")
        assert "Connection refused" in done.stderr
        assert "Nothing was uploaded or changed" in done.stderr
    assert tree(tmp_path) == before


@needs_rsync
def test_rollback_without_an_earlier_release_is_a_clear_error_and_changes_nothing(
    tmp_path: Path,
) -> None:
    site = tmp_path / "www"
    done = deploy_cli("rollback", "--target", str(site))
    assert done.returncode == 2
    assert done.stderr == f"deploy: {site} does not exist: nothing was ever published there\n"
    assert not site.exists()
    assert deploy.main(["publish", "--target", str(site), "--output",
                        str(fake_site(tmp_path / "output", "1"))]) == 0
    before = tree(site)
    done = deploy_cli("rollback", "--target", str(site))
    assert done.returncode == 2
    assert "is the oldest release kept: nothing earlier to roll back to" in done.stderr
    assert tree(site) == before
