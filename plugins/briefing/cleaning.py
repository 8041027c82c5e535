"""Stage 2, clean: every line of a seed classified as article text or removed, with a reason.

What one line looks like on its own is read in `linesignals`; this module decides from the
line's place in the page: runs of prose, the headline before the lede, captions and credits, the
standfirst, and the page's own metadata (address, printed stamps, outlet).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from . import headline, textmeta
from . import patterns as P
from . import textutils as T
from .linesignals import (
    KEPT,
    SENTENCE_END,
    Decision,
    bullet_standfirst,
    judge_prose,
    lede_like,
    line_signal,
    pattern_decision,
    short_paragraph,
    strip_markup,
    strong,
    subheading,
    words,
)
from .reading import SeedText


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of article text, with the seed line it comes from."""

    line: int
    text: str
    role: str


@dataclass(frozen=True)
class Gap:
    """A place where scraping lost words: shown to readers, never read as a whole sentence."""

    paragraph: int
    offset: int
    text: str
    rule: str
    reason: str


@dataclass(frozen=True)
class SourceHint:
    """What the text betrays about its outlet: a hint, never a fact."""

    outlet: str
    relation: str
    basis: str
    line: int


@dataclass(frozen=True)
class Cleaned:
    """The result of cleaning one seed."""

    title: str
    title_is_generated: bool
    title_basis: str
    paragraphs: tuple[Paragraph, ...]
    decisions: tuple[Decision, ...]
    gaps: tuple[Gap, ...]
    hints: tuple[SourceHint, ...]
    url: str | None = None  # the article's own address, printed on the page
    stamps: tuple[textmeta.Stamp, ...] = ()  # printed publication stamps, best first
    outlet: textmeta.OutletEvidence | None = None  # the outlet the page names, if any

    @property
    def removed(self) -> tuple[Decision, ...]:
        """Every decision that took text out of the article, in seed order."""
        return tuple(d for d in self.decisions if d.kind not in KEPT)

    @property
    def captions(self) -> tuple[str, ...]:
        """Captions and datelines of the article (not of comments or links after it)."""
        last = self.paragraphs[-1].line if self.paragraphs else 0
        return tuple(d.text for d in self.decisions
                     if d.kind in {"caption", "dateline"} and d.line <= last)


# What stands between a headline and its first sentence: bylines, stamps, credits, labels.
_HEADER_KINDS = frozenset({"dateline", "byline", "credit", "caption", "boilerplate", "rubric",
                           "source"})
# A linked headline, with or without its date on the same line.
_LINK_RULES = frozenset({"teaser-item", "dated-headline"})
# Rules of `judge_prose` and of the run shape: a credit or caption found later is more precise.
_JUDGED_RULES = frozenset({"short-unpunctuated", "call-to-action", "low-stopword-density",
                           "header", "after-article"})


@dataclass
class _Page:
    """The working state of one cleaning: the lines in order and what was decided so far."""

    numbered: list[tuple[int, str]]
    url: str | None
    # Decided by patterns, line signals, position and repetition (steps 1–3).
    decided: dict[int, Decision] = field(default_factory=dict)
    # Decided by prose signals (step 4), then revised by the shape of runs (step 5).
    judged: dict[int, Decision] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.order = [n for n, _ in self.numbered]
        self.text_of = dict(self.numbered)
        self.pos = {n: i for i, n in enumerate(self.order)}


