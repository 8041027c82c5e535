"""French lexicon for actor extraction: places and bodies, titles, evidence cues, folds (data)."""

from __future__ import annotations

# Gazetteer: surface form -> (canonical French name, kind, state it may stand for).
# Kinds follow DESIGN.md §4. A place "stands for" a state when the press uses it by metonymy
# ("a ajouté Moscou"), which matters only when it is a speaker.
GAZETTEER: dict[str, tuple[str, str, str | None]] = {
    # States come from pycountry (gazetteer.py); only places and bodies are listed here.
    # Capitals and cities: places that stand for their state when they "speak".
    "Moscou": ("Moscou", "place", "Russie"),
    "Bakou": ("Bakou", "place", "Azerbaïdjan"),
    "Erevan": ("Erevan", "place", "Arménie"),
    "Ankara": ("Ankara", "place", "Turquie"),
    "Paris": ("Paris", "place", "France"),
    "Washington": ("Washington", "place", "États-Unis"),
    "Kiev": ("Kiev", "place", "Ukraine"),
    "Bruxelles": ("Bruxelles", "place", None),  # stands for the EU as much as for Belgium
    "Genève": ("Genève", "place", None),
    "Minsk": ("Minsk", "place", None),  # alone; "groupe de Minsk" is an organisation below
    "Sotchi": ("Sotchi", "place", None),
    "Stepanakert": ("Stepanakert", "place", None),  # main town of Karabakh
    "Khankendi": ("Stepanakert", "place", None),  # its Azerbaijani name, official since 2023
    "Latchine": ("Latchine", "place", None),  # the corridor's town; NER often says person
    "Lachin": ("Latchine", "place", None),  # English and Azerbaijani spelling
    "Choucha": ("Choucha", "place", None),
    "Chouchi": ("Choucha", "place", None),  # Armenian name of the same town
    # Regions: the Armenian name (Artsakh) is the same region, never a person.
    "Haut-Karabakh": ("Haut-Karabakh", "place", None),
    "Haut-Karabagh": ("Haut-Karabakh", "place", None),  # older French transliteration
    "Nagorny-Karabakh": ("Haut-Karabakh", "place", None),  # Russian-style name
    "Nagorno-Karabakh": ("Haut-Karabakh", "place", None),  # English-style name
    "Karabakh": ("Haut-Karabakh", "place", None),
    "Karabagh": ("Haut-Karabakh", "place", None),
    "Artsakh": ("Haut-Karabakh", "place", None),  # Armenian name; NER tags it PER
    "Caucase": ("Caucase", "place", None),
    "Caucase du Sud": ("Caucase", "place", None),
    "mer Noire": ("mer Noire", "place", None),  # lowercase common noun, NER alone drops it
    "Europe": ("Europe", "place", None),
    # Organisations: institutions, alliances, press agencies.
    "Kremlin": ("Kremlin", "organisation", None),  # the Russian presidency; NER says LOC/PER
    "ministère russe des Affaires étrangères": (
        "Ministère russe des Affaires étrangères", "organisation", None),
    "OSCE": ("OSCE", "organisation", None),
    "Organisation pour la sécurité et la coopération en Europe": ("OSCE", "organisation", None),
    "groupe de Minsk": ("Groupe de Minsk", "organisation", None),  # OSCE mediation body
    "CEI": ("CEI", "organisation", None),  # Communauté des États indépendants
    "Communauté des États indépendants": ("CEI", "organisation", None),
    "Conseil européen": ("Conseil européen", "organisation", None),
    "Union européenne": ("Union européenne", "organisation", None),
    "UE": ("Union européenne", "organisation", None),
    "Vingt-Sept": ("Union européenne", "organisation", None),  # the member states as one body
    "ONU": ("ONU", "organisation", None),
    "Nations unies": ("ONU", "organisation", None),  # the usual short form of the full name
    # Agencies of the UN system and other bodies the press names by acronym without defining it.
    "OMS": ("OMS", "organisation", None),
    "Organisation mondiale de la santé": ("OMS", "organisation", None),
    "FMI": ("FMI", "organisation", None),
    "Fonds monétaire international": ("FMI", "organisation", None),
    "OMC": ("OMC", "organisation", None),
    "Organisation mondiale du commerce": ("OMC", "organisation", None),
    "AIEA": ("AIEA", "organisation", None),
    "Agence internationale de l’énergie atomique": ("AIEA", "organisation", None),
    "HCR": ("HCR", "organisation", None),  # the UN refugee agency
    "Unicef": ("Unicef", "organisation", None),
    "Unesco": ("Unesco", "organisation", None),
    "CPI": ("CPI", "organisation", None),
    "Cour pénale internationale": ("CPI", "organisation", None),
    "BCE": ("BCE", "organisation", None),
    "Banque centrale européenne": ("BCE", "organisation", None),
    "Commission européenne": ("Commission européenne", "organisation", None),
    "Parlement européen": ("Parlement européen", "organisation", None),
    "Organisation des Nations unies": ("ONU", "organisation", None),
    "OTAN": ("OTAN", "organisation", None),
    "Conseil de coopération des États turcophones": (
        "Conseil de coopération des États turcophones", "organisation", None),
    "G7": ("G7", "organisation", None),  # forums of states: bodies, never places
    "G20": ("G20", "organisation", None),
    # Seats of power the press names for the office they house (« Matignon a indiqué », « à
    # l’Élysée »): the office, an organisation, not the building.
    "Élysée": ("Élysée", "organisation", None),  # the French presidency
    "Matignon": ("Matignon", "organisation", None),  # the French Prime Minister's office
    "Bercy": ("Bercy", "organisation", None),  # the French economy ministry, named by its site
    "Quai d’Orsay": ("Quai d’Orsay", "organisation", None),  # the French foreign ministry
    "Quai d'Orsay": ("Quai d’Orsay", "organisation", None),
    "Maison-Blanche": ("Maison-Blanche", "organisation", None),  # the US presidency
    "Maison Blanche": ("Maison-Blanche", "organisation", None),
    "Pentagone": ("Pentagone", "organisation", None),  # the US defence department
    "Downing Street": ("Downing Street", "organisation", None),  # the British PM's office
    # French parties, by the acronym the press uses alone (« le député LR »; not « PS », also
    # Belgium's, Switzerland's, Senegal's and Portugal's socialist party), and by the names
    # no common noun phrase shares (a multiword form matches in any case: « les républicains »
    # of the United States, « un rassemblement national » are no party; the model finds the
    # capitalised names, which join their acronym's page by name).
    "LR": ("Les Républicains", "organisation", None),
    "RN": ("Rassemblement national", "organisation", None),
    "La France insoumise": ("La France insoumise", "organisation", None),
    "LFI": ("La France insoumise", "organisation", None),
    "Europe Écologie-Les Verts": ("Les Écologistes", "organisation", None),  # renamed in 2023
    "EELV": ("Les Écologistes", "organisation", None),
    "Parti communiste français": ("Parti communiste français", "organisation", None),
    "PCF": ("Parti communiste français", "organisation", None),
    "MoDem": ("MoDem", "organisation", None),
    "Horizons": ("Horizons", "organisation", None),  # capitalised mid-sentence: the party
    "Reconquête": ("Reconquête", "organisation", None),
    "Nouveau Front populaire": ("Nouveau Front populaire", "organisation", None),
    "NFP": ("Nouveau Front populaire", "organisation", None),
    # French constitutional bodies, named alone in every political article.
    "Sénat": ("Sénat", "organisation", None),
    "Assemblée nationale": ("Assemblée nationale", "organisation", None),
    "Conseil constitutionnel": ("Conseil constitutionnel", "organisation", None),
    "Conseil d’État": ("Conseil d’État", "organisation", None),
    "Conseil d'État": ("Conseil d’État", "organisation", None),
    "Cour des comptes": ("Cour des comptes", "organisation", None),
    "Cour de cassation": ("Cour de cassation", "organisation", None),
    # Press agencies and outlets are media (kind « media »), linked to their outlet notes.
    "TASS": ("TASS", "media", None),
    "AFP": ("AFP", "media", None),
    "Agence France-Presse": ("AFP", "media", None),
    "RIA": ("RIA Novosti", "media", None),  # the short form is common
    "RIA Novosti": ("RIA Novosti", "media", None),
    "Interfax": ("Interfax", "media", None),
    "Interfax-Azerbaïdjan": ("Interfax-Azerbaïdjan", "media", None),  # distinct agency
    "Reuters": ("Reuters", "media", None),
    "Associated Press": ("Associated Press", "media", None),
    "Anadolu": ("Anadolu", "media", None),  # Turkish state agency
    "Armenpress": ("Armenpress", "media", None),  # Armenian state agency
    "APA": ("APA", "media", None),  # Azerbaijani agency
    "Sputnik": ("Sputnik", "media", None),
}

