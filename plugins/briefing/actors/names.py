"""Name keys shared by the stages: folds, name parts, quote and sentence spans."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence

from confusable_homoglyphs import confusables
from rapidfuzz.distance import JaroWinkler

from briefing import actor_lexicon as lex
from briefing import textutils as T
from briefing.wordlists import given_names

from .model import Mention

# Jaro-Winkler floors on folded names: surnames must be near-identical once folded,
# given names may differ more (Youri/Yuri fold equal, Sergei/Serguei near).
SURNAME_SIMILARITY = 0.93
GIVEN_SIMILARITY = 0.85
SPACES = T.SPACES
WORD = r"[^\W\d_]"


@functools.lru_cache(maxsize=1 << 16)
def unconfuse(text: str) -> str:
    """Letters of another script that look Latin, inside a Latin word, made Latin.

    « Nikol Pаchinian » with a Cyrillic « а » is Pachinian. Unicode's confusables data (through
    `confusable_homoglyphs`) says which Latin letter each one imitates; text wholly in another
    script is left alone.
    """
    if text.isascii() or not confusables.is_mixed_script(text):
        return text
    out = list(text)
    found = confusables.is_confusable(text, greedy=True, preferred_aliases=["latin"]) or ()
    latin_of = {}
    for hit in found:
        glyphs = [h["c"] for h in hit["homoglyphs"] if len(h["c"]) == 1
                  and "LATIN" in h.get("n", "")]
        if glyphs:
            latin_of[hit["character"]] = glyphs[0]
    for i, ch in enumerate(out):
        # Only a letter between Latin letters is a look-alike; a Cyrillic word stays Cyrillic.
        near = [c for c in (out[i - 1] if i else "", out[i + 1] if i + 1 < len(out) else "")
                if c.isalpha()]
        if ch in latin_of and any(c.isascii() or "LATIN" in _name(c) for c in near):
            out[i] = latin_of[ch]
    return "".join(out)


def _name(ch: str) -> str:
    """Unicode name of a character, empty when it has none."""
    return unicodedata.name(ch, "")


def simple_fold(text: str) -> str:
    """Case, accent, apostrophe, space and look-alike letter insensitive key."""
    return T.match_key(unconfuse(text))


def place_key(name: str) -> str:
    """Key of a place or body: transliteration fold, g/k alike (Garabagh, Karabakh)."""
    return fold(name).replace("-", " ").replace("g", "k")


@functools.lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """Transliteration-insensitive key (Pachinian, Pashinyan -> pashinian)."""
    text = simple_fold(name).replace("'", " ")
    for pattern, repl in lex.TRANSLIT_FOLDS:
        text = re.sub(pattern, repl, text)
    return " ".join(text.split())


def split_name(name: str) -> tuple[str, str]:
    """Split a person name into (given names, surname), keeping particles with the surname."""
    tokens = name.split()
    if lone_surname(name):  # « Le Pen », « De Wever »: a surname with its particle
        return "", name.strip()
    cut = len(tokens) - 1
    while cut > 1 and tokens[cut - 1].casefold() in lex.NAME_PARTICLES:
        cut -= 1
    return " ".join(tokens[:cut]), " ".join(tokens[cut:])


def lone_surname(name: str) -> bool:
    """Whether a person's name is a surname alone, particles included (« Le Pen »)."""
    tokens = name.split()
    return len(tokens) == 1 or all(t.casefold() in lex.NAME_PARTICLES for t in tokens[:-1])


def has_gap(text: str) -> bool:
    """Whether a span straddles a lost word (a hyperlink the scraper removed)."""
    return any(re.search(p, text) for p in lex.GAP_PATTERNS)


