"""ParseOptions: the one validated settings object between callers and the parser."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import OptionsError
from .models import SectionKind


class ParseOptions(BaseModel):
    """Everything a caller can tell the parser. Frozen and validated on creation."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    year: int | None = Field(
        default=None,
        ge=1900,
        le=2200,
        description="Year to assume for week designations that name none ('w/c 5 November').",
    )
    published: dt.date | None = Field(
        default=None,
        description="The note's publication date; places year-less designations before it.",
    )
    date_order: Literal["dmy", "mdy"] | None = Field(
        default=None,
        description=(
            "How to read numeric dates such as 04/03/19: day first ('dmy', the default) or "
            "month first ('mdy'). Left unset, a date readable both ways gets a warning."
        ),
    )
    today: dt.date | None = Field(
        default=None,
        description="Reference date (default: today); candidate years run to the year after it.",
    )
    first_candidate_year: int = Field(
        default=2005,
        ge=1900,
        le=2200,
        description="The earliest year listed among candidate Mondays when the year is unknown.",
    )
    disable: tuple[str, ...] = Field(default=(), description="Names of recognisers to switch off.")
    vocabulary: dict[SectionKind, tuple[str, ...]] = Field(
        default_factory=dict,
        description="Extra headings (matched case-insensitively, whole) for each section kind.",
    )

    @field_validator("disable")
    @classmethod
    def _strip_names(cls, names: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(name.strip() for name in names if name.strip())

    @classmethod
    def build(cls, **settings: object) -> ParseOptions:
        """Validate ``settings`` into options; raise :class:`OptionsError` naming each bad one."""
        try:
            return cls.model_validate(settings)
        except ValidationError as error:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in e['loc']) or 'options'}: {e['msg']}"
                f" (got {e['input']!r})"
                for e in error.errors()
            )
            raise OptionsError(f"invalid settings: {problems}") from None
