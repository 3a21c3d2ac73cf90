"""Generated readers: plain JSON data to model objects, fast (the writers are in :mod:`factlog.io._writers`).

The cattrs converter (:mod:`factlog.io._converter`) is the reference: it reports every
problem with its JSON path. It is also slow for large sets, because each field is
checked twice, once by its structuring hook and again by the attrs validator in
``__init__``. The functions here are generated from the same attrs classes (as cattrs
and attrs generate theirs) and check each field once:

* the conversion itself checks the JSON type (a list for a tuple, a string for a date,
  a known value for an enum), so validators that only repeat it are skipped;
* the common validators (ids, texts, id lists) run as inline code with the same
  meaning, and ids are interned, so ``"e1"`` is one string however often it is named;
* every other validator, converter and ``__attrs_post_init__`` runs as it is.

The object is then filled in without calling ``__init__``. A reader raises on the first
thing it does not accept, with no useful message: the codec then reads the document
again with the converter, which names every problem. Tests hold the two paths equal on
valid documents and equally strict on broken ones.
"""

from __future__ import annotations

import datetime
import enum
import functools
import itertools
import typing
from collections.abc import Callable
from typing import Any

import attrs

from factlog.io._converter import literal_type, qualifiers_from_json, timestamp_from_json
from factlog.io._generated import (
    FLOATS,
    INLINE,
    INLINE_AFTER,
    INLINE_OPTIONAL,
    NOT_TEXT,
    OBJECT,
    QUALIFIERS,
    Source,
    flatten,
    implied,
    twin,
    without_none,
)
from factlog.io._interning import REFERENCES, Refused, intern_id, when
from factlog.io._interning import id_list as _id_list
from factlog.io._interning import name as _name
from factlog.io._interning import name_list as _name_list
from factlog.io._interning import text_list as _text_list
from factlog.model import _fields as fields
from factlog.model import _nouns as model
from factlog.model._claimset import ClaimSet
from factlog.model._dates import Interval, PartialDate, parse_date, parse_interval
from factlog.model._nouns import Object, Quantity
from factlog.model._written import read_when

__all__ = [
    "OBJECT",
    "QUALIFIERS",
    "RECORD_TYPES",
    "SECTIONS",
    "SECTION_TYPES",
    "Reader",
    "Refused",
    "Source",
    "fill",
    "intern_id",
    "reader",
    "without_none",
]

Reader = Callable[[Any, dict[str, str]], Any]

SECTIONS = tuple(field.name for field in attrs.fields(ClaimSet) if field.eq)  # not bases, acknowledged_at, sources_at
RECORD_TYPES = {
    "entity": "entities",
    "predicate": "predicates",
    "source": "sources",
    "claim": "claims",
    "acknowledgement": "acknowledged",
}
"""The ``type`` tag of a JSON Lines record, and the section it belongs to."""
SECTION_TYPES = {section: record for record, section in RECORD_TYPES.items()}
"""The sections of a document, in order: entities, predicates, sources, claims, acknowledged."""


def _read_literal(value: Any, ids: dict[str, str]) -> Object | None:
    # A proposition's object that is not an entity id (the generated code reads those inline).
    if value is None:
        return None
    if type(value) is list:
        names = _name_list(value, ids)
        if not names or len(set(names)) != len(names):
            raise Refused  # the model's object_value, which the generated code skips
        return names
    if type(value) is dict:
        literal: type | None = literal_type(value)
        if literal is not None:
            result: Object = reader(literal)(value, ids)
            return result
    raise Refused


def _conversion(source: Source, field: str, kind: Any, vouching: bool = False) -> str:
    """An expression turning JSON value ``x`` into a value of ``kind``, checking its JSON type."""
    optional = type(None) in typing.get_args(kind) and kind != OBJECT
    if optional:
        kind = without_none(kind)
    expression = _plain_conversion(source, field, kind, vouching)
    return f"None if x is None else {expression}" if optional else expression


