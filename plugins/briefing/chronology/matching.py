"""Key terms of a report, and whether two reports tell the same event."""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from briefing import textutils as T
from briefing import timex_grammar as g

from .model import Event

# A term found in more dated reports than this is too common to select candidates for a match.
MAX_TERM_POSTINGS = 400


_fold = T.fold_accents


_STOP = frozenset(_fold(w) for w in g.STOPWORDS)
_TOKEN_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def key_terms(sentence: str, actors: Iterable[str] = ()) -> tuple[str, ...]:
    """Accent-folded stems, event kinds (« kind:talks ») and actors (« @russie »)."""
    terms: set[str] = {f"@{a}" for a in actors}
    for token in _TOKEN_RE.findall(re.sub(r"\b[a-z]'", " ", _fold(sentence))):
        if len(token) < 4 or token in _STOP or token.isdigit():
            continue
        terms.add(token[: g.TERM_STEM])
        terms.update(_token_kinds(token))
    return tuple(sorted(terms))


@functools.lru_cache(maxsize=1 << 16)
def _token_kinds(token: str) -> tuple[str, ...]:
    """The event kinds a word signals (« kind:talks »), computed once per distinct word."""
    return tuple(f"kind:{kind}" for kind, stems in g.EVENT_KINDS.items()
                 if any(token.startswith(stem) for stem in stems))


def term_weights(events: Sequence[Event]) -> dict[str, float]:
    """Weight of each key term: full up to two dates (an event and its echo), then shrinking."""
    dates_of: dict[str, set[str]] = defaultdict(set)
    for e in events:
        for term in e.terms:
            dates_of[term].add(e.date)
    return {t: min(1.0, g.TERM_FULL_WEIGHT_DATES / len(ds)) for t, ds in dates_of.items()}


@functools.lru_cache(maxsize=65536)
def _term_sets(terms: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """An event's key terms split into kinds and the others, once per distinct term tuple."""
    kinds = frozenset(t for t in terms if t.startswith("kind:"))
    return kinds, frozenset(terms) - kinds


def match_score(a: Event, b: Event, weights: Mapping[str, float]) -> tuple[int, float]:
    """(shared kinds, weighted evidence) that two reports tell the same event."""
    kinds_a, rest_a = _term_sets(a.terms)
    kinds_b, rest_b = _term_sets(b.terms)
    kinds = len(kinds_a & kinds_b)
    # fsum is exact whatever the order: the total never depends on the hash seed.
    return kinds, kinds + math.fsum(map(weights.get, rest_a & rest_b, itertools.repeat(1.0)))


def same_event(a: Event, b: Event, weights: Mapping[str, float] | None = None) -> bool:
    """True when two reports share kinds and specific terms enough to be one event."""
    kinds_a, rest_a = _term_sets(a.terms)
    kinds_b, rest_b = _term_sets(b.terms)
    kinds = len(kinds_a & kinds_b)
    shared = rest_a & rest_b
    need = g.MERGE_MIN_SCORE_WITHIN if a.briefing == b.briefing else g.MERGE_MIN_SCORE_ACROSS
    need = need if kinds else need + g.MERGE_NO_KIND_EXTRA
    # A term weighs at most 1 (`term_weights`, and 1 when unweighed): too few shared terms
    # never reach the bar, and most pairs stop here without summing (a rebuild compares
    # hundreds of thousands). The sum is `match_score`'s.
    if kinds + len(shared) < need:
        return False
    return kinds + math.fsum(map((weights or {}).get, shared, itertools.repeat(1.0))) >= need


def compatible(a: str, b: str) -> bool:
    """True when one ISO partial date contains the other (1994 and 1994-05)."""
    return a.startswith(b) or b.startswith(a)
