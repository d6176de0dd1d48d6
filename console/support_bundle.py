"""The support bundle: one zip a site sends to its technician when something goes wrong.

Contents: ``manifest.json`` (when, which site), ``versions.json`` (Python, Room Console, Qt,
libVLC, baresip), ``profile.json`` (the room profile with every secret removed), ``logs/`` (the
rotating log files, scrubbed), ``events.json`` (the in-memory event log) and
``last-precheck.json`` (the last pre-meeting check). Secrets: any field whose name has a part
pin/password/passwd/secret/token/key is replaced, and log text is scrubbed of ``pin=...``-style
values, passwords in URLs and PIN hashes. Bridge PINs live in the OS keyring and never get here.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import importlib.util
import json
import logging
import platform
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import platformdirs
from pydantic import BaseModel

from console.eventlog import EventLog, events_to_dicts
from console.version import version

_LOGGER = logging.getLogger(__name__)

REMOVED = "[removed]"
_SECRET_WORDS = ("pin", "pins", "password", "passwd", "pwd", "secret", "token", "key", "apikey")
_SECRET_KEY = re.compile(rf"(?:^|[_\-.])(?:{'|'.join(_SECRET_WORDS)})(?:$|[_\-.])", re.IGNORECASE)
_TEXT_RULES = (
    # key = value / key: value / key="value" with a secret-looking key
    (
        re.compile(
            r"""(?P<key>\b(?:[\w-]*[_.-])?(?:pins?|password|passwd|pwd|secret|token|api[_-]?key)"""
            r"""(?:[_.-][\w-]*)?)"""
            r"""(?P<sep>["']?\s*[=:]\s*)(?P<value>"[^"]*"|'[^']*'|[^\s,;&"'}\]]+)""",
            re.IGNORECASE,
        ),
        rf"\g<key>\g<sep>{REMOVED}",
    ),
    (
        re.compile(r"(?P<scheme>[a-z][a-z0-9+.-]*://[^/\s:@]+):[^@\s/]+@", re.IGNORECASE),
        rf"\g<scheme>:{REMOVED}@",
    ),  # user:password@ in URLs
    (re.compile(r"\b(?P<uri>sips?:[^:@\s]+):[^@\s]+@", re.IGNORECASE), rf"\g<uri>:{REMOVED}@"),
    (re.compile(r"scrypt\$[^\s\"',;]+"), REMOVED),  # PIN hashes wherever they appear
)


def is_secret_key(name: str) -> bool:
    """Tell whether a field name looks like it holds a secret (``pin``, ``sip_password`` ...)."""
    return bool(_SECRET_KEY.search(name))


def redact(data: Any) -> Any:
    """Return a copy of nested dicts/lists with secret-named fields removed and text scrubbed."""
    if isinstance(data, Mapping):
        return {
            key: REMOVED if _hides(str(key), value) else redact(value)
            for key, value in data.items()
        }
    if isinstance(data, list | tuple):
        return [redact(item) for item in data]
    if isinstance(data, str):
        return scrub_text(data)
    return data


def _hides(key: str, value: Any) -> bool:
    """Hide a secret-named field unless it is empty or a flag (``pin_required = true``)."""
    return is_secret_key(key) and value not in (None, "") and not isinstance(value, bool)


def scrub_text(text: str) -> str:
    """Remove secret values from free text (log lines, a raw profile file)."""
    for pattern, replacement in _TEXT_RULES:
        text = pattern.sub(replacement, text)
    return text


def _distribution(*names: str) -> str | None:
    for name in names:
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            continue
    return None


def _libvlc_version() -> str | None:
    """Return the libVLC version, if python-vlc and libVLC are installed (never raises)."""
    if importlib.util.find_spec("vlc") is None:
        return None
    try:
        import vlc  # optional; loading libVLC is only worth it here

        raw = vlc.libvlc_get_version()
    except (ImportError, OSError, AttributeError):
        return None
    return raw.decode(errors="replace") if isinstance(raw, bytes) else str(raw)


def _baresip_version(binary: str = "baresip") -> str | None:
    """First line of ``baresip -h`` ("baresip v1.0.0 Copyright ..."), if installed."""
    path = shutil.which(binary)
    if path is None:
        return None
    try:
        done = subprocess.run(  # a fixed program found on PATH, no shell
            [path, "-h"], capture_output=True, text=True, timeout=5, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = re.search(r"baresip v(\S+)", done.stdout + done.stderr)
    return match.group(1) if match else None


def collect_versions() -> dict[str, str | None]:
    """Versions of everything a support request may depend on (None = not installed)."""
    return {
        "room_console": version(),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "qt_bindings": _distribution(
            "PySide6-Essentials", "PySide6"
        ),  # metadata only: no Qt import
        "qasync": _distribution("qasync"),
        "python_vlc": _distribution("python-vlc"),
        "libvlc": _libvlc_version(),
        "baresip": _baresip_version(),
        "pydantic": _distribution("pydantic"),
    }


def default_bundle_path(site: str = "", now: dt.datetime | None = None) -> Path:
    """Where "Request help" puts the bundle: the user's Documents folder, named by site and time."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M")
    slug = re.sub(r"[^A-Za-z0-9]+", "-", site).strip("-").lower()
    name = f"roomconsole-support-{slug + '-' if slug else ''}{stamp}.zip"
    return Path(platformdirs.user_documents_dir()) / name