def _plain_conversion(source: Source, field: str, kind: Any, vouching: bool = False) -> str:
    if kind in (str, bool, int):
        source.bind(kind.__name__, kind)
        return f"x if type(x) is {kind.__name__} else fail()"
    if kind in (float, int | float):
        # orjson reads an integer beyond 64 bits as a float: such numbers are left to the converter.
        return "x if type(x) is int or (type(x) is float and -LARGE < x < LARGE) else fail()"
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        members = {member.value: member for member in kind}
        assert all(type(value) is str for value in members)  # a lookup by string then suffices
        return f"{source.bind(f'{field}_members', members)}[x]"
    if kind is PartialDate:
        return f"{source.bind('parse_date', parse_date)}(x) if type(x) is str else fail()"
    if kind is Interval:
        return f"{source.bind('parse_interval', parse_interval)}(x) if type(x) is str else fail()"
    if kind is datetime.datetime:
        return f"{source.bind('timestamp', timestamp_from_json)}(x, None)"
    if kind == QUALIFIERS:
        return f"{source.bind('qualifiers', qualifiers_from_json)}(x, None)"
    if kind == OBJECT:
        read = source.bind("read_literal", _read_literal)
        name = source.bind("name", _name)
        return f"(ids.get(x) or {name}(x, ids)) if type(x) is str else {read}(x, ids)"
    if attrs.has(kind):
        return f"{source.bind(f'{field}_reader', reader(kind, vouching))}(x, ids)"
    if typing.get_origin(kind) is tuple and attrs.has(typing.get_args(kind)[0]):
        read = source.bind(f"{field}_reader", reader(typing.get_args(kind)[0], vouching))
        many = f"tuple([{read}(item, ids) for item in x]) if type(x) is list else fail()"
        return f"({read}(x[0], ids),) if type(x) is list and len(x) == 1 else {many}"
    raise TypeError(f"no fast conversion for {kind!r}")  # pragma: no cover - the model uses none other


@functools.cache
def reader(cls: type, vouching: bool = False) -> Reader:
    """The generated reader of one attrs class.

    A field's checks run where its value is read, before the later fields are set (the
    model's validators look at their own value only); defaults are not checked again,
    and ``__attrs_post_init__`` runs last, on the whole object. With ``vouching`` (for a
    claim) ``ids`` must be an :class:`~factlog.io._interning.Interned`, and the
    references are looked up in its tables by kind (``REFERENCES``); a claim with one
    not found there goes to ``ids.unvouched``.
    """
    source = Source()
    source.lines.append("def read(data, ids):")
    source.lines += [f"    {line}" for line in fill(source, cls, vouching, ("data", "obj", "known"), None)]
    source.lines.append("    return obj")
    read: Reader = source.compile("read")
    return read


def fill(
    source: Source, cls: type, vouching: bool, names: tuple[str, str, str], nested: itertools.count[int] | None
) -> list[str]:
    """Statements reading the JSON object named ``names[0]`` into a new ``cls`` object named ``names[1]``.

    ``names[2]`` counts the keys read. With ``nested`` (numbers for the names of nested
    objects) a field holding one object of an attrs class, or a tuple holding one, is
    read inline.
    """
    data, obj, known = names
    hints = typing.get_type_hints(cls)
    fields = attrs.fields(cls)
    new, made = source.bind("new", object.__new__), source.bind(f"cls_{cls.__name__}", cls)
    filled = twin(cls)
    empty = source.bind(f"twin_{cls.__name__}", cls if filled is None else filled)
    setter = (
        f"{obj}.{{}} = {{}}"
        if filled is not None
        else f"{source.bind('setattr', object.__setattr__)}({obj}, {{!r}}, {{}})"
    )
    lines = [
        f"if type({data}) is not dict:",
        "    raise Refused",
        f"{obj} = {new}({empty})",
        # The keys read are counted: any other key leaves the count short of the dict's size.
        f"{known} = {sum(field.default is attrs.NOTHING for field in fields)}",
    ]
    # The optional fields after the last required one: when no key is left, all take their defaults.
    tail = len(fields) - next((n for n, f in enumerate(reversed(fields)) if f.default is attrs.NOTHING), len(fields))
    rest: list[str] = []
    defaults: list[str] = []
    for position, field in enumerate(fields):
        name = field.name
        inline = _inline(source, hints[name], vouching, nested) if nested is not None else None
        steps = _reading(source, field, hints[name], cls if vouching else None, obj=obj, nested=inline)
        store = setter.format(name, "x")
        if field.default is attrs.NOTHING:
            lines += [f"x = {data}[{name!r}]", *steps, store]
            continue
        if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]  # pragma: no cover
            raise TypeError(f"{cls.__name__}.{name}: no fast reading for a default factory")
        default = field.converter(field.default) if callable(field.converter) else field.default
        literal = type(default) in (type(None), bool) or default == ()  # a constant, not a name to look up
        value = repr(default) if literal else source.bind(f"{name}_default", default)
        into = rest if position >= tail and len(fields) - tail >= _TAIL else lines
        into += [f"if {name!r} in {data}:", f"    {known} += 1", f"    x = {data}[{name!r}]"]
        into += [f"    {step}" for step in [*steps, store]]
        into += ["else:", f"    {setter.format(name, value)}"]
        defaults += [setter.format(name, value)] if into is rest else []
    check = [f"if len({data}) != {known}:", "    raise Refused"]
    if rest:
        lines += [f"if len({data}) == {known}:", *[f"    {line}" for line in defaults], "else:"]
        lines += [f"    {line}" for line in [*rest, *check]]
    else:
        lines += check
    if filled is not None:
        lines.append(f"{obj}.__class__ = {made}")
    if hasattr(cls, "__attrs_post_init__"):
        lines.append(f"{obj}.__attrs_post_init__()")
    if vouching and cls is model.Proposition:  # an inverse predicate needs an entity as its object
        lines.append(f"if {obj}.predicate in ids.inverses and type({obj}.object) is not str: ids.missed = True")
    if vouching and cls is model.Claim:
        lines += ["if ids.missed:", "    ids.missed = False", f"    ids.unvouched.append({obj})"]
    return lines


