"""What kind of entity a name written in an article is: a news outlet, a body, people of a body, a person.

The drafter proposes an entity for a holder that is not in the registry; these rules
give it a kind ("Foreign Ministry" a government body, "Korea Herald" a media outlet),
a name without the article before it ("The Secret Intelligence Service" is "Secret
Intelligence Service"), and tell people of a body ("NIS officials") from the body.
"""

from __future__ import annotations

import re

from factlog.drafting._names import CAPITAL, agency_name
from factlog.model._kinds import EntityKind

__all__ = [
    "ACRONYM_WORD",
    "INSTITUTION",
    "MEMBERS",
    "OUTLET_WORDS",
    "agency_in",
    "entity_kind",
    "names_a_body",
    "proposed_name",
    "without_article",
]

OUTLET_WORDS = re.compile(r"\b(?:News|Times|Post|Press|Herald|Journal|TV|Radio|Broadcasting|Daily)\b")
"""A word of a news outlet's name: "Yonhap News Agency", "The Korea Herald"."""
_BODY_WORDS = re.compile(r"\b(?:Ministry|Department|Office|Council|Committee|Commission|Cabinet|Command|Parliament)\b")
_ORG_WORDS = re.compile(
    r"\b(?:Institute|Center|Centre|Foundation|University|Company|Corporation|Group|Association|Union|Federation|"
    r"Alliance|Coalition|Movement|Front)\b"
)
INSTITUTION = re.compile(
    r"\b(?:Service|Agency|Council|Committee|Commission|Ministry|Department|Office|Bureau|Staff|Command|Forces|"
    r"Army|Navy|Guard|Institute|Center|Centre|Administration|Authority|Directorate|Assembly|Court|Party)$"
)
"""The last word of an institution's name: "The Secret Intelligence Service" is no title before a name."""
MEMBERS = re.compile(
    r"^(?:the\s+)?(?P<body>[A-Z][\w.&’'-]*(?:\s+(?:[A-Z][\w.&’'-]*|of|for|and|on))*?)\s+"
    r"(?P<members>(?:(?:senior|top|junior|local|military|intelligence|government|security|defen[cs]e)\s+)*"
    r"(?:officials?|sources?|diplomats?|analysts?|experts?|officers?|lawmakers?|spokes(?:man|woman|person)|aides?|"
    r"insiders?|researchers?|soldiers?|members?|staff|personnel|investigators?|prosecutors?|authorities|agents?))$"
)
"""People of a named body: "NIS officials", "Pentagon sources", "Foreign Ministry officials"."""
_ACRONYM_NAME = re.compile(r"[A-Z][A-Z0-9&]+")
ACRONYM_WORD = re.compile(r"(?<![\w.])[A-Z][A-Z0-9&]+(?![\w.])")
"""An acronym among other words: "NIS" in "a senior NIS official"."""
_DEMONYM = re.compile(r"(?:[A-Z]\w*\s+)*[A-Z]\w*(?:an|ese|ish|ch|i|ic)")
"""A word of nationality ("Russian", "South Korean", "Japanese"): no body of its own to speak for."""
_LEADING_ARTICLE = re.compile(r"^(?:the|The)\s+(?=[A-Z])")
""""The" before a name in title case ("The Secret Intelligence Service"): no part of the name."""
_NEWSPAPER = re.compile(
    r"\b(?:Times|Post|Herald|Journal|Daily|Guardian|Tribune|Gazette|Observer|Economist|Telegraph|Independent|"
    r"Globe|Star|Sun|Mirror|Chronicle|Register|Inquirer|Standard|Courier|Examiner|Hindu|Atlantic)\b"
)
"""A word of a newspaper's title, which often has "The" in it ("The Korea Herald", "The Times")."""
_CAPITALISED = re.compile(rf"^{CAPITAL}[\w’'.-]*(?:\s+(?:{CAPITAL}[\w’'.-]*|of|the|and|for|de|al|bin))*$")


def agency_in(phrase: str) -> str | None:
    """The well-known agency a phrase names with its description ("Russia's TASS news agency" is TASS), or None."""
    described = re.fullmatch(
        r"(?:(?:the|a)\s+)?(?:[\w-]+(?:['’]s)?\s+){0,5}?(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)"
        r"(?:\s+(?:state\s+)?(?:news\s+agency|agency|news|newspaper|daily|broadcaster|wire))?",
        phrase,
    )
    return None if described is None else agency_name(described["name"])


def entity_kind(name: str) -> EntityKind:
    """The kind of entity a name proposes: a media outlet, a government body, an organisation or a person."""
    if OUTLET_WORDS.search(name) or agency_name(name) is not None:
        return EntityKind.MEDIA_OUTLET
    if _BODY_WORDS.search(name):
        return EntityKind.GOVERNMENT_BODY
    if _ORG_WORDS.search(name) or INSTITUTION.search(name) or re.search(r"\b[A-Z]{2,}\b", name):
        return EntityKind.ORGANISATION  # "The National Intelligence Service", "The JCS": no person's names
    if _CAPITALISED.match(name) and 2 <= len(name.split()) <= 4:
        return EntityKind.PERSON
    return EntityKind.ORGANISATION


def without_article(phrase: str) -> str:
    """A name without "The" before it ("The Secret Intelligence Service": "Secret Intelligence Service")."""
    return _LEADING_ARTICLE.sub("", phrase)


def proposed_name(phrase: str) -> str:
    """The name of an entity proposed for a phrase, without the article: the sentence's, not the name's.

    A newspaper's title often has it ("The Korea Herald"), and keeps it.
    """
    return phrase if _NEWSPAPER.search(phrase) else without_article(phrase)


def names_a_body(name: str) -> bool:
    """Whether a name people are of names a body: an acronym ("NIS") or an institution ("Foreign Ministry").

    A word of nationality ("Russian") names none.
    """
    if _DEMONYM.fullmatch(name):
        return False
    return bool(_ACRONYM_NAME.fullmatch(name) or INSTITUTION.search(name) or _BODY_WORDS.search(name))
