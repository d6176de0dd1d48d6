"""Read and write the room profile: TOML with comments, migrations, clear errors, safe saves.

A broken file raises ``ProfileError`` naming the file, the line and the field; the caller opens
in repair mode and this module never writes over a file it could not read.
"""

from __future__ import annotations

import codecs
import contextlib
import logging
import os
import re
import shutil
import stat
import tempfile
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import platformdirs
import tomlkit
import tomlkit.exceptions
from pydantic import ValidationError
from tomlkit.container import Container
from tomlkit.items import AoT, Table

from console.config.migrations import MigrationError, migrate
from console.config.models import RoomProfile
from console.config.toml_lines import Location, key_lines, line_of, repeated_key_line

_LOGGER = logging.getLogger(__name__)

APP_NAME = "RoomConsole"
PROFILE_FILE = "room.toml"


class ProfileError(Exception):
    """A profile file that cannot be used: which file, which line, which field, and why."""

    def __init__(
        self,
        path: Path | str,
        line: int | None,
        field: str | None,
        message: str,
        *,
        missing: bool = False,
    ) -> None:
        self.path = Path(path)
        self.line = line
        self.field = field
        self.message = message
        self.missing = missing  # the file does not exist (first start)
        super().__init__(str(self))

    def __str__(self) -> str:
        where = str(self.path)
        if self.line is not None:
            where += f", line {self.line}"
        if self.field:
            where += f", field {self.field}"
        return f"{where}: {self.message}"


def default_profile_path() -> Path:
    """Return the user's profile path; seed it from the machine-wide copy an installer wrote.

    Installers run as SYSTEM/root put the site's profile in the machine config folder
    (``%PROGRAMDATA%`` on Windows, ``/etc/xdg`` on Linux); each user starts from a copy.
    """
    user = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / PROFILE_FILE
    site = Path(platformdirs.site_config_dir(APP_NAME, appauthor=False)) / PROFILE_FILE
    if not user.exists() and site.is_file():
        try:
            user.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(site, user)
        except OSError as exc:  # a read-only or odd home folder: use the machine copy as it is
            _LOGGER.error("profile: cannot copy %s to %s (%s); using %s", site, user, exc, site)
            return site
        _LOGGER.info("profile: first start for this user, copied %s to %s", site, user)
    return user


MAX_BYTES = 512 * 1024  # a 7-camera room with 64 presets each is under 100 KiB
MAX_LINE = 10_000  # characters; tomlkit needs seconds for a string of a megabyte
BOM = "\ufeff"
_SAVE_AS_UTF8 = "save it again as UTF-8"


def backup_path(path: Path) -> Path:
    """Where the previous version is kept on every save."""
    return path.with_name(path.name + ".bak")


def field_name(location: Location) -> str:
    """Spell a pydantic location as people read it: ``cameras[2].limits.tilt`` (1-based)."""
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else part
    return text


def _read(path: Path) -> str:
    """Read the file as UTF-8 text, turning every failure into a ProfileError."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ProfileError(path, None, None, "not a file (a folder, a device or a pipe)")
        if info.st_size > MAX_BYTES:
            raise ProfileError(path, None, None, _too_large(info.st_size))
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise ProfileError(path, None, None, "file not found", missing=True) from None
    except OSError as exc:
        raise ProfileError(path, None, None, f"cannot read the file: {exc}") from exc
    if len(data) > MAX_BYTES:  # grew while we looked
        raise ProfileError(path, None, None, _too_large(len(data)))
    return _decode(data, path)


def read_profile_text(path: Path | str) -> str:
    """Return a profile file's text (UTF-8, a byte-order mark dropped); ``ProfileError`` if not."""
    return _read(Path(path))


def _too_large(size: int) -> str:
    limit = MAX_BYTES // 1024
    return f"the file is too large ({size // 1024} KiB; a room profile is at most {limit} KiB)"


