"""Hostile seeds: the site still builds, every bad file is named, no injected script survives."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from briefing import cleaning, linesignals
from briefing.reading import MAX_SEED_BYTES, SeedProblem, SeedText, decode_seed
from bs4 import BeautifulSoup

from tests.conftest import ROOT, copy_tree, load_gold, pelican_build

HOSTILE = ROOT / "tests" / "hostile"
GOLD = load_gold("hostile.json")["files"]
# Every payload of script.txt runs `alert(1)`; its raw bytes may only survive in the .txt copy.
PAYLOAD = "alert(1)"
# Markers of live script in text that is not parsed as HTML (JSON, search index).
SCRIPT_MARKERS = ("<script", "</script", "onerror=", "onload=", "javascript:")
# Attributes whose value is a URL a browser may follow or load.
URL_ATTRS = frozenset({"href", "src", "action", "formaction", "xlink:href", "data", "poster"})
# Authors' folders that describe the real seeds: they would warn about seeds absent here.
ABOUT_REAL_SEEDS = ("sources", "notes")
# Rich wraps log lines at the terminal width; one warning per line keeps file names whole.
WIDE_TERMINAL = "300"


@dataclass(frozen=True)
class Build:
    """One build of the hostile corpus: its log, its output folder, its JSON export."""

    log: str
    returncode: int
    site: Path
    briefings: dict[str, dict]


def _generate(seeds: Path) -> None:
    """Files too big to commit: one line of French prose repeated to the wanted size."""
    for name, spec in GOLD.items():
        gen = spec.get("generated")
        if gen:
            sentence = gen["sentence"]
            count = gen["bytes"] // len(sentence.encode()) + 1
            (seeds / name).write_text((sentence * count).strip(), encoding="utf-8")


@pytest.fixture(scope="module")
def bare_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's content without the files about the real seeds (sources, notes)."""
    content = copy_tree(ROOT / "content", tmp_path_factory.mktemp("content") / "content")
    for folder in ABOUT_REAL_SEEDS:
        shutil.rmtree(content / folder, ignore_errors=True)
    return content


@pytest.fixture(scope="module")
def hostile_seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed corpus plus the generated 3 MB one-line file."""
    seeds = copy_tree(HOSTILE, tmp_path_factory.mktemp("hostile") / "seeds")
    _generate(seeds)
    assert sorted(p.name for p in seeds.iterdir()) == sorted(GOLD)
    return seeds


def _build(out: Path, seeds: Path, content: Path,
           extra: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("COLUMNS", WIDE_TERMINAL)
        return pelican_build(out, seeds=seeds, content=content, extra=extra)


@pytest.fixture(scope="module")
def hostile(hostile_seeds: Path, bare_content: Path,
            tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The hostile corpus built by the real Pelican CLI, search index included."""
    out = tmp_path_factory.mktemp("hostile-site") / "output"
    result = _build(out, hostile_seeds, bare_content)
    log = result.stdout + result.stderr
    if result.returncode == 0:
        search = subprocess.run([sys.executable, str(ROOT / "tools" / "search_index.py"),
                                 str(out)], capture_output=True, text=True, check=False)
        assert search.returncode == 0, search.stdout + search.stderr
    data = json.loads((out / "api" / "briefings.json").read_text(encoding="utf-8")) \
        if result.returncode == 0 else []
    return Build(log, result.returncode, out, {b["id"]: b for b in data})


def _warnings_naming(log: str, name: str) -> list[str]:
    return [line for line in log.splitlines() if f"seeds/{name}:" in line]


# --------------------------------------------------------------------------- build and report


def test_hostile_corpus_builds(hostile: Build) -> None:
    assert hostile.returncode == 0, hostile.log
    assert (hostile.site / "index.html").is_file()


@pytest.mark.parametrize("name", sorted(n for n, s in GOLD.items() if s["problem"]))
def test_each_bad_file_is_named_with_its_problem(hostile: Build, name: str) -> None:
    lines = _warnings_naming(hostile.log, name)
    assert any(GOLD[name]["problem"] in line for line in lines), (
        f"no warning naming seeds/{name} with « {GOLD[name]['problem']} »:\n{hostile.log}")


