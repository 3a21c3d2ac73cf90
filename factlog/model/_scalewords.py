"""The words people write for each member of the confidence scales, beyond its name and value.

Kept apart from :mod:`factlog.model._scales` so that module stays small; read by
``_Scale.parse`` (the hedge words follow ICD 203 and FactBank, as the scales do). The
reliability grades' words are their Admiralty descriptions, added there.
"""

from __future__ import annotations

__all__ = ["SYNONYMS"]

SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "Polarity": {
        "AFFIRMED": ("+", "affirm", "affirms", "positive", "true"),
        "DENIED": ("-", "deny", "denies", "negative", "false"),
    },
    "Certainty": {
        "CERTAIN": ("CT", "certainly", "definitely"),
        "PROBABLE": ("PR", "probably", "expected", "likely"),
        "POSSIBLE": ("PS", "possibly", "may", "might", "reportedly", "suggested"),
        "UNCOMMITTED": ("Uu", "U", "unknown", "unspecified"),
    },
    "Likelihood": {
        "ALMOST_NO_CHANCE": ("remote",),
        "VERY_UNLIKELY": ("highly improbable",),
        "UNLIKELY": ("improbable", "improbably"),
        "ROUGHLY_EVEN_CHANCE": ("roughly even odds", "even chance"),
        "LIKELY": ("probable", "probably"),
        "VERY_LIKELY": ("highly probable", "highly likely"),
        "ALMOST_CERTAIN": ("nearly certain", "almost certainly"),
    },
    "Factuality": {
        "CT_PLUS": ("certainly true",),
        "PR_PLUS": ("probably true",),
        "PS_PLUS": ("possibly true",),
        "UU": ("uncommitted",),
        "PS_MINUS": ("possibly not",),
        "PR_MINUS": ("probably not",),
        "CT_MINUS": ("certainly not",),
    },
    "Credibility": {
        "CONFIRMED": ("1", "confirmed by other sources", "confirmed"),
        "PROBABLY_TRUE": ("2",),
        "POSSIBLY_TRUE": ("3",),
        "DOUBTFUL": ("4", "doubtfully true"),
        "IMPROBABLE": ("5",),
        "CANNOT_BE_JUDGED": ("6", "truth cannot be judged", "cannot be judged"),
    },
}
