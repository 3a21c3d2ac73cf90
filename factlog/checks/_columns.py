"""The compact form of a JSON Lines claim set: small tables as objects, claims as integer columns.

A check of a large JSON Lines file (:func:`factlog.checks.check_lines`) reads it here
once before checking it. The first pass keeps the small tables (entities, predicates,
sources, acknowledgements) and, for each claim, only the byte offset of its line. The
second parses each claim line and keeps per claim only 64-bit hashes of the groups its
readings fall in (:class:`Columns`), computed from the parsed line with the same
normalisation as :class:`~factlog.analysis.Index` (:class:`~factlog.checks._tokens.ClaimTokens`);
a claim of another shape (a pattern, a list of objects) is decoded and indexed, a batch
at a time. No claim is kept: each is decoded once, from its offset, when its group is checked.

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
from pathlib import Path
from typing import Any

import attrs

from factlog.analysis._index import Index
from factlog.analysis._lines import Unstreamable, claim_reader, index_of, read_tables, records
from factlog.checks._dating import source_dates_disagree
from factlog.checks._integrity import document_mismatch
from factlog.checks._quotes import quote_unverified
from factlog.checks._review import unreviewed_draft
from factlog.checks._rules import Rule
from factlog.checks._sourcing import overconfident_holder
from factlog.checks._tokens import ClaimTokens, entry_question, entry_tokens
from factlog.io._parsing import DEFAULT_LIMITS, Limits, orjson_module
from factlog.io._places import place_acknowledgements
from factlog.model._claimset import ClaimSet

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
    ``flags[i]`` has bit 1 when a holder or source rule names the claim (zero until the
    claim is checked). ``vote_claim[k]`` and ``question[k]`` pair a claim with the hash
    of the question it answers for ``undeclared_copying``.
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
"""A flag bit: a holder or source rule names the claim (set while the claim's bin is checked)."""


def scan(path: Path, batch: int, limits: Limits = DEFAULT_LIMITS) -> tuple[Columns, Index]:
    """Both passes over a JSON Lines file: its columns, and an index of its small tables alone.

    ``batch`` claims of an unusual shape (a pattern, a list of objects) are decoded and
    indexed at once. Raises :class:`Unstreamable` (or any error of the readers) for
    anything the whole-file reader must look at: an older version, an unknown id in
    the tables, a claim without an id. A claim line is not checked here beyond what
    its tokens need: every claim is decoded and its ids resolved when it is checked. A line
    longer than ``limits.max_bytes`` is a :class:`~factlog.io._files.LineTooLong` naming the file and line.
    """
    orjson = orjson_module()
    if orjson is None:
        raise Unstreamable("orjson")
    offsets: array[int] = array("q")
    with path.open("rb") as stream:
        acknowledgements: list[int] = []  # their lines: a stale one is named without reading the file again
        tables = read_tables(
            stream, offsets, str(path.parent), limits, str(path), acknowledgement_lines=acknowledgements
        )
        tables = place_acknowledgements(tables, [(str(path), tables)], lines={str(path): acknowledgements})
        base = Index.of(tables)
        columns = Columns(tables, offsets)
        reader = ClaimTokens(base)
        unusual: list[tuple[int, dict[str, Any]]] = []
        ids = columns.ids
        token_claim, token, references = columns.token_claim, columns.token, columns.references
        vote_claim, question = columns.vote_claim, columns.question
        # orjson alone: a line its reading gets wrong is refused by quick_parse when the claim is checked.
        for number, record in enumerate(records(stream, offsets, limits, orjson.loads)):
            claim = record.get("id")
            if type(claim) is not str:
                raise Unstreamable("a claim without an id")
            ids.append(hash(("c", claim)))
            found = reader.read(record)
            if found is None:
                unusual.append((number, record))
                if len(unusual) >= batch:
                    _unusual(columns, base, reader, unusual)
                continue
            values, linked, asked = found
            if linked:
                references.extend(linked)
            token.extend(values)
            token_claim.extend([number] * len(values))
            if asked is not None:
                vote_claim.append(number)
                question.append(asked)
        _unusual(columns, base, reader, unusual)
    columns.flags = bytearray(len(offsets))
    return columns, base


def _unusual(columns: Columns, base: Index, reader: ClaimTokens, unusual: list[tuple[int, dict[str, Any]]]) -> None:
    """Decode and index claims of an unusual shape, append their tokens, references and votes; empty the list."""
    if not unusual:
        return
    read = claim_reader()
    ids: dict[str, str] = {}
    index = index_of(base, [read(record, ids) for _, record in unusual])
    for (number, _), entry in zip(unusual, index.entries, strict=True):
        claim = entry.claim
        linked = [*claim.answers, *(claim.regarding.claims if claim.regarding is not None else ())]
        references = [hash(("c", other)) for other in linked]
        columns.references.extend(references)
        values = [
            value
            for reading in (entry, *index.implied.get(entry.id, ()))
            for value in entry_tokens(index, reading, reader.partners)
        ]
        values += references
        columns.token.extend(values)
        columns.token_claim.extend([number] * len(values))
        asked = entry_question(index, entry)
        if asked is not None:
            columns.vote_claim.append(number)
            columns.question.append(asked)
    unusual.clear()
