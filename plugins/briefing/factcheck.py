"""Fact-checking: authors' notes and outlet notes, quoted figures and their corroboration.

Authors' files (Markdown with Pelican-style metadata, French; keys are case-insensitive):

``content/notes/<name>.md`` — one fact-check:
    Title       headline of the note (default: « Vérification : » and the start of the claim)
    Slug        URL slug (default: the file stem, slugified); unique among notes
    Date        publication date of the note, ``YYYY-MM-DD``
    Briefing    seed id(s), comma-separated; the first is where the claim is quoted from
                (ClaimReview's ``appearance``), the others are briefings the note also concerns
    Actors      actor slug(s) (file stems of content/actors/*.md), comma-separated
    Event       event id(s) or ISO date(s) (``1994``, ``2020-09``, ``2020-09-27``),
                comma-separated; a date names every event of that date
    Claim       required: the statement checked, quoted as the source says it
    Claimant    who said it; leave it out when the text is unattributed
    Verdict     required: a key or label of ``verdicts.VERDICTS`` (accents and case ignored)
    Sources     references, one per line (indented continuation lines) or separated by « ; »;
                each is a label or a Markdown link ``[label](https://…)``
    Correction  ``YYYY-MM-DD: what was wrong``, one per line: shown on the note, listed in the
                corrections log
At least one of Briefing, Actors or Event is required. The body is the explanation.

``content/outlets/<slug>.md`` — a neutral note on an outlet:
    Title (or Name) the outlet's name; Aliases: other names, comma-separated (matched against
    the source names of briefings); Sources: as for notes. The body says who owns or funds it.

A note with an unknown briefing, actor or event, a verdict off the scale or no claim is an
author error: reported with its file, line and field, and skipped; the rest of the site builds.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

import nh3
from slugify import slugify

from . import dating
from . import textutils as T
from . import verdicts as V
from .records import ContentFile, Problem, split_values
from .verdicts import VERDICTS, Verdict

__all__ = [
    "VERDICTS", "Correction", "Figure", "FigureGroup", "Note", "Outlet", "Verdict",
    "compare_figures", "figure_status", "figures", "find_verdict", "group_status", "match_outlet",
    "notes_for", "parse_notes", "parse_outlets", "sanitise",
]

# Tags an author's Markdown may produce; anything else is stripped (script content dropped).
ALLOWED_TAGS = frozenset({
    "p", "a", "em", "strong", "b", "i", "blockquote", "q", "cite", "ul", "ol", "li", "code",
    "pre", "br", "hr", "h2", "h3", "h4", "abbr", "sup", "sub", "dl", "dt", "dd", "table",
    "thead", "tbody", "tr", "th", "td", "del", "ins", "mark", "small", "span",
})
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "abbr": {"title"}, "q": {"cite"},
                      "blockquote": {"cite"}, "th": {"scope"}, "span": {"lang"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_PARTIAL = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_LINK = re.compile(r"^\[(?P<label>[^\]]+)\]\((?P<url>\S+)\)$")
_BARE_URL = re.compile(r"^(?P<url>[a-z][a-z0-9+.-]*:\S+)$", re.I)
_CORRECTION = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})\s*:\s*(?P<text>\S.*)$")
# Claims longer than this are cut for a default title.
TITLE_CLAIM_CHARS = 80


@dataclass(frozen=True)
class Correction:
    """A correction of a note: when it was made and what was wrong."""

    date: str
    text: str


@dataclass(frozen=True)
class Note:
    """An author's fact-check of one claim."""

    slug: str
    path: str
    title: str
    date: str | None
    claim: str
    claimant: str | None
    verdict: Verdict
    briefings: tuple[str, ...]
    actors: tuple[str, ...]
    events: tuple[str, ...]
    sources: tuple[tuple[str, str | None], ...]  # (label, url or None)
    body_html: str  # sanitised
    corrections: tuple[Correction, ...]


@dataclass(frozen=True)
class Outlet:
    """A neutral note on an outlet: who owns or funds it, with sources."""

    slug: str
    name: str
    aliases: tuple[str, ...]
    description_html: str  # sanitised
    sources: tuple[tuple[str, str | None], ...]
    path: str


