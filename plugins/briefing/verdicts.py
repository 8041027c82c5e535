"""Fact-checking data: the fixed verdict scale and the French lexicon of quoted figures."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Verdict:
    """One step of the verdict scale: key, French label, rating (1 = worst), description."""

    key: str
    label: str
    rating: int
    description: str


# The scale, worst first. Fixed: a change here must be mirrored on content/pages/methodologie.md
# (a test checks every label is documented there). Ratings feed ClaimReview's ratingValue.
VERDICTS: tuple[Verdict, ...] = (
    Verdict("faux", "Faux", 1,
            "L’affirmation est contredite par des faits établis."),
    Verdict("plutot-faux", "Plutôt faux", 2,
            "L’élément central de l’affirmation est inexact, même si certains détails "
            "sont justes."),
    Verdict("trompeur", "Trompeur", 3,
            "Les faits cités peuvent être exacts, mais la présentation (sélection, omission, "
            "jugement donné pour un fait) conduit à une conclusion fausse."),
    Verdict("manque-de-contexte", "Manque de contexte", 4,
            "L’affirmation est exacte mais incomplète : sans le contexte, elle induit en erreur."),
    Verdict("plutot-vrai", "Plutôt vrai", 5,
            "L’affirmation est exacte pour l’essentiel, avec une imprécision secondaire."),
    Verdict("vrai", "Vrai", 6,
            "L’affirmation est exacte et vérifiable dans les sources citées."),
)
BEST_RATING = max(v.rating for v in VERDICTS)
WORST_RATING = min(v.rating for v in VERDICTS)

# 1. Numbers as written ----------------------------------------------------------------------

# Digits with French thousands separators (space, NBSP, narrow NBSP) or a decimal comma.
NUMBER_DIGITS = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:,\d+)?"

# Number words a press article spells out (« six semaines », « deux jours », « une décennie »).
NUMBER_WORDS: dict[str, float] = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20,
    "trente": 30, "quarante": 40, "cinquante": 50, "cent": 100, "mille": 1000,
}

# Vague quantities: (value, modifier). « plusieurs décennies » is at least two decades.
VAGUE_WORDS: dict[str, tuple[float, str]] = {
    "plusieurs": (2, "au moins"),  # more than one
    "des": (2, "au moins"),        # « depuis des décennies »: a plural, so at least two
    "quelques": (2, "au moins"),   # a few: at least two, no upper bound we could defend
}

# Words before a number that bound it; each maps to the modifier stored on the Figure.
MODIFIERS: dict[str, str] = {
    "plus de": "plus de", "au moins": "au moins", "au minimum": "au moins",
    "moins de": "moins de", "au plus": "moins de", "jusqu’à": "moins de", "jusqu'à": "moins de",
    "environ": "environ", "près de": "environ", "quelque": "environ", "presque": "environ",
    "autour de": "environ",
}

# « environ 2 000 »: how far either side an approximate figure may stray and still agree.
APPROX_SHARE = 0.2

# 2. What is counted -------------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    """A counted noun: the canonical unit, a multiplier into it, and the kind of quantity."""

    unit: str
    factor: float
    kind: str  # people | troops | duration


# Nouns a figure may count, by their French spelling (singular and plural). Durations are
# converted into years so that « six semaines » and « une décennie » can be compared.
UNITS: dict[str, Unit] = {
    "personne": Unit("personnes", 1, "people"), "personnes": Unit("personnes", 1, "people"),
    "mort": Unit("personnes", 1, "people"), "morts": Unit("personnes", 1, "people"),
    "victime": Unit("personnes", 1, "people"), "victimes": Unit("personnes", 1, "people"),
    "civil": Unit("personnes", 1, "people"), "civils": Unit("personnes", 1, "people"),
    "blessé": Unit("personnes", 1, "people"), "blessés": Unit("personnes", 1, "people"),
    "réfugié": Unit("personnes", 1, "people"), "réfugiés": Unit("personnes", 1, "people"),
    "déplacé": Unit("personnes", 1, "people"), "déplacés": Unit("personnes", 1, "people"),
    "habitant": Unit("personnes", 1, "people"), "habitants": Unit("personnes", 1, "people"),
    "prisonnier": Unit("personnes", 1, "people"), "prisonniers": Unit("personnes", 1, "people"),
    "soldat": Unit("soldats", 1, "troops"), "soldats": Unit("soldats", 1, "troops"),
    "militaire": Unit("soldats", 1, "troops"), "militaires": Unit("soldats", 1, "troops"),
    "casque bleu": Unit("soldats", 1, "troops"), "casques bleus": Unit("soldats", 1, "troops"),
    "an": Unit("ans", 1, "duration"), "ans": Unit("ans", 1, "duration"),
    "année": Unit("ans", 1, "duration"), "années": Unit("ans", 1, "duration"),
    "décennie": Unit("ans", 10, "duration"), "décennies": Unit("ans", 10, "duration"),
    "siècle": Unit("ans", 100, "duration"), "siècles": Unit("ans", 100, "duration"),
    "mois": Unit("ans", 1 / 12, "duration"),
    "semaine": Unit("ans", 7 / 365.25, "duration"), "semaines": Unit("ans", 7 / 365.25, "duration"),
    "jour": Unit("ans", 1 / 365.25, "duration"), "jours": Unit("ans", 1 / 365.25, "duration"),
}

# « des milliers de personnes »: a multiplier word between the number and the noun.
MULTIPLIERS: dict[str, float] = {
    "dizaine": 10, "dizaines": 10, "centaine": 100, "centaines": 100,
    "millier": 1000, "milliers": 1000, "million": 1e6, "millions": 1e6,
}

# 3. What the figure is about (the key) ------------------------------------------------------

# Words in the sentence that say a count of people is a death toll.
DEATH_WORDS = re.compile(r"\b(mort[es]*|tué[es]*|décédé[es]*|péri|victimes|bilan)\b", re.I)
# Words that say a duration measures the conflict or the war (else it is not compared).
CONFLICT_WORDS = re.compile(r"\bconflit\b", re.I)
WAR_WORDS = re.compile(r"\bguerre\b", re.I)

# French labels of figure keys, shown to readers beside the figure.
KIND_LABELS: dict[str, str] = {
    "morts": "bilan humain",
    "personnes": "nombre de personnes",
    "soldats": "effectifs militaires",
    "duree-conflit": "ancienneté du conflit",
    "duree-guerre": "durée de la guerre",
}

# Month names as a figure's scope; no trailing \b on purpose (« septembreavec » is glued).
MONTH_SCOPE = re.compile(
    r"\b(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)",
    re.I,
)
# A four-digit year between 1900 and 2099 as a figure's scope.
YEAR_SCOPE = re.compile(r"\b(19\d\d|20\d\d)\b")


def interval(value: float, modifier: str) -> tuple[float, float]:
    """The range of true values a figure with this modifier allows."""
    if modifier in ("plus de", "au moins"):
        return value, math.inf
    if modifier == "moins de":
        return 0.0, value
    if modifier == "environ":
        return value * (1 - APPROX_SHARE), value * (1 + APPROX_SHARE)
    return value, value
