"""Each rejection, kind and merge rule of the actor stages, on hand-made NER spans."""

from __future__ import annotations

import re

import pytest
from briefing import actors as A
from briefing import chronology
from briefing.actors import evidence
from briefing.actors.names import place_key, unconfuse
from briefing.gazetteer import states


def spans(paragraph: str, *found: tuple[str, str]) -> list[A.NerSpan]:
    """NER spans for (text, label) pairs, each found after the previous one, as whole words."""
    out, at = [], 0
    for text, label in found:
        i = re.search(rf"(?<!\w){re.escape(text)}(?!\w)", paragraph[at:]).start() + at
        out.append(A.NerSpan(i, i + len(text), label, text))
        at = i + len(text)
    return out


def actors_of(paragraphs: list[str], found: list[list[tuple[str, str]]]):
    """Resolved actors of one briefing built from the given spans, with no registry."""
    ner = [spans(p, *f) for p, f in zip(paragraphs, found, strict=True)]
    per = A.extract_actors("b", paragraphs, ner, ())
    return A.resolve_actors([per], ()).actors


def names(actors) -> dict[str, str]:
    return {a.name: a.kind for a in actors}


# --------------------------------------------------------------------------- rejections


@pytest.mark.parametrize(("paragraph", "span", "label"), [
    ("Le Premier ministre a parlé longuement devant les députés.", "Premier ministre", "PER"),
    ("Le Président russe a reçu son homologue hier soir chez lui.", "Président russe", "PER"),
    ("Des combats ont eu lieu. Vendredi, la trêve a été signée.", "Vendredi", "PER"),
    ("Le compteur change de forme. — Gaizka Iroz / AFP", "Gaizka Iroz", "PER"),
    ("La dépêche a été traduite (Reportage Olena Harmash ; édité par Jean Dupont).",
     "Jean Dupont", "PER"),
    ("Le texte est entre guillemets : « NH » dans la version publiée.", "NH", "ORG"),
    ("ACCUEIL ACTUALITE REDACTEURS AIDE et tout le reste du menu du site.", "REDACTEURS", "ORG"),
    ("Un diplomate a cité un mot : Армения reste une alliée pour eux.", "Армения", "LOC"),
    ("Le stade a vibré avec les Brestois tout au long du match.", "Brestois", "LOC"),
    ("Le Danois a terminé deuxième de la course derrière le vainqueur.", "Danois", "LOC"),
    ("L’ancienne ministre du Travail a rappelé les projets de la ville.", "Travail", "PER"),
    ("Le conflit Arménie-Azerbaïdjan a repris cette semaine, dit-on.",
     "Arménie-Azerbaïdjan", "LOC"),
    ("Les autorités de l’État nigérien ont protesté contre la décision.", "État nigérien", "LOC"),
    ("Énergie : les prix montent encore pendant tout l’hiver prochain.", "Énergie", "ORG"),
    ("Un commentaire de Gwen_B sous l’article, posté en fin de matinée.", "Gwen_B", "PER"),
    ("Le club a remporté la Ligue des champions pour la première fois.", "Ligue des champions",
     "ORG"),
    ("Le Corridor gazier sud a démontré son utilité cet hiver, dit-on.", "Corridor", "LOC"),
    ("Les pays du Sud global ont refusé de signer le texte commun.", "Sud", "LOC"),
    # A function word opening a sentence (spaCy's French stop words).
    ("Qui sera le prochain président de la commission, se demande-t-on.", "Qui", "PER"),
    # A plural common noun: an event's or a plan's name, a group, a title's complement.
    ("Le trail des Crêtes a réuni plus de mille coureurs dimanche matin.", "Crêtes", "LOC"),
    ("Le paquet, parfois surnommé Bilatérales III, met à jour cinq accords.", "Bilatérales III",
     "PER"),
    ("Près de 150 Palestiniennes ont été libérées par les autorités hier.", "Palestiniennes",
     "LOC"),
    ("Le ministre du Trésor et des Finances, Mehmet Şimşek, a parlé.", "Finances", "ORG"),
    ("La banque a réuni son Comité de politique monétaire jeudi matin.",
     "Comité de politique monétaire", "ORG"),
    ("Les petits Etats insulaires ont regretté des formulations trop faibles.",
     "Etats insulaires", "LOC"),
    # Capitals abbreviating a common noun phrase they do not spell: a thing, not an actor.
    ("Les dépêches passent par son système de diffusion (HAS) chaque jour.", "HAS", "ORG"),
])

def test_rejected_spans_make_no_actor(paragraph, span, label):
    assert actors_of([paragraph], [[(span, label)]]) == ()


def test_a_long_body_name_with_a_generic_head_is_kept():
    paragraph = "Le Conseil de sécurité et des services spéciaux s’est réuni lundi."
    found = actors_of([paragraph], [[("Conseil de sécurité et des services spéciaux", "ORG")]])
    assert names(found) == {"Conseil de sécurité et des services spéciaux": "organisation"}


def test_bare_title_is_trimmed_off_a_name():
    found = actors_of(["Le Premier ministre arménien Nikol Pachinian a parlé."],
                      [[("Premier ministre arménien Nikol Pachinian", "PER")]])
    assert names(found) == {"Nikol Pachinian": "person"}


def test_weekday_glued_to_a_place_is_trimmed():
    found = actors_of(["La réunion a eu lieu à Moscou mercredi, selon les agences."],
                      [[("Moscou mercredi", "LOC")]])
    assert names(found) == {"Moscou": "place"}


def test_a_name_in_another_script_joins_its_transliteration():
    paragraphs = ["Dmitri Peskov a parlé devant la presse.",
                  "Le communiqué était signé « Дмитрий Песков » en bas de page."]
    found = actors_of(paragraphs, [[("Dmitri Peskov", "PER")], [("Дмитрий Песков", "PER")]])
    assert len(found) == 1 and "Дмитрий Песков" in found[0].aliases


def test_a_name_in_another_script_alone_makes_no_page():
    found = actors_of(["Le communiqué était signé « Сергей Шойгу » en bas de page."],
                      [[("Сергей Шойгу", "PER")]])
    assert found == ()