# Canonical names of press agencies: an agency named with a relay cue is a source, not a speaker.
AGENCIES: frozenset[str] = frozenset({
    "TASS", "AFP", "RIA Novosti", "Interfax", "Interfax-Azerbaïdjan", "Reuters",
    "Associated Press", "Anadolu", "Armenpress", "APA", "Sputnik",
})

# Phrases that name an institution without naming it; used only to resolve a speaker.
INSTITUTION_DESCRIPTORS: dict[str, str] = {
    "présidence russe": "Kremlin",  # the Kremlin is the seat and shorthand of the presidency
    "bureau du président russe": "Kremlin",  # RFE/RL's rendering of the presidential office
    "administration présidentielle russe": "Kremlin",
    "diplomatie russe": "Ministère russe des Affaires étrangères",
}

# Capitalised words that NER takes for names but are not actors.
NOT_NAMES: frozenset[str] = frozenset({
    "Refuser", "Veuillez", "Accepter",  # cookie and password-reset buttons
    "Stringer",  # Reuters credit for a freelance photographer, not a person's name
    "États", "Etats", "État", "Etat",  # "les États qui se trouvent à des milliers de km"
    "Arméniens", "Azerbaïdjanais", "Russes", "Turcs",  # demonyms: peoples, not actors
    "INTERNATIONAL", "FLASH",  # section labels in datelines
})

