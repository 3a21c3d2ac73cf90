"""What a story named before, for the words that point back at it: "the official", "the ministry", "she", "they".

"Interior Ministry spokesman Ali Demir said ... The official added ..." is Ali Demir's, and
"the ministry said" after it the Interior Ministry's: a definite description is the
holder named last whose name, title or kind it fits. "She said" is the person named last
unless the story has told that person is a man ("Mr", "spokesman"), then the last
person it has told is a woman; "they said" after a body is the body's.
:class:`factlog.drafting._holders.Holders` keeps an :class:`Earlier` and resolves what it
finds.
"""

from __future__ import annotations

import re

import attrs

from factlog.drafting._names import CAPITAL, normal
from factlog.model._kinds import EntityKind

__all__ = [
    "Antecedent",
    "Earlier",
    "body_in_title",
    "body_words",
    "described",
    "gender_in",
    "person_words",
    "bodies_mentioned",
    "outside_quotes",
    "people_in_plural",
    "titled_people",
    "words_of",
]


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_OFFICIAL = _set(
    "spokesman spokeswoman spokesperson minister secretary director envoy ambassador commander official governor "
    "mayor premier chairman chairwoman chair president chief head deputy aide adviser advisor diplomat officer "
    "general prosecutor commissioner administrator undersecretary"
)
"""A title whose holder "the official" may stand for."""
_PERSON_NOUNS = _OFFICIAL | _set("analyst expert executive lawmaker senator researcher economist")
_BODY_NOUNS = _set(
    "ministry department office commission committee council union group organisation organization company firm "
    "military army navy police party court bank institute centre center authority regulator operator coalition "
    "alliance movement association federation embassy board militia country"
)
_BY_KIND: dict[str, frozenset[EntityKind]] = {
    "group": frozenset((EntityKind.ORGANISATION, EntityKind.GROUP)),
    "organisation": frozenset((EntityKind.ORGANISATION, EntityKind.GROUP)),
    "organization": frozenset((EntityKind.ORGANISATION, EntityKind.GROUP)),
    "party": frozenset((EntityKind.POLITICAL_PARTY,)),
    "country": frozenset((EntityKind.COUNTRY,)),
}
"""A noun any body of these kinds answers to, whatever its name: "the group" after "the Farmers Union"."""
_MILITARY = re.compile(r"\b(?:army|navy|military|forces|command|air force|marines)\b", re.IGNORECASE)
_DEFINITE = re.compile(r"(?:the|that|this)\s+(?P<modifiers>(?:[a-z][\w-]*\s+){0,2})(?P<noun>[a-z]+)", re.IGNORECASE)
_FEMININE = _set("ms ms. mrs mrs. madam spokeswoman chairwoman congresswoman businesswoman")
_MASCULINE = _set("mr mr. spokesman congressman businessman")
"""Words that tell a gender reliably: an honorific, a gendered noun; not "chairman" (said of women too), no pronoun."""
_TITLE_WORDS = (
    r"(?:Mr|Ms|Mrs|Miss|Mx|Dr)\.?|(?i:spokes(?:man|woman|person)|minister|secretary|director|chief|envoy|ambassador|"
    r"general|commander|chairman|chairwoman|president|governor|mayor|premier|leader|official|adviser|advisor|aide|"
    r"professor|analyst|expert|executive|prosecutor|commissioner)"
)
_TITLED = re.compile(
    rf"(?P<title>\b(?:[A-Z][\w’'-]*\s+){{0,3}}(?:[a-z][\w-]*\s+)?(?:{_TITLE_WORDS}))\s+"
    rf"(?P<name>{CAPITAL}[\w’'-]+(?:\s+{CAPITAL}[\w’'-]+){{0,3}})(?![\w’'-])"
)
"""A name after a title, with the words of the title: "Interior Ministry spokesman Ali Demir", "Ms Ortiz"."""
_APPOSED = re.compile(
    rf"(?P<name>{CAPITAL}[\w’'-]+(?:\s+{CAPITAL}[\w’'-]+){{1,3}}),\s+(?:an?|the)\s+(?P<title>[^,;:“”\"]{{1,60}}?),"
)
"""A name with its title between commas after it: "Ali Demir, a ministry spokesman,"."""
_BODY_IN_TITLE = re.compile(
    r"(?:[A-Z][\w’'-]*\s+){0,3}(?:Ministry|Department|Office|Commission|Committee|Council|Union|Agency|Service|"
    r"Army|Navy|Police|Party|Bank|Institute|Authority)\b"
)
"""A body named in a person's title: "Interior Ministry" in "Interior Ministry spokesman Ali Demir"."""
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]?|‘[^’]*’?")
_REACH = 3
"""How many sentences back a description or a pronoun reaches: no further than the three before."""
_PLURAL_PEOPLE = re.compile(
    r"\b(?i:protesters|demonstrators|lawmakers|legislators|workers|residents|villagers|students|soldiers|troops|"
    r"refugees|migrants|farmers|fishermen|civilians|activists|opposition|voters|prisoners|detainees|people|"
    r"families|relatives|victims|survivors|patients|doctors|nurses|teachers|members|officials|police officers|"
    r"journalists|reporters|supporters|critics|rebels|militants|fighters|crew|passengers|citizens|children)\b(?!\s+[A-Z])"
)
"""People named in the plural, whom "they" after them may be; not in a name ("the Farmers Union")."""
_BODY_MENTIONED = re.compile(
    r"(?:\b[A-Z][\w’'-]*\s+){1,4}(?:Ministry|Department|Office|Commission|Committee|Council|Union|Agency|Service|"
    r"Army|Navy|Police|Party|Bank|Institute|Authority|Group|group|Court|Company|Corporation|Association)\b"
)
"""A body a sentence names by the noun of its name ("the Defense Ministry", "the Red Hand group")."""


