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
with punctuation around words dropped (``U.S.`` is one word); passages an own-voice
quote puts in double quotation marks are someone else's words, quoted, and are left
out (in a quote crediting a named holder they are that holder's words, and kept).
Every quote's runs of :data:`MIN_WORDS` words (shingles, Broder 1997) are hashed, and
quotes sharing one join: a group costs the words of its quotes, never their pairs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import attrs

from factlog.analysis._index import Entry, Index, chronological
from factlog.analysis._quotes import normalise_quote
from factlog.analysis._stories import source_parties
from factlog.analysis._unionfind import UnionFind

__all__ = ["CREDITED_SHARE", "MIN_WORDS", "Echo", "echoes", "repeats", "words_of"]

MIN_WORDS = 8
"""Words in a row two own-voice quotes must share to be one text's.

Six words is the usual shortest match of plagiarism finders on general prose (WCopyfind's
default "shortest phrase to match"); claims about one proposition share more by chance,
as they name one subject, act and object: a name and title alone runs to six or seven
("former U.S. President Donald Trump", "North Korean leader Kim Jong Un", printed alike
by two unrelated papers in the example corpus). Eight words in a row, beyond what names
make, is a sentence both took from somewhere.
"""

CREDITED_SHARE = 0.8
"""The share of an own-voice quote's words that runs of :data:`MIN_WORDS` words shared with
a quote crediting them to a named holder must cover for the two to be one text."""

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


def words_of(quote: str, *, quoted: bool = False) -> tuple[str, ...]:
    """A quote's words as compared: normalised, casefolded, without the passages it quotes; raises nothing.

    ``“Acme has NEVER polluted,” the firm said`` → ``('the', 'firm', 'said')``; a word's
    inner dots, apostrophes and hyphens stay (``u.s.``, ``don't``, ``long-term``). With
    ``quoted`` (a quote crediting the words to a holder the source names, whose words the
    passage in quotation marks is) the quoted passages are kept:
    ``('acme', 'has', 'never', 'polluted', 'the', 'firm', 'said')``.
    """
    text = normalise_quote(quote)[0].casefold()
    if not quoted:
        text = _QUOTED.sub(" ", text)
    return tuple(word.rstrip(".") for word in _WORD.findall(text))


def repeats(words: tuple[str, ...], other: tuple[str, ...], *, credited: bool) -> bool:
    """Whether an own-voice quote's ``words`` repeat ``other``'s (both :func:`words_of`); raises nothing.

    Against another own-voice quote: a run of :data:`MIN_WORDS` words shared; against a
    quote crediting a named holder (``credited``): runs shared covering
    :data:`CREDITED_SHARE` of ``words``, as :func:`echoes` joins them.
    """
    shingles = {other[start : start + MIN_WORDS] for start in range(len(other) - MIN_WORDS + 1)}
    covered: set[int] = set()
    for start in range(len(words) - MIN_WORDS + 1):
        if words[start : start + MIN_WORDS] in shingles:
            if not credited:
                return True
            covered.update(range(start, start + MIN_WORDS))
    return bool(covered) and len(covered) >= CREDITED_SHARE * len(words)


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
    quoted: tuple[str, ...] = ()
    """The ids of the claims among ``entries`` that credit the words to a holder their source names, sorted."""


Item = tuple[Entry, str, tuple[str, ...], str, bool]
"""A quote: the claim, the source, its words, the quote as printed, and whether it is the publisher's own voice."""


def _quotes(index: Index, entries: Sequence[Entry]) -> list[Item]:
    """(entry, source, words, quote, own) of each quote with enough words, own voice or credited to a named holder."""
    found = []
    memo: dict[str, tuple[str, ...]] = index.memo("wording:words", lambda _: {})
    # A credited quote's words, its quoted passages kept: the holder's own words.
    credited: dict[str, tuple[str, ...]] = index.memo("wording:credited-words", lambda _: {})
    # Each source's publisher's party (None: no publisher known), looked up once a source, not a quote.
    parties = source_parties(index)
    own_voice = False
    for entry in entries:
        for source in entry.sources:  # each looked up, for the evidence below
            party = parties.get(source, _UNSEEN)
            if party is _UNSEEN:
                publisher = index.publisher(source)
                party = parties[source] = None if publisher is None else index.speaks_for(publisher)
            own_voice = own_voice or party == entry.speaks_for
    if not own_voice:
        # Named holders' words alone: reporting, never read. The entries' sources (tuples many
        # entries share) tell it before any evidence, a claim's own objects, is read.
        return []
    for entry in entries:
        for evidence in entry.claim.evidence:
            party = parties[evidence.source]
            if party is None:
                continue  # no publisher known: neither its own voice nor a holder it names
            quote = evidence.quote
            if len(quote) < _FEWEST_CHARACTERS and quote.isascii():
                continue  # too short for MIN_WORDS words: neither kept nor counted
            own = party == entry.speaks_for  # the publisher's voice; else a holder the source names
            table = memo if own else credited
            words = table.get(quote)
            if words is None:
                short = most_words(quote) < MIN_WORDS  # most quotes: a few words, never normalised
                words = table[quote] = () if short else words_of(quote, quoted=not own)
            if len(words) >= MIN_WORDS:
                found.append((entry, evidence.source, words, quote, own))
    return found


def _order(index: Index, source_id: str) -> tuple[bool, tuple[int, int], str, str, str]:
    """Earliest published first, undated last, then by publisher's name and title: ids only on a full tie."""
    source = index.claims.source_by_id.get(source_id)
    if source is None:
        return (True, (0, 0), "", "", source_id)
    published = source.published
    publisher = index.name(index.publisher(source_id) or source.publisher)
    return (published is None, (0, 0) if published is None else published.sort_key, publisher, source.title, source_id)


def _credit(index: Index, items: list[Item], credited: dict[tuple[str, ...], list[int]], sets: UnionFind[int]) -> None:
    """Join each group of own-voice quotes with the credited quotes it repeats (over :data:`CREDITED_SHARE` of one).

    A phrase that names a thing ("the 80th anniversary of the founding of the Workers'
    Party of Korea") runs past eight words, and a record may use it beside an agency
    quoted on something else; a paper printing the agency's sentence as its own prints
    most of its own sentence in the agency's words.

    A copier never joins the sources it copies: where a group's words are credited to
    holders of two parties or more (two papers each quoting its own speaker in the same
    words), the group joins the quotes of one party alone, the party of the holder the
    earliest published crediting source names (then by :func:`_order`, then the holder's
    id); the other holders stay origins of their own. A group holding a declared copy
    (``derived_from``) joins none: the story it declares copying says whose words they are.
    """
    matched: dict[int, dict[int, None]] = {}  # an own-voice group -> the credited quotes its quotes repeat
    for number, (_, _, words, _, own) in enumerate(items):
        if not own:
            continue
        covered: dict[int, set[int]] = {}  # a credited quote -> the positions of these words it shares
        for start in range(len(words) - MIN_WORDS + 1):
            for other in credited.get(words[start : start + MIN_WORDS], ()):
                covered.setdefault(other, set()).update(range(start, start + MIN_WORDS))
        for other, positions in covered.items():
            if len(positions) >= CREDITED_SHARE * len(words):
                matched.setdefault(sets.find(number), {})[other] = None
    by_id = index.claims.source_by_id
    declared = {
        sets.find(number)
        for number, (_, source_id, _, _, own) in enumerate(items)
        if own and (source := by_id.get(source_id)) is not None and source.derived_from
    }
    for group, repeats in matched.items():
        if group in declared:
            continue  # a declared copy is its story's: the words join no holder its story does not name
        joins = list(repeats)
        if len({items[other][0].speaks_for for other in joins}) > 1:
            first = min(joins, key=lambda other: (_order(index, items[other][1]), items[other][0].holder))
            joins = [other for other in joins if items[other][0].speaks_for == items[first][0].speaks_for]
        for other in joins:
            sets.union(group, other)


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
    items = _quotes(index, entries)
    if not any(item[4] for item in items) or len({item[1] for item in items}) < 2:
        return []
    sets: UnionFind[int] = UnionFind()
    first: dict[tuple[str, ...], int] = {}
    credited: dict[tuple[str, ...], list[int]] = {}
    for number, (_, _, words, _, own) in enumerate(items):
        for start in range(len(words) - MIN_WORDS + 1):
            shingle = words[start : start + MIN_WORDS]
            if not own:
                credited.setdefault(shingle, []).append(number)
                continue
            seen = first.setdefault(shingle, number)
            if seen != number:
                sets.union(seen, number)
    if credited:
        _credit(index, items, credited, sets)
    groups: dict[int, list[int]] = {}
    for number in range(len(items)):
        groups.setdefault(sets.find(number), []).append(number)
    found = []
    for members in groups.values():
        if not any(items[n][4] for n in members) or len({items[n][1] for n in members}) < 2:
            continue  # one source's words, or a named holder's words in every source: reporting, not copying
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
                quoted=tuple(sorted({items[n][0].id for n in members if not items[n][4]})),
            )
        )
    return sorted(found, key=lambda echo: (_order(index, echo.sources[0]), words_of(echo.quote), echo.quote))