# Markers of boilerplate lines; a paragraph carrying one yields no actor at all.
BOILERPLATE_CUES: tuple[str, ...] = (
    "Présidence d’Honneur",  # event teaser with a mayor's name
    "Présidence d'Honneur",
    "©",  # photo credit
    "REUTERS/",  # agency photo credit "© REUTERS/Stringer"
    "AFP PHOTO",
    "Crédit photo",
    "A lire aussi",
    "À lire aussi",
    "La rédaction vous conseille",
)

# Title heads opening an apposition ("le président russe Vladimir Poutine"); longest first.
TITLE_HEADS: tuple[str, ...] = (
    "Premier ministre", "premier ministre",  # case varies by outlet
    "vice-premier ministre", "vice-président", "vice-présidente",
    "co-président", "coprésident",
    "secrétaire général adjoint", "secrétaire générale", "secrétaire général",
    "haut représentant", "haute représentante",
    "envoyé spécial", "envoyée spéciale",
    "chef de la diplomatie", "chef d’état-major",
    "porte-parole", "présidente", "président", "ministre",
    "assistant", "assistante", "conseiller", "conseillère",
    "dirigeant", "dirigeante", "chef", "cheffe", "leader",
    "ambassadeur", "ambassadrice", "représentant", "représentante",
    "chancelier", "chancelière", "maire", "député", "députée", "sénateur", "sénatrice",
    "directeur", "directrice", "commandant", "général", "roi", "reine", "émir", "patriarche",
    "professeur", "professeure", "docteur", "capitaine", "colonel", "lieutenant", "entraîneur",
    "juge", "procureur", "procureure", "pape", "prince", "princesse", "imam", "ayatollah",
    "commissaire", "maréchal", "amiral", "gouverneur", "gouverneure", "sénateur", "médiateur", "ministre-président",
)

