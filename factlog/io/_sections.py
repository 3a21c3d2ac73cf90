"""A document's sections read into a claim set, and written back, with the generated readers and writers."""

from __future__ import annotations

import functools
import itertools
import typing
from collections.abc import Callable, Collection, Iterator, Sequence
from typing import Any

from factlog.io._converter import claim_content_id
from factlog.io._generated import Source
from factlog.io._interning import Interned
from factlog.io._records import SECTIONS, Reader, Refused, fill, reader
from factlog.io._writers import writer, writer_of_all
from factlog.model._claimset import ClaimSet, read_claim_set_of, vouch
from factlog.model._folders import Folder
from factlog.model._nouns import Claim
from factlog.model._written import WrittenWhen

__all__ = [
    "claim_set",
    "claims_reader",
    "read_claim_set",
    "section_reader",
    "write_claim_set",
    "write_claims",
]

_SECTION_KEYS = frozenset(SECTIONS)


def read_claim_set(
    data: Any, claim_without_id: Callable[[Any], Claim], base: str | None = None, *, consume: bool = False
) -> ClaimSet:
    """The claim set of a document body (the sections, without format and version).

    ``claim_without_id`` reads a claim that has no id (its id is a content hash); ``base``
    is the folder the sources' document paths are relative to. With ``consume`` each
    record is dropped from ``data`` as soon as it is read, so the parsed document and
    the objects made from it are never all in memory at once. Raises
    :class:`Refused` or another exception at the first problem, without a message.
    The claims' references are vouched for as they are read
    (:mod:`factlog.io._interning`, :func:`~factlog.model._claimset.vouch`).
    """
    if type(data) is not dict or not data.keys() <= _SECTION_KEYS:
        raise Refused
    ids = Interned()
    whole: list[Claim] = []  # claims without an id, read by the converter
    sections: dict[str, Any] = {}
    for name in SECTIONS:
        if name not in data:
            continue
        items = data[name]
        if type(items) is not list:
            raise Refused
        if name == "claims":  # as section_reader's, in one loop (claims_reader)
            without_id = _unvouched_without_id(claim_without_id, ids, whole)
            sections[name] = tuple(claims_reader(consume)(items, ids, without_id))
        else:
            read = section_reader(name, claim_without_id)
            sections[name] = tuple([read(item, ids) for item in (_consumed(items) if consume else items)])
            ids.define(name, sections[name])
    # The claim readers kept each claim's id: as many as the claims, and no id was given twice.
    made = claim_set(sections, base, ("claims",) if len(ids.claims) == len(sections.get("claims", ())) else ())
    # Every claim's when went through ids.whens, but those of claims without an id (read by the converter).
    words = any(type(when) is WrittenWhen for when in ids.whens.values())
    vouch(made, ids.unvouched, words=words or bool(whole), floats=ids.floats or bool(whole))
    return made


_LOCAL = {
    "ids.entities.get": "entities_get",
    "ids.predicates.get": "predicates_get",
    "ids.sources.get": "sources_get",
    "ids.whens.get": "whens_get",
    "ids.get": "ids_get",
    "ids.claims.add": "claims_add",
    "ids.inverses": "inverses",
}
"""Tables and methods the claim reader names, and the local names :func:`claims_reader` gives them."""


