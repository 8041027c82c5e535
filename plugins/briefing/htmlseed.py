"""Stage 1 for saved web pages: page bytes to the article's text plus the page's own metadata.

Pure: bytes in, records out. trafilatura extracts the text (it never fetches anything when it is
given a parsed page), htmldate tells the original date from the update; the rest is read from
the page's markup (pagemeta.py: OpenGraph, JSON-LD, microdata, <time>, <h1>, <title>), each
value with the field it came from, so the briefing can say why it believes it.
"""

from __future__ import annotations

import copy
import hashlib
import re
import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import version

import lxml.etree
import lxml.html
from rapidfuzz import fuzz

from . import headline
from . import html_patterns as H
from . import pagemeta as M
from . import textutils as T
from .reading import SEED_SUFFIXES, SeedProblem, SeedText, seed_suffix

# Suffixes of saved pages, longest first (the seed id is the name without them).
HTML_SUFFIXES = tuple(s for s in SEED_SUFFIXES if s != ".txt")
EXTRACTOR = f"trafilatura {version('trafilatura')}, htmldate {version('htmldate')}"


@dataclass(frozen=True)
class TitleCandidate:
    """A title the page gives somewhere, with where it was found and its cleaned form."""

    source: str
    text: str
    cleaned: str


@dataclass(frozen=True)
class PageMetadata:
    """What a saved page says about itself, each value with its basis."""

    title: str | None
    title_source: str
    title_basis: str
    title_candidates: tuple[TitleCandidate, ...]
    published: str | None
    published_basis: str
    updated: str | None
    updated_basis: str
    site_name: str | None
    site_name_basis: str
    canonical_url: str | None
    canonical_url_basis: str
    author: str | None
    description: str | None
    language: str | None
    encoding: str
    dropped_count: int
    dropped_samples: tuple[str, ...]
    extractor: str = EXTRACTOR


def is_html_seed(filename: str) -> bool:
    """A saved web page: `.html`, `.htm`, or either gzipped."""
    return seed_suffix(filename) in HTML_SUFFIXES