# Titles that name their holder with a given name alone (« le roi Philippe », « la reine
# Mathilde », « le pape François »): with the title, the given name is a full name.
ROYAL_TITLES: tuple[str, ...] = (
    "roi", "reine", "prince", "princesse", "pape", "émir", "cheikh", "sultan", "grand-duc",
    "grande-duchesse", "empereur", "impératrice", "infante", "infant",
)

# Heads that mean the same office, so "le chef de Bakou" can corefer with "dirigeant de Bakou".
HEAD_EQUIVALENTS: dict[str, str] = {
    "dirigeant": "chef", "dirigeante": "chef", "cheffe": "chef", "leader": "chef",
    "présidente": "président", "ministre des affaires étrangères": "chef de la diplomatie",
}

# Words that end an apposition: a verb or a coordination means the title is over.
APPOSITION_STOPWORDS: frozenset[str] = frozenset({
    "a", "ont", "est", "sont", "avait", "était", "sera", "et", "ou", "avec", "à", "au", "aux",
    "sur", "par", "pour", "que", "qui", "dont", "mais", "lors", "selon", "entre", "dans",
})

# Civilities that make the next capitalised word a person.
CIVILITIES: tuple[str, ...] = ("M.", "Mme", "Mlle", "MM.", "Me", "Dr", "Pr", "Mgr")

# Verbs of saying (past participles after "a"/"a-t-il", or other forms before a quote).
SAYING_PARTICIPLES: tuple[str, ...] = (
    "déclaré", "ajouté", "noté", "affirmé", "indiqué", "souligné", "précisé", "expliqué",
    "poursuivi", "lancé", "dit", "répondu", "estimé", "assuré", "martelé", "rappelé",
    "averti", "insisté", "écrit", "confié", "menacé", "annoncé", "déploré", "dénoncé",
    "fait valoir", "fait savoir", "commenté", "réagi", "conclu", "tranché", "plaidé",
    "reconnu", "admis", "prévenu", "jugé", "considéré", "observé", "relevé", "signalé",
    "demandé", "appelé", "parlé", "rapporté", "cité",
)
SAYING_OTHER_FORMS: tuple[str, ...] = (
    "déclare", "déclarant", "déclarer", "dit", "dire", "affirme", "affirmant", "affirmer",
    "lancer", "lance", "ajoute", "ajoutant", "ajouter", "estime", "estimant", "assure",
    "souligne", "soulignant", "demande", "demandant", "appelle", "indique", "indiquant",
    "explique", "expliquant", "écrit", "écrivant", "répond", "répondant", "note", "notant",
    "menace", "insiste", "martèle", "prévient", "poursuit", "conclut", "disant",
)

# Cues that turn "X" into a relayed source ("selon TASS", "a déclaré à l'AFP").
RELAY_CUES: tuple[str, ...] = (
    "selon", "Selon", "d’après", "D’après", "d'après", "D'après",
    "cité par", "citée par", "cités par", "citées par",
    "rapporte", "a rapporté", "rapportait", "relaie", "a relayé",
    "a déclaré à", "a affirmé à", "a indiqué à", "a dit à", "a confié à", "a précisé à",
    "a-t-il déclaré à", "a-t-elle déclaré à", "a-t-il dit à", "a-t-elle dit à",
    "a expliqué à", "a assuré à",
)

