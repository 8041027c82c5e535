"""Score the pipeline on the real-article corpus (tests/corpus/), split by outlet.

    .venv/bin/python tools/score_corpus.py --split dev            # the outlets we tune on
    .venv/bin/python tools/score_corpus.py --split test           # held-out outlets: totals only
    .venv/bin/python tools/score_corpus.py --split dev --detail   # one line per sample

Each sample is built alone (as a newsroom's first article from a new site would be), with the
project's real registry and outlet notes, through the same `build_site` as the site, with the
spaCy model behind the NER cache. Held-out samples are never printed one by one: only totals,
so nobody tunes on them by accident.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT)]

import os  # noqa: E402

from briefing import actors as actors_mod  # noqa: E402
from briefing import chronology, factcheck, linesignals  # noqa: E402
from briefing import textutils as T  # noqa: E402
from briefing.gazetteer import is_city  # noqa: E402
from briefing.generator import read_markdown  # noqa: E402
from briefing.nlpcache import NerCache  # noqa: E402
from briefing.pipeline import build_site  # noqa: E402
from briefing.records import SeedFile  # noqa: E402

# BRIEFING_CORPUS points elsewhere (a worktree scoring the corpus of the main checkout).
CORPUS = Path(os.environ.get("BRIEFING_CORPUS", ROOT / "tests" / "corpus"))
SPLITS = ("dev", "test")


@dataclass
class Tally:
    """Counts summed over samples; each metric is a ratio of two of them."""

    n: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)

    def add(self, key: str, value: int = 1) -> None:
        self.n[key] += value

    def ratio(self, num: str, den: str) -> float | None:
        return self.n[num] / self.n[den] if self.n[den] else None


def samples(split: str) -> list[Path]:
    """The sample texts of one split, in a stable order."""
    return sorted((CORPUS / split).glob("*/*.txt"))


def content() -> dict[str, list]:
    """The project's own registry and outlet notes (what a real build would use)."""
    out: dict[str, list] = {}
    for folder in ("actors", "outlets"):
        out[folder] = [read_markdown(f"content/{folder}/{p.name}", p.read_text(encoding="utf-8"),
                                     {})
                       for p in sorted((ROOT / "content" / folder).glob("*.md"))]
    return out


def _same(a: str | None, b: str | None) -> bool:
    return bool(a and b) and T.match_key(a) == T.match_key(b)


def _outlet_matches(found: str | None, gold: str, outlets: tuple) -> bool:
    """The outlet named, whatever the spelling: equal, contained, or an alias of one note."""
    if not found:
        return False
    f, g = T.match_key(found), T.match_key(gold)
    if f == g or (len(g) >= 3 and (g in f or f in g)):
        return True
    note = factcheck.match_outlet(found, outlets)
    return bool(note and factcheck.match_outlet(gold, outlets) == note)


def _date_ok(shown: str | None, gold: str) -> bool:
    """A shown date agrees with the gold when one is a prefix of the other (2021-01, 2021-01-11)."""
    return bool(shown) and (gold.startswith(shown) or shown.startswith(gold))


def _in_range(gold: str, lo: str | None, hi: str | None) -> bool:
    """Whether the gold date fits the honest range shown for an unknown date."""
    g = gold.ljust(10, "~")
    return (lo is None or g >= lo[: len(lo)]) and (hi is None or gold[: len(hi)] <= hi)


