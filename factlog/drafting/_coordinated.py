"""Holders joined by "and": "Both Moscow and Pyongyang have denied ...", "Russia, China and North Korea said".

A list gives a claim to each name in it when the names are known (the registry's, or
proposed by the draft already), or bare proper names beside a known one, or written with
commas; a name with "and" in it and no known part ("the Ministry of Trade and Industry")
stays one holder. The names are resolved by :class:`factlog.drafting._holders.Holders`.
"""

from __future__ import annotations

from factlog.drafting import _holderwords as words
from factlog.drafting._holders import Holders
from factlog.drafting._kinds import entity_kind
from factlog.drafting._names import Names
from factlog.model._kinds import EntityKind

__all__ = ["coordinated"]


def coordinated(holders: Holders, phrase: str) -> tuple[str, ...]:
    """The entities a phrase joins with "and", when it names two or more ("Both Moscow and Pyongyang").

    Empty unless every part is a known name (the registry's, or one this draft has
    proposed already, such as the dateline's agency) or a bare proper name of at most
    three capitalised words, and at least one part is known or the parts are written
    with commas ("Velmora, Tarsia and Orland"): "CPA and Reuters" after a CPA dateline
    is two holders, and so are two people's names of two words or more ("Kim Yung-ho and
    Shin Won-sik"), while an unknown name with "and" in it ("the Ministry of Trade and
    Industry", "Marks and Spencer") stays whole.
    """
    parts = [part for part in words.AND.split(words.BOTH.sub("", " ".join(phrase.split()))) if part]
    if len(parts) < 2:
        return ()
    parts = _shared_head(holders.names, parts)
    known: list[str | None] = []
    titled_parts = 0
    for part in list(parts):
        names = holders.names.find(part)
        if names and not part[names[-1].end :].strip(" .’'s"):
            known.append(names[-1].entity)
        elif (proposed := holders.proposed(part)) is not None:
            known.append(proposed)
        elif words.PROPER_NAME.match(part.strip(" .")) or words.TITLED_PROPER_NAME.match(part.strip(" .")):
            known.append(None)
        elif (described := _described_person(part)) is not None:
            known.append(None)  # "Election chief Anton Belek and his deputy Mira Sato": a person each
            parts[parts.index(part)] = described
            titled_parts += 1
        else:
            return ()
    titled = titled_parts > 0 or any(words.TITLED_PROPER_NAME.match(part.strip(" .")) for part in parts)
    listed = "," in phrase or words.BOTH.match(phrase.strip()) is not None  # "Kim and Lee both said": two people
    people = all(len(part.split()) >= 2 and entity_kind(part.strip(" .")) is EntityKind.PERSON for part in parts)
    if all(entity is None for entity in known) and not listed and not titled and not people:
        return ()  # "Marks and Spencer" may be one name; "Velmora, Tarsia and Orland" is a list
    found = [
        holders.resolve(part.strip(" .")) if entity is None else holders.use(entity)
        for part, entity in zip(parts, known, strict=True)
    ]
    distinct = tuple(dict.fromkeys(found))
    return distinct if len(distinct) >= 2 else ()


def _shared_head(names: Names, parts: list[str]) -> list[str]:
    """Parts that share the last part's head written once: "North and South Korea" is North Korea and South Korea.

    A lone capitalised word before the last part takes the last part's words after its first
    when that makes a registry name; any other part is left as written.
    """
    last = parts[-1].strip(" .").split()
    if len(last) < 2:
        return parts
    head = " ".join(last[1:])
    shared = []
    for part in parts[:-1]:
        whole = f"{part.strip()} {head}"
        found = names.find(whole) if words.SURNAME.fullmatch(part.strip()) else []
        shared.append(whole if len(found) == 1 and (found[0].start, found[0].end) == (0, len(whole)) else part)
    return [*shared, parts[-1]]


def _described_person(part: str) -> str | None:
    """The name a part of a list describes a person by: "Election chief Anton Belek", "his deputy Mira Sato"."""
    found = words.TITLED_NAME.match(part.strip(" .")) or words.OWNED_TITLE.match(part.strip(" ."))
    return None if found is None or len(found["name"].split()) < 2 else part.strip(" .")
