"""Events, cross-source merges, disputes and refined publication dates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from briefing import chronology, dating
from briefing.dating import PublicationDate
from test_dating import CAPTIONS, seed_body, seed_path

ROOT = Path(__file__).resolve().parent.parent
GOLD = json.loads((ROOT / "tests" / "gold" / "chronology.json").read_text(encoding="utf-8"))
SEEDS = ("000", "001", "002", "003", "004")
EVENT_RECALL_FLOOR = 1.0  # every gold event of the seeds is in the chronology


def _ids() -> dict[str, str]:
    return {s: seed_path(s).stem for s in SEEDS}


@pytest.fixture(scope="module")
def settled():
    """Publication dates and events of the five seeds, refined until stable."""
    ids = _ids()
    bodies = {ids[s]: seed_body(s) for s in SEEDS}
    pubs = {ids[s]: dating.infer_publication_date(seed_body(s), CAPTIONS.get(s, ())) for s in SEEDS}
    return chronology.settle(bodies, pubs)


@pytest.fixture(scope="module")
def entries(settled):
    return chronology.build_chronology(settled[1])


def _short(briefings) -> list[str]:
    return sorted(b[:3] for b in briefings)


@pytest.mark.parametrize("seed", SEEDS)
def test_publication_dates_after_refinement(settled, seed):
    """003 inferred from its text, 004 through the talks 003 dates, the others honest ranges."""
    pub = settled[0][_ids()[seed]]
    expected = GOLD["publication"][seed]
    assert (pub.status, pub.value) == (expected["status"], expected["value"])
    if "range_label" in expected:
        assert pub.range_label == expected["range_label"]
    assert pub.basis and pub.status != "confirmed"


def test_seed_004_basis_names_the_linked_briefing(settled):
    """The reader sees that 004's date comes from the same talks reported by 003."""
    basis = settled[0][_ids()["004"]].basis
    assert "vendredi" in basis and _ids()["003"] in basis


def test_every_gold_event_is_in_the_chronology(entries):
    """Right date, precision and briefings for every dated event of the seeds."""
    have = {(e.date, e.precision, tuple(_short(e.briefings))) for e in entries}
    found = [ev for ev in GOLD["events"] if (ev[0], ev[1], tuple(ev[2])) in have]
    assert len(found) / len(GOLD["events"]) >= EVENT_RECALL_FLOOR, set(
        map(tuple, map(str, GOLD["events"]))
    ) - set(map(str, found))


@pytest.mark.parametrize("case", GOLD["corroborated"], ids=lambda c: c["date"])
def test_cross_source_events_are_merged(entries, case):
    """The war outbreak and the Moscow talks each come from two briefings, every report kept."""
    (entry,) = [e for e in entries if e.date == case["date"] and len(e.briefings) > 1]
    assert _short(entry.briefings) == case["briefings"]
    assert (entry.sources, entry.status) == (2, "corroborated")
    assert case["label_has"] in entry.label
    assert {r.briefing for r in entry.reports} == set(entry.briefings)


def test_karabakh_control_dates_are_disputed(entries):
    """004 (« depuis 1991 ») and 001 (« depuis … 1994 ») disagree; both entries say so."""
    disputed = [e for e in entries if e.status == "disputed"]
    assert sorted((e.date, _short(e.briefings)[0]) for e in disputed) == sorted(
        map(tuple, GOLD["disputed"])
    )
    for e in disputed:
        assert "1991" in e.dispute and "1994" in e.dispute and e.disputed_with


def test_no_date_from_debris_or_unknown_year(entries):
    """No entry comes from boilerplate numbers, and no year is guessed for 000 or 001."""
    for e in entries:
        assert not any(e.date.startswith(bad) for bad in GOLD["never"]), e
        assert "X" not in e.date and e.precision in ("day", "month", "year")


def test_year_less_reports_are_kept_out_until_dated(settled):
    """000's « Le 12 octobre » has no year: an event of its briefing, not of the chronology."""
    events = [e for e in settled[1] if e.briefing.startswith("000") and e.timex == "Le 12 octobre"]
    assert [e.date for e in events] == ["XXXX-10-12"]
    assert "année inconnue" in events[0].date_basis


def test_chronology_is_sorted_unique_and_deterministic(settled, entries):
    """Sorted by sort key; ids unique; same entries whatever the input order."""
    assert [e.sort_key for e in entries] == sorted(e.sort_key for e in entries)
    assert len({e.id for e in entries}) == len(entries)
    assert chronology.build_chronology(reversed(settled[1])) == entries
    assert len({e.id for e in settled[1]}) == len(settled[1])


