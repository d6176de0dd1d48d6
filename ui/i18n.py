"""The interface language: which one, loading its Qt Linguist catalogue, switching at run time.

Which language (``choose_language``): ``$ROOMCONSOLE_LANG``, else the choice saved in Settings on
this computer, else the room profile's, else **Vietnamese**. The system locale is deliberately
not consulted: operators read Vietnamese, but their PCs very often run an English-US Windows, so
an English locale says nothing about the reader. English is one explicit choice away.

Catalogues: ``ui/translations/roomconsole_<lang>.ts`` are the sources (in git); the ``.qm`` files
are build products. ``install_translator`` compiles a missing or stale ``.qm`` with the
``lrelease`` that ships inside PySide6 (beside the .ts, else in the user cache), so a fresh
checkout or an edited .ts just works; bundles ship the .qm compiled by packaging/.
Refresh the catalogues after changing UI text: ``python tools/update_translations.py``.

Switching without a restart: Settings calls ``switch_language`` (and ``save_language``); Qt
sends ``QEvent.LanguageChange`` to every widget. A widget joins by setting its texts in one
method and registering it::

    self._retranslate()                            # set every tr() text here, also at start
    retranslate_on_change(self, self._retranslate)  # called again after each switch

Widgets that have not joined yet still switch the texts they show (labels, buttons, titles,
tooltips, placeholders) through ``retranslate_texts``, which looks each current text up in the
catalogue, placeholders included ("Tham gia Cầu chính tỉnh" → "Join Cầu chính tỉnh"). Texts
kept elsewhere (a dict of state texts built at start, a model's header) need the callback.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from xml.etree import ElementTree

import platformdirs
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

_LOGGER = logging.getLogger(__name__)

TRANSLATIONS = Path(__file__).resolve().parent / "translations"
LANGUAGE_VARIABLE = "ROOMCONSOLE_LANG"  # "vi" or "en": overrides the saved choice and profile
LANGUAGES = ("vi", "en")  # what the console ships; English is also the source language
DEFAULT_LANGUAGE = "vi"
CATALOGUES = ("vi",)  # languages with a .ts file; English needs none
SETTINGS_KEY = "interface/language"
_APP_DIR = "RoomConsole"  # same folder name as console.config.loader.APP_NAME

Message = tuple[str, str]  # (context, source text)


# -- which language -------------------------------------------------------------------------------
def normalise(language: str | None) -> str | None:
    """``"vi_VN"``, ``"VI"``, ``"vi-VN.UTF-8"`` → ``"vi"``; unknown or empty → None."""
    if not language:
        return None
    code = re.split(r"[_\-.@]", language.strip().lower(), maxsplit=1)[0]
    return code if code in LANGUAGES else None


def choose_language(
    *,
    saved: str | None = None,
    profile: str | None = None,
    environ: Mapping[str, str] = os.environ,
) -> str:
    """Pick the language: $ROOMCONSOLE_LANG, else the saved choice, else the profile's, else vi."""
    for candidate in (environ.get(LANGUAGE_VARIABLE), saved, profile):
        language = normalise(candidate)
        if language:
            return language
    return DEFAULT_LANGUAGE


def _settings(path: Path | None) -> QSettings:
    path = path or Path(platformdirs.user_config_dir(_APP_DIR, appauthor=False)) / "console.ini"
    return QSettings(str(path), QSettings.Format.IniFormat)


def saved_language(path: Path | None = None) -> str | None:
    """Return the language chosen in Settings on this computer (None if never chosen)."""
    value = _settings(path).value(SETTINGS_KEY)
    return normalise(value if isinstance(value, str) else None)


def save_language(language: str, path: Path | None = None) -> None:
    """Remember the operator's choice on this computer (Settings → Language)."""
    code = normalise(language)
    if code is None:
        raise ValueError(f"unsupported interface language: {language!r}")
    settings = _settings(path)
    settings.setValue(SETTINGS_KEY, code)
    settings.sync()


# -- catalogues -----------------------------------------------------------------------------------
def catalogue_path(language: str, folder: Path = TRANSLATIONS) -> Path:
    """Return the Linguist source of ``language``."""
    return folder / f"roomconsole_{language}.ts"


