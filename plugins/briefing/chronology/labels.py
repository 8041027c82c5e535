"""The short French label of the event a date expression dates in its sentence."""

from __future__ import annotations

import re

from briefing import dating
from briefing import textutils as T
from briefing import timex_grammar as g
from briefing.wordlists import adjectives, noun_like, stop_words

from .clauses import (
    ETRE,
    SUBJECT_WORDS,
    clause_spans,
    has_verb,
    is_adjunct,
    is_adjunct_start,
    is_clause,
    join_pieces,
    participle,
    participle_base,
    split_pieces,
    standalone,
    subject_of,
    verb_starts,
)

_fold = T.fold_accents


_GAP_RE = re.compile(
    r"\b(?P<det>[Ll]e|[Ll]a|[Ll]es|[Uu]n|[Uu]ne|des|du|l[’'])\s+(?=[.,;:)»]|a\b|ont\b|n[’']|et\b|$)"
)
# A rubric or a wire dateline opening the sentence: « POLITIQUE - », « KYIV, 25 décembre
# (Reuters) - ».
RUBRIC_RE = re.compile(
    r"^[A-ZÉÈÀ][A-ZÉÈÀ'’ -]{2,}(?:,[^-–()]{0,30})?(?:\s*\([^)]{2,40}\))?\s+[-–]\s+")
# « Au moins 95 personnes »: « au » there opens the subject, not an adjunct.
_LEADING_FILLER_RE = re.compile(
    r"^(?:(?:en|depuis|dès|et|à|au(?!\s+(?:moins|plus)\b)|mais|puis)\s+)+", re.IGNORECASE)
_REPORTING_START_RE = re.compile(
    rf"^(?:a|ont|avait)(?:-t-(?:il|elle|on))?\s+(?:{'|'.join(g.REPORTING_VERBS)})\b", re.IGNORECASE
)


def cut(text: str, limit: bool = True) -> str:
    """Label of at most LABEL_MAX_WORDS words, gaps shown as […], first letter upper case."""
    text = _GAP_RE.sub(
        lambda m: f"{m['det']} […] " if not m["det"].endswith(("’", "'")) else f"{m['det']}[…] ",
        text,
    )
    text = re.sub(r"\s[–—]\s.*?\s[–—]\s", " ", text)  # an incise is not the event
    text = re.sub(r"\s+", " ", text).strip(' ,;:-–«»"')
    if re.search(r"\b(?:l[’']|la|le|les|du|des)$", text):
        text += " […]"  # the sentence lost its last word (a removed hyperlink)
    text = re.sub(r"(?:,|\s+(?:et|ou|ni))+$", "", text)  # « en 2020, 2021 et » lost its date
    text = _LEADING_FILLER_RE.sub("", text)
    words = text.split()
    if limit and len(words) > g.LABEL_MAX_WORDS:
        text = " ".join(_end_on_a_word(words[: g.LABEL_MAX_WORDS])).rstrip(",;:") + "…"
    if text.count("«") != text.count("»"):
        text = text.replace("«", "").replace("»", "").strip()
        text = re.sub(r"\s+", " ", text)
    return text[:1].upper() + text[1:] if text else text


# Words without which a text holds no date (a cheap test before tagging it).
_DATE_HINT_RE = re.compile(
    rf"\d|\b(?:{'|'.join(g.MONTHS)}|{'|'.join(g.WEEKDAYS)}|hier|demain|aujourd|veille|"
    r"lendemain|an|ans|année|semaine|mois|printemps|été|automne|hiver|soir|matin)\b",
    re.IGNORECASE)


def _has_date(text: str) -> bool:
    """Whether a piece of text holds a date expression."""
    return bool(_DATE_HINT_RE.search(text)) and bool(dating.tag(text))


def _end_on_a_word(words: list[str], keep: int = 3) -> list[str]:
    """A cut label's words without the function words it would end on (« … de la »)."""

    end = len(words)
    while end > keep and (words[end - 1].lower().strip(",;:") in stop_words()
                          or words[end - 1].lower() in g.PREPOSITIONS_LIKE_VERBS
                          or re.search(r"[’']$", words[end - 1])):
        end -= 1
    return words[:end]


