"""Propositions where a pattern is clear, against the vocabulary given; otherwise none.

Patterns (each only when the registry's vocabulary defines the predicate, and the
entities are found in the registry):

* ``visits`` — "X visited / is set to visit / arrived in / traveled to Y";
* ``meets`` — "X met (with) / is expected to meet / to meet Y";
* ``attends`` — "X attended / to attend E", E an event entity;
* ``takes-place-on`` — an event entity and a date in one sentence: the event's date;
* a figure with a unit ("11,000 troops") — the object of a functional predicate whose
  label names that unit, about the first entity of the sentence; the words before it
  keep their meaning ("at least 120 troops" is ``at-least``, "about 600" ``about``);
* office titles — "former U.S. President Donald Trump" (``holds-office``, denied at the
  time the article was written), "Russian President Vladimir Putin" (``holds-office``,
  affirmed then), "Trade Minister Anton Belek". The office is the registry entity named
  or aliased "<title> of <country>", the country read from an adjective (a built-in
  demonym or a registry alias such as "Velmoran") or a possessive; or, with no country
  written, the entity whose name or alias is the title as written ("Trade Minister").
"""

from __future__ import annotations

import re

import attrs

from factlog.drafting._names import Names, normal
from factlog.model._dates import Interval
from factlog.model._kinds import EntityKind
from factlog.model._nouns import DateValue, Proposition, Quantity
from factlog.model._quantities import Estimate
from factlog.model._scales import Polarity

__all__ = ["Found", "dayless_note", "office_titles", "one_day", "sentence_proposition"]

_VERBS = {
    "visits": r"visited|(?:to|will|would) visit|is visiting|arrived in|arrives in|travel(?:l)?ed to|travels to",
    "meets": r"met(?: with)?|meets with|(?:to|will|would) meet(?: with)?|held talks with",
    "attends": r"attended|attends|(?:to|will|would) attend",
}
_FUTURE = frozenset({"to", "will", "would"})
"""The first word of a verb of ``_VERBS`` that makes it a future: "to visit", "will meet"."""
_DEMONYMS = {
    "american": "United States",
    "u.s.": "United States",
    "us": "United States",
    "chinese": "China",
    "russian": "Russia",
    "north korean": "North Korea",
    "south korean": "South Korea",
    "japanese": "Japan",
    "ukrainian": "Ukraine",
    "british": "United Kingdom",
    "french": "France",
    "german": "Germany",
}
# The words that may stand between a title and its name ("the", a comma) end the search for a title.
_TITLE_WORD = re.compile(r"[\w.’'-]+")
_TITLE_WORDS = 5
# A word before a title that makes it another office, or none yet: "Deputy Trade Minister"
# is not the Trade Minister, nor is a "would-be" one.
_OTHER_OFFICE = frozenset(
    {"deputy", "vice", "assistant", "associate", "shadow", "junior", "under", "would-be", "prospective", "designate"}
)
_DEMONYM_WORDS = 2
# The words before a figure that say how it was given (docs/format.md, "Figures as
# reporters give them"): "at least 120" has no upper bound, and is never drafted as 120.
_ESTIMATES = {
    "at least": Estimate.AT_LEAST,
    "no fewer than": Estimate.AT_LEAST,
    "no less than": Estimate.AT_LEAST,
    "more than": Estimate.MORE_THAN,
    "over": Estimate.MORE_THAN,
    "upwards of": Estimate.MORE_THAN,
    "in excess of": Estimate.MORE_THAN,
    "up to": Estimate.UP_TO,
    "as many as": Estimate.UP_TO,
    "at most": Estimate.UP_TO,
    "no more than": Estimate.UP_TO,
    "fewer than": Estimate.LESS_THAN,
    "less than": Estimate.LESS_THAN,
    "under": Estimate.LESS_THAN,
    "about": Estimate.ABOUT,
    "around": Estimate.ABOUT,
    "approximately": Estimate.ABOUT,
    "roughly": Estimate.ABOUT,
    "some": Estimate.ABOUT,
    "an estimated": Estimate.ABOUT,
    "nearly": Estimate.ABOUT,
    "almost": Estimate.ABOUT,
}
_FIGURE = re.compile(
    r"(?:\b(?P<estimate>(?i:" + "|".join(sorted(_ESTIMATES, key=len, reverse=True)) + r"))\s+)?"
    r"(?<![\w.])(?P<amount>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s+(?P<unit>[a-z]+)"
)


@attrs.frozen
class Found:
    """A proposition found in a sentence, with the words it was read from and their polarity."""

    proposition: Proposition
    start: int
    end: int
    polarity: Polarity = Polarity.AFFIRMED


