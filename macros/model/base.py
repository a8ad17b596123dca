"""Shared building blocks of the data model: identifiers and strict, frozen models."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

Slug = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
        description="Identifier: lower-case letters a-z, digits and hyphens (no å, ä, ö).",
    ),
]

Origin = Annotated[
    str,
    Field(
        pattern=r"^https?://[a-z0-9.-]+(:[0-9]{1,5})?$",
        description="An origin: https:// and a host name (a port if needed), nothing after it, "
                    "e.g. https://intranat.example.se",
    ),
]


class Strict(BaseModel):
    """Unknown fields are errors; values are immutable once validated."""

    model_config = ConfigDict(extra="forbid", frozen=True)
