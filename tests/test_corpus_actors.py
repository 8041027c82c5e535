"""Actors and events on the real-article corpus: floors from the dev scores, totals on test."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("BRIEFING_CORPUS", ROOT / "tests" / "corpus"))
sys.path.insert(0, str(ROOT / "tools"))

# Floors: the figures once cleaning and actors were merged, minus a margin for new samples.
# Dev (28 samples, 14 outlets): precision 0.98, person recall 0.99, labels 0.86, false persons
# 0.03, split actors 0, events from debris 0. Held-out test (18 samples, 9 outlets, never tuned
# on): precision 0.92, person recall 0.98, labels 0.91, false persons 0.12, split actors 1 of
# 60 persons, events from debris 0. The labels that are not clauses are mostly noun labels kept
# on purpose (« Élections municipales » for « les élections municipales de mars 2026 »).
# Dev grew to 48 samples (24 outlets) with twelve samples built hard for actors, scored unseen:
# precision 0.93 (617/664), false persons 0.11 (23/217), person recall 0.96, labels 0.90,
# split actors 4/204; the precision floor and false-person ceiling moved to those figures.
# The actor pass of issue 12 scored them unseen at precision 0.96, false persons 10/207, person
# recall 0.97, labels 212/213, split actors 0; tuned on the 48: precision 0.99 (632/637), false
# persons 0/203, person recall 1.00, labels 212/213, split actors 0. Floors: those, less a margin.
# Dev grew to 58 samples (29 outlets) with a fresh batch of ten scored once unseen (precision
# 0.89, false persons 3/38, person recall 0.92): dev is then precision 0.97 (752/772), false
# persons 3/241, person recall 0.98, labels 268/269, split 0. The false-person ceiling moved to
# 0.02 for them; the others hold.
# The third actor pass added five batches from 23 new templates (dev: 112 samples, 56
# outlets), each scored on first sight at precision 0.91, 0.92, 0.85, 0.97 and 0.85: tuned on,
# dev is precision 0.96 (1559/1623), kinds right 0.97, false persons 4/534, person recall 0.98,
# split actors 7/539, labels 1.00. The precision floor is the target (0.95), recall
# and split move to those figures less a margin; kinds get a floor. The held-back twelve, once
# scored unseen, joined dev (124 samples): precision 0.96, false persons 6/610, recall 0.99.
FLOORS = {
    "dev": {("actor_pages_real", "actor_pages"): 0.95, ("persons_found", "persons"): 0.97,
            ("labels_clause", "events"): 0.97, ("actor_kinds_right", "actor_pages_real"): 0.95},
    "test": {("actor_pages_real", "actor_pages"): 0.88, ("persons_found", "persons"): 0.93,
             ("labels_clause", "events"): 0.85},
}
CEILINGS = {
    "dev": {("false_persons", "person_pages"): 0.02, ("split_actors", "persons"): 0.02,
            ("events_from_debris", "events"): 0.0},
    "test": {("false_persons", "person_pages"): 0.15, ("split_actors", "persons"): 0.03,
             ("events_from_debris", "events"): 0.02},
}


@pytest.fixture(scope="module")
def score_corpus():
    import score_corpus as sc

    sc.CORPUS = CORPUS
    return sc


@pytest.mark.parametrize("split", ["dev", "test"])
def test_corpus_actor_scores(score_corpus, split):
    if not (CORPUS / split).is_dir() or not score_corpus.samples(split):
        pytest.skip(f"no corpus split {CORPUS / split} (tests/corpus/{split} is missing)")
    tally = score_corpus.run(split)
    assert tally.n["samples"] == len(score_corpus.samples(split))
    assert tally.n["actor_pages"] > 0
    # Only totals in the messages: held-out samples are never named.
    for (num, den), floor in FLOORS[split].items():
        assert tally.ratio(num, den) >= floor, (split, num, tally.n[num], tally.n[den])
    for (num, den), ceiling in CEILINGS[split].items():
        assert tally.ratio(num, den) <= ceiling, (split, num, tally.n[num], tally.n[den])
