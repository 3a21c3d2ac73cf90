"""Quotation marks of any style read as “ and ”, so that the drafting rules see one style of quotation."""

from __future__ import annotations

import re

__all__ = ["plain_quotes", "single_as_double"]

_SINGLE_OPENS = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))['‘](?=[^\W\d_])")
"""A single mark opening a quotation: after a space or a bracket, before a letter ("'We", not "the '90s")."""
_SINGLE_CLOSES = re.compile(r"(?<=[^\s'‘’])['’](?=[\s)\]—–.,;:!?]|$)")
"""A single mark closing a quotation: after a word or a stop, before a space, a stop or the end ("it,'")."""
_GOES_ON = re.compile(r"\n[\s]*['‘](?=[^\W\d_])")
"""The next paragraph opening with a single mark: a quotation over paragraphs goes on in it."""
_AFTER_STOP = re.compile(r"[.,!?]['’]")
_DOUBLE = re.compile(r"[“\"][^”\"\n]*(?:[”\"]|$)", re.MULTILINE)
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


def single_as_double(text: str) -> str:
    """The text with each quotation in single marks outside a double one in double marks (same length).

    "'We will respond. Nobody should doubt it,' Lavrov said." is read as the same
    quotation in “”, so that it is cut into sentences and its speaker found as a double
    one's. A mark opens a quotation before a letter after a space, and the one closing it
    is the first in its paragraph after a stop (",'", ".’"), else the first before a space
    or a stop; an apostrophe between letters ("Kim's") is neither, one before a figure
    ("the '90s") opens none, and single marks inside a double quotation nest in it. A
    paragraph that opens with a mark and closes none, before a paragraph opening with
    one, opens a quotation going on over paragraphs, read as a double one's.
    """
    chars = list(text)
    inside = [False] * len(text)
    for quotation in _DOUBLE.finditer(text):
        inside[quotation.start() : quotation.end()] = [True] * (quotation.end() - quotation.start())
    for line in re.finditer(r"[^\n]+", text):
        cursor = line.start()
        while (opening := _SINGLE_OPENS.search(text, cursor, line.end())) is not None:
            cursor = opening.end()
            if inside[opening.start()]:
                continue
            closings = [
                found.start()
                for found in _SINGLE_CLOSES.finditer(text, opening.end(), line.end())
                if not inside[found.start()]
            ]
            after_stop = [at for at in closings if _AFTER_STOP.match(text, at - 1)]
            closing = next(iter(after_stop or closings), None)
            if closing is None:
                if opening.start() == line.start() and _GOES_ON.match(text, line.end()):
                    chars[opening.start()] = "“"  # a quotation over paragraphs: each opens with a mark, the last closes
                continue
            chars[opening.start()], chars[closing] = "“", "”"
            cursor = closing + 1
    return "".join(chars)
