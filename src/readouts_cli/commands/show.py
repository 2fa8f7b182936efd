"""`readouts show`: everything about the meetings of a day, or one meeting."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from ..options import FormatOpt, nonblank
from ..render import Format

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ..corpus import Record

CSV_COLUMNS = ("id", "date", "section", "n", "text")


def run(
    ctx: typer.Context,
    key: Annotated[
        str,
        typer.Argument(
            metavar="DATE|ID",
            help="A date (YYYY-MM-DD), an id or the start of an id.",
            callback=nonblank,
        ),
    ],
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Show every meeting of a day, or one meeting, in full.

    Example: readouts show 2024-01-07
    """
    from ..edge import load
    from ..lookup import find_meetings
    from ..render import emit, print_renderable
    from ..views import record_document

    records = find_meetings(load(ctx), key)

    def table() -> None:
        from rich.console import Group

        parts: list[RenderableType] = []
        for index, record in enumerate(records):
            if index:
                parts.append("")
            parts.append(meeting_view(record))
        print_renderable(Group(*parts))

    emit(
        fmt,
        table=table,
        json_document=lambda: [record_document(r) for r in records],
        csv_rows=lambda: (CSV_COLUMNS, [row for r in records for row in long_rows(r)]),
    )


def long_rows(record: Record) -> list[list[object]]:
    """The meeting as (id, date, section, n, text) rows: one per participant, point, item."""
    from ..ledger import describe_aid, describe_condolence

    meeting = record.meeting
    head = [record.id, str(meeting.date)]
    rows: list[list[object]] = [[*head, "title", "", meeting.title]]
    if meeting.summary:
        rows.append([*head, "summary", "", meeting.summary])
    for n, person in enumerate(meeting.participants, start=1):
        rows.append(
            [*head, "participant", n, _person_line(person.name, person.title, person.country)]
        )
    for n, point in enumerate(meeting.points, start=1):
        rows.append([*head, "point", n, point])
    for condolence in meeting.condolences:
        rows.append([*head, "condolence", condolence.point or "", describe_condolence(condolence)])
    for aid in meeting.aid:
        rows.append([*head, "aid", aid.point or "", describe_aid(aid)])
    return rows


def _person_line(name: str, title: str | None, country: str | None) -> str:
    line = f"{name}, {title}" if title else name
    return f"{line} ({country})" if country else line


def meeting_view(record: Record) -> RenderableType:
    """One meeting in full, for the terminal: header, participants, points, condolences, aid."""
    from rich.console import Group
    from rich.table import Table

    from ..ledger import describe_aid, describe_condolence
    from ..render import text
    from ..views import duration, jst_time, local_time

    meeting = record.meeting
    header = Table.grid(padding=(0, 2))
    header.add_column(style="bold")
    header.add_column(overflow="fold")
    when = local_time(meeting)
    if when:
        when = f"{when} {meeting.timezone} · {jst_time(meeting, dated=True)} JST"
    level = f" ({meeting.level})" if meeting.level else ""
    fields = [
        ("id", record.id),
        ("date", str(meeting.date)),
        ("time", when),
        ("duration", duration(meeting)),
        ("place", meeting.place or ""),
        ("kind", f"{meeting.kind}{level}"),
        ("source", meeting.source or ""),
        ("publisher", meeting.publisher or ""),
        ("tags", ", ".join(meeting.tags)),
    ]
    for label, value in fields:
        if value:
            header.add_row(label, text(value))

    parts: list[RenderableType] = [text(meeting.title, "bold"), header]
    if meeting.summary:
        parts += ["", text(meeting.summary)]

    def section(title: str, items: list[tuple[str, str]]) -> None:
        if not items:
            return
        grid = Table.grid(padding=(0, 1))
        grid.add_column(justify="right", no_wrap=True)
        grid.add_column(overflow="fold")
        for mark, body in items:
            grid.add_row(mark, text(body))
        parts.extend(["", text(title, "bold"), grid])

    section(
        "Participants",
        [("•", _person_line(p.name, p.title, p.country)) for p in meeting.participants],
    )
    section("Points", [(f"{n}.", point) for n, point in enumerate(meeting.points, start=1)])
    section(
        "Condolences",
        [(f"§{c.point}" if c.point else "•", describe_condolence(c)) for c in meeting.condolences],
    )
    section("Aid", [(f"§{a.point}" if a.point else "•", describe_aid(a)) for a in meeting.aid])
    return Group(*parts)