@pytest.mark.parametrize("name", sorted(n for n, s in GOLD.items() if not s["problem"]))
def test_sound_files_build_without_warning(hostile: Build, name: str) -> None:
    assert _warnings_naming(hostile.log, name) == []


@pytest.mark.parametrize("name", sorted(GOLD))
def test_each_file_is_published_refused_or_linked(
    hostile: Build, hostile_seeds: Path, name: str
) -> None:
    spec, sid = GOLD[name], Path(name).stem
    if spec["outcome"] == "refused":
        assert sid not in hostile.briefings
        return
    if spec["outcome"] == "duplicate":
        assert sid not in hostile.briefings
        original = hostile.briefings[Path(spec["of"]).stem]
        assert original["duplicates"] == [name]
        page = (hostile.site / original["url"] / "index.html").read_text(encoding="utf-8")
        assert name in page
        return
    record = hostile.briefings[sid]
    assert record["url"] == spec["url"]
    assert (hostile.site / record["url"] / "index.html").is_file()
    # Provenance: the raw seed, byte for byte, as a .txt file (served as text/plain).
    assert record["raw_url"].endswith(".txt")
    assert (hostile.site / record["raw_url"]).read_bytes() == (hostile_seeds / name).read_bytes()
    text = "\n".join(record["paragraphs"])
    for needle in spec.get("must_keep", ()):
        assert needle in text
    if "title" in spec:
        assert record["title"] == spec["title"]
        soup = BeautifulSoup((hostile.site / record["url"] / "index.html").read_text(
            encoding="utf-8"), "html.parser")
        # The page may set French typographic spaces (`\u202f:`); the words must be the same.
        assert soup.h1.get_text(strip=True).split() == spec["title"].split()
    assert "\ufeff" not in json.dumps(record, ensure_ascii=False)
    assert "\r" not in text


def test_duplicate_is_published_once(hostile: Build) -> None:
    titles = [b["title"] for b in hostile.briefings.values()]
    assert len(titles) == len(set(titles))
    pages = sorted(p.parent.name for p in (hostile.site / "briefings").glob("*/index.html"))
    assert pages == sorted(b["url"].split("/")[1] for b in hostile.briefings.values())
    assert len(pages) == sum(1 for s in GOLD.values() if s["outcome"] == "published")


def test_strict_mode_fails_on_the_hostile_corpus(
    hostile_seeds: Path, bare_content: Path, tmp_path: Path
) -> None:
    result = _build(tmp_path / "output", hostile_seeds, bare_content,
                    extra=("--fatal", "warnings"))
    assert result.returncode != 0
    log = result.stdout + result.stderr
    # Pelican stops at the first warning: any of the bad files may be the one named.
    assert any(f"seeds/{n}:" in log for n, s in GOLD.items() if s["problem"]), log