_TAIL = 4
"""How many optional fields must end a class for its reader to test for their absence at once (a claim has six)."""
_OPTIONAL_INT = "x = None if x is None else x if type(x) is int else fail()"
"""What :func:`_conversion` reads an ``int | None`` with."""
_INLINED = (model.Proposition, model.Attribution, model.Evidence)
"""The nested objects of nearly every claim, read inline when ``fill`` is given ``nested``."""


def _inline(source: Source, kind: Any, vouching: bool, nested: itertools.count[int]) -> list[str] | None:
    """Statements reading the JSON value ``x`` of a field holding a nested object inline; None for other fields."""
    optional = type(None) in typing.get_args(kind) and kind != OBJECT
    inner = without_none(kind) if optional else kind
    many = typing.get_origin(inner) is tuple and attrs.has(typing.get_args(inner)[0])
    item = typing.get_args(inner)[0] if many else inner
    if item not in _INLINED:
        return None
    number = next(nested)
    names = (f"d{number}", f"o{number}", f"k{number}")
    body = [f"    {line}" for line in fill(source, item, vouching, names, None)]
    if many:
        read = source.bind(f"{item.__name__.lower()}_reader", reader(item, vouching))
        each = f"x = tuple([{read}(item, ids) for item in x]) if type(x) is list else fail()"
        return [
            "if type(x) is list and len(x) == 1:",
            f"    d{number} = x[0]",
            *body,
            f"    x = (o{number},)",
            "else:",
            f"    {each}",
        ]
    if optional:
        return ["if x is not None:", f"    d{number} = x", *body, f"    x = o{number}"]
    return [f"d{number} = x", *[line[4:] for line in body], f"x = o{number}"]


