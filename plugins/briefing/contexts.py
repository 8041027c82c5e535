"""Template contexts: one frozen record per template, the only page data a template reads.

Each page of the plugin is rendered from one of the records below (`PageSpec.record`), passed to
its template as variables of the same names. Besides its record a template reads only Pelican's
shared globals (`SITENAME`, `SITESUBTITLE`, `SITEURL`, `FEED_DOMAIN`, `output_file`, `pages`)
and the constants and filters of `render.install_filters`: those are hashed once per build
(`render_inputs` in the generator), the record once per page (`record_hash`). A page whose hash
is the one recorded by the previous build, and whose file is still the one that build wrote, is
neither rendered nor written (see `incremental.py`). `tests/test_contexts.py` checks every
template's variables against its record's fields, like Datasette's `test_template_context.py`.

URLs in records are site-relative (`briefings/slug/`); templates prefix `SITEURL`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from typing import Any, ClassVar

from .actors import Actor
from .chronology import ChronologyEntry
from .factcheck import Correction, Note
from .pipeline import Briefing

# Bump when the canonical form below changes (every page is then rendered again).
CANONICAL_VERSION = "2"


# Small views shared by several records -------------------------------------------------------


@dataclass(frozen=True)
class Link:
    """A site-relative URL and the text of its link."""

    url: str
    text: str


@dataclass(frozen=True)
class ActorRef:
    """An actor in a list: where, name, kind key, and how often cited."""

    url: str
    name: str
    kind: str  # key of ACTOR_KIND_LABELS
    briefings: int  # briefings citing the actor
    mentions: int  # mentions over all briefings
    curated: bool  # written by the newsroom (content/actors/)


@dataclass(frozen=True)
class KindLink:
    """A link to an actor with its kind only (no counts: they change with every seed)."""

    url: str
    text: str
    kind: str  # key of ACTOR_KIND_LABELS


@dataclass(frozen=True)
class Counted:
    """A link with a count (briefings shared, mentions, events)."""

    url: str
    text: str
    count: int


@dataclass(frozen=True)
class NoteRef:
    """A fact-check note and its URL (the verdict badge reads `note.verdict`)."""

    url: str
    note: Note


@dataclass(frozen=True)
class EventRef:
    """A short link to a chronology entry: its anchor on its year page, date, label, status."""

    url: str
    date: str
    display: str  # the date as written by the source, or ""
    label: str
    status: str  # corroborated | single-source | disputed


@dataclass(frozen=True)
class EventItem:
    """One chronology entry in a timeline (`_event_item.html`)."""

    entry: ChronologyEntry
    dispute_html: str  # escaped, briefing ids linked; "" when not disputed
    briefings: tuple[Link, ...]  # the first 5 reporting briefings
    more_briefings: int  # how many more report it
    actors: tuple[Link, ...]  # the first 8 known actors
    notes: tuple[NoteRef, ...]  # fact-checks about this event


@dataclass(frozen=True)
class QuoteItem:
    """A quote: its words, who said it (None: unattributed) and the briefing quoting it."""

    text: str
    basis: str
    has_gap: bool
    speaker: Link | None
    briefing: Link | None


@dataclass(frozen=True)
class RelayItem:
    """Words a briefing relays from an agency: paragraph (from 0), agency, the cue."""

    paragraph: int
    agency: str
    agency_link: Link | None
    cue: str


@dataclass(frozen=True)
class FigureItem:
    """A figure quoted by a briefing: as written, how many briefings give it, disputed."""

    text: str
    sources: int
    disputed: bool


@dataclass(frozen=True)
class RoleItem:
    """A role given to an actor, the briefings giving it (None: the newsroom's file)."""

    role: str
    sources: tuple[Link | None, ...]  # the first ROLE_SOURCES_MAX
    more: int  # briefings giving it beyond those


@dataclass(frozen=True)
class Paging:
    """Position in a list cut into pages (folder-style `…/page/N/`); URLs site-relative."""

    number: int = 1
    count: int = 1
    previous_url: str | None = None
    next_url: str | None = None


# One record per template --------------------------------------------------------------------


@dataclass(frozen=True)
class HomePage:
    """`index.html`: one page of the latest briefings, with the most cited actors."""

    template: ClassVar[str] = "index"
    briefings: tuple[Briefing, ...]
    top_actors: tuple[ActorRef, ...]
    recent_events: tuple[EventRef, ...]
    paging: Paging


@dataclass(frozen=True)
class BriefingPage:
    """`briefing.html`: one briefing, its text annotated, its panel and its audit."""

    template: ClassVar[str] = "briefing"
    briefing: Briefing
    paragraphs_html: tuple[str, ...]  # escaped; links rooted by the `rooted` filter
    removed_groups: tuple[tuple[str, int], ...]  # (French label of a removal class, count)
    outlet_html: str | None  # the newsroom's note on the outlet, sanitised by the template
    date_basis_html: str  # escaped, briefing ids linked
    notes: tuple[NoteRef, ...]
    actors: tuple[KindLink, ...]
    events: tuple[EventRef, ...]
    quotes: tuple[QuoteItem, ...]
    relays: tuple[RelayItem, ...]
    figures: tuple[FigureItem, ...]
    jsonld: str


@dataclass(frozen=True)
class ActorsPage:
    """`actors.html`: every actor, grouped by kind (kind, (plural, singular), actors)."""

    template: ClassVar[str] = "actors"
    by_kind: tuple[tuple[str, tuple[str, str], tuple[ActorRef, ...]], ...]


@dataclass(frozen=True)
class ActorPage:
    """`actor.html`: one page of an actor; the timeline and panel are on the first page only."""

    template: ClassVar[str] = "actor"
    actor: Actor
    roles: tuple[RoleItem, ...]
    timeline: tuple[EventItem, ...]  # the latest ACTOR_TIMELINE_MAX events, date order
    timeline_total: int
    quotes: tuple[QuoteItem, ...]  # this page's quotes
    quote_total: int
    briefings: tuple[Counted, ...]  # this page's briefings, with mentions
    briefing_total: int
    comentions: tuple[Counted, ...]  # actors cited in the same briefings, shared briefings
    notes: tuple[NoteRef, ...]
    jsonld: str
    paging: Paging


@dataclass(frozen=True)
class ChronologyPage:
    """`chronology.html`: the chronology, a year or a person's events, or the list of years."""

    template: ClassVar[str] = "chronology"
    groups: tuple[tuple[str, tuple[tuple[str, tuple[EventItem, ...]], ...]], ...]
    filter_label: str | None
    filter_year: str | None
    filter_actor: str | None  # URL of the person's chronology, when filtered by person
    years: tuple[str, ...]  # every year with events, latest first
    persons: tuple[Counted, ...]  # persons' chronology pages, with their event counts
    year_summary: tuple[tuple[str, int, int], ...]  # (year, events, disputed)
    total: int
    jsonld: str
    paging: Paging


@dataclass(frozen=True)
class NotePage:
    """`note.html`: one fact-check and what it concerns."""

    template: ClassVar[str] = "note"
    note: Note
    briefings: tuple[Link, ...]
    actors: tuple[Link, ...]
    events: tuple[EventRef, ...]
    jsonld: str


@dataclass(frozen=True)
class NotesPage:
    """`notes.html`: every fact-check, latest first."""

    template: ClassVar[str] = "notes"
    notes: tuple[NoteRef, ...]


@dataclass(frozen=True)
class CorrectionsLogPage:
    """`corrections_log.html`: every correction, latest first, with its note."""

    template: ClassVar[str] = "corrections_log"
    corrections: tuple[tuple[Correction, NoteRef], ...]


@dataclass(frozen=True)
class SearchPage:
    """`search.html`: the search form (Pagefind), nothing from the site."""

    template: ClassVar[str] = "search"


@dataclass(frozen=True)
class NotFoundPage:
    """`404.html`: served at any depth, links absolute."""

    template: ClassVar[str] = "404"


PageRecord = (HomePage | BriefingPage | ActorsPage | ActorPage | ChronologyPage | NotePage
              | NotesPage | CorrectionsLogPage | SearchPage | NotFoundPage)
RECORDS: tuple[type, ...] = (HomePage, BriefingPage, ActorsPage, ActorPage, ChronologyPage,
                             NotePage, NotesPage, CorrectionsLogPage, SearchPage, NotFoundPage)


def variables(record: Any) -> dict[str, Any]:
    """The record as template variables (its fields, shallow)."""
    return {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}


# Records share large objects (a briefing is on its page and on a home page, an event on many
# timelines): each is serialised once per build and stands for itself by its digest.
_SHARED_TYPES = (Briefing, ChronologyEntry, Actor, Note, EventItem)
_memo: dict[int, tuple[Any, list[str]]] = {}
# The last build's digests, kept by a resident process (`next_build`): objects that build and
# this one share (the same records, kept in memory) are not serialised again.
_previous: dict[int, tuple[Any, list[str]]] = {}
# Field names per dataclass: `dataclasses.fields` is slow, and called 100,000 times a build.
_FIELDS: dict[type, tuple[str, ...]] = {}


def clear_memo() -> None:
    """Forget the digests of the last build's objects (call once per build)."""
    _memo.clear()
    _previous.clear()


def next_build() -> None:
    """A resident process's new build: keep the last build's digests, forget older ones."""
    global _memo, _previous
    _previous, _memo = _memo, {}


def _encode(value: Any) -> Any:
    """json.dumps hook: a dataclass as [class, *fields]; anything unknown is refused."""
    # Strings (Markup too: its text is what is rendered), numbers, None, tuples, lists and
    # dicts with string keys are encoded by json itself.
    names = _FIELDS.get(type(value))
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELDS[type(value)] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        form = [type(value).__name__, *(getattr(value, name) for name in names)]
        if not isinstance(value, _SHARED_TYPES):
            return form
        # Each entry holds its object: an id is never reused while its entry lives.
        hit = _memo.get(id(value))
        if hit is None or hit[0] is not value:
            hit = _previous.get(id(value))
            if hit is not None and hit[0] is value:
                _memo[id(value)] = hit
        if hit is None or hit[0] is not value:
            hit = (value, ["#", hashlib.sha256(_dumps(form).encode("utf-8")).hexdigest()])
            _memo[id(value)] = hit
        return hit[1]
    # An unknown type would hash by identity or not at all: refuse rather than skip unsoundly.
    raise TypeError(f"briefing: cannot hash a {type(value).__name__} in a page record")


def _dumps(value: Any) -> str:
    return json.dumps(value, default=_encode, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"), allow_nan=False)


def record_hash(record: Any) -> str:
    """Stable hash of a record (same across processes and runs)."""
    text = _dumps([CANONICAL_VERSION, _encode(record)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
