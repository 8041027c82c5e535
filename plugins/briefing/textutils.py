"""Shared French text utilities: one accent fold, one sentence splitter, one quote-span finder.

Cleaning, actors, dating, chronology and fact-checking all compare words, cut sentences and skip
quotations; they do it here, the same way, so that a name folded by one stage matches the same
name folded by another, and a sentence boundary is the same everywhere.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Spaces French typography uses between words: plain, no-break, narrow no-break, tab.
SPACES = " \u00a0\u202f\t"
# Quotation marks that enclose a quote, outermost style first.
QUOTE_PAIRS = (("«", "»"), ("“", "”"))
# The French guillemets, found by the regex engine rather than a Python loop over characters.
_GUILLEMETS = re.compile("[«»]")

_WORD = re.compile(r"[\w’'-]+", re.UNICODE)
# A sentence ends at . ! ? or … followed by space and an upper-case letter or an opening quote.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\s\u00a0\u202f]+(?=[«\"“A-ZÀ-ÖØ-Þ])")
# Abbreviations whose full stop does not end a sentence: initials (« J. Biden »), civilities
# (« M. Aliyev », « MM. », « Mme », « Mmes », « Mlle »), titles (« Dr », « Pr », « Mgr »),
# « St »/« Ste » in place names, « P.S », « av. J.-C. » and « n° » style references.
ABBREVIATIONS = r"(?:\b[A-Z]|\bMM?|\bMmes?|\bMlle|\bDr|\bPr|\bMgr|\bSte?|\bP\.S|\bav|\bJ\.-C|\bn°)"
_ABBREVIATION_END = re.compile(ABBREVIATIONS + r"\.$")


def strip_accents(text: str) -> str:
    """Drop combining accents (é → e), keep the case."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.lru_cache(maxsize=1 << 16)
def fold_accents(text: str) -> str:
    """Lower case without accents and with straight apostrophes; every other character kept."""
    return strip_accents(text.lower().replace("’", "'"))


@functools.lru_cache(maxsize=1 << 16)
def match_key(text: str, keep: str = "'-") -> str:
    """Case-, accent-, apostrophe- and spacing-insensitive key for matching names and labels.

    Punctuation other than `keep` becomes a space; runs of spaces become one.
    """
    folded = fold_accents(text)
    allowed = re.escape(keep)
    return " ".join(re.sub(rf"[^\w{allowed} ]", " ", folded).split())


def normalise_line(text: str) -> str:
    """A key to compare lines or blocks: case folded, runs of spaces made one."""
    return re.sub(r"\s+", " ", text).strip().casefold()


def words(text: str) -> list[str]:
    """The words of a text, apostrophes and hyphens kept inside words."""
    return _WORD.findall(text)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; « M. Aliyev », « J. Biden » and « P.S » stay whole."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if _ABBREVIATION_END.search(text[start:match.start()]):
            continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def sentence_at(text: str, pos: int) -> tuple[int, int]:
    """The (start, end) of the sentence holding offset `pos` (or the next one, between two)."""
    spans = sentence_spans(text)
    for a, b in spans:
        if pos < b:
            return a, b
    return (spans[-1][0] if spans else 0), len(text)


def first_sentence(text: str) -> str:
    """The first sentence of a text."""
    spans = sentence_spans(text)
    return text[spans[0][0]:spans[0][1]].strip() if spans else text.strip()


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation, marks included; nested « » stay inside the outer one.

    « … » (nesting counted), “ … ” and pairs of straight quotes; overlapping spans keep the
    earliest.
    """
    return list(_quote_spans(text))


@functools.lru_cache(maxsize=1 << 12)
def _quote_spans(text: str) -> tuple[tuple[int, int], ...]:
    """`quote_spans`, memoised: each stage asks again for the same paragraph's quotations."""
    spans: list[tuple[int, int]] = []
    depth, start = 0, 0
    for mark in _GUILLEMETS.finditer(text):
        i, ch = mark.start(), mark.group()
        if ch == "«":
            if depth == 0:
                start = i
            depth += 1
        elif ch == "»" and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i + 1))
    for left, right in QUOTE_PAIRS[1:]:
        pos = 0
        while (i := text.find(left, pos)) >= 0:
            j = text.find(right, i + 1)
            if j < 0:
                break
            spans.append((i, j + 1))
            pos = j + 1
    straight = [m.start() for m in re.finditer('"', text)]
    spans.extend((a, b + 1) for a, b in zip(straight[0::2], straight[1::2], strict=False))
    spans.sort()
    kept: list[tuple[int, int]] = []
    for span in spans:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return tuple(kept)


def inside_quote(spans: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    """The quotation span holding `pos`, if any."""
    return next(((a, b) for a, b in spans if a <= pos < b), None)


def mask_quotes(text: str, spans: list[tuple[int, int]] | None = None) -> str:
    """The text with quote interiors blanked (same length), so narration logic skips them."""
    chars = list(text)
    for a, b in quote_spans(text) if spans is None else spans:
        for k in range(a + 1, b - 1):
            chars[k] = "x"
    return "".join(chars)
