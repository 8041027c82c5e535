"""Decoding seeds: encodings, BOM, CRLF, NFC, and refusals that name the problem."""

from __future__ import annotations

import unicodedata

import pytest
from briefing.reading import SeedProblem, SeedText, decode_seed


def test_utf8_bom_and_crlf_are_normalised_and_said() -> None:
    seed = decode_seed("s", "s.txt", "\ufeffLigne une\r\nLigne deux\r\n".encode())
    assert isinstance(seed, SeedText)
    assert seed.lines[:2] == ("Ligne une", "Ligne deux")
    assert any("BOM" in n for n in seed.notes)
    assert any("CRLF" in n for n in seed.notes)


def test_cp1252_is_decoded_and_said() -> None:
    seed = decode_seed("s", "s.txt", "Le président l’a dit.".encode("cp1252"))
    assert isinstance(seed, SeedText)
    assert seed.text == "Le président l’a dit."
    assert seed.encoding == "cp1252"
    assert any("cp1252" in n for n in seed.notes)


def test_text_is_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Azerbaïdjan élu")
    seed = decode_seed("s", "s.txt", decomposed.encode())
    assert isinstance(seed, SeedText)
    assert seed.text == "Azerbaïdjan élu"
    assert "NFC" in " ".join(seed.notes)


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"", "vide"),
        (b"  \n\t\n  ", "blancs"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binaire"),
        (bytes(range(1, 32)) * 10, "binaire"),
        (b"caf\xe9 \x81\x8d", "illisible"),
    ],
)
def test_unusable_seeds_are_refused_with_a_reason(data: bytes, needle: str) -> None:
    result = decode_seed("s", "s.txt", data)
    assert isinstance(result, SeedProblem)
    assert needle in result.message
    assert result.filename == "s.txt"