# Transliteration folds, applied in order to lowercase unaccented text, so that French and
# English spellings of one name meet (Pachinian/Pashinyan, Ouchakov/Ushakov, Aliev/Aliyev).
TRANSLIT_FOLDS: tuple[tuple[str, str], ...] = (
    (r"tch", "ch"),  # French tch = English ch (Tchernenko/Chernenko) before ch -> sh
    (r"ch", "sh"),  # French ch = English sh (Pachinian/Pashinian)
    (r"zh", "j"),  # English zh = French j (Zhirinovsky/Jirinovski)
    (r"dj", "j"),  # French dj = English j (Azerbaïdjan/Azerbaijan)
    (r"ou", "u"),  # French ou = English u (Ouchakov/Ushakov)
    (r"kh", "h"),  # kh/gh/h variants of one Cyrillic or Armenian letter (Karabakh/Karabagh)
    (r"gh", "h"),
    (r"gu(?=[eiy])", "g"),  # French gu before e/i is a hard g (Sergueï/Sergey)
    (r"y", "i"),  # y/i (Pashinyan/Pashinian, Aliyev/Aliev once doubles collapse)
    (r"w", "v"),  # German-style w (Wladimir/Vladimir)
    (r"ff\b", "v"),  # German-style final ff (Romanoff/Romanov)
    (r"(?<=[^aeiu\s])e\b", ""),  # French mute final e (Poutine/Putin, Medvedev kept)
    (r"(.)\1", r"\1"),  # doubled letters (Aliiev -> Aliev, Pashinnian)
)

# Name particles that are not a surname on their own ("Ursula von der Leyen").
NAME_PARTICLES: frozenset[str] = frozenset({
    "de", "du", "des", "d’", "d'", "la", "le", "von", "van", "der", "den", "al", "el", "ben",
    "bin", "ibn", "da", "di", "dos",
})

# Word-initial sequences impossible in edited French; they betray a removed hyperlink.
GAP_PATTERNS: tuple[str, ...] = (
    r"\b(?:la|le|les|du|des|de|en|par|aux|au|l’|l')\s+(?:et|ou|,|\.|\)|\(|;|:)",
    r"\s{2,}",  # a doubled space where a word was lost
    r"^\s*(?:et|ou)\b",  # a span cannot open on a conjunction
)

# ------------------------------------------------------------------ evidence for a mention

# Words before a name that make it a media outlet ("le quotidien Hürriyet", "la chaîne France 24").
MEDIA_CUES: tuple[str, ...] = (
    "quotidien", "hebdomadaire", "journal", "magazine", "mensuel", "chaîne", "télévision",
    "radio", "agence", "site", "média", "journaliste de", "éditorialiste de", "rédaction de",
)

# Words that make a name a newspaper's or a broadcaster's when they open it before other
# capitalised words (« Radio Okapi ») or close it after them (« Edmonton Journal », « Kyiv
# Independent »); before a lowercase word they name a publication of record (« Journal officiel »).
MEDIA_NAME_WORDS: tuple[str, ...] = (
    "Radio", "Radiodiffusion", "Radiotélévision", "Télévision", "TV", "Journal", "Times", "Post", "News", "Gazette",
    "Herald", "Tribune", "Zeitung", "Independent", "Chronicle", "Telegraph",
)

# Public bodies named after the place they serve: with the place, they are the body
# (« la préfecture de la Gironde », « le parquet de Bordeaux », « l’ambassade de France »),
# an organisation, not the place.
INSTITUTION_NOUNS: tuple[str, ...] = (
    "préfecture", "sous-préfecture", "parquet", "tribunal", "tribunal judiciaire",
    "tribunal administratif", "cour d’appel", "cour d'appel", "mairie", "conseil départemental",
    "conseil régional", "conseil municipal", "rectorat", "ambassade", "consulat",
    "gendarmerie", "préfecture de police", "tribunal correctionnel", "tribunal de commerce",
    "tribunal de grande instance", "cour d’assises", "cour d'assises", "cour criminelle",
    "cour administrative d’appel", "cour administrative d'appel", "conseil de prud’hommes",
    "conseil de prud'hommes", "métropole", "communauté de communes", "équipe", "sélection",
    "communauté d’agglomération", "communauté d'agglomération", "université", "académie",
)

