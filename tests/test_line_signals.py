"""General signals the cleaner reads on pages it has never seen: language, machine strings,
stamps, credits, outlets, titles, weekday years and ranges the past tense contradicts."""

from __future__ import annotations

import pytest
from briefing import cleaning, dating, headline, linelang, linesignals, textmeta
from briefing.pipeline import build_site
from briefing.reading import SeedText, decode_seed
from briefing.records import SeedFile

# A page of an outlet the cleaner was never tuned on, with the debris the issue lists: its URL,
# a leaked SEO prompt, an unrendered template, a breadcrumb, an ISO stamp printed three times,
# a byline, a caption ending with its source domain, an agency marker, a related-headline list
# with trailing dates and a copyright footer from another year.
PAGE = "\n".join([
    "https://www.example-actu.fr/monde/2022/09/13/armenie-azerbaidjan-nouveaux-combats-a-la-"
    "frontiere",
    "Make this article seo compatible, Leave the existing html tags as they are, add relevant"
    " keywords and write it in French:",
    "/html/head/meta[@name='og:title']/@content",
    "Accueil › Monde › Caucase",
    "Arménie-Azerbaïdjan : de nouveaux combats éclatent à la frontière",
    "2022-09-13T08:27+0200",
    "Par Sputnik",
    "des soldats arméniens près de la frontière, à l'aube [reuters.com]",
    "EREVAN (Reuters) - De violents combats ont opposé mardi les forces arméniennes et "
    "azerbaïdjanaises le long de leur frontière commune, a annoncé le ministère arménien de "
    "la Défense.",
    "Erevan accuse Bakou d'avoir bombardé plusieurs villes situées sur son territoire, dont "
    "Goris et Jermuk, pendant la nuit. Bakou affirme de son côté avoir riposté à des « "
    "provocations à grande échelle ».",
    "Un cessez-le-feu fragile",
    "Le Kremlin a rappelé que la déclaration du 9 novembre 2020 avait mis fin à la guerre de "
    "quarante-quatre jours, et a appelé les deux parties à la retenue.",
    "La Russie, alliée de l'Arménie au sein d'une alliance militaire régionale, a dit être en"
    " contact avec les deux capitales pour obtenir un arrêt des hostilités.",
    "2022-09-13T08:27+0200",
    "À lire aussi",
    "Le Kremlin appelle au calme dans le Caucase - 20 décembre 2024",
    "Nouvelles sanctions contre Moscou - 19 décembre 2024",
    "2022-09-13T08:27+0200",
    "© 2022 Example Actu. Tous droits réservés.",
]) + "\n"


def _seed(text: str) -> SeedText:
    seed = decode_seed("page", "page.txt", text.encode())
    assert isinstance(seed, SeedText)
    return seed


@pytest.fixture(scope="module")
def page() -> cleaning.Cleaned:
    return cleaning.clean(_seed(PAGE))


# 1. Language of a line ----------------------------------------------------------------------


@pytest.mark.parametrize(("line", "lang"), [
    ("We and our partners store and access information on your device, such as cookies.", "en"),
    ("Make this article seo compatible, add relevant keywords and write it in French:", "en"),
    ("Кремль заявил о готовности к переговорам", "ru"),
    ("Հայաստանի կառավարությունը հայտարարել է", "hy"),
    ("Le président a hissé le drapeau national à Khankendi.", "fr"),
    # Quoted foreign words inside a French sentence: the line is French.
    ("Le porte-parole a répondu : « We are not going to comment on this », selon l’agence.", "fr"),
    # A quotation standing alone, and a line too short to tell: undecided, never debris.
    ("« We will never give up on our people »", None),
    ("Accept all", None),
])
def test_language_of_a_line(line: str, lang: str | None) -> None:
    assert linelang.language(line) == lang


def test_foreign_line_is_debris_with_its_reason(page: cleaning.Cleaned) -> None:
    decision = next(d for d in page.decisions if d.line == 2)
    assert (decision.kind, decision.rule) == ("boilerplate", "foreign-language")
    assert decision.reason == "ligne en langue « en » dans un article en français (hors citation)"


# 2. Machine strings: URLs, e-mails, domains, files, template placeholders ------------------


@pytest.mark.parametrize(("line", "shape"), [
    ("https://www.rfi.fr/fr/afrique/20230727-niger", "adresse web"),
    ("www.example.org/page", "adresse web"),
    ("redaction@example.fr", "adresse e-mail"),
    ("kyivindependent.com", "nom de domaine"),
    ("aliyev-pashinyan-trump-1024x576.jpg", "nom de fichier"),
    ("/html/head/meta[@name='og:title']/@content", "gabarit non rendu"),
    ("{{ article.title }}", "gabarit non rendu"),
    # An address inside a sentence leaves the sentence a sentence.
    ("Le ministère a publié le texte sur son site www.mid.ru dans la soirée de mardi.", None),
])
def test_address_shapes(line: str, shape: str | None) -> None:
    assert textmeta.address_shape(line) == shape


def test_page_url_becomes_the_address(page: cleaning.Cleaned) -> None:
    assert page.url == ("https://www.example-actu.fr/monde/2022/09/13/"
                        "armenie-azerbaidjan-nouveaux-combats-a-la-frontiere")
    assert [d.rule for d in page.decisions if d.line in (1, 3)] == ["address", "address"]


