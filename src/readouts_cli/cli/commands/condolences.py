"""`readouts condolences`: who expressed sympathy to whom, for what, and where it is said."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated

import typer

from ..options import FilterOptions, FormatOpt, with_filters
from ..output import Format

if TYPE_CHECKING:
    from rich.text import Text

    from ...corpus import Record
    from ...model import Condolence

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
    from ...filters import latest
    from ...ledger import CONDOLENCE_CAMEO
    from ..context import load, open_roster, party_choice, say
    from ..output import emit
    from ..values import citation

    store = load(ctx)
    roster = open_roster(ctx)
    chosen = filters.filters(ctx, store, limit=False)
    by_test = roster.party(by) if by else None
    to_test = roster.party(recipient) if recipient else None
    everything = store.having("condolences")
    told = [(r, label, c) for r in everything for label, c in _condolences(r)]
    every = [c for _, _, c in told]
    party_choice("'--by'", by, by_test, {c.by for c in every})
    party_choice("'--recipient'", recipient, to_test, {c.to for c in every})
    items = [
        (record, label, item)
        for record, label, item in told
        if chosen.matches(record.meeting)
        and (by_test is None or by_test(item.by))
        and (to_test is None or to_test(item.to))
    ]
    items = latest(items, filters.limit)
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
                "id": r.id,
                "date": r.meeting.date.isoformat(),
                **c.model_dump(mode="json"),
                "account": a,
                "cite": citation(r, c.point, a),
                "cameo": CONDOLENCE_CAMEO,
            }
            for r, a, c in items
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
                citation(r, c.point, a),
                CONDOLENCE_CAMEO,
            ]
            for r, a, c in items
        ]

    emit(fmt, table=table, json_document=document, csv_rows=csv_rows)


def _condolences(record: Record) -> list[tuple[str | None, Condolence]]:
    """A meeting's condolences, every account's, with the account's publisher where the
    meeting has several (each account's statement is cited on its own)."""
    return [
        (account.cite, item) for account in record.meeting.told() for item in account.condolences
    ]


def condolence_lines(
    items: Sequence[tuple[Record, str | None, Condolence]], width: int
) -> list[Text]:
    """Each condolence under its citation: who to whom on the citation's line (names are never
    cut: a line too narrow for both gives the parties a line of their own), then what about,
    wrapped."""
    from rich.text import Text

    from ...ledger import parties
    from ..cells import heading, wrap
    from ..values import citation

    prose = min(width, 100)
    lines: list[Text] = []
    for record, account, condolence in items:
        cite = citation(record, condolence.point, account)
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
