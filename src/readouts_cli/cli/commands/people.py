"""`readouts people`: everyone in the corpus, with how often and with whom they met."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import typer

from ..options import FilterOptions, FormatOpt, with_filters
from ..output import Format

if TYPE_CHECKING:
    from rich.text import Text

    from ...people.matching import Roster
    from ...people.summaries import PersonRow

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
    from ..context import load, open_roster, say
    from ..output import emit

    store = load(ctx)
    chosen = filters.filters(ctx, store, limit=False)
    roster = open_roster(ctx)
    # On `people`, -n keeps the N people with the most meetings.
    rows = store.people(chosen, roster, filters.limit)
    if not rows:
        say("no people match")
        if fmt is Format.TABLE:
            return

    def table() -> None:
        from ..output import print_lines, width

        print_lines(people_lines(rows, roster, width()))

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
                # Every counterpart, as in the JSON: "name (meetings)", most met first.
                "; ".join(
                    f"{name} ({n})"
                    for name, n in sorted(r.counterparts.items(), key=lambda kv: (-kv[1], kv[0]))
                ),
            ]
            for r in rows
        ]

    emit(fmt, table=table, json_document=document, csv_rows=csv_rows)


def people_lines(rows: Sequence[PersonRow], roster: Roster, width: int) -> list[Text]:
    """One line per person: name, country, meetings, first and last, the counterparts met
    most (family names, fewer of them where room is short), and the latest title, cut."""
    from ..cells import Column, render_rows

    def met(row: PersonRow, n: int) -> str:
        return ", ".join(roster.surname(name) for name in row.top_counterparts(n))

    met_most = Column("MET MOST", [met(r, 3) for r in rows], priority=3)
    met_most.alternative = Column("MET MOST", [met(r, 2) for r in rows])
    met_most.alternative.alternative = Column("MET MOST", [met(r, 1) for r in rows])
    return render_rows(
        [
            Column("NAME", [r.who.name for r in rows], priority=0),
            Column("CC", [r.country or "" for r in rows], priority=1),
            Column("MEETINGS", [str(r.meetings) for r in rows], priority=1, align_right=True),
            Column("FIRST", [str(r.first or "") for r in rows], priority=2),
            Column("LAST", [str(r.last or "") for r in rows], priority=2),
            met_most,
            Column("LATEST TITLE", [r.title or "" for r in rows], priority=4, elastic=True),
        ],
        width,
    )
