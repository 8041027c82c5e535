"""Atomic deployment of the built site with rsync: release folders, a `current` symlink, rollback.

Layout at the target (local folder or `user@host:path` over SSH):

    PUBLISH_TARGET/
      releases/20250101T120000Z-1a2b3c4/   one complete upload per publish
      releases/20250102T090000Z-5d6e7f8/
      current -> releases/20250102T090000Z-5d6e7f8   the web server's document root

A publish (1) checks the built output, (2) reads the target's state, (3) uploads a new release
with `rsync --link-dest` against the current one (unchanged files become hard links, not new
copies) into `releases/<name>.partial`, (4) renames it to `releases/<name>` and switches
`current` with one rename, so readers see the old site or the new one, never a mix, and (5)
removes all but the newest five releases, and any `.partial` folder an interrupted publish left
(never listed, published or rolled back to). `rollback` points `current` at
the release before the one it points to. Local and remote targets run the same shell commands
(locally through `sh -c`, remotely through `ssh`), so the local tests exercise the SSH path too.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

KEEP_RELEASES = 5
RELEASES_DIR = "releases"
CURRENT_LINK = "current"
# Release folders are named `<UTC time>-<git short hash | nogit>`; only these are ever pruned.
RELEASE_RE = re.compile(r"^(?P<stamp>\d{8}T\d{6}Z)-(?P<commit>[0-9A-Za-z]+)$")
STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
# rsync's own rule: a colon before any slash means a remote `[user@]host:path`.
REMOTE_RE = re.compile(r"^(?P<host>(?:[^@/:\s]+@)?[^@/:\s]+):(?P<path>.*)$")
# Web servers must read every file whatever the local umask; equal modes also let rsync
# hard-link unchanged files (a mode difference would force a copy).
RSYNC_CHMOD = "--chmod=Du=rwx,Dgo=rx,Fu=rw,Fgo=r"
# Appended to the state listing so the parser can tell `readlink` output from folder names.
STATE_SEPARATOR = "--releases--"
# An upload in progress, or one a killed publish left: complete only once renamed.
PARTIAL_SUFFIX = ".partial"

MISSING_TARGET = """\
deploy: PUBLISH_TARGET is not set: nothing was built or deployed.
Say where the site goes, a local folder or an SSH destination, for example:
    make publish PUBLISH_TARGET=/var/www/briefings
    make publish PUBLISH_TARGET=deploy@example.org:/var/www/briefings
SSH options (port, key) go in PUBLISH_SSH_OPTS, e.g. PUBLISH_SSH_OPTS="-p 2222 -i ~/.ssh/deploy".
Point the web server's document root at PUBLISH_TARGET/current."""


class DeployError(Exception):
    """A deployment that cannot go on; the message says why and what to do."""


@dataclass(frozen=True)
class Target:
    """Where releases live: a local folder, or a folder on `host` reached with `ssh`."""

    path: str
    host: str | None = None
    ssh: tuple[str, ...] = ()

    @property
    def is_remote(self) -> bool:
        """True for an SSH destination."""
        return self.host is not None

    def rsync_dest(self, relative: str) -> str:
        """The rsync destination argument for a folder under the target."""
        joined = f"{self.path.rstrip('/')}/{relative}" if self.path else relative
        return f"{self.host}:{joined}" if self.host else joined

    def __str__(self) -> str:
        return f"{self.host}:{self.path}" if self.host else self.path


@dataclass(frozen=True)
class State:
    """What the target holds: its release folders (oldest first) and the one `current` names."""

    releases: tuple[str, ...]
    current: str | None
    partials: tuple[str, ...] = ()


def parse_target(spec: str | None, ssh_opts: str = "") -> Target:
    """Read `PUBLISH_TARGET` (`/local/path` or `[user@]host:path`) and the SSH options."""
    spec = (spec or "").strip()
    if not spec:
        raise DeployError(MISSING_TARGET)
    if spec.startswith("rsync://") or "::" in spec:
        raise DeployError(
            f"deploy: {spec!r} is an rsync daemon address; use a folder or user@host:path (SSH)."
        )
    match = REMOTE_RE.match(spec)
    if match is None:
        return Target(path=os.path.abspath(spec))
    path = match["path"]
    # A quoted `~/x` would not be expanded remotely; both ssh and rsync start in the home folder.
    if path == "~" or path.startswith("~/"):
        path = path[2:]
    return Target(path=path, host=match["host"], ssh=tuple(shlex.split(ssh_opts)))


