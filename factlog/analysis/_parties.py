"""Parties to a proposition: who speaks about their own conduct.

A hook for the rules and for assessment: a claim made by a party to what it is about
(the subject or the object, or an entity speaking for one through ``affiliation``, as
the predicate's ``accuses`` narrows them: ``attacks`` accuses its subject alone; or a
copy of such a party's story, in the copying outlet's own voice) is *interested* when it
denies, or when it judges (an ``evaluative`` predicate: "our strike obliterated the
sites", "we complied"). Interested claims say little about the truth; :func:`interested`
lets an assessment discount them.
"""

from __future__ import annotations

from factlog.analysis._index import Entry, Index
from factlog.analysis._origins import voices
from factlog.model._kinds import Accused
from factlog.model._scales import Polarity

__all__ = ["interested", "parties", "role"]


def parties(index: Index, entry: Entry) -> frozenset[str]:
    """The parties a claim's proposition accuses: the speakers for its subject and its entity object.

    A predicate declaring ``accuses`` (:class:`~factlog.Accused`) narrows them to the
    subject's party (``attacks``: the attacked country is no accused party) or the
    object's. Raises nothing.
    """
    proposition = entry.proposition
    if proposition is None:
        return frozenset()
    accuses = entry.predicate.accuses if entry.predicate is not None else Accused.BOTH
    found = set()
    if accuses is not Accused.OBJECT:
        found.add(index.speaks_for(proposition.subject))
    if accuses is not Accused.SUBJECT and isinstance(proposition.object, str):
        found.add(index.speaks_for(proposition.object))
    return frozenset(found)


def role(index: Index, entry: Entry, party: str) -> str | None:
    """``"subject"`` or ``"object"`` when ``party`` speaks for that end of the claim's proposition alone, else None."""
    proposition = entry.proposition
    if proposition is None:
        return None
    subject = index.speaks_for(proposition.subject) == party
    obj = isinstance(proposition.object, str) and index.speaks_for(proposition.object) == party
    if subject == obj:
        return None
    return "subject" if subject else "object"


def interested(index: Index, entry: Entry) -> bool:
    """Whether the claim's voice is a party to it and denies it, or judges its own conduct.

    The voice is the party its holder speaks for, or, for a copy's own voice (an outlet's
    story ``derived_from`` a press release), the copied story's publisher's party
    (:func:`~factlog.analysis._origins.voices`, each story a copy derives from): the
    accused's release run by a paper is still the accused speaking.
    """
    if parties(index, entry).isdisjoint(voices(index, entry)):
        return False
    if entry.polarity is Polarity.DENIED:
        return True
    return entry.predicate is not None and entry.predicate.evaluative
