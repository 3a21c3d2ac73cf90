"""Holders that point back: "the official", "the ministry", "she" and "they", read against what a story named before.

The bookkeeping of :class:`factlog.drafting._holders.Holders` for them: what each holder,
titled person and body named answers to (:mod:`factlog.drafting._antecedents`), and which
of them a description or a pronoun stands for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from factlog.drafting._antecedents import (
    Antecedent,
    bodies_mentioned,
    body_in_title,
    body_words,
    gender_in,
    outside_quotes,
    person_words,
    titled_people,
    words_of,
)
from factlog.drafting._holderwords import HONORIFIC, NOT_A_SUBJECT, OPENING_NAME, PERSON_NOUN
from factlog.drafting._kinds import entity_kind
from factlog.drafting._names import count_of, normal, slug
from factlog.drafting._references import surname_of
from factlog.model._kinds import EntityKind
from factlog.model._nouns import Entity

if TYPE_CHECKING:
    from factlog.drafting._holders import Holders

__all__ = ["again", "description", "honoured", "mention", "note_titled", "noted", "pronoun", "surname"]

_GENDERS = {"he": "m", "she": "f"}


def _name_of(holders: Holders, item: Antecedent) -> str:
    if not item.resolved:
        return item.key
    entity = holders.used.get(item.key) or holders.names.entities.get(item.key)
    return item.key if entity is None else entity.name


def _gender(holders: Holders, name: str) -> str | None:
    """The gender the story told of a person, by full name or by a first or last name alone ("Mr Demir")."""
    key = normal(name)
    for written in (key, *key.split()[:1], *key.split()[-1:]):
        if written in holders.earlier.genders:
            return holders.earlier.genders[written]
    return None


def _again(holders: Holders, item: Antecedent) -> str:
    """The entity an antecedent is, resolved now if it was only written, and named last again."""
    if item.resolved:
        found = holders.use(item.key) if item.key in holders.names.entities else item.key
    else:
        found = holders.named(item.key)
    if item.person:
        holders.speaking(found)
    holders.earlier.add(attrs.evolve(item, key=found, resolved=True), replacing=item.key)
    return found


def _one_person(name: str) -> bool:
    """Whether a holder's name is a person's after a word of what they are ("protester Ana Silva")."""
    first, _, rest = name.partition(" ")
    return first.islower() and bool(rest) and entity_kind(rest) is EntityKind.PERSON


def pronoun(holders: Holders, phrase: str) -> str | None:
    """Whom "they", "he" or "she" stands for when the story tells more than the person named last, else None.

    "They" after a body, with no person named since, is the body. "She" is the person
    named last unless the story has told that person is a man, or has told nothing of a
    speaker named last and has told of another that she is a woman: then the last person
    it has told is a woman ("Ms Ortiz said .... Ali Demir said .... She added"); "he"
    likewise. A person opening a sentence in the outlet's voice, told nothing of, stays
    "he" or "she" ("Kim Jong Un inspected a factory. He said ...").
    """
    spoken = phrase.casefold()
    if spoken == "they":
        body = holders.earlier.last_body()
        if body is None or _one_person(_name_of(holders, body)):
            return None  # "said protester Ana Silva. They said ...": one woman, whatever kind she was proposed as
        return _again(holders, body)
    gender = _GENDERS.get(spoken)
    current = holders.last_person()
    told = None if current is None else _gender(holders, current)
    if gender is None or current is None or told == gender or (told is None and holders.earlier.mentioned_last):
        return None  # "Kim Jong Un inspected a factory. He said ...": the subject just named, told nothing of
    for item in reversed(holders.earlier.near()):
        if item.person and _gender(holders, _name_of(holders, item)) == gender:
            return _again(holders, item)
    return None


def honoured(holders: Holders, phrase: str, notes: str) -> str | None:
    """The person "Mr Demir" or "Ms Ortiz" is: a registry person, one named before, or a new person; else None.

    The honorific is no part of the name; a new person is proposed with ``notes``.
    """
    found = HONORIFIC.fullmatch(phrase)
    if found is None:
        return None
    name = found["name"]
    known = holders.names.lookup(name) or holders.proposed(name) or surname(holders, name)
    if known is None:
        known = holders.new(Entity(id=slug(name), name=name, kind=EntityKind.PERSON, notes=notes))
    else:
        holders.use(known)
    holders.speaking(known)
    return known


def again(holders: Holders, phrase: str, notes: str) -> str | None:
    """A person after an honorific (:func:`honoured`) or a holder a definite description points back at, or None."""
    return honoured(holders, phrase, notes) or description(holders, phrase)


def description(holders: Holders, phrase: str) -> str | None:
    """The holder named before that a definite description ("the official", "the ministry") stands for, or None."""
    if holders.names.lookup(phrase) is not None:
        return None
    item = holders.earlier.pointed_at(phrase)
    return None if item is None else _again(holders, item)


def noted(holders: Holders, found: str, phrase: str) -> None:
    """Note a resolved holder as named last, with what it answers to: its title, its name's nouns, its kind's."""
    entity = holders.used.get(found)
    if entity is None:
        return
    if entity.anonymous:
        person = count_of(entity.name) == 1 or PERSON_NOUN.search(entity.name) is not None
        answers = person_words(entity.name) if person else body_words(entity.name, None)
        holders.earlier.add(Antecedent(found, True, person, answers, words_of(entity.name)))
    elif entity.kind is EntityKind.PERSON:
        title = " ".join(title for title, _ in titled_people(phrase))
        _note_body_in(holders, title)
        answers = person_words(title)
        holders.earlier.add(
            Antecedent(found, True, True, answers, words_of(f"{title} {entity.name}")), replacing=entity.name
        )
        holders.earlier.tell(entity.name, gender_in(words_of(title)))
    else:
        answers = body_words(entity.name, entity.kind, phrase)
        item = Antecedent(found, True, False, answers, words_of(f"{phrase} {entity.name}"))
        holders.earlier.add(item, replacing=entity.name)


def _note_body_in(holders: Holders, title: str) -> None:
    """Note the body a person's title names ("Interior Ministry spokesman"), whom "the ministry" may be."""
    body = body_in_title(title)
    if body is None:
        return
    known = holders.names.lookup(body) or holders.proposed(body)
    answers = body_words(body, entity_kind(body))
    item = Antecedent(known or body, known is not None, False, answers, words_of(body))
    holders.earlier.add(item, replacing=body)


