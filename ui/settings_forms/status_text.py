"""The Settings dialog's status line: OK, or the error with a clickable line and its field."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from console.config.loader import ProfileError
from ui.field_messages import plain_message


def status_html(error: ProfileError | None) -> tuple[str, str]:
    """Return the status text (rich text; "line N" is a link) and its state, "ok" or "error"."""
    if error is None:
        return QCoreApplication.translate("SettingsEditor", "✔ OK — the settings are valid"), "ok"
    where = []
    if error.line is not None:
        line = QCoreApplication.translate("SettingsEditor", "line {line}").format(line=error.line)
        where.append(f'<a href="line">{html.escape(line)}</a>')  # a click shows the line
    if error.field:
        field = QCoreApplication.translate("SettingsEditor", "field {field}")
        where.append(html.escape(field.format(field=error.field)))
    place = ", ".join(where) or html.escape(
        QCoreApplication.translate("SettingsEditor", "the file")
    )
    text = html.escape(
        QCoreApplication.translate("SettingsEditor", "✖ Error in {place}: {message}")
    )
    message = html.escape(plain_message(error.message))  # plain words for the known checks
    return text.format(place=place, message=message), "error"
