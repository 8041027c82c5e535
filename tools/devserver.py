"""Serve output/ and rebuild when seeds, content, theme, plugin or settings change.

Pelican's own `-r` does not watch seeds/ (outside content/), hence this small loop.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import subprocess
import sys
import threading
from pathlib import Path

from watchfiles import watch

ROOT = Path(__file__).resolve().parent.parent
WATCHED = ["seeds", "content", "theme", "plugins", "pelican.conf.py"]


def build(extra: list[str]) -> None:
    """One full build; a failure is reported and the server keeps the last good output."""
    cmd = [sys.executable, "-m", "pelican", "content", "-o", "output", "-s", "pelican.conf.py",
           *extra]
    result = subprocess.run(cmd, cwd=ROOT, check=False)
    if result.returncode:
        print(f"devserver: build failed (exit {result.returncode}); waiting for a change")
        return
    subprocess.run([sys.executable, str(ROOT / "tools" / "search_index.py"), "output"],
                   cwd=ROOT, check=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("pelican_args", nargs="*")
    args = parser.parse_args()
    build(args.pelican_args)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler,
                                directory=str(ROOT / "output"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"devserver: http://127.0.0.1:{args.port}/ — watching {', '.join(WATCHED)}")
    paths = [ROOT / p for p in WATCHED if (ROOT / p).exists()]
    for changes in watch(*paths):
        print("devserver: changed:", ", ".join(sorted({Path(p).name for _, p in changes})))
        build(args.pelican_args)


if __name__ == "__main__":
    main()
