"""Sentences cut into clauses, and whether a text reads as a clause (subject and verb)."""

from __future__ import annotations

import re

from briefing import dating
from briefing import textutils as T
from briefing import timex_grammar as g

_fold = T.fold_accents


def _protected(sentence: str) -> list[tuple[int, int]]:
    """Spans not to cut: « – incise – », parentheses, quotes."""
    spans = [m.span() for m in re.finditer(r"\s[–—]\s.*?\s[–—]\s|\([^)]*\)|«[^»]*»", sentence)]
    return spans


def clause_spans(sentence: str) -> list[tuple[int, int]]:
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


def standalone(clause: str) -> bool:
    """True when a clause opens with a capital or a subject word, not mid-phrase."""
    words = clause.strip(' «»"').split()
    if not words:
        return False
    first = _fold(words[0])
    return words[0][:1].isupper() or first in SUBJECT_WORDS or first.startswith(("l'", "d'"))


SUBJECT_WORDS = frozenset(_fold(w) for w in g.SUBJECT_STARTS)
_HAS_VERB_RE = re.compile(
    rf"(?:{dating._FUTURE_RE.pattern})|(?:{dating._PAST_RE.pattern})"
    r"|\b(?:est|sont|fait|font|dure|reste|restent)\b"
    # « Le traité date de 1997 »: the verb of a noun's date, never the noun « la date du … ».
    r"|(?<!\bla )(?<!\bune )(?<!\bles )(?<!\bdes )(?<!\bde )(?<!\bcette )(?<!\bces )"
    r"\bdate(?:nt)?\s+d(?:e|u)\b",
    re.IGNORECASE,
)


def is_adjunct(clause: str) -> bool:
    """True for « Au cours d'une guerre … » or « cité par RIA au matin »: no verb of its own."""
    low = _fold(clause.strip())
    return low.startswith(
        tuple(_fold(w) + " " for w in g.ADJUNCT_STARTS)
    ) or not _HAS_VERB_RE.search(clause)


def split_pieces(sentence: str) -> list[tuple[str, str]]:
    """The clauses of a sentence, each with the separator before it (« , », « : »…)."""
    spans = clause_spans(sentence)
    return [(sentence[spans[i - 1][1]:a] if i else "", sentence[a:b].strip())
            for i, (a, b) in enumerate(spans)]


def join_pieces(pieces: list[tuple[int, str]]) -> str:
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


def subject_of(clause: str) -> str | None:
    """The words before a clause's first finite verb (its subject), None if there are none."""
    from briefing.actors.evidence import common_nouns

    verb = next((m for m in _FINITE_RE.finditer(clause)
                 if len(m.group()) <= 4 or m.group().lower() not in common_nouns()), None)
    subject = clause[:verb.start()].strip(" ,") if verb else ""
    if not subject or not standalone(subject) or re.search(
            r"(?i:\b(?:le|la|les|l[’']|un|une|des|du|de|d[’']))$", subject):
        return None
    return subject


def participle_base(word: str) -> str:
    """Masculine singular of a folded past participle (« élues » -> « elu »)."""
    base = word[:-1] if word.endswith("s") else word
    return base[:-1] if base.endswith("e") and base[:-1].endswith(("e", "i", "u", "t")) else base


ETRE = frozenset(_fold(w) for w in g.ETRE_PARTICIPLES)


def participle(word: str) -> str | None:
    """A word as a French past participle (the model's lookups), lower case; None if it is none.

    « Elue », a capital printed without its accent, is « élue »; function words are none.
    """
    from briefing.actors.evidence import participles, stop_words

    low = word.lower()
    if not low or low in stop_words() or _fold(low) in SUBJECT_WORDS:
        return None
    forms = [low, *(accent + low[1:] for accent in _ACCENTED.get(low[:1], ""))]
    return next((f for f in forms if f in participles()), None)


_ACCENTED = {"e": "éèê", "a": "àâ", "i": "î", "o": "ô", "u": "û"}


def is_adjunct_start(clause: str) -> bool:
    """Whether a clause opens on a preposition or an adjunct word (« après avoir été … »)."""
    # Accents kept: « à » opens an adjunct, « a » is a verb.
    low = clause.strip().lower().replace("’", "'")
    return low.startswith(tuple(w + " " for w in (*g.ADJUNCT_STARTS, "pour", "afin")))


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
