"""Sources: the documents claims were read in, and the dates each gives for itself."""

from __future__ import annotations

import datetime
from pathlib import PurePosixPath
from typing import Any

import attrs
from attrs import validators as v

from factlog._echo import echoed
from factlog.model._dates import Interval, as_interval, closed_interval
from factlog.model._fields import (
    FieldError,
    _doc,
    _pattern_field,
    _utc,
    id_list,
    instance_of,
    is_id,
    is_name,
    is_text,
    optional_text,
)
from factlog.model._kinds import SourceKind

__all__ = ["Source", "SourceDate"]


def _relative_path(instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    del instance
    if value is None:
        return
    path = PurePosixPath(value)
    if path.is_absolute() or ".." in path.parts or "\\" in value or ":" in value or "\0" in value:
        raise FieldError(attribute.name, f"expected a relative path inside this folder, got {echoed(value)}")
    if not path.parts or value.rsplit("/", 1)[-1] in ("", "."):  # '.', './', 'sub/.': a folder, never a file
        raise FieldError(attribute.name, f"expected a relative path to a file, got {echoed(value)} (a folder)")


@attrs.frozen(kw_only=True)
class SourceDate:
    """One date a document gives for itself, and where it was read: byline, metadata, text."""

    date: Interval = attrs.field(
        converter=as_interval,
        validator=closed_interval,
        metadata=_doc("A date, or an interval with two dates."),
    )
    where: str = attrs.field(
        validator=is_text,
        metadata=_doc("Where the date was found: 'byline', 'metadata', 'url', 'text' (inferred from it), ..."),
    )


@attrs.frozen(kw_only=True)
class Source:
    """A document that was read."""

    id: str = attrs.field(validator=is_id, metadata=_doc("Stable short id, e.g. 'choe-moscow'."))
    title: str = attrs.field(validator=is_text, metadata=_doc("The document's title."))
    publisher: str = attrs.field(
        validator=is_name, metadata=_doc("The publisher (its own voice): entity id, or a name or alias as written.")
    )
    kind: SourceKind = attrs.field(
        default=SourceKind.NEWS_REPORT, validator=instance_of(SourceKind), metadata=_doc("What sort of document.")
    )
    published: Interval | None = attrs.field(
        default=None,
        converter=as_interval,
        validator=closed_interval,
        metadata=_doc("Publication date: a date, or an interval when it is known only that closely."),
    )
    dates: tuple[SourceDate, ...] = attrs.field(
        default=(),
        validator=v.deep_iterable(instance_of(SourceDate), instance_of(tuple)),
        metadata=_doc("Every date the document gives for itself, each with where it was found."),
    )
    url: str | None = attrs.field(default=None, validator=optional_text, metadata=_doc("Where it was read."))
    language: str | None = _pattern_field(
        r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", "a BCP 47 language tag like en or ko-KR", "Language of the text (BCP 47)."
    )
    derived_from: tuple[str, ...] = attrs.field(
        default=(), validator=id_list, metadata=_doc("Sources this one copies or rewrites.")
    )
    document: str | None = attrs.field(
        default=None,
        validator=[optional_text, _relative_path],
        metadata=_doc("Path of the text, relative to this file; it may not leave this folder."),
    )
    sha256: str | None = _pattern_field(r"[0-9a-f]{64}", "64 lowercase hex digits", "SHA-256 of the document's bytes.")
    retrieved: datetime.datetime | None = attrs.field(default=None, validator=_utc, metadata=_doc("UTC."))
    notes: str | None = attrs.field(default=None, validator=optional_text, metadata=_doc("Free text for people."))
