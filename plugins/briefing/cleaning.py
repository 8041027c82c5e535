"""Stage 2, clean: every line of a seed classified as article text or removed, with a reason."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from . import headline, linelang, textmeta
from . import patterns as P
from . import textutils as T
from .reading import SeedText

# Classes a line can get. Only `body` and `standfirst` are article text; the others are kept in
# the audit with their reason (the title is shown as the page title, captions feed the dating).
KINDS = (
    "body", "standfirst", "title", "caption", "credit", "dateline", "source", "byline",
    "rubric", "teaser", "duplicate", "boilerplate",
)
KEPT = frozenset({"body", "standfirst"})

_SENTENCE_END = re.compile(r"[.!?…»”\"):;]\s*$")
# Clause boundaries where a title written from the lede may be cut.
_CLAUSE_CUT = re.compile(r",\s|\s(?=pour |afin |après |alors |car |qui |dont |mais )")


@dataclass(frozen=True)
class Decision:
    """What the cleaner decided about one line (or the removed prefix of one)."""

    line: int
    text: str
    kind: str
    rule: str
    reason: str


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


words = T.words


def stopword_density(text: str) -> float:
    """Share of French function words among the words of a line (jusText's main signal)."""
    ws = words(text)
    if not ws:
        return 0.0
    hits = 0
    for w in ws:
        lw = w.lower()
        head = lw.replace("’", "'").partition("'")[0]
        if lw in P.STOPWORDS or head in P.STOPWORDS:
            hits += 1
    return hits / len(ws)


normalise_line = T.normalise_line  # the key lines are compared by, across seeds and within one


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
    shared = frozenset(shared_lines)
    # 0. HTML in the text is code, not words: taken out first, so no later stage sees it.
    markup: list[Decision] = []
    numbered: list[tuple[int, str]] = []
    for i, line in enumerate(seed.lines):
        text, tags = strip_markup(line.strip())
        if tags:
            markup.append(Decision(i + 1, " ".join(tags), "boilerplate", "html-markup",
                                   "code HTML dans le texte collecté : retiré, jamais exécuté"))
        if text:
            numbered.append((i + 1, text))
    decided: dict[int, Decision] = {}
    found_url = textmeta.page_url(seed.lines)
    url = found_url[1] if found_url else None

    # 1–3. Patterns, line signals, position, repetition.
    in_teasers = False
    prose_seen = False
    seen: set[str] = set()
    counts = Counter(normalise_line(t) for _, t in numbered)
    for number, text in numbered:
        decision = _match_patterns(number, text) or line_signal(number, text)
        if decision is not None and decision.rule == "foreign-language" and in_teasers:
            decision = None
        if decision is None and in_teasers and not prose_seen and _lede_like(text):
            # A links box above the article (a sidebar, a ticker) ends where the article's
            # first sentence starts; its last item just before is the headline's place.
            in_teasers = False
            items = [n for n in decided if decided[n].rule == "teaser-item"]
            between = [n for n, _ in numbered if items and items[-1] < n < number]
            if items and all(decided[n].kind in _HEADER_KINDS for n in between):
                del decided[items[-1]]
        if decision is None and in_teasers:
            decision = Decision(number, text, "teaser", "teaser-item",
                                "lien vers un autre article (après un en-tête « À lire aussi »)")
        if decision is None and _strong(text):
            prose_seen = True
        key = normalise_line(text)
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
        seen.add(key)

    # 4. Everything else: prose or furniture?
    judged = {n: _judge_prose(n, t) for n, t in numbered if n not in decided}

    # 5. The shape of runs: where the article starts and ends.
    order = [n for n, _ in numbered]
    text_of = dict(numbered)
    strong = {n for n, d in judged.items() if d.kind == "body" and _strong(text_of[n])}
    # Lines after a « À lire aussi » heading are links until proven otherwise: long prose
    # among them that extends the article's main run is the article going on.
    items = {n for n, d in decided.items() if d.rule == "teaser-item"}
    block = _main_block(order, strong | {n for n in items if _strong(text_of[n])}, decided)
    if block:
        for n in sorted(items):
            if block[0] <= n <= block[1] and _strong(text_of[n]):
                del decided[n]
                judged[n] = _judge_prose(n, text_of[n])
                strong.add(n)
        for n in sorted(items):
            nxt = next((m for m in order if m > n), None)
            if n in decided and block[0] < n < block[1] and nxt in strong \
                    and _subheading(text_of[n]) and _previous(numbered, n) in items:
                del decided[n]
                judged[n] = _judge_prose(n, text_of[n])
    title, title_line = "", None
    if block:
        start, end = block
        pos = {n: i for i, n in enumerate(order)}
        # Short closing paragraphs right after the last long one still belong to the article.
        for n in order[pos[end] + 1:]:
            if n in judged and judged[n].kind == "body" and _SENTENCE_END.search(text_of[n]):
                end = n
            else:
                break
        block = (start, end)
        # A comment thread: two stamp lines or more past the article; its text starts at the
        # first of them (the article's own signature stamp sits just after its end).
        stamps_after = [n for n in order[pos[end] + 1:]
                        if n in decided and decided[n].kind == "dateline"]
        comments_from = stamps_after[0] if len(stamps_after) >= P.THREAD_MIN_STAMPS else None
        lede = next((n for n in order if n in judged and judged[n].kind == "body"
                     and _lede_like(text_of[n]) and n <= start), start)
        # 6. The title: scored among the lines before the lede.
        title, title_line = _choose_title(order[: pos[lede]], text_of, decided, judged, url,
                                          [text_of[n] for n in order if n in strong][:2],
                                          outlet_names)
        for n in order:
            d = judged.get(n)
            if d is None:
                continue
            i = pos[n]
            if n == title_line:
                continue
            if start < n < end and d.kind != "body" and _subheading(text_of[n]) \
                    and (judged.get(order[i - 1], d).kind == "body"
                         or decided.get(order[i - 1], d).kind == "teaser") \
                    and judged.get(order[i + 1], d).kind == "body":
                judged[n] = Decision(n, text_of[n], "body", "subheading",
                                     "intertitre (ligne courte entre deux paragraphes)")
            elif n > end and d.kind == "body" and n not in strong:
                # Long prose is kept wherever it stands (article sentences are never lost);
                # short lines after the article are comments, links and slogans.
                judged[n] = Decision(n, text_of[n], "boilerplate", "after-article",
                                     "après la fin de l’article : commentaire, lien ou slogan")
            elif n > end and d.kind == "body" and comments_from is not None \
                    and n > comments_from:
                # After the second signed, timestamped header past the article: a thread.
                judged[n] = Decision(n, text_of[n], "boilerplate", "comment-thread",
                                     "commentaire de lecteur (fil daté et signé après l’article)")
            elif lede < n < start and d.kind == "body" and not _SENTENCE_END.search(text_of[n]) \
                    and not (order[i - 1] in judged and judged[order[i - 1]].kind == "body"
                             and order[i + 1] in judged
                             and judged[order[i + 1]].kind == "body"):
                # Between the standfirst and the text, past the byline and stamps: a box.
                judged[n] = Decision(n, text_of[n], "boilerplate", "header",
                                     "encart entre le chapô et le texte (étiquette, promotion)")
            elif n < lede and d.kind == "body" and not (
                    (title_line is None or n > title_line)
                    and (_short_paragraph(text_of[n]) or _bullet_standfirst(text_of[n]))):
                # A short sentence after the title is a short first paragraph: kept.
                where = "avant le titre" if title_line is None or n < title_line else \
                    "entre le titre et le texte"
                judged[n] = Decision(n, text_of[n], "boilerplate", "header",
                                     f"en-tête de page {where} : menu, rubrique ou étiquette")
    else:
        # No run of long prose: no position rule applies; the title is still chosen among
        # the lines before the first paragraph.
        first = next((n for n in order if n in judged and judged[n].kind == "body"), None)
        if first is not None:
            before = [n for n in order if n < first]
            title, title_line = _choose_title(before, text_of, decided, judged, url,
                                              [text_of[first]], outlet_names)
    decided.update(judged)
    hints: list[SourceHint] = []
    if title_line is not None:
        decided[title_line] = Decision(title_line, title, "title", "headline",
                                       "titre de l’article (affiché comme titre de la page)")

    # 7. Credits and captions among lines read as prose (or judged furniture by shape alone).
    for number, text in numbered:
        if decided[number].kind not in KEPT and decided[number].rule not in _JUDGED_RULES:
            continue
        credit = P.CREDIT.search(text)
        if credit:
            rest = text[: credit.start()].strip()
            if title and normalise_line(rest) == normalise_line(title):
                reason = f"titre répété en légende de photo, suivi du crédit « {credit.group(0)} »"
            else:
                reason = f"légende et crédit photo « {credit.group(0)} »"
            decided[number] = Decision(number, text, "credit", "photo-credit", reason)
        elif P.CAPTION.match(text):
            decided[number] = Decision(number, text, "caption", "place-date-caption",
                                       "légende de photo (lieu et date seuls)")
        elif title and normalise_line(text) == normalise_line(title):
            decided[number] = Decision(number, text, "duplicate", "title-repeat", "titre répété")
    for number, text in numbered:
        credit = P.CREDIT.search(text)
        if credit and decided[number].kind in {"credit", "caption"}:
            agency = credit.group("agency").strip()
            outlet = P.PHOTO_AGENCIES.get(agency.upper(), agency)
            hints.append(SourceHint(outlet, "photo-credit", f"crédit photo « {credit.group(0)} »",
                                    number))

    # Rubric prefix and standfirst.
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
        paragraphs.append(Paragraph(number, text, "body"))
    if title_line is not None and len(paragraphs) >= 3 and len(words(paragraphs[0].text)) <= 60:
        first = paragraphs[0]
        paragraphs[0] = Paragraph(first.line, first.text, "standfirst")
        decisions = [
            Decision(d.line, d.text, "standfirst", "lede", "chapô (premier paragraphe)")
            if d.kind == "body" and d.line == first.line else d
            for d in decisions
        ]

    # Markup decisions go before the decision on what is left of their line.
    decisions = sorted([*markup, *decisions], key=lambda d: d.line)

    # 8. A title written from the lede, marked as such.
    if title:
        title_is_generated = False
        title_basis = f"titre de la source (ligne {title_line})"
    elif paragraphs:
        title = generated_title(paragraphs[0].text)
        title_is_generated = True
        title_basis = "titre rédigé à partir du début du chapô : la source n’en a pas"
    else:
        title = f"Article sans texte ({seed.filename})"
        title_is_generated = True
        title_basis = "la source ne contient aucun texte d’article après nettoyage"

    # 9–10. Gaps, page metadata and source hints.
    gaps = tuple(g for i, p in enumerate(paragraphs) for g in find_gaps(i, p.text))
    for number, text in numbered:
        for regex, outlet, relation, basis in P.SOURCE_HINTS:
            if regex.search(text) and not any(h.outlet == outlet for h in hints):
                hints.append(SourceHint(outlet, relation, basis, number))
    kinds = {d.line: d.kind for d in decisions}
    rules = {d.line: d.rule for d in decisions}
    stamps = publication_stamps(numbered, kinds, block[1] if block else None, url, title_line,
                                rules)
    site = {n for n in order if n not in kinds or kinds[n] not in KEPT}
    names = textmeta.known_names(outlet_names)
    # Furniture lines and the first two paragraphs (where wire copy puts its agency marker):
    # a name inside the article's own sentences (« a déclaré à l’AFP ») is not its outlet.
    opening = {p.line for p in paragraphs[:2]}
    evidence = textmeta.outlet_evidence(
        [line if (i + 1) in site or (i + 1) in opening else ""
         for i, line in enumerate(seed.lines)], url, names, site)
    return Cleaned(title, title_is_generated, title_basis, tuple(paragraphs), tuple(decisions),
                   gaps, tuple(sorted(hints, key=lambda h: (h.line, h.outlet))), url, stamps,
                   evidence[0] if evidence else None)


# What stands between a headline and its first sentence: bylines, stamps, credits, labels.
_HEADER_KINDS = frozenset({"dateline", "byline", "credit", "caption", "boilerplate", "rubric",
                           "source"})
# Rules of `_judge_prose` and of the run shape: a credit or caption found later is more precise.
_JUDGED_RULES = frozenset({"short-unpunctuated", "call-to-action", "low-stopword-density",
                           "header", "after-article"})


def _previous(numbered: list[tuple[int, str]], number: int) -> int | None:
    """The non-blank line before `number`."""
    before = [n for n, _ in numbered if n < number]
    return before[-1] if before else None


def _strong(text: str) -> bool:
    """A line that is certainly prose: long enough, ends like a sentence, has function words."""
    return (len(words(text)) >= P.STRONG_PROSE_WORDS and bool(_SENTENCE_END.search(text))
            and stopword_density(text) >= P.STRONG_PROSE_DENSITY)


def _short_paragraph(text: str) -> bool:
    """A short paragraph: a sentence of a few words with its final punctuation."""
    return len(words(text)) >= P.SHORT_PARAGRAPH_WORDS and bool(re.search(r"[.!…»”]\s*$", text))


def _bullet_standfirst(text: str) -> bool:
    """A standfirst point under the title (« - L'institution justifie ce resserrement par… »):
    a dash or bullet, then a long phrase that reads as prose, often without a full stop."""
    return bool(P.BULLET.match(text)) and len(words(text)) >= P.BULLET_STANDFIRST_WORDS \
        and stopword_density(text) >= P.STOPWORD_DENSITY_PROSE


def _lede_like(text: str) -> bool:
    """A first paragraph: prose ending with a full stop (a question is often a headline)."""
    return len(words(text)) >= P.LEDE_MIN_WORDS and bool(re.search(r"[.!…»”\"]\s*$", text))


def _subheading(text: str) -> bool:
    """A line shaped like an intertitle: short, starts a phrase, French, no stamp or address."""
    ws = words(text)
    return (1 <= len(ws) <= P.SUBHEADING_MAX_WORDS and (text[:1].isupper() or text[:1] in "«\"“")
            and not linelang.is_foreign(text) and not textmeta.stamps_in(text)
            and not textmeta.address_shape(text))


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
            if runs and len(gap) <= P.BLOCK_MAX_GAP and not _after_break(gap, decided):
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
    before: list[int], text_of: dict[int, str], decided: dict[int, Decision],
    judged: dict[int, Decision], url: str | None, lede: list[str],
    outlet_names: Iterable[tuple[str, Iterable[str]]],
) -> tuple[str, int | None]:
    """The best headline among the lines before the lede, or none (then one is written)."""
    names = textmeta.known_names(outlet_names)
    slug = set(textmeta.url_words(url)) if url else set()
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
        # does a long stretch of furniture; a line next to a photo credit is that photo's
        # caption more often than the headline.
        prior = -P.TITLE_RANK_COST * rank - P.TITLE_DISTANCE_COST * max(0, i - P.TITLE_NEAR)
        neighbours = [before[len(before) - 1 - j] for j in (i - 1, i + 1)
                      if 0 <= j < len(before)]
        if any(m in decided and decided[m].kind == "credit" for m in neighbours):
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
    return text_of[n], n


