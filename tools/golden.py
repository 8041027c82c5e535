"""Whole-site golden copy: `refresh` rebuilds tests/golden/ from the real seeds and content.

The golden copy holds the JSON exports, the sitemap, the feed and one page of each kind; the
test `tests/test_golden.py` rebuilds the site and diffs it against this copy. After an intended
change of output, run `make golden` and review the diff in git before committing it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
# Files compared: the public contracts and one page of each kind.
FILES = (
    "api/briefings.json", "api/actors.json", "api/chronology.json", "api/notes.json",
    "sitemap.xml", "feeds/briefings.atom.xml",
    "index.html", "briefings/004-a1c3856fd1dc1f34/index.html",
    "acteurs/nikol-pachinian/index.html", "acteurs/index.html", "chronologie/index.html",
    "verifications/controle-armenien-1991-ou-1994/index.html", "corrections/journal/index.html",
)


def build(output: Path) -> None:
    """The real CLI, with a private NER cache so that nothing outside is reused."""
    cache = output.parent / "cache"
    cmd = [sys.executable, "-m", "pelican", str(ROOT / "content"), "-o", str(output),
           "-s", str(ROOT / "pelican.conf.py"), "-q", "-e",
           f'BRIEFING={{"SEEDS_PATH": "{ROOT / "seeds"}", "CACHE_PATH": "{cache}"}}']
    subprocess.run(cmd, check=True, cwd=ROOT)


def refresh() -> None:
    """Rebuild and replace the golden copy."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "output"
        build(out)
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for name in FILES:
            target = GOLDEN / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(out / name, target)
    print(f"golden: {len(FILES)} files refreshed in {GOLDEN.relative_to(ROOT)}; "
          "review them with git diff before committing")


if __name__ == "__main__":
    if sys.argv[1:] != ["refresh"]:
        sys.exit("usage: python tools/golden.py refresh")
    refresh()
