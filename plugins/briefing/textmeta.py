"""Page metadata printed in a scraped text: its own URL, date stamps, the outlet it names.

Pure functions over strings. The shapes are general (ISO 8601 timestamps, numeric datelines,
a date in a URL path, agency markers, bylines, `Source:` lines, copyright holders); the outlet
names come from `outlets_data` and the authors' outlet notes.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from urllib.parse import unquote, urlsplit

from . import outlets_data as O
from . import textutils as T
from . import timex_grammar as g

# 1. Addresses and placeholders ---------------------------------------------------------------

# A line that is only a web address (the first line of a scraped page is often its URL).
URL_LINE = re.compile(r"^\s*<?(?P<url>(?:https?://|www\.)[^\s<>]+)>?\s*$", re.I)
# Addresses, e-mails, bare domains, file names and unrendered template code: machine strings.
ADDRESS_SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("adresse web", re.compile(r"(?:https?://|www\.)\S+", re.I)),
    ("adresse e-mail", re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")),
    ("nom de domaine", re.compile(r"^\[?[\w-]+(?:\.[\w-]+)*\.(?:com|fr|net|org|io|info|ru|az|am"
                                  r"|be|ch|ca|ma|dz|tn|africa|eu|de|es|it|uk|tv)\]?$", re.I)),
    ("nom de fichier", re.compile(r"^\S+\.(?:jpe?g|png|gif|webp|svg|pdf|docx?|xlsx?|mp[34]"
                                  r"|html?|php|aspx?)$", re.I)),
    # XPath, Jinja/Liquid, PHP, `${…}` and `%%…%%` placeholders left by a template engine.
    ("gabarit non rendu", re.compile(r"^/html/|/@content\b|@(?:name|property)=|\{\{.*?\}\}"
                                     r"|\{%.*?%\}|\$\{[^}]*\}|%%\w+%%|<\?php", re.I)),
)


def address_shape(text: str) -> str | None:
    """What machine string a line mostly is (URL, e-mail, domain, file, template), or None.

    « mostly »: the addresses cover more than half of the line's characters, or the line is a
    template placeholder; an address inside a French sentence leaves it a sentence.
    """
    stripped = text.strip()
    for reason, regex in ADDRESS_SHAPES:
        found = list(regex.finditer(stripped))
        if not found:
            continue
        if reason == "gabarit non rendu":
            return reason
        covered = sum(m.end() - m.start() for m in found)
        if covered / max(len(stripped), 1) > 0.5:
            return reason
    return None


def page_url(lines: Sequence[str]) -> tuple[int, str] | None:
    """The article's own address: a line that is only a URL, among the first lines."""
    for number, line in enumerate(lines[:5], start=1):
        match = URL_LINE.match(line)
        if match:
            url = match.group("url")
            return number, url if url.lower().startswith("http") else "https://" + url
    return None


def url_host(url: str) -> str:
    """The host name of a URL, without « www. »."""
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")


def url_words(url: str) -> list[str]:
    """The words of a URL's path (its slug), folded: what the headline usually repeats."""
    path = unquote(urlsplit(url).path)
    return [w for w in re.split(r"[^a-z0-9à-ÿ]+", T.fold_accents(path)) if w and not w.isdigit()]


def url_slug_words(url: str) -> list[str]:
    """The words of the path segment that holds the most of them: the article's slug, without
    the section folders before it (« /gironde/la-teste-de-buch/ » names a rubric, not this
    article)."""
    segments = unquote(urlsplit(url).path).split("/")
    return max((url_words("/" + s) for s in segments), key=len, default=[])


# 2. Date stamps ------------------------------------------------------------------------------

_MONTHS = "|".join(sorted((re.escape(m) for m in g.MONTHS), key=len, reverse=True))
_WEEKDAYS = "|".join(g.WEEKDAYS)
# English month names: content farms print WordPress dates as « août 9, 2025 » or in English.
_EN_MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"), start=1)}