# 3. Stamps ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("line", "value", "surface"), [
    ("2022-09-13T08:27+0200", "2022-09-13", "2022-09-13T08:27+0200"),
    ("2023-07-17T12:55:41+03:00", "2023-07-17", "2023-07-17T12:55:41+03:00"),
    ("11.01.2021", "2021-01-11", "11.01.2021"),
    ("Le 08/12/2024 à 7:52", "2024-12-08", "08/12/2024"),
    ("Publié le 31/01/25 à 08h15", "2025-01-31", "31/01/25"),
    ("15.10.2023 [13:20]", "2023-10-15", "15.10.2023"),
    ("samedi 30 septembre 2023,", "2023-09-30", "samedi 30 septembre 2023"),
    ("Posted by admin | août 9, 2025 | Monde", "2025-08-09", "août 9, 2025"),
    ("Publié le jeudi 21 décembre à 10h05", "XXXX-12-21", "jeudi 21 décembre"),
    ("Auteur: X | 02 décembre, 2024 à 17:48 | Lu 2145 fois", "2024-12-02", "02 décembre, 2024"),
])
def test_stamp_formats(line: str, value: str, surface: str) -> None:
    stamp = textmeta.stamps_in(line)[0]
    assert (stamp.value, stamp.text) == (value, surface)


@pytest.mark.parametrize(("line", "stamp_line"), [
    ("2022-09-13T08:27+0200", True),
    ("Publié le : 27/07/2023 - 01:52Modifié le : 27/07/2023 - 10:31", True),
    ("1er octobre 2023 10:14, par Haroutioun K.", True),
    ("Bakou, 15 octobre, AZERTAC", True),
    ("Auteur: Le Journal - Journal.sn | 23 août, 2024 à 11:05 | Lu 1523 fois | 12 Commentaires",
     True),
    ("Le gouvernement annonce un plan de relance | 12 mars 2024", False),
    ("Le gouvernement annonce un plan | Politique | 12 mars 2024 | Le pays se prépare.", False),
    ("Le 20 décembre 2024, la Russie a annoncé un accord avec la Chine.", False),
])
def test_stamp_lines(line: str, stamp_line: bool) -> None:
    assert textmeta.is_stamp_line(line) is stamp_line


def test_a_stamp_labelled_update_dates_an_update() -> None:
    published, updated = textmeta.stamps_in(
        "Publié le 14/12/2023 - 19:42 GMT+1•Mis à jour 15/12/2023 - 08:10 GMT+1")
    assert (published.value, published.label) == ("2023-12-14", "published")
    assert (updated.value, updated.label) == ("2023-12-15", "updated")


@pytest.mark.parametrize(("url", "value"), [
    ("https://www.lemonde.fr/international/article/2023/09/20/haut-karabakh_6190123_3210.html",
     "2023-09-20"),
    ("https://www.rfi.fr/fr/afrique/20230727-niger-des-militaires", "2023-07-27"),
    ("https://www.20minutes.fr/sport/4157291-20250531-psg", "2025-05-31"),
    ("https://fr.tass.com/monde/1648830", None),
])
def test_date_in_the_url_path(url: str, value: str | None) -> None:
    stamp = textmeta.url_stamp(url)
    assert (stamp.value if stamp else None) == value


def test_printed_stamp_dates_the_article_with_its_basis() -> None:
    site = build_site([SeedFile("page.txt", PAGE.encode())])
    b = site.briefings[0]
    assert (b.date, b.date_status) == ("2022-09-13", "inferred")
    assert b.date_basis == "Date imprimée sur la page (ligne 6) : « 2022-09-13T08:27+0200 »."
    assert b.source_url.startswith("https://www.example-actu.fr/monde/2022/09/13/")


@pytest.mark.parametrize("line", [
    "Par Julien Martin (avec AFP) - Le 27/10/2025 à 23:15 - Mis à jour le 28/10/2025 à 08:02",
    "Par Claire Dubois - 12/02/2025 à 19h04",
])
def test_a_signature_with_its_stamps_dates_the_article(line: str) -> None:
    page = ("https://www.exemple.fr/sport/article-123\nLe club arrache le nul au bout du temps "
            f"additionnel\n{line}\nLe club a arraché un match nul dimanche soir face au "
            "leader, au terme d'une rencontre disputée de bout en bout.\n")
    b = build_site([SeedFile("page.txt", page.encode())]).briefings[0]
    assert (b.date, b.date_status) == (textmeta.stamps_in(line)[0].value, "inferred")
    assert [d.kind for d in b.decisions if d.line == 3] == ["dateline"]


# 4. Credits, captions, runs of lines ----------------------------------------------------------


@pytest.mark.parametrize("line", [
    "Un compteur Linky. (Illustration) — Gaizka Iroz / AFP",
    "Les Brestois célèbrent leur victoire, mercredi soir. | VINCENT MOUCHEL / OUEST-FRANCE",
    "Un convoi militaire près de la ligne de contact, le 19 septembre 2023. AFP",
    "des soldats arméniens près de la frontière, à l'aube [reuters.com]",
])
def test_captions_and_credits_are_not_article_text(line: str) -> None:
    decision = linesignals.line_signal(1, line)
    assert decision is not None and decision.kind in {"credit", "caption"}


