"""Where saved web pages keep their metadata: tag names, schema.org types, title shapes (data)."""

from __future__ import annotations

import re

# Above this size (after gunzip) a file is an archive or a crawl dump, not one saved article:
# real French news pages saved with their inline scripts and styles weigh 0.2 to 2 MB.
MAX_PAGE_BYTES = 5_000_000
# Bytes of the page searched for a declared charset (the HTML standard says 1,024; saved pages
# often put a long comment or scripts first, so a little more).
CHARSET_SCAN_BYTES = 4_096
# Fewer words than this left after extraction: a shell (cookie wall, app page), not an article.
MIN_ARTICLE_WORDS = 40
# A page with this many headline links and little text of its own is a list (home, rubric).
LIST_MIN_HEADLINE_LINKS = 6
LIST_MAX_WORDS = 150
# Template code a JavaScript application fills in the browser (Angular, Vue, Jinja): a saved
# page made mostly of it is a shell (an editing screen, an app), not an article.
UNRENDERED_TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
# What the extractor left out of the page: how many blocks are shown as a sample in the audit.
DROPPED_SAMPLES = 5
DROPPED_SAMPLE_CHARS = 100

# Declared charsets the web actually means as something else (WHATWG Encoding Standard).
CHARSET_ALIASES = {
    "iso-8859-1": "cp1252",  # browsers decode "latin1" pages as windows-1252
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "windows-1252": "cp1252",
    "utf8": "utf-8",
}
META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)

# The address a browser or an archiving extension wrote at the top of the page it saved
# (Chrome/Edge « <!-- saved from url=(0071)https://… --> », SingleFile « url: https://… »):
# the last resort for the article's address (never a date: the saving day is not the story's).
SAVED_FROM = re.compile(r"<!--\s*(?:saved from url=\(\d+\)|Page saved with SingleFile\s+url:)"
                        r"\s*(?P<url>https?://\S+?)\s", re.IGNORECASE)
# Classes of a label set inside a headline (« Vidéo », « Exclusif », the rubric): not words
# of the headline itself.
KICKER_CLASS = re.compile(r"kicker|surtitre|sur-titre|overline|label|badge|rubri|categor|tag\b",
                          re.IGNORECASE)
# Elements whose text a reader never sees (code, styles, templates, embedded media).
INVISIBLE_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "head", "title", "meta", "link", "canvas", "video", "audio", "picture", "source",
})
# Elements that start a new block of visible text (so "Accueil" and "Planète" in a menu are
# two blocks, not one).
BLOCK_TAGS = frozenset({
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "footer", "nav", "aside", "section", "article", "main", "figure", "figcaption",
    "blockquote", "pre", "table", "tr", "td", "th", "caption", "form", "fieldset", "legend",
    "label", "button", "option", "br", "hr", "address", "details", "summary", "a",
})

# schema.org types of one article (JSON-LD `@type`, microdata `itemtype`).
ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle",
    "blogposting", "liveblogposting", "report", "scholarlyarticle", "socialmediaposting",
})
# schema.org types that declare a page of many articles or the site itself.
LISTING_TYPES = frozenset({
    "website", "collectionpage", "itempage", "itemlist", "searchresultspage", "webpage",
})
# Types whose `name` is the outlet when the article node has no publisher.
PUBLISHER_TYPES = frozenset({"newsmediaorganization", "organization", "corporation"})

# <meta> names (property= or name=) holding the publication date, strongest first.
PUBLISHED_META = (
    "article:published_time",  # OpenGraph, most French outlets
    "og:article:published_time",
    "datepublished",           # itemprop on <meta>, also written as name= by some CMS
    "dc.date.issued",          # Dublin Core
    "dcterms.created",
    "publication_date",
    "pubdate",
    "sailthru.date",
    "parsely-pub-date",
    "date",
)
# <meta> names holding the date of the last update (never a publication date, DESIGN.md §6).
UPDATED_META = (
    "article:modified_time",
    "og:article:modified_time",
    "og:updated_time",
    "datemodified",
    "dcterms.modified",
    "last-modified",
)
# Timestamps in page metadata are converted to this zone before the day is taken: French
# outlets date their articles in Paris time, and some write UTC (« …T23:30:00Z »).
NEWSROOM_TIME_ZONE = "Europe/Paris"
ISO_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?"
                           r"(Z|[+-]\d{2}:?\d{2})$")
