"""Generated writers: model objects to plain JSON data, fast.

The converter (:mod:`factlog.io._converter`) is the reference, and tests hold the two
equal (``tests/io/test_records.py``). A writer is generated from an attrs class, as the
readers of :mod:`factlog.io._records` are: fields in declared order, defaults left out.
It spends as few Python operations as it can on each field (measured on the generated
100,000-claim set, ``benchmarks/RESULTS.md``):

* the leading fields that are always written go into one dict display;
* a nested object of one class (a claim's proposition, attribution, pattern) is
  written by the same function, inline, rather than by a call;
* an enum member is written as its ``_value_`` (its ``value`` is a property: a call);
* an interval's or a date's text is read where the object keeps it
  (:func:`~factlog.model._written.written_text` only for words);
* a tuple of nested objects that holds one (a claim's evidence, mostly) is written inline.
"""

from __future__ import annotations

import datetime
import enum
import functools
import itertools
import typing
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from factlog.io._converter import timestamp_to_json
from factlog.io._records import OBJECT, QUALIFIERS, Source, without_none
from factlog.model._dates import Interval, PartialDate
from factlog.model._nouns import Object
from factlog.model._written import written_text

__all__ = ["AllWriter", "Writer", "writer", "writer_of_all"]

Writer = Callable[[Any], dict[str, Any]]
AllWriter = Callable[[Any], list[dict[str, Any]]]


def _write_object(value: Object) -> Any:
    if type(value) is str:
        return value
    if type(value) is tuple:
        return list(value)
    literal: type = type(value)
    return writer(literal)(value)


@functools.cache
def writer(cls: type) -> Writer:
    """The generated writer of one attrs class: fields in declared order, defaults left out."""
    source = Source()
    source.lines.append("def write(obj):")
    _body(source, cls, "obj", "data", indent="    ", counter=itertools.count(1))
    source.lines.append("    return data")
    write: Writer = source.compile("write")
    return write


@functools.cache
def writer_of_all(cls: type, prefix: str, derived: Callable[[dict[str, Any]], dict[str, Any]]) -> AllWriter:
    """The generated writer of a sequence of ``cls`` objects: a list of what :func:`writer` writes of each.

    One loop with the writer's body inline, rather than a call for each object (for a
    document's claims). An object whose ``id`` starts with ``prefix`` is written as
    ``derived`` gives back its dict (a claim's content-hash id is left out so).
    """
    source = Source()
    source.lines += ["def write_all(items):", "    out = []", "    append = out.append", "    for obj in items:"]
    _body(source, cls, "obj", "data", indent="        ", counter=itertools.count(1))
    derive = source.bind("derived", derived)
    source.lines += [f"        if obj.id[:{len(prefix)}] == {prefix!r}:", f"            data = {derive}(data)"]
    source.lines += ["        append(data)", "    return out"]
    write: AllWriter = source.compile("write_all")
    return write


def _plain(kind: Any) -> bool:
    """Whether a value of ``kind`` is written by a plain attribute read (no None, no call)."""
    return kind in (str, bool, int, float, int | float) or (isinstance(kind, type) and issubclass(kind, enum.Enum))


def _inline(kind: Any) -> type | None:
    """The attrs class of a field written inline (a nested object, or None), else None."""
    if kind != OBJECT and type(None) in typing.get_args(kind):
        kind = without_none(kind)
    written_as_text = kind in (Interval, PartialDate)
    return kind if isinstance(kind, type) and attrs.has(kind) and not written_as_text else None


def _inline_items(kind: Any) -> type | None:
    """The attrs class of the items of a tuple field whose single item is written inline, else None."""
    if typing.get_origin(kind) is tuple and len(typing.get_args(kind)) == 2:
        item = typing.get_args(kind)[0]
        return _inline(item)
    return None


