"""Stage 4: quotations of a briefing and their speakers, each with its stated basis."""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing import actor_lexicon as lex
from briefing.gazetteer import gazetteer

from .model import KINDS, Mention, Quote, Role
from .names import (
    SPACES,
    _is_boilerplate,
    _mask_quotes,
    _quote_spans,
    _sentence_end,
    _sentence_start,
    fold,
    has_gap,
    simple_fold,
    split_name,
)

_PARTICIPLES = "|".join(re.escape(v) for v in sorted(lex.SAYING_PARTICIPLES, key=len, reverse=True))
_OTHER_FORMS = "|".join(re.escape(v) for v in sorted(lex.SAYING_OTHER_FORMS, key=len, reverse=True))
# ", a-t-il ajouté" / ", a-t-on pu lire"
_PRONOUN_INCISE = re.compile(
    rf"^[{SPACES},]*(?:a|avait|ont)-t-(il|elle|on|ils|elles)\b(?:[{SPACES}]+(?:pu[{SPACES}]+lire|"
    rf"\w+))?")
# ", a déclaré Poutine lundi" / ", a pour sa part menacé le président …"
_INVERTED_INCISE = re.compile(
    rf"^[{SPACES},]*(?:a|avait|ont|a[{SPACES}]+encore|a[{SPACES}]+également)"
    rf"(?:[{SPACES}]+(?:pour[{SPACES}]+sa[{SPACES}]+part|de[{SPACES}]+son[{SPACES}]+côté|"
    rf"aussi|ensuite|encore|également|\w+ment|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
    rf"dimanche))*[{SPACES}]+(?:{_PARTICIPLES})\b")
_SELON_INCISE = re.compile(rf"^[{SPACES},]*(?:selon|d[’']après)\b")
_VERB_BEFORE = re.compile(
    rf"(?:\b(?:{_PARTICIPLES}|{_OTHER_FORMS}))(?:[{SPACES}]+(?:que|qu[’']|être|:))*"
    rf"[{SPACES}:]*(?:(?:de|des|d[’']|à|le|la|les|l[’']|un|une)[{SPACES}]*)?$")


def _descriptor_target(text: str) -> str | None:
    """The institution a descriptor phrase names ("bureau du président russe" -> Kremlin)."""
    folded = simple_fold(text)
    for phrase, target in lex.INSTITUTION_DESCRIPTORS.items():
        if simple_fold(phrase) in folded:
            return target
    return None


def _role_key(title: str) -> str:
    """Comparable form of a title: folded, head synonyms merged."""
    key = simple_fold(title)
    for head, canonical in lex.HEAD_EQUIVALENTS.items():
        key = re.sub(rf"^{re.escape(simple_fold(head))}\b", simple_fold(canonical), key)
    return key