@dataclass(frozen=True)
class Figure:
    """A quantity quoted by a briefing (« plus de 6 500 personnes »)."""

    briefing: str
    paragraph: int  # index into the briefing's paragraphs, from 0
    text: str  # as written, with its modifier
    value: float  # in `unit` (durations in years)
    unit: str
    key: str  # what is counted, and when: « morts@2020 », « duree-conflit »
    modifier: str = ""  # plus de | au moins | moins de | environ | "" (exact)

    @property
    def bounds(self) -> tuple[float, float]:
        """The range of true values this figure allows."""
        return V.interval(self.value, self.modifier)

    @property
    def label(self) -> str:
        """French label of what is counted, with its scope: « bilan humain (2020) »."""
        kind, _, scope = self.key.partition("@")
        text = V.KIND_LABELS.get(kind, kind)
        return f"{text} ({scope})" if scope else text


# 1. Shared helpers ---------------------------------------------------------------------------


def fold(text: str) -> str:
    """Lower case, no accents, straight apostrophes, single spaces: for matching names."""
    return T.match_key(text, keep="'/")


def sanitise(html: str) -> str:
    """An author's HTML with only harmless tags, attributes and URL schemes."""
    return nh3.clean(html, tags=set(ALLOWED_TAGS), attributes=ALLOWED_ATTRIBUTES,
                     url_schemes=set(URL_SCHEMES), link_rel="noopener noreferrer")


def find_verdict(value: str) -> Verdict | None:
    """The verdict named by a key or a label, accents and case ignored."""
    wanted = fold(value).replace("-", " ")
    for v in VERDICTS:
        if wanted in (fold(v.key).replace("-", " "), fold(v.label)):
            return v
    return None




def _split_top(value: str) -> list[str]:
    """Split on newlines and on « ; » outside brackets and parentheses."""
    parts, depth, current = [], 0, []
    for ch in value:
        if ch in "[(":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        if (ch == "\n" or (ch == ";" and depth == 0)) and current:
            parts.append("".join(current))
            current = []
        elif ch != "\n":
            current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def parse_sources(
    f: ContentFile, key: str = "sources"
) -> tuple[tuple[tuple[str, str | None], ...], list[Problem]]:
    """References as (label, url): unsafe URL schemes are reported and dropped."""
    out: list[tuple[str, str | None]] = []
    problems: list[Problem] = []
    for item in _split_top(f.metadata.get(key, "")):
        link, bare = _LINK.match(item), _BARE_URL.match(item)
        label, url = (link["label"].strip(), link["url"]) if link else (
            (item, item) if bare else (item, None))
        if url and url.split(":", 1)[0].lower() not in ("http", "https"):
            problems.append(f.problem(key, f"lien refusé « {url} » (seuls http et https)"))
            url = None
        out.append((label, url))
    return tuple(out), problems


def _suggest(value: str, known: Collection[str]) -> str:
    """« (voulez-vous dire … ?) » when one known id starts like the unknown value."""
    close = sorted(k for k in known if k.startswith(value) or fold(k) == fold(value))
    return f" (voulez-vous dire {close[0]} ?)" if len(close) == 1 else ""


# 2. Notes ------------------------------------------------------------------------------------


def parse_notes(
    files: Sequence[ContentFile], briefing_ids: Collection[str], actor_ids: Collection[str],
    event_ids: Mapping[str, str],
) -> tuple[tuple[Note, ...], tuple[Problem, ...]]:
    """content/notes/*.md → notes; author errors name the file, line and field."""
    by_date: dict[str, list[str]] = defaultdict(list)
    for eid, date in event_ids.items():
        by_date[date].append(eid)
    notes: list[Note] = []
    problems: list[Problem] = []
    slugs: set[str] = set()
    for f in sorted(files, key=lambda f: f.path):
        note, found = _note(f, briefing_ids, actor_ids, event_ids, by_date)
        problems.extend(found)
        if note is None:
            continue
        if note.slug in slugs:
            problems.append(f.problem("slug", f"slug « {note.slug} » déjà pris par une autre "
                                              "note : note ignorée"))
            continue
        slugs.add(note.slug)
        notes.append(note)
    return tuple(notes), tuple(problems)


