"""The three confidence axes, kept apart as intelligence tradecraft demands.

* :class:`Reliability` — how far a source or holder can be trusted in general
  (Admiralty code A–F, "F — reliability cannot be judged" by default).
* :class:`Certainty` with :class:`Polarity` — how firmly one holder states one claim
  (FactBank's CT/PR/PS/Uu); their product is a :class:`Factuality` value
  (CT+, PR+, PS+, Uu, PS-, PR-, CT-), which maps onto the :class:`Likelihood` words
  of ICD 203 by the words' meaning: "likely"/"probable" is ICD 203 *likely* on every
  route.
* :class:`Credibility` — what factlog computes for a proposition from every claim
  about it (Admiralty 1–6).

Sources of the scales: the Admiralty (NATO) system of source reliability A–F and
information credibility 1–6, as in NATO AJP-2.1 and STANAG 2511; FactBank's
factuality values, Saurí & Pustejovsky (2009), "FactBank: a corpus annotated with
event factuality", Language Resources and Evaluation 43(3); the expressions of
likelihood and their bands, US Intelligence Community Directive 203, "Analytic
Standards" (2015), section D.6.e(2)(a).

Every scale is ordered (``Reliability.A > Reliability.B``,
``Certainty.CERTAIN > Certainty.POSSIBLE``), and each has a ``parse`` classmethod that
reads the words people write ("likely", "probably true", "B", "CT-") and raises
:class:`~factlog.errors.ScaleError` listing the accepted words for anything else.
"""

from __future__ import annotations

import enum
import functools
from typing import Self

from factlog.errors import ScaleError
from factlog.model._scalewords import SYNONYMS

__all__ = [
    "Certainty",
    "Credibility",
    "Factuality",
    "Likelihood",
    "Polarity",
    "Reliability",
]


def _hint(scale: type[_Scale], word: str) -> str:
    """What a word no member of ``scale`` is called most likely means (:func:`factlog.model._scalehints.hint`)."""
    from factlog.model._scalehints import hint  # noqa: PLC0415 - only a word that names nothing needs it

    return hint(scale, word)


def _normal(word: str) -> str:
    return "-".join(word.casefold().replace("_", " ").split())


class _Scale(enum.Enum):
    """An enumeration ordered by declaration: later members are greater."""

    @functools.cached_property
    def rank(self) -> int:
        """The member's position on its scale, 0 for the lowest.

        Found once a member and kept on it: the rules compare severities and
        certainties millions of times in a large check.
        """
        return type(self)._member_names_.index(self.name)

    # The four orderings written out (not functools.total_ordering, whose derived
    # methods call __lt__ and __eq__ through a wrapper): each reads the kept ranks.
    def __lt__(self, other: Self) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, _Scale)
        return self.rank < other.rank

    def __le__(self, other: Self) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, _Scale)
        return self.rank <= other.rank

    def __gt__(self, other: Self) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, _Scale)
        return self.rank > other.rank

    def __ge__(self, other: Self) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, _Scale)
        return self.rank >= other.rank

    @classmethod
    def _words(cls) -> dict[str, Self]:
        words: dict[str, Self] = {}
        for member in cls:
            words[_normal(member.name)] = member
            words[_normal(str(member.value))] = member
            for synonym in _SYNONYMS.get(cls.__name__, {}).get(member.name, ()):
                words[_normal(synonym)] = member
        return words

    @classmethod
    def parse(cls, word: str | Self) -> Self:
        """The member a word or symbol names, case-insensitively, spaces and hyphens alike.

        A member passes through. Raises :class:`~factlog.ScaleError` (a
        :class:`ValueError`) for anything else, listing the accepted words.
        """
        if isinstance(word, cls):
            return word
        if not isinstance(word, str):
            raise ScaleError(f"expected a {cls.__name__.lower()} word, got {word!r}")
        member = cls._words().get(_normal(word))
        if member is None:
            accepted = ", ".join(str(m.value) for m in cls)
            raise ScaleError(
                f"unknown {cls.__name__.lower()} {word!r}: expected one of {accepted} (or a documented synonym)"
                + _hint(cls, word)
            )
        return member


class Reliability(_Scale):
    """Admiralty source reliability, from F (cannot be judged) up to A.

    Ordered by the letters: ``A`` is the greatest. The prior accuracy that
    assessment gives each grade is :attr:`prior`.
    """

    F = "F"
    E = "E"
    D = "D"
    C = "C"
    B = "B"
    A = "A"

    @property
    def description(self) -> str:
        """The Admiralty wording of the grade."""
        return _RELIABILITY_WORDS[self.name]

    @property
    def prior(self) -> float:
        """The prior probability, in (0, 1), that a claim from a holder of this grade is right.

        Chosen here, not taken from a standard (the Admiralty code gives words, not
        numbers): A 0.95, B 0.85, C 0.75, D 0.6, E 0.5, F 0.65. An unknown holder (F,
        "cannot be judged") is taken to be right more often than not, as truth-discovery
        methods start every source (Dong et al. 2009 start at 0.8); D ("not usually
        reliable") and E ("unreliable") rank below it, E at even odds, so it adds nothing.
        """
        return _RELIABILITY_PRIOR[self.name]


