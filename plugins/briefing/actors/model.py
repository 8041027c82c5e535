"""Records of the actor stages: NER spans, registry entries, mentions, quotes, actors."""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("person", "organisation", "state", "place", "media")
# When one name gets several kinds (in an article, or across articles), the first wins ties.
KIND_PRIORITY = ("state", "media", "organisation", "place", "person")


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
    # (second name, first name) of one person in this article (« … al-Jolani, qui se fait
    # appeler par son vrai nom, Ahmed al-Chareh »).
    also_known_as: tuple[tuple[str, str], ...] = ()


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
    outlet: str | None = None  # slug of the outlet note of a media actor
    outlet_html: str = ""  # that note's sanitised description, shown on the actor page


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
