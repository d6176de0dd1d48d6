"""Where a profile error is shown in a form tab: the field, item or list nearest to its path."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtWidgets import QWidget

from console.profile_form import FieldPath
from ui.settings_forms.fields import FieldRow
from ui.settings_forms.sections import FormSection, ItemBox, ListEditor


def mark_error(
    root: QWidget, error: FieldPath | None, message: str | None, detail: str = ""
) -> QWidget | None:
    """Mark the widget nearest to the ``error`` path under ``root``; clear every other mark.

    A check on a whole table that no box stands for ("codec driver … needs a host") lands on
    the field of that table its technical ``detail`` names last. Returns the marked widget (None
    when no form shows that part of the profile).
    """
    sinks: list[Any] = [
        widget for kind in (FieldRow, ItemBox, ListEditor) for widget in root.findChildren(kind)
    ]
    best: Any = None
    if error is not None:
        for sink in sinks:
            path = tuple(sink.path)
            if error[: len(path)] == path and (best is None or len(path) > len(best.path)):
                best = sink
        if best is None:
            best = _named_field(sinks, error, detail)
    for sink in sinks:
        sink.show_error(message if sink is best else None)
    if isinstance(best, FieldRow) and best.spec.advanced:
        more = best.parentWidget()  # the row is in its section's ``more``
        section = more.parentWidget() if more is not None else None
        if isinstance(section, FormSection):
            section.expand()
    return best


def _named_field(sinks: list[Any], table: FieldPath, detail: str) -> Any:
    """Return the field or list of ``table`` that ``detail`` names last ("… needs a host")."""
    named: list[tuple[int, Any]] = []
    for sink in sinks:
        if isinstance(sink, FieldRow | ListEditor) and tuple(sink.path[:-1]) == table:
            found = re.search(rf"\b{re.escape(str(sink.path[-1]))}\b", detail)
            if found is not None:
                named.append((found.start(), sink))
    return max(named, key=lambda pair: pair[0])[1] if named else None
