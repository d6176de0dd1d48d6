"""Refresh the interface catalogues from the code and compile them.

    .venv/bin/python tools/update_translations.py            # lupdate + lrelease
    .venv/bin/python tools/update_translations.py --release  # only compile the .qm files
    .venv/bin/python tools/update_translations.py --check    # fail on untranslated messages

lupdate reads every ``tr()`` / ``QCoreApplication.translate()`` in ``ui/*.py`` (recursively) and
merges the messages into ``ui/translations/roomconsole_vi.ts`` (translated by hand, see
docs/glossary.md). English is the source language and needs no catalogue (add one here if
plural forms ``%n`` appear). Messages no longer in the code are dropped (``-no-obsolete``).
The ``.qm`` files are build products (not in git); ``ui/i18n.py`` compiles them at start-up
when they are missing or stale.
"""

from __future__ import annotations

import argparse
import ast
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from PySide6.QtCore import QLocale  # noqa: E402

from ui.i18n import (  # noqa: E402
    CATALOGUES,
    TRANSLATIONS,
    catalogue_path,
    compile_catalogue,
    qt_tool,
    unfinished_messages,
)


def update(sources: Path = REPO / "ui") -> None:
    """Merge the messages found in ``sources`` into every language's .ts file."""
    lupdate = qt_tool("lupdate")
    if lupdate is None:
        raise SystemExit("pyside6-lupdate not found: install PySide6 (the 'gui' extra)")
    files = sorted(str(path) for path in sources.rglob("*.py"))
    for language in CATALOGUES:
        ts = catalogue_path(language)
        command = [str(lupdate), "-silent", "-no-obsolete", "-locations", "relative"]
        command += [*files, "-target-language", QLocale(language).name(), "-ts", str(ts)]
        subprocess.run(command, check=True, timeout=120)
        print(f"updated {ts.relative_to(REPO)}")
    for place in hidden_messages(sources):
        print(f"warning: {place}: tr() inside an f-string is not extracted; call it before")


def hidden_messages(sources: Path = REPO / "ui", root: Path = REPO) -> list[str]:
    """Return "file:line" of every tr()/translate() call inside an f-string.

    lupdate reads an f-string as one literal, so such a message never reaches the catalogue.
    """
    found: set[tuple[str, int]] = set()
    for path in sorted(sources.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr) and any(map(_is_tr_call, ast.walk(node))):
                found.add((path.relative_to(root).as_posix(), node.lineno))
    return [f"{name}:{line}" for name, line in sorted(found)]


def _is_tr_call(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    return name in ("tr", "translate")


def release(folder: Path = TRANSLATIONS) -> None:
    """Compile every .ts in ``folder`` to the .qm beside it."""
    for language in CATALOGUES:
        qm = compile_catalogue(catalogue_path(language, folder), folder)
        print(f"compiled {qm.relative_to(REPO) if qm.is_relative_to(REPO) else qm}")


def check(folder: Path = TRANSLATIONS) -> int:
    """Print the untranslated Vietnamese messages; the exit code says whether there are any."""
    missing = unfinished_messages(catalogue_path("vi", folder))
    for context, source in missing:
        print(f"untranslated: [{context}] {source}")
    return 1 if missing else 0


def main() -> int:
    """Update and compile, or only one step, as asked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="only compile the .qm files")
    parser.add_argument("--check", action="store_true", help="list untranslated messages")
    args = parser.parse_args()
    if args.check:
        return check()
    if args.release:  # build step: compile what is there, never fail on missing translations
        release()
        return 0
    update()
    release()
    return check()


if __name__ == "__main__":
    sys.exit(main())
