"""`readouts timeline`: meetings (or aid commitments) over time, as a bar chart in the terminal.

The numbers come from the core (`charts`); this module draws them: one line per period, the
label left, the bar, then the number. Split bars are stacked segments of distinct characters
with a legend, so they read in plain text; colour, at a terminal, only repeats them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ...vocab import Period, Split
from ..options import FilterOptions, FormatOpt, with_filters
from ..output import Format

if TYPE_CHECKING:
    from rich.text import Text

    from ...charts import AidCharts, Bar, MeetingChart

# The characters of a stacked bar's segments, darkest first, and their colours at a terminal.
MARKS = ("█", "▓", "▒", "░", "▚", "=", "+", ":")
COLOURS = ("blue", "green", "yellow", "magenta", "cyan", "red", "bright_blue", "bright_green")
# A run of more empty periods than this is one marker row rather than that many empty rows.
MAX_EMPTY_ROWS = 3

MEETING_COLUMNS = ("period", "start", "end", "split", "series", "meetings")
AID_COLUMNS = ("currency", "year", "category", "amount")


@with_filters
def run(
    ctx: typer.Context,
    filters: FilterOptions,
    by: Annotated[
        Period,
        typer.Option(
            "--by",
            metavar="PERIOD",
            help="One bar per month, quarter or year (with --aid: always year).",
            case_sensitive=False,
        ),
    ] = Period.YEAR,
    split: Annotated[
        Split,
        typer.Option(
            "--split",
            metavar="SPLIT",
            help="Split each bar by level, kind or none.",
            case_sensitive=False,
        ),
    ] = Split.NONE,
    aid: Annotated[
        bool,
        typer.Option(
            "--aid",
            help="Chart aid commitments per year and category instead, one chart per "
            "currency, counted as `readouts aid` counts them.",
        ),
    ] = False,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Chart meetings over time: one bar per year, quarter or month.

    Bars can be split by level or kind; empty periods show as empty rows (a long run of them
    as one marker row). With --aid, the counted aid commitments per year, one chart per
    currency. --format json|csv give the numbers behind the chart.
    Example: readouts timeline --by quarter --from 2021 --split level
    """
    from ...charts import aid_charts, meeting_chart
    from ..context import load, say
    from ..output import emit

    store = load(ctx)
    chosen = filters.filters(ctx, store)
    if aid:
        from ...filters import Filters
        from ...ledger import count

        # Packages are judged on the whole corpus, as in `readouts aid`.
        every = store.aid()
        verdicts = count(every)
        # A limit counts meetings, with aid or not, as everywhere else.
        ids = None if chosen == Filters() else store.ids(chosen)
        charts = aid_charts([e for e in every if ids is None or e.id in ids], verdicts)
        if not charts.charts:
            say("no counted aid commitments with an amount match")
            if fmt is Format.TABLE:
                return
        emit(
            fmt,
            table=lambda: _print(lambda width: aid_lines(charts, width)),
            json_document=lambda: [
                dict(zip(AID_COLUMNS, row, strict=True)) for row in aid_rows(charts)
            ],
            csv_rows=lambda: (AID_COLUMNS, aid_rows(charts)),
        )
        return
    chart = meeting_chart(store.kinds(chosen), by, split)
    if not chart.bars:
        say("no meetings match")
        if fmt is Format.TABLE:
            return
    emit(
        fmt,
        table=lambda: _print(lambda width: meeting_lines(chart, width)),
        json_document=lambda: [
            dict(zip(MEETING_COLUMNS, row, strict=True)) for row in meeting_rows(chart)
        ],
        csv_rows=lambda: (MEETING_COLUMNS, meeting_rows(chart)),
    )


def _print(lines: Callable[[int], list[Text]]) -> None:
    from ..output import print_lines, width

    print_lines(lines(width()))


def meeting_rows(chart: MeetingChart) -> list[list[Any]]:
    """One row per period and series, zeros included, so every period is there."""
    return [
        [bar.period, bar.start.isoformat(), bar.end.isoformat(), chart.split.value, name, count]
        for bar in chart.bars
        for name, count in bar.values.items()
    ]


def aid_rows(charts: AidCharts) -> list[list[Any]]:
    return [
        [chart.currency, bar.start.year, name, amount]
        for chart in charts.charts
        for bar in chart.bars
        for name, amount in bar.values.items()
    ]


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}"


def meeting_lines(chart: MeetingChart, width: int) -> list[Text]:
    """The chart of meetings for people, no line wider than `width`."""
    from ..cells import heading, wrap

    noun = chart.by.value
    first, last = chart.bars[0].period, chart.bars[-1].period
    span = first if first == last else f"{first} – {last}"
    lines = wrap(heading(f"Meetings per {noun}, {span}: {_plural(chart.total, 'meeting')}"), width)
    if chart.split is not Split.NONE:
        lines += legend(chart.series, width)
    lines += bar_lines(
        chart.bars,
        chart.series,
        width,
        header=noun.upper(),
        number=str,
        empty_noun=f"{noun}s without meetings",
        unit_text=lambda unit: (
            f"meetings: each {MARKS[0]} = {_plural(unit, 'meeting')}"
            + (", a part of one counts as one" if unit > 1 else "")
        ),
    )
    return lines