# Words before a name that make it a body (« l’équipe Red Bull », « le groupe islamiste HTS »,
# « l’agence de notation Fitch », « le constructeur Stellantis »).
ORGANISATION_CUES: tuple[str, ...] = (
    "équipe", "club", "groupe", "société", "entreprise", "compagnie", "constructeur",
    "opérateur", "gestionnaire", "fabricant", "firme", "banque", "assureur", "syndicat", "parti",
    "association", "ONG", "fondation", "institut", "office", "cabinet", "laboratoire", "géant",
    "fonds", "holding", "agence de notation", "organisation", "alliance", "coalition",
    "collectif", "mouvement", "réseau", "fédération", "union", "confédération", "think tank",
    "famille", "dynastie", "clan", "filiale", "start-up", "multinationale",
    "centrale syndicale", "intersyndicale", "confédération syndicale",
)

# Capitalised heads that make a name the model calls a place an institution (« la Bourse de
# Milan », « la Métropole Nice Côte d’Azur », « le Département », « la Région Sud »): capitalised,
# these nouns name the body, not its territory.
INSTITUTION_HEADS: tuple[str, ...] = (
    "Région", "Département", "Métropole", "Ville", "Commune", "Préfecture", "Mairie", "Bourse",
    "Banque", "Caisse", "Université", "Académie", "Agence", "Office", "Institut", "Fondation",
    "Ministère", "Direction", "Commissariat", "Haut-Commissariat", "Conseil", "Cour",
    "Tribunal", "Parquet", "Chambre", "Communauté", "Collectivité", "Syndicat", "Compagnie",
    "Société", "Groupe", "Club", "Association", "Fédération", "Union", "Ligue",
)

# Sports clubs' affixes (« Milan AC », « FC Barcelone », « RC Lens », « AS Monaco »): a club.
CLUB_AFFIXES: tuple[str, ...] = (
    "AC", "FC", "SC", "AS", "RC", "CF", "OGC", "CA", "SCO", "ESTAC", "US", "AJ", "SM", "RB",
    "Racing", "Olympique", "Stade", "Sporting", "Real", "Atlético", "Inter", "Dynamo", "Spartak",
)

# Legal forms closing a company's name (« Northvolt AB », « Apple Inc. »): the company, the same
# as its name without them.
LEGAL_FORMS: tuple[str, ...] = (
    "AB", "SA", "S.A.", "SAS", "SARL", "SE", "Inc.", "Inc", "Ltd", "Ltd.", "GmbH", "AG", "NV",
    "N.V.", "plc", "PLC", "LLC", "Corp.", "Corp", "SpA", "S.p.A.", "BV", "ASA", "Oyj",
)

# Nouns before a work's or a storm's name (« le film Barbie », « son album Hyperdrama »,
# « le cyclone Garance »): the name is a title or an event, never an actor.
WORK_NOUNS: tuple[str, ...] = (
    "film", "long-métrage", "court-métrage", "documentaire", "série", "album", "disque",
    "single", "chanson", "titre", "tube", "morceau", "roman", "livre", "essai", "recueil",
    "pièce", "opéra", "spectacle", "tableau", "jeu vidéo", "émission", "podcast", "feuilleton",
    "cyclone", "tempête", "ouragan", "typhon", "tornade",
)

# Who makes a work: the name after « la réalisatrice de », « l’auteur de » is a title.
WORK_AUTHORS: tuple[str, ...] = (
    "réalisateur", "réalisatrice", "auteur", "autrice", "auteure", "scénariste", "romancier",
    "romancière", "compositeur", "compositrice", "dessinateur", "dessinatrice", "metteur en scène",
    "metteuse en scène",
)