def clean(
    seed: SeedText, shared_lines: Iterable[str] = frozenset(),
    outlet_names: Iterable[tuple[str, Iterable[str]]] = (),
) -> Cleaned:
    """Classify every non-blank line of a seed.

    0. HTML markup taken out of every line (code, never article text), with a reason;
    1. whole-line patterns (ads, widgets, teasers, bylines, cookie buttons), consent banners,
       then general line signals (addresses, stamps, credits, language, menus: `line_signal`);
    2. position: lines after a teaser heading are teasers;
    3. repetition: within the seed, and short lines shared with other seeds;
    4. jusText-style signals for the rest (length, stopword density, punctuation, CTA words);
    5. the shape of runs: the article is the longest run of prose; short lines between two
       prose lines are subheadings, prose-looking lines after it are comments and links;
    6. the title is chosen among the lines before the lede (`headline`), never stumbled on;
    7. credits and captions; a rubric glued before the lede is split off; the standfirst;
    8. a title is written from the lede when the seed has none;
    9. gaps left by lost words; 10. page metadata: URL, printed stamps, outlet, source hints.
    """
    markup, numbered = _without_markup(seed.lines)
    found_url = textmeta.page_url(seed.lines)
    page = _Page(numbered, found_url[1] if found_url else None)
    _decide_lines(page, frozenset(shared_lines))
    page.judged = {n: judge_prose(n, t) for n, t in numbered if n not in page.decided}
    names = textmeta.known_names(outlet_names)
    block, title, title_line = _shape(page, names)
    decided = {**page.decided, **page.judged}
    if title_line is not None:
        decided[title_line] = Decision(title_line, title, "title", "headline",
                                       "titre de l’article (affiché comme titre de la page)")
    hints = _credits(numbered, decided, title)
    _author_notes(numbered, decided)
    decisions, paragraphs = _paragraphs(numbered, decided, titled=title_line is not None)
    # Markup decisions go before the decision on what is left of their line.
    decisions = sorted([*markup, *decisions], key=lambda d: d.line)
    title, title_is_generated, title_basis = _title(title, title_line, paragraphs, seed.filename)

    # 9–10. Gaps, page metadata and source hints.
    gaps = tuple(g for i, p in enumerate(paragraphs) for g in find_gaps(i, p.text))
    for number, text in numbered:
        for regex, outlet, relation, basis in P.SOURCE_HINTS:
            if regex.search(text) and not any(h.outlet == outlet for h in hints):
                hints.append(SourceHint(outlet, relation, basis, number))
    kinds = {d.line: d.kind for d in decisions}
    rules = {d.line: d.rule for d in decisions}
    stamps = publication_stamps(numbered, kinds, block[1] if block else None, page.url,
                                title_line, rules)
    site = {n for n in page.order if n not in kinds or kinds[n] not in KEPT}
    # Furniture lines and the first two paragraphs (where wire copy puts its agency marker):
    # a name inside the article's own sentences (« a déclaré à l’AFP ») is not its outlet.
    opening = {p.line for p in paragraphs[:2]}
    evidence = textmeta.outlet_evidence(
        [line if (i + 1) in site or (i + 1) in opening else ""
         for i, line in enumerate(seed.lines)], page.url, names, site)
    return Cleaned(title, title_is_generated, title_basis, tuple(paragraphs), tuple(decisions),
                   gaps, tuple(sorted(hints, key=lambda h: (h.line, h.outlet))), page.url, stamps,
                   evidence[0] if evidence else None)


def _without_markup(lines: Iterable[str]) -> tuple[list[Decision], list[tuple[int, str]]]:
    """0. HTML in the text is code, not words: taken out first, so no later stage sees it."""
    markup: list[Decision] = []
    numbered: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        text, tags = strip_markup(line.strip())
        if tags:
            markup.append(Decision(i + 1, " ".join(tags), "boilerplate", "html-markup",
                                   "code HTML dans le texte collecté : retiré, jamais exécuté"))
        if text:
            numbered.append((i + 1, text))
    return markup, numbered