def release_name(now: datetime, commit: str, existing: Sequence[str]) -> str:
    """Name a new release so that sorting names sorts releases by publish order."""
    stamp = now.astimezone(UTC).replace(microsecond=0, tzinfo=None)
    stamps = [m["stamp"] for name in existing if (m := RELEASE_RE.match(name))]
    if stamps:
        latest = datetime.strptime(max(stamps), STAMP_FORMAT)
        # Two publishes in one second, or a clock behind the server's: go just after the newest.
        stamp = max(stamp, latest + timedelta(seconds=1))
    return f"{stamp.strftime(STAMP_FORMAT)}-{commit or 'nogit'}"


def managed_releases(names: Sequence[str]) -> tuple[str, ...]:
    """Release folders this tool created, oldest first; anything else is left alone."""
    return tuple(sorted(name for name in names if RELEASE_RE.match(name)))


def releases_to_prune(state: State, keep: int = KEEP_RELEASES) -> tuple[str, ...]:
    """Releases beyond the newest `keep`, never the one `current` points to."""
    releases = managed_releases(state.releases)
    old = releases[: max(len(releases) - keep, 0)]
    return tuple(name for name in old if name != state.current)


def previous_release(state: State) -> str:
    """The release published just before the one `current` points to."""
    releases = managed_releases(state.releases)
    if state.current is None:
        raise DeployError("deploy: the target has no `current` release: nothing to roll back.")
    if state.current not in releases:
        raise DeployError(
            f"deploy: `current` points to {state.current!r}, which is not a release folder."
        )
    index = releases.index(state.current)
    if index == 0:
        raise DeployError(
            f"deploy: {state.current} is the oldest release kept: nothing earlier to roll back to."
        )
    return releases[index - 1]


def parse_state(listing: str) -> State:
    """Read the output of the state script: `readlink current`, a separator, then folder names."""
    head, _, tail = listing.partition(STATE_SEPARATOR)
    link = head.strip()
    current = None
    if link:
        # `current` holds `releases/<name>`; a link made by hand may be absolute or end in `/`.
        current = link.rstrip("/").rsplit("/", 1)[-1]
    names = tuple(line.strip() for line in tail.splitlines() if line.strip())
    partials = tuple(sorted(n for n in names if n.endswith(PARTIAL_SUFFIX)
                            and RELEASE_RE.match(n.removesuffix(PARTIAL_SUFFIX))))
    return State(releases=managed_releases(names), current=current, partials=partials)


def state_script(target: Target, create: bool) -> str:
    """Shell that prints the target's `current` link and release folders."""
    root = shlex.quote(target.path or ".")
    missing = shlex.quote(f"deploy: {target.path or '.'} does not exist: nothing was ever "
                          "published there")
    prepare = (f"mkdir -p {root}/{RELEASES_DIR}" if create
               else f"if [ ! -d {root} ]; then echo {missing} >&2; exit 4; fi")
    return (
        f"set -e; {prepare}; cd {root}; "
        f"if [ -e {CURRENT_LINK} ] && [ ! -L {CURRENT_LINK} ]; then "
        f"echo 'deploy: {CURRENT_LINK} exists and is not a symlink; move it away first' >&2; "
        "exit 3; fi; "
        f"readlink {CURRENT_LINK} || true; echo {STATE_SEPARATOR}; "
        f"ls -1 {RELEASES_DIR} 2>/dev/null || true"
    )


