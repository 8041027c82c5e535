"""Stage 3: names in a briefing (dictionary and NER), typed by context, with roles and relays."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from briefing import actor_lexicon as lex
from briefing.gazetteer import gazetteer, is_city

from . import evidence
from .aliases import (
    _ACRONYM,
    _acronyms,
    _also_known_as,
    _nicknames,
    _short_forms,
    _transliterated,
)
from .model import (
    KIND_PRIORITY,
    BriefingActors,
    Mention,
    NerSpan,
    RegistryEntry,
    Relay,
    Role,
)
from .names import (
    SPACES,
    _is_boilerplate,
    _person_names,
    _quote_spans,
    _surface_pattern,
    _surname_match,
    _surnames_compatible,
    dict_key,
    fold,
    has_gap,
    lone_surname,
    place_key,
    simple_fold,
    split_name,
)
from .quotes import _quotes
from .spans import (
    _clean_span,
    _contracted_article,
    _landmark,
    _place_article,
    _titled_body,
    repaired_spans,
)
from .titles import _civility_before, _title_after, _title_before


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
    for text, (canonical, kind, _) in gazetteer().items():
        surfaces.setdefault(text, _Surface(text, kind, canonical, "gazetier"))
    return sorted(surfaces.values(), key=lambda s: (-len(s.text), s.text))




@functools.lru_cache(maxsize=8)
def _surfaces_by_fold(surfaces: tuple[_Surface, ...]) -> dict[str, _Surface]:
    """Surfaces by folded text, registry entries first (computed once per registry)."""
    by_fold: dict[str, _Surface] = {}
    for s in surfaces:
        by_fold.setdefault(dict_key(s.text), s)
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
    # « France 24 », « France 2 »: a name followed by a number is part of a longer name.
    return re.compile(r"(?<![\w\-])(?:" + "|".join(parts) + rf")(?![\w\-]|[{SPACES}]\d)")


def _brand_kind(text: str, by_fold: dict[str, _Surface]) -> tuple[str, str] | None:
    """Kind of a name opening with a known outlet or body (« Sputnik Afrique », « RT France »)."""
    words = text.split()
    for n in range(len(words) - 1, 0, -1):
        known = by_fold.get(dict_key(" ".join(words[:n])))
        if known and known.kind in ("media", "organisation") and words[n][:1].isupper():
            return known.kind, f"déclinaison de {known.text} ({known.kind})"
    return None


def _find_mentions(
    index: int, paragraph: str, spans: Sequence[NerSpan], by_fold: dict[str, _Surface],
    regex: re.Pattern[str], quotes: Sequence[tuple[int, int]],
) -> list[Mention]:
    """Dictionary matches and validated NER spans of one paragraph, without overlaps."""
    candidates: list[tuple[int, int, int, Mention]] = []  # (start, -length, priority, mention)

    def in_quote(pos: int) -> bool:
        return any(i < pos < j for i, j in quotes)

    for m in regex.finditer(paragraph):
        if evidence.credit(paragraph, m.start(), m.end()):
            continue  # « / AFP » after a photographer is a credit, not the agency speaking
        s = by_fold[dict_key(m.group())]
        longer = evidence.named_after(paragraph, m.start()) if s.kind in ("state", "place") \
            else None
        if longer:
            # « la Banque de France »: the known name completes a body's own name.
            at, kind = longer
            if kind:
                candidates.append((at, at - m.end(), 0, Mention(
                    index, at, m.end(), paragraph[at:m.end()], kind,
                    f"nom formé sur {s.text}", None, in_quote(at))))
            continue
        titled = _titled_body(paragraph, m.start(), m.end())
        if titled:
            # « Pour La France insoumise, … »: a longer name holds the known one.
            candidates.append((titled[0], titled[0] - titled[1], 0, Mention(
                index, titled[0], titled[1], paragraph[titled[0]:titled[1]], "organisation",
                "nom propre ouvert par un article en capitale", None, in_quote(titled[0]))))
            continue
        mention = Mention(index, m.start(), m.end(), m.group(), s.kind,
                          f"{s.basis} : {s.target}", s.target, in_quote(m.start()))
        candidates.append((m.start(), m.start() - m.end(), 0, _landmark(paragraph, mention)))
    for span in repaired_spans(paragraph, spans):
        cleaned = _clean_span(paragraph, span)
        if not cleaned:
            continue
        start, end = cleaned
        article = _place_article(paragraph, start, span.label)
        if article is not None:
            start = article  # « à La Clusaz », « de La Teste-de-Buch »: the article is the name's
        text = paragraph[start:end]
        known = dict_key(text) in by_fold
        if evidence.credit(paragraph, start, end) or evidence.rejection(
                paragraph, start, end, span.label, known):
            continue
        context = evidence.kind_from_context(paragraph, start, end)
        single = " " not in text
        brand = _brand_kind(text, by_fold)
        if brand and not context:
            context = brand
        if evidence.outlet(text, span.label):  # « un entretien à Ouest-France »
            context = "media", "média connu (outlets_data)"
        if context and context[0] == "media":
            kind, basis = context
        elif context and context[0] == "place" and span.label == "PER" and not single and (
                context[1].startswith("lieu (« à") or evidence.given_name_first(text)):
            # « à Vladimir Poutine », « le camp de Vladimir Poutine »: a person all the same.
            kind, basis = "person", "ner:PER"
        elif context:
            kind, basis = context
        elif span.label == "PER" and not known and is_city(text) and not (
                _title_before(paragraph, start) or _civility_before(paragraph, start)
                or _title_after(paragraph, end) or evidence.speaks(paragraph, end)):
            # « Rennes », « Alma Ata » tagged as persons, with nothing to make them one.
            kind, basis = "place", "ville (GeoNames) sans indice de personne"
        elif span.label == "PER" and not evidence.person_shaped(text):
            # « selon Santé publique France »: a lowercase adjective is no part of a person's
            # name; capitalised words around it name a body.
            kind, basis = "organisation", "ner:PER sans forme de nom de personne"
        elif span.label == "PER":
            kind, basis = "person", "ner:PER"
        elif span.label in ("LOC", "ORG", "MISC") and not known \
                and evidence.given_name_first(text):
            kind, basis = "person", f"prénom « {text.split()[0]} » (ner:{span.label})"
        elif not text.isupper() and (
                _title_before(paragraph, start) or _civility_before(paragraph, start)
                or _title_after(paragraph, end)) and (single or not any(
                  w.lower() in evidence.common_nouns() for w in text.split())):
            # « directeur général de l’OMS, Tedros Adhanom Ghebreyesus » (tagged ORG) is a
            # person; « président du Conseil européen » names a body (« conseil » is a noun),
            # capitals after a title a party (« le député LR »).
            kind, basis = "person", f"ner:{span.label} + titre ou civilité"
        elif span.label == "LOC" and not known and (
                body := evidence.body_not_place(paragraph, start, end)):
            kind, basis = "organisation", body
        elif span.label == "LOC":
            kind, basis = "place", "ner:LOC"
        elif span.label == "ORG":
            kind, basis = "organisation", "ner:ORG"
        else:
            kind, basis = "", f"ner:{span.label}"  # MISC: kept only if a person surname
        royal = re.search(rf"(?<![\w\-])(?i:{'|'.join(lex.ROYAL_TITLES)})[{SPACES}]+$",
                          paragraph[max(0, start - 20):start])
        if royal and single and kind in ("person", ""):
            # « le roi Philippe »: a monarch is named by title and given name.
            start -= len(royal.group())
            text, kind, basis = paragraph[start:end], "person", f"titre « {royal.group().strip()} »"
        # « au Havre »: the page is « Le Havre », the printed « Havre » one of its spellings;
        # « Northvolt AB » is the company « Northvolt ».
        full = _contracted_article(paragraph, start, text) if kind == "place" else None
        if len(text.split()) > 1 and text.split()[-1] in lex.LEGAL_FORMS:
            kind, full = "organisation", text.rsplit(None, 1)[0]
        elif len(text.split()) > 1 and (text.split()[0] in lex.CLUB_AFFIXES
                                        or text.split()[-1] in lex.CLUB_AFFIXES):
            kind, basis = "organisation", "club (« FC », « AC », « Racing » …)"
        mention = _landmark(paragraph, Mention(index, start, end, text, kind, basis, full,
                                               in_quote(start)), span.label)
        candidates.append((mention.start, mention.start - end, 1, mention))
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
    persons = [m for m in mentions if m.kind == "person"]
    out = []
    for m in mentions:
        single = lone_surname(m.text) if m.kind == "person" else len(m.text.split()) == 1
        if m.target is None and single and m.kind != "person":
            hit = _surname_match(m.text, full, (m.paragraph, m.start))
            if hit:
                m = Mention(m.paragraph, m.start, m.end, m.text, "person",
                            f"nom de famille de {hit.text} (§{hit.paragraph})", None, m.in_quote)
            elif _civility_before(paragraphs[m.paragraph], m.start):
                m = Mention(m.paragraph, m.start, m.end, m.text, "person",
                            "civilité", None, m.in_quote)
        elif m.target is None and not single and m.kind in ("place", "organisation", ""):
            # « Bachar al-Assad » tagged as a place: it shares a surname with a named person.
            surname = fold(split_name(m.text)[1])
            kin = [f for f in persons if f.text != m.text
                   and _surnames_compatible(fold(split_name(f.text)[1]), surname)]
            if kin and m.text[:1].isupper() and split_name(m.text)[0][:1].isupper():
                m = Mention(m.paragraph, m.start, m.end, m.text, "person",
                            f"même nom de famille que {kin[0].text} (§{kin[0].paragraph})",
                            None, m.in_quote)
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
        canonical = gazetteer().get(m.text, (m.target,))[0]
        if m.kind not in ("organisation", "media") or canonical not in lex.AGENCIES:
            continue
        left = paragraphs[m.paragraph][max(0, m.start - 40):m.start]
        cue = regex.search(left)
        if cue:
            relays.append(Relay(m.paragraph, m.text, cue.group() + m.text, m.start))
    return relays


def _drop_lone_surnames(paragraphs: Sequence[str], mentions: list[Mention]) -> list[Mention]:
    """A single word the model alone calls a person is one only when something corroborates it.

    It must repeat a full name of the article (then it is that person), or come with a title
    or a civility (« Fitch », « Qui » are not). A verb of saying, or saying it twice, is no
    backing: companies speak too (« Stellantis a annoncé dimanche… »).
    """
    full = _person_names(mentions)

    def corroborated(m: Mention) -> bool:
        paragraph = paragraphs[m.paragraph]
        return (_surname_match(m.text, full) is not None or bool(
                    _title_before(paragraph, m.start) or _civility_before(paragraph, m.start)
                    or _title_after(paragraph, m.end)))

    # One mention backed is enough for the name (« M. Varga … Varga a ajouté »).
    backed = {fold(m.text) for m in mentions if m.kind == "person" and corroborated(m)}
    return [m for m in mentions
            if not (m.kind == "person" and m.target is None and lone_surname(m.text)
                    and m.basis == "ner:PER" and fold(m.text) not in backed)]


def _drop_lone_given_names(mentions: list[Mention]) -> list[Mention]:
    """A single word that is only the given name of a person of the article is no actor."""
    full = _person_names(mentions)
    given = {fold(split_name(f.text)[0].split()[0]) for f in full if split_name(f.text)[0]}
    surnames = {fold(split_name(f.text)[1]) for f in full}
    return [m for m in mentions
            if not (m.kind == "person" and m.target is None and len(m.text.split()) == 1
                    and fold(m.text) in given and fold(m.text) not in surnames)]


# What joins two items of an enumeration (« , », « et le », « ou l’ »).
_LIST_LINK = re.compile(rf"[{SPACES}]*(?:,|et|ou)[{SPACES}]*(?:(?:le|la|les)[{SPACES}]+|l[’'])?$")
# A name printed alone between quotation marks (« “Hyperdrama” »).
_QUOTED_ALONE = re.compile(r"[«“\"][\s\u00a0]*([A-ZÀ-Ý][^«»“”\"]{0,60}?)[\s\u00a0]*[»”\"]")


def _listed_kinds(paragraphs: Sequence[str], mentions: list[Mention]) -> list[Mention]:
    """A name the model alone calls a place, listed with bodies only, is a body too.

    « la N-VA, le MR, Les Engagés, Vooruit et le CD&V »: an enumeration joins names of one
    kind; the model's label is the weakest evidence there is.
    """
    out = list(mentions)
    for i, m in enumerate(out):
        if m.basis != "ner:LOC" or m.target is not None or is_city(m.text):
            continue
        text = paragraphs[m.paragraph]
        listed = [n.kind for n in out[max(0, i - 1):i]
                  if n.paragraph == m.paragraph and _LIST_LINK.match(text[n.end:m.start])]
        listed += [n.kind for n in out[i + 1:i + 2]
                   if n.paragraph == m.paragraph and _LIST_LINK.match(text[m.end:n.start])]
        if listed and set(listed) == {"organisation"}:
            out[i] = Mention(m.paragraph, m.start, m.end, m.text, "organisation",
                             "énuméré avec des organisations", None, m.in_quote)
    return out


@functools.cache
def _state_heads() -> frozenset[str]:
    """The heads of states' official names, folded (« republique », « royaume »…)."""
    return frozenset(simple_fold(h) for h in lex.STATE_HEADS)


