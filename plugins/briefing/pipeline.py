"""The orchestrator: seed bytes and authors' files in, one immutable `Site` out (no I/O here)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from slugify import slugify

from . import cleaning
from .cleaning import Cleaned, Decision, Gap, Paragraph, SourceHint
from .reading import SeedProblem, SeedText, decode_seed


@dataclass(frozen=True)
class SeedFile:
    """A seed as found on disk: its file name and raw bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class ContentFile:
    """An author's Markdown file, already parsed by Pelican's reader."""

    path: str
    metadata: dict[str, str]
    body_html: str
    lines: dict[str, int] = field(default_factory=dict)

    def problem(self, key: str, message: str) -> Problem:
        """An author error about one metadata field, located at its line."""
        return Problem(self.path, message, key, self.lines.get(key))


@dataclass(frozen=True)
class Problem:
    """Something wrong in an input file: logged as a warning, fatal only in strict mode."""

    path: str
    message: str
    field: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        if self.field:
            where += f": champ « {self.field} »"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class SourceNote:
    """Verified metadata of a seed, written by an author in content/sources/<seed-id>.md."""

    seed: str
    path: str
    outlet: str | None
    url: str | None
    date: str | None
    language: str | None
    reprint_of: str | None
    body_html: str


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
    duplicates: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    events: tuple[str, ...] = ()

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
    raw: dict[str, bytes] = field(default_factory=dict)


def seed_id(filename: str) -> str:
    """The seed id: the file stem (DESIGN.md §4)."""
    return re.sub(r"\.txt$", "", filename)


def build_site(
    seeds: Sequence[SeedFile],
    sources: Sequence[ContentFile] = (),
    progress: Callable[[str], None] | None = None,
) -> Site:
    """Turn seeds and authors' files into a Site.

    1. read: decode every seed, refuse empty/binary/undecodable ones with a message;
    2. deduplicate: an exact copy of another seed is published once and reported;
    3. clean: classify lines, with short lines shared across seeds treated as site furniture;
    4. source notes: authors' verified metadata override hints and inferences;
    5. assemble Briefing records with unique slugs.
    """
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

    # 4. Source notes, keyed by seed id.
    notes, note_problems = parse_source_notes(sources, {t.id for t in unique})
    problems.extend(note_problems)

    # 5. Assemble.
    briefings: list[Briefing] = []
    used_slugs: set[str] = set()
    for text in unique:
        if progress:
            progress(text.id)
        cleaned = cleaning.clean(text, shared)
        if not cleaned.paragraphs:
            problems.append(Problem(f"seeds/{text.filename}",
                                    "aucun texte d’article après nettoyage (que de l’habillage)"))
        # A legacy encoding is worth an author's look; BOM and CRLF are routine.
        problems.extend(Problem(f"seeds/{text.filename}", note)
                        for note in text.notes if "cp1252" in note)
        briefings.append(_briefing(text, cleaned, notes.get(text.id), used_slugs,
                                   tuple(duplicates.get(text.id, ()))))
    return Site(tuple(briefings), tuple(problems), tuple(skipped))


def _briefing(
    text: SeedText, cleaned: Cleaned, note: SourceNote | None, used: set[str],
    duplicates: tuple[str, ...],
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
    if note and note.date:
        date, date_status = note.date, "confirmed"
        date_basis = f"date vérifiée par la rédaction ({note.path})"
    else:
        date, date_status, date_basis = None, "unknown", "aucune date dans le texte (à inférer)"
    return Briefing(
        id=text.id, slug=slug, filename=text.filename, title=cleaned.title,
        title_is_generated=cleaned.title_is_generated, title_basis=cleaned.title_basis,
        paragraphs=cleaned.paragraphs, decisions=cleaned.decisions, gaps=cleaned.gaps,
        hints=cleaned.hints, read_notes=text.notes, sha256=text.sha256,
        source=source, source_status=status, source_basis=basis,
        source_url=note.url if note else None,
        date=date, date_status=date_status, date_basis=date_basis, duplicates=duplicates,
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