@functools.cache
def claims_reader(consume: bool) -> Callable[[list[Any], Any, Callable[[Any], Any]], list[Any]]:
    """The generated reader of a document's claims: ``read(items, ids, without_id)``, a list of claims.

    The claim reader of ``reader(Claim, vouching=True)`` in one loop, with a claim's
    proposition, attribution and evidence (when it is one) read inline rather than by
    calls: the same checks, about 0.4 µs a claim less (``benchmarks/RESULTS.md``). An
    item that is no object with an ``id`` goes to ``without_id``. With ``consume`` each
    item is dropped from ``items`` as it is read.
    """
    source = Source()
    lines = source.lines
    lines += ["def read(items, ids, without_id):", "    out = []", "    append = out.append"]
    if consume:
        # A for loop, not a while: CPython 3.11 specialises the code of a function called
        # once only at the jump back of a for loop (a while loop's jump leaves it generic).
        lines += [
            "    items.reverse()",
            "    pop = items.pop",
            "    for _ in range(len(items)):",
            "        data = pop()",
        ]
    else:
        lines.append("    for data in items:")
    lines += ["        if type(data) is not dict or 'id' not in data:", "            append(without_id(data))"]
    lines.append("            continue")
    filled = fill(source, Claim, True, ("data", "obj", "known"), itertools.count(1))
    assert filled[:2] == ["if type(data) is not dict:", "    raise Refused"]  # tested above already
    body = "\n".join(filled[2:])
    for table, local in _LOCAL.items():  # the tables and their methods, looked up once
        lines.insert(3, f"    {local} = {table}")
        body = body.replace(table, local)
    lines += [f"        {line}" for line in body.split("\n")]
    lines += ["        append(obj)", "    return out"]
    read: Callable[[list[Any], Any, Callable[[Any], Any]], list[Any]] = source.compile("read")
    return read


def _unvouched_without_id(
    claim_without_id: Callable[[Any], Claim], ids: Interned, whole: list[Claim]
) -> Callable[[Any], Claim]:
    def read(item: Any) -> Claim:
        claim = claim_without_id(item)
        ids.unvouched.append(claim)  # read by the converter: nothing was looked up
        whole.append(claim)
        return claim

    return read


def _consumed(items: list[Any]) -> Iterator[Any]:
    """The items of a list in order, each dropped from the list as it is given."""
    items.reverse()
    while items:
        yield items.pop()


def section_reader(name: str, claim_without_id: Callable[[Any], Claim]) -> Reader:
    """The reader of one record of a section (``"claims"``, ``"entities"``, ...)."""
    read = reader(typing.get_args(typing.get_type_hints(ClaimSet)[name])[0])
    return _or_without_id(read, claim_without_id) if name == "claims" else read


def claim_set(sections: dict[str, Any], base: str | None, unique: Collection[str] = ()) -> ClaimSet:
    """A claim set of sections read by the generated readers (tuples of their classes' objects).

    ``base`` is the folder of the sources' documents, held as a
    :class:`~factlog.model._folders.Folder`: the working folder joined with ``base``,
    ``..`` kept (a later :func:`os.chdir` leaves the documents where they were, and
    ``link/..`` stays where the link leads), which remembers ``base`` for messages. Raises
    :class:`~factlog.FieldError` for an id given twice in a section.
    """
    if base is None:
        return read_claim_set_of(sections, {}, unique)
    folder = Folder(base)
    bases = {source.id: folder for source in sections.get("sources", ())}
    return read_claim_set_of(sections, bases, unique)


def _or_without_id(read: Reader, claim_without_id: Callable[[Any], Claim]) -> Reader:
    def read_claim(item: Any, ids: dict[str, str]) -> Any:
        return claim_without_id(item) if type(item) is dict and "id" not in item else read(item, ids)

    return read_claim


def write_claim_set(claims: ClaimSet, names: Collection[str] = SECTIONS) -> dict[str, Any]:
    """The sections of a claim set as JSON data (those in ``names``, in their order), empty ones left out."""
    body: dict[str, Any] = {}
    hints = typing.get_type_hints(ClaimSet)
    for name in (name for name in SECTIONS if name in names):
        items = getattr(claims, name)
        if not items:
            continue
        write = writer(typing.get_args(hints[name])[0])
        if name == "claims":
            body[name] = write_claims(items)
        else:
            body[name] = [write(item) for item in items]
    return body


def write_claims(claims: Sequence[Claim]) -> list[dict[str, Any]]:
    """Claims as JSON data (a claim's content-hash id left out)."""
    # Only an id that looks derived can be the content hash (see _without_derived_id).
    return writer_of_all(Claim, "c-", _without_derived_id)(claims)


def _without_derived_id(data: dict[str, Any]) -> dict[str, Any]:
    # Only an id that looks derived can be the content hash; skip the hashing otherwise.
    if data["id"].startswith("c-") and data["id"] == claim_content_id(data):
        del data["id"]
    return data
