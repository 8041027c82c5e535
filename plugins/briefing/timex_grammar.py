"""French temporal grammar and lexicons as data, read by `dating` and `chronology`."""

from __future__ import annotations

# Month names, accent-less spellings and the abbreviations agencies print.
MONTHS: dict[str, int] = {
    "janvier": 1,
    "janv.": 1,  # agency abbreviation
    "février": 2,
    "fevrier": 2,  # accent lost in copy-paste
    "févr.": 2,
    "mars": 3,
    "avril": 4,
    "avr.": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "juil.": 7,
    "août": 8,
    "aout": 8,  # 1990 spelling reform, also common in web text
    "septembre": 9,
    "sept.": 9,
    "octobre": 10,
    "oct.": 10,
    "novembre": 11,
    "nov.": 11,
    "décembre": 12,
    "decembre": 12,  # accent lost
    "déc.": 12,
}

# Weekdays, ISO numbering (Monday = 1) as TIMEX3 week dates use.
WEEKDAYS: dict[str, int] = {
    "lundi": 1,
    "mardi": 2,
    "mercredi": 3,
    "jeudi": 4,
    "vendredi": 5,
    "samedi": 6,
    "dimanche": 7,
}

# Month names used in displayed dates (reader-facing French).
MONTH_NAMES: tuple[str, ...] = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)

# Words placed before a month or year that shift the point inside it (TIMEX3 `mod`).
MODIFIERS: dict[str, str] = {
    "début": "START",  # « début octobre »
    "debut": "START",  # accent lost
    "fin": "END",  # « fin septembre »
    "mi": "MID",  # « mi-octobre »
    "courant": "MID",  # « courant octobre », within the month, no better than the month
}

# Prepositions that make a bare month or a four-digit number a date, not a quantity.
# A year needs one of them: « 1201 Connecticut Ave », « 6 500 », « (c)2007 » have none.
DATE_PREPOSITIONS: tuple[str, ...] = (
    "en",  # « en 1994 », « en septembre »
    "de",  # « traité de 1997 », « les événements de septembre »
    "d'",  # « d'octobre 2020 »
    "depuis",  # « depuis 1991 »: start of a state that still holds
    "dès",  # « dès 1992 »
    "avant",  # « avant 2020 »
    "après",  # « après 2020 »
    "jusqu'en",  # « jusqu'en 2025 »
    "jusqu'à",  # « jusqu'à décembre »
    "d'ici",  # « d'ici 2025 »
    "d'ici à",  # « livrés d'ici à 2026 »
    "entre",  # « entre 1991 et 1994 »: the second end is found after « 1991 et »
    "mois de",  # « au mois de septembre »
    "l'année",  # « l'année 1994 »
    "l'an",  # « l'an 2000 »
    "printemps",
    "été",
    "automne",
    "hiver",  # « au printemps 2020 »: the year at least
)

# Plural function words that may follow a year: « en 2020 les combats … ». Any other plural
# word right after a four-digit number makes it a quantity: « de 2000 soldats ».
PLURAL_FUNCTION_WORDS: tuple[str, ...] = (
    "les",
    "des",
    "ses",
    "nos",
    "vos",
    "leurs",
    "plus",
    "puis",
    "dans",
    "sous",
    "après",
    "depuis",
    "alors",
    "mais",
    "tous",
    "plusieurs",
    "lors",
    "jusqu'alors",
    "était",
    "pas",
)

# Words ending like a participle that are not one: « ont lieu » is not a past.
PAST_FALSE_FRIENDS: frozenset[str] = frozenset({"lieu", "peu"})

# Glued words left by HTML-to-text conversion: « septembreavec » is « septembre avec ».
GLUE_SUFFIXES: tuple[str, ...] = (
    "avec",
    "et",
    "pour",
    "dans",
    "lors",
    "le",
    "la",
    "les",
    "de",
    "des",
    "à",
    "au",
    "mais",
    "puis",
    "quand",
    "alors",
    "selon",
)

