"""The numbers behind the pictures of the timeline: meetings counted per period (month, quarter
or year) and per series (level or kind), and aid commitments summed per year, category and
currency on the ledger's counting rules. Drawing them is the CLI's (cli/commands/timeline.py).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .ledger import COMMITTED, Entry, Verdicts, flow
from .store import Kinds
from .vocab import Category, Kind, Level
from .vocab import Period as Period
from .vocab import Split as Split

# The series of a split without one: every meeting in one segment.
ALL = "all"
# The level of a meeting whose record gives none.
NO_LEVEL = "no level"


def period_of(day: dt.date, by: Period) -> str:
    """The label of the period holding `day`: "2022", "2022-Q1" or "2022-02"."""
    if by is Period.YEAR:
        return f"{day.year}"
    if by is Period.QUARTER:
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return f"{day.year}-{day.month:02d}"


def _index(day: dt.date, by: Period) -> int:
    """Periods as consecutive integers, so the gaps between two periods can be filled."""
    if by is Period.YEAR:
        return day.year
    if by is Period.QUARTER:
        return day.year * 4 + (day.month - 1) // 3
    return day.year * 12 + day.month - 1


def _bounds(index: int, by: Period) -> tuple[dt.date, dt.date]:
    """The first and last day of the period numbered `index` (see _index)."""
    if by is Period.YEAR:
        return dt.date(index, 1, 1), dt.date(index, 12, 31)
    months = 3 if by is Period.QUARTER else 1
    year, first = divmod(index * months, 12)
    start = dt.date(year, first + 1, 1)
    after = first + months
    end = dt.date(year + after // 12, after % 12 + 1, 1) - dt.timedelta(days=1)
    return start, end


@dataclass(frozen=True)
class Bar:
    """One period of a chart: its label, first and last day, and a value per series (zero
    where the series has nothing in the period)."""

    period: str
    start: dt.date
    end: dt.date
    values: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.values.values())


@dataclass(frozen=True)
class MeetingChart:
    """Meetings per period, from the first period with a meeting to the last, the empty
    periods between them included (so a gap is a bar of zero)."""

    by: Period
    split: Split
    series: list[str]
    bars: list[Bar]

    @property
    def total(self) -> int:
        return sum(bar.total for bar in self.bars)


def _series_of(meeting: Kinds, split: Split) -> str:
    if split is Split.LEVEL:
        return meeting.level or NO_LEVEL
    if split is Split.KIND:
        return meeting.kind
    return ALL


def _series_order(split: Split) -> list[str]:
    if split is Split.LEVEL:
        return [*(str(level) for level in Level), NO_LEVEL]
    if split is Split.KIND:
        return [str(kind) for kind in Kind]
    return [ALL]


def _filled(keyed: dict[int, dict[str, int]], series: Sequence[str], by: Period) -> list[Bar]:
    if not keyed:
        return []
    bars = []
    for index in range(min(keyed), max(keyed) + 1):
        start, end = _bounds(index, by)
        values = keyed.get(index, {})
        bars.append(
            Bar(period_of(start, by), start, end, {name: values.get(name, 0) for name in series})
        )
    return bars


def meeting_chart(meetings: Iterable[Kinds], by: Period, split: Split) -> MeetingChart:
    """Count meetings per period and series; the series are those that occur, in the order
    of the record format's vocabulary (summit first; meeting first)."""
    counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    seen: set[str] = set()
    for meeting in meetings:
        name = _series_of(meeting, split)
        seen.add(name)
        counts[_index(meeting.date, by)][name] += 1
    series = [name for name in _series_order(split) if name in seen]
    return MeetingChart(by, split, series, _filled(counts, series, by))


@dataclass(frozen=True)
class AidChart:
    """Counted commitments in one currency per year (the year each package was first
    stated) and category: amounts in the currency's unit, never mixed with another currency."""

    currency: str
    series: list[str]
    bars: list[Bar]
    items: int

    @property
    def total(self) -> int:
        return sum(bar.total for bar in self.bars)


@dataclass(frozen=True)
class AidCharts:
    """One chart per currency, and how many counted commitments had no amount to chart."""

    charts: list[AidChart]
    without_amount: int


def counted_commitment(entry: Entry, verdicts: Verdicts) -> bool:
    """Whether the ledger adds this item to the committed totals (see ledger.count)."""
    return verdicts[entry.key].counted and flow(entry.item) == COMMITTED


def aid_charts(entries: Iterable[Entry], verdicts: Verdicts) -> AidCharts:
    """Sum the counted commitments per currency, year and category.

    `verdicts` must come from ledger.count over the whole corpus, so a package is counted
    once, at its latest figure, in the year it was first stated, whatever `entries` shows.
    """
    sums: dict[str, dict[int, dict[str, int]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(int))
    )
    items: dict[str, int] = defaultdict(int)
    seen: dict[str, set[str]] = defaultdict(set)
    without_amount = 0
    for entry in entries:
        if not counted_commitment(entry, verdicts):
            continue
        item = entry.item
        if not item.amount or not item.currency:
            without_amount += 1
            continue
        year = verdicts[entry.key].year
        sums[item.currency][year][str(item.category)] += item.amount
        items[item.currency] += 1
        seen[item.currency].add(str(item.category))
    charts = []
    for currency in sorted(sums):
        series = [str(c) for c in Category if str(c) in seen[currency]]
        bars = _filled(sums[currency], series, Period.YEAR)
        charts.append(AidChart(currency, series, bars, items[currency]))
    return AidCharts(charts, without_amount)


def nice_unit(largest: int, room: int) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50, ... such that `largest` takes at most `room`
    blocks at that many per block (a part of a block counts as a block)."""
    room = max(room, 1)
    unit, steps = 1, (2, 5 / 2, 2)  # 1 -> 2 -> 5 -> 10 -> 20 ...
    step = 0
    while -(-largest // unit) > room:
        unit = int(unit * steps[step % 3])
        step += 1
    return unit


def blocks(value: int, unit: int) -> int:
    """How many blocks `value` takes at `unit` per block: a part of a block is a block, so no
    period with something in it looks empty."""
    return -(-value // unit)