def test_related_link_date_is_trimmed_off_a_name():
    found = actors_of(["Voir aussi : Syrie - 20 décembre 2024, un autre article sur le sujet."],
                      [[("Syrie - 20 décembre 2024", "LOC")]])
    assert names(found) == {"Syrie": "state"}


def test_an_outlet_with_a_regional_suffix_is_media():
    found = actors_of(["Le chiffre a été repris par Sputnik Afrique dans la soirée."],
                      [[("Sputnik Afrique", "PER")]])
    assert names(found) == {"Sputnik Afrique": "media"}


def test_lone_given_name_of_a_named_person_is_dropped():
    found = actors_of(["Nikol Pachinian a parlé. Nikol a ensuite quitté la salle."],
                      [[("Nikol Pachinian", "PER"), ("Nikol", "PER")]])
    assert names(found) == {"Nikol Pachinian": "person"}


@pytest.mark.parametrize(("paragraph", "kept"), [
    # A lone word only the model calls a person: no page without something to back it.
    ("Le pays a vu sa note relevée par Fitch la semaine dernière.", False),
    ("Selon Varga, la situation reste tendue dans la région.", False),
    # A verb of saying is no backing: companies speak too (« Stellantis a annoncé »).
    ("Varga a déclaré que la situation restait tendue dans la région.", False),
    # Backed: a title or a civility.
    ("Le ministre Varga juge la situation tendue dans la région.", True),
    ("M. Varga juge la situation tendue dans la région ce matin.", True),
])
def test_a_lone_surname_needs_corroboration(paragraph, kept):
    word = "Fitch" if "Fitch" in paragraph else "Varga"
    found = actors_of([paragraph], [[(word, "PER")]])
    assert (names(found) == {word: "person"}) if kept else found == ()


def test_title_glued_after_a_name_is_trimmed():
    assert evidence.trim("Marie Curie Professeure") == (0, len("Marie Curie"))


# --------------------------------------------------------------------------- kinds


def test_lemma_index_keys_are_spacy_string_hashes():
    from briefing.wordlists import LEMMA_INDEX_KEYS
    from spacy.strings import get_string_id

    assert {k: get_string_id(k) for k in LEMMA_INDEX_KEYS} == LEMMA_INDEX_KEYS
    assert "tempête" in evidence.common_nouns() and "danois" in evidence.adjectives()


def test_states_come_from_pycountry_in_french():
    table = states()
    assert table["Fédération de Russie"][:2] == ("Russie", "state")
    assert table["République d'Arménie"][:2] == ("Arménie", "state")
    assert table["Hongrie"][:2] == ("Hongrie", "state")
    assert table["Moldavie"][:2] == ("Moldavie", "state")  # press form over ISO's Moldova
    assert table["Guadeloupe"][1] == "place"  # a territory, not a state
    assert "Maurice" not in table  # a given name far more often than the state


@pytest.mark.parametrize(("paragraph", "span", "label", "kind"), [
    # A city of GeoNames tagged as a person, with no title, civility or verb of saying.
    ("Les quartiers de Rennes ont été évacués lundi soir par les pompiers.", "Rennes", "PER",
     "place"),
    ("Le vol est parti d’Alma Ata mardi matin avec deux heures de retard.", "Alma Ata", "PER",
     "place"),
    # The same name with a person's cue stays a person.
    ("M. Rennes a déclaré qu’il ne se représenterait pas aux élections.", "Rennes", "PER",
     "person"),
    # A given name opening a name tagged as a place or a body makes a person.
    ("Le gouvernement de Benyamin Nétanyahou insiste sur le caractère provisoire.",
     "Benyamin Nétanyahou", "ORG", "person"),
    ("Les sanctions visant le régime de Bachar Al-Assad servent de prétexte.",
     "Bachar Al-Assad", "LOC", "person"),
    # Bodies: an agency that is no press agency, a rating agency, a team.
    ("L’agence météorologique espagnole AEMET a prévu de fortes pluies.", "AEMET", "ORG",
     "organisation"),
    ("L’agence de notation Fitch a relevé la note du pays vendredi.", "Fitch", "PER",
     "organisation"),
    ("Le podium est une première pour l’équipe Red Bull-Bora-Hansgrohe cette année.",
     "Red Bull-Bora-Hansgrohe", "ORG", "organisation"),
    ("Selon l’agence russe Interfax, la réunion aura lieu mardi.", "Interfax", "ORG", "media"),
    # A well-known outlet (outlets_data) the model calls a body.
    ("Le maire l’a confirmé samedi dans un entretien à Ouest-France.", "Ouest-France", "ORG",
     "media"),
    # A capitalised common noun and its adjective after a determiner: an institution.
    ("Le décret a été publié au Journal officiel dimanche matin.", "Journal officiel", "LOC",
     "organisation"),
])
def test_kind_from_evidence(paragraph, span, label, kind):
    assert names(actors_of([paragraph], [[(span, label)]])) == {span: kind}


def test_a_name_opening_on_a_capitalised_article_holds_a_known_one():
    found = actors_of(["Pour La France insoumise, la faute revient à la direction."], [[]])
    assert names(found) == {"La France insoumise": "organisation"}


def test_media_kind_from_context():
    found = actors_of(["En Turquie, le quotidien Hürriyet consacre sa une au séisme."],
                      [[("Hürriyet", "PER")]])
    assert names(found) == {"Turquie": "state", "Hürriyet": "media"}


def test_agencies_are_media():
    found = actors_of(["Le ministre a déclaré à l’AFP qu’il partirait."], [[]])
    assert names(found) == {"AFP": "media"}


@pytest.mark.parametrize(("paragraph", "span", "name"), [
    # A landmark noun is part of the name: the road, square or plant, not the town or person.
    ("Le blocage du corridor de Latchak dure depuis des mois.", "Latchak",
     "corridor de Latchak"),
    ("Un retraité installé près du mail François-Mitterrand témoigne.", "François-Mitterrand",
     "mail François-Mitterrand"),
    ("Des milliers de gens ont défilé place des Omeyyades dimanche.", "Omeyyades",
     "place des Omeyyades"),
    ("Les inspecteurs sont arrivés à la centrale nucléaire de Zaporijia.", "Zaporijia",
     "centrale nucléaire de Zaporijia"),
    # Other place nouns only classify the name after them; a venue goes by its own name.
    ("Les habitants de la région de Valence ont été évacués.", "Valence", "Valence"),
    ("Le club jouera au stade du Roudourou samedi.", "Roudourou", "Roudourou"),
])
def test_place_from_context(paragraph, span, name):
    assert names(actors_of([paragraph], [[(span, "PER")]])) == {name: "place"}