class _QuoteContext:
    """Article state used to attribute quotes: mentions, roles, the last speaker."""

    def __init__(self, paragraphs: Sequence[str], mentions: Sequence[Mention],
                 roles: Sequence[Role]):
        self.paragraphs = paragraphs
        self.mentions = mentions
        self.roles = roles
        self.last: Quote | None = None

    def narrated(self, p: int, lo: int, hi: int, kinds: tuple[str, ...]) -> list[Mention]:
        """Mentions outside quotes within [lo, hi) of paragraph p."""
        return [m for m in self.mentions if m.paragraph == p and lo <= m.start < hi
                and not m.in_quote and m.kind in kinds]

    def person_of(self, m: Mention, basis: str, p: int, text: str, start: int,
                  gap: bool) -> Quote:
        """Quote attributed to mention m."""
        target = None
        if m.kind == "place":
            stands = gazetteer().get(m.text, (None, None, None))[2]
            if stands:
                target, basis = stands, f"{basis} ; métonymie : {m.text} pour {stands}"
        return Quote(p, text, m.text, basis, start, m.paragraph, m.start, target, gap)

    def descriptor(self, phrase: str, p: int) -> tuple[Mention | None, str | None, str]:
        """Resolve "le chef de Bakou" / "le représentant du Kremlin" when justified."""
        target = _descriptor_target(phrase)
        if target:
            return None, target, f"descripteur « {phrase} » = {target}"
        key = _role_key(re.sub(r"^(?:le|la|l[’'])\s*", "", phrase.strip(), flags=re.I))
        same = [r for r in self.roles if r.paragraph <= p and _role_key(r.text) == key]
        if len({fold(split_name(r.holder_text)[1]) for r in same}) == 1:
            role = same[0]
            m = next(x for x in self.mentions
                     if x.paragraph == role.paragraph and x.start == role.holder_start)
            return m, None, (f"coréférence de rôle : « {phrase} » = « {role.text} » "
                             f"({role.holder_text}, §{role.paragraph})")
        # Discourse continuity: the only person the previous paragraph reports as speaking.
        if p > 0:
            prev = p - 1
            people = self.narrated(prev, 0, len(self.paragraphs[prev]), ("person",))
            names = {fold(split_name(x.text)[1]) for x in people}
            speaks = re.search(rf"\b(?:{_PARTICIPLES}|{_OTHER_FORMS})\b", self.paragraphs[prev])
            if len(names) == 1 and speaks:
                return people[0], None, (
                    f"coréférence : « {phrase} » ; seule personne citée comme parlant au "
                    f"paragraphe précédent : {people[0].text} (« {speaks.group()} »)")
        return None, None, f"descripteur « {phrase} » sans référent certain"

    def attribute(self, p: int, qi: int, qj: int, gap: bool) -> Quote:
        """Find the speaker of the quote spanning [qi, qj] in paragraph p."""
        paragraph = self.paragraphs[p]
        text = paragraph[qi + 1:qj].strip(SPACES)
        masked = _mask_quotes(paragraph, _quote_spans(paragraph))
        after = paragraph[qj + 1:]
        sent_end = _sentence_end(masked, qj + 1)
        # 1. Incise with a pronoun: the previous speaker, if nobody was named since.
        m = _PRONOUN_INCISE.match(after)
        if m:
            pronoun = m.group(1)
            if pronoun == "on":
                return Quote(p, text, None, "tournure impersonnelle (« a-t-on »)", qi, has_gap=gap)
            return self._pronoun(pronoun, p, qi, text, gap)
        # 2. Inverted subject: ", a déclaré à l'AFP la porte-parole …, Maria Zakharova".
        m = _INVERTED_INCISE.match(after)
        if m:
            lo, hi = qj + 1 + m.end(), sent_end
            clause = paragraph[lo:hi]
            people = self.narrated(p, lo, hi, ("person",))
            if people:
                return self.person_of(people[0], f"sujet inversé de « {m.group().strip(' ,')} »",
                                      p, text, qi, gap)
            desc = re.match(rf"[{SPACES}]*((?:le|la|l[’'])[{SPACES}]*[^,.;]+)", clause)
            if desc and re.search(r"(?<![\w\-])(?:" + "|".join(map(re.escape, lex.TITLE_HEADS))
                                  + r")(?![\w\-])", desc.group(1)):
                who, target, basis = self.descriptor(desc.group(1).strip(SPACES), p)
                if who:
                    return self.person_of(who, basis, p, text, qi, gap)
                return Quote(p, text, desc.group(1).strip(SPACES) if target else None, basis,
                             qi, speaker_target=target, has_gap=gap)
            others = [x for x in self.narrated(p, lo, hi, ("organisation", "state", "place"))
                      if not re.search(r"\bà[\s\u00a0]*(?:l[’'])?$", paragraph[lo:x.start])]
            if others:
                return self.person_of(others[0], f"sujet inversé de « {m.group().strip(' ,')} »",
                                      p, text, qi, gap)
            return Quote(p, text, None, f"incise « {m.group().strip(' ,')} » sans sujet nommé",
                         qi, has_gap=gap)
        # 3. ", selon …" after the quote.
        m = _SELON_INCISE.match(after)
        if m:
            clause = paragraph[qj + 1 + m.end():sent_end]
            target = _descriptor_target(clause)
            named = self.narrated(p, qj + 1 + m.end(), sent_end, KINDS)
            if named:
                return self.person_of(named[0], "« selon » après la citation", p, text, qi, gap)
            if target:
                return Quote(p, text, clause.strip(SPACES + "."),
                             f"« selon{clause.rstrip('.')} » = {target}", qi,
                             speaker_target=target, has_gap=gap)
            return Quote(p, text, None, "« selon » sans source nommée", qi, has_gap=gap)
        # 4. Verb of saying before the quote: its subject speaks.
        start = _sentence_start(masked, qi)
        prefix = masked[start:qi]
        verb = _VERB_BEFORE.search(prefix) or re.search(
            rf"\b(?:{_PARTICIPLES}|{_OTHER_FORMS})\b", prefix)
        if verb:
            return self._subject(p, start, start + verb.start(), verb.group().strip(), text, qi,
                                 gap)
        return Quote(p, text, None, "aucun verbe de parole ni locuteur nommé", qi, has_gap=gap)

    def _pronoun(self, pronoun: str, p: int, qi: int, text: str, gap: bool) -> Quote:
        """Resolve il/elle in an incise to the previous quote's speaker."""
        last = self.last
        if last and last.speaker_paragraph is not None:
            named = [m for m in self.mentions if not m.in_quote and m.kind == "person"
                     and (m.paragraph, m.start) > (last.paragraph, last.start)
                     and (m.paragraph, m.start) < (p, qi)
                     and fold(split_name(m.text)[1]) != fold(split_name(last.speaker_text)[1])]
            if len({fold(split_name(m.text)[1]) for m in named}) == 1:
                m = named[-1]
                return Quote(p, text, m.text, f"pronom « {pronoun} » = seule personne nommée "
                             f"depuis la citation précédente ({m.text})", qi, m.paragraph,
                             m.start, None, gap)
            if not named:
                return Quote(p, text, last.speaker_text,
                             f"pronom « {pronoun} » = locuteur de la citation précédente (§"
                             f"{last.paragraph}, {last.speaker_text})", qi, last.speaker_paragraph,
                             last.speaker_start, last.speaker_target, gap)
            return Quote(p, text, None, f"pronom « {pronoun} » ambigu ({named[0].text} nommé "
                         "depuis la citation précédente)", qi, has_gap=gap)
        return Quote(p, text, None, f"pronom « {pronoun} » sans antécédent certain", qi,
                     has_gap=gap)

    def _subject(self, p: int, lo: int, verb_at: int, verb: str, text: str, qi: int,
                 gap: bool) -> Quote:
        """The subject right before a verb of saying, or a pronoun resolved in the sentence."""
        paragraph = self.paragraphs[p]
        named = self.narrated(p, lo, verb_at, KINDS)
        aux = (r"(?:a|avait|ont|aurait|est|va|doit)?(?:[\s\u00a0]+(?:de son côté|pour sa part|"
               r"également|aussi|encore|de nouveau|par ailleurs|\w+ment))*[\s\u00a0]*$")
        for m in reversed(named):
            gapstr = paragraph[m.end:verb_at]
            if re.fullmatch(r"[\s\u00a0]*" + aux, gapstr) and not re.search(
                    r"\b(?:à|de|du|des|avec|par|pour|selon)[\s\u00a0]*(?:l[’'])?$",
                    paragraph[max(lo, m.start - 8):m.start]):
                return self.person_of(m, f"sujet de « {verb} »", p, text, qi, gap)
        # Main-clause subjects: a name followed by an auxiliary ("Pashinian a envoyé").
        subjects = [m for m in named if re.match(r"[\s\u00a0]+(?:a|avait|est|ont)\b",
                                                 paragraph[m.end:])]
        pron = re.search(r"\b(il|elle)[\s\u00a0]+(?:\w+[\s\u00a0]+)?$", paragraph[lo:verb_at])
        people = [m for m in subjects if m.kind == "person"]
        if pron and people:
            return self.person_of(people[0], f"pronom « {pron.group(1)} » = sujet de la "
                                  f"phrase ({people[0].text}), verbe « {verb} »", p, text, qi, gap)
        gerund = re.search(r"\ben[\s\u00a0]+\w+ant\b", paragraph[lo:qi])
        if gerund and subjects:
            return self.person_of(subjects[0], f"sujet de la phrase ({subjects[0].text}), "
                                  f"gérondif « {gerund.group()} »", p, text, qi, gap)
        # Same sentence as the previous quote: "a-t-il affirmé …, avant de lancer :".
        last = self.last
        if (last and last.paragraph == p and last.speaker_text and last.start >= lo
                and not self.narrated(p, last.start, qi, ("person",))):
            return Quote(p, text, last.speaker_text,
                         f"même phrase que la citation précédente, verbe « {verb} »", qi,
                         last.speaker_paragraph, last.speaker_start, last.speaker_target, gap)
        return Quote(p, text, None, f"verbe « {verb} » sans sujet nommé certain", qi, has_gap=gap)


def _quotes(paragraphs: Sequence[str], mentions: Sequence[Mention],
            roles: Sequence[Role]) -> list[Quote]:
    """Every quotation of the article with its speaker or the reason it has none."""
    ctx = _QuoteContext(paragraphs, mentions, roles)
    quotes = []
    for p, paragraph in enumerate(paragraphs):
        if _is_boilerplate(paragraph):
            continue
        for qi, qj in _quote_spans(paragraph):
            inner = paragraph[qi + 1:qj]
            if not inner.strip(SPACES):
                continue
            gap = bool(re.match(rf"[{SPACES}]{{2,}}", inner)) or has_gap(inner)
            quote = ctx.attribute(p, qi, qj, gap)
            quotes.append(quote)
            ctx.last = quote
    return quotes
