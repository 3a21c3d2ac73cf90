"""Holders written again in other words: a country's body by description, a person by one name.

"South Korea's spy agency" (or "S. Korea's", "Seoul's") is the registry's intelligence
body of South Korea, the NIS, and "the spy agency" after it the same body; "Mao" after
"Mao Ning" was named (as a holder, or anywhere in the article: "Foreign Ministry
spokesperson Mao Ning spoke on Monday.") is Mao Ning. These functions read the names;
:class:`factlog.drafting._holders.Holders` keeps the entities.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from factlog.drafting import _holderwords as words
from factlog.drafting._kinds import entity_kind
from factlog.drafting._names import Names, normal
from factlog.model._kinds import EntityKind
from factlog.model._nouns import Entity

__all__ = ["described_again", "owned_body", "people_named", "surname_of"]

_TITLED_PERSON = re.compile(
    r"\b(?i:spokes(?:man|woman|person)|minister|secretary|director|chief|envoy|ambassador|general|commander|"
    r"chairman|chairwoman|president|governor|mayor|premier|leader|official|adviser|advisor|aide|professor|"
    r"analyst|expert|executive)\s+(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3})(?![\w’'-])"
)
"""A full name after a one-person title, anywhere in a sentence: "spokesperson Mao Ning"."""
_ARTICLE = re.compile(r"^(?:the|that|this)\s+", re.IGNORECASE)


def owned_body(names: Names, owner: str, described: str) -> str | None:
    """The registry's one body of ``owner`` a description names ("spy agency" of South Korea: the NIS), or None.

    The body speaks for the owner (its affiliation), and its name or an alias has the word
    the description stands for (:data:`factlog.drafting._holderwords.OWNED_BODIES`).
    """
    for description, named in words.OWNED_BODIES:
        if description.fullmatch(described) is None:
            continue
        bodies = [
            entity.id
            for entity in names.entities.values()
            if entity.affiliation == owner and any(named.search(name) for name in (entity.name, *entity.aliases))
        ]
        return bodies[0] if len(bodies) == 1 else None
    return None


def described_again(body: Entity | None, phrase: str) -> bool:
    """Whether "the spy agency" (a description of a body, with its article) fits ``body``, a named body."""
    described = _ARTICLE.sub("", phrase)
    if body is None or body.anonymous or described == phrase:
        return False
    return any(
        description.fullmatch(described) is not None and any(named.search(name) for name in (body.name, *body.aliases))
        for description, named in words.OWNED_BODIES
    )


def people_named(names: Names, sentence: str) -> list[str]:
    """The people a sentence names in full, as written: registry persons and full names after a title.

    "Foreign Ministry spokesperson Mao Ning spoke on Monday." names "Mao Ning" (a person's
    name of two to four capitalised words); a lone word later may stand for it.
    """
    found = [
        sentence[match.start : match.end]
        for match in names.find(sentence)
        if names.kind(match.entity) is EntityKind.PERSON
    ]
    titled = [
        match["name"]
        for match in _TITLED_PERSON.finditer(sentence)
        if entity_kind(match["name"]) is EntityKind.PERSON and names.lookup(match["name"]) is None
    ]
    return [*found, *titled]


def surname_of(phrase: str, people: Mapping[str, str]) -> str | None:
    """The key of the one person among ``people`` (key: full name) whose first or last name ``phrase`` is, or None.

    "Mao" is "Mao Ning" (the family name first), "Peskov" "Dmitry Peskov"; None for more
    than a lone capitalised word, or when no person, or two, bear it.
    """
    if words.SURNAME.fullmatch(phrase) is None:
        return None
    written = normal(phrase)
    bearers = [
        key
        for key, person in people.items()
        if len(person.split()) > 1 and written in {normal(person).split()[0], normal(person).split()[-1]}
    ]
    return bearers[0] if len(bearers) == 1 else None
