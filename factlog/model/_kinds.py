"""The enumerated kinds: of entity, of source, of attribution mode, of predicate."""

from __future__ import annotations

import enum

__all__ = ["EntityKind", "Mode", "PredicateKind", "SourceKind"]


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
