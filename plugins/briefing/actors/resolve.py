"""Stage 5: mentions of all briefings merged into one actor each, registry first."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from rapidfuzz.distance import JaroWinkler
from slugify import slugify

from .model import (
    KIND_PRIORITY,
    Actor,
    ActorIndex,
    BriefingActors,
    Mention,
    RegistryEntry,
    ResolvedMention,
    ResolvedQuote,
    ResolvedRelay,
)
from .names import (
    GIVEN_SIMILARITY,
    _person_names,
    _surname_match,
    _surnames_compatible,
    fold,
    lone_surname,
    place_key,
    simple_fold,
    split_name,
    surname_core,
)

# A given name reduced to its initial: « F. Tshisekedi », « E.Macron ».
_INITIAL = re.compile(r"^[^\W\d_]\.\s*\w")


@dataclass
class _Cluster:
    """Mutable working group of spellings that name one actor."""

    kind: str
    entry: RegistryEntry | None
    names: Counter[str]
    basis: set[str]
    canonical: str | None = None
    kinds: Counter[str] = field(default_factory=Counter)  # mentions' kinds, for automatic ones


def _given_compatible(a: str, b: str) -> bool:
    """Given names that may be one person's (missing, initial, or near after folding)."""
    if not a or not b:
        return True
    fa, fb = fold(a), fold(b)
    if fa[:1] != fb[:1]:
        return False
    if len(fa.rstrip(".")) == 1 or len(fb.rstrip(".")) == 1:
        return True
    return fa == fb or JaroWinkler.similarity(fa, fb) >= GIVEN_SIMILARITY


def _same_person(a: str, b: str) -> bool:
    """Two person spellings that name one person."""
    ga, sa = split_name(a)
    gb, sb = split_name(b)
    return _surnames_compatible(fold(sa), fold(sb)) and _given_compatible(ga, gb)


def _full_names(names: Counter[str]) -> list[str]:
    """A cluster's full names, or its lone surnames when it has none.

    A full name is compared with full names only: « Hafez al-Assad » never joins « Bachar
    al-Assad » through the lone « Assad » that joined the latter.
    """
    full = [n for n in names if not lone_surname(n)]
    return full or list(names)


