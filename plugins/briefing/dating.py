"""French temporal expressions: tagging, resolution against an anchor, publication dates."""

from __future__ import annotations

import calendar
import datetime
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from briefing import textutils as T
from briefing import timex_grammar as g
from briefing.wordlists import participles

PRECISIONS = ("day", "month", "year")


@dataclass(frozen=True)
class Timex:
    """One temporal expression found in a text, TIMEX3-like."""

    text: str
    start: int
    end: int
    kind: str  # date | month | year | weekday | relative | anaphoric | range | decade
    value: str | None  # "2020-10-08", "XXXX-10-12", "XXXX-WXX-5", None before resolution
    precision: str  # day | month | year | week | decade
    modifier: str | None = None  # START | MID | END
    tense: str | None = None  # past | future | None, from the verbs around it
    deictic: bool = False  # « ce 9 octobre », « plus tard vendredi »: the day of writing
    shift: str | None = None  # relative offset before resolution: "-1D", "0W", "+1Y"
    since: bool = False  # « depuis 1991 »: start of a state that still holds
    value_end: str | None = None  # last day of a range « du 3 au 5 mars »
    resolved_by: str | None = None  # explicit | anchor | passage | reference | None
    nominal: bool = False  # « la déclaration du 9 novembre »: names a thing, not the clause's time
    weekday: int | None = None  # ISO weekday printed with a day date (« jeudi 21 décembre »)
    from_writing: bool = False  # told from the day of writing (« organisera », « mars prochain »)

    @property
    def complete(self) -> bool:
        """True when the value has no unknown part."""
        return self.value is not None and "X" not in self.value and "W" not in self.value


@dataclass(frozen=True)
class PublicationDate:
    """When a briefing was published, with how sure we are and why."""

    value: str | None  # ISO partial "YYYY-MM-DD" | "YYYY-MM" | "YYYY" | None
    status: str  # inferred | unknown (confirmed is set from authors' files)
    basis: str  # French, reader-facing
    not_before: str | None = None
    not_after: str | None = None
    range_label: str | None = None  # French, e.g. « avant décembre 2025 »
    printed: bool = False  # the page prints it (a stamp, its URL, its metadata): no guess


# 1. Grammar compiled from the data module --------------------------------------------------

_SP = r"[\s\u00a0\u202f]+"
_OSP = r"[\s\u00a0\u202f]*"
_APOS = "['’]"


def _alt(words: Iterable[str]) -> str:
    """Regex alternation, longest first, apostrophes made typographic-tolerant."""
    items = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace("'", _APOS).replace(r"\ ", _SP) for w in items)


_MONTH = rf"(?P<month>{_alt(g.MONTHS)})"
_MONTH_GLUED = rf"(?:(?=(?:{_alt(g.GLUE_SUFFIXES)})\b)|\b|(?<=\.))"
_DAY = r"(?:1er|1ᵉʳ|premier|[12]\d|3[01]|0?[1-9])"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)(?!\d)"
_WEEKDAY = rf"(?P<weekday>{_alt(g.WEEKDAYS)})"
_MOD = (
    rf"(?P<mod>{_alt(m for m in g.MODIFIERS if m != 'mi')}){_SP}(?:de{_SP}|d{_APOS})?"
    r"|(?P<mi>mi-)"
)
_PREP = rf"(?P<prep>{_alt(g.DATE_PREPOSITIONS)})"
_ARTICLE = rf"(?P<art>(?:{_alt(g.DEICTIC_DETERMINERS)}|le|les|du|au){_SP})?"

_ENUM_RE = re.compile(
    rf"\b{_ARTICLE}(?:{_WEEKDAY}{_SP})?(?P<days>{_DAY}(?:{_OSP}(?:,|et|ou|&){_OSP}(?:le{_SP}|du{_SP})?{_DAY})*)"
    rf"{_SP}{_MONTH}{_MONTH_GLUED}(?:{_SP}{_YEAR}|{_SP}(?P<after>prochain|dernier)\b)?",
    re.IGNORECASE,
)
_UNTIL_RE = re.compile(rf"\bjusqu{_APOS}(?:(?:en|à|au){_SP})?$", re.IGNORECASE)
# A verb of calling or planning, then its infinitive, up to the date with no clause between.
_PROSPECTIVE_RE = re.compile(rf"(?<![\w-])(?:{_alt(g.PROSPECTIVE_VERBS)}){_SP}(?:[^\W\d]+{_SP})"
                             rf"{{0,3}}?(?:à|de|d{_APOS}){_OSP}[^\W\d]+(?:er|ir|re){_SP}"
                             r"[^,.;:!?«»]*$", re.IGNORECASE)