def _nominal(before: str, after: str = "") -> bool:
    """Whether the date belongs to the noun before it (« les élections municipales de mars »).

    Not when that word is a time noun or a preposition (« la matinée de dimanche », « à partir
    de 2030 »): the date then dates the clause around it.
    """
    m = re.search(r"([\w-]+)\s+(?:de|d[’'])\s*$", before, re.IGNORECASE)
    return bool(m) and m.group(1).lower() not in g.NOT_NOMINAL_HEADS and not re.match(
        r"\s+(?:à|au)\s+\d", after)  # « de 2013 à 2020 »: a span, not a noun's date


# Determiners of the noun a date belongs to, as the subject of its label (« aux élections » ->
# « les élections »), and whether they make it plural.
_SUBJECT_DETERMINERS = {"le": ("le", False), "la": ("la", False), "les": ("les", True),
                        "un": ("un", False), "une": ("une", False), "du": ("le", False),
                        "des": ("les", True), "au": ("le", False), "aux": ("les", True)}


def _nominal_clause(noun: str, det: str, date: str, future: bool) -> str:
    """« un traité de 1997 » -> « Un traité … date de 1997 »: the noun's date as a clause.

    What is past « date de » its date; what is to come « aura lieu » then.
    """
    low = det.strip().lower()
    elided = low.endswith(("’", "'"))
    article, plural = (det.strip(), False) if elided else _SUBJECT_DETERMINERS.get(low, ("", False))
    subject = f"{article}{'' if elided else ' '}{noun}".strip()
    day = re.match(r"\d{1,2}(?:er)?\s", date) is not None  # « 9 novembre 2020 »: a day
    weekday = date.split()[0].lower() in g.WEEKDAYS if date.split() else False
    if future:
        verb = "auront lieu" if plural else "aura lieu"
        return f"{subject} {verb} {'' if weekday else 'le ' if day else 'en '}{date}"
    if weekday:  # « la messe de dimanche » -> « La messe a eu lieu dimanche »
        return f"{subject} {'ont' if plural else 'a'} eu lieu {date}"
    verb = "datent" if plural else "date"
    return f"{subject} {verb} {'du' if day else 'de'} {date}"