def _prefix(a: list[str], b: list[str]) -> bool:
    """Whether one full name's words open the other's, longer (« judith suminwa [tuluka] »)."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return len(short) >= 2 and len(long) > len(short) and long[:len(short)] == short


def _block_key(name: str) -> str:
    """Blocking key: first letters of the folded surname, so no all-pairs comparison."""
    return surname_core(fold(split_name(name)[1]))[:3]


def resolve_actors(
    per_briefing: Sequence[BriefingActors], registry: Sequence[RegistryEntry],
) -> ActorIndex:
    """Merge mentions of all briefings into actors: registry first, then folded similarity.

    1. in-article: a surname alone takes the article's full name;
    2. registry aliases (exact fold, then close transliteration);
    3. automatic person clusters blocked by folded surname, places/orgs by gazetteer name;
    4. stable, unique ids and sorted output.
    """
    by_slug = {e.slug: e for e in registry}
    alias_entry: dict[str, RegistryEntry] = {}
    place_entry: dict[str, RegistryEntry] = {}  # places and bodies: g/k and hyphens alike
    person_blocks: dict[str, list[RegistryEntry]] = defaultdict(list)
    for e in registry:
        for a in (e.name, *e.aliases):
            alias_entry.setdefault(fold(a), e)
            if e.kind != "person":
                place_entry.setdefault(place_key(a), e)
        if e.kind == "person":
            person_blocks[_block_key(e.name)].append(e)
    gaz_entry = {place_key(e.name): e for e in registry}

    clusters: dict[str, _Cluster] = {}
    mention_key: dict[tuple[str, int, int], str] = {}
    auto_persons: dict[str, list[str]] = defaultdict(list)  # block -> cluster keys
    by_head: dict[str, list[str]] = {}  # first two folded words of a full name -> cluster keys

    def cluster(key: str, kind: str, entry: RegistryEntry | None) -> _Cluster:
        return clusters.setdefault(key, _Cluster(kind, entry, Counter(), set()))

    pending: list[tuple[str, Mention, str]] = []  # person mentions keyed by full spelling
    for ba in sorted(per_briefing, key=lambda b: b.briefing):
        full = _person_names(ba.mentions)
        known_as = dict(ba.also_known_as)
        for m in ba.mentions:
            if m.kind == "person":
                spelling = known_as.get(m.text, m.text)
                hit = _surname_match(m.text, full, (m.paragraph, m.start))  # 1.
                if hit and (lone_surname(m.text) or fold(hit.text) != fold(m.text)):
                    spelling = hit.text
                pending.append((ba.briefing, m, spelling))
                continue
            # An acronym the article defines names what the article says (« la Commission
            # électorale indépendante (CEI) »), whatever the registry calls « CEI ».
            defined = m.basis.startswith("sigle de")
            entry = (by_slug.get(m.target or "") or (None if defined else (
                alias_entry.get(fold(m.text)) or place_entry.get(place_key(m.text)))))
            if entry is not None:
                key = f"reg:{entry.slug}"
                c = cluster(key, entry.kind, entry)
                c.basis.add(f"registre ({entry.source_path})")
            else:
                canonical = m.target or m.text
                entry = gaz_entry.get(place_key(canonical))
                # One name, one page: « Real Madrid » read as a club in one article and as a
                # place in another is one actor, of the kind most of its mentions give it.
                key = f"reg:{entry.slug}" if entry else f"named:{place_key(canonical)}"
                c = cluster(key, entry.kind if entry else m.kind, entry)
                c.kinds[m.kind] += 1
                c.basis.add("gazetier" if m.target else f"forme identique ({m.basis})")
                if not entry and m.target:
                    c.canonical = canonical
            c.names[m.text] += 1
            mention_key[(ba.briefing, m.paragraph, m.start)] = key

    # 2-3. Person spellings: registry by fold or close transliteration, else clusters.
    for briefing, m, spelling in sorted(pending, key=lambda t: (lone_surname(t[2]),
                                                               t[2], t[0], t[1].paragraph,
                                                               t[1].start)):
        entry = alias_entry.get(fold(spelling))
        basis = "registre (alias replié)"
        if entry is None and spelling == m.text and m.target in by_slug:
            entry = by_slug[m.target]
        if entry is None:
            full_form = not lone_surname(spelling)
            close = [e for e in person_blocks.get(_block_key(spelling), [])
                     if any(_same_person(spelling, a) for a in (e.name, *e.aliases)
                            if not lone_surname(a) or not full_form)]
            if len(close) == 1:
                entry = close[0]
                basis = "registre (translittération proche, Jaro-Winkler)"
        if entry is not None:
            key = f"reg:{entry.slug}"
            c = cluster(key, entry.kind, entry)
            c.basis.add(basis)
        else:
            block = _block_key(spelling)
            single = lone_surname(spelling)
            same = [k for k in auto_persons[block]
                    if any(_same_person(spelling, n) for n in _full_names(clusters[k].names))]
            words = fold(spelling).split()
            if not same and not single and len(words) >= 2:
                # « Judith Suminwa » in one article, « Judith Suminwa Tuluka » in another: one
                # full name the other's head is one person (the same rule as within an article).
                same = list(dict.fromkeys(
                    k for k in by_head.get(" ".join(words[:2]), ())
                    if any(_prefix(words, fold(n).split())
                           for n in _full_names(clusters[k].names))))
            if len(same) == 1:
                key = same[0]
                c = clusters[key]
                c.basis.add("nom de famille seul rattaché" if single else
                            "translittérations repliées et similarité Jaro-Winkler")
            else:
                key = f"person:{fold(spelling)}"
                if key not in clusters:
                    auto_persons[block].append(key)
                c = cluster(key, "person", None)
                c.basis.add("nom seul ambigu" if single and same else "orthographe vue")
            if not single and len(words) >= 2:
                by_head.setdefault(" ".join(words[:2]), []).append(key)
        if spelling != m.text and lone_surname(m.text):
            c.basis.add("nom de famille seul rattaché au nom complet du même article")
        c.names[m.text] += 1
        mention_key[(briefing, m.paragraph, m.start)] = key

    for c in clusters.values():
        if c.entry is None and c.kinds:
            c.kind = max(c.kinds, key=lambda k: (c.kinds[k], -KIND_PRIORITY.index(k)
                                                 if k in KIND_PRIORITY else -len(KIND_PRIORITY)))

    # 4. Ids.
    ids: dict[str, str] = {}
    used: set[str] = set()
    order = sorted(clusters, key=lambda k: (clusters[k].entry is None, k))
    names: dict[str, str] = {}
    for k in order:
        c = clusters[k]
        if c.entry:
            name, slug = c.entry.name, c.entry.slug
        else:
            full_names = [n for n in c.names if not lone_surname(n)] or list(c.names)
            # A name spelled out beats its initial (« Félix Tshisekedi » over « F. Tshisekedi »)
            # and a name inside a longer one (« Judith Suminwa Tuluka » over « Judith
            # Suminwa »), then the most frequent spelling.
            name = c.canonical or sorted(full_names, key=lambda n: (
                bool(_INITIAL.match(n)),
                any(n != o and f" {n} " in f" {o} " for o in full_names), -c.names[n], n))[0]
            slug = slugify(name) or "acteur"
        base, n = slug, 2
        if slug in used:
            slug = f"{base}-{c.kind}"
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        ids[k], names[k] = slug, name

    resolved = []
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    # Index of mentions (the first of each position wins): no scan of every briefing per mention.
    mention_at: dict[tuple[str, int, int], Mention] = {}
    for ba in reversed(per_briefing):
        for x in reversed(ba.mentions):
            mention_at[(ba.briefing, x.paragraph, x.start)] = x
    for (briefing, p, start), key in mention_key.items():
        m = mention_at[(briefing, p, start)]
        resolved.append(ResolvedMention(briefing, p, start, m.end, m.text, ids[key]))
        counts[ids[key]][briefing] += 1
    resolved.sort(key=lambda r: (r.briefing, r.paragraph, r.start))
    at = {(r.briefing, r.paragraph, r.start): r.actor for r in resolved}
    by_name = {simple_fold(names[k]): ids[k] for k in order}

    roles: dict[str, set[tuple[str, str]]] = defaultdict(set)
    rquotes: list[ResolvedQuote] = []
    rrelays: list[ResolvedRelay] = []
    for ba in per_briefing:
        for r in ba.roles:
            actor = at.get((ba.briefing, r.paragraph, r.holder_start))
            if actor:
                roles[actor].add((r.text, ba.briefing))
        for q in ba.quotes:
            speaker = None
            if q.speaker_target:
                speaker = by_name.get(simple_fold(q.speaker_target))
                if speaker is None:
                    entry = by_slug.get(q.speaker_target)
                    speaker = entry.slug if entry and entry.slug in used else None
            if speaker is None and q.speaker_paragraph is not None:
                speaker = at.get((ba.briefing, q.speaker_paragraph, q.speaker_start or 0))
            rquotes.append(ResolvedQuote(ba.briefing, q.paragraph, q.text, q.speaker_text,
                                         speaker, q.basis, q.has_gap))
        for rl in ba.relays:
            agency = at.get((ba.briefing, rl.paragraph, rl.agency_start))
            if agency:
                rrelays.append(ResolvedRelay(ba.briefing, rl.paragraph, agency, rl.cue))
    rquotes.sort(key=lambda q: (q.briefing, q.paragraph, q.text))
    rrelays.sort(key=lambda r: (r.briefing, r.paragraph, r.cue))

    actors = []
    for k in order:
        c, actor_id = clusters[k], ids[k]
        if not counts[actor_id]:
            continue
        aliases = set(c.names) | (set(c.entry.aliases) if c.entry else set())
        aliases.discard(names[k])
        entry_roles = {(r, "") for r in c.entry.roles} if c.entry else set()
        actors.append(Actor(
            id=actor_id, name=names[k], kind=c.kind, aliases=tuple(sorted(aliases)),
            curated=c.entry is not None, wikidata=c.entry.wikidata if c.entry else None,
            bio_html=c.entry.bio_html if c.entry else "",
            briefings=tuple(sorted(counts[actor_id].items())),
            roles=tuple(sorted(roles[actor_id] | entry_roles)),
            quotes=tuple((q.text, q.briefing, q.paragraph) for q in rquotes
                         if q.speaker == actor_id),
            merge_basis=" ; ".join(sorted(c.basis))))
    actors.sort(key=lambda a: a.id)
    return ActorIndex(tuple(actors), tuple(resolved), tuple(rquotes), tuple(rrelays))


def link_outlets(actors: Sequence[Actor], outlets: Sequence[Any]) -> tuple[Actor, ...]:
    """Media actors linked to the outlet note their name or an alias designates."""
    from briefing.factcheck import match_outlet  # factcheck sits downstream of actors

    out = []
    for a in actors:
        note = None
        if a.kind == "media":
            note = next((n for n in (match_outlet(x, outlets) for x in (a.name, *a.aliases))
                         if n is not None), None)
        out.append(replace(a, outlet=note.slug, outlet_html=note.description_html)
                   if note else a)
    return tuple(out)
