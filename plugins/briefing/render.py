"""Stage 6, render: which pages exist, with which template and context; HTML of paragraphs."""

from __future__ import annotations

import functools
import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import nh3
from jinja2 import pass_environment
from jinja2.filters import do_truncate
from markupsafe import Markup, escape

from . import contexts, factcheck, jsonld, verdicts
from .pipeline import Briefing, Site
from .settings import BriefingSettings
from .timex_grammar import MONTH_NAMES

# French labels of the statuses readers see; never colour alone (see the theme).
DATE_STATUS_LABELS = {
    "confirmed": "date vérifiée",
    "inferred": "date déduite, non vérifiée",
    "printed": "date lue sur la page, non vérifiée",  # inferred from a stamp the page prints
    "unknown": "date inconnue",
}
SOURCE_STATUS_LABELS = {
    "confirmed": "source vérifiée",
    "inferred": "source déclarée par la page",
    "hint": "source supposée d’après un indice",
    "unknown": "source inconnue",
}
KIND_LABELS = {
    "title": "titre", "caption": "légende", "credit": "crédit photo", "dateline": "date et lieu",
    "source": "mention de source", "byline": "signature", "rubric": "rubrique",
    "teaser": "renvoi vers un autre article", "duplicate": "doublon", "boilerplate": "habillage",
}

@dataclass(frozen=True)
class PageSpec:
    """One page to write: output path and its typed context record (template named by it).

    A page whose inputs are known by a key (`deps`, see `site_pages`) may come without its
    record: `make` builds it, which the generator does only when that key is not the one the
    previous build recorded, or the page must be written again.
    """

    save_as: str
    record: contexts.PageRecord | None
    make: Callable[[], contexts.PageRecord] | None = None
    deps: str | None = None
    kind: type | None = None  # the record's class, when the record is not built yet

    def built(self) -> contexts.PageRecord:
        """The record, built now if it was left to `make`."""
        if self.record is not None:
            return self.record
        assert self.make is not None
        return self.make()

    @property
    def template(self) -> str:
        """The template's name, without `.html`."""
        return (self.record if self.record is not None else self.kind).template

    @property
    def context(self) -> dict[str, Any]:
        """The record as template variables."""
        return contexts.variables(self.built())


def briefing_url(b: Briefing, cfg: BriefingSettings) -> str:
    """The briefing's URL, relative to the site root."""
    return cfg.BRIEFING_URL.format(slug=b.slug)


def briefing_dir(b: Briefing, cfg: BriefingSettings) -> str:
    """The folder holding the briefing's page and its raw seed."""
    return briefing_url(b, cfg).rstrip("/")