# Printed stamps, each a regex with groups y, m, d (and optional weekday); `kind` says which.
STAMPS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # ISO 8601: 2022-09-13, 2022-09-13T08:27+0200, 2023-07-17T12:55:41+03:00.
    ("iso", re.compile(r"(?<![\d/.-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
                       r"(?:[T ]\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\d-])")),
    # Year first with slashes or dots: 2025/07/28, 2025.07.28.
    ("ymd", re.compile(r"(?<![\d/.])(?P<y>(?:19|20)\d\d)[/.](?P<m>[01]?\d)[/.](?P<d>[0-3]?\d)"
                       r"(?![\d/.])")),
    # Day first, dots or slashes, four-digit year: 11.01.2021, 08/12/2024.
    ("dmy", re.compile(r"(?<![\d/.])(?P<d>[0-3]?\d)[/.](?P<m>[01]?\d)[/.](?P<y>(?:19|20)\d\d)"
                       r"(?![\d/.])")),
    # Day first with a two-digit year, only after « le » or « : » (« Publié le 31/01/25 »).
    ("dmy2", re.compile(r"(?:\ble\s*:?\s*|:\s*)(?P<d>[0-3]?\d)/(?P<m>[01]?\d)/(?P<y>\d\d)"
                        r"(?![\d/])", re.I)),
    # French long form: « samedi 30 septembre 2023 », « 1er octobre 2023 »; some templates
    # put a comma before the year, as the English order does (« 02 décembre, 2024 à 17:48 »).
    ("long", re.compile(rf"(?:(?P<weekday>{_WEEKDAYS})\s+)?(?P<d>1er|[0-3]?\d)\s+"
                        rf"(?P<m>{_MONTHS}),?\s+(?P<y>(?:19|20)\d\d)(?!\d)", re.I)),
    # Month first (English order in WordPress themes): « août 9, 2025 », « August 9, 2025 ».
    ("month-first", re.compile(rf"(?<!\w)(?P<m>{_MONTHS}|{'|'.join(_EN_MONTHS)})\s+"
                               rf"(?P<d>[0-3]?\d),?\s+(?P<y>(?:19|20)\d\d)(?!\d)", re.I)),
    # A short form with a two-digit year, only after a stamp word (« Publié le 3 nov. 23 à
    # 18:40 »): alone, « 3 novembre 23 » could be a count.
    ("short2", re.compile(rf"(?:publi[ée]e?|mis à jour|modifi[ée]e?)\s+(?:le\s+)?"
                          rf"(?P<d>1er|[0-3]?\d)\s+(?P<m>{_MONTHS})\s+(?P<y>\d\d)(?![\d:])",
                          re.I)),
    # A weekday, a day and a month, no year: « jeudi 21 décembre » (the year is inferred).
    ("weekday", re.compile(rf"(?P<weekday>{_WEEKDAYS})\s+(?P<d>1er|[0-3]?\d)\s+"
                           rf"(?P<m>{_MONTHS})(?!\s+(?:19|20)\d\d)(?![\w])", re.I)),
)
# A date in a URL path: /2023/09/20/, /20230727-, -20250131-, /2022-09-13/.
URL_DATES = (
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]\d)/(?P<d>[0-3]\d)(?:/|$)"),
    re.compile(r"[/_-](?P<y>(?:19|20)\d\d)-?(?P<m>[01]\d)-?(?P<d>[0-3]\d)(?=[-_/.]|$)"),
)
# Words around a stamp that say what it dates (lower case, folded).
PUBLISHED_WORDS = ("publie", "publication", "mis en ligne", "posted", "published")
UPDATED_WORDS = ("mis a jour", "modifie", "actualise", "mise a jour", "updated", "maj")
# Words a dateline or timestamp line may hold besides its dates and times: they do not make it
# a sentence (« Publié le : 06/07/2024 - 19:20 », « Le 08/12/2024 à 7:52 », « GMT+1 »).
STAMP_FILLER = frozenset([
    "publie", "publiee", "le", "la", "a", "mis", "jour", "mise", "modifie", "modifiee",
    "actualise", "actualisee", "maj", "gmt", "utc", "cet", "cest", "heure", "heures", "h", "min",
    "par", "et", "depuis", "il", "y", "posted", "on", "updated", "published", "at", "am", "pm",
    "lecture", "temps", "de", "en", "ligne", "du",
])
_DIGIT = re.compile(r"\d")
# A clock time: 08h15, 7:52, 12:55:41, [13:20].
_TIME = re.compile(r"\[?\b[0-2]?\d\s?[h:]\s?[0-5]\d(?::\d\d)?\]?|\b[0-2]?\dh\b", re.I)
_MONTH_ABBR = re.compile(rf"\b(?:{_MONTHS}|janv|févr|fevr|avr|juil|sept|oct|nov|déc|dec)\b\.?",
                         re.I)