def _kinds(lines: list[str]) -> dict[int, str]:
    """Line number -> kind the cleaner gives each line of a page."""
    page = "\n".join(lines) + "\n"
    return {d.line: d.kind for d in build_site([SeedFile("p.txt", page.encode())])
            .briefings[0].decisions}


def test_captions_under_credits_and_quoted_links_are_not_article_text() -> None:
    kinds = _kinds([
        "https://www.exemple.ca/sports/hockey/2025-04-15/premier-but.php",
        "Ivan Demidov marque dès son premier match",
        "Attendu depuis des mois, l’espoir russe a inscrit un but et obtenu une passe pour ses "
        "débuts dans la grande ligue.",
        "PHOTO MARC-OLIVIER GIRARD, LA PRESSE",
        "Ivan Demidov célèbre son premier but dans la LNH, mardi.",
        "Il aura fallu moins d’une période. Le jeune attaquant, arrivé en ville vendredi, a "
        "trompé le gardien adverse en avantage numérique, sous les ovations de la foule.",
        "Lisez « Séries éliminatoires : le Canadien maître de son destin »",
        "L’entraîneur a refusé de s’emballer après la rencontre, rappelant que la saison "
        "régulière touchait à sa fin et que rien n’était acquis.",
        "Le cinéaste sur la scène du Palais des festivals, samedi soir. (Photo Sophie Ravel)",
    ])
    assert (kinds[4], kinds[5], kinds[7], kinds[9]) == ("credit", "caption", "teaser", "credit")
    assert kinds[6] == kinds[8] == "body"


def test_a_standfirst_that_lost_its_stop_and_a_dated_last_paragraph_are_article_text() -> None:
    kinds = _kinds([
        "https://www.exemple.fr/entreprise/doliprane-vente",
        "Doliprane : Sanofi cède le contrôle d'Opella, l'État entre au capital",
        "Le laboratoire négocie en exclusivité la vente de la moitié de sa filiale au fonds "
        "américain. Bpifrance prendra une part minoritaire et Bercy promet des garanties",
        "Par Nathalie Vercors",
        "Le 21.10.2024 à 10h02",
        "Après une semaine de polémique, l'accord a été officialisé lundi matin par le groupe, "
        "qui cède le contrôle de sa filiale de santé grand public.",
        "Au sud de Lyon, les riverains des usines attendent toujours les résultats des analyses "
        "promises. Le président de la Métropole a annoncé qu’il réunirait les maires mardi 4 mars.",
        "Cet article est réservé aux abonnés",
    ])
    assert (kinds[3], kinds[7]) == ("standfirst", "body")


def test_a_headline_loses_the_site_name_glued_after_it() -> None:
    page = "\n".join([
        "Le président sud-coréen destitué par la Cour constitutionnelle - Le Journal de Séoul",
        "La Cour constitutionnelle a confirmé vendredi la destitution du président, quatre mois "
        "après sa brève proclamation de la loi martiale.",
        "© Le Journal de Séoul",
    ]) + "\n"
    b = build_site([SeedFile("p.txt", page.encode())]).briefings[0]
    assert b.title == "Le président sud-coréen destitué par la Cour constitutionnelle"
    kept = "Inondations : la Vilaine déborde - les habitants évacués"  # not a site's name
    assert build_site([SeedFile("q.txt", page.replace(page.split("\n")[0], kept).encode())]) \
        .briefings[0].title == kept


def test_an_outlets_name_beside_a_stamp_is_a_signature() -> None:
    decision = linesignals.line_signal(5, "Le Dauphiné Libéré - 14 mai 2024 à 07:55")
    assert decision is not None and decision.kind == "dateline"
    sentence = linesignals.line_signal(5, "Le président est mort le 14 mai 2024 à Paris.")
    assert sentence is None or sentence.kind != "dateline"


def test_an_intertitle_after_a_photo_inside_the_article_is_article_text() -> None:
    p1 = ("La veille, un premier décret avait mis fin aux fonctions du Premier ministre, au "
          "terme de plusieurs semaines de rumeurs sur un remaniement.")
    p2 = ("Journaliste de formation, le nouveau chef du gouvernement était devenu l'une des voix "
          "les plus écoutées du régime depuis son arrivée au ministère.")
    kinds = _kinds(["https://www.exemple.bf/politique/premier-ministre",
                    "Burkina : un nouveau Premier ministre nommé", p1,
                    "Le nouveau Premier ministre, lors de sa nomination. (Ph. DR)",
                    "Un visage familier des Burkinabè", p2, p1.replace("La veille", "Lundi")])
    assert (kinds[4], kinds[5], kinds[6]) == ("credit", "body", "body")


def test_a_site_asking_for_money_is_not_article_text() -> None:
    line = ("Cet article est en accès libre, comme tous nos articles. Le site est un média "
            "indépendant, financé à 98 % par les dons de ses lecteurs.")
    decision = linesignals.pattern_decision(1, line)
    assert decision is not None and decision.rule == "site-pitch"
    assert linesignals.pattern_decision(1, "Le parti est financé par les dons de ses "
                                           "militants, selon son trésorier.") is None