def test_strict_mode_passes_on_sound_seeds(bare_content: Path, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in (n for n, s in GOLD.items() if s["outcome"] == "published" and not s["problem"]):
        (seeds / name).write_bytes((HOSTILE / name).read_bytes())
    result = _build(tmp_path / "output", seeds, bare_content, extra=("--fatal", "warnings"))
    assert result.returncode == 0, result.stdout + result.stderr


# --------------------------------------------------------------------------- no script survives


def _is_script_url(value: str) -> bool:
    """`javascript:` and friends, as browsers read them (spaces and controls ignored)."""
    folded = re.sub(r"[\x00-\x20]", "", value).lower()
    return folded.startswith(("javascript:", "vbscript:", "data:text/html"))


def _site_script(tag: object, page: str) -> bool:
    """The site's own scripts: JSON-LD that is valid JSON, Pagefind and ours on the search page."""
    kind = (tag.get("type") or "").strip().lower()
    body = tag.string or ""
    if kind == "application/ld+json":
        json.loads(body)  # text that closed the script early would leave broken JSON
        return "<" not in body and PAYLOAD not in body
    src = tag.get("src") or ""
    # No inline code anywhere (the Content-Security-Policy would block it anyway).
    return page.startswith("recherche/") and not body.strip() and (
        "pagefind/" in src or src.endswith("/theme/js/pagefind-search.js"))


def html_problems(html: str, page: str) -> list[str]:
    """Every live script an HTML document holds, outside the site's own scripts."""
    problems = []
    for tag in BeautifulSoup(html, "html.parser").find_all(True):
        if tag.name == "script" and not _site_script(tag, page):
            problems.append(f"{page}: <script> {str(tag)[:120]}")
        if tag.name in {"iframe", "object", "embed", "base"}:
            problems.append(f"{page}: <{tag.name}> {str(tag)[:120]}")
        for attr, value in tag.attrs.items():
            values = value if isinstance(value, list) else [value]
            if attr.lower().startswith("on"):
                problems.append(f"{page}: {attr}= on <{tag.name}>")
            if attr.lower() in URL_ATTRS and any(_is_script_url(v) for v in values):
                problems.append(f"{page}: {attr}={value!r} on <{tag.name}>")
    return problems


def _xml_problems(text: str, page: str) -> list[str]:
    """Feeds and sitemaps: text that a feed reader renders as HTML must be harmless too."""
    problems = []
    for element in ET.fromstring(text).iter():
        for chunk in [element.text or "", *element.attrib.values()]:
            if "<" in chunk:
                problems += html_problems(chunk, page)
            if _is_script_url(chunk.strip()):
                problems.append(f"{page}: script URL {chunk[:80]!r}")
    return problems


def _fragment(path: Path) -> dict:
    """A Pagefind fragment: gzip of a `pagefind_dcd` signature and JSON."""
    raw = gzip.decompress(path.read_bytes())
    assert raw.startswith(b"pagefind_dcd")
    return json.loads(raw[len(b"pagefind_dcd"):])


def test_no_injected_script_survives_anywhere(hostile: Build) -> None:
    problems: list[str] = []
    checked = {"html": 0, "json": 0, "fragment": 0}
    for path in sorted(p for p in hostile.site.rglob("*") if p.is_file()):
        rel = path.relative_to(hostile.site).as_posix()
        data = path.read_bytes()
        if path.suffix == ".txt":
            continue  # raw seeds, served as text/plain: provenance, never rendered
        if path.suffix == ".html":
            problems += html_problems(data.decode("utf-8"), rel)
            checked["html"] += 1
        elif path.suffix == ".json":
            json.loads(data)
            # No `<` at all: the file stays inert even inlined in a page or sniffed as HTML.
            if b"<" in data:
                at = data.index(b"<")
                problems.append(f"{rel}: raw '<' near {data[max(at - 40, 0):at + 40]!r}")
            checked["json"] += 1
        elif path.suffix == ".xml":
            problems += _xml_problems(data.decode("utf-8"), rel)
        elif path.suffix == ".pf_fragment":
            dumped = json.dumps(_fragment(path), ensure_ascii=False).lower()
            problems += [f"{rel}: {m!r} in the search index" for m in SCRIPT_MARKERS
                         if m in dumped]
            checked["fragment"] += 1
        elif PAYLOAD.encode() in data:
            problems.append(f"{rel}: payload in a {path.suffix or 'suffix-less'} file")
    assert problems == [], "\n".join(problems)
    assert checked["html"] >= len(hostile.briefings) + 1
    assert checked["json"] >= 1 and checked["fragment"] >= len(hostile.briefings)


def test_the_script_seed_is_really_in_the_output(hostile: Build) -> None:
    # Guards the test above against passing on an output that never held the payloads.
    record = hostile.briefings["script"]
    raw = (hostile.site / record["raw_url"]).read_text(encoding="utf-8")
    assert raw.count(PAYLOAD) == 5
    removed = " ".join(d["text"] for d in record["removed"])
    for payload in ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                    '<a href="javascript:alert(1)">', "<svg onload=alert(1)>"):
        assert payload in removed
    indexed = [_fragment(p) for p in (hostile.site / "pagefind" / "fragment").iterdir()]
    assert any(f["url"].rstrip("/").endswith("briefings/script") for f in indexed)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>texte &lt;script&gt;alert(1)&lt;/script&gt;</p>", 0),
        ("<p>texte <script>alert(1)</script></p>", 1),
        ('<img src="x" onerror="alert(1)">', 1),
        ('<a href=" JaVaScRiPt:alert(1)">x</a>', 1),
        ('<script type="application/ld+json">{"name": "x \\u003c/script\\u003e"}</script>', 0),
        ('<script type="application/ld+json">{"name": "<b>"}</script>', 1),
    ],
)
def test_html_checker_catches_live_script(html: str, expected: int) -> None:
    assert len(html_problems(html, "briefings/x/index.html")) == expected