_CLAUSE_OPENING = re.compile(
    r"(?:^|[,;]\s*|\s)(?:when|where|while|after|before|because|since|until|as|once|if|though|although)\s+",
    re.IGNORECASE,
)
"""A subordinate clause's first word: a name before it is not the subject of a verb after it."""
_GOVERNED = re.compile(
    r"\b(?:in|to|from|at|into|with|of|for|on|by|near|visited|visiting|visit|left|leaving|met|meet|saw|called)\s+$",
    re.IGNORECASE,
)
"""A preposition or verb right before a name: the name is its object or a place, not a subject."""


def _entity_in(names: Names, text: str, kinds: tuple[EntityKind, ...] | None = None) -> str | None:
    for match in names.find(text):
        if kinds is None or names.kind(match.entity) in kinds:
            return match.entity
    return None


def _relation(
    names: Names, predicates: set[str], sentence: str, named: Interval | None, published: Interval | None
) -> Proposition | None:
    """The relation a verb of ``_VERBS`` gives, at the time named, else (for a past or present verb) the publication's.

    A future ("to visit", "will meet") has not happened on the day of writing: without a
    time of its own it gets none, never the publication day.
    """
    for predicate, verbs in _VERBS.items():
        if predicate not in predicates:
            continue
        match = re.search(rf"(?<![\w-])(?:{verbs})(?![\w-])", sentence)
        if match is None:
            continue
        # The subject stands in the verb's own clause ("..., when he met Lavrov": "he", no name) and
        # is no object or place ("visited Moscow in April, when he met"): unsure, no proposition.
        opening = max((clause.end() for clause in _CLAUSE_OPENING.finditer(sentence, 0, match.start())), default=0)
        subjects = [
            m
            for m in names.find(sentence[: match.start()])
            if m.start >= opening and not _GOVERNED.search(sentence[: m.start])
        ]
        wanted = (EntityKind.EVENT,) if predicate == "attends" else None
        target = _entity_in(names, sentence[match.end() :], wanted)
        persons = [
            m.entity
            for m in subjects
            if names.kind(m.entity) in (EntityKind.PERSON, EntityKind.COUNTRY, EntityKind.GROUP)
        ]
        if persons and target is not None and target != persons[-1]:
            future = match.group().split()[0].casefold() in _FUTURE
            when = named if future else named or published
            return Proposition(subject=persons[-1], predicate=predicate, object=target, when=when)
    return None


def _event_date(names: Names, predicates: set[str], sentence: str, when: Interval | None) -> Proposition | None:
    if "takes-place-on" not in predicates or when is None:
        return None
    event = _entity_in(names, sentence, (EntityKind.EVENT,))
    if event is None:
        return None
    return Proposition(subject=event, predicate="takes-place-on", object=DateValue(date=when))


def _figure(names: Names, vocabulary: dict[str, str], sentence: str, when: Interval | None) -> Proposition | None:
    for match in _FIGURE.finditer(sentence):
        unit = match.group("unit")
        if re.fullmatch(r"1[89]\d\d|20\d\d", match.group("amount")):
            continue  # a year, not a figure
        predicate = next((pid for pid, label in vocabulary.items() if re.search(rf"\b{unit}\b", label)), None)
        subject = _entity_in(names, sentence)
        if predicate is None or subject is None:
            continue
        text = match.group("amount").replace(",", "")
        amount: int | float = float(text) if "." in text else int(text)
        words = match.group("estimate")
        estimate = None if words is None else _ESTIMATES[" ".join(words.lower().split())]
        figure = Quantity(amount=amount, estimate=estimate, unit=unit)
        return Proposition(subject=subject, predicate=predicate, object=figure, when=when)
    return None


def sentence_proposition(
    names: Names,
    vocabulary: dict[str, str],
    figures: dict[str, str],
    sentence: str,
    *,
    named: Interval | None,
    published: Interval | None,
) -> Proposition | None:
    """The proposition of a sentence where one pattern fits, or None.

    ``vocabulary`` maps the predicate ids given to their labels, ``figures`` the
    functional ones (whose label may name a unit); ``named`` is the time the sentence's
    words name, if any, and ``published`` the article's date, the valid time of a
    relation (but a future one: "to visit", "will meet") or figure when the words name
    none. An event's date is proposed only from words of the sentence.
    """
    predicates = set(vocabulary)
    when = named or published
    return (
        _relation(names, predicates, sentence, named, published)
        or _figure(names, figures, sentence, when)
        or _event_date(names, predicates, sentence, named)
    )


def _country(names: Names, written: str) -> str | None:
    """The registry name of the country an adjective or a possessive names ("U.S.", "Velmoran", "Velmora's")."""
    written = written.removesuffix("’s").removesuffix("'s")
    name = _DEMONYMS.get(written.casefold(), written)
    entity = names.lookup(name)
    return None if entity is None else names.entities[entity].name


