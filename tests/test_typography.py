"""French typography: no-break spaces, only in text, never in code or attributes."""

from __future__ import annotations

import re
from pathlib import Path

from briefing.typography import NBSP, NNBSP, french_spacing
from bs4 import BeautifulSoup


def test_spaces_before_high_punctuation_and_inside_guillemets() -> None:
    html = "<p>Verdict : faux ; vraiment ? Oui ! « Bien sûr »</p>"
    assert french_spacing(html) == (
        f"<p>Verdict{NBSP}: faux{NNBSP}; vraiment{NNBSP}? Oui{NNBSP}! «{NNBSP}Bien sûr{NNBSP}»</p>")


def test_tags_scripts_and_code_are_untouched() -> None:
    html = ('<a title="a : b" href="x?y=1">ok</a><script>if (a ? b : c) {}</script>'
            "<code>a : b</code><pre>x ; y</pre>")
    assert french_spacing(html) == html


def test_no_space_is_invented() -> None:
    html = "<p>«Nous sommes prêts», 10:30, https://exemple.fr?q=1</p>"
    assert french_spacing(html) == html


def test_text_after_an_inline_tag() -> None:
    assert french_spacing("<p><strong>Trous</strong> : ici</p>") == (
        f"<p><strong>Trous</strong>{NBSP}: ici</p>")


def test_built_pages_use_french_spacing(built_site: Path) -> None:
    offenders = []
    for page in sorted(built_site.rglob("*.html")):
        if "pagefind" in page.parts:
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup(["script", "style", "code", "pre"]):
            tag.decompose()
        for tag in soup.select('[aria-hidden="true"]'):  # icons such as the « ? » status mark
            tag.decompose()
        text = soup.get_text()
        offenders += [f"{page.name}: {m.group(0)!r}"
                      for m in re.finditer(r"\S{0,12} [:;!?]( |$)", text)]
    assert offenders == []
