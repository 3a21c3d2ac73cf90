"""The compact form of a JSON Lines claim set: small tables as objects, claims as integer columns.

A check of a large JSON Lines file (:func:`factlog.checks.check_lines`) reads it twice
here. The first pass keeps the small tables (entities, predicates, sources,
acknowledgements) and, for each claim, only the byte offset of its line. The second
decodes the claims a batch at a time, indexes each batch with the same normalisation
as :class:`~factlog.analysis.Index`, and keeps per claim only 64-bit hashes of the
groups its readings fall in (:class:`Columns`); the claims are then dropped, to be
decoded again from their offsets only where a finding is possible.

Grouping tokens (each the ``hash()`` of a tagged tuple; a collision can only merge two
groups, which adds claims to a check and never removes one):

* ``("s", subject, predicate, qualifiers)``: the slot of a reading (proposition keys
  lie within slots), the slot of each wider key (``part_of``) and of each exclusive
  partner predicate;
* ``("o", object, predicate, qualifiers)``: the object slot of an inverse-functional
  predicate with an entity object;
* ``("c", claim id)``: a claim answered or regarded, on both ends of the link.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from pathlib import Path

import attrs

from factlog.analysis._index import Entry, Index
from factlog.analysis._lines import Unstreamable, check_references, index_of, materialise, read_tables
from factlog.checks._dating import source_dates_disagree
from factlog.checks._engine import _run
from factlog.checks._integrity import document_mismatch
from factlog.checks._quotes import quote_unverified
from factlog.checks._review import unreviewed_draft
from factlog.checks._rules import Rule
from factlog.checks._sourcing import overconfident_holder
from factlog.io._parsing import DEFAULT_LIMITS, Limits, orjson_module
from factlog.model._claimset import ClaimSet
from factlog.model._scales import Certainty

__all__ = ["HOLDER_AND_SOURCE_RULES", "Columns", "scan"]

HOLDER_AND_SOURCE_RULES: tuple[Rule, ...] = (
    overconfident_holder,
    document_mismatch,
    source_dates_disagree,
    quote_unverified,
    unreviewed_draft,
)
"""Rules that gather one holder's or one source's claims: each claim's part is decided by the claim alone."""


@attrs.define
class Columns:
    """Per-claim columns of one file, in the order of its lines (every array grows as claims are read).

    ``offsets[i]`` is the byte offset of claim ``i``'s line. ``token_claim[j]`` and
    ``token[j]`` pair a claim with one of its grouping tokens. ``ids[i]`` is the token
    of claim ``i``'s id, ``references`` the tokens of the ids claims answer or regard.
    ``flags[i]`` has bit 1 when a holder or source rule names the claim and bit 2 when
    another rule does within its batch. ``vote_claim[k]`` and ``question[k]`` pair a
    claim with the hash of the question it answers for ``undeclared_copying``.
    """

    tables: ClaimSet
    offsets: array[int] = attrs.field(factory=lambda: array("q"))
    token_claim: array[int] = attrs.field(factory=lambda: array("q"))
    token: array[int] = attrs.field(factory=lambda: array("q"))
    ids: array[int] = attrs.field(factory=lambda: array("q"))
    references: array[int] = attrs.field(factory=lambda: array("q"))
    flags: bytearray = attrs.field(factory=bytearray)
    vote_claim: array[int] = attrs.field(factory=lambda: array("q"))
    question: array[int] = attrs.field(factory=lambda: array("q"))


HOLDER_OR_SOURCE = 1
"""A flag bit: a holder or source rule names the claim within its batch."""
IN_FINDING = 2
"""A flag bit: another rule names the claim within its batch (exact for a claim alone in its groups)."""


