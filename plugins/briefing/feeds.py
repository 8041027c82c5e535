"""Atom feeds and sitemap.xml as strings: deterministic, dated only by the entries themselves."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlparse
from xml.sax.saxutils import escape, quoteattr

# Used only when no entry of a feed carries a date: a fixed instant, never the build time,
# so that two builds of the same content give byte-identical feeds.
FALLBACK_UPDATED = "1970-01-01T00:00:00Z"
# ISO 8601 partial dates as the exports carry them (DESIGN.md §4): YYYY, YYYY-MM, YYYY-MM-DD.
ISO_PARTIAL = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?")
# Characters XML 1.0 forbids even when escaped (seed text may carry stray control bytes).
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
ATOM_NS = "http://www.w3.org/2005/Atom"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed: title, absolute URL, ISO date (partial allowed) or None, summary."""

    title: str
    url: str
    date: str | None
    summary: str


@dataclass(frozen=True)
class SitemapEntry:
    """One page of the sitemap: absolute URL and, when known, its ISO date (partial allowed)."""

    url: str
    date: str | None = None


def atom_feed(
    entries: Sequence[FeedEntry], *, title: str, feed_url: str, site_url: str,
    author: str, subtitle: str = "", lang: str = "fr",
) -> str:
    """An Atom 1.0 document: latest first, undated entries last with the latest known date."""
    for url in (feed_url, site_url, *(e.url for e in entries)):
        _check_absolute(url)
    known = [atom_datetime(e.date) for e in entries if e.date]
    # Undated entries still need an <updated>; the latest known date is the honest bound that
    # does not move between builds (Atom has no way to say "unknown").
    fallback = max(known, default=FALLBACK_UPDATED)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="{ATOM_NS}" xml:lang={quoteattr(lang)}>',
        f"  <title>{_text(title)}</title>",
    ]
    if subtitle:
        lines.append(f"  <subtitle>{_text(subtitle)}</subtitle>")
    lines += [
        f"  <id>{_text(feed_url)}</id>",
        f'  <link rel="self" type="application/atom+xml" href={_attr(feed_url)}/>',
        f'  <link rel="alternate" type="text/html" href={_attr(site_url)}/>',
        f"  <updated>{fallback}</updated>",
        f"  <author><name>{_text(author)}</name></author>",
    ]
    for entry in sorted_entries(entries):
        updated = atom_datetime(entry.date) if entry.date else fallback
        lines += [
            "  <entry>",
            f"    <title>{_text(entry.title)}</title>",
            f'    <link rel="alternate" type="text/html" href={_attr(entry.url)}/>',
            f"    <id>{_text(entry.url)}</id>",
            f"    <updated>{updated}</updated>",
            f'    <summary type="text">{_text(entry.summary)}</summary>',
            "  </entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def sitemap_xml(entries: Iterable[SitemapEntry]) -> str:
    """A sitemaps.org document, one <url> per distinct URL, sorted by URL."""
    by_url: dict[str, str | None] = {}
    for entry in entries:
        _check_absolute(entry.url)
        if entry.date is not None:
            _check_date(entry.date)
        # The same page listed twice keeps its latest date (ISO strings sort chronologically).
        by_url[entry.url] = max(filter(None, (by_url.get(entry.url), entry.date)), default=None)
    lines = ['<?xml version="1.0" encoding="utf-8"?>', f'<urlset xmlns="{SITEMAP_NS}">']
    for url in sorted(by_url):
        date = by_url[url]
        # W3C datetime (what <lastmod> takes) allows YYYY and YYYY-MM: no precision invented.
        lastmod = f"<lastmod>{date}</lastmod>" if date else ""
        lines.append(f"  <url><loc>{_text(url)}</loc>{lastmod}</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def sorted_entries(entries: Iterable[FeedEntry]) -> list[FeedEntry]:
    """Latest first, undated last, ties broken by URL so the input order never matters."""
    dated = sorted((e for e in entries if e.date), key=lambda e: e.url)
    dated.sort(key=lambda e: atom_datetime(e.date), reverse=True)
    undated = sorted((e for e in entries if not e.date), key=lambda e: e.url)
    return dated + undated


def atom_datetime(iso: str | None) -> str:
    """`2020-10` → `2020-10-01T00:00:00Z` (Atom needs an instant: a period's first day)."""
    if iso is None:
        return FALLBACK_UPDATED
    _check_date(iso)
    year, month, day = ([*iso.split("-"), "01", "01"])[:3]
    return f"{year}-{month}-{day}T00:00:00Z"


def absolute_url(site_url: str, path: str) -> str:
    """A page URL relative to the site root (as in the exports) joined to the site's address."""
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def _check_date(iso: str) -> None:
    if not ISO_PARTIAL.fullmatch(iso):
        raise ValueError(f"feeds: not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {iso!r}")


def _check_absolute(url: str) -> None:
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ValueError(f"feeds: URL must be absolute (http or https): {url!r}")


def _text(value: str) -> str:
    return escape(XML_INVALID.sub("", value))


def _attr(value: str) -> str:
    return quoteattr(XML_INVALID.sub("", value))
