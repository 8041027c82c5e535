"""Deterministic benchmark corpus: N synthetic seeds built from the real seeds' cleaned parts."""

from __future__ import annotations

import datetime
import hashlib
import html
import json
import random
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))

from briefing.cleaning import clean  # noqa: E402  (plugins/ must be on sys.path first)
from briefing.reading import SeedText, decode_seed  # noqa: E402

# Removed kinds worth re-injecting anywhere: web debris the cleaner must find again in new
# positions. Teasers are apart: they only make sense after a teaser heading, at the end.
DEBRIS_KINDS = frozenset({"boilerplate", "byline", "rubric", "source", "credit"})

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre")
_MONTH_ALT = "|".join(MONTHS)
# "le 12 octobre", "1er novembre 2020": the day (and year) shifted, the month kept or moved.
DAY_MONTH = re.compile(rf"\b(?P<day>[1-9]|[12]\d|3[01]|1er)\s(?P<month>{_MONTH_ALT})"
                       rf"(?:\s(?P<year>(?:19|20)\d\d))?\b")

# Publication dates of the synthetic seeds: the span the real seeds cover (2020–2023), widened.
FIRST_DAY = datetime.date(2019, 1, 1)
LAST_DAY = datetime.date(2024, 12, 31)
# Paragraphs per synthetic seed: the real seeds have 8 to 14 kept paragraphs.
MIN_PARAGRAPHS, MAX_PARAGRAPHS = 5, 14
# How often each optional part appears (real seeds: 3 of 5 have a title, 1 a caption).
P_TITLE = 0.6
P_CAPTION = 0.3
P_RUBRIC = 0.2
P_ADS = 0.2
P_TEASERS = 0.3

# Places for captions ("Stepanakert le 8 octobre 2020."): cities the seeds' stories happen in.
CAPTION_PLACES = ("Stepanakert", "Bakou", "Erevan", "Moscou", "Bichkek", "Tbilissi",
                  "Chouchi", "Goris", "Sotchi", "Bruxelles")

# Site furniture with varying parts, as found in scraped French news pages. Each `{n}` is a
# random number, `{outlet}` an outlet name: the same widget differs from site to site.
DEBRIS_TEMPLATES = (
    "[ad_{n}]",  # aggregator ad slot markers (seed 001)
    "Source link -{n}",  # aggregator back-link (seed 001)
    "arton{n}",  # SPIP article id leaked into the text (seed 002)
    "Suivez {outlet} en français surTelegram",  # channel promotion, glued word (seed 003)
    "Suivez {outlet} sur Twitter",  # same widget, another network
    "Partager sur Facebook",  # share button
    "Publicité",  # ad label
    "NEWSLETTER",  # newsletter widget title (seed 004)
    "Inscrivez-vous pour suivre toute notre actualité.",  # newsletter call to action (seed 004)
    "Retour en haut de la page",  # navigation link
    "Par : La rédaction de {outlet}",  # byline
    "Mis à jour le {day} {month} {year}",  # update stamp: a date that is not the story's
    "Article réservé aux abonnés",  # paywall notice
    "Que pensez-vous de cet article ?",  # reader poll (seed 004)
)
OUTLETS = ("RT", "Sputnik", "Armenpress", "APA", "Nouvelles d'Arménie", "TASS", "France 24",
           "Le Courrier du Caucase", "Azertac", "Mediapart")
# One seed in HTML_EVERY is written as a saved web page (`.html`): the rest stay plain text.
HTML_EVERY = 20
# Site names and addresses of the saved pages (made up: `.example` domains).
HTML_SITES = (("Le Quotidien du Caucase", "quotidien-caucase.example"),
              ("Info Sud-Est", "info-sud-est.example"),
              ("L’Écho diplomatique", "echo-diplomatique.example"))
# Inline code real saved pages carry (analytics, consent manager, styles): about 40 kB a page,
# so the extractor parses what it parses on real pages, not a bare article.
HTML_SCRIPT = ("window.dataLayer=window.dataLayer||[];"
               "function gtag(){dataLayer.push(arguments)}") * 300
HTML_STYLE = ".c-nav__item{display:inline-block;margin:0 .5rem}.c-teaser{font:1rem/1.4 serif}" * 200
# Teaser headings that start a block of links to other articles (seed 002).
TEASER_HEADS = ("A lire aussi", "La rédaction vous conseille", "À lire aussi :", "a découvrir")