def score_sample(path: Path, gold: dict, site, tally: Tally, outlets: tuple) -> list[str]:
    """Add one sample's counts to the tally; return its problems, for --detail."""
    problems: list[str] = []
    name = f"{path.parent.name}/{path.stem}"
    lines = path.read_text(encoding="utf-8").split("\n")
    nonblank = {i + 1 for i, line in enumerate(lines) if line.strip()}
    body = set(gold["body_lines"])
    debris = nonblank - body
    if not site.briefings:
        tally.add("samples_skipped")
        problems.append("no briefing built")
        return problems
    b = site.briefings[0]
    kept = {d.line for d in b.decisions if d.kind in linesignals.KEPT}
    tally.add("samples")
    # 1. Lines.
    tally.add("body_lines", len(body))
    tally.add("body_kept", len(body & kept))
    tally.add("debris_lines", len(debris))
    tally.add("debris_removed", len(debris - kept))
    for line in sorted(body - kept):
        problems.append(f"body line {line} removed: {lines[line - 1][:70]!r}")
    for line in sorted(debris & kept):
        problems.append(f"debris line {line} kept: {lines[line - 1][:70]!r}")
    # 2. Title.
    gold_title = gold.get("title")
    tally.add("titles")
    if b.title_is_generated:
        if gold_title:
            tally.add("title_missed")
            problems.append(f"title missed (generated {b.title[:50]!r})")
        else:
            tally.add("title_right")
    elif gold_title and _same(b.title, gold_title):
        tally.add("title_right")
    else:
        tally.add("title_debris")
        problems.append(f"debris title {b.title[:70]!r}")
    # 3. Publication date.
    gold_date = gold.get("date")
    shown = b.date if b.date_status != "unknown" else None
    if gold_date:
        tally.add("dates")
        if _date_ok(shown, gold_date) and len(shown or "") >= len(gold_date):
            tally.add("date_found")
        else:
            problems.append(f"date {gold_date} not found (shown {shown}, {b.date_status})")
        if shown and not _date_ok(shown, gold_date):
            tally.add("date_wrong")
            problems.append(f"WRONG date {shown} for {gold_date}")
        if not shown and not _in_range(gold_date, getattr(b, "date_not_before", None),
                                              getattr(b, "date_not_after", None)):
            tally.add("date_wrong")
            problems.append(f"WRONG range {b.date_range} for {gold_date}")
    # 4. Outlet and address.
    if gold.get("outlet"):
        tally.add("outlets")
        if _outlet_matches(b.source, gold["outlet"], outlets):
            tally.add("outlet_named")
        else:
            problems.append(f"outlet {gold['outlet']!r} not named (shown {b.source!r})")
    if gold.get("url"):
        tally.add("urls")
        if b.source_url and b.source_url.rstrip("/") == gold["url"].rstrip("/"):
            tally.add("url_found")
        else:
            problems.append(f"url not found (shown {b.source_url!r})")
    # 5. Actors: one page per real actor, and only real actors.
    spellings: dict[str, tuple[str, str]] = {}
    for actor in gold.get("actors", ()):
        for s in (actor["name"], *actor.get("spellings", ())):
            spellings[actors_mod.fold(s)] = (actor["name"], actor["kind"])
    pages_of: dict[str, set[str]] = {}
    for a in site.actors:
        if not any(bid == b.id for bid, _ in a.briefings):
            continue
        tally.add("actor_pages")
        hits = {spellings[k] for k in (actors_mod.fold(x) for x in (a.name, *a.aliases))
                if k in spellings}
        if hits:
            tally.add("actor_pages_real")
            for gname, _ in hits:
                pages_of.setdefault(gname, set()).add(a.id)
            kinds = {kind for _, kind in hits}
            # A capital the gold calls a state (« Moscou a annoncé ») is right as a place.
            if a.kind in kinds or (a.kind == "place" and "state" in kinds and is_city(a.name)):
                tally.add("actor_kinds_right")
            else:
                problems.append(f"kind {a.kind} for {a.name!r} (gold {'/'.join(sorted(kinds))})")
        else:
            problems.append(f"junk actor page {a.name!r} ({a.kind})")
        if a.kind == "person":
            tally.add("person_pages")
            if not any(kind == "person" for _, kind in hits):
                tally.add("false_persons")
                problems.append(f"false person {a.name!r}")
    for actor in gold.get("actors", ()):
        if actor["kind"] == "person":
            tally.add("persons")
            if actor["name"] in pages_of and any(
                    x.kind == "person" for x in site.actors if x.id in pages_of[actor["name"]]):
                tally.add("persons_found")
            else:
                problems.append(f"person {actor['name']!r} missing")
        # Split: two pages of the same kind for one actor (« Moscou » the place beside
        # « Russie » the state, for a metonymy, is two actors, not a split).
        kinds = Counter(x.kind for x in site.actors if x.id in pages_of.get(actor["name"], ()))
        if any(n > 1 for n in kinds.values()):
            tally.add("split_actors")
            problems.append(f"split actor {actor['name']!r}: {sorted(pages_of[actor['name']])}")
    # 6. Chronology: facts from article text only.
    debris_dates = set(gold.get("debris_dates", ()))
    body_text = "\n".join(" ".join(lines[n - 1].split()) for n in sorted(body))
    gold_event_dates = {e["date"] for e in gold.get("events", ())}
    for entry in site.chronology:
        if b.id not in entry.briefings:
            continue
        tally.add("events")
        if chronology.is_clause(entry.label):
            tally.add("labels_clause")
        else:
            problems.append(f"label not a clause {entry.date} {entry.label[:50]!r}")
        # From debris: a report whose sentence is in no article line of the gold (a related
        # headline, a caption or a comment the cleaner kept).
        if any(r.briefing == b.id and " ".join(r.sentence.split()) not in body_text
               for r in entry.reports):
            tally.add("events_from_debris")
            problems.append(f"event from debris {entry.date} {entry.label[:50]!r}")
        # Dated like debris only: the date of a related headline or a copyright year, and of no
        # fact of the article (a looser check: a fact may share a date with debris).
        if any(entry.date.startswith(d) or d.startswith(entry.date) for d in debris_dates) \
                and not any(entry.date.startswith(d) for d in gold_event_dates):
            tally.add("events_dated_like_debris")
            problems.append(f"event dated like debris {entry.date} {entry.label[:50]!r}")
    for event in gold.get("events", ()):
        tally.add("gold_events")
        if any(e.date.startswith(event["date"]) and b.id in e.briefings
               for e in site.chronology):
            tally.add("gold_events_found")
        else:
            # What the chronology made of that sentence instead, if anything.
            given = sorted({e.date for e in site.chronology if b.id in e.briefings
                            and any(event["cue"] in r.sentence for r in e.reports)})
            problems.append(f"gold event {event['date']} « {event['cue']} » missed"
                            f" (dated {', '.join(given) or 'nothing'})")
    tally.failures += [f"{name}: {p}" for p in problems]
    return problems


