"""ParseOptions: the one validated settings object between callers and the parser."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import OptionsError
from .limits import ENVIRONMENT_TODAY as ENVIRONMENT_TODAY
from .limits import FIRST_DATE as FIRST_DATE
from .limits import FIRST_YEAR as FIRST_YEAR
from .limits import LAST_DATE as LAST_DATE
from .limits import LAST_YEAR as LAST_YEAR
from .limits import check_date_range as check_date_range
from .limits import today_from_environment as today_from_environment
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
        description=(
            "Reference date (default: the date of SOURCE_DATE_EPOCH if set, else today); "
            "candidate years run to the year after it, and later weeks get a warning."
        ),
    )
    first_candidate_year: int = Field(
        default=2005,
        ge=1900,
        le=2200,
        description="The earliest year listed among candidate Mondays when the year is unknown.",
    )
    disable: tuple[str, ...] = Field(default=(), description="Names of recognisers to switch off.")
    plugins: tuple[str, ...] = Field(
        default=(),
        description=(
            "Names of installed plugins (entry points of the group 'weeknote_parser.plugins') "
            "to set up, in order; each is imported only when named here."
        ),
    )
    vocabulary: dict[SectionKind, tuple[str, ...]] = Field(
        default_factory=dict,
        description="Extra headings (matched case-insensitively, whole) for each section kind.",
    )

    @field_validator("published", "today")
    @classmethod
    def _in_range(cls, day: dt.date | None) -> dt.date | None:
        return day if day is None else check_date_range(day)

    def resolved_today(self) -> dt.date:
        """The reference date: ``today`` if given, else the date of ``SOURCE_DATE_EPOCH`` if
        set, else the clock's. Raise :class:`OptionsError` for a bad ``SOURCE_DATE_EPOCH``."""
        return self.today or today_from_environment() or dt.date.today()

    @field_validator("disable", "plugins")
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
                f"{'.'.join(str(p) for p in e['loc']) or 'options'}: "
                f"{e['msg'].removeprefix('Value error, ')} (got {_shown(e['input'])})"
                for e in error.errors()
            )
            raise OptionsError(f"invalid settings: {problems}") from None


def _shown(value: object) -> str:
    """A setting's value as an error message shows it: dates as written, the rest as repr."""
    return value.isoformat() if isinstance(value, dt.date) else repr(value)
