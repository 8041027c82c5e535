"""Saved web pages as seeds: metadata with its basis, text through the same cleaner, refusals."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import socket
from pathlib import Path

import lxml.html
import pytest
from briefing import cleaning, htmlseed, pagemeta
from briefing.generator import read_markdown
from briefing.htmlseed import PageMetadata, choose_headline, strip_site_affix
from briefing.pipeline import build_site, seed_id
from briefing.reading import SeedProblem, SeedText, decode_seed
from briefing.records import SeedFile

from tests.conftest import ROOT, pelican_build

PAGES = ROOT / "tests" / "html"
EXPECTED = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))
# Paragraphs of a test page that are not article text (the page's furniture), by ancestor.
FURNITURE = ("aside", "footer", "nav", "header", "section", "*[contains(@class, 'cookie')]",
             "*[contains(@id, 'cookie')]",
             "*[contains(@class, 'paywall')]", "*[contains(@class, 'newsletter')]",
             "*[contains(@class, 'byline')]", "*[contains(@class, 'footer')]",
             "*[@id = 'pied']", "*[contains(@class, 'ads')]")


def _decode(name: str, data: bytes | None = None) -> tuple[SeedText, PageMetadata]:
    result = decode_seed(seed_id(name), name, (PAGES / name).read_bytes() if data is None
                         else data)
    assert isinstance(result, SeedText), result
    assert result.page is not None
    return result, result.page


@pytest.mark.parametrize("name", sorted(EXPECTED["pages"]))
def test_page_metadata_and_its_basis(name: str) -> None:
    want = EXPECTED["pages"][name]
    seed, page = _decode(name)
    assert (page.title, page.published, page.published_basis, page.updated) == (
        want["title"], want["published"], want["published_basis"], want["updated"])
    assert (page.site_name, page.canonical_url, page.author, page.encoding) == (
        want["site_name"], want["url"], want["author"], want["encoding"])
    assert seed.id == name.removesuffix(".html")
    assert seed.sha256 == hashlib.sha256((PAGES / name).read_bytes()).hexdigest()
    dropped = " ".join(page.dropped_samples)
    assert page.dropped_count >= len(want["dropped"])
    for needle in want["dropped"]:
        assert needle in dropped or page.dropped_count > htmlseed.H.DROPPED_SAMPLES, needle


@pytest.mark.parametrize("name", sorted(EXPECTED["pages"]))
def test_every_article_sentence_survives_extraction_and_cleaning(name: str) -> None:
    seed, page = _decode(name)
    tree = lxml.html.document_fromstring((PAGES / name).read_bytes().decode(page.encoding))
    guard = " or ".join(f"ancestor::{a}" for a in FURNITURE)
    article = [re.sub(r"\s+", " ", p.text_content()).strip()
               for p in tree.xpath(f"//p[not({guard})]")]
    article = [p for p in article if len(p.split()) >= 10]
    assert len(article) >= 3
    cleaned = cleaning.clean(seed)
    kept = " ".join(p.text for p in cleaned.paragraphs)
    for paragraph in article:
        assert paragraph in kept, paragraph
    if page.title:  # the headline is the title, never a paragraph
        assert cleaned.decisions[0].kind == "title"
        assert page.title not in [p.text for p in cleaned.paragraphs]


@pytest.mark.parametrize("name", sorted(EXPECTED["pages"]))
def test_visible_debris_is_out_of_the_text(name: str) -> None:
    seed, page = _decode(name)
    kept = " ".join(p.text for p in cleaning.clean(seed).paragraphs)
    for sample in page.dropped_samples:
        assert sample.removesuffix("…") not in kept


@pytest.mark.parametrize(("name", "message"), sorted(EXPECTED["refused"].items()))
def test_pages_that_are_not_articles_are_refused_by_name(name: str, message: str) -> None:
    result = decode_seed(seed_id(name), name, (PAGES / name).read_bytes())
    assert result == SeedProblem(name, message,
                                 hashlib.sha256((PAGES / name).read_bytes()).hexdigest())


def test_gzipped_page_reads_like_the_page_and_keeps_its_stem() -> None:
    plain, page = _decode("og_seul.html")
    data = gzip.compress((PAGES / "og_seul.html").read_bytes())
    zipped, zpage = _decode("og_seul.html.gz", data)
    assert seed_id("og_seul.html.gz") == seed_id("og_seul.htm") == "og_seul"
    assert zipped.text == plain.text
    assert (zpage.title, zpage.published, zpage.site_name) == (
        page.title, page.published, page.site_name)
    assert zipped.sha256 == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("vide.html", b"", "fichier vide"),
        ("blancs.html", b"  \n \n", "fichier sans texte (blancs seulement)"),
        ("enorme.html", b"<p>" + b"a " * 3_000_000 + b"</p>",
         "page trop volumineuse (limite 5 Mo) : pas un article enregistré, ignorée"),
        ("bombe.html.gz", gzip.compress(b" " * 6_000_000),
         "page décompressée trop volumineuse (limite 5 Mo) : pas un article enregistré, ignorée"),
        ("tronque.html.gz", gzip.compress(b"<p>texte</p>" * 100)[:40],
         "archive gzip illisible (archive tronquée)"),
        ("pasgzip.html.gz", b"<p>pas une archive</p>",
         "archive gzip illisible (Error -3 while decompressing data: incorrect header check)"),
        ("binaire.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
         "fichier binaire (octets nuls), ignoré"),
        ("balises.html", b"<html><body><div></div></body></html>",
         "aucun texte d\u2019article après extraction (page vide ou chargée par JavaScript)"),
    ],
)
def test_broken_and_huge_pages_are_refused_with_a_reason(name: str, data: bytes,
                                                         message: str) -> None:
    result = decode_seed(seed_id(name), name, data)
    assert isinstance(result, SeedProblem)
    assert result.message == message


def test_broken_markup_still_gives_the_article() -> None:
    page = (PAGES / "og_seul.html").read_text(encoding="utf-8")
    # Unclosed tags and a page cut off in the middle of its comments.
    broken = page.replace("</p>", "").replace("</article>", "")[: page.index("Marie L.")]
    seed, meta = _decode("casse.html", broken.encode())
    assert meta.title == "Sécheresse : les nappes phréatiques au plus bas dans le Sud-Ouest"
    assert "sept nappes sur dix" in seed.text


def test_undeclared_legacy_encoding_is_guessed_and_reported() -> None:
    page = (PAGES / "latin1.html").read_bytes()
    undeclared = re.sub(rb"<meta http-equiv[^>]+>", b"", page)
    seed, meta = _decode("sans_charset.html", undeclared)
    assert meta.encoding != "utf-8"
    assert "réalisé à Toulouse" not in seed.text  # footer out, but accents read right:
    assert "troisième ligne du métro toulousain" in seed.text
    assert any(n.startswith("encodage non déclaré : deviné") for n in seed.notes)
    bom, _ = _decode("bom.html", b"\xef\xbb\xbf" + (PAGES / "og_seul.html").read_bytes())
    assert "encodage UTF-8 (BOM)" in bom.notes


def test_extraction_never_opens_a_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access during extraction: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    for name in EXPECTED["pages"]:
        _decode(name)


@pytest.mark.parametrize(
    ("title", "site", "host", "expected"),
    [
        ("Sécheresse : les nappes au plus bas - Le Monde", "Le Monde", "",
         "Sécheresse : les nappes au plus bas"),
        ("Transports | Grève SNCF : trafic perturbé | franceinfo", "franceinfo", "",
         "Transports | Grève SNCF : trafic perturbé"),
        ("Le Figaro - Municipales : la gauche unie à Lyon", "Le Figaro", "",
         "Municipales : la gauche unie à Lyon"),
        ("Le Figaro - Municipales : la gauche unie à Lyon", None, "lefigaro.fr",
         "Municipales : la gauche unie à Lyon"),
        ("Grève SNCF : le trafic sera très perturbé jeudi | Ouest-Info", None, "",
         "Grève SNCF : le trafic sera très perturbé jeudi"),
        # A colon inside the headline is not a separator from a site name.
        ("Retraites : le décret est publié", "Le Monde", "", "Retraites : le décret est publié"),
    ],
)
def test_site_name_affix_is_stripped(title: str, site: str | None, host: str,
                                     expected: str) -> None:
    assert strip_site_affix(title, site, host) == expected


def test_headline_never_a_url_a_site_name_a_timestamp_or_english() -> None:
    assert choose_headline([
        ("og:title", "https://www.lemonde.fr/article/2015/05/04/x.html"),
        ("<title>", "Le Monde"),
        ("JSON-LD headline", "2015-05-04T06:45:12+02:00"),
        ("twitter:title", "Drought: how the water tables of the South-West hit a low"),
        ("trafilatura", "Sécheresse : les nappes au plus bas"),
    ], site_name="Le Monde") == (
        "trafilatura", "Sécheresse : les nappes au plus bas",
        "métadonnées de la page : trafilatura")
    assert choose_headline([("<title>", "Le Monde")], site_name="Le Monde") is None


def test_headline_prefers_the_h1_agreeing_with_metadata_and_names_what_it_set_aside() -> None:
    source, title, basis = choose_headline([
        ("<h1>", "Réforme des retraites : le décret publié au Journal officiel"),
        ("og:title", "Retraites : ce qui change pour vous"),
        ("JSON-LD headline", "Réforme des retraites : le décret publié au « Journal officiel »"),
    ]) or ("", "", "")
    assert (source, title) == ("<h1>", "Réforme des retraites : le décret publié au Journal "
                                       "officiel")
    assert basis == ("métadonnées de la page : <h1>, concordant avec JSON-LD headline ; "
                     "écarté : og:title « Retraites : ce qui change pour vous »")


def _outlets() -> list:
    return [read_markdown(f"content/outlets/{p.name}", p.read_text(encoding="utf-8"), {})
            for p in sorted((ROOT / "content" / "outlets").glob("*.md"))]


def test_pipeline_evidence_order_note_then_page_then_text() -> None:
    og = (PAGES / "og_seul.html").read_bytes()
    rt = og.replace(b'content="Le Monde"', b'content="RT France"')
    note = read_markdown("content/sources/rt.md", "Date: 2015-05-05\n\nVérifié.\n", {})
    site = build_site(
        [SeedFile("og_seul.html", og), SeedFile("rt.html", rt),
         SeedFile("maj.html", (PAGES / "publie_et_mis_a_jour.html").read_bytes())],
        {"outlets": _outlets(), "sources": [note]})
    by_id = {b.id: b for b in site.briefings}
    le_monde, rt_page, maj = by_id["og_seul"], by_id["rt"], by_id["maj"]
    assert (le_monde.title, le_monde.title_is_generated) == (
        "Sécheresse : les nappes phréatiques au plus bas dans le Sud-Ouest", False)
    assert (le_monde.date, le_monde.date_status, le_monde.date_basis) == (
        "2015-05-04", "inferred", "métadonnées de la page : article:published_time 2015-05-04")
    assert (le_monde.source, le_monde.source_status, le_monde.source_basis) == (
        "Le Monde", "inferred", "métadonnées de la page : og:site_name « Le Monde »")
    assert le_monde.source_url == EXPECTED["pages"]["og_seul.html"]["url"]
    # An author's note confirms the date; the outlet is matched to its note's aliases.
    assert (rt_page.date, rt_page.date_status) == ("2015-05-05", "confirmed")
    assert (rt_page.source, rt_page.source_basis) == (
        "RT en français", "métadonnées de la page : og:site_name « RT France » "
        "(fiche média content/outlets/rt-en-francais.md)")
    assert (maj.date, maj.date_updated, maj.date_updated_basis, maj.byline) == (
        "2023-11-14", "2023-11-16",
        "métadonnées de la page : article:modified_time 2023-11-16", "Nicolas Bernard")
    assert le_monde.raw_text is not None and le_monde.raw_text.startswith("Sécheresse")
    # Lines the extractor kept but the cleaner removes are still in the audit, with reasons.
    assert ("Publié le 02/12/2019 à 08:10, mis à jour le 03/12/2019 à 17:45", "dateline") in {
        (d.text, d.rule) for b in build_site(
            [SeedFile("t.html", (PAGES / "elements_time.html").read_bytes())]).briefings
        for d in b.removed}


# A whole build: saved pages are never served as HTML, only as extracted text. -------------


@pytest.fixture(scope="module")
def html_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """Three saved pages (one gzipped), a list page and a text seed, built by Pelican."""
    base = tmp_path_factory.mktemp("html-site")
    seeds = base / "seeds"
    seeds.mkdir()
    for name in ("og_seul.html", "publie_et_mis_a_jour.html", "accueil.html"):
        (seeds / name).write_bytes((PAGES / name).read_bytes())
    (seeds / "divergent.htm.gz").write_bytes(
        gzip.compress((PAGES / "titres_divergents.html").read_bytes(), mtime=0))
    (seeds / "texte.txt").write_bytes((ROOT / "tests" / "samples" / "s3_gaps.txt").read_bytes())
    content = base / "content"
    (content / "pages").mkdir(parents=True)
    out = base / "output"
    settings = {"SEEDS_PATH": str(seeds), "CACHE_PATH": str(base / "cache"), "NLP": False}
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("COLUMNS", "300")
        result = pelican_build(out, content=content, extra=("-e", "BRIEFING=" + json.dumps(
            settings)))
    assert result.returncode == 0, result.stdout + result.stderr
    return out, seeds, result.stdout + result.stderr


def test_saved_pages_are_never_served_as_html(html_site: tuple[Path, Path, str]) -> None:
    out, seeds, _ = html_site
    originals = {hashlib.sha256(p.read_bytes()).hexdigest() for p in seeds.iterdir()
                 if p.suffix != ".txt"}
    for path in out.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        assert hashlib.sha256(data).hexdigest() not in originals, path
        assert b"tracker.example.net" not in data, path
        if path.suffix == ".html":
            # Only our own rendered pages, each from the theme's base template, at our URLs.
            assert path.name in ("index.html", "404.html"), path
            assert b'href="/theme/css/style.css"' in data or b"theme/css/style.css" in data
            assert b"<script src=\"https://tracker" not in data, path
    assert not [p for p in out.rglob("*") if p.suffix in (".htm", ".gz", ".xhtml")]
    raw = out / "briefings" / "og-seul" / "source.txt"
    text = raw.read_text(encoding="utf-8")
    assert text.startswith("Sécheresse : les nappes phréatiques au plus bas dans le Sud-Ouest\n")
    assert "<" not in text and "cookies" not in text


def test_briefing_page_shows_sha256_update_date_and_what_the_extractor_dropped(
        html_site: tuple[Path, Path, str]) -> None:
    out, seeds, _ = html_site
    page = (out / "briefings" / "publie-et-mis-a-jour" / "index.html").read_text(
        encoding="utf-8")
    tree = lxml.html.document_fromstring(page)
    digest = hashlib.sha256((seeds / "publie_et_mis_a_jour.html").read_bytes()).hexdigest()
    assert tree.xpath("string(//code[@class='sha256'])") == digest
    assert tree.xpath("string(//span[@class='updated']/time/@datetime)") == "2023-11-16"
    link = tree.xpath("//a[@href='source.txt']")[0]
    assert link.get("type") == "text/plain"
    audit = tree.xpath("string(//details[contains(@class, 'audit-page')]/summary)")
    assert audit.startswith("Écarté de la page enregistrée par l’extracteur (6 blocs")


def test_export_carries_page_metadata_and_refused_pages_are_named(
        html_site: tuple[Path, Path, str]) -> None:
    out, _, log = html_site
    data = {b["id"]: b for b in json.loads((out / "api" / "briefings.json").read_text("utf-8"))}
    assert sorted(data) == ["divergent", "og_seul", "publie_et_mis_a_jour", "texte"]
    assert data["texte"]["page"] is None and data["texte"]["date_updated"] is None
    divergent = data["divergent"]
    assert divergent["title"] == EXPECTED["pages"]["titres_divergents.html"]["title"]
    assert divergent["source_status"] == "inferred"
    assert divergent["page"]["dropped"]["count"] >= 1
    assert data["publie_et_mis_a_jour"]["date_updated"] == "2023-11-16"
    assert "briefing: seeds/accueil.html: " + EXPECTED["refused"]["accueil.html"] in log


def test_strict_mode_fails_on_a_page_that_is_not_an_article(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "accueil.html").write_bytes((PAGES / "accueil.html").read_bytes())
    (seeds / "og_seul.html").write_bytes((PAGES / "og_seul.html").read_bytes())
    content = tmp_path / "content"
    (content / "pages").mkdir(parents=True)
    settings = {"SEEDS_PATH": str(seeds), "CACHE_PATH": str(tmp_path / "cache"), "NLP": False}
    result = pelican_build(tmp_path / "output", content=content, extra=(
        "-e", "BRIEFING=" + json.dumps(settings), "--fatal", "warnings"))
    assert result.returncode != 0
    assert "accueil.html" in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2015-05-04T06:45:12+02:00", "2015-05-04"),
        ("2023-08-06T23:30:00Z", "2023-08-07"),  # UTC: already 7 August in Paris
        ("2023-08-06T10:00:00.000Z", "2023-08-06"),
        ("2019-12-02T08:10:00+0100", "2019-12-02"),
        ("2015-05-04T06:45", "2015-05-04"),  # no offset: the day as written
        ("2015-05-04", "2015-05-04"),
        ("04/05/2015", "2015-05-04"),
        ("Mon, 04 May 2015 06:45:12 +0200", "2015-05-04"),
        ("2015-02-30", None),
        ("hier", None),
    ],
)
def test_metadata_dates_are_days_in_the_newsroom_time_zone(value: str, day: str | None) -> None:
    assert pagemeta.iso_day(value) == day


def test_json_ld_in_a_web_page_node_with_a_trailing_comma_and_a_domain_site_name() -> None:
    page = (PAGES / "sans_metadonnees.html").read_text(encoding="utf-8").replace("<html>", """<html>
