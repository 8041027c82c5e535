"""Stage 2, clean: every line of a seed classified as article text or removed, with a reason."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from . import headline
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

    @property
    def removed(self) -> tuple[Decision, ...]:
        """Every decision that took text out of the article, in seed order."""
        return tuple(d for d in self.decisions if d.kind not in KEPT)

    @property
    def captions(self) -> tuple[str, ...]:
        """Captions and datelines: not article text, but evidence for the date."""
        return tuple(d.text for d in self.decisions if d.kind in {"caption", "dateline"})


words = T.words


def stopword_density(text: str) -> float:
    """Share of French function words among the words of a line (jusText's main signal)."""
    ws = words(text)
    if not ws:
        return 0.0
    hits = 0
    for w in ws:
        lw = w.lower()
        head = re.split(r"[’']", lw, maxsplit=1)[0]
        if lw in P.STOPWORDS or head in P.STOPWORDS:
            hits += 1
    return hits / len(ws)


def normalise_line(text: str) -> str:
    """A key to compare lines across seeds and within one: case and spacing folded."""
    return re.sub(r"\s+", " ", text).strip().casefold()


def clean(seed: SeedText, shared_lines: Iterable[str] = frozenset()) -> Cleaned:
    """Classify every non-blank line of a seed.

    0. HTML markup taken out of every line (code, never article text), with a reason;
    1. whole-line patterns (ads, widgets, teasers, bylines, cookie buttons), consent banners;
    2. position: lines after a teaser heading are teasers;
    3. repetition: within the seed, and short lines shared with other seeds;
    4. the title, a repeated title used as a caption, credits, captions;
    5. jusText-style signals for the rest (length, stopword density, punctuation, CTA words);
    6. a rubric glued before the lede is split off; the standfirst is marked;
    7. a title is written from the lede when the seed has none;
    8. gaps left by lost words; 9. source hints.
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

    # 1–3. Patterns, position, repetition.
    in_teasers = False
    seen: set[str] = set()
    for number, text in numbered:
        decision = _match_patterns(number, text)
        if decision is None and in_teasers:
            decision = Decision(number, text, "teaser", "teaser-item",
                                "lien vers un autre article (après un en-tête « À lire aussi »)")
        key = normalise_line(text)
        if decision is None and key in seen:
            decision = Decision(number, text, "duplicate", "duplicate-line",
                                "ligne répétée dans le même article")
        if decision is None and key in shared and len(words(text)) <= P.CROSS_SEED_MAX_WORDS:
            decision = Decision(number, text, "boilerplate", "cross-seed",
                                "ligne courte répétée dans d’autres articles (habillage du site)")
        if decision is not None:
            decided[number] = decision
            if decision.rule == "teaser-head":
                in_teasers = True
        seen.add(key)

    # 4. Title, repeated title, credits and captions (only before the first body line).
    title, title_line = _find_title(numbered, decided)
    hints: list[SourceHint] = []
    if title_line is not None:
        decided[title_line] = Decision(title_line, title, "title", "headline",
                                       "titre de l’article (affiché comme titre de la page)")
    for number, text in numbered:
        if number in decided:
            continue
        credit = P.CREDIT.search(text)
        if credit:
            rest = text[: credit.start()].strip()
            agency = credit.group("agency").strip()
            if title and normalise_line(rest) == normalise_line(title):
                reason = f"titre répété en légende de photo, suivi du crédit « {credit.group(0)} »"
            else:
                reason = f"légende et crédit photo « {credit.group(0)} »"
            decided[number] = Decision(number, text, "credit", "photo-credit", reason)
            outlet = P.PHOTO_AGENCIES.get(agency.upper(), agency)
            hints.append(SourceHint(outlet, "photo-credit", f"crédit photo « {credit.group(0)} »",
                                    number))
        elif P.CAPTION.match(text):
            decided[number] = Decision(number, text, "caption", "place-date-caption",
                                       "légende de photo (lieu et date seuls)")
        elif title and normalise_line(text) == normalise_line(title):
            decided[number] = Decision(number, text, "duplicate", "title-repeat", "titre répété")

    # 5. Everything else: prose or furniture?
    for number, text in numbered:
        if number not in decided:
            decided[number] = _judge_prose(number, text)

    # 6. Rubric prefix and standfirst.
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

    # 7. A title written from the lede, marked as such.
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

    # 8–9. Gaps and source hints.
    gaps = tuple(g for i, p in enumerate(paragraphs) for g in find_gaps(i, p.text))
    for number, text in numbered:
        for regex, outlet, relation, basis in P.SOURCE_HINTS:
            if regex.search(text) and not any(h.outlet == outlet for h in hints):
                hints.append(SourceHint(outlet, relation, basis, number))
    return Cleaned(title, title_is_generated, title_basis, tuple(paragraphs), tuple(decisions),
                   gaps, tuple(sorted(hints, key=lambda h: (h.line, h.outlet))))


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


def _find_title(
    numbered: list[tuple[int, str]], decided: dict[int, Decision]
) -> tuple[str, int | None]:
    """The headline: the first undecided line, short, without a final full stop."""
    for number, text in numbered:
        if number in decided:
            if decided[number].kind in {"rubric", "boilerplate"}:
                continue
            break
        if headline.never_title(text):  # a URL, a stamp, a credit: skipped, judged later
            continue
        ends_sentence = bool(re.search(r"[.:;,…]\s*$", text))
        if not ends_sentence and len(words(text)) <= P.TITLE_MAX_WORDS \
                and not P.CREDIT.search(text) and not P.CAPTION.match(text):
            return text, number
        break
    return "", None


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


def generated_title(lede: str) -> str:
    """A title written from the lede's first sentence, cut at a clause or word boundary."""
    sentence = T.first_sentence(lede)
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