def _note(
    f: ContentFile, briefing_ids: Collection[str], actor_ids: Collection[str],
    event_ids: Mapping[str, str], by_date: Mapping[str, list[str]],
) -> tuple[Note | None, list[Problem]]:
    """One note, or None with the errors that make it unpublishable."""
    meta = f.metadata
    fatal: list[Problem] = []
    minor: list[Problem] = []

    claim = " ".join(meta.get("claim", "").split())
    if not claim:
        fatal.append(f.problem("claim", "affirmation vérifiée manquante (champ Claim)"))

    verdict = None
    if not meta.get("verdict", "").strip():
        fatal.append(f.problem("verdict", "verdict manquant"))
    else:
        verdict = find_verdict(meta["verdict"])
        if verdict is None:
            scale = ", ".join(v.label for v in VERDICTS)
            fatal.append(f.problem("verdict", f"verdict « {meta['verdict'].strip()} » hors de "
                                              f"l’échelle (attendu : {scale})"))

    briefings = tuple(dict.fromkeys(split_values(meta.get("briefing"))))
    for b in briefings:
        if b not in briefing_ids:
            fatal.append(f.problem("briefing", f"briefing inconnu « {b} »"
                                               + _suggest(b, briefing_ids)))
    actors = tuple(dict.fromkeys(split_values(meta.get("actors"))))
    for a in actors:
        if a not in actor_ids:
            fatal.append(f.problem("actors", f"acteur inconnu « {a} »" + _suggest(a, actor_ids)))
    events: list[str] = []
    for e in split_values(meta.get("event")):
        if e in event_ids:
            events.append(e)
        elif _ISO_PARTIAL.match(e) and by_date.get(e):
            events.extend(sorted(by_date[e]))
        elif _ISO_PARTIAL.match(e):
            fatal.append(f.problem("event", f"aucun événement daté du {e}"))
        else:
            fatal.append(f.problem("event", f"événement inconnu « {e} »"))
    if not (briefings or actors or split_values(meta.get("event"))):
        fatal.append(f.problem("briefing", "la note ne concerne aucune page "
                                           "(Briefing, Actors ou Event manquant)"))

    date = (meta.get("date") or "").strip() or None
    if date and not _ISO_DAY.match(date[:10]):
        minor.append(f.problem("date", f"date illisible « {date} » (attendu AAAA-MM-JJ)"))
        date = None
    elif date:
        date = date[:10]

    sources, found = parse_sources(f)
    minor.extend(found)
    corrections: list[Correction] = []
    for line in _split_top(meta.get("correction", "")):
        m = _CORRECTION.match(line)
        if m:
            corrections.append(Correction(m["date"], m["text"].strip()))
        else:
            minor.append(f.problem("correction", f"correction illisible « {line} » "
                                                 "(attendu AAAA-MM-JJ: ce qui était faux)"))

    if fatal or verdict is None:
        skipped = [replace(p, message=f"{p.message} : note ignorée") for p in fatal]
        return None, skipped + minor
    stem = f.path.rsplit("/", 1)[-1].removesuffix(".md")
    title = " ".join(meta.get("title", "").split()) or _default_title(claim)
    return Note(
        slug=slugify(meta.get("slug") or stem) or "note", path=f.path, title=title, date=date,
        claim=claim, claimant=" ".join(meta.get("claimant", "").split()) or None,
        verdict=verdict, briefings=briefings, actors=actors,
        events=tuple(dict.fromkeys(events)), sources=sources, body_html=sanitise(f.body_html),
        corrections=tuple(sorted(corrections, key=lambda c: c.date)),
    ), minor


def _default_title(claim: str) -> str:
    """« Vérification : » and the claim, cut at a word boundary."""
    if len(claim) <= TITLE_CLAIM_CHARS:
        return f"Vérification : « {claim} »"
    cut = claim[:TITLE_CLAIM_CHARS].rsplit(" ", 1)[0]
    return f"Vérification : « {cut} … »"


