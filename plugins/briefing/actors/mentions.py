"""Stage 3: names in a briefing (dictionary and NER), typed by context, with roles and relays."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing import actor_lexicon as lex

from .model import BriefingActors, Mention, NerSpan, RegistryEntry, Relay, Role
from .names import (
    SPACES,
    _is_boilerplate,
    _person_names,
    _quote_spans,
    _surface_pattern,
    _surname_match,
    has_gap,
    simple_fold,
    split_name,
)
from .quotes import _quotes

# An apposition longer than this is a clause, not a title.
MAX_APPOSITION_WORDS = 12
# How far left of a name a title may start.
APPOSITION_WINDOW = 160


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