def decode_page(
    seed_id: str, filename: str, data: bytes
) -> tuple[SeedText, PageMetadata] | SeedProblem:
    """A saved page as seed text (its headline, then the extracted article) and its metadata.

    1. gunzip (bounded), size limit, encoding (BOM, declared charset, then a reported guess);
    2. parse leniently; a page lxml cannot read at all is refused;
    3. metadata from the markup (OpenGraph, JSON-LD, microdata, <time>, <h1>, <title>);
    4. text by trafilatura, dates by htmldate (on copies: both prune the tree they get);
    5. pages that are not one article (home page, list, empty shell) are refused;
    6. what the extractor left out of the visible page is counted, with a sample;
    7. the headline chosen from every candidate, then the seed text assembled.
    """
    # Imported here: half a second that a build without saved pages (or an up-to-date one,
    # which reads no seed) does not pay.
    import htmldate
    import trafilatura
    from trafilatura.metadata import extract_metadata

    digest = hashlib.sha256(data).hexdigest()

    def refuse(message: str) -> SeedProblem:
        return SeedProblem(filename, message, digest)

    # 1. Bytes to text.
    if not data:
        return refuse("fichier vide")
    if filename.lower().endswith(".gz"):
        try:
            data = _gunzip(data, H.MAX_PAGE_BYTES)
        except (OSError, EOFError, zlib.error) as exc:
            return refuse(f"archive gzip illisible ({exc})")
        except _TooBig:
            return refuse(_too_big_message("page décompressée"))
    if len(data) > H.MAX_PAGE_BYTES:
        return refuse(_too_big_message("page"))
    decoded = _decode(data)
    if isinstance(decoded, str):
        return refuse(decoded)
    html, encoding, notes = decoded
    if not html.strip():
        return refuse("fichier sans texte (blancs seulement)")

    # 2. Parse (lxml repairs broken markup; only a page with no element at all fails).
    try:
        tree = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError) as exc:
        return refuse(f"HTML illisible ({exc}) : ignoré")

    # 3. The page's own metadata.
    metas = M.meta_tags(tree)
    ld_articles, ld_others = M.json_ld(tree)
    micro = M.microdata(tree)
    times = M.time_elements(tree)

    # 4. Text and dates (trafilatura and htmldate both prune the tree they are given).
    for_text = copy.deepcopy(tree)
    for el in for_text.iter("time"):
        el.tag = "span"  # trafilatura deletes <time> with its words (« Publié le , mis à jour le »)
    body = trafilatura.bare_extraction(
        for_text, with_metadata=False, include_comments=False, include_tables=True,
        deduplicate=False)
    extracted = (body.text or "") if body is not None else ""
    # Metadata on an untouched copy: htmldate reads the <time> elements renamed above.
    document = extract_metadata(copy.deepcopy(tree))
    extracted = unicodedata.normalize("NFC", extracted).strip()
    saved = H.SAVED_FROM.search(html[: H.CHARSET_SCAN_BYTES])
    canonical = M.canonical_url(tree, metas, ld_articles, micro, document,
                               saved.group("url") if saved else None)
    updated_guess = htmldate.find_date(copy.deepcopy(tree), original_date=False,
                                       outputformat="%Y-%m-%d", url=canonical[0])

    # 5. One article, or nothing to publish.
    listing = _listing_reason(tree, metas, ld_articles, ld_others, extracted)
    if listing:
        return refuse(listing)

    # 6. Metadata with bases, the headline, the seed text.
    site_name = M.site_name(metas, ld_articles, ld_others, micro)
    candidates = _title_candidates(tree, metas, ld_articles, micro, document, site_name[0],
                                   canonical[0])
    chosen = choose_headline([(c.source, c.cleaned) for c in candidates], site_name[0])
    if site_name[0] is None and chosen:
        site_name = _site_name_from_title(candidates, chosen[1])
        if site_name[0]:  # now known: cleaned from every candidate, then chosen again
            candidates = _title_candidates(tree, metas, ld_articles, micro, document,
                                           site_name[0], canonical[0])
            chosen = choose_headline([(c.source, c.cleaned) for c in candidates], site_name[0])
    blocks = _visible_blocks(tree)
    stamp = M.printed_stamp(blocks, chosen[1] if chosen else None)
    published = M.published(metas, ld_articles, micro, times, document, stamp)
    updated = M.updated(metas, ld_articles, micro, times, updated_guess, published[0])
    title = chosen[1] if chosen else None
    lines = extracted.split("\n")
    # The cleaner takes the first line as the headline: the chosen title goes first, unless
    # the text already starts with a headline the page gives (then it stays, words unchanged).
    if title and not any(_same_title(lines[0], t) for c in candidates for t in (c.text, c.cleaned)):
        lines = [title, "", *lines]
    text = "\n".join(line.strip() for line in lines)

    # 7. What the extractor left out of what a reader sees.
    dropped = _dropped_blocks(blocks, text)
    notes.append(f"page HTML enregistrée : texte extrait par {EXTRACTOR} ; la page originale "
                 "n’est pas publiée (scripts, traceurs), seule son empreinte SHA-256")
    seed = SeedText(id=seed_id, filename=filename, text=text, lines=tuple(text.split("\n")),
                    encoding=encoding, notes=tuple(notes), sha256=digest)
    page = PageMetadata(
        title=title,
        title_source=chosen[0] if chosen else "",
        title_basis=chosen[2] if chosen else "la page ne donne aucun titre utilisable",
        title_candidates=tuple(candidates),
        published=published[0], published_basis=published[1],
        updated=updated[0], updated_basis=updated[1],
        site_name=site_name[0], site_name_basis=site_name[1],
        canonical_url=canonical[0], canonical_url_basis=canonical[1],
        author=M.author(metas, ld_articles, micro, document),
        description=_first(metas.get("og:description"), metas.get("description")),
        language=(tree.get("lang") or "").strip() or None,
        encoding=encoding,
        dropped_count=len(dropped),
        dropped_samples=tuple(_sample(d) for d in _spread(dropped, H.DROPPED_SAMPLES)),
    )
    return seed, page


# 1. Bytes -------------------------------------------------------------------------------------


class _TooBig(Exception):
    """A gzip member that would inflate beyond the page size limit (a zip bomb, or a dump)."""


