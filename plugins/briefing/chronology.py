"""Dated events of each briefing, merged across briefings into one chronology."""

from __future__ import annotations

import datetime
import functools
import itertools
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from slugify import slugify

from briefing import dating
from briefing import textutils as T
from briefing import timex_grammar as g
from briefing.dating import PublicationDate, Timex

_WEEKDAY_NAMES = {v: k for k, v in g.WEEKDAYS.items()}
# A term found in more dated reports than this is too common to select candidates for a match.
MAX_TERM_POSTINGS = 400
# Versions of a disputed date spelled out in its explanation; the others are counted.
DISPUTE_VERSIONS_SHOWN = 4


@dataclass(frozen=True)
class Event:
    """A dated statement from one briefing."""

    id: str
    briefing: str
    paragraph: int
    sentence: str
    label: str  # short French label
    date: str  # ISO partial; "XXXX-10-12" or "XXXX-WXX-5" while the year or week is unknown
    precision: str  # day | month | year
    sort_key: str  # padded "YYYY-MM-DD" kept apart from the displayed date
    actors: tuple[str, ...]
    timex: str  # the surface of the expression in the text
    display: str = ""  # French: « 27 septembre 2020 », « fin septembre (année inconnue) »
    modifier: str | None = None
    tense: str | None = None  # past | future | None
    deictic: bool = False  # the expression names the day of writing
    since: bool = False  # « depuis 1991 »: the start of a lasting state
    terms: tuple[str, ...] = ()  # key terms (accent-folded stems, kinds, @actors)
    date_basis: str = ""  # French: where the year or day came from

    @property
    def dated(self) -> bool:
        """True when the date has a year (the chronology can place it)."""
        return not self.date.startswith("X") and "W" not in self.date


@dataclass(frozen=True)
class ChronologyEntry:
    """One event merged across briefings."""

    id: str
    date: str
    precision: str
    sort_key: str
    label: str
    briefings: tuple[str, ...]
    actors: tuple[str, ...]
    sources: int
    status: str  # corroborated | single-source | disputed
    reports: tuple[Event, ...]
    dispute: str | None = None
    display: str = ""
    disputed_with: tuple[str, ...] = ()  # ids of the entries giving another date


# 1. Words: key terms, kinds, labels --------------------------------------------------------


_fold = T.fold_accents


_STOP = frozenset(_fold(w) for w in g.STOPWORDS)
_TOKEN_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def key_terms(sentence: str, actors: Iterable[str] = ()) -> tuple[str, ...]:
    """Accent-folded stems, event kinds (« kind:talks ») and actors (« @russie »)."""
    terms: set[str] = {f"@{a}" for a in actors}
    for token in _TOKEN_RE.findall(re.sub(r"\b[a-z]'", " ", _fold(sentence))):
        if len(token) < 4 or token in _STOP or token.isdigit():
            continue
        terms.add(token[: g.TERM_STEM])
        terms.update(_token_kinds(token))
    return tuple(sorted(terms))


@functools.lru_cache(maxsize=1 << 16)
def _token_kinds(token: str) -> tuple[str, ...]:
    """The event kinds a word signals (« kind:talks »), computed once per distinct word."""
    return tuple(f"kind:{kind}" for kind, stems in g.EVENT_KINDS.items()
                 if any(token.startswith(stem) for stem in stems))


_GAP_RE = re.compile(
    r"\b(?P<det>[Ll]e|[Ll]a|[Ll]es|[Uu]n|[Uu]ne|des|du|l[’'])\s+(?=[.,;:)»]|a\b|ont\b|n[’']|et\b|$)"
)
_RUBRIC_RE = re.compile(r"^[A-ZÉÈÀ][A-ZÉÈÀ' ]{2,}\s+[-–]\s+")
_LEADING_FILLER_RE = re.compile(r"^(?:(?:en|depuis|dès|et|à|au|mais|puis)\s+)+", re.IGNORECASE)
_REPORTING_START_RE = re.compile(
    rf"^(?:a|ont|avait)(?:-t-(?:il|elle|on))?\s+(?:{'|'.join(g.REPORTING_VERBS)})\b", re.IGNORECASE
)


def _cut(text: str) -> str:
    """Label of at most LABEL_MAX_WORDS words, gaps shown as […], first letter upper case."""
    text = _GAP_RE.sub(
        lambda m: f"{m['det']} […] " if not m["det"].endswith(("’", "'")) else f"{m['det']}[…] ",
        text,
    )
    text = re.sub(r"\s[–—]\s.*?\s[–—]\s", " ", text)  # an incise is not the event
    text = re.sub(r"\s+", " ", text).strip(' ,;:-–«»"')
    if re.search(r"\b(?:l[’']|la|le|les|du|des)$", text):
        text += " […]"  # the sentence lost its last word (a removed hyperlink)
    text = _LEADING_FILLER_RE.sub("", text)
    words = text.split()
    if len(words) > g.LABEL_MAX_WORDS:
        text = " ".join(words[: g.LABEL_MAX_WORDS]).rstrip(",;:") + "…"
    if text.count("«") != text.count("»"):
        text = text.replace("«", "").replace("»", "").strip()
        text = re.sub(r"\s+", " ", text)
    return text[:1].upper() + text[1:] if text else text


def _protected(sentence: str) -> list[tuple[int, int]]:
    """Spans not to cut: « – incise – », parentheses, quotes."""
    spans = [m.span() for m in re.finditer(r"\s[–—]\s.*?\s[–—]\s|\([^)]*\)|«[^»]*»", sentence)]
    return spans


def _clauses(sentence: str) -> list[tuple[int, int]]:
    """Clause spans of a sentence, cut at commas and connectors, not inside lists of names."""
    pattern = "|".join(re.escape(b) for b in g.CLAUSE_BREAKS)
    keep = _protected(sentence)
    spans, start = [], 0
    for m in re.finditer(pattern, sentence):
        if any(a <= m.start() < b for a, b in keep):
            continue
        if m.group(0) == "," and sentence[m.start() - 1:m.start()].isdigit() \
                and sentence[m.end():m.end() + 1].isdigit():
            continue  # « magnitude 7,8 »: a decimal comma
        left = sentence[: m.start()].split()[-1:] or [""]
        right = sentence[m.end() :].split()[:1] or [""]
        name_left = re.split(r"[’']", left[0])[-1]
        if m.group(0) == "," and name_left[:1].isupper() and right[0][:1].isupper():
            continue  # « Moscou, Paris et Washington »: a list of names, not two clauses
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(sentence)))
    return spans