# Written samples (not seeds) ------------------------------------------------------------------

DAY = PublicationDate("2021-03-05", "inferred", "test")
UNKNOWN = PublicationDate(None, "unknown", "test")


def _events(briefing: str, paragraphs: list[str], pub: PublicationDate = DAY):
    return chronology.extract_events(briefing, paragraphs, pub)


def test_same_talks_from_two_briefings_merge_and_date_the_other():
    """The day of writing (a weekday told as past and future) meets a dated report of the talks."""
    a = _events(
        "a",
        [
            "Les ministres des Affaires étrangères du Pérou et du Chili se sont rencontrés à Lima "
            "le 5 mars pour des négociations sur la frontière."
        ],
    )
    b_text = [
        "Les négociations sur la frontière entre le Pérou et le Chili doivent se tenir plus tard "
        "vendredi à Lima, a annoncé vendredi le ministère."
    ]
    b = _events("b", b_text, UNKNOWN)
    pubs = chronology.refine_publication_dates({"a": DAY, "b": UNKNOWN}, a + b)
    assert (pubs["b"].value, pubs["b"].status) == ("2021-03-05", "inferred")
    b = _events("b", b_text, pubs["b"])
    (entry,) = chronology.build_chronology(a + b)
    assert (entry.sources, entry.status, entry.date) == (2, "corroborated", "2021-03-05")


def test_different_events_on_one_date_stay_apart():
    """An earthquake and a vote on the same day are two entries, not one."""
    a = _events("a", ["Un séisme de magnitude 6 a frappé le nord du Japon le 5 mars 2021."])
    b = _events("b", ["Le parlement chilien a adopté une réforme des retraites le 5 mars 2021."])
    entries = chronology.build_chronology(a + b)
    assert [e.status for e in entries] == ["single-source", "single-source"]


def test_two_start_dates_for_one_state_are_disputed():
    """« sous le contrôle des rebelles depuis 2012 » against « contrôlent … depuis 2014 »."""
    a = _events("a", ["La région est sous le contrôle des rebelles depuis 2012, selon l’ONU."])
    b = _events("b", ["Les rebelles contrôlent la région depuis 2014."])
    entries = chronology.build_chronology(a + b)
    assert [e.status for e in entries] == ["disputed", "disputed"]
    assert "2012" in entries[0].dispute and "2014" in entries[0].dispute


def test_unrelated_states_are_not_disputed():
    """Two « depuis » about different things are no contradiction."""
    a = _events("a", ["L’armée contrôle la ville portuaire depuis 2015."])
    b = _events("b", ["Le musée national est fermé au public depuis 2012."])
    assert {e.status for e in chronology.build_chronology(a + b)} == {"single-source"}


def test_year_less_report_takes_the_year_of_the_same_event_elsewhere():
    """« le 14 février » told like a dated event gets its year, and its basis says so."""
    a = _events("a", ["L’incendie de la raffinerie de Gdansk a éclaté le 14 février 2019."])
    b = _events(
        "b",
        [
            "L’incendie de la raffinerie de Gdansk a éclaté le 14 février, faisant trois blessés.",
            "Le 20 février, une enquête a été ouverte.",
        ],
        UNKNOWN,
    )
    entries = chronology.build_chronology(a + b)
    merged = [e for e in entries if e.sources == 2]
    assert [e.date for e in merged] == ["2019-02-14"]
    neighbour = [e for e in entries if e.date == "2019-02-20"]
    assert neighbour and "même article" in neighbour[0].reports[0].date_basis


def test_event_fields_and_labels():
    """An event keeps its sentence, actors from spans, a short label and a sortable key."""
    text = "Le 31 octobre, Pashinian a envoyé une lettre à Poutine."
    spans = [[(15, 24, "nikol-pashinian"), (47, 54, "vladimir-poutine")]]
    (e,) = chronology.extract_events(
        "x", [text], PublicationDate("2020-11-03", "inferred", "t"), spans
    )
    assert (e.date, e.precision, e.sort_key, e.display) == (
        "2020-10-31",
        "day",
        "2020-10-31",
        "31 octobre 2020",
    )
    assert e.actors == ("nikol-pashinian", "vladimir-poutine")
    assert e.label == "Pashinian a envoyé une lettre à Poutine"
    assert "@vladimir-poutine" in e.terms


def test_month_sorts_apart_from_its_display():
    """« fin septembre 2020 » displays as a month but sorts at the end of it."""
    (e,) = _events(
        "x",
        ["Les combats ont éclaté fin septembre."],
        PublicationDate("2020-11-03", "inferred", "t"),
    )
    assert (e.date, e.precision, e.display, e.sort_key) == (
        "2020-09",
        "month",
        "fin septembre 2020",
        "2020-09-28",
    )


