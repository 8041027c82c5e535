"""Fact-checking: the verdict scale, authors' notes and outlets, quoted figures and disputes."""

from __future__ import annotations

import re

import pytest
from briefing import factcheck as F
from briefing.generator import read_markdown
from briefing.pipeline import ContentFile, SeedFile, build_site, parse_source_notes
from briefing.verdicts import VERDICTS

from tests.conftest import ROOT, load_gold

GOLD = load_gold("factcheck.json")
SEED_IDS = {p.stem for p in (ROOT / "seeds").glob("*.txt")}
ACTOR_IDS = {p.stem for p in (ROOT / "content" / "actors").glob("*.md")}
S001, S004 = "001_ce33e93aea62c78b", "004_a1c3856fd1dc1f34"


def load(folder: str) -> list[ContentFile]:
    """Authors' files of one content folder, read as the generator reads them."""
    return [read_markdown(f"content/{folder}/{p.name}", p.read_text(encoding="utf-8"), {})
            for p in sorted((ROOT / "content" / folder).glob("*.md"))]


def note_file(text: str, name: str = "bad.md") -> ContentFile:
    """A note written inline, parsed like a real one."""
    return read_markdown(f"content/notes/{name}", text, {})


@pytest.fixture(scope="module")
def site():
    """The real seeds and content through the orchestrator (no NER model: fast)."""
    seeds = [SeedFile(p.name, p.read_bytes()) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    content = {folder: load(folder) for folder in ("sources", "actors", "notes", "outlets")}
    return build_site(seeds, content)


@pytest.fixture(scope="module")
def event_dates(site) -> dict[str, str]:
    """Chronology entry id -> ISO date, as the orchestrator hands them to parse_notes."""
    return {entry.id: entry.date for entry in site.chronology}


GOOD = """Title: Un exemple
Date: 2026-11-20
Briefing: 004_a1c3856fd1dc1f34
Actors: armenie
Claim: Le groupe a été créé en 1992.
Claimant: Un porte-parole
Verdict: Vrai
Sources: [Résolution 822](https://example.org/822) ; Un livre, 2003

Le corps de la note.
"""


# 1. The scale --------------------------------------------------------------------------------


def test_scale_is_fixed_ordered_and_unique() -> None:
    assert [v.rating for v in VERDICTS] == list(range(1, len(VERDICTS) + 1))
    assert len({v.key for v in VERDICTS}) == len({v.label for v in VERDICTS}) == len(VERDICTS)
    assert all(v.description.endswith(".") for v in VERDICTS)


def test_every_verdict_is_documented_on_the_methodology_page() -> None:
    page = (ROOT / "content" / "pages" / "methodologie.md").read_text(encoding="utf-8")
    for v in VERDICTS:
        assert re.search(rf"\| {v.rating} \| \*\*{re.escape(v.label)}\*\* \|", page), v.label
        assert v.description in page, v.key


@pytest.mark.parametrize(("written", "key"), [
    ("Plutôt vrai", "plutot-vrai"), ("plutot-vrai", "plutot-vrai"), ("PLUTÔT FAUX", "plutot-faux"),
    ("manque de contexte", "manque-de-contexte"), ("Faux", "faux"), ("Archi-faux", None),
    ("vrai ou faux", None),
])
def test_verdicts_are_found_by_key_or_label(written: str, key: str | None) -> None:
    found = F.find_verdict(written)
    assert (found.key if found else None) == key


# 2. The real notes ---------------------------------------------------------------------------


def test_real_notes_parse_without_problems_and_attach_to_the_right_pages(event_dates) -> None:
    notes, problems = F.parse_notes(load("notes"), SEED_IDS, ACTOR_IDS, event_dates)
    assert [str(p) for p in problems] == []
    assert len(notes) >= 3
    by_slug = {n.slug: n for n in notes}
    assert set(by_slug) == set(GOLD["notes"])
    for slug, want in GOLD["notes"].items():
        note = by_slug[slug]
        assert note.verdict.key == want["verdict"], slug
        assert list(note.briefings) == want["briefings"], slug
        assert note.claimant == want["claimant"], slug
        assert sorted({event_dates[e] for e in note.events}) == want["event_dates"], slug
        assert note.date == "2026-11-22" and note.sources and note.body_html, slug
        assert all(a in ACTOR_IDS for a in note.actors)


def test_each_real_claim_is_quoted_from_its_first_briefing(site) -> None:
    """The claim is the source's own words ([…] standing for words lost in scraping)."""
    notes, _ = F.parse_notes(load("notes"), SEED_IDS, ACTOR_IDS,
                             {e.id: e.date for e in site.chronology})
    text = {b.id: " ".join(p.text for p in b.paragraphs) for b in site.briefings}
    for note in notes:
        for piece in re.split(r"\s*\[…\]\s*", note.claim):
            assert piece.rstrip(".") in text[note.briefings[0]], (note.slug, piece)


def test_notes_for_selects_the_pages_a_note_concerns(event_dates) -> None:
    notes, _ = F.parse_notes(load("notes"), SEED_IDS, ACTOR_IDS, event_dates)
    on_001 = {n.slug for n in F.notes_for(notes, briefing=S001)}
    assert on_001 == {"conflit-une-decennie", "controle-armenien-1991-ou-1994"}
    assert {n.slug for n in F.notes_for(notes, actor="vladimir-poutine")} == {
        "conflit-une-decennie"}
    year_1991 = next(e for e, d in event_dates.items() if d == "1991")
    assert [n.slug for n in F.notes_for(notes, event=year_1991)] == [
        "controle-armenien-1991-ou-1994"]


def test_the_site_carries_the_notes_and_the_disputed_conflict_age(site) -> None:
    assert {n.slug for n in site.notes} == set(GOLD["notes"])
    assert not [p for p in site.problems if p.path.startswith("content/")]


# 3. Author errors ----------------------------------------------------------------------------


BAD_CASES = [
    ("Briefing: 004_a1c3856fd1dc1f34", "Briefing: 004",
     "content/notes/bad.md:3: champ « briefing »: briefing inconnu « 004 » "
     "(voulez-vous dire 004_a1c3856fd1dc1f34 ?) : note ignorée"),
    ("Actors: armenie", "Actors: armenie, atlantide",
     "content/notes/bad.md:4: champ « actors »: acteur inconnu « atlantide » : note ignorée"),
    ("Verdict: Vrai", "Verdict: Archi-faux",
     "content/notes/bad.md:7: champ « verdict »: verdict « Archi-faux » hors de l’échelle "
     "(attendu : Faux, Plutôt faux, Trompeur, Manque de contexte, Plutôt vrai, Vrai) : "
     "note ignorée"),
    ("Verdict: Vrai\n", "",
     "content/notes/bad.md: champ « verdict »: verdict manquant : note ignorée"),
    ("Claim: Le groupe a été créé en 1992.\n", "",
     "content/notes/bad.md: champ « claim »: affirmation vérifiée manquante (champ Claim) : "
     "note ignorée"),
    ("Briefing: 004_a1c3856fd1dc1f34", "Event: 1066",
     "content/notes/bad.md:3: champ « event »: aucun événement daté du 1066 : note ignorée"),
    ("Briefing: 004_a1c3856fd1dc1f34", "Event: bataille-imaginaire",
     "content/notes/bad.md:3: champ « event »: événement inconnu « bataille-imaginaire » : "
     "note ignorée"),
    ("Briefing: 004_a1c3856fd1dc1f34\nActors: armenie\n", "",
     "content/notes/bad.md: champ « briefing »: la note ne concerne aucune page "
     "(Briefing, Actors ou Event manquant) : note ignorée"),
]


@pytest.mark.parametrize(("old", "new", "message"), BAD_CASES)
def test_a_bad_note_is_named_with_file_line_and_field(old: str, new: str, message: str) -> None:
    assert old in GOOD
    bad = note_file(GOOD.replace(old, new))
    good = note_file(GOOD, "good.md")
    notes, problems = F.parse_notes([bad, good], SEED_IDS, ACTOR_IDS, {"e-1994": "1994"})
    assert [str(p) for p in problems] == [message]
    assert [n.path for n in notes] == ["content/notes/good.md"]  # the rest still builds


def test_minor_errors_are_reported_but_keep_the_note() -> None:
    text = (GOOD.replace("Date: 2026-11-20", "Date: hier")
            .replace("Sources: [Résolution 822](https://example.org/822)",
                     "Sources: [piège](javascript:alert(1))")
            .replace("Verdict: Vrai", "Verdict: Vrai\nCorrection: la veille: mauvaise date"))
    notes, problems = F.parse_notes([note_file(text)], SEED_IDS, ACTOR_IDS, {})
    assert [str(p) for p in problems] == [
        "content/notes/bad.md:2: champ « date »: date illisible « hier » (attendu AAAA-MM-JJ)",
        "content/notes/bad.md:9: champ « sources »: lien refusé « javascript:alert(1) » "
        "(seuls http et https)",
        "content/notes/bad.md:8: champ « correction »: correction illisible "
        "« la veille: mauvaise date » (attendu AAAA-MM-JJ: ce qui était faux)",
    ]
    (note,) = notes
    assert note.date is None and note.corrections == ()
    assert note.sources[0] == ("piège", None)


def test_a_note_parses_sources_corrections_and_a_default_title() -> None:
    text = (GOOD.replace("Title: Un exemple\n", "")
            .replace("Verdict: Vrai", "Verdict: plutot vrai\nCorrection: 2026-11-25: la date "
                     "de création était fausse\n    2026-11-23: le verdict était « Vrai »"))
    (note,), problems = F.parse_notes([note_file(text)], SEED_IDS, ACTOR_IDS, {})
    assert problems == ()
    assert note.title == "Vérification : « Le groupe a été créé en 1992. »"
    assert note.slug == "bad" and note.verdict.label == "Plutôt vrai"
    assert note.sources == (("Résolution 822", "https://example.org/822"), ("Un livre, 2003", None))
    assert note.corrections == (
        F.Correction("2026-11-23", "le verdict était « Vrai »"),
        F.Correction("2026-11-25", "la date de création était fausse"),
    )


def test_an_event_named_by_date_attaches_to_every_event_of_that_date() -> None:
    text = GOOD.replace("Briefing: 004_a1c3856fd1dc1f34", "Event: 1994, e-1991")
    events = {"e-1991": "1991", "e-1994-a": "1994", "e-1994-b": "1994", "e-2020": "2020-09-27"}
    (note,), problems = F.parse_notes([note_file(text)], SEED_IDS, ACTOR_IDS, events)
    assert problems == () and note.briefings == ()
    assert note.events == ("e-1994-a", "e-1994-b", "e-1991")


def test_two_notes_with_one_slug_keep_the_first() -> None:
    files = [note_file(GOOD.replace("Title:", "Slug: meme\nTitle:"), n) for n in ("a.md", "b.md")]
    notes, problems = F.parse_notes(files, SEED_IDS, ACTOR_IDS, {})
    assert [n.path for n in notes] == ["content/notes/a.md"]
    assert [str(p) for p in problems] == [
        "content/notes/b.md:1: champ « slug »: slug « meme » déjà pris par une autre note : "
        "note ignorée"]


def test_note_bodies_are_sanitised() -> None:
    body = ('<p onclick="x()">Texte <a href="javascript:alert(1)">lien</a> '
            '<a href="https://example.org/" title="t">ok</a></p><script>alert(1)</script>'
            '<img src=x onerror="alert(1)"><blockquote><em>cité</em></blockquote>')
    (note,), _ = F.parse_notes([ContentFile("content/notes/x.md", {
        "claim": "c", "verdict": "vrai", "briefing": S004}, body)], SEED_IDS, ACTOR_IDS, {})
    html = note.body_html
    for banned in ("<script", "alert(1)", "onclick", "onerror", "javascript:", "<img"):
        assert banned not in html
    assert '<a href="https://example.org/" title="t" rel="noopener noreferrer">ok</a>' in html
    assert "<blockquote><em>cité</em></blockquote>" in html


# 4. Outlets and source notes -----------------------------------------------------------------


def test_real_outlets_parse_and_match_the_briefings_hints(site) -> None:
    outlets, problems = F.parse_outlets(load("outlets"))
    assert problems == ()
    assert all(o.sources and "<p>" in o.description_html for o in outlets)
    assert F.match_outlet("RT en français", outlets).slug == "rt-en-francais"
    assert F.match_outlet("Radio Free Europe / Radio Liberty (RFE/RL)", outlets).slug == "rfe-rl"
    assert F.match_outlet("rt  en francais", outlets).slug == "rt-en-francais"
    assert F.match_outlet("Agence TASS", outlets).slug == "tass"
    assert F.match_outlet("Le Monde", outlets) is None and F.match_outlet(None, outlets) is None
    # Every outlet the seeds betray (publisher, reprint, photo agency) has its note.
    hinted = {h.outlet for b in site.briefings for h in b.hints if h.relation != "aggregator"}
    assert {"RT en français", "Radio Free Europe / Radio Liberty (RFE/RL)", "Reuters"} <= hinted
    assert {h: F.match_outlet(h, outlets) is not None for h in hinted} == dict.fromkeys(
        hinted, True)


def test_an_outlet_name_claimed_twice_is_an_error() -> None:
    a = read_markdown("content/outlets/a.md", "Title: Agence A\nAliases: AA\n\nTexte.", {})
    b = read_markdown("content/outlets/b.md", "Title: Agence B\nAliases: aa\n\nTexte.", {})
    c = read_markdown("content/outlets/c.md", "Aliases: C\n\nTexte.", {})
    outlets, problems = F.parse_outlets([a, b, c])
    assert [o.slug for o in outlets] == ["a"]
    assert [str(p) for p in problems] == [
        "content/outlets/b.md:2: champ « aliases »: nom « aa » déjà utilisé par "
        "content/outlets/a.md : fiche ignorée",
        "content/outlets/c.md: champ « title »: nom du média manquant (champ Title) : "
        "fiche ignorée",
    ]


def test_source_notes_only_state_what_the_text_establishes() -> None:
    notes, problems = parse_source_notes(load("sources"), SEED_IDS)
    assert problems == []
    assert notes["003_73ec17e6855bd39d"].outlet == "RT en français"
    assert notes["002_82bbe4fcd0a70ff6"].reprint_of == "Radio Free Europe / Radio Liberty (RFE/RL)"
    # No URL and no date were verifiable offline: none is invented, and the body says why.
    for note in notes.values():
        assert note.url is None and note.date is None
        assert "pas" in note.body_html and "vérifi" in note.body_html


# 5. Figures ----------------------------------------------------------------------------------


def _paragraphs(doc: dict, site) -> list[str]:
    if "paragraphs" in doc:
        return doc["paragraphs"]
    briefing = sorted(site.briefings, key=lambda b: b.id)[doc["seed"]]
    return [p.text for p in briefing.paragraphs]


@pytest.mark.parametrize("doc", GOLD["figures"], ids=lambda d: d["id"])
def test_figures_match_the_gold(doc: dict, site) -> None:
    found = F.figures(doc["id"], _paragraphs(doc, site))
    got = {f.text: f for f in found}
    for want in doc["expected"]:
        f = got.get(want["text"])
        assert f is not None, want["text"]
        assert (f.value, f.unit, f.key, f.modifier) == (
            pytest.approx(want["value"], abs=1e-3), want["unit"], want["key"], want["modifier"])
    for text in doc["never"]:
        assert not any(text in f.text for f in found), text


def test_figure_scores_stay_above_the_floors(site) -> None:
    tp = fp = fn = 0
    for doc in GOLD["figures"]:
        got = {f.text for f in F.figures(doc["id"], _paragraphs(doc, site))}
        want = {w["text"] for w in doc["expected"]}
        tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
    assert tp / max(tp + fp, 1) >= GOLD["floors"]["figure_precision"]
    assert tp / max(tp + fn, 1) >= GOLD["floors"]["figure_recall"]


def test_the_seeds_dispute_the_age_of_the_conflict(site) -> None:
    figs = [f for b in site.briefings for f in F.figures(b.id, [p.text for p in b.paragraphs])]
    agreeing, disputed = F.compare_figures(figs)
    ((key, group),) = disputed
    assert key == "duree-conflit" and {f.key for f in group} == {key}
    assert {f.briefing[:3] for f in group} == {"001", "003", "004"}
    assert {f.text for f in group} >= {"une décennie", "plus de 30 ans"}
    # Every other quantity of the seeds is told by one briefing only.
    assert {k for k, _ in agreeing} == {"duree-guerre@2020", "morts@2020", "morts@septembre",
                                        "soldats@2020"}
    assert {F.group_status(g) for g in agreeing} == {"single-source"}
    assert F.figure_status("duree-conflit", figs) == "disputed"
    assert F.figure_status("morts@2020", figs) == "single-source"
    assert site.disputed_figures == disputed


def _fig(briefing: str, text: str, key: str = "morts@2020") -> F.Figure:
    (f,) = F.figures(briefing, [text])
    return F.Figure(f.briefing, 0, f.text, f.value, f.unit, key, f.modifier)


def test_compatible_figures_from_two_briefings_corroborate() -> None:
    a = _fig("a", "Plus de 6 500 personnes sont mortes.")
    b = _fig("b", "Le bilan atteint 6 700 morts.")
    c = _fig("c", "Au moins 6 000 morts.", key="morts@2016")
    agreeing, disputed = F.compare_figures([c, b, a])
    assert agreeing == (("morts@2016", (c,)), ("morts@2020", (a, b))) and disputed == ()
    assert [F.group_status(g) for g in agreeing] == ["single-source", "corroborated"]
    assert F.figure_status("morts@2020", [a, b, c]) == "corroborated"


def test_incompatible_figures_from_two_briefings_are_disputed() -> None:
    a = _fig("a", "Environ 2 000 soldats ont été déployés.", key="soldats@2020")
    b = _fig("b", "Moscou a envoyé 4 000 soldats.", key="soldats@2020")
    one = _fig("a", "Moins de 100 soldats sont restés.", key="soldats@2023")
    also = _fig("a", "Plus de 500 soldats sont restés.", key="soldats@2023")
    agreeing, disputed = F.compare_figures([b, a, one, also])
    assert disputed == (("soldats@2020", (a, b)),)
    assert F.group_status(disputed[0], disputed=True) == "disputed"
    # One briefing contradicting itself is not a dispute between sources.
    assert agreeing == (("soldats@2023", (one, also)),)


def test_vague_words_are_not_figures_unless_they_count_time() -> None:
    found = F.figures("x", ["Des personnes ont manifesté, et plusieurs soldats ont été vus.",
                            "Ce conflit dure depuis quelques années."])
    assert [(f.text, f.key, f.modifier) for f in found] == [
        ("quelques années", "duree-conflit", "au moins")]


def test_figure_labels_are_french() -> None:
    (f,) = F.figures("x", ["En 2020, plus de 6 500 personnes sont mortes."])
    assert f.label == "bilan humain (2020)" and f.bounds == (6500, float("inf"))