# Expressions whose value is a shift from the publication date (TIMEX3 relative values).
# Key: surface (lower case); value: (unit, shift). Unit "D" day, "W" week, "M" month, "Y" year.
RELATIVE: dict[str, tuple[str, int]] = {
    "aujourd'hui": ("D", 0),
    "ce matin": ("D", 0),
    "cet après-midi": ("D", 0),
    "ce soir": ("D", 0),
    "hier": ("D", -1),
    "avant-hier": ("D", -2),
    "demain": ("D", 1),
    "après-demain": ("D", 2),
    "cette semaine": ("W", 0),
    "plus tôt cette semaine": ("W", 0),  # same week, before the publication day
    "plus tard cette semaine": ("W", 0),
    "la semaine dernière": ("W", -1),
    "la semaine passée": ("W", -1),
    "la semaine prochaine": ("W", 1),
    "ce mois-ci": ("M", 0),
    "le mois dernier": ("M", -1),
    "le mois prochain": ("M", 1),
    "cette année": ("Y", 0),
    "l'an dernier": ("Y", -1),
    "l'an passé": ("Y", -1),
    "l'année dernière": ("Y", -1),
    "l'an prochain": ("Y", 1),
    "l'année prochaine": ("Y", 1),
}

# Expressions pointing at the date last mentioned in the passage, not at the publication date.
ANAPHORIC: dict[str, int] = {
    "le même jour": 0,  # « En réponse à cette lettre le même jour »
    "ce même jour": 0,
    "la veille": -1,
    "le lendemain": 1,
    "le surlendemain": 2,
}

# Years counted from the date last mentioned in the passage (« avant de faire adopter une
# Constitution l'année suivante »).
ANAPHORIC_YEARS: dict[str, int] = {
    "l'année suivante": 1,
    "l'année d'après": 1,
    "l'an d'après": 1,
    "l'année précédente": -1,
    "l'année d'avant": -1,
}
# Numbers written out in spans of years (« il y a dix ans », « depuis trois ans »).
NUMBER_WORDS: dict[str, int] = {
    "un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
    "seize": 16, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50,
}
# Parts of a year before a year (« au deuxième trimestre 2025 »): dated by their year.
YEAR_PARTS: tuple[str, ...] = ("trimestre", "semestre")
ORDINALS: tuple[str, ...] = ("premier", "1er", "second", "deuxième", "2e", "troisième", "3e",
                             "quatrième", "4e", "dernier")

# Demonstratives that make a date the day of writing: « ce 9 octobre », « ce vendredi ».
DEICTIC_DETERMINERS: tuple[str, ...] = ("ce", "cet", "en ce")

# Words after a weekday that fix its direction whatever the verb tense.
WEEKDAY_DIRECTION: dict[str, int] = {
    "dernier": -1,  # « lundi dernier »
    "passé": -1,  # « lundi passé »
    "prochain": 1,  # « lundi prochain »
}

# Cues before a weekday saying it is the day of writing: « plus tard vendredi » (later today).
SAME_DAY_CUES: tuple[str, ...] = ("plus tard", "plus tôt", "ce", "dans la journée de")

# Verb forms marking a future (or future-in-the-past) event around an expression.
FUTURE_CUES: tuple[str, ...] = (
    r"sera",
    r"seront",
    r"aura",
    r"auront",
    r"va",
    r"vont",
    r"doit",
    r"doivent",
    r"devra",
    r"devront",
    r"devait",
    r"devaient",
    r"devant",  # « devant avoir lieu »
    r"prévu",
    r"prévue",
    r"prévus",
    r"prévues",  # « prévu le 12 octobre »
    # What is expected or scheduled (« une évolution est attendue en août »): not a past,
    # though shaped like one.
    r"(?:est|sont|sera|seront)\s+(?:attendue?s?|programmée?s?|envisagée?s?|planifiée?s?)",
    r"expire",
    r"expirera",  # a mandate « expire en décembre 2025 »: present for a scheduled end
    r"prochain",
    r"prochaine",
    r"\w{3,}(?:erai|eras|era|erons|erez|eront|irai|iras|ira|irons|iront|dra|dront)",  # simple future
    r"\w{3,}(?:erait|eraient|irait|iraient)",  # conditional: future seen from a past report
    # The conditional of verbs with an irregular future stem (« devrait », « pourrait »,
    # « prendrait », « faudrait »), which the imperfect ending rule would read as past.
    r"\w*(?:ndr|devr|pourr|voudr|faudr|vaudr|saur|verr|mourr|courr|cevr)(?:ait|aient)",
)

