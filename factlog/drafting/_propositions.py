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
  affirmed then). The office is the registry entity named "<title> of <country>".
"""

from __future__ import annotations

import re

import attrs

from factlog.drafting._names import Names
from factlog.model._dates import Interval
from factlog.model._kinds import EntityKind
from factlog.model._nouns import DateValue, Proposition, Quantity
from factlog.model._quantities import Estimate
from factlog.model._scales import Polarity

__all__ = ["Found", "office_titles", "sentence_proposition"]

_VERBS = {
    "visits": r"visited|(?:to|will|would) visit|is visiting|arrived in|arrives in|travel(?:l)?ed to|travels to",
    "meets": r"met(?: with)?|meets with|(?:to|will|would) meet(?: with)?|held talks with",
    "attends": r"attended|attends|(?:to|will|would) attend",
}
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
_TITLES = r"President|Premier|Prime Minister|Foreign Minister|Defen[cs]e Minister|Leader|leader|Chancellor|King"
_OFFICE = re.compile(
    rf"(?P<former>[Ff]ormer\s+)?(?P<country>U\.S\.|US|American|Chinese|Russian|North Korean|South Korean|Japanese|"
    rf"Ukrainian|British|French|German|[A-Z][a-z]+[’']s)\s+(?P<title>{_TITLES})\s+"
    rf"(?P<name>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){{0,2}})"
)
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


def _entity_in(names: Names, text: str, kinds: tuple[EntityKind, ...] | None = None) -> str | None:
    for match in names.find(text):
        if kinds is None or names.kind(match.entity) in kinds:
            return match.entity
    return None


def _relation(names: Names, predicates: set[str], sentence: str, when: Interval | None) -> Proposition | None:
    for predicate, verbs in _VERBS.items():
        if predicate not in predicates:
            continue
        match = re.search(rf"(?<![\w-])(?:{verbs})(?![\w-])", sentence)
        if match is None:
            continue
        subjects = [m.entity for m in names.find(sentence[: match.start()])]
        wanted = (EntityKind.EVENT,) if predicate == "attends" else None
        target = _entity_in(names, sentence[match.end() :], wanted)
        persons = [s for s in subjects if names.kind(s) in (EntityKind.PERSON, EntityKind.COUNTRY, EntityKind.GROUP)]
        if persons and target is not None and target != persons[-1]:
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
    relation or figure when the words name none. An event's date is proposed only from
    words of the sentence.
    """
    predicates = set(vocabulary)
    when = named or published
    return (
        _relation(names, predicates, sentence, when)
        or _figure(names, figures, sentence, when)
        or _event_date(names, predicates, sentence, named)
    )


def _country(names: Names, written: str) -> str | None:
    written = written.removesuffix("’s").removesuffix("'s")
    name = _DEMONYMS.get(written.casefold(), written)
    entity = names.lookup(name)
    return None if entity is None else names.entities[entity].name


def office_titles(names: Names, predicates: set[str], sentence: str, when: Interval | None) -> list[Found]:
    """Office titles before a name: affirmed, or denied when the title is "former"."""
    if "holds-office" not in predicates:
        return []
    found = []
    for match in _OFFICE.finditer(sentence):
        person = names.lookup(match.group("name")) or _entity_in(names, match.group("name"), (EntityKind.PERSON,))
        country = _country(names, match.group("country"))
        if person is None or country is None:
            continue
        title = match.group("title")
        office = names.lookup(f"{title} of {country}") or names.lookup(f"{title} of the {country}")
        if office is None:
            continue
        former = match.group("former") is not None
        proposition = Proposition(subject=person, predicate="holds-office", object=office, when=when)
        polarity = Polarity.DENIED if former else Polarity.AFFIRMED
        found.append(Found(proposition, match.start(), match.end(), polarity))
    return found
