"""The orchestrator: seed bytes and authors' files in, one immutable `Site` out (no I/O here)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from slugify import slugify

from . import actors as actors_mod
from . import chronology, cleaning, dating, factcheck
from .cleaning import Cleaned, Decision, Gap, Paragraph, SourceHint
from .reading import SeedProblem, SeedText, decode_seed
from .records import ContentFile, Problem, SeedFile, SourceNote

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
    date_not_before: str | None = None  # bounds of an unknown date (ISO partial)
    date_not_after: str | None = None
    duplicates: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    reprint_of: str | None = None

    @property
    def removed(self) -> tuple[Decision, ...]:
        """Every line (or line prefix) taken out of the article, with its reason."""
        return tuple(d for d in self.decisions if d.kind not in cleaning.KEPT)

    @property
    def word_count(self) -> int:
        """Words of article text kept."""
        return sum(len(cleaning.words(p.text)) for p in self.paragraphs)


@dataclass(frozen=True)
class Site:
    """Everything the writer needs, gathered before anything is written."""

    briefings: tuple[Briefing, ...]
    problems: tuple[Problem, ...]
    skipped: tuple[SeedProblem, ...] = ()
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
    """The seed id: the file stem (DESIGN.md §4)."""
    return re.sub(r"\.txt$", "", filename)


def build_site(
    seeds: Sequence[SeedFile],
    content: Mapping[str, Sequence[ContentFile]] | None = None,
    ner: NerProvider | None = None,
    progress: Callable[[str], None] | None = None,
) -> Site:
    """Turn seeds and authors' files into a Site.

    1. read: decode every seed, refuse empty/binary/undecodable ones with a message;
    2. deduplicate: an exact copy of another seed is published once and reported;
    3. clean: classify lines, with short lines shared across seeds treated as site furniture;
    4. source notes: authors' verified metadata override hints and inferences;
    5. NER on cleaned paragraphs only (through `ner`, which caches; None = no model);
    6. actors: registry, mentions, roles, quotes, relays, resolved across briefings;
    7. dates: publication date per briefing (confirmed by authors, else inferred or unknown);
    8. chronology: events per briefing, dates and events settled together, merged across seeds;
    9. fact-checking: outlets, notes validated against briefings/actors/events, figures;
    10. assemble Briefing records with unique slugs and their links.
    """
    content = content or {}
    problems: list[Problem] = []
    skipped: list[SeedProblem] = []

    # 1. Read.
    texts: list[SeedText] = []
    for seed in sorted(seeds, key=lambda s: s.name):
        decoded = decode_seed(seed_id(seed.name), seed.name, seed.data)
        if isinstance(decoded, SeedProblem):
            skipped.append(decoded)
            problems.append(Problem(f"seeds/{seed.name}", decoded.message))
            continue
        texts.append(decoded)

    # 2. Deduplicate by content hash: the first name wins, the others are linked to it.
    by_hash: dict[str, SeedText] = {}
    duplicates: dict[str, list[str]] = {}
    unique: list[SeedText] = []
    for text in texts:
        first = by_hash.get(text.sha256)
        if first is not None:
            duplicates.setdefault(first.id, []).append(text.filename)
            problems.append(Problem(f"seeds/{text.filename}",
                                    f"copie exacte de seeds/{first.filename} : publiée une fois"))
            continue
        by_hash[text.sha256] = text
        unique.append(text)

    # 3. Clean, with the corpus-wide line counts as a signal.
    line_seeds: Counter[str] = Counter()
    for text in unique:
        line_seeds.update({cleaning.normalise_line(line) for line in text.lines if line.strip()})
    shared = frozenset(k for k, n in line_seeds.items() if n >= 2)
    cleaned: dict[str, Cleaned] = {}
    for text in unique:
        if progress:
            progress(text.id)
        cleaned[text.id] = c = cleaning.clean(text, shared)
        if not c.paragraphs:
            problems.append(Problem(f"seeds/{text.filename}",
                                    "aucun texte d’article après nettoyage (que de l’habillage)"))
        markup = ", ".join(str(d.line) for d in c.decisions if d.rule == "html-markup")
        if markup:
            problems.append(Problem(f"seeds/{text.filename}",
                                    f"code HTML retiré du texte (lignes {markup})"))
        # A legacy encoding is worth an author's look; BOM and CRLF are routine.
        problems.extend(Problem(f"seeds/{text.filename}", note)
                        for note in text.notes if "cp1252" in note)
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
    per_briefing = [actors_mod.extract_actors(sid, bodies[sid], spans.get(sid, ()), registry)
                    for sid in sorted(bodies)]
    index = actors_mod.resolve_actors(per_briefing, registry)
    actor_spans: dict[str, list[list[tuple[int, int, str]]]] = {
        sid: [[] for _ in bodies[sid]] for sid in bodies}
    for m in index.mentions:
        actor_spans[m.briefing][m.paragraph].append((m.start, m.end, m.actor))

    # 7. Publication dates: authors' verified date wins, else evidence from the text.
    pubs: dict[str, dating.PublicationDate] = {}
    for sid, c in cleaned.items():
        note = notes.get(sid)
        if note and note.date:
            pubs[sid] = dating.PublicationDate(
                note.date, "confirmed", f"date vérifiée par la rédaction ({note.path})")
        else:
            pubs[sid] = dating.infer_publication_date(bodies[sid], c.captions)

    # 8. Chronology: dates and events settle each other (a shared event dates a seed).
    pubs, events = chronology.settle(bodies, pubs, actor_spans)
    entries = chronology.build_chronology(events)
    entry_of = {e.id: entry.id for entry in entries for e in entry.reports}

    # 9. Fact-checking.
    outlets, outlet_problems = factcheck.parse_outlets(content.get("outlets", ()))
    problems.extend(outlet_problems)
    fact_notes, fact_problems = factcheck.parse_notes(
        content.get("notes", ()), set(cleaned), {a.id for a in index.actors},
        {entry.id: entry.date for entry in entries})
    problems.extend(fact_problems)
    figures = tuple(f for sid in sorted(bodies) for f in factcheck.figures(sid, bodies[sid]))
    agreeing, disputed = factcheck.compare_figures(figures)

    # 10. Assemble.
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
            text, cleaned[text.id], notes.get(text.id), used_slugs,
            tuple(duplicates.get(text.id, ())), pubs[text.id], actor_ids,
            tuple(briefing_events.get(text.id, ()))))
    return Site(
        briefings=tuple(briefings), problems=tuple(problems), skipped=tuple(skipped),
        actors=actors_mod.link_outlets(index.actors, outlets),
        mentions=index.mentions, quotes=index.quotes, relays=index.relays,
        events=events, chronology=entries, notes=fact_notes, outlets=outlets,
        figures=figures, figure_groups=tuple(agreeing), disputed_figures=tuple(disputed),
    )


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
    event_ids: tuple[str, ...],
) -> Briefing:
    slug = unique_slug(text.id, used)
    publisher = next((h for h in cleaned.hints if h.relation == "publisher"), None)
    if note and note.outlet:
        source, status, basis = note.outlet, "confirmed", f"vérifié par la rédaction ({note.path})"
    elif publisher:
        source, status, basis = publisher.outlet, "hint", publisher.basis
    else:
        source, status = None, "unknown"
        basis = "aucun indice fiable du média dans le texte"
    return Briefing(
        id=text.id, slug=slug, filename=text.filename, title=cleaned.title,
        title_is_generated=cleaned.title_is_generated, title_basis=cleaned.title_basis,
        paragraphs=cleaned.paragraphs, decisions=cleaned.decisions, gaps=cleaned.gaps,
        hints=cleaned.hints, read_notes=text.notes, sha256=text.sha256,
        source=source, source_status=status, source_basis=basis,
        source_url=note.url if note else None,
        date=pub.value, date_status=pub.status, date_basis=pub.basis,
        date_range=pub.range_label, date_not_before=pub.not_before,
        date_not_after=pub.not_after, duplicates=duplicates, actors=actor_ids, events=event_ids,
        reprint_of=note.reprint_of if note and note.reprint_of else None,
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
        sid = meta.get("seed") or re.sub(r"\.md$", "", f.path.rsplit("/", 1)[-1])
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