def _decide_lines(page: _Page, shared: frozenset[str]) -> None:
    """1–3. Patterns, line signals, position (teaser boxes) and repetition, line by line."""
    decided = page.decided
    in_teasers = False
    prose_seen = False
    previous: Decision | None = None  # the decision on the line before, if any
    seen: set[str] = set()
    counts = Counter(T.normalise_line(t) for _, t in page.numbered)
    for number, text in page.numbered:
        decision = pattern_decision(number, text) or line_signal(number, text)
        if decision is not None and decision.rule == "foreign-language" and in_teasers:
            decision = None
        if decision is not None and decision.kind == "dateline" and in_teasers and prose_seen \
                and previous is not None and previous.rule in _LINK_RULES:
            # In a links box within the article, a bare stamp under a linked headline dates
            # that article, not this one (above the article, the box may end at our headline).
            decision = Decision(number, text, "teaser", "teaser-date",
                                "date d’un lien vers un autre article (encadré « À lire aussi »)")
        if decision is None and in_teasers and not prose_seen and lede_like(text):
            # A links box above the article (a sidebar, a ticker) ends where the article's
            # first sentence starts; its last item just before is the headline's place.
            in_teasers = False
            items = [n for n in decided if decided[n].rule == "teaser-item"]
            between = [n for n, _ in page.numbered if items and items[-1] < n < number]
            if items and all(decided[n].kind in _HEADER_KINDS for n in between):
                del decided[items[-1]]
        if decision is None and in_teasers and prose_seen and strong(text) \
                and len(words(text)) >= P.TEASER_BOX_END_WORDS:
            # A links box inside the article ends where a long paragraph of prose resumes
            # (a linked headline, its stamp, then the article goes on).
            in_teasers = False
        if decision is None and in_teasers:
            decision = Decision(number, text, "teaser", "teaser-item",
                                "lien vers un autre article (après un en-tête « À lire aussi »)")
        if decision is None and strong(text):
            prose_seen = True
        key = T.normalise_line(text)
        if decision is None and key in seen:
            decision = Decision(number, text, "duplicate", "duplicate-line",
                                "ligne répétée dans le même article")
        if decision is None and counts[key] > 1 and len(words(text)) <= P.REPEATED_MAX_WORDS:
            decision = Decision(number, text, "boilerplate", "repeated-line",
                                "ligne courte répétée dans la page (nom du site, menu)")
        if decision is None and key in shared and len(words(text)) <= P.CROSS_SEED_MAX_WORDS:
            decision = Decision(number, text, "boilerplate", "cross-seed",
                                "ligne courte répétée dans d’autres articles (habillage du site)")
        if decision is not None:
            decided[number] = decision
            if decision.rule == "teaser-head":
                in_teasers = True
        previous = decision
        seen.add(key)


def _shape(
    page: _Page, names: dict[str, str],
) -> tuple[tuple[int, int] | None, str, int | None]:
    """5–6. Where the article starts and ends, and its title; returns (block, title, line)."""
    judged, text_of = page.judged, page.text_of
    strong_lines = {n for n, d in judged.items() if d.kind == "body" and strong(text_of[n])}
    block = _rescue_teasers(page, strong_lines)
    if not block:
        # No run of long prose: no position rule applies; the title is still chosen among
        # the lines before the first paragraph.
        first = next((n for n in page.order if n in judged and judged[n].kind == "body"), None)
        if first is None:
            return None, "", None
        title, title_line = _choose_title(page, [n for n in page.order if n < first],
                                          [text_of[first]], names)
        return None, title, title_line
    start, end = block
    # Short closing paragraphs right after the last long one still belong to the article.
    for n in page.order[page.pos[end] + 1:]:
        if n in judged and judged[n].kind == "body" and SENTENCE_END.search(text_of[n]):
            end = n
        else:
            break
    lede = next((n for n in page.order if n in judged and judged[n].kind == "body"
                 and lede_like(text_of[n]) and n <= start), start)
    # 6. The title: scored among the lines before the lede.
    title, title_line = _choose_title(page, page.order[: page.pos[lede]],
                                      [text_of[n] for n in page.order if n in strong_lines][:2],
                                      names)
    _relabel_by_position(page, (start, end), lede, title_line, strong_lines)
    return (start, end), title, title_line


def _rescue_teasers(page: _Page, strong_lines: set[int]) -> tuple[int, int] | None:
    """The article's main run of prose; « À lire aussi » items inside it are article again.

    Lines after a « À lire aussi » heading are links until proven otherwise: long prose among
    them that extends the article's main run is the article going on, and so is a subheading
    between the box and such a line. Updates `strong_lines` and the page's decisions.
    """
    decided, judged, text_of = page.decided, page.judged, page.text_of
    items = {n for n, d in decided.items() if d.rule == "teaser-item"}
    block = _main_block(page.order, strong_lines | {n for n in items if strong(text_of[n])},
                        decided)
    if not block:
        return None
    for n in sorted(items):
        if block[0] <= n <= block[1] and strong(text_of[n]):
            del decided[n]
            judged[n] = judge_prose(n, text_of[n])
            strong_lines.add(n)
    # The links box's items, dated or not, and their dates (not its heading: the line right
    # after « Lire aussi » is the linked headline).
    box = {n for n, d in decided.items() if d.kind == "teaser" and d.rule != "teaser-head"}
    for n in sorted(items):
        i = page.pos[n]
        nxt = page.order[i + 1] if i + 1 < len(page.order) else None
        previous = page.order[i - 1] if i > 0 else None
        if n in decided and block[0] < n < block[1] and nxt in strong_lines \
                and subheading(text_of[n]) and previous in box:
            del decided[n]
            judged[n] = judge_prose(n, text_of[n])
    return block