class SiteIndex:
    """Lookups the templates need (by id, by briefing, by actor), computed once per build."""

    def __init__(self, site: Site, cfg: BriefingSettings) -> None:
        self.site = site
        self.cfg = cfg
        self.briefing = {b.id: b for b in site.briefings}
        self.actor = {a.id: a for a in site.actors}
        self.entry = {e.id: e for e in site.chronology}
        self.notes_by_briefing: dict[str, list[Any]] = defaultdict(list)
        self.notes_by_actor: dict[str, list[Any]] = defaultdict(list)
        self.notes_by_entry: dict[str, list[Any]] = defaultdict(list)
        self.entries_of_note: dict[str, list[str]] = defaultdict(list)
        date_entries: dict[str, list[str]] = defaultdict(list)
        for entry in site.chronology:
            date_entries[entry.date].append(entry.id)
        for note in site.notes:
            for bid in note.briefings:
                self.notes_by_briefing[bid].append(note)
            for aid in note.actors:
                self.notes_by_actor[aid].append(note)
            for ev in note.events:
                for eid in (date_entries.get(ev) or ([ev] if ev in self.entry else [])):
                    self.notes_by_entry[eid].append(note)
                    self.entries_of_note[note.slug].append(eid)
        self.entries_by_actor: dict[str, list[Any]] = defaultdict(list)
        for entry in site.chronology:
            for aid in entry.actors:
                self.entries_by_actor[aid].append(entry)
        self.quotes_by_speaker: dict[str, list[Any]] = defaultdict(list)
        self.quotes_by_briefing: dict[str, list[Any]] = defaultdict(list)
        for q in site.quotes:
            self.quotes_by_briefing[q.briefing].append(q)
            if q.speaker:
                self.quotes_by_speaker[q.speaker].append(q)
        self.relays_by_briefing: dict[str, list[Any]] = defaultdict(list)
        for r in site.relays:
            self.relays_by_briefing[r.briefing].append(r)
        self.outlet_of: dict[str, Any] = {}
        for b in site.briefings:
            outlet = factcheck.match_outlet(b.source, site.outlets)
            if outlet:
                self.outlet_of[b.id] = outlet
        self.comentions = _comentions(site)
        self.figures_by_briefing: dict[str, list[tuple[Any, int, bool]]] = defaultdict(list)
        disputed_keys = {key for key, _ in site.disputed_figures}
        for key, figs in (*site.figure_groups, *site.disputed_figures):
            n = len({f.briefing for f in figs})
            for f in figs:
                self.figures_by_briefing[f.briefing].append((f, n, key in disputed_keys))
        self.disputed_figures = site.disputed_figures
        self.years = sorted({e.date[:4] for e in site.chronology}, reverse=True)
        self.mentions_by_briefing: dict[str, list[Any]] = defaultdict(list)
        for m in site.mentions:
            self.mentions_by_briefing[m.briefing].append(m)
        self.events_by_briefing: dict[str, list[Any]] = defaultdict(list)
        for ev in site.events:
            self.events_by_briefing[ev.briefing].append(ev)
        self.entry_of_report = {r.id: e for e in site.chronology for r in e.reports}
        self._ids_regex: re.Pattern[str] | None = None
        self._items: dict[str, contexts.EventItem] = {}
        # Each event's home: its year's page (cut into pages of CHRONOLOGY_PAGE_SIZE), which
        # always exists, unlike the full chronology page on large sites.
        self.timeline = sorted(site.chronology, key=lambda e: (e.sort_key, e.id))
        self.entry_page: dict[str, str] = {}
        seen_in_year: dict[str, int] = defaultdict(int)
        for e in self.timeline:
            year = e.date[:4]
            number = seen_in_year[year] // CHRONOLOGY_PAGE_SIZE + 1
            seen_in_year[year] += 1
            self.entry_page[e.id] = chunk_path(f"{cfg.EVENT_URL}{year}/", number)

    def link_ids(self, text: str | None) -> Markup:
        """Escaped text where each briefing id becomes a link titled with the briefing's title."""
        # Links start with the {{ROOT}} placeholder, resolved per page by the `rooted` filter.
        if not text:
            return Markup("")
        if self._ids_regex is None:
            ids = sorted(self.briefing, key=len, reverse=True)
            self._ids_regex = re.compile("|".join(map(re.escape, ids))) if ids else None
        if self._ids_regex is None:
            return escape(text)
        html, pos = Markup(""), 0
        for m in self._ids_regex.finditer(text):
            b = self.briefing[m.group(0)]
            html += escape(text[pos:m.start()])
            html += Markup('<a href="{}{}">« {} »</a>').format(Markup("{{ROOT}}"), self.url(b),
                                                              b.title)
            pos = m.end()
        return html + escape(text[pos:])

    def url(self, obj: Any) -> str:
        """Site-relative URL of a briefing, actor, chronology entry, note or an id of one."""
        if isinstance(obj, str):
            obj = (self.briefing.get(obj) or self.actor.get(obj) or self.entry.get(obj)
                   or obj)
        if isinstance(obj, Briefing):
            return briefing_url(obj, self.cfg)
        if hasattr(obj, "merge_basis"):
            return self.cfg.ACTOR_URL.format(slug=obj.id)
        if hasattr(obj, "reports"):
            return f"{self.entry_page[obj.id]}#{obj.id}"
        if hasattr(obj, "verdict"):
            return self.cfg.NOTE_URL.format(slug=obj.slug)
        raise ValueError(f"briefing: no URL for {obj!r}")

    # Views for the page records (contexts.py): what a template shows of another object.

    def link(self, obj: Any) -> contexts.Link:
        """A link to a briefing, actor or note (by object or id) with its title or name."""
        if isinstance(obj, str):
            obj = self.briefing.get(obj) or self.actor.get(obj) or obj
        text = getattr(obj, "title", None) or getattr(obj, "name", None) or str(obj)
        return contexts.Link(self.url(obj), text)

    def actor_ref(self, a: Any) -> contexts.ActorRef:
        """An actor in a list."""
        return contexts.ActorRef(self.url(a), a.name, a.kind, len(a.briefings),
                                 sum(n for _, n in a.briefings), a.curated)

    def note_ref(self, note: Any) -> contexts.NoteRef:
        """A note and its URL."""
        return contexts.NoteRef(self.url(note), note)

    def event_ref(self, e: Any) -> contexts.EventRef:
        """A short link to a chronology entry."""
        return contexts.EventRef(self.url(e), e.date, e.display, e.label, e.status)

    def event_item(self, e: Any) -> contexts.EventItem:
        """A chronology entry as a timeline shows it (computed once per entry and build)."""
        item = self._items.get(e.id)
        if item is None:
            item = self._items[e.id] = contexts.EventItem(
                e, str(self.link_ids(e.dispute)) if e.dispute else "",
                tuple(self.link(bid) for bid in e.briefings[:5] if bid in self.briefing),
                max(0, len(e.briefings) - 5),
                tuple(self.link(aid) for aid in e.actors[:8] if aid in self.actor),
                tuple(self.note_ref(n) for n in self.notes_by_entry.get(e.id, ())))
        return item

    def quote_item(self, q: Any) -> contexts.QuoteItem:
        """A quote with links to its speaker and briefing, when known."""
        return contexts.QuoteItem(
            q.text, q.basis, q.has_gap,
            self.link(q.speaker) if q.speaker and q.speaker in self.actor else None,
            self.link(q.briefing) if q.briefing in self.briefing else None)