def scan(path: Path, batch: int, rules: Sequence[Rule], limits: Limits = DEFAULT_LIMITS) -> tuple[Columns, Index]:
    """Both passes over a JSON Lines file: its columns, and an index of its small tables alone.

    Raises :class:`Unstreamable` (or any error of the readers) for anything the whole-file
    reader must look at: a bad line, an older version, an unknown id. A line longer than
    ``limits.max_bytes`` is a :class:`~factlog.io._files.LineTooLong` naming the file and line.
    """
    if orjson_module() is None:
        raise Unstreamable("orjson")
    offsets: array[int] = array("q")
    with path.open("rb") as stream:
        tables = read_tables(stream, offsets, str(path.parent), limits, str(path))
        base = Index.of(tables)
        columns = Columns(tables, offsets)
        others = [
            rule for rule in rules if rule not in HOLDER_AND_SOURCE_RULES and rule.__name__ != "undeclared_copying"
        ]
        held = [rule for rule in rules if rule in HOLDER_AND_SOURCE_RULES]
        seen: set[int] = set()
        for start in range(0, len(offsets), batch):
            claims = materialise(stream, offsets[start : start + batch], limits)
            index = index_of(base, claims)
            check_references(index.claims, base.vocabulary)
            alone = _columns(columns, index, start, seen)
            # Only a claim whose tokens no earlier claim had may be alone in its groups:
            # the other rules run on the groups of those claims alone.
            # The source rules look at the sources this batch cites, not at every source of the file.
            cited = attrs.evolve(index, source_scope=frozenset(index.by_source))
            for rules_of, bit, view in ((held, HOLDER_OR_SOURCE, cited), (others, IN_FINDING, index.view(alone))):
                for rule in rules_of:
                    for finding in _run(rule, view):
                        for claim in finding.claim_ids:
                            entry = index.by_id.get(claim)
                            if entry is not None:
                                columns.flags[start + entry.position] |= bit
    return columns, base


def _columns(columns: Columns, index: Index, start: int, seen: set[int]) -> list[Entry]:
    """Append one batch's tokens, ids, references, votes and (empty) flags to the columns.

    Returns the entries whose tokens are not in ``seen`` (no earlier claim shares a group
    with them), and adds their tokens to it.
    """
    partners = _partners(index)
    token_claim, token = columns.token_claim, columns.token
    alone = []
    for entry in index.entries:
        number = start + entry.position
        columns.ids.append(hash(("c", entry.id)))
        columns.flags.append(0)
        claim = entry.claim
        linked = [*claim.answers, *(claim.regarding.claims if claim.regarding is not None else ())]
        values = [
            value
            for reading in (entry, *index.implied.get(entry.id, ()))
            for value in _tokens(index, reading, partners)
        ]
        references = [hash(("c", other)) for other in linked]
        columns.references.extend(references)
        values += references
        for value in values:
            token_claim.append(number)
            token.append(value)
        if seen.isdisjoint(values):
            alone.append(entry)
        seen.update(values)
        question = _question(index, entry)
        if question is not None:
            columns.vote_claim.append(number)
            columns.question.append(hash(question))
    return alone


def _partners(index: Index) -> dict[str, list[str]]:
    """Each predicate's exclusive partners, both ways (as ``exclusive_predicates`` pairs them)."""
    predicates = index.vocabulary.predicates
    found: dict[str, list[str]] = {}
    for predicate in predicates.values():
        for other in predicate.exclusive_with:
            if other in predicates:
                found.setdefault(predicate.id, []).append(other)
                found.setdefault(other, []).append(predicate.id)
    return found


def _tokens(index: Index, reading: Entry, partners: dict[str, list[str]]) -> Iterator[int]:
    proposition = reading.proposition
    if proposition is None or reading.key is None:
        return
    subject, predicate, qualifiers = proposition.subject, proposition.predicate, proposition.qualifiers
    yield hash(("s", subject, predicate, qualifiers))
    declared = reading.predicate
    if declared is not None and declared.inverse_functional and isinstance(proposition.object, str):
        yield hash(("o", proposition.object, predicate, qualifiers))
    for wide in index.broader_keys(reading.key):
        yield hash(("s", wide[0], wide[1], wide[3]))
    for other in partners.get(predicate, ()):
        yield hash(("s", subject, other, qualifiers))


def _question(index: Index, entry: Entry) -> str | None:
    """The question a claim votes on in ``undeclared_copying`` (its own test, repeated), or None."""
    proposition = entry.proposition
    if proposition is None or entry.claim.certainty is Certainty.UNCOMMITTED:
        return None
    if entry.predicate is None or not entry.predicate.functional:
        return None
    source = index.claims.source_by_id.get(entry.claim.evidence[0].source)
    if source is not None and source.derived_from and index.publisher(source.id) == entry.holder:
        return None
    slot = (proposition.subject, proposition.predicate, proposition.qualifiers)
    return "slot " + repr((slot, proposition.when))
