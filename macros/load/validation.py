"""Turn pydantic validation errors into :class:`Problem` lines an editor can act on."""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from macros.load.yamlsource import SourceDoc
from macros.load.yamltree import field_path
from macros.model.problems import Problem
from macros.model.text import MarkdownText, PlainText

__all__ = ["field_path", "model_at", "problems_from"]  # field_path: for the checks' messages
_TEXT_MODELS = (PlainText, MarkdownText)
# Model validators name their field as "field: message".
_NAMED = re.compile(r"^([a-z_]+): (.*)$", re.S)


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


def _what(value: Any) -> str:
    """A YAML value's kind in an editor's words (not a Python type name)."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def _message(error: ErrorDetails, model: type[BaseModel]) -> tuple[str, str]:
    """(message, fix) for one pydantic error."""
    kind = error["type"]
    loc = tuple(error["loc"])
    value = error.get("input")
    ctx = error.get("ctx") or {}
    name = str(loc[-1]) if loc else ""
    if kind == "missing":
        parent = model_at(model, loc[:-1])
        if parent in _TEXT_MODELS and name == "sv":
            return "Swedish text is missing", "add `sv: …` (Swedish is required; `en:` is optional)"
        return "is required", f"add `{name}: …`"
    if kind == "extra_forbidden":
        parent = model_at(model, loc[:-1])
        allowed = sorted(parent.model_fields) if parent else []
        close = difflib.get_close_matches(name, allowed, n=1)
        hint = f"did you mean `{close[0]}`? " if close else ""
        return f"unknown field `{name}`", f"{hint}allowed fields: {', '.join(allowed)}"
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"{value!r} is not a date", "use YYYY-MM-DD, e.g. 2026-03-31"
    if kind == "string_pattern_mismatch":
        if name in ("phone",):
            return (f"{value!r} is not a phone number",
                    "use digits, spaces and hyphens, e.g. 08-123 456 00")
        if name in ("email",):
            return f"{value!r} is not an e-mail address", "use name@example.se"
        if name == "github":
            return (f"{value!r} is not a GitHub user or team",
                    "use @user or @organisation/team, e.g. @upplandsvasby/socialtjanst")
        if loc and "intranet_origins" in loc:
            return (f"{value!r} is not an origin",
                    "write only https:// and the host name, no path or trailing slash, "
                    "e.g. https://intranat.example.se")
        return (f"{value!r} is not a valid id",
                "use lower-case a-z, digits and hyphens (no å, ä, ö or spaces), e.g. barn-och-unga")
    if kind == "literal_error":
        return f"{value!r} is not allowed", f"use one of {ctx.get('expected', '')}"
    if kind in ("string_type",):
        return f"must be text, not {_what(value)}", f"put the value in quotes: \"{value}\""
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        expected = model_at(model, loc)
        if expected in _TEXT_MODELS:
            return ("must be Swedish and English text",
                    "write it as indented lines `sv: …` and `en: …` under the field")
        return "must be a mapping of `key: value` lines", "indent the fields under this key"
    if kind == "list_type":
        return "must be a list", "write each item on its own line starting with `- `"
    if kind in ("bool_type", "bool_parsing"):
        return f"{value!r} is not true or false", "use true or false"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"{value!r} is not a whole number", "use a number such as 12"
    if kind.startswith("url"):
        return f"{value!r} is not a web address", "use a full address starting with https://"
    if kind in ("too_short",):
        return "is empty", f"add at least {ctx.get('min_length', 1)} item(s)"
    if kind in ("too_long",):
        return "is too long", f"use at most {ctx.get('max_length')} item(s) or characters"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return f"{value!r} is out of range", error["msg"].lower()
    if kind == "value_error":  # a model's own rule: "message — fix"
        message, _, fix = str(ctx.get("error", error["msg"])).partition(" — ")
        return message, fix
    return error["msg"], ""


def problems_from(exc: ValidationError, model: type[BaseModel], doc: SourceDoc,
                  prefix: tuple[str | int, ...] = ()) -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False):
        loc = prefix + tuple(error["loc"])
        message, fix = _message(error, model)
        named = _NAMED.match(message)
        if error["type"] == "value_error" and named:
            loc, message = (*loc, named.group(1)), named.group(2)
        problems.append(Problem(doc.path, doc.line_of(loc), field_path(loc), message, fix))
    return problems
