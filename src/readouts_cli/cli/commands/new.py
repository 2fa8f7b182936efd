"""`readouts new`: scaffold a record from options, or by asking when run at a terminal."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ...vocab import Kind, Level


def run(
    ctx: typer.Context,
    date: Annotated[
        str | None, typer.Option("--date", help="The day of the meeting, YYYY-MM-DD.")
    ] = None,
    kind: Annotated[
        Kind | None, typer.Option("--kind", help="The kind of meeting.", case_sensitive=False)
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="The meeting's title.")] = None,
    participant: Annotated[
        list[str] | None,
        typer.Option(
            "--participant",
            help='A participant as "NAME|TITLE|CC" (title and country optional); repeat for each.',
        ),
    ] = None,
    level: Annotated[
        Level | None, typer.Option("--level", help="The level.", case_sensitive=False)
    ] = None,
    place: Annotated[str | None, typer.Option("--place", help="Where it took place.")] = None,
    time: Annotated[str | None, typer.Option("--time", help="Local start time, HH:MM.")] = None,
    timezone: Annotated[str | None, typer.Option("--timezone", help="IANA zone of --time.")] = None,
    duration: Annotated[int | None, typer.Option("--duration", min=1, help="Minutes.")] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="URL of the published readout.")
    ] = None,
    publisher: Annotated[str | None, typer.Option("--publisher", help="Who published it.")] = None,
    tag: Annotated[list[str] | None, typer.Option("--tag", help="A tag; repeat for each.")] = None,
    record_id: Annotated[
        str | None, typer.Option("--id", help="The id (default: derived).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing record.")] = False,
) -> None:
    """Create a new record file and print its path.

    Example: readouts new --date 2024-01-07 --kind courtesy-call --title "..." --participant "Kamikawa Yoko|Minister for Foreign Affairs|JP"
    """
    import datetime as dt

    from ...corpus import find_data_dir
    from ...errors import ReadoutsError
    from ...writing import derive_id, record_path, scaffold, write_record
    from ..context import state

    interactive = is_interactive()
    if date is None and interactive:
        date = typer.prompt("Date (YYYY-MM-DD)")
    if kind is None and interactive:
        answer = typer.prompt(
            f"Kind ({' | '.join(k.value for k in Kind)})", default=Kind.MEETING.value
        )
        if answer not in Kind.__members__.values():
            raise ReadoutsError.of(f"{answer!r} is not a kind of meeting")
        kind = Kind(answer)
    if title is None and interactive:
        title = typer.prompt("Title")
    if not participant and interactive:
        participant = []
        while entry := typer.prompt(
            "Participant (NAME|TITLE|CC, empty to stop)", default="", show_default=False
        ):
            participant.append(entry)
    missing = [n for n, v in (("--date", date), ("--kind", kind), ("--title", title)) if not v]
    if missing:
        raise ReadoutsError.of(
            f"missing {', '.join(missing)}",
            hint="give them as options, or run at a terminal to be asked",
        )
    assert date is not None and kind is not None and title is not None
    try:
        day = dt.date.fromisoformat(date)
        start = dt.time.fromisoformat(time) if time else None
    except ValueError as err:
        raise ReadoutsError.of(
            f"not a date or time: {err}", hint="dates are YYYY-MM-DD, times HH:MM"
        ) from err
    people = [_participant(p) for p in participant or []]
    data: dict[str, object] = {
        "date": day,
        "title": title,
        "kind": kind.value,
        "level": level.value if level else None,
        "place": place,
        "time": start,
        "timezone": timezone,
        "duration_minutes": duration,
        "source": source,
        "publisher": publisher,
        "tags": tag or None,
        "participants": people or None,
    }
    data = {k: v for k, v in data.items() if v is not None}
    root = find_data_dir(state(ctx).data, writing=True)
    chosen = record_id or derive_id(day, [(p["name"], p.get("country")) for p in people])
    path = record_path(root, chosen)
    write_record(path, scaffold(data), overwrite=force)
    typer.echo(str(path))


def _participant(entry: str) -> dict[str, str]:
    from ...errors import ReadoutsError

    fields = entry.split("|")
    if len(fields) > 3:
        raise ReadoutsError.of(
            f"--participant {entry!r} has {len(fields)} fields",
            hint='give "NAME|TITLE|CC": a name, then optionally a title and a country code',
        )
    name, title, country = ([*fields, "", ""])[:3]
    out = {"name": name.strip()}
    if title.strip():
        out["title"] = title.strip()
    if country.strip():
        out["country"] = country.strip().upper()
    return out


def is_interactive() -> bool:
    """Whether to ask for what the options leave out: only when a person is at the keyboard."""
    return sys.stdin.isatty()