def _relabel_by_position(
    page: _Page, block: tuple[int, int], lede: int, title_line: int | None,
    strong_lines: set[int],
) -> None:
    """5. Lines judged alone, revised by where they stand relative to the article's run."""
    judged, decided, text_of, order = page.judged, page.decided, page.text_of, page.order
    start, end = block
    # A comment thread: two stamp lines or more past the article; its text starts at the
    # first of them (the article's own signature stamp sits just after its end).
    stamps_after = [n for n in order[page.pos[end] + 1:]
                    if n in decided and decided[n].kind == "dateline"]
    comments_from = stamps_after[0] if len(stamps_after) >= P.THREAD_MIN_STAMPS else None
    for n in order:
        d = judged.get(n)
        if d is None or n == title_line:
            continue
        i = page.pos[n]
        # (An unpunctuated short line judged prose there is an intertitle too.)
        if start < n < end and (d.kind != "body" or not SENTENCE_END.search(text_of[n])) \
                and subheading(text_of[n]) \
                and (judged.get(order[i - 1], d).kind == "body"
                     # after a links box, a photo or a subscription box inside the article
                     or decided.get(order[i - 1], d).kind in {"teaser", "credit", "caption"}
                     or (order[i - 1] in judged and judged[order[i - 1]].kind == "credit")
                     or decided.get(order[i - 1], d).rule in {"paywall", "login"}
                     or (order[i - 1] in judged and judged[order[i - 1]].rule
                         in {"short-unpunctuated", "after-article"}
                         and any(judged.get(m, d).kind == "body"
                                 for m in order[max(0, i - 6):i - 1]))) \
                and judged.get(order[i + 1], d).kind == "body":
            judged[n] = Decision(n, text_of[n], "body", "subheading",
                                 "intertitre (ligne courte entre deux paragraphes)")
        elif n > end and d.kind == "body" and n not in strong_lines:
            # Long prose is kept wherever it stands (article sentences are never lost);
            # short lines after the article are comments, links and slogans.
            judged[n] = Decision(n, text_of[n], "boilerplate", "after-article",
                                 "après la fin de l’article : commentaire, lien ou slogan")
        elif n > end and d.kind == "body" and comments_from is not None and n > comments_from:
            # After the second signed, timestamped header past the article: a thread.
            judged[n] = Decision(n, text_of[n], "boilerplate", "comment-thread",
                                 "commentaire de lecteur (fil daté et signé après l’article)")
        elif lede < n < start and d.kind == "body" and not SENTENCE_END.search(text_of[n]) \
                and not (order[i - 1] in judged and judged[order[i - 1]].kind == "body"
                         and order[i + 1] in judged and judged[order[i + 1]].kind == "body"):
            # Between the standfirst and the text, past the byline and stamps: a box.
            judged[n] = Decision(n, text_of[n], "boilerplate", "header",
                                 "encart entre le chapô et le texte (étiquette, promotion)")
        elif n < lede and d.kind == "body" and not (
                (title_line is None or n > title_line)
                and (short_paragraph(text_of[n]) or bullet_standfirst(text_of[n]))):
            # A short sentence after the title is a short first paragraph: kept.
            where = "avant le titre" if title_line is None or n < title_line else \
                "entre le titre et le texte"
            judged[n] = Decision(n, text_of[n], "boilerplate", "header",
                                 f"en-tête de page {where} : menu, rubrique ou étiquette")


