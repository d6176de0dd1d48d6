"""Ordered upgrades of old profile files to the current ``schema_version``.

Each step takes the raw TOML data of version N and returns version N+1. Steps work on plain
dicts, before validation, so a model change never breaks reading an older file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from console.config.models import SCHEMA_VERSION

_LOGGER = logging.getLogger(__name__)

Migration = Callable[[dict[str, Any]], dict[str, Any]]

# version N -> function upgrading N to N+1. Version 1 is the first released format.
MIGRATIONS: dict[int, Migration] = {}


class MigrationError(ValueError):
    """The file cannot be brought to the current version (e.g. written by a newer program)."""


def migrate(
    data: dict[str, Any],
    *,
    current: int = SCHEMA_VERSION,
    migrations: Mapping[int, Migration] = MIGRATIONS,
) -> tuple[dict[str, Any], int]:
    """Upgrade ``data`` to ``current``; returns the data and the version it was read as."""
    found = data.get("schema_version", current)
    if not isinstance(found, int) or found < 1:
        return data, current  # let validation report the bad value with its line
    if found > current:
        raise MigrationError(
            f"schema_version {found} is newer than this program understands ({current})"
        )
    version = found
    while version < current:
        step = migrations.get(version)
        if step is None:
            raise MigrationError(f"no upgrade from schema_version {version}")
        _LOGGER.info("upgrading profile from schema_version %d to %d", version, version + 1)
        data = step(dict(data))
        version += 1
        data["schema_version"] = version
    return data, found