@dataclass(frozen=True)
class Pools:
    """The parts synthetic seeds are made of, taken from the real seeds after cleaning."""

    paragraphs: tuple[str, ...]
    titles: tuple[str, ...]
    debris: tuple[str, ...]
    teasers: tuple[str, ...]
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class BenchSeed:
    """One synthetic seed: its id (real-style file stem), raw text and publication date."""

    id: str
    filename: str
    text: str
    date: str
    paragraphs: int
    page: str | None = None  # the seed as a saved web page (filename `.html`), or None


def pools_from_texts(texts: Sequence[SeedText]) -> Pools:
    """Split the real seeds into article paragraphs, titles and removed debris."""
    paragraphs: list[str] = []
    titles: list[str] = []
    debris: list[str] = []
    teasers: list[str] = []
    for text in texts:
        cleaned = clean(text)
        paragraphs.extend(p.text for p in cleaned.paragraphs)
        if not cleaned.title_is_generated:
            titles.append(cleaned.title)
        debris.extend(d.text for d in cleaned.removed if d.kind in DEBRIS_KINDS)
        teasers.extend(d.text for d in cleaned.removed if d.rule == "teaser-item")
    sentences = [s for p in paragraphs for s in re.split(r"(?<=[.!?])\s+", p)
                 if 8 <= len(s.split()) <= 40 and not s.startswith("«")]
    return Pools(tuple(dict.fromkeys(paragraphs)), tuple(dict.fromkeys(titles)),
                 tuple(dict.fromkeys(debris)), tuple(dict.fromkeys(teasers)),
                 tuple(dict.fromkeys(sentences)))


def read_real_seeds(folder: Path = ROOT / "seeds") -> tuple[SeedText, ...]:
    """Decode the real seeds (those that decode; the others are not material)."""
    texts = []
    for path in sorted(folder.glob("*.txt")):
        decoded = decode_seed(path.stem, path.name, path.read_bytes())
        if isinstance(decoded, SeedText):
            texts.append(decoded)
    return tuple(texts)


def _random_date(rng: random.Random) -> datetime.date:
    return FIRST_DAY + datetime.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))


def _french_day(d: datetime.date) -> str:
    return "1er" if d.day == 1 else str(d.day)


def shift_dates(text: str, pub: datetime.date, rng: random.Random) -> str:
    """Move every "<day> <month> [year]" to a date within a month before the publication."""

    def repl(m: re.Match[str]) -> str:
        d = pub - datetime.timedelta(days=rng.randrange(0, 31))
        year = f" {d.year}" if m.group("year") else ""
        return f"{_french_day(d)} {MONTHS[d.month - 1]}{year}"

    return DAY_MONTH.sub(repl, text)


def _debris_line(rng: random.Random, pools: Pools, pub: datetime.date) -> str:
    if pools.debris and rng.random() < 0.5:
        return rng.choice(pools.debris)
    d = pub + datetime.timedelta(days=rng.randrange(0, 400))
    return rng.choice(DEBRIS_TEMPLATES).format(
        n=rng.randrange(1, 99999), outlet=rng.choice(OUTLETS), day=_french_day(d),
        month=MONTHS[d.month - 1], year=d.year)


def _title(rng: random.Random, pools: Pools) -> str:
    """A headline: a real one, or a real sentence cut short (most headlines are unique)."""
    if pools.titles and rng.random() < 0.2:
        return rng.choice(pools.titles)
    words = rng.choice(pools.sentences).rstrip(".!?").split()
    return " ".join(words[: rng.randrange(7, min(len(words), 16) + 1)]).rstrip(",;:")


def make_seed(index: int, pools: Pools, rng: random.Random) -> BenchSeed:
    """One synthetic seed: title, shuffled real paragraphs, debris, caption, shifted dates."""
    pub = _random_date(rng)
    count = rng.randint(MIN_PARAGRAPHS, min(MAX_PARAGRAPHS, len(pools.paragraphs)))
    body = [shift_dates(p, pub, rng) for p in rng.sample(pools.paragraphs, count)]
    lines: list[str] = []
    if rng.random() < P_ADS:
        lines.append("[ad_1]")
    if rng.random() < P_RUBRIC:
        lines.append(rng.choice(("FLASH INFO :", "DERNIÈRE MINUTE", "EN DIRECT")))
    if rng.random() < P_TITLE:
        lines.append(_title(rng, pools))
    lines.extend(body[:1])
    if rng.random() < P_CAPTION:
        lines.append(f"{rng.choice(CAPTION_PLACES)} le {_french_day(pub)} "
                     f"{MONTHS[pub.month - 1]} {pub.year}.")
    for paragraph in body[1:]:
        lines.append(paragraph)
        if rng.random() < 0.1:  # debris between paragraphs (share buttons, ad labels)
            lines.append(_debris_line(rng, pools, pub))
    lines.extend(_debris_line(rng, pools, pub) for _ in range(rng.randint(0, 4)))
    if rng.random() < P_TEASERS:
        lines.append(rng.choice(TEASER_HEADS))
        # Links to other articles: real teasers, or headlines of this corpus's own making.
        lines.extend(rng.choice(pools.teasers) if pools.teasers and rng.random() < 0.3
                     else _title(rng, pools) for _ in range(rng.randint(1, 3)))
    if lines[0] == "[ad_1]":
        lines += ["[ad_2]", f"Source link -{rng.randrange(1, 99)}"]
    text = "\n".join(lines) + "\n"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    seed_id = f"{index:05d}_{digest}"
    return BenchSeed(seed_id, f"{seed_id}.txt", text, pub.isoformat(), count)