def _surface_pattern(surface: str) -> str:
    """Regex for a surface form, tolerant of apostrophe and space variants."""
    out = []
    for ch in surface:
        if ch in "’'":
            out.append("['’]")
        elif ch in SPACES:
            out.append(f"[{SPACES}]+")
        elif ch == "-":  # « Haut Karabagh » is « Haut-Karabagh » without its hyphen
            out.append(f"[-{SPACES}]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _quote_spans(paragraph: str) -> list[tuple[int, int]]:
    """(open, close) offsets of quotation marks, close = index of the closing mark."""
    return [(a, b - 1) for a, b in T.quote_spans(paragraph)]


def _mask_quotes(paragraph: str, quotes: Sequence[tuple[int, int]]) -> str:
    """Paragraph with quote interiors blanked, so sentence logic sees only the narration."""
    return T.mask_quotes(paragraph, [(i, j + 1) for i, j in quotes])


def _sentence_start(masked: str, pos: int) -> int:
    """Offset where the sentence containing pos begins."""
    return T.sentence_at(masked, pos)[0]


def _sentence_end(masked: str, pos: int) -> int:
    """Offset where the sentence containing pos ends."""
    return T.sentence_at(masked, pos)[1]


def _person_names(mentions: Sequence[Mention]) -> list[Mention]:
    """Full-name person mentions (two words or more) of an article."""
    return [m for m in mentions if m.kind == "person" and not lone_surname(m.text)]


def _surname_match(text: str, full_names: Sequence[Mention],
                   at: tuple[int, int] | None = None) -> Mention | None:
    """The full name of the article whose surname this single word repeats.

    A lone surname refers back: the nearest full name before it (`at` = paragraph, offset),
    else the first after it (« Aliyev …, il a succédé à son père, Heydar Aliyev »).
    """
    initials = re.fullmatch(rf"(?:[A-ZÀ-Ý]\.[{SPACES}]?){{2,3}}", text.strip())
    if initials:
        # « E. D. : Les programmes fonctionnent »: an interview's speaker by her initials.
        letters = re.findall(r"[A-ZÀ-Ý]", text)
        hits = [f for f in full_names
                if [w[0] for w in re.split(r"[\s\-]+", f.text) if w[:1].isupper()] == letters
                and not re.fullmatch(rf"(?:[A-ZÀ-Ý]\.[{SPACES}]?)+", f.text.strip())]
        return hits[0] if len({fold(f.text) for f in hits}) == 1 else None
    key = fold(text)
    hits = [f for f in full_names if _surnames_compatible(fold(split_name(f.text)[1]), key)]
    if not hits:
        # « Déby » for « Mahamat Idriss Déby Itno », « St-Pierre Plamondon » for « Paul
        # St-Pierre Plamondon »: a compound surname's part, or the name without its given
        # name, when one person of the article alone has it.
        words = fold(text).split()
        hits = [f for f in full_names
                if _inside(words, fold(f.text).split()) and fold(f.text) != fold(text)]
        if len({fold(f.text) for f in hits}) != 1:
            return None
    if at is None:
        return hits[-1]
    before = [f for f in hits if (f.paragraph, f.start) <= at]
    return before[-1] if before else hits[0]


def _inside(words: list[str], full: list[str]) -> bool:
    """Whether the words name the person of a longer full name: its tail after the given
    name, its head (« Judith Suminwa »), or one inner word.

    A tail opening on a given name is another person (« Idriss Déby Itno », the father of
    « Mahamat Idriss Déby Itno »).
    """
    if len(words) > 1:
        # « Judith Suminwa » for « Judith Suminwa Tuluka »: the full name without its last
        # surname is the same person too.
        return len(full) > len(words) and (
            (full[-len(words):] == words and words[0] not in given_names())
            or full[:len(words)] == words)
    return len(words) == 1 and len(words[0]) > 2 and words[0] in full[1:-1]


def surname_core(folded: str) -> str:
    """A folded surname without its leading particle (« al-asad » -> « asad »)."""
    head, sep, rest = folded.partition("-")
    if not sep:
        head, sep, rest = folded.partition(" ")
    return rest if sep and rest and head in lex.NAME_PARTICLES else folded


def _surnames_compatible(a: str, b: str) -> bool:
    """Folded surnames that may be one name (never Zakharov vs Zakharova)."""
    a, b = surname_core(a), surname_core(b)
    if a == b:
        return True
    if a + "a" == b or b + "a" == a:  # Slavic feminine forms are distinct people
        return False
    return JaroWinkler.similarity(a, b) >= SURNAME_SIMILARITY


def _is_boilerplate(paragraph: str) -> bool:
    """Whether a paragraph carries a credit or teaser marker."""
    return any(cue in paragraph for cue in lex.BOILERPLATE_CUES)

def dict_key(text: str) -> str:
    """Dictionary key: folded, a hyphen counting as a space."""
    return simple_fold(text).replace("-", " ")
