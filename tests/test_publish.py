"""Atomic deployment (tools/deploy.py) on a real folder and a real SSH server; publish.conf.py."""

from __future__ import annotations

import os
import runpy
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tools import deploy
from tools.deploy import DeployError, State, Target
from tools.sshd_fixture import missing_requirements, sshd_server

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "tools" / "deploy.py"
NOON = datetime(2025, 3, 1, 12, 0, 0, tzinfo=UTC)

needs_rsync = pytest.mark.skipif(shutil.which("rsync") is None,
                                 reason="rsync is not installed (apt-get install rsync)")


def fake_site(folder: Path, edition: str) -> Path:
    """A tiny built site: a page that changes with each edition and files that do not."""
    (folder / "theme" / "css").mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(f"<h1>Briefing du jour</h1><p>{edition}</p>\n")
    (folder / "theme" / "css" / "main.css").write_text("body { font-family: serif; }\n")
    (folder / "api").mkdir(exist_ok=True)
    (folder / "api" / "briefings.json").write_text('[{"id": "000_x", "title": "Karabakh"}]\n')
    (folder / "seed à lire.txt").write_text("Erevan, le 12 octobre.\n")
    return folder


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run tools/deploy.py as the Makefile does."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("PUBLISH_")}
    return subprocess.run([sys.executable, str(DEPLOY), *args], capture_output=True, text=True,
                          env={**environ, **(env or {})}, cwd=ROOT, check=False)


def current_release(site: Path) -> str:
    """The release folder `current` points to (relative link, so the site folder can move)."""
    link = os.readlink(site / "current")
    assert link.startswith("releases/")
    return link.removeprefix("releases/")


# Pure planning -------------------------------------------------------------------------------

@pytest.mark.parametrize(("spec", "host", "path"), [
    ("deploy@example.org:/var/www/briefings", "deploy@example.org", "/var/www/briefings"),
    ("example.org:site", "example.org", "site"),
    ("deploy@example.org:~/site", "deploy@example.org", "site"),
    ("/srv/www/a:b", None, "/srv/www/a:b"),
])
def test_parse_target_local_and_remote(spec: str, host: str | None, path: str) -> None:
    target = deploy.parse_target(spec, "-p 2222 -i 'my key'")
    assert (target.host, target.path) == (host, path)
    assert target.ssh == (("-p", "2222", "-i", "my key") if host else ())


