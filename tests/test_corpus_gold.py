"""The corpus itself: split by outlet, large and varied enough, and gold that matches its text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent / "corpus"
SAMPLES = sorted(CORPUS.glob("*/*/*.txt"))
KINDS = {"person", "organisation", "state", "place", "media"}
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def outlets(split: str) -> set[str]:
    return {p.name for p in (CORPUS / split).iterdir() if p.is_dir()}


def test_split_by_outlet_and_size() -> None:
    dev, test = outlets("dev"), outlets("test")
    assert not dev & test, f"an outlet on both sides of the split: {sorted(dev & test)}"
    assert len(dev | test) >= 20
    assert len(SAMPLES) >= 40
    for split in ("dev", "test"):
        for outlet in outlets(split):
            assert len(list((CORPUS / split / outlet).glob("*.txt"))) >= 2, outlet


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: "/".join(p.with_suffix("").parts[-3:]))
def test_gold_matches_text(path: Path) -> None:
    gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    lines = path.read_text(encoding="utf-8").split("\n")
    body = [lines[n - 1] for n in gold["body_lines"]]
    assert all(line.strip() for line in body), "a body line is blank"
    if gold["title"] is not None:
        assert lines[gold["title_line"] - 1].strip() == gold["title"].strip()
        assert gold["title_line"] not in gold["body_lines"]
    for key in ("date", "updated"):
        assert gold[key] is None or ISO.match(gold[key]), key
    if gold["date"]:
        assert gold["date_evidence"] and gold["date_evidence"] in "\n".join(lines)
    if gold["outlet"]:
        assert gold["outlet_evidence"] and gold["outlet_evidence"] in "\n".join(lines)
    text = "\n".join(body)
    for actor in gold["actors"]:
        assert actor["kind"] in KINDS, actor
        for spelling in actor["spellings"]:
            assert spelling in text, f"{spelling!r} not in the body"
    for event in gold["events"]:
        assert ISO.match(event["date"]) and event["text"] in text, event