def note_titled(holders: Holders, sentence: str, speakers: tuple[str, ...]) -> None:
    """Note the titled people of a sentence, the bodies in their titles and the bodies it mentions.

    Only what stands outside quotation marks: a name in someone's quotation is no
    antecedent. A gender is told only by an honorific or a gendered noun ("Ms",
    "spokeswoman"); a pronoun ("her life", "his majority") may be anyone's.
    """
    holders.earlier.sentence += 1  # noted once a sentence, after its holders
    outside = outside_quotes(sentence)
    for title, name in titled_people(outside):
        _note_body_in(holders, title)
        known = holders.names.lookup(name) or holders.proposed(name)
        item = Antecedent(known or name, known is not None, True, person_words(title), words_of(f"{title} {name}"))
        holders.earlier.add(item, replacing=name if known is not None else None)
        holders.earlier.tell(name, gender_in(words_of(title)))
    holders.earlier.opened = None
    _note_mentioned(holders, outside, speakers)
    holders.earlier.before = sentence


def _note_mentioned(holders: Holders, outside: str, speakers: tuple[str, ...]) -> None:
    """Note the bodies a sentence mentions without their speaking, which make a description ambiguous.

    "Separately, the Defense Ministry published a budget. The ministry said ..." may be the
    Defense Ministry's as well as the one that spoke before: "the ministry" stays unnamed.
    """
    known = {item.key for item in holders.earlier.items} | set(speakers)
    written = [name.removeprefix("The ").removeprefix("the ") for name in bodies_mentioned(outside)]
    for match in holders.names.find(outside):
        if holders.names.kind(match.entity) not in {EntityKind.PERSON, EntityKind.MEDIA_OUTLET}:
            written.append(outside[match.start : match.end])
    for name in written:
        found = holders.names.lookup(name) or holders.proposed(name)
        if (found or name) in known:
            continue
        kind = holders.names.kind(found) if found in holders.names.entities else entity_kind(name)
        item = Antecedent(found or name, found is not None, False, body_words(name, kind), words_of(name), spoke=False)
        holders.earlier.add(item, replacing=name)
        known.add(found or name)