def notes_for(notes: Iterable[Note], *, briefing: str | None = None, actor: str | None = None,
              event: str | None = None) -> tuple[Note, ...]:
    """The notes that concern one briefing, actor or event page."""
    return tuple(n for n in notes if (briefing and briefing in n.briefings)
                 or (actor and actor in n.actors) or (event and event in n.events))


# 3. Outlets ----------------------------------------------------------------------------------


def parse_outlets(files: Sequence[ContentFile]) -> tuple[tuple[Outlet, ...], tuple[Problem, ...]]:
    """content/outlets/<slug>.md → outlet notes; a name claimed twice is an error."""
    outlets: list[Outlet] = []
    problems: list[Problem] = []
    owner: dict[str, str] = {}
    for f in sorted(files, key=lambda f: f.path):
        name = " ".join((f.metadata.get("name") or f.metadata.get("title") or "").split())
        if not name:
            problems.append(f.problem("title", "nom du média manquant (champ Title) : "
                                               "fiche ignorée"))
            continue
        aliases = tuple(a for a in dict.fromkeys(split_values(f.metadata.get("aliases")))
                        if a != name)
        clash = [n for n in (name, *aliases) if fold(n) in owner]
        if clash:
            problems.append(f.problem("aliases", f"nom « {clash[0]} » déjà utilisé par "
                                                 f"{owner[fold(clash[0])]} : fiche ignorée"))
            continue
        for n in (name, *aliases):
            owner[fold(n)] = f.path
        sources, found = parse_sources(f)
        problems.extend(found)
        stem = f.path.rsplit("/", 1)[-1].removesuffix(".md")
        outlets.append(Outlet(slug=slugify(f.metadata.get("slug") or stem), name=name,
                              aliases=aliases, description_html=sanitise(f.body_html),
                              sources=sources, path=f.path))
    return tuple(outlets), tuple(problems)


def match_outlet(source_name: str | None, outlets: Iterable[Outlet]) -> Outlet | None:
    """The outlet a briefing's source name designates, by name or alias (folded)."""
    if not source_name:
        return None
    # « Radio Free Europe / Radio Liberty (RFE/RL) »: the whole, the part outside and inside.
    inner = re.findall(r"\(([^)]*)\)", source_name)
    outer = re.sub(r"\([^)]*\)", " ", source_name)
    wanted = {fold(x) for x in (source_name, outer, *inner) if fold(x)}
    for outlet in outlets:
        if wanted & {fold(n) for n in (outlet.name, *outlet.aliases)}:
            return outlet
    return None


# 4. Figures ----------------------------------------------------------------------------------


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation, longest first, spaces matching any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len,
                                                                         reverse=True))


_FIGURE = re.compile(
    rf"(?:(?P<mod>{_alternation(V.MODIFIERS)})\s+)?"
    rf"(?P<num>{V.NUMBER_DIGITS}|\b(?:{_alternation([*V.NUMBER_WORDS, *V.VAGUE_WORDS])}))"
    rf"(?:\s+(?P<mult>{_alternation(V.MULTIPLIERS)})\s+d[e’'])?"
    rf"\s+(?P<unit>{_alternation(V.UNITS)})\b",
    re.IGNORECASE,
)


def _number(token: str) -> tuple[float, str]:
    """The value of a number token and the modifier its vagueness implies."""
    word = token.lower()
    if word in V.VAGUE_WORDS:
        return V.VAGUE_WORDS[word]
    if word in V.NUMBER_WORDS:
        return V.NUMBER_WORDS[word], ""
    return float(re.sub(r"[ \u00a0\u202f]", "", token).replace(",", ".")), ""


