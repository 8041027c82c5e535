"""Stage 1, read: raw seed bytes to normalised text with line numbers, or a reason why not."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # htmlseed imports this module: the record type only, at check time
    from .htmlseed import PageMetadata

# Share of control characters (other than tab/newline) above which a file is binary, not text.
MAX_CONTROL_RATIO = 0.01
# Unicode's control characters (category Cc: C0, DEL and C1) other than tab and line breaks.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Bytes that are undefined in cp1252: their presence means the file is not cp1252 either.
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
# Above this size a file is a dump, not one article: the longest long-form pieces are about
# 100 KB, and spaCy's NER needs about 1 GB of memory per 100,000 characters of one text.
MAX_SEED_BYTES = 500_000
# Byte order marks of UTF-16 (Windows Notepad's "Unicode"): text, although full of null bytes.
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Suffixes of the files in seeds/ that are seeds: plain text, and saved web pages, raw or
# gzipped (longest first, so that `x.html.gz` has the stem `x`). Any other file in seeds/ is
# named in a warning, never silently skipped.
SEED_SUFFIXES = (".html.gz", ".htm.gz", ".html", ".htm", ".txt")


def seed_suffix(filename: str) -> str | None:
    """The seed suffix `filename` ends with (case as written), or None for any other file."""
    return next((s for s in SEED_SUFFIXES if filename.endswith(s)), None)


@dataclass(frozen=True)
class SeedText:
    """A decoded seed: NFC text, its lines (1-based numbering kept), how it was decoded."""

    id: str
    filename: str
    text: str
    lines: tuple[str, ...]
    encoding: str
    notes: tuple[str, ...]
    sha256: str
    # A saved web page's own metadata (None for a text seed); `text` is then the extracted
    # article, published as the raw source instead of the page (htmlseed.py).
    page: PageMetadata | None = None


@dataclass(frozen=True)
class SeedProblem:
    """A seed that cannot be published, with a message naming the file."""

    filename: str
    message: str
    sha256: str = ""


def decode_seed(seed_id: str, filename: str, data: bytes) -> SeedText | SeedProblem:
    """Decode bytes as UTF-8 (BOM, CRLF), UTF-16 or cp1252; refuse empty, huge, binary files.

    A saved web page (`.html`, `.htm`, gzipped or not) goes to htmlseed.decode_page instead.
    """
    from . import htmlseed  # lazy: htmlseed imports SeedText from here

    if htmlseed.is_html_seed(filename):
        page = htmlseed.decode_page(seed_id, filename, data)
        if isinstance(page, SeedProblem):
            return page
        return replace(page[0], page=page[1])
    digest = hashlib.sha256(data).hexdigest()
    if not data:
        return SeedProblem(filename, "fichier vide", digest)
    if len(data) > MAX_SEED_BYTES:
        return SeedProblem(
            filename,
            f"fichier trop volumineux ({_megabytes(len(data))} ; limite "
            f"{_megabytes(MAX_SEED_BYTES)}) : pas un article de presse, ignoré",
            digest,
        )
    notes: list[str] = []
    if data.startswith(_UTF16_BOMS):
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            return SeedProblem(filename, "encodage illisible : UTF-16 invalide", digest)
        notes.append("encodé en UTF-16 : converti en UTF-8")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        notes.append("marque d’ordre d’octets UTF-8 (BOM) retirée")
    if b"\x00" in data:
        return SeedProblem(filename, "fichier binaire (octets nuls), ignoré", digest)
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as exc:
        if _CP1252_UNDEFINED & set(data):
            return SeedProblem(
                filename,
                f"encodage illisible : ni UTF-8 (octet invalide à la position {exc.start}) "
                "ni cp1252",
                digest,
            )
        text = data.decode("cp1252")
        encoding = "cp1252"
        notes.append(
            f"pas en UTF-8 (octet invalide à la position {exc.start}) : décodé en cp1252"
        )
    controls = len(_CONTROLS.findall(text))
    if text and controls / len(text) > MAX_CONTROL_RATIO:
        return SeedProblem(filename, "fichier binaire (caractères de contrôle), ignoré", digest)
    if "\r" in text:
        notes.append("fins de ligne Windows (CRLF) converties")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    normalised = unicodedata.normalize("NFC", text)
    if normalised != text:
        notes.append("Unicode normalisé en NFC")
    if not normalised.strip():
        return SeedProblem(filename, "fichier sans texte (blancs seulement)", digest)
    return SeedText(
        id=seed_id,
        filename=filename,
        text=normalised,
        lines=tuple(normalised.split("\n")),
        encoding=encoding,
        notes=tuple(notes),
        sha256=digest,
    )


def _megabytes(size: int) -> str:
    """A byte count in French notation: `3,1 Mo`."""
    return f"{size / 1_000_000:.1f} Mo".replace(".", ",")
