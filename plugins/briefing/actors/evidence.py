"""Evidence on a model span: what to trim, why it is no actor, and which kind its context gives."""

from __future__ import annotations

import functools
import re
import unicodedata

from briefing import actor_lexicon as lex
from briefing import textutils as T
from briefing import timex_grammar as g
from briefing.gazetteer import gazetteer, is_city
from briefing.wordlists import (
    adjectives,
    common_nouns,
    given_names,
    noun_like,
    participles,
    stop_words,
)

from .names import SPACES

# All-caps words longer than this are headline or menu fragments, not acronyms (« REDACTEURS »).
MAX_ACRONYM_LETTERS = 5
# How far left of a name its context cue may be (« le quotidien turc Hürriyet »).
CUE_WINDOW = 40
# Longest quotation read as a work's title (« Valeur sentimentale »), in words.
MAX_TITLE_WORDS = 6
# How far left of a name a title may open a chain of portfolios (« ministre du Travail, de … »).
TITLE_CHAIN_WINDOW = 200

_W = r"[\w’'\-]"


def _alternation(words) -> str:
    """A regex alternation, longest first, spaces matching any run of spaces."""
    return _alternation_of(tuple(words))


@functools.lru_cache(maxsize=64)
def _alternation_of(words: tuple[str, ...]) -> str:
    """`_alternation`, built once per word list (the rules run for every span)."""
    return "|".join(re.escape(w).replace(r"\ ", rf"[{SPACES}]+")
                    for w in sorted(set(words), key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _lead_title() -> re.Pattern[str]:
    """A title head and its lowercase complements at the start of a span."""
    return re.compile(rf"^(?i:{_alternation(lex.TITLE_HEADS)})(?!{_W})"
                      rf"(?:[{SPACES}]+(?:[a-zà-ÿ]{_W}*|d[’']\w+))*[{SPACES}]*")


@functools.lru_cache(maxsize=1)
def _tail_title() -> re.Pattern[str]:
    """A capitalised title glued after a name (« … Professeure »)."""
    heads = {h[:1].upper() + h[1:] for h in lex.TITLE_HEADS}
    return re.compile(rf"[{SPACES}]+(?:{_alternation(heads)})$")


@functools.lru_cache(maxsize=1)
def _time_tail() -> re.Pattern[str]:
    """A weekday, month or clock time glued after a name (« Moscou mercredi »)."""
    words = [*g.WEEKDAYS, *g.MONTH_NAMES]
    # Clock words in lower case only: « Le Soir », « Le Matin » are titles.
    clock = ["matin", "soir", "midi", "heure", "heures"]
    return re.compile(rf"[{SPACES},]+(?:(?i:{_alternation(words)})|{_alternation(clock)}|"
                      rf"\d{{1,2}}[{SPACES}]?h\d*)"
                      rf"(?!{_W}).*$|[{SPACES}]+[-–—][{SPACES}]*\d.*$")  # « Syrie - 20 décembre »


def trim(text: str, label: str = "") -> tuple[int, int] | None:
    """Offsets (relative to text) of the name inside a span, None if no name is left.

    A leading title (« Premier ministre arménien Nikol Pachinian »), a title glued after the
    name and a weekday or time glued after it are dropped; a bare title leaves nothing.
    """
    start, end = 0, len(text)
    glued = re.match(r"[a-zà-ÿ]+(?=[A-ZÀ-Ý][a-zà-ÿ])", text)
    if glued:  # « faitCarlo Ancelotti »: a word glued to the name by the scraper
        start = glued.end()
    lead = _lead_title().match(text, start)
    if lead:
        if re.search(rf"(?i:\b(?:de|du|des|d[’']|à|au|aux|la|l[’']))[{SPACES}]*$", lead.group()):
            return None  # « ministre des Affaires … »: what follows completes the title
        start = lead.end()
    prefix = re.match(rf"(?:[a-zà-ÿ][\w’'\-]*[{SPACES}]+)+(?=[A-ZÀ-Ý])", text[start:])
    particles = prefix is not None and all(w in lex.NAME_PARTICLES for w in prefix.group().split())
    if prefix and label in ("ORG", "MISC") and prefix.group().strip(SPACES) in (
            *lex.ORGANISATION_CUES, *lex.MEDIA_CUES):
        start += prefix.end()  # « parti Pastef », « quotidien Hürriyet »: the cue is context
    if prefix and label in ("PER", "MISC") and not particles:
        # « impératrice Eugénie », « jeune ouvreur Fin Smith »: a title the lexicon does not
        # list goes; after a preposition (« galerie d’Apollon »), the name completes a phrase.
        # A place's or a body's noun stays (« stade Pierre-Mauroy », « tempête Herminia »).
        if re.search(rf"(?i:\b(?:de|du|des|d[’']|à|au|aux|la|le|les|l[’']|en|sur|pour))"
                     rf"[{SPACES}]*$", prefix.group()):
            return None
        start += prefix.end()
    tail = _time_tail().search(text, start)
    if tail and not re.search(r"\d[\s\u00a0]*$", text[:tail.start()]):
        end = tail.start()  # but « Mouvement du 23 mars »: a date inside the name
    stuck = _tail_title().search(text[:end], start)
    if stuck and stuck.start() > start and len(text[start:stuck.start()].split()) > 1 \
            and text[start:stuck.start()].split()[-1].lower() not in lex.NAME_PARTICLES:
        # (not « Bruno Le Maire »: after a particle, the title word is the surname)
        end = stuck.start()  # not « Marion Maréchal »: a surname may be a title word
    name = text[start:end].strip(SPACES + ",")
    if not name or not (name[:1].isupper() or (particles and label == "PER")):
        return None  # « (Mme) von der Leyen »: a person's name may open on its particle
    start = text.index(name, start)
    return start, start + len(name)


def script_ok(text: str) -> bool:
    """Whether every letter is Latin (names in other scripts are not transliterated here)."""
    return all("LATIN" in unicodedata.name(ch, "") for ch in text if ch.isalpha())


def _sentence_initial(paragraph: str, start: int) -> bool:
    """Whether a word opens its paragraph, a sentence or a clause after a colon."""
    left = paragraph[:start].rstrip(SPACES + "«\"“(")
    return not left or left[-1] in ".!?:;—–-|·"


@functools.lru_cache(maxsize=1)
def _credit_left() -> re.Pattern[str]:
    """A credit cue right before a name (« Photo : », « Texte par :», « © »)."""
    return re.compile(rf"(?i:(?:^|[{SPACES}(—–-])(?:{_alternation(lex.CREDIT_CUES)}))"
                      rf"[{SPACES}]*:?[{SPACES}]*$")


def credit(paragraph: str, start: int, end: int) -> bool:
    """Whether a name is a credit: « — Gaizka Iroz / AFP », « (Reportage X ; édité par Y) »."""
    left = paragraph[max(0, start - CUE_WINDOW):start]
    after = paragraph[end:end + 12]
    if re.search(rf"(?:/|©)[{SPACES}]*$", left) or re.match(rf"[{SPACES}]*/[{SPACES}]*[A-Z]",
                                                            after):
        return True
    if re.search(r"[—–][^\w]*$", left) and re.match(rf"[{SPACES}]*$", after):
        return True
    if re.search(r"\([{SPACES}]*$".replace("{SPACES}", SPACES), left) and re.match(
            rf"[{SPACES}]*\)[{SPACES}]*[-–—]", after):
        return True  # « KYIV, 25 décembre (Reuters) - »: the agency's dateline marker
    paren = paragraph.rfind("(", 0, start)
    return paren >= 0 and ")" not in paragraph[paren:start] and bool(re.match(
        rf"\((?i:{_alternation(lex.CREDIT_CUES)})\b", paragraph[paren:]))


def rejection(paragraph: str, start: int, end: int, label: str, known: bool) -> str | None:
    """Why a model span names no actor (French reason), or None to keep it.

    `known` says the registry or gazetteer knows the text: such a span is never a fragment.
    """
    text = paragraph[start:end]
    words = text.split()
    if not script_ok(text):
        return "écriture non latine"
    if known:
        return None
    if len(re.sub(r"[^\w]", "", text)) < 2:
        return "une seule lettre"
    if len(words) == 1 and text.lower() in stop_words():
        return "mot grammatical (« Qui », « Celui-ci »)"
    if text.lower() in g.WEEKDAYS or text.lower() in g.MONTH_NAMES:
        return "jour ou mois"
    if text in lex.CARDINAL_POINTS:
        return "point cardinal"
    if re.match(r"(?i:outre)[-‑]", text):
        return "locution de lieu (« outre-Atlantique », « outre-Rhin »)"
    if "_" in text or re.search(r"[^\W\d_]{3,}\d+\b", text):
        return "pseudonyme (« Gwen_B », « Yannick29 »)"
    paren = paragraph.rfind("(", 0, start)
    if paren >= 0 and ")" not in paragraph[paren:start] and re.match(
            rf"\((?i:{_alternation(lex.CREDIT_CUES)})\b", paragraph[paren:]):
        return "crédit, signature ou photographe"
    inner = T.quote_spans(paragraph)
    if any(a < start and end < b and not paragraph[a + 1:b - 1].strip(SPACES + "«»“”\"")
           .replace(text, "").strip(SPACES) for a, b in inner):
        return "mot cité entre guillemets (marqueur éditorial)"
    for a, b in inner:
        quoted = paragraph[a + 1:b - 1].strip(SPACES + "«»“”\"")
        if a < start and end < b and len(quoted.split()) <= MAX_TITLE_WORDS and re.match(
                rf"(?:(?:La|Le|Les|L[’']|Un|Une)[{SPACES}]*)?{re.escape(text)}(?!\w)", quoted) \
                and quoted != text and quoted.split()[-1][:1].islower() \
                and not any(w[:1].isupper() for w in quoted[quoted.index(text) + len(text):]
                            .split()):
            # « Valeur sentimentale », « La Petite Dernière »: a work's title opens the quote.
            return "titre d’une œuvre entre guillemets"
    letters = re.sub(r"[^\w]", "", text)
    if letters.isupper() and len(words) == 1 and (
            len(letters) > MAX_ACRONYM_LETTERS or letters.lower() in common_nouns()):
        return "fragment en capitales"
    if len(words) > 1 and sum(w.isupper() and len(w) > MAX_ACRONYM_LETTERS for w in words) > 1:
        return "fragment en capitales"
    before_paren = re.search(rf"((?:[\w’'\-]+[{SPACES}]+){{1,6}})\([{SPACES}]*$",
                             paragraph[max(0, start - 80):start])
    if letters.isupper() and len(words) == 1 and before_paren and re.match(
            rf"[{SPACES}]*\)", paragraph[end:]):
        prior = before_paren.group(1).split()
        if prior[-1][:1].islower() and not any(
                T.fold_accents(w)[:1] == T.fold_accents(letters)[:1] for w in prior):
            # « son système de diffusion (HAS) »: capitals abbreviating a common noun phrase
            # whose words they do not spell name a thing, not an actor.
            return "sigle d’un nom commun"
    left = paragraph[max(0, start - CUE_WINDOW):start]
    after = paragraph[end:end + 12]
    cue = _credit_left().search(left)
    if cue and (
            _sentence_initial(paragraph, start - len(left) + cue.start()
                              + len(cue.group()) - len(cue.group().lstrip(SPACES + "(—–-")))
            or re.match(rf"[{SPACES}]*(?:/|$|·|\|)", after) or "(" in left[-3:]):
        # « Par Jean Dupont », « Photo : X », « X · 19/09 »: the cue opens the line.
        return "crédit, signature ou photographe"
    # « — Gaizka Iroz / AFP »: a name before « / Agency », or after a dash ending the line.
    slash = re.match(rf"[{SPACES}]*/[{SPACES}]*[A-Z]", after)
    if slash or (re.search(r"[—–][^\w]*$", left) and re.match(rf"[{SPACES}]*$", after)):
        return "crédit, signature ou photographe"
    if re.search(rf"(?<!\w)(?:{_alternation(lex.EPONYM_NOUNS)})"
                 rf"(?:[{SPACES}]+de[{SPACES}]+|[{SPACES}]+d[’']|[{SPACES}]+)$", left):
        return "nom donné à une chose (« la maladie d’Alzheimer »), pas un acteur"
    if re.search(r"[\s\u00a0](?:d[’']or|d[’']argent|de bronze|de cristal|de vermeil)$", text):
        return "distinction (« Palme d’or »), pas un acteur"
    if re.search(rf"(?<!\w)(?i:{_alternation(lex.WORK_NOUNS)})(?:[{SPACES}]+[a-zà-ÿ]+)?"
                 rf"[{SPACES}]*,?[{SPACES}]*[«“\"]?[{SPACES}]*(?:(?:La|Le|Les|L[’'])[{SPACES}]*)?$",
                 left) or re.search(rf"(?<!\w)(?i:{_alternation(lex.WORK_AUTHORS)})"
                                    rf"[{SPACES}]+(?:de|du|d[’'])[{SPACES}]*$", left):
        return "titre d’une œuvre ou nom d’une tempête (« le film Barbie »), pas un acteur"
    if re.fullmatch(r"[A-Z][a-z]+ [a-z]{2,}(?:us|um|ens|ae|is)", text) and not (
            noun_like(words[1]) or _adjective(words[1]) or words[1] in participles()
            or words[1] in stop_words()):
        # (its second word, lowercase, Latin-shaped and no French word: « sapiens »)
        return "nom latin d’espèce (« Homo sapiens »), pas un acteur"
    if text in lex.PORTFOLIOS and re.search(
            rf"(?<!\w)(?i:à la|au|aux|à l[’']|de la|du|des|de l[’'])[{SPACES}]*$", left):
        return "portefeuille ministériel (« à l’Emploi »), pas un acteur"
    if re.fullmatch(r"X{0,3}[IVX]{1,4}(?:e|er|ème)", words[0]) and len(words) > 1:
        return "ordinal romain : une époque (« Ve République »)"
    if len(words) == 1:
        word = words[0]
        if (word.lower() in adjectives()
                and re.search(rf"(?<!\w)[a-zà-ÿ]{{3,}}[{SPACES}]+$", left)
                and not re.search(rf"(?<!\w)(?:{_alternation(lex.PLURAL_DETERMINERS)}|le|la|"
                                  rf"l[’']|du|au|un|une|de|à|en)[{SPACES}]+$", left)):
            return "adjectif d’un nom commun (« les lignes à grande vitesse Atlantique »)"
        # « les Brestois », « 150 Palestiniennes »: a determiner or a number makes a group.
        det = (rf"(?:(?i:{_alternation(lex.PLURAL_DETERMINERS)})|\d)[{SPACES}]+"
               rf"(?:[a-zà-ÿ]+[{SPACES}]+)?$")
        # « des milliers de jeunes Kényans »: after « de » and an adjective, a plural too.
        quantity = rf"(?<!\w)(?:de[{SPACES}]+|d[’'])[a-zà-ÿ]+[{SPACES}]+$"
        if word.endswith(tuple(lex.DEMONYM_ENDINGS)) and (
                re.search(det, left) or (re.search(quantity, left) and word.endswith("s"))):
            return "gentilé ou groupe au pluriel"
        if (word.lower() not in common_nouns() and noun_like(word)
                and re.search(rf"(?<!\w)(?i:des|les|aux)[{SPACES}]+$", left)):
            return "nom commun au pluriel (« le trail des Crêtes »)"
        if _adjective(word) and re.search(
                rf"(?i:\b(?:le|la|l[’']|au|du))[{SPACES}]*$", left):
            return "gentilé (« le Danois »), pas un nom"
        if word.endswith(("ois", "oise", "ien", "ienne", "éen", "éenne")) and (
                re.search(rf"(?i:\b(?:un|une))[{SPACES}]*$", left)
                or re.match(rf"[{SPACES}]*,?[{SPACES}]*(?:de[{SPACES}]+)?\d+[{SPACES}]+ans\b",
                            paragraph[end:])):
            return "gentilé (« un Portois de 31 ans »), pas un nom"

        if (word.lower() in common_nouns() and label != "PER"
                and (_sentence_initial(paragraph, start) or label == "MISC")):
            return "nom commun en tête de phrase"
    if noun_like(words[0]) and _title_complement().search(
            paragraph[max(0, start - TITLE_CHAIN_WINDOW):start]):
        return "complément d’un titre (« ministre du Travail »)"
    parts = [x for x in re.split(r"[-–]", text) if x]
    if len(parts) > 1 and all(x in gazetteer() for x in parts):
        return "deux noms liés par un trait d’union (« Arménie-Azerbaïdjan »)"
    head, lower_rest = words[0], all(not w[:1].isupper() for w in words[1:])
    if head in lex.GENERIC_HEADS and lower_rest and len(words) <= 2:
        return "nom commun (« État », « Conseil » … sans nom propre)"
    if head in lex.GENERIC_HEADS and lower_rest and re.search(
            rf"(?<!\w)(?i:{_alternation(lex.POSSESSIVES)})[{SPACES}]+$", left):
        return "organe d’un autre acteur (« son Comité de politique monétaire »)"
    if label == "PER" and len(words) > 1 and noun_like(words[0]) \
            and words[0].lower() not in common_nouns() \
            and words[0].casefold() not in given_names():  # « Gilles Roth »
        return "nom commun au pluriel, pas un prénom (« Bilatérales III »)"
    if head in lex.EVENT_HEADS and lower_rest:
        return "compétition ou projet, pas un acteur"
    return None


@functools.lru_cache(maxsize=1)
def _landmark_left() -> re.Pattern[str]:
    """A landmark noun, an adjective and a preposition right before a name."""
    return re.compile(rf"(?<!{_W})(?i:{_alternation(lex.LANDMARK_NOUNS)})"
                      rf"(?P<adj>[{SPACES}]+[a-zà-ÿ]+)??"
                      rf"(?P<prep>[{SPACES}]+(?:de[{SPACES}]+la|de[{SPACES}]+l[’']|des|du|de|"
                      rf"d[’'])|[{SPACES}]*d[’'])?[{SPACES}]*$")


@functools.lru_cache(maxsize=1)
def _institution_left() -> re.Pattern[str]:
    """A public body's noun and its preposition right before a place's name."""
    return re.compile(rf"(?<!{_W})(?i:{_alternation(lex.INSTITUTION_NOUNS)})[{SPACES}]+"
                      rf"(?:de[{SPACES}]+la|de[{SPACES}]+l[’']|du|des|de|d[’'])[{SPACES}]*$")


@functools.lru_cache(maxsize=1)
def _title_complement() -> re.Pattern[str]:
    """A title and the prepositions of its portfolios, right before a name.

    « ministre du Trésor et des Finances », « ministre de l’Aménagement du territoire
    national, de l’Urbanisme, de l’Habitat et de la Politique de la ville »: coordinated
    complements, with their lowercase words, are complements too.
    """
    prep = r"(?:du|de la|des|de l[’']|à l[’']|à la|au|aux)"
    return re.compile(
        rf"(?i:{_alternation(lex.TITLE_HEADS)})(?:[{SPACES}]+[a-zà-ÿ]+)?"
        rf"(?:[{SPACES}]+{prep}[{SPACES}]*[A-ZÀ-Ý][\w’'\-]*(?:[{SPACES}]+[a-zà-ÿ][\w’'\-]*){{0,4}}?"
        rf"(?:[{SPACES}]+(?:et|ou)|,))*"
        rf"[{SPACES}]+{prep}[{SPACES}]*$")


def institution(paragraph: str, start: int) -> int | None:
    """Where a body's name starts when a public body's noun comes before a place's name.

    « la préfecture de la Gironde », « le parquet de Bordeaux »; not when that noun completes
    another one (« les services de la préfecture » keeps its own words).
    """
    left = paragraph[max(0, start - CUE_WINDOW):start]
    m = _institution_left().search(left)
    if not m or not m.group()[:1].islower():
        return None
    return start - len(left) + m.start()


def named_after(paragraph: str, start: int) -> tuple[int, str] | None:
    """(start, kind) of a longer name that a known name completes, or None.

    Inside a sentence, a capitalised common noun and « de » before a state or a city open the
    name of a body or a place named after it (« le gouverneur de la Banque de France »), not a
    mention of the state; a competition (« Coupe de France ») is no actor at all (kind "").
    """
    head = re.search(rf"(?<=[\w,’'][{SPACES}])([A-ZÀ-Ý][a-zà-ÿ]+)[{SPACES}]+"
                     rf"(?:de|du|des|d[’'])[{SPACES}]*$", paragraph[max(0, start - 40):start])
    if not head or head.group(1).lower() not in common_nouns() \
            or head.group(1) in lex.STATE_HEADS:
        return None
    at = start - len(paragraph[max(0, start - 40):start]) + head.start()
    word = head.group(1)
    if word in lex.EVENT_HEADS:
        return at, ""
    if word.lower() in lex.PLACE_NOUNS:
        return at, "place"
    return at, "organisation"


def landmark(paragraph: str, start: int) -> int | None:
    """Where a name starts when the landmark noun before it is part of it.

    « la place des Omeyyades », « la centrale nucléaire de Zaporijia », « le mail
    François-Mitterrand »; not « la place accordée à X » (an adjective and no « de »).
    """
    left = paragraph[max(0, start - CUE_WINDOW):start]
    m = _landmark_left().search(left)
    if not m or not m.group()[:1].islower() or (m["adj"] and not m["prep"]) or re.search(
            rf"(?<!\w)(?:de|d[’'])[{SPACES}]*$", left[:m.start()]):
        return None  # « les feux de forêt de l’Alberta »: the noun completes another one
    if _adjective_after_noun(left, m.start()):
        return None  # « la première banque centrale du G7 »: an adjective, not a landmark
    return start - len(left) + m.start()


def _adjective(word: str) -> bool:
    """Whether a word is an adjective of the lexicon, a demonym's feminine included
    (« Française », « Italienne »; not « Vilaine », a river)."""
    low = word.lower()
    return low in adjectives() or (low.endswith(("aise", "oise")) and low[:-1] in adjectives()) \
        or (low.endswith(("ienne", "éenne")) and low[:-2] in adjectives())


def _adjective_after_noun(left: str, at: int) -> bool:
    """Whether the word at `at` (a place noun) is an adjective of the noun before it.

    « la banque centrale du G7 »: « centrale » qualifies « banque »; « ont défilé place des
    Omeyyades »: « place » is no adjective, a noun however the word before reads.
    """
    word = re.match(r"[\w\-]+", left[at:])
    noun = re.search(rf"(?<![\w’'])([a-zà-ÿ]+)[{SPACES}]+$", left[:at])
    if not word or not noun or noun.group(1) not in common_nouns() \
            or noun.group(1) in stop_words():
        return False
    low = word.group().lower()
    return low in adjectives() or (low.endswith("e") and low[:-1] in adjectives())


@functools.lru_cache(maxsize=1)
def _speaks_after() -> re.Pattern[str]:
    """A verb of saying right after a name, past an apposition (« X, ministre, a déclaré »)."""
    return re.compile(rf"[{SPACES}]*(?:,[^,.;:«»]{{1,80}},[{SPACES}]*)?(?:(?:a|avait|aurait)"
                      rf"[{SPACES}]+(?:{_alternation(lex.SAYING_PARTICIPLES)})|"
                      rf"(?:{_alternation(lex.SAYING_OTHER_FORMS)}))(?!{_W})")


def speaks(paragraph: str, end: int) -> bool:
    """Whether the name ending at `end` is the subject of a verb of saying."""
    return bool(_speaks_after().match(paragraph, end))


def given_name_first(text: str) -> bool:
    """Whether a name of two words or more opens with a given name and goes on with a surname.

    « Benyamin Nétanyahou », « Bachar Al-Assad »; not « France Télévisions » (a known place
    first), « Alma Ata » (a city) nor « Victoria Station » (a common noun after it).
    """
    words = text.split()
    if len(words) < 2 or words[0].lower() in stop_words() or not person_shaped(text) \
            or text in gazetteer() \
            or words[0] in gazetteer() or words[0].casefold() not in given_names():
        return False
    rest = [w.split("-", 1)[-1] if w.split("-", 1)[0].lower() in lex.NAME_PARTICLES else w
            for w in words[1:] if w.lower() not in lex.NAME_PARTICLES]
    return bool(rest) and all(w[:1].isupper() and not noun_like(w) for w in rest) \
        and not is_city(text)


def person_shaped(text: str) -> bool:
    """Whether a span reads as a person's name: capitalised words and name particles only.

    « Ursula von der Leyen », « Ahmed al-Chareh », « Laurence des Cars » do; « Santé publique
    France » (a lowercase adjective) does not.
    """
    return not text.startswith("The ") and all(w[:1].isupper() or w.lower() in lex.NAME_PARTICLES
               or re.match(r"(?:\w{1,3}[-’']|[dl][’'])[A-ZÀ-Ý]", w)
               for w in re.split(rf"[{SPACES}]+", text.strip(SPACES)))


@functools.lru_cache(maxsize=1)
def _outlet_names() -> frozenset[str]:
    """Names and printed spellings of the well-known outlets (`outlets_data`)."""
    from briefing.outlets_data import OUTLETS

    return frozenset(n for o in OUTLETS for n in (o.name, *o.aliases))


def outlet(text: str, label: str) -> bool:
    """Whether a span names an outlet: a well-known one (« Ouest-France »), a local edition of
    one (« France Bleu Isère »), or a name shaped as a newspaper's (« Edmonton Journal »)."""
    if label not in ("ORG", "MISC", "LOC") or text in gazetteer():
        return False
    words = text.split()
    if text.replace("'", "’") in _outlet_names() and label != "LOC":
        return True
    if any(" ".join(words[:n]) in _outlet_names() for n in range(1, len(words))) and all(
            w[:1].isupper() for w in words):
        return True
    if len(words) > 1 and words[0] in ("Radio", "Radiodiffusion", "Radiotélévision", "Télévision",
                                       "TV"):
        return True  # « Radiotélévision nationale congolaise », « Radio Okapi »
    return len(words) > 1 and all(w[:1].isupper() or w in lex.NAME_PARTICLES for w in words) \
        and words[-1] in lex.MEDIA_NAME_WORDS


def body_not_place(paragraph: str, start: int, end: int) -> str | None:
    """Why a name the model calls a place is a body (French reason), or None.

    Capitals (« N-VA », « G7 »), a verb of saying (« Matignon a indiqué ») and a place's name
    with other capitalised words (« Paris Saint-Germain », « Parcs Canada ») name a party, an
    office or a club; a city or a state the gazetteer knows stays a place.
    """
    text = paragraph[start:end]
    if text in gazetteer() or is_city(text):
        return None
    if text.split()[0] in lex.INSTITUTION_HEADS or text.split()[-1] in lex.LEGAL_FORMS:
        return f"« {text.split()[0]} » : une institution ou une société"
    if re.fullmatch(r"[A-Z0-9][A-Z0-9\-&]*[A-Z0-9]", text) and re.search(r"[A-Z]", text) \
            and not re.fullmatch(r"(?:[AND]|R[ND])[\s\-]?\d{1,4}", text):  # « l’A9 »: a road
        return "sigle inconnu du gazetier : un organisme"
    if speaks(paragraph, end) and not re.search(
            rf"(?<!\w)(?:de|du|des|d[’']|à|au|aux|en)[{SPACES}]*$", paragraph[:start]):
        # « Matignon a indiqué »; not « le maire de Saint-Christophe, X, a confié ».
        return "sujet d’un verbe de parole : un organisme"
    words = text.split()
    if len(words) > 1 and words[0].lower() not in lex.PLACE_NOUNS and all(
            w[:1].isupper() or w.lower() in lex.NAME_PARTICLES for w in words):
        capitalised = [w for w in words if w[:1].isupper()]
        geo = [w for w in capitalised if w in gazetteer() or is_city(w)]
        if geo and len(geo) < len(capitalised):
            return f"nom formé sur « {geo[0]} » : un club ou un organisme"
    return None


def _opens_a_clause(after: str) -> bool:
    """Whether an apposed noun phrase is a clause's subject: a finite auxiliary follows it
    before any punctuation, outside its relative clause (« l’équipe de X a cédé »)."""
    phrase = re.match(r"[^,.;:!?«»()]*", after).group()
    phrase = re.split(r"(?<!\w)(?:qui|que|qu[’']|dont|où)(?!\w)", phrase)[0]
    return bool(re.search(r"(?<!\w)(?:a|ont|est|sont|avait|avaient|sera|va|doit)(?!\w)", phrase))


def kind_from_context(paragraph: str, start: int, end: int) -> tuple[str, str] | None:
    """(kind, French basis) that the words around a name give it, or None."""
    left = paragraph[max(0, start - CUE_WINDOW):start]
    # « le quotidien turc Hürriyet », « le site syrien d’opposition Enab Baladi », but not
    # « l’agence sanitaire de l’Union africaine » (a preposition: the name is another body).
    media = re.search(rf"(?i:(?<!\w)(?:{_alternation(lex.MEDIA_CUES)}))(?:[{SPACES}]+"
                      rf"(?!(?:de|du|des|la|le|les|l[’']|en|à|au|aux|dans|sur|pour|par|avec|"
                      rf"chez|vers)(?!\w))(?:[a-zà-ÿ]{_W}*|d[’']\w+))*"
                      rf"[{SPACES}]*$", left)
    if media and not re.search(rf"(?i:agence[{SPACES}]).*(?<!\w)(?:"
                               rf"{_alternation(lex.AGENCY_DOMAINS)})(?!\w)", media.group()):
        return "media", f"média (« {media.group().strip(SPACES)} »)"
    # A determiner before the noun (« est parti à … » is a verb), no preposition after it.
    body = re.search(rf"(?i:(?<!\w)(?:l[’']|(?:le|la|les|du|des|au|aux|un|une|sa|son|ses|leur|"
                     rf"leurs|cette|ce|notre)[{SPACES}]+)"
                     rf"(?:{_alternation(lex.ORGANISATION_CUES)}|agence))(?:[{SPACES}]+"
                     rf"(?!(?:de|du|des|la|le|les|l[’']|d[’']|en|à|au|aux|dans|sur|pour|par|"
                     rf"avec|chez|vers)(?!\w))(?:[a-zà-ÿ][\w\-]*))*"
                     rf"[{SPACES}]*$", left)
    if body:
        return "organisation", f"organisation (« {body.group().strip(SPACES)} »)"
    place = re.search(rf"(?i:(?<!\w)(?:{_alternation(lex.PLACE_NOUNS)}))(?:[{SPACES}]+"
                      rf"(?:[a-zà-ÿ]{_W}*))?[{SPACES}]*(?:(?:de|du|des)[{SPACES}]+|d[’'])?$", left)
    if place and _adjective_after_noun(left, place.start()):
        place = None  # « la banque centrale du G7 »: an adjective after a noun, not a place
    if place:
        return "place", f"lieu (« {place.group().strip(SPACES)} »)"
    if re.match(rf"[{SPACES}]*\(\d+[-–]\d+\)", paragraph[end:]):
        return "organisation", "équipe (score entre parenthèses)"
    apposed = re.match(rf"[{SPACES}]*,[{SPACES}]*(?:le|la|les|l[’']|un|une)[{SPACES}]*"
                       rf"(?:{_alternation(lex.ORGANISATION_CUES)})(?!\w)", paragraph[end:])
    if apposed and not _opens_a_clause(paragraph[end + apposed.end():]):
        # « Opella, la filiale qui … », « Benno Bokk Yakaar, la coalition de son prédécesseur »;
        # not « grâce à Randal Kolo Muani, l’équipe de Didier Deschamps a … » (the noun phrase
        # is the next clause's subject, no apposition).
        return "organisation", f"organisation (« {apposed.group().strip(SPACES + ',')} »)"
    text = paragraph[start:end]
    words = text.split()
    if (len(words) > 1 and words[0].lower() in common_nouns()
            and (all(w[:1].islower() for w in words[1:]) or (
                words[0].lower() not in (*lex.PLACE_NOUNS, *lex.BUILDING_NOUNS) and re.fullmatch(
                    rf"\S+(?:[{SPACES}]+[a-zà-ÿ]\S*)*[{SPACES}]+(?:de|du|des|d[’'])[{SPACES}]*"
                    rf"[A-ZÀ-Ý][^{SPACES}]*", text)))
            and re.search(rf"(?<!\w)(?i:le|la|les|l[’']|du|au|aux|des)[{SPACES}]*$", left)):
        # « le Journal officiel », « la Sécurité civile », « la Défense civile de Gaza »: a
        # capitalised common noun, its adjective and its place after a determiner name an
        # institution or a publication, not a place.
        return "organisation", "nom commun capitalisé après un déterminant"
    prep = re.search(rf"(?<!\w)(?:{_alternation(lex.PLACE_PREPOSITIONS)})[{SPACES}]+$", left)
    if prep and not re.fullmatch(r"[A-Z][A-Z0-9&\-]+", words[-1] if len(words) == 1 else ""):
        # (« au CNRS »: capitals after « au » are a body's; the model's label decides.)
        return "place", f"lieu (« {prep.group().strip(SPACES)} »)"
    return None
