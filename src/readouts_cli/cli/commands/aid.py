"""`readouts aid`: the aid ledger: what, how much, by which channel, with totals."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ...vocab import Category, GroupBy, Status
from ..options import FilterOptions, FormatOpt, with_filters
from ..output import Format

if TYPE_CHECKING:
    from ...ledger import Entry, StatedTotal, Total, Verdict, Verdicts
    from ..cells import Line

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
    "scope",
    "package",
    "counted",
    "reason",
)


@with_filters
def run(
    ctx: typer.Context,
    filters: FilterOptions,
    by: Annotated[
        GroupBy,
        typer.Option(
            "--by",
            metavar="GROUP",
            help="Group the totals by year, category, donor or status.",
            case_sensitive=False,
        ),
    ] = GroupBy.YEAR,
    category: Annotated[
        Category | None,
        typer.Option(
            "--category",
            metavar="CATEGORY",
            help="Only aid of this category: " + ", ".join(c.value for c in Category) + ".",
            case_sensitive=False,
        ),
    ] = None,
    status: Annotated[
        Status | None,
        typer.Option(
            "--status",
            metavar="STATUS",
            help="Only aid with this status: " + ", ".join(s.value for s in Status) + ".",
            case_sensitive=False,
        ),
    ] = None,
    donor: Annotated[
        str | None,
        typer.Option("--donor", metavar="WHO", help="Only aid from this country or person."),
    ] = None,
    recipient: Annotated[
        str | None,
        typer.Option("--recipient", metavar="WHO", help="Only aid to this country or group."),
    ] = None,
    package: Annotated[
        str | None,
        typer.Option(
            "--package", metavar="KEY", help="Only the statements of this package: its history."
        ),
    ] = None,
    totals_only: Annotated[
        bool,
        typer.Option(
            "--totals",
            help="Only the totals, what they leave out and the stated running totals "
            "(with --format json, an object of its own; see the README).",
        ),
    ] = False,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """List aid announced, pledged, delivered or mentioned, with totals per currency.

    Each commitment (package) is counted once at its latest figure; deliveries apart;
    mentions and stated running totals are listed, never added. Currencies are never mixed.
    Example: readouts aid --from 2022 --by category
    """
    from ...filters import Filters, latest
    from ...ledger import count, left_out, stated_totals, totals
    from ..context import load, open_roster, party_choice, say

    store = load(ctx)
    roster = open_roster(ctx)
    chosen = filters.filters(ctx, store, limit=False)
    donor_test = roster.party(donor) if donor else None
    recipient_test = roster.party(recipient) if recipient else None
    # Packages are judged on the whole corpus, so a filter never makes a repeat look new.
    every = store.aid()
    verdicts = count(every)
    party_choice("'--donor'", donor, donor_test, {e.item.donor for e in every})
    party_choice(
        "'--recipient'", recipient, recipient_test, {e.item.recipient or "" for e in every}
    )
    ids = None if chosen == Filters() else store.ids(chosen)
    entries = latest(
        [
            entry
            for entry in every
            if (ids is None or entry.id in ids)
            and (category is None or entry.item.category == category)
            and (status is None or entry.item.status == status)
            and (package is None or entry.item.package == package)
            and (donor_test is None or donor_test(entry.item.donor))
            and (
                recipient_test is None
                or (entry.item.recipient and recipient_test(entry.item.recipient))
            )
        ],
        filters.limit,
    )
    if not entries:
        say("no aid matches")
        if fmt is Format.TABLE:
            return
    ledger = Ledger(
        entries,
        verdicts,
        totals(entries, verdicts, by),
        stated_totals(entries, verdicts),
        left_out(entries, verdicts),
        by,
    )
    from ..output import emit

    if totals_only:
        emit(
            fmt,
            table=lambda: print_ledger(ledger, totals_only=True),
            json_document=lambda: totals_document(ledger),
            csv_rows=lambda: (TOTALS_COLUMNS, totals_rows(ledger)),
        )
        return
    emit(
        fmt,
        table=lambda: print_ledger(ledger),
        json_document=lambda: [item_document(e, verdicts) for e in entries],
        csv_rows=lambda: (CSV_COLUMNS, [entry_row(e, verdicts) for e in entries]),
    )


@dataclass(frozen=True)
class Ledger:
    """The output value of `readouts aid`: the items shown and what the totals make of them."""

    entries: list[Entry]
    verdicts: Verdicts
    sums: list[Total]
    stated: list[StatedTotal]
    left_out: str | None
    by: GroupBy


def verdict_text(verdict: Verdict) -> str:
    return "counted" if verdict.counted else f"not added: {verdict.reason}"


def print_ledger(ledger: Ledger, *, totals_only: bool = False) -> None:
    from ..output import print_lines, width

    print_lines(ledger_lines(ledger, width(), items=not totals_only))


def ledger_lines(ledger: Ledger, width: int, *, items: bool = True) -> list[Line]:
    """The ledger for people: each item on a line of its own (citation, parties, amount),
    its description wrapped under it; then the totals, what they leave out, and the stated
    running totals beside the counted sums. Without `items`, the totals alone (the items
    are never laid out, so `--totals` costs little however long the ledger)."""
    from rich.text import Text

    from ...ledger import amount_text, format_amount, parties
    from ..cells import Column, heading, render_rows, table_lines, wrap, wrap_plain
    from ..values import citation

    prose = min(width, 100)
    lines: list[Line] = []
    if items and ledger.entries:
        head = table_lines(
            [
                Column(
                    "CITE",
                    [citation(e.id, e.item.point, e.label) for e in ledger.entries],
                    overflow=True,
                ),
                # The amount is what the ledger is for: the parties give way first (the
                # description under each item names them again).
                Column(
                    "FROM → TO",
                    [parties(e.item.donor, e.item.recipient) for e in ledger.entries],
                    priority=2,
                ),
                Column(
                    "AMOUNT",
                    [amount_text(e.item) for e in ledger.entries],
                    align_right=True,
                    priority=1,
                ),
            ],
            width,
        )
        lines.append(head[0])
        shown = "FROM → TO" in str(head[0])  # else the description names the parties
        for entry, line in zip(ledger.entries, head[1:], strict=True):
            item = entry.item
            facts = [str(item.category), str(item.status)]
            if not shown:
                facts.insert(0, parties(item.donor, item.recipient))
            if item.scope == "cumulative":
                facts.append("running total")
            if item.channel:
                facts.append(f"via {item.channel}")
            if item.package:
                facts.append(f"package {item.package}")
            facts.append(verdict_text(ledger.verdicts[entry.key]))
            lines.append(line)
            lines.extend(
                "    " + part for part in wrap_plain(f"{item.what} ({'; '.join(facts)})", prose - 4)
            )
    if items:
        lines.append(Text())
    lines.append(heading("Totals: each commitment counted once, at its latest figure"))
    label = ledger.by.value.upper()
    lines += (
        [Text("nothing counted")]
        if not ledger.sums
        else render_rows(
            [
                Column(label, [t.group for t in ledger.sums]),
                Column("FLOW", [t.flow for t in ledger.sums], priority=2),
                Column("CURRENCY", [t.currency or "—" for t in ledger.sums], priority=1),
                Column("ITEMS", [str(t.items) for t in ledger.sums], align_right=True, priority=3),
                Column(
                    "TOTAL",
                    [
                        format_amount(t.amount, t.currency)
                        if t.amount is not None and t.currency
                        else "no amount"
                        for t in ledger.sums
                    ],
                    align_right=True,
                    priority=1,
                ),
            ],
            width,
        )
    )
    if ledger.left_out:
        lines += wrap(ledger.left_out, prose)
    for stated in ledger.stated:
        item = stated.entry.item
        lines += [Text(), heading(f"Stated running total, {parties(item.donor, item.recipient)}")]
        lines += wrap(
            f"{amount_text(item)} as stated on {stated.entry.date} "
            f"({citation(stated.entry.id, item.point, stated.entry.label)}): {item.what}",
            prose,
        )
        lines += wrap(
            f"counted here: {format_amount(stated.counted, item.currency or '')} in "
            f"{stated.packages} {item.currency} commitment{'s' * (stated.packages != 1)} "
            f"of {parties(item.donor, item.recipient)}"
            + (
                f" ({stated.counted * 100 // item.amount}% of the stated total)"
                if item.amount
                else ""
            ),
            prose,
        )
    return lines


def entry_row(entry: Entry, verdicts: Verdicts) -> list[object]:
    from ...ledger import aid_cameo
    from ..values import citation

    item = entry.item
    verdict = verdicts[entry.key]
    return [
        entry.id,
        entry.date,
        item.donor,
        item.recipient,
        item.what,
        item.category,
        item.amount,
        item.currency,
        item.status,
        item.channel,
        item.point,
        citation(entry.id, item.point, entry.label),
        None if item.scope == "cumulative" else aid_cameo(item),
        item.scope or "item",
        item.package,
        verdict.counted,
        verdict.reason,
    ]


def item_document(entry: Entry, verdicts: Verdicts) -> dict[str, Any]:
    return dict(zip(CSV_COLUMNS, _plain(entry_row(entry, verdicts)), strict=True))


TOTALS_COLUMNS = ("group", "flow", "currency", "items", "amount")


def totals_rows(ledger: Ledger) -> list[list[object]]:
    return [[t.group, t.flow, t.currency, t.items, t.amount] for t in ledger.sums]


def totals_document(ledger: Ledger) -> dict[str, Any]:
    """`aid --totals --format json`: the totals, what they leave out, the stated totals."""
    from ..values import citation

    return {
        "by": ledger.by.value,
        "groups": [dict(zip(TOTALS_COLUMNS, row, strict=True)) for row in totals_rows(ledger)],
        "not_added": ledger.left_out,
        "stated_totals": [
            {
                "donor": s.entry.item.donor,
                "recipient": s.entry.item.recipient,
                "currency": s.entry.item.currency,
                "amount": s.entry.item.amount,
                "date": s.entry.date.isoformat(),
                "cite": citation(s.entry.id, s.entry.item.point, s.entry.label),
                "counted_commitments": s.counted,
                "counted_packages": s.packages,
            }
            for s in ledger.stated
        ],
    }


def _plain(row: list[object]) -> list[object]:
    import datetime as dt

    return [
        v.isoformat() if isinstance(v, dt.date) else (str(v) if isinstance(v, str) else v)
        for v in row
    ]
