"""Stage 3: names in a briefing (dictionary and NER), typed by context, with roles and relays."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from briefing import actor_lexicon as lex
from briefing import textutils as T
from briefing.gazetteer import gazetteer, is_city

from . import evidence
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
    fold,
    has_gap,
    lone_surname,
    place_key,
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
    for text, (canonical, kind, _) in gazetteer().items():
        surfaces.setdefault(text, _Surface(text, kind, canonical, "gazetier"))
    return sorted(surfaces.values(), key=lambda s: (-len(s.text), s.text))


def _dict_key(text: str) -> str:
    """Dictionary key: folded, a hyphen counting as a space."""
    return simple_fold(text).replace("-", " ")


@functools.lru_cache(maxsize=8)
def _surfaces_by_fold(surfaces: tuple[_Surface, ...]) -> dict[str, _Surface]:
    """Surfaces by folded text, registry entries first (computed once per registry)."""
    by_fold: dict[str, _Surface] = {}
    for s in surfaces:
        by_fold.setdefault(_dict_key(s.text), s)
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


# Words a name never ends on: a span ending there was cut short by the model.
_SHORT_ENDINGS = frozenset({"de", "des", "du", "d’", "d'", "la", "le", "les", "l’", "l'", "en",
                            "pour", "et", "à", "au", "aux", "sur"})


def _clean_span(paragraph: str, span: NerSpan) -> tuple[int, int] | None:
    """Trim datelines, articles, civilities, titles and times; None if no proper name is left."""
    start, end = span.start, span.end
    # The model sometimes stops short: on a function word (« Comité d’organisation des » before
    # « Jeux »), or after a given name (« Amélie » before « Oudéa-Castéra »). The capitalised
    # words that follow belong to the name.
    words = paragraph[start:end].split()
    if words and (words[-1].lower() in _SHORT_ENDINGS or (
            len(words) == 1 and words[0].casefold() in evidence.given_names())):
        more = re.match(rf"[{SPACES}]+((?:[A-ZÀ-Ý][\w’'\-]*)(?:[{SPACES}]+[A-ZÀ-Ý][\w’'\-]*)*)",
                        paragraph[end:])
        if more:
            end += more.end()
    left = paragraph[max(0, start - 40):start]
    glued = re.search(r"[a-zà-ÿ]([A-ZÀ-Ý][a-zà-ÿ]+)[ \u00a0]$", left)
    if span.label == "PER" and glued:
        start -= len(left) - glued.start(1)  # « faitCarlo Ancelotti »: the given name glued on
    caps = re.search(r"(?<![\w\-’'])([A-Z]{2,5})[ \u00a0]$", left)
    if span.label == "ORG" and caps:
        start -= len(left) - caps.start(1)  # « UAE Team Emirates »: an acronym opens the name
    text = paragraph[start:end]
    dateline = re.match(r"^[A-ZÀ-Ý ]{3,}\s+[-–—]\s+", text)
    if dateline:
        start += dateline.end()
    civilities = "|".join(re.escape(c) for c in lex.CIVILITIES)
    # « M.Peskov »: a civility ending in a full stop may be glued to the name.
    lead = re.match(rf"^(?:[Ll][ea]s?\s+|[Ll][’']|[Dd][eu]s?\s+|[Dd][’']|(?:{civilities})\s+|"
                    r"(?:M|MM|Mme|Dr)\.(?=[A-ZÀ-Ý]))", paragraph[start:end])
    rest = paragraph[start + lead.end():end].split() if lead else []
    particle = span.label == "PER" and lead is not None and re.fullmatch(
        rf"(?:Le|La)[{SPACES}]+", lead.group()) is not None and len(rest) >= 1
    if lead and not particle and not (
            lead.group()[:1] == "L" and len(rest) == 1 and evidence.noun_like(rest[0])
            and not evidence._sentence_initial(paragraph, start)):
        # « Le Pen », « La Fontaine »: before a person's name, « Le » is a particle, kept.
        # « selon Le Soir », « a souligné L’Équipe »: a capitalised article inside a sentence
        # before a common noun is part of a title, kept; other articles go.
        start += lead.end()
    portfolio = re.search(rf"[{SPACES}]+(?:de la|de l[’']|du|des|d[’'])[{SPACES}]*"
                          rf"([A-ZÀ-Ý][\w\-]+)$", paragraph[start:end])
    if span.label == "PER" and portfolio and evidence.noun_like(portfolio.group(1)) and len(
            paragraph[start:start + portfolio.start()].split()) > 1:
        # « … et Theo Francken de la Défense »: a portfolio after a full name is no part of
        # it; after a lone given name, the particle opens the surname (« Laurence des Cars »).
        end = start + portfolio.start()
    crossing = re.search(rf"\.[{SPACES}]+(?:Le|La|Les|L[’']|Un|Une|Des|Il|Elle|Ils|Elles|Ce|"
                         rf"Cette|Ces|Son|Sa|Ses|Leur|Leurs|En|Dans|Au|Aux|Pour|Mais|Et)(?!\w)",
                         paragraph[start:end])
    if crossing:
        end = start + crossing.start()  # « dans le groupe A. Le match d’ouverture … »
    kept = evidence.trim(paragraph[start:end], span.label)
    if kept is None:
        return None
    start, end = start + kept[0], start + kept[1]
    text = paragraph[start:end].rstrip(" ,")
    end = start + len(text)
    if text.split() and text.split()[-1].lower() in _SHORT_ENDINGS:
        return None  # « sous le Haut Patronage de Sa Majesté le »: a phrase cut short
    opening = text.split()[0] if text.split() else ""
    if not text or not (text[0].isupper() or (span.label == "PER" and " " in text
                                              and opening in lex.NAME_PARTICLES)) \
            or has_gap(text) or text in lex.NOT_NAMES:
        return None  # « Mme von der Leyen »: a particle may open a person's name
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
    if re.search(rf"(?<!\w)(?:de|du|des|de la|de l[’']|d[’']|à|à la|au|aux|en)[{SPACES}]*$",
                 between):
        # « la maire de Rennes », « le nouveau président, originaire de Ndiaganiao »: a name
        # right after a preposition completes a phrase; it holds no title.
        return None
    words = re.findall(r"[\w’'\-]+", between)
    if (re.search(r"[.;:!?«»()\[\]]", between) or len(words) > MAX_APPOSITION_WORDS
            or any(w.lower() in lex.APPOSITION_STOPWORDS for w in words)):
        return None
    return role


@functools.cache
def _title_after_regex() -> re.Pattern[str]:
    """A comma, a title head and its complement, a comma (built once: 70 heads)."""
    heads = "|".join(re.escape(h) for h in lex.TITLE_HEADS)
    return re.compile(rf"[{SPACES}]*,[{SPACES}]*((?:{heads})(?![\w\-])[^,.;:«»()]*),")


def _title_after(paragraph: str, end: int) -> str | None:
    """The title apposed right after a name (Youri Ouchakov, "assistant du président …",)."""
    m = _title_after_regex().match(paragraph, end)
    if not m or len(m.group(1).split()) > MAX_APPOSITION_WORDS:
        return None
    return m.group(1).strip(SPACES)


@functools.cache
def _civility_regexes() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each civility closing a text, glued (« M.Peskov ») only when it ends with a dot."""
    return tuple((c, re.compile(rf"(?<!\w){re.escape(c)}[{SPACES}]{'*' if c[-1] == '.' else '+'}$"))
                 for c in lex.CIVILITIES)