@pytest.mark.parametrize(("sentence", "label"), [
    # The clause holding the date, widened to its subject and verb past an incise.
    ("Depuis vendredi 24 novembre 2023, une cinquantaine d'otages, pour l'essentiel des femmes, "
     "ont retrouvé leurs familles.",
     "Vendredi 24 novembre 2023, une cinquantaine d'otages ont retrouvé leurs familles"),
    # A fronted participle takes the main clause's subject (a passive: « a été »).
    ("Elue une première fois en 2014, après avoir été adjointe pendant treize ans, l’édile a "
     "expliqué vouloir se consacrer à son mandat.",
     "L’édile a été élue une première fois en 2014"),
    # A reduced relative: the noun phrase is its subject (« survenir » takes « être »).
    ("Le bilan de l’explosion survenue le 25 septembre 2023 dans un dépôt, alors que des gens "
     "attendaient, continue de s’alourdir.",
     "L’explosion est survenue le 25 septembre 2023 dans un dépôt"),
    # A date belonging to a noun: the noun is the subject, told as past or to come.
    ("Il dirigera la ville jusqu’aux élections municipales de mars 2026, a-t-il dit.",
     "Les élections municipales auront lieu en mars 2026"),
    ("Il a invoqué un traité de 1997 avec la Russie pour demander de l’aide.",
     "Un traité avec la Russie date de 1997"),
    # A time noun is no event of its own: the main clause is.
    ("Dans la matinée du dimanche 8 décembre 2024, des milliers d’habitants sont descendus "
     "dans les rues.", "Des milliers d’habitants sont descendus dans les rues"),
])
def test_labels_are_clauses_with_a_subject(sentence, label):
    (e,) = _events("b", [sentence])
    assert e.label == label
    assert chronology.is_clause(e.label)


def test_a_printed_publication_date_is_not_moved_by_a_relative_span():
    """« depuis trois ans » and a year of the text would move « le 30 juin » to 2025 (2022 + 3):
    the page prints its date, so the year stays the one that date gives."""
    text = ("Sa nièce avait rompu avec lui en 2022, et ils ne se parlent plus depuis trois ans. "
            "Le premier tour des élections législatives anticipées aura lieu le 30 juin.")
    printed = PublicationDate("2024-06-10", "inferred", "test", printed=True)
    guessed = PublicationDate("2024-06-10", "inferred", "test")
    dates = {e.timex: e.date for e in chronology.extract_events("x", [text], printed)}
    assert dates["le 30 juin"] == "2024-06-30"
    moved = {e.timex: e.date for e in chronology.extract_events("x", [text], guessed)}
    assert moved["le 30 juin"] == "2025-06-30"  # the check applies to guessed dates only


def test_a_date_inside_an_actors_name_dates_nothing():
    text = "Les combattants du Mouvement du 23 mars sont entrés dans Goma le 27 janvier 2025."
    name = text.index("Mouvement du 23 mars")
    events = chronology.extract_events(
        "b", [text], DAY, [[(name, name + len("Mouvement du 23 mars"), "m23")]])
    assert [e.date for e in events] == ["2025-01-27"]


@pytest.mark.parametrize("label", [
    # Present tense of first-group verbs, after a noun, a name or a pronoun subject.
    "Le gouvernement annonce une baisse des tarifs",
    "La Commission propose un nouveau pacte",
    "Le club girondin décroche son premier titre européen",
    "Le chef du gouvernement arménien reproche à l’alliance son silence",
    "La campagne de vaccination s’ouvre demain",
    "Il entre en vigueur dès demain",
    # Irregular forms from the model's lookups, and the simple past.
    "Le tribunal prend sa décision",
    "Herman De Croo, qui présida la Chambre",
])
def test_a_present_or_simple_past_verb_after_its_subject_makes_a_clause(label):
    assert chronology.is_clause(label)


@pytest.mark.parametrize("label", [
    # The same words as nouns, after a determiner or an adjective placed before its noun.
    "Une annonce du gouvernement",
    "Après une très forte hausse des prix",
    "Un accord entre Paris et Berlin",
    # Nouns shaped like verb endings, adjectives among the tense cues.
    "Le président de la République",
    "Le gouvernement de transition",
    "La semaine dernière à Paris",
    # A verb without its subject.
    "Ne cache plus son intention de se présenter",
    "A été élu en 2014 à la mairie",
    "Découle principalement du repli des prix",
    # The first verb is the main one: a subordinate clause's subject is not its subject.
    "N’a jamais caché qu’elle entendait prendre sa revanche",
])
def test_nouns_and_verbs_without_a_subject_make_no_clause(label):
    assert not chronology.is_clause(label)


