"""Hints for the everyday patterns a draft leaves to the reviewer: "the last X was in Y", "the first X since Y".

A draft marks such a sentence denied (its verb's relation is not what it denies) and
drafts no proposition; the note says how the pattern is encoded (``docs/encoding.md``,
"Patterns and what they expand to"), so that a reviewer reading "denied" beside a
sentence that names a 2019 attack knows what to write.
"""

from __future__ import annotations

import re

__all__ = ["pattern_note"]

_LAST = re.compile(r"\bthe last\b[^,.;]*?\b(?:was|were|occurred|took place|came) in ([^,.;]+?)(?:[,.;]|$)", re.I)
_SINCE = re.compile(r"\bthe first\b[^,.;]*?\bsince ([^,.;]+?)(?:[,.;]|$)", re.I)


def pattern_note(sentence: str) -> str | None:
    """The note for a sentence saying "the last X was in Y" or "the first X since Y", else None; raises nothing."""
    found = _LAST.search(sentence)
    if found is not None:
        key, words = "last", "the last … was in"
    else:
        found = _SINCE.search(sentence)
        if found is None:
            return None
        key, words = "since", "the first … since"
    when = found.group(1).strip()
    occasion = " and its when the occasion" if key == "since" else ""
    return (
        f"'{words} {when}': encode it affirmed, with the proposition X{occasion} and"
        f' "pattern": {{"{key}": "{when}"}} (docs/encoding.md, patterns): it affirms X then and denies it since'
    )