@functools.cache
def _official_forms() -> dict[str, list[str]]:
    """Each state's gazetteer forms, folded, hyphens as spaces (built once)."""
    forms: dict[str, list[str]] = {}
    for form, (canonical, kind, _) in gazetteer().items():
        if kind == "state":
            forms.setdefault(canonical, []).append(simple_fold(form).replace("-", " "))
    return forms


def _quoted_titles(paragraphs: Sequence[str], mentions: list[Mention]) -> list[Mention]:
    """No page for a name the article also prints alone between quotation marks.

    « Avec “Hyperdrama”, Justice … » then « Hyperdrama compte deux titres »: quoted alone, a
    name is a title, a slogan or a marker; so are its unquoted uses. Known names and full
    names of persons stay.
    """
    quoted = {simple_fold(m.group(1)) for p in paragraphs for m in _QUOTED_ALONE.finditer(p)
              if len(m.group(1).split()) <= evidence.MAX_TITLE_WORDS}
    if not quoted:
        return mentions
    return [m for m in mentions if m.target is not None or simple_fold(m.text) not in quoted
            or evidence.given_name_first(m.text)]


def _state_periphrases(mentions: list[Mention]) -> list[Mention]:
    """« le Royaume », « la République islamique », « le Grand-Duché »: the one state whose
    official name opens with these words (pycountry's official names, in French), among the
    article's states, else among all (only Luxembourg is a grand duchy)."""
    named = {m.target for m in mentions if m.kind == "state" and m.target}
    heads = _state_heads()
    forms = _official_forms()
    out = []
    for m in mentions:
        key = simple_fold(m.text).replace("-", " ")
        if m.target is None and m.kind != "person" and key.split()[0] in heads | {"grand"}:
            opens = {s for s, fs in forms.items() if any(f == key or f.startswith(key + " ")
                                                         for f in fs)}
            hits = opens & named or opens
            if len(hits) == 1:
                state = hits.pop()
                m = Mention(m.paragraph, m.start, m.end, m.text, "state",
                            f"désigne {state} (nom officiel)", state, m.in_quote)
            elif opens and key in heads:
                continue  # « la Principauté » alone, several candidates: no page, no guess
        out.append(m)
    return out