@pytest.mark.parametrize(("sentence", "timex", "label"), [
    # A present-tense sentence is prose: its dates give events.
    ("La campagne de vaccination s'ouvre demain, mardi 15 octobre, dans l'Hexagone.", "demain",
     "La campagne de vaccination s'ouvre demain"),
    # A fronted participle tells the dated fact when the main clause tells another time.
    ("Né en 2006 de la fusion de deux clubs historiques, le club girondin décroche son premier "
     "titre européen.", "2006", "Le club girondin est né en 2006 de la fusion de deux clubs "
     "historiques"),
    ("Nommé le 5 septembre, M. Barnier signe le passage le plus bref à Matignon.",
     "le 5 septembre", "M. Barnier a été nommé le 5 septembre"),
    # A participle in apposition to a name is that name's dated fact.
    ("Northampton, sacré en 2000, espérait un deuxième titre.", "2000",
     "Northampton a été sacré en 2000"),
    ("L’ancienne garde des sceaux, battue en 2020, n’a jamais caché son ambition.", "2020",
     "L’ancienne garde des sceaux a été battue en 2020"),
    # A wire dateline is no part of the fact.
    ("KYIV, 25 décembre (Reuters) - La Russie a lancé une attaque massive contre le réseau "
     "électrique ukrainien.", "25 décembre",
     "La Russie a lancé une attaque massive contre le réseau électrique ukrainien"),
    # « Au moins » opens the subject.
    ("Au moins 95 personnes ont perdu la vie mardi dans les pluies torrentielles.", "mardi",
     "Au moins 95 personnes ont perdu la vie dans les pluies torrentielles"),
    # The night's other end goes with the date (« de mercredi à jeudi »).
    ("Les rafales ont dépassé les 150 km/h dans la nuit de mercredi à jeudi, selon Météo-France.",
     "mercredi", "Les rafales ont dépassé les 150 km/h dans la nuit"),
    # « d’ici 2026 » goes with its date.
    ("La première phase prévoit le retour de dizaines de milliers de personnes d’ici 2026.",
     "2026", "La première phase prévoit le retour de dizaines de milliers de personnes"),
    # A participle before a main clause told in the past is a circumstance of that fact.
    ("Réuni vendredi 21 mars, le conseil municipal a élu Arnaud Deslandes au poste de maire.",
     "vendredi 21 mars", "Le conseil municipal a élu Arnaud Deslandes au poste de maire"),
])
def test_labels_tell_the_dated_fact_with_its_subject(sentence, timex, label):
    events = _events("b", [sentence], PublicationDate("2024-10-14", "inferred", "t"))
    assert {e.timex: e.label for e in events}[timex] == label
    assert chronology.is_clause(label)


def test_a_date_standing_after_a_noun_phrase_dates_that_noun():
    """« …, après la levée d’une première alerte, en mai 2023. »: the alert, not the sentence's
    other fact (dated « mercredi »)."""
    text = ("L’OMS a déclenché mercredi son plus haut niveau d’alerte face au mpox, un peu plus "
            "d’un an après la levée d’une première alerte, en mai 2023.")
    events = _events("b", [text], PublicationDate("2024-08-14", "inferred", "t"))
    assert {e.timex: e.label for e in events}["mai 2023"] == "Une première alerte date de mai 2023"


def test_a_date_no_clause_tells_gives_no_event():
    """A date whose sentence holds no clause about it (the sentence dates another fact) is no
    event: its label would not read as a sentence."""
    text = "Le ministre a signé mercredi le décret, un peu plus d’un an après, en mai 2023."
    events = _events("b", [text], PublicationDate("2024-08-14", "inferred", "t"))
    assert all(chronology.is_clause(e.label) for e in events)
    assert [e.timex for e in events] == ["mercredi"]


def test_the_part_of_the_day_goes_with_its_date():
    """« dimanche soir » leaves no stray « soir » in the label once the date is taken out."""
    text = "L'ancien banquier central a été élu dimanche soir avec 85,9 % des points."
    (e,) = _events("b", [text], PublicationDate("2025-03-10", "inferred", "t"))
    assert (e.date, e.label) == ("2025-03-09", "L'ancien banquier central a été élu avec 85,9 % "
                                               "des points")