@dataclass(frozen=True)
class Stamp:
    """A date printed on the page: its value, surface, line and what it dates."""

    value: str  # ISO date "YYYY-MM-DD" (or "XXXX-MM-DD" for a weekday date without year)
    text: str  # the stamp as printed
    line: int  # 1-based seed line, 0 for the URL
    kind: str  # iso | ymd | dmy | dmy2 | long | month-first | weekday | url
    label: str | None = None  # published | updated | None
    weekday: int | None = None  # ISO weekday printed with it, if any


def _month_number(word: str) -> int | None:
    low = word.lower()
    return g.MONTHS.get(low) or _EN_MONTHS.get(low)


def _date(y: int, m: int, d: int) -> str | None:
    try:
        return datetime.date(y, m, d).isoformat()
    except ValueError:
        return None


def stamps_in(text: str, line: int = 0) -> list[Stamp]:
    """Every printed date stamp of a line, with what it dates when the line says so."""
    found = _stamps(text)
    return [replace(s, line=line) for s in found] if line else list(found)


@functools.lru_cache(maxsize=1 << 14)
def _stamps(text: str) -> tuple[Stamp, ...]:
    """The stamps of a line (line 0): the cleaner asks for each line's several times."""
    if not _DIGIT.search(text):
        return ()  # every stamp has a day or a year in digits
    found: list[Stamp] = []
    taken: list[tuple[int, int]] = []
    for kind, regex in STAMPS:
        for m in regex.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            month = m.group("m")
            mo = int(month) if month.isdigit() else _month_number(month)
            day = 1 if m.group("d").lower() == "1er" else int(m.group("d"))
            weekday = None
            if "weekday" in regex.groupindex and m.group("weekday"):
                weekday = g.WEEKDAYS[m.group("weekday").lower()]
            if kind == "weekday":
                if mo is None or not 1 <= day <= 31:
                    continue
                value = f"XXXX-{mo:02d}-{day:02d}"
            else:
                year = int(m.group("y"))
                year += 2000 if kind in {"dmy2", "short2"} else 0
                value = _date(year, mo, day) if mo else None
                if value is None:
                    continue
            surface = m.group(0).strip()
            if kind == "dmy2":
                surface = re.sub(r"^(?:le\s*:?\s*|:\s*)", "", surface, flags=re.I)
            if kind == "short2":
                surface = f"{m.group('d')} {m.group('m')} {m.group('y')}"
            taken.append((m.start(), m.end()))
            before = T.fold_accents(text[max(0, m.start() - 25):m.start()])
            label = ("updated" if any(w in before for w in UPDATED_WORDS)
                     else "published" if any(w in before for w in PUBLISHED_WORDS) else None)
            found.append(Stamp(value, surface, 0, kind, label, weekday))
    return tuple(sorted(found, key=lambda s: text.find(s.text)))


def url_stamp(url: str) -> Stamp | None:
    """A date written in the article's URL path."""
    path = urlsplit(url).path
    for regex in URL_DATES:
        m = regex.search(path)
        if m:
            value = _date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            if value:
                return Stamp(value, m.group(0).strip("/-_."), 0, "url")
    return None


# A relative timestamp: « Il y a 3 heures », « Mis à jour il y a 12 min », « 2 h ago ».
RELATIVE_STAMP = re.compile(r"^(?:(?:publi[ée]|mis à jour|modifi[ée])\s+)?(?:il y a|depuis)?\s*"
                            r"\d+\s*(?:s|sec|secondes?|min|minutes?|h|heures?|j|jours?|semaines?"
                            r"|mois|ans?)\.?(?:\s+ago)?$", re.I)


# Fields of a metadata bar under a headline: signature, stamp, counters, split by bars or dots.
METADATA_BAR = re.compile(r"\s[|•·]\s")
BAR_FIELD_MAX_WORDS = 6  # a signature with its outlet's name (« Auteur: X News - X.com »)