def make_label(sentence: str, start: int, end: int, future: bool = False) -> str:
    """Short French label for the event a date expression dates in its sentence.

    `future`: the date comes after the publication (a noun's date is then told as to come).
    """
    sentence = sentence.rstrip(" .")
    before = sentence[:start]
    if _nominal(before, sentence[end:]):
        # « un traité de 1997 avec la Russie »: the date belongs to the noun before it.
        head = re.split(r"[.;:«»]", before)[-1]
        det = list(
            re.finditer(r"\b(?:le|la|les|un|une|du|des|au|aux)\s+|\bl[’']", head, re.IGNORECASE)
        )
        noun = head[det[-1].end() :] if det else head
        noun = re.sub(r"\s*(?:de|d[’'])\s*$", "", noun)
        # The noun's complement, up to a clause of its own (« avec la Russie pour demander »).
        tail = re.split(r"[,;:«.]|\b(?:et|pour|afin|qui|que|qu[’']|dont|où|lorsque|quand)\b",
                        sentence[end:])[0]
        verb = next((a for a in verb_starts(f"{noun} {tail}") if a > len(noun)), None)
        if verb is not None:  # « La dissolution de juin 2024 avait suspendu … »: its verb
            tail = f"{noun} {tail}"[len(noun) + 1:verb]
            tail = re.sub(r"\s+(?:ne|n[’']|se|s[’']|avait|a|ont|avaient|est|sont)\s*$", "",
                          tail, flags=re.IGNORECASE)
        noun = f"{noun} {' '.join(tail.split()[:5])}".strip()
        return cut(_nominal_clause(noun, det[-1].group() if det else "", sentence[start:end],
                                    future))
    # Remove the expression and the preposition before it; unglue « septembreavec ».
    head, last = before, None
    while head != last:  # « d'ici au début de 2026 »: every preposition before the date
        last, head = head, re.sub(
            r"(?:\bà\s+(?:partir|compter)(?:\s+(?:de|d[’']))?|\bd[’']ici(?:\s+à)?"
            r"|\bjusqu[’'](?:en|à|au)|\b(?:en|de|depuis|dès|le|les|au|à)|\bd[’'])\s*$", "",
            head, flags=re.IGNORECASE)
    if re.search(r"\b\w+[’']\s*$", head) or re.match(r"\s+(?:à|au|et)\s+\d", sentence[end:]) \
            or re.search(r"\b(?:avant|après|vers)\s*$", head, re.IGNORECASE):
        # « qu’à partir de jeudi »: without the date, nothing is said; « de 2009 à 2013 »: a
        # span keeps its start; « avant 2027 »: a bound keeps its date
        head = sentence[:end]
    # « lundi matin », « samedi au soir »: the part of the day goes with the date it follows.
    tail = re.sub(r"^\s*(?:au\s+)?(?:soir|matin|après-midi|midi)\b", "", sentence[end:],
                  flags=re.IGNORECASE)
    if re.search(r"\bnuit\s*$", head, re.IGNORECASE):
        # « dans la nuit de mercredi à jeudi »: the night's other end goes with it.
        tail = _NIGHT_END_RE.sub("", tail)
    gap = " " if tail[:1].isalpha() else ""
    text = head + "\x00" + gap + tail
    spans = clause_spans(text)
    pieces = [text[a:b].replace("\x00", " ").strip() for a, b in spans]
    index = next(i for i, (a, b) in enumerate(spans) if "\x00" in text[a:b] or b == len(text))
    clause = pieces[index]
    following = pieces[index + 1] if index + 1 < len(pieces) else ""
    a, b = spans[index]
    then = _THEN_RE.match(following) if not text[text.find("\x00", a, b) + 1:b].strip() else None
    if then:
        # « …depuis 2023, date à laquelle Kyiv a abandonné le calendrier julien »: the date
        # dates the clause after « date à laquelle »; a pronoun there is the main subject.
        own = following[then.end():]
        pronoun = re.match(r"(?:il|elle)\s+", own, re.IGNORECASE)
        subject = subject_of(pieces[0]) if pronoun else None
        own = f"{subject} {own[pronoun.end():]}" if pronoun and subject else own
        if is_clause(own) and standalone(own):
            return cut(own)
    inner = list(_CLAUSE_OPENER_RE.finditer(text, a, text.find("\x00", a, b) + 1 or b))
    if inner:
        # « …contre le propriétaire de l'immeuble où un incendie avait fait dix morts en
        # décembre 2022 »: the date is the fact of the clause it stands in, with its own subject.
        own = text[inner[-1].end():b].replace("\x00", " ")
        if is_clause(own) and standalone(own) and own.split()[0].lower() not in _PRONOUNS:
            return cut(own)  # (« où il évolue » would lose whom it speaks of)
    # Fronted: unless the main clause tells a past fact it is the circumstance of; in
    # apposition to a noun phrase: always.
    main = pieces[index + 1] if index + 1 < len(pieces) else ""
    # (A main clause with a date of its own tells another time: « Élu en octobre 2019, M. Saïed
    # s'était arrogé les pleins pouvoirs le 25 juillet 2021 ».)
    fronted_or_apposed = (index == 0 and (not _tells_a_past_fact(main) or bool(
        _has_date(main)))) or (index > 0 and _noun_phrase(
        _SUBORDINATOR_RE.sub("", pieces[index - 1])))
    if not has_verb(clause) and fronted_or_apposed and (participle(_past_adverb(clause)) or (
            index > 0 and _apposition(clause))):
        # « Né en 2006 …, le club … », « Northampton, sacré en 2000, … »: the participle says
        # the dated fact; `clause_around` tells it with its subject and the date.
        return cut(clause)
    if _REPORTING_START_RE.match(clause) and index > 0:
        # « …, a déclaré vendredi le ministère »: the date dates what the clauses before say.
        clause = ", ".join(pieces[:index])
    elif (
        len(clause.split()) < 3
        or (is_adjunct(clause) and all(is_adjunct(p) for p in pieces[:index]))
    ) and index + 1 < len(pieces) and not _THEN_RE.match(following):
        # (« …, date à laquelle … » tells the time of another date)
        clause = pieces[index + 1]
    else:
        first = index
        while first > 0 and not _opens_clause(pieces[first]):
            first -= 1
        seps = [text[spans[k - 1][1]:spans[k][0]].strip() if k else ""
                for k in range(len(spans))]
        chain = _apposition_chain(list(zip(seps, pieces, strict=True)), first) \
            if first < index else [first]
        if len(chain) > 1:  # « John Textor, l'homme d'affaires …, a été écarté »: the name
            first = _chosen_subject(chain, [pieces[k] for k in chain])
        clause, last = pieces[first], first
        for k in range(first + 1, index + 1):
            if pieces[k] and k not in chain:
                # No comma where an apposition was left out, nor between the chosen subject
                # and its verb.
                gap = any(j in chain for j in range(last + 1, k)) or (
                    last == first and len(chain) > 1 and has_verb(pieces[k])
                    and not _RELATIVE_START_RE.match(pieces[k]))
                clause += (" " if gap else ", ") + pieces[k]
                last = k
    clause = re.sub(r"\s+,", ",", clause)
    return cut(RUBRIC_RE.sub("", clause))