def test_a_links_box_inside_the_article_ends_where_the_text_resumes() -> None:
    prose = ("Karim B. n'en était pas à son coup d'essai : il avait déjà été condamné il y a "
             "dix ans pour des faits semblables, commis dans la même commune du littoral.")
    kinds = _kinds([
        "https://www.exemple.fr/beziers/justice/proces-cambriolages",
        "Béziers : quatre ans de prison pour le cerveau des cambriolages",
        "Publié le 17/04/2024 à 06:30",
        prose,
        "À lire aussi",
        "Agde : une villa cambriolée en plein jour, le propriétaire dans le jardin",
        "Publié le 12/03/2024 à 11:02",
        "Le tribunal a finalement prononcé quatre ans de prison ferme contre Karim B., avec "
        "maintien en détention, et deux ans dont un avec sursis contre son cousin, qui "
        "conduisait la voiture le soir des faits.",
        "Vos commentaires",
        "Connectez-vous pour réagir",
        "Montagnard73 - 18/04/2024 à 08:14",
        "Votre adresse email ne sera pas publiée. Vos données sont recueillies pour modérer.",
    ])
    assert kinds[8] == "body" and kinds[7] == "teaser"
    assert all(kinds[n] not in {"body", "standfirst"} for n in (9, 10, 11, 12))


def test_caption_with_a_parenthesised_credit_is_not_article_text() -> None:
    text = "\n".join([
        "Tempête : des milliers de foyers privés de courant dans le Finistère",
        "Une route barrée par un arbre tombé près du port, jeudi matin. (©Actu Quimper)",
        "Les rafales ont dépassé les 140 km/h sur la côte dans la nuit de mercredi à jeudi, et "
        "des milliers de foyers restaient privés d'électricité vendredi dans le département.",
        "Les services de la ville ont dégagé les principaux axes dans la matinée, mais plusieurs "
        "parcs resteront fermés jusqu'à la fin de la semaine, a indiqué la mairie.",
    ])
    cleaned = cleaning.clean(_seed(text))
    credit = next(d for d in cleaned.decisions if d.line == 2)
    assert (credit.kind, credit.rule) == ("credit", "photo-credit")
    assert [p.line for p in cleaned.paragraphs] == [3, 4]


@pytest.mark.parametrize(("line", "widget"), [
    ("Cet article vous a été utile ? Sachez que vous pouvez suivre Le Journal de Brest dans "
     "l'espace Mon Actu. En un clic, après inscription, vous retrouverez vos villes favorites.",
     True),
    ("Les dépêches publiées sur ce site ne sont qu'une partie de celles transmises aux abonnés. "
     "Merci de nous contacter pour vous abonner.", True),
    # News prose: following, contacting, subscribers, without speaking to the reader.
    ("Contacté par l'AFP, le ministère n'a pas souhaité réagir ; les syndicats appellent à "
     "suivre le mouvement et revendiquent des milliers d'abonnés sur les réseaux.", False),
    # The reader addressed inside a quotation is the speaker's, not the site's.
    ("« Abonnez-vous à nos alertes et suivez nos consignes si vous habitez la zone », a "
     "demandé le préfet lors de la conférence de presse de mardi soir.", False),
])
def test_a_paragraph_inviting_the_reader_is_a_widget(line: str, widget: bool) -> None:
    assert linesignals.addresses_reader(line) is widget
    assert (linesignals.judge_prose(1, line).rule == "reader-call") is widget


def test_runs_of_lines(page: cleaning.Cleaned) -> None:
    rules = {d.line: d.rule for d in page.decisions}
    # The intertitle between two paragraphs is article text; the headlines after « À lire
    # aussi », each with its date, and the footer are not.
    assert rules[11] == "subheading"
    assert [rules[n] for n in (15, 16, 17)] == ["teaser-head", "dated-headline", "dated-headline"]
    assert rules[19] == "copyright"
    assert [p.line for p in page.paragraphs] == [9, 10, 11, 12, 13]


def test_dated_related_headline_without_links_heading() -> None:
    decision = linesignals.line_signal(
        1, "Le Kremlin appelle au calme dans le Caucase - 20 décembre 2024")
    assert decision is not None
    assert (decision.kind, decision.rule) == ("teaser", "dated-headline")


def test_comments_after_the_article_are_not_article_text() -> None:
    text = (
        "Le flot de réfugiés venus du Haut-Karabagh s’est presque tari samedi, selon les autorités"
        " arméniennes qui ont recensé plus de cent mille arrivées en une semaine.\n"
        "A Goris, les bénévoles ne savent plus où loger les familles, et beaucoup ont passé plus"
        " de trente heures sur la route de l’exil avant d’arriver en Arménie.\n"
        "par Ani Papazian\nsamedi 30 septembre 2023,\nMessages\n"
        "1er octobre 2023 10:14, par Haroutioun K.\nHonte à l’Europe qui regarde ailleurs.\n")
    cleaned = cleaning.clean(_seed(text))
    assert [p.line for p in cleaned.paragraphs] == [1, 2]
    assert next(d.rule for d in cleaned.decisions if d.line == 7) == "after-article"
    assert [s.value for s in cleaned.stamps] == ["2023-09-30"]