def test_a_landmark_noun_before_a_state_or_a_person_is_no_landmark():
    found = actors_of(["La place de la Russie en Europe divise le camp de Vladimir Poutine."],
                      [[("Vladimir Poutine", "PER")]])
    assert names(found) == {"Russie": "state", "Europe": "place", "Vladimir Poutine": "person"}


# --------------------------------------------------------------------------- merges


def test_acronym_and_letter_order_variant_join_the_expansion():
    paragraphs = [
        "Il a parlé de l’Organisation du traité de sécurité collective (OTSC) hier.",
        "Aucune notification n’a été reçue par le secrétariat de l’OSTC, dit-il.",
        "L’OTSC réunit six pays.",
    ]
    found = actors_of(paragraphs, [
        [("Organisation du traité de sécurité collective", "ORG"), ("OTSC", "LOC")], [], []])
    assert names(found) == {"Organisation du traité de sécurité collective": "organisation"}
    assert set(found[0].aliases) >= {"OTSC", "OSTC"}


def test_acronym_defines_a_body_not_a_person():
    found = actors_of(["Le groupe Hayat Tahrir al-Sham (HTS) a pris Alep."],
                      [[("Hayat Tahrir al-Sham", "PER"), ("HTS", "ORG")]])
    assert names(found)["Hayat Tahrir al-Sham"] == "organisation"
    assert len(found) == 1  # one page for the group and its acronym


def test_glued_civility_joins_the_full_name():
    found = actors_of(["Dmitri Peskov a parlé. M.Peskov a ensuite précisé sa pensée."],
                      [[("Dmitri Peskov", "PER"), ("M.Peskov", "PER")]])
    assert names(found) == {"Dmitri Peskov": "person"}


def test_look_alike_letters_are_folded():
    assert unconfuse("Nikol Pаchinian") == "Nikol Pachinian"  # Cyrillic а
    assert unconfuse("Армения") == "Армения"  # a word wholly in Cyrillic stays as it is
    assert A.fold("Nikol Pаchinian") == A.fold("Nikol Pachinian")


def test_k_g_and_hyphen_variants_of_a_place_share_a_key():
    assert place_key("Haut Karabagh") == place_key("Haut-Karabakh")
    assert place_key("Garabagh") == place_key("Karabakh")


def test_a_lone_surname_refers_to_the_full_name_before_it():
    paragraphs = ["Le président Ilham Aliyev a été réélu mercredi.",
                  "Aliyev dirige le pays depuis 2003, après son père, Heydar Aliyev."]
    found = actors_of(paragraphs, [[("Ilham Aliyev", "PER")],
                                   [("Aliyev", "PER"), ("Heydar Aliyev", "PER")]])
    assert {a.name: a.aliases for a in found} == {"Ilham Aliyev": ("Aliyev",),
                                                  "Heydar Aliyev": ()}


def test_an_arabic_article_does_not_split_a_surname_nor_merge_two_persons():
    paragraphs = ["Le régime de Bachar al-Assad est tombé dimanche.",
                  "La chute du clan Assad a été fêtée ; la statue de Hafez al-Assad est à terre."]
    found = actors_of(paragraphs, [[("Bachar al-Assad", "PER")],
                                   [("Assad", "PER"), ("Hafez al-Assad", "PER")]])
    assert {a.name: a.aliases for a in found} == {"Bachar al-Assad": ("Assad",),
                                                  "Hafez al-Assad": ()}


def test_an_acronym_in_its_own_language_and_a_short_form_join_the_body():
    paragraphs = ["La Banque centrale de la République de Turquie (TCMB) a relevé son taux.",
                  "La Banque centrale a justifié sa décision par l’inflation, a ajouté la TCMB."]
    found = actors_of(paragraphs, [
        [("Banque centrale de la République de Turquie", "ORG"), ("TCMB", "ORG")],
        [("Banque centrale", "ORG"), ("TCMB", "ORG")]])
    assert [(a.name, a.aliases) for a in found] == [
        ("Banque centrale de la République de Turquie", ("Banque centrale", "TCMB"))]


def test_a_state_printed_with_an_unaccented_capital_is_the_state():
    found = actors_of(["L’Egypte a accueilli les négociations au Caire."], [[("Egypte", "LOC")]])
    assert names(found) == {"Égypte": "state"}


@pytest.mark.parametrize(("a", "b"), [("Maria Zakharova", "Zakharov"),
                                      ("Ilham Aliyev", "Heydar Aliyev")])
def test_hard_negatives_stay_apart(a, b):
    paragraph = f"{a} a parlé. Puis le ministre {b} a répondu."
    found = actors_of([paragraph], [[(a, "PER"), (b, "PER")]])
    assert len([x for x in found if x.kind == "person"]) == 2


# --------------------------------------------------------------------------- events


@pytest.mark.parametrize("label", ["Erevan et Bakou", "4 heures du matin (heure de Paris)",
                                   "Sputnik Afrique"])
def test_fragments_are_not_clauses(label):
    assert not chronology.is_clause(label)


def test_headlines_and_timestamps_are_not_prose():
    assert not chronology.is_prose("Le Parlement arménien ratifie le Statut de Rome (3 octobre)")
    assert not chronology.is_prose("Gwen_B · 19/09/2024 à 08h15")
    assert chronology.is_prose("Les troupes ont quitté la ville le 21 décembre.")


def test_since_span_moves_a_year_less_date():
    text = ("Les soldats russes, déployés en 2020, sont là depuis trois ans. "
            "Jeudi 21 décembre, ils ont quitté la région.")
    value, basis = chronology.check_relative_span("2020-12-21", "Jeudi 21 décembre", text)
    assert value == "2023-12-21"
    assert "depuis trois ans" in basis
    # The weekday must agree: 21 December 2022 is a Wednesday, so no move to 2022.
    assert chronology.check_relative_span("2020-12-21", "jeudi 21 décembre",
                                          text.replace("trois", "deux")) is None


