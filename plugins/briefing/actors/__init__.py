"""Actors: named entities, roles, quotes and relays per briefing, resolved to one actor each.

The stages, one module each: `ner` (the spaCy model), `registry` (curated files), `mentions`
(names found and typed in one briefing, roles, relays), `quotes` (speakers), `resolve` (one
actor across briefings). `mentions` leans on `spans` (the model's spans trimmed to names),
`titles` (titles and civilities around a name), `aliases` (acronyms, initials, nicknames,
transliterations: second names in one article) and `evidence` (why a span is or is not an
actor, and of which kind). Records live in `model`, shared name keys in `names`.
"""

from __future__ import annotations

from slugify import slugify

from .mentions import extract_actors
from .model import (
    KINDS,
    Actor,
    ActorIndex,
    AuthorError,
    BriefingActors,
    Mention,
    NerSpan,
    Quote,
    RegistryEntry,
    Relay,
    ResolvedMention,
    ResolvedQuote,
    ResolvedRelay,
    Role,
)
from .names import fold, has_gap, simple_fold, split_name
from .ner import NER_BATCH_SIZE, NER_MAX_CHARS, SPACY_EXCLUDE, SPACY_MODEL, load_nlp, ner_spans
from .registry import parse_registry
from .resolve import link_outlets, resolve_actors

# Bump when extraction or resolution changes, so cached NER/actor output is invalidated.
PIPELINE_VERSION = "actors-2"

__all__ = [
    "KINDS", "NER_BATCH_SIZE", "NER_MAX_CHARS", "PIPELINE_VERSION", "SPACY_EXCLUDE",
    "SPACY_MODEL", "Actor", "ActorIndex", "AuthorError", "BriefingActors", "Mention", "NerSpan",
    "Quote", "RegistryEntry", "Relay", "ResolvedMention", "ResolvedQuote", "ResolvedRelay", "Role",
    "extract_actors", "fold", "has_gap", "link_outlets", "load_nlp", "ner_spans", "parse_registry",
    "resolve_actors", "simple_fold", "slugify", "split_name",
]