def test_a_date_standing_alone_between_commas_dates_the_clause_before_it():
    """« …, le club se rendra en Autriche pour la deuxième journée, le 1er octobre, sur la
    pelouse … »: the date is an incise of the clause before it."""
    text = ("Le club finistérien se rendra en Autriche pour la deuxième journée, le 1er octobre, "
            "sur la pelouse du RB Salzbourg, avant de recevoir le Bayer Leverkusen.")
    events = _events("b", [text], PublicationDate("2024-08-30", "inferred", "t"))
    assert [(e.date, e.label) for e in events] == [(
        "2024-10-01",
        "Le club finistérien se rendra en Autriche pour la deuxième journée, le 1er octobre")]


def test_a_span_dated_by_its_year_keeps_its_days_in_the_label():
    """« du 6 janvier au 8 avril » is dated 2025 (both ends in it): the label says the span."""
    text = "Le procès s'était tenu du 6 janvier au 8 avril. Il a été condamné ce jeudi."
    events = _events("b", [text], PublicationDate("2025-09-25", "inferred", "t"))
    span = next(e for e in events if e.timex == "du 6 janvier au 8 avril")
    assert (span.date, span.precision, span.label) == (
        "2025", "year", "Le procès s'était tenu du 6 janvier au 8 avril")


def test_a_future_told_from_the_day_of_writing_is_not_in_a_past_passage():
    """« organisera … le 18 mai » after « en décembre 2020 » is next May, not May 2021."""
    events = _events("x", [
        "Mgr Olivier de Germay, installé sur le siège de saint Irénée en décembre 2020, a salué "
        "l'élection. Le diocèse organisera aussi une veillée de prière le 18 mai."
    ], PublicationDate("2025-05-09", "confirmed", "test"))
    assert {e.timex: e.date for e in events}["le 18 mai"] == "2025-05-18"


def test_a_future_in_the_past_stays_in_its_passage():
    """« devait » tells a future seen from the passage's time, not from the day of writing."""
    events = _events("x", [
        "Le 9 novembre 2020, le ministre a confirmé sa venue. Il devait se rendre à Bakou "
        "le 12 novembre pour signer l'accord."
    ], PublicationDate("2025-05-09", "confirmed", "test"))
    assert {e.timex: e.date for e in events}["le 12 novembre"] == "2020-11-12"


def test_a_date_of_the_day_of_writing_ends_the_passage_year():
    """After « lundi », a year-less « en janvier » is no longer in the year of 15 April 2023."""
    events = _events("x", [
        "La guerre a éclaté le 15 avril 2023 entre l'armée et les paramilitaires. Washington a "
        "annoncé lundi de nouvelles sanctions ; Hemedti avait déjà été visé en janvier."
    ], PublicationDate("2025-10-27", "confirmed", "test"))
    assert {e.timex: e.date for e in events}["janvier"] == "2025-01"


def test_prochain_and_dernier_after_a_day_go_with_the_date():
    """« le 20 mars prochain » is one date, to come; the label keeps no stray « prochain »."""
    pub = PublicationDate("2025-03-14", "confirmed", "test")
    (e,) = _events("x", ["Volodymyr Zelensky doit se rendre à Paris le 20 mars prochain."], pub)
    assert (e.timex, e.date, e.label) == (
        "le 20 mars prochain", "2025-03-20", "Volodymyr Zelensky doit se rendre à Paris")


def test_an_adverb_before_an_apposed_participle_keeps_its_dated_fact():
    """« La société, déjà placée … le 21 novembre dernier, emploie … » (an -oyer verb)."""
    (e,) = _events("x", [
        "La société, déjà placée sous la protection de la loi sur les faillites le 21 novembre "
        "dernier, emploie encore quelques milliers de personnes."
    ], PublicationDate("2025-03-12", "confirmed", "test"))
    assert (e.date, e.label) == (
        "2024-11-21",
        "La société a déjà été placée sous la protection de la loi sur les faillites…")


def test_a_weekday_belonging_to_a_noun_takes_no_preposition():
    """« la messe de dimanche » gives « La messe aura lieu dimanche », not « en dimanche »."""
    (e,) = _events("x", ["Mgr de Germay présidera la messe de dimanche, à 10 h 30."],
                   PublicationDate("2025-05-09", "confirmed", "test"))
    assert (e.date, e.label) == ("2025-05-11", "La messe aura lieu dimanche")


