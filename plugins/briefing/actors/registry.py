"""Stage 2: curated actors from content/actors/*.md, validated; bad files are author errors."""

from __future__ import annotations

import re
from collections.abc import Iterable

from slugify import slugify

from briefing import actor_lexicon as lex

from ..records import split_values
from .model import KINDS, AuthorError, RegistryEntry
from .names import simple_fold


def _split_list(value: str | None) -> tuple[str, ...]:
    """A list field of an actor file (`records.split_values`), as a tuple."""
    return tuple(split_values(value))


def parse_registry(
    files: Iterable[tuple[str, dict[str, str], str]],
) -> tuple[tuple[RegistryEntry, ...], tuple[AuthorError, ...]]:
    """Validate curated actor files; bad entries become author errors and are skipped."""
    entries: list[RegistryEntry] = []
    errors: list[AuthorError] = []
    claimed: dict[str, str] = {}
    for path, meta, body in sorted(files, key=lambda f: f[0]):
        meta = {k.lower(): (v if isinstance(v, str) else str(v)) for k, v in meta.items()}
        name = (meta.get("name") or meta.get("title") or "").strip()
        kind = (meta.get("kind") or "").strip().lower()
        wikidata = (meta.get("wikidata") or "").strip() or None
        if not name:
            errors.append(AuthorError(
                path, "name", f"{path}: champ « name » (ou « title ») manquant"))
            continue
        if kind not in KINDS:
            errors.append(AuthorError(
                path, "kind", f"{path}: kind {kind!r} inconnu (attendu : {', '.join(KINDS)})"))
            continue
        if wikidata and not re.fullmatch(r"Q[1-9]\d*", wikidata):
            errors.append(AuthorError(path, "wikidata", f"{path}: wikidata {wikidata!r} invalide"))
            continue
        aliases = _split_list(meta.get("aliases"))
        bad = [a for a in (name, *aliases) if a in lex.NOT_NAMES]
        if bad:
            errors.append(AuthorError(
                path, "aliases", f"{path}: {bad[0]!r} est un mot de gabarit, pas un nom d’acteur"))
            continue
        keys = {simple_fold(a) for a in (name, *aliases)}
        clash = sorted(k for k in keys if k in claimed)
        if clash:
            errors.append(AuthorError(
                path, "aliases",
                f"{path}: alias {clash[0]!r} déjà revendiqué par {claimed[clash[0]]}"))
            continue
        for k in keys:
            claimed[k] = path
        slug = re.sub(r"\.[^.]*$", "", path.replace("\\", "/").rsplit("/", 1)[-1])
        entries.append(RegistryEntry(
            slug=slugify(meta.get("slug") or slug), name=name, kind=kind, aliases=aliases,
            roles=_split_list(meta.get("roles")), wikidata=wikidata, bio_html=body,
            source_path=path))
    return tuple(entries), tuple(errors)
