"""The bad-profile corpus (issue 13): every file gives its message, nothing is written.

``bad_profiles/expected.toml`` pairs each file with the line and field ``ProfileError`` must
name and a part of its message. Cases that cannot be files in git (a huge file, a folder, a
pipe, a symlink loop ...) are made here. Each case is loaded, refused by ``save_profile`` (the
console never writes over a file it could not read), left byte-for-byte and mtime-for-mtime as it
was with no ``.bak`` or temporary file beside it, and refused by ``roomctl check-profile`` with
exit code 4 and the same file, line and field.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from console_helpers import REPO, roomctl_command

from console.cli import EXIT_BAD_PROFILE
from console.config import ProfileError, demo_profile, load_profile, save_profile
from console.config.loader import MAX_BYTES

CORPUS = Path(__file__).parent / "bad_profiles"
OLD = 1_600_000_000_000_000_000  # ns: an mtime no save could leave behind


@dataclass(frozen=True)
class Case:
    """One bad profile: how to put it at ``path`` and what the console must say about it."""

    name: str
    make: Callable[[Path], None]
    message: str
    line: int | None = None
    field: str | None = None
    missing: bool = False


def _copy(source: Path) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        shutil.copyfile(source, path)

    return make


def _corpus() -> list[Case]:
    table = tomllib.loads((CORPUS / "expected.toml").read_text(encoding="utf-8"))
    return [
        Case(
            entry["file"],
            _copy(CORPUS / entry["file"]),
            entry["message"],
            entry.get("line"),
            entry.get("field"),
        )
        for entry in table["case"]
    ]


def _huge(path: Path) -> None:
    line = "# " + "padding " * 12 + "\n"
    path.write_text('schema_version = 1\n[site]\nname = "Hall"\n' + line * (MAX_BYTES // 90))


def _folder(path: Path) -> None:
    path.mkdir()


def _pipe(path: Path) -> None:
    os.mkfifo(path)  # reading it would wait forever


def _loop(path: Path) -> None:
    path.symlink_to(path.name)


def _dangling(path: Path) -> None:
    path.symlink_to("nowhere.toml")


MADE = [
    Case("huge-file", _huge, "the file is too large"),
    Case("a-folder", _folder, "not a file"),
    Case("a-pipe", _pipe, "not a file"),
    Case("symlink-loop", _loop, "cannot read the file"),
    Case("dangling-symlink", _dangling, "file not found", missing=True),
    Case("missing", lambda path: None, "file not found", missing=True),
]
CASES = _corpus() + MADE


def test_the_corpus_is_complete() -> None:
    listed = {case.name for case in _corpus()}
    on_disk = {path.name for path in CORPUS.iterdir() if path.name != "expected.toml"}
    assert listed == on_disk
    assert len(CASES) >= 50


def _state(folder: Path) -> dict[str, tuple[bytes | None, int]]:
    """Every entry of ``folder``: its bytes (regular files) and mtime; and the folder's mtime."""
    state: dict[str, tuple[bytes | None, int]] = {".": (None, folder.stat().st_mtime_ns)}
    for entry in folder.iterdir():
        info = entry.lstat()
        data = entry.read_bytes() if entry.is_file() and not entry.is_symlink() else None
        state[entry.name] = (data, info.st_mtime_ns)
    return state


@pytest.fixture
def placed(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Case, Path]:
    case: Case = request.param
    folder = tmp_path / "site"
    folder.mkdir()
    path = folder / "room.toml"
    case.make(path)
    for entry in [*folder.iterdir(), folder]:
        os.utime(entry, ns=(OLD, OLD), follow_symlinks=False)
    return case, path


def _check_error(error: ProfileError, case: Case, path: Path) -> None:
    assert error.path == path
    assert (error.line, error.field) == (case.line, case.field), str(error)
    assert case.message.lower() in error.message.lower(), str(error)
    assert error.missing is case.missing


@pytest.mark.parametrize("placed", CASES, ids=[c.name for c in CASES], indirect=True)
def test_bad_profile_is_refused_and_left_untouched(placed: tuple[Case, Path]) -> None:
    case, path = placed
    before = _state(path.parent)
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    _check_error(caught.value, case, path)
    if not case.missing:  # a missing file is created on the first save; a broken one never
        with pytest.raises(ProfileError) as refused:
            save_profile(demo_profile(), path)
        _check_error(refused.value, case, path)
    assert _state(path.parent) == before


@pytest.mark.parametrize("placed", CASES, ids=[c.name for c in CASES], indirect=True)
def test_check_profile_exits_4_naming_file_line_and_field(placed: tuple[Case, Path]) -> None:
    case, path = placed
    before = _state(path.parent)
    done = subprocess.run(
        roomctl_command("check-profile", "--config", str(path)),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == EXIT_BAD_PROFILE, done.stdout + done.stderr
    where = str(path) + (f", line {case.line}" if case.line is not None else ":")
    assert where in done.stdout
    assert (f"field {case.field}:" in done.stdout) is (case.field is not None)
    assert case.message.lower() in done.stdout.lower()
    assert "Traceback" not in done.stderr
    assert _state(path.parent) == before


def test_a_profile_the_account_may_not_read_is_refused_by_check_profile() -> None:
    """Tests run as root, who reads anything: ``check-profile`` runs as ``nobody`` here."""
    if shutil.which("setpriv") is None or os.geteuid() != 0:
        pytest.skip("needs root and setpriv to run check-profile as another account")
    folder = Path(tempfile.mkdtemp(prefix="roomconsole-unreadable-", dir="/tmp"))
    try:
        folder.chmod(0o755)
        path = folder / "room.toml"
        shutil.copyfile(REPO / "profiles" / "example.toml", path)
        path.chmod(0o600)
        as_nobody = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
        done = subprocess.run(
            [*as_nobody, *roomctl_command("check-profile", "--config", str(path))],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == EXIT_BAD_PROFILE, done.stdout + done.stderr
        assert f"{path}: cannot read the file: [Errno 13] Permission denied" in done.stdout
        assert path.read_bytes() == (REPO / "profiles" / "example.toml").read_bytes()
    finally:
        shutil.rmtree(folder)
