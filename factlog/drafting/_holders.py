"""Holder phrases to entity ids: the registry first, then proposed entities, then anonymous ones.

The entities a draft needs are collected here in the order they are first named: the
registry's own (copied unchanged, so that the draft merges with the registry), new
named holders (proposed, with a note saying so), and anonymous descriptors, which keep
the count they state ("two people familiar with the matter": 2) in their notes. Holders
joined by "and" are split by :mod:`factlog.drafting._coordinated`.
"""

from __future__ import annotations

import re
import unicodedata

import attrs

from factlog.drafting import _holderwords as words
from factlog.drafting import _outlets as outlets
from factlog.drafting import _pointing as pointing
from factlog.drafting._antecedents import Earlier
from factlog.drafting._kinds import (
    ACRONYM_WORD,
    INSTITUTION,
    MEMBERS,
    OUTLET_WORDS,
    agency_in,
    entity_kind,
    names_a_body,
    proposed_name,
    without_article,
)
from factlog.drafting._names import INVISIBLE, Names, agency_name, count_of, normal, slug, vague
from factlog.drafting._references import described_again, owned_body, people_named
from factlog.drafting._used import Used
from factlog.model._kinds import EntityKind
from factlog.model._nouns import Entity

__all__ = ["Holders"]

_PROPOSED = "Proposed by factlog draft: not in the registry given."
"""The note of a named entity the draft proposes, the same whether a dateline or the body names it."""
_LONGEST_ID = 200
"""The longest id the format takes (``ID_PATTERN``)."""


def _singular(entity: Entity) -> bool:
    """Whether "it" can stand for an entity: named, or a descriptor of one body ("the ministry", not "analysts")."""
    if not entity.anonymous:
        return True
    return count_of(entity.name) is None and not entity.name.rstrip(" .").endswith("s")