_NIGHT_END_RE = re.compile(
    rf"^\s*(?:à|au)\s+(?:{'|'.join(g.WEEKDAYS)}|\d{{1,2}}(?:er)?\s+(?:{'|'.join(g.MONTHS)}))\b",
    re.IGNORECASE)


# A time noun taking up the date before it (« en 2003, date à laquelle il a succédé … »).
_THEN_RE = re.compile(r"(?:(?:date|année|jour|mois|époque|moment)\s+(?:à\s+laquelle|auquel|où)"
                      r"|(?:au\s+cours|lors|à\s+l[’']issue)\s+de\s+laquelle)\s+", re.IGNORECASE)
# Words opening a clause with its own subject inside a sentence (« l'immeuble où un incendie
# avait fait dix morts », « lorsque la police est intervenue »).
_CLAUSE_OPENER_RE = re.compile(r"\b(?:où|lorsqu(?:e\s+|[’'])|quand|puisqu(?:e\s+|[’'])|"
                               r"(?:alors|après|avant|tandis)\s+qu(?:e\s+|[’']))\s*",
                               re.IGNORECASE)


_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "on", "nous", "vous", "je", "tu", "j’",
                       "j'", "celui-ci", "celle-ci", "ceux-ci", "celles-ci"})


# Prepositions opening an adjunct, never a subject (« Sur instruction du roi, … »).
_PREPOSITIONS = frozenset({"à", "en", "par", "pour", "sur", "sous", "dans", "avec", "sans",
                           "chez", "vers", "selon", "après", "avant", "depuis", "pendant",
                           "entre", "contre", "malgré", "dès", "parmi", "outre", "lors", "face"})


def _subject_phrase(piece: str) -> bool:
    """A noun phrase that can be a subject: no verb outside a relative clause, no date, no
    adjunct (« Lundi », « Au Sénat », « Enfin » are none)."""
    head = re.split(r"\s(?:qui|que|qu[’']|dont|où)\s", piece)[0]
    words = head.split()
    if not words or not standalone(head) or has_verb(head) or is_adjunct_start(head) \
            or words[0].lower() in _PREPOSITIONS or _has_date(head):
        return False

    return len(words) > 1 or (words[0].lower() not in stop_words()
                              and not words[0].lower().endswith("ment"))


def _names(piece: str) -> bool:
    """Whether a noun phrase opens on a name (« John Textor »), not on a determiner."""

    first = piece.split()[0] if piece.split() else ""
    return first[:1].isupper() and _fold(first.lower()) not in SUBJECT_WORDS \
        and first.lower() not in stop_words() and not re.match(r"(?i)[ld][’']", first)


_RELATIVE_START_RE = re.compile(r"(?:qui|que|qu[’']|dont|où|lequel|laquelle)\b", re.IGNORECASE)


def _chosen_subject(chain: list[int], phrases: list[str]) -> int:
    """The subject among noun phrases in apposition: a name, unless the first phrase joins
    several (« X et la présidente du festival, Iris Knobloch, avaient ouvert »)."""
    if " et " in phrases[0]:
        return chain[0]
    return next((k for k, p in zip(chain, phrases, strict=True) if _names(p)), chain[0])