def test_a_date_in_a_list_item_is_told_with_the_clause_opening_the_list():
    """The items after « seront interdits dans … » have no verb: the clause before gives it."""
    events = _events("x", [
        "Les PFAS, ou substances per- et polyfluoroalkylées, seront interdits dans les "
        "cosmétiques, les farts de ski et la plupart des vêtements à compter du 1er janvier "
        "2026, puis dans l’ensemble des textiles en 2030."
    ], PublicationDate("2025-02-20", "confirmed", "test"))
    assert [(e.date, e.label) for e in events] == [
        ("2026-01-01", "Les PFAS seront interdits dans les cosmétiques, les farts de ski et la "
                       "plupart des vêtements…"),
        ("2030", "Les PFAS seront interdits dans les cosmétiques […] dans l’ensemble des "
                 "textiles en 2030"),
    ]


def test_a_fronted_participle_with_its_own_date_tells_its_own_fact():
    """The main clause has a date of its own: « Élu en octobre 2019 » is no circumstance of it."""
    events = _events("x", [
        "Élu une première fois en octobre 2019, M. Saïed s'était arrogé les pleins pouvoirs le "
        "25 juillet 2021, avant de faire adopter une nouvelle Constitution par référendum "
        "l'année suivante."
    ], PublicationDate("2024-10-07", "confirmed", "test"))
    got = {e.timex: (e.date, e.label) for e in events}
    assert got["octobre 2019"] == (
        "2019-10", "M. Saïed a été élu une première fois en octobre 2019")
    assert got["le 25 juillet 2021"] == (
        "2021-07-25", "M. Saïed s'était arrogé les pleins pouvoirs")
    assert got["l'année suivante"][0] == "2022"  # the year after the last date told


@pytest.mark.parametrize(("text", "timex", "date"), [
    ("Il avait déjà été condamné il y a dix ans par le tribunal du Mans.",
     "il y a dix ans", "2014"),
    ("La finalisation de la cession est attendue au deuxième trimestre 2025.",
     "deuxième trimestre 2025", "2025"),
    ("Depuis trois ans, les juntes de la région se sont rapprochées de la Russie.",
     "trois ans", "2021"),
])
def test_spans_of_years_and_parts_of_a_year_are_dated(text, timex, date):
    """« il y a dix ans » and « depuis trois ans » count back from the day of writing."""
    events = _events("x", [text], PublicationDate("2024-04-17", "confirmed", "test"))
    assert [(e.timex, e.date) for e in events] == [(timex, date)]


def test_a_span_of_years_in_speech_is_no_date():
    """« Je vis ici depuis trente ans », says a witness: speech counts loosely."""
    text = "« Je vis ici depuis trente ans, on n’avait jamais vu ça », raconte un retraité."
    assert _events("x", [text], PublicationDate("2024-04-17", "confirmed", "test")) == ()


@pytest.mark.parametrize(("text", "label"), [
    ("Le PSG, champion d'Europe en titre depuis mai dernier, compte deux points d'avance.",
     "Le PSG est champion d'Europe en titre depuis mai dernier"),
    ("Nick Suzuki a marqué, tandis que Samuel Montembeault, gardien numéro un depuis trois ans, "
     "a repoussé 26 lancers.", "Samuel Montembeault est gardien numéro un depuis trois ans"),
])
def test_a_verbless_apposition_tells_its_dated_state(text, label):
    """A noun in apposition holding the date says what its noun phrase is since then."""
    (e,) = _events("x", [text], PublicationDate("2025-10-27", "confirmed", "test"))
    assert e.label == label


def test_a_date_in_a_clause_with_its_own_subject_dates_that_clause():
    """« …l'immeuble où un incendie avait fait dix morts en décembre 2022 »: the fire, not the
    main clause's requisition (dated « mercredi »)."""
    events = _events("x", [
        "Le parquet a requis mercredi trois ans de prison contre le propriétaire de l'immeuble "
        "où un incendie avait fait dix morts en décembre 2022."
    ], PublicationDate("2025-02-12", "confirmed", "test"))
    got = {e.timex: (e.date, e.label) for e in events}
    assert got["décembre 2022"] == ("2022-12", "Un incendie avait fait dix morts")
    assert got["mercredi"][0] == "2025-02-12"


def test_a_printed_weekday_sets_the_passage_year():
    """« dimanche 11 août » is 2024 by its weekday; « le 28 août » after it is in that summer."""
    events = _events("x", [
        "Tony Estanguet a promis d'autres émotions pour la clôture, dimanche 11 août au Stade "
        "de France, puis pour l'ouverture des Jeux paralympiques, le 28 août."
    ], PublicationDate("2024-07-27", "confirmed", "test"))
    assert {e.timex: e.date for e in events}["le 28 août"] == "2024-08-28"