def _gunzip(data: bytes, limit: int) -> bytes:
    """Inflate gzip data, never more than `limit` bytes."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = inflater.decompress(data, limit + 1)
    if len(out) > limit or inflater.unconsumed_tail:
        raise _TooBig
    if not inflater.eof:
        raise EOFError("archive tronquée")
    return out


def _too_big_message(what: str) -> str:
    limit = f"{H.MAX_PAGE_BYTES / 1_000_000:.0f} Mo"
    return f"{what} trop volumineuse (limite {limit}) : pas un article enregistré, ignorée"


def _decode(data: bytes) -> tuple[str, str, list[str]] | str:
    """Text, the encoding used and notes; or why the bytes are not a readable page."""
    notes: list[str] = []
    for bom, codec, name in ((b"\xef\xbb\xbf", "utf-8", "UTF-8"),
                             (b"\xff\xfe", "utf-16-le", "UTF-16"),
                             (b"\xfe\xff", "utf-16-be", "UTF-16")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), codec, [f"encodage {name} (BOM)"]
            except UnicodeDecodeError:
                return f"encodage illisible : {name} annoncé par le BOM mais invalide"
    if b"\x00" in data[:H.CHARSET_SCAN_BYTES]:
        return "fichier binaire (octets nuls), ignoré"
    declared = H.META_CHARSET.search(data[:H.CHARSET_SCAN_BYTES])
    if declared:
        name = declared.group(1).decode("ascii", "replace").lower()
        codec = H.CHARSET_ALIASES.get(name, name)
        try:
            text = data.decode(codec)
            if codec != "utf-8":
                notes.append(f"encodage {name} déclaré par la page (balise meta)"
                             + (f", lu en {codec}" if codec != name else ""))
            return text, codec, notes
        except (LookupError, UnicodeDecodeError):
            notes.append(f"encodage {name} déclaré par la page mais faux")
    try:
        return data.decode("utf-8"), "utf-8", notes
    except UnicodeDecodeError:
        pass
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        return "encodage illisible : ni UTF-8, ni un encodage reconnaissable"
    codec = best.encoding
    notes.append(f"encodage non déclaré : deviné {codec} (charset-normalizer), à vérifier")
    return str(best), codec, notes


# Site name beside the headline --------------------------------------------------------------------


def _site_name_from_title(candidates: Sequence[TitleCandidate],
                          headline: str) -> tuple[str | None, str]:
    """The outlet's name as the rest of <title> or og:title around the headline, if short."""
    for c in candidates:
        if c.source not in ("<title>", "og:title"):
            continue
        parts = H.TITLE_SEPARATORS.split(c.text)
        if len(parts) < 2:
            continue
        for affix, rest in ((parts[-1], parts[:-1]), (parts[0], parts[1:])):
            words = affix.split()
            joined = " ".join(rest)
            if 1 <= len(words) <= H.SITE_AFFIX_MAX_WORDS and affix[:1].isupper() \
                    and (_agree(joined, headline) or _agree(" ".join(rest[-1:]), headline)):
                return affix, f"métadonnées de la page : {c.source} « {c.text} » (nom du site " \
                              "accolé au titre)"
    return None, ""


# 5–7. Listing pages and what the extractor dropped ------------------------------------------------


def _listing_reason(tree: lxml.html.HtmlElement, metas: dict[str, str], ld_articles: list[dict],
                    ld_others: list[dict], extracted: str) -> str | None:
    """Why the page is not one article (home page, list, empty shell), or None."""
    words = len(re.findall(r"\w+", extracted))
    if words == 0:
        return "aucun texte d’article après extraction (page vide ou chargée par JavaScript)"
    headline_links = len(tree.xpath("//*[self::h2 or self::h3 or self::h4]//a[@href]"))
    declared_list = (metas.get("og:type", "").lower() == "website" and not ld_articles
                     and not any(k in metas for k in H.PUBLISHED_META[:2]))
    declared_list = declared_list or (
        not ld_articles and any(M.types(n) & (H.LISTING_TYPES - {"webpage"}) - {"website"}
                                for n in ld_others))
    if headline_links >= H.LIST_MIN_HEADLINE_LINKS and words < H.LIST_MAX_WORDS:
        return (f"page d’accueil ou liste d’articles ({headline_links} titres en lien, "
                f"{words} mots de texte propre) : pas un article, ignorée")
    if declared_list and words < H.LIST_MAX_WORDS:
        return (f"page d’accueil ou liste d’articles (déclarée comme telle, {words} mots de "
                "texte propre) : pas un article, ignorée")
    templated = len(H.UNRENDERED_TEMPLATE.findall(extracted))
    own_words = len(re.findall(r"\w+", H.UNRENDERED_TEMPLATE.sub(" ", extracted)))
    if templated and own_words < H.MIN_ARTICLE_WORDS:
        return (f"gabarit d’application non rendu ({templated} « {{{{…}}}} », {own_words} mots "
                "hors gabarit) : page d’édition ou coquille, pas un article, ignorée")
    if words < H.MIN_ARTICLE_WORDS:
        return (f"presque aucun texte après extraction ({words} mots) : coquille vide ou "
                "page d’attente, pas un article, ignorée")
    return None