def _decode(data: bytes, path: Path) -> str:
    """UTF-8 with or without a byte-order mark (Windows Notepad writes one); nothing else."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise ProfileError(path, 1, None, f"the file is saved as UTF-32: {_SAVE_AS_UTF8}")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ProfileError(path, 1, None, f"the file is saved as UTF-16: {_SAVE_AS_UTF8}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        byte = data[exc.start]
        raise ProfileError(
            path, line, None, f"not UTF-8 text (byte 0x{byte:02X}): {_SAVE_AS_UTF8}"
        ) from exc


def _parse_text(text: str, path: Path) -> tomlkit.TOMLDocument:
    """Parse TOML text, turning a syntax error into a ProfileError with its line."""
    text = text.removeprefix(BOM)
    for number, written in enumerate(text.splitlines(), start=1):
        if len(written) > MAX_LINE:
            raise ProfileError(
                path, number, None, f"line too long ({len(written)} characters; at most {MAX_LINE})"
            )
    try:
        document = tomlkit.parse(text)
        document.unwrap()  # some repeats (a table, then an array of it) show only here
    except tomlkit.exceptions.ParseError as exc:
        message = str(exc).split(" at line ")[0]
        line: int | None = exc.line
        if "already exists" in message:  # tomlkit notices at the next table: name the repeat
            line = repeated_key_line(text) or line
        raise ProfileError(path, line, None, f"TOML syntax: {message}") from exc
    except tomlkit.exceptions.KeyAlreadyPresent as exc:  # raised without a line
        line = repeated_key_line(text)
        raise ProfileError(path, line, None, f"TOML syntax: {exc}") from exc
    except RecursionError as exc:
        raise ProfileError(path, None, None, "TOML syntax: values nested too deeply") from exc
    except Exception as exc:  # a parser bug on odd input must not end the console either
        _LOGGER.exception("profile: TOML parser failed on %s", path)
        raise ProfileError(path, None, None, f"TOML syntax: cannot read it ({exc})") from exc
    _check_toml_1_0(text, path)
    if not document:
        raise ProfileError(
            path, None, None, "the file is empty: it has no settings (start from example.toml)"
        )
    return document


_AT_LINE = re.compile(r"\(at line (\d+), column \d+\)")


def _check_toml_1_0(text: str, path: Path) -> None:
    """Refuse what tomlkit (TOML 1.1 since 0.15) takes but TOML 1.0 readers refuse.

    A profile travels between tools (Python's own ``tomllib``, editors, other sites' older
    consoles), so it must be plain TOML 1.0: an inline table broken over lines is one such case.
    The line comes from tomllib's message, as its error has no line attribute before 3.14.
    """
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _AT_LINE.search(str(exc))
        message = _AT_LINE.sub("", str(exc)).strip()
        line = int(found.group(1)) if found else None
        raise ProfileError(path, line, None, f"TOML syntax: {message}") from exc
    except RecursionError as exc:
        raise ProfileError(path, None, None, "TOML syntax: values nested too deeply") from exc


_TYPE_ERRORS = frozenset(
    {"int_type", "bool_type", "float_type", "string_type", "list_type", "dict_type", "model_type"}
)


def _describe(value: object) -> str:
    """Say what the file has where another type belongs: ``the text "2"``, ``true``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 30 else value[:27] + "..."
        return f'the text "{shown}"'
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return f"a {type(value).__name__}"


def _validation_error(path: Path, text: str, exc: ValidationError) -> ProfileError:
    """Describe the first validation problem with its line; count the others."""
    errors = exc.errors()
    first = errors[0]
    location: Location = tuple(first["loc"])
    line = line_of(key_lines(text), location)
    message = first["msg"]
    if first["type"] == "extra_forbidden":
        message = "unknown setting (misspelt?)"
    elif first["type"] in _TYPE_ERRORS:
        message += f" (found {_describe(first['input'])})"
    if len(errors) > 1:
        message += f" (and {len(errors) - 1} more problem{'s' if len(errors) > 2 else ''})"
    return ProfileError(path, line, field_name(location) or None, message)


def parse_profile_bytes(data: bytes, path: Path | str) -> RoomProfile:
    """Check a profile file's bytes as ``load_profile`` does (encoding, size, syntax, values)."""
    path = Path(path)
    if len(data) > MAX_BYTES:
        raise ProfileError(path, None, None, _too_large(len(data)))
    return parse_profile_text(_decode(data, path), path)


def parse_profile_text(text: str, path: Path | str) -> RoomProfile:
    """Upgrade and validate profile ``text`` (errors name ``path``, the line and the field)."""
    return _profile_from_text(text, Path(path))[0]