# Words that look like a simple future but are not verbs (checked before FUTURE_CUES).
FUTURE_FALSE_FRIENDS: frozenset[str] = frozenset(
    {
        "caméra",
        "opéra",
        "sahara",
        "ultra",
        "contra",
        "véra",
        "vera",
        "mira",
        "tiara",
        "pandora",
        "hydra",
        "cobra",
        "algebra",
        "chimera",
        "zaporijia",
    }
)

# Verb forms marking a past event.
PAST_CUES: tuple[str, ...] = (
    # compound past: auxiliary then a participle, with up to three words between (« a pour sa part menacé »)
    r"(?:a|ont|avait|avaient|est|sont|était|étaient|eut|fut|furent|ayant|s'est|se sont)"
    r"(?:[-\s]t-(?:il|elle|on))?(?:\s+\w+){0,3}?\s+\w+(?:é|ée|és|ées|i|ie|is|it|u|ue|us|ert|int|ort)",
    r"était",
    r"étaient",  # imperfect of « être », too short for the ending rule below
    r"\w{3,}(?:ait|aient)",  # imperfect (after FUTURE_CUES so « devait » stays future)
    r"dernier",
    r"dernière",
    r"passé",
    r"précédent",
)

# Verbs that only report speech: ignored when a closer event verb is present.
REPORTING_VERBS: frozenset[str] = frozenset(
    {
        "déclaré",
        "dit",
        "ajouté",
        "affirmé",
        "annoncé",
        "indiqué",
        "noté",
        "précisé",
        "souligné",
        "rapporté",
        "expliqué",
        "estimé",
        "assuré",
    }
)

# Connectors that open a clause: a label is cut there.
CLAUSE_BREAKS: tuple[str, ...] = (",", ";", ":", " mais ", " alors que ", " lorsque ", " dont ")

# First words of a clause that can stand alone as a label (a subject), besides a capital.
SUBJECT_STARTS: frozenset[str] = frozenset(
    {
        "le",
        "la",
        "les",
        "l'",
        "un",
        "une",
        "des",
        "il",
        "elle",
        "ils",
        "elles",
        "on",
        "ce",
        "cette",
        "ces",
        "nous",
        "trois",
        "deux",
        "plusieurs",
    }
)

# Words opening an adjunct (« Au cours d'une guerre … en 2020, ») rather than the event itself.
ADJUNCT_STARTS: tuple[str, ...] = (
    "au cours",
    "lors",
    "pendant",
    "durant",
    "après",
    "avant",
    "depuis",
    "dès",
    "en",
    "à",
    "d'après",
    "selon",
    "dans",
    "plus tôt",
    "plus tard",
)

