"""The record format (v1): one meeting per TOML file, validated strictly with Pydantic.

Field names here are the public format: the README documents them, the importer writes them and
scripts read them. Japan time and UTC are derived from `time` + `timezone`, never stored.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from .codes import COUNTRIES, CURRENCIES
from .vocab import Category as Category
from .vocab import Kind as Kind
from .vocab import Level as Level
from .vocab import Status as Status

JST = "Asia/Tokyo"
ID_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}(?:-[a-z0-9]+)*$")

Text = Annotated[str, StringConstraints(strip_whitespace=False, min_length=1)]


# TOML gives real dates, times and integers; strict mode keeps `"60"` from passing as 60 and a
# quoted "2024-01-07" from passing as a date. Enums are matched by value, hence strict=False there.
STRICT = ConfigDict(extra="forbid", strict=True, frozen=True)


def _country_code(value: str | None) -> str | None:
    if value is not None and value not in COUNTRIES:
        hint = " (codes are upper case)" if value.upper() in COUNTRIES else ""
        raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-2 country code{hint}")
    return value


class Participant(BaseModel):
    model_config = STRICT

    name: Text
    title: Text | None = None
    country: str | None = None

    _check_country = field_validator("country")(_country_code)


class Condolence(BaseModel):
    model_config = STRICT

    by: Text
    to: Text
    about: Text
    point: int | None = None


class Aid(BaseModel):
    model_config = STRICT

    donor: Text
    recipient: Text | None = None
    what: Text
    category: Category = Field(strict=False)
    amount: int | None = Field(default=None, gt=0)
    currency: str | None = None
    status: Status = Field(strict=False)
    channel: Text | None = None
    point: int | None = None

    @field_validator("currency")
    @classmethod
    def _check_currency(cls, value: str | None) -> str | None:
        if value is not None and value not in CURRENCIES:
            hint = " (codes are upper case)" if value.upper() in CURRENCIES else ""
            raise ValueError(f"{value!r} is not an ISO 4217 currency code{hint}")
        return value


class Meeting(BaseModel):
    """One meeting as written in its file. The id comes from the file name, not the file."""

    model_config = STRICT

    date: dt.date
    title: Text
    kind: Kind = Field(strict=False)
    level: Level | None = Field(default=None, strict=False)
    place: Text | None = None
    time: dt.time | None = None
    timezone: str | None = None
    duration_minutes: int | None = Field(default=None, gt=0)
    source: Text | None = None
    see_also: list[Text] = []
    publisher: Text | None = None
    tags: list[Text] = []
    summary: Text | None = None
    points: list[Text] = []
    participants: list[Participant] = []
    condolences: list[Condolence] = []
    aid: list[Aid] = []

    @field_validator("date", mode="before")
    @classmethod
    def _date_not_datetime(cls, value: Any) -> Any:
        if isinstance(value, dt.datetime):
            raise ValueError("must be a date without a time of day (put the time in `time`)")
        return value

    @field_validator("timezone")
    @classmethod
    def _check_timezone(cls, value: str | None) -> str | None:
        if value is not None and zone(value) is None:
            raise ValueError(f"{value!r} is not an IANA time zone (e.g. 'Europe/Kyiv')")
        return value

    def consistency_problems(
        self,
    ) -> list[tuple[tuple[str | int, ...], str, str | None]]:
        """Rules that span fields, as (location, message, hint) triples."""
        problems: list[tuple[tuple[str | int, ...], str, str | None]] = []
        if self.time is not None and self.timezone is None:
            problems.append(
                (
                    ("time",),
                    "`time` needs a `timezone`",
                    'add e.g. timezone = "Asia/Tokyo"',
                )
            )
        if self.time is not None and self.time.tzinfo is not None:
            problems.append((("time",), "must be a local time without an offset", None))
        n = len(self.points)
        have = f"the record has {n} point{'s' * (n != 1)}"
        cited: list[tuple[str, int, int | None]] = [
            *(("condolences", i, c.point) for i, c in enumerate(self.condolences)),
            *(("aid", i, a.point) for i, a in enumerate(self.aid)),
        ]
        for section, i, point in cited:
            if point is not None and not 1 <= point <= n:
                message = f"point {point} does not exist; {have}"
                problems.append(((section, i, "point"), message, None))
        for i, item in enumerate(self.aid):
            if item.amount is not None and item.currency is None:
                problems.append(
                    (
                        ("aid", i, "amount"),
                        "`amount` needs a `currency`",
                        'add e.g. currency = "USD"',
                    )
                )
        seen: set[str] = set()
        for i, tag in enumerate(self.tags):
            if tag in seen:
                problems.append((("tags", i), f"tag {tag!r} is listed twice", None))
            seen.add(tag)
        return problems

    def start(self) -> dt.datetime | None:
        """The aware start time, when the record gives a time and zone."""
        if self.time is None or self.timezone is None:
            return None
        tz = zone(self.timezone)
        return dt.datetime.combine(self.date, self.time, tzinfo=tz) if tz else None

    def start_in(self, key: str) -> dt.datetime | None:
        start = self.start()
        tz = zone(key)
        return start.astimezone(tz) if start and tz else None


@lru_cache(maxsize=256)
def zone(key: str) -> ZoneInfo | None:
    """The IANA zone `key`, or None when no such zone exists."""
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError):
        return None


# The canonical key order: the README's documentation, `fmt` and the importer all follow it.
FIELD_ORDER = tuple(Meeting.model_fields)
SECTION_FIELD_ORDER = {
    "participants": tuple(Participant.model_fields),
    "condolences": tuple(Condolence.model_fields),
    "aid": tuple(Aid.model_fields),
}
