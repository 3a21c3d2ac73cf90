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
import hashlib
import linecache
import typing
from collections.abc import Callable
from typing import Any

import attrs
from attrs import validators as v

from factlog.io._converter import literal_type, qualifiers_from_json, timestamp_from_json
from factlog.io._interning import REFERENCES, Refused, intern_id, when
from factlog.io._interning import fail as _fail
from factlog.io._interning import id_list as _id_list
from factlog.io._interning import name as _name
from factlog.io._interning import name_list as _name_list
from factlog.io._interning import text_list as _text_list
from factlog.model import _fields as fields
from factlog.model import _nouns as model
from factlog.model._claimset import ClaimSet
from factlog.model._dates import Interval, PartialDate, parse_date, parse_interval
from factlog.model._fields import instance_of
from factlog.model._literals import object_value
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
    "intern_id",
    "reader",
    "without_none",
]

Reader = Callable[[Any, dict[str, str]], Any]

SECTIONS = tuple(field.name for field in attrs.fields(ClaimSet) if field.name != "bases")
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
QUALIFIERS = tuple[tuple[str, str], ...]
"""The type of a proposition's qualifiers."""
OBJECT = Object | None
"""The type of a proposition's object."""


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


def _flatten(validator: Any) -> list[Any]:
    if validator is None:
        return []
    parts = getattr(validator, "_validators", None)  # attrs' and_(), made from a list of validators
    return [item for part in parts for item in _flatten(part)] if parts is not None else [validator]


# Validators whose meaning the generated code carries inline, named by what it calls.
_INLINE = {
    fields.is_id: "intern",
    fields.is_text: "text",
    fields.id_list: "ids",
    fields.text_list: "texts",
    fields.is_name: "name",
    fields.name_list: "names",
}
_INLINE_OPTIONAL = {fields.optional_id: "intern", fields.optional_text: "text"}
# Checks on a value already converted (and so of the field's type), as statements about ``x``.
_INLINE_AFTER = {
    fields.non_negative: "if x < 0: raise Refused",  # ints and floats from JSON are finite
    model.non_empty: "if not x: raise Refused",
    model.offset: "if x is not None and x < 0: raise Refused",  # read as None or an int (not a bool)
}
# Whether a quantity ``x`` holds a float (``Interned.floats``).
_FLOATS = "(type(x.amount) is float or type(x.lower) is float or type(x.upper) is float)"
# The model's is_text, inline: ``not value.strip()`` is ``not value or value.isspace()``.
_NOT_TEXT = "type(x) is not str or not x or x.isspace()"


def _implied(validator: Any, kind: Any) -> bool:
    """Whether the conversion for ``kind`` already guarantees what ``validator`` checks."""
    inner = typing.get_args(kind)
    options = [item for item in inner if item is not type(None)] if typing.get_origin(kind) is not tuple else []
    candidates: list[Any] = []
    if isinstance(kind, type):
        candidates.append(instance_of(kind))
    if len(options) == 1 and isinstance(options[0], type):
        candidates.append(v.optional(instance_of(options[0])))
    if typing.get_origin(kind) is tuple and isinstance(inner[0], type):
        candidates.append(v.deep_iterable(instance_of(inner[0]), instance_of(tuple)))
    if kind == OBJECT:
        candidates.append(object_value)
    return validator in candidates