def test_d_ici_a_goes_with_its_year():
    """« livrés d'ici à 2026 »: a date, and the label keeps no stray « d'ici »."""
    events = _events("x", [
        "Le préfet a assuré que les principaux ouvrages d'art seraient livrés d'ici à 2026."
    ], PublicationDate("2024-10-02", "confirmed", "test"))
    assert [(e.date, e.label) for e in events] == [
        ("2026", "Le préfet a assuré que les principaux ouvrages d'art seraient livrés")]


def test_an_end_bound_in_a_participle_lasts_as_the_main_clause_says():
    """« suspendu jusqu'en novembre, … dirigera »: next November, not the last one."""
    (e,) = _events("x", [
        "L'entraîneur, suspendu jusqu'en novembre pour avoir menacé un arbitre, dirigera la "
        "reprise depuis les tribunes."
    ], PublicationDate("2025-07-09", "confirmed", "test"))
    assert (e.timex, e.date) == ("novembre", "2025-11")


def test_a_call_to_act_dates_the_act_ahead():
    """« ont appelé à manifester de nouveau jeudi »: the next Thursday, not the last one."""
    (e,) = _events("x", ["Les organisateurs ont appelé à manifester de nouveau jeudi."],
                   PublicationDate("2024-06-25", "confirmed", "test"))
    assert e.date == "2024-06-27"


@pytest.mark.parametrize(("text", "timex", "date", "label"), [
    ("La sanction avait été brandie dès novembre dernier, quand la commission avait statué.",
     "novembre dernier", "2024-11", "La sanction avait été brandie"),
    ("M. Frieden avait déjà été ministre des Finances de 2009 à 2013.", "2009", "2009",
     "M. Frieden avait déjà été ministre des Finances de 2009 à 2013"),
])
def test_a_label_keeps_no_stray_piece_of_its_date(text, timex, date, label):
    """« novembre dernier » is one date; « de 2009 à 2013 » a span kept whole in the label."""
    events = _events("x", [text], PublicationDate("2025-07-09", "confirmed", "test"))
    assert (events[0].timex, events[0].date, events[0].label) == (timex, date, label)


def test_a_cut_label_ends_on_a_word():
    """A label cut at its word limit does not end on « de la » before its ellipsis."""
    label = chronology.labels.cut(
        "Le mouvement organisé en ligne sous un mot-dièse avait débuté par des rassemblements "
        "pacifiques dans la capitale")
    assert label == ("Le mouvement organisé en ligne sous un mot-dièse avait débuté par des "
                     "rassemblements pacifiques…")


@pytest.mark.parametrize(("text", "label"), [
    ("John Textor, l'homme d'affaires américain qui contrôlait le club, a été écarté de la "
     "présidence fin juin.", "John Textor a été écarté de la présidence"),
    ("Sa fille aînée, Hélène Perlant, avait révélé en avril avoir été frappée.",
     "Hélène Perlant avait révélé avoir été frappée"),
    ("Le délégué général et la présidente du festival, Iris Knobloch, avaient ouvert cette "
     "édition le 13 mai.", "Le délégué général et la présidente du festival avaient ouvert "
                           "cette édition"),
])
def test_noun_phrases_in_apposition_give_one_subject(text, label):
    """The name among appositions is the subject, unless the first phrase joins several."""
    (e,) = _events("x", [text], PublicationDate("2025-07-09", "confirmed", "test"))
    assert e.label == label


def test_an_apposed_participle_agrees_with_the_noun_it_tells_of():
    """« La mort de l'opposant Yaya Dillo, tué le 28 février … »: the opponent was killed;
    « contre » is a preposition there, not a verb making « Pèse encore … » a clause."""
    (e,) = _events("x", [
        "La mort de l'opposant Yaya Dillo, tué le 28 février lors d'un assaut de l'armée contre "
        "le siège de son parti, pèse encore sur le climat politique."
    ], PublicationDate("2024-05-10", "confirmed", "test"))
    assert (e.date, e.label) == (
        "2024-02-28", "L'opposant Yaya Dillo a été tué le 28 février lors d'un assaut de l'armée…")


def test_a_noun_s_date_takes_no_complement_past_a_colon():
    """« les résultats du scrutin présidentiel de dimanche 6 octobre 2024 : X obtient 90 % »."""
    events = _events("x", [
        "L'Isie a proclamé lundi soir les résultats préliminaires du scrutin présidentiel de "
        "dimanche 6 octobre 2024 : Kaïs Saïed obtient 90,69 % des suffrages exprimés."
    ], PublicationDate("2024-10-08", "confirmed", "test"))
    got = {e.timex: e.label for e in events}
    assert got["dimanche 6 octobre 2024"] == (
        "Le scrutin présidentiel a eu lieu dimanche 6 octobre 2024")


