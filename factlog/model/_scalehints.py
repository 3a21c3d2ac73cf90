"""What a word no member of a scale is called most likely means: the end of a :class:`~factlog.ScaleError`."""

from __future__ import annotations

import difflib

from factlog.errors import ScaleError
from factlog.model._scales import Certainty, Likelihood, Polarity, _normal, _Scale

__all__ = ["hint"]


def hint(scale: type[_Scale], word: str) -> str:
    """What a word no member of ``scale`` is called most likely means, as the end of a message; ``""`` if nothing.

    A certainty written as an ICD 203 likelihood ("very likely") is told the certainty
    of the same words (:attr:`Likelihood.factuality`: probable, and the polarity for a
    negative one: "very unlikely" is probable, denied); any word one slip from a word
    the scale reads ("probabel") is told that word's member.
    """
    if scale is Certainty:
        try:
            factuality = Likelihood.parse(word).factuality
        except ScaleError:
            pass
        else:
            denied = ", with polarity 'denied'" if factuality.polarity is Polarity.DENIED else ""
            return f"; {word!r} is a likelihood (ICD 203): as a certainty it is {factuality.certainty.value!r}{denied}"
    words = scale._words()
    close = difflib.get_close_matches(_normal(word), words, n=1, cutoff=0.8)
    return f"; did you mean {words[close[0]].value!r}?" if close else ""