def _apposition_chain(pieces: list[tuple[str, str]], first: int) -> list[int]:
    """The noun phrases in apposition ending at `first`, joined by commas (« X, le Y, »)."""
    chain = [first]
    if not _subject_phrase(pieces[first][1]):
        return chain
    k = first
    # (A lowercase apposition may stand between them: « Le président de la République,
    # commandant en chef des forces armées, Ilham Aliyev, s’est rendu … ».)
    while k > 0 and pieces[k][0] == "," and (_subject_phrase(pieces[k - 1][1]) or (
            _apposition(pieces[k - 1][1]) and not _RELATIVE_START_RE.match(pieces[k - 1][1]))):
        k -= 1
        chain.insert(0, k)
    while not _subject_phrase(pieces[chain[0]][1]):
        chain.pop(0)
    return chain


# A quantity opening a subject (« 100 417 personnes », « plus de 7 000 hectares »).
_QUANTITY_RE = re.compile(r"(?:\d|(?:plus|moins|près|environ|quelque|au\s+moins)\b)",
                          re.IGNORECASE)


def _opens_clause(piece: str) -> bool:
    """A piece a clause can start on: a capital or subject word, or a subject of its own
    (« Selon la préfète, X, plus de 7 000 hectares avaient brûlé »)."""
    return standalone(piece) or (bool(_QUANTITY_RE.match(piece)) and is_clause(piece))


def _past_adverb(piece: str) -> str:
    """A piece's first word, past an adverb before it (« déjà placée » -> « placée »)."""
    words = piece.split()[:2]
    return words[1] if len(words) > 1 and words[0].lower() in g.PARTICIPLE_ADVERBS else \
        (words[0] if words else "")


# A conjunction before a subject (« tandis que Samuel Montembeault, gardien …, a repoussé »).
_SUBORDINATOR_RE = re.compile(r"^(?:(?:tandis|alors|parce|pendant|lorsque|puisque)\s+"
                              r"qu(?:e\s+|[’'])|(?:et|mais|car|or)\s+)", re.IGNORECASE)
# Words opening a piece that is no apposition to the noun phrase before it.
_NOT_APPOSITION = frozenset({"et", "ou", "mais", "puis", "dont", "qui", "que", "qu", "où",
                             "ni", "car", "soit", "ainsi", "notamment", "selon", "voire"})


def _apposition(piece: str) -> bool:
    """Whether a verbless piece is a noun in apposition (« champion d'Europe depuis mai »)."""
    words = piece.split()
    return bool(words) and not has_verb(piece) and words[0][:1].islower() \
        and re.split(r"[’']", words[0].lower())[0] not in _NOT_APPOSITION \
        and not is_adjunct_start(piece) and not standalone(piece)


def _noun_clause(subject: str, piece: str) -> str:
    """« Le PSG » and « champion d'Europe depuis mai » -> « Le PSG est champion … »."""
    plural = subject.split()[0].lower() in ("les", "des", "ces", "leurs", "nos", "vos") or \
        " et " in subject
    return f"{subject} {'sont' if plural else 'est'} {piece}"


def _fronted_participle(piece: str, main: str) -> str | None:
    """« Elue en 2014, l’édile a … » -> « L’édile a été élue en 2014 »: the main clause's subject.

    A clause opening on a past participle says what happened to the subject of the main clause.
    """
    subject = subject_of(main)
    return _participle_clause(subject, piece) if subject else None


def _noun_phrase(piece: str) -> bool:
    """Whether a piece is a noun phrase (« Northampton », not « D'après le ministère »)."""
    return standalone(piece) and not has_verb(piece) and not is_adjunct_start(piece)


def _tells_a_past_fact(main: str) -> bool:
    """Whether a main clause tells a past fact (« le conseil a élu … »), not a saying or a state.

    A participle fronted before it is then a circumstance (« Réuni vendredi 21 mars, le
    conseil a élu … »), not the dated fact.
    """
    return any(m.group().split()[-1].lower() not in g.REPORTING_VERBS
               for m in _COMPOUND_PAST_RE.finditer(main))


# The compound past of the tense cues (auxiliary, then a participle).
_COMPOUND_PAST_RE = re.compile(rf"(?<![\w-])(?:{g.PAST_CUES[0]})(?![\w-])", re.IGNORECASE)


_FEMININE_DETERMINERS = frozenset({"la", "une", "sa", "cette", "ma", "ta", "notre", "votre"})
_MASCULINE_DETERMINERS = frozenset({"le", "un", "son", "ce", "cet", "mon", "ton", "du", "au"})


