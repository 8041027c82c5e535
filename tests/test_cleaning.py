"""The cleaner against its gold: every article line kept, every furniture line removed."""

from __future__ import annotations

import pytest
from briefing import cleaning, headline, linesignals, textutils
from briefing.reading import SeedText, decode_seed

from tests.conftest import ROOT, load_gold

GOLD = load_gold("cleaning.json")
DOCS = GOLD["documents"]


def _seed(relpath: str) -> SeedText:
    path = ROOT / relpath
    decoded = decode_seed(path.stem, path.name, path.read_bytes())
    assert isinstance(decoded, SeedText)
    return decoded


def _clean(relpath: str) -> cleaning.Cleaned:
    return cleaning.clean(_seed(relpath))


def _kept_lines(cleaned: cleaning.Cleaned) -> set[int]:
    return {p.line for p in cleaned.paragraphs}


@pytest.mark.parametrize("relpath", sorted(DOCS))
def test_body_lines_match_gold(relpath: str) -> None:
    assert sorted(_kept_lines(_clean(relpath))) == DOCS[relpath]["body_lines"]


@pytest.mark.parametrize("relpath", sorted(DOCS))
def test_every_line_is_kept_or_removed_with_a_reason(relpath: str) -> None:
    seed = _seed(relpath)
    cleaned = cleaning.clean(seed)
    nonblank = {i + 1 for i, line in enumerate(seed.lines) if line.strip()}
    accounted = {d.line for d in cleaned.decisions}
    assert accounted == nonblank
    assert all(d.reason for d in cleaned.removed)
    for d in cleaned.removed:
        assert d.kind in linesignals.KINDS and d.kind not in linesignals.KEPT


@pytest.mark.parametrize("relpath", sorted(DOCS))
def test_must_keep_and_must_remove(relpath: str) -> None:
    cleaned = _clean(relpath)
    text = "\n".join(p.text for p in cleaned.paragraphs)
    removed = "\n".join(d.text for d in cleaned.removed)
    for s in DOCS[relpath]["must_keep"]:
        assert s in text, f"lost article text: {s!r}"
    for s in DOCS[relpath]["must_remove"]:
        assert s not in text, f"furniture kept: {s!r}"
        assert s in removed, f"removed text not listed in the audit: {s!r}"


@pytest.mark.parametrize("relpath", sorted(DOCS))
def test_title(relpath: str) -> None:
    gold = DOCS[relpath]
    cleaned = _clean(relpath)
    assert cleaned.title_is_generated is gold["title_is_generated"]
    if "title" in gold:
        assert cleaned.title == gold["title"]
    else:
        assert cleaned.title.startswith(gold["title_starts"])
        assert len(cleaned.title) <= 111
        assert "génér" in cleaned.title_basis or "rédigé" in cleaned.title_basis


@pytest.mark.parametrize("relpath", sorted(DOCS))
def test_gaps(relpath: str) -> None:
    cleaned = _clean(relpath)
    expected = DOCS[relpath]["gaps"]
    assert len(cleaned.gaps) == len(expected), [g.text for g in cleaned.gaps]
    for gap, want in zip(cleaned.gaps, expected, strict=True):
        assert want in gap.text


@pytest.mark.parametrize("relpath", sorted(DOCS))
def test_source_hints(relpath: str) -> None:
    outlets = [h.outlet for h in _clean(relpath).hints]
    assert sorted(outlets) == sorted(DOCS[relpath]["hints"])


def test_line_precision_and_recall_floors() -> None:
    """Aggregate line-level scores over the whole gold; floors cannot silently drop."""
    tp = fp = fn = 0
    for relpath, gold in DOCS.items():
        kept = _kept_lines(_clean(relpath))
        want = set(gold["body_lines"])
        tp += len(kept & want)
        fp += len(kept - want)
        fn += len(want - kept)
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    assert precision >= GOLD["floors"]["precision"]
    assert recall >= GOLD["floors"]["recall"]


def test_cross_seed_repetition_removes_short_lines_only() -> None:
    seed = decode_seed("x", "x.txt", "Menu du site\nUne phrase d’article assez longue, qui "
                       "répète un texte déjà publié ailleurs par une agence de presse.\n"
                       .encode())
    assert isinstance(seed, SeedText)
    shared = {textutils.normalise_line(line) for line in seed.lines if line}
    cleaned = cleaning.clean(seed, shared)
    assert [p.line for p in cleaned.paragraphs] == [2]
    assert cleaned.removed[0].rule == "cross-seed"