class Holders:
    """Resolves holder phrases and keeps the entities the draft uses."""

    def __init__(self, names: Names, scope: str = "") -> None:
        self.names = names
        self.scope = scope
        """The source id that prefixes the ids of anonymous descriptors: one story's "the spokesman" is its own."""
        self.used = Used()
        self._last_person: str | None = None
        self._mentioned: str | None = None
        """A person the outlet named last, as written, not yet resolved: "he" after it is that person."""
        self._last_body: str | None = None
        self.people: list[str] = []
        """Full names of people written in the article so far, as written: "Mao" after them may be one."""
        self._last_agency: str | None = None
        self.agency_named: str | None = None
        """A news agency a sentence named last as written, not resolved yet: "the agency" after it."""
        self.other_agency: str | None = None
        """An agency no news agency named since ("the National Intelligence Service"): "the agency" is not Reuters."""
        self.earlier = Earlier()
        """The holders and people named so far, whom "the official", "she" or "they" may point back at."""

    def note_people(self, sentence: str, speakers: tuple[str, ...] = ()) -> None:
        """Note the people a sentence names in full, holder or not, whom a lone name after it may stand for.

        Their titles ("Interior Ministry spokesman") say what "the official" or "the ministry"
        after them may stand for; ``speakers`` (the sentence's holders, when named, not a
        pronoun) and the pronouns it uses may tell a person's gender.
        """
        for name in people_named(self.names, sentence):
            self.note(name)
        pointing.note_titled(self, sentence, speakers)
        outlets.note_agencies(self, sentence)

    def the_agency(self, *, holder: bool = False) -> str | None:
        """The agency "the agency" is (:func:`factlog.drafting._outlets.the_agency`)."""
        return outlets.the_agency(self, holder=holder)

    def note(self, name: str) -> None:
        """Note a person's full name as written, whom a lone name after it may stand for."""
        if name not in self.people:
            self.people.append(name)

    def mention(self, sentence: str) -> None:
        """Note the person (or body) a sentence in the outlet's own voice opens with, whom "he" (or "the group") is.

        "Kim Jong Un inspected a factory. He said ...": Kim Jong Un, a registry person or a
        name of two to four capitalised words (proposed only when a pronoun comes to speak).
        """
        pointing.mention(self, sentence.lstrip(INVISIBLE))

    def mentioned(self, name: str) -> None:
        """Note a person written but not resolved as named last ("Mao Ning spoke."), whom "he" or "she" after it is."""
        self._last_person, self._mentioned = None, name
        self.note(name)

    def use(self, entity: str) -> str:
        """Note a registry or new entity as used by the draft; returns its id."""
        found = self.names.entities.get(entity)
        while found is not None and found.id not in self.used:
            # Copied with what it speaks for, so that the draft stands on its own.
            self.used[found.id] = found
            found = self.names.entities.get(found.affiliation) if found.affiliation else None
        return entity

    def new(self, entity: Entity) -> str:
        """Note a new entity as used by the draft, its id made unique (``-2``, ``-3`` ...); returns the id."""
        candidate, number = entity, 2
        while True:
            known = self.used.get(candidate.id) or self.names.entities.get(candidate.id)
            if known is None or known == candidate:
                self.used[candidate.id] = candidate
                return candidate.id
            candidate = attrs.evolve(entity, id=f"{entity.id}-{number}")
            number += 1

    def publisher(self, name: str | None, source: str) -> str:
        """The publisher's id: a registry entity by name, alias or id, or a new media outlet."""
        if name is not None:
            found = self.names.lookup(name)
            if found is not None:
                return self.use(found)
            return self.new(Entity(id=slug(name), name=name.strip(), kind=EntityKind.MEDIA_OUTLET, notes=_PROPOSED))
        return self.new(
            Entity(id=f"{source}-publisher", name=f"the publisher of {source}", kind=EntityKind.MEDIA_OUTLET)
        )

    def agency(self, name: str, outlet: str | None = None) -> str:
        """The news agency of a dateline ("CPA"): a registry entity by name, alias or id, or a proposed media outlet.

        Written in full-width letters ("Ｙｏｎｈａｐ") it is read as "Yonhap". The
        ``outlet`` itself when the agency is its name, an alias or the first words of one
        ("Yonhap" for "Yonhap News Agency"): an outlet is no relay of its own story.
        """
        name = " ".join(unicodedata.normalize("NFKC", name).split())
        name = agency_name(name) or name  # "연합뉴스" is Yonhap, "ТАСС" TASS: one id whatever the script
        found: str | None = outlet
        if outlet is None or not outlets.names_outlet(self, name, outlet):
            found = self.names.lookup(name) or self.proposed(name)
        if found is not None:
            self._last_agency = self.use(found)
            return found
        # The same note as a holder's: an entity is proposed alike wherever an article names it, so drafts combine.
        notes = _PROPOSED
        self._last_agency = self.new(Entity(id=slug(name), name=name, kind=EntityKind.MEDIA_OUTLET, notes=notes))
        return self._last_agency

    def outlet(self, phrase: str) -> str | None:
        """The news outlet a phrase names ("TASS", "the Associated Press"), or None for anyone else ("reporters").

        A registry or already proposed entity of kind media outlet, or a proper name with an outlet's word in it.
        """
        found = self._outlet(" ".join(phrase.split()))
        if found is not None:
            self._last_agency = found  # "two sources told Reuters ... the agency said": Reuters
        return found

    def _outlet(self, phrase: str) -> str | None:
        if words.THE_AGENCY.fullmatch(phrase):
            return self.the_agency()  # "Reuters reported ... a fisherman told the agency that": Reuters relays it
        found = self.names.find(phrase)
        if found and not phrase[found[-1].end :].strip(" ."):
            entity = found[-1].entity
            return self.use(entity) if self.names.kind(entity) is EntityKind.MEDIA_OUTLET else None
        known = agency_name(phrase)  # "German Press Agency" is dpa, whichever name comes first
        proposed = self.proposed(known or phrase)
        if proposed is not None:
            return proposed if self.used[proposed].kind is EntityKind.MEDIA_OUTLET else None
        if known is not None or (re.search(r"\b[A-Z]", phrase) and OUTLET_WORDS.search(phrase)):
            return self.resolve(known or phrase)
        return None

    def resolve(self, phrase: str) -> str:
        """The entity id for a holder phrase as written.

        An acronym in parentheses ("The National Intelligence Service (NIS)") becomes an alias
        of the entity proposed for the name, so that "the NIS" later is the same entity.
        """
        phrase = " ".join(phrase.translate(words.WITHOUT_INVISIBLE).split())  # "Lav\u200brov" is Lavrov
        acronym = words.ACRONYM.search(phrase)
        if acronym is None:
            return self._resolve(phrase)
        name = " ".join((phrase[: acronym.start()] + phrase[acronym.end() :]).split())
        body = words.BODY_OF.search(phrase[: acronym.start()].rstrip())
        if body is not None and vague(name) and not phrase[acronym.end() :].strip():
            # "Two officials of the National Intelligence Service (NIS)": the acronym is the service's.
            return self._anonymous(name, self.resolve(f"{body['body']} ({acronym['acronym']})"))
        earlier = self.proposed(acronym["acronym"])
        if earlier is not None and earlier not in self.names.entities and self.names.lookup(name) is None:
            # "JCS says" in the headline, "the Joint Chiefs of Staff (JCS)" below: one entity, the name an alias.
            first = self.used[earlier]
            if normal(name) not in {normal(known) for known in (first.name, *first.aliases)}:
                self.used[earlier] = attrs.evolve(first, aliases=(*first.aliases, name))
            return earlier
        found = self._resolve(name)
        entity = self.used.get(found)
        if (
            entity is not None
            and found not in self.names.entities
            and normal(acronym["acronym"]) not in {normal(known) for known in (entity.name, *entity.aliases)}
        ):  # "Korean Central News Agency (KCNA)" is KCNA already: no alias of its own name
            self.used[found] = attrs.evolve(entity, aliases=(*entity.aliases, acronym["acronym"]))
        return found

    def _resolve(self, phrase: str) -> str:
        found = self.named(phrase)
        pointing.noted(self, found, phrase)
        entity = self.used.get(found)
        if entity is not None and entity.anonymous and words.PERSON_NOUN.search(entity.name) and _singular(entity):
            self.speaking(found)  # "The spokesman said ... He stressed ...": the same spokesman
        elif entity is not None and entity.kind is not EntityKind.PERSON and _singular(entity):
            self._last_body = found
        if (
            entity is not None
            and not entity.anonymous
            and (entity.kind is EntityKind.MEDIA_OUTLET or words.AGENCY_WORD.search(entity.name))
        ):
            self._last_agency = found  # "The agency said" after it: this agency
        return found

    def speaking(self, person: str) -> None:
        """Note a person as named last, whom "he" or "she" after it is."""
        self._last_person, self._mentioned = person, None
        self.earlier.mentioned_last = False

    def last_person(self) -> str | None:
        """The name of the person named last, whom "he" or "she" is unless the story tells otherwise."""
        if self._last_person is None:
            return self._mentioned
        entity = self.used.get(self._last_person) or self.names.entities.get(self._last_person)
        return None if entity is None else entity.name

    def named(self, phrase: str) -> str:
        """The entity id for a holder phrase, without the bookkeeping of :meth:`resolve`."""
        if words.PRONOUN.match(phrase) and (pointed := pointing.pronoun(self, phrase)) is not None:
            return pointed  # "Ms Ortiz spoke after Mr Demir. She said": Ortiz
        if phrase.casefold() == "both":  # "Both said": two people or bodies the story leaves unsaid, no "Both"
            return self._anonymous(phrase)
        return self._named(phrase)

    def _named(self, phrase: str) -> str:
        if words.PRONOUN.match(phrase):
            if self._last_person is None and self._mentioned is not None:
                return self._named(self._mentioned)  # "Kim Jong Un inspected a factory. He said ...": Kim
            return self.use(self._last_person) if self._last_person else self._anonymous("an unnamed speaker")
        if phrase.casefold() == "it":
            # "..., it added.": the body, agency or outlet named last, as "he" is the person named last.
            return self._last_body or self._anonymous("an unnamed speaker")
        if words.THE_AGENCY.fullmatch(phrase) and (agency := self.the_agency(holder=True)) is not None:
            return agency  # "SEOUL, Nov 20 (Yonhap) -- The agency said ...": Yonhap; the NIS if named since
        if self._last_body is not None and described_again(self.used.get(self._last_body), phrase):
            return self._last_body  # "Seoul's spy agency said ... The spy agency added": the NIS named last
        if (pointed := pointing.again(self, phrase, _PROPOSED)) is not None:
            return pointed  # "Ms Ortiz"; "Interior Ministry spokesman Ali Demir said ... The official added": Demir
        known = agency_name(without_article(phrase))  # "dpa", "the German Press Agency": one agency, dpa
        if known is not None and known != phrase:
            return self._named(known)
        if known is not None and self.names.lookup(known) is None:
            return self.proposed(known) or self.new(
                Entity(id=slug(known), name=known, kind=EntityKind.MEDIA_OUTLET, notes=_PROPOSED)
            )
        found = self.names.find(phrase)
        agency = agency_in(phrase)  # a registry name before it owns the agency: "Russia's TASS news agency"
        if agency is not None and agency != phrase:
            return self._named(agency)  # "Russia's TASS news agency", "the state-run Xinhua news agency": the agency
        head = found[-1] if found else None  # the head of an English noun phrase comes last
        person_of = words.PERSON_OF.fullmatch(phrase)
        if person_of is not None and not vague(person_of["person"]) and words.TITLED_NAME.match(person_of["person"]):
            return self._named(person_of["person"])  # "Rep. Lee of the ruling People Power Party": Lee
        described = words.DESCRIBED_NAME.match(phrase)
        if described is not None and (head is None or head.end < len(phrase.rstrip(" ."))):
            return self._named(described["name"])  # "Blockchain analysis firm Elliptic": Elliptic
        titled = (
            None if INSTITUTION.search(phrase) else words.TITLED_NAME.match(phrase) or words.OWNED_TITLE.match(phrase)
        )
        if titled is not None and (head is None or head.end < len(phrase.rstrip(" ."))):
            return self._named(titled["name"])  # "ministry spokesperson Mao Ning": the name speaks
        members = MEMBERS.match(phrase)
        if members is not None:
            # "NIS officials": some people of the NIS, who speak for it, are not the NIS itself; "North Korea
            # experts" know about North Korea and speak for no one.
            body = self._body(members["body"])
            about = words.TOPIC_PEOPLE.search(members["members"]) and self.names.kind(body or "") in words.TOPICS
            return self._anonymous(phrase, None if about else body)
        placed = words.PLACED.search(phrase[: head.start]) if head is not None and len(found) > 1 else None
        if placed is not None and words.POSSESSED.fullmatch(phrase[found[-2].end - 2 : placed.start()]):
            possessor = found[-2].entity  # "Russia's embassy in Washington": Russia's, wherever it stands
            person = self.names.kind(possessor) is EntityKind.PERSON
            return self._anonymous(phrase, None if person else self.use(possessor))
        if head is not None and words.POSSESSED.fullmatch(
            phrase[head.end - 2 : head.end] + phrase[head.end :].rstrip(" .")
        ):
            # "Kim Jong Un's sister" is not Kim; an institution's own ("Russia's foreign ministry") speaks for it.
            owner = None if self.names.kind(head.entity) is EntityKind.PERSON else self.use(head.entity)
            owned = None if owner is None else owned_body(self.names, owner, phrase[head.end :].strip(" ."))
            return self.use(owned) if owned is not None else self._anonymous(phrase, owner)
        if (
            head is not None
            and phrase[head.end : head.end + 1] == " "
            and phrase[head.end + 1 : head.end + 2].isupper()
        ):
            head = None  # "Kim Yo Jong" with only "Kim" in the registry: a longer name, somebody else
        if head is not None and vague(phrase) and (placed := words.PLACED.search(phrase[: head.start])) is not None:
            # "Western diplomats in Beijing": people there, an anonymous group, not China; "officials at the
            # Pentagon" speak for it, "diplomats in Moscow" for no one.
            at = placed["preposition"].casefold() != "in" and self.names.kind(head.entity) is not EntityKind.PERSON
            return self._anonymous(phrase, self.use(head.entity) if at else None)
        if head is not None and (not vague(phrase) or not phrase[head.end :].strip(" .")):
            known = self.use(head.entity)
            if self.names.kind(known) is EntityKind.PERSON:
                self.speaking(known)
            return known
        if vague(phrase):
            # "a senior U.S. official": anonymous, speaking for the name inside the phrase ("a senior NIS official").
            acronym = ACRONYM_WORD.search(phrase)
            body = None if acronym is None else self._body(acronym.group())
            return self._anonymous(phrase, body if head is None else self.use(head.entity))
        if head is not None:
            return self.use(head.entity)
        proposed = self.proposed(phrase)  # an entity this draft proposed already: the publisher, a holder
        if proposed is not None:
            return proposed
        named = pointing.surname(self, phrase)
        if named is not None:
            return named
        entity = Entity(
            id=slug(without_article(phrase)),  # "The Secret Intelligence Service": secret-intelligence-service
            name=proposed_name(phrase),
            kind=entity_kind(phrase),
            notes=_PROPOSED,
        )
        created = self.new(entity)
        if entity.kind is EntityKind.PERSON:
            self.speaking(created)
        return created

    def _body(self, name: str) -> str | None:
        """The body people are of ("NIS" in "NIS officials"), to speak for: known, or proposed when a body's name.

        A registry name or one this draft proposed already; else an acronym ("NIS") or an
        institution's name ("Foreign Ministry") is proposed. A word of nationality ("Russian
        officials") or another name ("Kremlin sources") gives none.
        """
        found = self.names.lookup(name)
        if found is not None:
            return self.use(found)
        proposed = self.proposed(name)
        if proposed is not None:
            return proposed
        if not names_a_body(name):
            inside = ACRONYM_WORD.search(name)  # "Two NIS officials": the NIS
            return None if inside is None or inside.group() == name else self._body(inside.group())
        return self._named(name)

    def proposed(self, phrase: str) -> str | None:
        """The id of an entity this draft proposed already under this name or alias, if any ("the NIS" for "NIS")."""
        return self.used.by_name(phrase)

    def _anonymous(self, phrase: str, affiliation: str | None = None) -> str:
        """An anonymous descriptor's id: a registry's own, or a new one in this story's scope (``SOURCE:slug``).

        Two stories' "the spokesman" need not be one person: drafted apart, their ids differ,
        so a check of both together counts two holders until a reviewer says otherwise.
        """
        named = slug(phrase)
        known = self.names.entities.get(named)
        if known is not None and known.anonymous:
            return self.use(named)
        key = f"{self.scope}:{named}"[:_LONGEST_ID] if self.scope else named
        earlier = self.used.get(key)
        if earlier is not None and earlier.anonymous and normal(earlier.name) == normal(phrase):
            return key  # "The ministry" opening one sentence, "the ministry" inside the next: one descriptor
        for article in ("a ", "an ", "the "):
            if normal(phrase).startswith(article):
                found = self.names.lookup(phrase[len(article) :])
                if found is not None:
                    return self.use(found)
        count = count_of(phrase)
        notes = "Proposed by factlog draft: an anonymous descriptor"
        notes += f"; stated count: {count}." if count is not None else "."
        one = count == 1 or (count is None and words.PERSON_NOUN.search(phrase) is not None)
        kind = EntityKind.PERSON if one else EntityKind.GROUP  # "the minister" one person, "officials" a group
        entity = Entity(id=key, name=phrase, kind=kind, anonymous=True, affiliation=affiliation, notes=notes)
        return self.new(entity)