def test_an_enumeration_of_years_dates_one_fact_each():
    """« en 2020, 2021 et 2024 »: three wins, each labelled without the others' years."""
    events = _events("x", ["Il a déjà remporté l’épreuve en 2020, 2021 et 2024."],
                     PublicationDate("2025-07-28", "confirmed", "test"))
    assert [(e.date, e.label) for e in events] == [
        (y, "Il a déjà remporté l’épreuve") for y in ("2020", "2021", "2024")]


def test_a_bound_keeps_its_date_and_appositions_give_the_name():
    """« avant 2025 » keeps its year; « Le président, commandant en chef, X, s'est rendu »."""
    pub = PublicationDate("2024-12-20", "confirmed", "test")
    (e,) = _events("x", ["Les textes ne seront pas signés avant 2025, selon le Conseil fédéral."],
                   pub)
    assert e.label == "Les textes ne seront pas signés avant 2025"
    (e,) = _events("x", [
        "Le président de la République, commandant en chef des forces armées, Ilham Aliyev, "
        "s’est rendu le 15 octobre dans la ville de Khankendi."], pub)
    assert e.label == "Ilham Aliyev s’est rendu dans la ville de Khankendi"


@pytest.mark.parametrize(("text", "timex", "label"), [
    ("Aliyev dirige le pays depuis 2003, date à laquelle il a succédé à son père.", "2003",
     "Aliyev a succédé à son père"),
    ("L’Ukraine célèbre Noël le 25 décembre depuis 2023, date à laquelle Kyiv a abandonné le "
     "calendrier julien.", "le 25 décembre", "L’Ukraine célèbre Noël depuis 2023"),
    ("La dissolution de juin 2024 avait ensuite suspendu la navette pendant plusieurs mois.",
     "juin 2024", "La dissolution date de juin 2024"),
    ("Le fabricant arrêtera la production de ses deux sites d'ici au début de 2026.",
     "début de 2026", "Le fabricant arrêtera la production de ses deux sites"),
])
def test_labels_of_dates_taken_up_or_governed(text, timex, label):
    """« date à laquelle » dates the clause after it with the date before it; a noun's date
    stops at the noun's verb; « d'ici au » goes with its date."""
    events = _events("x", [text], PublicationDate("2024-12-25", "confirmed", "test"))
    assert {e.timex: e.label for e in events}[timex] == label


def test_a_future_in_a_passage_to_come_keeps_its_year():
    """« Le sommet aura lieu le 12 mars 2026 … se réuniront le 10 mars »: March 2026."""
    events = _events("x", [
        "Le sommet aura lieu le 12 mars 2026 à Genève. Les ministres se réuniront le 10 mars "
        "pour le préparer."
    ], PublicationDate("2025-02-03", "confirmed", "test"))
    assert {e.timex: e.date for e in events}["le 10 mars"] == "2026-03-10"


@pytest.mark.parametrize(("text", "label"), [
    ("Selon la préfète, Fabienne Buccio, plus de 7 000 hectares avaient brûlé jeudi.",
     "Plus de 7 000 hectares avaient brûlé"),
    ("Il a rappelé la visite du président, le 7 octobre 2020, au cours de laquelle le chef de "
     "l'État avait promis la reconstruction.",
     "Le chef de l'État avait promis la reconstruction"),
])
def test_a_quantity_opens_a_subject_and_au_cours_de_laquelle_takes_up_a_date(text, label):
    """A subject may open on a number; « au cours de laquelle » dates the clause after it."""
    events = _events("x", [text], PublicationDate("2022-07-15", "confirmed", "test"))
    assert [e.label for e in events][-1] == label


@pytest.mark.parametrize(("text", "label"), [
    ("JMA, qui avait vendu le club en décembre 2022, se félicite de la décision.",
     "JMA avait vendu le club"),
    ("Le travail de Mediapart, qui avait publié les premiers témoignages en février, est salué.",
     "Le travail de Mediapart, qui avait publié les premiers témoignages"),
])
def test_a_relative_clause_tells_its_fact_of_its_noun_phrase(text, label):
    """« X, qui avait vendu le club en décembre 2022 »: X did; not when the antecedent is
    unclear (« le travail de Mediapart, qui … »)."""
    events = _events("x", [text], PublicationDate("2025-07-09", "confirmed", "test"))
    assert events[0].label == label
