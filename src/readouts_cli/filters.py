"""The filters every listing command shares: dates, person, country, kind, tag and limit."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from .textfold import fold
from .vocab import Kind

if TYPE_CHECKING:
    from .corpus import Record
    from .model import Meeting

T = TypeVar("T")

_PERIOD = re.compile(r"^([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?$")  # ASCII digits only


def parse_period(text: str) -> tuple[dt.date, dt.date]:
    """`2024` -> the year, `2024-01` -> the month, `2024-01-07` -> the day, as (first, last).

    Raises ValueError with a readable message for anything else, or an impossible date.
    """
    found = _PERIOD.match(text.strip())
    if not found:
        raise ValueError(f"{text!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in found.groups())
    assert year is not None
    try:
        if month is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1), dt.date(year, month, last)
        day_date = dt.date(year, month, day)
    except ValueError as err:
        raise ValueError(f"{text!r} is not a real date ({err})") from err
    return day_date, day_date


@dataclass(frozen=True)
class Filters:
    start: dt.date | None = None
    end: dt.date | None = None
    names: frozenset[str] | None = None  # participant names (as written) that count as the person
    country: str | None = None
    kind: Kind | None = None
    tags: frozenset[str] | None = None  # folded; a meeting with any of them matches
    limit: int | None = None

    @classmethod
    def build(
        cls,
        *,
        from_: str | None = None,
        to: str | None = None,
        on: str | None = None,
        names: frozenset[str] | None = None,
        country: str | None = None,
        kind: Kind | None = None,
        tags: Iterable[str] | None = None,
        limit: int | None = None,
    ) -> Filters:
        start = parse_period(from_)[0] if from_ else None
        end = parse_period(to)[1] if to else None
        if on:
            first, last = parse_period(on)
            start = max(start, first) if start else first
            end = min(end, last) if end else last
        return cls(
            start=start,
            end=end,
            names=names,
            country=country.upper() if country else None,
            kind=kind,
            tags=frozenset(fold(t) for t in tags) if tags is not None else None,
            limit=limit,
        )

    def matches(self, meeting: Meeting) -> bool:
        if self.start and meeting.date < self.start:
            return False
        if self.end and meeting.date > self.end:
            return False
        if self.kind and meeting.kind != self.kind:
            return False
        if self.country and all(p.country != self.country for p in meeting.participants):
            return False
        if self.tags is not None and not any(fold(t) in self.tags for t in meeting.tags):
            return False
        return self.names is None or any(p.name in self.names for p in meeting.participants)

    def apply(self, records: Iterable[Record]) -> list[Record]:
        """The matching records in their order; with a limit, the most recent N of them."""
        kept = [r for r in records if self.matches(r.meeting)]
        return latest(kept, self.limit)


def latest(items: Sequence[T], limit: int | None) -> list[T]:
    """The last `limit` items (the most recent, for chronological lists), keeping their order."""
    if limit is None:
        return list(items)
    return list(items[-limit:]) if limit > 0 else []