def test_media_actor_links_to_its_outlet_note():
    from briefing.factcheck import Outlet

    found = actors_of(["Le ministre a déclaré à l’AFP qu’il partirait."], [[]])
    note = Outlet("afp", "Agence France-Presse", ("AFP",), "<p>Agence publique.</p>", (), "x.md")
    linked = A.link_outlets(found, [note])
    assert (linked[0].outlet, linked[0].outlet_html) == ("afp", "<p>Agence publique.</p>")


def test_a_sentence_opening_on_its_date_is_prose():
    assert chronology.is_prose("Le 12 octobre, le président rencontrera son homologue à Bichkek.")
    assert not chronology.is_prose("Le 08/12/2024 à 7:52 les rebelles sont entrés dans la ville.")


def test_a_second_name_given_in_the_text_joins_the_person():
    paragraph = ("Le chef du groupe, Abou Mohammed al-Jolani, qui se fait appeler par son vrai "
                 "nom, Ahmed al-Chareh, est arrivé.")
    found = actors_of([paragraph], [[("Abou Mohammed al-Jolani", "PER"),
                                     ("Ahmed al-Chareh", "PER")]])
    assert len(found) == 1 and "Ahmed al-Chareh" in found[0].aliases


def test_a_subordinate_label_gets_its_main_clause():
    pub = chronology.PublicationDate("2023-09-21", "inferred", "test")
    events = chronology.extract_events("b", [
        "Les autorités séparatistes ont annoncé, mercredi 20 septembre, qu’elles acceptaient "
        "la dissolution de leurs forces armées."], pub)
    labels = {e.date: e.label for e in events}
    assert labels["2023-09-20"] == ("Les autorités séparatistes ont annoncé qu’elles acceptaient "
                                    "la dissolution de leurs forces armées")


# --------------------------------------------------------------------------- new dev classes


def test_a_surname_with_its_particle_refers_to_the_full_name():
    paragraphs = ["Marine Le Pen se dit prête à gouverner.", "Mme Le Pen a réuni ses proches."]
    found = actors_of(paragraphs, [[("Marine Le Pen", "PER")], [("Le Pen", "PER")]])
    assert {a.name: a.aliases for a in found} == {"Marine Le Pen": ("Le Pen",)}


@pytest.mark.parametrize(("paragraph", "found", "expected"), [
    # A title word after a lone given name is a surname.
    ("À droite, Marion Maréchal appelle déjà à l’union des listes.",
     [("Marion Maréchal", "PER")], {"Marion Maréchal": "person"}),
    # A span cut short on a function word, or after a given name, takes what follows.
    ("Au Comité d’organisation des Jeux, on assurait que tout irait bien.",
     [("Comité d’organisation des", "ORG")], {"Comité d’organisation des Jeux": "organisation"}),
    ("La ministre des Sports, Amélie Oudéa-Castéra, s’est dite révoltée.",
     [("Amélie", "LOC")], {"Amélie Oudéa-Castéra": "person"}),
    # A date inside a name stays.
    ("Les combattants du Mouvement du 23 mars ont pris la ville.",
     [("Mouvement du 23 mars", "ORG")], {"Mouvement du 23 mars": "organisation"}),
    # A monarch is named by title and given name.
    ("Le nationaliste a prêté serment devant le roi Philippe lundi.",
     [("Philippe", "PER")], {"roi Philippe": "person"}),
    # A portfolio after a name is no part of it.
    ("Jan Jambon hérite des Finances et Theo Francken de la Défense.",
     [("Theo Francken de la Défense", "PER")], {"Theo Francken": "person"}),
    # A capitalised article inside a sentence before a common noun is part of a title.
    ("Il se dit prêt au dialogue social, selon Le Soir ce matin.",
     [("Le Soir", "ORG")], {"Le Soir": "media"}),
    # A public body's noun before a place makes the body.
    ("Le parquet de Bordeaux privilégie la thèse d’un acte volontaire.",
     [("Bordeaux", "LOC")], {"parquet de Bordeaux": "organisation"}),
    # A name right after a preposition holds no title.
    ("Le nouveau président, originaire de Ndiaganiao, a promis de rompre.",
     [("Ndiaganiao", "LOC")], {"Ndiaganiao": "place"}),
    # An era and an adjective labelling a common noun are no actors.
    ("M. Barnier signe le passage le plus bref à Matignon sous la Ve République.",
     [("Ve République", "ORG")], {"Barnier": "person", "Matignon": "organisation"}),
    ("Des câbles ont brûlé sur les lignes à grande vitesse Atlantique et Nord.",
     [("Atlantique", "LOC")], {}),
])
def test_spans_the_model_cut_or_stretched(paragraph, found, expected):
    assert names(actors_of([paragraph], [found])) == expected


def test_an_acronym_spelling_the_words_before_it_defines_a_body():
    paragraph = ("Le chef des Patriotes africains du Sénégal pour le travail, l’éthique et la "
                 "fraternité (Pastef) avait été empêché de se présenter.")
    found = actors_of([paragraph], [[("Sénégal", "LOC"), ("Pastef", "PER")]])
    assert [(a.name, a.kind, a.aliases) for a in found] == [
        ("Patriotes africains du Sénégal pour le travail, l’éthique et la fraternité",
         "organisation", ("Pastef",))]


def test_one_name_read_as_two_kinds_in_two_articles_is_one_actor() -> None:
    """« Real Madrid » a club in two articles and a place in a third: one page, the kind most
    mentions give it (no « real-madrid-place » beside « real-madrid »)."""
    def briefing(bid: str, kind: str) -> A.BriefingActors:
        text = "Real Madrid"
        return A.BriefingActors(bid, (A.Mention(0, 0, len(text), text, kind, f"ner:{kind}"),),
                                (), (), ())
    actors = A.resolve_actors([briefing("a", "organisation"), briefing("b", "place"),
                               briefing("c", "organisation")], ()).actors
    assert [(x.id, x.kind) for x in actors] == [("real-madrid", "organisation")]
    assert sorted(bid for bid, _ in actors[0].briefings) == ["a", "b", "c"]