# French function words and generic news words that carry no event identity.
STOPWORDS: frozenset[str] = frozenset(
    [
        "a",
        "à",
        "afin",
        "ai",
        "aient",
        "ainsi",
        "alors",
        "après",
        "au",
        "aucun",
        "aussi",
        "autre",
        "autres",
        "aux",
        "avait",
        "avaient",
        "avant",
        "avec",
        "avoir",
        "ayant",
        "bien",
        "c",
        "ce",
        "ceci",
        "cela",
        "celle",
        "celles",
        "celui",
        "cependant",
        "ces",
        "cet",
        "cette",
        "ceux",
        "chaque",
        "comme",
        "contre",
        "d",
        "dans",
        "de",
        "des",
        "deux",
        "doit",
        "donc",
        "dont",
        "du",
        "elle",
        "elles",
        "en",
        "encore",
        "entre",
        "est",
        "et",
        "été",
        "était",
        "être",
        "eu",
        "eux",
        "fait",
        "faire",
        "fois",
        "hier",
        "il",
        "ils",
        "jour",
        "l",
        "la",
        "le",
        "les",
        "leur",
        "leurs",
        "lors",
        "lui",
        "m",
        "ma",
        "mais",
        "me",
        "même",
        "mêmes",
        "mes",
        "moins",
        "n",
        "ne",
        "ni",
        "non",
        "nos",
        "notre",
        "nous",
        "on",
        "ont",
        "ou",
        "où",
        "par",
        "parce",
        "pas",
        "pendant",
        "peu",
        "peut",
        "plus",
        "plusieurs",
        "pour",
        "pourrait",
        "puis",
        "qu",
        "quand",
        "que",
        "quel",
        "quelle",
        "quelles",
        "quels",
        "qui",
        "s",
        "sa",
        "sans",
        "se",
        "selon",
        "ses",
        "seront",
        "si",
        "son",
        "sont",
        "sous",
        "sur",
        "ta",
        "te",
        "tes",
        "toi",
        "ton",
        "tous",
        "tout",
        "toute",
        "toutes",
        "très",
        "tu",
        "un",
        "une",
        "vers",
        "vos",
        "votre",
        "vous",
        "y",
        "déclaré",
        "déclare",
        "dit",
        "ajouté",
        "affirmé",
        "annoncé",
        "indiqué",
        "noté",
        "précisé",
        "souligné",
        "rapporté",
        "selon",
        "également",
        "nouveau",
        "nouveaux",
        "nouvelle",
        "nouvelles",
        "fin",
        "début",
        "mois",
        "année",
        "années",
        "semaine",
        "jour",
        # Day and month names: every dated sentence has them, they tell nothing apart.
        *WEEKDAYS,
        *MONTH_NAMES,
        "ce",
        "cette",
        "ces",
        "plus",
        "tard",
        "tôt",
        "matin",
        "soir",
        "lieu",
        "cours",
        "côté",
        "part",
    ]
)

# Event kinds: surface stems (accent-folded) that name the same kind of happening.
# Two reports share a kind when they use any stem of it, so « pourparlers » meets « négociations ».
EVENT_KINDS: dict[str, tuple[str, ...]] = {
    "talks": (
        "pourparler",
        "negociation",
        "entretien",
        "consultation",
        "rencontre",
        "reunion",
        "sommet",
        "discussion",
        "discuter",
        "rencontrer",
    ),
    "fighting": (
        "guerre",
        "affrontement",
        "combat",
        "hostilite",
        "offensive",
        "attaque",
        "bombardement",
        "conflit",
    ),
    "outbreak": ("eclate", "declenche", "commence", "repris", "reprise"),
    "ceasefire": ("cessez-le-feu", "treve", "armistice"),
    "agreement": ("accord", "traite", "convenu", "signe", "conclu"),
    "call": ("telephon", "appel", "conversation"),
    "control": ("occupe", "occupation", "controle", "tenu", "tiennent"),
    "creation": ("cree", "creation", "fonde", "fondation", "institue"),
    "invitation": ("invite", "invitation", "accueill", "recu", "recevoir"),
    "letter": ("lettre", "courrier", "missive"),
    "mandate": ("mandat", "expire", "prolongation"),
}

# Kinds describing a lasting state: « sous le contrôle … depuis 1994 ». Two sources giving
# different start dates for the same state contradict each other; a punctual event may recur.
STATE_KINDS: frozenset[str] = frozenset({"control"})

# Minimum evidence to call two reports of one date the same event. Evidence is one point per
# shared event kind plus, per shared key term, 1 / (number of dates the term appears at): a term
# present around every date (the countries every article names) weighs almost nothing.
TERM_FULL_WEIGHT_DATES = 2  # a term at up to two dates weighs 1, at n dates 2 / n
MERGE_MIN_SCORE_ACROSS = 3.0  # two briefings: « guerre … a éclaté » / « affrontements ont éclaté »
MERGE_MIN_SCORE_WITHIN = 4.0  # one briefing repeating itself says more than a shared topic
MERGE_NO_KIND_EXTRA = 2.0  # without a shared kind, that much more evidence is needed
DISPUTE_MIN_SHARED_TERMS = 2  # two « depuis » states about the same parties, e.g. armeni + azerba