def _civility_before(paragraph: str, start: int) -> str | None:
    """The civility right before a name (M. Aliyev)."""
    left = paragraph[max(0, start - 6):start]
    return next((c for c, regex in _civility_regexes() if regex.search(left)), None)


def _brand_kind(text: str, by_fold: dict[str, _Surface]) -> tuple[str, str] | None:
    """Kind of a name opening with a known outlet or body (« Sputnik Afrique », « RT France »)."""
    words = text.split()
    for n in range(len(words) - 1, 0, -1):
        known = by_fold.get(_dict_key(" ".join(words[:n])))
        if known and known.kind in ("media", "organisation") and words[n][:1].isupper():
            return known.kind, f"déclinaison de {known.text} ({known.kind})"
    return None


def _titled_body(paragraph: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of a name opening on a capitalised article inside a sentence, with the
    lowercase words after a known name (« pour La France insoumise »), or None."""
    article = re.search(rf"(?<=[\w,][{SPACES}])(?:La|Le|Les)[{SPACES}]+$", paragraph[:start])
    rest = re.match(rf"(?:[{SPACES}]+[a-zà-ÿ][\w\-]*){{1,2}}(?=[{SPACES}]*[,.;:)])",
                    paragraph[end:])
    if not article or not rest or evidence._sentence_initial(paragraph, article.start()):
        return None
    return article.start(), end + rest.end()


def _place_article(paragraph: str, start: int, label: str) -> int | None:
    """Where a place's name starts when a capitalised article inside a sentence opens it.

    Mid-sentence, « La », « Le » or « Les » is capitalised only as part of a name (« au maire
    de La Teste-de-Buch », « à Le Mans »): the model tends to leave it out.
    """
    if label != "LOC":
        return None
    article = re.search(rf"(?<=[\w,][{SPACES}])(?:La|Le|Les|Las|Los|El)[{SPACES}]+$",
                        paragraph[:start])
    if not article or evidence._sentence_initial(paragraph, article.start()):
        return None
    if article.group().strip(SPACES) in ("Las", "Los", "El") and not is_city(
            paragraph[article.start():start] + paragraph[start:].split(",")[0].split()[0]):
        return None  # « à Las Vegas », « Los Angeles »: when GeoNames knows the whole name
    return article.start()


def _contracted_article(paragraph: str, start: int, text: str) -> str | None:
    """A town's full name when « au », « du », « aux » or « des » holds its article, or None.

    « au Havre » is « à Le Havre », « du Caire » « de Le Caire »: the name GeoNames knows,
    with its article, is the page's name.
    """
    left = re.search(rf"(?<!\w)(?i:(au|du|aux|des))[{SPACES}]+$",
                     paragraph[max(0, start - 6):start])
    if not left:
        return None
    full = ("Le " if left.group(1).lower() in ("au", "du") else "Les ") + text
    return full if is_city(full) and full not in gazetteer() and text not in gazetteer() \
        else None


def _landmark(paragraph: str, m: Mention, label: str = "") -> Mention:
    """A name with the landmark or public body's noun that is part of it (« place des Omeyyades »).

    « parquet de Bordeaux » is a body. Not a known state, body or person, nor a full name the
    model calls a person: « la place de la Russie », « le camp de Vladimir Poutine » name a role
    or a side, not a landmark.
    """
    if m.kind != "person" and label != "PER":
        body = evidence.institution(paragraph, m.start)
        if body is not None:
            return Mention(m.paragraph, body, m.end, paragraph[body:m.end], "organisation",
                           f"organisation (« {paragraph[body:m.start].strip(SPACES)} »)", None,
                           m.in_quote)
    if (m.target is not None and m.kind != "place") or (label == "PER" and " " in m.text):
        return m
    start = evidence.landmark(paragraph, m.start)
    if start is None:
        return m
    text = paragraph[start:m.end]
    return Mention(m.paragraph, start, m.end, text, "place",
                   f"lieu (« {paragraph[start:m.start].strip(SPACES)} »)", None, m.in_quote)


def _split_person_tails(paragraph: str, spans: Sequence[NerSpan]) -> list[NerSpan]:
    """Spans with a person's full name after « de » taken apart (« l’Égypte de Mohamed Salah »).

    The model joins a team or a country and the person it is known by; the two are actors.
    """
    out = []
    for span in spans:
        text = paragraph[span.start:span.end]
        tail = re.search(rf"[{SPACES}](?:de[{SPACES}]+|d[’'])(?P<p>[A-ZÀ-Ý][^\s]*"
                         rf"(?:[{SPACES}][A-ZÀ-Ý][^\s]*)+)$", text)
        if span.label != "PER" and tail and evidence.given_name_first(tail["p"]) \
                and text[:tail.start()].strip(SPACES):
            cut = span.start + tail.start()
            out += [NerSpan(span.start, cut, span.label, paragraph[span.start:cut]),
                    NerSpan(span.start + tail.start("p"), span.end, "PER", tail["p"])]
        else:
            out.append(span)
    return out


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
        s = by_fold[_dict_key(m.group())]
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
    for span in _split_person_tails(paragraph, spans):
        cleaned = _clean_span(paragraph, span)
        if not cleaned:
            continue
        start, end = cleaned
        article = _place_article(paragraph, start, span.label)
        if article is not None:
            start = article  # « à La Clusaz », « de La Teste-de-Buch »: the article is the name's
        text = paragraph[start:end]
        known = _dict_key(text) in by_fold
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
        elif span.label == "LOC" and not known and evidence.body_not_place(paragraph, start, end):
            kind, basis = "organisation", evidence.body_not_place(paragraph, start, end)
        elif span.label == "LOC":
            kind, basis = "place", "ner:LOC"
        elif span.label == "ORG":
            kind, basis = "organisation", "ner:ORG"
        else:
            kind, basis = "", f"ner:{span.label}"  # MISC: kept only if a person surname
        royal = re.search(rf"(?<![\w\-])(?:{'|'.join(lex.ROYAL_TITLES)})[{SPACES}]+$",
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


# « Organisation du traité de sécurité collective (OTSC) » / « OTSC (Organisation …) ».
# Capitals of any Latin alphabet (« TÜİK »), or a capital and lowercase letters (« Cédéao »).
_ACRONYM = re.compile(r"(?<![\w\-])((?=[^\W\d_])[^a-zß-ÿ\W][^\W_a-zß-ÿ]{1,7}"
                      r"|[A-ZÉ][a-zé]{2,7})(?![\w\-])")
_ACRONYM_STOP = frozenset({"de", "du", "des", "d", "la", "le", "les", "l", "et", "pour", "en",
                           "à", "au", "aux", "sur"})


def _initials(long: str) -> str:
    """Initials of the content words of an expansion (« traité de sécurité » -> TS)."""
    words = [w for w in re.split(r"[\s’'\-]+", long) if w and w.lower() not in _ACRONYM_STOP]
    return T.fold_accents("".join(w[0] for w in words)).upper()


def _expands(acronym: str, long: str) -> bool:
    """Whether an acronym abbreviates an expansion given beside it.

    Its letters are the initials of the content words (in order or not: OSTC), of the
    capitalised words (HTS for Hayat Tahrir al-Sham), or a subsequence of the initials of all
    words starting with the same letter (Cédéao, OMS for « Organisation mondiale de la santé »).
    """
    letters = T.fold_accents(acronym).upper()
    if len(letters) < 2 or len(long.split()) < 2:
        return False
    every = T.fold_accents("".join(w[0] for w in re.split(r"[\s’'\-]+", long) if w)).upper()
    caps = T.fold_accents("".join(w[0] for w in re.split(r"[\s’'\-]+", long)
                                  if w[:1].isupper())).upper()
    initials = _initials(long)
    if letters in (initials, caps) or sorted(letters) == sorted(initials):
        return True
    rest = iter(every)
    return letters[0] == every[0] and all(ch in rest for ch in letters)


def _acronyms(paragraphs: Sequence[str], mentions: list[Mention],
              known: frozenset[str] | dict[str, object] = frozenset()) -> list[Mention]:
    """Acronyms defined in the text name the same actor as their expansion.

    A mention followed by an acronym in parentheses (or the reverse) defines it; every use of
    that acronym, and of a letter-order variant of it (OSTC for OTSC), then takes the
    expansion's target and kind. Uses the model missed are added.
    """
    defined: dict[str, Mention] = {}  # sorted letters -> expansion mention
    for m in mentions:
        paragraph = paragraphs[m.paragraph]
        after = re.match(rf"[{SPACES}]*\(([^()]{{2,12}})\)", paragraph[m.end:])
        # An acronym in parentheses right after a body's name abbreviates it, even in another
        # language (« Unité militaire d’urgence (UME) ») when the first letters agree.
        # So does one in the body's own language (« Banque centrale de la République de
        # Turquie (TCMB) »): capitals in parentheses right after a body's name, unless they
        # name another known actor (« (AFP) »).
        loose = (m.kind == "organisation" and len(m.text.split()) > 1 and after is not None
                 and (T.fold_accents(after.group(1))[:1] == T.fold_accents(m.text)[:1]
                      or (after.group(1).isupper()
                          and _dict_key(after.group(1)) not in known)))
        if after and _ACRONYM.fullmatch(after.group(1)) and (
                loose or _expands(after.group(1), m.text)):
            defined["".join(sorted(T.fold_accents(after.group(1)).upper()))] = m
    for m in mentions:
        paragraph = paragraphs[m.paragraph]
        inner = re.match(rf"[{SPACES}]*\(([^()]{{8,120}})\)", paragraph[m.end:])
        if inner and _ACRONYM.fullmatch(m.text) and _expands(m.text, inner.group(1)):
            long = Mention(m.paragraph, m.end + inner.start(1), m.end + inner.end(1),
                           inner.group(1), "organisation", "développement du sigle", None,
                           m.in_quote)
            defined.setdefault("".join(sorted(T.fold_accents(m.text).upper())), long)
    # « l’Olympique de Marseille … l’OM », « le Paris Saint-Germain … le PSG »: capitals that
    # spell the capitalised words of exactly one body or place of the article name it.
    named = [m for m in mentions if m.kind in ("organisation", "media", "place")
             and len(m.text.split()) > 1 and not is_city(m.text) and m.text not in gazetteer()]
    for m in mentions:
        key = "".join(sorted(T.fold_accents(m.text).upper()))
        if m.target is not None or not m.text.isupper() or key in defined \
                or not _ACRONYM.fullmatch(m.text):
            continue
        spelt = {n.text: n for n in named if T.fold_accents("".join(
            w[0] for w in re.split(r"[\s’'\-]+", n.text) if w[:1].isupper())).upper()
            == T.fold_accents(m.text).upper()}
        if len(spelt) == 1:
            defined[key] = next(iter(spelt.values()))
    spelled = _spelled_out(paragraphs, mentions, defined)
    if not defined:
        return mentions
    # An expansion found by its initials is a mention; the names inside it are not.
    out = [m for m in mentions if not any(
        e.paragraph == m.paragraph and e.start <= m.start and m.end <= e.end for e in spelled)]
    out += spelled
    for p, paragraph in enumerate(paragraphs):
        if _is_boilerplate(paragraph):
            continue
        quotes = _quote_spans(paragraph)
        for hit in _ACRONYM.finditer(paragraph):
            if "".join(sorted(T.fold_accents(hit.group()).upper())) not in defined:
                continue
            if not any(o.paragraph == p and o.start < hit.end() and hit.start() < o.end
                       for o in out):
                out.append(Mention(p, hit.start(), hit.end(), hit.group(), "organisation",
                                   "sigle défini dans l’article", None,
                                   any(i < hit.start() < j for i, j in quotes)))
    def titled(m: Mention) -> bool:
        # « le prince héritier saoudien Mohammed ben Salmane (MBS) »: initials of a person.
        return m.kind == "person" and bool(
            _title_before(paragraphs[m.paragraph], m.start)
            or _civility_before(paragraphs[m.paragraph], m.start))

    fixed = []
    for m in out:
        key = "".join(sorted(T.fold_accents(m.text).upper()))
        long = defined.get(key) if _ACRONYM.fullmatch(m.text) else None
        if long is not None and long is not m and titled(long):
            m = Mention(m.paragraph, m.start, m.end, m.text, "person",
                        f"initiales de « {long.text} »", long.target or long.text, m.in_quote)
        elif long is not None and long is not m:
            # An acronym names a body: the expansion's kind, or organisation if it was a guess.
            kind = long.kind if long.kind not in ("person", "place", "") else "organisation"
            m = Mention(m.paragraph, m.start, m.end, m.text, kind,
                        f"sigle de « {long.text} »", long.target or long.text, m.in_quote)
        elif any(m is d for d in defined.values()) and m.kind in ("person", "place", "") \
                and not titled(m):
            m = Mention(m.paragraph, m.start, m.end, m.text, "organisation",
                        f"{m.basis} ; nom développé d’un sigle", m.target, m.in_quote)
        fixed.append(m)
    return sorted(fixed, key=lambda m: (m.paragraph, m.start))


# Longest expansion, in words, looked for before an acronym in parentheses.
MAX_EXPANSION_WORDS = 16


def _spelled_out(paragraphs: Sequence[str], mentions: Sequence[Mention],
                 defined: dict[str, Mention]) -> list[Mention]:
    """Expansions no mention covers, found by the initials they spell (added to `defined`).

    « les Patriotes africains du Sénégal pour le travail, l’éthique et la fraternité
    (Pastef) »: the words before an acronym in parentheses, from a capitalised one, whose
    content words' initials are its letters (in order or not), name a body.
    """
    found = []
    for p, paragraph in enumerate(paragraphs):
        if _is_boilerplate(paragraph):
            continue
        for paren in re.finditer(r"\(([^()]{2,12})\)", paragraph):
            acronym = paren.group(1)
            key = "".join(sorted(T.fold_accents(acronym).upper()))
            if not _ACRONYM.fullmatch(acronym) or key in defined or any(
                    m.paragraph == p and m.end <= paren.start()
                    and re.fullmatch(rf"[{SPACES}]*", paragraph[m.end:paren.start()])
                    for m in mentions):
                continue
            clause = re.split(r"[.;:«»()]", paragraph[:paren.start()])[-1]
            base = paren.start() - len(clause)
            starts = [w.start() for w in re.finditer(r"(?<![\w’'\-])[A-ZÀ-Ý]", clause)]
            letters = T.fold_accents(acronym).upper()
            for at in starts:
                if re.match(r"(?:La|Le|Les)[ \u00a0]|L[’']", clause[at:]):
                    continue  # « La Ligue de football professionnel (LFP) »: not the article
                long = clause[at:].rstrip(SPACES)
                if len(long.split()) > MAX_EXPANSION_WORDS:
                    continue
                initials = _initials(long)
                if letters == initials or sorted(letters) == sorted(initials):
                    m = Mention(p, base + at, base + at + len(long), long, "organisation",
                                f"développement du sigle {acronym} (initiales)", None,
                                any(i < base + at < j for i, j in _quote_spans(paragraph)))
                    defined[key] = m
                    found.append(m)
                    break
    return found


def _short_forms(mentions: list[Mention]) -> list[Mention]:
    """A body's name cut short (« la Banque centrale ») is the one full name it opens.

    Its words must open exactly one longer body's name of the article, followed there by a
    complement (« Banque centrale de la République de Turquie »); with two candidates, nothing.
    """
    bodies = {m.text: m for m in mentions if m.kind == "organisation" and len(m.text.split()) > 2}
    out = []
    for m in mentions:
        if m.target is None and m.kind in ("organisation", "place", "") \
                and len(m.text.split()) > 1 and m.text not in bodies:
            longer = [b for t, b in bodies.items() if re.match(
                rf"{re.escape(m.text)}[{SPACES}]+(?:de|du|des|d[’'])\b", t)]
            if len(longer) == 1:
                long = longer[0]
                m = Mention(m.paragraph, m.start, m.end, m.text, long.kind,
                            f"forme courte de « {long.text} »", long.target or long.text,
                            m.in_quote)
        out.append(m)
    return out


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


def _listed_kinds(paragraphs: Sequence[str], mentions: list[Mention]) -> list[Mention]:
    """A name the model alone calls a place, listed with bodies only, is a body too.

    « la N-VA, le MR, Les Engagés, Vooruit et le CD&V »: an enumeration joins names of one
    kind; the model's label is the weakest evidence there is.
    """
    link = re.compile(rf"[{SPACES}]*(?:,|et|ou)[{SPACES}]*(?:(?:le|la|les)[{SPACES}]+|l[’'])?$")
    out = list(mentions)
    for i, m in enumerate(out):
        if m.basis != "ner:LOC" or m.target is not None or is_city(m.text):
            continue
        text = paragraphs[m.paragraph]
        listed = [n.kind for n in out[max(0, i - 1):i]
                  if n.paragraph == m.paragraph and link.match(text[n.end:m.start])]
        listed += [n.kind for n in out[i + 1:i + 2]
                   if n.paragraph == m.paragraph and link.match(text[m.end:n.start])]
        if listed and set(listed) == {"organisation"}:
            out[i] = Mention(m.paragraph, m.start, m.end, m.text, "organisation",
                             "énuméré avec des organisations", None, m.in_quote)
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


def _transliterated(
    paragraphs: Sequence[str], ner: Sequence[Sequence[NerSpan]], mentions: Sequence[Mention],
) -> tuple[list[Mention], tuple[tuple[str, str], ...]]:
    """Names in another script that transliterate to a name of the article (« Песков »).

    They join the actor they transliterate (never a page of their own): unidecode's
    romanisation, folded, must equal the fold of a Latin-script mention's name or surname.
    """
    from unidecode import unidecode

    by_fold: dict[str, Mention] = {}
    for m in mentions:
        by_fold.setdefault(fold(m.text), m)
        if m.kind == "person":
            by_fold.setdefault(fold(split_name(m.text)[1]), m)
    found, pairs = [], []
    for p, spans in enumerate(ner[:len(paragraphs)]):
        for span in spans:
            text = paragraphs[p][span.start:span.end].strip(SPACES)
            if evidence.script_ok(text) or not text:
                continue
            latin = by_fold.get(fold(unidecode(text)))
            if latin is None or any(o.paragraph == p and o.start < span.end and span.start < o.end
                                    for o in mentions):
                continue
            found.append(Mention(p, span.start, span.start + len(text), text, latin.kind,
                                 f"translittération de {latin.text}", latin.target,
                                 any(i < span.start < j for i, j in _quote_spans(paragraphs[p]))))
            if latin.kind == "person":
                pairs.append((text, latin.text))
    return found, tuple(pairs)


# Longest text between two names of one person (« X, qui se fait appeler par son vrai nom, Y »).
MAX_ALIAS_GAP = 80


def _nicknames(paragraphs: Sequence[str], mentions: list[Mention],
               ) -> tuple[list[Mention], tuple[tuple[str, str], ...]]:
    """A name given right after a person's by « dit », « surnommé » or « alias » is the person.

    « le général Mohamed Hamdan Daglo, dit « Hemedti » »: the nickname is the same person
    (whatever the model called it, and even where it found nothing), a second name of theirs.
    """
    cue = re.compile(rf"[{SPACES}]*,?[{SPACES}]+(?:dit|dite|surnommée?|alias)[{SPACES}]+"
                     rf"(?:«[{SPACES}]*)?(?P<name>[A-ZÀ-Ý][\w’'\-]+(?:[{SPACES}][A-ZÀ-Ý][\w’'\-]+)*)")
    out, pairs = list(mentions), []
    for m in mentions:
        hit = cue.match(paragraphs[m.paragraph], m.end) if m.kind == "person" else None
        if not hit or lone_surname(m.text):
            continue
        start, end = hit.start("name"), hit.end("name")
        out = [o for o in out if not (o.paragraph == m.paragraph and o.start < end
                                      and start < o.end)]
        out.append(Mention(m.paragraph, start, end, hit["name"], "person",
                           f"surnom de « {m.text} »", None, m.in_quote))
        pairs.append((hit["name"], m.text))
    return sorted(out, key=lambda x: (x.paragraph, x.start)), tuple(pairs)


def _also_known_as(paragraphs: Sequence[str],
                   mentions: Sequence[Mention]) -> tuple[tuple[str, str], ...]:
    """Second names given to a named person by a cue (« de son vrai nom », « alias »)."""
    cue = re.compile(rf"(?i:\b(?:{'|'.join(re.escape(c) for c in lex.ALSO_KNOWN_AS)})\b)")
    persons = [m for m in mentions if m.kind == "person" and not lone_surname(m.text)]
    pairs = []
    for a, b in itertools.pairwise(persons):
        between = paragraphs[a.paragraph][a.end:b.start] if a.paragraph == b.paragraph else ""
        if between and len(between) <= MAX_ALIAS_GAP and cue.search(between) \
                and not re.search(r"[.;!?]", between):
            pairs.append((b.text, a.text))
    return tuple(pairs)