def _agreeing_subject(subject: str, participle_form: str) -> str:
    """The noun of the phrase the participle agrees with: « La mort de l'opposant X, tué … »
    speaks of the opponent (a masculine participle after a feminine head), not of the death."""
    words = subject.split()
    det = words[0].lower() if words else ""
    feminine = participle_form.rstrip("s").endswith("e")
    if not ((det in _FEMININE_DETERMINERS and not feminine)
            or (det in _MASCULINE_DETERMINERS and feminine)):
        return subject
    m = list(re.finditer(r"\s(?:de|d[’']|du|des)\s*", subject))
    if not m:
        return subject
    rest = subject[m[-1].end():]
    joined = m[-1].group().strip().lower()
    rest = {"du": "le ", "des": "les "}.get(joined, "") + rest
    return rest[:1].upper() + rest[1:] if rest.strip() else subject


def _participle_clause(subject: str, piece: str) -> str | None:
    """« Northampton » and « sacré en 2000 » -> « Northampton a été sacré en 2000 ».

    Verbs built with « être » keep it (« est arrivé »), the others make a passive (« a été »);
    None when the piece does not open on a past participle.
    """
    words = piece.split()
    adverb = words.pop(0) if len(words) > 1 and words[0].lower() in g.PARTICIPLE_ADVERBS else ""
    form = participle(words[0]) if words else None
    if not form:
        return None
    first = _fold(words[0].lower())
    plural = first.endswith("s")
    etre = participle_base(first) in ETRE
    subject = _agreeing_subject(subject, words[0].lower())
    aux = ("sont" if plural else "est") if etre else ("ont" if plural else "a") + " été"
    if adverb:  # « a déjà été placée », « est déjà arrivé »
        head, _, rest = aux.partition(" ")
        aux = " ".join(w for w in (head, adverb.lower(), rest) if w)
    return f"{subject} {aux} {form} {' '.join(words[1:])}"


_RELATIVE_LABEL_RE = re.compile(r"^(?P<np>[^,]+),\s+qui\s+(?P<rest>[^,]+?)(?P<cut>…?)$")


def relative_as_clause(label: str) -> str:
    """« JMA, qui avait vendu le club » -> « JMA avait vendu le club »: a label that is only a
    noun phrase and its relative clause tells the relative's fact of that noun phrase."""
    m = _RELATIVE_LABEL_RE.match(label)
    if not m or not _noun_phrase(m["np"]) or not has_verb(f"{m['np']} {m['rest']}") \
            or re.search(r"\s(?:de|d[’'])\s*[A-ZÉ]", m["np"]):
        return label  # (« Le travail de Mediapart, qui … »: which of the two?)
    return f"{m['np']} {m['rest']}{m['cut']}"


