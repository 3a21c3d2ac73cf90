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

__all__ = ["agency_named", "names_outlet", "note_agencies", "other_agency", "the_agency"]

_LONGEST = 4
"""The most words of an agency's name ("Korean Central News Agency")."""
_OTHER_AGENCY = re.compile(
    r"(?:[A-Z][\w’'-]*\s+){1,5}(?:Agency|Service)\b|\b(?:UNHCR|IAEA|NIS|CIA|FBI|NSA|EPA|NASA|UNRWA|UNICEF)\b|"
    r"\b(?i:spy|intelligence|refugee|space|nuclear|atomic|aid|health|environment(?:al)?|weather|border|tax|"
    r"customs|security|energy|food|relief)\s+agency\b"
)
"""An agency that is no news agency: "the National Intelligence Service", "UNHCR", "the UN refugee agency"."""
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


def other_agency(holders: Holders, sentence: str) -> str | None:
    """An agency a sentence names after any news agency in it that is no news agency itself, as written, or None.

    "SEOUL (Reuters) - South Korea's National Intelligence Service said .... The agency said"
    is not Reuters's: "the agency" after it is the one named last, not the dateline's.
    """
    news = agency_named(holders, sentence)
    after = 0 if news is None else sentence.rfind(news) + len(news)
    found = [
        match.group().removeprefix("The ").removeprefix("the ")
        for match in _OTHER_AGENCY.finditer(sentence, after)
        if agency_name(match.group().removeprefix("The ").removeprefix("the ")) is None
        and not any(word in match.group().casefold() for word in ("news", "press", "wire"))
    ]
    known = [name for name in found if holders.names.lookup(name) or holders.proposed(name)]
    return (known or found)[-1] if found else None  # "UNHCR, the UN refugee agency,": UNHCR, whom the draft knows


def note_agencies(holders: Holders, sentence: str) -> None:
    """Note the news agency a sentence names last, and an agency that is none named after it."""
    named = agency_named(holders, sentence)
    holders.agency_named = named or holders.agency_named
    holders.other_agency = other_agency(holders, sentence) or (None if named else holders.other_agency)


def the_agency(holders: Holders, *, holder: bool = False) -> str | None:
    """The news agency named last, whom "the agency" is: proposed now if only written till now, or None.

    When an agency that is no news agency was named since ("the National Intelligence
    Service", "UNHCR"), "the agency" is not the news agency: as a ``holder`` it is that
    agency when the registry or the draft knows it, else None; as a relay, None.
    """
    if holders.other_agency is not None:
        if not holder:
            return None
        known = holders.names.lookup(holders.other_agency) or holders.proposed(holders.other_agency)
        return None if known is None else holders.use(known)
    if holders.agency_named is not None:
        holders.agency(holders.agency_named)
        holders.agency_named = None
    return holders._last_agency