# Length of the accent-folded prefix used as a key term: « arménien », « arménie » → « armeni ».
TERM_STEM = 6

# Longest label shown, in words; the rest is cut with an ellipsis.
LABEL_MAX_WORDS = 16
# How many words past LABEL_MAX_WORDS a label may run to keep its verb (« …, les dirigeants du
# Mali, du Burkina Faso et du Niger ont signé le traité »).
LABEL_VERB_SLACK = 8

# Words before « de » + a date that are no event of their own: prepositional phrases and time
# nouns (« à partir de 2030 », « dans la matinée de dimanche », « le deuxième week-end
# d'avril »); the date dates the clause around them, not them.
NOT_NOMINAL_HEADS: frozenset[str] = frozenset({
    "partir", "compter", "lors", "près", "autour", "cours", "courant", "suite", "matinée",
    "nuit", "soirée", "journée", "matin", "soir", "week-end", "semaine", "mois", "année",
    "début", "fin", "milieu", "veille", "lendemain", "date", "jour", "heure", "heures",
})

# Past participles of verbs built with « être » (the others make a passive with « a été »):
# « l'explosion survenue lundi » is « l'explosion est survenue lundi ».
ETRE_PARTICIPLES: tuple[str, ...] = (
    "arrivé", "parti", "venu", "revenu", "devenu", "survenu", "intervenu", "entré", "rentré",
    "sorti", "monté", "descendu", "tombé", "mort", "décédé", "né", "resté", "retourné", "passé",
)

# Determiners before a noun that a day date completes (« la déclaration du 9 novembre », « cet
# accord du 10 novembre »): such a date names an act, and the clause's verb does not tell when
# the article was written relative to it.
NOUN_DETERMINERS: tuple[str, ...] = (
    "la", "le", "les", "l'", "l’", "cette", "ce", "cet", "ces", "sa", "son", "ses", "leur",
    "leurs", "une", "un",
)

# Endings of the third-person finite forms of first-group verbs (present, imperfect, simple
# past, future, conditional; news prose has no « tu »), each with what turns the form back
# into the infinitive: « annonce » -> « annoncer », « signèrent » -> « signer ». Irregular
# verbs come from the model's lookups.
ER_FINITE_ENDINGS: tuple[tuple[str, str], ...] = (
    ("e", "er"), ("ent", "er"), ("ait", "er"), ("aient", "er"), ("a", "er"),
    ("èrent", "er"), ("era", "er"), ("eront", "er"), ("erait", "er"), ("eraient", "er"),
    # -oyer verbs write « i » before a mute « e » (« la société emploie »).
    ("oie", "oyer"), ("oient", "oyer"),
)
# Prepositions shaped like a verb's form (« contre » of « contrer », « suivant »): after a
# noun they open its complement (« l'assaut de l'armée contre le siège »), they tell no fact.
PREPOSITIONS_LIKE_VERBS: frozenset[str] = frozenset({
    "contre", "entre", "devant", "derrière", "durant", "suivant", "touchant", "concernant",
    "moyennant", "nonobstant", "outre", "face",
})
# Finite endings that look like a participle's (« emploie », « envoie »: no participle ends
# in « -oie »).
FINITE_DESPITE_ENDINGS: tuple[str, ...] = ("oie",)
# Endings of the forms the lookups list that are not finite: participles (« prise », « élus »)
# and present participles (« annonçant »). « dit », « fait » stay: finite as often as not.
NON_FINITE_ENDINGS: tuple[str, ...] = (
    "é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue", "us", "ues", "ise", "ises",
    "ite", "ites", "te", "tes", "ant",
)
# Words after which a verb-looking word is a noun: determiners and prepositions (« une
# annonce », « la baisse », « sur place »).
NOUN_OPENERS: frozenset[str] = frozenset({
    "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "au", "aux", "ce", "cet",
    "cette", "ces", "son", "sa", "ses", "leurs", "mon", "ma", "mes", "notre", "nos", "votre",
    "vos", "à", "en", "par", "pour", "sur", "sous", "dans", "avec", "sans", "chez", "vers",
    "entre", "contre", "après", "avant", "depuis", "pendant", "selon", "chaque", "quelque",
    "plusieurs", "certains", "certaines", "aucun", "aucune", "tout", "toute", "tous", "toutes",
    "et", "ou", "quel", "quelle",
})
# Subject pronouns and clitics: the verb-looking word after them is a verb (« il entre »,
# « elle se présente », « qui signe », « ne reste »).
SUBJECT_CLITICS: frozenset[str] = frozenset({
    "il", "elle", "ils", "elles", "on", "je", "j'", "tu", "nous", "vous", "qui", "ce", "c'",
    "cela", "ça", "ne", "n'", "se", "s'", "y", "lui", "leur", "me", "m'", "te", "t'", "qu'",
})
# Adverbs between a determiner and its adjective (« une très forte hausse »).
DEGREE_ADVERBS: frozenset[str] = frozenset({"très", "plus", "moins", "aussi", "si", "trop",
                                            "assez", "encore", "bien"})

