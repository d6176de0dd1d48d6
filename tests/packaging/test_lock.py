"""The committed lock is complete, hash-checked, consistent, and what this venv runs (issue 11)."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).parents[2]
LOCKS = ("dev", "site", "build")
_PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def pins(name: str) -> list[tuple[str, Version, Marker | None, int]]:
    """(package, version, marker, number of hashes) of every requirement in a lock file."""
    lines = (ROOT / "requirements" / f"{name}.txt").read_text().splitlines()
    found: list[tuple[str, Version, Marker | None, int]] = []
    for number, line in enumerate(lines):
        if not line or line[0] in "# ":
            continue
        match = _PIN.match(line)
        assert match, f"requirements/{name}.txt:{number + 1} is not an exact pin: {line!r}"
        hashes = 0
        for follow in lines[number + 1 :]:
            if not follow.strip().startswith("--hash=sha256:"):
                break
            hashes += 1
        marker = Marker(match.group(3)) if match.group(3) else None
        found.append((canonicalize_name(match.group(1)), Version(match.group(2)), marker, hashes))
    return found


def declared() -> list[Requirement]:
    """Every requirement pyproject.toml declares: dependencies, all extras, the build group."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    texts = list(project["project"]["dependencies"])
    for extra in project["project"]["optional-dependencies"].values():
        texts += extra
    for group in project["dependency-groups"].values():
        texts += group
    return [Requirement(text) for text in texts]


@pytest.mark.parametrize("lock", LOCKS)
def test_every_lock_line_is_an_exact_pin_with_hashes(lock: str) -> None:
    found = pins(lock)
    assert len(found) > 20
    assert all(hashes >= 1 for _, _, _, hashes in found), "a pin without --hash"


@pytest.mark.parametrize("lock", ("site", "build"))
def test_the_subsets_pin_the_same_versions_as_dev(lock: str) -> None:
    dev = {(name, str(marker)): version for name, version, marker, _ in pins("dev")}
    for name, version, marker, _ in pins(lock):
        assert dev.get((name, str(marker))) == version, f"{lock}.txt pins {name} {version}"


def test_pyproject_and_the_lock_agree() -> None:
    """Editing pyproject.toml without re-locking (scripts/update-deps.sh) fails here."""
    locked: dict[str, list[Version]] = {}
    for name, version, _, _ in pins("dev"):
        locked.setdefault(name, []).append(version)
    for requirement in declared():
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{name} is in pyproject.toml but not in the lock"
        for version in locked[name]:
            assert requirement.specifier.contains(version, prereleases=True), (
                f"the lock pins {name} {version}, outside pyproject.toml's {requirement.specifier}"
            )


def test_this_venv_runs_exactly_the_lock() -> None:
    """scripts/bootstrap.sh installed the lock: every pin that applies here is what is installed."""
    wrong = []
    for name, version, marker, _ in pins("dev"):
        if marker is not None and not marker.evaluate():
            continue
        installed = Version(metadata.version(name))
        if installed != version:
            wrong.append(f"{name}: locked {version}, installed {installed}")
    assert not wrong, wrong
