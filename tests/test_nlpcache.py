"""The NER cache: a warm build runs no model; any change of text or model version recomputes."""

from __future__ import annotations

from pathlib import Path

import pytest
from briefing.actors import NerSpan
from briefing.nlpcache import NerCache

from tests.conftest import pelican_build


class FakeModel:
    """Counts loads and runs; tags every capitalised word."""

    def __init__(self) -> None:
        self.loads = 0
        self.texts: list[str] = []

    def load(self) -> str:
        self.loads += 1
        return "nlp"

    def run(self, nlp: str, paragraphs: list[str], n_process: int = 1):
        self.texts += paragraphs
        return [tuple(NerSpan(p.index(w), p.index(w) + len(w), "PER", w)
                      for w in p.split() if w[:1].isupper()) for p in paragraphs]


@pytest.fixture
def model() -> FakeModel:
    return FakeModel()


def test_second_call_reads_the_cache_and_loads_no_model(tmp_path: Path, model: FakeModel) -> None:
    bodies = {"a": ["Poutine parle.", "rien"], "b": ["Aliyev répond."]}
    first = NerCache(tmp_path, model.load, model.run)(bodies)
    again = NerCache(tmp_path, model.load, model.run)
    second = again(bodies)
    assert second == first
    assert model.loads == 1
    assert (again.hits, again.misses) == (2, 0)
    assert first["a"][0] == (NerSpan(0, 7, "PER", "Poutine"),)


def test_changed_text_is_recomputed_alone(tmp_path: Path, model: FakeModel) -> None:
    NerCache(tmp_path, model.load, model.run)({"a": ["Poutine parle."], "b": ["Aliyev."]})
    model.texts.clear()
    cache = NerCache(tmp_path, model.load, model.run)
    cache({"a": ["Poutine parle encore."], "b": ["Aliyev."]})
    assert model.texts == ["Poutine parle encore."]
    assert (cache.hits, cache.misses) == (1, 1)


def test_model_version_is_part_of_the_key(tmp_path: Path, model: FakeModel,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    NerCache(tmp_path, model.load, model.run)({"a": ["Poutine."]})
    monkeypatch.setattr("briefing.nlpcache.NER_CACHE_VERSION", "test-bump")
    cache = NerCache(tmp_path, model.load, model.run)
    cache({"a": ["Poutine."]})
    assert cache.misses == 1


def test_corrupt_entry_is_recomputed(tmp_path: Path, model: FakeModel) -> None:
    NerCache(tmp_path, model.load, model.run)({"a": ["Poutine."]})
    for entry in tmp_path.rglob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    cache = NerCache(tmp_path, model.load, model.run)
    assert cache({"a": ["Poutine."]})["a"][0][0].text == "Poutine."
    assert cache.misses == 1


def test_warm_build_of_the_real_site_runs_no_model(tmp_path: Path) -> None:
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    cold = pelican_build(tmp_path / "a" / "output", seeds=seeds)
    warm = pelican_build(tmp_path / "a" / "output2", seeds=seeds)
    assert "5 miss(es)" in cold.stdout
    # The settled site comes whole from the record cache: the NER cache is not even read.
    assert ("NER cache 0 hit(s) / 0 miss(es), per-seed cache 2 hit(s) / 0 miss(es)"
            in " ".join(warm.stdout.split()))  # the console wraps long lines
