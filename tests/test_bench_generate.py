"""The benchmark corpus is deterministic and realistic (bench/generate.py; no timing here)."""

from __future__ import annotations

import datetime
import hashlib
import random
import re
from collections import Counter
from pathlib import Path

import pytest
from briefing.cleaning import clean
from briefing.reading import SeedText, decode_seed

from bench import generate

# A made-up article (not a seed) with the kinds of debris the real seeds carry.
SAMPLE = """[ad_1]
Le gouvernement géorgien annonce un nouveau plan pour les transports régionaux
Le ministre géorgien des Transports a présenté mardi un plan de modernisation des lignes \
ferroviaires entre Tbilissi et la frontière arménienne, financé en partie par des prêts européens.
Selon lui, les travaux commenceront le 3 mars et dureront au moins quatre ans, avec une \
première section ouverte au public à l’automne.
Les élus de l’opposition ont dénoncé un calendrier irréaliste et demandé la publication des \
études de coût avant le vote du budget.
A lire aussi
Tbilissi accueille un sommet régional sur l’énergie et les corridors de transport
NEWSLETTER
Inscrivez-vous pour suivre toute notre actualité.
[ad_2]
Source link -12
"""


@pytest.fixture(scope="module")
def pools() -> generate.Pools:
    """Pools from the real seeds."""
    return generate.pools_from_texts(generate.read_real_seeds())


def _sample_text() -> SeedText:
    decoded = decode_seed("sample", "sample.txt", SAMPLE.encode("utf-8"))
    assert isinstance(decoded, SeedText)
    return decoded


def test_pools_split_article_text_from_debris() -> None:
    p = generate.pools_from_texts([_sample_text()])
    assert any(x.startswith("Le ministre géorgien des Transports") for x in p.paragraphs)
    assert {"[ad_1]", "NEWSLETTER", "Source link -12"} <= set(p.debris)
    assert not any("NEWSLETTER" in x or "[ad_" in x for x in p.paragraphs)
    assert p.teasers == ("Tbilissi accueille un sommet régional sur l’énergie et les corridors "
                         "de transport",)
    assert not set(p.teasers) & set(p.debris)
    assert p.titles == ("Le gouvernement géorgien annonce un nouveau plan pour les transports "
                        "régionaux",)
    assert all(8 <= len(s.split()) <= 40 for s in p.sentences)


def test_pools_from_real_seeds_are_rich(pools: generate.Pools) -> None:
    assert len(pools.paragraphs) >= 40
    assert len(pools.debris) >= 20
    assert not set(pools.paragraphs) & set(pools.debris)


def test_same_inputs_same_corpus(pools: generate.Pools) -> None:
    a = generate.make_corpus(pools, 30, seed=7)
    assert a == generate.make_corpus(pools, 30, seed=7)
    assert a != generate.make_corpus(pools, 30, seed=8)
    # The first seeds do not depend on how many follow (N = 100 is a prefix of N = 1000).
    assert generate.make_corpus(pools, 10, seed=7) == a[:10]


def test_ids_are_real_style_and_unique(pools: generate.Pools) -> None:
    corpus = generate.make_corpus(pools, 200)
    assert len({s.id for s in corpus}) == len({s.text for s in corpus}) == 200
    for s in corpus:
        assert re.fullmatch(r"\d{5}_[0-9a-f]{16}", s.id)
        assert s.filename == f"{s.id}.html" if s.page else s.filename == f"{s.id}.txt"
        assert hashlib.sha256(s.text.encode()).hexdigest().startswith(s.id[6:])
        assert generate.FIRST_DAY.isoformat() <= s.date <= generate.LAST_DAY.isoformat()


def test_some_seeds_are_saved_pages_with_their_metadata(pools: generate.Pools) -> None:
    corpus = generate.make_corpus(pools, 60)
    pages = [s for s in corpus if s.page is not None]
    assert len(pages) == 60 // generate.HTML_EVERY
    for s in pages:
        decoded = decode_seed(s.id, s.filename, s.page.encode("utf-8"))
        assert isinstance(decoded, SeedText) and decoded.page is not None
        assert decoded.page.published == s.date
        assert decoded.page.site_name in {name for name, _ in generate.HTML_SITES}
        assert decoded.page.dropped_count >= 10  # menu, banner, related links, footer
        kept = " ".join(p.text for p in clean(decoded).paragraphs)
        plain = decode_seed(s.id, f"{s.id}.txt", s.text.encode("utf-8"))
        assert isinstance(plain, SeedText)
        for paragraph in clean(plain).paragraphs:
            # trafilatura turns no-break spaces into spaces (the theme puts them back).
            assert " ".join(paragraph.text.split()) in kept


def test_cleaner_finds_the_article_again(pools: generate.Pools) -> None:
    """Each seed holds its paragraphs plus debris; cleaning keeps the one, removes the other."""
    corpus = generate.make_corpus(pools, 60, seed=1)
    rules: Counter[str] = Counter()
    debris_kept = 0
    for s in corpus:
        decoded = decode_seed(s.id, s.filename, s.text.encode("utf-8"))
        assert isinstance(decoded, SeedText)
        cleaned = clean(decoded)
        kept = [p.text for p in cleaned.paragraphs]
        assert len(kept) >= generate.MIN_PARAGRAPHS - 1, s.text
        rules.update(d.rule for d in cleaned.removed)
        debris_kept += sum(1 for p in kept if p in pools.debris or p in pools.teasers)
    assert debris_kept == 0
    # Varied furniture: many distinct removal rules fire, not one repeated widget.
    assert len(rules) >= 12, rules


def test_lines_are_varied(pools: generate.Pools) -> None:
    corpus = generate.make_corpus(pools, 300, seed=2)
    lines = Counter(line for s in corpus for line in s.text.splitlines())
    # Numbered widgets differ from seed to seed, as they do from site to site.
    assert len({x for x in lines if x.startswith("arton")}) > 3
    words = [len(s.text.split()) for s in corpus]
    assert 150 <= sum(words) / len(words) <= 900
    years = Counter(s.date[:4] for s in corpus)
    assert len(years) == 6


def test_dates_shift_to_before_publication() -> None:
    text = ("Le 1er novembre 2020, les ministres se sont réunis à Tbilissi ; "
            "le 12 octobre, un accord avait été évoqué. Rien ne change en 1994.")
    pub = datetime.date(2022, 3, 15)
    shifted = generate.shift_dates(text, pub, random.Random(0))
    found = list(generate.DAY_MONTH.finditer(shifted))
    assert len(found) == 2
    assert found[0].group("year") is not None and found[1].group("year") is None
    for m in found:
        day = 1 if m.group("day") == "1er" else int(m.group("day"))
        month = generate.MONTHS.index(m.group("month")) + 1
        year = int(m.group("year") or 0) or None
        candidates = [datetime.date(y, month, day) for y in (pub.year - 1, pub.year)
                      if year in (None, y)]
        assert any(0 <= (pub - d).days <= 31 for d in candidates), shifted
    assert shifted.endswith("Rien ne change en 1994.")
    assert "les ministres se sont réunis à Tbilissi ;" in shifted


def test_write_corpus_replaces_previous_files(pools: generate.Pools, tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_text("ancien", encoding="utf-8")
    corpus = generate.make_corpus(pools, 5)
    generate.write_corpus(corpus, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(s.filename for s in corpus)
    assert (tmp_path / corpus[0].filename).read_text(encoding="utf-8") == corpus[0].text
