"""Shared wording: publishers printing the same words in their own voice, one origin nobody declared.

Two papers that run one press release each print its sentences as their own. When the
claims read in them are in the publisher's own voice (the holder is the publisher, or
speaks for it) and their quotes share a run of at least :data:`MIN_WORDS` words, the
words came from one text: the papers are one origin, whether or not a ``derived_from``
says so. A holder the papers quote by name (a minister, an agency) is not their voice:
many outlets quoting a minister word for word is reporting, not copying, and is never
joined here.

Words are compared after the normalisation of quotes (typographic quotation marks,
apostrophes and dashes as plain ones, runs of whitespace as one space), casefolded,
with punctuation around words dropped (``U.S.`` is one word); passages the quote
itself puts in double quotation marks are someone else's words, quoted, and are left
out. Every quote's runs of :data:`MIN_WORDS` words (shingles, Broder 1997) are hashed,
and quotes sharing one join: a group costs the words of its quotes, never their pairs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import attrs

from factlog.analysis._index import Entry, Index, chronological
from factlog.analysis._quotes import normalise_quote
from factlog.analysis._unionfind import UnionFind

__all__ = ["MIN_WORDS", "Echo", "echoes", "words_of"]

MIN_WORDS = 8
"""Words in a row two own-voice quotes must share to be one text's.

Six words is the usual shortest match of plagiarism finders on general prose (WCopyfind's
default "shortest phrase to match"); claims about one proposition share more by chance,
as they name one subject, act and object: a name and title alone runs to six or seven
("former U.S. President Donald Trump", "North Korean leader Kim Jong Un", printed alike
by two unrelated papers in the example corpus). Eight words in a row, beyond what names
make, is a sentence both took from somewhere.
"""

_UNSEEN: Any = object()

_FEWEST_CHARACTERS = 2 * MIN_WORDS - 1
"""The shortest ASCII text holding :data:`MIN_WORDS` words: each word a letter or digit, one mark between two.

ASCII text casefolds to text of its length with the same runs of letters and digits
(:func:`most_words`), so a shorter one has fewer words, found without a count.
"""

_QUOTED = re.compile(r'"[^"]*"')
"""A passage in double quotation marks (after normalisation): another speaker's words."""
_WORD = re.compile(r"[^\W_]+(?:[.'\-][^\W_]+)*\.?", re.UNICODE)
_RUN = re.compile(r"[^\W_]+", re.UNICODE)


def most_words(quote: str) -> int:
    """At least as many words as :func:`words_of` finds, at a fraction of its cost: the casefolded text's letter runs.

    Each word holds a run of letters and digits of its own, and normalising only turns
    marks into others (quotation marks, dashes, spaces) or drops quoted passages;
    casefolding, which can split a run ("İ" gives "i" and a combining dot), comes first.
    """
    return len(_RUN.findall(quote.casefold()))


def words_of(quote: str) -> tuple[str, ...]:
    """A quote's words as compared: normalised, casefolded, without the passages it quotes; raises nothing.

    ``“Acme has NEVER polluted,” the firm said`` → ``('the', 'firm', 'said')``; a word's
    inner dots, apostrophes and hyphens stay (``u.s.``, ``don't``, ``long-term``).
    """
    text = _QUOTED.sub(" ", normalise_quote(quote)[0].casefold())
    return tuple(word.rstrip(".") for word in _WORD.findall(text))


@attrs.frozen
class Echo:
    """Claims in their publishers' own voice sharing a run of words, read in two sources or more.

    ``entries`` in :func:`~factlog.analysis._index.chronological` order; ``sources`` the
    sources whose quotes share the words, earliest published first (see :func:`echoes`);
    ``quote`` the words as the earliest source prints them.
    """

    entries: tuple[Entry, ...]
    sources: tuple[str, ...]
    quote: str
    by_source: tuple[tuple[str, tuple[str, ...]], ...]
    """Each of ``sources`` with the ids of the claims quoting it, sorted."""


Item = tuple[Entry, str, tuple[str, ...], str]
"""A quote in its publisher's own voice: the claim, the source, its words, and the quote as printed."""