def line_signal(number: int, text: str) -> Decision | None:
    """General signals about one line: address, stamp, credit, language, menu, byline, footer."""
    shape = textmeta.address_shape(text)
    if shape:
        return Decision(number, text, "boilerplate", "address",
                        f"{shape} : pas du texte d’article")
    if P.CAPTION_SOURCE.search(text):
        return Decision(number, text, "caption", "caption-source",
                        "légende de photo suivie de sa source entre crochets")
    credit = P.CREDIT_TAIL.search(text)
    if credit and len(words(text)) <= P.CAPTION_MAX_WORDS and not P.CREDIT.search(text):
        # (« © AGENCY/Author » credits are read with the title known, in step 7.)
        return Decision(number, text, "credit", "credit-tail",
                        f"légende et crédit photo « {credit.group('credit').strip()} »")
    if P.COPYRIGHT_ANY.search(text) and len(words(text)) <= P.FOOTER_MAX_WORDS:
        return Decision(number, text, "boilerplate", "copyright",
                        "mention de copyright du site (pied de page)")
    if P.CAPTION.match(text):
        # « Stepanakert le 8 octobre 2020. »: a place and a date under a photo; it dates the
        # picture, and only bounds the publication from below (never a publication stamp).
        return Decision(number, text, "caption", "place-date-caption",
                        "légende de photo (lieu et date seuls)")
    if P.SOURCE_LINE.match(text):
        return Decision(number, text, "source", "source-line",
                        "ligne « Source » (origine du texte)")
    if textmeta.is_stamp_line(text):
        return Decision(number, text, "dateline", "dateline",
                        "horodatage ou ligne de date (sert à dater l’article, pas un fait)")
    found = textmeta.stamps_in(text)
    if found and textmeta.STAMP_WORDS.search(text) \
            and len(words(text)) - sum(len(words(s.text)) for s in found) <= P.BYLINE_MAX_WORDS:
        # « Burak Yıldırım | 21.03.2024 - Mis à jour : 21.03.2024 »: a signature and its stamps.
        return Decision(number, text, "dateline", "byline-stamp",
                        "signature et date de publication (sert à dater l’article, pas un fait)")
    stamp = textmeta.trailing_stamp(text)
    if stamp is not None:
        return Decision(number, text, "teaser", "dated-headline",
                        f"titre d’un autre article suivi de sa date « {stamp.text} »")
    for rule, regex, kind, reason in P.LINE_SHAPES:
        if regex.search(text):
            return Decision(number, text, kind, rule, reason)
    if _menu_shaped(text):
        return Decision(number, text, "boilerplate", "menu",
                        "menu : suite de mots isolés, sans phrase")
    lang = linelang.language(text)
    if lang is not None and lang != "fr":
        return Decision(number, text, "boilerplate", "foreign-language",
                        f"ligne en langue « {lang} » dans un article en français (hors citation)")
    return None


