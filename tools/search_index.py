"""Build the Pagefind search index over the built HTML (all page types), in French."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def main(output: str = "output") -> int:
    """Run the Pagefind binary shipped by the `pagefind[bin]` package."""
    site = Path(output)
    if not (site / "index.html").is_file():
        print(f"search_index: {site}/index.html missing: build the site first", file=sys.stderr)
        return 2
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site), "--force-language", "fr",
           "--quiet"]
    return subprocess.run(cmd, check=False).returncode


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
