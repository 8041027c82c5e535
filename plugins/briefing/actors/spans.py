"""The model's spans trimmed to names: datelines, articles, titles, times cut; names the model
cut short or joined made whole (« à La Clusaz », « galerie d’Apollon », « l’Égypte de X »)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing import actor_lexicon as lex
from briefing.gazetteer import gazetteer, is_city

from . import evidence
from .model import Mention, NerSpan
from .names import (
    SPACES,
    has_gap,
)

# Words a name never ends on: a span ending there was cut short by the model.
_SHORT_ENDINGS = frozenset({"de", "des", "du", "d’", "d'", "la", "le", "les", "l’", "l'", "en",
                            "pour", "et", "à", "au", "aux", "sur"})


# Abbreviations ending with a full stop inside a name (« St. Jakobshalle », « Mgr. X »).
_ABBREVIATIONS = frozenset({"St", "Ste", "Mt", "Dr", "Pr", "Me", "Mgr", "Jr", "Sr", "Mme", "MM"})


def _sentence_break(text: str) -> int | None:
    """Where a span runs into the next sentence, or None.

    A stop then an article or a pronoun (« groupe A. Le match »), or a word of two letters or
    more with a lowercase one, a stop and a capital (« SpaceX. M. Al-Saleh »); not an initial
    (« J. K. Rowling ») nor an abbreviation (« St. Jakobshalle »).
    """
    for m in re.finditer(rf"\.[{SPACES}]+(?=[A-ZÀ-Ý])", text):
        word = re.search(r"[\w\-]+$", text[:m.start()])
        after = text[m.end():].split()[0] if text[m.end():].split() else ""
        if after in _SENTENCE_OPENERS or (
                word and len(word.group()) > 1 and any(c.islower() for c in word.group())
                and word.group() not in _ABBREVIATIONS):
            return m.start()
    return None


# Words that open a sentence, never a name's next word after a stop.
_SENTENCE_OPENERS = frozenset({
    "Le", "La", "Les", "Un", "Une", "Des", "Il", "Elle", "Ils", "Elles", "Ce",
    "Cette", "Ces", "Son", "Sa", "Ses", "Leur", "Leurs", "En", "Dans", "Au", "Aux", "Pour",
    "Mais", "Et",
})


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
    crossing = _sentence_break(paragraph[start:end])
    if crossing is not None:
        end = start + crossing  # « dans le groupe A. Le match … », « SpaceX. M. Al-Saleh »
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


# A word ending on « de » or an article, right before a span: it completes a phrase.
_AFTER_DE_OR_ARTICLE = re.compile(
    rf"(?<!\w)(?i:de|du|des|la|le|les|l[’']|au|aux|en|d[’'])[{SPACES}]*$")


def repaired_spans(paragraph: str, spans: Sequence[NerSpan]) -> list[NerSpan]:
    """The model's spans of a paragraph with its cuts and joins mended, in this order: a word
    cut off a name joined back, a place glued to a name split off, works told with their
    maker dropped, a person after « de » split off a body's span."""
    return _split_person_tails(paragraph, _works_of_people(
        paragraph, _place_before_person(paragraph, _joined_names(paragraph, spans))))


def _joined_names(paragraph: str, spans: Sequence[NerSpan]) -> list[NerSpan]:
    """A single word the model cut off right before a person's name is part of it.

    « Rimtalba Jean Emmanuel Ouédraogo » came as « Rimtalba » (a place) and « Jean Emmanuel
    Ouédraogo »: two names never touch without punctuation; a known place or state stays apart.
    """
    out: list[NerSpan] = []
    for span in spans:
        before = out[-1] if out else None
        if before is not None and span.label == "PER" and before.label != "PER" \
                and paragraph[before.end:span.start] == " " \
                and re.fullmatch(r"[A-ZÀ-Ý][a-zà-ÿ\-]+", paragraph[before.start:before.end]) \
                and paragraph[before.start:before.end] not in gazetteer() \
                and not is_city(paragraph[before.start:before.end]) \
                and not evidence._adjective(paragraph[before.start:before.end]) \
                and paragraph[before.start:before.end].lower() not in evidence.common_nouns() \
                and not _AFTER_DE_OR_ARTICLE.search(paragraph, 0, before.start):
            # (« l’Allemand Florian Lipowitz »: a demonym or a noun before the name stays out;
            # « député de la Gironde Nicolas Thierry »: after « de » or an article, a place;
            # « confié à Rimtalba Jean Emmanuel Ouédraogo »: after « à », the name goes on)
            out[-1] = NerSpan(before.start, span.end, "PER", paragraph[before.start:span.end])
        else:
            out.append(span)
    return out


def _place_before_person(paragraph: str, spans: Sequence[NerSpan]) -> list[NerSpan]:
    """A span opening on the place a preposition governs, then a person's name: split there.

    « le député de Charente-Maritime Olivier Falorni »: the model's one span is a place (after
    « de ») and a person's full name; the same words after « à » stay one name (see
    `_joined_names`).
    """
    out: list[NerSpan] = []
    for span in spans:
        words = paragraph[span.start:span.end].split()
        rest = " ".join(words[1:])
        # (the first word a place: known, or compound like a department, « Charente-Maritime »;
        # not « Zine El Abidine Ben Ali », whose first given name GeoNames does not know)
        if len(words) >= 3 and words[0].casefold() not in evidence.given_names() \
                and (words[0] in gazetteer() or is_city(words[0]) or "-" in words[0]) \
                and evidence.given_name_first(rest) \
                and _AFTER_DE_OR_ARTICLE.search(paragraph, 0, span.start):
            cut = span.start + len(words[0])
            rest_at = paragraph.index(words[1], cut)
            out += [NerSpan(span.start, cut, "LOC", words[0]),
                    NerSpan(rest_at, span.end, "PER", paragraph[rest_at:span.end])]
        else:
            out.append(span)
    return out


def _works_of_people(paragraph: str, spans: Sequence[NerSpan]) -> list[NerSpan]:
    """Spans without the titles of works told with their maker (« Emilia Pérez de Jacques
    Audiard », « Megalopolis de Francis Ford Coppola »): a name the model calls a person or a
    place, then « de » and a person's full name, is a film's or a book's title. Known states and
    cities stay (« la France de Macron »), as do bodies (« le PSG de Luis Enrique »)."""
    out: list[NerSpan] = []
    for i, span in enumerate(spans):
        after = spans[i + 1] if i + 1 < len(spans) else None
        text = paragraph[span.start:span.end]
        if after is not None and span.label in ("PER", "LOC", "MISC") and after.label == "PER" \
                and re.fullmatch(rf"[{SPACES}]+(?:de[{SPACES}]+|d[’'])",
                                 paragraph[span.end:after.start]) \
                and evidence.given_name_first(paragraph[after.start:after.end]) \
                and text not in gazetteer() and not is_city(text):
            continue
        out.append(span)
    return out


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