def _standalone(clause: str) -> bool:
    """True when a clause opens with a capital or a subject word, not mid-phrase."""
    words = clause.strip(' «»"').split()
    if not words:
        return False
    first = _fold(words[0])
    return words[0][:1].isupper() or first in _SUBJECTS or first.startswith(("l'", "d'"))


_SUBJECTS = frozenset(_fold(w) for w in g.SUBJECT_STARTS)
_HAS_VERB_RE = re.compile(
    rf"(?:{dating._FUTURE_RE.pattern})|(?:{dating._PAST_RE.pattern})"
    r"|\b(?:est|sont|fait|font|dure|reste|restent)\b"
    # « Le traité date de 1997 »: the verb of a noun's date, never the noun « la date du … ».
    r"|(?<!\bla )(?<!\bune )(?<!\bles )(?<!\bdes )(?<!\bde )(?<!\bcette )(?<!\bces )"
    r"\bdate(?:nt)?\s+d(?:e|u)\b",
    re.IGNORECASE,
)


def _is_adjunct(clause: str) -> bool:
    """True for « Au cours d'une guerre … » or « cité par RIA au matin »: no verb of its own."""
    low = _fold(clause.strip())
    return low.startswith(
        tuple(_fold(w) + " " for w in g.ADJUNCT_STARTS)
    ) or not _HAS_VERB_RE.search(clause)


def _nominal(before: str, after: str = "") -> bool:
    """Whether the date belongs to the noun before it (« les élections municipales de mars »).

    Not when that word is a time noun or a preposition (« la matinée de dimanche », « à partir
    de 2030 »): the date then dates the clause around it.
    """
    m = re.search(r"([\w-]+)\s+(?:de|d[’'])\s*$", before, re.IGNORECASE)
    return bool(m) and m.group(1).lower() not in g.NOT_NOMINAL_HEADS and not re.match(
        r"\s+(?:à|au)\s+\d", after)  # « de 2013 à 2020 »: a span, not a noun's date


# Determiners of the noun a date belongs to, as the subject of its label (« aux élections » ->
# « les élections »), and whether they make it plural.
_SUBJECT_DETERMINERS = {"le": ("le", False), "la": ("la", False), "les": ("les", True),
                        "un": ("un", False), "une": ("une", False), "du": ("le", False),
                        "des": ("les", True), "au": ("le", False), "aux": ("les", True)}


def _nominal_clause(noun: str, det: str, date: str, future: bool) -> str:
    """« un traité de 1997 » -> « Un traité … date de 1997 »: the noun's date as a clause.

    What is past « date de » its date; what is to come « aura lieu » then.
    """
    low = det.strip().lower()
    elided = low.endswith(("’", "'"))
    article, plural = (det.strip(), False) if elided else _SUBJECT_DETERMINERS.get(low, ("", False))
    subject = f"{article}{'' if elided else ' '}{noun}".strip()
    day = re.match(r"\d{1,2}(?:er)?\s", date) is not None  # « 9 novembre 2020 »: a day
    if future:
        verb = "auront lieu" if plural else "aura lieu"
        return f"{subject} {verb} {'le' if day else 'en'} {date}"
    verb = "datent" if plural else "date"
    return f"{subject} {verb} {'du' if day else 'de'} {date}"


def make_label(sentence: str, start: int, end: int, future: bool = False) -> str:
    """Short French label for the event a date expression dates in its sentence.

    `future`: the date comes after the publication (a noun's date is then told as to come).
    """
    sentence = sentence.rstrip(" .")
    before = sentence[:start]
    if _nominal(before, sentence[end:]):
        # « un traité de 1997 avec la Russie »: the date belongs to the noun before it.
        head = re.split(r"[.;:«»]", before)[-1]
        det = list(
            re.finditer(r"\b(?:le|la|les|un|une|du|des|au|aux)\s+|\bl[’']", head, re.IGNORECASE)
        )
        noun = head[det[-1].end() :] if det else head
        noun = re.sub(r"\s*(?:de|d[’'])\s*$", "", noun)
        # The noun's complement, up to a clause of its own (« avec la Russie pour demander »).
        tail = re.split(r"[,;«.]|\b(?:et|pour|afin|qui|que|qu[’']|dont|où|lorsque|quand)\b",
                        sentence[end:])[0]
        noun = f"{noun} {' '.join(tail.split()[:5])}".strip()
        return _cut(_nominal_clause(noun, det[-1].group() if det else "", sentence[start:end],
                                    future))
    # Remove the expression and the preposition before it; unglue « septembreavec ».
    head = re.sub(r"(?:\bà\s+(?:partir|compter)\s+(?:de|d[’'])|\b(?:en|de|depuis|dès|le|les|au|à)"
                  r"|\bd[’'])\s*$", "", before, flags=re.IGNORECASE)
    if re.search(r"\b\w+[’']\s*$", head):
        head = sentence[:end]  # « qu’à partir de jeudi »: without the date, nothing is said
    tail = sentence[end:]
    gap = " " if tail[:1].isalpha() else ""
    text = head + "\x00" + gap + tail
    spans = _clauses(text)
    pieces = [text[a:b].replace("\x00", " ").strip() for a, b in spans]
    index = next(i for i, (a, b) in enumerate(spans) if "\x00" in text[a:b] or b == len(text))
    clause = pieces[index]
    if _REPORTING_START_RE.match(clause) and index > 0:
        # « …, a déclaré vendredi le ministère »: the date dates what the clauses before say.
        clause = ", ".join(pieces[:index])
    elif (
        len(clause.split()) < 3
        or (_is_adjunct(clause) and all(_is_adjunct(p) for p in pieces[:index]))
    ) and index + 1 < len(pieces):
        clause = pieces[index + 1]
    else:
        first = index
        while first > 0 and not _standalone(pieces[first]):
            first -= 1
        clause = ", ".join(p for p in pieces[first : index + 1] if p)
    clause = re.sub(r"\s+,", ",", clause)
    return _cut(_RUBRIC_RE.sub("", clause))