def test_an_actor_is_named_in_full_rather_than_by_an_initial() -> None:
    """« F. Tshisekedi » three times and « Félix Tshisekedi » once: the page is Félix's."""
    paragraph = ("Félix Tshisekedi a reçu F. Tshisekedi, puis F. Tshisekedi et encore "
                 "F. Tshisekedi.")
    mentions = []
    at = 0
    for text in ("Félix Tshisekedi", "F. Tshisekedi", "F. Tshisekedi", "F. Tshisekedi"):
        at = paragraph.index(text, at)
        mentions.append(A.Mention(0, at, at + len(text), text, "person", "ner:PER"))
        at += len(text)
    actors = A.resolve_actors([A.BriefingActors("b", tuple(mentions), (), (), ())], ()).actors
    assert [(x.id, x.name) for x in actors] == [("felix-tshisekedi", "Félix Tshisekedi")]


# --------------------------------------------------------------------------- kinds and spans


@pytest.mark.parametrize(("paragraph", "found", "expected"), [
    # Coordinated portfolios after a title are complements, not bodies or places.
    ("Catherine Vautrin, ministre du Travail, de la Santé, des Solidarités et des Familles, "
     "a signé le décret.", [("Catherine Vautrin", "PER"), ("Santé", "LOC"),
                             ("Solidarités et des Familles", "ORG")],
     {"Catherine Vautrin": "person"}),
    # A lowercase adjective is no part of a person's name: the model's PER is a body.
    ("Selon Santé publique France, le tabac reste la première cause de décès évitable.",
     [("Santé publique France", "PER")], {"Santé publique France": "organisation"}),
    # A state's name completing a body's name is the body, not the state.
    ("Le gouverneur de la Banque de France, François Villeroy de Galhau, plaidait pour une pause.",
     [("François Villeroy de Galhau", "PER")],
     {"Banque de France": "organisation", "François Villeroy de Galhau": "person"}),
    ("Le Tour de France s'achève dimanche à Nice.", [("Nice", "LOC")], {"Nice": "place"}),
    # After a lone given name, « des » opens the surname.
    ("La présidente-directrice du musée, Laurence des Cars, a reconnu des défaillances.",
     [("Laurence des Cars", "PER")], {"Laurence des Cars": "person"}),
    # A title the lexicon does not list goes before the name; a royal one names its holder.
    ("La couronne de l'impératrice Eugénie a été retrouvée au pied du bâtiment.",
     [("impératrice Eugénie", "PER")], {"impératrice Eugénie": "person"}),
    # A capitalised article inside a sentence is part of a place's name, left out or not.
    ("Le biathlon aura lieu au Grand-Bornand et à La Clusaz.", [("Clusaz", "LOC")],
     {"La Clusaz": "place"}),
    ("Le biathlon aura lieu au Grand-Bornand et à La Clusaz.", [("La Clusaz", "LOC")],
     {"La Clusaz": "place"}),
    # « centrale » after a noun is its adjective: no power plant, and capitals name a body.
    ("Elle devient la première banque centrale du G8 à baisser ses taux.", [("G8", "LOC")],
     {"G8": "organisation"}),
    ("Les malfaiteurs sont entrés par la galerie d'Apollon avant l'ouverture.",
     [("Apollon", "PER")], {"galerie d'Apollon": "place"}),
    # Listed with bodies only, a name the model calls a place is a body.
    ("Un accord a été trouvé entre le MR, Les Engagés, Vooruit et le CD&V.",
     [("MR", "ORG"), ("Les Engagés", "ORG"), ("Vooruit", "LOC")],
     {"MR": "organisation", "Les Engagés": "organisation", "Vooruit": "organisation"}),
    # A verb of saying makes an unknown « place » a body, unless a noun governs the place.
    ("Beauvau a indiqué que des renforts arrivaient.", [("Beauvau", "LOC")],
     {"Beauvau": "organisation"}),
    ("Le maire de Saint-Christophe-en-Oisans, Jean-Louis Arthaud, a confié son désarroi.",
     [("Saint-Christophe-en-Oisans", "LOC"), ("Jean-Louis Arthaud", "PER")],
     {"Saint-Christophe-en-Oisans": "place", "Jean-Louis Arthaud": "person"}),
    # A known place's name with other capitalised words is a club or a body.
    ("Il a rejoint l'Inter Milan l'été dernier.", [("Inter Milan", "LOC")],
     {"Inter Milan": "organisation"}),
    # Newspapers' shapes and local editions of known outlets are media.
    ("Les chiffres ont été publiés par le Edmonton Journal lundi.",
     [("Edmonton Journal", "LOC")], {"Edmonton Journal": "media"}),
    ("Le préfet l'a confirmé à France Bleu Isère dans la matinée.",
     [("France Bleu Isère", "ORG")], {"France Bleu Isère": "media"}),
    # A storm's or a stadium's noun stays with its name: neither is an actor alone.
    ("Après le passage de la tempête Herminia, la Vilaine a débordé.",
     [("tempête Herminia", "LOC"), ("Vilaine", "LOC")], {"Vilaine": "place"}),
])
def test_kinds_from_shape_and_context(paragraph, found, expected):
    assert names(actors_of([paragraph], [found])) == expected


def test_a_titled_persons_initials_are_a_second_name():
    paragraph = ("Le prince héritier saoudien Mohammed ben Salmane (MBS) a téléphoné à son "
                 "homologue. MBS a promis une réponse rapide.")
    found = actors_of([paragraph], [[("Mohammed ben Salmane", "PER"), ("MBS", "ORG")]])
    assert [(a.name, a.kind, a.aliases) for a in found] == [
        ("Mohammed ben Salmane", "person", ("MBS",))]


@pytest.mark.parametrize(("paragraph", "found", "expected"), [
    # Capitals after a title are a party, never a person.
    ("Le député LR de la Manche Philippe Gosselin a dénoncé une manœuvre.",
     [("LR", "ORG"), ("Philippe Gosselin", "PER")],
     {"Les Républicains": "organisation", "Philippe Gosselin": "person"}),
    # A contracted article holds the town's own: the page takes the full name.
    ("Au Havre, le maire a réuni ses proches.", [("Havre", "LOC")], {"Le Havre": "place"}),
    # A person's name may open on its particle after a civility.
    ("M. Zelensky avait déjà rencontré Mme von der Leyen à Bruxelles mardi.",
     [("Zelensky", "PER"), ("Mme von der Leyen", "PER"), ("Bruxelles", "LOC")],
     {"Zelensky": "person", "von der Leyen": "person", "Bruxelles": "place"}),
])
def test_parties_towns_and_particles(paragraph, found, expected):
    assert names(actors_of([paragraph], [found])) == expected


