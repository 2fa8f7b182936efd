"""`readouts list`: the timeline of meetings."""

from __future__ import annotations

import typer

from ..options import FilterOptions, FormatOpt, with_filters
from ..render import Format

COLUMNS = ("id", "date", "time", "timezone", "jst", "kind", "level", "participants", "title")


@with_filters
def run(
    ctx: typer.Context,
    filters: FilterOptions,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """List meetings in chronological order.

    Example: readouts list --from 2024 --person Zelenskyy
    """
    from ..edge import load, say
    from ..render import emit, print_table
    from ..views import jst_iso, jst_time, local_time, participant_names, record_document

    store = load(ctx)
    chosen = filters.filters(ctx, store)
    records = store.select(chosen)
    if not records:
        say("no meetings match")
        if fmt is Format.TABLE:
            return

    def table() -> None:
        print_table(
            ("Date", "Local", "JST", "Kind", "Participants", "Title"),
            [
                (
                    str(r.meeting.date),
                    local_time(r.meeting),
                    jst_time(r.meeting),
                    r.meeting.kind,
                    participant_names(r.meeting),
                    r.meeting.title,
                )
                for r in records
            ],
        )

    def csv_rows() -> tuple[tuple[str, ...], list[list[str | None]]]:
        rows = []
        for r in records:
            m = r.meeting
            rows.append(
                [
                    r.id,
                    str(m.date),
                    local_time(m),
                    m.timezone or "",
                    jst_iso(m),
                    str(m.kind),
                    str(m.level or ""),
                    participant_names(m, countries=True),
                    m.title,
                ]
            )
        return COLUMNS, rows

    emit(
        fmt,
        table=table,
        json_document=lambda: [record_document(r) for r in records],
        csv_rows=csv_rows,
    )