def _credits(numbered: list[tuple[int, str]], decided: dict[int, Decision],
             title: str) -> list[SourceHint]:
    """7. Credits and captions among lines read as prose (or judged furniture by shape alone).

    Updates `decided`; returns the photo agencies the credits name, as source hints.
    """
    for number, text in numbered:
        if decided[number].kind not in KEPT and decided[number].rule not in _JUDGED_RULES:
            continue
        credit = P.CREDIT.search(text)
        if credit:
            rest = text[: credit.start()].strip()
            if title and T.normalise_line(rest) == T.normalise_line(title):
                reason = f"titre répété en légende de photo, suivi du crédit « {credit.group(0)} »"
            else:
                reason = f"légende et crédit photo « {credit.group(0)} »"
            decided[number] = Decision(number, text, "credit", "photo-credit", reason)
        elif P.CAPTION.match(text):
            decided[number] = Decision(number, text, "caption", "place-date-caption",
                                       "légende de photo (lieu et date seuls)")
        elif title and T.normalise_line(text) == T.normalise_line(title):
            decided[number] = Decision(number, text, "duplicate", "title-repeat", "titre répété")
    # A short sentence right after a credit in capitals is its picture's caption (« PHOTO X,
    # LA PRESSE » then « Ivan Demidov célèbre son premier but, mardi. »); after « (Photo :
    # AFP) », the text goes on.
    for (before, _), (number, text) in itertools.pairwise(numbered):
        if decided[before].rule == "credit-caps" and decided[number].kind in KEPT \
                and len(T.words(text)) <= P.CAPTION_AFTER_CREDIT_WORDS \
                and len(re.findall(r"[.!?…](?:\s|$)", text)) <= 1:
            decided[number] = Decision(number, text, "caption", "caption-after-credit",
                                       "légende de la photo dont le crédit la précède")
    hints: list[SourceHint] = []
    for number, text in numbered:
        credit = P.CREDIT.search(text)
        if credit and decided[number].kind in {"credit", "caption"}:
            outlet = _credit_agency(credit.group("agency").strip())
            hints.append(SourceHint(outlet, "photo-credit", f"crédit photo « {credit.group(0)} »",
                                    number))
    return hints


def _author_notes(numbered: list[tuple[int, str]], decided: dict[int, Decision]) -> None:
    """7. The last paragraph presenting the signer is a note on the author, not the text.

    « Hélène Marty est conseillère départementale (PCF) du Cher … » under an op-ed signed
    « Par Hélène Marty »: the name the signature prints, then « est », at the article's end.
    Updates `decided`.
    """
    kept = [n for n, _ in numbered if decided[n].kind in KEPT]
    if len(kept) < 2:
        return
    last = kept[-1]
    text = dict(numbered)[last]
    note = P.AUTHOR_NOTE.match(text)
    if not note or len(T.words(text)) > P.AUTHOR_NOTE_MAX_WORDS:
        return
    # The signature: a byline, or a bare name among the lines above the text.
    signed = " ".join(t for n, t in numbered
                      if decided[n].kind == "byline" or (n < kept[0] and decided[n].kind
                                                         not in KEPT))
    if T.match_key(note.group("name")) in T.match_key(signed):
        decided[last] = Decision(last, text, "byline", "author-note",
                                 "présentation de l’auteur sous le texte (pas du texte d’article)")


def _credit_agency(holder: str) -> str:
    """The agency a photo credit names: « BELGA PHOTO PIETER DE VOS » is Belga's (the longest
    leading words that name a known agency or outlet), else the holder as printed."""
    if holder.upper() in P.PHOTO_AGENCIES:
        return P.PHOTO_AGENCIES[holder.upper()]
    names = textmeta.shipped_names()
    ws = holder.split()
    for n in range(len(ws), 0, -1):
        name = names.get(T.match_key(" ".join(ws[:n])))
        if name:
            return name
    return holder


def _paragraphs(
    numbered: list[tuple[int, str]], decided: dict[int, Decision], titled: bool,
) -> tuple[list[Decision], list[Paragraph]]:
    """7. The article's paragraphs: a rubric glued before the lede and headings glued to the
    next sentence split off (no word changed), the first paragraph a standfirst."""
    decisions: list[Decision] = []
    paragraphs: list[Paragraph] = []
    for number, _text in numbered:
        d = decided[number]
        if d.kind != "body":
            decisions.append(d)
            continue
        text = d.text
        if not paragraphs:
            rubric = P.RUBRIC_PREFIX.match(text)
            if rubric:
                decisions.append(Decision(number, rubric.group(0).strip(), "rubric",
                                          "rubric-prefix", "rubrique en tête du chapô"))
                text = text[rubric.end():]
        glued = (P.GLUED_HEADING.match(text) or _glued_after_name(text)) if paragraphs else None
        if glued and len(words(glued["head"])) <= P.GLUED_HEADING_MAX_WORDS \
                and len(words(glued["rest"])) >= P.GLUED_REST_MIN_WORDS:
            decisions.append(Decision(
                number, glued["head"], "body", "glued-heading",
                "intertitre collé à la phrase suivante (sans espace) : séparé, aucun mot changé"))
            paragraphs.append(Paragraph(number, glued["head"], "subheading"))
            text = glued["rest"]
        decisions.append(Decision(number, text, "body", d.rule, d.reason))
        paragraphs.append(Paragraph(number, text,
                                    "subheading" if d.rule == "subheading" else "body"))
    if titled and len(paragraphs) >= 3 and len(words(paragraphs[0].text)) <= 60:
        first = paragraphs[0]
        paragraphs[0] = Paragraph(first.line, first.text, "standfirst")
        decisions = [
            Decision(d.line, d.text, "standfirst", "lede", "chapô (premier paragraphe)")
            if d.kind == "body" and d.line == first.line else d
            for d in decisions
        ]
    return decisions, paragraphs


