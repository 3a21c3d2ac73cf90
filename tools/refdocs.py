"""Reference documentation generated from the code: the rules and the format's fields.

``docs/rules.md`` and ``docs/format.md`` hold this text between markers; a test fails
when they drift from the docstrings and the model. ``python -m tools.refdocs docs``
refreshes them.
"""

from __future__ import annotations

import inspect
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from factlog.assessment._legend import legend_markdown
from factlog.checks import DEFAULT_RULES, Rule
from factlog.io._schema import json_schema

__all__ = ["fill", "format_markdown", "markdown", "rules_markdown", "schema_text"]


def rules_markdown(rules: Sequence[Rule] = DEFAULT_RULES) -> str:
    """Each rule's name and docstring as Markdown, in the order the rules run."""
    parts = []
    for rule in rules:
        name = getattr(rule, "__name__", repr(rule))
        family = rule.__module__.rsplit(".", 1)[-1].lstrip("_")
        text = markdown(inspect.cleandoc(rule.__doc__ or ""), sys.modules[rule.__module__])
        parts.append(f"### `{name}`\n\n*Family: {family}.*\n\n{text}\n")
    return "\n".join(parts)


_ROLE = re.compile(r":(data|class|func|meth|mod|attr):`~?([\w.]+)`")


def markdown(text: str, module: object) -> str:
    """A docstring's reST as Markdown: a role as code (a module constant with its value), ``code`` as `code`."""

    def role(match: re.Match[str]) -> str:
        kind, target = match.groups()
        shown = target.rsplit(".", 1)[-1] if match.group(0).startswith(f":{kind}:`~") else target
        if kind == "data" and "." not in target and isinstance(getattr(module, target, None), (int, float, str)):
            return f"`{shown}` ({getattr(module, target)})"
        return f"`{shown}`"

    return _ROLE.sub(role, text).replace("``", "`")


def _type(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    if "anyOf" in schema:
        return " or ".join(_type(option) for option in schema["anyOf"] if option.get("type") != "null")
    if "enum" in schema:
        return "one of " + ", ".join(f"`{value}`" for value in schema["enum"])
    if "const" in schema:
        return f"`{schema['const']}`"
    kind = schema.get("type", "any")
    if kind == "array":
        return f"list of {_type(schema['items'])}"
    if kind == "object" and "additionalProperties" in schema:
        return "object of names to strings"
    if isinstance(kind, list):
        return " or ".join(kind)
    if "pattern" in schema and kind == "string":
        pattern = schema["pattern"]
        if pattern == "[A-Za-z]":
            return "time in words"
        if "[0-9]{4}" in pattern:
            return "date or interval" if "/" in pattern else "partial date"
        if pattern.startswith("^[a-z0-9]"):
            return "id"
    if schema.get("format") == "date-time":
        return "UTC timestamp"
    return str(kind)


def _table(schema: dict[str, Any]) -> str:
    required = set(schema.get("required", ()))
    rows = ["| key | type | required | meaning |", "| --- | --- | --- | --- |"]
    for name, field in schema["properties"].items():
        rows.append(
            f"| `{name}` | {_type(field)} | {'yes' if name in required else ''} | {field.get('description', '')} |"
        )
    return "\n".join(rows)


def format_markdown() -> str:
    """A table of the keys of every object of the format, generated from the model."""
    schema = json_schema()
    parts = ["### Document\n", _table(schema), ""]
    for name, definition in schema["$defs"].items():
        description = definition.get("description", "")
        parts += [f"### {name}\n", f"{description}\n" if description else "", _table(definition), ""]
    return "\n".join(part for part in parts if part is not None)


_GENERATORS = {"rules": rules_markdown, "format": format_markdown, "legend": legend_markdown}
_BLOCK = re.compile(r"(<!-- generated: (\w+) \([\w.]+\) -->\n).*?(<!-- end generated -->)", re.DOTALL)


def fill(text: str) -> str:
    """A Markdown text with each generated block replaced by fresh output."""
    return _BLOCK.sub(lambda m: f"{m.group(1)}\n{_GENERATORS[m.group(2)]().rstrip()}\n\n{m.group(3)}", text)


def schema_text() -> str:
    """The JSON Schema as the text of ``docs/factlog.schema.json``."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def main(folders: Sequence[str]) -> int:
    """Refresh the generated blocks of every Markdown file, and the schema file; 1 if any changed."""
    changed = 0
    for folder in folders:
        schema = Path(folder) / "factlog.schema.json"
        if schema.exists() and schema.read_text(encoding="utf-8") != schema_text():
            schema.write_text(schema_text(), encoding="utf-8")
            print(f"updated {schema}")
            changed = 1
        for path in sorted(Path(folder).glob("*.md")):
            text = path.read_text(encoding="utf-8")
            fresh = fill(text)
            if fresh != text:
                path.write_text(fresh, encoding="utf-8")
                print(f"updated {path}")
                changed = 1
    return changed


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["docs"]))
