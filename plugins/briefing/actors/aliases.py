"""Second names of an actor in one article: acronyms and their expansions, short forms,
initials, nicknames, transliterations and names given by a cue (« alias », « dit »)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from briefing import actor_lexicon as lex
from briefing import textutils as T
from briefing.gazetteer import gazetteer, is_city

from . import evidence
from .model import Mention, NerSpan
from .names import (
    SPACES,
    _is_boilerplate,
    _quote_spans,
    dict_key,
    fold,
    lone_surname,
    split_name,
)
from .titles import _civility_before, _title_before

# « Organisation du traité de sécurité collective (OTSC) » / « OTSC (Organisation …) ».
# Capitals of any Latin alphabet (« TÜİK »), or a capital and lowercase letters (« Cédéao »).
_ACRONYM = re.compile(r"(?<![\w\-])((?=[^\W\d_])[^a-zß-ÿ\W][^\W_a-zß-ÿ]{1,7}"
                      r"|[A-ZÉ][a-zé]{2,7})(?![\w\-])")


_ACRONYM_STOP = frozenset({"de", "du", "des", "d", "la", "le", "les", "l", "et", "pour", "en",
                           "à", "au", "aux", "sur"})


def _capital_initials(long: str) -> str:
    """Initials of the capitalised words of a name (« Paris Saint-Germain » -> PSG)."""
    return T.fold_accents("".join(w[0] for w in re.split(r"[\s’'\-]+", long)
                                  if w[:1].isupper())).upper()


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
    caps = _capital_initials(long)
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
                          and dict_key(after.group(1)) not in known)))
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
        # (not a name the capitals open: « OL » is no acronym of « OL Lyonnes »)
        spelt = {n.text: n for n in named if _capital_initials(n.text)
                 == T.fold_accents(m.text).upper() and m.text not in n.text.split()}
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
    bodies = {m.text: m for m in mentions
              if m.kind in ("organisation", "place") and len(m.text.split()) > 2}
    # (a head noun alone may stand for a two-word name too: « le Bloc », « Bloc québécois »)
    heads = {m.text: m for m in mentions
             if m.kind in ("organisation", "place") and len(m.text.split()) > 1}
    out = []
    for m in mentions:
        if m.target is None and m.kind in ("organisation", "place", "") \
                and len(m.text.split()) > 1:
            longer = [b for t, b in bodies.items() if t != m.text and re.match(
                rf"{re.escape(m.text)}[{SPACES}]+(?:de|du|des|d[’'])\b", t)]
            if len(longer) == 1:
                long = longer[0]
                m = Mention(m.paragraph, m.start, m.end, m.text, long.kind,
                            f"forme courte de « {long.text} »", long.target or long.text,
                            m.in_quote)
        elif m.target is None and m.kind in ("organisation", "place", "") \
                and " " not in m.text and m.text.lower() in evidence.common_nouns():
            # « la Chambre » for « la Chambre des députés », « la Métropole » for « Montpellier
            # Méditerranée Métropole »: the one body of the article whose name holds the noun.
            longer = [b for t, b in heads.items() if m.text in t.split()]
            if len(longer) == 1:
                long = longer[0]
                m = Mention(m.paragraph, m.start, m.end, m.text, long.kind,
                            f"forme courte de « {long.text} »", long.target or long.text,
                            m.in_quote)
        out.append(m)
    return out


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
        # The cue right before the second name (« X, alias Y », « X, de son vrai nom Y »), not
        # anywhere between (« X, alias Justice, publient … chez Ed Banger »).
        if between and len(between) <= MAX_ALIAS_GAP \
                and re.search(cue.pattern + rf"[{SPACES}:,«“\"]*$", between) \
                and not re.search(r"[.;!?]", between):
            pairs.append((b.text, a.text))
    # « Aya Danioko, de son vrai nom, … »: a real name given after the fact names the last
    # person before it with the same given name (« Aya Nakamura »), never another one.
    for i, b in enumerate(persons):
        if not re.match(rf"[{SPACES}]*,[{SPACES}]*(?:de[{SPACES}]+)?son[{SPACES}]+vrai"
                        rf"[{SPACES}]+nom\b", paragraphs[b.paragraph][b.end:]):
            continue
        given = fold(b.text).split()[0]
        a = next((a for a in reversed(persons[:i])
                  if fold(a.text).split()[0] == given and fold(a.text) != fold(b.text)), None)
        if a is not None:
            pairs.append((b.text, a.text))
    return tuple(pairs)
