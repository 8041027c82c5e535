"""Reports of the same event merged across briefings into chronology entries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from slugify import slugify

from briefing import timex_grammar as g

from .anchoring import link_with_pairs
from .matching import MAX_TERM_POSTINGS, compatible, same_event, term_weights
from .model import ChronologyEntry, Event, unique_id

# Versions of a disputed date spelled out in its explanation; the others are counted.
DISPUTE_VERSIONS_SHOWN = 4


def _clusters(
    bucket: list[Event], weights: Mapping[str, float], pairs: Mapping[str, tuple[str, ...]]
) -> list[list[Event]]:
    """Groups of reports of one date telling the same event (union-find over shared terms)."""
    parent = list(range(len(bucket)))
    position = {e.id: i for i, e in enumerate(bucket)}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Reports with the same key terms (wire copy reprinted word for word) are one event
    # without comparison; only one representative per term set is compared with the others.
    first_of: dict[tuple[str, ...], int] = {}
    reps: list[int] = []
    for i, e in enumerate(bucket):
        rep = first_of.setdefault(e.terms, i)
        if rep != i and same_event(e, bucket[rep], weights):
            parent[find(i)] = find(rep)
        else:  # the first of its terms, or terms too thin to merge on their own
            reps.append(i)
    by_term: dict[str, list[int]] = defaultdict(list)
    for i in reps:
        for term in bucket[i].terms:
            by_term[term].append(i)
    for i in reps:
        e = bucket[i]
        # Blocking: a term shared by most distinct reports of the day selects no candidate.
        candidates = {j for term in e.terms
                      if len(by_term[term]) <= MAX_TERM_POSTINGS
                      for j in by_term[term] if j > i}
        for j in sorted(candidates):
            if find(i) != find(j) and same_event(e, bucket[j], weights):
                parent[find(j)] = find(i)
        for other in pairs.get(e.id, ()):  # linked when its year was found: same event
            if other in position:
                parent[find(position[other])] = find(i)
    groups: dict[int, list[Event]] = defaultdict(list)
    for i, e in enumerate(bucket):
        groups[find(i)].append(e)
    return [groups[k] for k in sorted(groups)]


def build_chronology(events: Iterable[Event]) -> tuple[ChronologyEntry, ...]:
    """Merge reports of the same event across briefings; index by date, never all pairs."""
    # 1. Year-less reports take the year of the same event dated elsewhere.
    linked, pairs = link_with_pairs(events)
    events = [e for e in linked if e.dated]
    weights = term_weights(events)
    # 2. Group by date, then by shared terms inside each date.
    buckets: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        buckets[e.date].append(e)
    groups = [c for date in sorted(buckets) for c in _clusters(buckets[date], weights, pairs)]
    # 3. Contradictions: one lasting state, two start dates.
    disputes = _disputes(groups)
    # 4. Entries, ids from date and label.
    used: set[str] = set()
    entries: list[ChronologyEntry] = []
    order = sorted(range(len(groups)), key=lambda i: (groups[i][0].sort_key, groups[i][0].id))
    ids = {}
    for i in order:
        first = groups[i][0]
        ids[i] = unique_id(slugify(f"{first.date} {' '.join(first.label.split()[:6])}"), used)
    for i in order:
        reports = tuple(groups[i])
        first = reports[0]
        briefings = tuple(sorted({r.briefing for r in reports}))
        other, text = disputes.get(i, ((), None))
        status = "disputed" if text else ("corroborated" if len(briefings) > 1 else "single-source")
        entries.append(
            ChronologyEntry(
                id=ids[i],
                date=first.date,
                precision=first.precision,
                sort_key=first.sort_key,
                label=first.label,
                briefings=briefings,
                actors=tuple(sorted({a for r in reports for a in r.actors})),
                sources=len(briefings),
                status=status,
                reports=reports,
                dispute=text,
                display=first.display,
                disputed_with=tuple(sorted(ids[j] for j in other)),
            )
        )
    return tuple(entries)


def _disputes(groups: list[list[Event]]) -> dict[int, tuple[tuple[int, ...], str]]:
    """Groups telling the start of the same lasting state with incompatible dates."""
    by_term: dict[str, set[int]] = defaultdict(set)
    state: dict[int, Event] = {}
    for i, group in enumerate(groups):
        for e in group:
            kinds = {t[5:] for t in e.terms if t.startswith("kind:")}
            if e.since and kinds & g.STATE_KINDS:
                state[i] = e
                for term in e.terms:
                    by_term[term].add(i)
                break
    found: dict[int, set[int]] = defaultdict(set)
    for i, e in state.items():
        for j in sorted({j for t in e.terms for j in by_term[t] if j != i}):
            o = state[j]
            shared = (set(e.terms) & set(o.terms)) - {f"kind:{k}" for k in g.STATE_KINDS}
            if (
                o.briefing != e.briefing
                and not compatible(e.date, o.date)
                and {f"kind:{k}" for k in g.STATE_KINDS} & set(e.terms) & set(o.terms)
                and len(shared) >= g.DISPUTE_MIN_SHARED_TERMS
            ):
                found[i].add(j)
    out = {}
    for i, others in found.items():
        members = sorted({i, *others}, key=lambda k: (state[k].sort_key, k))
        said = " ; ".join(
            f"{state[k].briefing} écrit « {_since_phrase(state[k])} » ({state[k].display})"
            for k in members[:DISPUTE_VERSIONS_SHOWN]
        )
        if len(members) > DISPUTE_VERSIONS_SHOWN:
            said += f" ; et {len(members) - DISPUTE_VERSIONS_SHOWN} autres versions"
        out[i] = (
            tuple(sorted(others)),
            f"Les sources ne donnent pas la même date de début : {said}.",
        )
    return out


def _since_phrase(e: Event) -> str:
    """The words from « depuis » to the date, as the source wrote them."""
    at = e.sentence.find(e.timex)
    start = e.sentence.rfind("depuis", 0, at)
    return e.sentence[start : at + len(e.timex)] if start >= 0 else e.timex
