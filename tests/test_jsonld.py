"""schema.org JSON-LD builders and their <script> serialisation."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from briefing import factcheck as F
from briefing import jsonld as J
from briefing.generator import read_markdown
from briefing.verdicts import VERDICTS
from bs4 import BeautifulSoup

from tests.conftest import ROOT

SITE = "https://exemple.org"
ORG = J.site_organisation(
    name="Briefings vérifiés", url=f"{SITE}/",
    publishing_principles=f"{SITE}/methodologie/", corrections_policy=f"{SITE}/corrections/")


def real_notes() -> tuple[F.Note, ...]:
    """The real notes, parsed against the real seeds and actors (events by their dates)."""
    files = [read_markdown(f"content/notes/{p.name}", p.read_text(encoding="utf-8"), {})
             for p in sorted((ROOT / "content" / "notes").glob("*.md"))]
    seeds = {p.stem for p in (ROOT / "seeds").glob("*.txt")}
    actors = {p.stem for p in (ROOT / "content" / "actors").glob("*.md")}
    events = {f"e-{y}": y for y in ("1991", "1992", "1994")}
    notes, problems = F.parse_notes(files, seeds, actors, events)
    assert problems == ()
    return notes


def review(note: F.Note) -> dict:
    """The ClaimReview of a note, with its briefings' URLs as appearances."""
    return J.claim_review(
        note, url=f"{SITE}/verifications/{note.slug}/", organisation=ORG,
        appearances=[f"{SITE}/briefings/{b}/" for b in note.briefings])


@pytest.mark.parametrize("note", real_notes(), ids=lambda n: n.slug)
def test_claim_review_of_each_real_note_has_the_required_fields(note: F.Note) -> None:
    data = json.loads(J.to_json(review(note)))
    assert data["@context"] == "https://schema.org" and data["@type"] == "ClaimReview"
    assert data["claimReviewed"] == note.claim
    assert data["url"] == f"{SITE}/verifications/{note.slug}/"
    assert data["datePublished"] == note.date == "2026-11-22"
    assert data["author"] == {"@type": "NewsMediaOrganization", "@id": f"{SITE}/#organisation",
                              "name": "Briefings vérifiés", "url": f"{SITE}/"}
    rating = data["reviewRating"]
    assert rating == {"@type": "Rating", "ratingValue": note.verdict.rating, "bestRating": 6,
                      "worstRating": 1, "alternateName": note.verdict.label}
    claim = data["itemReviewed"]
    assert claim["@type"] == "Claim"
    assert claim["appearance"][0] == {"@type": "CreativeWork",
                                      "url": f"{SITE}/briefings/{note.briefings[0]}/"}
    assert claim["firstAppearance"] == claim["appearance"][0]
    if note.claimant:
        assert claim["author"] == {"@type": "Person", "name": note.claimant}
    else:  # an unattributed text gets no invented author
        assert "author" not in claim
    assert [c["name"] for c in data["citation"]] == [label for label, _ in note.sources]


def test_the_claimant_of_the_decade_quote_is_putin() -> None:
    note = next(n for n in real_notes() if n.slug == "conflit-une-decennie")
    data = review(note)
    assert data["itemReviewed"]["author"]["name"] == "Vladimir Poutine"
    assert data["reviewRating"]["alternateName"] == "Faux"


def test_a_correction_sets_date_modified() -> None:
    note = replace(real_notes()[0], corrections=(F.Correction("2026-12-01", "date fausse"),))
    assert review(note)["dateModified"] == "2026-12-01"
    assert "dateModified" not in review(real_notes()[0])


def test_ratings_span_the_whole_scale() -> None:
    note = real_notes()[0]
    values = [review(replace(note, verdict=v))["reviewRating"]["ratingValue"] for v in VERDICTS]
    assert values == list(range(1, 7))


# Injection -----------------------------------------------------------------------------------

HOSTILE = "</script><script>alert(1)</script><!-- & \u2028"