def words_of(text: str) -> frozenset[str]:
    """The words of a name or title as matched (case-folded), for comparing descriptions."""
    return frozenset(re.findall(r"[\w.’'-]+", normal(text)))


def described(phrase: str) -> tuple[frozenset[str], str] | None:
    """The modifiers and head noun of a definite description ("the senior official": {senior}, official), or None."""
    found = _DEFINITE.fullmatch(" ".join(phrase.split()))
    if found is None or found["noun"].casefold() not in _PERSON_NOUNS | _BODY_NOUNS:
        return None
    return frozenset(found["modifiers"].casefold().split()), found["noun"].casefold()


def gender_in(words: frozenset[str]) -> str | None:
    """The gender, "f" or "m", when the words say it (a title, a pronoun) and say only one, else None."""
    feminine, masculine = bool(words & _FEMININE), bool(words & _MASCULINE)
    return None if feminine == masculine else "f" if feminine else "m"


def person_words(title: str) -> frozenset[str]:
    """The descriptions a person answers to by their title ("spokesman": spokesman, spokesperson, official)."""
    answers: set[str] = set()
    for word in words_of(title):
        if word in _PERSON_NOUNS:
            answers.add(word)
        if word in _OFFICIAL:
            answers.add("official")
        if word.startswith("spokes"):
            answers.add("spokesperson")
        if word == "spokesperson":
            answers.update(("spokesman", "spokeswoman"))
    return frozenset(answers)


def body_words(name: str, kind: EntityKind | None, description: str = "") -> frozenset[str]:
    """The descriptions a body answers to: the nouns of its name and description, its kind's ("group")."""
    answers = {word for word in words_of(f"{name} {description}") if word in _BODY_NOUNS}
    answers.update(noun for noun, kinds in _BY_KIND.items() if kind in kinds)
    if _MILITARY.search(name):
        answers.update(("military", "army"))
    return frozenset(answers)


def titled_people(sentence: str) -> list[tuple[str, str]]:
    """The people a sentence names with a title, as (title, name): before the name or between commas after it."""
    found = [(match["title"], match["name"]) for match in _TITLED.finditer(sentence)]
    found += [(match["title"], match["name"]) for match in _APPOSED.finditer(sentence)]
    return found


