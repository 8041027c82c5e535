"""French typography on written pages: non-breaking spaces before `: ; ! ?` and inside « »."""

from __future__ import annotations

import re
from pathlib import Path

from . import safeio

NNBSP = "\u202f"  # narrow no-break space: before ; ! ? and inside « » (Imprimerie nationale)
NBSP = "\u00a0"  # no-break space: before the colon
# Elements whose text is code or data, never prose: left exactly as they are.
_RAW = re.compile(r"(<(script|style|pre|code|textarea)\b.*?</\2\s*>)", re.IGNORECASE | re.DOTALL)
# `(?![^<]*>)`: not inside a tag (an attribute value). Only an existing plain space is replaced,
# so words and source text are never changed. The character before may be a tag's `>`
# (`<strong>Trous</strong> : …`).
_RULES = (
    (re.compile(r"(?<=\S) (?=[;!?»](?:\s|$|[<.,)]))(?![^<]*>)"), NNBSP),
    (re.compile(r"(?<=\S) (?=:(?:\s|$|<))(?![^<]*>)"), NBSP),
    (re.compile(r"(?<=«) (?=\S)(?![^<]*>)"), NNBSP),
)


def french_spacing(html: str) -> str:
    """Replace breakable spaces by no-break ones in text (not in tags, scripts or code)."""
    parts = _RAW.split(html)
    # split() with two groups yields: text, whole raw block, tag name, text, ...
    for i in range(0, len(parts), 3):
        for regex, space in _RULES:
            parts[i] = regex.sub(space, parts[i])
    return "".join(p for i, p in enumerate(parts) if i % 3 != 2)


def on_content_written(path: str, context: object = None) -> None:
    """Pelican `content_written` receiver: fix the typography of every HTML page written."""
    if not path.endswith(".html"):
        return
    file = Path(path)
    text = file.read_text(encoding="utf-8")
    fixed = french_spacing(text)
    if fixed != text:
        safeio.write_text(file, fixed)
