"""`readouts tags`: the tags in use, with how many meetings have each."""

from __future__ import annotations

import typer

from ..options import FilterOptions, FormatOpt, with_filters
from ..output import Format

CSV_COLUMNS = ("tag", "meetings")


@with_filters
def run(
    ctx: typer.Context,
    filters: FilterOptions,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """List the tags in use, most used first, with how many meetings have each.

    Filters choose the meetings counted. Example: readouts tags --from 2024
    """
    from ..cells import Column, render_rows
    from ..context import load, say
    from ..output import emit, print_lines, width

    store = load(ctx)
    counts = store.tag_counts(filters.filters(ctx, store))
    if not counts:
        say("no tags in the meetings that match")
        if fmt is Format.TABLE:
            return
    emit(
        fmt,
        table=lambda: print_lines(
            render_rows(
                [
                    Column("MEETINGS", [str(n) for _, n in counts], align_right=True),
                    Column("TAG", [tag for tag, _ in counts]),
                ],
                width(),
            )
        ),
        json_document=lambda: [{"tag": tag, "meetings": n} for tag, n in counts],
        csv_rows=lambda: (CSV_COLUMNS, [[tag, n] for tag, n in counts]),
    )
