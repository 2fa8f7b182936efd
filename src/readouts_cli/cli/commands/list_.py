"""`readouts list`: the timeline of meetings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import typer

from ..options import FilterOptions, FormatOpt, with_filters
from ..output import Format

if TYPE_CHECKING:
    from ...corpus import Record
    from ...people.matching import Roster
    from ...store import Glance
    from ..cells import Line

COLUMNS = (
    "id",
    "date",
    "time",
    "timezone",
    "jst",
    "duration_minutes",
    "kind",
    "level",
    "place",
    "participants",
    "title",
    "source",
    "see_also",
    "publisher",
    "tags",
    "summary",
    "accounts",
)


@with_filters
def run(
    ctx: typer.Context,
    filters: FilterOptions,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """List meetings in chronological order.

    Example: readouts list --from 2024 --person Zelenskyy
    """
    from ..context import load, say
    from ..output import emit
    from ..values import record_document

    store = load(ctx)
    chosen = filters.filters(ctx, store)
    if fmt is Format.TABLE:
        # The timeline prints a few fields of each meeting: no record is built for it.
        glances = store.glances(chosen)
        if not glances:
            say("no meetings match")
            return
        from ..context import open_roster
        from ..output import print_lines, width

        print_lines(timeline(glances, open_roster(ctx, needed=False), width()))
        return
    records = store.select(chosen)
    if not records:
        say("no meetings match")

    def csv_rows() -> tuple[tuple[str, ...], list[list[object]]]:
        return COLUMNS, [csv_row(r) for r in records]

    emit(
        fmt,
        table=lambda: None,
        json_document=lambda: [record_document(r) for r in records],
        csv_rows=csv_rows,
    )


def csv_row(record: Record) -> list[object]:
    """Every scalar field of a record, lists joined with "; " (a spreadsheet's cells)."""
    from ..values import jst_iso, local_time, participant_names

    m = record.meeting
    return [
        record.id,
        m.date,
        local_time(m),
        m.timezone,
        jst_iso(m),
        m.duration_minutes,
        m.kind,
        m.level,
        m.place,
        participant_names(m, countries=True, separator="; "),
        m.title,
        m.source,
        "; ".join(m.see_also),
        m.publisher,
        "; ".join(m.tags),
        m.summary,
        len(m.accounts) + 1,
    ]


def timeline(meetings: Sequence[Glance], roster: Roster, width: int) -> list[Line]:
    """One line per meeting, fitted to `width`: the id (it starts with the date), the local
    time and Japan time, the principals by family name, the kind and the title, cut.

    The least important columns give way first at narrow widths: the kind is shortened, then
    dropped, then the principals (the id names them too), and the title is cut; the id and
    the times are never cut. Where a meeting shown has several accounts, `ACC` says how many.
    """
    from ..cells import Column, kind_column, table_lines, title_column
    from ..values import jst_time, local_time, principals

    def names(meeting: Glance) -> str:
        shown = [roster.surname(name) for name in principals(meeting)]
        return ", ".join(shown[:3]) + (f" +{len(shown) - 3}" if len(shown) > 3 else "")

    kinds = [m.kind for m in meetings]
    titles = [m.title for m in meetings]
    accounts = [m.accounts for m in meetings]
    several = max(accounts, default=1) > 1
    columns = [
        Column("ID", [m.id for m in meetings], priority=0, overflow=True),
        Column("LOCAL", [local_time(m) for m in meetings], priority=1),
        Column("JST", [jst_time(m) for m in meetings], priority=2),
        kind_column(kinds, priority=5),
        Column("WITH", [names(m) for m in meetings], priority=4),
        # The ACC column's five cells come out of the title's room, so it shows at 80 columns.
        title_column(titles, priority=3, min_width=25 if several else 30),
    ]
    if several:
        # How many accounts a meeting has, where any shown has more than one (blank for one).
        cells = [str(n) if n > 1 else "" for n in accounts]
        columns.insert(3, Column("ACC", cells, priority=2, align_right=True))
    return table_lines(columns, width)