def _pieces(sentence: str) -> list[tuple[str, str]]:
    """The clauses of a sentence, each with the separator before it (« , », « : »…)."""
    spans = _clauses(sentence)
    return [(sentence[spans[i - 1][1]:a] if i else "", sentence[a:b].strip())
            for i, (a, b) in enumerate(spans)]


def _join(pieces: list[tuple[int, str]]) -> str:
    """Kept clauses, a comma between neighbours, a space where an incise was left out."""
    out = ""
    for n, (i, text) in enumerate(pieces):
        # No comma between a subject and its verb (« Lawrence Kanyuka a revendiqué »), unless
        # the subject is an apposition kept whole (« Le ministre, Mehmet Şimşek, a affirmé »).
        apposed = (n >= 2 and pieces[n - 1][0] == pieces[n - 2][0] + 1) or (
            n >= 1 and "," in pieces[n - 1][1])
        comma = i == pieces[n - 1][0] + 1 if n else False
        if comma and _FINITE_RE.match(text) and not apposed:
            comma = False
        out += text if not n else (", " if comma else " ") + text
    return out


def _subject(clause: str) -> str | None:
    """The words before a clause's first finite verb (its subject), None if there are none."""
    from briefing.actors.evidence import common_nouns

    verb = next((m for m in _FINITE_RE.finditer(clause)
                 if len(m.group()) <= 4 or m.group().lower() not in common_nouns()), None)
    subject = clause[:verb.start()].strip(" ,") if verb else ""
    if not subject or not _standalone(subject) or re.search(
            r"(?i:\b(?:le|la|les|l[’']|un|une|des|du|de|d[’']))$", subject):
        return None
    return subject


def _participle_base(word: str) -> str:
    """Masculine singular of a folded past participle (« élues » -> « elu »)."""
    base = word[:-1] if word.endswith("s") else word
    return base[:-1] if base.endswith("e") and base[:-1].endswith(("e", "i", "u", "t")) else base


def _fronted_participle(piece: str, main: str) -> str | None:
    """« Elue en 2014, l’édile a … » -> « L’édile a été élue en 2014 »: the main clause's subject.

    A clause opening on a past participle says what happened to the subject of the main clause;
    verbs built with « être » keep it (« est arrivé »), the others make a passive (« a été »).
    """
    words = piece.split()
    first = _fold(words[0].lower()) if words else ""
    subject = _subject(main)
    form = _participle(words[0]) if words else None
    if not subject or not form:
        return None
    plural = first.endswith("s")
    etre = _participle_base(first) in _ETRE
    aux = ("sont" if plural else "est") if etre else ("ont été" if plural else "a été")
    return f"{subject} {aux} {form} {' '.join(words[1:])}"


_ETRE = frozenset(_fold(w) for w in g.ETRE_PARTICIPLES)


def _participle(word: str) -> str | None:
    """A word as a French past participle (the model's lookups), lower case; None if it is none.

    « Elue », a capital printed without its accent, is « élue »; function words are none.
    """
    from briefing.actors.evidence import participles, stop_words

    low = word.lower()
    if not low or low in stop_words() or _fold(low) in _SUBJECTS:
        return None
    forms = [low, *(accent + low[1:] for accent in _ACCENTED.get(low[:1], ""))]
    return next((f for f in forms if f in participles()), None)


_ACCENTED = {"e": "éèê", "a": "àâ", "i": "î", "o": "ô", "u": "û"}


def _clause_around(sentence: str, start: int, end: int) -> str | None:
    """The clause holding a date, with a subject and a verb, or None.

    The clause containing the date, widened left to its subject (a clause opening on a capital
    or a subject word) and right to its verb, past the incises between them (« Depuis vendredi
    24 novembre, une cinquantaine d'otages, pour l'essentiel …, ont retrouvé leurs familles »);
    a clause opening on a participle takes the main clause's subject. The date is kept: the
    label says what it dates.
    """
    sentence = sentence.rstrip(" .")
    pieces = _pieces(sentence)
    at, i = 0, len(pieces) - 1
    for n, (sep, text) in enumerate(pieces):
        at += len(sep)
        if start < at + len(text) + 1:
            i = n
            break
        at += len(text)
    first = i
    while first > 0 and not _standalone(pieces[first][1]) and pieces[first][0] not in (";", ":"):
        first -= 1
    kept = [(first, pieces[first][1])] + [(k, pieces[k][1]) for k in range(first + 1, i + 1)
                                          if k == i or is_clause(pieces[k][1])]
    # A fronted adjunct (« Depuis vendredi 24 novembre », « Réunis pour leur sommet ») holds the
    # date before the main clause; a noun phrase opening on a determiner is the subject.
    date_only = not sentence[_offset(pieces, i):start].strip() and not sentence[
        end:_offset(pieces, i) + len(pieces[i][1])].strip()  # « La veille, … »
    adjunct = _is_adjunct(_join(kept)) and (
        date_only or _fold(kept[0][1].split()[0]) not in _SUBJECTS)
    if not is_clause(pieces[i][1]) and i + 1 < len(pieces) and pieces[i + 1][0] == "," \
            and first < i and is_clause(_join(kept)) and not _standalone(pieces[i][1]):
        # « … ont conclu, vendredi 19 avril, un accord … »: the date is an incise; the clause
        # goes on after it.
        kept.append((i + 1, pieces[i + 1][1]))
    relative = _reduced_relative(pieces[i][1], start - _offset(pieces, i))
    if relative and not is_clause(_join(kept)):
        kept = [(i, relative)]
    for k in range(i + 1, len(pieces)):
        if is_clause(_join(kept)) or pieces[k][0].strip() in (";", ":"):
            break
        sep, text = pieces[k]
        if adjunct and _standalone(text):
            # The fronted adjunct holds the date; this is the main clause (or its subject).
            fronted = _fronted_participle(_join(kept), text) if is_clause(text) else None
            if fronted:
                kept = [(i, fronted)]
                break
            kept = [(n, t) for n, t in kept if n >= i]  # « Réunis pour leur sommet, » goes
            kept.append((k, text))
            adjunct = not is_clause(text)
        elif is_clause(text) and not _standalone(text) and not _is_adjunct_start(text):
            kept.append((k, text))
    text = _join(kept)
    if not is_clause(text):
        return None
    words = text.split()
    if len(words) > g.LABEL_MAX_WORDS:
        # Keep the verb when it comes a little after the usual cut.
        need = next((n for n in range(3, len(words) + 1) if is_clause(" ".join(words[:n]))),
                    len(words))
        if need > g.LABEL_MAX_WORDS + g.LABEL_VERB_SLACK:
            return None
        limit = max(g.LABEL_MAX_WORDS, need + 2)
        text = " ".join(words[:limit]).rstrip(",;:") + ("…" if limit < len(words) else "")
    label = _cut_short(text)
    return label if is_clause(label) else None