<head><meta property="og:site_name" content="Le Télégramme.fr">
<script type="application/ld+json">//<![CDATA[
{"@type": "WebPage", "mainEntity": {"@type": "NewsArticle",
 "headline": "Quimperlé : la piscine fermée six mois pour travaux",
 "datePublished": "2024-06-30T22:15:00Z", "url": "https://www.letelegramme.example/q/piscine",},}
//]]></script></head>""")
    seed, meta = _decode("piscine.html", page.encode())
    assert (meta.title, meta.published, meta.canonical_url) == (
        "Quimperlé : la piscine fermée six mois pour travaux", "2024-07-01",
        "https://www.letelegramme.example/q/piscine")
    assert (meta.site_name, meta.site_name_basis) == (
        "Le Télégramme", "métadonnées de la page : og:site_name « Le Télégramme.fr »")
    assert seed.lines[0] == meta.title  # the headline heads the text the cleaner reads


def test_logo_h1_kicker_and_the_address_the_browser_noted() -> None:
    page = (PAGES / "sans_metadonnees.html").read_text(encoding="utf-8").replace(
        "<html>", "<!-- saved from url=(0044)https://www.quimperle-infos.example/piscine -->\n"
        "<html><head><title>Quimperlé Infos</title></head>").replace(
        '<div id="menu">', '<h1 class="logo">Quimperlé Infos</h1><div id="menu">').replace(
        '<div id="contenu">', '<div id="contenu"><h1><span class="kicker">Travaux</span>'
        "La piscine municipale fermée six mois</h1>")
    _, meta = _decode("piscine.html", page.encode())
    assert meta.title == "La piscine municipale fermée six mois"
    assert (meta.canonical_url, meta.canonical_url_basis) == (
        "https://www.quimperle-infos.example/piscine",
        "métadonnées de la page : adresse notée par le navigateur à l’enregistrement")
    assert meta.published is None  # the day a page was saved is not the story's date


def test_date_printed_by_the_headline_beats_htmldate_never_an_update_line() -> None:
    page = (PAGES / "sans_metadonnees.html").read_text(encoding="utf-8").replace(
        '<div id="contenu">',
        '<div class="meta">Par Anne Le Gall <!-- auteur --> 12 mars 2024</div>'
        "<h1>Quimperlé : la piscine municipale fermée six mois</h1>"
        '<p class="maj">Mis à jour le 14 mars 2024</p><div id="contenu">')
    _, meta = _decode("piscine.html", page.encode())
    assert (meta.published, meta.published_basis) == (
        "2024-03-12", "date imprimée près du titre : « Par Anne Le Gall 12 mars 2024 » 2024-03-12")


def test_score_floor_on_the_hand_written_pages() -> None:
    from tools import score_pages

    result = score_pages.score(PAGES, EXPECTED)
    for field in (*score_pages.FIELDS, "without"):
        assert result["ours"][field] == result["asked"][field] > 0, field
        assert result["ours"][field] >= result["alone"][field], field
