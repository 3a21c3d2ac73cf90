"""Inputs and snapshots for the tests of a split put in place: two small claim sets, each with a document."""

from __future__ import annotations

from pathlib import Path

import attrs

import factlog
from tests.helpers import claim, world


def claims_with_document(folder: Path, document: str, *ids: str) -> Path:
    """``folder/claims.jsonl``: claims ``ids``, the first source's document ``document`` (written there)."""
    claims = world(*(claim(id) for id in ids))
    claims = attrs.evolve(claims, sources=(attrs.evolve(claims.sources[0], document=document), *claims.sources[1:]))
    (folder / document).parent.mkdir(parents=True, exist_ok=True)
    (folder / document).write_text(f"The text of {document}.", encoding="utf-8")
    factlog.dump(claims, folder / "claims.jsonl")
    return folder / "claims.jsonl"


def contents(folder: Path) -> dict[str, bytes | None]:
    """Every file's bytes, and every folder (None), by its path in ``folder``."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() if path.is_file() else None for path in folder.rglob("*")
    }


@attrs.frozen
class Pair:
    """An earlier split and the input of a new one, with the contents of each split written fresh."""

    earlier: Path
    new_input: Path
    old: dict[str, bytes | None]
    new: dict[str, bytes | None]


def pair(folder: Path) -> Pair:
    """Inputs in ``folder``: an earlier split (3 claims, 2 a file, a document in ``old/``), a new input (4 others)."""
    (folder / "one").mkdir()
    (folder / "two").mkdir()
    factlog.split_lines(claims_with_document(folder / "one", "old/a.txt", "c1", "c2", "c3"), folder / "earlier", 2)
    new_input = claims_with_document(folder / "two", "new/b.txt", "n1", "n2", "n3", "n4")
    factlog.split_lines(new_input, folder / "fresh", 1)
    return Pair(folder / "earlier", new_input, contents(folder / "earlier"), contents(folder / "fresh"))