def aid_lines(charts: AidCharts, width: int) -> list[Text]:
    """One chart per currency of the counted commitments, then what the charts leave out."""
    from rich.text import Text

    from ..cells import heading, wrap

    lines: list[Text] = []
    for chart in charts.charts:
        if lines:
            lines.append(Text())
        lines += wrap(
            heading(
                f"Aid committed per year in {chart.currency}: "
                f"{_money(chart.total, chart.currency)} in "
                f"{_plural(chart.items, 'counted commitment')}"
            ),
            width,
        )
        lines += legend(chart.series, width)
        lines += bar_lines(
            chart.bars,
            chart.series,
            width,
            header="YEAR",
            number=functools.partial(_money, currency=chart.currency),
            empty_noun="years without commitments",
            unit_text=functools.partial(_money_unit, currency=chart.currency),
        )
    notes = (
        "Each commitment (package) counted once, at its latest figure, in the year it was "
        "first stated, as in `readouts aid`; deliveries, mentions and stated running totals "
        "are left out, and currencies are never added together."
    )
    if charts.without_amount:
        notes += (
            f" Not charted: {_plural(charts.without_amount, 'counted commitment')} "
            "without an amount."
        )
    lines.append(Text())
    lines += wrap(notes, min(width, 100))
    return lines


def _money(value: int, currency: str) -> str:
    from ...ledger import format_amount

    return format_amount(value, currency)


def _money_unit(unit: int, currency: str) -> str:
    return f"amount: each {MARKS[0]} = {_money(unit, currency)}, a part of one counts as one"


def legend(series: Sequence[str], width: int) -> list[Text]:
    """The marks and their series, as many to a line as fit, never split."""
    from rich.text import Text

    lines: list[Text] = []
    line = Text()
    for i, name in enumerate(series):
        entry = Text(MARKS[i % len(MARKS)], style=COLOURS[i % len(COLOURS)]) + Text(f" {name}")
        if line.cell_len and line.cell_len + 2 + entry.cell_len > width:
            lines.append(line)
            line = Text()
        line = line + Text("  ") + entry if line.cell_len else entry
    if line.cell_len:
        lines.append(line)
    return lines


def bar_lines(
    bars: Sequence[Bar],
    series: Sequence[str],
    width: int,
    *,
    header: str,
    number: Callable[[int], str],
    empty_noun: str,
    unit_text: Callable[[int], str],
) -> list[Text]:
    """Horizontal bars, one line per period: label, stacked segments, the number; under them
    the scale (ticks and their values) and what one block is worth."""
    from rich.text import Text

    from ...charts import nice_unit
    from ..cells import cut, wrap

    label_width = max(len(header), *(len(bar.period) for bar in bars))
    numbers = [number(bar.total) for bar in bars]
    room = width - label_width - 2 - 1 - max(len(n) for n in numbers)
    largest = max(bar.total for bar in bars)
    unit = nice_unit(largest, room)
    lines = [Text(""), Text(header)]
    for run in _runs(bars):
        if len(run) > MAX_EMPTY_ROWS:
            lines.append(
                cut(
                    Text("⋮".ljust(label_width + 2))
                    + Text(f"{len(run)} {empty_noun}, {run[0].period} – {run[-1].period}"),
                    width,
                )
            )
            continue
        for bar in run:
            lines.append(_bar_line(bar, series, unit, label_width, number(bar.total)))
    lines += _scale(largest, unit, label_width, width, number)
    indent = Text(" " * (label_width + 1))
    lines += [indent + part for part in wrap(unit_text(unit), max(width - indent.cell_len, 1))]
    return lines


def _runs(bars: Sequence[Bar]) -> list[list[Bar]]:
    """The bars in runs: each empty run on its own, each bar with something on its own."""
    runs: list[list[Bar]] = []
    for bar in bars:
        if not bar.total and runs and runs[-1] and not runs[-1][-1].total:
            runs[-1].append(bar)
        else:
            runs.append([bar])
    return runs


def _bar_line(bar: Bar, series: Sequence[str], unit: int, label_width: int, shown: str) -> Text:
    from rich.text import Text

    if not bar.total:
        return Text(bar.period)
    line = Text(bar.period.ljust(label_width + 2))
    for i, length in enumerate(_segments([bar.values[name] for name in series], unit)):
        if length:
            line.append(MARKS[i % len(MARKS)] * length, style=COLOURS[i % len(COLOURS)])
    line.append(f" {shown}")
    return line


def _segments(values: Sequence[int], unit: int) -> list[int]:
    """How many blocks each segment of a stacked bar gets: every segment with something in it
    at least one (a part of a block is drawn as a block, never dropped), the whole bar as long
    as its total, the largest segments giving way where the small ones were rounded up."""
    from ...charts import blocks

    total = blocks(sum(values), unit)
    lengths = [max(1, blocks(v, unit)) if v else 0 for v in values]
    excess = sum(lengths) - max(total, sum(1 for v in values if v))
    while excess > 0:
        largest = max(range(len(lengths)), key=lambda i: lengths[i])
        if lengths[largest] <= 1:
            break
        lengths[largest] -= 1
        excess -= 1
    return lengths


def _scale(
    largest: int, unit: int, label_width: int, width: int, tick_text: Callable[[int], str]
) -> list[Text]:
    """The axis under the bars: a tick every few blocks, with the value it stands for written
    under it (as wide apart as the longest value needs)."""
    from rich.text import Text

    from ...charts import blocks

    start = label_width + 1  # the column of the axis's corner, before the first block
    room = width - 1 - start
    longest = blocks(largest, unit)
    step = next(
        s
        for s in (5, 10, 20, 50, 100, 200, 500)
        if s > max(len(tick_text(k * s * unit)) for k in range(longest // s + 2)) or s >= room
    )
    length = min(-(-longest // step) * step, room)
    axis = ["└", *("─" * length)]
    labels = [" "] * (room + 1)
    for tick in range(0, length + 1, step):
        if tick:
            axis[tick] = "┴"
        value = tick_text(tick * unit)
        if tick + len(value) <= room + 1:
            labels[tick : tick + len(value)] = value
    return [
        Text(" " * start + "".join(axis)),
        Text((" " * start + "".join(labels)).rstrip()),
    ]
