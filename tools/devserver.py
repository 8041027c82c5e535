"""Serve output/, rebuild when seeds, content, theme, plugin or settings change, reload the page.

Pelican's own `-r` does not watch seeds/ (outside content/), hence this small loop. Builds are
resident (`tools/resident.py`): one child process keeps Pelican, the spaCy model and the last
build's records in memory, and runs again on each change, so a saved note or seed costs that
edit's work, not a new process's start; a change to the plugin's code or to the settings starts
a new child. Each build is incremental (only changed pages are written, removed ones deleted);
a failed build is reported and the last good output stays served. After each successful build
the page open in the browser reloads itself: development builds (`LIVE_RELOAD=true`, set here
only) load /__livereload.js, which polls /__livereload for the build number. Both are served by
this server, never written to output/.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: `tools` is then not importable by itself
    sys.path.insert(0, str(ROOT))

from tools.resident import Worker  # noqa: E402

WATCHED = ["seeds", "content", "theme", "plugins", "pelican.conf.py"]
# Changes a resident build process cannot take in: its code and its settings are read once.
RESTART = ("plugins", "pelican.conf.py")
RELOAD_SCRIPT = Path(__file__).with_name("livereload.js")
# Development builds only: base.html then loads /__livereload.js.
DEV_SETTINGS = ["-e", "LIVE_RELOAD=true"]


class BuildCounter:
    """The number of the last successful build, read by the pages' reload script."""

    def __init__(self) -> None:
        self.number = 0
        self.lock = threading.Lock()

    def bump(self) -> None:
        """A build has finished: open pages reload."""
        with self.lock:
            self.number += 1


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files, plus the reload script and the build number."""

    counter: BuildCounter

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == "/__livereload":
            self._send(str(self.counter.number).encode(), "text/plain; charset=utf-8")
        elif path == "/__livereload.js":
            self._send(RELOAD_SCRIPT.read_bytes(), "text/javascript; charset=utf-8")
        else:
            super().do_GET()

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        if not self.path.startswith("/__livereload"):  # one poll a second: keep the log quiet
            super().log_message(format, *args)


def make_server(port: int, directory: Path, counter: BuildCounter,
                ) -> http.server.ThreadingHTTPServer:
    """The development server over `directory`, on 127.0.0.1 only."""
    handler = type("DevHandler", (Handler,), {"counter": counter})
    return http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(handler, directory=str(directory)))


def pelican_args(extra: list[str]) -> list[str]:
    """The development build's Pelican arguments, as `make html` gives them plus DEV_SETTINGS."""
    return [str(ROOT / "content"), "-o", str(ROOT / "output"), "-s",
            str(ROOT / "pelican.conf.py"), *DEV_SETTINGS, *extra]


def build(worker: Worker, counter: BuildCounter | None = None) -> bool:
    """One incremental build; a failure is reported and the server keeps the last good output."""
    outcome = worker.build()
    if not outcome["ok"]:
        print(f"devserver: build failed ({outcome['error']}); waiting for a change")
        return False
    print(f"devserver: built in {outcome['seconds']:.2f} s")
    subprocess.run([sys.executable, str(ROOT / "tools" / "search_index.py"), "output"],
                   cwd=ROOT, check=False)
    if counter is not None:
        counter.bump()
    return True


def needs_restart(changed: set[str]) -> bool:
    """Whether a change touches the build process's own code or settings."""
    roots = [ROOT / name for name in RESTART]
    return any(Path(p) == root or root in Path(p).parents for p in changed for root in roots)


def main() -> None:
    from watchfiles import watch

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("pelican_args", nargs="*")
    args = parser.parse_args()
    counter = BuildCounter()
    worker = Worker(pelican_args(args.pelican_args))
    build(worker, counter)
    server = make_server(args.port, ROOT / "output", counter)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"devserver: http://127.0.0.1:{args.port}/ — watching {', '.join(WATCHED)}")
    paths = [ROOT / p for p in WATCHED if (ROOT / p).exists()]
    try:
        for changes in watch(*paths):
            changed = {p for _, p in changes}
            print("devserver: changed:", ", ".join(sorted({Path(p).name for p in changed})))
            if needs_restart(changed):
                print("devserver: code or settings changed: new build process")
                worker.restart()
            build(worker, counter)
    except KeyboardInterrupt:
        print("devserver: stopped")
    finally:
        worker.close()


if __name__ == "__main__":
    main()