def _offset(pieces: list[tuple[str, str]], i: int) -> int:
    """Where piece i starts in the sentence (its text, past spaces)."""
    at = 0
    for n, (sep, text) in enumerate(pieces):
        at += len(sep)
        if n == i:
            return at
        at += len(text)
    return at


def _reduced_relative(piece: str, at: int) -> str | None:
    """« l’explosion survenue lundi 25 septembre dans un dépôt » -> « L’explosion est survenue … ».

    A past participle right before the date, after a noun phrase, is a relative clause without
    its « qui est »: the noun phrase is its subject.
    """
    before = piece[:max(0, at)]
    m = re.search(r"(?P<np>(?:\b(?:le|la|les|un|une|des)\s+|\bl[’'])[\w’'-]+(?:\s+[a-zé][\w-]*)?)"
                  r"\s+(?P<part>[\w-]+)\s*$", before, re.IGNORECASE)
    if not m:
        return None
    part = _fold(m["part"])
    if not _participle(m["part"]):
        return None
    plural = part.endswith("s")
    etre = _participle_base(part) in _ETRE
    aux = ("sont" if plural else "est") if etre else ("ont été" if plural else "a été")
    return f"{m['np']} {aux} {m['part']} {piece[max(0, at):]}"


def _is_adjunct_start(clause: str) -> bool:
    """Whether a clause opens on a preposition or an adjunct word (« après avoir été … »)."""
    # Accents kept: « à » opens an adjunct, « a » is a verb.
    low = clause.strip().lower().replace("’", "'")
    return low.startswith(tuple(w + " " for w in (*g.ADJUNCT_STARTS, "pour", "afin")))


def _cut_short(text: str) -> str:
    """`_cut` without its word limit (the caller has cut already)."""
    words = text.split()
    return _cut(text) if len(words) <= g.LABEL_MAX_WORDS else (
        _cut(" ".join(words[:g.LABEL_MAX_WORDS])).rstrip("…") + " " + " ".join(
            words[g.LABEL_MAX_WORDS:]))


# A finite verb the tense cues miss: present and imperfect endings, copulas and auxiliaries.
_FINITE_RE = re.compile(
    r"(?<![\w-])(?:\w{2,}(?:ent|ait|aient|ont|it|ut)|est|sont|a|ont|va|vont|doit|peut)"
    r"(?![\w-])",
    re.IGNORECASE,
)
# A printed time next to a date is a timestamp (« Publié le 19/09/2024 à 00h12 »), not an event.
_TIMESTAMP_RE = re.compile(r"[·|•\[\]]|^(?:Publié|Mis à jour|Modifié|Le \d{1,2}/\d{1,2}/\d)")
# A prose sentence ends with a full stop (possibly inside a closing quote or parenthesis).
_PROSE_END_RE = re.compile(r"[.!?…][»”\")\s]*$")
# Fewer words than this make a fragment, not a sentence.
MIN_SENTENCE_WORDS = 5


def is_clause(text: str) -> bool:
    """Whether a label reads as a clause: several words and a finite verb."""
    words = text.split()
    return len(words) >= 3 and bool(_HAS_VERB_RE.search(text) or _FINITE_RE.search(text))


def is_prose(sentence: str) -> bool:
    """Whether a dated sentence is article prose, not a headline, timestamp or credit line."""
    return (len(sentence.split()) >= MIN_SENTENCE_WORDS and bool(_PROSE_END_RE.search(sentence))
            and not _TIMESTAMP_RE.search(sentence) and is_clause(sentence))


_SINCE_YEARS_RE = re.compile(
    r"\bdepuis\s+(?:(?:plus\s+de|près\s+de|environ)\s+)?(?P<n>\d+|un|deux|trois|quatre|cinq|six|"
    r"sept|huit|neuf|dix)\s+ans\b", re.IGNORECASE)
_NUMBER_WORDS = {"un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
                 "huit": 8, "neuf": 9, "dix": 10}
_YEAR_RE = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def check_relative_span(value: str, timex: str, text: str) -> tuple[str, str] | None:
    """A better year for a year-less date from « depuis trois ans » and a year of the text.

    « déployés depuis trois ans » in a text that names 2020 as the start puts the article in
    2023; a year-less « jeudi 21 décembre » given another year moves there when the weekday
    agrees (21 December 2023 is a Thursday). Returns (value, French basis), or None.
    """
    since = _SINCE_YEARS_RE.search(text)
    if not since or len(value) != 10 or value.startswith("X"):
        return None
    n = since["n"]
    span = int(n) if n.isdigit() else _NUMBER_WORDS[n.lower()]
    year, month, day = (int(x) for x in value.split("-"))
    starts = sorted({int(y) for y in _YEAR_RE.findall(text)})
    weekday = next((d for name, d in g.WEEKDAYS.items()
                    if re.search(rf"\b{name}\b", timex, re.IGNORECASE)), None)
    for start in starts:
        target = start + span
        if target == year or abs(target - year) > span + 1:
            continue
        try:
            moved = datetime.date(target, month, day)
        except ValueError:
            continue
        if weekday is not None and moved.isoweekday() != weekday:
            continue
        return moved.isoformat(), (f"« {since.group()} » après {start} : {target}"
                                   + (", jour de la semaine concordant" if weekday else ""))
    return None