def _comentions(site: Site) -> dict[str, list[tuple[str, int]]]:
    """Actors mentioned in the same briefings, most shared briefings first."""
    by_briefing: dict[str, set[str]] = defaultdict(set)
    for m in site.mentions:
        by_briefing[m.briefing].add(m.actor)
    pairs: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for actors in by_briefing.values():
        for a in actors:
            for b in actors:
                if a != b:
                    pairs[a][b] += 1
    return {a: sorted(others.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
            for a, others in pairs.items()}


ACTOR_KIND_LABELS = {
    "person": ("Personnes", "personne"), "organisation": ("Organisations", "organisation"),
    "state": ("États", "État"), "place": ("Lieux", "lieu"), "media": ("Médias", "média"),
}
# Above this many events the chronology page lists years (each year has its own page) rather
# than every event: a page of thousands of events is unreadable and megabytes heavy.
CHRONOLOGY_INLINE_MAX = 600
# Events on each page of a year or of a person in the chronology.
CHRONOLOGY_PAGE_SIZE = 200
# Briefings listed on each home page.
BRIEFINGS_PER_PAGE = 20
# An actor page shows the actor's latest events only; the rest are a link away.
ACTOR_TIMELINE_MAX = 40
# Quotes and briefings on each page of an actor: a frequent actor's page stays light at any
# corpus size (its later pages are `…/page/N/`, like the chronology's).
ACTOR_ITEMS_PER_PAGE = 50
# Briefings linked after each role of an actor; the others are counted.
ROLE_SOURCES_MAX = 5
STATUS_LABELS = {
    "corroborated": "corroboré", "single-source": "source unique", "disputed": "contesté",
}


def site_pages(site: Site, cfg: BriefingSettings, ix: SiteIndex, base_url: str,
               settings: dict[str, Any], lazy: bool = False) -> list[PageSpec]:
    """Every page of the plugin, in a stable order, each with its schema.org JSON-LD.

    `lazy` (with `site.core_key`): briefing pages come with the key of their inputs (`deps`)
    and without their record (`make`). A briefing's page reads its briefing, the notes about
    it, and the rest of the site except notes (actors, chronology, mentions, quotes, figures,
    the other briefings' titles it links): all of those but the notes are a function of
    `site.core_key` (the settled site and the copies found), so that key and the notes about
    the briefing are its inputs, with the settings (hashed by the generator). A note edit then
    builds the records of the briefings the note is about, not of every briefing.
    """
    org = jsonld.site_organisation(
        name=settings["SITENAME"], url=f"{base_url}/", description=settings.get("SITESUBTITLE"),
        publishing_principles=f"{base_url}/methodologie/",
        corrections_policy=f"{base_url}/corrections/")

    def absolute(path: str) -> str:
        return f"{base_url}/{path}"

    core = site.core_key if lazy else None
    org_key = repr(sorted(org.items())) if core is not None else ""

    def deps(save_as: str, notes: Any) -> str:
        """The key of a page's inputs: the site but its notes, these notes, the settings."""
        return hashlib.sha256(repr((core, save_as, base_url, org_key, notes)).encode()
                              ).hexdigest()

    ordered = sorted_briefings(site.briefings)
    top = sorted(site.actors, key=lambda a: (-sum(n for _, n in a.briefings), a.name))[:12]
    top_actors = tuple(ix.actor_ref(a) for a in top)
    recent = tuple(ix.event_ref(e) for e in
                   sorted(site.chronology, key=lambda e: e.sort_key, reverse=True)[:8])
    # Home pages: the latest briefings first, folder-style pagination (`page/2/`), which cannot
    # collide with any briefing, actor or note URL.
    chunks = _chunks(ordered, BRIEFINGS_PER_PAGE)
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        pages.append(PageSpec(_home_path(number), contexts.HomePage(
            tuple(chunk), top_actors, recent, _paging("", number, len(chunks)))))
    for b in ordered:
        save_as = f"{briefing_dir(b, cfg)}/index.html"
        if core is None:
            pages.append(PageSpec(save_as, briefing_record(b, site, ix, org, absolute)))
            continue
        pages.append(PageSpec(save_as, None, functools.partial(
            briefing_record, b, site, ix, org, absolute),
            deps(save_as, tuple(ix.notes_by_briefing.get(b.id, ()))), contexts.BriefingPage))
    actor_root = cfg.ACTOR_URL.split("{slug}")[0]
    by_name = sorted(site.actors, key=lambda a: a.name.casefold())
    pages.append(PageSpec(f"{actor_root}index.html", contexts.ActorsPage(tuple(
        (kind, labels, tuple(ix.actor_ref(a) for a in by_name if a.kind == kind))
        for kind, labels in ACTOR_KIND_LABELS.items()))))
    for a in site.actors:
        if core is None:
            pages += actor_pages(a, ix, absolute)
            continue
        # An actor's pages read the notes about it and those about its timeline's events.
        notes = (tuple(ix.notes_by_actor.get(a.id, ())),
                 tuple(tuple(ix.notes_by_entry.get(e.id, ())) for e in actor_timeline(a, ix)[0]))
        built = functools.cache(functools.partial(actor_pages, a, ix, absolute))
        for number, save_as in enumerate(actor_page_paths(a, ix)):
            pages.append(PageSpec(save_as, None, functools.partial(
                lambda built, number: built()[number].built(), built, number),
                deps(save_as, notes), contexts.ActorPage))
    timeline = ix.timeline
    inline = len(timeline) <= CHRONOLOGY_INLINE_MAX
    by_year: dict[str, list[Any]] = defaultdict(list)
    for e in timeline:
        by_year[e.date[:4]].append(e)
    years = tuple((y, len(by_year[y]), sum(e.status == "disputed" for e in by_year[y]))
                  for y in ix.years)
    persons = tuple(contexts.Counted(f"{cfg.EVENT_URL}acteurs/{aid}/", ix.actor[aid].name,
                                     len(entries))
                    for aid, entries in sorted(ix.entries_by_actor.items())
                    if ix.actor[aid].kind == "person")
    chrono = functools.partial(contexts.ChronologyPage, years=tuple(ix.years), persons=persons)
    events_ld = [jsonld.event(name=e.label, date=e.date, url=absolute(ix.url(e)),
                              status=e.status, sources=e.sources, description=e.dispute,
                              about=[ix.actor[a].name for a in e.actors if a in ix.actor])
                 for e in timeline] if inline else []
    pages.append(PageSpec(f"{cfg.EVENT_URL}index.html", chrono(
        groups=group_items(timeline, ix) if inline else (), filter_label=None, filter_year=None,
        filter_actor=None, year_summary=years, total=len(timeline),
        jsonld=jsonld.to_script(events_ld) if inline else "", paging=contexts.Paging())))
    for year in ix.years:
        pages += _paginated_chronology(
            f"{cfg.EVENT_URL}{year}/", by_year[year], ix,
            functools.partial(chrono, filter_label=f"année {year}", filter_year=year,
                              filter_actor=None), deps if core is not None else None)
    # Filter pages for persons only: the chronology links those; places and states, named in
    # almost every event, have their timeline on their own page.
    for aid, entries in sorted(ix.entries_by_actor.items()):
        actor = ix.actor[aid]
        if actor.kind == "person":
            pages += _paginated_chronology(
                f"{cfg.EVENT_URL}acteurs/{aid}/",
                sorted(entries, key=lambda e: (e.sort_key, e.id)), ix,
                functools.partial(chrono, filter_label=actor.name, filter_year=None,
                                  filter_actor=f"{cfg.EVENT_URL}acteurs/{aid}/"),
                deps if core is not None else None)
    for note in site.notes:
        pages.append(PageSpec(f"{cfg.NOTE_URL.format(slug=note.slug)}index.html",
                              contexts.NotePage(
            note, tuple(ix.link(b) for b in note.briefings if b in ix.briefing),
            tuple(ix.link(a) for a in note.actors if a in ix.actor),
            tuple(ix.event_ref(ix.entry[eid]) for eid in ix.entries_of_note.get(note.slug, [])),
            jsonld.to_script(jsonld.claim_review(
                note, url=absolute(ix.url(note)), organisation=org,
                appearances=[absolute(ix.url(b)) for b in note.briefings if b in ix.briefing],
                claimant_type=_claimant_type(note, ix))))))
    note_root = cfg.NOTE_URL.split("{slug}")[0]
    pages.append(PageSpec(f"{note_root}index.html", contexts.NotesPage(tuple(
        ix.note_ref(n) for n in sorted(site.notes, key=lambda n: (n.date or "", n.slug),
                                       reverse=True)))))
    corrections = sorted(((c, n) for n in site.notes for c in n.corrections),
                         key=lambda cn: (cn[0].date, cn[1].slug), reverse=True)
    pages.append(PageSpec("corrections/journal/index.html", contexts.CorrectionsLogPage(
        tuple((c, ix.note_ref(n)) for c, n in corrections))))
    pages.append(PageSpec("recherche/index.html", contexts.SearchPage()))
    pages.append(PageSpec("404.html", contexts.NotFoundPage()))
    return pages


def briefing_record(b: Briefing, site: Site, ix: SiteIndex, org: dict[str, Any],
                    absolute: Any) -> contexts.BriefingPage:
    """The briefing page's record: its text annotated and everything its panel links."""
    outlet = ix.outlet_of.get(b.id)
    return contexts.BriefingPage(
        briefing=b, paragraphs_html=tuple(str(h) for h in paragraphs_html(b, site, ix)),
        removed_groups=tuple(removed_by_kind(b)),
        outlet_html=outlet.description_html if outlet else None,
        date_basis_html=str(ix.link_ids(b.date_basis)),
        notes=tuple(ix.note_ref(n) for n in ix.notes_by_briefing.get(b.id, ())),
        actors=tuple(contexts.KindLink(ix.url(a), ix.actor[a].name, ix.actor[a].kind)
                     for a in b.actors if a in ix.actor),
        events=tuple(ix.event_ref(ix.entry[e]) for e in b.events if e in ix.entry),
        quotes=tuple(ix.quote_item(q) for q in ix.quotes_by_briefing.get(b.id, ())),
        relays=tuple(contexts.RelayItem(
            r.paragraph, r.agency, ix.link(r.agency) if r.agency in ix.actor else None, r.cue)
            for r in ix.relays_by_briefing.get(b.id, ())),
        figures=tuple(contexts.FigureItem(f.text, n, disputed)
                      for f, n, disputed in ix.figures_by_briefing.get(b.id, ())),
        jsonld=jsonld.to_script(jsonld.news_article(
            url=absolute(ix.url(b)), headline=b.title,
            headline_is_generated=b.title_is_generated, date=b.date,
            date_status=b.date_status, date_basis=b.date_basis, organisation=org,
            source=b.source, source_status=b.source_status, source_url=b.source_url,
            raw_url=absolute(ix.url(b) + "source.txt"),
            about=[ix.actor[a].name for a in b.actors if a in ix.actor],
            word_count=b.word_count)))


def _actor_page_count(a: Any, ix: SiteIndex) -> int:
    quotes = len(ix.quotes_by_speaker.get(a.id, ()))
    briefings = sum(1 for bid, _ in a.briefings if bid in ix.briefing)
    return max(1, -(-max(quotes, briefings) // ACTOR_ITEMS_PER_PAGE))


def actor_page_paths(a: Any, ix: SiteIndex) -> list[str]:
    """Where `actor_pages` writes the actor's pages, without building them."""
    base = ix.url(a)
    return [f"{chunk_path(base, n)}index.html" for n in range(1, _actor_page_count(a, ix) + 1)]


def actor_pages(a: Any, ix: SiteIndex, absolute: Any) -> list[PageSpec]:
    """An actor's pages: the first with timeline and panel, then the rest of its lists."""
    base = ix.url(a)
    quotes = [ix.quote_item(q) for q in ix.quotes_by_speaker.get(a.id, ())]
    briefings = [contexts.Counted(ix.url(bid), ix.briefing[bid].title, n)
                 for bid, n in a.briefings if bid in ix.briefing]
    count = _actor_page_count(a, ix)
    entries, total = actor_timeline(a, ix)
    roles = tuple(contexts.RoleItem(
        role, tuple(ix.link(bid) if bid and bid in ix.briefing else None
                    for bid in sources[:ROLE_SOURCES_MAX]),
        max(0, len(sources) - ROLE_SOURCES_MAX)) for role, sources in grouped_roles(a.roles))
    specs = []
    for number in range(1, count + 1):
        first = number == 1
        window = slice((number - 1) * ACTOR_ITEMS_PER_PAGE, number * ACTOR_ITEMS_PER_PAGE)
        specs.append(PageSpec(f"{chunk_path(base, number)}index.html", contexts.ActorPage(
            actor=a, roles=roles if first else (),
            timeline=tuple(ix.event_item(e) for e in entries) if first else (),
            timeline_total=total, quotes=tuple(quotes[window]), quote_total=len(quotes),
            briefings=tuple(briefings[window]), briefing_total=len(briefings),
            comentions=tuple(contexts.Counted(ix.url(oid), ix.actor[oid].name, n)
                             for oid, n in ix.comentions.get(a.id, ())) if first else (),
            notes=tuple(ix.note_ref(n) for n in ix.notes_by_actor.get(a.id, ())) if first
            else (),
            jsonld=jsonld.to_script(jsonld.person_or_org(
                name=a.name, kind=a.kind, url=absolute(base), aliases=a.aliases,
                wikidata=a.wikidata, roles=sorted({r for r, _ in a.roles}))) if first else "",
            paging=_paging(base, number, count))))
    return specs


def _chunks(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    """Consecutive slices of `size` items; one empty slice for an empty list."""
    return [items[i:i + size] for i in range(0, len(items), size)] or [items[:0]]


def _paging(base: str, number: int, count: int) -> contexts.Paging:
    """Page `number` of `count` in a folder-style list starting at `base`."""
    return contexts.Paging(number, count,
                           chunk_path(base, number - 1) if number > 1 else None,
                           chunk_path(base, number + 1) if number < count else None)


def chunk_path(base: str, number: int) -> str:
    """`base` for the first page of a list, `base` + page/N/ for the others (folder-style)."""
    return base if number <= 1 else f"{base}page/{number}/"


def _paginated_chronology(base: str, entries: Sequence[Any], ix: SiteIndex,
                          record: Any, deps: Any = None) -> list[PageSpec]:
    """A filtered chronology cut into pages of CHRONOLOGY_PAGE_SIZE events.

    `deps(save_as, notes)`: pages left unbuilt, keyed by their inputs (see `site_pages`):
    besides the site but its notes, a page reads the notes about its events.
    """
    chunks = _chunks(entries, CHRONOLOGY_PAGE_SIZE)

    def page(number: int, chunk: Sequence[Any]) -> contexts.ChronologyPage:
        return record(groups=group_items(chunk, ix), year_summary=(), total=len(entries),
                      jsonld="", paging=_paging(base, number, len(chunks)))

    if deps is None:
        return [PageSpec(f"{chunk_path(base, number)}index.html", page(number, chunk))
                for number, chunk in enumerate(chunks, start=1)]
    return [PageSpec(save_as, None, functools.partial(page, number, chunk),
                     deps(save_as, tuple(tuple(ix.notes_by_entry.get(e.id, ())) for e in chunk)),
                     contexts.ChronologyPage)
            for number, chunk in enumerate(chunks, start=1)
            for save_as in [f"{chunk_path(base, number)}index.html"]]


def _home_path(number: int) -> str:
    """index.html for the first home page, page/N/index.html for the others."""
    return "index.html" if number <= 1 else f"page/{number}/index.html"


def actor_timeline(actor: Any, ix: SiteIndex) -> tuple[list[Any], int]:
    """The actor's events in date order, the latest ACTOR_TIMELINE_MAX of them."""
    entries = sorted(ix.entries_by_actor.get(actor.id, ()), key=lambda e: (e.sort_key, e.id))
    if len(entries) > ACTOR_TIMELINE_MAX:
        return entries[-ACTOR_TIMELINE_MAX:], len(entries)
    return entries, len(entries)


def grouped_roles(roles: Sequence[tuple[str, str]]) -> list[tuple[str, list[str]]]:
    """Each role once (case-insensitive), with every briefing that gives it; registry first."""
    groups: dict[str, tuple[str, list[str]]] = {}
    for text, bid in roles:
        key = text.casefold()
        _, sources = groups.setdefault(key, (text, []))
        if bid not in sources:
            sources.append(bid)
    return sorted(groups.values(), key=lambda g: ("" not in g[1], g[0].casefold()))


def _claimant_type(note: Any, ix: SiteIndex) -> str:
    """schema.org type of the claimant: from the actor registry when the note names one."""
    for aid in note.actors:
        actor = ix.actor.get(aid)
        if actor and note.claimant and actor.name.casefold() in note.claimant.casefold():
            return "Person" if actor.kind == "person" else "Organization"
    return "Person" if note.claimant else "Organization"


def group_items(entries: Sequence[Any], ix: SiteIndex) -> tuple[
        tuple[str, tuple[tuple[str, tuple[contexts.EventItem, ...]], ...]], ...]:
    """[(year, [(month label or '', items)])], precision kept: year-only events stand apart."""
    years: dict[str, dict[str, list[Any]]] = {}
    for e in entries:
        year = e.date[:4]
        month = french_date(e.date[:7]).split(" ")[0] if e.precision != "year" else ""
        years.setdefault(year, {}).setdefault(month, []).append(ix.event_item(e))
    return tuple((y, tuple((m, tuple(items)) for m, items in months.items()))
                 for y, months in years.items())


def sorted_briefings(briefings: Sequence[Briefing]) -> list[Briefing]:
    """Latest first by date when known (any status), undated last, then by id."""
    return sorted(briefings, key=lambda b: (b.date is None, _neg(b.date or ""), b.id))


def _neg(iso: str) -> tuple[int, ...]:
    return tuple(-int(x) for x in iso.split("-") if x.isdigit())


def paragraphs_html(b: Briefing, site: Site, ix: SiteIndex) -> list[Markup]:
    """Escaped paragraphs: gaps marked, first mention of each actor and dates linked."""
    marks: dict[int, list[tuple[int, int, str, Any]]] = defaultdict(list)
    for gap in b.gaps:
        marks[gap.paragraph].append((gap.offset, gap.offset, "gap", gap))
    linked: set[str] = set()
    for m in sorted(ix.mentions_by_briefing.get(b.id, ()), key=lambda m: (m.paragraph, m.start)):
        if m.actor not in linked and m.actor in ix.actor:
            linked.add(m.actor)
            marks[m.paragraph].append((m.start, m.end, "actor", ix.actor[m.actor]))
    entry_of = ix.entry_of_report
    for ev in ix.events_by_briefing.get(b.id, ()):
        if ev.id not in entry_of or ev.paragraph >= len(b.paragraphs):
            continue
        pos = b.paragraphs[ev.paragraph].text.find(ev.timex)
        if pos >= 0:
            marks[ev.paragraph].append((pos, pos + len(ev.timex), "event", entry_of[ev.id]))
    return [annotate(p.text, marks.get(i, []), ix) for i, p in enumerate(b.paragraphs)]


def annotate(text: str, marks: Sequence[tuple[int, int, str, Any]], ix: SiteIndex) -> Markup:
    """Escape a paragraph and insert links and gap markers; overlapping spans are skipped."""
    # Joined as strings, every interpolated value escaped: Markup.format costs a second a build.
    html: list[str] = []
    pos = 0
    for start, end, kind, obj in sorted(marks, key=lambda m: (m[0], m[1] != m[0], -m[1])):
        if start < pos:
            continue
        before = text[pos:start]
        html.append(escape(before))
        if kind == "gap":
            if before[-1:].isalnum():
                html.append(" ")
            reason = escape(obj.reason)
            html.append(f'<mark class="gap" title="{reason}"><span aria-hidden="true">[…]</span>'
                        f'<span class="visually-hidden">[trou dans la source : {reason}]</span>'
                        '</mark>')
            if text[end:end + 1].isalnum():
                html.append(" ")
        elif kind == "actor":
            html.append(f'<a class="actor-link" href="{{{{ROOT}}}}{escape(ix.url(obj))}">'
                        f'{escape(text[start:end])}</a>')
        else:
            label = escape(f"Dans la chronologie : {obj.display or obj.date}")
            html.append(f'<a class="date-link" href="{{{{ROOT}}}}{escape(ix.url(obj))}" '
                        f'title="{label}">{escape(text[start:end])}</a>')
        pos = end
    html.append(escape(text[pos:]))
    return Markup("".join(html))


def removed_by_kind(b: Briefing) -> list[tuple[str, int]]:
    """How many removed items per class, for the audit summary."""
    counts: dict[str, int] = {}
    for d in b.removed:
        counts[d.kind] = counts.get(d.kind, 0) + 1
    return sorted(((KIND_LABELS.get(k, k), n) for k, n in counts.items()), key=lambda x: -x[1])


def french_date(iso: str | None) -> str:
    """`2020-10-09` → `9 octobre 2020`; partial values stay partial (`octobre 2020`, `2020`)."""
    if not iso:
        return "date inconnue"
    parts = iso.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTH_NAMES[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    day = int(parts[2])
    return f"{'1er' if day == 1 else day} {month} {parts[0]}"


# Tags an author's Markdown may produce; everything else (script, style, iframe, on*) is dropped.
SAFE_TAGS = {"a", "abbr", "b", "blockquote", "br", "cite", "code", "del", "em", "h2", "h3", "h4",
             "i", "li", "ol", "p", "pre", "q", "small", "strong", "sub", "sup", "table", "tbody",
             "td", "th", "thead", "tr", "ul"}


def safe_html(html: str) -> Markup:
    """Authors' HTML sanitised by nh3 (Ammonia): no script, handler or javascript: URL."""
    return Markup(nh3.clean(str(html), tags=SAFE_TAGS, url_schemes={"http", "https", "mailto"},
                            link_rel="noopener nofollow"))


def rooted(html: Markup, siteurl: str) -> Markup:
    """Resolve the site-root placeholder of precomputed paragraph links for this page."""
    return Markup(str(html).replace("{{ROOT}}", f"{siteurl}/"))


@pass_environment
def truncate_fr(env: Any, text: str, length: int = 255, killwords: bool = False,
                end: str = "…", leeway: int | None = None) -> str:
    """Jinja's truncate with the typographic ellipsis French uses."""
    return do_truncate(env, text, length, killwords, end, leeway)


def install_filters(env: Any, cfg: BriefingSettings) -> None:
    """Jinja filters and globals used by the theme."""
    env.filters["truncate"] = truncate_fr
    env.filters["safe_html"] = safe_html
    env.filters["rooted"] = rooted
    env.globals["VERDICT_BEST"] = verdicts.BEST_RATING
    env.globals["url_for"] = lambda b: briefing_url(b, cfg)
    env.globals["ACTOR_KIND_LABELS"] = ACTOR_KIND_LABELS
    env.globals["STATUS_LABELS"] = STATUS_LABELS
    env.filters["french_date"] = french_date
    env.globals["DATE_STATUS_LABELS"] = DATE_STATUS_LABELS
    env.globals["SOURCE_STATUS_LABELS"] = SOURCE_STATUS_LABELS
    env.globals["KIND_LABELS"] = KIND_LABELS
