"""A model rule's error as a catalogue key and its values, not as words.

A validator raises ``text_error("contact_unreachable", field="phone")``; pydantic keeps the key
as the error's type and the values as its context, and :mod:`macros.load.validation` words it
from the catalogue in Swedish and English (the message ``key``, the fix ``key_fix`` when the
catalogue has one). ``field`` names the field a model-wide rule is about. The error's own
``msg`` is the English text and fix, for anyone who prints the :class:`pydantic.ValidationError`.
"""

from __future__ import annotations

from pydantic_core import PydanticCustomError

FIELD = "field"  # the context value that names the field of a model-wide rule


def text_error(key: str, field: str | None = None, **values: object) -> PydanticCustomError:
    """The error for the catalogue text ``key`` with its ``{placeholders}`` in ``values``."""
    # Imported here: the catalogue reads its languages from macros.model.text, whose
    # validators raise these errors.
    from macros.model.catalogue import catalogue

    english = catalogue()[key]["en"]
    fix = catalogue().get(f"{key}_fix")
    template = f"{english} — {fix['en']}" if fix else english
    context = {**values, FIELD: field} if field else dict(values)
    return PydanticCustomError(key, template, context)
