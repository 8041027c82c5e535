"""Titles and civilities around a name (« le président russe X », « X, ministre, », « M. X »)."""

from __future__ import annotations

import functools
import re

from briefing import actor_lexicon as lex

from .names import (
    SPACES,
)

# An apposition longer than this is a clause, not a title.
MAX_APPOSITION_WORDS = 12


# How far left of a name a title may start.
APPOSITION_WINDOW = 160


@functools.lru_cache(maxsize=1)
def _title_heads_regex() -> re.Pattern[str]:
    """Any title head of the lexicon as a whole word (compiled once)."""
    heads = "|".join(re.escape(h) for h in lex.TITLE_HEADS)
    return re.compile(rf"(?<![\w\-])(?:{heads})(?![\w\-])")


def _title_before(paragraph: str, start: int) -> str | None:
    """The title apposed right before a name ("le président russe" Vladimir Poutine)."""
    window_start = max(0, start - APPOSITION_WINDOW)
    left = paragraph[window_start:start]
    best = None
    for m in _title_heads_regex().finditer(left):
        best = m
    if not best:
        return None
    role = left[best.start():].rstrip(SPACES + ",")
    between = left[best.end():]
    if re.search(rf"(?<!\w)(?:de|du|des|de la|de l[’']|d[’']|à|à la|au|aux|en)[{SPACES}]*$",
                 between):
        # « la maire de Rennes », « le nouveau président, originaire de Ndiaganiao »: a name
        # right after a preposition completes a phrase; it holds no title.
        return None
    words = re.findall(r"[\w’'\-]+", between)
    if (re.search(r"[.;:!?«»()\[\]]", between) or len(words) > MAX_APPOSITION_WORDS
            or any(w.lower() in lex.APPOSITION_STOPWORDS for w in words)):
        return None
    return role


@functools.cache
def _title_after_regex() -> re.Pattern[str]:
    """A comma, a title head and its complement, a comma (built once: 70 heads)."""
    heads = "|".join(re.escape(h) for h in lex.TITLE_HEADS)
    return re.compile(rf"[{SPACES}]*,[{SPACES}]*((?:{heads})(?![\w\-])[^,.;:«»()]*),")


def _title_after(paragraph: str, end: int) -> str | None:
    """The title apposed right after a name (Youri Ouchakov, "assistant du président …",)."""
    m = _title_after_regex().match(paragraph, end)
    if not m or len(m.group(1).split()) > MAX_APPOSITION_WORDS:
        return None
    return m.group(1).strip(SPACES)


@functools.cache
def _civility_regexes() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each civility closing a text, glued (« M.Peskov ») only when it ends with a dot."""
    return tuple((c, re.compile(rf"(?<!\w){re.escape(c)}[{SPACES}]{'*' if c[-1] == '.' else '+'}$"))
                 for c in lex.CIVILITIES)


def _civility_before(paragraph: str, start: int) -> str | None:
    """The civility right before a name (M. Aliyev)."""
    left = paragraph[max(0, start - 6):start]
    return next((c for c, regex in _civility_regexes() if regex.search(left)), None)
