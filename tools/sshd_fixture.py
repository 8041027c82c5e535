"""A throw-away OpenSSH server on 127.0.0.1 for testing `make publish` over SSH (root only)."""

from __future__ import annotations

import os
import shlex
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

SSHD = "/usr/sbin/sshd"
# sshd refuses to start without its privilege-separation folder, which Debian creates at boot.
PRIVSEP_DIR = Path("/run/sshd")
# Enough for sshd to start on a slow CI runner; the wait ends as soon as a login works.
START_ATTEMPTS = 100
ATTEMPT_PAUSE = 0.1

SSHD_CONFIG = """\
Port {port}
ListenAddress 127.0.0.1
HostKey {home}/host_ed25519
PidFile {home}/sshd.pid
AuthorizedKeysFile {home}/authorized_keys
# The keys live in a pytest tmp folder whose modes sshd would otherwise reject.
StrictModes no
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
Subsystem sftp internal-sftp
LogLevel ERROR
"""


@dataclass(frozen=True)
class SshServer:
    """A running test server: log in as `user@127.0.0.1` with `ssh_opts`."""

    port: int
    user: str
    key: Path
    ssh_opts: str

    def target(self, path: Path | str) -> str:
        """A `PUBLISH_TARGET` for `path` on this server."""
        return f"{self.user}@127.0.0.1:{path}"


def missing_requirements() -> str | None:
    """Why the SSH server cannot run here, or None when it can."""
    if os.geteuid() != 0:
        return "the SSH test starts sshd, which needs root (CI runs it as root)"
    for tool in (SSHD, "ssh", "ssh-keygen", "rsync"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (Debian: apt-get install openssh-server rsync)"
    return None


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def sshd_server(home: Path) -> Iterator[SshServer]:
    """Run sshd with keys made in `home` until the block ends."""
    home.mkdir(parents=True, exist_ok=True)
    for name in ("host_ed25519", "user_ed25519"):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(home / name)],
                       check=True)
    key = home / "user_ed25519"
    (home / "authorized_keys").write_text((home / "user_ed25519.pub").read_text())
    port = free_port()
    config = home / "sshd_config"
    config.write_text(SSHD_CONFIG.format(port=port, home=home))
    PRIVSEP_DIR.mkdir(mode=0o755, exist_ok=True)
    subprocess.run([SSHD, "-t", "-f", str(config)], check=True)
    opts = shlex.join([
        "-F", "/dev/null", "-p", str(port), "-i", str(key),
        "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
        "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
        "-o", "LogLevel=ERROR",
    ])
    server = SshServer(port=port, user="root", key=key, ssh_opts=opts)
    log = (home / "sshd.log").open("w")
    process = subprocess.Popen([SSHD, "-D", "-e", "-f", str(config)], stderr=log)
    try:
        _wait_for_login(server, process, home / "sshd.log")
        yield server
    finally:
        process.terminate()
        process.wait()
        log.close()


def _wait_for_login(server: SshServer, process: subprocess.Popen[bytes], log: Path) -> None:
    """Return once `ssh … true` succeeds; raise with sshd's log if it never does."""
    probe = ["ssh", *shlex.split(server.ssh_opts), f"{server.user}@127.0.0.1", "true"]
    for _ in range(START_ATTEMPTS):
        if process.poll() is not None:
            break
        if subprocess.run(probe, capture_output=True, check=False).returncode == 0:
            return
        time.sleep(ATTEMPT_PAUSE)
    raise RuntimeError(f"sshd on port {server.port} never accepted a login:\n{log.read_text()}")
