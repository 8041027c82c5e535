"""Headline candidates scored by shape: a title is chosen, never stumbled on.

Used for text seeds (which line is the headline) and for saved pages (which of og:title,
JSON-LD headline, h1 or <title> to show). Only strings in, scores out: no I/O, no model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import linelang, textmeta
from . import patterns as P
from . import textutils as T

# A headline has between these many words (« Brexit : accord trouvé » has 3).
MIN_WORDS = 3
MAX_WORDS = 25
# Beyond this many words each word costs a little: headlines are rarely that long.
LONG_WORDS = 16
LONG_COST = 0.03

# Shapes that are never a headline, each with the reason shown in the audit.
NEVER_TITLE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("adresse web", re.compile(r"^\s*(?:https?://|www\.)\S+\s*$"
                               r"|^[\w.-]+\.[a-z]{2,6}(?:/\S*)?$", re.I)),
    ("adresse e-mail", re.compile(r"^\S+@\S+\.\w+$")),
    ("gabarit non rendu", re.compile(r"^/html/|\{\{.*\}\}|\{%.*%\}|@content|\$\{")),
    ("horodatage", re.compile(r"^[\s\d:./T+\-–—|,hH]*\d{4}[\s\d:./T+\-–—|,hH]*$")),
    # A credit, or a caption closed by its credit (« … négociations© REUTERS/Stringer »).
    ("crédit photo", re.compile(r"^\(?(?:©|Crédits?\b|Photo\b|Illustration\b)"
                                r"|©\s*[\w .’'/-]{1,40}$", re.I)),
    ("légende de photo", re.compile(r"\[[\w.-]+\.\w{2,4}\]\s*$|\(Crédits?\s*:.*\)\s*$", re.I)),
)
# English function words: with two of them, even a short line is not a French headline (the
# language identifier needs longer lines to decide).
ENGLISH_WORDS = frozenset([
    "the", "an", "of", "to", "and", "in", "for", "with", "this", "that", "is", "are",
    "be", "by", "as", "it", "its", "from", "at", "or", "your", "you",
])
# Labels joined by › or >, or by two pipes or more, or spread by wide spaces (breadcrumbs,
# menus): a path through the site, not a headline. One pipe may join a title and its site.
# Clause boundaries where a title written from the lede may be cut.
_CLAUSE_CUT = re.compile(r",\s|\s(?=pour |afin |après |alors |car |qui |dont |mais )")
_PATH = re.compile(r"\s[›>]\s|\s\|\s.*\s\|\s|\s{3,}")
# Bonus for a candidate whose words the article's URL slug repeats (share of its words), and
# for one whose words the lede repeats: headlines announce what the URL and lede tell.
SLUG_WEIGHT = 1.0
LEDE_WEIGHT = 0.5


@dataclass(frozen=True)
class Candidate:
    """One possible headline and where it comes from (a line, a metadata field)."""

    text: str
    source: str
    prior: float = 0.0  # the caller's evidence from position (closer to the lede is better)
    slug: frozenset[str] = frozenset()  # folded words of the article's URL path, if known


def never_title(text: str) -> str | None:
    """Why a line can never be a headline, or None."""
    stripped = text.strip()
    for reason, regex in NEVER_TITLE:
        if regex.search(stripped):
            return reason
    address = textmeta.address_shape(stripped)
    if address:
        return address
    if textmeta.is_stamp_line(stripped):
        return "horodatage"
    if _PATH.search(stripped):
        return "menu ou fil d’Ariane"
    ws = [w.lower() for w in T.words(stripped)]
    if ws and sum(w in ENGLISH_WORDS for w in ws) >= 2 and \
            sum(w in ENGLISH_WORDS for w in ws) / len(ws) >= 0.25:
        return "ligne en anglais"
    lang = linelang.language(stripped)
    if lang is not None and lang != "fr":
        return f"ligne en langue « {lang} »"
    return None


def _content(text: str) -> set[str]:
    """Folded words of three letters or more: what two strings must share to be about one thing."""
    return {w for w in T.words(T.fold_accents(text).replace("'", " ")) if len(w) >= 3}


def overlap(text: str, other: set[str]) -> float:
    """Share of a string's content words found in a set of folded words."""
    mine = _content(text)
    return len(mine & other) / len(mine) if mine and other else 0.0


def coverage(text: str, other: set[str]) -> float:
    """Share of a set's content words (three letters or more) that a string has."""
    theirs = {w for w in other if len(w) >= 3}
    return len(_content(text) & theirs) / len(theirs) if theirs else 0.0


def score(text: str, context: str = "", slug: frozenset[str] = frozenset()) -> float:
    """How much a string looks like a French news headline (0 = never, higher is better).

    `context` (the lede) and `slug` (the URL's words) add evidence: a headline shares words
    with both; a menu label or a kicker shares few.
    """
    if never_title(text):
        return 0.0
    stripped = text.strip()
    n = len(T.words(stripped))
    if n < 2:
        return 0.0
    value = 1.0
    if n < MIN_WORDS or n > MAX_WORDS:
        value -= 0.5
    elif n > LONG_WORDS:
        value -= LONG_COST * (n - LONG_WORDS)  # a long unpunctuated line is more often a chapô
    if re.search(r"[.;,]\s*$", stripped) and not stripped.endswith("..."):
        value -= 0.4  # a sentence, not a headline
    letters = [c for c in stripped if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.6:
        value -= 0.3  # a rubric or a shouted label
    if stripped[:1].islower():
        value -= 0.3  # captions and fragments start in lower case
    # The slug is the headline written for the URL: a headline has most of its words and
    # little else; a kicker has only a few of them (« Incendies en Gironde » above « Incendies
    # en Gironde : Cazaux évacué… »), so both shares count.
    value += SLUG_WEIGHT * (overlap(stripped, set(slug)) + coverage(stripped, set(slug))) / 2
    if context:
        value += LEDE_WEIGHT * overlap(stripped, _content(context))
    return max(value, 0.0)


def choose(candidates: list[Candidate], context: str = "") -> Candidate | None:
    """The best-scoring candidate (earliest on ties), or None when none can be a headline.

    A candidate's score is `score(text, context, slug)` plus its `prior`.
    """
    best: tuple[float, int, Candidate] | None = None
    for i, c in enumerate(candidates):
        s = score(c.text, context, c.slug)
        if s <= 0:
            continue
        s += c.prior
        if best is None or (s, -i) > (best[0], -best[1]):
            best = (s, i, c)
    return best[2] if best else None


def generated_title(lede: str) -> str:
    """A title written from the lede's first sentence, cut at a clause or word boundary."""
    sentence = T.first_sentence(P.WIRE_OPENING.sub("", lede.strip(), count=1))
    sentence = sentence.rstrip(" .")
    if len(sentence) <= P.GENERATED_TITLE_MAX:
        return sentence
    cuts = [m.start() for m in _CLAUSE_CUT.finditer(sentence)
            if 40 <= m.start() <= P.GENERATED_TITLE_MAX]
    if cuts:
        return sentence[: cuts[-1]].rstrip(" ,") + "…"
    cut = sentence.rfind(" ", 0, P.GENERATED_TITLE_MAX)
    head = sentence[: cut if cut > 0 else P.GENERATED_TITLE_MAX].split()
    while head and head[-1].lower() in P.STOPWORDS:
        head.pop()
    return " ".join(head).rstrip(" ,") + "…"
