"""`readouts people`: everyone in the corpus, with how often and with whom they met."""

from __future__ import annotations

import typer

from ..options import FilterOptions, FormatOpt, with_filters
from ..render import Format

CSV_COLUMNS = ("id", "name", "country", "title", "meetings", "first", "last", "counterparts")


@with_filters
def run(
    ctx: typer.Context,
    filters: FilterOptions,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """List everyone who took part in the meetings, most meetings first.

    Filters choose the meetings counted. Example: readouts people --from 2022 --country JP
    """
    from ..edge import load, open_roster, say
    from ..render import emit, print_table
    from ..roster import people_rows

    store = load(ctx)
    chosen = filters.filters(ctx, store, limit=False)
    rows = people_rows(store.select(chosen), open_roster(ctx))
    if filters.limit is not None:
        rows = rows[: filters.limit]  # on `people`, -n keeps the N people with the most meetings
    if not rows:
        say("no people match")
        if fmt is Format.TABLE:
            return

    def table() -> None:
        print_table(
            ("Name", "Country", "Latest title", "Meetings", "First – last", "Met most"),
            [
                (
                    r.who.name,
                    r.country or "",
                    r.title or "",
                    str(r.meetings),
                    # One column that folds at the dash when space is short.
                    f"{r.first} – {r.last}",
                    ", ".join(r.top_counterparts()),
                )
                for r in rows
            ],
            no_wrap=("Country", "Meetings"),
            # In a narrow terminal (or 80 columns when piped) names and dates fold rather
            # than the title and counterparts shrinking to a few letters a line.
            min_widths={"Name": 10, "Latest title": 12, "First – last": 12, "Met most": 12},
        )

    def document() -> list[dict[str, object]]:
        return [
            {
                "id": r.who.person.id if r.who.person else None,
                "name": r.who.name,
                "country": r.country,
                "title": r.title,
                "meetings": r.meetings,
                "first": r.first.isoformat() if r.first else None,
                "last": r.last.isoformat() if r.last else None,
                "counterparts": [
                    {"name": name, "meetings": n}
                    for name, n in sorted(r.counterparts.items(), key=lambda kv: (-kv[1], kv[0]))
                ],
            }
            for r in rows
        ]

    def csv_rows() -> tuple[tuple[str, ...], list[list[object]]]:
        return CSV_COLUMNS, [
            [
                r.who.person.id if r.who.person else "",
                r.who.name,
                r.country,
                r.title,
                r.meetings,
                r.first,
                r.last,
                "; ".join(r.top_counterparts()),
            ]
            for r in rows
        ]

    emit(fmt, table=table, json_document=document, csv_rows=csv_rows)