def _visible_blocks(tree: lxml.html.HtmlElement) -> list[str]:
    """The page's visible text, one entry per block (menu item, paragraph, button…)."""
    body = tree.find("body")
    if body is None:
        return []
    # iterwalk skips comments, and their tails with them (« <!-- … --> 30 septembre 2018 »).
    body = copy.deepcopy(body)
    lxml.etree.strip_tags(body, lxml.etree.Comment, lxml.etree.ProcessingInstruction)
    blocks: list[str] = []
    current: list[str] = []
    skipping = 0

    def flush() -> None:
        text = M.clean_space("".join(current))
        if re.search(r"\w", text):
            blocks.append(text)
        current.clear()

    for event, el in lxml.etree.iterwalk(body, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in H.INVISIBLE_TAGS or el.get("hidden") is not None:
            if event == "start":
                skipping += 1
            else:
                skipping -= 1
                if not skipping and el.tail:
                    current.append(el.tail)
            continue
        if skipping:
            continue
        if event == "start":
            if tag in H.BLOCK_TAGS:
                flush()
            current.append(el.text or "" if tag else "")
        else:
            if tag in H.BLOCK_TAGS:
                flush()
            current.append(el.tail or "")
    flush()
    return blocks


def _dropped_blocks(blocks: list[str], extracted: str) -> list[str]:
    """Visible blocks of the page that the extracted text does not contain, in page order."""
    kept = T.normalise_line(extracted)
    seen: set[str] = set()
    dropped: list[str] = []
    for block in blocks:
        key = T.normalise_line(block)
        if key in kept or key in seen:
            continue
        seen.add(key)
        dropped.append(block)
    return dropped


def _spread(items: Sequence[str], k: int) -> list[str]:
    """Up to k items spread over the list: a menu, a banner, related links and the footer,
    rather than the first five menu entries."""
    if len(items) <= k:
        return list(items)
    return [items[round(i * (len(items) - 1) / (k - 1))] for i in range(k)]


def _sample(text: str) -> str:
    if len(text) <= H.DROPPED_SAMPLE_CHARS:
        return text
    return text[: H.DROPPED_SAMPLE_CHARS].rsplit(" ", 1)[0] + "…"


# 6. Titles ----------------------------------------------------------------------------------------


def _title_candidates(tree: lxml.html.HtmlElement, metas: dict[str, str], ld: list[dict],
                      micro: dict[str, str], document: object, site_name: str | None,
                      url: str | None) -> list[TitleCandidate]:
    """Every title the page gives, with its source, cleaned of the site's name."""
    # The article's <h1>; outside an <article>, the first that is not the site's logo.
    h1s = [M.headline_text(h) for h in tree.xpath("//article//h1") or tree.xpath("//h1")]
    h1 = next((h for h in h1s if len(T.words(h)) >= 3 and not (
        site_name and _fold(h) == _fold(site_name))), h1s[0] if h1s else None)
    titles = tree.xpath("//head/title") or tree.xpath("//title")
    raw = [
        ("<h1>", h1),
        ("JSON-LD headline", M.ld_field(ld, "headline") or M.ld_field(ld, "name")),
        ("microdata headline", micro.get("headline")),
        ("og:title", metas.get("og:title")),
        ("twitter:title", metas.get("twitter:title")),
        ("<title>", titles[0].text_content() if titles else None),
        ("trafilatura", getattr(document, "title", None)),
    ]
    host = re.sub(r"^www\.", "", re.sub(r"^https?://([^/]+).*$", r"\1", url or "")).lower()
    out: list[TitleCandidate] = []
    for source, text in raw:
        text = M.clean_space(text or "")
        if text:
            out.append(TitleCandidate(source, text, strip_site_affix(text, site_name, host)))
    return out


def strip_site_affix(title: str, site_name: str | None = None, host: str = "") -> str:
    """A title without the site's name before or after it (« … - Le Monde », « Le Figaro - … »)."""
    parts = H.TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    seps = H.TITLE_SEPARATORS.findall(title)
    names = {_fold(site_name)} if site_name else set()
    label = host.split(".")[-2] if host.count(".") >= 1 else ""

    def is_site(segment: str) -> bool:
        folded = _fold(segment)
        squeezed = folded.replace(" ", "")
        return bool(folded) and (folded in names or (label and squeezed == label)
                                 or any(n and n.replace(" ", "") == squeezed for n in names))

    # The site's name, when it is known, wherever it stands (end or start).
    while len(parts) > 1 and is_site(parts[-1]):
        parts, seps = parts[:-1], seps[:-1]
    while len(parts) > 1 and is_site(parts[0]):
        parts, seps = parts[1:], seps[1:]
    if len(parts) > 1 and not names and seps[-1].strip() in "|–—-‹›»" \
            and len(parts[-1].split()) <= H.SITE_AFFIX_MAX_WORDS \
            and len(parts[-1]) <= H.SITE_AFFIX_MAX_CHARS \
            and len(" ".join(parts[:-1]).split()) > len(parts[-1].split()) + 2:
        # No name to compare with: a short trailing segment after « | » or « - » is the site.
        parts, seps = parts[:-1], seps[:-1]
    rebuilt = parts[0]
    for sep, part in zip(seps, parts[1:], strict=True):
        rebuilt += sep + part
    return rebuilt.strip()


def title_problem(text: str) -> str | None:
    """Why a string cannot be the page's headline, or None.

    The shapes that are never a headline (address, timestamp, credit, English line) are the
    text cleaner's (`headline.never_title`); metadata adds English titles written without
    accents that slip under its ratio, and lengths.
    """
    words = T.words(text)
    if not text.strip():
        return "vide"
    reason = headline.never_title(text)
    if reason:
        return reason
    if len(words) < H.TITLE_MIN_WORDS:
        return "trop court"
    if len(words) > H.TITLE_MAX_WORDS:
        return "trop long"
    english = sum(1 for w in words if w.lower() in H.ENGLISH_WORDS)
    if english >= 2 and english / len(words) >= 0.2 and not re.search(r"[éèêàçùôî]", text):
        return "ligne en anglais"
    return None


def choose_headline(
    candidates: Sequence[tuple[str, str]], site_name: str | None = None
) -> tuple[str, str, str] | None:
    """(source, title, basis) of the best headline among (source, cleaned text) candidates.

    Candidates that agree (fuzzy, folded) form a group; the group with the most weight wins
    (TITLE_SOURCES, times the best shape score of `headline.score`), and its text is the
    <h1>'s when the h1 is in it and shaped as well as the others: what readers of the page saw,
    where og:title is often rewritten for search engines. Never a URL, a site name alone, a
    timestamp or a non-French line.
    """
    shape: dict[str, float] = {}  # the same text comes from several sources: scored once
    usable: list[tuple[str, str]] = []
    for source, text in candidates:
        if text not in shape:
            shape[text] = headline.score(text) if title_problem(text) is None else 0.0
        if shape[text] > 0 and not (site_name and _fold(text) == _fold(site_name)):
            usable.append((source, text))
    if not usable:
        return None
    groups: list[list[tuple[str, str]]] = []
    for source, text in usable:
        for group in groups:
            if _agree(group[0][1], text):
                group.append((source, text))
                break
        else:
            groups.append([(source, text)])

    def weight(group: list[tuple[str, str]]) -> float:
        sources = sum(H.TITLE_SOURCES.get(s, 1) for s in {s for s, _ in group})
        return sources * max(shape[t] for _, t in group)

    order = list(H.TITLE_SOURCES)
    best = max(groups, key=lambda g: (weight(g), -min(_rank(order, s) for s, _ in g)))
    source, text = min(best, key=lambda c: (-shape[c[1]], _rank(order, c[0])))
    others = sorted({s for s, _ in best if s != source}, key=lambda s: _rank(order, s))
    basis = f"métadonnées de la page : {source}"
    if others:
        basis += ", concordant avec " + ", ".join(others)
    rejected = [g for g in groups if g is not best]
    if rejected:
        basis += " ; écarté : " + " ; ".join(
            f"{', '.join(sorted({s for s, _ in g}, key=lambda s: _rank(order, s)))} "
            f"« {g[0][1]} »" for g in rejected)
    return source, text, basis


def _rank(order: list[str], source: str) -> int:
    return order.index(source) if source in order else len(order)


def _agree(a: str, b: str) -> bool:
    fa, fb = _fold(a), _fold(b)
    return fa == fb or fuzz.ratio(fa, fb) >= H.TITLE_AGREEMENT or (
        min(len(fa), len(fb)) >= 20 and (fa in fb or fb in fa))


def _same_title(line: str, title: str) -> bool:
    return _fold(line) == _fold(title) or fuzz.ratio(_fold(line), _fold(title)) >= 95


# Helpers -------------------------------------------------------------------------------------


def _first(*values: str | None) -> str | None:
    return next((v for v in values if v), None)


def _fold(text: str) -> str:
    """Lower case, no accents, straight apostrophes, words only: to compare titles and names."""
    return T.match_key(text, keep="'")
