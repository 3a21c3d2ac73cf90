"""Names as written to entities: the registry's names and aliases, new named holders, vague ones.

A name matches when it is the same as an entity's name or one of its aliases after
Unicode NFC normalisation, case folding, typographic apostrophes read as ``'`` and runs
of spaces read as one. A phrase is searched for the longest names it contains, word by
word, so "North Korea's state news agency KCNA" finds the agency, not the country.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

import attrs

from factlog.model._kinds import EntityKind
from factlog.model._nouns import Entity

__all__ = [
    "CAPITAL",
    "INVISIBLE",
    "VAGUE_NOUNS",
    "Names",
    "agency_name",
    "count_of",
    "names_someone",
    "normal",
    "slug",
    "vague",
]

CAPITAL = "[A-Z" + "".join(letter for letter in map(chr, range(0xC0, 0x250)) if letter.isupper()) + "]"
"""A capital letter opening a name, ASCII or Latin with a diacritic ("Ørsted", "Łukasz Żak")."""
INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\u00ad"
"""Characters that show nothing: a byte-order mark, zero-width spaces and joiners, a word joiner, a soft hyphen."""
_TOKEN = re.compile(r"[\w'’.\-]+")
_LONGEST = 10
_NUMBER_WORDS = {
    "a": 1,
    "both": 2,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
VAGUE_NOUNS = (
    r"officials?|people|persons?|sources?|analysts?|experts?|observers?|diplomats?|researchers?|"
    r"residents?|witnesses|witness|critics?|insiders?|aides?|lawmakers?|legislators?|activists?|"
    r"spokesm[ae]n|spokeswom[ae]n|spokespersons?|members?|scholars?|commentators?|officers?|soldiers?|defectors?|"
    r"intelligence|assessments?|reports?|media|sides|parties|countries|governments?|individuals?"
)
_VAGUE = re.compile(
    rf"^(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|some|several|many|most|few|"
    rf"both|other|the|senior|unnamed|anonymous|local|western|foreign|independent)\b[\s\w.,'’-]*?\b)?"
    rf"(?:{VAGUE_NOUNS})\b",
    re.IGNORECASE,
)
_COMPASS = re.compile(r"(?P<letter>[nsew])\.\s*(?=[a-z])")
"""A compass point cut short before a name ("S. Korea"), as wire copy writes it."""
_COMPASS_WORDS = {"n": "north ", "s": "south ", "e": "east ", "w": "west "}
_GERMAN_DESCRIPTOR = re.compile(
    r"(?i:experte|expertin|experten|analyst|analystin|analysten|sprecher|sprecherin|diplomat|diplomatin|diplomaten|"
    r"beamter|beamte|beamten|kreise|kreisen|quelle|quellen|beobachter|beobachterin|insider)$"
)
"""A German word for people of a kind, ending a descriptor, alone or in a compound ("Nordkorea-Experte")."""
_ARTICLES = {"the", "a", "an"}
_NAME_JOINERS = {"of", "for", "and", "the", "on", "de"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i"}


_AGENCIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Yonhap", ("Yonhap News Agency", "연합뉴스", "연합")),
    ("KCNA", ("Korean Central News Agency", "조선중앙통신", "조선중앙통신사")),
    ("Rodong Sinmun", ("로동신문", "노동신문")),
    ("TASS", ("ТАСС", "ИТАР-ТАСС", "ITAR-TASS")),
    ("RIA Novosti", ("РИА Новости",)),
    ("Interfax", ("Интерфакс",)),
    ("Xinhua", ("Xinhua News Agency", "新华社", "新華社")),
    ("Kyodo", ("Kyodo News", "共同通信")),
    ("Reuters", ()),
    ("AP", ("Associated Press", "The Associated Press")),
    ("AFP", ("Agence France-Presse",)),
    ("dpa", ("Deutsche Presse-Agentur", "German Press Agency")),
    ("Bloomberg", ()),
    ("NHK", ()),
)
"""Well-known news agencies by the name English reports give them, with the names they are also written by."""


def agency_name(phrase: str) -> str | None:
    """The English name of a well-known news agency written in any of its forms ("연합뉴스": "Yonhap"), or None."""
    return _agency_forms().get(normal(unicodedata.normalize("NFKC", phrase)))


@functools.cache
def _agency_forms() -> dict[str, str]:
    """Each form of a well-known agency's name, as matched, to its English name (the first agency's if shared)."""
    forms: dict[str, str] = {}
    for name, others in _AGENCIES:
        for form in (name, *others):
            forms.setdefault(normal(form), name)
    return forms


def normal(text: str) -> str:
    """A name as matched: NFC, case-folded, typographic apostrophes as ``'``, single spaces."""
    text = unicodedata.normalize("NFC", text).casefold().replace("’", "'").replace("‘", "'")
    return " ".join(text.split())


