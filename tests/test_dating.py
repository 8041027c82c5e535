"""Temporal tagger, resolution and publication dates, on the seeds and on written samples."""

from __future__ import annotations

import datetime
import itertools
import json
import re
from pathlib import Path

import pytest
from briefing import dating

ROOT = Path(__file__).resolve().parent.parent
GOLD = json.loads((ROOT / "tests" / "gold" / "timex.json").read_text(encoding="utf-8"))
ITEMS = GOLD["items"]
VALUE_ACCURACY_FLOOR = 0.95  # measured 100 % when written; a drop means a regression

# Where each seed's article body starts and ends (the cleaner's job; rebuilt here for tests).
_BODY = {
    "002": ("Le président russe Vladimir Poutine a eu", "Trois accords"),
    "003": ("Selon la présidence russe", "Le chef de la diplomatie arménienne devait"),
    "004": ("INTERNATIONAL -", "Le président azerbaïdjanais Ilham Aliyev a déclaré que la Turquie"),
}
_ADS = {"[ad_1]", "[ad_2]", "Source link -32"}


def seed_path(seed: str) -> Path:
    """The raw seed file whose stem starts with `seed`."""
    return next((ROOT / "seeds").glob(f"{seed}_*.txt"))


def seed_body(seed: str) -> list[str]:
    """Cleaned paragraphs of a seed, as the cleaning stage hands them over."""
    lines = [line.strip() for line in seed_path(seed).read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    if seed == "000":
        return lines
    if seed == "001":
        return [line for line in lines if line not in _ADS]
    first, last = _BODY[seed]
    a = next(i for i, line in enumerate(lines) if line.startswith(first))
    b = next(i for i, line in enumerate(lines) if last in line)
    return lines[a : b + 1]


CAPTIONS = {"003": ["Stepanakert le 8 octobre 2020."]}


def _text(item: dict) -> str:
    return item["text"] if "text" in item else seed_body(item["seed"])[item["paragraph"]]


def _resolved(item: dict) -> tuple[str, tuple[dating.Timex, ...]]:
    text = _text(item)
    anchor = datetime.date.fromisoformat(item["anchor"]) if "anchor" in item else None
    return text, dating.resolve(dating.tag(text), text, anchor)


def _ident(item: dict) -> str:
    return item.get("seed", "") + str(item.get("paragraph", "")) or item["text"][:30]


@pytest.mark.parametrize("item", ITEMS, ids=_ident)
def test_gold_surfaces_found(item):
    """Every expected expression is tagged with exactly the expected surface."""
    _, found = _resolved(item)
    surfaces = [t.text for t in found]
    for expected in item["expect"]:
        assert expected[0] in surfaces, (expected[0], surfaces)


@pytest.mark.parametrize("item", [i for i in ITEMS if i.get("none")], ids=_ident)
def test_gold_non_dates_not_tagged(item):
    """Durations, ages, quantities, addresses and look-alike words are not dates."""
    _, found = _resolved(item)
    for word in item["none"]:
        assert not [t for t in found if word in t.text], (word, found)
    if not item["expect"]:
        assert found == ()


def test_gold_value_accuracy_floor():
    """Value + precision (+ modifier) right on the whole gold, above the floor."""
    total = right = 0
    misses = []
    for item in ITEMS:
        _, found = _resolved(item)
        by_text = {t.text: t for t in found}
        for expected in item["expect"]:
            total += 1
            t = by_text.get(expected[0])
            modifier = expected[3] if len(expected) > 3 else None
            if t and (t.value, t.precision, t.modifier) == (expected[1], expected[2], modifier):
                right += 1
            else:
                misses.append((expected, t))
    assert total >= 55
    assert right / total >= VALUE_ACCURACY_FLOOR, misses


def test_tag_is_pure_and_ordered():
    """Same input, same output; expressions come in text order and do not overlap."""
    text = seed_body("002")[10]
    assert dating.tag(text) == dating.tag(text)
    found = dating.tag(text)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_enumeration_items_keep_their_own_offsets():
    """« les 10, 17 et 26 octobre » is three dates, each pointing at its own digits."""
    text = seed_body("002")[10]
    found = [t for t in dating.tag(text) if t.kind == "date"]
    assert [t.value for t in found] == ["XXXX-10-10", "XXXX-10-17", "XXXX-10-26"]
    assert [text[t.start : t.end] for t in found] == [t.text for t in found]


def test_raw_seeds_give_no_date_from_debris():
    """On whole raw seeds (debris included) no date comes from a number or word that is not one."""
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        for t in dating.tag(raw):
            assert not re.search(r"1201|2007|6 500|286|53e|ad_\d|\b(?:sa|mer|Me)\b", t.text), t


def test_glued_month_is_found():
    """« septembreavec » (a glued word) still gives September."""
    found = dating.tag(
        "De nouveaux affrontements ont éclaté à la frontière en septembreavec au moins 286 morts."
    )
    assert [(t.text, t.value) for t in found] == [("septembre", "XXXX-09")]


def test_tense_decides_weekday_direction():
    """The same « lundi » is last Monday in the past tense and next Monday in the future."""
    anchor = datetime.date(2022, 11, 2)  # a Wednesday
    past = "Le ministre a annoncé lundi sa démission."
    future = "Le ministre annoncera lundi sa démission."
    assert dating.resolve(dating.tag(past), past, anchor)[0].value == "2022-10-31"
    assert dating.resolve(dating.tag(future), future, anchor)[0].value == "2022-11-07"


def test_partial_values_stay_partial_without_anchor():
    """Without a day of writing, « le 12 octobre » keeps its unknown year."""
    text = seed_body("000")[0]
    (t,) = dating.resolve(dating.tag(text), text, None)
    assert (t.value, t.precision, t.tense) == ("XXXX-10-12", "day", "future")


def test_nearer_date_of_the_passage_wins_over_anchor():
    """« le 8 octobre 2020 … le 12 octobre » takes 2020 from its neighbour, not from the anchor."""
    text = "Le 8 octobre 2020, les combats ont repris ; le 12 octobre, une trêve a été signée."
    found = dating.resolve(dating.tag(text), text, datetime.date(2023, 1, 1))
    assert [t.value for t in found] == ["2020-10-08", "2020-10-12"]


def test_a_dated_aside_after_the_expression_does_not_give_it_a_year():
    """« … prévue le 24 mars. Il occupait le poste depuis novembre 2015 »: 2015 is another time;
    the year comes from the day of writing."""
    text = ("La reprise des travaux est prévue le 24 mars. Son prédécesseur occupait le poste "
            "depuis novembre 2015.")
    found = dating.resolve(dating.tag(text), text, datetime.date(2025, 3, 10))
    assert [t.value for t in found] == ["2025-03-24", "2015-11"]


@pytest.mark.parametrize(("text", "anchor", "value"), [
    # The passage's year would give 23 January 2024, a Tuesday: the weekday names a day near
    # the day of writing, 23 January 2025, a Thursday.
    ("En novembre 2023, la grève a commencé. Les syndicats manifesteront jeudi 23 janvier.",
     (2025, 1, 20), "2025-01-23"),
    ("En novembre 2020, les soldats se sont déployés. Jeudi 21 décembre, un convoi est passé.",
     (2023, 12, 22), "2023-12-21"),
    # The year chosen is kept when it agrees.
    ("Le sommet s'est ouvert mardi 3 octobre à Grenade.", (2023, 10, 5), "2023-10-03"),
])
def test_the_printed_weekday_chooses_the_year(text, anchor, value):
    found = dating.resolve(dating.tag(text), text, datetime.date(*anchor))
    day = next(t for t in found if t.kind == "date")
    assert day.value == value


def test_a_reporting_incise_after_the_date_does_not_give_it_its_tense():
    """« … aura lieu le 30 juin, a annoncé le président »: the future of the clause counts."""
    text = "Le premier tour des élections aura lieu le 30 juin, a annoncé le président."
    (t,) = dating.resolve(dating.tag(text), text, datetime.date(2024, 6, 10))
    assert (t.tense, t.value) == ("future", "2024-06-30")


@pytest.mark.parametrize(("text", "anchor", "tense", "value"), [
    # A past question about a meeting to come: the clause's past is not the meeting's.
    ("Interrogée sur la réunion du 18 juillet, elle a refusé de dire si une nouvelle baisse y "
     "serait discutée.", (2024, 6, 6), None, "2024-07-18"),
    ("La livre s'est raffermie face au dollar, à dix jours des élections municipales du "
     "31 mars.", (2024, 3, 21), None, "2024-03-31"),
    # The verb the noun is the subject of, or a marker of the noun phrase, gives the direction.
    ("La réunion du 18 juillet aura lieu à Francfort.", (2024, 8, 1), "future", "2025-07-18"),
    ("Les élections du 31 mars ont été remportées par l'opposition.", (2024, 2, 1), "past",
     "2023-03-31"),
    ("Le ministre a évoqué la prochaine réunion du 18 juillet.", (2024, 8, 1), "future",
     "2025-07-18"),
    # A time noun locates the clause itself: its verb gives the direction.
    ("Dans la nuit du 5 mai, les secours sont intervenus.", (2024, 5, 3), "past", "2023-05-05"),
])
def test_a_noun_s_day_date_takes_its_direction_from_its_own_noun_phrase(text, anchor, tense,
                                                                        value):
    day = next(t for t in dating.resolve(dating.tag(text), text, datetime.date(*anchor))
               if t.kind == "date")
    assert (day.tense, day.value) == (tense, value)


@pytest.mark.parametrize("text", [
    "En aval, la décrue ne devrait s’amorcer qu’à partir de jeudi, préviennent les hydrologues.",
    "Le tribunal pourrait rendre sa décision jeudi.",
    "Le parquet prendrait sa décision jeudi, selon nos informations.",
])
def test_a_conditional_of_an_irregular_verb_is_not_an_imperfect(text):
    """« devrait », « pourrait », « prendrait » tell what is to come: next Thursday."""
    (t,) = dating.resolve(dating.tag(text), text, datetime.date(2025, 1, 28))  # a Tuesday
    assert (t.tense, t.value) == ("future", "2025-01-30")


def test_since_a_day_is_in_the_past_whatever_the_verb():
    """« imposés depuis le 4 mars appelleront des représailles »: the state began before."""
    text = "Les droits de douane imposés depuis le 4 mars appelleront des représailles."
    (t,) = dating.resolve(dating.tag(text), text, datetime.date(2025, 3, 10))
    assert t.value == "2025-03-04"


def test_anaphoric_same_day_uses_the_previous_date():
    """« le même jour » and « le lendemain » point at the date cited before."""
    text = (
        "Le 31 octobre, il a écrit au Kremlin. Le même jour, Moscou a répondu ; "
        "le lendemain, Bakou a protesté."
    )
    found = dating.resolve(dating.tag(text), text, datetime.date(2020, 11, 3))
    assert [t.value for t in found] == ["2020-10-31", "2020-10-31", "2020-11-01"]


def test_display_shows_precision_honestly():
    """A month stays a month, a year-less date says so."""
    assert dating.display_date("2022-09", "month") == "septembre 2022"
    assert dating.display_date("2020-09", "month", "END") == "fin septembre 2020"
    assert dating.display_date("2020-11-01", "day") == "1er novembre 2020"
    assert dating.display_date("XXXX-10-12", "day") == "12 octobre (année inconnue)"


# Publication dates ---------------------------------------------------------------------------


def test_seed_003_inferred_from_deictic_date_and_caption():
    """« ce 9 octobre » plus the caption « … 8 octobre 2020 » give 9 October 2020, inferred."""
    pub = dating.infer_publication_date(seed_body("003"), CAPTIONS["003"])
    assert (pub.value, pub.status) == ("2020-10-09", "inferred")
    assert "ce 9 octobre" in pub.basis and "2020" in pub.basis


def test_seed_003_without_caption_is_not_guessed():
    """Without the caption nothing in 003 gives the year: unknown, not a guess."""
    pub = dating.infer_publication_date(seed_body("003"))
    assert pub.status == "unknown" and pub.value is None


@pytest.mark.parametrize(
    ("seed", "label"),
    [
        ("000", "avant décembre 2025"),
        ("001", "après 2020"),
        ("002", None),
        ("004", "après 1994"),
    ],
)
def test_other_seeds_stay_unknown_with_honest_range(seed, label):
    """No seed but 003 states its own date: unknown, with the range the text supports."""
    pub = dating.infer_publication_date(seed_body(seed))
    assert (pub.value, pub.status, pub.range_label) == (None, "unknown", label)
    assert pub.basis


def test_weekday_agreement_picks_the_only_year_between_bounds():
    """« ce 9 octobre » + « plus tard vendredi » between 2016 and 2021: only 2020 fits."""
    paragraphs = [
        "Le sommet précédent a échoué en 2016.",
        "Ce 9 octobre, les délégués ont repris les discussions, "
        "qui se poursuivront plus tard vendredi.",
        "Un nouveau traité entrera en vigueur en 2021.",
    ]
    pub = dating.infer_publication_date(paragraphs)
    assert (pub.value, pub.status) == ("2020-10-09", "inferred")
    assert "vendredi" in pub.basis


def test_weekday_agreement_with_two_candidate_years_decides_nothing():
    """2015 and 2020 both put 9 October on a Friday: the date stays unknown."""
    paragraphs = [
        "Le sommet précédent a échoué en 2014.",
        "Ce 9 octobre, les délégués ont repris les discussions, "
        "qui se poursuivront plus tard vendredi.",
        "Un nouveau traité entrera en vigueur en 2021.",
    ]
    pub = dating.infer_publication_date(paragraphs)
    assert pub.status == "unknown" and pub.range_label == "entre 2014 et 2021"


def test_dateline_caption_gives_an_inferred_date():
    """A dateline with a full date is evidence, marked inferred, never confirmed."""
    pub = dating.infer_publication_date(
        ["Les députés ont voté la loi."], ["MOSCOU, le 3 février 2021"]
    )
    assert (pub.value, pub.status) == ("2021-02-03", "inferred")


def test_nothing_dated_gives_unknown_without_range():
    """No evidence at all: unknown, no range, a basis saying so."""
    pub = dating.infer_publication_date(["Les députés ont voté la loi."])
    assert (pub.value, pub.status, pub.range_label) == (None, "unknown", None)
    assert "Aucune date" in pub.basis


def test_text_never_confirms():
    """Only authors' files confirm a date; the text can at most infer it."""
    for seed in ("000", "001", "002", "003", "004"):
        assert (
            dating.infer_publication_date(seed_body(seed), CAPTIONS.get(seed, ())).status
            != "confirmed"
        )


def test_what_is_expected_is_to_come():
    """« est attendue en août » is passive in shape but tells a future: next August."""
    text = "Une nouvelle évolution est attendue en août, lors de la révision annuelle."
    (t,) = dating.resolve(dating.tag(text), text, datetime.date(2025, 1, 31))
    assert (t.tense, t.value) == ("future", "2025-08")


def test_the_day_after_an_event_is_not_the_day_after_the_last_date():
    """« le lendemain du vote » counts from the vote, not from the date cited before it."""
    text = ("Il a prêté serment le 2 avril. Son rival avait reconnu sa défaite dès le lendemain "
            "du vote. Le lendemain, il a formé son gouvernement.")
    found = dating.resolve(dating.tag(text), text, datetime.date(2024, 4, 3))
    assert [(t.text, t.value) for t in found] == [("le 2 avril", "2024-04-02"),
                                                  ("Le lendemain", "2024-04-03")]


def test_the_start_of_a_lasting_state_gives_no_year_to_the_passage():
    """« depuis celui de Georges Pompidou, en octobre 1962 » starts a state lasting until the
    writing: « le 5 septembre » after it is near the day of writing, not in 1962."""
    text = ("Aucun gouvernement n'avait été censuré depuis celui de Georges Pompidou, en octobre "
            "1962. Nommé le 5 septembre, M. Barnier signe le passage le plus bref à Matignon.")
    found = dating.resolve(dating.tag(text), text, datetime.date(2024, 12, 4))
    assert [(t.value, t.since) for t in found] == [("1962-10", True), ("2024-09-05", False)]


@pytest.mark.parametrize(("text", "anchor", "value"), [
    # A season takes the year of its middle month, on the side the tense or its word asks for.
    ("Beaucoup doutaient de son projet à l’automne, lorsque le club flirtait avec "
     "l’élimination.", (2025, 5, 31), "2024"),
    ("Ils avaient mené ensemble la candidature depuis l'automne dernier.", (2024, 7, 24),
     "2023"),
    ("Le chantier reprendra au printemps.", (2024, 11, 2), "2025"),
    ("L'été dernier, il a beaucoup plu.", (2024, 7, 20), "2023"),
    ("Les travaux ont commencé à la fin de l'été 2023.", (2024, 8, 20), "2023"),
])
def test_a_season_dates_its_year(text, anchor, value):
    (t,) = dating.resolve(dating.tag(text), text, datetime.date(*anchor))
    assert (t.kind, t.value, t.precision) == ("season", value, "year")


@pytest.mark.parametrize("text", [
    "Le Printemps arabe a bouleversé la région.",
    "L'été a été particulièrement chaud.",
])
def test_a_season_word_without_a_time_word_is_no_date(text):
    assert dating.tag(text) == ()


def test_a_fronted_participle_tells_the_past_whatever_the_main_verb():
    """« Qualifié au printemps …, le club se rendra … »: spring 2024, not spring 2025; the date
    of the main clause keeps its future; a participle after the main clause does not count."""
    text = ("Qualifié au printemps grâce à une troisième place, le club se rendra en Autriche "
            "pour la deuxième journée, le 1er octobre.")
    found = dating.resolve(dating.tag(text), text, datetime.date(2024, 8, 30))
    assert [(t.value, t.tense) for t in found] == [("2024", "past"), ("2024-10-01", "future")]
    text = "La finale aura lieu le 17 mai, précédée de deux demi-finales les 13 et 15 mai."
    found = dating.resolve(dating.tag(text), text, datetime.date(2025, 5, 10))
    assert {t.tense for t in found} == {"future"}
