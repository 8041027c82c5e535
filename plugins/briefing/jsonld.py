"""schema.org JSON-LD: pure builders of dicts, and a serialiser safe inside a <script> element.

Every builder takes URLs as the caller gives them; for valid structured data they should be
absolute (``absolute(SITEURL, path)``), but nothing here guesses a domain.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from markupsafe import Markup

from .factcheck import Note
from .verdicts import BEST_RATING, WORST_RATING

CONTEXT = "https://schema.org"

# schema.org type of each actor kind (DESIGN.md §4 kinds).
ACTOR_TYPES = {"person": "Person", "organisation": "Organization", "state": "Country",
               "place": "Place", "media": "NewsMediaOrganization"}
# French wording of a date status, said in the NewsArticle's description.
DATE_STATUS_TEXT = {
    "confirmed": "date de parution vérifiée par la rédaction",
    "inferred": "date de parution déduite du texte, non confirmée",
    "unknown": "date de parution inconnue",
}
# French wording of a chronology status.
EVENT_STATUS_TEXT = {
    "corroborated": "rapporté par plusieurs sources",
    "single-source": "rapporté par une seule source",
    "disputed": "sources en désaccord",
}
# Characters that could end the <script> element or start an HTML entity or comment, and the
# line separators that old JavaScript parsers treat as newlines.
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                   "\u2028": "\\u2028", "\u2029": "\\u2029"}


def absolute(site_url: str, path: str) -> str:
    """A site-relative path made absolute when the site has a URL (kept relative in dev)."""
    if not site_url or "://" in path:
        return path
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def _drop_empty(data: dict[str, Any]) -> dict[str, Any]:
    """The dict without None, empty strings or empty lists: absent is honest, empty is noise."""
    return {k: v for k, v in data.items() if v not in (None, "", [], (), {})}


def site_organisation(
    *, name: str, url: str, publishing_principles: str, corrections_policy: str,
    description: str | None = None, logo: str | None = None,
) -> dict[str, Any]:
    """The site's publisher, with its methodology and corrections policy pages."""
    return _drop_empty({
        "@context": CONTEXT, "@type": "NewsMediaOrganization", "@id": f"{url}#organisation",
        "name": name, "url": url, "description": description, "logo": logo,
        "publishingPrinciples": publishing_principles, "correctionsPolicy": corrections_policy,
    })


def _reference(organisation: Mapping[str, Any]) -> dict[str, Any]:
    """A nested reference to the site's organisation (no @context)."""
    return _drop_empty({k: organisation.get(k) for k in ("@type", "@id", "name", "url")})


def claim_review(
    note: Note, *, url: str, appearances: Sequence[str], organisation: Mapping[str, Any],
    claimant_type: str = "Person", claim_date: str | None = None,
) -> dict[str, Any]:
    """ClaimReview of one note; `appearances` are the URLs of the briefings quoting the claim."""
    claim = _drop_empty({
        "@type": "Claim",
        "author": {"@type": claimant_type, "name": note.claimant} if note.claimant else None,
        "appearance": [{"@type": "CreativeWork", "url": u} for u in appearances],
        "datePublished": claim_date,
        "firstAppearance": {"@type": "CreativeWork", "url": appearances[0]}
        if appearances else None,
    })
    return _drop_empty({
        "@context": CONTEXT, "@type": "ClaimReview", "url": url, "name": note.title,
        "claimReviewed": note.claim, "datePublished": note.date,
        "dateModified": note.corrections[-1].date if note.corrections else None,
        "inLanguage": "fr", "author": _reference(organisation),
        "publisher": _reference(organisation),
        "reviewRating": {
            "@type": "Rating", "ratingValue": note.verdict.rating,
            "bestRating": BEST_RATING, "worstRating": WORST_RATING,
            "alternateName": note.verdict.label,
        },
        "itemReviewed": claim,
        "citation": [_drop_empty({"@type": "CreativeWork", "name": label, "url": link})
                     for label, link in note.sources],
    })


def news_article(
    *, url: str, headline: str, headline_is_generated: bool, date: str | None,
    date_status: str, date_basis: str, organisation: Mapping[str, Any],
    source: str | None = None, source_status: str = "unknown", source_url: str | None = None,
    raw_url: str | None = None, about: Sequence[str] = (), word_count: int | None = None,
) -> dict[str, Any]:
    """NewsArticle of a briefing; a date is published only when confirmed or inferred."""
    said = [f"{DATE_STATUS_TEXT.get(date_status, date_status)} ({date_basis})"]
    if headline_is_generated:
        said.append("titre rédigé par la rédaction à partir du chapeau (absent de la source)")
    if source and source_status != "confirmed":
        said.append(f"média d’origine supposé : {source} (indice, non vérifié)")
    dated = date if date_status in ("confirmed", "inferred") else None
    return _drop_empty({
        "@context": CONTEXT, "@type": "NewsArticle", "url": url, "headline": headline,
        "inLanguage": "fr", "datePublished": dated,
        "description": " ; ".join(said) + ".",
        "publisher": _reference(organisation),
        "sourceOrganization": {"@type": "Organization", "name": source}
        if source and source_status == "confirmed" else None,
        "isBasedOn": [u for u in (source_url, raw_url) if u],
        "about": [{"@type": "Thing", "name": name} for name in about],
        "wordCount": word_count,
    })


def person_or_org(
    *, name: str, kind: str, url: str, aliases: Sequence[str] = (),
    description: str | None = None, wikidata: str | None = None, roles: Sequence[str] = (),
) -> dict[str, Any]:
    """Person, Organization, Country or Place of an actor page."""
    same_as = f"https://www.wikidata.org/wiki/{wikidata}" if wikidata else None
    kind_type = ACTOR_TYPES.get(kind, "Thing")
    return _drop_empty({
        "@context": CONTEXT, "@type": kind_type, "name": name, "url": url,
        "alternateName": [a for a in aliases if a != name], "description": description,
        "sameAs": same_as,
        "jobTitle": list(roles) if kind_type == "Person" else None,
    })


def event(
    *, name: str, date: str | None, url: str, status: str, sources: int,
    description: str | None = None, about: Sequence[str] = (),
) -> dict[str, Any]:
    """Event of a chronology entry; a date with an unknown year or week is left out."""
    known = date if date and not date.startswith("X") and "W" not in date else None
    said = f"{EVENT_STATUS_TEXT.get(status, status)} ({sources} briefing{'s' * (sources > 1)})"
    return _drop_empty({
        "@context": CONTEXT, "@type": "Event", "name": name, "url": url, "startDate": known,
        "description": f"{description} — {said}" if description else said,
        "about": [{"@type": "Thing", "name": n} for n in about],
    })


def to_json(data: Any) -> str:
    """JSON text that no string inside can turn into HTML (`</script>`, `<!--`, `&`)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escape in _SCRIPT_ESCAPES.items():
        text = text.replace(char, escape)
    return text


def to_script(data: Any) -> Markup:
    """A whole `<script type="application/ld+json">` element, safe to insert unescaped."""
    return Markup(f'<script type="application/ld+json">{to_json(data)}</script>')
