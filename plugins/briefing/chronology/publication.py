"""Publication dates refined through events shared with other briefings."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace

from briefing import dating
from briefing.dating import PublicationDate

from .anchoring import link_events
from .extract import extract_events
from .matching import MAX_TERM_POSTINGS, same_event, term_weights
from .model import STATUS_WORD, Event


def _own_day_events(events: Sequence[Event]) -> list[Event]:
    """Weekday reports naming the day of writing (« plus tard vendredi », or past and future)."""
    tenses: dict[str, set[str | None]] = defaultdict(set)
    for e in events:
        if "W" in e.date:
            tenses[e.date].add(e.tense)
    return [
        e for e in events if "W" in e.date and (e.deictic or {"past", "future"} <= tenses[e.date])
    ]


def refine_publication_dates(
    pubs: Mapping[str, PublicationDate], events: Iterable[Event]
) -> dict[str, PublicationDate]:
    """Date unknown briefings through the same event reported by a dated briefing."""
    events = sorted(events, key=lambda e: (e.briefing, e.paragraph, e.id))
    out = dict(sorted(pubs.items()))
    known = {b for b, p in pubs.items() if p.value and p.status in ("confirmed", "inferred")}
    dated = [e for e in events if e.dated and e.precision == "day" and e.briefing in known]
    weights = term_weights([e for e in events if e.dated])
    # One candidate per distinct (date, terms): reprinted reports select nothing new.
    by_term: dict[str, list[Event]] = defaultdict(list)
    # The same postings split by weekday: a weekday report is compared with that day's only.
    by_term_day: dict[tuple[str, int], list[Event]] = defaultdict(list)
    distinct: dict[tuple[str, tuple[str, ...]], Event] = {}
    for e in dated:
        if (e.date, e.terms) in distinct:
            continue
        distinct[(e.date, e.terms)] = e
        weekday = datetime.date.fromisoformat(e.date).isoweekday()
        for term in e.terms:
            by_term[term].append(e)
            by_term_day[(term, weekday)].append(e)
    by_briefing: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        by_briefing[e.briefing].append(e)
    linked = {e.id: e for e in link_events(events)}
    for briefing, pub in out.items():
        if pub.status != "unknown":
            continue
        own = by_briefing.get(briefing, [])
        lo = pub.not_before and dating._sort_value(pub.not_before, False)
        hi = pub.not_after and dating._sort_value(pub.not_after, True)
        # 1. The day of writing is a weekday: find that day's event dated by another briefing.
        for e in _own_day_events(own):
            weekday = int(e.date[-1])
            # Candidates share a term; each is compared once (not once per shared term), and
            # terms every report uses (the background) select nothing.
            candidates = {
                d.id: d
                for term in e.terms
                if len(by_term.get(term, ())) <= MAX_TERM_POSTINGS
                for d in by_term_day.get((term, weekday), ())
                if d.briefing != briefing
            }
            matches = {
                i: d for i, d in sorted(candidates.items())
                # Inside this briefing's publication range (bounds computed once above).
                if (not lo or d.date >= lo) and (not hi or d.date <= hi)
                and same_event(e, d, weights)
            }
            dates = sorted({d.date for d in matches.values()})
            if len(dates) == 1:
                d = min(matches.values(), key=lambda m: (m.briefing, m.paragraph))
                source = out[d.briefing]
                out[briefing] = PublicationDate(
                    dates[0],
                    "inferred",
                    (
                        f"« {e.timex} » désigne le jour de parution (le texte en parle au passé "
                        f"et au futur) ; l'événement est celui que {d.briefing} date du "
                        f"{d.display} "
                        f"(date {STATUS_WORD[source.status]} : {source.basis})"
                    ),
                )
                break
        if out[briefing].status != "unknown":
            continue
        # 2. Year-less dates tied to a dated event narrow the range.
        not_before, not_after, why = pub.not_before, pub.not_after, []
        for e in own:
            r = linked.get(e.id, e)
            if e.dated or not r.dated or r.precision != "day":
                continue
            if r.tense == "past" and (
                not not_before or r.date > dating._sort_value(not_before, True)
            ):
                not_before = r.date
                why.append(f"« {e.timex} » ({r.display}, {r.date_basis}) est raconté au passé")
            elif r.tense == "future" and (
                not not_after or r.date < dating._sort_value(not_after, False)
            ):
                not_after = r.date
                why.append(f"« {e.timex} » ({r.display}, {r.date_basis}) est annoncé au futur")
        if why:
            out[briefing] = replace(
                pub,
                not_before=not_before,
                not_after=not_after,
                range_label=dating.range_label(not_before, not_after),
                basis=pub.basis.rstrip(".") + " ; " + " ; ".join(why[-2:]) + ".",
            )
    return out


def settle(
    bodies: Mapping[str, Sequence[str]],
    pubs: Mapping[str, PublicationDate],
    actor_spans: Mapping[str, Sequence[Sequence[tuple[int, int, str]]]] | None = None,
    extract: Callable[..., tuple[Event, ...]] | None = None,
) -> tuple[dict[str, PublicationDate], tuple[Event, ...]]:
    """Extract events and refine publication dates from each other until nothing changes.

    `extract` stands for `extract_events` (the pipeline passes it through its per-seed cache).
    """
    extract = extract or extract_events
    spans = actor_spans or {}
    current = dict(sorted(pubs.items()))
    # A pass re-extracts only the briefings whose publication date changed.
    done: dict[tuple[str, PublicationDate], tuple[Event, ...]] = {}

    def events_of(b: str) -> tuple[Event, ...]:
        key = (b, current[b])
        if key not in done:
            done[key] = extract(b, bodies[b], current[b], spans.get(b, ()))
        return done[key]

    for _ in range(len(bodies) + 1):
        events = tuple(e for b in sorted(bodies) for e in events_of(b))
        refined = refine_publication_dates(current, events)
        if refined == current:
            return current, events
        current = refined
    return current, events
