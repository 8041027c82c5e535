"""Sentences cut into clauses, and whether a text reads as a clause (subject and verb)."""

from __future__ import annotations

import functools
import re

from briefing import dating
from briefing import textutils as T
from briefing import timex_grammar as g
from briefing.wordlists import adjectives, common_nouns, participles, stop_words, verb_forms, verbs

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
    at = next((a for a in verb_starts(clause) if _has_subject(clause[:a])), None)
    subject = clause[:at] if at is not None else ""
    # « La campagne s’ouvre », « Il ne cache »: the clitics belong to the verb.
    while True:
        last = re.search(r"(?:^|\s)(\w+[’']|\w+)\s*$", subject)
        if not last or last.group(1).lower().replace("’", "'") not in _NOT_SUBJECTS:
            break
        subject = subject[:last.start()]
    subject = subject.strip(" ,")
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
    """Whether a label reads as a clause: several words, a finite verb and a subject before it.

    « Le gouvernement annonce … » is one; « Ne cache plus son intention … » (no subject),
    « N’a jamais caché qu’elle entendait … » (its first verb has none),
    « Le président de la République » and « La semaine dernière à Paris » (no verb) are not.
    """
    starts = verb_starts(text)
    # The first verb is the main one: « N’a jamais caché qu’elle entendait … » has none.
    return len(text.split()) >= 3 and bool(starts) and _has_subject(text[:starts[0]])


def has_verb(piece: str) -> bool:
    """Whether a piece of a sentence has a finite verb, subject or not (« ont retrouvé … »)."""
    return len(piece.split()) >= 3 and bool(verb_starts(piece))


# Tense cues that are adjectives, not verbs (« la semaine dernière », « le sommet prévu »).
_NOT_VERBS = frozenset({"dernier", "dernière", "passé", "précédent", "prochain", "prochaine",
                        "prévu", "prévue", "prévus", "prévues", "devant", "expire"})
# Auxiliaries and modals, too short or too irregular for the shapes of the tense cues.
_AUX_RE = re.compile(r"(?<![\w’'-])(?:est|sont|a|ont|va|vont|doit|doivent|peut|peuvent)"
                     r"(?![\w-])", re.IGNORECASE)
# Words before a verb that are not its subject: negation and object or reflexive pronouns.
_NOT_SUBJECTS = frozenset({"ne", "n'", "se", "s'", "y", "en", "lui", "leur", "me", "m'", "te",
                           "t'", "et", "mais", "puis", "ou"})
_WORD_RE = re.compile(r"[^\W\d_][\w’'-]*")


def verb_starts(text: str) -> list[int]:
    """Where the finite verbs of a text start: tense shapes, auxiliaries, known verb forms."""
    return list(_verb_starts(text))


@functools.lru_cache(maxsize=1 << 14)
def _verb_starts(text: str) -> tuple[int, ...]:
    """`verb_starts`, remembered: labels ask about the same pieces many times."""
    starts = {m.start() for m in _HAS_VERB_RE.finditer(text)
              if m.group().lower() not in _NOT_VERBS}
    starts.update(m.start() for m in _AUX_RE.finditer(text))
    starts.update(_morphological_verbs(text))
    return tuple(sorted(starts))


def _has_subject(before: str) -> bool:
    """Whether the words before a verb hold its subject (not only « ne », « se », « y »…)."""
    words = [w.lower().replace("’", "'") for w in _WORD_RE.findall(before)]
    return any(w not in _NOT_SUBJECTS and not (w.endswith("'") and w in _NOT_SUBJECTS)
               for w in words)


def has_finite_verb(text: str) -> bool:
    """Whether a text holds a conjugated verb, by its form and the word before it."""
    return bool(_morphological_verbs(text))


def _morphological_verbs(text: str) -> list[int]:
    """Starts of the known verb forms placed as verbs, not as nouns.

    « Le gouvernement annonce », « la Commission propose », « il entre en vigueur »: a form of
    a verb the model knows, after its subject; not « une annonce » nor « l’accord entre ».
    """
    found = list(_WORD_RE.finditer(text))
    words = [m.group().lower().replace("’", "'") for m in found]
    out = []
    for i, word in enumerate(words):
        clitic, _, bare = word.rpartition("'")
        raw = found[i].group()
        kind = _verb_form(bare) if not raw[:1].isupper() or clitic else ""
        if not kind:
            continue
        before = f"{clitic}'" if clitic else (words[i - 1] if i else "")
        if before in g.NOUN_OPENERS:
            continue  # « une annonce », « l’annonce », « d’entre »
        if before in g.SUBJECT_CLITICS or (kind == "verb" and before) or (
                kind == "noun" and i and _ends_subject(found[i - 1].group(), words[:i - 1])):
            out.append(found[i].start() + (len(clitic) + 1 if clitic else 0))
    return out


@functools.lru_cache(maxsize=1 << 16)
def _verb_form(word: str) -> str:
    """What a finite verb form also is: "verb" (nothing else), "noun", "word" (« entre »), or "".

    "noun" stands for a noun or an adjective, "word" for a function word; "" is no verb form.
    """

    if len(word) < 2 or not word.isalpha():
        return ""
    finite = (word in verb_forms() and (not word.endswith(g.NON_FINITE_ENDINGS)
                                        or word.endswith(g.FINITE_DESPITE_ENDINGS))) or any(
        word.endswith(end) and word[: len(word) - len(end)] + back in verbs()
        for end, back in g.ER_FINITE_ENDINGS)
    if not finite:
        return ""
    if word in stop_words() or word in g.PREPOSITIONS_LIKE_VERBS:
        return "word"
    return "noun" if word in common_nouns() or word in adjectives() else "verb"


def _ends_subject(word: str, earlier: list[str]) -> bool:
    """Whether a word can end the subject of the verb-or-noun after it.

    A name, a noun, or an adjective after its noun (« le club girondin décroche »), not one
    before it (« une forte hausse », « la très nouvelle annonce »).
    """

    elided, _, word = word.replace("’", "'").rpartition("'")
    if elided:  # « l’ancienne garde »: the article is the word before
        earlier = [*earlier, f"{elided.lower()}'"]
    low = word.lower()
    if low in stop_words():
        return False
    if word[:1].isupper():
        return True
    singular = low[:-1] if low.endswith(("s", "x")) else low
    forms = {low, singular}
    if any(w in adjectives() for w in forms):
        ahead = next((w for w in reversed(earlier) if w not in g.DEGREE_ADVERBS), "")
        return ahead not in g.NOUN_OPENERS and bool(ahead)
    return any(w in common_nouns() for w in forms)


def is_prose(sentence: str) -> bool:
    """Whether a dated sentence is article prose, not a headline, timestamp or credit line."""
    return (len(sentence.split()) >= MIN_SENTENCE_WORDS and bool(_PROSE_END_RE.search(sentence))
            and not _TIMESTAMP_RE.search(sentence) and is_clause(sentence))