def _title(title: str, title_line: int | None, paragraphs: list[Paragraph],
           filename: str) -> tuple[str, bool, str]:
    """8. The title shown, whether it was written from the lede, and on what basis."""
    if title:
        return title, False, f"titre de la source (ligne {title_line})"
    if paragraphs:
        return (headline.generated_title(paragraphs[0].text), True,
                "titre rédigé à partir du début du chapô : la source n’en a pas")
    return (f"Article sans texte ({filename})", True,
            "la source ne contient aucun texte d’article après nettoyage")


# Kinds that close an article when they stand between two runs of prose (a signature, a
# dateline, a related-links heading): what follows is another page region.
_BREAKS = frozenset({"dateline", "byline", "source"})
_BREAK_RULES = frozenset({"comments-head", "comments-form", "copyright"})


def _after_break(between: list[int], decided: dict[int, Decision]) -> bool:
    return any(n in decided and (decided[n].kind in _BREAKS or decided[n].rule in _BREAK_RULES)
               for n in between)


def _main_block(order: list[int], strong: set[int],
                decided: dict[int, Decision]) -> tuple[int, int] | None:
    """First and last line of the longest run of prose (short gaps without a break allowed)."""
    runs: list[list[int]] = []
    gap: list[int] = []
    for n in order:
        if n in strong:
            # A links box inside the article (« Lire aussi », its headlines and their dates)
            # interrupts the text without ending it: its lines do not count as a gap.
            counted = [m for m in gap if not (m in decided and (
                decided[m].kind == "teaser" or decided[m].rule == "teaser-head"))]
            if runs and len(counted) <= P.BLOCK_MAX_GAP and not _after_break(gap, decided):
                runs[-1].append(n)
            else:
                runs.append([n])
            gap = []
        elif runs:
            gap.append(n)
    if not runs:
        return None
    best = max(runs, key=len)
    return best[0], best[-1]


def _choose_title(
    page: _Page, before: list[int], lede: list[str],
    names: dict[str, str],
) -> tuple[str, int | None]:
    """The best headline among the lines before the lede, or none (then one is written)."""
    decided, text_of, url = page.decided, page.text_of, page.url
    slug = set(textmeta.url_slug_words(url)) if url else set()
    context = " ".join(lede)
    candidates: list[headline.Candidate] = []
    lines: list[int] = []
    rank = 0
    for i, n in enumerate(reversed(before)):
        if n in decided:
            continue  # furniture, stamps, credits, captions, foreign lines: never a title
        text = text_of[n]
        if T.match_key(text) in names or headline.score(text) <= 0 or (
                url and textmeta.spells_host(text, textmeta.url_host(url))):
            continue  # the site's own name, a one-word label
        # Each possible headline between a candidate and the lede costs it a little, and so
        # does a long stretch of furniture; a line right under a photo credit is that photo's
        # caption more often than the headline (a headline stands above the photo).
        prior = -P.TITLE_RANK_COST * rank - P.TITLE_DISTANCE_COST * max(0, i - P.TITLE_NEAR)
        above = before[len(before) - 2 - i] if i + 1 < len(before) else None
        if above in decided and decided[above].kind == "credit":
            prior -= P.TITLE_NEAR_CREDIT_COST
        rank += 1
        candidates.append(headline.Candidate(text, f"ligne {n}", prior=prior,
                                             slug=frozenset(slug)))
        lines.append(n)
    best = headline.choose(candidates, context=context)
    if best is None or headline.score(best.text, context, best.slug) + best.prior \
            < P.TITLE_MIN_SCORE:
        return "", None
    n = lines[candidates.index(best)]
    return _without_site_name(text_of[n], page, names), n