def qt_tool(name: str) -> Path | None:
    """Find PySide6's ``lrelease``/``lupdate``: beside Python, in the PySide6 package, on PATH."""
    candidates = [Path(sys.executable).with_name(f"pyside6-{name}")]
    try:
        import PySide6

        candidates.append(Path(PySide6.__file__).parent / name)
    except ImportError:  # pragma: no cover - PySide6 is imported above
        pass
    found = shutil.which(f"pyside6-{name}")
    candidates += [Path(found)] if found else []
    return next((path for path in candidates if path.is_file() and os.access(path, os.X_OK)), None)


def compile_catalogue(ts: Path, out_folder: Path) -> Path:
    """Compile ``ts`` to ``out_folder/<same name>.qm`` with lrelease; return the .qm path."""
    lrelease = qt_tool("lrelease")
    if lrelease is None:
        raise FileNotFoundError("lrelease (PySide6) not found")
    out_folder.mkdir(parents=True, exist_ok=True)
    qm = out_folder / ts.with_suffix(".qm").name
    partial = qm.with_name(f".{qm.name}.{os.getpid()}")  # another console may be starting too
    try:
        subprocess.run(
            [str(lrelease), "-silent", str(ts), "-qm", str(partial)],
            check=True,
            capture_output=True,
            timeout=60,
        )
        os.replace(partial, qm)
    finally:
        partial.unlink(missing_ok=True)
    return qm


def _fresh(qm: Path, ts: Path) -> bool:
    return qm.is_file() and (not ts.is_file() or qm.stat().st_mtime >= ts.stat().st_mtime)


def _cache_folder(folder: Path) -> Path:
    """Where to compile when ``folder`` is read-only (an installed package): one per folder."""
    key = hashlib.sha1(str(folder.resolve()).encode(), usedforsecurity=False).hexdigest()[:12]
    return Path(platformdirs.user_cache_dir(_APP_DIR, appauthor=False)) / "translations" / key


def compiled_catalogue(language: str, folder: Path = TRANSLATIONS) -> Path | None:
    """Return an up-to-date .qm for ``language``: shipped, or compiled now (beside or cache)."""
    ts = catalogue_path(language, folder)
    beside = ts.with_suffix(".qm")
    cached = _cache_folder(folder)
    cached_qm = cached / beside.name
    for qm in (beside, cached_qm):
        if _fresh(qm, ts):
            return qm
    if not ts.is_file():
        return beside if beside.is_file() else None  # an old .qm beats English
    for out_folder in (folder, cached):
        try:
            return compile_catalogue(ts, out_folder)
        except (OSError, subprocess.SubprocessError) as error:
            _LOGGER.warning("cannot compile %s into %s: %s", ts.name, out_folder, error)
    return beside if beside.is_file() else None


def catalogue_messages(ts: Path) -> list[Message]:
    """Every (context, source) in a .ts file, obsolete ones left out."""
    return [message for message, _ in _entries(ts)]


def unfinished_messages(ts: Path) -> list[Message]:
    """Messages of ``ts`` that have no finished translation."""
    return [message for message, finished in _entries(ts) if not finished]


def _entries(ts: Path) -> Iterable[tuple[Message, bool]]:
    for context in ElementTree.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            finished = bool(translation is not None and kind == "" and _text(translation))
            yield (name, message.findtext("source", "")), finished


def _text(translation: ElementTree.Element) -> str:
    forms = translation.findall("numerusform")
    return "".join(form.text or "" for form in forms) if forms else translation.text or ""


# -- loading and switching ------------------------------------------------------------------------
class _Installed:
    """The one interface catalogue this module installed, so a switch replaces exactly it."""

    translator: QTranslator | None = None
    language = "en"


def current_language() -> str:
    """Return the language the interface shows now ("en" until a catalogue is installed)."""
    return _Installed.language


def install_translator(
    app: QCoreApplication, language: str | None = None, folder: Path = TRANSLATIONS
) -> QTranslator | None:
    """Make ``language`` (default: ``choose_language``) the interface's; None means English."""
    chosen = normalise(language) or choose_language(saved=saved_language())
    if _Installed.translator is not None:
        app.removeTranslator(_Installed.translator)
    _Installed.translator, _Installed.language = None, chosen
    QLocale.setDefault(QLocale(chosen))  # dates and numbers follow the interface language
    qm = compiled_catalogue(chosen, folder)
    translator = QTranslator()  # kept alive by _Installed, not by a Qt parent
    if qm is None or not translator.load(str(qm)):
        _LOGGER.log(
            logging.DEBUG if chosen == "en" else logging.WARNING,
            "no %s catalogue in %s: English text",
            chosen,
            folder,
        )
        _Installed.language = "en"
        return None
    app.installTranslator(translator)
    _Installed.translator = translator
    _LOGGER.info("interface language: %s", chosen)
    return translator


