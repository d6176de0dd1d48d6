"""Edit the profile's TOML text by section, for the settings forms; comments and order survive.

Every edit takes the text and returns the new text, so the text stays the one source of truth:
the forms show it, the text tab shows it, and ``profile_edit.validate_text`` checks it. A path is
a tuple of keys and 0-based array indexes, e.g. ``("call", "bridges", 0, "dial_string")``.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Mapping
from typing import Any

import tomlkit
import tomlkit.exceptions
from tomlkit.container import Container
from tomlkit.items import AoT, Item, Table

from console.config.loader import BOM, ProfileError
from console.config.toml_lines import key_lines

_LOGGER = logging.getLogger(__name__)

FieldPath = tuple[str | int, ...]
Scalar = str | int | float | bool | dt.date | dt.time | list[str] | None
_FIELD_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _parse(text: str) -> tomlkit.TOMLDocument:
    return tomlkit.parse(text.removeprefix(BOM))  # a file Windows Notepad saved


def _child(node: Any, part: str | int) -> Any:
    """Step one part down (None when missing)."""
    if isinstance(part, int):
        if isinstance(node, AoT | list) and 0 <= part < len(node):
            return node[part]
        return None
    if isinstance(node, Container | Table) or hasattr(node, "get"):
        return node.get(part)
    return None


def _node(document: Any, path: FieldPath) -> Any:
    node = document
    for part in path:
        node = _child(node, part)
        if node is None:
            return None
    return node


def _unwrap(value: Any) -> Any:
    return value.unwrap() if isinstance(value, Item | Container) else value


def get_value(text: str, path: FieldPath) -> Any:
    """Return the plain value at ``path`` (dicts/lists for tables), None when it is not there."""
    return _unwrap(_node(_parse(text), path))


def item_count(text: str, path: FieldPath) -> int:
    """How many tables the array of tables at ``path`` has (0 when there is none)."""
    node = _node(_parse(text), path)
    return len(node) if isinstance(node, AoT | list) else 0


def _table_at(document: tomlkit.TOMLDocument, path: FieldPath) -> Any:
    """Return the table at ``path``, creating missing (non-array) tables on the way."""
    node: Any = document
    for part in path:
        child = _child(node, part)
        if child is None:
            if isinstance(part, int):
                raise KeyError(f"no item {part} at {path}")
            child = tomlkit.table()
            node[part] = child
            child = node[part]
        node = child
    return node


def set_value(text: str, path: FieldPath, value: Scalar) -> str:
    """Set the field at ``path`` (None removes it); missing tables are created."""
    document = _parse(text)
    if value is None and _node(document, path[:-1]) is None:
        return text  # nothing to remove, and no empty table to make for it
    created = _node(document, path[:-1]) is None
    table = _table_at(document, path[:-1])
    key = path[-1]
    assert isinstance(key, str), path
    if value is None:
        if key in table:
            del table[key]
    elif key in table:
        if _unwrap(table.get(key)) != value or type(_unwrap(table[key])) is not type(value):
            table[key] = value  # replaced in place: its trailing comment is kept by tomlkit
    else:
        placed = None if created else _insert_after_last_key(text, path, table, value)
        if placed is not None:
            return placed
        table[key] = value
        if created and isinstance(table, Table):
            table.add(tomlkit.nl())  # a blank line before the next section, as people write
    return tomlkit.dumps(document)


def _insert_after_last_key(text: str, path: FieldPath, table: Any, value: Scalar) -> str | None:
    """Put a new ``key = value`` line below the table's last plain key, as people would.

    tomlkit appends at the end of a table's body, i.e. below the comments that introduce the
    next section. Only tomlkit's public API is used: the table's ``body`` names its last plain
    key, ``key_lines`` finds that key's line, ``as_string`` says how many lines its value
    spans. Returns None (the caller appends) when there is no plain key or the result does not
    read back as intended.
    """
    key = path[-1]
    container = table.value if isinstance(table, Table) else table
    if not isinstance(key, str) or not isinstance(container, Container):
        return None
    plain = [(k, item) for k, item in container.body if k is not None and not _is_table(item)]
    if not plain:
        return None
    last_key, last_item = plain[-1]
    line = key_lines(text).get((*path[:-1], last_key.key))
    if line is None:
        return None
    lines = text.splitlines(keepends=True)
    end = line - 1 + last_item.as_string().count("\n")  # index of the value's last line
    if end >= len(lines):
        return None
    indent = lines[line - 1][: len(lines[line - 1]) - len(lines[line - 1].lstrip())]
    if not lines[end].endswith("\n"):
        lines[end] += "\n"
    new_line = indent + tomlkit.dumps({key: value})
    result = "".join([*lines[: end + 1], new_line, *lines[end + 1 :]])
    try:
        placed = get_value(result, path)
    except tomlkit.exceptions.TOMLKitError:
        return None
    return result if placed == value and type(placed) is type(value) else None


def _is_table(item: Any) -> bool:
    return isinstance(item, Table | AoT)


def set_table(text: str, path: FieldPath, values: Mapping[str, Any] | None) -> str:
    """Create the optional sub-table at ``path`` with ``values``, or remove it (None)."""
    document = _parse(text)
    parent = _table_at(document, path[:-1])
    key = path[-1]
    assert isinstance(key, str), path
    if values is None:
        if key in parent:
            del parent[key]
        return tomlkit.dumps(document)
    table = parent.get(key)
    if isinstance(table, Table):
        for name, value in values.items():
            table[name] = value
    else:
        parent[key] = _new_table(values)
    return tomlkit.dumps(document)


def _new_table(values: Mapping[str, Any]) -> Table:
    """Make a table of ``values`` with a blank line after it, as people write sections."""
    table = tomlkit.table()
    for name, value in values.items():
        table[name] = value
    table.add(tomlkit.nl())
    return table


def _array(document: tomlkit.TOMLDocument, path: FieldPath, create: bool) -> AoT | None:
    parent = _table_at(document, path[:-1]) if create else _node(document, path[:-1])
    if parent is None:
        return None
    key = path[-1]
    assert isinstance(key, str), path
    array = parent.get(key)
    if isinstance(array, AoT):
        return array
    if not create:
        return None
    parent[key] = tomlkit.aot()
    found = parent[key]
    assert isinstance(found, AoT)
    return found


def add_item(text: str, path: FieldPath, values: Mapping[str, Any]) -> str:
    """Append a table with ``values`` to the array of tables at ``path`` (created if missing)."""
    document = _parse(text)
    array = _array(document, path, create=True)
    assert array is not None
    array.append(_new_table(values))
    return tomlkit.dumps(document)


def remove_item(text: str, path: FieldPath, index: int) -> str:
    """Remove table ``index`` of the array at ``path``; the key goes when the array is empty."""
    document = _parse(text)
    array = _array(document, path, create=False)
    if array is None or not 0 <= index < len(array):
        raise IndexError(f"no item {index} at {path}")
    if len(array) == 1:
        parent = _node(document, path[:-1])
        del parent[path[-1]]
    else:
        del array[index]
    return tomlkit.dumps(document)


def move_item(text: str, path: FieldPath, index: int, to: int) -> str:
    """Move table ``index`` of the array at ``path`` to position ``to``."""
    document = _parse(text)
    array = _array(document, path, create=False)
    if array is None or not (0 <= index < len(array) and 0 <= to < len(array)):
        raise IndexError(f"cannot move item {index} to {to} at {path}")
    tables = [array[i] for i in range(len(array))]
    tables.insert(to, tables.pop(index))
    parent = _node(document, path[:-1])
    fresh = tomlkit.aot()
    for table in tables:
        fresh.append(table)
    parent[path[-1]] = fresh
    return tomlkit.dumps(document)


def next_id(text: str, path: FieldPath, prefix: str) -> str:
    """Return ``prefix1``, ``prefix2`` … : the first id not used by the array at ``path``."""
    items = get_value(text, path)
    used = (
        {str(i.get("id")) for i in items if isinstance(i, dict)}
        if isinstance(items, list)
        else set()
    )
    number = 1
    while f"{prefix}{number}" in used:
        number += 1
    return f"{prefix}{number}"


def error_path(error: ProfileError) -> FieldPath | None:
    """Turn the error's field (``call.bridges[1].dial_string``, 1-based) into a path."""
    if not error.field:
        return None
    parts: list[str | int] = []
    for name, index in _FIELD_PART.findall(error.field):
        parts.append(int(index) - 1 if index else name)
    return tuple(parts)


def blames(error: FieldPath | None, field: FieldPath) -> bool:
    """Tell whether an error at ``error`` belongs to the widget of ``field``.

    An error on a table (a model check such as "a weekly meeting needs weekdays") lands on
    every field of that table only when no field is named; callers pick the nearest field.
    """
    return error is not None and error[: len(field)] == field