def is_stamp_line(text: str) -> bool:
    """True when a line is a timestamp or dateline: dates and times, and nothing to read.

    What is left once stamps, times, month abbreviations and stamp words are taken out is at
    most a name (« par Sevan », « AZERTAC », « Bakou »): two words, or four after « par ».
    A relative stamp (« Il y a 3 heures ») is one too, though it dates nothing by itself.
    """
    if not _DIGIT.search(text):
        return False  # stamps, times and relative stamps all have digits
    if RELATIVE_STAMP.match(text.strip()):
        return True
    fields = [f for f in METADATA_BAR.split(text) if f.strip()]
    if len(fields) > 2:
        # A bar of short fields (« Auteur: X | 02 décembre, 2024 à 17:48 | Lu 21456 fois »):
        # a stamp among a signature and counters, no field a sentence (a related headline
        # and its date make two fields, and stay a teaser).
        return any(is_stamp_line(f) for f in fields) and all(
            len(T.words(f)) <= BAR_FIELD_MAX_WORDS and not re.search(r"[.!?…]\s*$", f.strip())
            for f in fields)
    rest = text
    stamps = stamps_in(text)
    has_time = bool(_TIME.search(text))
    if not stamps and not has_time and not _MONTH_ABBR.search(text):
        return False
    for s in stamps:
        rest = rest.replace(s.text, " ")
    rest = _TIME.sub(" ", rest)
    short_date = re.compile(rf"\b(?:1er|[0-3]?\d)\s+(?:{_MONTHS}|janv|févr|avr|juil|sept|oct"
                            rf"|nov|déc)\b\.?", re.I)
    had_short = bool(short_date.search(rest))
    rest = short_date.sub(" ", rest)
    if not stamps and not had_short and not has_time:
        return False
    rest = re.sub(r"\b(?:GMT|UTC)\s*[+-]\s*\d+", " ", rest, flags=re.I)
    ws = [w for w in T.words(T.fold_accents(rest)) if w not in STAMP_FILLER and not w.isdigit()]
    if re.search(r"[.!?…]\s*\S+\s+\S+", rest) and len(ws) > 2:
        return False
    limit = 4 if re.search(r"\bpar\b", rest, re.I) else 2
    return len(ws) <= limit


# Words that label a stamp (« Publié le », « Mis à jour : »): a line holding one is metadata.
# A related headline before its stamp has at most this many words.
HEADLINE_MAX_WORDS = 30
STAMP_WORDS = re.compile(r"\b(?:publi[ée]|mis à jour|modifi[ée]|actualis[ée])\b", re.I)


def trailing_stamp(text: str) -> Stamp | None:
    """A date stamp closing a line that is no sentence (a related headline and its date)."""
    found = stamps_in(text)
    if not found:
        return None
    last = found[-1]
    end = text.rfind(last.text) + len(last.text)
    tail = _TIME.sub("", text[end:]).strip(" \t[]()-–—|,.")
    head = text[: text.rfind(last.text)].rstrip(" \t[(-–—|,")
    if tail or len(T.words(head)) < 3 or re.search(r"[.!?…]$", head):
        return None
    # « … Le président de la Métropole a annoncé qu’il réunirait les maires mardi 4 mars. »:
    # a headline is one short sentence; two sentences, or a long one, are prose.
    if len(T.words(head)) > HEADLINE_MAX_WORDS or re.search(r"[a-zà-ÿ)»][.!?]\s+[A-ZÀ-Ý]", head):
        return None
    # « Name | 21.03.2024 - Mis à jour : 21.03.2024 » is a byline and its stamps, no headline.
    if STAMP_WORDS.search(head):
        return None
    # « … le 14 octobre 2023 » closes a sentence fragment; a headline's stamp stands apart.
    if re.search(r"\b(?:le|du|au|en|depuis|avant|après|dès|jusqu’au|jusqu'au)$", head, re.I):
        return None
    return last


# 3. The outlet -------------------------------------------------------------------------------


@dataclass(frozen=True)
class OutletEvidence:
    """An outlet the text names, with where and how (reader-facing basis, in French)."""

    outlet: str
    relation: str  # publisher | agency | source
    basis: str
    line: int
    strength: int  # higher wins: own domain 6, Source: 5, agency marker 4, byline 3, …