def test_a_nickname_after_dit_is_the_person():
    paragraphs = ["Les Forces du général Mohamed Hamdan Daglo, dit « Hemedti », ont pris la ville.",
                  "Hemedti avait déjà été visé par des sanctions."]
    found = actors_of(paragraphs, [[("Mohamed Hamdan Daglo", "PER"), ("Hemedti", "ORG")],
                                   [("Hemedti", "ORG")]])
    assert [(a.name, a.kind, a.aliases) for a in found] == [
        ("Mohamed Hamdan Daglo", "person", ("Hemedti",))]


def test_capitals_spelling_a_body_named_in_the_article_are_that_body():
    paragraphs = ["L'Olympique de Marseille a arraché le nul face au Paris Saint-Germain.",
                  "L'OM reste deuxième, à deux points du PSG.",
                  "La Ligue de football professionnel (LFP) examinera les images."]
    found = actors_of(paragraphs, [
        [("Olympique de Marseille", "ORG"), ("Paris Saint-Germain", "LOC")],
        [("OM", "ORG"), ("PSG", "ORG")], []])  # the expansion found by its initials
    assert {a.name: (a.kind, a.aliases) for a in found} == {
        "Olympique de Marseille": ("organisation", ("OM",)),
        "Paris Saint-Germain": ("organisation", ("PSG",)),
        "Ligue de football professionnel": ("organisation", ("LFP",))}


def test_a_court_named_after_its_town_is_a_body():
    paragraph = "Le procès s'est ouvert lundi devant le tribunal correctionnel de Lyon."
    assert names(actors_of([paragraph], [[("Lyon", "LOC")]])) == {
        "tribunal correctionnel de Lyon": "organisation"}


@pytest.mark.parametrize(("paragraph", "found", "expected"), [
    # A name completing a thing's noun is no actor.
    ("Le traitement vise la maladie d'Alzheimer, selon les laboratoires.",
     [("Alzheimer", "LOC")], {}),
    # An English article opens a title, never a person's name.
    ("Une étude publiée dans The Lancet en 2024 montrait un ralentissement.",
     [("The Lancet", "MISC")], {}),
    # A collective is a body.
    ("Un rassemblement est prévu à l'appel du collectif Bellevue Debout.",
     [("Bellevue Debout", "PER")], {"Bellevue Debout": "organisation"}),
])
def test_things_titles_and_collectives(paragraph, found, expected):
    assert names(actors_of([paragraph], [found])) == expected


@pytest.mark.parametrize(("paragraph", "found", "expected"), [
    # A compound surname alone, or a name without its given name, is the article's person.
    ("Le chef du parti, Paul St-Pierre Plamondon, a réclamé une enquête. M. St-Pierre Plamondon "
     "reproche au gouvernement son silence.",
     [("Paul St-Pierre Plamondon", "PER"), ("St-Pierre Plamondon", "PER")],
     {"Paul St-Pierre Plamondon": "person"}),
    # … but a tail opening on a given name is another person (a father and his son).
    ("Mahamat Idriss Déby Itno a succédé à son père, Idriss Déby Itno, tué au front.",
     [("Mahamat Idriss Déby Itno", "PER"), ("Idriss Déby Itno", "PER")],
     {"Mahamat Idriss Déby Itno": "person", "Idriss Déby Itno": "person"}),
    # A long portfolio chain: every complement is part of the title.
    ("La ministre de l'Aménagement du territoire national, de l'Urbanisme, de l'Habitat et de la "
     "Politique de la ville, Fatim-Zahra Mansouri, a visité le chantier.",
     [("Urbanisme", "LOC"), ("Habitat", "LOC"), ("Politique de la ville", "ORG"),
      ("Fatim-Zahra Mansouri", "PER")], {"Fatim-Zahra Mansouri": "person"}),
    # Prizes, fairs and works' titles are no actors.
    ("Jafar Panahi a reçu la Palme d'or pour « Valeur sentimentale » au Mondial de l'auto.",
     [("Jafar Panahi", "PER"), ("Palme d'or", "MISC"), ("Valeur", "LOC"),
      ("Mondial de l'auto", "ORG")], {"Jafar Panahi": "person"}),
    # A span running into the next sentence, or ending on « le », is cut or dropped.
    ("Le Maroc jouera dans le groupe A. Le match d'ouverture se jouera à Rabat.",
     [("Maroc", "LOC"), ("A. Le match", "ORG"), ("Rabat", "LOC")],
     {"Maroc": "state", "Rabat": "place"}),
    ("Des milliers de jeunes Kényans ont forcé les barrages.", [("Kényans", "LOC")], {}),
    ("Repêché en juin 2024 à Las Vegas, il a joué dès l'automne.", [("Vegas", "LOC")],
     {"Las Vegas": "place"}),
    # Institutions, companies and families, whatever the model says.
    ("À la Bourse de Milan, l'action reculait. Le Département et la Région Sud paient.",
     [("Bourse de Milan", "LOC"), ("Département", "LOC"), ("Région Sud", "LOC")],
     {"Bourse de Milan": "organisation", "Département": "organisation",
      "Région Sud": "organisation"}),
    ("Northvolt AB a déposé son bilan ; le terrain de Northvolt reste vide.",
     [("Northvolt AB", "LOC"), ("Northvolt", "LOC")], {"Northvolt": "organisation"}),
    ("Sanofi veut céder la moitié d'Opella, la filiale qui vend le Doliprane.",
     [("Sanofi", "ORG"), ("Opella", "LOC")],
     {"Sanofi": "organisation", "Opella": "organisation"}),
    ("John Elkann, héritier de la famille Agnelli, a pris la parole.",
     [("John Elkann", "PER"), ("Agnelli", "PER")],
     {"John Elkann": "person", "Agnelli": "organisation"}),
    # A person known through a team is apart from the team.
    ("L'Égypte de Mohamed Salah retrouvera l'Afrique du Sud.",
     [("Égypte de Mohamed Salah", "ORG"), ("Afrique du Sud", "LOC")],
     {"Égypte": "state", "Mohamed Salah": "person", "Afrique du Sud": "state"}),
])
def test_names_from_new_outlets(paragraph, found, expected):
    assert names(actors_of([paragraph], [found])) == expected


