"""Dated events of one briefing, from its article prose only."""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from slugify import slugify

from briefing import dating
from briefing.dating import PublicationDate, Timex

from .anchoring import check_relative_span
from .clauses import is_clause, is_prose
from .labels import (
    RUBRIC_RE,
    apposed_date_clause,
    clause_around,
    cut,
    make_label,
    relative_as_clause,
)
from .matching import key_terms
from .model import STATUS_WORD, Event, display_value, sort_key, unique_id

_SUBORDINATE_RE = re.compile(
    r"^(?:que|qu[’']|qui|dont|où|lorsque|lorsqu[’']|quand|puisque|parce\s+que|si|afin\s+que)\b",
    re.IGNORECASE)

_BASIS = {
    "explicit": "date complète dans le texte",
    "anchor": "complétée par la date de parution ({status})",
    "passage": "année d'une date voisine du même passage",
    "weekday": "année où ce jour tombe le jour de la semaine cité, près de la date de parution",
    "reference": "renvoie à la date citée juste avant",
}


def _event_value(t: Timex) -> tuple[str, str] | None:
    """Date and precision an expression gives an event, None if it cannot date one."""
    if t.value is None or (t.kind == "season" and not t.complete):
        return None  # a season without a year dates nothing
    if t.kind == "range" and t.complete and t.value_end and "X" not in t.value_end:
        lo = datetime.date.fromisoformat(t.value)
        hi = datetime.date.fromisoformat(t.value_end)
        value, precision = dating.coarsen(lo, hi)
        return (value, precision) if precision in dating.PRECISIONS else None
    if t.precision not in dating.PRECISIONS:
        return None
    return t.value, t.precision


def extract_events(
    briefing_id: str,
    paragraphs: Sequence[str],
    pub: PublicationDate,
    actor_spans: Sequence[Sequence[tuple[int, int, str]]] = (),
) -> tuple[Event, ...]:
    """Dated statements of one briefing, resolved against its publication date."""
    anchor = dating.Anchor.from_value(pub.value)
    reference: str | None = None
    events: list[Event] = []
    seen: set[tuple[int, int, str]] = set()
    used_ids: set[str] = set()
    for index, paragraph in enumerate(paragraphs):
        spans = actor_spans[index] if index < len(actor_spans) else ()
        timexes = dating.resolve_with(dating.tag(paragraph), anchor, reference)
        groups = _enumeration_spans(paragraph, timexes)
        for t, (g_start, g_end) in zip(timexes, groups, strict=True):
            if t.value and t.precision == "day" and t.value.count("-") == 2 and "W" not in t.value:
                reference = t.value
            if any(a0 <= t.start and t.end <= a1 for a0, a1, _ in spans):
                continue  # « le Mouvement du 23 mars »: a date inside a name dates nothing
            got = _event_value(t)
            if got is None:
                continue
            value, precision = got
            s_start, s_end = next(
                ((a, b) for a, b in dating.sentence_spans(paragraph) if a <= t.start < b),
                (0, len(paragraph)),
            )
            if (index, s_start, value) in seen:
                continue
            seen.add((index, s_start, value))
            sentence = paragraph[s_start:s_end].strip()
            if not is_prose(sentence):
                continue  # a headline, timestamp, credit or related link dates no fact
            offset = s_start + (
                len(paragraph[s_start:s_end]) - len(paragraph[s_start:s_end].lstrip())
            )
            actors = tuple(sorted({a for a0, a1, a in spans if a0 < s_end and a1 > s_start}))
            future = bool(pub.value) and not value.startswith("X") and value[:len(pub.value)] \
                > pub.value[:len(value)]
            label = make_label(sentence, max(g_start, s_start) - offset,
                               min(g_end, s_end) - offset, future)
            if t.kind == "range" and precision != "day":
                # « du 6 janvier au 8 avril » dated by its year: the label keeps the span.
                label = clause_around(sentence, t.start - offset, t.end - offset) or label
            before = sentence[: max(g_start, s_start) - offset]
            others = {x.value for x in timexes
                      if s_start <= x.start < s_end and x.value} - {t.value}
            head = re.sub(r"[\s,]*(?:le|la|les|du|au)?\s*$", "", before, flags=re.IGNORECASE)
            if _SUBORDINATE_RE.match(label) and is_clause(head):
                # « …ont annoncé, mercredi 20 septembre, qu’elles acceptaient … »: the main
                # clause before the date gives the subordinate clause its subject.
                label = cut(f"{head} {label[:1].lower()}{label[1:]}")
            elif not is_clause(label) or _SUBORDINATE_RE.match(label):
                # « Erevan et Bakou »: the label lost its verb. The clause holding the date
                # says the fact, with its subject and the date itself; else the sentence does,
                # unless it dates something else too (it would lend this date that fact).
                rubric = len(sentence) - len(RUBRIC_RE.sub("", sentence))
                if max(g_start, s_start) - offset < rubric:
                    rubric = 0  # the date is in the dateline: the sentence is kept whole
                at = (max(g_start, s_start) - offset - rubric, min(g_end, s_end) - offset - rubric)
                body = sentence[rubric:]
                label = clause_around(body, *at) or apposed_date_clause(body, *at, future) or (
                    cut(RUBRIC_RE.sub("", sentence.rstrip(" ."))) if not others else label)
            label = relative_as_clause(label)
            if not is_clause(label):
                continue  # no clause says what the date dates: no fact to place
            basis = _BASIS.get(t.resolved_by or "", "année inconnue : date incomplète")
            if t.resolved_by in ("anchor", "passage") and precision == "day" \
                    and pub.status != "confirmed" and not pub.printed:
                # A verified or printed publication date outranks the check.
                moved = check_relative_span(value, t.text, " ".join(paragraphs))
                if moved:
                    value, basis = moved
            events.append(
                Event(
                    id=unique_id(
                        slugify(f"{briefing_id} {value} {' '.join(label.split()[:5])}"), used_ids
                    ),
                    briefing=briefing_id,
                    paragraph=index,
                    sentence=sentence,
                    label=label,
                    date=value,
                    precision=precision,
                    sort_key=sort_key(value, t.modifier),
                    actors=actors,
                    timex=t.text,
                    display=display_value(value, precision, t.modifier),
                    modifier=t.modifier,
                    tense=t.tense,
                    deictic=t.deictic,
                    since=t.since,
                    terms=key_terms(sentence, actors),
                    date_basis=basis.format(status=STATUS_WORD.get(pub.status, pub.status)),
                )
            )
    return tuple(events)


_ENUM_GAP_RE = re.compile(r"^[\s,]*(?:et|ou|&)?\s*(?:le|du)?\s*$", re.IGNORECASE)


def _enumeration_spans(text: str, timexes: Sequence[Timex]) -> list[tuple[int, int]]:
    """Span of the whole enumeration each expression belongs to (« les 10, 17 et 26 octobre »)."""
    spans = [(t.start, t.end) for t in timexes]
    for i in range(len(timexes) - 1):
        a, b = timexes[i], timexes[i + 1]
        if a.kind == b.kind and a.kind in ("date", "year") \
                and _ENUM_GAP_RE.match(text[a.end : b.start]):
            spans[i + 1] = (spans[i][0], spans[i + 1][1])
    for i in range(len(timexes) - 2, -1, -1):
        if spans[i + 1][0] == spans[i][0]:
            spans[i] = spans[i + 1]
    return spans
