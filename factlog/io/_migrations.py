"""Format versions, and the pure dict-to-dict steps that upgrade old documents.

``MIGRATIONS[n]`` turns a version-``n`` document into a version-``n + 1`` one. Version 1
is the first published format, so there are no steps yet; the machinery is here so a
later version can never break a file already written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from factlog._echo import echoed
from factlog.errors import FormatError

__all__ = ["FORMAT", "MIGRATIONS", "VERSION", "upgrade"]

FORMAT = "factlog"
VERSION = 1

Migration = Callable[[dict[str, Any]], dict[str, Any]]
MIGRATIONS: Mapping[int, Migration] = {}


def upgrade(
    document: dict[str, Any], migrations: Mapping[int, Migration] = MIGRATIONS, current: int = VERSION
) -> dict[str, Any]:
    """The document in the current format version, or a FormatError saying why not."""
    problems = []
    if "format" not in document:
        problems.append(f"$.format: required key missing (expected {FORMAT!r})")
    elif document["format"] != FORMAT:
        problems.append(f"$.format: expected {FORMAT!r}, got {echoed(document['format'])}")
    version = document.get("version")
    if "version" not in document:
        problems.append(f"$.version: required key missing (expected {current})")
    elif isinstance(version, bool) or not isinstance(version, int) or version < 1:
        problems.append(f"$.version: expected a format version (an integer from 1), got {echoed(version)}")
    elif version > current:
        problems.append(f"$.version: version {version} is newer than this factlog reads ({current}); upgrade factlog")
    if problems:
        raise FormatError(problems)
    assert isinstance(version, int)
    while version < current:
        step = migrations.get(version)
        if step is None:
            raise FormatError([f"$.version: no migration from version {version}"])
        document = step(dict(document))
        version += 1
        document["version"] = version
    return document
