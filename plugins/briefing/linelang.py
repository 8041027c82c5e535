"""The language of one line: script first, then a maintained identifier (py3langid) checked
against French function-word density. Short lines say too little and stay undecided."""

from __future__ import annotations

import functools
import unicodedata

from . import patterns as P
from . import textutils as T

# Languages the identifier chooses among: French and the languages whose debris and quotes
# French news pages carry (cookie banners, SEO prompts, wire copy, foreign quotes). A closed
# set keeps short lines from being read as rare languages that share a few letter n-grams.
CANDIDATES = ("fr", "en", "es", "it", "de", "pt", "nl", "ru", "uk", "tr", "az", "hy", "ar",
              "pl", "ro", "ca")
# Below this many words the identifier is unreliable: the line is undecided unless its script
# (Cyrillic, Armenian…) already says it is not French.
MIN_WORDS = 4
# The identifier must be this sure (normalised probability) to call a line foreign…
MIN_PROBABILITY = 0.9
# …and the line must have fewer French function words than this (French prose has 0.3–0.5).
MAX_FRENCH_DENSITY = 0.15
# Share of letters in a non-Latin script above which a line is in that script's language.
SCRIPT_SHARE = 0.5
# Unicode script name prefix → the language it most likely is on a French news page.
SCRIPTS = {"CYRILLIC": "ru", "ARMENIAN": "hy", "ARABIC": "ar", "GREEK": "el", "GEORGIAN": "ka",
           "HEBREW": "he", "CJK": "zh", "HIRAGANA": "ja", "KATAKANA": "ja", "HANGUL": "ko"}


@functools.lru_cache(maxsize=1)
def _identifier():
    """The py3langid model, restricted to CANDIDATES, with normalised probabilities.

    Decompressed in memory: py3langid's own loader writes the 68 MB model to a temporary file
    on every build, which a full disk or a file-size limit turns into a crash of the cleaner.
    """
    import io
    import lzma

    import numpy as np
    from py3langid import modelio
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    with lzma.open(MODEL_DIR / MODEL_FILE) as src:
        raw = io.BytesIO(src.read())
    with np.load(raw, allow_pickle=False) as data:
        ident = LanguageIdentifier(
            np.asarray(data["ptc"]), np.asarray(data["pc"]), data["classes"].tolist(),
            modelio._to_array(data["nextmove"]), data["out_feat"].tolist(), norm_probs=True,
            tk_row=modelio._to_array(data["nextmove_row"]))
    ident.set_languages(list(CANDIDATES))
    return ident


def script_language(text: str) -> str | None:
    """The language a non-Latin script gives away (« ru » for Cyrillic), or None."""
    letters = [c for c in text if c.isalpha()]
    if not letters or all(ord(c) < 0x370 for c in letters):
        return None  # Latin letters only (with accents): the common case, decided at once
    counts: dict[str, int] = {}
    for c in letters:
        name = unicodedata.name(c, "")
        for prefix, lang in SCRIPTS.items():
            if name.startswith(prefix):
                counts[lang] = counts.get(lang, 0) + 1
                break
    if not counts:
        return None
    lang, n = max(counts.items(), key=lambda kv: kv[1])
    return lang if n / len(letters) > SCRIPT_SHARE else None


def french_density(text: str) -> float:
    """Share of French function words among the words of a text."""
    ws = T.words(text)
    if not ws:
        return 0.0
    hits = sum(1 for w in ws
               if w.lower() in P.STOPWORDS or w.lower().split("’")[0].split("'")[0]
               in P.STOPWORDS)
    return hits / len(ws)


@functools.lru_cache(maxsize=1 << 14)
def language(text: str) -> str | None:
    """ISO 639-1 code of a line's language outside its quotations, or None when undecided.

    Quoted words are the speaker's, not the page's: « “We will win”, a-t-il dit » is French.
    """
    spans = T.quote_spans(text)
    outside = _outside(text, spans)
    if spans and len(T.words(outside)) < MIN_WORDS:
        return None  # a quotation standing alone: whatever its language, it is quoted
    by_script = script_language(outside)
    if by_script:
        return by_script
    if len(T.words(outside)) < MIN_WORDS:
        return None
    lang, prob = _identifier().classify(outside)
    if lang == "fr" or french_density(outside) >= MAX_FRENCH_DENSITY:
        return "fr"
    return lang if prob >= MIN_PROBABILITY else None


def _outside(text: str, spans: list[tuple[int, int]]) -> str:
    """The text without its quotations (spans may overlap or nest)."""
    parts: list[str] = []
    pos = 0
    for a, b in sorted(spans):
        if a > pos:
            parts.append(text[pos:a])
        pos = max(pos, b)
    parts.append(text[pos:])
    return "".join(parts)


def is_foreign(text: str) -> bool:
    """True when a line is, outside its quotations, in a language other than French."""
    lang = language(text)
    return lang is not None and lang != "fr"