def test_a_claim_cannot_close_the_script_element() -> None:
    note = replace(real_notes()[0], claim=HOSTILE, title=HOSTILE)
    html = f"<html><head>{J.to_script(review(note))}</head><body></body></html>"
    soup = BeautifulSoup(html, "html.parser")
    scripts = soup.find_all("script")
    assert len(scripts) == 1 and scripts[0]["type"] == "application/ld+json"
    assert html.count("<script") == 1 and html.count("</script>") == 1
    assert json.loads(scripts[0].string)["claimReviewed"] == HOSTILE
    for raw in ("<", ">", "&", "\u2028"):
        assert raw not in J.to_json({"x": HOSTILE})


def test_to_script_is_markup_safe() -> None:
    out = J.to_script({"a": "<b>"})
    assert out.__html__() == '<script type="application/ld+json">{"a":"\\u003cb\\u003e"}</script>'


# Other types ---------------------------------------------------------------------------------


def test_site_organisation_states_its_principles_and_corrections_policy() -> None:
    assert ORG["@type"] == "NewsMediaOrganization"
    assert ORG["publishingPrinciples"] == f"{SITE}/methodologie/"
    assert ORG["correctionsPolicy"] == f"{SITE}/corrections/"


@pytest.mark.parametrize(("status", "published"), [
    ("confirmed", "2020-10-09"), ("inferred", "2020-10-09"), ("unknown", None)])
def test_news_article_publishes_a_date_only_when_confirmed_or_inferred(
    status: str, published: str | None,
) -> None:
    data = J.news_article(
        url=f"{SITE}/briefings/x/", headline="Titre", headline_is_generated=True,
        date="2020-10-09", date_status=status, date_basis="« ce 9 octobre »", organisation=ORG,
        source="RT en français", source_status="hint", raw_url=f"{SITE}/briefings/x/source.txt")
    assert data.get("datePublished") == published
    assert J.DATE_STATUS_TEXT[status] in data["description"]
    assert "titre rédigé par la rédaction" in data["description"]
    assert "RT en français (indice, non vérifié)" in data["description"]
    assert "sourceOrganization" not in data  # a hint is not a verified outlet
    assert data["isBasedOn"] == [f"{SITE}/briefings/x/source.txt"]


def test_news_article_names_a_verified_outlet() -> None:
    data = J.news_article(
        url="u", headline="T", headline_is_generated=False, date=None, date_status="unknown",
        date_basis="rien", organisation=ORG, source="RT en français", source_status="confirmed")
    assert data["sourceOrganization"] == {"@type": "Organization", "name": "RT en français"}
    assert "datePublished" not in data and "titre rédigé" not in data["description"]


@pytest.mark.parametrize(("kind", "schema_type"), [
    ("person", "Person"), ("organisation", "Organization"), ("state", "Country"),
    ("place", "Place")])
def test_actor_types(kind: str, schema_type: str) -> None:
    data = J.person_or_org(name="Vladimir Poutine", kind=kind, url="u",
                           aliases=("Poutine", "Vladimir Poutine"), wikidata="Q7747",
                           roles=("Président russe",))
    assert data["@type"] == schema_type and data["alternateName"] == ["Poutine"]
    assert data["sameAs"] == "https://www.wikidata.org/wiki/Q7747"
    assert ("jobTitle" in data) == (kind == "person")


@pytest.mark.parametrize(("date", "start"), [
    ("2020-09-27", "2020-09-27"), ("1994", "1994"), ("XXXX-10-12", None), ("XXXX-WXX-1", None)])
def test_event_dates_only_when_the_year_is_known(date: str, start: str | None) -> None:
    data = J.event(name="Reprise des combats", date=date, url="u", status="disputed", sources=2)
    assert data.get("startDate") == start
    assert data["description"] == "sources en désaccord (2 briefings)"


def test_absolute_urls() -> None:
    assert J.absolute("https://exemple.org/", "/briefings/x/") == "https://exemple.org/briefings/x/"
    assert J.absolute("", "briefings/x/") == "briefings/x/"
    assert J.absolute("https://a.org", "https://b.org/x") == "https://b.org/x"
