"""French boilerplate lexicon used by the cleaner: data, each entry explained."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Pattern:
    """One boilerplate shape: a regex over a whole line, the class it implies, and why."""

    rule: str
    regex: re.Pattern[str]
    kind: str
    reason: str


def _p(rule: str, pattern: str, kind: str, reason: str) -> Pattern:
    return Pattern(rule, re.compile(pattern, re.IGNORECASE), kind, reason)


# Whole-line patterns, tried in order; the first match decides. `kind` is one of the cleaner's
# classes (see linesignals.KINDS). Reasons are shown to readers in the cleaning audit, in French.
LINE_PATTERNS: tuple[Pattern, ...] = (
    # WordPress auto-poster plugins wrap scraped copy in ad slots and a back-link.
    _p("ad-marker", r"^\[ad_\d+\]$", "boilerplate", "marqueur d’emplacement publicitaire"),
    _p("source-link", r"^Source link\b.*$", "boilerplate", "lien « Source link » d’un site agrégateur"),
    # SPIP article ids (`arton71307`) leak from image alt texts.
    _p("cms-id", r"^arton\d+$", "boilerplate", "identifiant technique du CMS (SPIP)"),
    # Share widget labels.
    _p("share", r"^(Se Propager|Partager( sur \w+)?|Partagez|Tweeter|Imprimer|E-?mail)$",
       "boilerplate", "bouton de partage"),
    # Account widgets: login, sign-up, password reset.
    _p("login", r"^(Se connecter|Connexion|S[’']inscrire|Inscription|Mon compte)$",
       "boilerplate", "widget de connexion au compte"),
    _p("password", r"^(R[ée]initialiser le mot de passe|Mot de passe oubli[ée].*)$",
       "boilerplate", "widget de réinitialisation du mot de passe"),
    _p("password-help", r"^Veuillez saisir votre identifiant.*mot de passe.*$",
       "boilerplate", "texte d’aide du formulaire de mot de passe"),
    _p("back-to-top", r"^Retour en haut( de la page)?$", "boilerplate", "lien de navigation"),
    # Messaging-app prompts; some templates glue the app name to « sur » (`surTelegram`).
    _p("follow-us", r"^Suivez[- ].{0,60}\bsur ?(Telegram|Twitter|X|Facebook|Instagram|VK|WhatsApp)$",
       "boilerplate", "invitation à suivre le média sur une messagerie"),
    # Newsletter and comment widgets (wpDiscuz and the like).
    _p("newsletter", r"^(NEWSLETTER|Newsletters?)$", "boilerplate", "widget d’abonnement à la lettre"),
    _p("newsletter-cta", r"^Inscrivez[- ]vous (à|pour).*$", "boilerplate",
       "invitation à s’abonner à la lettre"),
    _p("comments-head", r"^(R[ÉE]AGISSEZ|R[ée]agir|((Vos|Les|Derniers) )?[Cc]ommentaires?|"
       r"(Laisser|Publier|Écrire|Ajouter)"
       r" un commentaire|"
       r"Voir les commentaires|Messages)(\s*\(\d+\))?$", "boilerplate",
       "en-tête du formulaire de commentaires"),
    _p("comments-form", r"^(Poster un Commentaire|Soyez le premier à commenter\s*!?|Me notifier des|"
       r"avatar|wpDiscuz|Connexion pour commenter|Connectez-vous pour (réagir|commenter)|"
       r"Les commentaires sont (fermés|clos|désactivés)( (sur|pour) cet article)?\.?)$|"
       # The form's privacy notice: « Votre adresse email ne sera pas publiée. … »
       r"^Votre adresse (e-?mail|électronique|de messagerie) ne sera pas publiée\b.*$",
       "boilerplate", "formulaire de commentaires"),
    _p("reader-poll", r"^(Que pensez-vous de cet article|Cet article vous a-t-il été utile|"
       r"(Vous avez|Avez-vous) aimé cet article)\s*\??$", "boilerplate",
       "invitation à réagir"),
    _p("social-head", r"^R[ÉE]SEAUX SOCIAUX$", "boilerplate", "menu des réseaux sociaux"),
    _p("menu-bullet", r"^[•·▪]\s*\S.{0,40}$", "boilerplate", "élément de menu à puce"),
    # Related-content teasers: the heading itself; the lines after it are handled by position.
    # The common headings of French news sites' links boxes (and the English ones of themes).
    _p("teaser-head", r"^(A|À) lire aussi\s*:?$|^La r[ée]daction vous conseille$|^[àa] d[ée]couvrir$|"
       r"^Sur le même (sujet|thème)$|^Lire aussi\s*:?$|^(A|À) (voir|lire) (aussi|également)( sur [^:]{1,40})?\s*:?$|"
       r"^(Lisez|Lire) (aussi|également)\s*:?$|^Lire sur le (même )?sujet\s*:?$|"
       r"^Dans la même rubrique$|^Les plus (lus|partagés|commentés)$|^Plus d[’']actualités$|"
       r"^Derni[èe]res (nouvelles|infos|actualités|actus)$|^Articles (similaires|liés)$|"
       r"^Vous aimerez aussi$|^(Related|Recent|Popular) (posts|articles)$|^Nos derniers articles$",
       "teaser", "en-tête de liens vers d’autres articles"),
    # Bylines are metadata, not article text.
    _p("byline", r"^(Author|Auteur|Par)\s*:\s*.{1,60}$|^La r[ée]daction$", "byline",
       "signature de la rédaction"),
    # A site slogan printed under the logo (a news motto in the infinitive, no sentence).
    _p("slogan", r"^Raconter l[’']actualit[ée]$", "boilerplate", "slogan du site"),
    # Cookie banner buttons.
    _p("cookie-button", r"^(OK|Tout (Accepter|refuser)|J[’']accepte|Accepter|Refuser|"
       r"Param[ée]trer vos choix)(\s*(Tout (Accepter|refuser)|Param[ée]trer vos choix))*$",
       "boilerplate", "bouton du bandeau cookies"),
    # Ad slots and paywall banners.
    _p("ad-label", r"^(Publicit[ée]|PUBLICIT[ÉE]|Annonce|Contenu sponsoris[ée])$", "boilerplate",
       "étiquette publicitaire"),
    _p("paywall", r"^(Article réservé aux abonnés|Cet article est réservé aux abonnés.*|"
       r"Il vous reste \d+% de cet article à lire.*|Déjà abonné \?.*)$",
       "boilerplate", "bandeau d’abonnement payant"),
    # Inline teaser: "Lire aussi | Titre d’un autre article".
    _p("teaser-inline", r"^(A|À)? ?(lire|voir) aussi\s*[|:–-]\s*\S.*$", "teaser",
       "renvoi vers un autre article"),
    # Publication datelines are metadata (and evidence for the date), not body.
    # Saved pages give the numeric form (« Publié le 02/12/2019 à 08:10 »).
    _p("dateline", r"^(Publi[ée]|Mis à jour|Modifi[ée]|Actualis[ée])( le)? (\d{1,2}(er)? "
       r"[a-zéû]+ \d{4}|\d{1,2}/\d{1,2}/\d{4})( à \d{1,2}[h:]\d{2})?\.?"
       r"(\s*[-–—|,]\s*(Mis à jour|Modifi[ée]).*)?$",
       "dateline", "ligne de date de publication (métadonnée, sert à dater l’article)"),
    # A caption opened by its credit: « Photo: Jacinthe Ouellet Le Devoir Le chef libéral … ».
    _p("credit-caption", r"^(Photo|Photos|Crédit photo)\s*:\s*\S.{10,400}$", "credit",
       "légende de photo précédée de son crédit"),
    # Photo credits on their own line: "(Photo : AFP)", "Crédit photo : Reuters".
    _p("credit-line", r"^\(?(Photo|Crédit photo|Crédits?|Illustration)\s*:\s*[^.]{1,60}\)?$",
       "credit", "crédit photo"),
    # … and in capitals without a colon, over the caption: « PHOTO MARC-OLIVIER GIRARD, LA PRESSE ».
    _p("credit-caps", r"(?-i:^(PHOTOS?|ILLUSTRATION|CAPTURE D[’']ÉCRAN|ARCHIVES?)\s+"
       r"[^a-zà-ÿ]{2,80}$)", "credit", "crédit photo (en capitales, au-dessus de la légende)"),
    # A caption closed by its credit in parentheses: « X sur scène, samedi. (Photo Sophie R.) ».
    # (One sentence: a standfirst of two, its photo's credit glued after, is article text.)
    _p("caption-credit", r"^[^.!?…]{3,250}[.!?…]\s*\((Photos?|Ph\.|Crédit photo|Illustration)(?!\w)"
       r"[^()]{2,60}\)\s*$", "credit", "légende de photo et son crédit entre parenthèses"),
    # The site speaking of itself to ask for money: « Cet article est en accès libre, comme tous
    # nos articles. X est financé à 98 % par les dons de ses lecteurs. », « Soutenez-nous ».
    _p("site-pitch", r"^(?=.*(\bnos articles\b|\bfinancée? (à \d+ ?% )?par (les dons de )?"
       r"(ses|nos) (lecteurs|lectrices|abonnés)|\bfaire un don\b|\bsoutenez[- ](nous|notre)\b|"
       r"^cet article est (en accès libre|gratuit|offert)|"
       r"\bfait partie de notre (couverture|dossier|série)\b)).{0,400}$",
       "boilerplate", "appel aux dons ou aux abonnements du site (pas du texte d’article)"),
    # The site's disclaimer under opinion pieces: « Les tribunes publiées n’engagent que leurs
    # auteurs. »
    _p("disclaimer", r"^.{0,120}\bn[’']engagen?t que (leurs?|son|ses) auteurs?\b.{0,80}$",
       "boilerplate", "avertissement du site sur les tribunes (pas du texte d’article)"),
    # « Lisez « Titre d’un autre article » », « À lire : « … » »: a link to another article.
    _p("teaser-quoted", r"^((Re)?[Ll]isez|(A|À) lire( aussi)?|Lire aussi|(A|À) voir( aussi)?|"
       r"Voir aussi|Regardez|(É|E)coutez|Consultez|Découvrez)\s*:?\s*«[^«»]+»\s*\.?$",
       "teaser", "renvoi vers un autre article (titre entre guillemets)"),
    # Copyright footers.
    _p("copyright", r"^(©|\(c\)|Copyright)\s*\d{4}.*(droits réservés|rights reserved).*$",
       "boilerplate", "mention de copyright du site"),
    # Rubric labels shown above headlines.
    _p("rubric", r"^(FLASH INFO|DERNI[ÈE]RE MINUTE|EN DIRECT|BREAKING)\s*:?$", "rubric",
       "étiquette de rubrique"),
)

# General line shapes, tried after LINE_PATTERNS (see linesignals.line_signal): they name what a
# line *is* (a reading time, a byline, a breadcrumb), not phrases seen on one site.
LINE_SHAPES: tuple[tuple[str, re.Pattern[str], str, str], ...] = (
    # Reading-time labels: a number of minutes and at most « temps de lecture ».
    ("reading-time", re.compile(r"^(?:temps de )?lecture\s*(?::|en)?\s*\d+\s*(?:min|mn|minutes?)\b\.?$"
                                r"|^\d+\s*(?:min|mn)\.?(?: de lecture)?$", re.I),
     "boilerplate", "durée de lecture"),
    # Bylines: « Par X », « Texte par :X », « X avec AFP » (short, no sentence).
    ("byline-shape", re.compile(r"^(?:Texte\s+|Article rédigé\s+|Propos recueillis\s+)?"
                                r"(?:par|by)\b\s*:?\s*\S"
                                r"(?!.*[.!?]\s+\S).{0,70}$", re.I),
     "byline", "signature (auteur ou rédaction)"),
    # Translation credits: « * Traduit du turc par X », « Traduction : X » (short, no sentence).
    ("byline-translation", re.compile(r"^[*\s]*(?:(?:Traduit|Adapté|Traduction)\b[^.!?]{0,40}?"
                                      r"(?:\bpar\b|:)\s*\S[^.!?]{0,60})$", re.I),
     "byline", "signature du traducteur"),
    ("byline-agency", re.compile(r"^[\w’' .-]{2,40}\s+avec\s+(?:l[’'])?(?:AFP|Reuters|AP|agences?)"
                                 r"\.?$", re.I),
     "byline", "signature de la rédaction et de l’agence"),
    # Breadcrumbs: labels joined by › or > (« Accueil > Economie », « Europe › Russie »).
    # (A closing guillemet after an opening one ends a quotation, not a path step.)
    ("breadcrumb", re.compile(r"^(?!.*«)[^.!?]{1,40}(?:\s[›>»/]\s[^.!?]{1,40})+$"),
     "rubric", "fil d’Ariane (rubriques du site)"),
    # WordPress post meta: « Posted by <user> | <date> | <category> | <comments> | ».
    ("post-meta", re.compile(r"^(?:Posted|Publié|Post[ée])\s+(?:by|par)\s+\S+\s*\|", re.I),
     "dateline", "métadonnées du billet (auteur, date, rubrique)"),
    # Menus laid out with wide spacing or pipes: « ACCUEIL   ACTUALITE   FORUMS », « Home | RSS ».
    ("menu-spaced", re.compile(r"^(?:[^.!?|]{1,25}(?:\s{3,}|\s*\|\s*)){2,}[^.!?|]{0,25}\|?$"),
     "boilerplate", "menu (libellés séparés par des espaces ou des barres)"),
    # A label ending with a colon alone on its line (« Partager : », « Search for: »).
    ("label-colon", re.compile(r"^[^.!?:]{1,30}:\s*$"), "boilerplate", "étiquette de formulaire"),
    # A whole line in parentheses closing a wire story: reporting and translation credits
    # (« (Reportage X ; version française Y) »), not a sentence of the article.
    ("credits-note", re.compile(r"^\((?:[^()]*;[^()]*|[^().]{0,80})\)\.?$"), "source",
     "note de rédaction entre parenthèses (crédits du reportage)"),
    # Form fields: « Name * », « Email * ».
    ("form-field", re.compile(r"^[^.!?]{1,20}\s\*$"), "boilerplate", "champ de formulaire"),
)

# A caption followed by its source domain in brackets: « … à washington [actu-info-direct.fr] ».
CAPTION_SOURCE = re.compile(r"\[[\w.-]+\.[a-z]{2,6}\]\s*$", re.I)
# A credit closing a caption: « — Gaizka Iroz / AFP », « | VINCENT MOUCHEL / OUEST-FRANCE »,
# « . AFP », « . PHOTO PIB », « - AFP », « (JOHN WESSELS / AFP) », « Photo Roman Pilipey / AFP », « © Capture d'écran ORTN /
# AFP ». The credit is a short run of names, with an agency after a slash, or words in capitals.
CREDIT_TAIL = re.compile(
    r"(?:\s[—–|-]\s|\.\s+|©\s*|\bPhotos?\s+|\(Illustration\)\s*[—–-]\s*|\s\()"
    r"(?P<credit>(?:[A-ZÀ-Ý][\w’'.-]*\s+){0,4}[\w’'.-]+\s*/\s*[A-ZÀ-Ý][\w’' .-]{1,30}"
    r"|[A-Z][A-Z.-]{1,15}(?:\s[A-Z][A-Z.-]{1,15}){0,3}(?:\s*/\s*[A-Z][\w.-]+)?)\)?\s*$")
# Captions are short; a long line ending in capitals is prose (« … a déclaré l’OTAN »).
CAPTION_MAX_WORDS = 40
# A note on the author under the text: « Hélène Marty est conseillère départementale … ».
AUTHOR_NOTE = re.compile(r"^(?P<name>[A-ZÀ-Ý][\w’'\-]+(?:\s+(?:de\s+|d[’'])?[A-ZÀ-Ý][\w’'\-]+){1,3})"
                         r"\s+est\s+")
AUTHOR_NOTE_MAX_WORDS = 45
# A caption printed under its credit line is one short sentence.
CAPTION_AFTER_CREDIT_WORDS = 25
# A copyright notice anywhere in a short line: the footer, not the article. A year or the legal
# words are needed: « © REUTERS/Stringer » alone is a photo credit (see CREDIT).
COPYRIGHT_ANY = re.compile(r"(?:©|\(c\)).*\b(?:19|20)\d\d\b|\b(?:19|20)\d\d\b.*©|\bcopyright\b"
                           r"|droits réservés|rights reserved", re.I)
FOOTER_MAX_WORDS = 25
# « Source: (EUROPA PRESS) », « Sources : AFP, Reuters »: where the text comes from.
SOURCE_LINE = re.compile(r"^\s*Sources?\s*:\s*\S.{0,60}$", re.I)
# Menus written as capitalised words: at least this many, no punctuation, no function word.
MENU_MIN_WORDS = 4
# Lines of the same short text repeated in one page are the site's name, menu or slogan.
REPEATED_MAX_WORDS = 6

# The shape of runs (cleaning._main_block): a line is certainly prose with this many words, a
# sentence end and this stopword density; the article is the longest run of such lines where
# at most BLOCK_MAX_GAP other lines (and no dateline, byline or links heading) come between.
STRONG_PROSE_WORDS = 12
# Inside the article, prose this long after a links box ends the box (a linked headline is
# shorter, and so is the summary some boxes print under it).
TEASER_BOX_END_WORDS = 25
STRONG_PROSE_DENSITY = 0.2
BLOCK_MAX_GAP = 3
# A short first paragraph between the title and the lede (a sentence of this many words or
# more, with its final punctuation) is article text, not page header.
SHORT_PARAGRAPH_WORDS = 5
# A wire dateline opening the lede: a place, a date, then the agency or a dash (« PARIS, 12
# mars 2024 (AFP) - », « MOSCOU, 17 juillet. /TASS/. »). Its date is a publication stamp.
LEDE_DATELINE = re.compile(r"^[A-ZÀ-Ý][\w’' -]{1,30},\s*(?:le\s+)?[^.()]{3,40}?"
                           r"(?=\s*\(|\s[-–—]\s|\.\s*/)")
# A lede has at least this many words and ends with a full stop.
LEDE_MIN_WORDS = 12
# … or, its last stop lost, holds two sentences or more of at least this many words each.
LEDE_MIN_SENTENCE_WORDS = 6
# A sentence opening on a credit cue is a caption's credit (« Photo : La Presse canadienne / X »).
PHOTO_CUE = re.compile(r"(?:Photos?|Crédits?(?: photo)?|Illustration|Capture|©)\b", re.I)
# An intertitle between two paragraphs has at most this many words.
SUBHEADING_MAX_WORDS = 14
# A comment thread: at least this many timestamp lines after the article's last paragraph.
THREAD_MIN_STAMPS = 2
# A signature stamp (« samedi 30 septembre 2023 ») is at most this many lines after the text.
SIGNATURE_LINES = 3
# Titles: each candidate further from the lede costs this much; the best must reach the floor.
TITLE_RANK_COST = 0.1
TITLE_MIN_SCORE = 0.75
# Headlines sit just above the lede: past TITLE_NEAR lines of anything, each line costs this.
TITLE_NEAR = 3
TITLE_DISTANCE_COST = 0.05
# A candidate next to a photo credit line is more likely the photo's caption.
TITLE_NEAR_CREDIT_COST = 0.3

# A reprint notice is a source attribution: it leaves the body but feeds the source hints.
REPRINT = re.compile(
    r"^(P\.?\s?S\.?\s*)?Reprinted with permission from (?P<outlet>[^\n]+?)\s+Copyright.*$",
    re.IGNORECASE,
)

# `© REUTERS/Stringer`: agency / photographer credit, possibly glued to a caption.
CREDIT = re.compile(r"\(?©\s*(?P<agency>[A-ZÀ-Ý][\w\- ]+?)(?:/(?P<author>[\w\- ]+))?\s*\)?\s*$")

# A short caption or dateline: "Stepanakert le 8 octobre 2020." (place, date, nothing else).
CAPTION = re.compile(
    r"^[A-ZÉÈ][\w\-’' ]{1,40},? le \d{1,2}(er)? "
    r"(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)"
    r" \d{4}\.?$"
)

# Uppercase rubric before a dash at the start of the lede: "INTERNATIONAL - L’Azerbaïdjan ...".
RUBRIC_PREFIX = re.compile(r"^(?P<rubric>[A-ZÉÈÀ][A-ZÉÈÀ '\-]{3,30}?)\s+[-–—]\s+(?=[A-ZÉÈÀ«])")

# Vocabulary of consent banners: a paragraph with several of these is a cookie notice even when
# its stopword density looks like prose (such banners run to a thousand characters or more).
CONSENT_TERMS: tuple[str, ...] = (
    "cookie", "traceur", "consentez", "consentement", "données personnelles",
    "paramétrer vos choix", "tout accepter", "tout refuser", "politique de confidentialité",
    "données de navigation", "exploiter et améliorer ses services",
)
CONSENT_MIN_HITS = 2

# Words of calls to action; a short line made of them is a widget, not prose.
# A paragraph that speaks to the reader (« vous », outside quotes) about following, signing up,
# subscribing or contacting the site is a widget or a legal notice, however long: news text
# reports, it does not invite. Word stems, matched at a word start; two different ones needed.
READER_ADDRESS = re.compile(r"\b(?:vous|votre|vos)\b", re.I)
READER_CTA_STEMS: tuple[str, ...] = (
    "abonn", "inscri", "connect", "cliqu", "clic", "télécharg", "suiv", "partag", "newsletter",
    "notification", "contact",
)
READER_CTA_MIN_STEMS = 2
CTA_TERMS: tuple[str, ...] = (
    "abonnez", "inscrivez", "connectez", "cliquez", "téléchargez", "suivez", "partagez",
    "commentez", "newsletter", "s’abonner", "s'abonner", "se connecter",
)

# Outlets betrayed by boilerplate: (regex, outlet, relation, basis). Hints, never facts.
SOURCE_HINTS: tuple[tuple[re.Pattern[str], str, str, str], ...] = (
    (re.compile(r"Suivez RT en français|RT en français utilise des cookies|TV-Novosti"),
     "RT en français", "publisher", "mentions « RT en français » / « TV-Novosti » dans les widgets"),
    (re.compile(r"Reprinted with permission from RFE/RL|Radio Free Europe"),
     "Radio Free Europe / Radio Liberty (RFE/RL)", "reprint-of",
     "mention « Reprinted with permission from RFE/RL »"),
    (re.compile(r"^\[ad_\d+\]$|^Source link\b"),
     "site agrégateur automatique", "aggregator",
     "marqueurs [ad_N] et « Source link » d’un republieur automatique"),
)

# Agencies credited for photos: a hint about the picture, not about the text.
PHOTO_AGENCIES: dict[str, str] = {
    "REUTERS": "Reuters", "AFP": "AFP", "AP": "Associated Press", "EPA": "EPA",
    "SPUTNIK": "Sputnik", "TASS": "TASS",
}

# French function words, for jusText-style stopword density. A sample, large enough for the
# density to separate prose (≈0.35–0.5) from menus and widgets (≈0–0.15).
STOPWORDS: frozenset[str] = frozenset(["a", "à", "au", "aux", "avec", "ce", "ces", "cet", "cette", "dans", "de", "des", "du", "elle", "en", "est", "et", "il", "ils", "je", "la", "le", "les", "leur", "leurs", "lui", "mais", "même", "ne", "ni", "nous", "on", "ont", "ou", "où", "par", "pas", "pour", "qu", "que", "qui", "sa", "se", "ses", "son", "sont", "sur", "ta", "te", "tes", "ton", "tu", "un", "une", "vos", "votre", "vous", "y", "été", "être", "avait", "avaient", "sera", "seront", "été", "d", "l", "n", "s", "c", "j", "m", "qu", "car", "donc", "or", "si", "comme", "plus", "moins", "très", "tout", "tous", "toute", "toutes", "alors", "après", "avant", "depuis", "entre", "sans", "sous", "selon", "vers", "chez", "aussi", "encore", "déjà", "dont", "lors", "lorsque", "parce", "puis", "quand"])

# Density above which a line reads as prose (jusText uses 0.30 for "good" blocks in French).
STOPWORD_DENSITY_PROSE = 0.30
# Fewer words than this and no sentence punctuation: a label, a button or a menu entry.
SHORT_LINE_WORDS = 6
# Lines repeated across at least this many seeds are site furniture, when also short.
CROSS_SEED_MIN = 2
CROSS_SEED_MAX_WORDS = 12
# A generated title is cut at a word boundary under this many characters.
GENERATED_TITLE_MAX = 110
# A headline has at most this many words and no final full stop.
TITLE_MAX_WORDS = 20

# Words lost in scraping (a hyperlinked word dropped by the scraper leaves a hole). Each regex matches at the place
# where something is missing; the group `at` marks the exact position of the hole.
_DET = r"(?:le|la|les|un|une|des|du|au|aux|l’|l')"
GAP_PATTERNS: tuple[tuple[str, re.Pattern[str], str], ...] = (
    # « followed by a conjunction: the quote lost its first word(s) (`«  et Erevan ont confirmé`).
    ("quote-start", re.compile(r"«[\s\u00a0\u202f]*(?P<at>)(?=(?:et|ou|mais|,)\b)"),
     "citation amputée de son premier mot"),
    # A determiner or `par` directly before punctuation (`occupé par les .`, `défendre l’,`).
    ("det-punct", re.compile(rf"\b(?:{_DET}|par)(?:(?<=’)|(?<=')|\s*)(?P<at>)(?=\s?[.,;:)](?:\s|$))",
                             re.IGNORECASE),
     "déterminant suivi d’une ponctuation : mot manquant"),
    # A determiner followed by a conjunction (`pour la et la coopération`).
    ("det-conj", re.compile(r"\b(?:la|le|les|du|des)\s+(?P<at>)(?=(?:et|ou)\s)"),
     "déterminant suivi d’une conjonction : mot manquant"),
    # A determiner followed by a verb (`Un a été convenu`, `que la n’avait pas`).
    ("det-verb", re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\bque\s))(?:Un|Une|Le|La|Les|un|une|le|la|les)"
                            r"\s+(?P<at>)(?=(?:a|ont|est|sont|avait|avaient|était)\s|n’|n')"),
     "déterminant suivi d’un verbe : nom manquant"),
    # A preposition before a bare parenthesis (`la coopération en (OSCE)`).
    ("prep-paren", re.compile(r"\b(?:en|de|du|des)\s+(?P<at>)(?=\()"),
     "préposition sans complément : mot manquant"),
    # French puts no space before `.` or `,`; a word before it was dropped (`la légitime .`).
    ("space-punct", re.compile(r"(?<=[\w’'])\s+(?P<at>)(?=[.,](?:\s|$))"),
     "espace avant une ponctuation : mot manquant"),
)

# HTML that leaks into scraped text (embeds, widgets, or code planted in a page). It is code,
# never article text: taken out of the line with a reason, and escaped wherever it is shown.
# Element names recognised as tags; `<<Nous>>` pseudo-guillemets and `a < b` are not tags.
HTML_TAG_NAMES: frozenset[str] = frozenset([
    # Code and embedded documents: their content is code too (see HTML_CODE_BLOCK).
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed",
    "applet", "svg", "math", "link", "meta", "base", "form", "input", "button", "select",
    "textarea", "option",
    # Media and links left by a sloppy scraper around the words.
    "a", "img", "picture", "source", "video", "audio", "figure", "figcaption",
    # Text structure and inline formatting.
    "html", "head", "body", "title", "div", "span", "p", "br", "hr", "b", "i", "u", "em",
    "strong", "small", "sub", "sup", "blockquote", "q", "cite", "abbr", "mark", "h1", "h2",
    "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "tr", "td", "th", "details", "summary",
    "marquee", "xmp",
])
# Tags that break a line when rendered: words on either side stay apart once the tag is gone.
HTML_BREAK_TAGS: frozenset[str] = frozenset([
    "br", "p", "div", "li", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
    "blockquote", "figure", "figcaption", "table", "ul", "ol",
])
# Markup, tried left to right: an element whose content is code or a foreign document (removed
# with its content), an HTML comment, or one tag (opening, closing, self-closing) whose name the
# cleaner checks against HTML_TAG_NAMES. A tag touching another `<`/`>` is a pseudo-guillemet.
HTML_MARKUP = re.compile(
    r"<(?P<block>script|style|noscript|template|iframe|object|svg|math|xmp)\b[^>]*>.*?"
    r"</(?P=block)\s*>"
    r"|<!--.*?(?:-->|$)"
    r"|(?<!<)</?(?P<name>[A-Za-z][A-Za-z0-9]*)(?=[\s/>])[^<>]*>(?!>)",
    re.IGNORECASE | re.DOTALL,
)

# A subheading glued to the sentence after it when the page's markup was flattened
# (« Une passation sous tensionL’opposition n’a pas… »): a word ending in lower case runs into
# a capital with no space. The heading starts with a capital, has no sentence punctuation, and
# the word at the glue starts in lower case (so brand names such as « TotalEnergies » or
# « iPhone » never split). Only a break is inserted: no word is changed.
GLUED_HEADING = re.compile(
    r"^(?P<head>[A-ZÀ-ÖØ-Þ«][^.!?…:;]*?(?:^|\s)[a-zà-öø-ÿ][\w’'-]*?[a-zà-öø-ÿ0-9»)])"
    r"(?P<rest>[A-ZÀ-ÖØ-Þ][^\n]*[.!?…»]\s*$)"
)
# The same glue after a capitalised word (« Colère à ErevanDans la nuit… »): split only when
# the capital starts a French function word (Dans, À, Le, Cette…), which no name or brand does.
GLUED_HEADING_AFTER_NAME = re.compile(
    r"^(?P<head>[A-ZÀ-ÖØ-Þ«][^.!?…:;]*?[a-zà-öø-ÿ])"
    r"(?P<rest>(?P<word>[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]*)(?:[\s’']|$)[^\n]*[.!?…»]\s*$)"
)
GLUED_HEADING_MAX_WORDS = 12  # a subheading is short
GLUED_REST_MIN_WORDS = 6  # and the text after it is a real sentence

# A wire opening before the lede's first words (« DAMAS (Reuters) - », « EREVAN, 21 NOVEMBRE,
# ARMENPRESS. », « MOSCOU, 17 juillet. /TASS/. »): kept in the text, never in a title written
# from the lede.
WIRE_OPENING = re.compile(
    r"^(?:[A-ZÀ-Ý][\w’' -]{1,30}?,?\s*(?:(?:le\s+)?\d{1,2}(?:er)?\s+\w+\.?(?:\s+\d{4})?,?\s*)?)?"
    r"(?:\([^()]{2,30}\)|/[^/\s]{2,20}/|[A-Z][A-Z.]{2,20})\s*[-–—.:]+\s+(?=[«A-ZÀ-Ý])")
# A line holding labelled stamps (« Publié le », « Mis à jour ») and at most this many other
# words is a signature line: an author's name, a place, a separator.
BYLINE_MAX_WORDS = 8
# A standfirst may be a list of points under the title, each a dash or bullet and a long phrase
# of prose (agency wires print them without a full stop); shorter bulleted lines are menus.
BULLET = re.compile(r"^[-–•·▪]\s+\S")
BULLET_STANDFIRST_WORDS = 10
