"""The dates the parser accepts, and the day ``SOURCE_DATE_EPOCH`` names.

This module imports nothing heavy, so the command line can check its dates before the
parser is loaded; :mod:`weeknote_parser.options` offers the same names.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping

from .errors import OptionsError

# The calendar the parser works in: years as for ``year``. Dates outside it (9999-12-31) are
# refused, so that arithmetic on weeks around them can never leave Python's calendar.
FIRST_YEAR = 1900
LAST_YEAR = 2200
FIRST_DATE = dt.date(FIRST_YEAR, 1, 1)
LAST_DATE = dt.date(LAST_YEAR, 12, 31)
ENVIRONMENT_TODAY = "SOURCE_DATE_EPOCH"
_EPOCH_SECONDS = re.compile(r"-?[0-9]+")


def check_date_range(day: dt.date) -> dt.date:
    """``day`` if the parser accepts it; else a ValueError saying which dates it accepts."""
    if not FIRST_DATE <= day <= LAST_DATE:
        raise ValueError(f"must be between {FIRST_DATE} and {LAST_DATE}")
    return day


def today_from_environment(environ: Mapping[str, str] | None = None) -> dt.date | None:
    """The date ``SOURCE_DATE_EPOCH`` (whole seconds since 1970-01-01 UTC) falls on, in UTC;
    None if it is unset or empty. Raise :class:`OptionsError` if it is not such a number or its
    date is outside the dates the parser accepts."""
    value = (os.environ if environ is None else environ).get(ENVIRONMENT_TODAY, "").strip()
    if not value:
        return None
    problem = f"must be whole seconds since 1970-01-01 UTC, e.g. 1700000000 (got {value!r})"
    if _EPOCH_SECONDS.fullmatch(value) is None:
        raise OptionsError(f"{ENVIRONMENT_TODAY}: {problem}")
    try:
        day = dt.datetime.fromtimestamp(int(value), dt.UTC).date()
        return check_date_range(day)
    except (OverflowError, OSError, ValueError):
        raise OptionsError(
            f"{ENVIRONMENT_TODAY}: its date must be between {FIRST_DATE} and {LAST_DATE} "
            f"(got {value!r})"
        ) from None