def switch_language(app: QApplication, language: str, folder: Path = TRANSLATIONS) -> None:
    """Show ``language`` from now on, without a restart: open windows are retranslated."""
    code = normalise(language)
    if code is None:
        raise ValueError(f"unsupported interface language: {language!r}")
    ts = catalogue_path("vi", folder)
    messages = catalogue_messages(ts) if ts.is_file() else []  # a bundle without .ts: no fallback
    before = {message: _translate(message) for message in messages}
    install_translator(app, code, folder)
    retranslate_texts(app.allWidgets(), before)
    # LanguageChange goes to the application, which posts it on to every window: deliver both.
    for _ in range(2):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange.value)


def _translate(message: Message) -> str:
    return QCoreApplication.translate(*message)


# -- widgets that retranslate themselves ----------------------------------------------------------
class _LanguageWatcher(QObject):
    """Calls back on LanguageChange; a child of the widget, so it goes away with it."""

    def __init__(self, widget: QObject, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self._callback()
        return False


def retranslate_on_change(widget: QObject, retranslate: Callable[[], None]) -> None:
    """Call ``retranslate`` after every language switch, for as long as ``widget`` lives."""
    _LanguageWatcher(widget, retranslate)


# -- widgets that have not joined: look their texts up ----------------------------------------
_TEXT_PROPERTIES = ("text", "title", "windowTitle", "toolTip", "accessibleName", "placeholderText")
_EDITABLE = (QLineEdit, QTextEdit, QPlainTextEdit)  # their "text" is the operator's input
_PLACEHOLDER = re.compile(r"\{(\w+)\}|%(\d)")


def retranslate_texts(widgets: Iterable[QWidget], before: Mapping[Message, str]) -> int:
    """Replace each widget text that was a translation in ``before``; return how many changed.

    ``before`` maps every message to its text in the old language; texts with placeholders
    (``{device}``, ``%1``) are matched as patterns and filled in again in the new language.
    """
    exact = {text: message for message, text in before.items() if text}
    found = [(_pattern(text), message) for message, text in before.items()]
    patterns = [(pattern, message) for pattern, message in found if pattern is not None]
    changed = 0
    for widget in widgets:
        for name in _TEXT_PROPERTIES:
            if name == "text" and isinstance(widget, _EDITABLE):
                continue
            value = widget.property(name)
            if not isinstance(value, str) or not value:
                continue
            new = _retranslated(value, exact, patterns)
            if new is not None and new != value:
                widget.setProperty(name, new)
                changed += 1
    return changed


def _pattern(text: str) -> re.Pattern[str] | None:
    """Build a regex matching ``text`` with its placeholders filled in (None if it has none)."""
    parts = _PLACEHOLDER.split(text)
    literal = "".join(parts[0::3]).strip()
    if len(parts) == 1 or len(literal) < 4:  # "%1" alone would match any text
        return None
    regex, seen = "", set()
    for index, part in enumerate(parts):
        if index % 3 == 0:
            regex += re.escape(part)
        elif part is not None:
            key = f"n_{part}" if index % 3 == 1 else f"p_{part}"
            regex += f"(?P={key})" if key in seen else f"(?P<{key}>.+?)"
            seen.add(key)
    return re.compile(regex + r"\Z", re.DOTALL)


def _retranslated(
    value: str, exact: Mapping[str, Message], patterns: list[tuple[re.Pattern[str], Message]]
) -> str | None:
    if value in exact:
        return _translate(exact[value])
    for pattern, message in patterns:
        found = pattern.match(value)
        if found is None:
            continue
        return _fill(_translate(message), found.groupdict())
    return None


def _fill(target: str, values: Mapping[str, str]) -> str:
    """Put the captured placeholder values into the new language's text."""
    return _PLACEHOLDER.sub(
        lambda m: values.get(f"n_{m[1]}" if m[1] else f"p_{m[2]}", m[0]), target
    )
