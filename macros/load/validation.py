"""Turn pydantic validation errors into :class:`Problem` lines an editor can act on, in
Swedish and English from the catalogue (a model's own rules: :mod:`macros.model.errors`)."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from macros.load.yamlsource import SourceDoc
from macros.load.yamltree import field_path
from macros.model.catalogue import Phrase, both, catalogue
from macros.model.errors import FIELD
from macros.model.problems import Problem
from macros.model.text import MarkdownText, PlainText

__all__ = ["field_path", "model_at", "problems_from"]  # field_path: for the checks' messages
_TEXT_MODELS = (PlainText, MarkdownText)


def _inner_types(annotation: Any) -> list[Any]:
    """Unwrap Optional/list/dict/Annotated to the types a value may have."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _inner_types(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(annotation) for t in _inner_types(arg)]
    if origin in (list, tuple, set):
        return _inner_types(typing.get_args(annotation)[0])
    if origin is dict:
        return _inner_types(typing.get_args(annotation)[1])
    return [annotation]


def model_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model class that holds the value at ``loc`` (for listing allowed fields)."""
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None or isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        if field is None:  # a dict key (matrix cells): the value type stays current
            continue
        models = [t for t in _inner_types(field.annotation)
                  if isinstance(t, type) and issubclass(t, BaseModel)]
        current = models[0] if models else None
    return current


def _what(value: Any) -> object:
    """A YAML value's kind in an editor's words (not a Python type name)."""
    if value is None:
        return Phrase("what_empty")
    if isinstance(value, bool):
        return Phrase("what_bool")
    if isinstance(value, (int, float)):
        return Phrase("what_number")
    if isinstance(value, dict):
        return Phrase("what_mapping")
    if isinstance(value, list):
        return Phrase("what_list")
    return type(value).__name__


def _pair(key: str, **values: object) -> tuple[str, str]:
    """(message, fix) from the catalogue: ``key`` and ``key_fix``."""
    return both(key, **values), both(f"{key}_fix", **values)


# A pattern's field → its catalogue key (others are ids)
_PATTERNS = {"phone": "val_not_phone", "email": "val_not_email", "github": "val_not_github",
             "abbreviation": "val_not_abbreviation", "version": "val_not_version"}
_RANGES = {"greater_than_equal": "ge", "less_than_equal": "le", "greater_than": "gt",
           "less_than": "lt"}


def _pattern(name: str, loc: tuple[str | int, ...], value: str) -> tuple[str, str]:
    if name in _PATTERNS:
        return _pair(_PATTERNS[name], value=value)
    if "intranet_origins" in loc:
        return _pair("val_not_origin", value=value)
    return _pair("val_not_id", value=value)


def _shape(kind: str, loc: tuple[str | int, ...], value: Any,
           model: type[BaseModel]) -> tuple[str, str] | None:
    """A value of the wrong kind: text, a mapping, a list, true/false, a number."""
    shown = repr(value)
    if kind == "string_type":
        return both("val_not_text", what=_what(value)), both("val_not_text_fix", value=value)
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return _pair("val_not_bilingual" if model_at(model, loc) in _TEXT_MODELS
                     else "val_not_mapping")
    if kind == "list_type":
        return _pair("val_not_list")
    if kind in ("bool_type", "bool_parsing"):
        return _pair("val_not_bool", value=shown)
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return _pair("val_not_int", value=shown)
    if kind.startswith("url"):
        return _pair("val_not_url", value=shown)
    return None


def _message(error: ErrorDetails, model: type[BaseModel]) -> tuple[str, str]:
    """(message, fix) for one pydantic error, each in Swedish / English."""
    kind = error["type"]
    loc = tuple(error["loc"])
    value = error.get("input")
    ctx = error.get("ctx") or {}
    name = str(loc[-1]) if loc else ""
    if kind in catalogue():  # a model's own rule: macros.model.errors.text_error
        fix = f"{kind}_fix"
        return both(kind, **ctx), both(fix, **ctx) if fix in catalogue() else ""
    if kind == "missing":
        if model_at(model, loc[:-1]) in _TEXT_MODELS and name == "sv":
            return _pair("val_sv_missing")
        return _pair("val_required", name=name)
    if kind == "extra_forbidden":
        parent = model_at(model, loc[:-1])
        allowed = sorted(parent.model_fields) if parent else []
        close = difflib.get_close_matches(name, allowed, n=1)
        fix = (both("val_unknown_field_hint", close=close[0], allowed=", ".join(allowed))
               if close else both("val_unknown_field_fix", allowed=", ".join(allowed)))
        return both("val_unknown_field", name=name), fix
    if kind.startswith("date") or kind.startswith("datetime"):
        return _pair("val_not_date", value=repr(value))
    if kind == "string_pattern_mismatch":
        return _pattern(name, loc, repr(value))
    if kind == "literal_error":
        choices = str(ctx.get("expected", "")).replace(" or ", ", ")
        return both("val_not_allowed", value=repr(value)), both("fix_use_one_of", choices=choices)
    if kind == "string_too_short":
        return _pair("text_empty")
    shape = _shape(kind, loc, value, model)
    if shape is not None:
        return shape
    if kind == "too_short":
        return both("val_empty"), both("val_empty_fix", n=ctx.get("min_length", 1))
    if kind in ("too_long", "string_too_long"):
        return both("val_too_long"), both("val_too_long_fix", n=ctx.get("max_length"))
    if kind in _RANGES:
        bound = _RANGES[kind]
        return (both("val_out_of_range", value=repr(value)),
                both(f"val_range_{bound}", limit=ctx.get(bound)))
    return both("val_invalid", detail=error["msg"]), ""


def problems_from(exc: ValidationError, model: type[BaseModel], doc: SourceDoc,
                  prefix: tuple[str | int, ...] = ()) -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False):
        loc = prefix + tuple(error["loc"])
        message, fix = _message(error, model)
        field = (error.get("ctx") or {}).get(FIELD)
        if field:  # a model-wide rule about one of its fields
            loc = (*loc, field)
        problems.append(Problem(doc.path, doc.line_of(loc), field_path(loc), message, fix))
    return problems
