"""The base every profile section derives from, and errors that point at one field."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Strict, ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError

# Enum fields take their value from the file as text: let them (strict mode wants instances).
LAX = Strict(False)


class StrictModel(BaseModel):
    """Base for every profile section: unknown keys and wrong types are errors.

    ``strict``: a number written in quotes (``address = "2"``), a float where a whole number
    belongs (``2.0``) or ``true`` for a number is refused, never silently converted.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True, strict=True)


def field_error(
    model: type[BaseModel], location: tuple[str | int, ...], message: str, value: Any
) -> ValidationError:
    """Return a ValidationError for one field (raise it from a model validator).

    A plain ``ValueError`` in a model validator points at the whole model (no line, no field);
    this one points at ``location`` below it, so the loader can name the line and the field.
    """
    error = PydanticCustomError("profile_conflict", "{message}", {"message": message})
    detail = InitErrorDetails(type=error, loc=location, input=value)
    return ValidationError.from_exception_data(model.__name__, [detail])


def repeated(values: list[Any]) -> tuple[int, int] | None:
    """Indexes (first, second) of the first value that appears twice, None if all differ."""
    seen: dict[Any, int] = {}
    for index, value in enumerate(values):
        if value in seen:
            return seen[value], index
        seen[value] = index
    return None