# --------------------------------------------------------------------------- reading and cleaning


def test_oversized_seed_is_refused_with_its_size() -> None:
    big = decode_seed("g", "g.txt", b"a" * (MAX_SEED_BYTES + 1))
    assert isinstance(big, SeedProblem)
    assert "trop volumineux (0,5 Mo" in big.message
    assert isinstance(decode_seed("g", "g.txt", b"Une phrase. " * (MAX_SEED_BYTES // 12)),
                      SeedText)


def test_utf16_with_bom_is_text_not_binary() -> None:
    seed = decode_seed("u", "u.txt", "Le président a parlé.\r\n".encode("utf-16"))
    assert isinstance(seed, SeedText)
    assert seed.lines[0] == "Le président a parlé."
    assert any("UTF-16" in n for n in seed.notes)


@pytest.mark.parametrize(
    ("line", "kept", "removed"),
    [
        ("<script>alert(1)</script>Grève à la SNCF", "Grève à la SNCF",
         ("<script>alert(1)</script>",)),
        ("à Lyon <img src=x onerror=alert(1)>, mardi", "à Lyon, mardi",
         ("<img src=x onerror=alert(1)>",)),
        ('lire <a href="javascript:void(0)">le rapport</a> publié', "lire le rapport publié",
         ('<a href="javascript:void(0)">', "</a>")),
        ("un<br>deux", "un deux", ("<br>",)),
        ("avant <!-- pub --> après", "avant après", ("<!-- pub -->",)),
        ("<STYLE>p{color:red}</STYLE>Texte", "Texte", ("<STYLE>p{color:red}</STYLE>",)),
        # Pseudo-guillemets, comparisons and unknown words in brackets are text.
        ("<<Nous partirons>>, a-t-il dit", "<<Nous partirons>>, a-t-il dit", ()),
        ("si 3 < 5 et 7 > 2", "si 3 < 5 et 7 > 2", ()),
        ("le mot <Bonjour> entre chevrons", "le mot <Bonjour> entre chevrons", ()),
    ],
)
def test_strip_markup(line: str, kept: str, removed: tuple[str, ...]) -> None:
    assert linesignals.strip_markup(line) == (kept, removed)


def test_markup_leaves_the_article_with_a_reason() -> None:
    text = ("<script>alert(1)</script>\nLe maire de Lille a présenté mardi un plan de rénovation"
            " des écoles <img src=x onerror=alert(1)>, financé sur cinq ans par la métropole.\n")
    seed = decode_seed("m", "m.txt", text.encode())
    assert isinstance(seed, SeedText)
    cleaned = cleaning.clean(seed)
    assert [p.text for p in cleaned.paragraphs] == [
        "Le maire de Lille a présenté mardi un plan de rénovation des écoles, financé sur cinq "
        "ans par la métropole."]
    markup = [d for d in cleaned.removed if d.rule == "html-markup"]
    assert [(d.line, d.text) for d in markup] == [
        (1, "<script>alert(1)</script>"), (2, "<img src=x onerror=alert(1)>")]
    assert {d.line for d in cleaned.decisions} == {1, 2}