def switch_script(target: Target, release: str, prune: Sequence[str] = (),
                  uploaded: bool = False) -> str:
    """Shell that points `current` at `release` in one rename, then removes `prune`.

    `uploaded`: the release is still `<release>.partial`, complete; it gets its name first.
    """
    root = shlex.quote(target.path or ".")
    link = shlex.quote(f"{RELEASES_DIR}/{release}")
    # A symlink made beside `current` then renamed over it: rename(2) is atomic, `ln -sfn` is not.
    tmp = shlex.quote(f".{CURRENT_LINK}.{release}.tmp")
    partial = shlex.quote(f"{RELEASES_DIR}/{release}{PARTIAL_SUFFIX}")
    script = (
        f"set -e; cd {root}; "
        + (f"mv -T {partial} {link}; " if uploaded else "")
        + f"test -d {link}; ln -sfn {link} {tmp}; mv -Tf {tmp} {CURRENT_LINK}"
    )
    if prune:
        doomed = " ".join(shlex.quote(f"{RELEASES_DIR}/{name}") for name in prune)
        script += f"; rm -rf -- {doomed}"
    return script


def rsync_command(
    target: Target, output: Path, release: str, link_dest: str | None
) -> list[str]:
    """The rsync call that uploads `output` as a new release folder."""
    command = ["rsync", "--recursive", "--links", "--perms", "--devices", "--specials"]
    # No --times: a rebuilt site has new mtimes on unchanged files, and rsync only hard-links a
    # file whose mtime also matches; comparing checksums links every file whose bytes match.
    command += ["--checksum", "--delete", RSYNC_CHMOD, "--info=stats1"]
    if link_dest:
        # Relative --link-dest is read from the destination folder, on either side of SSH.
        command.append(f"--link-dest=../{link_dest}")
    if target.is_remote:
        command += ["-e", shlex.join(["ssh", *target.ssh])]
    command += [f"{output}/", target.rsync_dest(f"{RELEASES_DIR}/{release}{PARTIAL_SUFFIX}/")]
    return command


def shell_command(target: Target, script: str) -> list[str]:
    """Run `script` where the releases live: here, or on the host through ssh."""
    if target.is_remote:
        return ["ssh", *target.ssh, target.host or "", script]
    return ["sh", "-c", script]


def run(command: list[str], what: str, capture: bool = False) -> str:
    """Run one command; a failure becomes a DeployError naming the step."""
    try:
        done = subprocess.run(command, check=False, text=True, capture_output=capture)
    except FileNotFoundError as error:
        raise DeployError(
            f"deploy: {command[0]} is not installed (Debian: apt-get install {command[0]})."
        ) from error
    if done.returncode != 0:
        detail = (done.stderr or "").strip() if capture else ""
        raise DeployError(
            f"deploy: {what} failed (exit {done.returncode}): {shlex.join(command)}"
            + (f"\n{detail}" if detail else "")
        )
    return done.stdout or ""


def read_state(target: Target, create: bool = False) -> State:
    """Ask the target for its releases and `current`."""
    try:
        listing = run(shell_command(target, state_script(target, create)),
                      f"reading {target}", capture=True)
    except DeployError as error:
        if target.is_remote and "(exit 255)" in str(error):  # ssh's own failure, not the script
            detail = str(error).split("\n", 1)[-1]
            raise DeployError(
                f"deploy: cannot reach {target.host} over SSH: {detail}\nNothing was uploaded "
                "or changed; check the host, PUBLISH_SSH_OPTS (port, key) and the network."
            ) from error
        if "(exit 4)" in str(error):  # the script's own message: no such folder
            raise DeployError(str(error).split("\n", 1)[-1]) from error
        raise
    return parse_state(listing)


def git_short_hash(cwd: Path) -> str:
    """The checked-out commit's short hash, or `nogit` outside a repository or before a commit."""
    try:
        done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=cwd, check=False,
                              text=True, capture_output=True)
    except FileNotFoundError:
        return "nogit"
    commit = done.stdout.strip()
    return commit if done.returncode == 0 and commit.isalnum() else "nogit"


def check_output(output: Path) -> None:
    """Refuse a missing or incomplete build: a failed build is never deployed."""
    if not (output / "index.html").is_file():
        raise DeployError(
            f"deploy: {output}/index.html is missing: the build failed or did not run; "
            "nothing was deployed (build with `make publish`)."
        )


