"""Dated events of each briefing, merged across briefings into one chronology.

One module per stage: `extract` finds the dated statements of one briefing's prose, `labels`
says each as a short clause (`clauses` cuts sentences and checks a label has a subject and a
verb), `anchoring` gives year-less dates a year, `matching` tells whether two reports are one
event, `merge` builds the chronology, and `publication` dates briefings through shared events.
"""

from __future__ import annotations

from briefing.dating import PublicationDate, Timex

from .anchoring import check_relative_span, link_events
from .clauses import is_clause, is_prose
from .extract import extract_events
from .labels import make_label
from .matching import MAX_TERM_POSTINGS, key_terms, match_score, same_event, term_weights
from .merge import DISPUTE_VERSIONS_SHOWN, build_chronology
from .model import ChronologyEntry, Event, sort_key
from .publication import refine_publication_dates, settle

__all__ = [
    "DISPUTE_VERSIONS_SHOWN",
    "MAX_TERM_POSTINGS",
    "ChronologyEntry",
    "Event",
    "PublicationDate",
    "Timex",
    "build_chronology",
    "check_relative_span",
    "extract_events",
    "is_clause",
    "is_prose",
    "key_terms",
    "link_events",
    "make_label",
    "match_score",
    "refine_publication_dates",
    "same_event",
    "settle",
    "sort_key",
    "term_weights",
]
