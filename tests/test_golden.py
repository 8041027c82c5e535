"""The whole site against its golden copy (refresh with `make golden`, then review the diff)."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from tools.golden import FILES, GOLDEN


@pytest.mark.parametrize("name", FILES)
def test_output_matches_golden(built_site: Path, name: str) -> None:
    want = (GOLDEN / name).read_text(encoding="utf-8")
    got = (built_site / name).read_text(encoding="utf-8")
    if got != want:
        diff = "".join(list(difflib.unified_diff(
            want.splitlines(keepends=True), got.splitlines(keepends=True),
            f"golden/{name}", f"built/{name}"))[:60])
        pytest.fail(f"{name} differs from the golden copy (run `make golden` if intended):\n"
                    f"{diff}")