def publish(target: Target, output: Path, commit: str, keep: int = KEEP_RELEASES,
            now: datetime | None = None) -> str:
    """Upload `output` as a new release, switch `current` to it, prune; return its name.

    1. check the build output; 2. read the target; 3. rsync a new release (hard links to the
    current one); 4. switch `current` atomically; 5. prune to the newest `keep` releases.
    """
    # 1. check
    check_output(output)
    # 2. read
    state = read_state(target, create=True)
    name = release_name(now or datetime.now(UTC), commit, state.releases)
    # 3. upload; a half-uploaded release is removed, `current` never pointed to it.
    print(f"deploy: uploading {output}/ to {target.rsync_dest(RELEASES_DIR + '/' + name)}"
          + (f" (unchanged files hard-linked to {state.current})" if state.current else ""))
    try:
        run(rsync_command(target, output, name, state.current), "rsync upload")
    except DeployError:
        cleanup = f"cd {shlex.quote(target.path or '.')} && rm -rf -- " + shlex.quote(
            f"{RELEASES_DIR}/{name}{PARTIAL_SUFFIX}")
        subprocess.run(shell_command(target, cleanup), check=False, capture_output=True)
        raise
    # 4 and 5. switch and prune, in one round trip
    after = State(releases=(*state.releases, name), current=name)
    doomed = releases_to_prune(after, keep)
    run(shell_command(target, switch_script(target, name, (*doomed, *state.partials),
                                            uploaded=True)), "switching current")
    print(f"deploy: {target}/{CURRENT_LINK} -> {RELEASES_DIR}/{name}")
    for old in doomed:
        print(f"deploy: removed old release {old}")
    for left in state.partials:
        print(f"deploy: removed {left}, left by an interrupted publish")
    return name


def rollback(target: Target, to: str | None = None) -> str:
    """Point `current` at the previous release (or at `to`); return the release now current."""
    state = read_state(target)
    if to is None:
        release = previous_release(state)
    elif to in state.releases:
        release = to
    else:
        raise DeployError(
            f"deploy: no release {to!r} at {target}; kept: {', '.join(state.releases) or 'none'}."
        )
    run(shell_command(target, switch_script(target, release)), "switching current")
    print(f"deploy: rolled back {target}/{CURRENT_LINK} -> {RELEASES_DIR}/{release}"
          f" (was {state.current})")
    return release


def build_parser() -> argparse.ArgumentParser:
    """Command line: `check`, `publish`, `rollback`, `list`."""
    parser = argparse.ArgumentParser(prog="deploy.py", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    def with_target(name: str, help_text: str) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help_text)
        command.add_argument("--target", default=os.environ.get("PUBLISH_TARGET", ""),
                             help="folder or [user@]host:path (default: $PUBLISH_TARGET)")
        command.add_argument("--ssh", default=os.environ.get("PUBLISH_SSH_OPTS", ""),
                             help="extra ssh options, e.g. '-p 2222 -i key' "
                                  "(default: $PUBLISH_SSH_OPTS)")
        return command

    with_target("check", "only validate the target (run before building)")
    pub = with_target("publish", "upload output/ as a new release and switch current to it")
    pub.add_argument("--output", type=Path, default=Path("output"), help="built site folder")
    pub.add_argument("--keep", type=int, default=KEEP_RELEASES, help="releases kept (default 5)")
    back = with_target("rollback", "point current at the previous release")
    back.add_argument("--to", help="a release folder name instead of the previous one")
    with_target("list", "show the releases and which one is current")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; errors are printed as one clear message and exit with status 2."""
    args = build_parser().parse_args(argv)
    try:
        target = parse_target(args.target, args.ssh)
        if args.command == "check":
            print(f"deploy: target {target} ({'ssh' if target.is_remote else 'local folder'})")
        elif args.command == "publish":
            if args.keep < 1:
                raise DeployError("deploy: --keep must be at least 1.")
            publish(target, args.output, git_short_hash(Path.cwd()), keep=args.keep)
        elif args.command == "rollback":
            rollback(target, args.to)
        else:
            state = read_state(target)
            for name in state.releases:
                print(f"{'*' if name == state.current else ' '} {name}")
    except DeployError as error:
        print(error, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
