"""What one line of a seed looks like on its own: patterns, general signals, prose or furniture.

The cleaner (`cleaning.clean`) decides from these and from the line's place in the page; every
function here reads one line and nothing else.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from . import linelang, textmeta
from . import patterns as P
from . import textutils as T

# Classes a line can get. Only `body` and `standfirst` are article text; the others are kept in
# the audit with their reason (the title is shown as the page title, captions feed the dating).
KINDS = (
    "body", "standfirst", "title", "caption", "credit", "dateline", "source", "byline",
    "rubric", "teaser", "duplicate", "boilerplate",
)
KEPT = frozenset({"body", "standfirst"})

SENTENCE_END = re.compile(r"[.!?…»”\"):;]\s*$")

words = T.words


@dataclass(frozen=True)
class Decision:
    """What the cleaner decided about one line (or the removed prefix of one)."""

    line: int
    text: str
    kind: str
    rule: str
    reason: str


@functools.lru_cache(maxsize=1 << 14)
def stopword_density(text: str) -> float:
    """Share of French function words among the words of a line (jusText's main signal)."""
    ws = words(text)
    if not ws:
        return 0.0
    hits = 0
    for w in ws:
        lw = w.lower()
        head = lw.replace("’", "'").partition("'")[0]
        if lw in P.STOPWORDS or head in P.STOPWORDS:
            hits += 1
    return hits / len(ws)


def line_signal(number: int, text: str) -> Decision | None:
    """General signals about one line: address, stamp, credit, language, menu, byline, footer."""
    shape = textmeta.address_shape(text)
    if shape:
        return Decision(number, text, "boilerplate", "address",
                        f"{shape} : pas du texte d’article")
    if re.match(r"(?i)(?:publi[ée]e?|mis à jour|modifi[ée]e?|actualis[ée]e?)\b", text) \
            and textmeta.stamps_in(text):
        # « Publié le mardi 17 octobre 2023 | AIP »: a stamp first, whatever follows it.
        return Decision(number, text, "dateline", "dateline",
                        "horodatage ou ligne de date (sert à dater l’article, pas un fait)")
    if P.CAPTION_SOURCE.search(text):
        return Decision(number, text, "caption", "caption-source",
                        "légende de photo suivie de sa source entre crochets")
    credit = P.CREDIT_TAIL.search(text)
    if credit and len(words(text)) <= P.CAPTION_MAX_WORDS and not P.CREDIT.search(text):
        # (« © AGENCY/Author » credits are read with the title known, in step 7.)
        return Decision(number, text, "credit", "credit-tail",
                        f"légende et crédit photo « {credit.group('credit').strip()} »")
    if P.COPYRIGHT_ANY.search(text) and len(words(text)) <= P.FOOTER_MAX_WORDS:
        return Decision(number, text, "boilerplate", "copyright",
                        "mention de copyright du site (pied de page)")
    if P.CAPTION.match(text):
        # « Stepanakert le 8 octobre 2020. »: a place and a date under a photo; it dates the
        # picture, and only bounds the publication from below (never a publication stamp).
        return Decision(number, text, "caption", "place-date-caption",
                        "légende de photo (lieu et date seuls)")
    if P.SOURCE_LINE.match(text):
        return Decision(number, text, "source", "source-line",
                        "ligne « Source » (origine du texte)")
    if textmeta.is_stamp_line(text):
        return Decision(number, text, "dateline", "dateline",
                        "horodatage ou ligne de date (sert à dater l’article, pas un fait)")
    found = textmeta.stamps_in(text)
    signature = _signature_words(text, found) if found else []
    if found and len(signature) <= P.BYLINE_MAX_WORDS and (
            textmeta.STAMP_WORDS.search(text) or textmeta.BYLINE.match(text)
            # « Le Dauphiné Libéré - 14 mai 2024 à 07:55 »: names only beside the stamp
            or (all(w[:1].isupper() or w.lower() in _NAME_LINKS for w in signature)
                and not re.search(r"[.!?…]\s*$", text))):
        # « Burak Yıldırım | 21.03.2024 - Mis à jour : 21.03.2024 », « Par Julien Martin (avec
        # AFP) - Le 27/10/2025 à 23:15 - Mis à jour le … »: a signature and its stamps.
        return Decision(number, text, "dateline", "byline-stamp",
                        "signature et date de publication (sert à dater l’article, pas un fait)")
    stamp = textmeta.trailing_stamp(text)
    if stamp is not None:
        return Decision(number, text, "teaser", "dated-headline",
                        f"titre d’un autre article suivi de sa date « {stamp.text} »")
    for rule, regex, kind, reason in P.LINE_SHAPES:
        if regex.search(text):
            return Decision(number, text, kind, rule, reason)
    if menu_shaped(text):
        return Decision(number, text, "boilerplate", "menu",
                        "menu : suite de mots isolés, sans phrase")
    lang = linelang.language(text)
    if lang is not None and lang != "fr":
        return Decision(number, text, "boilerplate", "foreign-language",
                        f"ligne en langue « {lang} » dans un article en français (hors citation)")
    return None


# Lowercase words a signature's names may hold (« Agence France-Presse », « La Voix du Nord »).
_NAME_LINKS = frozenset({"de", "du", "des", "d", "la", "le", "les", "l", "et", "avec", "the", "of"})

# What a dateline holds besides the signature: stamp labels, clock times, linking words.
_STAMP_FILLER = re.compile(r"\b(?:publi[ée]e?|mis\s+à\s+jour|modifi[ée]e?|actualis[ée]e?|"
                           r"le|à|a|par|avec|et|the|by|on|at|\d{1,2}\s?[:h]\s?\d{2})\b", re.I)


def _signature_words(text: str, stamps: list[textmeta.Stamp]) -> list[str]:
    """The words of a line left once its stamps, clock times and stamp labels are taken out."""
    for stamp in stamps:
        text = text.replace(stamp.text, " ")
    return [w for w in words(_STAMP_FILLER.sub(" ", text)) if re.search(r"\w", w)]


def menu_shaped(text: str) -> bool:
    """A run of capitalised labels without a sentence: « Suisse Monde Economie Opinions »."""
    ws = words(text)
    if len(ws) < P.MENU_MIN_WORDS or re.search(r"[.,;:!?«»]", text):
        return False
    capital = sum(1 for w in ws if w[:1].isupper() or w[:1].isdigit())
    return capital / len(ws) >= 0.8 and stopword_density(text) < 0.1


def pattern_decision(number: int, text: str) -> Decision | None:
    """Whole-line patterns (ads, widgets, teasers, bylines), reprint notices, consent banners."""
    for pattern in P.LINE_PATTERNS:
        if pattern.regex.match(text):
            return Decision(number, text, pattern.kind, pattern.rule, pattern.reason)
    if P.REPRINT.match(text):
        return Decision(number, text, "source", "reprint-notice",
                        "mention de reprise et de copyright (source de l’article)")
    lowered = text.lower()
    hits = sorted({t for t in P.CONSENT_TERMS if t in lowered})
    if len(hits) >= P.CONSENT_MIN_HITS:
        return Decision(number, text, "boilerplate", "cookie-consent",
                        "bandeau de consentement aux cookies (" + ", ".join(hits) + ")")
    return None


def judge_prose(number: int, text: str) -> Decision:
    """Prose or furniture, jusText-style: length, function words, punctuation, CTA words."""
    ws = words(text)
    density = stopword_density(text)
    punctuated = bool(SENTENCE_END.search(text))
    lowered = text.lower()
    if len(ws) < P.SHORT_LINE_WORDS and not punctuated:
        return Decision(number, text, "boilerplate", "short-unpunctuated",
                        f"ligne courte sans phrase ({len(ws)} mots) : menu, bouton ou étiquette")
    if len(ws) <= 15 and any(t in lowered for t in P.CTA_TERMS):
        return Decision(number, text, "boilerplate", "call-to-action",
                        "appel à l’action (s’abonner, cliquer, suivre…)")
    if addresses_reader(text):
        return Decision(number, text, "boilerplate", "reader-call",
                        "s’adresse au lecteur pour l’inviter à suivre, s’inscrire ou s’abonner "
                        ": widget ou mention du site, pas du texte d’article")
    if len(ws) < 15 and density < 0.1:
        return Decision(number, text, "boilerplate", "low-stopword-density",
                        f"peu de mots-outils ({density:.0%}) : liste ou menu, pas de la prose")
    return Decision(number, text, "body", "prose",
                    f"prose ({len(ws)} mots, {density:.0%} de mots-outils)")


def addresses_reader(text: str) -> bool:
    """The reader addressed (« vous », outside quotes) and invited to follow, subscribe…"""
    if not P.READER_ADDRESS.search(text):
        return False  # (the common case: no « vous » at all, quoted or not)
    narration = T.mask_quotes(text)
    if not P.READER_ADDRESS.search(narration):
        return False
    starts = {m.group(0).lower() for m in re.finditer(r"\b\w+", narration)}
    stems = {stem for stem in P.READER_CTA_STEMS if any(w.startswith(stem) for w in starts)}
    return len(stems) >= P.READER_CTA_MIN_STEMS


def strip_markup(text: str) -> tuple[str, tuple[str, ...]]:
    """A line without its HTML tags and code blocks, and the markup taken out, in order."""
    kept: list[str] = []
    removed: list[str] = []
    pos = 0
    for match in P.HTML_MARKUP.finditer(text):
        name = match.group("name")
        if name is not None and name.lower() not in P.HTML_TAG_NAMES:
            continue
        before = text[pos:match.start()]
        kept.append(before.rstrip())
        removed.append(match.group(0))
        pos = match.end()
        after = text[pos:]
        # A tag between words stood for a space if spacing touched it or it breaks the line.
        spaced = (before[-1:].isspace() or after[:1].isspace()
                  or (name or "").lower() in P.HTML_BREAK_TAGS)
        so_far = "".join(kept)
        if spaced and so_far and not so_far.endswith(" ") \
                and not re.match(r"\s*([,.)]|$)", after):
            kept.append(" ")
        pos += len(after) - len(after.lstrip())
    if not removed:
        return text, ()
    kept.append(text[pos:])
    return "".join(kept).strip(), tuple(removed)


def strong(text: str) -> bool:
    """A line that is certainly prose: long enough, ends like a sentence, has function words."""
    return (len(words(text)) >= P.STRONG_PROSE_WORDS and bool(SENTENCE_END.search(text))
            and stopword_density(text) >= P.STRONG_PROSE_DENSITY)


def short_paragraph(text: str) -> bool:
    """A short paragraph: a sentence of a few words with its final punctuation."""
    return len(words(text)) >= P.SHORT_PARAGRAPH_WORDS and bool(re.search(r"[.!…»”]\s*$", text))


def bullet_standfirst(text: str) -> bool:
    """A standfirst point under the title (« - L'institution justifie ce resserrement par… »):
    a dash or bullet, then a long phrase that reads as prose, often without a full stop."""
    return bool(P.BULLET.match(text)) and len(words(text)) >= P.BULLET_STANDFIRST_WORDS \
        and stopword_density(text) >= P.STOPWORD_DENSITY_PROSE


def lede_like(text: str) -> bool:
    """A first paragraph: prose ending with a full stop (a question is often a headline), or
    two sentences or more whose last lost its stop (« … au fonds américain. Bpifrance prendra
    une part minoritaire »): a headline is one sentence."""
    if len(words(text)) < P.LEDE_MIN_WORDS:
        return False
    if re.search(r"[.!…»”\"]\s*$", text):
        return True
    # Each sentence a clause of its own: not « Kicker. Headline », nor « Caption. Photo : X ».
    sentences = re.split(r"(?<=[a-zà-ÿ)»][.!?])\s+(?=[A-ZÀ-Ý])", text)
    return len(sentences) > 1 and all(len(words(x)) >= P.LEDE_MIN_SENTENCE_WORDS
                                      and not P.PHOTO_CUE.match(x) for x in sentences)


def subheading(text: str) -> bool:
    """A line shaped like an intertitle: short, starts a phrase, French, no stamp or address."""
    ws = words(text)
    return (1 <= len(ws) <= P.SUBHEADING_MAX_WORDS and (text[:1].isupper() or text[:1] in "«\"“")
            and not linelang.is_foreign(text) and not textmeta.stamps_in(text)
            and not textmeta.address_shape(text))