# 5. Outlets -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("lines", "url", "outlet", "relation"), [
    (["Sputnik"], None, "Sputnik", "publisher"),
    (["Par Euronews avec AFP"], None, "Euronews", "publisher"),
    (["Texte par :RFI"], None, "RFI", "publisher"),
    (["KIEV (Reuters) - La Russie a lancé une nouvelle vague de frappes sur les villes du pays"],
     None, "Reuters", "agency"),
    (["MOSCOU, 17 juillet. /TASS/. La Russie ne prolongera pas l’accord sur les céréales."],
     None, "TASS", "agency"),
    (["Source: (EUROPA PRESS)"], None, "Europa Press", "source"),
    (["Rien ici"], "https://fr.euronews.com/my-europe/2023/12/14/x", "Euronews", "publisher"),
    # An aggregator's domain never names the outlet; the agency marker in its copy does.
    (["(Reuters) - Des frappes russes ont visé le réseau électrique ukrainien le jour de Noël."],
     "https://www.msn.com/fr-fr/actualite/monde/x", "Reuters", "agency"),
    # An unknown site is named by its own domain.
    (["Rien ici"], "https://actu-info-direct.fr/2025/08/09/x/", "actu-info-direct.fr",
     "publisher"),
    # … or by its own name printed at the top, over a wire's marker in the copy it publishes;
    # an aggregator's own name never is the outlet.
    (["Le Matin", "Marrakech (MAP) – Un an après le séisme, la reconstruction avance."],
     "https://lematin.ma/nation/seisme/245310", "Le Matin", "publisher"),
    (["msn", "(Reuters) - Des frappes russes ont visé le réseau électrique ukrainien."],
     "https://www.msn.com/fr-fr/actualite/monde/x", "Reuters", "agency"),
    # The newsroom signs, known or not; « Publié par X le … » names X.
    (["La rédaction de Ouest-France"], None, "Ouest-France", "publisher"),
    (["Rédaction Africanews"], None, "Africanews", "publisher"),
    (["Publié par Le Point le 12/03/2024"], None, "Le Point", "publisher"),
    # A wire's marker after a dated dateline; a title and its owner in the footer.
    (["Abidjan, 17 oct 2023 (AIP) – Le nouveau Premier ministre a été nommé."], None,
     "Agence ivoirienne de presse", "agency"),
    (["L'Usine Nouvelle, une marque d'Infopro Digital"], None, "L'Usine Nouvelle",
     "publisher"),
])
def test_outlet_named_by_the_text(lines: list[str], url: str | None, outlet: str,
                                  relation: str) -> None:
    found = textmeta.outlet_evidence(lines, url, textmeta.known_names(), {1})
    assert (found[0].outlet, found[0].relation) == (outlet, relation)


def test_outlet_notes_aliases_name_outlets() -> None:
    names = textmeta.known_names([("Agence imaginaire", ("AgImag",))])
    found = textmeta.outlet_evidence(["Par AgImag"], None, names, {1})
    assert found[0].outlet == "Agence imaginaire"


def test_the_page_names_its_outlet_in_the_briefing() -> None:
    b = build_site([SeedFile("page.txt", PAGE.encode())]).briefings[0]
    assert (b.source, b.source_status) == ("Reuters", "hint")
    assert b.source_basis == "indice tiré du texte : marqueur d’agence « EREVAN (Reuters) - »"


# 6. Titles ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "reason"), [
    ("https://www.20minutes.fr/economie/4135502-electricite", "adresse web"),
    ("2022-09-13T08:27+0200", "horodatage"),
    ("© REUTERS/Stringer", "crédit photo"),
    ("des soldats près de la frontière [reuters.com]", "légende de photo"),
    ("Accueil › Monde › Caucase", "menu ou fil d’Ariane"),
    ("Make this article seo compatible, write it in French", "ligne en anglais"),
    ("kyivindependent.com", "adresse web"),
])
def test_never_a_title(text: str, reason: str) -> None:
    assert headline.never_title(text) == reason


def test_title_chosen_not_stumbled_on(page: cleaning.Cleaned) -> None:
    assert page.title == "Arménie-Azerbaïdjan : de nouveaux combats éclatent à la frontière"
    assert page.title_is_generated is False


def test_url_slug_picks_the_headline_over_a_kicker() -> None:
    slug = frozenset(textmeta.url_words("https://x.fr/a/l-armee-fait-irruption-a-koursk_2218"))
    best = headline.choose([headline.Candidate("Guerre en Ukraine", "ligne 7", slug=slug),
                            headline.Candidate("L’armée ukrainienne fait irruption à Koursk",
                                               "ligne 8", slug=slug)])
    assert best is not None and best.source == "ligne 8"


def test_without_a_good_candidate_the_title_is_written_from_the_lede() -> None:
    text = ("https://www.letemps.ch/suisse/negociations-terminees\nLe Temps\nSuisse › Europe\n"
            "Ursula von der Leyen s’est rendue à Berne vendredi pour sceller avec le Conseil "
            "fédéral la conclusion des négociations entre la Suisse et l’Union européenne.\n")
    cleaned = cleaning.clean(_seed(text), outlet_names=[("Le Temps", ())])
    assert cleaned.title_is_generated is True
    assert cleaned.title.startswith("Ursula von der Leyen s’est rendue à Berne")


# 7. Dates: weekday year, past tense, debris ------------------------------------------------


def test_weekday_fixes_the_year_of_a_printed_day_and_month() -> None:
    stamp = textmeta.stamps_in("Publié le jeudi 21 décembre à 10h05", 4)[0]
    pub = dating.from_stamps([stamp], ["Le Parlement avait adopté en mars 2023 un budget."])
    assert pub is not None and pub.value == "2023-12-21"
    assert pub.basis == ("Date imprimée sans année : « jeudi 21 décembre » ; seule l'année 2023, "
                         "parmi celles qui suivent de près les faits racontés au passé, fait "
                         "tomber ce jour un jeudi.")


