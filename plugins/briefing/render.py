"""Stage 6, render: which pages exist, with which template and context; HTML of paragraphs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from .cleaning import Gap
from .pipeline import Briefing, Site
from .settings import BriefingSettings

# French labels of the statuses readers see; never colour alone (see the theme).
DATE_STATUS_LABELS = {
    "confirmed": "date vérifiée",
    "inferred": "date déduite du texte",
    "unknown": "date inconnue",
}
SOURCE_STATUS_LABELS = {
    "confirmed": "source vérifiée",
    "hint": "source supposée (indice)",
    "unknown": "source inconnue",
}
KIND_LABELS = {
    "title": "titre", "caption": "légende", "credit": "crédit photo", "dateline": "date et lieu",
    "source": "mention de source", "byline": "signature", "rubric": "rubrique",
    "teaser": "renvoi vers un autre article", "duplicate": "doublon", "boilerplate": "habillage",
}
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre")


@dataclass(frozen=True)
class PageSpec:
    """One page to write: output path, template name, extra template context."""

    save_as: str
    template: str
    context: dict[str, Any]


def briefing_url(b: Briefing, cfg: BriefingSettings) -> str:
    """The briefing's URL, relative to the site root."""
    return cfg.BRIEFING_URL.format(slug=b.slug)


def briefing_dir(b: Briefing, cfg: BriefingSettings) -> str:
    """The folder holding the briefing's page and its raw seed."""
    return briefing_url(b, cfg).rstrip("/")


def site_pages(site: Site, cfg: BriefingSettings) -> list[PageSpec]:
    """Every page of the plugin, in a stable order."""
    ordered = sorted_briefings(site.briefings)
    pages = [PageSpec("index.html", "index", {"briefings": ordered, "page_name": "index"})]
    for b in ordered:
        pages.append(PageSpec(
            f"{briefing_dir(b, cfg)}/index.html", "briefing",
            {"briefing": b, "page_name": "briefing",
             "paragraphs_html": paragraphs_html(b),
             "removed_groups": removed_by_kind(b)},
        ))
    return pages


def sorted_briefings(briefings: Sequence[Briefing]) -> list[Briefing]:
    """Latest first by date when known (any status), undated last, then by id."""
    return sorted(briefings, key=lambda b: (b.date is None, _neg(b.date or ""), b.id))


def _neg(iso: str) -> tuple[int, ...]:
    return tuple(-int(x) for x in iso.split("-") if x.isdigit())


def paragraphs_html(b: Briefing) -> list[Markup]:
    """Escaped paragraphs with every gap visibly marked at its place."""
    by_par: dict[int, list[Gap]] = {}
    for gap in b.gaps:
        by_par.setdefault(gap.paragraph, []).append(gap)
    out = []
    for i, p in enumerate(b.paragraphs):
        out.append(mark_gaps(p.text, by_par.get(i, [])))
    return out


def mark_gaps(text: str, gaps: Sequence[Gap]) -> Markup:
    """Insert a visible, explained marker where words were lost."""
    html = Markup("")
    pos = 0
    for gap in sorted(gaps, key=lambda g: g.offset):
        before = text[pos:gap.offset]
        html += escape(before)
        if before[-1:].isalnum():
            html += " "
        html += Markup(
            '<mark class="gap" title="{reason}"><span aria-hidden="true">[…]</span>'
            '<span class="visually-hidden">[trou dans la source : {reason}]</span></mark>'
        ).format(reason=gap.reason)
        if text[gap.offset:gap.offset + 1].isalnum():
            html += " "
        pos = gap.offset
    return html + escape(text[pos:])


def removed_by_kind(b: Briefing) -> list[tuple[str, int]]:
    """How many removed items per class, for the audit summary."""
    counts: dict[str, int] = {}
    for d in b.removed:
        counts[d.kind] = counts.get(d.kind, 0) + 1
    return sorted(((KIND_LABELS.get(k, k), n) for k, n in counts.items()), key=lambda x: -x[1])


def french_date(iso: str | None) -> str:
    """`2020-10-09` → `9 octobre 2020`; partial values stay partial (`octobre 2020`, `2020`)."""
    if not iso:
        return "date inconnue"
    parts = iso.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    day = int(parts[2])
    return f"{'1er' if day == 1 else day} {month} {parts[0]}"


def install_filters(env: Any, cfg: BriefingSettings) -> None:
    """Jinja filters and globals used by the theme."""
    env.globals["url_for"] = lambda b: briefing_url(b, cfg)
    env.filters["french_date"] = french_date
    env.globals["DATE_STATUS_LABELS"] = DATE_STATUS_LABELS
    env.globals["SOURCE_STATUS_LABELS"] = SOURCE_STATUS_LABELS
    env.globals["KIND_LABELS"] = KIND_LABELS