# Ministerial portfolios, capitalised, that the press gives alone (« David Clarinval (MR) à
# l’Emploi », « la ministre de la Santé », « au Budget »): a portfolio, not a body or a place.
PORTFOLIOS: frozenset[str] = frozenset({
    "Affaires étrangères", "Agriculture", "Armées", "Budget", "Climat", "Commerce", "Culture",
    "Défense", "Économie", "Éducation", "Emploi", "Énergie", "Enseignement supérieur",
    "Environnement", "Finances", "Fonction publique", "Industrie", "Intérieur", "Justice",
    "Logement", "Mobilité", "Numérique", "Outre-mer", "Recherche", "Santé", "Solidarités",
    "Sports", "Transports", "Transition écologique", "Travail", "Urbanisme", "Habitat",
})

# Nouns naming a thing after a person or a place (« la maladie d’Alzheimer », « le syndrome de
# Down », « l’effet Larsen »): the name completes the noun and names no actor.
EPONYM_NOUNS: tuple[str, ...] = (
    "maladie", "syndrome", "théorème", "effet", "loi", "complexe", "principe", "méthode",
    "échelle", "test", "prix", "médaille", "trophée", "coupe",
)

# Words after « agence » that make it a public or private body, not a press agency
# (« l’agence météorologique espagnole AEMET », « l’agence spatiale européenne »).
AGENCY_DOMAINS: tuple[str, ...] = (
    "notation", "météorologique", "météo", "spatiale", "sanitaire", "santé", "sécurité",
    "énergie", "environnement", "emploi", "nucléaire", "alimentaire", "médicament",
    "antidopage", "régionale", "immobilière", "bancaire", "financière", "monétaire",
)

# Words before "de X" or "X" that make X a place ("le corridor de Latchine", "à Paiporta",
# "le stade Francis-Le Blé", "boulevard François-Mitterrand").
PLACE_NOUNS: tuple[str, ...] = (
    "ville", "village", "localité", "commune", "région", "province", "district", "quartier",
    "banlieue", "faubourg", "corridor", "col", "vallée", "fleuve", "rivière", "lac", "mer",
    "île", "péninsule", "presqu'île", "frontière", "enclave", "capitale", "port", "aéroport",
    "gare", "stade", "place", "rue", "avenue", "boulevard", "pont", "mosquée", "église",
    "mail", "esplanade", "parc", "quai", "allée", "square", "jardin", "rond-point", "route",
    "enceinte", "centrale", "site", "barrage", "mine", "plage",
    "cathédrale", "palais", "prison", "base", "camp", "oblast", "territoire", "département",
    "mont", "monts", "pointe", "vallon", "cap", "golfe", "baie", "détroit", "massif", "forêt",
    "dune", "galerie",
)

# Place nouns that are part of the name they introduce: « la place des Omeyyades », « la
# centrale (nucléaire) de Zaporijia », « le corridor de Latchine », « le mail François-Mitterrand »,
# « la galerie d’Apollon » name a square, a plant, a road, a hall, not the city or the person
# after them. The other place nouns
# (« la ville de Brest », « la région d’Idlib ») only classify the name that follows; so do
# « stade » and « enceinte », since a venue goes by its own name (« au Roudourou »), and
# « vallée », named after its river (« la vallée de la Vesdre » is the Vesdre's).
LANDMARK_NOUNS: tuple[str, ...] = (
    "corridor", "col", "lac", "mer", "île", "péninsule", "presqu'île", "port",
    "aéroport", "gare", "place", "rue", "avenue", "boulevard", "pont", "mosquée",
    "église", "mail", "esplanade", "parc", "quai", "allée", "square", "jardin", "rond-point",
    "route", "centrale", "barrage", "mine", "plage", "cathédrale", "palais", "prison",
    "base", "camp", "mont", "monts", "pointe", "vallon", "cap", "golfe", "baie", "détroit",
    "massif", "forêt", "dune", "galerie", "basilique", "château", "abbaye", "chapelle",
    "monastère", "sanctuaire", "synagogue", "temple",
)