def html_page(seed: BenchSeed, pools: Pools) -> BenchSeed:
    """The same seed as a saved web page: OpenGraph, JSON-LD, menus, banner, links, comments.

    Its own random generator (from the seed id) leaves the rest of the corpus unchanged.
    """
    rng = random.Random(seed.id)
    site, host = rng.choice(HTML_SITES)
    lines = [line for line in seed.text.split("\n") if line.strip()]
    title = _title(rng, pools)
    url = f"https://www.{host}/international/{seed.date.replace('-', '/')}/{seed.id}.html"
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
          "datePublished": f"{seed.date}T08:00:00+01:00",
          "publisher": {"@type": "NewsMediaOrganization", "name": site}}
    esc = html.escape
    related = "".join(f'<li><a href="/a/{rng.randrange(10**6)}">{esc(_title(rng, pools))}</a></li>'
                      for _ in range(rng.randint(3, 6)))
    comments = "".join(f"<div class=\"comment\"><p>{esc(rng.choice(pools.sentences))}</p></div>"
                       for _ in range(rng.randint(0, 3)))
    menu = "".join(f'<li><a href="/{w.lower()}/">{w}</a></li>' for w in (
        "International", "Politique", "Économie", "Culture", "Sport", "Vidéos", "Podcasts"))
    body = "\n".join(f"<p>{esc(line)}</p>" for line in lines)
    page = f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>{esc(title)} - {esc(site)}</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="{esc(site)}">
<meta property="og:title" content="{esc(title)}"><meta property="og:url" content="{url}">
<meta property="article:published_time" content="{seed.date}T08:00:00+01:00">
<link rel="canonical" href="{url}">
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
<style>{HTML_STYLE}</style><script>{HTML_SCRIPT}</script>
</head><body>
<header><nav><ul>{menu}</ul></nav></header>
<div class="consent"><p>Nous et nos partenaires utilisons des cookies pour mesurer l’audience et
personnaliser les publicités.</p><button>Accepter</button><button>Refuser</button></div>
<main><article><h1>{esc(title)}</h1>
{body}
</article>
<aside><h2>Sur le même sujet</h2><ul>{related}</ul></aside>
<section class="comments"><h2>Commentaires</h2>{comments}</section></main>
<footer><p>© {esc(site)} — Tous droits réservés</p><a href="/cgu">CGU</a></footer>
</body></html>
"""
    return BenchSeed(seed.id, f"{seed.id}.html", seed.text, seed.date, seed.paragraphs, page)


def make_corpus(pools: Pools, n: int, seed: int = 0) -> tuple[BenchSeed, ...]:
    """N distinct synthetic seeds; the same (pools, n, seed) always gives the same corpus."""
    rng = random.Random(seed)
    corpus: list[BenchSeed] = []
    seen: set[str] = set()
    while len(corpus) < n:
        made = make_seed(len(corpus), pools, rng)
        # An exact copy would be published once (pipeline dedup): draw again instead.
        if made.text not in seen:
            seen.add(made.text)
            if len(corpus) % HTML_EVERY == HTML_EVERY - 1:
                made = html_page(made, pools)
            corpus.append(made)
    return tuple(corpus)


def write_corpus(corpus: Sequence[BenchSeed], folder: Path) -> None:
    """Write the seeds as UTF-8 files, replacing any previous corpus in that folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in [*folder.glob("*.txt"), *folder.glob("*.html")]:
        old.unlink()
    for s in corpus:
        (folder / s.filename).write_text(s.page if s.page is not None else s.text,
                                         encoding="utf-8")


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "bench" / "work" / f"n{n}" / "seeds"
    write_corpus(make_corpus(pools_from_texts(read_real_seeds()), n), out)
    print(f"{n} seeds written to {out}")