# « (Reuters) - », « (AFP) – », « MOSCOU, 17 juillet. /TASS/. », « Bakou, 15 octobre, AZERTAC ».
AGENCY_MARKERS = (
    re.compile(r"^(?:[A-ZÉÈ][\w’' -]{1,30}?,?\s*(?:\d{1,2}\s+\w+\.?,?\s*(?:\d{4}\s*)?)?)?"
               r"\((?P<name>[A-Z][\w ./-]{1,30})\)\s*[-–—:]\s"),
    re.compile(r"^[A-ZÉÈ][\w’' -]{1,30},\s*\d{1,2}(?:er)?\s+\w+\.?\s*/(?P<name>[A-Z][\w ./-]"
               r"{1,30})/\.?"),
    re.compile(r"^[A-ZÉÈ][\w’' -]{1,30},\s*\d{1,2}(?:er)?\s+\w+,\s*(?P<name>[A-Z][\w .-]{1,30})"
               r"\s*$"),
    # « AFP - Le président… »: the agency's name alone before a dash (a known name only).
    re.compile(r"^(?P<name>[A-Z][A-Za-z.]{1,15})\s[-–—]\s"),
)
# « Source: (EUROPA PRESS) », « Source : AFP », « Sources : Reuters, AP ».
SOURCE_LINE = re.compile(r"^\s*Sources?\s*:\s*\(?(?P<name>[^()\n]{2,50}?)\)?\s*\.?$", re.I)
# Bylines: « Par Euronews avec AFP », « Texte par :RFI », « Le Monde avec AFP », « Sputnik ».
BYLINE = re.compile(r"^(?:Texte\s+|(?:Article\s+)?(?:publié|écrit|rédigé)\s+)?"
                    r"(?:Par|By|Auteur|Author)\s*:?\s*(?P<name>.{2,80})$", re.I)
# « La rédaction de Ouest-France », « Rédaction Africanews »: the newsroom signs.
NEWSROOM = re.compile(r"^(?:La\s+)?[Rr]édaction\s*(?:de\s+|d[’']|:\s*)?"
                      r"(?P<name>[A-ZÀ-Ý0-9][^,;:]{1,40})$")
WITH_AGENCY = re.compile(r"^(?P<name>.{2,40}?)\s+(?:avec|et|with)\s+(?:l[’']|les )?"
                         r"(?P<agency>AFP|Reuters|AP|agences?)\b.*$", re.I)
# « L’Usine Nouvelle, une marque d’Infopro Digital »: the title, then its owner.
BRAND_LINE = re.compile(r"^(?:©\s*)?(?P<name>[A-ZÀ-Ý][^,©]{1,40}?),?\s+(?:une|un)\s+"
                        r"(?:marque|titre|site|média|publication)\s+(?:du\s+groupe\s+|de\s+|d[’'])",
                        re.I)
# Copyright footers: « © 2024 AZERTAC. … », « Ouest-France © 2026 », « © Copyright 2024 x ».
COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)", re.I)


@functools.cache
def shipped_names() -> dict[str, str]:
    """Folded spelling → outlet name, from the shipped list only (built once; do not modify)."""
    names: dict[str, str] = {}
    for entry in O.OUTLETS:
        if entry.kind == "aggregator":
            continue
        for spelling in (entry.name, *entry.aliases):
            names.setdefault(T.match_key(spelling), entry.name)
    return names


def known_names(extra: Iterable[tuple[str, Iterable[str]]] = ()) -> dict[str, str]:
    """Folded spelling → outlet name, from the shipped list and the authors' outlet notes."""
    names = dict(shipped_names())
    for name, aliases in extra:
        for spelling in (name, *aliases):
            names.setdefault(T.match_key(spelling), name)
    return names


# Longest outlet name, in words (« Dernières Nouvelles d’Alsace », « The Times of Israel »).
MAX_NAME_WORDS = 8


def _named(text: str, names: dict[str, str]) -> str | None:
    """The known outlet a short string names: whole, or one of its parts, or None."""
    key = T.match_key(text)
    if key in names:
        return names[key]
    # Every run of whole words of the key looked up (not every spelling scanned: there are
    # hundreds, and this runs on every short line of every page).
    best: tuple[int, str] | None = None
    words = key.split()
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + MAX_NAME_WORDS) + 1):
            spelling = " ".join(words[i:j])
            name = names.get(spelling)
            if name is None or (best is not None and len(spelling) <= best[0]):
                continue
            if len(spelling) > 3 or re.search(
                    rf"(?<![\w]){re.escape(spelling.upper())}(?![\w])", text):
                best = (len(spelling), name)
    return best[1] if best else None


def _holder(text: str) -> str:
    """The name in a copyright line: the words left once ©, years and legal words go."""
    rest = re.sub(r"©|\(c\)|copyright|tous droits réservés|all rights reserved|magazine",
                  " ", text, flags=re.I)
    rest = re.split(r"[.|]", re.sub(r"\b(?:19|20)\d\d\b\s*(?:[-–]\s*(?:19|20)\d\d)?", " ", rest))[0]
    return " ".join(rest.split()).strip(" ,-–")