# Buildings named after their town (« l’Hôtel de Ville de Paris », « le Palais de Justice de
# Lyon »): a place, though capitalised like a body.
BUILDING_NOUNS: tuple[str, ...] = (
    "hôtel", "palais", "château", "musée", "théâtre", "opéra", "hôpital", "cathédrale", "basilique",
    "stade", "vélodrome", "aréna", "arena", "circuit", "aéroport", "gare",
)

# Prepositions of place: a name right after one, with no given name, is a place ("à Goris").
PLACE_PREPOSITIONS: tuple[str, ...] = (
    "à", "À", "A", "au", "près de", "vers", "depuis", "jusqu'à", "jusqu’à",  # « A Goris »: À unaccented
)

# Heads of common-noun phrases that the model takes for names when capitalised ("État
# nigérien", "Conseil national"): alone or with one lowercase adjective, they name nobody
# (« Conseil de sécurité » and longer names are kept).
GENERIC_HEADS: tuple[str, ...] = (
    "État", "Etat", "États", "Etats", "Comité", "Gouvernement", "Parlement", "Conseil", "Conférence", "Assemblée",
    "Armée", "Ministère", "Région", "Province", "Sommet", "Tribunal", "Cour", "Commission",
    "Constitution", "Loi", "Traité", "Accord",
)

# Heads of a state's own long name (« République d’Arménie », « Fédération de Russie »): before
# a state's name they are the state, not a body named after it (« Banque de France »).
STATE_HEADS: tuple[str, ...] = (
    "République", "Fédération", "Confédération", "Royaume", "Principauté", "Grand-Duché",
    "Émirat", "Émirats", "Sultanat", "État", "Etat", "États", "Etats",
)

# Possessive determiners: « son Comité de politique monétaire » is a body of another actor,
# named by a common noun, not a proper name of its own.
POSSESSIVES: tuple[str, ...] = ("son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre")

# Heads of competitions and projects: with only lowercase words after them, an event or a
# plan, never an actor (« Ligue des champions », « Coupe du monde », « Corridor gazier sud »);
# before « de », a race named after a place (« Tour de France »).
EVENT_HEADS: tuple[str, ...] = (
    "Ligue", "Coupe", "Championnat", "Jeux", "Tournoi", "Tour", "Festival", "Salon", "Corridor",
    "Mondial", "Biennale", "Exposition",
    "Gazoduc", "Oléoduc", "Plan", "Pacte", "Programme",
)

# Cardinal points: alone (« les pays du Sud global ») they name no actor.
CARDINAL_POINTS: frozenset[str] = frozenset({"Nord", "Sud", "Est", "Ouest"})

# Cues of a credit, byline or photographer before a name ("Photo : X", "Texte par :RFI").
CREDIT_CUES: tuple[str, ...] = (
    "©", "photo", "crédit", "credit", "illustration", "par", "texte par", "propos recueillis par",
    "avec", "envoyé spécial", "envoyée spéciale", "correspondant", "correspondante",
    "reportage", "version française", "édité par", "rédigé par", "traduit par", "légende",
)

# Endings of plural demonyms and group names ("les Brestois", "les Finistériens").
DEMONYM_ENDINGS: tuple[str, ...] = (
    "iens", "iennes", "ains", "aines", "ais", "aises", "ois", "oises", "ans", "anes", "éens",
    "éennes", "ins", "ines", "ites", "iotes", "ots", "ards",
)

# Determiners before a plural demonym ("les Brestois", "aux Autrichiens").
PLURAL_DETERMINERS: tuple[str, ...] = ("les", "des", "aux", "ces", "nos", "vos", "leurs")

# Phrases that give a person a second name ("plus connu sous son nom de guerre X").
ALSO_KNOWN_AS: tuple[str, ...] = (
    "nom de guerre", "connu sous le nom de", "son vrai nom", "de son vrai nom", "né sous le nom de",
    "se fait appeler", "alias", "surnommé", "sous le nom de", "pris le nom de",  # a pope's name
    "choisi le nom de", "choisi de s’appeler", "choisi de s'appeler",
)
