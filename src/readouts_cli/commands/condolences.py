"""`readouts condolences`: who expressed sympathy to whom, for what, and where it is said."""

from __future__ import annotations

from typing import Annotated

import typer

from ..options import FilterOptions, FormatOpt, with_filters
from ..render import Format

CSV_COLUMNS = ("id", "date", "by", "to", "about", "point", "cite", "cameo")


@with_filters
def run(
    ctx: typer.Context,
    filters: FilterOptions,
    by: Annotated[
        str | None, typer.Option("--by", help="Expressed by this person, country or group.")
    ] = None,
    recipient: Annotated[
        str | None,
        typer.Option(
            "--recipient",
            help="Addressed to this person, country or group (--to is the date filter).",
        ),
    ] = None,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """List condolences and expressions of sympathy, oldest first.

    Example: readouts condolences --by Zelenskyy
    """
    from ..edge import load, open_roster, say
    from ..filters import latest
    from ..ledger import CONDOLENCE_CAMEO, parties
    from ..render import emit, print_table
    from ..views import citation

    store = load(ctx)
    roster = open_roster(ctx)
    chosen = filters.filters(ctx, store, limit=False)
    by_test = roster.party(by) if by else None
    to_test = roster.party(recipient) if recipient else None
    items = [
        (record, item)
        for record in store.select(chosen)
        for item in record.meeting.condolences
        if (by_test is None or by_test(item.by)) and (to_test is None or to_test(item.to))
    ]
    items = latest(items, filters.limit)
    if not items:
        say("no condolences match")
        if fmt is Format.TABLE:
            return

    def table() -> None:
        print_table(
            ("Date", "By → to", "About", "Where"),
            [
                (str(r.meeting.date), parties(c.by, c.to), c.about, citation(r, c.point))
                for r, c in items
            ],
            no_wrap=("Date",),
            min_widths={"About": 20},
        )

    def document() -> list[dict[str, object]]:
        return [
            {
                "id": r.id,
                "date": r.meeting.date.isoformat(),
                **c.model_dump(mode="json"),
                "cite": citation(r, c.point),
                "cameo": CONDOLENCE_CAMEO,
            }
            for r, c in items
        ]

    def csv_rows() -> tuple[tuple[str, ...], list[list[object]]]:
        return CSV_COLUMNS, [
            [
                r.id,
                r.meeting.date,
                c.by,
                c.to,
                c.about,
                c.point,
                citation(r, c.point),
                CONDOLENCE_CAMEO,
            ]
            for r, c in items
        ]

    emit(fmt, table=table, json_document=document, csv_rows=csv_rows)