def _profile_data(profile: BaseModel | Mapping[str, Any] | Path | None) -> tuple[str, str] | None:
    """Return (file name, scrubbed text); a profile file goes in as text, parsed or not."""
    if profile is None:
        return None
    if isinstance(profile, Path):
        if not profile.exists():
            return None
        return "profile.toml", scrub_text(profile.read_text(encoding="utf-8", errors="replace"))
    data = profile.model_dump(mode="json") if isinstance(profile, BaseModel) else dict(profile)
    return "profile.json", json.dumps(redact(data), ensure_ascii=False, indent=2)


def _check_data(last_check: Any) -> str | None:
    """Return the last pre-meeting check as JSON text (a report, a dict or a saved file)."""
    if last_check is None:
        return None
    if isinstance(last_check, Path):
        if not last_check.exists():
            return None
        text = last_check.read_text(encoding="utf-8", errors="replace")
        try:
            last_check = json.loads(text)
        except ValueError:
            return scrub_text(text)
    data = last_check.to_dict() if hasattr(last_check, "to_dict") else last_check
    return json.dumps(redact(data), ensure_ascii=False, indent=2)


def write_support_bundle(
    target: Path,
    *,
    profile: BaseModel | Mapping[str, Any] | Path | None = None,
    log_files: Sequence[Path] = (),
    event_log: EventLog | None = None,
    last_check: Any = None,
    site: str = "",
    now: dt.datetime | None = None,
) -> Path:
    """Write the zip to ``target`` (atomically) and return its path."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    created = (now or dt.datetime.now()).isoformat(timespec="seconds")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        manifest = {"created": created, "site": site, "contents": []}  # type: dict[str, Any]

        def add(name: str, text: str) -> None:
            bundle.writestr(name, text)
            manifest["contents"].append(name)

        add("versions.json", json.dumps(collect_versions(), indent=2))
        if (profile_entry := _profile_data(profile)) is not None:
            add(*profile_entry)
        for path in log_files:
            if path.exists():
                add(
                    f"logs/{path.name}",
                    scrub_text(path.read_text(encoding="utf-8", errors="replace")),
                )
        if event_log is not None:
            events = redact(events_to_dicts(event_log.events()))
            add("events.json", json.dumps(events, ensure_ascii=False, indent=1))
        if (check := _check_data(last_check)) is not None:
            add("last-precheck.json", check)
        bundle.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
    partial.replace(target)
    _LOGGER.info("support bundle written to %s", target)
    return target