def spells_host(text: str, host: str) -> bool:
    """True when a line spells the site's domain name (« Actu Info », actu-info.fr), its
    article left out of the address or not (« Le Journal de Montréal », journaldemontreal.com)."""
    folded = T.fold_accents(text)
    labels = host.split(".")
    label = re.sub(r"[^a-z0-9]", "", labels[-2] if len(labels) >= 2 else host)
    forms = {folded, re.sub(r"^(?:le|la|les|l')\s*", "", folded)}
    return any(len(x) >= 3 and x == label for x in (re.sub(r"[^a-z0-9]", "", f) for f in forms))


def outlet_evidence(
    lines: Sequence[str], url: str | None, names: dict[str, str],
    site_lines: Iterable[int] = (),
) -> list[OutletEvidence]:
    """Every outlet the page names, strongest first.

    `site_lines` are the lines the cleaner took for site furniture (the site's name at the
    top, a copyright footer): a known outlet there names the publisher.
    """
    found: list[OutletEvidence] = []
    if url:
        entry = O.by_domain(url_host(url))
        if entry and entry.kind != "aggregator":
            found.append(OutletEvidence(entry.name, "publisher",
                                        f"adresse de l’article « {url_host(url)} »", 0, 6))
    furniture = set(site_lines)
    # An aggregator's own name never names the outlet of the copy it carries.
    host_entry = O.by_domain(url_host(url)) if url else None
    aggregated = host_entry is not None and host_entry.kind == "aggregator"
    for number, raw in enumerate(lines, start=1):
        text = raw.strip()
        if not text:
            continue
        m = SOURCE_LINE.match(text)
        if m:
            name = _named(m.group("name"), names) or m.group("name").strip().title()
            found.append(OutletEvidence(name, "source", f"ligne « {text} »", number, 5))
            continue
        for regex in AGENCY_MARKERS:
            m = regex.match(text)
            if m:
                name = _named(m.group("name"), names)
                if name:
                    found.append(OutletEvidence(name, "agency", f"marqueur d’agence "
                                                f"« {m.group(0).strip()} »", number, 4))
                break
        newsroom = NEWSROOM.match(text)
        if newsroom:
            name = _named(newsroom.group("name"), names) or newsroom.group("name").strip()
            found.append(OutletEvidence(name, "publisher", f"signature « {text} »", number, 3))
            continue
        if len(T.words(text)) <= 10:
            m = BYLINE.match(text)
            who = m.group("name") if m else text
            # « Publié par Le Point le 12/03/2024 »: a stamp after the name is no part of it.
            who = re.sub(r"\s+(?:le|du)\s+\d.*$", "", who)
            w = WITH_AGENCY.match(who)
            # « Par Camille Roux avec AFP »: the agency helped, it did not publish; only a
            # known outlet before « avec » names the publisher.
            name = _named(w.group("name"), names) if w else None
            if name is None and m and not w:
                name = _named(who, names)
            if name:
                found.append(OutletEvidence(name, "publisher", f"signature « {text} »", number, 3))
                continue
        brand = BRAND_LINE.match(text)
        if brand:
            name = _named(brand.group("name"), names) or brand.group("name").strip()
            found.append(OutletEvidence(name, "publisher", f"mention « {text[:60]} »", number, 3))
            continue
        if COPYRIGHT.search(text) and len(T.words(text)) <= 25:
            holder = _holder(text)
            name = _named(holder, names)
            if name or 1 <= len(T.words(holder)) <= 4:
                # An unknown holder spelling the page's address is the site signing.
                own = url is not None and spells_host(holder, url_host(url))
                found.append(OutletEvidence(name or holder, "publisher",
                                            f"mention « {text[:60]} »", number,
                                            2 if name else 3 if own else 1))
                continue
        if number in furniture and len(T.words(text)) <= 6:
            name = _named(text, names)
            if name and T.match_key(text) in names:
                found.append(OutletEvidence(name, "publisher", f"nom du site « {text} »",
                                            number, 2))
            elif url and spells_host(text, url_host(url)) and not aggregated:
                # The site's own name, confirmed by its address: as strong as an agency
                # marker, and printed above it (« Le Matin » over « Marrakech (MAP) – »).
                found.append(OutletEvidence(text, "publisher",
                                            f"nom du site « {text} », celui de son adresse",
                                            number, 4))
    if url and not any(e.strength == 6 for e in found):
        host = url_host(url)
        entry = O.by_domain(host)
        if entry is None:
            found.append(OutletEvidence(host, "publisher", f"adresse de l’article « {host} »",
                                        0, 1))
    return sorted(found, key=lambda e: (-e.strength, e.line))