def test_weekday_year_undecided_without_years_in_the_text() -> None:
    stamp = textmeta.stamps_in("jeudi 21 décembre", 1)[0]
    assert dating.from_stamps([stamp], ["Le Parlement a adopté le budget."]) is None


def test_weekday_year_never_before_the_facts_told_in_the_past() -> None:
    # 2017 is a Thursday 21 December too, but the text tells 2019 in the past.
    stamp = textmeta.stamps_in("jeudi 21 décembre", 1)[0]
    assert dating.from_stamps([stamp], ["Le traité avait été signé en mars 2019."]) is None


def test_a_range_is_never_contradicted_by_the_past_tense() -> None:
    paragraphs = ["Le Kremlin a rappelé la déclaration du 9 novembre 2020, qui devait mettre fin "
                  "à la guerre."]
    pub = dating.infer_publication_date(paragraphs)
    assert pub.not_after is None
    assert pub.range_label != "avant le 9 novembre 2020"


def test_dates_in_debris_never_reach_the_chronology() -> None:
    site = build_site([SeedFile("page.txt", PAGE.encode())])
    dates = {e.date for e in site.chronology}
    assert dates == {"2020-11-09", "2022-09-13"}  # not 2024-12-19/20 (links) nor 2022 (©)


def test_relative_timestamp_is_never_a_title() -> None:
    assert textmeta.is_stamp_line("Il y a 3 heures")
    assert headline.never_title("Il y a 3 heures") == "horodatage"


def test_agency_after_avec_is_not_the_publisher() -> None:
    found = textmeta.outlet_evidence(["Par Camille Roux avec AFP"], None,
                                     textmeta.known_names(), {1})
    assert found == []


def test_title_found_without_the_page_url() -> None:
    lines = PAGE.split("\n")[1:]
    cleaned = cleaning.clean(_seed("\n".join(lines)))
    assert cleaned.url is None
    assert cleaned.title == "Arménie-Azerbaïdjan : de nouveaux combats éclatent à la frontière"


def test_wire_dateline_in_the_lede_dates_the_article() -> None:
    text = ("PARIS, 12 mars 2024 (AFP) - Le gouvernement a présenté mardi un projet de loi sur "
            "l’énergie, qui doit être examiné au Parlement avant l’été, a annoncé le ministre.\n"
            "Le texte prévoit une baisse des taxes sur l’électricité pour les ménages modestes, "
            "selon le dossier de presse remis aux journalistes.\n")
    cleaned = cleaning.clean(_seed(text))
    assert [(s.value, s.text, s.line) for s in cleaned.stamps] == [("2024-03-12", "12 mars 2024",
                                                                    1)]


def test_an_update_stamp_comes_after_the_url_date() -> None:
    text = ("https://www.example.fr/politique/2024/03/11/projet-de-loi-energie\n"
            "Mis à jour le 14/03/2024 à 10h00\n"
            "Le gouvernement a présenté lundi un projet de loi sur l’énergie, qui doit être "
            "examiné au Parlement avant l’été, a annoncé le ministre.\n")
    cleaned = cleaning.clean(_seed(text))
    assert [s.value for s in cleaned.stamps] == ["2024-03-11", "2024-03-14"]


def test_a_caption_beside_its_credit_loses_to_the_headline() -> None:
    text = "\n".join([
        "https://fr.sputniknews.africa/20231115/le-kremlin-commente-les-declarations-de-pachinian-"
        "1063456789.html",
        "Sputnik Afrique",
        "Международная жизнь",
        "Le Kremlin commente les déclarations de Pachinian sur l’OTSC",
        "© Sputnik . Sergueï Gunéev",
        "Dmitri Peskov, porte-parole du Kremlin",
        "S'abonner",
        "15.11.2023",
        "Le Kremlin a pris note des déclarations du Premier ministre arménien sur une possible "
        "sortie de l’alliance, a déclaré mercredi Dmitri Peskov, porte-parole de la présidence.",
        "Ранее в Кремле заявили, что Армения остается союзником России.",
    ]) + "\n"
    cleaned = cleaning.clean(_seed(text))
    assert cleaned.title == "Le Kremlin commente les déclarations de Pachinian sur l’OTSC"
    assert [p.line for p in cleaned.paragraphs] == [9]
    assert cleaned.outlet is not None and cleaned.outlet.outlet == "Sputnik"


@pytest.mark.parametrize(("line", "rule"), [
    ("Paris", None),  # a place, not « par … »
    ("Par Jean Dupont", "byline-shape"),
    ("Article rédigé par franceinfo avec AFP", "byline-shape"),
    ("Temps de lecture : 2 min", "reading-time"),
    ("Le candidat à Dakar, le 24 mars 2024. (JOHN WESSELS / AFP)", "credit-tail"),
    ("Dans la même rubrique", None),  # a links heading: a pattern, before line signals
    ("Accueil » Monde » Afrique", "breadcrumb"),
    ("Le duo « Martin-Durand » aux commandes", None),  # a quotation closes with », no path
    ("* Traduit de l'anglais par Marie Lenoir", "byline-translation"),
    ("Traduction : Paul Marchand", "byline-translation"),
    # A sentence about a translation is article text.
    ("Le roman, traduit en vingt langues, a été adapté au cinéma par un réalisateur danois.", None),
])
def test_line_shapes(line: str, rule: str | None) -> None:
    decision = linesignals.line_signal(1, line)
    assert (decision.rule if decision else None) == rule


