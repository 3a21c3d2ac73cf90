"""Quotation marks of any style read as “ and ”, so that the drafting rules see one style of quotation."""

from __future__ import annotations

import re

__all__ = ["plain_quotes"]

_STRAIGHT_SINGLE = re.compile(r"(?<![\w'])'(?=[^\s'])((?:[^']|(?<=\w)'(?=\w))*?[^\s'])'(?!\w)")


def plain_quotes(sentence: str) -> str:
    """The sentence with every quotation mark as “ or ” (same length): ‘’, «» and „“ read as “”.

    A ’ closes a quotation only after an open ‘ and not between letters ("Kim Jong
    Un’s" keeps its apostrophe); straight single quotes are read as a pair only, one
    opening a word and one closing it ('We will respond,' Lavrov said), so an
    apostrophe ("Kim's", "the '90s") stays one.
    """
    chars = list(sentence)
    single = low = False
    for index, char in enumerate(chars):
        if char == "“" and low:
            chars[index], low = "”", False  # „...“: the German pair closes with a “
        elif char in "«„":
            chars[index], low = "“", char == "„"
        elif char == "»":
            chars[index] = "”"
        elif char == "‘" and not (index and chars[index - 1].isalpha()):
            chars[index], single = "“", True
        elif char == "’" and single:
            between = 0 < index < len(chars) - 1 and chars[index - 1].isalpha() and chars[index + 1].isalpha()
            if not between:
                chars[index], single = "”", False
    # 'We will respond,' Lavrov said: straight single quotes in a pair, an apostrophe inside ("Kim's") kept.
    return _STRAIGHT_SINGLE.sub(lambda match: f"“{match[1]}”", "".join(chars))