def _note_opening(holders: Holders, sentence: str) -> None:
    """Note a body a sentence in the outlet's own voice opens with ("The Farmers Union called a strike.")."""
    opening = OPENING_NAME.match(sentence.removeprefix("The ").lstrip(' “"'))
    if opening is None or NOT_A_SUBJECT.match(opening["name"]) or opening["name"].endswith(("'s", "’s")):
        return
    name = opening["name"]
    known = holders.names.lookup(name) or holders.proposed(name)
    kind = holders.names.kind(known) if known in holders.names.entities else entity_kind(name)
    answers = body_words(name, kind)
    if kind is EntityKind.PERSON or not (body_words(name, None) or known in holders.names.entities):
        return  # a body by the words of its name ("Farmers Union") or the registry's, not "Crowds grew."
    holders.earlier.add(Antecedent(known or name, known is not None, False, answers, words_of(name)), replacing=name)


def mention(holders: Holders, sentence: str) -> None:
    """Note the person a sentence in the outlet's own voice opens with, and a body it opens with."""
    _note_opening(holders, sentence)  # "The Farmers Union called a strike. The group said ...": the union
    opening = OPENING_NAME.match(sentence.lstrip(' “"'))
    if opening is None or NOT_A_SUBJECT.match(opening["name"]):
        return
    name = opening["name"]
    if name.endswith(("'s", "’s")):
        return  # "North Korea's leader": the owner is no subject
    found = holders.names.find(name)
    if found and (found[0].start, found[0].end) == (0, len(name)):  # else a longer name: "Kim Yo Jong", not "Kim"
        if holders.names.kind(found[0].entity) is EntityKind.PERSON:
            holders.speaking(found[0].entity)
            holders.earlier.opened = holders.names.entities[found[0].entity].name
            holders.earlier.add(Antecedent(found[0].entity, True, True, frozenset(), words_of(name)))
            holders.earlier.mentioned_last = True
        return
    if entity_kind(name) is EntityKind.PERSON and len(name.split()) >= 2:
        holders.mentioned(name)  # "Mao Ning spoke at a briefing. Mao said ...": Mao Ning
        holders.earlier.opened = name
        holders.earlier.add(Antecedent(name, False, True, frozenset(), words_of(name)))
        holders.earlier.mentioned_last = True


def surname(holders: Holders, phrase: str) -> str | None:
    """The one person named earlier whose first or last name a lone capitalised word is ("Peskov", "Mao").

    "Peskov" after "Dmitry Peskov", "Mao" after "Mao Ning" (the family name first), named
    as a holder or anywhere in the article before. A person this draft proposed gets the
    surname as an alias; None when no person, or two, bear it.
    """
    people = {
        entity.id: entity.name
        for entity in holders.used.values()
        if entity.kind is EntityKind.PERSON and not entity.anonymous
    }
    for written in holders.people:
        people.setdefault(holders.names.lookup(written) or holders.proposed(written) or normal(written), written)
    key = surname_of(phrase, people)
    if key is None:
        return None
    names = holders.names.entities
    found = holders.use(key) if key in names else key if key in holders.used else holders.named(people[key])
    person = holders.used[found]
    if found not in names and normal(phrase) not in {normal(alias) for alias in person.aliases}:
        holders.used[found] = attrs.evolve(person, aliases=(*person.aliases, phrase))
    holders.speaking(found)
    return found