# 2. Events of one briefing -----------------------------------------------------------------

# A label opening on a subordinator (« Qu’elles acceptaient … ») has no subject of its own.
_SUBORDINATE_RE = re.compile(
    r"^(?:que|qu[’']|qui|dont|où|lorsque|lorsqu[’']|quand|puisque|parce\s+que|si|afin\s+que)\b",
    re.IGNORECASE)

_BASIS = {
    "explicit": "date complète dans le texte",
    "anchor": "complétée par la date de parution ({status})",
    "passage": "année d'une date voisine du même passage",
    "weekday": "année où ce jour tombe le jour de la semaine cité, près de la date de parution",
    "reference": "renvoie à la date citée juste avant",
}


def sort_key(value: str, modifier: str | None = None) -> str:
    """Padded "YYYY-MM-DD" for ordering; START/MID/END place a month or year inside itself."""
    year, month, day = dating.parse_value(value) if "W" not in value else (None, None, None)
    y = f"{year:04d}" if year is not None else "9999"
    if month is None:
        m = {"START": "01", "MID": "06", "END": "12"}.get(modifier or "", "00")
        return f"{y}-{m}-00"
    d = (
        f"{day:02d}"
        if day is not None
        else {"START": "01", "MID": "15", "END": "28"}.get(modifier or "", "00")
    )
    return f"{y}-{month:02d}-{d}"


def _event_value(t: Timex) -> tuple[str, str] | None:
    """Date and precision an expression gives an event, None if it cannot date one."""
    if t.value is None:
        return None
    if t.kind == "range" and t.complete and t.value_end and "X" not in t.value_end:
        lo = datetime.date.fromisoformat(t.value)
        hi = datetime.date.fromisoformat(t.value_end)
        value, precision = dating.coarsen(lo, hi)
        return (value, precision) if precision in dating.PRECISIONS else None
    if t.precision not in dating.PRECISIONS:
        return None
    return t.value, t.precision


def _display(value: str, precision: str, modifier: str | None) -> str:
    """Displayed date, year-less and week-less values included."""
    if "W" in value:
        return _WEEKDAY_NAMES[int(value[-1])] + " (semaine inconnue)"
    return dating.display_date(value, precision, modifier)


def extract_events(
    briefing_id: str,
    paragraphs: Sequence[str],
    pub: PublicationDate,
    actor_spans: Sequence[Sequence[tuple[int, int, str]]] = (),
) -> tuple[Event, ...]:
    """Dated statements of one briefing, resolved against its publication date."""
    anchor = dating.Anchor.from_value(pub.value)
    reference: str | None = None
    events: list[Event] = []
    seen: set[tuple[int, int, str]] = set()
    used_ids: set[str] = set()
    for index, paragraph in enumerate(paragraphs):
        spans = actor_spans[index] if index < len(actor_spans) else ()
        timexes = dating.resolve_with(dating.tag(paragraph), anchor, reference)
        groups = _enumeration_spans(paragraph, timexes)
        for t, (g_start, g_end) in zip(timexes, groups, strict=True):
            if t.value and t.precision == "day" and t.value.count("-") == 2 and "W" not in t.value:
                reference = t.value
            if any(a0 <= t.start and t.end <= a1 for a0, a1, _ in spans):
                continue  # « le Mouvement du 23 mars »: a date inside a name dates nothing
            got = _event_value(t)
            if got is None:
                continue
            value, precision = got
            s_start, s_end = next(
                ((a, b) for a, b in dating.sentence_spans(paragraph) if a <= t.start < b),
                (0, len(paragraph)),
            )
            if (index, s_start, value) in seen:
                continue
            seen.add((index, s_start, value))
            sentence = paragraph[s_start:s_end].strip()
            if not is_prose(sentence):
                continue  # a headline, timestamp, credit or related link dates no fact
            offset = s_start + (
                len(paragraph[s_start:s_end]) - len(paragraph[s_start:s_end].lstrip())
            )
            actors = tuple(sorted({a for a0, a1, a in spans if a0 < s_end and a1 > s_start}))
            future = bool(pub.value) and not value.startswith("X") and value[:len(pub.value)] \
                > pub.value[:len(value)]
            label = make_label(sentence, max(g_start, s_start) - offset,
                               min(g_end, s_end) - offset, future)
            before = sentence[: max(g_start, s_start) - offset]
            others = {x.value for x in timexes
                      if s_start <= x.start < s_end and x.value} - {t.value}
            head = re.sub(r"[\s,]*(?:le|la|les|du|au)?\s*$", "", before, flags=re.IGNORECASE)
            if _SUBORDINATE_RE.match(label) and is_clause(head):
                # « …ont annoncé, mercredi 20 septembre, qu’elles acceptaient … »: the main
                # clause before the date gives the subordinate clause its subject.
                label = _cut(f"{head} {label[:1].lower()}{label[1:]}")
            elif not is_clause(label) or _SUBORDINATE_RE.match(label):
                # « Erevan et Bakou »: the label lost its verb. The clause holding the date
                # says the fact, with its subject and the date itself; else the sentence does,
                # unless it dates something else too (it would lend this date that fact).
                rubric = len(sentence) - len(_RUBRIC_RE.sub("", sentence))
                label = _clause_around(_RUBRIC_RE.sub("", sentence),
                                       max(g_start, s_start) - offset - rubric,
                                       min(g_end, s_end) - offset - rubric) or (
                    _cut(_RUBRIC_RE.sub("", sentence.rstrip(" ."))) if not others else label)
            basis = _BASIS.get(t.resolved_by or "", "année inconnue : date incomplète")
            if t.resolved_by in ("anchor", "passage") and precision == "day" \
                    and pub.status != "confirmed" and not pub.printed:
                # A verified or printed publication date outranks the check.
                moved = check_relative_span(value, t.text, " ".join(paragraphs))
                if moved:
                    value, basis = moved
            events.append(
                Event(
                    id=_unique(
                        slugify(f"{briefing_id} {value} {' '.join(label.split()[:5])}"), used_ids
                    ),
                    briefing=briefing_id,
                    paragraph=index,
                    sentence=sentence,
                    label=label,
                    date=value,
                    precision=precision,
                    sort_key=sort_key(value, t.modifier),
                    actors=actors,
                    timex=t.text,
                    display=_display(value, precision, t.modifier),
                    modifier=t.modifier,
                    tense=t.tense,
                    deictic=t.deictic,
                    since=t.since,
                    terms=key_terms(sentence, actors),
                    date_basis=basis.format(status=_STATUS_WORD.get(pub.status, pub.status)),
                )
            )
    return tuple(events)