@pytest.mark.parametrize(("paragraph", "found", "expected"), [
    # A state's name in lowercase is an adjective; without its accent, still the state.
    ("Le peuple suisse a rejeté le projet, et l'Egypte a salué le vote.", [],
     {"Égypte": "state"}),
    # « outre-Atlantique » places nothing; a possessive before « coalition » still makes a body.
    ("Outre-Atlantique, sa coalition Takku Wallu Sénégal présentera des listes.",
     [("Outre-Atlantique", "LOC"), ("Takku Wallu Sénégal", "PER")],
     {"Takku Wallu Sénégal": "organisation"}),
    # An organisation noun opening the model's span is context, not name.
    ("Ousmane Sonko, chef du parti Pastef, mènera la liste.",
     [("Ousmane Sonko", "PER"), ("parti Pastef", "ORG")],
     {"Ousmane Sonko": "person", "Pastef": "organisation"}),
])
def test_adjectives_locutions_and_cues(paragraph, found, expected):
    assert names(actors_of([paragraph], [found])) == expected


def test_an_interviewees_initials_are_her_name():
    paragraphs = ["Prix Nobel d'économie, Esther Duflo enseigne au MIT.",
                  "E. D. : Les programmes de transferts monétaires fonctionnent."]
    found = actors_of(paragraphs, [[("Esther Duflo", "PER"), ("MIT", "ORG")],
                                   [("E. D.", "PER")]])
    assert {a.name: a.aliases for a in found if a.kind == "person"} == {
        "Esther Duflo": ("E. D.",)}


def test_a_capitalised_noun_with_its_place_is_a_body():
    paragraph = "Selon la Défense civile de Gaza, au moins 19 personnes ont été tuées."
    assert names(actors_of([paragraph], [[("Défense civile de Gaza", "MISC")]])) == {
        "Défense civile de Gaza": "organisation"}


@pytest.mark.parametrize(("paragraphs", "found", "expected"), [
    # A span running into the next sentence is cut at its stop.
    (["SES s'allie à Intelsat face à SpaceX. M. Al-Saleh dirigera l'ensemble."],
     [[("SpaceX. M. Al-Saleh", "PER")]], {"SpaceX": "place", "Al-Saleh": "person"}),
    # A capitalised title before a given name names a monarch; « Mgr » is a civility.
    (["Les ministres ont prêté serment devant le Grand-Duc Henri, puis Mgr de Germay a béni "
      "la Chambre. Mgr Olivier de Germay l'avait annoncé."],
     [[("Henri", "PER"), ("Mgr de Germay", "PER"), ("Mgr Olivier de Germay", "PER")]],
     {"Grand-Duc Henri": "person", "Olivier de Germay": "person"}),
    # A pope's name is a second name; so is a real name given after a stage name.
    (["Les cardinaux ont choisi Robert Francis Prevost, qui a pris le nom de Léon XIV."],
     [[("Robert Francis Prevost", "PER"), ("Léon XIV", "PER")]], {"Léon XIV": "person"}),
    (["Aya Nakamura a chanté avec Thomas Jolly. Aya Danioko, de son vrai nom, a répondu."],
     [[("Aya Nakamura", "PER"), ("Thomas Jolly", "PER"), ("Aya Danioko", "PER")]],
     {"Aya Danioko": "person", "Thomas Jolly": "person"}),
    # A given name that reads like a plural noun still opens a person's name.
    (["Gilles Roth (CSV) hérite des Finances et Lex Delles (DP) de l'Économie."],
     [[("Gilles Roth", "PER"), ("Lex Delles", "PER")]],
     {"Gilles Roth": "person", "Lex Delles": "person"}),
    # A feminine demonym, a road, a union confederation.
    (["La Française Sophie Adenot a emprunté l'A9 pour rejoindre la centrale syndicale UGTT."],
     [[("Française", "LOC"), ("Sophie Adenot", "PER"), ("A9", "LOC"), ("UGTT", "LOC")]],
     {"Sophie Adenot": "person", "A9": "place", "UGTT": "organisation"}),
    # A body's head noun alone is the one body of the article it names.
    (["Montpellier Méditerranée Métropole a voté la gratuité. La Métropole paiera."],
     [[("Montpellier Méditerranée Métropole", "ORG"), ("Métropole", "LOC")]],
     {"Montpellier Méditerranée Métropole": "organisation"}),
])
def test_names_from_the_fifth_batch(paragraphs, found, expected):
    assert names(actors_of(paragraphs, found)) == expected


@pytest.mark.parametrize(("paragraph", "found", "expected"), [
    # The official name's head names the article's state…
    ("Le Maroc accueillera la compétition. Le Royaume a promis des stades neufs.",
     [("Maroc", "LOC"), ("Royaume", "LOC")], {"Maroc": "state"}),
    # … or the one state whose official name it opens.
    ("Fondée en 1985 sous l'impulsion du Grand-Duché, l'entreprise a grandi.",
     [("Grand-Duché", "LOC")], {"Luxembourg": "state"}),
    # Ambiguous alone: no page.
    ("La Principauté a annoncé un nouveau budget.", [("Principauté", "LOC")], {}),
])
def test_a_states_official_name_head_is_that_state(paragraph, found, expected):
    assert names(actors_of([paragraph], [found])) == expected


