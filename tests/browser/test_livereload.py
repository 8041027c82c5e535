"""make devserver: the page open in the browser reloads itself after a build."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from tools import devserver

pytestmark = pytest.mark.browser


def test_open_page_reloads_after_a_build(tmp_path: Path, page_at: Any) -> None:
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="fr"><head><title>v1</title>'
        '<script src="/__livereload.js" defer></script></head><body>v1</body></html>',
        encoding="utf-8")
    counter = devserver.BuildCounter()
    server = devserver.make_server(0, tmp_path, counter)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = page_at()
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
        page.wait_for_timeout(1500)  # the script has read the first build number
        assert page.title() == "v1"
        (tmp_path / "index.html").write_text(
            (tmp_path / "index.html").read_text(encoding="utf-8").replace("v1", "v2"),
            encoding="utf-8")
        counter.bump()
        page.wait_for_function("document.title === 'v2'", timeout=10_000)
    finally:
        server.shutdown()
        server.server_close()