_ENUM_GAP_RE = re.compile(r"^[\s,]*(?:et|ou|&)?\s*(?:le|du)?\s*$", re.IGNORECASE)


def _enumeration_spans(text: str, timexes: Sequence[Timex]) -> list[tuple[int, int]]:
    """Span of the whole enumeration each expression belongs to (« les 10, 17 et 26 octobre »)."""
    spans = [(t.start, t.end) for t in timexes]
    for i in range(len(timexes) - 1):
        a, b = timexes[i], timexes[i + 1]
        if a.kind == b.kind == "date" and _ENUM_GAP_RE.match(text[a.end : b.start]):
            spans[i + 1] = (spans[i][0], spans[i + 1][1])
    for i in range(len(timexes) - 2, -1, -1):
        if spans[i + 1][0] == spans[i][0]:
            spans[i] = spans[i + 1]
    return spans


_STATUS_WORD = {"confirmed": "confirmée", "inferred": "inférée", "unknown": "inconnue"}


def _unique(base: str, used: set[str]) -> str:
    """`base`, or `base-2`, `base-3`… when already taken."""
    candidate, n = base, 1
    while candidate in used:
        n += 1
        candidate = f"{base}-{n}"
    used.add(candidate)
    return candidate


# 3. Same event? ----------------------------------------------------------------------------


def term_weights(events: Sequence[Event]) -> dict[str, float]:
    """Weight of each key term: full up to two dates (an event and its echo), then shrinking."""
    dates_of: dict[str, set[str]] = defaultdict(set)
    for e in events:
        for term in e.terms:
            dates_of[term].add(e.date)
    return {t: min(1.0, g.TERM_FULL_WEIGHT_DATES / len(ds)) for t, ds in dates_of.items()}


