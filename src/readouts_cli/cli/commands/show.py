"""`readouts show`: everything about the meetings of a day, or one meeting."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from ..options import FormatOpt, complete_ids, nonblank
from ..output import Format

if TYPE_CHECKING:
    from rich.text import Text

    from ...corpus import Record
    from ...store import Store

CSV_COLUMNS = ("id", "date", "section", "n", "text", "account")


def run(
    ctx: typer.Context,
    key: Annotated[
        str,
        typer.Argument(
            metavar="DATE|ID",
            help="A day (YYYY-MM-DD), a month or year (listed one line each), an id or the "
            "start of an id.",
            callback=nonblank,
            autocompletion=complete_ids,
        ),
    ],
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Show every meeting of a day, or one meeting, in full.

    Example: readouts show 2024-01-07
    """
    from rich.text import Text

    from ...lookup import period_key
    from ..context import load
    from ..output import emit, print_lines, width
    from ..values import record_document

    store = load(ctx)
    period = period_key(key) and not store.with_id_prefix(key + "-x")
    if period:
        from ...filters import Filters

        if fmt is Format.TABLE:
            # A month or year is a timeline: a few fields a meeting, no record built.
            glances = store.glances(Filters.build(on=key))
            if glances:
                from ..context import open_roster
                from .list_ import timeline

                print_lines(timeline(glances, open_roster(ctx, needed=False), width()))
                return
        records = store.select(Filters.build(on=key))
        if not records:
            from ...errors import NotFoundError

            raise NotFoundError.of(f"no meetings in {key}", hint="`readouts list` shows them")
    else:
        records = find_meetings_or_say_which(store, key)

    def table() -> None:
        lines: list[Text] = []
        for index, record in enumerate(records):
            if index:
                lines.append(Text())
            lines += meeting_view(record, width())
        print_lines(lines)

    emit(
        fmt,
        table=table,
        json_document=lambda: [record_document(r) for r in records],
        csv_rows=lambda: (CSV_COLUMNS, [row for r in records for row in long_rows(r)]),
    )


def find_meetings_or_say_which(store: Store, key: str) -> list[Record]:
    """find_meetings, where an id that names nothing is a usage error with the nearest ids."""
    from ...errors import NotFoundError
    from ...lookup import find_meetings
    from ..context import nearest, unknown

    try:
        return find_meetings(store, key)
    except NotFoundError as err:
        if not err.problems[0].message.startswith("no meeting with the id"):
            raise
        same_day = [r.id for r in store.with_id_prefix(key.strip()[:10])]
        candidates = same_day or [r.id for r in store.with_id_prefix(key.strip()[:4])]
        raise unknown(
            "DATE|ID",
            f"no meeting with the id {key!r}",
            nearest(key, candidates),
            also="`readouts list` shows the ids",
        ) from err


def long_rows(record: Record) -> list[list[object]]:
    """The meeting as (id, date, section, n, text, account) rows: one per participant, point,
    item; `account` numbers the account a row comes from (1, the record's own, for the
    meeting's shared fields)."""
    from ...ledger import describe_aid, describe_condolence

    meeting = record.meeting
    head = [record.id, str(meeting.date)]
    rows: list[list[object]] = [[*head, "title", "", meeting.title, 1]]
    if meeting.summary:
        rows.append([*head, "summary", "", meeting.summary, 1])
    for n, person in enumerate(meeting.participants, start=1):
        rows.append(
            [*head, "participant", n, _person_line(person.name, person.title, person.country), 1]
        )
    for account in meeting.told():
        number = account.number
        if number > 1:
            rows.append([*head, "publisher", "", account.label, number])
            if account.title != meeting.title:
                rows.append([*head, "title", "", account.title, number])
            if account.summary:
                rows.append([*head, "summary", "", account.summary, number])
        for n, point in enumerate(account.points, start=1):
            rows.append([*head, "point", n, point, number])
        for c in account.condolences:
            rows.append([*head, "condolence", c.point or "", describe_condolence(c), number])
        for aid in account.aid:
            rows.append([*head, "aid", aid.point or "", describe_aid(aid), number])
    return rows


def _person_line(name: str, title: str | None, country: str | None) -> str:
    line = f"{name}, {title}" if title else name
    return f"{line} ({country})" if country else line


def meeting_view(record: Record, width: int) -> list[Text]:
    """One meeting in full, for the terminal: header, participants, points, condolences, aid.
    Prose wraps at the width or at 100 columns, whichever is smaller."""
    from rich.text import Text

    from ...ledger import describe_aid, describe_condolence
    from ..cells import hanging, heading, wrap
    from ..values import duration, jst_time, local_time

    prose = min(width, 100)
    meeting = record.meeting
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
        *(("see also", url) for url in meeting.see_also),
        ("publisher", meeting.publisher or ""),
        ("tags", ", ".join(meeting.tags)),
    ]
    lines: list[Text] = [*wrap(heading(meeting.title), prose)]
    for label, value in fields:
        if value:
            lines += hanging(label, value, prose, 11)
    if meeting.summary:
        lines += [Text(), *wrap(meeting.summary, prose)]

    def section(title: str, items: list[tuple[str, str]]) -> None:
        if not items:
            return
        lines.extend([Text(), *wrap(heading(title), prose)])
        indent = max(len(mark) for mark, _ in items) + 1
        for mark, body in items:
            lines.extend(hanging(mark.rjust(indent - 1), body, prose, indent))

    section(
        "Participants",
        [("•", _person_line(p.name, p.title, p.country)) for p in meeting.participants],
    )
    for account in meeting.told():
        of = f" ({account.cite})" if account.cite else ""
        if account.number > 1:
            lines.extend(
                [
                    Text(),
                    *wrap(
                        heading(f"Account {account.number}: {account.publisher or account.label}"),
                        prose,
                    ),
                ]
            )
            own = [
                ("title", account.title if account.title != meeting.title else ""),
                ("source", account.source or ""),
                *(("see also", url) for url in account.see_also),
            ]
            for label, value in own:
                if value:
                    lines += hanging(label, value, prose, 11)
            if account.summary:
                lines += [Text(), *wrap(account.summary, prose)]
        section(
            f"Points{of}",
            [(f"{n}.", point) for n, point in enumerate(account.points, start=1)],
        )
        section(
            f"Condolences{of}",
            [
                (f"§{c.point}" if c.point else "•", describe_condolence(c))
                for c in account.condolences
            ],
        )
        section(
            f"Aid{of}",
            [(f"§{a.point}" if a.point else "•", describe_aid(a)) for a in account.aid],
        )
    return lines
