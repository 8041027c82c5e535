"""Pelican settings for the briefing site (development: relative URLs, no feeds domain)."""

from pathlib import Path

_HERE = Path(__file__).resolve().parent

AUTHOR = "Rédaction"
SITENAME = "Briefings vérifiés"
SITESUBTITLE = "Le Haut-Karabakh dans la presse, nettoyé, daté et vérifié"
SITEURL = ""
RELATIVE_URLS = True

PATH = str(_HERE / "content")
THEME = str(_HERE / "theme")
TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "fr"
LOCALE = ("fr_FR.UTF-8", "C.UTF-8", "")

# Seeds are read by our plugin, not as Pelican articles; authors' pages live in content/pages.
ARTICLE_PATHS: list[str] = []
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images", "extra"]
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
# Our generator writes the home page; Pelican's archives/tags/categories have nothing to list.
DIRECT_TEMPLATES: list[str] = []
AUTHOR_SAVE_AS = CATEGORY_SAVE_AS = TAG_SAVE_AS = ""
ARCHIVES_SAVE_AS = AUTHORS_SAVE_AS = CATEGORIES_SAVE_AS = TAGS_SAVE_AS = ""
# Folder-style pagination cannot collide across slugs (DESIGN.md §2).
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

PLUGIN_PATHS = [str(_HERE / "plugins")]
PLUGINS = ["briefing"]

# The plugin's settings; every key is documented in the README.
BRIEFING = {
    "SEEDS_PATH": str(_HERE / "seeds"),
    "CACHE_PATH": str(_HERE / ".cache" / "briefing"),
}

DEFAULT_PAGINATION = False
# Seed text is hostile input: every variable is escaped unless marked safe (Pelican's default
# environment does not autoescape).
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "extensions": [],
                     "autoescape": True}
# Byte-identical rebuilds: no per-build cache stamps in the output.
LOAD_CONTENT_CACHE = False