def _reading(
    source: Source,
    field: attrs.Attribute[Any],
    kind: Any,
    vouching: type | None = None,
    *,
    obj: str = "obj",
    nested: list[str] | None = None,
) -> list[str]:
    """Statements turning the JSON value ``x`` into the field's value, and checking it.

    ``vouching``: the class the field belongs to, when its claim's references are vouched
    for; ``obj``: the name of the object filled; ``nested``: statements reading a nested
    object in place of the call of its reader.
    """
    validators = flatten(field.validator)
    name = field.name
    looked = vouching is not None and (vouching, name) in REFERENCES
    table = REFERENCES[vouching, name] if looked and vouching is not None else None
    if table is not None:
        return _vouched(source, table, field)
    inline = {INLINE[item] for item in validators if item in INLINE}
    optional = {INLINE_OPTIONAL[item] for item in validators if item in INLINE_OPTIONAL}
    if "ids" in inline:
        steps = [f"x = {source.bind('id_list', _id_list)}(x, ids)"]
    elif "names" in inline:
        # Most lists of names hold one: that one is read without a call or a comprehension.
        one, many = source.bind("name", _name), source.bind("name_list", _name_list)
        steps = [f"x = (ids.get(x[0]) or {one}(x[0], ids),) if type(x) is list and len(x) == 1 else {many}(x, ids)"]
    elif "name" in inline:
        steps = [f"x = ids.get(x) or {source.bind('name', _name)}(x, ids)"]
    elif "texts" in inline:
        steps = [f"x = {source.bind('text_list', _text_list)}(x)"]
    elif "intern" in inline and field is attrs.fields(model.Claim).id:
        # A claim's own id is new every time and rarely named again: checked, not kept in ``ids``,
        # whose table then holds the ids claims share (a million claims: 0.17M entries, not 1.2M).
        steps = [f"if type(x) is not str or {source.bind('id_match', fields.ID.fullmatch)}(x) is None: raise Refused"]
        steps += ["ids.claims.add(x)"] if vouching else []
    elif "intern" in inline:
        # intern_id, inline.
        match = source.bind("id_match", fields.ID.fullmatch)
        steps = [
            "y = ids.get(x)",
            "if y is not None: x = y",
            f"elif type(x) is str and {match}(x) is not None: ids[x] = x",
            "else: raise Refused",
        ]
    elif "intern" in optional:
        steps = ["if x is not None: x = ids.get(x) or intern(x, ids)"]
    elif "text" in inline:
        steps = [f"if {NOT_TEXT}: raise Refused"]
    elif "text" in optional:
        steps = [f"if x is not None and ({NOT_TEXT}): raise Refused"]
    elif field.metadata.get("words"):
        # A proposition's ``when`` may be words ("on Tuesday"): kept pending, resolved on loading.
        steps = [_when(source, vouching is not None)]
    elif nested is not None:
        steps = nested
    else:
        steps = [f"x = {_conversion(source, name, kind, bool(vouching))}"]
    if field.converter is not None:
        steps.append(f"x = {source.bind(f'{name}_converter', field.converter)}(x)")
    checks: list[str] = []
    for position, validator in enumerate(validators):
        if validator in INLINE or validator in INLINE_OPTIONAL or implied(validator, kind):
            continue
        if validator in INLINE_AFTER:
            checks.append(INLINE_AFTER[validator])
            continue
        check = source.bind(f"{name}_validator_{position}", validator)
        checks.append(f"{check}({obj}, {source.bind(f'{name}_attribute', field)}, x)")
    if looked:  # the reference check looks at this field whenever it is given
        checks.append("if x: ids.missed = True")
    if steps == [_OPTIONAL_INT] and checks == [INLINE_AFTER[fields.offset]]:  # an offset: one test for an int
        return ["if type(x) is not int or x < 0: x = None if x is None else fail()"]
    return steps + checks


def _when(source: Source, vouching: bool) -> str:
    """The statement reading a proposition's ``when``; with ``vouching`` one seen before is found first.

    (A list or an object is no key: looking one up raises a TypeError, as a reader may.)
    """
    if vouching:
        source.bind("when", when)
        return "x = ids.whens.get(x) or (None if x is None else when(x, ids) if type(x) is str else fail())"
    return f"x = None if x is None else {source.bind('read_when', read_when)}(x) if type(x) is str else fail()"


def _vouched(source: Source, table: str, field: attrs.Attribute[Any]) -> list[str]:
    """Statements reading a reference from the table of its kind, and the usual way (``missed``) if not found there."""
    name = source.bind("name", _name)
    if field.name == "via":
        many = source.bind("name_list", _name_list)
        return [
            f"y = ids.{table}.get(x[0]) if type(x) is list and len(x) == 1 else None",
            "if y is not None: x = (y,)",
            f"else: x = {many}(x, ids); ids.missed = True",
        ]
    usual = f"ids.get(x) or {source.bind('intern', intern_id) if table != 'entities' else name}(x, ids)"
    if field.name != "object":
        return [f"y = ids.{table}.get(x)", "if y is not None: x = y", f"else: x = {usual}; ids.missed = True"]
    # An object that is no entity: a literal needs no look, a list of entities does (rare).
    return [
        "if type(x) is str:",
        f"    y = ids.{table}.get(x)",
        "    if y is not None: x = y",
        f"    else: x = {usual}; ids.missed = True",
        "else:",
        "    if type(x) is list: ids.missed = True",
        f"    x = {source.bind('read_literal', _read_literal)}(x, ids)",
        f"    if type(x) is {source.bind('Quantity', Quantity)} and {FLOATS}: ids.floats = True",
    ]
