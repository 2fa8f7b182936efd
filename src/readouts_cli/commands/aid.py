"""`readouts aid`: the aid ledger: what, how much, by which channel, with totals."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..options import FilterOptions, FormatOpt, with_filters
from ..render import Format
from ..vocab import Category, GroupBy, Status

if TYPE_CHECKING:
    from ..ledger import Entry, Total

CSV_COLUMNS = (
    "id",
    "date",
    "donor",
    "recipient",
    "what",
    "category",
    "amount",
    "currency",
    "status",
    "channel",
    "point",
    "cite",
    "cameo",
)


@with_filters
def run(
    ctx: typer.Context,
    filters: FilterOptions,
    by: Annotated[
        GroupBy, typer.Option("--by", help="Group the totals by this.", case_sensitive=False)
    ] = GroupBy.YEAR,
    category: Annotated[
        Category | None,
        typer.Option("--category", help="Only aid of this category.", case_sensitive=False),
    ] = None,
    status: Annotated[
        Status | None,
        typer.Option("--status", help="Only aid with this status.", case_sensitive=False),
    ] = None,
    donor: Annotated[
        str | None, typer.Option("--donor", help="Only aid from this country or person.")
    ] = None,
    recipient: Annotated[
        str | None, typer.Option("--recipient", help="Only aid to this country or group.")
    ] = None,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """List aid announced, pledged, delivered or mentioned, with totals per currency.

    Amounts in different currencies are never added; items without an amount are counted.
    Example: readouts aid --from 2022 --by category
    """
    from ..edge import load, open_roster, say
    from ..filters import latest
    from ..ledger import Entry, totals

    store = load(ctx)
    roster = open_roster(ctx)
    chosen = filters.filters(ctx, store, limit=False)
    donor_test = roster.party(donor) if donor else None
    recipient_test = roster.party(recipient) if recipient else None
    entries = latest(
        [
            Entry(record, item)
            for record in store.select(chosen)
            for item in record.meeting.aid
            if (category is None or item.category == category)
            and (status is None or item.status == status)
            and (donor_test is None or donor_test(item.donor))
            and (recipient_test is None or (item.recipient and recipient_test(item.recipient)))
        ],
        filters.limit,
    )
    if not entries:
        say("no aid matches")
        if fmt is Format.TABLE:
            return
    sums = totals(entries, by)
    from ..render import emit

    emit(
        fmt,
        table=lambda: print_ledger(entries, sums, by),
        json_document=lambda: ledger_document(entries, sums, by),
        csv_rows=lambda: (CSV_COLUMNS, [entry_row(e) for e in entries]),
    )


def print_ledger(entries: list[Entry], sums: list[Total], by: GroupBy) -> None:
    from ..ledger import amount_text, format_amount, parties
    from ..render import console, print_table
    from ..views import citation

    print_table(
        ("Date", "From → to", "Amount", "What", "Where"),
        [
            (
                str(e.record.meeting.date),
                parties(e.item.donor, e.item.recipient),
                amount_text(e.item),
                "\n".join(
                    [
                        e.item.what,
                        f"{e.item.category}, {e.item.status}"
                        + (f", via {e.item.channel}" if e.item.channel else ""),
                    ]
                ),
                citation(e.record, e.item.point),
            )
            for e in entries
        ],
        no_wrap=("Date", "Amount"),
        min_widths={"What": 24},
    )
    console().print()
    print_table(
        (by.value.capitalize(), "Currency", "Items", "Total"),
        [
            (
                t.group,
                t.currency or "—",
                str(t.items),
                format_amount(t.amount, t.currency)
                if t.amount is not None and t.currency
                else "no amount: counted, not summed",
            )
            for t in sums
        ],
        no_wrap=(by.value.capitalize(), "Currency", "Items", "Total"),
    )


def entry_row(entry: Entry) -> list[object]:
    from ..ledger import aid_cameo
    from ..views import citation

    item = entry.item
    return [
        entry.record.id,
        entry.record.meeting.date,
        item.donor,
        item.recipient,
        item.what,
        item.category,
        item.amount,
        item.currency,
        item.status,
        item.channel,
        item.point,
        citation(entry.record, item.point),
        aid_cameo(item),
    ]


def ledger_document(entries: list[Entry], sums: list[Total], by: GroupBy) -> dict[str, Any]:
    return {
        "items": [dict(zip(CSV_COLUMNS, _plain(entry_row(e)), strict=True)) for e in entries],
        "totals": {
            "by": by.value,
            "groups": [
                {"group": t.group, "currency": t.currency, "items": t.items, "amount": t.amount}
                for t in sums
            ],
        },
    }


def _plain(row: list[object]) -> list[object]:
    import datetime as dt

    return [
        v.isoformat() if isinstance(v, dt.date) else (str(v) if isinstance(v, str) else v)
        for v in row
    ]
