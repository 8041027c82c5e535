"""make devserver: pages reload after each build; publish builds never carry the reload script."""

from __future__ import annotations

import json
import shutil
import threading
import urllib.request
from pathlib import Path

from tests.conftest import ROOT, SEEDS, pelican_build
from tools import devserver, resident


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


def _worker(tmp: Path, *extra: str) -> resident.Worker:
    settings = {"SEEDS_PATH": str(tmp / "seeds"), "CACHE_PATH": str(tmp / "cache")}
    return resident.Worker([str(tmp / "content"), "-o", str(tmp / "output"), "-s",
                            str(ROOT / "pelican.conf.py"), "-e",
                            "BRIEFING=" + json.dumps(settings), *extra])


def _project(tmp: Path) -> Path:
    shutil.copytree(ROOT / "content", tmp / "content")
    (tmp / "seeds").mkdir()
    shutil.copy(SEEDS[0], tmp / "seeds" / SEEDS[0].name)
    return tmp


BAD_NOTE = "Title: Note sans verdict\nBriefing: inconnu\n\nTexte.\n"


def test_a_resident_build_warns_then_fails_strictly_on_every_build(tmp_path: Path) -> None:
    """A bad note only warns; under STRICT=1 it fails each build, not just the first one.

    (With one seed, the real notes citing the others warn too: enough for both halves.)
    """
    tmp = _project(tmp_path)
    (tmp / "content" / "notes" / "zz-mauvaise.md").write_text(BAD_NOTE, encoding="utf-8")
    lenient = _worker(tmp)
    try:
        assert lenient.build()["ok"]
        assert (tmp / "output" / "index.html").is_file()
    finally:
        lenient.close()
    strict = _worker(tmp, "--fatal", "warnings")
    try:
        for _ in range(2):  # Pelican shows a warning once per process: each build again
            outcome = strict.build()
            assert not outcome["ok"]
            assert outcome["error"] == "RuntimeError: Warning or error encountered"
    finally:
        strict.close()


def test_a_crashed_build_process_is_reported_and_replaced(tmp_path: Path) -> None:
    """The server keeps running when its build process dies; the next change starts another."""
    tmp = _project(tmp_path)
    worker = _worker(tmp)
    try:
        assert worker.build()["ok"]
        first = worker.process.pid
        worker.process.kill()  # died between two builds: replaced before the next one
        worker.process.join(10)
        assert worker.build()["ok"] and worker.process.pid != first
        # Died during a build (the pipe breaks while the server waits): reported, replaced next.
        dying = worker.process
        dying.kill()
        dying.join(10)
        worker.process = type("Dying", (), {"is_alive": lambda self: True,
                                            "join": dying.join, "exitcode": dying.exitcode})()
        outcome = worker.build()
        assert outcome == {"ok": False, "error": "the build process died (exit -9)",
                           "seconds": None, "rss_mb": None}
        assert worker.build()["ok"]
    finally:
        worker.close()


def test_only_code_and_settings_changes_start_a_new_build_process() -> None:
    assert devserver.needs_restart({str(ROOT / "plugins" / "briefing" / "render.py")})
    assert devserver.needs_restart({str(ROOT / "pelican.conf.py")})
    assert not devserver.needs_restart({str(ROOT / "content" / "notes" / "a.md"),
                                        str(ROOT / "seeds" / "x.txt"),
                                        str(ROOT / "theme" / "templates" / "base.html")})