_RELIABILITY_WORDS = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
_RELIABILITY_PRIOR = {"A": 0.95, "B": 0.85, "C": 0.75, "D": 0.6, "E": 0.5, "F": 0.65}


class Polarity(_Scale):
    """Whether a claim affirms or denies its proposition."""

    DENIED = "denied"
    AFFIRMED = "affirmed"

    @property
    def opposite(self) -> Polarity:
        """The other polarity."""
        return Polarity.AFFIRMED if self is Polarity.DENIED else Polarity.DENIED


class Certainty(_Scale):
    """How firmly a holder states a claim (FactBank's commitment levels).

    ``certain`` (CT: "did", "denied"), ``probable`` (PR: "likely", "expected"),
    ``possible`` (PS: "may", "possibly", "speculate", "suggested"),
    ``uncommitted`` (Uu: reported without any commitment).
    """

    UNCOMMITTED = "uncommitted"
    POSSIBLE = "possible"
    PROBABLE = "probable"
    CERTAIN = "certain"

    def factuality(self, polarity: Polarity) -> Factuality:
        """The FactBank value of this certainty with a polarity.

        ``uncommitted`` has no polarity: both polarities give ``Uu``. Raises nothing.
        """
        if self is Certainty.UNCOMMITTED:
            return Factuality.UU
        sign = "+" if polarity is Polarity.AFFIRMED else "-"
        return Factuality(_CERTAINTY_CODE[self.name] + sign)


_CERTAINTY_CODE = {"CERTAIN": "CT", "PROBABLE": "PR", "POSSIBLE": "PS"}


class Likelihood(_Scale):
    """The seven ICD 203 expressions of likelihood, with their probability bands."""

    ALMOST_NO_CHANCE = "almost-no-chance"
    VERY_UNLIKELY = "very-unlikely"
    UNLIKELY = "unlikely"
    ROUGHLY_EVEN_CHANCE = "roughly-even-chance"
    LIKELY = "likely"
    VERY_LIKELY = "very-likely"
    ALMOST_CERTAIN = "almost-certain"

    @property
    def band(self) -> tuple[float, float]:
        """The probability band ICD 203 (2015) gives the expression, as fractions ``(low, high)``.

        ICD 203 gives the bands in per cent: almost no chance 01–05, very unlikely 05–20,
        unlikely 20–45, roughly even chance 45–55, likely 55–80, very likely 80–95,
        almost certain 95–99.
        """
        return _LIKELIHOOD_BANDS[self.rank]

    @property
    def probability(self) -> float:
        """The middle of the band."""
        low, high = self.band
        return (low + high) / 2

    @classmethod
    def from_probability(cls, probability: float) -> Likelihood:
        """The expression whose band holds a probability in [0, 1] (bounds go to the upper band).

        Raises :class:`~factlog.ScaleError` (a :class:`ValueError`) outside [0, 1].
        """
        if not 0.0 <= probability <= 1.0:
            raise ScaleError(f"expected a probability in [0, 1], got {probability!r}")
        for member in reversed(list(cls)):
            if probability >= member.band[0]:
                return member
        return cls.ALMOST_NO_CHANCE

    @property
    def factuality(self) -> Factuality:
        """The FactBank value nearest in meaning: very likely and likely are PR+, almost certain CT+, even chance Uu."""
        return Factuality(_LIKELIHOOD_FACTUALITY[self.name])


_LIKELIHOOD_FACTUALITY = {
    "ALMOST_NO_CHANCE": "CT-",
    "VERY_UNLIKELY": "PR-",
    "UNLIKELY": "PR-",
    "ROUGHLY_EVEN_CHANCE": "Uu",
    "LIKELY": "PR+",
    "VERY_LIKELY": "PR+",
    "ALMOST_CERTAIN": "CT+",
}

_LIKELIHOOD_BANDS = (
    (0.01, 0.05),
    (0.05, 0.20),
    (0.20, 0.45),
    (0.45, 0.55),
    (0.55, 0.80),
    (0.80, 0.95),
    (0.95, 0.99),
)


