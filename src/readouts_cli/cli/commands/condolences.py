"""`readouts condolences`: who expressed sympathy to whom, for what, and where it is said."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated

import typer

from ..options import FilterOptions, FormatOpt, with_filters
from ..output import Format

if TYPE_CHECKING:
    from rich.text import Text

    from ...ledger import Sympathy

CSV_COLUMNS = ("id", "date", "by", "to", "about", "point", "cite", "cameo")


@with_filters
def run(
    ctx: typer.Context,
    filters: FilterOptions,
    by: Annotated[
        str | None,
        typer.Option("--by", metavar="WHO", help="Expressed by this person, country or group."),
    ] = None,
    recipient: Annotated[
        str | None,
        typer.Option(
            "--recipient",
            metavar="WHO",
            help="Addressed to this person, country or group (--to is the date filter).",
        ),
    ] = None,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """List condolences and expressions of sympathy, oldest first.

    Example: readouts condolences --by Zelenskyy
    """
    from ...filters import Filters, latest
    from ...ledger import CONDOLENCE_CAMEO
    from ..context import load, open_roster, party_choice, say
    from ..output import emit
    from ..values import citation

    store = load(ctx)
    roster = open_roster(ctx)
    chosen = filters.filters(ctx, store, limit=False)
    by_test = roster.party(by) if by else None
    to_test = roster.party(recipient) if recipient else None
    every = store.condolences()
    party_choice("'--by'", by, by_test, {s.item.by for s in every})
    party_choice("'--recipient'", recipient, to_test, {s.item.to for s in every})
    ids = None if chosen == Filters() else store.ids(chosen)
    items = latest(
        [
            s
            for s in every
            if (ids is None or s.id in ids)
            and (by_test is None or by_test(s.item.by))
            and (to_test is None or to_test(s.item.to))
        ],
        filters.limit,
    )
    if not items:
        say("no condolences match")
        if fmt is Format.TABLE:
            return

    def table() -> None:
        from ..output import print_lines, width

        print_lines(condolence_lines(items, width()))

    def document() -> list[dict[str, object]]:
        return [
            {
                "id": s.id,
                "date": s.date.isoformat(),
                **s.item.model_dump(mode="json"),
                "account": s.label,
                "cite": citation(s.id, s.item.point, s.label),
                "cameo": CONDOLENCE_CAMEO,
            }
            for s in items
        ]

    def csv_rows() -> tuple[tuple[str, ...], list[list[object]]]:
        return CSV_COLUMNS, [
            [
                s.id,
                s.date,
                s.item.by,
                s.item.to,
                s.item.about,
                s.item.point,
                citation(s.id, s.item.point, s.label),
                CONDOLENCE_CAMEO,
            ]
            for s in items
        ]

    emit(fmt, table=table, json_document=document, csv_rows=csv_rows)


def condolence_lines(items: Sequence[Sympathy], width: int) -> list[Text]:
    """Each condolence under its citation: who to whom on the citation's line (names are never
    cut: a line too narrow for both gives the parties a line of their own), then what about,
    wrapped."""
    from rich.text import Text

    from ...ledger import parties
    from ..cells import heading, wrap
    from ..values import citation

    prose = min(width, 100)
    lines: list[Text] = []
    for told in items:
        condolence = told.item
        cite = citation(told.id, condolence.point, told.label)
        who = parties(condolence.by, condolence.to)
        line = heading(cite)
        if line.cell_len + 2 + len(who) <= width:
            line.append("  " + who)
            lines.append(line)
        else:
            lines.append(line)
            if len(who) + 2 <= width:
                lines.append(Text("  " + who))
            else:  # one party a line, so no name is broken between lines
                lines += [Text(f"  {condolence.by} →"), Text(f"  {condolence.to}")]
        lines.extend(Text("    ") + part for part in wrap(condolence.about, prose - 4))
    return lines