@functools.lru_cache(maxsize=65536)
def _term_sets(terms: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """An event's key terms split into kinds and the others, once per distinct term tuple."""
    kinds = frozenset(t for t in terms if t.startswith("kind:"))
    return kinds, frozenset(terms) - kinds


def match_score(a: Event, b: Event, weights: Mapping[str, float]) -> tuple[int, float]:
    """(shared kinds, weighted evidence) that two reports tell the same event."""
    kinds_a, rest_a = _term_sets(a.terms)
    kinds_b, rest_b = _term_sets(b.terms)
    kinds = len(kinds_a & kinds_b)
    # fsum is exact whatever the order: the total never depends on the hash seed.
    return kinds, kinds + math.fsum(map(weights.get, rest_a & rest_b, itertools.repeat(1.0)))


def same_event(a: Event, b: Event, weights: Mapping[str, float] | None = None) -> bool:
    """True when two reports share kinds and specific terms enough to be one event."""
    kinds_a, rest_a = _term_sets(a.terms)
    kinds_b, rest_b = _term_sets(b.terms)
    kinds = len(kinds_a & kinds_b)
    shared = rest_a & rest_b
    need = g.MERGE_MIN_SCORE_WITHIN if a.briefing == b.briefing else g.MERGE_MIN_SCORE_ACROSS
    need = need if kinds else need + g.MERGE_NO_KIND_EXTRA
    # A term weighs at most 1 (`term_weights`, and 1 when unweighed): too few shared terms
    # never reach the bar, and most pairs stop here without summing (a rebuild compares
    # hundreds of thousands). The sum is `match_score`'s.
    if kinds + len(shared) < need:
        return False
    return kinds + math.fsum(map((weights or {}).get, shared, itertools.repeat(1.0))) >= need


def _compatible(a: str, b: str) -> bool:
    """True when one ISO partial date contains the other (1994 and 1994-05)."""
    return a.startswith(b) or b.startswith(a)


# 4. Year-less reports tied to dated ones ---------------------------------------------------


def link_events(events: Iterable[Event]) -> tuple[Event, ...]:
    """Give year-less reports the year of the same event dated elsewhere, then their neighbours."""
    return _link(events)[0]


def _link(events: Iterable[Event]) -> tuple[tuple[Event, ...], dict[str, tuple[str, ...]]]:
    """`link_events`, plus for each linked report the ids of the reports it was matched to."""
    events = sorted(events, key=lambda e: (e.briefing, e.paragraph, e.id))
    dated = [e for e in events if e.dated]
    weights = term_weights(dated)
    by_month_day: dict[str, list[Event]] = defaultdict(list)
    for e in dated:
        if e.precision == "day":
            by_month_day[e.date[5:]].append(e)
    linked: dict[str, Event] = {}
    pairs: dict[str, tuple[str, ...]] = {}
    anchors: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for e in events:
        if e.dated or "W" in e.date or e.precision != "day":
            continue
        matches = [
            d
            for d in by_month_day.get(e.date[5:], ())
            if d.briefing != e.briefing and same_event(e, d, weights)
        ]
        dates = sorted({d.date for d in matches})
        if len(dates) != 1:
            continue
        others = ", ".join(sorted({d.briefing for d in matches}))
        linked[e.id] = _redate(e, dates[0], f"année du même événement daté par {others}")
        pairs[e.id] = tuple(sorted(d.id for d in matches))
        anchors[e.briefing].add((dates[0], e.timex))
    out = []
    for e in events:
        if e.id in linked:
            out.append(linked[e.id])
            continue
        known = anchors.get(e.briefing, set())
        if e.dated or "W" in e.date or len({d[:4] for d, _ in known}) != 1:
            out.append(e)
            continue
        # A nearer date of the same article anchors the others (the spec's « nearer date »).
        ref_value, ref_text = sorted(known)[0]
        ref = datetime.date.fromisoformat(ref_value)
        _, month, day = dating.parse_value(e.date)
        year = dating._year_for(month, day or 15, ref, None)  # type: ignore[arg-type]
        if year is None:
            out.append(e)
            continue
        value = f"{year:04d}{e.date[4:]}"
        out.append(_redate(e, value, f"année de « {ref_text} » ({ref_value[:4]}), même article"))
    return tuple(out), pairs


def _redate(e: Event, value: str, basis: str) -> Event:
    """The same report with a completed date and the basis saying where it came from."""
    return replace(
        e,
        date=value,
        sort_key=sort_key(value, e.modifier),
        display=_display(value, e.precision, e.modifier),
        date_basis=basis,
    )


# 5. The chronology ------------------------------------------------------------------------


def _clusters(
    bucket: list[Event], weights: Mapping[str, float], pairs: Mapping[str, tuple[str, ...]]
) -> list[list[Event]]:
    """Groups of reports of one date telling the same event (union-find over shared terms)."""
    parent = list(range(len(bucket)))
    position = {e.id: i for i, e in enumerate(bucket)}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Reports with the same key terms (wire copy reprinted word for word) are one event
    # without comparison; only one representative per term set is compared with the others.
    first_of: dict[tuple[str, ...], int] = {}
    reps: list[int] = []
    for i, e in enumerate(bucket):
        rep = first_of.setdefault(e.terms, i)
        if rep != i and same_event(e, bucket[rep], weights):
            parent[find(i)] = find(rep)
        else:  # the first of its terms, or terms too thin to merge on their own
            reps.append(i)
    by_term: dict[str, list[int]] = defaultdict(list)
    for i in reps:
        for term in bucket[i].terms:
            by_term[term].append(i)
    for i in reps:
        e = bucket[i]
        # Blocking: a term shared by most distinct reports of the day selects no candidate.
        candidates = {j for term in e.terms
                      if len(by_term[term]) <= MAX_TERM_POSTINGS
                      for j in by_term[term] if j > i}
        for j in sorted(candidates):
            if find(i) != find(j) and same_event(e, bucket[j], weights):
                parent[find(j)] = find(i)
        for other in pairs.get(e.id, ()):  # linked when its year was found: same event
            if other in position:
                parent[find(position[other])] = find(i)
    groups: dict[int, list[Event]] = defaultdict(list)
    for i, e in enumerate(bucket):
        groups[find(i)].append(e)
    return [groups[k] for k in sorted(groups)]


def build_chronology(events: Iterable[Event]) -> tuple[ChronologyEntry, ...]:
    """Merge reports of the same event across briefings; index by date, never all pairs."""
    # 1. Year-less reports take the year of the same event dated elsewhere.
    linked, pairs = _link(events)
    events = [e for e in linked if e.dated]
    weights = term_weights(events)
    # 2. Group by date, then by shared terms inside each date.
    buckets: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        buckets[e.date].append(e)
    groups = [c for date in sorted(buckets) for c in _clusters(buckets[date], weights, pairs)]
    # 3. Contradictions: one lasting state, two start dates.
    disputes = _disputes(groups)
    # 4. Entries, ids from date and label.
    used: set[str] = set()
    entries: list[ChronologyEntry] = []
    order = sorted(range(len(groups)), key=lambda i: (groups[i][0].sort_key, groups[i][0].id))
    ids = {}
    for i in order:
        first = groups[i][0]
        ids[i] = _unique(slugify(f"{first.date} {' '.join(first.label.split()[:6])}"), used)
    for i in order:
        reports = tuple(groups[i])
        first = reports[0]
        briefings = tuple(sorted({r.briefing for r in reports}))
        other, text = disputes.get(i, ((), None))
        status = "disputed" if text else ("corroborated" if len(briefings) > 1 else "single-source")
        entries.append(
            ChronologyEntry(
                id=ids[i],
                date=first.date,
                precision=first.precision,
                sort_key=first.sort_key,
                label=first.label,
                briefings=briefings,
                actors=tuple(sorted({a for r in reports for a in r.actors})),
                sources=len(briefings),
                status=status,
                reports=reports,
                dispute=text,
                display=first.display,
                disputed_with=tuple(sorted(ids[j] for j in other)),
            )
        )
    return tuple(entries)


def _disputes(groups: list[list[Event]]) -> dict[int, tuple[tuple[int, ...], str]]:
    """Groups telling the start of the same lasting state with incompatible dates."""
    by_term: dict[str, set[int]] = defaultdict(set)
    state: dict[int, Event] = {}
    for i, group in enumerate(groups):
        for e in group:
            kinds = {t[5:] for t in e.terms if t.startswith("kind:")}
            if e.since and kinds & g.STATE_KINDS:
                state[i] = e
                for term in e.terms:
                    by_term[term].add(i)
                break
    found: dict[int, set[int]] = defaultdict(set)
    for i, e in state.items():
        for j in sorted({j for t in e.terms for j in by_term[t] if j != i}):
            o = state[j]
            shared = (set(e.terms) & set(o.terms)) - {f"kind:{k}" for k in g.STATE_KINDS}
            if (
                o.briefing != e.briefing
                and not _compatible(e.date, o.date)
                and {f"kind:{k}" for k in g.STATE_KINDS} & set(e.terms) & set(o.terms)
                and len(shared) >= g.DISPUTE_MIN_SHARED_TERMS
            ):
                found[i].add(j)
    out = {}
    for i, others in found.items():
        members = sorted({i, *others}, key=lambda k: (state[k].sort_key, k))
        said = " ; ".join(
            f"{state[k].briefing} écrit « {_since_phrase(state[k])} » ({state[k].display})"
            for k in members[:DISPUTE_VERSIONS_SHOWN]
        )
        if len(members) > DISPUTE_VERSIONS_SHOWN:
            said += f" ; et {len(members) - DISPUTE_VERSIONS_SHOWN} autres versions"
        out[i] = (
            tuple(sorted(others)),
            f"Les sources ne donnent pas la même date de début : {said}.",
        )
    return out


def _since_phrase(e: Event) -> str:
    """The words from « depuis » to the date, as the source wrote them."""
    at = e.sentence.find(e.timex)
    start = e.sentence.rfind("depuis", 0, at)
    return e.sentence[start : at + len(e.timex)] if start >= 0 else e.timex


# 6. Publication dates from other briefings -------------------------------------------------


def _own_day_events(events: Sequence[Event]) -> list[Event]:
    """Weekday reports naming the day of writing (« plus tard vendredi », or past and future)."""
    tenses: dict[str, set[str | None]] = defaultdict(set)
    for e in events:
        if "W" in e.date:
            tenses[e.date].add(e.tense)
    return [
        e for e in events if "W" in e.date and (e.deictic or {"past", "future"} <= tenses[e.date])
    ]


def refine_publication_dates(
    pubs: Mapping[str, PublicationDate], events: Iterable[Event]
) -> dict[str, PublicationDate]:
    """Date unknown briefings through the same event reported by a dated briefing."""
    events = sorted(events, key=lambda e: (e.briefing, e.paragraph, e.id))
    out = dict(sorted(pubs.items()))
    known = {b for b, p in pubs.items() if p.value and p.status in ("confirmed", "inferred")}
    dated = [e for e in events if e.dated and e.precision == "day" and e.briefing in known]
    weights = term_weights([e for e in events if e.dated])
    # One candidate per distinct (date, terms): reprinted reports select nothing new.
    by_term: dict[str, list[Event]] = defaultdict(list)
    # The same postings split by weekday: a weekday report is compared with that day's only.
    by_term_day: dict[tuple[str, int], list[Event]] = defaultdict(list)
    distinct: dict[tuple[str, tuple[str, ...]], Event] = {}
    for e in dated:
        if (e.date, e.terms) in distinct:
            continue
        distinct[(e.date, e.terms)] = e
        weekday = datetime.date.fromisoformat(e.date).isoweekday()
        for term in e.terms:
            by_term[term].append(e)
            by_term_day[(term, weekday)].append(e)
    by_briefing: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        by_briefing[e.briefing].append(e)
    linked = {e.id: e for e in link_events(events)}
    for briefing, pub in out.items():
        if pub.status != "unknown":
            continue
        own = by_briefing.get(briefing, [])
        lo = pub.not_before and dating._sort_value(pub.not_before, False)
        hi = pub.not_after and dating._sort_value(pub.not_after, True)
        # 1. The day of writing is a weekday: find that day's event dated by another briefing.
        for e in _own_day_events(own):
            weekday = int(e.date[-1])
            # Candidates share a term; each is compared once (not once per shared term), and
            # terms every report uses (the background) select nothing.
            candidates = {
                d.id: d
                for term in e.terms
                if len(by_term.get(term, ())) <= MAX_TERM_POSTINGS
                for d in by_term_day.get((term, weekday), ())
                if d.briefing != briefing
            }
            matches = {
                i: d for i, d in sorted(candidates.items())
                # Inside this briefing's publication range (bounds computed once above).
                if (not lo or d.date >= lo) and (not hi or d.date <= hi)
                and same_event(e, d, weights)
            }
            dates = sorted({d.date for d in matches.values()})
            if len(dates) == 1:
                d = min(matches.values(), key=lambda m: (m.briefing, m.paragraph))
                source = out[d.briefing]
                out[briefing] = PublicationDate(
                    dates[0],
                    "inferred",
                    (
                        f"« {e.timex} » désigne le jour de parution (le texte en parle au passé "
                        f"et au futur) ; l'événement est celui que {d.briefing} date du "
                        f"{d.display} "
                        f"(date {_STATUS_WORD[source.status]} : {source.basis})"
                    ),
                )
                break
        if out[briefing].status != "unknown":
            continue
        # 2. Year-less dates tied to a dated event narrow the range.
        not_before, not_after, why = pub.not_before, pub.not_after, []
        for e in own:
            r = linked.get(e.id, e)
            if e.dated or not r.dated or r.precision != "day":
                continue
            if r.tense == "past" and (
                not not_before or r.date > dating._sort_value(not_before, True)
            ):
                not_before = r.date
                why.append(f"« {e.timex} » ({r.display}, {r.date_basis}) est raconté au passé")
            elif r.tense == "future" and (
                not not_after or r.date < dating._sort_value(not_after, False)
            ):
                not_after = r.date
                why.append(f"« {e.timex} » ({r.display}, {r.date_basis}) est annoncé au futur")
        if why:
            out[briefing] = replace(
                pub,
                not_before=not_before,
                not_after=not_after,
                range_label=dating.range_label(not_before, not_after),
                basis=pub.basis.rstrip(".") + " ; " + " ; ".join(why[-2:]) + ".",
            )
    return out


def settle(
    bodies: Mapping[str, Sequence[str]],
    pubs: Mapping[str, PublicationDate],
    actor_spans: Mapping[str, Sequence[Sequence[tuple[int, int, str]]]] | None = None,
    extract: Callable[..., tuple[Event, ...]] | None = None,
) -> tuple[dict[str, PublicationDate], tuple[Event, ...]]:
    """Extract events and refine publication dates from each other until nothing changes.

    `extract` stands for `extract_events` (the pipeline passes it through its per-seed cache).
    """
    extract = extract or extract_events
    spans = actor_spans or {}
    current = dict(sorted(pubs.items()))
    # A pass re-extracts only the briefings whose publication date changed.
    done: dict[tuple[str, PublicationDate], tuple[Event, ...]] = {}

    def events_of(b: str) -> tuple[Event, ...]:
        key = (b, current[b])
        if key not in done:
            done[key] = extract(b, bodies[b], current[b], spans.get(b, ()))
        return done[key]

    for _ in range(len(bodies) + 1):
        events = tuple(e for b in sorted(bodies) for e in events_of(b))
        refined = refine_publication_dates(current, events)
        if refined == current:
            return current, events
        current = refined
    return current, events
