"""What a saved page's markup says about itself, each value with the field it came from.

OpenGraph and other <meta> tags, JSON-LD, microdata, <time> elements, <link rel=canonical>:
read from the parsed page (pure: a tree in, strings out). The text is trafilatura's business
(htmlseed.py); this module only reads what the page declares.
"""

from __future__ import annotations

import copy
import json
import re
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime
from email.utils import parsedate
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import lxml.html

from . import html_patterns as H
from .timex_grammar import MONTHS


def meta_tags(tree: lxml.html.HtmlElement) -> dict[str, str]:
    """<meta property|name|itemprop=… content=…>, first value of each lower-cased key."""
    metas: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = clean_space(el.get("content") or "")
        if key and value and key not in metas:
            metas[key] = value
    return metas


def types(node: dict) -> set[str]:
    """The schema.org types of a JSON-LD node, lower case, without their URL prefix."""
    kind = node.get("@type") or ()
    kinds = [kind] if isinstance(kind, str) else kind
    return {str(k).rsplit("/", 1)[-1].lower() for k in kinds if isinstance(k, str)}


def json_ld(tree: lxml.html.HtmlElement) -> tuple[list[dict], list[dict]]:
    """JSON-LD nodes: article nodes, and every other node (for publisher and page type)."""
    articles: list[dict] = []
    others: list[dict] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = re.sub(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$", "", script.text or "")
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            try:  # CMS templates often leave a comma before a closing bracket
                data = json.loads(re.sub(r",\s*([}\]])", r"\1", raw), strict=False)
            except ValueError:
                continue  # a broken block is ignored: the other sources remain
        stack = [data]
        while stack:
            node = stack.pop(0)
            if isinstance(node, list):
                stack[:0] = node
            elif isinstance(node, dict):
                # The article may sit in a @graph, or as the mainEntity of a WebPage node.
                for key in ("@graph", "mainEntity"):
                    if isinstance(node.get(key), list | dict):
                        stack.append(node[key])
                (articles if types(node) & H.ARTICLE_TYPES else others).append(node)
    return articles, others


def ld_text(value: object) -> str | None:
    """A JSON-LD value as text: a string, a {name} object, or the first of a list."""
    if isinstance(value, list):
        for item in value:
            text = ld_text(item)
            if text:
                return text
        return None
    if isinstance(value, dict):
        return ld_text(value.get("name") or value.get("@id") or value.get("url"))
    if isinstance(value, str | int | float):
        return clean_space(str(value)) or None
    return None


def ld_field(nodes: Iterable[dict], key: str) -> str | None:
    """The first node's value for `key`, as text."""
    for node in nodes:
        text = ld_text(node.get(key))
        if text:
            return text
    return None


def microdata(tree: lxml.html.HtmlElement) -> dict[str, str]:
    """itemprop values of the page's article item (headline, dates, author, publisher)."""
    found: dict[str, str] = {}
    for el in tree.xpath("//*[@itemprop]"):
        key = el.get("itemprop", "").strip()
        if key in found or el.tag == "meta":
            continue
        if key in ("author", "publisher"):
            names = el.xpath(".//*[@itemprop='name']")
            value = (names[0].get("content") or names[0].text_content()) if names else \
                el.text_content()
        elif key in ("datePublished", "dateModified"):
            value = el.get("datetime") or el.get("content") or el.text_content()
        elif key == "headline":
            value = el.get("content") or element_text(el)
        elif key in ("mainEntityOfPage", "url") and el.get("href"):
            key, value = "url", el.get("href")
        else:
            continue
        value = clean_space(value or "")
        if value:
            found[key] = value
    return found


def time_elements(tree: lxml.html.HtmlElement) -> list[tuple[str, str, str]]:
    """(role, date, as shown) of the article's <time> elements: "published", "updated", "time".

    The date is the one printed when the element prints a full date (« Publié le 29 juin
    2019 » whose `datetime` says 3 July: readers saw 29 June), else its `datetime`. Times in
    comments, teasers, sidebars and footers are another story's or a reader's.
    """
    found: list[tuple[str, str, str]] = []
    for el in tree.iter("time"):
        shown = element_text(el)
        value = printed_date(shown) or el.get("datetime")
        if not value or _outside_article(el):
            continue
        parent = el.getparent()
        before = ""
        if parent is not None:
            before = (parent.text or "") + "".join(
                (sib.text_content() + (sib.tail or "")) for sib in el.itersiblings(preceding=True))
        context = " ".join([before[-60:], el.get("class") or "",
                            parent.get("class") or "" if parent is not None else "", shown])
        if el.get("pubdate") is not None or el.get("itemprop") == "datePublished":
            role = "published"
        elif el.get("itemprop") == "dateModified" or H.UPDATE_CUES.search(context):
            role = "updated"
        elif H.PUBLISH_CUES.search(context):
            role = "published"
        else:
            role = "time"
        found.append((role, value, shown))
    return found


def printed_stamp(blocks: list[str], headline: str | None) -> tuple[str, str] | None:
    """(day, line) of a short line printed under (or just above) the headline, with a date.

    « Par Loïc Le Clerc 30 septembre 2018 »: a byline or dateline a reader sees; never a line
    that says it is an update.
    """
    if not headline:
        return None
    key = clean_space(headline).casefold()
    start = next((i for i, b in enumerate(blocks) if clean_space(b).casefold() == key), None)
    if start is None:
        return None
    after = blocks[start + 1: start + 1 + H.STAMP_LOOKAHEAD]
    before = blocks[max(start - H.STAMP_LOOKBEHIND, 0): start][::-1]
    for block in [*after, *before]:
        if len(block.split()) > H.STAMP_MAX_WORDS or H.UPDATE_CUES.search(block):
            continue
        day = printed_date(block)
        if day:
            return day, block
    return None


def _outside_article(el: lxml.html.HtmlElement) -> bool:
    """Inside a comment, a teaser, a sidebar, a footer or a menu."""
    for ancestor in el.iterancestors():
        if ancestor.tag in ("aside", "footer", "nav"):
            return True
        marks = f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}"
        if H.NOT_ARTICLE_CONTAINER.search(marks):
            return True
    return False