def clause_around(sentence: str, start: int, end: int) -> str | None:
    """The clause holding a date, with a subject and a verb, or None.

    The clause containing the date, widened left to its subject (a clause opening on a capital
    or a subject word) and right to its verb, past the incises between them (« Depuis vendredi
    24 novembre, une cinquantaine d'otages, pour l'essentiel …, ont retrouvé leurs familles »);
    a clause opening on a participle takes the main clause's subject. The date is kept: the
    label says what it dates.
    """
    sentence = sentence.rstrip(" .")
    pieces = split_pieces(sentence)
    offsets = _offsets(sentence, pieces)
    i = next((n for n, (_, text) in enumerate(pieces) if start < offsets[n] + len(text) + 1),
             len(pieces) - 1)
    date_only = not sentence[offsets[i]:start].strip() and not sentence[
        end:offsets[i] + len(pieces[i][1])].strip()  # « La veille, … »
    first = i
    # A piece that is only the date (« …, le 1er octobre, … ») opens no clause of its own: the
    # clause before it is the one it dates.
    while first > 0 and (not _opens_clause(pieces[first][1]) or (first == i and date_only)) \
            and pieces[first][0] not in (";", ":"):
        first -= 1
    chain = _apposition_chain(pieces, first) if first < i else [first]
    if len(chain) > 1:
        # « John Textor, l'homme d'affaires qui contrôlait le club, a été écarté »: noun
        # phrases in apposition name one subject; the name is kept, the others left out.
        first = _chosen_subject(chain, [pieces[k][1] for k in chain])
    skipped = set(chain) - {first}
    kept = [(first, pieces[first][1])] + [(k, pieces[k][1]) for k in range(first + 1, i + 1)
                                          if k not in skipped and (k == i or has_verb(
                                              pieces[k][1]))]
    # A fronted adjunct (« Depuis vendredi 24 novembre », « Réunis pour leur sommet ») holds the
    # date before the main clause; a noun phrase opening on a determiner is the subject.
    adjunct = is_adjunct(join_pieces(kept)) and (
        date_only or _fold(kept[0][1].split()[0]) not in SUBJECT_WORDS)
    if not has_verb(pieces[i][1]) and i + 1 < len(pieces) and pieces[i + 1][0] == "," \
            and first < i and is_clause(join_pieces(kept)) and not standalone(pieces[i][1]):
        # « … ont conclu, vendredi 19 avril, un accord … »: the date is an incise; the clause
        # goes on after it.
        kept.append((i + 1, pieces[i + 1][1]))
    subject = _SUBORDINATOR_RE.sub("", pieces[i - 1][1]) if i > 0 and (
        first == i - 1 or _SUBORDINATOR_RE.match(pieces[i - 1][1])) else ""
    apposed = (_participle_clause(subject, pieces[i][1]) or (
        _noun_clause(subject, pieces[i][1]) if not date_only and i + 1 < len(pieces) and has_verb(
            f"{subject} {pieces[i + 1][1]}") and _apposition(pieces[i][1]) else None)
        if subject and _noun_phrase(subject) else None)
    if apposed:
        # « Northampton, sacré en 2000, espérait … »: the participle in apposition says the
        # dated fact of the noun phrase before it.
        kept = [(i, apposed)]
    relative = _reduced_relative(pieces[i][1], start - offsets[i])
    if relative and not is_clause(join_pieces(kept)):
        kept = [(i, relative)]
    for k in range(i + 1, len(pieces)):
        if is_clause(join_pieces(kept)) or pieces[k][0].strip() in (";", ":"):
            break
        text = pieces[k][1]
        if adjunct and standalone(text):
            # The fronted adjunct holds the date; this is the main clause (or its subject).
            fronted = _fronted_participle(join_pieces(kept), text) if has_verb(text) else None
            if fronted:
                kept = [(i, fronted)]
                break
            kept = [(n, t) for n, t in kept if n >= i]  # « Réunis pour leur sommet, » goes
            kept.append((k, text))
            adjunct = not has_verb(text)
        elif has_verb(text) and not standalone(text) and not is_adjunct_start(text):
            kept.append((k, text))
    text = join_pieces(kept)
    rest = sentence[offsets[i]:start] + sentence[end:offsets[i] + len(pieces[i][1])]
    if not is_clause(text) and len(rest.split()) > 1 and not any(has_verb(t) for _, t in kept):
        # No verb follows: the piece continues a list the clause before it opened (« Les PFAS
        # seront interdits dans les cosmétiques, les farts de ski … à compter du 1er janvier »).
        found = next(((h, f) for f in range(kept[0][0] - 1, -1, -1) if pieces[f + 1][0] in ",:"
                      for h in range(f, -1, -1) if standalone(pieces[h][1])
                      and is_clause(join_pieces([(k, pieces[k][1]) for k in range(h, f + 1)]))),
                     None)
        if found and not _has_date(join_pieces([(k, pieces[k][1])
                                                 for k in range(found[0], found[1] + 1)])):
            # (A clause with a date of its own tells that date's fact.)
            h, f = found
            # The clause without its incises (« Les PFAS, ou substances …, seront interdits »).
            head = join_pieces([(k, pieces[k][1]) for k in range(h, f + 1)
                                if k in (h, f) or has_verb(pieces[k][1])])
            head = head if is_clause(head) else join_pieces(
                [(k, pieces[k][1]) for k in range(h, f + 1)])
            inner = re.split(r"\bqu(?:e\s+|[’'])", head)[-1]
            if len(f"{head} {pieces[i][1]}".split()) > g.LABEL_MAX_WORDS and is_clause(inner):
                head = inner  # « X a rappelé que la gratuité avait été instaurée »: the fact
            if f == i - 1:
                text = join_pieces([(f, head), (i, pieces[i][1])])
            else:  # « …, puis dans l’ensemble des textiles en 2030 »: the dated item
                item = re.sub(r"^(?:puis|et|ou|mais)\s+", "", pieces[i][1], flags=re.IGNORECASE)
                text = f"{head} […] {item}"
    if not is_clause(text):
        return None
    words = text.split()
    if len(words) > g.LABEL_MAX_WORDS:
        # Keep the verb when it comes a little after the usual cut.
        need = next((n for n in range(3, len(words) + 1) if is_clause(" ".join(words[:n]))),
                    len(words))
        if need > g.LABEL_MAX_WORDS + g.LABEL_VERB_SLACK:
            return None
        limit = max(g.LABEL_MAX_WORDS, need + 2)
        kept = _end_on_a_word(words[:limit], need) if limit < len(words) else words
        text = " ".join(kept).rstrip(",;:") + ("…" if limit < len(words) else "")
    label = _cut_short(text)
    return label if is_clause(label) else None


