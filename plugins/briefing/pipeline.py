"""The orchestrator: seed bytes and authors' files in, one immutable `Site` out (no I/O here)."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from slugify import slugify

from . import actors as actors_mod
from . import chronology, cleaning, dating, factcheck, linesignals
from . import textutils as T
from .cleaning import Cleaned, Gap, Paragraph, SourceHint
from .htmlseed import PageMetadata
from .linesignals import Decision
from .reading import SeedProblem, SeedText, decode_seed, seed_suffix
from .records import ContentFile, Problem, SeedFile, SourceNote, split_values
from .seedcache import Memo, no_cache

__all__ = ["Briefing", "ContentFile", "Problem", "SeedFile", "Site", "SourceNote",
           "build_site", "parse_source_notes", "seed_id", "unique_slug"]


@dataclass(frozen=True)
class Briefing:
    """One published seed: cleaned text, its audit, and everything linked to it."""

    id: str
    slug: str
    filename: str
    title: str
    title_is_generated: bool
    title_basis: str
    paragraphs: tuple[Paragraph, ...]
    decisions: tuple[Decision, ...]
    gaps: tuple[Gap, ...]
    hints: tuple[SourceHint, ...]
    read_notes: tuple[str, ...]
    sha256: str
    source: str | None
    source_status: str
    source_basis: str
    source_url: str | None
    date: str | None
    date_status: str
    date_basis: str
    date_range: str | None = None
    date_printed: bool = False  # the page prints the date (stamp, URL, metadata): read, not guessed
    date_not_before: str | None = None  # bounds of an unknown date (ISO partial)
    date_not_after: str | None = None
    duplicates: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    reprint_of: str | None = None
    # Saved web pages only: the update date (never the publication date), the byline, the
    # page's metadata, and the extracted text published as the raw source instead of the page.
    date_updated: str | None = None
    date_updated_basis: str = ""
    byline: str | None = None
    page: PageMetadata | None = None
    raw_text: str | None = None

    @property
    def removed(self) -> tuple[Decision, ...]:
        """Every line (or line prefix) taken out of the article, with its reason."""
        return tuple(d for d in self.decisions if d.kind not in linesignals.KEPT)

    @property
    def word_count(self) -> int:
        """Words of article text kept."""
        return sum(len(T.words(p.text)) for p in self.paragraphs)


@dataclass(frozen=True)
class Site:
    """Everything the writer needs, gathered before anything is written."""

    briefings: tuple[Briefing, ...]
    problems: tuple[Problem, ...]
    skipped: tuple[SeedProblem, ...] = ()
    # Key of everything but the notes (the settled site, the copies found), when every input
    # was known by its key: pages that read no note are a function of it (render.site_pages).
    core_key: str | None = None
    actors: tuple[actors_mod.Actor, ...] = ()
    mentions: tuple[actors_mod.ResolvedMention, ...] = ()
    quotes: tuple[actors_mod.ResolvedQuote, ...] = ()
    relays: tuple[actors_mod.ResolvedRelay, ...] = ()
    events: tuple[chronology.Event, ...] = ()
    chronology: tuple[chronology.ChronologyEntry, ...] = ()
    notes: tuple[factcheck.Note, ...] = ()
    outlets: tuple[factcheck.Outlet, ...] = ()
    figures: tuple[factcheck.Figure, ...] = ()
    figure_groups: tuple = ()
    disputed_figures: tuple = ()


# Given the paragraphs of each briefing (by id), return NER spans per paragraph (by id).
NerProvider = Callable[[Mapping[str, Sequence[str]]],
                       Mapping[str, Sequence[Sequence[actors_mod.NerSpan]]]]


def seed_id(filename: str) -> str:
    """The seed id: the file stem (DESIGN.md §4); `x.html.gz` is `x`."""
    suffix = seed_suffix(filename)
    return filename[: -len(suffix)] if suffix else filename


def build_site(
    seeds: Sequence[SeedFile],
    content: Mapping[str, Sequence[ContentFile]] | None = None,
    ner: NerProvider | None = None,
    progress: Callable[[str], None] | None = None,
    *,
    refused: Sequence[Problem] = (),
    previous_ids: Mapping[str, str] | None = None,
    memo: Memo = no_cache,
    ner_key: str | None = None,
) -> Site:
    """Turn seeds and authors' files into a Site.

    1. read: decode every seed, refuse empty/binary/undecodable ones with a message (`refused`:
       files the caller would not read, e.g. outside the project, reported first);
    2. deduplicate: an exact copy of another seed is published once and reported; the id kept
       is the one authors cite, else the one of the last build (`previous_ids`, by sha256),
       else the first name; notes citing a copy's id follow it to the kept one;
    3. clean: classify lines, with short lines shared across seeds treated as site furniture;
    4. source notes: authors' verified metadata override hints and inferences;
    5. NER on cleaned paragraphs only (through `ner`, which caches; None = no model);
    6. actors: registry, mentions, roles, quotes, relays, resolved across briefings;
    7. dates: publication date per briefing (confirmed by authors, else inferred or unknown);
    8. chronology: events per briefing, dates and events settled together, merged across seeds;
    9. fact-checking: outlets, notes validated against briefings/actors/events, figures;
    10. assemble Briefing records with unique slugs and their links.

    Every per-seed call goes through `memo` (the caller's cache, `seedcache.SeedCache`), with
    all of its inputs as the key: a rebuild recomputes only what an edit changed. Two larger
    steps are memoised whole too: stage 1 (`texts`, keyed on every seed's name and hash), and
    stages 3 to 8 with the figures, which read no note (`site`, keyed on the seeds kept, the
    sources, actors and outlets files and the NER model: `ner_key` names what `ner` computes;
    without it, a NER provider is never memoised whole). An edited note reads two entries
    instead of thousands and settles nothing again.
    """
    content = content or {}
    problems: list[Problem] = list(refused)
    skipped: list[SeedProblem] = []

    # 1. Read.
    texts: list[SeedText] = []
    line_keys: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    ordered = sorted(seeds, key=lambda s: s.name)
    digests = [hashlib.sha256(seed.data).hexdigest() for seed in ordered]
    # Every seed read, memoised whole too: an unchanged corpus is one entry, not thousands.
    read = memo("texts", (tuple(zip((s.name for s in ordered), digests, strict=True)),),
                lambda: tuple(memo("read", (seed.name, digest), lambda seed=seed: _read(seed))
                              for seed, digest in zip(ordered, digests, strict=True)))
    for seed, (decoded, keys) in zip(ordered, read, strict=True):
        if isinstance(decoded, SeedProblem):
            skipped.append(decoded)
            problems.append(Problem(f"seeds/{seed.name}", decoded.message))
            continue
        texts.append(decoded)
        line_keys[decoded.filename] = keys

    # 2. Deduplicate by content hash: one id per text, chosen so that a copy never takes the
    # id (and URL) that notes, source files or the last build gave to the original.
    cited = cited_seed_ids(content)
    groups: dict[str, list[SeedText]] = {}
    for text in texts:
        groups.setdefault(text.sha256, []).append(text)
    duplicates: dict[str, list[str]] = {}
    kept_of: dict[str, str] = {}
    unique: list[SeedText] = []
    for text in texts:
        group = groups[text.sha256]
        keeper, why = _keeper(group, cited, previous_ids or {})
        if text is not keeper:
            continue
        unique.append(text)
        for copy in (t for t in group if t is not keeper):
            duplicates.setdefault(keeper.id, []).append(copy.filename)
            kept_of[copy.id] = keeper.id
            problems.append(Problem(
                f"seeds/{copy.filename}",
                f"copie exacte de seeds/{keeper.filename} : publiée une fois, sous "
                f"l’identifiant {keeper.id} ({why})"))

    # 3-8, memoised whole when every input is known by its key.
    parts: tuple | None = None
    if ner is None or ner_key is not None:
        parts = (tuple((t.filename, t.id, t.sha256) for t in unique),
                 tuple(f for folder in ("sources", "actors", "outlets")
                       for f in content.get(folder, ())),
                 ner_key if ner is not None else None)
        settled = memo("site", parts, lambda: _settle(unique, line_keys, content, ner,
                                                      progress, memo))
    else:
        settled = _settle(unique, line_keys, content, ner, progress, memo)
    problems.extend(settled.problems)
    cleaned, index, outlets = settled.cleaned, settled.index, settled.outlets
    events, entries = settled.events, settled.entries

    # 9. Fact-checking (outlet notes were read before cleaning: their aliases name outlets).
    problems.extend(settled.outlet_problems)
    note_files, redirected = _follow_copies(content.get("notes", ()), kept_of)
    problems.extend(redirected)
    fact_notes, fact_problems = factcheck.parse_notes(
        note_files, set(cleaned), {a.id for a in index.actors},
        {entry.id: entry.date for entry in entries})
    problems.extend(fact_problems)
    figures, agreeing, disputed = settled.figures, settled.agreeing, settled.disputed

    # 10. Assemble: no note is read here either, so the same settled site and copies give the
    # same records (kept in memory by a resident process: its pages' hashes are then reused).
    def assemble() -> tuple[tuple[Briefing, ...], tuple[actors_mod.Actor, ...]]:
        return _assemble(unique, settled, duplicates)

    core_key = None
    if parts is None:
        briefings, site_actors = assemble()
    else:
        core = (parts, tuple(sorted((k, tuple(v)) for k, v in duplicates.items())))
        core_key = hashlib.sha256(repr(core).encode()).hexdigest()
        briefings, site_actors = memo("assemble", core, assemble)
    return Site(
        briefings=briefings, problems=tuple(problems), skipped=tuple(skipped), core_key=core_key,
        actors=site_actors,
        mentions=index.mentions, quotes=index.quotes, relays=index.relays,
        events=events, chronology=entries, notes=fact_notes, outlets=outlets,
        figures=figures, figure_groups=tuple(agreeing), disputed_figures=tuple(disputed),
    )


def _assemble(unique: Sequence[SeedText], settled: _Settled,
              duplicates: Mapping[str, Sequence[str]],
              ) -> tuple[tuple[Briefing, ...], tuple[actors_mod.Actor, ...]]:
    """Stage 10 of `build_site`: the Briefing records, and the actors linked to their outlets."""
    index, events, entries = settled.index, settled.events, settled.entries
    entry_of = {e.id: entry.id for entry in entries for e in entry.reports}
    first_mention: dict[str, dict[str, tuple[int, int]]] = {}
    for m in index.mentions:
        seen = first_mention.setdefault(m.briefing, {})
        if m.actor not in seen or (m.paragraph, m.start) < seen[m.actor]:
            seen[m.actor] = (m.paragraph, m.start)
    briefing_events: dict[str, list[str]] = {}
    for e in events:
        if e.id in entry_of:
            ids = briefing_events.setdefault(e.briefing, [])
            if entry_of[e.id] not in ids:
                ids.append(entry_of[e.id])
    briefings: list[Briefing] = []
    used_slugs: set[str] = set()
    for text in unique:
        actor_ids = tuple(a for a, _ in sorted(first_mention.get(text.id, {}).items(),
                                               key=lambda kv: (kv[1], kv[0])))
        briefings.append(_briefing(
            text, settled.cleaned[text.id], settled.notes.get(text.id), used_slugs,
            tuple(duplicates.get(text.id, ())), settled.pubs[text.id], actor_ids,
            tuple(briefing_events.get(text.id, ())), settled.outlets))
    return tuple(briefings), actors_mod.link_outlets(index.actors, settled.outlets)


@dataclass(frozen=True)
class _Settled:
    """Stages 3 to 8 and the figures: everything of a site that no note changes."""

    cleaned: dict[str, Cleaned]
    problems: tuple[Problem, ...]  # in the order the stages found them
    outlet_problems: tuple[Problem, ...]  # reported with the notes' (stage 9)
    notes: dict[str, SourceNote]
    index: actors_mod.ActorIndex
    outlets: tuple[factcheck.Outlet, ...]
    pubs: dict[str, dating.PublicationDate]
    events: tuple[chronology.Event, ...]
    entries: tuple[chronology.ChronologyEntry, ...]
    figures: tuple[factcheck.Figure, ...]
    agreeing: tuple
    disputed: tuple


def _settle(unique: Sequence[SeedText],
            line_keys: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]],
            content: Mapping[str, Sequence[ContentFile]], ner: NerProvider | None,
            progress: Callable[[str], None] | None, memo: Memo) -> _Settled:
    """Stages 3 to 8 of `build_site`, and the figures compared (see there)."""
    problems: list[Problem] = []
    # 3. Clean, with the corpus-wide line counts as a signal.
    line_seeds: Counter[str] = Counter()
    for text in unique:
        line_seeds.update(line_keys[text.filename][0])
    shared = frozenset(k for k, n in line_seeds.items() if n >= 2)
    cleaned: dict[str, Cleaned] = {}
    outlets, outlet_problems = factcheck.parse_outlets(content.get("outlets", ()))
    outlet_names = [(o.name, o.aliases) for o in outlets]
    for text in unique:
        if progress:
            progress(text.id)
        # The cleaner reads the shared lines only through this seed's own lines: that subset
        # is its cross-seed input (a new seed repeating one of its lines invalidates it); the
        # outlet notes' names are the other one.
        mine = tuple(k for k in line_keys[text.filename][1] if k in shared)
        cleaned[text.id] = c = memo(
            "clean", (text.filename, text.sha256, mine,
                      tuple((n, tuple(a)) for n, a in outlet_names)),
            lambda text=text: cleaning.clean(text, shared, outlet_names))
        if not c.paragraphs:
            problems.append(Problem(f"seeds/{text.filename}",
                                    "aucun texte d’article après nettoyage (que de l’habillage)"))
        markup = ", ".join(str(d.line) for d in c.decisions if d.rule == "html-markup")
        if markup:
            problems.append(Problem(f"seeds/{text.filename}",
                                    f"code HTML retiré du texte (lignes {markup})"))
        # A legacy encoding, or a guessed one, is worth an author's look; BOM and CRLF are
        # routine, and so is a charset the page declares.
        problems.extend(Problem(f"seeds/{text.filename}", note) for note in text.notes
                        if ("cp1252" in note and text.page is None) or "deviné" in note
                        or "mais faux" in note)
    bodies = {sid: [p.text for p in c.paragraphs] for sid, c in cleaned.items()}

    # 4. Source notes, keyed by seed id.
    notes, note_problems = parse_source_notes(content.get("sources", ()), set(cleaned))
    problems.extend(note_problems)

    # 5. NER (cached by the caller); briefings without text need none.
    spans = dict(ner({k: v for k, v in bodies.items() if v})) if ner else {}

    # 6. Actors.
    registry, errors = actors_mod.parse_registry(
        (f.path, f.metadata, f.body_html) for f in content.get("actors", ()))
    problems.extend(_author_error(e, content.get("actors", ())) for e in errors)
    # The authors' biographies are rendered, never read by extraction: editing one re-extracts
    # nothing.
    registry_key = hashlib.sha256(repr(tuple(
        replace(e, bio_html="") for e in registry)).encode()).hexdigest()
    per_briefing = [memo("actors", (sid, tuple(bodies[sid]), spans.get(sid, ()), registry_key),
                         lambda sid=sid: actors_mod.extract_actors(
                             sid, bodies[sid], spans.get(sid, ()), registry))
                    for sid in sorted(bodies)]
    index = actors_mod.resolve_actors(per_briefing, registry)
    actor_spans: dict[str, list[list[tuple[int, int, str]]]] = {
        sid: [[] for _ in bodies[sid]] for sid in bodies}
    for m in index.mentions:
        actor_spans[m.briefing][m.paragraph].append((m.start, m.end, m.actor))

    # 7. Publication dates, strongest evidence first: the authors' verified date; a saved
    # page's own metadata; a stamp the page prints or its URL path (a weekday fixing the year of
    # a day and month); then the text's own clues (a demonstrative date, captions, tense and
    # ranges); other seeds' events date what is still unknown (step 8).
    pubs: dict[str, dating.PublicationDate] = {}
    pages = {t.id: t.page for t in unique if t.page is not None}
    for sid, c in cleaned.items():
        note = notes.get(sid)
        page = pages.get(sid)
        if note and note.date:
            pubs[sid] = dating.PublicationDate(
                note.date, "confirmed", f"date vérifiée par la rédaction ({note.path})")
        elif page and page.published:
            pubs[sid] = dating.PublicationDate(page.published, "inferred", page.published_basis,
                                               printed=True)
        else:
            pubs[sid] = memo("date", (sid, tuple(bodies[sid]), c.captions, c.stamps),
                             lambda sid=sid, c=c: dating.from_stamps(c.stamps, bodies[sid])
                             or dating.infer_publication_date(bodies[sid], c.captions))

    # 8. Chronology: dates and events settle each other (a shared event dates a seed).
    def extract_events(sid: str, paragraphs: Sequence[str], pub: dating.PublicationDate,
                       spans: Sequence[Sequence[tuple[int, int, str]]]
                       ) -> tuple[chronology.Event, ...]:
        return memo("events", (sid, tuple(paragraphs), pub, spans),
                    lambda: chronology.extract_events(sid, paragraphs, pub, spans))

    pubs, events = chronology.settle(bodies, pubs, actor_spans, extract_events)
    entries = chronology.build_chronology(events)

    figures = tuple(f for sid in sorted(bodies)
                    for f in memo("figures", (sid, tuple(bodies[sid])),
                                  lambda sid=sid: factcheck.figures(sid, bodies[sid])))
    agreeing, disputed = factcheck.compare_figures(figures)
    return _Settled(cleaned, tuple(problems), tuple(outlet_problems), notes, index,
                    tuple(outlets), pubs, events, entries, figures, tuple(agreeing),
                    tuple(disputed))


def cited_seed_ids(content: Mapping[str, Sequence[ContentFile]]) -> frozenset[str]:
    """Seed ids that authors' files name: notes' `Briefing` field, content/sources/<id>.md."""
    ids = {sid for f in content.get("notes", ())
           for sid in split_values(f.metadata.get("briefing"))}
    ids.update(_source_seed(f) for f in content.get("sources", ()))
    return frozenset(ids)


def _source_seed(file: ContentFile) -> str:
    """The seed a source note describes: its `Seed` field, else its file stem."""
    return file.metadata.get("seed") or re.sub(r"\.md$", "", file.path.rsplit("/", 1)[-1])


def _keeper(group: Sequence[SeedText], cited: frozenset[str],
            previous: Mapping[str, str]) -> tuple[SeedText, str]:
    """Which of identical seeds (in name order) keeps its id, and why, in French."""
    if len(group) == 1:
        return group[0], ""
    named = [t for t in group if t.id in cited]
    if named:
        return named[0], "identifiant cité par les fichiers des auteurs"
    before = next((t for t in group if t.id == previous.get(t.sha256)), None)
    if before is not None:
        return before, "identifiant de la construction précédente"
    return group[0], "premier nom dans l’ordre alphabétique"


def _follow_copies(files: Sequence[ContentFile], kept_of: Mapping[str, str]
                   ) -> tuple[list[ContentFile], list[Problem]]:
    """Notes that cite a copy's id now cite the id kept for its text, with a warning each."""
    out: list[ContentFile] = []
    problems: list[Problem] = []
    for f in files:
        cited = split_values(f.metadata.get("briefing"))
        moved = [sid for sid in cited if sid in kept_of]
        if not moved:
            out.append(f)
            continue
        for sid in moved:
            problems.append(f.problem("briefing", f"« {sid} » est une copie exacte de "
                                      f"« {kept_of[sid]} » : la note est rattachée à "
                                      f"« {kept_of[sid]} »"))
        value = ", ".join(dict.fromkeys(kept_of.get(sid, sid) for sid in cited))
        out.append(replace(f, metadata={**f.metadata, "briefing": value}))
    return out, problems


def _read(seed: SeedFile) -> tuple[SeedText | SeedProblem,
                                   tuple[tuple[str, ...], tuple[str, ...]]]:
    """Stage 1 for one seed: the decoded text, its lines' keys, and every key the cleaner reads.

    The first keys count which lines other seeds share; the second add each line without its
    markup, the form the cleaner looks up (cleaning.clean, steps 0 and 3).
    """
    decoded = decode_seed(seed_id(seed.name), seed.name, seed.data)
    if isinstance(decoded, SeedProblem):
        return decoded, ((), ())
    raw = {T.normalise_line(line) for line in decoded.lines if line.strip()}
    looked_up = raw | {T.normalise_line(linesignals.strip_markup(line.strip())[0])
                       for line in decoded.lines if line.strip()}
    return decoded, (tuple(sorted(raw)), tuple(sorted(looked_up)))


def _author_error(error: actors_mod.AuthorError, files: Sequence[ContentFile]) -> Problem:
    """An actor-registry error as a located Problem (the file's line for that field)."""
    message = error.message.removeprefix(f"{error.path}: ")
    file = next((f for f in files if f.path == error.path), None)
    if file is None:
        return Problem(error.path, message, error.field)
    return file.problem(error.field, message)


def _briefing(
    text: SeedText, cleaned: Cleaned, note: SourceNote | None, used: set[str],
    duplicates: tuple[str, ...], pub: dating.PublicationDate, actor_ids: tuple[str, ...],
    event_ids: tuple[str, ...], outlets: Sequence[factcheck.Outlet] = (),
) -> Briefing:
    slug = unique_slug(text.id, used)
    publisher = next((h for h in cleaned.hints if h.relation == "publisher"), None)
    page = text.page
    if note and note.outlet:
        source, status, basis = note.outlet, "confirmed", f"vérifié par la rédaction ({note.path})"
    elif page and page.site_name:
        source, status, basis = page.site_name, "inferred", page.site_name_basis
        outlet = factcheck.match_outlet(page.site_name, outlets)
        if outlet is not None:
            source = outlet.name
            basis += f" (fiche média {outlet.path})" if outlet.name != page.site_name else ""
    elif cleaned.outlet:
        source, status = cleaned.outlet.outlet, "hint"
        basis = f"indice tiré du texte : {cleaned.outlet.basis}"
    elif publisher:
        source, status, basis = publisher.outlet, "hint", publisher.basis
    else:
        source, status = None, "unknown"
        basis = "aucun indice fiable du média dans le texte"
    title, title_generated, title_basis = \
        cleaned.title, cleaned.title_is_generated, cleaned.title_basis
    if page and page.title:
        title, title_generated, title_basis = page.title, False, page.title_basis
    url = note.url if note else None
    if not url and page and page.canonical_url:
        url = page.canonical_url
    url = url or cleaned.url  # the article's own address, printed in the text
    return Briefing(
        id=text.id, slug=slug, filename=text.filename, title=title,
        title_is_generated=title_generated, title_basis=title_basis,
        paragraphs=cleaned.paragraphs, decisions=cleaned.decisions, gaps=cleaned.gaps,
        hints=cleaned.hints, read_notes=text.notes, sha256=text.sha256,
        source=source, source_status=status, source_basis=basis,
        source_url=url,
        date=pub.value, date_status=pub.status, date_basis=pub.basis,
        date_range=pub.range_label, date_printed=pub.printed, date_not_before=pub.not_before,
        date_not_after=pub.not_after, duplicates=duplicates, actors=actor_ids, events=event_ids,
        reprint_of=note.reprint_of if note and note.reprint_of else None,
        date_updated=page.updated if page else None,
        date_updated_basis=page.updated_basis if page else "",
        byline=page.author if page else None, page=page,
        raw_text=text.text if page else None,
    )


def unique_slug(name: str, used: set[str]) -> str:
    """A URL slug that no other page of the same kind has (identical slugs abort Pelican)."""
    base = slugify(name) or "sans-titre"
    slug, n = base, 2
    while slug in used:
        slug, n = f"{base}-{n}", n + 1
    used.add(slug)
    return slug


_ISO_PARTIAL = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def parse_source_notes(
    files: Sequence[ContentFile], seed_ids: set[str]
) -> tuple[dict[str, SourceNote], list[Problem]]:
    """content/sources/<seed-id>.md: verified outlet, URL, date; errors name file and field."""
    notes: dict[str, SourceNote] = {}
    problems: list[Problem] = []
    for f in sorted(files, key=lambda f: f.path):
        meta = f.metadata
        sid = _source_seed(f)
        if sid not in seed_ids:
            problems.append(f.problem("seed", f"aucune source seeds/{sid}.txt"))
            continue
        date = meta.get("date")
        if date:
            date = date[:10] if re.match(r"^\d{4}-\d{2}-\d{2}", date) else date
            if not _ISO_PARTIAL.match(date):
                problems.append(f.problem("date", f"date illisible {date!r} (attendu AAAA-MM-JJ)"))
                date = None
        notes[sid] = SourceNote(
            seed=sid, path=f.path, outlet=meta.get("outlet"), url=meta.get("url"), date=date,
            language=meta.get("language"), reprint_of=meta.get("reprint_of"),
            body_html=f.body_html,
        )
    return notes, problems


# A short page run through the per-seed stages once (a resident process, between builds), so
# that their lazy tables load before the first seed edit needs them: the language identifier's
# model (0.6 s), the city gazetteer, given names, lemma tables and the compiled patterns of
# cleaning, dating and actor extraction.
WARM_UP_PAGE = """Exemple
Le maire de Lyon, Jean Exemple, a annoncé mardi 3 mars que la ville rouvrirait le pont.
Selon la préfecture du Rhône, les travaux ont duré trois mois, a indiqué l'AFP."""


def warm_up() -> None:
    """Run cleaning, dating and actor extraction once on a short page (results dropped)."""
    seed = decode_seed("warm-up", "warm-up.txt", WARM_UP_PAGE.encode())
    if isinstance(seed, SeedText):
        paragraphs = [p.text for p in cleaning.clean(seed).paragraphs]
        actors_mod.extract_actors("warm-up", paragraphs, [() for _ in paragraphs], ())
        chronology.extract_events("warm-up", paragraphs,
                                  dating.infer_publication_date(paragraphs))