def test_box_between_standfirst_and_text_is_not_article_text() -> None:
    text = "\n".join([
        "Immobilier : les prix repartent à la hausse dans la capitale",
        "Après deux années de baisse, le prix moyen du mètre carré a progressé de 1,5 % au "
        "troisième trimestre, selon les notaires.",
        "Par Jean Dupont",
        "Le 12 octobre 2024 à 10h05, modifié le 12 octobre 2024 à 12h05",
        "L'essentiel du jour : notre sélection exclusive",
        "Les notaires du Grand Paris ont publié jeudi leurs derniers chiffres, qui confirment une "
        "stabilisation du marché dans la capitale.",
        "Le prix moyen atteint désormais 9 500 euros le mètre carré, contre 9 360 euros trois "
        "mois plus tôt, selon la chambre.",
    ]) + "\n"
    cleaned = cleaning.clean(_seed(text))
    assert [p.line for p in cleaned.paragraphs] == [2, 6, 7]
    assert next(d.rule for d in cleaned.decisions if d.line == 5) == "header"


def test_agency_name_before_a_dash_names_the_agency() -> None:
    found = textmeta.outlet_evidence(
        ["AFP - Le président a annoncé mardi un remaniement du gouvernement après les élections."],
        None, textmeta.known_names(), set())
    assert (found[0].outlet, found[0].relation) == ("AFP", "agency")


def test_a_stamp_under_the_headline_wins_over_one_above_it() -> None:
    text = "\n".join([
        "Dernières infos",
        "10/03/2024",
        "Kiev frappé par une vague de drones russes dans la nuit",
        "Publié le 12/03/2024 à 07:05",
        "Kiev a été la cible dans la nuit de lundi à mardi d’une attaque combinée de drones et de "
        "missiles, ont annoncé les autorités militaires.",
        "Selon le maire, au moins quatre personnes ont été blessées et des incendies se sont "
        "déclarés dans deux arrondissements de la capitale.",
    ]) + "\n"
    cleaned = cleaning.clean(_seed(text))
    assert cleaned.title_is_generated is False and cleaned.title.startswith("Kiev frappé")
    assert [s.value for s in cleaned.stamps] == ["2024-03-12", "2024-03-10"]


def test_long_comments_in_a_dated_thread_are_not_article_text() -> None:
    text = "\n".join([
        "Inondations : la Vilaine sort de son lit à Rennes",
        "Publié le 28/01/2025 à 07h45",
        "Le niveau de la Vilaine a dépassé lundi soir le seuil d’alerte à Rennes, où plusieurs "
        "quartiers ont été évacués par précaution, a indiqué la préfecture.",
        "Les pompiers sont intervenus à plus de deux cents reprises dans la nuit, selon le service "
        "départemental d’incendie et de secours.",
        "Commentaires (3)",
        "Breizh35 · 29/01/2025 à 08h12",
        "Cela fait des années que les riverains demandent des travaux sur les berges et personne "
        "ne les écoute, voilà le résultat aujourd’hui.",
        "Marie R. · 29/01/2025 à 09h40",
        "Courage aux habitants du quartier Saint-Cyprien, on pense bien à vous et à vos familles "
        "dans ces moments difficiles.",
    ]) + "\n"
    cleaned = cleaning.clean(_seed(text))
    assert [p.line for p in cleaned.paragraphs] == [3, 4]
    assert [d.rule for d in cleaned.decisions if d.line in (7, 9)] == ["comment-thread"] * 2
    assert [s.value for s in cleaned.stamps] == ["2025-01-28"]  # never a comment's date


def test_the_url_slug_prefers_the_headline_to_the_kicker_above_it() -> None:
    text = "\n".join([
        # The slug, as often, is the headline cut short.
        "https://www.example-regions.fr/bretagne/quimper/tempete-en-bretagne-le-port-ferme-"
        "1234567.php",
        "Bretagne > Quimper",
        "Tempête en Bretagne",
        "Tempête en Bretagne : le port fermé, des centaines de bateaux à quai",
        "Les rafales ont contraint la capitainerie à fermer le port mardi soir, une première "
        "depuis plusieurs années selon les pêcheurs.",
        "Publié le 14.02.2023 à 07h10",
        "Les chalutiers sont restés à quai toute la journée de mercredi, et les criées de la "
        "côte ont annulé leurs ventes faute de poisson débarqué.",
        "La préfecture maritime a maintenu l'alerte jusqu'à jeudi matin et appelle les "
        "plaisanciers à ne pas prendre la mer avant la fin de l'épisode.",
    ]) + "\n"
    cleaned = cleaning.clean(_seed(text))
    assert cleaned.title == "Tempête en Bretagne : le port fermé, des centaines de bateaux à quai"


