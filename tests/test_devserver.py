"""make devserver: pages reload after each build; publish builds never carry the reload script."""

from __future__ import annotations

import shutil
import threading
import urllib.request
from pathlib import Path

from tests.conftest import ROOT, SEEDS, pelican_build
from tools import devserver


def _get(url: str) -> tuple[str, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.headers["Content-Type"], response.read().decode("utf-8")


def test_server_serves_the_build_number_and_the_reload_script(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<p>accueil</p>", encoding="utf-8")
    counter = devserver.BuildCounter()
    server = devserver.make_server(0, tmp_path, counter)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        assert _get(base + "/__livereload")[1] == "0"
        counter.bump()
        assert _get(base + "/__livereload?t=1")[1] == "1"
        kind, script = _get(base + "/__livereload.js")
        assert kind.startswith("text/javascript") and 'fetch("/__livereload"' in script
        assert _get(base + "/")[1] == "<p>accueil</p>"
    finally:
        server.shutdown()
        server.server_close()


def test_only_development_builds_load_the_reload_script(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS[0], seeds / SEEDS[0].name)
    dev = pelican_build(tmp_path / "dev", seeds=seeds, extra=tuple(devserver.DEV_SETTINGS))
    assert dev.returncode == 0, dev.stderr
    publish = pelican_build(tmp_path / "publish", seeds=seeds, settings="publish.conf.py")
    assert publish.returncode == 0, publish.stderr
    dev_pages = sorted((tmp_path / "dev").rglob("*.html"))
    assert dev_pages and all('src="/__livereload.js"' in p.read_text(encoding="utf-8")
                             for p in dev_pages)
    for site in (tmp_path / "publish", ROOT / "tests" / "golden"):
        for path in site.rglob("*"):
            if path.is_file() and path.suffix in {".html", ".js", ".json", ".xml"}:
                assert "__livereload" not in path.read_text(encoding="utf-8"), path