def _office_of(names: Names, words: list[str], person: str) -> str | None:
    """The office entity the words before a name give, or None.

    ``words`` are the title as written, with a country before it or not: "U.S.
    President", "Velmoran President", "Velmora's Trade Minister", "trade minister". The
    office is the registry entity named (or aliased) "<title> of <country>" or
    "<title> of the <country>"; without a country, one whose alias is the title as
    written. Never the person, nor an entity of a kind that holds offices (a person, a
    country) or is no office (an outlet, an event, a place), nor one not named "... of ...".
    """
    candidates: list[str | None] = []
    for split in range(min(_DEMONYM_WORDS, len(words) - 1), 0, -1):
        country = _country(names, " ".join(words[:split]))
        if country is not None:
            title = " ".join(words[split:])
            candidates += [names.lookup(f"{title} of {country}"), names.lookup(f"{title} of the {country}")]
    candidates.append(names.lookup(" ".join(words)))
    for office in candidates:
        if office is not None and office != person and _is_office(names, office):
            return office
    return None


def _is_office(names: Names, entity: str) -> bool:
    """Whether an entity is an office: named or aliased "<title> of <something>", and of no kind that holds one."""
    found = names.entities[entity]
    named = any(" of " in name for name in (found.name, *found.aliases))
    return named and found.kind not in _NO_OFFICE


_NO_OFFICE = (EntityKind.PERSON, EntityKind.COUNTRY, EntityKind.MEDIA_OUTLET, EntityKind.EVENT, EntityKind.PLACE)


def _persons(names: Names, sentence: str) -> list[tuple[str, int, int]]:
    """The registry persons named in a sentence: (id, start, end), a title inside an alias left out.

    "President Xi Jinping", an alias of Xi, is found as "Xi Jinping" after "President ":
    the words before the entity's name are left out of an alias that ends with it.
    """
    found = []
    for match in names.find(sentence):
        if names.kind(match.entity) is not EntityKind.PERSON:
            continue
        name = normal(names.entities[match.entity].name)
        start = match.start
        for word in _TITLE_WORD.finditer(sentence, match.start, match.end):
            if word.start() > match.start and normal(sentence[word.start() : match.end]) == name:
                start = word.start()
                break
        found.append((match.entity, start, match.end))
    return found


def office_titles(names: Names, predicates: set[str], sentence: str, when: Interval | None) -> list[Found]:
    """Office titles before a registry person's name: affirmed, or denied when the title is "former".

    The words right before the name (at most five, none of them across punctuation)
    are read as "[former] [country] <title>", longest first; see :func:`_office_of` for
    what the registry needs. Each found title is a :class:`Found` spanning "[Former]
    ... <name>". A title after "Deputy", "Vice", "Shadow", "Would-be" and the like names
    another office, or none yet: no claim. Needs ``holds-office`` among ``predicates``;
    returns [] without it.
    """
    if "holds-office" not in predicates:
        return []
    found = []
    for person, start, end in _persons(names, sentence):
        before = [word for word in _TITLE_WORD.finditer(sentence[:start]) if word.end() <= start]
        # Only words joined by spaces to the name: a comma, "the" or a quotation mark ends the title.
        words: list[re.Match[str]] = []
        for word in reversed(before):
            gap = sentence[word.end() : words[0].start() if words else start]
            if not gap.isspace() or len(words) == _TITLE_WORDS:
                break
            words.insert(0, word)
        for first in range(len(words)):
            written = [word.group() for word in words[first:]]
            former = written[0].casefold() == "former"
            title = written[1:] if former else written
            office = _office_of(names, title, person) if title and title[-1][:1].isalpha() else None
            if office is None:
                continue
            if first and words[first - 1].group().casefold() in _OTHER_OFFICE:
                break  # "Deputy Trade Minister Belek": another office than the one the rest names
            proposition = Proposition(subject=person, predicate="holds-office", object=office, when=when)
            polarity = Polarity.DENIED if former else Polarity.AFFIRMED
            found.append(Found(proposition, words[first].start(), end, polarity))
            break
    return found


def one_day(date: Interval | None) -> bool:
    """Whether the publication date is one day (a day or a time of day), not a month or a span."""
    return date is not None and date.first_day == date.last_day and date.start == date.end


def dayless_note(date: Interval | None) -> str:
    """Why a "former" title got no proposition: the day of writing is not known."""
    given = "no publication date" if date is None else f"the publication date {date} names no single day"
    return (
        f"'former' denies the office on the day of writing, and {given}: give --published as a day"
        " to draft the denial for that day (never over a month: it would deny an appointment made earlier in it)."
    )
