"""The numbers behind the charts: periods, gaps, series, scales, and aid on the ledger's rules."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import REPO
from readouts_cli.charts import (
    ALL,
    Period,
    Split,
    aid_charts,
    blocks,
    meeting_chart,
    nice_unit,
    period_of,
)
from readouts_cli.corpus import load_corpus
from readouts_cli.ledger import COMMITTED, count, entries_of, totals
from readouts_cli.store import Kinds
from readouts_cli.vocab import GroupBy

SHIPPED = load_corpus(REPO / "data").records
# The meetings as a chart counts them (Store.kinds).
MEETINGS = [
    Kinds(r.meeting.date, str(r.meeting.kind), str(r.meeting.level) if r.meeting.level else None)
    for r in SHIPPED
]


@pytest.mark.parametrize(
    ("by", "label"),
    [(Period.YEAR, "2022"), (Period.QUARTER, "2022-Q1"), (Period.MONTH, "2022-02")],
)
def test_a_day_falls_in_its_period(by: Period, label: str) -> None:
    assert period_of(dt.date(2022, 2, 24), by) == label


def test_quarters_run_without_gaps_and_bound_each_quarter() -> None:
    chart = meeting_chart(MEETINGS, Period.QUARTER, Split.NONE)
    first, last = chart.bars[0], chart.bars[-1]
    assert first.period == "2014-Q2" and last.period == "2025-Q4"
    assert len(chart.bars) == 12 * 4 - 1
    for before, after in zip(chart.bars, chart.bars[1:], strict=False):
        assert after.start == before.end + dt.timedelta(days=1)
    assert chart.bars[4 * 8 - 1].start == dt.date(2022, 1, 1)
    assert chart.bars[4 * 8 - 1].end == dt.date(2022, 3, 31)


def test_every_meeting_is_counted_once_in_every_split() -> None:
    for split in Split:
        chart = meeting_chart(MEETINGS, Period.MONTH, split)
        assert chart.total == len(SHIPPED)
    assert meeting_chart(MEETINGS, Period.YEAR, Split.NONE).series == [ALL]


def test_the_invasion_year_stands_out() -> None:
    years = {bar.period: bar.total for bar in meeting_chart(MEETINGS, Period.YEAR, Split.NONE).bars}
    assert years["2022"] > 3 * years["2021"]


def test_level_series_keep_the_vocabulary_order() -> None:
    chart = meeting_chart(MEETINGS, Period.YEAR, Split.LEVEL)
    assert chart.series[:2] == ["summit", "ministerial"]


def test_months_end_on_their_last_day() -> None:
    chart = meeting_chart(MEETINGS, Period.MONTH, Split.NONE)
    february = next(bar for bar in chart.bars if bar.period == "2024-02")
    assert february.end == dt.date(2024, 2, 29)


@pytest.mark.parametrize(
    ("largest", "room", "unit"),
    [(19, 70, 1), (71, 70, 2), (140, 70, 2), (141, 70, 5), (700, 70, 10), (1, 0, 1)],
)
def test_the_scale_is_the_smallest_nice_unit_that_fits(largest: int, room: int, unit: int) -> None:
    assert nice_unit(largest, room) == unit
    assert blocks(largest, unit) <= max(room, 1)


def test_aid_charts_add_up_to_the_ledgers_committed_totals() -> None:
    entries = entries_of(SHIPPED)
    verdicts = count(entries)
    charts = aid_charts(entries, verdicts)
    expected = {
        (t.group, t.currency): t.amount
        for t in totals(entries, verdicts, GroupBy.YEAR)
        if t.flow == COMMITTED and t.currency and t.group != "all"
    }
    charted = {
        (str(bar.start.year), chart.currency): bar.total
        for chart in charts.charts
        for bar in chart.bars
        if bar.total
    }
    assert charted == expected
    assert [chart.currency for chart in charts.charts] == ["JPY", "USD"]
    no_amount = sum(
        t.items
        for t in totals(entries, verdicts, GroupBy.YEAR)
        if t.flow == COMMITTED and t.currency is None and t.group == "all"
    )
    assert charts.without_amount == no_amount


def test_no_records_no_bars() -> None:
    assert meeting_chart([], Period.YEAR, Split.KIND).bars == []
    assert aid_charts([], {}).charts == []