class Factuality(_Scale):
    """FactBank factuality: certainty and polarity in one symbol, CT- up to CT+."""

    CT_MINUS = "CT-"
    PR_MINUS = "PR-"
    PS_MINUS = "PS-"
    UU = "Uu"
    PS_PLUS = "PS+"
    PR_PLUS = "PR+"
    CT_PLUS = "CT+"

    @property
    def certainty(self) -> Certainty:
        """The commitment level, without polarity."""
        if self is Factuality.UU:
            return Certainty.UNCOMMITTED
        code = self.value[:2]
        return next(c for c in Certainty if _CERTAINTY_CODE.get(c.name) == code)

    @property
    def polarity(self) -> Polarity:
        """The polarity; ``Uu`` counts as affirmed (it has none)."""
        return Polarity.DENIED if self.value.endswith("-") else Polarity.AFFIRMED

    @property
    def likelihood(self) -> Likelihood:
        """The ICD 203 expression of the same words, so one hedge word has one band on every route.

        CT± are almost certain / almost no chance; PR+ ("likely", "probable") is
        *likely* (55–80 %) and PR- *unlikely* (20–45 %); PS± ("may", "possibly") and
        Uu are a *roughly even chance* (45–55 %): a possibility is not a lean. Bands
        are ICD 203's table (Office of the Director of National Intelligence,
        Intelligence Community Directive 203, "Analytic Standards", 2015).
        """
        return Likelihood[_FACTUALITY_LIKELIHOOD[self.name]]


_FACTUALITY_LIKELIHOOD = {
    "CT_MINUS": "ALMOST_NO_CHANCE",
    "PR_MINUS": "UNLIKELY",
    "PS_MINUS": "ROUGHLY_EVEN_CHANCE",
    "UU": "ROUGHLY_EVEN_CHANCE",
    "PS_PLUS": "ROUGHLY_EVEN_CHANCE",
    "PR_PLUS": "LIKELY",
    "CT_PLUS": "ALMOST_CERTAIN",
}


class Credibility(_Scale):
    """Admiralty information credibility, computed by assessment.

    Ordered from 6 ("truth cannot be judged") up to 1 ("confirmed by other sources").
    """

    CANNOT_BE_JUDGED = 6
    IMPROBABLE = 5
    DOUBTFUL = 4
    POSSIBLY_TRUE = 3
    PROBABLY_TRUE = 2
    CONFIRMED = 1

    @property
    def description(self) -> str:
        """The Admiralty wording of the grade."""
        return _CREDIBILITY_WORDS[self.name]

    @property
    def likelihood(self) -> Likelihood | None:
        """The ICD 203 words for the grade's lowest belief (None for 6, which cannot be judged).

        1 and 2 from 0.80 are at least *very likely*; 2 from 0.55 *likely*; 3 a *roughly
        even chance*; 4 *unlikely*; 5 *very unlikely* or less — the bands of
        :meth:`from_belief`, which are ICD 203's.
        """
        return None if self is Credibility.CANNOT_BE_JUDGED else Likelihood[_CREDIBILITY_LIKELIHOOD[self.name]]

    @classmethod
    def from_belief(cls, belief: float, *, independently_confirmed: bool) -> Credibility:
        """The grade for a belief in [0, 1]; grade 1 needs independent confirmation as well.

        Bands: 1 and 2 from 0.80 (1 only with two or more independent origins),
        2 from 0.55, 3 from 0.45, 4 from 0.20, 5 below. The edges are those of ICD 203's
        likely (0.55), roughly even chance (0.45), unlikely (0.20) and very likely (0.80),
        so a grade and its ICD 203 words agree; the Admiralty code itself gives no
        numbers. Raises :class:`~factlog.ScaleError` (a :class:`ValueError`) outside [0, 1].
        """
        if not 0.0 <= belief <= 1.0:
            raise ScaleError(f"expected a belief in [0, 1], got {belief!r}")
        if belief >= 0.8:
            return cls.CONFIRMED if independently_confirmed else cls.PROBABLY_TRUE
        if belief >= 0.55:
            return cls.PROBABLY_TRUE
        if belief >= 0.45:
            return cls.POSSIBLY_TRUE
        if belief >= 0.2:
            return cls.DOUBTFUL
        return cls.IMPROBABLE


_CREDIBILITY_LIKELIHOOD = {
    "CONFIRMED": "VERY_LIKELY",
    "PROBABLY_TRUE": "LIKELY",
    "POSSIBLY_TRUE": "ROUGHLY_EVEN_CHANCE",
    "DOUBTFUL": "UNLIKELY",
    "IMPROBABLE": "VERY_UNLIKELY",
}

_CREDIBILITY_WORDS = {
    "CONFIRMED": "confirmed by other sources",
    "PROBABLY_TRUE": "probably true",
    "POSSIBLY_TRUE": "possibly true",
    "DOUBTFUL": "doubtful",
    "IMPROBABLE": "improbable",
    "CANNOT_BE_JUDGED": "truth cannot be judged",
}
_SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "Reliability": {name: (words,) for name, words in _RELIABILITY_WORDS.items()},
    **SYNONYMS,
}