def apposed_date_clause(sentence: str, start: int, end: int, future: bool) -> str | None:
    """A date standing alone after a noun phrase dates that noun.

    « …, après la levée d’une première alerte, en mai 2023. » gives « Une première alerte date
    de mai 2023 ».
    """
    sentence = sentence.rstrip(" .")
    pieces = split_pieces(sentence)
    starts = _offsets(sentence, pieces)
    i = next((n for n in range(len(pieces)) if start < starts[n] + len(pieces[n][1])),
             len(pieces) - 1)
    at = starts[i]
    alone = re.fullmatch(r"(?:(?:en|dès|depuis|le|au|à|ce|de|du)\s+)?",
                         sentence[at:start].strip() + " " if sentence[at:start].strip() else "",
                         re.IGNORECASE) and not sentence[end:at + len(pieces[i][1])].strip()
    if not alone or i == 0 or pieces[i][0].strip() != ",":
        return None
    before = pieces[i - 1][1]
    dets = list(re.finditer(r"\b(?:le|la|les|un|une|des)\s+|\bl[’']", before, re.IGNORECASE))
    words = before[dets[-1].end():].split() if dets else []
    if not words or len(words) > 4 or has_verb(before[dets[-1].start():]) \
            or not all(_nominal_word(w) for w in words) \
            or any(w.lower() in (*g.NOT_NOMINAL_HEADS, "an", "ans") for w in words):
        return None  # « un an après », « la levée de … », a clause: no noun phrase to date
    date = re.sub(r"^(?:le|du|en|dès|depuis|ce|au)\s+", "", sentence[start:end], flags=re.I)
    label = cut(_nominal_clause(before[dets[-1].end():].strip(), dets[-1].group(), date, future))
    return label if is_clause(label) else None


def _nominal_word(word: str) -> bool:
    """Whether a word belongs in a noun phrase: a noun, an adjective or a name."""

    low = word.lower()
    return word[:1].isupper() or noun_like(low) or low in adjectives()


def _offsets(sentence: str, pieces: list[tuple[str, str]]) -> list[int]:
    """Where each piece starts in the sentence (its text, past its separator and spaces)."""
    starts, at = [], 0
    for _, text in pieces:
        at = sentence.find(text, at)
        starts.append(at)
        at += len(text)
    return starts


def _reduced_relative(piece: str, at: int) -> str | None:
    """« l’explosion survenue lundi 25 septembre dans un dépôt » -> « L’explosion est survenue … ».

    A past participle right before the date, after a noun phrase, is a relative clause without
    its « qui est »: the noun phrase is its subject.
    """
    before = piece[:max(0, at)]
    m = re.search(r"(?P<np>(?:\b(?:le|la|les|un|une|des)\s+|\bl[’'])[\w’'-]+(?:\s+[a-zé][\w-]*)?)"
                  r"\s+(?P<part>[\w-]+)\s*$", before, re.IGNORECASE)
    if not m:
        return None
    part = _fold(m["part"])
    if not participle(m["part"]):
        return None
    plural = part.endswith("s")
    etre = participle_base(part) in ETRE
    aux = ("sont" if plural else "est") if etre else ("ont été" if plural else "a été")
    return f"{m['np']} {aux} {m['part']} {piece[max(0, at):]}"


def _cut_short(text: str) -> str:
    """`cut` without its word limit (the caller has cut already)."""
    return cut(text, limit=False)
