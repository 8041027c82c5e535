"""Score saved web pages: our reading against trafilatura and htmldate alone, same pages.

    .venv/bin/python tools/score_pages.py                      # tests/html/ and its expected.json
    .venv/bin/python tools/score_pages.py FOLDER EXPECTED.json # a held-back set, same format

EXPECTED.json: {"pages": {"<file>": {"title", "published", "site_name", "url", "with",
"without"}}}; a missing key is not scored. `with`: strings every one of which must be in the
briefing's text (article sentences); `without`: strings none of which may be (visible debris).
A title, date, outlet or address is right when equal to the expected value (outlets and titles
compared folded: case, accents, apostrophes, spacing). Our briefing goes through the same
`build_site` as the site (page metadata, then the cleaner), without NER; "alone" is
`trafilatura.bare_extraction(page, with_metadata=True)` for the title, outlet, address and text,
and `htmldate.find_date(page, original_date=True)` for the date.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT)]

from briefing import textutils as T  # noqa: E402
from briefing.generator import read_markdown  # noqa: E402
from briefing.pipeline import build_site, seed_id  # noqa: E402
from briefing.records import SeedFile  # noqa: E402

FIELDS = ("title", "published", "site_name", "url")


def _same(field: str, got: str | None, want: str | None) -> bool:
    if field in ("title", "site_name") and got and want:
        return T.match_key(got) == T.match_key(want)
    return got == want


def _outlets() -> list:
    return [read_markdown(f"content/outlets/{p.name}", p.read_text(encoding="utf-8"), {})
            for p in sorted((ROOT / "content" / "outlets").glob("*.md"))]


def score(folder: Path, expected: dict) -> dict[str, Counter]:
    """Counts of right answers per field, ours and alone, plus text checks."""
    import htmldate
    import trafilatura

    ours: Counter[str] = Counter()
    alone: Counter[str] = Counter()
    asked: Counter[str] = Counter()
    outlets = _outlets()
    for name, want in sorted(expected["pages"].items()):
        data = (folder / name).read_bytes()
        site = build_site([SeedFile(name, data)], {"outlets": outlets})
        briefing = next((b for b in site.briefings if b.id == seed_id(name)), None)
        html = data.decode(briefing.page.encoding if briefing and briefing.page else "utf-8",
                           "replace")
        doc = trafilatura.bare_extraction(html, with_metadata=True)
        got = {
            "title": briefing.title if briefing and not briefing.title_is_generated else None,
            "published": briefing.page.published if briefing and briefing.page else None,
            "site_name": briefing.page.site_name if briefing and briefing.page else None,
            "url": briefing.source_url if briefing else None,
        }
        theirs = {"title": doc.title if doc else None,
                  "published": htmldate.find_date(html, original_date=True),
                  "site_name": doc.sitename if doc else None, "url": doc.url if doc else None}
        text = " ".join(p.text for p in briefing.paragraphs) if briefing else ""
        their_text = (doc.text or "") if doc else ""
        for field in FIELDS:
            if field in want:
                asked[field] += 1
                ours[field] += _same(field, got[field], want[field])
                alone[field] += _same(field, theirs[field], want[field])
        for kind, strings, present in (("with", want.get("with", ()), True),
                                       ("without", want.get("without", want.get("dropped", ())),
                                        False)):
            for s in strings:
                asked[kind] += 1
                ours[kind] += (s in text) == present
                alone[kind] += (s in their_text) == present
    return {"asked": asked, "ours": ours, "alone": alone}


def main(argv: list[str] | None = None) -> int:
    """Print one line per measure: ours, trafilatura/htmldate alone, out of how many."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", default=ROOT / "tests" / "html")
    parser.add_argument("expected", type=Path, nargs="?")
    args = parser.parse_args(argv)
    expected = json.loads((args.expected or args.folder / "expected.json").read_text("utf-8"))
    result = score(args.folder, expected)
    labels = {"title": "title right", "published": "publication date right",
              "site_name": "outlet named right", "url": "canonical address right",
              "with": "article strings kept", "without": "debris strings out"}
    print("| measure | ours | trafilatura/htmldate alone | of |\n|---|---|---|---|")
    for key, label in labels.items():
        n = result["asked"][key]
        if n:
            print(f"| {label} | {result['ours'][key]} | {result['alone'][key]} | {n} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