def test_parse_target_relative_path_is_made_absolute(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert deploy.parse_target("www/site").path == str(tmp_path / "www" / "site")


@pytest.mark.parametrize("spec", ["", "   ", None])
def test_missing_target_says_how_to_set_it(spec: str | None) -> None:
    with pytest.raises(DeployError) as error:
        deploy.parse_target(spec)
    assert "PUBLISH_TARGET is not set" in str(error.value)
    assert "make publish PUBLISH_TARGET=" in str(error.value)


def test_rsync_daemon_address_is_refused() -> None:
    with pytest.raises(DeployError, match="rsync daemon"):
        deploy.parse_target("rsync://example.org/site")


def test_release_names_sort_in_publish_order_even_within_one_second() -> None:
    first = deploy.release_name(NOON, "1a2b3c4", [])
    assert first == "20250301T120000Z-1a2b3c4"
    # Same second, a different commit whose hash sorts lower: the name must still sort after.
    second = deploy.release_name(NOON, "0000000", [first])
    assert second == "20250301T120001Z-0000000"
    assert sorted([second, first]) == [first, second]


def test_release_name_uses_utc_and_marks_missing_git() -> None:
    paris = datetime.fromisoformat("2025-03-01T13:00:00+01:00")
    assert deploy.release_name(paris, "", ["notes.txt"]) == "20250301T120000Z-nogit"


def test_prune_keeps_newest_five_and_never_current() -> None:
    names = tuple(f"2025030{day}T120000Z-abc" for day in range(1, 8))
    assert deploy.releases_to_prune(State(names, names[-1])) == names[:2]
    # After a rollback to the oldest, it survives pruning.
    assert deploy.releases_to_prune(State(names, names[0])) == names[1:2]
    assert deploy.releases_to_prune(State((*names, "keep-me"), names[-1])) == names[:2]


def test_previous_release_and_its_errors() -> None:
    names = ("20250301T120000Z-a", "20250302T120000Z-b", "20250303T120000Z-c")
    assert deploy.previous_release(State(names, names[2])) == names[1]
    with pytest.raises(DeployError, match="oldest release"):
        deploy.previous_release(State(names, names[0]))
    with pytest.raises(DeployError, match="no `current`"):
        deploy.previous_release(State(names, None))


def test_parse_state_reads_link_and_folders() -> None:
    listing = f"releases/20250302T120000Z-b\n{deploy.STATE_SEPARATOR}\n20250301T120000Z-a\n" \
              "20250302T120000Z-b\nREADME\n"
    assert deploy.parse_state(listing) == State(
        ("20250301T120000Z-a", "20250302T120000Z-b"), "20250302T120000Z-b")
    assert deploy.parse_state(f"{deploy.STATE_SEPARATOR}\n") == State((), None)


def test_rsync_command_links_against_current_and_uses_ssh_options() -> None:
    target = Target(path="/srv/site", host="u@h", ssh=("-p", "2222"))
    command = deploy.rsync_command(target, Path("output"), "R2", "R1")
    assert "--link-dest=../R1" in command
    assert command[-2:] == ["output/", "u@h:/srv/site/releases/R2.partial/"]
    assert command[command.index("-e") + 1] == "ssh -p 2222"
    assert "--times" not in command and "-a" not in command


# Command line, no target ---------------------------------------------------------------------

@pytest.mark.parametrize("command", ["check", "publish", "rollback"])
def test_cli_without_target_fails_with_message_and_deploys_nothing(command: str,
                                                                   tmp_path: Path) -> None:
    done = cli(command, "--target", "", "--output", str(tmp_path)) if command == "publish" \
        else cli(command, "--target", "")
    assert done.returncode == 2
    assert "PUBLISH_TARGET is not set" in done.stderr
    assert "PUBLISH_TARGET=/var/www/briefings" in done.stderr
    assert done.stdout == ""


def test_cli_reads_target_from_environment(tmp_path: Path) -> None:
    done = cli("check", env={"PUBLISH_TARGET": str(tmp_path / "www")})
    assert done.returncode == 0, done.stderr
    assert "local folder" in done.stdout


# Local folder, for real ----------------------------------------------------------------------

@needs_rsync
def test_failed_build_is_never_deployed(tmp_path: Path) -> None:
    empty = tmp_path / "output"
    empty.mkdir()
    (empty / "theme.css").write_text("half a build\n")
    done = cli("publish", "--target", str(tmp_path / "www"), "--output", str(empty))
    assert done.returncode == 2
    assert "index.html is missing" in done.stderr
    assert not (tmp_path / "www").exists()


@needs_rsync
def test_publish_twice_then_rollback_leaves_current_on_first(tmp_path: Path) -> None:
    site = tmp_path / "www"
    output = fake_site(tmp_path / "output", "édition 1")
    done = cli("publish", "--target", str(site), "--output", str(output))
    assert done.returncode == 0, done.stderr
    first = current_release(site)
    assert deploy.RELEASE_RE.match(first)
    assert (site / "current" / "index.html").read_text().endswith("<p>édition 1</p>\n")

    fake_site(output, "édition 2")
    assert cli("publish", "--target", str(site), "--output", str(output)).returncode == 0
    second = current_release(site)
    assert second > first
    assert "édition 2" in (site / "current" / "index.html").read_text()

    done = cli("rollback", "--target", str(site))
    assert done.returncode == 0, done.stderr
    assert current_release(site) == first
    assert "édition 1" in (site / "current" / "index.html").read_text()
    assert (site / "current" / "seed à lire.txt").is_file()


@needs_rsync
def test_unchanged_files_are_hard_links_changed_ones_are_not(tmp_path: Path) -> None:
    site = tmp_path / "www"
    output = fake_site(tmp_path / "output", "lundi")
    target = deploy.parse_target(str(site))
    first = deploy.publish(target, output, "aaaaaaa", now=NOON)
    # A rebuild rewrites every file (new mtimes) but only the page's bytes change.
    fake_site(output, "mardi")
    second = deploy.publish(target, output, "bbbbbbb", now=NOON)
    old, new = site / "releases" / first, site / "releases" / second
    for unchanged in ("theme/css/main.css", "api/briefings.json", "seed à lire.txt"):
        assert (old / unchanged).stat().st_ino == (new / unchanged).stat().st_ino, unchanged
    assert (old / "index.html").stat().st_ino != (new / "index.html").stat().st_ino
    assert "lundi" in (old / "index.html").read_text()
    # Served files stay readable by a web server running as another user.
    assert (new / "index.html").stat().st_mode & 0o004


@needs_rsync
def test_keeps_five_releases_and_deletes_files_removed_from_output(tmp_path: Path) -> None:
    site = tmp_path / "www"
    output = fake_site(tmp_path / "output", "0")
    (output / "old-page.html").write_text("retirée\n")
    target = deploy.parse_target(str(site))
    names = []
    for edition in range(7):
        fake_site(output, str(edition))
        if edition == 1:
            (output / "old-page.html").unlink()
        names.append(deploy.publish(target, output, "c0ffee0", now=NOON))
    kept = sorted(path.name for path in (site / "releases").iterdir())
    assert kept == names[-5:]
    assert current_release(site) == names[-1]
    assert not (site / "current" / "old-page.html").exists()
    assert not list(site.glob(".current*"))


@needs_rsync
def test_rollback_past_the_oldest_fails_and_keeps_current(tmp_path: Path) -> None:
    site = tmp_path / "www"
    deploy.publish(deploy.parse_target(str(site)), fake_site(tmp_path / "out", "1"), "abc1234")
    only = current_release(site)
    done = cli("rollback", "--target", str(site))
    assert done.returncode == 2
    assert "nothing earlier" in done.stderr
    assert current_release(site) == only


@needs_rsync
def test_current_as_real_folder_is_refused(tmp_path: Path) -> None:
    site = tmp_path / "www"
    (site / "current").mkdir(parents=True)
    done = cli("publish", "--target", str(site), "--output",
               str(fake_site(tmp_path / "out", "1")))
    assert done.returncode == 2
    assert "not a symlink" in done.stderr
    assert not any((site / "releases").iterdir())


# SSH server on 127.0.0.1, for real ------------------------------------------------------------

def test_publish_and_rollback_over_ssh(tmp_path: Path) -> None:
    reason = missing_requirements()
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI must run the SSH publish test: {reason}")
        pytest.skip(reason)
    remote = tmp_path / "remote site"
    output = fake_site(tmp_path / "output", "édition 1")
    with sshd_server(tmp_path / "sshd") as server:
        env = {"PUBLISH_TARGET": server.target(remote), "PUBLISH_SSH_OPTS": server.ssh_opts}
        done = cli("publish", "--output", str(output), env=env)
        assert done.returncode == 0, done.stderr
        first = current_release(remote)
        fake_site(output, "édition 2")
        done = cli("publish", "--output", str(output), env=env)
        assert done.returncode == 0, done.stderr
        second = current_release(remote)
        assert second > first
        assert (remote / "releases" / first / "theme/css/main.css").stat().st_ino == \
            (remote / "releases" / second / "theme/css/main.css").stat().st_ino
        listed = cli("list", env=env)
        assert listed.stdout.splitlines() == [f"  {first}", f"* {second}"]
        done = cli("rollback", env=env)
        assert done.returncode == 0, done.stderr
    assert current_release(remote) == first
    assert "édition 1" in (remote / "current" / "index.html").read_text()


# publish.conf.py ------------------------------------------------------------------------------

BASE_CONF = """\
SITENAME = "Briefings"
SITEURL = ""
RELATIVE_URLS = True
FEED_ALL_ATOM = None
BRIEFING = {"LANG": "fr"}
PLUGINS = ["briefing"]
lowercase_helper = 1
"""


def load_publish_conf(folder: Path) -> dict[str, object]:
    """Execute publish.conf.py from `folder` the way Pelican does: by path."""
    return runpy.run_path(str(folder / "publish.conf.py"))


def test_publish_conf_loads_base_by_path_and_sets_production(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(ROOT / "publish.conf.py", tmp_path / "publish.conf.py")
    (tmp_path / "pelican.conf.py").write_text(BASE_CONF)
    monkeypatch.setenv("SITEURL", "https://faits.example.net/")
    monkeypatch.delenv("STRICT", raising=False)
    conf = load_publish_conf(tmp_path)
    assert conf["SITEURL"] == "https://faits.example.net"
    assert conf["FEED_DOMAIN"] == "https://faits.example.net"
    assert conf["RELATIVE_URLS"] is False
    assert conf["DELETE_OUTPUT_DIRECTORY"] is True
    assert conf["SITENAME"] == "Briefings" and conf["PLUGINS"] == ["briefing"]
    assert conf["BRIEFING"] == {"LANG": "fr"}
    assert "lowercase_helper" not in conf

    monkeypatch.delenv("SITEURL")
    conf = load_publish_conf(tmp_path)
    assert conf["SITEURL"] == "https://briefings.example.org"


def test_pelican_reads_publish_conf_from_another_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pelican.settings import read_settings

    shutil.copy(ROOT / "publish.conf.py", tmp_path / "publish.conf.py")
    (tmp_path / "pelican.conf.py").write_text(BASE_CONF)
    monkeypatch.setenv("SITEURL", "https://faits.example.net")
    # Pelican is given a relative path from elsewhere: the base must still be found beside it.
    monkeypatch.chdir(tmp_path.parent)
    settings = read_settings(f"{tmp_path.name}/publish.conf.py")
    assert settings["SITEURL"] == "https://faits.example.net"
    assert settings["SITENAME"] == "Briefings"
    assert settings["RELATIVE_URLS"] is False


def test_real_publish_conf_with_real_pelican_conf(monkeypatch: pytest.MonkeyPatch) -> None:
    if not (ROOT / "pelican.conf.py").is_file():
        pytest.fail("pelican.conf.py is missing: publish.conf.py cannot load it")
    monkeypatch.setenv("SITEURL", "https://faits.example.net")
    monkeypatch.chdir(ROOT)
    from pelican.settings import read_settings

    settings = read_settings("publish.conf.py")
    assert settings["SITEURL"] == "https://faits.example.net"
    assert settings["RELATIVE_URLS"] is False
    assert settings["FEED_DOMAIN"] == "https://faits.example.net"