# A site name that is only a domain (« leparisien.fr »): used when the page gives no other.
BARE_DOMAIN = re.compile(r"^[\w.-]+\.(fr|com|net|org|info|eu|be|ch)$", re.IGNORECASE)
# A domain ending glued to a site's name (« Le Monde.fr »).
SITE_DOMAIN_ENDING = re.compile(r"\.(fr|com|net|info|eu|be|ch)$", re.IGNORECASE)
# Containers whose dates are not the article's: comments, teasers of other articles, sidebars.
NOT_ARTICLE_CONTAINER = re.compile(
    r"comment|forum|reaction|reply|related|sidebar|teaser|widget|footer|apercu|most-read|"
    r"plus-lus|a-lire|read-more|recommend", re.IGNORECASE)
# A full French date as printed under a headline (« 29 juin 2019 », « 1er mai 2020 »).
PRINTED_DATE = re.compile(
    r"\b(?P<day>1er|\d{1,2})\s+(?P<month>janvier|février|fevrier|mars|avril|mai|juin|juillet|"
    r"août|aout|septembre|octobre|novembre|décembre|decembre)\s+(?P<year>(?:19|20)\d{2})\b",
    re.IGNORECASE)
# A date printed under the headline is looked for in this many visible blocks after it, each
# short (a byline, a dateline: « Par Loïc Le Clerc 30 septembre 2018 »), not in the article.
STAMP_LOOKAHEAD = 6
STAMP_LOOKBEHIND = 4  # some templates print the byline and date above the headline
STAMP_MAX_WORDS = 20
# Words before a <time> element that say which date it is.
UPDATE_CUES = re.compile(r"(mis\s+à\s+jour|mise\s+à\s+jour|modifié|actualisé|màj|updated)",
                         re.IGNORECASE)
PUBLISH_CUES = re.compile(r"(publié|publication|paru|posted|published)", re.IGNORECASE)

# Separators between a headline and the site's name in <title> / og:title
# (« … - Le Monde », « … | franceinfo », « Le Figaro - … », « … — Libération »).
TITLE_SEPARATORS = re.compile(r"\s+[-|–—·•»‹›]\s+")
# A trailing segment this short may be the site's name even when no site name is declared.
SITE_AFFIX_MAX_WORDS = 4
SITE_AFFIX_MAX_CHARS = 32

# Weight of each title source when candidates are compared: the page's own headline fields
# count most, the <title> (often SEO-rewritten, with the site's name) least.
TITLE_SOURCES = {
    "<h1>": 4,
    "JSON-LD headline": 4,
    "microdata headline": 4,
    "og:title": 3,
    "twitter:title": 2,
    "<title>": 2,
    "trafilatura": 1,
}
# Two titles agree when their folded forms are this similar (rapidfuzz ratio, 0–100).
TITLE_AGREEMENT = 85
TITLE_MIN_WORDS = 2
TITLE_MAX_WORDS = 40

# English function words (beyond headline.ENGLISH_WORDS' ratio): two of them in an unaccented
# title make it an untranslated SEO line, not the French headline.
ENGLISH_WORDS = frozenset({
    "the", "of", "and", "to", "in", "for", "on", "with", "is", "are", "was", "how", "what",
    "why", "from", "by", "after", "over", "says", "new",
})
URL_LIKE = re.compile(r"^(https?://|www\.)|^\S+\.(fr|com|net|org|info|eu)(/\S*)?$",
                      re.IGNORECASE)