def slug(text: str) -> str:
    """An id made from words: lowercase ASCII letters and digits joined by hyphens ("entity" when none)."""
    # "Lavrov’s deputy" and "Lavrov's deputy" are one id: the typographic apostrophe is the straight one.
    text = text.replace("’", "'")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    return "-".join(words)[:60].strip("-") or "entity"


def vague(phrase: str) -> bool:
    """Whether a holder phrase is a descriptor, not a name: "a senior official", "two people familiar ..."."""
    words = phrase.split()
    if len(words) >= 2 and words[0].casefold() in _ARTICLES:
        words = words[1:]  # "The ministry" opening a sentence is as vague as "the ministry"; "The Hague" is a name
    first = words[0] if words else ""
    if len(words) >= 2 and all(word[:1].isupper() or word in _NAME_JOINERS for word in words):
        return False  # a name in title case: "The National Intelligence Service", "Foreign Ministry" is not "ministry"
    if _GERMAN_DESCRIPTOR.search(phrase):
        return True  # "Nordkorea-Experte", "Regierungssprecher": a German descriptor, one word with its topic
    return bool(_VAGUE.match(phrase)) or (first[:1].islower() and first.casefold() not in _PRONOUNS)


def names_someone(phrase: str) -> bool:
    """Whether a lowercase phrase describes people or sources ("unnamed sources"), not things ("safety concerns")."""
    return bool(_VAGUE.match(phrase.strip()))


def count_of(phrase: str) -> int | None:
    """The number of people a vague descriptor states: "two people ..." is 2, "analysts" is None."""
    words = phrase.split()
    if not words:
        return None
    first = words[0].casefold()
    if first.isdigit():
        return int(first)
    return _NUMBER_WORDS.get(first)


@attrs.frozen
class Match:
    """A registry name found in a phrase."""

    entity: str
    start: int
    end: int


class Names:
    """The registry's names and aliases, for finding entities in phrases."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.entities: dict[str, Entity] = {}
        self._by_name: dict[str, str] = {}
        for entity in entities:
            self.entities[entity.id] = entity
            for written in (entity.name, *entity.aliases):
                # "Korean Central News Agency (KCNA)" is matched as written, without the parentheses and as KCNA.
                short = re.fullmatch(r"(?P<name>.+?)\s*\((?P<short>[^()]+)\)", written)
                for name in (written, *(() if short is None else (short["name"], short["short"]))):
                    self._by_name.setdefault(normal(name), entity.id)
                    if name.casefold().startswith("the "):
                        self._by_name.setdefault(normal(name[4:]), entity.id)

    def lookup(self, name: str) -> str | None:
        """The id of the entity with this name or alias (or id), or None."""
        key = normal(name)
        found = self._by_name.get(key)
        if found is None and key in self.entities:
            return key
        return found

    def find(self, phrase: str) -> list[Match]:
        """The registry names in a phrase, longest first at each word, in order, never overlapping."""
        tokens = [(match.start(), match.end()) for match in _TOKEN.finditer(phrase)]
        found: list[Match] = []
        index = 0
        while index < len(tokens):
            for length in range(min(_LONGEST, len(tokens) - index), 0, -1):
                start, end = tokens[index][0], tokens[index + length - 1][1]
                entity = self._name_at(phrase[start:end])
                if entity is not None:
                    while end > start and phrase[end - 1] in ".-" and self._name_at(phrase[start : end - 1]):
                        end -= 1
                    found.append(Match(entity, start, end))
                    index += length
                    break
            else:
                index += 1
        return found

    def _name_at(self, text: str) -> str | None:
        key = normal(text)
        found = self._by_name.get(key)
        if found is None and key.endswith((".", "'s")):
            found = self._by_name.get(key.rstrip(".").removesuffix("'s"))
        if found is None and (short := _COMPASS.match(key)) is not None:
            # "S. Korea", "N. Korea's": wire copy's short form of "South Korea", "North Korea".
            return self._name_at(_COMPASS_WORDS[short["letter"]] + key[short.end() :])
        return found

    def kind(self, entity: str) -> EntityKind | None:
        """The kind of a registry entity, or None."""
        found = self.entities.get(entity)
        return None if found is None else found.kind
