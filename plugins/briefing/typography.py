"""French typography on written pages: non-breaking spaces before `: ; ! ?` and inside « »."""

from __future__ import annotations

import re
from pathlib import Path

NNBSP = "\u202f"  # narrow no-break space: before ; ! ? and inside « » (Imprimerie nationale)
NBSP = "\u00a0"  # no-break space: before the colon
_TAG = re.compile(r"(<[^>]+>)")
# Elements whose text is code or data, never prose.
_RAW = re.compile(r"<(script|style|pre|code|textarea)\b", re.IGNORECASE)
_RAW_END = re.compile(r"</(script|style|pre|code|textarea)\s*>", re.IGNORECASE)
# Only an existing plain space is replaced: words and source text are never changed.
_RULES = (
    # `^`: the text node may start right after an inline tag (`<strong>Trous</strong> : …`).
    (re.compile(r"(?:(?<=\S)|^) (?=[;!?»](?:\s|$|[<.,)]))"), NNBSP),
    (re.compile(r"(?:(?<=\S)|^) (?=:(?:\s|$|<))"), NBSP),
    (re.compile(r"(?<=«) (?=\S)"), NNBSP),
)


def french_spacing(html: str) -> str:
    """Replace breakable spaces by no-break ones in text nodes only (not tags, scripts, code)."""
    parts = _TAG.split(html)
    raw_depth = 0
    for i, part in enumerate(parts):
        if i % 2:  # a tag
            if _RAW.match(part):
                raw_depth += 1
            elif _RAW_END.match(part):
                raw_depth = max(raw_depth - 1, 0)
            continue
        if raw_depth or not part.strip():
            continue
        for regex, space in _RULES:
            part = regex.sub(space, part)
        parts[i] = part
    return "".join(parts)


def on_content_written(path: str, context: object = None) -> None:
    """Pelican `content_written` receiver: fix the typography of every HTML page written."""
    if not path.endswith(".html"):
        return
    file = Path(path)
    text = file.read_text(encoding="utf-8")
    fixed = french_spacing(text)
    if fixed != text:
        file.write_text(fixed, encoding="utf-8")
