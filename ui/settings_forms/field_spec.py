"""What a form field is: its key in the table, how it is edited, its limits and when it shows."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto
from typing import Any

from console.profile_form import FieldPath


class Kind(Enum):
    """How a field is edited and what it writes into the profile."""

    TEXT = auto()  # required text: written as typed, "" included
    OPTIONAL_TEXT = auto()  # empty removes the key (a text default is shown greyed)
    TABLE_TEXT = auto()  # empty removes the whole table the field is in (a preview URL)
    INT = auto()  # a missing key shows ``default`` (else the minimum)
    OPTIONAL_INT = auto()  # the lowest value shows NO_VALUE and removes the key
    FLOAT = auto()  # seconds, decibels: one decimal; a missing key shows ``default``
    BOOL = auto()
    TABLE_FLAG = (
        auto()
    )  # the key is a sub-table: ticked makes it (from ``seed``), unticked drops it
    CHOICE = auto()  # (label, value) pairs; a value None removes the key
    NUMBERS = auto()  # channel numbers typed as "1, 3"; empty removes the key
    TIME = auto()
    DATE = auto()  # YYYY-MM-DD, empty removes the key
    WEEKDAYS = auto()
    IMAGE = auto()  # read-only: the thumbnail file the value names


@dataclass(frozen=True)
class FieldSpec:
    """A field of a table: ``key`` is dotted and relative to it ("preview.url")."""

    key: str
    kind: Kind
    minimum: float = 0
    maximum: float = 65535
    needs: str | None = None  # a sub-table that must exist for the field to be edited
    default: Any = None  # what the profile assumes when the key is missing
    # (sibling key, its values): shown only while the sibling has one of them (or it is set)
    when: tuple[str, tuple[Any, ...]] | None = None
    advanced: bool = False  # under "More settings", folded until opened
    # A sub-table that means something else once it exists (a mixer's on_join): what a key
    # missing from the existing table stands for, and the keys written with its first field.
    table_default: Any = None
    seed: tuple[tuple[str, Any], ...] = ()

    def path(self, base: FieldPath) -> FieldPath:
        """Return the field's absolute path below ``base``."""
        return (*base, *self.key.split("."))