def printed_date(text: str) -> str | None:
    """A full date printed in French (« 29 juin 2019 », « 1er mai 2020 », « 04/05/2015 »)."""
    m = H.PRINTED_DATE.search(text)
    if m:
        month = MONTHS.get(m.group("month").lower())
        day = 1 if m.group("day").lower() == "1er" else int(m.group("day"))
        try:
            return date(int(m.group("year")), month or 0, day).isoformat()
        except ValueError:
            return None
    m = re.search(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", text)
    return iso_day(f"{m.group(1)}/{m.group(2)}/{m.group(3)}") if m else None


def canonical_url(tree: lxml.html.HtmlElement, metas: dict[str, str], ld: list[dict],
                   micro: dict[str, str], document: object,
                   saved_from: str | None) -> tuple[str | None, str]:
    """The page's canonical address (absolute http(s) only) and where it was found."""
    links = [el.get("href", "") for el in tree.iter("link")
             if "canonical" in (el.get("rel") or "").lower().split()]
    main = None
    for node in ld:
        entity = node.get("mainEntityOfPage")
        main = main or (ld_text(entity) if entity else None) or ld_text(node.get("url"))
    for value, source in ((links[0] if links else None, "<link rel=canonical>"),
                          (metas.get("og:url"), "og:url"),
                          (main, "JSON-LD url"),
                          (micro.get("url"), "microdata url"),
                          (getattr(document, "url", None), "trafilatura"),
                          (saved_from, "adresse notée par le navigateur à l’enregistrement")):
        if value and re.match(r"^https?://[^\s/]+\.[^\s/]+", value.strip()):
            return value.strip(), f"métadonnées de la page : {source}"
    return None, "la page ne donne pas son adresse"


def site_name(metas: dict[str, str], ld: list[dict], others: list[dict],
               micro: dict[str, str]) -> tuple[str | None, str]:
    """The outlet's own name for itself: og:site_name, else the JSON-LD or microdata publisher.

    A name wins over a bare domain (« Le Parisien » from JSON-LD over og:site_name
    « leparisien.fr »); the domain is kept when it is all the page gives (« Sports.fr »).
    """
    organisations = [n for n in others if types(n) & H.PUBLISHER_TYPES]
    found: list[tuple[str, str]] = []
    for value, source in ((metas.get("og:site_name"), "og:site_name"),
                          (ld_field(ld, "publisher"), "JSON-LD publisher"),
                          (ld_field(organisations, "name"), "JSON-LD organisation"),
                          (micro.get("publisher"), "microdata publisher"),
                          (metas.get("application-name"), "application-name")):
        # An address with a scheme or a path is not a name.
        if value and not re.match(r"^(https?://|www\.)|.*/", value):
            found.append((value, source))
    if not found:
        return None, ""
    value, source = next(((v, s) for v, s in found if not H.BARE_DOMAIN.match(v)), found[0])
    # « Le Monde.fr », « Ouest-France.fr »: the outlet's name without its domain ending.
    name = H.SITE_DOMAIN_ENDING.sub("", value) if re.search(r"[\s-]", value) else value
    return name, f"métadonnées de la page : {source} « {value} »"


def author(metas: dict[str, str], ld: list[dict], micro: dict[str, str],
            document: object) -> str | None:
    """The byline: JSON-LD author, <meta name=author>, microdata, trafilatura; never a URL."""
    for value in (ld_field(ld, "author"), metas.get("author"), metas.get("article:author"),
                  micro.get("author"), getattr(document, "author", None)):
        if value and not H.URL_LIKE.match(value) and not value.startswith("http"):
            return value
    return None


def iso_day(value: str | None, zone: str = H.NEWSROOM_TIME_ZONE) -> str | None:
    """A date string from page metadata as YYYY-MM-DD, the day in the newsroom's time zone.

    « 2023-08-06T23:30:00Z » is 7 August in Paris: a timestamp with an offset is converted;
    one without is taken as written.
    """
    if not value:
        return None
    value = value.strip()
    stamp = H.ISO_TIMESTAMP.match(value)
    if stamp:
        try:
            moment = datetime.fromisoformat(stamp.group(0).replace("Z", "+00:00"))
            return moment.astimezone(ZoneInfo(zone)).date().isoformat()
        except (ValueError, ZoneInfoNotFoundError):
            pass  # an impossible date or an unknown zone: the written day below
    m = re.match(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", value) or \
        re.match(r"^(\d{4})(\d{2})(\d{2})(?:\D|$)", value)
    if m:
        y, mo, d = (int(x) for x in m.groups())
    else:
        m = re.match(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})", value)
        if m:
            d, mo, y = (int(x) for x in m.groups())
        else:
            parsed = parsedate(value)
            if not parsed:
                return None
            y, mo, d = parsed[:3]
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return None


def published(metas: dict[str, str], ld: list[dict], micro: dict[str, str],
               times: list[tuple[str, str, str]], document: object,
               stamp: tuple[str, str] | None = None) -> tuple[str | None, str]:
    """The original publication date and its basis, strongest source first.

    Declared fields, then a date printed under the headline (`stamp`: day, line), then
    htmldate's guess.
    """
    sources = [("JSON-LD datePublished", ld_field(ld, "datePublished"))]
    sources += [(name, metas.get(name)) for name in H.PUBLISHED_META]
    sources.append(("microdata datePublished", micro.get("datePublished")))
    sources += [(f"<time> « {shown} »", v) for role, v, shown in times if role == "published"]
    for source, value in sources:
        day = iso_day(value)
        if day:
            return day, f"métadonnées de la page : {source} {day}"
    if stamp:
        return stamp[0], f"date imprimée près du titre : « {stamp[1]} » {stamp[0]}"
    day = iso_day(getattr(document, "date", None))
    if day:  # htmldate reads the URL, headers and text too: not always metadata
        return day, f"date originale trouvée dans la page par htmldate : {day}"
    return None, ""


def updated(metas: dict[str, str], ld: list[dict], micro: dict[str, str],
             times: list[tuple[str, str, str]], guess: str | None,
             published: str | None) -> tuple[str | None, str]:
    """The date of the last update, when it is not the publication day, and its basis."""
    sources = [("JSON-LD dateModified", ld_field(ld, "dateModified"))]
    sources += [(name, metas.get(name)) for name in H.UPDATED_META]
    sources.append(("microdata dateModified", micro.get("dateModified")))
    sources += [(f"<time> « {shown} »", v) for role, v, shown in times if role == "updated"]
    sources.append(("htmldate (date de mise à jour)", guess))
    for source, value in sources:
        day = iso_day(value)
        if day and (published is None or day > published):
            return day, f"métadonnées de la page : {source} {day}"
        if day:
            break  # the strongest update field says the page was not updated later
    return None, ""


def element_text(el: lxml.html.HtmlElement) -> str:
    """An element's visible words, a space between its parts (« Vidéo » + « Titre »)."""
    parts: list[str] = []
    for node in el.iter():
        if isinstance(node.tag, str) and node.tag not in H.INVISIBLE_TAGS and node.text:
            parts.append(node.text)
        if node is not el and node.tail:
            parts.append(node.tail)
    return clean_space(" ".join(p.strip() for p in parts if p.strip()))


def headline_text(el: lxml.html.HtmlElement) -> str:
    """A heading's words without the label set inside it (« Vidéo », « Exclusif », a rubric)."""
    labels = [child for child in el.iterdescendants()
              if H.KICKER_CLASS.search(child.get("class") or "")]
    if not labels:
        return element_text(el)
    el = copy.deepcopy(el)
    for child in list(el.iterdescendants()):
        if H.KICKER_CLASS.search(child.get("class") or ""):
            child.drop_tree()  # keeps the text after the label
    return element_text(el)


def clean_space(text: str) -> str:
    """NFC text with every run of spaces as one space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()