def figures(briefing_id: str, paragraphs: Sequence[str]) -> tuple[Figure, ...]:
    """Quoted counts of people and troops, and durations of the conflict or a war."""
    out: list[Figure] = []
    last_year: str | None = None  # the latest year named so far: the default scope
    for index, text in enumerate(paragraphs):
        for start, end in dating.sentence_spans(text):
            sentence = text[start:end]
            for m in _FIGURE.finditer(sentence):
                figure = _figure(briefing_id, index, sentence, m, last_year)
                if figure is not None:
                    out.append(figure)
            years = V.YEAR_SCOPE.findall(sentence)
            last_year = years[-1] if years else last_year
    return tuple(out)


def _figure(briefing_id: str, index: int, sentence: str, m: re.Match[str],
            last_year: str | None) -> Figure | None:
    unit = V.UNITS[re.sub(r"\s+", " ", m["unit"].lower())]
    value, modifier = _number(m["num"])
    if modifier and unit.kind != "duration" and not m["mult"]:
        return None  # « des personnes » is not a figure
    if m["mult"]:
        value *= V.MULTIPLIERS[m["mult"].lower()]
        modifier = modifier or "au moins"  # « des milliers » is a lower bound
    if m["mod"]:
        modifier = V.MODIFIERS[re.sub(r"\s+", " ", m["mod"].lower())]
    if unit.kind == "duration" and unit.factor >= 10 and not modifier:
        modifier = "environ"  # « une décennie » is a round figure, not an exact one
    rest = sentence[:m.start()] + " " + sentence[m.end():]
    if unit.kind == "duration":
        if V.CONFLICT_WORDS.search(sentence):
            kind, scoped = "duree-conflit", False  # one conflict: its age needs no scope
        elif V.WAR_WORDS.search(sentence):
            kind, scoped = "duree-guerre", True
        else:
            return None  # a delay or a period we cannot tie to anything comparable
    elif unit.kind == "troops":
        kind, scoped = "soldats", True
    else:
        kind, scoped = ("morts" if V.DEATH_WORDS.search(sentence) else "personnes"), True
    scope = ""
    if scoped:
        year, month = V.YEAR_SCOPE.search(rest), V.MONTH_SCOPE.search(rest)
        scope = year[1] if year else (month[1].lower() if month else (last_year or ""))
    return Figure(briefing=briefing_id, paragraph=index, text=m.group(0).strip(),
                  value=float(round(value * unit.factor, 4)), unit=unit.unit,
                  key=f"{kind}@{scope}" if scope else kind, modifier=modifier)


FigureGroup = tuple[str, tuple["Figure", ...]]  # (key, its figures by briefing and paragraph)


def compare_figures(
    figs: Iterable[Figure],
) -> tuple[tuple[FigureGroup, ...], tuple[FigureGroup, ...]]:
    """Figures grouped by key: (agreeing groups, disputed groups), each sorted by key.

    Figures are grouped by key, never compared pairwise across keys. A group is disputed when
    at least two briefings tell it and no single value fits every figure's range (« une
    décennie » against « plus de 30 ans »). Every other group agrees: corroborated when two or
    more briefings tell it, single-source when one does (`group_status`).
    """
    groups: dict[str, list[Figure]] = defaultdict(list)
    for f in figs:
        groups[f.key].append(f)
    agreeing: list[FigureGroup] = []
    disputed: list[FigureGroup] = []
    for key in sorted(groups):
        group = tuple(sorted(groups[key], key=lambda f: (f.briefing, f.paragraph, f.text)))
        low = max(f.bounds[0] for f in group)
        high = min(f.bounds[1] for f in group)
        clash = not (low <= high or math.isclose(low, high))
        several = len({f.briefing for f in group}) >= 2
        (disputed if clash and several else agreeing).append((key, group))
    return tuple(agreeing), tuple(disputed)


def group_status(group: FigureGroup, disputed: bool = False) -> str:
    """corroborated | single-source | disputed for one group of compare_figures."""
    if disputed:
        return "disputed"
    return "corroborated" if len({f.briefing for f in group[1]}) >= 2 else "single-source"


def figure_status(key: str, figs: Iterable[Figure]) -> str:
    """corroborated | single-source | disputed for one figure key."""
    agreeing, disputed = compare_figures(f for f in figs if f.key == key)
    if disputed:
        return "disputed"
    return group_status(agreeing[0]) if agreeing else "single-source"