# Seasons and the month in their middle, which chooses their year like a bare month does
# (« à l'automne » told in the past in May 2025 is autumn 2024). Winter straddles two years:
# it is left out.
SEASONS: dict[str, int] = {"printemps": 4, "été": 7, "automne": 10}
# What makes a season word a time (« à l'automne », « cet été », « depuis le printemps »), not a
# name (« le Printemps arabe ») or a subject.
SEASON_LEADS: tuple[str, ...] = (
    "à l'", "à l’", "au", "en", "cet", "ce", "depuis l'", "depuis l’", "depuis le", "dès l'",
    "dès l’", "dès le", "pendant l'", "pendant l’", "pendant le", "durant l'", "durant l’",
    "durant le", "jusqu'à l'", "jusqu’à l’", "avant l'", "avant l’", "après l'", "après l’",
    "fin de l'", "fin de l’", "début de l'", "début de l’", "courant de l'", "courant de l’",
)
# Words after a season giving its direction: « l'automne dernier », « l'été prochain ».
SEASON_DIRECTION: dict[str, int] = {"dernier": -1, "passé": -1, "prochain": 1}
# Adverbs that may stand before a participle opening an apposition (« La société, déjà placée
# sous protection le 21 novembre, … »): the piece still opens on its participle.
PARTICIPLE_ADVERBS: frozenset[str] = frozenset({
    "déjà", "récemment", "longtemps", "ensuite", "alors", "aussi", "également", "finalement",
    "officiellement", "brièvement", "notamment", "jadis", "autrefois", "naguère",
})
# Verbs whose infinitive complement tells what is to come (« ont appelé à manifester jeudi »,
# « a décidé de reporter le vote au 12 mai »): the date is the infinitive's, ahead of the call.
PROSPECTIVE_VERBS: tuple[str, ...] = (
    "appelé", "appelée", "appelés", "appelées", "demandé", "exhorté", "invité", "invitée",
    "invités", "décidé", "promis", "menacé", "convoqué", "convoquée", "convoqués", "prévu",
    "proposé", "annoncé son intention", "s'est engagé", "se sont engagés", "compte", "comptent",
    "entend", "entendent", "envisage", "envisagent", "prévoit", "prévoient",
)
# Participles of what is expected or scheduled, accent-folded, without their final « e » and
# « s »: « attendue jeudi », « programmé en mars » tell a future, not a past.
PROSPECTIVE_PARTICIPLES: frozenset[str] = frozenset({
    "attendu", "programm", "envisag", "planifi", "prevu", "annonc", "promi", "fix",
})
