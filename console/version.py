"""The one version source for every entry point: the installed package metadata."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _distribution_version

DISTRIBUTION = "room-console"
# Running from a bare source tree (never `pip install`ed) has no metadata to read.
UNKNOWN = "0+unknown"


def version() -> str:
    """Return the installed Room Console version (pyproject.toml, through the metadata)."""
    try:
        return _distribution_version(DISTRIBUTION)
    except PackageNotFoundError:
        return UNKNOWN


def version_line(program: str) -> str:
    """Return what `PROGRAM --version` prints, e.g. ``roomctl 0.1.0``."""
    return f"{program} {version()}"