def _unify_kinds(mentions: list[Mention]) -> list[Mention]:
    """One kind per name in an article: evidence from context and dictionary over the model."""
    votes: dict[str, dict[str, int]] = {}
    for m in mentions:
        if m.target is None and m.kind:
            key = place_key(m.text)
            weight = 1 if m.basis.startswith("ner:") else 3
            votes.setdefault(key, {}).setdefault(m.kind, 0)
            votes[key][m.kind] += weight
    out = []
    for m in mentions:
        ballot = votes.get(place_key(m.text)) if m.target is None else None
        if ballot and len(ballot) > 1:
            best = max(ballot.items(), key=lambda kv: (kv[1], -KIND_PRIORITY.index(kv[0])))[0]
            if best != m.kind:
                m = Mention(m.paragraph, m.start, m.end, m.text, best,
                            f"{m.basis} ; même nom ailleurs dans l’article : {best}",
                            m.target, m.in_quote)
        out.append(m)
    return out


def extract_actors(
    briefing_id: str, paragraphs: Sequence[str], ner: Sequence[Sequence[NerSpan]],
    registry: Sequence[RegistryEntry],
) -> BriefingActors:
    """Mentions, roles, relays and quotes of one briefing.

    1. dictionary (registry, gazetteer) and NER spans, without overlaps;
    2. labels fixed by article context (surnames, civilities), acronyms tied to the expansion
       the text gives them, lone given names dropped, one kind per name in the article;
    3. roles from appositions; 4. agency relays; 5. quotes and speakers.
    """
    surfaces, regex = _compiled_dictionary(tuple(registry))
    by_fold = _surfaces_by_fold(surfaces)  # hashing the surfaces costs: once per briefing
    mentions: list[Mention] = []
    for p, paragraph in enumerate(paragraphs):  # 1.
        if _is_boilerplate(paragraph):
            continue
        spans = ner[p] if p < len(ner) else ()
        mentions.extend(_find_mentions(p, paragraph, spans, by_fold, regex,
                                       _quote_spans(paragraph)))
    mentions = _quoted_titles(paragraphs, mentions)
    mentions = _retype_mentions(paragraphs, mentions, registry)  # 2.
    mentions = _acronyms(paragraphs, mentions, _surfaces_by_fold(surfaces))
    # « Mohammed ben Salmane (MBS) »: a person's initials are a second name of the person.
    initials = tuple((m.text, m.target) for m in mentions
                     if m.kind == "person" and m.target and " " in m.target  # not a slug
                     and _ACRONYM.fullmatch(m.text))
    mentions = [replace(m, target=None) if m.kind == "person" and (m.text, m.target) in initials
                else m for m in mentions]
    mentions = _short_forms(mentions)
    mentions = _drop_lone_given_names(mentions)
    mentions = _drop_lone_surnames(paragraphs, mentions)
    mentions = _listed_kinds(paragraphs, mentions)
    mentions = _state_periphrases(mentions)
    mentions, nicknames = _nicknames(paragraphs, mentions)
    mentions = _unify_kinds(mentions)
    foreign, transliterated = _transliterated(paragraphs, ner, mentions)
    mentions = sorted([*mentions, *foreign], key=lambda m: (m.paragraph, m.start))
    roles = _roles(paragraphs, mentions)  # 3.
    relays = _relays(paragraphs, mentions)  # 4.
    quotes = _quotes(paragraphs, mentions, roles)  # 5.
    return BriefingActors(briefing_id, tuple(mentions), tuple(quotes), tuple(roles),
                          tuple(relays),
                          _also_known_as(paragraphs, mentions) + transliterated + initials
                          + nicknames)


