"""The records of the chronology: one dated report, one merged entry, their dates shown."""

from __future__ import annotations

from dataclasses import dataclass

from briefing import dating
from briefing import timex_grammar as g

_WEEKDAY_NAMES = {v: k for k, v in g.WEEKDAYS.items()}


@dataclass(frozen=True)
class Event:
    """A dated statement from one briefing."""

    id: str
    briefing: str
    paragraph: int
    sentence: str
    label: str  # short French label
    date: str  # ISO partial; "XXXX-10-12" or "XXXX-WXX-5" while the year or week is unknown
    precision: str  # day | month | year
    sort_key: str  # padded "YYYY-MM-DD" kept apart from the displayed date
    actors: tuple[str, ...]
    timex: str  # the surface of the expression in the text
    display: str = ""  # French: « 27 septembre 2020 », « fin septembre (année inconnue) »
    modifier: str | None = None
    tense: str | None = None  # past | future | None
    deictic: bool = False  # the expression names the day of writing
    since: bool = False  # « depuis 1991 »: the start of a lasting state
    terms: tuple[str, ...] = ()  # key terms (accent-folded stems, kinds, @actors)
    date_basis: str = ""  # French: where the year or day came from

    @property
    def dated(self) -> bool:
        """True when the date has a year (the chronology can place it)."""
        return not self.date.startswith("X") and "W" not in self.date


@dataclass(frozen=True)
class ChronologyEntry:
    """One event merged across briefings."""

    id: str
    date: str
    precision: str
    sort_key: str
    label: str
    briefings: tuple[str, ...]
    actors: tuple[str, ...]
    sources: int
    status: str  # corroborated | single-source | disputed
    reports: tuple[Event, ...]
    dispute: str | None = None
    display: str = ""
    disputed_with: tuple[str, ...] = ()  # ids of the entries giving another date


def sort_key(value: str, modifier: str | None = None) -> str:
    """Padded "YYYY-MM-DD" for ordering; START/MID/END place a month or year inside itself."""
    year, month, day = dating.parse_value(value) if "W" not in value else (None, None, None)
    y = f"{year:04d}" if year is not None else "9999"
    if month is None:
        m = {"START": "01", "MID": "06", "END": "12"}.get(modifier or "", "00")
        return f"{y}-{m}-00"
    d = (
        f"{day:02d}"
        if day is not None
        else {"START": "01", "MID": "15", "END": "28"}.get(modifier or "", "00")
    )
    return f"{y}-{month:02d}-{d}"


def display_value(value: str, precision: str, modifier: str | None) -> str:
    """Displayed date, year-less and week-less values included."""
    if "W" in value:
        return _WEEKDAY_NAMES[int(value[-1])] + " (semaine inconnue)"
    return dating.display_date(value, precision, modifier)


STATUS_WORD = {"confirmed": "confirmée", "inferred": "inférée", "unknown": "inconnue"}


def unique_id(base: str, used: set[str]) -> str:
    """`base`, or `base-2`, `base-3`… when already taken."""
    candidate, n = base, 1
    while candidate in used:
        n += 1
        candidate = f"{base}-{n}"
    used.add(candidate)
    return candidate