def run(split: str, detail: bool = False, nlp: bool = True) -> Tally:
    """Build every sample of a split alone and score it."""
    tally = Tally()
    files = content()
    ner = None
    if nlp:
        ner = NerCache(ROOT / ".cache" / "briefing" / "ner", actors_mod.load_nlp,
                       actors_mod.ner_spans)
    for path in samples(split):
        gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        site = build_site([SeedFile(path.name, path.read_bytes())], files, ner=ner)
        problems = score_sample(path, gold, site, tally, site.outlets)
        if detail and split != "test":
            print(f"{path.parent.name}/{path.stem}: {len(problems)} problem(s)")
            for p in problems:
                print(f"    {p}")
    return tally


METRICS = (
    ("debris lines removed", "debris_removed", "debris_lines", "≥ 0.90"),
    ("article lines kept", "body_kept", "body_lines", "= 1.00"),
    ("titles right", "title_right", "titles", ""),
    ("debris titles", "title_debris", "titles", "0"),
    ("printed dates found", "date_found", "dates", "≥ 0.95"),
    ("wrong dates or ranges", "date_wrong", "dates", "0"),
    ("outlet named", "outlet_named", "outlets", "≥ 0.90"),
    ("own URL found", "url_found", "urls", ""),
    ("actor-page precision", "actor_pages_real", "actor_pages", "≥ 0.95"),
    ("actor kinds right", "actor_kinds_right", "actor_pages_real", ""),
    ("false persons", "false_persons", "person_pages", "0"),
    ("person recall", "persons_found", "persons", "≥ 0.95"),
    ("split actors", "split_actors", "persons", "0"),
    ("events from debris", "events_from_debris", "events", "0"),
    ("events dated like debris only", "events_dated_like_debris", "events", ""),
    ("gold events found", "gold_events_found", "gold_events", ""),
    ("chronology labels that are clauses", "labels_clause", "events", "= 1.00"),
)


def report(split: str, tally: Tally) -> str:
    """A Markdown table of the split's scores."""
    rows = [f"Split `{split}`: {tally.n['samples']} samples "
            f"({len({p.parent.name for p in samples(split)})} outlets)", "",
            "| metric | count | ratio | target |", "| --- | --- | --- | --- |"]
    for label, num, den, target in METRICS:
        r = tally.ratio(num, den)
        rows.append(f"| {label} | {tally.n[num]} / {tally.n[den]} | "
                    f"{'—' if r is None else f'{r:.2f}'} | {target} |")
    return "\n".join(rows)


def justext_lines(split: str) -> Tally:
    """The line metrics of jusText with its French stoplist, each line given as a paragraph.

    The baseline the issue names: what a maintained boilerplate remover does on the same lines.
    """
    import html

    import justext

    tally = Tally()
    stoplist = justext.get_stoplist("French")
    for path in samples(split):
        gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        lines = path.read_text(encoding="utf-8").split("\n")
        numbered = [(i + 1, line) for i, line in enumerate(lines) if line.strip()]
        page = "<html><body>" + "".join(f"<p>{html.escape(line)}</p>" for _, line in numbered)
        paragraphs = justext.justext(page + "</body></html>", stoplist)
        kept = {n for (n, _), p in zip(numbered, paragraphs, strict=False)
                if not p.is_boilerplate}
        body = set(gold["body_lines"])
        debris = {n for n, _ in numbered} - body
        tally.add("samples")
        tally.add("body_lines", len(body))
        tally.add("body_kept", len(body & kept))
        tally.add("debris_lines", len(debris))
        tally.add("debris_removed", len(debris - kept))
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=SPLITS, default="dev")
    parser.add_argument("--detail", action="store_true", help="problems per sample (dev only)")
    parser.add_argument("--json", help="also write the counts to this file")
    parser.add_argument("--no-nlp", action="store_true", help="registry-only actors (fast)")
    parser.add_argument("--justext", action="store_true",
                        help="score jusText's French stoplist on the lines instead (baseline)")
    args = parser.parse_args()
    if args.justext:
        tally = justext_lines(args.split)
        print(report(args.split, tally).split("\n| titles right")[0])
        return 0
    tally = run(args.split, args.detail, nlp=not args.no_nlp)
    print(report(args.split, tally))
    if args.json:
        Path(args.json).write_text(json.dumps(dict(tally.n), indent=1, sort_keys=True) + "\n",
                                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
