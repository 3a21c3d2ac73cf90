"""The enumerated kinds: of entity, of source, of attribution mode, of predicate, of stance."""

from __future__ import annotations

import enum

__all__ = ["Accused", "EntityKind", "Mode", "PredicateKind", "SourceKind", "StanceKind"]


class EntityKind(enum.Enum):
    """What sort of thing an entity is."""

    COUNTRY = "country"
    GOVERNMENT_BODY = "government-body"
    POLITICAL_PARTY = "political-party"
    PERSON = "person"
    MEDIA_OUTLET = "media-outlet"
    ORGANISATION = "organisation"
    GROUP = "group"
    EVENT = "event"
    PLACE = "place"
    AGREEMENT = "agreement"
    OTHER = "other"


class SourceKind(enum.Enum):
    """What sort of document a source is."""

    NEWS_REPORT = "news-report"
    STATE_MEDIA_RELEASE = "state-media-release"
    OFFICIAL_STATEMENT = "official-statement"
    INTELLIGENCE_ASSESSMENT = "intelligence-assessment"
    ANALYSIS = "analysis"
    REFERENCE_DATA = "reference-data"
    OTHER = "other"


class Mode(enum.Enum):
    """How a source renders what its holder says."""

    ASSERTED = "asserted"
    DIRECT_QUOTE = "direct-quote"
    PARAPHRASE = "paraphrase"
    IMPLIED = "implied"


class PredicateKind(enum.Enum):
    """Whether a predicate happens at some time (event) or holds throughout (state)."""

    EVENT = "event"
    STATE = "state"


class Accused(enum.Enum):
    """Which parties a predicate's propositions accuse: a denial by one of them is interested.

    ``attacks``, ``launches``: the subject (the victim of an attack is no accused party);
    ``supplies-weapons-to``: both (the receiver is a party to the supply, the default);
    ``is-attacked-by``: the object.
    """

    BOTH = "both"
    SUBJECT = "subject"
    OBJECT = "object"

    def turned(self) -> Accused:
        """The same parties read from the other end of an inverse pair; raises nothing."""
        return _TURNED[self]


_TURNED = {Accused.BOTH: Accused.BOTH, Accused.SUBJECT: Accused.OBJECT, Accused.OBJECT: Accused.SUBJECT}


class StanceKind(enum.Enum):
    """What a claim about a party's stance says of it (see :class:`~factlog.Regarding`)."""

    SILENT = "silent"
    """The party had taken no side on the claims by the date: "has not yet commented"."""
    FIRST = "first"
    """The party took their side for the first time on the date: "admitted for the first time"."""
    AFTER = "after"
    """The party took their side a number of days after them: "a week after the leak, confirmed"."""
