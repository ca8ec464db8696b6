"""The command line's own value types: dates and byte sizes, checked as they are parsed."""

from __future__ import annotations

import datetime as dt
import re
from typing import ClassVar

import click

from ..limits import FIRST_DATE, LAST_DATE, check_date_range


class DateType(click.ParamType[dt.date]):
    """A date written YYYY-MM-DD, within the dates the parser reads (1900 to 2200)."""

    name = "date"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "YYYY-MM-DD"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.date:
        if isinstance(value, dt.date):
            day = value
        else:
            written = str(value).strip()
            if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", written):
                self.fail(f"{value!r} is not a date written YYYY-MM-DD", param, ctx)
            try:
                day = dt.date.fromisoformat(written)
            except ValueError as error:
                self.fail(f"{value!r} is not a date: {error}", param, ctx)
        try:
            return check_date_range(day)
        except ValueError:
            self.fail(f"{day} is outside the dates read, {FIRST_DATE} to {LAST_DATE}", param, ctx)


class ByteSize(click.ParamType[int]):
    """A number of bytes, at least 1, optionally with a K, M or G suffix (powers of 1024)."""

    name = "bytes"
    _FORM = re.compile(r"([0-9]+)\s*(?:([kmg])(?:i?b)?|b)?", re.IGNORECASE)
    _UNITS: ClassVar[dict[str, int]] = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30}

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            count = value
        else:
            match = self._FORM.fullmatch(str(value).strip())
            if match is None:
                self.fail(
                    f"{value!r} is not a size: a whole number of bytes, or with K, M or G "
                    "(e.g. 65536, 512K, 64M)",
                    param,
                    ctx,
                )
            count = int(match[1]) * self._UNITS.get((match[2] or "").lower(), 1)
        if count < 1:
            self.fail(f"{value!r} is too small: the limit is at least 1 byte", param, ctx)
        return count