# A municipal article: its headline, stamp and first two paragraphs, then (after a links box
# in the tests below) its last two paragraphs.
COUNCIL_OPENING = [
    "Le conseil municipal adopte son budget après une longue séance",
    "Publié le 03/02/2025 à 18h00",
    "Les élus ont voté le budget primitif lundi soir, après plus de cinq heures de débats "
    "et une série d'amendements déposés par l'opposition.",
    "La majorité a défendu une hausse modérée des investissements, financée par la vente "
    "de deux terrains communaux et sans emprunt nouveau.",
]
COUNCIL_CLOSING = [
    "Les deux groupes d'opposition n'ont pas voté de la même manière : l'un s'est abstenu, "
    "l'autre a voté contre en dénonçant des choix sans concertation.",
    "Le maire a promis une réunion publique au printemps pour présenter les grands "
    "projets de la fin du mandat aux habitants des quartiers.",
]


def test_a_links_box_with_dates_inside_the_article_keeps_the_subheading_after_it() -> None:
    text = "\n".join([
        *COUNCIL_OPENING,
        "Sur le même sujet",
        "Budget : l'opposition dénonce une hausse des tarifs de la cantine",
        "28 janv. 2025 à 19:05",
        "Une opposition divisée",
        *COUNCIL_CLOSING,
    ]) + "\n"
    cleaned = cleaning.clean(_seed(text))
    rules = {d.line: d.rule for d in cleaned.decisions}
    assert rules[7] == "teaser-date"
    assert rules[8] == "subheading"
    assert [p.line for p in cleaned.paragraphs] == [3, 4, 8, 9, 10]
    assert [p.role for p in cleaned.paragraphs] == [
        "standfirst", "body", "subheading", "body", "body"]
    assert [s.value for s in cleaned.stamps] == ["2025-02-03"]


@pytest.mark.parametrize(("holder", "agency"), [
    ("BELGA PHOTO PIETER DE VOS", "Belga"),  # the agency's name, then its photographer
    ("AFP PHOTO", "AFP"),
    ("REUTERS", "Reuters"),
    ("Actu Quimper", "Actu Quimper"),  # an unknown holder is named as printed
])
def test_a_photo_credit_hints_at_the_agency_it_names(holder: str, agency: str) -> None:
    text = "\n".join([
        "Le gouvernement fédéral prête serment devant le roi",
        f"Le Premier ministre lors de sa prestation de serment. © {holder}",
        "Près de huit mois après les élections, le pays a un nouvel exécutif, qui a prêté "
        "serment lundi au palais royal devant le souverain.",
        "L'accord avait été bouclé dans la nuit de jeudi à vendredi, au terme d'une ultime "
        "séance de négociations entre les cinq partis de la coalition.",
    ]) + "\n"
    cleaned = cleaning.clean(_seed(text))
    assert [(h.outlet, h.relation) for h in cleaned.hints] == [(agency, "photo-credit")]


def test_the_headline_right_after_a_links_heading_stays_a_link() -> None:
    """« Lire aussi » then one linked headline inside the article: the headline is a link,
    not an intertitle, though article prose follows it."""
    text = "\n".join([
        *COUNCIL_OPENING,
        "Lire aussi",
        "Cantine scolaire : les tarifs augmentent à la rentrée",
        *COUNCIL_CLOSING,
    ]) + "\n"
    cleaned = cleaning.clean(_seed(text))
    assert next(d.kind for d in cleaned.decisions if d.line == 6) == "teaser"
    assert [p.line for p in cleaned.paragraphs] == [3, 4, 7, 8]


def test_a_stamp_line_followed_by_its_source_dates_the_article() -> None:
    decision = linesignals.line_signal(11, "Publié le mardi 17 octobre 2023 | AIP")
    assert decision is not None and decision.kind == "dateline"


def test_a_note_on_the_signer_under_the_text_is_not_article_text() -> None:
    prose = ("Le service public postal n'est pas un coût mais une présence, et chaque fermeture "
             "éloigne un peu plus les campagnes des services de l'État.")
    kinds = _kinds(["https://www.exemple.fr/tribune/bureaux-de-poste",
                    "Nos bureaux de poste ne sont pas un coût", "Par Hélène Marty",
                    "Publié le 14.02.2025", prose, prose.replace("chaque", "toute"),
                    "Hélène Marty est conseillère départementale du Cher et membre d'un réseau "
                    "d'élus ruraux.",
                    "Les tribunes publiées n'engagent que leurs auteurs."])
    assert kinds[5] in {"standfirst", "body"} and kinds[6] == "body"
    assert (kinds[7], kinds[8]) == ("byline", "boilerplate")


@pytest.mark.parametrize("line", ["Lecture en 5 min.", "Temps de lecture : 3 minutes",
                                  "Lecture : 4 min"])
def test_reading_times_are_not_article_text(line: str) -> None:
    decision = linesignals.line_signal(1, line) or linesignals.pattern_decision(1, line)
    assert decision is not None and decision.rule == "reading-time"


@pytest.mark.parametrize(("line", "rule"), [
    ("Photo: Jacinthe Ouellet Le Devoir Le chef libéral a prononcé son discours à Montréal.",
     "credit-caption"),
    ("Lisez aussi", "teaser-head"),
    ("Lire sur le sujet", "teaser-head"),
    ("Les commentaires sont fermés sur cet article.", "comments-form"),
    ("Cet article vous a-t-il été utile ?", "reader-poll"),
    ("Ce texte fait partie de notre couverture spéciale Élections fédérales 2025.", "site-pitch"),
])
def test_furniture_wordings_of_more_templates(line: str, rule: str) -> None:
    decision = linesignals.pattern_decision(1, line)
    assert decision is not None and decision.rule == rule