def _without_site_name(title: str, page: _Page, names: dict[str, str]) -> str:
    """A headline without the site's name the page's <title> glued after it.

    « Le président destitué - Le Journal de Séoul »: the part after the last « - », « | » or
    « – » goes when it is a known outlet, spells the page's address, or is printed on a line of
    its own elsewhere on the page (the logo, the copyright footer).
    """
    m = re.search(r"\s+[-|–—]\s+([^-|–—]{2,60})$", title)
    if not m:
        return title
    name = m.group(1).strip()
    key = T.match_key(name)
    own_lines = {T.match_key(re.sub(r"(?:©|\(c\)|copyright)\s*|\b(?:19|20)\d\d\b", "", t,
                                    flags=re.I)) for _, t in page.numbered}
    if key in names or key in own_lines or (
            page.url and textmeta.spells_host(name, textmeta.url_host(page.url))):
        return title[:m.start()].rstrip()
    return title


def _glued_after_name(text: str) -> re.Match[str] | None:
    """A heading glued after a capitalised word, when the glued word is a function word."""
    m = P.GLUED_HEADING_AFTER_NAME.match(text)
    return m if m and m["word"].lower() in P.STOPWORDS else None


def publication_stamps(
    numbered: list[tuple[int, str]], kinds: dict[int, str], end: int | None, url: str | None,
    title_line: int | None = None, rules: dict[int, str] | None = None,
) -> tuple[textmeta.Stamp, ...]:
    """Printed stamps that date this article, best first.

    Only datelines count (a stamp in a related headline, a comment or a footer dates another
    text): those before the article's end, a wire dateline opening the lede (« PARIS, 12 mars
    2024 (AFP) - »), a signature stamp just after the text, a date in the URL path. A stamp
    labelled « mis à jour » dates an update, so comes last; one printed above the headline
    (a ticker, a sidebar) comes after those printed under it.
    """
    head: list[textmeta.Stamp] = []
    tail: list[textmeta.Stamp] = []
    last = end or 0
    first_body = next((n for n, _ in numbered if kinds.get(n) in KEPT), None)
    thread = False  # past a comments heading, stamps date the comments
    for number, text in numbered:
        if (rules or {}).get(number) in {"comments-head", "comments-form"} and number > last:
            thread = True
        if number == first_body:
            opening = P.LEDE_DATELINE.match(text)
            if opening:
                head.extend(textmeta.stamps_in(opening.group(0), number))
            continue
        if kinds.get(number) not in {"dateline", "byline"}:
            continue
        found = textmeta.stamps_in(text, number)
        if end is None or number < end:
            head.extend(found)
        elif number - last <= P.SIGNATURE_LINES and not tail and not thread:
            tail.extend(found)
    rank = {"published": 0, None: 1}
    above = title_line or 0
    ordered = sorted((s for s in head if s.label != "updated"),
                     key=lambda s: (s.line < above, rank[s.label], s.line)) + tail
    stamp = textmeta.url_stamp(url) if url else None
    if stamp:
        ordered.append(stamp)
    ordered += [s for s in head if s.label == "updated"]
    return tuple(ordered)


def find_gaps(paragraph: int, text: str) -> list[Gap]:
    """Every place in a paragraph where a word seems lost, one gap per position."""
    found: dict[int, Gap] = {}
    for rule, regex, reason in P.GAP_PATTERNS:
        for match in regex.finditer(text):
            at = match.start("at")
            if any(abs(at - other) <= 2 for other in found):
                continue
            found[at] = Gap(paragraph, at, _gap_context(text, at), rule, reason)
    return [found[k] for k in sorted(found)]


def _gap_context(text: str, at: int) -> str:
    """The broken phrase around a gap, as the seed has it: three words before, two after."""
    start = at
    for _ in range(3):
        start = text.rfind(" ", 0, max(start - 1, 0))
        if start < 0:
            start = 0
            break
    after = re.match(r"[\s\u00a0]*\S+(?:[ \u00a0]+[^\s.,;:]+)?", text[at:])
    end = at + (after.end() if after else 0)
    return text[start:end].strip()