def _menu_shaped(text: str) -> bool:
    """A run of capitalised labels without a sentence: « Suisse Monde Economie Opinions »."""
    ws = words(text)
    if len(ws) < P.MENU_MIN_WORDS or re.search(r"[.,;:!?«»]", text):
        return False
    capital = sum(1 for w in ws if w[:1].isupper() or w[:1].isdigit())
    return capital / len(ws) >= 0.8 and stopword_density(text) < 0.1


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


def _match_patterns(number: int, text: str) -> Decision | None:
    for pattern in P.LINE_PATTERNS:
        if pattern.regex.match(text):
            return Decision(number, text, pattern.kind, pattern.rule, pattern.reason)
    if P.REPRINT.match(text):
        return Decision(number, text, "source", "reprint-notice",
                        "mention de reprise et de copyright (source de l’article)")
    lowered = text.lower()
    hits = sorted({t for t in P.CONSENT_TERMS if t in lowered})
    if len(hits) >= P.CONSENT_MIN_HITS:
        return Decision(number, text, "boilerplate", "cookie-consent",
                        "bandeau de consentement aux cookies (" + ", ".join(hits) + ")")
    return None


def _judge_prose(number: int, text: str) -> Decision:
    ws = words(text)
    density = stopword_density(text)
    punctuated = bool(_SENTENCE_END.search(text))
    lowered = text.lower()
    if len(ws) < P.SHORT_LINE_WORDS and not punctuated:
        return Decision(number, text, "boilerplate", "short-unpunctuated",
                        f"ligne courte sans phrase ({len(ws)} mots) : menu, bouton ou étiquette")
    if len(ws) <= 15 and any(t in lowered for t in P.CTA_TERMS):
        return Decision(number, text, "boilerplate", "call-to-action",
                        "appel à l’action (s’abonner, cliquer, suivre…)")
    if len(ws) < 15 and density < 0.1:
        return Decision(number, text, "boilerplate", "low-stopword-density",
                        f"peu de mots-outils ({density:.0%}) : liste ou menu, pas de la prose")
    return Decision(number, text, "body", "prose",
                    f"prose ({len(ws)} mots, {density:.0%} de mots-outils)")


