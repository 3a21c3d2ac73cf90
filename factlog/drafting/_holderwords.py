"""The words and patterns by which holder phrases are read: names, titles, bodies, places, pronouns."""

from __future__ import annotations

import re

from factlog.drafting._names import CAPITAL, INVISIBLE, VAGUE_NOUNS
from factlog.model._kinds import EntityKind

__all__ = [
    "ACRONYM",
    "AGENCY_WORD",
    "AND",
    "BODY_OF",
    "BOTH",
    "DESCRIBED_NAME",
    "HONORIFIC",
    "NOT_A_SUBJECT",
    "OPENING_NAME",
    "OWNED_BODIES",
    "OWNED_TITLE",
    "PERSON_NOUN",
    "PERSON_OF",
    "PLACED",
    "POSSESSED",
    "PRONOUN",
    "PROPER_NAME",
    "SURNAME",
    "THE_AGENCY",
    "TOPICS",
    "TOPIC_PEOPLE",
    "TITLED_NAME",
    "TITLED_PROPER_NAME",
    "WITHOUT_INVISIBLE",
]

WITHOUT_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE))
PRONOUN = re.compile(r"^(?:he|she|they|we|i)$", re.IGNORECASE)
HONORIFIC = re.compile(r"(?:Mr|Ms|Mrs|Miss|Mx)\.?\s+(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3})")
"""A person's name after an honorific, which is no part of it ("Ms Ortiz" is Ortiz) and tells a gender."""
BOTH = re.compile(r"^both\s+", re.IGNORECASE)
AND = re.compile(r",?\s+and\s+|,\s+(?=.*\sand\s)")
"""The joints of a list: "Russia, China(,) and North Korea" (a comma joins only in a list closed by "and")."""
PROPER_NAME = re.compile(rf"^{CAPITAL}[\w’'.&-]*(?:\s+{CAPITAL}[\w’'.&-]*){{0,2}}$")
"""A bare proper name: one to three capitalised words ("Reuters", "Radio Free Asia")."""
TITLED_PROPER_NAME = re.compile(
    r"^(?:[A-Z][\w’'.&-]*\s+){0,2}(?:Minister|Secretary|Director|Chief|Envoy|Ambassador|General|Commander|"
    r"Chairman|Chairwoman|President|Governor|Mayor|Premier|Leader|Spokesperson|Spokesman|Spokeswoman)\s+"
    r"[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,2}$"
)
"""A proper name after a capitalised title: "Unification Minister Kim Yung-ho" in a list of names."""
POSSESSED = re.compile(r"['’]s(?:\s+[a-z][\w-]*){1,4}")
"""What a registry name owns, in common nouns: "Kim Jong Un's sister", "Russia's foreign ministry"."""
TITLED_NAME = re.compile(
    rf"^(?:[\w.’'-]+\s+){{0,4}}(?i:{VAGUE_NOUNS}|minister|secretary|director|chief|envoy|ambassador|"
    r"general|commander|chairman|chairwoman|chair|president|governor|mayor|premier|leader|head|executive|"
    r"ceo|founder|senator|congressman|congresswoman|representative|gov\.|rep\.|sen\.|gen\.|lt\.|col\.|dr\.)\s+"
    rf"(?P<name>{CAPITAL}[\w’'.-]*(?:\s+{CAPITAL}[\w’'.-]*){{0,3}})$"
)
"""A title or descriptor before a proper name: "ministry spokesperson Mao Ning" is Mao Ning.

The last title word before the name ends the title: "Bybit Chief Executive Ben Zhou" is Ben Zhou.
"""
OWNED_TITLE = re.compile(
    r"^(?:his|her|their|its)\s+(?:[a-z][\w-]*\s+){1,3}(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})$"
)
"""A person described by whose they are before the name: "his deputy Mira Sato" is Mira Sato."""
PERSON_OF = re.compile(r"(?P<person>.+?)\s+(?:of|from)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}[A-Z][\w’'.&\s-]*$")
"""A titled person of a body: "Rep. Lee Seong-kweun of the ruling People Power Party" is Rep. Lee Seong-kweun."""
DESCRIBED_NAME = re.compile(
    r"^(?!.*['’]s\s)(?:[\w.’'-]+\s+){0,4}?(?i:firm|company|group|agency|outlet|newspaper|broadcaster|organi[sz]ation|"
    r"think tank|startup|exchange|bank|lender|operator|watchdog|monitor|platform|researcher|consultancy|"
    r"network|institute)\s+(?P<name>[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,3})$"
)
"""A common-noun description before a proper name: "Blockchain analysis firm Elliptic" is Elliptic.

A possessive keeps the whole ("Velmora's state broadcaster VTV"), as the owner's description.
"""
BODY_OF = re.compile(
    r"\s(?:of|at|from)\s+(?:the\s+)?(?P<body>[A-Z][\w’'.&-]*(?:\s+(?:[A-Z][\w’'.&-]*|of|for|and|on))*)$"
)
"""The body a descriptor's people are of: "Two officials of the National Intelligence Service"."""
ACRONYM = re.compile(r"\s*\((?P<acronym>[A-Z][A-Z0-9&.-]{1,9})\)")
"""An acronym in parentheses after a name: "The National Intelligence Service (NIS)"."""
PERSON_NOUN = re.compile(
    r"\b(?:spokes(?:man|woman|person)|official|source|diplomat|officer|analyst|expert|minister|aide|lawmaker|"
    r"envoy|ambassador|leader|president|secretary|director|commander)$",
    re.IGNORECASE,
)
"""A descriptor of one person ("the spokesman", "a senior official"): "he" or "she" after it is that person."""
SURNAME = re.compile(r"[A-Z][\w’'-]+")
"""A lone capitalised word, which may be the last name of a person named before."""
THE_AGENCY = re.compile(
    r"(?:the|that)\s+(?:(?:news|state|state-run|state-owned|official|wire)\s+)*(?:agency|wire service|news service)",
    re.IGNORECASE,
)
"""A news agency spoken of as "the agency" ("the news agency"): the one named last, as in the dateline."""
OPENING_NAME = re.compile(rf"(?P<name>{CAPITAL}[\w’'.-]*(?:\s+{CAPITAL}[\w’'.-]*){{0,3}})(?=,|\s+[a-z])")
"""The capitalised words a sentence opens with, ending before a comma or a lowercase word: its subject."""
NOT_A_SUBJECT = re.compile(
    r"(?:In|On|At|After|Before|From|For|With|By|During|Since|Meanwhile|However|But|And|Yet|The|A|An|This|That|"
    r"These|Those|It|He|She|They|We|I|There|Here|Last|Next|Earlier|Later|Separately)\b"
)
"""A first word that is no name: a preposition, an article, a pronoun, a connective."""
PLACED = re.compile(r"\s(?P<preposition>in|at|of|from|inside|within)\s+(?:the\s+)?$", re.IGNORECASE)
"""A preposition before a name inside a descriptor: "diplomats in Beijing", "officials at the Pentagon"."""
AGENCY_WORD = re.compile(r"\bAgency\b")
OWNED_BODIES: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (
        re.compile(r"(?:state\s+)?(?:spy|intelligence|espionage)\s+(?:agency|service|organi[sz]ation)", re.IGNORECASE),
        re.compile(r"\bIntelligence\b"),
    ),
)
"""What a country's body is called in common nouns, and the word of the body's own name it stands for.

"South Korea's spy agency" is the registry's intelligence body of South Korea, the NIS.
"""
TOPIC_PEOPLE = re.compile(r"\b(?:experts?|analysts?|observers?|watchers?|researchers?|scholars?|specialists?)$")
"""People who know about what is named before them ("North Korea experts"), rather than belong to it."""
TOPICS = frozenset((EntityKind.COUNTRY, EntityKind.PLACE))
"""Kinds of entity that people who know about them do not speak for: "Russia analysts" are not Russia's."""
