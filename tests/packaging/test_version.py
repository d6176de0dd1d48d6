"""console.version: one version source (package metadata) for roomconsole and roomctl."""

from __future__ import annotations

import importlib.metadata
import sys
from pathlib import Path

import pytest

from console import version as version_module


def _fake_distribution(root: Path, version: str) -> None:
    """Write a minimal installed-distribution record for room-console under ``root``."""
    info = root / f"room_console-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: room-console\nVersion: {version}\n", encoding="utf-8"
    )


def test_version_comes_from_the_package_metadata(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_distribution(tmp_path, "7.8.9")
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    assert version_module.version() == "7.8.9"
    assert version_module.version_line("roomctl") == "roomctl 7.8.9"


def test_version_without_metadata_says_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(version_module, "DISTRIBUTION", "room-console-not-installed-anywhere")
    assert version_module.version() == version_module.UNKNOWN


def test_installed_metadata_matches_pyproject() -> None:
    """When the project is installed (.venv, bundles), the version is pyproject.toml's."""
    import tomllib

    pyproject = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text("utf-8"))
    installed = importlib.metadata.version("room-console")  # scripts/bootstrap.sh installs it
    assert installed == pyproject["project"]["version"]