@pytest.mark.parametrize(("paragraphs", "found", "expected"), [
    # Works: after a work's noun (an article between), after its maker's noun, before « de »
    # and its maker's name, quoted alone elsewhere in the article; and a storm's name.
    (["Elle a sorti son premier album, La Symphonie des éclairs, puis salué la réalisatrice de "
      "Barbie et Emilia Pérez de Jacques Audiard, sous le cyclone Garance."],
     [[("Symphonie des éclairs", "ORG"), ("Barbie", "PER"), ("Emilia Pérez", "PER"),
       ("Jacques Audiard", "PER"), ("Garance", "LOC")]], {"Jacques Audiard": "person"}),
    (["Le duo publie « Hyperdrama » chez son label.", "Hyperdrama compte deux titres chantés."],
     [[], [("Hyperdrama", "LOC")]], {}),
    # Portfolios given alone, demonyms with an age, Latin names: no page.
    (["David Clarinval (MR) à l'Emploi et Vincent Van Peteghem (CD&V) au Budget. Un Portois de "
      "31 ans a été jugé, comme l'avait prédit l'étude sur Homo sapiens."],
     [[("David Clarinval", "PER"), ("MR", "ORG"), ("Emploi", "LOC"), ("Vincent Van Peteghem",
       "PER"), ("Budget", "LOC"), ("Portois", "LOC"), ("Homo sapiens", "ORG")]],
     {"David Clarinval": "person", "MR": "organisation", "Vincent Van Peteghem": "person"}),
    # A club's affix; a name the model cut in two; a body after « au ».
    (["Le gardien du Milan AC a cédé. Le capitaine a confié la tête du gouvernement à Rimtalba "
      "Jean Emmanuel Ouédraogo, chercheur au CNRS."],
     [[("Milan AC", "PER"), ("Rimtalba", "LOC"), ("Jean Emmanuel Ouédraogo", "PER"),
       ("CNRS", "LOC")]],
     {"Milan AC": "organisation", "Rimtalba Jean Emmanuel Ouédraogo": "person",
      "CNRS": "organisation"}),
    # … but a demonym before a name, or a place after « de la », stays apart.
    (["L'Allemand Florian Lipowitz et le député de la Gironde Nicolas Thierry ont parlé."],
     [[("Allemand", "MISC"), ("Florian Lipowitz", "PER"), ("Gironde", "LOC"),
       ("Nicolas Thierry", "PER")]],
     {"Florian Lipowitz": "person", "Gironde": "place", "Nicolas Thierry": "person"}),
    # A person, then the next clause's subject: no apposition.
    (["Devant grâce à Randal Kolo Muani, l'équipe de Didier Deschamps a cédé."],
     [[("Randal Kolo Muani", "PER"), ("Didier Deschamps", "PER")]],
     {"Randal Kolo Muani": "person", "Didier Deschamps": "person"}),
])
def test_names_from_the_sixth_batch(paragraphs, found, expected):
    assert names(actors_of(paragraphs, found)) == expected


@pytest.mark.parametrize(("paragraphs", "found", "expected"), [
    # A particle before a title word makes it a surname.
    (["Bruno Le Maire a jugé que l'Europe ne pouvait plus attendre."],
     [[("Bruno Le Maire", "PER")]], {"Bruno Le Maire": "person", "Europe": "place"}),
    # A full name without its last surname is the same person.
    (["Judith Suminwa Tuluka a été nommée. Judith Suminwa succède à Sama Lukonde."],
     [[("Judith Suminwa Tuluka", "PER"), ("Judith Suminwa", "PER"), ("Sama Lukonde", "PER")]],
     {"Judith Suminwa Tuluka": "person", "Sama Lukonde": "person"}),
    # Broadcasters by their head noun; « M23 » is a group, not a road.
    (["L'ordonnance a été lue sur la Radiotélévision nationale congolaise face au M23."],
     [[("Radiotélévision nationale congolaise", "ORG"), ("M23", "LOC")]],
     {"Radiotélévision nationale congolaise": "media", "M23": "organisation"}),
])
def test_names_from_the_seventh_batch(paragraphs, found, expected):
    assert names(actors_of(paragraphs, found)) == expected


def test_an_acronym_the_article_defines_names_what_the_article_says():
    entry = A.RegistryEntry("cei", "Communauté des États indépendants", "organisation", ("CEI",),
                            (), None, "", "content/actors/cei.md")
    paragraph = ("Il a présidé la Commission électorale indépendante (CEI) de 2005 à 2010. "
                 "La CEI a validé la liste.")
    per = A.extract_actors("b", [paragraph], [spans(paragraph, ("Commission électorale "
                                                               "indépendante", "ORG"))], [entry])
    found = A.resolve_actors([per], [entry]).actors
    assert {a.name for a in found} == {"Commission électorale indépendante"}


def test_a_full_name_opening_a_longer_one_in_another_article_is_the_same_person():
    one = A.extract_actors("a", ["Judith Suminwa a présidé le conseil des ministres."],
                           [spans("Judith Suminwa a présidé le conseil des ministres.",
                                  ("Judith Suminwa", "PER"))], ())
    two = A.extract_actors("b", ["Judith Suminwa Tuluka a été nommée Première ministre."],
                           [spans("Judith Suminwa Tuluka a été nommée Première ministre.",
                                  ("Judith Suminwa Tuluka", "PER"))], ())
    found = A.resolve_actors([one, two], ()).actors
    assert [(a.name, len(a.briefings)) for a in found] == [("Judith Suminwa Tuluka", 2)]


@pytest.mark.parametrize(("paragraphs", "found", "expected"), [
    # The model's one span, a place after « de » then a person: two actors.
    (["Le rapporteur, le député MoDem de Charente-Maritime Olivier Falorni, défend le texte."],
     [[("Charente-Maritime Olivier Falorni", "PER")]],
     {"Charente-Maritime": "place", "MoDem": "organisation", "Olivier Falorni": "person"}),
    # A name chosen by the person is a second name.
    (["Le cardinal Robert Francis Prevost, qui a choisi de s'appeler Léon XIV, a salué la foule."],
     [[("Robert Francis Prevost", "PER"), ("Léon XIV", "PER")]], {"Léon XIV": "person"}),
])
def test_names_seen_on_a_site_built_from_unseen_pages(paragraphs, found, expected):
    assert names(actors_of(paragraphs, found)) == expected


def test_unaccented_capitals_and_ministries_named_by_their_site():
    paragraph = "L'Elysée a annoncé la nomination ; Bercy prépare le budget."
    assert names(actors_of([paragraph], [[]])) == {"Élysée": "organisation",
                                                   "Bercy": "organisation"}
