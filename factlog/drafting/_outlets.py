"""News outlets a story names: whether a dateline's agency is the outlet itself, and the agency named last.

"The clash was first reported by Yonhap. A fisherman told the agency that ..." is the
fisherman's, via Yonhap: "the agency" is the news agency named last, as holder, relay or
anywhere in a sentence, not the dateline's when another was named since.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from factlog.drafting._names import agency_name, normal
from factlog.model._kinds import EntityKind

if TYPE_CHECKING:
    from factlog.drafting._holders import Holders

__all__ = ["agency_named", "names_outlet"]

_LONGEST = 4
"""The most words of an agency's name ("Korean Central News Agency")."""
_CAPITALISED = re.compile(r"[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*)*")


def names_outlet(holders: Holders, name: str, outlet: str) -> bool:
    """Whether an agency's name is the outlet's: its id, name or an alias, or their first words."""
    entity = holders.used.get(outlet) or holders.names.entities.get(outlet)
    written = normal(name)
    if entity is None or not written:
        return False
    if holders.names.lookup(name) == outlet or written == outlet:
        return True
    return any(
        known == written or known.startswith(written + " ")
        for known in (normal(entity.name), *(normal(alias) for alias in entity.aliases))
    )


def agency_named(holders: Holders, sentence: str) -> str | None:
    """The news agency a sentence names last, as written: a well-known agency or the registry's outlet, or None."""
    found: list[tuple[int, str]] = []
    for run in _CAPITALISED.finditer(sentence):
        words = list(re.finditer(r"\S+", run.group()))
        for first in range(len(words)):
            for last in range(min(len(words), first + _LONGEST), first, -1):
                written = run.group()[words[first].start() : words[last - 1].end()].rstrip(".,")
                if agency_name(written) is not None:
                    found.append((run.start() + words[first].start(), written))
                    break
    for match in holders.names.find(sentence):
        if holders.names.kind(match.entity) is EntityKind.MEDIA_OUTLET:
            found.append((match.start, sentence[match.start : match.end]))
    return max(found)[1] if found else None