def strip_markup(text: str) -> tuple[str, tuple[str, ...]]:
    """A line without its HTML tags and code blocks, and the markup taken out, in order."""
    kept: list[str] = []
    removed: list[str] = []
    pos = 0
    for match in P.HTML_MARKUP.finditer(text):
        name = match.group("name")
        if name is not None and name.lower() not in P.HTML_TAG_NAMES:
            continue
        before = text[pos:match.start()]
        kept.append(before.rstrip())
        removed.append(match.group(0))
        pos = match.end()
        after = text[pos:]
        # A tag between words stood for a space if spacing touched it or it breaks the line.
        spaced = (before[-1:].isspace() or after[:1].isspace()
                  or (name or "").lower() in P.HTML_BREAK_TAGS)
        so_far = "".join(kept)
        if spaced and so_far and not so_far.endswith(" ") \
                and not re.match(r"\s*([,.)]|$)", after):
            kept.append(" ")
        pos += len(after) - len(after.lstrip())
    if not removed:
        return text, ()
    kept.append(text[pos:])
    return "".join(kept).strip(), tuple(removed)


def _glued_after_name(text: str) -> re.Match[str] | None:
    """A heading glued after a capitalised word, when the glued word is a function word."""
    m = P.GLUED_HEADING_AFTER_NAME.match(text)
    return m if m and m["word"].lower() in P.STOPWORDS else None


def generated_title(lede: str) -> str:
    """A title written from the lede's first sentence, cut at a clause or word boundary."""
    sentence = T.first_sentence(P.WIRE_OPENING.sub("", lede.strip(), count=1))
    sentence = sentence.rstrip(" .")
    if len(sentence) <= P.GENERATED_TITLE_MAX:
        return sentence
    cuts = [m.start() for m in _CLAUSE_CUT.finditer(sentence)
            if 40 <= m.start() <= P.GENERATED_TITLE_MAX]
    if cuts:
        return sentence[: cuts[-1]].rstrip(" ,") + "…"
    cut = sentence.rfind(" ", 0, P.GENERATED_TITLE_MAX)
    head = sentence[: cut if cut > 0 else P.GENERATED_TITLE_MAX].split()
    while head and head[-1].lower() in P.STOPWORDS:
        head.pop()
    return " ".join(head).rstrip(" ,") + "…"


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