def test_gap_is_located_at_the_missing_word() -> None:
    (gap,) = cleaning.find_gaps(0, "Le territoire occupé par les . Fin.")
    assert gap.offset == len("Le territoire occupé par les ")
    assert gap.text == "occupé par les . Fin"


def test_no_gap_in_ordinary_french() -> None:
    text = ("Le président a déclaré à l’AFP que la Russie, la France et les États-Unis "
            "coprésident le groupe de Minsk (OSCE) depuis 1992. Un accord a été signé.")
    assert cleaning.find_gaps(0, text) == []


@pytest.mark.parametrize(
    ("lede", "expected"),
    [
        ("Court chapô sans point final", "Court chapô sans point final"),
        ("Une phrase courte. Une autre phrase suit.", "Une phrase courte"),
    ],
)
def test_generated_title_keeps_short_first_sentence(lede: str, expected: str) -> None:
    assert headline.generated_title(lede) == expected


def test_generated_title_is_cut_at_a_word_boundary() -> None:
    lede = ("Le gouvernement a annoncé mercredi un plan de rénovation des écoles rurales "
            "comprenant des travaux d’isolation et de chauffage dans plus de trois cents "
            "établissements du pays.")
    title = headline.generated_title(lede)
    assert title.endswith("…")
    assert lede.startswith(title[:-1])
    assert lede[len(title) - 1] in " ,"


def test_a_glued_subheading_is_set_apart_without_changing_a_word() -> None:
    text = ("Inondations : le Gard en vigilance rouge\n"
            "La préfecture a relevé jeudi la vigilance au rouge après des pluies très fortes "
            "sur tout le département.\n"
            "Des écoles ferméesLes établissements scolaires de douze communes resteront fermés "
            "vendredi, a indiqué le rectorat dans un communiqué.\n"
            "Colère à NîmesDans la soirée, plusieurs centaines d’habitants se sont rassemblés "
            "devant la mairie pour réclamer des digues.\n"
            "Les fournisseurs alternatifs, comme TotalEnergies ou Engie, ont annoncé des "
            "ajustements de leurs offres pour les sinistrés.\n")
    seed = decode_seed("x", "x.txt", text.encode())
    c = cleaning.clean(seed)
    assert [(p.role, p.text[:28]) for p in c.paragraphs[1:3]] == [
        ("subheading", "Des écoles fermées"), ("body", "Les établissements scolaires")]
    assert "".join(p.text for p in c.paragraphs[1:3]) == text.split("\n")[2]
    assert [(p.role, p.text[:16]) for p in c.paragraphs[3:5]] == [
        ("subheading", "Colère à Nîmes"), ("body", "Dans la soirée, ")]
    assert any(d.rule == "glued-heading" and "aucun mot changé" in d.reason for d in c.decisions)
    assert c.paragraphs[-1].text.startswith("Les fournisseurs alternatifs, comme TotalEnergies")


@pytest.mark.parametrize(("lede", "title"), [
    ("DAMAS (Reuters) - Les insurgés ont pris la capitale dimanche matin.",
     "Les insurgés ont pris la capitale dimanche matin"),
    ("MOSCOU, 17 juillet. /TASS/. La Russie suspend l’accord céréalier en mer Noire.",
     "La Russie suspend l’accord céréalier en mer Noire"),
    ("Le 12 octobre, le président russe rencontrera son homologue au Kirghizistan.",
     "Le 12 octobre, le président russe rencontrera son homologue au Kirghizistan"),
])
def test_a_title_written_from_the_lede_leaves_out_the_wire_opening(lede: str, title: str) -> None:
    assert headline.generated_title(lede) == title


def test_a_bulleted_standfirst_under_the_title_is_article_text() -> None:
    text = ("https://www.example.com/fr/economie/taux-directeur/123\n"
            "Accueil\nÉconomie\n"
            "La banque centrale relève son taux directeur à 50 %\n"
            "- L'institution justifie ce resserrement par la détérioration des perspectives "
            "d'inflation\n"
            "- Menu principal\n"
            "La banque centrale a porté jeudi son principal taux d'intérêt de 45 % à 50 %, "
            "a-t-elle annoncé dans un communiqué publié après la réunion de son comité.\n"
            "Les analystes attendaient un statu quo, après plusieurs mois de stabilité des taux "
            "et une inflation qui reste au-dessus de soixante pour cent sur un an.\n"
            "Le ministre des Finances a salué une décision qui doit ancrer les anticipations "
            "des ménages et des entreprises pour le reste de l'année.\n")
    c = cleaning.clean(decode_seed("x", "x.txt", text.encode()))
    kept = [p.text for p in c.paragraphs]
    assert kept[0].startswith("- L'institution justifie ce resserrement")
    assert "- Menu principal" not in kept