class Source:
    """The text and names of one generated function."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.names: dict[str, Any] = {"Refused": Refused, "intern": intern_id, "fail": _fail, "LARGE": 2.0**63}

    def bind(self, name: str, value: Any) -> str:
        self.names[name] = value
        return name

    def compile(self, name: str) -> Any:
        """The function ``name`` defined by the lines, registered in :mod:`linecache`.

        Tracebacks through generated code then show its source, as attrs and cattrs do
        for theirs.
        """
        text = "\n".join(self.lines) + "\n"
        filename = f"<factlog generated {name} {hashlib.sha1(text.encode()).hexdigest()[:12]}>"
        linecache.cache[filename] = (len(text), None, text.splitlines(keepends=True), filename)
        scope: dict[str, Any] = {}
        exec(compile(text, filename, "exec"), self.names, scope)  # code generated from the model's own fields
        return scope[name]


def without_none(kind: Any) -> Any:
    """An optional type without its None."""
    return typing.Union[tuple(item for item in typing.get_args(kind) if item is not type(None))]  # noqa: UP007


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
    hints = typing.get_type_hints(cls)
    fields = attrs.fields(cls)
    source.bind("new", object.__new__)
    source.bind("cls", cls)
    twin = _twin(cls)
    source.bind("twin", cls if twin is None else twin)
    setter = "obj.{} = {}" if twin is not None else f"{source.bind('setattr', object.__setattr__)}(obj, {{!r}}, {{}})"
    lines = source.lines
    lines += [
        "def read(data, ids):",
        "    if type(data) is not dict:",
        "        raise Refused",
        "    obj = new(twin)",
        # The keys read are counted: any other key leaves the count short of the dict's size.
        f"    known = {sum(field.default is attrs.NOTHING for field in fields)}",
    ]
    for field in fields:
        name = field.name
        steps = _reading(source, field, hints[name], cls if vouching else None)
        store = setter.format(name, "x")
        if field.default is attrs.NOTHING:
            lines.append(f"    x = data[{name!r}]")
            lines += [f"    {step}" for step in steps]
            lines.append(f"    {store}")
            continue
        if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]  # pragma: no cover
            raise TypeError(f"{cls.__name__}.{name}: no fast reading for a default factory")
        default = field.converter(field.default) if callable(field.converter) else field.default
        lines.append(f"    if {name!r} in data:")
        lines.append("        known += 1")
        lines.append(f"        x = data[{name!r}]")
        lines += [f"        {step}" for step in steps]
        lines.append(f"        {store}")
        lines.append("    else:")
        literal = type(default) in (type(None), bool) or default == ()  # a constant, not a name to look up
        value = repr(default) if literal else source.bind(f"{name}_default", default)
        lines.append(f"        {setter.format(name, value)}")
    lines += ["    if len(data) != known:", "        raise Refused"]
    if twin is not None:
        lines.append("    obj.__class__ = cls")
    if hasattr(cls, "__attrs_post_init__"):
        lines.append("    obj.__attrs_post_init__()")
    if vouching and cls is model.Proposition:  # an inverse predicate needs an entity as its object
        lines.append("    if type(obj.object) is not str and obj.predicate in ids.inverses: ids.missed = True")
    if vouching and cls is model.Claim:
        lines += ["    if ids.missed:", "        ids.missed = False", "        ids.unvouched.append(obj)"]
    lines.append("    return obj")
    read: Reader = source.compile("read")
    return read


def _twin(cls: type) -> type | None:
    """A subclass of ``cls`` whose fields plain assignment sets, or None where that cannot work.

    A frozen attrs class refuses assignment in its ``__setattr__``, so each field would
    cost a call of ``object.__setattr__`` (or of the slot's ``__set__``). A reader fills
    an object of this twin instead, with assignments that CPython turns into direct slot
    stores, then makes it a ``cls`` object by assigning ``__class__``, which CPython
    allows from a subclass that adds no slots. ``__delattr__`` must be object's own too:
    the two share one type slot, and either in Python keeps both slow. (Measured on a
    claim's 13 fields: 0.95 µs with ``__set__`` calls, 0.27 µs so.)
    """
    names = {
        "__slots__": (),
        "__setattr__": object.__setattr__,
        "__delattr__": object.__delattr__,
        "__module__": cls.__module__,
        "__qualname__": cls.__qualname__,
    }
    twin = type(cls.__name__, (cls,), names)
    try:
        probe: Any = object.__new__(twin)
        probe.__class__ = cls
    except TypeError:  # pragma: no cover - every model class is a slotted attrs class
        return None
    return twin


def _reading(source: Source, field: attrs.Attribute[Any], kind: Any, vouching: type | None = None) -> list[str]:
    """Statements turning the JSON value ``x`` into the field's value, and checking it.

    ``vouching``: the class the field belongs to, when its claim's references are vouched for.
    """
    validators = _flatten(field.validator)
    name = field.name
    looked = vouching is not None and (vouching, name) in REFERENCES
    table = REFERENCES[vouching, name] if looked and vouching is not None else None
    if table is not None:
        return _vouched(source, table, field)
    inline = {_INLINE[item] for item in validators if item in _INLINE}
    optional = {_INLINE_OPTIONAL[item] for item in validators if item in _INLINE_OPTIONAL}
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
        steps = [f"if {_NOT_TEXT}: raise Refused"]
    elif "text" in optional:
        steps = [f"if x is not None and ({_NOT_TEXT}): raise Refused"]
    elif field.metadata.get("words"):
        # A proposition's ``when`` may be words ("on Tuesday"): kept pending, resolved on loading.
        read = "(ids.whens.get(x) or when(x, ids))" if vouching else f"{source.bind('read_when', read_when)}(x)"
        source.bind("when", when)
        steps = [f"x = None if x is None else {read} if type(x) is str else fail()"]
    else:
        steps = [f"x = {_conversion(source, name, kind, bool(vouching))}"]
    if field.converter is not None:
        steps.append(f"x = {source.bind(f'{name}_converter', field.converter)}(x)")
    checks: list[str] = []
    for position, validator in enumerate(validators):
        if validator in _INLINE or validator in _INLINE_OPTIONAL or _implied(validator, kind):
            continue
        if validator in _INLINE_AFTER:
            checks.append(_INLINE_AFTER[validator])
            continue
        check = source.bind(f"{name}_validator_{position}", validator)
        checks.append(f"{check}(obj, {source.bind(f'{name}_attribute', field)}, x)")
    if looked:  # the reference check looks at this field whenever it is given
        checks.append("if x: ids.missed = True")
    return steps + checks


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
        f"    if type(x) is {source.bind('Quantity', Quantity)} and {_FLOATS}: ids.floats = True",
    ]