# « le 20 mars prochain », « le 21 novembre dernier »: the side of the day of writing.
_AFTER_DAY_RE = re.compile(r"\b(?P<after>prochain|dernier)$", re.IGNORECASE)
_RANGE_RE = re.compile(
    rf"\bdu{_SP}(?P<d1>{_DAY})(?:{_SP}(?P<m1>{_alt(g.MONTHS)}))?(?:{_SP}(?P<y1>1[5-9]\d\d|20\d\d))?"
    rf"{_SP}au{_SP}(?P<d2>{_DAY}){_SP}(?P<m2>{_alt(g.MONTHS)})(?:{_SP}(?P<y2>1[5-9]\d\d|20\d\d))?\b",
    re.IGNORECASE,
)
_NUMERIC_RE = re.compile(r"\b(?P<d>[0-3]?\d)[/.](?P<m>[01]?\d)[/.](?P<y>(?:19|20)\d\d)\b")
_MONTH_YEAR_RE = re.compile(rf"(?:\b(?:{_MOD}))?\b{_MONTH}{_SP}{_YEAR}", re.IGNORECASE)
_BARE_MONTH_RE = re.compile(
    rf"(?:\b{_PREP}{_SP}|(?<=\bd['’])|\b(?:{_MOD}))"
    rf"(?P<body>(?-i:{_MONTH}){_MONTH_GLUED})(?:{_SP}(?P<after>dernier|prochain)\b)?",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(
    rf"(?:\b{_PREP}{_SP}|(?<=\d{{4}} et )|(?<=\d{{4}} ou )|(?<=\d{{4}}, )|\b(?:{_MOD}))"
    rf"(?P<body>{_YEAR})"
    rf"(?!{_SP}(?!(?:{_alt(g.PLURAL_FUNCTION_WORDS)})\b)[a-zà-ÿ]+s\b)",
    re.IGNORECASE,
)
_SEASON_RE = re.compile(
    rf"(?<!\w)(?:(?P<lead>{_alt(g.SEASON_LEADS)})|(?P<art>l{_APOS}|le))"
    rf"(?:(?<={_APOS})|{_SP})?(?P<season>{_alt(g.SEASONS)})"
    rf"(?:{_SP}(?P<dir>{_alt(g.SEASON_DIRECTION)})\b|{_SP}{_YEAR})?(?!\w)",
    re.IGNORECASE,
)
_DECADE_RE = re.compile(rf"\bannées{_SP}(?P<decade>1[5-9]\d0|20\d0)\b", re.IGNORECASE)
_WEEKDAY_RE = re.compile(
    rf"\b(?P<cue>(?:{_alt(g.SAME_DAY_CUES)}){_SP})?{_WEEKDAY}\b"
    rf"(?:{_SP}(?P<dir>{_alt(g.WEEKDAY_DIRECTION)})\b)?",
    re.IGNORECASE,
)
_RELATIVE_RE = re.compile(rf"(?<!\w)(?P<rel>{_alt(g.RELATIVE)})(?!\w)", re.IGNORECASE)
_ANAPHORIC_RE = re.compile(rf"(?<!\w)(?P<ana>{_alt(g.ANAPHORIC)})(?!\w)", re.IGNORECASE)
_ANAPHORIC_YEAR_RE = re.compile(rf"(?<!\w)(?P<ana>{_alt(g.ANAPHORIC_YEARS)})(?!\w)",
                                re.IGNORECASE)
# « il y a dix ans » (from the day of writing), « depuis trois ans » (a state started then),
# « trois ans plus tard » (from the passage's last date). « plus de », « près de » make no date.
_NUMBER = rf"(?P<n>\d{{1,2}}|{_alt(g.NUMBER_WORDS)})"
_YEARS_AGO_RE = re.compile(rf"\b(?:il{_SP}y{_SP}a|(?P<since>depuis)){_SP}{_NUMBER}{_SP}ans\b",
                           re.IGNORECASE)
_YEARS_LATER_RE = re.compile(rf"\b{_NUMBER}{_SP}ans{_SP}(?P<way>plus{_SP}tard|plus{_SP}tôt|"
                             r"auparavant)\b", re.IGNORECASE)
_YEAR_PART_RE = re.compile(rf"\b(?:{_alt(g.ORDINALS)}){_SP}(?:{_alt(g.YEAR_PARTS)}){_SP}"
                           rf"(?:de{_SP}|d{_APOS})?{_YEAR}", re.IGNORECASE)
# « (le lendemain) du vote », « (la veille) de sa mort »: a noun, not a date, after the word.
_OF_AN_EVENT_RE = re.compile(rf"{_SP}(?:du|des|de{_SP}la|de{_SP}l{_APOS}|d{_APOS}|de)"
                             rf"{_OSP}(?!{_DAY}\b|{_WEEKDAY}\b|{_MONTH}\b)[^\W\d]", re.IGNORECASE)
_DAY_ITEM_RE = re.compile(rf"(?<![\d\w]){_DAY}(?![\d\w])", re.IGNORECASE)
_SINCE_RE = re.compile(rf"\bdepuis(?:{_SP}\S+){{0,6}}{_SP}$", re.IGNORECASE)

_FUTURE_RE = re.compile(rf"(?<![\w-])(?:{'|'.join(g.FUTURE_CUES)})(?![\w-])", re.IGNORECASE)
# A future seen from a past time (« devait », a conditional): told from the narrative's day.
_FUTURE_IN_PAST_RE = re.compile(r"\b(?:dev(?:ait|aient|ant)|\w{3,}(?:rait|raient))\b", re.I)
_PAST_RE = re.compile(rf"(?<![\w-])(?:{'|'.join(g.PAST_CUES)})(?![\w-])", re.IGNORECASE)
_NOMINAL_RE = re.compile(rf"\w{_SP}(?:de|d{_APOS})[\s\u00a0\u202f]*$", re.IGNORECASE)
# A day date completing a noun after a determiner (« la déclaration du », « l'accord du »):
# it names an act already known to the reader, whatever tense the clause's verb has.
# A noun, possibly with an adjective, completed by a day date (« des élections municipales du »):
# the head noun is the event the date belongs to.
_NOUN_DATE_RE = re.compile(
    rf"(?:^|(?<=[\s(]))(?:{_alt((*g.NOUN_DETERMINERS, 'des', 'aux', 'au'))})(?:{_SP}|(?<={_APOS}))"
    rf"(?:(?:prochaine?|dernière|dernier){_SP})?(?P<head>[^\W\d][\w-]{{2,}})"
    rf"(?:{_SP}[^\W\d][\w-]{{2,}})?{_SP}du{_SP}$",
    re.IGNORECASE)
_NOUN_DU_RE = re.compile(
    rf"(?:^|[\s(])(?:{_alt(g.NOUN_DETERMINERS)})(?:{_SP}|(?<={_APOS}))[^\W\d]{{3,}}{_SP}du"
    rf"[\s\u00a0\u202f]*$",
    re.IGNORECASE)


def _month(word: str) -> int:
    """Month number of a (case-insensitive) month word."""
    return g.MONTHS[word.lower()]


def _day(word: str) -> int:
    """Day number of « 1er », « premier » or digits."""
    low = word.lower()
    return 1 if low in ("1er", "1ᵉʳ", "premier") else int(low)


def _valid(year: int | None, month: int, day: int) -> bool:
    """True when the day exists in the month (29 February needs a known leap year)."""
    last = calendar.monthrange(year if year is not None else 2000, month)[1]
    return 1 <= day <= last


def _fmt(year: int | None, month: int | None = None, day: int | None = None) -> str:
    """TIMEX3-like value with X for unknown parts."""
    out = f"{year:04d}" if year is not None else "XXXX"
    if month is not None:
        out += f"-{month:02d}"
    if day is not None:
        out += f"-{day:02d}"
    return out


# 2. Tagging ------------------------------------------------------------------------------


sentence_spans = T.sentence_spans


def _tense(text: str, start: int, end: int, pieces: bool = True) -> str | None:
    """Tense of the verb nearest the expression in its sentence: past, future or None.

    `pieces`: a participle opening the expression's piece tells a past (not for an end bound).
    """
    lo, hi = next(((a, b) for a, b in sentence_spans(text) if a <= start < b), (0, len(text)))
    if pieces and _participle_piece(text, lo, hi, start, end):
        return "past"
    quotes = T.quote_spans(text)  # verbs in quotes speak of another time than the narration
    inside = next(((a, b) for a, b in quotes if a <= start < b), None)

    def usable(pos: int) -> bool:
        where = next(((a, b) for a, b in quotes if a <= pos < b), None)
        return where == inside

    best: tuple[int, int, str] | None = None
    for regex, label in ((_FUTURE_RE, "future"), (_PAST_RE, "past")):
        for match in regex.finditer(text, lo, hi):
            word = match.group(0).lower()
            last = word.split()[-1]
            if label == "future" and word in g.FUTURE_FALSE_FRIENDS:
                continue
            if label == "past" and last in g.PAST_FALSE_FRIENDS:
                continue
            if start <= match.start() < end or not usable(match.start()):
                continue
            distance = start - match.end() if match.end() <= start else match.start() - end
            # A reporting verb (« a déclaré ») dates only the statement: unless the expression
            # sits right next to it, it loses against any event verb of the sentence.
            # After a comma (« … aura lieu le 30 juin, a annoncé le président ») it is an
            # incise: it dates the saying, never the clause before it.
            incise = match.start() >= end and "," in text[end:match.start()]
            penalty = 1000 if last in g.REPORTING_VERBS and (distance > 3 or incise) else 0
            # The future wins ties, so « devait » beats its own imperfect ending.
            key = (distance + penalty, 0 if label == "future" else 1, label)
            if best is None or key < best:
                best = key
    return best[2] if best else None


def _participle_piece(text: str, lo: int, hi: int, start: int, end: int) -> bool:
    """Whether the expression sits in a fronted or incised piece opening on a past participle.

    « Qualifié au printemps …, le club se rendra … » tells a past qualification, whatever the
    main clause's tense; not « …, précédée de deux demi-finales les 13 et 15 mai. », which
    describes what the main clause tells. The piece has no verb of its own.
    """

    a = max(text.rfind(c, lo, start) for c in ",;:") + 1 or lo
    b = min((i for i in (text.find(c, end, hi) for c in ",;:") if i >= 0), default=hi)
    if a > lo and (b >= hi or text[b] != ","):
        return False
    piece = text[max(a, lo):b]
    words = [w.lower() for w in piece.split()[:2]]
    if len(words) > 1 and words[0] in g.PARTICIPLE_ADVERBS:
        words.pop(0)  # « déjà placée … »
    first = words[0] if words else ""
    return (first in participles() and T.fold_accents(first).rstrip("es") not in
            g.PROSPECTIVE_PARTICIPLES and not _FUTURE_RE.search(piece)
            and not _PAST_RE.search(piece))


def _noun_tense(text: str, start: int, end: int) -> str | None:
    """Tense of a noun's day date (« la réunion du 18 juillet »), or "" when the date is no noun's.

    The noun's event is not the clause's: « Interrogée sur la réunion du 18 juillet, elle a
    refusé … » tells a past question about a meeting to come. Its direction comes from the noun
    phrase (« la prochaine réunion du 18 juillet ») or from the verb it is the subject of, right
    after it in the same clause (« la réunion du 18 juillet aura lieu à Francfort »); else
    none, and the year is the nearest to the publication.
    """
    glued = text[start:start + 3].lower() == "du "  # « du 18 juillet » tagged whole
    before = text[max(0, start - 60):start] + ("du " if glued else "")
    m = _NOUN_DATE_RE.search(before)
    if not m or m["head"].lower() in g.NOT_NOMINAL_HEADS:
        return ""
    after = re.split(r"[,;:.!?«»()]", text[end:end + 80])[0]
    phrase = before[m.start():len(before) - (3 if glued else 0)]
    return _tense(phrase + text[start:end] + after, len(phrase), len(phrase) + end - start)


def _since(text: str, start: int) -> bool:
    """True for « depuis 1991 » or « depuis la fin d'une guerre en 1994 »."""
    window = text[max(0, start - 60) : start]
    parts = re.split(r"[,;:.]", window)
    clause = parts[-1]
    if len(parts) > 1 and re.fullmatch(r"\s*(?:en|le|au|à)?\s*", clause, re.IGNORECASE) \
            and window[len(window) - len(clause) - 1] == ",":
        # « depuis celui de Georges Pompidou, en octobre 1962 »: the date restates what
        # « depuis » starts from.
        clause = parts[-2]
    return bool(_SINCE_RE.search(clause + " ")) or clause.rstrip().lower().endswith("depuis")


def _modifier(match: re.Match[str]) -> str | None:
    """TIMEX3 mod from « début », « fin », « mi- »."""
    if match.groupdict().get("mi"):
        return "MID"
    mod = match.groupdict().get("mod")
    return g.MODIFIERS[mod.lower()] if mod else None


def _candidates(text: str) -> list[Timex]:
    """Every expression any rule finds, overlapping; `tag` keeps the longest."""
    found: list[Timex] = []
    for m in _RANGE_RE.finditer(text):
        m2, d2 = _month(m["m2"]), _day(m["d2"])
        m1 = _month(m["m1"]) if m["m1"] else m2
        y2 = int(m["y2"]) if m["y2"] else None
        y1 = int(m["y1"]) if m["y1"] else y2
        d1 = _day(m["d1"])
        if _valid(y1, m1, d1) and _valid(y2, m2, d2):
            found.append(
                Timex(
                    m.group(0),
                    m.start(),
                    m.end(),
                    "range",
                    _fmt(y1, m1, d1),
                    "day",
                    value_end=_fmt(y2, m2, d2),
                )
            )
    for m in _NUMERIC_RE.finditer(text):
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        if 1 <= mo <= 12 and _valid(y, mo, d):
            found.append(Timex(m.group(0), m.start(), m.end(), "date", _fmt(y, mo, d), "day"))
    for m in _ENUM_RE.finditer(text):
        month = _month(m["month"])
        year = int(m["year"]) if m["year"] else None
        art = (m["art"] or "").strip().lower()
        deictic = art in g.DEICTIC_DETERMINERS
        items = list(_DAY_ITEM_RE.finditer(text, m.start("days"), m.end("days")))
        for i, item in enumerate(items):
            day = _day(item.group(0))
            if not _valid(year, month, day):
                continue
            # The first item keeps the article, the last one the month and year.
            begin = m.start() if i == 0 else item.start()
            finish = m.end() if i == len(items) - 1 else item.end()
            # The weekday stands before the first day only (« mardi 3 et 10 mars »).
            weekday = g.WEEKDAYS[m["weekday"].lower()] if m["weekday"] and i == 0 else None
            found.append(
                Timex(
                    text[begin:finish],
                    begin,
                    finish,
                    "date",
                    _fmt(year, month, day),
                    "day",
                    deictic=deictic,
                    weekday=weekday,
                )
            )
    for m in _MONTH_YEAR_RE.finditer(text):
        found.append(
            Timex(
                m.group(0),
                m.start(),
                m.end(),
                "month",
                _fmt(int(m["year"]), _month(m["month"])),
                "month",
                _modifier(m),
            )
        )
    for m in _BARE_MONTH_RE.finditer(text):
        begin = m.start() if (m["mod"] or m["mi"]) else m.start("body")
        stop = m.end() if m["after"] else m.end("body")  # « novembre dernier »: one date
        found.append(
            Timex(
                text[begin:stop],
                begin,
                stop,
                "month",
                _fmt(None, _month(m["month"])),
                "month",
                _modifier(m),
            )
        )
    for m in _YEAR_RE.finditer(text):
        begin = m.start() if (m["mod"] or m["mi"]) else m.start("body")
        found.append(
            Timex(
                text[begin : m.end("body")],
                begin,
                m.end("body"),
                "year",
                m["year"],
                "year",
                _modifier(m),
            )
        )
    for m in _SEASON_RE.finditer(text):
        direction = g.SEASON_DIRECTION.get((m["dir"] or "").lower())
        if not (m["lead"] or direction or m["year"]):
            continue  # « l'été a été chaud », « le Printemps arabe »: no time said
        lead = (m["lead"] or "").lower().replace("’", "'")
        # The surface starts at the article (« depuis l'automne »: « depuis » stays before it,
        # for `_since`), or at « au », « en », « cet », « fin de »… that belong to it.
        article = max(lead.rfind(" l'"), lead.rfind(" le"))
        begin = m.start() + article + 1 if article >= 0 and not lead.startswith(
            ("fin", "début", "courant")) else m.start()
        found.append(Timex(
            text[begin:m.end()], begin, m.end(), "season",
            m["year"] or f"XXXX-{g.SEASONS[m['season'].lower()]:02d}", "year",
            deictic=lead in ("cet", "ce"),
            shift=None if direction is None else f"{direction:+d}S"))
    for m in _DECADE_RE.finditer(text):
        found.append(Timex(m.group(0), m.start(), m.end(), "decade", m["decade"][:3], "decade"))
    for m in _WEEKDAY_RE.finditer(text):
        cue = (m["cue"] or "").strip().lower()
        direction = g.WEEKDAY_DIRECTION.get((m["dir"] or "").lower())
        shift = None if direction is None else f"{direction:+d}W"
        found.append(
            Timex(
                m.group(0),
                m.start(),
                m.end(),
                "weekday",
                f"XXXX-WXX-{g.WEEKDAYS[m['weekday'].lower()]}",
                "day",
                deictic=bool(cue) and direction is None,
                shift=shift,
            )
        )
    for m in _RELATIVE_RE.finditer(text):
        unit, step = g.RELATIVE[_norm(m["rel"])]
        found.append(
            Timex(
                m.group(0),
                m.start(),
                m.end(),
                "relative",
                None,
                {"D": "day", "W": "week", "M": "month", "Y": "year"}[unit],
                shift=f"{step:+d}{unit}",
            )
        )
    low = text.lower()
    years = " ans" in low  # (cheap guards: most paragraphs hold none of these)
    quotes = T.quote_spans(text) if years and _YEARS_AGO_RE.search(text) else []
    for m in _YEARS_AGO_RE.finditer(text) if years else ():
        if any(a <= m.start() < b for a, b in quotes):
            continue  # « Je vis ici depuis trente ans » : speech counts loosely
        n = _count(m["n"])
        begin = m.start("n") if m["since"] else m.start()  # « depuis » stays the start's cue
        found.append(Timex(text[begin:m.end()], begin, m.end(), "relative", None, "year",
                           shift=f"{-n:+d}Y"))
    for m in _YEARS_LATER_RE.finditer(text) if years else ():
        n = _count(m["n"]) * (1 if m["way"].lower().startswith("plus tard") else -1)
        found.append(Timex(m.group(0), m.start(), m.end(), "anaphoric", None, "year",
                           shift=f"{n:+d}Y"))
    for m in _ANAPHORIC_YEAR_RE.finditer(text) if "l'an" in low or "l’an" in low else ():
        found.append(Timex(m.group(0), m.start(), m.end(), "anaphoric", None, "year",
                           shift=f"{g.ANAPHORIC_YEARS[_norm(m['ana'])]:+d}Y"))
    for m in _YEAR_PART_RE.finditer(text) if "mestre" in low else ():
        found.append(Timex(m.group(0), m.start(), m.end(), "year", m["year"], "year"))
    for m in _ANAPHORIC_RE.finditer(text):
        if _OF_AN_EVENT_RE.match(text, m.end()):
            continue  # « le lendemain du vote »: the day after an event, not after the last date
        found.append(
            Timex(
                m.group(0),
                m.start(),
                m.end(),
                "anaphoric",
                None,
                "day",
                shift=f"{g.ANAPHORIC[_norm(m['ana'])]:+d}D",
            )
        )
    return found


def _count(word: str) -> int:
    """A number of years, in digits or in words."""
    return int(word) if word.isdigit() else g.NUMBER_WORDS[word.lower()]


def _norm(surface: str) -> str:
    """Lexicon key of a surface: lower case, straight apostrophes, single spaces."""
    return re.sub(r"[\s\u00a0\u202f]+", " ", surface.lower().replace("’", "'"))


# Pure and called again for every settling pass of the chronology: remember paragraphs.
@functools.lru_cache(maxsize=1 << 17)
def tag(text: str) -> tuple[Timex, ...]:
    """Temporal expressions of a French text, in order; durations and ages are not dates."""
    chosen: list[Timex] = []
    for cand in sorted(_candidates(text), key=lambda t: (t.start, -(t.end - t.start), t.kind)):
        if any(cand.start < c.end and c.start < cand.end for c in chosen):
            continue
        chosen.append(cand)
    out = []
    spans = sentence_spans(text)
    for t in sorted(chosen, key=lambda t: t.start):
        # « le traité de 1997 » dates a noun, not the verb of the clause: no tense.
        nominal = t.kind in ("month", "year") and _NOMINAL_RE.search(text[: t.start]) is not None
        noun = _noun_tense(text, t.start, t.end) if t.kind == "date" else ""
        tense = None if nominal else noun if noun != "" else _tense(text, t.start, t.end)
        if not t.complete and _UNTIL_RE.search(text, 0, t.start) and not nominal:
            # « suspendu jusqu'en novembre, il dirigera … »: the end of a state lasts as long as
            # the main clause says, not the past of the participle.
            tense = _tense(text, t.start, t.end, pieces=False)
        if tense == "past" and not t.complete and _PROSPECTIVE_RE.search(
                text, max(0, t.start - 80), t.start):
            tense = "future"  # « ont appelé à manifester de nouveau jeudi »
        after = _AFTER_DAY_RE.search(t.text) if t.kind in ("date", "month") else None
        if after:
            tense = "future" if after["after"].lower() == "prochain" else "past"
        lo, hi = next(((a, b) for a, b in spans if a <= t.start < b), (0, len(text)))
        out.append(
            replace(
                t,
                tense=tense,
                from_writing=bool(after) or (
                    tense == "future" and not _FUTURE_IN_PAST_RE.search(text, lo, hi)),
                since=_since(text, t.start),
                resolved_by="explicit" if t.complete else None,
                nominal=t.kind == "date" and bool(_NOUN_DU_RE.search(
                    text[max(0, t.start - 40): t.start] + t.text[:3].lower()
                    if t.text[:3].lower() == "du " else text[max(0, t.start - 40): t.start])),
            )
        )
    return tuple(out)


# 3. Resolution ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Anchor:
    """The interval in which the text was written (one day when the date is known)."""

    lo: datetime.date
    hi: datetime.date

    @classmethod
    def from_value(cls, value: str | None) -> Anchor | None:
        """Interval covered by an ISO partial date."""
        if not value:
            return None
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            day = datetime.date(*parts)
            return cls(day, day)
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return cls(
                datetime.date(parts[0], parts[1], 1), datetime.date(parts[0], parts[1], last)
            )
        return cls(datetime.date(parts[0], 1, 1), datetime.date(parts[0], 12, 31))


def parse_value(value: str) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of a TIMEX value; None for unknown or absent parts."""
    parts = value.split("-")
    nums = [None if "X" in p else int(p) for p in parts[:3]]
    return tuple(nums + [None] * (3 - len(nums)))  # type: ignore[return-value]


def _year_for(month: int, day: int, ref: datetime.date, direction: str | None) -> int | None:
    """Year placing (month, day) on the side of `ref` the tense asks for."""
    candidates = [y for y in (ref.year - 1, ref.year, ref.year + 1) if _valid(y, month, day)]
    if direction == "past":
        ok = [y for y in candidates if datetime.date(y, month, day) <= ref]
        return max(ok) if ok else None
    if direction == "future":
        ok = [y for y in candidates if datetime.date(y, month, day) >= ref]
        return min(ok) if ok else None
    return min(
        candidates, key=lambda y: (abs((datetime.date(y, month, day) - ref).days), y), default=None
    )


def _year_in(month: int, day: int, anchor: Anchor, direction: str | None) -> int | None:
    """Year of a day+month when both ends of the anchor interval agree on it."""
    low, high = (
        _year_for(month, day, anchor.lo, direction),
        _year_for(month, day, anchor.hi, direction),
    )
    return low if low == high else None


def _weekday_date(weekday: int, ref: datetime.date, direction: str | None) -> datetime.date:
    """The weekday nearest `ref` on the side the tense asks for (the day itself if it matches)."""
    delta = weekday - ref.isoweekday()
    if direction == "future":
        return ref + datetime.timedelta(days=delta % 7)
    if direction == "past" or delta == 0:
        return ref - datetime.timedelta(days=(-delta) % 7)
    # No tense: the closest such day, the past one on a tie (news mostly reports).
    back, ahead = (-delta) % 7, delta % 7
    return (
        ref - datetime.timedelta(days=back)
        if back <= ahead
        else ref + datetime.timedelta(days=ahead)
    )


def coarsen(lo: datetime.date, hi: datetime.date) -> tuple[str, str]:
    """Finest ISO partial value true for every day of [lo, hi], and its precision."""
    if lo == hi:
        return lo.isoformat(), "day"
    if (lo.year, lo.month) == (hi.year, hi.month):
        return f"{lo.year:04d}-{lo.month:02d}", "month"
    if lo.year == hi.year:
        return f"{lo.year:04d}", "year"
    return f"{lo.year:04d}/{hi.year:04d}", "range"


def _resolve_relative(t: Timex, anchor: Anchor) -> Timex:
    """Value of « hier », « cette semaine », « l'an dernier » against a one-day anchor."""
    step, unit = int(t.shift[:-1]), t.shift[-1]  # type: ignore[index]
    ref = anchor.lo
    if unit == "D":
        lo = hi = ref + datetime.timedelta(days=step)
    elif unit == "W":
        monday = (
            ref - datetime.timedelta(days=ref.isoweekday() - 1) + datetime.timedelta(weeks=step)
        )
        lo, hi = monday, monday + datetime.timedelta(days=6)
        low = t.text.lower()
        if step == 0 and "plus tôt" in low:
            hi = ref - datetime.timedelta(days=1) if ref > monday else ref
        elif step == 0 and "plus tard" in low:
            lo = ref
    elif unit == "M":
        index = ref.year * 12 + ref.month - 1 + step
        year, month = divmod(index, 12)
        lo = datetime.date(year, month + 1, 1)
        hi = datetime.date(year, month + 1, calendar.monthrange(year, month + 1)[1])
    else:
        lo, hi = datetime.date(ref.year + step, 1, 1), datetime.date(ref.year + step, 12, 31)
    value, precision = coarsen(lo, hi)
    return replace(t, value=value, precision=precision, resolved_by="anchor")


def _shift_value(value: str, days: int) -> str | None:
    """A day value moved by some days; a year-less day only within its month."""
    year, month, day = parse_value(value)
    if month is None or day is None:
        return None
    if year is None:
        moved = day + days
        return _fmt(None, month, moved) if _valid(None, month, moved) else None
    return (datetime.date(year, month, day) + datetime.timedelta(days=days)).isoformat()


def resolve_with(
    timexes: Sequence[Timex], anchor: Anchor | None, reference: str | None = None
) -> tuple[Timex, ...]:
    """Fill unknown parts against an anchor interval, a nearer date of the passage, or both."""
    out: list[Timex] = []
    last_day = reference
    last_year: int | None = None
    for i, t in enumerate(timexes):
        r = t
        if t.kind == "anaphoric" and t.shift and t.shift.endswith("Y"):
            # « l'année suivante », « trois ans plus tard »: from the last year told.
            if last_year is not None:
                r = replace(t, value=f"{last_year + int(t.shift[:-1]):04d}",
                            resolved_by="reference")
        elif t.kind == "anaphoric":
            if last_day:
                moved = _shift_value(last_day, int(t.shift[:-1]))  # type: ignore[index]
                r = replace(t, value=moved, resolved_by="reference" if moved else None)
        elif t.complete:
            r = t
        elif t.kind == "relative":
            if anchor is not None and (anchor.lo == anchor.hi or t.shift[-1] == "Y"):  # type: ignore[index]
                r = _resolve_relative(t, anchor)
        elif t.kind == "weekday":
            if anchor is not None and anchor.lo == anchor.hi:
                weekday = int(t.value[-1])  # type: ignore[index]
                direction = t.tense
                if t.shift:
                    direction = "past" if t.shift.startswith("-") else "future"
                day = _weekday_date(weekday, anchor.lo, direction)
                if t.shift and day == anchor.lo:  # « lundi dernier » said on a Monday
                    day += datetime.timedelta(weeks=1 if direction == "future" else -1)
                r = replace(t, value=day.isoformat(), resolved_by="anchor")
        elif t.value and t.kind in ("date", "month", "range"):
            r = _resolve_calendar(t, (*out, *timexes[i:]), i, anchor)
        elif t.kind == "season" and anchor is not None:
            r = _resolve_season(t, anchor)
        out.append(r)
        if r.value and r.precision == "day" and r.kind != "range" and r.value.count("-") == 2:
            last_day = r.value
        if r.complete and r.kind in ("date", "month", "year", "range") and not r.since:
            last_year = parse_value(r.value)[0]  # type: ignore[arg-type]
    return tuple(out)


def _resolve_season(t: Timex, anchor: Anchor) -> Timex:
    """Year of « à l'automne », « l'été dernier », « cet été »: its middle month's, as a month."""
    month = parse_value(t.value)[1]  # type: ignore[arg-type]
    if t.deictic:
        direction = None
    elif t.shift:
        direction = "past" if t.shift.startswith("-") else "future"
    else:
        direction = "past" if t.since else t.tense
    year = _month_year(month, anchor, direction) if month else None  # type: ignore[arg-type]
    if year is not None and t.shift and year == anchor.lo.year and month and abs(
            month - anchor.lo.month) <= 1:
        year += -1 if direction == "past" else 1  # « l'été dernier » said in July: last year's
    return replace(t, value=f"{year:04d}", resolved_by="anchor") if year is not None else t


def _resolve_calendar(t: Timex, timexes: Sequence[Timex], i: int, anchor: Anchor | None) -> Timex:
    """Year of « le 12 octobre » or « en septembre »: nearer dated expression, else anchor."""
    # A future told from the day of writing (« organisera … le 18 mai », « le 20 mars
    # prochain ») is not in the time of a past passage.
    year_hint = _passage_year(timexes, i)
    if t.from_writing and anchor is not None and year_hint is not None \
            and year_hint[:2] < (anchor.lo.year, anchor.lo.month):
        year_hint = None  # (a passage to come keeps its year: « le 12 mars 2026 … le 10 mars »)
    _, month, day = parse_value(t.value)  # type: ignore[arg-type]
    if month is None:
        return t
    year: int | None = None
    how = None
    if year_hint is not None:
        ref = datetime.date(year_hint[0], year_hint[1], min(year_hint[2], 28))
        year, how = _year_for(month, day or 15, ref, None), "passage"
        if year is not None and anchor is not None and (t.tense == "past" or t.since) \
                and datetime.date(year, month, day or 1) > anchor.hi >= ref:
            year = None  # a past fact of a past passage is never after the day of writing
    if year is None and anchor is not None:
        # « depuis le 4 mars » starts a state that still holds: the past, whatever the verb.
        tense = "past" if t.since else t.tense
        if t.deictic:
            year = _year_in(month, day or 15, anchor, None)
        elif day is None:
            year = _month_year(month, anchor, tense)
        else:
            year = _year_in(month, day, anchor, tense)
        how = "anchor"
    if t.weekday is not None and day is not None:
        agreed = _weekday_agreeing(month, day, t.weekday, year, anchor, year_hint)
        if agreed is not None and agreed != year:
            year, how = agreed, "weekday"
    if year is None:
        return t
    value = _fmt(year, month, day)
    end = t.value_end
    if end and end.startswith("XXXX"):
        end = _fmt(year, *parse_value(end)[1:])
    return replace(t, value=value, value_end=end, resolved_by=how)


def _weekday_agreeing(
    month: int, day: int, weekday: int, year: int | None, anchor: Anchor | None,
    year_hint: tuple[int, int, int] | None,
) -> int | None:
    """The year in which « jeudi 21 décembre » is a Thursday: the one chosen if it agrees,
    else the only agreeing year next to the day of writing (a weekday names a day close to
    it), else next to the passage's year; None when no single year agrees."""
    def agrees(y: int) -> bool:
        return _valid(y, month, day) and datetime.date(y, month, day).isoweekday() == weekday

    if year is not None and agrees(year):
        return year
    around = []
    if anchor is not None:
        around.append(range(anchor.lo.year - 1, anchor.hi.year + 2))
    if year_hint is not None:
        around.append(range(year_hint[0] - 1, year_hint[0] + 2))
    for years in around:
        fits = [y for y in years if agrees(y)]
        if len(fits) == 1:
            return fits[0]
    return None


def _month_year(month: int, anchor: Anchor, direction: str | None) -> int | None:
    """Year of a bare month against an anchor interval, when its ends agree."""
    years = set()
    for ref in (anchor.lo, anchor.hi):
        if direction == "past":
            years.add(ref.year if month <= ref.month else ref.year - 1)
        elif direction == "future":
            years.add(ref.year if month >= ref.month else ref.year + 1)
        else:
            years.add(
                min(
                    (ref.year - 1, ref.year, ref.year + 1),
                    key=lambda y: abs((y * 12 + month) - (ref.year * 12 + ref.month)),
                )
            )
    return years.pop() if len(years) == 1 else None


def _passage_year(timexes: Sequence[Timex], i: int) -> tuple[int, int, int] | None:
    """The nearest expression before it in the same text giving a year with at least a month.

    A narrative sets its year first (« Le 9 novembre 2020, … Le lendemain, le 10 novembre,
    … »); a dated aside after the expression (« … prévue le 24 mars. Il occupait le poste
    depuis novembre 2015 ») tells another time.
    """
    best = None
    for j, other in enumerate(timexes[:i]):
        if other.kind in ("weekday", "relative") or other.deictic:
            # « lundi », « hier », « ce 9 octobre »: the text is back at the day of writing.
            best = None
            continue
        # « depuis octobre 1962 » starts a state lasting until the writing: no time to tell
        # the passage in.
        if not other.complete or other.kind not in ("date", "month") or other.since:
            continue
        y, m, d = parse_value(other.value)  # type: ignore[arg-type]
        if y is None or m is None:
            continue
        if other.resolved_by != "explicit" and not (
                other.weekday is not None and d is not None
                and datetime.date(y, m, d).isoweekday() == other.weekday):
            continue  # a year the text prints, or a printed weekday fixes (« dimanche 11 août »)
        dist = abs(j - i)
        if best is None or dist < best[0]:
            best = (dist, (y, m, d or 15))
    return best[1] if best else None


def resolve(
    timexes: Sequence[Timex], text: str, anchor: datetime.date | None, reference: str | None = None
) -> tuple[Timex, ...]:
    """Fill years and weekdays against the anchor day; tense (already tagged) gives direction."""
    del text  # tense was read from the text by `tag`; kept in the signature for callers
    return resolve_with(timexes, Anchor(anchor, anchor) if anchor else None, reference)


# 4. Display ------------------------------------------------------------------------------

_MOD_WORDS = {"START": "début", "MID": "mi-", "END": "fin"}


def display_date(value: str | None, precision: str, modifier: str | None = None) -> str:
    """Reader-facing French date at its own precision: « 27 septembre 2020 », « fin 1994 »."""
    if not value:
        return "date inconnue"
    year, month, day = parse_value(value)
    parts = []
    if day is not None and precision == "day":
        parts.append("1er" if day == 1 else str(day))
    if month is not None and precision in ("day", "month"):
        parts.append(g.MONTH_NAMES[month - 1])
    parts.append(str(year) if year is not None else "(année inconnue)")
    text = " ".join(parts)
    if modifier and precision != "day":
        word = _MOD_WORDS[modifier]
        text = f"{word}{text}" if word.endswith("-") else f"{word} {text}"
    return text


# 5. Publication date ---------------------------------------------------------------------


def _bound_label(value: str, precision: str) -> str:
    """« décembre 2025 », « le 2 novembre 2020 » or « 1997 » for a range label."""
    shown = display_date(value, precision)
    return f"le {shown}" if precision == "day" else shown


def range_label(not_before: str | None, not_after: str | None) -> str | None:
    """French range for an unknown date: « après 1997 », « avant décembre 2025 »."""

    def precision(v: str) -> str:
        return PRECISIONS[2 - v.count("-")]

    if not_before and not_after:
        return (
            f"entre {_bound_label(not_before, precision(not_before))} "
            f"et {_bound_label(not_after, precision(not_after))}"
        )
    if not_before:
        return f"après {_bound_label(not_before, precision(not_before))}"
    if not_after:
        return f"avant {_bound_label(not_after, precision(not_after))}"
    return None


def _sort_value(value: str, late: bool) -> str:
    """A partial value padded to a day for comparisons, at its start or end."""
    year, month, day = parse_value(value)
    month = month or (12 if late else 1)
    day = day or (calendar.monthrange(year or 2000, month)[1] if late else 1)
    return _fmt(year, month, day)


def text_bounds(timexes: Iterable[Timex]) -> tuple[str | None, str | None, str, str]:
    """Latest dated fact told as past and earliest told as future, with their surfaces."""
    before: tuple[str, str] | None = None
    after: tuple[str, str] | None = None
    timexes = [t for t in timexes if t.complete and t.kind in ("date", "month", "year")]
    told_past = {t.value for t in timexes if t.tense == "past" or t.since}
    for t in timexes:
        if t.tense == "past" or t.since:
            if before is None or _sort_value(t.value, True) > _sort_value(before[0], True):
                before = (t.value, t.text)
        elif t.tense == "future" and t.value not in told_past and not t.nominal and (
            after is None or _sort_value(t.value, False) < _sort_value(after[0], False)
        ):
            # A date the text also tells in the past, or one naming an act (« la déclaration
            # du 9 novembre 2020 »), cannot bound the publication from above.
            after = (t.value, t.text)
    if before and after and _sort_value(after[0], True) <= _sort_value(before[0], True):
        after = None  # a future told before a past fact: the tense was misread, no upper bound
    return (
        before[0] if before else None,
        after[0] if after else None,
        before[1] if before else "",
        after[1] if after else "",
    )


def _same_day_weekdays(tagged: Iterable[Timex]) -> set[int]:
    """Weekdays naming the day of writing: « plus tard vendredi », or told as past and future."""
    tenses: dict[int, set[str | None]] = {}
    deictic: set[int] = set()
    for t in tagged:
        if t.kind != "weekday" or t.shift:
            continue
        day = int(t.value[-1])  # type: ignore[index]
        tenses.setdefault(day, set()).add(t.tense)
        if t.deictic:
            deictic.add(day)
    return deictic | {d for d, seen in tenses.items() if {"past", "future"} <= seen}


def same_day_weekdays(paragraphs: Sequence[str]) -> set[int]:
    """ISO weekdays the text treats as its own day of writing."""
    return _same_day_weekdays(t for p in paragraphs for t in tag(p))


def infer_publication_date(
    paragraphs: Sequence[str], captions: Sequence[str] = ()
) -> PublicationDate:
    """Publication date from the text alone, with its status and a French basis."""
    body = [t for p in paragraphs for t in tag(p)]
    caption_dates = [t for c in captions for t in tag(c) if t.complete and t.precision == "day"]
    not_before, not_after, before_text, after_text = text_bounds(body)
    if caption_dates:
        latest = max(caption_dates, key=lambda t: t.value)  # type: ignore[arg-type, return-value]
        if not_before is None or _sort_value(latest.value, True) > _sort_value(not_before, True):  # type: ignore[arg-type]
            not_before, before_text = latest.value, latest.text
    label = range_label(not_before, not_after)

    # 5.1 A demonstrative date (« ce 9 octobre ») is the day of writing.
    deictic = [t for t in body if t.deictic and t.kind == "date"]
    full = [t for t in deictic if t.complete]
    if full:
        t = full[0]
        return PublicationDate(
            t.value, "inferred", f"Le texte date son propre jour : « {t.text} »."
        )
    if deictic:
        t = deictic[0]
        _, month, day = parse_value(t.value)  # type: ignore[arg-type]
        for c in sorted(caption_dates, key=lambda c: c.value or ""):  # a caption gives the year
            cy, cm, cd = parse_value(c.value)  # type: ignore[arg-type]
            year = _year_for(month, day, datetime.date(cy, cm, cd), "future")  # type: ignore[arg-type]
            if year is not None and year - cy <= 1:
                value = _fmt(year, month, day)
                return PublicationDate(
                    value,
                    "inferred",
                    (
                        f"« {t.text.strip()} » désigne le jour de parution ; l'année {year} "
                        f"vient de la légende datée « {c.text} » (même période)."
                    ),
                )
        weekdays = same_day_weekdays(paragraphs)
        years = _weekday_years(month, day, weekdays, not_before, not_after)  # type: ignore[arg-type]
        if len(years) == 1:
            value = _fmt(years[0], month, day)
            return PublicationDate(
                value,
                "inferred",
                (
                    f"« {t.text.strip()} » désigne le jour de parution ; seule l'année "
                    f"{years[0]} fait tomber ce jour un {_weekday_name(weekdays)} "
                    "entre les bornes du texte."
                ),
            )

    # 5.2 A caption or dateline with a full date.
    if caption_dates:
        c = max(caption_dates, key=lambda t: t.value)  # type: ignore[arg-type, return-value]
        return PublicationDate(
            c.value,
            "inferred",
            (f"Date tirée de la légende « {c.text} » ; la parution peut être un peu postérieure."),
            not_before=c.value,
        )

    # 5.3 Nothing decides: an honest range from the facts told as past or future.
    reasons = ["Aucune date de parution dans le texte"]
    if not_before:
        reasons.append(f"fait le plus récent raconté au passé : « {before_text} »")
    if not_after:
        reasons.append(f"premier fait annoncé au futur : « {after_text} »")
    return PublicationDate(
        None,
        "unknown",
        " ; ".join(reasons) + ".",
        not_before=not_before,
        not_after=not_after,
        range_label=label,
    )


def _weekday_name(days: set[int]) -> str:
    """French name of the single weekday in a set, or « jour cité »."""
    names = {v: k for k, v in g.WEEKDAYS.items()}
    return names[next(iter(days))] if len(days) == 1 else "jour cité"


def _weekday_years(
    month: int, day: int, weekdays: set[int], not_before: str | None, not_after: str | None
) -> list[int]:
    """Years between the text's bounds in which day/month falls on the text's own weekday."""
    if len(weekdays) != 1 or not not_before or not not_after:
        return []  # without both bounds the weekday repeats every few years: no decision
    first, last = int(not_before[:4]), int(not_after[:4])
    weekday = next(iter(weekdays))
    return [
        y
        for y in range(first, last + 1)
        if _valid(y, month, day) and datetime.date(y, month, day).isoweekday() == weekday
    ]


# 6. Printed stamps ------------------------------------------------------------------------

# A weekday date without a year (« jeudi 21 décembre ») is placed among the years from the latest
# fact the text tells in the past to this many years later: a day and month fall on the same
# weekday only every 5 to 11 years, so the window holds at most one.
WEEKDAY_YEAR_SPAN = 2


def from_stamps(stamps: Sequence, paragraphs: Sequence[str]) -> PublicationDate | None:
    """Publication date from the stamps the page prints (best first), with the stamp quoted.

    `stamps` are `textmeta.Stamp` records: full dates in datelines, a date in the URL path,
    or a weekday with a day and a month whose year the weekday fixes.
    """
    for stamp in stamps:
        if "X" not in stamp.value:
            if stamp.kind == "url":
                basis = f"Date inscrite dans l'adresse de l'article : « {stamp.text} »."
            else:
                basis = (f"Date imprimée sur la page (ligne {stamp.line}) : « {stamp.text} »."
                         if stamp.line else f"Date imprimée sur la page : « {stamp.text} ».")
            return PublicationDate(stamp.value, "inferred", basis, printed=True)
    for stamp in stamps:
        if "X" in stamp.value and stamp.weekday:
            year = weekday_year(stamp.value, stamp.weekday, paragraphs)
            if year is not None:
                value = f"{year}{stamp.value[4:]}"
                names = {v: k for k, v in g.WEEKDAYS.items()}
                return PublicationDate(value, "inferred", (
                    f"Date imprimée sans année : « {stamp.text} » ; seule l'année {year}, "
                    f"parmi celles qui suivent de près les faits racontés au passé, fait "
                    f"tomber ce jour un {names[stamp.weekday]}."))
    return None


def weekday_year(value: str, weekday: int, paragraphs: Sequence[str]) -> int | None:
    """The one year in which XXXX-MM-DD falls on `weekday`, from the latest past fact on.

    An article is written after the facts it tells in the past, and soon after: the years
    from the latest one to WEEKDAY_YEAR_SPAN later (never past the first future fact).
    """
    _, month, day = parse_value(value)
    not_before, not_after, _, _ = text_bounds(t for p in paragraphs for t in tag(p))
    if not not_before or month is None or day is None:
        return None
    first = int(not_before[:4])
    last = first + WEEKDAY_YEAR_SPAN
    if not_after:
        last = min(last, int(not_after[:4]))
    fits = [y for y in range(first, last + 1)
            if _valid(y, month, day) and datetime.date(y, month, day).isoweekday() == weekday
            and _fmt(y, month, day) >= _sort_value(not_before, False)]
    return fits[0] if len(fits) == 1 else None
