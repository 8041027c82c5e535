"""Years for year-less dates: relative spans, and the same event dated elsewhere."""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from briefing import dating
from briefing import timex_grammar as g

from .matching import same_event, term_weights
from .model import Event, display_value, sort_key

_SINCE_YEARS_RE = re.compile(
    r"\bdepuis\s+(?:(?:plus\s+de|près\s+de|environ)\s+)?(?P<n>\d+|un|deux|trois|quatre|cinq|six|"
    r"sept|huit|neuf|dix)\s+ans\b", re.IGNORECASE)
_NUMBER_WORDS = {"un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
                 "huit": 8, "neuf": 9, "dix": 10}
_YEAR_RE = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def check_relative_span(value: str, timex: str, text: str) -> tuple[str, str] | None:
    """A better year for a year-less date from « depuis trois ans » and a year of the text.

    « déployés depuis trois ans » in a text that names 2020 as the start puts the article in
    2023; a year-less « jeudi 21 décembre » given another year moves there when the weekday
    agrees (21 December 2023 is a Thursday). Returns (value, French basis), or None.
    """
    since = _SINCE_YEARS_RE.search(text)
    if not since or len(value) != 10 or value.startswith("X"):
        return None
    n = since["n"]
    span = int(n) if n.isdigit() else _NUMBER_WORDS[n.lower()]
    year, month, day = (int(x) for x in value.split("-"))
    starts = sorted({int(y) for y in _YEAR_RE.findall(text)})
    weekday = next((d for name, d in g.WEEKDAYS.items()
                    if re.search(rf"\b{name}\b", timex, re.IGNORECASE)), None)
    for start in starts:
        target = start + span
        if target == year or abs(target - year) > span + 1:
            continue
        try:
            moved = datetime.date(target, month, day)
        except ValueError:
            continue
        if weekday is not None and moved.isoweekday() != weekday:
            continue
        return moved.isoformat(), (f"« {since.group()} » après {start} : {target}"
                                   + (", jour de la semaine concordant" if weekday else ""))
    return None


def link_events(events: Iterable[Event]) -> tuple[Event, ...]:
    """Give year-less reports the year of the same event dated elsewhere, then their neighbours."""
    return link_with_pairs(events)[0]


def link_with_pairs(
    events: Iterable[Event],
) -> tuple[tuple[Event, ...], dict[str, tuple[str, ...]]]:
    """`link_events`, plus for each linked report the ids of the reports it was matched to."""
    events = sorted(events, key=lambda e: (e.briefing, e.paragraph, e.id))
    dated = [e for e in events if e.dated]
    weights = term_weights(dated)
    by_month_day: dict[str, list[Event]] = defaultdict(list)
    for e in dated:
        if e.precision == "day":
            by_month_day[e.date[5:]].append(e)
    linked: dict[str, Event] = {}
    pairs: dict[str, tuple[str, ...]] = {}
    anchors: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for e in events:
        if e.dated or "W" in e.date or e.precision != "day":
            continue
        matches = [
            d
            for d in by_month_day.get(e.date[5:], ())
            if d.briefing != e.briefing and same_event(e, d, weights)
        ]
        dates = sorted({d.date for d in matches})
        if len(dates) != 1:
            continue
        others = ", ".join(sorted({d.briefing for d in matches}))
        linked[e.id] = _redate(e, dates[0], f"année du même événement daté par {others}")
        pairs[e.id] = tuple(sorted(d.id for d in matches))
        anchors[e.briefing].add((dates[0], e.timex))
    out = []
    for e in events:
        if e.id in linked:
            out.append(linked[e.id])
            continue
        known = anchors.get(e.briefing, set())
        if e.dated or "W" in e.date or len({d[:4] for d, _ in known}) != 1:
            out.append(e)
            continue
        # A nearer date of the same article anchors the others (the spec's « nearer date »).
        ref_value, ref_text = sorted(known)[0]
        ref = datetime.date.fromisoformat(ref_value)
        _, month, day = dating.parse_value(e.date)
        year = dating._year_for(month, day or 15, ref, None)  # type: ignore[arg-type]
        if year is None:
            out.append(e)
            continue
        value = f"{year:04d}{e.date[4:]}"
        out.append(_redate(e, value, f"année de « {ref_text} » ({ref_value[:4]}), même article"))
    return tuple(out), pairs


def _redate(e: Event, value: str, basis: str) -> Event:
    """The same report with a completed date and the basis saying where it came from."""
    return replace(
        e,
        date=value,
        sort_key=sort_key(value, e.modifier),
        display=display_value(value, e.precision, e.modifier),
        date_basis=basis,
    )