def _profile_from_text(text: str, path: Path) -> tuple[RoomProfile, int]:
    """Validate ``text``; return the profile and the schema version it was written in."""
    document = _parse_text(text, path)
    data: dict[str, Any] = document.unwrap()
    try:
        data, version = migrate(data)
    except MigrationError as exc:
        line = key_lines(text).get(("schema_version",))
        raise ProfileError(path, line, "schema_version", str(exc)) from exc
    try:
        return RoomProfile.model_validate(data), version
    except ValidationError as exc:
        raise _validation_error(path, text, exc) from exc
    except Exception as exc:  # a check that failed oddly: still a message, never a crash
        _LOGGER.exception("profile: validating %s failed", path)
        raise ProfileError(path, None, None, f"cannot check the file: {exc!r}") from exc


def load_profile(path: Path | str) -> RoomProfile:
    """Read, upgrade and validate a profile; ``ProfileError`` if anything is wrong."""
    path = Path(path)
    profile, version = _profile_from_text(_read(path), path)
    _LOGGER.info("loaded profile %s (schema_version %d)", path, version)
    return profile


def _identity(item: Mapping[str, Any]) -> object:
    """Return what makes an array element the same after an edit: its id or number."""
    return item.get("id", item.get("number"))


def _merge_array(existing: AoT, items: list[dict[str, Any]]) -> AoT:
    """Rebuild an array of tables, keeping the old table (and its comments) per identity."""
    old = {_identity(table): table for table in existing}
    merged = tomlkit.aot()
    for item in items:
        table = old.pop(_identity(item), None)
        if table is None:
            table = tomlkit.table()
        _merge(table, item)
        merged.append(table)
    return merged


def _merge(container: Container | Table, data: Mapping[str, Any]) -> None:
    """Write ``data`` into a tomlkit document in place, so comments and layout survive."""
    for key in [key for key in container if key not in data]:
        del container[key]
    for key, value in data.items():
        current = container.get(key)
        if isinstance(value, dict) and isinstance(current, Table):
            _merge(current, value)
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            container[key] = _merge_array(
                current if isinstance(current, AoT) else tomlkit.aot(), value
            )
        elif current is None or current != value:
            container[key] = value


def _atomic_write(path: Path, text: str) -> None:
    """Write to a temp file beside ``path``, keep the old file as ``.bak``, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as temp:
            temp.write(text)
            temp.flush()
            os.fsync(temp.fileno())
        if path.exists():
            shutil.copy2(path, backup_path(path))
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise


def update_profile_file(path: Path | str, change: Callable[[RoomProfile], None]) -> RoomProfile:
    """Apply ``change`` to the profile as it is on disk now, and save it.

    The running console's copy may be older than the file (the technician saved edits from
    the settings editor): changing the file's own profile never undoes those edits.
    """
    current = load_profile(path)
    change(current)
    save_profile(current, path)
    return current


def save_profile(profile: RoomProfile, path: Path | str) -> None:
    """Save atomically with a ``.bak`` of the previous file, keeping its comments.

    Raises ``ProfileError`` instead of writing when the existing file is broken: a file the
    console could not read is the technician's, and must never be overwritten.
    """
    path = Path(path)
    document = tomlkit.document()
    try:
        text = _read(path)  # a symlink loop or a folder is not "missing": never replace it
    except ProfileError as exc:
        if not exc.missing:
            raise
    else:
        _profile_from_text(text, path)  # raises ProfileError for a broken file
        document = _parse_text(text, path)
    _merge(document, profile.model_dump(mode="json", exclude_none=True))
    _atomic_write(path, tomlkit.dumps(document))
    _LOGGER.info("saved profile %s", path)


def save_profile_text(text: str, path: Path | str) -> RoomProfile:
    """Save profile text exactly as written (the editor's), atomically with a ``.bak``.

    Validates first and raises ``ProfileError`` without touching the file when ``text`` is
    not a usable profile.
    """
    path = Path(path)
    text = text.removeprefix(BOM)  # pasted from a file Notepad saved: the BOM is not content
    profile = parse_profile_text(text, path)
    _atomic_write(path, text)
    _LOGGER.info("saved profile text %s", path)
    return profile