def _own_voice(index: Index, entries: Sequence[Entry]) -> list[Item]:
    """(entry, source, words, quote) of each quote in the claim's publisher's own voice with enough words."""
    found = []
    memo: dict[str, tuple[str, ...]] = index.memo("wording:words", lambda _: {})
    # Each source's publisher's party (None: no publisher known), looked up once a source, not a quote.
    parties: dict[str, str | None] = index.memo("wording:parties", lambda _: {})
    for entry in entries:
        voice = entry.speaks_for
        # The entry's sources first (a tuple many entries share): most claims are read in no source
        # in their holder's own voice, and their evidence, a claim's own objects, is never read.
        own = False
        for source in entry.sources:  # each looked up, for the evidence below
            party = parties.get(source, _UNSEEN)
            if party is _UNSEEN:
                publisher = index.publisher(source)
                party = parties[source] = None if publisher is None else index.speaks_for(publisher)
            own = own or party == voice
        if not own:
            continue
        for evidence in entry.claim.evidence:
            if parties[evidence.source] != voice:
                continue  # a holder the source quotes, not the source's own voice
            quote = evidence.quote
            if len(quote) < _FEWEST_CHARACTERS and quote.isascii():
                continue  # too short for MIN_WORDS words: neither kept nor counted
            words = memo.get(quote)
            if words is None:
                short = most_words(quote) < MIN_WORDS  # most quotes: a few words, never normalised
                words = memo[quote] = () if short else words_of(quote)
            if len(words) >= MIN_WORDS:
                found.append((entry, evidence.source, words, evidence.quote))
    return found


def _order(index: Index, source_id: str) -> tuple[bool, tuple[int, int], str, str, str]:
    """Earliest published first, undated last, then by publisher's name and title: ids only on a full tie."""
    source = index.claims.source_by_id.get(source_id)
    if source is None:
        return (True, (0, 0), "", "", source_id)
    published = source.published
    publisher = index.name(index.publisher(source_id) or source.publisher)
    return (published is None, (0, 0) if published is None else published.sort_key, publisher, source.title, source_id)


def echoes(index: Index, entries: Sequence[Entry]) -> list[Echo]:
    """The groups of ``entries`` (claims of one proposition and polarity) that print one text in two parties' voices.

    Quotes join when they share :data:`MIN_WORDS` words in a row, and through each other
    (A shares a run with B, B another with C). A group is kept when its sources belong
    to two parties or more; whether a ``derived_from`` already joins them is for the
    caller to ask (:func:`~factlog.analysis._origins.origins`). Groups are ordered by
    their earliest source, then their words: never by the claims' ids or order. ``[]``
    for most groups at once: fewer than two own-voice quotes of enough words, or one
    source's. Raises nothing.
    """
    if len(entries) < 2:
        return []
    items = _own_voice(index, entries)
    if len(items) < 2 or len({item[1] for item in items}) < 2:
        return []
    sets: UnionFind[int] = UnionFind()
    first: dict[tuple[str, ...], int] = {}
    for number, (_, _, words, _) in enumerate(items):
        for start in range(len(words) - MIN_WORDS + 1):
            shingle = words[start : start + MIN_WORDS]
            seen = first.setdefault(shingle, number)
            if seen != number:
                sets.union(seen, number)
    groups: dict[int, list[int]] = {}
    for number in range(len(items)):
        groups.setdefault(sets.find(number), []).append(number)
    found = []
    for members in groups.values():
        if len({items[n][1] for n in members}) < 2:
            continue  # one source's words
        claims: dict[str, dict[str, None]] = {}
        for n in members:
            claims.setdefault(items[n][1], {})[items[n][0].id] = None
        sources = sorted(claims, key=lambda source: _order(index, source))
        earliest = min((items[n][2], items[n][3]) for n in members if items[n][1] == sources[0])
        joined = {id(items[n][0]): items[n][0] for n in members}
        found.append(
            Echo(
                entries=tuple(chronological(list(joined.values()))),
                sources=tuple(sources),
                quote=earliest[1],
                by_source=tuple((source, tuple(sorted(claims[source]))) for source in sources),
            )
        )
    return sorted(found, key=lambda echo: (_order(index, echo.sources[0]), words_of(echo.quote), echo.quote))
