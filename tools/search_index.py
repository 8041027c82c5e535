"""Build the Pagefind search index over the built HTML (all page types), in French.

Skipped when no HTML file was added, changed or deleted since the last index of the same output
folder (names and content hashes, not times). Otherwise the index is built afresh in a new
folder that then replaces the old one, so a deleted page leaves nothing behind (Pagefind itself
never removes the fragment of a page that is gone).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "pagefind"
sys.path.insert(0, str(ROOT / "plugins"))
from briefing import safeio  # noqa: E402  (the plugin's folder is not installed)


def html_fingerprint(site: Path) -> str:
    """One hash over the names and bytes of every HTML page (the index is not included)."""
    h = hashlib.sha256()
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site)
        if rel.parts[0].startswith("pagefind"):
            continue
        h.update(rel.as_posix().encode() + b"\0")
        h.update(hashlib.sha256(page.read_bytes()).digest())
    return h.hexdigest()


def main(output: str = "output") -> int:
    """Run the Pagefind binary shipped by the `pagefind[bin]` package when pages changed."""
    site = Path(output)
    if not (site / "index.html").is_file():
        print(f"search_index: {site}/index.html missing: build the site first", file=sys.stderr)
        return 2
    # The build's own lock: a Pelican build of the same folder never writes pages under Pagefind.
    lock = safeio.acquire(site)
    try:
        return index(site)
    finally:
        safeio.release(lock)


def index(site: Path) -> int:
    """Pagefind over `site`, unless its pages are those of the last index."""
    stamp = CACHE / (hashlib.sha256(str(site.resolve()).encode()).hexdigest()[:16] + ".json")
    current = html_fingerprint(site)
    try:
        previous = json.loads(stamp.read_text(encoding="utf-8"))["html"]
    except (OSError, ValueError, KeyError):
        previous = None
    if previous == current and (site / "pagefind" / "pagefind.js").is_file():
        print("search_index: pages unchanged, Pagefind index kept")
        return 0
    fresh, old = site / "pagefind.new", site / "pagefind.old"
    for stale in (fresh, old):
        shutil.rmtree(stale, ignore_errors=True)
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(fresh),
           "--force-language", "fr", "--quiet"]
    code = subprocess.run(cmd, check=False).returncode
    if code == 0:
        if (site / "pagefind").exists():
            (site / "pagefind").rename(old)
        fresh.rename(site / "pagefind")
        shutil.rmtree(old, ignore_errors=True)
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(json.dumps({"html": current}), encoding="utf-8")
    return code


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