def _body(source: Source, cls: type, obj: str, data: str, *, indent: str, counter: Iterator[int]) -> None:
    """Statements filling a new dict named ``data`` from the object named ``obj``, of class ``cls``."""
    hints = typing.get_type_hints(cls)
    fields = attrs.fields(cls)
    lines = source.lines
    leading = []
    for field in fields:
        if field.default is not attrs.NOTHING or not _plain(hints[field.name]):
            break
        leading.append(f"{field.name!r}: {_output(source, hints[field.name], f'{obj}.{field.name}')}")
    lines.append(f"{indent}{data} = {{{', '.join(leading)}}}")
    for field in fields[len(leading) :]:
        name = field.name
        kind = hints[name]
        nested = _inline(kind)
        if nested is not None:
            number = next(counter)
            inner = indent
            lines.append(f"{indent}o{number} = {obj}.{name}")
            if field.default is not attrs.NOTHING:
                if field.default is not None:  # pragma: no cover - the model's nested objects default to None
                    raise TypeError(f"{cls.__name__}.{name}: no fast writing for a default other than None")
                lines.append(f"{indent}if o{number} is not None:")
                inner = indent + "    "
            _body(source, nested, f"o{number}", f"d{number}", indent=inner, counter=counter)
            lines.append(f"{inner}{data}[{name!r}] = d{number}")
            continue
        lines.append(f"{indent}x = {obj}.{name}")
        many = _inline_items(kind)
        if many is not None and field.default is attrs.NOTHING:
            # Most claims have one piece of evidence: it is written inline, the others by calls.
            number = next(counter)
            write = source.bind(f"write_{many.__name__}", writer(many))
            lines.append(f"{indent}if len(x) == 1:")
            lines.append(f"{indent}    o{number} = x[0]")
            _body(source, many, f"o{number}", f"d{number}", indent=indent + "    ", counter=counter)
            lines.append(f"{indent}    {data}[{name!r}] = [d{number}]")
            lines.append(f"{indent}else:")
            lines.append(f"{indent}    {data}[{name!r}] = [{write}(item) for item in x]")
            continue
        expression = _output(source, kind, "x")
        if field.default is attrs.NOTHING:
            lines.append(f"{indent}{data}[{name!r}] = {expression}")
            continue
        lines.append(f"{indent}if {_differs(source, f'{obj}_{name}', field.default)}:")
        lines.append(f"{indent}    {data}[{name!r}] = {expression}")


def _differs(source: Source, name: str, default: Any) -> str:
    """A test that field value ``x`` is not its default (and so is written)."""
    if default is None:
        return "x is not None"
    if default == ():
        return "x"
    if isinstance(default, enum.Enum):
        return f"x is not {source.bind(f'{name}_default', default)}"
    return f"x != {source.bind(f'{name}_default', default)}"


def _output(source: Source, kind: Any, x: str) -> str:
    """An expression turning field value ``x`` (not None; a name, or for plain kinds any expression) into JSON data."""
    if kind != OBJECT and type(None) in typing.get_args(kind):
        kind = without_none(kind)
    if kind in (str, bool, int, float, int | float):
        return x
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return f"{x}._value_"
    if kind is PartialDate:
        return f"{x}._text"  # a date keeps its text (PartialDate._text)
    if kind is Interval:
        # A plain interval caches its text (Interval._text); words (WrittenWhen) are written as given.
        interval = source.bind("Interval", Interval)
        return f"{x}._text if type({x}) is {interval} else {source.bind('written_text', written_text)}({x})"
    if kind is datetime.datetime:
        return f"{source.bind('timestamp', timestamp_to_json)}({x})"
    if kind == QUALIFIERS:
        return f"{source.bind('dict', dict)}({x})"
    if kind == OBJECT:
        return f"{x} if type({x}) is {source.bind('str', str)} else {source.bind('write_object', _write_object)}({x})"
    if typing.get_origin(kind) is tuple and attrs.has(typing.get_args(kind)[0]):
        item = typing.get_args(kind)[0]
        write = source.bind(f"write_{item.__name__}", writer(item))
        return f"[{write}({x}[0])] if len({x}) == 1 else [{write}(item) for item in {x}]"  # mostly one
    if kind == tuple[str, ...]:
        return f"{source.bind('list', list)}({x})"
    raise TypeError(f"no fast conversion for {kind!r}")  # pragma: no cover - the model uses none other