def body_in_title(title: str) -> str | None:
    """The body a person's title names ("Interior Ministry" in "Interior Ministry spokesman"), or None."""
    found = _BODY_IN_TITLE.search(title)
    return None if found is None else found.group()


def outside_quotes(sentence: str) -> str:
    """The sentence with what stands inside quotation marks blanked: names there are the quoted speaker's."""
    return _QUOTED.sub(lambda found: " " * len(found.group()), sentence)


def bodies_mentioned(sentence: str) -> list[str]:
    """The bodies a sentence names outside quotation marks by the noun of their names, as written."""
    return [found.group() for found in _BODY_MENTIONED.finditer(outside_quotes(sentence))]


def people_in_plural(sentence: str) -> bool:
    """Whether a sentence names people in the plural ("protesters", "the opposition lawmakers")."""
    return _PLURAL_PEOPLE.search(outside_quotes(sentence)) is not None


@attrs.frozen
class Antecedent:
    """One holder or person named before: an entity id, or a name as written not yet resolved."""

    key: str
    resolved: bool
    person: bool
    answers: frozenset[str]
    """The head nouns of the descriptions it answers to: "official", "ministry"."""
    words: frozenset[str]
    """The words of its name and title: a modifier of a description must be one ("the interior ministry")."""
    at: int = 0
    """The number of the sentence it was named in last."""
    spoke: bool = True
    """Whether it spoke or opened a sentence, rather than was only mentioned ("the Defense Ministry published")."""


@attrs.define
class Earlier:
    """The holders and people a story has named, most recent last, and the gender it has told of each."""

    items: list[Antecedent] = attrs.field(factory=list)
    genders: dict[str, str] = attrs.field(factory=dict)
    """A person's name, as matched, to "f" or "m"."""
    sentence: int = 0
    """The number of the sentence read now."""
    mentioned_last: bool = False
    """Whether the person named last opened a sentence in the outlet's voice, rather than spoke."""
    opened: str | None = None
    """The person a sentence in the outlet's own voice opens with, as written, till its people are noted."""
    before: str = ""
    """The sentence read last, whose plural people "they" may be."""

    def add(self, item: Antecedent, *, replacing: str | None = None) -> None:
        """Note ``item`` as named last (once: an earlier note of it, or of ``replacing``, merged into it)."""
        merged = attrs.evolve(item, at=self.sentence)
        for old in [old for old in self.items if old.key in {item.key, replacing}]:
            merged = attrs.evolve(merged, answers=merged.answers | old.answers, words=merged.words | old.words)
            self.items.remove(old)
        self.items.append(merged)

    def near(self) -> list[Antecedent]:
        """What was named within reach (:data:`_REACH` sentences back), most recent last."""
        return [item for item in self.items if item.at >= self.sentence - _REACH]

    def pointed_at(self, phrase: str) -> Antecedent | None:
        """What a definite description points back at: the one named within reach that answers to it, else None.

        Two that answer to its noun and modifiers ("the Foreign Ministry" spoke, "the Defense
        Ministry published") leave it unnamed: a wrong holder is worse than none.
        """
        found = described(phrase)
        if found is None:
            return None
        modifiers, noun = found
        fitting = [item for item in self.near() if noun in item.answers and modifiers <= item.words]
        return fitting[0] if len(fitting) == 1 else None

    def tell(self, name: str, gender: str | None) -> None:
        """Note a person's gender, when told and not told otherwise before."""
        if gender is not None:
            self.genders.setdefault(normal(name), gender)

    def last_body(self) -> Antecedent | None:
        """The holder named last, when a body or a group named in this sentence or the one before, no person since.

        "They said" further on may be people the story spoke of without naming ("Protesters gathered.").
        """
        last = self.items[-1] if self.items else None
        if last is None or last.person or not last.spoke or last.at < self.sentence - 1:
            return None
        return None if people_in_plural(self.before) else last
